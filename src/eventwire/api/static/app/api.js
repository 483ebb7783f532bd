// The UI is a client of the public JSON API, like any script: these are its calls.

export const FILTER_KEYS = ["since", "until", "country", "admin1", "type", "actor", "min_fatalities",
                            "status", "q", "bbox"];

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60",
  "Riots": "#795548",
  "Strategic developments": "#2c7fb8",
};

export function colourOf(type) {
  return TYPE_COLOURS[type] || "#7f8c8d";
}

export function apiURL(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  return url.pathname + url.search;
}

export async function getJSON(path, params = {}) {
  const response = await fetch(apiURL(path, params), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch { /* not JSON */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

// The filters in the page's address (?country=SY&type=Battles): the page's state is its URL.
export function filtersFromURL() {
  const params = new URLSearchParams(window.location.search);
  const found = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) found[key] = value;
  }
  return found;
}

export function eventPath(eventId) {
  return `/events/${encodeURIComponent(eventId)}`;
}

export function eventApiPath(eventId) {
  return `/api/events/${encodeURIComponent(eventId)}`;
}

export function formatCount(value) {
  return value === null || value === undefined ? "–" : String(value);
}
