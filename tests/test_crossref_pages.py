"""Cross-references on built pages: links in the text, sections, badges, the staff report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from noticearchive.cli import main
from tests.support import Build, Project, broken_links


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Build]:
    project = Project.create(tmp_path_factory.mktemp("links") / "archive", search=False)
    project.add_notice(
        "2015/ubnd-tinh/5-qd-ubnd.md",
        number="5/QĐ-UBND",
        type="quyet-dinh",
        date="2015-03-05",
        title="Ban hành quy chế cũ",
    )
    project.add_notice(
        "2018/ubnd-tinh/9-qd-ubnd.md",
        body="Căn cứ Quyết định số 5/QĐ-UBND ngày 05/3/2015 của UBND tỉnh;\n\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ;\n\n"
        "`Quyết định số 5/QĐ-UBND` trong mã không thành liên kết./.",
        number="9/QĐ-UBND",
        type="quyet-dinh",
        date="2018-06-01",
        title="Ban hành quy chế mới",
        replaces=["5/QĐ-UBND"],
    )
    project.add_notice(
        "2019/ubnd-tinh/3-qd-ubnd.md",
        number="3/QĐ-UBND",
        type="quyet-dinh",
        date="2019-01-05",
        title="Quyết định khác",
    )
    return project, project.build(strict=True)


def test_mentions_in_the_text_become_links(linked: tuple[Project, Build]) -> None:
    _, build = linked
    html = build.html("2018/ubnd-tinh/9-qd-ubnd/")
    body = html[html.index('<div class="na-body">') : html.index('<div class="na-sign">')]
    assert (
        '<a class="na-ref" href="../../../2015/ubnd-tinh/5-qd-ubnd/" title="Quyết định 5/QĐ-UBND'
        in body
    )
    assert ">Quyết định số 5/QĐ-UBND ngày 05/3/2015</a> của UBND tỉnh;" in body
    assert '<span class="na-ref na-ref--external" title="Văn bản chưa có trong kho">' in body
    assert "<code>Quyết định số 5/QĐ-UBND</code>" in body


def test_relations_status_and_cited_by_on_both_pages(linked: tuple[Project, Build]) -> None:
    _, build = linked
    new = build.html("2018/ubnd-tinh/9-qd-ubnd/")
    old = build.html("2015/ubnd-tinh/5-qd-ubnd/")
    assert '<span class="na-badge na-badge--in-force">Còn hiệu lực</span>' in new
    assert '<span class="na-badge na-badge--replaced">Hết hiệu lực: bị thay thế</span>' in old
    assert re.search(r"<dt>Thay thế</dt><dd><ul><li><a href=\"../../../2015/", new)
    assert re.search(r"<dt>Bị thay thế bởi</dt><dd><ul><li><a href=\"../../../2018/", old)
    assert 'id="duoc-dan-chieu"' in old and 'id="dan-chieu"' in new
    assert 'Nghị định 30/2020/NĐ-CP</span> <span class="na-rel__meta">(chưa có trong kho)' in new
    # Contents panel lists the sections.
    assert 'href="#quan-he"' in old
    # Previous and next of the same body and type.
    assert 'rel="prev" href="../../../2015/ubnd-tinh/5-qd-ubnd/"' in new
    assert 'rel="next" href="../../../2019/ubnd-tinh/3-qd-ubnd/"' in new


def test_lists_show_the_status_of_notices_no_longer_in_force(
    linked: tuple[Project, Build],
) -> None:
    _, build = linked
    html = build.html("co-quan/ubnd-tinh/")
    item = re.search(r'<li class="na-item">(?:(?!</li>).)*5-qd-ubnd(?:(?!</li>).)*</li>', html)
    assert item and "na-badge--replaced" in item.group()
    assert html.count('class="na-badge ') == 1


def test_no_broken_links(linked: tuple[Project, Build]) -> None:
    assert broken_links(linked[1].site) == []


def test_staff_report_lists_outside_and_ambiguous(
    linked: tuple[Project, Build], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = linked
    assert main(["--config", str(project.root / "mkdocs.yml"), "refs"]) == 0
    out, err = capsys.readouterr()
    source = project.notices / "2018/ubnd-tinh/9-qd-ubnd.md"
    lines = source.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if "Nghị định số 30/2020" in text)
    assert out.splitlines() == [
        f"notices/2018/ubnd-tinh/9-qd-ubnd.md:{line}\texternal\tNghị định 30/2020/NĐ-CP"
        "\tnot in the archive"
    ]
    assert "1 linked, 1 outside the archive, 0 ambiguous" in err


def test_long_cited_by_lists_are_cut_with_a_search_for_the_rest(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "archive")
    project.add_notice("2015/a.md", number="5/QĐ-UBND", type="quyet-dinh", date="2015-03-05")
    for day in range(1, 13):
        project.add_notice(
            f"2016/c{day}.md",
            body="Căn cứ Quyết định số 5/QĐ-UBND của UBND tỉnh./.",
            number=f"{day}/TB-UBND",
            date=f"2016-01-{day:02d}",
        )
    html = project.build(strict=True).html("2015/ubnd-tinh/5-qd-ubnd/")
    section = html[html.index('id="duoc-dan-chieu"') :]
    section = section[: section.index("</section>")]
    assert section.count("<li>") == 10
    assert "2016/ubnd-tinh/12-tb-ubnd/" in section and "2016/ubnd-tinh/2-tb-ubnd/" not in section
    assert (
        '<a href="../../../tim-kiem/?q=5/Q%C4%90-UBND&amp;sort=newest">và 2 văn bản khác</a>'
        in section
    )


def test_cross_references_can_be_switched_off(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "archive", search=False, cross_references=False)
    project.add_notice("2015/a.md", number="5/QĐ-UBND", type="quyet-dinh", date="2015-03-05")
    project.add_notice(
        "2018/b.md",
        body="Căn cứ Quyết định số 5/QĐ-UBND ngày 05/3/2015 của UBND tỉnh./.",
        number="9/QĐ-UBND",
        type="quyet-dinh",
        date="2018-06-01",
        replaces=["5/QĐ-UBND"],
    )
    build = project.build(strict=True)
    new, old = build.html("2018/ubnd-tinh/9-qd-ubnd/"), build.html("2015/ubnd-tinh/5-qd-ubnd/")
    assert "na-ref" not in new and "na-rel" not in new and "na-badge" not in old
    assert "Căn cứ Quyết định số 5/QĐ-UBND ngày 05/3/2015" in new
