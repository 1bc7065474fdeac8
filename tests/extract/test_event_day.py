"""The day of the event, not of the report: a lead dated only by the publication day or by
the day it was said takes the earlier day the body gives the same kind of event; a body
event told as another one keeps its own day; a speaker dated in commas ("в воскресенье, 11
февраля, заявило") still speaks. Every sentence here was written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

PUBLISHED = date(2024, 2, 14)  # a Wednesday


def _lead(pipeline: Pipeline, text: str) -> Claim:
    doc = make_document("test:day", text, Defaults(published=PUBLISHED, outlet="Wire"))
    claims = [c for c in pipeline(doc).claims if not c.background]
    assert claims, text
    return claims[0]


@pytest.mark.parametrize("text", [
    "Russian drones struck an oil depot in Poltava, the governor said on Tuesday.\n\n"
    "The drones hit the depot early on Monday, setting two tanks on fire.",
    "Des drones russes ont frappé un dépôt pétrolier à Poltava, a déclaré mardi le gouverneur.\n\n"
    "Les drones ont frappé le dépôt dans la nuit de dimanche à lundi, incendiant deux réservoirs.",
    "Губернатор сообщил во вторник, что украинские беспилотники атаковали нефтебазу в Брянске.\n\n"
    "Беспилотники атаковали нефтебазу в ночь на понедельник, загорелись два резервуара.",
    "Російські дрони атакували нафтобазу в Полтаві, повідомив у вівторок голова ОВА.\n\n"
    "Дрони атакували нафтобазу в ніч проти понеділка, загорілися два резервуари.",
])
def test_the_day_said_gives_way_to_the_day_it_happened(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 12)


@pytest.mark.parametrize("text", [
    "Russian forces shelled Nikopol, killing a man.\n\nThe shelling began on Monday evening.",
    "Les forces russes ont bombardé Nikopol, tuant un homme.\n\nLe bombardement a eu lieu lundi.",
    "ВСУ обстреляли Горловку, погиб мужчина.\n\nОбстрел произошел в понедельник вечером.",
    "Окупанти обстріляли Нікополь, загинув чоловік.\n\nОбстріл стався у понеділок увечері.",
])
def test_an_undated_lead_takes_the_day_the_body_gives(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 12)


@pytest.mark.parametrize("text", [
    "Russian drones struck an oil depot in Poltava, the governor said on Tuesday.\n\n"
    "On Monday another drone strike hit a farm near Myrhorod.",
    "Des drones russes ont frappé un dépôt pétrolier à Poltava, a déclaré mardi le gouverneur.\n\n"
    "Lundi, une autre frappe de drone avait touché une ferme près de Myrhorod.",
    "Губернатор сообщил во вторник, что украинские беспилотники атаковали нефтебазу в Брянске.\n\n"
    "В понедельник еще одна атака беспилотников пришлась на ферму под Клинцами.",
    "Російські дрони атакували нафтобазу в Полтаві, повідомив у вівторок голова ОВА.\n\n"
    "У понеділок ще одна атака дронів влучила у ферму біля Миргорода.",
])
def test_another_event_of_the_kind_keeps_its_own_day(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 13)


@pytest.mark.parametrize("text", [
    "Russian troops looted a museum in Kherson on Monday, the ministry said on Tuesday.",
    "Des soldats russes ont pillé lundi un musée de Kherson, a dénoncé mardi le ministère.",
    "Российские военные разграбили музей в Херсоне в понедельник, заявило во вторник министерство.",
    "Російські військові пограбували музей у Херсоні в понеділок, заявило у вівторок міністерство.",
])
def test_the_day_said_dates_no_event_the_sentence_dates(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 12)


@pytest.mark.parametrize("text", [
    "Russian drones struck an oil depot in Poltava, the governor said on Tuesday.\n\n"
    "Drones have struck the region every night since Monday.",
    "Des drones russes ont frappé un dépôt pétrolier à Poltava, a déclaré mardi le gouverneur.\n\n"
    "Des drones frappent la région chaque nuit depuis lundi.",
])
def test_the_start_of_a_period_is_no_event_day(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 13)


@pytest.mark.parametrize("text", [
    "Russian missiles hit Sumy on Tuesday.\n\n"
    "Last week Russian drones had already struck the city.",
    "Des missiles russes ont frappé Soumy mardi.\n\n"
    "La semaine dernière, des drones russes avaient déjà frappé la ville.",
    "Российские ракеты ударили по Сумам во вторник.\n\n"
    "На прошлой неделе российские дроны уже атаковали город.",
    "Російські ракети вдарили по Сумах у вівторок.\n\n"
    "Минулого тижня окупанти вже атакували місто дронами.",
])
def test_last_weeks_strike_told_as_done_is_background(pipeline: Pipeline, text: str) -> None:
    doc = make_document("test:day", text, Defaults(published=PUBLISHED, outlet="Wire"))
    claims = pipeline(doc).claims
    assert len(claims) == 2 and not claims[0].background and claims[1].background


@pytest.mark.parametrize("text", [
    "Ukrainian troops repelled 14 Russian assaults near Vovchansk over the past day.\n\n"
    "Russian units attacked Ukrainian positions near Vovchansk on Tuesday, the army said.",
    "Генштаб ВСУ: под Волчанском за сутки отбиты 14 атак\n\n"
    "Российские войска во вторник атаковали позиции ВСУ под Волчанском, говорится в сводке.",
    "Під Вовчанськом за добу відбито 14 атак\n\n"
    "Російські війська у вівторок атакували позиції ЗСУ під Вовчанськом, йдеться у зведенні.",
])
def test_a_window_takes_the_day_the_body_names_in_it(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 13)


@pytest.mark.parametrize("text", [
    "Russian troops attacked Vovchansk 14 times in the past 24 hours, the army said on Tuesday.",
    "Российские войска за последние сутки 14 раз атаковали Волчанск, заявил во вторник штаб.",
    "Російські війська за останню добу 14 разів атакували Вовчанськ, заявив у вівторок штаб.",
])
def test_a_window_ending_the_day_said_is_that_day(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 2, 13)


@pytest.mark.parametrize("text", [
    "The prosecutor said on Tuesday that on 3 January a Russian soldier shot a cyclist in Irpin.",
    "Генпрокурор заявил во вторник, что 3 января российский военный застрелил мужчину в Ирпене.",
    "Генпрокурор заявив у вівторок, що 3 січня російський військовий застрелив чоловіка в Ірпені.",
])
def test_a_report_of_nothing_newer_tells_its_old_event(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).date.start == date(2024, 1, 3)


@pytest.mark.parametrize("text", [
    "Министерство обороны России в воскресенье, 11 февраля, заявило, что войска заняли Победу.",
    "Міністерство оборони Росії в неділю, 11 лютого, заявило, що окупанти захопили Побєду.",
])
def test_a_dated_apposition_keeps_the_speaker_the_subject(pipeline: Pipeline, text: str) -> None:
    assert _lead(pipeline, text).claimed_by == "Russian Ministry of Defence"


@pytest.mark.parametrize("text", [
    "Запоріжжя: російський дрон атакував маршрутку\n\n"
    "У вівторок російський дрон атакував маршрутку в Запоріжжі. "
    "Про це повідомив начальник Запорізької ОВА Іван Федоров.",
    "Запорожье: дрон атаковал маршрутку\n\n"
    "Во вторник украинский дрон атаковал маршрутку в Каменке-Днепровской, заявил Евгений Балицкий.",
])
def test_a_headline_says_what_the_reports_source_says(pipeline: Pipeline, text: str) -> None:
    doc = make_document("test:day", text, Defaults(published=PUBLISHED, outlet="Wire"))
    claims = [c for c in pipeline(doc).claims if not c.background]
    assert len(claims) >= 2 and claims[0].claimed_by == claims[1].claimed_by != "Wire"
