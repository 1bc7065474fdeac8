"""Places in war reports: inflected and adjectival names, old and new names, other
spellings, speakers' places, in Ukrainian, Russian, English and French."""

from __future__ import annotations

from pathlib import Path

from frontwatch import api
from frontwatch.model import PlaceMention
from frontwatch.read import Defaults

VINNYTSIA, NOVA_KAKHOVKA, BELGOROD_OBLAST, SHEBEKINO = 689558, 699839, 578071, 495112
LYMAN_DONETSK, ODESA_OBLAST, KYIV = 704204, 698738, 703448


def _places(tmp_path: Path, text: str) -> list[PlaceMention]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = api.places([str(path)], Defaults()).documents
    assert not doc.errors, doc.errors
    return doc.places


def _ids(places: list[PlaceMention]) -> dict[str, int | None]:
    return {p.text: p.place.geonames_id if p.place else None for p in places}


def test_genitive_is_the_city_not_a_village_of_that_spelling(tmp_path: Path) -> None:
    # "Винницы" is also the nominative of a village near Saint Petersburg.
    ids = _ids(_places(tmp_path, "Удар по Виннице\n\nРакета упала на окраине Винницы, "
                                 "сообщили власти.\n"))
    assert ids["Винницы"] == VINNYTSIA


def test_inflected_adjective_and_noun(tmp_path: Path) -> None:
    ids = _ids(_places(tmp_path, "Взрывы в Херсонской области\n\nВ Новой Каховке прогремели "
                                 "взрывы, после чего в Новую Каховку прибыли спасатели.\n"))
    assert ids["Новой Каховке"] == NOVA_KAKHOVKA and ids["Новую Каховку"] == NOVA_KAKHOVKA


def test_adjectival_village_names_in_any_case(tmp_path: Path) -> None:
    places = _places(tmp_path, "Бои в Донецкой области\n\nВойска ведут бои под Опытным "
                               "южнее Бахмута и у Первомайского.\n")
    opytne = next(p for p in places if p.text == "Опытным")
    assert opytne.place and opytne.place.name == "Opytne" and opytne.place.country == "UA"
    assert any(p.text == "Первомайского" for p in places)


def test_a_sentence_opening_word_starts_no_name(tmp_path: Path) -> None:
    ids = _ids(_places(tmp_path, "Бої на сході\n\nПоблизу Лиману на Донеччині тривають бої. "
                                 "Колишній Дніпропетровськ приймає поранених.\n"))
    assert ids["Лиману"] == LYMAN_DONETSK
    assert ids["Дніпропетровськ"] == 709930  # Dnipro


def test_villages_gazetteered_only_in_latin(tmp_path: Path) -> None:
    places = _places(tmp_path, "Обстріли на Харківщині\n\nОкупанти обстріляли Новоселівку "
                               "на Харківщині.\n")
    novoselivka = next(p for p in places if p.text == "Новоселівку")
    assert novoselivka.place and novoselivka.place.country == "UA"


def test_a_region_after_a_name_is_its_container(tmp_path: Path) -> None:
    # Not the rest of a longer name "Донецк Ростовской ...": the Russian town, not the
    # Ukrainian city.
    places = _places(tmp_path, "Беспилотник упал\n\nБеспилотник упал в городе Донецк "
                               "Ростовской области, никто не пострадал.\n")
    donetsk = next(p for p in places if p.text == "Донецк")
    assert donetsk.place and donetsk.place.country == "RU"


def test_french_transcriptions(tmp_path: Path) -> None:
    places = _places(tmp_path, "Combats dans l'est\n\nLes forces russes bombardent "
                               "Lyssytchansk, Vouhledar et Chassiv Iar ; un drone a frappé "
                               "Chebekino, dans la région de Belgorod.\n")
    names = {p.text: p.place.name for p in places if p.place}
    assert names["Lyssytchansk"] == "Lysychansk" and names["Vouhledar"] == "Vuhledar"
    assert names["Chassiv Iar"] == "Chasiv Yar" and names["Chebekino"] == "Shebekino"


def test_sentence_opening_a_in_french(tmp_path: Path) -> None:
    ids = _ids(_places(tmp_path, "Frappes\n\nÀ Belgorod, ville russe proche de la frontière, "
                                 "des tirs ont été signalés.\n"))
    assert ids["Belgorod"] == 578072


def test_region_cue_with_its_leading_words(tmp_path: Path) -> None:
    places = _places(tmp_path, "Frappes\n\nDes frappes ont touché le port, dans la région "
                               "d'Odessa.\n")
    (odesa,) = [p for p in places if p.text == "Odessa"]
    assert odesa.place and odesa.place.geonames_id == ODESA_OBLAST


