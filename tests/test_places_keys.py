"""Spelling-tolerant name keys (eventwire.places.variants) and the vocabulary file."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.places.variants import exact_key, fold, name_keys, skeleton_key, variant_key
from eventwire.places.vocab import parse_vocabulary, vocabulary


@pytest.mark.parametrize(
    "spellings",
    [
        ["Deir ez-Zor", "Deir el-Zor", "Deir Ezzor", "Dayr ez-Zor", "Der ez Zor"],
        ["Afrin", "‘Afrīn", "ʿAfrin", "AFRIN"],
        ["Raqqa", "Ar Raqqah", "al-Raqqa", "Raqqah"],
        ["Ras al-Ain", "Ra's al 'Ayn", "Ras el Ain"],
        ["Tell Abyad", "Tal Abyad", "Tel Abyad"],
    ],
)
def test_spellings_share_a_variant_key(spellings):
    assert len({variant_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "spellings",
    [
        ["Khasham", "Khusham", "Khushām", "Khsham"],
        ["Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor"],
        ["Afrin", "Efrin", "Ifrin"],
        ["Homs", "Ḩimş", "Hims"],
    ],
)
def test_looser_spellings_share_a_skeleton(spellings):
    assert len({skeleton_key(s) for s in spellings}) == 1


def test_exact_key_drops_marks_case_and_punctuation():
    assert exact_key("‘Afrīn") == "afrin"
    assert exact_key("Deir ez-Zor") == "deir ez zor"
    assert exact_key("The Hague") == "hague"


def test_non_latin_names_keep_only_an_exact_key():
    assert name_keys("حلب").exact == "حلب"
    assert name_keys("حلب").variant == name_keys("حلب").skeleton == ""


def test_short_skeletons_are_empty():
    assert skeleton_key("Raqqa") == ""  # "rk" would match too much


latin_names = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzāīūḩşţʿ‘’'- "), min_size=1, max_size=30
)


@given(latin_names)
def test_keys_ignore_case(name):
    assert name_keys(name.upper()) == name_keys(name)


@given(latin_names, latin_names)
def test_each_key_is_coarser_than_the_one_before(a, b):
    ka, kb = name_keys(a), name_keys(b)
    if ka.exact == kb.exact:
        assert ka.variant == kb.variant
    if ka.variant == kb.variant:
        assert ka.skeleton == kb.skeleton


@given(latin_names)
def test_an_article_before_a_second_word_does_not_change_the_variant_key(name):
    words = name.split()
    # words that fold to letters ("ʿ" alone folds to nothing and is no word of a name)
    if len(words) >= 2 and all(fold(w).isalpha() for w in words):
        with_article = " ".join([words[0], "al-" + words[1], *words[2:]])
        assert variant_key(with_article) == variant_key(name)


def test_vocabulary_loads_and_validates():
    vocab = vocabulary()
    assert vocab.word_variants["dayr"] == "deir"
    assert vocab.admin_words["province"][0] == "admin1"
    with pytest.raises(ValueError, match="admin word"):
        bad = {"articles": ["al"], "admin_affixes": ["x"], "admin_words": {"x": ["town"]}}
        parse_vocabulary(bad)
