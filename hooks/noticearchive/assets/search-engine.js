// The Pagefind instances of the search index's bundles, one a bundle, shared by the search
// page's script and the head of the page, which starts loading the bundle a search reads
// first, and the index chunks of its words, before the rest of the page is loaded.
//
// Pagefind 1.5's instances share one WebAssembly module: two set up at the same time before
// it is loaded, or run in its web worker, now and then corrupt its memory ("memory access out
// of bounds"). They therefore run on the page itself, and the others are set up once the first,
// always the newest bundle's, has loaded the module: the older bundles hold none of their own
// (noticearchive.search.share_webassembly).

// Imported, not loaded on demand: the module and Pagefind's script are then loaded and run as
// one, before the theme's scripts keep the page busy.
import * as pagefind from "../../pagefind/pagefind.js";

export const root = new URL("../../", import.meta.url); // the site's root
const NEWEST = "pagefind/"; // the newest bundle's folder, always
const engines = new Map(); // a bundle's folder -> its Pagefind instance (a promise)
let first = null; // the first instance set up (a promise)
let cacheTag = null; // the build's tag, which the entry files are asked for with

export function engine(path) {
  // The newest bundle is set up first: it holds the WebAssembly module the others share.
  if (!first && path !== NEWEST) engine(NEWEST);
  if (!engines.has(path)) {
    const ready = first ? first.catch(() => {}) : Promise.resolve();
    const made = ready.then(async () => {
      const settings = { baseUrl: root.pathname, excerptLength: 30 };
      // Pagefind asks for its entry file with the time, so that no cache keeps it across
      // builds; the build's tag does the same, and lets the page's head fetch it early.
      if (cacheTag) settings.metaCacheTag = cacheTag;
      const basePath = new URL(path, root).pathname;
      const pf = pagefind.createInstance({ ...settings, basePath, noWorker: true });
      await pf.options(settings);
      await pf.preload(""); // resolves once its WebAssembly and metadata are loaded
      return pf;
    });
    first ??= made;
    engines.set(path, made);
  }
  return engines.get(path);
}

// Called from the head of the search page with the address's query string and the build's
// tag: a search reads the newest bundle first, unless it is sorted oldest first or filtered
// by year.
export function warm(query, tag) {
  cacheTag ??= tag;
  const params = new URLSearchParams(query);
  if (params.get("sort") === "oldest" || params.has("year")) return;
  const made = engine(NEWEST);
  const q = (params.get("q") || "").trim();
  made.then((pf) => (q ? pf.preload(q) : null)).catch(() => {});
}
