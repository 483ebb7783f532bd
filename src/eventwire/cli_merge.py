"""Commands of cross-article merging: `eventwire merge` merges the events of JSON Lines files
(reports of one event by several articles become one record); `eventwire eval merge` scores the
merge on the merge set (pairwise and B-cubed precision/recall/F1). Thin: each reads its input,
calls one library function (`merge.merge_events`, `merge.evaluate`) and prints."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_SHARED = Path("../shared")


def register(cli: click.Group, evaluate: click.Group) -> None:
    cli.add_command(merge)
    evaluate.add_command(eval_merge)


@click.command()
@click.argument("events_files", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
def merge(events_files, output):
    """Merge events reported by several articles into one record each (JSON Lines in and out).

    Example:

        eventwire extract news/ --format jsonl -o events.jsonl && eventwire merge events.jsonl -o merged.jsonl
    """
    from eventwire.cli import Run
    from eventwire.merge import MERGE_POLICY, merge_events
    from eventwire.merge.jsonl import read_events
    from eventwire.output import Writer

    run = Run(debug=False)
    events = read_events(events_files, run.problem)
    merged = merge_events(events)
    with click.open_file(output or "-", "w", encoding="utf-8") as out:
        writer = Writer("jsonl", out)
        writer.write(None, merged)
        writer.close()
    click.echo(f"eventwire: {len(events)} events in, {len(merged)} out ({MERGE_POLICY})", err=True)
    sys.exit(1 if run.problems else 0)


@click.command("merge")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with merge-set.jsonl (default: the set shipped with eventwire).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SHARED,
              show_default=True, help="The shared folder, for articles the set reads from it (the seed).")
@click.option("--explain", is_flag=True, help="List each pair merged against gold, or missed.")
def eval_merge(data, shared, explain):
    """Score cross-article merging: pairwise and B-cubed precision, recall and F1 per split.

    Example:

        eventwire eval merge

        eventwire eval merge --data my-merge-set/ --explain
    """
    from eventwire.merge.evaluate import DATA_DIR, evaluate_merge, load_merge_set
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    items = load_merge_set(data or DATA_DIR, shared if shared.is_dir() else None,
                           on_skip=lambda why: click.echo(f"eventwire: {why}", err=True))
    rows = evaluate_merge(items, Pipeline(Settings()).process)
    click.echo(f"{'split':<7} {'articles':>8} {'events':>6} {'labelled':>8} {'gold':>5} {'merged':>6}"
               f" {'pair P':>6} {'pair R':>6} {'pair F1':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}")
    for r in rows:
        click.echo(f"{r.split:<7} {r.articles:>8} {r.events:>6} {r.labelled:>8} {r.gold_clusters:>5}"
                   f" {r.predicted_clusters:>6} {r.pairwise[0]:>6.3f} {r.pairwise[1]:>6.3f} {r.pairwise[2]:>7.3f}"
                   f" {r.bcubed[0]:>6.3f} {r.bcubed[1]:>6.3f} {r.bcubed[2]:>6.3f}")
    click.echo(f"unlabelled events merged with another: {', '.join(f'{r.split} {r.unlabelled_merged}' for r in rows)}")
    for r in rows[:-1] if explain else []:
        for line in r.wrong:
            click.echo(f"{r.split}: {line}")
    sys.exit(0)
