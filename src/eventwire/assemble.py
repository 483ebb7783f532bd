"""Event assembly in one article: mentions of the same event become one record.

News is written as an inverted pyramid: the lead reports the event, later sentences come back
to it ("the attack", "the strikes", "the incident") with figures and sources. So a reported
mention joins an earlier event when it refers back to one (a definite noun with no roles of
its own) or when nothing separates them: dates within a day, places in the same admin unit,
and a compatible type family. Background mentions are grouped by type family and place.
The policy is named in each record (`policies`), so a run records what it did.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from unidecode import unidecode

from eventwire.actors import ActorBook
from eventwire.attribution import DOCUMENT_NOUNS, Attribution, framing_quotes
from eventwire.dates import told_as_a_later_day
from eventwire.facts import (
    ARMED_INTERS,
    CROWDS,
    UNIDENTIFIED,
    VIOLENT_ACTS,
    a_crowd,
    anyone,
    counted_victims,
    crowd_actors,
    event_actors,
    filler_actor,
    figure_claims,
    motive_claims,
    reconcile,
    reconcile_sides,
    said_claim,
    side_of,
    whose_fighters,
    without_civilian_doers,
    without_placed_fighters,
)
from eventwire.facts import event_type as facts_event_type
from eventwire.locate import LOCATION_POLICY, FoundPlace, choose_location, country_only
from eventwire.mentions import EventMention
from eventwire.nlp import gap_between
from eventwire.places.distance import km
from eventwire.models import Actor, Article, Claim, CountMention, DateValue, Event, Evidence, Location
from eventwire.responsibility import responsibility_claims
from eventwire.roles import POLICY as PARSE_ROLES_POLICY
from eventwire.status import DATE_POLICY, NEWS_DAYS, STATUS_POLICY, fallback_date
from eventwire.triggers import vocabulary
from eventwire.weapons import find_weapons

MERGE_POLICY = "lead_event_inverted_pyramid.v1"
# "stormed a village, killing 45 and torching homes": burning and looting in the sentence of
# an attack are part of it (ACLED codes one event), not events of their own; so are arrests
# in the sentence of a protest ("dispersed the rally and arrested 40": an intervention) or of
# an attack ("rounded up residents and beheaded four men").
PARTS_OF = {"violence": ("Looting/property destruction", "Arrests"), "Protests": ("Arrests", "violence"),
            "Arrests": ("violence",)}
# Arrests at a protest are its intervention wherever the article tells of them ("Police
# said 351 people had been detained"), and looting in an attack's article is part of the
# attack ("the militants also looted shops before withdrawing"), as long as day and place
# agree; so is force the police or army use on people who are not armed ("three people were
# killed when police opened fire"): with the dead, the protest is met with excessive force.
PARTS_ANYWHERE = {("Protests", "Arrests"), ("violence", "Looting/property destruction")}
STATEMENT_NOUNS = DOCUMENT_NOUNS | {"claim", "interview"}  # "In a separate statement, ...": another account
DOER_NOUNS = frozenset("attacker assailant gunman militant raider bomber insurgent fighter jihadist bandit".split())
TOWN_WORDS = frozenset("town city village".split())  # "near the town's main bus station": the town told before

ROUNDUP_UNITS = 3  # first-level units named in one sentence that make it a summary of several events


@dataclass
class Group:
    status: str
    mentions: list[EventMention] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    places: list[FoundPlace] = field(default_factory=list)
    anchors: set[int] = field(default_factory=set)  # words of sentences that go on telling it (tokens)

    @property
    def family(self) -> str:
        return family_of(self.mentions[0])


@dataclass
class ArticleFacts:
    """What the earlier stages found in one article, keyed by sentence start offset."""

    article: Article
    sentence_starts: list[int]
    mentions: list[tuple[EventMention, str, DateValue | None]]  # mention, status, date
    irrealis: list[EventMention]
    attributions: dict[int, Attribution]
    figures: dict[int, list[CountMention]]
    places: list[FoundPlace]
    sentences: dict[int, object]  # sentence start -> spaCy Span
    country: str | None
    roles_policy: str = PARSE_ROLES_POLICY  # parse rules alone, or with the trained role model (model_roles.py)
    headline_end: int = 0  # end of the headline line the text opens with (status.headline), else 0
    force: str | None = None  # the one country whose forces the article names (facts.named_force)
    landmarks: list[FoundPlace] = field(default_factory=list)  # places named as no event's (a hospital's town)

    @cached_property
    def towns(self) -> frozenset[tuple[int, int, str]]:
        """Spans and names of the geocoded places below country level, landmarks too: where,
        never who ("during the Tulkarm raid", when Tulkarm is only where the wounded died)."""
        return frozenset((p.mention.start, p.mention.end, p.mention.text) for p in (*self.places, *self.landmarks)
                         if p.location.lat is not None and not country_only(p.location))

    def sentence_of(self, offset: int) -> int:
        return self.sentence_starts[max(0, bisect_right(self.sentence_starts, offset) - 1)]


def assemble(facts: ArticleFacts, book: ActorBook) -> list[Event]:
    groups = _group(facts, book)
    _add_continued_places(groups, facts)
    lead = next((g for g in groups if g.status == "reported"), None)
    covered = {m.sent.start_char for g in groups for m in g.mentions}
    orphans = [s for s in facts.figures if s not in covered]  # figures in sentences without a trigger
    reported_places = [p for p in facts.places if p.sent_start in _reported_sentences(facts)]
    owners = _figure_owners(groups, facts)
    owners.update(_headline_figure_owners(groups, facts, owners))
    # "Al Shabaab claimed responsibility." with no trigger of its own speaks of the lead event
    untriggered = [facts.sentences[s] for s in sorted(facts.sentences) if s not in covered]
    orphans_of = _orphan_owners(orphans, groups, facts, lead)
    return [
        _event(group, facts, book, orphans_of.get(i, []), group is lead,
               [p for p in reported_places if not _of_another(p, group, groups)],
               foreign={start for start, owner in owners.items() if owner != i},
               untriggered=untriggered if group is lead else [], lead=lead)
        for i, group in enumerate(groups)
    ]


def _orphan_owners(orphans: list[int], groups: list[Group], facts: ArticleFacts, lead: Group | None) -> dict[int, list[int]]:
    """Group index -> the sentences with figures but no trigger it takes: the record told last
    before it in the same paragraph ("... ELN fighters clashed with the 33rd Front. Neither claim
    can be verified. The army said troops had recovered eight bodies."), else in the paragraph
    before when a paragraph opens with the figure ("... stormed Bamessing early Sunday." / "A
    lawyer said seven people had been killed."), else the lead."""
    told_in = {m.sent.start_char: i for i, g in enumerate(groups) for m in g.mentions if g.status == "reported"}
    lead_index = next((i for i, g in enumerate(groups) if g is lead), None)
    owners: dict[int, list[int]] = {}
    for start in orphans:
        owner = lead_index
        before = bisect_right(facts.sentence_starts, start) - 2
        later = facts.sentences[start]
        breaks = 0
        while before >= 0:
            previous = facts.sentences.get(facts.sentence_starts[before])
            if previous is None:
                break
            if "\n" in gap_between(previous, later):
                breaks += 1
                if breaks > 1 or later is not facts.sentences[start]:
                    break
            if previous.start_char in told_in:
                owner = told_in[previous.start_char]
                break
            before, later = before - 1, previous
        if owner is not None:
            owners.setdefault(owner, []).append(start)
    return owners


def _of_another(place: FoundPlace, group: Group, groups: list[Group]) -> bool:
    """The place is where another record of the article happened ("On Sunday, settlers
    attacked al-Mughayyir" is no settlement near which Tuesday's strike "in the West Bank" was)."""
    return any(place in other.places for other in groups if other is not group and other.status == "reported") \
        and place not in group.places


def _add_continued_places(groups: list[Group], facts: ArticleFacts) -> None:
    """"Separatists killed 11 passengers ... The attackers set up a roadblock near Mangochar in
    Kalat district": a sentence with no trigger whose subject names the doers again ("the
    attackers", "the gunmen") goes on telling the event of the sentence before, so where it
    says they were is where the event was."""
    told = {m.sent.start_char: g for g in groups for m in g.mentions}
    for before, start in zip(facts.sentence_starts, facts.sentence_starts[1:]):
        group = told.get(before)
        if start in told or group is None or group.status != "reported":
            continue
        root = facts.sentences[start].root
        clauses = [root, *(c for c in root.children if c.dep_ == "ccomp")]  # "..., an official told Reuters"
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in DOER_NOUNS and any(d.lower_ == "the" for d in c.children)
               for verb in clauses for c in verb.children):
            places = [p for p in facts.places if p.sent_start == start and p.locative and p not in group.places]
            group.places += places
            group.anchors |= {p.governor for p in places}  # as near the event as a trigger's place


def _figure_owners(groups: list[Group], facts: ArticleFacts) -> dict[int, int]:
    """Figure offset -> the group it counts for, in sentences that tell of more than one event
    ("The attack came days after clashes that killed 12 people": the 12 are the clashes'
    dead): the group of the innermost trigger whose phrase (short of the whole sentence) holds
    the figure, else of the trigger nearest it."""
    owners = {}
    for sent, figures in facts.figures.items():
        near = [(m, i) for i, g in enumerate(groups) for m in g.mentions if m.sent.start_char == sent]
        if len({i for _, i in near}) < 2:
            continue
        doc = near[0][0].sent.doc
        every = [(_phrase(m), i) for m, i in near]
        phrases = [(words, i) for (words, i), (m, _) in zip(every, near) if len(words) < len(m.sent)]  # not the main verb's
        mains = {i for (words, i), (m, _) in zip(every, near) if len(words) >= len(m.sent)}
        for figure in figures:
            span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
            holders = [(len(words), i) for words, i in phrases if span is not None and span.root.i in words]
            if not holders and span is not None:  # the subject's: "strikes have killed more than 270 since the ceasefire ..."
                verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
                holders = [(0, i) for m, i in near
                           if verb is not None and m.trigger.head.dep_ in ("nsubj", "nsubjpass") and m.trigger.head.head.i == verb.i]
            if not holders and len(mains) == 1:  # outside every other act's phrase: the main verb's
                holders = [(0, *mains)]  # ("Gunmen ambushed a patrol, killing two soldiers, and authorities found ...")
            owners[figure.start] = min(holders)[1] if holders else \
                min(near, key=lambda pair: abs(pair[0].start - figure.start))[1]
    return owners


def _headline_figure_owners(groups: list[Group], facts: ArticleFacts, owners: dict[int, int]) -> dict[int, int]:
    """A headline figure the body gives to one record ("...; army says six fighters killed",
    then "the army said it had killed six separatist fighters in a raid") is that record's,
    not the lead's."""
    headline_figures = [f for s, fs in facts.figures.items() if s < facts.headline_end for f in fs]
    if not headline_figures:
        return {}
    told = []  # per group, the (field, best) of the body figures it owns
    for i, group in enumerate(groups):
        sentences = {m.sent.start_char for m in group.mentions if m.start >= facts.headline_end}
        told.append({(f.field, f.count.best) for s in sentences for f in facts.figures.get(s, [])
                     if owners.get(f.start, i) == i})
    return {figure.start: i for figure in headline_figures
            for i in [next((i for i, own in enumerate(told) if (figure.field, figure.count.best) in own), None)]
            if i is not None}


def _phrase(mention: EventMention) -> set[int]:
    """The words (token indices) that tell of a mention's event: its trigger's subtree, or for
    a subject its verb's ("clashes ... left at least 14 people dead")."""
    head = mention.trigger.head
    return {t.i for t in (head.head if head.dep_ in ("nsubj", "nsubjpass") else head).subtree}


def _group(facts: ArticleFacts, book: ActorBook) -> list[Group]:
    groups: list[Group] = []
    sides = _Sides(book, facts.country, facts.force)
    focus: tuple[Group, int] | None = None  # the record a "Separately, ..." sentence began, till its paragraph ends
    previous: Group | None = None  # the record of the mention before
    for mention, status, when in facts.mentions:
        places = _own_places(mention, facts)
        if mention.start < facts.headline_end or _roundup(places):
            places = []  # a roundup's headline names the places of several events, as does "six in Nairobi, two in Matuu ..."
        apart = _sets_apart(mention.sent) or (_after_opener(mention.sent, vocabulary().new_act) is not None
                                              and not mention.trigger.kind.weak and not mention.anaphoric)
        if apart:
            candidates = [g for g in groups if any(m.sent == mention.sent for m in g.mentions)]
        elif focus is not None and mention.start < focus[1]:
            # the paragraph a "Separately, ..." sentence began goes on with its record first,
            # re-mentions too ("The fighting took place near ..."), then with any other
            candidates = [focus[0]] if _compatible([focus[0]], mention, status, when, places, sides) else groups
        elif previous is not None and _goes_on(mention, previous, facts.attributions.get(mention.sent.start_char), when):
            candidates = [previous, *(g for g in groups if g is not previous)]
        else:
            candidates = groups
        target = _compatible(candidates, mention, status, when, places, sides)
        if target is None:
            target = Group(status=status)
            groups.append(target)
        previous = target
        if apart:
            text = mention.sent.doc.text
            paragraph_end = text.find("\n", mention.sent.end_char)
            focus = (target, paragraph_end if paragraph_end >= 0 else len(text))
        if mention.anaphoric and target.places:
            # "The attack came days after strikes in Paktika": a re-mention does not bring the
            # places of the other events its sentence tells of
            others = [m for m, _, _ in facts.mentions if m is not mention and m.sent.start_char == mention.sent.start_char]
            places = [p for p in places if not any(_within(p, m.trigger.head) for m in others)]
        target.mentions.append(mention)
        target.dates += [when] if when else []
        target.places += [p for p in places if p not in target.places]
    return groups


def _own_places(mention: EventMention, facts: ArticleFacts) -> list[FoundPlace]:
    """The places of the mention's sentence, but those named inside another act's phrase and
    not its own ("a man was shot dead in Nakuru ..., while a parallel march in Nairobi ended
    without incident": Nairobi is the march's, not the shooting's, and Nakuru not the march's)."""
    places = [p for p in facts.places if p.sent_start == mention.sent.start_char]
    others = [m.trigger.head for m, _, _ in facts.mentions
              if m is not mention and m.sent.start_char == mention.sent.start_char]
    if not others or len(places) < 2:
        return places
    head = mention.trigger.head
    mine = head.head if head.dep_ in ("nsubj", "nsubjpass") else head
    own = [p for p in places if _within(p, mine) or not any(_within(p, o) and not _within(p, mine)
                                                              and o not in mine.subtree for o in others)]
    return own or places


def _roundup(places: list[FoundPlace]) -> bool:
    """A sentence that names places in three or more first-level units ("six people had been
    killed in Nairobi, two in Matuu in Machakos County, and one each in Nakuru and Nyeri")
    sums up several events; its places are none of them in particular."""
    units = {(p.location.country_code, p.location.admin1) for p in places if p.location.admin1}
    return len(units) >= ROUNDUP_UNITS


def _goes_on(mention: EventMention, previous: Group, said: Attribution | None, when) -> bool:
    """"On Thursday, troops freed 11 students after a gunfight, an army spokesman said. He said
    several bandits were killed": a sentence whose speaker is "he", "she" or "it" goes on with the
    statement before it, so its undated mentions belong to that sentence's record first. So does
    an undated sentence right after it in its paragraph, when that record has a day or a place
    of its own: "On Wednesday, a U.N. helicopter was fired on. A member of its crew was killed"."""
    last = previous.mentions[-1].sent
    sent = mention.sent
    gap = gap_between(last, sent)
    own = bool(previous.dates or previous.places)  # a record with a day or a place of its own
    if last != sent and last.end_char <= sent.start_char and "\n" in gap and not gap.strip() and own \
            and _only_deaths(mention) and when is None and previous.family == "violence" \
            and not any(m.fight for m in previous.mentions):
        return True  # "military jets bombed the village ... on Monday. [new paragraph] 12 people had died"
        # (not after a clash: "troops killed two ADF fighters in clashes. [new paragraph] Civil society said
        # 21 people were killed" counts the massacre told first)
    if last != sent and (last.end_char > sent.start_char or "\n" in gap):
        return False
    if said is not None and said.goes_on:
        return True
    return when is None and not mention.anaphoric and own and (last == sent or not gap.strip())


def _only_deaths(mention: EventMention) -> bool:
    """A mention that tells only that people died or were hurt ("12 people had died"), by no
    one named: the toll of the record told just before it."""
    return mention.trigger.kind.weak and not any(f.role == "attacker" for f in mention.roles)


TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:gmt|utc|local time)?\s*[-–—:]+\s*")


