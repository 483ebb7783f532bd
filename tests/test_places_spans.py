"""Reading the words around a place name: near/approximate and admin-unit mentions."""

import pytest

from eventwire.places.spans import place_mention


def at(text, name):
    start = text.index(name)
    return place_mention(text, start, start + len(name))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Clashes near Afrin on Monday", "Afrin"),
        ("shelling 12 km east of Raqqa killed", "Raqqa"),
        ("on the outskirts of Homs", "Homs"),
        ("in northern Aleppo", "Aleppo"),
        ("in the Afrin area", "Afrin"),
    ],
)
def test_near_words(text, name):
    m = at(text, name)
    assert m.near and m.text == name and text[m.start : m.end] == name


def test_a_feature_word_inside_the_span_moves_out_of_it():
    m = at("in the Idlib countryside yesterday", "Idlib countryside")
    assert (m.text, m.near, m.end) == ("Idlib", True, 12)


@pytest.mark.parametrize(
    "text, name",
    [
        ("in Deir ez-Zor province, where", "Deir ez-Zor province"),
        ("in Deir ez-Zor province, where", "Deir ez-Zor"),
        ("in the province of Deir ez-Zor", "Deir ez-Zor"),
    ],
)
def test_admin_words(text, name):
    m = at(text, name)
    assert (m.text, m.admin_word, m.near) == ("Deir ez-Zor", "province", False)


def test_a_plain_mention():
    m = at("The village of Khasham was shelled.", "Khasham")
    assert (m.text, m.near, m.admin_word) == ("Khasham", False, None)


def test_an_admin_word_before_of_names_the_unit_after_it():
    text = "police in the western Mexico state of Michoacán"
    mexico = place_mention(text, text.index("Mexico"), text.index("Mexico") + 6)
    assert mexico.admin_word is None  # the country, not the State of Mexico
    michoacan = place_mention(text, text.index("Michoacán"), len(text))
    assert michoacan.admin_word == "state"
