"""Place resolution: a gazetteer built from GeoNames-derived packages, spelling-tolerant
name keys, and a ranking policy that turns a place mention into a `Location` or abstains.

    gaz = Gazetteer.open(settings)                    # builds the index on first use
    geocode(gaz, PlaceMention("Khasham", 10, 17), context=["Deir ez-Zor", "Syria"])
"""

from eventwire.places.build import BuildSources
from eventwire.places.gazetteer import Candidate, Gazetteer
from eventwire.places.resolve import RANKING_POLICY, PlaceMention, Resolution, geocode, resolve

__all__ = [
    "BuildSources",
    "Candidate",
    "Gazetteer",
    "PlaceMention",
    "RANKING_POLICY",
    "Resolution",
    "geocode",
    "resolve",
]
