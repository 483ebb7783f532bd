"""Roles from the dependency parse: who attacked (attacker), whom (target), who died (victim).

Rules over spaCy's ClearNLP-style labels: a verb trigger's subject attacks and its object is
targeted (passive: the "by" agent attacks, the subject is targeted); "against", "on", "at",
"targeting" name targets; a noun trigger's "by" names the attacker; a support verb hands its
subject a role ("X launched an attack": attacker; "X repelled an attack": target). Subjects of
participles and conjoined verbs are inherited from the clause they hang off.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.actors import ActorBook, countries
from eventwire.numbers import toll_verbs
from eventwire.triggers import Trigger, nobody, vocabulary
from eventwire.weapons import weapon_name

POLICY = "parse.v1"  # roles from these parse rules alone (model_roles.py may add to them)
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
TARGET_PREPS = ("against", "on", "upon", "at", "targeting", "into", "toward", "towards")
CASUALTY_LEMMAS = ("kill", "wound", "injure", "die", "death", "shoot", "massacre", "execute", "murder")
PRONOUNS = ("PRON",)
NOT_ACTORS = ("DATE", "TIME", "EVENT", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "GPE", "LOC", "FAC")
KEEP_RIGHT = ("amod", "acl", "nummod", "compound")
BLAME_WORDS = frozenset(("responsible", "accountable", "guilty", "culpable"))
MAX_ACTOR_TOKENS = 20
WHERE_NOUNS = frozenset("outskirts outskirt edge edges vicinity periphery area border frontline front side street road "
                        "avenue boulevard lane highway soil territory ground".split())
SPOKESPEOPLE = frozenset("ministry office spokesman spokeswoman spokesperson official officials government "
                         "minister president statement agency".split())
OUTBREAK_VERBS = frozenset("break erupt flare rage continue resume begin start".split())
FIGHT_LEMMAS = frozenset("fight fighting clash battle skirmish firefight gunfight gunbattle shootout exchange confrontation".split())
DYING_NOUNS = frozenset(("death", "demise"))
KILLING_NOUNS = frozenset(("killing", "murder", "assassination", "execution", "kidnapping", "abduction"))
UNDERGOING_VERBS = frozenset(("suffer", "sustain", "endure", "undergo"))
UNACCUSATIVE = frozenset(("die", "perish", "drown"))  # "eight people died": the subject is the victim
DATELINE_DASHES = frozenset(("–", "—", "-", "--", ":"))
FIGHTING_VERBS = frozenset("foil thwart repel repulse attack storm raid ambush shell bomb".split())  # "as the Army foiled"
NAMED_PLACES = frozenset("airfield airport base cafe cafeteria hotel restaurant club marathon festival market "
                         "mosque church school hospital stadium station bridge square street".split())
BUILDINGS = NAMED_PLACES | frozenset("house home building office headquarters compound church".split())
FORCE_HEADS = frozenset("force forces army police militia guard guards".split())  # what names a force
FORCE_MODIFIERS = frozenset("army military police navy coalition rebel militia insurgent".split())
STATE_STRIKES = frozenset(("Air/drone strike", "Shelling/artillery/missile attack"))
OUTLET_NOUNS = frozenset("agency channel account website site outlet station newspaper".split())
CHANNELS = frozenset("twitter telegram facebook instagram whatsapp youtube tiktok website radio television".split())
PLATFORMS = {"aircraft", "drone", "tank"}  # weapons with a crew: "coalition jets struck" names the attacker
LAID_WEAPONS = frozenset(("explosives", "landmine", "improvised explosive device"))
VEHICLES = frozenset("car truck lorry motorcycle motorbike vehicle van bus pickup tanker bicycle".split())


@dataclass(frozen=True)
class RoleFiller:
    role: str  # attacker, target, victim
    text: str
    start: int  # character offsets in the article
    end: int
    head: Token


def find_roles(trigger: Trigger) -> list[RoleFiller]:
    """Role fillers of one trigger, each conjunct of a coordination on its own."""
    head = trigger.head
    vocab = vocabulary()
    fillers: list[tuple[str, Token]] = []
    if head.pos_ == "VERB" or head.tag_.startswith("VB"):
        fillers += _verb_roles(head, trigger)
        for noun in (t for t in trigger.span if t is not head and t.pos_ in ("NOUN", "PROPN")):
            fillers += [(r, t) for r, t in _noun_roles(noun) if r == "attacker"]  # "Russian missiles struck"
    else:
        fillers += _noun_roles(head)
    out, seen = [], set()
    for role, token in fillers:
        if role == "attacker" and token.pos_ in PRONOUNS:
            token = _speaker_meant(token) or token  # "Hezbollah said it fired a barrage": Hezbollah fired
        # "killed by stray bullets in the Kebele 04 and Kebele 07 neighbourhoods": the parser may join
        # words to a munition that are no doers; beside one, only a name is
        by_weapon = role == "attacker" and _only_a_weapon(token, actor_span(token))
        for conjunct in (_known_as(c) for c in map(_of_the_counted, _conjuncts(token))):
            if conjunct.pos_ in PRONOUNS or conjunct.i in seen or conjunct in trigger.span:
                continue
            if by_weapon and conjunct is not token and not conjunct.ent_type_:
                continue
            if nobody(conjunct):
                continue  # "no group has claimed the kidnapping"
            if any(t.lower_ == "how" for t in conjunct.subtree if t.i < conjunct.i):
                continue  # "it was not clear how many people were killed": a question, no one
            if _part_of_a_name_told_elsewhere(conjunct):
                continue  # "loyalists of ousted president Bashar al-Assad ambushed": "Assad" is no second subject
            if conjunct.ent_type_ in NOT_ACTORS and not _country_as_doer(conjunct, role, trigger) \
                    and conjunct.lemma_.lower() not in FORCE_HEADS:
                continue  # "on Monday", "on Aleppo": times and places are not actors (but "the South
                # Sudan People's Defence Forces", which the tagger may read as a place, are)
            if (conjunct.lemma_.lower(),) in vocab.words:
                continue  # "fighting off an invasion": another event, not an actor
            if role == "attacker" and conjunct.lemma_.lower() in VEHICLES:
                continue  # "a motorcycle loaded with explosives blew up", "Motorcycle bomb kills two": the means
            span = _person(conjunct) or actor_span(conjunct)
            if _only_a_weapon(conjunct, span) if role == "attacker" else _a_munition(conjunct, role):
                continue  # "rockets hit the camp": the weapon (weapons.py keeps it), not who fired it;
                # "shot down a missile fired from Houthi areas": a munition is hit, no one is
            seen.add(conjunct.i)
            out.append(RoleFiller(role, span.text, span.start_char, span.end_char, conjunct))
    return out


def _of_the_counted(token: Token) -> Token:
    """"dozens of Israeli settlers attacked", "two of the gunmen": a number says how many;
    the group after "of" says who."""
    if token.ent_type_ != "CARDINAL" or token.pos_ not in ("NOUN", "NUM"):
        return token
    group = _of_phrase_object(token)
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in group.children):
        return token  # "three of our men": the speaker's own, whom the words do not name
    return group


def _known_as(token: Token) -> Token:
    """"armed youth known as the White Army": the name they go by."""
    for acl in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "dub")):
        for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ == "as"):
            named = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if named is not None and named.pos_ == "PROPN":
                return named
    return token


def _of_phrase_object(noun: Token) -> Token:
    """The noun after "of" on `noun`, else `noun`: "dozens of settlers", "the bodies of five
    migrants" (the dead are the migrants)."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), noun)


