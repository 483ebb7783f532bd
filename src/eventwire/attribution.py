"""Attribution: for each sentence, who says it (speaker), of what kind, through whom (via and
outlet), and how sure (hedge).

Cues come from `patterns/attribution.toml`: reporting verbs and their subjects ("a U.S.
official said"), outlets as speakers or addressees ("notes Reuters", "told CNN"),
"according to X", a figure put by its subject ("the ministry put the toll at 17"), nested
speech ("state media said the coalition described ..."), and lead
lines ending in a colon ("Reuters reports:") whose attribution carries over to the lines they
introduce. Definite speakers ("the official", "the news outlet") resolve to the last speaker or
outlet with the same head word, and keep its kind.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventwire.actors import ActorBook
from eventwire.roles import actor_span
from eventwire.triggers import done_to, is_trigger_word, nobody

DROP_WORDS = re.compile(r"^(?:(?:the|a|an|one|unnamed|anonymous|unidentified|an?other|also|some)\s+)+", re.I)
PERSONAL_PRONOUNS = frozenset(("he", "she"))
GROUP_PRONOUNS = frozenset(("it", "they"))
COLLECTIVE_SPEAKERS = frozenset("police army military ministry government officials authorities residents witnesses sources".split())
PRONOUN_SPEAKERS = frozenset("i me we us you he him she her it they them who whom which that this".split())
PASSIVE_SPEAKER_VERBS = frozenset(("quote", "cite"))  # "he was quoted as saying"
DOCUMENT_NOUNS = frozenset("statement communique communiqué report release post video message letter".split())
NOT_SOURCES = frozenset("figures figure data statistics estimates records documents".split())  # "citing preliminary figures"
OBJECT_VERBS = frozenset(("accuse", "charge", "suspect"))  # active only with an object: "X accused Y of"
IDENTITY_VERBS = frozenset(("be", "belong"))  # "gunmen believed to belong to a cartel"
QUOTE = re.compile(r"[“\"]([^”\"]{1,80})[”\"]")
QUOTE_MARKS = frozenset("\"“”")


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    figure_verbs: frozenset[str]
    figure_nouns: frozenset[str]
    outlets: dict[str, str]  # lower-case form -> outlet name as listed
    hedges: dict[str, str]
    unconfirming: frozenset[str]  # negated, these leave a figure unconfirmed
    framing: frozenset[str]
    frame_verbs: frozenset[str]
    kinds: tuple[tuple[str, re.Pattern], ...]
    unnamed_words: frozenset[str]
    unnamed_heads: frozenset[str]
    unnamed_cues: tuple[str, ...]
    stances: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str | None = None


@dataclass(frozen=True)
class Attribution:
    speaker: str | None = None
    outlet: str | None = None
    hedge: str | None = None
    speaker_kind: str | None = None
    via: tuple[str, ...] = field(default=())  # speaker, then who passed it on, outermost last
    # each reporting clause of the sentence; a figure inside a clause of another speaker is
    # theirs ("one source said 40, while the other put the toll at more than 50")
    clauses: tuple[Clause, ...] = field(default=())
    relay: tuple[str, ...] = field(default=())  # who passed the sentence on: lead line, outlets
    goes_on: bool = False  # "he/she/it said": the sentence goes on with the statement before it

    def of(self, offset: int) -> Attribution:
        """The attribution of the words at `offset`: the innermost clause holding them, when
        its speaker is not the sentence's; its chain is the clauses that report it, not a
        clause beside it ("Police said 12 ..., while a hospital official put the toll at 20":
        20 came from the official, not through the police)."""
        holding = [c for c in self.clauses if c.start <= offset < c.end]
        if not holding:
            return self
        clause = min(holding, key=lambda c: c.end - c.start)
        if clause.speaker.name == self.speaker:
            return self
        via = _dedupe([clause.speaker.name, *clause.outer, *self.relay])
        return replace(self, speaker=clause.speaker.name, speaker_kind=clause.speaker.kind, via=tuple(via))


@dataclass(frozen=True)
class Clause:
    """A reporting clause: the (start, end) offsets of its words, its speaker, and the
    speakers of the clauses that report it in turn, innermost first."""
    start: int
    end: int
    speaker: Speaker
    outer: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def cues() -> Cues:
    text = resources.files("eventwire.patterns").joinpath("attribution.toml").read_text("utf-8")
    data = tomllib.loads(text)
    kinds = tuple((kind, re.compile("|".join(p), re.I)) for kind, p in data["speaker_kinds"].items())
    return Cues(
        verbs=frozenset(data["reporting_verbs"]),
        figure_verbs=frozenset(data["figure_verbs"]),
        figure_nouns=frozenset(data["figure_nouns"]),
        outlets={o.lower(): o for o in data["outlets"]},
        hedges=data["hedges"],
        unconfirming=frozenset(data["unconfirmed"]["verbs"]),
        framing=frozenset(data["framing"]["words"]),
        frame_verbs=frozenset(data["framing"]["frame_verbs"]),
        kinds=kinds,
        unnamed_words=frozenset(data["unnamed"]["words"]),
        unnamed_heads=frozenset(data["unnamed"]["heads"]),
        unnamed_cues=tuple(data["unnamed"]["cues"]),
        stances={k: tuple(v) for k, v in data["stance"].items()},
    )


def attribute(doc: Doc, book: ActorBook, *, outlet: str | None = None) -> list[Attribution]:
    """One attribution per sentence of `doc`, in order. `outlet` is the article's own."""
    found: list[Attribution] = []
    lead: Attribution | None = None
    speakers: list[Speaker] = []
    outlets: list[str] = []
    previous: Span | None = None
    for sent in doc.sents:
        chain, own_outlet, clauses, goes_on = _speakers_and_outlet(sent, book, speakers, outlets)
        own = chain[0] if chain else None
        if own is None and found and found[-1].speaker and _quote_goes_on(previous, sent):
            own = Speaker(found[-1].speaker, found[-1].speaker_kind)  # '"...," the cell said. "Three of our fighters ..."'
        previous = sent
        if sent.text.rstrip().endswith(":") and (own or own_outlet):
            lead = Attribution(own.name if own else None, own_outlet, speaker_kind=own.kind if own else None)
        elif own_outlet and lead is not None:
            lead = None  # a new explicit source ends what the lead line introduced
        context = lead or Attribution()
        speaker = own or (Speaker(context.speaker, context.speaker_kind) if context.speaker else None)
        via_outlet = own_outlet or context.outlet
        if speaker and speaker.name.lower() in cues().outlets:
            via_outlet = via_outlet or cues().outlets[speaker.name.lower()]
        elif speaker and speaker.kind == "media":
            via_outlet = via_outlet or speaker.name  # "Syrian state media said": the outlet speaks
        chain_names = [s.name for s in chain] or ([speaker.name] if speaker else [])
        relay = _dedupe([context.speaker, via_outlet, outlet])
        found.append(Attribution(
            speaker=speaker.name if speaker else None,
            outlet=via_outlet or outlet,
            hedge=_hedge(sent),
            speaker_kind=speaker.kind if speaker else None,
            via=tuple(_dedupe([*chain_names, *relay])),
            clauses=clauses if len({c.speaker.name for c in clauses}) > 1 else (),
            relay=tuple(relay),
            goes_on=goes_on,
        ))
        if len(found) > 1 and found[-2].speaker not in (None, found[-1].speaker) and _disputes(sent):
            found[-2] = replace(found[-2], hedge="disputed")  # "The Army dismissed the claim as propaganda"
        speakers += [clause.speaker for clause in clauses] or chain
        outlets += [own_outlet] if own_outlet else []
    return found


