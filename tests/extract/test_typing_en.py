"""Event typing in English: the ACLED sub-event type of a sentence's first live claim.

Covers the vocabulary a coder recognises (seizures of weapons, bases, mobilisation, prisoner
exchanges, mass graves, car bombs, aircraft bombs), the precedence between kinds told in one
sentence (a grenade attack is no battle; an abduction told with "detained" is an abduction),
kinds that combine (arrests at a protest), and general words typed by what the sentence says
(an attack on villagers, a protest that turned violent, ground changing hands unopposed).

Every sentence here was written for this test.
"""

from __future__ import annotations

from functools import cache

import pytest

from frontwatch.api import build_pipeline
from frontwatch.langpack import load_data, load_langpacks
from frontwatch.model import Claim
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

STAGES = ("clean.passthrough.v1", "langid.py3langid.v2", "analyse.rules.v1",
          "resolve.dates.v1", "resolve.actors.v1", "resolve.places.v1", "extract.claims.v1")
NONE = "no ACLED event"


@cache
def _pipeline():  # type: ignore[no-untyped-def]
    return build_pipeline(STAGES)


def _claims(text: str) -> list[Claim]:
    doc = make_document(f"typing:{abs(hash(text))}", text, Defaults())
    doc.language = "en"
    return _pipeline()(doc).claims


def _first(text: str) -> str:
    live = [c for c in _claims(text) if not c.background and c.modality != "hypothetical"]
    return live[0].sub_event_type if live else NONE


VOCABULARY = [
    ("Police seized four rifles and 300 rounds of ammunition in a raid on a farm.",
     "Disrupted weapons use"),
    ("Two mortar shells were found and defused by army engineers near the bridge.",
     "Disrupted weapons use"),
    ("An arms cache with hand grenades was discovered in a basement in the old town.",
     "Disrupted weapons use"),
    ("The navy repelled an attack by unmanned boats on the harbour, destroying two of them.",
     "Disrupted weapons use"),
    ("Government troops have set up a new checkpoint on the road to the airport.",
     "Headquarters or base established"),
    ("The president ordered a mobilisation of 50,000 reservists on Tuesday.",
     "Change to group/activity"),
    ("Some 200 fighters defected from the rebel movement and joined the army.",
     "Change to group/activity"),
    ("The minister ordered the garrison to withdraw from the river port.",
     "Change to group/activity"),
    ("The two sides exchanged prisoners at the border crossing on Sunday.", "Agreement"),
    ("Rebels and the army agreed a three-day ceasefire in the province.", "Agreement"),
    ("Investigators found a mass grave with 60 bodies outside the town.", "Other"),
    ("Voting began on Friday in a disputed referendum in the occupied district.", "Other"),
    ("A car bomb exploded outside the governor's office, wounding three guards.",
     "Remote explosive/landmine/IED"),
    ("Military aircraft dropped guided bombs on the market town overnight.", "Air/drone strike"),
    ("Hundreds of students rallied outside the ministry on Monday.", "Peaceful protest"),
    ("Soldiers took him to an unknown location after searching his home.",
     "Abduction/forced disappearance"),
    ("Soldiers loaded hundreds of paintings from the city museum onto lorries.",
     "Looting/property destruction"),
    ("Gunmen ambushed an army patrol on the highway, killing four soldiers.", "Armed clash"),
    ("Militants used mustard gas in an attack on the garrison.", "Chemical weapon"),
    ("The two armies swapped 90 prisoners of war at the frontier.", "Agreement"),
    ("A drone attack on the port was repelled overnight, the governor said.",
     "Disrupted weapons use"),
    ("Electronic warfare units jammed 14 drones over the city overnight.",
     "Disrupted weapons use"),
    ("Soldiers blew up the bridge over the river before dawn.", "Looting/property destruction"),
    ("Artillery units fired cluster munitions at the railway station.",
     "Shelling/artillery/missile attack"),
    ("A car bombing killed a local official outside his home.",
     "Remote explosive/landmine/IED"),
    # a strike on a depot is a strike; only weapons found or seized are disrupted
    # a strike told inside its condemnation is still told
    ("The UN condemned Friday's missile strike on the station, which killed 50 people.",
     "Shelling/artillery/missile attack"),
    ("Rockets struck an ammunition depot behind the front line.",
     "Shelling/artillery/missile attack"),
    ("The ministry said its forces had taken the village after a week of fighting.",
     "Non-state actor overtakes territory"),
    ("The government announced the creation of a new border guard brigade.",
     "Change to group/activity"),
    ("Gunmen have taken at least six villagers from their homes in the district.",
     "Abduction/forced disappearance"),
    ("Troops killed 14 insurgents near the border, the army said.", "Armed clash"),
    ("Coalition aircraft carried out raids on rebel positions in the valley.",
     "Air/drone strike"),
    ("The rebel group named a new commander after its chief was killed.",
     "Change to group/activity"),
    ("Military aircraft fired missiles at the rebel-held town overnight.", "Air/drone strike"),
    # cruise missiles from distant bombers stay missile attacks
    ("Strategic bombers launched cruise missiles at the capital overnight.",
     "Shelling/artillery/missile attack"),
    ("Bandits killed twelve villagers in the settlement overnight.", "Attack"),
    ("Two militants were killed in an encounter with security forces.", "Armed clash"),
    ("Lawyers picketed the court building on Monday.", "Peaceful protest"),
    ("Youths pelted stones at police vans near the market.", "Violent demonstration"),
]


