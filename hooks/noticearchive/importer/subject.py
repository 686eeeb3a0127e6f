"""The type name and the subject (trích yếu) under it, or a Công văn's "V/v" subject.

The subject follows the type name, on the same line in a website's crawl (in capitals, with the
enacting body sometimes joined to its end: "… GIÁM SÁT NĂM 2021 QUỐC HỘI"), or on the lines after it
in the decree's own layout (in sentence case, wrapped, then an empty line). Between the subject
and the content some documents print the enacting body ("CHÍNH PHỦ", "BỘ TRƯỞNG BỘ TÀI
CHÍNH"), which is neither. A Công văn has no type name: its subject follows "V/v" in the left
column, up to the date or the salutation a scraper may have joined to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .agency import key
from .dates import find_place_date
from .position import Found, next_nonblank
from .vocabulary import (
    BODY_START,
    CONSOLIDATION_PREAMBLE,
    CONTENT_ONLY_START,
    POSITION_START,
    SALUTATION,
    TYPE_NAMES,
    UNIT_START,
    has_lower,
    is_upper_text,
)

_MAX_TITLE_LINES = 8
_UNIT = re.compile(UNIT_START + r"\b")
"""The start of a unit's name under its parent body ("TỔNG CỤC HẢI QUAN" under "BỘ TÀI CHÍNH")."""
TYPE = re.compile(
    r"(?:" + "|".join(re.escape(n.upper()) for n in TYPE_NAMES) + r")(?![\wÀ-ỹĐđ]|\s*:)"
)
"""A type name in capitals ("QUYẾT ĐỊNH"), not the enacting formula "QUYẾT ĐỊNH:"."""
_HEADINGS = re.compile(
    r"^(?:(?:CHƯƠNG|PHẦN|MỤC|ĐIỀU|Chương|Phần|Mục|Điều)\s+(?:[IVXLC]+|\d+)\b|PHỤ LỤC)"
)
_PREPOSITIONS = frozenset(
    ("CỦA", "VÀ", "TẠI", "VỚI", "CHO", "THUỘC", "ĐỐI", "BỞI", "DO", "TRONG", "VỀ", "TỪ")
)
"""Words after which a subject goes on: a body named after them is part of the subject."""
_SESSION = re.compile(r"KHÓA\s+[IVXLC\d]+(?:\s*,\s*|\s+)KỲ\s+HỌP\s+(?:THỨ\s+)?[\wÀ-ỹ]+(?:\s+\S+)?$")
"""A council's term and session, printed after its name in the enacting formula."""
Context = tuple[tuple[str, ...], bool]
"""What the subject reader needs from the rest of the header: the issuing body, and whether
the header lacks a number (then the text may be a consolidated one)."""


def read_subject(
    lines: Sequence[str],
    type_found: Found | None,
    subject: Found | None,
    date_at: Found | None,
    context: Context,
) -> tuple[str | None, Found | None]:
    """The subject (trích yếu) and where it ends: after the type name, or after "V/v"."""
    if type_found is not None:
        return _title_after_type(lines, type_found, context)
    if subject is not None:
        return _letter_subject(lines, subject, date_at)
    return None, None


def _title_after_type(
    lines: Sequence[str], found: Found, context: Context
) -> tuple[str | None, Found | None]:
    rest = lines[found.line][found.end :]
    offset = found.end + len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if rest and _starts_in_capitals(rest):
        return _capital_title(lines, found.line, offset, context[0])
    if rest:
        return _sentence_title(lines, found.line, offset, context)
    index = next_nonblank(lines, found.line + 1)
    if index is None or CONTENT_ONLY_START.match(lines[index]) or _is_heading(lines[index]):
        return None, found
    if _starts_in_capitals(lines[index]):
        return _capital_title(lines, index, 0, context[0])
    return _sentence_title(lines, index, 0, context)


