"""Facts of one event from its sentences: type, actors, casualty figures, claims.

Small pure functions used by `assemble`: each takes the mentions (and what was found in their
sentences) of one event and returns one field of the record.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors import ActorBook, same_name
from eventwire.attribution import Attribution
from eventwire.casualties import names_one
from eventwire.mentions import EventMention
from eventwire.models import Actor, Claim, Count, CountMention
from eventwire.numbers import number_words
from eventwire.locate import PART_WORDS
from eventwire.roles import RoleFiller
from eventwire.triggers import intervened
from eventwire.weapons import find_weapons, is_weapon_word

RECONCILE_POLICY = "acled_conservative.v1"
SIDES_POLICY = "acled_conservative_per_side_summed.v1"
SIDES_APART_POLICY = "per_side_by_other_sources_largest.v1"
# "soldiers", "the troops": forces the words give no owner ("its air defences", "Palestinian
# Authority security forces" have one)
BARE_FORCES = re.compile(r"^\s*(?:the\s+)?(?:soldiers?|troops|army|military|forces)\s*$", re.IGNORECASE)
ARMED_INTERS = (1, 2, 3, 8)
VIOLENT_TYPES = ("Battles", "Violence against civilians", "Strategic developments")
VIOLENT_ACTS = ("Battles", "Explosions/Remote violence", "Violence against civilians")
RIOT = ("Riots", "Violent demonstration", "145")
EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters", "175")
INTERVENTION = ("Protests", "Protest with intervention", "1724")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack", "194")
GROUND_FIRED = frozenset(("missile", "rocket", "artillery", "mortar"))
AIRBORNE = frozenset(("aircraft", "drone", "barrel bomb"))
LAID_EXPLOSIVES = frozenset(("improvised explosive device", "landmine", "car bomb"))
REMOTE_EXPLOSIVE = ("Explosions/Remote violence", "Remote explosive/landmine/IED", "183")
REMOTE_BY_WEAPON = (
    (AIRBORNE, ("Explosions/Remote violence", "Air/drone strike", "195")),
    (GROUND_FIRED, SHELLING),
    (LAID_EXPLOSIVES, REMOTE_EXPLOSIVE),
)
HOMES = frozenset("village hamlet camp settlement neighbourhood neighborhood".split())  # where civilians live
ANYONE_NOUNS = frozenset("man woman person people boy girl child".split())  # "a fifth man": of all the dead
MOTIVE_LEMMAS = frozenset(["attempt", "try", "seek", "aim", "intend", "plan", "want", "hope"])


def event_type(mentions: Sequence[EventMention], actors: Sequence[Actor],
               counted: Sequence[Actor] = (), harmed: bool = False,
               told: Sequence[EventMention] = ()) -> tuple[str, str, str]:
    """ACLED type, sub-type and CAMEO of the event, from its first strong trigger. A bare
    "strike" by missiles, rockets or guns with no aircraft or drone named in its sentence is
    shelling, and one on a landmine or IED is a remote explosive; an event known only by its casualties ("killing two") takes its type from a
    remote weapon named in that sentence (drone, missile, landmine ...). Where no actor says
    who was hit, the groups its casualty figures count (`counted`: "12 worshippers") do. A
    protest that state forces act on, or whose sentences tell of tear gas, dispersal or
    arrests, is a protest with intervention; with someone killed or injured (`harmed`), it
    is excessive force against protesters. `told` are all the mentions of the event, its
    parts (arrests at a protest) among them: they type nothing, but their sentences count."""
    strong = [m for m in mentions if not m.trigger.kind.weak] or list(mentions)
    kind = strong[0].trigger.kind
    names = {w.name for w in find_weapons([strong[0].sent])}
    if kind.sub_event_type == "Air/drone strike" and strong[0].trigger.head.lemma_.lower() == "strike" \
            and not names & AIRBORNE:
        if names & GROUND_FIRED:
            return SHELLING
        if names & LAID_EXPLOSIVES:  # "a minibus struck an improvised explosive device"
            return REMOTE_EXPLOSIVE
    if kind.weak and names:  # "a Russian drone hit a car, killing two": remote violence, by its weapon
        for found, typed in REMOTE_BY_WEAPON:
            if names & found:
                return typed
    means = _means(strong[0])
    if kind.event_type == "Battles" and means:  # "attacked a police station with explosive-laden drones"
        for found, typed in REMOTE_BY_WEAPON:
            if means & found:
                return typed
    # who was hit, among those the actor book knows (a named person or a place is no group)
    undergoers = [a for a in actors if a.role in ("target", "victim") and a.inter is not None]
    if not strong[0].fight:  # the dead of a gunbattle are its fighters
        undergoers = undergoers or [a for a in counted if a.inter is not None]
    attackers = [a for a in actors if a.role == "attacker"]
    crowd = [a for a in actors if a.inter in (5, 6)]
    if kind.sub_event_type == "Looting/property destruction" and (
            any(a.role == "attacker" for a in crowd) or _crowd_violence(strong[0])):
        return RIOT  # "protesters set fire to a police station", "youths torched a police post": a riot
    if crowd and kind.event_type in VIOLENT_TYPES:
        if any(a.role == "attacker" for a in crowd):
            return RIOT  # violence by protesters or rioters is a riot (ACLED)
        if attackers and all(a.inter == 1 for a in attackers):
            return EXCESSIVE_FORCE  # police or troops firing on protesters
    if kind.event_type == "Protests" and any(_crowd_violence(m) for m in (*mentions, *told)):
        return RIOT  # "a section of the protesters set fire to the police station": a riot, whatever police did
    if kind.event_type == "Protests" and (any(a.inter == 1 for a in attackers)
                                          or any(intervened(m.sent) for m in (*mentions, *told))):
        return EXCESSIVE_FORCE if harmed else INTERVENTION
    sides = {a.name for a in actors if a.role in ("attacker", "target") and a.inter in ARMED_INTERS}
    if strong[0].fight and len(sides) >= 2:
        return kind.event_type, kind.sub_event_type, kind.cameo  # two armed sides clash; the civilians were caught in it
    if kind.territory:  # "seized 300 schoolgirls" is an abduction, "seized the town" (where civilians died) is not
        own = {r.text for r in strong[0].roles if r.role in ("target", "victim")}
        undergoers = [a for a in undergoers if a.mention in own]
    # "three of the attackers were killed when local youth repulsed them": a raid met with arms is a fight
    fought_back = any(a.inter in ARMED_INTERS and a.name in {b.name for b in attackers} for a in counted)
    if kind.civilian and undergoers and all(a.inter == 7 for a in undergoers) and not fought_back:
        return kind.civilian
    if kind.civilian and not undergoers and attackers and all(a.inter in (2, 3, 4) for a in attackers) and any(
            r.role == "target" and r.head.lemma_.lower() in HOMES for r in strong[0].roles):
        return kind.civilian  # "settlers attacked the village of al-Mughayyir": no one armed is named there
    if kind.armed and undergoers and all(a.inter in ARMED_INTERS for a in undergoers):
        return kind.armed
    if kind.territory:
        state = any(a.inter == 1 for a in attackers)
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        return kind.event_type, sub, kind.cameo
    return kind.event_type, kind.sub_event_type, kind.cameo


def _means(mention: EventMention) -> set[str]:
    """The weapons an attack is made "with" ("attacked the station with drones and mortars")."""
    head = mention.trigger.head
    phrases = [head.doc[c.left_edge.i : c.right_edge.i + 1] for c in head.children
               if c.dep_ == "prep" and c.lower_ == "with"]
    return {w.name for w in find_weapons(phrases)}


# the doers of the attack, counted (as written, plural: not assemble.DOER_NOUNS, whose "fighters"
# and "militants" may be a target's)
DOER_WORDS = frozenset(("attackers", "assailants", "gunmen", "raiders", "bombers"))
CROWD_LEMMAS = frozenset("protester demonstrator rioter crowd mob student youth marcher mourner".split())


def a_crowd(token) -> bool:
    """A crowd word, but not an armed one: "the armed youth" of South Sudan are a militia."""
    return token.lemma_.lower() in CROWD_LEMMAS and not any(
        c.dep_ == "amod" and c.lemma_.lower() == "armed" for c in token.children)


def _crowd_violence(mention: EventMention) -> bool:
    """A crowd's own act of violence or destruction ("protesters set fire to the police
    station", "protesters hurled stones at police")."""
    kind = mention.trigger.kind
    violent = kind.event_type in VIOLENT_ACTS or kind.sub_event_type == "Looting/property destruction"
    return violent and not kind.weak and any(
        r.role == "attacker" and a_crowd(r.head) for r in mention.roles)


