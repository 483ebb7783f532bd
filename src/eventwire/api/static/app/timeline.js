// The weekly timeline: stacked bars of events per ISO week by type, and a brush (drag across
// the bars) that picks a range of weeks; `onBrush(since, until)` gets its dates, or nulls.
import { colourOf } from "./api.js";
import { clear, svg } from "./dom.js";

const DAY = 86400000;
const HEIGHT = 118;  // the content height of svg.timeline (style.css)
const AXIS = 18;

function addDays(iso, days) {
  return new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);
}

function allWeeks(weeks) {
  if (!weeks.length) return [];
  const found = [];
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  for (let week = weeks[0].week; week <= weeks[weeks.length - 1].week; week = addDays(week, 7)) {
    found.push(byWeek.get(week) || { week, total: 0, fatalities: 0, by_type: {} });
  }
  return found;
}

export function drawTimeline(element, stats, selection, onBrush) {
  clear(element);
  const width = element.clientWidth || 800;
  element.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
  element.setAttribute("preserveAspectRatio", "none");
  const weeks = allWeeks(stats.weeks);
  if (!weeks.length) {
    element.append(svg("text", { x: 8, y: HEIGHT / 2, class: "axis" }, "No dated events"));
    return;
  }
  const step = width / weeks.length;
  const top = Math.max(...weeks.map((w) => w.total), 1);
  const scale = (HEIGHT - AXIS - 4) / top;
  const types = stats.types.map((t) => t.type);
  const selected = (week) => selection.since && selection.until
    && addDays(week, 6) >= selection.since && week <= selection.until;
  weeks.forEach((week, i) => {
    let y = HEIGHT - AXIS;
    const group = svg("g", { class: selected(week.week) ? "week selected" : "week", "data-week": week.week });
    for (const type of types) {
      const count = week.by_type[type] || 0;
      if (!count) continue;
      const h = count * scale;
      y -= h;
      group.append(svg("rect", { x: i * step + 0.5, y, width: Math.max(1, step - 1), height: h,
                                 fill: colourOf(type) }));
    }
    group.append(svg("title", {}, `week of ${week.week}: ${week.total} events, ${week.fatalities} killed`));
    element.append(group);
  });
  const label = (x, text, anchor) => element.append(
    svg("text", { x, y: HEIGHT - 4, class: "axis", "text-anchor": anchor }, text));
  label(2, weeks[0].week, "start");
  label(width - 2, addDays(weeks[weeks.length - 1].week, 6), "end");
  const undated = stats.undated ? `; ${stats.undated} undated events are not shown` : "";
  label(width / 2, `highest week: ${top} events${undated}`, "middle");

  const band = svg("rect", { class: "brush", y: 0, height: HEIGHT - AXIS, x: 0, width: 0 });
  element.append(band);
  const weekAt = (clientX) => {
    const box = element.getBoundingClientRect();  // the border box; the viewBox covers the content box
    const x = (clientX - box.left - element.clientLeft) * (width / (element.clientWidth || width));
    return Math.max(0, Math.min(weeks.length - 1, Math.floor(x / step)));
  };
  let start = null;
  element.onpointerdown = (e) => {
    start = weekAt(e.clientX);
    element.setPointerCapture(e.pointerId);
    band.setAttribute("x", start * step);
    band.setAttribute("width", step);
  };
  element.onpointermove = (e) => {
    if (start === null) return;
    const [a, b] = [start, weekAt(e.clientX)].sort((p, q) => p - q);
    band.setAttribute("x", a * step);
    band.setAttribute("width", (b - a + 1) * step);
  };
  element.onpointerup = (e) => {
    if (start === null) return;
    const [a, b] = [start, weekAt(e.clientX)].sort((p, q) => p - q);
    start = null;
    onBrush(weeks[a].week, addDays(weeks[b].week, 6));
  };
}