def _sets_apart(sent) -> bool:
    """The sentence opens with a cue for another event: "Separately, police said ...", "In a
    separate incident, ...", "Elsewhere, ..." (not "In a separate claim, the group said its
    fighters had killed three soldiers in the clash": another statement of the same event)."""
    following = _after_opener(sent, vocabulary().separate)
    if following is None:
        return False
    return not (following and following[0].strip(",") in STATEMENT_NOUNS)


def _after_opener(sent, cues: tuple[str, ...]) -> list[str] | None:
    """The words after the cue the sentence opens with (a live page's "15:40 — Separate
    incident: ..." too), or None when it opens with none of them."""
    opening = TIMESTAMP.sub("", sent.text.lstrip().lower())
    cue = next((c for c in cues if opening.startswith(c) and not opening[len(c):len(c) + 1].isalpha()), None)
    return None if cue is None else opening[len(cue):].split()


def _within(place: FoundPlace, head) -> bool:
    """Whether the place is named inside the phrase of a word ("strikes in Paktika ...")."""
    first, last = head.left_edge, head.right_edge
    return first.idx <= place.mention.start < last.idx + len(last)


def family_of(mention: EventMention) -> str:
    """The type family that may share a record: all violence is one, all protests and riots
    one (police breaking up a rally are part of it; a rally whose crowd throws stones is one
    riot), other types their sub-type."""
    kind = mention.trigger.kind
    if mention.fight and not mention.roles and any(a_crowd(t) for t in mention.sent):
        return "Protests"  # "Clashes broke out when police tried to stop the marchers": the protest's, a riot
    if kind.event_type in VIOLENT_ACTS:
        return "violence"
    if kind.sub_event_type == "Looting/property destruction" and any(
            a_crowd(t) for t in mention.sent if t.i < mention.trigger.head.i):
        return "Protests"  # "Student protesters set fire to a police station", "Protesters torch ...": the riot's
    return "Protests" if kind.event_type in ("Protests", "Riots") else kind.sub_event_type


