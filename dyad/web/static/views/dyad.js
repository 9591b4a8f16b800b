// Dyad view (#/dyad/A/B): two pickers, the monthly timeline of events between the pair
// (cooperation above the line, conflict below), the agreements binding both with their
// status today, the standing relations around the pair, and the paginated event list.
import {
  MONTH_AXIS, MONTH_BARS, QUADS, actorLabel, actorLink, api, chart, dataTable, debounce, errorBox, eventList, evidenceLink,
  fmtNumber, fmtQuantity, h, href, humanise, loading, pager, section, statusBadge, add, byDate, fill
} from "../lib.js";

const PAGE = 20;

export async function render(root, params) {
  const a = (params.a || "").trim();
  const b = (params.b || "").trim();
  add(root, h("h1", {}, a && b ? `${a} and ${b}` : "Explore a pair"), pickerForm(a, b));
  if (!a || !b) {
    add(root, await startHere());
    return;
  }
  const summaryBox = h("div", { class: "grid" }, loading());
  const eventsBox = section("Events between them", loading());
  eventsBox.setAttribute("data-testid", "dyad-events");
  add(root, summaryBox, eventsBox);
  await Promise.all([renderSummary(summaryBox, root, a, b), renderEvents(eventsBox, a, b, 0)]);
}

// -- pickers ------------------------------------------------------------------------

function picker(id, label, value) {
  const list = h("datalist", { id: `${id}-options` });
  const input = h("input", {
    id, name: id, value, list: list.id, required: true, autocomplete: "off", spellcheck: "false",
    placeholder: "country code or name, e.g. FRA", "data-testid": `picker-${id}`,
  });
  input.addEventListener("input", debounce(async () => {
    const q = input.value.trim();
    if (!q) return;
    try {
      const page = await api("/api/actors", { q, limit: 12 });
      fill(list, ...page.items.map((actor) => h("option", { value: actor.actor_id },
        `${actor.name}${actor.country && actor.country !== actor.actor_id ? ` (${actor.country})` : ""}`)));
    } catch {
      // Suggestions are a convenience: typing an id still works without them.
    }
  }, 200));
  return h("div", { class: "field" }, h("label", { for: id }, label), input, list);
}

/** An id as typed may be a name ("France"): take the best actor match when it is not an id. */
async function resolveActor(value) {
  const v = value.trim();
  if (!v) return v;
  try {
    const page = await api("/api/actors", { q: v, limit: 5 });
    const exact = page.items.find((x) => x.actor_id.toLowerCase() === v.toLowerCase());
    if (exact) return exact.actor_id;
    const named = page.items.find((x) => (x.name || "").toLowerCase() === v.toLowerCase());
    return (named || page.items[0] || { actor_id: v }).actor_id;
  } catch {
    return v;
  }
}

function pickerForm(a, b) {
  const form = h("form", { class: "pickers", "aria-label": "Choose two countries or actors", "data-testid": "pickers" },
    picker("pick-a", "First country or actor", a),
    picker("pick-b", "Second country or actor", b),
    h("div", { class: "field actions" },
      h("button", { type: "submit", "data-testid": "show-pair" }, "Show pair"),
      h("button", {
        type: "button", class: "secondary", "aria-label": "Swap the two sides",
        onclick: () => {
          const [x, y] = [form.elements["pick-a"], form.elements["pick-b"]];
          [x.value, y.value] = [y.value, x.value];
        },
      }, "⇄ Swap")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [x, y] = await Promise.all([resolveActor(form.elements["pick-a"].value), resolveActor(form.elements["pick-b"].value)]);
    if (x && y) window.location.hash = href.dyad(x, y);
  });
  return form;
}

/** Without a pair: point at pairs that have agreements, and at the latest documents. */
async function startHere() {
  const box = h("div", { class: "grid" });
  try {
    const [agreements, documents] = await Promise.all([
      api("/api/agreements", { limit: 10 }), api("/api/documents", { limit: 10 })]);
    add(box,
      section("Pairs with agreements", agreements.items.length ? h("ul", { class: "plain" },
        agreements.items.map((ag) => {
          const [p, q] = ag.parties || [];
          return h("li", {},
            p && q ? h("a", { href: href.dyad(p.actor_id, q.actor_id) }, `${actorLabel(p)} – ${actorLabel(q)}`) : null,
            p && q ? ": " : "", h("a", { href: href.agreement(ag.agreement_id) }, ag.name));
        })) : h("p", { class: "muted" }, "No agreements stored yet.")),
      section("Latest documents", documents.items.length ? h("ul", { class: "plain" },
        documents.items.map((d) => h("li", {}, h("a", { href: href.document(d.doc_id) }, d.title || d.doc_id),
          d.date ? h("span", { class: "muted" }, ` · ${d.date}`) : null))) : h("p", { class: "muted" },
        "The store is empty: ingest documents with ", h("code", {}, "dyad ingest"), ".")));
  } catch (err) {
    add(box, errorBox(err));
  }
  return box;
}

