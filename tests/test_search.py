"""The search index: what each notice's record holds, and that every notice is in it once."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticearchive.archive import load_archive
from noticearchive.number_index import NUMBERS_FOLDER
from noticearchive.search import (
    EVERY_NOTICE,
    SHARED_WEBASSEMBLY,
    TEXT_MARK,
    WEBASSEMBLY,
    SearchBundle,
    d_words,
    every_notice_repeats,
    index_bundles,
    notice_record,
    notice_records,
    plain_text,
    plan_bundles,
    scratch_parent,
)
from noticearchive.settings import Settings
from noticearchive.urls import Urls
from noticearchive.vietnamese import fold, fold_d
from tests.pagefind_files import chunk_words
from tests.search_archive import write_search_archive
from tests.support import Build, Project


def bundle_fragments(bundle: Path) -> list[dict[str, object]]:
    """Every record of one bundle of the built Pagefind index, decoded."""
    records = []
    for path in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[len(b"pagefind_dcd") :]))
    return records


def bundles(site: Path) -> dict[str, list[dict[str, object]]]:
    """The records of each bundle of the built index, by folder."""
    return {p.name: bundle_fragments(p) for p in sorted(site.glob("pagefind*/")) if p.is_dir()}


def fragments(site: Path) -> list[dict[str, object]]:
    """Every record of the built Pagefind index, decoded."""
    return [record for records in bundles(site).values() for record in records]


@pytest.fixture(scope="module")
def search_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Build]:
    project = Project.create(tmp_path_factory.mktemp("search") / "archive", search_bundle_size=3)
    write_search_archive(project)
    return project, project.build(strict=True)


@dataclass(frozen=True)
class Dated:
    """What bundles are planned from: a notice's year."""

    year: int


def test_bundles_are_runs_of_years_newest_first_within_the_size() -> None:
    counts = {2019: 1, 2020: 2, 2021: 1, 2022: 5, 2023: 1, 2024: 1}
    notices = [Dated(year) for year, count in counts.items() for _ in range(count)]
    plan = plan_bundles(notices, 6)
    # The newest holds at most a third of the size.
    assert [(b.first_year, b.last_year, b.count, b.folder) for b in plan] == [
        (2023, 2024, 2, "pagefind"),
        (2021, 2022, 6, "pagefind-2021-2022"),
        (2019, 2020, 3, "pagefind-2019-2020"),
    ]
    # 2022 holds five notices, more than a bundle of three: a year is never split.
    assert [(b.first_year, b.last_year, b.count) for b in plan_bundles(notices, 3)] == [
        (2024, 2024, 1),
        (2023, 2023, 1),
        (2022, 2022, 5),
        (2020, 2021, 3),
        (2019, 2019, 1),
    ]
    assert [(b.first_year, b.last_year) for b in plan_bundles(notices, 100)] == [(2019, 2024)]
    assert plan_bundles([], 3) == ()


def test_each_bundle_holds_its_years_and_every_notice_is_in_one(
    search_build: tuple[Project, Build],
) -> None:
    _project, build = search_build
    years = {
        folder: sorted({str(r["url"]).split("/")[1] for r in records})
        for folder, records in bundles(build.site).items()
    }
    # The newest bundle holds at most a third of the size: one notice.
    assert years == {
        "pagefind": ["2022"],
        "pagefind-2019-2021": ["2019", "2020", "2021"],
        "pagefind-2013-2018": ["2013", "2016", "2018"],
    }
    # The WebAssembly module is downloaded once, from the newest bundle.
    assert (build.site / "pagefind" / WEBASSEMBLY).read_bytes().startswith(b"\x1f\x8b")
    for older in ("pagefind-2019-2021", "pagefind-2013-2018"):
        assert (build.site / older / WEBASSEMBLY).read_bytes() == SHARED_WEBASSEMBLY
    page = build.html("tim-kiem/")
    data = json.loads(page.split('id="na-search-data">')[1].split("</script>")[0])
    assert data["bundles"] == [
        {"path": "pagefind/", "first": 2022, "last": 2022, "count": 1},
        {"path": "pagefind-2019-2021/", "first": 2019, "last": 2021, "count": 3},
        {"path": "pagefind-2013-2018/", "first": 2013, "last": 2018, "count": 3},
    ]
    assert any("7 notices indexed in 3 bundle(s)" in r.getMessage() for r in build.log)


def test_fold_handles_d() -> None:
    assert fold("Quyết định Đồng Tháp") == "Quyet dinh Dong Thap"


def test_d_words_are_spelled_with_d_and_keep_other_marks() -> None:
    assert d_words("Quyết định của Đồng Tháp", "quyết định đã") == ["dịnh", "dồng", "dã"]


def test_d_words_hold_numbers_spelled_with_d_as_a_whole() -> None:
    # A number typed with D ("211/QD-UBND") must match the whole number, not only its parts.
    assert d_words("theo Quyết định số 211/QĐ-UBND, (số 7/QĐ).") == [
        "dịnh",
        "qd",
        "211/qd-ubnd",
        "7/qd",
    ]
    assert d_words("<b>đẹp</b> Đà-Nẵng") == ["dẹp", "dà"]


