"""The founding article against its gold file: every required field, every must_not rule.

The checker reads any gold file of this form; nothing here knows the seed's answers."""

import pytest

from eventwire.evaluation.gold import check
from eventwire.evaluation.goldfiles import load_case
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def gold_files(shared):
    files = sorted((shared / "corpus" / "seed").glob("*.gold.json"))
    if not files:
        pytest.skip("no gold files in shared/corpus/seed")
    return files


def test_seed_articles_meet_their_gold(gold_files, settings):
    pipeline = Pipeline(settings)
    for path in gold_files:
        article, gold = load_case(path)
        events = next(pipeline.process([article]))[1]
        report = check(gold, events)
        assert report.ok, f"{path.name}: " + "\n".join(report.failures)
