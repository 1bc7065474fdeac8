"""Russian and Ukrainian press shapes the rules must carry over to, beyond the text they
were developed on: speakers named after a channel ("написав у телеграм-каналі"), passive
reports with no speaker, verb families in unusual forms, official summaries.

Every sentence here was written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.triggers import find_hits, select
from frontwatch.langpack import load_langpacks
from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
CLASH = "Armed clash"
DISRUPTED = "Disrupted weapons use"
RU_MIL = "Military Forces of Russia (2000-)"
UA_MIL = "Military Forces of Ukraine (2019-)"


def _main(pipeline: Pipeline, text: str) -> Claim:
    doc = pipeline(make_document("t:gen", text, Defaults(published=date(2024, 5, 20))))
    claims = [c for c in doc.claims if not c.background]
    assert claims, text
    return claims[0]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Окупанти били по Марганцю з мінометів, написав у телеграм-каналі голова "
     "Дніпропетровської ОВА.", "Dnipropetrovsk Regional Military Administration"),
    ("Беспилотник ВСУ атаковал Шебекино, сообщил в своем Telegram-канале губернатор "
     "Белгородской области.", "Governor of Belgorod Oblast"),
    ("Украинский дрон атаковал Грайворон, заявили в пресс-службе губернатора Белгородской "
     "области.", "Governor of Belgorod Oblast"),
])
def test_a_speaker_named_after_the_channel_it_wrote_in(pipeline: Pipeline, text: str,
                                                      speaker: str) -> None:
    assert _main(pipeline, text).claimed_by == speaker


def _types(sentence: str, code: str) -> list[str]:
    hits = find_hits(sentence, load_langpacks()[code])
    return [h.sub_event_type for h in select(hits, {})]


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    # Passive participles and reflexives of a verb family, not spelt out in any pattern.
    ("ru", "Склад под Шахтёрском был атакован вчера.", CLASH),
    ("uk", "Позиції поблизу Часового Яру штурмуються щодня.", CLASH),
    ("ru", "Весь день город обстреливался из гаубиц.", SHELLING),
    ("uk", "Станцію розбомбили ще зранку.", AIR),
    # A blow aimed "at" something ("били по", "гатили по") is a strike.
    ("uk", "Загарбники гатили по Куп'янську з мінометів.", SHELLING),
    ("ru", "Противник бил по окраинам города весь вечер.", SHELLING),
])
def test_verb_families_fire_in_any_form(code: str, sentence: str, expected: str) -> None:
    assert _types(sentence, code) == [expected]


def test_a_verb_family_needs_its_context() -> None:
    # "бить" with no target "по" is not a strike ("бить рекорды").
    assert _types("Экспорт зерна продолжает бить рекорды.", "ru") == []


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    # A weapon put out of action is stopped, not troops withdrawn.
    ("ru", "Над Брянском два беспилотника выведены из строя средствами РЭБ.", DISRUPTED),
    ("uk", "Ворожі дрони вивели з ладу засобами РЕБ.", DISRUPTED),
    # A hit on any target is a strike.
    ("uk", "Сили оборони уразили склад пального під Джанкоєм.", SHELLING),
])
def test_weapon_words_read_by_what_they_do(code: str, sentence: str, expected: str) -> None:
    assert expected in _types(sentence, code)


def _claims(pipeline: Pipeline, text: str) -> list[Claim]:
    doc = pipeline(make_document("t:gen", text, Defaults(published=date(2024, 5, 20))))
    return [c for c in doc.claims if not c.background]


@pytest.mark.parametrize("text", [
    "Окупанти вдарили по Ізюму з артилерії.\n\nПро це повідомив очільник Харківської ОВА.",
    "Росіяни обстріляли Вовчанськ. Загинули двоє людей, повідомив очільник Харківської ОВА.",
])
def test_the_speaker_of_the_next_sentence(pipeline: Pipeline, text: str) -> None:
    assert _claims(pipeline, text)[0].claimed_by == "Kharkiv Regional Military Administration"


def test_an_unrelated_next_sentence_lends_no_speaker(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Окупанти вдарили по Ізюму з артилерії.\n\nУ Києві триває "
                "засідання уряду, повідомив прем'єр-міністр.")[0]
    assert c.modality == "asserted"


@pytest.mark.parametrize(("code", "text", "killed"), [
    ("ru", "Число погибших при ракетном ударе по Харькову вечером в четверг на окраине "
     "города выросло до 9, сообщил глава Харьковской ОВА.", 9),
    ("uk", "Внаслідок обстрілу Херсона загинула 31 людина, повідомили в ОВА.", 31),
    ("uk", "Чоловік і жінка загинули внаслідок обстрілу Нікополя.", 2),
    ("ru", "При обстреле Горловки погибли два человека — мужчина и женщина.", 2),
])
def test_tolls_as_the_press_tells_them(pipeline: Pipeline, code: str, text: str,
                                       killed: int) -> None:
    c = _claims(pipeline, text)[0]
    assert min(q.value for q in c.quantities if q.kind == "killed") == killed


def test_after_a_strike_told_first_is_the_strike(pipeline: Pipeline) -> None:
    # "після обстрілу" points back only where a strike was told before.
    claims = _claims(pipeline, "Будинок у Бєлгороді зруйнувався після обстрілу міста.")
    assert [c.sub_event_type for c in claims] == [SHELLING]


@pytest.mark.parametrize(("code", "text"), [
    # The genitive after an attack noun is the attacker, in a passive report too.
    ("ru", "Под Работино отражены атаки ВСУ, сообщили в Минобороны России."),
    # The agent of a passive participle is in the instrumental.
    ("ru", "Село Приморское было атаковано ВСУ, сообщили в Минобороны России."),
    ("uk", "Позиції росіян були атаковані ЗСУ біля Кринок."),
])
def test_passive_reports_keep_the_attacker(pipeline: Pipeline, code: str, text: str) -> None:
    c = _claims(pipeline, text)[0]
    assert c.actor1 is not None and c.actor1.name == UA_MIL, text


def test_the_heads_of_the_occupied_regions_speak(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "ВСУ обстреляли Стаханов, сообщил глава ЛНР Леонид Пасечник.")[0]
    assert c.claimed_by == "Russian-installed administration of Luhansk Oblast"


def test_a_report_date_does_not_date_the_story(pipeline: Pipeline) -> None:
    # "сообщил в субботу" dates the report; the story below keeps Friday.
    claims = _claims(pipeline, "Число погибших при ударе по Одессе в пятницу выросло до 5, "
                     "сообщил в субботу глава Одесской ОВА. Ранены трое.\n\n"
                     "Ракета упала рядом со школой.")
    assert len({c.date.start for c in claims}) == 1
    assert all(c.location and c.location.place and c.location.place.name == "Odesa"
               for c in claims)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Окупанти штурмували Кліщіївку. Про це йдеться в ранковому зведенні Генштабу ЗСУ.",
     "Ukrainian army"),
    ("Українські військові увійшли в Кліщіївку, повідомив речник Південного угруповання "
     "військ.", "Ukrainian army"),
    ("Российские военные похитили в Мелитополе учителя, заявила уполномоченная Верховной "
     "рады по правам человека.", "Government of Ukraine"),
])
def test_speakers_named_by_office(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert speaker in {c.claimed_by for c in _claims(pipeline, text)}


def test_a_wire_agency_outlet_asserts_under_its_name(pipeline: Pipeline) -> None:
    text = ("Полиция в воскресенье задержала в Москве десятки участников антивоенного "
            "пикета у памятника Пушкину.")
    doc = pipeline(make_document("t:gen", text,
                                 Defaults(published=date(2024, 5, 20), outlet="Интерфакс")))
    assert doc.claims[0].claimed_by == "Interfax"


def test_a_bomb_told_by_a_ministry_names_no_hand(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "При взрыве в кафе в Самаре погиб блогер, сообщили в МВД России.")[0]
    assert c.claimed_by == "Government of Russia"
    assert c.actor1 is None


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    # A commander dismissed is a change in the group, not ground "freed".
    ("uk", "Президент звільнив командувача Сил підтримки з посади.", "Change to group/activity"),
    ("ru", "Министр отправил в отставку командующего округом.", "Change to group/activity"),
    # An attack "of drones" with words between, and attempted crossings.
    ("uk", "Унаслідок атаки ворожих ударних БпЛА на Суми загинули двоє людей.", AIR),
    ("ru", "Противник попытался форсировать реку у Кринок.", CLASH),
    ("uk", "Окупанти намагалися переправитися через Дніпро біля Козачих Таборів.", CLASH),
    ("ru", "Части продолжают отражать попытки противника прорваться.", CLASH),
])
def test_more_press_words(code: str, sentence: str, expected: str) -> None:
    assert expected in _types(sentence, code)


def test_the_side_on_a_downed_weapon_owns_it(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Над Сумами ночью сбиты 9 российских ударных беспилотников, "
                "сообщил глава Сумской областной военной администрации.")[0]
    assert c.sub_event_type == DISRUPTED
    assert (c.actor1 and c.actor1.name, c.actor2 and c.actor2.name) == (UA_MIL, RU_MIL)


def test_an_exchange_is_agreed_with_the_other_side(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Додому з полону повернулися ще 50 наших захисників, повідомив "
                "Президент України.")[0]
    assert c.sub_event_type == "Agreement"
    assert c.actor2 is not None and c.actor2.name == "Government of Russia (2000-)"


def test_relatives_named_one_by_one_are_counted(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Российские военные обстреляли машину у Изюма. Погибли женщина "
                "и ее 12-летний сын, сообщил глава Харьковской ОВА.")[0]
    assert min(q.value for q in c.quantities if q.kind == "killed") == 2


def test_a_change_to_a_group_has_no_second_party(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Президент России отправил в отставку командующего войсками "
                "Южного военного округа, сообщил Кремль.")[0]
    assert c.sub_event_type == "Change to group/activity" and c.actor2 is None


def test_attempts_fended_off_name_their_attacker(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Российские части продолжают отражать попытки ВСУ прорваться у "
                "Глушково, сообщили в Минобороны России.")[0]
    assert (c.actor1 and c.actor1.name, c.actor2 and c.actor2.name) == (UA_MIL, RU_MIL)


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    ("ru", "Матери солдат вышли к зданию Минобороны, требуя вернуть сыновей домой.",
     "Peaceful protest"),
    ("uk", "Родини полонених вийшли на площу з вимогою повернути їхніх рідних.",
     "Peaceful protest"),
    ("ru", "Военные расстреляли микроавтобус с беженцами у Бучи.", "Attack"),
])
def test_demands_and_shootings_at_civilians(code: str, sentence: str, expected: str) -> None:
    assert expected in _types(sentence, code)


def test_since_the_start_of_recalls(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("t:gen", "Жінки вийшли до Кремля з вимогою повернути чоловіків."
                                 "\n\nМинуло 500 днів від початку мобілізації.",
                                 Defaults(published=date(2024, 5, 20))))
    assert all(c.background for c in doc.claims if c.sub_event_type != "Peaceful protest")


def test_a_downed_weapon_named_first_belongs_to_the_target(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Семь украинских дронов были уничтожены над Брянской областью, "
                "сообщили в Минобороны России.")[0]
    assert (c.actor1 and c.actor1.name, c.actor2 and c.actor2.name) == (RU_MIL, UA_MIL)


def test_a_glide_bomb_is_no_place(pipeline: Pipeline) -> None:
    c = _claims(pipeline, "Окупанти вдарили КАБом по Куп'янську, повідомив очільник "
                "Харківської ОВА.")[0]
    assert c.location is not None and c.location.place is not None
    assert c.location.place.name != "Cobb"


@pytest.mark.parametrize(("code", "text"), [
    # Free word order: a noun that can only be a subject, after the verb, is the subject.
    ("uk", "Суми вночі атакували окупанти."),
    ("ru", "Херсон утром обстреляли оккупанты."),
])
def test_a_subject_after_its_verb(pipeline: Pipeline, code: str, text: str) -> None:
    c = _claims(pipeline, text)[0]
    assert c.actor1 is not None and c.actor1.name == RU_MIL, text


def test_a_subject_of_another_sentence_stays_there(pipeline: Pipeline) -> None:
    # One paragraph read as a lead: "Окупанти" opens a new sentence, not the arrest's.
    c = _claims(pipeline, "СБУ заявила про затримання агента в Одесі. Окупанти "
                "оприлюднили відео.")[0]
    assert c.actor1 is not None and c.actor1.name == "Government of Ukraine (2019-)"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Росіяни вдарили по Марганцю з артилерії, повідомив Сергій Лисак.",
     "Dnipropetrovsk Regional Military Administration"),
    ("Российские войска обстреляли Берислав, написал Прокудин в телеграме.",
     "Kherson Regional Military Administration"),
])
def test_regional_heads_named_by_name(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _claims(pipeline, text)[0].claimed_by == speaker


@pytest.mark.parametrize(("code", "text", "defender"), [
    # No speaker: the press's side downs them, else the side where they fell.
    ("uk", "Вночі над Полтавщиною були збиті 8 шахедів.", UA_MIL),
    ("ru", "Над Курской областью были сбиты три беспилотника.", RU_MIL),
])
def test_weapons_downed_with_no_speaker(pipeline: Pipeline, code: str, text: str,
                                        defender: str) -> None:
    c = _claims(pipeline, text)[0]
    assert c.sub_event_type == DISRUPTED
    assert c.actor1 is not None and c.actor1.name == defender


def test_an_attempted_strike_is_no_strike() -> None:
    assert _types("Противник предпринял попытку нанести удар дронами по Туапсе.", "ru") == []


def test_a_statement_quoted_keeps_its_speaker(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("t:gen", "Над Брянском сбит беспилотник, сообщили в Минобороны "
                                 "России.\n\n«Беспилотник был выведен из строя средствами РЭБ», "
                                 "— говорится в сообщении.",
                                 Defaults(published=date(2024, 5, 20))))
    assert {c.claimed_by for c in doc.claims} == {"Russian Ministry of Defence"}


def test_an_adjective_participle_names_no_agent(pipeline: Pipeline) -> None:
    # "массированных" is a participle used as an adjective; "ВСУ" is the target here.
    c = _claims(pipeline, "Минобороны России заявило, что в результате массированных ударов "
                "по позициям ВСУ под Купянском уничтожено до 50 военнослужащих.")[0]
    assert c.actor1 is not None and c.actor1.name == RU_MIL


def test_an_abbreviation_after_a_noun_owns_the_target(pipeline: Pipeline) -> None:
    # "атакованы позиции ВСУ": the positions are the AFU's, no agent is named.
    c = _claims(pipeline, "Под Купянском атакованы позиции ВСУ, сообщили в Минобороны "
                "России.")[0]
    assert c.actor1 is not None and c.actor1.name == RU_MIL
