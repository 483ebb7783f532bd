"""eventwire: news reports of armed conflict in, sourced and geocoded event records out."""

from eventwire.models import Article, Event
from eventwire.settings import Settings

__all__ = ["Article", "Event", "Settings", "Store", "process"]
__version__ = "0.1.0"


def process(articles, settings: Settings | None = None):
    """Extract events from `Article`s; yields one list of `Event`s per article."""
    from eventwire.pipeline import Pipeline

    return (events for _, events in Pipeline(settings or Settings()).process(articles))


def __getattr__(name: str):
    if name == "Store":  # imported when first asked for: SQLAlchemy is slow to import
        from eventwire.store import Store

        return Store
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
