"""Event triggers: find the words that report a conflict event and type them (ACLED, CAMEO).

The vocabulary is `patterns/triggers.toml`. Matching is a dictionary lookup per token on the
lower-cased lemma and surface form (with up to four-token sequences), which costs far less
than spaCy's Matcher for a vocabulary this size and works the same on upper-case wire copy.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from eventwire.weapons import is_weapon_word

MAX_WORDS = 4
TIMES_OF_DAY = frozenset("dawn daybreak sunrise morning noon midday afternoon dusk sunset evening night midnight".split())


@dataclass(frozen=True)
class TriggerType:
    event_type: str
    sub_event_type: str
    cameo: str
    weak: bool = False
    territory: bool = False
    civilian: tuple[str, str, str] | None = None  # type when the target is civilian
    armed: tuple[str, str, str] | None = None  # type when both sides are armed
    not_after: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()  # "seized weapons": objects that make no event
    finding: bool = False  # "rescuers found the bodies": the subject comes upon the act, does not do it


@dataclass(frozen=True)
class Vocabulary:
    words: dict[tuple[str, ...], TriggerType]
    support_attacker: frozenset[str]
    support_target: frozenset[str]
    support_attacker_with: frozenset[str]
    anaphora: frozenset[str]
    verb_objects: dict[tuple[str, str], TriggerType] = field(default_factory=dict)  # (verb, object) lemmas
    subject_verbs: dict[tuple[str, str], TriggerType] = field(default_factory=dict)  # (subject, verb) lemmas
    verb_preps: dict[tuple[str, str], TriggerType] = field(default_factory=dict)  # (verb lemma, preposition)
    intervention: frozenset[tuple[str, ...]] = frozenset()  # lemma sequences: "tear gas", "disperse"
    separate: tuple[str, ...] = ()  # sentence openers that introduce another event: "separately"
    new_act: tuple[str, ...] = ()  # openers that do so for a new act told outright: "meanwhile"
    sequence: tuple[str, ...] = ()  # openers of another moment of the day: "Later on Monday"

    @cached_property
    def aircraft(self) -> dict[str, TriggerType]:
        """The subjects of `subject_verbs` that make an air strike ("jet", "drone"), with its type."""
        return {subject: kind for (subject, _), kind in self.subject_verbs.items()
                if kind.sub_event_type == "Air/drone strike"}

    @cached_property
    def objects(self) -> frozenset[str]:
        """The object lemmas of `verb_objects` ("missile", "drone", "control")."""
        return frozenset(obj for _, obj in self.verb_objects)


@dataclass
class Trigger:
    """A trigger found in a sentence: its tokens (the head is the last one) and type."""

    span: Span
    kind: TriggerType
    words: tuple[str, ...] = field(default=())

    @property
    def head(self) -> Token:
        return self.span.root


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    text = resources.files("eventwire.patterns").joinpath("triggers.toml").read_text("utf-8")
    data = tomllib.loads(text)
    words: dict[tuple[str, ...], TriggerType] = {}
    for group in data["trigger"]:
        kind = TriggerType(
            event_type=group["event_type"],
            sub_event_type=group["sub_event_type"],
            cameo=group["cameo"],
            weak=group.get("strength") == "weak",
            territory=bool(group.get("territory")),
            civilian=tuple(group["civilian"]) if "civilian" in group else None,
            armed=tuple(group["armed"]) if "armed" in group else None,
            not_after=frozenset(group.get("not_after", ())),
            not_objects=frozenset(group.get("not_objects", ())),
        )
        for phrase in group["words"]:
            words[tuple(phrase.lower().split())] = kind
    pairs, doers, aimed = {}, {}, {}
    for group in data.get("verb_object", ()):
        kind = TriggerType(event_type=group["event_type"], sub_event_type=group["sub_event_type"],
                           cameo=group["cameo"], territory=bool(group.get("territory")),
                           weak=group.get("strength") == "weak", finding=bool(group.get("finding")))
        pairs |= {(verb, obj): kind for verb in group["verbs"] for obj in group["objects"]}
    for group in data.get("subject_verb", ()):
        kind = TriggerType(event_type=group["event_type"], sub_event_type=group["sub_event_type"], cameo=group["cameo"])
        doers |= {(subject, verb): kind for subject in group["subjects"] for verb in group["verbs"]}
    for group in data.get("verb_prep", ()):
        kind = TriggerType(event_type=group["event_type"], sub_event_type=group["sub_event_type"], cameo=group["cameo"],
                           civilian=tuple(group["civilian"]) if "civilian" in group else None)
        aimed |= {(verb, prep): kind for verb in group["verbs"] for prep in group["preps"]}
    support = data["support"]
    return Vocabulary(
        words=words,
        support_attacker=frozenset(support["attacker"]),
        support_target=frozenset(support["target"]),
        support_attacker_with=frozenset(support.get("attacker_with", ())),
        intervention=frozenset(tuple(w.split()) for w in data.get("intervention", {}).get("words", ())),
        anaphora=frozenset(data["anaphora"]["words"]),
        verb_objects=pairs,
        subject_verbs=doers,
        verb_preps=aimed,
        separate=tuple(w.lower() for w in data.get("separate", {}).get("openers", ())),
        new_act=tuple(w.lower() for w in data.get("separate", {}).get("new_act_openers", ())),
        sequence=tuple(w.lower() for w in data.get("separate", {}).get("sequence_openers", ())),
    )


def is_trigger_word(token: Token) -> bool:
    """Whether the word alone is a trigger ("kill", "strike"), by lemma or surface form."""
    words = vocabulary().words
    return any((key,) in words for key in _keys(token))


def done_to(noun: Token) -> bool:
    """Whether a noun is the object of a verb of violence, or its passive subject ("killed
    two suspected militants", "a strike killed eight members of one family"): who underwent
    the act, whatever words qualify them."""
    verb = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and is_trigger_word(verb)


INTERVENING = ("Protest with intervention", "Arrests")


NOBODY = frozenset("nobody none no-one noone".split())
# words under which an act is only wanted, feared or planned: "demanding the arrest of those
# involved", "threatened to attack"
IRREALIS_LEMMAS = frozenset(
    "attempt try seek plan threaten vow hesitate prepare intend aim want warn plot "
    "hope expect fear prevent avoid deter refuse consider propose demand urge call "
    "ready able need must right push bid effort plot".split()  # "its push to seize El Fasher", "in a bid to retake"
)


# verbs that act on a crowd only with an object or in the passive ("police dispersed them",
# "they were dispersed"); without one the crowd did it of itself
DONE_TO_ONESELF = frozenset(("disperse",))


def intervened(sent: Span) -> bool:
    """Whether the sentence tells of authorities acting on a protest ("police fired tear gas",
    "dispersed the crowd", "detained 40 protesters"): an intervention or arrest trigger, or
    one of the words of [intervention] that report no event by themselves."""
    if any(t.kind.sub_event_type in INTERVENING and not _not_done(t) for t in all_triggers(sent)):
        return True
    phrases = vocabulary().intervention
    lemmas = [t.lemma_.lower() for t in sent]
    return any(tuple(lemmas[i:i + len(p)]) == p for i in range(len(lemmas)) for p in phrases)


def _not_done(trigger: Trigger) -> bool:
    """"demanding the arrest of those involved": an act asked for; "no one had been
    detained", "police did not detain anyone": an act denied."""
    head = trigger.head
    if any(a.lemma_.lower() in IRREALIS_LEMMAS for a in list(head.ancestors)[:3]):
        return True
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "neg" for c in head.children) or any(nobody(s) for s in subjects)


