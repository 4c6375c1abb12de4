// Pagefind's search API as the archive's search boxes load it (their bundle-path points here):
// Pagefind's own module, with these changes for a large archive.
//
// 1. Filters load when a visitor reaches for them. Pagefind's components load every filter at
//    start-up, and once loaded Pagefind counts every filter value against every match on each
//    search (linear in pages x values: most of a search's time at 32x the archive). The dialog
//    and the home box have no filters; the search page loads them when a filter is pointed at
//    or focused, then searches again so the lists show their counts.
// 2. A search's index chunks start loading at the keystroke, during the input's debounce,
//    as Pagefind's own debouncedSearch does.
// 3. The best results' fragments (title, link, excerpt) start loading as soon as the search
//    answers, while the results component lays out its list (it asks for a fragment only once
//    the result's place in the list has been laid out and seen).
// 4. Where the page names a warm-up word (the search page, the home box), the engine searches
//    for it, unseen, once the page is idle: a browser runs WebAssembly slowly the first time it
//    runs (it compiles in tiers), which made a visitor's first search take twice the time.
// 5. An archive too large for one Pagefind process is indexed in parts (tools/index.py): those
//    parts listed in parts.json that hold the page's language are merged into the one search
//    (Pagefind's mergeIndex) before its first search runs.
import * as pagefind from "../../pagefind/pagefind.js";

export * from "../../pagefind/pagefind.js";

const BUNDLE = new URL("../../pagefind/", import.meta.url).href;
const INPUTS = "pagefind-input, pagefind-searchbox, pagefind-modal";
const EAGER_FRAGMENTS = 5; // about as many results as the first screen shows

function instanceName(element) {
  return element.getAttribute("instance") || "default";
}

// The component instance that asked for this search: its options object is the one passed in.
function ownerOf(options) {
  const manager = window.PagefindComponents && window.PagefindComponents.getInstanceManager();
  if (!manager) return null;
  const name = manager.getInstanceNames().find((n) => manager.getInstance(n).pagefindOptions === options);
  return name === undefined ? null : { name, component: manager.getInstance(name) };
}

function filtersOnRequest(inner, owner) {
  let wanted = false;
  const dropdowns = Array.from(document.querySelectorAll("pagefind-filter-dropdown")).filter(
    (d) => instanceName(d) === owner.name,
  );
  const want = async () => {
    if (wanted) return;
    wanted = true;
    dropdowns.forEach((d) => d.showLoadingState && d.showLoadingState());
    await inner.filters(); // loads every filter chunk into this instance
    owner.component.triggerSearch(owner.component.searchTerm || "");
  };
  dropdowns.forEach((d) => {
    d.addEventListener("pointerover", want, { once: true });
    d.addEventListener("focusin", want, { once: true });
  });
  return () => (wanted ? inner.filters() : Promise.resolve({}));
}

function preloadOnInput(inner, owner) {
  document.addEventListener(
    "input",
    (event) => {
      const host = event.target.closest && event.target.closest(INPUTS);
      const term = (event.target.value || "").trim();
      if (host && instanceName(host) === owner.name && term) inner.preload(term);
    },
    true,
  );
}

function fragmentsEarly(inner, searching) {
  let latest = 0;
  return async (term, options) => {
    const mine = ++latest;
    searching();
    const response = await inner.search(term, options);
    if (!response || !response.results || mine !== latest) return response; // superseded
    const results = response.results.map((result, i) => {
      if (i >= EAGER_FRAGMENTS) return result;
      const loading = result.data();
      loading.catch(() => {}); // the component handles a failed fragment when it asks
      return { ...result, data: () => loading };
    });
    return { ...response, results };
  };
}

// Not needed once the visitor has searched (a linked search runs as the page opens).
function warmUpWhenIdle(inner, owner, searchedYet) {
  const config = Array.from(document.querySelectorAll("pagefind-config")).find((c) => instanceName(c) === owner.name);
  const word = config && config.dataset.warmUp;
  if (!word || (navigator.connection && navigator.connection.saveData)) return;
  const idle = window.requestIdleCallback || ((run) => setTimeout(run, 200));
  const warmUp = () => searchedYet() || inner.search(word).catch(() => {});
  const start = () => idle(warmUp, { timeout: 2000 });
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

// The language Pagefind searches a page in: its own, or the nearest the index has (as Pagefind
// chooses: the tag, its first subtag, else the language with the most pages).
function indexLanguage(counts) {
  const lang = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();
  if (lang in counts) return lang;
  if (lang.split("-")[0] in counts) return lang.split("-")[0];
  return Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
}

async function mergeParts(inner) {
  let listing;
  try {
    const response = await fetch(BUNDLE + "parts.json");
    if (!response.ok) return;
    listing = await response.json();
  } catch {
    return; // no list: the index is one part
  }
  const language = indexLanguage(listing.languages || {});
  const parts = (listing.parts || []).filter((part) => part.languages.includes(language));
  // By path, as the first part's own: its results' URLs are then written alike.
  const path = (part) => new URL(part.path, BUNDLE).pathname;
  await Promise.all(parts.map((part) => inner.mergeIndex(path(part), { language })));
}

// Every call waits until the parts are merged, so no search runs on part of the archive.
function afterParts(inner) {
  const merged = mergeParts(inner);
  const wait = (name) => async (...args) => {
    await merged;
    return inner[name](...args);
  };
  const calls = ["search", "debouncedSearch", "preload", "filters"];
  return { ...inner, ...Object.fromEntries(calls.map((name) => [name, wait(name)])) };
}

export function createInstance(options = {}) {
  const inner = afterParts(pagefind.createInstance({ ...options, basePath: BUNDLE }));
  const owner = ownerOf(options);
  if (!owner) return inner; // used outside the components: Pagefind as it is, the parts merged
  let searched = false;
  const search = fragmentsEarly(inner, () => (searched = true));
  preloadOnInput(inner, owner);
  warmUpWhenIdle(inner, owner, () => searched);
  return { ...inner, search, filters: filtersOnRequest(inner, owner) };
}
