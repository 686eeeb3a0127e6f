"""Places in the cleaned lines of a document, shared by the readers of its parts.

The parts of a document do not always start on a line of their own (a scraper joins the
subject, the date and the salutation on one line), so the readers hand each other positions:
a line and a column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in the cleaned lines: line index and column."""

    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Found:
    """Something found on one line: where it starts and ends, and its text."""

    line: int
    start: int
    end: int
    text: str = ""


def next_nonblank(lines: Sequence[str], index: int) -> int | None:
    """The first line from ``index`` on that has text."""
    while index < len(lines):
        if lines[index]:
            return index
        index += 1
    return None


def skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index


def next_text(lines: Sequence[str], end: Position) -> Position:
    """The first character of text after ``end``."""
    line = lines[end.line] if end.line < len(lines) else ""
    rest = line[end.col :]
    if rest.strip():
        return Position(end.line, end.col + len(rest) - len(rest.lstrip()))
    index = next_nonblank(lines, end.line + 1)
    return Position(index, 0) if index is not None else Position(len(lines), 0)
