"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright's Python
client (never `playwright install`). The app serves the sample store of test_api.py with
uvicorn on 127.0.0.1; the tests load the map, click a marker, open the event page and see
the evidence highlighted, brush the timeline, and check that a hostile article stays text.

Skips, saying why, when /usr/bin/chromium or the playwright package is absent
(`make chromium` installs the browser; .ci/run does it in CI)."""

import re
import socket
import threading
import time
from pathlib import Path

import pytest

from test_api import HOSTILE, KHASHAM, sample_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: `make chromium` installs Debian's chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
expect = sync_api.expect
expect.set_options(timeout=20_000)  # generous: the machine is shared, and CI may be slow


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import uvicorn

    from eventwire.api import ApiConfig, create_app

    store = sample_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'events.db'}")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store, ApiConfig()), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records every request it makes and every script error it meets."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    opened = context.new_page()
    opened.requests, opened.errors, opened.dialogs = [], [], []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def ready(page):
    page.wait_for_selector("body[data-ready=true]")


def test_a_marker_leads_to_the_event_page_with_its_evidence_highlighted(page, base_url):
    page.goto(f"{base_url}/")
    ready(page)
    marker = page.locator('path.ew-marker[data-event-id="ew-khasham"]')
    marker.wait_for()
    expect(page.locator("path.ew-marker")).to_have_count(3)  # the undated protest has no coordinates
    marker.click()
    # the popup fills its actors when the API answers, and may pan the map: click once it has
    expect(page.locator(".leaflet-popup .popup-actors")).not_to_be_empty()
    page.locator(".leaflet-popup .open-event").click()
    page.wait_for_url(f"{base_url}/events/ew-khasham")
    ready(page)
    evidence = page.locator("#article-text mark.evidence")
    assert " ".join(evidence.all_inner_texts()).replace("  ", " ").strip() == KHASHAM[KHASHAM.index("More than"):]
    assert page.locator("#article-text mark.claim").inner_text() == "More than 100 pro-regime fighters were killed"
    assert page.locator("#article-text").inner_text() == KHASHAM
    fatalities = page.locator('tr[data-field="fatalities"]')
    assert "100" in fatalities.locator(".value").inner_text()
    assert "a monitor" in fatalities.locator(".claims").inner_text()
    assert page.errors == []
    assert all(url.startswith(base_url) for url in page.requests), "the UI fetched something from elsewhere"


def test_a_hostile_article_shows_as_text_and_runs_nothing(page, base_url):
    page.goto(f"{base_url}/events/ew-hostile")
    ready(page)
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []
    text = page.locator("#article-text")
    assert text.inner_text() == HOSTILE  # the tags are shown, as written
    assert text.locator("script, img").count() == 0
    assert "<img src=x onerror=window.pwned=3>" in page.locator("#title").inner_text()
    assert "<script>window.pwned=4</script>" in page.locator('tr[data-field="actors"]').inner_text()
    meta = page.locator("#article-meta")
    assert "<b>bold</b> title" in meta.inner_text()
    assert meta.locator("a").count() == 0  # a javascript: URL is shown, never linked
    page.goto(f"{base_url}/?country=NG")
    ready(page)
    assert page.evaluate("window.pwned") is None
    assert "Kano <img src=x onerror=window.pwned=3>" in page.locator("#events tbody").inner_text()


def test_brushing_the_timeline_filters_map_and_table(page, base_url):
    page.goto(f"{base_url}/")
    ready(page)
    assert page.locator("#events tbody tr").count() == 4
    first_week = page.locator('#timeline g.week[data-week="2018-02-05"] rect')
    box = first_week.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 3, box["y"] + box["height"] / 2)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"since=2018-02-05&until=2018-02-11"))
    expect(page.locator("#events tbody tr")).to_have_count(1)
    assert page.locator("#events tbody tr").get_attribute("data-event-id") == "ew-khasham"
    expect(page.locator("path.ew-marker")).to_have_count(1)
    assert page.locator("input[name=since]").input_value() == "2018-02-05"


def test_the_filter_form_and_the_address_agree(page, base_url):
    page.goto(f"{base_url}/?type=Battles")
    ready(page)
    assert page.locator("#events tbody tr").count() == 1
    assert page.locator("select[name=type]").input_value() == "Battles"
    page.select_option("select[name=type]", "")
    page.fill("input[name=actor]", "coalition")
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"/\?actor=coalition$"))
    expect(page.locator("#events tbody tr")).to_have_count(1)
    assert page.locator("#json-link").get_attribute("href") == "/api/events?actor=coalition"


def test_the_api_docs_render_offline(page, base_url):
    page.goto(f"{base_url}/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/events" in path for path in paths)
    assert all(url.startswith(base_url) for url in page.requests)
