"""Ingest throughput: articles/s of `eventwire ingest` in one process, into SQLite and PostgreSQL,
against extraction alone (the same articles, nothing stored).

Usage: python benchmarks/ingest.py [--data FILE.jsonl ...] [--pg URL] [--commit-every 16]

By default the data is the bundled demo corpus (45 press releases) and, when ../shared is
present, the 200 texts of MUC-4's processed/grit-dev.jsonl (used for timing only). The spaCy
model and the gazetteer are loaded, and one untimed pass over the articles fills lazy tables
and caches, before timing; each store run starts from an empty
database. PostgreSQL is measured when --pg or EVENTWIRE_TEST_PG_URL names a server (the URL's
database is used for a scratch database `ew_bench`, created and dropped here).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from eventwire.models import Article
from eventwire.pipeline import Pipeline
from eventwire.readers import read_inputs
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo.jsonl"
MUC = ROOT.parent / "shared" / "eval" / "muc4" / "processed" / "grit-dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="*")
    parser.add_argument("--pg", default=os.environ.get("EVENTWIRE_TEST_PG_URL"))
    parser.add_argument("--commit-every", type=int, default=16)
    args = parser.parse_args()
    settings = Settings()
    articles = load_articles(args.data or [p for p in (DEMO, MUC) if p.exists()], settings)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline(settings).load()
    engine = lambda batch, on_failure: pipeline.process(batch, on_error=on_failure)  # noqa: E731
    print(f"{len(articles)} articles, {words:,} words; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")

    for _ in engine(articles, None):  # warm-up, untimed: lazy tables and caches fill alike for every run
        pass
    started = time.perf_counter()
    events = sum(len(found) for _, found in engine(articles, None))
    report("extraction only (nothing stored)", len(articles), events, time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as folder:
        measure("ingest into SQLite (WAL)", f"sqlite:///{folder}/bench.db", articles, engine, args.commit_every)
    if args.pg:
        for url in scratch_pg(args.pg):
            measure("ingest into PostgreSQL", url, articles, engine, args.commit_every)
    return 0


def load_articles(paths: list[Path], settings: Settings) -> list[Article]:
    """Articles from JSON Lines files; MUC-4's `{"docid", "doctext"}` records are read too."""
    found: list[Article] = []
    for path in paths:
        first = json.loads(path.open(encoding="utf-8").readline())
        if "doctext" in first:
            found += [Article(id=r["docid"], text=r["doctext"]) for r in map(json.loads, path.open())]
        else:
            found += [a for a in read_inputs([path], settings=settings) if isinstance(a, Article)]
    return found


def measure(label: str, url: str, articles, engine, commit_every: int) -> None:
    with Store.open(url) as store:
        done = ingest(articles, store, engine, commit_every=commit_every)
        report(label, done.stored, done.events, done.seconds)
        again = ingest(articles, store, engine, commit_every=commit_every)
        print(f"    re-run: {again.skipped} skipped, {again.stored} stored, {again.seconds:.2f} s")


def report(label: str, count: int, events: int, seconds: float) -> None:
    print(f"{label}: {count} articles, {events} events in {seconds:.1f} s = {count / seconds:.1f} articles/s")


def scratch_pg(base_url: str):
    from sqlalchemy import create_engine, make_url, text

    base = make_url(base_url)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('DROP DATABASE IF EXISTS "ew_bench" WITH (FORCE)'))
        conn.execute(text('CREATE DATABASE "ew_bench"'))
    try:
        yield base.set(database="ew_bench").render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text('DROP DATABASE IF EXISTS "ew_bench" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
