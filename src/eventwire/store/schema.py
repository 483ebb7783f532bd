"""The store's tables, as they are at `SCHEMA_VERSION` (see `migrate.py` for older ones).

Why this shape: an analyst filters by date, place, type and actor, so those are columns
with indexes; everything else rides in `events.record`, the event's full JSON, so a stored
event round-trips exactly through `Event.model_validate_json` even when the model gains
fields. Claims, evidence, actors and sources are also rows of their own, one per item,
for queries such as "every claim by this speaker" or "every event this outlet backs".

Articles are keyed by a content hash (`keys.article_key`): the same report read twice,
from any path, is one row, and an ingest that finds its key skips it. An article with no
events is still a row: it is done. Child rows go with their event (ON DELETE CASCADE).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 1

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("key", String(64), primary_key=True),  # sha256 of the content, see keys.py
    Column("article_id", Text, nullable=False),  # Article.id as read (not unique)
    Column("title", Text),
    Column("published", Date),
    Column("outlet", Text),
    Column("url", Text),
    Column("language", String(16)),
    Column("source", Text),  # the input it came from, e.g. "feed.jsonl:7"
    Column("text", Text, nullable=False),  # evidence offsets point into this text
    Column("event_count", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_article_id", "article_id"),
    Index("ix_articles_published", "published"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_key", String(64), ForeignKey("articles.key", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),  # order within its article
    Column("event_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("event_date", Date),
    Column("date_end", Date),
    Column("time_precision", SmallInteger),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("cameo", String(8)),
    Column("location_name", Text),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", SmallInteger),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("record", Text, nullable=False),  # Event.model_dump_json()
    UniqueConstraint("article_key", "seq", name="uq_events_article_seq"),
    Index("ix_events_event_id", "event_id"),
    Index("ix_events_date", "event_date"),
    Index("ix_events_place", "country_code", "admin1"),
    Index("ix_events_latlon", "lat", "lon"),
    Index("ix_events_type", "event_type", "sub_event_type"),
)


def _child(name: str, *columns: Column, indexes: tuple[Index, ...] = ()) -> Table:
    """A table of one event's items (actors, claims, ...): event row id + position + columns."""
    return Table(
        name,
        metadata,
        Column("event_row", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        Column("seq", Integer, primary_key=True),
        *columns,
        *indexes,
    )


actors = _child(
    "actors",
    Column("name", Text, nullable=False),
    Column("mention", Text, nullable=False),
    Column("role", String(32), nullable=False),
    Column("kind", Text),
    Column("country_code", String(2)),
    Column("inter", SmallInteger),
    indexes=(Index("ix_actors_name", "name"), Index("ix_actors_role", "role")),
)

claims = _child(
    "claims",
    Column("field", String(32), nullable=False),
    Column("value", Text),  # str() of the value; the record keeps its type
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("outlet", Text),
    Column("hedge", Text),
    Column("kind", String(16), nullable=False),
    Column("article_id", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    indexes=(Index("ix_claims_field", "field"), Index("ix_claims_speaker", "speaker")),
)

evidence = _child(
    "evidence",
    Column("article_id", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

sources = _child(
    "sources",
    Column("name", Text, nullable=False),
    indexes=(Index("ix_sources_name", "name"),),
)