def _compatible(groups, mention, status, when, places, sides: _Sides) -> Group | None:
    family = family_of(mention)
    same = [g for g in groups if g.status == status]
    antecedent = _antecedent(same, mention) if same else None
    if status == "reported" and mention.anaphoric and antecedent is not None and (
            when is None or not antecedent.dates or (_same_day(when, antecedent.dates[0]) and not (
                when.date != antecedent.dates[0].date and _goes_on_another_day(mention)))):
        return antecedent  # a re-mention, unless its own date says it is another ("On Sunday, ... air attacks")
    if status == "background" and mention.anaphoric and when is None and mention.aspect != "habitual":
        # "the ELN had admitted to the abduction": "the abduction" is the one reported, whatever the
        # tense; not "The fighting has killed 6,000 and displaced 600,000", the war's toll
        news = [g for g in groups if g.status == "reported" and g.family == family]
        if news:
            return news[0]
    if mention.trigger.kind.weak:  # deaths told alone join a record of their own kind first (a gunfight's, not a
        same = sorted(same, key=lambda g: (not ((g.family == family and (g.dates or g.places))  # protest's elsewhere)
                                                or _told_beside(mention, g)),
                                           not (when and g.dates and when.date == g.dates[0].date)))  # of their day
    if when is None and not places and not mention.trigger.kind.weak and not any(_told_beside(mention, g) for g in same):
        # "reports that Israeli civilians were setting fire to property", opening a paragraph:
        # undated and unplaced, an act told again in the same words is of the record that told it
        same = sorted(same, key=lambda g: not any(m.trigger.words == mention.trigger.words for m in g.mentions))
    for group in same:
        part_of_it = family in PARTS_OF.get(group.family, ()) and (
            (group.family, family) in PARTS_ANYWHERE
            or any(m.sent.start_char == mention.sent.start_char for m in group.mentions))
        if (group.family, family) == ("Protests", "violence"):
            # "killed when police opened fire"; "set fire to a police station ..., in clashes that
            # killed two": clashes naming no side, in a sentence of the protest, are its own
            part_of_it = sides.force_on_the_unarmed(mention) or (part_of_it and not any(
                r.role == "attacker" for r in mention.roles))
        if (group.family, family) == ("Arrests", "violence"):
            part_of_it = _the_means(mention, group)  # "police detained 12 people in raids"
        if group.family != family and not mention.trigger.kind.weak and not part_of_it:
            continue
        if when and group.dates and not _same_day(when, group.dates[0]):
            continue
        if when and group.dates and when.date != group.dates[0].date and told_as_a_later_day(when):
            continue  # "The next day, they attacked a military post"
        if when and group.dates and when.date != group.dates[0].date and (sides.new_attacker(mention, group) or (
                when.time_precision == 1 and (sides.new_parties(mention, group) or sides.armed_after_unarmed(mention, group)
                                              or _a_fight_after(mention, group)
                                              or _goes_on_another_day(mention) or _other_means(mention, group)))):
            continue  # "On Saturday, Rwandan troops clashed with the insurgents": the reply of another day
        if places and group.places and not _same_area(places, group.places):
            continue
        if _after_opener(mention.sent, vocabulary().sequence) is not None and _other_means(mention, group):
            continue  # "Later on Monday, a drone struck a minibus", after a day of street fighting
        if status == "background" and bool(when) != bool(group.dates):
            continue
        if sides.other_attacker(mention, group) or sides.another_interaction(mention, group):
            continue
        return group
    return None