// -- summary ------------------------------------------------------------------------

async function renderSummary(box, root, a, b) {
  let summary;
  try {
    summary = await api(`/api/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
  } catch (err) {
    fill(box, errorBox(err));
    return;
  }
  const nameA = sideName(summary, "a") || a;
  const nameB = sideName(summary, "b") || b;
  const heading = root.querySelector("h1");
  if (heading) heading.textContent = `${nameA} and ${nameB}`;
  fill(box,
    totalsLine(summary.totals, nameA, nameB),
    timeline(summary.months || [], nameA, nameB),
    agreementsCard(summary.agreements || []),
    relationsCard(summary, a, b),
    topTypes(summary));
}

function sideName(summary, side) {
  const v = summary[side] || summary[`actor_${side}`];
  if (!v) return null;
  return typeof v === "string" ? v : v.label || v.name || v.id || v.actor_id || null;
}

function totalsLine(totals, nameA, nameB) {
  if (!totals) return null;
  const parts = [`${fmtNumber(totals.events)} events`];
  if (totals.a_to_b !== undefined) parts.push(`${fmtNumber(totals.a_to_b)} from ${nameA} to ${nameB}`, `${fmtNumber(totals.b_to_a)} from ${nameB} to ${nameA}`);
  if (totals.undated) parts.push(`${fmtNumber(totals.undated)} undated`);
  return h("p", { class: "wide totals", "data-testid": "dyad-totals" }, parts.join(" · "));
}

function timeline(months, nameA, nameB) {
  const card = section("Events by month");
  card.classList.add("wide");
  if (!months.length) {
    add(card, h("p", { class: "muted" }, "No dated events between them."));
    return card;
  }
  const x = months.map((m) => m.month);
  const val = (m, k) => Number(m[k] || 0);
  const net = months.map((m) => (m.net ?? m.net_score ?? m.score ?? (val(m, "q1") + val(m, "q2") - val(m, "q3") - val(m, "q4"))));
  const bar = (q, sign) => ({
    type: "bar", name: QUADS[q].label, x, y: months.map((m) => sign * val(m, `q${q}`)), ...MONTH_BARS,
    marker: { color: QUADS[q].color }, hovertemplate: `%{x|%B %Y}: %{customdata} ${QUADS[q].label}<extra></extra>`,
    customdata: months.map((m) => val(m, `q${q}`)),
  });
  const data = [bar(2, 1), bar(1, 1), bar(3, -1), bar(4, -1),
    { type: "scatter", mode: "lines+markers", name: "net cooperation", x, y: net, ...MONTH_BARS,
      line: { color: "#1f2937", width: 2 }, marker: { size: 5 } }];
  const coop = months.reduce((s, m) => s + val(m, "q1") + val(m, "q2"), 0);
  const conflict = months.reduce((s, m) => s + val(m, "q3") + val(m, "q4"), 0);
  const plot = h("div", { class: "chart", "data-testid": "timeline" });
  add(card,
    h("p", { class: "muted small" }, "Cooperation (quad classes 1–2) above the line, conflict (3–4) below; the line is the net score per month."),
    plot,
    dataTable("Events by month", ["month", "Q1", "Q2", "Q3", "Q4", "net"],
      months.map((m, i) => [m.month, val(m, "q1"), val(m, "q2"), val(m, "q3"), val(m, "q4"), fmtNumber(net[i])])));
  queueMicrotask(() => chart(plot, data, {
    barmode: "relative", height: 340, xaxis: MONTH_AXIS,
    yaxis: { title: { text: "events" }, fixedrange: true, zeroline: true, zerolinewidth: 2, zerolinecolor: "#374151" },
  }, `Timeline of events between ${nameA} and ${nameB}: ${coop} cooperative and ${conflict} conflictual events over ${months.length} months.`));
  return card;
}

function agreementsCard(agreements) {
  const card = section("Agreements binding both");
  card.setAttribute("data-testid", "dyad-agreements");
  if (!agreements.length) {
    add(card, h("p", { class: "muted" }, "No agreement found that binds both."));
    return card;
  }
  const list = h("ul", { class: "plain agreements" });
  for (const ag of agreements) {
    const status = h("span", {}, ag.status ? statusBadge(ag.status) : h("span", { class: "muted" }, "…"));
    add(list, h("li", {},
      h("div", {}, h("a", { href: href.agreement(ag.agreement_id), "data-testid": "agreement-link" }, ag.name || ag.agreement_id),
        " ", status, ag.kind ? h("span", { class: "muted" }, ` · ${humanise(ag.kind)}`) : null),
      stageChips(ag.stages || [])));
    if (!ag.status && ag.agreement_id) {
      api(`/api/agreements/${encodeURIComponent(ag.agreement_id)}`)
        .then((full) => fill(status, statusBadge(full.status)))
        .catch(() => fill(status, statusBadge(null)));
    }
  }
  add(card, list);
  return card;
}

export function stageChips(stages) {
  if (!stages.length) return null;
  return h("ol", { class: "stages", "aria-label": "Stages" }, byDate(stages).map((s) => h("li", {},
    evidenceLink(s.evidence, `${humanise(s.stage)}${s.date ? ` ${s.date}` : ""}${s.party ? ` (${actorLabel(s.party)})` : ""}`))));
}

/** Relations come as one list or as {between, around}; split by whether both sides are the pair. */
function relationsCard(summary, a, b) {
  const card = section("Standing relations");
  card.setAttribute("data-testid", "dyad-relations");
  let between = summary.relations_between || [];
  let around = summary.relations_around || [];
  const rel = summary.relations;
  if (Array.isArray(rel)) {
    for (const r of rel) (isBetween(r, a, b) ? between : around).push(r);
  } else if (rel && typeof rel === "object") {
    between = between.concat(rel.between || []);
    around = around.concat(rel.around || []);
  }
  if (!between.length && !around.length) {
    add(card, h("p", { class: "muted" }, "No relations recorded around this pair."));
    return card;
  }
  if (between.length) add(card, h("h3", {}, "Between them"), relationList(between));
  if (around.length) {
    const more = (summary.relations_around_total || 0) - around.length;
    add(card, h("h3", {}, "Around them"), relationList(around),
      more > 0 ? h("p", { class: "muted small" }, `and ${fmtNumber(more)} more`) : null);
  }
  return card;
}

function matches(ref, id) {
  if (!ref) return false;
  return ref.actor_id === id || ref.country === id;
}

function isBetween(r, a, b) {
  return (matches(r.source, a) && matches(r.target, b)) || (matches(r.source, b) && matches(r.target, a));
}

export function relationList(relations) {
  return h("ul", { class: "plain relations" }, relations.map((r) => h("li", {},
    h("span", { class: `badge rel` }, humanise(r.relation_type)), " ",
    actorLink(r.source), r.target ? [" → ", actorLink(r.target)] : null,
    r.modality && r.modality !== "asserted" ? h("span", { class: "badge muted" }, r.modality) : null,
    attributes(r.attributes || {}),
    (r.evidence || []).slice(0, 2).map((ev) => h("div", { class: "small" }, evidenceLink(ev))))));
}

function attributes(attrs) {
  const entries = Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined && v !== "");
  if (!entries.length) return null;
  return h("dl", { class: "attrs" }, entries.map(([k, v]) => [h("dt", {}, humanise(k)),
    h("dd", {}, typeof v === "object" && !Array.isArray(v) ? fmtQuantity(v) : Array.isArray(v) ? v.map(fmtQuantity).join(", ") : typeof v === "number" ? fmtNumber(v) : String(v))]));
}

function topTypes(summary) {
  const types = summary.top_event_types || summary.event_types || [];
  if (!types.length) return h("span", { hidden: true });
  return section("Most frequent event types", h("ol", { class: "plain" }, types.map((t) => {
    const name = t.event_type || t.type || t[0];
    const count = t.count ?? t.n ?? t[1];
    return h("li", {}, humanise(name), h("span", { class: "muted" }, ` · ${fmtNumber(count)}`));
  })));
}

// -- event list ---------------------------------------------------------------------

async function renderEvents(card, a, b, offset) {
  const heading = card.querySelector("h2");
  try {
    const page = await api("/api/events", { dyad: `${a},${b}`, sort: "-date", limit: PAGE, offset });
    fill(card, heading, eventList(page.items),
      page.total > PAGE ? pager(page, (o) => renderEvents(card, a, b, o).then(() => card.querySelector("a")?.focus()), "events") : null);
  } catch (err) {
    fill(card, heading, errorBox(err));
  }
}
