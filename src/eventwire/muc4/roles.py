"""The trained role model: MUC role slots and incident types from text, with offsets.

    model = RoleModel()                       # nothing is loaded yet
    reading = model.read(article.text)        # loads src/eventwire/trained/muc4/roles once
    reading.spans  -> [RoleSpan(role="PerpOrg", start=253, end=292, text="GUATEMALAN ...")]
    reading.types  -> {"attack": 0.93, "bombing": 0.08, ...}

The model (spaCy: en_core_web_sm's tok2vec fine-tuned, NER over the five slots; its
text classifier is trained alongside but the system takes incident types from `doctypes`)
was trained on lower-cased text, so the text
it reads is `model_text(text)`: lower case, brackets as parentheses, line breaks as spaces,
the same length as the input, so offsets are offsets into the original text.

For news articles, `NEWS_ROLES` maps the slots onto eventwire's actor roles
(PerpInd/PerpOrg -> attacker, Target -> target, Victim -> victim, Weapon -> weapon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[1] / "trained" / "muc4"  # roles/, lexicon.json, doctypes.npz
NEWS_ROLES = {"PerpInd": "attacker", "PerpOrg": "attacker", "Target": "target", "Victim": "victim",
              "Weapon": "weapon"}
_SAME_LENGTH = str.maketrans({"[": "(", "]": ")", "\n": " ", "\t": " "})
_BODY = re.compile(r"\[TEXT\]|--", re.I)  # the message body starts after the dateline's "--" / "[TEXT]"


@dataclass(frozen=True)
class RoleSpan:
    role: str  # PerpInd, PerpOrg, Target, Victim, Weapon
    start: int  # character offsets into the text given to `read`
    end: int
    text: str  # as written in that text


@dataclass(frozen=True)
class Reading:
    spans: list[RoleSpan] = field(default_factory=list)
    types: dict[str, float] = field(default_factory=dict)  # incident type -> probability


def model_text(text: str) -> str:
    """Example: `model_text("[TEXT] THE FMLN\\nATTACKED")` is "(text) the fmln attacked"."""
    return text.lower().translate(_SAME_LENGTH)


def body_start(text: str) -> int:
    """Where a MUC message's body starts: after "[TEXT]", else after the dateline's "--"."""
    head = text[:600]
    marker = next((m for m in _BODY.finditer(head) if m.group().upper() == "[TEXT]"), None)
    marker = marker or _BODY.search(head)
    return marker.end() if marker else 0


class RoleModel:
    """The trained pipeline, loaded on first `read` (not in the constructor)."""

    def __init__(self, path: Path = MODEL_DIR / "roles"):
        self.path = Path(path)
        self._nlp = None

    @property
    def available(self) -> bool:
        return (self.path / "meta.json").is_file()

    def _load(self):
        if self._nlp is None:
            import spacy

            self._nlp = spacy.load(self.path)
        return self._nlp

    def read(self, text: str, *, start: int = 0) -> Reading:
        """Role spans (offsets into `text`) and incident-type probabilities of `text[start:]`."""
        return self.read_many([(text, start)])[0]

    def read_many(self, items: list[tuple[str, int]], batch_size: int = 16) -> list[Reading]:
        nlp = self._load()
        docs = nlp.pipe((model_text(text[start:]) for text, start in items), batch_size=batch_size)
        readings = []
        for (text, start), doc in zip(items, docs):
            spans = [RoleSpan(e.label_, start + e.start_char, start + e.end_char,
                              text[start + e.start_char : start + e.end_char]) for e in doc.ents]
            readings.append(Reading(spans=spans, types=dict(doc.cats)))
        return readings
