"""The content as Markdown: paragraphs, points as lists, parts as headings, tables kept, and
no line of the text lost whatever the lines are."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from noticearchive.importer import extract_text
from noticearchive.importer.body import to_markdown
from noticearchive.markdown_body import BodyRenderer
from noticearchive.safety import find_markup
from tests.test_importer_layouts import unmark


def blocks(markdown: str) -> list[str]:
    return markdown.strip().split("\n\n")


def test_paragraphs_one_a_line_stay_paragraphs() -> None:
    assert blocks(to_markdown(["Căn cứ Luật A;", "Căn cứ Luật B;", "Xét đề nghị của Sở."])) == [
        "Căn cứ Luật A;",
        "Căn cứ Luật B;",
        "Xét đề nghị của Sở.",
    ]


def test_wrapped_lines_are_joined() -> None:
    lines = [
        "Ủy ban nhân dân các huyện chỉ đạo các xã rà soát",
        "danh sách hộ nghèo, cập nhật vào phần mềm quản lý",
        "Trước ngày 30 tháng 6 năm 2021.",
        "Sở Tài chính bố trí kinh phí.",
    ]
    assert blocks(to_markdown(lines)) == [
        "Ủy ban nhân dân các huyện chỉ đạo các xã rà soát danh sách hộ nghèo, cập nhật vào "
        "phần mềm quản lý Trước ngày 30 tháng 6 năm 2021.",
        "Sở Tài chính bố trí kinh phí.",
    ]


def test_points_become_lists() -> None:
    markdown = to_markdown(
        [
            "1. Sở Y tế:",
            "a) Chủ trì triển khai;",
            "b) Báo cáo kết quả.",
            "- Lưu ý:",
            "+ Hằng tháng;",
        ]
    )
    assert blocks(markdown) == [
        "1. Sở Y tế:",
        "- a) Chủ trì triển khai;",
        "- b) Báo cáo kết quả.",
        "- Lưu ý:",
        "- Hằng tháng;",
    ]


def test_parts_become_headings() -> None:
    markdown = to_markdown(
        [
            "Chương I",
            "NHỮNG QUY ĐỊNH CHUNG",
            "Điều 1. Phạm vi điều chỉnh",
            "Quy định này áp dụng cho các sở.",
            "Điều 2. Quy định này có hiệu lực kể từ ngày ký.",
        ]
    )
    assert blocks(markdown) == [
        "## Chương I NHỮNG QUY ĐỊNH CHUNG",
        "### Điều 1. Phạm vi điều chỉnh",
        "Quy định này áp dụng cho các sở.",
        "**Điều 2.** Quy định này có hiệu lực kể từ ngày ký.",
    ]


def test_article_heading_wrapped_over_two_lines() -> None:
    assert blocks(to_markdown(["Điều 3. Trách nhiệm của các cơ quan, đơn vị", "có liên quan"])) == [
        "## Điều 3. Trách nhiệm của các cơ quan, đơn vị có liên quan"
    ]


def test_tables_are_kept() -> None:
    rows = ["| STT | Đơn vị | Chỉ tiêu |", "| --- | --- | --- |", "| 1 | Sa Đéc | 95% |"]
    assert blocks(to_markdown(["Chỉ tiêu như sau:", *rows, "Các đơn vị thực hiện."])) == [
        "Chỉ tiêu như sau:",
        "\n".join(rows),
        "Các đơn vị thực hiện.",
    ]


def test_words_broken_at_a_hyphen_are_joined() -> None:
    assert to_markdown(["Tờ trình số 318/TTr-", "STNMT của Sở."]).strip() == (
        "Tờ trình số 318/TTr-STNMT của Sở."
    )


def test_range_wrapped_at_its_dash_is_not_a_list() -> None:
    assert blocks(to_markdown(["giai đoạn 2021", "- 2025 của tỉnh."])) == [
        "giai đoạn 2021 - 2025 của tỉnh."
    ]


def test_markdown_characters_are_shown_as_text() -> None:
    markdown = to_markdown(["Mức *tối đa* là 5_000 đồng.", "# không phải tiêu đề"])
    assert blocks(markdown) == ["Mức \\*tối đa\\* là 5\\_000 đồng.", "\\# không phải tiêu đề"]
    html = BodyRenderer().render(markdown).html
    assert "<em>" not in html and "<h1" not in html and "*tối đa*" in html


LINE = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=60),
    st.sampled_from(
        [
            "Điều 1. Phạm vi",
            "Chương II",
            "1. Điểm",
            "a) Ý",
            "- Gạch",
            "– Gạch ngang",
            "• Chấm",
            "+ Cộng",
            "| a | b |",
            "QUYẾT ĐỊNH:",
            "# dấu",
            "**đậm**",
            "___",
            "> trích",
            "1.1. Mục",
            "",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_no_line_is_lost(lines: list[str]) -> None:
    """Whatever the lines, each appears (joined, markup aside) in the Markdown."""
    lines = [" ".join(line.split()) for line in lines]
    text = unmark(to_markdown(lines))
    for line in lines:
        assert unmark(line) in text


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_output_is_safe_markdown(lines: list[str]) -> None:
    """No raw HTML comes out of text that had none."""
    lines = [" ".join(line.split()).replace("<", "") for line in lines]
    assert find_markup(to_markdown(lines)) == []


FRAGMENTS = st.sampled_from(
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:",
        "Số: 12/QĐ-UBND",
        "V/v",
        "Hà Nội, ngày 1 tháng 2 năm 2020",
        "QUYẾT ĐỊNH",
        "Kính gửi:",
        "Căn cứ",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "TM.",
        "Lê Văn A",
        "XÁC THỰC VĂN BẢN HỢP NHẤT",
        "CÔNG BÁO/Số 1/Ngày 1-1-2020",
        "-----",
        "(Đã ký)",
        "",
        "\r",
        "\ufeff",
        "</xml",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=25), st.sampled_from("\n "))
def test_any_text_is_read_without_error(parts: list[str], glue: str) -> None:
    """Fragments of headers and signatures in any order, and any text, never make the importer
    fail: it reports what it found and what it did not."""
    found = extract_text(glue.join(parts))
    assert isinstance(found.missing(), list)
    body = unmark(found.body)
    assert all(unmark(line) in body for line in found.body_lines)


def test_chapter_title_over_several_lines() -> None:
    markdown = to_markdown(["Chương II", "QUẢN LÝ CHỢ ĐẦU MỐI", "VÀ BẾN XE KHÁCH", "Điều 4. A"])
    assert blocks(markdown) == [
        "## Chương II QUẢN LÝ CHỢ ĐẦU MỐI VÀ BẾN XE KHÁCH",
        "### Điều 4. A",
    ]


def test_article_number_alone_is_a_heading() -> None:
    assert blocks(to_markdown(["Điều 1.", "Phê duyệt kế hoạch."])) == [
        "## Điều 1.",
        "Phê duyệt kế hoạch.",
    ]