def nobody(subject: Token) -> bool:
    """"No group has claimed ...", "nobody said", "no one": a noun phrase that names no one."""
    if subject.lower_ in NOBODY or (subject.lower_ == "one" and subject.i > 0 and subject.nbor(-1).lower_ == "no"):
        return True
    return any(child.dep_ == "det" and child.lower_ == "no" for child in subject.children)


def all_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in a sentence, weak ones too, longest match first (mentions.py uses the
    weak ones only when nothing else fires, and lends their roles to the strong ones)."""
    vocab = vocabulary()
    keys = [_keys(token) for token in sent]
    found: list[Trigger] = []
    i = 0
    while i < len(sent):
        match = _longest_match(vocab, keys, i)
        if match is None:
            i += 1
            continue
        length, words, kind = match
        span = sent[i : i + length]
        if _is_trigger_use(span, kind, keys, i):
            found.append(Trigger(span=span, kind=kind, words=words))
        i += length
    taken = {t.i for trigger in found for t in trigger.span}
    aimed: list[Trigger] = []  # "the helicopter was fired on": an act only where nothing stronger is told
    weak_at = {t.head.i: t for t in found if t.kind.weak and len(t.span) == 1}
    for token in sent:  # "fired several missiles at": a verb whose munition object makes the event
        if token.i in weak_at and token.pos_ == "VERB":  # "shot at residents": aimed, not a death told
            aimed_here = _aimed_at(token, vocab)
            if aimed_here:
                found.remove(weak_at[token.i])
                aimed += aimed_here
            continue
        if token.pos_ != "VERB" or token.i in taken:
            continue
        # the object, or the subject of a passive ("the bodies of five men were found")
        for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in taken):
            counted = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
            obj = counted[0] if counted and obj.lemma_.lower() not in vocab.objects else obj
            kind = vocab.verb_objects.get((token.lemma_.lower(), obj.lemma_.lower()))  # "dozens of drones"
            if kind is not None:
                found.append(Trigger(span=token.doc[token.i : token.i + 1], kind=kind,
                                     words=(token.lemma_.lower(), obj.lemma_.lower())))
                break
        else:  # "Russian drones hit an apartment building": a verb whose subject is an aircraft or munition,
            # or that is done with one ("targeted a ship with drones and missiles")
            doers = [c for c in [*token.children, *_instruments(token)] if c.dep_ == "nsubj" or c.head.lower_ == "with"]
            by_subject = _kind_by_subject(token, [c for c in doers if c.i not in taken], vocab)
            if by_subject is not None:
                kind, subject = by_subject
                found.append(Trigger(span=token.doc[token.i : token.i + 1], kind=kind,
                                     words=(subject.lemma_.lower(), token.lemma_.lower())))
            else:
                aimed += _aimed_at(token, vocab)
    strong_heads = {t.head.i for t in found if not t.kind.weak}
    # "after IS fighters fired on Iraqi troops" beside an air strike is the strike's story; an act
    # joined to a stronger one is one of its own ("set fire to shops and shot at residents")
    found += [t for t in aimed if not strong_heads or (t.head.dep_ == "conj" and t.head.head.i in strong_heads)]
    acts = {t.i for trigger in found for t in trigger.span}
    found = [_by_its_subject(_from_the_air(t, vocab), vocab, acts) for t in found]
    return sorted(found, key=lambda t: t.span.start)


def _by_its_subject(trigger: Trigger, vocab: Vocabulary, acts: set[int]) -> Trigger:
    """"Stray bullets struck their home", "a missile struck a school", "a drone killed two
    fighters": the verb is the kind of act its munition makes (not where the subject is an act
    word of its own: "a suicide bomber killed 12")."""
    head = trigger.head
    if head.pos_ != "VERB" or len(trigger.span) != 1:
        return trigger
    by_subject = _kind_by_subject(head, [c for c in head.children if c.dep_ == "nsubj" and c.i not in acts], vocab)
    if by_subject is None or by_subject[0] == trigger.kind:
        return trigger
    return Trigger(span=trigger.span, kind=by_subject[0], words=trigger.words)


def _kind_by_subject(verb: Token, subjects: list[Token], vocab: Vocabulary) -> tuple[TriggerType, Token] | None:
    """The kind of act the first subject that makes one gives the verb ("drones hit"), with it."""
    return next(((kind, s) for s in subjects
                 if (kind := vocab.subject_verbs.get((s.lemma_.lower(), verb.lemma_.lower()))) is not None), None)


def _instruments(verb: Token) -> list[Token]:
    """What the verb was done with: "targeted a ship with drones and missiles"."""
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj"]


def _from_the_air(trigger: Trigger, vocab: Vocabulary) -> Trigger:
    """"A Myanmar military jet bombed a monastery": bombs an aircraft drops make an air strike,
    not an explosive device."""
    head = trigger.head
    if head.pos_ != "VERB" or trigger.kind.sub_event_type != "Remote explosive/landmine/IED":
        return trigger
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    doers += [c for d in doers for c in d.children if c.dep_ in ("compound", "amod")]  # "a junta jet fighter"
    kind = next((vocab.aircraft[d.lemma_.lower()] for d in doers if d.lemma_.lower() in vocab.aircraft), None)
    return trigger if kind is None else Trigger(span=trigger.span, kind=kind, words=trigger.words)


def _aimed_at(verb: Token, vocab: Vocabulary) -> list[Trigger]:
    """"a U.N. helicopter was fired on", "gunmen fired at a bus": a verb aimed at someone by its
    preposition (a munition fired at a ship is `verb_object`'s; "fired at dawn" tells a time)."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []  # "police fired tear gas at protesters": what was fired says what it was
    for prep in verb.children:
        kind = vocab.verb_preps.get((verb.lemma_.lower(), prep.lower_)) if prep.dep_ == "prep" else None
        aimed = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
                 and o.lemma_.lower() not in TIMES_OF_DAY]
        if kind is not None and (aimed or not any(c.dep_ == "pobj" for c in prep.children)):
            return [Trigger(span=verb.doc[verb.i : verb.i + 1], kind=kind, words=(verb.lemma_.lower(), prep.lower_))]
    return []


