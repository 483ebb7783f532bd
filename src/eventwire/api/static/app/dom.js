// Building the page from data without ever parsing it as HTML.
//
// Article text, titles, places, actor names and claims are hostile input: they become text
// nodes (textContent), never markup. `el` is the only way the UI makes elements; it takes
// no HTML strings, and links only get URLs that `safeHref` lets through.

const SVG_NS = "http://www.w3.org/2000/svg";

// el("a", {href: "/x", className: "y", dataset: {id: "1"}, onclick: f}, "text", child, ...)
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  setProps(node, props);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function setProps(node, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "href") node.setAttribute("href", safeHref(value));
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "className" || name === "id" || name === "title" || name === "type" || name === "value"
             || name === "name" || name === "colSpan" || name === "scope" || name === "disabled")
      node[name] = value;
    else if (name.startsWith("aria-") || name === "role" || name === "rel" || name === "target")
      node.setAttribute(name, String(value));
    else throw new Error(`el: property ${name} is not allowed`);
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Only http(s) URLs and this server's own paths; anything else (javascript:, data:) becomes "#".
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function showStatus(message, isError = false) {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = message || "";
  status.classList.toggle("error", Boolean(isError));
}
