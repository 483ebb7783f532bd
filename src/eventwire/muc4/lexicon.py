"""Role priors learned from DEV: how often a string, where it appears, fills a MUC role.

MUC-4's perpetrators, organisations and weapons repeat across documents ("FMLN",
"SHINING PATH", "DYNAMITE", "URBAN GUERRILLAS"). For each string that fills a role in
some DEV answer key, the lexicon keeps in how many DEV documents it fills the role and in
how many relevant DEV documents it appears at all; the ratio is its prior. Strings that
stood for the same entity in a key ("FMLN" / "FARABUNDO MARTI NATIONAL LIBERATION FRONT")
are aliases, so a document naming both gets one filler. Built from DEV only (the training
set); TST1/TST2 are never read here.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.muc4.gold import read_processed
from eventwire.muc4.score import normalise
from eventwire.muc4.templates import ROLES

FILE = "lexicon.json"


@dataclass
class Lexicon:
    fills: dict[str, dict[str, int]] = field(default_factory=dict)  # role -> string -> documents filled
    appears: dict[str, int] = field(default_factory=dict)  # string -> relevant documents it appears in
    aliases: dict[str, list[str]] = field(default_factory=dict)  # string -> strings of the same entity

    def prior(self, role: str, key: str) -> float:
        seen = self.appears.get(key, 0)
        return self.fills.get(role, {}).get(key, 0) / seen if seen else 0.0

    def to_disk(self, folder: Path) -> None:
        (folder / FILE).write_text(json.dumps(self.__dict__, sort_keys=True), encoding="utf-8")

    @classmethod
    def from_disk(cls, folder: Path) -> "Lexicon":
        return cls(**json.loads((folder / FILE).read_text(encoding="utf-8")))


def build_lexicon(data: Path) -> Lexicon:
    """Count fills and appearances over the DEV answer keys (`processed/grit-train.jsonl`)."""
    fills: dict[str, Counter] = {role: Counter() for role in ROLES}
    aliases: dict[str, set[str]] = defaultdict(set)
    relevant_texts = []
    for record in read_processed(data, "grit-train.jsonl"):
        if not record["docid"].startswith("DEV-"):
            continue
        extracts = record["extracts"]
        if any(extracts.get(role) for role in ROLES):
            relevant_texts.append(" " + normalise(record["doctext"]) + " ")
        for role in ROLES:
            keys = set()
            for entity in extracts.get(role, []):
                names = {normalise(m) for m, _ in entity} - {""}
                keys |= names
                for name in names:
                    aliases[name] |= names - {name}
            fills[role].update(keys)
    strings = set().union(*fills.values())
    appears = {key: sum(f" {key} " in text for text in relevant_texts) for key in strings}
    return Lexicon(fills={r: dict(c) for r, c in fills.items()}, appears=appears,
                   aliases={k: sorted(v) for k, v in aliases.items() if v})


def find(lexicon: Lexicon, text: str, role: str, *, min_prior: float, min_fills: int = 2) -> list[tuple[str, int, int]]:
    """Lexicon strings of `role` found in `text` with a prior of at least `min_prior`:
    (key, start, end) of the first occurrence, aliases of a kept string left out."""
    lowered, words = text.lower(), f" {normalise(text)} "
    found: dict[str, tuple[int, int]] = {}
    for key, count in lexicon.fills.get(role, {}).items():
        if count < min_fills or f" {key} " not in words or lexicon.prior(role, key) < min_prior:
            continue  # the substring test spares most regular expressions
        match = re.search(_pattern(key), lowered)
        if match:
            found[key] = match.span()
    kept: list[tuple[str, int, int]] = []
    for key in sorted(found, key=lambda k: -lexicon.prior(role, k)):
        if not any(other in lexicon.aliases.get(key, ()) for other, _, _ in kept):
            kept.append((key, *found[key]))
    return kept


def _pattern(key: str) -> str:
    """A normalised key found in raw text: words apart by spaces or punctuation."""
    return r"(?<!\w)" + r"[\W_]+".join(re.escape(w) for w in key.split()) + r"(?!\w)"
