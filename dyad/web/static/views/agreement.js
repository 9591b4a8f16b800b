// Agreement view (#/agreement/ID?as_of=YYYY-MM-DD): stages on a time line, terms, and
// the status as of a chosen date with its reasoning and evidence. Also the list of
// agreements (#/agreements).
import {
  actorLabel, actorLink, api, chart, errorBox, evidenceLink, fmtNumber, fmtQuantity, h, href, humanise,
  loading, pager, section, statusBadge, statusName, add, byDate, fill
} from "../lib.js";

const PAGE = 25;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function render(root, params, query) {
  if (params.list) return renderList(root, query);
  const id = params.id;
  const asOf = ISO_DAY.test(query.get("as_of") || "") ? query.get("as_of") : today();
  let ag;
  try {
    ag = await api(`/api/agreements/${encodeURIComponent(id)}`, { as_of: asOf });
  } catch (err) {
    add(root, h("h1", {}, id), errorBox(err));
    return;
  }
  const statusCard = section("Status");
  statusCard.setAttribute("data-testid", "agreement-status");
  add(statusCard, asOfForm(ag, asOf, statusCard), statusBody(ag.status, asOf));
  const grid = h("div", { class: "grid two" });
  add(grid, stagesCard(ag, asOf), statusCard, termsCard(ag));
  add(root,
    h("h1", {}, ag.name || id),
    h("p", { class: "muted" }, humanise(ag.kind || "agreement"), " between ",
      (ag.parties || []).map((p, i) => [i ? (i === ag.parties.length - 1 ? " and " : ", ") : "", actorLink(p)]),
      partiesPairLink(ag.parties || [])),
    grid);
  return undefined;
}

function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

function partiesPairLink(parties) {
  if (parties.length < 2) return null;
  const [p, q] = parties;
  return [" · ", h("a", { href: href.dyad(p.country || p.actor_id, q.country || q.actor_id) },
    `all between ${actorLabel(p)} and ${actorLabel(q)}`)];
}

// -- stages -------------------------------------------------------------------------

const STAGE_COLORS = {
  proposed: "#94a3b8", negotiated: "#64748b", signed: "#2563eb", ratified: "#7c3aed", in_force: "#15803d",
  renewed: "#0f766e", suspended: "#ca8a04", rejected: "#b91c1c", withdrawn: "#b91c1c", expired: "#6b7280",
  terminated: "#991b1b",
};

/** A stage date Plotly can place: YYYY, YYYY-MM or YYYY-MM-DD (not "--MM-DD"). */
function plottable(date) {
  return typeof date === "string" && /^\d{4}(-\d{2}){0,2}$/.test(date);
}

/** The dotted "as of" line, and an x range that holds it and every stage date. */
function asOfMarker(dates, asOf) {
  const days = [...dates, asOf].map((d) => Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d));
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const pad = Math.max((hi - lo) * 0.06, 5 * 86400000);
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  return {
    xaxis: { type: "date", automargin: true, fixedrange: true, range: [iso(lo - pad), iso(hi + pad)] },
    shapes: [{ type: "line", xref: "x", yref: "paper", x0: asOf, x1: asOf, y0: 0, y1: 1,
      line: { color: "#dc2626", dash: "dot", width: 2 } }],
    annotations: [{ x: asOf, y: 1, xref: "x", yref: "paper", text: `as of ${asOf}`, showarrow: false,
      font: { color: "#b91c1c", size: 11 }, yanchor: "bottom" }],
  };
}

/** Move the as-of line of a drawn stages chart to a new date. */
function moveAsOf(date) {
  const plot = document.querySelector("[data-testid=stages-chart]");
  if (!plot || !window.Plotly || !plot.dataset.dates) return;
  const { xaxis, shapes, annotations } = asOfMarker(JSON.parse(plot.dataset.dates), date);
  window.Plotly.relayout(plot, { "xaxis.range": xaxis.range, shapes, annotations });
}

