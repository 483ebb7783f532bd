"""Round-ups: one text that tells several stories, each under a dateline of its own.

    Africa briefing: Checkpoint bombing near Mogadishu, fighting in Congo's Masisi, ...
    SOMALIA
    MOGADISHU - At least seven people, five of them soldiers, were killed on Wednesday ...
    DEMOCRATIC REPUBLIC OF CONGO
    GOMA - Clashes between M23 rebels and pro-government Wazalendo militia fighters ...

A text with `MIN_STORIES` or more paragraphs that open with a dateline ("GOMA -", "TUNIS,
Tunisia (Reuters) -") is a round-up: each story is read apart, with its own country and its
own records, so that al Shabaab's victims in Somalia are not labelled with Egypt (the country
the round-up names most) and a march in Tunis does not join arrests in Egypt. What comes
before the first story (the headline, "Here is a round-up of ...") sums the stories up and
reports none of its own.

Written here rather than taken from a library: the readers find one dateline at the top of a
text (readers/dateline.py); no package splits a news round-up into its stories.
"""

from __future__ import annotations

import re

MIN_STORIES = 2
HEADER_WORDS = 6  # a heading line in capitals of at most this many words ("SOMALIA")
# a paragraph that opens with a place in capitals, an optional country or outlet, then a dash
_STORY = re.compile(
    r"(?:\A|\n)[ \t]*[A-Z][A-Z.'’\- ]{1,40}?(?:,[ \t]*[A-Z][\w.'’ ]{1,30}){0,2}(?:[ \t]*\([^()\n]{1,30}\))?"
    r"[ \t]*(?:--|[-–—])[ \t]+(?=\S)"
)


def story_datelines(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each story's dateline in a round-up, or [] for a single story.

    Example: a text with paragraphs opening "MOGADISHU - ...", "GOMA - ..." and "TUNIS - ..."
    gives three spans, the first covering "MOGADISHU - "."""
    found = [(_header_before(text, m.start() + (text[m.start()] == "\n")), m.end()) for m in _STORY.finditer(text)]
    return found if len(found) >= MIN_STORIES else []


def _header_before(text: str, start: int) -> int:
    """A story's own heading line ("DEMOCRATIC REPUBLIC OF CONGO") starts it: it is no part of
    the story before."""
    before = text[:start].rstrip("\n \t")
    line_start = before.rfind("\n") + 1
    line = before[line_start:].strip()
    if line and line.upper() == line and len(line.split()) <= HEADER_WORDS and any(c.isalpha() for c in line):
        return line_start
    return start


def story_starts(text: str) -> list[int]:
    """Where each story of a round-up begins (character offsets), or [] for a single story."""
    return [start for start, _ in story_datelines(text)]


def story_of(offset: int, starts: list[int]) -> int:
    """The index of the story an offset falls in: -1 before the first (the summing-up)."""
    index = -1
    for i, start in enumerate(starts):
        if offset >= start:
            index = i
    return index
