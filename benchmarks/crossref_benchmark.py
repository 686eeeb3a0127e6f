"""What cross-referencing costs: its scaling, and its share of a full build.

usage: python benchmarks/crossref_benchmark.py [--n 1000 10000 50000] [--build 10000]
                                              [--runs 3] [--workdir DIR] [--keep]

1. For each N, generates a synthetic archive (benchmarks/synthetic.py: about five mentions of
   other documents per notice) and times, in this process, resolving every mention and
   relation (``cross_reference``), median of --runs; it prints the time per notice and per
   mention, which stay flat as N grows when the resolution is linear.
2. At N = --build, times full builds of the archive with ``cross_references`` on and off
   (search off in both), alternating, in fresh processes, and prints what cross-referencing
   adds to the build: wall time (the archive renders notice pages on a second core, where the
   links and relation lists are made) and CPU time (the work itself).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.build_benchmark import _write_yaml, archive_config, build  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402
from noticearchive.archive import load_archive  # noqa: E402
from noticearchive.crossref import cross_reference  # noqa: E402

AS_OF = date(2026, 1, 1)


def scaling(n: int, folder: Path, runs: int) -> None:
    generate(n, folder / "notices")
    archive, problems = load_archive(folder / "notices", root=folder)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        links = cross_reference(archive, as_of=AS_OF, problems=problems)
        times.append(time.perf_counter() - started)
    mentions = sum(len(refs) for refs in links.references.values())
    relations = sum(len(r) for r in links.relations_from.values())
    kinds = Counter(r.resolution.value for refs in links.references.values() for r in refs)
    median = statistics.median(times)
    print(
        f"N = {n:>7,}: {mentions:>7,} mentions ({dict(kinds)}), {relations:,} relations; "
        f"cross_reference {median:6.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)}); "
        f"{1e6 * median / n:5.0f} µs a notice, {1e6 * median / max(mentions, 1):4.0f} µs a mention",
        flush=True,
    )


def build_share(n: int, folder: Path, runs: int) -> None:
    generate(n, folder / "notices")
    configs = {}
    for label, enabled in (("with", True), ("without", False)):
        config = archive_config(folder / f"site-{label}", search=False)
        config["extra"]["notices"]["cross_references"] = enabled
        path = folder / f"mkdocs-{label}.yml"
        _write_yaml(path, config)
        configs[label] = path
    runs_by: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    for number in range(1, runs + 1):
        for label, path in configs.items():
            run = build(label, number, path, folder / f"site-{label}", folder / f"{label}.log")
            runs_by[label].append((run.wall, run.cpu))
            print(
                f"  run {number} {label:<7} cross-references: {run.wall:6.1f} s wall, "
                f"{run.cpu:6.1f} s CPU",
                flush=True,
            )
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs_by.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs_by.items()}
    print(
        f"N = {n:,}: full build with cross-references {wall['with']:.1f} s, without "
        f"{wall['without']:.1f} s: +{100 * (wall['with'] / wall['without'] - 1):.1f}% wall; "
        f"CPU {cpu['with']:.1f} s against {cpu['without']:.1f} s: "
        f"+{100 * (cpu['with'] / cpu['without'] - 1):.1f}% (target: at most +10%)"
    )
    # Runs next to each other share the machine's mood: their ratios are steadier.
    paired = [w / wo for (w, _), (wo, _) in zip(runs_by["with"], runs_by["without"], strict=True)]
    print(
        "  paired runs, with / without (wall): "
        + ", ".join(f"{r:.2f}" for r in paired)
        + f"; median {statistics.median(paired):.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--build", type=int, default=10000, help="N of the full builds (0: none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]), flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="notices-crossref-", dir=args.workdir))
    try:
        for n in args.n:
            scaling(n, scratch / f"n{n}", args.runs)
        if args.build:
            build_share(args.build, scratch / f"build{args.build}", args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
