"""The open-data page: the files to download, their data dictionary, and the feeds."""

from __future__ import annotations

from ..exports import DATA_FOLDER, FEED_FILE, FIELDS
from .context import PageContext, RenderedPage, esc
from .parts import breadcrumbs

DATA_FILES = (
    ("van-ban.csv", "Bảng CSV (UTF-8), mỗi dòng một văn bản, mở được bằng Excel, LibreOffice"),
    ("van-ban.json", "JSON: danh sách các văn bản với đầy đủ thông tin và quan hệ"),
    ("toan-van.jsonl", "JSON Lines: mỗi dòng một văn bản, kèm toàn văn (Markdown)"),
)


def render_data(ctx: PageContext) -> RenderedPage:
    files = "".join(
        f"<li>{ctx.link(DATA_FOLDER + name, name)}: {esc(text)}</li>" for name, text in DATA_FILES
    )
    rows = "".join(f"<tr><td><code>{esc(k)}</code></td><td>{esc(v)}</td></tr>" for k, v in FIELDS)
    html = (
        breadcrumbs(ctx, [], "Dữ liệu mở")
        + "<h1>Dữ liệu mở</h1>"
        + f'<p class="na-lead">Toàn bộ {len(ctx.archive.notices)} văn bản của kho, tải về để '
        + "dùng lại tự do.</p>"
        + f"<ul>{files}</ul>"
        + '<h2 id="tu-dien">Từ điển dữ liệu</h2>'
        + "<table><thead><tr><th>Trường</th><th>Nội dung</th></tr></thead>"
        + f"<tbody>{rows}</tbody></table>"
        + '<h2 id="theo-doi">Theo dõi văn bản mới (Atom)</h2>'
        + "<p>Mỗi cơ quan, lĩnh vực và loại văn bản có một nguồn tin Atom riêng, ghi ở cuối "
        + f"trang danh sách tương ứng; nguồn tin của cả kho: {ctx.link(FEED_FILE, FEED_FILE)}.</p>"
    )
    return RenderedPage(html)