def _part_of_a_name_told_elsewhere(token: Token) -> bool:
    """A word inside a name whose first word hangs outside it on another word: the parser
    split "al-Assad" and made "Assad" a subject of the verb the name's phrase is in."""
    if token.ent_iob_ != "I":
        return False
    name = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return name is not None and any(not name.start <= t.head.i < name.end and t.head.i != token.head.i
                                    for t in name)


def _speaker_meant(pronoun: Token) -> Token | None:
    """"Hezbollah said it fired", "the rebels said they had captured": "it" or "they" as the
    subject of what a group says is the group (the reporting verb's subject, a name or noun)."""
    if pronoun.lower_ not in ("it", "they", "we") or pronoun.dep_ != "nsubj":
        return None
    return _speaker_of(pronoun.head)


def _speaker_of(verb: Token) -> Token | None:
    """The group that says the clause of `verb`: the reporting verb's subject above it."""
    from eventwire.attribution import cues  # attribution reads roles; imported here to keep one direction
    while verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in cues().verbs:
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if speaker is None or speaker.pos_ not in ("PROPN", "NOUN") or speaker.ent_type_ == "PERSON" \
                    or speaker.lemma_.lower() in SPOKESPEOPLE or ActorBook.load().normalise(speaker.text, "attacker").inter == 7:
                return None  # "the ministry said it struck": the ministry's forces, not the ministry; "'They shot
                # my neighbour,' said a farmer": not the farmer
            return speaker
    return None


