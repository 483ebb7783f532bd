"""Where an event happened: places the text names as locations, not as owners or speakers."""

from datetime import date


def test_a_country_that_owns_the_base_is_not_where_it_was_hit(run):
    text = ("Rockets hit Camp Liberty, a former U.S. base near Baghdad airport housing members of "
            "the Iranian opposition group MEK, on Thursday, killing 23 people, the group said.")
    events = run(text, published=date(2015, 10, 30))
    assert [(e.location.name, e.location.country_code) for e in events] == [("Baghdad", "IQ")]


def test_an_embassy_names_its_country_but_stands_in_the_city(run):
    events = run("A car bomb exploded outside the Turkish embassy in Kabul on Monday, killing four people.",
                 published=date(2017, 5, 3))
    assert [e.location.name for e in events] == ["Kabul"]
