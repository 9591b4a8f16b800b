// The explorer's router: hash routes (#/dyad/A/B, #/actor/ID, #/agreement/ID,
// #/document/ID?hl=S-E, #/search?q=...) mapped to view modules under views/.
import { errorBox, h, href, loading, add, fill } from "./lib.js";

const ROUTES = [
  { pattern: /^\/?$/, view: "dyad", params: () => ({}) },
  { pattern: /^\/dyad(?:\/([^/]*))?(?:\/([^/]*))?$/, view: "dyad", params: (m) => ({ a: m[1] || "", b: m[2] || "" }) },
  { pattern: /^\/actor\/([^/]+)$/, view: "actor", params: (m) => ({ id: m[1] }) },
  { pattern: /^\/agreements$/, view: "agreement", params: () => ({ list: true }) },
  { pattern: /^\/agreement\/([^/]+)$/, view: "agreement", params: (m) => ({ id: m[1] }) },
  { pattern: /^\/documents$/, view: "document", params: () => ({ list: true }) },
  { pattern: /^\/document\/([^/]+)$/, view: "document", params: (m) => ({ id: m[1] }) },
  { pattern: /^\/search$/, view: "search", params: () => ({}) },
];

/** Split "#/document/X?hl=1-2" into a path, decoded params and a URLSearchParams. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#/, "");
  const [path, query = ""] = raw.split("?", 2);
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params = route.params(match);
    for (const key of Object.keys(params)) {
      if (typeof params[key] === "string") params[key] = safeDecode(params[key]);
    }
    return { view: route.view, params, query: new URLSearchParams(query) };
  }
  return null;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const modules = {};
let firstRender = true;

async function render() {
  const main = document.getElementById("main");
  const route = parseHash(window.location.hash);
  const container = h("div", { class: "view" });
  fill(main, container);
  if (!route) {
    add(container, h("h1", { tabindex: "-1" }, "Page not found"),
      h("p", {}, "No view matches this address. ", h("a", { href: href.home() }, "Go to the start page.")));
    return;
  }
  container.dataset.view = route.view;
  add(container, loading());
  syncSearchBox(route);
  try {
    modules[route.view] ||= await import(`./views/${route.view}.js`);
    fill(container);
    await modules[route.view].render(container, route.params, route.query);
  } catch (err) {
    if (!container.isConnected) return;
    fill(container, h("h1", { tabindex: "-1" }, "Something went wrong"), errorBox(err));
  }
  if (!firstRender && container.isConnected && !window.location.hash.includes("hl=")) {
    // After a navigation, move focus to the new view's heading, as a page load would.
    const heading = container.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
  }
  firstRender = false;
  document.body.dataset.ready = route.view;
}

function syncSearchBox(route) {
  const input = document.getElementById("q");
  if (route.view === "search" && document.activeElement !== input) input.value = route.query.get("q") || "";
}

function setUpSearch() {
  const form = document.querySelector("form.search");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    if (q) window.location.hash = href.search(q);
  });
  // The skip link targets <main> without touching the hash router.
  document.querySelector("[data-skip]").addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main").focus();
  });
}

window.addEventListener("hashchange", () => {
  delete document.body.dataset.ready;
  render();
});
setUpSearch();
render();
