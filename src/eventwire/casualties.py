"""Casualty and force-size figures in a parsed sentence, with who they count.

`find_counts(sent)` reads the dependency parse: a figure counts the dead when it (or the
noun it quantifies) is the object of "kill", the passive subject of "was killed", the
subject of "died", the object left "dead", the people in "the death toll rose to N" or
"claimed the lives of N"; injuries likewise with wound/injure/hurt. A figure on a
fighter noun that attacks, that an attack "included", or in "a force of N fighters" is a
force size, never a casualty. "no one was killed" and "no casualties" give zero counts.

Figures themselves come from `eventwire.numbers.find_figures` (text level, case-blind, so
upper-case MUC text works); the word lists are in patterns/numbers.toml, [casualty].
A sentence without a casualty or force word costs one word-set lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Literal

from spacy.tokens import Span, Token

from eventwire.models import Count, CountMention
from eventwire.numbers import Figure, find_figures, number_words, ordinal, parse_count
from eventwire.triggers import is_trigger_word
from eventwire.weapons import is_weapon_word

Field = Literal["fatalities", "injuries", "force_size"]

_WORD = re.compile(r"[a-z]+")
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_NOT_COUNTED_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_GROUP_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "case"})
WOUNDED_NOUNS = frozenset("patient wounded injured casualty".split())  # "four of the patients died"
_WORD_NOUNS = frozenset("term word phrase expression euphemism label".split())
HEARSAY_VERBS = frozenset(("accuse", "suspect", "charge", "allege"))  # what they were accused of is not who they were
_COPULAS = frozenset({"be", "lie", "remain", "lay"})
_TOLL_PREPS = frozenset({"to", "at", "of"})
# "to avenge the killing of", "in retaliation for"; "to protest the killing of a rider": the
# deaths a crowd protests are the protest's reason, not its toll
MOTIVE_WORDS = frozenset("avenge retaliate retaliation revenge reprisal vengeance protest".split())
_ADJ_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "advmod", "conj"})


@dataclass(frozen=True)
class _Vocab:
    words: dict[str, frozenset[str]]
    forms: dict[str, str]  # inflected form -> lemma, for every word in [casualty]
    cues: frozenset[str]  # forms that let a sentence past the gate


def _inflections(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("ie"):
        out.add(lemma[:-2] + "ying")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("fe"):
        out.add(lemma[:-2] + "ves")
    if lemma.endswith("man"):
        out.add(lemma[:-3] + "men")
    return out


_IRREGULAR = {"slain": "slay", "slew": "slay", "shot": "shoot", "left": "leave"}


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    words = number_words().casualty
    forms: dict[str, str] = {}
    for lemma in sorted(set().union(*words.values())):
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    forms.update(_IRREGULAR)
    not_cues = ("non_person", "force_group_nouns", "event_nouns", "collective_nouns", "superseded",
                "superseded_anywhere", "toll_telling_verbs", "raising_verbs", "die_objects")
    cue_lists = [k for k in words if k not in not_cues]
    cue_lemmas = set().union(*(words[k] for k in cue_lists))
    cues = frozenset(f for f, lemma in forms.items() if lemma in cue_lemmas)
    return _Vocab(words=words, forms=forms, cues=cues)


def _lemma(tok: Token) -> str:
    """The token's lemma, read from its lower-case form first (robust to upper case)."""
    return _vocab().forms.get(tok.lower_) or tok.lemma_.lower()


def _is(tok: Token, *lists: str) -> bool:
    lemma, words = _lemma(tok), _vocab().words
    return any(lemma in words[name] or tok.lemma_.lower() in words[name] for name in lists)


