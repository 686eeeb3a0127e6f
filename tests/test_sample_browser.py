"""The shipped sample in headless Chromium: browsing without JavaScript, searching a number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(sample_site: Path) -> Any:
    with serve(sample_site) as url:
        yield url


def test_browsing_works_without_javascript(browser: Any, base: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base)
    page.click("text=Theo cơ quan ban hành")
    page.click(".na-tree >> text=Văn phòng Ủy ban nhân dân tỉnh Hậu Giang")
    page.click(".na-item:has-text('405/TB-VP.UBND') .na-item__title")
    assert page.url == base + "2013/vp-ubnd-tinh/405-tb-vp-ubnd/"
    assert "ngày 10 tháng 10 năm 2013" in page.inner_text(".na-meta")
    # Back up the breadcrumbs to the body above.
    page.click(".na-breadcrumbs >> text=UBND tỉnh Hậu Giang")
    assert page.url == base + "co-quan/ubnd-tinh/"
    page.click("text=Sau ›")
    assert page.url == base + "co-quan/ubnd-tinh/trang-2/"
    context.close()


def test_phone_layout_does_not_scroll_sideways(page: Any, base: str) -> None:
    for url in ("", "co-quan/", "2016/ubnd-tinh/215-qd-ubnd/", "tim-kiem/?q=dat%20dai"):
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url


@pytest.mark.parametrize("query", ["405/TB", "405/TB-VP.UBND"])
def test_number_search_in_the_sample(page: Any, base: str, query: str) -> None:
    page.goto(base + "tim-kiem/?q=" + query)
    page.wait_for_selector("#na-count[data-complete]")
    first = page.locator(".na-result").first
    assert first.locator(".na-item__number").inner_text() == "405/TB-VP.UBND"
