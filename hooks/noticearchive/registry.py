"""The registries kept with the notices: issuing bodies, topics and document types.

Each registry is a YAML file that maps an id to its fields::

    # notices/agencies.yml
    vp-ubnd-tinh:
      name: Văn phòng Ủy ban nhân dân tỉnh Hậu Giang
      short: Văn phòng UBND tỉnh
      parent: ubnd-tinh
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Agency, DocumentType, Topic
from .problems import Problems
from .yamlsource import LocatedMapping, SourceError, load_mapping_of_mappings, read_text

AGENCIES_FILE = "agencies.yml"
TOPICS_FILE = "topics.yml"
TYPES_FILE = "types.yml"
REGISTRY_FILES = (AGENCIES_FILE, TOPICS_FILE, TYPES_FILE)

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Registry:
    """All three registries, with the agency tree."""

    agencies: Mapping[str, Agency]
    topics: Mapping[str, Topic]
    types: Mapping[str, DocumentType]

    def children(self, agency_id: str) -> list[Agency]:
        """Direct sub-bodies, in registry order."""
        return [a for a in self.agencies.values() if a.parent_id == agency_id]

    def roots(self) -> list[Agency]:
        return [a for a in self.agencies.values() if a.parent_id is None]

    def ancestors(self, agency: Agency) -> list[Agency]:
        """Parent bodies from the top down, not including the body itself."""
        chain: list[Agency] = []
        current = agency
        while current.parent_id is not None:
            current = self.agencies[current.parent_id]
            chain.append(current)
        return chain[::-1]

    def descendants(self, agency_id: str) -> Iterator[Agency]:
        for child in self.children(agency_id):
            yield child
            yield from self.descendants(child.id)

    def type_by_abbr(self, abbr: str) -> DocumentType | None:
        for doc_type in self.types.values():
            if doc_type.abbr is not None and doc_type.abbr.casefold() == abbr.casefold():
                return doc_type
        return None


def suggest(value: str, choices: Iterable[str]) -> str:
    """ " Did you mean 'x'?" when one choice is close, else the empty string."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


class _RecordReader:
    """Reads the fields of one registry record, reporting wrong shapes with their lines."""

    def __init__(self, problems: Problems, path: Path, record_id: str, record: LocatedMapping):
        self.problems, self.path, self.id, self.record = problems, path, record_id, record
        self.ok = True

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.record.values.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self._error(self.record.line, f"'{self.id}' has no '{key}': add '{key}: …'")
            return None
        if not isinstance(value, (str, int)):
            self._error(self._line(key), f"'{self.id}': '{key}' must be a single line of text")
            return None
        return str(value).strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.record.values.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._error(self._line(key), f"'{self.id}': '{key}' must be a list of lines of text")
            return ()
        return tuple(v.strip() for v in value)

    def unknown_keys(self, known: Iterable[str]) -> None:
        known = list(known)
        for key in self.record.values:
            if key not in known:
                self.problems.warning(
                    self.path,
                    self._line(key),
                    f"'{self.id}' has an unknown field '{key}' (ignored)."
                    f"{suggest(key, known)} Known fields: {', '.join(known)}",
                )

    def _line(self, key: str) -> int:
        return self.record.lines.get(key, self.record.line)

    def _error(self, line: int, message: str) -> None:
        self.ok = False
        self.problems.error(self.path, line, message)


def _read_records(
    path: Path, problems: Problems, what: str
) -> list[tuple[str, LocatedMapping, _RecordReader]]:
    if not path.is_file():
        problems.error(path, None, f"the {what} registry is missing: create {path.name}")
        return []
    try:
        outer, records = load_mapping_of_mappings(read_text(path), first_line=1, what=path.name)
    except SourceError as exc:
        problems.error(path, exc.line, exc.message)
        return []
    for key, line in outer.duplicates:
        problems.error(path, line, f"the id '{key}' is defined twice; ids must be unique")
    result = []
    for record_id in outer.values:
        line = outer.lines[record_id]
        if not _ID_RE.match(record_id):
            problems.error(
                path,
                line,
                f"'{record_id}' is not a valid id: use lower-case ASCII letters, digits and "
                "hyphens, e.g. 'so-tai-nguyen-moi-truong'",
            )
            continue
        record = records.get(record_id)
        if record is None:
            problems.error(path, line, f"'{record_id}' must be followed by its fields (name: …)")
            continue
        result.append((record_id, record, _RecordReader(problems, path, record_id, record)))
    return result


def _load_agencies(path: Path, problems: Problems) -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    lines: dict[str, int] = {}
    for agency_id, record, read in _read_records(path, problems, "agencies"):
        name = read.text("name")
        short = read.text("short", required=False) or name
        parent = read.text("parent", required=False)
        header = read.texts("header")
        aliases = read.texts("aliases")
        read.unknown_keys(("name", "short", "parent", "header", "aliases"))
        if read.ok and name and short:
            agencies[agency_id] = Agency(
                id=agency_id,
                name=name,
                short_name=short,
                parent_id=parent,
                header=header,
                aliases=aliases,
            )
            lines[agency_id] = record.lines.get("parent", record.line)
    _check_tree(agencies, lines, path, problems)
    return agencies


def _check_tree(
    agencies: dict[str, Agency], lines: dict[str, int], path: Path, problems: Problems
) -> None:
    """Every parent must exist and the parent chain must not loop."""
    for agency in list(agencies.values()):
        if agency.parent_id is not None and agency.parent_id not in agencies:
            problems.error(
                path,
                lines[agency.id],
                f"'{agency.id}' has parent '{agency.parent_id}', which is not in the registry."
                f"{suggest(agency.parent_id, agencies)}",
            )
            agencies.pop(agency.id)
    for agency in list(agencies.values()):
        seen = {agency.id}
        current = agency
        while current.parent_id is not None and current.parent_id in agencies:
            current = agencies[current.parent_id]
            if current.id in seen:
                problems.error(
                    path,
                    lines[agency.id],
                    f"'{agency.id}' is its own ancestor (the parent chain loops); fix 'parent'",
                )
                agencies.pop(agency.id)
                break
            seen.add(current.id)


def _load_topics(path: Path, problems: Problems) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for topic_id, _record, read in _read_records(path, problems, "topics"):
        name = read.text("name")
        description = read.text("description", required=False)
        read.unknown_keys(("name", "description"))
        if read.ok and name:
            topics[topic_id] = Topic(id=topic_id, name=name, description=description)
    return topics


def _load_types(path: Path, problems: Problems) -> dict[str, DocumentType]:
    types: dict[str, DocumentType] = {}
    for type_id, _record, read in _read_records(path, problems, "document types"):
        name = read.text("name")
        abbr = read.text("abbr", required=False)
        plural = read.text("plural", required=False)
        read.unknown_keys(("name", "abbr", "plural"))
        if read.ok and name:
            types[type_id] = DocumentType(id=type_id, name=name, abbr=abbr, plural=plural)
    return types


def load_registry(folder: Path, problems: Problems) -> Registry:
    """Load the three registries from the notices folder, reporting every problem."""
    return Registry(
        agencies=_load_agencies(folder / AGENCIES_FILE, problems),
        topics=_load_topics(folder / TOPICS_FILE, problems),
        types=_load_types(folder / TYPES_FILE, problems),
    )


def registry_ids(values: Mapping[str, Any]) -> str:
    """A short list of ids for messages: "a, b, c … (12 in all)"."""
    ids = list(values)
    shown = ", ".join(ids[:8])
    return shown if len(ids) <= 8 else f"{shown} … ({len(ids)} in all)"
