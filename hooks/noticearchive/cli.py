"""The ``notices`` command: staff tools that work without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date

from .archive import load_archive
from .crossref import Reference, Resolution, cross_reference
from .importer.command import add_import_command
from .project import find_project
from .vietnamese import format_short_date


def _check(args: argparse.Namespace) -> int:
    project = find_project(args)
    if project is None:
        return 2
    started = time.perf_counter()
    archive, problems = load_archive(project.folder, root=project.root)
    if project.settings.cross_references and not problems.errors:
        # Relations that lead nowhere are warnings of the build: report them here too.
        cross_reference(archive, as_of=date.today(), problems=problems)
    elapsed = time.perf_counter() - started
    for problem in problems.sorted():
        print(f"{problem.severity.value}: {problem}", file=sys.stderr)
    errors, warnings = len(problems.errors), len(problems.warnings)
    summary = (
        f"{len(archive.notices)} notices valid, {errors} error(s), {warnings} warning(s) "
        f"in {elapsed:.2f} s"
    )
    print(summary)
    if errors or (args.strict and warnings):
        return 1
    return 0


def _refs(args: argparse.Namespace) -> int:
    project = find_project(args)
    if project is None:
        return 2
    archive, problems = load_archive(project.folder, root=project.root)
    links = cross_reference(archive, as_of=date.today(), problems=problems)
    wanted = {Resolution.EXTERNAL, Resolution.AMBIGUOUS}
    if args.all:
        wanted.add(Resolution.LINKED)
    counts: Counter[Resolution] = Counter()
    for notice in archive.notices:
        for reference in links.cites(notice):
            counts[reference.resolution] += 1
            if reference.resolution in wanted:
                print(_reference_line(notice.source, reference))
    for problem in problems.sorted():
        print(f"{problem.severity.value}: {problem}", file=sys.stderr)
    print(
        f"{counts[Resolution.LINKED]} linked, {counts[Resolution.EXTERNAL]} outside the "
        f"archive, {counts[Resolution.AMBIGUOUS]} ambiguous; {len(problems)} problem(s) "
        "in relations",
        file=sys.stderr,
    )
    return 1 if problems.errors else 0


def _reference_line(source: str, reference: Reference) -> str:
    """One tab-separated line: where, what kind, the mention, and what it may mean."""
    mention = reference.mention
    said = f"{mention.type_word} {mention.number}"
    if mention.date:
        said += f" ngày {format_short_date(mention.date)}"
    if reference.target is not None:
        means = reference.target.source
    elif reference.candidates:
        means = " | ".join(
            f"{c.source} ({format_short_date(c.date)}, {c.agency.id})" for c in reference.candidates
        )
    else:
        means = "not in the archive"
    return f"{source}:{reference.line}\t{reference.resolution.value}\t{said}\t{means}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notices", description="Tools for the notices archive (run from the project folder)."
    )
    parser.add_argument(
        "--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="validate every notice and registry without building the site",
        description="Validate the registries and every notice; print each problem with its file "
        "and line. Exit status 1 when there is an error (or, with --strict, a warning).",
    )
    check.add_argument("--dir", help="the notices folder (default: 'dir' of the settings)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=_check)
    add_import_command(commands)
    refs = commands.add_parser(
        "refs",
        help="list mentions of documents that are outside the archive or ambiguous",
        description="Resolve every mention of a document in the notices' text. Print one "
        "tab-separated line for each that points outside the archive or could mean several "
        "notices (file:line, resolution, mention, candidates): the notices to add or fix.",
    )
    refs.add_argument("--dir", help="the notices folder (default: 'dir' of the settings)")
    refs.add_argument("--all", action="store_true", help="list the linked mentions too")
    refs.set_defaults(run=_refs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