CONTINUING = frozenset(("continue", "resume", "renew", "persist"))


def _goes_on_another_day(mention: EventMention) -> bool:
    """"The shelling continued on Tuesday, when shells hit the main market", "Fighting resumed
    on Tuesday morning": the same violence on a day of its own, which ACLED codes as an event
    of that day."""
    words = vocabulary().words
    return any(t.lemma_.lower() in CONTINUING and any(
        c.dep_ == "nsubj" and (c.lemma_.lower(),) in words for c in t.children) for t in mention.sent)


def _a_fight_after(mention: EventMention, group: Group) -> bool:
    """A fight on another day than a one-sided attack ("On Monday, vigilantes tracked the
    attackers into the forest ... killed three bandits in a gunfight" after Sunday's raid on a
    village): the pursuit, not the raid; and a one-sided act on another day than a fight ("On
    Sunday, gunmen killed a former FARC fighter at his farm" after Saturday's clashes). Not
    deaths told alone ("two of the wounded died on Tuesday")."""
    if mention.anaphoric or _only_deaths(mention):
        return False
    return mention.fight != any(m.fight for m in group.mentions if not _only_deaths(m))


def _other_means(mention: EventMention, group: Group) -> bool:
    """Another kind of act than the record's on another day: Sunday's mortar rounds near the
    airport are not Monday's car bomb at a cafe (ACLED codes each day's act apart)."""
    if mention.trigger.kind.weak or mention.anaphoric:
        return False
    strong = [m for m in group.mentions if not m.trigger.kind.weak and not m.anaphoric]
    # a sentence telling two kinds of act ("A drone strike on the camp and artillery shelling
    # of a market killed 18") sums up; the record's own kind is in the sentences telling one
    own = [m for m in strong if not any(o.sent == m.sent and _kind(o) != _kind(m) for o in strong)]
    kinds = {_kind(m) for m in own or strong}
    return bool(kinds) and _kind(mention) not in kinds


