"""Resolving mentions and relations: links, cited by, ambiguity, status, related notices."""

from __future__ import annotations

from datetime import date
from typing import Any

from noticearchive.archive import Archive, load_archive
from noticearchive.crossref import (
    CrossReferences,
    Resolution,
    Status,
    cross_reference,
    related_notices,
    series_neighbours,
)
from noticearchive.model import Notice, RelationKind
from noticearchive.problems import Problems
from tests.support import Project

TODAY = date(2026, 1, 1)


def resolve(project: Project, as_of: date = TODAY) -> tuple[Archive, CrossReferences, Problems]:
    archive, problems = load_archive(project.notices, root=project.root)
    assert not problems.errors, [str(p) for p in problems]
    links = cross_reference(archive, as_of=as_of, problems=problems)
    return archive, links, problems


def by_number(archive: Archive, number: str, year: int | None = None) -> Notice:
    (found,) = [n for n in archive.notices if n.number == number and year in (None, n.year)]
    return found


def add(project: Project, name: str, body: str = "Nội dung./.", **fields: Any) -> None:
    project.add_notice(f"{name}.md", body=body, **fields)


def only_reference(links: CrossReferences, notice: Notice) -> Any:
    (reference,) = links.cites(notice)
    return reference


def test_mention_becomes_a_link_and_cited_by(project: Project) -> None:
    add(project, "a", number="12/QĐ-UBND", type="quyet-dinh", date="2019-03-01")
    add(
        project,
        "b",
        body="Căn cứ Quyết định số 12/QĐ-UBND ngày 01/3/2019 của UBND tỉnh;",
        number="20/TB-UBND",
        date="2019-05-01",
    )
    archive, links, _ = resolve(project)
    a, b = by_number(archive, "12/QĐ-UBND"), by_number(archive, "20/TB-UBND")
    reference = only_reference(links, b)
    assert reference.resolution is Resolution.LINKED and reference.target is a
    assert links.cited_by[a] == [b]
    # Line of the mention in the source file.
    text = (project.notices / "b.md").read_text(encoding="utf-8").split("\n")
    assert text[reference.line - 1].startswith("Căn cứ Quyết định số 12/QĐ-UBND")


def test_no_self_links(project: Project) -> None:
    add(project, "a", body="Thông báo số 1/TB-UBND này thay thế bản trước.", number="1/TB-UBND")
    archive, links, _ = resolve(project)
    assert links.cites(archive.notices[0]) == []


def test_numbers_restart_every_year_date_decides(project: Project) -> None:
    add(project, "q15", number="12/QĐ-UBND", type="quyet-dinh", date="2015-02-01")
    add(project, "q19", number="12/QĐ-UBND", type="quyet-dinh", date="2019-02-01")
    add(
        project,
        "c17",
        body="Theo Quyết định số 12/QĐ-UBND của UBND tỉnh.",
        number="30/TB-UBND",
        date="2017-01-01",
    )
    add(
        project,
        "c20",
        body="Theo Quyết định số 12/QĐ-UBND. Xem thêm Quyết định số 12/QĐ-UBND ngày 01/02/2015.",
        number="31/TB-UBND",
        date="2020-01-01",
    )
    archive, links, _ = resolve(project)
    q15, q19 = by_number(archive, "12/QĐ-UBND", 2015), by_number(archive, "12/QĐ-UBND", 2019)
    # Without a date: the latest one dated before the citing notice.
    assert only_reference(links, by_number(archive, "30/TB-UBND")).target is q15
    first, second = links.cites(by_number(archive, "31/TB-UBND"))
    assert first.target is q19
    # With a date: the date decides, even against the latest.
    assert second.target is q15


