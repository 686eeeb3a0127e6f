// The archive's search page, on Pagefind's JavaScript API.
//
// State lives in the address (?q=…&sort=…&agency=…&type=…&topic=…&year=…), so a search can be
// shared, bookmarked and walked back with the Back button.
//
// Vietnamese: Pagefind folds diacritics, so an unaccented query finds accented text. A query
// typed with accents is taken at its word: it is first run with exact diacritics, so that
// "Kiên Giang" does not drown in "ý kiến"; when that finds nothing, the folded search runs
// instead, and the reader may always widen the search to every spelling.

const root = new URL("../../", import.meta.url);
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

let pagefind = null;
let totals = {};
let filtersLoaded = false;
let generation = 0;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 30 });
    await pagefind.init();
  }
  return pagefind;
}

// The filter index (about a hundred kilobytes at 10,000 notices) is loaded after the first
// results are shown, and on a phone, where the filters are folded, only when the reader
// unfolds them: a search carries filter counts only once it is loaded, and working them out
// costs Pagefind a second search (a second or more for a common word in a large archive).
async function loadFilters() {
  if (!filtersLoaded) {
    totals = await (await engine()).filters();
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

// Runs the search the state asks for; returns { results, filters, exact, note }.
async function runSearch(state) {
  const pf = await engine();
  const options = { filters: pagefindFilters(state), sort: effectiveSort(state) };
  if (!state.q) {
    // A filter alone: every record holds one word made for this, so Pagefind reads one small
    // part of its index rather than all of it, as a search for nothing would.
    await pf.options({ exactDiacritics: false });
    const search = await pf.search(data.everything, options);
    return { ...search, exact: false, note: "" };
  }
  if (!hasMarks(state.q)) {
    await pf.options({ exactDiacritics: false });
    return { ...(await pf.search(state.q, options)), exact: false, note: "" };
  }
  await pf.options({ exactDiacritics: true });
  const exact = await pf.search(state.q, options);
  await pf.options({ exactDiacritics: false });
  if (!exact.results.length) {
    const folded = await pf.search(state.q, options);
    const note = folded.results.length
      ? "Không có văn bản nào chứa đúng các từ có dấu này; dưới đây là kết quả không phân biệt dấu."
      : "";
    return { ...folded, exact: false, note };
  }
  if (!state.broad) return { ...exact, exact: true, note: "" };
  // Widened: every spelling, the exact-accent matches first unless sorted by date.
  const folded = await pf.search(state.q, options);
  if (options.sort) return { ...folded, exact: false, note: "" };
  const ids = new Set(exact.results.map((r) => r.id));
  const results = [...exact.results, ...folded.results.filter((r) => !ids.has(r.id))];
  return { ...folded, results, exact: false, note: "" };
}

// The words of the query as they are matched: folded unless the search was exact.
function queryTerms(query, exact) {
  return query
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w.length > 1)
    .map((w) => (exact ? w.toLowerCase() : fold(w)));
}

// An excerpt of the notice's own text around the first match, the matched words marked.
// The record's content holds the header, the text between two U+2063 marks, then the
// spelling aids; only the text is quoted.
function excerpt(content, terms, exact) {
  const parts = content.split("\u2063");
  const text = (parts.length >= 3 ? parts[1] : content).trim();
  const words = text.split(/\s+/);
  const key = (w) => {
    const bare = w.replace(/[^\p{L}\p{N}]/gu, "");
    return exact ? bare.toLowerCase() : fold(bare);
  };
  const matches = (w) => {
    const k = key(w);
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
  const search = await runSearch(state);
  if (mine !== generation) return;
  const terms = queryTerms(state.q, search.exact);
  const total = search.results.length;
  let head = `<div class="na-search__head"><p class="na-count" id="na-count">`;
  head += total ? `Tìm thấy ${total} văn bản` : "Không tìm thấy văn bản nào";
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
  rendered = mine;
  await showFilters(state, mine, withCounts ? search.filters || {} : null);
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
