"""`read_inputs`: paths in, `Article`s and `InputProblem`s out, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input
from eventwire.readers.dateline import parse_dateline
from eventwire.readers.registry import RAW_READERS, READERS, choose_reader, reader_names, suffix_of
from eventwire.readers.sources import STDIN, expand, load
from eventwire.settings import Settings


def read_inputs(
    paths: Sequence[str | Path],
    *,
    reader: str = "auto",
    published: date | None = None,
    outlet: str | None = None,
    settings: Settings,
) -> Iterator[Article | InputProblem]:
    """Read every path (a file, a directory of files, or "-" for stdin) into articles.

    Bad input never raises: each bad file or line is one `InputProblem` naming it
    (`feed.jsonl:7`) and why, and the rest is still read. `published` and `outlet`
    override what the inputs say; an unknown `reader` raises `UsageError`.

    Example:
        for item in read_inputs(["news/"], published=date(2018, 2, 8), settings=Settings()):
            print(item.id if isinstance(item, Article) else f"{item.source}: {item.reason}")
    """
    if isinstance(paths, (str, Path)):  # one path, not a sequence of characters
        paths = [paths]
    if reader not in reader_names():
        choices = ", ".join(reader_names())
        raise UsageError(f"unknown reader {reader!r}: choose one of {choices}")
    return _read_all(paths, reader, published, outlet, settings)


def _read_all(paths, reader, published, outlet, settings) -> Iterator[Article | InputProblem]:
    for path in paths:
        # 1. a path stands for files (a directory, many), stdin, or is itself a problem
        for item in expand(path):
            if isinstance(item, InputProblem):
                yield item
                continue
            # 2. bytes to text: decoded, or empty, binary, unreadable (raw readers read the file)
            suffix = "" if item == STDIN else suffix_of(item)
            raw = item != STDIN and choose_reader(reader, suffix, "") in RAW_READERS
            source = Input(str(item), Path(item).name[: -len(suffix) or None], "") if raw else load(item)
            if isinstance(source, InputProblem):
                yield source
                continue
            # 3. one reader per input: as asked, by extension, or by sniffing the content
            name = choose_reader(reader, suffix, source.text)
            # 4. the reader's articles, completed: options, dateline, size limit
            for found in _guarded(READERS[name], source, name, settings):
                if isinstance(found, Article):
                    found = finish(found, published=published, outlet=outlet, settings=settings)
                yield found


def _guarded(read, source: Input, name: str, settings: Settings) -> Iterable:
    """The reader's output; a failure inside a reader or a library is one problem."""
    try:
        yield from read(source)
    except Exception as error:  # noqa: BLE001 - a bad input must not stop the run
        if settings.debug:
            raise
        reason = f"could not be read as {name} ({type(error).__name__}: {error})"
        yield InputProblem(source=source.name, reason=reason)


def finish(
    article: Article, *, published: date | None, outlet: str | None, settings: Settings
) -> Article | InputProblem:
    """Apply the caller's options and the dateline, and check the size limit.

    Publication date, first found wins: the `published` option, then what the reader found
    (the record's `published`, the HTML metadata), then the text's dateline. Outlet likewise:
    the `outlet` option, the record or the HTML site name, then the dateline's wire service.
    """
    text = article.text.replace("\r\n", "\n")
    if len(text) > settings.max_article_chars:
        limit = settings.max_article_chars
        reason = (
            f"article is {len(text):,} characters, over the limit of {limit:,} "
            f"(raise it with --max-chars {len(text)} or Settings.max_article_chars)"
        )
        return InputProblem(source=article.source or article.id, reason=reason)
    changes: dict = {"text": text}
    if published is not None:
        changes.update(published=published, published_from="option")
    if outlet:
        changes["outlet"] = outlet
    needs_date = published is None and article.published is None
    needs_outlet = not (outlet or article.outlet)
    if needs_date or needs_outlet:
        dateline = parse_dateline(text)
        if dateline is not None and dateline.date is not None and needs_date:
            changes.update(published=dateline.date, published_from="dateline")
        if dateline is not None and dateline.outlet and needs_outlet:
            changes["outlet"] = dateline.outlet
    return article.model_copy(update=changes)
