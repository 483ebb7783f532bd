"""Throughput: bare spaCy `nlp.pipe` against `eventwire extract` end to end, same documents.

Usage: python benchmarks/throughput.py [--docs 200] [--data PATH/grit-train.jsonl] [--no-role-model]

Both sides get the same texts (by default the first 200 of MUC-4's GRIT training file, as
lower-case wire copy) and the same spaCy model; models and the gazetteer are loaded before
timing. eventwire's side reads the texts from a JSON Lines file, extracts, and writes JSON
Lines to /dev/null, as the CLI does. Prints words/s for both and `ratio R` = eventwire / spaCy.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import spacy

from eventwire.nlp import MODEL_CANDIDATES
from eventwire.output import Writer
from eventwire.pipeline import Pipeline
from eventwire.readers import read_inputs
from eventwire.settings import Settings

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/eval/muc4/processed/grit-train.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-role-model", action="store_true", help="eventwire without the trained role model")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data {args.data} is absent (it lives in ../shared on developer machines)")
        return 2
    texts = [json.loads(line)["doctext"] for line in args.data.open()][: args.docs]
    words = sum(len(t.split()) for t in texts)
    settings = Settings(role_model=not args.no_role_model)

    bare = _load_bare()
    pipeline = Pipeline(settings).load()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as feed:
        for i, text in enumerate(texts):
            feed.write(json.dumps({"id": f"doc{i}", "text": text}) + "\n")
    list(bare.pipe(texts[:5]))  # warm both up
    list(pipeline.process(_articles(feed.name, settings, 5)))

    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=settings.batch_size):
        pass
    spacy_seconds = time.perf_counter() - start

    start = time.perf_counter()
    writer = Writer("jsonl", io.StringIO())
    events = 0
    for article, found in pipeline.process(_articles(feed.name, settings)):
        writer.write(article, found)
        events += len(found)
    eventwire_seconds = time.perf_counter() - start
    os.unlink(feed.name)

    spacy_rate, eventwire_rate = words / spacy_seconds, words / eventwire_seconds
    print(f"machine: {platform.machine()}, {os.cpu_count()} cpus, Python {platform.python_version()}")
    print(f"documents: {len(texts)}, words: {words}, events: {events}")
    print(f"bare spaCy ({bare.meta['name']}): {spacy_rate:,.0f} words/s ({spacy_seconds:.1f} s)")
    print(f"eventwire extract: {eventwire_rate:,.0f} words/s ({eventwire_seconds:.1f} s)")
    print(f"ratio R {eventwire_rate / spacy_rate:.2f}")
    return 0


def _load_bare():
    for name in MODEL_CANDIDATES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("no spaCy English model installed")


def _articles(path: str, settings: Settings, limit: int | None = None):
    for n, item in enumerate(read_inputs([path], settings=settings)):
        if limit is not None and n >= limit:
            return
        yield item


if __name__ == "__main__":
    sys.exit(main())
