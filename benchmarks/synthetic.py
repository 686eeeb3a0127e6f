"""A deterministic synthetic archive, for benchmarks and tests that need many realistic notices.

The archive's cost grows with what real notices contain: long Vietnamese text, numbered points,
``## Điều`` headings and tables, many bodies issuing many types of document over many years,
and references to other documents in the usual phrasing ("Căn cứ Quyết định số 123/QĐ-UBND ngày
05/3/2016 của UBND tỉnh…"). Measuring it on a handful of sample notices, or on lorem ipsum, would
say little about a provincial archive of 10,000 or 50,000 of them; so this module makes one.

Everything is drawn from one seeded ``random.Random``: the same ``n`` and ``seed`` always give the
same files, so that two benchmark runs (or two machines) measure the same input.

The text is assembled from word and sentence lists written for this module (no real notice is
copied). The province is Hậu Giang, like the sample; the tree of issuing bodies has the shape of
a real province's (the UBND tỉnh, its office, about 25 departments and boards, 20 district-level
bodies, a few offices under them), but 12 of the districts and every person are fictional. The
national laws and decrees cited are real, with their real numbers and dates.

Use :func:`generate`; ``python benchmarks/synthetic.py N DIR`` writes an archive from the shell.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
TYPES_FILE = REPO_ROOT / "notices" / "types.yml"
"""The project's document types, copied into every synthetic archive so that both agree."""

PROVINCE = "Hậu Giang"
FIRST_YEAR = 2010
YEARS = 15
BODY_MIN_BYTES = 3000
"""Bounds of a notice body in UTF-8 bytes: "3–5 KB of Vietnamese", the size of a real notice."""
BODY_MAX_BYTES = 5000
MENTIONS = (4, 5, 5, 5, 6)
"""References to other documents per notice, drawn from this tuple (about five)."""
NATIONAL_SHARE = 0.2
"""Share of references that cite national laws and decrees rather than archive notices."""


# --------------------------------------------------------------------------------------------
# Registries


@dataclass(frozen=True, slots=True)
class AgencySpec:
    """An issuing body with what the generator needs beyond the registry's fields."""

    id: str
    name: str
    short: str
    parent: str | None
    header: tuple[str, ...]
    kind: str
    """province, office, department, district or suboffice: decides types, signers, wording."""
    code: str
    """The body's part of the ký hiệu: ``UBND``, ``SYT``, ``VP.UBND``."""
    units: tuple[str, ...]
    """Codes of internal units, used after the body's code in Công văn numbers: ``SYT-NV``."""
    head: str
    """Position of the head, in sentence case: ``Giám đốc``."""
    deputy: str
    topics: tuple[str, ...] = ()
    """Topics the body mostly writes about (empty: any)."""
    place: str = PROVINCE
    aliases: tuple[str, ...] = ()


def _department(
    agency_id: str,
    name: str,
    code: str,
    topics: tuple[str, ...],
    *,
    short: str | None = None,
    head: str = "Giám đốc",
    deputy: str | None = None,
    parent: str = "ubnd-tinh",
    units: tuple[str, ...] = ("VP", "KHTC", "NV"),
) -> AgencySpec:
    short = short or name
    full = (
        f"{name} tỉnh {PROVINCE}"
        if "tỉnh" not in name
        else name.replace("tỉnh", f"tỉnh {PROVINCE}")
    )
    return AgencySpec(
        id=agency_id,
        name=full,
        short=short,
        parent=parent,
        header=(f"UBND TỈNH {PROVINCE.upper()}", short.upper()),
        kind="department",
        code=code,
        units=units,
        head=head,
        deputy=deputy or f"Phó {head}",
        topics=topics,
        aliases=(full.replace("Ủy ban nhân dân", "UBND"),) if "Ủy ban" in full else (),
    )


_DEPARTMENTS: tuple[AgencySpec, ...] = (
    _department("so-noi-vu", "Sở Nội vụ", "SNV", ("to-chuc-can-bo", "cai-cach-hanh-chinh")),
    _department("so-tu-phap", "Sở Tư pháp", "STP", ("tu-phap",), units=("VP", "XDKTVB", "PBGDPL")),
    _department(
        "so-ke-hoach-dau-tu",
        "Sở Kế hoạch và Đầu tư",
        "SKHĐT",
        ("dau-tu-cong", "doanh-nghiep-dau-tu"),
        units=("VP", "TH", "ĐKKD"),
    ),
    _department(
        "so-tai-chinh",
        "Sở Tài chính",
        "STC",
        ("tai-chinh-ngan-sach",),
        units=("VP", "QLNS", "TCĐT"),
    ),
    _department("so-cong-thuong", "Sở Công Thương", "SCT", ("cong-thuong",), units=("VP", "QLTM")),
    _department(
        "so-nong-nghiep-ptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "SNNPTNT",
        ("nong-nghiep", "nong-thon-moi", "thuy-loi-thien-tai"),
        short="Sở Nông nghiệp và PTNT",
    ),
    _department(
        "so-giao-thong-van-tai",
        "Sở Giao thông vận tải",
        "SGTVT",
        ("giao-thong-van-tai",),
        units=("VP", "QLGT", "QLVT"),
    ),
    _department(
        "so-xay-dung", "Sở Xây dựng", "SXD", ("xay-dung-do-thi",), units=("VP", "QLXD", "QHKT")
    ),
    _department(
        "so-tai-nguyen-moi-truong",
        "Sở Tài nguyên và Môi trường",
        "STNMT",
        ("dat-dai", "moi-truong"),
        units=("VP", "QLĐĐ", "BVMT"),
    ),
    _department(
        "so-thong-tin-truyen-thong",
        "Sở Thông tin và Truyền thông",
        "STTTT",
        ("thong-tin-truyen-thong", "chuyen-doi-so"),
        units=("VP", "CNTT", "TTBCXB"),
    ),
    _department(
        "so-lao-dong-tbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "SLĐTBXH",
        ("lao-dong-viec-lam", "an-sinh-xa-hoi", "binh-dang-gioi"),
        short="Sở Lao động - TB&XH",
        units=("VP", "LĐVL", "BTXH"),
    ),
    _department(
        "so-van-hoa-the-thao-du-lich",
        "Sở Văn hóa, Thể thao và Du lịch",
        "SVHTTDL",
        ("van-hoa-the-thao", "du-lich"),
        short="Sở VH, TT và DL",
        units=("VP", "QLVH", "QLDL"),
    ),
    _department(
        "so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "SKHCN", ("khoa-hoc-cong-nghe",)
    ),
    _department(
        "so-giao-duc-dao-tao",
        "Sở Giáo dục và Đào tạo",
        "SGDĐT",
        ("giao-duc-dao-tao",),
        units=("VP", "GDTrH", "KTKĐCLGD"),
    ),
    _department("so-y-te", "Sở Y tế", "SYT", ("y-te",), units=("VP", "NV", "KHTC")),
    _department(
        "thanh-tra-tinh",
        "Thanh tra tỉnh",
        "TTT",
        ("thanh-tra-khieu-nai", "phong-chong-tham-nhung"),
        short="Thanh tra tỉnh",
        head="Chánh Thanh tra",
        deputy="Phó Chánh Thanh tra",
        units=("VP", "NV1", "PCTN"),
    ),
    _department(
        "ban-dan-toc",
        "Ban Dân tộc",
        "BDT",
        ("dan-toc-ton-giao",),
        head="Trưởng ban",
        units=("VP", "CS"),
    ),
    _department("so-ngoai-vu", "Sở Ngoại vụ", "SNgV", ("doanh-nghiep-dau-tu",), units=("VP", "LS")),
    _department(
        "ban-quan-ly-cac-khu-cong-nghiep",
        "Ban Quản lý các khu công nghiệp",
        "BQLCKCN",
        ("doanh-nghiep-dau-tu", "moi-truong"),
        short="Ban Quản lý các KCN",
        head="Trưởng ban",
        units=("VP", "QLĐT"),
    ),
    _department(
        "ban-quan-ly-du-an",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
        "BQLDA",
        ("dau-tu-cong", "xay-dung-do-thi"),
        short="Ban QLDA đầu tư xây dựng tỉnh",
        units=("KH", "KT"),
    ),
    _department(
        "dai-phat-thanh-truyen-hinh",
        "Đài Phát thanh và Truyền hình",
        "ĐPTTH",
        ("thong-tin-truyen-thong",),
        short="Đài PT-TH tỉnh",
        units=("TCHC", "TS"),
    ),
    _department(
        "trung-tam-xuc-tien-dau-tu",
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
        "TTXT",
        ("doanh-nghiep-dau-tu", "du-lich"),
        short="Trung tâm Xúc tiến ĐT-TM-DL",
        units=("HC",),
    ),
    _department(
        "bo-chi-huy-quan-su",
        "Bộ Chỉ huy Quân sự tỉnh",
        "BCH",
        ("quoc-phong-an-ninh",),
        short="Bộ CHQS tỉnh",
        head="Chỉ huy trưởng",
        units=("TM", "CT"),
    ),
    _department(
        "ban-thi-dua-khen-thuong",
        "Ban Thi đua - Khen thưởng",
        "BTĐKT",
        ("thi-dua-khen-thuong",),
        short="Ban Thi đua - Khen thưởng",
        head="Trưởng ban",
        parent="so-noi-vu",
        units=("NV",),
    ),
    _department(
        "chi-cuc-van-thu-luu-tru",
        "Chi cục Văn thư - Lưu trữ",
        "CCVTLT",
        ("van-thu-luu-tru",),
        head="Chi cục trưởng",
        parent="so-noi-vu",
        units=("NV",),
    ),
)

