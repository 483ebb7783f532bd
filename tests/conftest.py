"""Shared fixtures: one spaCy pipeline for the whole test session, the shared/ folder."""

from pathlib import Path

import pytest

from eventwire.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    return Settings(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def nlp(settings):
    from eventwire.nlp import load_nlp

    return load_nlp(settings)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: shared/ exists on developer machines and in CI only")
    return SHARED


@pytest.fixture(scope="session")
def run(settings):
    """Extract events from a text: `run(text, published=date(...))` -> list of Event."""
    from datetime import date

    from eventwire.models import Article
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(settings)

    def extract(text, published=date(2019, 5, 10), outlet=None):
        article = Article(id="t", text=text, published=published, outlet=outlet)
        return next(pipeline.process([article]))[1]

    return extract


@pytest.fixture(scope="session")
def reported(run):
    """The reported records of a text, each as `key(event)`, sorted:
    `reported(text, date(...), lambda e: (e.event_type, e.fatalities.best))`."""
    def records(text, published, key):
        return sorted(key(e) for e in run(text, published=published) if e.status == "reported")

    return records
