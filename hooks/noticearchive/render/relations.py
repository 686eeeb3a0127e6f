"""The parts of a notice page that come from cross-references: status, relations both ways,
what it cites, what cites it, related notices and its neighbours in its series."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..crossref import Reference, Resolution, Status, related_notices, series_neighbours
from ..markdown_body import Heading, MentionLink
from ..model import Notice, RelationKind
from ..references import Mention
from ..urls import SEARCH
from ..vietnamese import format_short_date
from .context import PageContext, esc

# (acting on others, acted on by others) for each kind of relation.
RELATION_LABELS = {
    RelationKind.AMENDS: ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    RelationKind.REPLACES: ("Thay thế", "Bị thay thế bởi"),
    RelationKind.REPEALS: ("Bãi bỏ", "Bị bãi bỏ bởi"),
    RelationKind.IMPLEMENTS: ("Hướng dẫn, triển khai thực hiện", "Được hướng dẫn, triển khai bởi"),
    RelationKind.CORRECTS: ("Đính chính", "Được đính chính bởi"),
    RelationKind.BASED_ON: ("Căn cứ", "Là căn cứ của"),
}


def status_badge(status: Status) -> str:
    return f'<span class="na-badge na-badge--{status.slug}">{esc(status.label)}</span>'


def list_badge(ctx: PageContext, notice: Notice) -> str:
    """In lists only what a reader must notice: anything but plainly in force."""
    links = ctx.renderer.links
    if links is None:
        return ""
    status = links.status_of(notice)
    return "" if status is Status.IN_FORCE else status_badge(status)


def _notice_link(ctx: PageContext, notice: Notice) -> str:
    """A notice in a relation list: its name as a link, its date, body and subject. Only the
    href depends on the page; the rest is made once per notice, since a notice cited by many
    appears on all their pages."""
    texts = ctx.renderer.link_texts
    text = texts.get(notice)
    if text is None:
        text = texts[notice] = (
            f"{esc(notice.label)}</a> "
            f'<span class="na-rel__meta">({format_short_date(notice.date)}, '
            f"{esc(notice.agency.short_name)})</span>: {esc(notice.title)}"
        )
    return f'<a href="{ctx.href(ctx.urls.notice(notice))}">{text}'


_PROBE = re.compile(r"\d+[a-zA-Z]?[/-]")


@dataclass(slots=True)
class _MentionLinks:
    """Mentions of one notice's body, as links or marked spans (see ``mention_link``)."""

    ctx: PageContext
    by_key: dict[tuple[str, date | None, str | None], Reference]
    probes: tuple[str, ...]

    def __call__(self, mention: Mention) -> tuple[str, dict[str, str]] | None:
        reference = self.by_key.get(mention.key)
        if reference is None:
            return None
        if reference.target is not None:
            target = reference.target
            title = f"{target.label}, {format_short_date(target.date)}, {target.agency.short_name}"
            href = self.ctx.href(self.ctx.urls.notice(target))
            return "a", {"href": href, "class": "na-ref", "title": title}
        if reference.resolution is Resolution.AMBIGUOUS:
            names = "; ".join(
                f"{c.number} ngày {format_short_date(c.date)} ({c.agency.short_name})"
                for c in reference.candidates
            )
            title = f"Có nhiều văn bản cùng số: {names}"
            return "span", {"class": "na-ref na-ref--ambiguous", "title": title}
        return "span", {"class": "na-ref na-ref--external", "title": "Văn bản chưa có trong kho"}


def mention_link(ctx: PageContext, references: Sequence[Reference]) -> MentionLink:
    """What each mention in the body becomes: a link to the notice it names, or a span that
    says it is outside the archive or ambiguous."""
    probes = {m.group() for r in references if (m := _PROBE.match(r.mention.number))}
    return _MentionLinks(ctx, {r.mention.key: r for r in references}, tuple(sorted(probes)))


def _relations(ctx: PageContext, notice: Notice) -> str:
    links = ctx.renderer.links
    assert links is not None
    rows = []
    for kind, (acting, acted_on) in RELATION_LABELS.items():
        out = [r.target for r in links.relations_from.get(notice, ()) if r.kind is kind]
        into = [r.source for r in links.relations_to.get(notice, ()) if r.kind is kind]
        for label, notices in ((acting, out), (acted_on, into)):
            if notices:
                items = "".join(f"<li>{_notice_link(ctx, n)}</li>" for n in notices)
                rows.append(f"<div><dt>{esc(label)}</dt><dd><ul>{items}</ul></dd></div>")
    return f'<dl class="na-meta na-rel">{"".join(rows)}</dl>' if rows else ""


