"""What every reader receives and returns: a decoded `Input` in, Articles and problems out.

A reader is a plain function `Input -> Iterable[Article | InputProblem]`. It fills what
its format knows (id, text, title, url, and a `published` date and `outlet` when the
format carries them); `read_inputs` then applies the caller's options, the dateline and
the size limit, so readers stay small and a new format (MUC-4, RSS) is one function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.models import Article, InputProblem


@dataclass(frozen=True)
class Input:
    """One input, decoded to text: a file, or standard input."""

    name: str  # as the user wrote it: the path, or "<stdin>"; becomes `Article.source`
    stem: str  # the default article id: the file name without its extension, or "stdin"
    text: str  # decoded, with "\r\n" already converted to "\n"


Reader = Callable[[Input], Iterable[Article | InputProblem]]
