"""Search in real headless Chromium, against a built archive served under a sub-path."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from noticearchive.archive import load_archive
from noticearchive.search import notice_record
from noticearchive.settings import Settings
from noticearchive.urls import Urls
from noticearchive.vietnamese import fold
from tests.browser import serve
from tests.search_archive import write_search_archive
from tests.support import Project

pytestmark = pytest.mark.browser

SUB_PATH = "archive/"


@pytest.fixture(scope="module")
def search_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    # Bundles of at most three notices (the newest, one): 2022, 2019-2021 and 2013-2018, so
    # that every search reads several bundles and merges what they find.
    folder = tmp_path_factory.mktemp("searchsite") / "archive"
    project = Project.create(folder, search_bundle_size=3)
    write_search_archive(project)
    return project


@pytest.fixture(scope="module")
def base(search_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built archive served at http://127.0.0.1:PORT/archive/, as a project site would be."""
    webroot = tmp_path_factory.mktemp("webroot")
    search_project.build(site_dir=webroot / SUB_PATH.strip("/"), strict=True)
    with serve(webroot) as url:
        yield url + SUB_PATH


def indexed_words(project: Project) -> dict[str, list[str]]:
    """Address -> the words of each notice's search record (what Pagefind indexes)."""
    archive, _ = load_archive(project.notices, root=project.root)
    urls = Urls(Settings())
    words = {}
    for notice in archive.notices:
        record = notice_record(archive, urls, notice)
        main = record.html.split("<main data-pagefind-body>")[1].split("</main>")[0]
        words[urls.notice(notice)] = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", main))
    return words


def expected(project: Project, query: str, *, exact: bool) -> set[str]:
    """Notices in which every word of the query starts a word, as Pagefind matches them:
    folded (diacritics stripped, đ included) or, for an exact search, as written."""
    key = (lambda w: w.lower()) if exact else (lambda w: fold(w).lower())
    terms = [key(t) for t in re.findall(r"\w+", query)]
    return {
        url
        for url, words in indexed_words(project).items()
        if all(any(key(w).startswith(t) for w in words) for t in terms)
    }


def search(page: Any, base: str, query: str, params: str = "") -> list[dict[str, str]]:
    """Open the search page for a query and read every result (pressing "Xem thêm")."""
    page.goto(f"{base}tim-kiem/?q={quote(query)}{params}")
    page.wait_for_selector("#na-count[data-complete], .na-search__intro")
    while page.locator(".na-more").count():
        before = page.locator(".na-result").count()
        page.click(".na-more")
        page.wait_for_function(f"document.querySelectorAll('.na-result').length > {before}")
    return read_results(page, base)


