"""A small archive written to exercise search: numbers, đ, and words that differ only by marks."""

from __future__ import annotations

from tests.support import Project

# (path, fields, body). Every text is made up for these tests.
SEARCH_NOTICES: list[tuple[str, dict[str, object], str]] = [
    (
        "2013/vp-ubnd-tinh/405-tb-vp-ubnd.md",
        {
            "number": "405/TB-VP.UBND",
            "agency": "vp-ubnd-tinh",
            "date": "2013-10-10",
            "title": "Kết luận cuộc họp Ban Vì sự tiến bộ phụ nữ tỉnh",
            "topics": ["giao-duc"],
        },
        "Ngày 08 tháng 10 năm 2013, Phó Chủ tịch chủ trì cuộc họp. Các sở, ngành củng cố "
        "tổ chức, nâng cao kỹ năng nghiệp vụ./.",
    ),
    (
        "2020/ubnd-tinh/12-qd-ubnd.md",
        {
            "number": "12/QĐ-UBND",
            "type": "quyet-dinh",
            "date": "2020-05-04",
            "title": "Ban hành quy chế phối hợp với tỉnh Đồng Tháp về giao thông thủy",
            "topics": ["dat-dai"],
            "replaces": ["2/CT-UBND"],
        },
        "## Điều 1. Phạm vi\n\nQuy chế phối hợp giữa hai tỉnh về quản lý luồng lạch.\n\n"
        "## Điều 2. Hiệu lực\n\nQuyết định này có hiệu lực kể từ ngày ký./.",
    ),
    (
        "2021/so-y-te/7-kh-syt.md",
        {
            "number": "7/KH-SYT",
            "type": "ke-hoach",
            "agency": "so-y-te",
            "date": "2021-03-01",
            "title": "Kế hoạch phòng chống dịch bệnh mùa mưa",
            "topics": ["y-te"],
        },
        "Thực hiện Thông báo số 405/TB-VP.UBND ngày 10/10/2013 của Văn phòng UBND tỉnh, Sở Y "
        "tế phối hợp với tỉnh Kiên Giang tổ chức tiêm chủng mở rộng./.",
    ),
    (
        "2022/ubnd-vi-thanh/88-ubnd-vp.md",
        {
            "number": "88/UBND-VP",
            "type": "cong-van",
            "agency": "ubnd-vi-thanh",
            "date": "2022-06-15",
            "title": "Lấy ý kiến về chương trình giảng dạy ngoại khóa",
            "topics": ["giao-duc"],
        },
        "UBND thành phố đề nghị các trường cho ý kiến về việc giảng dạy kỹ năng sống./.",
    ),
    (
        "2019/vp-ubnd-tinh/3-tb-vp.md",
        {
            "number": "3/TB-VP",
            "agency": "vp-ubnd-tinh",
            "date": "2019-01-02",
            "title": "Thông báo lịch tiếp công dân tháng 01 năm 2019",
            "topics": ["dat-dai"],
        },
        "Lãnh đạo UBND tỉnh tiếp công dân vào ngày 15 hằng tháng tại Trụ sở tiếp công dân./.",
    ),
    (
        "2018/so-y-te/45-syt-nv.md",
        {
            "number": "45/SYT-NV",
            "type": "cong-van",
            "agency": "so-y-te",
            "date": "2018-08-20",
            "title": "Về việc triển khai quyết định kiểm tra an toàn thực phẩm",
            "topics": ["y-te"],
        },
        "Sở Y tế đề nghị các đơn vị triển khai quyết định kiểm tra an toàn thực phẩm "
        "dịp Tết Trung thu./.",
    ),
    (
        "2016/ubnd-tinh/2-ct-ubnd.md",
        {
            "number": "2/CT-UBND",
            "type": "chi-thi",
            "date": "2016-02-15",
            "title": "Tăng cường công tác quản lý đất đai",
            "topics": ["dat-dai"],
        },
        "Chủ tịch UBND tỉnh chỉ thị các sở, ngành tăng cường quản lý đất đai./.",
    ),
]


def write_search_archive(project: Project) -> None:
    for path, fields, body in SEARCH_NOTICES:
        project.add_notice(path, body=body, **fields)