def _keys(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _longest_match(vocab: Vocabulary, keys, i: int):
    for length in range(min(MAX_WORDS, len(keys) - i), 0, -1):
        for choice in (0, 1):
            words = tuple(keys[i + k][choice] for k in range(length))
            kind = vocab.words.get(words)
            if kind is not None:
                return length, words, kind
        if length > 1:  # lemma for the last word, surface forms before ("car bombs")
            words = tuple(keys[i + k][1] for k in range(length - 1)) + (keys[i + length - 1][0],)
            kind = vocab.words.get(words)
            if kind is not None:
                return length, words, kind
    return None


def _is_trigger_use(span: Span, kind: TriggerType, keys, i: int) -> bool:
    head = span.root
    misread = head.pos_ == "AUX" and head.tag_ in ("VBG", "VBN", "VBD", "NN", "NNS")  # "shelling" tagged AUX
    if head.pos_ not in ("NOUN", "VERB", "PROPN", "ADJ") and not misread and len(span) == 1:
        return False
    if head.tag_ == "VBG" and head.head.i == head.i + 1 and head.head.pos_ == "NOUN":
        return False  # "attacking forces" describes the forces, it reports no event
    if head.dep_ == "amod" and head.tag_ in ("VBG", "VBN", "JJ"):
        return False  # "attacking forces", "the thwarted attack" keeps its noun
    if head.ent_type_ in ("DATE", "TIME", "PERSON", "GPE", "ORG", "CARDINAL"):
        return False  # "March 3", "Strike Force Alpha"
    if len(span) == 1 and head.dep_ == "compound" and head.pos_ == "NOUN" and is_weapon_word(head.head):
        return False  # "118 attack drones", "strike aircraft": a kind of weapon, no act
    if i > 0 and (keys[i - 1][0] in kind.not_after or keys[i - 1][1] in kind.not_after):
        return False
    if head.pos_ == "VERB" and head.lemma_.lower() in DONE_TO_ONESELF and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in head.children):
        return False  # "the protesters dispersed peacefully": no one dispersed them
    if kind.event_type == "Protests" and head.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in head.children):
        return False  # "40 women had been marched into the forest": driven by others, no protest
    return True
