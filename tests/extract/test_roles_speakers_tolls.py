"""Actors in ACLED's roles, speakers by office and region, and death tolls, in four languages.

Each case is a short report of the kind the pipeline reads; what is checked is the claim
(or quantity) a coder would write down for it.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.quantities import find_quantities
from frontwatch.langpack import load_langpacks
from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

RU_MIL = "Military Forces of Russia (2000-)"
UA_MIL = "Military Forces of Ukraine (2019-)"
UA_CIV = "Civilians (Ukraine)"


def _claims(pipeline: Pipeline, text: str) -> list[Claim]:
    doc = make_document("test:roles", text, Defaults(published=date(2023, 3, 6), outlet="Wire"))
    return [c for c in pipeline(doc).claims if not c.background]


def _first(pipeline: Pipeline, text: str, sub_event: str | None = None) -> Claim:
    claims = [c for c in _claims(pipeline, text)
              if sub_event is None or c.sub_event_type == sub_event]
    assert claims, text
    return claims[0]


def _names(claim: Claim) -> tuple[str | None, str | None]:
    return (claim.actor1.name if claim.actor1 else None,
            claim.actor2.name if claim.actor2 else None)


@pytest.mark.parametrize("text", [
    "Ukrainian troops beat back a Russian assault near Avdiivka on Monday, the Ukrainian "
    "army said.",
    "Российские военные отбили атаку ВСУ под Работино, сообщили в Минобороны России.",
])
def test_who_fends_off_an_attack_is_its_target(pipeline: Pipeline, text: str) -> None:
    claim = _first(pipeline, text, "Armed clash")
    attacker, defender = (RU_MIL, UA_MIL) if "Avdiivka" in text else (UA_MIL, RU_MIL)
    assert _names(claim) == (attacker, defender)


def test_attacks_repelled_by_the_speakers_side_were_the_enemys(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Several attacks near Klishchiivka were repelled on Monday, "
                             "Russia's defence ministry said.", "Armed clash")
    assert _names(claim) == (UA_MIL, RU_MIL)


def test_people_killed_by_a_strike_are_civilians_of_where_it_fell(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "A Russian missile hit an apartment block in Dnipro on Saturday, "
                             "killing 12 people, including two children, the Ukrainian "
                             "interior ministry said.")
    assert claim.event_type == "Explosions/Remote violence"
    assert _names(claim) == (RU_MIL, UA_CIV)
    assert claim.claimed_by == "Government of Ukraine"
    killed = [q.value for q in claim.quantities if q.kind == "killed"]
    assert killed == [12]  # the two children are among the twelve


def test_a_strike_without_victims_names_no_target(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Russian drones hit grain silos in Reni overnight, the Ukrainian "
                             "air force said.")
    assert _names(claim) == (RU_MIL, None)
    assert claim.claimed_by == "Ukrainian army"


def test_a_governor_reports_strikes_on_his_region(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Губернатор Белгородской области Вячеслав Гладков заявил, что в "
                             "субботу в результате обстрела Грайворона погибли два человека.")
    assert _names(claim) == (UA_MIL, "Civilians (Russia)")
    assert claim.claimed_by == "Governor of Belgorod Oblast"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Un missile a frappé une école à Tchouhouïv, a annoncé samedi l'administration militaire "
     "régionale de Kharkiv.", "Kharkiv Regional Military Administration"),
    ("Российские войска обстреляли Купянск, сообщили в воскресенье в Минобороны России.",
     "Russian Ministry of Defence"),
    ("Російська ракета влучила в будинок у Полтаві, загинули троє людей, повідомили в МВС "
     "України.", "Government of Ukraine"),
    ("Российские войска обстреляли Орехов, сообщил глава Запорожской ОВА.",
     "Zaporizhzhia Regional Military Administration"),
    ("Russian drones hit a port in Izmail overnight, the Odesa regional military "
     "administration said.", "Odesa Regional Military Administration"),
    ("Украинский беспилотник атаковал нефтебазу, сообщил губернатор Брянской области.",
     "Governor of Bryansk Oblast"),
    ("Russian shelling hit Nikopol on Friday, killing two people, Ukraine's prosecutor "
     "general's office said.", "Government of Ukraine"),
])
def test_speakers_by_office_and_region(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


def test_a_regional_administration_is_not_the_place(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "A missile hit a school in Chuhuiv on Sunday, the Kharkiv "
                             "regional military administration said.")
    assert claim.location is not None and claim.location.text == "Chuhuiv"


def test_with_no_place_the_speakers_region_stands_in(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "A missile hit a school on Sunday, the Kharkiv regional military "
                             "administration said.")
    assert claim.location is not None and claim.location.relation == "region"
    assert claim.location.geo_precision == 3 and claim.location.place is not None
    assert claim.location.place.feature == "ADM1" and claim.location.place.name == "Kharkiv"


def test_air_defence_is_an_actor_not_la_defense(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "La défense antiaérienne ukrainienne a abattu dans la nuit douze "
                             "drones au-dessus d'Odessa, a annoncé l'armée de l'air ukrainienne.")
    assert claim.location is not None and claim.location.place is not None
    assert claim.location.place.name != "La Defense"
    assert claim.actor1 is not None and claim.actor1.name == UA_MIL


def test_protesters_act_and_police_are_no_place(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Protesters held a rally in Kyiv on Sunday.")
    assert claim.actor1 is not None and claim.actor1.name == "Protesters (Ukraine)"
    arrest = _first(pipeline, "Police detained dozens of people in Moscow on Saturday.")
    assert arrest.location is not None and arrest.location.text == "Moscow"
    assert arrest.actor1 is not None and arrest.actor1.name == "Police Forces of Russia (2000-)"


def test_allies_named_together_are_led_by_the_first(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Russian troops and Luhansk separatist forces captured the village "
                             "of Novoselivske on Saturday, Russia's defence ministry said.")
    assert claim.actor1 is not None and claim.actor1.name == RU_MIL
    assert [a.name for a in claim.assoc_actor_1] == ["LNR: Luhansk People's Republic"]


def test_parties_to_an_agreement_in_the_order_named(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Russia and Ukraine signed an agreement in Istanbul on Friday.")
    assert _names(claim) == ("Government of Russia (2000-)", "Government of Ukraine (2019-)")


@pytest.mark.parametrize(("lang", "text", "killed"), [
    ("en", "Two men were killed when their car hit a mine.", [2]),
    ("en", "A drone dropped a grenade on a bus stop, killing a man.", [1]),
    ("fr", "Les frappes ont fait deux morts.", [2]),
    ("fr", "Le missile a tué 23 personnes, dont trois enfants.", [23]),
    ("ru", "В результате удара погиб мужчина.", [1]),
    ("ru", "Погибли 24 человека, в том числе 13 детей.", [24]),
    ("uk", "Загинули 23 людини, серед них троє дітей.", [23]),
    ("uk", "Внаслідок удару загинула жінка.", [1]),
    ("en", "The death toll from the strike on Dnipro rose to 45, including six children.", [45]),
    ("fr", "La frappe a fait cinq morts, dont un enfant.", [5]),
    ("ru", "Число погибших в результате удара возросло до 45.", [45]),
    ("uk", "Кількість загиблих внаслідок удару зросла до 45 людей.", [45]),
])
def test_death_tolls(lang: str, text: str, killed: list[int]) -> None:
    pack = load_langpacks()[lang]
    got = [f.quantity.value for f in find_quantities(text, pack) if f.quantity.kind == "killed"]
    assert got == killed


def test_a_lone_person_far_from_any_death_is_no_toll() -> None:
    pack = load_langpacks()["ru"]
    text = ("Мужчина рассказал журналистам, что обстрел продолжался всю ночь, а потом погибли "
            "5 военных.")
    got = [f.quantity.value for f in find_quantities(text, pack) if f.quantity.kind == "killed"]
    assert got == [5]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Russian missiles hit Zaporizhzhia overnight, killing three people, the regional military "
     "administration said.", "Zaporizhzhia Regional Military Administration"),
    ("Удар ВСУ по Новой Каховке, сообщили в военно-гражданской администрации Херсонской области.",
     "Russian-installed administration of Kherson Oblast"),
])
def test_a_regional_title_names_the_authority_of_the_events_region(
        pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _first(pipeline, text).claimed_by == speaker


def test_a_speaker_outside_any_known_region_is_not_guessed(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Russian missiles hit Khmelnytskyi overnight, the regional military "
                             "administration said.")
    assert claim.claimed_by == "Wire"


@pytest.mark.parametrize("text", [
    "Russian Defence Minister Sergei Shoigu ordered troops to pull back from the west bank of "
    "the Dnipro on Wednesday, the ministry said.",
    "Drones struck an oil depot in Bryansk on Tuesday, in what Russia's defence ministry called "
    "a terrorist attack.",
])
def test_the_ministry_behind_an_official_or_a_label(pipeline: Pipeline, text: str) -> None:
    assert _first(pipeline, text).claimed_by == "Russian Ministry of Defence"


def test_militants_of_the_lnr_in_quotes_are_allies(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Російські війська та бойовики «ЛНР» у суботу обстріляли "
                             "Сєвєродонецьк, повідомили в ЗСУ.")
    assert claim.actor1 is not None and claim.actor1.name == RU_MIL
    assert [a.name for a in claim.assoc_actor_1] == ["LNR: Luhansk People's Republic"]


def test_those_arrested_are_no_actor(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Ukraine's SBU detained a man in Odesa on Monday on suspicion of "
                             "passing the positions of Ukrainian air defences to Moscow.",
                   "Arrests")
    assert _names(claim) == ("Government of Ukraine (2019-)", None)


def test_a_fight_told_again_with_its_attacker(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Fighting raged near Kupiansk on Friday as Russian units attacked "
                             "Ukrainian positions east of the town, the Ukrainian army said.",
                   "Armed clash")
    assert _names(claim) == (RU_MIL, UA_MIL)


def test_la_defense_is_the_ministry_quoted_before(pipeline: Pipeline) -> None:
    claims = _claims(pipeline, "Le ministère russe de la Défense a affirmé lundi que ses troupes "
                               "avaient repoussé une attaque près de Koupiansk.\n\nSelon la "
                               "Défense, des frappes ont visé des positions ukrainiennes près de "
                               "Lyman.")
    last = claims[-1]
    assert last.sentence.startswith("Selon la Défense")
    assert last.claimed_by == "Russian Ministry of Defence"
    assert last.location is not None and last.location.text == "Lyman"


def test_a_french_nationality_after_the_noun_names_the_attacker(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Des bombardements ukrainiens ont visé Donetsk lundi.")
    assert claim.actor1 is not None and claim.actor1.name == UA_MIL
    target = _first(pipeline, "Des frappes sur les positions russes près de Bakhmout ont été "
                              "menées lundi.")
    assert target.actor1 is None  # "russes" there is the target's


def test_the_regional_governor_of_where_it_happened(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "A Russian missile hit a dormitory in Kharkiv late on Wednesday, "
                             "killing two people, the regional governor said.")
    assert claim.claimed_by == "Kharkiv Regional Military Administration"
    again = _claims(pipeline, "Ukrainian drones struck Belgorod overnight, governor Vyacheslav "
                              "Gladkov said.\n\nThe governor said shelling also hit Kursk on "
                              "Monday.")
    assert [c.claimed_by for c in again] == ["Governor of Belgorod Oblast"] * len(again)


def test_an_attack_by_someone_is_theirs(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "An attack by Kyiv's forces on Russian positions near Tokmak was "
                             "beaten back on Monday, Russia's defence ministry said.",
                   "Armed clash")
    assert _names(claim) == (UA_MIL, RU_MIL)
    shelled = _first(pipeline, "Два человека погибли в среду в результате обстрела Шебекино "
                               "со стороны ВСУ.")
    assert _names(shelled) == (UA_MIL, "Civilians (Russia)")
    repelled = _first(pipeline, "Russian attacks near Marinka were repelled by Ukrainian forces "
                                "on Monday.", "Armed clash")
    assert _names(repelled) == (RU_MIL, UA_MIL)  # "repelled by" names the defender
    fought = _first(pipeline, "Ukrainian forces fought off repeated assaults by Wagner Group "
                              "fighters near Soledar on Tuesday.", "Armed clash")
    assert _names(fought) == ("Wagner Group", UA_MIL)


def test_a_speakers_country_stays_a_place(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("test:roles", "Les autorités installées par la Russie ont "
                                 "annoncé un référendum, selon des officiels.",
                                 Defaults(published=date(2023, 3, 6), outlet="Wire")))
    assert "Russie" in {p.text for p in doc.places}


def test_a_capital_things_happen_in_is_no_party(pipeline: Pipeline) -> None:
    # Detentions at a protest are coded as the protest met with intervention (ACLED): the
    # police are actor2; Moscow, where it happened, is no party.
    claim = _first(pipeline, "Police in Moscow detained dozens of protesters on Saturday.",
                   "Protest with intervention")
    assert _names(claim) == ("Protesters (Russia)", "Police Forces of Russia (2000-)")


def test_weapons_launched_by_a_side_are_its_not_the_interceptors(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Ukraine's air force said it shot down 30 of 35 drones launched "
                             "by Russia overnight.", "Disrupted weapons use")
    assert _names(claim) == (UA_MIL, RU_MIL)
