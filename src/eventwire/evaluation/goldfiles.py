"""Gold cases on disk: NAME.gold.json beside NAME.txt (the article) and NAME.meta.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.models import Article


def load_case(gold_path: Path) -> tuple[Article, dict]:
    stem = gold_path.name.removesuffix(".gold.json")
    meta_path = gold_path.with_name(f"{stem}.meta.json")
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
    text_path = gold_path.with_name(meta.get("file", f"{stem}.txt"))
    if not text_path.exists():
        raise UsageError(f"{gold_path}: its article {text_path.name} is missing")
    published = meta.get("published")
    article = Article(
        id=stem,
        text=text_path.read_text("utf-8"),
        published=date.fromisoformat(published) if published else None,
        published_from="record" if published else None,
        outlet=meta.get("outlet"),
        language=meta.get("language", "en"),
        source=str(text_path),
    )
    return article, json.loads(gold_path.read_text("utf-8"))
