"""Weapons named in the sentences that report an event ("backed by artillery, tanks and
mortars"), normalised by `patterns/weapons.toml`. A lookup of lemma sequences per token,
as for triggers."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Iterable

from spacy.tokens import Span

from eventwire.models import Weapon

MAX_WORDS = 4
PEOPLE_WORDS = frozenset("crewmember crew gunner operator officer commander soldier specialist instructor expert "
                         "pilot technician".split())


@lru_cache(maxsize=1)
def weapon_words() -> dict[tuple[str, ...], str]:
    text = resources.files("eventwire.patterns").joinpath("weapons.toml").read_text("utf-8")
    table = {}
    for name, words in tomllib.loads(text)["weapons"].items():
        for phrase in words:
            table[tuple(phrase.lower().split())] = name
    return table


def weapon_name(token) -> str | None:
    """The weapon a word alone names ("jets" -> "aircraft"), by lemma or surface form (or its
    singular: a headline's "Drones hit ..." is tagged a name, which has no lemma)."""
    table = weapon_words()
    return table.get((token.lemma_.lower(),)) or table.get((token.lower_,)) or table.get((token.lower_.removesuffix("s"),))


def is_weapon_word(token) -> bool:
    return weapon_name(token) is not None


def find_weapons(sentences: Iterable[Span]) -> list[Weapon]:
    """Weapons in the sentences, one per normalised name, first mention kept."""
    table = weapon_words()
    found: dict[str, Weapon] = {}
    for sent in sentences:
        lemmas = [t.lemma_.lower() for t in sent]
        lowers = [t.lower_ for t in sent]
        i = 0
        while i < len(sent):
            for length in range(min(MAX_WORDS, len(sent) - i), 0, -1):
                name = table.get(tuple(lemmas[i : i + length])) or table.get(tuple(lowers[i : i + length]))
                last = sent[i + length - 1]
                if name and last.pos_ in ("NOUN", "PROPN") and not _names_a_person(last):
                    found.setdefault(name, Weapon(name=name, mention=sent[i : i + length].text))
                    i += length - 1
                    break
            i += 1
    return list(found.values())


def _names_a_person(token) -> bool:
    """"an artillery crewmember", "a drone operator": the weapon word says who someone is."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in PEOPLE_WORDS