def _country_as_doer(token: Token, role: str, trigger: Trigger) -> bool:
    """"Russia attacked", "a Myanmar military air strike", "Syria's air strikes": a country the
    parse makes the doer is its forces (actors.py); a town there ("the Kabul bombing") says where."""
    if role != "attacker" or token.ent_type_ != "GPE" or not any(
            e.start <= token.i < e.end and _a_country(e.text) for e in token.doc.ents):
        return False
    if token.dep_ not in ("compound", "nmod", "poss"):
        return True  # "Russia launched drones"
    # before the event noun a country may say where ("Haiti gang attack"): the doer only before
    # its forces' word or of the strikes states make
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return following.lower_ in FORCE_MODIFIERS or trigger.kind.sub_event_type in STATE_STRIKES


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c["name"].lower() for c in countries().values())


@lru_cache(maxsize=256)
def _a_country(name: str) -> bool:
    """A country's name, or a short form the demonym table gives it ("U.S.", "US")."""
    return name.lower() in _countries() or (name.isupper() and ActorBook.load().country_code(name) is not None)


def _verb_roles(verb: Token, trigger: Trigger) -> list[tuple[str, Token]]:
    casualty = verb.lemma_.lower() in CASUALTY_LEMMAS or trigger.kind.finding
    undergoer = "victim" if casualty else "target"
    roles: list[tuple[str, Token]] = []
    unaccusative = verb.lemma_.lower() in UNACCUSATIVE
    # "came under fire": the trigger's own support verb, whose subject undergoes it
    undergone = len(trigger.words) > 1 and trigger.words[0] == verb.lemma_.lower() in vocabulary().support_target
    for child in verb.children:
        if child.dep_ == "nsubj" and (unaccusative or undergone or _passive_without_auxiliary(verb)
                                      or _a_building_done_to(child, verb)):
            roles.append(("victim" if unaccusative else undergoer, child))
        elif child.dep_ == "nsubj" and not trigger.kind.finding:
            roles.append(("attacker", child))
        elif child.dep_ == "nsubjpass":
            roles.append((undergoer, _of_phrase_object(child) if trigger.kind.finding else child))
        elif child.dep_ == "dobj" and trigger.kind.finding:
            roles.append((undergoer, _of_phrase_object(child)))
        elif child.dep_ == "dobj" and child.lemma_.lower() not in trigger.words[1:]:
            roles.append((undergoer, child))  # ("took control": the object is part of the trigger)
        elif child.dep_ == "agent":
            roles += [("attacker", _firer(t) or _adjective_before_name(t)) for t in child.children if t.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and not unaccusative \
                and not (child.lower_ == "at" and _at_a_name(child, verb)):  # "died at a hospital": where
            roles += [("target", t) for t in child.children if t.dep_ == "pobj" and t.lemma_.lower() not in WHERE_NOUNS]
        elif child.dep_ == "prep" and child.lower_ == "from" and trigger.kind.territory:
            roles += [("target", _adjective_before_name(t)) for t in child.children if t.dep_ == "pobj"]
        elif child.dep_ == "prep":
            roles += _sides(verb, child)
    if casualty and not any(role == "attacker" for role, _ in roles):
        roles += [("attacker", doer) for doer in _doers_as_they_fought(verb)]
    # "Armed bandits abducted 30 passengers, police said": a participle with an object is
    # active; the parser hung it on its subject. So is a present participle: "students
    # protesting job quotas", "gunmen attacking a convoy" are the ones who act
    # (a group: "help fighting insurgents" is no one)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and (
            (verb.tag_ == "VBG" and verb.head.tag_ in ("NNS", "NNPS", "NNP")) or (
            verb.tag_ in ("VBD", "VBN") and "dobj" in {c.dep_ for c in verb.children})):
        roles.append(("attacker", verb.head))
    # "the bus was travelling when it was attacked": a subordinate clause with its own subject
    # inherits no doer ("police fired live rounds and one person was shot dead" still does)
    own_subject = verb.dep_ != "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if not own_subject and not any(role == "attacker" for role, _ in roles):
        subject = _inherited_subject(verb) or _subject_of_reduced_relative(verb)
        if subject is not None:  # "troops moved in before being attacked": the troops were hit
            deps = {c.dep_ for c in verb.children}
            passive = "auxpass" in deps and "nsubjpass" not in deps
            roles.append((undergoer if passive else "attacker", subject))
    return roles


