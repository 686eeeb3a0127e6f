"""One document, read from end to end: the header, the content, the signature, the recipients.

:func:`extract_text` runs the readers in the order the decree prints the parts and returns an
immutable :class:`Extracted`, the importer's single result type: the JSON output, the writer
and the report all read it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..model import DocumentNumber
from .body import to_markdown
from .cleanup import clean_lines, decode, drop_repeats, normalise
from .header import Header, read_header
from .position import Position
from .recipients import find_recipients, unfold_columns
from .signature import SignatureBlock, find_signature
from .vocabulary import (
    AUTHENTICATION,
    CONSOLIDATED,
    LETTER,
    NAMED_ACTS,
    NUMBER_LABEL,
    TYPE_NAMES,
    is_upper_text,
)

_TYPE_BY_ABBR = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QYĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTR": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTR": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "VBHN": CONSOLIDATED,
}
"""Phụ lục III of Decree 30: the abbreviation a number carries for its type."""
_AUTHENTICATION_REACH = 12
"""Lines above a signature within which "XÁC THỰC VĂN BẢN HỢP NHẤT" belongs to it."""
assert set(_TYPE_BY_ABBR.values()) <= set(TYPE_NAMES)


@dataclass(frozen=True, slots=True)
class Fallback:
    """The number, date and body of a consolidated text, printed with its authentication at
    the end rather than in the header. Used to file the text, never reported as its header."""

    number: str | None = None
    date: date | None = None
    place: str | None = None
    issuer_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Extracted:
    """What one document says about itself, as printed; None (or empty) where it says nothing."""

    source: str
    """The input's file name."""
    number: str | None
    doc_type: str | None
    """The type name in sentence case: ``Thông báo``, ``Công văn``, ``Văn bản hợp nhất``."""
    issuer_lines: tuple[str, ...]
    place: str | None
    date: date | None
    title: str | None
    body: str
    """The content as Markdown."""
    recipients: tuple[str, ...]
    signer_authority: str | None
    signer_title: str | None
    signer_name: str | None
    body_lines: tuple[str, ...] = field(default=(), repr=False, compare=False)
    """The cleaned lines the body was made from (what must all appear in it)."""
    fallback: Fallback = Fallback()
    warnings: tuple[str, ...] = ()
    """What was doubtful while reading (not what is missing: see :meth:`missing`)."""

    def missing(self) -> list[str]:
        """Fields the archive requires that the document did not yield (topics aside: no
        document prints them)."""
        wanted = {
            "number": self.number or self.fallback.number,
            "type": self.doc_type,
            "issuing body": self.issuer_lines or self.fallback.issuer_lines,
            "date": self.date or self.fallback.date,
            "place": self.place or self.fallback.place,
            "title": self.title,
            "signer": self.signer_name,
            "signer's position": self.signer_title,
            "recipients": self.recipients,
            "text": self.body.strip(),
        }
        return [name for name, value in wanted.items() if not value]

    def as_json(self) -> dict[str, Any]:
        """The keys that ../shared/corpus/score.py reads."""
        return {
            "file": self.source,
            "number": self.number,
            "doc_type": self.doc_type,
            "issuer_lines": list(self.issuer_lines),
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "body": self.body,
            "recipients": list(self.recipients),
            "signer_authority": self.signer_authority,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
        }


def extract_file(path: Path) -> Extracted:
    """Read one file (any encoding :func:`~.cleanup.decode` accepts)."""
    decoded = decode(path.read_bytes())
    return extract_text(decoded.text, source=path.name, warnings=decoded.warnings)


