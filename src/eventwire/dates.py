"""Date expressions in a sentence, resolved against the publication date.

`find_dates(text, published, offset=...)` returns `DateValue`s with ACLED time precision
(1 day, 2 week, 3 month or coarser). A sentence with no date cue costs one regex search;
only sentences that pass it run the expression patterns, all precompiled from the word
lists in patterns/dates.toml. No dateparser: the few shapes news uses are cheaper to
match directly and their resolution rules (below) are ACLED's, not a library's.

Rules:
- Weekdays ("on Wednesday", "late Tuesday", "Tuesday night") are the most recent such day
  on or before publication; "last Wednesday" is strictly before it.
- "yesterday", "overnight", "last night" are the day before publication; "today",
  "this morning" the day itself (precision 1).
- "last week" is Monday..Sunday of the week before publication (precision 2); "this week"
  runs from its Monday to publication. Months and years likewise at precision 3.
- A day and month without a year take the publication year, or the year before when that
  would fall after publication. "in September" likewise.
- An event is never dated after its article: resolved dates after publication are
  dropped, and range ends are clipped to it.
- Without a publication date only expressions that carry their own year resolve.
- Values resolved against publication are marked `relative=True`.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable

from eventwire.models import DateValue


@dataclass(frozen=True)
class DateWords:
    """The vocabulary of patterns/dates.toml."""

    months: dict[str, int]
    abbreviations: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, list[str]]
    weekday_words: dict[str, list[str]]
    relative_days: dict[str, int]
    later_days: dict[str, int]
    same_period: dict[str, str]
    periods: dict[str, dict]
    ago_numbers: dict[str, int]


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """Load and validate patterns/dates.toml (once)."""
    raw = tomllib.loads(
        resources.files("eventwire").joinpath("patterns/dates.toml").read_text("utf-8")
    )
    months = {k.lower(): int(v) for k, v in raw["months"].items()}
    if sorted(months.values()) != list(range(1, 13)):
        raise ValueError("patterns/dates.toml: [months] must name each month once")
    if any(unit not in ("week", "month", "year") for unit in raw.get("same_period", {}).values()):
        raise ValueError("patterns/dates.toml: a [same_period] unit must be week, month or year")
    for name, p in raw["periods"].items():
        if p.get("unit") not in ("week", "weekend", "month", "year", "days"):
            raise ValueError(f"patterns/dates.toml: period {name!r} has a bad unit")
    return DateWords(
        months=months,
        abbreviations={k.lower(): int(v) for k, v in raw["month_abbreviations"].items()},
        weekdays={k.lower(): int(v) for k, v in raw["weekdays"].items()},
        words={k: [w.lower() for w in v] for k, v in raw["words"].items()},
        weekday_words={k: [w.lower() for w in v] for k, v in raw["weekday_words"].items()},
        relative_days={k.lower(): int(v) for k, v in raw["relative_days"].items()},
        later_days={k.lower(): int(v) for k, v in raw.get("later_days", {}).items()},
        same_period={k.lower(): v for k, v in raw.get("same_period", {}).items()},
        periods={k.lower(): v for k, v in raw["periods"].items()},
        ago_numbers={k.lower(): int(v) for k, v in raw["ago_numbers"].items()},
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    date: date
    date_end: date | None
    precision: int
    relative: bool


_Resolver = Callable[[re.Match[str], str, date | None], "_Found | None"]


def _alt(words) -> str:
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


LATER_CUES = frozenset("later afterwards next following same".split())
_Y4_BARE = r"(?:1[89]|20)\d\d"
_Y4 = _Y4_BARE + r"(?!\d|[.,]\d)"


_WORD = re.compile(r"[a-z]+")
_YEAR_CUE = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class _Patterns:
    cues: frozenset[str]  # words any date expression contains (a set lookup is ~4x
    # faster than one alternation regex on sentences with no date)
    rules: tuple[tuple[re.Pattern[str], _Resolver], ...]
    later: re.Pattern[str]  # "a day later", "the following day": days after the date before
    time_after: re.Pattern[str]  # "two days after": days before the date told before
    same_period: re.Pattern[str]  # "that month": the month of the date before


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    w = date_words()
    full, wd = _alt(w.months), _alt(w.weekdays)
    mon = rf"(?P<mon>(?:{full})\b|(?:{_alt(w.abbreviations)})(?:\.|\b))"
    wd_pre = rf"(?:(?:{wd}),?\s+(?:the\s+)?)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

    def prefixed(words: list[str]) -> str:
        spaced = [p for p in words if not p.endswith("-")]
        hyphen = [p for p in words if p.endswith("-")]
        alts = [rf"(?:{_alt(spaced)})\s+"] + ([f"(?:{_alt(hyphen)})"] if hyphen else [])
        return rf"(?P<pre>{'|'.join(alts)})"

    ww, words = w.weekday_words, w.words
    seps = _alt(words["year_range_separators"])
    flags = re.IGNORECASE
    rules: list[tuple[str, _Resolver]] = [
        (rf"(?<![\d-])(?P<year>{_Y4_BARE})-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)", _iso),
        (
            rf"(?<![\w.,:$]){wd_pre}{day}(?:\s+of)?\s+{mon}"
            rf"(?:,?\s+(?P<year>{_Y4}|'?\d\d(?!\d|[.,]\d)))?",
            _day_month,
        ),
        (
            rf"(?<!\w){wd_pre}{mon}\s*{day}(?!\d|[.,:]\d)(?:,?\s+(?P<year>{_Y4}))?",
            _day_month,
        ),
        (rf"(?<!\w){mon},?\s+(?:of\s+)?(?P<year>{_Y4})", _month_year),
        (rf"(?<!\w){prefixed(words['month_prefixes'])}(?P<mon>{full})\b(?!\s*\d)", _month),
        # a month naming an event: "an October attack", "the March bombing" (not "the March to
        # the capital", "a may be")
        (rf"(?<!\w)(?P<pre>an?|the)\s+(?P<mon>{full})\b(?=\s+(?-i:[a-z]))"
         rf"(?!\s+(?:{_alt(words['not_after_a_month'])})\b)", _month),
        (
            rf"(?<!\w)(?:(?P<pre>{_alt(ww['prefixes'])})\s+)?(?P<wd>{wd})\b"
            rf"(?:\s+(?P<suf>{_alt(ww['suffixes'])})\b)?",
            _weekday,
        ),
        (rf"(?<!\w)(?P<rel>{_alt(w.relative_days)})\b", _relative_day),
        (rf"(?<!\w)(?P<per>{_alt(w.periods)})\b", _period),
        (
            rf"(?<![\w/])(?P<n>\d{{1,2}}|{_alt(w.ago_numbers)})\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b",
            _ago,
        ),
        (
            rf"(?<!\w)(?:(?P<pre>{_alt(words['year_range_starts'])})\s+)?(?P<y1>{_Y4})"
            rf"\s*(?P<sep>{seps})\s*(?P<y2>{_Y4}|\d\d(?!\d))",
            _year_range,
        ),
        (rf"(?<!\w){prefixed(words['year_prefixes'])}(?:the\s+year\s+)?(?P<year>{_Y4})"
         r"(?!\s*(?:%|percent))", _year),
        # a year naming an event: "the 2020 massacre", "its 2019 offensive"
        (rf"(?<!\w)(?:the|an?|its|their|that)\s+(?P<year>{_Y4})(?=\s+(?:(?-i:[A-Z])\w+\s+)?(?-i:[a-z]{{3,}}))",
         _year_of_an_event),  # "the 2019 Westgate attack"
    ]
    cues = [*w.months, *w.abbreviations, *w.weekdays, *w.relative_days, *w.periods]
    # "a day later", "the following day": cued by "later", "following" ..., not by the common "day"
    later_cues = {word for phrase in w.later_days for word in phrase.split() if word in LATER_CUES}
    return _Patterns(
        cues=frozenset(c.split()[-1] for c in [*cues, *w.same_period]) | {"ago", "after"} | later_cues,
        rules=tuple((re.compile(p, flags), r) for p, r in rules),
        later=re.compile(rf"(?<!\w)(?P<later>{_alt(w.later_days)})\b", flags),
        time_after=re.compile(rf"(?<![\w/])(?P<n>\d{{1,2}}|{_alt(w.ago_numbers)})\s+(?P<unit>days?|weeks?)\s+after\b", flags),
        same_period=re.compile(rf"(?<!\w)(?P<same>{_alt(w.same_period)})\b", flags),
    )


_ON = re.compile(r"\s+on\s+(?:the\s+)?", re.I)  # "overnight on May 6": the day named is the day
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


def find_dates(text: str, published: date | None, *, offset: int = 0,
               before: DateValue | None = None, told: DateValue | None = None) -> list[DateValue]:
    """Date expressions in `text` (a sentence starting at `offset` in its article). `before`
    is the last day-precise date told before the sentence: "a day later" counts from it when
    the sentence names no day before those words. `told` is the last date of any precision
    told before it: "that month" is its month.

    Example: `find_dates("killed on Wednesday", date(2018, 2, 8))` gives one DateValue,
    "on Wednesday" = 2018-02-07, precision 1, relative.
    """
    patterns = _patterns()
    if patterns.cues.isdisjoint(_WORD.findall(text.lower())) and not _YEAR_CUE.search(text):
        return []
    found = [
        f
        for regex, resolve in patterns.rules
        for m in regex.finditer(text)
        if (f := resolve(m, text, published)) is not None
    ]
    found.sort(key=lambda f: (f.start, f.start - f.end))
    values: list[DateValue] = []
    last_end = -1
    for f in found:
        if f.start < last_end:
            continue
        last_end = f.end
        if published is not None and f.date > published:
            continue
        end = f.date_end
        if end is None and published is not None and _SINCE.search(text, 0, f.start):
            end = published  # "since Oct. 21": from that day to the report
        if published is not None and end is not None and end > published:
            end = published
        values.append(
            DateValue(
                text=text[f.start : f.end],
                start=offset + f.start,
                end=offset + f.end,
                date=f.date,
                date_end=end if end != f.date else None,
                time_precision=f.precision,
                relative=f.relative,
            )
        )
    relative_days = date_words().relative_days
    values = [v for i, v in enumerate(values)
              if not (" ".join(v.text.lower().split()) in relative_days and i + 1 < len(values)
                      and " ".join(values[i + 1].text.lower().split()) not in relative_days
                      and _ON.fullmatch(text[v.end - offset : values[i + 1].start - offset]))]
    values = _days_later(_time_after(values, text, published, offset, before), text, published, offset, before)
    return _same_period(values, text, published, offset, told)


def told_as_time_apart(value: DateValue) -> bool:
    """"..., two days after insurgents attacked a checkpoint": a day counted back from the
    news, which dates the act of its clause."""
    return _patterns().time_after.fullmatch(value.text) is not None


def _time_after(values: list[DateValue], text: str, published: date | None, offset: int,
                before: DateValue | None) -> list[DateValue]:
    """"Troops killed 12 militants on Sunday, ..., two days after insurgents attacked a
    checkpoint": the act after "after" took place two days before the day told before it."""
    for m in _patterns().time_after.finditer(text):
        told = [v for v in values if v.end <= offset + m.start() and v.time_precision == 1]
        base = told[-1] if told else before
        if base is None or any(v.start < offset + m.end() and offset + m.start() < v.end for v in values):
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else date_words().ago_numbers[m.group("n").lower()]
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        values.append(DateValue(text=m.group(0), start=offset + m.start(), end=offset + m.end(),
                                date=base.date - timedelta(days=days), time_precision=1, relative=base.relative))
    return sorted(values, key=lambda v: v.start)


