"""Check extracted events against a `*.gold.json` file (the form of shared/corpus/seed).

A gold file lists `reported_events` (each `required` one must be matched by one reported event
meeting every check), `must_not` rules (plain-English rules; the recognised forms are below,
an unrecognised rule is reported as unchecked, never as passed), and `*_should` wishes that are
reported but do not fail the check. Strings match case-insensitively as substrings of a
normalised name or of the mention; coordinates by great-circle distance.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.places.distance import km
from eventwire.models import Event

COUNTRY_CODES = {"turkey": "TR", "russia": "RU", "iran": "IR", "the united states": "US",
                 "united states": "US", "syria": "SY", "iraq": "IQ", "israel": "IL", "lebanon": "LB",
                 "jordan": "JO"}


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def check(gold: dict, events: list[Event]) -> Report:
    report = Report()
    reported = [e for e in events if e.status == "reported"]
    for spec in gold.get("reported_events", []):
        results = [(_event_failures(spec, e), e) for e in reported]
        best = min(results, key=lambda r: len(r[0]), default=(["no reported event"], None))
        if best[0]:
            where = f"closest event {best[1].event_id}" if best[1] else "no reported event"
            message = f"{spec.get('key')}: {where} fails: " + "; ".join(best[0])
            (report.failures if spec.get("required") else report.notes).append(message)
        elif best[1] is not None:
            report.notes += [f"{spec.get('key')}: should: {m}" for m in _should(spec, best[1])]
    for wish in gold.get("claims_should", []):
        if not any(claim_matches(wish, c) for e in events for c in e.claims):
            report.notes.append(f"claim not found: {wish.get('about')!r} ({_who(wish)})")
    for rule in gold.get("must_not", []):
        broken = _must_not(rule, events)
        if broken is None:
            report.notes.append(f"must_not rule not understood, unchecked: {rule!r}")
        elif broken:
            report.failures.append(f"must_not broken: {rule!r}: {broken}")
    return report


FIELD_WORDS = {"fatalities": "killed dead deaths died", "injuries": "wounded injured hurt",
               "force_size": "forces troops size", "framing": "described called", "motive": "motive"}
STOP = frozenset("a an the of in on to was were by from that and as 's".split())


def claim_matches(wish: dict, claim) -> bool:
    """A `claims_should` entry against one claim: speaker, outlet, hedge and kind as given,
    and most content words of its `about` found in the claim's field, value and text."""
    if wish.get("speaker_any") and not _any(claim.speaker, wish["speaker_any"]):
        return False
    if wish.get("outlet_any") and not _any(claim.outlet, wish["outlet_any"]):
        return False
    if "hedge" in wish and wish["hedge"] is None and claim.hedge is not None:
        return False
    if wish.get("hedge_any") and not _any(claim.hedge, wish["hedge_any"]):
        return False
    if wish.get("kind") and claim.kind != wish["kind"]:
        return False
    text = (wish.get("about") or "").lower()
    quoted = re.findall(r"'([^']+)'", text)  # a quoted phrase is the fact itself: it must be there
    if quoted:
        return all(q in f"{claim.value} {claim.text}".lower() for q in quoted)
    about = [w for w in re.findall(r"\w+", text) if w not in STOP]
    have = " ".join([claim.field, FIELD_WORDS.get(claim.field, ""), str(claim.value), claim.text]).lower()
    found = sum(1 for w in about if w in have)
    return not about or found / len(about) >= 0.6


def _who(wish: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in wish.items() if k != "about")


