// Shared helpers of the explorer's views: API calls, safe DOM building, badges, charts.
// Every string reaches the page through textContent or an attribute, never innerHTML,
// so text from news articles cannot inject markup.

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON endpoint; `params` with null/undefined/"" values are dropped. */
export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new ApiError(`The dyad server did not answer (${err.message}). Is "dyad serve" running?`, 0, "network");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const e = body && body.error ? body.error : {};
    throw new ApiError(e.message || `${response.status} ${response.statusText}`, response.status, e.code || String(response.status));
  }
  return body;
}

/** Build an element: h("a", {href: "#/"}, "text", child). Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Append children, skipping null/undefined/false and flattening arrays (DOM append would print "null"). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replace an element's children, with add()'s rules. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// -- routes -------------------------------------------------------------------------

const enc = encodeURIComponent;
export const href = {
  home: () => "#/",
  dyad: (a, b) => `#/dyad/${enc(a)}/${enc(b)}`,
  actor: (id) => `#/actor/${enc(id)}`,
  agreement: (id, asOf) => `#/agreement/${enc(id)}${asOf ? `?as_of=${enc(asOf)}` : ""}`,
  document: (id, start, end) => `#/document/${enc(id)}${start !== undefined && start !== null ? `?hl=${start}-${end}` : ""}`,
  evidence: (ev) => (ev && ev.doc_id ? href.document(ev.doc_id, ev.start, ev.end) : null),
  search: (q) => `#/search?q=${enc(q)}`,
};

// -- small pieces -------------------------------------------------------------------

export const QUADS = {
  1: { label: "verbal cooperation", short: "Q1 verbal coop.", color: "#7fbf7b" },
  2: { label: "material cooperation", short: "Q2 material coop.", color: "#1b7837" },
  3: { label: "verbal conflict", short: "Q3 verbal conflict", color: "#f1a340" },
  4: { label: "material conflict", short: "Q4 material conflict", color: "#b2182b" },
};

export function quadBadge(q) {
  const quad = QUADS[q];
  if (!quad) return h("span", { class: "badge" }, "unclassed");
  return h("span", { class: `badge q${q}`, title: quad.label }, quad.short);
}

const STATUS_CLASS = {
  in_force: "ok", signed: "info", ratified: "info", renewed: "ok", negotiated: "info",
  proposed: "info", pending: "info", suspended: "warn", rejected: "bad", withdrawn: "bad", expired: "bad",
  terminated: "bad", unknown: "muted",
};

/** The status object of an agreement may be {status, ...} or a bare string. */
export function statusName(status) {
  if (!status) return "unknown";
  return typeof status === "string" ? status : status.status || "unknown";
}

export function statusBadge(status) {
  const name = statusName(status);
  return h("span", { class: `badge status ${STATUS_CLASS[name] || "muted"}`, "data-testid": "status-badge" },
    name.replaceAll("_", " "));
}

export function actorLabel(ref) {
  if (!ref) return "—";
  if (typeof ref === "string") return ref;
  return ref.name || ref.actor_id || "—";
}

export function actorLink(ref) {
  if (!ref) return h("span", { class: "muted" }, "—");
  const id = typeof ref === "string" ? ref : ref.actor_id;
  if (!id) return h("span", {}, actorLabel(ref));
  return h("a", { href: href.actor(id), title: id }, actorLabel(ref));
}

/** The evidence sentence as a link to its highlighted place in the document. */
export function evidenceLink(ev, text) {
  if (!ev) return h("span", { class: "muted" }, "no evidence");
  const target = href.evidence(ev);
  const label = text ?? `“${clip((ev.text || "").trim(), 160)}”`;
  return target ? h("a", { href: target, class: "evidence" }, label) : h("span", {}, label);
}

/** Stages in date order (ISO strings sort by time); undated ones keep their order, last. */
export function byDate(stages) {
  const dated = (s) => typeof s.date === "string" && /^\d{4}/.test(s.date);
  return [...stages].sort((x, y) => (dated(y) - dated(x)) || (dated(x) && dated(y) ? x.date.localeCompare(y.date) : 0));
}

export function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function fmtNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return Number(value).toLocaleString("en", { maximumFractionDigits: 2 });
}

/** A Quantity {value, unit, text} as "3,500,000,000 USD (“$3.5 billion”)". */
export function fmtQuantity(q) {
  if (!q) return "";
  if (typeof q !== "object") return String(q);
  const main = q.value !== undefined && q.value !== null ? `${fmtNumber(q.value)} ${q.unit || ""}`.trim() : "";
  return q.text && main ? `${main} (“${q.text}”)` : main || q.text || "";
}

