"""Event mentions: a trigger with its roles, and how the sentence presents it.

Besides type and roles, a mention records its modality (asserted, or only intended, feared,
threatened, negated: "seeking to seize", "will not hesitate to defend", "did not attack") and
its aspect (past, perfect, pluperfect, ongoing, present, or habitual: "has carried out
attacks", a bare plural the object of a verb of doing, or "often kidnap", "has repeatedly
attacked"), which the status stage uses to tell news from background. A pluperfect under a reporting verb ("said its forces had struck") is
the speaker's past, shifted back, so it counts as past.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.attribution import DOCUMENT_NOUNS, cues
from eventwire.roles import FIGHT_LEMMAS, RoleFiller, find_roles
from eventwire.triggers import IRREALIS_LEMMAS, Trigger, all_triggers, vocabulary
from eventwire.weapons import is_weapon_word

MODAL_WORDS = frozenset("will would could may might should can shall must wo ca".split())
CLAUSE_EDGES = ("ccomp", "ROOT", "relcl", "advcl", "acl", "parataxis")
DEFINITE = frozenset("the this that these those their its his her our".split())
FREQUENCY_WORDS = frozenset("often frequently regularly routinely usually sometimes repeatedly typically "
                            "generally habitually occasionally increasingly constantly continually".split())
LAW_ENFORCERS = frozenset("police policeman officer customs authority agent gendarme gendarmerie".split())
LONG_SPANS = frozenset("year month decade".split())  # "has been fighting for 15 years": a tally
GLOSSED_WORDS = frozenset("word term phrase euphemism expression".split())  # "use the word \"neutralized\""
# what kills without an attacker: a death told only by a casualty word beside one is no event
ACCIDENT_LEMMAS = frozenset("accident crash collide collision overturn capsize derail stampede drown flood "
                            "landslide earthquake storm lightning electrocute".split())
FREEING_VERBS = frozenset("rescue free release liberate evacuate".split())
COPULAS = frozenset(("be", "become", "remain"))
FIRE_NOUNS = frozenset("blaze fire flame wildfire inferno".split())  # "firefighters battled the blaze"
LEADING_VERBS = frozenset(("march",))  # with an object: "marched the hostages away"
UPROOTING_VERBS = frozenset(("displace", "force", "uproot", "drive"))  # "... and displaced 600,000"
TALLY_NOUNS = frozenset("war campaign conflict insurgency violence crisis uprising".split())
SERIES_NOUNS = frozenset("series wave string spate spree campaign number".split())  # "a series of attacks"
WAR_NOUNS = frozenset("war conflict insurgency uprising hostilities".split())  # "killed during the conflict"
CONDITIONS = frozenset(("if", "unless"))
DOING_VERBS = frozenset("carry conduct launch stage commit perpetrate mount execute undertake "
                        "step ramp intensify escalate increase".split())  # "has stepped up attacks": a trend


@dataclass
class EventMention:
    trigger: Trigger
    roles: list[RoleFiller]
    sent: Span
    modality: str = "asserted"  # asserted, irrealis, negated
    aspect: str = "none"  # past, perfect, pluperfect, ongoing, present, habitual, none
    anaphoric: bool = False  # "the attack", "the incident": refers to an event told before
    extras: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.trigger.span.start_char

    @property
    def end(self) -> int:
        return self.trigger.span.end_char

    @property
    def fight(self) -> bool:
        """A fight ("clash", "fighting", "gunbattle"): both sides act, and its dead are its fighters."""
        return self.trigger.head.lemma_.lower() in FIGHT_LEMMAS


NONVIOLENT = "Strategic developments"
TIES = frozenset("link connect tie involve responsible blame suspect accuse".split())
SEQUENCE = ("before", "after")  # "killed five ... before attacking a post": two acts


def find_mentions(doc: Doc) -> list[EventMention]:
    """All event mentions in a parsed article, in text order."""
    mentions = []
    story_of_accident, first = False, True  # "At least 20 killed as bus collides with truck"
    for sent in doc.sents:
        found = [t for t in all_triggers(sent) if not _leads_people(t) and not _set_free(t) and not _fights_a_fire(t)
                 and not _an_agreement_in_force(t)]
        strong = [t for t in found if not t.kind.weak]
        # a ceasefire or an arrest beside "killing four people" does not stand for the killing,
        # nor does an act told in a relative clause ("killed a trader they had abducted")
        violent = [t for t in strong if t.kind.event_type != NONVIOLENT and not relative(t)]
        casualty_verbs = [t for t in found if t.kind.weak] if violent else []
        accident = not violent and (_accident(sent) or story_of_accident)
        told = len(mentions)  # this sentence's mentions start here
        if found and first:  # the story's first sentence with a trigger sets what the story is about
            story_of_accident, first = accident, False
        for trigger in (t for t in found if (not t.kind.weak or not violent or _told_apart(t, violent))
                        and not _takes_goods(t)
                        and not (t.kind.weak and accident)):  # "killed when a bus collided with a truck"
            own = find_roles(trigger)
            mention = EventMention(trigger=trigger, roles=own + _borrowed_roles(trigger, own, casualty_verbs), sent=sent)
            governor = _clause_verb(trigger.head)
            mention.modality = _modality(trigger.head, governor)
            mention.aspect = _aspect(governor) if governor is not None else "none"
            perfect = mention.aspect in ("perfect", "present")
            if mention.aspect == "pluperfect" and _backshifted(governor):
                mention.aspect = "past"  # ("said more than 300 had been killed since Sunday": a perfect reported)
                perfect = _a_tally(governor)
            if perfect and (_bare_plural_object(trigger.head) or _often(governor) or _a_tally(governor)):
                mention.aspect = "habitual"
            if _of_a_kind(trigger.head) or _said_of_a_kind(trigger.head) or _during_a_war(governor):
                mention.aspect = "habitual"
            mention.anaphoric = _is_anaphoric(trigger, own)  # "killed in the attack": still the attack reported
            mentions.append(mention)
        _as_their_heads(mentions[told:])
    return mentions


def _as_their_heads(mentions: list[EventMention]) -> None:
    """"has carried out a series of IED attacks": a trigger that only modifies another
    ("IED" of "attacks"), or is told among what another counts, is told as that one is,
    habitual or past."""
    by_head = {m.trigger.head.i: m for m in mentions}
    for mention in mentions:
        head = mention.trigger.head
        held = by_head.get(head.head.i) if head.dep_ == "compound" else _including(head, by_head)
        if held is not None and held is not mention:
            mention.modality, mention.aspect = held.modality, held.aspect


def _including(head: Token, by_head: dict) -> EventMention | None:
    """"more than 300 people had been killed since Sunday, including civilians shot dead in
    their homes": an act told inside an "including" phrase is part of what it is included in."""
    for token in list(head.ancestors)[:4]:
        if token.dep_ == "prep" and token.lower_ in ("including", "among"):
            return by_head.get(token.head.i)
    return None


