"""All-capitals copy (old wire services, FBIS, headlines) rewritten in mixed case for the parser.

spaCy's English models are cased: in "GUERRILLAS ATTACKED SAN SALVADOR" every word looks like
a name, so entities, actors and places come out wrong. Policy "caps_to_mixed.v1", applied only
to a text whose letters are (almost) all capitals:
- function words and common English words (spaCy's stop words and the WordNet base forms its
  lemmatizer ships) are written in lower case, unless the gazetteer knows the word (or the
  two or three words it starts) as a place: "SAN SALVADOR" -> "San Salvador";
- short unknown words stay in capitals (acronyms: "FMLN", "DAS");
- other unknown words are names: "PONCE" -> "Ponce";
- a sentence starts with a capital.
Case changes keep the text's length, so offsets into the rewritten text are offsets into the
original. Written here because the truecasing packages on PyPI either need NLTK data downloaded
at run time or load a 76 MB model into 650 MB of memory (`truecase`), which in a trial on MUC
copy still wrote "National liberation front" and "Fmln".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

POLICY = "caps_to_mixed.v1"
CAPS_SHARE = 0.9  # share of letters in capitals that makes a text all-capitals
MIN_LETTERS = 40
ACRONYM_MAX = 4  # unknown words this short stay in capitals
MAX_PLACE_WORDS = 3
_WORD = re.compile(r"(?<!\w)[A-Za-z][A-Za-z'’]*")
_NAMES = frozenset(n.lower() for n in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, "sept"))
_VERB_MONTHS = frozenset(("may", "march", "mar"))  # capitalised only next to a number
_SENTENCE_START = re.compile(r"(?:^|(?<!\b[A-Za-z])[.!?]\s+|\n\s*|--\s*|\[\w+\]\s*)([a-z])")


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters)


def mixed_case(text: str, *, common: EnglishWords, is_place: Callable[[str], bool]) -> str:
    """The text in mixed case when it is all capitals, else the text itself (same length)."""
    if not is_all_caps(text):
        return text
    words = list(_WORD.finditer(text))
    chars = list(text.lower())
    i = 0
    while i < len(words):
        size = _place_words(words, i, text, is_place)
        if size:
            for word in words[i : i + size]:
                chars[word.start()] = text[word.start()]  # capital first letter, rest lower
            i += size
            continue
        word = words[i]
        lowered = word.group().lower()
        if _is_name(lowered, word, text):
            chars[word.start()] = text[word.start()]  # an initial ("U.S.", "C."), a month or a day
        elif lowered not in common:
            if len(word.group()) <= ACRONYM_MAX:
                chars[word.start() : word.end()] = word.group()
            else:
                chars[word.start()] = text[word.start()]
        i += 1
    out = "".join(chars)
    out = _SENTENCE_START.sub(lambda m: m.group(0)[:-1] + m.group(1).upper(), out)
    return out if len(out) == len(text) else text


def _is_name(lowered: str, word: re.Match, text: str) -> bool:
    """An initial ("U.S.", "C."), a day, or a month ("may" and "march" only next to a number)."""
    after = text[word.end() : word.end() + 3]
    if len(lowered) == 1:
        return after.startswith(".")
    if lowered in _VERB_MONTHS:
        before = text[max(0, word.start() - 3) : word.start()]
        return bool(re.match(r"\.?\s+\d", after) or re.search(r"\d\s+$", before))
    return lowered in _NAMES


def _place_words(words: list[re.Match], i: int, text: str, is_place: Callable[[str], bool]) -> int:
    """How many words from the i-th on name a known place (longest first), or 0."""
    for size in range(min(MAX_PLACE_WORDS, len(words) - i), 0, -1):
        run = words[i : i + size]
        if any(text[a.end() : b.start()].strip() for a, b in pairwise(run)):
            continue  # only words separated by spaces
        if {run[0].group().lower(), run[-1].group().lower()} & STOP_WORDS:
            continue  # "And In", "The Northern": not places
        if size == 1 and len(run[0].group()) <= ACRONYM_MAX - 1:
            continue  # "SDF", "DAS": acronyms before three-letter places
        name = text[run[0].start() : run[-1].end()].title()
        if is_place(name):
            return size
    return 0


class EnglishWords:
    """Lower-case English words of a spaCy pipeline: its stop words, and the WordNet base forms,
    irregular forms and suffix rules its lemmatizer ships ("forces" -> "force", "shown").
    WordNet also holds some place names; `place_test` lets large places win."""

    def __init__(self, nlp):
        self.words = set(nlp.Defaults.stop_words)
        self.rules: list[tuple[str, str, frozenset[str]]] = []
        if "lemmatizer" not in nlp.pipe_names:
            return
        lookups = nlp.get_pipe("lemmatizer").lookups
        if not all(lookups.has_table(t) for t in ("lemma_index", "lemma_rules", "lemma_exc")):
            return
        index, rules, irregular = (lookups.get_table(t) for t in ("lemma_index", "lemma_rules", "lemma_exc"))
        for pos in ("noun", "verb", "adj", "adv"):
            bases = frozenset(w for w in index.get(pos, ()) if w.isalpha())
            self.words |= bases
            self.words |= {w for w in irregular.get(pos, {}) if w.isalpha()}
            self.rules += [(old, new, bases) for old, new in rules.get(pos, ()) if old]

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        return any(word.endswith(old) and word[: len(word) - len(old)] + new in bases
                   for old, new, bases in self.rules)


def place_test(gazetteer, common: EnglishWords, demonyms: Callable[[str], bool] = lambda w: False,
               min_population: int = 100_000) -> Callable[[str], bool]:
    """Whether a name is a known place or a demonym ("Syrian"). Common words ("Police", "Hope",
    "Northern Border") name a place only when they are, letter for letter, a country or a town of
    `min_population` or more ("United States", "Aleppo"); provinces named "Northern" stay words."""
    cache: dict[str, bool] = {}

    def test(name: str) -> bool:
        if name not in cache and " " not in name and demonyms(name.lower()):
            cache[name] = True
        if name not in cache:
            found = gazetteer.named(name)
            if all(word in common for word in name.lower().split()):
                found = [c for c in found if c.name.lower() == name.lower() and (
                    c.kind == "country" or (c.kind == "settlement" and c.population >= min_population))]
            cache[name] = bool(found)
        return cache[name]

    return test
