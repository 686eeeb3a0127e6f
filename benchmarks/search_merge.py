"""What a sharded index costs a reader: one Pagefind bundle against several merged in the page.

Why: Pagefind's memory at build time grows with the pages of one bundle, so an archive too
large for one run can be indexed as several bundles (by years), each in a run of its own, and
searched as one with Pagefind's ``mergeIndex``. The build then fits; the question is what the
reader pays: each merged bundle brings its own metadata, filters and index chunks. This page
measures it with Pagefind alone (no theme): for each query, in a new browser context (empty
cache), the time from navigation start to the first ten results' data, and the bytes sent,
once with the single bundle and once with the shards merged.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.gzip_server import serve

PAGE_NAME = "merge-check.html"

_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>merge check</title></head><body>
<script type="module">
const params = new URLSearchParams(location.search);
const bundles = JSON.parse(params.get("bundles"));
const filters = JSON.parse(params.get("filters") || "{}");
const sort = params.get("sort") ? { date: "desc" } : undefined;
const pagefind = await import(new URL(bundles[0] + "pagefind.js", location.href).href);
await pagefind.options({ excerptLength: 30 });
for (const other of bundles.slice(1)) {
  await pagefind.mergeIndex(new URL(other, location.href).pathname);
}
await pagefind.init();
await pagefind.filters();
const search = await pagefind.search(params.get("q") || null, { filters, sort });
const first = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
window.__done = { ms: performance.now(), count: search.results.length, first: first.length };
</script></body></html>
"""


@dataclass(frozen=True, slots=True)
class MergeLoad:
    query: int
    mode: str
    ms: float
    sent: int
    requests: int
    count: int


def _filters(params: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {k: {"any": [v]} for k, v in params if k != "sort"}


def compare(
    root: Path,
    single: str,
    shards: Sequence[str],
    queries: Sequence[tuple[str, Sequence[tuple[str, str]]]],
    chromium: str,
    args: Sequence[str],
) -> list[MergeLoad]:
    """Under ``root`` (served), ``single`` and ``shards`` are bundle folders ("a/pagefind/");
    each query (text, filters and sort) is run cold against both."""
    from playwright.sync_api import sync_playwright

    (root / PAGE_NAME).write_text(_PAGE, encoding="utf-8")
    loads: list[MergeLoad] = []
    with serve(root) as (base, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(args))
        for number, (q, params) in enumerate(queries):
            for mode, bundles in (("single", [single]), ("merged", list(shards))):
                context = browser.new_context()
                page = context.new_page()
                page.set_default_timeout(120_000)
                query = {
                    "bundles": json.dumps(bundles),
                    "filters": json.dumps(_filters(params)),
                    "q": q,
                    "sort": "1" if ("sort", "newest") in params or not q else "",
                }
                log.take()
                page.goto(f"{base}{PAGE_NAME}?" + "&".join(
                    f"{k}={_quote(v)}" for k, v in query.items()
                ))  # fmt: skip
                page.wait_for_function("window.__done !== undefined")
                page.wait_for_load_state("networkidle")
                done = page.evaluate("window.__done")
                sent = log.take()
                loads.append(
                    MergeLoad(number, mode, float(done["ms"]),
                              sum(s.body + s.headers for s in sent), len(sent),
                              int(done["count"]))
                )  # fmt: skip
                context.close()
        browser.close()
    return loads


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def summary(loads: Sequence[MergeLoad], mode: str) -> tuple[float, float, float, float]:
    """(median ms, worst ms, median bytes, worst bytes) of one mode."""
    chosen = [x for x in loads if x.mode == mode]
    ms = [x.ms for x in chosen]
    sent = [float(x.sent) for x in chosen]
    return statistics.median(ms), max(ms), statistics.median(sent), max(sent)
