"""The number directory: which years hold the notices of each number."""

from __future__ import annotations

from noticearchive.archive import load_archive
from noticearchive.number_index import leading_integer, number_directory
from tests.support import Project


def test_leading_integer() -> None:
    assert leading_integer("405/TB-VP.UBND") == "405"
    assert leading_integer("05/2018/NĐ-CP") == "5"
    assert leading_integer("TB-UBND") is None


def test_numbers_are_grouped_by_their_leading_integer(project: Project) -> None:
    project.add_notice("2020/a.md", number="29/TB-UBND")
    project.add_notice("2019/b.md", number="29/QĐ-UBND", type="quyet-dinh", date="2019-02-01")
    project.add_notice("2019/c.md", number="290/TB-UBND", date="2019-03-01")
    archive, problems = load_archive(project.notices, root=project.root)
    assert not problems.errors
    assert number_directory(archive.notices) == {
        "29": [("29/QĐ-UBND", 2019), ("29/TB-UBND", 2020)],
        "290": [("290/TB-UBND", 2019)],
    }
