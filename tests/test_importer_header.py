"""The importer's first steps: cleaning raw text, then reading the header (issuing body,
number, place and date, type and subject). Every string here is written for the test, in the
shapes exports produce."""

from __future__ import annotations

from datetime import date

import pytest

from noticearchive.importer.cleanup import clean_lines, decode, drop_repeats, normalise
from noticearchive.importer.dates import find_place_date
from noticearchive.importer.header import Header, read_header


def header_of(text: str) -> Header:
    return read_header(clean_lines(normalise(text)))


# --- Cleaning ------------------------------------------------------------------------------


def test_decode_accepts_bom_and_utf16() -> None:
    assert decode("\ufeffSố: 1".encode()).text == "Số: 1"
    assert decode("Số: 1".encode("utf-16")).text == "Số: 1"


def test_decode_never_refuses_a_file() -> None:
    decoded = decode(b"S\xe1: 1\nabc\xff")
    assert decoded.warnings and "line 1" in decoded.warnings[0]


def test_normalise_composes_and_replaces_lookalikes() -> None:
    text = normalise("Ð\u00f0i\u0300 sa\u0301ng\r\n<b>Kết</b> luận&nbsp;</xml\r")
    assert text == "Đđì sáng\nKết luận \n"


def test_website_notes_are_removed() -> None:
    line = "Điều 5. Phạm vi [Khoản này được sửa đổi bởi Điểm c Khoản 4 Nghị định 77/2018/NĐ-CP]"
    assert normalise(line) == "Điều 5. Phạm vi"
    assert normalise("Tham khảo [1] và [ghi tên dự án]") == "Tham khảo [1] và [ghi tên dự án]"


@pytest.mark.parametrize(
    "note",
    [
        "[Điểm này được sửa đổi, bổ sung bởi Khoản 2 Điều 1 Thông tư 8/2017/TT-BXD]",
        "[Cụm từ này bị bãi bỏ bởi Điều 4 Nghị định 55/2016/NĐ-CP]",
        "[Nội dung này được hướng dẫn tại Công văn 120/UBND-KT có hiệu lực kể từ ngày 1/7/2016]",
        "[ID: muc_2_name]",
    ],
)
def test_each_kind_of_website_note_is_removed(note: str) -> None:
    assert normalise(f"Điều 7. Trách nhiệm thi hành {note}") == "Điều 7. Trách nhiệm thi hành"


@pytest.mark.parametrize(
    "text",
    [
        "Thời hạn [ghi rõ số ngày bảo đảm hiệu lực của hồ sơ dự thầu] kể từ ngày đóng thầu.",
        "Kết quả [tại Báo cáo số 12/BC-UBND về nâng cao hiệu lực, hiệu quả quản lý] như sau:",
    ],
)
def test_the_documents_own_brackets_are_kept(text: str) -> None:
    """Words such as "hiệu lực" are common in the document's own text: only the website's set
    phrases make a bracket a note to remove."""
    assert normalise(text) == text


def test_gazette_page_furniture_and_stamp_become_empty_lines() -> None:
    lines = clean_lines(
        "văn bản có liên quan thì\n\nCÔNG BÁO/Số 12 + 13/Ngày 05-01-2021 \n7\n \n"
        "thực hiện theo Nghị quyết này.\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2021-01-05 08:00:00 +07:00\n________\n"
        "18 CÔNG BÁO/Số 12 + 13/Ngày 05-01-2021"
    )
    text = [line for line in lines if line]
    assert text == ["văn bản có liên quan thì", "thực hiện theo Nghị quyết này."]


def test_page_numbers_are_only_removed_beside_page_headers() -> None:
    assert clean_lines("Bảng 1\n12\n34") == ["Bảng 1", "12", "34"]


def test_repeats_of_a_website_title_are_dropped() -> None:
    lines = ["Quyết định 7/QĐ-UBND. Chương II", "Điều 3. Quyết định 7/QĐ-UBND giữ nguyên."]
    assert drop_repeats(lines, "Quyết định 7/QĐ-UBND") == [
        "Chương II",
        "Điều 3. Quyết định 7/QĐ-UBND giữ nguyên.",
    ]


