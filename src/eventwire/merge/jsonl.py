"""Events from JSON Lines files (as `eventwire extract --format jsonl` writes them), for
`eventwire merge`: each bad line is told to `on_problem` with its file and line, the rest read."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import ValidationError

from eventwire.models import Event


def read_events(paths: Iterable[str], on_problem: Callable[[str, str], None]) -> list[Event]:
    events = []
    for name in paths:
        try:
            lines = sys.stdin.read().splitlines() if name == "-" else Path(name).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            on_problem(name, f"cannot read it ({error.__class__.__name__}: {error})")
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                events.append(Event.model_validate_json(line))
            except ValidationError as error:
                on_problem(f"{name}:{number}", f"not an event record ({error.error_count()} errors)")
    return events
