"""Geocoding names one at a time, as `eventwire geocode` does: a name in, a flat record out.

The record is the command-line contract (SPEC.md): query, name, lat, lon, country_code,
admin1, admin2, geonames_id, geo_precision, score, and a reason when there are no
coordinates or only those of the admin unit the context names. The query may carry the
words an article would put around a name ("Idlib countryside", "Deir ez-Zor province"):
they set the precision as they do in articles (see `places.spans`).

Context is what an analyst knows of where the names are: "Deir ez-Zor, Syria" or a
sentence of the article. Comma-, semicolon- or line-separated parts are place names; from
a part of more than MAX_NAME_WORDS words only its capitalised runs are kept ("Clashes
near the Syrian town of Mayadin in Deir ez-Zor" -> "Clashes", "Syrian", "Mayadin", "Deir
ez-Zor"): names the gazetteer does not know add nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.resolve import resolve
from eventwire.places.spans import place_mention

MAX_NAME_WORDS = 4
MAX_QUERY_CHARS = 200
_PARTS = re.compile(r"[,;\n]+")
_CAPITALISED_RUN = re.compile(
    r"[A-Z\u00C0-\u024F][\w'’‘-]*(?:\s+(?:(?:al|el|ad|ar|as|ash|az|ez|an|at|of|de)[\s-]+)?"
    r"[A-Z\u00C0-\u024F][\w'’‘-]*)*"
)

RECORD_FIELDS = (
    "query", "name", "lat", "lon", "country_code", "admin1", "admin2", "geonames_id",
    "geo_precision", "score",
)


def context_names(texts: Iterable[str]) -> list[str]:
    """Place names of the context given as text (see the module docstring)."""
    names: list[str] = []
    for text in texts:
        for part in _PARTS.split(text):
            part = part.strip(" .")
            if not part:
                continue
            if len(part.split()) <= MAX_NAME_WORDS:
                names.append(part)
            else:
                names += [m.group() for m in _CAPITALISED_RUN.finditer(part)]
    return list(dict.fromkeys(names))


def geocode_record(
    gaz: Gazetteer, query: str, *, country: str | None = None, context: Sequence[str] = ()
) -> dict:
    """The contract record for one name (raises ValueError for an empty or overlong one)."""
    text = query.strip()
    if not text:
        raise ValueError("empty name")
    if len(text) > MAX_QUERY_CHARS:
        raise ValueError(f"a name of {len(text)} characters (at most {MAX_QUERY_CHARS})")
    mention = place_mention(text, 0, len(text))
    result = resolve(gaz, mention, context=context, country=country)
    loc = result.location
    record = {
        "query": query,
        "name": loc.name,
        "lat": loc.lat,
        "lon": loc.lon,
        "country_code": loc.country_code,
        "admin1": loc.admin1,
        "admin2": loc.admin2,
        "geonames_id": loc.geonames_id,
        "geo_precision": loc.geo_precision,
        "score": result.score,
    }
    if loc.reason:
        record["reason"] = loc.reason
    return record
