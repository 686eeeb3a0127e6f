"""``notices import``: turn raw notice text into sources, and report what needs a human eye.

Each input (a file, or every ``.txt`` file under a folder) is read, matched against the
registries and written as a source where the archive expects it; what cannot be filed goes to
the review folder as a draft (see :mod:`.writer`). The summary lists every input with what was
done and why, then the registry entries proposed for unknown issuing bodies.

With ``--json`` nothing is written: one JSON object a line is printed per input, with the keys
that ../shared/corpus/score.py reads.

Exit status: 0 when every input was imported or skipped (its source already exists), 1 when
one needs review or could not be read, 2 when the registries or settings are broken.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..model import DocumentNumber, DocumentType, Topic
from ..problems import Problems
from ..project import find_project
from ..registry import Registry, load_registry, registry_ids
from ..source import parse_notice
from .agency import resolve_agency
from .extract import Extracted, extract_file
from .topics import suggest_topics
from .writer import REVIEW_FOLDER, Filing, Written, destination, ids, write


def add_import_command(commands: Any) -> None:
    """Register ``notices import`` on the subcommands of the ``notices`` parser."""
    parser = commands.add_parser(
        "import",
        help="import raw notice text (Word/PDF exports, scraped pages) as notice sources",
        description="Read each FILE (or every .txt file under a DIR), extract its metadata by "
        "the rules of Decree 30/2020/NĐ-CP and write it as notices/<year>/<agency>/<number>.md. "
        "Existing files are never replaced without --force. A notice whose issuing body is "
        "not registered, or whose required fields were not found, is written as a draft to "
        f"the review folder (notices/{REVIEW_FOLDER}/), which the archive ignores. Exit "
        "status 1 when an input needs review.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", type=Path)
    parser.add_argument(
        "--json",
        action="store_true",
        help="write nothing; print one JSON object a line per input (the extracted fields)",
    )
    parser.add_argument("--force", action="store_true", help="replace existing files")
    parser.add_argument("--dir", help="the notices folder (default: 'dir' of the settings)")
    parser.add_argument(
        "--review-dir", type=Path, help=f"folder for drafts (default: <notices>/{REVIEW_FOLDER})"
    )
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="ID",
        help="a topic id for every imported notice (repeatable); without it, topics are "
        "suggested from the words of topics.yml and the report asks to check them",
    )
    parser.set_defaults(run=run_import)


def input_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """The files to read, in a stable order, and a message for each path that is not there."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(f"{path}: no such file or folder")
    return files, errors


def run_import(args: argparse.Namespace) -> int:
    files, errors = input_files(args.paths)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if args.json:
        return _print_json(files) or (1 if errors else 0)
    project = find_project(args)
    if project is None:
        return 2
    folder = project.folder
    problems = Problems(root=folder.parent)
    registry = load_registry(folder, problems)
    if problems.errors:
        for problem in problems.sorted():
            print(f"{problem.severity.value}: {problem}", file=sys.stderr)
        return 2
    unknown = [t for t in args.topic if t not in registry.topics]
    if unknown:
        print(
            f"error: unknown topic(s) {', '.join(unknown)}; topics.yml has "
            f"{registry_ids(registry.topics)}",
            file=sys.stderr,
        )
        return 2
    session = _Session(folder, args.review_dir or folder / REVIEW_FOLDER, registry, args)
    for path in files:
        session.import_file(path)
    session.print_summary()
    return 1 if errors or session.needs_attention else 0


def _print_json(files: Sequence[Path]) -> int:
    failed = 0
    for path in files:
        try:
            row = extract_file(path).as_json()
        except OSError as exc:
            print(f"error: {path}: {exc.strerror or exc}", file=sys.stderr)
            failed += 1
            continue
        row["file"] = str(path)
        print(json.dumps(row, ensure_ascii=False))
    return 1 if failed else 0


def plan(
    extracted: Extracted, registry: Registry, topic_ids: Sequence[str] = ()
) -> tuple[Filing, list[str]]:
    """Relate what was extracted to the registries. Returns the filing and notes for the
    report that do not stop the import (suggested topics to check, values taken from a
    consolidated text's authentication block, decoding trouble)."""
    problems = [f"{name} not found" for name in extracted.missing()]
    issuer = extracted.issuer_lines or extracted.fallback.issuer_lines
    match = resolve_agency(issuer, registry.agencies, body_text=extracted.body)
    if issuer and match.problem:
        problems.append(match.problem)
    doc_type = _document_type(extracted.doc_type, registry)
    if extracted.doc_type and doc_type is None:
        problems.append(f"the type '{extracted.doc_type}' is not in types.yml")
    problems.extend(_contradictions(extracted, doc_type, registry))
    topics, note = _topics(extracted, registry, topic_ids)
    if not topics:
        problems.append("no topic could be suggested: add 'topics:' (or import with --topic)")
    filing = Filing(
        extracted=extracted,
        agency=match.agency,
        doc_type=doc_type,
        topics=topics,
        problems=tuple(problems),
        proposal=match.proposal,
    )
    notes = [*extracted.warnings, *([note] if note else [])]
    if extracted.fallback.number and not extracted.number:
        notes.append("number, date and body taken from the authentication (XÁC THỰC) block")
    return filing, notes


