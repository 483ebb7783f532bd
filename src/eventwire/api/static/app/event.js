// The event page: every field of the record with the claims that back it, and the article
// text with the evidence sentences and the words of each claim highlighted. The twin of
// /api/events/{id}; every string from the article goes in as text, never as HTML.
import { eventApiPath, getJSON } from "./api.js";
import { el, safeHref, showStatus } from "./dom.js";
import { baseMap } from "./map.js";

// Which claims go under which row of the fields table (the rest go under "Other claims").
const CLAIM_ROWS = {
  event: "event_type", fatalities: "fatalities", injuries: "injuries", responsibility: "actors",
  force_size: "actors", motive: "event_type", framing: "event_type",
};

function countText(count) {
  if (!count || count.best === null || count.best === undefined) return "unknown";
  const range = count.low !== null && count.high !== null && count.low !== count.high
    ? ` (${count.low}–${count.high})` : "";
  const words = count.text ? ` — “${count.text}”` : "";
  return `${count.best}${range}, ${count.qualifier}${words}`;
}

function locationText(loc) {
  const parts = [loc.name, loc.admin2, loc.admin1, loc.country_code].filter(Boolean).join(", ");
  const where = loc.lat !== null && loc.lon !== null ? ` at ${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}` : "";
  const precision = loc.geo_precision ? `, precision ${loc.geo_precision}` : "";
  const mention = loc.mention && loc.mention !== loc.name ? ` (written “${loc.mention}”)` : "";
  const reason = loc.reason ? ` — ${loc.reason}` : "";
  return `${parts || "unknown"}${where}${precision}${mention}${reason}`;
}

function fieldRows(event) {
  const actors = event.actors.map((a) => el("li", {},
    `${a.name} — ${a.role}`, a.kind ? `, ${a.kind}` : "", a.inter !== null ? ` (inter ${a.inter})` : "",
    a.mention && a.mention !== a.name ? ` — “${a.mention}”` : ""));
  const dates = event.event_date
    ? `${event.event_date}${event.date_end && event.date_end !== event.event_date ? ` to ${event.date_end}` : ""}` +
      (event.time_precision ? ` (time precision ${event.time_precision})` : "")
    : "undated";
  return [
    ["status", "Status", event.status],
    ["event_date", "Date", dates],
    ["event_type", "Type", `${event.event_type} — ${event.sub_event_type}`],
    ["cameo", "CAMEO", event.cameo || "–"],
    ["location", "Location", locationText(event.location)],
    ["actors", "Actors", actors.length ? el("ul", {}, actors) : "none named"],
    ["fatalities", "Fatalities", countText(event.fatalities)],
    ["injuries", "Injuries", countText(event.injuries)],
    ["weapons", "Weapons", event.weapons.map((w) => `${w.name} (“${w.mention}”)`).join("; ") || "none named"],
    ["sources", "Sources", event.sources.join("; ") || "–"],
    ["policies", "Policies", Object.entries(event.policies).map(([k, v]) => `${k}: ${v}`).join("; ") || "–"],
  ];
}

function claimItem(claim, index) {
  const who = [claim.speaker, claim.speaker_kind ? `(${claim.speaker_kind})` : null].filter(Boolean).join(" ");
  const details = [
    claim.value !== null && claim.value !== undefined ? `value ${claim.value}` : null,
    who ? `said by ${who}` : "no speaker named",
    claim.via && claim.via.length ? `via ${claim.via.join(" → ")}` : (claim.outlet ? `via ${claim.outlet}` : null),
    claim.hedge ? `hedged: ${claim.hedge}` : null,
    claim.stance ? `stance: ${claim.stance}` : null,
    claim.kind !== "report" ? claim.kind : null,
  ].filter(Boolean).join(" · ");
  return el("li", { className: "claim-item", dataset: { claim: String(index) } },
    el("a", { href: `#claim-${index}`, className: "claim-quote" }, `“${claim.text}”`),
    el("span", { className: "claim-details" }, ` ${claim.field}: ${details}`));
}

