"""The plain-text reader: one file, one article, the text exactly as read."""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input


def read_text(source: Input) -> Iterator[Article | InputProblem]:
    """Yield the whole input as one article whose id is the file stem.

    Example: `news/khasham.txt` gives `Article(id="khasham", source="news/khasham.txt")`.
    """
    yield Article(id=source.stem, text=source.text, source=source.name)
