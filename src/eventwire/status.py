"""Reported news or background: decide what a mention is, and when it happened.

A mention is no event at all when it is only intended, threatened or denied ("seeking to
seize", "did not attack"). It is background when the text places it well before the
article (a date more than `Settings.background_days` before publication), over a period
longer than twice that ("since 2015": a tally, not an event) or as many events in a month
gone by ("killed in protests last month"), in a completed
past before the news (pluperfect: "terrain the SDF had liberated"), as an ongoing state
("the YPG is fighting off an invasion"), or, with no date, as a record of acts in general
("ISWAP has carried out attacks in Borno": a bare plural the object of a present or perfect verb),
or as other events than the news ("similar attacks", "in the past"). Otherwise it is reported news.

Dates: a date expression tied to a reporting verb ("a U.S. official said on Thursday")
dates the statement, not the event, and is skipped, unless the event is the statement's
object ("on Saturday, Daesh claimed the attacks"); so is one inside a relative clause that
does not hold the trigger ("ISWAP, which split from Boko Haram in 2016, attacked ...").
Among the rest, one attached to the trigger (or, for a noun, to the verb it is subject or
object of) beats one elsewhere in the sentence, and finer precision beats coarser.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.attribution import a_document, cues
from eventwire.dates import find_dates, told_as_time_apart
from eventwire.mentions import EventMention
from eventwire.models import DateValue
from eventwire.numbers import toll_verbs
from eventwire.roles import CASUALTY_LEMMAS

STATUS_POLICY = "modality_date_aspect.v1"
DATE_POLICY = "trigger_then_precision.v1"
BACKGROUND_ASPECTS = ("pluperfect", "ongoing")
HEADLINE_WORDS = 20
OTHER_EVENT_WORDS = frozenset("similar previous past earlier prior former other".split())
CIRCUMSTANCE_PREPS = frozenset(("despite", "since", "under"))
TEMPORAL_PREPS = frozenset(("after", "before", "following", "since"))
TIME_UNITS = frozenset("minute hour day week month year".split())
COMPARED = re.compile(r"(?:est|first|most)\s+(?:\w+\s+)?$", re.I)  # "the worst toll since 2019"
# "Over the past day, Russian forces attacked 42 settlements ... killing two": a daily summary
# of many acts, as regional authorities and ministries give it, not one event
COUNTED_PLACES = frozenset("settlement town village locality community city hamlet district".split())
DAILY_TALLY = re.compile(r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+"
                         r"(?:day|24\s+hours|(?:24|48|72)-hour\s+period|(?:two|three|few|several)\s+days)\b", re.I)
DAYS_OR_MORE = frozenset("day week month year".split())
STRETCH_UNITS = frozenset("week month year".split())  # "a week of violence": many days' events
EARLY_WORDS = frozenset("first early initial opening".split())
MONTH = 3  # ACLED time precision: known to the month only
WEEK_PRECISION = 2  # ACLED time precision: known to the week
WEEK = 7  # days
NEWS_DAYS = 3  # an event dated this close to publication is the day's news
HABITUAL = "habitual"  # "the group has carried out attacks in Borno": a record, not an event


def event_status(mention: EventMention, when: DateValue | None, published: date | None,
                 *, background_days: int) -> str | None:
    """"reported", "background", or None when the mention reports no event."""
    if mention.modality != "asserted":
        return None
    if when is not None and dated_background(when, published, background_days):
        return "background"
    if when is not None and when.time_precision >= MONTH and mention.trigger.head.tag_ == "NNS" \
            and published is not None and (when.date_end or when.date) < published:
        return "background"  # "200 were killed in protests last month": many events, a month gone
    if when is not None and when.date_end and (when.date_end - when.date).days > WEEK and (
            when.time_precision == 1 or mention.trigger.head.tag_ == "NNS" or mention.aspect == "perfect"):
        # "20 killed in protests since Oct. 21", "have retaken several towns in recent weeks",
        # "its forces had struck hundreds of targets since March 15": many events over weeks
        # (not "attacked Beni in June": one event, told to the month)
        return "background"
    if mention.aspect in BACKGROUND_ASPECTS or (mention.aspect == HABITUAL and when is None):
        return "background"
    if when is None and _a_days_tally(mention.sent):
        return "background"  # "Over the past day, Russian forces attacked 42 settlements": a day's tally
    if _other_events(mention.trigger.head) and not (when is not None and told_as_time_apart(when)):
        return "background"  # "two days after insurgents attacked a checkpoint" is dated by it: its day decides
    if mention.aspect in ("none", "present") and not mention.anaphoric and when is None:
        return "background" if _embedded(mention.trigger.head) and not _told_by_its_verb(mention) else "reported"
    return "reported"


def as_context(dated: list, published: date | None) -> list:
    """"Last month, a glide bomb attack on the city killed three people", "Israel ended its
    ceasefire on March 18 with a wave of strikes" beside the news of a day: in an article whose
    news is dated to one of the last few days, an event a month gone by or more than a week
    before it is context. Told alone ("Rebels attacked Beni in June, killing 12, officials said
    on Monday") it is the news."""
    if published is None:
        return dated
    news = [when.date for _, status, when in dated if status == "reported" and when is not None
            and when.time_precision == 1 and (published - when.date).days <= NEWS_DAYS]
    if not news:
        return dated
    latest = max(news)  # a bulletin of "4-10 August" published on the 12th: its week counts back from the 10th
    return [(m, "background" if status == "reported" and (gone_by(when, latest) or _last_week(when)) else status,
             when) for m, status, when in dated]


def _last_week(when: DateValue | None) -> bool:
    """"more than 100 people were killed in Al-Hilaliya last week", beside the news of a day:
    the week before is another event's, not the day's told loosely."""
    return when is not None and when.time_precision == WEEK_PRECISION \
        and any(word in when.text.lower().split() for word in ("last", "previous"))


def gone_by(when: DateValue | None, published: date | None) -> bool:
    """A date no news of the day bears: a month before the publication's, or a day more than a
    week before it."""
    if when is None or published is None:
        return False
    if when.time_precision >= MONTH:
        return (when.date_end or when.date) < published.replace(day=1)
    return (published - (when.date_end or when.date)).days > WEEK


def event_date(mention: EventMention, dates: Sequence[DateValue], doc: Doc) -> DateValue | None:
    """The date of the event a mention reports, from the dates found in its sentence."""
    spans = [(d, doc.char_span(d.start, d.end, alignment_mode="expand")) for d in dates]
    trigger_tokens = {t.i for t in mention.trigger.span}
    # "The attacks come a week after the commander defected": a day counted back dates the act
    # after "after", not one told before it
    spans = [(d, span) for d, span in spans if not (told_as_time_apart(d) and mention.trigger.span.end_char <= d.start)]
    usable = [(d, span) for d, span in spans
              if span is None or _names_the_trigger(span, trigger_tokens)
              or not ((_dates_a_statement(span) and not _object_of_statement(span, mention))
                      or _in_other_clause(span, trigger_tokens))]
    if not usable:
        return None
    head = mention.trigger.head
    anchors = set(trigger_tokens)
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ == "VERB":
        anchors.add(head.head.i)  # "a ceasefire took effect in November": the clause of the noun dates it
    attached = [d for d, span in usable if span is not None and _attached_to(span, anchors)]
    pool = attached or [d for d, _ in usable]
    return min(pool, key=lambda d: (d.time_precision, abs(d.start - mention.start)))


def dated_background(when: DateValue, published: date | None, background_days: int) -> bool:
    """Whether a date alone makes what it dates background: it ended more than
    `background_days` before publication, or spans a period ("killed since 2015", "this year
    alone": a tally)."""
    if published is not None and (published - (when.date_end or when.date)).days > background_days:
        return True
    return bool(when.date_end) and (when.date_end - when.date).days > 2 * background_days


def tells_of_the_past(sent: Span, published: date | None, background_days: int) -> bool:
    """A sentence dated as background ("... since May 3 last year, in which more than 220 have
    lost their lives"), not as a comparison ("the worst toll since 2019")."""
    for when in find_dates(sent.text, published, offset=sent.start_char):
        before = sent.doc.text[max(0, when.start - 30) : when.start]
        if dated_background(when, published, background_days) and not COMPARED.search(before):
            return True
        if when.date_end and (when.date_end - when.date).days >= WEEK and "past" in when.text.lower():
            return True  # "had neutralized 19 terrorists ... over the past week": a weekly tally
    return _a_days_tally(sent)


def _a_days_tally(sent: Span) -> bool:
    """"Over the past day, Russian forces attacked 42 settlements in the Kherson region, killing
    two": a day's acts on places counted, not named (those named, "repelled 41 assaults near
    Kotlyne and Udachne over the past day", are each an event)."""
    return DAILY_TALLY.search(sent.text) is not None and any(
        t.tag_ == "NNS" and t.lemma_.lower() in COUNTED_PLACES and any(c.dep_ == "nummod" for c in t.children)
        for t in sent)


def _other_events(head: Token) -> bool:
    """"has claimed similar attacks in the past", "previous raids", "came days after air
    strikes in Paktika", "were met with tear gas in their first weeks": other events than the news."""
    if any(c.dep_ == "amod" and c.lower_ in OTHER_EVENT_WORDS for c in head.children):
        return True
    if _some_time_apart(head) or _a_stretch_of(head):
        return True
    verb = head.head if head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else head
    verbs = [verb]
    while len(verbs) < 3 and verbs[-1].dep_ in ("advcl", "xcomp", "ccomp") and (
            verbs[-1].tag_ == "VBG" or verbs[-1].head.tag_ == "VBG"):
        verbs.append(verbs[-1].head)
    # "has in the past denied targeting civilians, saying its forces were fighting remnants": what
    # a participle says is the past's too
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "past" or _early_stretch(g) for g in c.children)
               for v in verbs for c in v.children)


