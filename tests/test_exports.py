"""Atom feeds of the lists and the archive as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest

from noticearchive.exports import FIELDS
from tests.support import Build, Project, broken_links

ATOM = "{http://www.w3.org/2005/Atom}"


def add_notices(project: Project) -> None:
    project.add_notice(
        "2019/a.md", number="5/QĐ-UBND", type="quyet-dinh", date="2019-03-05", topics=["y-te"]
    )
    project.add_notice(
        "2020/b.md",
        body="Đoạn văn bản thay thế./.",
        number="9/QĐ-UBND",
        type="quyet-dinh",
        date="2020-06-01",
        title="Quy chế mới về y tế",
        topics=["y-te", "dat-dai"],
        replaces=["5/QĐ-UBND"],
    )
    project.add_notice("2020/c.md", number="3/KH-SYT", type="ke-hoach", agency="so-y-te")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Build]:
    project = Project.create(tmp_path_factory.mktemp("exports") / "archive", search=False)
    add_notices(project)
    return project, project.build(strict=True)


def feed_entries(site: Path, url: str) -> list[tuple[str, str]]:
    """(title, link resolved against the feed's own address) of each entry."""
    root = ET.parse(site / url).getroot()
    base = "http://site.test/" + url
    return [
        (
            entry.findtext(f"{ATOM}title") or "",
            urljoin(base, entry.find(f"{ATOM}link").get("href")),  # type: ignore[union-attr]
        )
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_feeds_of_the_archive_and_of_each_list(built: tuple[Project, Build]) -> None:
    _, build = built
    entries = feed_entries(build.site, "feed.xml")
    assert [title.split(":")[0] for title, _ in entries] == [
        "Quyết định 9/QĐ-UBND",
        "Kế hoạch 3/KH-SYT",
        "Quyết định 5/QĐ-UBND",
    ]
    assert entries[0][1] == "http://site.test/2020/ubnd-tinh/9-qd-ubnd/"
    for link in (link for _, link in entries):
        path = build.site / link.removeprefix("http://site.test/") / "index.html"
        assert path.is_file(), link
    assert [t for t, _ in feed_entries(build.site, "co-quan/so-y-te/feed.xml")] == [
        "Kế hoạch 3/KH-SYT: Thông báo kết luận cuộc họp"
    ]
    assert len(feed_entries(build.site, "linh-vuc/y-te/feed.xml")) == 3
    assert len(feed_entries(build.site, "loai/quyet-dinh/feed.xml")) == 2
    # A list announces its feed to readers, and links to it.
    html = build.html("co-quan/so-y-te/")
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="feed.xml"' in html
    assert "Theo dõi văn bản mới của danh sách này (Atom)" in html


def test_feed_entries_keep_their_ids(built: tuple[Project, Build], tmp_path: Path) -> None:
    project, build = built
    again = project.build(site_dir=tmp_path / "again")
    assert (again.site / "feed.xml").read_bytes() == (build.site / "feed.xml").read_bytes()


def test_feed_links_are_absolute_with_a_site_url(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "archive", search=False)
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(
        "site_url: https://van-ban.example/kho/\n" + config, encoding="utf-8"
    )
    add_notices(project)
    build = project.build(strict=True)
    root = ET.parse(build.site / "co-quan/so-y-te/feed.xml").getroot()
    links = [e.get("href") for e in root.iter(f"{ATOM}link")]
    assert links[0] == "https://van-ban.example/kho/co-quan/so-y-te/feed.xml"
    assert "https://van-ban.example/kho/2020/so-y-te/3-kh-syt/" in links


def test_csv_has_every_notice_and_the_documented_columns(built: tuple[Project, Build]) -> None:
    _, build = built
    data = (build.site / "du-lieu" / "van-ban.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, for spreadsheets
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == [name for name, _ in FIELDS]
    assert [r["number"] for r in rows] == ["9/QĐ-UBND", "3/KH-SYT", "5/QĐ-UBND"]
    newest = rows[0]
    assert newest["topics"] == "y-te; dat-dai" and newest["date"] == "2020-06-01"
    assert newest["relations"] == "replaces /2019/ubnd-tinh/5-qd-ubnd/"
    assert rows[2]["status"] == "replaced" and rows[1]["parent_agency"] == "ubnd-tinh"


def test_json_and_full_text(built: tuple[Project, Build]) -> None:
    _, build = built
    data = json.loads((build.site / "du-lieu" / "van-ban.json").read_text(encoding="utf-8"))
    assert [n["url"] for n in data["notices"]] == [
        "/2020/ubnd-tinh/9-qd-ubnd/",
        "/2020/so-y-te/3-kh-syt/",
        "/2019/ubnd-tinh/5-qd-ubnd/",
    ]
    assert data["notices"][0]["relations"] == [
        {"kind": "replaces", "url": "/2019/ubnd-tinh/5-qd-ubnd/"}
    ]
    lines = (build.site / "du-lieu" / "toan-van.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["body"] == "Đoạn văn bản thay thế./."
    assert len(lines) == 3


def test_data_page_documents_every_field(built: tuple[Project, Build]) -> None:
    _, build = built
    html = build.html("du-lieu/")
    for name, _ in FIELDS:
        assert f"<code>{name}</code>" in html
    assert broken_links(build.site) == []


def test_exports_can_be_switched_off(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "archive", search=False, exports=False)
    add_notices(project)
    build = project.build(strict=True)
    assert not (build.site / "feed.xml").exists() and not build.exists("du-lieu/")
    assert "feed.xml" not in build.html("co-quan/so-y-te/")
