"""The merge decision: a named, versioned policy that weighs the features of a pair.

Why a named policy: a merged record must say which rule merged it (`policies` carries
`MERGE_POLICY`), and a change of weights or threshold is a new version, never a silent edit.
The weights and threshold of v1 were set on the tuning half of the merge set only
(`eventwire eval merge --split tune`); the figures reported are those of the other half.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.merge.similarity import Features, country, family, features
from eventwire.models import Event

MERGE_POLICY = "weighted_date_place_actor_text.v1"


@dataclass(frozen=True)
class MergePolicy:
    """Weights of each feature, what an unobserved feature is worth, and the blocking limits."""

    name: str = MERGE_POLICY
    weights: dict[str, float] = field(default_factory=lambda: {
        "date": 0.30, "place": 0.20, "actors": 0.15, "casualties": 0.20, "type": 0.05, "text": 0.30})
    unknown: float = 0.5  # value of a feature one of the two events does not give
    threshold: float = 0.6
    window_days: int = 3  # candidates: dates at most this far apart (with the precision's slack)
    max_km: float = 100.0  # candidates: places at most this far apart, when both are geocoded

    def score(self, observed: Features) -> float:
        total = sum(self.weights.values())
        value = 0.0
        for name, weight in self.weights.items():
            feature = getattr(observed, name)
            value += weight * (self.unknown if feature is None else feature)
        return round(value / total, 6)

    def candidate(self, a: Event, b: Event, observed: Features | None = None) -> bool:
        """Whether a pair is worth scoring at all: same type family, an article apart, near in
        time and space (unknown dates or places do not exclude; another country does)."""
        if family(a) != family(b) or set(a.articles) & set(b.articles):
            return False
        country_a, country_b = country(a.location), country(b.location)
        if country_a and country_b and country_a != country_b:
            return False
        observed = observed or features(a, b)
        if observed.days is not None and observed.days > self.window_days:
            return False
        return observed.km is None or observed.km <= self.max_km


POLICY = MergePolicy()


def score(a: Event, b: Event, policy: MergePolicy = POLICY) -> float:
    """How likely two events are the same, in [0, 1]; 0 for pairs that are not candidates."""
    observed = features(a, b)
    return policy.score(observed) if policy.candidate(a, b, observed) else 0.0