def find_counts(sent: Span) -> list[CountMention]:
    """Fatality, injury and force-size figures in `sent`, with doc character offsets.

    Example: on "Gunmen killed three soldiers." gives one CountMention: fatalities,
    Count(best=3, exact, text="three"), group "soldiers".
    """
    doc = sent.doc
    text = sent.text  # not doc.text: that joins the whole document on every call
    cues = _vocab().cues
    if cues.isdisjoint(_WORD.findall(text.lower())):
        return []
    figures = [
        Figure(f.start + sent.start_char, f.end + sent.start_char, f.count)
        for f in find_figures(text)
    ]
    fig_at: dict[int, Figure] = {}
    for f in figures:
        for tok in doc.char_span(f.start, f.end, alignment_mode="expand") or ():
            fig_at[tok.i] = f
    found: dict[tuple[str, int], CountMention] = {}
    consumed: set[tuple[str, int]] = set()  # parts already counted in a sum
    tolls: set[int] = set()  # figures a toll noun gives ("bringing the toll to five")
    for tok in sent:
        if tok.lower_ not in cues and tok.lemma_.lower() not in cues:
            continue
        if _a_motive(tok) or _describes_a_name(tok) or _since_a_time(tok):
            continue
        negated = any(c.dep_ == "neg" for c in tok.children)
        parts: dict[tuple[str, int], CountMention] = {}
        also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children)  # "was also killed"
        at_one_place = tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children)
        for field, victim in _victims(tok):
            mention = _mention(victim, field, fig_at, negated=negated)
            wounded = _of_the_wounded(victim)
            later = wounded and _after_those_killed_outright(tok)
            if mention is not None and (also or _others(victim) or later):
                mention = mention.model_copy(update={"additional": True, "nth": _rank(victim)})
            if mention is not None and (at_one_place or _own_people(victim) or (wounded and not later)
                                        or _raises_the_toll(tok)):
                mention = mention.model_copy(update={"part": True})
            if mention is not None and _superseded(tok):
                mention = mention.model_copy(update={"superseded": True})
            elif mention is not None and _revised(tok):
                mention = mention.model_copy(update={"revised": True})
            elif mention is not None and _raised(tok):
                mention = mention.model_copy(update={"raised": True})
            if mention is not None and (mention.field, mention.start) not in consumed:
                parts.setdefault((mention.field, mention.start), mention)
                if _is(tok, "toll_nouns") and not _a_rival_teller(tok):
                    tolls.add(mention.start)
            for among in _included(victim) if mention is not None else ():  # "26 people, including 14 soldiers"
                inner = _mention(among, field, fig_at, negated=negated)
                if inner is not None and inner.count.best:
                    found.setdefault((field, inner.start), inner.model_copy(update={"part": True}))
        for field in sorted({f for f, _ in parts}):
            same = [m for (f, _), m in sorted(parts.items()) if f == field]
            same = _without_listed_names(same, doc.text)
            if len(same) > 1 and all(m.count.best for m in same):
                consumed |= {(field, m.start) for m in same}
                total = _sum(same, doc.text)
                found[(field, total.start)] = total
            else:
                for m in same:
                    found.setdefault((m.field, m.start), m)
    _rest_of_the_parts(found)
    _within_the_toll(found, tolls)
    used = {m.start for m in found.values()}
    for f in figures:
        if f.start not in used:
            mention = _force_size(f, doc, fig_at)
            if mention is not None:
                found.setdefault(("force_size", mention.start), mention)
    return sorted(found.values(), key=lambda m: (m.start, m.field))


def names_one(count: Count) -> bool:
    """A figure of one given by naming the dead ("killed Hezbollah's military chief"), not by
    a number ("one soldier", "a policeman")."""
    words = number_words()
    text = (count.text or "").lower().split()
    return count.best == 1 and not any(any(ch.isdigit() for ch in w) or w in words.units or w in ("a", "an")
                                       for w in text)


def _without_listed_names(same: list[CountMention], text: str) -> list[CountMention]:
    """"Two of his allies, lawyer Elvino Dias and official Paulo Guambe, were shot dead": the
    names after a comma list the counted, so they are not added to them (2, not 4)."""
    numbered = [m for m in same if not names_one(m.count)]
    named = [m for m in same if names_one(m.count)]
    if not numbered or not named or sum(m.count.best or 0 for m in numbered) < len(named):
        return same
    first = min(m.start for m in numbered)
    listed = [m for m in named if m.start > first and "," in text[first : m.start]]
    return [m for m in same if m not in listed] if len(listed) == len(named) else same


def _after_those_killed_outright(cue: Token) -> bool:
    """"Seven people died at the scene and two of the injured died at a clinic": the injured who
    died are told on top of those the same sentence says died first, not among them."""
    return cue.dep_ == "conj" and _is(cue.head, "die_verbs", "fatal_verbs")


def _others(victim: Token) -> bool:
    """"Two other attackers were killed", "a seventh officer died": others than those counted
    before, so on top of them. (Not "three others": after "nine of the dead were workers" they
    are the rest of the same toll.)"""
    return any(c.dep_ == "amod" and (c.lower_ == "other" or c.ent_type_ == "ORDINAL") for c in victim.children) \
        or _ordinal_alone(victim)