def _event_failures(spec: dict, e: Event) -> list[str]:
    fails = []
    if spec.get("status") and e.status != spec["status"]:
        fails.append(f"status {e.status}")
    if "event_date" in spec:
        wanted = date.fromisoformat(spec["event_date"])
        if e.event_date is None or abs((e.event_date - wanted).days) > spec.get("date_tolerance_days", 0):
            fails.append(f"event_date {e.event_date} not {wanted}")
    if spec.get("event_type_any") and not _any(e.event_type, spec["event_type_any"]):
        fails.append(f"event_type {e.event_type}")
    if spec.get("sub_event_type_any") and not _any(e.sub_event_type, spec["sub_event_type_any"]):
        fails.append(f"sub_event_type {e.sub_event_type}")
    fails += _location_failures(spec.get("location"), e)
    for role_key, values in (spec.get("actors") or {}).items():
        role = role_key.removesuffix("_any")
        names = [t for a in e.actors if a.role == role for t in (a.name, a.mention)]
        if not any(_any(n, values) for n in names):
            fails.append(f"no {role} among {values} (have {names})")
    fails += _count_failures("fatalities", spec.get("fatalities"), e)
    if spec.get("injuries") and "value" in spec["injuries"] and e.injuries.best != spec["injuries"]["value"]:
        fails.append(f"injuries {e.injuries.best}")
    for group in spec.get("sources_any_all", []):
        if not any(_any(s, group) for s in e.sources):
            fails.append(f"no source among {group}")
    return fails


def _location_failures(spec: dict | None, e: Event) -> list[str]:
    if not spec:
        return []
    loc, fails = e.location, []
    if spec.get("name_any") and not (_any(loc.name, spec["name_any"]) or _any(loc.mention, spec["name_any"])):
        fails.append(f"location {loc.name!r}")
    if spec.get("country_code") and loc.country_code != spec["country_code"]:
        fails.append(f"country {loc.country_code}")
    if spec.get("admin1_any") and not _any(loc.admin1, spec["admin1_any"]):
        fails.append(f"admin1 {loc.admin1!r}")
    if "lat" in spec and "max_km" in spec:
        if loc.lat is None or km(loc.lat, loc.lon, spec["lat"], spec["lon"]) > spec["max_km"]:
            fails.append(f"coordinates {loc.lat},{loc.lon} beyond {spec['max_km']} km")
    if spec.get("geo_precision_any") and loc.geo_precision not in spec["geo_precision_any"]:
        fails.append(f"geo_precision {loc.geo_precision}")
    return fails


def _count_failures(name: str, spec: dict | None, e: Event) -> list[str]:
    if not spec:
        return []
    count, fails = getattr(e, name), []
    if count.best is None or not spec.get("best_min", 0) <= count.best <= spec.get("best_max", math.inf):
        fails.append(f"{name}.best {count.best}")
    if spec.get("qualifier_any") and count.qualifier not in spec["qualifier_any"]:
        fails.append(f"{name}.qualifier {count.qualifier}")
    if spec.get("text_any") and not _any(count.text, spec["text_any"]):
        fails.append(f"{name}.text {count.text!r}")
    return fails


def _should(spec: dict, e: Event) -> list[str]:
    missing = [s for s in spec.get("sources_should", []) if not any(_any(x, [s]) for x in e.sources)]
    return [f"source {s!r} not among {e.sources}" for s in missing]


def _must_not(rule: str, events: list[Event]) -> str | None:
    """The events that break a rule, '' when none, None when the rule is not understood."""
    reported = [e for e in events if e.status == "reported"]
    if m := re.match(r"more than one reported event carrying (\d+) or more fatalities", rule):
        heavy = [e.event_id for e in reported if (e.fatalities.best or 0) >= int(m.group(1))]
        return ", ".join(heavy) if len(heavy) > 1 else ""
    if m := re.match(r"a reported event located in (.+)", rule):
        names = re.split(r",\s*|\s+or\s+|\s+and\s+", m.group(1))
        codes = {COUNTRY_CODES.get(n.strip().lower()) for n in names} - {None}
        return ", ".join(e.event_id for e in reported if e.location.country_code in codes)
    if m := re.match(r"'(.+)' read as (fatalities|injuries)", rule):
        phrase, name = m.group(1).lower(), m.group(2)
        return ", ".join(e.event_id for e in events if phrase in (getattr(e, name).text or "").lower())
    return None


def _any(value: str | None, wanted: list[str]) -> bool:
    return bool(value) and any(w.lower() in value.lower() for w in wanted)
