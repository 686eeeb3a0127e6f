"""Rendering notice pages on a second core while the site engine builds the rest.

Turning a notice's Markdown into HTML is most of the archive's own work, and it needs nothing
but the archive itself. A forked worker process renders the notice pages, in the order the
engine will ask for them, while the engine's single thread renders templates and writes files;
the engine then takes each page's HTML as it comes to it.

Forking is only safe from a single-threaded process (a thread holding a lock at the fork would
leave it held for ever in the child), so the worker is started only then: `mkdocs build` is,
`mkdocs serve` is not and renders every page in its own thread, as it always could.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import Pool
from typing import Any, TypeVar

from .render.context import RenderedPage, Renderer
from .site import SitePage

T = TypeVar("T")

CHUNK = 100
"""Pages a worker renders per batch: large enough to cost little to hand over, small enough
that the engine never waits long for the first."""

# What the worker renders, set just before forking: the child inherits it, nothing is pickled.
_work: tuple[Renderer, Sequence[SitePage]] | None = None


def _render_chunk(start: int) -> list[tuple[str, RenderedPage]]:
    assert _work is not None
    renderer, pages = _work
    return [(p.url, p.render(renderer.at(p.url))) for p in pages[start : start + CHUNK]]


def _run_job(job: Callable[..., T], args: tuple[Any, ...]) -> T:
    assert _work is not None
    return job(_work[0], *args)


class Prerenderer:
    """Pages rendered ahead in a worker process, handed out by address."""

    def __init__(self, renderer: Renderer, pages: Sequence[SitePage]) -> None:
        self._renderer = renderer
        self._pages = {p.url: p for p in pages}
        self._ready: dict[str, RenderedPage] = {}
        self._pool: Pool | None = None
        self._results: Iterator[list[tuple[str, RenderedPage]]] | None = None
        if len(pages) >= CHUNK and _can_fork():
            global _work
            _work = (renderer, pages)
            try:
                self._pool = multiprocessing.get_context("fork").Pool(1)
                self._results = self._pool.imap(_render_chunk, range(0, len(pages), CHUNK))
            finally:
                _work = None

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def render(self, page: SitePage) -> RenderedPage:
        """The page's HTML: from the worker if it renders this page, else rendered here."""
        if self._results is None or page.url not in self._pages:
            return page.render(self._renderer.at(page.url))
        while page.url not in self._ready:
            try:
                self._ready.update(next(self._results))
            except StopIteration:  # pragma: no cover - every planned page is in a batch
                return page.render(self._renderer.at(page.url))
        return self._ready.pop(page.url)

    def run_later(self, job: Callable[..., T], *args: Any) -> Callable[[], T]:
        """Run ``job(renderer, *args)`` in the worker once it has rendered the pages (without
        a worker: here, when its result is asked for); returns a function that waits for the
        job's result, once. The job must be a module-level function, which the worker finds by
        name."""
        if self._pool is None:
            renderer = self._renderer
            return lambda: job(renderer, *args)
        pending = self._pool.apply_async(_run_job, (job, args))
        return pending.get

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            self._results = None


def _can_fork() -> bool:
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and multiprocessing.cpu_count() > 1
    )
