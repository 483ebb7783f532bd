"""MUC-4 answer keys, read for what the processed JSON Lines leave out: slot 10 (PERP:
ORGANIZATION ID) with slot 11 (PERP: ORGANIZATION CONFIDENCE), per document.

A key file is templates separated by blank lines; each slot is a numbered line whose value may
go on over indented lines. A slot-11 value line reads `LABEL [/ LABEL]: "ORG" / "ALIAS"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SLOT = re.compile(r"^(\d+)\.\s+[A-Z :]+?\s{2,}(.*)$")
QUOTED = re.compile(r'"((?:\\"|[^"])*)"')


@dataclass(frozen=True)
class GoldOrganisation:
    names: tuple[str, ...]  # alternative strings of one organisation
    labels: tuple[str, ...]  # accepted confidence labels


def read_confidences(paths: list[Path]) -> dict[str, list[GoldOrganisation]]:
    """Gold organisations with their confidence labels, by docid (each counted once per doc)."""
    found: dict[str, dict[tuple[str, ...], GoldOrganisation]] = {}
    for path in paths:
        for docid, values in _slot_values(path.read_text(encoding="latin-1"), "11"):
            for value in values:
                org = _organisation(value)
                if org is not None:
                    found.setdefault(docid, {}).setdefault(org.names, org)
    return {docid: list(orgs.values()) for docid, orgs in found.items()}


def _slot_values(text: str, wanted: str):
    docid, slot, values = None, None, []
    for line in text.splitlines():
        match = SLOT.match(line)
        if match:
            if slot == wanted and docid:
                yield docid, values
            slot, values = match.group(1), [match.group(2).strip()]
            if slot == "0":
                docid = match.group(2).split()[0]  # "DEV-MUC3-0001 (NCCOSC)" -> the id
        elif line.startswith(" ") and line.strip() and slot is not None:
            values.append(line.strip())
        elif not line.strip():
            if slot == wanted and docid:
                yield docid, values
            slot, values = None, []
    if slot == wanted and docid:
        yield docid, values


def _organisation(value: str) -> GoldOrganisation | None:
    if ":" not in value or value in ("*", "-"):
        return None
    labels, _, names = value.partition(":")
    strings = tuple(s.replace('\\"', '"') for s in QUOTED.findall(names))
    if not strings:
        return None
    accepted = tuple(label.strip(" ?()") for label in labels.split("/"))
    return GoldOrganisation(strings, tuple(label for label in accepted if label))


def key_files(data: Path, splits: list[str]) -> list[Path]:
    """The answer-key files of the splits ("dev", "tst1", "tst2") under `data`."""
    return [p for split in splits for p in sorted((data / split).glob("key-*"))]


@dataclass(frozen=True)
class ConfidenceScore:
    gold: int  # gold perpetrator organisations
    found: int  # of them, named by a predicted PerpOrg string
    correct: int  # of those found, with an accepted label

    def report(self) -> str:
        share = self.found / self.gold if self.gold else 0.0
        accuracy = self.correct / self.found if self.found else 0.0
        return (f"PerpOrg confidence: found {self.found}/{self.gold} gold organisations ({share:.1%}), "
                f"label accuracy on those found {self.correct}/{self.found} ({accuracy:.1%})")


def score_confidence(predicted: dict, gold: dict[str, list[GoldOrganisation]]) -> ConfidenceScore:
    """Per gold organisation: found when a predicted PerpOrg string is one of its names
    (normalised as the role scorer does); correct when that string's label is accepted."""
    from eventwire.muc4.score import normalise

    total = found = correct = 0
    for docid, organisations in gold.items():
        labels: dict[str, str] = {}
        document = predicted.get(docid)
        for template in document.templates if document else []:
            for name in template.PerpOrg:
                labels.setdefault(normalise(name), template.confidence.get(name, ""))
        for org in organisations:
            total += 1
            hit = next((labels[normalise(n)] for n in org.names if normalise(n) in labels), None)
            if hit is not None:
                found += 1
                correct += hit in org.labels
    return ConfidenceScore(total, found, correct)
