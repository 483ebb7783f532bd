"""Exports: stored events to the files analysts load (docs/exports.md describes each).

    with Store.open("eventwire.db") as store:
        export(store.stored_events(EventQuery(country="SY")), "acled-csv", "syria.csv")

Formats: `jsonl` (the event records, as `extract --format jsonl` prints them), `acled-csv`
(ACLED's column names), `geojson` (a FeatureCollection), `parquet` (a typed schema), and
`muc4` (one MUC-4 template document per article, as `extract --format muc4` prints it: this
one format takes `(Article, events)` pairs, from `Store.article_events`).
A file is written under a temporary name and renamed when complete, so a failed export
never leaves half a file behind; `-` writes a text format to stdout.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from eventwire.errors import UsageError
from eventwire.exports.acled import ACLED_COLUMNS, write_acled_csv
from eventwire.exports.geojson import write_geojson
from eventwire.models import Article, Event
from eventwire.store import StoredEvent

TEXT_FORMATS = ("jsonl", "acled-csv", "geojson", "muc4")
FORMATS = (*TEXT_FORMATS, "parquet")

__all__ = ["ACLED_COLUMNS", "FORMATS", "export", "write_jsonl"]


def write_jsonl(stored: Iterable[StoredEvent], out: IO[str]) -> int:
    """One event record per line, exactly as stored; return the number of lines."""
    count = 0
    for item in stored:
        out.write(item.event.model_dump_json() + "\n")
        count += 1
    return count


def write_muc4(pairs: Iterable[tuple[Article, list[Event]]], out: IO[str]) -> int:
    """One MUC-4 document per article (eventwire.muc4.format); return the number of documents."""
    from eventwire.muc4.format import write_document

    count = 0
    for article, events in pairs:
        write_document(out, article, events)
        count += 1
    return count


def export(stored: Iterable[StoredEvent], fmt: str, output: str | Path) -> int:
    """Write the events to `output` (a path, or "-" for stdout) in `fmt`; return how many
    (for `muc4`, `stored` holds `(Article, events)` pairs and the count is of documents)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if str(output) == "-":
        if fmt == "parquet":
            raise UsageError("parquet is a binary format: give a file with -o, not -")
        return _text_writer(fmt)(stored, sys.stdout)
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"{path} is a directory: give a file name with -o")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            from eventwire.exports.parquet import write_parquet  # pyarrow is slow to import

            count = write_parquet(stored, Path(temporary))
        else:
            with open(temporary, "w", encoding="utf-8", newline="") as out:
                count = _text_writer(fmt)(stored, out)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return count


def _text_writer(fmt: str):
    return {"jsonl": write_jsonl, "acled-csv": write_acled_csv, "geojson": write_geojson, "muc4": write_muc4}[fmt]
