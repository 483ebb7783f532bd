"""The MUC-4 system: a document's templates from the trained role model and our events.

Policy "muc4-system.v1" (`Muc4Policy` holds its numbers, tuned on TST1+TST2):
1. incident types: the classifier's types at or above `type_threshold`; when none is, the
   most probable one if it reaches `relevance_threshold`; else the document has no
   relevant incident and no template (a third of MUC documents have none);
2. role fillers: the role model's spans in the message body, one string per distinct
   normalised mention; a string the model gave two roles keeps the role it gave most;
   with `merge_nested`, a filler that is a word-run inside a longer one of the same role
   ("FARM" in "LA EMINENCIA FARM") is the same entity and is dropped;
3. events (`use_events`): types and fillers mapped from eventwire's events
   (`mapping.templates_from_events`) are added when the model found the document relevant;
4. templates: one per incident type; the fillers are document-level and sit in the first
   (the metric of Du et al. 2021 scores fillers per document, not per template).
Without a trained model (`RoleModel.available` false) the events alone give the templates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.models import Article, Event
from eventwire.muc4.mapping import templates_from_events
from eventwire.muc4.roles import Reading, RoleModel, body_start
from eventwire.muc4.score import normalise
from eventwire.muc4.templates import ROLES, Muc4Document, Template

POLICY = "muc4-system.v1"


@dataclass(frozen=True)
class Muc4Policy:
    type_threshold: float = 0.5
    relevance_threshold: float = 0.5
    merge_nested: bool = False
    use_events: bool = False


class Muc4System:
    """Templates for MUC documents. Loads the role model on first use."""

    def __init__(self, model: RoleModel | None = None, policy: Muc4Policy = Muc4Policy()):
        self.model = model or RoleModel()
        self.policy = policy

    def read(self, articles: list[Article]) -> list[Reading | None]:
        if not self.model.available:
            return [None] * len(articles)
        return self.model.read_many([(a.text, body_start(a.text)) for a in articles])

    def document(self, article: Article, events: Iterable[Event], reading: Reading | None = None) -> Muc4Document:
        if reading is None and self.model.available:
            reading = self.read([article])[0]
        return build_document(article.id, reading, list(events), self.policy)


def build_document(docid: str, reading: Reading | None, events: list[Event], policy: Muc4Policy) -> Muc4Document:
    from_events = templates_from_events(events)
    if reading is None:
        return Muc4Document(docid=docid, templates=from_events)
    kinds = incident_types(reading, policy)
    if not kinds:
        return Muc4Document(docid=docid)
    fillers = role_fillers(reading, policy)
    if policy.use_events:
        for template in from_events:
            kinds += [template.incident_type] if template.incident_type not in kinds else []
            for role in ROLES:
                known = {normalise(s) for r in ROLES for s in fillers[r]}
                fillers[role] += [s for s in template.fillers(role) if normalise(s) not in known]
    templates = [Template(incident_type=kinds[0], **fillers)] + [Template(incident_type=k) for k in kinds[1:]]
    return Muc4Document(docid=docid, templates=templates)


def incident_types(reading: Reading, policy: Muc4Policy) -> list[str]:
    ranked = sorted(reading.types.items(), key=lambda kv: -kv[1])
    chosen = [kind for kind, p in ranked if p >= policy.type_threshold]
    if not chosen and ranked and ranked[0][1] >= policy.relevance_threshold:
        chosen = [ranked[0][0]]
    return chosen


def role_fillers(reading: Reading, policy: Muc4Policy) -> dict[str, list[str]]:
    votes: dict[str, Counter] = defaultdict(Counter)  # normalised string -> role votes
    written: dict[str, str] = {}  # normalised string -> first string as written
    for span in reading.spans:
        key = normalise(span.text)
        if key:
            votes[key][span.role] += 1
            written.setdefault(key, " ".join(span.text.split()))
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for key, counter in votes.items():
        by_role[counter.most_common(1)[0][0]].append(key)
    if policy.merge_nested:
        for role, keys in by_role.items():
            by_role[role] = [k for k in keys if not any(k != o and f" {k} " in f" {o} " for o in keys)]
    return {role: [written[k] for k in keys] for role, keys in by_role.items()}
