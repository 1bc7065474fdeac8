"""English and French constructions that carry over from one report to the next: who acts in
a government's decision, how a speaker is named (told reporters, wrote on Telegram, in a
statement, fait savoir, d'après), and a lead paragraph that is no title. Every sentence here
was written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

RU_GOV = "Government of Russia (2000-)"
UA_GOV = "Government of Ukraine (2019-)"


def _claims(pipeline: Pipeline, text: str) -> list[Claim]:
    doc = make_document("test:gen", text, Defaults(published=date(2024, 2, 14), outlet="Wire"))
    return [c for c in pipeline(doc).claims if not c.background]


def _first(pipeline: Pipeline, text: str) -> Claim:
    claims = _claims(pipeline, text)
    assert claims, text
    return claims[0]


@pytest.mark.parametrize(("text", "actor1"), [
    ("Russia's second wave of mobilisation started on Monday, the Kremlin said.", RU_GOV),
    ("Russia called up 150,000 reservists on Monday.", RU_GOV),
    ("Ukraine's mobilisation of men aged 25 began on Monday, lawmakers said.", UA_GOV),
    ("La mobilisation russe a repris lundi dans plusieurs régions.", RU_GOV),
    ("Moscou a rappelé des réservistes lundi.", RU_GOV),
])
def test_a_call_up_is_a_government_act(pipeline: Pipeline, text: str, actor1: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == "Change to group/activity"
    assert claim.actor1 is not None and claim.actor1.name == actor1


@pytest.mark.parametrize(("text", "speaker"), [
    ("Russian drones hit a grain warehouse in Izmail overnight. Two workers were wounded, "
     "Ukraine's air force said.", "Ukrainian army"),
    ("Russian troops attacked Ukrainian positions near Kupiansk on Friday.\n\nThe attackers "
     "lost two tanks and an armoured vehicle. Ukraine's General Staff said the assault "
     "was repelled.", "Ukrainian army"),
    ("Des drones russes ont frappé un entrepôt à Odessa dans la nuit. Deux personnes ont été "
     "blessées, selon l'armée ukrainienne.", "Ukrainian army"),
])
def test_the_speaker_of_the_next_sentences_tells_the_lead(pipeline: Pipeline, text: str,
                                                          speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


def test_a_speaker_of_another_event_does_not_tell_the_lead(pipeline: Pipeline) -> None:
    claims = _claims(pipeline, "War in Ukraine: day 500\n\nRussian missiles hit Dnipro on "
                               "Monday. Ukrainian forces retook a village near Bakhmut, the "
                               "General Staff said.")
    assert [c.claimed_by for c in claims] == ["Wire", "Ukrainian army"]


@pytest.mark.parametrize(("text", "sub_event"), [
    # Flowers laid as a protest; the call-up named beside it is its cause.
    ("Wives of mobilised reservists placed carnations at a war memorial in Moscow on Sunday.",
     "Peaceful protest"),
    ("Des proches de soldats mobilisés ont déposé des roses devant la mairie de "
     "Saint-Pétersbourg dimanche.", "Peaceful protest"),
    # Losses suffered and attempted crossings are fights.
    ("Russian units suffered heavy casualties near Kreminna on Tuesday, the General Staff "
     "said.", "Armed clash"),
    ("Les troupes russes ont subi de lourdes pertes près de Kreminna mardi.", "Armed clash"),
    ("Russian troops tried to cross the Dnipro near Kherson on Monday.", "Armed clash"),
    ("Les forces russes ont tenté mardi de franchir la rivière près de Kreminna.",
     "Armed clash"),
])
def test_typing_of_press_constructions(pipeline: Pipeline, text: str, sub_event: str) -> None:
    assert _first(pipeline, text).sub_event_type == sub_event


@pytest.mark.parametrize("text", [
    "Ukrainian units left the village on Monday to avoid being encircled, the army said.",
    "Les unités ukrainiennes ont quitté le village lundi pour éviter leur encerclement.",
])
def test_an_encirclement_avoided_is_no_battle(pipeline: Pipeline, text: str) -> None:
    assert all(c.sub_event_type != "Armed clash" for c in _claims(pipeline, text))


@pytest.mark.parametrize(("text", "actor1"), [
    ("Putin dismissed his defence minister on Sunday.", RU_GOV),
    ("Le président ukrainien a limogé dimanche le chef d'état-major de l'armée.", UA_GOV),
])
def test_a_change_of_commanders_is_the_government_s_own_act(pipeline: Pipeline, text: str,
                                                           actor1: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == "Change to group/activity"
    assert claim.actor1 is not None and claim.actor1.name == actor1
    assert claim.actor2 is None


@pytest.mark.parametrize(("text", "speaker"), [
    # A title between commas after a name, a name between commas after a title.
    ("Russian missiles hit Sumy on Monday, Andriy Sybiha, deputy head of the President's "
     "Office, said.", "Government of Ukraine"),
    ("A Russian drone hit a bus in Kherson on Monday, the head of the regional military "
     "administration, Oleksandr Prokudin, said.", "Kherson Regional Military Administration"),
    ("Ukraine says it shot down eleven Russian drones over Odesa on Monday.", "Ukrainian army"),
    ("Russian troops abducted a mayor in the Zaporizhzhia region on Monday, Ukraine's human "
     "rights ombudswoman said.", "Government of Ukraine"),
    ("Ukrainian rockets hit a market in Lysychansk on Monday, the Moscow-installed head of "
     "the Luhansk region, Leonid Pasechnik, said.",
     "Russian-installed administration of Luhansk Oblast"),
    # A name, then the title, after an inverted verb and a full date.
    ("Des missiles russes ont frappé Kherson, a annoncé lundi 3 juin Oleksandr Prokoudine, "
     "le chef de l'administration militaire régionale.",
     "Kherson Regional Military Administration"),
    ("Des roquettes ukrainiennes ont frappé un marché à Lyssytchansk, a annoncé lundi Leonid "
     "Passetchnik, le dirigeant installé par Moscou dans la région.",
     "Russian-installed administration of Luhansk Oblast"),
    ("Des soldats russes ont enlevé un maire près de Melitopol lundi, a dénoncé la médiatrice "
     "ukrainienne des droits humains.", "Government of Ukraine"),
])
def test_speakers_named_with_their_title(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


@pytest.mark.parametrize(("text", "killed"), [
    # The toll told first, the event after it; a toll naming the day's strike.
    ("The death toll from the collapse of a school in Kramatorsk has risen to nine, the "
     "governor said.\n\nThe four-storey building was hit by a Russian missile on Sunday "
     "evening, shortly after classes ended.", 9),
    ("The death toll from Sunday's strike on a hotel in Kramatorsk has risen to nine, the "
     "governor said.", 9),
    ("Le bilan de la frappe russe de dimanche sur un hôtel de Kramatorsk, dans l'est du pays, "
     "s'élève désormais à neuf morts.", 9),
])
def test_tolls_told_apart_from_their_event(pipeline: Pipeline, text: str, killed: int) -> None:
    claims = _claims(pipeline, text)
    assert any(sum(q.value or 0 for q in c.quantities if q.outcome == "killed") == killed
               for c in claims), [(c.trigger, c.quantities) for c in claims]


@pytest.mark.parametrize(("text", "killed"), [
    # Who the dead were, after their count, is no lower toll.
    ("Three civilians, a man and two women, were killed on Monday when Russian shells hit "
     "Nikopol, the governor said.", 3),
    ("Des drones russes ont frappé Kharkiv lundi, tuant huit personnes ; une famille de "
     "quatre personnes a péri dans un immeuble.", 8),
    ("A delivery van driver was killed on Monday when his car hit a mine near Izium.", 1),
])
def test_the_toll_of_a_sentence(pipeline: Pipeline, text: str, killed: int) -> None:
    tolls = [q.value for c in _claims(pipeline, text) for q in c.quantities
             if q.kind == "killed"]
    assert tolls and min(tolls) == killed, tolls


@pytest.mark.parametrize(("text", "sub_event"), [
    # Shot dead by soldiers is an attack, not a drone shot down.
    ("Le maire du village a été abattu mardi par des soldats russes près de Boutcha.", "Attack"),
    ("Des soldats russes ont ouvert le feu sur une voiture près de Tchernihiv mardi, tuant "
     "deux personnes.", "Attack"),
])
def test_killings_by_soldiers(pipeline: Pipeline, text: str, sub_event: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == sub_event
    assert claim.actor1 is not None and claim.actor1.name == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize("text", [
    "Since the start of the invasion, the region has seen heavy fighting.",
    "Depuis le début de l'invasion, la région est le théâtre de violents combats.",
])
def test_a_sentence_opening_on_the_war_s_start_is_background(pipeline: Pipeline,
                                                              text: str) -> None:
    assert _claims(pipeline, text) == []


def test_an_incursion_fought_off_is_led_by_the_intruder(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Russia says its troops are fighting off a Ukrainian incursion "
                             "near Sudzha.")
    assert claim.sub_event_type == "Armed clash"
    assert claim.actor1 is not None and claim.actor1.name == "Military Forces of Ukraine (2019-)"


@pytest.mark.parametrize("text", [
    "In a statement, Ukraine's air force said Russian missiles hit Zhytomyr overnight.",
    "Russian missiles hit Zhytomyr overnight, Ukraine's air force said in a statement.",
])
def test_the_air_force_reporting_a_missile_strike_did_not_fly_it(pipeline: Pipeline,
                                                                 text: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == "Shelling/artillery/missile attack"
    assert claim.claimed_by == "Ukrainian army"


def test_a_nationality_after_the_weapon_names_the_attacker(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Des drones ukrainiens ont frappé dans la nuit un dépôt à "
                             "Sébastopol, en Crimée, a indiqué l'armée ukrainienne.")
    assert claim.actor1 is not None and claim.actor1.name == "Military Forces of Ukraine (2019-)"


@pytest.mark.parametrize("text", [
    "A Russian drone hit a lorry in Nikopol on Monday, Serhiy Lysak told reporters.",
    "A Russian drone hit a lorry in Nikopol on Monday, Serhiy Lysak wrote on Telegram.",
    '"A Russian drone hit a lorry in Nikopol this morning," Serhiy Lysak said.',
    "Un drone russe a frappé un camion à Nikopol lundi, indique Serhiï Lyssak.",
    "Un drone russe a frappé un camion à Nikopol lundi, a fait savoir Serhiï Lyssak.",
    "D'après Serhiï Lyssak, un drone russe a frappé un camion à Nikopol lundi.",
    "« Un drone russe a frappé un camion à Nikopol », a écrit Serhiï Lyssak sur Telegram.",
])
def test_reporting_constructions(pipeline: Pipeline, text: str) -> None:
    assert _first(pipeline, text).claimed_by == "Dnipropetrovsk Regional Military Administration"


@pytest.mark.parametrize(("text", "sub_event"), [
    # Homes set ablaze by drones: the strike, not property destruction.
    ("Russian drones set a dozen homes ablaze in Sumy overnight, the governor said.",
     "Air/drone strike"),
    ("Russian shelling set a market on fire in Kherson on Monday, the governor said.",
     "Shelling/artillery/missile attack"),
    # Struck by drones, told in the passive.
    ("Une raffinerie de Saratov a été visée dans la nuit par des drones ukrainiens, a affirmé "
     "le gouverneur.", "Air/drone strike"),
])
def test_strikes_told_by_what_they_did(pipeline: Pipeline, text: str, sub_event: str) -> None:
    assert _first(pipeline, text).sub_event_type == sub_event


def test_one_person_killed_in_french(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Des bombes planantes russes ont frappé Zaporijia samedi, tuant "
                             "une personne et en blessant quatre.")
    assert [q.value for q in claim.quantities if q.kind == "killed"] == [1]


@pytest.mark.parametrize("text", [
    "Ukrainian troops retook a village near Kupiansk on Sunday, the General Staff said.",
    "Les forces ukrainiennes ont repris un village près de Koupiansk dimanche, a indiqué "
    "l'état-major.",
    "Un missile russe a été abattu au-dessus de Kiev, a annoncé samedi le commandant de "
    "l'armée de l'air ukrainienne.",
])
def test_the_army_s_own_voices(pipeline: Pipeline, text: str) -> None:
    assert _first(pipeline, text).claimed_by == "Ukrainian army"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Le SBU, le service de sécurité ukrainien, a annoncé mardi avoir arrêté deux espions à "
     "Odessa.", "Government of Ukraine"),
    ("Russia's defence ministry, the main source on the Russian side, said its forces "
     "repelled an attack near Robotyne.", "Russian Ministry of Defence"),
])
def test_a_speaker_with_a_described_apposition(pipeline: Pipeline, text: str,
                                               speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


def test_a_clause_between_commas_is_no_apposition(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Russian troops attacked positions of the Ukrainian army near "
                             "Robotyne, killing two, the governor of Zaporizhzhia said.")
    assert claim.claimed_by == "Zaporizhzhia Regional Military Administration"


@pytest.mark.parametrize("text", [
    "Un passager a été tué mardi lorsqu'un drone russe a frappé un bus à Kherson.",
    "A passenger was killed on Tuesday when a Russian drone hit a bus in Kherson.",
])
def test_one_passenger_killed(pipeline: Pipeline, text: str) -> None:
    claim = _first(pipeline, text)
    assert [q.value for q in claim.quantities if q.kind == "killed"] == [1]
