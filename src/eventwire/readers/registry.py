"""Reader names, the file extensions that pick them, and content sniffing for the rest.

To add a format (the `muc4` reader, RSS), write a `Reader` function, add it to `READERS`,
and, if it has them, its extensions to `EXTENSIONS` and a test to `sniff`.
"""

from __future__ import annotations

from eventwire.readers.base import Reader
from eventwire.readers.html import read_html
from eventwire.readers.jsonl import read_jsonl
from eventwire.readers.text import read_text

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json-lines": "jsonl",
}


def reader_names() -> list[str]:
    """Every value `read_inputs(reader=...)` accepts."""
    return ["auto", *READERS]


def choose_reader(reader: str, suffix: str, text: str) -> str:
    """The reader for one input: as asked, else by extension, else by its content."""
    if reader != "auto":
        return reader
    return EXTENSIONS.get(suffix.lower()) or sniff(text)


def sniff(text: str) -> str:
    """Guess the format from the first line: `{` is JSON Lines, `<html`/`<!doctype` is HTML.

    Example: `sniff('{"text": "..."}')` is "jsonl"; `sniff("BEIRUT, Feb 8 ...")` is "text".
    """
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if head[:9].lower().startswith(("<html", "<!doctype")):
        return "html"
    return "text"