# (id part, kind of unit, name, place of issue); the first eight are Hậu Giang's real districts.
_DISTRICT_NAMES: tuple[tuple[str, str, str], ...] = (
    ("tp-vi-thanh", "thành phố", "Vị Thanh"),
    ("tp-nga-bay", "thành phố", "Ngã Bảy"),
    ("tx-long-my", "thị xã", "Long Mỹ"),
    ("huyen-chau-thanh", "huyện", "Châu Thành"),
    ("huyen-chau-thanh-a", "huyện", "Châu Thành A"),
    ("huyen-phung-hiep", "huyện", "Phụng Hiệp"),
    ("huyen-vi-thuy", "huyện", "Vị Thủy"),
    ("huyen-long-my", "huyện", "Long Mỹ"),
    ("huyen-tan-long", "huyện", "Tân Long"),
    ("huyen-hoa-an", "huyện", "Hòa An"),
    ("huyen-phu-huu", "huyện", "Phú Hữu"),
    ("huyen-thanh-xuan", "huyện", "Thạnh Xuân"),
    ("huyen-luong-tam", "huyện", "Lương Tâm"),
    ("huyen-hiep-hung", "huyện", "Hiệp Hưng"),
    ("huyen-vinh-vien", "huyện", "Vĩnh Viễn"),
    ("huyen-nhon-nghia", "huyện", "Nhơn Nghĩa"),
    ("huyen-xa-phien", "huyện", "Xà Phiên"),
    ("huyen-dong-phuoc", "huyện", "Đông Phước"),
    ("huyen-long-tri", "huyện", "Long Trị"),
    ("huyen-tan-binh", "huyện", "Tân Bình"),
)


def _districts() -> list[AgencySpec]:
    result = []
    for slug, unit, name in _DISTRICT_NAMES:
        short_unit = {"thành phố": "TP.", "thị xã": "TX.", "huyện": "huyện"}[unit]
        result.append(
            AgencySpec(
                id=f"ubnd-{slug}",
                name=f"Ủy ban nhân dân {unit} {name}",
                short=f"UBND {short_unit} {name}",
                parent="ubnd-tinh",
                header=("ỦY BAN NHÂN DÂN", f"{unit} {name}".upper()),
                kind="district",
                code="UBND",
                units=("VP", "NC", "KT"),
                head="Chủ tịch",
                deputy="Phó Chủ tịch",
                place=name,
                aliases=(f"UBND {unit} {name}",),
            )
        )
    return result


def _suboffices() -> list[AgencySpec]:
    def sub(
        agency_id: str,
        name: str,
        short: str,
        parent: str,
        code: str,
        head: str,
        topics: tuple[str, ...],
    ) -> AgencySpec:
        district = next(d for d in _districts() if d.id == parent)
        return AgencySpec(
            id=agency_id,
            name=name,
            short=short,
            parent=parent,
            header=(district.header[1], short.upper()),
            kind="suboffice",
            code=code,
            units=("HC", "NV"),
            head=head,
            deputy=f"Phó {head}",
            topics=topics,
            place=district.place,
        )

    return [
        sub(
            "vp-hdnd-ubnd-tp-vi-thanh",
            "Văn phòng HĐND và UBND thành phố Vị Thanh",
            "Văn phòng HĐND và UBND TP. Vị Thanh",
            "ubnd-tp-vi-thanh",
            "VP",
            "Chánh Văn phòng",
            ("cai-cach-hanh-chinh", "van-thu-luu-tru"),
        ),
        sub(
            "phong-tckh-huyen-chau-thanh",
            "Phòng Tài chính - Kế hoạch huyện Châu Thành",
            "Phòng TC-KH huyện Châu Thành",
            "ubnd-huyen-chau-thanh",
            "TCKH",
            "Trưởng phòng",
            ("tai-chinh-ngan-sach", "dau-tu-cong"),
        ),
        sub(
            "phong-gddt-tx-long-my",
            "Phòng Giáo dục và Đào tạo thị xã Long Mỹ",
            "Phòng GD&ĐT TX. Long Mỹ",
            "ubnd-tx-long-my",
            "PGDĐT",
            "Trưởng phòng",
            ("giao-duc-dao-tao",),
        ),
    ]


def agencies() -> list[AgencySpec]:
    """The 50 issuing bodies, parents before children."""
    province = AgencySpec(
        id="ubnd-tinh",
        name=f"Ủy ban nhân dân tỉnh {PROVINCE}",
        short=f"UBND tỉnh {PROVINCE}",
        parent=None,
        header=(f"ỦY BAN NHÂN DÂN TỈNH {PROVINCE.upper()}",),
        kind="province",
        code="UBND",
        units=("VP", "NCTH", "KT", "VX"),
        head="Chủ tịch",
        deputy="Phó Chủ tịch",
        aliases=(f"UBND tỉnh {PROVINCE}",),
    )
    office = AgencySpec(
        id="vp-ubnd-tinh",
        name=f"Văn phòng Ủy ban nhân dân tỉnh {PROVINCE}",
        short="Văn phòng UBND tỉnh",
        parent="ubnd-tinh",
        header=(f"UBND TỈNH {PROVINCE.upper()}", "VĂN PHÒNG"),
        kind="office",
        code="VP.UBND",
        units=("HCTC", "KT", "VX", "NCTH"),
        head="Chánh Văn phòng",
        deputy="Phó Chánh Văn phòng",
        aliases=(f"Văn phòng UBND tỉnh {PROVINCE}",),
    )
    return [province, office, *_DEPARTMENTS, *_districts(), *_suboffices()]


@dataclass(frozen=True, slots=True)
class TopicSpec:
    id: str
    name: str
    description: str
    objects: tuple[str, ...]
    """Noun phrases about the topic, used in titles and sentences: ``công tác cải cách…``."""


TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(
        "cai-cach-hanh-chinh",
        "Cải cách hành chính",
        "Thủ tục hành chính, một cửa, chỉ số hài lòng của người dân.",
        (
            "công tác cải cách hành chính",
            "việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
            "việc công khai, niêm yết thủ tục hành chính",
            "chỉ số hài lòng về sự phục vụ hành chính",
        ),
    ),
    TopicSpec(
        "to-chuc-can-bo",
        "Tổ chức bộ máy, cán bộ",
        "Tổ chức bộ máy, biên chế, tuyển dụng và đào tạo cán bộ, công chức.",
        (
            "công tác tuyển dụng, sử dụng công chức, viên chức",
            "việc sắp xếp tổ chức bộ máy các cơ quan chuyên môn",
            "công tác đào tạo, bồi dưỡng cán bộ, công chức",
            "việc quản lý biên chế",
        ),
    ),
    TopicSpec(
        "tai-chinh-ngan-sach",
        "Tài chính, ngân sách",
        "Thu, chi, dự toán và quyết toán ngân sách nhà nước.",
        (
            "công tác thu, chi ngân sách nhà nước",
            "việc lập dự toán ngân sách",
            "công tác quyết toán kinh phí",
            "việc quản lý, sử dụng tài sản công",
        ),
    ),
    TopicSpec(
        "dau-tu-cong",
        "Đầu tư công",
        "Kế hoạch, giải ngân và quyết toán vốn đầu tư công.",
        (
            "việc giải ngân vốn đầu tư công",
            "kế hoạch đầu tư công trung hạn",
            "công tác quyết toán dự án hoàn thành",
        ),
    ),
    TopicSpec(
        "xay-dung-do-thi",
        "Xây dựng, đô thị",
        "Quy hoạch, trật tự xây dựng và phát triển đô thị.",
        (
            "công tác quản lý trật tự xây dựng",
            "việc lập và quản lý quy hoạch đô thị",
            "công tác chỉnh trang đô thị",
        ),
    ),
    TopicSpec(
        "giao-thong-van-tai",
        "Giao thông vận tải",
        "Hạ tầng giao thông, vận tải và an toàn giao thông.",
        (
            "công tác bảo đảm trật tự an toàn giao thông",
            "việc duy tu, bảo dưỡng các tuyến đường tỉnh",
            "hoạt động vận tải hành khách",
        ),
    ),
    TopicSpec(
        "dat-dai",
        "Đất đai",
        "Giao đất, cho thuê đất, bồi thường và cấp giấy chứng nhận.",
        (
            "công tác cấp giấy chứng nhận quyền sử dụng đất",
            "việc bồi thường, hỗ trợ và tái định cư",
            "việc xây dựng bảng giá đất",
            "công tác quản lý đất công",
        ),
    ),
    TopicSpec(
        "moi-truong",
        "Tài nguyên, môi trường",
        "Bảo vệ môi trường, chất thải, tài nguyên nước và khoáng sản.",
        (
            "công tác thu gom, xử lý chất thải rắn sinh hoạt",
            "việc kiểm soát ô nhiễm nguồn nước",
            "công tác bảo vệ môi trường tại các khu, cụm công nghiệp",
        ),
    ),
    TopicSpec(
        "nong-nghiep",
        "Nông nghiệp",
        "Trồng trọt, chăn nuôi, thủy sản và phòng chống dịch bệnh.",
        (
            "sản xuất lúa vụ Đông Xuân",
            "công tác phòng, chống dịch bệnh trên gia súc, gia cầm",
            "việc tái cơ cấu ngành nông nghiệp",
            "công tác quản lý vật tư nông nghiệp",
        ),
    ),
    TopicSpec(
        "nong-thon-moi",
        "Xây dựng nông thôn mới",
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
        (
            "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
            "việc thực hiện bộ tiêu chí xã nông thôn mới nâng cao",
            "Chương trình mỗi xã một sản phẩm",
        ),
    ),
    TopicSpec(
        "thuy-loi-thien-tai",
        "Thủy lợi, phòng chống thiên tai",
        "Công trình thủy lợi, phòng chống thiên tai, hạn mặn và sạt lở.",
        (
            "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
            "việc phòng, chống hạn hán, xâm nhập mặn",
            "công tác phòng, chống sạt lở bờ sông",
        ),
    ),
    TopicSpec(
        "cong-thuong",
        "Công thương",
        "Thương mại, công nghiệp, quản lý thị trường.",
        (
            "công tác quản lý thị trường",
            "việc bình ổn giá các mặt hàng thiết yếu",
            "chương trình khuyến công",
        ),
    ),
    TopicSpec(
        "doanh-nghiep-dau-tu",
        "Doanh nghiệp, xúc tiến đầu tư",
        "Hỗ trợ doanh nghiệp, môi trường kinh doanh và thu hút đầu tư.",
        (
            "công tác hỗ trợ doanh nghiệp",
            "việc cải thiện chỉ số năng lực cạnh tranh cấp tỉnh",
            "hoạt động xúc tiến đầu tư",
        ),
    ),
    TopicSpec(
        "giao-duc-dao-tao",
        "Giáo dục, đào tạo",
        "Trường lớp, tuyển sinh, thi cử và đội ngũ nhà giáo.",
        (
            "công tác tuyển sinh đầu cấp",
            "kỳ thi tốt nghiệp trung học phổ thông",
            "việc xây dựng trường đạt chuẩn quốc gia",
            "công tác phổ cập giáo dục",
        ),
    ),
    TopicSpec(
        "y-te",
        "Y tế",
        "Khám chữa bệnh, y tế dự phòng, bảo hiểm y tế.",
        (
            "công tác khám bệnh, chữa bệnh",
            "công tác phòng, chống dịch bệnh truyền nhiễm",
            "việc thực hiện bảo hiểm y tế toàn dân",
            "công tác bảo đảm an toàn thực phẩm",
        ),
    ),
    TopicSpec(
        "lao-dong-viec-lam",
        "Lao động, việc làm",
        "Việc làm, dạy nghề, tiền lương, an toàn lao động.",
        (
            "công tác giải quyết việc làm",
            "công tác đào tạo nghề cho lao động nông thôn",
            "công tác an toàn, vệ sinh lao động",
        ),
    ),
    TopicSpec(
        "an-sinh-xa-hoi",
        "An sinh xã hội",
        "Người có công, bảo trợ xã hội, giảm nghèo.",
        (
            "việc thực hiện chính sách đối với người có công",
            "việc chi trả trợ cấp xã hội hằng tháng",
            "công tác giảm nghèo bền vững",
        ),
    ),
    TopicSpec(
        "binh-dang-gioi",
        "Bình đẳng giới, vì sự tiến bộ phụ nữ",
        "Công tác phụ nữ, cán bộ nữ và bình đẳng giới.",
        (
            "công tác bình đẳng giới và vì sự tiến bộ của phụ nữ",
            "công tác cán bộ nữ",
        ),
    ),
    TopicSpec(
        "van-hoa-the-thao",
        "Văn hóa, thể thao",
        "Đời sống văn hóa, di tích, thể dục thể thao.",
        (
            "phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa",
            "các hoạt động thể dục, thể thao quần chúng",
            "công tác bảo tồn di tích lịch sử - văn hóa",
        ),
    ),
    TopicSpec(
        "du-lich",
        "Du lịch",
        "Phát triển và quảng bá du lịch.",
        ("công tác phát triển du lịch", "việc quảng bá sản phẩm du lịch đặc trưng"),
    ),
    TopicSpec(
        "thong-tin-truyen-thong",
        "Thông tin, truyền thông",
        "Báo chí, xuất bản, thông tin cơ sở.",
        (
            "công tác thông tin, tuyên truyền",
            "hoạt động của hệ thống thông tin cơ sở",
            "công tác quản lý báo chí, xuất bản",
        ),
    ),
    TopicSpec(
        "chuyen-doi-so",
        "Chuyển đổi số",
        "Chính quyền số, dịch vụ công trực tuyến, an toàn thông tin.",
        (
            "công tác chuyển đổi số",
            "việc cung cấp dịch vụ công trực tuyến",
            "việc sử dụng chữ ký số và văn bản điện tử",
            "công tác bảo đảm an toàn thông tin mạng",
        ),
    ),
    TopicSpec(
        "khoa-hoc-cong-nghe",
        "Khoa học, công nghệ",
        "Nhiệm vụ khoa học, sở hữu trí tuệ, tiêu chuẩn đo lường.",
        (
            "việc thực hiện các nhiệm vụ khoa học và công nghệ cấp tỉnh",
            "công tác quản lý tiêu chuẩn, đo lường, chất lượng",
        ),
    ),
    TopicSpec(
        "tu-phap",
        "Tư pháp",
        "Văn bản quy phạm pháp luật, phổ biến pháp luật, hộ tịch.",
        (
            "công tác kiểm tra, rà soát văn bản quy phạm pháp luật",
            "công tác phổ biến, giáo dục pháp luật",
            "công tác đăng ký và quản lý hộ tịch",
        ),
    ),
    TopicSpec(
        "thanh-tra-khieu-nai",
        "Thanh tra, khiếu nại, tố cáo",
        "Thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo.",
        (
            "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            "việc thực hiện kết luận thanh tra",
        ),
    ),
    TopicSpec(
        "phong-chong-tham-nhung",
        "Phòng, chống tham nhũng",
        "Phòng, chống tham nhũng, thực hành tiết kiệm, chống lãng phí.",
        (
            "công tác phòng, chống tham nhũng",
            "việc thực hành tiết kiệm, chống lãng phí",
            "việc kê khai tài sản, thu nhập",
        ),
    ),
    TopicSpec(
        "quoc-phong-an-ninh",
        "Quốc phòng, an ninh",
        "Quân sự địa phương, an ninh trật tự.",
        (
            "công tác tuyển chọn và gọi công dân nhập ngũ",
            "việc bảo đảm an ninh chính trị, trật tự an toàn xã hội",
            "công tác giáo dục quốc phòng và an ninh",
        ),
    ),
    TopicSpec(
        "dan-toc-ton-giao",
        "Dân tộc, tôn giáo",
        "Chính sách dân tộc, công tác tôn giáo.",
        ("việc thực hiện chính sách dân tộc", "công tác quản lý nhà nước về tín ngưỡng, tôn giáo"),
    ),
    TopicSpec(
        "thi-dua-khen-thuong",
        "Thi đua, khen thưởng",
        "Phong trào thi đua, khen thưởng.",
        ("công tác thi đua, khen thưởng", "phong trào thi đua yêu nước"),
    ),
    TopicSpec(
        "van-thu-luu-tru",
        "Văn thư, lưu trữ",
        "Công tác văn thư, lưu trữ và chỉnh lý tài liệu.",
        ("công tác văn thư, lưu trữ", "việc chỉnh lý tài liệu tồn đọng", "việc lập hồ sơ điện tử"),
    ),
)

_GENERAL_OBJECTS = (
    "công tác phối hợp giữa các cơ quan, đơn vị",
    "chế độ thông tin, báo cáo định kỳ",
    "việc thực hiện các nhiệm vụ được giao",
    "công tác kiểm tra, giám sát",
)

# Types each kind of body issues, with their weights.
_TYPE_WEIGHTS: dict[str, dict[str, int]] = {
    "province": {
        "quyet-dinh": 34,
        "cong-van": 30,
        "ke-hoach": 10,
        "bao-cao": 6,
        "chi-thi": 4,
        "to-trinh": 4,
        "chuong-trinh": 3,
        "phuong-an": 3,
        "de-an": 2,
        "cong-dien": 2,
        "thong-bao": 2,
    },
    "office": {"thong-bao": 50, "cong-van": 32, "giay-moi": 8, "bao-cao": 5, "ke-hoach": 5},
    "department": {
        "cong-van": 38,
        "quyet-dinh": 14,
        "ke-hoach": 14,
        "bao-cao": 10,
        "huong-dan": 8,
        "thong-bao": 6,
        "to-trinh": 6,
        "giay-moi": 4,
    },
    "district": {
        "quyet-dinh": 30,
        "cong-van": 34,
        "ke-hoach": 12,
        "bao-cao": 8,
        "chi-thi": 3,
        "thong-bao": 6,
        "to-trinh": 4,
        "phuong-an": 3,
    },
}
_TYPE_WEIGHTS["suboffice"] = _TYPE_WEIGHTS["department"]
_AGENCY_KIND_WEIGHT = {
    "province": 16.0,
    "office": 8.0,
    "department": 1.6,
    "district": 1.5,
    "suboffice": 2.0,
}

_TYPE_NAMES = {
    "quyet-dinh": "Quyết định",
    "cong-van": "Công văn",
    "ke-hoach": "Kế hoạch",
    "bao-cao": "Báo cáo",
    "chi-thi": "Chỉ thị",
    "to-trinh": "Tờ trình",
    "chuong-trinh": "Chương trình",
    "phuong-an": "Phương án",
    "de-an": "Đề án",
    "cong-dien": "Công điện",
    "thong-bao": "Thông báo",
    "giay-moi": "Giấy mời",
    "huong-dan": "Hướng dẫn",
}


# --------------------------------------------------------------------------------------------
# National documents cited by notices (real, with their real numbers and dates)


@dataclass(frozen=True, slots=True)
class NationalDoc:
    text: str
    """As cited after "Căn cứ": type, number, date, issuer and subject."""
    issued: date


_LOCAL_GOVERNMENT_LAW = NationalDoc(
    "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", date(2015, 6, 19)
)
"""Every decision of a UBND since 2016 starts from it."""

