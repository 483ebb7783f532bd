"""MUC-4 answer keys, read from the GRIT/GTT JSON Lines in `<data>/processed/`.

Which file is which split (checked by docid): `grit-train.jsonl` and `gtt-train.jsonl` hold
the 1,300 DEV documents (DEV-MUC3-0001..1300, MUC-4's training set); `grit-dev.jsonl` and
`gtt-dev.jsonl` hold the 200 TST1 + TST2 documents (TST1-MUC3-*, TST2-MUC4-*). These are
the keys of `tst1/key-tst1.v7`, `tst2/key-tst2.v4` and `dev/key-dev-*.muc4` in the form
published systems score on (role entities as lists of mentions; GRIT gives per document
roles, GTT per template incident types), so scores here are comparable with theirs.
The text in these files is lower-cased and reflowed: use it for training, never as input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.muc4.score import GoldDocument
from eventwire.muc4.templates import ROLES

SPLITS = {"dev": "train", "tst1": "dev", "tst2": "dev"}  # split -> processed file suffix
PREFIXES = {"dev": "DEV-", "tst1": "TST1-", "tst2": "TST2-"}
CORPUS_FILES = {"dev": "dev/dev-muc3-*", "tst1": "tst1/tst1-muc3", "tst2": "tst2/tst2-muc4"}


def default_data_dir() -> Path:
    """../shared/eval/muc4 from the working directory, else beside the source checkout."""
    here = Path("../shared/eval/muc4")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[4] / "shared" / "eval" / "muc4"


def parse_splits(text: str) -> list[str]:
    """Example: `parse_splits("tst1,tst2")` is ["tst1", "tst2"]; an unknown name is a UsageError."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in SPLITS]
    if unknown or not names:
        raise UsageError(f"unknown split {', '.join(unknown) or text!r}: choose from {', '.join(SPLITS)}")
    return names


def corpus_files(data: Path, splits: list[str]) -> list[Path]:
    """The raw corpus files (upper-case texts) of the splits, in docid order."""
    files = [f for s in splits for f in sorted(data.glob(CORPUS_FILES[s]))]
    if not files:
        raise UsageError(f"no MUC-4 corpus files for {','.join(splits)} under {data}")
    return files


def load_gold(data: Path, splits: list[str]) -> list[GoldDocument]:
    """The answer keys of the splits: role entities from GRIT's file, incident types from GTT's."""
    documents = []
    for suffix in dict.fromkeys(SPLITS[s] for s in splits):
        prefixes = tuple(PREFIXES[s] for s in splits if SPLITS[s] == suffix)
        types = {r["docid"]: r for r in read_processed(data, f"gtt-{suffix}.jsonl")}
        for record in read_processed(data, f"grit-{suffix}.jsonl"):
            if record["docid"].startswith(prefixes):
                documents.append(gold_document(record, types.get(record["docid"], {})))
    return documents


def gold_document(grit: dict, gtt: dict) -> GoldDocument:
    roles = {role: [[m for m, _ in entity] for entity in grit["extracts"].get(role, [])] for role in ROLES}
    kinds = [[k.strip() for k in t["incident_type"].split("/")] for t in gtt.get("templates", [])]
    return GoldDocument(docid=grit["docid"], roles=roles, incident_types=_distinct(kinds))


def read_processed(data: Path, name: str) -> Iterator[dict]:
    path = data / "processed" / name
    if not path.is_file():
        raise UsageError(f"{path} is missing (give --data, the folder holding processed/)")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _distinct(kinds: list[list[str]]) -> list[list[str]]:
    """Per document, incident types are a set: "attack" twice is one gold type."""
    seen: dict[tuple, list[str]] = {}
    for alternatives in kinds:
        seen.setdefault(tuple(sorted(alternatives)), alternatives)
    return list(seen.values())
