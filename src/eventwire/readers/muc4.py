"""The MUC-3/4 reader: one corpus file holds many messages, each opened by its id line.

    DEV-MUC3-0001 (NOSC)

       SAN SALVADOR, 3 JAN 90 -- [REPORT] ... [TEXT] THE ARCE BATTALION ...

Each message becomes one article whose id is the docid ("DEV-MUC3-0001") and whose text
is the message exactly as written (upper case, dateline included), so that character
offsets into it are offsets into the corpus message. The publication date comes from
the dateline ("3 JAN 90"), which `read_inputs` parses for every reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventwire.models import Article, InputProblem
from eventwire.readers.base import Input

# "DEV-MUC3-0001 (NOSC)", "TST1-MUC3-0001", "TST2-MUC4-0100": a line of its own.
DOCID_LINE = re.compile(r"^(?P<docid>[A-Z]+\d?-MUC\d-\d{4})\b[^\n]*$", re.MULTILINE)


def read_muc4(source: Input) -> Iterator[Article | InputProblem]:
    """Yield one article per message of a MUC-3/4 corpus file.

    Example: `tst1-muc3` gives `Article(id="TST1-MUC3-0001", source="tst1-muc3:1")`, ...
    A file without any id line is one problem; a message with no text is one problem.
    """
    heads = list(DOCID_LINE.finditer(source.text))
    if not heads:
        yield InputProblem(source=source.name, reason="no MUC document id line (such as 'DEV-MUC3-0001')")
        return
    for head, after in zip(heads, heads[1:] + [None]):
        end = after.start() if after else len(source.text)
        body = source.text[head.end() : end].strip("\n")
        line = source.text.count("\n", 0, head.start()) + 1
        where = f"{source.name}:{line}"
        if not body.strip():
            yield InputProblem(source=where, reason=f"{head['docid']} has no text")
            continue
        yield Article(id=head["docid"], text=body.rstrip() + "\n", source=where)
