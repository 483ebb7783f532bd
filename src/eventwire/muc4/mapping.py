"""Our events onto MUC-4 templates: incident types, relevance, and the five role slots.

Policy "muc4-mapping.v1", following the task definition (taskdoc/templ-doc-basic,
template-doc-part1 section 1.0):
- only events reported as news are incidents (rule 6, "recent"): background is dropped;
- the event type gives the incident type: explosions are BOMBING (air strikes and shelling
  are ATTACK), abductions KIDNAPPING, violence against civilians and clashes ATTACK,
  property destruction ARSON when the evidence says burn/fire/torch, ROBBERY for theft;
  protests, arrests, agreements and other developments are not incidents;
- a clash whose attackers and targets are all armed (state forces against rebels or the
  reverse, rule 1a/1b) is guerrilla warfare, not terrorism, and is dropped; it becomes
  relevant when a civilian or a physical target is hit;
- attackers named as an organisation (a rebel group or militia by name) fill PerpOrg,
  described individuals ("guerrillas", "gunmen") PerpInd; human targets and victims
  fill Victim, physical targets (buildings, vehicles, installations) Target; weapons Weapon.
Strings are the mentions as written, without leading function words ("THAT GUERRILLAS"
gives "GUERRILLAS").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.models import Actor, Event
from eventwire.muc4.templates import Template

POLICY = "muc4-mapping.v1"

_BOMBING = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"}
_ARMED = {"state forces", "rebel group", "political militia", "identity militia", "external/other forces"}
_BURN = re.compile(r"\b(burn|fire|torch|set ablaze|arson|incendiar)", re.I)
_PART_BURN = re.compile(r"\b(torch\w*|set (?:on )?fire|set fire|set ablaze|burn(?:ed|t|ing)? down|arson)", re.I)
_PART_ROB = re.compile(r"\b(loot\w*|ransack\w*|pillag\w*|robb(?:ed|ery)|stole)", re.I)
_ROB = re.compile(r"\b(rob|stole|steal|loot|hold[- ]?up|assault(ed)? (a|the) bank)", re.I)
_LEADING = re.compile(r"^(?:(?:that|which|who|by|of|for|against|at|on|and|the|a|an|some|its|their|his|her)\s+)+", re.I)
_PHYSICAL = re.compile(
    r"\b(building|house|home|office|embassy|bank|station|substation|tower|pylon|bridge|plant|farm|"
    r"vehicle|car|bus|truck|jeep|aircraft|plane|helicopter|installation|headquarters|facilit|"
    r"store|shop|church|school|hotel|restaurant|line|pipeline|residence|property|premises|"
    r"post|base|barracks|camp|airport|port|road|highway|dam|branch|company|factory|mine|agency)",
    re.I,
)
_INDIVIDUALS = re.compile(
    r"\b(guerrilla|terrorist|rebel|subversive|gunm[ae]n|men|individual|commando|member|unit|column|"
    r"people|persons?|assailant|attacker|kidnapper|militant|hit ?m[ae]n|killer|squad|soldier|troop)",
    re.I,
)


def incident_type(event: Event) -> str | None:
    """The MUC incident type of an event, or None when it is not an incident MUC records."""
    if event.status != "reported":
        return None
    sub, kind = event.sub_event_type, event.event_type
    evidence = " ".join(e.text for e in event.evidence)
    if sub in _BOMBING:
        return "bombing"
    if sub == "Abduction/forced disappearance":
        return "kidnapping"
    if sub == "Looting/property destruction":
        return "arson" if _BURN.search(evidence) else "robbery" if _ROB.search(evidence) else None
    if kind in ("Violence against civilians", "Battles", "Explosions/Remote violence"):
        return "attack"
    return None


def is_military_clash(event: Event) -> bool:
    """Armed against armed only: no civilian, no physical target (rule 1)."""
    sides = [a for a in event.actors if a.role in ("target", "victim")]
    if not sides:
        return event.event_type == "Battles"
    return all(a.kind in _ARMED and not _PHYSICAL.search(a.mention) for a in sides)


def templates_from_events(events: Iterable[Event]) -> list[Template]:
    """One template per relevant event, in the order of the events."""
    found = []
    for event in events:
        kind = incident_type(event)
        if kind is None or is_military_clash(event):
            continue
        slots: dict[str, list[str]] = {"PerpInd": [], "PerpOrg": [], "Target": [], "Victim": [], "Weapon": []}
        for actor in event.actors:
            role = slot(actor)
            if role:
                slots[role].append(clean(actor.mention))
        slots["Weapon"] += [clean(w.mention) for w in event.weapons]
        found.append(Template(incident_type=kind, **{r: _distinct(v) for r, v in slots.items()}))
        found += [Template(incident_type=part) for part in _parts(event, kind)]
    return found


def _parts(event: Event, kind: str) -> list[str]:
    """MUC records burning and robbery during an attack as incidents of their own; eventwire
    keeps them inside the attack (ACLED), so they are read back from its sentences."""
    if kind != "attack":
        return []
    evidence = " ".join(e.text for e in event.evidence)
    return [part for part, words in (("arson", _PART_BURN), ("robbery", _PART_ROB)) if words.search(evidence)]


def slot(actor: Actor) -> str | None:
    """The MUC slot an actor fills, or None."""
    if actor.role in ("attacker", "perpetrator"):
        named = actor.kind in ("rebel group", "political militia") and not actor.name.startswith("Unidentified")
        return "PerpInd" if _INDIVIDUALS.search(actor.mention) or not named else "PerpOrg"
    if actor.role in ("target", "victim"):
        return "Target" if _PHYSICAL.search(actor.mention) else "Victim"
    return None


def clean(mention: str) -> str:
    """Example: `clean("THAT GUERRILLAS")` is "GUERRILLAS"."""
    return _LEADING.sub("", mention.strip()).strip(" ,.;:\"'") or mention.strip()


def _distinct(strings: list[str]) -> list[str]:
    return [s for s in dict.fromkeys(strings) if s]
