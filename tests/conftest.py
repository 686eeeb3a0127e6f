"""Fixtures that build real small archives in temporary folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import Project, find_chromium

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty archive with the test registries, ready for notices."""
    return Project.create(tmp_path / "archive")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sample archive, built once with --strict."""
    site = tmp_path_factory.mktemp("sample") / "site"
    Project.sample().build(site_dir=site, strict=True)
    return site


@pytest.fixture(scope="session")
def chromium() -> Iterator[str]:
    """Path of Debian's chromium; skips (or fails, with REQUIRE_BROWSER=1) when absent."""
    path = find_chromium()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (REQUIRE_BROWSER=1) but was not found")
        pytest.skip("chromium not installed (apt-get install chromium)")
    yield path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (which downloads no browser of its own)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh phone-sized page; fails the test on any script error in the page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []
