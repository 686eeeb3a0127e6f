"""Helpers for tests: small archives on disk, real MkDocs builds, and reading the output."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

AGENCIES = {
    "ubnd-tinh": {
        "name": "Ủy ban nhân dân tỉnh Hậu Giang",
        "short": "UBND tỉnh",
        "header": ["ỦY BAN NHÂN DÂN TỈNH HẬU GIANG"],
    },
    "vp-ubnd-tinh": {
        "name": "Văn phòng Ủy ban nhân dân tỉnh Hậu Giang",
        "short": "Văn phòng UBND tỉnh",
        "parent": "ubnd-tinh",
    },
    "so-y-te": {"name": "Sở Y tế tỉnh Hậu Giang", "short": "Sở Y tế", "parent": "ubnd-tinh"},
    "ubnd-vi-thanh": {
        "name": "Ủy ban nhân dân thành phố Vị Thanh",
        "short": "UBND TP. Vị Thanh",
        "parent": "ubnd-tinh",
    },
}
TOPICS = {
    "y-te": {"name": "Y tế"},
    "giao-duc": {"name": "Giáo dục"},
    "dat-dai": {"name": "Đất đai"},
}


def front_matter(**fields: Any) -> dict[str, Any]:
    """A complete, valid set of fields; keyword arguments replace or add (None removes)."""
    values: dict[str, Any] = {
        "number": "1/TB-UBND",
        "type": "thong-bao",
        "title": "Thông báo kết luận cuộc họp",
        "agency": "ubnd-tinh",
        "date": "2020-05-04",
        "place": "Hậu Giang",
        "topics": ["y-te"],
        "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Lê Văn A"},
        "recipients": ["Như trên;", "Lưu: VT."],
    }
    for key, value in fields.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    return values


def notice_text(body: str = "Nội dung thông báo./.", **fields: Any) -> str:
    dumped = yaml.safe_dump(front_matter(**fields), allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{body}\n"


@dataclass
class Build:
    site: Path
    log: list[logging.LogRecord] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.log if r.levelno == logging.WARNING]

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def exists(self, url: str) -> bool:
        return (self.site / url / "index.html").is_file()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Project:
    """A MkDocs project using the repository's theme, hook and docs, with its own notices."""

    root: Path

    @property
    def notices(self) -> Path:
        return self.root / "notices"

    @classmethod
    def create(cls, root: Path, *, page_size: int = 5, **settings: Any) -> Project:
        root.mkdir(parents=True)
        notices = root / "notices"
        notices.mkdir()
        dump = {"allow_unicode": True, "sort_keys": False}
        (notices / "agencies.yml").write_text(yaml.safe_dump(AGENCIES, **dump), encoding="utf-8")
        (notices / "topics.yml").write_text(yaml.safe_dump(TOPICS, **dump), encoding="utf-8")
        shutil.copy(REPO / "notices" / "types.yml", notices / "types.yml")
        shutil.copytree(REPO / "docs", root / "docs")
        project = cls(root)
        project.write_config(page_size=page_size, **settings)
        return project

    @classmethod
    def sample(cls) -> Project:
        """The repository itself (its mkdocs.yml and sample notices)."""
        return cls(REPO)

    def write_config(self, **settings: Any) -> None:
        config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        config["theme"]["custom_dir"] = str(REPO / "hooks" / "overrides")
        config["hooks"] = [str(REPO / "hooks" / "notices_hook.py")]
        config["watch"] = []
        config["extra"]["notices"] = {"dir": "notices", **settings}
        (self.root / "mkdocs.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    def add(self, relpath: str, text: str | bytes) -> Path:
        path = self.notices / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def add_notice(self, relpath: str, body: str = "Nội dung./.", **fields: Any) -> Path:
        return self.add(relpath, notice_text(body, **fields))

    def build(self, *, site_dir: Path | None = None, strict: bool = False) -> Build:
        """Build in this process, as `mkdocs build` would, collecting every log record."""
        site = site_dir or self.root / "site"
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site), strict=strict)
        handler = _Collect()
        logger = logging.getLogger("mkdocs")
        level = logger.level
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
        try:
            build(config)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
        return Build(site, handler.records)

    def run_mkdocs(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`mkdocs build` in a child process, to see what a user sees on the terminal."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append((tag, values[name] or ""))


def page_links(html: str) -> list[tuple[str, str]]:
    """(tag, href or src) for every link and resource of a page."""
    parser = _Links()
    parser.feed(html)
    return parser.links


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def broken_links(site: Path) -> list[str]:
    """Internal links and resources that lead to no file of the built site."""
    broken = []
    for page in html_pages(site):
        for _tag, link in page_links(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            # Only 404.html uses root-absolute links (it is served at any depth).
            base = site if path.startswith("/") else page.parent
            target = (base / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


class _Items(HTMLParser):
    """Hrefs of notice titles in lists (class na-item__title)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("class") == "na-item__title":
            self.hrefs.append(values.get("href") or "")


def listed_notices(site: Path, url: str) -> list[str]:
    """Site-relative addresses of the notices a list page shows, in order."""
    parser = _Items()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    base = (site / url).resolve()
    result = []
    for href in parser.hrefs:
        target = (base / href).resolve()
        result.append(target.relative_to(site.resolve()).as_posix() + "/")
    return result


def listed_in_all_pages(site: Path, url: str) -> list[str]:
    """The notices of a list over all its pages (trang-2/, trang-3/…)."""
    result = listed_notices(site, url)
    page = 2
    while (site / url / f"trang-{page}" / "index.html").is_file():
        result += listed_notices(site, f"{url}trang-{page}/")
        page += 1
    return result


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None