DISPUTED = frozenset({"claim", "report", "figure", "toll", "account", "allegation", "number"})


def _disputes(sent: Span) -> bool:
    """"The Army dismissed the claim as 'pure propaganda'", "the ministry denied the report":
    the sentence rejects what the one before it reported."""
    denials = _denial_verbs()
    return any(t.lemma_.lower() in denials and t.pos_ == "VERB" and not negated(t) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DISPUTED for c in t.children) for t in sent)


@lru_cache(maxsize=1)
def _denial_verbs() -> frozenset[str]:
    """The verbs of the denial cues ("deny", "reject", "dismiss"), read once."""
    return frozenset(phrase.split()[0] for phrase in cues().stances["denied"])


def _quote_goes_on(previous: Span | None, sent: Span) -> bool:
    """A quotation that opens a sentence right after a quoted speaker's sentence in the same
    paragraph is theirs: '"A terrorist group attacked a checkpoint," the cell said in a
    statement. "Three of our heroic fighters were martyred."'"""
    if previous is None or "\n" in previous[-1].whitespace_ + sent.doc[previous.end : sent.start].text_with_ws:
        return False  # (a sentence that ends on its own line break runs on into the next paragraph here)
    marks = 0  # quotation marks before the sentence in its paragraph, read from the tokens (Doc.text joins them all)
    for token in reversed(sent.doc[: sent.start]):
        if "\n" in token.text or "\n" in token.whitespace_:
            break
        marks += sum(ch in QUOTE_MARKS for ch in token.text)
    inside = marks % 2 == 1  # '... martyred. Our forces responded ..."'
    return (sent.text.lstrip()[:1] in QUOTE_MARKS or inside) and any(ch in previous.text for ch in QUOTE_MARKS)


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


