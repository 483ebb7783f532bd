"""From a place mention to a `Location`: rank the gazetteer's candidates, or abstain.

The ranking policy, `RANKING_POLICY`, adds up for each candidate:
  name match     Candidate.score: 1.0 own name, 0.9 alternate name, 0.8 variant,
                 0.55-0.75 skeleton, <= 0.5 fuzzy (see places.gazetteer)
  country        + 0.5 x (the country's share of the context's country votes, the most
                 voted country having share 1); each context name votes for the country
                 it resolves to, or splits its vote between the countries it may be in
  admin unit     + 0.25 when the candidate is, or lies in, a unit the context names or a
                 context place lies in (Afrin with "Aleppo" in the context)
  kind           without an admin word: country 0.2, settlement 0.15, admin1 0.05, admin2 0;
                 with one: 0.3 for the first kind it asks for, 0.2 for the second, else 0;
                 after "the city of", "the village of": settlement 0.3, else 0
  population     + 0.05 x log10(population + 1) / 7 (at most 0.05): a tie-breaker

Before ranking, candidates the context contradicts are set aside, and so are loose (skeleton
or fuzzy) matches when a candidate bears the name as written: with Ukraine in the context,
"Bryansk" is still the Russian city, not Bryanka in Luhansk. Default gazetteers hold a
few hundred of Syria's thousands of villages, and village names repeat across governorates
(there are many Safsafahs), so the one namesake the gazetteer knows is more often the wrong
one than the right one:
  other unit     a place whose admin1 unit is none of those the context names (or implies
                 by a place in it) in the same country, unless it is prominent and matched
                 by its name or a variant of it: a city (CITY_POPULATION), the seat of a
                 unit of its name (Afrin, seat of Afrin District), or a unit the text asks
                 for with an admin word ("Afrin region"): news names those wherever the
                 story is, and namesakes of them are not what an article means;
  other country  when the context names countries, a place in another one unless it is a
                 city (CITY_POPULATION) of a neighbouring country matched exactly by its own
                 name, or a large city (LARGE_CITY_POPULATION) matched exactly: Baghdad in
                 an article about Syria, not "Al Majdal" as Ashkelon, and not Palma in
                 Majorca for the Palma of an article about Cabo Delgado; never an admin
                 unit abroad (Tripoli's Salah al-Din district is not Iraq's governorate).
An explicit `country` keeps only candidates in that country.

The best remaining candidate wins (or, within MARGIN of it, a city that dwarfs it by DOMINANCE)
unless another, in a different country (or, for a
settlement, a settlement in a different admin1 unit), scores within MARGIN of it and is not
dwarfed by it (the winner has at least DOMINANCE times its population): then nothing
separates them and the answer is an abstention that names them. A fuzzy match wins only
when the context supports it (its country leads the context's votes, or its admin unit is
named there), and so does a skeleton match ("Kalehe" alone is not Calais; "Karimama" is not
India's Qadian because "Kandi" may be India's).

When the answer would be an abstention and the context names exactly one admin unit (as a
unit: "Idlib Governorate", not the city "Idlib"), the answer is that unit at precision 3,
its `reason` saying why the place itself was not given ("I don't know the village, but it
is in Idlib governorate").

geo_precision (ACLED): 1 the named settlement; 2 near it or part of it (also a settlement
that wins although the text used an admin word: no unit of that name is known); 3 an admin
unit or a country.
"""

from __future__ import annotations


import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from eventwire.actors import countries
from eventwire.models import Location
from eventwire.places.gazetteer import Candidate, Gazetteer
from eventwire.places.variants import name_keys
from eventwire.places.vocab import vocabulary

RANKING_POLICY = "context_country_admin_kind_population.v3"
MARGIN = 0.1
DOMINANCE = 10
COUNTRY_WEIGHT = 0.5
ADMIN_WEIGHT = 0.25
POPULATION_WEIGHT = 0.05
MAX_CANDIDATES = 200
PART_OF_A_UNIT = re.compile(r"(?i)(?:upper|lower|greater)\s+(?=\S)")  # "Lower Kurram district"
CITY_POPULATION = 100_000
LARGE_CITY_POPULATION = 1_000_000
_DEFAULT_KINDS = {"country": 0.2, "settlement": 0.15, "admin1": 0.05, "admin2": 0.0}
_SETTLEMENT_KINDS = {"country": 0.0, "settlement": 0.3, "admin1": 0.0, "admin2": 0.0}


