"""Records to rows: an `Article` and its `Event`s as the column values of the store's tables.

Pure functions, no database: `store.py` inserts what these return. The event's full JSON
goes into `events.record`; the other columns are copies for indexes and queries.
"""

from __future__ import annotations

from datetime import datetime

from eventwire.models import Article, Event


def article_row(article: Article, key: str, event_count: int, now: datetime) -> dict:
    return {
        "key": key,
        "article_id": article.id,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "url": article.url,
        "language": article.language,
        "source": article.source,
        "text": article.text,
        "event_count": event_count,
        "ingested_at": now,
    }


def event_columns(event: Event) -> dict:
    """The event's identity, date and type columns, shared by the store and the flat exports."""
    return {
        "event_id": event.event_id,
        "status": event.status,
        "event_date": event.event_date,
        "date_end": event.date_end,
        "time_precision": event.time_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "cameo": event.cameo,
    }


def event_row(event: Event, article_key: str, seq: int) -> dict:
    loc = event.location
    return {
        "article_key": article_key,
        "seq": seq,
        **event_columns(event),
        "location_name": loc.name,
        "country_code": loc.country_code,
        "admin1": loc.admin1,
        "admin2": loc.admin2,
        "lat": loc.lat,
        "lon": loc.lon,
        "geo_precision": loc.geo_precision,
        "fatalities": event.fatalities.best,
        "injuries": event.injuries.best,
        "record": event.model_dump_json(),
    }


def child_rows(event: Event, event_row_id: int) -> dict[str, list[dict]]:
    """Rows for the tables named by the keys: actors, claims, evidence, sources."""
    def numbered(items: list[dict]) -> list[dict]:
        return [{"event_row": event_row_id, "seq": i, **item} for i, item in enumerate(items)]

    return {
        "actors": numbered([
            {"name": a.name, "mention": a.mention, "role": a.role, "kind": a.kind,
             "country_code": a.country_code, "inter": a.inter}
            for a in event.actors
        ]),
        "claims": numbered([
            {"field": c.field, "value": None if c.value is None else str(c.value), "text": c.text,
             "speaker": c.speaker, "outlet": c.outlet, "hedge": c.hedge, "kind": c.kind,
             "article_id": c.article_id, "start_char": c.start, "end_char": c.end}
            for c in event.claims
        ]),
        "evidence": numbered([
            {"article_id": e.article_id, "start_char": e.start, "end_char": e.end, "text": e.text}
            for e in event.evidence
        ]),
        "sources": numbered([{"name": name} for name in event.sources]),
    }
