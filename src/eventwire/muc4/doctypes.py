"""Incident types of a document: a logistic regression over hashed words and word pairs.

Seven outputs, each a probability: the six MUC incident types and "relevant" (the document
reports at least one incident). Trained on DEV's answer keys (`processed/gtt-train.jsonl`)
by seeded stochastic gradient descent in numpy; stored as `doctypes.npz` (the nonzero
weights only). Chosen over spaCy's bag-of-words classifier because, trained on the same
DEV documents, it generalised better to TST1+TST2 (incident-type F1 0.65 against 0.47).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.muc4.gold import read_processed
from eventwire.muc4.templates import INCIDENT_TYPES

FILE = "doctypes.npz"
OUTPUTS = (*INCIDENT_TYPES, "relevant")
BUCKETS = 2**18
_WORD = re.compile(r"[a-z]+")


def features(text: str) -> np.ndarray:
    """Hashed lower-case words and adjacent word pairs, each once."""
    words = _WORD.findall(text.lower())
    grams = words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
    return np.array(sorted({zlib.crc32(g.encode()) % BUCKETS for g in grams}), dtype=np.int64)


@dataclass
class DocTypes:
    weights: np.ndarray  # BUCKETS x len(OUTPUTS)
    bias: np.ndarray

    def probabilities(self, text: str) -> dict[str, float]:
        idx = features(text)
        z = self.weights[idx].sum(0) / np.sqrt(max(len(idx), 1)) + self.bias
        return dict(zip(OUTPUTS, (1 / (1 + np.exp(-z))).tolist()))

    def to_disk(self, folder: Path) -> None:
        rows = np.flatnonzero(np.abs(self.weights).sum(1) > 1e-6)
        np.savez_compressed(folder / FILE, rows=rows, values=self.weights[rows].astype(np.float32), bias=self.bias)

    @classmethod
    def from_disk(cls, folder: Path) -> "DocTypes":
        stored = np.load(folder / FILE)
        weights = np.zeros((BUCKETS, len(OUTPUTS)))
        weights[stored["rows"]] = stored["values"]
        return cls(weights=weights, bias=stored["bias"])


def train_doctypes(data: Path, *, seed: int = 0, epochs: int = 15, l2: float = 1e-4, rate: float = 0.5) -> DocTypes:
    """Fit on the DEV documents of `processed/gtt-train.jsonl`."""
    records = [r for r in read_processed(data, "gtt-train.jsonl") if r["docid"].startswith("DEV-")]
    xs = [features(r["doctext"]) for r in records]
    ys = np.array([[float(any(_kind(t) == k for t in r["templates"])) for k in INCIDENT_TYPES]
                   + [float(bool(r["templates"]))] for r in records])
    rng = np.random.default_rng(seed)
    weights, bias = np.zeros((BUCKETS, len(OUTPUTS))), np.zeros(len(OUTPUTS))
    for _ in range(epochs):
        for i in rng.permutation(len(xs)):
            idx, scale = xs[i], 1 / np.sqrt(max(len(xs[i]), 1))
            p = 1 / (1 + np.exp(-(weights[idx].sum(0) * scale + bias)))
            grad = p - ys[i]
            weights[idx] -= rate * (grad[None, :] * scale + l2 * weights[idx])
            bias -= rate * grad
    return DocTypes(weights=weights, bias=bias)


def _kind(template: dict) -> str:
    return template["incident_type"].split("/")[0].strip()
