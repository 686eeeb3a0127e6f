"""The fixed words of Decree 30/2020/NĐ-CP that the importer recognises documents by.

Everything here is a property of the format, not of a particular document: the national motto,
the labels "Số:" and "V/v", the type names of Phụ lục III, the authority marks (TM., KT., TL.,
TUQ., Q.) and the titles of the people who sign.
"""

from __future__ import annotations

import re

# The national title and motto, as printed (with the old "HOÀ" accent placement and any dash).
NATIONAL_TITLE = re.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.IGNORECASE
)
MOTTO = re.compile(r"Độc\s+lập\s*[-–—]+\s*Tự\s+do\s*[-–—]+\s*Hạnh\s+phúc", re.IGNORECASE)
RULE = re.compile(r"(?<!\S)[-_=*~–—]{3,}(?!\S)")
"""A rule drawn under the issuing body or the motto: "-----", "_____", "********"."""

# "Số:", and the forms laws and resolutions use: "Luật số:", "Nghị quyết số:".
NUMBER_LABEL = re.compile(
    r"(?<![\w/])(?:(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Lệnh|Nghị\s+quyết(?:\s+liên\s+tịch)?|Nghị\s+định"
    r"|Quyết\s+định|Chỉ\s+thị|Thông\s+tư(?:\s+liên\s+tịch)?)\s+)?(?:[Ss]ố\s*:|Số(?=\s+\d))"
)
"""The label before the number; "Số 12/QĐ-UBND" without its colon too, in the header only."""
NUMBER_VALUE = re.compile(r"\d[\w.]*(?:\s*[/-]\s*[\w.&]+)+")
"""A number with its ký hiệu: ``27/TB-VP.UBND``, ``48-CP``, ``31.2/2025/NQ-CP``."""

SUBJECT_LABEL = re.compile(r"(?<!\w)V/[vV]\s*[:.]?\s*")
"""The subject of a Công văn: "V/v hướng dẫn …"."""
SALUTATION = re.compile(r"(?<!\w)Kính\s+gửi\s*:?", re.IGNORECASE)

# Dates: "ngày 14 tháng 8 năm 1997", "ngày 10/10/2013". A digit glued after the year is a
# footnote mark that PDF extraction put on the line ("năm 20193"), not part of the year.
DATE_WORDS = re.compile(
    r"(?<!\w)(?:[Nn]gày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})(?!\d{2})"
)
DATE_NUMERIC = re.compile(r"(?<!\w)[Nn]gày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")

# Document types: Phụ lục III of the decree, then the legal normative documents. Longer names
# first so that "THÔNG TƯ LIÊN TỊCH" wins over "THÔNG TƯ".
TYPE_NAMES = (
    "Văn bản hợp nhất",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Bản thỏa thuận",
    "Bản ghi nhớ",
    "Giấy ủy quyền",
    "Giấy giới thiệu",
    "Giấy nghỉ phép",
    "Giấy mời",
    "Phiếu gửi",
    "Phiếu chuyển",
    "Phiếu báo",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Quy chế",
    "Quy định",
    "Thông cáo",
    "Thông báo",
    "Thông tư",
    "Hướng dẫn",
    "Chương trình",
    "Kế hoạch",
    "Phương án",
    "Đề án",
    "Dự án",
    "Báo cáo",
    "Biên bản",
    "Tờ trình",
    "Hợp đồng",
    "Công điện",
    "Công văn",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Hiến pháp",
)
CONSOLIDATED = "Văn bản hợp nhất"
LETTER = "Công văn"
NAMED_ACTS = frozenset({"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"})
"""Acts whose name includes the type word: a consolidated "LUẬT THƯ VIỆN" is titled with it."""
AUTHENTICATION = re.compile(r"XÁC\s+THỰC\s+VĂN\s+BẢN\s+HỢP\s+NHẤT", re.IGNORECASE)
"""The block that authenticates a consolidated text (Văn bản hợp nhất) in place of a signature."""

# Authority marks before the signer's position (Decree 30, Điều 8), with old spellings.
AUTHORITY_MARK = re.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\.M|K\.T|T\.L)(?:\.|(?=\s))\s*")
DEPUTY_WORDS = ("PHÓ", "THỨ TRƯỞNG")

# Titles of the people who head a body, or sign for it. A position line starts with one.
HEAD_TITLES = tuple(
    sorted(
        (
            "THỦ TƯỚNG",
            "CHỦ TỊCH",
            "CHỦ NHIỆM",
            "BỘ TRƯỞNG",
            "THỨ TRƯỞNG",
            "TỔNG GIÁM ĐỐC",
            "GIÁM ĐỐC",
            "CHÁNH VĂN PHÒNG",
            "CHÁNH THANH TRA",
            "CHÁNH ÁN",
            "VIỆN TRƯỞNG",
            "THỐNG ĐỐC",
            "TỔNG KIỂM TOÁN",
            "TỔNG CỤC TRƯỞNG",
            "CHI CỤC TRƯỞNG",
            "CỤC TRƯỞNG",
            "VỤ TRƯỞNG",
            "VIỆN TRƯỞNG",
            "HIỆU TRƯỞNG",
            "TỔNG THƯ KÝ",
            "TRƯỞNG BAN",
            "TRƯỞNG PHÒNG",
            "TRƯỞNG ĐOÀN",
            "TRƯỞNG KHOA",
            "BÍ THƯ",
            "TƯ LỆNH",
            "CHÍNH ỦY",
            "KIỂM TOÁN TRƯỞNG",
            "TỔNG BIÊN TẬP",
            "THƯ KÝ",
            "TRƯỞNG",
        ),
        key=len,
        reverse=True,
    )
)
POSITION_START = re.compile(
    r"(?<![^\s,(])(?:(?:PHÓ|Q\.|QUYỀN)\s+)*(?:"
    + "|".join(map(re.escape, HEAD_TITLES))
    + r")(?![^\s,.])"
)
"""Where a position phrase starts: "PHÓ THỦ TƯỚNG", "BỘ TRƯỞNG", "Q. CHÁNH VĂN PHÒNG"."""

