"""Exports load where analysts load them: the CSV in pandas with ACLED's columns, GeoJSON as a
FeatureCollection, Parquet in pyarrow with as many rows as the JSON Lines export."""

import csv
import json
from datetime import date, datetime, timezone

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.errors import UsageError
from eventwire.exports import ACLED_COLUMNS, export
from eventwire.exports.acled import acled_row, interaction
from eventwire.exports.countries import country, country_code
from eventwire.models import Actor, Article, Count, Event, Evidence, Location
from eventwire.store import Store, StoredEvent

SENTENCE = "Government forces shelled Maarat al-Numan on Monday, killing at least 9 civilians, activists said."
WHEN = datetime(2019, 5, 14, 12, 0, tzinfo=timezone.utc)


def shelling(n: int, *, located=True) -> Event:
    return Event(
        event_id=f"ew-{n:04d}", event_date=date(2019, 5, 13), time_precision=1,
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack", cameo="195",
        actors=[Actor(name="Military Forces of Syria", mention="Government forces", role="attacker", inter=1),
                Actor(name="Civilians (Syria)", mention="civilians", role="victim", inter=7)],
        location=Location(name="Maarat al-Numan", country_code="SY", admin1="Idlib", lat=35.64, lon=36.67,
                          geo_precision=1) if located else Location(reason="no place named"),
        fatalities=Count(best=9, low=9, qualifier="at_least", text="at least 9"),
        sources=["activists", "AFP"], articles=[f"a{n}"],
        evidence=[Evidence(article_id=f"a{n}", start=0, end=len(SENTENCE), text=SENTENCE)],
    )


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    with Store.open(url) as store:
        for n in range(3):
            store.add(Article(id=f"a{n}", text=f"{SENTENCE} ({n})"), [shelling(n, located=n != 2)])
    return url


def exported(db, fmt, path, *options) -> str:
    """Export each article's events (merging across articles has a test of its own)."""
    args = ["export", "--db", db, "--format", fmt, "-o", str(path), "--per-article", *options]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 0, done.output
    return done.output


def test_every_format_loads_with_the_same_number_of_events(db, tmp_path):
    import pandas

    for fmt in ("jsonl", "acled-csv", "geojson", "parquet"):
        exported(db, fmt, tmp_path / f"events.{fmt}")
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert [Event.model_validate_json(line) for line in lines] == [shelling(n, located=n != 2) for n in range(3)]
    table = pandas.read_csv(tmp_path / "events.acled-csv")
    assert tuple(table.columns) == ACLED_COLUMNS and len(table) == 3
    geo = json.loads((tmp_path / "events.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.67, 35.64]}
    assert geo["features"][2]["geometry"] is None  # unlocated events are kept, without geometry
    assert Event.model_validate(geo["features"][0]["properties"]) == shelling(0)
    parquet = pq.read_table(tmp_path / "events.parquet")
    assert parquet.num_rows == len(lines) == 3
    assert parquet.column("fatalities").to_pylist() == [9, 9, 9]
    assert parquet.column("actors").to_pylist()[0][1]["inter"] == 7
    assert Event.model_validate_json(parquet.column("record")[1].as_py()) == shelling(1)


def test_acled_columns_follow_acled_conventions():
    row = acled_row(StoredEvent(shelling(1), "key", WHEN))
    assert row["event_date"] == "2019-05-13" and row["year"] == 2019
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Military Forces of Syria", 1, "Civilians (Syria)", 7)
    assert row["interaction"] == 17 and row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["region"]) == (760, "Syria", "Middle East")
    assert row["fatalities"] == 9 and row["source"] == "activists; AFP"
    assert row["notes"] == SENTENCE
    assert row["tags"] == "status=reported; cameo=195; fatalities=at least 9"
    assert row["timestamp"] == int(WHEN.timestamp())


def test_acled_interaction_codes():
    assert interaction(1, 2) == 12 and interaction(2, 1) == 12
    assert interaction(8, None) == 80 and interaction(None, None) is None


def test_unknown_fatalities_are_zero_as_in_acled(tmp_path):
    quiet = shelling(1).model_copy(update={"fatalities": Count()})
    path = tmp_path / "one.csv"
    export([StoredEvent(quiet, "key", WHEN)], "acled-csv", path)
    (row,) = csv.DictReader(path.open())
    assert row["fatalities"] == "0"


def test_filters_select_what_is_exported(db, tmp_path):
    path = tmp_path / "some.jsonl"
    assert "wrote 2 events" in exported(db, "jsonl", path, "--country", "Syria", "--since", "2019-05-13")  # 1 unlocated
    assert "wrote 0 events" in exported(db, "jsonl", path, "--country", "IQ")
    assert "wrote 0 events" in exported(db, "jsonl", path, "--until", "2019-05-12")
    assert "wrote 3 events" in exported(db, "jsonl", path, "--type", "shelling/artillery/missile attack")


def test_countries_by_code_or_name():
    assert country_code("Syria") == country_code("sy") == country_code("SYR") == "SY"
    assert country_code("ivory coast") == "CI" and country_code("Democratic Republic of the Congo") == "CD"
    assert country("IQ").region == "Middle East" and country("ML").region == "Western Africa"
    with pytest.raises(UsageError, match="unknown country 'Atlantis'"):
        country_code("Atlantis")


def test_a_failed_export_leaves_no_file(tmp_path):
    def broken():
        yield StoredEvent(shelling(1), "key", WHEN)
        raise RuntimeError("database went away")

    path = tmp_path / "events.geojson"
    with pytest.raises(RuntimeError):
        export(broken(), "geojson", path)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UsageError, match="parquet is a binary format"):
        export([], "parquet", "-")


