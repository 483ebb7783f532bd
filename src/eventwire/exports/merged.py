"""Reports of the same event as one record, for exports: the store's per-article events merged
across articles by `eventwire.merge` (its named policy is recorded in each merged event).

Why merge when reading, not when storing: the store keeps each article's events as extracted,
so an ingest stays idempotent and resumable article by article; merging at read time lets a
new report join events stored earlier, and a better merge policy apply to old data, without
re-ingesting anything. Filters select the per-article events first; the merge then runs over
that selection (in memory).
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.store import StoredEvent


def merged(stored: Iterable[StoredEvent]) -> list[StoredEvent]:
    """One `StoredEvent` per cluster: the combined event, the keys of its articles (sorted,
    comma-separated) and the latest ingestion time of its members; ordered by date (undated
    last), then event id, as the store orders events.

    Example: two outlets' reports of one strike, stored as two events, come back as one event
    whose `articles` and `sources` list both.
    """
    from eventwire.merge import cluster, combine

    items = list(stored)
    origin = {id(item.event): item for item in items}
    result = []
    for group in cluster([item.event for item in items]):
        members = [origin[id(event)] for event in group]
        result.append(StoredEvent(
            event=combine(group),
            article_key=",".join(sorted({m.article_key for m in members})),
            ingested_at=max(m.ingested_at for m in members),
        ))
    result.sort(key=lambda s: (s.event.event_date is None, s.event.event_date or 0, s.event.event_id))
    return result
