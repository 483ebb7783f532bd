"""Bytes to text: UTF-8, else Windows-1252, else what charset-normalizer detects.

Non-UTF-8 text is not a problem: it is decoded. Windows-1252 (a superset of Latin-1 in
every printable position) is tried before charset-normalizer because charset-normalizer
misreads short Western texts: it takes `“we will respond” ... Café` in cp1252 for cp775
and returns `ōwe will respondö ... Cafķ`. The cp1252 reading is kept only when it looks
like Western text (see `_looks_western`), so Cyrillic, Greek or Arabic code pages still go
to charset-normalizer. Bytes that are none of these are binary data.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # C0 but \t \n \v \f \r and ESC
_CONTROL_BYTES = re.compile(_CONTROLS.pattern.encode())
_NON_ASCII = re.compile("[^\x00-\x7f]")
_ASCII_LETTERS = re.compile("[A-Za-z]")
_MAX_CONTROL_SHARE = 0.01  # more C0 control characters than this: binary data
_MAX_ACCENTED_SHARE = 0.3  # more non-ASCII letters than this: not Western text
# Non-letters a Western news text may hold outside ASCII.
_WESTERN_SYMBOLS = set("“”‘’‚„–—…«»‹›¡¿°±×÷€£¥¢©®™§¶·•′″ªº ")


def decode(data: bytes) -> str | None:
    """The text in `data`, or None when it is binary data rather than text.

    Example: `decode("“Café”".encode("cp1252"))` returns `"“Café”"`.
    """
    text = _decode(data)
    if text is None or _share(_CONTROLS, text) > _MAX_CONTROL_SHARE:
        return None
    return text.replace("\r\n", "\n")


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    # Without a byte-order mark, text in any encoding read here has no NUL and few control
    # bytes (charset-normalizer would otherwise take control bytes for mark-less UTF-16).
    if b"\x00" in data or _share(_CONTROL_BYTES, data) > _MAX_CONTROL_SHARE:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return western
    return _detect(data)


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported when needed

    best = from_bytes(data).best()
    return None if best is None else str(best)


def _looks_western(text: str) -> bool:
    """Non-ASCII characters are all letters or common typography; letters are mostly ASCII.

    Cyrillic in cp1251 read as cp1252 is all accented letters ("Íåêîòîðûé"); Polish in cp1250
    holds symbols that no word has ("powiedzia³").
    """
    letters = len(_ASCII_LETTERS.findall(text))
    accented = 0
    for char in _NON_ASCII.findall(text):
        if unicodedata.category(char).startswith("L"):
            letters += 1
            accented += 1
        elif char not in _WESTERN_SYMBOLS:
            return False
    return accented <= max(2, _MAX_ACCENTED_SHARE * letters)  # a word like "été" alone is fine


def _share(pattern: re.Pattern, data: str | bytes) -> float:
    return len(pattern.findall(data)) / max(len(data), 1)
