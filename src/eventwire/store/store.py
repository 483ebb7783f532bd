"""`Store`: articles and their events in SQLite (the default, `./eventwire.db`) or PostgreSQL.

    with Store.open("sqlite:///eventwire.db") as store:   # or "postgresql+psycopg://..."
        store.add(article, events)            # one transaction: all of it or nothing
        for event in store.events(EventQuery(country="SY")):
            ...

Why these choices: SQLite runs in WAL mode so readers (an export, `serve`) never block the
one writer and a killed writer loses only its open transaction; `add_many` writes a batch
of articles in one transaction, so an interrupted ingest leaves whole articles or none,
and re-running it skips the articles already stored (`has`, by content key).
Construction does no I/O: `open()` (or `connect()`) connects and migrates.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, or_, select
from sqlalchemy.exc import ArgumentError, OperationalError

from eventwire.errors import SetupError, UsageError
from eventwire.models import Article, Event
from eventwire.store import schema
from eventwire.store.keys import article_key
from eventwire.store.migrate import migrate
from eventwire.store.rows import article_row, child_rows, event_row

DEFAULT_DB = "sqlite:///eventwire.db"


def database_url(value: str | Path | None) -> str:
    """A SQLAlchemy URL from what a user typed: a URL as it is, a plain path as SQLite.

    Example: `database_url("out/events.db")` is "sqlite:///out/events.db";
    `database_url("postgresql://u@h/db")` is "postgresql+psycopg://u@h/db".
    """
    if value is None or str(value) == "":
        return DEFAULT_DB
    text = str(value)
    for plain in ("postgresql://", "postgres://"):  # the driver eventwire installs: psycopg 3
        if text.startswith(plain):
            return "postgresql+psycopg://" + text[len(plain):]
    return text if "://" in text else f"sqlite:///{text}"


@dataclass(frozen=True)
class EventQuery:
    """Which stored events to read. Dates bound `event_date` (inclusive); `country` is an
    ISO 3166-1 alpha-2 code; `event_type` matches the event type or the sub-event type,
    ignoring case. None means no bound."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    event_type: str | None = None


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored: the record, the key of the article it came from, and when."""

    event: Event
    article_key: str
    ingested_at: datetime


class Store:
    """Articles and events in a database named by a SQLAlchemy URL (or a SQLite path)."""

    def __init__(self, url: str | Path | None = None, *, create: bool = True):
        self.url = database_url(url)
        self.create = create  # False: a database without a store is an error, not a new store
        self._engine: Engine | None = None

    @classmethod
    def open(cls, url: str | Path | None = None, *, create: bool = True) -> "Store":
        """Connect, creating or upgrading the tables. Raises `SetupError` naming the URL.
        With `create=False` (readers such as `export`) a missing store is an error."""
        return cls(url, create=create).connect()

    def connect(self) -> "Store":
        if self._engine is not None:
            return self
        try:
            sqlite = self.url.startswith("sqlite")
            engine = create_engine(self.url, connect_args={"timeout": 30} if sqlite else {})
        except (ArgumentError, ImportError) as error:
            raise UsageError(f"not a database URL eventwire can open: {self.display_url} ({error})") from error
        if engine.dialect.name == "sqlite":
            if not self.create and not _sqlite_file_exists(engine):
                raise SetupError(f"cannot open the database {self.display_url}: no such file "
                                 "(run eventwire ingest first)")
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        try:
            migrate(_writer(engine), create=self.create)
        except OperationalError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise SetupError(f"cannot open the database {self.display_url}: {reason}") from error
        except SetupError as error:
            engine.dispose()
            raise SetupError(f"cannot open the database {self.display_url}: {error}") from error
        self._engine = engine
        return self

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", self.url)

    @property
    def engine(self) -> Engine:
        return self.connect()._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> "Store":
        return self.connect()

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------

    def has(self, key: str) -> bool:
        """Whether the article with this content key (`keys.article_key`) is stored."""
        with self.engine.connect() as conn:
            found = conn.execute(select(schema.articles.c.key).where(schema.articles.c.key == key))
            return found.first() is not None

    def add(self, article: Article, events: list[Event]) -> bool:
        """Store one article and its events in one transaction; False if it was already there."""
        return self.add_many([(article, events)]) == 1

    def add_many(self, pairs: Iterable[tuple[Article, list[Event]]]) -> int:
        """Store articles with their events, all in one transaction; return how many were new.
        An article already stored (same content key) is left as it is."""
        now = datetime.now(timezone.utc)
        added = 0
        with _writer(self.engine).begin() as conn:
            for article, events in pairs:
                key = article_key(article)
                exists = select(schema.articles.c.key).where(schema.articles.c.key == key)
                if conn.execute(exists).first() is not None:
                    continue
                conn.execute(schema.articles.insert(), article_row(article, key, len(events), now))
                if events:
                    insert = schema.events.insert().returning(schema.events.c.id, sort_by_parameter_order=True)
                    ids = conn.execute(insert, [event_row(e, key, i) for i, e in enumerate(events)]).scalars()
                    for event_, row_id in zip(events, ids.all()):
                        for table, rows in child_rows(event_, row_id).items():
                            if rows:
                                conn.execute(schema.metadata.tables[table].insert(), rows)
                added += 1
        return added

    # --- reading ---------------------------------------------------------------------

    def events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        """The stored events that match, by date (undated last), then event id."""
        return (stored.event for stored in self.stored_events(query))

    def stored_events(self, query: EventQuery = EventQuery()) -> Iterator[StoredEvent]:
        """Like `events`, with each event's article key and ingestion time."""
        ev, art = schema.events.c, schema.articles.c
        statement = (
            select(ev.record, ev.article_key, art.ingested_at)
            .join(schema.articles, schema.articles.c.key == ev.article_key)
            .where(*_conditions(query))
            .order_by(ev.event_date.is_(None), ev.event_date, ev.event_id, ev.article_key, ev.seq)
        )
        with self.engine.connect() as conn:
            for record, key, ingested in conn.execution_options(yield_per=1000).execute(statement):
                if ingested.tzinfo is None:  # SQLite keeps no time zone: it was written as UTC
                    ingested = ingested.replace(tzinfo=timezone.utc)
                yield StoredEvent(Event.model_validate_json(record), key, ingested)

    def article_events(self, query: EventQuery = EventQuery()) -> Iterator[tuple[Article, list[Event]]]:
        """Each stored article with its events (in extraction order), by article id. Without
        conditions every article comes, with or without events; with some, only the articles
        that have a matching event, with those events."""
        art, ev = schema.articles.c, schema.events.c
        conditions = _conditions(query)
        articles = select(art.key, art.article_id, art.title, art.published, art.outlet, art.url, art.language,
                          art.source, art.text).order_by(art.article_id, art.key)
        if conditions:
            articles = articles.where(art.key.in_(select(ev.article_key).where(*conditions)))
        events = (select(ev.article_key, ev.record).join(schema.articles, art.key == ev.article_key)
                  .where(*conditions).order_by(art.article_id, art.key, ev.seq))
        with self.engine.connect() as reading, self.engine.connect() as more:
            found = iter(more.execution_options(yield_per=1000).execute(events))
            pending = next(found, None)
            for row in reading.execution_options(yield_per=1000).execute(articles):
                mine = []
                while pending is not None and pending.article_key == row.key:
                    mine.append(Event.model_validate_json(pending.record))
                    pending = next(found, None)
                yield Article(id=row.article_id, text=row.text, title=row.title, published=row.published,
                              outlet=row.outlet, url=row.url, language=row.language or "en", source=row.source), mine

    def counts(self) -> dict[str, int]:
        """Rows per table, e.g. {"articles": 45, "events": 52, "claims": 130, ...}."""
        names = ("articles", "events", "actors", "claims", "evidence", "sources")
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar()
                    for name in names}