@given(st.text(alphabet="aăđĐêqd /-.<>,()0123456789", max_size=40))
def test_d_words_find_what_a_regular_expression_finds(text: str) -> None:
    # The runs between spaces are searched rather than the whole text: the same words.
    words = {fold_d(w).lower() for w in re.findall(r"\b\w*[đĐ]\w*", text)}
    assert words <= set(d_words(text))


def test_plain_text_drops_markdown_markers() -> None:
    assert plain_text("## Điều 1. Phạm vi\n\n- **một**\n1. hai") == "Điều 1. Phạm vi\n\nmột\nhai"


def test_every_notice_is_in_the_index_once_and_no_hub_page_is(
    search_build: tuple[Project, Build],
) -> None:
    project, build = search_build
    archive, _ = load_archive(project.notices, root=project.root)
    urls = Urls(Settings())
    indexed = sorted(str(f["url"]) for f in fragments(build.site))
    assert indexed == sorted("/" + urls.notice(n) for n in archive.notices)
    assert len(indexed) == len(set(indexed)) == 7


def test_search_page_preloads_its_scripts_and_no_other_page_does(
    search_build: tuple[Project, Build],
) -> None:
    _project, build = search_build
    page = (build.site / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    preloads = re.findall(r'<link rel="modulepreload" href="([^"]+)">', head)
    assert preloads == [
        "../assets/archive/search.js",
        "../assets/archive/search-engine.js",
        "../pagefind/pagefind.js",
    ]
    assert 'import { warm } from "../assets/archive/search-engine.js"; warm(' in head
    # The newest bundle's entry file (asked for with the build's tag) and WebAssembly are
    # fetched as the page loads: they must be the files Pagefind wrote.
    fetched = re.findall(r'<link rel="preload" href="([^"]+)" as="fetch" crossorigin>', head)
    assert [f.split("?")[0] for f in fetched] == [
        "../pagefind/pagefind-entry.json",
        "../pagefind/wasm.unknown.pagefind",
    ]
    tag = fetched[0].split("?ts=")[1]
    assert f'warm(location.search, "{tag}")' in head
    assert all((build.site / "tim-kiem" / f.split("?")[0]).resolve().is_file() for f in fetched)
    assert all((build.site / "tim-kiem" / href).resolve().is_file() for href in preloads)
    assert "modulepreload" not in (build.site / "index.html").read_text(encoding="utf-8")


def test_record_holds_metadata_filters_and_sort(search_build: tuple[Project, Build]) -> None:
    _, build = search_build
    record = next(f for f in fragments(build.site) if f["url"] == "/2021/so-y-te/7-kh-syt/")
    assert record["meta"] == {
        "title": "Kế hoạch phòng chống dịch bệnh mùa mưa",
        "number": "7/KH-SYT",
        "type": "Kế hoạch",
        "agency": "Sở Y tế",
        "date": "01/03/2021",
    }
    # The parent body is a filter value too, so choosing it finds the notices under it.
    assert record["filters"] == {
        "agency": ["UBND tỉnh", "Sở Y tế"],
        "topic": ["Y tế"],
        "type": ["Kế hoạch"],
        "year": ["2021"],
    }
    content = str(record["content"])
    assert content.count(TEXT_MARK) == 2
    assert "Kiên Giang tổ chức tiêm chủng" in content.split(TEXT_MARK)[1]
    # The record opens with the word every record holds; the words with đ, spelled with d,
    # follow the text (this notice has none).
    assert content.split(TEXT_MARK)[0].split()[0].strip(".") == EVERY_NOTICE
    assert content.split(TEXT_MARK)[2].strip(" .") == ""
    decision = next(f for f in fragments(build.site) if f["url"] == "/2020/ubnd-tinh/12-qd-ubnd/")
    assert str(decision["content"]).replace(".", " ").split(TEXT_MARK)[2].split() == [
        "dồng",
        "diều",
        "dịnh",
    ]


def test_the_word_of_every_record_has_a_chunk_of_its_own(project: Project, tmp_path: Path) -> None:
    # A search by filters alone reads the chunk of that word: the chunk ends with it, and
    # holds no word but those few that sort before it ("0", "00").
    text = "kinh phí đầu tư xây dựng trường học trạm y tế đường giao thông nông thôn "
    for i in range(240):
        body = f"{text * 3} mục {i}./."
        project.add_notice(f"2020/{i}.md", body=body, number=f"{i + 1}/TB-UBND")
    archive, problems = load_archive(project.notices, root=project.root)
    assert not problems.errors
    records = list(notice_records(archive, Urls(Settings())))
    bundle = SearchBundle(2020, 2020, len(archive.notices), "pagefind")
    assert every_notice_repeats(bundle.count) < 100
    index_bundles(lambda _b: records, [bundle], tmp_path / "scratch", tmp_path / "site")
    chunks = [chunk_words(p) for p in (tmp_path / "site/pagefind/index").iterdir()]
    assert len(chunks) > 1
    (chunk,) = [c for c in chunks if EVERY_NOTICE in c]
    assert chunk[-1] == EVERY_NOTICE
    assert all(word < EVERY_NOTICE for word in chunk[:-1])


def test_the_word_of_every_record_is_repeated_to_fill_a_chunk() -> None:
    assert every_notice_repeats(20_000) == 1
    assert every_notice_repeats(1_000) == 18  # (18 + 2) locations a notice: 20,000
    assert every_notice_repeats(200) == 98
    assert every_notice_repeats(10) == 1  # a small index shares its first chunk anyway


def test_record_of_notice(project: Project) -> None:
    project.add_notice("2020/a.md", body="Đà Nẵng <b>đẹp</b>", summary="Tóm tắt đầy đủ")
    archive, _ = load_archive(project.notices, root=project.root)
    record = notice_record(archive, Urls(Settings()), archive.notices[0])
    assert record.url == "/2020/ubnd-tinh/1-tb-ubnd/"
    assert 'data-pagefind-sort="date:2020-05-04"' in record.html
    assert '<p data-pagefind-weight="10">1/TB-UBND</p>' in record.html
    assert "&lt;b&gt;" in record.html and "<b>" not in record.html
    assert '<p data-pagefind-weight="0.5">dầy dủ dà dẹp</p>' in record.html


def test_search_can_be_switched_off(project: Project) -> None:
    project.write_config(search=False)
    project.add_notice("2020/a.md")
    build = project.build(strict=True)
    assert not (build.site / "pagefind").exists()
    assert not build.exists("tim-kiem/")
    assert "tim-kiem/" not in build.html("")


def test_mkdocs_serve_builds_the_index(project: Project) -> None:
    project.add_notice("2020/a.md", title="Đồng Tháp")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        entry = None
        deadline = time.monotonic() + 60
        while entry is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
                ) as r:
                    entry = json.load(r)
            except OSError:
                time.sleep(0.3)
        assert entry is not None, "mkdocs serve did not serve the search index"
        assert entry["languages"]["vi"]["page_count"] == 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_records_are_written_in_memory_when_there_is_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("noticearchive.search.RAM_FOLDER", tmp_path)
    assert scratch_parent(1_000) == tmp_path
    free = shutil.disk_usage(tmp_path).free
    assert scratch_parent(free // 1024) is None, "no room for records of a kilobyte or more"
    monkeypatch.setattr("noticearchive.search.RAM_FOLDER", tmp_path / "missing")
    assert scratch_parent(1) is None


def test_the_build_writes_the_number_directory(search_build: tuple[Project, Build]) -> None:
    _project, build = search_build
    entries = json.loads((build.site / NUMBERS_FOLDER / "405.json").read_text(encoding="utf-8"))
    assert entries == [["405/TB-VP.UBND", 2013]]


def _bundle_files(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.glob("pagefind*/**/*"))
        if path.is_file()
    }


