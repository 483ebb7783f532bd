"""What the API answers, as typed records: these are the shapes in the OpenAPI document at
/docs, so a client (the web UI included) can rely on them. The event itself is the project's
one `Event` model; the rest are views over it for lists, maps, timelines and the event page."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from eventwire.api.highlight import Segment, Span
from eventwire.models import Event


class ActorName(BaseModel):
    name: str
    role: str


class EventSummary(BaseModel):
    """An event as a row of a list or a point on a map: the indexed columns and actor names."""

    event_id: str
    status: str
    event_date: date | None = None
    date_end: date | None = None
    event_type: str
    sub_event_type: str
    location_name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    actors: list[ActorName] = Field(default_factory=list)
    url: str = Field(description="This event's full record: GET it for claims and evidence.")
    page: str = Field(description="The event's page in the web UI (the HTML twin of `url`).")


class EventPage(BaseModel):
    """One page of events; `next` is the URL of the following page, or null on the last."""

    total: int
    limit: int
    offset: int
    sort: str
    next: str | None = None
    items: list[EventSummary]


class ArticleView(BaseModel):
    """The stored article an event came from, its text and the spans to highlight in it."""

    key: str
    article_id: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    ingested_at: datetime
    text: str
    spans: list[Span]
    segments: list[Segment]


class EventDetail(BaseModel):
    event: Event
    article: ArticleView
    page: str


class WeekCount(BaseModel):
    week: date = Field(description="Monday of the ISO week.")
    total: int
    fatalities: int
    by_type: dict[str, int]


class TypeCount(BaseModel):
    type: str
    count: int


class CountryCount(BaseModel):
    code: str | None
    name: str | None = None
    count: int


class Stats(BaseModel):
    total: int
    undated: int = Field(description="Events without a date: counted in `total`, in no week.")
    weeks: list[WeekCount]
    types: list[TypeCount]
    countries: list[CountryCount]


class UiConfig(BaseModel):
    tile_url: str | None = Field(None, description="Raster tiles under the country outlines; none: offline only.")
    tile_attribution: str | None = None
    writable: bool = Field(description="Whether POST /api/articles is on (a token is set).")
    max_page_size: int
    max_map_points: int


class ArticleIn(BaseModel):
    """An article to extract and store (POST /api/articles)."""

    text: str = Field(min_length=1)
    id: str | None = Field(None, max_length=200, description="Default: 'api-' and the start of its content key.")
    title: str | None = Field(None, max_length=2000)
    published: date | None = None
    outlet: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)


class ArticleStored(BaseModel):
    stored: bool = Field(description="False when the same article (same content) was already stored.")
    article_key: str
    events: list[EventSummary]
