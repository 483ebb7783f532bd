"""`eventwire eval muc4`: run the system over a split's corpus (or read predictions) and score.

    predictions = predict(corpus_files(data, ["tst1", "tst2"]), settings=Settings())
    result = score(predictions, load_gold(data, ["tst1", "tst2"]))
    print(report(result))
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from eventwire.models import Article, InputProblem
from eventwire.muc4.score import Score
from eventwire.muc4.system import Muc4System
from eventwire.muc4.templates import ROLES, Muc4Document
from eventwire.settings import Settings

Problem = Callable[[str, str], None]  # (source, reason)


def predict(files: list[Path], *, settings: Settings, problem: Problem = lambda s, r: None,
            system: Muc4System | None = None) -> dict[str, Muc4Document]:
    """The system's document for every message in the MUC corpus files, by docid."""
    from eventwire.pipeline import Pipeline
    from eventwire.readers import read_inputs

    system = system or Muc4System()
    articles: list[Article] = []
    for item in read_inputs(files, reader="muc4", settings=settings):
        if isinstance(item, InputProblem):
            problem(item.source, item.reason)
        else:
            articles.append(item)
    events = {}
    on_error = lambda a, e: problem(a.source or a.id, f"extraction failed: {e!r}")  # noqa: E731
    for article, found in Pipeline(settings).process(articles, on_error=on_error):
        events[article.id] = found
    findings = system.find(articles)
    return {a.id: system.document(a, events.get(a.id, []), f) for a, f in zip(articles, findings)}


def load_predictions(path: Path, problem: Problem) -> dict[str, Muc4Document]:
    """Documents from a `--format muc4` file; each bad line is one problem, the rest are read."""
    found = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = Muc4Document.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as error:
                problem(f"{path}:{number}", f"not a MUC-4 document line ({type(error).__name__})")
                continue
            found[doc.docid] = doc
    return found


def report(result: Score) -> str:
    """A plain table: per role and micro P/R/F1 (in %), then incident types."""
    rows = [f"{'role':<16}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}{'pred':>6}{'gold':>6}"]
    for name, tally in [*((r, result.roles[r]) for r in ROLES), ("micro", result.micro),
                        ("incident type", result.incident_types)]:
        rows.append(f"{name:<16}{100 * tally.precision:7.2f}{100 * tally.recall:7.2f}{100 * tally.f1:7.2f}"
                    f"{tally.matched:7d}{tally.predicted:6d}{tally.gold:6d}")
    rows.insert(6, "-" * len(rows[0]))
    rows.append(f"{result.documents} documents" + (f", {len(result.missing)} without a prediction"
                                                   if result.missing else ""))
    return "\n".join(rows)
