"""Weapons named in event sentences, normalised."""

from eventwire.weapons import find_weapons


def names(nlp, text):
    return [w.name for w in find_weapons(nlp(text).sents)]


def test_weapons_in_a_force_description(nlp):
    text = "The attack was backed by artillery, tanks, multiple-launch rocket systems and mortars."
    assert names(nlp, text) == ["artillery", "tank", "rocket", "mortar"]


def test_multiword_weapons_win_over_their_parts(nlp):
    assert names(nlp, "A car bomb exploded near a checkpoint.") == ["car bomb"]
    assert names(nlp, "Gunmen opened fire with AK-47 rifles.")[0] == "firearms"


def test_no_weapons_in_plain_text(nlp):
    assert names(nlp, "The minister met the ambassador in Amman.") == []


def test_a_suicide_bomber_carries_explosives_not_a_plane(nlp):
    assert names(nlp, "A suicide bomber blew himself up at a wedding; the bomber was a teenager.") == ["explosives"]
    assert names(nlp, "Russian strategic bombers struck targets in Idlib.") == ["aircraft"]


def test_a_weapon_word_that_says_who_someone_is_is_no_weapon(nlp):
    assert names(nlp, "A drone operator and an artillery crewmember were wounded.") == []
    assert names(nlp, "A drone strike hit the car.") == ["drone"]
