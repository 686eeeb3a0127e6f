"""The page of one notice: breadcrumbs, heading, metadata panel, text, signature."""

from __future__ import annotations

from ..model import Notice
from ..vietnamese import format_date
from .context import PageContext, RenderedPage, esc
from .parts import agency_trail, breadcrumbs
from .relations import mention_link, relation_sections, status_badge


def _row(label: str, value: str) -> str:
    return f"<div><dt>{esc(label)}</dt><dd>{value}</dd></div>"


def _agency_value(ctx: PageContext, notice: Notice) -> str:
    value = ctx.link(ctx.urls.agency(notice.agency.id), notice.agency.name)
    parents = ctx.archive.registry.ancestors(notice.agency)
    if parents:
        parent = parents[-1]
        value += (
            f' <span class="na-meta__parent">(thuộc '
            f"{ctx.link(ctx.urls.agency(parent.id), parent.short_name)})</span>"
        )
    return value


def _signer_lines(notice: Notice) -> list[str]:
    signer = notice.signer
    return [x for x in (signer.authority, signer.position, signer.name) if x]


def metadata_panel(ctx: PageContext, notice: Notice) -> str:
    urls = ctx.urls
    year_page = ctx.archive.year_page(notice, ctx.renderer.settings.page_size)
    rows = [
        _row("Số, ký hiệu", f'<span class="na-meta__number">{esc(notice.number)}</span>'),
        _row("Loại văn bản", ctx.link(urls.doc_type(notice.doc_type.id), notice.doc_type.name)),
        _row("Cơ quan ban hành", _agency_value(ctx, notice)),
        _row(
            "Ngày ban hành",
            f'<a href="{ctx.href(urls.month(notice.year, notice.date.month, year_page))}">'
            f'<time datetime="{notice.date.isoformat()}">{format_date(notice.date)}</time></a>',
        ),
        _row("Nơi ban hành", esc(notice.place)),
    ]
    if notice.effective_date:
        rows.append(
            _row(
                "Ngày có hiệu lực",
                f'<time datetime="{notice.effective_date.isoformat()}">'
                f"{format_date(notice.effective_date)}</time>",
            )
        )
    rows.append(
        _row("Lĩnh vực", ", ".join(ctx.link(urls.topic(t.id), t.name) for t in notice.topics))
    )
    rows.append(_row("Người ký", "<br>".join(esc(x) for x in _signer_lines(notice))))
    if notice.recipients:
        items = "".join(f"<li>{esc(r)}</li>" for r in notice.recipients)
        rows.append(_row("Nơi nhận", f'<ul class="na-meta__recipients">{items}</ul>'))
    if notice.attachments:
        links = "".join(
            f"<li>{ctx.link(urls.attachment(notice, a), a.title)}</li>" for a in notice.attachments
        )
        rows.append(_row("Tệp đính kèm", f"<ul>{links}</ul>"))
    return f'<dl class="na-meta">{"".join(rows)}</dl>'


def signature_block(notice: Notice) -> str:
    lines = _signer_lines(notice)
    parts = [f'<p class="na-sign__authority">{esc(x)}</p>' for x in lines[:-1]]
    parts.append(f'<p class="na-sign__name">{esc(lines[-1])}</p>')
    return f'<div class="na-sign">{"".join(parts)}</div>'


def render_notice(ctx: PageContext, notice: Notice) -> RenderedPage:
    links = ctx.renderer.links
    link = mention_link(ctx, links.cites(notice)) if links is not None else None
    body = ctx.renderer.body.render(notice.body, link=link)
    status = status_badge(links.status_of(notice)) if links is not None else ""
    sections, headings = relation_sections(ctx, notice)
    summary = f'<p class="na-notice__summary">{esc(notice.summary)}</p>' if notice.summary else ""
    html = (
        breadcrumbs(ctx, agency_trail(ctx, notice.agency), notice.number)
        + '<article class="na-notice">'
        + '<header class="na-notice__head">'
        + f'<p class="na-notice__kicker">{esc(notice.doc_type.name)} · Số {esc(notice.number)}</p>'
        + f"<h1>{esc(notice.title)}</h1>"
        + status
        + "</header>"
        + metadata_panel(ctx, notice)
        + summary
        + f'<div class="na-body">{body.html}</div>'
        + signature_block(notice)
        + sections
        + "</article>"
    )
    return RenderedPage(html, body.headings + tuple(headings))
