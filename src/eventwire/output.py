"""Writers for extracted events: json, jsonl, csv, table. Each takes (article, events) pairs."""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from rich.console import Console
from rich.table import Table

from eventwire.models import Article, Event

FORMATS = ("jsonl", "json", "table", "csv", "muc4")
CSV_COLUMNS = (
    "event_id", "status", "event_date", "date_end", "time_precision", "event_type", "sub_event_type",
    "cameo", "actor1", "actor2", "location", "admin1", "country_code", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_qualifier", "injuries", "sources", "articles",
)


class Writer:
    """Streams events to `out` in one format; `close()` finishes formats that need it."""

    def __init__(self, fmt: str, out: IO[str]):
        self.fmt, self.out = fmt, out
        self._rows: list[Event] = []
        self._csv = None
        if fmt == "csv":
            self._csv = csv.writer(out)
            self._csv.writerow(CSV_COLUMNS)

    def write(self, article: Article, events: Iterable[Event]) -> None:
        if self.fmt == "muc4":  # one line per document (eventwire.muc4.format), not per event
            from eventwire.muc4.format import write_document

            write_document(self.out, article, events)
        for event in events if self.fmt != "muc4" else ():
            if self.fmt == "jsonl":
                self.out.write(event.model_dump_json() + "\n")
            elif self.fmt == "csv":
                self._csv.writerow(csv_row(event))
            else:
                self._rows.append(event)
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            json.dump([e.model_dump(mode="json") for e in self._rows], self.out, indent=2, ensure_ascii=False)
            self.out.write("\n")
        elif self.fmt == "table":
            console = Console(file=self.out, width=160)
            console.print(f"{len(self._rows)} events")
            for event in self._rows:
                console.print(table([event]))
                for line in claim_lines(event):
                    console.print(line, markup=False, highlight=False)


def csv_row(event: Event) -> list:
    first = [a.name for a in event.actors if a.role in ("attacker", "perpetrator")]
    second = [a.name for a in event.actors if a.role in ("target", "victim")]
    loc = event.location
    return [
        event.event_id, event.status, event.event_date, event.date_end, event.time_precision,
        event.event_type, event.sub_event_type, event.cameo, "; ".join(first), "; ".join(second),
        loc.name, loc.admin1, loc.country_code, loc.lat, loc.lon, loc.geo_precision,
        event.fatalities.best, event.fatalities.qualifier, event.injuries.best,
        "; ".join(event.sources), "; ".join(event.articles),
    ]


def claim_lines(event: Event) -> list[str]:
    """One line per claim beneath its event: what, who said it, through whom, how sure."""
    lines = []
    for claim in event.claims:
        who = claim.speaker or "(the article)"
        via = f" via {claim.outlet}" if claim.outlet and claim.outlet != claim.speaker else ""
        how = f" [{claim.hedge}]" if claim.hedge else ""
        stance = f" ({claim.stance.replace('_', ' ')})" if claim.stance else ""
        kind = f" ({claim.kind})" if claim.kind not in ("report", claim.field) else ""
        lines.append(f"    {claim.field}{kind} = {claim.value}{stance} — {who}{via}{how}: “{claim.text}”")
    return lines


def table(events: list[Event]) -> Table:
    grid = Table(show_lines=True)
    for column in ("date", "status", "type", "where", "who", "killed", "sources"):
        grid.add_column(column, overflow="fold")
    for event in events:
        who = "\n".join(f"{a.role}: {a.name}" for a in event.actors)
        where = event.location.name or f"({event.location.reason or 'unknown'})"
        if event.location.geo_precision:
            where += f" [{event.location.geo_precision}]"
        if event.location.admin1 and event.location.admin1 != event.location.name:
            where += f"\n{event.location.admin1}, {event.location.country_code}"
        killed = "" if event.fatalities.best is None else f"{event.fatalities.best} ({event.fatalities.qualifier})"
        grid.add_row(
            str(event.event_date or ""), event.status, f"{event.event_type}\n{event.sub_event_type}",
            where, who, killed, ", ".join(event.sources),
        )
    return grid
