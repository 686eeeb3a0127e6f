"""The search index: one Pagefind record per notice, written beside the site.

The archive does not let Pagefind crawl the built site. It hands Pagefind one small HTML record
per notice, made from the notice itself: the title, the number (weighted so that a search for
"405/TB" finds that notice first), the text, and the metadata, filters and sort key of the
result list. Hub pages are never records, and Pagefind parses a few kilobytes per notice
instead of the whole themed page.

Pagefind (1.5) folds diacritics, but not đ/Đ, which have no Unicode decomposition: "quyet dinh"
would not find "Quyết định". Each record therefore ends with the words of the notice that hold
đ, written with d ("dịnh"), which Pagefind folds to what an unaccented query folds to.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .archive import Archive
from .crossref import CrossReferences, Status
from .model import Notice
from .render.context import Renderer, esc
from .urls import Urls
from .vietnamese import fold_d, format_short_date

BUNDLE_FOLDER = "pagefind"
"""Where the index is written, relative to the site's root."""

FILTERS = ("agency", "type", "topic", "year")
"""Filter names. Pagefind reserves any, all, none and not."""

TEXT_MARK = "\u2063"
EVERY_NOTICE = "zzvanban"
"""A word in every record and in no text: the search page lists notices by filters alone by
searching for it (Pagefind, asked for nothing, would read its whole index)."""
_D_WORD = re.compile(r"\b\w*[đĐ]\w*")  # from word starts only: a third quicker
_MARKDOWN_NOISE = re.compile(r"^[ \t]{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)|[*_`|]", re.M)


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """What Pagefind indexes for one notice."""

    url: str
    """Site-relative address of the notice page, with a leading slash."""
    html: str


def plain_text(markdown: str) -> str:
    """The body as text: Markdown markers removed, words and punctuation kept."""
    return _MARKDOWN_NOISE.sub("", markdown)


def d_words(*texts: str) -> list[str]:
    """Words that hold đ/Đ, spelled with d, each once, in order of first use."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _D_WORD.findall(text):
            seen.setdefault(fold_d(word).lower(), None)
    return list(seen)


def agency_chain(archive: Archive, notice: Notice) -> list[str]:
    """Filter values for the issuing body: its short name and those of its parents, so that
    choosing a parent body finds the notices of the bodies under it too."""
    agencies = [*archive.registry.ancestors(notice.agency), notice.agency]
    return [a.short_name for a in agencies]


def notice_record(
    archive: Archive, urls: Urls, notice: Notice, *, status: Status | None = None
) -> SearchRecord:
    """The record of one notice; ``status`` is shown in results when it is not "in force"."""
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
    parts = [
        '<html lang="vi"><head><meta charset="utf-8"></head><body><main data-pagefind-body>',
        f"<h1>{esc(notice.title)}</h1>",
        # Weighted above the title: a search for the number must find the notice itself
        # before the notices that cite it.
        f'<p data-pagefind-weight="10">{esc(notice.number)}</p>',
        f"<p>{esc(notice.doc_type.name)} · {esc(notice.agency.name)}</p>",
    ]
    if notice.summary:
        parts.append(f"<p>{esc(notice.summary)}</p>")
    # The text is set between two invisible separators (U+2063), so that the search page can
    # quote the text alone in excerpts, not the header before it or the spelling aids after it.
    parts.append(f"<div>{TEXT_MARK} {esc(text)} {TEXT_MARK}</div>")
    if extra:
        parts.append(f'<p data-pagefind-weight="0.5">{esc(extra)}</p>')
    parts.append(f"<p>{EVERY_NOTICE}</p>")
    parts.append("</main>")
    parts += [f'<span data-pagefind-meta="{k}:{esc(v)}"></span>' for k, v in meta.items()]
    parts += [f'<span data-pagefind-filter="{k}:{esc(v)}"></span>' for k, v in filters]
    parts.append(f'<span data-pagefind-sort="date:{notice.date.isoformat()}"></span>')
    parts.append("</body></html>")
    return SearchRecord("/" + urls.notice(notice), "".join(parts))


def notice_records(
    archive: Archive, urls: Urls, links: CrossReferences | None = None
) -> Iterator[SearchRecord]:
    for notice in archive.notices:
        status = links.status_of(notice) if links is not None else None
        yield notice_record(archive, urls, notice, status=status)


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


def index_folder(folder: Path, site_dir: Path) -> int:
    """Run Pagefind over a folder of records, writing the bundle to ``site_dir/pagefind``;
    returns how many pages it indexed.

    Pagefind runs as its own command over the whole folder: measured at 10,000 notices, its
    Python API (a service fed through a pipe) took a fifth longer for the same work."""
    output = site_dir / BUNDLE_FOLDER
    command = [
        _pagefind(),
        "--site",
        str(folder),
        "--output-path",
        str(output.resolve()),
        "--force-language",
        "vi",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-10:])
        raise SearchIndexError(f"Pagefind failed (exit {result.returncode}):\n{tail}")
    counted = _INDEXED.search(result.stdout)
    return int(counted.group(1)) if counted else 0


def index_notices(renderer: Renderer, folder: Path, site_dir: Path) -> tuple[int, float]:
    """Write every notice's record into ``folder`` and index them into ``site_dir/pagefind``:
    how many were indexed, and the seconds it took. A job the page-rendering worker runs as
    soon as it has rendered the notice pages, whatever the site engine still has to write."""
    started = time.perf_counter()
    write_records(notice_records(renderer.archive, renderer.urls, renderer.links), folder)
    return index_folder(folder, site_dir), time.perf_counter() - started