def _search_log(build: Build) -> str:
    (line,) = [r.getMessage() for r in build.log if r.getMessage().startswith("Search index:")]
    return line


def test_unchanged_bundles_are_copied_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project.create(tmp_path / "archive", search_bundle_size=3)
    write_search_archive(project)
    first = project.build(site_dir=tmp_path / "first")
    assert "copied" not in _search_log(first)
    assert len(list((project.root / ".cache/search").iterdir())) == 3

    # Built from another folder, into another site: the keys hold neither.
    monkeypatch.chdir(tmp_path)
    again = project.build(site_dir=tmp_path / "again")
    assert "in 3 bundle(s), 3 of them copied from .cache/search/" in _search_log(again)
    assert _bundle_files(again.site) == _bundle_files(first.site)

    # A notice of the newest bundle (2022) changes: that bundle alone is indexed again.
    changed = project.notices / "2022/ubnd-vi-thanh/88-ubnd-vp.md"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("kỹ năng sống", "kỹ năng bơi lội"),
        encoding="utf-8",
    )
    third = project.build(site_dir=tmp_path / "third")
    assert "2 of them copied" in _search_log(third)
    newest = {r["url"]: str(r["content"]) for r in bundle_fragments(third.site / "pagefind")}
    assert "bơi lội" in newest["/2022/ubnd-vi-thanh/88-ubnd-vp/"]
    # The cache keeps this build's bundles only.
    assert len(list((project.root / ".cache/search").iterdir())) == 3


def test_the_cache_can_be_switched_off(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "archive", search_cache=False)
    write_search_archive(project)
    project.build(site_dir=tmp_path / "site")
    project.build(site_dir=tmp_path / "again")
    assert not (project.root / ".cache").exists()


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "archive")
    write_search_archive(project)
    (project.root / ".cache").write_text("not a folder", encoding="utf-8")
    build = project.build(site_dir=tmp_path / "site")
    assert "copied" not in _search_log(build)
    assert len(fragments(build.site)) == 7
