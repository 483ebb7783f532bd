"""Command line: thin commands over the library. Each opens what it needs, calls one
library function and prints. Errors name the input and the reason; tracebacks only with
--debug. Exit codes: 0 success, 1 some inputs failed, 2 bad usage."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from eventwire.errors import EventwireError, UsageError
from eventwire.settings import Settings


class Run:
    """Counts problems and prints them on stderr, one line each."""

    def __init__(self, debug: bool):
        self.debug = debug
        self.problems = 0

    def problem(self, source: str, reason: str) -> None:
        self.problems += 1
        click.echo(f"eventwire: {source}: {reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def cli():
    """eventwire: news reports of armed conflict in, sourced and geocoded events out."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date of the inputs.")
@click.option("--outlet", help="Outlet that published the inputs (e.g. Reuters).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table", "csv", "muc4"]), default="table",
              show_default=True)
@click.option("--reader", default="auto", show_default=True, help="auto, text, html or jsonl.")
@click.option("--max-chars", type=int, default=Settings.max_article_chars, show_default=True,
              help="Articles longer than this are reported and skipped.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor vocabulary (TOML, as patterns/actors.toml); may repeat.")
@click.option("--role-model/--no-role-model", default=True, show_default=True,
              help="Let the trained role model add attackers and victims the parse misses.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def extract(inputs, published, outlet, fmt, reader, max_chars, actor_files, role_model, output, debug):
    """Extract events from articles: text, HTML or JSON Lines files, folders, or - for stdin.

    Example:

        eventwire extract article.txt --published 2018-02-08 --format jsonl

        eventwire extract page.html feed.jsonl --format table
    """
    from eventwire.commands import run_extract

    settings = Settings(max_article_chars=max_chars, actor_files=tuple(Path(p) for p in actor_files),
                        role_model=role_model, debug=debug)
    day = published.date() if published else None
    run = Run(debug)
    run_extract(inputs, settings=settings, run=run, fmt=fmt, reader=reader, published=day, outlet=outlet,
                output=output)
    sys.exit(1 if run.problems else 0)


@cli.command()
@click.argument("events_file", type=click.Path(exists=True, dir_okay=False))
def show(events_file):
    """Show events from a JSON Lines file (as written by `extract --format jsonl`) as a table.

    Example:

        eventwire show out/events.jsonl
    """
    from eventwire.commands import run_show

    sys.exit(1 if run_show(Path(events_file)) else 0)


@cli.group("eval")
def evaluate():
    """Score eventwire against gold data."""


@evaluate.command("gold")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def eval_gold(gold_files):
    """Check articles against *.gold.json files (text and .meta.json beside each).

    Example:

        eventwire eval gold ../shared/corpus/seed/khasham-2018-02-08.gold.json
    """
    from eventwire.commands import run_gold

    failures = run_gold([Path(p) for p in gold_files], Settings())
    sys.exit(1 if failures else 0)


# Areas with several commands keep them in a module of their own, `cli_<area>.py`, which
# defines `register(cli, evaluate)` and adds its commands to the top-level group and `eval`.
COMMAND_MODULES = ("cli_places", "cli_muc4", "cli_store", "cli_merge", "cli_serve")


def _register_areas() -> None:
    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"eventwire.{name}")
        except ModuleNotFoundError as missing:
            if missing.name != f"eventwire.{name}":
                raise
            continue
        module.register(cli, evaluate)


_register_areas()


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:  # bad usage
        error.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("eventwire: aborted", err=True)
        sys.exit(1)
    except UsageError as error:
        click.echo(f"eventwire: {error}", err=True)
        sys.exit(2)
    except EventwireError as error:
        click.echo(f"eventwire: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last guard before the user
        if debug:
            traceback.print_exc()
        click.echo(f"eventwire: unexpected error: {error} (run with --debug for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
