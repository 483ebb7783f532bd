"""Places an organisation maintains itself, from CSV files, added to the place index.

A header row names the columns (case and spaces do not matter):
    name, alternate_names, lat, lon, country, admin1, admin2, feature_class
name, lat, lon and country (ISO 3166-1 alpha-2) are required; alternate names are separated
by ";" or "|"; admin1 and admin2 are names ("Idlib", "Idlib Governorate", "Ariha") linked to
the index's units of that country when it knows them, kept as written otherwise;
feature_class is a GeoNames class letter (P populated place, S spot, T hill ...), P when
empty. Every custom place is a point: kind settlement, precision 1 when named. Custom places
get negative ids (from CUSTOM_ID_BASE down, in file order) and no geonames_id.

A bad row is named (file:line and why) and skipped; the rest of the file is kept.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.places.schema import TIER_EXACT, TIER_VARIANT, name_rows
from eventwire.places.variants import name_keys

CUSTOM_ID_BASE = -1_000_000_000
FEATURE_CLASSES = frozenset("AHLPRSTUV")
REQUIRED = ("name", "lat", "lon", "country")
_SEPARATORS = re.compile(r"[;|]")

Problem = Callable[[str, str], None]


@dataclass(frozen=True)
class CustomPlace:
    name: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    country_code: str
    admin1: str | None
    admin2: str | None
    feature_class: str


def read_custom(path: Path, problem: Problem) -> list[tuple[int, CustomPlace]]:
    """(line number, place) for each good row of a custom CSV; bad rows go to `problem`."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = {_column(c): c for c in reader.fieldnames or ()}
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise UsageError(f"{path}: no column {', '.join(missing)} in the header")
        found = []
        for row in reader:
            line = reader.line_num
            values = {key: (row.get(original) or "").strip() for key, original in header.items()}
            try:
                found.append((line, _place(values)))
            except ValueError as exc:
                problem(f"{path}:{line}", f"row skipped: {exc}")
        return found


def add_custom(
    db: sqlite3.Connection,
    paths: Sequence[Path],
    *,
    countries: frozenset[str] | None,
    bare: Callable[[str], str],
    problem: Problem,
) -> dict[str, int]:
    """Insert the places of `paths` into a built index (its names table filled)."""
    counts: dict[str, int] = {}
    next_id = CUSTOM_ID_BASE
    for path in paths:
        rows = read_custom(Path(path), problem)
        kept = 0
        for _line, place in rows:
            if countries is not None and place.country_code not in countries:
                continue
            a1_id, a1 = _unit(db, place.admin1, place.country_code, "admin1", bare)
            a2_id, a2 = _unit(db, place.admin2, place.country_code, "admin2", bare)
            db.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (next_id, None, place.name, place.lat, place.lon, place.country_code,
                 a1, a2, a1_id, a2_id, "settlement", 0),
            )
            db.executemany(
                "INSERT OR IGNORE INTO names VALUES (?,?,?,?)",
                name_rows(next_id, place.name, place.alternate_names),
            )
            next_id -= 1
            kept += 1
        counts[Path(path).name] = kept
    return counts


def _column(name: str) -> str:
    key = re.sub(r"[\s-]+", "_", name.strip().lower())
    return {"alternatenames": "alternate_names", "country_code": "country",
            "latitude": "lat", "longitude": "lon", "lng": "lon"}.get(key, key)


def _place(values: dict[str, str]) -> CustomPlace:
    for column in REQUIRED:
        if not values.get(column):
            raise ValueError(f"no {column}")
    try:
        lat, lon = float(values["lat"]), float(values["lon"])
    except ValueError:
        raise ValueError(f"lat/lon not numbers: {values['lat']!r}, {values['lon']!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    country = values["country"].upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"country {values['country']!r} is not an ISO alpha-2 code")
    feature = (values.get("feature_class") or "P").upper()
    if feature not in FEATURE_CLASSES:
        raise ValueError(f"feature class {feature!r} is not a GeoNames class letter")
    alternates = tuple(
        n.strip() for n in _SEPARATORS.split(values.get("alternate_names", "")) if n.strip()
    )
    return CustomPlace(
        values["name"], alternates, lat, lon, country,
        values.get("admin1") or None, values.get("admin2") or None, feature,
    )


def _unit(db, name: str | None, country: str, kind: str, bare) -> tuple[int | None, str | None]:
    """The id and canonical name of the unit of `kind` named `name` in `country`, if known."""
    if not name:
        return None, None
    keys = {name_keys(n).variant for n in (name, bare(name))} - {""}
    exact = {name_keys(n).exact for n in (name, bare(name))}
    marks = ",".join("?" * len(keys | exact))
    row = db.execute(
        f"""SELECT p.place_id, coalesce(p.{kind}, p.name) FROM names n JOIN places p ON p.place_id = n.place_id
            WHERE n.key IN ({marks}) AND n.tier IN (?, ?) AND p.kind = ? AND p.country_code = ?
            ORDER BY n.tier, p.population DESC LIMIT 1""",
        (*(keys | exact), TIER_EXACT, TIER_VARIANT, kind, country),
    ).fetchone()
    return (row[0], row[1]) if row else (None, name)
