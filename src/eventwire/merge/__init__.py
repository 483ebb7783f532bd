"""Cross-article merging: many reports of one event become one record with all its sources.

Why: a strike is reported by twenty outlets, each with its own wording, figures, spelling of
the place and publication date. One-article assembly (`assemble.py`) gives one event per
report; this package decides which of those are the same event and combines them.

The public API (pure functions over `Event` records; no I/O, no models):

    from eventwire.merge import merge_events, cluster, score, combine, MERGE_POLICY

    merged = merge_events(events)          # list[Event]: one per cluster, singletons unchanged
    groups = cluster(events)               # list[list[Event]]: the clusters, deterministic order
    s = score(a, b)                        # float in [0, 1]; same event when s >= threshold
    event = combine(group)                 # one Event from a cluster

How (each step a module):
1. `cluster.candidate_pairs`: only events of the same type family (violence; demonstrations;
   strategic developments), within a date window and a distance (or same country when
   coordinates are missing), and never two events of one article, are compared;
2. `similarity.features` + `policy.MergePolicy`: a weighted score from date, place, actor,
   casualty, type and evidence-text similarity (rapidfuzz), against a threshold; the policy is
   named and versioned (`MERGE_POLICY`) and recorded in every merged event's `policies`;
3. `cluster.cluster`: transitive clusters by union-find over accepted pairs, strongest first,
   refusing a union that would put two events of the same article in one cluster;
4. `combine.combine`: every article, claim, evidence span, weapon and actor of the members;
   `sources` lists every outlet and speaker; fatalities and injuries follow the conservative
   reconciliation rule of one article (`facts.reconcile`), applied to the members' figures;
   the merged `event_id` is a hash of the members' ids, so the same inputs in any order give
   the same id. A cluster of one is returned unchanged.

Sentence embeddings were not used: see docs/accuracy.md ("Merging") for why and for the
figures of `eventwire eval merge`.
"""

from __future__ import annotations

from eventwire.merge.cluster import cluster, merge_events
from eventwire.merge.combine import combine
from eventwire.merge.policy import MERGE_POLICY, POLICY, MergePolicy, score

__all__ = ["MERGE_POLICY", "POLICY", "MergePolicy", "cluster", "combine", "merge_events", "score"]