NATIONAL_DOCS: tuple[NationalDoc, ...] = (
    NationalDoc(
        "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003",
        date(2003, 11, 26),
    ),
    NationalDoc(
        "Nghị định số 110/2004/NĐ-CP ngày 08 tháng 4 năm 2004 của Chính phủ về công tác văn thư",
        date(2004, 4, 8),
    ),
    NationalDoc(
        "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục "
        "hành chính",
        date(2010, 6, 8),
    ),
    NationalDoc(
        "Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình "
        "tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020",
        date(2011, 11, 8),
    ),
    NationalDoc(
        "Nghị định số 24/2014/NĐ-CP ngày 04 tháng 4 năm 2014 của Chính phủ quy định tổ chức các "
        "cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
        date(2014, 4, 4),
    ),
    _LOCAL_GOVERNMENT_LAW,
    NationalDoc(
        "Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015", date(2015, 6, 22)
    ),
    NationalDoc("Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015", date(2015, 6, 25)),
    NationalDoc(
        "Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ quy định chi tiết "
        "một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật",
        date(2016, 5, 14),
    ),
    NationalDoc(
        "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một "
        "cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        date(2018, 4, 23),
    ),
    NationalDoc("Luật Phòng, chống tham nhũng ngày 20 tháng 11 năm 2018", date(2018, 11, 20)),
    NationalDoc("Luật Đầu tư công ngày 13 tháng 6 năm 2019", date(2019, 6, 13)),
    NationalDoc(
        "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
        date(2020, 3, 5),
    ),
    NationalDoc(
        "Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt "
        "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
        date(2020, 6, 3),
    ),
    NationalDoc("Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020", date(2020, 11, 17)),
)


# --------------------------------------------------------------------------------------------
# Words and phrases

_FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Trương", "Lâm", "Châu", "Đinh", "Mai",
)  # fmt: skip
_MIDDLE = ("Văn", "Thị", "Thanh", "Minh", "Hoàng", "Ngọc", "Quốc", "Hữu", "Thành", "Kim", "Công")
_GIVEN = (
    "Hùng", "Dũng", "Lan", "Tuấn", "Hoa", "Nam", "Bình", "Phúc", "Tâm", "Hải", "Thảo", "Long",
    "Sơn", "Khoa", "Trí", "Nghĩa", "Hiếu", "Liêm", "Phong", "Cường", "Hạnh", "Nhân", "Lộc",
    "Trung", "Thắng", "Vân", "Hằng", "Khánh", "Toàn", "Đức",
)  # fmt: skip

_VERBS = (
    "triển khai thực hiện",
    "tăng cường",
    "đẩy mạnh",
    "rà soát, đánh giá",
    "kiểm tra, đôn đốc",
    "tổ chức thực hiện tốt",
    "tập trung chỉ đạo",
    "nâng cao chất lượng",
    "theo dõi, hướng dẫn",
    "chấn chỉnh",
    "tiếp tục thực hiện có hiệu quả",
    "xây dựng kế hoạch cụ thể về",
)
_MANNERS = (
    "đúng quy định của pháp luật",
    "bảo đảm tiến độ, chất lượng và hiệu quả",
    "không để xảy ra tình trạng chậm trễ, đùn đẩy trách nhiệm",
    "công khai, minh bạch",
    "thiết thực, tránh hình thức",
    "phù hợp với điều kiện thực tế của địa phương",
    "đồng bộ, thống nhất từ tỉnh đến cơ sở",
    "kịp thời, có hiệu quả",
)
_SCOPES = (
    "trên địa bàn tỉnh",
    "tại các huyện, thị xã, thành phố",
    "trong toàn ngành",
    "tại cơ quan, đơn vị",
    "ở các xã, phường, thị trấn",
    "trong phạm vi quản lý",
)
_PROBLEMS = (
    "việc triển khai ở một số địa phương còn chậm, chưa đạt yêu cầu",
    "công tác phối hợp giữa các sở, ngành và địa phương có lúc chưa chặt chẽ",
    "nguồn lực bố trí còn hạn chế so với nhu cầu",
    "một số chỉ tiêu chưa đạt kế hoạch đề ra",
    "chất lượng báo cáo của một số đơn vị chưa cao, còn gửi chậm so với thời gian quy định",
    "đội ngũ cán bộ làm công tác chuyên môn ở cơ sở còn thiếu và thường xuyên thay đổi",
    "ý thức chấp hành của một bộ phận người dân chưa cao",
    "cơ sở vật chất, trang thiết bị phục vụ công tác chuyên môn còn thiếu",
)
_CAUSES = (
    "người đứng đầu một số cơ quan, đơn vị chưa thật sự quan tâm chỉ đạo",
    "văn bản hướng dẫn của cấp trên ban hành chậm",
    "kinh phí được phân bổ chưa kịp thời",
    "khối lượng công việc lớn trong khi biên chế được giao còn ít",
)
_PURPOSE_VERBS = (
    "Nâng cao hiệu quả",
    "Triển khai đồng bộ",
    "Cụ thể hóa các nhiệm vụ, giải pháp về",
    "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức và Nhân dân đối với",
    "Tạo sự thống nhất trong chỉ đạo, điều hành",
)
_GOALS = (
    "thực hiện thắng lợi các chỉ tiêu phát triển kinh tế - xã hội năm {year}",
    "xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại",
    "nâng cao chất lượng cuộc sống của Nhân dân",
    "cải thiện môi trường đầu tư, kinh doanh của tỉnh",
    "giữ vững ổn định chính trị, trật tự an toàn xã hội ở địa phương",
)
_REQUIREMENT_EXTRAS = (
    "gắn với việc kiểm tra, đánh giá kết quả thực hiện",
    "huy động sự tham gia của cả hệ thống chính trị",
    "bảo đảm tiết kiệm, hiệu quả, tránh lãng phí",
    "kịp thời sơ kết, rút kinh nghiệm",
)
_SECTION_TITLES = (
    "Công tác chỉ đạo, điều hành",
    "Công tác tuyên truyền, phổ biến",
    "Kết quả thực hiện các chỉ tiêu chủ yếu",
    "Công tác kiểm tra, giám sát",
    "Công tác phối hợp",
)


def _past_period(rng: random.Random, issued: date) -> str:
    """A period that had ended by ``issued``: what a report or a meeting looks back on."""
    year, month = issued.year, issued.month
    options = [f"năm {year - 1}"]
    if month >= 4:
        options.append(f"quý I năm {year}")
    if month >= 7:
        options += [f"6 tháng đầu năm {year}", f"quý II năm {year}"]
    if month >= 10:
        options += [f"9 tháng đầu năm {year}", f"quý III năm {year}"]
    return rng.choice(options)


_PROVINCE_GROUPS = (
    "UBND các huyện, thị xã, thành phố",
    "Thủ trưởng các sở, ban, ngành tỉnh",
    "Văn phòng UBND tỉnh",
)
_DISTRICT_UNITS = (
    "Phòng Nội vụ",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Kinh tế",
    "Phòng Văn hóa và Thông tin",
    "Phòng Lao động - Thương binh và Xã hội",
    "Văn phòng HĐND và UBND",
    "UBND các xã, phường, thị trấn",
)
_DEPARTMENT_UNITS = (
    "Văn phòng",
    "Thanh tra",
    "Phòng Kế hoạch - Tài chính",
    "Các phòng chuyên môn, nghiệp vụ",
    "Các đơn vị sự nghiệp trực thuộc",
)
_SUBOFFICE_UNITS = (
    "Bộ phận tổng hợp",
    "Bộ phận chuyên môn",
    "UBND các xã, phường, thị trấn",
    "Các đơn vị trực thuộc",
)


# --------------------------------------------------------------------------------------------
# Planning: every notice's identity first, so that texts can cite earlier notices


@dataclass(slots=True)
class _Plan:
    """One notice as planned before its text is written."""

    index: int
    agency: AgencySpec
    type_id: str
    issued: date
    number: str = ""
    topics: tuple[TopicSpec, ...] = ()
    title: str = ""
    subject: str = ""
    """The object phrase the title is about."""
    chair: str = ""
    """Who chaired the meeting a Thông báo reports (named in its title and text)."""

    @property
    def type_name(self) -> str:
        return _TYPE_NAMES[self.type_id]


@dataclass(frozen=True, slots=True)
class _Person:
    name: str


@dataclass(slots=True)
class _Ref:
    """A reference from one notice to another document, local (a planned notice) or national."""

    local: _Plan | None = None
    national: NationalDoc | None = None


@dataclass(slots=True)
class SyntheticArchive:
    """What :func:`generate` wrote, with the figures that tests and reports check."""

    notices_dir: Path
    plain_dir: Path | None
    count: int
    agency_ids: list[str]
    topic_ids: list[str]
    years: list[int]
    """Years that have notices, oldest first."""
    body_bytes: list[int] = field(default_factory=list)
    """UTF-8 size of every notice body, in generation order."""
    mentions_local: int = 0
    """References, in the text, to other notices of the archive."""
    mentions_national: int = 0
    """References, in the text, to national laws and decrees."""
    types: dict[str, int] = field(default_factory=dict)
    """Notices per type id."""


