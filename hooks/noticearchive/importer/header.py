"""Reading the header of a document: issuing body, number, place and date, type and subject.

Decree 30/2020/NĐ-CP prints the header in two columns: on the left the issuing body (its parent
above it) over a short rule, then "Số: …" (and, for a Công văn, "V/v …"); on the right the
national title and motto, then "<place>, ngày … tháng … năm …". The type name in capitals and
the subject (trích yếu) follow, centred. Text exports keep these parts in order but not always
on their own lines: a scraper joins the two columns on one line or the whole header on one
line; a PDF extraction keeps the lines but adds the Gazette's section headings above them.
The reader therefore looks for the fixed words of the format (the motto, "Số:", "ngày … tháng
… năm", the type names) wherever they are, and takes the issuing body to be the block of
capital letters that comes before the number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .cleanup import strip_rules
from .dates import PlaceDate, find_place_date
from .position import Found, Position, next_nonblank, next_text, skip_spaces
from .subject import TYPE, read_subject
from .vocabulary import (
    BODY_START,
    MOTTO,
    NATIONAL_TITLE,
    NUMBER_LABEL,
    NUMBER_VALUE,
    RULE,
    SALUTATION,
    SUBJECT_LABEL,
    TYPE_NAMES,
    UNIT_START,
    is_upper_text,
)

__all__ = ["HEADER_LINES", "Header", "Position", "read_header"]

HEADER_LINES = 80
"""The header is looked for in the first lines only, so that a form in an appendix is not read."""
_MAX_ISSUER_LINES = 4
_TYPE_BY_UPPER = {name.upper(): name for name in TYPE_NAMES}
_GAZETTE_SECTION = re.compile(
    r"^(?:VĂN BẢN (?:QUY PHẠM PHÁP LUẬT|PHÁP LUẬT KHÁC|KHÁC|HỢP NHẤT\b.*)|ĐIỀU ƯỚC QUỐC TẾ)$"
)
"""The Official Gazette's section headings, printed above the documents of each section."""
_JOINED_ISSUER = re.compile(
    r"^(?P<parent>(?:(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+"
    r"(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)|BỘ)\s+\S.*?)"
    r"\s+(?P<unit>VĂN PHÒNG|THANH TRA|" + UNIT_START + r"(?!\s+" + UNIT_START + r"\b)\s+\S.*)$"
)
"""A body and the body it belongs to, printed on two lines but joined by a scraper: "UBND
TỈNH TRÀ VINH SỞ Y TẾ", "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN". A unit's first word can also end the
parent's name ("BỘ NỘI VỤ", "BỘ QUỐC PHÒNG", "MÔI TRƯỜNG"): the unit starts at the first such
word that is not followed by another one ("BỘ NỘI VỤ" / "CỤC VĂN THƯ …")."""
_NOTATION_BREAK = re.compile(r"\s*([-/])\s*$")
"""A number whose line ends in the middle of its ký hiệu, after a hyphen or a slash."""
_NOTATION_REST = re.compile(r"[\w.&]+(?:[/-][\w.&]+)*")


@dataclass(frozen=True, slots=True)
class Header:
    """What the header says; None (or empty) where it says nothing."""

    issuer_lines: tuple[str, ...]
    """The issuing body as printed, top to bottom: ``("UBND TỈNH TRÀ VINH", "VĂN PHÒNG")``."""
    number: str | None
    printed_type: str | None
    """The type name printed above the subject, in sentence case: ``Thông báo``."""
    is_letter: bool
    """A Công văn: no type name, a "V/v" subject."""
    place: str | None
    date: date | None
    title: str | None
    body_start: Position
    """Where the content starts: the first thing after the header."""
    preamble: str | None = None
    """A title that a website put above the document; its copies in the text are noise."""


def read_header(lines: Sequence[str]) -> Header:
    """Read the header at the top of the cleaned lines."""
    top = min(len(lines), HEADER_LINES)
    motto = _first(lines, top, NATIONAL_TITLE) or _first(lines, top, MOTTO)
    type_found = _find_type(lines, top, motto)
    limit = _limit(lines, top, type_found)
    number = _find_number(lines, limit)
    subject = _first_before(lines, SUBJECT_LABEL, limit)
    if type_found is not None and subject is not None and subject.line < type_found.line:
        type_found = None  # a "V/v" before any type name: the document is a Công văn
        limit = _limit(lines, top, None)
    place_date, date_at = _find_place_date(lines, limit, number, motto)
    issuer, preamble = _find_issuer(lines, number or motto)
    ends = [f for f in (number, date_at) if f is not None]
    title, title_end = read_subject(lines, type_found, subject, date_at, (issuer, number is None))
    if title_end is not None:
        ends.append(title_end)
    end = max((Position(f.line, f.end) for f in ends), default=None)
    return Header(
        issuer_lines=issuer,
        number=number.text if number else None,
        printed_type=_TYPE_BY_UPPER[type_found.text] if type_found else None,
        is_letter=type_found is None and subject is not None,
        place=place_date.place if place_date else None,
        date=place_date.value if place_date else None,
        title=title,
        body_start=next_text(lines, end) if end else _first_text(lines),
        preamble=preamble,
    )