def _cited(ctx: PageContext, notice: Notice) -> str:
    links = ctx.renderer.links
    assert links is not None
    seen: set[tuple[str, object]] = set()
    items = []
    for reference in links.cites(notice):
        target = reference.target
        key = ("n", target) if target is not None else ("x", reference.mention.number)
        if key in seen:
            continue
        seen.add(key)
        if target is not None:
            items.append(f"<li>{_notice_link(ctx, target)}</li>")
        else:
            why = (
                "có nhiều văn bản cùng số trong kho"
                if reference.resolution is Resolution.AMBIGUOUS
                else "chưa có trong kho"
            )
            text = f"{reference.mention.type_word} {reference.mention.number}"
            items.append(
                f'<li><span class="na-ref--external">{esc(text[0].upper() + text[1:])}</span> '
                f'<span class="na-rel__meta">({why})</span></li>'
            )
    return f'<ul class="na-rel__list">{"".join(items)}</ul>' if items else ""


CITED_BY_SHOWN = 10
"""Notices citing a notice listed on its page, newest first; a decree cited by hundreds would
otherwise weigh more than its own text. The rest are a search away."""


def _cited_by(ctx: PageContext, notice: Notice, citing: Sequence[Notice]) -> str:
    html = _list(ctx, citing[:CITED_BY_SHOWN])
    rest = len(citing) - CITED_BY_SHOWN
    if rest > 0:
        more = f"và {rest} văn bản khác"
        if ctx.renderer.settings.search:
            query = urllib.parse.quote(notice.number)
            more = f'<a href="{ctx.href(SEARCH)}?q={query}&amp;sort=newest">{more}</a>'
        html += f'<p class="na-rel__more">{more}.</p>'
    return html


def _list(ctx: PageContext, notices: Sequence[Notice]) -> str:
    items = "".join(f"<li>{_notice_link(ctx, n)}</li>" for n in notices)
    return f'<ul class="na-rel__list">{items}</ul>'


def _series(ctx: PageContext, notice: Notice) -> str:
    older, newer = series_neighbours(ctx.archive, notice)
    if older is None and newer is None:
        return ""
    parts = []
    if older is not None:
        parts.append(
            f'<a rel="prev" href="{ctx.href(ctx.urls.notice(older))}">‹ {esc(older.number)} '
            f'<span class="na-rel__meta">{format_short_date(older.date)}</span></a>'
        )
    if newer is not None:
        parts.append(
            f'<a rel="next" href="{ctx.href(ctx.urls.notice(newer))}">{esc(newer.number)} '
            f'<span class="na-rel__meta">{format_short_date(newer.date)}</span> ›</a>'
        )
    label = f"{notice.doc_type.name} của {notice.agency.short_name}"
    return (
        f'<nav class="na-series" aria-label="{esc(label)}"><p>{esc(label)}, trước và sau:</p>'
        + "".join(parts)
        + "</nav>"
    )


def relation_sections(ctx: PageContext, notice: Notice) -> tuple[str, list[Heading]]:
    """The sections after the text, and their headings for the page's contents panel."""
    links = ctx.renderer.links
    if links is None:
        return "", []
    sections: list[tuple[str, str, str]] = []
    relations = _relations(ctx, notice)
    if relations:
        sections.append(("quan-he", "Quan hệ văn bản", relations))
    cited = _cited(ctx, notice)
    if cited:
        sections.append(("dan-chieu", "Văn bản được dẫn chiếu", cited))
    cited_by = links.cited_by.get(notice, [])
    if cited_by:
        sections.append(
            (
                "duoc-dan-chieu",
                "Văn bản dẫn chiếu tới văn bản này",
                _cited_by(ctx, notice, cited_by),
            )
        )
    related = related_notices(ctx.archive, notice)
    if related:
        sections.append(("lien-quan", "Văn bản liên quan", _list(ctx, related)))
    html = "".join(
        f'<section class="na-rel"><h2 id="{anchor}">{esc(title)}</h2>{content}</section>'
        for anchor, title, content in sections
    )
    headings = [
        Heading(level=2, id=anchor, title=title, children=()) for anchor, title, _ in sections
    ]
    return html + _series(ctx, notice), headings
