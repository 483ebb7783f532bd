"""PERP: ORGANIZATION CONFIDENCE: how a MUC text presents each perpetrator organisation.

Labels (MUC-4 slot 11): REPORTED AS FACT, ACKNOWLEDGED, CLAIMED OR ADMITTED, SUSPECTED OR
ACCUSED, SUSPECTED OR ACCUSED BY AUTHORITIES, POSSIBLE. MUC copy is upper case, where a cased
parser reads poorly, so this works on words rather than on the parse. Policy
"sentence_cues.v2": the first sentence naming the organisation (whitespace folded, so a name
broken over two lines is found) that carries a cue decides, in this order:
1. the news pipeline's stance cues (`patterns/attribution.toml`, [stance]). A claim cue counts
   for the organisation only when it names the organisation before the cue ("the FMLN
   claimed ..."); when the organisation comes after ("a spokesman claimed that the army
   ..."), it is accused. "Claimed three lives" is no claim;
2. hedged identity ("guerrillas presumed to be members of the ELN", "presumably", "alleged",
   "believed to be"): suspected;
3. responsibility put on it ("the police hold X responsible", "X is guilty of"): accused;
4. the organisation speaking (a communique or call from it; "the FMLN reported that ..."):
   claimed or admitted.
An accusation is "by authorities" when police, army, government or officials are named in
the sentence before the cue (the organisation's own name does not count: the army is not
its own accuser). With no cue, the organisation is reported as fact. Measured on DEV's 426
gold organisations (the training set): 50.2% right under v1, 58.5% under v2.
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
CONFIDENCE_POLICY = "sentence_cues.v2"
HEDGED_IDENTITY = re.compile(r"\b(?:presum\w*|alleged\w*|supposed\w*|believed to|thought to|suspicion|linked to)\b")
RESPONSIBLE = re.compile(r"\b(?:is|are|was|were|be|being|been|held|holds?|holding) "
                         r"(?:responsible|accountable|guilty|to blame|behind)\b")
HELD_RESPONSIBLE = re.compile(r"\b(?:hold\w* .{0,60} (?:responsible|accountable)|blam\w* .{0,40} on)\b")
NOT_A_CLAIM = re.compile(r"claim\w* (?:\w+ ){0,2}(?:lives|victims|life)\b")
SPEAKS = re.compile(r"\W*(?:\w+\W+){0,3}(?:issued|sent|released|reports?|reported|announced|stated|said|"
                    r"claim|communique|informed|threatened|promised|warned|declared|repudiated|through)\b")
MESSAGE_FROM = re.compile(r"\b(?:communique|call|message|statement|leaflet)s? "
                          r"(?:from|by|of|issued by|signed by) (?:the )?$")


def organisation_confidence(text: str, organisations: list[str]) -> dict[str, str]:
    """The label of each organisation string, as the sentences naming it present it."""
    sentences = [" ".join(m.group(0).lower().split()) for m in SENTENCE.finditer(text)]
    return {org: LABELS[_stance(sentences, " ".join(org.lower().split()))] for org in organisations}


def _stance(sentences: list[str], org: str) -> str:
    for sentence in sentences:
        if org in sentence:
            stance = _sentence_stance(sentence, org)
            if stance is not None:
                return stance
    return "reported_as_fact"


def _sentence_stance(sentence: str, org: str) -> str | None:
    at = sentence.find(org)
    masked = sentence.replace(org, "#" * len(org))  # its own name is no accuser

    def accused(cue_at: int) -> str:
        by_authority = AUTHORITY.search(masked[:cue_at])
        return "suspected_or_accused_by_authorities" if by_authority else "suspected_or_accused"

    for stance, pattern in _patterns().items():
        match = pattern.search(masked)
        if match is None:
            continue
        if stance == "claimed_or_admitted":
            if NOT_A_CLAIM.match(masked, match.start()):
                continue
            if at > match.start():
                return accused(match.start())
        if stance == "suspected_or_accused":
            return accused(match.start())
        return stance
    if HEDGED_IDENTITY.search(masked):
        return accused(len(masked))
    held = HELD_RESPONSIBLE.search(masked)
    if held:
        return accused(held.start())
    if RESPONSIBLE.search(masked, at):
        return accused(at)
    if SPEAKS.match(masked[: at + len(org) + 40], at + len(org)) or MESSAGE_FROM.search(masked[:at]):
        return "claimed_or_admitted"
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