def _ordinal_alone(victim: Token) -> bool:
    """"while a third succumbed to his injuries": the ordinal stands for the one counted."""
    return victim.pos_ in ("ADJ", "NOUN", "NUM") and ordinal(victim.lower_) is not None \
        and any(c.lower_ == "a" for c in victim.children)


def _since_a_time(cue: Token) -> bool:
    """"between 40 and 60 people had been killed since the fighting broke out on Thursday",
    "have killed more than 270 since the ceasefire": a tally of days, no event's toll (a toll
    that "has risen to 12 since Monday" is the event's, updated). The "since" may hang on a
    verb joined to it ("have been killed and 1,700 reported missing since then")."""
    verb = next((t for t in (cue, *cue.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or _is(cue, "toll_nouns") or not any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in verb.children):
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(((c.dep_ in ("prep", "advmod") and c.lower_ == "since") or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children)))
        and cue not in c.subtree for v in verbs for c in v.children)  # not "since the assassination of X": the start


def _rank(victim: Token) -> int | None:
    """"a fourth man": the rank an ordinal gives the counted, when it gives one."""
    if _ordinal_alone(victim):
        return ordinal(victim.lower_)
    return next((n for c in victim.children if c.dep_ == "amod" and (n := ordinal(c.lower_))), None)


def _within_the_toll(found: dict[tuple[str, int], CountMention], tolls: set[int]) -> None:
    """"the body of a teenage boy had been found, bringing the toll to five": beside a toll in
    its sentence, a smaller figure counts some of those dead, a part of it (in place)."""
    largest: dict[str, int] = {}
    for mention in found.values():
        if mention.start in tolls:
            largest[mention.field] = max(largest.get(mention.field, 0), mention.count.best or 0)
    for key, mention in list(found.items()):
        toll = largest.get(mention.field, 0)
        if mention.start not in tolls and not mention.additional and mention.count.best and mention.count.best < toll:
            found[key] = mention.model_copy(update={"part": True})


def _a_rival_teller(toll: Token) -> bool:
    """"killing three fighters, the cell said, while a local official put the toll at four":
    a toll told in a clause of its own by its own teller is another account of the dead, not
    a whole the sentence's other figures are parts of."""
    verb = toll.head
    return (toll.dep_ == "dobj" and _is(verb, "toll_telling_verbs") and verb.dep_ != "ROOT"
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in verb.children))


def _rest_of_the_parts(found: dict[tuple[str, int], CountMention]) -> None:
    """"five of the injured died in Peshawar, while three others died in Khar": "others" after
    a part of the toll are the next part of it, not a rival count of the whole (in place)."""
    mentions = sorted(found.items(), key=lambda kv: kv[1].start)
    for i, (key, mention) in enumerate(mentions):
        if (mention.group or "").lower() == "others" and any(
                m.part and m.field == mention.field for _, m in mentions[:i]):
            found[key] = mention.model_copy(update={"part": True})


def _superseded(cue: Token) -> bool:
    """A toll the report has since replaced: "the blast had initially left nine dead",
    "police had earlier put the toll at four", "an initial toll of five". The words of
    [casualty] superseded qualify the cue or a verb it depends on, up to its clause's head
    ("initially" anywhere, "earlier" or "first" only on a verb that tells a toll: "killed
    five earlier on Tuesday" is a time, not a correction)."""
    words = _vocab().words
    tok = cue
    while True:
        telling = tok is not cue and _lemma(tok) in words["toll_telling_verbs"]
        toll = _is(tok, "toll_nouns")
        for child in tok.children:
            word = child.lower_
            if child.dep_ == "advmod" and not list(child.children) and (
                    word in words["superseded_anywhere"] or (telling and word in words["superseded"])):
                return True
            if child.dep_ == "amod" and toll and word in words["superseded"]:
                return True
        if tok.dep_ == "ROOT" or tok.head is tok or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            return False  # "initially said five, and later raised it to 12": the raise is current
        tok = tok.head


def _raised(cue: Token) -> bool:
    """"the toll had risen to 13", "police raised the death toll to 13": a toll updated
    upwards, which replaces the smaller tolls told before it."""
    raising = _vocab().words["raising_verbs"]
    if _is(cue, "toll_nouns") and cue.dep_ in ("nsubj", "dobj", "nsubjpass") and _lemma(cue.head) in raising:
        return True
    # "the ministry raised it to 14 dead": the figure after "to" on a raising verb
    return cue.dep_ == "pobj" and cue.head.lower_ == "to" and _lemma(cue.head.head) in raising


