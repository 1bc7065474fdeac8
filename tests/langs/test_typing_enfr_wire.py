"""Event typing of English and French wire copy about the war: the sub-event the trigger
words of a sentence point to, for phrasings the news uses (passives, headlines, quotes,
counted weapons, deportations, flags raised, buildings turned into barracks), and the
readings that must not become an event of their own (riot police, explosions heard during
a missile attack, a call-up protesters oppose).

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
PROTEST = "Peaceful protest"
PROTEST_FORCE = "Protest with intervention"
CHANGE = "Change to group/activity"
LOOTING = "Looting/property destruction"
HQ = "Headquarters or base established"
TERRITORY = "territory"  # settled later from who gains and who owns the place


def _types(sentence: str, code: str) -> list[str]:
    hits = find_hits(sentence, load_langpacks()[code])
    # "la guerre" in passing names the war, never an event (claims drop it likewise).
    return [h.sub_event_type for h in select(hits, {}) if not h.context]


TYPED = [
    # Explosions heard while a city is under missile fire belong to the strike.
    ("en", "Explosions were heard in Kyiv on Tuesday as the capital came under a Russian "
     "ballistic missile attack.", SHELLING),
    ("fr", "Des explosions ont retenti mardi à Kiev, visée par une attaque de missiles "
     "balistiques russes.", SHELLING),
    # An attack told with its weapon is that weapon's kind.
    ("fr", "La Russie a attaqué dans la nuit les infrastructures énergétiques avec des dizaines "
     "de drones.", AIR),
    ("en", "Ukrainian forces destroyed a Russian Pantsir air defence system near Donetsk with a "
     "drone.", AIR),
    # Counted fights along the front.
    ("en", "Ukraine's military reported 70 combat engagements along the front line.", CLASH),
    ("fr", "Des forces spéciales ont débarqué sur la rive gauche et se sont heurtées aux "
     "troupes russes.", CLASH),
    # Flags raised in the passive, invaders driven out.
    ("en", "The Ukrainian flag was raised over the village of Robotyne on Monday.", TERRITORY),
    ("fr", "Le drapeau ukrainien a été hissé sur le village de Robotyne.", TERRITORY),
    ("fr", "Les troupes ukrainiennes ont chassé les forces russes du village.", TERRITORY),
    # Missiles destroyed in the passive, with nothing struck in between.
    ("en", "All 18 missiles fired at Kyiv overnight were destroyed by air defence systems.",
     DISRUPTED),
    ("fr", "Les 18 missiles tirés sur Kiev dans la nuit ont tous été détruits par la défense "
     "antiaérienne.", DISRUPTED),
    # Bombs that went off under a car.
    ("en", "An official was killed when a bomb planted under his car went off.", IED),
    # Firing on civilians.
    ("en", "Russian troops fired on a civilian car at a checkpoint, killing a woman and her "
     "son.", "Attack"),
    # Deportations and people whose whereabouts no one knows.
    ("en", "Russian forces have forcibly deported hundreds of Ukrainian children.", ABDUCTION),
    ("fr", "Les forces russes ont déporté de force des centaines d'enfants ukrainiens.",
     ABDUCTION),
    ("fr", "Des hommes armés ont emmené un journaliste de son domicile, et on ignore depuis où "
     "il se trouve.", ABDUCTION),
    # Marches and protests against a call-up: the protest is the event.
    ("en", "Thousands of people marched through the streets of Kyiv on Sunday.", PROTEST),
    ("fr", "Des milliers de personnes ont défilé dimanche dans les rues de Kiev.", PROTEST),
    ("en", "Dozens of women whose husbands were mobilised demonstrated in central Moscow.",
     PROTEST),
    ("fr", "Des dizaines de femmes dont les maris ont été mobilisés ont manifesté à Moscou.",
     PROTEST),
    ("en", "Riot police dispersed an anti-mobilisation rally in Makhachkala.", PROTEST_FORCE),
    ("fr", "La police anti-émeute a dispersé un rassemblement contre la mobilisation à "
     "Makhatchkala.", PROTEST_FORCE),
    # Goods carried off by retreating troops.
    ("en", "Retreating Russian troops stole tractors and grain from farms.", LOOTING),
    ("fr", "En se retirant, les troupes russes ont volé des tracteurs dans les fermes.", LOOTING),
    # Truces agreed, troops sent, buildings turned into barracks.
    ("fr", "Les deux parties ont convenu vendredi d'un cessez-le-feu local autour de la "
     "centrale.", "Agreement"),
    ("fr", "La Russie a déployé des troupes supplémentaires sur le front de Zaporijjia.", CHANGE),
    ("en", "Russian troops have turned a kindergarten in the occupied town of Enerhodar into a "
     "barracks.", HQ),
    ("fr", "Les troupes russes ont transformé un jardin d'enfants de la ville occupée "
     "d'Energodar en caserne.", HQ),
    # Storming positions and breaking through lines are fighting.
    ("en", "The enemy keeps storming our positions day and night.", CLASH),
    ("en", "Ukrainian troops have broken through the first line of Russian defences.", CLASH),
    # Executions filmed, theatres bombed, lone protesters detained.
    ("en", "A video appeared to show Russian soldiers beheading a Ukrainian prisoner.", "Attack"),
    ("en", "Russian forces bombed a theatre in Mariupol where civilians were sheltering.", AIR),
    ("en", "A lone protester holding a blank sign was detained by police.", PROTEST_FORCE),
    # A headline's attack on the power grid is the missile and drone strike told below it.
    ("en", "Russia launches massive attack on Ukraine's energy grid", SHELLING),
    ("fr", "La Russie lance une attaque massive contre le réseau énergétique ukrainien", SHELLING),
    # Troops entering a town, in the imperfect.
    ("fr", "Les habitants ont laissé éclater leur joie alors que les troupes ukrainiennes "
     "entraient dans la ville.", TERRITORY),
    # A shell that lay unexploded and went off later is no shelling.
    ("fr", "Un garçon a été tué par l'explosion d'un obus non explosé dans la cour de sa "
     "maison.", IED),
    ("fr", "Les troupes ukrainiennes ont percé la première ligne de défense russe.", CLASH),
    ("fr", "Une manifestante solitaire a été interpellée par la police sur la place Rouge.",
     PROTEST_FORCE),
    ("fr", "Une vidéo semble montrer des soldats russes décapitant un prisonnier ukrainien.",
     "Attack"),
    # An annexion signed is no agreement between parties; the votes before it are "Other".
    ("fr", "Vladimir Poutine a signé vendredi l'annexion de quatre régions, à l'issue de "
     "référendums qualifiés de simulacres.", "Other"),
    # A recruitment office set on fire is property destroyed, not recruitment.
    ("fr", "Un bureau de recrutement militaire a été incendié dans la nuit à Saint-Pétersbourg.",
     LOOTING),
    # The Russian defence ministry's daily briefing.
    ("en", "Units of the Battlegroup West improved their tactical position and inflicted losses "
     "on three Ukrainian brigades near Kupiansk.", CLASH),
    ("en", "Ukrainian losses in the Donetsk direction amounted to up to 300 servicemen over the "
     "past day.", CLASH),
    ("en", "Ukrainian forces launched a surprise cross-border incursion into Russia's Kursk "
     "region, engaging Russian border guards.", CLASH),
    # Detainees whose families are not told where they are held have disappeared.
    ("en", "Occupation authorities have detained at least 15 civilians and their relatives have "
     "not been told where they are held.", ABDUCTION),
    # Bodies handed over are an exchange agreed; a decree signed is no agreement.
    ("en", "Russia handed over the bodies of 212 fallen Ukrainian defenders.", "Agreement"),
    ("en", "Putin signed a decree on Friday increasing the size of Russia's armed forces by "
     "170,000 troops.", CHANGE),
    ("fr", "Les unités du groupement Ouest ont amélioré leurs positions tactiques et infligé des "
     "pertes à trois brigades ukrainiennes.", CLASH),
    ("fr", "Les pertes ukrainiennes dans la direction de Donetsk se sont élevées à 300 militaires.",
     CLASH),
    ("fr", "Les autorités d'occupation ont arrêté au moins 15 civils, et leurs proches ignorent où "
     "ils sont détenus.", ABDUCTION),
    ("fr", "Un tribunal russe a condamné lundi un élu municipal à sept ans de prison.", "Arrests"),
    # Bodies handed back are an exchange, "tombés au combat" tells no fight.
    ("fr", "La Russie a remis les corps de 212 soldats ukrainiens tombés au combat.", "Agreement"),
    ("fr", "Vladimir Poutine a signé un décret portant les effectifs de l'armée russe à 1,32 "
     "million de militaires.", CHANGE),
    # Flowers laid by crowds in memory of the dead are a peaceful protest (ACLED).
    ("fr", "Plusieurs centaines de personnes ont déposé des fleurs devant le monument aux victimes "
     "de la répression.", PROTEST),
    ("en", "Hundreds of people laid flowers at the monument to the victims of political "
     "repression.", PROTEST),
    # Drones put out of action by electronic warfare; a dam destroyed with no strike told.
    ("fr", "Le Kremlin a affirmé que deux drones avaient été mis hors d'état de nuire par la "
     "guerre électronique.", DISRUPTED),
    ("fr", "Le barrage de Kakhovka a été détruit dans la nuit de lundi à mardi, provoquant des "
     "inondations.", LOOTING),
    # "abattu" said of a person is a killing, not a drone brought down.
    ("fr", "Des soldats russes ont abattu un cycliste dans une rue de Boutcha.", "Attack"),
    # People seized whose fate no one knows, or held incommunicado.
    ("en", "The mayor of occupied Dniprorudne was seized by Russian soldiers and his fate is "
     "unknown.", ABDUCTION),
    ("en", "An activist was taken from her home in Crimea by FSB officers and held "
     "incommunicado for two weeks.", ABDUCTION),
    # Prisoners brought home in an exchange.
    ("en", "Ukraine brought home 95 prisoners of war from Russian captivity in the latest "
     "exchange.", "Agreement"),
    ("fr", "L'Ukraine a fait revenir 95 prisonniers de guerre lors du dernier échange.",
     "Agreement"),
    # New armies counted, command posts deployed.
    ("en", "Russia announced the creation of two new combined arms armies and 14 new divisions.",
     CHANGE),
    ("en", "Russian forces have deployed a command post on the grounds of the nuclear power "
     "plant.", HQ),
    # Taken without a fight.
    ("fr", "Les forces soutenues par la Russie ont pris le contrôle de la ville sans combat après "
     "le départ des unités ukrainiennes.", "Non-violent transfer of territory"),
]


@pytest.mark.parametrize(("code", "sentence", "sub_event"), TYPED)
def test_wire_phrasing_is_typed(code: str, sentence: str, sub_event: str) -> None:
    assert _types(sentence, code)[:1] == [sub_event]


SILENT = [
    # A mobilisation of people to protest is the protest's own, kept as its own event.
    ("en", "Organisers are mobilising about two thousand men and women to protest on "
     "Thursday.", CHANGE),
    # Stolen property recovered by police is crime, not looting.
    ("en", "Police said they recovered $500,000 in stolen property.", None),
    # A call for a ceasefire is no ceasefire.
    ("fr", "Le pape a appelé à un cessez-le-feu immédiat.", None),
    # Shelled many times is no retaking.
    ("fr", "La ville a été bombardée à plusieurs reprises.", SHELLING),
    ("fr", "Les occupants ont tenté à cinq reprises de percer nos défenses près de Bakhmout.",
     CLASH),
    # A school destroyed by a missile is the strike's damage.
    ("fr", "L'école du village a été détruite par un missile russe.", SHELLING),
    # "said that" introduces what was said, it does not point back at an earlier event.
    ("en", "The air force said on Thursday that air defences destroyed 21 drones.", DISRUPTED),
]


@pytest.mark.parametrize(("code", "sentence", "first"), SILENT)
def test_everyday_and_reported_readings(code: str, sentence: str, first: str | None) -> None:
    types = _types(sentence, code)
    assert (types[0] if types else None) == first
