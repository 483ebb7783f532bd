"""The server's options, in one frozen record with its defaults: `eventwire serve` fills it
from flags and environment, tests build it directly.

Why these defaults: the server is read-only unless a token is set; no other site may call
it from a browser unless origins are named (CORS off); a page holds at most 500 events and
the map at most 10,000 points, so one request cannot make the server read the whole store;
a request body is at most 1 MiB, the size of a long article with room to spare.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from eventwire.settings import Settings

TOKEN_ENV = "EVENTWIRE_TOKEN"
TILE_URL_ENV = "EVENTWIRE_TILE_URL"


@dataclass(frozen=True)
class ApiConfig:
    token: str | None = None  # writes (POST /api/articles) need "Authorization: Bearer <token>"
    cors_origins: tuple[str, ...] = ()  # origins allowed to call the API from a browser; none by default
    tile_url: str | None = None  # e.g. "https://tile.example.org/{z}/{x}/{y}.png"; None: offline outlines only
    tile_attribution: str | None = None
    default_page_size: int = 50
    max_page_size: int = 500
    max_map_points: int = 10_000
    max_body_bytes: int = 1 << 20
    settings: Settings = field(default_factory=Settings)  # for extraction on POST /api/articles

    @classmethod
    def from_env(cls, **given) -> "ApiConfig":
        """Options given win; token and tile URL fall back to EVENTWIRE_TOKEN, EVENTWIRE_TILE_URL."""
        given.setdefault("token", None)
        given.setdefault("tile_url", None)
        given["token"] = given["token"] or os.environ.get(TOKEN_ENV) or None
        given["tile_url"] = given["tile_url"] or os.environ.get(TILE_URL_ENV) or None
        return cls(**given)

    @property
    def tile_source(self) -> str | None:
        """The tile server as a CSP source ("https://*.tile.example.org"), or None."""
        if not self.tile_url:
            return None
        parts = urlsplit(self.tile_url.replace("{s}", "tilesub"))
        if parts.scheme not in ("http", "https") or not parts.netloc or "{" in parts.netloc:
            return f"{parts.scheme}:" if parts.scheme in ("http", "https") else None
        return f"{parts.scheme}://{parts.netloc.replace('tilesub', '*')}"
