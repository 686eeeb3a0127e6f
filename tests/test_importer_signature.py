"""Reading the signature block and the recipients ("Nơi nhận"), with strings written for the
test in the shapes exports produce."""

from __future__ import annotations

import pytest

from noticearchive.importer import extract_text
from noticearchive.importer.cleanup import clean_lines, normalise
from noticearchive.importer.position import Position
from noticearchive.importer.recipients import find_recipients
from noticearchive.importer.signature import (
    SignatureBlock,
    find_signature,
    split_roles,
    take_name,
)


def signature_of(text: str) -> SignatureBlock | None:
    return find_signature(clean_lines(normalise(text)), Position(0, 0))


def roles(text: str) -> tuple[str | None, str | None, str | None]:
    block = signature_of(text)
    assert block is not None, text
    return block.authority, block.position, block.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One part a line, as the decree prints it.
        (
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLâm Văn Hòa",
            ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Hòa"),
        ),
        ("GIÁM ĐỐC\n(Đã ký)\nTrương Thị Mỹ", (None, "GIÁM ĐỐC", "Trương Thị Mỹ")),
        ("KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n[\nHà Văn Ba", ("KT.GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hà Văn Ba")),
        # Joined on one line by a scraper, with an appendix run on after the name.
        (
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lâm Văn Hòa PHỤ LỤC I",
            ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Hòa"),
        ),
        (
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Đinh Công Lý Mẫu số 02 (Kèm theo Quyết định)",
            ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đinh Công Lý"),
        ),
        (
            "TM. HỘI ĐỒNG NHÂN DÂN CHỦ TỊCH Mai Xuân Thu Phụ lục kèm theo",
            ("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "Mai Xuân Thu"),
        ),
        (
            "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Tô Minh Chiến",
            ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Tô Minh Chiến"),
        ),
        (
            "TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nNgô Thị Lệ",
            ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Ngô Thị Lệ"),
        ),
        (
            "TL.\nGIÁM ĐỐC CHÁNH VĂN PHÒNG Lý Bá Tòng",
            ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Lý Bá Tòng"),
        ),
        (
            "TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\nKim Văn Út",
            ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "Kim Văn Út"),
        ),
        ("BỘ TRƯỞNG\n\nThượng tướng Lã Văn Trọng", (None, "BỘ TRƯỞNG", "Lã Văn Trọng")),
        ("CHỦ TỊCH QUỐC HỘI Đoàn Văn Kỳ", (None, "CHỦ TỊCH QUỐC HỘI", "Đoàn Văn Kỳ")),
    ],
)
def test_signature_blocks(text: str, expected: tuple[str | None, str | None, str]) -> None:
    assert roles(text) == expected


def test_name_signed_without_a_position() -> None:
    assert roles("... chịu trách nhiệm thi hành.\nLương Đức Tín (Đã ký)") == (
        None,
        None,
        "Lương Đức Tín",
    )


def test_block_starting_inside_the_last_recipient() -> None:
    line = "- Lưu: VT, NC (3b). Hải Yến GIÁM ĐỐC Châu Văn Lợi"
    block = signature_of(line)
    assert block is not None
    assert (block.position, block.name) == ("GIÁM ĐỐC", "Châu Văn Lợi")
    assert block.start == Position(0, line.index("GIÁM"))


@pytest.mark.parametrize(
    "text",
    [
        "- Lưu: VT, KT.\nNgô Văn Hai",  # initials of a unit are not the mark KT.
        "Giao BỘ TRƯỞNG Bộ Tài chính hướng dẫn.",  # a sentence, not a name
        "GIÁM ĐỐC\n(Ký tên, đóng dấu)",  # the blank of a form
        "CHƯƠNG I\nNhững quy định chung",
    ],
)
def test_not_signature_blocks(text: str) -> None:
    assert signature_of(text) is None


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Hứa Thị Kim Nguyệt", "Hứa Thị Kim Nguyệt"),
        ("Mạc Đình Tú Phụ lục", "Mạc Đình Tú"),
        ("Quách Văn Lộc Mẫu số 07 kèm theo", "Quách Văn Lộc"),
        ("Đại tá Hồ Văn Mười", "Hồ Văn Mười"),
        ("Kha Văn Bảo (Đã ký)", "Kha Văn Bảo"),
        ("Bộ Tài chính", None),
        ("Như trên;", None),
        ("An", None),
    ],
)
def test_take_name(words: str, name: str | None) -> None:
    assert take_name(words.split()) == name


def test_split_roles_without_line_breaks() -> None:
    assert split_roles(["K/T BỘ TRƯỞNG BỘ Y TẾ THỨ TRƯỞNG"]) == (
        "K/T BỘ TRƯỞNG BỘ Y TẾ",
        "THỨ TRƯỞNG",
    )
    assert split_roles(["XÁC THỰC VĂN BẢN HỢP NHẤT", "CHỦ NHIỆM"]) == (None, "CHỦ NHIỆM")


# --- Recipients ----------------------------------------------------------------------------


def recipients_of(text: str) -> tuple[str, ...]:
    lines = clean_lines(normalise(text))
    signature = find_signature(lines, Position(0, 0))
    return find_recipients(lines, Position(0, 0), signature).items


def test_recipients_before_the_signature() -> None:
    text = (
        "Nội dung./.\nNơi nhận:\n- Như trên;\n- UBND tỉnh (b/c);\n- Lưu: VT, TH.\nGIÁM ĐỐC\nLa Tư"
    )
    assert recipients_of(text) == ("Như trên;", "UBND tỉnh (b/c);", "Lưu: VT, TH.")