def _revised(cue: Token) -> bool:
    """"said 15 bodies had been counted, before revising the figure to 19": a source raising
    its own figure, not the toll the report tells ("the toll rose to 19" replaces any)."""
    if not (cue.dep_ == "pobj" and cue.head.lower_ == "to"):
        return False
    verb = cue.head.head  # ("the ministry raised it to 14" raises the toll told before, whoever told it)
    return _lemma(verb) in ("revise", "update", "correct") and not any(
        c.dep_ in ("dobj", "nsubjpass") and (_is(c, "toll_nouns") or c.pos_ == "PRON") for c in verb.children)


def _raises_the_toll(cue: Token) -> bool:
    """"The death toll rose overnight after a 67-year-old woman died in hospital": the death
    that raised the toll is one of its dead, a part of it, not a lower count."""
    raising = _vocab().words["raising_verbs"]
    clause = next((a for a in cue.ancestors if a.dep_ == "advcl" or (a.dep_ == "pcomp" and a.head.dep_ == "prep")), None)
    if clause is None and cue.dep_ == "advcl":
        clause = cue
    if clause is None:
        return False
    verb = clause.head.head if clause.dep_ == "pcomp" else clause.head
    return _lemma(verb) in raising and any(_is(c, "toll_nouns") for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _of_the_wounded(victim: Token) -> bool:
    """"Four of the patients died after arriving": some of those a hospital received, a part
    of the toll, not a lower count of it."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.lemma_.lower() in WOUNDED_NOUNS or g.lower_ in WOUNDED_NOUNS)  # "the injured" (lemma "injure")
        for g in c.children) for c in victim.children)


def _own_people(victim: Token) -> bool:
    """"nine of its staff", "three of our colleagues": the speaker's own dead, a part of the
    toll (as the dead at one of the places hit, "where six people died", are); so are "three
    of them", some of those counted before."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.lower_ in ("them", "those") or any(
            p.dep_ == "poss" and p.lower_ in ("its", "their", "our") for p in g.children))
        for g in c.children) for c in victim.children)


def _describes_a_name(cue: Token) -> bool:
    """"The Ethiopian Human Rights Commission, a state-affiliated body, said": a noun set beside
    a name describes it; it counts no dead."""
    return cue.dep_ == "appos" and cue.head.pos_ == "PROPN" and not any(c.dep_ == "nummod" for c in cue.children) \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in cue.children)  # not "Mexico: 19 bodies found"


def _a_motive(cue: Token) -> bool:
    """"to avenge the killing of a commander", "in retaliation for the deaths of two leaders":
    the deaths an attack answers are another event, not its toll."""
    for ancestor in list(cue.ancestors)[:3]:
        if ancestor.lemma_.lower() in MOTIVE_WORDS:
            return True
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() not in MOTIVE_WORDS:
            return False
    return False


def _sum(parts: list[CountMention], text: str) -> CountMention:
    """"Two soldiers and three militants were killed": one figure of five, its text running
    from the first part to the last. Bounds add up; "at least" in any part makes the sum one."""
    best = sum(m.count.best or 0 for m in parts)
    low = sum(m.count.low if m.count.low is not None else m.count.best or 0 for m in parts)
    highs = [m.count.high if m.count.high is not None else m.count.best for m in parts]
    quals = {m.count.qualifier for m in parts}
    qualifier = "exact" if quals == {"exact"} else "at_least" if quals & {"at_least", "more_than"} else "about"
    start, end = parts[0].start, parts[-1].end
    count = Count(best=best, low=low, high=sum(highs) if None not in highs else None, qualifier=qualifier,
                  text=text[start:end])
    groups = [m.group for m in parts if m.group]
    return CountMention(field=parts[0].field, count=count, start=start, end=end,
                        group=" and ".join(groups) or None)


