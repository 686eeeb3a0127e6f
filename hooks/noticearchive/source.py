"""Reading one notice source file into a validated :class:`Notice`.

Every problem in the file is reported (not only the first), each with its line. A file with an
error yields no notice; a file with only warnings yields one.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .model import (
    Agency,
    Attachment,
    DocumentNumber,
    DocumentType,
    Notice,
    RelationKind,
    RelationRef,
    Signer,
    Topic,
)
from .problems import Problems
from .registry import Registry, registry_ids, suggest
from .safety import find_markup
from .yamlsource import LocatedMapping, SourceError, load_mapping, read_text, split_front_matter

REQUIRED_FIELDS = (
    "number",
    "type",
    "title",
    "agency",
    "date",
    "place",
    "topics",
    "signer",
    "recipients",
)
OPTIONAL_FIELDS = ("summary", "effective", "attachments", *(k.value for k in RelationKind))
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
SIGNER_FIELDS = ("authority", "position", "name")

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_RELATION_TEXT = re.compile(r"^(?P<number>\S+)(?:\s*\((?P<year>\d{4})\))?$")
EARLIEST_YEAR = 1945
"""The Democratic Republic of Vietnam was founded in 1945: no notice of its bodies is older."""


class _Fields:
    """Typed access to the front matter of one file; records problems as it goes."""

    def __init__(self, fm: LocatedMapping, path: Path, problems: Problems) -> None:
        self.fm, self.path, self.problems = fm, path, problems
        self.failed = False

    def line(self, key: str) -> int:
        return self.fm.lines.get(key, self.fm.line)

    def error(self, key: str | None, message: str, line: int | None = None) -> None:
        self.failed = True
        self.problems.error(self.path, line or (self.line(key) if key else self.fm.line), message)

    def warning(self, key: str | None, message: str, line: int | None = None) -> None:
        self.problems.warning(self.path, line or (self.line(key) if key else self.fm.line), message)

    def present(self, key: str) -> bool:
        value = self.fm.values.get(key)
        return value is not None and value != "" and value != []

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.fm.values.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(None, f"required field '{key}' is missing: add '{key}: …'")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"'{key}' must be text on one line, not a {type(value).__name__}")
            return None
        return " ".join(str(value).split())

    def date(self, key: str, *, required: bool = True) -> date | None:
        raw = self.text(key, required=required)
        if raw is None:
            return None
        iso, vn = _ISO_DATE.match(raw), _VN_DATE.match(raw)
        if iso:
            year, month, day = (int(g) for g in iso.groups())
        elif vn:
            day, month, year = (int(g) for g in vn.groups())
        else:
            self.error(
                key, f"'{key}: {raw}' is not a date: write it as YYYY-MM-DD, e.g. 2013-10-10"
            )
            return None
        try:
            value = date(year, month, day)
        except ValueError:
            self.error(key, f"'{key}: {raw}' is an impossible date (no such day): check it")
            return None
        if value.year < EARLIEST_YEAR:
            self.error(key, f"'{key}: {raw}' is before {EARLIEST_YEAR}: check the year")
            return None
        if vn:
            self.warning(key, f"'{key}: {raw}': write dates as YYYY-MM-DD ({value.isoformat()})")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.fm.values.get(key)
        if value is None or value == [] or value == "":
            if required:
                self.error(None, f"required field '{key}' is missing: add '{key}:' and a list")
            return ()
        if isinstance(value, (str, int)):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.error(key, f"'{key}' must be a list of lines of text ('- …' under '{key}:')")
            return ()
        return tuple(" ".join(str(v).split()) for v in value if str(v).strip())


def _read_type(f: _Fields, registry: Registry) -> DocumentType | None:
    type_id = f.text("type")
    if type_id is None:
        return None
    doc_type = registry.types.get(type_id)
    if doc_type is None:
        by_name = [t for t in registry.types.values() if t.name.casefold() == type_id.casefold()]
        hint = f" Did you mean '{by_name[0].id}'?" if by_name else suggest(type_id, registry.types)
        f.error(
            "type",
            f"unknown document type '{type_id}'.{hint} Use an id from types.yml "
            f"({registry_ids(registry.types)})",
        )
    return doc_type


def _read_agency(f: _Fields, registry: Registry) -> Agency | None:
    agency_id = f.text("agency")
    if agency_id is None:
        return None
    agency = registry.agencies.get(agency_id)
    if agency is None:
        f.error(
            "agency",
            f"unknown agency '{agency_id}'.{suggest(agency_id, registry.agencies)} Use an id "
            f"from agencies.yml ({registry_ids(registry.agencies)}) or add the body there",
        )
    return agency


def _read_topics(f: _Fields, registry: Registry) -> tuple[Topic, ...]:
    topics: list[Topic] = []
    lines = f.fm.item_lines.get("topics", [])
    for index, topic_id in enumerate(f.texts("topics")):
        topic = registry.topics.get(topic_id)
        line = lines[index] if index < len(lines) else None
        if topic is None:
            f.error(
                "topics",
                f"unknown topic '{topic_id}'.{suggest(topic_id, registry.topics)} Use an id "
                f"from topics.yml ({registry_ids(registry.topics)}) or add the topic there",
                line,
            )
        elif topic in topics:
            f.warning("topics", f"topic '{topic_id}' is listed twice", line)
        else:
            topics.append(topic)
    return tuple(topics)


def _read_signer(f: _Fields) -> Signer | None:
    value = f.fm.values.get("signer")
    if value is None:
        f.error(None, "required field 'signer' is missing: add 'signer:' with position and name")
        return None
    if not isinstance(value, dict):
        f.error("signer", "'signer' must have the fields 'authority', 'position' and 'name'")
        return None
    values = {k: " ".join(str(v).split()) for k, v in value.items() if v is not None}
    for key in value:
        if key not in SIGNER_FIELDS:
            f.warning(
                "signer", f"unknown signer field '{key}' (ignored).{suggest(key, SIGNER_FIELDS)}"
            )
    missing = [k for k in ("position", "name") if not values.get(k)]
    if missing:
        f.error("signer", f"'signer' has no {' and no '.join(missing)}: add them under 'signer:'")
        return None
    return Signer(
        authority=values.get("authority") or None, position=values["position"], name=values["name"]
    )


def _read_attachments(f: _Fields, path: Path) -> tuple[Attachment, ...]:
    value = f.fm.values.get("attachments")
    if value is None:
        return ()
    if not isinstance(value, list):
        value = [value]
    lines = f.fm.item_lines.get("attachments", [])
    result: list[Attachment] = []
    for index, item in enumerate(value):
        line = lines[index] if index < len(lines) else None
        if isinstance(item, str):
            name, title = item, item
        elif isinstance(item, dict) and isinstance(item.get("file"), str):
            name, title = item["file"], str(item.get("title") or item["file"])
        else:
            f.error(
                "attachments", "each attachment is a file name or 'file: …' with 'title: …'", line
            )
            continue
        if "/" in name or "\\" in name or name.startswith("."):
            f.error(
                "attachments",
                f"attachment '{name}' must be a file in the same folder as the notice",
                line,
            )
        elif not (path.parent / name).is_file():
            f.error(
                "attachments",
                f"attachment '{name}' is not beside the notice: put the file in "
                f"{path.parent.name}/ or remove the entry",
                line,
            )
        else:
            result.append(Attachment(path=name, title=title))
    return tuple(result)


def _read_relations(f: _Fields) -> tuple[RelationRef, ...]:
    refs: list[RelationRef] = []
    for kind in RelationKind:
        value = f.fm.values.get(kind.value)
        if value is None:
            continue
        if not isinstance(value, list):
            value = [value]
        lines = f.fm.item_lines.get(kind.value, [])
        for index, item in enumerate(value):
            line = lines[index] if index < len(lines) else f.line(kind.value)
            ref = _relation_ref(kind, item, line)
            if ref is None:
                f.error(
                    kind.value,
                    f"'{kind.value}' entries name a document by number, e.g. '12/QĐ-UBND', "
                    "'12/QĐ-UBND (2015)', or 'number: …' with 'year:' and 'agency:'",
                    line,
                )
            else:
                refs.append(ref)
    return tuple(refs)


def _relation_ref(kind: RelationKind, item: Any, line: int) -> RelationRef | None:
    if isinstance(item, (str, int)):
        match = _RELATION_TEXT.match(str(item).strip())
        if not match:
            return None
        year = match["year"]
        return RelationRef(
            kind=kind, number=match["number"], year=int(year) if year else None, line=line
        )
    if isinstance(item, dict) and item.get("number"):
        year = item.get("year")
        if year is not None and not (isinstance(year, int) or str(year).isdigit()):
            return None
        agency = item.get("agency")
        return RelationRef(
            kind=kind,
            number=str(item["number"]).strip(),
            year=int(year) if year is not None else None,
            agency_id=str(agency) if agency else None,
            line=line,
        )
    return None


def _check_number(
    f: _Fields, number: str, doc_type: DocumentType | None, registry: Registry
) -> None:
    parsed = DocumentNumber.parse(number)
    if parsed.symbol is None:
        f.warning(
            "number",
            f"number '{number}' does not have the form N/KÝ-HIỆU (e.g. 405/TB-VP.UBND): check it",
        )
        return
    if doc_type is None or parsed.type_abbr is None:
        return
    named = registry.type_by_abbr(parsed.type_abbr)
    if doc_type.abbr is not None and parsed.type_abbr.casefold() != doc_type.abbr.casefold():
        f.warning(
            "number",
            f"number '{number}' says '{parsed.type_abbr}' but the type is {doc_type.name} "
            f"({doc_type.abbr}): correct the number or the type",
        )
    elif doc_type.abbr is None and named is not None:
        f.warning(
            "number",
            f"number '{number}' says '{parsed.type_abbr}' ({named.name}) but the type is "
            f"{doc_type.name}: correct the number or the type",
        )


def _check_body(body: str, body_line: int, path: Path, problems: Problems) -> None:
    if not body.strip():
        problems.warning(path, body_line, "the notice has no text after the front matter")
    by_line: dict[int, list[str]] = {}
    for markup in find_markup(body):
        by_line.setdefault(markup.line, []).append(f"'{markup.snippet}'")
    for line, snippets in by_line.items():
        problems.warning(
            path,
            body_line + line,
            f"raw HTML or script {', '.join(snippets)} in the body is not allowed; it is shown "
            "as text. Remove it or write the content in Markdown",
        )


def parse_notice(path: Path, registry: Registry, problems: Problems) -> Notice | None:
    """Read and validate one notice; None when the file has an error."""
    try:
        split = split_front_matter(read_text(path))
        fm = load_mapping(split.front_matter, first_line=2, what="the front matter")
    except SourceError as exc:
        problems.error(path, exc.line, exc.message)
        return None
    f = _Fields(fm, path, problems)
    for key, line in fm.duplicates:
        f.error(key, f"field '{key}' is given twice: keep one", line)
    for key in fm.values:
        if key not in KNOWN_FIELDS:
            f.warning(key, f"unknown field '{key}' (ignored).{suggest(key, KNOWN_FIELDS)}")

    number = f.text("number")
    doc_type = _read_type(f, registry)
    title = f.text("title")
    agency = _read_agency(f, registry)
    issued = f.date("date")
    place = f.text("place")
    topics = _read_topics(f, registry)
    signer = _read_signer(f)
    recipients = f.texts("recipients")
    summary = f.text("summary", required=False)
    effective = f.date("effective", required=False)
    attachments = _read_attachments(f, path)
    relations = _read_relations(f)
    if number:
        _check_number(f, number, doc_type, registry)
    if issued and effective and effective < issued:
        f.warning("effective", "the effective date is before the issuing date: check both")
    _check_body(split.body, split.body_line, path, problems)

    if f.failed:
        return None
    assert number and doc_type and title and agency and issued and place and signer
    return Notice(
        source=problems.display_path(path),
        number=number,
        doc_type=doc_type,
        title=title,
        agency=agency,
        date=issued,
        place=place,
        topics=topics,
        signer=signer,
        recipients=recipients,
        body=split.body.strip("\n"),
        body_line=split.body_line + _leading_blank_lines(split.body),
        summary=summary,
        effective_date=effective,
        attachments=attachments,
        relations=relations,
        field_lines=MappingProxyType(dict(fm.lines)),
    )


def _leading_blank_lines(body: str) -> int:
    return len(body) - len(body.lstrip("\n"))
