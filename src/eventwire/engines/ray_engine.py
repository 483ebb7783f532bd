"""Extraction on Ray Data: the same pipeline, one loaded copy per Ray actor, many actors.

    for article, events in process_with_ray(articles, settings, num_cpus=2):
        ...

Why this shape: loading spaCy, the actor book and the place index takes seconds, so each
actor loads one `Pipeline` once (`_Extractor`, a callable class given to `map_batches`) and
then extracts batch after batch. Articles and events cross the process boundary as JSON
(`model_dump(mode="json")` / `model_validate`), the contract every other output uses, so a
Ray run gives the very records of a single-process run (event ids are content hashes). The
results come back in input order (`preserve_order`), so `eventwire ingest` stores them by
batch exactly as with the local engine, and its resume-after-kill guarantee holds.

Ray is started in local mode with `num_cpus` CPUs unless `address` names a cluster
(`ray://head:10001`, see docs/scale-out.md), and shut down again when this function started
it. An article whose extraction fails on a worker is told to `on_error` (the rest go on), or
raises `RemoteExtractionError` when there is no `on_error`.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from eventwire.errors import EventwireError
from eventwire.models import Article, Event
from eventwire.settings import Settings

CHUNK = 4096  # articles per Ray dataset: memory bound on the driver; actors reload per chunk


class RemoteExtractionError(EventwireError):
    """Extraction failed on a Ray worker; the message is the worker's error."""


class _Extractor:
    """One loaded pipeline per Ray actor: a batch of article JSON in, events JSON out."""

    settings: Settings = Settings()

    def __init__(self):
        from eventwire.pipeline import Pipeline

        self.pipeline = Pipeline(self.settings).load()

    def __call__(self, batch: dict) -> dict:
        articles = [Article.model_validate_json(text) for text in batch["article"]]
        failures: dict[int, str] = {}
        done = {id(article): events for article, events in self.pipeline.process(
            articles, on_error=lambda article, error: failures.__setitem__(id(article), repr(error)))}
        return {
            "index": list(batch["index"]),
            "events": [json.dumps([e.model_dump(mode="json") for e in done.get(id(a), [])]) for a in articles],
            "error": [failures.get(id(a), "") for a in articles],
        }


def _extractor_for(settings: Settings) -> type:
    """The extractor class with these settings built in: they travel with the class to each
    actor, which then needs no constructor arguments."""
    return type("Extractor", (_Extractor,), {"settings": settings})


def process_with_ray(
    articles: Iterable[Article],
    settings: Settings,
    *,
    address: str | None = None,
    num_cpus: int | None = None,
    concurrency: int | None = None,
    batch_size: int | None = None,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Yield each article with its events, in input order, extracted by Ray actors.

    `address`: None starts Ray on this machine (with `num_cpus` CPUs, default all) unless
    `RAY_ADDRESS` is set; "auto" or "ray://head:10001" joins a cluster. `concurrency`: actors
    (default: the CPUs Ray has free). `batch_size`: articles per call (default
    `settings.batch_size`, smaller when there are few articles per actor).
    """
    import ray

    address = address or os.environ.get("RAY_ADDRESS") or None
    started = _start(ray, address, num_cpus)
    try:
        actors = concurrency or max(1, int(ray.available_resources().get("CPU", 1)))
        # Locally: build the place index once, before the actors race to build it; an actor
        # that dies means the machine is in trouble, so no restarts (Ray would also warn that
        # restarting actors whose arguments live in its object store may fail).
        remote_args = {"max_restarts": 0} if address is None else {}
        if address is None:
            _build_place_index(settings)
        source = iter(articles)
        while chunk := list(islice(source, CHUNK)):
            yield from _run_chunk(ray, chunk, settings, actors, batch_size or settings.batch_size, on_error,
                                  remote_args)
    finally:
        if started:
            ray.shutdown()


process = process_with_ray  # the name `store.ingest.engine_for` calls


def _run_chunk(ray, chunk: list[Article], settings: Settings, actors: int, batch_size: int,
               on_error, remote_args: dict) -> Iterator[tuple[Article, list[Event]]]:
    rows = [{"index": n, "article": a.model_dump_json()} for n, a in enumerate(chunk)]
    pool = ray.data.ActorPoolStrategy(size=min(actors, len(chunk)))
    with warnings.catch_warnings():  # remote args as keywords: deprecated in Ray 2.5x, still the only way
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = ray.data.from_items(rows).map_batches(
            _extractor_for(settings), compute=pool, num_cpus=1, **remote_args,
            batch_size=min(batch_size, max(1, -(-len(chunk) // actors))))
    return _results(chunk, dataset.iter_rows(), on_error)


def _results(chunk: list[Article], rows: Iterable[dict], on_error) -> Iterator[tuple[Article, list[Event]]]:
    """The driver's side: each worker row back to its article and events, failures told."""
    for row in rows:
        article = chunk[int(row["index"])]
        if row["error"]:
            error = RemoteExtractionError(f"{article.id}: {row['error']}")
            if on_error is None:
                raise error
            on_error(article, error)
            continue
        yield article, [Event.model_validate(e) for e in json.loads(row["events"])]


def _start(ray, address: str | None, num_cpus: int | None) -> bool:
    """Start (or join) Ray quietly; False when it was already running in this process."""
    if ray.is_initialized():
        return False
    options = {"log_to_driver": False, "logging_level": logging.ERROR}
    if address is None:
        options |= {"num_cpus": num_cpus, "include_dashboard": False}
    ray.init(address=address, **options)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return True


def _build_place_index(settings: Settings) -> None:
    from eventwire.places import Gazetteer

    Gazetteer.open(settings).close()
