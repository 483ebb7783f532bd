"""`eventwire serve`: the HTTP API and web UI over a store, with uvicorn. Thin: it opens the
store (so a wrong URL fails before the server starts), builds the app and runs it."""

from __future__ import annotations

from pathlib import Path

import click

DB_HELP = "Database: a SQLAlchemy URL (postgresql+psycopg://user:pw@host/db) or a SQLite file path."


def register(cli: click.Group, evaluate: click.Group) -> None:
    cli.add_command(serve)


@click.command()
@click.option("--db", envvar="EVENTWIRE_DB", default="sqlite:///eventwire.db", show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="EVENTWIRE_TOKEN", help="Allow POST /api/articles with this bearer token "
              "(or set EVENTWIRE_TOKEN). Without it the server is read-only.")
@click.option("--tile-url", envvar="EVENTWIRE_TILE_URL",
              help="Raster tiles under the country outlines, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                   "(the default map needs no network).")
@click.option("--tile-attribution", help="Credit line for --tile-url.")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="An origin allowed to call the API from a browser; may repeat (default: none).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def serve(db, host, port, token, tile_url, tile_attribution, cors_origins, debug):
    """Serve the stored events: JSON API, OpenAPI docs at /docs, and a web UI (map, timeline,
    table, event pages with highlighted evidence). Read-only unless a token is given.

    Example:

        eventwire serve --db out/demo.db --port 8000

        EVENTWIRE_TOKEN=s3cret eventwire serve --db postgresql+psycopg://eventwire@localhost/events
    """
    import uvicorn

    from eventwire.api import ApiConfig, create_app
    from eventwire.errors import UsageError
    from eventwire.settings import Settings
    from eventwire.store import Store, database_url

    url = database_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        raise UsageError(f"no database at {url.removeprefix('sqlite:///')}: fill one with `eventwire ingest ... --db`")
    store = Store.open(url)
    config = ApiConfig.from_env(token=token, tile_url=tile_url, tile_attribution=tile_attribution,
                                cors_origins=tuple(cors_origins), settings=Settings(debug=debug))
    mode = "read-write (token set)" if config.token else "read-only"
    click.echo(f"eventwire: serving {store.display_url} at http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(create_app(store, config), host=host, port=port, log_level="debug" if debug else "info")
