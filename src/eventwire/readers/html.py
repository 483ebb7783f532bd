"""The HTML reader: trafilatura finds the article's main text and its metadata.

Title, publication date (from the page's markup), site name (the outlet) and canonical
URL come from trafilatura's metadata. The extracted text is the article text: character
offsets downstream point into it, not into the HTML.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input

# Dates from the page's markup and URL only; a date guessed from the running text would
# outrank the dateline, which `read_inputs` reads from the text itself with more care.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(source: Input) -> Iterator[Article | InputProblem]:
    """Yield the page's main text as one article, with trafilatura's metadata.

    Example: a page titled "Strike kills 5" with `og:site_name` "Example News" gives
    `Article(title="Strike kills 5", outlet="Example News", published_from="html", ...)`.
    """
    import trafilatura  # imported when used: it is slow to import

    doc = trafilatura.bare_extraction(
        source.text,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        yield InputProblem(source=source.name, reason="no article text found in the HTML")
        return
    published = _iso_date(doc.date)
    yield Article(
        id=source.stem,
        text=text,
        title=doc.title or None,
        published=published,
        published_from="html" if published else None,
        outlet=doc.sitename or None,
        url=doc.url or None,
        source=source.name,
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
