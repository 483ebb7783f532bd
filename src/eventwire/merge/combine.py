"""One event from the reports of it: everything the members say, with a stable id.

Why these rules: an analyst must be able to trace every fact of a merged record to the
article and words it came from, so nothing is dropped (articles, claims, evidence spans,
actors, weapons, sources). Where the members disagree on a single value, the choice is a
named rule, not the luck of input order:
- fatalities and injuries: the conservative reconciliation of one article (`facts.reconcile`,
  ACLED's lowest credible figure as best, the range as low..high), over the members' figures;
- date: among the members of the finest time precision, the date most of them give, the
  earliest on a tie;
- type: the (event type, sub-event type) most members give, then the one of the member with
  most evidence;
- location: the most precise geocoded place, then the most common one;
- status: "reported" when any member reports it as news.
Members are put in a canonical order (by event_id) first, so any order of the same inputs
gives the same record; the merged id hashes the sorted member ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from eventwire.facts import RECONCILE_POLICY, reconcile
from eventwire.models import Count, CountMention, Event, Location

MERGED_POLICY_KEY = "cross_article_merge"


def merged_id(events: Sequence[Event]) -> str:
    """The id of a cluster: the same members give the same id, in any order."""
    key = "|".join(sorted({e.event_id for e in events}))
    return "ew-m-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def combine(events: Sequence[Event], policy=None) -> Event:
    """One record for a cluster. A cluster of one is returned as it is."""
    if not events:
        raise ValueError("combine needs at least one event")
    members = sorted({e.event_id: e for e in events}.values(), key=lambda e: e.event_id)
    if len(members) == 1:
        return members[0]
    from eventwire.merge.policy import POLICY

    chosen_date = _date(members)
    policies = {k: v for e in members for k, v in e.policies.items()}
    policies[MERGED_POLICY_KEY] = (policy or POLICY).name
    policies["fatalities"] = RECONCILE_POLICY
    return Event(
        event_id=merged_id(members),
        status="reported" if any(e.status == "reported" for e in members) else "background",
        event_date=chosen_date.event_date,
        date_end=chosen_date.date_end,
        time_precision=chosen_date.time_precision,
        **_type(members),
        actors=_unique((a for e in members for a in e.actors), key=lambda a: (a.name, a.role)),
        location=_location(members),
        fatalities=_reconcile([e.fatalities for e in members], "fatalities"),
        injuries=_reconcile([e.injuries for e in members], "injuries"),
        weapons=_unique((w for e in members for w in e.weapons), key=lambda w: w.name),
        claims=sorted((c for e in members for c in e.claims), key=lambda c: (c.article_id, c.start, c.end, c.field)),
        sources=list(dict.fromkeys(s for e in _by_article(members) for s in e.sources)),
        articles=sorted({a for e in members for a in e.articles}),
        evidence=sorted({(v.article_id, v.start, v.end): v for e in members for v in e.evidence}.values(),
                        key=lambda v: (v.article_id, v.start, v.end)),
        policies=policies,
    )


def _by_article(members: list[Event]) -> list[Event]:
    return sorted(members, key=lambda e: (min(e.articles, default=""), e.event_id))


def _unique(items, key) -> list:
    """Items in order, the first of each key kept."""
    kept: dict = {}
    for item in items:
        kept.setdefault(key(item), item)
    return list(kept.values())


def _date(members: list[Event]) -> Event:
    dated = [e for e in members if e.event_date]
    if not dated:
        return members[0]
    finest = min(e.time_precision or 3 for e in dated)
    fine = [e for e in dated if (e.time_precision or 3) == finest]
    votes = Counter(e.event_date for e in fine)
    best = max(votes.values())
    day = min(d for d, n in votes.items() if n == best)
    return next(e for e in fine if e.event_date == day)


def _type(members: list[Event]) -> dict:
    votes = Counter((e.event_type, e.sub_event_type) for e in members)
    best = max(votes.values())
    lead = min((e for e in members if votes[(e.event_type, e.sub_event_type)] == best),
               key=lambda e: (-len(e.evidence), e.event_id))
    return {"event_type": lead.event_type, "sub_event_type": lead.sub_event_type, "cameo": lead.cameo}


def _location(members: list[Event]) -> Location:
    placed = [e.location for e in members if e.location.lat is not None]
    if not placed:
        named = [e.location for e in members if e.location.name]
        return named[0] if named else members[0].location
    votes = Counter(loc.geonames_id or (loc.lat, loc.lon) for loc in placed)
    return min(placed, key=lambda loc: (loc.geo_precision or 9, -votes[loc.geonames_id or (loc.lat, loc.lon)]))


def _reconcile(counts: list[Count], field: str) -> Count:
    return reconcile([CountMention(field=field, count=c, start=0, end=0) for c in counts])
