"""Datelines: the place, date and wire service that open a news report.

    BEIRUT, Feb 8, 2018 (Reuters) -            -> 2018-02-08, "Reuters"
    WASHINGTON, 8 February 2018 —              -> 2018-02-08, None
    February 8, 2018                           -> 2018-02-08, None  (a line of its own)
    SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --  -> 1990-01-03, "RADIO VENCEREMOS"
    BEIRUT, Feb 8 (Reuters) -                  -> nothing: without a year there is no date
    MAIDUGURI, Nigeria (Reuters) -             -> no date, "Reuters"
    KYIV, Ukraine —                            -> no date, no outlet (a dateline all the same)
    IMPHAL, Jun 11 (IFP):                      -> no date, "IFP" (a local paper's colon)
    By Hamidou Ouedraogo in Dakar | AFP        -> no date, "AFP" (a byline naming the outlet)

Only the first ~300 characters are searched, and a date counts only where a dateline
stands: at the start of a line, after an optional place ("BEIRUT," or "HAVANA (CUBA),")
or "Published:", and followed by the end of the line, a wire service in parentheses or
a dash. "On February 8, 2018, troops attacked ..." is an event date, not a dateline.
Two-digit years follow POSIX `%y`: 69-99 are 1969-1999, 00-68 are 2000-2068.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

WINDOW = 300  # characters searched from the start of the text (extended to the line's end)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?i:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
_DATES = (
    rf"{_WEEKDAY}{_MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR}",  # February 8, 2018 / Feb. 8 2018
    rf"{_WEEKDAY}{_DAY}[ \t]+{_MONTH},?[ \t]+{_YEAR}",  # 8 February 2018
    rf"{_DAY}[ \t]+{_MONTH}[ \t]+(?P<year2>\d\d)",  # 3 JAN 90 (MUC, FBIS)
    r"(?P<year>(?:1[89]|20)\d\d)-(?P<num_month>[01]\d)-(?P<day>[0-3]\d)",  # 2018-02-08
)
# "BEIRUT," "WASHINGTON, D.C.," "HAVANA (CUBA)," "Deir ez-Zor, Syria," or "Published:"
_PLACE = r"[A-Z][\w.'’\- ]{0,40}?(?:[ \t]*\([^()\n]{1,30}\))?,[ \t]*"
_LEAD = (
    rf"^[ \t]*(?:(?:{_PLACE}){{1,3}}"
    r"|(?i:(?:last[ \t]+)?(?:published|posted|updated|dated?))(?:[ \t]+on)?:?[ \t]+)?"
)
_TIME = r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4})?)?"
# (AP), (ACAN-EFE), (INTERPRESS AGENCY [IPS]), [INRAVISION TELEVISION CADENA 1)
_OUTLET = r"(?:[ \t]*[(\[](?P<outlet>[A-Za-z][\w&.'’\-\[\] ]{0,40}?)[ \t]*[)\]])?"
_END = r"[ \t]*(?:$|--|[-–—|/])"

_DATELINES = [re.compile(_LEAD + form + _TIME + _OUTLET + _END, re.MULTILINE) for form in _DATES]
# A wire dateline without a year still names its outlet: "BEIRUT, Feb 8 (Reuters) -".
_WIRE = re.compile(
    r"^[ \t]*[A-Z](?:[A-Z.'’\-/ ]{1,40}|[a-z][A-Za-z.'’\-/]{1,30}(?: [A-Z][A-Za-z.'’\-/]{1,20}){0,2})"
    # "DUBAI/ADEN, June 14 (Reuters) -": two cities; "Ouagadougou (AFP) -": AFP's own case
    r"(?:,[ \t]*[A-Z][\w.'’\- ]{1,30}?)?"  # "MAIDUGURI, Nigeria (Reuters) -"
    r"(?:,[ \t]*(?:[A-Za-z]+\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Za-z]+\.?))?"
    r"[ \t]*\((?P<outlet>[A-Za-z][\w&.'’\- ]{0,40}?)\)[ \t]*\.?(?:--|[-–—:]|(?=[ \t]+[A-Z][a-z]))",
    # "IMPHAL, Jun 11 (IFP):", "Imphal, Mar 16 (PTI) Two people were killed": PTI's has no dash;
    # "Bogota, Aug 20 (EFE).-": EFE's full stop before it
    re.MULTILINE,
)
# Nor does one without a place: "(Reuters) - A Myanmar military air strike ...".
_OUTLET_ONLY = re.compile(r"^[ \t]*\((?P<outlet>[A-Z][\w&.'’\- ]{0,40}?)\)[ \t]*(?:--|[-–—])", re.MULTILINE)
# Nor does one without a wire service: "OUAGADOUGOU, Burkina Faso — Suspected jihadists ...".
# The city is in capitals and a dash follows: long, "--", or a hyphen with spaces round it.
_BARE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’\-]+(?:[ \t][A-Z][A-Z.'’\-]+){0,3}"
    r"(?:,[ \t]*[A-Z][\w.'’\- ]{1,30}?)?"
    r"(?:,[ \t]*(?:[A-Za-z]+\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Za-z]+\.?))?"
    r"(?:[ \t]*(?:--|[–—])|[ \t]+-|:)[ \t]+",  # "KALAT: At least nine ...": Dawn's colon
    re.MULTILINE,
)


# A byline that names the outlet after a bar: "By Hamidou Ouedraogo in Dakar | AFP".
_BYLINE = re.compile(r"^[ \t]*By[ \t]+[A-Z][^\n|]{1,100}\|[ \t]*(?P<outlet>[A-Z][\w&.'’\- ]{0,40}?)[ \t]*$",
                     re.MULTILINE)


@dataclass(frozen=True)
class Dateline:
    """What a dateline says: its date (None without a year) and its outlet, if named."""

    date: date | None
    outlet: str | None
    start: int  # character offsets of the matched dateline in the text
    end: int


def find_dateline(text: str) -> tuple[date, str | None] | None:
    """The publication date (and wire service, when named) from the text's dateline.

    Example: `find_dateline("BEIRUT, Feb 8, 2018 (Reuters) - Air strikes ...")`
    returns `(date(2018, 2, 8), "Reuters")`; text without a dated dateline gives None.
    """
    found = parse_dateline(text)
    if found is None or found.date is None:
        return None
    return found.date, found.outlet


def parse_dateline(text: str) -> Dateline | None:
    """The first dated dateline near the start of `text`, else an undated wire dateline."""
    window = _window(text)
    matches = sorted(
        (m for pattern in _DATELINES for m in pattern.finditer(window)), key=lambda m: m.start()
    )
    for match in matches:
        day = _date(match)
        if day is not None:
            return Dateline(day, _outlet(match), match.start(), match.end())
    wire = _WIRE.search(window) or _OUTLET_ONLY.search(window) or _BARE.search(window) or _BYLINE.search(window)
    if wire is not None:
        return Dateline(None, _outlet(wire), wire.start(), wire.end())
    return None


def _window(text: str) -> str:
    line_end = text.find("\n", WINDOW)
    return text[: WINDOW + 200 if line_end == -1 else min(line_end, WINDOW + 200)]


def _date(match: re.Match) -> date | None:
    groups = match.groupdict()
    if groups.get("year2") is not None:
        two = int(groups["year2"])
        year = 1900 + two if two >= 69 else 2000 + two
    else:
        year = int(groups["year"])
    if groups.get("num_month") is not None:
        month = int(groups["num_month"])
    else:
        month = _MONTHS[groups["month"][:3].lower()]
    try:
        return date(year, month, int(groups["day"]))
    except ValueError:  # "Feb 30", "0 JAN 90"
        return None


def _outlet(match: re.Match) -> str | None:
    outlet = match.groupdict().get("outlet")
    return " ".join(outlet.split()) if outlet else None


# A wire service's slug before the headline: "UPDATE 2-Taliban kill 16 ...", "RPT-EXCLUSIVE-...".
_SLUG = re.compile(r"\A\s*(?:(?:UPDATE|WRAPUP|RPT|REFILE|CORRECTED|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|"
                   r"EXPLAINER|TIMELINE|BREAKINGVIEWS|FOCUS)(?:[ \t]+\d+)?-)+")


def blank_slug(text: str) -> str:
    """The text with a leading wire slug set in spaces (offsets kept): "UPDATE 2-Pakistani
    Taliban kill 16 soldiers" is read as its headline, not with "UPDATE" as its subject."""
    found = _SLUG.match(text)
    return " " * found.end() + text[found.end():] if found else text