def _starts_in_capitals(text: str) -> bool:
    """A subject printed in capitals: its first words are ("VỀ VIỆC …"), and not only a
    one-letter word that happens to be a capital ("Ý kiến …")."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)][:2]
    return bool(words) and all(is_upper_text(w) for w in words) and len("".join(words)) > 1


def _capital_title(
    lines: Sequence[str], index: int, offset: int, issuer: tuple[str, ...]
) -> tuple[str | None, Found | None]:
    """A subject in capitals (as websites print it), ending where lower case begins; the
    enacting body printed after it ("… GIÁM SÁT NĂM 2021 QUỐC HỘI") is not part of it."""
    words, end = _capital_run(lines[index], offset)
    parts = [" ".join(words)]
    last = Found(index, offset, end)
    if end >= len(lines[index]):
        following = index + 1
        while following < len(lines) and following < index + _MAX_TITLE_LINES:
            line = lines[following]
            if not line or not is_upper_text(line) or _is_authority(line, issuer):
                break
            if _is_heading(line) or line.endswith(":"):
                break
            parts.append(line)
            last = Found(following, 0, len(line))
            following += 1
    title = _strip_authority(" ".join(parts), issuer)
    return title or None, _skip_authority_line(lines, last, issuer)


def _capital_run(line: str, offset: int) -> tuple[list[str], int]:
    words: list[str] = []
    at = offset
    for match in re.finditer(r"\S+", line[offset:]):
        word = match.group()
        if has_lower(word):
            return words, offset + match.start()
        words.append(word)
        at = offset + match.end()
    return words, at if words else offset


def _sentence_title(
    lines: Sequence[str], index: int, offset: int, context: Context
) -> tuple[str | None, Found | None]:
    """A subject in sentence case (as the decree prints it), possibly over several lines, ending
    at an empty line, a rule, a line in capitals or the first line of content. A consolidated
    text without a header may run its first line ("Thông tư số 17/2011/… được sửa đổi bởi:")
    straight on from the subject; with a header, such a line continues the subject."""
    issuer, headerless = context
    parts = [lines[index][offset:].strip()]
    last = Found(index, offset, len(lines[index]))
    following = index + 1
    while following < len(lines) and following < index + _MAX_TITLE_LINES:
        line = lines[following]
        if not line or _is_capitals(line) or _starts_content(line, headerless):
            break
        parts.append(line)
        last = Found(following, 0, len(line))
        following += 1
    title = " ".join(p for p in parts if p)
    return title or None, _skip_authority_line(lines, last, issuer)


def _is_capitals(line: str) -> bool:
    """A line in capital words ("ỦY BAN NHÂN DÂN"), not a wrapped code such as "931B"."""
    return is_upper_text(line) and any(w.isalpha() and len(w) > 1 for w in line.split())


def _starts_content(line: str, headerless: bool = True) -> bool:
    return bool(BODY_START.match(line) or (headerless and CONSOLIDATION_PREAMBLE.match(line)))


def _skip_authority_line(lines: Sequence[str], last: Found, issuer: tuple[str, ...]) -> Found:
    """Past the enacting body printed between the subject and the content ("CHÍNH PHỦ",
    "BỘ TRƯỞNG BỘ TÀI CHÍNH"), which is neither title nor content."""
    if last.end < len(lines[last.line]):
        return last
    index = next_nonblank(lines, last.line + 1)
    if index is None:
        return last
    line = lines[index]
    enacting = _is_authority(line, issuer) or (
        bool(POSITION_START.match(line))
        and is_upper_text(line)
        and not re.search(r"[\d.:;]", line)
        and len(line.split()) <= 15
    )
    if not enacting:
        return last
    session = next_nonblank(lines, index + 1)
    if session is not None and _SESSION.fullmatch(lines[session]):
        index = session  # "KHÓA X, KỲ HỌP THỨ SÁU" under a council's name
    return Found(index, 0, len(lines[index]))


def _is_heading(line: str) -> bool:
    return bool(_HEADINGS.match(line))


def _is_authority(line: str, issuer: tuple[str, ...]) -> bool:
    """The enacting body: the issuing body itself, or its head ("BỘ TRƯỞNG BỘ TÀI CHÍNH")."""
    if not issuer or not is_upper_text(line):
        return False
    printed = key(line)
    for name in _enacting_names(issuer):
        body = key(name.text)
        if printed == body and not name.after_head:
            return True
        if printed.endswith(" " + body) and POSITION_START.match(line):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _EnactingName:
    text: str
    after_head: bool
    """Only recognised after its head's title: a unit's name alone is too common in subjects."""


def _enacting_names(issuer: tuple[str, ...]) -> tuple[_EnactingName, ...]:
    """The names a body enacts under: its name as printed in the header and, for a unit
    printed under its parent ("BỘ TÀI CHÍNH" / "TỔNG CỤC HẢI QUAN"), the unit's own name, which
    its head uses alone ("TỔNG CỤC TRƯỞNG TỔNG CỤC HẢI QUAN")."""
    names = [_EnactingName(" ".join(issuer), after_head=False)]
    if len(issuer) > 1 and _UNIT.match(issuer[-1]):
        names.append(_EnactingName(issuer[-1], after_head=True))
    return tuple(names)


def _strip_authority(title: str, issuer: tuple[str, ...]) -> str:
    """A capitals subject without the enacting body a scraper joined to its end."""
    if not issuer:
        return title
    session = _SESSION.search(title)
    if session and session.start() > 0:
        stripped = _strip_authority(title[: session.start()].rstrip(" ,"), issuer)
        return stripped if stripped != title[: session.start()].rstrip(" ,") else title
    for name in _enacting_names(issuer):
        without = _strip_name(title, name)
        if without is not None:
            return without
    return _strip_short_authority(title, issuer)


def _strip_name(title: str, name: _EnactingName) -> str | None:
    """The subject without the enacting name (and its head's title) at its end; the subject
    unchanged when a preposition shows that the name belongs to it ("… CỦA BỘ TÀI CHÍNH");
    None when the subject does not end with the name."""
    words = title.split()
    size = len(name.text.split())
    if len(words) <= size or key(" ".join(words[-size:])) != key(name.text):
        return None
    head = words[:-size]
    joined = " ".join(head)
    positions = [m for m in POSITION_START.finditer(joined) if m.end() == len(joined)]
    if positions:
        head = joined[: positions[-1].start()].split()
    elif name.after_head:
        return None
    if not head or head[-1] in _PREPOSITIONS:
        return title
    return " ".join(head)


def _strip_short_authority(title: str, issuer: tuple[str, ...]) -> str:
    """A capitals subject without its enacting head named shortly at its end ("… TỈNH QUẢNG
    TRỊ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", the issuer being "ỦY BAN NHÂN DÂN TỈNH QUẢNG
    TRỊ"): a head's title followed by the start of the issuing body's name."""
    body = key(" ".join(issuer))
    for position in reversed(list(POSITION_START.finditer(title))):
        rest = key(title[position.end() :])
        head = title[: position.start()].split()
        if len(rest.split()) >= 2 and body.startswith(rest) and head:
            return title if head[-1] in _PREPOSITIONS else " ".join(head)
    return title


def _letter_subject(
    lines: Sequence[str], subject: Found, date_at: Found | None
) -> tuple[str | None, Found | None]:
    """A Công văn's subject: the text after "V/v", over the lines it takes, up to the date or
    the salutation when a scraper joined them to it."""
    parts: list[str] = []
    index, start = subject.line, subject.end
    last = subject
    while index < len(lines) and index < subject.line + _MAX_TITLE_LINES:
        line = lines[index]
        dated = date_at if date_at and date_at.line == index else None
        end = _subject_end(line, start, dated)
        parts.append(line[start:end].strip())
        last = Found(index, start, end)
        index += 1
        if index >= len(lines) or not _continues_subject(lines[index]):
            break
        # Cut by the date printed beside it (two columns on one line), the subject goes on
        # below only if nothing follows the date and the next line is not a new sentence.
        if end < len(line) and (
            dated is None or line[dated.end :].strip() or lines[index][0].isupper()
        ):
            break
        start = 0
    title = " ".join(p for p in parts if p)
    return title or None, last


def _subject_end(line: str, start: int, date_at: Found | None) -> int:
    ends = [len(line)]
    if date_at is not None and date_at.start >= start:
        ends.append(date_at.start)
    salutation = SALUTATION.search(line, start)
    if salutation:
        ends.append(salutation.start())
    return min(ends)


def _continues_subject(line: str) -> bool:
    return bool(line) and not (
        _starts_content(line)
        or is_upper_text(line)
        or find_place_date(line) is not None
        or SALUTATION.match(line)
    )