def _a_stretch_of(head: Token) -> bool:
    """"rocked by a week of sectarian violence", "after months of fighting": violence over weeks
    or more, many events told as one (ACLED codes each day's), not the news; so are the deaths
    it caused ("a week of violence that killed more than 1,000")."""
    nouns = [head, *list(head.ancestors)[:6]] if head.dep_ == "relcl" else [head]  # the parser may hang the
    return any(n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in STRETCH_UNITS
               for n in nouns)  # clause on a noun after "violence" ("... between Druze and tribes that killed")


def _early_stretch(noun: Token) -> bool:
    """"in their first weeks", "in the early days of the war": a stretch at the start of
    something long gone on, not the news ("in the early hours of Monday" is a time of day)."""
    return noun.lemma_.lower() in TIME_UNITS - {"minute", "hour"} and noun.tag_ == "NNS" and any(
        c.dep_ == "amod" and c.lower_ in EARLY_WORDS for c in noun.children)


def _some_time_apart(head: Token) -> bool:
    """"two weeks after an attack on a mosque", "days before the raid": an event a stretch of
    time from the one reported ("after an air strike" alone may be the news itself); so is
    one in a clause "a day after a senior commander was shot dead" (not "12 hours after the
    fighters stormed it": the same siege)."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in TEMPORAL_PREPS:
        verb = head if head.pos_ == "VERB" else head.head
        marked = any(c.dep_ == "mark" and c.lower_ in TEMPORAL_PREPS for c in verb.children)
        return marked and any(c.dep_ == "npadvmod" and c.lemma_.lower() in DAYS_OR_MORE for c in verb.children)
    spans = [prep.head] + [c for c in prep.children if c.dep_ == "npadvmod"]
    return any(t.lemma_.lower() in TIME_UNITS for t in spans)


def circumstance(token: Token) -> bool:
    """"kills three despite truce", "first attack since ceasefire": a noun after "despite",
    "since" or "under" names the state the news happens in, even in a headline."""
    return token.dep_ == "pobj" and token.head.lower_ in CIRCUMSTANCE_PREPS


def _told_by_its_verb(mention: EventMention) -> bool:
    """"Gunmen on a motorcycle opened fire on a shop": a trigger phrase told by its own finite
    verb is a predicate, wherever the parser hangs its noun ("opened" as an adjective of
    "fire", "fire" inside "on a motorcycle")."""
    span = mention.trigger.span
    return len(span) > 1 and span[0].tag_ in ("VBD", "VBZ", "VBP", "VBN")


def _embedded(token: Token) -> bool:
    """A noun trigger inside another predicate's complement ("backing the invasion"),
    rather than the subject or object of a finite verb, names a known event, not news."""
    governor = token.head
    if governor.tag_ == "IN" and governor.head.lemma_.lower() in CASUALTY_LEMMAS:
        return False  # "19 men killed in a gunbattle": where they died is the news
    return token.pos_ == "NOUN" and governor.tag_ in ("VBG", "IN", "TO") and governor.dep_ != "ROOT"


def _dates_a_statement(span: Span) -> bool:
    """Whether the date hangs on a reporting verb ("said on Monday") or on the document that
    reports ("said in a statement on Monday"), through the words between them."""
    verb = _governing_verb(span)
    if verb is not None and (verb.lemma_.lower() in cues().verbs or verb.lemma_.lower() in toll_verbs()):
        # "said on Monday"; "raising it on Wednesday to 22": when the toll was told; but in
        # "Insurgents beheaded four civilians ... on Saturday night, local sources told Lusa" the
        # parser hangs the date of the reported clause before it on the postposed verb
        return not _ends_a_reported_clause(span, verb)
    for token in span.root.ancestors:
        if verb is not None and token.i == verb.i:
            return False
        if a_document(token):
            return True
    return False


def _ends_a_reported_clause(span: Span, verb: Token) -> bool:
    """The date follows the clause the verb reports and comes before the verb and its speaker:
    "X did Y on Saturday, sources said"."""
    reported = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < span.start), None)
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return reported is not None and speaker is not None and span.end <= speaker.left_edge.i < verb.i


def _names_the_trigger(span: Span, trigger_tokens: set[int]) -> bool:
    """"blamed for the October 2024 attack on Pont-Sonde": a date that modifies the event noun
    dates it, whatever verb the phrase hangs on."""
    return span.root.head.i in trigger_tokens and span.root.i < span.root.head.i


def _governing_verb(span: Span) -> Token | None:
    """The first verb at or above the date's head ("killed" in "killed on Monday")."""
    return next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB"), None)


