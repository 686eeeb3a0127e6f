"""A static file server that compresses as a real static host does, and counts what it sends.

Why: the bytes a reader downloads depend on compression. GitHub Pages, Netlify and every CDN
send HTML, CSS, JavaScript, JSON and WebAssembly gzip-compressed when the browser asks for it;
Python's ``http.server`` never does, and measuring through it would overstate the cost of a
search page several times over. Pagefind's own chunks (``*.pf_index``, ``*.pf_fragment``,
``*.pf_filter``, ``*.pf_meta`` and ``wasm.*.pagefind``) are gzip files already, served as they
are (``application/octet-stream``), as a static host serves them.

The server also keeps a log of every response (path, bytes on disk, body bytes sent, header
bytes): a cross-check of what the browser reports, and the only view of requests that a
browser makes from a web worker, which the page's own network events may not show.
"""

from __future__ import annotations

import gzip
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
)
"""Content types a static host compresses (the rest, images and Pagefind's chunks, it does not)."""

CACHE_CONTROL = "max-age=600"
"""What GitHub Pages sends: a reused page may use its cache for ten minutes."""


@dataclass(frozen=True, slots=True)
class Sent:
    """One response, as the server sent it."""

    path: str
    status: int
    size: int
    """Bytes of the file on disk (0 for a redirect or an error)."""
    body: int
    """Bytes of the body sent (compressed when gzip was used)."""
    headers: int
    """Bytes of the status line and headers."""
    gzip: bool
    started: float = 0.0
    """``time.perf_counter()`` when the request was read (for a waterfall of a page load)."""
    finished: float = 0.0
    sent_at: float = 0.0
    """``time.time()`` when the response was sent: comparable with the browser's clock."""


class Log:
    """Responses sent, in order; thread-safe, cleared between measurements."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[Sent] = []

    def add(self, item: Sent) -> None:
        with self._lock:
            self._items.append(item)

    def take(self) -> list[Sent]:
        """The responses sent since the last call, and clear the log."""
        with self._lock:
            items, self._items = self._items, []
        return items


class _Cache:
    """Compressed bodies by path and modification time: a host compresses a file once, not on
    every request, so compression time must not count as the server's latency."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, tuple[float, bytes]] = {}

    def get(self, path: str) -> bytes:
        mtime = os.stat(path).st_mtime
        with self._lock:
            found = self._items.get(path)
        if found is not None and found[0] == mtime:
            return found[1]
        data = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        with self._lock:
            self._items[path] = (mtime, data)
        return data


class GzipHandler(SimpleHTTPRequestHandler):
    """``SimpleHTTPRequestHandler`` with gzip for compressible types, HTTP/1.1 keep-alive,
    a ``Cache-Control`` header, and a log of what it sent."""

    protocol_version = "HTTP/1.1"
    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def __init__(self, *args: Any, log: Log, cache: _Cache, **kwargs: Any) -> None:
        self._log, self._cache = log, cache
        self._header_bytes = 0
        self._started = 0.0
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_header(self, keyword: str, value: str) -> None:
        self._header_bytes += len(keyword) + len(str(value)) + 4
        super().send_header(keyword, value)

    def send_response(self, code: int, message: str | None = None) -> None:
        self._header_bytes = 0
        super().send_response(code, message)

    def end_headers(self) -> None:
        self._header_bytes += 2 + len(f"{self.protocol_version} 200 OK\r\n")
        super().end_headers()

    def do_GET(self) -> None:
        """Files, gzip-compressed when the type allows and the browser asks for it."""
        self._started = time.perf_counter()
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if os.path.isfile(path) and accepts and content_type.startswith(COMPRESSIBLE):
            body = self._cache.get(path)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            self.wfile.write(body)
            self._record(path, 200, os.path.getsize(path), len(body), gzip=True)
            return
        file = self.send_head()
        if file is None:
            self._record(path, 404 if not os.path.exists(path) else 301, 0, 0, gzip=False)
            return
        try:
            size = os.fstat(file.fileno()).st_size
            self.copyfile(file, self.wfile)
        finally:
            file.close()
        self._record(path, 200, size, size, gzip=False)

    def send_head(self) -> Any:
        """The base class's, with ``Cache-Control`` on files as well."""
        original = self.end_headers

        def end_headers() -> None:
            self.send_header("Cache-Control", CACHE_CONTROL)
            original()

        self.end_headers = end_headers  # type: ignore[method-assign]
        try:
            return super().send_head()
        finally:
            self.end_headers = original  # type: ignore[method-assign]

    def _record(self, path: str, status: int, size: int, body: int, *, gzip: bool) -> None:
        root = str(self.directory)
        relative = unquote(os.path.relpath(path, root)) if path.startswith(root) else path
        self._log.add(
            Sent(relative, status, size, body, self._header_bytes, gzip, self._started,
                 time.perf_counter(), time.time())
        )  # fmt: skip


@contextmanager
def serve(directory: Path) -> Iterator[tuple[str, Log]]:
    """Serve a folder on a free localhost port; yields the base URL and the response log."""
    log, cache = Log(), _Cache()
    handler = partial(GzipHandler, directory=str(directory), log=log, cache=cache)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()