def _kind(mention: EventMention) -> str:
    return mention.trigger.kind.sub_event_type


def _told_beside(mention: EventMention, group: Group) -> bool:
    """The group has a mention in the mention's paragraph, up to it."""
    return any(other.sent.start <= mention.sent.start and "\n" not in gap_between(other.sent, mention.sent)
               for other in group.mentions)


GENERIC_KINDS = frozenset({"Armed clash", "Attack"})  # "the attack", "the incident": any act


def _antecedent(groups: list[Group], mention: EventMention) -> Group:
    """The record a re-mention speaks of: the latest told with its word ("the clash" after
    "Rwandan troops clashed with the insurgents", not the massacre before), for "the fighting"
    the latest battle, else the first."""
    same_word = next((g for g in reversed(groups) if any(m.trigger.words == mention.trigger.words for m in g.mentions)),
                     None)
    if same_word is None and mention.fight:  # "after the fighting": the latest clash, told with other words
        same_word = next((g for g in reversed(groups) if any(m.fight or m.trigger.kind.event_type == "Battles"
                                                             for m in g.mentions)), None)
    if same_word is None and _kind(mention) not in GENERIC_KINDS:  # "in the shelling on Sarrin" after "factions shelled Sarrin"
        same_word = next((g for g in reversed(groups) if any(_kind(m) == _kind(mention) for m in g.mentions)), None)
    return same_word or groups[0]


class _Sides:
    """Who acts in a mention, normalised once: India's strikes on Pakistan and Pakistan's
    shelling across the border, told in one article, are two events, not one."""

    def __init__(self, book: ActorBook, country: str | None, force: str | None):
        self.book, self.country, self.force = book, country, force
        self._actors: dict[tuple[str, str], Actor] = {}

    def actor(self, filler) -> Actor:
        key = (filler.text, filler.role)
        if key not in self._actors:
            self._actors[key] = filler_actor(filler, self.book, self.country, self.force)
        return self._actors[key]

    def named(self, mention: EventMention, roles: tuple[str, ...]) -> set[str]:
        """The named armed actors (no unidentified group) of the mention in these roles."""
        names = set()
        for filler in mention.roles:
            if filler.role in roles:
                actor = self.actor(filler)
                if _armed(actor) and not actor.name.startswith(UNIDENTIFIED):
                    names.add(actor.name)
        return names

    def force_on_the_unarmed(self, mention: EventMention) -> bool:
        """State forces act, and no one armed is done to."""
        attackers = [self.actor(f) for f in mention.roles if f.role == "attacker"]
        hit = [self.actor(f) for f in mention.roles if f.role in ("target", "victim")]
        return bool(attackers) and all(a.inter == 1 for a in attackers) and not any(_armed(a) for a in hit)

    def another_interaction(self, mention: EventMention, group: Group) -> bool:
        """"After overrunning the post, the jihadists moved into the town, where they ... shot
        at residents": an act against civilians only, beside a record of fighting armed men,
        is another event (ACLED codes the attack on the post and the killing of residents apart);
        so is state forces' act on armed men beside a record against civilians."""
        if mention.anaphoric or group.family != "violence" or family_of(mention) != "violence" or (
                mention.trigger.kind.weak and not any(f.role == "attacker" for f in mention.roles)):
            return False  # deaths told alone are the record's
        hit = [self.actor(f) for f in mention.roles if f.role in ("target", "victim")]
        theirs = [self.actor(f) for m in group.mentions for f in m.roles if f.role in ("target", "victim")]
        if not hit or not theirs:
            return False
        if all(a.inter == 7 for a in hit):
            return any(_armed(a) for a in theirs) and not any(a.inter == 7 for a in theirs)
        # and the other way round: "security forces had killed 12 terrorists" after gunmen shot
        # dead nine passengers is the forces' operation, not the massacre
        doers = [self.actor(f) for f in mention.roles if f.role == "attacker"]
        known = [a for a in theirs if a.inter is not None]  # not "six bodies"
        if mention.fight and known and all(a.inter == 7 for a in known) and any(_armed(a) for a in hit):
            return True  # "the confrontation with Rwandan troops" beside the beheading of villagers
        return all(_armed(a) for a in hit) and any(a.inter == 1 for a in doers) \
            and all(a.inter == 7 for a in theirs)

    def new_attacker(self, mention: EventMention, group: Group) -> bool:
        """The mention's attacker is named and attacks in none of the group's mentions."""
        mine = self.named(mention, ("attacker",))
        return bool(mine) and not mine & set().union(*(self.named(m, ("attacker",)) for m in group.mentions))

    def new_parties(self, mention: EventMention, group: Group) -> bool:
        """An act done to someone new, by no one told: "On Wednesday, a U.N. helicopter was
        fired on" after Tuesday's fighting between the army and the White Army. Not a death
        ("two of the wounded died on Wednesday"), nor an act in a record whose doer is unnamed
        ("The bomber struck on Monday" after the toll rose on Tuesday)."""
        if mention.trigger.kind.weak or mention.anaphoric or any(f.role == "attacker" for f in mention.roles):
            return False
        done_to = {self.actor(f).name for f in mention.roles if f.role in ("target", "victim")}
        if not done_to or not set().union(*(self.named(m, ("attacker",)) for m in group.mentions)):
            return False
        return not done_to & {self.actor(f).name for m in group.mentions for f in m.roles}

    def armed_after_unarmed(self, mention: EventMention, group: Group) -> bool:
        """"On Monday, an army patrol sent to the area came under fire", the day after gunmen
        killed villagers: an act on armed men told for another day, beside a record whose
        victims are all civilians, is another event (whoever did it)."""
        if mention.anaphoric or mention.trigger.kind.weak:
            return False
        hit = [self.actor(f) for f in mention.roles if f.role in ("target", "victim")]
        theirs = [a for m in group.mentions for f in m.roles if f.role in ("target", "victim")
                  and (a := self.actor(f)).inter is not None]
        return bool(hit) and all(_armed(a) for a in hit) and bool(theirs) and all(a.inter == 7 for a in theirs)

    def other_attacker(self, mention: EventMention, group: Group) -> bool:
        """The mention's attacker is named, and is neither an attacker of the group nor anyone
        it was done to (a counter-attack by the other side is the same fight)."""
        if mention.anaphoric or group.family != "violence":
            return False  # police and protesters both "attack" in one protest
        if mention.fight and any(m.fight for m in group.mentions):
            return False  # in a clash both sides attack: "ELN, FARC dissidents clash", "fighting between the ELN and ..."
        if any(_describes_a_party(m) for m in (mention, *group.mentions)):
            return False  # "tanks that Islamic State seized": told about a party, with no time or place of its own
        mine = self.named(mention, ("attacker",))
        theirs = set().union(*(self.named(m, ("attacker",)) for m in group.mentions))
        if not mine or not theirs or mine & theirs:
            return False
        hit = set().union(*(self.named(m, ("target", "victim")) for m in group.mentions))
        return not mine & hit


