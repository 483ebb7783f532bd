"""From a place-name span in an article to a `PlaceMention`, reading the words around it.

The NER step finds "Deir ez-Zor" or "Idlib countryside"; the words around the span say how
precise the place is: "near Afrin", "12 km east of Raqqa", "the outskirts of Homs" and
"Idlib countryside" are approximate (near=True, geo_precision 2); "Deir ez-Zor province" and
"the province of Idlib" name an admin unit (admin_word="province"). The word lists live in
`patterns/places.toml` ([near], [admin_words]).
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.places.resolve import PlaceMention
from eventwire.places.vocab import vocabulary

_LOOK_BEHIND = 60  # characters read before the span


def place_mention(text: str, start: int, end: int) -> PlaceMention:
    """The mention of the place named at `text[start:end]`, with its near/admin words.

    Offsets of the result cover the name alone: a feature word inside the span
    ("Idlib countryside", "Deir ez-Zor province") is moved out of it."""
    start, end = _strip_article(text, start, end)
    admin_word = None
    near = False
    # 1. feature words at the end of the span, then right after it
    while True:
        m = _trailing_word().search(text, start, end)
        if not m or m.start() <= start:
            break
        word = m.group(1).lower()
        if word in vocabulary().admin_words:
            admin_word = admin_word or word
        else:
            near = True
        end = m.start()
    m = _following_word().match(text, end)
    if m:
        word = m.group(1).lower()
        if word in vocabulary().admin_words:
            admin_word = admin_word or word
        else:
            near = True
    # 2. words before the span
    before = text[max(0, start - _LOOK_BEHIND) : start].lower()
    m = _admin_of().search(before)
    if m and admin_word is None:
        admin_word = m.group(1)
    near = near or bool(_near_before().search(before))
    settlement = admin_word is None and bool(_settlement_of().search(before))
    return PlaceMention(text[start:end], start, end, near=near, admin_word=admin_word, settlement=settlement)


def _strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    m = re.match(r"(?i)the\s+", span)
    if m and len(span) > m.end():
        start += m.end()
    while end > start and text[end - 1] in " ,.;:'\"’)":
        end -= 1
    return start, end


def _alternatives(words) -> str:
    ordered = sorted(words, key=len, reverse=True)  # longest first: "north-east" before "north"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def _trailing_word() -> re.Pattern:
    vocab = vocabulary()
    words = _alternatives([*vocab.admin_words, *vocab.near_after])
    return re.compile(rf"(?i)\s+({words})\s*$")


@cache
def _following_word() -> re.Pattern:
    vocab = vocabulary()
    words = _alternatives([*vocab.admin_words, *vocab.near_after])
    return re.compile(rf"(?i)[\s-]+({words})\b(?!\s+of\b)")  # not "the Mexico state of Michoacán"


@cache
def _admin_of() -> re.Pattern:
    words = _alternatives(vocabulary().admin_words)
    return re.compile(rf"\b({words})\s+of\s+(?:the\s+)?$")


@cache
def _settlement_of() -> re.Pattern:
    words = _alternatives(vocabulary().settlement_before)
    return re.compile(rf"\b(?:(?:{words})\s+of|capital,?)\s+$")  # "the city of", "the capital"


@cache
def _near_before() -> re.Pattern:
    vocab = vocabulary()
    phrases = _alternatives(vocab.near_before)
    directions = _alternatives(vocab.near_directions)
    distance = r"(?:\d[\d.,]*\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+)?"
    return re.compile(
        rf"\b(?:(?:{phrases})|{distance}(?:{directions})\s+of|(?:{directions}))\s+(?:the\s+)?$"
    )