# --- Place and date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("Cao Lãnh, ngày 03 tháng 02 năm 2015", "Cao Lãnh", date(2015, 2, 3)),
        ("Hà Nội ngày 9 tháng 11 năm 2001", "Hà Nội", date(2001, 11, 9)),
        ("Số: 8/TB-UBND Sa Đéc, ngày 1 tháng 6 năm 2020", "Sa Đéc", date(2020, 6, 1)),
        ("TP. Hồ Chí Minh, ngày 31/12/2019", "TP. Hồ Chí Minh", date(2019, 12, 31)),
        (
            "Thành phố Hồ Chí Minh, ngày 2 tháng 9 năm 2010",
            "Thành phố Hồ Chí Minh",
            date(2010, 9, 2),
        ),
        ("Bà Rịa - Vũng Tàu, ngày 5 tháng 5 năm 2005", "Bà Rịa - Vũng Tàu", date(2005, 5, 5)),
        (
            "V/v báo cáo quý II năm 2020 Cần Thơ, ngày 7 tháng 7 năm 2020",
            "Cần Thơ",
            date(2020, 7, 7),
        ),
        ("14 tháng 3 năm 2018", None, date(2018, 3, 14)),
        ("Cà Mau, ngày 20 tháng 4 năm 20215", "Cà Mau", date(2021, 4, 20)),
    ],
)
def test_place_and_date(text: str, place: str | None, day: date) -> None:
    found = find_place_date(text)
    assert found is not None
    assert (found.place, found.value) == (place, day)


@pytest.mark.parametrize(
    "text", ["ngày 30 tháng 2 năm 2020", "ngày 5 tháng 13 năm 2020", "năm 2020"]
)
def test_impossible_or_partial_dates_are_not_dates(text: str) -> None:
    assert find_place_date(text) is None


# --- The header ----------------------------------------------------------------------------

WORD_EXPORT = """\
UBND TỈNH TRÀ VINH
SỞ Y TẾ
-------
Số: 15/KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Trà Vinh, ngày 12 tháng 3 năm 2021

KẾ HOẠCH
Tiêm chủng mở rộng
năm 2021 trên địa bàn tỉnh

Thực hiện Quyết định số 2/QĐ-BYT ngày 1 tháng 1 năm 2021 của Bộ Y tế;
"""


def test_header_of_a_word_export() -> None:
    header = header_of(WORD_EXPORT)
    assert header.issuer_lines == ("UBND TỈNH TRÀ VINH", "SỞ Y TẾ")
    assert header.number == "15/KH-SYT"
    assert (header.place, header.date) == ("Trà Vinh", date(2021, 3, 12))
    assert header.printed_type == "Kế hoạch" and not header.is_letter
    assert header.title == "Tiêm chủng mở rộng năm 2021 trên địa bàn tỉnh"
    assert header.body_start.line == 13


def test_header_with_columns_joined_line_by_line() -> None:
    header = header_of(
        "<xml>\nUBND HUYỆN GÒ CÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "VĂN PHÒNG Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 3 /TB-VP Gò Công, ngày 06 tháng 01 năm 2016\n\nTHÔNG BÁO\n\n"
        "Ý kiến kết luận của Chủ tịch UBND huyện\n\nNgày 02 tháng 01 năm 2016, ..."
    )
    assert header.issuer_lines == ("UBND HUYỆN GÒ CÔNG", "VĂN PHÒNG")
    assert header.number == "3/TB-VP"
    assert header.title == "Ý kiến kết luận của Chủ tịch UBND huyện"


