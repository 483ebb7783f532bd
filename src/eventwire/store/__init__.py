"""The store: articles and events in SQLite (default `./eventwire.db`) or PostgreSQL.

    from eventwire.store import Store, EventQuery
    with Store.open("postgresql+psycopg://eventwire@localhost/events") as store:
        store.add(article, events)
        events = list(store.events(EventQuery(country="SY", since=date(2018, 1, 1))))

`ingest` (in `ingest.py`) feeds a store from readers and an extraction engine, skipping
articles already stored, one transaction per batch.
"""

from eventwire.store.keys import ARTICLE_KEY_POLICY, article_key
from eventwire.store.schema import SCHEMA_VERSION
from eventwire.store.store import DEFAULT_DB, EventQuery, Store, StoredEvent, database_url

__all__ = [
    "ARTICLE_KEY_POLICY",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "EventQuery",
    "Store",
    "StoredEvent",
    "article_key",
    "database_url",
]