# --- which tokens a trigger counts ---------------------------------------------------


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and what is coordinated with them ("11 people and a teacher").

    A bare vague plural in coordination is left out: in "the injury of six people and
    millions in losses" the millions are money.
    """
    vague = number_words().vague
    out: list[Token] = []
    for t in tokens:
        out.append(t)
        for c in t.conjuncts:
            bare = c.lower_ in vague and not any(p.lower_ == "of" for p in c.children)
            if c.i > t.i and c not in out and not bare and not _name_of_the_counted(t, c):
                out.append(c)
    return out


def _name_of_the_counted(counted: Token, name: Token) -> bool:
    """"a father and his teenage son, Mabrouk and Anas al-Fitouri": names after a comma that
    follows the counted noun are theirs, not more people."""
    between = counted.doc[counted.i + 1 : name.i]
    return name.ent_type_ == "PERSON" and counted.pos_ == "NOUN" and counted.ent_type_ != "PERSON" \
        and len(between) > 0 and between[0].text == "," and not any(t.pos_ == "NOUN" for t in between)


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _resolve_relative(tok: Token, trigger: Token) -> Token:
    """ "soldiers who were killed": the relative pronoun stands for the noun."""
    if tok.lower_ in _RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
        return trigger.head
    return tok


TRAPPING = frozenset("rubble debris ruins mud landslide snow sand collapse".split())


def _buried_alive(verb: Token) -> bool:
    """"Dozens of people are buried under the rubble": trapped, maybe alive (not "24 people had
    been buried on Monday morning", who are dead)."""
    return any(c.dep_ == "prep" and (c.lower_ in ("under", "beneath", "below") or any(
        g.lemma_.lower() in TRAPPING for g in c.children if g.dep_ == "pobj")) for c in verb.children)


def _dies_by_object(verb: Token) -> bool:
    """"Two of our gallant soldiers paid the supreme price", "Sepoy Arshad embraced shahadat",
    "three soldiers fell in combat", "fell as martyrs"."""
    if not (_is(verb, "die_object_verbs") and verb.pos_ == "VERB"):
        return False
    objects = _vocab().words["die_objects"]
    held = [c for c in verb.children if c.dep_ == "dobj"]
    held += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "as") for o in _children(c, "pobj")]
    return any(o.lemma_.lower() in objects or " ".join(t.lower_ for t in o.subtree if t.dep_ != "det") in objects
               for o in held)


def _victims(tok: Token) -> list[tuple[Field, Token]]:
    if _is(tok, "fatal_verbs") and tok.pos_ in ("VERB", "AUX", "ADJ"):
        return [("fatalities", v) for v in _verb_victims(tok)]
    if _is(tok, "injury_verbs") and tok.pos_ in ("VERB", "AUX", "ADJ"):
        return [("injuries", v) for v in _verb_victims(tok)]
    if _is(tok, "burial_verbs") and tok.pos_ == "VERB":
        buried = _children(tok, "dobj")[:1] or ([] if _buried_alive(tok) else _children(tok, "nsubjpass")[:1])
        return [("fatalities", v) for v in _with_conjuncts(buried)]
    if (_is(tok, "die_verbs") and tok.pos_ in ("VERB", "AUX")) or _dies_by_object(tok):
        subj = [_resolve_relative(s, tok) for s in _children(tok, "nsubj")]
        if not subj and tok.dep_ in ("acl", "relcl"):
            subj = [tok.head]
        return [("fatalities", v) for v in _with_conjuncts(subj)]
    if tok.pos_ == "ADJ" and _is(tok, "fatal_adjectives", "injury_adjectives"):
        field: Field = "fatalities" if _is(tok, "fatal_adjectives") else "injuries"
        return [(field, v) for v in _adjective_victims(tok)]
    if tok.pos_ in ("NOUN", "PROPN", "PRON"):
        return _noun_victims(tok)
    return []


def _verb_victims(verb: Token) -> list[Token]:
    if verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        if verb.head.lemma_.lower() in _WORD_NOUNS:
            return []  # "uses the term 'neutralised' to mean killed": a word, no one dead
        if not _children(verb, "nsubjpass", "nsubj", "dobj"):
            return [verb.head]  # "two wounded soldiers", "20 civilians killed in the raid"
    passive = _children(verb, "nsubjpass")
    if passive:
        return _with_conjuncts(_resolve_relative(s, verb) for s in passive)
    if verb.dep_ in ("xcomp", "oprd") and verb.tag_ == "VBN":  # "dozens were reported killed"
        reported = _children(verb.head, "nsubjpass")
        if reported:
            return _with_conjuncts(reported)
        left = _children(verb.head, "dobj")[:1]  # "the blast left 30 people injured"
        if left and not _a_killer(left[0]):
            return _with_conjuncts(left)
    objects = _children(verb, "dobj")[:1]  # a second "object" is a misparsed apposition:
    if objects:  # "killed three people on Saturday, ..., the deadliest incident"
        return _with_conjuncts(objects)
    stolen = _stolen_object(verb)
    if stolen is not None:
        return _with_conjuncts([stolen])
    subjects = _children(verb, "nsubj")
    has_aux = any(c.dep_ == "aux" for c in verb.children)
    if subjects and not has_aux and verb.tag_ in ("VBN", "VBD") and not any(map(_a_killer, subjects)):
        return _with_conjuncts(subjects)  # headline style "Five killed, 12 wounded"
    if _children(verb, "auxpass") and verb.dep_ == "relcl":
        return [verb.head]
    return []


