"""MUC-4 commands: `eventwire eval muc4` scores the system; `eventwire train muc4` trains it."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def register(cli: click.Group, evaluate: click.Group) -> None:
    evaluate.add_command(eval_muc4)
    cli.add_command(train_group)


class Problems:
    """Counts bad inputs and names each on stderr, one line each."""

    def __init__(self):
        self.count = 0

    def __call__(self, source: str, reason: str) -> None:
        self.count += 1
        click.echo(f"eventwire: {source}: {reason}", err=True)


@click.command("muc4")
@click.option("--split", default="tst1,tst2", show_default=True, help="tst1, tst2, dev, or a comma list.")
@click.option("--data", type=click.Path(file_okay=False), help="The MUC-4 folder (default ../shared/eval/muc4).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score this `--format muc4` file instead of running the system.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def eval_muc4(split, data, predictions, debug):
    """Score MUC-4 templates: per-role and micro P/R/F1 (Du et al. 2021), incident-type F1.

    Example:

        eventwire eval muc4 --split tst1,tst2
    """
    from eventwire.muc4.evaluate import load_predictions, predict, report
    from eventwire.muc4.gold import corpus_files, default_data_dir, load_gold, parse_splits
    from eventwire.muc4.keys import key_files, read_confidences, score_confidence
    from eventwire.muc4.score import score
    from eventwire.settings import Settings

    splits, folder, problems = parse_splits(split), Path(data) if data else default_data_dir(), Problems()
    gold = load_gold(folder, splits)
    if predictions:
        found = load_predictions(Path(predictions), problems)
    else:
        found = predict(corpus_files(folder, splits), settings=Settings(debug=debug), problem=problems)
    click.echo(report(score(found, gold)))
    keys = key_files(folder, splits)
    if keys:
        click.echo(score_confidence(found, read_confidences(keys)).report())
    sys.exit(1 if problems.count else 0)


@click.group("train")
def train_group():
    """Train eventwire's learned components."""


@train_group.command("muc4")
@click.option("--data", type=click.Path(file_okay=False), help="The MUC-4 folder (default ../shared/eval/muc4).")
@click.option("-o", "--output", type=click.Path(file_okay=False), help="Default: the shipped src/eventwire/trained/muc4.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--epochs", type=int, default=12, show_default=True)
def train_muc4(data, output, seed, epochs):
    """Train the MUC-4 role and incident-type model on DEV only (TST1/TST2 are never read).

    Example:

        eventwire train muc4 --seed 0
    """
    from eventwire.muc4.gold import default_data_dir
    from eventwire.muc4.train import DEFAULT_OUTPUT, train

    where = train(Path(data) if data else default_data_dir(), Path(output) if output else DEFAULT_OUTPUT,
                  seed=seed, epochs=epochs)
    click.echo(f"eventwire: trained model written to {where}")
