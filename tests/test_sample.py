"""The sample archive shipped in notices/ builds strictly and shows the first notice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from noticearchive.archive import load_archive
from noticearchive.crossref import Resolution, Status, cross_reference
from noticearchive.model import RelationKind
from tests.support import REPO, broken_links, listed_in_all_pages

FIRST = "2013/vp-ubnd-tinh/405-tb-vp-ubnd/"


def test_sample_is_valid() -> None:
    archive, problems = load_archive(REPO / "notices", root=REPO)
    assert [str(p) for p in problems] == []
    assert len(archive.notices) >= 1


def test_first_notice_page_shows_its_metadata(sample_site: Path) -> None:
    html = (sample_site / FIRST / "index.html").read_text(encoding="utf-8")
    for text in (
        "405/TB-VP.UBND",
        "Thông báo",
        "Văn phòng Ủy ban nhân dân tỉnh Hậu Giang",
        "(thuộc <a",
        "ngày 10 tháng 10 năm 2013",
        "Hậu Giang",
        "Bình đẳng giới",
        "KT. CHÁNH VĂN PHÒNG<br>PHÓ CHÁNH VĂN PHÒNG<br>Phạm Thanh Tuyền",
        "<li>Thành viên Ban VSTBPN tỉnh;</li>",
        "Kết luận của Phó Chủ tịch UBND tỉnh Trần Thành Lập",
        "đến các cơ quan, đơn vị có liên quan biết, thực hiện./.",
    ):
        assert text in html, text


def test_first_notice_is_reachable_from_its_hubs(sample_site: Path) -> None:
    for hub in (
        "co-quan/vp-ubnd-tinh/",
        "loai/thong-bao/",
        "linh-vuc/binh-dang-gioi/",
        "linh-vuc/lao-dong-viec-lam/",
        "nam/2013/",
    ):
        assert listed_in_all_pages(sample_site, hub).count(FIRST) == 1, hub


def test_sample_has_no_broken_links(sample_site: Path) -> None:
    assert broken_links(sample_site) == []


def test_sample_has_every_relation_kind_and_status() -> None:
    archive, problems = load_archive(REPO / "notices", root=REPO)
    links = cross_reference(archive, as_of=date.today(), problems=problems)
    assert [str(p) for p in problems] == []
    kinds = {r.kind for relations in links.relations_from.values() for r in relations}
    assert kinds == set(RelationKind)
    statuses = {links.status_of(n) for n in archive.notices}
    assert statuses >= {
        Status.IN_FORCE,
        Status.AMENDED,
        Status.REPLACED,
        Status.REPEALED,
        Status.CORRECTED,
    }
    resolutions = {r.resolution for refs in links.references.values() for r in refs}
    assert {Resolution.LINKED, Resolution.EXTERNAL} <= resolutions