def counted_victims(actors: Sequence[Actor], counted: Sequence[Actor], event_type: str) -> list[Actor]:
    """The event's actors with the groups its casualty figures count that no actor names yet:
    "five civilians were killed in an air strike" has the civilians as victims (ACLED's actor
    2), as "gunmen killed five civilians" does, and "militants killed 16 soldiers ...; eight
    militants were also killed" has the soldiers as victims beside the militants. Only in acts
    of violence (a ceasefire or a protest is done to no one), never beside a named victim (the
    figure counts that person) nor on a side an actor already stands for, and civilians are no
    side of a battle."""
    if event_type not in VIOLENT_ACTS or any(a.role == "victim" and a.inter is None for a in actors):
        return list(actors)
    out, names = list(actors), {a.name for a in actors}
    sides = {side_of(a) for a in actors if a.role in ("target", "victim") and a.inter is not None}
    for actor in sorted(counted, key=lambda a: a.name.startswith("Unidentified")):  # named groups first
        if actor.inter is None or actor.name in names or side_of(actor) in sides \
                or (event_type == "Battles" and actor.inter == 7):
            continue  # "strikes on al Qaeda killed 20 militants": the militants are al Qaeda's
        out.append(actor)
        names.add(actor.name)
        sides.add(side_of(actor))
    return out


