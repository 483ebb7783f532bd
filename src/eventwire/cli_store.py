"""Commands of the store: `eventwire ingest` (inputs to the database) and `eventwire export`
(the database to JSON Lines, ACLED-style CSV, GeoJSON, Parquet or MUC-4). Thin: each opens the
store, calls one library function (`store.ingest.ingest`, `exports.export`) and prints."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from eventwire.settings import Settings

DB_HELP = "Database: a SQLAlchemy URL (postgresql+psycopg://user:pw@host/db) or a SQLite file path."
DATE = click.DateTime(["%Y-%m-%d"])


def register(cli: click.Group, evaluate: click.Group) -> None:
    cli.add_command(ingest)
    cli.add_command(export)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", envvar="EVENTWIRE_DB", default="sqlite:///eventwire.db", show_default=True, help=DB_HELP)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Extract in this process, or on Ray Data.")
@click.option("--reader", default="auto", show_default=True,
              help="auto (by extension and content), text, html, jsonl, rss, warc or muc4.")
@click.option("--published", type=DATE, help="Publication date of the inputs.")
@click.option("--outlet", help="Outlet that published the inputs (e.g. Reuters).")
@click.option("--commit-every", type=click.IntRange(min=1), default=16, show_default=True,
              help="Articles per transaction: at most this much work is redone after a crash.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def ingest(inputs, db, engine, reader, published, outlet, commit_every, debug):
    """Extract events from articles and store them; re-running skips what is stored.

    Inputs are files, folders, JSON Lines, RSS/Atom feeds and WARC files, or - for stdin.
    A run that is interrupted (even by kill -9) resumes where it stopped when run again.

    Example:

        eventwire ingest news/ feeds/*.xml crawl.warc.gz --db eventwire.db

        eventwire ingest examples/demo.jsonl --db postgresql+psycopg://eventwire@localhost/events
    """
    from eventwire.cli import Run
    from eventwire.readers import read_inputs
    from eventwire.store import Store
    from eventwire.store.ingest import engine_for, ingest as run_ingest

    settings, run = Settings(debug=debug), Run(debug)
    day = published.date() if published else None
    extractor = engine_for(engine, settings)
    with Store.open(db) as store, _progress() as progress:
        items = _noting_undated(read_inputs(list(inputs), reader=reader, published=day, outlet=outlet,
                                            settings=settings))
        report = run_ingest(items, store, extractor, commit_every=commit_every,
                            on_problem=run.problem, on_progress=progress)
    click.echo(f"eventwire: {store.display_url}: {report.summary()}", err=True)
    sys.exit(1 if run.problems else 0)


@click.command()
@click.option("--db", envvar="EVENTWIRE_DB", default="sqlite:///eventwire.db", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "acled-csv", "geojson", "parquet", "muc4"]),
              required=True, help="See docs/exports.md for each format's columns.")
@click.option("-o", "--output", required=True, help="File to write (- for stdout, except parquet).")
@click.option("--since", type=DATE, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", type=DATE, help="Events on or before this date (YYYY-MM-DD).")
@click.option("--country", help="ISO code (SY) or name (Syria) of the event's country.")
@click.option("--type", "event_type", help="Event type or sub-event type, e.g. Battles or 'Air/drone strike'.")
@click.option("--merged/--per-article", default=True, show_default=True,
              help="Reports of the same event as one record (eventwire.merge), or each article's events.")
def export(db, fmt, output, since, until, country, event_type, merged):
    """Write the stored events to a file: JSON Lines, ACLED-style CSV, GeoJSON, Parquet or MUC-4.

    Reports of the same event by several articles are merged into one record (--per-article
    gives the events as each article was extracted); muc4 writes one document per article.

    Example:

        eventwire export --db eventwire.db --format acled-csv -o events.csv --country SY --since 2018-01-01

        eventwire export --db eventwire.db --format geojson -o events.geojson --type Battles
    """
    from eventwire.exports import export as write
    from eventwire.exports.countries import country_code
    from eventwire.exports.merged import merged as merge
    from eventwire.store import EventQuery, Store

    query = EventQuery(since=since.date() if since else None, until=until.date() if until else None,
                       country=country_code(country) if country else None, event_type=event_type)
    with Store.open(db, create=False) as store:
        if fmt == "muc4":
            count, what = write(store.article_events(query), fmt, output), "documents"
        else:
            events = store.stored_events(query)
            count, what = write(merge(events) if merged else events, fmt, output), "merged events" if merged else "events"
    click.echo(f"eventwire: wrote {count} {what} to {output} ({fmt})", err=True)


def _noting_undated(items):
    """The items as they are; the first article without a publication date is named once."""
    told = False
    for item in items:
        if not told and getattr(item, "published", False) is None:
            told = True
            click.echo(f"eventwire: note: {item.source or item.id} has no publication date (give --published); "
                       "relative dates such as 'on Wednesday' stay unresolved in such articles", err=True)
        yield item


@contextmanager
def _progress():
    """A progress callback for `ingest`: a rich bar on stderr with articles/s, when a TTY."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("ingesting: {task.fields[done]} articles extracted, "
                                           "{task.fields[skipped]} skipped, {task.fields[rate]:.1f} articles/s"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingest", total=None, done=0, skipped=0, rate=0.0)

        def show(report) -> None:
            bar.update(task, done=report.extracted, skipped=report.skipped, rate=report.rate)

        yield show

