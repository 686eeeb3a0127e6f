"""Cross-references: which notice a mention or a relation means, who cites whom, and the status
of each notice that follows from the relations.

Everything is computed once for the whole archive, in time linear in the number of notices and
mentions: numbers are looked up in a table, never compared pairwise.
"""

from __future__ import annotations

import enum
import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .archive import Archive, newest_first_key
from .model import Agency, Notice, RelationKind, RelationRef
from .problems import Problems
from .references import Mention, body_key, find_mentions, mask_code, number_key


class Resolution(enum.Enum):
    LINKED = "linked"
    """The mention names one notice of the archive."""
    EXTERNAL = "external"
    """No notice of the archive has that number: a document outside the archive."""
    AMBIGUOUS = "ambiguous"
    """Several notices have that number and nothing in the mention decides."""


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention in a notice's text, resolved."""

    mention: Mention
    resolution: Resolution
    target: Notice | None = None
    candidates: tuple[Notice, ...] = ()
    line: int = 0
    """Line of the mention in the source file."""


class Status(enum.Enum):
    """Where a notice stands, derived from the relations that act on it (strongest first)."""

    REPEALED = ("repealed", "Hết hiệu lực: bị bãi bỏ")
    REPLACED = ("replaced", "Hết hiệu lực: bị thay thế")
    NOT_YET = ("not-yet", "Chưa có hiệu lực")
    AMENDED = ("amended", "Còn hiệu lực, đã được sửa đổi, bổ sung")
    CORRECTED = ("corrected", "Đã được đính chính")
    IN_FORCE = ("in-force", "Còn hiệu lực")

    @property
    def slug(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]


@dataclass(frozen=True, slots=True)
class Relation:
    """A resolved relation: ``source`` acts on ``target`` as ``kind`` says."""

    kind: RelationKind
    source: Notice
    target: Notice


# What a relation does to its target, once it has taken effect.
_STATUS_OF = {
    RelationKind.REPEALS: Status.REPEALED,
    RelationKind.REPLACES: Status.REPLACED,
    RelationKind.AMENDS: Status.AMENDED,
    RelationKind.CORRECTS: Status.CORRECTED,
}
_STRENGTH = list(Status)


