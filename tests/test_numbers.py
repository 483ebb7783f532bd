"""Figure phrases to Count: examples of ACLED's conservative rule, then properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.numbers import find_figures, parse_count


@pytest.mark.parametrize(
    "phrase, best, low, high, qualifier",
    [
        ("more than 100", 100, 100, None, "more_than"),
        ("over 100", 100, 100, None, "more_than"),
        ("at least 12", 12, 12, None, "at_least"),
        ("about 40", 40, None, None, "about"),
        ("around 40", 40, None, None, "about"),
        ("some 40", 40, None, None, "about"),
        ("nearly 40", 40, None, None, "about"),
        ("approximately 40", 40, None, None, "about"),
        ("an estimated 40", 40, None, None, "about"),
        ("up to 30", 30, None, 30, "at_most"),
        ("as many as 30", 30, None, 30, "at_most"),
        ("between 20 and 30", 20, 20, 30, "at_least"),
        ("20 to 30", 20, 20, 30, "at_least"),
        ("20-30", 20, 20, 30, "at_least"),
        ("two or three", 2, 2, 3, "at_least"),
        ("12", 12, 12, 12, "exact"),
        ("twenty-five", 25, 25, 25, "exact"),
        ("one", 1, 1, 1, "exact"),
        ("a dozen", 12, 12, 12, "exact"),
        ("two dozen", 24, 24, 24, "exact"),
        ("three hundred", 300, 300, 300, "exact"),
        ("three hundred and twenty-five", 325, 325, 325, "exact"),
        ("1,200", 1200, 1200, 1200, "exact"),
        ("2.5 million", 2_500_000, 2_500_000, 2_500_000, "exact"),
        ("THREE", 3, 3, 3, "exact"),
        ("dozens", 12, 12, None, "at_least"),
        ("dozens of", 12, 12, None, "at_least"),
        ("hundreds", 100, 100, None, "at_least"),
        ("scores", 20, 20, None, "at_least"),
        ("tens of thousands", 10_000, 10_000, None, "at_least"),
        ("several hundred", 200, 200, None, "at_least"),
        ("several", 10, 3, None, "about"),
        ("many", 10, 3, None, "about"),
        ("a few", 3, 2, None, "about"),
        ("a number of", 3, 2, None, "about"),
        ("a handful of", 3, 2, None, "about"),
        ("a", 1, 1, 1, "exact"),
        ("an", 1, 1, 1, "exact"),
        ("no", 0, 0, 0, "exact"),
        ("no one", 0, 0, 0, "exact"),
        ("more than a dozen", 12, 12, None, "more_than"),
    ],
)
def test_parse_count(phrase, best, low, high, qualifier):
    count = parse_count(phrase)
    assert (count.best, count.low, count.high, count.qualifier) == (best, low, high, qualifier)
    assert count.text == phrase


@pytest.mark.parametrize("phrase", ["", "foo", "2.5", "twenty twenty", "one two", "30 to 20"])
def test_not_a_figure(phrase):
    assert parse_count(phrase) is None


def test_find_figures_skips_times_ages_money_and_percentages():
    text = "at 2 p.m. a 25-year-old lost $5 million, 30% of 1,200 people"
    assert [f.count.best for f in find_figures(text)] == [1200]


def test_find_figures_offsets():
    text = "More than 100 fighters and about 500 troops"
    found = find_figures(text)
    assert [text[f.start : f.end] for f in found] == ["More than 100", "about 500"]


# --- properties ------------------------------------------------------------------------

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen \
fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """An independent spelling of n in English words (below a million)."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    rest = n % 1000
    return _words(n // 1000) + " thousand" + ("" if rest == 0 else " " + _words(rest))


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_round_trip(n):
    for phrase in (str(n), f"{n:,}"):
        count = parse_count(phrase)
        assert (count.best, count.low, count.high, count.qualifier) == (n, n, n, "exact")


@given(st.integers(min_value=0, max_value=999_999))
def test_words_round_trip(n):
    assert parse_count(_words(n)).best == n


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["more than", "over", "at least", "about", "up to", "as many as", ""]),
)
def test_qualified_numbers_keep_the_stated_number(n, qualifier):
    count = parse_count(f"{qualifier} {n}")
    assert count.best == n
    if count.low is not None:
        assert count.low <= count.best
    if count.high is not None:
        assert count.best <= count.high


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_ranges_are_conservative(a, gap):
    count = parse_count(f"between {a} and {a + gap}")
    assert (count.best, count.low, count.high) == (a, a, a + gap)


@given(st.text(max_size=60))
def test_never_raises_and_keeps_order(text):
    count = parse_count(text)
    if count is not None:
        assert count.low is None or count.low <= count.best
        assert count.high is None or count.best <= count.high
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)


def test_how_many_asks_and_counts_nothing():
    assert find_figures("The army did not say how many soldiers were killed.") == []


def test_quotes_inside_a_figure_phrase_split_nothing():
    from eventwire.numbers import find_figures
    found = find_figures('The army said only that "a number" of soldiers had been killed.')
    assert [(f.count.best, f.count.qualifier) for f in found] == [(3, "about")]
