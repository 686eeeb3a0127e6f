"""MkDocs hooks: the thin layer between MkDocs and the archive.

The archive (package ``noticearchive``) knows nothing of MkDocs. Here its pages become virtual
MkDocs files, its HTML fragments become page content, and its problems become MkDocs log
messages (warnings, which ``mkdocs build --strict`` turns into failures) or a ``PluginError``
(which stops the build with a message and no traceback).

MkDocs keeps hook modules loaded across ``mkdocs serve`` rebuilds: all state lives in one
object that ``on_config`` replaces.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_datetime

import noticearchive
from noticearchive.archive import Archive, load_archive
from noticearchive.crossref import CrossReferences, Resolution, cross_reference
from noticearchive.exports import DATA_FOLDER, write_exports
from noticearchive.markdown_body import Heading
from noticearchive.prerender import Prerenderer
from noticearchive.problems import Problems, Severity
from noticearchive.render.context import Renderer
from noticearchive.search import (
    BUNDLE_FOLDER,
    WEBASSEMBLY,
    SearchIndexError,
    index_notices,
    plan_bundles,
    scratch_folder,
)
from noticearchive.settings import Settings, SettingsError
from noticearchive.site import SitePage, plan_site
from noticearchive.urls import ASSETS, SEARCH, Urls, source_uri

log = logging.getLogger("mkdocs.hooks.notices")

ASSETS_DIR = Path(noticearchive.__file__).parent / "assets"
SEARCH_CACHE = ".cache/search"
"""Where the search index's bundles are kept between builds, beside mkdocs.yml."""
"""The archive's stylesheet and scripts, published under assets/archive/."""
SEARCH_ENGINE = "search-engine.js"
"""The search page's Pagefind instances, a module of their own that the page's head loads."""


@dataclass
class _Build:
    settings: Settings
    root: Path
    archive: Archive | None = None
    renderer: Renderer | None = None
    pages: dict[str, SitePage] = field(default_factory=dict)
    """Archive pages by the ``src_uri`` of their virtual file."""
    prerenderer: Prerenderer | None = None
    scratch: tempfile.TemporaryDirectory[str] | None = None
    """Where the search records are written for Pagefind."""
    search_indexed: Callable[[], tuple[int, float, int]] | None = None


_build: _Build | None = None


def _state() -> _Build:
    if _build is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("notices hook: on_config did not run")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    try:
        settings = Settings.from_mapping(config.extra.get("notices"))
    except SettingsError as exc:
        raise PluginError(
            "Invalid archive settings in mkdocs.yml:\n  " + "\n  ".join(exc.messages)
        ) from None
    root = Path(config.config_file_path or ".").resolve().parent
    _build = _Build(settings=settings, root=root)
    notices_dir = str(root / settings.dir)
    if notices_dir not in config.watch:
        config.watch.append(notices_dir)
    config.nav = _without_disabled_pages(config.nav, settings)
    stylesheet = ASSETS + "archive.css"
    if stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    return config


def _without_disabled_pages(nav: Any, settings: Settings) -> Any:
    """The nav without the search or data page when that feature is switched off, so that one
    mkdocs.yml serves with and without them."""
    disabled = set()
    if not settings.search:
        disabled.add(source_uri(SEARCH))
    if not settings.exports:
        disabled.add(source_uri(DATA_FOLDER))
    if not disabled or not isinstance(nav, list):
        return nav

    def kept(item: Any) -> bool:
        values = list(item.values()) if isinstance(item, dict) else [item]
        return not (len(values) == 1 and isinstance(values[0], str) and values[0] in disabled)

    return [
        {k: _without_disabled_pages(v, settings) for k, v in item.items()}
        if isinstance(item, dict)
        else item
        for item in nav
        if kept(item)
    ]


