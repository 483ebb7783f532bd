"""The pipeline: articles in, events out, with spaCy run in batches over all of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from eventwire.actors import ActorBook
from eventwire.casing import EnglishWords, mixed_case, place_test
from eventwire.extract import Resources, extract
from eventwire.models import Article, Event
from eventwire.muc4.roles import RoleModel
from eventwire.nlp import load_nlp
from eventwire.places import Gazetteer
from eventwire.readers.dateline import blank_slug
from eventwire.settings import Settings


class Pipeline:
    """Holds the loaded models. Construction does no I/O; `load()` (or first use) does."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._nlp = None
        self._resources: Resources | None = None
        self._readable = None  # all-capitals text -> mixed case, same length (casing.py)

    def load(self) -> Pipeline:
        if self._nlp is None:
            self._nlp = load_nlp(self.settings)
            self._resources = Resources(
                settings=self.settings,
                book=ActorBook.load(self.settings.actor_files),
                gazetteer=Gazetteer.open(self.settings),
                roles=_role_model(self.settings),
            )
            common = EnglishWords(self._nlp)
            demonyms = self._resources.book.is_demonym
            self._readable = partial(mixed_case, common=common,
                                     is_place=place_test(self._resources.gazetteer, common, demonyms))
        return self

    def process(self, articles: Iterable[Article], *, on_error=None) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, in input order. When extraction fails on one
        article, `on_error(article, error)` is told and the rest go on (without it, raise)."""
        self.load()
        pairs = ((self._readable(blank_slug(article.text)), article) for article in articles)
        for doc, article in self._nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size):
            try:
                events = extract(doc, article, self._resources)
            except Exception as error:
                if on_error is None:
                    raise
                on_error(article, error)
                continue
            yield article, events


def _role_model(settings: Settings) -> RoleModel | None:
    """The trained role model when the settings ask for it and it is installed."""
    model = RoleModel()
    return model if settings.role_model and model.available else None
