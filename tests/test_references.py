"""Finding mentions of documents in text, on the phrasings notices use."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticearchive.references import _NUMBER_AT, _numbers, body_key, find_mentions, number_key

# (text, [(type word, number, date, body starts with)]). Written for these tests.
PHRASINGS = [
    (
        "Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/3/2016 của UBND tỉnh Hậu Giang về việc…;",
        [("Quyết định", "1234/QĐ-UBND", date(2016, 3, 5), "UBND tỉnh Hậu Giang")],
    ),
    (
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 12 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh,",
        [("Kế hoạch", "45/KH-UBND", date(2018, 4, 12), "Ủy ban nhân dân tỉnh")],
    ),
    ("theo Công văn 125/UBND-VP về lịch họp", [("Công văn", "125/UBND-VP", None, None)]),
    (
        "các Nghị định số 30/2020/NĐ-CP và 31/2020/NĐ-CP của Chính phủ",
        [
            ("Nghị định", "30/2020/NĐ-CP", None, None),
            ("Nghị định", "31/2020/NĐ-CP", None, "Chính phủ"),
        ],
    ),
    (
        "Thông tư liên tịch số 10/2014/TTLT-BTC-BNV hướng dẫn",
        [("Thông tư liên tịch", "10/2014/TTLT-BTC-BNV", None, None)],
    ),
    (
        "theo quyết định số 7/QĐ-UBND của Văn phòng UBND tỉnh ngày 3/2/2015 thì",
        [("quyết định", "7/QĐ-UBND", date(2015, 2, 3), "Văn phòng UBND tỉnh")],
    ),
    ("Chỉ thị số 15-CT/TU của Tỉnh ủy", [("Chỉ thị", "15-CT/TU", None, "Tỉnh ủy")]),
    # A scrape may write the ký hiệu with Cyrillic look-alikes (С, Р).
    ("Nghị định số 40/2026/NĐ-СР quy định", [("Nghị định", "40/2026/NĐ-CP", None, None)]),
    ("Tại QĐ số 88/QĐ-SYT, Sở đã", [("QĐ", "88/QĐ-SYT", None, None)]),
    ("đã nêu tại Thông báo số 405/TB-VP.UBND.", [("Thông báo", "405/TB-VP.UBND", None, None)]),
    (
        "Văn bản số 12/UBND-VP ngày 05-01-2019 của UBND TP. Vị Thanh",
        [("Văn bản", "12/UBND-VP", date(2019, 1, 5), "UBND TP. Vị Thanh")],
    ),
    (
        "Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 ban hành",
        [("Nghị quyết", "30c/NQ-CP", date(2011, 11, 8), None)],
    ),
    ("của Luật số 35/2018/QH14 sửa đổi", [("Luật", "35/2018/QH14", None, None)]),
    (
        "Công văn số 2356/UBND-KT ngày 22/7/2020, Công văn số 1785/UBND-KT về kiểm kê",
        [
            ("Công văn", "2356/UBND-KT", date(2020, 7, 22), None),
            ("Công văn", "1785/UBND-KT", None, None),
        ],
    ),
]

NOT_MENTIONS = [
    "Ngày 17/10/2013, tại Hội trường",
    "Quyết định này có hiệu lực kể từ ngày ký",
    "theo Quyết định số của UBND tỉnh",
    "đạt tỷ lệ 1/2 so với cùng kỳ",
    "phòng số 12/3 đường Trần Hưng Đạo",
    "Thông báo kết quả tuyển sinh năm 2020",
]


@pytest.mark.parametrize(("text", "want"), PHRASINGS)
def test_phrasings(text: str, want: list[tuple[str, str, date | None, str | None]]) -> None:
    found = list(find_mentions(text))
    got = [(m.type_word, m.number, m.date, m.body) for m in found]
    assert len(got) == len(want), got
    for (type_word, number, on, body), (w_type, w_number, w_date, w_body) in zip(
        got, want, strict=True
    ):
        assert (type_word, number, on) == (w_type, w_number, w_date)
        if w_body is None:
            assert body is None
        else:
            assert body is not None and body.startswith(w_body), body


@pytest.mark.parametrize("text", NOT_MENTIONS)
def test_not_mentions(text: str) -> None:
    assert list(find_mentions(text)) == []


def test_span_covers_type_number_and_date() -> None:
    text = "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2016 của UBND tỉnh;"
    (mention,) = find_mentions(text)
    assert text[mention.start : mention.end] == "Quyết định số 12/QĐ-UBND ngày 05/3/2016"


def test_number_key_ignores_spelling_differences() -> None:
    assert number_key("05/QĐ-UBND") == number_key("5/QD-UBND") == (5, "qdubnd", None)
    assert number_key("12/2018/NĐ-CP") == (12, "ndcp", 2018)
    assert number_key("405/TB-VP.UBND") == number_key("405/TB-VPUBND")
    assert number_key("không phải số") is None


def test_body_key_expands_abbreviations() -> None:
    assert body_key("UBND tỉnh Hậu Giang") == body_key("Ủy ban nhân dân tỉnh Hậu Giang")
    assert body_key("UBND TP. Vị Thanh") == "uy ban nhan dan thanh pho vi thanh"


# Text made of the characters numbers and their surroundings are made of, so that near-misses
# ("12a3/", "x12/TB", "12/2018/", "Đ12/QĐ") are frequent.
_NUMBERISH = st.text(alphabet="0123456789abxQĐÐTB/-.& \nsốngày", max_size=60)


@given(_NUMBERISH)
def test_the_quick_number_scan_finds_what_the_pattern_finds(text: str) -> None:
    assert [m.span() for m in _numbers(text)] == [m.span() for m in _NUMBER_AT.finditer(text)]