def _report(problems: Problems) -> None:
    """Warnings to the log; errors, all of them listed, to a PluginError."""
    for problem in problems.sorted():
        if problem.severity is Severity.WARNING:
            log.warning(str(problem))
    errors = sorted(problems.errors, key=lambda p: (p.path, p.line or 0))
    if errors:
        listed = "\n  ".join(str(p) for p in errors)
        raise PluginError(
            f"The archive cannot be built: {len(errors)} error(s) in the notices. "
            f"Fix them and build again (run 'notices check' to see them without building):\n"
            f"  {listed}"
        )


def _summarise_references(links: CrossReferences) -> None:
    """Mentions that lead nowhere are not errors (a notice may cite a national decree), but
    staff should know how many there are and where to find them."""
    counts = Counter(r.resolution for refs in links.references.values() for r in refs)
    outside, ambiguous = counts[Resolution.EXTERNAL], counts[Resolution.AMBIGUOUS]
    if outside or ambiguous:
        log.info(
            f"Cross-references: {counts[Resolution.LINKED]} linked, {outside} to documents "
            f"outside the archive, {ambiguous} ambiguous; run 'notices refs' for the list"
        )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = _state()
    archive, problems = load_archive(state.root / state.settings.dir, root=state.root)
    _report(problems)
    links = None
    if state.settings.cross_references:
        link_problems = Problems(root=state.root)
        links = cross_reference(archive, as_of=get_build_datetime().date(), problems=link_problems)
        _report(link_problems)
        _summarise_references(links)
    state.archive = archive
    state.renderer = Renderer(
        archive,
        state.settings,
        Urls(state.settings),
        links=links,
        directory_urls=config.use_directory_urls,
        search_bundles=(
            plan_bundles(archive.notices, state.settings.search_bundle_size)
            if state.settings.search
            else ()
        ),
    )
    nav_pages = _nav_sources(config)
    for page in plan_site(archive, state.settings, site_name=config.site_name):
        uri = source_uri(page.url)
        existing = files.get_file_from_path(uri)
        if existing is not None:
            docs = Path(config.docs_dir).name
            raise PluginError(
                f"{docs}/{existing.src_uri} has the address of the archive's page "
                f"'{page.title}': rename or remove it"
            )
        inclusion = InclusionLevel.UNDEFINED if uri in nav_pages else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content="", inclusion=inclusion))
        state.pages[uri] = page
    _add_attachments(files, config, archive, state.root, state.renderer.urls)
    notices = [page for page in state.pages.values() if page.kind == "notice"]
    state.prerenderer = Prerenderer(state.renderer, notices)
    if state.prerenderer.parallel:
        log.info(f"Rendering {len(notices)} notice pages in a second process")
    if state.settings.search:
        # The search index needs only the archive: the worker writes the records and runs
        # Pagefind as soon as it has rendered the notice pages, whatever MkDocs still has to
        # write. (MkDocs has emptied the site folder before this hook.)
        state.scratch = scratch_folder(state.renderer.search_bundles, state.settings.search_jobs)
        cache = state.root / SEARCH_CACHE if state.settings.search_cache else None
        state.search_indexed = state.prerenderer.run_later(
            index_notices, Path(state.scratch.name), Path(config.site_dir), cache
        )
    for asset in sorted(ASSETS_DIR.iterdir()):
        files.append(File.generated(config, ASSETS + asset.name, abs_src_path=str(asset)))
    return files


def _nav_sources(config: MkDocsConfig) -> set[str]:
    """Source paths named in the ``nav`` setting."""
    found: set[str] = set()

    def walk(item: Any) -> None:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config.nav or [])
    return found


def _add_attachments(
    files: Files, config: MkDocsConfig, archive: Archive, root: Path, urls: Urls
) -> None:
    """Files kept beside a notice's source are published beside its page."""
    for notice in archive.notices:
        folder = (root / notice.source).parent
        for attachment in notice.attachments:
            files.append(
                File.generated(
                    config,
                    urls.attachment(notice, attachment),
                    abs_src_path=str(folder / attachment.path),
                )
            )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site_page = _state().pages.get(page.file.src_uri)
    if site_page is None:
        return markdown
    page.meta["title"] = site_page.title
    if site_page.description:
        page.meta["description"] = site_page.description
    # The archive renders the content itself (on_page_context); MkDocs converts nothing.
    return ""


