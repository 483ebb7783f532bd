"""Date expressions resolved against the publication date: examples, then properties."""

from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from eventwire.dates import find_dates

THURSDAY = date(2018, 2, 8)  # the seed article's publication date


def one(text, published=THURSDAY):
    values = find_dates(text, published)
    assert len(values) == 1, values
    v = values[0]
    return str(v.date), str(v.date_end) if v.date_end else None, v.time_precision


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They attacked on Wednesday.", ("2018-02-07", None, 1)),
        ("a U.S. official said on Thursday", ("2018-02-08", None, 1)),
        ("late Tuesday", ("2018-02-06", None, 1)),
        ("Tuesday night", ("2018-02-06", None, 1)),
        ("last Thursday", ("2018-02-01", None, 1)),
        ("were killed overnight", ("2018-02-07", None, 1)),
        ("last night", ("2018-02-07", None, 1)),
        ("yesterday", ("2018-02-07", None, 1)),
        ("today", ("2018-02-08", None, 1)),
        ("this morning", ("2018-02-08", None, 1)),
        ("earlier today", ("2018-02-08", None, 1)),
        ("two days ago", ("2018-02-06", None, 1)),
        ("last week", ("2018-01-29", "2018-02-04", 2)),
        ("earlier this month", ("2018-02-01", "2018-02-08", 3)),
        ("last month", ("2018-01-01", "2018-01-31", 3)),
        ("in September 2017", ("2017-09-01", "2017-09-30", 3)),
        ("February 7", ("2018-02-07", None, 1)),
        ("7 February", ("2018-02-07", None, 1)),
        ("Feb. 7", ("2018-02-07", None, 1)),
        ("described the February 7 attack", ("2018-02-07", None, 1)),
        ("February 10", ("2017-02-10", None, 1)),  # after publication: the year before
        ("February 7, 2018", ("2018-02-07", None, 1)),
        ("7 Feb 2018", ("2018-02-07", None, 1)),
        ("2018-02-07", ("2018-02-07", None, 1)),
        ("ON 30 DECEMBER", ("2017-12-30", None, 1)),
        ("in 2014", ("2014-01-01", "2014-12-31", 3)),
        ("from 2014 to 2017", ("2014-01-01", "2017-12-31", 3)),
        ("between 2014 and 2017", ("2014-01-01", "2017-12-31", 3)),
        ("since 2011", ("2011-01-01", "2018-02-08", 3)),
        ("in early March", ("2017-03-01", "2017-03-31", 3)),
        ("Wednesday, February 7, 2018", ("2018-02-07", None, 1)),
    ],
)
def test_examples(text, expected):
    assert one(text) == expected


def test_muc_style_two_digit_year():
    assert one("SAN SALVADOR, 3 JAN 90 -- [TEXT]", date(1990, 1, 5)) == ("1990-01-03", None, 1)
    assert one("ON 3 JAN 90.", None) == ("1990-01-03", None, 1)


def test_two_digit_year_needs_to_end_the_phrase():
    assert one("on 7 february 12 people died") == ("2018-02-07", None, 1)


@pytest.mark.parametrize(
    "text",
    [
        "They may attack again.",
        "The 3 may be released.",
        "a march on the capital",
        "in march",  # lower case "march" needs a day beside it
        "March 2,000 people",
        "2,000 people",
        "Resolution 2254",
        "at 2 p.m.",
        "a man aged 25",
        "killed in 2000 attacks",
        "next Wednesday",
        "in 2019",  # after publication
    ],
)
def test_no_false_dates(text):
    assert find_dates(text, THURSDAY) == []


def test_without_publication_only_dated_expressions_resolve():
    values = find_dates("on Wednesday, yesterday, in 2014 and on 7 Feb 2018", None)
    assert [v.text for v in values] == ["in 2014", "7 Feb 2018"]
    assert not any(v.relative for v in values)


def test_offsets_are_article_offsets_and_relative_is_marked():
    (v,) = find_dates("killed overnight", THURSDAY, offset=100)
    assert (v.start, v.end, v.text, v.relative) == (107, 116, "overnight", True)


def test_seed_article_sentence():
    text = "seize terrain SDF had liberated from Daesh in September 2017"
    (v,) = find_dates(text, THURSDAY)
    assert (v.date, v.date_end, v.time_precision) == (date(2017, 9, 1), date(2017, 9, 30), 3)


# --- properties ------------------------------------------------------------------------

published_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_explicit_dates_round_trip(d):
    for text in (f"{d:%B} {d.day}, {d.year}", f"{d.day} {d:%B} {d.year}", d.isoformat()):
        (v,) = find_dates(f"It happened on {text}.", None)
        assert (v.date, v.time_precision, v.relative) == (d, 1, False)


@given(published_dates, st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)))
@example(published=date(2001, 3, 2), day=date(2000, 2, 29))  # found by a CI run: the last leap day
def test_yearless_day_month_is_within_a_year_before_publication(published, day):
    values = find_dates(f"on {day.day} {day:%B}", published)
    if not values:  # 29 February in a year without one
        assert (day.month, day.day) == (2, 29)
        return
    (v,) = values
    assert (v.date.month, v.date.day) == (day.month, day.day)
    # 366: a leap year back; a 29 February may be the one of the last leap year (2000-02-29
    # for 2001-03-02, 367 days back), so it is bounded by the leap years in between instead
    back = 4 * 366 if (day.month, day.day) == (2, 29) else 366
    assert published - timedelta(days=back) <= v.date <= published