def extract_text(text: str, *, source: str = "", warnings: Sequence[str] = ()) -> Extracted:
    """Read a document from its text."""
    lines = clean_lines(normalise(text))
    header = read_header(lines)
    start = header.body_start.line
    if header.preamble:
        lines[start:] = drop_repeats(lines[start:], header.preamble)
    lines = unfold_columns(lines, start)
    signature = find_signature(lines, header.body_start)
    authentication = _authentication_start(lines, header.body_start, signature)
    recipients = find_recipients(lines, header.body_start, signature)
    ends = [p for p in (authentication, recipients.start) if p is not None]
    if signature is not None:
        ends.append(signature.start)
    end = min(ends, default=Position(len(lines), 0))
    body_lines = _slice(lines, header.body_start, end)
    consolidated = authentication is not None or "VBHN" in (header.number or "")
    return Extracted(
        source=source,
        number=header.number,
        doc_type=_doc_type(header, consolidated),
        issuer_lines=header.issuer_lines,
        place=header.place,
        date=header.date,
        title=_title(header, consolidated),
        body=to_markdown(body_lines),
        recipients=recipients.items,
        signer_authority=signature.authority if signature else None,
        signer_title=signature.position if signature else None,
        signer_name=signature.name if signature else None,
        body_lines=tuple(body_lines),
        fallback=_fallback(lines, authentication, signature),
        warnings=tuple(warnings),
    )


def _slice(lines: Sequence[str], start: Position, end: Position) -> list[str]:
    """The lines from ``start`` to ``end`` (exclusive), cut at the columns given."""
    if end <= start:
        return []
    if start.line == end.line:
        return [lines[start.line][start.col : end.col]]
    result = [lines[start.line][start.col :], *lines[start.line + 1 : end.line]]
    if end.line < len(lines) and end.col > 0:
        result.append(lines[end.line][: end.col])
    while result and not result[-1].strip():
        result.pop()
    return result


def _authentication_start(
    lines: Sequence[str], body_start: Position, signature: SignatureBlock | None
) -> Position | None:
    """Where the block authenticating a consolidated text begins: its issuing body, number,
    "XÁC THỰC VĂN BẢN HỢP NHẤT" and date stand between the content and the signature."""
    if signature is None:
        return None
    first = max(body_start.line, signature.start.line - _AUTHENTICATION_REACH)
    for index in range(signature.start.line, first - 1, -1):
        match = AUTHENTICATION.search(lines[index])
        if match and match.group().isupper():
            if index == signature.start.line and match.start() > 0:
                return Position(index, match.start())
            return Position(_block_top(lines, index, first), 0)
    return None


def _block_top(lines: Sequence[str], index: int, first: int) -> int:
    """The first line of the authentication block: up past its number and issuing body."""
    top = index
    for above in range(index - 1, first - 1, -1):
        line = lines[above]
        if not line:
            continue
        if NUMBER_LABEL.match(line) or (is_upper_text(line) and len(line.split()) <= 12):
            top = above
            continue
        break
    return top


def _fallback(
    lines: Sequence[str], authentication: Position | None, signature: SignatureBlock | None
) -> Fallback:
    if authentication is None or signature is None:
        return Fallback()
    block = [
        line
        for line in lines[authentication.line : signature.start.line + 1]
        if not AUTHENTICATION.fullmatch(line.strip())
    ]
    header = read_header(block)
    return Fallback(header.number, header.date, header.place, header.issuer_lines)


def _doc_type(header: Header, consolidated: bool) -> str | None:
    if consolidated:
        return CONSOLIDATED
    if header.printed_type:
        return header.printed_type
    if header.is_letter:
        return LETTER
    if header.number:
        abbr = DocumentNumber.parse(header.number).type_abbr
        if abbr:
            return _TYPE_BY_ABBR.get(abbr.upper())
    return None


def _title(header: Header, consolidated: bool) -> str | None:
    """The subject; a consolidated law is named with the word "Luật" ("LUẬT THƯ VIỆN")."""
    title = header.title
    printed = header.printed_type
    if title and consolidated and printed in NAMED_ACTS:
        word = printed.upper() if is_upper_text(title) else printed
        if not re.match(re.escape(word) + r"\b", title, re.IGNORECASE):
            title = f"{word} {title}"
    return title
