"""Claim extraction: one claim per event told in a sentence, with all its evidence.

For each sentence: live trigger words (not feared, not pointing back), the speaker, the
date mention nearest the trigger (else the date the narrative last named, else the
publication date), the place (the sentence's, framed by its cues), the actors in their
roles, and the counted things. Earlier events recalled as context become background claims
and keep only the date their own words give.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from frontwatch.analyse.rules import split_sentences
from frontwatch.extract import days
from frontwatch.extract.attribution import (
    Attribution,
    agencies_cited,
    attribute,
    outlet_name,
    regional_speaker,
)
from frontwatch.extract.quantities import find_quantities
from frontwatch.extract.roles import assign
from frontwatch.extract.sides import is_weapon, side_before, side_opening, strike_sides
from frontwatch.extract.triggers import CUE_WINDOW, Hit, find_hits, select
from frontwatch.langpack import LangPack, load_data
from frontwatch.model import Claim, DateValue, Document, Mention, PlaceMention, Sentence
from frontwatch.pipeline import Resources, register
from frontwatch.resolve.actors import registry
from frontwatch.resolve.place_names import placed_seat

SPEAKER_AHEAD = 2  # sentences after an unattributed one searched for its speaker
# Kinds of event whose dead a following sentence may count ("... Two people were killed.").
CARRY_TOLL = {"Explosions/Remote violence", "Violence against civilians", "Battles"}
CLAUSE_BREAK = re.compile(r"[,;:()—–]")
# A date this long before publication is a recalled event, not news.
BACKGROUND_AFTER = timedelta(days=30)
# Preference among a sentence's places: the town itself, then around it, then wider areas.
PLACE_RANK = {"in": 0, "settlement": 0, "anaphora": 0, "outskirts": 0, "direction": 1,
              "near": 1, "offset": 1, "region": 2}
FEATURE_RANK = {"PPL": 0, "ADM2": 1, "ADM1": 1, "RGN": 1, "PCLI": 2}


def _within(items: list, s: Sentence) -> list:  # type: ignore[type-arg]
    return [m for m in items if s.start <= m.start and m.end <= s.end]


def _date_headlines(doc: Document) -> None:
    """A headline rarely dates its story ("Russian forces shell Kupiansk"); the report below
    does ("on Monday"). A headline claim with no date of its own takes the date of the first
    claim of the same kind in the body that states one."""
    headings = {s.index for s in doc.sentences if s.is_heading}
    body = [c for c in doc.claims if c.date.text and not c.background
            and days.ANOTHER not in c.notes]
    located = [c for c in doc.claims if c.location is not None and not c.background]
    for claim in doc.claims:
        sentence = next((s for s in doc.sentences if s.start == claim.start), None)
        if sentence is None or sentence.index not in headings or claim.background:
            continue
        if claim.location is None:
            # "Сальдо: ВСУ нанесли удар по Алешкам": a headline whose place was not found
            # is about the place of the same kind of event the report below names.
            where = next((c for c in located if c.start > claim.start
                          and c.sub_event_type == claim.sub_event_type), None)
            if where is not None:
                claim.location = where.location
                claim.notes.append("place of the report under the headline")
        if claim.modality == "asserted":
            # "Херсон: російський дрон атакував автобус": a headline sums up what the report
            # below says its source said.
            said = next((c for c in doc.claims if c.start > claim.start and not c.background
                         and c.modality == "claimed"
                         and c.sub_event_type == claim.sub_event_type), None)
            if said is not None:
                claim.claimed_by, claim.via, claim.modality = said.claimed_by, said.via, "claimed"
        if claim.date.text:
            continue
        told = next((c for c in body if c.start > claim.start
                     and (c.event_type, c.sub_event_type) == (claim.event_type,
                                                               claim.sub_event_type)), None)
        if told is not None:
            d = told.date
            claim.date = DateValue(d.start, d.end, d.time_precision, None,
                                   "date of the report under the headline", d.partial)


def _place_from_narrative(doc: Document) -> None:
    """"Ракета попала в рынок в Константиновке. Удар пришелся на ...": a claim whose
    sentence names no place happened where its paragraph last placed the same kind of
    event, as a claim with no date takes the date the narrative last named; unless its
    attacker is another (the other side's strike told after it is another event)."""
    paragraph = {s.start: s.paragraph for s in doc.sentences}
    last: dict[tuple[str, int | None], Claim] = {}
    for claim in doc.claims:
        if claim.background:
            continue
        key = (claim.event_type, paragraph.get(claim.start))
        told = last.get(key)
        if claim.location is not None:
            last[key] = claim
        elif told is not None and (claim.actor1 is None or told.actor1 is None
                                   or claim.actor1.name == told.actor1.name):
            claim.location = told.location
            claim.notes.append("place named earlier in the text")


def _speaker_ahead(whos: list[Attribution], all_hits: list[list[Hit]],
                   k: int) -> Attribution | None:
    """The speaker of sentence `k` named by verb in one of the next SPEAKER_AHEAD sentences
    (the lead's source often opens the next paragraph), when those only add to it: a toll,
    the damage, more of the same kind of event."""
    own = {h.family for h in all_hits[k]}
    for j in range(k + 1, min(k + 1 + SPEAKER_AHEAD, len(whos))):
        if not {h.family for h in all_hits[j] if not h.context} <= own:
            return None
        if whos[j].how in ("verb", "according_to"):
            return None if whos[j].denied else whos[j]
    return None


def _pieces(s: Sentence, pack: LangPack) -> list[tuple[int, int]]:
    """A lead paragraph taken for a title stays one sentence (its speaker and its toll
    belong to all of it), but each of its sentences keeps its own dates and background
    cues: "X took Avdiivka. Fighting had raged since October." is no October event."""
    if not s.is_heading:
        return [(0, len(s.text))]
    return split_sentences(s.text, frozenset(pack.get("meta", "abbreviations", []))) or [
        (0, len(s.text))]


def _piece(pieces: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    return next(((a, b) for a, b in pieces if a <= offset < b), pieces[-1])


def _hypothetical(text: str, hit: Hit, pack: LangPack) -> bool:
    """A modal ("could", "pourrait") makes the event feared or planned when it stands before
    the trigger, or after it in the same clause ("an offensive could come"); one in a later
    clause speaks of consequences ("..., killing two, in an attack that could amount to a
    war crime")."""
    for m in pack.regex("modality", "hypothetical", words=False).finditer(text):
        if m.start() < hit.start or not CLAUSE_BREAK.search(text[hit.end : m.start()]):
            return True
    return False


def _country_told(doc: Document, pos: int) -> str | None:
    """The country of the place the text names nearest to `pos`: a village missing from the
    gazetteer lies where the rest of the report is ("in the Donetsk region")."""
    told = [p for p in doc.places if p.place is not None and p.place.country
            and p.relation != "descriptive"]
    nearest = min(told, key=lambda p: abs(p.start - pos), default=None)
    return nearest.place.country if nearest is not None else None  # type: ignore[union-attr]


def _nearest(items: list[Mention], pos: int) -> Mention | None:
    return min(items, key=lambda m: (abs(m.start - pos), m.start), default=None)


class ExtractClaims:
    name = "extract.claims.v1"
    requires = frozenset({"sentences", "dates", "places", "actors"})
    assigns = frozenset({"claims"})

    def __init__(self, resources: Resources) -> None:
        self.langpacks = resources.langpacks
        self.gazetteer = resources.gazetteer
        self.registry = registry()
        acled = load_data("acled")
        self.territory = acled["territory"]
        self.unplaced_owner = acled.get("territory_unplaced", {}).get("owner")
        self.agencies = frozenset(
            k for k, v in self.registry.claimants.items() if v["kind"] == "agency"
        )

    def __call__(self, doc: Document) -> Document:
        doc.claims = []
        if doc.language not in self.langpacks:
            return doc
        pack = self.langpacks[doc.language]
        dates = [m for m in doc.mentions if m.kind == "date"]
        actors = [m for m in doc.mentions if m.kind == "actor"]
        speakers = [m for m in doc.mentions if m.kind == "claimant"]
        narrative: DateValue | None = None
        told_before: list[Claim] = []
        toll_before: Sentence | None = None
        all_hits = [find_hits(s.text, pack) for s in doc.sentences]
        whos = self._speakers(doc, pack, speakers, all_hits)
        families_told: set[str] = set()
        if_told = pack.regex("modality", "anaphora_if_told", anchor_end=True, words=False)
        for s, who, hits in zip(doc.sentences, whos, all_hits, strict=True):
            s_speakers = _within(speakers, s)
            s_dates = _within(dates, s)
            # "после обстрела" points back at a strike only where one was told before;
            # told first, it is the report's own event (the pack's `anaphora_if_told`).
            hits = [replace(h, status="event")
                    if h.status == "anaphora" and h.family not in families_told
                    and if_told.search(s.text[max(0, h.start - CUE_WINDOW) : h.start]) else h
                    for h in hits]
            pieces = _pieces(s, pack)
            # "ont chargé jeudi ..., a dénoncé vendredi le ministère": the day of the saying
            # dates the event only when the sentence gives no other.
            said = {m.start for m in s_dates if days.report_day(m, s, pack)}
            date_for = {h.start: _nearest(days.unsaid([m for m in s_dates
                                                   if _piece(pieces, m.start - s.start)
                                                   == _piece(pieces, h.start)], said),
                                          s.start + h.start)
                        for h in hits}
            chosen = select(hits, {k: (v.start if v else None) for k, v in date_for.items()})
            cue = pack.regex("modality", "background", words=False)
            another = pack.regex("modality", "another_event")
            since = pack.regex("modality", "period_start", anchor_end=True)
            made: list[Claim] = []
            for k, hit in enumerate(chosen):
                a, b = _piece(pieces, hit.start)
                claim = self._claim(doc, pack, s, k, hit, who, date_for[hit.start],
                                    narrative, bool(cue.search(s.text[a:b])), actors, s_speakers)
                if claim:
                    told = date_for[hit.start]
                    if told is not None and told.start in said:
                        claim.notes.append(days.REPORT_DAY)
                    if told is not None and since.search(s.text[: told.start - s.start]):
                        claim.notes.append(days.SINCE)
                    if another.search(s.text[max(0, hit.start - CUE_WINDOW) : hit.start]):
                        claim.notes.append(days.ANOTHER)
                    if claim.background and not hit.context and not cue.search(s.text[a:b]):
                        claim.notes.append(days.OLD)
                    doc.claims.append(claim)
                    made.append(claim)
                    families_told.add(hit.family)
            if toll_before:
                self._carry_toll(toll_before, pack, made, forward=True)
            toll_before = None
            if not hits:
                self._carry_toll(s, pack, told_before)
                toll_before = s
            told_before = made
            # A day later than the event this sentence tells dates the report, not the
            # narrative ("выросло до 18 ..., сообщил в субботу").
            own = [c.date.start for c in made if not c.background and c.date.text]
            values = [d.data["value"] for d in s_dates]
            if own and own[0] is not None:
                values = [v for v in values if v.start is None or v.start <= own[0]]
            for value in values:
                day_without_year = bool(value.partial and len(value.partial) == 7)
                if (value.time_precision == 1 or day_without_year) and not self._is_old(
                    doc, value
                ):
                    narrative = value
        days.event_day(doc)
        _date_headlines(doc)
        _place_from_narrative(doc)
        return doc

    def _speakers(self, doc: Document, pack: LangPack, speakers: list[Mention],
                  all_hits: list[list[Hit]]) -> list[Attribution]:
        """The speaker of each sentence. One with none of its own takes the speaker named
        in the next sentence when that one only reports it ("Про це повідомив X", "Об этом
        сообщил X"), or tells no event of its own in the same paragraph ("Загинули двоє,
        повідомив X"); else one named in the next two sentences when those only add to it
        ("Missiles hit Lviv overnight. Fifteen people were wounded, the governor said.")."""
        whos: list[Attribution] = []
        previous: str | None = None
        for s in doc.sentences:
            who = attribute(s.text, s.start, _within(speakers, s), pack, previous,
                            self.agencies)
            if who.claimant and not who.claimant.startswith("@"):
                previous = who.claimant
            whos.append(who)
        about_this = pack.regex("reporting", "about_this", words=False)
        for k, (s, nxt) in enumerate(zip(doc.sentences, doc.sentences[1:], strict=False)):
            later = whos[k + 1]
            if whos[k].how != "outlet":
                continue
            if (later.mention is not None and later.claimant
                    # "Про це повідомив X" points back across a paragraph break too
                    and (about_this.match(nxt.text)
                         or (nxt.paragraph == s.paragraph
                             and not any(h.status == "event" for h in all_hits[k + 1])))):
                whos[k] = replace(later, mention=None, how="next_sentence")
            elif all_hits[k]:
                whos[k] = _speaker_ahead(whos, all_hits, k) or whos[k]
        return whos

    def _carry_toll(self, s: Sentence, pack: LangPack, told: list[Claim],
                    forward: bool = False) -> None:
        """"Окупанти атакували Дніпро ракетами. Загинув чоловік.": a sentence that tells
        no event but counts the dead or wounded counts them for the violent event told in
        the sentence just before it, which had no toll of its own; `forward`: for the one
        told just after it ("The death toll has risen to 15. The building was hit by
        shelling on Sunday.")."""
        found = [f.quantity for f in find_quantities(s.text, pack)
                 if f.quantity.outcome in ("killed", "wounded")]
        if not found:
            return
        for claim in told:
            if (claim.background or claim.event_type not in CARRY_TOLL
                    or any(q.outcome in ("killed", "wounded") for q in claim.quantities)):
                continue
            claim.quantities.extend(found)
            harmed = any(q.unit in ("civilians", "people") for q in found)
            place = claim.location.place if claim.location else None
            if (harmed and claim.actor2 is None and place is not None
                    and claim.event_type == "Explosions/Remote violence"
                    and place.country in self.registry.sides):
                # People harmed where it fell are its target (see roles.assign).
                claim.actor2 = self.registry.for_side(place.country, "civilians",
                                                      "(people harmed)")
            where = "previous" if forward else "next"
            claim.notes.append(f"toll told in the {where} sentence: \"{s.text[:120]}\"")

    def _is_old(self, doc: Document, value: DateValue) -> bool:
        return bool(doc.published and value.end and value.end < doc.published - BACKGROUND_AFTER)

    def _claim(
        self,
        doc: Document,
        pack: LangPack,
        s: Sentence,
        k: int,
        hit: Hit,
        who,  # type: ignore[no-untyped-def]
        date_mention: Mention | None,
        narrative: DateValue | None,
        background_cue: bool,
        actors: list[Mention],
        s_speakers: list[Mention],
    ) -> Claim | None:
        if date_mention is not None:
            date: DateValue = date_mention.data["value"]
        else:
            date = DateValue(None, None, None, None, "no date stated")
        background = hit.context or background_cue or self._is_old(doc, date)
        if hit.context and not background_cue:
            return None  # "la guerre" in passing is not an event
        if date_mention is None and not background:
            if narrative is not None:
                date = DateValue(narrative.start, narrative.end, narrative.time_precision,
                                 None, "date named earlier in the text", narrative.partial)
            elif doc.published:
                date = DateValue(doc.published, doc.published, 1, None, "publication date")
            else:
                date = DateValue(None, None, None, None, "no date stated, no publication date")
        trigger_span = (s.start + hit.start, s.start + hit.end)
        quantities = find_quantities(s.text, pack)
        victims = [(s.start + q.start, s.start + q.end) for q in quantities]
        mentions = [
            m for m in _within(actors, s)
            if not (who.mention and m.start < who.mention.end and who.mention.start < m.end)
        ]
        seat = hit.place_policy == "seat"
        location = None if seat else self._location(doc, pack, s, hit, trigger_span[0], None)
        speaker = regional_speaker(who.claimant, location.place if location else None,
                                   self.registry, self.gazetteer.get)
        claimant = self.registry.claimants.get(speaker or "", {})
        speaker_side = claimant.get("side")
        weapon_side, target_side = strike_sides(s.text, hit, pack)
        side_named = side_before(s.text, hit.start, pack)
        downed = bool(hit.family == "disrupted" and side_named and target_side is None
                      and is_weapon(hit.text.split()[0], pack))
        if downed:
            # "пять украинских дронов были уничтожены": the side on a downed weapon owns it.
            target_side, side_named = side_named, None
        roles = assign(hit.family, hit.role, trigger_span, mentions, victims, speaker_side,
                       self.registry, side_named
                       or (None if downed else side_opening(hit, pack)) or weapon_side
                       or self.registry.opponent(target_side),
                       location.place.country if location and location.place else None,
                       text=s.text, text_start=s.start, pack=pack,
                       speaker_serves=claimant.get("serves"), speaker_kind=claimant.get("kind"),
                       # "the death toll rose to 12" counts people with no noun
                       people_harmed=any(q.quantity.unit in ("civilians", "people")
                                         and q.quantity.outcome in ("killed", "wounded")
                                         for q in quantities),
                       sub_event=hit.sub_event_type, actor_kind=hit.actor_kind)
        if target_side and roles.actor2 is None:
            roles.actor2 = self.registry.for_side(target_side, "military", "(what was hit)")
        if seat:
            location = self._location(doc, pack, s, hit, trigger_span[0], roles.actor1)
        if location is None and claimant.get("region"):
            # A governor speaks of his region: with no place named, the region stands in.
            place = self.gazetteer.get(claimant["region"])
            if place is not None:
                location = PlaceMention("", 0, 0, place, 3, [],
                                        f"no place stated: the region of {claimant['name']}",
                                        "region")
        sub_event = hit.sub_event_type
        notes: list[str] = []
        if location is None:
            notes.append("no known place in this sentence: location left empty")
        if hit.family == "territory" and not (
            # no known gainer: the trigger's words about who gained ("army troops
            # recaptured") decide, where the language pack types them
            roles.gainer_side is None and hit.sub_event_type in self.territory.values()
        ):
            owner = (location.place.country if location and location.place
                     else _country_told(doc, trigger_span[0]))
            gained_by_owner = roles.gainer_side is not None and (
                roles.gainer_side == owner
                # A village no gazetteer knows, taken back ("recaptured") by a state's forces:
                # the word tells it was theirs.
                or (owner is None
                    and pack.regex("triggers", "retaking").search(hit.text) is not None)
                # With no place found at all, the ground fought over is taken to be the
                # country the war is waged on (acled.toml): its army retaking it recaptures.
                or (owner is None and roles.gainer_side == self.unplaced_owner))
            sub_event = self.territory["gained_by_owner" if gained_by_owner else "gained_by_other"]
        if hit.status != "event":
            modality = hit.status
        elif who.denied:
            modality = "denied"
        elif _hypothetical(s.text, hit, pack):
            modality = "hypothetical"
        else:
            modality = "claimed" if speaker else "asserted"
        paragraph = doc.paragraphs[s.paragraph]
        para_speakers = [m for m in doc.mentions if m.kind == "claimant"
                         and paragraph[0] <= m.start and m.end <= paragraph[1]]
        cited = agencies_cited(doc.text[paragraph[0] : paragraph[1]], paragraph[0],
                               para_speakers, pack, set(self.agencies))
        via = [
            self.registry.claimants[a]["name"]
            for a in dict.fromkeys([*who.channels, *cited])
            if a != who.claimant
        ]
        return Claim(
            id=f"{doc.id}-s{s.index}-{k}",
            document_id=doc.id,
            sentence=s.text,
            start=s.start,
            end=s.end,
            event_type=hit.event_type,
            sub_event_type=sub_event,
            actor1=roles.actor1,
            actor2=roles.actor2,
            location=location,
            date=date,
            quantities=[q.quantity for q in quantities],
            claimed_by=claimant.get("name") or outlet_name(doc.outlet, pack, self.registry)
            or "unnamed outlet",
            via=via,
            modality=modality,
            background=background,
            trigger=hit.text,
            assoc_actor_1=roles.assoc1,
            assoc_actor_2=roles.assoc2,
            claimant_side=speaker_side,
            notes=notes,
        )

    def _location(self, doc: Document, pack: LangPack, s: Sentence, hit: Hit, pos: int,
                  actor1) -> PlaceMention | None:  # type: ignore[no-untyped-def]
        metonyms = [(m.start, m.end) for m in doc.mentions
                     if m.kind == "actor" and "side" in m.data]
        locative = pack.regex("places", "locative_before", anchor_end=True, words=False)
        # "Police detained...": people named by role are never a place (Police, Poland).
        groups = [(m.start, m.end) for m in doc.mentions if m.kind == "actor" and "kind" in m.data]
        usable = [
            p for p in _within(doc.places, s)
            if p.place is not None
            and p.relation != "descriptive"
            and not any(a <= p.start and p.end <= b for a, b in groups)
            # "Kiev a contesté": a capital standing for its government is an actor, and a
            # place only where the text puts something there ("à Kiev", "sur Kiev").
            and not (
                any(a <= p.start and p.end <= b for a, b in metonyms)
                and not locative.search(doc.text[max(0, p.start - 20) : p.start])
                # "over the Kremlin", "у стен Кремля": the seat named as a place
                and not any(a <= p.start and p.end <= b and placed_seat(doc, a, pack)
                            for a, b in metonyms)
            )
        ]
        if hit.place_policy == "seat":
            usable = [p for p in usable if p.place.feature == "PPL"]  # type: ignore[union-attr]
            if not usable and actor1 is not None:
                seat = self.registry.seat(actor1)
                place = self.gazetteer.get(seat) if seat else None
                if place is not None:
                    return PlaceMention("", 0, 0, place, 2, [],
                                        f"no place stated: seat of {actor1.name}", "seat")
        if not usable:
            return None
        return min(
            usable,
            key=lambda p: (
                FEATURE_RANK.get(p.place.feature, 3),  # type: ignore[union-attr]
                PLACE_RANK.get(p.relation, 3),
                abs(p.start - pos),
            ),
        )


@register("extract.claims.v1")
def make_claims(resources: Resources) -> ExtractClaims:
    return ExtractClaims(resources)
