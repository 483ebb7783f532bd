"""Spelling-tolerant keys for place names, from strict to loose.

Arabic, Kurdish and Turkish names reach English news in many spellings: Khasham, Khusham,
Khushām, Khsham; Deir ez-Zor, Dayr az Zawr, Deir al-Zour, Deir Ezzor. Each name gets three
keys, each a function of the one before, so two names equal under a stricter key are equal
under every looser one:

- exact: unidecode, lower-case, apostrophes and ayn/hamza marks (ʿ ‘ ’ ʾ) dropped,
  punctuation to single spaces, a leading "the" dropped. "‘Afrīn" -> "afrin".
- variant: the exact words with spellings of common name-parts unified ("Dayr"/"Dair"/"Der"
  -> "deir", "Tal"/"Tel" -> "tell"), Arabic articles dropped ("al-", "el-", "ez-", and the
  assimilated "Ezzor" -> "zor"), a final "-ah" shortened to "-a", and the words joined
  without spaces. "Deir el-Zor" and "Deir Ezzor" -> "deirzor"; "Ar Raqqah" -> "raqqa".
- skeleton: the variant key's consonants (kh/ch -> x, sh -> $, q/k/g/c -> k, th -> t,
  dh -> d, ou -> u), vowels and non-initial w/y dropped, doubled letters collapsed.
  "Khasham", "Khsham", "Khusham" -> "x$m"; "Dayr az Zawr", "Deir al-Zour" -> "drzr".
  Skeletons shorter than three letters are empty (too many names share them).

Names not written in Latin script (Arabic, Cyrillic, Chinese ...) get only an exact key,
their case-folded text, so "حلب" finds Aleppo without polluting the Latin keys. The word
lists live in `patterns/places.toml`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from eventwire.places.vocab import vocabulary

SKELETON_MIN = 3
_MARKS = dict.fromkeys(map(ord, "ʿ‘’ʾ'`´ʼʻʹ′"), None)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ASSIMILATED = re.compile(r"^[ae]([tdrzsn])\1(?=[a-z]{2})")
_SKELETON_MAP = {
    "ou": "u", "oo": "u", "ee": "i", "kh": "x", "ch": "x", "gh": "k", "sh": "$", "zh": "j",
    "th": "t", "dh": "d", "ph": "f", "dj": "j", "ck": "k", "q": "k", "c": "k", "g": "k",
}
_SKELETON_LETTERS = re.compile("|".join(sorted(_SKELETON_MAP, key=len, reverse=True)))
_DOUBLES = re.compile(r"(.)\1+")
_DROP_VOWELS = str.maketrans("", "", "aeiouwy")


@dataclass(frozen=True)
class NameKeys:
    exact: str
    variant: str  # "" for names not in Latin script
    skeleton: str  # "" when too short or not Latin


def is_latin(text: str) -> bool:
    """True when every letter of `text` is a Latin letter (with or without diacritics)."""
    if text.isascii():
        return True
    return all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text
    )


def fold(name: str) -> str:
    """Lower-case ASCII words separated by single spaces; marks and punctuation dropped."""
    text = name.translate(_MARKS)
    return _NON_ALNUM.sub(" ", unidecode(text).lower()).strip()


def exact_key(name: str) -> str:
    return name_keys(name).exact


def variant_key(name: str) -> str:
    return name_keys(name).variant


def skeleton_key(name: str) -> str:
    return name_keys(name).skeleton


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> NameKeys:
    """The exact, variant and skeleton keys of one name (cached)."""
    text = name.translate(_MARKS).strip()
    if not is_latin(text):
        return NameKeys(unicodedata.normalize("NFKC", text).casefold(), "", "")
    words = fold(text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    exact = " ".join(words)
    variant = _variant(words)
    return NameKeys(exact, variant, _skeleton(variant))


def _variant(words: list[str]) -> str:
    vocab = vocabulary()
    words = [vocab.word_variants.get(word, word) for word in words]
    kept: list[str] = []
    for i, word in enumerate(words):
        if word in vocab.articles and i < len(words) - 1:
            continue  # an article before another word: "al-Raqqa", "Deir ez-Zor"
        if i > 0:
            word = _ASSIMILATED.sub(r"\1", word)  # "Ezzor" -> "zor"
        if len(word) > 3 and word.endswith("ah"):
            word = word[:-1]  # "Raqqah" -> "raqqa"
        kept.append(word)
    return "".join(kept)


def _skeleton(variant: str) -> str:
    text = _SKELETON_LETTERS.sub(lambda m: _SKELETON_MAP[m.group()], variant)
    text = _DOUBLES.sub(r"\1", text)
    # vowels go; w and y go too, except as the first letter ("Wadi" keeps its w, "Zawr" not)
    head = text[:1] if text[:1] in ("w", "y") else text[:1].translate(_DROP_VOWELS)
    text = _DOUBLES.sub(r"\1", head + text[1:].translate(_DROP_VOWELS))
    return text if len(text) >= SKELETON_MIN else ""
