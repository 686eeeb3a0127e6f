"""Generated documents: notices printed in the layouts staff receive, then imported.

Given the fields of a notice, :func:`render` prints it as Decree 30/2020/NĐ-CP lays it out and
then as each kind of export mangles it: a Word export (one part a line), a scraped page (the two
header columns joined line by line, "ã ký)", CRLF), a legal website's crawl (its title on top,
header parts and the signature block joined on lines, subject in capitals) and an Official
Gazette PDF extraction (lines wrapped at the page width, page headers, page numbers and the
digital-signature stamp in the middle of the text). Whatever the layout and the Unicode noise,
the importer must read back the fields it was given and lose no line of the text.

The fields come from the archive's own sample notices and from Hypothesis.
"""

from __future__ import annotations

import itertools
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from noticearchive.importer import Extracted, extract_text
from noticearchive.problems import Problems
from noticearchive.registry import load_registry
from noticearchive.source import parse_notice

LAYOUTS = ("word", "scraped", "crawler", "gazette", "pdf-layout")
MOTTO_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Fields:
    """What a test document says; the importer should read back exactly this."""

    issuer: tuple[str, ...]
    number: str
    type_name: str | None
    """None for a Công văn."""
    place: str
    date: date
    title: str
    paragraphs: tuple[str, ...]
    authority: tuple[str, ...]
    position: str
    name: str
    recipients: tuple[str, ...] = ()
    enacting: str | None = None
    """The enacting body printed between subject and content ("ỦY BAN NHÂN DÂN TỈNH …")."""
    extra: dict[str, str] = field(default_factory=dict)


def date_words(value: date) -> str:
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def render(fields: Fields, layout: str) -> str:
    renderers = {
        "word": _word,
        "scraped": _scraped,
        "crawler": _crawler,
        "gazette": _gazette,
        "pdf-layout": _pdf_layout,
    }
    return renderers[layout](fields)


def _subject_lines(fields: Fields) -> list[str]:
    if fields.type_name is None:
        return []
    return [fields.type_name.upper(), fields.title]


def _number_line(fields: Fields) -> str:
    line = f"Số: {fields.number}"
    return line


def _signature(fields: Fields) -> list[str]:
    return [*fields.authority, fields.position, "", "", fields.name]


def _recipient_lines(fields: Fields) -> list[str]:
    if not fields.recipients:
        return []
    return ["Nơi nhận:", *(f"- {r}" for r in fields.recipients)]


def _word(fields: Fields) -> str:
    lines = [*fields.issuer, "-------", _number_line(fields)]
    if fields.type_name is None:
        lines.append(f"V/v {fields.title}")
    lines += [MOTTO_TITLE, MOTTO, "---------------", f"{fields.place}, {date_words(fields.date)}"]
    lines += ["", *_subject_lines(fields)]
    if fields.enacting:
        lines += ["", fields.enacting]
    lines += ["", *fields.paragraphs, "", *_recipient_lines(fields), *_signature(fields)]
    return "\n".join(lines) + "\n"


def _scraped(fields: Fields) -> str:
    """Two header columns joined line by line, blank lines between paragraphs, CRLF ends."""
    left = list(fields.issuer)
    right = [MOTTO_TITLE, MOTTO]
    rows = [
        " ".join(p for p in (left[i] if i < len(left) else "", right[i] if i < 2 else "") if p)
        for i in range(max(len(left), 2))
    ]
    lines = [
        "</xml",
        *rows,
        "",
        f"{_number_line(fields)} {fields.place}, {date_words(fields.date)}",
    ]
    if fields.type_name is None:
        lines.append(f"V/v {fields.title}")
    lines += ["", *_subject_lines(fields), ""]
    for paragraph in fields.paragraphs:
        lines += [paragraph, ""]
    lines += [" ", *_recipient_lines(fields), " ", *fields.authority, fields.position, ""]
    lines += ["ã ký)", "", " ", fields.name]
    return "\r\n".join(lines)