UNIDENTIFIED = "Unidentified Armed Group"  # actors.toml's name for gunmen, militants, bombers
NEUTRAL_FIGHTERS = re.compile(r"^\W*(?:the\s+|our\s+|\w+\s+)?(?:\w+\s+)?(?:fighters|combatants)\W*$", re.I)


def whose_fighters(counted: Actor, actors: Sequence[Actor]) -> Actor:
    """"Militants attacked a checkpoint of the Popular Mobilization Forces, killing three
    fighters": fighters that no name claims, killed in an attack on one armed target, are the
    target's, not an unidentified group of their own. Words that tell a hostile side
    ("militants", "attackers", "terrorists") keep their own reading."""
    if not counted.name.startswith(UNIDENTIFIED) or not NEUTRAL_FIGHTERS.match(counted.mention or ""):
        return counted
    targets = {a.name: a for a in actors if a.role in ("target", "victim") and a.inter not in (None, 7)
               and not a.name.startswith(UNIDENTIFIED)}
    if len(targets) != 1:
        return counted
    target = next(iter(targets.values()))
    return counted.model_copy(update={"name": target.name, "inter": target.inter, "kind": target.kind,
                                      "country_code": target.country_code})


def without_placed_fighters(actors: Sequence[Actor]) -> list[Actor]:
    """The actors less the unnamed fighters `whose_fighters` finds to be the target's."""
    return [a for a in actors if a.role not in ("target", "victim") or whose_fighters(a, actors) is a]


CROWDS = {"Protests": ("Protesters", "protesters", 6), "Riots": ("Rioters", "rioters", 5)}


def without_civilian_doers(actors: Sequence[Actor]) -> list[Actor]:
    """"Israeli civilians were setting fire to property", beside the settlers who attacked the
    village: civilians told as doers beside others who did it are no actor of their own (a
    crowd holding a protest or riot becomes its protesters or rioters in `crowd_actors`)."""
    doers = [a for a in actors if a.role == "attacker" and a.inter not in (None, 7)]
    return [a for a in actors if not (doers and a.role == "attacker" and a.inter == 7)]