def _speakers_and_outlet(sent: Span, book: ActorBook, speakers: list[Speaker], outlets: list[str]):
    """Speakers of the sentence's reporting clauses, innermost first, and the outlet told."""
    c = cues()
    found: list[tuple[Token, Speaker]] = []
    outlet = None
    goes_on = False
    for token in sent:
        lemma = token.lemma_.lower()
        subject = None
        if lemma == "accord" and token.lower_ == "according":
            subject = _according_to(token)
        elif lemma in c.verbs and token.pos_ in ("VERB", "AUX") and not _describes(token):
            subject = _subject(token)
            outlet = outlet or _addressee(token, outlets)
        elif lemma in c.figure_verbs and any(
                o.dep_ == "dobj" and o.lemma_.lower() in c.figure_nouns for o in token.children):
            subject = _subject(token)  # "the ministry put the death toll at 17"
        group = subject is not None and subject.lower_ in GROUP_PRONOUNS and (token.dep_ in ("ROOT", "parataxis") or not any(
            t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in sent if t.i < subject.i))
        goes_on = goes_on or (subject is not None and (subject.lower_ in PERSONAL_PRONOUNS or group))
        if subject is not None and (subject.lower_ in PERSONAL_PRONOUNS or group):
            # "It said 20 soldiers were killed" after the ministry's statement, "..., it added"; not
            # "the Houthis attacked ships in what they say is solidarity": a noun before it is "they"
            earlier = _last_person([s for _, s in found] or speakers, group=group)
            if earlier is not None:  # "Two other attackers were killed, he said": the officer quoted before
                found.append((token, earlier))
        elif subject is not None and subject.lower_ not in PRONOUN_SPEAKERS and not nobody(subject) \
                and subject.lower_ not in NOT_SOURCES and subject.lemma_.lower() not in c.figure_nouns:
            found.append((token, _speaker(subject, book, speakers, sent)))
    # the sentence's chain: its main reporting clause and the clauses that report it or that it
    # reports, innermost first; a clause beside it ("..., while the other put the toll at 50")
    # or inside a description ("attacks that the group says are ...") is not in it
    depth = {token.i: len(list(token.ancestors)) for token, _ in found}
    found.sort(key=lambda pair: -depth[pair[0].i])  # innermost first
    top = min((token for token, _ in found), key=lambda t: depth[t.i], default=None)
    linked = [(token, speaker) for token, speaker in found
              if token == top or _reports(token, top) or _reports(top, token)]
    chain = [speaker for token, speaker in sorted(linked, key=lambda pair: (
        -sum(_reports(other, pair[0]) for other, _ in linked), -depth[pair[0].i]))]
    if chain and chain[0].name.lower() in c.outlets:
        outlet = outlet or c.outlets[chain[0].name.lower()]
    clauses = tuple(
        Clause(token.left_edge.idx, token.right_edge.idx + len(token.right_edge), speaker,
               tuple(_dedupe([s.name for t, s in found if t != token and _reports(t, token)])))
        for token, speaker in found)
    return chain, outlet, clauses, goes_on


def _last_person(speakers: list[Speaker], *, group: bool = False) -> Speaker | None:
    """The speaker "he" or "she" refers to: the last one quoted, unless that is an outlet or
    a body ("state media", "the ministry", "police"); "it" or "they" (`group`): the last one."""
    if not speakers:
        return None
    last = speakers[-1]
    if group:
        return last
    if last.kind == "media" or last.name.lower() in cues().outlets or last.name.lower() in COLLECTIVE_SPEAKERS:
        return None
    return last


REPORTED_DEPS = frozenset(("ccomp", "xcomp"))  # the links from a verb to the verb reporting it


