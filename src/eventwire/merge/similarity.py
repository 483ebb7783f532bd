"""How alike two event records are, field by field: each feature is a number in [0, 1].

Why separate from the policy: features say what is observed (3 km apart, a day apart, the
same attacker), the policy says how much each counts. A feature that cannot be observed
(one report names no place) is `None`, not a guess; the policy decides what `None` is worth.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from rapidfuzz import fuzz
from unidecode import unidecode

from eventwire.places.distance import km
from eventwire.models import Event, Location

TYPE_FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic",
}
PRECISION_DAYS = {1: 0, 2: 3, 3: 15}  # half-width of the days a date of this precision may mean
STOPWORDS = frozenset("""a an the of in on at to for from by with and or but as is was were are be been
has have had that this these those which who whom it its their there they he she his her said says
say told according also after before during over near into than more about some would could not
no one two three four five six seven eight nine ten""".split())


@dataclass(frozen=True)
class Features:
    """What two events share; `None` where one of them does not say."""

    days: float | None  # days between the dates, 0 when the intervals overlap
    km: float | None  # kilometres between the places
    date: float | None
    place: float | None
    actors: float | None
    casualties: float | None
    type: float
    text: float


def family(event: Event) -> str:
    return TYPE_FAMILIES.get(event.event_type, event.event_type)


def features(a: Event, b: Event) -> Features:
    days = day_gap(a, b)
    apart = None if country_only(a.location) or country_only(b.location) else distance_km(a.location, b.location)
    return Features(days=days, km=apart, date=_date_sim(days), place=place_sim(a.location, b.location, apart),
                    actors=actor_sim(a, b), casualties=casualty_sim(a, b), type=type_sim(a, b),
                    text=text_sim(a, b))


def interval(event: Event) -> tuple[date, date] | None:
    if event.event_date is None:
        return None
    slack = timedelta(days=PRECISION_DAYS.get(event.time_precision or 1, 0))
    return event.event_date - slack, (event.date_end or event.event_date) + slack


def day_gap(a: Event, b: Event) -> float | None:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    return float(max(0, (ib[0] - ia[1]).days, (ia[0] - ib[1]).days))


DAY_SIM = (1.0, 0.5, 0.15)  # same day, a day apart (overnight, a relative date misread), two days


def _date_sim(days: float | None) -> float | None:
    if days is None:
        return None
    return DAY_SIM[int(days)] if days < len(DAY_SIM) else 0.0


def country_only(location: Location) -> bool:
    """A place that is only a country ("US", "Syria"): its coordinates are the capital's and
    its country is often the actor's, not the event's; merging treats it as no place."""
    return location.geo_precision == 3 and not location.admin1 and location.lat is not None


def country(location: Location) -> str | None:
    """The event's country as far as merging trusts it."""
    return None if country_only(location) else location.country_code


def distance_km(a: Location, b: Location) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return km(a.lat, a.lon, b.lat, b.lon)


def place_sim(a: Location, b: Location, km: float | None) -> float | None:
    """1 for the same place (or within 5 km), falling to 0 at 50 km; by name when not geocoded;
    0.7 for the same province when one side knows only the province."""
    if country_only(a) or country_only(b):
        return None
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return 0.0
    if a.geonames_id and a.geonames_id == b.geonames_id:
        return 1.0
    if 3 in (a.geo_precision, b.geo_precision) and a.admin1 and a.admin1 == b.admin1:
        return 0.7
    if km is not None:
        return max(0.0, min(1.0, 1.0 - (km - 5.0) / 45.0))
    names_a, names_b = _names(a), _names(b)
    if names_a and names_b:
        return max(fuzz.ratio(x, y) for x in names_a for y in names_b) / 100.0
    if a.admin1 and a.admin1 == b.admin1:
        return 0.5
    return None


def _names(location: Location) -> set[str]:
    return {_fold(n) for n in (location.name, location.mention) if n}


def actor_sim(a: Event, b: Event) -> float | None:
    """Share of the smaller side's actors that the other side also names (fuzzy on names)."""
    names_a, names_b = {_fold(x.name) for x in a.actors}, {_fold(x.name) for x in b.actors}
    if not names_a or not names_b:
        return None
    small, large = sorted((names_a, names_b), key=len)
    found = sum(1 for x in small if max(fuzz.token_set_ratio(x, y) for y in large) >= 85)
    return found / len(small)


def casualty_sim(a: Event, b: Event) -> float | None:
    """Figures agree when within a factor of 2 or so; early and late tolls differ, so it decays
    slowly: 1 equal, 0.5 at a factor of 2, 0 at a factor of 4."""
    x, y = a.fatalities.best, b.fatalities.best
    if not x or not y:
        return None
    return max(0.0, 1.0 - abs(math.log(x / y)) / math.log(4))


def type_sim(a: Event, b: Event) -> float:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type == b.event_type:
        return 0.7
    return 0.4 if family(a) == family(b) else 0.0


def text_sim(a: Event, b: Event) -> float:
    """Overlap of the content words of the evidence sentences (the smaller side's share)."""
    words_a, words_b = _content_words(a), _content_words(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _content_words(event: Event) -> set[str]:
    text = _fold(" ".join(e.text for e in event.evidence))
    return {w for w in re.findall(r"[a-z0-9]+", text) if w not in STOPWORDS and len(w) > 2}


def _fold(text: str) -> str:
    """Lower-case ASCII without the article 'al-' so that al-Bab, Al Bab and Bab meet."""
    text = unidecode(text).lower()
    text = re.sub(r"\b(al|el|ad|ar|as|ash|az|an)[\s-]+", "", text)
    return re.sub(r"['`\u2019-]", "", text).strip()
