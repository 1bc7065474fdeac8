"""Event typing in French, Russian and Ukrainian: the sub-event a sentence's trigger words
point to, for the kinds a coder meets beyond battles and shelling (mines and car bombs,
drone-dropped grenades, interceptions, abductions, arrests at protests, prisoner exchanges,
ordered withdrawals, command posts, mass graves, carried-off property), inflected forms,
and the everyday senses of the same words that must stay silent.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest

from frontwatch.extract.triggers import find_hits, select
from frontwatch.langpack import load_langpacks

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
CLASH = "Armed clash"
DISRUPTED = "Disrupted weapons use"
ABDUCTION = "Abduction/forced disappearance"
PROTEST_FORCE = "Protest with intervention"
PROTEST = "Peaceful protest"
CHANGE = "Change to group/activity"
TERRITORY = "territory"  # settled later from who gains and who owns the place


def _types(sentence: str, code: str) -> list[str]:
    """Sub-event types of the live claims the sentence would yield."""
    hits = find_hits(sentence, load_langpacks()[code])
    return [h.sub_event_type for h in select(hits, {})]


TYPED = [
    # A grenade dropped by a drone is a drone strike, whatever the word order.
    ("fr", "Un drone russe a largué une grenade sur un poste de contrôle près de Kherson.", AIR),
    ("ru", "Беспилотник ночью сбросил гранату на блокпост у моста.", AIR),
    ("uk", "Ворожий дрон скинув гранату на автобусну зупинку.", AIR),
    # Guided bombs and drones with a word between the attack and the drone.
    ("ru", "Российская авиация сбросила управляемые авиабомбы на райцентр.", AIR),
    ("uk", "Унаслідок атаки ворожих дронів загинули двоє людей.", AIR),
    ("uk", "Безпілотники у ніч на неділю атакували прикордонне село.", AIR),
    ("fr", "Des avions ont largué plusieurs bombes planantes sur le district.", AIR),
    # Mines in every case, car bombs, a booby-trapped car.
    ("ru", "Мирный житель подорвался на мине на окраине села.", IED),
    ("ru", "У здания суда взорвался заминированный автомобиль.", IED),
    ("uk", "Чоловік підірвався на міні в лісосмузі.", IED),
    ("uk", "Біля адмінбудівлі вибухнув замінований автомобіль.", IED),
    ("fr", "Un camion piégé a explosé devant la mairie.", IED),
    # An attack of drones or missiles fought off is an interception.
    ("fr", "La défense aérienne a repoussé dans la nuit une attaque de missiles contre Odessa.",
     DISRUPTED),
    ("fr", "Les gardes-frontières ont détruit trois drones au-dessus de la frontière.", DISRUPTED),
    ("ru", "Защитники отбили атаку беспилотников на город.", DISRUPTED),
    ("uk", "Військові відбили атаку безпілотників на місто.", DISRUPTED),
    # Trying to advance and being thrown back is a fight that took place.
    ("ru", "Противник пытался прорваться к селу, но был отброшен.", CLASH),
    ("ru", "Противник предпринял попытку наступления у Купянска.", CLASH),
    ("uk", "Ворог здійснив спробу наступу біля Куп'янська.", CLASH),
    ("uk", "Ворог 20 разів намагався прорвати нашу оборону.", CLASH),
    ("fr", "Une tentative d'assaut a été repoussée près du village.", CLASH),
    ("uk", "Росіяни намагалися прорватися до села, але були відкинуті.", CLASH),
    ("fr", "Les unités ennemies ont tenté de progresser vers le village mais ont été repoussées.",
     CLASH),
    # Taken away to an unknown place: a forced disappearance, not an arrest.
    ("fr", "Les occupants ont interpellé le maire et l'ont conduit vers une destination inconnue.",
     ABDUCTION),
    ("ru", "Военные задержали волонтёра и вывезли его в неизвестном направлении.", ABDUCTION),
    ("uk", "Окупанти затримали вчителя і вивезли його в невідомому напрямку.", ABDUCTION),
    # Arrests at a protest: the protest with intervention.
    ("fr", "La police a interpellé des dizaines de personnes pendant un rassemblement contre la "
     "guerre.", PROTEST_FORCE),
    ("ru", "Полиция задержала десятки участников акции против войны.", PROTEST_FORCE),
    ("uk", "Поліція затримала десятки учасників мітингу.", PROTEST_FORCE),
    ("ru", "Жители провели акцию у здания администрации.", PROTEST),
    ("uk", "Мешканці вийшли на акцію біля міськради.", PROTEST),
    # Exchanges of prisoners are agreements.
    ("fr", "Les deux pays ont procédé à un nouvel échange de prisonniers.", "Agreement"),
    ("ru", "Стороны провели обмен военнопленными.", "Agreement"),
    ("uk", "Україна та Росія провели обмін полоненими.", "Agreement"),
    # A decree signed is no agreement; an ordered withdrawal is a change of activity.
    ("fr", "Le président a signé un décret sur la mobilisation.", CHANGE),
    ("ru", "Президент подписал указ о мобилизации.", CHANGE),
    ("fr", "Le commandement a ordonné le repli des unités vers la rive gauche.", CHANGE),
    ("ru", "Командование приказало отвести войска из города.", CHANGE),
    ("uk", "Командування наказало вивести підрозділи з плацдарму.", CHANGE),
    # Bases, carried-off property, mass graves.
    ("ru", "Оккупанты разместили штаб в здании школы.", "Headquarters or base established"),
    ("uk", "Окупанти облаштували казарми в приміщенні ліцею.",
     "Headquarters or base established"),
    ("ru", "Оккупанты вывезли из музея сотни экспонатов.", "Looting/property destruction"),
    ("uk", "Окупанти вивезли з бібліотеки всю колекцію стародруків.",
     "Looting/property destruction"),
    ("fr", "Une fosse commune a été découverte près de la ville.", "Other"),
    ("ru", "Под городом обнаружены массовые захоронения.", "Other"),
    ("uk", "Біля села виявили масове поховання.", "Other"),
    # Seizures and full control, in the forms a communiqué uses.
    ("uk", "Окупанти захопили село на півдні області.", TERRITORY),
    ("uk", "Відомство заявило про встановлення повного контролю над селищем.", TERRITORY),
    ("ru", "Штурмовые отряды захватили поселок.", TERRITORY),
    ("fr", "Les forces russes ont achevé la prise de Marinka.", TERRITORY),
    ("fr", "Les soldats sont entrés jeudi dans la ville.", TERRITORY),
    # Civilians shot are an attack on civilians, not a downed aircraft.
    # Downed weapons are named by the strike words ("ракета", "missiles"): still downed.
    ("ru", "Силы ПВО уничтожили крылатую ракету над областью.", DISRUPTED),
    ("uk", "Над областю знешкоджено 12 шахедів.", DISRUPTED),
    ("fr", "Les forces aériennes ont neutralisé deux missiles de croisière.", DISRUPTED),
    ("ru", "Противовоздушная оборона отразила ракетную атаку на столицу.", DISRUPTED),
    ("uk", "Протягом ночі сили ППО знищили 30 із 35 ударних дронів.", DISRUPTED),
    ("fr", "Un missile s'est abattu sur un immeuble résidentiel.", SHELLING),
    # Aircraft and drones as the means of an attack.
    ("uk", "Російська авіація завдала удару по позиціях бригади.", AIR),
    ("ru", "Противник атаковал город ударными беспилотниками.", AIR),
    ("fr", "Des hélicoptères ont attaqué une colonne blindée.", AIR),
    # Exchanges of fire, occupation, a town taken by name.
    ("uk", "Відбулася перестрілка на кордоні.", CLASH),
    ("fr", "Un échange de tirs a eu lieu à la frontière.", CLASH),
    ("uk", "Росіяни окупували село на Харківщині.", TERRITORY),
    ("ru", "Российские войска взяли Соледар.", TERRITORY),
    # The protest told first, the arrests after it.
    ("ru", "На акции против войны задержаны десятки человек.", PROTEST_FORCE),
    ("fr", "Lors d'une manifestation contre la guerre, la police a interpellé 50 personnes.",
     PROTEST_FORCE),
    ("uk", "Сторони домовилися про припинення вогню.", "Agreement"),
    ("fr", "Les deux parties se sont entendues sur un cessez-le-feu.", "Agreement"),
    ("uk", "Військові застрелили двох мирних жителів.", "Attack"),
    # Present tense and the forms a running report uses.
    ("ru", "ВСУ контратакуют под Работино.", CLASH),
    ("uk", "ППО збиває дрони над столицею.", DISRUPTED),
    ("fr", "La DCA abat des drones au-dessus de la capitale.", DISRUPTED),
    ("uk", "Окупанти викрадають волонтерів.", ABDUCTION),
    ("fr", "Les occupants enlèvent des bénévoles.", ABDUCTION),
    ("fr", "L'ennemi prend d'assaut la localité.", CLASH),
    ("fr", "Les forces russes bombardent Nikopol.", SHELLING),
    # A grenade launcher fires no hand grenade.
    ("ru", "Противник обстрелял позиции из гранатометов.", SHELLING),
    ("uk", "Ворог обстріляв позиції з гранатометів.", SHELLING),
    ("fr", "L'ennemi a bombardé les positions avec des lance-grenades.", SHELLING),
    ("ru", "Боевик бросил гранату в толпу.", "Grenade"),
    # Riots, mobs, chemical munitions, bases made of buildings, new formations.
    ("ru", "Протестующие забросали полицию камнями.", "Violent demonstration"),
    ("uk", "Протестувальники закидали поліцію камінням.", "Violent demonstration"),
    ("fr", "Des manifestants ont jeté des pierres sur la police.", "Violent demonstration"),
    ("ru", "Толпа избила мужчину у магазина.", "Mob violence"),
    ("uk", "Натовп побив чоловіка біля крамниці.", "Mob violence"),
    ("uk", "Росія застосувала боєприпаси з хлорпікрином.", "Chemical weapon"),
    ("fr", "La Russie a utilisé des munitions à la chloropicrine.", "Chemical weapon"),
    ("ru", "Оккупанты превратили больницу в военную базу.", "Headquarters or base established"),
    ("fr", "Les occupants ont transformé l'hôpital en base militaire.",
     "Headquarters or base established"),
    ("uk", "Міноборони оголосило про створення нової бригади.", CHANGE),
    ("fr", "Moscou a annoncé la création d'un nouveau corps d'armée.", CHANGE),
    ("ru", "Оккупанты сожгли дом культуры.", "Looting/property destruction"),
    ("fr", "Des soldats ont abattu trois civils à un barrage routier.", "Attack"),
    ("fr", "Les militaires ont ouvert le feu mardi sur des civils qui fuyaient.", "Attack"),
]


@pytest.mark.parametrize(("code", "sentence", "expected"), TYPED)
def test_sentence_is_typed(code: str, sentence: str, expected: str) -> None:
    types = _types(sentence, code)
    assert types and types[0] == expected, types


SILENT = [
    # Everyday senses of war words.
    ("ru", "Рисунки отражают талант художника."),
    ("uk", "Турнір з міні-футболу відбувся в неділю."),
    ("uk", "Вибухнув скандал через заяву міністра."),
    ("fr", "Le vote a été repoussé à la semaine prochaine."),
    ("fr", "Le ministre a manifesté son soutien aux familles."),
    ("fr", "La prise de parole du ministre a surpris."),
    ("fr", "Des habitants se sont rassemblés pour accueillir les soldats."),
    ("ru", "Друзья договорились о встрече в кафе."),
    ("uk", "Тимчасово окупований Мелітополь живе без світла."),
    ("fr", "Les prix ont explosé cette année."),
    ("uk", "Жовтки добре збиваємо з цукром."),
    ("ru", "Новость сбивает с толку инвесторов."),
]


@pytest.mark.parametrize(("code", "sentence"), SILENT)
def test_everyday_sense_is_no_event(code: str, sentence: str) -> None:
    assert _types(sentence, code) == []


NOT = [
    # Trapped people are no booby-trap; prisoners of war held by Russia are no arrest;
    # hostages seized are no territory; an army halting its offensive arrested nobody.
    ("fr", "Plusieurs habitants restent piégés sous les décombres après la frappe.", IED),
    ("fr", "Les familles de soldats détenus par la Russie réclament des nouvelles.", "Arrests"),
    ("ru", "Боевики захватили двух журналистов в заложники.", TERRITORY),
    ("uk", "Бойовики захопили трьох волонтерів у полон.", TERRITORY),
    ("fr", "L'armée a arrêté son offensive à l'approche de l'hiver.", "Arrests"),
    ("ru", "Противник пытался наступать, но безуспешно.", "Attack"),
    # Land allotted by an order is no withdrawal ordered.
    ("uk", "Голова ухвалив розпорядження про відведення земельних ділянок.", CHANGE),
    # A tank burnt in battle is no property destruction.
    ("ru", "Десантники сожгли российский танк.", "Looting/property destruction"),
    ("uk", "Десантники спалили російський танк.", "Looting/property destruction"),
]


@pytest.mark.parametrize(("code", "sentence", "wrong"), NOT)
def test_sentence_is_not_typed_as(code: str, sentence: str, wrong: str) -> None:
    assert wrong not in _types(sentence, code)


def test_a_plan_told_in_the_past_leaves_the_arrest_standing() -> None:
    hypothetical = load_langpacks()["uk"].regex("modality", "hypothetical", words=False)
    assert not hypothetical.search("СБУ затримала агента, який планував теракт.")
    assert hypothetical.search("Ворог планує наступ на місто.")


@pytest.mark.parametrize(("code", "sentence"), [
    ("uk", "Противник намагається оточити місто з флангів."),
    ("ru", "Противник пытается окружить город."),
])
def test_an_attempted_encirclement_is_not_one(code: str, sentence: str) -> None:
    statuses = {h.status for h in find_hits(sentence, load_langpacks()[code])}
    assert statuses == {"hypothetical"}
