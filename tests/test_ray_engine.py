"""The Ray engine gives the very events of one process, in input order; failures are told.

Ray starts once for this module (2 CPUs, no dashboard, worker logs kept off the console) and
`process_with_ray` joins it instead of starting its own. The demo-corpus comparison extracts
45 articles on two actors: it takes about a minute on a 2-core machine (most of it Ray and
actor start-up); the other tests take seconds.
"""

import json
from pathlib import Path

import pytest

from eventwire.models import Article

ray = pytest.importorskip("ray")

from eventwire.engines import ray_engine  # noqa: E402 - after the importorskip
from eventwire.engines.ray_engine import RemoteExtractionError, process_with_ray  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.jsonl"


@pytest.fixture(scope="module")
def local_ray():
    started = ray_engine._start(ray, None, 2)
    yield
    if started:
        ray.shutdown()


def demo_articles() -> list[Article]:
    return [Article.model_validate(json.loads(line)) for line in DEMO.read_text().splitlines()]


def dumped(pairs):
    return [(article.id, [e.model_dump(mode="json") for e in events]) for article, events in pairs]


def test_ray_gives_the_same_events_as_one_process_on_the_demo_corpus(local_ray, settings):
    """About a minute: the whole demo corpus on two Ray actors."""
    from eventwire.pipeline import Pipeline

    articles = demo_articles()
    single = dumped(Pipeline(settings).process(articles))
    on_ray = dumped(process_with_ray(articles, settings, batch_size=4))
    assert [a for a, _ in on_ray] == [a.id for a in articles]
    assert sum(len(events) for _, events in single) > 40
    assert on_ray == single


class Failing:
    """A stand-in pipeline that fails on articles whose text says so."""

    def process(self, articles, on_error):
        for article in articles:
            if "fail" in article.text:
                on_error(article, ValueError("no parse"))
            else:
                yield article, []


def test_a_failing_article_is_named_and_the_rest_of_its_batch_goes_on(settings):
    extractor = ray_engine._Extractor.__new__(ray_engine._extractor_for(settings))
    extractor.pipeline = Failing()
    batch = {"index": [0, 1], "article": [Article(id=i, text=t).model_dump_json() for i, t in
                                         (("a", "please fail"), ("b", "Shelling in Idlib."))]}
    out = extractor(batch)
    assert out["index"] == [0, 1]
    assert out["error"] == ["ValueError('no parse')", ""]
    assert out["events"] == ["[]", "[]"]


def test_worker_errors_reach_on_error_or_raise():
    chunk = [Article(id="bad", text="x"), Article(id="good", text="y")]
    rows = [{"index": 0, "events": "[]", "error": "ValueError('no parse')"}, {"index": 1, "events": "[]", "error": ""}]
    told = []
    done = list(ray_engine._results(chunk, rows, lambda a, e: told.append((a.id, str(e)))))
    assert [a.id for a, _ in done] == ["good"]
    assert told == [("bad", "bad: ValueError('no parse')")]
    with pytest.raises(RemoteExtractionError, match="bad"):
        list(ray_engine._results(chunk, rows, None))


def test_ingest_with_the_ray_engine_stores_what_the_local_engine_stores(local_ray, settings, tmp_path):
    from eventwire.store import Store
    from eventwire.store.ingest import engine_for, ingest

    articles = demo_articles()[:6]
    stored = {}
    for name in ("local", "ray"):
        with Store.open(tmp_path / f"{name}.db") as store:
            report = ingest(articles, store, engine_for(name, settings), commit_every=4)
            assert (report.stored, report.failed) == (6, 0)
            stored[name] = sorted((e.event_id, e.model_dump_json()) for e in store.events())
    assert stored["ray"] == stored["local"] and len(stored["ray"]) >= 6
