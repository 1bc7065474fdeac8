"""Who did what to whom: actor mentions around a trigger, turned into ACLED's actor1/actor2.

Without a parser, word order decides: the nearest actor before the trigger is its subject,
the first after it its object; actors counted as losses ("200 soldats ukrainiens") are
objects wherever they stand. Speaker-relative words are read from the speaker's side. A
missing subject is the speaker's own side (ministries announce their own forces'
actions); a missing object of a battle is the subject's opponent in the conflict.

ACLED conventions applied here: whoever fends off an attack ("repelled an assault by ...")
is the attacked side, actor2; a strike or mine that kills or wounds people has the
civilians of the country it hit as actor2, and a strike with no named target none;
protesters are actor1 of their protest; allies named together ("Russian troops and
separatist forces") are led by the first named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.analyse.rules import word_tags
from frontwatch.extract.triggers import find_hits
from frontwatch.langpack import FLAGS, LangPack
from frontwatch.model import Actor, Mention
from frontwatch.resolve.actors import ActorRegistry

VIOLENT = {"territory", "clash", "strike", "explosive", "war", "disrupted"}
POLITICAL = {"agreement", "political", "arrest"}
REMOTE = {"strike", "explosive", "grenade"}
# Violence against civilians: its victims are civilians unless the text names others.
AGAINST_CIVILIANS = {"attack_civ", "abduction", "sexual"}
CROWD = {"protest"}
# Kinds of protest led by the protesters even when others step in (ACLED: the police who
# break up a rally are its actor2); excessive force is coded from those who used it.
CROWD_LED = {"Peaceful protest", "Protest with intervention"}
SIDE_WINDOW = 30
# A change to a group's own activity or bases has no other party (ACLED): whoever the words
# name after the verb ("replaced the army's commander") is inside the group.
OWN_ACTS = {"change_group", "hq"}
CLAUSE_END = re.compile(r"[,;:()—–]")
SENTENCE_END = re.compile(r"[.!?;:]")
# The instrumental agent stands right after its participle, a time word or two between.
PASSIVE_REACH = 25
AGENT_REACH = 80  # "by", "со стороны" this close after the trigger still tells whose act it was
# Only a strike tells its attacker's side by where it fell; a mine or a bomb does not.
ATTACK_FROM_AFAR = {"strike", "grenade"}
# A mine or a bomb names no hand by who tells of it: with none named, no actor1 (ACLED).
UNSEEN_HAND = REMOTE - ATTACK_FROM_AFAR


@dataclass
class Roles:
    actor1: Actor | None
    actor2: Actor | None
    assoc1: list[Actor] = field(default_factory=list)
    assoc2: list[Actor] = field(default_factory=list)
    gainer_side: str | None = None  # for a change of territory


def _kind_for(family: str) -> str:
    return "government" if family in POLITICAL else "military"


def _resolve(m: Mention, family: str, speaker_side: str | None, reg: ActorRegistry,
             place_country: str | None, relative_side: str | None = None,
             kind: str | None = None) -> Actor | None:
    kind = kind or _kind_for(family)
    data = m.data
    if "actor" in data:
        entry = reg.actors[data["actor"]]
        if family in VIOLENT and entry.get("kind") == "government" and entry.get("side"):
            # "the Kyiv regime launched drones": governments fight through their forces.
            return reg.for_side(entry["side"], "military", m.text)
        return reg.actor(data["actor"], m.text)
    if "kind" in data:
        # Civilians, protesters, police, mayors: of the country where it happened, else of
        # the side telling of them (victims are counted by their own side).
        side = place_country if place_country in reg.sides else speaker_side
        return reg.for_side(side, data["kind"], m.text) if side else None
    if "side" in data:
        return reg.for_side(data["side"], kind, m.text)
    # "the enemy", "our troops": the speaker's point of view, else the press's own.
    own = speaker_side or relative_side
    if data.get("relative") == "speaker_side" and own:
        return reg.for_side(own, kind, m.text)
    if data.get("relative") == "enemy_of_speaker" and own:
        opponent = reg.opponent(own)
        return reg.for_side(opponent, kind, m.text) if opponent else None
    return None


def defence_voice(sentence: str, pack: LangPack) -> str | None:
    """"passive" for "the attack was repelled", "active" for "X repelled the attack",
    None when the sentence tells no attack fended off."""
    passive = pack.get("actors", "defence", {}).get("passive", [])
    active = pack.get("actors", "defence", {}).get("active", [])
    if passive and re.search(rf"(?<!\w)(?:{'|'.join(passive)})(?!\w)", sentence, FLAGS):
        return "passive"
    if active and re.search(rf"(?<!\w)(?:{'|'.join(active)})(?!\w)", sentence, FLAGS):
        return "active"
    return None


def _lead_of_allies(before: list[tuple[Mention, Actor]], text_between: dict[int, str],
                    joiners: re.Pattern[str] | None,
                    any_side: bool = False) -> tuple[Mention, Actor] | None:
    """The first of allies joined by "and" before the trigger leads them (`any_side`: of
    parties joined whatever their side, as in an agreement)."""
    if not before:
        return None
    k = len(before) - 1
    while k > 0 and joiners is not None:
        prev_a = before[k - 1][1]
        same = any_side or prev_a.side == before[k][1].side
        if not same or not joiners.match(text_between.get(k, "x")):
            break
        k -= 1
    return before[k]


def assign(
    family: str,
    role: str,
    trigger: tuple[int, int],
    mentions: list[Mention],
    victims: list[tuple[int, int]],
    speaker_side: str | None,
    reg: ActorRegistry,
    hint_side: str | None = None,
    place_country: str | None = None,
    *,
    text: str = "",
    text_start: int = 0,
    pack: LangPack | None = None,
    people_harmed: bool = False,
    speaker_serves: str | None = None,
    speaker_kind: str | None = None,
    sub_event: str = "",
    actor_kind: str | None = None,
) -> Roles:
    """`trigger` and `victims` (spans of counted losses) use document offsets.
    `hint_side`: a nationality word on the trigger ("a Russian missile strike");
    `place_country`: where it happened, when the sentence says. `text` is the sentence
    (starting at document offset `text_start`), `pack` its language; `people_harmed`: the
    sentence counts people killed or wounded. `speaker_serves`: the side of a speaker who
    reports what befalls its region (a governor), `speaker_kind` its kind (government...).
    `actor_kind`: the kind a side named by its country stands for, when the trigger says
    (a mobilisation is a government's act), else the family's."""
    # A language whose press writes from one side ("ворог" in Ukrainian news is Russia's
    # army) names it in its pack: it reads "the enemy" when no speaker is known.
    press_side = pack.get("meta", "press_side", None) if pack is not None else None
    resolved = [(m, a) for m in mentions
                if (a := _resolve(m, family, speaker_side, reg, place_country, press_side,
                                  actor_kind))
                and not _a_place(m, text, text_start, pack)]
    is_victim = {
        id(m) for m, _ in resolved if any(s <= m.start and m.end <= e + 30 for s, e in victims)
    }
    if family in VIOLENT | AGAINST_CIVILIANS | {"grenade"}:
        # Civilians suffer violence, never wield it: "two men were killed by a mine".
        is_victim |= {id(m) for m, a in resolved if a.inter == 7}
    before = [(m, a) for m, a in resolved if m.end <= trigger[0] and id(m) not in is_victim]
    after = [(m, a) for m, a in resolved if m.start >= trigger[1] or id(m) in is_victim]
    if (not before and after and id(after[0][0]) not in is_victim
            and not SENTENCE_END.search(text[trigger[1] - text_start : after[0][0].start
                                             - text_start])
            and _subject_case(after[0][0].text, pack)):
        # "Харьков обстреляли оккупанты": a noun that can only be a subject, after the
        # verb, is its subject (free word order).
        before, after = after[:1], after[1:]
    # "о 39 атаках российских войск": a trigger whose own agent follows it needs no later
    # clause to tell who fought.
    told = before or _agent(family, after, trigger[1], text, text_start, pack, trigger[0])
    again = _told_again(family, trigger, text, text_start, pack) if not told else None
    if again is not None:
        # "Fighting raged near Kreminna as Ukrainian units attacked Russian positions": the
        # fight has no subject, the clause telling it again has one.
        before = [(m, a) for m, a in after if m.end <= again and id(m) not in is_victim]
        after = [(m, a) for m, a in after if (m, a) not in before]
    # "arrested by the FSB": the agent is read before arrests drop the state from whom
    # they name.
    agent = _agent(family, after, trigger[1], text, text_start, pack, trigger[0])
    after = [x for x in after if x is not agent]
    if family == "arrest":
        # Whom they arrested is named only if a group ("detained a man", "passing the
        # positions of Ukrainian air defences" name none).
        after = [(m, a) for m, a in after if a.inter not in (1, 7, 8)]
    if family in REMOTE or family not in VIOLENT | {"agreement"}:
        # "struck central Kyiv", "a referendum on joining Russia": a country or capital after
        # the verb is where it happened or what it is about, not a party to it.
        after = [(m, a) for m, a in after if "side" not in m.data]
    joiners = _joiners(pack)
    gaps = {k: text[before[k - 1][0].end - text_start : before[k][0].start - text_start]
            for k in range(1, len(before))}
    lead = _lead_of_allies(before, gaps, joiners, family == "agreement")
    subject = lead[1] if lead else None
    obj = after[0][1] if after else None
    if family == "agreement" and lead is not None and lead is not before[-1]:
        # "Russia and Ukraine signed": the parties are both named before the verb.
        obj = next((a for _, a in before[before.index(lead) + 1 :] if a.side != subject.side),
                   obj)  # type: ignore[union-attr]
    if agent is not None:
        # "assaults by Wagner fighters", "a terrorist attack by Kyiv": the agent acts, and
        # whoever stands before the trigger ("Ukrainian forces fought off") is its target.
        obj = subject if subject is not None else obj
        subject = agent[1]
    kind = actor_kind or _kind_for(family)
    voice = None if agent is not None or pack is None or family != "clash" else (
        defence_voice(text, pack))
    if family in CROWD or sub_event in CROWD_LED:
        return _crowd(subject, place_country, reg, obj,
                      sub_event == "Protest with intervention")
    hint_side = hint_side or _side_after(text, trigger[1] - text_start, pack)
    if subject is None and hint_side:
        subject = reg.for_side(hint_side, kind, "(named by nationality)")
    if subject is None and voice == "passive" and speaker_side:
        # "the attacks were beaten back": the speaker's side defended, the enemy attacked.
        opponent = reg.opponent(speaker_side)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and speaker_side and family in ATTACK_FROM_AFAR and (
        place_country == speaker_side or people_harmed
    ):
        # A strike on the speaker's own country, or one whose dead the speaker counts, is
        # told by its target ("a missile hit Kharkiv, the governor said"): the attacker is
        # the other side.
        opponent = reg.opponent(speaker_side)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and speaker_serves and family in ATTACK_FROM_AFAR:
        # A governor reports strikes on his region: the attacker is the other side.
        opponent = reg.opponent(speaker_serves)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and speaker_side and role == "loses" and pack is not None and (
        pack.regex("actors", "surrender", words=False).search(
            text[trigger[0] - text_start : trigger[1] - text_start]) is not None
    ):
        # "2,439 fighters had laid down their arms, the ministry said": a side announces
        # the other side's surrender, never its own.
        opponent = reg.opponent(speaker_side)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and speaker_side and family in (VIOLENT | POLITICAL) - UNSEEN_HAND:
        subject = reg.for_side(speaker_side, kind, "(the speaker's side)")
    own_side = speaker_side or speaker_serves
    defender = own_side or press_side or (place_country if place_country in reg.sides else None)
    if subject is None and family == "disrupted" and defender:
        # "над Київщиною збито 15 шахедів": weapons are downed by the side telling of it
        # (a governor: the one he serves), else the press's, else the one where they fell.
        subject = reg.for_side(defender, "military", "(the defender)")
    if subject is None and own_side and family not in VIOLENT | CROWD | AGAINST_CIVILIANS:
        # "Putin announced a mobilisation", "voting began, the Russian-installed
        # administration said": the speaker, or the government it serves, acts.
        own = "government" if speaker_kind in ("government", "regional authority") else kind
        subject = reg.for_side(own_side, own, "(the speaker)")
    if subject and obj and subject.side == obj.side and family in VIOLENT:
        obj = None
    if family == "agreement" and subject and (obj is None or obj.name == subject.name):
        # An exchange of prisoners or bodies is agreed with the other side; no party agrees
        # with itself ("our defenders came home" names those exchanged).
        other = reg.opponent(subject.side)
        obj = reg.for_side(other, "government", "(the other party)") if other else obj
    harmed_side = place_country if place_country in reg.sides else None
    if family in REMOTE and (people_harmed or (obj and obj.inter == 7)):
        # Where it fell decides; else the side counting its dead (its own people).
        side = harmed_side or (obj.side if obj else None) or own_side or reg.opponent(
            subject.side if subject else None)
        obj = reg.for_side(side, "civilians", "(people harmed)") if side else obj
    elif family in AGAINST_CIVILIANS:
        side = harmed_side or reg.opponent(subject.side if subject else None)
        if obj is None and side:
            obj = reg.for_side(side, "civilians", "(the victims)")
    if obj is None and subject and family in VIOLENT - REMOTE:
        opponent = reg.opponent(subject.side)
        obj = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and obj is not None and family in (VIOLENT - REMOTE) | ATTACK_FROM_AFAR:
        opponent = reg.opponent(obj.side)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    assoc_subject = _assoc(subject, [a for _, a in before])
    assoc_object = _assoc(obj, [a for _, a in after])
    if voice == "active":
        # "Ukrainian forces fought off assaults by Wagner": the attacker is actor1.
        subject, obj = obj, subject
        assoc_subject, assoc_object = assoc_object, assoc_subject
    if family in OWN_ACTS:
        return Roles(subject, None, assoc_subject, [])
    if family == "territory":
        gainer, loser = (subject, obj) if role == "gains" else (obj, subject)
        assoc_g, assoc_l = (
            (assoc_subject, assoc_object) if role == "gains" else (assoc_object, assoc_subject)
        )
        return Roles(gainer, loser, assoc_g, assoc_l, gainer.side if gainer else None)
    return Roles(subject, obj, assoc_subject, assoc_object)


def _a_place(m: Mention, text: str, text_start: int, pack: LangPack | None) -> bool:
    """"Police in Moscow", "в Киеве": a country or capital the text puts something in is a
    place there, not a party."""
    if "side" not in m.data or pack is None or not text:
        return False
    locative = pack.regex("places", "locative_before", anchor_end=True, words=False)
    start = m.start - text_start
    return bool(locative.search(text[max(0, start - 20) : start]))


def _agent(family: str, after: list[tuple[Mention, Actor]], end: int, text: str,
           text_start: int, pack: LangPack | None,
           trigger_start: int | None = None) -> tuple[Mention, Actor] | None:
    """The first actor after the trigger when an agent word introduces it ("an attack by",
    "shelling of Shebekino by", "обстрел Шебекино со стороны"), within the clause; never
    after an attack fended off ("were repelled by" names the defender)."""
    words = pack.get("actors", "agent", []) if pack is not None else []
    if not words or not after or family == "disrupted":
        # "shot down drones launched by Russia": the launcher is the target
        return None
    m, a = after[0]
    gap = text[end - text_start : m.start - text_start]
    if (not gap.strip() and a.inter != 7 and "side" not in m.data
            and ends_with_agent_noun(text[: end - text_start], pack)):
        # "в результате удара ВСУ", "внаслідок обстрілу окупантів": the army named right
        # after a strike noun (a genitive) is whose strike it was, in a passive report too
        # ("отражены атаки ВСУ"). A city there ("обстріл Києва") or civilians ("обстрел
        # мирных жителей") are its target.
        return after[0]
    if defence_voice(text, pack) == "passive":  # type: ignore[arg-type]
        return None  # "were repelled by" names the defender
    if (trigger_start is not None and len(gap) <= PASSIVE_REACH and not CLAUSE_END.search(gap)
            and a.inter != 7
            and _passive_agent(text[trigger_start - text_start : end - text_start], m.text,
                               gap, pack)):
        # "был застрелен российскими военными": the agent of a passive participle stands
        # in the pack's agent case (the instrumental).
        return after[0]
    if len(gap) <= AGENT_REACH and "," not in gap and re.search(
        rf"(?<!\w)(?:{'|'.join(words)})\s+$", gap, FLAGS
    ):
        return after[0]
    return None


def _subject_case(actor: str, pack: LangPack | None) -> bool:
    """Every reading of the last word of `actor` is one of the pack's `subject_case`
    (grammemes joined by "+" must all be there): "оккупанты", not "войска" (also
    accusative) nor "ВСУ" (any case)."""
    cases = pack.get("actors", "subject_case", []) if pack is not None else []
    words = re.findall(r"\w+", actor)
    if not cases or not words:
        return False
    readings = word_tags(pack.code)(words[-1])  # type: ignore[union-attr]
    wanted = [frozenset(c.split("+")) for c in cases]
    return bool(readings) and all(any(w <= r for w in wanted) for r in readings)


def _passive_agent(trigger: str, actor: str, gap: str, pack: LangPack | None) -> bool:
    """`trigger` ends on a passive participle (the pack's `passive_marks` grammemes) and
    `actor` begins with a word that can only stand in the agent's case (`agent_case`):
    "Донецкой" may be a genitive too, and names no agent. A word of any case ("ВСУ", the
    pack's `any_case`) is the agent only right after the participle: in "атакованы позиции
    ВСУ" it owns what was hit (`gap`: the text between)."""
    marks = set(pack.get("actors", "passive_marks", [])) if pack is not None else set()
    cases = set(pack.get("actors", "agent_case", [])) if pack is not None else set()
    loose = set(pack.get("actors", "any_case", [])) if pack is not None else set()
    words = re.findall(r"\w+", actor)
    if not marks or not cases or not trigger or not words:
        return False
    tags = word_tags(pack.code)  # type: ignore[union-attr]
    readings = tags(words[0])
    predicate = re.findall(r"\w+", trigger)[-1:]  # "массированных ударов" is no passive
    if not readings or not any(marks <= r for w in predicate for r in tags(w)):
        return False
    if all(cases & r for r in readings):
        return True
    return not gap.strip() and all((cases | loose) & r for r in readings)


def ends_with_agent_noun(text: str, pack: LangPack | None) -> bool:
    """`text` ends on a strike noun whose genitive names the attacker ("удара", "обстрілу"):
    the pack's `agent_after_noun`."""
    nouns = pack.get("actors", "agent_after_noun", []) if pack is not None else []
    return bool(nouns) and re.search(rf"(?<!\w)(?:{'|'.join(nouns)})$", text, FLAGS) is not None


def _side_after(text: str, end: int, pack: LangPack | None) -> str | None:
    """A nationality adjective right after the trigger, where the language puts it there
    ("des frappes russes"); never a noun complement, which names the target."""
    if pack is None or not pack.get("actors", "nationality_after_noun", False):
        return None
    found = pack.side_of(r"\s*(?:{words})(?!\w)", text[end : end + SIDE_WINDOW], anchored=True)
    return found[0] if found else None


def _told_again(family: str, trigger: tuple[int, int], text: str, text_start: int,
                pack: LangPack | None) -> int | None:
    """Document offset of a later word of the same battle in the sentence, if any."""
    if family != "clash" or pack is None or not text:
        return None
    later = [h.start for h in find_hits(text, pack)
             if h.family == family and h.start >= trigger[1] - text_start and not h.context]
    return text_start + min(later) if later else None


def _crowd(subject: Actor | None, place_country: str | None, reg: ActorRegistry,
           obj: Actor | None = None, intervened: bool = False) -> Roles:
    """Protesters are actor1 of their protest; whoever intervenes, actor2 ("were detained
    by police" names them after the trigger; "were detained at protests" names no one, and
    the police of the country stand in)."""
    side = place_country if place_country in reg.sides else (subject.side if subject else None)
    protesters = reg.for_side(side, "protesters", "(the protesters)") if side else None
    if protesters is None:
        return Roles(subject, None)
    # Only those who step in (police, troops breaking it up) are the protest's actor2;
    # "chanting at Russian soldiers" names whom it addressed.
    other = next((a for a in (subject, obj)
                  if a is not None and reg.kind_of(a) == "police"), None)
    if other is None and intervened and side:
        other = reg.for_side(side, "police", "(who intervened)")
    return Roles(protesters, other)


def _joiners(pack: LangPack | None) -> re.Pattern[str] | None:
    words = pack.get("actors", "joiners", []) if pack is not None else []
    if not words:
        return None
    return re.compile(rf"^[\s,]*(?:{'|'.join(words)})\s*$", FLAGS)


def _assoc(main: Actor | None, others: list[Actor]) -> list[Actor]:
    """Allies named beside the main actor (DPR forces beside Russia's) are associated."""
    if main is None:
        return []
    out: list[Actor] = []
    for a in others:
        if a.side == main.side and a.name != main.name and a.name not in {o.name for o in out}:
            out.append(a)
    return out
