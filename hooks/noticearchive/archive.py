"""The whole archive: every valid notice, with the groupings that pages are made of."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from .model import Notice
from .problems import Problems
from .registry import Registry, load_registry
from .source import parse_notice

K = TypeVar("K", bound=Hashable)
_YEAR_FOLDER = re.compile(r"^\d{4}$")
_SEQUENCE = re.compile(r"^\d+")


def newest_first_key(notice: Notice) -> tuple[int, int, str, str]:
    """Sort key for lists: newest date first, then the higher number, then by body and number.

    Notices of one day are ordered by their sequence number, so that 406 lists above 405."""
    sequence = _SEQUENCE.match(notice.number)
    return (
        -notice.date.toordinal(),
        -int(sequence.group()) if sequence else 0,
        notice.agency.id,
        notice.number,
    )


def _group(
    notices: Iterable[Notice], keys_of: Callable[[Notice], Iterable[K]]
) -> Mapping[K, tuple[Notice, ...]]:
    groups: dict[K, list[Notice]] = defaultdict(list)
    for notice in notices:
        for key in keys_of(notice):
            groups[key].append(notice)
    return MappingProxyType({key: tuple(items) for key, items in groups.items()})


def _positions(groups: Mapping[K, tuple[Notice, ...]]) -> Mapping[Notice, int]:
    return MappingProxyType({n: i for notices in groups.values() for i, n in enumerate(notices)})


@dataclass(frozen=True, slots=True)
class Archive:
    """Notices (newest first) and their groupings; every tuple keeps newest-first order."""

    registry: Registry
    notices: tuple[Notice, ...]
    by_agency: Mapping[str, tuple[Notice, ...]]
    by_topic: Mapping[str, tuple[Notice, ...]]
    by_type: Mapping[str, tuple[Notice, ...]]
    by_year: Mapping[int, tuple[Notice, ...]]
    by_month: Mapping[tuple[int, int], tuple[Notice, ...]]
    by_series: Mapping[tuple[str, str], tuple[Notice, ...]]
    """Notices of one body and one type: the series a number belongs to."""
    by_agency_topic: Mapping[tuple[str, str], tuple[Notice, ...]]
    """Notices of one body on one topic (related notices are looked up here)."""
    position_in_series: Mapping[Notice, int]
    position_in_year: Mapping[Notice, int]
    """0-based place of each notice in the (newest first) list of its year."""

    @classmethod
    def of(cls, registry: Registry, notices: Sequence[Notice]) -> Archive:
        ordered = tuple(sorted(notices, key=newest_first_key))
        series = _group(ordered, lambda n: ((n.agency.id, n.doc_type.id),))
        by_year = _group(ordered, lambda n: (n.year,))
        return cls(
            registry=registry,
            notices=ordered,
            by_agency=_group(ordered, lambda n: (n.agency.id,)),
            by_topic=_group(ordered, lambda n: (t.id for t in n.topics)),
            by_type=_group(ordered, lambda n: (n.doc_type.id,)),
            by_year=by_year,
            by_month=_group(ordered, lambda n: ((n.year, n.date.month),)),
            by_series=series,
            by_agency_topic=_group(ordered, lambda n: ((n.agency.id, t.id) for t in n.topics)),
            position_in_series=_positions(series),
            position_in_year=_positions(by_year),
        )

    def agency_total(self, agency_id: str) -> int:
        """Notices of the body and of all bodies under it."""
        ids = [agency_id] + [a.id for a in self.registry.descendants(agency_id)]
        return sum(len(self.by_agency.get(i, ())) for i in ids)

    def year_page(self, notice: Notice, page_size: int) -> int:
        """The page of its year's list on which a notice appears."""
        return self.position_in_year[notice] // page_size + 1

    def month_page(self, year: int, month: int, page_size: int) -> int:
        """The page of the year's list on which the month begins."""
        return self.year_page(self.by_month[(year, month)][0], page_size)

    @property
    def years(self) -> list[int]:
        """Years that have notices, newest first."""
        return sorted(self.by_year, reverse=True)


def notice_files(folder: Path) -> list[Path]:
    """Notice sources: every ``.md`` file under the folder, but README files and those whose
    name starts with '_' or '.', in a stable order."""
    return sorted(
        path
        for path in folder.rglob("*.md")
        if path.name.lower() != "readme.md"
        and not any(part.startswith(("_", ".")) for part in path.relative_to(folder).parts)
    )


def load_archive(folder: Path, *, root: Path | None = None) -> tuple[Archive, Problems]:
    """Load the registries and every notice under ``folder``; report all problems at once.

    ``root`` is the folder that paths in messages are relative to (the project's root)."""
    problems = Problems(root=root or folder.parent)
    if not folder.is_dir():
        problems.error(folder, None, "the notices folder does not exist: create it or fix 'dir'")
        return Archive.of(Registry({}, {}, {}), []), problems
    registry = load_registry(folder, problems)
    if problems.errors:
        # Without complete registries every notice would report the same unknown ids.
        return Archive.of(registry, []), problems
    notices: list[Notice] = []
    for path in notice_files(folder):
        notice = parse_notice(path, registry, problems)
        if notice is not None:
            _check_folder(path, notice, problems)
            notices.append(notice)
    return Archive.of(registry, _without_duplicates(notices, problems)), problems


def _check_folder(path: Path, notice: Notice, problems: Problems) -> None:
    """Sources are kept by year; one filed under another year is easily lost."""
    folders = [p for p in path.parent.parts if _YEAR_FOLDER.match(p)]
    if folders and int(folders[-1]) != notice.year:
        problems.warning(
            path,
            notice.line_of("date"),
            f"the notice is dated {notice.year} but kept in the folder {folders[-1]}/: move it "
            f"to {notice.year}/ (its address depends on the date, not the folder)",
        )


def _without_duplicates(notices: list[Notice], problems: Problems) -> list[Notice]:
    """Two notices of one body with one number in one year would share an address."""
    first_of: dict[tuple[str, int, str], Notice] = {}
    duplicated: set[tuple[str, int, str]] = set()
    for notice in notices:
        other = first_of.setdefault(notice.key, notice)
        if other is not notice:
            duplicated.add(notice.key)
            problems.error(
                Path(notice.source),
                notice.line_of("number"),
                f"{notice.label} of {notice.agency.short_name} in {notice.year} is already "
                f"{other.source}: a number is unique within one body and one year. "
                "Fix the number, the date or the agency of one of them",
            )
    return [n for n in notices if n.key not in duplicated]