def crowd_actors(actors: Sequence[Actor], event_type: str) -> list[Actor]:
    """"Thousands of students protesting job quotas": civilians who hold a protest or a riot
    are its protesters or rioters (ACLED's inter 6 and 5), as "protesters" would be; civilians
    hurt in it stay civilians."""
    crowd = CROWDS.get(event_type)
    if crowd is None:
        return list(actors)
    name, kind, inter = crowd
    out: list[Actor] = []
    for actor in actors:
        if actor.role == "attacker" and actor.inter == 7 and actor.name.startswith("Civilians"):
            actor = actor.model_copy(update={"name": name + actor.name.removeprefix("Civilians"), "kind": kind,
                                             "inter": inter})
        if not any((a.name, a.role) == (actor.name, actor.role) for a in out):
            out.append(actor)
    return out


_PAIR = re.compile(r"^(?P<first>.+?)\s+and\s+(?P<second>.+)$")


def _a_named_place(head: Token) -> bool:
    """A part or settlement word with a proper name on it ("Gidan Dan Mallam village", "the
    village of Walgha", "the Furcy area"), or a name said to be one ("stormed Bamessing, a
    village in the Ndop area"): a place, whether or not the index knows it."""
    if head.pos_ == "PROPN" and any(c.dep_ == "appos" and c.lemma_.lower() in PART_WORDS for c in head.children):
        return True
    if head.lemma_.lower() not in PART_WORDS:
        return False
    named = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    named += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return bool(named)


def _pair(filler: RoleFiller, book: ActorBook) -> list[RoleFiller]:
    """"between the Ethiopian National Defense Force and Fano fighters": a phrase the parser
    kept whole though it names two actors the book knows, split into both."""
    found = _PAIR.match(filler.text)
    if found is None:
        return [filler]
    first, second = found.group("first"), found.group("second")
    one, two = book.normalise(first, filler.role), book.normalise(second, filler.role)
    if one.inter is None or two.inter is None or one.name == two.name:
        return [filler]
    at = filler.start + found.start("second")
    return [replace(filler, text=first, end=filler.start + len(first)), replace(filler, text=second, start=at)]


def named_force(mentions: Sequence[EventMention], book: ActorBook) -> str | None:
    """The one country whose armed forces the article names ("Israeli forces", "Russian
    troops"), or None when it names none or several."""
    codes = set()
    for mention in mentions:
        for filler in mention.roles:
            actor = book.normalise(filler.text, filler.role)
            if actor.inter == 1 and actor.country_code and actor.name.startswith("Military Forces of"):
                codes.add(actor.country_code)
    return codes.pop() if len(codes) == 1 else None


def filler_actor(filler: RoleFiller, book: ActorBook, country: str | None, force: str | None = None) -> Actor:
    """The actor a role filler names; soldiers or troops named by that word alone, attacking, are `force`'s
    (the one country whose forces the article names) when it is not the place's country."""
    if force and force != country and filler.role == "attacker" and BARE_FORCES.match(filler.text):
        country = force
    return book.normalise(filler.text, filler.role, country_code=country)