def _armed(actor: Actor) -> bool:
    """State forces or an armed group (not rioters, protesters or civilians)."""
    return side_of(actor) in ("state", "armed")


def _the_means(mention: EventMention, group: Group) -> bool:
    """The trigger says how the group's act was done: "detained 12 people in raids", "arrested
    during a raid"."""
    prep = mention.trigger.head.head
    return mention.trigger.head.dep_ == "pobj" and prep.lower_ in ("in", "during") \
        and any(t in m.trigger.span for m in group.mentions for t in prep.ancestors)


def _describes_a_party(mention: EventMention) -> bool:
    """The trigger is in a clause that describes a noun ("tanks that IS seized", "tanks
    captured by IS fighters")."""
    head = mention.trigger.head
    return head.dep_ in ("relcl", "acl") or any(t.dep_ in ("relcl", "acl") for t in head.ancestors
                                                 if t.sent == head.sent and t.pos_ == "VERB")


def _same_day(a: DateValue, b: DateValue) -> bool:
    if max(a.time_precision, b.time_precision) > 1:
        a_end, b_end = a.date_end or a.date, b.date_end or b.date
        return a.date <= b_end and b.date <= a_end
    return abs((a.date - b.date).days) <= 1


APART_KM = 15  # two towns named as where, farther apart than this, are two events' places


def _towns(places: list[FoundPlace]) -> list[tuple[float, float]]:
    """Where the places named as where (locative) are, for those the index knows as towns."""
    return [(p.location.lat, p.location.lon) for p in places
            if p.locative and p.where and p.location.geo_precision == 1 and p.location.lat is not None
            and not p.location.reason]


def _same_area(new: list[FoundPlace], old: list[FoundPlace]) -> bool:
    # "set fire to ... in Matuu, about 70 km east of Nairobi": where it happened, not the
    # landmark that says where that is
    new = [p for p in new if p.locative] or new

    def units(places):  # a name the index lacks, answered with the unit the context names, is a guess
        found = [p for p in places if p.location.lat is not None]
        sure = [p for p in found if not p.location.reason]
        return {(p.location.country_code, p.location.admin1) for p in sure or found}
    old = _told_in_one_area(old, units)
    a, b = units(new), units(old)
    if not a or not b:
        return True
    towns_a, towns_b = _towns(new), _towns(old)
    if towns_a and towns_b and all(km(*x, *y) > APART_KM for x in towns_a for y in towns_b):
        return False  # "a drone hit a car in Bint Jbeil ... Hours later, a strike on a house in Khiam": two places
    countries_a, countries_b = {c for c, _ in a}, {c for c, _ in b}
    admin_a, admin_b = {x for x in a if x[1]}, {x for x in b if x[1]}
    if admin_a and admin_b:
        if not admin_a & admin_b:
            return False
        # "the front of Al-Mashjah, west of Sirwah district" and "a residential neighbourhood in
        # the city of Harib": one governorate, two districts
        districts_a, districts_b = _districts(new), _districts(old)
        return not (districts_a and districts_b) or bool(districts_a & districts_b)
    return bool(countries_a & countries_b)


def _told_in_one_area(places: list[FoundPlace], units) -> list[FoundPlace]:
    """A record's places less those of a sentence that names two first-level units ("killed at
    least eight people in the port city of Hodeidah and in the rebels' stronghold of Saada") or
    two countries ("neutralized nine terrorists in northern Iraq and Syria"): such a lead sums up
    events, and its places are not one record's area when others are told."""
    by_sentence: dict[int, list[FoundPlace]] = {}
    for place in places:
        by_sentence.setdefault(place.sent_start, []).append(place)
    one = [p for group in by_sentence.values()
           if len({u for u in units(group) if u[1]}) < 2 and len({country for country, _ in units(group)}) < 2
           for p in group]
    return one or places


