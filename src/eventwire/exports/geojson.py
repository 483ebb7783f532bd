"""GeoJSON (RFC 7946): a FeatureCollection with one Feature per event, the whole event record
as its properties, for QGIS, Leaflet and geopandas. An event without coordinates is kept,
with `"geometry": null` as the RFC allows, so the count matches the other exports.

Written as a stream, one feature a line, so an export of a large store needs no memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from eventwire.models import Event
from eventwire.store import StoredEvent


def write_geojson(stored: Iterable[StoredEvent], out: IO[str]) -> int:
    """Write the FeatureCollection; return the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for item in stored:
        if count:
            out.write(",\n")
        out.write(json.dumps(feature(item.event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def feature(event: Event) -> dict:
    """One event as a GeoJSON Feature: a Point at [lon, lat], or no geometry."""
    loc = event.location
    located = loc.lat is not None and loc.lon is not None
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]} if located else None,
        "properties": event.model_dump(mode="json"),
    }
