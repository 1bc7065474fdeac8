"""Which side a strike's own words name: a nationality word on the trigger's noun phrase
("a Russian missile strike", "des drones ukrainiens"), on the weapon ("атаке украинского
дрона": the attacker) or on what was hit ("уразили російський танк": the target), and the
side that owns a weapon shot down ("сбиты 14 российских беспилотников"). The words come from
each pack's `[sides]` and `weapon_words`.
"""

from __future__ import annotations

from frontwatch.extract.roles import ends_with_agent_noun
from frontwatch.extract.triggers import Hit
from frontwatch.langpack import LangPack

SIDE_WINDOW = 30


def side_before(sentence: str, pos: int, pack: LangPack) -> str | None:
    """A nationality word on the trigger's noun phrase: "a Russian missile strike",
    "российский удар"."""
    before = sentence[max(0, pos - SIDE_WINDOW) : pos]
    found = pack.side_of(r"(?<!\w)(?:{words})(?:\s+\w+)?\s*$", before)
    return found[0] if found else None


def side_opening(hit: Hit, pack: LangPack) -> str | None:
    """A nationality adjective on the noun that opens a strike's trigger, where the language
    puts it after its noun ("des drones ukrainiens ont frappé"): the attacker's side (a
    weapon shot down is the other side's: interceptions are left out)."""
    if hit.family != "strike" or not pack.get("actors", "nationality_after_noun", False):
        return None
    found = pack.side_of(r"\w+\s+(?:{words})(?!\w)", hit.text, anchored=True)
    return found[0] if found else None


def is_weapon(word: str, pack: LangPack) -> bool:
    return pack.regex("actors", "weapon_words").fullmatch(word) is not None


def side_in_trigger(trigger: str, pack: LangPack) -> tuple[str | None, str | None]:
    """(attacker side, target side) told by a nationality word on the noun that ends a
    strike's trigger words: on a weapon ("атаке украинского дрона") it names who attacked;
    on anything else ("уразили російський танк") it names what was hit. (A weapon downed is
    the other side's: interceptions are left out.)"""
    found = pack.side_of(r"(?<!\w)(?:{words})\s+(\w+)$", trigger)
    if found is None:
        return None, None
    side, m = found
    return (side, None) if is_weapon(m.group(1), pack) else (None, side)


def downed_side(words: str, pack: LangPack) -> str | None:
    """The side named on the weapon `words` end with ("14 российских ударных беспилотников")."""
    found = pack.side_of(r"(?<!\w)(?:{words})\s+(?:\w+\s+)?(\w+)$", words,
                         accept=lambda m: is_weapon(m.group(1), pack))
    return found[0] if found else None


def strike_sides(text: str, hit: Hit, pack: LangPack) -> tuple[str | None, str | None]:
    """(attacker side, target side) a strike's own words tell, in languages whose pack
    lists its weapon words; else the object right after a verb ("дрони ГУР уразили |
    російський танк"), never the genitive after a strike noun ("удару | російських ракет"),
    which is the attacker's (roles' agent_after_noun)."""
    if hit.family == "disrupted" and pack.get("actors", "weapon_words", []):
        # "сбиты 14 российских ударных беспилотников": the side on a downed weapon owns it.
        words = [w.strip(",.;:«»()") for w in text[hit.end : hit.end + 80].split()]
        return None, next((s for n in (2, 3, 4) if (s := downed_side(" ".join(words[:n]), pack))),
                          None)
    if hit.family != "strike" or not pack.get("actors", "weapon_words", []):
        return None, None
    weapon_side, target_side = side_in_trigger(hit.text, pack)
    if weapon_side or target_side:
        return weapon_side, target_side
    if ends_with_agent_noun(hit.text, pack):
        return None, None
    words = text[hit.end : hit.end + 60].split()[:3]
    if any(is_weapon(w.strip(",.«»"), pack) for w in words):
        return None, None
    for n in (2, 3):  # "російський танк", "два російські кораблі"
        target_side = side_in_trigger(" ".join(words[:n]), pack)[1] or target_side
    return None, target_side