def _crawler(fields: Fields) -> str:
    """A website's crawl: its own title first, header parts and signature joined on lines."""
    kind = fields.type_name or "Công văn"
    lines = [f"{kind} {fields.number}"]
    lines += [" ".join(fields.issuer) + " -------"]
    lines += [f"{MOTTO_TITLE} {MOTTO} ---------------"]
    place_date = f"{fields.place}, {date_words(fields.date)}"
    if fields.type_name is None:
        lines.append(f"Số: {fields.number} V/v {fields.title}")
        lines.append(f"{place_date} {fields.paragraphs[0]}")
        paragraphs = fields.paragraphs[1:]
    else:
        lines += [
            _number_line(fields),
            f"{place_date} {fields.type_name.upper()} {fields.title.upper()}",
        ]
        if fields.enacting:
            lines.append(fields.enacting)
        paragraphs = fields.paragraphs
    lines += [f"{kind} {fields.number}. {p}" if p.startswith("Điều 1") else p for p in paragraphs]
    lines += _recipient_lines(fields)
    lines.append(" ".join([*fields.authority, fields.position, fields.name]) + " PHỤ LỤC I")
    lines.append("Mẫu số 01 - Báo cáo")
    return "\n".join(lines)


def _gazette(fields: Fields) -> str:
    """A Gazette PDF extraction: wrapped lines, page furniture and a signature stamp."""
    header = ["", "", "CÔNG BÁO/Số 233 + 234/Ngày 12-5-2022 ", "71 ", "", "VĂN BẢN PHÁP LUẬT KHÁC "]
    header += ["", *fields.issuer, "_________ ", "", _number_line(fields) + " "]
    if fields.type_name is None:
        header += textwrap.wrap(f"V/v {fields.title}", 40)
    header += [MOTTO_TITLE + " ", MOTTO + " ", "___________________ "]
    header += [f"{fields.place}, {date_words(fields.date)} ", "", ""]
    if fields.type_name is not None:
        header += [fields.type_name.upper() + " ", *textwrap.wrap(fields.title, 60), ""]
    if fields.enacting:
        header += [fields.enacting + " ", ""]
    body: list[str] = []
    for index, paragraph in enumerate(fields.paragraphs):
        body += [line + " " for line in textwrap.wrap(paragraph, 78)]
        if index == len(fields.paragraphs) // 2:
            body += [
                "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Cơ quan: VĂN PHÒNG CHÍNH PHỦ",
                "Ngày ký: 2022-05-12 09:41:17 +07:00",
                "",
                "CÔNG BÁO/Số 233 + 234/Ngày 12-5-2022 ",
                "72",
                " ",
            ]
    tail = ["", *_recipient_lines(fields), " ", *_signature(fields), " "]
    return "\n".join([*header, *body, *tail])


def _side_by_side(left: list[str], right: list[str]) -> list[str]:
    rows = itertools.zip_longest(left, right, fillvalue="")
    return [f"{a:<50}{'':8}{b}".rstrip() for a, b in rows]


def _pdf_layout(fields: Fields) -> str:
    """A PDF exported with its layout: the two columns side by side on the same lines."""
    left = [*fields.issuer, "-------", _number_line(fields)]
    if fields.type_name is None:
        left += textwrap.wrap(f"V/v {fields.title}", 40)
    right = [MOTTO_TITLE, MOTTO, "---------------", f"{fields.place}, {date_words(fields.date)}"]
    lines = _side_by_side(left, right)
    if fields.type_name is not None:
        lines += ["", f"{'':30}{fields.type_name.upper()}", *textwrap.wrap(fields.title, 70)]
    lines += ["", *fields.paragraphs, ""]
    signature = [*fields.authority, fields.position, "", "", fields.name]
    return "\n".join([*lines, *_side_by_side(_recipient_lines(fields), signature)]) + "\n"


def decompose(text: str) -> str:
    """The text with decomposed diacritics and Ð (U+00D0) for Đ, as some exports write it."""
    return unicodedata.normalize("NFD", text).replace("Đ", "\u00d0")


def plain(text: str) -> str:
    """Whitespace collapsed, for comparing text that was wrapped or joined."""
    return " ".join(text.split())


def unmark(markdown: str) -> str:
    """Markdown without the markup the importer adds (headings, list marks, emphasis); the
    dash that starts a list item is markup, whichever dash or bullet was printed."""
    text = re.sub(r"^[ \t]*(#{1,6}|[-–—+•*])[ \t]+", "", markdown, flags=re.M)
    return plain(re.sub(r"[*_`\\]", "", text))


# --- The sample archive, printed and read back ---------------------------------------------