def _doers_as_they_fought(verb: Token) -> list[Token]:
    """"Two terrorists were killed as the Army foiled an infiltration bid", "five soldiers died
    when militants stormed their post": the dead fell to those who fought in the clause told
    with them (not "when their vehicle hit a mine": no fight)."""
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in FIGHTING_VERBS
               and any(m.dep_ == "mark" and m.lower_ in ("as", "when") for m in c.children)]
    return [s for c in clauses for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]


def _a_building_done_to(subject: Token, verb: Token) -> bool:
    """"police station torched", "Mosque bombed in Kano": a headline's building with a past
    form and no object was hit; a building does nothing. Nor does a vehicle (or its
    passengers) that "struck an improvised explosive device", "ran over" or "hit a landmine": it was hit."""
    if struck_a_laid_weapon(verb):
        return True  # whoever "struck an improvised explosive device" was hit by it
    return subject.lemma_.lower() in BUILDINGS and verb.tag_ in ("VBD", "VBN") and not any(
        c.dep_ == "dobj" for c in verb.children)


def struck_a_laid_weapon(verb: Token) -> bool:
    """"their vehicle struck an IED", "ran over a landmine", "stepped on a mine": the subject
    was hit by what someone else laid."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("over", "on", "onto", "into")
        for g in p.children if g.dep_ == "pobj"]
    return verb.lemma_.lower() in ("strike", "hit", "step", "detonate", "trigger", "run", "drive") and any(
        weapon_name(t) in LAID_WEAPONS for o in objects for t in o.subtree)


def _passive_without_auxiliary(verb: Token) -> bool:
    """"UN helicopter crew member shot dead", "Teacher beaten to death in Kano": a headline
    drops the auxiliary, and the parser reads the clause as active. A past form with no object
    but with a result ("dead", "to death") or a "by" agent is passive: the active use needs an
    object ("gunmen shot him dead")."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"aux", "auxpass", "xcomp"} or verb.tag_ not in ("VBD", "VBN"):
        return False
    if "agent" in deps:
        return True
    return "dobj" not in deps and (verb.tag_ == "VBN" or any(_a_result(c) for c in verb.children))


def _a_result(child: Token) -> bool:
    """"dead" in "shot dead", "to death" in "beaten to death"."""
    if child.lower_ == "dead" and child.dep_ in ("acomp", "oprd", "advmod", "dep", "amod"):
        return True
    return child.dep_ == "prep" and child.lower_ == "to" and any(c.lemma_.lower() == "death" for c in child.children)