def test_a_speakers_place_is_kept_but_not_the_events(tmp_path: Path) -> None:
    places = _places(tmp_path, "Атака на Шебекино\n\nБеспилотник атаковал Шебекино, сообщил "
                               "губернатор Белгородской области.\n")
    region = next(p for p in places if p.text == "Белгородской области")
    assert region.relation == "descriptive" and region.place
    assert region.place.geonames_id == BELGOROD_OBLAST
    path = tmp_path / "claim.txt"
    path.write_text("Атака на Шебекино\n\nБеспилотник атаковал Шебекино, сообщил губернатор "
                    "Белгородской области.\n", encoding="utf-8")
    (doc,) = api.extract([str(path)], Defaults()).documents
    located = [c.location.place.geonames_id for c in doc.claims if c.location and c.location.place]
    assert located and all(gid == SHEBEKINO for gid in located)


def test_a_bank_is_the_bank_not_the_city(tmp_path: Path) -> None:
    for text, phrase in (
        ("Бої на півдні\n\nВорог обстріляв позиції на правому березі Дніпра і біля "
         "правого берега Дніпра.\n", "правого берега Дніпра"),
        ("Fighting in the south\n\nUkrainian marines held positions on the left bank of the "
         "Dnipro near Krynky.\n", "left bank of the Dnipro"),
    ):
        hit = next(p for p in _places(tmp_path, text) if p.text == phrase)
        assert hit.place and hit.place.feature == "RGN" and "bank" in hit.place.name.casefold()


def test_a_county_is_a_closer_place_than_its_country(tmp_path: Path) -> None:
    path = tmp_path / "county.txt"
    path.write_text("Protest in England\n\nHundreds of protesters rallied against the war in "
                    "Essex, England, on Saturday.\n", encoding="utf-8")
    (doc,) = api.extract([str(path)], Defaults()).documents
    body = [c for c in doc.claims if "Essex" in c.sentence]
    assert body and all(c.location and c.location.place and c.location.place.name == "Essex"
                        for c in body)


def test_a_nationality_adjective_is_no_village(tmp_path: Path) -> None:
    # "украинский" romanised is an alternate name of Novoukrainskiy (Krasnodar krai).
    places = _places(tmp_path, "Атака\n\nУкраинский беспилотник сбросил взрывное устройство "
                               "на автостоянку в Белгороде.\n")
    assert [p.text for p in places] == ["Белгороде"]


def test_a_text_naming_a_side_is_about_the_war(tmp_path: Path) -> None:
    ids = _ids(_places(tmp_path, "Drones\n\nLa défense antiaérienne ukrainienne a intercepté "
                                 "13 drones au-dessus d'Odessa, a annoncé le commandement Sud.\n"))
    assert ids["Odessa"] == 698740  # Odesa, not Odessa, Texas


def test_a_direction_named_after_the_town_and_the_town_it_left(tmp_path: Path) -> None:
    places = _places(tmp_path, "Retreat\n\nRussia said it was pulling its troops back from "
                               "the Izium area of the Kharkiv region to regroup in the Donetsk "
                               "direction, effectively conceding the town.\n")
    assert _by_relation(places, "Donetsk") == "direction"
    (town,) = [p for p in places if p.relation == "anaphora"]
    assert town.place and town.place.geonames_id == 707292  # Izium, not Donetsk


def _by_relation(places: list[PlaceMention], text: str) -> str:
    (hit,) = [p for p in places if p.text == text]
    return hit.relation


def test_an_old_name_whose_first_reading_is_its_own_spelling(tmp_path: Path) -> None:
    # The lemmatiser's first reading of "Дзержинська" is the word itself (a surname); the
    # town's old name Дзержинськ is another reading.
    ids = _ids(_places(tmp_path, "Бої\n\nНа околицях Торецька, колишнього Дзержинська, "
                                 "точаться запеклі бої.\n"))
    assert ids["Дзержинська"] == 709354  # Toretsk


def test_a_spelling_known_only_abroad_is_respelled(tmp_path: Path) -> None:
    # "Еленовка" as written is only Sevan's old name (Armenia); romanised, Olenivka.
    places = _places(tmp_path, "Бои в Донецкой области\n\nВзрывы прогремели в Еленовке под "
                               "Донецком.\n")
    hit = next(p for p in places if p.text == "Еленовке")
    assert hit.place and hit.place.name == "Olenivka" and hit.place.admin1 == "Donetsk"


def test_a_district_or_axis_named_by_its_towns_adjective(tmp_path: Path) -> None:
    places = _places(tmp_path, "Обстріл\n\nОкупанти розстріляли колону, яка намагалася "
                               "виїхати з Куп'янського району. На Лиманському напрямку тривають "
                               "бої.\n")
    district = next(p for p in places if p.text == "Куп'янського")
    assert district.place and district.place.geonames_id == 703656  # Kupiansk
    assert district.geo_precision == 2
    axis = next(p for p in places if p.text == "Лиманському")
    assert axis.place and axis.place.geonames_id == LYMAN_DONETSK


def test_french_elisions_and_the_ministry_of_defence(tmp_path: Path) -> None:
    places = _places(tmp_path, "Frappes\n\nLes forces russes ont bombardé la ville d'Odessa, "
                               "a indiqué le ministère de la Défense, et Kiev a affirmé que "
                               "l'Ukraine résisterait.\n")
    names = {p.text: p.place.name for p in places if p.place}
    assert names.get("Odessa") == "Odesa" and names.get("Ukraine") == "Ukraine"
    assert not any("Défense" in p.text for p in places)  # the ministry, not La Défense