# Ranks and degrees printed before a signer's name; the labels keep the name alone.
NAME_PREFIX = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Giáo\s+sư|Phó\s+Giáo\s+sư|Tiến\s+sĩ|Thạc\s+sĩ"
    r"|Bác\s+sĩ|(?:PGS|GS|TS|ThS|BS|KS|Ths)\.?(?:\s*,?\s*(?:TS|ThS|BS)\.?)*)\s+"
)
SIGNED_MARK = re.compile(r"\(?\s*(?:[ĐđÐ]|\b)ã\s+ký(?:\s+và\s+đóng\s+dấu)?\s*\)?")
""""(Đã ký)" as scraped, also cut to "ã ký)"."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that begin the name of a body or a document, never a person's name. (Surnames such as
# Đoàn, Lưu, Văn or Mai are not here even though they also begin other things.)
NOT_A_NAME = _words(
    "Bộ Sở Ủy Uỷ Ban Cục Vụ Phòng Tổng Chính Quốc Nhà Ngân Luật Nghị Thông Quyết Điều Khoản"
    " Chương Mục Phụ Mẫu Danh Căn Hội Công Tòa Toà Viện Kiểm Thành Tỉnh Huyện Xã Việt Cộng Độc"
    " Số Ngày Tháng Năm Kính Nơi Như Các Những Theo Trong Về Để Đối Trường Giấy Tên Đơn Biểu"
    " Bảng Kèm Chỉ Kế Báo Phần Trung Hướng Sau Tại Cơ Đảng Mặt Liên Trưởng"
)
NAME_STOP = _words(
    "Mẫu Phụ Danh Biểu Bảng Kèm Căn Điều Chương Mục Quyết Nghị Thông Luật Giấy Số Nơi Kính Tên"
    " Ghi Ký Phần Ban"
)
"""Words that end a name when they follow it: the start of an appendix or a form joined to it
("Quách Văn Lộc Mẫu số 03"). Never parts of names, unlike Quốc or Chính."""

# Lines that begin the content and never a subject: after the type name, the next line is
# the subject unless it starts so (a plan may well be titled "Thực hiện …").
CONTENT_ONLY_START = re.compile(
    r"^(?:Căn\s+cứ|Kính\s+gửi|Điều\s+1\b|Chương\s+(?:I|1)\b|CHƯƠNG\s+(?:I|1)\b)"
)
# Lines that begin the content of a document after its header.
BODY_START = re.compile(
    r"^(?:Căn\s+cứ|Kính\s+gửi|Theo\s+đề\s+nghị|Xét\s+(?:đề\s+nghị|tờ\s+trình)|Thực\s+hiện"
    r"|Điều\s+1\b|Chương\s+(?:I|1)\b|CHƯƠNG\s+(?:I|1)\b|Phần\s+(?:I|1|thứ\s+nhất)\b)"
)
CONSOLIDATION_PREAMBLE = re.compile(
    r"^(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Thông\s+tư"
    r"(?:\s+liên\s+tịch)?|Chỉ\s+thị)\s(?:[^\s]+\s){0,12}?số\s+\d"
)
"""The first line of a consolidated text: "Thông tư số 17/2011/TT-BYT ngày …"."""
RECIPIENTS_LABEL = re.compile(r"^Nơi\s+nhận\s*:?\s*")
APPENDIX = re.compile(r"^(?:Phụ\s+lục|PHỤ\s+LỤC|Mẫu\s+số|MẪU\s+SỐ|Biểu\s+số|BIỂU\s+SỐ)(?!\w)")
"""The heading of an appendix or a form attached after the document ("Phụ lục I", "Mẫu số 02"):
it ends the recipients when no signature stands between them."""
UNIT_START = (
    r"(?:SỞ|PHÒNG|VĂN PHÒNG|BAN|TRUNG TÂM|CHI CỤC|THANH TRA|TRƯỜNG|BỆNH VIỆN|ĐÀI|KHO BẠC"
    r"|TỔNG CỤC|CỤC|VỤ|VIỆN)"
)
"""Words that begin the name of a unit under a parent body ("SỞ Y TẾ" under "UBND TỈNH …")."""


def has_lower(text: str) -> bool:
    """True when the text has a lower-case letter. (Character ranges cannot say it: Vietnamese
    capitals and small letters alternate in Unicode, "Ạ" U+1EA0 then "ạ" U+1EA1.)"""
    return any(ch.islower() for ch in text)


def is_upper_text(text: str) -> bool:
    """True when the text has letters and none of them is lower case: a line in capitals."""
    return not has_lower(text) and any(ch.isalpha() for ch in text)


def is_title_word(word: str) -> bool:
    """ "Nguyễn", "Thị": a capital then lower-case letters, as every part of a personal name;
    also the parts of names of the Central Highlands peoples ("Y", "H'Yim", "Kđoh", "Ksor")."""
    if word == "Y":
        return True
    rest = word[1:].replace("'", "").replace("-", "")
    return len(word) > 1 and word[0].isupper() and rest.isalpha() and _small_after_head(word)


def _small_after_head(word: str) -> bool:
    """Small letters after the capital; "H'Yim", "K'Mạch": a capital may follow an apostrophe."""
    head, _, tail = word.partition("'")
    return head[1:] == head[1:].lower() and (not tail or tail[1:] == tail[1:].lower())