def event_actors(mentions: Sequence[EventMention], book: ActorBook, country: str | None,
                 places: frozenset[tuple[int, int, str]] = frozenset(), force: str | None = None) -> list[Actor]:
    """Normalised actors with roles; one entry per (actor, role), first mention kept.
    A filler that is a geocoded town or region (`places`: their character spans and names), or
    bears such a name, is where, not who ("the attack on Odesa"); a country may still act.
    State forces of another country than the event's are external forces (ACLED inter 8).
    Names without an entry in the actor book that run inside one another ("Dayton", "Scott C.
    Dayton") are one actor: the fuller name, in the role it was first given. Soldiers or troops
    the text gives no country attack for the one country whose forces the article names
    (`force`: "Israeli forces ... Soldiers raided Jenin"), not for the country of the place."""
    kept: list[Actor] = []
    roles_of: dict[str, str] = {}
    town_names = {name for _, _, name in places}
    for mention in mentions:
        for filler in (part for whole in mention.roles for part in _pair(whole, book)):
            if filler.text in town_names or any(start <= filler.start and filler.end <= end for start, end, _ in places):
                continue  # "the Manchester bombing": a town the article places events in is no actor
            if filler.head.lemma_.lower() in PART_WORDS and (any(
                    filler.start < end and start < filler.end for start, end, _ in places) or " ".join(
                    t.text for t in filler.head.children if t.dep_ == "compound") in town_names):
                continue  # "the Port-au-Prince suburb of Carrefour", "the Bajaur bazaar": where, not who
            if _a_named_place(filler.head):
                continue  # "Gidan Dan Mallam village", "the Furcy area of Kenscoff": a place the index lacks
            actor = filler_actor(filler, book, country, force)
            if actor.inter is None and (not actor.name[:1].isupper() or is_weapon_word(filler.head)
                                        or any(c.dep_ == "nummod" for c in filler.head.children)):
                # "forces", "oilfields", "F-16 fighter jets" (a weapon no force owns), "More than
                # 1,000 flee" (a headline misparsed; a count of no group the book knows): no actor we can name
                continue
            if actor.inter == 1 and country and actor.country_code and actor.country_code != country:
                actor = actor.model_copy(update={"inter": 8, "kind": "external/other forces"})
            alias = next((i for i, other in enumerate(kept) if actor.kind is None and other.kind is None
                          and same_name(other.name, actor.name)), None)
            if alias is not None:
                if len(actor.name) > len(kept[alias].name):
                    kept[alias] = actor.model_copy(update={"role": kept[alias].role})
                continue
            if roles_of.setdefault(actor.name, filler.role) != filler.role:
                continue  # an actor keeps the role it first had in this event
            if not any((other.name, other.role) == (actor.name, actor.role) for other in kept):
                kept.append(actor)
    return kept


def reconcile(figures: Sequence[CountMention]) -> Count:
    """One figure from many claims: ACLED's conservative best (the lowest credible figure),
    low the smallest, high the largest. Vague words ("several", "dozens") count only when no
    claim gives a number. A zero ("no American casualties") counts only when
    no claim gives a positive figure, since it usually speaks of one side only."""
    figures = [f for f in figures if not f.part] or figures  # "12 people, including a child": 12
    figures = _current(figures)
    positive = [f.count for f in figures if f.count.best]
    counted = [c for c in positive if not _vague(c)]
    if any(c.qualifier != "at_most" for c in counted):  # "as many as 100" bounds "dozens" above only
        positive = counted  # ACLED: "several", "dozens" count only when no report gives a number
    if not positive:
        zeros = [f.count for f in figures if f.count.best == 0]
        return zeros[0] if zeros else Count()
    return _lowest_credible(positive)


def _lowest_credible(counts: Sequence[Count]) -> Count:
    """The smallest count as best ("at least 40" over a headline's "40"), low the smallest low,
    high the largest high."""
    best = min(counts, key=lambda c: (c.best, c.qualifier == "exact"))
    return best.model_copy(update={"low": min(c.low if c.low is not None else c.best for c in counts),
                                   "high": max(c.high if c.high is not None else c.best for c in counts)})


