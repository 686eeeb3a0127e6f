// The archive's search page, on Pagefind's JavaScript API.
//
// State lives in the address (?q=…&sort=…&agency=…&type=…&topic=…&year=…), so a search can be
// shared, bookmarked and walked back with the Back button.
//
// Vietnamese: Pagefind folds diacritics, so an unaccented query finds accented text. A query
// typed with accents is taken at its word: it is first run with exact diacritics, so that
// "Kiên Giang" does not drown in "ý kiến"; when that finds nothing, the folded search runs
// instead, and the reader may always widen the search to every spelling.
//
// The index is made of bundles, each a run of consecutive years (data.bundles, newest first).
// A search reads the newest bundle first and shows what it found while it reads the others
// (the oldest first when sorted oldest first; a number, the bundles that hold it first); a
// year filter reads only the bundles that hold those years. Results sorted by date follow the
// bundles' order; by relevance, the notices whose number the query matched come first, then
// Pagefind's scores. The Pagefind instances are in search-engine.js, which the page's head
// loads before this script.

import { engine as engineAt, root } from "./search-engine.js";

const PAGE = 10;
const GROUPS = ["agency", "type", "topic", "year"];
const data = JSON.parse(document.getElementById("na-search-data").textContent);
const form = document.getElementById("na-search-form");
const input = document.getElementById("na-q");
const resultsBox = document.getElementById("na-results");
const filtersBox = document.getElementById("na-filters");
const filterBox = document.getElementById("na-filter-box");
const filterCount = document.getElementById("na-filter-count");
const wide = window.matchMedia("(min-width: 60em)");
filterBox.open = wide.matches;
wide.addEventListener("change", () => {
  filterBox.open = wide.matches;
});

let totals = {};
let filtersLoaded = false;
let generation = 0;

const engine = (bundle) => engineAt(bundle.path);

// Counts of several answers added up, group by group.
function addCounts(answers) {
  const sums = {};
  for (const answer of answers) {
    for (const [group, counts] of Object.entries(answer || {})) {
      const sum = (sums[group] ??= {});
      for (const [value, n] of Object.entries(counts)) sum[value] = (sum[value] || 0) + n;
    }
  }
  return sums;
}

// The filter index (about a hundred kilobytes at 10,000 notices) is loaded after the first
// results are shown, and on a phone, where the filters are folded, only when the reader
// unfolds them: a search carries filter counts only once it is loaded, and working them out
// costs Pagefind a second search (a second or more for a common word in a large archive).
async function loadFilters() {
  if (!filtersLoaded) {
    totals = addCounts(await Promise.all(data.bundles.map(async (b) => (await engine(b)).filters())));
    filtersLoaded = true;
  }
}

function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

