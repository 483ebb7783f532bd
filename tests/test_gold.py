"""The gold-file checker on hand-made events: it passes what matches and names what fails."""

from datetime import date

from eventwire.evaluation.gold import check, km
from eventwire.models import Actor, Count, Event, Location

GOLD = {
    "reported_events": [{
        "key": "k", "required": True, "status": "reported", "event_date": "2018-02-07",
        "date_tolerance_days": 1, "event_type_any": ["Battles"],
        "location": {"name_any": ["Khasham"], "country_code": "SY", "lat": 35.3, "lon": 40.29, "max_km": 15},
        "actors": {"attacker_any": ["pro-regime", "Syria"]},
        "fatalities": {"best_min": 100, "best_max": 101, "qualifier_any": ["more_than"]},
        "sources_any_all": [["Reuters"]],
    }],
    "must_not": ["more than one reported event carrying 100 or more fatalities",
                 "a reported event located in Turkey or Russia", "'about 500' read as fatalities",
                 "something nobody can check"],
}


def event(**changes):
    base = dict(event_id="e1", event_type="Battles", sub_event_type="Armed clash", event_date=date(2018, 2, 7),
                location=Location(name="Khasham", country_code="SY", lat=35.30, lon=40.28, geo_precision=2),
                actors=[Actor(name="Military Forces of Syria", mention="pro-regime forces", role="attacker")],
                fatalities=Count(best=100, qualifier="more_than", text="more than 100"), sources=["Reuters"])
    return Event(**{**base, **changes})


def test_matching_event_passes_and_unknown_rules_are_noted():
    report = check(GOLD, [event()])
    assert report.ok, report.failures
    assert any("unchecked" in note for note in report.notes)


def test_each_wrong_field_is_named():
    report = check(GOLD, [event(event_date=date(2018, 2, 1), sources=["AP"])])
    assert not report.ok
    assert "event_date" in report.failures[0] and "source" in report.failures[0]


def test_must_not_rules():
    two_heavy = [event(), event(event_id="e2")]
    assert any("more than one" in f for f in check(GOLD, two_heavy).failures)
    in_turkey = event(event_id="e3", location=Location(name="Ankara", country_code="TR"), fatalities=Count())
    assert any("Turkey" in f for f in check(GOLD, [event(), in_turkey]).failures)
    misread = event(fatalities=Count(best=500, qualifier="about", text="about 500"))
    assert any("about 500" in f for f in check(GOLD, [misread]).failures)


def test_great_circle_distance():
    assert round(km(35.336, 40.141, 35.301, 40.289)) == 14