@pytest.mark.parametrize(("text", "expected"), VOCABULARY)
def test_vocabulary(text: str, expected: str) -> None:
    assert _first(text) == expected


PRECEDENCE = [
    # the specific kind is the event, the general words describe it
    ("Attackers threw a grenade at a police station, wounding two officers.", "Grenade"),
    ("The attack was carried out by a suicide bomber at the gate of the base.", "Suicide bomb"),
    ("Soldiers detained the mayor and took him to an unknown location.",
     "Abduction/forced disappearance"),
    # arrests at a protest: the protest, with intervention
    ("Police detained dozens of people at a protest against the new law.",
     "Protest with intervention"),
    # protesters who fight are a riot; force used on protesters is excessive force
    ("Demonstrators threw stones at the police during a protest over fuel prices.",
     "Violent demonstration"),
    ("Security forces opened fire on protesters in the capital, killing five.",
     "Excessive force against protesters"),
    ("Riot police fired tear gas to disperse a peaceful sit-in outside parliament.",
     "Protest with intervention"),
    ("Police beat demonstrators with batons at a rally against the new tax.",
     "Excessive force against protesters"),
    # violence by the protesters makes a riot, arrests made there included
    ("Police arrested 30 people after protesters set fire to cars in the centre.",
     "Violent demonstration"),
]


@pytest.mark.parametrize(("text", "expected"), PRECEDENCE)
def test_precedence_and_combination(text: str, expected: str) -> None:
    assert _first(text) == expected


RETYPED = [
    ("The army handed over the town to an allied militia on Friday.",
     "Non-violent transfer of territory"),
    ("Troops opened fire on a humanitarian convoy near the border.", "Attack"),
    ("A soldier shot a civilian cyclist on the main road.", "Attack"),
    ("Gunmen attacked worshippers at a village mosque, killing nine people.", "Attack"),
    ("Gunmen attacked an army checkpoint, killing nine soldiers.", "Armed clash"),
    ("Troops attacked rebel positions on the east bank of the river.", "Armed clash"),
    ("Rebels entered the town without any resistance after the garrison left.",
     "Non-violent transfer of territory"),
]


@pytest.mark.parametrize(("text", "expected"), RETYPED)
def test_general_words_typed_by_the_sentence(text: str, expected: str) -> None:
    assert _first(text) == expected


def test_demanded_event_is_not_told() -> None:
    """What protesters demand has not happened: the protest is the only event."""
    claims = _claims("Relatives of captured sailors rallied in the port, demanding a prisoner "
                     "exchange.")
    live = [c for c in claims if not c.background and c.modality == "asserted"]
    assert [c.sub_event_type for c in live] == ["Peaceful protest"]


def test_losses_told_with_their_strike_are_the_strike() -> None:
    claims = _claims("A missile killed nine soldiers at a training ground.")
    assert [c.sub_event_type for c in claims if not c.background] == [
        "Shelling/artillery/missile attack"]


def test_a_mine_that_hit_a_vehicle_is_one_claim() -> None:
    claims = _claims("A roadside bomb hit an army truck near the pass, wounding four soldiers.")
    assert [c.sub_event_type for c in claims if not c.background] == [
        "Remote explosive/landmine/IED"]


