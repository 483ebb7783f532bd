"""One parsed article in, its events out: the stages in order.

Each numbered step calls one stage; the stages do not call each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.actors import ActorBook
from eventwire.assemble import ArticleFacts, assemble
from eventwire.attribution import attribute
from eventwire.casualties import find_counts
from eventwire.dates import find_dates
from eventwire.facts import named_force
from eventwire.locate import find_places
from eventwire.mentions import find_mentions
from eventwire.nlp import gap_between
from eventwire.model_roles import POLICY as MODEL_ROLES_POLICY
from eventwire.model_roles import fill_roles, read_role_spans
from eventwire.models import Article, Event
from eventwire.muc4.roles import RoleModel
from eventwire.places import Gazetteer
from eventwire.roles import POLICY as PARSE_ROLES_POLICY
from eventwire.settings import Settings
from eventwire.status import as_context, circumstance, event_date, event_status, gone_by, headline, tells_of_the_past
from eventwire.stories import story_of


@dataclass(frozen=True)
class Resources:
    """What extraction needs, loaded once by the caller and injected."""

    settings: Settings
    book: ActorBook
    gazetteer: Gazetteer
    roles: RoleModel | None = None  # the trained role model, when settings and install allow


def extract(doc: Doc, article: Article, res: Resources) -> list[Event]:
    sentences = {sent.start_char: sent for sent in doc.sents}
    # 1. event mentions: triggers, types, roles, modality
    mentions = find_mentions(doc)
    if not mentions:
        return []
    if res.roles is not None:  # the trained model's attackers and victims where the parse has none
        fill_roles(mentions, doc, read_role_spans(res.roles, mentions))
    # 2. casualty figures and force sizes, sentence by sentence
    figures = {start: found for start, sent in sentences.items() if (found := find_counts(sent))}
    # 3. dates of each mention, and whether it is news or background
    dated = []
    title = headline(doc)
    dates = _sentence_dates(sentences, article.published, {m.sent.start_char for m in mentions})
    for mention in mentions:
        sent = mention.sent
        when = event_date(mention, dates[sent.start_char], doc)
        status = event_status(mention, when, article.published, background_days=res.settings.background_days)
        if status == "background" and when is None and title is not None and mention.sent == title \
                and not circumstance(mention.trigger.head):
            status = "reported"  # a headline's present tense and noun phrases are its style, not background
        if status is not None:
            dated.append((mention, status, when))
    dated = as_context(dated, article.published)
    # a figure in a sentence that tells of no event is the lead's, unless its dates make it a
    # tally or history ("violence since May 3 last year, in which more than 220 have lost their lives")
    for start in [s for s in figures if s not in dates]:
        if tells_of_the_past(sentences[start], article.published, res.settings.background_days):
            del figures[start]
    # 4. places, geocoded in the light of each other
    # (sentence, country) of each named actor, normalised once; forces counted by their country first
    forces, actors = _forces_counted(figures, res.book), _actor_countries(dated, res.book)
    homes = forces + [(start, code) for start, code, _ in actors]
    news_homes = forces + [(start, code) for start, code, news in actors if news]  # the country of the news
    places = find_places(doc, res.gazetteer, res.book, homes=frozenset(code for _, code in homes))
    # 5. who says what, through which outlet, how sure
    attributions = dict(zip(sentences, attribute(doc, res.book, outlet=article.outlet)))
    # 6. one record per event, with claims and evidence; a round-up's stories each apart
    starts = [start for start, _ in doc._.stories] if Doc.has_extension("stories") else []
    if not starts:
        return assemble(_facts(article, sentences, dated, mentions, attributions, figures, places, news_homes, res,
                               title.end_char if title is not None else 0), res.book)
    events = []
    for story in range(len(starts)):  # what comes before the first story sums them up
        def told(offset: int, story=story) -> bool:
            return story_of(offset, starts) == story
        events += assemble(_facts(
            article, {s: v for s, v in sentences.items() if told(s)}, [d for d in dated if told(d[0].sent.start_char)],
            [m for m in mentions if told(m.sent.start_char)], {s: v for s, v in attributions.items() if told(s)},
            {s: v for s, v in figures.items() if told(s)}, [p for p in places if told(p.sent_start)],
            [h for h in news_homes if told(h[0])], res, 0), res.book)
    return events


def _facts(article: Article, sentences: dict, dated: list, mentions: list, attributions: dict, figures: dict,
           places: list, homes: list[tuple[int, str]], res: Resources, headline_end: int) -> ArticleFacts:
    """The article's (or one story's) facts for assembly; `homes`: the countries of the forces
    counted and of the news's named actors, which give the country when no place does."""
    places_here = [p for p in places if p.where]  # the hospital the wounded were taken to votes for the country only
    return ArticleFacts(
        article=article,
        sentence_starts=sorted(sentences),
        mentions=dated,
        irrealis=[m for m in mentions if m.modality == "irrealis"],
        attributions=attributions,
        figures=figures,
        places=places_here,
        sentences=sentences,
        country=_main_country(places) or _most_named(code for _, code in homes),
        roles_policy=MODEL_ROLES_POLICY if res.roles is not None else PARSE_ROLES_POLICY,
        headline_end=headline_end,
        force=named_force([m for m, status, _ in dated if status == "reported"], res.book),
        landmarks=[p for p in places if not p.where],
    )