def _reports(outer: Token, inner: Token) -> bool:
    """Does the reporting word `outer` report what `inner` says? "State television said the
    ministry reported that ...": yes, the inner verb is the content of the outer; "according to
    state media, the ministry said": the source reports the verb it hangs on; "Police said 12
    ..., while a hospital official put the toll at 20": no, the clauses stand side by side."""
    if outer == inner:
        return False
    if outer.dep_ == "parataxis":  # "The ministry reported 12 dead, state TV said"
        return outer.head == inner
    head = outer.head if outer.lower_ == "according" else outer
    token = inner
    while token != head:
        if token.head == token or token.dep_ not in REPORTED_DEPS:
            return False
        token = token.head
    return True


def _describes(verb: Token) -> bool:
    """"The Resistance Front, which Indian agencies say is a proxy of ..., claimed the
    attack": a reporting verb in a relative clause that describes a noun speaks for that
    description only, not for the sentence ("the ministry, which said ...": its subject is
    the noun itself, so it still speaks)."""
    return verb.dep_ == "relcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that") for c in verb.children)


def negated(verb: Token) -> bool:
    """"did not claim", "has never admitted": the verb is negated."""
    return any(child.dep_ == "neg" for child in verb.children)


def _subject(verb: Token) -> Token | None:
    """The verb's subject (in the passive, its agent: "was reported by CNN"); in quotation
    inversion ("...," added the official) the parser
    often calls the postposed speaker an object, so take that when no subject exists."""
    children = {t.dep_ for t in verb.children}
    headline_passive = (verb.tag_ == "VBN" and not children & {"aux", "auxpass"}) or (
        verb.lemma_.lower() in OBJECT_VERBS and "dobj" not in children)  # "Militia accused of killing 30"
    # nearest first: "Armed bandits abducted 30 passengers ..., police said" is often parsed
    # with both "bandits" and "police" as subjects of "said"
    subjects = sorted((t for t in verb.children if t.dep_ == "nsubj"), key=lambda t: abs(t.i - verb.i))
    if len(subjects) > 1 and _apposed_name(subjects[0]):
        subjects = subjects[1:]  # "A resident who fled to the provincial capital Titao gave a toll"
    subject = subjects[0] if subjects else None
    if subject is not None and not headline_passive:
        return _named_before(verb, subject) or subject  # "RSF accused of killing dozens" (a headline) is "RSF (is) accused"
    passive = subject or next((t for t in verb.children if t.dep_ == "nsubjpass"), None)
    if passive is not None:  # "the RSF was accused of ...": the accused; "he was quoted as saying": the speaker
        if verb.lemma_.lower() in PASSIVE_SPEAKER_VERBS:
            return passive
        agent = next((t for t in verb.children if t.dep_ == "agent"), None)
        return next((t for t in agent.children if t.dep_ == "pobj"), None) if agent is not None else None
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        return None  # ", blaming the rebels": the participle's speaker is its head verb's (counted there)
    before = verb.doc[max(verb.i - 2, verb.sent.start) : verb.i]
    if any(t.is_quote or t.text in ",”\"" for t in before):
        return next((t for t in verb.rights if t.dep_ in ("dobj", "attr")), None)
    if verb.dep_ == "ROOT" and before and before[-1].pos_ in ("NOUN", "PROPN") and before[-1].dep_ in ("appos", "pobj"):
        return before[-1]  # "In a statement posted on social media, the NPA's front claimed": parsed as an appos
    return None


