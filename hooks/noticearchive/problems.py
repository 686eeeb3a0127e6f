"""Problems found in the sources, each naming the file (and line) and what to do about it.

Two severities, as in MkDocs: an *error* means the archive cannot be built as it stands (the
notice cannot be placed or would overwrite another); a *warning* means the archive can be built
but something is wrong or was changed (a stray tag removed, a reference that leads nowhere).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, kw_only=True, slots=True)
class Problem:
    """One thing wrong with one source file."""

    severity: Severity
    path: str
    """The file, as a path relative to the archive's root folder when it lies inside it."""
    line: int | None
    """1-based line in the file, or None when the problem is about the file as a whole."""
    message: str
    """What is wrong and what to do, in one or two sentences."""

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(slots=True)
class Problems:
    """Collects every problem of a run, so that all of them are reported at once."""

    root: Path | None = None
    """Paths under this folder are shown relative to it."""
    items: list[Problem] = field(default_factory=list)

    def display_path(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None and path.is_absolute():
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def error(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(
            Problem(
                severity=Severity.ERROR,
                path=self.display_path(path),
                line=line,
                message=message,
            )
        )

    def warning(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(
            Problem(
                severity=Severity.WARNING,
                path=self.display_path(path),
                line=line,
                message=message,
            )
        )

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        """Problems ordered by file and line, so that a report reads top to bottom."""
        return sorted(self.items, key=lambda p: (p.path, p.line or 0, p.message))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
