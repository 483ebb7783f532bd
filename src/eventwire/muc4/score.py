"""The MUC-4 metric of Du et al. (2021), as GRIT and GTT report it, and incident-type F1.

Role fillers are scored per document, ignoring which template they sit in: for each role,
the gold entities are sets of alternative mentions ("guerrilla column" / "guerrillas"), and
a predicted string matches a gold entity when its normalised form is one of that entity's
normalised mentions. Each gold entity and each predicted string is matched at most once,
by maximum bipartite matching (so naming one entity twice earns one match and one false
positive). Matches, predictions and gold entities are summed over documents and roles.
A document's predicted strings are deduplicated after normalisation per role: a string
repeated across templates is one prediction.

Incident types are scored per document as sets: predicted types against gold types (a
gold type written "bombing / attack" is matched by either), summed over documents.

Normalisation (SQuAD's): lower case, no punctuation, no articles a/an/the, one space.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from eventwire.muc4.templates import ROLES, Muc4Document

_PUNCTUATION = str.maketrans("", "", string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalise(text: str) -> str:
    """Example: `normalise('The "Santo Tomas" Farm')` is "santo tomas farm"."""
    text = _ARTICLES.sub(" ", text.lower().translate(_PUNCTUATION))
    return " ".join(text.split())


@dataclass(frozen=True)
class GoldDocument:
    """One document's answer key: per role, entities as lists of alternative mentions;
    incident types as lists of alternatives (almost always one)."""

    docid: str
    roles: Mapping[str, Sequence[Sequence[str]]]
    incident_types: Sequence[Sequence[str]] = ()


@dataclass
class Tally:
    """Matches, predictions and gold items; precision, recall and F1 from them."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Tally") -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Per-role tallies, their micro sum, and the document-level incident-type tally."""

    roles: dict[str, Tally] = field(default_factory=lambda: {role: Tally() for role in ROLES})
    incident_types: Tally = field(default_factory=Tally)
    documents: int = 0
    missing: list[str] = field(default_factory=list)  # gold docids with no prediction

    @property
    def micro(self) -> Tally:
        total = Tally()
        for tally in self.roles.values():
            total.add(tally)
        return total


def match_count(predicted: Iterable[str], gold: Sequence[Iterable[str]]) -> Tally:
    """Maximum bipartite matching of predicted strings to gold entities.

    Example: `match_count(["Guerrillas", "guerrilla column"], [["guerrillas", "guerrilla column"]])`
    is Tally(matched=1, predicted=2, gold=1).
    """
    strings = list(dict.fromkeys(n for n in (normalise(p) for p in predicted) if n))
    entities = [{normalise(m) for m in mentions} for mentions in gold]
    owner: dict[int, int] = {}  # gold entity -> predicted string matched to it

    def augment(i: int, seen: set[int]) -> bool:
        for j, mentions in enumerate(entities):
            if strings[i] in mentions and j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = sum(augment(i, set()) for i in range(len(strings)))
    return Tally(matched=matched, predicted=len(strings), gold=len(entities))


def score(predictions: Mapping[str, Muc4Document], gold: Iterable[GoldDocument]) -> Score:
    """Score predictions (by docid) against the gold documents; a missing prediction is empty."""
    result = Score()
    for doc in gold:
        result.documents += 1
        predicted = predictions.get(doc.docid)
        if predicted is None:
            result.missing.append(doc.docid)
            predicted = Muc4Document(docid=doc.docid)
        for role in ROLES:
            result.roles[role].add(match_count(predicted.role_fillers(role), doc.roles.get(role, ())))
        result.incident_types.add(match_count(predicted.incident_types(), doc.incident_types))
    return result
