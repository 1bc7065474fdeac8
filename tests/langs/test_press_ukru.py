"""Ukrainian and Russian war reporting as the press and officials write it: regional
military administrations ("ворог атакував ... з артилерії", "знешкодили безпілотники"),
the Russian defence ministry's briefings ("водружен флаг", "подавлен средствами РЭБ"),
prisoner returns, demining, troops moved and units formed, and independent Russian media
on pickets. Each sentence names the sub-event type its trigger words must give; a second
group checks the whole pipeline (actors and death tolls).

Every sentence here was written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.quantities import find_quantities
from frontwatch.extract.triggers import find_hits, select
from frontwatch.langpack import load_langpacks
from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
DISRUPTED = "Disrupted weapons use"
TERRITORY = "territory"
ATTACK = "Attack"
AGREEMENT = "Agreement"
LOOTING = "Looting/property destruction"
CHANGE = "Change to group/activity"
PROTEST = "Peaceful protest"
PROTEST_FORCE = "Protest with intervention"
IED = "Remote explosive/landmine/IED"
CLASH = "Armed clash"
ABDUCTION = "Abduction/forced disappearance"
RU_MIL = "Military Forces of Russia (2000-)"
UA_GOV = "Government of Ukraine (2019-)"
UA_CIV = "Civilians (Ukraine)"


def _types(sentence: str, code: str) -> list[str]:
    hits = find_hits(sentence, load_langpacks()[code])
    return [h.sub_event_type for h in select(hits, {})]


TYPED = [
    # An attack "with artillery / with missiles" is shelling, not a battle.
    ("uk", "Ворог атакував Нікополь з важкої артилерії.", SHELLING),
    ("uk", "Окупанти атакували громаду із мінометів.", SHELLING),
    ("ru", "Противник атаковал поселок из РСЗВ.", SHELLING),
    ("ru", "Село Тёткино подверглось минометному обстрелу.", SHELLING),
    # Hurt "from a drone" is a drone strike.
    ("uk", "Окупанти поранили з дрона двох цивільних.", AIR),
    ("ru", "Противник атаковал автомобиль с помощью FPV-дрона.", AIR),
    ("ru", "Нападение с применением беспилотника на подстанцию.", AIR),
    # Drones neutralised, suppressed by jamming; mines and shells cleared.
    ("uk", "Сили оборони вночі знешкодили 11 ударних безпілотників.", DISRUPTED),
    ("uk", "Піротехніки знешкодили 140 вибухонебезпечних предметів.", DISRUPTED),
    ("uk", "Сапери розмінували понад 30 гектарів полів.", DISRUPTED),
    ("ru", "Беспилотник подавлен средствами РЭБ над Подмосковьем.", DISRUPTED),
    ("ru", "Саперы обезвредили более 200 взрывоопасных предметов.", DISRUPTED),
    ("ru", "Дежурные средства ПВО уничтожили над территорией области шесть украинских "
     "беспилотников.", DISRUPTED),
    ("ru", "Ночью Киев атаковал Крым крылатыми ракетами, все ракеты перехвачены.", DISRUPTED),
    # A flag raised over a place, a foothold, an enemy driven out.
    ("uk", "Над Кринками знову майорить український прапор.", TERRITORY),
    ("uk", "Десантники закріпилися на лівому березі Дніпра.", TERRITORY),
    ("ru", "Над населенным пунктом водружен российский флаг.", TERRITORY),
    ("ru", "ВСУ выбили российские войска из села.", TERRITORY),
    # A resident killed by a soldier, but not one killed by a strike.
    ("uk", "Російський військовий убив місцевого мешканця в окупованій Каховці.", ATTACK),
    # Prisoners and the bodies of the fallen handed back.
    ("uk", "Україна повернула з російського полону ще 100 захисників.", AGREEMENT),
    ("uk", "Україні повернули тіла 62 загиблих захисників.", AGREEMENT),
    ("ru", "Россия вернула из украинского плена 95 военнослужащих.", AGREEMENT),
    ("ru", "Украина передала тела погибших военных российской стороне.", AGREEMENT),
    # A bridge blown up by troops is property destroyed.
    ("uk", "Відступаючи, російські військові підірвали міст через річку.", LOOTING),
    ("ru", "Отступая, военные взорвали мост через реку.", LOOTING),
    # Troops moved in, units formed, conscripts called up.
    ("uk", "Росія перекидає додаткові підрозділи на Запорізький напрямок.", CHANGE),
    ("ru", "Минобороны сформировало новую армию и армейский корпус.", CHANGE),
    ("ru", "Путин подписал указ о призыве на срочную службу 150 тысяч граждан.", CHANGE),
    # Missiles named in the instrumental, guided bombs by their abbreviation, a drone that
    # hit, ships struck "with sea drones".
    ("uk", "Росія атакувала Одесу балістичними ракетами «Іскандер-М».", SHELLING),
    ("uk", "Росіяни двічі вдарили КАБами по Запоріжжю.", AIR),
    ("uk", "Ворожий FPV-дрон влучив у цивільне авто в Нікополі.", AIR),
    ("uk", "ГУР уразило два російські кораблі в Криму морськими дронами.", AIR),
    ("uk", "Ударні БпЛА, усі вони знищені силами ППО.", DISRUPTED),
    # Occupiers driven out of positions; people deported or seized with no word of them.
    ("uk", "Бійці бригади вибили окупантів з позицій біля Андріївки.", TERRITORY),
    ("uk", "Окупанти депортували 20 дітей з Херсонщини до Росії.", ABDUCTION),
    ("uk", "У Скадовську рашисти схопили двох волонтерів, їхня доля невідома.",
     ABDUCTION),
    ("uk", "Окупанти зруйнували пам'ятник жертвам Голодомору в Маріуполі.", LOOTING),
    ("uk", "Росіяни розмістили в лікарні Каховки військовий госпіталь і штаб.",
     "Headquarters or base established"),
    ("uk", "Росія зосереджує війська біля кордону з Сумщиною.", CHANGE),
    # The Russian defence ministry's briefing words.
    ("ru", "Подразделения группировки «Юг» улучшили положение по переднему краю и нанесли "
     "поражение живой силе и технике трех бригад ВСУ.", CLASH),
    ("ru", "Авиацией и артиллерией поражены живая сила и техника противника в 118 районах.",
     SHELLING),
    ("ru", "В результате активных действий освобождено село Соловьево.", TERRITORY),
    ("ru", "Из украинского плена возвращены 75 российских военнослужащих.", AGREEMENT),
    ("uk", "З російського полону повернуто ще 50 захисників.", AGREEMENT),
    ("ru", "Силовики задержали местного жителя, его местонахождение неизвестно.", ABDUCTION),
    ("ru", "Минобороны сообщило о создании нового Днепровского речной флотилии.", CHANGE),
    ("ru", "Военные оборудовали склад боеприпасов на территории детского сада.",
     "Headquarters or base established"),
    # A massive attack is one of missiles and drones; an attack on the power grid a strike;
    # a withdrawal told as "вихід ... з"; civilians "killed by the occupiers".
    ("uk", "Масована атака на Київ і Харків: росіяни випустили близько 100 ракет, ППО збила "
     "72 з них.", DISRUPTED),
    ("uk", "Рашисти знову атакували енергетику: пошкоджено ТЕЦ у Харкові.", SHELLING),
    ("ru", "Противник атаковал объекты энергетики в Белгородской области.", SHELLING),
    ("ru", "Массированная атака на Киев продолжалась всю ночь.", SHELLING),
    ("uk", "Сирський ухвалив рішення про вихід українських підрозділів з Авдіївки.", TERRITORY),
    ("ru", "Командование объявило о выходе подразделений из города.", TERRITORY),
    ("uk", "У Бучі виявили тіла понад 300 мирних жителів, убитих окупантами.", ATTACK),
    ("ru", "В Буче найдены тела мирных жителей, убитых российскими военными.", ATTACK),
    # A lorry that blew up; sabotage groups and incursions; a recruiting office set on
    # fire; shots in the air and stun grenades at a rally; a crowd storming a building.
    ("ru", "Утром на Крымском мосту взорвался грузовик, обрушились два пролета.", IED),
    ("uk", "На мосту вибухнула вантажівка.", IED),
    ("ru", "Диверсионно-разведывательная группа ВСУ вторглась на территорию района.", CLASH),
    ("ru", "ДРГ противника пыталась проникнуть в область, диверсанты уничтожены.", CLASH),
    ("uk", "Українські прикордонники знищили російську ДРГ на Сумщині.", CLASH),
    ("ru", "В Омске неизвестный поджег здание военкомата.", LOOTING),
    ("uk", "У Херсоні тисячі людей вийшли на мітинг, окупанти відкрили вогонь у повітря.",
     PROTEST_FORCE),
    ("ru", "Силовики применили дубинки и светошумовые гранаты против участников схода.",
     PROTEST_FORCE),
    ("ru", "Толпа штурмовала аэропорт в поисках пассажиров рейса.", "Violent demonstration"),
    # Independent Russian media on dissent: a placard, flowers in memory, a motor rally; a
    # protest against mobilisation is a protest, not a mobilisation.
    ("ru", "В Новосибирске задержали активистку, вышедшую с плакатом «Нет войне».",
     PROTEST_FORCE),
    ("ru", "Сотни людей пришли к посольству с акцией памяти Навального.", PROTEST),
    ("uk", "У Москві затримали понад 400 людей, які прийшли вшанувати пам'ять Навального.",
     PROTEST_FORCE),
    ("uk", "У Дагестані жінки вийшли на протест проти мобілізації.", PROTEST),
    ("uk", "У Запоріжжі пройшов автопробіг на підтримку полонених захисників.", PROTEST),
    ("ru", "В Курской области мужчина пострадал при детонации беспилотника ВСУ.", AIR),
    # A target destroyed or hit, the weapon said or not; explosions heard over a city.
    ("uk", "Сили оборони уразили великий десантний корабель «Новочеркаськ» у Феодосії.",
     SHELLING),
    ("uk", "Українська авіація знищила склад боєприпасів окупантів.", AIR),
    ("uk", "Оператори дронів СБС уразили російський танк і дві БМП під Покровськом.", AIR),
    ("ru", "Российские артиллеристы уничтожили американскую гаубицу M777 ВСУ.", SHELLING),
    ("ru", "Ударом «Искандера» уничтожена батарея HIMARS в Харьковской области.", SHELLING),
    ("uk", "У Харкові пролунала серія вибухів.", SHELLING),
    ("ru", "В Севастополе прогремели взрывы.", SHELLING),
    # A gathering "in support of" is a protest; wives of mobilised men are no mobilisation.
    ("ru", "Жители собрались у здания суда в поддержку активиста.", PROTEST),
    ("ru", "Жены мобилизованных вышли на пикет у здания министерства.", PROTEST),
]


@pytest.mark.parametrize(("code", "sentence", "expected"), TYPED)
def test_press_sentences_are_typed(code: str, sentence: str, expected: str) -> None:
    assert expected in _types(sentence, code), (sentence, _types(sentence, code))


@pytest.mark.parametrize("sentence", [
    "Удар дрона вбив двох жінок у Херсоні.",
    "Ракета вбила чоловіка на зупинці.",
])
def test_a_person_killed_by_a_strike_is_no_separate_attack(sentence: str) -> None:
    assert ATTACK not in _types(sentence, "uk")


@pytest.mark.parametrize(("code", "sentence"), [
    ("uk", "Сьогодні мобілізованих чоловіків зустріли рідні."),
    ("ru", "Жены мобилизованных встретились с журналистами."),
    ("uk", "Ми повернулися додому з відпустки."),
])
def test_everyday_senses_stay_silent(code: str, sentence: str) -> None:
    assert _types(sentence, code) == []


def test_a_lone_victim_after_a_long_noun_is_killed_not_wounded() -> None:
    # The outcome word before the victim counts from its end: "загинула 68-річна жінка"
    # is a death even with "поранені" a little after.
    pack = load_langpacks()["uk"]
    found = find_quantities("Внаслідок обстрілу загинула 68-річна жінка, ще двоє людей "
                            "поранені.", pack)
    kinds = {(f.quantity.kind, f.quantity.value) for f in found}
    assert ("killed", 1) in kinds and ("wounded", 1) not in kinds


def _main(pipeline: Pipeline, text: str) -> Claim:
    doc = pipeline(make_document("t:press", text, Defaults(published=date(2024, 3, 12))))
    claims = [c for c in doc.claims if not c.background]
    assert claims, text
    return claims[0]


def test_shelling_with_artillery_names_the_enemy_and_the_dead(pipeline: Pipeline) -> None:
    c = _main(pipeline, "Ворог атакував Нікополь з важкої артилерії. Внаслідок ворожого "
              "обстрілу загинула 68-річна жінка, ще двоє людей поранені, повідомив голова "
              "Дніпропетровської ОВА Сергій Лисак.")
    assert c.sub_event_type == SHELLING
    assert c.actor1 is not None and c.actor1.name == RU_MIL


def test_a_resident_killed_is_one_death(pipeline: Pipeline) -> None:
    c = _main(pipeline, "Російський військовий убив місцевого мешканця в окупованій "
              "Каховці, повідомили в Херсонській ОВА.")
    assert c.sub_event_type == ATTACK
    assert c.actor2 is not None and c.actor2.name == UA_CIV
    assert any(q.kind == "killed" and q.value == 1 for q in c.quantities)


@pytest.mark.parametrize(("code", "text", "actor1"), [
    ("uk", "Росіяни окупували село Степове поблизу Авдіївки, визнали в Генштабі ЗСУ.", RU_MIL),
    ("uk", "Верховна Рада ухвалила закон про мобілізацію.", UA_GOV),
])
def test_the_press_names_for_each_side(pipeline: Pipeline, code: str, text: str,
                                       actor1: str) -> None:
    c = _main(pipeline, text)
    assert c.actor1 is not None and c.actor1.name == actor1


@pytest.mark.parametrize("text", [
    "В Москве полиция задержала более 100 человек на акции памяти, сообщает ОВД-Инфо.",
    "Поліція в середу затримала в Москві сотні учасників протестів проти мобілізації.",
])
def test_a_protest_broken_up_is_the_protesters_with_the_police_second(
        pipeline: Pipeline, text: str) -> None:
    c = _main(pipeline, text)
    assert c.sub_event_type == "Protest with intervention"
    assert c.actor1 is not None and c.actor1.name == "Protesters (Russia)"
    assert c.actor2 is not None and c.actor2.name == "Police Forces of Russia (2000-)"


def test_a_place_retaken_without_a_known_place_is_a_recapture(pipeline: Pipeline) -> None:
    # No place resolves ("Клищіївка" aside): the ground is taken to be Ukraine's.
    c = _main(pipeline, "Село повністю звільнено від окупантів, повідомив Генштаб ЗСУ.")
    assert c.sub_event_type == "Government regains territory"


@pytest.mark.parametrize("text", [
    "Минулої ночі ворог атакував Харківщину дронами-камікадзе.",
    "Ворог просунувся в районі Очеретиного, повідомили аналітики.",
])
def test_the_enemy_of_ukrainian_news_with_no_speaker_is_russia(pipeline: Pipeline,
                                                              text: str) -> None:
    c = _main(pipeline, text)
    assert c.actor1 is not None and c.actor1.name == RU_MIL


def test_prisoners_of_war_shot_are_counted_dead() -> None:
    pack = load_langpacks()["uk"]
    found = find_quantities("Російські військові розстріляли трьох українських "
                            "військовополонених.", pack)
    assert any(f.quantity.kind == "killed" and f.quantity.value == 3 for f in found)


def test_a_russian_grouping_of_forces_takes_ground_for_russia(pipeline: Pipeline) -> None:
    c = _main(pipeline, "В результате активных действий подразделений группировки войск "
              "«Центр» освобождено село Соловьево Донецкой Народной Республики.")
    assert c.sub_event_type == "Non-state actor overtakes territory"
    assert c.actor1 is not None and c.actor1.name == RU_MIL


def test_the_nationality_of_the_drone_names_the_attacker(pipeline: Pipeline) -> None:
    # Horlivka lies in Ukraine, held by Russia: the drone's own side is what counts.
    c = _main(pipeline, "Двое мирных жителей погибли при атаке украинского дрона на Горловку.")
    assert c.sub_event_type == AIR
    assert c.actor1 is not None and c.actor1.name == "Military Forces of Ukraine (2019-)"


@pytest.mark.parametrize(("code", "sentence"), [
    ("uk", "Вагнерівці намагаються повністю захопити місто."),
    ("ru", "Противник пытается полностью захватить село."),
])
def test_trying_to_capture_is_no_capture(code: str, sentence: str) -> None:
    assert TERRITORY not in _types(sentence, code)


def test_stun_grenades_at_a_rally_are_no_grenade_attack() -> None:
    types = _types("Поліція кинула світлошумові гранати в учасників мітингу.", "uk")
    assert "Grenade" not in types and PROTEST_FORCE in types


@pytest.mark.parametrize(("text", "actor1"), [
    ("В результате удара ВСУ по СИЗО погибли 50 военнопленных, заявило Минобороны России.",
     "Military Forces of Ukraine (2019-)"),
    ("Внаслідок обстрілу окупантів у Херсоні загинула жінка, повідомили в Херсонській ОВА.",
     RU_MIL),
])
def test_the_army_named_right_after_a_strike_noun_struck(pipeline: Pipeline, text: str,
                                                         actor1: str) -> None:
    c = _main(pipeline, text)
    assert c.actor1 is not None and c.actor1.name == actor1


def test_a_city_after_a_strike_noun_is_its_target(pipeline: Pipeline) -> None:
    c = _main(pipeline, "Внаслідок обстрілу Києва загинули двоє людей, повідомили в КМВА.")
    assert c.actor1 is None or c.actor1.name != "Military Forces of Ukraine (2019-)"


def test_prisoners_of_war_counted_in_russian() -> None:
    found = find_quantities("В результате удара погибли 50 украинских военнопленных.",
                            load_langpacks()["ru"])
    assert any(f.quantity.kind == "killed" and f.quantity.value == 50 for f in found)


@pytest.mark.parametrize("text", [
    "Российские войска полностью взяли под контроль Авдеевку, заявил министр обороны "
    "Сергей Шойгу. Бои за город шли с октября. ВСУ несли большие потери.",
    "Українські військові звільнили Клищіївку. Бої за село тривали з 2022 року.",
])
def test_a_lead_paragraph_keeps_each_sentences_dates_apart(pipeline: Pipeline,
                                                           text: str) -> None:
    # The first paragraph is read as the title and kept whole; a date or a "since 2022"
    # of its second sentence must not make the first sentence's capture a recalled event.
    c = _main(pipeline, text)
    assert c.sub_event_type.endswith("territory")
    assert c.date.start is not None and c.date.start.year == 2024


def _events(pipeline: Pipeline, text: str) -> list:  # type: ignore[type-arg]
    from frontwatch.corroborate import build_events
    doc = pipeline(make_document("t:press", text, Defaults(published=date(2024, 3, 12))))
    return build_events([doc], pipeline.resources.gazetteer)


def test_a_toll_told_in_the_next_sentence_is_the_strikes(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Росіяни вдарили по Дніпру: є загиблий\n\nВранці 12 березня "
                     "окупанти атакували Дніпро ракетами. Загинув 40-річний чоловік, ще шестеро "
                     "людей поранені, повідомив начальник Дніпропетровської ОВА Сергій Лисак.")
    strike = next(e for e in events if e.sub_event_type == SHELLING)
    assert strike.fatalities == 1
    assert strike.actor2 == UA_CIV


def test_a_headline_without_a_place_joins_the_report_below(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Сальдо: ВСУ нанесли удар по Алешкам, погибли двое\n\n"
                     "Украинские войска обстреляли Алешки из артиллерии, погибли два мирных "
                     "жителя, заявил Владимир Сальдо.")
    strikes = [e for e in events if e.sub_event_type == SHELLING]
    assert len(strikes) == 1 and strikes[0].fatalities == 2


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    ("uk", "Наші захисники зупинили 30 штурмових дій агресора.", CLASH),
    ("uk", "Над Києвом ППО працювала всю ніч.", DISRUPTED),
    ("ru", "ПВО отразила атаку на Москву.", DISRUPTED),
    # "Сили оборони" are the armed forces, not air defence: their repelled attacks are a fight.
    ("uk", "На Авдіївському напрямку Сили оборони відбили 17 атак ворога.", CLASH),
    ("ru", "Силы обороны отбили атаку противника.", CLASH),
])
def test_more_press_words(code: str, sentence: str, expected: str) -> None:
    assert expected in _types(sentence, code)


def test_occupiers_killing_someone_in_a_headline_is_no_attack_of_its_own() -> None:
    # Ukrainian headlines tell strikes this way; the report below names the weapon.
    assert ATTACK not in _types("Окупанти на Херсонщині вбили волонтера", "uk")


def test_the_aggressor_is_russia(pipeline: Pipeline) -> None:
    c = _main(pipeline, "Наші захисники зупинили 30 штурмових дій агресора біля Уманського.")
    assert RU_MIL in {c.actor1.name if c.actor1 else None, c.actor2.name if c.actor2 else None}


@pytest.mark.parametrize(("code", "sentence"), [
    ("uk", "У Дагестані жінки вийшли на протест проти мобілізації."),
    ("ru", "При посредничестве Катара на Украину вернули детей, депортированных в Россию."),
])
def test_words_that_only_describe_tell_no_event_of_their_own(code: str,
                                                              sentence: str) -> None:
    types = _types(sentence, code)
    assert CHANGE not in types and ABDUCTION not in types


def test_a_letter_in_a_weapons_name_is_no_conditional(pipeline: Pipeline) -> None:
    # "Мста-Б" ends in the letter of the particle "б" (would): the strike still happened.
    c = _main(pipeline, "Артилеристи знищили ворожу гаубицю «Мста-Б» поблизу Бахмута.")
    assert c.modality != "hypothetical"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Оператори дронів СБС уразили російський танк і дві БМП під Покровськом.",
     "Military Forces of Ukraine (2019-)", RU_MIL),
    ("Морські дрони ГУР знищили російський корабель біля Керченської протоки.",
     "Military Forces of Ukraine (2019-)", RU_MIL),
])
def test_the_nationality_of_what_was_hit_names_the_target(pipeline: Pipeline, text: str,
                                                          actor1: str, actor2: str) -> None:
    c = _main(pipeline, text)
    assert (c.actor1.name if c.actor1 else None, c.actor2.name if c.actor2 else None) == (
        actor1, actor2)


@pytest.mark.parametrize(("code", "text", "day"), [
    ("uk", "Минулої неділі окупанти обстріляли Херсон.", date(2024, 3, 10)),
    ("uk", "Окупанти обстріляли Херсон 10.03.2024.", date(2024, 3, 10)),
    ("ru", "ВСУ обстреляли Белгород 10.03.2024.", date(2024, 3, 10)),
])
def test_weekdays_after_last_and_numeric_dates(pipeline: Pipeline, code: str, text: str,
                                               day: date) -> None:
    c = _main(pipeline, text)
    assert c.date.start == day


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    ("uk", "Внаслідок атаки загинули двоє людей.", SHELLING),
    ("ru", "В результате атаки ВСУ на Белгород погибли два человека.", SHELLING),
    ("ru", "Двое мирных жителей погибли при атаке на Горловку.", SHELLING),
    # A fight told with it stays a fight.
    ("uk", "Внаслідок атаки на позиції загинули двоє бійців.", CLASH),
])
def test_an_attack_counted_by_its_dead_is_a_strike(code: str, sentence: str,
                                                   expected: str) -> None:
    assert _types(sentence, code) == [expected]


@pytest.mark.parametrize(("code", "sentence"), [
    ("uk", "Триває збір інформації про наслідки атаки."),
    ("ru", "Идет ликвидация последствий удара."),
])
def test_the_aftermath_points_back_at_an_event_told(code: str, sentence: str) -> None:
    assert _types(sentence, code) == []


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    ("uk", "Росіяни запустили чотири балістичні ракети, дві з них вдалося перехопити.",
     DISRUPTED),
    ("ru", "Две ракеты удалось перехватить над Крымом.", DISRUPTED),
    ("uk", "Окупанти намагалися висадитися на острови, але отримали гідну відсіч.", CLASH),
    ("ru", "Противник получил достойный отпор у Крынок.", CLASH),
])
def test_managed_to_intercept_and_fended_off(code: str, sentence: str, expected: str) -> None:
    assert expected in _types(sentence, code)