function stagesCard(ag, asOf) {
  const card = section("Stages");
  card.classList.add("wide");
  const stages = byDate(ag.stages || []);
  if (!stages.length) {
    add(card, h("p", { class: "muted" }, "No stage recorded."));
    return card;
  }
  const dated = stages.filter((s) => plottable(s.date));
  if (dated.length) {
    const plot = h("div", { class: "chart", "data-testid": "stages-chart" });
    add(card, plot);
    const x = dated.map((s) => s.date);
    const data = [{
      type: "scatter", mode: "markers+text", x, y: dated.map((_, i) => (i % 2 ? -1 : 1)),
      text: dated.map((s) => humanise(s.stage)), textposition: dated.map((_, i) => (i % 2 ? "bottom center" : "top center")),
      marker: { size: 14, color: dated.map((s) => STAGE_COLORS[s.stage] || "#334155"), line: { color: "#fff", width: 2 } },
      hovertemplate: "%{text}: %{x}<extra></extra>", showlegend: false,
    }, {
      type: "scatter", mode: "lines", x: [x[0], x[x.length - 1]], y: [0, 0], hoverinfo: "skip", showlegend: false,
      line: { color: "#cbd5e1", width: 3 },
    }];
    for (const [i, s] of dated.entries()) {
      data.push({ type: "scatter", mode: "lines", x: [s.date, s.date], y: [0, i % 2 ? -1 : 1], hoverinfo: "skip",
        showlegend: false, line: { color: "#cbd5e1", width: 1 } });
    }
    queueMicrotask(() => chart(plot, data, {
      height: 220, margin: { l: 16, r: 16, t: 24, b: 36 },
      yaxis: { visible: false, range: [-2, 2], fixedrange: true }, xaxis: { type: "date", automargin: true, fixedrange: true },
      ...asOfMarker(x, asOf),
    }, `Stages of ${ag.name}: ${dated.map((s) => `${humanise(s.stage)} ${s.date}`).join(", ")}.`));
    plot.dataset.dates = JSON.stringify(x);
  }
  add(card, h("div", { class: "table-wrap" }, h("table", { class: "stack", "data-testid": "stages-table" },
    h("thead", {}, h("tr", {}, ["stage", "date", "by", "evidence"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, stages.map((s) => h("tr", {},
      h("td", {}, h("span", { class: "badge", style: `border-color:${STAGE_COLORS[s.stage] || "#334155"}` }, humanise(s.stage)),
        s.modality && s.modality !== "asserted" ? [" ", h("span", { class: "badge muted" }, s.modality)] : null),
      h("td", { class: "nowrap" }, s.date || s.date_text || "undated"),
      h("td", {}, s.party ? actorLink(s.party) : s.body || "—"),
      h("td", {}, evidenceLink(s.evidence))))))));
  return card;
}

// -- status -------------------------------------------------------------------------

function asOfForm(ag, asOf, card) {
  const input = h("input", { id: "as-of", type: "date", value: asOf, required: true, "data-testid": "as-of" });
  const form = h("form", { class: "inline", "aria-label": "Status as of a date" },
    h("label", { for: "as-of" }, "Status as of "), input,
    h("button", { type: "submit", "data-testid": "as-of-submit" }, "Show status"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const date = input.value;
    if (!ISO_DAY.test(date)) return;
    const body = card.querySelector("[data-status-body]");
    body.replaceWith(loading());
    try {
      const fresh = await api(`/api/agreements/${encodeURIComponent(ag.agreement_id)}`, { as_of: date });
      card.querySelector("[role=status]").replaceWith(statusBody(fresh.status, date));
      // Keep the address shareable without re-rendering the view (and losing focus).
      window.history.replaceState(null, "", href.agreement(ag.agreement_id, date));
      moveAsOf(date);
    } catch (err) {
      card.querySelector("[role=status]").replaceWith(h("div", { "data-status-body": true }, errorBox(err)));
    }
  });
  return form;
}

/** The status report: {status, since, until, reasoning: [str], evidence: [[Evidence]]} (one
 * evidence list per reasoning step); a bare string is accepted too. */
function statusBody(status, asOf) {
  const report = status && typeof status === "object" ? status : {};
  const reasons = [].concat(report.reasoning || report.reasons || []);
  const evidence = [].concat(report.evidence || []);
  const stepEvidence = (i) => [].concat(evidence.length === reasons.length ? evidence[i] || [] : []);
  const loose = evidence.length === reasons.length ? [] : evidence.flat();
  const span = [report.since ? `since ${report.since}` : "", report.until ? `until ${report.until}` : ""].filter(Boolean).join(", ");
  return h("div", { "data-status-body": true, "aria-live": "polite", "data-testid": "status-body", "data-status": statusName(status) },
    h("p", { class: "status-line" }, `On ${asOf}: `, statusBadge(status), span ? h("span", { class: "muted" }, ` ${span}`) : null),
    reasons.length ? h("ol", { class: "reasons", "data-testid": "status-reasoning" },
      reasons.map((r, i) => h("li", {}, typeof r === "string" ? r : r.text || r.reason || JSON.stringify(r),
        stepEvidence(i).map((ev) => h("div", { class: "small" }, evidenceLink(ev))))))
      : h("p", { class: "muted" }, "No reasoning given."),
    loose.length ? [h("h3", {}, "Evidence"), h("ul", { class: "plain" }, loose.map((ev) => h("li", {}, evidenceLink(ev))))] : null);
}

// -- terms --------------------------------------------------------------------------

function termsCard(ag) {
  const card = section("Terms");
  card.setAttribute("data-testid", "agreement-terms");
  const renewal = ag.renewal
    ? [ag.renewal.automatic === true ? "automatic" : ag.renewal.automatic === false ? "not automatic" : "",
      ag.renewal.term_years ? `for ${fmtNumber(ag.renewal.term_years)} years at a time` : ""].filter(Boolean).join(", ") || "a clause is mentioned, its terms are not stated"
    : "";
  const rows = [
    ["Kind", humanise(ag.kind || "")],
    ["Term", ag.term_years ? `${fmtNumber(ag.term_years)} years` : ""],
    ["Renewal", renewal],
    ["Value", fmtQuantity(ag.value)],
  ].filter(([, v]) => v);
  add(card, rows.length ? h("dl", { class: "attrs" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))
    : h("p", { class: "muted" }, "No terms recorded."));
  if ((ag.provisions || []).length) {
    add(card, h("h3", {}, "Provisions"), h("ul", {}, ag.provisions.map((p) => h("li", {}, humanise(p)))));
  }
  if ((ag.evidence || []).length) {
    add(card, h("h3", {}, "Mentioned in"), h("ul", { class: "plain" }, ag.evidence.slice(0, 10).map((ev) => h("li", {}, evidenceLink(ev)))));
  }
  return card;
}

// -- list ---------------------------------------------------------------------------

async function renderList(root, query) {
  const q = query.get("q") || "";
  const input = h("input", { id: "ag-q", type: "search", value: q, placeholder: "name contains…" });
  const form = h("form", { class: "inline", role: "search", "aria-label": "Filter agreements" },
    h("label", { for: "ag-q" }, "Filter "), input, h("button", { type: "submit" }, "Filter"));
  const box = h("div", {}, loading());
  add(root, h("h1", {}, "Agreements"), form, box);
  const load = async (offset) => {
    try {
      const page = await api("/api/agreements", { q: input.value.trim(), limit: PAGE, offset });
      fill(box, page.items.length ? h("ul", { class: "plain agreements", "data-testid": "agreement-list" },
        page.items.map((ag) => h("li", {}, h("a", { href: href.agreement(ag.agreement_id) }, ag.name || ag.agreement_id),
          h("span", { class: "muted" }, ` · ${humanise(ag.kind || "agreement")} · ${(ag.parties || []).map(actorLabel).join(", ")}`))))
        : h("p", { class: "muted" }, "No agreements."),
      page.total > PAGE ? pager(page, load, "agreements") : null);
    } catch (err) {
      fill(box, errorBox(err));
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load(0);
  });
  await load(0);
}
