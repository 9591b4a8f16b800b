// Actor view (#/actor/ID): the actor's relations as a radial network, its events over
// time, its relations and its latest events.
import {
  MONTH_AXIS, MONTH_BARS, QUADS, api, chart, dataTable, errorBox, eventList, fmtNumber, h, href, humanise, loading, pager, section, add, fill
} from "../lib.js";
import { relationList } from "./dyad.js";

const PAGE = 20;
// Without a per-month aggregate from the server, the chart counts at most this many
// of the latest events (one capped page), and says so.
const FALLBACK_EVENTS = 500;

const KIND_COLORS = {
  q1: QUADS[1].color, q2: QUADS[2].color, q3: QUADS[3].color, q4: QUADS[4].color, event: "#94a3b8",
  alliance: "#2563eb", military_presence: "#7c3aed", arms_supply: "#b45309", trade: "#0f766e",
  energy_supply: "#ca8a04", sanctions: "#dc2626", armed_conflict: "#991b1b", membership: "#64748b",
};

export async function render(root, params) {
  const id = params.id;
  let actor;
  try {
    actor = await api(`/api/actors/${encodeURIComponent(id)}`);
  } catch (err) {
    add(root, h("h1", {}, id), errorBox(err));
    return;
  }
  add(root,
    h("h1", {}, actor.name || id),
    h("p", { class: "muted" }, [actor.actor_id, actor.kind, actor.country, actor.sector].filter(Boolean).join(" · "),
      actor.aliases && actor.aliases.length ? ` · also: ${actor.aliases.slice(0, 8).join(", ")}` : ""),
    counts(actor.counts || {}));
  const grid = h("div", { class: "grid two" });
  const eventsCard = section("Latest events", loading());
  eventsCard.setAttribute("data-testid", "actor-events");
  const relationsCard = section("Relations", loading());
  add(grid, network(actor), overTime(actor), relationsCard);
  add(root, grid, eventsCard);
  await Promise.all([renderRelations(relationsCard, actor.actor_id || id), renderEvents(eventsCard, actor.actor_id || id, 0)]);
}

function counts(c) {
  const entries = Object.entries(c).filter(([, v]) => typeof v === "number");
  if (!entries.length) return null;
  return h("ul", { class: "counts", "aria-label": "Counts" },
    entries.map(([k, v]) => h("li", {}, h("strong", {}, fmtNumber(v)), ` ${humanise(k)}`)));
}

/** A radial layout: the actor in the middle, partners on a circle by descending weight. */
export function radialLayout(centerId, nodes, edges) {
  const weight = new Map();
  for (const e of edges) {
    for (const end of [e.source, e.target]) weight.set(end, (weight.get(end) || 0) + Number(e.weight || 1));
  }
  const others = nodes.filter((n) => n.id !== centerId).sort((x, y) => (weight.get(y.id) || 0) - (weight.get(x.id) || 0));
  const pos = new Map([[centerId, [0, 0]]]);
  others.forEach((n, i) => {
    // One or two partners sit beside the actor (labels stay readable); more go round from the top.
    const start = others.length <= 2 ? 0 : Math.PI / 2;
    const angle = start - (2 * Math.PI * i) / Math.max(others.length, 1);
    pos.set(n.id, [Math.cos(angle), Math.sin(angle)]);
  });
  return { pos, weight };
}

function network(actor) {
  const card = section("Network");
  card.classList.add("wide");
  const net = actor.network || { nodes: [], edges: [] };
  const center = actor.actor_id;
  let nodes = net.nodes || [];
  const edges = net.edges || [];
  if (!nodes.some((n) => n.id === center)) nodes = [{ id: center, label: actor.name, country: actor.country }, ...nodes];
  if (!edges.length) {
    add(card, h("p", { class: "muted" }, "No events or relations link this actor to others yet."));
    return card;
  }
  const { pos, weight } = radialLayout(center, nodes, edges);
  const byKind = new Map();
  for (const e of edges) {
    if (!pos.has(e.source) || !pos.has(e.target)) continue;
    const kind = String(e.kind);
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push(e);
  }
  const maxW = Math.max(...edges.map((e) => Number(e.weight || 1)), 1);
  // Several kinds of link between the same two actors are drawn side by side, not on top.
  const pairs = new Map();
  for (const e of edges) {
    const key = [e.source, e.target].sort().join("\u0000");
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(e);
  }
  const offset = new Map();
  for (const list of pairs.values()) list.forEach((e, i) => offset.set(e, (i - (list.length - 1) / 2) * 0.035));
  const data = [];
  for (const [kind, list] of byKind) {
    // One trace per edge keeps each edge's own width; the legend shows one entry per kind.
    list.forEach((e, i) => {
      const [x0, y0] = pos.get(e.source);
      const [x1, y1] = pos.get(e.target);
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const sign = e.source < e.target ? 1 : -1;
      const dx = (-(y1 - y0) / len) * offset.get(e) * sign;
      const dy = ((x1 - x0) / len) * offset.get(e) * sign;
      data.push({
        type: "scatter", mode: "lines", x: [x0 + dx, x1 + dx], y: [y0 + dy, y1 + dy], hoverinfo: "text",
        text: `${e.source} – ${e.target}: ${kindLabel(kind)} (${fmtNumber(e.weight)})`,
        line: { color: KIND_COLORS[kind] || KIND_COLORS[`q${kind}`] || "#94a3b8", width: 1.5 + (4 * Number(e.weight || 1)) / maxW },
        name: kindLabel(kind), legendgroup: kind, showlegend: i === 0,
      });
    });
  }
  const label = (n) => n.label || n.id;
  data.push({
    type: "scatter", mode: "markers+text", name: "actors", showlegend: false,
    x: nodes.map((n) => pos.get(n.id)[0]), y: nodes.map((n) => pos.get(n.id)[1]),
    text: nodes.map(label), textposition: nodes.map((n) => (pos.get(n.id)[1] < -0.3 ? "bottom center" : "top center")),
    customdata: nodes.map((n) => n.id),
    hovertemplate: "%{text} (%{customdata})<extra></extra>",
    marker: {
      size: nodes.map((n) => (n.id === center ? 26 : 10 + Math.min(14, Math.sqrt(weight.get(n.id) || 1) * 3))),
      color: nodes.map((n) => (n.id === center ? "#1d4ed8" : "#e2e8f0")), line: { color: "#1e3a8a", width: 1.5 },
    },
  });
  const plot = h("div", { class: "chart network", "data-testid": "network" });
  const partners = nodes.filter((n) => n.id !== center);
  add(card, plot, h("p", { class: "small" }, "Partners: ",
    partners.map((n, i) => [i ? ", " : "", h("a", { href: href.actor(n.id) }, label(n)),
      h("span", { class: "muted" }, ` (${fmtNumber(weight.get(n.id) || 0)})`)])),
  dataTable("Network links", ["from", "to", "kind", "weight"], edges.map((e) => [e.source, e.target, kindLabel(String(e.kind)), fmtNumber(e.weight)])));
  queueMicrotask(async () => {
    const Plotly = await chart(plot, data, {
      height: partners.length <= 2 ? 280 : 460, showlegend: true, hovermode: "closest", margin: { l: 8, r: 8, t: 8, b: 8 },
      legend: { orientation: "h", x: 0, y: -0.02, yanchor: "top" },
      xaxis: { visible: false, range: [-1.5, 1.5], fixedrange: true }, yaxis: { visible: false, range: [-1.35, 1.35], fixedrange: true },
    }, `Network of ${actor.name || center}: linked to ${partners.length} actors by ${edges.length} kinds of events and relations.`);
    if (Plotly) {
      plot.on("plotly_click", (ev) => {
        const id = ev.points && ev.points[0] && ev.points[0].customdata;
        if (id && typeof id === "string") window.location.hash = href.actor(id);
      });
    }
  });
  return card;
}

