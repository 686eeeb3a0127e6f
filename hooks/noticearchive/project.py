"""Finding the archive from the command line: the settings in mkdocs.yml and the notices folder.

The ``notices`` commands run without MkDocs; they read the same ``extra.notices`` settings the
build reads, so that both look at the same folder.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    """The folder of mkdocs.yml: paths in messages are relative to it."""
    folder: Path
    """The notices folder."""
    settings: Settings


def find_project(args: argparse.Namespace) -> Project | None:
    """The project the command works on: --config's folder, and --dir or the settings' 'dir'.
    None, with the reasons printed, when the settings are invalid."""
    config_file = Path(args.config)
    try:
        settings = read_settings(config_file)
    except SettingsError as exc:
        for message in exc.messages:
            print(f"{config_file}: {message}", file=sys.stderr)
        return None
    root = config_file.resolve().parent
    folder = Path(args.dir) if getattr(args, "dir", None) else root / settings.dir
    return Project(root, folder, settings)
