"""Readers: news inputs (plain text, HTML, JSON Lines) to `Article`s and `InputProblem`s.

    from eventwire.readers import read_inputs
    for item in read_inputs(["feed.jsonl", "news/"], settings=Settings()):
        ...  # an Article, or an InputProblem naming the input ("feed.jsonl:7") and why

`READERS` maps a reader name to its function (`Input -> Iterable[Article | InputProblem]`);
a new format is one more entry (see `registry.py`).
"""

from eventwire.readers.base import Input, Reader
from eventwire.readers.core import read_inputs
from eventwire.readers.dateline import find_dateline
from eventwire.readers.registry import EXTENSIONS, READERS

__all__ = ["EXTENSIONS", "READERS", "Input", "Reader", "find_dateline", "read_inputs"]
