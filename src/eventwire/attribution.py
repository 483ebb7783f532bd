"""Attribution: for each sentence, who says it (speaker), through whom (outlet), how sure (hedge).

Cues come from `patterns/attribution.toml`: reporting verbs and their subjects ("a U.S.
official said"), outlets as speakers or addressees ("notes Reuters", "told CNN"),
"according to X", and lead lines ending in a colon ("Reuters reports:") whose attribution
carries over to the lines they introduce. Definite speakers ("the official", "the news
outlet") resolve to the last speaker or outlet with the same head word.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventwire.actors import ActorBook
from eventwire.roles import actor_span

DROP_WORDS = re.compile(r"^(?:(?:the|a|an|one|unnamed|anonymous|an?other|also|some)\s+)+", re.I)
PRONOUN_SPEAKERS = frozenset("i we you he she it they who which that this".split())
QUOTE = re.compile(r"[“\"]([^”\"]{1,80})[”\"]")


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    outlets: dict[str, str]  # lower-case form -> outlet name as listed
    hedges: dict[str, str]
    framing: frozenset[str]
    frame_verbs: frozenset[str]


@dataclass(frozen=True)
class Attribution:
    speaker: str | None = None
    outlet: str | None = None
    hedge: str | None = None


@lru_cache(maxsize=1)
def cues() -> Cues:
    text = resources.files("eventwire.patterns").joinpath("attribution.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Cues(
        verbs=frozenset(data["reporting_verbs"]),
        outlets={o.lower(): o for o in data["outlets"]},
        hedges=data["hedges"],
        framing=frozenset(data["framing"]["words"]),
        frame_verbs=frozenset(data["framing"]["frame_verbs"]),
    )


def attribute(doc: Doc, book: ActorBook, *, outlet: str | None = None) -> list[Attribution]:
    """One attribution per sentence of `doc`, in order. `outlet` is the article's own."""
    found: list[Attribution] = []
    lead: Attribution | None = None
    speakers: list[str] = []
    outlets: list[str] = []
    for sent in doc.sents:
        own_speaker, own_outlet = _speaker_and_outlet(sent, book, speakers, outlets)
        hedge = _hedge(sent)
        if sent.text.rstrip().endswith(":") and (own_speaker or own_outlet):
            lead = Attribution(own_speaker, own_outlet)
        elif own_outlet and lead is not None:
            lead = None  # a new explicit source ends what the lead line introduced
        context = lead or Attribution()
        speaker = own_speaker or context.speaker
        via = own_outlet or context.outlet or outlet
        if speaker and speaker.lower() in cues().outlets:
            via = via or speaker
        found.append(Attribution(speaker=speaker, outlet=via, hedge=hedge))
        speakers += [own_speaker] if own_speaker else []
        outlets += [own_outlet] if own_outlet else []
    return found


def framing_quotes(sent: Span) -> list[tuple[str, int, int]]:
    """Evaluative words a speaker uses for an event: quoted, after a framing verb, or lexicon."""
    c = cues()
    frames_event = any(t.lemma_.lower() in c.frame_verbs for t in sent)
    out = []
    for match in QUOTE.finditer(sent.text):
        words = match.group(1).strip().rstrip(".,;:!?")
        lowered = words.lower()
        if len(words.split()) <= 4 and (frames_event or any(w in lowered for w in c.framing)):
            start = sent.start_char + match.start(1) + len(match.group(1)) - len(match.group(1).lstrip())
            out.append((words, start, start + len(words)))
    return out


def _speaker_and_outlet(sent: Span, book: ActorBook, speakers: list[str], outlets: list[str]):
    c = cues()
    speaker = outlet = None
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.lower_ == "according":
            source = _according_to(token)
            if source is not None:
                speaker = speaker or _name(source, book, speakers)
        elif lemma in c.verbs and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if subject is not None and subject.lower_ not in PRONOUN_SPEAKERS and speaker is None:
                speaker = _name(subject, book, speakers)
            outlet = outlet or _addressee(token, outlets)
    if speaker and speaker.lower() in c.outlets:
        outlet = outlet or c.outlets[speaker.lower()]
    return speaker, outlet


def _subject(verb: Token) -> Token | None:
    """The verb's subject; in quotation inversion ("...," added the official) the parser
    often calls the postposed speaker an object, so take that when no subject exists."""
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return subject
    before = verb.doc[max(verb.i - 2, verb.sent.start) : verb.i]
    if any(t.is_quote or t.text in ",”\"" for t in before):
        return next((t for t in verb.rights if t.dep_ in ("dobj", "attr")), None)
    return None


def _according_to(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _addressee(verb: Token, outlets: list[str]) -> str | None:
    """The outlet a speaker told: "told Reuters", "spoke to CNN", "told the news outlet"."""
    c = cues()
    candidates = [t for t in verb.children if t.dep_ in ("dobj", "dative", "iobj")]
    for prep in (t for t in verb.children if t.dep_ == "prep" and t.lower_ in ("to", "with")):
        candidates += [g for g in prep.children if g.dep_ == "pobj"]
    for token in candidates:
        text = DROP_WORDS.sub("", actor_span(token).text)
        known = c.outlets.get(text.lower())
        if known and known.lower() in ("news outlet", "news agency", "outlet", "agency"):
            return outlets[-1] if outlets else None
        if known:
            return known
    return None


def _name(token: Token, book: ActorBook, speakers: list[str]) -> str:
    """A speaker's name: the phrase without articles, definite ones resolved to the last
    speaker with the same head word, known actors by their normalised name."""
    span = actor_span(token)
    text = DROP_WORDS.sub("", span.text).strip()
    definite = span[0].lower_ in ("the", "this", "that")
    if definite:
        head = token.lower_
        for previous in reversed(speakers):
            if previous.lower().endswith(head) or previous.lower() == text.lower():
                return previous
    if text.lower() in cues().outlets:
        return cues().outlets[text.lower()]
    actor = book.normalise(text, "speaker")
    if actor.inter in (1, 2, 3, 8) and actor.name in {e.name for e in book.named}:
        return actor.name
    return text


def _hedge(sent: Span) -> str | None:
    hedges = cues().hedges
    for token in sent:
        label = hedges.get(token.lower_)
        if label:
            return label
    return None
