"""Round-ups: several stories in one text, each read apart."""

from datetime import date

from eventwire.stories import story_of, story_starts

ROUNDUP = """West Africa briefing: farmers killed in Borno, soldiers ambushed in the Sahel, protest in Lagos

Here is a round-up of the week's stories.

NIGERIA

MAIDUGURI - Boko Haram fighters killed 12 farmers near Konduga in Borno state on Monday, police in Maiduguri said. Residents of Konduga said the gunmen came on motorcycles.

SAHEL

BAMAKO - JNIM fighters ambushed a convoy near Tinzawatene on Tuesday, killing four soldiers, a security source said.

NIGERIA

LAGOS - Hundreds of people marched in Lagos on Wednesday to demand the release of detained journalists.
"""


def test_a_text_with_three_datelined_stories_is_a_roundup_and_headings_open_them():
    starts = story_starts(ROUNDUP)
    assert [ROUNDUP[s:s + 7] for s in starts] == ["NIGERIA", "SAHEL\n\n", "NIGERIA"]
    assert story_of(ROUNDUP.index("Here is"), starts) == -1
    assert story_of(ROUNDUP.index("Tinzawatene"), starts) == 1


def test_one_dateline_is_one_story():
    assert story_starts("BAMAKO (Reuters) - Jihadists ambushed an army convoy.\n\nThe army said four died.") == []


def test_a_story_is_not_labelled_with_the_country_another_story_names(run):
    # the Sahel story names no place the index knows; Nigeria, named by the others, is not its country
    events = [e for e in run(ROUNDUP, published=date(2025, 2, 20)) if e.status == "reported"]
    ambush = next(e for e in events if e.sub_event_type == "Armed clash")
    assert not any("Nigeria" in a.name for a in ambush.actors)
    assert not any(a.name == "West Africa briefing" for e in events for a in e.actors)  # the headline sums up


def test_a_two_story_digest_with_dated_datelines_is_read_story_by_story():
    from eventwire.stories import story_datelines
    text = ("Security digest: attacks in Iraq and Syria\n\nKIRKUK, Iraq, Nov 4 (Reuters) - Two soldiers were killed.\n\n"
            "A statement confirmed it.\n\nQAMISHLI, Syria, Nov 5 (Reuters) - Militants ambushed a checkpoint.")
    assert [text[a:b].split(",")[0] for a, b in story_datelines(text)] == ["KIRKUK", "QAMISHLI"]
    assert story_datelines("KIRKUK, Iraq (Reuters) - Two soldiers were killed.\n\nA statement confirmed it.") == []
