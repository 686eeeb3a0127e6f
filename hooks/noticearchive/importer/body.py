"""The content of a document as Markdown: paragraphs, lists, headings and tables.

Text exports break paragraphs in two ways: a scraper keeps one paragraph a line, a PDF
extraction wraps every line at the page width and adds page breaks. Lines are joined into
paragraphs by what the decree's layout makes certain: a line that starts in lower case
continues the one before; a line that starts a part (Chương, Mục, Điều), a point (1., a), -)
or a table row starts a new block; after a full stop the next line starts a paragraph.

Parts become headings, points become list items, tables stay pipe tables. Nothing is dropped:
every line given appears, joined but unchanged, in the Markdown (only list and emphasis
markup is added, and Markdown's own characters are escaped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .vocabulary import is_upper_text

_PART = re.compile(
    r"^(?P<kind>Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]+|\d+|thứ\s+\S+|THỨ\s+\S+)\b"
    r"|^(?P<article>Điều)\s+\d+[a-zđ]?(?=\s*[.:-](?!\d)|\s*$)"
)
_NUMBERED = re.compile(r"^\d{1,3}\.\s")
_POINT = re.compile(r"^(?:[a-zđ](?:\.\d+)?|\d{1,3})\)\s")
"""A lettered point "a) …", "đ) …", "a.1) …", or a number with a parenthesis "1) …"."""
_DASHED = re.compile(r"^[-–—+•]\s+")
_OTHER_START = re.compile(r"^(?:\d+(?:\.\d+)+\.?\s|[IVXLC]+\.\s|\[\d+\]|[“\"]\s*\S)")
"""Starts of blocks that stay paragraphs: "1.1.", "II.", a footnote "[1]", a quotation."""
_TABLE_ROW = re.compile(r"^\|")
_BROKEN_HYPHEN = re.compile(r"[\w/.]-$")
_ENDS_SENTENCE = re.compile(r"(?:[.;:!?]|\./\.|[.;:]\s*[”\"’)]+)$")
_ESCAPE = re.compile(r"([\\`*_])")
_MARKDOWN_START = re.compile(r"^[-+*>#]")
"""Text that Markdown would take for a list, quote, heading or rule if it started a block."""
_ORDERED_START = re.compile(r"^(\d+)\.(?=\s|$)")
_PART_ORDER = ("Phần", "Chương", "Mục", "Điều")
_TITLE_LINES = 3
_MAX_HEADING = 160
"""An article whose text is longer than this is a paragraph with the article in bold."""


@dataclass(slots=True)
class _Block:
    kind: str
    """paragraph, part, numbered, point, dashed, table or capitals."""
    lines: list[str]
    part: str | None = None


def to_markdown(lines: Sequence[str]) -> str:
    """The Markdown of the content lines (already cleaned: one space between words)."""
    blocks = _blocks(lines)
    levels = _heading_levels(blocks)
    rendered = [_render(block, levels) for block in blocks]
    return "\n\n".join(text for text in rendered if text) + ("\n" if rendered else "")


def _blocks(lines: Sequence[str]) -> list[_Block]:
    blocks: list[_Block] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        kind, part = _kind(line)
        current = blocks[-1] if blocks else None
        if current is not None and _continues(current, line, kind):
            current.lines.append(line)
        else:
            blocks.append(_Block(kind, [line], part))
    return blocks


def _kind(line: str) -> tuple[str, str | None]:
    part = _PART.match(line)
    if part:
        return "part", (part.group("kind") or part.group("article") or "").capitalize()
    for kind, pattern in (
        ("table", _TABLE_ROW),
        ("numbered", _NUMBERED),
        ("point", _POINT),
        ("dashed", _DASHED),
        ("other", _OTHER_START),
    ):
        if pattern.match(line):
            return ("paragraph" if kind == "other" else kind), None
    if is_upper_text(line) and len(line) <= _MAX_HEADING:
        return "capitals", None
    return "text", None


def _continues(block: _Block, line: str, kind: str) -> bool:
    """Whether ``line`` carries on the block (a wrapped line) rather than starting one."""
    previous = block.lines[-1]
    if block.kind == "table" or kind == "table":
        return block.kind == kind == "table"
    if kind == "dashed" and block.kind in ("text", "paragraph") and _wrapped_at_dash(previous):
        return True  # "Sở Lao động" / "- Thương binh": a line wrapped at a dash, not a list
    if kind != "text" and kind != "capitals":
        return False
    if line[0].islower():
        return True
    if block.kind == "part":  # a chapter's title in capitals, over a line or a few
        return kind == "capitals" and block.part != "Điều" and len(block.lines) <= _TITLE_LINES
    if kind == "capitals" or block.kind == "capitals":
        return kind == block.kind and not _ENDS_SENTENCE.search(previous)
    return not _ENDS_SENTENCE.search(previous)


def _wrapped_at_dash(previous: str) -> bool:
    """A line ending mid-sentence, so that a dash starting the next one is the dash of a
    compound ("kinh tế - xã hội", "2021 - 2025") rather than a list item."""
    return bool(previous) and not _ENDS_SENTENCE.search(previous) and previous[-1] != ","


def _join(lines: Sequence[str]) -> str:
    """Lines of one block as one line; a word broken after its hyphen ("E-" / "HSDST",
    "318/TTr-" / "STNMT") is joined back without a space."""
    text = lines[0]
    for line in lines[1:]:
        glue = "" if _BROKEN_HYPHEN.search(text) else " "
        text = f"{text}{glue}{line}"
    return text


def _heading_levels(blocks: Sequence[_Block]) -> dict[str, int]:
    """Heading level of each kind of part: the largest present is level 2."""
    present = [k for k in _PART_ORDER if any(b.part == k for b in blocks)]
    return {kind: min(2 + index, 6) for index, kind in enumerate(present)}


def _render(block: _Block, levels: dict[str, int]) -> str:
    if block.kind == "table":
        return "\n".join(block.lines)
    text = _escape(_join(block.lines))
    if block.kind == "part" and block.part is not None:
        return _render_part(text, block.part, levels)
    if block.kind == "point":
        return f"- {text}"
    if block.kind == "dashed":
        return "- " + _DASHED.sub("", text)
    if block.kind == "capitals":
        return f"**{text}**"
    if block.kind == "numbered":
        return text
    if _ORDERED_START.match(text):
        return _ORDERED_START.sub(r"\1\\.", text, count=1)  # "2018. …" is not a list item
    if _MARKDOWN_START.match(text):
        return "\\" + text
    return text


def _render_part(text: str, part: str, levels: dict[str, int]) -> str:
    """A heading, or for an article whose text follows its number, a paragraph led by it."""
    if part == "Điều" and (len(text) > _MAX_HEADING or _ENDS_SENTENCE.search(text)):
        match = re.match(r"^(Điều\s+\d+[a-zđ]?\s*[.:-]*)\s*(.*)$", text)
        if match and match.group(2):
            lead, rest = match.groups()
            return f"**{lead.strip()}** {rest}"
    return "#" * levels.get(part, 2) + " " + text


def _escape(text: str) -> str:
    """Markdown's emphasis and code characters shown as themselves."""
    return _ESCAPE.sub(r"\\\1", text) if any(c in text for c in "\\`*_") else text
