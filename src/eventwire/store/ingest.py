"""Ingest: inputs in, events stored; idempotent and resumable.

    report = ingest(read_inputs(paths, settings=s), store, local_engine(s), commit_every=16)

Why it is safe to kill: an article is stored with all its events in the same transaction
as the other articles of its batch, so after a `kill -9` the store holds whole batches
only. Articles are keyed by content (`keys.article_key`) and an article already stored is
skipped before extraction, so running the same command again extracts exactly what is
missing and the store ends as an uninterrupted run leaves it. An article whose extraction
failed is not stored, so the next run tries it again.

The order of work:
1. bad inputs (`InputProblem`) are told to `on_problem` and counted;
2. articles already stored, or seen earlier in this run, are skipped;
3. the engine extracts the rest (the local pipeline, or Ray: `engine_for`);
4. the results are written in transactions of `commit_every` articles.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.errors import UsageError
from eventwire.models import Article, Event, InputProblem
from eventwire.settings import Settings
from eventwire.store.keys import article_key
from eventwire.store.store import Store

OnFailure = Callable[[Article, Exception], None]
# An engine extracts articles, in order, telling `on_failure` of each article it fails on.
Engine = Callable[[Iterable[Article], OnFailure], Iterator[tuple[Article, list[Event]]]]
OnProblem = Callable[[str, str], None]
ENGINES = ("local", "ray")


@dataclass
class IngestReport:
    """What one ingest did; `rate` is extracted articles per second of the whole run."""

    extracted: int = 0  # articles the engine extracted (stored at the next commit)
    stored: int = 0  # articles newly stored (with or without events)
    events: int = 0  # events newly stored
    skipped: int = 0  # articles already stored, or repeated in the inputs
    failed: int = 0  # articles whose extraction failed: not stored, tried again next run
    problems: int = 0  # inputs that could not be read
    seconds: float = 0.0
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def rate(self) -> float:
        return (self.extracted + self.failed) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"stored {self.stored} articles ({self.events} events), skipped {self.skipped} already stored, "
                f"{self.failed} failed, {self.problems} unreadable inputs; {self.seconds:.1f} s, "
                f"{self.rate:.1f} articles/s")


def ingest(
    items: Iterable[Article | InputProblem],
    store: Store,
    engine: Engine,
    *,
    commit_every: int = 16,
    on_problem: OnProblem | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Extract and store every article not yet stored; return what was done.

    Example:
        settings = Settings()
        with Store.open("eventwire.db") as store:
            report = ingest(read_inputs(["news/"], settings=settings), store, local_engine(settings))
    """
    if commit_every < 1:
        raise UsageError(f"commit_every must be at least 1, not {commit_every}")
    report = IngestReport()

    def failed(article: Article, error: Exception) -> None:
        report.failed += 1
        if on_problem:
            on_problem(article.source or article.id, f"extraction failed: {error!r}")

    batch: list[tuple[Article, list[Event]]] = []

    def flush() -> None:
        if batch:
            report.stored += store.add_many(batch)
            report.events += sum(len(events) for _, events in batch)
            batch.clear()
        report.seconds = time.monotonic() - report.started

    try:
        for article, events in engine(_new_articles(items, store, report, on_problem), failed):
            batch.append((article, events))
            report.extracted += 1
            if len(batch) >= commit_every:
                flush()
            report.seconds = time.monotonic() - report.started
            if on_progress:
                on_progress(report)
    except KeyboardInterrupt:
        flush()  # the articles extracted so far are complete: keep them
        raise
    flush()
    return report


def _new_articles(items, store: Store, report: IngestReport, on_problem) -> Iterator[Article]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputProblem):
            report.problems += 1
            if on_problem:
                on_problem(item.source, item.reason)
            continue
        key = article_key(item)
        if key in seen or store.has(key):
            report.skipped += 1
            continue
        seen.add(key)
        yield item


def engine_for(name: str, settings: Settings) -> Engine:
    """The extraction engine by name: "local" (this process) or "ray" (Ray Data).
    With `settings.debug` a failure raises instead of being told and skipped."""
    if name == "local":
        return local_engine(settings)
    if name == "ray":
        return _ray_engine(settings)
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


def local_engine(settings: Settings) -> Engine:
    """Extraction in this process: `Pipeline.process`, spaCy in batches."""
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(settings)
    return lambda articles, on_failure: pipeline.process(
        articles, on_error=None if settings.debug else on_failure)


def _ray_engine(settings: Settings) -> Engine:
    try:
        from eventwire.engines import ray_engine
    except ModuleNotFoundError as missing:
        raise UsageError(f"the ray engine is not available ({missing})") from missing
    process = ray_engine.process
    if "on_error" in inspect.signature(process).parameters:
        return lambda articles, on_failure: process(
            articles, settings, on_error=None if settings.debug else on_failure)
    return lambda articles, on_failure: process(articles, settings)