def test_reports_of_one_event_are_exported_as_one_record(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    afp = shelling(1)
    reuters = shelling(2).model_copy(update={"sources": ["Reuters"]})
    elsewhere = shelling(3).model_copy(update={
        "event_date": date(2019, 8, 1), "location": Location(name="Aleppo", country_code="SY", lat=36.2, lon=37.16,
                                                            geo_precision=1)})
    with Store.open(url) as store:
        for event in (afp, reuters, elsewhere):
            store.add(Article(id=event.articles[0], text=f"{SENTENCE} {event.event_id}"), [event])
    path = tmp_path / "merged.jsonl"
    assert "wrote 2 merged events" in CliRunner().invoke(
        cli, ["export", "--db", url, "--format", "jsonl", "-o", str(path)]).output
    one, other = [Event.model_validate_json(line) for line in path.read_text().splitlines()]
    assert sorted(one.articles) == ["a1", "a2"] and {"AFP", "Reuters"} <= set(one.sources)
    assert len(one.evidence) == 2 and one.fatalities.best == 9
    assert other == elsewhere


def test_muc4_export_is_one_document_per_article(tmp_path):
    pytest.importorskip("eventwire.muc4.format")
    url = f"sqlite:///{tmp_path / 'events.db'}"
    kidnapping = Event(
        event_id="ew-k", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
        actors=[Actor(name="FMLN", mention="urban guerrillas", role="perpetrator", inter=2),
                Actor(name="Civilians (El Salvador)", mention="the mayor of Usulutan", role="victim", inter=7)],
        articles=["TST1-MUC3-0099"])
    text = "SAN SALVADOR, 3 MAR 90 -- urban guerrillas kidnapped the mayor of Usulutan today."
    with Store.open(url) as store:
        store.add(Article(id="TST1-MUC3-0099", text=text), [kidnapping])
        store.add(Article(id="TST1-MUC3-0098", text="the weather was fine in san salvador today."), [])
    path = tmp_path / "docs.muc4"
    done = CliRunner().invoke(cli, ["export", "--db", url, "--format", "muc4", "-o", str(path)])
    assert "wrote 2 documents" in done.output
    first, second = [json.loads(line) for line in path.read_text().splitlines()]
    assert first == {"docid": "TST1-MUC3-0098", "templates": []}
    assert second["docid"] == "TST1-MUC3-0099" and second["templates"][0]["incident_type"] == "kidnapping"