def _same_period(values: list[DateValue], text: str, published: date | None, offset: int,
                 told: DateValue | None) -> list[DateValue]:
    """"In August 2023 fighting broke out. That month, a drone strike ...": August 2023."""
    units = date_words().same_period
    for m in _patterns().same_period.finditer(text):
        earlier = [v for v in values if v.end <= offset + m.start()]
        base = earlier[-1] if earlier else told
        if base is None or any(v.start < offset + m.end() and offset + m.start() < v.end for v in values):
            continue
        first, last, precision = _unit_of(base.date, units[" ".join(m.group("same").lower().split())])
        if published is not None:
            last = min(last, published)
        values.append(DateValue(text=m.group(0), start=offset + m.start(), end=offset + m.end(), date=first,
                                date_end=last if last != first else None, time_precision=precision,
                                relative=base.relative))
    return sorted(values, key=lambda v: v.start)


def told_as_a_later_day(value: DateValue) -> bool:
    """"The next day, they attacked a post": a day the report itself sets after the one told
    before, so no day's slack ("overnight", "late Saturday") joins it to that one."""
    return date_words().later_days.get(" ".join(value.text.lower().split()), 0) >= 1


def _days_later(values: list[DateValue], text: str, published: date | None, offset: int,
                before: DateValue | None) -> list[DateValue]:
    """"... on Tuesday, and a helicopter came under fire there a day later": the day after the
    one told before."""
    words = date_words().later_days
    for m in _patterns().later.finditer(text):
        told = [v for v in values if v.end <= offset + m.start() and v.time_precision == 1]
        base = told[-1] if told else before
        if base is None or any(v.start < offset + m.end() and offset + m.start() < v.end for v in values):
            continue
        day = base.date + timedelta(days=words[" ".join(m.group("later").lower().split())])
        if published is not None and day > published:
            continue
        values.append(DateValue(text=m.group(0), start=offset + m.start(), end=offset + m.end(), date=day,
                                time_precision=1, relative=base.relative))
    return sorted(values, key=lambda v: v.start)


