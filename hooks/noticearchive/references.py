"""Finding mentions of documents in the text of a notice.

Vietnamese documents cite each other in a few set phrasings (Decree 30/2020/NĐ-CP and long
practice): the type name or its abbreviation, often "số", the number with its ký hiệu, often
the issuing date, and often the issuing body::

    Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/3/2016 của UBND tỉnh Hậu Giang;
    Thực hiện Kế hoạch số 45/KH-UBND ngày 12 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh…
    theo Công văn 125/UBND-VP, Nghị định số 30/2020/NĐ-CP và 31/2020/NĐ-CP…

This module only reads text; deciding which notice a mention means is ``crossref``'s work.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .vietnamese import fold

# Type names and abbreviations that introduce a document number. Longer names come first so
# that "Thông tư liên tịch" is not read as "Thông tư".
TYPE_WORDS = (
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Văn bản hợp nhất",
    "Giấy mời",
    "Giấy giới thiệu",
    "Giấy ủy quyền",
    "Giấy nghỉ phép",
    "Phiếu gửi",
    "Phiếu chuyển",
    "Phiếu báo",
    "Biên bản",
    "Hợp đồng",
    "Bản ghi nhớ",
    "Bản thỏa thuận",
    "Dự án",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Thông tư",
    "Thông báo",
    "Thông cáo",
    "Công văn",
    "Công điện",
    "Kế hoạch",
    "Chỉ thị",
    "Hướng dẫn",
    "Chương trình",
    "Phương án",
    "Đề án",
    "Báo cáo",
    "Tờ trình",
    "Quy chế",
    "Quy định",
    "Pháp lệnh",
    "Sắc lệnh",
    "Luật",
    "Văn bản",
)
TYPE_ABBREVIATIONS = ("QĐ", "NQ", "NĐ", "TTLT", "TT", "CT", "KH", "TB", "HD", "CV", "VB", "BC")


def _type_alternation() -> str:
    names = [_any_case_first(name) for name in TYPE_WORDS]
    return "|".join(names + [re.escape(a) for a in TYPE_ABBREVIATIONS])


def _any_case_first(name: str) -> str:
    """A type name whose first letter may be upper or lower case ("Quyết định", "quyết định")."""
    first = name[0]
    return f"[{first.upper()}{first.lower()}]{re.escape(name[1:])}"


# The number: a sequence (digits, perhaps a letter: "30c"), perhaps the year, then the ký hiệu
# after "/" (or, in older documents, after "-": "61-CP"); the ký hiệu holds a capital letter.
_NUMBER = r"\d{1,5}[a-z]?(?:/\d{4})?[/-](?=[^\s]*[A-ZĐÐ])[A-ZĐÐ0-9][\w.&/-]*"
# Numbers are rare in a text and type words are many: the scan looks for numbers first, then
# for a type word just before each, which is several times faster than trying every type word
# at every position.
_NUMBER_AT = re.compile(rf"(?<![\w/.-]){_NUMBER}")
_TYPE_BEFORE = re.compile(rf"(?<![\w/])(?P<type>{_type_alternation()})(?:\s+số)?:?\s+\Z")
_TYPE_REACH = 40
"""The longest type phrase with "số" and spaces that can stand before a number."""
_MORE = re.compile(rf"\s*(?:,|và|;)\s*(?:số\s+)?(?P<number>{_NUMBER})")
_DATE = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*"
    r"(?P<y>\d{4})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)
_BODY = re.compile(r"\s+(?:của|do)\s+(?P<body>(?:(?!\s+ngày\s+\d)[^,;:()\n]){2,90})")
# Scrapes sometimes carry look-alike letters in ký hiệu ("NĐ-СР" with Cyrillic С and Р).
_LOOKALIKES = str.maketrans("АВСЕНКМОРТХаеорсух", "ABCEHKMOPTXaeopcyx")


@dataclass(frozen=True, slots=True)
class Mention:
    """A document named in a text."""

    start: int
    end: int
    """Span of the type word and number (and date, when given) in the text."""
    type_word: str
    number: str
    date: dt.date | None
    body: str | None
    """The text after "của"/"do", which may begin with the issuing body's name."""

    @property
    def key(self) -> tuple[str, dt.date | None, str | None]:
        """What decides a mention's resolution: equal keys resolve alike."""
        return (self.number, self.date, self.body)


def clean_number(number: str) -> str:
    """A number as written, without the sentence's final punctuation or look-alike letters."""
    number = number.translate(_LOOKALIKES).replace("Ð", "Đ")
    return number.rstrip(".-/&")


