"""Build benchmark: the archive against a plain Material site of the same pages.

Usage (from the project folder, with the project's virtual environment)::

    .venv/bin/python benchmarks/build_benchmark.py --n 1000 10000 [--runs 3]
        [--workdir DIR] [--keep] [--seed 2013] [--with-search] [--profile]

Why: an archive that takes much longer to build than the same pages in a plain MkDocs site
costs every editor's preview and every CI run, and one that holds every page in memory cannot
grow. Issue 2 sets the targets at N = 10,000 notices: the archive's build within 1.3× of the
baseline, peak memory under 1 GB, a notice page under 30 KB of HTML.

What it does, for each N:

1. Writes a synthetic archive of N notices (``benchmarks/synthetic.py``: 3–5 KB of Vietnamese
   each, 50 agencies, 30 topics, 15 years) under the work folder (default
   ``/tmp/notices-benchmark``; never inside the repository), and the same N pages as plain
   Markdown (a title heading and the same body).
2. Writes two ``mkdocs.yml``:

   - *archive*: the project's own ``mkdocs.yml`` (theme, overrides, hook, Markdown
     extensions, nav, ``extra.notices``) with its paths made absolute, ``extra.notices.dir``
     pointing at the generated notices and, unless ``--with-search``, ``search: false`` (the
     baseline has no search either);
   - *baseline*: plain MkDocs + Material (same theme settings with ``font: false``,
     ``plugins: []``, the same Markdown extensions), whose navigation lists five hub pages
     only; the notice pages are ``not_in_nav``, as the archive's are.

3. Builds each ``--runs`` times, alternating archive and baseline, each time
   ``python -m mkdocs build`` in a fresh subprocess with ``NO_MKDOCS_2_WARNING=1`` and an
   emptied ``site/``. It measures the wall time of the subprocess (Python start-up included,
   the same for both), its CPU time (user + system, less sensitive to a busy machine) and its
   peak memory (``ru_maxrss`` of the mkdocs process, from ``os.wait4``, and the peak of the
   summed PSS of it and its children, sampled from /proc every 0.1 s: the archive renders
   notice pages in a forked worker on the second core), and counts the warnings MkDocs printed.
4. Prints every run, then the medians: time, ratio, peak memory; and from the last build of
   each site the number of HTML pages, the median and largest notice page (the HTML file at
   ``<year>/<agency>/<number>/index.html``) and the size of the whole site.

``--profile`` then builds the archive once more under cProfile and prints where the time went:
the archive's own code (``hooks/noticearchive``, ``hooks/notices_hook.py``) against MkDocs,
Material, Jinja2 and Python-Markdown. Profiling slows a build about twofold; read its shares,
not its seconds.

The machine these numbers are taken on is shared and noisy: compare medians and the paired
ratio, and look at the individual runs. CPU time counts both cores: it is the work done, not
the time a build takes.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import os
import platform
import pstats
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.processes import TreeSampler  # noqa: E402
from benchmarks.synthetic import PLAIN_NAV, SyntheticArchive, generate  # noqa: E402

DEFAULT_WORKDIR = Path("/tmp/notices-benchmark")
NOTICE_PAGE = re.compile(r"^\d{4}/[^/]+/[^/]+/index\.html$")
"""A notice page of the default ``notice_url`` ({year}/{agency}/{number}/), in both sites."""
KIB = 1024
MIB = 1024 * 1024

TARGET_N = 10_000
TARGET_RATIO = 1.3
TARGET_RSS_MIB = 1024
TARGET_PAGE_KIB = 30


# --------------------------------------------------------------------------------------------
# Configurations


def _project_config() -> dict[str, Any]:
    text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        config = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        raise SystemExit(
            f"mkdocs.yml uses a YAML tag this benchmark cannot copy ({exc.problem}); "
            "extend build_benchmark.archive_config"
        ) from None
    if not isinstance(config, dict):
        raise SystemExit("mkdocs.yml is not a mapping")
    return config


def _archive_settings() -> set[str]:
    """Names of the archive's settings (``extra.notices``), to set only those that exist."""
    try:
        from noticearchive.settings import Settings
    except ImportError:  # pragma: no cover - the project is installed in its venv
        return set()
    return {f.name for f in dataclasses.fields(Settings)}


