"""The place and date line: "Phan Thiết, ngày 14 tháng 8 năm 1997".

Decree 30 prints the place name, a comma and the date in words. Scraped text loses the comma
("Cần Thơ ngày 3 tháng 6 năm 2019"), joins the line to the number or the subject before it, or
keeps only the date ("21 tháng 9 năm 2016"); the date may also be written with slashes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .vocabulary import DATE_NUMERIC, DATE_WORDS, is_title_word

_PLACE_CONNECTORS = frozenset({"phố", "xã", "thị", "trấn", "-"})
"""Lower-case words inside place names: "Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu"."""
_PLACE_ABBREVIATIONS = re.compile(r"^(?:TP|Tp|TX|Tx|TT|Q|H)\.$")
_MAX_PLACE_WORDS = 6
EARLIEST_YEAR = 1945


@dataclass(frozen=True, slots=True)
class PlaceDate:
    """A place-and-date phrase found in a line, with where it starts and ends."""

    value: date
    place: str | None
    start: int
    """Offset of the phrase (of the place when there is one) in the text searched."""
    end: int


def to_date(day: str, month: str, year: str) -> date | None:
    """The date, or None when it cannot exist or is older than the state whose notices these are."""
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if value.year >= EARLIEST_YEAR else None


def find_place_date(text: str, start: int = 0) -> PlaceDate | None:
    """The first place-and-date phrase in ``text`` from ``start``: the date in words or with
    slashes, and the place name just before it, if any."""
    for pattern in (DATE_WORDS, DATE_NUMERIC):
        match = pattern.search(text, start)
        while match is not None:
            value = to_date(*match.groups())
            if value is not None:
                place, place_start = _place_before(text, match.start(), start)
                return PlaceDate(value, place, place_start, match.end())
            match = pattern.search(text, match.end())
    return None


def _place_before(text: str, date_start: int, floor: int) -> tuple[str | None, int]:
    """The run of capitalised words that ends just before the date: the place name."""
    before = text[floor:date_start].rstrip().rstrip(",").rstrip()
    words = before.split(" ") if before else []
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) >= _MAX_PLACE_WORDS or not _is_place_word(word, taken):
            break
        taken.append(word)
    while taken and taken[-1] in _PLACE_CONNECTORS:
        taken.pop()
    if not taken:
        return None, date_start
    place = " ".join(reversed(taken))
    return place, floor + len(before) - len(place)


def _is_place_word(word: str, taken: list[str]) -> bool:
    capitals = all(w.isupper() for w in taken if w not in _PLACE_CONNECTORS)
    if word.isupper() and word.isalpha() and len(word) > 1:
        return capitals  # a place printed in capitals, "HÀ NỘI", but not "CHÍNH PHỦ Hà Nội"
    if is_title_word(word) or _PLACE_ABBREVIATIONS.match(word):
        return not taken or not capitals
    return bool(taken) and word in _PLACE_CONNECTORS
