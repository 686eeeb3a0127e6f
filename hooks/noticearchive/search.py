"""The search index: one Pagefind record per notice, written beside the site.

The archive does not let Pagefind crawl the built site. It hands Pagefind one small HTML record
per notice, made from the notice itself: the title, the number (weighted so that a search for
"405/TB" finds that notice first), the text, and the metadata, filters and sort key of the
result list. Hub pages are never records, and Pagefind parses a few kilobytes per notice
instead of the whole themed page.

Pagefind (1.5) folds diacritics, but not đ/Đ, which have no Unicode decomposition: "quyet dinh"
would not find "Quyết định". Each record therefore ends with the words of the notice that hold
đ, written with d ("dịnh"), which Pagefind folds to what an unaccented query folds to.

The notices are indexed as several bundles, each one a run of consecutive years of at most
``search_bundle_size`` notices (a year is never split), newest first. Pagefind holds the whole
word index of what it indexes in memory (about a quarter of a megabyte a notice), so one index
of 100,000 notices would not fit in the memory of a build machine; ``search_jobs`` bundles are
indexed at a time, and the peak is that of as many of the largest bundles, whatever the size of
the archive. The search page searches the newest bundle first and shows its results while it
searches the others.

A search downloads one chunk of a bundle's word index for each word of its query. Each record
holds a few made-up words, the dividers of its bundle, that make Pagefind cut the index into
chunks of about the same size, which it does not do by itself for Vietnamese
(:mod:`.index_chunks`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .archive import Archive
from .crossref import CrossReferences, Status
from .index_chunks import (
    TARGET_LOCATIONS,
    Dividers,
    WordCount,
    plan_dividers,
    repeats_to_fill,
)
from .model import Notice
from .number_index import write_number_directory
from .render.context import Renderer, esc
from .urls import Urls
from .vietnamese import fold_d, format_short_date

BUNDLE_FOLDER = "pagefind"
"""Where the newest bundle of the index is written, relative to the site's root; older
bundles are written beside it, in ``pagefind-FIRST-LAST`` (see :func:`plan_bundles`)."""

FILTERS = ("agency", "type", "topic", "year")
"""Filter names. Pagefind reserves any, all, none and not."""

TEXT_MARK = "\u2063"
EVERY_NOTICE = "00000"
"""A word in every record and in no text: the search page lists notices by filters alone by
searching for it (Pagefind, asked for nothing, would read its whole index). Pagefind orders
its words by their bytes, and digits come before letters: the word comes first in its index
but for the rare words "0", "00"…, in the first chunk of it (see :func:`every_notice_repeats`)."""


def every_notice_repeats(pages: int) -> int:
    """How many times a record of a bundle of ``pages`` notices holds :data:`EVERY_NOTICE`:
    enough for the word to fill the first chunk of the bundle's index alone. A search by
    filters alone then downloads that chunk only, a few kilobytes, since the word stands at
    the start of every record (the same small locations, which compress well), instead of a
    chunk shared with common words (measured at 10,000 notices: 181-289 kB). Below about
    200 notices the word would need more than :data:`.index_chunks.MOST_REPEATS`: it is
    written once and shares its chunk, as each repeat also lengthens every record a little;
    such an index is small anyway."""
    return repeats_to_fill(pages) or 1


_D_WORD = re.compile(r"\w*đ\w*")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
_JOINED = re.compile(r"\w+(?:[./-]\w+)+")
"""Words joined by the punctuation of document numbers."""
_MARKDOWN_NOISE = re.compile(r"^[ \t]{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)|[*_`|]", re.M)


_RECORD_END = "</body></html>"


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """What Pagefind indexes for one notice."""

    url: str
    """Site-relative address of the notice page, with a leading slash."""
    html: str
    words: str = ""
    """The text Pagefind indexes (the record's text and metadata), counted to place the
    bundle's dividers (see :mod:`.index_chunks`)."""

    def divided(self, dividers: Dividers) -> SearchRecord:
        """The record with the bundle's dividers, in a metadata field of their own."""
        if not dividers.words:
            return self
        field = f'<span data-pagefind-meta="dividers:{dividers.text()}"></span>'
        return SearchRecord(self.url, self.html.removesuffix(_RECORD_END) + field + _RECORD_END)


def plain_text(markdown: str) -> str:
    """The body as text: Markdown markers removed, words and punctuation kept."""
    return _MARKDOWN_NOISE.sub("", markdown)


def d_words(*texts: str) -> list[str]:
    """Words that hold đ/Đ, spelled with d, each once, in order of first use; a word of a
    document number ("211/QĐ-UBND") comes with the whole number ("qd", "211/qd-ubnd"), which
    a number typed with D must match as a whole."""
    seen: dict[str, None] = {}
    for text in texts:
        # Only the distinct runs between spaces that hold đ are searched for words: a text
        # repeats most of its words, and a regular expression over all of it is twice as slow.
        for run in dict.fromkeys(text.lower().split()):
            if "đ" in run:
                words = _D_WORD.findall(run)
                for word in words:
                    seen.setdefault(fold_d(word), None)
                if "/" in run:  # a document number holds one
                    joined = _EDGE_PUNCTUATION.sub("", run)
                    if _JOINED.fullmatch(joined):
                        seen.setdefault(fold_d(joined), None)
    return list(seen)


def number_spellings(number: str) -> str:
    """The number, and again with d for đ if it holds one ("211/QĐ-UBND 211/QD-UBND")."""
    folded = fold_d(number)
    return number if folded == number else f"{number} {folded}"


def agency_chain(archive: Archive, notice: Notice) -> list[str]:
    """Filter values for the issuing body: its short name and those of its parents, so that
    choosing a parent body finds the notices of the bodies under it too."""
    agencies = [*archive.registry.ancestors(notice.agency), notice.agency]
    return [a.short_name for a in agencies]


def notice_record(
    archive: Archive,
    urls: Urls,
    notice: Notice,
    *,
    status: Status | None = None,
    repeats: int = 1,
) -> SearchRecord:
    """The record of one notice; ``status`` is shown in results when it is not "in force";
    ``repeats``: how many times it holds :data:`EVERY_NOTICE` (see
    :func:`every_notice_repeats`)."""
    text = plain_text(notice.body)
    meta = {
        "title": notice.title,
        "number": notice.number,
        "type": notice.doc_type.name,
        "agency": notice.agency.short_name,
        "date": format_short_date(notice.date),
    }
    if status is not None and status is not Status.IN_FORCE:
        meta["status"] = status.label
        meta["status_slug"] = status.slug
    filters: list[tuple[str, str]] = [("agency", a) for a in agency_chain(archive, notice)]
    filters += [("type", notice.doc_type.name), ("year", str(notice.year))]
    filters += [("topic", t.name) for t in notice.topics]
    extra = " ".join(d_words(notice.title, notice.summary or "", text, notice.agency.name))
    number = number_spellings(notice.number)
    heading = f"{notice.doc_type.name} · {notice.agency.name}"
    parts = [
        '<html lang="vi"><head><meta charset="utf-8"></head><body><main data-pagefind-body>',
        f"<p>{' '.join([EVERY_NOTICE] * repeats)}</p>",
        f"<h1>{esc(notice.title)}</h1>",
        # Weighted above the title: a search for the number must find the notice itself
        # before the notices that cite it.
        f'<p data-pagefind-weight="10">{esc(number)}</p>',
        f"<p>{esc(heading)}</p>",
    ]
    if notice.summary:
        parts.append(f"<p>{esc(notice.summary)}</p>")
    # The text is set between two invisible separators (U+2063), so that the search page can
    # quote the text alone in excerpts, not the header before it or the spelling aids after it.
    parts.append(f"<div>{TEXT_MARK} {esc(text)} {TEXT_MARK}</div>")
    if extra:
        parts.append(f'<p data-pagefind-weight="0.5">{esc(extra)}</p>')
    parts.append("</main>")
    parts += [f'<span data-pagefind-meta="{k}:{esc(v)}"></span>' for k, v in meta.items()]
    parts += [f'<span data-pagefind-filter="{k}:{esc(v)}"></span>' for k, v in filters]
    parts.append(f'<span data-pagefind-sort="date:{notice.date.isoformat()}"></span>')
    parts.append(_RECORD_END)
    words = [notice.title, number, heading, notice.summary or "", text, extra, *meta.values()]
    return SearchRecord("/" + urls.notice(notice), "".join(parts), " ".join(words))


def notice_records(
    archive: Archive,
    urls: Urls,
    links: CrossReferences | None = None,
    notices: Sequence[Notice] | None = None,
    *,
    target: int = TARGET_LOCATIONS,
) -> Iterator[SearchRecord]:
    """The records of ``notices`` (by default, every notice of the archive), one bundle, with
    dividers wherever a chunk of its index would hold more than ``target`` locations (see
    :mod:`.index_chunks` and :func:`chunk_target`)."""
    chosen = archive.notices if notices is None else notices
    repeats = every_notice_repeats(len(chosen))
    records = []
    count = WordCount()
    for notice in chosen:
        status = links.status_of(notice) if links is not None else None
        record = notice_record(archive, urls, notice, status=status, repeats=repeats)
        count.add(record.words)
        # Its words counted, the record is kept without them until the dividers are known;
        # the records with dividers are made one at a time, as they are written.
        records.append(SearchRecord(record.url, record.html))
    dividers = plan_dividers(count, len(records), target)
    for record in records:
        yield record.divided(dividers)


@dataclass(frozen=True, slots=True)
class SearchBundle:
    """One Pagefind index: the notices of a run of consecutive years."""

    first_year: int
    last_year: int
    count: int
    folder: str
    """Where it is written, relative to the site's root, without slashes."""

    def holds(self, notice: Notice) -> bool:
        return self.first_year <= notice.year <= self.last_year


OLDER_CHUNKS = 2
"""The chunks of an older bundle's index are cut at this many times the locations of the
newest's. The newest bundle is read by every search before it shows anything; the older ones
are read after the first results are shown, and they are the largest, whose Pagefind runs set
the memory a build needs: the dividers of the largest bundle at 10,000 notices (1,479) take
Pagefind from 405 MB to 507 MB at the newest's size of chunk, to 466 MB at twice that."""


def chunk_target(bundle: SearchBundle) -> int:
    """The locations a chunk of the bundle's index should hold at most (see
    :mod:`.index_chunks`)."""
    newest = bundle.folder == BUNDLE_FOLDER
    return TARGET_LOCATIONS if newest else TARGET_LOCATIONS * OLDER_CHUNKS


class Dated(Protocol):
    @property
    def year(self) -> int: ...


NEWEST_SHARE = 3
"""The newest bundle holds at most this fraction (1/3) of the bundle size: every search reads
it first and shows what it finds while it reads the others, so the smaller it is, the sooner
a reader sees results (and the fewer bytes a phone downloads before them)."""


def plan_bundles(notices: Sequence[Dated], size: int) -> tuple[SearchBundle, ...]:
    """Split the notices into runs of consecutive years, newest first: the newest of at most
    a third of ``size`` notices (see :data:`NEWEST_SHARE`), the others of at most ``size``; a
    year larger than that is a bundle of its own. The newest goes in :data:`BUNDLE_FOLDER`."""
    per_year = Counter(n.year for n in notices)
    runs: list[list[int]] = []
    for year in sorted(per_year, reverse=True):
        room = max(1, size // NEWEST_SHARE) if len(runs) == 1 else size
        if runs and sum(per_year[y] for y in runs[-1]) + per_year[year] <= room:
            runs[-1].append(year)
        else:
            runs.append([year])
    bundles = []
    for i, years in enumerate(runs):
        first, last = min(years), max(years)
        span = str(first) if first == last else f"{first}-{last}"
        folder = BUNDLE_FOLDER if i == 0 else f"{BUNDLE_FOLDER}-{span}"
        bundles.append(SearchBundle(first, last, sum(per_year[y] for y in years), folder))
    return tuple(bundles)


class SearchIndexError(Exception):
    """Pagefind could not be started or refused a record."""


_INDEXED = re.compile(r"Indexed (\d+) pages?")


def _pagefind() -> str:
    """The Pagefind binary of the ``pagefind-bin`` package."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError(
            "the Pagefind binary is not installed: install the package 'pagefind[bin]'"
        ) from None
    return str(get_executable())


def write_records(records: Iterable[SearchRecord], folder: Path) -> None:
    """Write the records as small HTML files, at their addresses, for Pagefind to read."""
    for record in records:
        path = folder / record.url.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record.html, encoding="utf-8")


RAM_FOLDER = Path("/dev/shm")
_RECORD_ROOM = 64 * 1024
"""Room kept for each record in a scratch folder in memory (records are a few kilobytes)."""


def scratch_parent(records: int) -> Path | None:
    """Where to write ``records`` records: in a memory-backed folder when the system has one
    with room for them, else in the system's temporary folder (``None``). Writing
    10,000 records measured 0.4 s in memory against 7-9 s on the disk of a build machine,
    where each record is a folder of its own to create and remove."""
    if not (RAM_FOLDER.is_dir() and os.access(RAM_FOLDER, os.W_OK)):
        return None
    free = shutil.disk_usage(RAM_FOLDER).free
    return RAM_FOLDER if free > records * _RECORD_ROOM else None


def scratch_folder(
    bundles: Sequence[SearchBundle], runs: int = 1
) -> tempfile.TemporaryDirectory[str]:
    """A scratch folder for the records of :func:`index_bundles`, which holds ``runs + 1``
    bundles' records at most (those Pagefind reads, and the next being written)."""
    largest = max((b.count for b in bundles), default=0)
    room = (max(1, runs) + 1) * largest
    return tempfile.TemporaryDirectory(prefix="notices-search-", dir=scratch_parent(room))


PAGEFIND_OPTIONS = ("--force-language", "vi")


def _pagefind_command(folder: Path, output: Path) -> list[str]:
    site = ["--site", str(folder), "--output-path", str(output.resolve())]
    return [_pagefind(), *site, *PAGEFIND_OPTIONS]


def _start(folder: Path, output: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        _pagefind_command(folder, output),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str], bundle: SearchBundle) -> int:
    """Wait for a Pagefind run; how many pages it indexed."""
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        tail = "\n".join((stderr or stdout).strip().splitlines()[-10:])
        raise SearchIndexError(
            f"Pagefind failed on the bundle {bundle.folder}/ (exit {process.returncode}):\n{tail}"
        )
    counted = _INDEXED.search(stdout)
    return int(counted.group(1)) if counted else 0


WEBASSEMBLY = "wasm.unknown.pagefind"
"""Pagefind's WebAssembly module in a bundle (for languages without a module of their own)."""
SHARED_WEBASSEMBLY = b"pagefind_dcd"
"""What an older bundle holds in place of the module: Pagefind's signature of a file it need
not decompress, and no bytes after it."""


def share_webassembly(bundle_dir: Path) -> None:
    """Replace an older bundle's WebAssembly module (68 kB, the same in every bundle) by
    :data:`SHARED_WEBASSEMBLY`. The search page sets up the newest bundle first, and Pagefind's
    loader, asked to load the module again, keeps the one it has and ignores the bytes (an
    instance set up first from such a bundle fails to load, with an error): a search of five
    bundles downloads the module once, not five times."""
    (bundle_dir / WEBASSEMBLY).write_bytes(SHARED_WEBASSEMBLY)


class BundleCache:
    """What Pagefind wrote for each bundle, kept between builds under a key made of the
    bundle's folder, its records and the Pagefind binary and options: a bundle whose records
    have not changed since a build (the older years, as a rule) is copied from here instead of
    indexed again. The folder keeps the bundles of the latest build only."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.reused = 0
        """How many bundles this build copied from the cache."""
        self._used: set[str] = set()
        # The binary (its path, size and time) and its options, not the folders, which
        # change with the build: a new Pagefind, or new options, index every bundle again.
        binary = _pagefind()
        found = Path(binary).stat()
        options = " ".join(PAGEFIND_OPTIONS)
        self._pagefind = f"{binary} {found.st_size} {int(found.st_mtime)} {options}"

    def key(self, bundle: SearchBundle, records: Sequence[SearchRecord]) -> str:
        digest = hashlib.sha256(f"{self._pagefind}\0{bundle.folder}\0".encode())
        for record in records:
            digest.update(f"{record.url}\0{record.html}\0".encode())
        key = digest.hexdigest()[:32]
        self._used.add(key)
        return key

    def restore(self, key: str, output: Path) -> bool:
        """Copy the bundle of ``key`` to ``output``, if the cache holds it. The cache only
        saves time: a bundle it cannot give (removed meanwhile by another build, say) is
        indexed."""
        kept = self.folder / key
        if not kept.is_dir():
            return False
        try:
            shutil.copytree(kept, output, dirs_exist_ok=True)
        except OSError:
            shutil.rmtree(output, ignore_errors=True)
            return False
        self.reused += 1
        return True

    def store(self, key: str, output: Path) -> None:
        """Keep a copy of what Pagefind wrote to ``output``; written beside, then renamed, so
        that a build stopped halfway never leaves a partial bundle under its key. A folder
        that cannot be written (a read-only checkout) keeps nothing."""
        partial = self.folder / f"{key}.partial-{os.getpid()}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copytree(output, partial)
            partial.rename(self.folder / key)
        except OSError:  # or another build stored it meanwhile
            shutil.rmtree(partial, ignore_errors=True)

    def prune(self) -> None:
        """Remove what this build did not use."""
        for entry in self.folder.iterdir() if self.folder.is_dir() else ():
            if entry.name not in self._used:
                shutil.rmtree(entry, ignore_errors=True)


def index_bundles(
    records_of: Callable[[SearchBundle], Iterable[SearchRecord]],
    bundles: Sequence[SearchBundle],
    scratch: Path,
    site_dir: Path,
    *,
    runs: int = 1,
    cache: BundleCache | None = None,
) -> int:
    """Index each bundle's records into its folder of ``site_dir``; how many were indexed.
    The records are written in ``scratch``, one folder per bundle, removed once indexed. A
    bundle the ``cache`` holds is copied from it instead.

    At most ``runs`` Pagefind processes run at a time, so the memory peak is that of the
    ``runs`` largest bundles; the records of the next bundle are written while they run.
    Pagefind compresses its files on one core, so two runs on a machine with two cores take
    about two thirds of the time of one run after the other. Pagefind runs as its own command
    over each folder: measured at 10,000 notices, its Python API (a service fed through a
    pipe) took a fifth longer for the same work."""
    indexed = 0
    running: list[tuple[subprocess.Popen[str], SearchBundle, Path, str]] = []

    def finish_oldest() -> int:
        process, bundle, folder, key = running.pop(0)
        count = _finish(process, bundle)
        shutil.rmtree(folder)
        if cache is not None:
            cache.store(key, site_dir / bundle.folder)
        return count

    try:
        for i, bundle in enumerate(bundles):
            records: Iterable[SearchRecord] = records_of(bundle)
            key = ""
            if cache is not None:
                records = list(records)  # held to make the key, then written
                key = cache.key(bundle, records)
                if cache.restore(key, site_dir / bundle.folder):
                    indexed += len(records)
                    continue
            folder = scratch / str(i)
            write_records(records, folder)
            del records
            while len(running) >= max(1, runs):
                indexed += finish_oldest()
            running.append((_start(folder, site_dir / bundle.folder), bundle, folder, key))
        while running:
            indexed += finish_oldest()
        for bundle in bundles[1:]:
            share_webassembly(site_dir / bundle.folder)
        if cache is not None:
            cache.prune()
    finally:
        for process, _bundle, _folder, _key in running:
            if process.poll() is None:
                process.kill()
                process.wait()
    return indexed


def index_notices(
    renderer: Renderer, scratch: Path, site_dir: Path, cache: Path | None = None
) -> tuple[int, float, int]:
    """Index every notice into its bundle (``renderer.search_bundles``) of ``site_dir``, the
    records written in ``scratch`` and the bundles kept in ``cache`` (see
    :class:`BundleCache`): how many were indexed, the seconds it took, and how many bundles
    were copied from the cache. A job the page-rendering worker runs as soon as it has
    rendered the notice pages, whatever the site engine still has to write."""
    started = time.perf_counter()
    archive = renderer.archive

    def records_of(bundle: SearchBundle) -> Iterator[SearchRecord]:
        chosen = [n for n in archive.notices if bundle.holds(n)]
        target = chunk_target(bundle)
        return notice_records(archive, renderer.urls, renderer.links, chosen, target=target)

    write_number_directory(archive.notices, site_dir)
    runs = renderer.settings.search_jobs
    kept = BundleCache(cache) if cache is not None else None
    bundles = renderer.search_bundles
    indexed = index_bundles(records_of, bundles, scratch, site_dir, runs=runs, cache=kept)
    return indexed, time.perf_counter() - started, kept.reused if kept is not None else 0