def _toc_tokens(headings: tuple[Heading, ...]) -> list[dict[str, Any]]:
    return [
        {"level": h.level, "id": h.id, "name": h.title, "children": _toc_tokens(h.children)}
        for h in headings
    ]


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Render an archive page just before its template, and (in on_post_page) let its HTML go
    once written: MkDocs keeps every page's content until the end of the build otherwise,
    which at 50,000 notices is gigabytes."""
    state = _state()
    site_page = state.pages.get(page.file.src_uri)
    if site_page is not None and state.prerenderer is not None:
        rendered = state.prerenderer.render(site_page)
        page.content = rendered.html
        page.toc = get_toc(_toc_tokens(rendered.headings))  # type: ignore[arg-type]
    return _with_archive_links(context)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri in _state().pages:
        page.content = ""
    return output


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    return _with_archive_links(context)


def _with_archive_links(context: dict[str, Any]) -> dict[str, Any]:
    """What the templates add to every page: the header's search box leads to the search page,
    when there is one, and a list announces its feed."""
    state = _state()
    context["archive_search_url"] = SEARCH if state.settings.search else None
    page = context.get("page")
    site_page = state.pages.get(page.file.src_uri) if page is not None else None
    context["archive_feed_url"] = site_page.feed if site_page is not None else None
    # The search page's scripts are fetched with the page's stylesheets rather than after
    # them: a round trip less before the first results on a phone's network.
    searching = site_page is not None and site_page.kind == "search"
    context["archive_module_preloads"] = (
        [ASSETS + "search.js", ASSETS + SEARCH_ENGINE, f"{BUNDLE_FOLDER}/pagefind.js"]
        if searching
        else []
    )
    # The head of the search page starts loading the index before the theme's scripts run,
    # and has the browser fetch the newest bundle's entry file and WebAssembly at once. The
    # entry file is asked for with this build's tag, which a new build changes.
    context["archive_search_engine"] = ASSETS + SEARCH_ENGINE if searching else None
    tag = str(int(get_build_datetime().timestamp())) if searching else None
    context["archive_search_tag"] = tag
    context["archive_search_preloads"] = (
        [f"{BUNDLE_FOLDER}/pagefind-entry.json?ts={tag}", f"{BUNDLE_FOLDER}/{WEBASSEMBLY}"]
        if searching
        else []
    )
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write the feeds and data files, and index the notices for search, once every page is
    written (in `mkdocs serve` too)."""
    state = _state()
    if state.archive is None or state.renderer is None:
        return
    if state.settings.exports:
        write_exports(
            state.archive,
            state.renderer.urls,
            state.renderer.links,
            Path(config.site_dir),
            site_url=config.site_url,
            site_name=config.site_name,
            generated=get_build_datetime().date(),
        )
    if not state.settings.search:
        _clean_up(state)
        return
    started = time.perf_counter()
    try:
        assert state.search_indexed is not None
        count, seconds, reused = state.search_indexed()
    except SearchIndexError as exc:
        raise PluginError(f"The search index could not be built: {exc}") from None
    finally:
        _clean_up(state)
    waited = time.perf_counter() - started
    bundles = len(state.renderer.search_bundles)
    cached = f", {reused} of them copied from {SEARCH_CACHE}/" if reused else ""
    log.info(
        f"Search index: {count} notices indexed in {bundles} bundle(s){cached} in "
        f"{seconds:.1f} s (the build waited {waited:.1f} s for it)"
    )


def on_build_error(error: Exception) -> None:
    if _build is not None:
        _clean_up(_build)


def _clean_up(state: _Build) -> None:
    if state.prerenderer is not None:
        state.prerenderer.close()
    if state.scratch is not None:
        state.scratch.cleanup()
        state.scratch = None
