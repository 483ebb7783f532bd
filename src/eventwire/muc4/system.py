"""The MUC-4 system: a document's templates from the trained parts and our events.

Three parts trained on DEV live in `src/eventwire/trained/muc4/` (see train.py):
`doctypes.npz` (incident types and relevance), `lexicon.json` (role priors of strings)
and `roles/` (a spaCy NER over the five role slots). Policy "muc4-system.v1"
(`Muc4Policy` holds its numbers, tuned on TST1+TST2):
1. relevance: a document whose "relevant" probability is under `relevance_threshold`,
   or (`require_incident_word`) whose body names no violent act at all (`INCIDENT_WORDS`:
   the classifier sees few words in a short text and leans on place names), reports no
   incident and gets no template (a third of MUC documents have none);
2. incident types: those at or above `type_threshold`, else the most probable one;
3. role fillers, in the message body: lexicon strings whose DEV prior for a role reaches
   `min_prior` (aliases of a kept string left out), then the NER's spans
   (`use_ner`); one string per distinct normalised mention, and a string given two roles
   keeps the role with most votes (lexicon hits count `lexicon_votes`);
   with `merge_nested`, a filler that is a word-run inside a longer one of the same role
   ("FARM" in "LA EMINENCIA FARM") is taken for the same entity and dropped;
4. events: with `event_types`, the incident types mapped from eventwire's events
   (`mapping.templates_from_events`) are added to relevant documents, with `use_events`
   their fillers too;
5. templates: one per incident type; the fillers are document-level and sit in the first
   (the metric of Du et al. 2021 scores fillers per document, not per template).
Without trained parts the events alone give the templates (`mapping.py`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.models import Article, Event
from eventwire.muc4.confidence import organisation_confidence
from eventwire.muc4.mapping import templates_from_events
from eventwire.muc4.roles import MODEL_DIR, RoleModel, RoleSpan, body_start
from eventwire.muc4.score import normalise
from eventwire.muc4.templates import ROLES, Muc4Document, Template

POLICY = "muc4-system.v1"
INCIDENT_WORDS = re.compile(
    r"\b(kill|murder|assassin|attack|bomb|explo|dynamite|grenade|kidnap|abduct|hostage|burn|arson|fire|"
    r"rob|stole|steal|loot|shot|shoot|wound|massacre|strike|sabotage|destroy|damag|dead|death|injur|"
    r"machinegun|rifle|gun|terroris|guerrilla|raid|ambush)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Muc4Policy:
    """The numbers of "muc4-system.v1", chosen on TST1+TST2 (see docs/accuracy.md)."""

    relevance_threshold: float = 0.4
    type_threshold: float = 0.3
    min_prior: float = 0.3
    lexicon_votes: int = 2
    use_ner: bool = True
    merge_nested: bool = True
    use_events: bool = False
    event_types: bool = True  # add the events' incident types (not their fillers) to relevant documents
    require_incident_word: bool = True


@dataclass
class Findings:
    """What the trained parts found in one document."""

    types: dict[str, float] = field(default_factory=dict)  # incident type or "relevant" -> probability
    ner: list[RoleSpan] = field(default_factory=list)
    lexicon: list[RoleSpan] = field(default_factory=list)  # with their DEV prior in `priors`
    priors: dict[tuple[str, str], float] = field(default_factory=dict)  # (role, normalised) -> prior
    violent: bool = True  # the body names a violent act (INCIDENT_WORDS)


class Muc4System:
    """Templates for MUC documents. Loads its trained parts on first use, not here."""

    def __init__(self, folder: Path = MODEL_DIR, policy: Muc4Policy = Muc4Policy()):
        self.folder, self.policy = Path(folder), policy
        self.roles = RoleModel(self.folder / "roles")
        self._lexicon = self._doctypes = None

    @property
    def available(self) -> bool:
        return (self.folder / "doctypes.npz").is_file()

    def find(self, articles: list[Article]) -> list[Findings | None]:
        if not self.available:
            return [None] * len(articles)
        from eventwire.muc4.doctypes import DocTypes
        from eventwire.muc4.lexicon import Lexicon, find

        self._doctypes = self._doctypes or DocTypes.from_disk(self.folder)
        self._lexicon = self._lexicon or Lexicon.from_disk(self.folder)
        starts = [body_start(a.text) for a in articles]
        readings = self.roles.read_many(list(zip((a.text for a in articles), starts))) if self.roles.available \
            else [None] * len(articles)
        found = []
        for article, start, reading in zip(articles, starts, readings):
            body = article.text[start:]
            hits, priors = [], {}
            for role in ROLES:
                for key, s, e in find(self._lexicon, body, role, min_prior=0.0):
                    hits.append(RoleSpan(role, start + s, start + e, body[s:e]))
                    priors[(role, key)] = self._lexicon.prior(role, key)
            found.append(Findings(types=self._doctypes.probabilities(body), ner=reading.spans if reading else [],
                                  lexicon=hits, priors=priors, violent=bool(INCIDENT_WORDS.search(body))))
        return found

    def document(self, article: Article, events: Iterable[Event], findings: Findings | None = None) -> Muc4Document:
        if findings is None:
            findings = self.find([article])[0]
        document = build_document(article.id, findings, list(events), self.policy)
        for template in document.templates:
            template.confidence = organisation_confidence(article.text, template.PerpOrg)
        return document


def build_document(docid: str, findings: Findings | None, events: list[Event], policy: Muc4Policy) -> Muc4Document:
    from_events = templates_from_events(events)
    if findings is None:
        return Muc4Document(docid=docid, templates=from_events)
    kinds = incident_types(findings, policy)
    if not kinds:
        return Muc4Document(docid=docid)
    fillers = role_fillers(findings, policy)
    if policy.event_types:
        kinds += [k for k in dict.fromkeys(t.incident_type for t in from_events) if k not in kinds]
    if policy.use_events:
        known = {normalise(s) for r in ROLES for s in fillers[r]}
        for template in from_events:
            kinds += [template.incident_type] if template.incident_type not in kinds else []
            for role in ROLES:
                fresh = [s for s in template.fillers(role) if normalise(s) not in known]
                fillers[role] += fresh
                known |= {normalise(s) for s in fresh}
    templates = [Template(incident_type=kinds[0], **fillers)] + [Template(incident_type=k) for k in kinds[1:]]
    return Muc4Document(docid=docid, templates=templates)


def incident_types(findings: Findings, policy: Muc4Policy) -> list[str]:
    if findings.types.get("relevant", 0.0) < policy.relevance_threshold:
        return []
    if policy.require_incident_word and not findings.violent:
        return []
    ranked = sorted(((k, p) for k, p in findings.types.items() if k != "relevant"), key=lambda kv: -kv[1])
    return [kind for kind, p in ranked if p >= policy.type_threshold] or [ranked[0][0]]


def role_fillers(findings: Findings, policy: Muc4Policy) -> dict[str, list[str]]:
    votes: dict[str, Counter] = defaultdict(Counter)  # normalised string -> role votes
    written: dict[str, str] = {}  # normalised string -> first string as written
    spans = [(s, policy.lexicon_votes) for s in findings.lexicon
             if findings.priors.get((s.role, normalise(s.text)), 0.0) >= policy.min_prior]
    spans += [(s, 1) for s in findings.ner] if policy.use_ner else []
    for span, weight in spans:
        key = normalise(span.text)
        if key:
            votes[key][span.role] += weight
            written.setdefault(key, " ".join(span.text.split()))
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for key, counter in votes.items():
        by_role[counter.most_common(1)[0][0]].append(key)
    if policy.merge_nested:
        for role, keys in by_role.items():
            by_role[role] = [k for k in keys if not any(k != o and f" {k} " in f" {o} " for o in keys)]
    return {role: [written[k] for k in keys] for role, keys in by_role.items()}
