"""From the paths a user gives to decoded `Input`s: files, directories, and `-` for stdin.

A directory stands for its readable files: every file, at any depth, whose extension a
reader claims (`.txt`, `.html`, `.jsonl`, ...) or that has no extension, in sorted order,
skipping hidden files and folders. Each failure is an `InputProblem`, never an exception.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from eventwire.models import InputProblem
from eventwire.readers.base import Input
from eventwire.readers.decoding import decode
from eventwire.readers.registry import EXTENSIONS, suffix_of

STDIN = "-"
STDIN_NAME = "<stdin>"


def expand(path: str | Path) -> Iterator[Path | str | InputProblem]:
    """The files `path` stands for (`STDIN` stays as it is), or one problem.

    Example: a folder with `a.txt`, `sub/b.html` and `.notes.txt` gives `a.txt`, `sub/b.html`.
    """
    if str(path) == STDIN:
        yield STDIN
        return
    path = Path(path)
    if path.is_dir():
        files = sorted(_readable_files(path))
        if not files:
            kinds = ", ".join(EXTENSIONS)
            reason = f"directory has no readable files ({kinds} or no extension)"
            yield InputProblem(source=str(path), reason=reason)
        yield from files
    elif path.exists():
        yield path
    else:
        yield InputProblem(source=str(path), reason="no such file or directory")


def load(item: Path | str) -> Input | InputProblem:
    """Read and decode one file (or stdin): its text, or why there is none."""
    name = STDIN_NAME if item == STDIN else str(item)
    try:
        data = _read_stdin() if item == STDIN else Path(item).read_bytes()
    except (OSError, ValueError) as error:  # ValueError: stdin already closed
        why = (error.strerror or str(error)).lower()
        return InputProblem(source=name, reason=f"cannot be read ({why})")
    if not data:
        return InputProblem(source=name, reason="empty file" if item != STDIN else "empty input")
    text = decode(data)
    if text is None:
        return InputProblem(source=name, reason="binary data, not text")
    if not text.strip():
        return InputProblem(source=name, reason="only whitespace, no text")
    stem = "stdin" if item == STDIN else Path(item).stem
    return Input(name=name, stem=stem, text=text)


def _read_stdin() -> bytes:
    stdin = sys.stdin
    if stdin is None:
        return b""
    if hasattr(stdin, "buffer"):
        return stdin.buffer.read()
    return stdin.read().encode("utf-8")  # a text stream put in place of stdin


def _readable_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            file = Path(root, name)
            if not name.startswith(".") and (suffix_of(file) in EXTENSIONS or not file.suffix):
                yield file