def _conditions(query: EventQuery) -> list:
    ev = schema.events.c
    found = []
    if query.since is not None:
        found.append(ev.event_date >= query.since)
    if query.until is not None:
        found.append(ev.event_date <= query.until)
    if query.country:
        found.append(ev.country_code == query.country.upper())
    if query.event_type:
        wanted = query.event_type.lower()
        found.append(or_(func.lower(ev.event_type) == wanted, func.lower(ev.sub_event_type) == wanted))
    return found


def _sqlite_file_exists(engine: Engine) -> bool:
    name = engine.url.database
    return bool(name) and name != ":memory:" and Path(name).is_file()


def _writer(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they take the write lock first."""
    return engine.execution_options(eventwire_writes=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL: readers never block the writer; a killed process loses only its open transaction.
    synchronous=NORMAL is durable across a process crash (not a power cut) in WAL mode.
    Transactions are begun by `_sqlite_begin`, not by Python's sqlite3 module, which would
    begin them only at the first INSERT and leave CREATE TABLE and reads outside them."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # busy_timeout first: switching a new file to WAL takes a lock another opener may hold
    for pragma in ("busy_timeout=30000", "journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        _pragma_waiting(cursor, pragma)
    cursor.close()


def _pragma_waiting(cursor, pragma: str, wait: float = 30.0) -> None:
    """Run a PRAGMA, retrying while the file is locked: SQLite answers "database is locked"
    to a journal-mode switch at once, without its busy handler, when another connection is
    switching the same new file (seen with four stores opened at once)."""
    delay, deadline = 0.01, time.monotonic() + wait
    while True:
        try:
            cursor.execute(f"PRAGMA {pragma}")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _sqlite_begin(conn) -> None:
    """BEGIN IMMEDIATE for writers: two writers queue (busy_timeout) instead of one failing
    when its read lock cannot be upgraded; readers BEGIN (deferred) and never wait (WAL)."""
    writes = conn.get_execution_options().get("eventwire_writes")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
