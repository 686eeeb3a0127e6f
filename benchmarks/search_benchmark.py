"""Search benchmark: the archive's Pagefind index against a plain Pagefind run, and in a browser.

Usage (from the project folder, with the project's virtual environment)::

    .venv/bin/python benchmarks/search_benchmark.py --n 10000 [50000] [--runs 3]
        [--workdir DIR] [--keep] [--seed 2013] [--queries 20] [--variants-at 10000]

Why: issue 3 asks that a journalist find any notice in a few keystrokes and that a citizen on a
slow phone not download megabytes to search, and that the index be built by every
``mkdocs build``. Pagefind's indexing is the part of the build that grows fastest in memory
(about 200 KB a page over a plain site), so the archive does not let it crawl the themed site:
it hands it one small record per notice (``noticearchive.search``). This measures whether that
pays, and what a reader downloads. Targets at N = 10,000: the archive's indexing step no
slower than a plain ``python -m pagefind --site`` over a plain Material site of the same pages
and at most half its peak memory; first results within 300 ms (median) and at most 400 kB
transferred for the first query on a cold page.

What it does, for each N:

1. Writes a synthetic archive of N notices and the same N pages as plain Markdown
   (``benchmarks/synthetic.py``) under the work folder (default
   ``/tmp/notices-search-benchmark``; never inside the repository).
2. Builds the archive site once, with search on (``mkdocs build`` in a fresh process, as
   ``build_benchmark.py`` does, memory sampled as below; its log says how long the hook's
   indexing took), and the plain Material baseline (``build_benchmark.baseline_config``).
3. ``--runs`` times, alternating:

   - *archive*: ``search_index_runner.py`` in a fresh process does what the hook does after
     the build (load the archive, resolve cross-references, ``index_bundles``: each bundle's
     records written to a scratch folder and Pagefind run over them, one bundle after
     another) into a folder of its own; the indexing step alone is timed inside it. The
     index does not depend on the built pages, only on the sources, so the site need not be
     built again for it;
   - *plain*: ``python -m pagefind --site <baseline site>`` (the ``pagefind`` package, its
     binary from ``pagefind_bin``) in a fresh process.

   Each run's memory is sampled from /proc every 0.05 s over the whole process tree
   (``processes.TreeSampler``, which ``build_benchmark`` uses too): the peak of the
   summed PSS, and the peak resident size (VmHWM) of
   each process, so Pagefind's own peak is known apart from the Python process that feeds
   it. (``ru_maxrss`` of a child is not used: Linux starts a child's count at its parent's
   peak when it is spawned, so a Pagefind started by a large Python process would inherit
   that figure.) Every index is checked to hold the pages it should: exactly N for the
   archive, over all its bundles.
4. Sizes on disk of both indexes (for the archive, all its bundles), split into index chunks,
   fragments, filters and the rest (WebAssembly, metadata, scripts).
5. In headless Chromium, against the archive site served by a local server that gzips
   text, scripts, JSON and WebAssembly as a static host does (``gzip_server.py``), for each
   of the queries (numbers, words with and without diacritics, đ, two and three words, a
   rare and a common word, a filter, a sort; built from the generated archive):

   - *cold*: a new browser context (empty cache) opens ``tim-kiem/?q=…``; the time from
     navigation start to the moment the result count (``#na-count``) is in the page, which
     the search page inserts together with the first results (those of the first bundle it
     reads, when it found some and others remain), and to the moment the count says every
     bundle has answered (``#na-count[data-complete]``); the bytes the server sent before the
     first results were in the page, and for the whole search (HTML, CSS, JavaScript,
     Pagefind's WebAssembly, index chunks, filters, fragments; body and headers;
     gzip-compressed as sent, and the size of the files);
   - *typed*: a new browser context opens the search page without a query and waits until
     the page is idle (it has set up the newest bundle by then: a reader takes longer than
     that to type), then the query is typed into ``#na-q`` and the form submitted; the time
     from the submit to the first and to the complete results, and the bytes the page loaded
     before the first results, counted from its opening (page, scripts and index);
   - *warm*: the search page already loaded with one search done ("thông báo"), the query
     typed into ``#na-q`` and the form submitted (the page debounces typing
     by 250 ms; a submit skips that wait); the time from the submit to the first and to the
     complete results, and the extra bytes.

   The bytes are counted by the server, which notes when it sent each response (the
   browser's clock is the same machine's).
6. ``--variants-at N``: at that N, indexes the same archive again with changed records
   (``search_index_runner.VARIANTS``: no text, title and number only, half and double the
   text, no filters; and the first quarter and half of the notices), to show what
   Pagefind's memory grows with.
The machine these numbers are taken on is shared and noisy: compare medians, and look at the
individual runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.build_benchmark import (  # noqa: E402
    _check_workdir,
    _environment,
    _write_yaml,
    archive_config,
    baseline_config,
)
from benchmarks.gzip_server import Sent, serve  # noqa: E402
from benchmarks.processes import TreeSampler  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402

DEFAULT_WORKDIR = Path("/tmp/notices-search-benchmark")
RUNNER = REPO_ROOT / "benchmarks" / "search_index_runner.py"
KIB = 1024
MIB = 1024 * 1024
KB = 1000

TARGET_N = 10_000
TARGET_MEMORY_SHARE = 0.5
TARGET_MEDIAN_MS = 300.0
TARGET_COLD_BYTES = 400 * KB
MODES = ("cold", "typed", "warm")

WARM_UP_QUERY = "thông báo"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""As ``tests/browser.py``: without the last three Chromium keeps calling home."""


