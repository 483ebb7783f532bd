"""All-capitals copy is read in mixed case: the same events as the mixed-case text."""

import pytest

from eventwire.casing import EnglishWords, is_all_caps, mixed_case, place_test

WIRE = ("GUERRILLAS ATTACKED A BUS IN SAN SALVADOR ON MONDAY, KILLING FIVE PEASANTS, COLONEL RENE "
        "EMILIO PONCE SAID. THE FMLN DENIED IT. THE GROUP MAY HAVE ACTED ON 4 MAY.")
NEWS = ("Islamic State fighters attacked an army checkpoint near Mosul on Tuesday, killing 12 soldiers, "
        "a police officer told Reuters.")


@pytest.fixture(scope="module")
def recase(nlp, settings):
    from eventwire.actors import ActorBook
    from eventwire.places import Gazetteer

    common = EnglishWords(nlp)
    test = place_test(Gazetteer.open(settings), common, ActorBook.load().is_demonym)
    return lambda text: mixed_case(text, common=common, is_place=test)


def test_only_all_capitals_text_is_rewritten(recase):
    assert recase(NEWS) == NEWS
    assert not is_all_caps("UN said on Monday that 12 people died.")
    assert is_all_caps(WIRE)


def test_wire_copy_in_mixed_case(recase):
    text = recase(WIRE)
    assert len(text) == len(WIRE) and text.upper() == WIRE
    assert text.startswith("Guerrillas attacked a bus in San Salvador on Monday, killing five peasants")
    assert "Rene Emilio" in text  # unknown words are names
    assert "The FMLN denied it." in text  # short unknown words stay acronyms
    assert "The group may have acted on 4 May." in text  # "may" is a month only next to a number


def test_inflected_common_words_and_demonyms(recase):
    text = recase("U.S. FORCES ARE ADVISING SYRIAN DEMOCRATIC FORCES NEAR THE NORTHERN BORDER.")
    assert text == "U.S. forces are advising Syrian democratic forces near the northern border."


def test_all_capitals_article_gives_the_events_of_mixed_case(run):
    def summary(events):
        return [(e.event_type, e.location.name, sorted((a.role, a.name) for a in e.actors), e.fatalities.best)
                for e in events]

    assert summary(run(NEWS.upper())) == summary(run(NEWS))