@dataclass(slots=True)
class CrossReferences:
    """Every resolved mention and relation of the archive, indexed both ways."""

    references: dict[Notice, list[Reference]] = field(default_factory=dict)
    cited_by: dict[Notice, list[Notice]] = field(default_factory=lambda: defaultdict(list))
    relations_from: dict[Notice, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    relations_to: dict[Notice, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    status: dict[Notice, Status] = field(default_factory=dict)
    _citations: set[tuple[int, int]] = field(default_factory=set, repr=False)
    """(target, citing) pairs already in ``cited_by``: a notice cited by thousands is checked
    in constant time."""

    def add_citation(self, target: Notice, citing: Notice) -> None:
        """Record that ``citing`` cites ``target`` (once, however often it names it)."""
        pair = (id(target), id(citing))
        if pair not in self._citations:
            self._citations.add(pair)
            self.cited_by[target].append(citing)

    def status_of(self, notice: Notice) -> Status:
        return self.status.get(notice, Status.IN_FORCE)

    def cites(self, notice: Notice) -> list[Reference]:
        return self.references.get(notice, [])


class NumberIndex:
    """Notices by number key; numbers restart every year, so a key may hold several.

    A number that carries its year (12/2018/QĐ-UBND, the series of legal normative documents)
    and one that does not (12/QĐ-UBND) belong to different series and never match."""

    def __init__(self, notices: Iterable[Notice]) -> None:
        self._by_key: dict[tuple[int, str, int | None], list[Notice]] = defaultdict(list)
        for notice in notices:
            key = number_key(notice.number)
            if key is not None:
                self._by_key[key].append(notice)

    def candidates(self, number: str) -> list[Notice]:
        key = number_key(number)
        return self._by_key.get(key, []) if key is not None else []


def _agency_names(agency: Agency) -> list[str]:
    return [body_key(n) for n in (agency.name, agency.short_name, *agency.aliases)]


def _names_body(body: str, agency: Agency, names: Mapping[str, list[str]]) -> bool:
    key = body_key(body)
    return any(key.startswith(name) for name in names[agency.id])


def _choose(
    candidates: list[Notice],
    citing: Notice,
    *,
    on: date | None,
    body: str | None,
    names: Mapping[str, list[str]],
) -> tuple[Resolution, Notice | None, tuple[Notice, ...]]:
    """Which of the notices with the mentioned number the mention means."""
    found = [c for c in candidates if c is not citing]
    if on is not None:
        # A date decides; one of the same year is taken as the same document with a slip
        # in the day. With neither, it is another body's document with the same number.
        found = [n for n in found if n.date == on] or [n for n in found if n.year == on.year]
    if not found:
        return Resolution.EXTERNAL, None, ()
    if body and len(found) > 1:
        found = [n for n in found if _names_body(body, n.agency, names)] or found
    if len(found) == 1:
        return Resolution.LINKED, found[0], ()
    # Otherwise the latest one dated before the citing notice, if that decides.
    earlier = sorted((n for n in found if n.date <= citing.date), key=newest_first_key)
    if earlier and (len(earlier) == 1 or earlier[0].date != earlier[1].date):
        return Resolution.LINKED, earlier[0], ()
    return Resolution.AMBIGUOUS, None, tuple(sorted(found, key=newest_first_key))


def _line_of(notice: Notice, text: str, offset: int) -> int:
    return notice.body_line + text.count("\n", 0, offset)


def _resolve_mentions(
    archive: Archive, index: NumberIndex, names: Mapping[str, list[str]], refs: CrossReferences
) -> None:
    for notice in archive.notices:
        resolved: list[Reference] = []
        for mention in find_mentions(mask_code(notice.body)):
            candidates = index.candidates(mention.number)
            if any(c is notice for c in candidates) and len(candidates) == 1:
                continue  # a notice naming its own number is not a reference
            resolution, target, ambiguous = _choose(
                candidates, notice, on=mention.date, body=mention.body, names=names
            )
            resolved.append(
                Reference(
                    mention=mention,
                    resolution=resolution,
                    target=target,
                    candidates=ambiguous,
                    line=_line_of(notice, notice.body, mention.start),
                )
            )
            if target is not None:
                refs.add_citation(target, notice)
        refs.references[notice] = resolved


def _resolve_relation(
    ref: RelationRef, notice: Notice, index: NumberIndex
) -> tuple[Notice | None, str]:
    """The notice a front-matter relation names: by number, then year and agency if given,
    then the only one dated before the acting notice."""
    candidates = [c for c in index.candidates(ref.number) if c is not notice]
    if ref.year is not None:
        candidates = [c for c in candidates if c.year == ref.year]
    if ref.agency_id is not None:
        candidates = [c for c in candidates if c.agency.id == ref.agency_id]
    earlier = [c for c in candidates if c.date <= notice.date]
    if len(candidates) == 1:
        return candidates[0], ""
    if not candidates:
        return None, "no notice of the archive has this number"
    if len(earlier) == 1:
        return earlier[0], ""
    listed = ", ".join(f"{c.number} ({c.year}, {c.agency.id})" for c in candidates)
    return None, f"several notices have this number: {listed}; add the year or the agency"


def _resolve_relations(
    archive: Archive, index: NumberIndex, refs: CrossReferences, problems: Problems
) -> None:
    for notice in archive.notices:
        for ref in notice.relations:
            target, why = _resolve_relation(ref, notice, index)
            if target is None:
                problems.warning(
                    Path(notice.source),
                    ref.line,
                    f"'{ref.kind.value}: {ref.number}' leads nowhere: {why}. Fix the number, or "
                    "remove the entry if the document is not in the archive",
                )
                continue
            relation = Relation(ref.kind, notice, target)
            refs.relations_from[notice].append(relation)
            refs.relations_to[target].append(relation)
            refs.add_citation(target, notice)


def _effective(notice: Notice) -> date:
    return notice.effective_date or notice.date


def _derive_status(archive: Archive, refs: CrossReferences, as_of: date) -> None:
    for notice in archive.notices:
        status = Status.NOT_YET if _effective(notice) > as_of else Status.IN_FORCE
        for relation in refs.relations_to.get(notice, ()):
            acted = _STATUS_OF.get(relation.kind)
            if acted is None or _effective(relation.source) > as_of:
                continue
            if _STRENGTH.index(acted) < _STRENGTH.index(status):
                status = acted
        refs.status[notice] = status


def cross_reference(archive: Archive, *, as_of: date, problems: Problems) -> CrossReferences:
    """Resolve every mention and relation of the archive and derive each notice's status."""
    index = NumberIndex(archive.notices)
    names = {a.id: _agency_names(a) for a in archive.registry.agencies.values()}
    refs = CrossReferences()
    _resolve_mentions(archive, index, names, refs)
    _resolve_relations(archive, index, refs, problems)
    for citing in refs.cited_by.values():
        citing.sort(key=newest_first_key)
    _derive_status(archive, refs, as_of)
    return refs


def related_notices(archive: Archive, notice: Notice, *, limit: int = 5) -> list[Notice]:
    """A few notices on the same subject: of the same body and a shared topic first, then of
    any body with a shared topic; most recent first within each."""
    topics = sorted({t.id for t in notice.topics})
    chosen: list[Notice] = []
    same_body = _merged([archive.by_agency_topic.get((notice.agency.id, t), ()) for t in topics])
    any_body = _merged([archive.by_topic.get(t, ()) for t in topics])
    for pool in (same_body, any_body):
        for other in pool:
            if len(chosen) == limit:
                return chosen
            if other is not notice and other not in chosen:
                chosen.append(other)
    return chosen


def _merged(lists: list[tuple[Notice, ...]]) -> Iterable[Notice]:
    """The notices of several newest-first lists, newest first (a notice in two lists comes
    twice): only as many are looked at as are taken."""
    return heapq.merge(*lists, key=newest_first_key)


def series_neighbours(archive: Archive, notice: Notice) -> tuple[Notice | None, Notice | None]:
    """(previous, next): the notices of the same body and type just before and after it."""
    series = archive.by_series[(notice.agency.id, notice.doc_type.id)]
    position = archive.position_in_series[notice]
    newer = series[position - 1] if position > 0 else None
    older = series[position + 1] if position + 1 < len(series) else None
    return older, newer
