"""Relative links between pages, the Vietnamese helpers they rely on."""

from __future__ import annotations

import posixpath
from datetime import date

import pytest

from noticearchive.urls import relative_url
from noticearchive.vietnamese import format_date, slugify

PAGES = ["", "a/", "a/b/", "a/b/c/", "x/", "co-quan/a/", "tim-kiem/", "a/b/c/d/"]
TARGETS = [*PAGES, "a/x/", "x/y/z/", "assets/archive/search.js", "a/b/f.pdf", "a/b/#x"]


def reference(target: str, base: str) -> str:
    """The same href, computed with posixpath.relpath."""
    path, _, fragment = target.partition("#")
    relative = posixpath.relpath("/" + path, "/" + base)
    if path.endswith("/") or path == "":
        relative = "./" if relative == "." else relative + "/"
    return relative + ("#" + fragment if fragment else "")


@pytest.mark.parametrize("base", PAGES)
def test_relative_url_agrees_with_relpath(base: str) -> None:
    for target in TARGETS:
        assert relative_url(target, base) == reference(target, base), (target, base)


def test_relative_url_without_directory_urls() -> None:
    assert relative_url("co-quan/", "2013/a/b/", directory_urls=False) == (
        "../../../co-quan/index.html"
    )
    assert relative_url("", "co-quan/", directory_urls=False) == "../index.html"
    assert relative_url("a/f.pdf", "", directory_urls=False) == "a/f.pdf"


def test_slugify_numbers() -> None:
    assert slugify("405/TB-VP.UBND") == "405-tb-vp-ubnd"
    assert slugify("12/2018/QĐ-UBND") == "12-2018-qd-ubnd"
    assert slugify("15/QyĐ-UBND") == "15-qyd-ubnd"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2013, 10, 10), "ngày 10 tháng 10 năm 2013"),
        (date(2013, 3, 5), "ngày 05 tháng 3 năm 2013"),
        (date(2014, 2, 1), "ngày 01 tháng 02 năm 2014"),
        (date(2014, 1, 31), "ngày 31 tháng 01 năm 2014"),
    ],
)
def test_dates_are_written_as_decree_30_says(value: date, text: str) -> None:
    assert format_date(value) == text
