"""Turning a notice body (Markdown) into safe HTML.

A body must not be able to inject HTML or script into the site: raw HTML is not passed through
(Python-Markdown's raw-HTML handlers are removed, so a tag is escaped and shown as text), links
with script schemes lose their target, and images may only be files of the site itself, so
that a reader's browser never asks a third party for anything.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .vietnamese import slugify

_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|tel:|#|\.{0,2}/|[^:]*$)", re.IGNORECASE)
_LOCAL = re.compile(r"^(?:#|\.{0,2}/|[^:/]*(?:/|$))")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of the body, for the page's table of contents."""

    level: int
    id: str
    title: str
    children: tuple[Heading, ...]


@dataclass(frozen=True, slots=True)
class RenderedBody:
    html: str
    headings: tuple[Heading, ...]


class _SafeLinks(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = (element.get("href") or "").strip()
                if not _SAFE_SCHEME.match(href):
                    del element.attrib["href"]
                elif href.startswith(("http://", "https://")):
                    element.set("rel", "noopener nofollow")
            elif element.tag == "img":
                src = (element.get("src") or "").strip()
                if not _LOCAL.match(src) or src.startswith("//"):
                    # Replace the image by its description: fetching it would tell a third
                    # party that someone is reading this notice.
                    element.tag = "span"
                    element.text = element.get("alt") or ""
                    element.attrib.clear()


class _SafeBody(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "notice_safe_links", 1)


def _slug(value: str, separator: str) -> str:
    return slugify(value) or "muc"


class BodyRenderer:
    """Converts notice bodies; one Markdown instance is reused, which is much faster than
    building one per page."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "footnotes", "toc", _SafeBody()],
            extension_configs={
                "toc": {
                    "slugify": _slug,
                    "permalink": "¶",
                    "permalink_title": "Liên kết tới mục này",
                }
            },
            output_format="html",
        )

    def render(self, text: str) -> RenderedBody:
        md = self._md
        md.reset()
        html = md.convert(text)
        tokens: list[dict[str, Any]] = getattr(md, "toc_tokens", [])
        return RenderedBody(html, tuple(_heading(t) for t in tokens))


def _heading(token: dict[str, Any]) -> Heading:
    return Heading(
        level=token["level"],
        id=token["id"],
        title=token["name"],
        children=tuple(_heading(c) for c in token.get("children", ())),
    )
