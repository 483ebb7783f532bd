"""The store keeps articles and events exactly, skips what it has, and filters for export:
on SQLite and (when EVENTWIRE_TEST_PG_URL is set) PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import create_engine, inspect, select, text

from store_backends import BACKENDS, fresh_database
from eventwire.errors import SetupError, UsageError
from eventwire.models import Actor, Article, Claim, Count, Event, Evidence, Location
from eventwire.store import EventQuery, Store, article_key, database_url, schema
from eventwire.store.migrate import current_version

TEXT = ("BEIRUT (Reuters) - More than 100 pro-regime fighters were killed in coalition strikes after "
        "attacking SDF headquarters near Khasham on Wednesday, a U.S. official told Reuters.")


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    yield from fresh_database(request.param, tmp_path)


@pytest.fixture
def store(url):
    with Store.open(url) as opened:
        yield opened


def article(id="reuters-1", text=TEXT, published=date(2018, 2, 8)) -> Article:
    return Article(id=id, text=text, published=published, outlet="Reuters", source=f"{id}.txt")


def strike(article_id="reuters-1", *, day=date(2018, 2, 7), country="SY", sub="Air/drone strike") -> Event:
    start = TEXT.index("More than 100")
    return Event(
        event_id=f"ew-{article_id}-{sub[:3]}", event_date=day, time_precision=1,
        event_type="Explosions/Remote violence", sub_event_type=sub, cameo="195",
        actors=[Actor(name="Coalition Forces", mention="coalition", role="attacker", kind="external/other forces",
                      inter=8),
                Actor(name="Pro-regime militia", mention="pro-regime fighters", role="victim", inter=3)],
        location=Location(name="Khasham", mention="Khasham", country_code=country, admin1="Deir ez-Zor",
                          lat=35.29, lon=40.29, geonames_id=171722, geo_precision=2),
        fatalities=Count(best=100, low=100, qualifier="more_than", text="More than 100"),
        claims=[Claim(field="fatalities", value=100, text="More than 100 pro-regime fighters were killed",
                      speaker="a U.S. official", outlet="Reuters", article_id=article_id, start=start,
                      end=start + 45)],
        sources=["Reuters", "a U.S. official"], articles=[article_id],
        evidence=[Evidence(article_id=article_id, start=start, end=len(TEXT), text=TEXT[start:])],
        policies={"fatalities": "acled_conservative.v1"},
    )


def test_an_event_round_trips_exactly(store):
    event = strike()
    assert store.add(article(), [event])
    (back,) = store.events()
    assert back == event
    assert back.model_dump_json() == event.model_dump_json()


def test_each_item_is_a_row_for_queries(store):
    store.add(article(), [strike()])
    assert store.counts() == {"articles": 1, "events": 1, "actors": 2, "claims": 1, "evidence": 1, "sources": 2}
    with store.engine.connect() as conn:
        speakers = conn.execute(select(schema.claims.c.speaker, schema.claims.c.value)).all()
        attackers = conn.execute(select(schema.actors.c.name).where(schema.actors.c.role == "attacker")).scalars()
        assert speakers == [("a U.S. official", "100")]
        assert list(attackers) == ["Coalition Forces"]


def test_the_same_article_is_stored_once_whatever_its_id_or_path(store):
    assert store.add(article(), [strike()])
    assert not store.add(article(), [strike()])
    assert not store.add(article(id="copy-of-reuters-1"), [strike("copy-of-reuters-1")])
    assert store.counts()["events"] == 1
    assert store.add(article(published=date(2018, 2, 9)), [])  # another date: another article


def test_an_article_without_events_is_done_too(store):
    quiet = article(text="The ministry held a press conference on Tuesday.")
    assert store.add(quiet, [])
    assert store.has(article_key(quiet))
    assert list(store.events()) == []


def test_a_batch_is_one_transaction(store):
    def pairs():
        yield article(), [strike()]
        raise RuntimeError("extraction crashed mid-batch")

    with pytest.raises(RuntimeError):
        store.add_many(pairs())
    assert store.counts()["articles"] == 0
    assert store.add_many([(article(), [strike()]), (article(id="b", text="Clashes in Idlib."), [])]) == 2


def test_queries_filter_by_date_country_and_type(store):
    store.add(article("a", TEXT + " a"), [strike("a", day=date(2018, 2, 7))])
    store.add(article("b", TEXT + " b"), [strike("b", day=date(2018, 3, 1), country="IQ", sub="Shelling/artillery/missile attack")])
    store.add(article("c", TEXT + " c"), [strike("c", day=None)])

    def ids(**query):
        return [e.articles[0] for e in store.events(EventQuery(**query))]

    assert ids() == ["a", "b", "c"]  # by date, undated last
    assert ids(since=date(2018, 2, 8)) == ["b"]
    assert ids(until=date(2018, 2, 28)) == ["a"]
    assert ids(country="iq") == ["b"]
    assert ids(event_type="explosions/remote violence") == ["a", "b", "c"]
    assert ids(event_type="Shelling/artillery/missile attack") == ["b"]


def test_articles_come_back_with_their_events(store):
    quiet = article("quiet", "The ministry held a press conference on Tuesday.")
    store.add(article("b", TEXT + " b"), [strike("b"), strike("b", sub="Shelling/artillery/missile attack")])
    store.add(quiet, [])
    store.add(article("a", TEXT + " a"), [strike("a", country="IQ")])
    pairs = list(store.article_events())
    assert [(a.id, [e.sub_event_type for e in events]) for a, events in pairs] == [
        ("a", ["Air/drone strike"]), ("b", ["Air/drone strike", "Shelling/artillery/missile attack"]), ("quiet", [])]
    assert pairs[2][0] == quiet.model_copy(update={"published_from": None})
    syrian = [(a.id, len(events)) for a, events in store.article_events(EventQuery(country="SY"))]
    assert syrian == [("b", 2)]


def test_stored_events_say_when_they_were_ingested(store):
    store.add(article(), [strike()])
    (stored,) = store.stored_events()
    assert stored.article_key == article_key(article())
    assert stored.ingested_at.tzinfo is not None


def test_the_migrated_tables_are_those_schema_py_describes(url):
    Store.open(url).close()
    Store.open(url).close()  # opening again migrates nothing and stamps nothing
    engine = create_engine(url)
    found = inspect(engine)
    for table in schema.metadata.sorted_tables:
        assert {c["name"] for c in found.get_columns(table.name)} == set(table.columns.keys())
        assert {i["name"] for i in found.get_indexes(table.name)} >= {i.name for i in table.indexes}
    with engine.connect() as conn:
        assert current_version(conn) == schema.SCHEMA_VERSION
        assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [1]
    engine.dispose()


def test_a_database_from_a_newer_eventwire_is_refused(url):
    Store.open(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_version (version, applied_at, note) "
                          "VALUES (99, CURRENT_TIMESTAMP, 'future')"))
    engine.dispose()
    with pytest.raises(SetupError, match="schema version 99"):
        Store.open(url)


def test_an_upgrade_step_runs_once_on_an_older_database(url, monkeypatch):
    from eventwire.store import migrate

    Store.open(url).close()  # a version-1 store

    def add_language_index(conn):
        """index articles by language"""
        conn.execute(text("CREATE INDEX ix_articles_language ON articles (language)"))

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrate.UPGRADES, 2, add_language_index)
    Store.open(url).close()
    Store.open(url).close()  # already at version 2: nothing runs (a second CREATE INDEX would fail)
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(schema.schema_version.c.version, schema.schema_version.c.note)).all() == [
            (1, "created"), (2, "index articles by language")]
    assert "ix_articles_language" in {i["name"] for i in inspect(engine).get_indexes("articles")}
    engine.dispose()


def test_readers_refuse_a_database_without_a_store(url, tmp_path):
    with pytest.raises(SetupError, match="no such file"):
        Store.open(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()
    if url.startswith("postgresql"):
        with pytest.raises(SetupError, match="holds no eventwire store"):
            Store.open(url, create=False)


def test_sqlite_runs_in_wal_mode(tmp_path):
    with Store.open(tmp_path / "events.db") as store:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_urls_and_paths():
    assert database_url(None) == "sqlite:///eventwire.db"
    assert database_url("out/x.db") == "sqlite:///out/x.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql://u@h/db") == database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_bad_databases_are_named_with_the_reason(tmp_path):
    with pytest.raises(UsageError, match=r"nosuchdb://me:\*\*\*@x") as refused:
        Store.open("nosuchdb://me:secret@x")
    assert "secret" not in str(refused.value)
    with pytest.raises(SetupError, match="cannot open the database .*missing"):
        Store.open(f"sqlite:///{tmp_path}/missing/dir/events.db")
    with pytest.raises(SetupError, match=r"postgresql\+psycopg://eventwire:\*\*\*@127.0.0.1:1/none"):
        Store.open("postgresql+psycopg://eventwire:secret@127.0.0.1:1/none")


def test_two_writers_at_once_both_succeed(tmp_path):
    import threading

    url = f"sqlite:///{tmp_path / 'events.db'}"
    Store.open(url).close()
    failures = []

    def write(prefix):
        try:
            with Store.open(url) as store:
                for n in range(25):
                    store.add(article(f"{prefix}{n}", f"{TEXT} {prefix}{n}"), [strike(f"{prefix}{n}")])
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            failures.append(error)

    writers = [threading.Thread(target=write, args=(p,)) for p in "ab"]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    assert failures == []
    with Store.open(url) as store:
        assert store.counts()["events"] == 50


def test_stores_opened_at_once_on_a_new_database_all_open(url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_):
        with Store.open(url) as store:
            return store.counts()["articles"]

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [1]
    engine.dispose()