def _first(lines: Sequence[str], top: int, pattern: re.Pattern[str]) -> Found | None:
    for index in range(top):
        match = pattern.search(lines[index])
        if match:
            return Found(index, match.start(), match.end(), match.group())
    return None


def _first_before(lines: Sequence[str], pattern: re.Pattern[str], limit: Position) -> Found | None:
    found = _first(lines, min(limit.line + 1, len(lines)), pattern)
    if found is None or Position(found.line, found.start) >= limit:
        return None
    return found


def _segment_starts(line: str) -> list[int]:
    """Where a new part of a joined header line may start: the line start and the ends of the
    fixed parts (motto, rules, number, place and date) found in it."""
    starts = [0]
    for pattern in (NATIONAL_TITLE, MOTTO, RULE):
        starts.extend(m.end() for m in pattern.finditer(line))
    for match in NUMBER_LABEL.finditer(line):
        value = NUMBER_VALUE.match(line, skip_spaces(line, match.end()))
        starts.append(value.end() if value else match.end())
    place_date = find_place_date(line)
    if place_date is not None:
        starts.append(place_date.end)
    return sorted(set(starts))


def _find_type(lines: Sequence[str], top: int, motto: Found | None) -> Found | None:
    """The type name in capitals that starts a part of a header line, after the motto."""
    first = motto.line if motto else 0
    for index in range(first, top):
        line = lines[index]
        if index > first and BODY_START.match(line):
            return None
        for start in _segment_starts(line):
            if motto and index == motto.line and start < motto.end:
                continue
            at = skip_spaces(line, start)
            match = TYPE.match(line, at)
            if match:
                return Found(index, match.start(), match.end(), match.group())
    return None


def _limit(lines: Sequence[str], top: int, type_found: Found | None) -> Position:
    """Where the header's number and date must be found before: the type name or, without
    one, the salutation or the first line of content."""
    if type_found is not None:
        return Position(type_found.line, type_found.start)
    for index in range(1, top):
        salutation = SALUTATION.search(lines[index])
        if salutation:
            return Position(index, salutation.start())
        if BODY_START.match(lines[index]):
            return Position(index, 0)
    return Position(min(top, len(lines)), 0)


def _find_number(lines: Sequence[str], limit: Position) -> Found | None:
    """ "Số: 27/TB-VP.UBND", with the number on the next line when the label ends its line."""
    label = _first_before(lines, NUMBER_LABEL, limit)
    if label is None:
        return None
    index, at = label.line, skip_spaces(lines[label.line], label.end)
    if at >= len(lines[index]):
        following = next_nonblank(lines, index + 1)
        if following is None or following > label.line + 2:
            return None
        index, at = following, 0
    value = NUMBER_VALUE.match(lines[index], at)
    if value is None:
        return None
    number = re.sub(r"\s+", "", value.group()).rstrip(".")
    number += _wrapped_notation(lines, index, value.end()) or ""
    return Found(index, value.start(), value.end(), number)


def _wrapped_notation(lines: Sequence[str], index: int, end: int) -> str | None:
    """The rest of a ký hiệu that a narrow left column wrapped after a hyphen or a slash
    ("Số: 01/2022/TTLT-VKSNDTC-" over "TANDTC-BCA"): the next line's first word, if it is in
    capitals and is not the national title printed beside the number."""
    broken = _NOTATION_BREAK.match(lines[index], end)
    following = next_nonblank(lines, index + 1)
    if broken is None or following is None or following > index + 2:
        return None
    line = lines[following]
    rest = _NOTATION_REST.match(line)
    if rest is None or not is_upper_text(rest.group()) or NATIONAL_TITLE.match(line):
        return None
    return broken.group(1) + rest.group()


def _find_place_date(
    lines: Sequence[str], limit: Position, number: Found | None, motto: Found | None
) -> tuple[PlaceDate | None, Found | None]:
    """The place and date line: the first date before the type name, looked for after the
    number or the motto so that neither is read as part of the place."""
    anchors = [f for f in (number, motto) if f is not None]
    first = min((f.line for f in anchors), default=0)
    for index in range(first, min(limit.line + 1, len(lines))):
        floor = max((f.end for f in anchors if f.line == index), default=0)
        found = find_place_date(lines[index], floor)
        if found is None or Position(index, found.start) >= limit:
            continue
        return found, Found(index, found.start, found.end)
    return None, None


# --- The issuing body -------------------------------------------------------------------------