def test_negated_event_is_not_told() -> None:
    """"No arrests have been made": the looting is the event, not an arrest."""
    assert _first("No arrests have been made after shops were looted in the market on "
                  "Monday night.") == "Looting/property destruction"


def test_forced_retreat_happened() -> None:
    """"were forced to retreat" tells a retreat, unlike "were told to retreat"."""
    assert _first("The rebels were forced to retreat from the hill town.") != NONE
    assert _first("The rebels were told to retreat from the hill town.") == NONE


def test_attempted_event_is_not_told() -> None:
    assert _first("Insurgents failed to capture the border post, which the army held.") == NONE


def test_event_begun_on_a_recent_day_is_news() -> None:
    """"began on Friday" dates the event; it does not make it a recollection."""
    claims = _claims("Voting began on Friday in a referendum in the occupied region.")
    assert any(not c.background for c in claims)


def test_attack_typed_by_its_weapon() -> None:
    assert _first("Army units attacked the rebel camp, shelling it with mortars for an "
                  "hour.") == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(("text", "expected"), [
    ("Army troops recaptured the hill town from the insurgents on Sunday.",
     "Government regains territory"),
    ("Insurgents captured the hill town from the army on Sunday.",
     "Non-state actor overtakes territory"),
])
def test_who_gains_ground_without_a_known_actor(text: str, expected: str) -> None:
    assert _first(text) == expected


def test_war_words_near_crime_or_disaster_words_stay_events() -> None:
    """The non-event rules look for crime and disaster words, not for who reports."""
    assert _first("Rebels seized the border crossing, the border guard service said.") == (
        "Non-state actor overtakes territory")
    assert _first("Troops were redeployed to the south after the evacuation of the city.") == (
        "Change to group/activity")
    assert _first("Explosions rocked an oil refinery after a drone attack overnight.") != NONE


def test_captured_people_are_not_ground() -> None:
    assert _first("Two captured soldiers were shown on television on Monday.") == NONE


def test_a_year_named_in_passing_does_not_make_the_event_old() -> None:
    """"since 2016" dates the intervention, not the air strike told in the sentence."""
    assert _first("An air strike killed 12 soldiers near the border, the heaviest toll "
                  "since the army intervened in 2016.") == "Air/drone strike"


def test_protest_against_violence_is_peaceful() -> None:
    assert _first("Thousands of students marched through the capital in a protest against "
                  "gun violence.") == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "Heavy rain caused floods that destroyed hundreds of homes in the valley.",
    "The foreign minister held talks with his counterpart on trade and visas.",
    "Voters went to the polls on Sunday to elect a new parliament.",
    # no ACLED event despite a trigger word
    "A gas cylinder exploded in a restaurant kitchen, injuring four workers.",
    "A cargo ship was struck by a tanker in the strait on Sunday.",
    "Hackers attacked the websites of three ministries overnight.",
    "Customs officers seized 40 kilograms of cocaine at the port.",
    "Soldiers were deployed to help residents evacuate the flooded district.",
    "The group claimed responsibility for the bombing of the railway line.",
    "The government imposed sanctions over the missile tests.",
    "Police arrested two men suspected of smuggling cocaine through the port.",
    "Armed robbers attacked a jewellery shop and escaped with gold.",
])
def test_no_event(text: str) -> None:
    assert _first(text) == NONE


def test_typing_rules_name_acled_types_and_known_families() -> None:
    acled = load_data("acled")
    taxonomy = acled["sub_event_types"]
    packs = load_langpacks()
    families = {t["family"] for code in packs.codes
                for t in packs[code].get("triggers", "trigger", [])}
    moved = set()
    for code in packs.codes:
        for r in packs[code].get("triggers", "retype", []):
            assert r["family"] in families, r
            if not r.get("drop", False):
                assert r["sub_event_type"] in taxonomy[r["event_type"]], r
                moved.add(r.get("as_family", r["family"]))
    for rule in acled["combine"]:
        assert rule["sub_event_type"] in taxonomy[rule["event_type"]], rule
        moved.add(rule.get("as_family", rule["family"]))
    known = families | moved
    for fam, dropped in acled["precedence"].items():
        assert fam in known and set(dropped) <= known, (fam, dropped)