def _absolute(path: str) -> str:
    return str((REPO_ROOT / path).resolve())


def archive_config(site_dir: Path, *, search: bool) -> dict[str, Any]:
    """The project's mkdocs.yml, runnable from another folder, over the synthetic notices
    (``notices/`` beside the written file)."""
    config = copy.deepcopy(_project_config())
    config["docs_dir"] = _absolute(config.get("docs_dir", "docs"))
    config["site_dir"] = str(site_dir)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = _absolute(theme["custom_dir"])
    config["hooks"] = [_absolute(h) for h in config.get("hooks") or []]
    if config.get("INHERIT"):
        config["INHERIT"] = _absolute(config["INHERIT"])
    config.pop("watch", None)  # only `mkdocs serve` watches
    extra = config.setdefault("extra", {}) or {}
    config["extra"] = extra
    notices = dict(extra.get("notices") or {})
    notices["dir"] = "notices"
    # The sample sets a short page so that its few notices paginate; an archive of thousands
    # uses the default list length.
    notices.pop("page_size", None)
    if not search and "search" in _archive_settings():
        notices["search"] = False
    # A build is measured from scratch: the search index's bundles are never copied from an
    # earlier build's cache.
    if "search_cache" in _archive_settings():
        notices["search_cache"] = False
    extra["notices"] = notices
    return config


def baseline_config(site_dir: Path) -> dict[str, Any]:
    """Plain MkDocs + Material over the same pages: the project's theme settings and Markdown
    extensions, no hook, no plugin, a navigation of five pages."""
    project = _project_config()
    theme: dict[str, Any] = project.get("theme") or {}
    if not isinstance(theme, dict):
        theme = {"name": theme}
    plain_theme: dict[str, Any] = {"name": "material", "font": False}
    for key in ("language", "features", "palette"):
        if key in theme:
            plain_theme[key] = theme[key]
    return {
        "site_name": project.get("site_name", "Kho văn bản"),
        "docs_dir": "docs",
        "site_dir": str(site_dir),
        "theme": plain_theme,
        "plugins": [],
        "markdown_extensions": project.get("markdown_extensions", []),
        "nav": [{title: page} for title, page in PLAIN_NAV],
        # Notice pages are in no navigation, as in the archive (and MkDocs then does not list
        # 10,000 of them as "not included in the nav").
        "not_in_nav": "/[0-9][0-9][0-9][0-9]/\n",
        "extra": {"generator": False},
    }


def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )


# --------------------------------------------------------------------------------------------
# Running and measuring one build


@dataclass(frozen=True, slots=True)
class Run:
    kind: str
    number: int
    wall: float
    cpu: float
    rss_kib: int
    """Peak resident memory of the mkdocs process itself."""
    tree_kib: int
    """Peak of the summed PSS of the mkdocs process and its children (sampled)."""
    reported: float | None
    """MkDocs' own "Documentation built in X seconds" (without Python start-up)."""
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SiteStats:
    pages: int
    notice_pages: int
    notice_median: float
    notice_max: int
    largest_notice: str
    total: int


@dataclass(slots=True)
class Result:
    n: int
    generated: SyntheticArchive
    generation_seconds: float
    runs: list[Run] = field(default_factory=list)
    sites: dict[str, SiteStats] = field(default_factory=dict)

    def of(self, kind: str) -> list[Run]:
        return [r for r in self.runs if r.kind == kind]

    def median(self, kind: str, attribute: str) -> float:
        return float(statistics.median(getattr(r, attribute) for r in self.of(kind)))


_BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


def build(kind: str, number: int, config: Path, site_dir: Path, log: Path) -> Run:
    """One ``mkdocs build`` in a fresh process; its wall time, CPU time and peak memory."""
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=config.parent
        )
        sampler = TreeSampler(process.pid, interval=0.1)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        tail = "\n".join(text.splitlines()[-30:])
        raise SystemExit(f"{kind} build failed (exit {process.returncode}); {log}:\n{tail}")
    reported = _BUILT_IN.search(text)
    return Run(
        kind=kind,
        number=number,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_kib=usage.ru_maxrss,  # KiB on Linux
        tree_kib=sampler.peak_pss_kib,
        reported=float(reported.group(1)) if reported else None,
        warnings=tuple(line for line in text.splitlines() if line.startswith("WARNING")),
    )


