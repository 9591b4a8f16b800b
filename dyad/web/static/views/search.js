// Search view (#/search?q=...): actors, documents, agreements and events matching the
// words of the header's search box, each section paginated on its own.
import { actorLabel, api, errorBox, eventList, h, href, humanise, loading, pager, section, add, fill } from "../lib.js";

const PAGE = 10;

const SECTIONS = [
  {
    title: "Actors", path: "/api/actors", testid: "results-actors",
    list: (items) => h("ul", { class: "plain" }, items.map((a) => h("li", {},
      h("a", { href: href.actor(a.actor_id) }, a.name || a.actor_id),
      h("span", { class: "muted" }, ` · ${[a.actor_id, a.kind, a.country].filter(Boolean).join(" · ")}`)))),
  },
  {
    title: "Documents", path: "/api/documents", testid: "results-documents",
    list: (items) => h("ul", { class: "plain" }, items.map((d) => h("li", {},
      h("a", { href: href.document(d.doc_id) }, d.title || d.doc_id),
      h("span", { class: "muted" }, ` · ${[d.date, d.source].filter(Boolean).join(" · ")}`)))),
  },
  {
    title: "Agreements", path: "/api/agreements", testid: "results-agreements",
    list: (items) => h("ul", { class: "plain" }, items.map((ag) => h("li", {},
      h("a", { href: href.agreement(ag.agreement_id) }, ag.name || ag.agreement_id),
      h("span", { class: "muted" }, ` · ${humanise(ag.kind || "agreement")} · ${(ag.parties || []).map(actorLabel).join(", ")}`)))),
  },
  {
    title: "Events", path: "/api/events", testid: "results-events", extra: { sort: "-date" }, wide: true,
    list: (items) => eventList(items, { testid: "search-events" }),
  },
];

export async function render(root, params, query) {
  const q = (query.get("q") || "").trim();
  add(root, h("h1", {}, q ? `Results for “${q}”` : "Search"));
  if (!q) {
    add(root, h("p", { class: "muted" }, "Type words in the search box above: names of actors, words of articles or of evidence sentences."));
    return;
  }
  const grid = h("div", { class: "grid" });
  add(root, grid);
  await Promise.all(SECTIONS.map((spec) => {
    const card = section(spec.title, loading());
    card.setAttribute("data-testid", spec.testid);
    if (spec.wide) card.classList.add("wide");
    add(grid, card);
    return load(card, spec, q, 0);
  }));
}

async function load(card, spec, q, offset) {
  const heading = card.querySelector("h2");
  try {
    const page = await api(spec.path, { q, limit: PAGE, offset, ...(spec.extra || {}) });
    heading.textContent = `${spec.title} (${page.total})`;
    fill(card, heading, page.items.length ? spec.list(page.items) : h("p", { class: "muted" }, "Nothing found."),
      page.total > PAGE ? pager(page, (o) => load(card, spec, q, o).then(() => card.querySelector("li a")?.focus()), spec.title.toLowerCase()) : null);
  } catch (err) {
    fill(card, heading, errorBox(err));
  }
}
