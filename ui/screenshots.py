"""Screenshots of the web UI for the README: the map page and one event page.

    python ui/screenshots.py http://127.0.0.1:8000 docs/   # writes docs/ui-map.png, docs/ui-event.png

Needs a running `eventwire serve` (e.g. `make serve`) and Debian's chromium; drives it with
Playwright's Python client (no browser download). The event shown is the one with the most
claims among the first page of events, so the page has highlighted evidence to show.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with urllib.request.urlopen(f"{base}/api/events?limit=200&sort=-fatalities") as answer:
        items = json.load(answer)["items"]
    details = []
    for item in items:
        with urllib.request.urlopen(f"{base}{item['url']}") as answer:
            details.append(json.load(answer))
    best = max(details, key=lambda d: (d["event"]["location"]["lat"] is not None, len(d["event"]["claims"])))
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/")
        page.wait_for_selector("body[data-ready=true]")
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "ui-map.png"))
        page.goto(f"{base}{best['page']}")
        page.wait_for_selector("body[data-ready=true]")
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "ui-event.png"), full_page=False)
        browser.close()
    print(f"wrote {out / 'ui-map.png'} and {out / 'ui-event.png'} (event {best['event']['event_id']})")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000",
         Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs"))