function drawFields(event) {
  const rows = fieldRows(event);
  const claimsFor = new Map(rows.map(([key]) => [key, []]));
  const others = [];
  event.claims.forEach((claim, i) => {
    const row = CLAIM_ROWS[claim.field] || claim.field;
    (claimsFor.get(row) || others).push(claimItem(claim, i));
  });
  const body = document.querySelector("#fields tbody");
  body.replaceChildren(...rows.map(([key, label, value]) => el("tr", { dataset: { field: key } },
    el("th", { scope: "row" }, label),
    el("td", {}, el("div", { className: "value" }, value),
      claimList(claimsFor.get(key))))));
  if (others.length) {
    body.append(el("tr", { dataset: { field: "other" } }, el("th", { scope: "row" }, "Other claims"),
      el("td", {}, claimList(others))));
  }
}

// A list of claims: the first SHOWN, and a button for the rest when there are many.
const SHOWN = 5;
function claimList(items) {
  if (!items.length) return null;
  const list = el("ul", { className: "claims" }, items.slice(0, SHOWN));
  if (items.length > SHOWN) {
    const more = el("li", {}, el("button", { type: "button", className: "more-claims", onclick: () => {
      more.replaceWith(...items.slice(SHOWN));
    } }, `${items.length - SHOWN} more claims`));
    list.append(more);
  }
  return list;
}

function drawArticle(article, event) {
  const meta = document.getElementById("article-meta");
  const link = article.url && safeHref(article.url) !== "#"
    ? el("a", { href: article.url, rel: "noopener noreferrer nofollow", target: "_blank" }, article.url) : null;
  const items = [["Title", article.title], ["Outlet", article.outlet], ["Published", article.published],
                 ["Article id", article.article_id], ["URL", link || article.url], ["Read from", article.source]];
  meta.replaceChildren(...items.filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));

  const text = document.getElementById("article-text");
  const firstOf = new Map();
  const pieces = article.segments.map((segment) => {
    if (!segment.marks.length) return document.createTextNode(segment.text);
    const spans = segment.marks.map((i) => article.spans[i]);
    const kinds = new Set(spans.map((s) => s.kind));
    const mark = el("mark", { className: [...kinds].join(" "),
                              title: spans.map((s) => (s.kind === "claim" ? `claim: ${s.field}` : "evidence")).join(", ") },
      segment.text);
    for (const span of spans) {
      const id = `${span.kind}-${span.index}`;
      if (!firstOf.has(id)) { firstOf.set(id, true); mark.id = mark.id || id; }
    }
    return mark;
  });
  text.replaceChildren(...pieces);
  const unplaced = article.spans.filter((s) => !s.placed).length;
  if (unplaced) text.before(el("p", { className: "status error" }, `${unplaced} spans do not fit this text`));
  document.title = `eventwire: ${event.sub_event_type}, ${event.location.name || "unknown place"}`;
}

async function drawMinimap(event) {
  const loc = event.location;
  const element = document.getElementById("minimap");
  if (loc.lat === null || loc.lon === null) {
    element.replaceChildren(el("p", { className: "summary" }, `No coordinates: ${loc.reason || "not located"}`));
    element.classList.add("empty");
    return;
  }
  const config = await getJSON("/api/config");
  const map = await baseMap(element, config, { zoomControl: true });
  map.setView([loc.lat, loc.lon], 6);
  window.L.circleMarker([loc.lat, loc.lon], { radius: 7, color: "#333", weight: 1, fillColor: "#c0392b",
                                              fillOpacity: 0.9, className: "ew-marker" }).addTo(map);
}

async function main() {
  const eventId = decodeURIComponent(window.location.pathname.replace(/^\/events\//, ""));
  document.getElementById("json-link").setAttribute("href", eventApiPath(eventId));
  try {
    const detail = await getJSON(eventApiPath(eventId));
    const { event, article } = detail;
    document.getElementById("title").textContent =
      `${event.sub_event_type} — ${event.location.name || "unknown place"}, ${event.event_date || "undated"}`;
    drawFields(event);
    drawArticle(article, event);
    document.body.dataset.ready = "true";
    await drawMinimap(event);
  } catch (error) {
    showStatus(`Could not load event ${eventId}: ${error.message}`, true);
  }
}

main();
