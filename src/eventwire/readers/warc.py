"""The WARC reader: one article per archived HTML page, via warcio; `.warc` or `.warc.gz`.

Web archives are binary (and usually gzipped), so this reader opens the file itself
(`source.name`) instead of reading `source.text`: `read_inputs` hands it an `Input` with
empty text (see `RAW_READERS` in the registry). Each `response` (or `resource`) record
whose content type is HTML becomes one article through the HTML reader (trafilatura:
main text, title, date, site name); its id and url are the record's target URI.
Other records (requests, images, scripts, revisits) are skipped without a word; a page
without article text is one problem named `crawl.warc.gz#URI`, and an archive without
any HTML page (or a file that is no WARC) is one problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input
from eventwire.readers.html import read_html

_PAGE_RECORDS = ("response", "resource")


def read_warc(source: Input) -> Iterator[Article | InputProblem]:
    """Yield one article (or one problem) per HTML page archived in the WARC file.

    Example: a response record for `https://example.org/news/1` holding an article page gives
    `Article(id="https://example.org/news/1", url="https://example.org/news/1",
    source="crawl.warc.gz#https://example.org/news/1", ...)`.
    """
    from warcio.archiveiterator import ArchiveIterator  # imported when used

    records = pages = 0
    with open(source.name, "rb") as stream:
        for record in ArchiveIterator(stream):
            if not record.format.startswith("warc"):  # warcio reads any text as an old ARC file
                continue
            records += 1
            if record.rec_type not in _PAGE_RECORDS:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            kind = _content_type(record)
            if "html" not in kind:
                continue
            pages += 1
            where = f"{source.name}#{uri}"
            html = _decode(record.content_stream().read(), kind)
            if html is None:
                yield InputProblem(source=where, reason="page is not text in a known encoding")
                continue
            for found in read_html(Input(name=where, stem=uri or source.stem, text=html)):
                if isinstance(found, Article):
                    found = found.model_copy(update={"id": uri or found.id, "url": uri or found.url})
                yield found
    if not pages:
        reason = f"no HTML pages among its {records} records" if records else "not a WARC file (no records)"
        yield InputProblem(source=source.name, reason=reason)


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").lower()


def _decode(data: bytes, content_type: str) -> str | None:
    from eventwire.readers.decoding import decode

    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip('"')
    if charset:
        try:
            return data.decode(charset).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)
