"""The number directory of the search index: which years hold the notices of each number.

A search for a number ("29/TB-UBND", or its start "29/TB") finds the notice itself in one
bundle of the index, and the notices that cite it in others. The search page shows what the
first bundle it reads has found while it reads the others; but the number a reader types is
seldom in the newest bundle, which the page reads first, so a number search read every bundle
before it showed anything (at 10,000 notices, 550 kB and a second). The directory lets the
page read the bundles that hold the number first: one small file for each leading integer of
the archive's numbers (``so-hieu/29.json``), listing the numbers that begin with it and the year
of each.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .model import Notice

NUMBERS_FOLDER = "so-hieu"
"""Where the directory is written, relative to the site's root."""

_LEADING_INTEGER = re.compile(r"(\d+)/")


def leading_integer(number: str) -> str | None:
    """The integer a document number begins with, without leading zeros ("05/TB" → "5");
    ``None`` if it begins otherwise."""
    found = _LEADING_INTEGER.match(number)
    return str(int(found.group(1))) if found else None


def number_directory(notices: Iterable[Notice]) -> dict[str, list[tuple[str, int]]]:
    """For each leading integer, the numbers that begin with it and their years, in order."""
    entries: defaultdict[str, set[tuple[str, int]]] = defaultdict(set)
    for notice in notices:
        key = leading_integer(notice.number)
        if key is not None:
            entries[key].add((notice.number, notice.year))
    return {key: sorted(found) for key, found in entries.items()}


def write_number_directory(notices: Iterable[Notice], site_dir: Path) -> int:
    """Write the directory's files into ``site_dir``; how many were written."""
    folder = site_dir / NUMBERS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    directory = number_directory(notices)
    for key, entries in directory.items():
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        (folder / f"{key}.json").write_text(text, encoding="utf-8")
    return len(directory)
