"""The place index's tables and the name rows every source writes into them.

Tables: places (one row a place), names (key, tier, place_id, source) where tier is 0 exact,
1 variant, 2 skeleton; source is "name" for an exact key of the place's own name (not an
alternate one) and, for a skeleton, the variant key it came from; meta (key, value).
Builds stage name rows in `names_raw` (no index, any order) and copy them sorted and
distinct into `names` at the end, so SQLite, not Python, does the sorting of a large dump.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.places.variants import name_keys

SCHEMA_VERSION = "2"  # 2: country aliases (build.COUNTRY_ALIASES)
TIER_EXACT, TIER_VARIANT, TIER_SKELETON = 0, 1, 2
MAX_NAME_LENGTH = 200

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
CREATE TEMP TABLE names_raw (key TEXT, tier INTEGER, place_id INTEGER, source TEXT);
"""

COPY_NAMES = """
INSERT INTO names SELECT DISTINCT key, tier, place_id, source FROM names_raw
WHERE place_id IN (SELECT place_id FROM places) ORDER BY 1, 2, 3, 4;
DROP TABLE names_raw;
"""


def name_rows(
    place_id: int, own_name: str, other_names: Iterable[str]
) -> Iterator[tuple[str, int, int, str]]:
    """(key, tier, place_id, source) rows for a place's own name and its other names."""
    for name in dict.fromkeys((own_name, *other_names)):
        if not name or len(name) > MAX_NAME_LENGTH:
            continue
        keys = name_keys(name)
        if len(keys.exact) < 2:
            continue
        yield keys.exact, TIER_EXACT, place_id, "name" if name == own_name else ""
        if keys.variant:
            yield keys.variant, TIER_VARIANT, place_id, ""
        if keys.skeleton:
            yield keys.skeleton, TIER_SKELETON, place_id, keys.variant
