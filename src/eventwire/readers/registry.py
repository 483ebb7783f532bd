"""Reader names, the file extensions that pick them, and content sniffing for the rest.

To add a format (the `muc4` reader, RSS), write a `Reader` function, add it to `READERS`,
and, if it has them, its extensions to `EXTENSIONS` and a test to `sniff`.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.readers.base import Reader
from eventwire.readers.feed import read_feed
from eventwire.readers.html import read_html
from eventwire.readers.jsonl import read_jsonl
from eventwire.readers.muc4 import read_muc4
from eventwire.readers.text import read_text
from eventwire.readers.warc import read_warc

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "rss": read_feed,
    "warc": read_warc,
    "muc4": read_muc4,
}
RAW_READERS = {"warc"}  # read the file themselves (binary): `read_inputs` gives them no text

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json-lines": "jsonl",
    ".rss": "rss",
    ".atom": "rss",
    ".warc": "warc",
    ".warc.gz": "warc",
}


def reader_names() -> list[str]:
    """Every value `read_inputs(reader=...)` accepts."""
    return ["auto", *READERS]


def choose_reader(reader: str, suffix: str, text: str) -> str:
    """The reader for one input: as asked, else by extension, else by its content."""
    if reader != "auto":
        return reader
    return EXTENSIONS.get(suffix.lower()) or sniff(text)


def suffix_of(name) -> str:
    """The file's extension as `EXTENSIONS` knows it: ".warc.gz" for `crawl.warc.gz`, else the last one."""
    lower = Path(name).name.lower()
    compound = [ext for ext in EXTENSIONS if ext.count(".") > 1 and lower.endswith(ext)]
    return compound[0] if compound else Path(lower).suffix


def sniff(text: str) -> str:
    """Guess the format from the first line: `{` is JSON Lines, `<html`/`<!doctype` is HTML.

    Example: `sniff('{"text": "..."}')` is "jsonl"; `sniff("BEIRUT, Feb 8 ...")` is "text".
    """
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if head[:9].lower().startswith(("<html", "<!doctype")):
        return "html"
    if head.startswith(("<?xml", "<rss", "<feed")):  # XML: a feed is the XML eventwire reads
        return "rss"
    return "text"