REPO = Path(__file__).resolve().parents[1]


def _paragraphs(markdown: str) -> tuple[str, ...]:
    """The lines a printed notice would have for a Markdown body."""
    lines: list[str] = []
    for line in markdown.split("\n"):
        line = re.sub(r"^\s*#+\s*", "", line).strip()
        line = re.sub(r"^[-*]\s+", "- ", line)
        if line:
            lines.append(line)
    return tuple(lines)


def sample_fields() -> list[tuple[str, Fields]]:
    """The archive's sample notices as fields to print (the first notice excepted: it is
    compared with its original text elsewhere)."""
    problems = Problems()
    registry = load_registry(REPO / "notices", problems)
    found: list[tuple[str, Fields]] = []
    for path in sorted((REPO / "notices").glob("[0-9]*/*/*.md")):
        notice = parse_notice(path, registry, problems)
        if notice is None or not notice.agency.header:
            continue
        signer = notice.signer
        marks = re.split(r"\s(?=KT\.|TL\.|TUQ\.)", signer.authority) if signer.authority else []
        letter = notice.doc_type.id == "cong-van"
        fields = Fields(
            issuer=notice.agency.header,
            number=notice.number,
            type_name=None if letter else notice.doc_type.name,
            place=notice.place,
            date=notice.date,
            title=notice.title,
            paragraphs=_paragraphs(notice.body),
            authority=tuple(marks),
            position=signer.position,
            name=signer.name,
            recipients=notice.recipients,
        )
        found.append((path.relative_to(REPO).as_posix(), fields))
    return found


def expected_issuer(issuer: tuple[str, ...], layout: str) -> tuple[str, ...]:
    """A crawl joins the header lines: a body under its parent can be told apart again, one
    long name wrapped over two lines ("BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI") cannot."""
    if layout == "crawler" and len(issuer) == 2 and issuer[1].startswith("VÀ "):
        return (" ".join(issuer),)
    return issuer


def read_back(fields: Fields, layout: str, text: str) -> Extracted:
    """Import ``text`` and check every field against ``fields``."""
    found = extract_text(text, source="test.txt")
    title = fields.title.upper() if layout == "crawler" and fields.type_name else fields.title
    assert found.number == fields.number
    assert found.doc_type == (fields.type_name or "Công văn")
    assert found.issuer_lines == expected_issuer(fields.issuer, layout)
    assert (found.place, found.date) == (fields.place, fields.date)
    assert found.title == title
    authority = " ".join(fields.authority) or None
    assert (found.signer_authority, found.signer_title) == (authority, fields.position)
    assert found.signer_name == fields.name
    assert found.recipients == fields.recipients
    return found


def assert_no_text_lost(fields: Fields, found: Extracted) -> None:
    """Every paragraph given, and every line the importer took as content, is in the body."""
    body = unmark(found.body)
    for paragraph in fields.paragraphs:
        assert unmark(paragraph) in body
    for line in found.body_lines:
        assert unmark(line) in body


@pytest.mark.parametrize("layout", LAYOUTS)
def test_sample_notices_read_back(layout: str) -> None:
    samples = sample_fields()
    assert samples, "the sample archive has no notices to print"
    for source, fields in samples:
        try:
            found = read_back(fields, layout, render(fields, layout))
            assert unmark(found.body) == unmark("\n".join(fields.paragraphs))
        except AssertionError as exc:
            raise AssertionError(f"{source} in the {layout} layout: {exc}") from exc


@pytest.mark.parametrize("layout", LAYOUTS)
def test_unicode_noise_changes_nothing(layout: str) -> None:
    """A byte-order mark, CRLF, decomposed diacritics and Ð for Đ are all undone."""
    for source, fields in sample_fields()[::7]:
        noisy = "\ufeff" + decompose(render(fields, layout)).replace("\n", "\r\n")
        try:
            read_back(fields, layout, noisy)
        except AssertionError as exc:
            raise AssertionError(f"{source} in the {layout} layout: {exc}") from exc


# --- Documents generated by Hypothesis ------------------------------------------------------