def _files(folder: Path) -> Iterator[tuple[str, int]]:
    """Every file under the folder as (relative POSIX path, size)."""
    stack = [(folder, "")]
    while stack:
        current, prefix = stack.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((Path(entry.path), f"{prefix}{entry.name}/"))
                else:
                    yield f"{prefix}{entry.name}", entry.stat(follow_symlinks=False).st_size


def measure_site(site_dir: Path) -> SiteStats:
    pages = total = 0
    notices: list[tuple[int, str]] = []
    for path, size in _files(site_dir):
        total += size
        if path.endswith(".html"):
            pages += 1
            if NOTICE_PAGE.match(path):
                notices.append((size, path))
    largest = max(notices) if notices else (0, "")
    return SiteStats(
        pages=pages,
        notice_pages=len(notices),
        notice_median=statistics.median(s for s, _ in notices) if notices else 0.0,
        notice_max=largest[0],
        largest_notice=largest[1],
        total=total,
    )


# --------------------------------------------------------------------------------------------
# Profile


def _component(filename: str) -> str:
    """Which part of the build a profiled function belongs to."""
    if "/hooks/noticearchive/" in filename:
        return "archive: noticearchive"
    if filename.endswith("/hooks/notices_hook.py"):
        return "archive: notices_hook.py"
    for package in ("mkdocs", "material", "jinja2", "markdown", "yaml", "pymdownx", "babel"):
        if f"/site-packages/{package}/" in filename:
            return package
    if "site-packages" in filename:
        return "other packages"
    if filename.startswith("<") or filename == "~":
        return "built-ins (str, re, I/O…)"
    return "standard library"


_Stats = dict[tuple[str, int, str], tuple[Any, ...]]
"""pstats' table: (file, line, function) to (primitive calls, calls, self, inclusive, callers)."""

