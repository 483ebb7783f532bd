// The main page: filters (kept in the address), map, weekly timeline and table, all drawn
// from the public API: /api/config, /api/stats, /api/events.geojson and /api/events.
import { apiURL, filtersFromURL, getJSON } from "./api.js";
import { el, showStatus } from "./dom.js";
import { baseMap, eventLayer, legend } from "./map.js";
import { drawHeader, drawRows } from "./table.js";
import { drawTimeline } from "./timeline.js";

const state = { filters: filtersFromURL(), sort: "-date", offset: 0, pageSize: 50, inView: false };
let map = null;
let layer = null;
let fitted = false;

function query(extra = {}) {
  const filters = { ...state.filters };
  if (state.inView && map) {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    filters.bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
                    clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
  }
  return { ...filters, ...extra };
}

function writeURL() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `/?${search}` : "/");
  document.getElementById("json-link").setAttribute("href", apiURL("/api/events", query()));
  document.getElementById("geojson-link").setAttribute("href", apiURL("/api/events.geojson", query()));
}

function fillForm(form) {
  for (const element of form.elements) {
    if (element.name && element.name !== "inview") element.value = state.filters[element.name] || "";
  }
}

function readForm(form) {
  const found = {};
  for (const element of form.elements) {
    if (element.name && element.name !== "inview" && element.value) found[element.name] = element.value.trim();
  }
  state.inView = form.elements.inview.checked;
  return found;
}

async function fillChoices(form) {
  const all = await getJSON("/api/stats");
  const countries = all.countries.filter((c) => c.code)
    .map((c) => el("option", { value: c.code }, `${c.name || c.code} (${c.count})`));
  form.elements.country.append(...countries);
  form.elements.type.append(...all.types.map((t) => el("option", { value: t.type }, `${t.type} (${t.count})`)));
  legend(document.getElementById("legend"), all.types.map((t) => t.type));
}

async function drawMap() {
  const geojson = await getJSON("/api/events.geojson", state.filters);
  if (layer) map.removeLayer(layer);
  layer = eventLayer(geojson).addTo(map);
  if (!fitted && geojson.features.length) {
    map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 7 });
    fitted = true;
  }
  return geojson;
}

async function drawTable() {
  const table = document.getElementById("events");
  const page = await getJSON("/api/events", query({ sort: state.sort, limit: state.pageSize, offset: state.offset }));
  drawHeader(table, state.sort, (sort) => { state.sort = sort; state.offset = 0; drawTable(); });
  drawRows(table, page);
  const last = Math.min(page.offset + page.items.length, page.total);
  document.getElementById("table-summary").textContent =
    `${page.total} events${page.total ? `, showing ${page.offset + 1}–${last}` : ""}`;
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = !page.next;
}

async function drawDates() {
  const undated = { ...state.filters };
  delete undated.since;
  delete undated.until;
  const stats = await getJSON("/api/stats", undated);
  drawTimeline(document.getElementById("timeline"), stats, state.filters, (since, until) => {
    state.filters = { ...state.filters, since, until };
    fillForm(document.getElementById("filters"));
    refresh();
  });
}

async function refresh() {
  writeURL();
  showStatus("Loading…");
  try {
    const [geojson] = await Promise.all([drawMap(), drawTable(), drawDates()]);
    const more = geojson.truncated ? " (map shows the first ones only: narrow the filters)" : "";
    showStatus(`${geojson.features.length} events on the map${more}`);
    document.body.dataset.ready = "true";
  } catch (error) {
    showStatus(`Could not load events: ${error.message}`, true);
  }
}

async function main() {
  const form = document.getElementById("filters");
  try {
    const config = await getJSON("/api/config");
    state.pageSize = Math.min(50, config.max_page_size);
    map = await baseMap(document.getElementById("map"), config);
    await fillChoices(form);
  } catch (error) {
    showStatus(`Could not start: ${error.message}`, true);
    return;
  }
  fillForm(form);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = readForm(form);
    state.offset = 0;
    refresh();
  });
  document.getElementById("clear").addEventListener("click", () => {
    state.filters = {};
    state.offset = 0;
    form.elements.inview.checked = state.inView = false;
    fillForm(form);
    refresh();
  });
  document.getElementById("clear-brush").addEventListener("click", () => {
    delete state.filters.since;
    delete state.filters.until;
    fillForm(form);
    refresh();
  });
  document.getElementById("prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - state.pageSize);
    drawTable();
  });
  document.getElementById("next").addEventListener("click", () => {
    state.offset += state.pageSize;
    drawTable();
  });
  map.on("moveend", () => { if (state.inView) { state.offset = 0; drawTable(); } });
  await refresh();
}

main();
