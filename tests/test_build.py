"""Building real small archives: pages, links, lists, counts, pagination and safety."""

from __future__ import annotations

import gzip
import re
import threading
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from noticearchive.archive import load_archive
from noticearchive.settings import Settings
from noticearchive.urls import Urls
from tests.support import (
    Build,
    Project,
    broken_links,
    html_pages,
    listed_in_all_pages,
    notice_text,
    page_links,
)

# (folder, number, type, agency, date, topics)
NOTICES = [
    ("2019", "3/TB-UBND", "thong-bao", "ubnd-tinh", "2019-03-05", ["y-te"]),
    ("2019", "12/QĐ-UBND", "quyet-dinh", "ubnd-tinh", "2019-06-01", ["dat-dai"]),
    ("2019", "13/QĐ-UBND", "quyet-dinh", "ubnd-tinh", "2019-06-01", ["dat-dai", "y-te"]),
    ("2019", "40/TB-VP", "thong-bao", "vp-ubnd-tinh", "2019-11-20", ["giao-duc"]),
    ("2020", "12/QĐ-UBND", "quyet-dinh", "ubnd-tinh", "2020-01-09", ["dat-dai"]),
    ("2020", "125/UBND-VP", "cong-van", "ubnd-tinh", "2020-02-14", ["y-te"]),
    ("2020", "7/KH-SYT", "ke-hoach", "so-y-te", "2020-03-03", ["y-te"]),
    ("2020", "8/KH-SYT", "ke-hoach", "so-y-te", "2020-03-30", ["y-te", "giao-duc"]),
    ("2020", "12/QĐ-UBND", "quyet-dinh", "ubnd-vi-thanh", "2020-04-02", ["dat-dai"]),
    ("2020", "60/TB-UBND", "thong-bao", "ubnd-tinh", "2020-10-10", ["giao-duc"]),
    ("2021", "1/CT-UBND", "chi-thi", "ubnd-tinh", "2021-01-04", ["y-te"]),
    ("2021", "2/TB-UBND", "thong-bao", "ubnd-tinh", "2021-01-04", ["y-te"]),
]


def add_sample(project: Project) -> None:
    for folder, number, doc_type, agency, date, topics in NOTICES:
        slug = re.sub(r"[^a-z0-9]+", "-", number.lower().replace("đ", "d")).strip("-")
        project.add_notice(
            f"{folder}/{agency}/{slug}.md",
            body=f"## Điều 1. Nội dung\n\nVăn bản số {number} ngày {date}.\n\n1. Một.\n2. Hai./.",
            number=number,
            type=doc_type,
            agency=agency,
            date=date,
            topics=topics,
            title=f"Về việc thử nghiệm {number}",
        )


@pytest.fixture
def built(project: Project) -> tuple[Project, Build]:
    add_sample(project)
    return project, project.build(strict=True)


def notice_urls(project: Project) -> dict[str, str]:
    archive, problems = load_archive(project.notices, root=project.root)
    assert not problems.items
    urls = Urls(Settings())
    return {n.source: urls.notice(n) for n in archive.notices}


def test_every_notice_has_exactly_one_page(built: tuple[Project, Build]) -> None:
    project, build = built
    urls = notice_urls(project)
    assert len(set(urls.values())) == len(NOTICES)
    for url in urls.values():
        assert build.exists(url)
    assert build.exists("2020/ubnd-tinh/12-qd-ubnd/")
    assert build.exists("2020/ubnd-vi-thanh/12-qd-ubnd/")
    assert build.exists("2019/ubnd-tinh/12-qd-ubnd/")
    pages_with_notice_heading = [
        p for p in html_pages(build.site) if 'class="na-notice"' in p.read_text(encoding="utf-8")
    ]
    assert len(pages_with_notice_heading) == len(NOTICES)


def test_each_notice_is_listed_once_in_each_of_its_lists(built: tuple[Project, Build]) -> None:
    project, build = built
    archive, _ = load_archive(project.notices, root=project.root)
    urls = Urls(Settings())
    for notice in archive.notices:
        url = urls.notice(notice)
        lists = [
            urls.agency(notice.agency.id),
            urls.doc_type(notice.doc_type.id),
            urls.year(notice.year),
        ] + [urls.topic(t.id) for t in notice.topics]
        for list_url in lists:
            assert listed_in_all_pages(build.site, list_url).count(url) == 1, (url, list_url)


