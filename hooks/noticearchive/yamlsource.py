"""Reading source files: UTF-8 text, front matter, and YAML that remembers its line numbers.

PyYAML reports positions relative to the string it parses; every function here takes the line
on which that string starts in its file, so that messages point at the file's own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .vietnamese import nfc

_BaseLoader: type[yaml.SafeLoader]
try:  # libyaml is five to ten times faster; the pure-Python loader gives the same results.
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _SourceLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loading, except that dates stay strings: the archive parses them itself, so that an
    impossible date such as 2013-02-30 gets a message with its line instead of a traceback."""


_SourceLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class SourceError(Exception):
    """A source that cannot be read at all; carries the line when there is one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(slots=True)
class LocatedMapping:
    """A YAML mapping with the line of each key and of each item of list values."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    """For keys whose value is a list: the line of each item."""
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    """Keys given twice, with the line of the repeat (YAML would silently keep the last)."""
    line: int = 1
    """Line of the mapping itself."""


def read_text(path: Path) -> str:
    """The file as NFC text with LF line ends; a byte-order mark is accepted and dropped."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            "the file is not UTF-8 text (byte "
            f"0x{data[exc.start]:02x} cannot be decoded); save it again as UTF-8",
            line,
        ) from None
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True, slots=True)
class SplitSource:
    front_matter: str
    body: str
    body_line: int
    """Line of the file on which the body starts."""


def split_front_matter(text: str) -> SplitSource:
    """Separate the YAML front matter (between two ``---`` lines) from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(
            "the file does not start with a front matter block: its first line must be '---', "
            "followed by the fields (number, type, title…) and another '---' line",
            1,
        )
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return SplitSource(front, body, index + 2)
    raise SourceError(
        "the front matter block is not closed: add a line '---' after the last field", 1
    )


def load_mapping(text: str, *, first_line: int, what: str) -> LocatedMapping:
    """Parse YAML text that must be a mapping; ``first_line`` is its first line in the file."""
    loader = _SourceLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LocatedMapping(line=first_line)
        if not isinstance(node, yaml.MappingNode):
            raise SourceError(
                f"{what} must be a set of 'key: value' lines, not a {_node_kind(node)}",
                node.start_mark.line + first_line,
            )
        return _located(loader, node, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else first_line
        problem = exc.problem or exc.context or "cannot be parsed"
        raise SourceError(
            f"malformed YAML in {what}: {problem}. Quote values that contain ': ', ' #' "
            "or start with a special character ([ { * & ! | > ' \" % @ `)",
            line,
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark are rare
        raise SourceError(f"malformed YAML in {what}: {exc}", first_line) from None
    finally:
        loader.dispose()


def _located(loader: Any, node: yaml.MappingNode, first_line: int) -> LocatedMapping:
    result = LocatedMapping(line=node.start_mark.line + first_line)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + first_line
        key = str(key)
        if key in result.values:
            result.duplicates.append((key, line))
        result.values[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            result.item_lines[key] = [
                item.start_mark.line + first_line for item in value_node.value
            ]
    return result


def load_mapping_of_mappings(
    text: str, *, first_line: int, what: str
) -> tuple[LocatedMapping, dict[str, LocatedMapping]]:
    """A registry file: ids mapped to records. Returns the outer mapping and each record's."""
    loader = _SourceLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LocatedMapping(line=first_line), {}
        if not isinstance(node, yaml.MappingNode):
            raise SourceError(
                f"{what} must map each id to its fields, not be a {_node_kind(node)}",
                node.start_mark.line + first_line,
            )
        outer = _located(loader, node, first_line)
        records: dict[str, LocatedMapping] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node, deep=True))
            if isinstance(value_node, yaml.MappingNode):
                records[key] = _located(loader, value_node, first_line)
        return outer, records
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else first_line
        raise SourceError(f"malformed YAML in {what}: {exc.problem or exc.context}", line) from None
    finally:
        loader.dispose()


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if isinstance(node, yaml.ScalarNode):
        return "single value"
    return "mapping"
