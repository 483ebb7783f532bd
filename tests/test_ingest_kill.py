"""`kill -9` during `eventwire ingest`, then the same command again: the store holds exactly
the events of an uninterrupted run, none lost, none doubled. On SQLite and PostgreSQL.

The demo corpus (45 articles) is ingested in a subprocess that is killed with SIGKILL once
some batches are committed (and again later in the resumed run), so the kill lands while
batches are being extracted and written."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store_backends import BACKENDS, fresh_database
from eventwire.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.jsonl"
ARTICLES = sum(1 for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip())


def ingest_command(url: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(DEMO), "--db", url, "--commit-every", "2"]


@pytest.fixture(scope="module")
def env(settings):
    from eventwire.places import Gazetteer

    Gazetteer.open(settings)  # built once here, so no run is killed while building it
    return {**os.environ, "EVENTWIRE_CACHE_DIR": str(settings.cache_dir)}


@pytest.fixture(scope="module")
def uninterrupted(env, tmp_path_factory) -> list[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'events.db'}"
    done = subprocess.run(ingest_command(url), env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return stored(url)


def stored(url: str) -> list[str]:
    """The stored events as JSON lines, in the store's order (by date, then event id)."""
    with Store.open(url) as store:
        return [event.model_dump_json() for event in store.events()]


def article_count(url: str) -> int:
    with Store.open(url, create=False) as store:
        return store.counts()["articles"]


def kill_after(url: str, env: dict, articles: int) -> int:
    """Start the ingest, SIGKILL it once `articles` are stored; return how many were stored."""
    process = subprocess.Popen(ingest_command(url), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        while article_count(url) < articles:
            assert process.poll() is None, f"ingest ended before the kill: {process.stderr.read().decode()}"
            assert time.monotonic() < deadline, "ingest stored too little in 300 s"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    return article_count(url)


@pytest.mark.parametrize("backend", BACKENDS)
def test_kill_9_then_the_same_command_stores_exactly_an_uninterrupted_run(backend, env, uninterrupted, tmp_path):
    for url in fresh_database(backend, tmp_path):
        Store.open(url).close()  # the tables exist before the first poll
        first = kill_after(url, env, 5)
        assert 5 <= first < ARTICLES
        second = kill_after(url, env, first + 10)  # the resumed run is killed too
        assert first + 10 <= second < ARTICLES
        done = subprocess.run(ingest_command(url), env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        assert f"skipped {second} already stored" in done.stderr
        assert article_count(url) == ARTICLES
        events = stored(url)
        assert len(events) == len(uninterrupted) > 0
        assert events == uninterrupted
        assert len({json.loads(e)["event_id"] for e in events}) == len(events)
