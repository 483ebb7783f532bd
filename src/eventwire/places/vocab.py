"""The place vocabularies of `patterns/places.toml`, loaded once and validated.

Nothing is read at import: `vocabulary()` reads the file on first call and caches it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

KINDS = ("settlement", "admin1", "admin2", "country")
_WORD = re.compile(r"^[a-z0-9][a-z0-9' -]*$")


@dataclass(frozen=True)
class PlaceVocabulary:
    version: str
    articles: frozenset[str]
    word_variants: dict[str, str]  # spelling -> canonical spelling
    admin_words: dict[str, tuple[str, ...]]  # "province" -> ("admin1", "admin2")
    admin_affixes: tuple[str, ...]
    near_before: tuple[str, ...]
    near_directions: tuple[str, ...]
    near_after: tuple[str, ...]
    settlement_before: tuple[str, ...] = ()  # "the city of", "the village of": a settlement is meant
    settlement_titles: tuple[str, ...] = ()  # "Barangay Carabalan", "Kebele 04": the village's own title


def _words(data: dict, key: str) -> list[str]:
    words = data.get(key)
    if not isinstance(words, list) or not words:
        raise ValueError(f"patterns/places.toml: '{key}' must be a non-empty list of words")
    for word in words:
        if not isinstance(word, str) or not _WORD.match(word):
            raise ValueError(f"patterns/places.toml: '{key}' has a bad entry {word!r}")
    return words


def parse_vocabulary(data: dict) -> PlaceVocabulary:
    """Validate the parsed TOML and turn it into a `PlaceVocabulary` (raises ValueError)."""
    variants: dict[str, str] = {}
    for canonical, spellings in data.get("word_variants", {}).items():
        for spelling in _words({"w": spellings}, "w") + [canonical]:
            if variants.get(spelling, canonical) != canonical:
                raise ValueError(f"patterns/places.toml: {spelling!r} has two canonical forms")
            variants[spelling] = canonical
    admin_words: dict[str, tuple[str, ...]] = {}
    for word, kinds in data.get("admin_words", {}).items():
        if not kinds or any(kind not in KINDS for kind in kinds):
            raise ValueError(f"patterns/places.toml: admin word {word!r} has bad kinds {kinds}")
        admin_words[word] = tuple(kinds)
    near = data.get("near", {})
    return PlaceVocabulary(
        version=str(data.get("version", "")),
        articles=frozenset(_words(data, "articles")),
        word_variants=variants,
        admin_words=admin_words,
        admin_affixes=tuple(_words(data, "admin_affixes")),
        near_before=tuple(_words(near, "before")),
        settlement_before=tuple(_words(data, "settlement_before")),
        settlement_titles=tuple(_words(data, "settlement_titles")),
        near_directions=tuple(_words(near, "directions")),
        near_after=tuple(_words(near, "after")),
    )


@cache
def vocabulary() -> PlaceVocabulary:
    """The packaged vocabulary (read and validated on first call)."""
    text = files("eventwire").joinpath("patterns/places.toml").read_text(encoding="utf-8")
    return parse_vocabulary(tomllib.loads(text))