def test_header_of_a_crawl_joined_on_one_line() -> None:
    header = header_of(
        "Luật Phòng, chống thiên tai 2013\n"
        "QUỐC HỘI ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "---------- Luật số: 33/2013/QH13 Hà Nội, ngày 19 tháng 06 năm 2013 "
        "LUẬT PHÒNG, CHỐNG THIÊN TAI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"
    )
    assert header.issuer_lines == ("QUỐC HỘI",)
    assert header.number == "33/2013/QH13"
    assert header.printed_type == "Luật"
    assert header.title == "PHÒNG, CHỐNG THIÊN TAI"
    assert header.preamble == "Luật Phòng, chống thiên tai 2013"


def test_enacting_body_is_neither_title_nor_content() -> None:
    header = header_of(
        "Quyết định 9/QĐ-UBND\nỦY BAN NHÂN DÂN TỈNH BẠC LIÊU -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------\n"
        "Số: 9/QĐ-UBND Bạc Liêu, ngày 2 tháng 1 năm 2019 QUYẾT ĐỊNH VỀ VIỆC GIAO CHỈ TIÊU "
        "KẾ HOẠCH NĂM 2019 ỦY BAN NHÂN DÂN TỈNH BẠC LIÊU\nCăn cứ Luật Tổ chức chính quyền;"
    )
    assert header.title == "VỀ VIỆC GIAO CHỈ TIÊU KẾ HOẠCH NĂM 2019"
    assert header.body_start.line == 4


def test_enacting_head_on_its_own_line_is_skipped() -> None:
    lines = clean_lines(
        "BỘ XÂY DỰNG\n____\nSố: 5/2020/TT-BXD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 8 tháng 5 năm 2020\n\nTHÔNG TƯ\n"
        "Hướng dẫn về định mức\n\nBỘ TRƯỞNG BỘ XÂY DỰNG\n\nCăn cứ Luật Xây dựng;"
    )
    header = read_header(lines)
    assert header.title == "Hướng dẫn về định mức"
    assert lines[header.body_start.line] == "Căn cứ Luật Xây dựng;"


def test_header_of_a_letter() -> None:
    header = header_of(
        "SỞ NỘI VỤ\n-------\nSố: 71/SNV-TCBC\nV/v rà soát biên chế\ncông chức năm 2022\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Sóc Trăng, ngày 15 tháng 8 năm 2022\nKính gửi: Các sở, ban, ngành tỉnh.\n"
    )
    assert header.is_letter and header.printed_type is None
    assert header.title == "rà soát biên chế công chức năm 2022"
    assert header.body_start.line == 8


def test_letter_with_subject_date_and_salutation_on_one_line() -> None:
    lines = clean_lines(
        "BỘ CÔNG THƯƠNG -------\nSố: 88/BCT-XNK V/v cấp giấy phép Hà Nội, ngày 3 tháng 3 "
        "năm 2017 Kính gửi: Công ty cổ phần An Phát Đề nghị của Công ty về việc cấp phép,"
    )
    header = read_header(lines)
    assert header.title == "cấp giấy phép"
    assert (header.place, header.date) == ("Hà Nội", date(2017, 3, 3))
    body = lines[header.body_start.line][header.body_start.col :]
    assert body.startswith("Kính gửi: Công ty cổ phần An Phát")


def test_gazette_section_headings_are_not_the_issuer() -> None:
    header = header_of(
        "CÔNG BÁO/Số 1 + 2/Ngày 03-01-2022\n5\n\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\nBỘ TƯ PHÁP\n\n"
        "BỘ TƯ PHÁP\n_____\nSố: 1/2022/TT-BTP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 1 tháng 1 năm 2022\n\nTHÔNG TƯ\n"
        "Quy định chi tiết\n\nCăn cứ Luật;"
    )
    assert header.issuer_lines == ("BỘ TƯ PHÁP",)


def test_consolidated_text_without_header_fields() -> None:
    header = header_of(
        "VĂN BẢN HỢP NHẤT -\nBỘ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nTHÔNG TƯ\nQuy định về khám sức khỏe\n"
        "Thông tư số 14/2013/TT-BYT ngày 6 tháng 5 năm 2013 của Bộ trưởng Bộ Y tế, được sửa đổi:"
    )
    assert header.issuer_lines == ()
    assert (header.number, header.date, header.place) == (None, None, None)
    assert header.title == "Quy định về khám sức khỏe"