def test_a_plural_only_village_in_the_genitive(tmp_path: Path) -> None:
    # "Кринок" reaches the lemmatiser as the singular "кринка"; the village is Кринки.
    for text in ("Відступ з плацдарму\n\nМорпіхи вийшли з Кринок на Херсонщині.\n",
                 "Отход с плацдарма\n\nМорпехи вышли из Крынок в Херсонской области.\n"):
        (hit,) = [p for p in _places(tmp_path, text) if p.text in {"Кринок", "Крынок"}]
        assert hit.place and hit.place.name == "Krynky" and hit.place.admin1_code == "08"


def test_na_with_a_town_in_the_locative_is_its_oblast(tmp_path: Path) -> None:
    region = _places(tmp_path, "Обстріли\n\nВорог обстріляв села на Запоріжжі вночі.\n")
    (hit,) = [p for p in region if p.text == "Запоріжжі"]
    assert hit.place and hit.place.feature == "ADM1" and hit.relation == "region"
    town = _places(tmp_path, "Обстріли\n\nВибухи пролунали у Запоріжжі вночі.\n")
    (hit,) = [p for p in town if p.text == "Запоріжжі"]
    assert hit.place and hit.place.feature == "PPL"
    target = _places(tmp_path, "Атака\n\nВорог готує наступ на Запоріжжя.\n")
    (hit,) = [p for p in target if p.text == "Запоріжжя"]
    assert hit.place and hit.place.feature == "PPL"


def test_a_common_word_opening_a_sentence_is_no_village(tmp_path: Path) -> None:
    # "Жены" reaches only a French town; "Энергетики" and "Новым" reach small places only
    # through their dictionary forms; "Лиман" and "Счастье" are front-line towns as written.
    texts = ("Протест в столице\n\nЖены и сестры солдат пришли к штабу. Энергетики "
             "восстановили свет. Новым мэром стал бывший депутат.\n",
             "Обстріл на сході\n\nЕнергетики відновили світло. Новим мером став депутат.\n")
    for text in texts:
        assert _places(tmp_path, text) == []
    ids = _ids(_places(tmp_path, "Бои на востоке\n\nЛиман снова обстреляли. Счастье осталось "
                                 "без света.\n"))
    assert ids["Лиман"] == LYMAN_DONETSK and ids["Счастье"] is not None


def test_a_street_or_a_unit_bearing_a_name_is_no_place(tmp_path: Path) -> None:
    ids = _ids(_places(tmp_path, "Удар по Харькову\n\nДом на улице Чапаева в Харькове "
                                 "поврежден. Бойцы группировки войск «Западный» отошли.\n"))
    assert "Харькове" in ids and "Чапаева" not in ids and "Западный" not in ids
    ids = _ids(_places(tmp_path, "Удар по Харкову\n\nБудинок на вулиці Полтавській у Харкові "
                                 "пошкоджено.\n"))
    assert "Харкові" in ids and "Полтавській" not in ids


def test_a_bridge_across_a_river_names_the_river_not_the_city(tmp_path: Path) -> None:
    texts = {"Dnipro": "Bridge damaged\n\nShelling hit the rail bridge over the Dnipro near "
                       "Kherson.\n",
             "Днепр": "Удар по мосту\n\nСнаряд попал в мост через Днепр под Херсоном.\n",
             "Дніпро": "Удар по мосту\n\nСнаряд влучив у залізничний міст через Дніпро під "
                       "Херсоном.\n"}
    for river, text in texts.items():
        relations = {p.text: p.relation for p in _places(tmp_path, text)}
        assert relations[river] == "descriptive"


def test_the_shelling_of_the_city_points_back_to_it(tmp_path: Path) -> None:
    for text, city in (("Удар по Курску\n\nВ Курске обрушилась крыша склада. Склад сгорел "
                        "после обстрела города ночью.\n", "Kursk"),
                       ("Удар по Сумах\n\nУ Сумах горить склад. Склад загорівся після "
                        "обстрілу міста вночі.\n", "Sumy")):
        back = [p for p in _places(tmp_path, text) if p.relation == "anaphora"]
        assert back and back[0].place and back[0].place.name == city


def test_the_kremlin_is_a_place_where_something_happens_and_a_speaker_where_it_speaks(
    tmp_path: Path,
) -> None:
    over = _places(tmp_path, "Drone attack\n\nTwo drones exploded over the Kremlin before "
                             "dawn, Russian officials said.\n")
    assert [p.place.name for p in over if p.text == "Kremlin" and p.place] == ["Moscow Kremlin"]
    walls = _places(tmp_path, "Акция в Москве\n\nЖенщины возложили цветы у стен Кремля "
                              "в субботу.\n")
    assert any(p.text == "Кремля" for p in walls)
    said = _places(tmp_path, "Переговоры\n\nВ Кремле заявили, что переговоры зашли в "
                             "тупик.\n")
    assert not any(p.text == "Кремле" for p in said)