def _noun_roles(noun: Token) -> list[tuple[str, Token]]:
    vocab = vocabulary()
    roles: list[tuple[str, Token]] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            roles += [("attacker", _adjective_before_name(t)) for t in child.children if t.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "on" and noun.head.lemma_.lower() == "blame":
            pass  # "blamed the attack on X": X is accused (a responsibility claim keeps the stance), not hit
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            roles += [("target", t) for t in child.children if t.dep_ == "pobj" and t.lower_ not in CHANNELS
                      and not _own_outlet(t)]
        elif child.dep_ == "poss" and _possessor_undergoes(noun, child):
            roles.append(("victim", child))  # "Tabatabai's death", "the reporter's murder"
        elif child.dep_ in ("poss", "compound", "amod", "nmod") and child.pos_ in ("PROPN", "NOUN", "ADJ"):
            if (child.ent_type_ in ("ORG", "NORP", "GPE") or _a_name(child)) and not _names_a_place(child) \
                    and not _a_model(child, noun):
                roles.append(("attacker", child))
            elif child.lower_ in FORCE_MODIFIERS:  # "a South Sudan army air strike", "a police raid"
                roles.append(("attacker", child))
        elif child.dep_ == "prep":
            roles += _sides(noun, child)
        elif child.dep_ == "acl" and child.lemma_ in ("target", "hit"):
            roles += [("target", t) for t in child.children if t.dep_ == "dobj"]
        elif child.dep_ == "acl" and child.lemma_ in ("attribute", "blame"):  # "an attack attributed to ADF rebels"
            roles += [("attacker", _adjective_before_name(g)) for p in child.children
                      if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "on") for g in p.children if g.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("one", "some", "several", "many"):
        noun = noun.head.head  # "launched one of its largest air attacks": the attacks are launched
    governor = noun.head
    if noun.dep_ == "nsubj" and governor.lemma_.lower() in OUTBREAK_VERBS:  # "fighting broke out between X and Y"
        roles += [r for child in governor.children if child.dep_ == "prep" and child.lower_ == "between"
                  for r in _sides(noun, child)]
    if noun.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB":
        lemma = governor.lemma_.lower()
        subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        subject = subject or _inherited_subject(governor)
        if subject is not None and lemma in vocab.support_attacker:
            roles.append(("attacker", subject))
        elif subject is not None and lemma in vocab.support_target:
            roles.append(("target", subject))
    elif noun.dep_ == "pobj" and governor.lower_ == "with" and governor.head.pos_ == "VERB" \
            and governor.head.lemma_.lower() in vocab.support_attacker_with:  # "Thailand responded with air strikes"
        subject = next((c for c in governor.head.children if c.dep_ == "nsubj"), None)
        roles += [("attacker", subject)] if subject is not None else []
    return roles


def _possessor_undergoes(noun: Token, possessor: Token) -> bool:
    """Whose death it was: the possessor of "death" always; of "killing", "murder" and the like
    a person, when no "of" names the killed ("the army's killing of protesters": the army did it)."""
    lemma = noun.lemma_.lower()
    if lemma in DYING_NOUNS:
        return True
    return lemma in KILLING_NOUNS and possessor.ent_type_ == "PERSON" \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _a_model(name: Token, munition: Token) -> bool:
    """"KAB glide bombs", "Shahed drones": a name on a munition that names no group the actor
    book knows is the weapon's model, not who fired it ("Hamas rockets" are Hamas's)."""
    return weapon_name(munition) is not None and name.ent_type_ not in ("NORP", "GPE") \
        and not ActorBook.load().is_known(name.text)


def _a_name(token: Token) -> bool:
    """A proper noun, but not a headline's first word that only its capital makes one
    ("Prison riot in Ecuador leaves 31 dead": no entity, no name), nor the first word after a
    dateline's dash ("Addis Abeba – Heavy fighting broke out")."""
    if token.pos_ != "PROPN" or token.ent_type_:
        return token.pos_ == "PROPN"
    first = token.i == token.sent.start or token.doc[token.i - 1].text in DATELINE_DASHES
    return not first


def _person(token: Token) -> Span | None:
    """A person is named by the name alone: "Senior Chief Petty Officer Scott C. Dayton" is
    "Scott C. Dayton" (the rank says what he was, not who)."""
    if token.ent_type_ != "PERSON":
        return None
    name = next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ == "PERSON"), None)
    if name is not None and len(name) > 1 and name[-1].dep_ == "case":
        return name[:-1]  # "Ahmed Yassin's death": the name without its possessive
    return name


