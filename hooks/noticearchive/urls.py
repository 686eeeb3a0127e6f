"""Where every page of the archive lives.

Addresses are site-relative, directory-style paths without a leading slash ("co-quan/x/"; the
home page is ""). Pages link to each other with relative hrefs, so the site works from any
sub-path (a project site at /archive/) and from a folder on disk.
"""

from __future__ import annotations

from .model import Attachment, Notice
from .settings import Settings

AGENCIES = "co-quan/"
TOPICS = "linh-vuc/"
TYPES = "loai/"
TIMELINE = "nam/"
SEARCH = "tim-kiem/"
ASSETS = "assets/archive/"
"""The archive's stylesheet and scripts (from the package's assets/ folder)."""
HOME = ""


def _paged(base: str, page: int) -> str:
    return base if page <= 1 else f"{base}trang-{page}/"


class Urls:
    """The URL rule for each kind of page."""

    def __init__(self, settings: Settings) -> None:
        self._notice_format = settings.notice_url
        self._notices: dict[Notice, str] = {}

    def notice(self, notice: Notice) -> str:
        # Asked for again and again (every list, relation and link names notices): made once.
        url = self._notices.get(notice)
        if url is None:
            url = self._notices[notice] = (
                self._notice_format.format(
                    year=notice.year,
                    agency=notice.agency.id,
                    number=notice.number_slug,
                    type=notice.doc_type.id,
                )
                + "/"
            )
        return url

    def attachment(self, notice: Notice, attachment: Attachment) -> str:
        return self.notice(notice) + attachment.path

    @staticmethod
    def agency(agency_id: str, page: int = 1) -> str:
        return _paged(f"{AGENCIES}{agency_id}/", page)

    @staticmethod
    def topic(topic_id: str, page: int = 1) -> str:
        return _paged(f"{TOPICS}{topic_id}/", page)

    @staticmethod
    def doc_type(type_id: str, page: int = 1) -> str:
        return _paged(f"{TYPES}{type_id}/", page)

    @staticmethod
    def year(year: int, page: int = 1) -> str:
        return _paged(f"{TIMELINE}{year}/", page)

    @staticmethod
    def month(year: int, month: int, page: int = 1) -> str:
        """A month is a section of its year's list: the page where it begins, at its heading."""
        return f"{_paged(f'{TIMELINE}{year}/', page)}#{month_anchor(month)}"


def month_anchor(month: int) -> str:
    return f"thang-{month:02d}"


def source_uri(url: str) -> str:
    """The file a page is written from, for engines that map sources to addresses:
    "co-quan/x/" comes from "co-quan/x/index.md"."""
    return f"{url}index.md"


def relative_url(target: str, base: str, *, directory_urls: bool = True) -> str:
    """The href that leads from the page at ``base`` to ``target`` (both site-relative).

    Written out rather than with posixpath.relpath, which is several times slower and is
    called for every link of every page."""
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    base_parts = base.split("/")[:-1]  # the folder of the page: "a/b/" -> ["a", "b"]
    target_parts = target.split("/")
    common = 0
    limit = min(len(base_parts), len(target_parts) - 1)
    while common < limit and base_parts[common] == target_parts[common]:
        common += 1
    relative = "../" * (len(base_parts) - common) + "/".join(target_parts[common:])
    if not relative:
        relative = "./"
    if not directory_urls and (target.endswith("/") or target == ""):
        relative += "index.html"
    return relative + fragment
