"""Load GeoNames dumps into the place index being built, streaming.

Each geoname line becomes a row of `places` at once, its names rows of a staging table;
nothing grows in Python with the size of the dump except a sorted array of place ids
(8 bytes a place) used to keep alternate names of places in the index only. Admin links,
admin-unit seats and populations are settled afterwards in SQL (`finish`), so the order
of the lines does not matter and a full allCountries build fits in a laptop's memory.

Kept from the geoname table: populated places (feature class P, except historical PPLH),
first- and second-order admin units (ADM1, ADM2) and countries (PCLI, PCLD, PCLF, PCLS,
PCL, TERR); other features (streams, hotels, farms ...) would only add namesakes. Admin
units and countries follow the default build's convention (see `places.build`): an admin
unit sits at its most populous settlement and counts their population; a country sits at
its capital (PPLC). Alternate names drop links, postal and airport codes, abbreviations and
historic names ("Al Majdal" for Ashkelon), which only breed false matches.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from eventwire.places.geonames import DumpFile, geo_row
from eventwire.places.schema import name_rows

Progress = Callable[[str, int], None]  # (file label, bytes just read)
Problem = Callable[[str, str], None]  # (where, why)

COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"})
SKIPPED_PLACE_CODES = frozenset({"PPLH"})
SKIPPED_LANGUAGES = frozenset(
    {"link", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "wkdt", "fr_1793"}
)
MAX_PROBLEMS_PER_FILE = 10
_BATCH = 5000

STAGING = """
CREATE TEMP TABLE geo_codes (
    place_id INTEGER PRIMARY KEY, feature_code TEXT, a1code TEXT, a2code TEXT
);
CREATE TEMP TABLE unit_codes (code TEXT PRIMARY KEY, place_id INTEGER, name TEXT);
"""


def kind_of(feature_class: str, feature_code: str) -> str | None:
    """The index kind of a GeoNames feature, or None for features the index leaves out."""
    if feature_class == "P" and feature_code not in SKIPPED_PLACE_CODES:
        return "settlement"
    if feature_class == "A":
        if feature_code == "ADM1":
            return "admin1"
        if feature_code == "ADM2":
            return "admin2"
        if feature_code in COUNTRY_CODES:
            return "country"
    return None


def load(
    db: sqlite3.Connection,
    files: Sequence[DumpFile],
    *,
    countries: frozenset[str] | None,
    bare: Callable[[str], str],
    known_codes: Iterable[tuple[str, int, str]] = (),
    progress: Progress | None = None,
    problem: Problem | None = None,
) -> dict[str, int]:
    """Stream `files` (code files first, as `dump_files` orders them) into `db`'s places and
    the staging names table `names_raw`; returns places read per file label. `known_codes`
    are admin1 codes of units already in `db` ("SY.07", id, name), for dumps without code
    files; code files given override them."""
    db.executescript(STAGING)
    db.executemany("INSERT OR IGNORE INTO unit_codes VALUES (?,?,?)", known_codes)
    counts: dict[str, int] = {}
    ids: array | None = None
    for dump in files:
        report = _Reporter(dump.label, problem)
        if dump.kind in ("admin1_codes", "admin2_codes"):
            counts[dump.label] = _load_codes(db, dump, countries, report, progress)
        elif dump.kind == "geonames":
            counts[dump.label] = _load_geonames(db, dump, countries, bare, report, progress)
        else:
            if ids is None:  # places are all in once the alternate names come
                ids = array("q", (r[0] for r in db.execute("SELECT place_id FROM places ORDER BY 1")))
            counts[dump.label] = _load_alternate_names(db, dump, ids, report, progress)
        report.close()
    return counts


def finish(db: sqlite3.Connection) -> None:
    """Link places to their admin units, then seat and count the units (see docstring)."""
    db.executescript(
        """
        UPDATE places SET
            admin1_id = (SELECT u.place_id FROM geo_codes g JOIN unit_codes u ON u.code = g.a1code
                         WHERE g.place_id = places.place_id),
            admin1 = (SELECT u.name FROM geo_codes g JOIN unit_codes u ON u.code = g.a1code
                      WHERE g.place_id = places.place_id),
            admin2_id = (SELECT u.place_id FROM geo_codes g JOIN unit_codes u ON u.code = g.a2code
                         WHERE g.place_id = places.place_id),
            admin2 = (SELECT u.name FROM geo_codes g JOIN unit_codes u ON u.code = g.a2code
                      WHERE g.place_id = places.place_id)
        WHERE place_id IN (SELECT place_id FROM geo_codes) AND kind != 'country';
        CREATE INDEX tmp_admin1 ON places (admin1_id, kind, population);
        CREATE INDEX tmp_admin2 ON places (admin2_id, kind, population);
        """
    )
    for level in ("admin1", "admin2"):
        _seat_units(db, level)
    db.execute(
        """
        UPDATE places SET (lat, lon) = (
            SELECT s.lat, s.lon FROM places s JOIN geo_codes g ON g.place_id = s.place_id
            WHERE g.feature_code = 'PPLC' AND s.country_code = places.country_code
            ORDER BY s.population DESC LIMIT 1)
        WHERE kind = 'country' AND place_id IN (SELECT place_id FROM geo_codes)
          AND EXISTS (SELECT 1 FROM places s JOIN geo_codes g ON g.place_id = s.place_id
                      WHERE g.feature_code = 'PPLC' AND s.country_code = places.country_code)
        """
    )
    db.executescript("DROP INDEX tmp_admin1; DROP INDEX tmp_admin2;")


def _seat_units(db: sqlite3.Connection, level: str) -> None:
    """Population and seat of the dump's units of `level`; units known only from a code
    file become places when a settlement lies in them."""
    col = f"{level}_id"
    db.execute(
        f"""
        UPDATE places SET population = (
            SELECT coalesce(sum(s.population), 0) FROM places s
            WHERE s.{col} = places.place_id AND s.kind = 'settlement')
        WHERE kind = '{level}' AND place_id IN (SELECT place_id FROM unit_codes)
        """
    )
    db.execute(
        f"""
        UPDATE places SET (lat, lon) = (
            SELECT s.lat, s.lon FROM places s WHERE s.{col} = places.place_id
            AND s.kind = 'settlement' ORDER BY s.population DESC, s.place_id LIMIT 1)
        WHERE kind = '{level}' AND place_id IN (SELECT place_id FROM unit_codes)
          AND EXISTS (SELECT 1 FROM places s WHERE s.{col} = places.place_id
                      AND s.kind = 'settlement' AND s.population > 0)
        """
    )
    missing = db.execute(
        f"""
        SELECT u.code, u.place_id, u.name,
               (SELECT s.place_id FROM places s WHERE s.{col} = u.place_id
                AND s.kind = 'settlement' ORDER BY s.population DESC, s.place_id LIMIT 1)
        FROM unit_codes u WHERE u.place_id NOT IN (SELECT place_id FROM places)
          AND (length(u.code) - length(replace(u.code, '.', ''))) = ?
        """,
        (1 if level == "admin1" else 2,),
    ).fetchall()
    for code, unit_id, name, seat_id in missing:
        if seat_id is None:
            continue
        lat, lon, cc, a1, a1_id = db.execute(
            "SELECT lat, lon, country_code, admin1, admin1_id FROM places WHERE place_id = ?",
            (seat_id,),
        ).fetchone()
        pop = db.execute(
            f"SELECT coalesce(sum(population), 0) FROM places WHERE {col} = ? AND kind = 'settlement'",
            (unit_id,),
        ).fetchone()[0]
        a1, a1_id = (name, unit_id) if level == "admin1" else (a1, a1_id)
        a2, a2_id = (name, unit_id) if level == "admin2" else (None, None)
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (unit_id, unit_id, name, lat, lon, cc, a1, a2, a1_id, a2_id, level, pop),
        )
        db.executemany("INSERT INTO names_raw VALUES (?,?,?,?)", name_rows(unit_id, name, ()))


# --- the three kinds of file -----------------------------------------------------------


def _load_codes(db, dump: DumpFile, countries, report, progress) -> int:
    rows = []
    for number, fields, size in dump.lines():
        if progress:
            progress(dump.label, size)
        if len(fields) != 4 or not fields[3].strip().isdigit():
            report(number, f"{len(fields)} columns or no geonameid; expected code, name, ascii name, id")
            continue
        code = fields[0].strip()
        if countries is None or code[:2] in countries:
            rows.append((code, int(fields[3]), fields[1].strip() or fields[2].strip()))
    db.executemany("INSERT OR REPLACE INTO unit_codes VALUES (?,?,?)", rows)
    return len(rows)


def _load_geonames(db, dump: DumpFile, countries, bare, report, progress) -> int:
    places, codes, names, kept = [], [], [], 0
    for number, fields, size in dump.lines():
        if progress:
            progress(dump.label, size)
        try:
            row = geo_row(fields)
        except ValueError as exc:
            report(number, str(exc))
            continue
        kind = kind_of(row.feature_class, row.feature_code)
        if kind is None or (countries is not None and row.country_code not in countries and kind != "country"):
            continue
        kept += 1
        pid = row.geonameid
        places.append((pid, pid, row.name, row.lat, row.lon, row.country_code, None, None, None,
                       None, kind, row.population))
        a1 = f"{row.country_code}.{row.admin1_code}" if row.admin1_code else None
        a2 = f"{a1}.{row.admin2_code}" if a1 and row.admin2_code else None
        codes.append((pid, row.feature_code, a1, a2))
        others = [n for n in (row.asciiname, *row.alternatenames) if not _is_code(n)]
        if kind in ("admin1", "admin2"):
            codes_row = (a1 if kind == "admin1" else a2, pid, row.name)
            if codes_row[0]:
                db.execute("INSERT OR IGNORE INTO unit_codes VALUES (?,?,?)", codes_row)
            others += [bare(n) for n in (row.name, *others)]
        names.extend(name_rows(pid, row.name, others))
        if len(places) >= _BATCH:
            _flush(db, places, codes, names)
    _flush(db, places, codes, names)
    return kept


def _load_alternate_names(db, dump: DumpFile, ids: array, report, progress) -> int:
    names, kept = [], 0
    for number, fields, size in dump.lines():
        if progress:
            progress(dump.label, size)
        if len(fields) not in (8, 10) or not fields[1].isdigit():
            report(number, f"{len(fields)} columns; expected the alternateNames format")
            continue
        pid = int(fields[1])
        i = bisect_left(ids, pid)
        if i == len(ids) or ids[i] != pid:
            continue
        historic = len(fields) == 10 and fields[7] == "1"
        name = fields[3].strip()
        if fields[2] in SKIPPED_LANGUAGES or historic or _is_code(name):
            continue
        kept += 1
        names.extend(r for r in name_rows(pid, "", (name,)))
        if len(names) >= _BATCH:
            db.executemany("INSERT INTO names_raw VALUES (?,?,?,?)", names)
            names.clear()
    db.executemany("INSERT INTO names_raw VALUES (?,?,?,?)", names)
    return kept


def _flush(db, places: list, codes: list, names: list) -> None:
    db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT OR REPLACE INTO geo_codes VALUES (?,?,?,?)", codes)
    db.executemany("INSERT INTO names_raw VALUES (?,?,?,?)", names)
    for batch in (places, codes, names):
        batch.clear()


def _is_code(name: str) -> bool:
    """Airport and similar codes in the alternatenames column ("ALP", "OSAP")."""
    return len(name) <= 4 and name.isascii() and name.isupper()


class _Reporter:
    """Names bad lines of one file on `problem`, up to MAX_PROBLEMS_PER_FILE, then counts."""

    def __init__(self, label: str, problem: Problem | None):
        self.label, self.problem, self.count = label, problem, 0

    def __call__(self, number: int, why: str) -> None:
        self.count += 1
        if self.problem and self.count <= MAX_PROBLEMS_PER_FILE:
            self.problem(f"{self.label}:{number}", f"line skipped: {why}")

    def close(self) -> None:
        if self.problem and self.count > MAX_PROBLEMS_PER_FILE:
            more = self.count - MAX_PROBLEMS_PER_FILE
            self.problem(self.label, f"{more} more bad lines skipped")


def unit_code_rows(subdivisions: Iterable) -> list[tuple[str, int, str]]:
    """(code, place id, name) of the default admin1 units: dumps without code files link
    their places to them."""
    return [
        (u.geonames_code, u.geonames_id, u.name)
        for u in subdivisions
        if u.admin_level == 1 and u.geonames_code and u.geonames_id
    ]