def _names_a_place(modifier: Token) -> bool:
    """"the Bagram Airfield bombing", "the Boston Marathon bombing": a named place or occasion
    before the event noun says where, not who."""
    noun = modifier.head
    words = {t.lower_ for t in modifier.subtree} | {t.lower_ for t in noun.doc[modifier.i : noun.i]}
    return modifier.ent_type_ in ("FAC", "EVENT", "LOC") or bool(words & NAMED_PLACES)


def _sides(trigger: Token, prep: Token) -> list[tuple[str, Token]]:
    """The two sides of a fight: "fighting between the army and Fano militiamen" (the first
    named is actor 1, as ACLED codes it), "clashes with the army". The other side comes
    first so that the first side's conjuncts (find_roles) do not take it in as well."""
    objects = [t for t in prep.children if t.dep_ == "pobj"]
    if not objects or trigger.lemma_.lower() not in FIGHT_LEMMAS:
        return []
    if prep.lower_ == "between":
        return [*(("target", t) for t in objects[0].conjuncts), ("attacker", objects[0])]
    return [("target", objects[0])] if prep.lower_ == "with" else []


def _own_outlet(noun: Token) -> bool:
    """"claimed the attack on its Amaq news agency": the group's own outlet, not a target."""
    return noun.lower_ in OUTLET_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children)


def _adjective_before_name(token: Token) -> Token:
    """"a strike by the paramilitary Rapid Support Forces": the parser often ends the phrase at
    the adjective and makes the name the subject of the next verb; the name is the doer."""
    doc = token.doc
    if token.pos_ != "ADJ" or token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "B":
        return token
    name = next((e for e in doc.ents if e.start == token.i + 1), None)
    return name.root if name is not None and name.label_ in ("ORG", "NORP", "PERSON") else token


