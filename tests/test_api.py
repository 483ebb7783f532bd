"""The HTTP API over a small store: filters, pages, GeoJSON, stats, one event with its
evidence, and the guards (token, size limits, CORS, CSP), with FastAPI's test client, on
SQLite and (when EVENTWIRE_TEST_PG_URL is set, as in CI) PostgreSQL.

`sample_store` is also used by the browser tests (test_browser.py)."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from store_backends import BACKENDS, fresh_database
from eventwire.api import ApiConfig, create_app
from eventwire.models import Actor, Article, Claim, Count, Event, Evidence, Location
from eventwire.store import Store

KHASHAM = ("BEIRUT (Reuters) - More than 100 pro-regime fighters were killed in coalition strikes after "
           "attacking SDF headquarters near Khasham on Wednesday, a U.S. official told Reuters.")
IDLIB = ("Fighters of Hayat Tahrir al-Sham clashed with government forces south of Idlib on Thursday. "
         "Five fighters died, a monitor said.")
LAGOS = "Hundreds of students marched through Lagos on Thursday to protest fuel prices."
HOSTILE = ('Report: <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> '
           'Gunmen killed 3 people in Kano on Monday.')


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def make_event(article_id, text, *, event_id, sentence, day, type_, sub, place, country, admin1, lat, lon,
               killed=None, actors=(), claim_words=None) -> Event:
    start, end = span(text, sentence)
    claims = []
    if claim_words:
        c_start, c_end = span(text, claim_words)
        claims.append(Claim(field="fatalities", value=killed, text=claim_words, speaker="a monitor",
                            outlet="Reuters", article_id=article_id, start=c_start, end=c_end))
    return Event(
        event_id=event_id, event_date=day, time_precision=1 if day else None, event_type=type_,
        sub_event_type=sub, actors=[Actor(name=name, mention=name.lower(), role=role) for name, role in actors],
        location=Location(name=place, mention=place, country_code=country, admin1=admin1, lat=lat, lon=lon,
                          geo_precision=1 if lat is not None else None,
                          reason=None if lat is not None else "no place named"),
        fatalities=Count(best=killed, qualifier="exact" if killed is not None else "unknown"),
        claims=claims, sources=["Reuters"], articles=[article_id],
        evidence=[Evidence(article_id=article_id, start=start, end=end, text=sentence)],
    )


def sample_pairs() -> list[tuple[Article, list[Event]]]:
    """Four articles: a strike in Syria, a battle in Idlib, an undated protest in Nigeria with no
    coordinates, and a hostile article whose text and place name carry HTML and script."""
    khasham_sentence = KHASHAM[KHASHAM.index("More than 100"):]
    return [
        (Article(id="reuters-1", text=KHASHAM, title="Strikes near Khasham", published=date(2018, 2, 8),
                 outlet="Reuters", url="https://example.org/khasham"),
         [make_event("reuters-1", KHASHAM, event_id="ew-khasham", sentence=khasham_sentence,
                     day=date(2018, 2, 7), type_="Explosions/Remote violence", sub="Air/drone strike",
                     place="Khasham", country="SY", admin1="Deir ez-Zor", lat=35.29, lon=40.29, killed=100,
                     actors=[("Coalition Forces", "attacker"), ("Pro-regime militia", "victim")],
                     claim_words="More than 100 pro-regime fighters were killed")]),
        (Article(id="afp-2", text=IDLIB, published=date(2018, 3, 2), outlet="AFP"),
         [make_event("afp-2", IDLIB, event_id="ew-idlib", sentence=IDLIB.split(". ")[0] + ".",
                     day=date(2018, 3, 1), type_="Battles", sub="Armed clash", place="Idlib", country="SY",
                     admin1="Idlib", lat=35.93, lon=36.63, killed=5,
                     actors=[("Hayat Tahrir al-Sham", "attacker"), ("Military Forces of Syria", "target")],
                     claim_words="Five fighters died")]),
        (Article(id="ap-3", text=LAGOS, outlet="AP"),
         [make_event("ap-3", LAGOS, event_id="ew-lagos", sentence=LAGOS, day=None, type_="Protests",
                     sub="Peaceful protest", place=None, country="NG", admin1=None, lat=None, lon=None,
                     actors=[("Protesters (Nigeria)", "actor")])]),
        (Article(id="evil-4", text=HOSTILE, title="<b>bold</b> title", published=date(2019, 1, 8),
                 outlet="<i>Outlet</i>", url="javascript:alert(1)"),
         [make_event("evil-4", HOSTILE, event_id="ew-hostile", sentence=HOSTILE,
                     day=date(2019, 1, 7), type_="Violence against civilians", sub="Attack",
                     place="Kano <img src=x onerror=window.pwned=3>", country="NG", admin1="Kano", lat=12.0,
                     lon=8.52, killed=3, actors=[("<script>window.pwned=4</script>", "attacker")],
                     claim_words="Gunmen killed 3 people")]),
    ]


def sample_store(url: str) -> Store:
    store = Store.open(url)
    store.add_many(sample_pairs())
    return store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """The sample store on SQLite and (when EVENTWIRE_TEST_PG_URL is set) PostgreSQL."""
    for url in fresh_database(request.param, tmp_path):
        with sample_store(url) as opened:
            yield opened


@pytest.fixture
def client(store):
    return TestClient(create_app(store, ApiConfig(max_page_size=3)))


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    body = response.json()
    return [item["event_id"] for item in body["items"]] if "items" in body else [f["id"] for f in body["features"]]


def test_the_list_is_newest_first_with_links_to_each_event(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4
    assert [item["event_id"] for item in body["items"]] == ["ew-hostile", "ew-idlib", "ew-khasham"]
    first = body["items"][2]
    assert first["url"] == "/api/events/ew-khasham" and first["page"] == "/events/ew-khasham"
    assert first["actors"] == [{"name": "Coalition Forces", "role": "attacker"},
                               {"name": "Pro-regime militia", "role": "victim"}]
    assert body["next"] is not None  # the page size limit is 3 here: the undated protest is on page 2


@pytest.mark.parametrize("query, expected", [
    ("since=2018-03-01", ["ew-hostile", "ew-idlib"]),
    ("since=2018-01-01&until=2018-02-28", ["ew-khasham"]),
    ("bbox=35,32,42.5,37.5", ["ew-idlib", "ew-khasham"]),
    ("bbox=179,-10,10,15", ["ew-hostile"]),  # west > east: across the antimeridian
    ("country=SY", ["ew-idlib", "ew-khasham"]),
    ("country=Nigeria", ["ew-hostile", "ew-lagos"]),
    ("admin1=deir ez-zor", ["ew-khasham"]),
    ("type=battles", ["ew-idlib"]),
    ("type=Peaceful protest", ["ew-lagos"]),
    ("actor=tahrir", ["ew-idlib"]),
    ("actor=coalition&country=SY", ["ew-khasham"]),
    ("min_fatalities=5", ["ew-idlib", "ew-khasham"]),
    ("q=fuel prices", ["ew-lagos"]),
    ("q=KHASHAM", ["ew-khasham"]),
])
def test_each_filter_narrows_the_list(client, query, expected):
    assert sorted(ids(client.get(f"/api/events?{query}&limit=3"))) == expected


def test_values_are_data_not_sql_or_patterns(client, store):
    assert ids(client.get("/api/events", params={"actor": "' OR 1=1 --"})) == []
    assert ids(client.get("/api/events", params={"q": "%"})) == []  # % is a character, not a wildcard
    assert ids(client.get("/api/events", params={"admin1": "x'); DROP TABLE events; --"})) == []
    assert client.get("/api/events", params={"country": "SY' OR '1'='1"}).status_code == 422
    assert store.counts()["events"] == 4


def test_pages_and_sorts(client):
    page = client.get("/api/events?limit=2&offset=1&sort=-fatalities").json()
    assert [item["event_id"] for item in page["items"]] == ["ew-idlib", "ew-hostile"]
    assert page["next"].startswith("/api/events?") and "offset=3" in page["next"]
    last = client.get(page["next"]).json()
    assert [item["event_id"] for item in last["items"]] == ["ew-lagos"]  # no figure: last
    assert last["next"] is None
    assert ids(client.get("/api/events?sort=date&limit=3")) == ["ew-khasham", "ew-idlib", "ew-hostile"]


@pytest.mark.parametrize("query", ["limit=4", "limit=0", "offset=-1", "sort=record", "since=2018-13-01",
                                   "bbox=1,2,3", "bbox=0,50,10,40", "min_fatalities=-1", "status=rumoured"])
def test_bad_parameters_are_refused_with_the_reason(client, query):
    answer = client.get(f"/api/events?{query}")
    assert answer.status_code == 422
    assert answer.json()["detail"]


def test_one_event_has_its_record_article_and_evidence_spans(client, store):
    answer = client.get("/api/events/ew-khasham")
    assert answer.status_code == 200
    detail = answer.json()
    stored = next(e for e in store.events() if e.event_id == "ew-khasham")
    assert detail["event"] == stored.model_dump(mode="json")
    article = detail["article"]
    assert article["text"] == KHASHAM and article["outlet"] == "Reuters"
    assert [(s["kind"], s["placed"]) for s in article["spans"]] == [("evidence", True), ("claim", True)]
    assert "".join(segment["text"] for segment in article["segments"]) == KHASHAM
    claim_words = [s["text"] for s in article["segments"] if len(s["marks"]) == 2]
    assert claim_words == ["More than 100 pro-regime fighters were killed"]
    assert client.get("/api/events/ew-nothing").status_code == 404


def test_geojson_has_the_located_events_as_points(client):
    body = client.get("/api/events.geojson").json()
    assert body["type"] == "FeatureCollection" and body["truncated"] is False
    points = {f["id"]: f["geometry"]["coordinates"] for f in body["features"]}
    assert points == {"ew-khasham": [40.29, 35.29], "ew-idlib": [36.63, 35.93], "ew-hostile": [8.52, 12.0]}
    assert ids(client.get("/api/events.geojson?country=SY")) == ["ew-idlib", "ew-khasham"]


def test_the_map_stops_at_its_limit_and_says_so(store):
    client = TestClient(create_app(store, ApiConfig(max_map_points=2)))
    body = client.get("/api/events.geojson").json()
    assert len(body["features"]) == 2 and body["truncated"] is True


def test_stats_count_by_monday_of_each_week_and_type(client):
    stats = client.get("/api/stats").json()
    assert stats["total"] == 4 and stats["undated"] == 1
    assert [(w["week"], w["total"], w["fatalities"]) for w in stats["weeks"]] == [
        ("2018-02-05", 1, 100), ("2018-02-26", 1, 5), ("2019-01-07", 1, 3)]
    assert {t["type"]: t["count"] for t in stats["types"]}["Protests"] == 1
    assert {c["code"]: c["name"] for c in stats["countries"]} == {"SY": "Syria", "NG": "Nigeria"}
    assert client.get("/api/stats?country=SY").json()["total"] == 2


def fake_extract(article: Article) -> list[Event]:
    return [make_event(article.id, article.text, event_id=f"ew-posted-{article.id}", sentence=article.text,
                       day=date(2020, 1, 1), type_="Battles", sub="Armed clash", place="Homs", country="SY",
                       admin1="Homs", lat=34.73, lon=36.71)]


def test_writes_are_off_without_a_token(store):
    client = TestClient(create_app(store, ApiConfig(), extractor=fake_extract))
    answer = client.post("/api/articles", json={"text": "Clashes in Homs."})
    assert answer.status_code == 403 and "token" in answer.json()["detail"]
    assert store.counts()["articles"] == 4


def test_writes_need_the_right_token(store):
    client = TestClient(create_app(store, ApiConfig(token="s3cret"), extractor=fake_extract))
    article = {"text": "Clashes in Homs.", "id": "homs-1"}
    missing = client.post("/api/articles", json=article)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert store.counts()["articles"] == 4
    good = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert good.status_code == 201
    assert good.json()["stored"] is True and good.json()["events"][0]["event_id"] == "ew-posted-homs-1"
    assert client.get("/api/events/ew-posted-homs-1").json()["article"]["text"] == "Clashes in Homs."
    again = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["stored"] is False
    assert store.counts()["articles"] == 5


def test_request_bodies_over_the_limit_are_refused(store):
    client = TestClient(create_app(store, ApiConfig(token="t", max_body_bytes=1000), extractor=fake_extract))
    auth = {"Authorization": "Bearer t", "Content-Type": "application/json"}
    big = '{"text": "' + "x" * 2000 + '"}'
    assert client.post("/api/articles", content=big, headers=auth).status_code == 413

    def chunks():  # no Content-Length: counted as it arrives
        yield big[:600].encode()
        yield big[600:].encode()

    assert client.post("/api/articles", content=chunks(), headers=auth).status_code == 413
    assert store.counts()["articles"] == 4


def test_cors_is_off_unless_origins_are_named(store):
    origin = {"Origin": "https://elsewhere.example"}
    closed = TestClient(create_app(store, ApiConfig())).get("/api/events", headers=origin)
    assert "access-control-allow-origin" not in closed.headers
    opened = TestClient(create_app(store, ApiConfig(cors_origins=("https://elsewhere.example",))))
    assert opened.get("/api/events", headers=origin).headers["access-control-allow-origin"] == origin["Origin"]


def test_pages_name_their_json_twin_and_forbid_inline_scripts(client):
    for path, twin in [("/", "/api/events"), ("/events/ew-khasham", "/api/events/ew-khasham"),
                       ("/docs", "/openapi.json")]:
        page = client.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert page.headers["link"] == f'<{twin}>; rel="alternate"; type="application/json"'
        assert "script-src 'self';" in page.headers["content-security-policy"]
        assert "http://" not in page.text and "https://" not in page.text  # no CDN: everything is served here
    assert "script-src 'self';" in client.get("/api/events").headers["content-security-policy"]


def test_the_tile_server_is_allowed_only_when_configured(store):
    config = ApiConfig(tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    answer = TestClient(create_app(store, config)).get("/api/config")
    assert answer.json()["tile_url"] == config.tile_url
    assert "img-src 'self' data: https://*.tiles.example.org;" in answer.headers["content-security-policy"]


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events.geojson", "/api/events/{event_id}", "/api/stats", "/api/config",
            "/api/articles"} <= set(paths)


def test_the_ui_never_parses_data_as_html():
    from eventwire.api.app import STATIC

    for script in (STATIC / "app").iterdir():
        text = script.read_text(encoding="utf-8")
        for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert risky not in text, f"{script.name} uses {risky}"


def test_a_posted_article_is_extracted_stored_and_served_with_its_evidence(store, settings):
    client = TestClient(create_app(store, ApiConfig(token="s3cret", settings=settings)))
    article = {"id": "khasham-posted", "text": KHASHAM, "published": "2018-02-08", "outlet": "Reuters"}
    answer = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert answer.status_code == 201, answer.text
    (event,) = [e for e in answer.json()["events"] if e["fatalities"] == 100]
    assert event["event_date"] == "2018-02-07"
    detail = client.get(event["url"]).json()
    marked = "".join(s["text"] for s in detail["article"]["segments"] if s["marks"])
    assert "More than 100 pro-regime fighters were killed" in marked


def test_the_docs_offer_the_bearer_token_for_writes(client):
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert spec["paths"]["/api/articles"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in spec["paths"]["/api/events"]["get"]
