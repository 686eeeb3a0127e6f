"""What every renderer needs: the archive, the URL rules and the address of the page being made."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from ..archive import Archive
from ..crossref import CrossReferences
from ..markdown_body import BodyRenderer, Heading
from ..model import Notice
from ..settings import Settings
from ..urls import Urls, relative_url

if TYPE_CHECKING:
    from ..search import SearchBundle


def esc(text: object) -> str:
    """HTML-escape any value shown as text or placed in an attribute."""
    return escape(str(text), quote=True)


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A page's main content as an HTML fragment, with the headings for its contents panel."""

    html: str
    headings: tuple[Heading, ...] = ()


@dataclass(slots=True)
class Renderer:
    """Shared state for rendering the pages of one build."""

    archive: Archive
    settings: Settings
    urls: Urls
    links: CrossReferences | None = None
    """Resolved references and relations; without them pages show no cross-references."""
    directory_urls: bool = True
    search_bundles: tuple[SearchBundle, ...] = ()
    """The bundles of the search index, newest first (none when search is off)."""
    body: BodyRenderer = field(default_factory=BodyRenderer)
    link_texts: dict[Notice, str] = field(default_factory=dict)
    """The escaped text of links to notices, which many pages repeat."""

    def at(self, page_url: str) -> PageContext:
        return PageContext(self, page_url)


@dataclass(frozen=True, slots=True)
class PageContext:
    """Rendering one page: links are made relative to its address."""

    renderer: Renderer
    url: str

    def href(self, target: str) -> str:
        return esc(relative_url(target, self.url, directory_urls=self.renderer.directory_urls))

    def link(self, target: str, text: str, *, cls: str | None = None) -> str:
        attr = f' class="{cls}"' if cls else ""
        return f'<a href="{self.href(target)}"{attr}>{esc(text)}</a>'

    @property
    def archive(self) -> Archive:
        return self.renderer.archive

    @property
    def urls(self) -> Urls:
        return self.renderer.urls
