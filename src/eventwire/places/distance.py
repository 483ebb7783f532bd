"""Great-circle distance between two points, for every module that compares places.

Written here (the haversine formula, four lines) rather than taken from a package such as
geopy: nothing else of such a package is needed.
"""

from __future__ import annotations

import math

EARTH_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres. Example: `km(36.2, 37.1, 35.9, 39.0)` is about 173."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, a)))
