"""Evidence and claim spans laid over an article's text, as plain segments for the event page.

Why segments and not HTML: article text is hostile input. The server never builds markup
from it; it cuts the text at every span boundary into `Segment`s, each naming the spans that
cover it, and the browser makes one text node (or one `<mark>` holding a text node) per
segment. Overlapping spans (a claim inside an evidence sentence) simply give a segment two
marks. A span whose offsets do not fit the text is reported as not placed, never guessed.
"""

from __future__ import annotations

from pydantic import BaseModel


class Span(BaseModel):
    """One highlight: an evidence sentence or the words of a claim, by character offsets."""

    kind: str  # "evidence" or "claim"
    field: str | None = None  # for a claim: the field it backs (fatalities, event, ...)
    index: int  # its position in the event's `evidence` or `claims` list
    start: int
    end: int
    placed: bool = True  # False when the offsets do not fit this article's text


class Segment(BaseModel):
    """A run of text and the spans (indexes into the span list) covering all of it."""

    start: int
    end: int
    text: str
    marks: list[int] = []


def place(spans: list[Span], text: str) -> list[Span]:
    """The spans with `placed` set: 0 <= start < end <= len(text)."""
    return [span.model_copy(update={"placed": 0 <= span.start < span.end <= len(text)}) for span in spans]


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """Cut `text` at every boundary of the placed spans.

    Example: segments("Ten died in Aleppo.", [Span(kind="claim", index=0, start=0, end=8)])
    gives "Ten died" marked [0], then " in Aleppo." unmarked.
    """
    placed = [(i, span) for i, span in enumerate(spans) if span.placed]
    cuts = sorted({0, len(text)} | {s.start for _, s in placed} | {s.end for _, s in placed})
    found = []
    for start, end in zip(cuts, cuts[1:]):
        if start == end:
            continue
        marks = [i for i, span in placed if span.start <= start and end <= span.end]
        found.append(Segment(start=start, end=end, text=text[start:end], marks=marks))
    return found