def _object_of_statement(span: Span, mention: EventMention) -> bool:
    """"On Saturday, Daesh claimed dual attacks": the verb's object is the event itself, so
    its date dates the event too (not "JNIM claimed the attack on Wednesday": the attack told
    before, claimed a day later)."""
    head = mention.trigger.head
    verb = _governing_verb(span)
    return head.dep_ == "dobj" and verb is not None and head.head.i == verb.i and not mention.anaphoric


def _in_other_clause(span: Span, trigger_tokens: set[int]) -> bool:
    """"ISWAP, which split from Boko Haram in 2016, has carried out attacks": a date inside a
    relative clause that does not hold the trigger dates that clause, not the event. Not a
    present participle's ("hit a school sheltering displaced families in Gaza City on
    Thursday"): the state it tells of is the event's time; nor a casualty participle's ("and
    nine other people injured in Nakuru on Tuesday"): a clause of the event cut short."""
    for token in (span.root, *span.root.ancestors):
        if token.i in trigger_tokens:
            return False
        if token.dep_ == "acl" and token.tag_ == "VBG":
            continue
        if token.dep_ == "acl" and token.lemma_.lower() in CASUALTY_LEMMAS:
            continue  # "a man was shot dead and nine other people injured in Nakuru on Tuesday"
        if token.dep_ in ("relcl", "acl"):  # (a clause on the trigger itself dates it: "the mission conducted on Sunday")
            return token.head.i not in trigger_tokens and not any(t.i in trigger_tokens for t in token.subtree)
    return False