def _firer(munition: Token) -> Token | None:
    """"struck by a missile fired by Houthi rebels": who fired the munition is the attacker."""
    for acl in (c for c in munition.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            return next((t for t in agent.children if t.dep_ == "pobj"), None)
    return None


def _inherited_subject(verb: Token) -> Token | None:
    """The subject of the clause a participle, xcomp or conjunct verb hangs off."""
    current = verb
    for _ in range(3):
        if current.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or current.head is current:
            return None
        current = current.head
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            # "the ministry raised it to 14 dead and 43 wounded": who tells a toll wounded no one
            return None if _undergoes(current) or current.lemma_.lower() in toll_verbs() else subject
    return None


AIMING_VERBS = frozenset("fire shoot aim throw hurl lob launch point".split())  # "fired at the convoy": aimed at


def _at_a_name(prep: Token, verb: Token) -> bool:
    """"attacked the military position at Sakoira": "at" and a proper name after an act that
    aims at nothing is where, not whom (not "fired at the convoy", "shot at Israel")."""
    return verb.lemma_.lower() not in AIMING_VERBS and any(
        t.dep_ == "pobj" and t.pos_ == "PROPN" for t in prep.children)


def _undergoes(verb: Token) -> bool:
    """"a U.N. helicopter came under fire, killing one crew member": the subject suffered the
    act; the killing is not its own."""
    lemma = verb.lemma_.lower()
    return lemma in UNDERGOING_VERBS or (lemma == "come" and any(c.lower_ == "under" for c in verb.children))


def _subject_of_reduced_relative(verb: Token) -> Token | None:
    """"Rwandan troops deployed in the province clashed with ...": the parser made the
    participle phrase a clause before the verb, with the verb's subject as its own."""
    for clause in verb.lefts:
        if clause.dep_ == "ccomp" and clause.tag_ in ("VBN", "VBD") and not any(
                c.dep_ in ("aux", "dobj") for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
            if subject is not None:
                return subject
    return None


def _only_a_weapon(head: Token, span: Span) -> bool:
    """A munition with no name in its phrase ("rockets", "a car bomb"), not a platform someone
    flies or drives ("coalition jets", "suicide bombers"; a bare "Drones" is only a weapon)
    and not "Hamas rockets"."""
    name = weapon_name(head)
    if name is None:
        return False
    if name in PLATFORMS:  # "Drones struck ...": no one's drones, so no one named
        return all(t.i == head.i or t.dep_ in ("det", "punct") or t.is_space for t in span)
    return not any((t.pos_ == "PROPN" and not t.is_lower) or t.ent_type_ for t in span)  # "stray" is no name


def _a_munition(head: Token, role: str) -> bool:
    name = weapon_name(head)
    return role in ("target", "victim") and name is not None and name not in PLATFORMS


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _of_phrase(child: Token) -> bool:
    """"fighters of the Islamic State": an "of" phrase names them; "the faction of attacking
    civilians" (after "accused") says what they did, not who they are."""
    return child.dep_ == "prep" and child.lower_ == "of" and not any(g.dep_ == "pcomp" for g in child.children)


def _from_a_group(prep: Token) -> bool:
    """"fighters from the CODECO militia": "from" a named group says whose they are (not
    "gunmen from a nearby village", nor where they came from)."""
    return prep.dep_ == "prep" and prep.lower_ == "from" and any(
        g.dep_ == "pobj" and any(t.ent_type_ in ("ORG", "NORP") or t.pos_ == "PROPN" for t in g.subtree)
        and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in g.subtree) for g in prep.children)


NAME_PARTS = frozenset(("PROPN", "NOUN", "ADP", "DET", "CCONJ", "ADJ", "NUM"))  # not "later" in "the ministry later"
MAX_PARTICIPLE_TOKENS = 6  # a participle phrase longer than this describes the actor, names no group


def actor_span(token: Token) -> Span:
    """The noun phrase of `token`: its modifiers, "of" phrases and participles ("troops loyal
    to the regime", "fighters aligned with Assad"), without clauses, other prepositional
    phrases or conjuncts; an organisation's name in full, whatever its parse."""
    doc = token.doc
    left = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ not in ("cc", "conj")])
    right = token.i
    for child in token.rights:
        keep = (child.dep_ in KEEP_RIGHT and child.lemma_.lower() not in BLAME_WORDS) or _of_phrase(child) \
            or _from_a_group(child)  # "held the rebels responsible for ...": the rebels
        if child.dep_ == "acl" and child.tag_ in ("VBD", "VBN") and any(g.dep_ == "dobj" for g in child.children):
            keep = False  # "bandits abducted 30 passengers": a clause the parser hung on its subject
            # ("a school sheltering displaced families" keeps its participle)
        if child.dep_ == "acl" and child.tag_ == "VBN" and len(list(child.subtree)) > MAX_PARTICIPLE_TOKENS \
                and not any(g.dep_ == "agent" for g in child.children):  # "positions held by the army": whose
            keep = False  # "units stationed in the direction of Basarkechar - the name Baku uses ...": a
            # description, not a name ("troops loyal to the regime" stays)
        if not keep:
            break
        right = child.right_edge.i
    if token.ent_type_ == "ORG":  # "The Group to Support Islam and Muslims", as far as the phrase goes
        inside = {t.i for t in token.subtree}
        end = token.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and end + 1 in inside:
            end += 1
        right = max(right, end)
    while right + 1 < len(doc) and doc[right].ent_type_ and doc[right + 1].ent_iob_ == "I" \
            and doc[right + 1].pos_ in NAME_PARTS:
        right += 1  # "fighters from the Group for the Support of Islam and Muslims": the name the parser split
    right = min(right, left + MAX_ACTOR_TOKENS - 1)
    while right > left and (doc[right].is_punct or doc[right].dep_ == "case" or doc[right].is_space):
        right -= 1  # "Ahmed Yassin's death": the name without its possessive (nor a headline's line break)
    while left < right and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    return doc[left : right + 1]
