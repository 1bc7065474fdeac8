"""Vocabulary the language packs must know: speakers below the ministries (governors,
regional administrations, commands, intelligence, state companies), drones as the subject
of a strike, verb forms of "hit"/"frapper", present-tense entries, passive returns to
control, river banks that are not the city of Dnipro, and night-to dates.

Every sentence here was written for this test.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from frontwatch.api import build_pipeline
from frontwatch.langpack import load_langpacks
from frontwatch.model import Claim, Document
from frontwatch.pipeline import DEFAULT_STAGES
from frontwatch.read import Defaults
from frontwatch.read.core import make_document
from frontwatch.resolve.actors import find_actor_mentions, registry
from frontwatch.resolve.dates import find_dates

PUBLISHED = date(2023, 3, 20)
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
UA_MIL = "Military Forces of Ukraine (2019-)"


@cache
def _pipeline():  # type: ignore[no-untyped-def]
    return build_pipeline(DEFAULT_STAGES)


def _run(text: str, code: str) -> Document:
    doc = make_document(f"vocab:{abs(hash(text))}", text, Defaults(), outlet="Test Outlet",
                        published=PUBLISHED, title=None)
    doc = _pipeline()(doc)
    assert doc.language == code, doc.language
    return doc


def _live(doc: Document) -> list[Claim]:
    return [c for c in doc.claims if not c.background and c.modality != "hypothetical"]


def _speakers(text: str, code: str) -> list[str]:
    return [m.label or "" for m in find_actor_mentions(text, load_langpacks()[code])
            if m.kind == "claimant"]


# --- speakers -------------------------------------------------------------------------

CLAIMANTS = [
    ("uk", "Про це повідомив голова Харківської обласної військової адміністрації Олег Синєгубов.",
     "ua_kharkiv_ova"),
    ("ru", "Об этом написал глава Харьковской областной военной администрации Олег Синегубов.",
     "ua_kharkiv_ova"),
    ("en", "Two houses burned, Kharkiv regional governor Oleh Syniehubov wrote.", "ua_kharkiv_ova"),
    ("fr", "Deux maisons ont brûlé, a écrit le gouverneur régional Oleh Synehoubov.",
     "ua_kharkiv_ova"),
    ("uk", "Про це заявив очільник Донецької ОВА Павло Кириленко.", "ua_donetsk_ova"),
    ("en", "The market was damaged, Donetsk governor Pavlo Kyrylenko said.", "ua_donetsk_ova"),
    ("ru", "Об этом сообщил губернатор Запорожской области Александр Старух.",
     "ua_zaporizhzhia_ova"),
    ("fr", "Selon Oleksandr Staroukh, trois immeubles sont touchés.", "ua_zaporizhzhia_ova"),
    ("uk", "Про це повідомив голова Миколаївської ОВА Віталій Кім.", "ua_mykolaiv_ova"),
    ("en", "Nobody was hurt, Vitaliy Kim said on Telegram.", "ua_mykolaiv_ova"),
    ("ru", "Об этом сообщил губернатор Вячеслав Гладков.", "ru_belgorod_gov"),
    ("uk", "Про це заявив губернатор Курської області Роман Старовойт.", "ru_kursk_gov"),
    ("en", "The power line was cut, Roman Starovoit said.", "ru_kursk_gov"),
    ("ru", "Об этом заявил Евгений Балицкий.", "ru_zaporizhzhia_occ"),
    ("fr", "Le bilan est lourd, a affirmé Vladimir Rogov.", "ru_zaporizhzhia_occ"),
    ("en", "The ferry was struck, Russian-installed official Vladimir Saldo said.",
     "ru_kherson_occ"),
    ("uk", "Про це повідомили в ОК «Південь».", "ua_ok_south"),
    ("ru", "Об этом сообщили в Оперативном командовании «Юг».", "ua_ok_south"),
    ("en", "Two boats were destroyed, Operational Command South said.", "ua_ok_south"),
    ("fr", "Deux bateaux ont été détruits, a indiqué le commandement militaire Sud.",
     "ua_ok_south"),
    ("uk", "Про це повідомили в Головному управлінні розвідки Міноборони України.", "ua_hur"),
    ("ru", "Об этом сообщили в ГУР Минобороны Украины.", "ua_hur"),
    ("en", "The depot burned, Ukraine's HUR said.", "ua_hur"),
    ("uk", "Про це повідомили в НАЕК «Енергоатом».", "energoatom"),
    ("ru", "Об этом сообщили в «Энергоатоме».", "energoatom"),
    ("en", "The reactor is safe, Energoatom said.", "energoatom"),
    ("fr", "Le réacteur est sûr, a précisé Energoatom.", "energoatom"),
    ("ru", "Об этом сообщили Силы обороны Украины.", "ua_army"),
    ("en", "The bridge was hit, the Defence Forces of Ukraine said.", "ua_army"),
]


@pytest.mark.parametrize(("code", "text", "key"), CLAIMANTS)
def test_claimant_is_recognised(code: str, text: str, key: str) -> None:
    assert key in _speakers(text, code)


def test_new_claimants_exist_with_a_kind() -> None:
    reg = registry()
    for key in ("ua_kharkiv_ova", "ru_belgorod_gov", "ru_zaporizhzhia_occ", "ua_ok_south",
                "ua_hur", "energoatom"):
        entry = reg.claimants[key]
        assert entry["kind"] in {"regional authority", "military", "company"}
        assert (entry.get("side") or entry.get("serves")) in {"UA", "RU"}


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Пострадавших нет, уточнил губернатор."),
    ("uk", "Постраждалих немає, уточнив голова ОВА."),
    ("en", "Nobody was hurt, the governor said."),
    ("fr", "Personne n'a été blessé, a précisé le gouverneur."),
])
def test_bare_title_points_back(code: str, text: str) -> None:
    assert _speakers(text, code) == ["@previous"]


def test_title_is_part_of_the_named_speaker() -> None:
    """The bare title inside "губернатор ... Гладков" must not be a second speaker."""
    text = "Об этом сообщил губернатор Белгородской области Вячеслав Гладков."
    assert _speakers(text, "ru") == ["ru_belgorod_gov"]


def test_common_nouns_are_not_officials() -> None:
    assert _speakers("Старуха вышла из дома, когда начался дождь.", "ru") == []


def test_governor_recapture_names_ukraine_as_gainer() -> None:
    doc = _run("Сили оборони звільнили село Кам'янка на Харківщині, повідомив голова "
               "Харківської обласної військової адміністрації Олег Синєгубов.", "uk")
    claims = [c for c in _live(doc) if c.event_type == "Battles"]
    assert claims and claims[0].actor1 is not None and claims[0].actor1.name == UA_MIL
    assert claims[0].claimed_by == "Kharkiv Regional Military Administration"


# --- triggers -------------------------------------------------------------------------

TRIGGERS = [
    ("ru", "Ночью беспилотник атаковал здание школы в Грайвороне, сообщили местные власти.",
     AIR),
    ("ru", "Утром дрон сбросил взрывное устройство на автомобиль в Грайвороне.", AIR),
    ("uk", "Вночі безпілотник атакував нафтобазу в Брянську, повідомили російські ЗМІ.", AIR),
    ("uk", "Вранці дрон скинув вибуховий пристрій на автобус у Бериславі.", AIR),
    ("en", "A warehouse in Kherson was hit by a drone on Sunday, officials said.", AIR),
    ("en", "A drone dropped an explosive device on a bus in Beryslav on Sunday.", AIR),
    ("fr", "Un entrepôt de Kherson a été frappé par un drone dimanche, selon les autorités.", AIR),
    ("en", "Two missiles hit a power plant in Kryvyi Rih on Sunday, officials said.", SHELLING),
    ("fr", "Un missile a frappé dimanche une centrale électrique à Kryvyï Rih.", SHELLING),
    ("fr", "Des roquettes ont frappé dimanche le centre de Nikopol.", SHELLING),
    ("ru", "Артиллерией противнику нанесено огневое поражение в районе Угледара.", SHELLING),
    ("uk", "Росіяни вдарили по Нікополю з важкої артилерії в неділю.", SHELLING),
]


@pytest.mark.parametrize(("code", "text", "sub"), TRIGGERS)
def test_strike_vocabulary(code: str, text: str, sub: str) -> None:
    subs = [c.sub_event_type for c in _live(_run(text, code))]
    assert sub in subs, subs
    if sub == AIR:
        assert "Armed clash" not in subs and IED not in subs, subs


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "В результате удара уничтожены склад боеприпасов и два танка под Угледаром."),
    ("uk", "Внаслідок удару знищено склад ракетно-артилерійського озброєння під Вугледаром."),
])
def test_destroyed_depot_is_not_a_downed_weapon(code: str, text: str) -> None:
    subs = [c.sub_event_type for c in _live(_run(text, code))]
    assert "Disrupted weapons use" not in subs, subs


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Украинские подразделения вклинились в оборону российских войск под Сватово."),
    ("uk", "Українські підрозділи вклинилися в оборону противника під Сватовим."),
])
def test_penetration_is_fighting(code: str, text: str) -> None:
    assert "Armed clash" in [c.sub_event_type for c in _live(_run(text, code))]


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Українські десантники заходять у Снігурівку, повідомили в Генштабі ЗСУ."),
    ("ru", "Украинские десантники заходят в Снигиревку, сообщили в Генштабе ВСУ."),
    ("uk", "Ізюм повертається під контроль України, заявили в Генштабі ЗСУ."),
    ("ru", "Изюм возвращается под контроль Украины, заявили в Генштабе ВСУ."),
])
def test_entry_and_return_to_control(code: str, text: str) -> None:
    claims = [c for c in _live(_run(text, code)) if c.event_type == "Battles"]
    assert claims, text
    assert claims[0].sub_event_type == "Government regains territory"
    assert claims[0].actor1 is not None and claims[0].actor1.name == UA_MIL


# --- places and dates -----------------------------------------------------------------

@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Российские подразделения отошли на левый берег Днепра, сообщили в Генштабе ВСУ."),
    ("uk", "Російські підрозділи відійшли на лівий берег Дніпра, повідомили в Генштабі ЗСУ."),
])
def test_river_bank_is_not_the_city(code: str, text: str) -> None:
    for c in _run(text, code).claims:
        assert c.location is None or c.location.place is None or c.location.place.name != "Dnipro"


def test_drone_at_title_start_is_not_a_place() -> None:
    doc = _run("Drone strike damages a school in Sumy, officials say.\n\nA drone struck a "
               "school in Sumy on Sunday, officials said.", "en")
    assert all(p.place is None or p.place.name != "Dronero" for p in doc.places)


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Удар стався в ніч проти 14 березня."),
    ("uk", "Удар стався у ніч з 13 проти 14 березня."),
    ("ru", "Удар был нанесен в ночь на 14 марта."),
    ("en", "The strike came on the night of March 13-14."),
    ("en", "The strike came on the night of 13 to 14 March."),
])
def test_night_dates_name_the_morning(code: str, text: str) -> None:
    found = find_dates(text, load_langpacks()[code], PUBLISHED)
    assert [f.value.start for f in found] == [date(2023, 3, 14)]
