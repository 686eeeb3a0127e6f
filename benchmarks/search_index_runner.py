"""Run the archive's own search indexing, alone, in a process of its own; print what it cost.

Usage (the search benchmark starts it; by hand from the project folder)::

    .venv/bin/python benchmarks/search_index_runner.py NOTICES_DIR SITE_DIR
        [--variant full] [--limit K] [--years 2010-2014] [--bundle-size 3000]

Why a process of its own: the benchmark compares the peak memory of the archive's indexing
step with that of a plain ``python -m pagefind --site`` run, which starts fresh. Measured
inside a ``mkdocs build``, the indexing step would share its process with everything the
build held before it. Here the process does what the MkDocs hook does after the build, and
nothing else: it loads the archive and resolves its cross-references (a notice's status is in
its record), then times what the rendering worker does (``index_notices``): it plans the
bundles (:func:`noticearchive.search.plan_bundles`) and has
:func:`noticearchive.search.index_bundles` write each bundle's records
(:func:`noticearchive.search.notice_records`, which this script may change first) to a scratch
folder, in memory where the system has room, and run Pagefind over them into
``SITE_DIR/pagefind*``, one bundle after another.

``--variant`` changes the records before they are written, to see what Pagefind's memory
depends on (see :data:`VARIANTS`); ``--limit`` indexes the first K notices only;
``--years`` indexes the notices of those years only; ``--bundle-size`` sets the most notices
in a bundle (a size above the archive's count gives one bundle).

The last line printed is a JSON object: counts, seconds and the peak resident memory of this
process and of its waited-for children (the Pagefind binary), from ``getrusage``.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from noticearchive.archive import load_archive
from noticearchive.crossref import cross_reference
from noticearchive.problems import Problems
from noticearchive.search import (
    TEXT_MARK,
    SearchBundle,
    SearchRecord,
    chunk_target,
    index_bundles,
    notice_records,
    plan_bundles,
    scratch_folder,
)
from noticearchive.settings import Settings
from noticearchive.urls import Urls

_TEXT = re.compile(f"<div>{TEXT_MARK} (.*?) {TEXT_MARK}</div>", re.S)
_D_WORDS = re.compile(r'<p data-pagefind-weight="0\.5">.*?</p>', re.S)
_TAGS = re.compile(r'<span data-pagefind-(?:meta|filter|sort)="[^"]*"></span>')


def _keep_text(html: str, change: Callable[[str], str]) -> str:
    return _TEXT.sub(lambda m: f"<div>{TEXT_MARK} {change(m.group(1))} {TEXT_MARK}</div>", html)


def _half(text: str) -> str:
    words = text.split(" ")
    return " ".join(words[: len(words) // 2])


def _title_number(html: str) -> str:
    """The record's head (title and number) with its metadata, filters and sort key, no text."""
    head, _sep, _rest = html.partition("</p>")  # the title heading, then the number paragraph
    tail = "".join(_TAGS.findall(html))
    return f"{head}</p></main>{tail}</body></html>"


VARIANTS: dict[str, Callable[[str], str]] = {
    "full": lambda html: html,
    "half-text": lambda html: _keep_text(html, _half),
    "double-text": lambda html: _keep_text(html, lambda t: f"{t} {t}"),
    "no-text": lambda html: _D_WORDS.sub("", _TEXT.sub("", html)),
    "title-number": _title_number,
    "no-filters": lambda html: _TAGS.sub("", html),
}
"""How the records may be changed before indexing, by name:

- ``full``: the archive's records as they are;
- ``half-text`` / ``double-text``: the notice's text cut to its first half / written twice
  (the same words: more word positions, no new vocabulary);
- ``no-text``: no text and no đ spelling aids: title, number, type, body name, summary;
- ``title-number``: the title and number only, with metadata, filters and sort key;
- ``no-filters``: the full record without metadata, filters and sort key.
"""


def _years(value: str) -> set[int]:
    first, _sep, last = value.partition("-")
    return set(range(int(first), int(last or first) + 1))


class _Counted:
    """Passes records through, counting them, their bytes and the seconds spent making and
    writing them (the scratch folder is written as they are taken)."""

    def __init__(self) -> None:
        self.count = 0
        self.bytes = 0
        self.seconds = 0.0

    def __call__(self, records: Iterable[SearchRecord]) -> Iterator[SearchRecord]:
        started = time.perf_counter()
        for record in records:
            self.count += 1
            self.bytes += len(record.html.encode("utf-8"))
            yield record
        self.seconds += time.perf_counter() - started


def run(
    notices_dir: Path,
    site_dir: Path,
    *,
    variant: str = "full",
    limit: int | None = None,
    years: set[int] | None = None,
    bundle_size: int = Settings().search_bundle_size,
    jobs: int = Settings().search_jobs,
) -> dict[str, float | int | str]:
    """Load, cross-reference, then index; the figures of the run (see the module's doc)."""
    started = time.perf_counter()
    archive, problems = load_archive(notices_dir, root=notices_dir.parent)
    if problems.errors:
        raise SystemExit(f"the archive has {len(problems.errors)} error(s)")
    links = cross_reference(archive, as_of=date.today(), problems=Problems(root=notices_dir))
    urls = Urls(Settings())
    loaded = time.perf_counter()

    change = VARIANTS[variant]
    chosen = [n for n in archive.notices[:limit] if years is None or n.year in years]
    bundles = plan_bundles(chosen, bundle_size)
    counted = _Counted()

    def records_of(bundle: SearchBundle) -> Iterator[SearchRecord]:
        mine = [n for n in chosen if bundle.holds(n)]
        for record in notice_records(archive, urls, links, mine, target=chunk_target(bundle)):
            yield SearchRecord(record.url, change(record.html))

    begin = time.perf_counter()
    with scratch_folder(bundles, jobs) as scratch:
        where = Path(scratch).parent
        indexed = index_bundles(
            lambda b: counted(records_of(b)), bundles, Path(scratch), site_dir, runs=jobs
        )
    end = time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "variant": variant,
        "records": counted.count,
        "record_bytes": counted.bytes,
        "indexed": indexed,
        "bundles": len(bundles),
        "largest_bundle": max((b.count for b in bundles), default=0),
        "scratch": str(where),
        "load_seconds": loaded - started,
        "index_seconds": end - begin,
        "records_seconds": counted.seconds,
        "self_maxrss_kib": own.ru_maxrss,
        "children_maxrss_kib": children.ru_maxrss,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Index a synthetic archive as the hook does.")
    parser.add_argument("notices", type=Path, help="the archive's notices folder")
    parser.add_argument("site", type=Path, help="the built site to write pagefind/ into")
    parser.add_argument("--variant", choices=sorted(VARIANTS), default="full")
    parser.add_argument("--limit", type=int, default=None, help="index the first K notices")
    parser.add_argument("--years", type=_years, default=None, help="e.g. 2010-2014")
    parser.add_argument(
        "--bundle-size",
        type=int,
        default=Settings().search_bundle_size,
        help="most notices in one bundle of the index (default: the archive's, %(default)s)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=Settings().search_jobs,
        help="Pagefind runs at the same time (default: the archive's, %(default)s)",
    )
    args = parser.parse_args(argv)
    result = run(
        args.notices,
        args.site,
        variant=args.variant,
        limit=args.limit,
        years=args.years,
        bundle_size=args.bundle_size,
        jobs=args.jobs,
    )
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