def _districts(places: list[FoundPlace]) -> set[tuple[str | None, str]]:
    """The second-level units the places named as where lie in, as the index knows them for sure."""
    return {(p.location.country_code, unidecode(p.location.admin2).lower()) for p in places
            if p.where and p.location.admin2 and p.location.lat is not None and not p.location.reason}


def _event(group: Group, facts: ArticleFacts, book: ActorBook, orphans: list[int], is_lead: bool,
           reported_places: list[FoundPlace], foreign: set[int], untriggered: list = (),
           lead: Group | None = None) -> Event:
    article = facts.article
    sentences = sorted({m.sent.start_char for m in group.mentions} | set(orphans))
    triggers = frozenset(t.i for m in group.mentions for t in m.trigger.span) | group.anchors
    # only news takes a settlement named elsewhere in the article; a background record of acts
    # "in Borno" is not at the village of today's bombing
    nearby = reported_places if group.status == "reported" else []
    location = choose_location(group.places, nearby, triggers) if group.places else (
        _the_town_told_before(group, facts) if group.status == "reported" else None) or Location(
        reason="no place named in the sentences that report the event")
    country = location.country_code or facts.country
    actors = without_placed_fighters(event_actors(group.mentions, book, country, places=facts.towns, force=facts.force))
    # the body's words are exacter; a part (arrests at a protest, looting in a raid) never types the event
    parts = PARTS_OF.get(group.family, ())
    body_first = sorted(group.mentions, key=lambda m: (family_of(m) in parts, m.start < facts.headline_end))
    own = [m for m in body_first if family_of(m) not in parts] or body_first  # a weak word of its own first
    figures = [f for s in sentences for f in facts.figures.get(s, []) if f.start not in foreign]
    # whom each casualty figure counts, normalised once: it types the event and sides the toll
    whom = {f.start: whose_fighters(book.normalise(f.group, "victim", country_code=country), actors) for f in figures
            if f.field in ("fatalities", "injuries") and f.group and f.count.best != 0}
    sides = {start: None if _of_both_sides(f.group, book, country) else side_of(whom[start])
             for f in figures if (start := f.start) in whom}
    fatalities, fatalities_policy = _fatalities(_body_first(figures, "fatalities", facts.headline_end), facts, sides)
    injuries = reconcile(_body_first(figures, "injuries", facts.headline_end))
    harmed = bool(fatalities.best or injuries.best)
    # a part of the toll ("including 14 soldiers") names victims but does not type the event
    wholes = {f.start for f in figures if not f.part} or {f.start for f in figures}
    typing = [actor for start, actor in whom.items() if start in wholes]
    event_type, sub_event_type, cameo = facts_event_type(own, actors, typing, harmed, told=body_first)
    if event_type == "Battles":  # each side's dead, whoever counts them, are part of the toll
        fatalities, fatalities_policy = _fatalities(_body_first(figures, "fatalities", facts.headline_end), facts,
                                                    sides, fight=True)
    if event_type not in CROWDS:
        actors = without_civilian_doers(actors)
    actors = crowd_actors(counted_victims(actors, list(whom.values()), event_type), event_type)
    when = _date(group, article.published, lead)
    claims = figure_claims(figures, facts.attributions, facts.sentence_of, article.id, article.text)
    if is_lead:
        claims += motive_claims(facts.irrealis, facts.attributions, article.id)
        claims += _framing(facts, group)
    claims += _event_claims(group, facts)
    claims += responsibility_claims(group.mentions, facts.attributions, book, country, article.id, untriggered,
                                    sides={a.name for a in actors if a.role in ("attacker", "target")
                                           or a.inter in ARMED_INTERS})
    actors = _claimed_attackers(actors, claims, book, country)
    evidence = [_evidence(facts.sentences[s], article.id) for s in sentences]
    key = f"{article.id}|{group.mentions[0].start}|{sub_event_type}"
    return Event(
        event_id="ew-" + hashlib.sha1(key.encode()).hexdigest()[:16],
        status=group.status,
        event_date=when.date if when else None,
        date_end=when.date_end if when else None,
        time_precision=when.time_precision if when else None,
        event_type=event_type,
        sub_event_type=sub_event_type,
        cameo=cameo,
        actors=actors,
        location=location,
        fatalities=fatalities,
        injuries=injuries,
        weapons=find_weapons(facts.sentences[s] for s in sentences),
        claims=claims,
        sources=_sources(claims, article),
        articles=[article.id],
        evidence=evidence,
        policies={"status": STATUS_POLICY, "date": DATE_POLICY, "merge": MERGE_POLICY,
                  "location": LOCATION_POLICY, "fatalities": fatalities_policy,
                  "roles": facts.roles_policy},
    )


def _the_town_told_before(group: Group, facts: ArticleFacts) -> Location | None:
    """"a drone struck a minibus near the town's main bus station": a record that names no
    place but "the town" (or city, village) is in the town the article named as where before
    it, if it named one only."""
    first = min(m.start for m in group.mentions)
    sents = {m.sent.start_char: m.sent for m in group.mentions}.values()
    if not any(t.lower_ in TOWN_WORDS and any(c.lower_ == "the" for c in t.children) for sent in sents for t in sent):
        return None
    told = [p for p in facts.places if p.where and p.locative and p.mention.start < first
            and p.mention.start >= facts.headline_end and p.location.geo_precision in (1, 2)
            and p.location.lat is not None and not p.location.reason]
    towns = {p.location.geonames_id or p.location.name for p in told}
    # only when the article has told of that one town so far (a bulletin's "the village" is
    # none of its towns in particular)
    return told[0].location if len(towns) == 1 and told[0].location.geo_precision == 1 else None