KEY_FUNCTIONS: tuple[tuple[str, str, str], ...] = (
    ("whole build", "mkdocs/commands/build.py", "build"),
    ("read + convert pages (_populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    ("  Python-Markdown convert()", "markdown/core.py", "convert"),
    ("template + write pages (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  Jinja2 render()", "jinja2/environment.py", "render"),
    ("  write_file()", "mkdocs/utils/__init__.py", "write_file"),
    ("archive hook: on_files", "hooks/notices_hook.py", "on_files"),
    ("archive hook: on_page_context", "hooks/notices_hook.py", "on_page_context"),
    ("archive hook: on_post_build", "hooks/notices_hook.py", "on_post_build"),
)
"""Functions whose inclusive time is compared between the two profiled builds."""


def profile_build(config: Path, site_dir: Path, out: Path) -> tuple[_Stats, float]:
    """Build once under cProfile; the profile's table and its total time."""
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build"]
    command += ["-f", str(config)]
    print(f"$ {shlex.join(command)}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=config.parent, env=env, stdout=subprocess.DEVNULL)
    print(f"  {time.perf_counter() - started:.1f} s wall with the profiler", flush=True)
    stats: _Stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values())
    return stats, total


def _inclusive(stats: _Stats, suffix: str, name: str) -> tuple[float, int]:
    """Inclusive time and calls of a function (its outermost calls only, for recursion)."""
    seconds, calls = 0.0, 0
    for (filename, _line, function), row in stats.items():
        if function == name and filename.endswith(suffix):
            seconds += row[3]
            calls += row[1]
    return seconds, calls


def print_profiles(
    archive: tuple[_Stats, float], baseline: tuple[_Stats, float], top: int = 15
) -> None:
    """Where the time went in each build, side by side, then the archive's own functions."""
    (a_stats, a_total), (b_stats, b_total) = archive, baseline
    components: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for column, stats in enumerate((a_stats, b_stats)):
        for (filename, _line, _name), row in stats.items():
            components[_component(filename)][column] += row[2]
    print("\nSelf time by component (profiled; the profiler roughly doubles times):")
    print(f"  {'component':<30} {'archive':>14} {'baseline':>14} {'difference':>11}")
    for name, (a, b) in sorted(components.items(), key=lambda item: -item[1][0]):
        print(
            f"  {name:<30} {a:7.1f} s {100 * a / a_total:4.0f}% "
            f"{b:7.1f} s {100 * b / b_total:4.0f}% {a - b:+9.1f} s"
        )
    print(
        f"  {'total':<30} {a_total:7.1f} s       {b_total:7.1f} s       {a_total - b_total:+9.1f} s"
    )

    print("\nInclusive time of key functions (profiled):")
    print(f"  {'':<40} {'archive':>20} {'baseline':>20}")
    for label, suffix, name in KEY_FUNCTIONS:
        (a, a_calls), (b, b_calls) = (
            _inclusive(a_stats, suffix, name),
            _inclusive(b_stats, suffix, name),
        )
        if a_calls or b_calls:
            print(f"  {label:<40} {a:7.1f} s {a_calls:>9,}× {b:7.1f} s {b_calls:>9,}×")

    def table(title: str, rows: list[tuple[tuple[str, int, str], tuple[Any, ...]]]) -> None:
        print(f"\n{title}")
        print(f"  {'inclusive':>9} {'self':>7} {'calls':>9}  function")
        for (filename, line, name), (_cc, nc, tt, ct, _callers) in rows[:top]:
            where = filename.replace(str(REPO_ROOT) + "/", "")
            where = re.sub(r".*/site-packages/", "", where)
            print(f"  {ct:8.2f}s {tt:6.2f}s {nc:9}  {name} ({where}:{line})")

    hooks = str(REPO_ROOT / "hooks")
    archive_rows = [item for item in a_stats.items() if item[0][0].startswith(hooks)]
    table("Archive functions by inclusive time:", sorted(archive_rows, key=lambda i: -i[1][3]))
    table("Archive functions by self time:", sorted(archive_rows, key=lambda i: -i[1][2]))
    table(
        "Archive build, all functions by self time:",
        sorted(a_stats.items(), key=lambda i: -i[1][2]),
    )


# --------------------------------------------------------------------------------------------
# Report


def _kib(size: float) -> str:
    return f"{size / KIB:.1f}"


def _mib(size: float) -> str:
    return f"{size / MIB:,.0f}"


def _print_run(run: Run) -> None:
    reported = f", mkdocs says {run.reported:.1f} s" if run.reported is not None else ""
    warnings = f", {len(run.warnings)} warning(s)" if run.warnings else ""
    print(
        f"  run {run.number} {run.kind:<8} {run.wall:7.1f} s wall, {run.cpu:7.1f} s CPU, "
        f"peak RSS {run.rss_kib / KIB:6.0f} MiB, with children (PSS) "
        f"{run.tree_kib / KIB:6.0f} MiB{reported}{warnings}",
        flush=True,
    )


def _environment() -> list[str]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    commit = "?"
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--", "hooks", "mkdocs.yml"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if changed:
            commit += " (with uncommitted or untracked files in hooks/ or mkdocs.yml)"
    return [
        f"repository {REPO_ROOT} at {commit}",
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}, Markdown {version('Markdown')}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}",
    ]


def _paired(result: Result, attribute: str) -> float:
    """Median of the per-run ratios archive/baseline: each pair ran back to back, so a load
    that comes and goes on a shared machine disturbs it less than the ratio of medians."""
    pairs = zip(result.of("archive"), result.of("baseline"), strict=True)
    return float(statistics.median(getattr(a, attribute) / getattr(b, attribute) for a, b in pairs))


def _spread(result: Result, kind: str) -> float:
    """(slowest − fastest) / median wall time of one site's runs: how noisy they were."""
    walls = [r.wall for r in result.of(kind)]
    return (max(walls) - min(walls)) / statistics.median(walls)


