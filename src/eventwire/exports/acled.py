"""ACLED-style CSV: one row per event with exactly ACLED's column names, so scripts written
for ACLED data (R, pandas, Excel) read eventwire's events unchanged.

How eventwire's record fills ACLED's columns is a named policy (`ACLED_CSV_POLICY`,
documented in docs/exports.md). Columns eventwire has no value for are empty
(`admin3`, `source_scale`); `fatalities` is 0 when no figure was reported, as in ACLED.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from eventwire.exports.countries import country
from eventwire.models import Actor, Event
from eventwire.store import StoredEvent

ACLED_CSV_POLICY = "acled_csv.v1"
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# ACLED's disorder type by event type; sub-event types that differ from their event type first.
DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Demonstrations",
}
DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
SIDE_1 = ("attacker", "perpetrator", "protester", "rioter", "ally")  # actor1 and its associates
SIDE_2 = ("target", "victim")  # actor2 and its associates
CIVILIANS = 7  # ACLED's inter code for civilians


def write_acled_csv(stored: Iterable[StoredEvent], out: IO[str]) -> int:
    """Write a header and one row per event; return the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for item in stored:
        writer.writerow(acled_row(item))
        count += 1
    return count


def acled_row(stored: StoredEvent) -> dict:
    """One event as ACLED's columns (values as CSV cells; None is an empty cell)."""
    event = stored.event
    loc = event.location
    first, second = _side(event, SIDE_1), _side(event, SIDE_2)
    inter1 = first[0].inter if first else None
    inter2 = second[0].inter if second else None
    place = country(loc.country_code)
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": DISORDER_BY_SUB_TYPE.get(event.sub_event_type) or DISORDER_BY_TYPE.get(event.event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": first[0].name if first else None,
        "assoc_actor_1": "; ".join(a.name for a in first[1:]) or None,
        "inter1": inter1,
        "actor2": second[0].name if second else None,
        "assoc_actor_2": "; ".join(a.name for a in second[1:]) or None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _targets_civilians(event, second) else None,
        "iso": place.iso_numeric if place else None,
        "region": place.region if place else None,
        "country": place.name if place else loc.country_code,
        "admin1": loc.admin1,
        "admin2": loc.admin2,
        "admin3": None,
        "location": loc.name,
        "latitude": loc.lat,
        "longitude": loc.lon,
        "geo_precision": loc.geo_precision,
        "source": "; ".join(event.sources) or None,
        "source_scale": None,
        "notes": _notes(event),
        "fatalities": event.fatalities.best or 0,
        "tags": _tags(event) or None,
        "timestamp": int(stored.ingested_at.timestamp()),
    }


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, smaller first (12, 17, 37); one actor: 10 x it."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return 10 * (inter1 or inter2)
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def _side(event: Event, roles: tuple[str, ...]) -> list[Actor]:
    """The actors in these roles, in role order then record order, one per name."""
    found: dict[str, Actor] = {}
    for role in roles:
        for actor in event.actors:
            if actor.role == role:
                found.setdefault(actor.name, actor)
    return list(found.values())


def _targets_civilians(event: Event, second: list[Actor]) -> bool:
    return event.event_type == "Violence against civilians" or any(a.inter == CIVILIANS for a in second)


def _notes(event: Event) -> str | None:
    """The sentences that report the event, one per article, as ACLED's notes summarise it."""
    seen, notes = set(), []
    for evidence in event.evidence:
        if evidence.article_id not in seen:
            seen.add(evidence.article_id)
            notes.append(" ".join(evidence.text.split()))
    return " | ".join(notes) or None


def _tags(event: Event) -> str:
    tags = [f"status={event.status}"]
    if event.cameo:
        tags.append(f"cameo={event.cameo}")
    if event.fatalities.qualifier not in ("exact", "unknown") and event.fatalities.text:
        tags.append(f"fatalities={event.fatalities.text}")
    if event.injuries.best is not None:
        tags.append(f"injuries={event.injuries.best}")
    return "; ".join(tags)
