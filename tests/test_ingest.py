"""`ingest` stores each article once, in batches, tells of bad inputs and failed articles,
and a second run extracts only what the first did not store."""

import json
import os
import subprocess
import sys

import pytest

from eventwire.models import Article, Event, InputProblem
from eventwire.store import Store
from eventwire.store.ingest import engine_for, ingest


def report(n: int) -> Article:
    return Article(id=f"r{n}", text=f"Shelling killed {n} people in Idlib on Tuesday.", source=f"feed.jsonl:{n}")


def event_of(article: Article) -> Event:
    return Event(event_id=f"ew-{article.id}", event_type="Explosions/Remote violence",
                 sub_event_type="Shelling/artillery/missile attack", articles=[article.id])


class Engine:
    """Extracts one event per article, fails on the ids it is told to, and records what it saw."""

    def __init__(self, failing=()):
        self.failing, self.seen = set(failing), []

    def __call__(self, articles, on_failure):
        for article in articles:
            self.seen.append(article.id)
            if article.id in self.failing:
                on_failure(article, ValueError("no parse"))
            else:
                yield article, [event_of(article)]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "events.db") as opened:
        yield opened


def test_a_second_run_extracts_only_what_is_missing(store):
    articles = [report(n) for n in range(5)]
    first = ingest(articles[:3], store, Engine())
    assert (first.stored, first.events, first.skipped) == (3, 3, 0)
    engine = Engine()
    second = ingest(articles, store, engine)
    assert engine.seen == ["r3", "r4"]
    assert (second.stored, second.skipped) == (2, 3)
    assert sorted(e.event_id for e in store.events()) == [f"ew-r{n}" for n in range(5)]


def test_repeats_in_the_inputs_are_extracted_once(store):
    engine = Engine()
    done = ingest([report(1), report(1).model_copy(update={"id": "copy", "source": "other.txt"}), report(2)],
                  store, engine)
    assert engine.seen == ["r1", "r2"] and done.skipped == 1 and store.counts()["articles"] == 2


def test_bad_inputs_and_failed_articles_are_told_and_the_rest_stored(store):
    told = []
    items = [report(1), InputProblem(source="feed.jsonl:2", reason="not valid JSON"), report(3)]
    done = ingest(items, store, Engine(failing={"r3"}), on_problem=lambda source, why: told.append((source, why)))
    assert told == [("feed.jsonl:2", "not valid JSON"), ("feed.jsonl:3", "extraction failed: ValueError('no parse')")]
    assert (done.stored, done.problems, done.failed) == (1, 1, 1)
    retry = Engine()
    ingest([report(3)], store, retry)  # a failed article is not stored: the next run tries it again
    assert retry.seen == ["r3"]


def test_articles_are_committed_in_batches(store):
    batches = []
    add_many = store.add_many
    store.add_many = lambda pairs: batches.append(len(pairs)) or add_many(pairs)
    ingest([report(n) for n in range(7)], store, Engine(), commit_every=3)
    assert batches == [3, 3, 1]


def test_unknown_engine_is_a_usage_error(settings):
    from eventwire.errors import UsageError

    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        engine_for("spark", settings)


def test_the_command_stores_reports_and_exits_1_for_a_bad_line(tmp_path, settings):
    feed = tmp_path / "feed.jsonl"
    text = ("BEIRUT, Feb 8, 2018 (Reuters) - Islamic State militants ambushed an army convoy near Palmyra "
            "on Wednesday, killing at least 12 soldiers, a military source told Reuters.")
    feed.write_text(json.dumps({"id": "a", "text": text}) + "\n{not json\n")
    env = {**os.environ, "EVENTWIRE_CACHE_DIR": str(settings.cache_dir)}
    command = [sys.executable, "-m", "eventwire.cli", "ingest", str(feed), "--db", str(tmp_path / "e.db")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "feed.jsonl:2: not valid JSON" in done.stderr and "Traceback" not in done.stderr
    assert "stored 1 articles" in done.stderr
    with Store.open(tmp_path / "e.db") as store:
        (event,) = [e for e in store.events() if e.status == "reported"]
        assert event.fatalities.best == 12 and str(event.event_date) == "2018-02-07"
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert "stored 0 articles" in again.stderr and "skipped 1 already stored" in again.stderr


def test_the_ray_engine_is_called_with_the_settings_and_told_failures(store, settings, monkeypatch):
    """Wiring only: `--engine ray` hands articles to `engines.ray_engine.process` (tested with
    Ray itself in test_ray_engine.py); its failures count like the local engine's."""
    ray_engine = pytest.importorskip("eventwire.engines.ray_engine")
    calls = []

    def fake_process(articles, given, *, on_error=None):
        calls.append(given)
        yield from Engine(failing={"r2"})(articles, on_error)

    monkeypatch.setattr(ray_engine, "process", fake_process)
    done = ingest([report(1), report(2)], store, engine_for("ray", settings))
    assert calls == [settings] and (done.stored, done.failed) == (1, 1)
