"""The JSON API: events (a page, GeoJSON, one by id), weekly stats, the UI's config, and the
one write, POST /api/articles, behind the token.

Each handler parses its parameters into typed records (`EventFilter`), runs one query from
`queries.py` on a connection of the app's store, and answers a record from `views.py`.
Handlers are plain `def`: FastAPI runs them in its thread pool, so a slow query or an
extraction does not stall the other requests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from eventwire.api import queries
from eventwire.api.config import ApiConfig
from eventwire.api.highlight import Span, place, segments
from eventwire.api.queries import BBox, EventFilter
from eventwire.api.security import require_token
from eventwire.api.views import (ArticleIn, ArticleStored, ArticleView, CountryCount, EventDetail, EventPage,
                                 EventSummary, Stats, UiConfig)
from eventwire.errors import UsageError
from eventwire.models import Article, Event
from eventwire.store import Store, article_key

router = APIRouter(prefix="/api")
Sort = Literal[tuple(f"{sign}{name}" for name in queries.SORTS for sign in ("", "-"))]
Extract = Callable[[Article], list[Event]]


def event_filter(
    since: Annotated[date | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before this date.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.",
                                      examples=["35.5,32,42.5,37.5"], max_length=100)] = None,
    country: Annotated[str | None, Query(description="ISO code (SY) or name (Syria).", max_length=100)] = None,
    admin1: Annotated[str | None, Query(description="First-level admin unit, e.g. Idlib.", max_length=200)] = None,
    type: Annotated[str | None, Query(description="Event type or sub-event type.", max_length=200)] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name or mention.", max_length=200)] = None,
    min_fatalities: Annotated[int | None, Query(ge=0)] = None,
    status: Annotated[Literal["reported", "background"] | None, Query()] = None,
    q: Annotated[str | None, Query(description="Text anywhere in the record.", max_length=200)] = None,
) -> EventFilter:
    try:
        box = BBox.parse(bbox) if bbox else None
        code = _country_code(country) if country else None
    except (ValueError, UsageError) as error:
        raise HTTPException(422, str(error)) from error
    return EventFilter(since=since, until=until, bbox=box, country=code, admin1=admin1 or None,
                       event_type=type or None, actor=actor or None, min_fatalities=min_fatalities,
                       status=status, q=q or None)


def _country_code(value: str) -> str:
    from eventwire.exports.countries import country_code

    return country_code(value)


Filter = Annotated[EventFilter, Depends(event_filter)]


def _store(request: Request) -> Store:
    return request.app.state.store


def _config(request: Request) -> ApiConfig:
    return request.app.state.config


def summary(row: dict) -> EventSummary:
    quoted = quote(row["event_id"], safe="")
    return EventSummary(**row, url=f"/api/events/{quoted}", page=f"/events/{quoted}")


@router.get("/events", response_model=EventPage, summary="A page of events that match the filters")
def list_events(request: Request, f: Filter, sort: Sort = "-date",
                limit: Annotated[int | None, Query(ge=1, description="Page size (the server caps it).")] = None,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> EventPage:
    config = _config(request)
    size = limit or min(config.default_page_size, config.max_page_size)
    if size > config.max_page_size:
        raise HTTPException(422, f"limit {size} is over the page size limit of {config.max_page_size}")
    with _store(request).engine.connect() as conn:
        total = queries.count_events(conn, f)
        rows = queries.page_of_events(conn, f, sort=sort, limit=size, offset=offset)
    following = offset + size < total
    following_url = request.url.include_query_params(offset=offset + size, limit=size)
    next_url = f"{following_url.path}?{following_url.query}" if following else None  # relative: proxies keep it
    return EventPage(total=total, limit=size, offset=offset, sort=sort, next=next_url,
                     items=[summary(row) for row in rows])


@router.get("/events.geojson", summary="Events with coordinates as a GeoJSON FeatureCollection (for maps)",
            description="Each feature's `id` is the event id and its properties are what a map shows: date, "
                        "type, sub-event type, place, country, admin1 and fatalities. The full "
                        "record is at `/api/events/{id}`.",
            response_description="RFC 7946 FeatureCollection (application/geo+json); `truncated` says "
                                 "whether the map limit cut it short.")
def events_geojson(request: Request, f: Filter, sort: Sort = "-date",
                   limit: Annotated[int | None, Query(ge=1)] = None) -> JSONResponse:
    config = _config(request)
    size = min(limit or config.max_map_points, config.max_map_points)
    with _store(request).engine.connect() as conn:
        rows = queries.page_of_events(conn, f, sort=sort, limit=size + 1, offset=0, located_only=True,
                                      columns=queries.MAP_COLUMNS, with_actors=False)
    collection = {"type": "FeatureCollection", "features": [_feature(row) for row in rows[:size]],
                  "truncated": len(rows) > size}
    return JSONResponse(collection, media_type="application/geo+json")


def _feature(row: dict) -> dict:
    """A GeoJSON Feature built as plain JSON (thousands per map: no per-row validation), with
    what a map shows; the full record is at /api/events/{id}."""
    properties = {key: value.isoformat() if isinstance(value, date) else value
                  for key, value in row.items() if key not in ("lat", "lon")}
    point = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
    return {"type": "Feature", "id": row["event_id"], "geometry": point, "properties": properties}


@router.get("/events/{event_id}", response_model=EventDetail,
            summary="One event: the full record with claims, and its article with evidence spans")
def get_event(request: Request, event_id: str) -> EventDetail:
    with _store(request).engine.connect() as conn:
        found = queries.event_by_id(conn, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    event = Event.model_validate(found.record)
    article = found.article
    spans = [Span(kind="evidence", index=i, start=e.start, end=e.end)
             for i, e in enumerate(event.evidence) if e.article_id == article["article_id"]]
    spans += [Span(kind="claim", field=c.field, index=i, start=c.start, end=c.end)
              for i, c in enumerate(event.claims) if c.article_id == article["article_id"]]
    spans = place(spans, article["text"])
    view = ArticleView(**article, spans=spans, segments=segments(article["text"], spans))
    return EventDetail(event=event, article=view, page=f"/events/{quote(event_id, safe='')}")


@router.get("/stats", response_model=Stats, summary="Counts by week and event type, and by country")
def stats(request: Request, f: Filter) -> Stats:
    from eventwire.exports.countries import country

    with _store(request).engine.connect() as conn:
        found = queries.weekly_counts(conn, f)
    found["countries"] = [CountryCount(**c, name=(country(c["code"]).name if country(c["code"]) else None))
                          for c in found["countries"]]
    return Stats(**found)


@router.get("/config", response_model=UiConfig, summary="What the web UI needs to know about this server")
def ui_config(request: Request) -> UiConfig:
    config = _config(request)
    return UiConfig(tile_url=config.tile_url, tile_attribution=config.tile_attribution, writable=bool(config.token),
                    max_page_size=config.max_page_size, max_map_points=config.max_map_points)


@router.post("/articles", response_model=ArticleStored, status_code=201, dependencies=[Depends(require_token)],
             summary="Extract events from an article and store them (needs the token)")
def post_article(request: Request, given: ArticleIn) -> ArticleStored:
    config = _config(request)
    if len(given.text) > config.settings.max_article_chars:
        raise HTTPException(413, f"article of {len(given.text)} characters is over the limit of "
                                 f"{config.settings.max_article_chars}")
    draft = Article(id=given.id or "api", text=given.text, title=given.title, published=given.published,
                    outlet=given.outlet, url=given.url, source="POST /api/articles")
    key = article_key(draft)
    article = draft.model_copy(update={"id": given.id or f"api-{key[:16]}"})
    events = request.app.state.extractor(article)
    stored = _store(request).add(article, events)
    rows = [{"event_id": e.event_id, "status": e.status, "event_date": e.event_date, "date_end": e.date_end,
             "event_type": e.event_type, "sub_event_type": e.sub_event_type, "location_name": e.location.name,
             "country_code": e.location.country_code, "admin1": e.location.admin1, "admin2": e.location.admin2,
             "lat": e.location.lat, "lon": e.location.lon, "geo_precision": e.location.geo_precision,
             "fatalities": e.fatalities.best, "injuries": e.injuries.best,
             "actors": [{"name": a.name, "role": a.role} for a in e.actors]} for e in events]
    return ArticleStored(stored=stored, article_key=key, events=[summary(row) for row in rows])


class PipelineExtractor:
    """Extraction for POST /api/articles: the local pipeline, loaded on first use (not at
    start-up, so a read-only server never loads spaCy), one article at a time."""

    def __init__(self, settings):
        self.settings = settings
        self._pipeline = None
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> list[Event]:
        with self._lock:
            if self._pipeline is None:
                from eventwire.pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            return next(iter(self._pipeline.process([article])))[1]
