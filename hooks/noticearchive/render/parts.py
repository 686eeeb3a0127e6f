"""Pieces shared by many pages: notice lists, pagination, breadcrumbs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import urls as site
from ..model import Agency, Notice
from ..vietnamese import format_short_date
from .context import PageContext, esc
from .relations import list_badge


@dataclass(frozen=True, slots=True)
class Crumb:
    url: str
    text: str


def breadcrumbs(ctx: PageContext, trail: Sequence[Crumb], current: str) -> str:
    """A trail from the home page; the last crumb is the page itself (not a link)."""
    items = [f"<li>{ctx.link(site.HOME, 'Trang chủ')}</li>"]
    items += [f"<li>{ctx.link(c.url, c.text)}</li>" for c in trail]
    items.append(f'<li aria-current="page">{esc(current)}</li>')
    return f'<nav class="na-breadcrumbs" aria-label="Đường dẫn"><ol>{"".join(items)}</ol></nav>'


def agency_trail(ctx: PageContext, agency: Agency) -> list[Crumb]:
    """Cơ quan › parent bodies › the body."""
    chain = [*ctx.archive.registry.ancestors(agency), agency]
    return [Crumb(site.AGENCIES, "Cơ quan ban hành")] + [
        Crumb(ctx.urls.agency(a.id), a.short_name) for a in chain
    ]


def notice_item(ctx: PageContext, notice: Notice) -> str:
    """One notice in a list: title (the link), then number, type, body and date."""
    return (
        '<li class="na-item">'
        f'<a class="na-item__title" href="{ctx.href(ctx.urls.notice(notice))}">'
        f"{esc(notice.title)}</a>"
        '<div class="na-item__meta">'
        f'<span class="na-item__number">{esc(notice.number)}</span>'
        f'<span class="na-item__type">{esc(notice.doc_type.name)}</span>'
        f"<span>{ctx.link(ctx.urls.agency(notice.agency.id), notice.agency.short_name)}</span>"
        f'<time datetime="{notice.date.isoformat()}">{format_short_date(notice.date)}</time>'
        f"{list_badge(ctx, notice)}</div></li>"
    )


def notice_list(ctx: PageContext, notices: Sequence[Notice]) -> str:
    if not notices:
        return '<p class="na-empty">Chưa có văn bản nào.</p>'
    return f'<ol class="na-list">{"".join(notice_item(ctx, n) for n in notices)}</ol>'


@dataclass(frozen=True, slots=True)
class Paging:
    """One page of a paginated list."""

    page: int
    pages: int
    total: int
    size: int

    @property
    def first(self) -> int:
        """1-based position of the first item on this page."""
        return (self.page - 1) * self.size + 1

    @property
    def last(self) -> int:
        return min(self.page * self.size, self.total)

    def slice(self, items: Sequence[Notice]) -> Sequence[Notice]:
        return items[self.first - 1 : self.last]


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def count_line(paging: Paging) -> str:
    """ "123 văn bản, mới nhất trước · đang xem 51–100"."""
    text = f"{paging.total} văn bản, mới nhất trước"
    if paging.pages > 1:
        text += f" · đang xem {paging.first}–{paging.last}"
    return f'<p class="na-count">{text}</p>'


def pager(ctx: PageContext, paging: Paging, url_of_page) -> str:  # type: ignore[no-untyped-def]
    """Links to the other pages of a list: previous, numbers (with gaps), next."""
    if paging.pages <= 1:
        return ""
    shown = sorted(
        {1, paging.pages}
        | {p for p in range(paging.page - 2, paging.page + 3) if 1 <= p <= paging.pages}
    )
    items: list[str] = []
    if paging.page > 1:
        items.append(
            f'<li><a rel="prev" href="{ctx.href(url_of_page(paging.page - 1))}">‹ Trước</a></li>'
        )
    previous = 0
    for number in shown:
        if number - previous > 1:
            items.append('<li class="na-pager__gap">…</li>')
        if number == paging.page:
            items.append(f'<li aria-current="page"><span>{number}</span></li>')
        else:
            items.append(f'<li><a href="{ctx.href(url_of_page(number))}">{number}</a></li>')
        previous = number
    if paging.page < paging.pages:
        items.append(
            f'<li><a rel="next" href="{ctx.href(url_of_page(paging.page + 1))}">Sau ›</a></li>'
        )
    return f'<nav class="na-pager" aria-label="Trang"><ul>{"".join(items)}</ul></nav>'