def test_body_decides_and_ambiguity_is_reported_with_candidates(project: Project) -> None:
    add(project, "p", number="12/QĐ-UBND", type="quyet-dinh", date="2020-04-02")
    add(
        project,
        "v",
        number="12/QĐ-UBND",
        type="quyet-dinh",
        agency="ubnd-vi-thanh",
        date="2020-04-02",
    )
    add(
        project,
        "c",
        body="Theo Quyết định số 12/QĐ-UBND của UBND thành phố Vị Thanh.\n\n"
        "Và Quyết định số 12/QĐ-UBND ngày 02/4/2020.",
        number="40/TB-UBND",
        date="2020-06-01",
    )
    archive, links, _ = resolve(project)
    by_body, ambiguous = links.cites(by_number(archive, "40/TB-UBND"))
    assert by_body.target is not None and by_body.target.agency.id == "ubnd-vi-thanh"
    assert ambiguous.resolution is Resolution.AMBIGUOUS and ambiguous.target is None
    assert {n.agency.id for n in ambiguous.candidates} == {"ubnd-tinh", "ubnd-vi-thanh"}


def test_documents_outside_the_archive_are_marked(project: Project) -> None:
    add(project, "q", number="12/QĐ-UBND", type="quyet-dinh", date="2019-02-01")
    add(
        project,
        "c",
        body="Căn cứ Nghị định số 30/2020/NĐ-CP; Quyết định số 12/QĐ-UBND ngày 05/3/2010.",
        number="5/TB-UBND",
        date="2020-01-01",
    )
    archive, links, _ = resolve(project)
    decree, other_year = links.cites(by_number(archive, "5/TB-UBND"))
    assert decree.resolution is Resolution.EXTERNAL and decree.mention.number == "30/2020/NĐ-CP"
    # Same number, but a date no notice of the archive has: another body's document.
    assert other_year.resolution is Resolution.EXTERNAL
    assert links.cited_by.get(by_number(archive, "12/QĐ-UBND"), []) == []


def test_relations_resolve_both_ways(project: Project) -> None:
    add(project, "old", number="5/QĐ-UBND", type="quyet-dinh", date="2016-01-05")
    add(
        project,
        "new",
        number="9/QĐ-UBND",
        type="quyet-dinh",
        date="2018-01-05",
        replaces=["5/QĐ-UBND (2016)"],
        based_on=[{"number": "5/QĐ-UBND", "year": 2016, "agency": "ubnd-tinh"}],
    )
    archive, links, problems = resolve(project)
    old, new = by_number(archive, "5/QĐ-UBND"), by_number(archive, "9/QĐ-UBND")
    assert [(r.kind, r.target) for r in links.relations_from[new]] == [
        (RelationKind.REPLACES, old),
        (RelationKind.BASED_ON, old),
    ]
    assert [(r.kind, r.source) for r in links.relations_to[old]] == [
        (RelationKind.REPLACES, new),
        (RelationKind.BASED_ON, new),
    ]
    assert links.cited_by[old] == [new]
    assert not problems.items


def test_unknown_relation_target_is_a_warning_with_its_line(project: Project) -> None:
    add(project, "a", number="9/QĐ-UBND", type="quyet-dinh", amends=["77/QĐ-UBND"])
    _, _, problems = resolve(project)
    (warning,) = problems.warnings
    text = (project.notices / "a.md").read_text(encoding="utf-8").split("\n")
    assert warning.path == "notices/a.md" and text[warning.line - 1] == "- 77/QĐ-UBND"
    assert "'amends: 77/QĐ-UBND' leads nowhere: no notice of the archive has this number" in str(
        warning
    )


def test_ambiguous_relation_target_asks_for_the_year(project: Project) -> None:
    add(project, "a", number="5/QĐ-UBND", type="quyet-dinh", date="2016-01-05")
    add(project, "b", number="5/QĐ-UBND", type="quyet-dinh", date="2017-01-05")
    add(
        project, "c", number="1/QĐ-UBND", type="quyet-dinh", date="2018-01-05", amends=["5/QĐ-UBND"]
    )
    _, _, problems = resolve(project)
    (warning,) = problems.warnings
    assert (
        "several notices have this number" in warning.message and "add the year" in warning.message
    )