def _told_apart(trigger: Trigger, strong: list[Trigger]) -> bool:
    """A weak word beside a stronger act that is still an act of its own:
    - "Gunmen ambushed a patrol on Saturday, ... and authorities on Monday found the bodies of
      10 men": a finding in a clause of its own ("bodies were found after the clash", the act
      inside the finding's clause or the finding inside the act's, is the act's);
    - "separatists killed five civilians ... before attacking a military post the following
      day": the stronger acts come before or after it, in a clause of the killing's own;
    - a killing by its own doer in a clause neither act hangs on ("..., while the military said
      security forces had killed 12 terrorists")."""
    verb = _clause_verb(trigger.head) or trigger.head
    if trigger.kind.finding:
        return not any(verb in (t.head, *t.head.ancestors) or t.head in verb.subtree for t in strong)
    if verb != trigger.head or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    strong = [t for t in strong if not _tied_to(t.head)]  # "12 terrorists involved in the attack"
    if not strong:
        return True
    hosts = [verb, verb.head] if verb.dep_ == "ccomp" else [verb]  # "..., officials said, before attacking"
    sequence = [c for h in hosts for c in h.children if (c.dep_ == "prep" and c.lower_ in SEQUENCE) or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SEQUENCE for m in c.children))]
    later = [t for t in strong if any(t.head in c.subtree for c in sequence)]
    # the acts told with it ("killed five and burned homes") are its own
    if later and all(t in later or t.head in verb.conjuncts for t in strong):
        return True
    # "passengers were shot dead ..., while the military said security forces had killed 12
    # terrorists": a killing by its own doer in a clause hanging on neither act's
    return all(t.head != verb and t.head not in verb.ancestors and verb not in t.head.ancestors for t in strong)


