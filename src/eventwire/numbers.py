"""Figure phrases ("more than 100", "about 500", "twenty-five", "dozens") to `Count`.

One public parser, `parse_count(phrase)`, and one finder, `find_figures(text)`, which
returns every figure phrase in a text with character offsets (casualties.py then asks the
parse what each figure counts). The words live in patterns/numbers.toml.

ACLED's conservative rule decides `best`:

| phrase                         | best | low  | high | qualifier |
|--------------------------------|------|------|------|-----------|
| "12", "twelve", "a dozen"      | 12   | 12   | 12   | exact     |
| "more than 100", "over 100"    | 100  | 100  | None | more_than |
| "at least 12"                  | 12   | 12   | None | at_least  |
| "about 40", "nearly 40"        | 40   | None | None | about     |
| "up to 30", "as many as 30"    | 30   | None | 30   | at_most   |
| "between 20 and 30", "20-30"   | 20   | 20   | 30   | at_least  |
| "dozens" / "hundreds"          | 12 / 100 | same | None | at_least |
| "several", "many"              | 10   | 3    | None | about     |
| "a few"                        | 3    | 2    | None | about     |
| "a", "an", "one"               | 1    | 1    | 1    | exact     |
| "no", "no one", "none"         | 0    | 0    | 0    | exact     |

`low` is None when the phrase states no lower bound ("up to 30" may be 1 or 30), `high`
None when it states no upper bound. A range keeps its lower end as best (conservative)
and is qualified at_least, its upper end in `high`. Strict comparisons keep the stated
number: "more than 100" and "fewer than 10" give 100 and 10, as ACLED codes them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.models import Count, Qualifier

QUALIFIERS = frozenset({"exact", "about", "at_least", "more_than", "at_most", "unknown"})


@dataclass(frozen=True)
class Vague:
    """A vague quantity word ("dozens", "several") and how it is coded."""

    best: int
    low: int | None
    qualifier: Qualifier
    times: int | None = None  # multiplies a following scale: "several hundred" = 200


@dataclass(frozen=True)
class NumberWords:
    """The vocabulary of patterns/numbers.toml, validated."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fixed: dict[str, int]
    qualifiers: dict[str, Qualifier]
    range_separators: tuple[str, ...]
    vague: dict[str, Vague]
    casualty: dict[str, frozenset[str]]
    ordinals: dict[str, int]


@dataclass(frozen=True)
class Figure:
    """A figure phrase found in a text: character offsets and its value."""

    start: int
    end: int
    count: Count


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    """Load and validate patterns/numbers.toml (once)."""
    raw = tomllib.loads(
        resources.files("eventwire").joinpath("patterns/numbers.toml").read_text("utf-8")
    )
    quals = {k.lower(): v for k, v in raw["qualifiers"].items()}
    bad = {v for v in quals.values() if v not in QUALIFIERS}
    vague = {k.lower(): Vague(**v) for k, v in raw["vague"].items()}
    bad |= {v.qualifier for v in vague.values() if v.qualifier not in QUALIFIERS}
    if bad:
        raise ValueError(f"patterns/numbers.toml: unknown qualifiers {sorted(bad)}")
    for name, v in vague.items():
        if v.low is not None and v.low > v.best:
            raise ValueError(f"patterns/numbers.toml: vague {name!r} has low > best")
    return NumberWords(
        units=_lower(raw["units"]),
        tens=_lower(raw["tens"]),
        scales=_lower(raw["scales"]),
        fixed=_lower(raw["fixed"]),
        qualifiers=quals,
        range_separators=tuple(raw["ranges"]["separators"]),
        vague=vague,
        casualty={k: frozenset(w.lower() for w in v) for k, v in raw["casualty"].items()},
        ordinals=_lower(raw["ordinals"]),
    )


@lru_cache(maxsize=1)
def toll_verbs() -> frozenset[str]:
    """Verbs that tell or update a toll ("put the toll at", "raised it to 14", "revised"):
    [casualty] toll_telling_verbs and raising_verbs of numbers.toml."""
    casualty = number_words().casualty
    return frozenset(casualty["toll_telling_verbs"]) | frozenset(casualty["raising_verbs"])