def test_status_follows_relations_and_dates(project: Project) -> None:
    add(project, "base", number="1/QĐ-UBND", type="quyet-dinh", date="2015-01-05")
    add(project, "amended", number="2/QĐ-UBND", type="quyet-dinh", date="2015-02-05")
    add(project, "replaced", number="3/QĐ-UBND", type="quyet-dinh", date="2015-03-05")
    add(project, "repealed", number="4/QĐ-UBND", type="quyet-dinh", date="2015-04-05")
    add(project, "corrected", number="5/QĐ-UBND", type="quyet-dinh", date="2015-05-05")
    add(project, "later", number="6/QĐ-UBND", type="quyet-dinh", date="2015-06-05")
    add(
        project,
        "actor",
        number="10/QĐ-UBND",
        type="quyet-dinh",
        date="2016-01-05",
        amends=["2/QĐ-UBND", "3/QĐ-UBND"],
        replaces=["3/QĐ-UBND"],
        repeals=["4/QĐ-UBND"],
        corrects=["5/QĐ-UBND"],
    )
    # Replaces 6/QĐ-UBND, but only from 2030: until then the old one stays in force.
    add(
        project,
        "future",
        number="11/QĐ-UBND",
        type="quyet-dinh",
        date="2025-12-01",
        effective="2030-01-01",
        replaces=["6/QĐ-UBND"],
    )
    archive, links, _ = resolve(project)
    status = {n.number: links.status_of(n) for n in archive.notices}
    assert status == {
        "1/QĐ-UBND": Status.IN_FORCE,
        "2/QĐ-UBND": Status.AMENDED,
        "3/QĐ-UBND": Status.REPLACED,  # amended, then replaced: the stronger wins
        "4/QĐ-UBND": Status.REPEALED,
        "5/QĐ-UBND": Status.CORRECTED,
        "6/QĐ-UBND": Status.IN_FORCE,
        "10/QĐ-UBND": Status.IN_FORCE,
        "11/QĐ-UBND": Status.NOT_YET,
    }
    archive, later, _ = resolve(project, as_of=date(2030, 1, 1))
    assert later.status_of(by_number(archive, "6/QĐ-UBND")) is Status.REPLACED


def test_related_and_series(project: Project) -> None:
    add(project, "a", number="1/KH-UBND", type="ke-hoach", date="2019-01-01", topics=["y-te"])
    add(project, "b", number="2/KH-UBND", type="ke-hoach", date="2019-02-01", topics=["y-te"])
    add(project, "c", number="3/TB-UBND", date="2019-03-01", topics=["y-te"])
    add(project, "d", number="4/KH-UBND", type="ke-hoach", date="2019-04-01", topics=["dat-dai"])
    add(
        project,
        "e",
        number="5/KH-SYT",
        type="ke-hoach",
        agency="so-y-te",
        date="2019-05-01",
        topics=["y-te"],
    )
    archive, _, _ = resolve(project)
    b = by_number(archive, "2/KH-UBND")
    # Same body and topic first (newest first), then other bodies on the topic.
    assert [n.number for n in related_notices(archive, b)] == ["3/TB-UBND", "1/KH-UBND", "5/KH-SYT"]
    older, newer = series_neighbours(archive, b)
    assert (older and older.number, newer and newer.number) == ("1/KH-UBND", "4/KH-UBND")
    assert series_neighbours(archive, by_number(archive, "5/KH-SYT")) == (None, None)


def test_numbers_with_and_without_year_are_different_series(project: Project) -> None:
    add(project, "qppl", number="3/2017/QĐ-UBND", type="quyet-dinh", date="2017-02-01")
    add(project, "cb", number="3/QĐ-UBND", type="quyet-dinh", date="2017-01-05")
    add(
        project,
        "c",
        body="Theo Quyết định số 3/QĐ-UBND và Quyết định số 3/2017/QĐ-UBND.",
        number="8/TB-UBND",
        date="2017-06-01",
        implements=["3/QĐ-UBND"],
    )
    archive, links, problems = resolve(project)
    plain, with_year = links.cites(by_number(archive, "8/TB-UBND"))
    assert plain.target is by_number(archive, "3/QĐ-UBND")
    assert with_year.target is by_number(archive, "3/2017/QĐ-UBND")
    assert not problems.items
