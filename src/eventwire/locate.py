"""Places named in an article: find the spans, geocode them, and pick an event's location.

Spans come from spaCy's place entities (GPE, LOC, FAC) and from other proper-noun entities the
gazetteer knows but the small model mislabels (a village tagged ORG or PERSON), unless the
actor vocabulary claims them. Words around a name set how precise it is: a feature word
("Deir ez-Zor province", "the Idlib countryside") asks for the admin unit, a relation
("near Khasham", "east of Raqqa") means the place is a reference point (precision 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span

from eventwire.actors import ActorBook
from eventwire.models import Location
from eventwire.places import Gazetteer, PlaceMention, geocode

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAYBE_PLACE_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART")
ADMIN_WORDS = frozenset(
    "province governorate district region department state county municipality prefecture "
    "subdistrict countryside".split()
)
NEAR_WORDS = frozenset("area outskirts suburbs vicinity environs countryside".split())
NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|close to|nearby|(?:north|south|east|west)(?:ern)?(?:-?(?:east|west))? of|"
    r"(?:north|south|east|west)(?:east|west)?ern|kilometers? (?:from|of)|km (?:from|of)|miles? (?:from|of)|"
    r"outskirts of|edge of)\s+(?:the\s+)?$",
    re.I,
)
LOCATIVE_PREPS = frozenset(
    "in at near outside around inside across into throughout within on between toward towards".split()
)
LOCATION_POLICY = "most_specific_then_settlement_in_admin.v1"


@dataclass(frozen=True)
class FoundPlace:
    mention: PlaceMention
    location: Location
    sent_start: int  # character offset of the sentence that names it
    locative: bool = True  # named as a place ("in Iraq"), not as an actor ("Iraq condemned")


def find_places(doc: Doc, gazetteer: Gazetteer, book: ActorBook) -> list[FoundPlace]:
    """Every geocoded place mention of the article, in text order."""
    ents = [ent for ent in doc.ents if _is_place(ent, gazetteer, book)]
    ents = sorted(ents + _unlabelled_admin_units(doc, gazetteer), key=lambda e: e.start)
    spans = [_mention(ent) for ent in ents]
    names = [m.text for m in spans]
    found = []
    for ent, mention in zip(ents, spans):
        location = geocode(gazetteer, mention, context=names)
        found.append(FoundPlace(mention, location, ent.sent.start_char, locative=_locative(ent)))
    return found


def choose_location(candidates: Sequence[FoundPlace], article_places: Sequence[FoundPlace]) -> Location:
    """The event's location: the most specific geocoded place among the sentences that
    report it, places named as places ("in Iraq") before places acting as subjects; when that is only an admin unit and the article names exactly one settlement
    inside that unit, the event happened near that settlement (precision 2)."""
    located = [c for c in candidates if c.location.lat is not None]
    located = [c for c in located if c.location.geo_precision is not None]
    if not located:
        reasons = [c.location.reason for c in candidates if c.location.reason]
        return Location(reason=reasons[0] if reasons else "no place named where the event is reported")
    best = min(located, key=lambda c: (not c.locative, c.location.geo_precision, c.mention.start))
    chosen = best.location
    if chosen.geo_precision == 3 and chosen.admin1:
        inside = {
            p.location.geonames_id: p
            for p in article_places
            if p.location.geo_precision == 1
            and p.location.admin1 == chosen.admin1
            and p.location.country_code == chosen.country_code
        }
        if len(inside) == 1:
            settlement = next(iter(inside.values())).location
            return settlement.model_copy(update={"geo_precision": 2})
    return chosen


def _locative(ent: Span) -> bool:
    """True when the text names the place as where something is: the object of a locative
    preposition ("in Iraq", "near the town of Khasham", "in northern Syria's Afrin region"),
    not a subject or speaker ("The United States condemns") or an origin ("of Woodbridge")."""
    token = ent.root
    for _ in range(3):
        if token.dep_ == "pobj":
            return token.head.lower_ in LOCATIVE_PREPS
        if token.dep_ not in ("compound", "poss", "amod", "appos", "conj", "nmod") or token.head is token:
            return False
        token = token.head
    return False


def _is_place(ent: Span, gazetteer: Gazetteer, book: ActorBook) -> bool:
    if ent.label_ in PLACE_LABELS:
        return not book.is_known(ent.text) or gazetteer.is_place(_strip_feature(ent)[0])
    if ent.label_ in MAYBE_PLACE_LABELS and ent.label_ != "NORP":
        # a village the model tags ORG or PERSON counts only where a place is expected
        if book.is_known(ent.text) or not (_locative(ent) or _strip_feature(ent)[1]):
            return False
        return gazetteer.is_place(_strip_feature(ent)[0])
    return False


def _strip_feature(ent: Span) -> tuple[str, str | None, Span]:
    """"Deir ez-Zor province" -> ("Deir ez-Zor", "province"); also the word after the entity."""
    words = list(ent)
    feature = None
    while words and words[0].lower_ in ("the",):
        words = words[1:]
    if len(words) > 1 and words[-1].lower_ in ADMIN_WORDS | NEAR_WORDS:
        feature = words[-1].lower_
        words = words[:-1]
    elif ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ADMIN_WORDS | NEAR_WORDS:
        feature = ent.doc[ent.end].lower_
    if not words:
        return ent.text, feature, ent
    span = ent.doc[words[0].i : words[-1].i + 1]
    text = span.text.removesuffix("'s").removesuffix("’s")
    return text, feature, span


def _mention(ent: Span) -> PlaceMention:
    text, feature, span = _strip_feature(ent)
    before = ent.doc.text[max(0, span.start_char - 40) : span.start_char]
    near = bool(NEAR_BEFORE.search(before)) or feature in NEAR_WORDS
    admin_word = feature if feature in ADMIN_WORDS else None
    return PlaceMention(
        text=text,
        start=span.start_char,
        end=span.start_char + len(text),
        near=near,
        admin_word=admin_word,
    )


def _unlabelled_admin_units(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Proper nouns before an admin word that NER left untagged ("Syria's Idlib province")."""
    found = []
    for token in doc:
        if token.lower_ not in ADMIN_WORDS or token.i == 0:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
            start -= 1
        if start < token.i and gazetteer.is_place(doc[start : token.i].text):
            found.append(Span(doc, start, token.i + 1, label="LOC"))
    return found
