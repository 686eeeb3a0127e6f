"""From bytes to clean lines: decoding, Unicode normalisation and removal of what is not the text.

Staff bring notices exported from Word or PDF, or scraped from websites. Besides the document
they carry things that were never part of it: a byte-order mark, CRLF line ends, decomposed
diacritics, "Ð" (U+00D0, Icelandic eth) typed for "Đ", stray markup such as ``</xml``, the
Official Gazette's page headers ("CÔNG BÁO/Số 233 + 234/Ngày 12-5-2022") and page numbers, the
digital-signature stamp of the Gazette, and notes that legal websites insert in brackets
("[Điều này được sửa đổi bởi …]"). They are removed here, once, so that no later step has to
know about them.

A noise line becomes an empty line rather than disappearing: the header is read in blocks
separated by empty lines, and a page break must still separate what it separated.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..vietnamese import nfc
from .vocabulary import RULE

_CHAR_REPLACEMENTS = (
    ("\u00d0", "Đ"),  # Icelandic eth, which looks like Đ and is typed for it
    ("\u00f0", "đ"),
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u202f", " "),
    ("\u3000", " "),
    ("\t", " "),
    ("\ufeff", ""),
    ("\u200b", ""),
    ("\u200c", ""),
    ("\u200d", ""),
    ("\u2060", ""),
    ("\ufffd", ""),  # the replacement character left where a scraper cut a letter in two
)
"""Characters replaced one by one: str.replace is many times faster than str.translate with a
table, which matters on long Gazette extracts."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<\?[^>]*\?>|</?[A-Za-z][\w:.-]*(?:\s[^<>\n]*>|\s*/?>|(?=\s|$))"
)
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_WEBSITE_NOTE = re.compile(
    r"\s*\[[^\[\]]{0,3000}?(?:\s(?:được|bị)\s+(?:\S+\s+){0,5}?bởi\s"
    r"|có\s+hiệu\s+lực\s+(?:kể\s+)?từ|JavaScript:|ID:\s*\w)[^\[\]]*\]"
)
"""Notes a legal website adds in brackets, in its own set phrases: "[Khoản này được sửa đổi
bởi …]", "[… bị bãi bỏ bởi …]", "[… có hiệu lực từ ngày …]", and its bookmarks "[ID: …]".
Only these phrases mark a note: the document's own text also uses brackets (a form's "[Ghi rõ
…]", a footnote in brackets) and words such as "hiệu lực", and must not be removed with them."""
_GAZETTE_HEADER = re.compile(
    r"^(?:\d{1,4}\s+)?CÔNG\s+BÁO\s*/\s*Số\s*[\d\s+]+/\s*Ngày\s*\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}"
    r"(?:\s+\d{1,4})?$"
)
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_STAMP_START = re.compile(r"^(?:Ký\s+bởi|Người\s+ký)\s*:")
_STAMP_FIELD = re.compile(r"^(?:Email|Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Chức\s+vụ)\s*:")
_RULE_LINE = re.compile(r"^[-_=*~–—][-_=*~–— ]*[-_=*~–—]$")
_PAGE_WINDOW = 3
"""How far (in non-empty lines) a page number may sit from its page header."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a file and what had to be guessed to read it."""

    text: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """UTF-8 (with or without a byte-order mark) or UTF-16 with its mark; otherwise UTF-8 with
    undecodable bytes replaced, and a warning, so that a document is never refused outright."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"))
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        line = data.count(b"\n", 0, exc.start) + 1
        return Decoded(text, (f"not UTF-8 from line {line}: undecodable bytes were dropped",))


def normalise(text: str) -> str:
    """One line end (LF), composed diacritics (NFC), Đ for its look-alike, no control
    characters, no markup and no website notes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _MARKUP.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = nfc(text)
    for char, replacement in _CHAR_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    text = _CONTROL.sub("", text)
    if "[" in text:
        text = _WEBSITE_NOTE.sub("", text)
    return text


def clean_lines(text: str) -> list[str]:
    """The lines of a normalised text with spacing collapsed and noise lines emptied."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    _blank_page_furniture(lines)
    _blank_stamps(lines)
    for index, line in enumerate(lines):
        if len(line) >= 3 and _RULE_LINE.match(line):
            lines[index] = ""
    return lines


def _blank_page_furniture(lines: list[str]) -> None:
    """Gazette page headers, and the page numbers printed just above or below them."""
    headers = [i for i, line in enumerate(lines) if "BÁO" in line and _GAZETTE_HEADER.match(line)]
    for index in headers:
        lines[index] = ""
    for index in headers:
        for step in (-1, 1):
            _blank_page_number(lines, index, step)


def _blank_page_number(lines: list[str], start: int, step: int) -> None:
    seen = 0
    index = start + step
    while 0 <= index < len(lines) and seen < _PAGE_WINDOW:
        if lines[index]:
            if _PAGE_NUMBER.match(lines[index]):
                lines[index] = ""
            return
        seen += 1
        index += step


def _blank_stamps(lines: list[str]) -> None:
    """The Gazette's digital-signature stamp: "Ký bởi: …", "Cơ quan: …", "Ngày ký: …"."""
    index = 0
    while index < len(lines):
        if _STAMP_START.match(lines[index]):
            lines[index] = ""
            index += 1
            while index < len(lines) and _STAMP_FIELD.match(lines[index]):
                lines[index] = ""
                index += 1
        else:
            index += 1


def strip_rules(text: str) -> str:
    """A header line without the rules drawn beside it: "BỘ TÀI CHÍNH -----" → "BỘ TÀI CHÍNH"."""
    return " ".join(RULE.sub(" ", text).split())


def drop_repeats(lines: Sequence[str], title: str) -> list[str]:
    """Lines without the copies of a crawler's page title that its scraper inserted before
    chapters ("Thông tư 9/2019/TT-BXD. Chương II …"); the title itself is not the document's."""
    title = title.strip().rstrip(".")
    if len(title) < 8:
        return list(lines)
    pattern = re.compile(re.escape(title) + r"\.?(?:\s+|$)")
    return [pattern.sub("", line, count=1) if line.startswith(title) else line for line in lines]