def read_results(page: Any, base: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = page.eval_on_selector_all(
        ".na-result",
        """items => items.map(li => ({
            url: li.querySelector('.na-item__title').href,
            title: li.querySelector('.na-item__title').textContent,
            number: li.querySelector('.na-item__number').textContent,
            type: li.querySelector('.na-item__type').textContent,
            agency: li.querySelector('.na-item__agency').textContent,
            date: li.querySelector('.na-item__date').textContent,
            excerpt: li.querySelector('.na-result__excerpt').innerHTML,
        }))""",
    )
    for row in rows:
        assert row["url"].startswith(base), row["url"]
        row["url"] = row["url"][len(base) :]
    return rows


def urls_of(rows: list[dict[str, str]]) -> list[str]:
    return [r["url"] for r in rows]


@pytest.mark.parametrize("query", ["405/TB-VP.UBND", "405/TB", "405/tb-vp.ubnd"])
def test_number_finds_that_notice_first(page: Any, base: str, query: str) -> None:
    rows = search(page, base, query)
    assert rows[0]["number"] == "405/TB-VP.UBND"
    assert rows[0]["url"] == "2013/vp-ubnd-tinh/405-tb-vp-ubnd/"


def test_number_also_finds_the_notices_that_cite_it(page: Any, base: str) -> None:
    assert "2021/so-y-te/7-kh-syt/" in urls_of(search(page, base, "405/TB-VP.UBND"))[1:]


@pytest.mark.parametrize("query", ["quyet dinh", "dong thap", "dat dai", "kien giang", "de nghi"])
def test_unaccented_query_finds_accented_text_d_included(
    page: Any, base: str, search_project: Project, query: str
) -> None:
    want = expected(search_project, query, exact=False)
    assert want, "the test archive must contain the words"
    assert set(urls_of(search(page, base, query))) == want


def test_dong_thap_finds_dong_thap(page: Any, base: str) -> None:
    assert urls_of(search(page, base, "dong thap")) == ["2020/ubnd-tinh/12-qd-ubnd/"]


@pytest.mark.parametrize("query", ["Kiên Giang", "Đồng Tháp", "quyết định", "đất đai"])
def test_accented_query_finds_exact_spellings_only(
    page: Any, base: str, search_project: Project, query: str
) -> None:
    want = expected(search_project, query, exact=True)
    assert want
    assert set(urls_of(search(page, base, query))) == want
    assert "Tìm cả các cách viết khác" in page.inner_text("#na-results")


def test_widened_accented_query_ranks_exact_matches_first(
    page: Any, base: str, search_project: Project
) -> None:
    exact = expected(search_project, "Kiên Giang", exact=True)
    folded = expected(search_project, "Kiên Giang", exact=False)
    assert exact == {"2021/so-y-te/7-kh-syt/"} and len(folded) > len(exact)
    search(page, base, "Kiên Giang")
    page.click("#na-broad")
    page.wait_for_selector("#na-count[data-complete]")
    page.wait_for_function("document.querySelectorAll('.na-result').length > 1")
    rows = read_results(page, base)
    assert set(urls_of(rows)) == folded
    assert rows[0]["url"] == "2021/so-y-te/7-kh-syt/"
    assert "broad=1" in page.url


def test_accented_query_without_exact_match_falls_back_to_folding(page: Any, base: str) -> None:
    # "Kiến Giảng" is not written anywhere; "kiến" and "giảng" are, in other words' company.
    rows = search(page, base, "Kiến Giáng")
    assert urls_of(rows) and "không phân biệt dấu" in page.inner_text("#na-results")


def test_result_shows_title_number_agency_date_and_marked_excerpt(page: Any, base: str) -> None:
    rows = search(page, base, "tiem chung")
    assert rows == [
        {
            "url": "2021/so-y-te/7-kh-syt/",
            "title": "Kế hoạch phòng chống dịch bệnh mùa mưa",
            "number": "7/KH-SYT",
            "type": "Kế hoạch",
            "agency": "Sở Y tế",
            "date": "01/03/2021",
            "excerpt": rows[0]["excerpt"],
        }
    ]
    assert "<mark>tiêm</mark> <mark>chủng</mark>" in rows[0]["excerpt"]


def test_result_shows_status_when_not_in_force(page: Any, base: str) -> None:
    search(page, base, "quan ly dat dai")
    item = page.locator(".na-result", has_text="2/CT-UBND")
    assert item.locator(".na-badge--replaced").inner_text() == "Hết hiệu lực: bị thay thế"
    assert page.locator(".na-result .na-badge").count() == 1


def test_filter_alone_lists_newest_first(page: Any, base: str) -> None:
    rows = search(page, base, "", "&agency=" + quote("Sở Y tế"))
    assert urls_of(rows) == ["2021/so-y-te/7-kh-syt/", "2018/so-y-te/45-syt-nv/"]
    # A parent body finds the notices of the bodies under it, newest first.
    rows = search(page, base, "", "&agency=" + quote("UBND tỉnh"))
    assert len(rows) == 7
    years = [r["date"][-4:] for r in rows]
    assert years == sorted(years, reverse=True)


def test_filters_show_counts_and_narrow_results(page: Any, base: str) -> None:
    search(page, base, "")
    # On a phone the filters are folded above the results.
    assert not page.is_visible('[data-group="agency"]')
    page.click("#na-filter-box summary")
    # With nothing typed, the filters show the whole archive.
    agency = page.locator('[data-group="agency"] label', has_text="Sở Y tế")
    assert agency.inner_text().split()[-1] == "2"
    page.locator('[data-group="type"] input[value="Công văn"]').check()
    page.wait_for_selector("#na-count[data-complete]")
    page.wait_for_function("document.querySelectorAll('.na-result').length == 2")
    assert set(urls_of(read_results(page, base))) == {
        "2022/ubnd-vi-thanh/88-ubnd-vp/",
        "2018/so-y-te/45-syt-nv/",
    }
    assert "type=C%C3%B4ng+v%C4%83n" in page.url
    page.locator('[data-group="year"] input[value="2018"]').check()
    page.wait_for_function("document.querySelectorAll('.na-result').length == 1")
    assert urls_of(read_results(page, base)) == ["2018/so-y-te/45-syt-nv/"]
    assert page.inner_text("#na-filter-count") == "(2 đang chọn)"
    page.go_back()
    page.wait_for_function("document.querySelectorAll('.na-result').length == 2")


def test_a_phone_loads_the_filters_only_when_they_are_unfolded(browser: Any, base: str) -> None:
    filter_files: list[str] = []
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.on("request", lambda r: "/pagefind/filter/" in r.url and filter_files.append(r.url))
    page = context.new_page()
    search(page, base, "ke hoach")
    page.wait_for_load_state("networkidle")
    assert page.locator("#na-filters fieldset").count() == 0 and not filter_files
    page.click("#na-filter-box summary")
    agency = page.locator('[data-group="agency"] label', has_text="UBND tỉnh").first
    assert int(agency.inner_text().split()[-1]) >= 1
    assert filter_files, "the filter index is fetched once the filters are unfolded"
    context.close()


def test_a_wide_screen_shows_the_filters_with_the_results(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    search(page, base, "ke hoach")
    # The counts follow the results; no click is needed for them.
    page.wait_for_selector('[data-group="type"] label:has-text("Kế hoạch")', state="visible")
    context.close()


def test_sorting(page: Any, base: str) -> None:
    rows = search(page, base, "tinh")
    assert len(rows) >= 5
    page.select_option("#na-sort", "newest")
    page.wait_for_url(re.compile("sort=newest"))
    page.wait_for_selector("#na-count[data-complete]")
    newest = [r["date"][-4:] for r in read_results(page, base)]
    page.select_option("#na-sort", "oldest")
    page.wait_for_url(re.compile("sort=oldest"))
    page.wait_for_selector("#na-count[data-complete]")
    oldest = [r["date"][-4:] for r in read_results(page, base)]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
    assert oldest[0] == "2013"


class Held:
    """The requests of a browser context to matching addresses, left unanswered until
    released."""

    def __init__(self, context: Any, pattern: str) -> None:
        self.routes: list[Any] = []
        self.released = False
        context.route(re.compile(pattern), self._hold)

    def _hold(self, route: Any) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


def test_the_newest_bundle_answers_first(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    # The older bundles do not answer until the first results have been read.
    held = Held(context, r"/pagefind-\d")
    page = context.new_page()
    page.goto(f"{base}tim-kiem/?q=ky%20nang")
    page.wait_for_selector("#na-count")
    assert page.inner_text("#na-count") == (
        "Tìm thấy 1 văn bản trong năm 2022; đang tìm tiếp trong các năm khác…"
    )
    assert page.locator("#na-count[data-complete]").count() == 0
    assert urls_of(read_results(page, base)) == ["2022/ubnd-vi-thanh/88-ubnd-vp/"]
    held.release()
    page.wait_for_selector("#na-count[data-complete]")
    assert page.inner_text("#na-count") == "Tìm thấy 2 văn bản"
    assert set(urls_of(read_results(page, base))) == {
        "2022/ubnd-vi-thanh/88-ubnd-vp/",
        "2013/vp-ubnd-tinh/405-tb-vp-ubnd/",
    }
    context.close()


def test_a_number_is_read_first_from_the_bundle_that_holds_it(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    # The bundle between the newest (2022) and the number's (2013-2018) does not answer: the
    # notice is shown all the same, before the search reads it.
    held = Held(context, r"/pagefind-2019-2021/")
    page = context.new_page()
    page.goto(f"{base}tim-kiem/?q=405%2FTB-VP.UBND")
    page.wait_for_selector("#na-count")
    assert page.inner_text("#na-count").startswith("Tìm thấy 1 văn bản trong các năm 2013–2018")
    assert urls_of(read_results(page, base)) == ["2013/vp-ubnd-tinh/405-tb-vp-ubnd/"]
    held.release()
    page.wait_for_selector("#na-count[data-complete]")
    # The notice that cites it (2021) comes after it.
    assert urls_of(read_results(page, base))[:2] == [
        "2013/vp-ubnd-tinh/405-tb-vp-ubnd/",
        "2021/so-y-te/7-kh-syt/",
    ]
    context.close()


def test_a_year_filter_reads_only_the_bundles_of_that_year(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    rows = search(page, base, "", "&year=2018")
    assert urls_of(rows) == ["2018/so-y-te/45-syt-nv/"]
    read = {m[1] for url in requested if (m := re.search(r"/(pagefind[^/]*)/", url))}
    assert "pagefind-2013-2018" in read and "pagefind-2019-2021" not in read
    context.close()


def test_header_search_box_on_every_page(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base + "2020/ubnd-tinh/12-qd-ubnd/")
    page.fill("#na-header-q", "tiem chung")
    page.press("#na-header-q", "Enter")
    page.wait_for_selector("#na-count[data-complete]")
    assert page.url.startswith(base + "tim-kiem/")
    assert urls_of(read_results(page, base)) == ["2021/so-y-te/7-kh-syt/"]
    context.close()


def test_header_search_icon_on_a_phone_opens_the_search_page(page: Any, base: str) -> None:
    page.goto(base + "co-quan/")
    assert not page.is_visible("#na-header-q")
    page.click(".na-header-search button")
    page.wait_for_selector(".na-search__intro")
    assert page.url.startswith(base + "tim-kiem/")
    assert page.evaluate("document.activeElement.id") == "na-q"


def test_result_leads_to_the_notice(page: Any, base: str) -> None:
    search(page, base, "dong thap")
    page.click(".na-result .na-item__title")
    page.wait_for_selector(".na-notice")
    assert page.url == base + "2020/ubnd-tinh/12-qd-ubnd/"
    assert "Đồng Tháp" in page.inner_text("h1")


def test_search_page_without_javascript(browser: Any, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "tim-kiem/")
    text = page.inner_text("article")
    assert "Tìm kiếm toàn văn cần JavaScript" in text and "cơ quan ban hành" in text
    context.close()


def test_nothing_is_requested_from_other_hosts(page: Any, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    search(page, base, "dong thap")
    page.goto(base + "2020/ubnd-tinh/12-qd-ubnd/")
    assert requests and all(url.startswith(base.split(SUB_PATH)[0]) for url in requests)