def print_tables(results: Sequence[Result], runs: int) -> None:
    print(f"\nMedians of {runs} run(s) each (wall time includes Python start-up):\n")
    header = (
        f"{'N':>7} | {'archive':>8} {'baseline':>8} {'ratio':>6} {'paired':>6} {'spread a/b':>10} "
        f"| {'CPU arch.':>9} {'CPU base':>8} {'ratio':>6} | {'mem arch.':>9} {'mem base':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        a_wall, b_wall = r.median("archive", "wall"), r.median("baseline", "wall")
        a_cpu, b_cpu = r.median("archive", "cpu"), r.median("baseline", "cpu")
        a_rss, b_rss = r.median("archive", "tree_kib"), r.median("baseline", "tree_kib")
        spread = f"{100 * _spread(r, 'archive'):.0f}%/{100 * _spread(r, 'baseline'):.0f}%"
        print(
            f"{r.n:>7,} | {a_wall:7.1f}s {b_wall:7.1f}s {a_wall / b_wall:5.2f}× "
            f"{_paired(r, 'wall'):5.2f}× {spread:>10} | {a_cpu:8.1f}s {b_cpu:7.1f}s "
            f"{a_cpu / b_cpu:5.2f}× | {a_rss / KIB:5.0f} MiB {b_rss / KIB:5.0f} MiB"
        )
    print(
        "  ratio: of the medians; paired: median of each run's archive/baseline; spread: "
        "(slowest − fastest) / median;\n  CPU: user + system time of the build and its children "
        "(the archive uses a second core, so its CPU time exceeds its wall time);\n  mem: peak "
        "of the summed PSS of the build's processes"
    )
    print("\nOutput of the last build of each site (KiB = 1,024 bytes):\n")
    header = (
        f"{'N':>7} | {'HTML pages':>10} {'notices':>8} {'hubs':>6} {'(base)':>7} | "
        f"{'notice page KiB':>15} {'(base)':>12} | {'site MiB':>8} {'(base)':>7}"
    )
    print(header)
    print(
        f"{'':>7} | {'':>10} {'':>8} {'':>6} {'':>7} | {'median / max':>15} {'median / max':>12} |"
    )
    print("-" * len(header))
    for r in results:
        a, b = r.sites["archive"], r.sites["baseline"]
        print(
            f"{r.n:>7,} | {a.pages:>10,} {a.notice_pages:>8,} {a.pages - a.notice_pages:>6,} "
            f"{b.pages:>7,} | {_kib(a.notice_median):>6} / {_kib(a.notice_max):<6} "
            f"{_kib(b.notice_median):>5} / {_kib(b.notice_max):<4} | "
            f"{_mib(a.total):>8} {_mib(b.total):>7}"
        )
    for r in results:
        a = r.sites["archive"]
        print(
            f"  N={r.n:,}: largest archive notice page {a.largest_notice} "
            f"({_kib(a.notice_max)} KiB)"
        )


def print_targets(results: Sequence[Result]) -> None:
    chosen = next((r for r in results if r.n == TARGET_N), None)
    if chosen is None:
        print(f"\n(Targets are set at N = {TARGET_N:,}; not measured in this run.)")
        return
    ratio = chosen.median("archive", "wall") / chosen.median("baseline", "wall")
    paired = _paired(chosen, "wall")
    cpu_ratio = chosen.median("archive", "cpu") / chosen.median("baseline", "cpu")
    rss = max(r.tree_kib for r in chosen.of("archive")) / KIB
    page = chosen.sites["archive"].notice_max / KIB

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT MET"

    print(f"\nTargets at N = {TARGET_N:,} (issue 2):")
    print(
        f"  build within {TARGET_RATIO}× the baseline (wall time): "
        f"{ratio:.2f}× ({verdict(ratio <= TARGET_RATIO)}), "
        f"paired {paired:.2f}× ({verdict(paired <= TARGET_RATIO)}); "
        f"CPU time, both cores: {cpu_ratio:.2f}×"
    )
    noisy = max(_spread(chosen, "archive"), _spread(chosen, "baseline"))
    if noisy > 0.2:
        print(
            f"    runs of one site differ by up to {100 * noisy:.0f}%: the machine was busy; "
            "compare the paired ratio and the individual runs"
        )
    print(f"  peak memory under 1 GB: {rss:.0f} MiB (largest run): {verdict(rss < TARGET_RSS_MIB)}")
    print(
        f"  notice page under {TARGET_PAGE_KIB} KB of HTML: largest {page:.1f} KiB: "
        f"{verdict(page < TARGET_PAGE_KIB)}"
    )


# --------------------------------------------------------------------------------------------
# Main


def _check_workdir(workdir: Path) -> Path:
    workdir = workdir.resolve()
    if workdir == REPO_ROOT or REPO_ROOT in workdir.parents:
        raise SystemExit(f"--workdir must be outside the repository ({REPO_ROOT})")
    return workdir


def benchmark(n: int, args: argparse.Namespace) -> Result:
    folder = args.workdir / f"n{n}"
    archive_dir, baseline_dir = folder / "archive", folder / "baseline"
    print(f"\n== N = {n:,} ({folder})", flush=True)
    started = time.perf_counter()
    made = generate(n, archive_dir / "notices", baseline_dir / "docs", seed=args.seed)
    elapsed = time.perf_counter() - started
    sizes = sorted(made.body_bytes)
    print(
        f"generated in {elapsed:.1f} s: {made.count:,} notices of {len(made.agency_ids)} "
        f"agencies, {len(made.topic_ids)} topics, {len(made.years)} years; bodies "
        f"{sizes[0]:,}–{sizes[-1]:,} bytes (median {statistics.median(sizes):,.0f}); "
        f"{made.mentions_local / n:.1f} mentions of other notices and "
        f"{made.mentions_national / n:.1f} of national documents per notice",
        flush=True,
    )
    configs = {
        "archive": (archive_dir / "mkdocs.yml", archive_dir / "site"),
        "baseline": (baseline_dir / "mkdocs.yml", baseline_dir / "site"),
    }
    _write_yaml(
        configs["archive"][0], archive_config(configs["archive"][1], search=args.with_search)
    )
    _write_yaml(configs["baseline"][0], baseline_config(configs["baseline"][1]))
    result = Result(n=n, generated=made, generation_seconds=elapsed)
    for number in range(1, args.runs + 1):
        for kind in ("archive", "baseline"):
            config, site = configs[kind]
            run = build(kind, number, config, site, folder / f"{kind}-{number}.log")
            result.runs.append(run)
            _print_run(run)
    for kind, (_config, site) in configs.items():
        result.sites[kind] = measure_site(site)
    warnings = sorted({w for r in result.of("archive") for w in r.warnings})
    if warnings:
        print(f"archive warnings ({len(warnings)} distinct, first 10):")
        for line in warnings[:10]:
            print(f"  {line}")
    if args.profile:
        print(f"\nProfiles at N = {n:,}:")
        profiles = [
            profile_build(config, site, folder / f"{kind}.prof")
            for kind, (config, site) in configs.items()
        ]
        print_profiles(profiles[0], profiles[1])
    if not args.keep:
        shutil.rmtree(folder)
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Time the archive's build against a plain Material site of the same pages.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--n",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="numbers of notices (default: %(default)s)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="builds of each site per N (default: 3)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=DEFAULT_WORKDIR,
        help="folder for the generated sites (default: %(default)s; never inside the repository)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the generated sources and sites afterwards"
    )
    parser.add_argument("--seed", type=int, default=2013, help="seed of the synthetic archive")
    parser.add_argument(
        "--with-search",
        action="store_true",
        help="keep the archive's search setting (default: search off, as in the baseline)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="then build the archive once more under cProfile and print where the time went",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.workdir = _check_workdir(args.workdir)
    if args.runs < 1 or any(n < 1 for n in args.n):
        raise SystemExit("--runs and --n must be at least 1")
    shown = sys.argv if argv is None else [sys.argv[0], *argv]
    python = sys.executable
    if Path(python).absolute().is_relative_to(Path.cwd()):
        python = os.path.relpath(python)
    print(f"$ {shlex.join([python, *shown])}")
    for line in _environment():
        print(line)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = [benchmark(n, args) for n in args.n]
    print_tables(results, args.runs)
    print_targets(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