def test_recipient_continued_on_the_signature_line() -> None:
    text = "Nơi nhận:\n- Như trên;\n- Lưu VT;\nTCKT.(12) KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Thị Hoa"
    assert recipients_of(text) == ("Như trên;", "Lưu VT; TCKT.(12)")


def test_recipients_after_the_signature() -> None:
    text = (
        "Nội dung./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nCao Văn Sáu\n\nNơi nhận:\n- Như trên;\n- Lưu: VT."
    )
    assert recipients_of(text) == ("Như trên;", "Lưu: VT.")


def test_recipients_joined_on_one_line() -> None:
    assert recipients_of("Nơi nhận: - Như trên; - Lưu: VT.\nGIÁM ĐỐC\nLa Văn Tư") == (
        "Như trên;",
        "Lưu: VT.",
    )


def test_recipients_of_a_form_in_an_appendix_are_not_the_documents() -> None:
    text = (
        "Nội dung./.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhan Văn Mãi\nPHỤ LỤC\nMẫu báo cáo\n"
        "Đơn vị lập mẫu\nMẫu này dùng cho việc tổng hợp số liệu\nPhần thứ nhất\n"
        "Nơi nhận:\n- Như trên;\n- Lưu."
    )
    assert recipients_of(text) == ()


# --- In a whole document --------------------------------------------------------------------

LETTER = """\
UBND TỈNH TRÀ VINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc
Số: 210/STP-HCTP Trà Vinh, ngày 5 tháng 9 năm 2022
V/v triển khai Luật Hộ tịch

Kính gửi: UBND các huyện, thị xã, thành phố.

Thực hiện chỉ đạo của UBND tỉnh, Sở Tư pháp đề nghị các địa phương triển khai.

Trân trọng./.

Nơi nhận:
- Như trên;
- Lưu: VT, HCTP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
(Đã ký)
Lư Thị Bé
"""


def test_whole_letter() -> None:
    found = extract_text(LETTER)
    assert found.doc_type == "Công văn"
    assert found.title == "triển khai Luật Hộ tịch"
    assert found.body.startswith("Kính gửi: UBND các huyện")
    assert found.body.rstrip().endswith("Trân trọng./.")
    assert found.recipients == ("Như trên;", "Lưu: VT, HCTP.")
    assert (found.signer_authority, found.signer_title, found.signer_name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lư Thị Bé",
    )
    assert found.missing() == []


def test_name_printed_in_capitals_after_the_signature_space() -> None:
    assert roles("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNGUYỄN THỊ HẠNH\n") == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thị Hạnh",
    )


def test_capitals_right_under_a_position_are_not_a_name() -> None:
    assert signature_of("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPHỤ LỤC I\nDanh mục") is None


SIDE_BY_SIDE = """\
Sở đề nghị các đơn vị triển khai thực hiện./.
Nơi nhận:                                              KT. GIÁM ĐỐC
- Như trên;                                            PHÓ GIÁM ĐỐC
- Ban Giám đốc Sở;
- Lưu: VT, NVY.

                                                       Trần Văn Nhỏ
"""


def test_recipients_printed_beside_the_signature() -> None:
    """A PDF exported with its layout puts the two columns on the same lines."""
    found = extract_text(SIDE_BY_SIDE)
    assert found.recipients == ("Như trên;", "Ban Giám đốc Sở;", "Lưu: VT, NVY.")
    assert (found.signer_authority, found.signer_title, found.signer_name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Văn Nhỏ",
    )
    assert found.body.strip() == "Sở đề nghị các đơn vị triển khai thực hiện./."


@pytest.mark.parametrize("name", ["Y Thanh Hà Niê Kđăm", "H'Yim Kđoh", "Ksor Phước Hà"])
def test_names_of_the_central_highlands(name: str) -> None:
    assert roles(f"CHỦ TỊCH\n\n{name}") == (None, "CHỦ TỊCH", name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KT. BỘ TRƯỞNG\nBỘ GIAO THÔNG VẬN TẢI\nTHỨ TRƯỞNG\n\n\nLò Văn Pấng",
            ("KT. BỘ TRƯỞNG BỘ GIAO THÔNG VẬN TẢI", "THỨ TRƯỞNG", "Lò Văn Pấng"),
        ),
        (
            "KT. VIỆN TRƯỞNG\nVIỆN NGHIÊN CỨU LÚA\nPHÓ VIỆN TRƯỞNG\n\nĐèo Thị Mây",
            ("KT. VIỆN TRƯỞNG VIỆN NGHIÊN CỨU LÚA", "PHÓ VIỆN TRƯỞNG", "Đèo Thị Mây"),
        ),
    ],
)
def test_body_named_under_the_heads_title_belongs_to_the_authority(
    text: str, expected: tuple[str, str, str]
) -> None:
    """Joint documents print each signer's body under the head's title; the position is the
    title that follows."""
    assert roles(text) == expected


def test_recipients_end_at_an_appendix_heading() -> None:
    """Without a signature after them, the recipients end where an appendix begins."""
    text = (
        "Nội dung./.\nNơi nhận:\n- Như trên;\n- Lưu: VT, TH.\nPhụ lục II\nBẢNG GIÁ\n"
        "| STT | Dịch vụ |"
    )
    assert recipients_of(text) == ("Như trên;", "Lưu: VT, TH.")
