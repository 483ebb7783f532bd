"""Scoring cross-article merging on the merge set: pairwise and B-cubed precision/recall/F1.

The set (`data/merge-set.jsonl`, described in `data/README.md`) holds articles about the
same and different events, each with its gold events as (cluster, anchor): an anchor is words
of the sentence that reports the event. The articles go through the real pipeline; each
extracted event takes the gold cluster of the first anchor that lies inside one of its
evidence spans. Events no anchor lies in are "unlabelled": they are left out of the scores,
and how many of them the merge joined to another event is reported, so that a merge that
swallows stray events shows. Gold is per split: the policy was set on "tune" only, "report"
is the half to quote, and each split is clustered on its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.merge.cluster import cluster
from eventwire.merge.policy import POLICY, MergePolicy
from eventwire.models import Article, Event

DATA_DIR = Path(__file__).parent / "data"
SPLITS = ("tune", "report")


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    split: str
    anchors: tuple[tuple[str, str], ...]  # (cluster, anchor words)


@dataclass
class Scores:
    """Pairwise and B-cubed figures of one split, with the counts behind them."""

    split: str
    articles: int = 0
    events: int = 0
    labelled: int = 0
    gold_clusters: int = 0
    predicted_clusters: int = 0
    unlabelled_merged: int = 0
    pairwise: tuple[float, float, float] = (0.0, 0.0, 0.0)
    bcubed: tuple[float, float, float] = (0.0, 0.0, 0.0)
    wrong: list[str] = field(default_factory=list)  # merged but not gold, gold but not merged


def load_merge_set(data_dir: Path = DATA_DIR, shared: Path | None = None,
                   on_skip: Callable[[str], None] | None = None) -> list[GoldArticle]:
    """The gold articles of `data_dir/merge-set.jsonl`; those read from shared/ (the seed, whose
    licence keeps it out of the repository) are skipped, and told, when `shared` is absent."""
    path = Path(data_dir) / "merge-set.jsonl"
    if not path.is_file():
        raise UsageError(f"{path}: no merge set here (expected merge-set.jsonl)")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        split, gold = record.pop("split"), record.pop("gold")
        if "shared" in record:
            source = Path(shared or "") / record.pop("shared")
            if shared is None or not source.is_file():
                if on_skip:
                    on_skip(f"{path}:{number}: {source} is absent, {record['id']} left out")
                continue
            record["text"] = source.read_text(encoding="utf-8")
        record["published"] = date.fromisoformat(record["published"]) if record.get("published") else None
        anchors = tuple((g["cluster"], g["anchor"]) for g in gold)
        items.append(GoldArticle(Article(source=f"{path.name}:{number}", **record), split, anchors))
    return items


def gold_cluster(event: Event, item: GoldArticle) -> str | None:
    """The gold cluster of the first anchor inside the event's evidence, or None."""
    text = item.article.text
    for name, anchor in item.anchors:
        start = text.find(anchor)
        if any(e.start <= start < e.end for e in event.evidence if e.article_id == item.article.id):
            return name
    return None


def score_split(split: str, extracted: Sequence[tuple[GoldArticle, list[Event]]],
                policy: MergePolicy = POLICY) -> Scores:
    events = [(e, gold_cluster(e, item)) for item, found in extracted for e in found]
    predicted = cluster([e for e, _ in events], policy)
    cluster_of = {e.event_id: n for n, group in enumerate(predicted) for e in group}
    labelled = [(e.event_id, gold, cluster_of[e.event_id]) for e, gold in events if gold]
    merged_sizes = {n: len(g) for n, g in enumerate(predicted)}
    scores = Scores(split=split, articles=len(extracted), events=len(events), labelled=len(labelled),
                    gold_clusters=len({g for _, g, _ in labelled}),
                    predicted_clusters=len({p for _, _, p in labelled}),
                    unlabelled_merged=sum(1 for e, gold in events if not gold and merged_sizes[cluster_of[e.event_id]] > 1))
    scores.pairwise, scores.wrong = _pairwise(labelled)
    scores.bcubed = _bcubed(labelled)
    return scores


def _prf(correct: float, predicted: float, gold: float) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 1.0
    r = correct / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairwise(labelled) -> tuple[tuple[float, float, float], list[str]]:
    same_pred = same_gold = both = 0
    wrong = []
    for (id_a, gold_a, pred_a), (id_b, gold_b, pred_b) in combinations(labelled, 2):
        p, g = pred_a == pred_b, gold_a == gold_b
        same_pred, same_gold, both = same_pred + p, same_gold + g, both + (p and g)
        if p != g:
            wrong.append(f"{'merged' if p else 'missed'}: {id_a} ({gold_a}) ~ {id_b} ({gold_b})")
    return _prf(both, same_pred, same_gold), wrong


def _bcubed(labelled) -> tuple[float, float, float]:
    if not labelled:
        return (1.0, 1.0, 1.0)
    precision = recall = 0.0
    for _, gold, pred in labelled:
        in_pred = [g for _, g, p in labelled if p == pred]
        in_gold = [p for _, g, p in labelled if g == gold]
        overlap = sum(1 for g in in_pred if g == gold)
        precision += overlap / len(in_pred)
        recall += overlap / len(in_gold)
    p, r = precision / len(labelled), recall / len(labelled)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_merge(items: Iterable[GoldArticle], extract: Callable[[list[Article]], Iterable[tuple[Article, list[Event]]]],
                   policy: MergePolicy = POLICY) -> list[Scores]:
    """Scores per split and for both together (each split clustered on its own for its row;
    "all" clusters the whole set at once, so events of one split may join the other's)."""
    items = list(items)
    by_id = {item.article.id: item for item in items}
    extracted = [(by_id[article.id], events) for article, events in extract([i.article for i in items])]
    rows = [score_split(s, [x for x in extracted if x[0].split == s], policy) for s in SPLITS]
    return rows + [score_split("all", extracted, policy)]