def test_issuer_joined_with_its_parent_is_split_again() -> None:
    header = header_of(
        "UBND TỈNH BẾN TRE SỞ TÀI CHÍNH -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1/SOTC Bến Tre, ngày 2 tháng 2 năm 2020 THÔNG BÁO VỀ LỊCH LÀM VIỆC\nNội dung."
    )
    assert header.issuer_lines == ("UBND TỈNH BẾN TRE", "SỞ TÀI CHÍNH")


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Số: 27/TB-VP.UBND", "27/TB-VP.UBND"),
        ("Số:12/2018/QĐ-UBND.", "12/2018/QĐ-UBND"),
        ("Số: 125 / UBND-VP", "125/UBND-VP"),
        ("Nghị quyết số: 58/2016/QH14", "58/2016/QH14"),
        ("Số 07/CT-UBND", "07/CT-UBND"),
        ("Số: 48-CP", "48-CP"),
        ("Số: 31.2/2025/NQ-CP", "31.2/2025/NQ-CP"),
    ],
)
def test_number_forms(line: str, number: str) -> None:
    text = f"BỘ Y TẾ\n{line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 1 tháng 1 năm 2020"
    assert header_of(text).number == number


def test_number_on_the_line_after_its_label() -> None:
    assert header_of("CHÍNH PHỦ\nSố:\n12-CP Hà Nội, ngày 2 tháng 3 năm 1995").number == "12-CP"


def test_number_wrapped_after_a_hyphen_is_joined() -> None:
    """A narrow left column wraps a long ký hiệu (a joint circular's) after a hyphen."""
    header = header_of(
        "BỘ XÂY DỰNG - BỘ TÀI CHÍNH\nSố: 03/2019/TTLT-BXD-\nBTC\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 9 tháng 4 năm 2019\n\nTHÔNG TƯ LIÊN TỊCH\nHướng dẫn về phí thẩm định\n"
    )
    assert header.number == "03/2019/TTLT-BXD-BTC"
    assert (header.place, header.date) == ("Hà Nội", date(2019, 4, 9))


def test_a_wrapped_number_is_not_joined_to_the_national_title() -> None:
    header = header_of(
        "SỞ NỘI VỤ\nSố: 14/SNV-\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Cao Lãnh, ngày 2 tháng 5 năm 2018\n"
    )
    assert header.number == "14/SNV"


@pytest.mark.parametrize(
    ("joined", "lines"),
    [
        ("BỘ NỘI VỤ CỤC VĂN THƯ VÀ LƯU TRỮ", ("BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ LƯU TRỮ")),
        ("BỘ QUỐC PHÒNG CỤC KINH TẾ", ("BỘ QUỐC PHÒNG", "CỤC KINH TẾ")),
        ("BỘ NỘI VỤ VỤ PHÁP CHẾ", ("BỘ NỘI VỤ", "VỤ PHÁP CHẾ")),
        ("UBND HUYỆN KIÊN LƯƠNG PHÒNG Y TẾ", ("UBND HUYỆN KIÊN LƯƠNG", "PHÒNG Y TẾ")),
        ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG",)),
    ],
)
def test_parent_names_ending_in_a_unit_word_are_not_split_there(
    joined: str, lines: tuple[str, ...]
) -> None:
    """ "VỤ", "PHÒNG", "TRƯỜNG" begin units but also end ministries' names ("BỘ NỘI VỤ")."""
    header = header_of(
        f"{joined} -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 8/TB-VP Hà Nội, ngày 2 tháng 2 năm 2020 THÔNG BÁO VỀ LỊCH LÀM VIỆC\nNội dung."
    )
    assert header.issuer_lines == lines