def _a_killer(noun: Token) -> bool:
    """"An air strike ... killed", "a car bomb killed": an event or a weapon, which kills and
    is not killed (when the parser lost the verb's object)."""
    return is_weapon_word(noun) or is_trigger_word(noun)


def _included(victim: Token) -> list[Token]:
    """"killing 26 people, including 14 soldiers": the counted groups a toll includes."""
    preps = [c for c in victim.children if c.dep_ == "prep" and c.lower_ == "including"]
    return [t for p in preps for g in p.children if g.dep_ == "pobj" for t in _with_conjuncts([g])]


def _stolen_object(verb: Token) -> Token | None:
    """"..., injuring at least 12 people, including a child, the governor said": the parser
    may make the noun phrase right after the participle the subject of "said". A participle
    with no object of its own counts the noun phrase that starts right after it."""
    if verb.tag_ != "VBG" or verb.i + 1 >= len(verb.doc):
        return None
    for token in verb.doc[verb.i + 1 : verb.i + 6]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token if token.left_edge.i == verb.i + 1 and token.head.i != verb.i else None
    return None


def _adjective_victims(adj: Token) -> list[Token]:
    before = adj.doc[adj.i - 1] if adj.i > 0 else None
    if before is not None and before.pos_ == "NUM" and before.head.i != adj.i + 1:
        return [before]  # "cost the army 29 dead"
    numbers = [c for c in adj.children if c.dep_ in ("nummod", "npadvmod", "nsubj")]
    if numbers:
        return _with_conjuncts(numbers)  # "12 dead"
    if adj.dep_ == "amod":
        return [adj.head]  # "one dead terrorist"
    head = adj.head
    if adj.dep_ in _ADJ_DEPS and head.pos_ in ("VERB", "AUX"):
        for deps in (("dobj",), ("nsubjpass",)):
            found = _children(head, *deps)
            if found:
                return _with_conjuncts(found)
        if _lemma(head) in _COPULAS or head.lemma_ in _COPULAS:
            return _with_conjuncts(_children(head, "nsubj"))
    return []


def _noun_victims(noun: Token) -> list[tuple[Field, Token]]:
    if noun.lower_ == "death" and noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head  # "beat a man to death", "was stabbed to death"
        undergoers = _children(verb, "nsubjpass") or _children(verb, "dobj")
        return [("fatalities", v) for v in _with_conjuncts(_resolve_relative(u, verb) for u in undergoers)]
    if _is(noun, "fatal_nouns", "injury_nouns"):
        field: Field = "fatalities" if _is(noun, "fatal_nouns") else "injuries"
        counted = [noun]  # "12 deaths", "no injuries"
        for prep in _children(noun, "prep"):
            if prep.lower_ == "of" and not [n for n in _children(noun, "nummod") if n.ent_type_ not in _NOT_COUNTED_ENTS]:
                # "eight bodies of fighters": eight (not "the 2020 massacre of civilians": a year)
                counted = _with_conjuncts(_children(prep, "pobj")) or counted
        return [(field, v) for v in counted]
    if _is(noun, "both_nouns"):
        zero = any(c.lower_ == "no" for c in noun.children)
        return [("fatalities", noun), ("injuries", noun)] if zero else []
    if _is(noun, "toll_nouns"):
        return [("fatalities", v) for v in _toll_figures(noun)]
    if _is(noun, "life_nouns") and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "lose":
        subjects = [_resolve_relative(s, noun.head) for s in _children(noun.head, "nsubj")]
        return [("fatalities", v) for v in _with_conjuncts(subjects)]  # "three people lost their lives"
    if _is(noun, "life_nouns") and _is(noun.head, "life_verbs"):
        counted = [noun]
        for prep in _children(noun, "prep"):
            if prep.lower_ == "of":
                counted = _with_conjuncts(_children(prep, "pobj")) or counted
        return [("fatalities", v) for v in counted]
    return []


