"""The plan of the site: every page the archive adds, with its address, title and renderer.

Pages are planned up front (so that the engine knows every address before it renders any page)
and rendered lazily, one at a time, so that no build holds all the HTML in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from . import urls as site
from .archive import Archive
from .exports import DATA_FOLDER, FEED_FILE
from .model import Notice
from .render import hubs
from .render.context import PageContext, RenderedPage
from .render.data_page import render_data
from .render.notice_page import render_notice
from .render.parts import Crumb, Paging, page_count
from .render.search_page import render_search
from .settings import Settings
from .urls import Urls


@dataclass(frozen=True, slots=True)
class SitePage:
    """A page of the archive, not yet rendered."""

    url: str
    title: str
    kind: str
    """notice, home, agencies, agency, topics, topic, types, type, timeline, year, search or
    data."""
    render: Callable[[PageContext], RenderedPage]
    notice: Notice | None = None
    description: str | None = None
    feed: str | None = None
    """Site-relative address of the Atom feed that follows this page's list, if any."""


def _paginated(
    *,
    kind: str,
    title: str,
    notices: Sequence[Notice],
    size: int,
    url_of_page: Callable[[int], str],
    trail: Callable[[PageContext], Sequence[Crumb]],
    intro: Callable[[PageContext], str] = lambda ctx: "",
    group_by_month: bool = False,
    feed: str | None = None,
) -> Iterator[SitePage]:
    pages = page_count(len(notices), size)
    for number in range(1, pages + 1):
        paging = Paging(number, pages, len(notices), size)

        def render(ctx: PageContext, paging: Paging = paging) -> RenderedPage:
            return hubs.render_listing(
                ctx,
                title=title,
                trail=trail(ctx),
                notices=notices,
                paging=paging,
                url_of_page=url_of_page,
                intro=intro(ctx) if paging.page == 1 else "",
                group_by_month=group_by_month,
                feed=feed,
            )

        page_title = title if number == 1 else f"{title} — trang {number}"
        yield SitePage(url_of_page(number), page_title, kind, render, feed=feed)


def plan_site(archive: Archive, settings: Settings, *, site_name: str) -> list[SitePage]:
    """Every page the archive contributes, in a stable order."""
    urls = Urls(settings)
    size = settings.page_size
    registry = archive.registry
    pages: list[SitePage] = [
        SitePage(
            site.HOME,
            site_name,
            "home",
            partial(
                hubs.render_home,
                site_name=site_name,
                latest=settings.home_latest,
                search=settings.search,
                exports=settings.exports,
            ),
            feed=FEED_FILE if settings.exports else None,
        ),
        SitePage(site.AGENCIES, "Cơ quan ban hành", "agencies", hubs.render_agencies),
        SitePage(site.TOPICS, "Lĩnh vực", "topics", hubs.render_topics),
        SitePage(site.TYPES, "Loại văn bản", "types", hubs.render_types),
        SitePage(site.TIMELINE, "Theo thời gian", "timeline", hubs.render_timeline),
    ]
    if settings.search:
        pages.append(SitePage(site.SEARCH, "Tìm kiếm", "search", render_search))
    if settings.exports:
        pages.append(SitePage(DATA_FOLDER, "Dữ liệu mở", "data", render_data))

    def feed_of(list_url: str) -> str | None:
        return list_url + FEED_FILE if settings.exports else None

    for agency in registry.agencies.values():
        pages += _paginated(
            kind="agency",
            title=agency.name,
            notices=archive.by_agency.get(agency.id, ()),
            size=size,
            url_of_page=partial(urls.agency, agency.id),
            trail=partial(hubs.agency_trail_above, agency=agency),
            intro=partial(hubs.agency_intro, agency=agency),
            feed=feed_of(urls.agency(agency.id)) if agency.id in archive.by_agency else None,
        )
    for topic in registry.topics.values():
        pages += _paginated(
            kind="topic",
            title=f"Lĩnh vực: {topic.name}",
            notices=archive.by_topic.get(topic.id, ()),
            size=size,
            url_of_page=partial(urls.topic, topic.id),
            trail=lambda ctx: [Crumb(site.TOPICS, "Lĩnh vực")],
            feed=feed_of(urls.topic(topic.id)) if topic.id in archive.by_topic else None,
        )
    for type_id, notices in archive.by_type.items():
        doc_type = registry.types[type_id]
        pages += _paginated(
            kind="type",
            title=doc_type.plural or doc_type.name,
            notices=notices,
            size=size,
            url_of_page=partial(urls.doc_type, type_id),
            trail=lambda ctx: [Crumb(site.TYPES, "Loại văn bản")],
            feed=feed_of(urls.doc_type(type_id)),
        )
    for year in archive.years:
        pages += _paginated(
            kind="year",
            title=f"Năm {year}",
            notices=archive.by_year[year],
            size=size,
            url_of_page=partial(urls.year, year),
            trail=lambda ctx: [Crumb(site.TIMELINE, "Theo thời gian")],
            group_by_month=True,
        )
    for notice in archive.notices:
        pages.append(
            SitePage(
                urls.notice(notice),
                f"{notice.number}: {notice.title}",
                "notice",
                partial(render_notice, notice=notice),
                notice=notice,
                description=notice.summary or notice.title,
            )
        )
    return pages