def _slug(text: str) -> str:
    """The archive's slug rule, repeated here so that the generator does not depend on it:
    fold diacritics (đ included), lower-case, every run of other characters to '-'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _format_date(value: date) -> str:
    """ "ngày 05 tháng 3 năm 2016": Decree 30 pads days below 10 and the months 1 and 2."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def _short_date(value: date) -> str:
    """ "05/3/2016", as dates are often cited inside a text."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"{value.day:02d}/{month}/{value.year}"


_REPEATS = (
    ("Thực hiện việc thực hiện ", "Thực hiện "),
    ("thực hiện việc thực hiện ", "thực hiện "),
    ("Tổ chức thực hiện việc thực hiện ", "Tổ chức thực hiện "),
)


_MID_SENTENCE_CAC = re.compile(r"([,;] |với |Giao |Yêu cầu |Đề nghị |lãnh đạo )Các ")


def _tidy(text: str) -> str:
    """Undo the stutters that templates make with some objects ("thực hiện việc thực hiện"),
    and lower-case "Các …" where an actor lands inside a sentence."""
    for old, new in _REPEATS:
        text = text.replace(old, new)
    return _MID_SENTENCE_CAC.sub(r"\1các ", text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _weighted(rng: random.Random, weights: dict[str, float] | dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[float(weights[k]) for k in keys])[0]


def _person(rng: random.Random) -> _Person:
    return _Person(f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}")


def _load_types(types_file: Path) -> dict[str, dict[str, str | None]]:
    raw = yaml.safe_load(types_file.read_text(encoding="utf-8")) or {}
    types = {str(k): {"name": v.get("name"), "abbr": v.get("abbr")} for k, v in raw.items()}
    missing = sorted(set(_TYPE_NAMES) - set(types))
    if missing:
        raise ValueError(f"{types_file} lacks the type(s) the generator uses: {', '.join(missing)}")
    return types


def _check_codes(specs: Sequence[AgencySpec], types: dict[str, dict[str, str | None]]) -> None:
    """A Công văn number starts with the body's code; the archive warns when that code is a type
    abbreviation (it would read as another type), so none may be one."""
    abbrs = {str(t["abbr"]).casefold() for t in types.values() if t["abbr"]}
    clashing = [s.code for s in specs if s.code.casefold() in abbrs]
    if clashing:
        raise ValueError(f"agency codes that read as type abbreviations: {clashing}")


def _plan(
    rng: random.Random, n: int, specs: Sequence[AgencySpec], first_year: int, years: int
) -> list[_Plan]:
    """Identities of all notices (body, type, date), oldest first, before any number is given."""
    agency_weights = {s.id: _AGENCY_KIND_WEIGHT[s.kind] for s in specs}
    by_id = {s.id: s for s in specs}
    # Slow growth over the years, as archives fill up; every year gets at least one notice.
    year_weights = {str(first_year + k): 1.0 + 0.05 * k for k in range(years)}
    plans: list[_Plan] = []
    for index in range(n):
        year = first_year + index if index < years else int(_weighted(rng, year_weights))
        agency = by_id[_weighted(rng, agency_weights)]
        type_id = _weighted(rng, _TYPE_WEIGHTS[agency.kind])
        issued = date(year, 1, 2) + timedelta(days=rng.randrange(363))
        if issued.weekday() >= 5:  # offices do not issue on Saturdays and Sundays
            issued -= timedelta(days=issued.weekday() - 4)
        if issued.year != year:
            issued = date(year, 1, 2)
        plans.append(_Plan(index, agency, type_id, issued))
    plans.sort(key=lambda p: (p.issued, p.agency.id, p.index))
    for position, plan in enumerate(plans):
        plan.index = position
    return plans


def _number(
    rng: random.Random,
    plans: list[_Plan],
    types: dict[str, dict[str, str | None]],
) -> None:
    """Numbers restart every year in every body and grow with the date; not every number is
    published, so they have gaps. Legal normative decisions of the UBND carry the year."""
    sequence: dict[tuple[str, int], int] = defaultdict(int)
    legal: dict[tuple[str, int], int] = defaultdict(int)
    for plan in plans:
        key = (plan.agency.id, plan.issued.year)
        abbr = types[plan.type_id]["abbr"]
        if (
            plan.type_id == "quyet-dinh"
            and plan.agency.kind in ("province", "district")
            and rng.random() < 0.06
        ):
            legal[key] += rng.randint(1, 3)
            plan.number = f"{legal[key]:02d}/{plan.issued.year}/{abbr}-{plan.agency.code}"
            continue
        sequence[key] += rng.randint(1, 9)
        seq = f"{sequence[key]:02d}"
        if abbr is None:  # Công văn: the body's code and the drafting unit
            plan.number = f"{seq}/{plan.agency.code}-{rng.choice(plan.agency.units)}"
        else:
            plan.number = f"{seq}/{abbr}-{plan.agency.code}"


_TITLES: dict[str, tuple[str, ...]] = {
    "quyet-dinh": (
        "Về việc phê duyệt Kế hoạch thực hiện {obj} năm {year}",
        "Về việc thành lập Tổ công tác về {obj}",
        "Ban hành Quy chế phối hợp trong {obj}",
        "Về việc giao chỉ tiêu về {obj} năm {year}",
        "Về việc kiện toàn Ban Chỉ đạo {obj}",
        "Về việc phân bổ kinh phí thực hiện {obj} năm {year}",
    ),
    "cong-van": (
        "Tăng cường {obj}",
        "Triển khai {obj} năm {year}",
        "Đôn đốc báo cáo kết quả {obj} {period}",
        "Góp ý dự thảo Kế hoạch về {obj}",
        "Rà soát, đề xuất nhu cầu kinh phí cho {obj} năm {next_year}",
        "Chấn chỉnh {obj}",
    ),
    "thong-bao": (
        "Kết luận của {chair} tại cuộc họp về {obj}",
        "Ý kiến chỉ đạo của {chair} về {obj}",
        "Kết luận của {chair} tại buổi làm việc về {obj} {period}",
    ),
    "ke-hoach": (
        "Triển khai {obj} năm {year}",
        "Thực hiện {obj} giai đoạn {year} - {year_plus_4}",
        "Kiểm tra {obj} năm {year}",
        "Tuyên truyền về {obj} năm {year}",
    ),
    "bao-cao": (
        "Kết quả thực hiện {obj} {period}",
        "Tình hình thực hiện {obj} năm {year} và phương hướng, nhiệm vụ năm {next_year}",
    ),
    "to-trinh": (
        "Đề nghị phê duyệt Kế hoạch về {obj} năm {year}",
        "Đề nghị ban hành Quy chế về {obj}",
    ),
    "chi-thi": ("Về tăng cường {obj}", "Về đẩy mạnh {obj} trên địa bàn tỉnh"),
    "huong-dan": ("Thực hiện {obj} năm {year}", "Đánh giá kết quả {obj} năm {year}"),
    "giay-moi": ("Dự hội nghị sơ kết {obj} {period}", "Dự họp bàn về {obj}"),
    "chuong-trinh": ("Hành động thực hiện {obj} giai đoạn {year} - {year_plus_4}",),
    "phuong-an": ("Bảo đảm {obj} năm {year}", "Tổ chức thực hiện {obj} năm {year}"),
    "de-an": ("Nâng cao chất lượng {obj} giai đoạn {year} - {year_plus_4}",),
    "cong-dien": ("Về việc tập trung chỉ đạo {obj}",),
}


class _People:
    """Heads and deputies of every body, by term of office (five years), drawn once."""

    def __init__(self, seed: int, first_year: int) -> None:
        self.first_year = first_year
        self._terms: dict[tuple[str, int], tuple[_Person, list[_Person]]] = {}
        self._seed = seed

    def term(self, agency: AgencySpec, year: int) -> tuple[_Person, list[_Person]]:
        key = (agency.id, (year - self.first_year) // 5)
        if key not in self._terms:
            # A private generator per body and term keeps names independent of the order of use.
            rng = random.Random(f"{agency.id}/{key[1]}/{self._seed}")
            self._terms[key] = (_person(rng), [_person(rng) for _ in range(rng.randint(2, 3))])
        return self._terms[key]


def _chair(people: _People, province: AgencySpec, plan: _Plan, rng: random.Random) -> str:
    """Who chaired a meeting: the head (or a deputy) of the province for its office's notices,
    else of the issuing body."""
    agency = province if plan.agency.kind in ("office", "province") else plan.agency
    head, deputies = people.term(agency, plan.issued.year)
    where = "UBND tỉnh" if agency is province else agency.short
    if agency.kind == "district":
        return f"{agency.deputy} {where} {rng.choice(deputies).name}"
    if rng.random() < 0.3:
        return f"{agency.head} {where} {head.name}"
    position = agency.deputy
    return f"{position} {where} {rng.choice(deputies).name}"


def _titles(rng: random.Random, plans: list[_Plan], people: _People, province: AgencySpec) -> None:
    topic_by_id = {t.id: t for t in TOPICS}
    for plan in plans:
        preferred = [topic_by_id[t] for t in plan.agency.topics]
        use_preferred = preferred and rng.random() < 0.75
        first = rng.choice(preferred) if use_preferred else rng.choice(TOPICS)
        extra = rng.sample(TOPICS, rng.choice((0, 0, 1, 1, 2)))
        plan.topics = (first, *[t for t in extra if t is not first])
        plan.subject = rng.choice(first.objects)
        plan.chair = _chair(people, province, plan, rng)
        template = rng.choice(_TITLES[plan.type_id])
        year = plan.issued.year
        plan.title = template.format(
            obj=plan.subject,
            year=year,
            next_year=year + 1,
            year_plus_4=year + 4,
            period=_past_period(rng, plan.issued),
            chair=plan.chair,
        )
        plan.title = _tidy(plan.title)


# --------------------------------------------------------------------------------------------
# Writing the text of one notice


def _cite(ref: _Ref, rng: random.Random) -> str:
    """A document as a text names it: "Quyết định số 123/QĐ-UBND ngày 05/3/2016 của UBND tỉnh…"."""
    if ref.national is not None:
        return ref.national.text
    target = ref.local
    assert target is not None
    issued = target.issued
    when = f"ngày {_short_date(issued)}" if rng.random() < 0.6 else _format_date(issued)
    text = f"{target.type_name} số {target.number} {when} của {target.agency.short}"
    if rng.random() < 0.6:
        title = target.title
        if title.startswith("Về "):
            text += f" {_lower_first(title)}"
        elif target.type_id == "cong-van":
            text += f" về việc {_lower_first(title)}"
        else:
            text += f" về {_lower_first(title)}"
    return text


class _Writer:
    """Writes the body of one notice; hands out its references one by one as it writes."""

    def __init__(
        self,
        rng: random.Random,
        plan: _Plan,
        refs: list[_Ref],
        people: _People,
        province: AgencySpec,
        departments: Sequence[AgencySpec],
        parent_short: str = "UBND tỉnh",
    ) -> None:
        self.rng, self.plan, self.people, self.province = rng, plan, people, province
        self.refs = list(refs)
        self.departments = departments
        self.parent_short = parent_short
        self.based_on: list[_Plan] = []
        self.implements: list[_Plan] = []
        self.local_mentions = 0
        self.national_mentions = 0

    # --- references -----------------------------------------------------------------------

    def take_ref(self, *, basis: bool = False) -> _Ref | None:
        """The next reference to cite; for a legal basis ("Căn cứ"), one that can be a basis."""
        if not self.refs:
            return None
        if basis:
            for position, ref in enumerate(self.refs):
                if ref.national is not None or (
                    ref.local is not None
                    and ref.local.type_id in ("quyet-dinh", "chi-thi", "ke-hoach", "chuong-trinh")
                ):
                    return self.refs.pop(position)
            return None
        return self.refs.pop(0)

    def cite(self, ref: _Ref, *, relation: str | None = None) -> str:
        if ref.local is not None:
            self.local_mentions += 1
            if relation == "based_on":
                self.based_on.append(ref.local)
            elif relation == "implements":
                self.implements.append(ref.local)
        else:
            self.national_mentions += 1
        return _cite(ref, self.rng)

    # --- words ------------------------------------------------------------------------------

    def obj(self) -> str:
        rng = self.rng
        if rng.random() < 0.15:
            return rng.choice(_GENERAL_OBJECTS)
        return rng.choice(rng.choice(self.plan.topics).objects)

    def actor(self) -> str:
        """Someone the issuing body can give a task to."""
        rng, kind = self.rng, self.plan.agency.kind
        if kind in ("province", "office"):
            if rng.random() < 0.25:
                return rng.choice(_PROVINCE_GROUPS)
            topic = self.plan.topics[0].id
            leads = [d for d in self.departments if topic in d.topics]
            return rng.choice(leads if leads and rng.random() < 0.6 else self.departments).short
        if kind == "district":
            return rng.choice(_DISTRICT_UNITS)
        if kind == "suboffice":
            return rng.choice(_SUBOFFICE_UNITS)
        return rng.choice(_DEPARTMENT_UNITS)

    def actors(self) -> tuple[str, str]:
        """Two different actors: one in charge, one in support."""
        first = self.actor()
        for _ in range(5):
            second = self.actor()
            if second != first:
                break
        return first, second

    def proposer(self) -> str:
        """Who proposed a decision ("Xét đề nghị của …")."""
        rng, kind = self.rng, self.plan.agency.kind
        if kind in ("province", "office"):
            topic = self.plan.topics[0].id
            leads = [d for d in self.departments if topic in d.topics] or list(self.departments)
            lead = rng.choice(leads)
            return f"{lead.head} {lead.short}"
        if kind == "district":
            unit = rng.choice([u for u in _DISTRICT_UNITS if u.startswith("Phòng")])
            return f"Trưởng {unit}"
        if kind == "suboffice":
            return "Bộ phận tổng hợp"
        return rng.choice(("Chánh Văn phòng", "Trưởng phòng Kế hoạch - Tài chính"))

    def superior(self) -> str:
        kind = self.plan.agency.kind
        if kind == "province":
            return "Thường trực HĐND tỉnh"
        if kind == "suboffice":
            return self.parent_short
        return "UBND tỉnh"

    def deadline(self) -> str:
        due = self.plan.issued + timedelta(days=self.rng.randint(10, 120))
        return _short_date(due)

    def number(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def result(self) -> str:
        rng, n = self.rng, self.number
        return rng.choice(
            (
                f"{n(82, 99)}% hồ sơ được giải quyết đúng hạn",
                f"đã tổ chức {n(3, 40)} lớp tập huấn cho hơn {n(2, 30) * 100} lượt cán bộ, "
                "công chức",
                f"đã kiểm tra {n(10, 300)} cơ sở, phát hiện và xử lý {n(2, 60)} trường hợp vi phạm "
                f"với tổng số tiền phạt {n(5, 900)} triệu đồng",
                f"giải ngân đạt {n(40, 98)}% kế hoạch vốn được giao",
                f"tăng {n(2, 25)}% so với cùng kỳ năm trước",
                f"{n(20, 51)}/{n(52, 60)} xã, phường, thị trấn hoàn thành chỉ tiêu được giao",
                f"tổng kinh phí thực hiện là {n(100, 9000):,} triệu đồng".replace(",", "."),
            )
        )

    # --- paragraphs -------------------------------------------------------------------------

    def instruction(self, point: int | None = None) -> str:
        """A task given to someone, sometimes citing a document."""
        rng = self.rng
        prefix = f"{point}. " if point is not None else ""
        ref = self.take_ref() if self.refs else None
        if ref is not None:
            form = rng.randrange(3)
            if form == 0:
                return (
                    f"{prefix}Theo {self.cite(ref)}, {self.actor()} có trách nhiệm "
                    f"{rng.choice(_VERBS)} {self.obj()} {rng.choice(_SCOPES)}, "
                    f"{rng.choice(_MANNERS)}."
                )
            if form == 1:
                return (
                    f"{prefix}{self.actor()} tiếp tục triển khai {self.cite(ref)}; "
                    f"{rng.choice(_VERBS)} {self.obj()}, {rng.choice(_MANNERS)}."
                )
            lead, support = self.actors()
            return (
                f"{prefix}Giao {lead} chủ trì, phối hợp với {support} rà soát việc "
                f"thực hiện {self.cite(ref)}, tham mưu {self.plan.agency.short} chỉ đạo khắc phục "
                f"những tồn tại, hạn chế; hoàn thành trước ngày {self.deadline()}."
            )
        form = rng.randrange(4)
        if form == 0:
            lead, support = self.actors()
            return (
                f"{prefix}Giao {lead} chủ trì, phối hợp với {support} "
                f"{rng.choice(_VERBS)} {self.obj()} {rng.choice(_SCOPES)}, {rng.choice(_MANNERS)}; "
                f"báo cáo kết quả về {self.plan.agency.short} trước ngày {self.deadline()}."
            )
        if form == 1:
            return (
                f"{prefix}{self.actor()} {rng.choice(_VERBS)} {self.obj()} {rng.choice(_SCOPES)}; "
                f"đồng thời {rng.choice(_VERBS)} {rng.choice(_GENERAL_OBJECTS)}, "
                f"{rng.choice(_MANNERS)}."
            )
        if form == 2:
            actor = self.actor()
            actor = _lower_first(actor) if actor.startswith("Các ") else actor
            return (
                f"{prefix}Yêu cầu {actor} {rng.choice(_VERBS)} {self.obj()}; định kỳ hằng quý "
                f"báo cáo kết quả thực hiện về {self.superior()} để theo dõi, chỉ đạo."
            )
        return (
            f"{prefix}Đề nghị {self.actor()} quan tâm chỉ đạo {self.obj()} {rng.choice(_SCOPES)}; "
            f"kịp thời phản ánh những khó khăn, vướng mắc phát sinh về {self.plan.agency.short} "
            "để được hướng dẫn, giải quyết."
        )

    def assessment(self, point: int | None = None) -> str:
        rng = self.rng
        prefix = f"{point}. " if point is not None else ""
        problems = rng.sample(_PROBLEMS, 2)
        period = _past_period(rng, self.plan.issued)
        return (
            f"{prefix}Trong {period}, {self.obj()} {rng.choice(_SCOPES)} tiếp tục có chuyển biến "
            f"tích cực: {self.result()}; {self.result()}. Tuy nhiên, {problems[0]}; {problems[1]}."
        )

    def problems(self) -> str:
        problems, causes = self.rng.sample(_PROBLEMS, 2), self.rng.sample(_CAUSES, 2)
        return (
            f"Bên cạnh những kết quả đạt được, {problems[0]}; {problems[1]}. "
            f"Nguyên nhân chủ yếu là do {causes[0]}, {causes[1]}."
        )

    def purpose(self) -> str:
        rng = self.rng
        goal = rng.choice(_GOALS).format(year=self.plan.issued.year)
        return f"{rng.choice(_PURPOSE_VERBS)} {self.obj()} {rng.choice(_SCOPES)}, góp phần {goal}."

    def requirement(self) -> str:
        rng = self.rng
        return (
            f"Việc triển khai phải {rng.choice(_MANNERS)}; xác định rõ nội dung, thời hạn và trách "
            f"nhiệm của từng cơ quan, đơn vị; {rng.choice(_REQUIREMENT_EXTRAS)}."
        )

    def table(self) -> str:
        rng = self.rng
        rows = [
            "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian thực hiện |",
            "|---|---|---|---|",
        ]
        for row in range(1, rng.randint(3, 5) + 1):
            when = rng.choice(
                (
                    f"Quý {rng.choice(('I', 'II', 'III', 'IV'))} năm {self.plan.issued.year}",
                    "Thường xuyên",
                    f"Trước ngày {self.deadline()}",
                )
            )
            task = _upper_first(f"{rng.choice(_VERBS)} {self.obj()}")
            rows.append(f"| {row} | {task} | {self.actor()} | {when} |")
        return "\n".join(rows)


def _points(paragraphs: Sequence[str]) -> int:
    """Paragraphs that count as numbered points (tables do not)."""
    return sum(1 for p in paragraphs if not p.startswith("|"))


@dataclass(slots=True)
class _Body:
    """A body being assembled: fixed parts plus sections that grow until the size is reached."""

    intro: list[str] = field(default_factory=list)
    sections: list[tuple[str | None, list[str], Callable[[int], str] | None]] = field(
        default_factory=list
    )
    closing: list[str] = field(default_factory=list)

    def text(self) -> str:
        parts = list(self.intro)
        for heading, paragraphs, _more in self.sections:
            if heading:
                parts.append(heading)
            parts.extend(paragraphs)
        parts.extend(self.closing)
        return "\n\n".join(parts)

    def size(self) -> int:
        return len(self.text().encode("utf-8"))

    def fill(self, target: int, limit: int) -> None:
        """Add paragraphs to the growing sections in turn until ``target`` bytes; one that
        would pass ``limit`` is not kept."""
        growing = [s for s in self.sections if s[2] is not None]
        turn = 0
        size = self.size()
        while size < target and growing:
            _heading, paragraphs, more = growing[turn % len(growing)]
            assert more is not None
            paragraph = more(_points(paragraphs) + 1)
            added = len(paragraph.encode("utf-8")) + 2
            if size + added > limit:
                break
            paragraphs.append(paragraph)
            size += added
            turn += 1


def _body(w: _Writer, target: int) -> str:
    """The text of a notice in the shape of its type."""
    plan, rng = w.plan, w.rng
    issuer = plan.agency.short
    body = _Body()
    numbered = w.instruction
    if plan.type_id in ("quyet-dinh", "to-trinh"):
        if plan.issued >= date(2016, 1, 1):
            body.intro.append(f"Căn cứ {_LOCAL_GOVERNMENT_LAW.text};")
            w.national_mentions += 1
            w.refs = [r for r in w.refs if r.national is not _LOCAL_GOVERNMENT_LAW]
        for _ in range(rng.randint(1, 3)):
            ref = w.take_ref(basis=True)
            if ref is None:
                break
            body.intro.append(f"Căn cứ {w.cite(ref, relation='based_on')};")
        if plan.type_id == "quyet-dinh":
            body.intro.append(f"Xét đề nghị của {w.proposer()}.")
            body.intro.append("**QUYẾT ĐỊNH:**")
            body.sections.append(
                (
                    f"## Điều 1. {_upper_first(plan.title.removeprefix('Về việc '))}",
                    [w.purpose()],
                    lambda k: (
                        f"{chr(ord('a') + k - 2)}) {w.instruction()}" if k > 1 else w.purpose()
                    ),
                )
            )
            body.sections.append(("## Điều 2. Tổ chức thực hiện", [], numbered))
            body.closing.append("## Điều 3. Hiệu lực thi hành")
            body.closing.append(
                f"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, {w.actor()}, "
                "Thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi "
                "hành Quyết định này./."
            )
        else:
            action = _lower_first(plan.title.removeprefix("Đề nghị "))
            body.intro.append(
                f"{issuer} kính trình {w.superior()} xem xét, {action}, với các nội dung chủ yếu "
                "sau:"
            )
            body.sections.append(("## I. SỰ CẦN THIẾT", [w.assessment()], None))
            body.sections.append(("## II. NỘI DUNG CHỦ YẾU", [], numbered))
            body.closing.append(f"{issuer} kính trình {w.superior()} xem xét, quyết định./.")
    elif plan.type_id == "thong-bao":
        meeting = plan.issued - timedelta(days=rng.randint(1, 6))
        chair = plan.chair
        host = "UBND tỉnh" if plan.agency.kind in ("office", "province") else issuer
        body.intro.append(
            f"{_upper_first(_format_date(meeting))}, tại {rng.choice(('Trụ sở', 'Hội trường'))} "
            f"{host}, {chair} chủ trì "
            f"cuộc họp về {plan.subject}. Tham dự cuộc họp có đại diện lãnh đạo "
            f"{', '.join(w.actors())} và các cơ quan, đơn vị có liên quan."
        )
        body.intro.append(
            f"Sau khi nghe {w.actor()} báo cáo tình hình {plan.subject}, ý kiến phát biểu của "
            f"các đại biểu dự họp, {chair} kết luận như sau:"
        )
        body.sections.append((None, [w.assessment(1)], numbered))
        body.closing.append(
            f"{issuer} thông báo ý kiến kết luận của {chair} đến các cơ quan, đơn vị có liên "
            "quan biết, thực hiện./."
        )
    elif plan.type_id == "ke-hoach":
        ref = w.take_ref(basis=True)
        basis = f"Thực hiện {w.cite(ref, relation='implements')}, " if ref else ""
        body.intro.append(f"{basis}{issuer} ban hành Kế hoạch {_lower_first(plan.title)} như sau:")
        body.sections.append(
            ("## I. MỤC ĐÍCH, YÊU CẦU", [f"1. Mục đích: {_lower_first(w.purpose())}",
                                        f"2. Yêu cầu: {_lower_first(w.requirement())}"], None)
        )  # fmt: skip
        tasks: list[str] = [w.table()] if rng.random() < 0.4 else []
        body.sections.append(("## II. NỘI DUNG, NHIỆM VỤ", tasks, numbered))
        body.sections.append(("## III. TỔ CHỨC THỰC HIỆN", [w.instruction(1)], None))
        body.closing.append(
            f"Trên đây là Kế hoạch {_lower_first(plan.title)} của {issuer}. Trong quá trình thực "
            f"hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về {issuer} "
            "để xem xét, giải quyết./."
        )
    elif plan.type_id == "bao-cao":
        ref = w.take_ref()
        basis = f"Thực hiện {w.cite(ref)}, " if ref else ""
        body.intro.append(f"{basis}{issuer} báo cáo {_lower_first(plan.title)} như sau:")
        body.sections.append(
            (
                "## I. KẾT QUẢ THỰC HIỆN",
                [],
                lambda k: (
                    f"{k}. {_SECTION_TITLES[(k - 1) % len(_SECTION_TITLES)]}: "
                    f"{_lower_first(w.assessment())}"
                ),
            )
        )
        body.sections.append(("## II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", [w.problems()], None))
        body.sections.append(("## III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", [], numbered))
        body.closing.append(f"Trên đây là báo cáo {_lower_first(plan.title)} của {issuer}./.")
    elif plan.type_id == "chi-thi":
        body.intro.append(w.assessment())
        body.intro.append(
            f"Để {_lower_first(w.purpose()).rstrip('.')}, {plan.agency.head} {issuer} chỉ thị:"
        )
        body.sections.append((None, [], numbered))
        body.closing.append(
            "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện Chỉ thị "
            "này; giao Văn phòng theo dõi, đôn đốc và báo cáo kết quả thực hiện./."
        )
    else:  # Công văn and the other administrative types share one shape
        ref = w.take_ref()
        if ref is not None:
            opening = f"Thực hiện {w.cite(ref)}, "
        else:
            opening = f"Nhằm {_lower_first(w.purpose()).rstrip('.')}, "
        body.intro.append(
            f"{opening}{issuer} đề nghị {w.actor()} và các cơ quan, đơn vị có liên quan "
            f"{rng.choice(_VERBS)} {plan.subject}, cụ thể như sau:"
        )
        body.sections.append((None, [], numbered))
        phone = f"0293.38{rng.randint(10000, 99999)}"
        body.closing.append(
            f"Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện. Trong quá trình thực "
            f"hiện, nếu có khó khăn, vướng mắc, phản ánh về {issuer} (điện thoại {phone}) để "
            "được hướng dẫn./."
        )
    # References not cited yet go into the growing sections first.
    growing = [s for s in body.sections if s[2] is not None]
    while w.refs and growing:
        _heading, paragraphs, _more = growing[-1]
        paragraphs.append(w.instruction(_points(paragraphs) + 1))
    body.fill(target, BODY_MAX_BYTES)
    return _tidy(body.text())


# --------------------------------------------------------------------------------------------
# Files


def _yaml_text(value: str) -> str:
    """A YAML scalar for the value, quoted only where YAML needs it (as staff would write it)."""
    plain = (
        value
        and value[0] not in "-?:,[]{}#&*!|>'\"%@` "
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and value.lower() not in ("yes", "no", "true", "false", "on", "off", "null", "~")
        and not re.fullmatch(r"[-+.\d]+", value)
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def _flow_list(values: Sequence[str]) -> str:
    """``[a, b]``, quoting the items that a flow list would split or misread."""
    items = [
        json.dumps(v, ensure_ascii=False) if re.search(r"[,\[\]{}]", v) else _yaml_text(v)
        for v in values
    ]
    return f"[{', '.join(items)}]"


def _recipients(rng: random.Random, plan: _Plan) -> list[str]:
    kind, unit = plan.agency.kind, rng.choice(plan.agency.units)
    first = "Như Điều 3;" if plan.type_id == "quyet-dinh" else "Như trên;"
    middle = {
        "province": ["TT. Tỉnh ủy, TT. HĐND tỉnh;", "CT, các PCT UBND tỉnh;",
                     "Các sở, ban, ngành tỉnh;", "UBND các huyện, thị xã, thành phố;"],
        "office": ["CT, các PCT UBND tỉnh (b/c);", "Các sở, ban, ngành tỉnh;",
                   "Lãnh đạo VP. UBND tỉnh;"],
        "department": ["UBND tỉnh (b/c);", "Ban Giám đốc;", "Các phòng, đơn vị trực thuộc;"],
        "district": ["UBND tỉnh (b/c);", "TT. HĐND cùng cấp;", "Các phòng, ban chuyên môn;",
                     "UBND các xã, phường, thị trấn;"],
        "suboffice": ["Lãnh đạo UBND cùng cấp (b/c);", "Các bộ phận chuyên môn;"],
    }[kind]  # fmt: skip
    chosen = [m for m in middle if rng.random() < 0.7] or middle[:1]
    return [first, *chosen, f"Lưu: VT, {unit}."]


def _signer(rng: random.Random, people: _People, plan: _Plan) -> tuple[str | None, str, str]:
    agency = plan.agency
    head, deputies = people.term(agency, plan.issued.year)
    collective = "TM. ỦY BAN NHÂN DÂN" if agency.kind in ("province", "district") else None
    if rng.random() < 0.35:
        return collective, agency.head.upper(), head.name
    return f"KT. {agency.head.upper()}", agency.deputy.upper(), rng.choice(deputies).name


def _front_matter(rng: random.Random, plan: _Plan, w: _Writer, people: _People) -> str:
    authority, position, name = _signer(rng, people, plan)
    lines = [
        "---",
        f"number: {_yaml_text(plan.number)}",
        f"type: {plan.type_id}",
        f"title: {_yaml_text(plan.title)}",
        f"agency: {plan.agency.id}",
        f"date: {plan.issued.isoformat()}",
        f"place: {_yaml_text(plan.agency.place)}",
        f"topics: [{', '.join(t.id for t in plan.topics)}]",
        "signer:",
    ]
    if authority:
        lines.append(f"  authority: {_yaml_text(authority)}")
    lines += [f"  position: {_yaml_text(position)}", f"  name: {_yaml_text(name)}", "recipients:"]
    lines += [f"  - {_yaml_text(r)}" for r in _recipients(rng, plan)]
    if rng.random() < 0.3:
        summary = f"Giao {w.actor()} chủ trì {rng.choice(_VERBS)} {plan.subject}."
        lines.append(f"summary: {_yaml_text(summary)}")
    if plan.type_id == "quyet-dinh" and rng.random() < 0.4:
        effective = plan.issued + timedelta(days=rng.choice((0, 0, 10, 15)))
        lines.append(f"effective: {effective.isoformat()}")
    for key, targets in (("based_on", w.based_on), ("implements", w.implements)):
        if targets:
            lines.append(f"{key}:")
            for target in targets:
                lines += [
                    f"  - number: {_yaml_text(target.number)}",
                    f"    year: {target.issued.year}",
                    f"    agency: {target.agency.id}",
                ]
    lines.append("---")
    return "\n".join(lines)


def _registries(folder: Path, specs: Sequence[AgencySpec], types_file: Path) -> None:
    lines = ["# Synthetic issuing bodies (benchmarks/synthetic.py)."]
    for spec in specs:
        lines.append(f"{spec.id}:")
        lines.append(f"  name: {_yaml_text(spec.name)}")
        lines.append(f"  short: {_yaml_text(spec.short)}")
        if spec.parent:
            lines.append(f"  parent: {spec.parent}")
        lines.append(f"  header: {_flow_list(spec.header)}")
        if spec.aliases:
            lines.append(f"  aliases: {_flow_list(spec.aliases)}")
    (folder / "agencies.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["# Synthetic topics (benchmarks/synthetic.py)."]
    for topic in TOPICS:
        lines += [
            f"{topic.id}:",
            f"  name: {_yaml_text(topic.name)}",
            f"  description: {_yaml_text(topic.description)}",
        ]
    (folder / "topics.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copyfile(types_file, folder / "types.yml")


_PLAIN_HUBS = {
    "index.md": "# Kho văn bản\n\nBản so sánh: {n} văn bản, không có trang tổng hợp.\n",
    "co-quan.md": "# Cơ quan ban hành\n\nDanh sách các cơ quan ban hành.\n",
    "linh-vuc.md": "# Lĩnh vực\n\nDanh sách các lĩnh vực.\n",
    "loai.md": "# Loại văn bản\n\nDanh sách các loại văn bản.\n",
    "nam.md": "# Theo thời gian\n\nDanh sách theo năm.\n",
}
PLAIN_NAV = (
    ("Trang chủ", "index.md"),
    ("Cơ quan ban hành", "co-quan.md"),
    ("Lĩnh vực", "linh-vuc.md"),
    ("Loại văn bản", "loai.md"),
    ("Theo thời gian", "nam.md"),
)
"""The few pages the baseline site's navigation lists (its notices are not in the nav)."""