def test_lists_are_newest_first_paginated_and_counted(built: tuple[Project, Build]) -> None:
    _, build = built
    # ubnd-tinh has 8 notices: 5 on the first page, 3 on the second.
    first = listed_in_all_pages(build.site, "co-quan/ubnd-tinh/")
    assert len(first) == 8
    assert first[:3] == [
        "2021/ubnd-tinh/2-tb-ubnd/",
        "2021/ubnd-tinh/1-ct-ubnd/",
        "2020/ubnd-tinh/60-tb-ubnd/",
    ]
    page1, page2 = build.html("co-quan/ubnd-tinh/"), build.html("co-quan/ubnd-tinh/trang-2/")
    assert "8 văn bản, mới nhất trước · đang xem 1–5" in page1
    assert "đang xem 6–8" in page2
    assert 'rel="next" href="trang-2/"' in page1
    assert 'rel="prev" href="../"' in page2
    assert not build.exists("co-quan/ubnd-tinh/trang-3/")
    assert "trang 2/2" in page2


def test_agency_tree_with_counts(built: tuple[Project, Build]) -> None:
    _, build = built
    html = build.html("co-quan/")
    assert "4 cơ quan, đơn vị" in html
    # ubnd-tinh: 8 of its own, 12 with the bodies under it.
    assert "8 văn bản · 12 kể cả đơn vị trực thuộc" in html
    assert html.index("Ủy ban nhân dân tỉnh Hậu Giang") < html.index("Sở Y tế tỉnh Hậu Giang")
    agency = build.html("co-quan/so-y-te/")
    assert "Sở Y tế" in agency and "2 văn bản" in agency


def test_timeline_topics_types_and_home(built: tuple[Project, Build]) -> None:
    _, build = built
    timeline = build.html("nam/")
    assert timeline.index("Năm 2021") < timeline.index("Năm 2020") < timeline.index("Năm 2019")
    year = build.html("nam/2020/")
    # Grouped by month; 2020 has 6 notices, so January is on the second page, and the
    # timeline leads to each month where it begins.
    assert '<h2 id="thang-10">Tháng 10 năm 2020</h2>' in year and "Tháng 1 năm" not in year
    assert '<h2 id="thang-01">Tháng 1 năm 2020</h2>' in build.html("nam/2020/trang-2/")
    assert 'href="2020/#thang-03">Tháng 3</a> <span class="na-n">2</span>' in timeline
    assert 'href="2020/trang-2/#thang-01">Tháng 1</a> <span class="na-n">1</span>' in timeline
    types = build.html("loai/")
    assert "Quyết định" in types and "Công văn" in types and "Nghị định" not in types
    assert "Lĩnh vực: Y tế" in build.html("linh-vuc/y-te/")
    home = build.html("")
    assert "12 văn bản của 4 cơ quan, từ năm 2019 đến năm 2021." in home
    assert home.index("2021/ubnd-tinh/2-tb-ubnd/") < home.index("2019/ubnd-tinh/3-tb-ubnd/")


def test_no_broken_internal_links(built: tuple[Project, Build]) -> None:
    assert broken_links(built[1].site) == []


