"""`--format muc4`: one JSON line per MUC document, `{"docid", "templates": [...]}`.

The `Writer` in output.py calls `write_document` for each (article, events) pair; the
MUC-4 system (and its trained model) is made on the first document, not at import.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from eventwire.models import Article, Event

_SYSTEM = None


def write_document(out: IO[str], article: Article, events: Iterable[Event]) -> None:
    global _SYSTEM
    if _SYSTEM is None:
        from eventwire.muc4.system import Muc4System

        _SYSTEM = Muc4System()
    out.write(_SYSTEM.document(article, events).model_dump_json() + "\n")
