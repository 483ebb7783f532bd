"""`eventwire eval merge`: the scorer's figures on tiny hand-made clusterings, anchors, the
shipped set, and the command on a two-outlet set of its own."""

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.merge.evaluate import DATA_DIR, _bcubed, _pairwise, gold_cluster, load_merge_set
from eventwire.models import Article, Event, Evidence


def test_pairwise_and_bcubed_on_a_known_clustering():
    # gold {a,b,c} {d}; predicted {a,b} {c,d}
    labelled = [("a", "x", 0), ("b", "x", 0), ("c", "x", 1), ("d", "y", 1)]
    (p, r, f), wrong = _pairwise(labelled)
    assert (p, r) == (0.5, 1 / 3)  # 1 of 2 merged pairs right; 1 of 3 gold pairs found
    assert sorted(w.split(":")[0] for w in wrong) == ["merged", "missed", "missed"]
    bp, br, _ = _bcubed(labelled)
    assert bp == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert br == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_an_event_takes_the_cluster_of_the_anchor_in_its_evidence():
    text = "Rockets hit the camp on Thursday. Separately, a bomb exploded in the market."
    item = load_item(text, [("camp", "Rockets hit"), ("market", "a bomb exploded")])
    second = Event(event_id="e", event_type="Battles", sub_event_type="Armed clash",
                   evidence=[Evidence(article_id="a", start=34, end=len(text), text=text[34:])])
    assert gold_cluster(second, item) == "market"
    assert gold_cluster(second.model_copy(update={"evidence": []}), item) is None


def load_item(text, anchors):
    from eventwire.merge.evaluate import GoldArticle

    return GoldArticle(Article(id="a", text=text), "tune", tuple(anchors))


def test_the_shipped_set_has_both_halves_and_tells_when_the_seed_is_absent():
    told = []
    items = load_merge_set(DATA_DIR, None, on_skip=told.append)
    assert {i.split for i in items} == {"tune", "report"}
    assert len(items) >= 50 and all(i.article.published for i in items)
    assert len(told) == 1 and "khasham" in told[0]
    for item in items:  # every anchor is words of its article
        assert all(anchor in item.article.text for _, anchor in item.anchors), item.article.id


def test_eval_merge_scores_two_outlets_of_one_event_against_a_third_event(tmp_path, settings, monkeypatch):
    rows = [
        {"id": "r1", "outlet": "Reuters", "published": "2017-10-15", "split": "report",
         "text": "A truck bomb exploded at a busy junction in Mogadishu on Saturday, killing at least 231 people, police said.",
         "gold": [{"cluster": "truck", "anchor": "A truck bomb exploded"}]},
        {"id": "r2", "outlet": "BBC", "published": "2017-10-16", "split": "report",
         "text": "The toll from Saturday's lorry bomb attack in Mogadishu has risen to 276, officials say.",
         "gold": [{"cluster": "truck", "anchor": "lorry bomb attack"}]},
        {"id": "r3", "outlet": "AFP", "published": "2017-10-20", "split": "report",
         "text": "Gunmen stormed a hotel in Kismayo on Thursday, killing 5 guards, police said.",
         "gold": [{"cluster": "hotel", "anchor": "Gunmen stormed a hotel"}]},
    ]
    (tmp_path / "merge-set.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(settings.cache_dir))
    result = CliRunner().invoke(cli, ["eval", "merge", "--data", str(tmp_path), "--shared", str(tmp_path / "no")])
    assert result.exit_code == 0, result.output
    report = next(line.split() for line in result.output.splitlines() if line.startswith("report"))
    assert report[1:6] == ["3", "3", "3", "2", "2"]  # articles, events, labelled, gold, predicted clusters
    assert report[-1] == "1.000"  # B-cubed F1