def reconcile_sides(figures: Sequence[CountMention], sides: Sequence[str | None],
                    speakers: Sequence[str | None], *, fight: bool = False) -> tuple[Count, str]:
    """One figure per side, added up, when one source counts the dead of different sides
    ("killing two soldiers, the military said, adding that three attackers were also killed":
    5, as ACLED counts an event's fatalities), and a figure "also" killed on top of the rest
    ("two journalists were killed ... Their driver was also killed": 3; an unconfirmed one
    raises only the high). Figures of different
    sources stay alternatives; a figure whose group says no side ("the toll rose to 45") is an
    alternative to the sides' figures added up.
    A part of the toll told apart ("nine of its staff") is no alternative to a whole. In a
    `fight` (a Battles event), each side's dead counted by different sources are parts too,
    not rival counts of the same dead: the toll is at least the larger (one source's count of
    both sides, added up, among them), at most their sum."""
    if any(anyone(f.group) and (f.count.best or 0) > 1 for f in figures):
        # "killed Hezbollah's military chief ... the strike killed five people": the named dead
        # is one of the five, no lower estimate of them
        figures, sides, speakers = _kept(figures, sides, speakers, [f.additional or not names_one(f.count)
                                                                    for f in figures])
    if any(f.revised for f in figures):  # a source's own revision replaces its own smaller figures only
        keep = [f.revised or not any(g.revised and q == p and (g.count.best or 0) > (f.count.best or 0)
                                     for g, q in zip(figures, speakers)) for f, p in zip(figures, speakers)]
        figures, sides, speakers = _kept(figures, sides, speakers, keep)
    if any(f.superseded or f.raised for f in figures):
        current = set(map(id, _current(figures)))
        figures, sides, speakers = _kept(figures, sides, speakers, [id(f) in current for f in figures])
    held = [f.part and _has_a_whole(f, s, p, figures, sides, speakers) for f, s, p in zip(figures, sides, speakers)]
    if any(held):
        figures, sides, speakers = _kept(figures, sides, speakers, [not h for h in held])
    figures = _doers_apart(figures, speakers)
    if len(set(speakers)) == 1 or fight:
        figures, sides, speakers = _among_anyone(figures, sides, speakers)
    extra = [f for f in figures if f.additional and f.count.best]
    if extra and len(extra) < len(figures):  # "their driver was also killed": on top of the others
        rest = reconcile_sides(*_kept(figures, sides, speakers, [not f.additional for f in figures]), fight=fight)[0]
        if rest.best:
            total = _added([rest, *[f.count for f in extra if not f.unconfirmed and not f.nth]])
            doubtful = [f.count for f in extra if f.unconfirmed]  # "a seventh officer died, unconfirmed": high only
            if doubtful:
                total = total.model_copy(update={"high": _added([total, *doubtful]).high})
            for f in sorted((f for f in extra if f.nth and not f.unconfirmed), key=lambda f: f.nth):
                more = _more_than_counted(f, [g for g in figures if not g.additional], total)
                if more > 0:
                    total = total.model_copy(update={"best": total.best + more,
                                                     "high": max(total.high or 0, total.best + more)})
            return total, SIDES_POLICY
    known = set(sides)
    if None in known and len(known) > 2:
        # "killing three fighters and one attacker, the cell said, while an official put the
        # toll at four": the sides added up are one account, the tolls of no side the others
        sided = [(f, s, p) for f, s, p in zip(figures, sides, speakers) if s is not None]
        total, policy = reconcile_sides(*zip(*sided), fight=fight)
        tolls = reconcile([f for f, s in zip(figures, sides) if s is None])
        if not (total.best and tolls.best):
            return (total, policy) if total.best else (tolls, RECONCILE_POLICY)
        either = _lowest_credible([total, tolls])
        return either, policy if either.best == total.best else RECONCILE_POLICY
    if None in known or len(known) < 2 or (len(set(speakers)) > 1 and not fight):
        return reconcile(figures), RECONCILE_POLICY
    parts = [reconcile([f for f, s in zip(figures, sides) if s == side]) for side in sorted(known)]
    parts = [p for p in parts if p.best]
    if len(parts) < 2:
        return reconcile(figures), RECONCILE_POLICY
    total = _added(parts)
    if len(set(speakers)) > 1:
        # "the soldiers neutralized nine terrorists", the group: "killed three soldiers": in a
        # fight each source counts other dead, so neither is a lower estimate of the other's
        # count (in an attack on civilians, "11 civilians" and "six insurgents" are one dead
        # told two ways); the total is at least the larger, at most their sum
        # "dozens" of soldiers by one side beside six civilians by a resident: a vague word is the
        # toll only where no one gives a number
        firm = [p for p in parts if not _vague(p)] or parts
        larger = max([*firm, *_both_sides_by_one_source(figures, sides, speakers)], key=lambda p: p.best)
        return larger.model_copy(update={"high": max(total.high or 0, larger.high or 0)}), SIDES_APART_POLICY
    return total, SIDES_POLICY


def _both_sides_by_one_source(figures, sides, speakers) -> list[Count]:
    """Each source's own count of more than one side, added up ("11 soldiers were killed and
    troops neutralized 26 assailants", the ministry said: 37)."""
    numbered = {s for f, s in zip(figures, sides) if f.count.best and not _vague(f.count)}
    totals = []
    for source in set(speakers):
        # "several attackers killed", police said, beside the DPO's "four militants": a vague
        # word counts for a side only when no one gives that side a number
        mine = [(f, s) for f, s, p in zip(figures, sides, speakers) if p == source
                and not (_vague(f.count) and s in numbered)]
        parts = [reconcile([f for f, s in mine if s == side]) for side in sorted({s for _, s in mine})]
        parts = [p for p in parts if p.best]
        if len(parts) > 1:
            totals.append(_added(parts))
    return totals