@dataclass(frozen=True)
class PlaceMention:
    """A place name as found in an article."""

    text: str  # the name without feature words: "Deir ez-Zor"
    start: int  # character offsets into the article text
    end: int
    near: bool = False  # "near X", "outside X", "east of X", "X countryside": precision 2
    admin_word: str | None = None  # "province", "governorate", "district", ... when written
    settlement: bool = False  # "the city of X", "the village of X": a settlement, not a unit


@dataclass(frozen=True)
class Ranked:
    """A candidate with its ranking score under `RANKING_POLICY`."""

    candidate: Candidate
    score: float


@dataclass(frozen=True)
class Resolution:
    """The outcome of `resolve`: the location (or abstention) and the ranking behind it."""

    location: Location
    score: float | None  # the winner's ranking score; None when it abstains
    ranked: tuple[Ranked, ...] = ()
    policy: str = RANKING_POLICY


@dataclass(frozen=True)
class ContextProfile:
    """What the other place names of an article say: countries, admin units."""

    countries: dict[str, float] = field(default_factory=dict)  # country -> share (max 1)
    units: frozenset[int] = frozenset()  # place ids of admin units named or implied
    admin1s: dict[str, frozenset[int]] = field(default_factory=dict)  # country -> admin1 ids
    named_units: tuple[Candidate, ...] = ()  # context names that resolve to admin units
    # countries a context name resolves to outright; a country only an ambiguous name may be in
    # (the Queensland namesakes of Mali's Boni and Moura) names no country
    sure_countries: frozenset[str] = frozenset()


def geocode(
    gaz: Gazetteer,
    mention: PlaceMention,
    *,
    context: Sequence[str] = (),
    country: str | None = None,
    homes: frozenset[str] = frozenset(),
) -> Location:
    """The `Location` of a place mention, or an abstention (lat None, with a reason). `homes`:
    the countries of the article's named actors ("Al Shabaab": SO), which settle a name the
    places leave ambiguous ("Hiraan region": Somalia's Hiiraan, not Iraq's Hīrān)."""
    return resolve(gaz, mention, context=context, country=country, homes=homes).location


