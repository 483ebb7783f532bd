"""Content keys for articles: what makes two inputs "the same article" for the store.

`article_key` hashes what extraction reads (text, publication date, outlet, title, url,
language), not where the article came from (`source`) nor its given `id`: the same
report read from another path, or a wire copy republished under another id, is stored
once, and an ingest that meets it again skips it. The policy is named and versioned
(`ARTICLE_KEY_POLICY`) so a change of what counts shows in the store.
"""

from __future__ import annotations

import hashlib
import json

from eventwire.models import Article

ARTICLE_KEY_POLICY = "article_key.content_sha256.v1"
_KEY_FIELDS = ("text", "published", "outlet", "title", "url", "language")


def article_key(article: Article) -> str:
    """The sha256 hex digest of the article's content fields, as canonical JSON.

    Example: two `Article(id=..., text="Shelling hit Idlib.")` with different ids and
    sources have the same key; changing `published` changes it.
    """
    content = article.model_dump(mode="json", include=set(_KEY_FIELDS))
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