function hasMarks(text) {
  return fold(text) !== text.toLowerCase();
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readState() {
  const params = new URLSearchParams(location.search);
  const state = { q: (params.get("q") || "").trim(), sort: params.get("sort") || "", filters: {} };
  state.broad = params.get("broad") === "1";
  for (const group of GROUPS) state.filters[group] = params.getAll(group);
  return state;
}

function writeState(state, push) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("sort", state.sort);
  if (state.broad) params.set("broad", "1");
  for (const group of GROUPS) for (const value of state.filters[group]) params.append(group, value);
  const query = params.toString();
  const url = location.pathname + (query ? `?${query}` : "");
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

function effectiveSort(state) {
  if (state.sort === "oldest") return { date: "asc" };
  if (state.sort === "newest" || (!state.sort && !state.q)) return { date: "desc" };
  return undefined;
}

function pagefindFilters(state) {
  const filters = {};
  for (const group of GROUPS) {
    if (state.filters[group].length) filters[group] = { any: state.filters[group] };
  }
  return filters;
}

function hasFilters(state) {
  return GROUPS.some((g) => state.filters[g].length);
}

// Whether Pagefind answered with notices that hold only some words of the query, or the
// start of a word: when no notice of a bundle holds them all, it leaves out the words it
// does not know and shortens the others until they match something. Its best result then
// lacks a word of the query.
async function holdsSomeWordsOnly(answer, terms, exact) {
  if (!terms.length || !answer.results.length) return false;
  // Pagefind matches the parts of a word joined by punctuation too ("KTKĐCLGD" in
  // "43/SGDĐT-KTKĐCLGD").
  const keys = new Set();
  for (const word of (await answer.results[0].data()).content.split(/\s+/)) {
    keys.add(wordKey(word, exact));
    for (const part of word.split(/[^\p{L}\p{N}]+/u)) keys.add(wordKey(part, exact));
  }
  return !terms.every((t) => [...keys].some((k) => k.startsWith(t)));
}

// A number typed whole or in part ("29/TB-UBND", "29/TB"): the years of the notices whose
// number begins so, from the archive's number directory (one small file for each leading
// integer); none for any other query.
const NUMBER = /^0*(\d+)\/\S*$/u;
const directory = new Map(); // a leading integer -> its file's entries (a promise)

async function numberYears(query) {
  const found = NUMBER.exec(query);
  if (!found) return [];
  const key = found[1];
  if (!directory.has(key)) {
    const url = new URL(`${data.numbers}${key}.json`, root);
    const read = fetch(url).then((r) => (r.ok ? r.json() : []));
    directory.set(key, read.catch(() => []));
  }
  const typed = fold(query);
  return (await directory.get(key)).filter(([n]) => fold(n).startsWith(typed)).map(([, y]) => y);
}

// The bundles a search reads, in the order it reads them: by relevance, those that hold the
// notices of a number typed (``numbered``, their years) come first, so that the notice itself
// is shown before the bundles that may only cite it are read.
function bundlesFor(state, numbered = []) {
  const years = state.filters.year.map(Number);
  const chosen = data.bundles.filter(
    (b) => !years.length || years.some((y) => y >= b.first && y <= b.last),
  );
  if (state.sort === "oldest") return chosen.reverse();
  if (!numbered.length || effectiveSort(state)) return chosen;
  const holds = (b) => numbered.some((y) => y >= b.first && y <= b.last);
  return [...chosen.filter(holds), ...chosen.filter((b) => !holds(b))];
}

// A result whose number the query matched (Pagefind says which metadata a query matched).
const byNumber = (result) => ((result.matchedMetaFields || []).includes("number") ? 1 : 0);

// One answer from the answers of bundles, in the order they were read. By relevance, the
// notices whose number the query matched come first: a score depends on how common the words
// are in its own bundle, so the number itself, cited by notices of other bundles, could rank
// below them.
//
// When no notice of a bundle holds every word of the query, Pagefind answers with the notices
// that hold some of them: such an answer is left out when another bundle found notices with
// every word; when none did, they are all kept, and the answer is ``partial``.
function combine(answers, byDate) {
  const whole = answers.filter((a) => a.results.length && !a.partial);
  const partial = !whole.length && answers.some((a) => a.results.length);
  const chosen = whole.length ? whole : answers;
  const results = chosen.flatMap((a) => a.results);
  if (!byDate) results.sort((a, b) => byNumber(b) - byNumber(a) || b.score - a.score);
  return { results, filters: addCounts(chosen.map((a) => a.filters)), partial };
}

// Searches every bundle the state asks for with one spelling of the query; ``early``, if
// given, is called with what the first bundle found, when it found something and other
// bundles remain, and waited for.
async function searchBundles(state, query, exactDiacritics, early) {
  const options = { filters: pagefindFilters(state), sort: effectiveSort(state) };
  const byDate = Boolean(options.sort);
  const terms = query === data.everything ? [] : queryTerms(query, exactDiacritics);
  const search = async (bundle, firstPage) => {
    const pf = await engine(bundle);
    await pf.options({ exactDiacritics });
    const answer = await pf.search(query, options);
    // The first bundle's first page of results is fetched meanwhile (Pagefind keeps it).
    const shown = firstPage ? answer.results.slice(0, PAGE).map((r) => r.data()) : [];
    const [partial] = await Promise.all([
      holdsSomeWordsOnly(answer, terms, exactDiacritics),
      ...shown,
    ]);
    return { ...answer, partial };
  };
  const [first, ...rest] = bundlesFor(state, await numberYears(state.q));
  if (!first) return { results: [], filters: {} };
  const answers = [await search(first, true)];
  // What the first bundle found is shown before the others are loaded: on a slow network,
  // its results come before their bytes.
  if (early && rest.length && answers[0].results.length && !answers[0].partial) {
    await early({ ...combine(answers, byDate), read: [first] });
  }
  answers.push(...(await Promise.all(rest.map((bundle) => search(bundle, false)))));
  return combine(answers, byDate);
}

// Runs the search the state asks for; returns { results, filters, exact, note }. ``early``,
// if given, is called with the first results found, before the others.
async function runSearch(state, early = null) {
  const tell = (extra) => early && ((found) => early({ ...found, ...extra }));
  if (!state.q) {
    // A filter alone: every record holds one word made for this, so Pagefind reads one small
    // part of its index rather than all of it, as a search for nothing would.
    const found = await searchBundles(state, data.everything, false, tell({ exact: false }));
    return { ...found, exact: false, note: "" };
  }
  if (!hasMarks(state.q)) {
    const found = await searchBundles(state, state.q, false, tell({ exact: false }));
    return { ...found, exact: false, note: "" };
  }
  const exact = await searchBundles(state, state.q, true, !state.broad && tell({ exact: true }));
  if (!exact.results.length || exact.partial) {
    const folded = await searchBundles(state, state.q, false, null);
    const note = folded.results.length
      ? "Không có văn bản nào chứa đúng các từ có dấu này; dưới đây là kết quả không phân biệt dấu."
      : "";
    return { ...folded, exact: false, note };
  }
  if (!state.broad) return { ...exact, exact: true, note: "" };
  // Widened: every spelling, the exact-accent matches first unless sorted by date.
  const folded = await searchBundles(state, state.q, false, null);
  if (effectiveSort(state)) return { ...folded, exact: false, note: "" };
  const ids = new Set(exact.results.map((r) => r.id));
  const results = [...exact.results, ...folded.results.filter((r) => !ids.has(r.id))];
  return { ...folded, results, exact: false, note: "" };
}

// A word as a query matches it: letters and digits only, folded unless the search is exact.
function wordKey(word, exact) {
  const bare = word.replace(/[^\p{L}\p{N}]/gu, "");
  return exact ? bare.toLowerCase() : fold(bare);
}

// The words of the query as they are matched.
function queryTerms(query, exact) {
  return query
    .split(/\s+/)
    .map((w) => wordKey(w, exact))
    .filter((w) => w.length > 1);
}

// An excerpt of the notice's own text around the first match, the matched words marked.
// The record's content holds the header, the text between two U+2063 marks, then the
// spelling aids; only the text is quoted.
function excerpt(content, terms, exact) {
  const parts = content.split("\u2063");
  const text = (parts.length >= 3 ? parts[1] : content).trim();
  const words = text.split(/\s+/);
  const matches = (w) => {
    const k = wordKey(w, exact);
    return k && terms.some((t) => k.startsWith(t));
  };
  const first = words.findIndex(matches);
  const start = Math.max(0, (first === -1 ? 0 : first) - 8);
  const shown = words.slice(start, start + 30).map((w) => {
    const safe = escapeHtml(w);
    return terms.length && matches(w) ? `<mark>${safe}</mark>` : safe;
  });
  return (start > 0 ? "… " : "") + shown.join(" ") + (start + 30 < words.length ? " …" : "");
}

function resultHtml(item, terms, exact) {
  const meta = item.meta;
  return (
    `<li class="na-item na-result">` +
    `<a class="na-item__title" href="${escapeHtml(item.url)}">${escapeHtml(meta.title || "")}</a>` +
    `<div class="na-item__meta">` +
    `<span class="na-item__number">${escapeHtml(meta.number || "")}</span>` +
    `<span class="na-item__type">${escapeHtml(meta.type || "")}</span>` +
    `<span class="na-item__agency">${escapeHtml(meta.agency || "")}</span>` +
    `<span class="na-item__date">${escapeHtml(meta.date || "")}</span>` +
    (meta.status
      ? `<span class="na-badge na-badge--${escapeHtml(meta.status_slug || "")}">${escapeHtml(meta.status)}</span>`
      : "") +
    `</div>` +
    `<p class="na-result__excerpt">${excerpt(item.content, terms, exact)}</p></li>`
  );
}

function agencyDepths() {
  const parent = new Map(data.agencies.map((a) => [a.name, a.parent]));
  const depth = (name) => (parent.get(name) ? 1 + depth(parent.get(name)) : 0);
  const order = new Map();
  const children = (p) => data.agencies.filter((a) => a.parent === p);
  const walk = (p) => {
    for (const a of children(p)) {
      order.set(a.name, order.size);
      walk(a.name);
    }
  };
  walk(null);
  return { depth, order };
}

const tree = agencyDepths();

function sortedValues(group, counts) {
  const values = Object.keys(counts);
  if (group === "year") return values.sort((a, b) => b.localeCompare(a));
  if (group === "agency") {
    return values.sort((a, b) => (tree.order.get(a) ?? 1e9) - (tree.order.get(b) ?? 1e9));
  }
  return values.sort((a, b) => counts[b] - counts[a] || a.localeCompare(b, "vi"));
}

function showChosenCount(state) {
  const chosen = GROUPS.reduce((n, g) => n + state.filters[g].length, 0);
  filterCount.textContent = chosen ? `(${chosen} đang chọn)` : "";
}

function filtersHtml(state, counts) {
  let html = "";
  for (const group of GROUPS) {
    const groupCounts = { ...(counts[group] || {}) };
    for (const value of state.filters[group]) if (!(value in groupCounts)) groupCounts[value] = 0;
    const values = sortedValues(group, groupCounts).filter(
      (v) => groupCounts[v] > 0 || state.filters[group].includes(v),
    );
    if (!values.length) continue;
    html += `<fieldset class="na-filter" data-group="${group}"><legend>${escapeHtml(data.labels[group])}</legend>`;
    for (const value of values) {
      const checked = state.filters[group].includes(value) ? " checked" : "";
      const indent = group === "agency" ? ` style="padding-left:${tree.depth(value)}rem"` : "";
      html +=
        `<label${indent}><input type="checkbox" name="${group}" value="${escapeHtml(value)}"${checked}> ` +
        `${escapeHtml(value)} <span class="na-n">${groupCounts[value]}</span></label>`;
    }
    html += "</fieldset>";
  }
  return html;
}

function sortHtml(state) {
  const current = state.sort || (state.q ? "relevance" : "newest");
  const option = (value, text) =>
    `<option value="${value}"${current === value ? " selected" : ""}>${text}</option>`;
  return (
    `<label class="na-sort">Sắp xếp <select id="na-sort">` +
    option("relevance", "Phù hợp nhất") +
    option("newest", "Mới nhất trước") +
    option("oldest", "Cũ nhất trước") +
    `</select></label>`
  );
}

async function pageHtml(results, from, terms, exact) {
  const items = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  return items.map((i) => resultHtml(i, terms, exact)).join("");
}

let filtersShown = false;
let rendered = 0; // the generation whose results are shown

// The filters with their counts for the state, if the panel is unfolded; ``counts`` when the
// search already carries them.
async function showFilters(state, mine, counts) {
  if (!filterBox.open) return;
  if (!counts) {
    if (!filtersLoaded) {
      filtersBox.innerHTML = `<p class="na-search__status">Đang tải bộ lọc…</p>`;
      await loadFilters();
      if (mine !== generation) return;
    }
    const everything = !state.q && !hasFilters(state);
    counts = everything ? totals : (await runSearch(state)).filters || {};
    if (mine !== generation) return;
  }
  filtersBox.innerHTML = filtersHtml(state, counts);
  filtersShown = true;
}

// Unfolded by the reader (or on a wide screen, by the script as the page opens): a search
// still under way shows the filters itself when it is done.
filterBox.addEventListener("toggle", () => {
  if (filterBox.open && !filtersShown && rendered === generation) {
    showFilters(readState(), generation, null);
  }
});

async function render(state) {
  const mine = ++generation;
  filtersShown = false;
  input.value = state.q;
  showChosenCount(state);
  if (!state.q && !hasFilters(state)) {
    input.focus();
    resultsBox.innerHTML =
      `<p class="na-search__intro">Nhập số, ký hiệu hoặc từ khóa, hoặc chọn một bộ lọc để xem ` +
      `các văn bản, mới nhất trước.</p>`;
    rendered = mine;
    await showFilters(state, mine, filtersLoaded ? totals : null);
    return;
  }
  resultsBox.innerHTML = `<p class="na-search__status">Đang tìm…</p>`;
  const withCounts = filtersLoaded;
  // What the first bundle found is shown while the others are read, then replaced by the
  // whole answer; one showing waits for the one before, so the first never comes last.
  let showing = Promise.resolve();
  const early = (found) => {
    showing = showing.then(() => showResults(state, found, mine, false));
    return showing;
  };
  let search;
  try {
    search = await runSearch(state, early);
    await showing;
  } catch (error) {
    if (mine === generation) {
      resultsBox.innerHTML =
        `<p class="na-search__status" id="na-search-error">Không tải được chỉ mục tìm kiếm ` +
        `(${escapeHtml(String(error))}). Hãy tải lại trang.</p>`;
    }
    throw error;
  }
  if (mine !== generation) return;
  await showResults(state, search, mine, true);
  if (mine !== generation) return;
  rendered = mine;
  await showFilters(state, mine, withCounts ? search.filters || {} : null);
}

// The count, the sort and the first page of results; ``complete`` when every bundle the
// search reads has answered (the count then carries ``data-complete``).
async function showResults(state, search, mine, complete) {
  const terms = queryTerms(state.q, search.exact);
  const total = search.results.length;
  let head = `<div class="na-search__head"><p class="na-count" id="na-count"`;
  head += complete ? " data-complete>" : ">";
  if (!complete) {
    const [b] = search.read;
    const span = b.first === b.last ? `năm ${b.first}` : `các năm ${b.first}–${b.last}`;
    head += `Tìm thấy ${total} văn bản trong ${span}; đang tìm tiếp trong các năm khác…`;
  } else {
    head += total ? `Tìm thấy ${total} văn bản` : "Không tìm thấy văn bản nào";
  }
  head += `</p>${sortHtml(state)}</div>`;
  if (search.note) head += `<p class="na-search__note">${escapeHtml(search.note)}</p>`;
  if (search.exact) {
    head +=
      `<p class="na-search__note">Chỉ các văn bản chứa đúng các từ có dấu. ` +
      `<a href="#" id="na-broad">Tìm cả các cách viết khác (không phân biệt dấu)</a></p>`;
  }
  // The first page is fetched before anything is shown: the count and the results appear
  // together, and a slower search started earlier cannot overwrite a newer one.
  const first = await pageHtml(search.results, 0, terms, search.exact);
  if (mine !== generation) return;
  resultsBox.innerHTML = `${head}<ol class="na-list" id="na-list">${first}</ol>`;
  showMoreButton(search, terms, total);
}

function showMoreButton(search, terms, total) {
  const list = document.getElementById("na-list");
  let shown = Math.min(PAGE, total);
  if (shown < total) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "na-more";
    more.textContent = "Xem thêm";
    more.addEventListener("click", async () => {
      list.insertAdjacentHTML("beforeend", await pageHtml(search.results, shown, terms, search.exact));
      shown = Math.min(shown + PAGE, total);
      if (shown >= total) more.remove();
    });
    resultsBox.append(more);
  }
}

function update(change, push) {
  const state = { ...readState(), ...change };
  writeState(state, push);
  render(state);
}

let typing = null;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => update({ q: input.value.trim(), broad: false }, false), 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  update({ q: input.value.trim(), broad: false }, true);
});
filtersBox.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement)) return;
  const state = readState();
  const values = new Set(state.filters[box.name]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  update({ filters: { ...state.filters, [box.name]: [...values] } }, true);
});
resultsBox.addEventListener("change", (event) => {
  if (event.target.id === "na-sort") {
    const value = event.target.value;
    const state = readState();
    const natural = state.q ? "relevance" : "newest";
    update({ sort: value === natural ? "" : value }, true);
  }
});
resultsBox.addEventListener("click", (event) => {
  if (event.target.id === "na-broad") {
    event.preventDefault();
    update({ broad: true }, true);
  }
});
window.addEventListener("popstate", () => render(readState()));
render(readState());