def resolve(
    gaz: Gazetteer,
    mention: PlaceMention,
    *,
    context: Sequence[str] = (),
    country: str | None = None,
    homes: frozenset[str] = frozenset(),
) -> Resolution:
    """Like `geocode`, also returning the ranking score and the ranked candidates."""
    mention = _split_admin_word(mention)
    own = name_keys(mention.text).variant
    profile = context_profile(gaz, [c for c in context if name_keys(_split_admin_word(
        PlaceMention(c, 0, len(c))).text).variant != own], homes)
    # 1. candidates for the name (in the given country)
    found = gaz.candidates(mention.text, country=country, limit=MAX_CANDIDATES)
    part = PART_OF_A_UNIT.match(mention.text)
    if not found and part and mention.admin_word is not None:
        # "Lower Kurram district", a part of Kurram the index does not know: Kurram, less precisely
        found = gaz.candidates(mention.text[part.end():], country=country, limit=MAX_CANDIDATES)
    if not found:
        where = f" in {country.upper()}" if country else ""
        reason = f"no place named {mention.text!r}{where} in the gazetteer"
        return _abstain(mention, reason, profile, country=country)
    # 2. rank, setting aside what the context contradicts
    ranked = sorted(
        (Ranked(c, round(_score(c, mention, profile), 4)) for c in found),
        key=lambda r: (-r.score, -r.candidate.population, r.candidate.place_id),
    )
    seats = {(u.lat, u.lon) for u in found if u.kind in ("admin1", "admin2")}
    # a name several settlements of one country bear ("San Fernando") picks none of them outside
    # the units the context names, however big: the one meant is more likely a village inside
    settlements = Counter(c.country_code for c in found if c.kind == "settlement" and c.match in ("exact", "variant"))
    prominent = {
        c.place_id for c in found
        if (settlements[c.country_code] < 2 and (c.population >= CITY_POPULATION or (c.lat, c.lon) in seats))
        or (c.kind != "settlement" and mention.admin_word is not None)
    }
    kept = [r for r in ranked if _contradiction(r.candidate, profile, prominent) is None]
    written = [r for r in kept if r.candidate.match in ("exact", "variant")]
    kept = written or kept  # a loose match is for names no place bears as written: "Bryansk", not Bryanka
    if not kept:
        reason = _contradiction(ranked[0].candidate, profile, prominent)
        return _abstain(mention, f"{mention.text!r}: {reason}", profile, ranked)
    best = _dwarfing_city(kept[0], kept[1:]) or kept[0]
    # 3. abstain when nothing separates the best from a rival elsewhere, but for the one in
    # the home country of the article's actors
    rival = _rival(best, kept[1:])
    if rival is not None:
        best, rival = _at_home(best, rival, kept, homes)
    if rival is not None:
        names = ", ".join(sorted({_describe(best.candidate), _describe(rival.candidate)}))
        reason = f"ambiguous: {mention.text!r} may be {names}; the context does not separate them"
        return _abstain(mention, reason, profile, ranked)
    if _unsupported_loose_match(best.candidate, profile, homes):
        reason = f"only a loose match for {mention.text!r} ({_describe(best.candidate)})"
        if profile.countries:
            reason += f", outside {', '.join(sorted(profile.countries))} named in the context"
        return _abstain(mention, reason, profile, ranked)
    return Resolution(_location(best.candidate, mention), best.score, tuple(ranked))


def context_profile(gaz: Gazetteer, context: Sequence[str], homes: frozenset[str] = frozenset()) -> ContextProfile:
    """Countries and admin units of the context names (each resolved without context). A
    name left ambiguous, or read as a small place abroad ("Northwest", a US hamlet), that has
    one namesake in the leading country also names that namesake's units (Cameroon's
    North-West region, so "Ndop" there is not set aside as outside the named units). An
    ambiguous name with one candidate in the actors' `homes` is that one."""
    votes: dict[str, float] = defaultdict(float)
    sure: set[str] = set()
    unsure: list[list[Ranked]] = []
    units: set[int] = set()
    admin1s: dict[str, set[int]] = defaultdict(set)
    named: dict[int, Candidate] = {}
    for name in dict.fromkeys(context):
        mention = _split_admin_word(PlaceMention(name, 0, len(name)))
        candidates = gaz.candidates(mention.text, limit=MAX_CANDIDATES)
        found = [c for c in candidates if c.score >= 0.8]
        if not found:  # a spelling only loosely matched counts when the actors' home holds it
            found = [c for c in candidates[:1] if c.country_code in homes]
        if not found:
            continue
        ranked = sorted(
            (Ranked(c, _score(c, mention, ContextProfile())) for c in found),
            key=lambda r: (-r.score, -r.candidate.population),
        )
        rival = _rival(ranked[0], ranked[1:])
        if rival is not None:
            best, rival = _at_home(ranked[0], rival, ranked, homes)
            ranked = [best, *(r for r in ranked if r is not best)]
        if rival is None:
            _count_in(ranked[0].candidate, votes, units, admin1s, named)
            sure.add(ranked[0].candidate.country_code)
            if ranked[0].candidate.population < CITY_POPULATION:
                unsure.append(ranked)  # "Northwest": a hamlet in the US, or Cameroon's region?
        else:
            unsure.append(ranked)
            codes = {c.country_code for c in found}
            for code in codes:
                votes[code] += 1.0 / len(codes)
    top_vote = max(votes.values(), default=0.0)
    shares = {code: v / top_vote for code, v in votes.items()} if top_vote else {}
    leading = {code for code, share in shares.items() if share == 1.0}
    for ranked in unsure:  # "Northwest" (a US hamlet? Cameroon's region?) in an article about Cameroon
        inside = [r.candidate for r in ranked if r.candidate.country_code in leading]
        if len(inside) == 1 and ranked[0].candidate.country_code not in leading:
            _count_in(inside[0], defaultdict(float), units, admin1s, named)
    return ContextProfile(
        shares,
        frozenset(units),
        {code: frozenset(ids) for code, ids in admin1s.items()},
        tuple(named.values()),
        frozenset(sure),
    )


