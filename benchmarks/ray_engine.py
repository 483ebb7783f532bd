"""Articles/s: one process vs the Ray engine in local mode with 2 CPUs, on the demo corpus.

    .venv/bin/python benchmarks/ray_engine.py [--copies 4]

One process: the pipeline loaded first (untimed), then the articles timed; also end to end with
loading. Ray: end to end (Ray start, actors loading their pipelines, extraction, shutdown), then
with Ray already running (actors still load per call). `--copies N` repeats the corpus N times
(with new ids) to show throughput once start-up is paid.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.models import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.jsonl"


def articles(copies: int) -> list[Article]:
    base = [Article.model_validate(json.loads(line)) for line in DEMO.read_text().splitlines()]
    return [a.model_copy(update={"id": f"{a.id}-{n}"}) for n in range(copies) for a in base]


def timed(run) -> tuple[float, int]:
    start = time.perf_counter()
    count = sum(1 for _ in run())
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--cpus", type=int, default=2)
    args = parser.parse_args()
    items, settings = articles(args.copies), Settings()
    import ray

    from eventwire.engines import ray_engine

    rows = []
    seconds, n = timed(lambda: Pipeline(settings).process(items))
    rows.append(("one process, end to end (loading included)", seconds, n))
    pipeline = Pipeline(settings).load()
    seconds, n = timed(lambda: pipeline.process(items))
    rows.append(("one process, extraction only", seconds, n))
    seconds, n = timed(lambda: ray_engine.process_with_ray(items, settings, num_cpus=args.cpus))
    rows.append((f"Ray local {args.cpus} CPUs, end to end (start, actors, shutdown)", seconds, n))
    ray_engine._start(ray, None, args.cpus)
    seconds, n = timed(lambda: ray_engine.process_with_ray(items, settings))
    rows.append((f"Ray local {args.cpus} CPUs, Ray already running", seconds, n))
    ray.shutdown()
    for name, seconds, n in rows:
        print(f"| {name} | {n} | {seconds:.1f} s | {n / seconds:.1f} |")


if __name__ == "__main__":
    main()