def relative(trigger: Trigger) -> bool:
    """Whether the trigger's clause is a relative clause ("a fisherman they kidnapped last
    month"): an act told about a participant, not the sentence's news."""
    verb = _clause_verb(trigger.head)
    return verb is not None and verb.dep_ == "relcl"


def _borrowed_roles(trigger: Trigger, own: list[RoleFiller], casualty_verbs: list[Trigger]) -> list[RoleFiller]:
    """"Members of the gang killed 70 people in an attack on the town": the attack's attacker
    is the casualty verb's, when the verb and the attack hang on each other and the attack
    names none. (Borrowing the victims too retyped bombings as attacks in MUC-4: DEV and
    TST1+TST2 incident-type F1 both fell, so victims stay with the figures.)"""
    head = trigger.head
    have = {r.role for r in own}
    out = []
    for verb in casualty_verbs:
        if verb.head not in head.ancestors and head not in verb.head.ancestors:
            continue
        if _tied_to(head):
            continue  # "security forces killed 12 terrorists involved in the attack": not its doers
        out += [r for r in find_roles(verb)
                if r.role == "attacker" and r.role not in have and head not in r.head.subtree]
    return out


def _tied_to(head: Token) -> bool:
    """"terrorists involved in the attack", "the men were linked to yesterday's attack": an
    act someone is tied to, told of them, not one the clause's doer did."""
    governor = head.head.head if head.dep_ == "pobj" else None
    return governor is not None and governor.lemma_.lower() in TIES


def _clause_verb(token: Token) -> Token | None:
    """The verb whose clause holds `token` (the token itself when it is a verb)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _modality(trigger: Token, governor: Token | None) -> str:
    doc = trigger.doc
    if trigger.i >= 2 and doc[trigger.i - 1].lower_ == "to" and doc[trigger.i - 2].pos_ == "NOUN" \
            and doc[trigger.i - 2].lemma_.lower() in IRREALIS_LEMMAS:
        return "irrealis"  # "its push to seize El Fasher", "a plot to bomb": what a noun of intent aims at
    if _glosses_a_word(trigger.sent):
        return "irrealis"  # "use the word 'neutralized' to imply the terrorists surrendered or were killed"
    chain = [trigger, *[a for a in trigger.ancestors][:5]]
    for token in chain:
        if any(c.dep_ == "neg" for c in token.children) and token in (trigger, governor):
            return "negated"
        if any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in token.children):
            return "irrealis"
        if token is not trigger and token.lemma_.lower() in IRREALIS_LEMMAS:
            return "irrealis"
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children):
            return "irrealis"  # "threatened to kill them if the army attacked"
        if token.dep_ in CLAUSE_EDGES:
            break  # the clause ends here: what governs it from outside does not count
    return "asserted"


def _glosses_a_word(sent: Span) -> bool:
    """"Turkish authorities often use the word "neutralized" to imply the terrorists surrendered
    or were killed or captured": a sentence that explains what a word means tells no event."""
    # the parser may hang the word on the quoted one ("the term "eliminated"")
    return any(t.lemma_.lower() in GLOSSED_WORDS and any(a.lemma_.lower() in ("use", "employ")
                                                         for a in list(t.ancestors)[:2]) for t in sent)