def test_head_of_a_unit_named_after_the_subject() -> None:
    """Under its parent, a unit's head enacts with the unit's name alone ("CỤC TRƯỞNG CỤC
    …"), not the parent's and the unit's together as the header prints them."""
    header = header_of(
        "BỘ CÔNG THƯƠNG CỤC HÓA CHẤT -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------\n"
        "Số: 51/QĐ-HC Hà Nội, ngày 4 tháng 4 năm 2016 QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ THỦ TỤC "
        "KIỂM TRA CỤC TRƯỞNG CỤC HÓA CHẤT\nCăn cứ Luật Tổ chức Chính phủ;"
    )
    assert header.issuer_lines == ("BỘ CÔNG THƯƠNG", "CỤC HÓA CHẤT")
    assert header.title == "VỀ VIỆC CÔNG BỐ THỦ TỤC KIỂM TRA"


def test_a_unit_named_without_its_head_stays_in_the_subject() -> None:
    header = header_of(
        "BỘ CÔNG THƯƠNG CỤC HÓA CHẤT -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------\n"
        "Số: 52/QĐ-HC Hà Nội, ngày 4 tháng 4 năm 2016 QUYẾT ĐỊNH VỀ VIỆC KIỆN TOÀN PHÒNG "
        "THUỘC CỤC HÓA CHẤT\nCăn cứ Luật Tổ chức Chính phủ;"
    )
    assert header.title == "VỀ VIỆC KIỆN TOÀN PHÒNG THUỘC CỤC HÓA CHẤT"


def test_unsigned_draft_has_no_number() -> None:
    assert header_of("SỞ Y TẾ\nSố: /QĐ-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").number is None


def test_text_without_a_header_yields_nothing_invented() -> None:
    header = header_of("Một đoạn văn bản bất kỳ.\nKhông có quốc hiệu, số hay ngày tháng.")
    assert header.issuer_lines == ()
    assert (header.number, header.date, header.title, header.printed_type) == (None,) * 4
    assert header.body_start.line == 0


def test_website_title_in_capitals_is_not_the_issuer() -> None:
    header = header_of(
        "QUYẾT ĐỊNH 12/QĐ-UBND NĂM 2020 VỀ GIAO ĐẤT\nỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------\n"
        "Số: 12/QĐ-UBND Đắk Lắk, ngày 6 tháng 1 năm 2020\nQUYẾT ĐỊNH\nVề việc giao đất\n"
    )
    assert header.issuer_lines == ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",)
    assert header.title == "Về việc giao đất"


def test_council_enacting_formula_with_its_session() -> None:
    """A council's resolution names the council and its session between subject and content."""
    lines = clean_lines(
        "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH\n-------\nSố: 10/NQ-HĐND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Trà Vinh, ngày 7 tháng 7 năm 2022\n\nNGHỊ QUYẾT\nVề giá đất năm 2022\n\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH\nKHÓA X, KỲ HỌP THỨ SÁU\n\nCăn cứ Luật Đất đai;"
    )
    header = read_header(lines)
    assert header.title == "Về giá đất năm 2022"
    assert lines[header.body_start.line] == "Căn cứ Luật Đất đai;"
    crawled = header_of(
        "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------\n"
        "Số: 10/NQ-HĐND Trà Vinh, ngày 7 tháng 7 năm 2022 NGHỊ QUYẾT VỀ GIÁ ĐẤT NĂM 2022 "
        "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH KHÓA X, KỲ HỌP THỨ SÁU\nCăn cứ Luật Đất đai;"
    )
    assert crawled.title == "VỀ GIÁ ĐẤT NĂM 2022"


def test_enacting_head_named_shortly_after_the_subject() -> None:
    header = header_of(
        "UỶ BAN NHÂN DÂN TỈNH LAI CHÂU --------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------\n"
        "Số: 77/QĐ-CT Lai Châu, ngày 3 tháng 3 năm 2011 QUYẾT ĐỊNH BAN HÀNH MỨC HỖ TRỢ TRÊN "
        "ĐỊA BÀN TỈNH LAI CHÂU CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH\nCăn cứ Luật;"
    )
    assert header.title == "BAN HÀNH MỨC HỖ TRỢ TRÊN ĐỊA BÀN TỈNH LAI CHÂU"
