"""The RSS/Atom reader: one article per feed entry, via feedparser.

An entry's text is its full content (`content:encoded`, Atom `<content>`) when the feed
carries it, else its summary, as plain text with paragraphs kept; many feeds carry only
summaries, and then that is what is extracted. The entry's date is its publication date
(else its update date), the feed's title is the outlet, the entry's link its url; its id
is the entry's `id`/`guid`, else its link, else `STEM:N`. An entry without text is one
problem named `feed.xml#N`; the other entries are still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")


def read_feed(source: Input) -> Iterator[Article | InputProblem]:
    """Yield one article (or one problem) per entry of an RSS or Atom feed.

    Example: an RSS item `<title>Strike kills 5</title><guid>n-1</guid><pubDate>Thu, 08 Feb
    2018 ...` in a channel titled "Example News" gives `Article(id="n-1", title="Strike kills 5",
    published=date(2018, 2, 8), outlet="Example News", source="feed.xml#1")`.
    """
    import feedparser  # imported when used

    parsed = feedparser.parse(source.text)
    if not parsed.entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield InputProblem(source=source.name, reason=f"not an RSS or Atom feed with entries{why}")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source.name}#{number}"
        text = _entry_text(entry)
        if not text:
            yield InputProblem(source=where, reason="feed entry has no text (no content or summary)")
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        yield Article(
            id=entry.get("id") or entry.get("link") or f"{source.stem}:{number}",
            text=text,
            title=entry.get("title") or None,
            published=published,
            published_from="record" if published else None,
            outlet=outlet,
            url=entry.get("link") or None,
            source=where,
        )


def _entry_text(entry) -> str:
    parts = entry.get("content") or []
    best = max(parts, key=lambda part: len(part.get("value", "")), default=None)
    if best is not None and best.get("value", "").strip():
        value, kind = best["value"], best.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary", ""), detail.get("type", "text/html")
    return html_text(value) if "html" in kind else value.strip()


def html_text(markup: str) -> str:
    """Plain text from an HTML fragment: one paragraph per block element, spaces collapsed."""
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
