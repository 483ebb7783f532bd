"""The one data model: typed records that flow between pipeline stages.

Field names of `Event` and its parts follow shared SPEC.md and are fixed; new fields
may be added, none renamed. Everything is a pydantic model so that records validate
on the way in and serialise to JSON with `model_dump(mode="json")` on the way out.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "unknown"]
Status = Literal["reported", "background"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --- input -----------------------------------------------------------------------


class Article(Record):
    """One news text as read from an input, before any NLP."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    published_from: str | None = None  # "option", "record", "html", "dateline" or None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    source: str | None = None  # the input path (and line) it came from


class InputProblem(Record):
    """A bad input: named, with the reason. Never an exception that stops a run."""

    source: str
    reason: str


# --- parts of an event -----------------------------------------------------------


class Evidence(Record):
    article_id: str
    start: int
    end: int
    text: str


class Actor(Record):
    name: str  # normalised, e.g. "Military Forces of Syria"
    mention: str  # as written, e.g. "troops loyal to ... Assad"
    role: str  # attacker, target, victim, perpetrator, ally, mediator, ...
    kind: str | None = None  # state forces, rebel group, ... (SPEC's inter names)
    country_code: str | None = None
    inter: int | None = None


class Location(Record):
    name: str | None = None
    mention: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    geo_precision: int | None = None  # 1 place, 2 near/part of it, 3 admin unit only
    reason: str | None = None  # why there are no coordinates, when there are none


class Count(Record):
    best: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "unknown"
    text: str | None = None


class Weapon(Record):
    name: str
    mention: str


class Claim(Record):
    """One fact as somebody stated it: what, who said it, through whom, how sure."""

    field: str  # fatalities, injuries, event, motive, force_size, framing, ...
    value: str | int | None = None
    text: str  # the words that carry the fact
    speaker: str | None = None
    outlet: str | None = None
    hedge: str | None = None
    kind: str = "report"  # report or framing
    article_id: str
    start: int
    end: int
    via: list[str] = Field(default_factory=list)  # the chain: speaker -> outlet(s) -> this article
    speaker_kind: str | None = None  # government, military, armed group, media, NGO, witness, ...
    stance: str | None = None  # for responsibility: reported_as_fact, claimed_or_admitted, ...


class Event(Record):
    event_id: str
    status: Status = "reported"
    event_date: date | None = None
    date_end: date | None = None
    time_precision: int | None = None
    event_type: str
    sub_event_type: str
    cameo: str | None = None
    actors: list[Actor] = Field(default_factory=list)
    location: Location = Field(default_factory=Location)
    fatalities: Count = Field(default_factory=Count)
    injuries: Count = Field(default_factory=Count)
    weapons: list[Weapon] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    policies: dict[str, str] = Field(default_factory=dict)  # named policy per decision


# --- values found in text by the normalisation stages -----------------------------


class DateValue(Record):
    """A resolved date expression: `date` .. `date_end` at ACLED time precision."""

    text: str
    start: int  # character offsets into the article text
    end: int
    date: date
    date_end: date | None = None
    time_precision: int = 1
    relative: bool = False  # resolved against the publication date


class CountMention(Record):
    """A casualty or force-size figure found in text."""

    field: Literal["fatalities", "injuries", "force_size"]
    count: Count
    start: int
    end: int
    group: str | None = None  # who the figure counts, as written ("SDF fighter")
    additional: bool = False  # "their driver was also killed": counted on top of the others
    part: bool = False  # a part of the toll told apart: "nine of its staff", "where six died"
    unconfirmed: bool = False  # "a seventh officer died, a report police did not confirm"
    superseded: bool = False  # "had initially left nine dead": a toll the report has since replaced
    raised: bool = False  # "the toll had risen to 13": an update that replaces the smaller tolls before it
    revised: bool = False  # "before revising the figure to 19": a source's update of its own figures only
    nth: int | None = None  # "a fourth man died of his wounds": the fourth of the dead, so at least four