# --- resolvers: one per pattern, match -> _Found or None ---------------------------


def _month_number(name: str) -> int:
    w = date_words()
    key = name.lower().rstrip(".").strip()
    return w.months.get(key) or w.abbreviations[key]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _next_word(text: str, pos: int) -> str | None:
    """The word after `pos`, lower case; "" at punctuation or the end."""
    m = re.match(r"\s*([A-Za-z]+)?", text[pos:])
    return m.group(1).lower() if m and m.group(1) else ""


def _word_ok_after(text: str, pos: int) -> bool:
    nxt = _next_word(text, pos)
    return nxt == "" or nxt in date_words().words["after_ambiguous"]


def _two_digit_year(yy: int, published: date | None) -> int:
    if published is None:
        return 1900 + yy if yy >= 50 else 2000 + yy
    for century in (2000, 1900, 1800):
        if century + yy <= published.year:
            return century + yy
    return 1900 + yy


def _iso(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    d = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return None if d is None else _Found(m.start(), m.end(), d, None, 1, False)


def _day_month(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    month, day = _month_number(m["mon"]), int(m["day"])
    end = m.end()
    year_text = m["year"]
    if year_text and len(year_text.lstrip("'")) == 2 and not _word_ok_after(text, end):
        year_text, end = None, m.end("mon")
    mon_text = m["mon"]
    if (
        mon_text.lower() in date_words().words["ambiguous_months"]
        and mon_text.islower()
        and not year_text
        and not _word_ok_after(text, end)
    ):
        return None
    if year_text:
        digits = year_text.lstrip("'")
        year = int(digits) if len(digits) == 4 else _two_digit_year(int(digits), published)
        d = _safe_date(year, month, day)
        return None if d is None else _Found(m.start(), end, d, None, 1, False)
    if published is None:
        return None
    d = _safe_date(published.year, month, day)
    if d is None or d > published:
        d = _safe_date(published.year - 1, month, day)
    return None if d is None else _Found(m.start(), end, d, None, 1, True)


def _month_year(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    first, last = _month_range(int(m["year"]), _month_number(m["mon"]))
    return _Found(m.start(), m.end(), first, last, 3, False)


def _month(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    mon_text, pre = m["mon"], " ".join(m["pre"].lower().split())
    if published is None:
        return None
    if mon_text.lower() in date_words().words["ambiguous_months"] and mon_text.islower():
        return None
    month = _month_number(mon_text)
    year = published.year
    if month > published.month or (pre == "last" and month >= published.month):
        year -= 1
    first, last = _month_range(year, month)
    if pre == "since":
        last = published
    return _Found(m.start(), m.end(), first, last, 3, True)


def _weekday(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    if published is None:
        return None
    before = text[max(0, m.start() - 20) : m.start()].lower().split()
    if before and before[-1] in date_words().words["weekday_blockers"]:
        return None
    after = text[m.end() : m.end() + 20].lower().split()[:1]
    if after and after[0].strip(".,;:") in date_words().words["weekday_nouns"] and not m["suf"]:
        return None  # "during Friday prayers": the weekly rite, no day
    if _future_cue().search(_CLAUSE_START.split(text[max(0, m.start() - 80) : m.start()])[-1]):
        return None  # "was due to start on Sunday"
    wd = date_words().weekdays[m["wd"].lower()]
    back = (published.weekday() - wd) % 7
    pre = " ".join((m["pre"] or "").lower().split())
    if back == 0 and pre in date_words().weekday_words["strictly_before"]:
        back = 7
    d = published - timedelta(days=back)
    return _Found(m.start(), m.end(), d, None, 1, True)


_CLAUSE_START = re.compile(r"[.;!?](?=\s+[A-Z\"“])|\n|,\s+(?:but|while|and)\s")  # not "6 a.m. on"


@lru_cache(maxsize=1)
def _future_cue() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alt(date_words().words["future_cues"]) + r")\b", re.IGNORECASE)


def _relative_day(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    if published is None:
        return None
    shift = date_words().relative_days[" ".join(m["rel"].lower().split())]
    return _Found(m.start(), m.end(), published + timedelta(days=shift), None, 1, True)


def _period(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    if published is None:
        return None
    spec = date_words().periods[" ".join(m["per"].lower().split())]
    unit, off = spec["unit"], int(spec["offset"])
    p = published
    if unit == "days":
        first, last, precision = p + timedelta(days=off), p, int(spec.get("precision", 1))
    elif unit == "week":
        first, last, precision = _unit_of(p + timedelta(weeks=off), "week")
    elif unit == "weekend":
        monday = p - timedelta(days=p.weekday())
        saturday = monday + timedelta(days=5) if off == 0 and p.weekday() >= 5 else monday - timedelta(days=2)
        if off < 0 and p.weekday() >= 5:
            saturday -= timedelta(days=7)
        first, last, precision = saturday, saturday + timedelta(days=1), 2
    elif unit == "month":
        y, mo = divmod(p.year * 12 + p.month - 1 + off, 12)
        first, last, precision = _unit_of(date(y, mo + 1, 1), "month")
    else:
        first, last, precision = _unit_of(date(p.year + off, 1, 1), "year")
    return _Found(m.start(), m.end(), first, last, precision, True)


def _unit_of(day: date, unit: str) -> tuple[date, date, int]:
    """The week (Monday to Sunday), month or year a day is in, with its ACLED precision."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6), 2
    if unit == "month":
        return (*_month_range(day.year, day.month), 3)
    return date(day.year, 1, 1), date(day.year, 12, 31), 3


def _ago(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    if published is None:
        return None
    n_text = m["n"].lower()
    n = int(n_text) if n_text.isdigit() else date_words().ago_numbers[n_text]
    unit = m["unit"].lower()
    if unit == "day":
        return _Found(m.start(), m.end(), published - timedelta(days=n), None, 1, True)
    if unit == "week":
        return _Found(m.start(), m.end(), published - timedelta(weeks=n), None, 2, True)
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
        first, last = _month_range(y, mo + 1)
        return _Found(m.start(), m.end(), first, last, 3, True)
    year = published.year - n
    return _Found(m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), 3, True)


def _year_range(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    pre, sep = (m["pre"] or "").lower(), " ".join(m["sep"].lower().split())
    if sep.isalpha() and not pre:
        return None  # "2014 to 2017" needs "from"/"between"; "2014-2017" does not
    if sep == "and" and pre != "between":
        return None
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 <= y1:
        return None
    return _Found(m.start(), m.end(), date(y1, 1, 1), date(y2, 12, 31), 3, False)


def _year_of_an_event(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    year = int(m["year"])
    if published is not None and year > published.year:
        return None
    return _Found(m.start("year"), m.end(), date(year, 1, 1), date(year, 12, 31), 3, False)


def _year(m: re.Match[str], text: str, published: date | None) -> _Found | None:
    nxt = re.match(r"\s*([A-Za-z]+)", text[m.end() :])
    words = date_words().words
    if nxt and nxt.group(1).islower() and nxt.group(1) not in words["after_ambiguous"]:
        if nxt.group(1) not in words["after_year"]:
            return None
    year = int(m["year"])
    pre = " ".join(m["pre"].lower().split())
    last = date(year, 12, 31)
    if pre == "since":
        if published is None:
            return _Found(m.start(), m.end(), date(year, 1, 1), None, 3, False)
        last = published
    return _Found(m.start(), m.end(), date(year, 1, 1), last, 3, False)
