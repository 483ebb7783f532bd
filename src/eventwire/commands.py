"""What the CLI commands do, as functions: read, process, write, report problems."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Iterator

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire.models import Article, InputProblem
from eventwire.output import Writer
from eventwire.pipeline import Pipeline
from eventwire.readers import read_inputs
from eventwire.settings import Settings


def run_extract(inputs, *, settings: Settings, run, fmt: str, reader: str, published, outlet, output) -> None:
    items = read_inputs(list(inputs), reader=reader, published=published, outlet=outlet, settings=settings)
    articles = _good_articles(items, run)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    writer = Writer(fmt, out)
    pipeline = Pipeline(settings)
    with _progress(len(inputs) > 1 or _is_dir(inputs)) as progress:
        task = progress.add_task("extracting", total=None) if progress else None
        for article, events in pipeline.process(articles, on_error=lambda a, e: _failed(run, a, e)):
            writer.write(article, events)
            if progress:
                progress.advance(task)
    writer.close()
    if output:
        out.close()


def _good_articles(items, run) -> Iterator[Article]:
    told = False
    for item in items:
        if isinstance(item, InputProblem):
            run.problem(item.source, item.reason)
            continue
        if item.published is None and not told:
            told = True
            click.echo(
                f"eventwire: note: {item.source or item.id} has no publication date (give --published); "
                "relative dates such as 'on Wednesday' stay unresolved in such articles",
                err=True,
            )
        yield item


def _failed(run, article: Article, error: Exception) -> None:
    if run.debug:
        raise error
    run.problem(article.source or article.id, f"extraction failed: {error!r}")


def _is_dir(inputs) -> bool:
    return any(Path(p).is_dir() for p in inputs if p != "-")


def _progress(wanted: bool):
    if not (wanted and sys.stderr.isatty()):
        return nullcontext(None)
    return Progress(SpinnerColumn(), TextColumn("{task.description}: {task.completed} articles"),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=True)


def run_gold(gold_files: list[Path], settings: Settings) -> int:
    """Extract each gold file's article and check it; print a report; return failures."""
    from eventwire.evaluation.gold import check
    from eventwire.evaluation.goldfiles import load_case

    pipeline = Pipeline(settings)
    failures = 0
    for path in gold_files:
        article, gold = load_case(path)
        events = next(pipeline.process([article]))[1]
        report = check(gold, events)
        failures += len(report.failures)
        click.echo(f"{path.name}: {'PASS' if report.ok else 'FAIL'} "
                   f"({len(events)} events, {sum(e.status == 'reported' for e in events)} reported)")
        for line in report.failures:
            click.echo(f"  fail: {line}")
        for line in report.notes:
            click.echo(f"  note: {line}")
    return failures


def run_show(path: Path) -> int:
    """Print a table of the events in a JSON Lines file; return the number of bad lines."""
    from pydantic import ValidationError

    from eventwire.models import Event

    writer, bad = Writer("table", sys.stdout), 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                writer.write(None, [Event.model_validate_json(line)])
            except ValidationError as error:
                bad += 1
                click.echo(f"eventwire: {path}:{number}: not an event record ({error.error_count()} errors)", err=True)
    writer.close()
    return bad
