"""Building the place index: atomic, versioned, rebuilt when its schema is old (tiny data)."""

import sqlite3

import pytest

from eventwire.places import Gazetteer, PlaceMention, geocode
from eventwire.places import build
from eventwire.settings import Settings


def tiny_world():
    sy = build._Place(163843, 163843, "Syria", "SY", "country", population=17_000_000)
    dz = build._Place(170792, 170792, "Dayr az Zawr", "SY", "admin1", names={"Deir ez-Zor"})
    city = build._Place(
        170794, 170794, "Deir ez-Zor", "SY", "settlement", lat=35.336, lon=40.141,
        population=271_800, names={"Dayr az Zawr", "Deir Ezzor"},
    )
    dz.admin1, dz.admin1_id = city.admin1, city.admin1_id = "Dayr az Zawr", 170792
    places = {p.place_id: p for p in (sy, dz, city)}
    build._place_admin_units(places, {"SY": "Deir ez-Zor"})
    return places


@pytest.fixture
def tiny(monkeypatch, tmp_path):
    monkeypatch.setattr(build, "_collect", tiny_world)
    return Settings(cache_dir=tmp_path)


def test_an_admin_unit_takes_the_coordinates_of_its_largest_settlement(tiny):
    with Gazetteer.open(tiny) as gaz:
        place = geocode(gaz, PlaceMention("Deir ez-Zor", 0, 11, admin_word="province"))
    assert (place.name, place.geo_precision) == ("Dayr az Zawr", 3)
    assert (place.lat, place.lon) == (35.336, 40.141)  # Deir ez-Zor city


def test_the_build_says_so_once_on_stderr(tiny, capsys):
    Gazetteer.open(tiny).close()
    Gazetteer.open(tiny).close()
    assert capsys.readouterr().err.count("building the place index (once)") == 1


def test_an_old_schema_is_rebuilt(tiny, capsys):
    Gazetteer.open(tiny).close()
    with sqlite3.connect(tiny.gazetteer_file) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with Gazetteer.open(tiny) as gaz:
        assert gaz.info()["schema_version"] == build.SCHEMA_VERSION
    assert capsys.readouterr().err.count("building") == 2


def test_an_interrupted_build_leaves_nothing_behind(tiny, monkeypatch):
    def broken_write(tmp, places, started, **options):
        tmp.write_bytes(b"half an index")
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_write", broken_write)
    with pytest.raises(KeyboardInterrupt):
        Gazetteer.open(tiny)
    assert list(tiny.cache_dir.iterdir()) == []