@dataclass(frozen=True, slots=True)
class Measured:
    wall: float
    cpu: float
    """User + system time of the process and its waited-for children."""
    tree_kib: int
    """Peak of the summed PSS of the process tree."""
    root_kib: int
    """Peak resident size of the process started."""
    pagefind_kib: int
    """Peak resident size of the Pagefind binary (the process named ``pagefind``)."""
    output: str


def measure(command: list[str], log: Path, *, cwd: Path | None = None) -> Measured:
    """Run a command in a fresh process; its wall and CPU time and memory (see above)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        sampler = TreeSampler(process.pid)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop()
    text = log.read_text(encoding="utf-8", errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = "\n".join(text.splitlines()[-30:])
        raise SystemExit(f"{shlex.join(command)} failed (exit {code}); {log}:\n{tail}")
    return Measured(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        tree_kib=sampler.peak_pss_kib,
        root_kib=sampler.peak_of(process.pid),
        pagefind_kib=sampler.peak_named("pagefind"),
        output=text,
    )


# --------------------------------------------------------------------------------------------
# Indexing runs


@dataclass(frozen=True, slots=True)
class IndexRun:
    kind: str
    """``archive`` (the archive's indexing step) or ``plain`` (``python -m pagefind``)."""
    number: int
    label: str
    process: Measured
    step: float
    """Seconds of the indexing step: records and Pagefind for the archive (timed inside the
    runner, without loading the archive); the whole process for the plain run."""
    pages: int
    """Pages in the bundle, from its ``pagefind-entry.json``."""
    expected: int | None
    """Pages the index must hold (None: not checked)."""
    runner: dict[str, Any] = field(default_factory=dict)
    """What the archive's runner printed (counts, seconds, its own peak RSS)."""

    @property
    def python_kib(self) -> int:
        return self.process.root_kib if self.kind == "archive" else 0


def bundle_pages(bundle: Path) -> int:
    """Pages in a Pagefind bundle: the sum of ``page_count`` over its languages."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(lang.get("page_count", 0)) for lang in entry["languages"].values())


def site_bundles(site: Path) -> list[Path]:
    """The bundles of a site's index: ``pagefind/`` and, for the archive, the older years'
    ``pagefind-FIRST-LAST/`` beside it."""
    return sorted(p.parent for p in site.glob("pagefind*/pagefind-entry.json"))


def index_pages(site: Path) -> int:
    """Pages in all the bundles of a site's index."""
    return sum(bundle_pages(b) for b in site_bundles(site))


def run_archive_index(
    number: int,
    notices: Path,
    out_site: Path,
    log: Path,
    *,
    label: str = "full",
    variant: str = "full",
    limit: int | None = None,
    years: tuple[int, int] | None = None,
    bundle_size: int | None = None,
    expected: int | None = None,
) -> IndexRun:
    """The archive's indexing step in a fresh process (``search_index_runner.py``); the
    archive's bundle size unless ``bundle_size`` is given."""
    shutil.rmtree(out_site, ignore_errors=True)
    out_site.mkdir(parents=True)
    command = [sys.executable, str(RUNNER), str(notices), str(out_site), "--variant", variant]
    if limit is not None:
        command += ["--limit", str(limit)]
    if years is not None:
        command += ["--years", f"{years[0]}-{years[1]}"]
    if bundle_size is not None:
        command += ["--bundle-size", str(bundle_size)]
    process = measure(command, log, cwd=REPO_ROOT)
    printed = [line for line in process.output.splitlines() if line.startswith("{")]
    if not printed:
        raise SystemExit(f"the runner printed no result; {log}:\n{process.output[-2000:]}")
    runner = json.loads(printed[-1])
    pages = index_pages(out_site)
    if int(runner["indexed"]) != pages:
        raise SystemExit(f"runner says {runner['indexed']} pages, the bundle {pages}")
    if expected is not None and pages != expected:
        raise SystemExit(f"the archive's index holds {pages} pages, not {expected} ({out_site})")
    return IndexRun(
        kind="archive",
        number=number,
        label=label,
        process=process,
        step=float(runner["index_seconds"]),
        pages=pages,
        expected=expected,
        runner=runner,
    )


def run_plain_index(number: int, site: Path, log: Path) -> IndexRun:
    """``python -m pagefind --site`` over the plain site, in a fresh process."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    process = measure(command, log)
    return IndexRun(
        kind="plain",
        number=number,
        label="plain",
        process=process,
        step=process.wall,
        pages=bundle_pages(site / "pagefind"),
        expected=None,
    )


BUNDLE_PARTS = ("index", "fragment", "filter", "other")


def bundle_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """(files, bytes) of all the bundles of a site's index: index chunks, fragments,
    filters, the rest."""
    sizes = dict.fromkeys(BUNDLE_PARTS, (0, 0))
    for bundle in site_bundles(site):
        for path in bundle.rglob("*"):
            if path.is_file():
                top = path.relative_to(bundle).parts[0]
                part = top if top in ("index", "fragment", "filter") else "other"
                files, total = sizes[part]
                sizes[part] = (files + 1, total + path.stat().st_size)
    return sizes


# --------------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True, slots=True)
class Query:
    kind: str
    """What the query exercises, shown in the tables."""
    q: str
    params: tuple[tuple[str, str], ...] = ()
    """Filters and sort, as in the search page's address."""

    @property
    def query_string(self) -> str:
        pairs = ([("q", self.q)] if self.q else []) + list(self.params)
        return urlencode(pairs)

    @property
    def shown(self) -> str:
        extra = "".join(f"&{k}={v}" for k, v in self.params)
        return f"{self.q}{extra}" if self.q else extra.lstrip("&")


def make_queries(notices_dir: Path, count: int = 20) -> list[Query]:
    """Twenty varied queries, the numbers and the rare word taken from the generated archive
    (so that they exist in it), the first ``count`` of them returned."""
    from noticearchive.archive import load_archive
    from noticearchive.vietnamese import fold_d

    archive, _problems = load_archive(notices_dir, root=notices_dir.parent)
    notices = sorted(archive.notices, key=lambda n: (n.date, n.number))

    def middle(test: Any) -> Any:
        chosen = [n for n in notices if test(n)] or notices
        return chosen[len(chosen) // 2]

    tb = middle(lambda n: n.doc_type.id == "thong-bao")
    qd = middle(lambda n: "QĐ" in n.number)
    cv = middle(lambda n: n.doc_type.id == "cong-van")
    agencies = Counter(n.agency.short_name for n in notices if n.agency.parent_id is not None)
    agency = agencies.most_common(1)[0][0] if agencies else notices[0].agency.short_name
    decision = next(
        (n.doc_type.name for n in notices if n.doc_type.id == "quyet-dinh"), tb.doc_type.name
    )
    years = sorted({n.year for n in notices})
    frequency: Counter[str] = Counter()
    for notice in notices:
        frequency.update(
            {w for w in re.findall(r"\w+", f"{notice.title} {notice.body}".lower()) if w.isalpha()}
        )
    rare = min(
        (w for w in frequency if len(w) >= 6 and not w.isascii()),
        key=lambda w: (frequency[w], w),
        default="khánh",
    )
    queries = [
        Query("number, full (Thông báo)", tb.number),
        Query("number, short (N/TB)", tb.number.split("-")[0]),
        Query("number with Đ (Quyết định)", qd.number),
        Query("number, Đ typed as D", fold_d(qd.number)),
        Query("number (Công văn)", cv.number),
        Query("unaccented, đ", "quyet dinh"),
        Query("unaccented, đ", "dat dai"),
        Query("accented, đ", "quyết định"),
        Query("accented, đ", "đầu tư"),
        Query("unaccented place", "hau giang"),
        Query("accented place", "Hậu Giang"),
        Query("two words", "kinh phí"),
        Query("three words, accented", "dịch bệnh truyền nhiễm"),
        Query("three words, unaccented", "chong tham nhung"),
        Query(f"rare word ({frequency[rare]} notices)", rare),
        Query("common word", "tỉnh"),
        Query("word + type filter", "y tế", (("type", decision),)),
        Query("word, sort=newest", "giáo dục", (("sort", "newest"),)),
        Query("word + agency filter", "báo cáo", (("agency", agency),)),
        Query("year filter alone", "", (("year", str(years[len(years) // 2])),)),
    ]
    return queries[:count]


# --------------------------------------------------------------------------------------------
# Browser


@dataclass(frozen=True, slots=True)
class Load:
    """One measured search in the browser."""

    query: int
    run: int
    mode: str
    """``cold`` (new context, empty cache, page load) or ``warm`` (submit on a loaded page)."""
    ms: float
    """Cold: navigation start to the first results in the page (those of the newest bundle
    the search reads, shown while it reads the others); warm: submit to the first results."""
    done_ms: float
    """The same, to the complete results (every bundle read; the count says so)."""
    pagefind_ms: float
    """Cold: from the request for pagefind.js to results (the search engine's share of
    the time); warm: the same as ``ms``."""
    sent: int
    """Bytes the server sent: bodies as sent (gzip where used) and headers."""
    first_sent: int
    """Of those, the bytes sent before the first results were shown."""
    raw: int
    """Bytes of the files served (uncompressed; Pagefind's chunks are gzip files)."""
    pf_sent: int
    pf_raw: int
    requests: int
    pf_requests: int
    count: str
    """The result count as the page shows it."""
    first: str
    """The number of the first result."""
    errors: int
    """Script errors in the page."""


_OBSERVE = """
window.__naShown = null;
window.__naDone = null;
new MutationObserver((_, observer) => {
  const count = document.getElementById("na-count");
  if (count && window.__naShown === null) window.__naShown = performance.now();
  if (count && count.hasAttribute("data-complete")) {
    window.__naDone = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""

_READ = """
() => {
  const pf = performance.getEntriesByType("resource").filter((e) => e.name.includes("/pagefind"));
  const start = pf.length ? Math.min(...pf.map((e) => e.startTime)) : 0;
  const first = document.querySelector("#na-list .na-item__number");
  return {
    shown: window.__naShown,
    shownEpoch: performance.timeOrigin + window.__naShown,
    done: window.__naDone,
    pagefindStart: start,
    count: document.getElementById("na-count")?.textContent || "",
    first: first ? first.textContent : "",
  };
}
"""

_SUBMIT = """
async (params) => {
  const form = document.getElementById("na-search-form");
  const input = document.getElementById("na-q");
  const state = new URLSearchParams(params);
  const q = state.get("q") || "";
  state.delete("q");
  const rest = state.toString();
  history.replaceState(null, "", location.pathname + (rest ? "?" + rest : ""));
  const old = document.getElementById("na-count");
  input.value = q;
  let first = null;
  return await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const count = document.getElementById("na-count");
      if (count && count !== old) {
        first ??= performance.now();
        if (count.hasAttribute("data-complete")) {
          observer.disconnect();
          const done = performance.now() - started;
          resolve({ first: first - started, done, firstEpoch: performance.timeOrigin + first });
        }
      }
    });
    observer.observe(document.getElementById("na-results"), { childList: true, subtree: true });
    const started = performance.now();
    form.requestSubmit();
  });
}
"""


def _traffic(sent: list[Sent]) -> tuple[int, int, int, int, int, int]:
    """(sent, raw, Pagefind sent, Pagefind raw, requests, Pagefind requests)."""
    pf = [s for s in sent if s.path.startswith("pagefind")]
    return (
        sum(s.body + s.headers for s in sent),
        sum(s.size for s in sent),
        sum(s.body + s.headers for s in pf),
        sum(s.size for s in pf),
        len(sent),
        len(pf),
    )


def _sent_before(sent: list[Sent], epoch_ms: float) -> int:
    """Bytes of the responses sent before a moment of the browser's clock."""
    return sum(s.body + s.headers for s in sent if s.sent_at * 1000 <= epoch_ms)


def browse(
    site: Path, queries: Sequence[Query], runs: int, chromium: str = CHROMIUM
) -> tuple[list[Load], str]:
    """Measure every query cold and warm, ``runs`` times; the loads and Chromium's version."""
    from playwright.sync_api import sync_playwright

    loads: list[Load] = []
    with serve(site) as (base, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        version = browser.version
        search_url = f"{base}tim-kiem/"

        def context() -> tuple[Any, Any, list[str]]:
            ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
            page = ctx.new_page()
            page.set_default_timeout(60_000)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            return ctx, page, errors

        def submit(
            page: Any, query: Query, mode: str, number: int, run: int, errors: list[str]
        ) -> Load:
            """Submit the query in the open page: the load from the submit to its results, with
            the bytes sent since the server's log was last taken."""
            timed = page.evaluate(_SUBMIT, query.query_string)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(100)
            read = page.evaluate(_READ)
            responses = log.take()
            sent, raw, pf_sent, pf_raw, requests, pf_requests = _traffic(responses)
            first_sent = _sent_before(responses, float(timed["firstEpoch"]))
            ms, done = float(timed["first"]), float(timed["done"])
            return Load(number, run, mode, ms, done, ms, sent, first_sent, raw, pf_sent,
                        pf_raw, requests, pf_requests, read["count"], read["first"],
                        len(errors))  # fmt: skip

        # One load first, not measured: the server compresses each file once and keeps it,
        # as a host does, and the operating system reads the files into its cache.
        ctx, page, _errors = context()
        page.goto(f"{search_url}?q={WARM_UP_QUERY}")
        page.wait_for_selector("#na-count[data-complete]")
        ctx.close()
        for run in range(1, runs + 1):
            for number, query in enumerate(queries):
                # Cold: a new context has an empty cache.
                log.take()
                ctx, page, errors = context()
                page.add_init_script(_OBSERVE)
                page.goto(f"{search_url}?{query.query_string}", wait_until="commit")
                page.wait_for_function("window.__naDone !== null")
                page.wait_for_load_state("networkidle")
                read = page.evaluate(_READ)
                responses = log.take()
                sent, raw, pf_sent, pf_raw, requests, pf_requests = _traffic(responses)
                first_sent = _sent_before(responses, float(read["shownEpoch"]))
                shown = float(read["shown"])
                loads.append(
                    Load(number, run, "cold", shown, float(read["done"]),
                         shown - float(read["pagefindStart"]), sent, first_sent, raw, pf_sent,
                         pf_raw, requests, pf_requests, read["count"], read["first"], len(errors))
                )  # fmt: skip
                ctx.close()
                # Typed: a new context (empty cache) opens the search page with no query and
                # waits until it is idle, as a reader takes longer than that to type (the page
                # has set up the newest bundle meanwhile); the query is then typed and
                # submitted. Its bytes are all the page loaded since it was opened.
                log.take()
                ctx, page, errors = context()
                page.goto(search_url)
                page.wait_for_load_state("networkidle")
                loads.append(submit(page, query, "typed", number, run, errors))
                ctx.close()
                # Warm: the search page loaded, one search done, then this query submitted.
                # (On a phone the filters are folded: neither their index nor their counts
                # are loaded until the reader unfolds them.)
                ctx, page, errors = context()
                page.goto(f"{search_url}?q={WARM_UP_QUERY}")
                page.wait_for_selector("#na-count[data-complete]")
                page.wait_for_load_state("networkidle")
                log.take()
                loads.append(submit(page, query, "warm", number, run, errors))
                ctx.close()
        browser.close()
    return loads, version


# --------------------------------------------------------------------------------------------
# Memory variants


@dataclass(frozen=True, slots=True)
class VariantPlan:
    label: str
    variant: str
    limit: int | None


def variant_plans(n: int) -> list[VariantPlan]:
    """The record variants at N, and the full records of the first quarter and half of N."""
    plans = [VariantPlan("full", "full", None)]
    plans += [VariantPlan(f"full, first {k:,}", "full", k) for k in (n // 4, n // 2) if k >= 1]
    for name in ("half-text", "double-text", "no-text", "title-number", "no-filters"):
        plans.append(VariantPlan(name, name, None))
    return plans


def fit(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares line through the points: (intercept, slope)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
    return mean_y - slope * mean_x, slope


# --------------------------------------------------------------------------------------------
# One N


@dataclass(slots=True)
class Result:
    n: int
    generation_seconds: float
    builds: dict[str, Measured] = field(default_factory=dict)
    hook_index_seconds: float | None = None
    hook_wait_seconds: float | None = None
    """How long the build waited for the index once every page was written."""
    runs: list[IndexRun] = field(default_factory=list)
    bundles: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    queries: list[Query] = field(default_factory=list)
    loads: list[Load] = field(default_factory=list)
    chromium: str = ""
    variants: list[IndexRun] = field(default_factory=list)

    def of(self, kind: str) -> list[IndexRun]:
        return [r for r in self.runs if r.kind == kind]


_HOOK_INDEX = re.compile(
    r"Search index: (\d+) notices indexed in \d+ bundle\(s\) in ([\d.]+) s "
    r"\(the build waited ([\d.]+) s for it\)"
)


def benchmark(n: int, args: argparse.Namespace) -> Result:
    folder: Path = args.workdir / f"n{n}"
    archive_dir, baseline_dir = folder / "archive", folder / "baseline"
    notices = archive_dir / "notices"
    print(f"\n== N = {n:,} ({folder})", flush=True)
    started = time.perf_counter()
    made = generate(n, notices, baseline_dir / "docs", seed=args.seed)
    result = Result(n=n, generation_seconds=time.perf_counter() - started)
    print(
        f"generated in {result.generation_seconds:.1f} s: {made.count:,} notices, "
        f"{len(made.years)} years",
        flush=True,
    )
    result.queries = make_queries(notices, args.queries)

    archive_site, baseline_site = archive_dir / "site", baseline_dir / "site"
    _write_yaml(archive_dir / "mkdocs.yml", archive_config(archive_site, search=True))
    _write_yaml(baseline_dir / "mkdocs.yml", baseline_config(baseline_site))
    for kind, config, site in (
        ("archive", archive_dir / "mkdocs.yml", archive_site),
        ("baseline", baseline_dir / "mkdocs.yml", baseline_site),
    ):
        # Measured here rather than with build_benchmark.build, which samples the whole
        # tree's memory only: this also gives Pagefind's own peak.
        shutil.rmtree(site, ignore_errors=True)
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
        built = measure(command, folder / f"build-{kind}.log", cwd=config.parent)
        result.builds[kind] = built
        searched = f", search on (Pagefind peak RSS {_mib(built.pagefind_kib)} MiB)"
        print(
            f"  built {kind:<8} {built.wall:7.1f} s wall, peak PSS of all its processes "
            f"{_mib(built.tree_kib)} MiB{searched if kind == 'archive' else ''}",
            flush=True,
        )
    found = _HOOK_INDEX.search((folder / "build-archive.log").read_text(encoding="utf-8"))
    if found:
        result.hook_index_seconds = float(found.group(2))
        result.hook_wait_seconds = float(found.group(3))
        if int(found.group(1)) != n:
            raise SystemExit(f"the build indexed {found.group(1)} notices, not {n}")
    if index_pages(archive_site) != n:
        raise SystemExit(f"the built site's index does not hold {n} pages")

    runner_site = folder / "runner-site"
    for number in range(1, args.runs + 1):
        archive = run_archive_index(
            number, notices, runner_site, folder / f"index-archive-{number}.log", expected=n
        )
        result.runs.append(archive)
        print_index_run(archive)
        plain = run_plain_index(number, baseline_site, folder / f"index-plain-{number}.log")
        result.runs.append(plain)
        print_index_run(plain)
    result.bundles["archive"] = bundle_sizes(runner_site)
    result.bundles["archive (build)"] = bundle_sizes(archive_site)
    result.bundles["plain"] = bundle_sizes(baseline_site)

    if result.queries:
        print(f"  browser: {len(result.queries)} queries × {args.runs} run(s)", flush=True)
        result.loads, result.chromium = browse(
            archive_site, result.queries, args.runs, args.chromium
        )

    if n == args.variants_at:
        print("  record variants (one run each):", flush=True)
        for plan in variant_plans(n):
            run = run_archive_index(
                1,
                notices,
                folder / "variant-site",
                folder / f"variant-{plan.variant}-{plan.limit}.log",
                label=plan.label,
                variant=plan.variant,
                limit=plan.limit,
                bundle_size=n,  # one bundle: what one Pagefind run needs for these records
                expected=plan.limit or n,
            )
            result.variants.append(run)
            print_index_run(run)
        shutil.rmtree(folder / "variant-site", ignore_errors=True)

    if not args.keep:
        shutil.rmtree(folder)
    return result


# --------------------------------------------------------------------------------------------
# Report


def _mib(kib: float) -> str:
    return f"{kib / KIB:,.0f}"


def print_index_run(run: IndexRun) -> None:
    p = run.process
    if run.kind == "archive":
        r = run.runner
        detail = (
            f"step {run.step:6.1f} s ({r['bundles']} bundle(s), the largest "
            f"{int(r['largest_bundle']):,} notices; records made and written "
            f"{float(r['records_seconds']):4.1f} s, in {r['scratch']}; loading the archive "
            f"{float(r['load_seconds']):4.1f} s), Python {_mib(p.root_kib)} MiB, "
            f"records {int(r['record_bytes']) / MIB:,.1f} MiB"
        )
    else:
        detail = f"step {run.step:6.1f} s"
    print(
        f"  run {run.number} {run.kind:<7} {run.label:<18} {p.wall:6.1f} s wall, "
        f"{p.cpu:6.1f} s CPU, Pagefind peak RSS {_mib(p.pagefind_kib):>6} MiB, tree peak PSS "
        f"{_mib(p.tree_kib):>6} MiB, {run.pages:,} pages; {detail}",
        flush=True,
    )


def _median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else 0.0


def print_indexing(results: Sequence[Result], runs: int) -> None:
    print(f"\nIndexing, medians of {runs} run(s) (MiB = 1,048,576 bytes):\n")
    header = (
        f"{'N':>7} | {'archive step':>12} {'plain':>7} {'ratio':>6} | {'arch. process':>13} | "
        f"{'Pagefind peak RSS':>19} {'ratio':>6} | {'tree peak PSS':>17} {'ratio':>6} | "
        f"{'pages':>13}"
    )
    print(header)
    print(f"{'':>7} | {'':>12} {'':>7} {'':>6} | {'(load+step)':>13} | {'archive / plain':>19}")
    print("-" * len(header))
    for r in results:
        a, p = r.of("archive"), r.of("plain")
        a_step, p_step = _median([x.step for x in a]), _median([x.step for x in p])
        a_wall = _median([x.process.wall for x in a])
        a_pf, p_pf = (_median([x.process.pagefind_kib for x in s]) for s in (a, p))
        a_tree, p_tree = (_median([x.process.tree_kib for x in s]) for s in (a, p))
        print(
            f"{r.n:>7,} | {a_step:11.1f}s {p_step:6.1f}s {a_step / max(p_step, 1e-9):5.2f}× | "
            f"{a_wall:12.1f}s | {_mib(a_pf):>8} / {_mib(p_pf):>8} {a_pf / max(p_pf, 1):5.2f}× | "
            f"{_mib(a_tree):>7} / {_mib(p_tree):>7} {a_tree / max(p_tree, 1):5.2f}× | "
            f"{a[0].pages:,} / {p[0].pages:,}"
        )
    print(
        "  archive step: records written to the scratch folder + Pagefind, timed in the runner;"
        " plain: the whole `python -m pagefind --site` process;\n  arch. process: the runner's"
        " wall time, with Python start-up and loading + cross-referencing the archive;\n"
        "  Pagefind peak RSS: the Pagefind binary alone (VmHWM); tree peak PSS: all processes "
        "(archive: the Python runner holding the archive + Pagefind)"
    )
    for r in results:
        hook = "?"
        if r.hook_index_seconds is not None:
            hook = (
                f"{r.hook_index_seconds:.1f} s; the build waited {r.hook_wait_seconds:.1f} s for it"
            )
        built, base = r.builds.get("archive"), r.builds.get("baseline")
        if built and base:
            print(
                f"  N={r.n:,}: site builds (once): archive with search {built.wall:.1f} s "
                f"(its indexing, as the hook logged it: {hook}), peak PSS "
                f"{_mib(built.tree_kib)} MiB (Pagefind {_mib(built.pagefind_kib)} MiB RSS); "
                f"plain Material {base.wall:.1f} s, peak PSS {_mib(base.tree_kib)} MiB"
            )

    print("\nIndex on disk (all its bundles; MiB, files):\n")
    header = (
        f"{'N':>7} {'index':<16} | {'total':>8} | {'index chunks':>15} | {'fragments':>16} | "
        f"{'filters':>13} | {'other':>11}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        for name, parts in r.bundles.items():
            total = sum(b for _f, b in parts.values())
            cells = [f"{parts[k][1] / MIB:7.2f} {parts[k][0]:>6,}" for k in BUNDLE_PARTS]
            print(
                f"{r.n:>7,} {name:<16} | {total / MIB:8.2f} | {cells[0]:>15} | {cells[1]:>16} | "
                f"{cells[2]:>13} | {cells[3]:>11}"
            )
    print(
        "  archive: the runner's index; archive (build): the one `mkdocs build` wrote (the "
        "same records: equal up to the filters' hash-map order)"
    )


def _stats(values: Sequence[float]) -> tuple[float, float]:
    return _median(values), (max(values) if values else 0.0)


def print_browser(result: Result) -> None:
    if not result.loads:
        return
    n, queries, loads = result.n, result.queries, result.loads
    runs = max(load.run for load in loads)
    print(
        f"\nBrowser at N = {n:,}: headless Chromium {result.chromium}, phone viewport, "
        f"served over HTTP/1.1 with gzip on localhost (kB = 1,000 bytes)\n"
    )
    header = (
        f"{'#':>2} {'query':<34} {'kind':<27} | {'cold ms':>7} {'done':>5} {'kB':>5} "
        f"{'all':>5} {'req':>4} | {'typed ms':>8} {'done':>5} {'kB':>5} | {'warm ms':>7} "
        f"{'done':>5} {'all':>5} | {'results':<22} {'first result':<18}"
    )
    print(header)
    print(f"{'':>2} {'':<34} {'':<27} | {'median of ' + str(runs) + ' run(s)':^30} |")
    print("-" * len(header))
    for i, query in enumerate(queries):
        cold = [x for x in loads if x.query == i and x.mode == "cold"]
        typed = [x for x in loads if x.query == i and x.mode == "typed"]
        warm = [x for x in loads if x.query == i and x.mode == "warm"]
        print(
            f"{i + 1:>2} {query.shown[:34]:<34} {query.kind[:27]:<27} | "
            f"{_median([x.ms for x in cold]):7.0f} {_median([x.done_ms for x in cold]):5.0f} "
            f"{_median([x.first_sent for x in cold]) / KB:5.0f} "
            f"{_median([x.sent for x in cold]) / KB:5.0f} {cold[-1].requests:>4} | "
            f"{_median([x.ms for x in typed]):8.0f} {_median([x.done_ms for x in typed]):5.0f} "
            f"{_median([x.first_sent for x in typed]) / KB:5.0f} | "
            f"{_median([x.ms for x in warm]):7.0f} {_median([x.done_ms for x in warm]):5.0f} "
            f"{_median([x.sent for x in warm]) / KB:5.0f} | "
            f"{cold[-1].count[:22]:<22} {cold[-1].first[:18]:<18}"
        )
    errors = sum(x.errors for x in loads)
    if errors:
        print(f"  script errors in the pages: {errors}")
    counts = {mode: {(x.query, x.count) for x in loads if x.mode == mode} for mode in MODES}
    if len({frozenset(c) for c in counts.values()}) > 1:
        print("  NOTE: a query found different counts cold, typed and warm")

    print(f"\nPer run, over the {len(queries)} queries (median / worst):\n")
    header = (
        f"{'run':>4} | {'cold ms':>11} {'done ms':>11} {'kB':>11} {'all kB':>11} "
        f"{'raw kB':>11} | {'typed ms':>11} {'done ms':>11} {'kB':>11} | {'warm ms':>11} "
        f"{'done ms':>11} {'all kB':>11}"
    )
    print(header)
    print("-" * len(header))

    def row(label: str, chosen: Sequence[Load]) -> None:
        cold = [x for x in chosen if x.mode == "cold"]
        typed = [x for x in chosen if x.mode == "typed"]
        warm = [x for x in chosen if x.mode == "warm"]
        cells = [
            _stats([x.ms for x in cold]),
            _stats([x.done_ms for x in cold]),
            _stats([x.first_sent / KB for x in cold]),
            _stats([x.sent / KB for x in cold]),
            _stats([x.raw / KB for x in cold]),
            _stats([x.ms for x in typed]),
            _stats([x.done_ms for x in typed]),
            _stats([x.first_sent / KB for x in typed]),
            _stats([x.ms for x in warm]),
            _stats([x.done_ms for x in warm]),
            _stats([x.sent / KB for x in warm]),
        ]
        text = [f"{m:4.0f} / {w:4.0f}" for m, w in cells]
        print(f"{label:>4} | " + " ".join(f"{t:>11}" for t in text[:5]) + " | "
              + " ".join(f"{t:>11}" for t in text[5:8]) + " | "
              + " ".join(f"{t:>11}" for t in text[8:]))  # fmt: skip

    for run in range(1, runs + 1):
        row(str(run), [x for x in loads if x.run == run])
    row("all", loads)
    print(
        "  cold: new context, empty cache, the search page opened with the query in its address:"
        " navigation start to the first results\n  (the newest bundle's; done: every "
        "bundle's); kB: sent before the first results were shown (gzip, with headers); all kB:"
        "\n  sent for the whole search; raw: the files' sizes;\n"
        "  typed: new context, empty cache, the search page opened without a query and left "
        "until idle, then the query typed and\n  submitted: submit to the first results; kB: "
        "all the page loaded before them (page, scripts, index);\n"
        "  warm: the search page loaded with one search done, then submit to results"
    )


def print_variants(result: Result) -> None:
    if not result.variants:
        return
    full = result.variants[0]
    print(f"\nWhere Pagefind's memory goes, at N = {result.n:,} (one run each):\n")
    header = (
        f"{'records':<20} | {'pages':>7} {'record MiB':>10} | {'Pagefind RSS':>12} "
        f"{'vs full':>7} | {'tree PSS':>9} | {'step s':>7}"
    )
    print(header)
    print("-" * len(header))
    for run in result.variants:
        r = run.runner
        print(
            f"{run.label:<20} | {run.pages:>7,} {int(r['record_bytes']) / MIB:10.1f} | "
            f"{_mib(run.process.pagefind_kib):>8} MiB "
            f"{run.process.pagefind_kib / max(full.process.pagefind_kib, 1):6.2f}× | "
            f"{_mib(run.process.tree_kib):>5} MiB | {run.step:7.1f}"
        )
    by_pages = [
        (float(v.pages), float(v.process.pagefind_kib))
        for v in result.variants
        if v.runner.get("variant") == "full"
    ]
    by_text = [
        (float(v.runner["record_bytes"]), float(v.process.pagefind_kib))
        for v in result.variants
        if v.pages == result.n and v.runner.get("variant") in ("full", "half-text", "double-text")
    ]
    if len(by_pages) >= 2:
        a, b = fit(by_pages)
        print(
            f"  full records, by pages: Pagefind peak ≈ {a / KIB:,.0f} MiB + "
            f"{b:,.0f} KiB a page → {(a + b * 100_000) / MIB:,.1f} GiB at 100,000 notices "
            f"(linear; from {len(by_pages)} points)"
        )
    if len(by_text) >= 2:
        a, b = fit(by_text)
        print(
            f"  same pages, by record text: Pagefind peak ≈ {a / KIB:,.0f} MiB + "
            f"{b * KIB:,.1f} KiB per KiB of records"
        )


def print_targets(results: Sequence[Result]) -> None:
    chosen = next((r for r in results if r.n == TARGET_N), None)
    if chosen is None:
        print(f"\n(Targets are set at N = {TARGET_N:,}; not measured in this run.)")
        return

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT MET"

    a, p = chosen.of("archive"), chosen.of("plain")
    a_step, p_step = _median([x.step for x in a]), _median([x.step for x in p])
    a_tree = _median([x.process.tree_kib for x in a])
    a_pf = _median([x.process.pagefind_kib for x in a])
    p_pf = _median([x.process.pagefind_kib for x in p])
    p_tree = _median([x.process.tree_kib for x in p])
    print(f"\nTargets at N = {TARGET_N:,} (issue 3):")
    print(
        f"  indexing step no slower than the plain run: {a_step:.1f} s vs {p_step:.1f} s "
        f"({verdict(a_step <= p_step)}); paired runs: "
        + ", ".join(f"{x.step:.1f}/{y.step:.1f}" for x, y in zip(a, p, strict=True))
    )
    print(
        f"  at most half the plain run's peak memory: whole runner (Python + Pagefind, PSS) "
        f"{_mib(a_tree)} MiB vs {_mib(p_tree)} MiB = {a_tree / p_tree:.2f} "
        f"({verdict(a_tree <= TARGET_MEMORY_SHARE * p_tree)}); Pagefind alone (RSS) "
        f"{_mib(a_pf)} vs {_mib(p_pf)} MiB = {a_pf / p_pf:.2f}"
    )
    cold = [x for x in chosen.loads if x.mode == "cold"]
    typed = [x for x in chosen.loads if x.mode == "typed"]
    if cold and typed:
        ms, worst_ms = _stats([x.ms for x in typed])
        arrive, worst_arrive = _stats([x.ms for x in cold])
        done, worst_done = _stats([x.done_ms for x in cold])
        print(
            f"  first results within {TARGET_MEDIAN_MS:.0f} ms (median), the first query typed on "
            f"a cold page: {ms:.0f} ms, worst {worst_ms:.0f} ms "
            f"({verdict(ms <= TARGET_MEDIAN_MS)});\n    the page opened with the query in its "
            f"address (navigation start to results): {arrive:.0f} ms, worst {worst_arrive:.0f}"
            f" ms ({verdict(arrive <= TARGET_MEDIAN_MS)}); complete results {done:.0f} ms, "
            f"worst {worst_done:.0f} ms;\n    warm first results "
            f"{_median([x.ms for x in chosen.loads if x.mode == 'warm']):.0f} ms"
        )
        for label, chosen_loads in (("typed", typed), ("opened with the query", cold)):
            heavy = max(chosen_loads, key=lambda x: x.first_sent)
            first, worst_first = _stats([x.first_sent for x in chosen_loads])
            total, worst_total = _stats([x.sent for x in chosen_loads])
            print(
                f"  at most {TARGET_COLD_BYTES / KB:.0f} kB for the first query on a cold page "
                f"({label}; page, scripts and index): to the first results median "
                f"{first / KB:.0f} kB, worst {worst_first / KB:.0f} kB "
                f"({chosen.queries[heavy.query].shown!r}) "
                f"({verdict(worst_first <= TARGET_COLD_BYTES)}); the whole search median "
                f"{total / KB:.0f} kB, worst {worst_total / KB:.0f} kB"
            )


# --------------------------------------------------------------------------------------------
# Main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Measure the archive's search index and search page against plain Pagefind."
    )
    parser.add_argument("--n", type=int, nargs="+", default=[TARGET_N], help="numbers of notices")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (3)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=DEFAULT_WORKDIR,
        help="folder for the generated sites (default: %(default)s; never inside the repository)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--seed", type=int, default=2013, help="seed of the synthetic archive")
    parser.add_argument(
        "--queries", type=int, default=20, help="how many of the 20 queries (0: no browser)"
    )
    parser.add_argument(
        "--chromium", default=CHROMIUM, help="the Chromium to drive (default: %(default)s)"
    )
    parser.add_argument(
        "--variants-at",
        type=int,
        default=TARGET_N,
        help="N at which to index record variants (default: %(default)s; 0: none)",
    )
    return parser


def environment() -> list[str]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / MIB:.1f} GiB"
    except OSError:
        pass
    return [
        *_environment(),
        f"Pagefind {version('pagefind')} (binary {version('pagefind_bin')}), Playwright "
        f"{version('playwright')}, memory {memory}, load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.workdir = _check_workdir(args.workdir)
    if args.runs < 1 or any(n < 1 for n in args.n) or not 0 <= args.queries <= 20:
        raise SystemExit("--runs and --n must be at least 1, --queries from 0 to 20")
    shown = sys.argv if argv is None else [sys.argv[0], *argv]
    python = sys.executable
    if Path(python).absolute().is_relative_to(Path.cwd()):
        python = os.path.relpath(python)
    print(f"$ {shlex.join([python, *shown])}")
    for line in environment():
        print(line)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.n:
        result = benchmark(n, args)
        results.append(result)
    print_indexing(results, args.runs)
    for result in results:
        print_browser(result)
        print_variants(result)
    print_targets(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