def _aspect(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & {"had", "'d"} and (verb.tag_ == "VBN" or (verb.tag_ == "VBG" and "been" in lowers)):
        return "pluperfect"  # "had struck", "had been fighting militants for weeks"
    if lowers & {"has", "have", "'ve", "'s"} and (verb.tag_ == "VBN" or lowers & {"been"}):
        return "perfect"
    if verb.tag_ == "VBG" and lowers & {"is", "are", "am", "'re", "'s"}:
        return "ongoing"
    if verb.tag_ == "VBD" or lowers & {"was", "were", "did"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or lowers & {"is", "are"}:
        return "present"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        return _aspect(verb.head) if verb.head is not verb else "none"
    return "none"


def _backshifted(verb: Token) -> bool:
    """"the ministry said its forces had struck Odesa": a pluperfect in reported speech is
    the speaker's past, shifted back by the reporting verb, not a past before the news.
    So is one in what a document says: "said in a statement that it had taken 182 hostages"
    (the parser hangs the clause on the noun)."""
    while verb.dep_ == "conj" and verb.head is not verb:  # "said its fighters were there and that a strike had killed"
        verb = verb.head
    if verb.dep_ == "acl" and verb.head.lower_ in DOCUMENT_NOUNS:
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues().verbs


AGREEING_VERBS = frozenset(
    "agree sign reach announce declare broker seal conclude strike accept approve negotiate extend "
    "take come begin start enter hold commit call".split())  # "a truce was announced", "the ceasefire took effect"


def _an_agreement_in_force(trigger: Trigger) -> bool:
    """"attacks despite a ceasefire", "a violation of the ceasefire": an agreement named as the
    background of something else, not one made, announced or taking effect (ACLED's event)."""
    if trigger.kind.sub_event_type != "Agreement":
        return False
    head = trigger.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "agreed to a 72-hour ceasefire", "committing to a ceasefire"
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return True  # "killed 270 since the ceasefire took effect": a time told, not the news
    return not (head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "pobj") and verb.lemma_.lower() in AGREEING_VERBS)


def _fights_a_fire(trigger: Trigger) -> bool:
    """"Fire crews were still battling the blaze": a fire fought is no battle."""
    objects = [c for c in trigger.head.children if c.dep_ == "dobj" and c not in trigger.span]  # not "opened fire"
    return bool(objects) and all(o.lemma_.lower() in FIRE_NOUNS for o in objects)


def _takes_goods(trigger) -> bool:
    """"Police seized weapons and ammunition": the police take goods or weapons, no place or
    people, so the act is no event of the trigger's kind. (Armed groups seizing an army's
    tanks is told as their capture of the place they were in, so it stays.)"""
    if not trigger.kind.not_objects:
        return False
    head = trigger.head
    takers = [c for c in head.children if c.dep_ == "nsubj"]
    takers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not takers or not all(t.lemma_.lower() in LAW_ENFORCERS for t in takers):
        return False
    taken = [head.head] if head.dep_ == "acl" else [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(taken) and all(t.lemma_.lower() in trigger.kind.not_objects or is_weapon_word(t) for t in taken)


def _accident(sent) -> bool:
    """"killed when a commercial bus collided head-on with a truck": a death by accident."""
    return any(t.lemma_.lower() in ACCIDENT_LEMMAS for t in sent)


def _leads_people(trigger) -> bool:
    """"marching dozens of passengers into the mountains": a protest verb with an object is
    someone made to walk, not a march."""
    head = trigger.head
    return trigger.kind.event_type == "Protests" and head.pos_ == "VERB" and head.lemma_.lower() in LEADING_VERBS \
        and any(c.dep_ == "dobj" for c in head.children)


def _set_free(trigger) -> bool:
    """"rescuing 27 hostages", "freed the kidnapped students": those who free them did not
    take them; the taking is told elsewhere."""
    head = trigger.head
    return trigger.kind.sub_event_type == "Abduction/forced disappearance" and head.pos_ == "NOUN" \
        and head.dep_ == "dobj" and head.head.lemma_.lower() in FREEING_VERBS


def _a_tally(verb: Token | None) -> bool:
    """"Israel's military campaign in Gaza has killed more than 41,000": what a war, campaign
    or insurgency has done is a tally of many events, not one; so is what has gone on for
    years ("has been fighting for more than 15 years"), and what has killed some and driven
    others from their homes ("The fighting has killed more than 6,000 people and forced over
    600,000 from their homes"), the formula of a conflict's toll, and what "has since" been done
    ("more than 400 people have since been detained") or done since a time ("have killed more
    than 270 people since the ceasefire took effect") or in a war ("In its 40-year campaign, the
    PKK has been responsible for the deaths of more than 40,000 people")."""
    if verb is None:
        return False
    # "has been fighting for 15 years", "has killed thousands of civilians over the past decade"
    spans = _objects_of(verb, ("for",)) + [g for g in _objects_of(verb, ("over", "in", "during"))
                                           if any(a.lower_ in ("past", "last") for a in g.children)]
    years = any(g.lemma_.lower() in LONG_SPANS for g in spans)
    uprooted = any(c.dep_ == "conj" and c.lemma_.lower() in UPROOTING_VERBS for c in verb.children)
    since = any(c.dep_ == "advmod" and c.lower_ == "since" for c in verb.children)  # "have since been detained"
    since = since or any(  # "have killed more than 270 people since the ceasefire (took effect)"
        (c.dep_ == "prep" and c.lower_ == "since") or (c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in c.children)) for c in verb.children)
    # "In its 40-year terror campaign, the PKK has been responsible for the deaths of 40,000"
    during = any(g.lemma_.lower() in TALLY_NOUNS for g in _objects_of(verb, ("in", "during", "throughout", "over")))
    return years or uprooted or since or during \
        or any(c.dep_ == "nsubj" and c.lemma_.lower() in TALLY_NOUNS for c in verb.children)


def _during_a_war(verb: Token | None) -> bool:
    """"More than 4,000 people were killed in Lebanon during the conflict, ... and dozens were
    killed in Israel": what a whole war did is a tally, whatever the tense."""
    if verb is None:
        return False
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(g.lemma_.lower() in WAR_NOUNS for v in verbs for g in _objects_of(v, ("during", "throughout")))


def _objects_of(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the verb's prepositions among `preps`: "during the war" -> [war]."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _often(verb: Token | None) -> bool:
    """"bandits often kidnap students", "has repeatedly attacked", "have kidnapped hundreds,
    often for ransom": a habit, not an event."""
    if verb is None:
        return False
    modifiers = [*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    return any(c.dep_ == "advmod" and c.lower_ in FREQUENCY_WORDS for c in modifiers)


def _of_a_kind(head: Token) -> bool:
    """"the phrase it uses for members killed by Israeli fire": a participle describing a
    bare plural (no article, number or possessive) in a present-tense clause names a kind of
    people, not an event."""
    noun = head.head
    if head.dep_ != "acl" or head.tag_ != "VBN" or noun.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
        return False
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ in ("VBZ", "VBP")


def _said_of_a_kind(head: Token) -> bool:
    """"Drone strikes have become a central feature of the campaign": a plural trigger noun
    with no article, the subject of "be", "become" or "remain", says what such acts are."""
    return (head.tag_ == "NNS" and head.dep_ == "nsubj" and head.head.lemma_.lower() in COPULAS
            and not any(c.dep_ in ("det", "nummod", "poss") for c in head.children))


def _bare_plural_object(head: Token) -> bool:
    """"has carried out attacks", "conducts raids": a plural trigger noun, the object of a
    verb of doing, with no article, number, possessive or date to make it particular acts.
    ("We condemn attacks this weekend" names particular acts: condemning is not doing.)"""
    if head.tag_ == "NNS" and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.lemma_.lower() in SERIES_NOUNS and head.head.head.dep_ == "dobj":
        head = head.head.head  # "has carried out a series of IED attacks": as many acts as "attacks"
        return head.head.lemma_.lower() in DOING_VERBS and not any(c.dep_ in ("nummod", "poss") for c in head.children)
    verb = head.head
    return (head.tag_ == "NNS" and head.dep_ == "dobj" and verb.lemma_.lower() in DOING_VERBS
            and not any(c.dep_ in ("det", "nummod", "poss") for c in head.children)
            and not any(t.ent_type_ in ("DATE", "TIME") for c in verb.children
                        if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree))


OWNING_VERBS = frozenset(("claim", "admit"))  # "the group claimed the attack": the one reported, by its doer


def _is_anaphoric(trigger: Trigger, roles: list[RoleFiller]) -> bool:
    head = trigger.head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in vocabulary().anaphora:
        return False
    claimed = head.dep_ == "dobj" and head.head.lemma_.lower() in OWNING_VERBS  # "JNIM claimed the attack"
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children) and (not roles or claimed)
