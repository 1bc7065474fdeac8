"""Who did what to whom: actor mentions around a trigger, turned into ACLED's actor1/actor2.

Without a parser, word order decides: the nearest actor before the trigger is its subject,
the first after it its object; actors counted as losses ("200 soldats ukrainiens") are
objects wherever they stand. Speaker-relative words are read from the speaker's side. A
missing subject is the speaker's own side (ministries announce their own forces'
actions); a missing object of a violent event is the subject's opponent in the conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontwatch.model import Actor, Mention
from frontwatch.resolve.actors import ActorRegistry

VIOLENT = {"territory", "clash", "strike", "explosive", "war", "disrupted"}
POLITICAL = {"agreement", "political", "arrest"}
REMOTE = {"strike", "explosive"}


@dataclass
class Roles:
    actor1: Actor | None
    actor2: Actor | None
    assoc1: list[Actor] = field(default_factory=list)
    assoc2: list[Actor] = field(default_factory=list)
    gainer_side: str | None = None  # for a change of territory


def _resolve(m: Mention, family: str, speaker_side: str | None, reg: ActorRegistry) -> Actor | None:
    kind = "government" if family in POLITICAL else "military"
    data = m.data
    if "actor" in data:
        return reg.actor(data["actor"], m.text)
    if "side" in data:
        return reg.for_side(data["side"], kind, m.text)
    if data.get("relative") == "speaker_side" and speaker_side:
        return reg.for_side(speaker_side, kind, m.text)
    if data.get("relative") == "enemy_of_speaker" and speaker_side:
        opponent = reg.opponent(speaker_side)
        return reg.for_side(opponent, kind, m.text) if opponent else None
    return None


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
) -> Roles:
    """`trigger` and `victims` (spans of counted losses) use document offsets.
    `hint_side`: a nationality word on the trigger ("a Russian missile strike");
    `place_country`: where it happened, when the sentence says."""
    resolved = [(m, a) for m in mentions if (a := _resolve(m, family, speaker_side, reg))]
    is_victim = {
        id(m) for m, _ in resolved if any(s <= m.start and m.end <= e + 30 for s, e in victims)
    }
    before = [(m, a) for m, a in resolved if m.end <= trigger[0] and id(m) not in is_victim]
    after = [(m, a) for m, a in resolved if m.start >= trigger[1] or id(m) in is_victim]
    subject = before[-1][1] if before else None
    obj = after[0][1] if after else None
    kind = "government" if family in POLITICAL else "military"
    if subject is None and hint_side:
        subject = reg.for_side(hint_side, kind, "(named by nationality)")
    if subject is None and speaker_side and family in REMOTE and place_country == speaker_side:
        # A strike on the speaker's own country is told by its target ("a missile hit
        # Kharkiv, the governor said"): the attacker is the other side.
        opponent = reg.opponent(speaker_side)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and speaker_side and family in VIOLENT | POLITICAL:
        subject = reg.for_side(speaker_side, kind, "(the speaker's side)")
    if subject and obj and subject.side == obj.side and family in VIOLENT:
        obj = None
    if obj is None and subject and family in VIOLENT:
        opponent = reg.opponent(subject.side)
        obj = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    if subject is None and obj is not None and family in VIOLENT:
        opponent = reg.opponent(obj.side)
        subject = reg.for_side(opponent, "military", "(the opponent)") if opponent else None
    assoc_subject = _assoc(subject, [a for _, a in before])
    assoc_object = _assoc(obj, [a for _, a in after])
    if family == "territory":
        gainer, loser = (subject, obj) if role == "gains" else (obj, subject)
        assoc_g, assoc_l = (
            (assoc_subject, assoc_object) if role == "gains" else (assoc_object, assoc_subject)
        )
        return Roles(gainer, loser, assoc_g, assoc_l, gainer.side if gainer else None)
    return Roles(subject, obj, assoc_subject, assoc_object)


def _assoc(main: Actor | None, others: list[Actor]) -> list[Actor]:
    """Allies named beside the main actor (DPR forces beside Russia's) are associated."""
    if main is None:
        return []
    out: list[Actor] = []
    for a in others:
        if a.side == main.side and a.name != main.name and a.name not in {o.name for o in out}:
            out.append(a)
    return out
