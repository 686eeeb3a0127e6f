"""The ``notices`` command: staff tools that work without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .archive import load_archive
from .settings import Settings, SettingsError


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may hold tags such as !!python/name that only MkDocs resolves."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> Settings:
    """The archive settings from ``extra.notices`` of mkdocs.yml (defaults if it has none)."""
    if not config_file.is_file():
        return Settings()
    config: Any = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    extra = (config or {}).get("extra") or {}
    return Settings.from_mapping(extra.get("notices"))


def _check(args: argparse.Namespace) -> int:
    config_file = Path(args.config)
    root = config_file.resolve().parent
    try:
        settings = read_settings(config_file)
    except SettingsError as exc:
        for message in exc.messages:
            print(f"{config_file}: {message}", file=sys.stderr)
        return 2
    folder = Path(args.dir) if args.dir else root / settings.dir
    started = time.perf_counter()
    archive, problems = load_archive(folder, root=root)
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