def _toll_figures(toll: Token) -> list[Token]:
    """ "the death toll rose to 45", "a toll of 45", "the toll was 45", "officials put the
    toll at 45 (dead)"."""
    out = [p for c in _children(toll, "prep", "appos") for p in [c, *_children(c, "pobj")]]
    head = toll.head
    if toll.dep_ in ("nsubj", "nsubjpass", "dobj"):
        if toll.dep_ != "dobj":
            out += _children(head, "dobj", "attr", "npadvmod")
        for prep in _children(head, "prep"):
            if prep.lower_ in _TOLL_PREPS:
                out += [g for p in _children(prep, "pobj") for g in [p, *_children(p, "nummod")]]
    return [t for t in out if t.like_num or t.pos_ == "NUM"]


# --- the figure and the group of one counted token ------------------------------------


def _figure_for(victim: Token, fig_at: dict[int, Figure]) -> tuple[Count, int, int] | None:
    if victim.i in fig_at:
        f = fig_at[victim.i]
        return f.count, f.start, f.end
    for child in victim.children:
        if child.dep_ in ("nummod", "amod", "quantmod", "det", "advmod") and child.i in fig_at:
            f = fig_at[child.i]
            return f.count, f.start, f.end
    for child in victim.children:  # "the other three PKK/YPG terrorists": the parser counts the name
        numbers = [g for g in child.children if g.dep_ == "nummod" and g.i in fig_at] \
            if child.dep_ in ("compound", "nmod") and child.i < victim.i else []
        if numbers:
            f = fig_at[numbers[0].i]
            return f.count, f.start, f.end
    for child in victim.children:
        if _is(victim, "event_nouns") and child.lower_ != "no":
            break  # "a murder" is one event, not one victim
        if child.dep_ in ("det", "amod") and child.i < victim.i:
            count = parse_count(child.text)
            singular = victim.tag_ in ("NN", "NNP") or count is not None and count.best == 0
            if count is not None and count.best <= 1 and singular:
                return count, child.idx, child.idx + len(child.text)
    if victim.lower_ in number_words().fixed and victim.pos_ == "PRON":
        count = parse_count(victim.text)  # "nobody", "none"
        if count is not None:
            return count, victim.idx, victim.idx + len(victim.text)
    if victim.pos_ == "PRON" and victim.lower_ in ("him", "her"):  # "beat him to death": one person
        return Count(best=1, low=1, high=1, qualifier="exact", text=victim.text), victim.idx, victim.idx + len(victim.text)
    if _one_person(victim):
        span = victim.doc[victim.left_edge.i : victim.i + 1]
        one = Count(best=1, low=1, high=1, qualifier="exact", text=span.text)
        return one, span.start_char, span.end_char
    if victim.ent_type_ == "PERSON" and victim.pos_ == "PROPN":
        ent = next((e for e in victim.doc.ents if e.start <= victim.i < e.end), None)
        if ent is not None:
            return Count(best=1, low=1, high=1, qualifier="exact", text=ent.text), ent.start_char, ent.end_char
    return None


def _one_person(noun: Token) -> bool:
    """ "the mayor", "his driver": a singular common noun with a determiner is one."""
    if noun.tag_ != "NN" or noun.pos_ != "NOUN" or noun.is_upper:
        return False
    if _is(noun, "collective_nouns", "non_person", "event_nouns", "force_group_nouns"):
        return False
    if _is(noun, "fatal_nouns", "injury_nouns", "both_nouns", "toll_nouns", "life_nouns"):
        return False
    return any(c.dep_ in ("det", "poss") and c.i < noun.i for c in noun.children)


def _counted_noun(victim: Token, fig_at: dict[int, Figure]) -> Token | None:
    """The noun a figure counts: itself, or "fighters" in "100 of the fighters"."""
    for prep in _children(victim, "prep"):
        if prep.lower_ == "of" and (victim.pos_ == "NUM" or victim.i in fig_at):
            pobj = _children(prep, "pobj")
            if pobj:
                return pobj[0]
    if victim.pos_ in ("NOUN", "PROPN") and not victim.like_num:
        return victim
    return None