def _count_in(top: Candidate, votes, units: set[int], admin1s, named: dict) -> None:
    """Add a resolved context name's country vote, units and named admin unit."""
    votes[top.country_code] += 1.0
    units |= {top.admin1_id, top.admin2_id} - {None}  # an admin unit is its own admin1/2
    if top.admin1_id is not None:
        admin1s[top.country_code].add(top.admin1_id)
    if top.kind in ("admin1", "admin2"):
        named[top.place_id] = top


# --- the parts of the policy ----------------------------------------------------------


def _split_admin_word(mention: PlaceMention) -> PlaceMention:
    """Move a trailing or leading admin word out of the text: "Idlib governorate"."""
    words = mention.text.split()
    admin_words = vocabulary().admin_words
    if mention.admin_word is None and len(words) > 1:
        if words[-1].lower() in admin_words:
            return replace(mention, text=" ".join(words[:-1]), admin_word=words[-1].lower())
        if words[0].lower() in admin_words and words[1].lower() == "of" and len(words) > 2:
            return replace(mention, text=" ".join(words[2:]), admin_word=words[0].lower())
    return mention


def _score(c: Candidate, mention: PlaceMention, profile: ContextProfile) -> float:
    score = c.score
    score += COUNTRY_WEIGHT * profile.countries.get(c.country_code, 0.0)
    if {c.place_id, c.admin1_id, c.admin2_id} & profile.units:
        score += ADMIN_WEIGHT
    score += _kind_bonus(c.kind, mention.admin_word, mention.settlement)
    score += POPULATION_WEIGHT * min(math.log10(c.population + 1), 7) / 7
    return score


def _kind_bonus(kind: str, admin_word: str | None, settlement: bool = False) -> float:
    if admin_word is None:
        return _SETTLEMENT_KINDS[kind] if settlement else _DEFAULT_KINDS[kind]
    wanted = vocabulary().admin_words.get(admin_word.lower(), ("admin1", "admin2"))
    return (0.3, 0.2)[wanted.index(kind)] if kind in wanted[:2] else 0.0


def _contradiction(c: Candidate, profile: ContextProfile, prominent: set[int]) -> str | None:
    """Why the context rules `c` out (see the module docstring), or None."""
    if c.kind == "country":
        return None
    named_countries = profile.sure_countries or profile.countries
    if profile.countries and c.country_code not in named_countries:
        near_by = bool(_neighbours(c.country_code) & set(profile.countries))
        if c.match == "exact" and c.kind == "settlement" and c.population >= (
            CITY_POPULATION if c.score >= 1.0 and near_by else LARGE_CITY_POPULATION
        ):
            return None
        return (
            f"matches only {_describe(c)}, outside {', '.join(sorted(profile.countries))} "
            "named in the context"
        )
    named = profile.admin1s.get(c.country_code)
    if named and c.kind != "admin1" and c.admin1_id not in named:
        if c.place_id not in prominent or c.match not in ("exact", "variant"):
            units = ", ".join(sorted(u.name for u in profile.named_units)) or "other units"
            return f"known only as {_describe(c)}, while the context names {units}"
    return None


@lru_cache(maxsize=None)
def _neighbours(country_code: str) -> frozenset[str]:
    """The countries bordering one (GeoNames' country table, as actors.py loads it)."""
    country = countries().get(country_code.upper(), {})
    return frozenset(code for code in (country.get("neighbours") or "").split(",") if code)


def _rival(best: Ranked, others: Sequence[Ranked]) -> Ranked | None:
    """The strongest candidate elsewhere that `best` is not clearly better than, if any."""
    b = best.candidate
    for other in others:  # in ranking order: the first one elsewhere is the strongest
        o = other.candidate
        elsewhere = o.country_code != b.country_code or (
            b.kind == o.kind == "settlement" and o.admin1_id != b.admin1_id
        )
        if not elsewhere:
            continue
        if best.score - other.score >= MARGIN:
            return None
        if b.population >= DOMINANCE * max(o.population, 1):
            return None
        return other
    return None


