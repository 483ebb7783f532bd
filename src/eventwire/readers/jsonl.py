"""The JSON Lines reader: one article a line, `{"id", "text", "title", "published", ...}`.

Fields: id, text, title, published, outlet, url, language; only `text` is required.
A bad line is one problem named `path:LINE`; the other lines are still read.
Blank lines are skipped. Ids are the record's `id`, else `STEM:LINE`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input

_OPTIONAL_TEXT_FIELDS = ("title", "outlet", "url", "language")


class _BadRecord(ValueError):
    """A record that cannot become an article; the message is the reason."""


def read_jsonl(source: Input) -> Iterator[Article | InputProblem]:
    """Yield one article (or one problem) per non-blank line.

    Example: line 3 of `feed.jsonl` holding `{"text": "..."}` gives
    `Article(id="feed:3", source="feed.jsonl:3")`.
    """
    for number, line in enumerate(source.text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source.name}:{number}"
        try:
            yield _article(json.loads(line), default_id=f"{source.stem}:{number}", where=where)
        except json.JSONDecodeError as error:
            reason = f"not valid JSON ({error.msg} at column {error.colno})"
            yield InputProblem(source=where, reason=reason)
        except _BadRecord as error:
            yield InputProblem(source=where, reason=str(error))


def _article(record: Any, *, default_id: str, where: str) -> Article:
    if not isinstance(record, dict):
        raise _BadRecord(f"not a JSON object but {_kind(record)}")
    text = record.get("text")
    if text is None:
        raise _BadRecord('no "text" field')
    if not isinstance(text, str):
        raise _BadRecord(f'"text" is {_kind(text)}, not a string')
    if not text.strip():
        raise _BadRecord('"text" is empty')
    fields = {name: _optional_str(record, name) for name in _OPTIONAL_TEXT_FIELDS}
    published = _published(record.get("published"))
    return Article(
        id=_id(record.get("id")) or default_id,
        text=text,
        published=published,
        published_from="record" if published else None,
        source=where,
        **{name: value for name, value in fields.items() if value is not None},
    )


def _id(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _BadRecord(f'"id" is {_kind(value)}, not a string or an integer')
    return str(value)


def _optional_str(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _BadRecord(f'"{name}" is {_kind(value)}, not a string')
    return value


def _published(value: Any) -> date | None:
    """An ISO date or date-time string; a date-time keeps its own (local) calendar day."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                return parse(value.strip())
            except ValueError:
                pass
    raise _BadRecord(f'"published" is not an ISO date such as "2018-02-08": {value!r}')


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