def _group(noun: Token | None, figure: tuple[int, int], exclude_head: bool) -> str | None:
    """The counted noun phrase as written, without its figure and determiner."""
    if noun is None:
        return None
    start, end = figure
    toks = [t for c in noun.lefts if c.dep_ in _GROUP_LEFT_DEPS for t in c.subtree]
    if not exclude_head:
        toks.append(noun)
        for c in noun.rights:
            between = noun.doc[noun.i + 1 : c.left_edge.i]
            if any(t.is_punct for t in between) or c.dep_ not in ("acl", "amod", "prep"):
                continue
            if c.dep_ == "prep" and c.lower_ != "of":
                continue
            if c.dep_ == "acl" and c.lemma_.lower() in HEARSAY_VERBS:
                continue  # "four men accused of collaborating with the Rwandan forces": men, not forces
            if not _is(c, "fatal_verbs", "injury_verbs", "die_verbs"):
                toks.extend(c.subtree)
    kept = [
        t
        for t in toks
        if (t.i == noun.i or not start <= t.idx < end)
        and t.dep_ != "det"
        and t.lower_ != "strong"
        and not _is(t, "fatal_adjectives", "injury_adjectives")
    ]
    kept = [t for t in kept if not t.is_punct]
    if not kept:
        return None
    first, last = min(t.i for t in kept), max(t.i for t in kept)
    text = noun.doc[first : last + 1].text.strip(" ,")
    return text or None


def _mention(
    victim: Token, field: Field, fig_at: dict[int, Figure], *, negated: bool
) -> CountMention | None:
    found = _figure_for(victim, fig_at)
    if found is None:
        return None
    count, start, end = found
    if negated and count.best != 0:
        return None
    noun = _counted_noun(victim, fig_at)
    if noun is not None and _is(noun, "non_person"):
        return None
    if noun is None:  # a bare number: trust the entity tagger that it is no date or sum
        first = victim.doc.char_span(start, end, alignment_mode="expand")
        if first is not None and first[-1].ent_type_ in _NOT_COUNTED_ENTS:
            return None
    is_casualty_noun = noun is not None and _is(
        noun, "fatal_nouns", "injury_nouns", "both_nouns", "toll_nouns", "life_nouns"
    )
    # a person counted by their own words ("the village's mayor", a name) keeps them
    figure_only = (start, start) if start <= victim.idx < end and count.best == 1 else (start, end)
    whose = _whose_bodies(noun) if is_casualty_noun else None
    group = _group(whose, figure_only, exclude_head=False) if whose is not None else \
        _group(noun, figure_only, exclude_head=is_casualty_noun)
    return CountMention(field=field, count=count, start=start, end=end, group=group)


def _whose_bodies(noun: Token) -> Token | None:
    """"recovered three bodies of the militants": the dead counted are the militants."""
    if not _is(noun, "fatal_nouns"):
        return None
    return next((g for p in _children(noun, "prep") if p.lower_ == "of" for g in _children(p, "pobj")
                 if g.pos_ in ("NOUN", "PROPN") and not g.like_num), None)


# --- force size -------------------------------------------------------------------------


def _force_size(f: Figure, doc, fig_at: dict[int, Figure]) -> CountMention | None:
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return None
    anchor = span[-1]
    noun: Token | None = None
    if anchor.dep_ in ("nummod", "quantmod", "amod") and anchor.head.i not in fig_at:
        noun = anchor.head
    elif anchor.dep_ in ("advmod", "npadvmod") and anchor.head.lower_ == "strong":
        noun = anchor.head.head  # "a 500-strong force"
    else:
        for prep in _children(anchor, "prep"):
            if prep.lower_ == "of" and _children(prep, "pobj"):
                noun = _children(prep, "pobj")[0]  # "hundreds of troops"
    if noun is None or not _is(noun, "force_nouns", "force_group_nouns"):
        return None
    if not _force_context(noun, strong=anchor.head.lower_ == "strong"):
        return None
    group = _group(noun, (f.start, f.end), exclude_head=False)
    return CountMention(field="force_size", count=f.count, start=f.start, end=f.end, group=group)


def _force_context(noun: Token, *, strong: bool) -> bool:
    head = noun.head
    if strong:
        return True
    if noun.dep_ == "nsubj" and _is(head, "force_attack_verbs"):
        return True  # "about 500 troops attacked"
    if noun.dep_ in ("dobj", "nsubjpass") and _is(head, "force_include_verbs"):
        return True  # "the attack included about 500 opposing forces"
    if noun.dep_ == "pobj" and head.lower_ == "of" and _is(head.head, "force_group_nouns"):
        return True  # "a force of 300 fighters"
    if noun.dep_ == "conj":
        return _force_context(noun.head, strong=False)
    return False
