"""The search benchmark's pieces, at a tiny N: they run, check what they promise, and print
the tables the issue asks for.

The benchmark's figures are only worth something if its checks hold: the archive's index must
hold exactly one page per notice across its bundles, a variant exactly the notices it was given, and
the report must carry every table (indexing beside the plain run, bundle split, browser cold
and warm, targets). A benchmark that breaks is found here in seconds, not after an hour's run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.search_benchmark import (
    BUNDLE_PARTS,
    bundle_sizes,
    fit,
    make_queries,
    run_archive_index,
)
from benchmarks.synthetic import generate

ROOT = Path(__file__).resolve().parents[1]

N = 40


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search-benchmark") / "notices"
    generate(N, folder, None, seed=5)
    return folder


def test_archive_index_holds_every_notice_once(notices: Path, tmp_path: Path) -> None:
    run = run_archive_index(1, notices, tmp_path / "site", tmp_path / "log", expected=N)
    assert run.pages == N == int(run.runner["indexed"]) == int(run.runner["records"])
    assert run.process.pagefind_kib > 0, "the Pagefind process, started from a thread, is seen"
    assert run.process.tree_kib >= run.process.pagefind_kib
    assert 0 < run.step <= run.process.wall
    sizes = bundle_sizes(tmp_path / "site")
    assert list(sizes) == list(BUNDLE_PARTS)
    assert sizes["fragment"][0] == N, "one fragment a notice"
    # A count that differs from the one expected stops the benchmark.
    with pytest.raises(SystemExit, match=f"holds {N} pages, not {N + 1}"):
        run_archive_index(1, notices, tmp_path / "site", tmp_path / "log", expected=N + 1)


def test_variants_index_what_they_are_given(notices: Path, tmp_path: Path) -> None:
    smaller = run_archive_index(
        1, notices, tmp_path / "a", tmp_path / "a.log", variant="title-number", limit=10
    )
    assert smaller.pages == 10
    full = run_archive_index(1, notices, tmp_path / "b", tmp_path / "b.log")
    assert int(smaller.runner["record_bytes"]) < int(full.runner["record_bytes"]) / 4
    # The benchmark counts a year's notices from the layout <year>/<agency>/<number>.md.
    first = min(int(p.parts[-3]) for p in notices.glob("*/*/*.md"))
    in_first = len(list(notices.glob(f"{first}/*/*.md")))
    year = run_archive_index(
        1, notices, tmp_path / "c", tmp_path / "c.log", years=(first, first), expected=in_first
    )
    assert 0 < year.pages < N
    assert fit([(1, 3), (2, 5), (3, 7)]) == pytest.approx((1, 2))


def test_archive_index_in_bundles(notices: Path, tmp_path: Path) -> None:
    run = run_archive_index(
        1, notices, tmp_path / "site", tmp_path / "log", bundle_size=N // 4, expected=N
    )
    assert int(run.runner["bundles"]) >= 4 and int(run.runner["largest_bundle"]) <= N // 4
    folders = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert folders[0] == "pagefind" and all(f.startswith("pagefind-") for f in folders[1:])
    assert bundle_sizes(tmp_path / "site")["fragment"][0] == N


def test_queries_come_from_the_archive(notices: Path) -> None:
    queries = make_queries(notices)
    assert len(queries) == 20
    numbers = {q.q for q in queries if q.kind.startswith("number")}
    texts = "\n".join(p.read_text(encoding="utf-8") for p in notices.glob("*/*/*.md"))
    assert all(number in texts or number.replace("D", "Đ") in texts for number in numbers)
    assert queries[-1].q == "" and queries[-1].params[0][0] == "year"
    assert "type=" in queries[16].query_string and "sort=newest" in queries[17].query_string


@pytest.mark.browser
def test_benchmark_prints_every_table(chromium: str, tmp_path: Path) -> None:
    # In a process of its own, as it is run: Playwright's synchronous API cannot start inside
    # the event loop the other browser tests leave running in this one.
    argv = ["--n", str(N), "--runs", "1", "--queries", "2", "--variants-at", "0"]
    argv += ["--workdir", str(tmp_path / "work"), "--chromium", chromium]
    script = ROOT / "benchmarks" / "search_benchmark.py"
    run = subprocess.run(
        [sys.executable, str(script), *argv], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = run.stdout
    assert out.startswith("$ ") and "Pagefind 1.5" in out
    for heading in ("Indexing, medians of 1 run(s)", "Index on disk", "Browser at N = 40"):
        assert heading in out
    # The plain site also has its hub pages and 404 page indexed.
    assert re.search(rf"^\s+{N} \| .* \| {N} / {N + 6} *$", out, re.M), "pages: archive / plain"
    rows = re.findall(r"^ ?(\d+) \S.*\|(?: +\d+){5} \|(?: +\d+){3} \|(?: +\d+){3} \| ", out, re.M)
    assert rows == ["1", "2"], "one row a query: cold, typed and warm"
    assert "typed: new context, empty cache" in out
    assert "Tìm thấy" in out or "Không tìm thấy" in out
    assert "Targets are set at N = 10,000" in out
    assert not (tmp_path / "work" / f"n{N}").exists(), "removed without --keep"