def generate(
    n: int,
    notices_dir: Path,
    plain_dir: Path | None = None,
    *,
    seed: int = 2013,
    first_year: int = FIRST_YEAR,
    years: int = YEARS,
    types_file: Path = TYPES_FILE,
) -> SyntheticArchive:
    """Write ``n`` synthetic notices and the registries into ``notices_dir`` (an archive's
    ``dir``) and, when ``plain_dir`` is given, the same notices as plain Markdown pages (a
    title heading and the same body) into it, at the addresses the archive gives them, with
    a few hub pages (:data:`PLAIN_NAV`). Both folders are emptied first.

    The same arguments always give the same files."""
    if n < 1:
        raise ValueError("n must be at least 1")
    rng = random.Random(seed)
    specs = agencies()
    types = _load_types(types_file)
    _check_codes(specs, types)
    province = specs[0]
    departments = [s for s in specs if s.kind == "department" and s.parent == "ubnd-tinh"]
    people = _People(seed, first_year)

    plans = _plan(rng, n, specs, first_year, years)
    _number(rng, plans, types)
    _titles(rng, plans, people, province)

    for folder in (notices_dir, plain_dir):
        if folder is not None:
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
    _registries(notices_dir, specs, types_file)
    if plain_dir is not None:
        for name, text in _PLAIN_HUBS.items():
            (plain_dir / name).write_text(text.format(n=n), encoding="utf-8")

    result = SyntheticArchive(
        notices_dir=notices_dir,
        plain_dir=plain_dir,
        count=n,
        agency_ids=[s.id for s in specs],
        topic_ids=[t.id for t in TOPICS],
        years=sorted({p.issued.year for p in plans}),
    )
    by_family: dict[str, list[_Plan]] = defaultdict(list)
    window = max(50, 3 * n // years)  # about three years of notices
    made: set[Path] = set()
    shorts = {s.id: s.short for s in specs}
    for plan in plans:
        parent = plan.agency.parent or plan.agency.id
        refs = _pick_refs(rng, plan, plans, by_family, window)
        writer = _Writer(rng, plan, refs, people, province, departments, shorts[parent])
        for _attempt in range(5):
            body = _body(writer, rng.randint(BODY_MIN_BYTES + 300, BODY_MAX_BYTES - 900))
            if BODY_MIN_BYTES <= len(body.encode("utf-8")) <= BODY_MAX_BYTES:
                break
            writer = _Writer(rng, plan, refs, people, province, departments, shorts[parent])
        result.body_bytes.append(len(body.encode("utf-8")))
        result.mentions_local += writer.local_mentions
        result.mentions_national += writer.national_mentions
        result.types[plan.type_id] = result.types.get(plan.type_id, 0) + 1

        relative = Path(str(plan.issued.year), plan.agency.id)
        name = f"{_slug(plan.number)}.md"
        source = notices_dir / relative / name
        if source.parent not in made:
            source.parent.mkdir(parents=True, exist_ok=True)
            if plain_dir is not None:
                (plain_dir / relative).mkdir(parents=True, exist_ok=True)
            made.add(source.parent)
        front = _front_matter(rng, plan, writer, people)
        source.write_text(f"{front}\n\n{body}\n", encoding="utf-8")
        if plain_dir is not None:
            (plain_dir / relative / name).write_text(
                f"# {plan.title}\n\n{body}\n", encoding="utf-8"
            )
        by_family[plan.agency.id].append(plan)
    return result


def _pick_refs(
    rng: random.Random,
    plan: _Plan,
    plans: list[_Plan],
    by_family: dict[str, list[_Plan]],
    window: int,
) -> list[_Ref]:
    """About five earlier documents for a notice to cite: mostly recent notices of its own body,
    its parent body or anyone else in the archive, some national laws and decrees."""
    national = [d for d in NATIONAL_DOCS if d.issued < plan.issued]
    refs: list[_Ref] = []
    chosen: set[int] = set()
    for _ in range(rng.choice(MENTIONS)):
        if (rng.random() < NATIONAL_SHARE or plan.index == 0) and national:
            doc = rng.choice(national)
            if all(r.national is not doc for r in refs):
                refs.append(_Ref(national=doc))
            continue
        if plan.index == 0:
            continue
        family = by_family.get(plan.agency.id, []) + by_family.get(plan.agency.parent or "", [])
        if family and rng.random() < 0.5:
            target = rng.choice(family[-30:])
        else:
            target = plans[rng.randrange(max(0, plan.index - window), plan.index)]
        if target.index not in chosen and target.issued <= plan.issued:
            chosen.add(target.index)
            refs.append(_Ref(local=target))
    return refs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic notices archive.")
    parser.add_argument("n", type=int, help="number of notices")
    parser.add_argument("dest", type=Path, help="folder to write notices/ and plain/ into")
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args(argv)
    made = generate(args.n, args.dest / "notices", args.dest / "plain", seed=args.seed)
    sizes = sorted(made.body_bytes)
    print(
        f"{made.count} notices in {made.notices_dir}, bodies {sizes[0]}–{sizes[-1]} bytes, "
        f"{made.mentions_local} mentions of archive notices, {made.mentions_national} national"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
