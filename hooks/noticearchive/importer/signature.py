"""The signature block: authority (TM., KT., TL., TUQ., Q.), position and the signer's name.

Decree 30 prints it at the right under the content, each part on its line:

    TM. CHÍNH PHỦ
    KT. THỦ TƯỚNG
    PHÓ THỦ TƯỚNG
    (signature and seal)
    Mạc Đình Tú

Scrapers join these lines into one ("TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Mạc Đình Tú")
and often run the first appendix on after the name, or join the block to the last recipient.
The block is recognised as capitals that start with an authority mark or a position (a head's
title) and end with a personal name; the first such block after the content is the signature
of the document (later ones belong to forms in its appendices).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .position import Position
from .vocabulary import (
    AUTHENTICATION,
    DEPUTY_WORDS,
    NAME_PREFIX,
    NAME_STOP,
    NOT_A_NAME,
    POSITION_START,
    SIGNED_MARK,
    is_title_word,
    is_upper_text,
)

_MARK = re.compile(
    r"(?<!\S)(?:(?:TM|KT|TL|TUQ|Q|T\.M|K\.T|T\.L)\.|(?:T/M|K/T|T/L|TM|KT|TL|TUQ)(?=\s))"
)
HINT = re.compile(_MARK.pattern + "|" + POSITION_START.pattern)
"""Where a signature block may start: an authority mark or a position."""
_QUICK_HINT = re.compile(
    r"TM|KT|TL|TUQ|T/|K/|Q\.|TRƯỞNG|TƯỚNG|TỊCH|NHIỆM|ĐỐC|CHÁNH|TOÁN|BÍ THƯ|LỆNH|ỦY|THƯ KÝ|TẬP"
)
"""Words one of which every block holds; lines without any are passed over at once."""
_JUNK = re.compile(r"^[\[\](){}.,;:*\-–—_ ]*$")
_MAX_BLOCK_LINES = 8
"""Lines of text in a block at most: two authority lines, a position, junk, the name."""
_MAX_BLOCK_SPAN = 24
"""Lines a block may span with the empty lines left for the signature and seal."""
_MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """The signer as printed, and where the block lies in the cleaned lines."""

    authority: str | None
    """``KT. BỘ TRƯỞNG``, or two joined: ``TM. CHÍNH PHỦ KT. THỦ TƯỚNG``; None without one."""
    position: str | None
    name: str
    start: Position
    """Where the block's first capitals start (the content and recipients end before it)."""
    name_line: int


def find_signature(lines: Sequence[str], start: Position) -> SignatureBlock | None:
    """The first signature block at or after ``start``."""
    for index in range(start.line, len(lines)):
        line = lines[index]
        if not line:
            continue
        floor = start.col if index == start.line else 0
        block = _block_in_line(lines, index, floor)
        if block is not None:
            return block
    return None


def _block_in_line(lines: Sequence[str], index: int, floor: int) -> SignatureBlock | None:
    line = lines[index]
    if "ký" in line:
        signed = _signed_name(line)
        if signed is not None:
            return SignatureBlock(None, None, signed, Position(index, 0), index)
    if not _QUICK_HINT.search(line, floor):
        return None
    for hint in HINT.finditer(line, floor):
        if hint.start() > 0 and not line[hint.end() :].strip():
            continue  # "- Lưu: VT, KT.": a unit's initials ending a recipient, not a mark
        block = _parse_block(lines, index, hint.start())
        if block is not None:
            return block
    return None


def _signed_name(line: str) -> str | None:
    """A name alone with "(Đã ký)": the block of an old decree, signed without a position."""
    mark = SIGNED_MARK.search(line)
    if mark is None or line[mark.end() :].strip():
        return None
    words = line[: mark.start()].split()
    name = take_name(words)
    return name if name and len(name.split()) == len(words) else None


def _parse_block(lines: Sequence[str], index: int, col: int) -> SignatureBlock | None:
    """Capitals from ``col`` on (over the lines that follow), ending in a personal name."""
    capitals: list[str] = []
    at = index
    text = lines[index][col:]
    seen = 0
    spaced = False
    while at < len(lines) and at < index + _MAX_BLOCK_SPAN and seen < _MAX_BLOCK_LINES:
        if not text.strip():
            spaced = bool(capitals)
        elif not _JUNK.match(text) and not SIGNED_MARK.fullmatch(text):
            seen += 1
            words = text.split()
            name = _line_name(words) if capitals else None
            if name is None and spaced and split_roles(capitals)[1]:
                name = _capital_name(text)
            count = 0 if name else _leading_capitals(words)
            if count:
                capitals.append(" ".join(words[:count]))
            if count < len(words):
                name = name or take_name(words[count:])
                if name is None or not capitals:
                    return None
                authority, position = split_roles(capitals)
                return SignatureBlock(authority, position, name, Position(index, col), at)
        at += 1
        text = lines[at] if at < len(lines) else ""
    return None


