"""eventwire's HTTP API and web UI: `eventwire serve` runs `create_app` with uvicorn.

    from eventwire.api import ApiConfig, create_app
    from eventwire.store import Store
    app = create_app(Store.open("eventwire.db"), ApiConfig())

Read-only unless `ApiConfig.token` is set; see `routes.py` for the endpoints, `static/`
for the pages (built from npm packages by `make ui`, committed so no install needs npm).
"""

from eventwire.api.app import create_app
from eventwire.api.config import ApiConfig

__all__ = ["ApiConfig", "create_app"]