def _find_issuer(lines: Sequence[str], anchor: Found | None) -> tuple[tuple[str, ...], str | None]:
    """The block of capitals just above the number (or the motto), and the website title above
    it if there is one.

    Walking up from the anchor, the motto, rules and empty lines are passed over until capitals
    are met; the block then ends at an empty line, a rule or text that is not in capitals. The
    motto stays transparent inside the block, because a scraper joins the two header columns
    line by line ("UBND TỈNH TRÀ VINH CỘNG HÒA XÃ HỘI …" / "VĂN PHÒNG Độc lập - …")."""
    if anchor is None:
        return (), None
    collected: list[str] = []
    for index in _lines_upwards(lines, anchor.line):
        line = lines[index][: anchor.start] if index == anchor.line else lines[index]
        stop, partial = _collect_line(line, collected, index != anchor.line)
        if stop:
            return _issuer_block(collected), partial or _preamble(lines, index)
    return _issuer_block(collected), None


def _lines_upwards(lines: Sequence[str], start: int) -> list[int]:
    """Line indices from ``start`` up to the first line, without the empty lines that an
    export put between two lines of the motto column (the header's rows stay together)."""
    indices = list(range(start, -1, -1))
    motto = [bool(NATIONAL_TITLE.search(lines[i]) or MOTTO.search(lines[i])) for i in indices]
    kept: list[int] = []
    for position, index in enumerate(indices):
        if not lines[index] and _between_motto_rows(lines, indices, motto, position):
            continue
        kept.append(index)
    return kept


def _between_motto_rows(
    lines: Sequence[str], indices: list[int], motto: list[bool], position: int
) -> bool:
    below = next((p for p in range(position - 1, -1, -1) if lines[indices[p]]), None)
    above = next((p for p in range(position + 1, len(indices)) if lines[indices[p]]), None)
    return below is not None and above is not None and motto[below] and motto[above]


def _collect_line(line: str, collected: list[str], whole: bool) -> tuple[bool, str | None]:
    """Add the capitals of one header line to ``collected`` (kept top to bottom); True when the
    block has ended, with the text before the capitals when a line held both."""
    if not line.strip():
        return bool(collected) and whole, None
    ruled = False
    for kind, text in reversed(_line_items(line)):
        if kind == "fixed":
            continue
        if kind == "rule":
            if collected:
                return True, None
            ruled = True
            continue
        if TYPE.match(text) and not collected:
            continue  # a website's title in capitals ("QUYẾT ĐỊNH 12/QĐ-UBND …"), not a body
        if is_upper_text(text):
            collected.insert(0, text)
            if len(collected) > _MAX_ISSUER_LINES or ruled:
                # A rule printed beside the text on its line (a crawl joins the rule under the
                # body to its last line): the whole block was on this line.
                return True, None
            continue
        run, before = _trailing_capitals(text)
        if run and not collected:
            collected.insert(0, run)
            return True, before
        return True, None
    return False, None


def _line_items(line: str) -> list[tuple[str, str]]:
    """The parts of one header line: fixed words (motto, number, date), rules and text."""
    spans: list[tuple[int, int, str]] = []
    for pattern in (NATIONAL_TITLE, MOTTO, NUMBER_LABEL):
        spans.extend((m.start(), m.end(), "fixed") for m in pattern.finditer(line))
    spans.extend((m.start(), m.end(), "rule") for m in RULE.finditer(line))
    place_date = find_place_date(line)
    if place_date is not None:
        spans.append((place_date.start, place_date.end, "fixed"))
    items: list[tuple[str, str]] = []
    at = 0
    for start, end, kind in sorted(spans):
        if start < at:
            continue
        if line[at:start].strip():
            items.append(("text", line[at:start].strip()))
        items.append((kind, line[start:end]))
        at = end
    if line[at:].strip():
        items.append(("text", line[at:].strip()))
    return items


def _trailing_capitals(text: str) -> tuple[str | None, str | None]:
    """ "… do Bộ Xây dựng ban hành. BỘ XÂY DỰNG" → ("BỘ XÂY DỰNG", "… do Bộ Xây dựng ban hành")."""
    words = text.split()
    count = 0
    while count < len(words) and is_upper_text(words[-1 - count]):
        count += 1
    if count < 2:
        return None, None
    before = " ".join(words[: len(words) - count]).rstrip(" .")
    return " ".join(words[len(words) - count :]), before or None


def _issuer_block(collected: list[str]) -> tuple[str, ...]:
    """The collected lines without the Gazette's section heading above them, if any."""
    lines = [strip_rules(line) for line in collected if strip_rules(line)]
    while lines and _GAZETTE_SECTION.match(lines[0]):
        if lines[0].startswith("VĂN BẢN HỢP NHẤT"):
            return ()  # it names the consolidating body, over as many lines as it takes
        lines.pop(0)
    if len(lines) == 1:
        joined = _JOINED_ISSUER.match(lines[0])
        if joined:
            return (joined.group("parent"), joined.group("unit"))
    return tuple(lines)


def _preamble(lines: Sequence[str], index: int) -> str | None:
    """The first text line above the header, if it is not in capitals: a website's title."""
    for line in lines[: index + 1]:
        if line:
            return None if is_upper_text(line) else line
    return None


def _first_text(lines: Sequence[str]) -> Position:
    index = next_nonblank(lines, 0)
    return Position(index, 0) if index is not None else Position(len(lines), 0)