def _contradictions(
    extracted: Extracted, doc_type: DocumentType | None, registry: Registry
) -> list[str]:
    """An ambiguity: the number's type abbreviation names another type than the type line."""
    number = extracted.number or extracted.fallback.number
    abbr = DocumentNumber.parse(number).type_abbr if number else None
    named = registry.type_by_abbr(abbr) if abbr else None
    if doc_type is None or named is None or named.id == doc_type.id or doc_type.abbr is None:
        return []
    if doc_type.id == "van-ban-hop-nhat":
        return []  # a consolidated text keeps the number of the text it consolidates
    return [
        f"ambiguous type: the number says {named.name} ({abbr}) but the type line says "
        f"{doc_type.name}; check which is right"
    ]


def _document_type(name: str | None, registry: Registry) -> DocumentType | None:
    if not name:
        return None
    found = [t for t in registry.types.values() if t.name.casefold() == name.casefold()]
    return found[0] if found else None


def _topics(
    extracted: Extracted, registry: Registry, topic_ids: Sequence[str]
) -> tuple[tuple[Topic, ...], str | None]:
    if topic_ids:
        return tuple(registry.topics[t] for t in topic_ids), None
    topics = suggest_topics(extracted.title or "", extracted.body, registry.topics)
    note = f"topics suggested from its words: {ids(topics)}; check them" if topics else None
    return topics, note


@dataclass
class _Session:
    """One run of the command: the files written so far and the report."""

    folder: Path
    review: Path
    registry: Registry
    args: argparse.Namespace

    def __post_init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.proposals: dict[str, tuple[str, str]] = {}
        """Proposed registry entries by id (one per id), with the input they came from."""
        self.targets: dict[Path, str] = {}

    @property
    def needs_attention(self) -> bool:
        return bool(self.counts["review"] or self.counts["failed"])

    def import_file(self, path: Path) -> None:
        try:
            extracted = extract_file(path)
        except OSError as exc:
            self._report("failed", path, None, [f"cannot be read: {exc.strerror or exc}"])
            return
        filing, notes = plan(extracted, self.registry, self.args.topic)
        target = destination(filing, self.folder, self.review)
        if target in self.targets:
            # Two inputs of one run would be one notice (same body, year and number): the
            # second is kept as a draft, for staff to see whether it is a copy or a misprint.
            reason = f"{self.targets[target]} in this run has the same number, body and year"
            filing = replace(filing, problems=(*filing.problems, reason))
            target = destination(filing, self.folder, self.review)
        self.targets[target] = path.name
        written = write(filing, target, force=self.args.force)
        if written.status == "imported":
            errors = self._validate(written.path)
            if errors:
                # Never leave in the archive a source that would stop its build: the notice
                # goes to review with what the archive said.
                written.path.unlink()
                filing = replace(filing, problems=(*filing.problems, *errors))
                target = destination(filing, self.folder, self.review)
                written = write(filing, target, force=self.args.force)
        self._record(path, filing, written, notes)

    def _record(self, path: Path, filing: Filing, written: Written, notes: list[str]) -> None:
        if filing.proposal:
            proposed_id = filing.proposal.split(":", 1)[0]
            self.proposals.setdefault(proposed_id, (filing.proposal, path.name))
        if written.status == "skipped":
            self._report("skipped", path, written.path, ["exists; --force replaces it"])
            return
        self._report(written.status, path, written.path, list(filing.problems), notes)

    def _validate(self, target: Path) -> list[str]:
        """The errors the archive would report on the written source (there should be none)."""
        problems = Problems(root=self.folder.parent)
        parse_notice(target, self.registry, problems)
        return [f"the archive rejects it: {p.message}" for p in problems.errors]

    def _report(
        self,
        status: str,
        path: Path,
        target: Path | None,
        reasons: list[str],
        notes: Sequence[str] = (),
    ) -> None:
        self.counts[status] += 1
        if status in ("review", "failed"):
            self.reasons.update(r.split(" (")[0].split(":")[0] for r in reasons)
        where = f" -> {_shown(target)}" if target else ""
        print(f"{status:9} {path}{where}")
        for line in reasons:
            print(f"{'':9}   {line}")
        for line in notes:
            print(f"{'':9}   note: {line}")

    def print_summary(self) -> None:
        counts = self.counts
        print(
            f"\n{counts['imported']} imported, {counts['skipped']} skipped (already there), "
            f"{counts['review']} need review, {counts['failed']} failed"
        )
        if self.reasons:
            print("Needing review, by reason:")
            for reason, count in self.reasons.most_common():
                print(f"  {count:4}  {reason}")
        if self.proposals:
            print("\nProposed entries for agencies.yml (check the names, then add them):")
            for proposal, source in self.proposals.values():
                print(f"# from {source}\n{proposal}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
