// The events table: one page of /api/events, sortable by its column headers.
import { colourOf, eventPath, formatCount } from "./api.js";
import { el } from "./dom.js";

const COLUMNS = [
  { label: "Date", sort: "date", cell: (e) => e.event_date || "undated" },
  { label: "Type", sort: "type", cell: (e) => typeCell(e) },
  { label: "Place", sort: "place", cell: (e) => [e.location_name, e.admin1].filter(Boolean).join(", ") || "–" },
  { label: "Country", sort: "country", cell: (e) => e.country_code || "–" },
  { label: "Killed", sort: "fatalities", cell: (e) => formatCount(e.fatalities), className: "num" },
  { label: "Actors", cell: (e) => e.actors.map((a) => `${a.name} (${a.role})`).join("; ") },
];

function typeCell(event) {
  const swatch = el("span", { className: "swatch", title: event.event_type });
  swatch.style.background = colourOf(event.event_type);
  return el("a", { href: eventPath(event.event_id), className: "event-link" }, swatch, event.sub_event_type);
}

export function drawHeader(table, sort, onSort) {
  const row = el("tr");
  for (const column of COLUMNS) {
    if (!column.sort) {
      row.append(el("th", { scope: "col" }, column.label));
      continue;
    }
    const active = sort.replace(/^-/, "") === column.sort;
    const arrow = active ? (sort.startsWith("-") ? " ↓" : " ↑") : "";
    const next = active && !sort.startsWith("-") ? `-${column.sort}` : (active ? column.sort : `-${column.sort}`);
    row.append(el("th", { scope: "col" },
      el("button", { type: "button", className: "sort", onclick: () => onSort(next) }, column.label + arrow)));
  }
  table.tHead.replaceChildren(row);
}

export function drawRows(table, page) {
  const rows = page.items.map((event) => el("tr", { dataset: { eventId: event.event_id } },
    ...COLUMNS.map((column) => el("td", { className: column.className }, column.cell(event)))));
  if (!rows.length) rows.push(el("tr", {}, el("td", { colSpan: COLUMNS.length }, "No events match.")));
  table.tBodies[0].replaceChildren(...rows);
}
