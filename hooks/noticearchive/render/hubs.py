"""Hub pages: the home page, the agency tree, topics, types and the timeline, and their lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from .. import urls as site
from ..exports import DATA_FOLDER, FEED_FILE
from ..model import Agency, Notice
from ..urls import month_anchor
from ..vietnamese import month_name
from .context import PageContext, RenderedPage, esc
from .parts import Crumb, Paging, agency_trail, breadcrumbs, count_line, notice_list, pager


def _counted(ctx: PageContext, url: str, text: str, count: int) -> str:
    return f'{ctx.link(url, text)} <span class="na-n">{count}</span>'


def render_listing(
    ctx: PageContext,
    *,
    title: str,
    trail: Sequence[Crumb],
    notices: Sequence[Notice],
    paging: Paging,
    url_of_page: Callable[[int], str],
    intro: str = "",
    group_by_month: bool = False,
    feed: str | None = None,
) -> RenderedPage:
    """A paginated list of notices under a heading."""
    shown = paging.slice(notices)
    if group_by_month:
        sections = []
        for (year, month), items in groupby(shown, key=lambda n: (n.year, n.date.month)):
            heading = f"{month_name(month)} năm {year}"
            sections.append(
                f'<h2 id="{month_anchor(month)}">{esc(heading)}</h2>'
                + notice_list(ctx, list(items))
            )
        listing = "".join(sections)
    else:
        listing = notice_list(ctx, shown)
    page_note = f" — trang {paging.page}/{paging.pages}" if paging.pages > 1 else ""
    html = (
        breadcrumbs(ctx, trail, title)
        + f"<h1>{esc(title)}{esc(page_note)}</h1>"
        + intro
        + count_line(paging)
        + listing
        + pager(ctx, paging, url_of_page)
        + feed_link(ctx, feed)
    )
    return RenderedPage(html)


def feed_link(ctx: PageContext, feed: str | None) -> str:
    if feed is None:
        return ""
    return (
        f'<p class="na-feed"><a href="{ctx.href(feed)}" type="application/atom+xml">'
        "Theo dõi văn bản mới của danh sách này (Atom)</a></p>"
    )


def agency_intro(ctx: PageContext, agency: Agency) -> str:
    parts = []
    if agency.name != agency.short_name:
        parts.append(f'<p class="na-lead">{esc(agency.short_name)}</p>')
    children = ctx.archive.registry.children(agency.id)
    if children:
        total = ctx.archive.agency_total
        items = "".join(
            f"<li>{_counted(ctx, ctx.urls.agency(c.id), c.short_name, total(c.id))}</li>"
            for c in children
        )
        parts.append(f'<p>Đơn vị trực thuộc:</p><ul class="na-inline">{items}</ul>')
    return "".join(parts)


def agency_trail_above(ctx: PageContext, agency: Agency) -> list[Crumb]:
    """The trail to an agency page: every crumb but the agency itself."""
    return agency_trail(ctx, agency)[:-1]


def render_agencies(ctx: PageContext) -> RenderedPage:
    registry = ctx.archive.registry

    def tree(agencies: Sequence[Agency]) -> str:
        items = []
        for agency in agencies:
            own = len(ctx.archive.by_agency.get(agency.id, ()))
            total = ctx.archive.agency_total(agency.id)
            children = registry.children(agency.id)
            note = f" · {total} kể cả đơn vị trực thuộc" if children and total != own else ""
            items.append(
                f"<li>{ctx.link(ctx.urls.agency(agency.id), agency.name)} "
                f'<span class="na-n">{own} văn bản{note}</span>'
                + (tree(children) if children else "")
                + "</li>"
            )
        return f'<ul class="na-tree">{"".join(items)}</ul>'

    html = (
        breadcrumbs(ctx, [], "Cơ quan ban hành")
        + "<h1>Cơ quan ban hành</h1>"
        + f'<p class="na-count">{len(registry.agencies)} cơ quan, đơn vị</p>'
        + tree(registry.roots())
    )
    return RenderedPage(html)


def render_topics(ctx: PageContext) -> RenderedPage:
    items = []
    for topic in ctx.archive.registry.topics.values():
        count = len(ctx.archive.by_topic.get(topic.id, ()))
        description = (
            f'<p class="na-desc">{esc(topic.description)}</p>' if topic.description else ""
        )
        items.append(
            f"<li>{_counted(ctx, ctx.urls.topic(topic.id), topic.name, count)}{description}</li>"
        )
    html = (
        breadcrumbs(ctx, [], "Lĩnh vực")
        + "<h1>Lĩnh vực</h1>"
        + f'<ul class="na-index">{"".join(items)}</ul>'
    )
    return RenderedPage(html)


def render_types(ctx: PageContext) -> RenderedPage:
    items = []
    for doc_type in ctx.archive.registry.types.values():
        count = len(ctx.archive.by_type.get(doc_type.id, ()))
        if not count:
            continue
        abbr = f' <abbr class="na-abbr">{esc(doc_type.abbr)}</abbr>' if doc_type.abbr else ""
        items.append(
            f"<li>{_counted(ctx, ctx.urls.doc_type(doc_type.id), doc_type.name, count)}{abbr}</li>"
        )
    html = (
        breadcrumbs(ctx, [], "Loại văn bản")
        + "<h1>Loại văn bản</h1>"
        + f'<ul class="na-index">{"".join(items)}</ul>'
    )
    return RenderedPage(html)


def _month_item(ctx: PageContext, year: int, month: int, count: int) -> str:
    """A month of the timeline, leading to where it begins in its year's list."""
    page = ctx.archive.month_page(year, month, ctx.renderer.settings.page_size)
    url = ctx.urls.month(year, month, page)
    return f"<li>{_counted(ctx, url, month_name(month), count)}</li>"


