"""find_dateline: the publication date and wire service that open a news report."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.readers import find_dateline
from eventwire.readers.dateline import blank_slug, parse_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIRUT, Feb 8, 2018 (Reuters) - Air strikes hit ...", (date(2018, 2, 8), "Reuters")),
        ("WASHINGTON, 8 February 2018 — The Pentagon said ...", (date(2018, 2, 8), None)),
        ("Strike kills five\nFebruary 8, 2018\nAn air strike ...", (date(2018, 2, 8), None)),
        (
            "   SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE",
            (date(1990, 1, 3), "RADIO VENCEREMOS"),
        ),
        ("DEV-MUC3-0001 (NOSC)\n\n   SAN SALVADOR, 3 JAN 90 -- [REPORT]", (date(1990, 1, 3), None)),
        (
            "HAVANA (CUBA), 15 NOV 89 (TELE-REBELDE NETWORK) -- [TEXT]",
            (date(1989, 11, 15), "TELE-REBELDE NETWORK"),
        ),
        ("WASHINGTON, D.C., Thursday, Feb. 8th, 2018 (AP) — Officials", (date(2018, 2, 8), "AP")),
        ("Published: February 8, 2018 at 10:34 AM EST\nAn air strike", (date(2018, 2, 8), None)),
        ("2018-02-08\nAn air strike ...", (date(2018, 2, 8), None)),
        # no year, no date: a dateline without a year resolves to nothing
        ("BEIRUT, Feb 8 (Reuters) - Air strikes hit ...", None),
        ("MANAGUA, 14 NOV (DPA) -- [TEXT]", None),
        ("KANDAHAR, Afghanistan (AP) — A roadside bomb ...", None),
        ("SAN SALVADOR, NO DATE (FBIS) -- [EDITORIAL REPORT]", None),
        # a date in a sentence is an event date, not a dateline
        ("On February 8, 2018, troops attacked the town.", None),
        ("BEIRUT, Feb 30, 2018 (Reuters) - no such day", None),
        ("x" * 400 + "\nFebruary 8, 2018\n", None),  # past the first ~300 characters
        ("", None),
    ],
)
def test_find_dateline(text, expected):
    assert find_dateline(text) == expected


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
PLACES = ["BEIRUT", "SAN SALVADOR", "WASHINGTON, D.C.", "Deir ez-Zor, Syria", "HAVANA (CUBA)"]
FORMS = {
    "Feb 8, 2018": lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    "February 8, 2018": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "8 February 2018": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "8 FEB 18": lambda d: f"{d.day} {MONTHS[d.month - 1][:3].upper()} {d.year % 100:02d}",
    "2018-02-08": lambda d: d.isoformat(),
}


@given(
    day=st.dates(min_value=date(1969, 1, 1), max_value=date(2068, 12, 31)),
    form=st.sampled_from(sorted(FORMS)),
    place=st.sampled_from([None, *PLACES]),
    outlet=st.sampled_from([None, "Reuters", "AP", "AFP", "RADIO VENCEREMOS", "ACAN-EFE"]),
    dash=st.sampled_from([" - ", " — ", " -- ", "\n"]),
    body=st.text(max_size=200),
)
def test_a_written_dateline_reads_back(day, form, place, outlet, dash, body):
    dateline = (f"{place}, " if place else "") + FORMS[form](day)
    dateline += f" ({outlet})" if outlet else ""
    assert find_dateline(dateline + dash + body) == (day, outlet)


@given(st.text(max_size=600))
def test_any_text_gives_a_date_and_outlet_or_nothing(text):
    found = find_dateline(text)
    if found is not None:
        day, outlet = found
        assert isinstance(day, date)
        assert outlet is None or outlet in " ".join(text.split())


@given(st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=400))
def test_no_digits_no_date(text):
    assert find_dateline(text) is None


def test_muc4_datelines_read_with_their_year(shared):
    """Every MUC-3 DEV text whose dateline has a day, month and year gets that date."""
    files = sorted((shared / "eval" / "muc4" / "dev").glob("dev-muc3-*"))
    texts = "\n".join(path.read_text(encoding="latin-1") for path in files)
    docs = re.split(r"(?m)^(?=DEV-MUC3-\d{4} )", texts)[1:]
    full_date = re.compile(r"(?m)^ +[A-Z].*?, \d{1,2} [A-Z]{3} \d\d \(")
    dated = [doc for doc in docs if full_date.search(doc[:300])]
    assert len(dated) > 1000
    assert [doc[:120] for doc in dated if find_dateline(doc) is None] == []
    years = [find_dateline(doc)[0].year for doc in dated]
    assert sum(year not in (1988, 1989, 1990) for year in years) == 1  # "11 MAR 11" in 1166


def test_a_wire_dateline_with_its_country_names_the_outlet():
    from eventwire.readers.dateline import parse_dateline

    found = parse_dateline("Bomb hits bus\n\nKANDAHAR, Afghanistan (AP) — A roadside bomb hit a bus.")
    assert (found.date, found.outlet) == (None, "AP")


def test_a_wire_dateline_without_a_place_names_the_outlet():
    from eventwire.readers.dateline import parse_dateline

    found = parse_dateline("Strike kills 9\n\n(AFP) - An air strike on a market killed nine people.")
    assert (found.date, found.outlet) == (None, "AFP")
    assert parse_dateline("Strike kills 9\n\nThe strike (seen in videos) - killed nine.") is None


@pytest.mark.parametrize("text, place", [
    ("Troops killed\n\nNIAMEY, Niger — Gunmen attacked an army post.", "NIAMEY, Niger — "),
    ("GAZA CITY -- An air strike hit a school.", "GAZA CITY -- "),
    ("KYIV, Ukraine, Oct. 3 — Drones hit a power plant.", "KYIV, Ukraine, Oct. 3 — "),
    ("MOGADISHU, Somalia - Two car bombs exploded.", "MOGADISHU, Somalia - "),
])
def test_a_dateline_without_date_or_outlet_is_still_a_dateline(text, place):
    from eventwire.readers.dateline import parse_dateline

    found = parse_dateline(text)
    assert (found.date, found.outlet, text[found.start : found.end]) == (None, None, place)


@pytest.mark.parametrize("text", ["The army said - without proof - it won.", "AK-47 rifles were seized.",
                                  "UN-backed talks - the first in a year - began.",
                                  "Gunmen — at least 20 — stormed the town."])
def test_a_sentence_with_a_dash_is_no_dateline(text):
    from eventwire.readers.dateline import parse_dateline

    assert parse_dateline(text) is None


@pytest.mark.parametrize("text, kept", [
    ("UPDATE 2-Taliban kill 16 soldiers", "Taliban kill 16 soldiers"),
    ("RPT-EXCLUSIVE-Rebels seize airport", "Rebels seize airport"),
    ("Update on the fighting in Goma", "Update on the fighting in Goma"),  # a headline word, no slug
])
def test_a_wire_slug_is_blanked_and_offsets_kept(text, kept):
    out = blank_slug(text)
    assert len(out) == len(text) and out.strip() == kept


def test_a_slug_is_no_actor(run):
    events = run("UPDATE 2-Militants kill 16 soldiers in raid on post near Afghan border\n\n"
                 "Militants killed 16 soldiers in an attack on a post in South Waziristan on Saturday.")
    assert "UPDATE" not in {a.name for e in events for a in e.actors}


@pytest.mark.parametrize("text, outlet", [
    ("Gunfight in Churachandpur\n\nCHURACHANDPUR, Mar 4 (NE Now): Two men were shot dead ...", "NE Now"),
    ("Jihadists attack army post\n\nBy Amadou Diallo in Bamako | AFP\n\nGunmen attacked ...", "AFP"),
])
def test_a_local_papers_colon_or_a_byline_names_the_outlet(text, outlet):
    from eventwire.readers.dateline import parse_dateline

    assert parse_dateline(text).outlet == outlet


def test_a_dateline_of_two_cities_is_a_dateline():
    found = parse_dateline("DUBAI/ADEN, June 14 (Reuters) - U.S. and British forces carried out airstrikes")
    assert found is not None and found.outlet == "Reuters" and found.end == len("DUBAI/ADEN, June 14 (Reuters) -")


@pytest.mark.parametrize("text, outlet, end", [
    ("Ouagadougou (AFP) - Jihadists killed at least 15 soldiers", "AFP", 19),  # AFP's own case
    ("Imphal, Mar 16 (PTI) Two people were killed", "PTI", 20),  # PTI's has no dash
    ("KALAT: At least nine passengers were shot dead", None, 7),  # Dawn's colon
    ("Caracas, Sep 3 (EFE).- Nine people were killed", "EFE", 22),  # EFE's full stop before the dash
])
def test_house_styles_of_datelines(text, outlet, end):
    found = parse_dateline(text)
    assert found is not None and (found.outlet, found.end) == (outlet, end)


def test_a_sentence_opening_with_a_bracket_is_no_dateline():
    assert parse_dateline("The army (FARDC) said on Monday that rebels attacked a village.") is None
