"""Score the geocoder against UCDP GED: place names with coordinates coded by hand.

UCDP's `where_coordinates` names the place an event was coded at ("Teir Maaleh village",
"Silos east of Palmyra/Tadmur"); `where_prec` 1 is the place itself, 2 within about 25 km
of it. For each event with where_prec 1-2 the name is geocoded the way an analyst's article
would put it: the name without its feature word ("Teir Maaleh"), a relation word making it
approximate ("east of Palmyra" -> near Palmyra), and as context the row's country and
governorate names as UCDP writes them ("Syria", "Homs Governorate"), nothing else.

The scores (an `UcdpScore`): the share of events answered at precision 1-2 (and at 3, the
admin unit only), among the precision 1-2 answers the share within 25 km and 161 km (100
miles, the usual geoparsing threshold) of UCDP's coordinates, the median error, and the
share whose admin1 is UCDP's governorate. UCDP is for measuring: nothing here feeds the
gazetteer or the ranking.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.places.distance import km
from eventwire.errors import EventwireError
from eventwire.models import Location
from eventwire.places.gazetteer import Gazetteer
from eventwire.places.resolve import PlaceMention, geocode
from eventwire.places.variants import name_keys

NEAR_KM, REGION_KM = 25.0, 161.0
REQUIRED = ("where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country")
# UCDP's feature words after a name ("Tanab village", "Kuweires airport"): dropped
FEATURE_WORDS = frozenset(
    "village town city suburb neighbourhood neighborhood district area mountain mountains "
    "field fields airport airbase base camp farm farms hill hills dam plant complex sector "
    "pocket region valley checkpoint crossing bridge prison hospital school station".split()
)
_RELATION = re.compile(
    r"^(?:.*?\b(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west|outskirts|outside|near|vicinity)\b"
    r"(?:\s+of)?\s+)(?P<name>.+)$",
    re.I,
)


@dataclass(frozen=True)
class UcdpQuery:
    """One UCDP event as a geocoding question."""

    row: int  # 1-based data row in the file
    query: str  # the name as geocoded
    near: bool
    context: tuple[str, ...]
    lat: float
    lon: float
    admin1: str  # UCDP's governorate, as written ("Idlib Governorate")


@dataclass
class UcdpOutcome:
    query: UcdpQuery
    location: Location
    error_km: float | None  # None when it abstained
    admin1_agrees: bool | None  # None when either side has no admin1


@dataclass
class UcdpScore:
    events: int = 0
    precise: int = 0  # answered at precision 1-2
    admin_only: int = 0  # answered at precision 3
    within_near: int = 0  # precise answers within NEAR_KM
    within_region: int = 0  # precise answers within REGION_KM
    admin1_checked: int = 0
    admin1_agree: int = 0
    errors_km: list[float] = field(default_factory=list)  # of the precise answers

    def add(self, outcome: UcdpOutcome) -> None:
        self.events += 1
        precision = outcome.location.geo_precision
        if outcome.error_km is None or precision is None:
            return
        if precision == 3:
            self.admin_only += 1
        else:
            self.precise += 1
            self.errors_km.append(outcome.error_km)
            self.within_near += outcome.error_km <= NEAR_KM
            self.within_region += outcome.error_km <= REGION_KM
        if outcome.admin1_agrees is not None:
            self.admin1_checked += 1
            self.admin1_agree += outcome.admin1_agrees

    def summary(self) -> dict[str, float | int | None]:
        def share(n: int, d: int) -> float | None:
            return round(n / d, 4) if d else None

        return {
            "events": self.events,
            "answered_precision_1_2": share(self.precise, self.events),
            "answered_precision_3": share(self.admin_only, self.events),
            "within_25km": share(self.within_near, self.precise),
            "within_161km": share(self.within_region, self.precise),
            "median_error_km": round(statistics.median(self.errors_km), 2)
            if self.errors_km else None,
            "admin1_agreement": share(self.admin1_agree, self.admin1_checked),
        }


def read_ucdp(path: Path) -> Iterator[UcdpQuery]:
    """The events of a UCDP GED CSV with where_prec 1-2, as geocoding questions."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise EventwireError(f"{path}: not a UCDP GED CSV (no column {', '.join(missing)})")
        for number, row in enumerate(reader, start=1):
            query = _query(number, row)
            if query is not None:
                yield query


def _query(number: int, row: dict) -> UcdpQuery | None:
    try:
        precision = int(float(row["where_prec"]))
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except ValueError:
        return None
    if precision not in (1, 2):
        return None
    name, near = place_name(row["where_coordinates"])
    if not name:
        return None
    context = tuple(c for c in (row["country"].strip(), row["adm_1"].strip()) if c)
    return UcdpQuery(number, name, near, context, lat, lon, row["adm_1"].strip())


def place_name(where: str) -> tuple[str, bool]:
    """The place name of a `where_coordinates` value and whether it is only near it.

    "Teir Maaleh village" -> ("Teir Maaleh", False); "Silos east of Palmyra/Tadmur" ->
    ("Palmyra", True): the first of alternative names separated by a slash."""
    text = re.sub(r"\([^)]*\)", " ", where).strip()
    near = False
    m = _RELATION.match(text)
    if m:
        text, near = m.group("name"), True
    text = text.split("/")[0].strip()
    words = text.split()
    while len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
        words.pop()
    return " ".join(words).strip(" ,.-"), near


def evaluate_ucdp(gaz: Gazetteer, queries: Iterable[UcdpQuery]) -> Iterator[UcdpOutcome]:
    """Geocode each query; yield what came back with its error against UCDP."""
    for q in queries:
        location = geocode(gaz, PlaceMention(q.query, 0, len(q.query), near=q.near), context=q.context)
        error = None
        if location.lat is not None and location.lon is not None:
            error = km(q.lat, q.lon, location.lat, location.lon)
        yield UcdpOutcome(q, location, error, _same_admin1(gaz, location, q.admin1))


def write_outcomes(outcomes: Iterable[UcdpOutcome], path: Path) -> Iterator[UcdpOutcome]:
    """Pass outcomes through, writing each as a JSON line to `path` (for error analysis)."""
    with open(path, "w", encoding="utf-8") as out:
        for o in outcomes:
            q = o.query
            record = {
                "row": q.row, "query": q.query, "near": q.near, "context": q.context,
                "ucdp": [q.lat, q.lon], "location": o.location.model_dump(mode="json"),
                "error_km": None if o.error_km is None else round(o.error_km, 3),
                "admin1_agrees": o.admin1_agrees,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            yield o


def score(outcomes: Iterable[UcdpOutcome]) -> UcdpScore:
    total = UcdpScore()
    for outcome in outcomes:
        total.add(outcome)
    return total


def _same_admin1(gaz: Gazetteer, location: Location, ucdp_admin1: str) -> bool | None:
    """Whether the answer's admin1 is UCDP's governorate (both resolved in the gazetteer)."""
    if location.lat is None or not location.admin1 or not ucdp_admin1:
        return None
    theirs = _admin1_ids(gaz, ucdp_admin1, location.country_code)
    ours = _admin1_ids(gaz, location.admin1, location.country_code)
    if not theirs:
        return name_keys(location.admin1).skeleton == name_keys(ucdp_admin1).skeleton
    return bool(theirs & ours)


def _admin1_ids(gaz: Gazetteer, name: str, country: str | None) -> set[int]:
    bare = re.sub(r"\s+(?:governorate|province|muhafazat)$", "", name.strip(), flags=re.I)
    found = gaz.candidates(bare, country=country, limit=200)
    return {c.place_id for c in found if c.kind == "admin1" and c.score >= 0.8}