def test_notice_page_shows_its_metadata(project: Project) -> None:
    project.add("2013/ubnd-tinh/goc.pdf", b"%PDF-1.4\n%%EOF\n")
    project.add_notice(
        "2013/ubnd-tinh/5-qd-ubnd.md",
        body="Căn cứ Luật Tổ chức chính quyền địa phương;\n\n## Điều 1. Phạm vi\n\nNội dung./.",
        number="5/QĐ-UBND",
        type="quyet-dinh",
        date="2013-03-05",
        effective="2013-04-01",
        agency="so-y-te",
        topics=["y-te", "dat-dai"],
        summary="Tóm tắt ngắn.",
        attachments=[{"file": "goc.pdf", "title": "Bản gốc (PDF)"}],
        signer={"authority": "KT. GIÁM ĐỐC", "position": "PHÓ GIÁM ĐỐC", "name": "Trần Thị B"},
        recipients=["Như Điều 3;", "Lưu: VT."],
    )
    build = project.build(strict=True)
    html = build.html("2013/so-y-te/5-qd-ubnd/")
    assert "ngày 05 tháng 3 năm 2013" in html and "ngày 01 tháng 4 năm 2013" in html
    # The date leads to its month in the year's list.
    assert '<a href="../../../nam/2013/#thang-03"><time datetime="2013-03-05">' in html
    assert '<a href="../../../co-quan/so-y-te/">Sở Y tế tỉnh Hậu Giang</a>' in html
    assert '(thuộc <a href="../../../co-quan/ubnd-tinh/">UBND tỉnh</a>)' in html
    assert '<a href="../../../linh-vuc/dat-dai/">Đất đai</a>' in html
    assert '<a href="../../../loai/quyet-dinh/">Quyết định</a>' in html
    assert "KT. GIÁM ĐỐC<br>PHÓ GIÁM ĐỐC<br>Trần Thị B" in html
    assert "<li>Như Điều 3;</li>" in html and "Tóm tắt ngắn." in html
    assert '<a href="goc.pdf">Bản gốc (PDF)</a>' in html
    assert (build.site / "2013/so-y-te/5-qd-ubnd/goc.pdf").read_bytes().startswith(b"%PDF")
    # Breadcrumbs lead to the agency through its parent.
    crumbs = re.search(r'<nav class="na-breadcrumbs".*?</nav>', html, re.S)
    assert crumbs is not None
    assert [t for t in re.findall(r">([^<>]+)<", crumbs.group()) if t.strip()] == [
        "Trang chủ",
        "Cơ quan ban hành",
        "UBND tỉnh",
        "Sở Y tế",
        "5/QĐ-UBND",
    ]
    # The body's headings make the page's table of contents.
    assert 'href="#dieu-1-pham-vi"' in html
    assert "<title>5/QĐ-UBND: Thông báo kết luận cuộc họp" in html


def test_navigation_lists_hub_pages_only(built: tuple[Project, Build]) -> None:
    _, build = built
    html = build.html("2020/so-y-te/7-kh-syt/")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S)
    assert nav is not None
    hrefs = [h for _, h in page_links(nav.group())]
    assert not any(re.search(r"\d{4}/[a-z-]+/\d", h) for h in hrefs)
    assert any(h.endswith("co-quan/") for h in hrefs)


def test_address_is_stable_when_other_fields_change(project: Project) -> None:
    project.add_notice("2020/a.md", number="9/TB-UBND", title="Cũ", topics=["y-te"])
    first = notice_urls(project)
    project.add_notice(
        "2020/a.md", number="9/TB-UBND", title="Mới", topics=["dat-dai"], place="Vị Thanh"
    )
    assert notice_urls(project) == first == {"notices/2020/a.md": "2020/ubnd-tinh/9-tb-ubnd/"}


def test_body_cannot_inject_html(project: Project) -> None:
    project.add_notice(
        "2020/a.md",
        body="</xml\n\nĐoạn <script>alert('x')</script> và <img src=x onerror=alert(1)>.\n\n"
        "[Bấm](javascript:alert(1)) ![ảnh](https://tracker.example/p.gif)",
    )
    build = project.build()
    html = build.html("2020/ubnd-tinh/1-tb-ubnd/")
    body = html[html.index('<div class="na-body">') :]
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert" in body and "&lt;/xml" in body
    assert "javascript:" not in body and "tracker.example" not in body
    assert any("notices/2020/a.md:" in w and "<script>" in w for w in build.warnings)


def test_strict_build_fails_on_a_warning(project: Project) -> None:
    project.add_notice("2020/a.md", number="1/QĐ-UBND")
    with pytest.raises(Abort):
        project.build(strict=True)