def _apposed_name(token: Token) -> bool:
    """A name right after a common noun ("the provincial capital Titao"): the noun's name,
    which the parser sometimes makes a second subject of the verb."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return token.pos_ == "PROPN" and before is not None and before.pos_ == "NOUN" and before.dep_ != "nsubj"


def _named_before(verb: Token, subject: Token) -> Token | None:
    """"injuring 12 people, including a child, regional governor Oleh Syniehubov said": the
    parser may make the victims the subject and hang the speaker elsewhere. When a comma
    parts the subject from the verb, a name or noun right before the verb is the speaker."""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    phrase = actor_span(subject)
    if before is None or before.pos_ not in ("PROPN", "NOUN") or phrase.start <= before.i < phrase.end:
        return None
    between = verb.doc[phrase.end : verb.i]
    return before if any(t.text == "," for t in between) else None


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


def a_document(token: Token) -> bool:
    """"said in a statement on Monday", "wrote in a post on X": a document that reports. A
    "post" is one only as what something is said in ("an army post", "a post of civilian
    auxiliaries" is a position)."""
    lemma = token.lemma_.lower()
    return lemma in DOCUMENT_NOUNS and (lemma != "post" or token.head.lower_ in ("in", "via", "through"))


def _speaker(token: Token, book: ActorBook, speakers: list[Speaker], sent: Span) -> Speaker:
    """A speaker's name and kind: the phrase without articles; definite ones resolved to the
    last speaker with the same head word; known actors by their normalised name; "a statement
    from the army" is the army; "a spokesman for the Taliban" speaks for the Taliban; "one of
    the sources" is (one of) the sources."""
    if token.pos_ == "NUM" or token.lower_ in ("some", "several", "many", "another", "each"):
        whole = _of_whom(token, ("of",))  # "one of the sources said": a source among those named
        if whole is not None:
            return _speaker(whole, book, speakers, sent)
    if token.lower_ in DOCUMENT_NOUNS:
        author = _of_whom(token, ("from", "by", "of"))
        if author is not None:
            return _speaker(author, book, speakers, sent)
    if token.lower_ in cues().unnamed_heads:
        principal = _of_whom(token, ("for", "of"))
        if principal is not None and book.is_known(actor_span(principal).text):
            span = actor_span(principal)
            actor = book.normalise(span.text, "speaker")
            return Speaker(f"{actor.name} {token.lower_}", _kind(span, principal, sent, actor.inter))
    span = actor_span(token)
    text = DROP_WORDS.sub("", span.text).strip()
    if span[0].lower_ in ("the", "this", "that"):
        for previous in reversed(speakers):
            if previous.name.lower().endswith(token.lower_) or previous.name.lower() == text.lower():
                return previous
    if text.isupper() and 2 <= len(text) <= 6:  # "The DPO said" after "District Police Officer Shaukat Ali Khan told"
        for previous in reversed(speakers):
            if _initials_of(text, previous.name):
                return previous
    c = cues()
    if text.lower() in c.outlets:
        listed = c.outlets[text.lower()]
        return Speaker(listed if listed[:1].isupper() else text, "media")  # "state media" as written
    actor = book.normalise(text, "speaker")
    named_actor = actor.name in {e.name for e in book.named}
    name = actor.name if named_actor and actor.inter in (1, 2, 3, 8) else text
    return Speaker(name, _kind(span, token, sent, actor.inter if named_actor else None))


def _initials_of(acronym: str, name: str) -> bool:
    """"DPO" of "District Police Officer Shaukat Ali Khan": the acronym spells the first letters
    of the name's leading words."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return len(words) >= len(acronym) and "".join(w[0] for w in words[: len(acronym)]) == acronym


def _of_whom(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the noun's first preposition among `preps`: "a statement from [the army]"."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps):
        return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _kind(span: Span, head: Token, sent: Span, inter: int | None) -> str | None:
    c = cues()
    words = {t.lower_ for t in span}
    unnamed_phrase = head.lower_ in c.unnamed_heads and (
        words & {"unnamed", "anonymous", "unidentified"} or span[0].lower_ in c.unnamed_words
    )
    if head.ent_type_ != "PERSON" and (unnamed_phrase or (
            head.lower_ in c.unnamed_heads and any(cue in sent.text.lower() for cue in c.unnamed_cues))):
        return "unnamed official"
    if inter in (2, 3, 4):
        return "armed group"
    for kind, pattern in c.kinds:
        if pattern.search(span.text):
            return kind
    if inter in (1, 8):
        return "military"
    return "person" if head.ent_type_ == "PERSON" else None


def _hedge(sent: Span) -> str | None:
    c = cues()
    for token in sent:
        label = c.hedges.get(token.lower_)
        if label and not _unsaid(token) and not identity_hedge(token):
            return label
    if any(t.lemma_.lower() in c.unconfirming and t.pos_ == "VERB" and negated(t) for t in sent):
        return "unconfirmed"  # "a report the prosecutor's office did not confirm"
    return None


def identity_hedge(token: Token) -> bool:
    """"Suspected Islamist militants attacked", "killing two suspected militants": the hedge
    word says who someone was, not whether the event happened ("a suspected drone strike")."""
    if token.lower_ not in cues().hedges:
        return False
    if token.i > 0 and token.nbor(-1).pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "xcomp" and c.lemma_ in IDENTITY_VERBS for c in token.children):
        return True  # "Gunmen believed to belong to a drug cartel ambushed ...": who, not whether
    return token.dep_ == "amod" and (
        done_to(token.head) or (token.head.pos_ in ("NOUN", "PROPN") and not is_trigger_word(token.head)))


def _unsaid(token: Token) -> bool:
    """"No group has claimed responsibility", "did not claim": a hedge verb nobody used."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return negated(token) or (subject is not None and nobody(subject))


def _dedupe(names) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))