def _of_both_sides(group: str, book: ActorBook, country: str | None) -> bool:
    """"A soldier and three suspected members of the Maute Group": a figure summed over groups
    of different sides counts no one side."""
    pieces = group.split(" and ")
    return len(pieces) > 1 and len({side_of(book.normalise(p, "victim", country_code=country))
                                    for p in pieces} - {None}) > 1


def _fatalities(figures: list[CountMention], facts: ArticleFacts, sides: dict[int, str | None], *,
                fight: bool = False):
    """The event's fatalities and the policy that gave them (facts.reconcile_sides); `sides`:
    the side each figure counts, by its start."""
    said = [facts.attributions.get(facts.sentence_of(f.start), Attribution()).of(f.start) for f in figures]
    figures = [f.model_copy(update={"unconfirmed": True}) if s.hedge == "unconfirmed" else f
               for f, s in zip(figures, said)]
    speakers = [s.speaker for s in said]
    sided = [None if anyone(f.group) else sides.get(f.start) for f in figures]
    disputed = [s.hedge == "disputed" for s in said]
    if any(disputed) and not all(disputed):
        # "the NPA claimed its fighters killed five soldiers ... The Army dismissed the claim":
        # a figure another party disputes is no best estimate; it stays a claim, and the high
        count, policy = reconcile_sides(*zip(*[(f, s, p) for f, s, p, d in zip(figures, sided, speakers, disputed)
                                               if not d]), fight=fight)
        highest = max([count.high or count.best or 0, *(f.count.best or 0 for f, d in zip(figures, disputed) if d)])
        return count.model_copy(update={"high": highest}) if count.best else count, policy
    return reconcile_sides(figures, sided, speakers, fight=fight)


def _body_first(figures: list[CountMention], field: str, headline_end: int) -> list[CountMention]:
    """The figures of one field, without the headline's when the body gives one: a roundup's
    headline ("strikes hit Kharkiv, two killed in Kherson") mixes its events' figures."""
    mine = [f for f in figures if f.field == field]
    body = [f for f in mine if f.start >= headline_end]
    return body or mine


def _claimed_attackers(actors: list[Actor], claims: list[Claim], book: ActorBook, country: str | None) -> list[Actor]:
    """A group that claims the attack is its attacker (ACLED's practice) when the text names
    no attacker but unidentified ones ("a suicide bomber ...; Al Shabaab claimed responsibility").
    Where a named armed group is the attacker, "the militants" beside it are that group, not a
    second, unidentified one ("Al Shabaab fighters attacked ...; the militants detonated ...")."""
    unidentified = [a for a in actors if a.role == "attacker" and a.name.startswith(UNIDENTIFIED)]
    if any(a.role == "attacker" and a not in unidentified and a.inter in (2, 3, 4) for a in actors):
        return [a for a in actors if a not in unidentified]
    if any(a.role == "attacker" and a not in unidentified for a in actors):
        return actors
    claimed = [c for c in claims if c.field == "responsibility" and c.stance == "claimed_or_admitted"]
    if not claimed:
        return actors
    found = book.normalise(claimed[0].text, "attacker", country_code=country)
    return [a for a in actors if a.role != "attacker"] + [found]


def _date(group: Group, published: date | None, lead: Group | None = None) -> DateValue | None:
    """The record's date: the most precise told; for undated news, the day of the article's
    lead when it is dated to one of the last few days ("... police fired on marchers in Maputo on
    Thursday ... In Nampula, youths set fire to a police station": Thursday too), else the
    publication day."""
    if group.dates:
        return min(group.dates, key=lambda d: (d.time_precision, group.dates.index(d)))
    if group.status != "reported":
        return None
    told = _date(lead, published) if lead is not None and lead is not group and lead.dates else None
    if told is not None and told.time_precision == 1 and published is not None \
            and 0 <= (published - told.date).days <= NEWS_DAYS:
        return told
    return fallback_date(published)


def _reported_sentences(facts: ArticleFacts) -> set[int]:
    background = {m.sent.start_char for m, status, _ in facts.mentions if status == "background"}
    return set(facts.sentence_starts) - background


def _framing(facts: ArticleFacts, group: Group) -> list[Claim]:
    """Evaluative quotes in sentences that speak of this event (or of "the incident")."""
    anaphora = vocabulary().anaphora
    own = {m.sent.start_char for m in group.mentions}
    claims = []
    for start, sent in facts.sentences.items():
        refers = start in own or any(t.lemma_.lower() in anaphora and t.pos_ == "NOUN" for t in sent)
        if not refers:
            continue
        said = facts.attributions.get(start, Attribution())
        for words, begin, end in framing_quotes(sent):
            claims.append(said_claim(said, field="framing", value=words, text=words, kind="framing",
                                     article_id=facts.article.id, start=begin, end=end))
    return claims


def _event_claims(group: Group, facts: ArticleFacts) -> list[Claim]:
    """That the event happened, as each attributed sentence reporting it says."""
    claims, seen = [], set()
    for mention in group.mentions:
        said = facts.attributions.get(mention.sent.start_char, Attribution())
        if not (said.speaker or said.outlet) or mention.sent.start_char in seen:
            continue
        seen.add(mention.sent.start_char)
        words = mention.trigger.span.text
        claims.append(said_claim(said, field="event", value=words, text=words, article_id=facts.article.id,
                                 start=mention.start, end=mention.end))
    return claims


def _sources(claims: list[Claim], article: Article) -> list[str]:
    names = [article.outlet] if article.outlet else []
    for claim in claims:
        names += [n for n in (claim.outlet, claim.speaker) if n]
    return list(dict.fromkeys(names))


def _evidence(sent, article_id: str) -> Evidence:
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Evidence(article_id=article_id, start=start, end=start + len(text), text=text)
