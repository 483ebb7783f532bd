"""The trained role model fills the attackers and victims the parse rules miss in news text."""

from datetime import date

import pytest

from eventwire.models import Article
from eventwire.muc4.roles import RoleModel
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.skipif(not RoleModel().available, reason="the trained role model is not installed")

# Sentences from the bundled CENTCOM / DoD demo texts and a merge-set report.
FIRE_FROM = ("On Dec. 7th, Iraqi forces continued to receive heavy and sustained machine gun and rocket "
             "propelled grenade fire from ISIL fighters in a building on the hospital complex.")
APPOSITION = ("Senior Chief Petty Officer Scott C. Dayton, 42, of Woodbridge, Virginia, died Nov. 24 in "
              "northern Syria, of wounds sustained in an improvised explosive device blast.")
BLAMED = ("Some 80 rockets struck Camp Hurriya (Liberty) in Baghdad tonight, killing at least 19 residents, "
          "the National Council of Resistance of Iran said, blaming Iraqi militias acting for Tehran.")


@pytest.fixture(scope="module")
def pipelines(settings):
    return {flag: Pipeline(settings.with_(role_model=flag)) for flag in (True, False)}


def actors(pipeline, text):
    article = Article(id="t", text=text, published=date(2016, 12, 9))
    events = next(pipeline.process([article]))[1]
    return events, {(a.role, a.name) for e in events for a in e.actors}


def test_an_attacker_the_parse_misses(pipelines):
    events, found = actors(pipelines[True], FIRE_FROM)
    assert ("attacker", "Islamic State") in found
    assert events[0].policies["roles"] == "parse_first.v1"
    events, found = actors(pipelines[False], FIRE_FROM)
    assert ("attacker", "Islamic State") not in found
    assert events[0].policies["roles"] == "parse.v1"


def test_a_victim_named_in_the_subject_with_apposition(pipelines):
    assert ("victim", "Scott C. Dayton") in actors(pipelines[True], APPOSITION)[1]


def test_a_blamed_group_stays_a_claim_not_an_attacker(pipelines):
    events, found = actors(pipelines[True], BLAMED)
    assert not any(role == "attacker" for role, _ in found)
    stances = [c.stance for e in events for c in e.claims if c.field == "responsibility"]
    assert stances == ["suspected_or_accused"]


def test_a_surname_told_again_is_the_same_victim(pipelines):
    text = APPOSITION + " Dayton was killed while protecting us from the evil of ISIL."
    events, found = actors(pipelines[True], text)
    assert [a.name for e in events for a in e.actors if a.role == "victim"] == ["Scott C. Dayton"]


def test_the_killed_of_a_headline_are_not_the_attackers(pipelines):
    text = ("Malian soldiers killed in ambush blamed on jihadists\n\n"
            "Ten soldiers were killed on Monday when their convoy was attacked near Gao, the army said.")
    assert ("attacker", "Military Forces of Mali") not in actors(pipelines[True], text)[1]


def test_those_a_verb_of_violence_is_done_to_are_not_the_attackers(pipelines):
    # The model reads the family as perpetrators only in this wording (from a report written to
    # read the pipeline on fresh copy), so the test keeps it.
    text = "In Khan Younis, in the south of the enclave, a strike on a tent camp killed eight members of one family, medics said."
    found = actors(pipelines[True], text)[1]
    assert not any(role == "attacker" for role, _ in found)
    assert ("victim", "Civilians (Palestine)") in found