def _line_name(words: Sequence[str]) -> str | None:
    """The name when it is the whole line (its first word may be a capital: "Y Thanh …")."""
    name = take_name(words)
    return name if name is not None and name == " ".join(words) else None


def _capital_name(text: str) -> str | None:
    """A name printed in capitals ("NGUYỄN THỊ HẠNH"), as some bodies do, after the space
    left for the signature; given in the ordinary case."""
    words = text.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or POSITION_START.search(text):
        return None
    if not all(w.isalpha() and is_upper_text(w) for w in words) or _MARK.match(text):
        return None
    name = " ".join(w.capitalize() for w in words)
    return name if name.split()[0] not in NOT_A_NAME else None


def _leading_capitals(words: Sequence[str]) -> int:
    count = 0
    for word in words:
        if not is_upper_text(word) and word not in {"-", "–", ","}:
            break
        count += 1
    return count


def take_name(words: Sequence[str]) -> str | None:
    """A personal name at the start of ``words``: two to five capitalised words, without a
    rank or degree before it ("Đại tướng") and without the text that follows it."""
    text = SIGNED_MARK.sub(" ", " ".join(words))
    text = NAME_PREFIX.sub("", text.strip())
    parts = text.split()
    taken: list[str] = []
    for word in parts:
        if not is_title_word(word) or len(taken) == _MAX_NAME_WORDS:
            break
        if taken and word in NAME_STOP:
            break
        taken.append(word)
    following = parts[len(taken)] if len(taken) < len(parts) else ""
    if following and following[0].islower() and taken:
        taken.pop()  # "Mạc Đình Tú Phụ lục": the last capital starts the next sentence
    if len(taken) < 2 or taken[0] in NOT_A_NAME:
        return None
    return " ".join(taken)


def split_roles(capitals: Sequence[str]) -> tuple[str | None, str | None]:
    """Authority and position from the capitals of a block, one entry per printed line."""
    phrases: list[str] = []
    for line in capitals:
        line = " ".join(AUTHENTICATION.sub(" ", line).split())
        phrases.extend(_split_at_marks(line))
    authority: list[str] = []
    position: list[str] = []
    for number, phrase in enumerate(phrases):
        if authority and _MARK.fullmatch(authority[-1].strip()) and not position:
            authority[-1] = f"{authority[-1]} {phrase}"  # "TL." printed alone on its line
        elif _MARK.match(phrase):
            authority.append(phrase)
        elif authority and not position and _names_the_body(phrase, phrases[number + 1 :]):
            authority[-1] = f"{authority[-1]} {phrase}"
        else:
            position.append(phrase)
    if authority and not position and authority[-1].startswith("Q."):
        position = [authority.pop()]  # an acting head ("Q. CHỦ TỊCH") signs in that position
    if authority and not position:
        authority[-1], tail = _split_marked(authority[-1])
        position = [tail] if tail else []
    return " ".join(authority) or None, " ".join(position) or None


def _names_the_body(phrase: str, following: Sequence[str]) -> bool:
    """A line that finishes the authority rather than starting the position: the name of the
    body printed under its head's title, as joint documents do ("KT. BỘ TRƯỞNG" / "BỘ CÔNG
    AN" / "THỨ TRƯỞNG"). It is not a title itself, and a title follows it."""
    return not POSITION_START.match(phrase) and any(POSITION_START.match(p) for p in following)


def _split_at_marks(line: str) -> list[str]:
    starts = [m.start() for m in _MARK.finditer(line)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds) if line[a:b].strip()]


def _split_marked(phrase: str) -> tuple[str, str | None]:
    """ "KT. BỘ TRƯỞNG THỨ TRƯỞNG" → ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), when a scraper joined the
    authority and the position: a deputy (KT.) is a PHÓ … or THỨ TRƯỞNG; for a body (TM.) the
    position is its head's title; under TL./TUQ. the position follows the head's title."""
    mark = _MARK.match(phrase)
    assert mark is not None
    rest = phrase[mark.end() :]
    kind = mark.group().strip(" .").replace("/", "").replace(".", "")
    if kind == "KT":
        cut = _first_of(rest, DEPUTY_WORDS)
    else:
        titles = [m for m in POSITION_START.finditer(rest)]
        skip = 0 if kind == "TM" else 1
        candidates = [m for m in titles[skip:] if m.start() > 0]
        cut = candidates[0].start() if candidates else None
    if cut is None or cut == 0:
        return phrase, None
    return (phrase[: mark.end()] + rest[:cut]).strip(), rest[cut:].strip()


def _first_of(text: str, words: Sequence[str]) -> int | None:
    found = [m.start() for w in words for m in re.finditer(rf"(?<!\S){w}(?!\S)", text)]
    return min(found) if found else None
