"""English and French wire copy about the war in Ukraine, read end to end: the event type,
the actors in ACLED's roles, the speaker and the toll a coder would write down.

The sentences imitate how Reuters, AP, AFP, Le Monde and France 24 write (speaker last,
passives, numbers in words, regional officials by name), across the kinds of event the war
produces. Every sentence here was written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.langpack import load_langpacks
from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document
from frontwatch.resolve.dates import find_dates

RU_MIL = "Military Forces of Russia (2000-)"
UA_MIL = "Military Forces of Ukraine (2019-)"
UA_CIV = "Civilians (Ukraine)"
RU_PROTESTERS = "Protesters (Russia)"
UA_PROTESTERS = "Protesters (Ukraine)"
RU_POLICE = "Police Forces of Russia (2000-)"
REGAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"
DISRUPTED = "Disrupted weapons use"
CHANGE = "Change to group/activity"
WITH_INTERVENTION = "Protest with intervention"


def _claims(pipeline: Pipeline, text: str) -> list[Claim]:
    doc = make_document("test:wire", text, Defaults(published=date(2023, 6, 12), outlet="Wire"))
    return [c for c in pipeline(doc).claims if not c.background]


def _first(pipeline: Pipeline, text: str) -> Claim:
    claims = _claims(pipeline, text)
    assert claims, text
    return claims[0]


def _names(claim: Claim) -> tuple[str | None, str | None]:
    return (claim.actor1.name if claim.actor1 else None,
            claim.actor2.name if claim.actor2 else None)


def _killed(claim: Claim) -> int:
    return sum(q.value or 0 for q in claim.quantities if q.kind == "killed")


TYPED = [
    # Interceptions counted "21 of 28", with a hyphenated origin before the weapon.
    ("Ukraine's air force said on Thursday that air defences destroyed 21 of 28 Iranian-made "
     "Shahed drones launched by Russia overnight.", DISRUPTED),
    # A salvo of drones told by its launch is the strike itself.
    ("Russia launched 28 Shahed drones at southern Ukraine overnight, the air force said.",
     "Air/drone strike"),
    # Demining told with the area cleared between the verb and the mines.
    ("Ukrainian sappers have cleared more than 200 hectares of farmland of mines in the "
     "Kharkiv region, the emergency service said.", DISRUPTED),
    ("Les démineurs ukrainiens ont dépollué plus de 200 hectares de terres agricoles dans la "
     "région de Kharkiv, a indiqué le service d'urgence.", DISRUPTED),
    ("Des sapeurs ont déminé les abords du pont avant la réouverture de la route.", DISRUPTED),
    # New units, counted and qualified.
    ("Ukraine announced on Thursday it had formed eight new assault brigades.", CHANGE),
    ("L'Ukraine a annoncé la formation de huit nouvelles brigades d'assaut.", CHANGE),
    # A town left after months of fighting fell to its attackers: no peaceful handover.
    ("Russia said on Saturday its forces had taken full control of the eastern town of "
     "Avdiivka, after Ukraine withdrew its troops from the devastated town.", OVERTAKES),
    # Prisoners exchanged with the day and an amount between the verb and the prisoners.
    ("La Russie et l'Ukraine ont échangé dimanche près de 200 prisonniers de guerre, ont "
     "indiqué les deux parties.", "Agreement"),
    # A dam or a bridge blown up is property destroyed.
    ("L'Ukraine a accusé la Russie d'avoir fait sauter le barrage de Kakhovka sur le Dniepr.",
     "Looting/property destruction"),
    # A gathering with flags and slogans is a protest.
    ("Des centaines d'habitants de Kherson se sont rassemblés dimanche dans le centre, "
     "brandissant des drapeaux ukrainiens et scandant des slogans.", "Peaceful protest"),
    # Arrests at a protest, told from the police side.
    ("Police in Moscow detained dozens of people who gathered on Pushkin Square to protest "
     "against the war.", WITH_INTERVENTION),
]


@pytest.mark.parametrize(("text", "sub_event"), TYPED)
def test_wire_sentence_types(pipeline: Pipeline, text: str, sub_event: str) -> None:
    assert _first(pipeline, text).sub_event_type == sub_event


def test_shelled_many_times_is_no_retaking(pipeline: Pipeline) -> None:
    # "à 42 reprises" counts the times, it is not ground taken back.
    claims = _claims(pipeline, "Kherson a été bombardée à 42 reprises au cours des dernières "
                               "24 heures, faisant un mort, selon le gouverneur.")
    assert [c.sub_event_type for c in claims] == ["Shelling/artillery/missile attack"]
    assert _killed(claims[0]) == 1


@pytest.mark.parametrize("text", [
    "Ukraine's forces have recaptured the village of Zarichne-Pole in the south, Deputy "
    "Defence Minister Hanna Maliar said on Monday.",
    "Les forces ukrainiennes ont repris le village de Zaritchne-Pole, dans le sud du pays, a "
    "annoncé lundi l'état-major ukrainien.",
])
def test_a_village_taken_back_by_its_army_is_regained(pipeline: Pipeline, text: str) -> None:
    # The village is in no gazetteer and no other place is named: the word of taking back,
    # said of Ukraine's forces, tells whose ground it was.
    claim = _first(pipeline, text)
    assert claim.sub_event_type == REGAINS
    assert _names(claim) == (UA_MIL, RU_MIL)


def test_rebels_taking_back_an_unknown_village_still_overtake(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Rebels recaptured the village of Zarichne-Pole on Monday.")
    assert claim.sub_event_type == OVERTAKES


def test_an_unknown_village_lies_where_the_report_is(pipeline: Pipeline) -> None:
    # Russian troops take back a village of Russia's Kursk region: the region named in the
    # report says whose ground it was.
    claim = _first(pipeline, "Russian troops recaptured the village of Zarichne-Pole in the "
                             "Kursk region, the Russian Defence Ministry said.")
    assert claim.sub_event_type == REGAINS


@pytest.mark.parametrize("text", [
    "Police in Moscow detained dozens of people who gathered on Pushkin Square to protest "
    "against the war.",
    "La police russe a interpellé plus de 1 700 manifestants contre la guerre dans des "
    "dizaines de villes jeudi.",
    "La police a interpellé dimanche à Moscou des dizaines de personnes venues manifester "
    "contre la guerre.",
])
def test_protesters_lead_a_protest_the_police_broke_up(pipeline: Pipeline, text: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == WITH_INTERVENTION
    assert _names(claim) == (RU_PROTESTERS, RU_POLICE)


@pytest.mark.parametrize("text", [
    "Relatives of soldiers held in Russian captivity staged a rally in central Kyiv on "
    "Friday, demanding their release.",
    "Des proches de soldats détenus en Russie ont manifesté vendredi dans le centre de Kiev "
    "pour exiger leur libération.",
])
def test_a_rally_in_the_centre_of_a_capital_is_there(pipeline: Pipeline, text: str) -> None:
    claim = _first(pipeline, text)
    assert claim.actor1 is not None and claim.actor1.name == UA_PROTESTERS
    assert claim.location is not None and claim.location.place is not None
    assert claim.location.place.name.startswith("Kyiv")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ukrainian troops repelled 15 Russian attacks near Marinka over the past 24 hours, the "
     "General Staff of Ukraine's armed forces said on Tuesday.", "Ukrainian army"),
    ("Ukrainian forces advanced near Bakhmut, Deputy Defence Minister Hanna Maliar said.",
     "Ukrainian Ministry of Defence"),
    ("Russian forces shelled Kherson 42 times over the past day, killing one person, Governor "
     "Oleksandr Prokudin said on Telegram.", "Kherson Regional Military Administration"),
    ("Kherson a été bombardée dimanche, faisant un mort, selon le gouverneur Oleksandr "
     "Prokoudine.", "Kherson Regional Military Administration"),
    ("Russian shelling killed two people in Nikopol on Sunday, regional governor Serhiy Lysak "
     "said.", "Dnipropetrovsk Regional Military Administration"),
    ("A Ukrainian drone struck an oil depot in the Bryansk region overnight, governor "
     "Alexander Bogomaz said.", "Governor of Bryansk Oblast"),
])
def test_speakers_by_office_and_name(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


@pytest.mark.parametrize(("text", "killed"), [
    ("Two farmers were killed when their tractor hit a landmine in a field near Balakliia on "
     "Thursday, the regional governor said.", 2),
    ("Deux agriculteurs ont été tués jeudi lorsque leur tracteur a heurté une mine dans un "
     "champ près de Balakliïa.", 2),
    ("A Russian drone hit a house in the village of Bilozerka, killing a 64-year-old woman, "
     "regional officials said.", 1),
    # Numbers spelt out at the start of a sentence, tolls that rose after a long subject.
    ("Fifty-two people were killed when a Russian missile hit a cafe in the village of Hroza "
     "on Thursday, officials said.", 52),
    ("Cinquante-deux personnes ont été tuées jeudi par un missile russe tombé sur un café du "
     "village de Hroza.", 52),
    ("The death toll from a Russian missile strike on a pizza restaurant in Kramatorsk on "
     "Tuesday evening has risen to 12, officials said.", 12),
])
def test_tolls_of_people_named_by_what_they_do(pipeline: Pipeline, text: str,
                                                killed: int) -> None:
    claim = _first(pipeline, text)
    assert _killed(claim) == killed
    assert claim.actor2 is not None and claim.actor2.name == UA_CIV


@pytest.mark.parametrize("text", [
    "Russian warplanes dropped guided bombs on the town of Vovchansk on Monday, injuring four "
    "people, according to the Kharkiv regional governor.",
    "L'aviation russe a largué lundi des bombes guidées sur la ville de Vovtchansk, blessant "
    "quatre personnes, selon le gouverneur de la région de Kharkiv.",
])
def test_people_injured_by_a_strike_are_civilians(pipeline: Pipeline, text: str) -> None:
    assert _names(_first(pipeline, text)) == (RU_MIL, UA_CIV)


@pytest.mark.parametrize("text", [
    "Un habitant de Novossibirsk a été arrêté par le FSB pour un don à une fondation "
    "ukrainienne.",
    "A Novosibirsk man was arrested by the FSB over a donation to a Ukrainian charity.",
    "A Russian court on Monday jailed a Moscow municipal deputy for seven years.",
    # Sentenced after an arrest: the arrest, with its agent, is the claim.
    "Un habitant de Novossibirsk a été condamné à 12 ans de prison pour haute trahison après "
    "avoir été arrêté par le FSB.",
])
def test_who_made_an_arrest_told_after_it(pipeline: Pipeline, text: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == "Arrests"
    assert _names(claim) == ("Government of Russia (2000-)", None)


@pytest.mark.parametrize(("text", "actor"), [
    ("Le Parlement ukrainien a voté mardi la prolongation de la mobilisation générale.",
     "Government of Ukraine (2019-)"),
    ("Ukraine's parliament voted on Tuesday to extend general mobilisation for 90 days.",
     "Government of Ukraine (2019-)"),
    ("The State Duma on Wednesday raised the upper age limit for conscription to 30.",
     "Government of Russia (2000-)"),
])
def test_parliaments_act_for_their_governments(pipeline: Pipeline, text: str,
                                               actor: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == CHANGE
    assert claim.actor1 is not None and claim.actor1.name == actor


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The plant lost external power again, as it has since Russia seized it in March last "
     "year."),
    ("fr", "La centrale a de nouveau perdu son alimentation, comme depuis sa prise en mars de "
     "l'année dernière."),
])
def test_a_month_of_last_year(code: str, text: str) -> None:
    found = find_dates(text, load_langpacks()[code], date(2023, 3, 9))
    assert [(f.value.start, f.value.end) for f in found] == [(date(2022, 3, 1),
                                                              date(2022, 3, 31))]


def test_a_recalled_seizure_is_no_fresh_event(pipeline: Pipeline) -> None:
    doc = make_document("test:wire", "Russia fired 81 missiles at cities across Ukraine early on "
                        "Thursday.\n\nThe Zaporizhzhia nuclear plant lost external power for the "
                        "sixth time since Russia seized it in March last year.",
                        Defaults(published=date(2023, 3, 9), outlet="Wire"))
    claims = pipeline(doc).claims
    assert [c.sub_event_type for c in claims if not c.background] == [
        "Shelling/artillery/missile attack"]


def test_drones_disabled_by_electronic_warfare(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "The Kremlin said Ukraine had attempted a drone attack on the Kremlin "
                             "overnight and that two drones had been disabled by electronic "
                             "warfare.")
    assert claim.sub_event_type == DISRUPTED


@pytest.mark.parametrize(("text", "speaker"), [
    ("Le Kremlin a accusé mercredi l'Ukraine d'avoir tenté de tuer Vladimir Poutine lors d'une "
     "attaque de drones contre le Kremlin.", "Government of Russia"),
    ("The Kremlin accused Ukraine on Wednesday of attempting a drone attack on the Kremlin.",
     "Government of Russia"),
])
def test_an_accuser_is_the_speaker(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


@pytest.mark.parametrize("text", [
    "Russia said on Friday its forces had taken complete control of the steelworks in Mariupol.",
    "La Russie a affirmé vendredi que ses forces avaient pris le contrôle total de l'aciérie de "
    "Marioupol.",
])
def test_russia_said_is_its_defence_ministry(pipeline: Pipeline, text: str) -> None:
    assert _first(pipeline, text).claimed_by == "Russian Ministry of Defence"


def test_a_side_announces_the_others_surrender(pipeline: Pipeline) -> None:
    claims = _claims(pipeline, "The Russian defence ministry said 2,439 fighters had laid down "
                               "their arms in Mariupol since Monday.")
    assert claims and _names(claims[0]) == (RU_MIL, UA_MIL)


def test_occupiers_are_russias_army(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Les occupants ont installé une base dans un camp de vacances près "
                             "de Nova Kakhovka, a indiqué l'armée ukrainienne.")
    assert claim.sub_event_type == "Headquarters or base established"
    assert claim.actor1 is not None and claim.actor1.name == RU_MIL


def test_a_capital_named_by_its_region_is_a_place(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Des drones kamikazes ont frappé des infrastructures énergétiques "
                             "dans la région de Kiev dans la nuit.")
    assert claim.location is not None and claim.location.place is not None
    assert claim.location.place.country == "UA"


def test_police_who_broke_up_a_protest_unnamed(pipeline: Pipeline) -> None:
    # "were detained at protests": no one named, the police of the country intervened.
    claim = _first(pipeline, "More than 60 people were detained at protests against "
                             "mobilisation in Moscow, OVD-Info said.")
    assert claim.sub_event_type == WITH_INTERVENTION
    assert _names(claim) == (RU_PROTESTERS, RU_POLICE)


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kherson on Monday, killing two people, in an attack that officials "
    "said could amount to a war crime.",
    "Ukraine's air force said it shot down 20 drones overnight, adding that debris might have "
    "damaged some houses.",
    "Les forces russes ont pris le village de Massioutivka, une avancée qui pourrait menacer "
    "Koupiansk, selon des responsables ukrainiens.",
])
def test_a_modal_in_a_later_clause_speaks_of_consequences(pipeline: Pipeline,
                                                          text: str) -> None:
    assert _first(pipeline, text).modality in ("asserted", "claimed")


@pytest.mark.parametrize("text", [
    "A Russian offensive could come in the spring, Ukrainian officials said.",
    "Russia could launch a new offensive in the spring, officials said.",
])
def test_a_modal_on_the_event_itself_is_hypothetical(pipeline: Pipeline, text: str) -> None:
    assert _first(pipeline, text).modality == "hypothetical"


@pytest.mark.parametrize(("text", "killed"), [
    ("Russian missile strike kills seven in Chernihiv\n\nA Russian missile hit the centre of "
     "Chernihiv on Saturday, Ukrainian officials said.", 7),
    ("Ukraine: sept morts dans une frappe russe sur Tcherniguiv\n\nUn missile russe a frappé "
     "samedi le centre de Tcherniguiv, selon les autorités ukrainiennes.", 7),
])
def test_headline_tolls_and_datelines(pipeline: Pipeline, text: str, killed: int) -> None:
    # "kills seven" is a toll; "Ukraine:" heads the story, it is no party to the strike.
    claim = _first(pipeline, text)
    assert _killed(claim) == killed
    assert _names(claim) == (RU_MIL, UA_CIV)
