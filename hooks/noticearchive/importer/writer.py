"""Writing an imported notice as a source file: front matter in the archive's order, then text.

A notice goes where the archive expects it, ``<notices>/<year>/<agency>/<number-slug>.md``.
A notice that cannot be filed there (its body is unknown, or a required field was not found)
is written as a draft to the review folder, ``<notices>/_review/`` by default: the archive
skips folders whose name starts with "_", so a draft never breaks a build, and a document is
never lost. The draft's first lines say, as YAML comments, what to fix. No file is ever
replaced unless ``force`` is given.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model import Agency, DocumentType, Topic
from ..vietnamese import slugify
from .extract import Extracted

REVIEW_FOLDER = "_review"
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, kw_only=True, slots=True)
class Filing:
    """Where and how one extracted document is to be written."""

    extracted: Extracted
    agency: Agency | None
    doc_type: DocumentType | None
    topics: tuple[Topic, ...]
    problems: tuple[str, ...]
    """Why the notice needs review; empty when it can go into the archive."""
    proposal: str | None = None
    """A registry entry to add for an unknown issuing body."""

    @property
    def number(self) -> str | None:
        return self.extracted.number or self.extracted.fallback.number

    @property
    def year(self) -> int | None:
        found = self.extracted.date or self.extracted.fallback.date
        return found.year if found else None


def destination(filing: Filing, notices: Path, review: Path) -> Path:
    """The source path in the archive, or the draft's path in the review folder."""
    if not filing.problems and filing.agency and filing.number and filing.year:
        return notices / str(filing.year) / filing.agency.id / f"{slugify(filing.number)}.md"
    stem = Path(filing.extracted.source).stem or "notice"
    return review / f"{slugify(stem) or 'notice'}.md"


def render_source(filing: Filing) -> str:
    """The whole source file: comments for review (if any), front matter, Markdown body."""
    lines = [f"# needs review: {p}" for p in filing.problems]
    if filing.proposal:
        lines.append("# proposed entry for agencies.yml:")
        lines.extend(f"#   {row}" for row in filing.proposal.splitlines())
    lines.extend(_front_matter(filing))
    front = "\n".join(lines)
    return f"---\n{front}\n---\n\n{filing.extracted.body.strip()}\n"


def _front_matter(filing: Filing) -> list[str]:
    found = filing.extracted
    fallback = found.fallback
    issued = found.date or fallback.date
    fields: list[tuple[str, Any]] = [
        ("number", filing.number),
        ("type", filing.doc_type.id if filing.doc_type else None),
        ("title", found.title),
        ("agency", filing.agency.id if filing.agency else None),
        ("date", issued.isoformat() if issued else None),
        ("place", found.place or fallback.place),
    ]
    lines = [f"{name}: {_scalar(value)}" for name, value in fields if value]
    if filing.topics:
        lines.append("topics: [" + ", ".join(t.id for t in filing.topics) + "]")
    lines.extend(_signer(found))
    if found.recipients:
        lines.append("recipients:")
        lines.extend(f"  - {_scalar(r)}" for r in found.recipients)
    return lines


def _signer(found: Extracted) -> list[str]:
    parts = [
        ("authority", found.signer_authority),
        ("position", found.signer_title),
        ("name", found.signer_name),
    ]
    present = [(k, v) for k, v in parts if v]
    if not present:
        return []
    return ["signer:", *(f"  {k}: {_scalar(v)}" for k, v in present)]


def _scalar(value: str) -> str:
    """The value as a plain YAML scalar when it reads back unchanged as text, else quoted."""
    text = " ".join(str(value).split())
    if text and text == text.strip("'\"") and _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    try:
        loaded = yaml.load(f"k: {text}", Loader=_Loader)
    except yaml.YAMLError:
        return False
    # Dates stay text when the archive reads them, but "2013-10-10" is a date only in 'date'.
    return isinstance(loaded, dict) and str(loaded.get("k")) == text and _plain_safe(text)


def _plain_safe(text: str) -> bool:
    """Characters that YAML reads as text but that readers of the file may trip over."""
    return not text.startswith(("- ", "? ", "@", "`", "%", "!", "&", "*", "[", "{", "|", ">"))


@dataclass(frozen=True, slots=True)
class Written:
    """What happened to one document."""

    path: Path
    status: str
    """``imported``, ``review`` (a draft was written), ``skipped`` (the file exists)."""


def write(filing: Filing, target: Path, *, force: bool) -> Written:
    """Write the source unless a file is already there (and ``force`` is not given)."""
    status = "review" if filing.problems else "imported"
    if target.exists() and not force:
        return Written(target, "skipped")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_source(filing), encoding="utf-8")
    return Written(target, status)


def ids(items: Sequence[Topic]) -> str:
    return ", ".join(t.id for t in items)
