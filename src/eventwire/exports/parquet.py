"""Parquet via pyarrow: one row per event, typed columns for what analysts filter and count,
and the whole record as JSON in `record` for the rest (claims, evidence, policies).

The schema (`PARQUET_SCHEMA`, documented column by column in docs/exports.md) is fixed:
a column is added at the end, never renamed or retyped. Rows are written in row groups of
`ROW_GROUP` events, so an export of a large store needs little memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.models import Event
from eventwire.store import StoredEvent
from eventwire.store.rows import event_columns

ROW_GROUP = 10_000
ACTOR = pa.struct([
    ("name", pa.string()), ("mention", pa.string()), ("role", pa.string()), ("kind", pa.string()),
    ("country_code", pa.string()), ("inter", pa.int8()),
])
PARQUET_SCHEMA = pa.schema([
    ("event_id", pa.string()),
    ("status", pa.string()),
    ("event_date", pa.date32()),
    ("date_end", pa.date32()),
    ("time_precision", pa.int8()),
    ("event_type", pa.string()),
    ("sub_event_type", pa.string()),
    ("cameo", pa.string()),
    ("actors", pa.list_(ACTOR)),
    ("location_name", pa.string()),
    ("country_code", pa.string()),
    ("admin1", pa.string()),
    ("admin2", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("geonames_id", pa.int64()),
    ("geo_precision", pa.int8()),
    ("fatalities", pa.int32()),
    ("fatalities_low", pa.int32()),
    ("fatalities_high", pa.int32()),
    ("fatalities_qualifier", pa.string()),
    ("injuries", pa.int32()),
    ("injuries_low", pa.int32()),
    ("injuries_high", pa.int32()),
    ("injuries_qualifier", pa.string()),
    ("weapons", pa.list_(pa.string())),
    ("sources", pa.list_(pa.string())),
    ("articles", pa.list_(pa.string())),
    ("claim_count", pa.int32()),
    ("ingested_at", pa.timestamp("ms", tz="UTC")),
    ("record", pa.string()),
])


def write_parquet(stored: Iterable[StoredEvent], path: Path) -> int:
    """Write every event to a Parquet file at `path`; return the number of rows."""
    count = 0
    rows: list[dict] = []
    with pq.ParquetWriter(path, PARQUET_SCHEMA) as writer:
        for item in stored:
            rows.append(parquet_row(item))
            if len(rows) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
                count += len(rows)
                rows.clear()
        if rows or not count:  # an empty export is still a file with the schema
            writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
            count += len(rows)
    return count


def parquet_row(stored: StoredEvent) -> dict:
    event: Event = stored.event
    loc, dead, hurt = event.location, event.fatalities, event.injuries
    return {
        **event_columns(event),
        "actors": [{"name": a.name, "mention": a.mention, "role": a.role, "kind": a.kind,
                    "country_code": a.country_code, "inter": a.inter} for a in event.actors],
        "location_name": loc.name,
        "country_code": loc.country_code,
        "admin1": loc.admin1,
        "admin2": loc.admin2,
        "latitude": loc.lat,
        "longitude": loc.lon,
        "geonames_id": loc.geonames_id,
        "geo_precision": loc.geo_precision,
        "fatalities": dead.best,
        "fatalities_low": dead.low,
        "fatalities_high": dead.high,
        "fatalities_qualifier": dead.qualifier,
        "injuries": hurt.best,
        "injuries_low": hurt.low,
        "injuries_high": hurt.high,
        "injuries_qualifier": hurt.qualifier,
        "weapons": [w.name for w in event.weapons],
        "sources": list(event.sources),
        "articles": list(event.articles),
        "claim_count": len(event.claims),
        "ingested_at": stored.ingested_at,
        "record": event.model_dump_json(),
    }