@given(published_dates, st.sampled_from(WEEKDAYS))
def test_weekday_is_the_last_such_day_on_or_before_publication(published, name):
    (v,) = find_dates(f"on {name}", published)
    assert v.date.strftime("%A") == name
    assert published - timedelta(days=6) <= v.date <= published


@given(published_dates, st.lists(st.sampled_from([
    "on Monday", "last Friday", "yesterday", "last week", "this month", "last month",
    "February 28", "31 December", "in 2020", "since 2011", "from 2014 to 2030",
    "in March", "two weeks ago", "over the weekend", "this year", "May 2040",
]), min_size=1, max_size=5))
def test_never_after_publication(published, phrases):
    for v in find_dates(", ".join(phrases), published):
        assert v.date <= published
        assert v.date_end is None or v.date <= v.date_end <= published


@given(st.text(max_size=80), published_dates)
def test_never_raises_and_offsets_match(text, published):
    for v in find_dates(text, published, offset=7):
        assert text[v.start - 7 : v.end - 7] == v.text


def test_a_weekday_after_a_future_cue_dates_nothing():
    published = date(2024, 6, 15)  # a Saturday
    assert find_dates("The truce was due to start at 6 a.m. on Sunday.", published) == []
    assert find_dates("Talks will resume on Monday.", published) == []
    # a future cue in an earlier sentence does not reach the weekday
    assert [d.date for d in find_dates("Talks will resume. Gunmen killed 5 people on Sunday.", published)] == [date(2024, 6, 9)]


def test_a_month_naming_an_event_dates_it_but_a_march_to_somewhere_does_not():
    published = date(2025, 2, 26)
    assert [(d.date, d.date_end) for d in find_dates("They were behind a September raid on the port.", published)] == [
        (date(2024, 9, 1), date(2024, 9, 30))]
    assert find_dates("Thousands joined the March to the capital.", published) == []


def test_days_later_count_from_the_day_told_before():
    found = find_dates("Gunmen attacked the post on Monday and troops retook it a day later.", THURSDAY)
    assert [(v.text, str(v.date)) for v in found] == [("on Monday", "2018-02-05"), ("a day later", "2018-02-06")]
    before = find_dates("on Monday", THURSDAY)[0]
    assert [str(v.date) for v in find_dates("The following day, the army shelled the town.", THURSDAY,
                                            before=before)] == ["2018-02-06"]
    assert find_dates("The following day, the army shelled the town.", THURSDAY) == []


def test_that_month_is_the_month_of_the_date_told_before():
    published = date(2024, 9, 10)
    told = find_dates("Fighting broke out in the region in August 2023.", published)[-1]
    found = find_dates("That month, a drone strike hit the town.", published, told=told)
    assert [(v.text, str(v.date), str(v.date_end), v.time_precision) for v in found] == [
        ("That month", "2023-08-01", "2023-08-31", 3)]
    same = find_dates("Rebels took the town on 3 May 2017, and the army retook it later that year.", published)
    assert [(v.text, str(v.date), v.time_precision) for v in same] == [
        ("3 May 2017", "2017-05-03", 1), ("later that year", "2017-01-01", 3)]
    assert find_dates("That month, a drone strike hit the town.", published) == []  # nothing told before


def test_overnight_on_a_named_day_is_that_day():
    found = find_dates("Drones struck the port overnight on May 6, killing two.", date(2025, 5, 7))
    assert [(v.text, str(v.date)) for v in found] == [("May 6", "2025-05-06")]
    assert [str(v.date) for v in find_dates("Drones struck the port overnight.", date(2025, 5, 7))] == ["2025-05-06"]


def test_a_year_before_an_event_noun_dates_it():
    found = find_dates("A court jailed two soldiers over the 2016 massacre in the village.", THURSDAY)
    assert [(v.text, str(v.date), str(v.date_end), v.time_precision) for v in found] == [
        ("2016", "2016-01-01", "2016-12-31", 3)]
    assert find_dates("the 1,800 residents fled", THURSDAY) == []


def test_time_after_counts_back_from_the_day_told_before_it():
    text = ("Security forces killed 12 militants on Sunday, the military said, "
            "two days after insurgents attacked a checkpoint in the area.")
    assert [(v.text, v.date) for v in find_dates(text, date(2024, 9, 11))] == [
        ("on Sunday", date(2024, 9, 8)), ("two days after", date(2024, 9, 6))]
    week = find_dates("The raid on Monday came a week after gunmen killed a chief.", date(2024, 9, 11))
    assert [v.date for v in week] == [date(2024, 9, 9), date(2024, 9, 2)]
    assert find_dates("The raid came days after gunmen killed a chief.", date(2024, 9, 11)) == []  # no count, no day


def test_a_weekday_naming_a_weekly_rite_is_no_day():
    assert [v.text for v in find_dates("In March, gunmen killed 44 worshippers during Friday prayers at a mosque.",
                                       date(2025, 6, 17))] == ["In March"]
    assert find_dates("Gunmen attacked the Sunday market in Kano.", date(2025, 6, 17)) == []
    assert [v.date for v in find_dates("The attack on Friday killed three.", date(2025, 6, 17))] == [date(2025, 6, 13)]
