"""Transitive clusters of events that report the same thing.

Why union-find over scored pairs: if outlet A and outlet B report the same strike, and B and
C do too, A and C are the same even when A and C alone share too little to say so. Pairs are
joined strongest first, and a join that would put two events of one article together is
refused: one-article assembly already decided those are different events, with more context
than a comparison of two records has. Comparisons are limited to candidates (`candidate_pairs`):
events sorted by date are compared within the policy's window only, so the work grows with
the number of reports per day, not with the square of the archive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from eventwire.merge.combine import combine
from eventwire.merge.policy import POLICY, MergePolicy
from eventwire.merge.similarity import country, family, features, interval
from eventwire.models import Event


def candidate_pairs(events: Sequence[Event], policy: MergePolicy = POLICY) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) with i < j for each candidate pair of `events` (indexes into it)."""
    blocks: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        blocks[(family(event), country(event.location))].append(index)
    for (kind, where), members in blocks.items():
        unplaced = set(blocks.get((kind, None), [])) if where else set()
        for i, j in _near_in_time(events, members + sorted(unplaced), policy.window_days):
            if i in unplaced and j in unplaced:
                continue  # compared in the block of no country
            observed = features(events[i], events[j])
            if policy.candidate(events[i], events[j], observed):
                yield min(i, j), max(i, j), policy.score(observed)


def _near_in_time(events, indexes: list[int], window: int) -> Iterator[tuple[int, int]]:
    """Pairs of `indexes` whose dates may be within `window` days (a sweep over the events
    sorted by date); an event without a date pairs with every other."""
    dated = sorted((i for i in indexes if events[i].event_date), key=lambda i: interval(events[i]))
    undated = [i for i in indexes if not events[i].event_date]
    for n, i in enumerate(dated):
        _, end_i = interval(events[i])
        for j in dated[n + 1:]:
            if (interval(events[j])[0] - end_i).days > window:
                break
            yield i, j
    for n, i in enumerate(undated):
        yield from ((i, j) for j in undated[n + 1:])
        yield from ((i, j) for j in dated)


def cluster(events: Sequence[Event], policy: MergePolicy = POLICY) -> list[list[Event]]:
    """Events grouped by the event they report: clusters in order of their first member,
    members in input order. Every event is in exactly one cluster."""
    parent = list(range(len(events)))
    articles = [set(e.articles) for e in events]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    accepted = [p for p in candidate_pairs(events, policy) if p[2] >= policy.threshold]
    for i, j, _ in sorted(accepted, key=lambda p: (-p[2], events[p[0]].event_id, events[p[1]].event_id)):
        ri, rj = root(i), root(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        ri, rj = min(ri, rj), max(ri, rj)
        parent[rj] = ri
        articles[ri] |= articles[rj]
    groups: dict[int, list[Event]] = defaultdict(list)
    for index, event in enumerate(events):
        groups[root(index)].append(event)
    return [groups[r] for r in sorted(groups)]  # a root is its cluster's first index


def merge_events(events: Sequence[Event], policy: MergePolicy = POLICY) -> list[Event]:
    """One event per cluster (`combine`), in order of each cluster's first member."""
    return [combine(group, policy) for group in cluster(events, policy)]