ISSUERS = (
    ("UBND TỈNH TRÀ VINH", "SỞ Y TẾ"),
    ("ỦY BAN NHÂN DÂN TỈNH CÀ MAU",),
    ("UBND HUYỆN KIÊN LƯƠNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
    ("BỘ NỘI VỤ",),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"),
    ("UBND TỈNH SÓC TRĂNG", "VĂN PHÒNG"),
)
PLACES = ("Trà Vinh", "Cao Lãnh", "Hà Nội", "Cà Mau", "Thành phố Hồ Chí Minh", "Sa Đéc")
TYPES = ("Quyết định", "Thông báo", "Kế hoạch", "Chỉ thị", "Báo cáo", "Hướng dẫn", None)
SIGNERS = (
    ((), "GIÁM ĐỐC"),
    (("KT. GIÁM ĐỐC",), "PHÓ GIÁM ĐỐC"),
    (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH"),
    (("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH"),
    (("TL. CHỦ TỊCH",), "CHÁNH VĂN PHÒNG"),
    (("KT. BỘ TRƯỞNG",), "THỨ TRƯỞNG"),
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
GIVEN = ("Văn", "Thị", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Tấn", "Hoàng", "Kim")
LAST = ("An", "Bình", "Dũng", "Hà", "Hưng", "Lan", "Nam", "Phúc", "Tâm", "Xuân")
WORDS = tuple(
    " ".join(
        (
            "tăng cường công tác quản lý phòng chống dịch bệnh trên địa bàn tỉnh năm các cơ quan",
            "đơn vị địa phương triển khai thực hiện nghiêm túc kết quả báo cáo tình hình kinh tế",
            "xã hội giao thông nông nghiệp giáo dục lao động việc làm người dân doanh nghiệp",
        )
    ).split(" ")
)
RECIPIENTS = (
    "Như trên;",
    "UBND tỉnh (để báo cáo);",
    "Các phòng, ban thuộc Sở;",
    "UBND các huyện, thị xã, thành phố;",
    "Lưu: VT, NV.",
)

words = st.lists(st.sampled_from(WORDS), min_size=4, max_size=40).map(" ".join)


def _sentence(text: str, end: str = ".") -> str:
    return text[0].upper() + text[1:] + end


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[str, ...]:
    """Content: sentences, numbered and lettered points, dashed items, articles."""
    result: list[str] = []
    for index in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(("text", "numbered", "point", "dashed", "article")))
        sentence = _sentence(draw(words), draw(st.sampled_from(".;:")))
        if kind == "numbered":
            sentence = f"{index + 1}. {sentence}"
        elif kind == "point":
            sentence = f"{'abcdđeg'[index % 7]}) {sentence}"
        elif kind == "dashed":
            sentence = f"- {sentence}"
        elif kind == "article":
            sentence = f"Điều {index + 1}. {_sentence(draw(words), '')}"
        result.append(sentence)
    return tuple(result)


@st.composite
def documents(draw: st.DrawFn) -> Fields:
    type_name = draw(st.sampled_from(TYPES))
    abbr = {"Quyết định": "QĐ", "Thông báo": "TB", "Kế hoạch": "KH", "Chỉ thị": "CT"}
    code = abbr.get(type_name or "", "BC" if type_name else "")
    number = f"{draw(st.integers(1, 2999))}/{code + '-' if code else ''}UBND"
    authority, position = draw(st.sampled_from(SIGNERS))
    name = " ".join(
        [draw(st.sampled_from(SURNAMES)), draw(st.sampled_from(GIVEN)), draw(st.sampled_from(LAST))]
    )
    recipients = draw(st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=5, unique=True))
    return Fields(
        issuer=draw(st.sampled_from(ISSUERS)),
        number=number,
        type_name=type_name,
        place=draw(st.sampled_from(PLACES)),
        date=draw(st.dates(date(1990, 1, 1), date(2035, 12, 31))),
        title=_sentence(draw(words), ""),
        paragraphs=draw(paragraphs()),
        authority=authority,
        position=position,
        name=name,
        recipients=tuple(recipients),
    )


@settings(max_examples=150, deadline=None)
@given(fields=documents(), layout=st.sampled_from(LAYOUTS), noisy=st.booleans())
def test_generated_documents_read_back_without_loss(
    fields: Fields, layout: str, noisy: bool
) -> None:
    text = render(fields, layout)
    if noisy:
        text = "\ufeff" + decompose(text).replace("\n", "\r\n")
    found = read_back(fields, layout, text)
    assert_no_text_lost(fields, found)
