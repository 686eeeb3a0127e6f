"""The search page: a form that works as a plain GET form, and the data its script needs."""

from __future__ import annotations

import json

from .. import urls as site
from ..number_index import NUMBERS_FOLDER
from ..search import EVERY_NOTICE
from .context import PageContext, RenderedPage
from .parts import breadcrumbs

FILTER_LABELS = {
    "agency": "Cơ quan ban hành",
    "type": "Loại văn bản",
    "topic": "Lĩnh vực",
    "year": "Năm ban hành",
}


def _search_data(ctx: PageContext) -> str:
    """The agency tree (by the short names used as filter values) and the filter labels."""
    registry = ctx.archive.registry
    agencies = [
        {
            "name": a.short_name,
            "parent": registry.agencies[a.parent_id].short_name if a.parent_id else None,
        }
        for a in registry.agencies.values()
    ]
    # The index's bundles, newest first: the page searches the newest first, and a year
    # filter searches only the bundles holding those years.
    bundles = [
        {"path": f"{b.folder}/", "first": b.first_year, "last": b.last_year, "count": b.count}
        for b in ctx.renderer.search_bundles
    ]
    data = {
        "agencies": agencies,
        "labels": FILTER_LABELS,
        "everything": EVERY_NOTICE,
        "bundles": bundles,
        "numbers": f"{NUMBERS_FOLDER}/",
    }
    # "</" cannot end the script element early: JSON allows "<\/" for "</".
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def render_search(ctx: PageContext) -> RenderedPage:
    browse = ", ".join(
        ctx.link(url, text)
        for url, text in (
            (site.AGENCIES, "cơ quan ban hành"),
            (site.TOPICS, "lĩnh vực"),
            (site.TYPES, "loại văn bản"),
            (site.TIMELINE, "thời gian"),
        )
    )
    html = (
        breadcrumbs(ctx, [], "Tìm kiếm")
        + "<h1>Tìm kiếm văn bản</h1>"
        + '<form id="na-search-form" class="na-search" role="search" method="get" action="./">'
        + '<label class="na-search__label" for="na-q">Số, ký hiệu hoặc từ khóa</label>'
        + '<div class="na-search__row">'
        + '<input id="na-q" type="search" name="q" autocomplete="off" '
        + 'placeholder="Ví dụ: 405/TB, quyet dinh dat dai, Đồng Tháp">'
        + '<button type="submit">Tìm</button></div>'
        + '<p class="na-search__hint">Gõ có dấu hay không dấu đều được; gõ có dấu để chỉ tìm '
        + "đúng từ có dấu.</p>"
        + "</form>"
        + '<noscript><p class="na-search__noscript">Tìm kiếm toàn văn cần JavaScript. Không có '
        + f"JavaScript, bạn vẫn tra cứu được theo {browse}.</p></noscript>"
        + '<div class="na-search__layout">'
        # On a phone the filters fold away above the results; wider, they stand beside them.
        + '<details id="na-filter-box" class="na-search__filters">'
        + '<summary>Bộ lọc <span id="na-filter-count"></span></summary>'
        + '<aside id="na-filters" aria-label="Bộ lọc"></aside></details>'
        + '<section id="na-results" class="na-search__results" aria-live="polite"></section>'
        + "</div>"
        + f'<script type="application/json" id="na-search-data">{_search_data(ctx)}</script>'
        # Run as soon as it is loaded, not once the theme's scripts have run: every element
        # it uses stands before it.
        + f'<script type="module" async src="{ctx.href(site.ASSETS + "search.js")}"></script>'
    )
    return RenderedPage(html)