def _attached_to(span: Span, trigger_tokens: set[int]) -> bool:
    """The date hangs on the trigger, at most two words up, through no other verb ("killed on
    Sunday when gunmen ambushed a patrol, and four more died on Monday": Monday dates the
    dying, which the parser hung on "ambushed")."""
    if any(t.i in trigger_tokens for t in span):
        return True
    for token in list(span.root.ancestors)[:2]:
        if token.i in trigger_tokens:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def headline(doc: Doc) -> Span | None:
    """The article's headline when its text opens with one: a first line without a full stop,
    of at most `HEADLINE_WORDS` words ("Death toll in Pakistan mosque bombing rises to 100").
    Headlines speak in the present and in noun phrases, so tense and embedding say nothing
    about whether they report news; and a roundup's headline mixes figures of several events."""
    first = next(doc.sents, None)
    if first is None or "\n" not in doc.text[max(0, first.end_char - 2) : first.end_char + 3]:
        return None  # a line break ends it (the sentence may or may not hold the break itself)
    words = [t for t in first if not (t.is_punct or t.is_space)]
    if not words or len(words) > HEADLINE_WORDS or first.text.rstrip()[-1:] in ".!?\"”":
        return None
    return first


def fallback_date(published: date | None) -> DateValue | None:
    """No date in the text: the publication date at week precision (ACLED's practice
    for reports that say only that something happened recently)."""
    if published is None:
        return None
    return DateValue(text="", start=0, end=0, date=published, time_precision=2,
                     relative=True)
