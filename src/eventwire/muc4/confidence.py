"""PERP: ORGANIZATION CONFIDENCE: how a MUC text presents each perpetrator organisation.

Labels (MUC-4 slot 11): REPORTED AS FACT, ACKNOWLEDGED, CLAIMED OR ADMITTED, SUSPECTED OR
ACCUSED, SUSPECTED OR ACCUSED BY AUTHORITIES, POSSIBLE. The cues are the news pipeline's stance
cues (`patterns/attribution.toml`, [stance]) read as words around each sentence that names the
organisation; MUC copy is upper case, where a cased parser reads poorly, so this works on words
rather than on the parse. The first sentence naming the organisation that carries a cue decides;
with none, the organisation is reported as fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.attribution import cues

LABELS = {
    "reported_as_fact": "REPORTED AS FACT",
    "acknowledged": "ACKNOWLEDGED",
    "claimed_or_admitted": "CLAIMED OR ADMITTED",
    "suspected_or_accused": "SUSPECTED OR ACCUSED",
    "suspected_or_accused_by_authorities": "SUSPECTED OR ACCUSED BY AUTHORITIES",
    "possible": "POSSIBLE",
}
AUTHORITY = re.compile(
    r"\b(?:police|army|military|armed forces|government|authorities|minister|ministry|president|"
    r"officials?|security forces|spokesman|command|brigade|battalion|garrison|troops|defense|"
    r"national guard|attorney general|judge|prosecutor|interior)\b", re.I)
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
CONFIDENCE_POLICY = "sentence_cues.v1"


def organisation_confidence(text: str, organisations: list[str]) -> dict[str, str]:
    """The label of each organisation string, as the sentences naming it present it."""
    sentences = [m.group(0) for m in SENTENCE.finditer(text)]
    return {org: LABELS[_stance(sentences, org)] for org in organisations}


def _stance(sentences: list[str], org: str) -> str:
    needle = org.lower()
    for sentence in sentences:
        lowered = sentence.lower()
        if needle not in lowered:
            continue
        stance = _sentence_stance(lowered)
        if stance is not None:
            return stance
    return "reported_as_fact"


def _sentence_stance(sentence: str) -> str | None:
    for stance, pattern in _patterns().items():
        match = pattern.search(sentence)
        if match is None:
            continue
        if stance == "suspected_or_accused" and AUTHORITY.search(sentence[: match.start()]):
            return "suspected_or_accused_by_authorities"
        return stance
    return None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Stance cue phrases as word patterns, any inflection of the first word."""
    order = ("claimed_or_admitted", "suspected_or_accused", "possible", "acknowledged")
    table = cues().stances
    out = {}
    for stance in order:
        phrases = table.get(stance, ())
        if not phrases:
            continue
        alternatives = [_inflected(p) for p in phrases]
        out[stance] = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)
    return out


def _inflected(phrase: str) -> str:
    first, *rest = phrase.split()
    stem = first[:-1] if first.endswith("e") else first
    head = rf"{re.escape(stem)}\w*"
    return r"\s+".join([head, *[re.escape(w) for w in rest]])
