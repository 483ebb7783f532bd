"""Responsibility: who did it, and how the text presents that (the claim's `stance`).

Stances (MUC-4's PERP: CONFIDENCE in lower case): `reported_as_fact` ("guerrillas attacked"),
`claimed_or_admitted` ("the group claimed responsibility"), `suspected_or_accused` ("residents
blamed the rebels"), `suspected_or_accused_by_authorities` (the same, said by police, army or
government), `possible` ("may have been", "probably"), `denied` ("the army denied any role").
Cue words are in `patterns/attribution.toml` ([stance]); the parse says who they point at.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence, Collection

from spacy.tokens import Span, Token

from eventwire.actors import ActorBook
from eventwire.attribution import Attribution, cues, identity_hedge, negated, nobody
from eventwire.facts import said_claim
from eventwire.mentions import EventMention
from eventwire.models import Claim
from eventwire.roles import actor_span, struck_a_laid_weapon
from eventwire.triggers import done_to, is_trigger_word, vocabulary

AUTHORITIES = ("government", "military", "unnamed official")
SELF = frozenset(("it", "we", "they"))
OWN = frozenset(("its", "our", "their"))
ARMED_GROUPS = (2, 3)  # ACLED inter codes of rebel and political militias
RESPONSIBILITY_NOUNS = frozenset("responsibility credit blame role involvement part".split())


def responsibility_claims(mentions: Sequence[EventMention], attributions: dict[int, Attribution],
                          book: ActorBook, country: str | None, article_id: str,
                          untriggered: Sequence[Span] = (), sides: Collection[str] | None = None) -> list[Claim]:
    """Responsibility claims for one event, from cue verbs and from its attackers' mentions.
    `untriggered`: sentences that tell of no event but may claim or blame this one ("The
    Islamic State group claimed responsibility."). `sides`: the names of the event's sides
    (its attackers, its targets and the forces among its victims: in a clash each side is
    both), where known; a doer the event's
    actors leave out ("the Bajaur bazaar blast": a place) or hold as its victims is no one's
    claim."""
    claims: dict[tuple[str, str], Claim] = {}
    sentences = {m.sent.start_char: m.sent for m in mentions} | {s.start_char: s for s in untriggered}
    loose = {s.start_char for s in untriggered}
    for start, sent in sentences.items():
        said = attributions.get(start, Attribution())
        for stance, token in _cued(sent, strict=start in loose):
            if stance == "suspected_or_accused" and (said.speaker_kind in AUTHORITIES or _by_authority(token)):
                stance = "suspected_or_accused_by_authorities"
            claim = _claim(token, stance, said, book, country, article_id)
            if claim is not None:
                claims.setdefault((claim.value, claim.stance), claim)
    for mention in mentions:
        speaker = _self_report(mention)
        said = attributions.get(mention.sent.start_char, Attribution())
        claim = _claim(speaker, "claimed_or_admitted", said, book, country, article_id,
                       inters=(1, 2, 3, 4)) if speaker else None  # forces and armed groups tell of their acts
        if claim is not None:
            claims.setdefault((claim.value, claim.stance), claim)
    cued_values = {value for value, _ in claims}
    for mention in mentions:
        said = attributions.get(mention.sent.start_char, Attribution())
        stance = _plain_stance(mention.sent, said)
        for filler in mention.roles:
            if filler.role != "attacker":
                continue
            doubt = next((c for c in filler.head.children if identity_hedge(c)), None)
            if doubt is not None:  # "Suspected Islamist militants attacked": who did it is hedged
                claim = _claim(filler.head, "suspected_or_accused",
                               replace(said, hedge=cues().hedges[doubt.lower_]), book, country, article_id)
            else:
                claim = _claim(filler.head, stance, said, book, country, article_id)
            if claim is not None and claim.value not in cued_values and (sides is None or claim.value in sides):
                claims.setdefault((claim.value, claim.stance), claim)
    return list(claims.values())


def _cued(sent: Span, strict: bool = False) -> list[tuple[str, Token]]:
    """(stance, perpetrator head) pairs that cue verbs in the sentence point at. `strict`, for
    a sentence that tells of no event: a claim or denial counts only when it is of
    responsibility or of an act ("claimed responsibility", "denied involvement", "denied it"),
    not of something else ("denies using civilian facilities")."""
    stances = cues().stances
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or negated(token):
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ == "acl" and token.tag_ == "VBN":
            objects.append(token.head)  # "in an attack claimed by al Shabaab": the attack is claimed
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None) or _claiming_agent(token, lemma)
        if subject is not None and nobody(subject):
            continue  # "no group has claimed responsibility" is no one's claim
        if strict and lemma not in _verbs(stances["suspected_or_accused"]) and not _of_the_act(token):
            continue
        if lemma in _verbs(stances["claimed_or_admitted"]) and subject is not None:
            if _claims(token, lemma, objects, stances["claimed_or_admitted"]):
                found.append(("claimed_or_admitted", subject))
        elif lemma in _verbs(stances["suspected_or_accused"]) and _cue_phrase(token, lemma, stances["suspected_or_accused"]):
            target = _accused(token, objects)
            if target is not None:
                found.append(("suspected_or_accused", target))
        elif lemma in _verbs(stances["denied"]) and subject is not None:
            found.append(("denied", subject))
        if token.tag_ == "VBN" and lemma == "suspect" and token.dep_ == "amod" and not done_to(token.head):
            found.append(("suspected_or_accused", token.head))  # not "killing two suspected militants"
    return found


def _claiming_agent(verb: Token, lemma: str) -> Token | None:
    """"The attack was claimed by JNIM": in the passive of a claim verb the agent claims (in
    the passive of an accusing verb the subject is the accused, and `_accused` reads it)."""
    if lemma not in _verbs(cues().stances["claimed_or_admitted"]):
        return None
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _of_the_act(verb: Token) -> bool:
    """What the verb claims or denies is responsibility, an act, or nothing named."""
    said = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep")]
    words = [t for c in said for t in c.subtree if t.pos_ in ("NOUN", "VERB", "PRON")]
    return not words or any(t.lemma_.lower() in RESPONSIBILITY_NOUNS or t.pos_ == "PRON" or _an_act(t) for t in words)


def _self_report(mention: EventMention) -> Token | None:
    """"The BLA said in a statement that it had taken 182 hostages", "the army said it had
    killed 100 terrorists": an armed group or a state force telling of its own act claims it.
    The speaker (the reporting verb's subject) when the act's doer is "it", "we" or "they" (or
    theirs: "its fighters") and the act sits in what the speaker said."""
    head = mention.trigger.head  # "it had taken hostages", "it had killed 20 soldiers in the ambush"
    verb = head if head.pos_ == "VERB" else next((a for a in list(head.ancestors)[:3] if a.pos_ == "VERB"), None)
    if verb is None or not any(c.dep_ == "nsubj" and _own(c) for c in verb.children):
        return None
    if struck_a_laid_weapon(verb):
        return None  # "their vehicle ran over an explosive device, police said": hit, not hitting
    if verb is not head and verb.lemma_.lower() in vocabulary().support_target:
        return None  # "its forces had repelled 25 attacks": the attacks are another's
    verbs, denials = cues().verbs, _verbs(cues().stances["denied"])
    for ancestor in list(verb.ancestors)[:4]:
        if ancestor.lemma_.lower() in denials or negated(ancestor):
            return None  # "the army denied reports that its soldiers killed 11 civilians"
        if ancestor.lemma_.lower() in verbs and ancestor.pos_ == "VERB":
            return next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
        if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in ancestor.children):
            return None  # "militants beheaded a man they kidnapped, the army said": "they" are the militants
    return None


def _own(subject: Token) -> bool:
    """"it", "we", "they", or what is theirs: "its fighters", "our forces"."""
    return subject.lower_ in SELF or any(c.dep_ == "poss" and c.lower_ in OWN for c in subject.children)


def _claims(verb: Token, lemma: str, objects: list[Token], phrases: tuple[str, ...]) -> bool:
    """"admitted", "claimed the bombing", "took responsibility": a verb that is a claim cue by
    itself, or the first word of a phrase whose next word is its object ("take
    responsibility"; "protests took place" is no claim)."""
    alone = lemma in {p for p in phrases if " " not in p}
    nouns = {p.split()[1] for p in phrases if " " in p and p.split()[0] == lemma}
    if lemma == "claim":
        return any(o.lemma_.lower() in RESPONSIBILITY_NOUNS or o.pos_ == "NOUN" for o in objects)
    if alone:
        return True
    return any(o.lemma_.lower() in nouns | RESPONSIBILITY_NOUNS for o in objects)


def _cue_phrase(verb: Token, lemma: str, phrases: tuple[str, ...]) -> bool:
    """The verb is a cue by itself ("blamed") or with the rest of its phrase in its clause
    ("held the group responsible"; "holding 100 hostages" is no accusation)."""
    words = {t.lower_ for t in verb.subtree}
    return any(p.split()[0] == lemma and all(w in words for w in p.split()[1:]) for p in phrases)


def _accused(verb: Token, objects: list[Token]) -> Token | None:
    lemma = verb.lemma_.lower()
    acts = [o for o in objects if o.dep_ == "dobj" and o.lemma_.lower() in vocabulary().anaphora]
    if lemma == "attribute" or (lemma == "blame" and acts):  # "attributed the attack to the FMLN",
        word = "to" if lemma == "attribute" else "on"      # "blamed the attack on the ELN"
        for prep in (c for h in (verb, *acts) for c in h.children if c.dep_ == "prep" and c.lower_ == word):
            found = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if found is not None and found.ent_type_ not in ("DATE", "TIME"):
                return found
    if _accused_of_something_else(verb):
        return None  # "accused villagers of collaborating with the insurgents"
    passive = [o for o in objects if o.dep_ == "nsubjpass"]
    active = [o for o in objects if o.dep_ == "dobj"]
    return (passive or active or [None])[0]


def _accused_of_something_else(verb: Token) -> bool:
    """The charge names an act that is no event of the article's kind ("of collaborating",
    "of spying"), so the accused are not held responsible for the attack."""
    for prep in (c for h in (verb, *verb.children) for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        acts = [g for g in prep.children if g.dep_ in ("pcomp", "pobj") and g.pos_ in ("VERB", "NOUN")]
        if acts and not any(_an_act(t) for a in acts for t in a.subtree):
            return True
    return False


def _an_act(token: Token) -> bool:
    """A word that names a conflict event: a trigger ("bombing") or a noun that refers back to one ("the incident")."""
    return is_trigger_word(token) or token.lemma_.lower() in vocabulary().anaphora


def _by_authority(token: Token) -> bool:
    """"police blamed the FMLN": the subject of the accusing verb is an authority."""
    verb = token.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is None:
        return False
    words = actor_span(subject).text.lower()
    return any(w in words for w in ("police", "army", "military", "government", "authorities", "minist",
                                    "official", "president", "command", "troops", "forces"))


def _plain_stance(sent: Span, said: Attribution) -> str:
    lowered = sent.text.lower()
    if any(cue in lowered for cue in cues().stances["possible"]):
        return "possible"
    if said.hedge in ("suspect", "allegedly", "claimed"):
        return "suspected_or_accused"
    return "reported_as_fact"


def _claim(token: Token, stance: str, said: Attribution, book: ActorBook, country: str | None,
           article_id: str, inters: tuple[int, ...] | None = None) -> Claim | None:
    """The claim that `token`'s actor bears `stance`; None for no actor (or, with `inters`,
    for an actor of no such ACLED inter code)."""
    if token.pos_ == "PRON" or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return None
    span = actor_span(token)
    actor = book.normalise(span.text, "perpetrator", country_code=country)
    if actor.inter is None and not actor.name[:1].isupper():
        return None
    if inters is not None and actor.inter not in inters:
        return None
    if token.ent_type_ in ("GPE", "LOC") and actor.inter not in ARMED_GROUPS:
        return None  # a place; but "Islamic State Sahel Province", tagged a place, is a group
    return said_claim(said, field="responsibility", value=actor.name, text=span.text, article_id=article_id,
                      start=span.start_char, end=span.end_char, stance=stance)


def _verbs(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.split()[0] for p in phrases)
