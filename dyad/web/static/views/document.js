// Document view (#/document/ID?hl=START-END): the article text with its actors, events,
// agreements, relations, places and quantities marked; hovering or focusing a mark shows
// the coded record; the `hl` span is highlighted as `mark.hl` and scrolled into view.
// Also the list of documents (#/documents).
import { api, errorBox, h, href, humanise, loading, pager, section, add, fill } from "../lib.js";

const PAGE = 25;
const KINDS = ["actor", "event", "agreement", "relation", "location", "quantity"];
const PLURAL = { actor: "actors", event: "events", agreement: "agreements", relation: "relations", location: "places", quantity: "quantities" };

export async function render(root, params, query) {
  if (params.list) return renderList(root, query);
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(params.id)}`);
  } catch (err) {
    add(root, h("h1", {}, params.id), errorBox(err));
    return undefined;
  }
  const text = doc.text || "";
  const hl = parseRange(query.get("hl"), text.length);
  const spans = doc.spans || [];
  const body = h("div", { class: "doc-text", "data-testid": "doc-text", lang: doc.language || "en" });
  add(body, renderNodes(nestSpans(spans, hl, text.length), text));
  const tip = h("div", { class: "tip", role: "tooltip", id: "record-tip", hidden: true });
  wireTooltips(body, tip);
  add(root,
    h("h1", {}, doc.title || doc.doc_id),
    h("p", { class: "muted meta" }, [doc.source, doc.date, doc.dateline && doc.dateline.place ? `dateline: ${doc.dateline.place}` : null,
      doc.words ? `${doc.words} words` : null, doc.doc_id].filter(Boolean).join(" · "),
    doc.url ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "original article")] : null),
    legend(spans, body),
    hl ? h("p", { class: "small", "data-testid": "hl-note" }, "The highlighted sentence is the evidence you followed. ",
      h("a", { href: "#hl-mark", onclick: (e) => { e.preventDefault(); focusHl(body); } }, "Jump to it")) : null,
    h("div", { class: "doc-layout" },
      h("article", { class: "card doc", "aria-label": "Document text" }, body),
      recordsPanel(spans, body)),
    tip);
  if (hl) requestAnimationFrame(() => focusHl(body));
  return undefined;
}

function focusHl(body) {
  const mark = body.querySelector("mark.hl");
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}

/** "12-40" -> {start: 12, end: 40}, when it lies inside the text. */
export function parseRange(value, length) {
  const m = /^(\d+)-(\d+)$/.exec(value || "");
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : null;
}

/**
 * Nest possibly overlapping spans into a tree of non-crossing intervals. A span that
 * crosses an enclosing one is split at the boundary; no span crosses the `hl` range, so
 * the highlight stays one element whose text is exactly the evidence.
 */
export function nestSpans(spans, hl, length) {
  let items = [];
  const seen = new Set();
  for (const s of spans) {
    const start = Number(s.start);
    const end = Number(s.end);
    if (!(start >= 0 && end > start && end <= length)) continue;
    const key = `${start}:${end}:${s.kind}:${s.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ ...s, start, end, piece: 0 });
  }
  if (hl) {
    items = items.flatMap((s) => cut(s, [hl.start, hl.end]));
    items.push({ kind: "hl", start: hl.start, end: hl.end, piece: 0 });
  }
  const order = (x, y) => x.start - y.start || y.end - x.end || (y.kind === "hl") - (x.kind === "hl");
  items.sort(order);
  const root = { start: 0, end: length, children: [] };
  const stack = [root];
  while (items.length) {
    const s = items.shift();
    while (stack[stack.length - 1].end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (s.end > parent.end) {
      const [inside, rest] = cut(s, [parent.end]);
      items.push(rest);
      items.sort(order);
      Object.assign(s, inside);
    }
    const node = { ...s, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/** Split a span at the given offsets that fall strictly inside it. */
function cut(span, points) {
  const inner = points.filter((p) => p > span.start && p < span.end).sort((a, b) => a - b);
  if (!inner.length) return [span];
  const bounds = [span.start, ...inner, span.end];
  return bounds.slice(1).map((end, i) => ({ ...span, start: bounds[i], end, piece: span.piece + i }));
}

function renderNodes(node, text) {
  const frag = document.createDocumentFragment();
  let at = node.start;
  for (const child of node.children) {
    if (child.start > at) add(frag, text.slice(at, child.start));
    add(frag, markFor(child, text));
    at = child.end;
  }
  if (at < node.end) add(frag, text.slice(at, node.end));
  return frag;
}

function markFor(node, text) {
  if (node.kind === "hl") {
    const mark = h("mark", { class: "hl", id: "hl-mark", tabindex: "-1", "data-testid": "hl" });
    add(mark, renderNodes(node, text));
    return mark;
  }
  const label = node.label || node.id || "";
  const mark = h("mark", {
    class: `k-${node.kind}`,
    "data-kind": node.kind,
    "data-id": node.id || "",
    "data-label": label,
    title: `${humanise(node.kind)}: ${label}`,
    tabindex: node.piece === 0 ? "0" : null,
  });
  add(mark, renderNodes(node, text));
  return mark;
}

function recordHref(kind, id) {
  if (!id) return null;
  if (kind === "actor") return href.actor(id);
  if (kind === "agreement") return href.agreement(id);
  return null;
}

/** Hover or focus on a mark shows its coded record; Enter or click opens actor/agreement pages. */
function wireTooltips(body, tip) {
  const show = (mark) => {
    const kind = mark.dataset.kind;
    const target = recordHref(kind, mark.dataset.id);
    fill(tip, h("strong", {}, humanise(kind)), h("div", {}, mark.dataset.label),
      mark.dataset.id ? h("div", { class: "muted small" }, mark.dataset.id) : null,
      target ? h("div", { class: "muted small" }, "Enter or click opens it") : null);
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = Math.min(320, window.innerWidth - 16);
    tip.style.maxWidth = `${width}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
    mark.setAttribute("aria-describedby", tip.id);
  };
  const hide = (mark) => {
    tip.hidden = true;
    if (mark) mark.removeAttribute("aria-describedby");
  };
  const markOf = (event) => event.target.closest && event.target.closest("mark[data-kind]");
  body.addEventListener("mouseover", (e) => { const m = markOf(e); if (m) show(m); });
  body.addEventListener("mouseout", (e) => { const m = markOf(e); if (m) hide(m); });
  body.addEventListener("focusin", (e) => { const m = markOf(e); if (m) show(m); });
  body.addEventListener("focusout", (e) => hide(markOf(e)));
  const open = (e) => {
    const m = markOf(e);
    const target = m && recordHref(m.dataset.kind, m.dataset.id);
    if (target && !window.getSelection().toString()) window.location.hash = target;
  };
  body.addEventListener("click", open);
  body.addEventListener("keydown", (e) => {
    if (e.key === "Enter") open(e);
    if (e.key === "Escape") hide(markOf(e));
  });
}

/** The coded records of the document, listed: pages for actors and agreements, and a
 * button per event or relation that moves focus to its mark in the text. */
function recordsPanel(spans, body) {
  const groups = new Map();
  for (const s of spans) {
    if (s.kind === "location" || s.kind === "quantity") continue;
    const key = `${s.kind}\u0000${s.id}`;
    if (!groups.has(key)) groups.set(key, s);
  }
  if (!groups.size) return null;
  const focusMark = (s) => {
    const mark = body.querySelector(`mark[data-kind="${s.kind}"][data-id="${CSS.escape(s.id)}"]`);
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      mark.focus();
    }
  };
  const items = [...groups.values()].sort((x, y) => KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind) || x.start - y.start);
  return h("aside", { class: "card records", "aria-label": "Records in this document" },
    h("h2", {}, "Records in this document"),
    h("ul", { class: "plain" }, items.map((s) => {
      const target = recordHref(s.kind, s.id);
      return h("li", {}, h("span", { class: `swatch k-${s.kind}`, "aria-hidden": "true" }), " ",
        target ? h("a", { href: target }, s.label || s.id)
          : h("button", { type: "button", class: "link", onclick: () => focusMark(s) }, s.label || s.id),
        h("span", { class: "muted small" }, ` ${s.kind}`));
    })));
}

/** Counts per kind, each a checkbox that shows or hides that kind's marks. */
function legend(spans, body) {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const s of spans) if (s.kind in counts) counts[s.kind] += 1;
  const present = KINDS.filter((k) => counts[k]);
  if (!present.length) return h("p", { class: "muted" }, "No records were coded in this document.");
  return h("fieldset", { class: "legend" }, h("legend", {}, "Marked in the text"),
    present.map((k) => {
      const id = `show-${k}`;
      const box = h("input", { type: "checkbox", id, checked: true,
        onchange: (e) => body.classList.toggle(`hide-${k}`, !e.target.checked) });
      return h("span", { class: "legend-item" }, box, h("label", { for: id }, h("span", { class: `swatch k-${k}` }), ` ${PLURAL[k]} (${counts[k]})`));
    }));
}

// -- list ---------------------------------------------------------------------------

async function renderList(root, query) {
  const input = h("input", { id: "doc-q", type: "search", value: query.get("q") || "", placeholder: "words in title or text" });
  const form = h("form", { class: "inline", role: "search", "aria-label": "Filter documents" },
    h("label", { for: "doc-q" }, "Filter "), input, h("button", { type: "submit" }, "Filter"));
  const box = section("Documents", loading());
  add(root, h("h1", {}, "Documents"), form, box);
  const heading = box.querySelector("h2");
  const load = async (offset) => {
    try {
      const page = await api("/api/documents", { q: input.value.trim(), limit: PAGE, offset });
      fill(box, heading, page.items.length ? h("ul", { class: "plain docs", "data-testid": "document-list" },
        page.items.map((d) => h("li", {}, h("a", { href: href.document(d.doc_id) }, d.title || d.doc_id),
          h("span", { class: "muted" }, ` · ${[d.date, d.source].filter(Boolean).join(" · ")}`))))
        : h("p", { class: "muted" }, "No documents."),
      page.total > PAGE ? pager(page, load, "documents") : null);
    } catch (err) {
      fill(box, heading, errorBox(err));
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load(0);
  });
  await load(0);
  return undefined;
}
