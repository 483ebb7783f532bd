"""The web app: the JSON API (`routes.py`) and the pages that use it, in one FastAPI app.

    app = create_app(Store.open("eventwire.db"), ApiConfig(token="s3cret"))

Why one app: the pages are static files (HTML, the UI's scripts, Leaflet and the world's
country outlines copied from npm packages by `make ui`) that call the public API, as any
script would, so every page has a JSON twin and nothing needs a second server or the
network. Each page names its twin in a `Link: <...>; rel="alternate"` header.
"""

from __future__ import annotations

from importlib import resources
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire.api.config import ApiConfig
from eventwire.api.routes import Extract, PipelineExtractor, router
from eventwire.api.security import BodyLimit, SecurityHeaders
from eventwire.store import Store

STATIC = resources.files("eventwire.api") / "static"

DESCRIPTION = """Events extracted from news reports of armed conflict, with the claims and
evidence behind each fact. Read-only unless the server was started with a token:
`POST /api/articles` then needs `Authorization: Bearer <token>`. Every page of the web UI
is a client of these endpoints."""


def create_app(store: Store, config: ApiConfig | None = None, *, extractor: Extract | None = None) -> FastAPI:
    """The app over `store` (opened or not: nothing connects until the first request).
    `extractor` turns an article into events for POST /api/articles; by default the local
    pipeline, loaded on the first such request."""
    config = config or ApiConfig()
    app = FastAPI(title="eventwire", version="1", description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.store = store
    app.state.config = config
    app.state.extractor = extractor or PipelineExtractor(config.settings)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _pages(app)
    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(config.cors_origins), allow_methods=["GET"],
                           allow_headers=[])
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(SecurityHeaders, config=config)
    return app


def _page(name: str, twin: str) -> FileResponse:
    return FileResponse(str(STATIC / name), media_type="text/html; charset=utf-8",
                        headers={"Link": f'<{twin}>; rel="alternate"; type="application/json"',
                                 "Cache-Control": "no-cache"})


def _pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index():
        return _page("index.html", "/api/events")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str):
        return _page("event.html", f"/api/events/{quote(event_id, safe='')}")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs():
        return _page("docs.html", "/openapi.json")
