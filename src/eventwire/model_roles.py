"""Roles the trained role model reads, for event mentions whose parse found none.

The parse rules (`roles.py`) are precise but miss what the parser misreads or what is not a
subject, object or "by" agent ("in an attack claimed by the group", a victim named in an
apposition). The MUC-4 role model (`muc4/roles.py`, trained on DEV) reads perpetrators and
victims as spans without a parse. Policy "parse_first.v1": a mention keeps the roles its parse
gives; where it has no attacker, the model's perpetrator spans in the same sentence
(PerpOrg, PerpInd) become attackers, and where it has no victim, the model's Victim spans
become victims. A span the text only blames or suspects ("blaming Iraqi militias") is left to
the responsibility claims (`responsibility.py`), which keep its stance; a participant the
mention already has in another role keeps that role. The model's Target spans are things
(bridges, buses), not actors, and its Weapon spans are left to the weapon vocabulary, which
also normalises them; neither is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwire.actors import same_name
from eventwire.attribution import cues
from eventwire.mentions import EventMention
from eventwire.muc4.roles import RoleModel, RoleSpan
from eventwire.roles import RoleFiller
from eventwire.triggers import done_to

POLICY = "parse_first.v1"
MODEL_ROLES = {"PerpOrg": "attacker", "PerpInd": "attacker", "Victim": "victim"}


def read_role_spans(model: RoleModel, mentions: Iterable[EventMention]) -> list[RoleSpan]:
    """The model's spans in the sentences of mentions that lack an attacker or a victim (the
    model reads those sentences alone, which costs a fraction of reading the whole article)."""
    sentences = {}
    for mention in mentions:
        if not {"attacker", "victim"} <= {filler.role for filler in mention.roles}:
            sentences.setdefault(mention.sent.start_char, mention.sent)
    if not sentences:
        return []
    readings = model.read_many([(sent.text, 0) for sent in sentences.values()])
    return [replace(span, start=start + span.start, end=start + span.end)  # into the article's offsets
            for start, reading in zip(sentences, readings) for span in reading.spans]


def fill_roles(mentions: Iterable[EventMention], doc: Doc, spans: list[RoleSpan]) -> None:
    """Add the model's attackers and victims to mentions that lack them (in place)."""
    for mention in mentions:
        present = {filler.role for filler in mention.roles}
        start, end = mention.sent.start_char, mention.sent.end_char
        trigger = (mention.trigger.span.start_char, mention.trigger.span.end_char)
        for span in spans:
            role = MODEL_ROLES.get(span.role)
            if role is None or role in present or not (start <= span.start and span.end <= end):
                continue
            if span.start < trigger[1] and trigger[0] < span.end:
                continue  # the trigger's own words are not its participant
            chars = doc.char_span(span.start, span.end, alignment_mode="expand")
            if chars is None or _accused(chars.root) or _named(chars.text, mention):
                continue
            if role == "attacker" and _undergoer(chars.root):
                continue  # "seven Colombian soldiers were killed": who underwent it did not do it
            mention.roles.append(RoleFiller(role, chars.text, chars.start_char, chars.end_char, chars.root))


def _undergoer(token: Token) -> bool:
    """Whether the word is, or modifies, a passive subject, also a headline's or a reduced
    relative's ("Soldiers killed in ambush"), or the object of a verb of violence ("a strike
    killed eight members of one family")."""
    while token.dep_ in ("amod", "compound", "nmod", "nummod", "poss") and token.head is not token:
        token = token.head
    verb = token.head
    headline_passive = token.dep_ == "nsubj" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    reduced = any(c.dep_ == "acl" and c.tag_ == "VBN" and not any(g.dep_ == "dobj" for g in c.children)
                  for c in token.children)  # "soldiers killed in ambush"
    return token.dep_ == "nsubjpass" or headline_passive or reduced or done_to(token)


def _accused(token: Token) -> bool:
    """Whether the word is what an accusing or denying verb governs ("blamed the group")."""
    return token.head.lemma_.lower() in _accusing_verbs()


@lru_cache(maxsize=1)
def _accusing_verbs() -> frozenset[str]:
    return frozenset(phrase.split()[0] for stance in ("suspected_or_accused", "denied")
                     for phrase in cues().stances.get(stance, ()))


def _named(text: str, mention: EventMention) -> bool:
    """Whether the mention already has this participant in another role, in full or in part
    ("Abu Jandal" beside the target "Abu Jandal al-Kuwaiti")."""
    return any(same_name(text, filler.text) for filler in mention.roles)
