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
from typing import Any, Protocol

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .references import Mention, find_mentions
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


class MentionLink(Protocol):
    """What each mention of a document in a body becomes."""

    probes: tuple[str, ...]
    """Strings of which a text holds one if it holds a mention that is turned into something
    (the numbers' beginnings, "1234/"): any other text is skipped without a scan."""

    def __call__(self, mention: Mention) -> tuple[str, dict[str, str]] | None:
        """A tag and its attributes (a link, a marked span), or None to leave it as text."""


_SKIP_TAGS = {"a", "code", "pre"}


class _Mentions(Treeprocessor):
    """Turns mentions of documents in the text into links (or marked spans)."""

    link: MentionLink | None = None

    def run(self, root: ET.Element) -> None:
        if self.link is not None:
            self._walk(root, self.link)

    def _walk(self, element: ET.Element, link: MentionLink) -> None:
        for child in list(element):
            if child.tag not in _SKIP_TAGS:
                self._walk(child, link)
        if element.tag in _SKIP_TAGS:
            return
        # Text before the first child, then the text after each child (its tail).
        split = self._split(element.text, link)
        if split is not None:
            element.text = split[0]
            for index, node in enumerate(split[1]):
                element.insert(index, node)
        for child in list(element):
            split = self._split(child.tail, link)
            if split is not None:
                child.tail = split[0]
                position = list(element).index(child) + 1
                for offset, node in enumerate(split[1]):
                    element.insert(position + offset, node)

    @staticmethod
    def _split(text: str | None, link: MentionLink) -> tuple[str, list[ET.Element]] | None:
        """The text before the first mention, and the new nodes (each carrying the text that
        follows it as its tail); None when nothing in the text is linked."""
        if not text or not any(probe in text for probe in link.probes):
            return None
        nodes: list[ET.Element] = []
        head = text
        cursor = 0
        for mention in find_mentions(text):
            made = link(mention)
            if made is None:
                continue
            tag, attributes = made
            node = ET.Element(tag, attributes)
            node.text = text[mention.start : mention.end]
            if nodes:
                nodes[-1].tail = text[cursor : mention.start]
            else:
                head = text[: mention.start]
            nodes.append(node)
            cursor = mention.end
        if not nodes:
            return None
        nodes[-1].tail = text[cursor:]
        return head, nodes


class _SafeBody(Extension):
    def __init__(self, mentions: _Mentions) -> None:
        super().__init__()
        self.mentions = mentions

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "notice_safe_links", 1)
        # After the inline patterns (20) and the table of contents (5).
        self.mentions.md = md
        md.treeprocessors.register(self.mentions, "notice_mentions", 3)


def _slug(value: str, separator: str) -> str:
    return slugify(value) or "muc"


class BodyRenderer:
    """Converts notice bodies; one Markdown instance is reused, which is much faster than
    building one per page."""

    def __init__(self) -> None:
        self._mentions = _Mentions()
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "footnotes", "toc", _SafeBody(self._mentions)],
            extension_configs={
                "toc": {
                    "slugify": _slug,
                    "permalink": "¶",
                    "permalink_title": "Liên kết tới mục này",
                }
            },
            output_format="html",
        )

    def render(self, text: str, *, link: MentionLink | None = None) -> RenderedBody:
        """HTML of a body; ``link`` says what each mention of a document becomes."""
        md = self._md
        md.reset()
        self._mentions.link = link
        try:
            html = md.convert(text)
        finally:
            self._mentions.link = None
        tokens: list[dict[str, Any]] = getattr(md, "toc_tokens", [])
        return RenderedBody(html, tuple(_heading(t) for t in tokens))


def _heading(token: dict[str, Any]) -> Heading:
    return Heading(
        level=token["level"],
        id=token["id"],
        title=token["name"],
        children=tuple(_heading(c) for c in token.get("children", ())),
    )