def ordinal(word: str) -> int | None:
    """The rank an ordinal word gives: "fourth" 4, "21st" 21, "first" and others None (the
    first of the dead says nothing of how many there are)."""
    word = word.lower()
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(match.group(1)) if match else number_words().ordinals.get(word)


def _lower(table: dict[str, int]) -> dict[str, int]:
    return {k.lower(): int(v) for k, v in table.items()}


# --- the grammar of a figure phrase ------------------------------------------------


def _alt(words) -> str:
    """Regex alternation, longest first, spaces matching any run of whitespace."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


@dataclass(frozen=True)
class _Grammar:
    full: re.Pattern[str]  # a whole phrase, anchored
    find: re.Pattern[str]  # figures inside running text


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    w = number_words()
    atom = rf"(?:{_alt([*w.units, *w.tens, *w.scales])})\b"
    big = "".join(f"(?<={s})" if i == 0 else f"|(?<={s})" for i, s in enumerate(w.scales))
    words = rf"(?:an?\s+(?=(?:{_alt(w.scales)})\b))?{atom}(?:(?:\s+|-|(?:{big})\s+and\s+){atom})*"
    scale = rf"(?:\s+(?:{_alt(w.scales)})\b)?"
    digits = rf"(?<![\w.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\w]|[.,]\d){scale}"
    plural = [k for k, v in w.vague.items() if v.qualifier == "at_least"]
    timesw = [k for k, v in w.vague.items() if v.times]
    vague = (
        rf"(?:{_alt(plural)})\s+of\s+(?:{_alt(plural)})\b"
        rf"|(?:{_alt(timesw)})\s+(?:{_alt(w.scales)})s?\b"
        rf"|(?:{_alt(w.vague)})\b"
    )
    fixed = _alt([k for k, v in w.fixed.items() if v >= 2 or (" " in k or "-" in k) and v == 0])
    quant = rf"(?:(?:{fixed})\b|{vague}|{digits}|{words})"
    seps = [re.escape(s) for s in w.range_separators if not s.isalpha()]
    seps_w = [s for s in w.range_separators if s.isalpha()]
    sep = rf"(?:\s*(?:{'|'.join(seps)})\s*|\s+(?:{'|'.join(seps_w)})\s+)"
    figure = (
        rf"(?:(?P<qual>{_alt(w.qualifiers)})\s+)?"
        rf"(?:between\s+(?P<b1>{quant})\s+and\s+(?P<b2>{quant})"
        rf"|(?P<a1>{quant})(?:{sep}(?P<a2>{quant}))?)"
    )
    return _Grammar(
        full=re.compile(rf"{figure}", re.IGNORECASE),
        find=re.compile(rf"(?<!\w){figure}(?!\w)", re.IGNORECASE),
    )


# --- values ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Amount:
    best: int
    low: int | None
    high: int | None
    qualifier: Qualifier


def _exact(n: int) -> _Amount:
    return _Amount(n, n, n, "exact")


def _words_value(text: str) -> int | None:
    """ "three hundred and twenty-five" -> 325; None when the words make no number."""
    w = number_words()
    total = current = 0
    seen = False
    tokens = text.replace("-", " ").split()
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
    for i, tok in enumerate(tokens):
        if tok == "and":
            if i == 0 or tokens[i - 1] not in w.scales:
                return None
            continue
        if tok in w.units or tok in w.tens:
            value = w.units.get(tok, w.tens.get(tok))
            low2 = current % 100
            if tok in w.tens and low2 != 0:
                return None
            if tok in w.units and low2 != 0 and not (low2 >= 20 and low2 % 10 == 0 and value < 10):
                return None
            current += value
        elif tok in w.scales:
            scale = w.scales[tok]
            if scale < 1000:
                if current % scale == 0 and current >= scale:
                    return None  # "hundred hundred"
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _amount(text: str) -> _Amount | None:
    w = number_words()
    s = " ".join(text.lower().split())
    if s in w.fixed:
        return _exact(w.fixed[s])
    if s in w.vague:
        v = w.vague[s]
        return _Amount(v.best, v.low, None, v.qualifier)
    parts = s.split()
    if len(parts) >= 3 and parts[-2] == "of" and parts[-1] in w.vague:
        first, last = w.vague.get(" ".join(parts[:-2])), w.vague[parts[-1]]
        if first is None:
            return None
        n = first.best * last.best
        return _Amount(n, n, None, "at_least")
    head, tail = " ".join(parts[:-1]), parts[-1]
    if tail.rstrip("s") in w.scales and head in w.vague and w.vague[head].times:
        n = w.vague[head].times * w.scales[tail.rstrip("s")]
        return _Amount(n, n, None, "at_least")
    if s[0].isdigit():
        number, scale = (head, w.scales.get(tail)) if len(parts) > 1 else (s, 1)
        if scale is None:
            return None
        value = float(number.replace(",", "")) * scale
        return _exact(int(value)) if value == int(value) else None
    n = _words_value(s)
    return None if n is None else _exact(n)


def parse_count(phrase: str) -> Count | None:
    """Turn a figure phrase into a `Count` (module docstring has the table).

    Returns None when the phrase is no figure. Example:
    `parse_count("more than 100")` -> Count(best=100, low=100, high=None,
    qualifier="more_than", text="more than 100").
    """
    text = phrase.strip().strip(".,;:()[]\"'“”")
    s = " ".join(text.lower().split())
    if s.endswith(" of") and s[:-3] not in number_words().fixed and s not in number_words().vague:
        s = s[:-3]  # "dozens of" is "dozens"; "a number of" is itself the figure
    if not s:
        return None
    if s in number_words().fixed:
        n = number_words().fixed[s]
        return Count(best=n, low=n, high=n, qualifier="exact", text=text)
    m = _grammar().full.fullmatch(s)
    if m is None:
        return None
    first, second = (m["b1"], m["b2"]) if m["b1"] else (m["a1"], m["a2"])
    a = _amount(first)
    if a is None:
        return None
    if second:
        b = _amount(second)
        if b is None or b.best <= a.best:
            return None
        return Count(best=a.best, low=a.best, high=b.best, qualifier="at_least", text=text)
    qual = number_words().qualifiers.get(" ".join(m["qual"].split())) if m["qual"] else None
    if qual is None or a.qualifier != "exact":
        return Count(best=a.best, low=a.low, high=a.high, qualifier=a.qualifier, text=text)
    n = a.best
    if qual in ("more_than", "at_least"):
        return Count(best=n, low=n, high=None, qualifier=qual, text=text)
    if qual == "at_most":
        return Count(best=n, low=None, high=n, qualifier=qual, text=text)
    return Count(best=n, low=None, high=None, qualifier=qual, text=text)


_NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|-?\s*years?[- ]old\b|-year\b|[ap]\.?m\b\.?|:\d|h\b|GMT\b)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(r"[$€£¥#]\s*$")


def find_figures(text: str) -> list[Figure]:
    """Every figure phrase in `text`, with offsets into it, left to right.

    Skips percentages, ages ("25-year-old"), clock times and money; bare "a"/"an"/"no"
    are left to the parse (they count only when they determine a person noun).
    """
    found: list[Figure] = []
    written, text = text, text.translate(_QUOTES)  # 'said only that "a number" of soldiers': quotes split no phrase
    for m in _grammar().find.finditer(text):
        if _NOT_A_COUNT_AFTER.match(text, m.end()) or _NOT_A_COUNT_BEFORE.search(
            text, max(0, m.start() - 2), m.start()
        ):
            continue
        if _ASKED.search(text, 0, m.start()):
            continue  # "did not say how many guards were killed": a question, no figure
        count = parse_count(m.group())
        if count is not None:
            found.append(Figure(m.start(), m.end(), count.model_copy(update={"text": written[m.start():m.end()]})))
    return found


_QUOTES = str.maketrans({q: " " for q in "\"“”"})  # one character for one: offsets stay
_ASKED = re.compile(r"\bhow\s+$", re.I)