def _has_a_whole(part, side, speaker, figures, sides, speakers) -> bool:
    """A part of the toll ("nine of its staff") is inside a whole that can hold it: a count of
    anyone or of no side ("20 people", "the toll rose to 45"), or the same source's count of
    its side. "Two of our soldiers", beside the same army's "13 terrorists" and a resident's
    "more than 10 dead soldiers", is the army's own count of its side, no part of either."""
    return any(not f.part and (s is None or anyone(f.group) or (s == side and p == speaker))
               for f, s, p in zip(figures, sides, speakers))


def _doers_apart(figures, speakers):
    """"killing at least eight people before security forces ... killed all five attackers", a
    police spokesman said: the source that counts the people the attack killed and, apart, the
    attack's doers, does not count the doers among the people, so their dead come on top (not
    "including three attackers": a part; another source's "nine people" may hold them)."""
    counting = {p for f, p in zip(figures, speakers) if anyone(f.group) and not f.part}
    return tuple(f.model_copy(update={"additional": True})
                 if p in counting and not (f.part or f.additional) and _last_word(f.group) in DOER_WORDS else f
                 for f, p in zip(figures, speakers))


def _last_word(group: str | None) -> str:
    words = (group or "").lower().split()
    return words[-1] if words else ""


def _among_anyone(figures, sides, speakers):
    """"killing 12 people ... rescuers found the bodies of three children": told by one source,
    a smaller count of some kind of people beside a count of anyone (or of both sides: "two
    soldiers and three militants were killed") is among them, not a lower
    estimate of the same dead. Different sources' figures stay rival accounts, except in a fight,
    where a side counting its own ("killing six personnel") beside a monitor's "22 people" tells
    a part of the whole, as ACLED compares like with like."""
    def of_all(f, side):  # "people", or "two soldiers and three militants" (no one side: assemble says None)
        return anyone(f.group) or (side is None and " and " in (f.group or ""))
    whole = max((f.count.best or 0 for f, s in zip(figures, sides) if of_all(f, s) and not f.additional), default=0)
    # a toll the source raised or revised ("raised the death toll to six") counts anyone too: a rival whole
    keep = [not whole or of_all(f, s) or f.raised or f.revised or f.additional or (f.count.best or 0) > whole
            for f, s in zip(figures, sides)]
    if all(keep):
        return figures, sides, speakers
    return _kept(figures, sides, speakers, keep)


def _kept(figures, sides, speakers, keep) -> tuple:
    """The figures, with their sides and speakers, that `keep` marks, as three parallel tuples."""
    return tuple(zip(*[(f, s, p) for f, s, p, k in zip(figures, sides, speakers, keep) if k]))


RANKED_AFTER = 80  # characters: "a third" counts on from a figure told this close before it


def _more_than_counted(ranked: CountMention, figures: Sequence[CountMention], total: Count) -> int:
    """How many dead a ranked one adds: "a seventh officer" after "six officers" (and one
    attacker) one more, counted in its own group; "a fourth man died of his wounds" makes four
    in all, whether the toll before told three or four."""
    def noun(group: str | None) -> str:
        return (group or "").lower().split()[-1:][0].removesuffix("s") if group else ""
    own = noun(ranked.group)
    same = [f.count.best or 0 for f in figures if own not in ANYONE_NOUNS and noun(f.group) == own]
    if not same:  # "two policemen were martyred on the spot, while a third, Constable X, succumbed"
        just_before = [f for f in figures if f.end <= ranked.start and ranked.start - f.end <= RANKED_AFTER]
        same = [max(just_before, key=lambda f: f.end).count.best or 0] if just_before else []
    return ranked.nth - max(same) if same else ranked.nth - (total.best or 0)