export function humanise(name) {
  return String(name || "").replaceAll("_", " ");
}

export function loading(text = "Loading…") {
  return h("p", { class: "muted", role: "status" }, text);
}

export function errorBox(err) {
  const where = err && err.status ? ` (${err.code || err.status})` : "";
  return h("div", { class: "error", role: "alert", "data-testid": "error" },
    h("strong", {}, "Could not load this view"), where, h("p", {}, err && err.message ? err.message : String(err)));
}

export function section(title, ...children) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Prev/next buttons for a `{items, total, limit, offset}` page; calls onPage(newOffset). */
export function pager(page, onPage, label = "results") {
  const { total = 0, limit = 0, offset = 0 } = page;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return h("nav", { class: "pager", "aria-label": `Pages of ${label}` },
    h("button", { type: "button", disabled: offset <= 0, onclick: () => onPage(Math.max(0, offset - limit)) }, "‹ Previous"),
    h("span", { role: "status" }, `${first}–${last} of ${fmtNumber(total)}`),
    h("button", { type: "button", disabled: last >= total, onclick: () => onPage(offset + limit) }, "Next ›"));
}

/** A list of events as rows; each row is a link to its evidence in the document. */
export function eventList(items, { testid = "event-list" } = {}) {
  if (!items.length) return h("p", { class: "muted" }, "No events.");
  return h("ol", { class: "events", "data-testid": testid },
    items.map((e) => h("li", { class: "event" },
      h("a", {
        href: href.evidence(e.evidence) || "#",
        class: "event-link",
        "data-testid": "event-link",
        "data-event-id": e.event_id,
        "aria-label": `${e.date || "undated"}: ${actorLabel(e.source)} ${humanise(e.event_type)} ${actorLabel(e.target)}. Open the sentence in its document.`,
      },
      h("span", { class: "ev-date" }, e.date || "undated"),
      h("span", { class: "ev-what" },
        h("strong", {}, actorLabel(e.source)), " ", h("span", { class: "ev-type" }, humanise(e.event_type)), " ",
        h("strong", {}, actorLabel(e.target))),
      h("span", { class: "ev-badges" }, quadBadge(e.quad_class),
        e.modality && e.modality !== "asserted" ? h("span", { class: "badge muted" }, e.modality) : null),
      h("span", { class: "ev-text" }, `“${clip(((e.evidence && e.evidence.text) || "").trim(), 220)}”`)))));
}

// -- charts -------------------------------------------------------------------------

/** Resolves with window.Plotly once the deferred vendor script has run. */
export function plotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  return new Promise((resolve, reject) => {
    const script = document.querySelector('script[src$="plotly.min.js"]');
    const done = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("Plotly did not load")));
    if (!script) return reject(new Error("no Plotly script tag"));
    script.addEventListener("load", done, { once: true });
    script.addEventListener("error", () => reject(new Error("Plotly could not be loaded from /vendor/plotly.min.js")), { once: true });
    setTimeout(done, 10000);
  });
}

const BASE_LAYOUT = {
  margin: { l: 48, r: 16, t: 36, b: 40 },
  paper_bgcolor: "rgba(0,0,0,0)",
  plot_bgcolor: "rgba(0,0,0,0)",
  font: { family: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 12 },
  legend: { orientation: "h", x: 0, y: 1.02, xanchor: "left", yanchor: "bottom" },
  autosize: true,
};

/** A month axis: a real time axis (gaps show as gaps), one bar per calendar month. */
export const MONTH_AXIS = { type: "date", automargin: true, tickformat: "%b %Y", hoverformat: "%B %Y", fixedrange: true };
export const MONTH_BARS = { xperiod: "M1", xperiodalignment: "middle" };

/** Draw a Plotly chart into `el`; the element carries role=img and an aria-label summary. */
export async function chart(el, data, layout, ariaLabel) {
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", ariaLabel);
  try {
    const Plotly = await plotly();
    if (!el.isConnected) return null;
    await Plotly.newPlot(el, data, { ...BASE_LAYOUT, ...layout }, {
      responsive: true, displayModeBar: false, displaylogo: false, scrollZoom: false,
    });
    // Plotly's svg is decoration for screen readers: the aria-label and data table carry it.
    el.querySelectorAll("svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));
    return Plotly;
  } catch (err) {
    fill(el, h("p", { class: "muted" }, `Chart unavailable: ${err.message}`));
    return null;
  }
}

/** A collapsed data table behind a chart, for people who cannot see it. */
export function dataTable(caption, headers, rows) {
  return h("details", { class: "data-table" },
    h("summary", {}, `${caption} as a table`),
    h("div", { class: "table-wrap" },
      h("table", {},
        h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c))))))));
}
