"""Read-only queries the API needs beyond `Store.events`: filters on place, actor, text and
fatalities, one page at a time in a chosen order, counts by week and type, one event by id.

Why a module of its own: the store's `EventQuery` answers exports (a date range, a country,
a type, every row); an analyst's browser asks for one page of 50 out of 10,000 events, in
a sort order, with the total, many times a minute. These queries read the store's schema
(`store/schema.py`) with SQLAlchemy expressions only, so every value a user sends is a bound
parameter, never SQL text; sort keys come from a fixed table (`SORTS`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, func, or_, select

from eventwire.store import schema

SORTS = {  # the name a user sends -> the column; "-" in front sorts descending
    "date": schema.events.c.event_date,
    "fatalities": schema.events.c.fatalities,
    "country": schema.events.c.country_code,
    "type": schema.events.c.event_type,
    "place": schema.events.c.location_name,
}


@dataclass(frozen=True)
class BBox:
    """west, south, east, north in degrees; west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> "BBox":
        """From "west,south,east,north", e.g. "35.5,32,42.5,37.5"; ValueError says why not."""
        parts = text.split(",")
        if len(parts) != 4:
            raise ValueError(f"bbox needs 4 numbers west,south,east,north, not {text!r}")
        west, south, east, north = (float(part) for part in parts)
        if not all(-180 <= lon <= 180 for lon in (west, east)) or not all(-90 <= lat <= 90 for lat in (south, north)):
            raise ValueError(f"bbox out of range (longitudes -180..180, latitudes -90..90): {text!r}")
        if south > north:
            raise ValueError(f"bbox south {south} is north of north {north}")
        return cls(west, south, east, north)


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field None means no bound. `event_type` matches the type or the
    sub-event type, `admin1` and `actor` ignore case, `actor` is part of an actor's name or
    words as written, `q` is part of anything in the record (place, actors, claims, text)."""

    since: date | None = None
    until: date | None = None
    bbox: BBox | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    status: str | None = None
    q: str | None = None

    def without_dates(self) -> "EventFilter":
        return EventFilter(**{**self.__dict__, "since": None, "until": None})


def conditions(f: EventFilter) -> list:
    """The WHERE terms of a filter, as SQLAlchemy expressions (bound parameters only)."""
    ev, ac = schema.events.c, schema.actors.c
    found = []
    if f.since is not None:
        found.append(ev.event_date >= f.since)
    if f.until is not None:
        found.append(ev.event_date <= f.until)
    if f.bbox is not None:
        b = f.bbox
        found.append(ev.lat.between(b.south, b.north))
        found.append(ev.lon.between(b.west, b.east) if b.west <= b.east else or_(ev.lon >= b.west, ev.lon <= b.east))
    if f.country:
        found.append(ev.country_code == f.country.upper())
    if f.admin1:
        found.append(func.lower(ev.admin1) == f.admin1.lower())
    if f.event_type:
        wanted = f.event_type.lower()
        found.append(or_(func.lower(ev.event_type) == wanted, func.lower(ev.sub_event_type) == wanted))
    if f.actor:
        pattern = _contains(f.actor)
        found.append(ev.id.in_(select(ac.event_row).where(  # one pass over actors, not one per event
            or_(func.lower(ac.name).like(pattern, escape="\\"), func.lower(ac.mention).like(pattern, escape="\\")))))
    if f.min_fatalities is not None:
        found.append(ev.fatalities >= f.min_fatalities)
    if f.status:
        found.append(ev.status == f.status)
    if f.q:
        found.append(func.lower(ev.record).like(_contains(f.q), escape="\\"))
    return found


def _contains(text: str) -> str:
    """A LIKE pattern for "contains this text", its own % and _ taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def order_by(sort: str) -> list:
    """ORDER BY terms for a sort name such as "-date": missing values last, then row id in the
    same direction, so that SQLite walks the column's index instead of sorting every row."""
    column, row_id = SORTS[sort.lstrip("-")], schema.events.c.id
    if sort.startswith("-"):
        return [column.desc().nulls_last(), row_id.desc()]
    return [column.asc().nulls_last(), row_id.asc()]


SUMMARY_COLUMNS = ("event_id", "status", "event_date", "date_end", "event_type", "sub_event_type",
                   "location_name", "country_code", "admin1", "admin2", "lat", "lon", "geo_precision",
                   "fatalities", "injuries")