def _parse_date(match: re.Match[str]) -> dt.date | None:
    day, month, year = (match["d"], match["m"], match["y"])
    if day is None:
        day, month, year = (match["d2"], match["m2"], match["y2"])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _tail(text: str, end: int) -> tuple[int, dt.date | None, str | None]:
    """Date and body that follow a number (in either order); returns the mention's new end."""
    found_date: dt.date | None = None
    body: str | None = None
    span_end = end
    position = end
    for _ in range(2):
        date_match = _DATE.match(text, position) if found_date is None else None
        if date_match:
            found_date = _parse_date(date_match)
            position = span_end = date_match.end()
            continue
        body_match = _BODY.match(text, position) if body is None else None
        if body_match:
            body = body_match["body"].strip()
            position = body_match.end()
            continue
        break
    return span_end, found_date, body


_NUMBER_HEAD = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """What ``_NUMBER_AT.finditer(text)`` finds, several times faster.

    Every number holds "/" or "-" right after its sequence, and the text holds few of them:
    finding those characters is a plain substring search, and the number pattern is then tried
    only where one follows a digit or a letter, at the start of the run of digits and letters
    before it, rather than at every position of the text."""
    starts: set[int] = set()
    for separator in ("/", "-"):
        at = text.find(separator, 1)
        while at != -1:
            start = at
            while start > 0 and text[start - 1] in _NUMBER_HEAD:
                start -= 1
            if start < at:
                starts.add(start)
            at = text.find(separator, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (found := _NUMBER_AT.match(text, start)):
            end = found.end()
            yield found


def find_mentions(text: str) -> Iterator[Mention]:
    """Every mention of a numbered document in the text, in order."""
    consumed = 0
    for found in _numbers(text):
        if found.start() < consumed:
            continue  # part of a list already read: "… số 30/2020/NĐ-CP và 31/2020/NĐ-CP"
        typed = _TYPE_BEFORE.search(text, max(0, found.start() - _TYPE_REACH), found.start())
        if typed is None:
            continue
        numbers = [(typed.start(), found.start(), found.group())]
        position = found.end()
        while more := _MORE.match(text, position):
            numbers.append((more.start("number"), more.start("number"), more["number"]))
            position = more.end()
        consumed = position
        # The date and body written after the last number belong to it; a list shares them
        # only when it is a single mention.
        for index, (start, number_start, raw) in enumerate(numbers):
            number = clean_number(raw)
            end = number_start + len(number)
            found_date, body = (None, None)
            if index == len(numbers) - 1:
                end, found_date, body = _tail(text, end)
            yield Mention(
                start=start,
                end=end,
                type_word=typed["type"],
                number=number,
                date=found_date,
                body=body,
            )


_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$|(`+).+?\2", re.M | re.S)


def mask_code(markdown: str) -> str:
    """The Markdown with code blocks and spans blanked out (offsets and lines kept): text in
    code is shown as written and never read as a mention."""
    if "`" not in markdown and "~~~" not in markdown:
        return markdown  # most notices: no code, and no need to scan for it
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)


_NUMBER_PARTS = re.compile(r"^(\d+)([a-z]?)(?:/(\d{4}))?[/-](.+)$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def number_key(number: str) -> tuple[int, str, int | None] | None:
    """What identifies a number across spellings: the sequence (without leading zeros), the
    ký hiệu folded to lower-case ASCII, and the year written in the number, if any. (Cached:
    the same numbers are cited over and over.)"""
    match = _NUMBER_PARTS.match(clean_number(number).strip())
    if not match:
        return None
    sequence, letter, year, symbol = match.groups()
    symbol_key = _NOT_ALNUM.sub("", fold(letter + "|" + symbol).lower())
    return (int(sequence), symbol_key, int(year) if year else None)


_BODY_ABBREVIATIONS = [
    (re.compile(rf"\b{short}(?=\s|$)"), full)
    for short, full in (
        (r"ubnd", "uy ban nhan dan"),
        (r"hdnd", "hoi dong nhan dan"),
        (r"tp\.?", "thanh pho"),
        (r"tx\.?", "thi xa"),
        (r"vp", "van phong"),
    )
]


@functools.lru_cache(maxsize=4096)
def body_key(text: str) -> str:
    """Folded, lower-case, with the usual abbreviations of body names expanded, so that
    "UBND tỉnh" and "Ủy ban nhân dân tỉnh" compare equal."""
    key = " ".join(fold(text).lower().split())
    for pattern, full in _BODY_ABBREVIATIONS:
        key = pattern.sub(full, key)
    return " ".join(key.replace(".", " ").split())
