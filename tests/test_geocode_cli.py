"""`eventwire gazetteer build|info` and `eventwire geocode` as a user runs them, on a tiny
GeoNames-format Syria the tests write (see test_places_geonames)."""

import json
import os
import subprocess
import sys
import zipfile

import pytest

from test_places_geonames import ADMIN1, ADMIN2, ALTERNATE_NAMES, CUSTOM, SY_TXT

FIELDS = {"query", "name", "lat", "lon", "country_code", "admin1", "admin2", "geonames_id",
          "geo_precision", "score"}


def eventwire(*args, cwd, stdin=None):
    env = {**os.environ, "EVENTWIRE_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geocode")
    with zipfile.ZipFile(folder / "SY.zip", "w") as archive:
        archive.writestr("SY.txt", SY_TXT)
    (folder / "alternateNamesV2.txt").write_text(ALTERNATE_NAMES, encoding="utf-8")
    (folder / "admin1CodesASCII.txt").write_text(ADMIN1, encoding="utf-8")
    (folder / "admin2Codes.txt").write_text(ADMIN2, encoding="utf-8")
    (folder / "ours.csv").write_text(CUSTOM, encoding="utf-8")
    done = eventwire(
        "gazetteer", "build", "--no-default", "--gazetteer", "syria.sqlite",
        "--geonames", "SY.zip", "alternateNamesV2.txt", "admin1CodesASCII.txt", "admin2Codes.txt",
        "--custom", "ours.csv", "--countries", "SY", cwd=folder,
    )
    return folder, done


def geocode(folder, *args, stdin=None):
    done = eventwire("geocode", *args, "--gazetteer", "syria.sqlite", cwd=folder, stdin=stdin)
    return done, [json.loads(line) for line in done.stdout.splitlines()]


def test_build_takes_several_files_after_one_option_and_names_bad_lines(built):
    folder, done = built
    assert "built" in done.stdout and "SY.zip:SY.txt (11 rows)" in done.stdout
    assert "SY.zip:SY.txt:14: line skipped: 1 columns, not 19" in done.stderr
    assert "ours.csv:4: row skipped: coordinates out of range" in done.stderr
    assert done.returncode == 1  # bad lines were skipped: the rest was built


def test_info_shows_what_is_loaded(built):
    folder, _ = built
    done = eventwire("gazetteer", "info", "--gazetteer", "syria.sqlite", cwd=folder)
    info = json.loads(done.stdout)
    assert info["countries"] == "SY" and info["kinds"]["settlement"] == 10
    assert "alternateNamesV2.txt (3 rows)" in info["sources"]


def test_geocode_prints_one_contract_record_per_name(built):
    folder, _ = built
    done, records = geocode(folder, "Khasham", "Mayadeen", "--context", "Deir ez-Zor, Syria")
    assert done.returncode == 0, done.stderr
    assert [r["name"] for r in records] == ["Khushām", "Al Mayādīn"]
    assert all(set(r) == FIELDS for r in records)  # no reason when it answers
    assert records[0]["geonames_id"] == 167899 and records[0]["geo_precision"] == 1


def test_geocode_abstains_with_a_reason(built):
    folder, _ = built
    _, [record] = geocode(folder, "As Safsafah")
    assert record["lat"] is None and "ambiguous" in record["reason"]


def test_an_unknown_village_with_a_governorate_in_context_gets_the_governorate(built):
    folder, _ = built
    _, [record] = geocode(folder, "Tanab", "--context", "Ar Raqqah Governorate")
    assert (record["admin1"], record["geo_precision"], record["score"]) == ("Ar Raqqah", 3, None)
    assert "Tanab" in record["reason"]


def test_context_may_be_a_sentence(built):
    folder, _ = built
    _, [record] = geocode(folder, "As Safsafah", "--context",
                          "Clashes went on in the countryside of Ar Raqqah on Tuesday, activists said")
    assert record["geonames_id"] == 9000001


def test_names_from_stdin_and_one_message_per_bad_line(built):
    folder, _ = built
    long_name = "x" * 300
    done, records = geocode(folder, "-", "--country", "SY", stdin=f"Raqqa\n\n{long_name}\nKhusham\n")
    assert [r["query"] for r in records] == ["Raqqa", "Khusham"]
    assert "stdin:3: a name of 300 characters" in done.stderr
    assert done.returncode == 1


def test_bad_usage_exits_2(built):
    folder, _ = built
    done, _ = geocode(folder, "Raqqa", "--country", "Syria")
    assert done.returncode == 2 and "ISO alpha-2" in done.stderr
    done = eventwire("gazetteer", "build", "--geonames", "ours.csv", "--gazetteer", "x.sqlite",
                     cwd=folder)
    assert done.returncode == 2 and "ours.csv: not a GeoNames file" in done.stderr
    assert not (folder / "x.sqlite").exists()
