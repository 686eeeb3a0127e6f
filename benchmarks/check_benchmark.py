"""Time `notices check` over a synthetic archive of N notices (the target: 2 s at 1,000).

usage: python benchmarks/check_benchmark.py [--n 1000 10000] [--runs 5] [--workdir DIR]

Generates the archive with benchmarks/synthetic.py (outside the repository), then runs the
installed `notices check` command in a fresh process each time, as staff and pre-commit hooks
run it, and prints every run and the median wall time (Python start-up included).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.synthetic import generate  # noqa: E402

TARGET_N, TARGET_SECONDS = 1000, 2.0


def time_check(folder: Path) -> float:
    notices = Path(sys.executable).parent / "notices"
    started = time.perf_counter()
    result = subprocess.run(
        [str(notices), "check", "--dir", str(folder)], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"notices check failed:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    with tempfile.TemporaryDirectory(prefix="notices-check-", dir=args.workdir) as scratch:
        for n in args.n:
            folder = Path(scratch) / f"n{n}" / "notices"
            generate(n, folder)
            times = [time_check(folder) for _ in range(args.runs)]
            runs = ", ".join(f"{t:.2f}" for t in times)
            median = statistics.median(times)
            print(f"N = {n:,}: notices check median {median:.2f} s over {args.runs} runs ({runs})")
            if n == TARGET_N:
                verdict = "met" if median <= TARGET_SECONDS else "NOT MET"
                print(f"  target: {TARGET_SECONDS:.0f} s at {TARGET_N:,} notices: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
