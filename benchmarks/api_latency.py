"""Latency of the HTTP API over 10,000 stored events: p50 and p95 of GET /api/events.

    python benchmarks/api_latency.py [--events 10000] [--requests 300]

Fills a temporary SQLite store with synthetic events (hand-made `Event` records with actors,
claims and evidence, 5 per article, dates over three years, places across the Middle East
and Africa), serves it with uvicorn on 127.0.0.1 in a separate process, and times requests
from this one over one keep-alive connection, after a warm-up. The goal (issue 8) is
p95 < 100 ms for GET /api/events; other queries are timed for information.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import socket
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Violent demonstration"), ("Strategic developments", "Looting/property destruction")]
PLACES = [("Idlib", "SY", "Idlib", 35.93, 36.63), ("Aleppo", "SY", "Aleppo", 36.2, 37.16),
          ("Khasham", "SY", "Deir ez-Zor", 35.29, 40.29), ("Mosul", "IQ", "Nineveh", 36.34, 43.13),
          ("Kano", "NG", "Kano", 12.0, 8.52), ("Maiduguri", "NG", "Borno", 11.85, 13.16),
          ("Mogadishu", "SO", "Banaadir", 2.04, 45.34), ("Taiz", "YE", "Taiz", 13.58, 44.02)]
ACTORS = ["Military Forces of Syria", "Islamic State", "Hayat Tahrir al-Sham", "Syrian Democratic Forces",
          "Boko Haram", "Al Shabaab", "Houthis", "US-led coalition", "Civilians", "Protesters"]


def synthetic_pairs(count: int, seed: int = 8):
    from eventwire.models import Actor, Article, Claim, Count, Event, Evidence, Location

    rng = random.Random(seed)
    per_article = 5
    for a in range(0, count, per_article):
        sentences = []
        events = []
        article_id = f"bench-{a // per_article}"
        for i in range(min(per_article, count - a)):
            event_type, sub = rng.choice(TYPES)
            name, country, admin1, lat, lon = rng.choice(PLACES)
            killed = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 45, 100])
            attacker, target = rng.sample(ACTORS, 2)
            sentence = f"{attacker} attacked {target} near {name}, killing {killed or 'no'} people. "
            start = sum(len(s) for s in sentences)
            sentences.append(sentence)
            day = date(2016, 1, 1) + timedelta(days=rng.randrange(3 * 365))
            events.append(Event(
                event_id=f"ew-bench-{a + i:06d}", event_date=day, time_precision=1, event_type=event_type,
                sub_event_type=sub,
                actors=[Actor(name=attacker, mention=attacker, role="attacker"),
                        Actor(name=target, mention=target, role="target")],
                location=Location(name=name, mention=name, country_code=country, admin1=admin1,
                                  lat=lat + rng.uniform(-0.5, 0.5), lon=lon + rng.uniform(-0.5, 0.5), geo_precision=1),
                fatalities=Count(best=killed, qualifier="exact" if killed is not None else "unknown"),
                claims=[Claim(field="fatalities", value=killed, text=sentence.strip(), speaker="a monitor",
                              article_id=article_id, start=start, end=start + len(sentence) - 1)],
                sources=["Bench Wire"], articles=[article_id],
                evidence=[Evidence(article_id=article_id, start=start, end=start + len(sentence) - 1,
                                   text=sentence.strip())]))
        text = "".join(sentences)
        yield Article(id=article_id, text=text, published=events[0].event_date, outlet="Bench Wire"), events


def fill(url: str, count: int) -> None:
    from eventwire.store import Store

    with Store.open(url) as store:
        pairs = list(synthetic_pairs(count))
        for i in range(0, len(pairs), 200):
            store.add_many(pairs[i:i + 200])
        assert store.counts()["events"] == count


def serve(url: str, port: int) -> None:
    import uvicorn

    from eventwire.api import ApiConfig, create_app
    from eventwire.store import Store

    uvicorn.run(create_app(Store.open(url), ApiConfig()), host="127.0.0.1", port=port, log_level="warning",
                access_log=False)


def timed(client, path: str, requests: int) -> list[float]:
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    return times


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    import httpx

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        fill(url, args.events)
        print(f"stored {args.events} events in {time.perf_counter() - started:.1f} s")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(url, port), daemon=True)
        server.start()
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        client.get("/api/config")
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.1)
                queries = [("/api/events", args.requests),
                           ("/api/events?country=SY&type=Battles", args.requests // 3),
                           ("/api/events?bbox=35,32,42,38&min_fatalities=5", args.requests // 3),
                           ("/api/events?actor=boko&sort=-fatalities", args.requests // 3),
                           ("/api/events?q=khasham", args.requests // 3),
                           ("/api/events?offset=9000&limit=100", args.requests // 3),
                           ("/api/stats", args.requests // 3),
                           ("/api/events.geojson", 20)]
                timed(client, "/api/events", 30)  # warm-up
                print(f"\n{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
                      f"{date.today()}\n")
                print(f"| request | n | p50 ms | p95 ms |\n|---|---|---|---|")
                for path, n in queries:
                    times = timed(client, path, n)
                    print(f"| `GET {path}` | {n} | {statistics.median(times):.1f} | {percentile(times, 95):.1f} |")
        finally:
            server.terminate()
            server.join(timeout=10)


if __name__ == "__main__":
    main()