def test_errors_stop_the_build_with_a_clear_message_and_no_traceback(project: Project) -> None:
    project.add_notice("2020/ok.md")
    project.add("2020/bad.md", notice_text(number="2/TB-UBND", date="2020-02-30"))
    project.add("2020/bad2.md", notice_text(number="3/TB-UBND", agency="khong-co"))
    result = project.run_mkdocs()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "The archive cannot be built: 2 error(s)" in result.stderr
    assert "notices/2020/bad.md:" in result.stderr and "impossible date" in result.stderr
    assert "notices/2020/bad2.md:" in result.stderr and "unknown agency" in result.stderr


def test_invalid_settings_stop_the_build(project: Project) -> None:
    project.write_config(page_size=0, notice_url="{year}/{number}", colour="blue")
    result = project.run_mkdocs()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "extra.notices.page_size: expected a number above 0, got 0" in result.stderr
    assert "lacks ['agency']" in result.stderr
    assert "unknown setting 'colour'" in result.stderr


def test_building_twice_gives_identical_output(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pinned as the README says: the search page carries the build's time.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    add_sample(project)
    first = project.build(site_dir=tmp_path / "one").site
    second = project.build(site_dir=tmp_path / "two").site
    files_one = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    files_two = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    different = {
        p for p in files_one & files_two if (first / p).read_bytes() != (second / p).read_bytes()
    }
    # Pagefind writes its filter chunks in hash-map order, so their bytes (and the names of the
    # files that refer to them by hash) change from run to run; their content does not.
    unstable = re.compile(r"^pagefind/(filter/.*|pagefind-entry\.json|pagefind\..*\.pf_meta)$")
    assert {p for p in (files_one ^ files_two) | different if not unstable.match(p)} == set()
    assert all(
        not p.startswith("pagefind/fragment/") and not p.startswith("pagefind/index/")
        for p in different
    )
    assert _filter_values(first) == _filter_values(second)


def _filter_values(site: Path) -> list[bytes]:
    """The decoded filter chunks, byte by byte in sorted order (their content, any order)."""
    return sorted(
        bytes(sorted(gzip.decompress(p.read_bytes())))
        for p in (site / "pagefind" / "filter").iterdir()
    )


def test_pages_ask_nothing_of_third_parties(built: tuple[Project, Build]) -> None:
    _, build = built
    for page in html_pages(build.site):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        for tag, link in page_links(html):
            if tag in ("script", "link", "img", "iframe", "source"):
                assert not re.match(r"^(https?:)?//", link), (page, tag, link)


def test_docs_page_at_a_generated_address_is_an_error(project: Project) -> None:
    (project.root / "docs" / "co-quan").mkdir()
    (project.root / "docs" / "co-quan" / "index.md").write_text("# Trùng\n", encoding="utf-8")
    result = project.run_mkdocs()
    assert result.returncode == 1 and "docs/co-quan/index.md has the address" in result.stderr


def test_notice_pages_rendered_in_a_second_process_are_the_same(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if threading.active_count() > 1:
        pytest.skip("the worker process is only forked from a single-threaded build")
    # The search page carries the build's time (the tag of its index files): pinned, as for
    # any reproducible build.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for number in range(1, 131):
        project.add_notice(
            f"2020/n{number}.md",
            body=f"Căn cứ Thông báo số {number - 1}/TB-UBND của UBND tỉnh./.",
            number=f"{number}/TB-UBND",
            date=f"2020-{number % 12 + 1:02d}-{number % 27 + 1:02d}",
        )
    parallel = project.build(site_dir=tmp_path / "parallel")
    assert any("in a second process" in r.getMessage() for r in parallel.log)
    monkeypatch.setattr("noticearchive.prerender._can_fork", lambda: False)
    serial = project.build(site_dir=tmp_path / "serial")
    assert not any("in a second process" in r.getMessage() for r in serial.log)
    pages = sorted(p.relative_to(serial.site) for p in html_pages(serial.site))
    assert len(pages) > 130
    # The worker also wrote the search records: both indexes hold every notice.
    for site in (parallel.site, serial.site):
        assert len(list((site / "pagefind" / "fragment").iterdir())) == 130
    for page in pages:
        assert (parallel.site / page).read_bytes() == (serial.site / page).read_bytes(), page