def count_events(conn: Connection, f: EventFilter) -> int:
    statement = select(func.count()).select_from(schema.events).where(*conditions(f))
    return conn.execute(statement).scalar_one()


MAP_COLUMNS = ("event_id", "event_date", "event_type", "sub_event_type", "location_name", "country_code",
               "admin1", "lat", "lon", "fatalities")


def page_of_events(conn: Connection, f: EventFilter, *, sort: str, limit: int, offset: int,
                   located_only: bool = False, columns: tuple[str, ...] = SUMMARY_COLUMNS,
                   with_actors: bool = True) -> list[dict]:
    """One page of events as flat dicts: the columns asked for and, `with_actors`, `actors`:
    a list of {"name", "role"} in the record's order."""
    ev = schema.events.c
    where = conditions(f) + ([ev.lat.is_not(None), ev.lon.is_not(None)] if located_only else [])
    def page(*columns):
        return select(*columns).where(*where).order_by(*order_by(sort)).limit(limit).offset(offset)

    rows = [dict(row._mapping) for row in conn.execute(page(ev.id, *(ev[name] for name in columns)))]
    # A short page names its rows; a long one asks again rather than bind thousands of ids.
    actors = (_actors_of(conn, [row["id"] for row in rows] if len(rows) <= 500 else page(ev.id))
              if with_actors else None)
    for row in rows:
        row_id = row.pop("id")
        if actors is not None:
            row["actors"] = actors.get(row_id, [])
    return rows


def _actors_of(conn: Connection, row_ids) -> dict[int, list[dict]]:
    """Actors by event row, for a list of row ids or a SELECT of them."""
    if isinstance(row_ids, list) and not row_ids:
        return {}
    ac = schema.actors.c
    statement = (select(ac.event_row, ac.name, ac.role).where(ac.event_row.in_(row_ids))
                 .order_by(ac.event_row, ac.seq))
    found: dict[int, list[dict]] = defaultdict(list)
    for row_id, name, role in conn.execute(statement):
        found[row_id].append({"name": name, "role": role})
    return found


@dataclass(frozen=True)
class StoredRecord:
    """One stored event with its article: the record's JSON and the article's columns."""

    record: dict
    article: dict


def event_by_id(conn: Connection, event_id: str) -> StoredRecord | None:
    """The first stored event with this `event_id` (ids are per article, so one in practice)."""
    ev, art = schema.events.c, schema.articles.c
    statement = (select(ev.record, art.key, art.article_id, art.title, art.published, art.outlet, art.url,
                        art.source, art.language, art.text, art.ingested_at)
                 .join(schema.articles, art.key == ev.article_key)
                 .where(ev.event_id == event_id).order_by(ev.id).limit(1))
    row = conn.execute(statement).first()
    if row is None:
        return None
    article = dict(row._mapping)
    return StoredRecord(record=json.loads(article.pop("record")), article=article)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(conn: Connection, f: EventFilter) -> dict:
    """Counts by ISO week (its Monday) and event type, fatalities per week, types, countries.

    Grouped by day in SQL (portable across SQLite and PostgreSQL), by week here."""
    ev = schema.events.c
    where = conditions(f)
    by_day = (select(ev.event_date, ev.event_type, func.count(), func.coalesce(func.sum(ev.fatalities), 0))
              .where(*where).group_by(ev.event_date, ev.event_type))
    weeks: dict[date, Counter] = defaultdict(Counter)
    killed: Counter = Counter()
    types: Counter = Counter()
    undated = 0
    for day, event_type, count, fatalities in conn.execute(by_day):
        types[event_type] += count
        if day is None:
            undated += count
            continue
        week = monday(day)
        weeks[week][event_type] += count
        killed[week] += fatalities
    by_country = (select(ev.country_code, func.count()).where(*where).group_by(ev.country_code)
                  .order_by(func.count().desc()))
    countries = [{"code": code, "count": count} for code, count in conn.execute(by_country)]
    return {
        "total": sum(types.values()),
        "undated": undated,
        "weeks": [{"week": week, "total": sum(counts.values()), "fatalities": killed[week], "by_type": dict(counts)}
                  for week, counts in sorted(weeks.items())],
        "types": [{"type": name, "count": count} for name, count in types.most_common()],
        "countries": countries,
    }
