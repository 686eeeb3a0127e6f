"""Vietnamese text helpers: folding, slugs and the way dates are written in notices."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Đ and đ have no Unicode decomposition, so stripping combining marks leaves them as they are;
# every search engine and slug rule that folds Vietnamese must map them by hand.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Compose decomposed diacritics (NFC), which is how every stored text is kept."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Strip every diacritic, đ included: "Quyết định" becomes "Quyet dinh"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_d(text: str) -> str:
    """Replace only đ/Đ with d/D, keeping every other mark: "Đồng" becomes "Dồng"."""
    return text.translate(_D_MAP)


def has_marks(text: str) -> bool:
    """True when folding would change the text, that is when it carries Vietnamese marks."""
    return fold(text) != text


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "405/TB-VP.UBND" becomes "405-tb-vp-ubnd"."""
    return _SLUG_JUNK.sub("-", fold(text).lower()).strip("-")


def format_date(value: date) -> str:
    """The date as a notice writes it: "ngày 05 tháng 3 năm 2013", "ngày 10 tháng 02 năm 2014".

    Decree 30/2020/NĐ-CP pads days below 10 and the months January and February with a zero
    (so that "tháng 1" cannot be extended into "tháng 12" by hand); other months are not padded.
    """
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def format_short_date(value: date) -> str:
    """The compact form used in lists: "10/10/2013"."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def month_name(month: int) -> str:
    """ "Tháng 10"."""
    return f"Tháng {month}"