def _current(figures: Sequence[CountMention]) -> list[CountMention]:
    """The figures without those the report has replaced ("had initially left nine dead",
    then "the toll rose to 17"; "seven people had been killed", then "the toll had risen to
    13"), as long as a whole figure is left to stand for them."""
    raised = max((f.count.best or 0 for f in figures if f.raised and not f.superseded), default=0)
    replaced = [f.superseded or (raised and not f.raised and not f.part and not f.additional
                                 and (f.count.best or 0) < raised) for f in figures]
    if any(not r and not f.part for f, r in zip(figures, replaced)):
        return [f for f, r in zip(figures, replaced) if not r]
    return list(figures)


def _added(parts: Sequence[Count]) -> Count:
    quals = {p.qualifier for p in parts}
    qualifier = "exact" if quals == {"exact"} else "at_least" if quals & {"at_least", "more_than"} else "about"
    highs = [p.high if p.high is not None else p.best for p in parts]
    return Count(best=sum(p.best for p in parts), low=sum(p.low if p.low is not None else p.best for p in parts),
                 high=sum(highs), qualifier=qualifier, text=" + ".join(p.text or "" for p in parts))


def anyone(group: str | None) -> bool:
    """"more than 100 people were killed, most of them soldiers": people of any side, so the
    figure is no civilian count to add to the soldiers' ("dozens of soldiers")."""
    return (group or "").lower().split()[-1:] in (["people"], ["persons"], ["individuals"])


def side_of(actor: Actor) -> str | None:
    """Which side a counted group is on: state forces, armed groups or civilians."""
    return {1: "state", 8: "state", 2: "armed", 3: "armed", 4: "armed", 7: "civilians"}.get(actor.inter or 0)


def _vague(count: Count) -> bool:
    """"several", "dozens", "scores of": a figure with no digit and no number word."""
    words = number_words()
    text = " ".join(re.findall(r"[a-z]+|\d", (count.text or "").lower()))
    if any(ch.isdigit() for ch in text) or any(w in words.units or w in words.tens for w in text.split()):
        return False
    return any(re.search(rf"\b{re.escape(key)}\b", text) for key in words.vague)


def _intends(verb: Token, trigger: Token) -> bool:
    """The trigger is what the verb's subject meant to do ("attempting to seize oilfields"):
    inside its infinitive complement, and the verb active ("were tried for the bombing",
    "a man wanted in connection with the explosion" are no intentions)."""
    if any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ in ("acl", "amod"):
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and trigger in c.subtree for c in verb.children)


def said_claim(said: Attribution, **fields) -> Claim:
    """A claim carrying the attribution of its sentence: speaker, outlet, hedge, via, kind."""
    return Claim(speaker=said.speaker, outlet=said.outlet, hedge=said.hedge, via=list(said.via),
                 speaker_kind=said.speaker_kind, **fields)


def figure_claims(figures: Sequence[CountMention], attributions: dict[int, Attribution],
                  sentence_of, article_id: str, text: str) -> list[Claim]:
    claims = []
    for figure in figures:
        said = attributions.get(sentence_of(figure.start), Attribution()).of(figure.start)
        claims.append(said_claim(said, field=figure.field, value=figure.count.best,
                                 text=text[figure.start : figure.end], article_id=article_id,
                                 start=figure.start, end=figure.end))
    return claims


def motive_claims(mentions: Sequence[EventMention], attributions: dict[int, Attribution],
                  article_id: str) -> list[Claim]:
    """"were likely seeking to seize oilfields": what the attackers wanted, as claimed."""
    claims = []
    for mention in mentions:
        if mention.modality != "irrealis":
            continue
        governor = next((a for a in mention.trigger.head.ancestors
                         if a.lemma_.lower() in MOTIVE_LEMMAS and a.pos_ == "VERB"), None)  # not "assassination attempt"
        if governor is None or not _intends(governor, mention.trigger.head):
            continue
        head = mention.trigger.head
        span = head.doc[head.left_edge.i : head.right_edge.i + 1]
        said = attributions.get(mention.sent.start_char, Attribution())
        claims.append(said_claim(said, field="motive", value=span.text, text=span.text,
                                 article_id=article_id, start=span.start_char, end=span.end_char))
    return claims
