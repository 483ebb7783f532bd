// The map: country outlines from world-atlas (offline), optional raster tiles, and one circle
// per event, sized by fatalities and coloured by type, clustered when dense.
import { colourOf, eventApiPath, eventPath, formatCount, getJSON } from "./api.js";
import { el } from "./dom.js";

const OUTLINES = "/static/vendor/world-atlas/countries-50m.json";
let outlines = null;

async function countryOutlines() {
  if (!outlines) {
    const response = await fetch(OUTLINES);
    const topology = await response.json();
    outlines = window.topojson.feature(topology, topology.objects.countries);
  }
  return outlines;
}

export async function baseMap(element, config, options = {}) {
  const L = window.L;
  const map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 14, ...options });
  map.setView([20, 20], 2);
  if (config && config.tile_url) {
    L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "", maxZoom: 19 }).addTo(map);
  }
  const tiles = Boolean(config && config.tile_url);
  L.geoJSON(await countryOutlines(), {
    interactive: false,
    style: { color: "#8a9aa8", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: tiles ? 0 : 1 },
  }).addTo(map);
  return map;
}

export function radiusFor(fatalities) {
  return Math.min(26, 5 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0)));
}

// The popup shows the feature's properties at once and the actors when /api/events/{id} answers.
function popupFor(props) {
  const place = [props.location_name, props.admin1, props.country_code].filter(Boolean).join(", ");
  const actors = el("div", { className: "popup-actors" });
  getJSON(eventApiPath(props.event_id)).then((detail) => {
    actors.textContent = detail.event.actors.map((a) => `${a.name} (${a.role})`).join("; ");
  }).catch(() => { actors.textContent = ""; });
  return el("div", { className: "popup" },
    el("strong", {}, props.sub_event_type),
    el("div", {}, `${props.event_date || "undated"} · ${place || "unknown place"}`),
    el("div", {}, `Fatalities: ${formatCount(props.fatalities)}`),
    actors,
    el("a", { href: eventPath(props.event_id), className: "open-event" }, "Open event →"));
}

// A cluster layer of the features of /api/events.geojson.
export function eventLayer(geojson) {
  const L = window.L;
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false,
                                         spiderfyOnMaxZoom: true, chunkedLoading: true });
  const markers = geojson.features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates;
    const props = feature.properties;
    const marker = L.circleMarker([lat, lon], {
      radius: radiusFor(props.fatalities), color: "#333", weight: 1,
      fillColor: colourOf(props.event_type), fillOpacity: 0.8, className: "ew-marker",
    });
    marker.bindPopup(() => popupFor(props));
    marker.bindTooltip(() => el("span", {}, `${props.sub_event_type}, ${props.event_date || "undated"}`));
    marker.on("add", () => marker.getElement()?.setAttribute("data-event-id", props.event_id));
    return marker;
  });
  cluster.addLayers(markers);
  return cluster;
}

export function legend(element, types) {
  element.replaceChildren(...types.map((type) =>
    el("span", { className: "legend-item" },
      el("span", { className: "swatch", dataset: { type }, title: type }), type)));
  for (const swatch of element.querySelectorAll(".swatch")) {
    swatch.style.background = colourOf(swatch.dataset.type);
  }
}