def _at_home(best: Ranked, rival: Ranked, ranked: Sequence[Ranked], homes: frozenset[str]) -> tuple[Ranked, Ranked | None]:
    """Between rivals, the one candidate in the actors' home countries, when exactly one
    ranked candidate is there; else the rivalry stands."""
    home = [r for r in ranked if r.candidate.country_code in homes]
    if len(home) != 1 or home[0] not in (best, rival):
        return best, rival
    return home[0], None


def _dwarfing_city(best: Ranked, others: Sequence[Ranked]) -> Ranked | None:
    """A city within MARGIN of the best that dwarfs it (DOMINANCE times its population):
    "Basra" means the Iraqi city of 1.3 million, not a Pakistani hamlet spelt exactly so."""
    for other in others:
        if best.score - other.score >= MARGIN:
            return None
        o = other.candidate
        if o.kind == "settlement" and o.population >= CITY_POPULATION and (
                o.population >= DOMINANCE * max(best.candidate.population, 1)) and o.match != "fuzzy":
            return other
    return None


def _unsupported_loose_match(c: Candidate, profile: ContextProfile, homes: frozenset[str] = frozenset()) -> bool:
    """A fuzzy match the context does not back, or a skeleton match outside its countries
    or with no context at all ("Kalehe" is not Calais); the home country of the article's
    actors backs one ("Hiraan" beside Al Shabaab is Somalia's Hiiraan)."""
    supported = profile.countries.get(c.country_code, 0.0) == 1.0 or c.country_code in homes or bool(
        {c.place_id, c.admin1_id, c.admin2_id} & profile.units
    )  # a leading country: not one a single ambiguous name half-voted for ("Kandi": Benin's or India's?)
    if c.match in ("fuzzy", "skeleton"):
        return not supported
    return False


def _location(c: Candidate, mention: PlaceMention, reason: str | None = None) -> Location:
    if c.kind == "settlement":
        part_of = mention.admin_word is not None and mention.admin_word != "country"
        precision = 2 if mention.near or part_of else 1
    else:
        precision = 3
    return Location(
        name=c.name,
        mention=mention.text,
        country_code=c.country_code,
        admin1=c.admin1 if c.kind != "country" else None,
        admin2=c.admin2,
        lat=c.lat,
        lon=c.lon,
        geonames_id=c.geonames_id,
        geo_precision=precision,
        reason=reason,
    )


def _abstain(
    mention: PlaceMention, reason: str, profile: ContextProfile, ranked: Sequence[Ranked] = (),
    country: str | None = None,
) -> Resolution:
    """No coordinates for the place itself; the admin unit the context names, if only one and
    in a country that leads the context (an article about Tripoli that names Salah al-Din, one
    of its districts, does not send its unknown streets to Iraq's province), and in `country`
    when the text says whose the place is."""
    leading = all(profile.countries.get(u.country_code) == 1.0 and (country is None or u.country_code == country.upper())
                  for u in profile.named_units)
    unit = _only_unit(profile.named_units) if leading else None
    if unit is not None:
        why = f"{reason}; answered with {unit.name}, the {unit.kind} the context names"
        return Resolution(_location(unit, mention, why), None, tuple(ranked))
    return Resolution(Location(mention=mention.text, reason=reason), None, tuple(ranked))


def _only_unit(units: Sequence[Candidate]) -> Candidate | None:
    """The most specific of the named units when they nest (an admin2 in the admin1)."""
    if not units:
        return None
    finest = sorted(units, key=lambda u: u.kind != "admin2")[0]
    ok = all(u.place_id in (finest.place_id, finest.admin1_id) for u in units)
    return finest if ok else None


def _describe(c: Candidate) -> str:
    where = ", ".join(x for x in (c.admin1 if c.kind != "admin1" else None, c.country_code) if x)
    return f"{c.name} ({c.kind}, {where})"