def render_timeline(ctx: PageContext) -> RenderedPage:
    archive = ctx.archive
    rows = []
    for year in archive.years:
        months = "".join(
            _month_item(ctx, year, m, len(notices))
            for m in range(12, 0, -1)
            if (notices := archive.by_month.get((year, m)))
        )
        heading = _counted(ctx, ctx.urls.year(year), f"Năm {year}", len(archive.by_year[year]))
        rows.append(
            f'<section class="na-year"><h2>{heading}</h2>'
            f'<ul class="na-months">{months}</ul></section>'
        )
    html = breadcrumbs(ctx, [], "Theo thời gian") + "<h1>Theo thời gian</h1>" + "".join(rows)
    return RenderedPage(html)


def render_home(
    ctx: PageContext, site_name: str, latest: int, search: bool, exports: bool
) -> RenderedPage:
    archive = ctx.archive
    years = archive.years
    span = f", từ năm {years[-1]} đến năm {years[0]}" if years else ""
    used_agencies = sum(1 for a in archive.registry.agencies if a in archive.by_agency)
    entries = [
        (site.AGENCIES, "Theo cơ quan ban hành"),
        (site.TOPICS, "Theo lĩnh vực"),
        (site.TYPES, "Theo loại văn bản"),
        (site.TIMELINE, "Theo thời gian"),
    ]
    if search:
        entries.append((site.SEARCH, "Tìm kiếm toàn văn"))
    if exports:
        entries.append((DATA_FOLDER, "Dữ liệu mở"))
    browse = "".join(f"<li>{ctx.link(url, text)}</li>" for url, text in entries)
    html = (
        f"<h1>{esc(site_name)}</h1>"
        + f'<p class="na-lead">{len(archive.notices)} văn bản của {used_agencies} cơ quan'
        + f"{span}.</p>"
        + f'<nav class="na-browse" aria-label="Tra cứu"><ul>{browse}</ul></nav>'
        + "<h2>Văn bản mới nhất</h2>"
        + notice_list(ctx, archive.notices[:latest])
        + f"<p>{ctx.link(site.TIMELINE, 'Xem tất cả theo thời gian ›')}</p>"
        + feed_link(ctx, FEED_FILE if exports else None)
    )
    return RenderedPage(html)