SCENE_CHARS = 20  # "Late on Monday, ...": a day this close to a sentence's start sets its paragraph's scene


def _sentence_dates(sentences: dict[int, Span], published, wanted: set[int]) -> dict[int, list]:
    """The dates of the sentences in `wanted`, each read after the ones before it: "A day
    later" counts from the last day told. A paragraph that opens on a day in a sentence that
    tells of no event ("On Monday, vigilantes tracked the attackers into the forest.") sets
    the scene: its undated sentences after that ("His men killed three bandits in a
    gunfight") are of that day."""
    dates, before, told, scene = {}, None, None, []
    last = max(wanted, default=-1)
    some = next(iter(sentences.values()), None)
    filed_at = some.doc._.dateline_end if some is not None and Doc.has_extension("dateline_end") else 0
    previous = None
    for start in (s for s in sorted(sentences) if s <= last):
        sent = sentences[start]
        if previous is not None and "\n" in gap_between(previous, sent):
            scene = []
        found = [d for d in find_dates(sent.text, published, offset=start, before=before, told=told)
                 if d.start >= filed_at]  # "DUBAI, June 14 (Reuters) -": when it was filed, not when it happened
        if start in wanted:
            dates[start] = found or scene
        elif found and found[0].time_precision == 1 and found[0].start - start <= SCENE_CHARS \
                and sent.end_char > filed_at:
            scene = found[:1]
        if found and all(gone_by(d, published) for d in found):
            scene = found[:1]  # "... was rocked in July by a week of violence. Israel struck Damascus during that fighting."
        before = next((d for d in reversed(found) if d.time_precision == 1), before)
        told = found[-1] if found else told
        previous = sent
    return dates


def _actor_countries(dated: list, book: ActorBook) -> list[tuple[int, str, bool]]:
    """The countries the named actors belong to ("Al Shabaab" -> SO), with the start of the
    sentence naming them and whether the mention is news: the story's country when the index
    knows none of its places (the news's actors only), and the homes that settle ambiguous names."""
    return [(m.sent.start_char, code, status == "reported") for m, status, _ in dated for f in m.roles
            if (code := book.normalise(f.text, f.role).country_code)]


def _forces_counted(figures: dict, book: ActorBook) -> list[tuple[int, str]]:
    """The countries of state forces a casualty figure names by nationality ("about 40 Chadian
    soldiers were killed in an attack by Boko Haram"): where they fell is most likely their own
    country, more likely than the home of a group that raids across borders, so they come first
    and settle a tie."""
    return [(start, actor.country_code) for start, found in figures.items() for f in found
            if f.field in ("fatalities", "injuries") and f.group
            and (actor := book.normalise(f.group, "victim")).inter == 1 and actor.country_code]


def _main_country(places) -> str | None:
    return _most_named(place.location.country_code for place in places)


def _most_named(codes) -> str | None:
    """The country code named most (the first named among equals)."""
    votes = Counter(code for code in codes if code)
    return votes.most_common(1)[0][0] if votes else None