/** Edge kinds are "q1".."q4" (events by quad class) or a relation type. */
function kindLabel(kind) {
  const quad = QUADS[String(kind).replace(/^q/, "")];
  return quad ? quad.label : humanise(kind);
}

function overTime(actor) {
  const card = section("Events over time");
  const plot = h("div", { class: "chart", "data-testid": "actor-timeline" });
  const note = h("p", { class: "muted small" });
  add(card, note, plot);
  const draw = (months, caption) => {
    if (!months.length) {
      plot.replaceWith(h("p", { class: "muted" }, "No dated events."));
      return;
    }
    note.textContent = caption;
    const x = months.map((m) => m.month);
    const data = [1, 2, 3, 4].map((q) => ({
      type: "bar", name: QUADS[q].label, x, y: months.map((m) => (q > 2 ? -1 : 1) * Number(m[`q${q}`] || 0)),
      marker: { color: QUADS[q].color }, ...MONTH_BARS,
    }));
    const total = months.reduce((s, m) => s + [1, 2, 3, 4].reduce((t, q) => t + Number(m[`q${q}`] || 0), 0), 0);
    chart(plot, data, { barmode: "relative", height: 300, xaxis: MONTH_AXIS, yaxis: { fixedrange: true } },
      `Events involving ${actor.name || actor.actor_id} by month: ${total} events over ${months.length} months.`);
  };
  if (Array.isArray(actor.months)) {
    queueMicrotask(() => draw(actor.months, "Cooperation above the line, conflict below."));
  } else {
    api("/api/events", { actor: actor.actor_id, sort: "-date", limit: FALLBACK_EVENTS })
      .then((page) => draw(monthly(page.items), page.total > page.items.length
        ? `The latest ${page.items.length} of ${fmtNumber(page.total)} events; cooperation above the line, conflict below.`
        : "Cooperation above the line, conflict below."))
      .catch((err) => plot.replaceWith(errorBox(err)));
  }
  return card;
}

/** Count events per month (YYYY-MM) and quad class. */
export function monthly(events) {
  const months = new Map();
  for (const e of events) {
    if (!e.date || !/^\d{4}-\d{2}/.test(e.date)) continue;
    const key = e.date.slice(0, 7);
    if (!months.has(key)) months.set(key, { month: key, q1: 0, q2: 0, q3: 0, q4: 0 });
    if (e.quad_class) months.get(key)[`q${e.quad_class}`] += 1;
  }
  return [...months.values()].sort((x, y) => x.month.localeCompare(y.month));
}

async function renderRelations(card, id) {
  const heading = card.querySelector("h2");
  try {
    const [out, inc] = await Promise.all([
      api("/api/relations", { source: id, limit: 100 }), api("/api/relations", { target: id, limit: 100 })]);
    const seen = new Set();
    const all = [...out.items, ...inc.items].filter((r) => !seen.has(r.relation_id) && seen.add(r.relation_id));
    fill(card, heading, all.length ? relationList(all) : h("p", { class: "muted" }, "No relations recorded."));
  } catch (err) {
    fill(card, heading, errorBox(err));
  }
}

async function renderEvents(card, id, offset) {
  const heading = card.querySelector("h2");
  try {
    const page = await api("/api/events", { actor: id, sort: "-date", limit: PAGE, offset });
    fill(card, heading, eventList(page.items),
      page.total > PAGE ? pager(page, (o) => renderEvents(card, id, o).then(() => card.querySelector("a")?.focus()), "events") : null);
  } catch (err) {
    fill(card, heading, errorBox(err));
  }
}
