"""The archive's settings (``extra.notices`` in mkdocs.yml), validated before anything runs.

MkDocs gives hooks no configuration schema, so the archive checks its own settings and fails
with every problem listed, in the manner of MkDocs' own configuration errors.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .registry import suggest

URL_FIELDS = frozenset({"year", "agency", "number", "type"})


class SettingsError(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True, kw_only=True, slots=True)
class Settings:
    """Every setting with its default. Keys in mkdocs.yml are the field names."""

    dir: str = "notices"
    """Folder of the notice sources and registries, relative to mkdocs.yml."""
    notice_url: str = "{year}/{agency}/{number}"
    """Address of a notice page. Fields: year, agency (id), number (as a slug), type (id).
    It must contain year, agency and number, the identity of a notice, so that an address
    never changes when another field is corrected and two notices never share one."""
    page_size: int = 50
    """Notices per page in lists."""
    home_latest: int = 20
    """Notices on the home page."""
    search: bool = True
    """Build the Pagefind search index after the site."""
    search_bundle_size: int = 1500
    """Most notices in one bundle of the search index (a run of consecutive years; a larger
    year is a bundle of its own; the newest bundle, which the search page reads first, holds a
    third of this). Pagefind needs about 40 MB and 0.3 MB a notice to index a bundle."""
    search_jobs: int = 2
    """Bundles of the search index indexed at the same time, each by a Pagefind process of its
    own. Pagefind compresses on one core: two runs on two cores take about two thirds of the
    time of one after the other, for twice the memory."""
    search_cache: bool = True
    """Keep each bundle of the search index in ``.cache/search/`` beside ``mkdocs.yml``: a
    bundle whose notices have not changed is copied from there instead of indexed again."""
    exports: bool = True
    """Write Atom feeds of the lists and the archive as CSV and JSON (the open-data page)."""
    cross_references: bool = True
    """Link mentions of documents, show relations, statuses, "cited by" and related notices.
    Off, the build skips that work (a quicker preview of a large archive)."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> Settings:
        values = dict(values or {})
        messages: list[str] = []
        known = {f.name: f for f in fields(cls)}
        defaults = cls()
        for key in values:
            if key not in known:
                messages.append(
                    f"extra.notices: unknown setting '{key}'.{suggest(key, known)} "
                    f"Settings: {', '.join(known)}"
                )
        for key, value in list(values.items()):
            if key not in known:
                del values[key]
                continue
            expected = type(getattr(defaults, key))
            if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
                messages.append(f"extra.notices.{key}: expected a whole number, got {value!r}")
            elif expected is int and value < 1:
                messages.append(f"extra.notices.{key}: expected a number above 0, got {value}")
            elif expected is not int and not isinstance(value, expected):
                messages.append(f"extra.notices.{key}: expected {expected.__name__}, got {value!r}")
        url = values.get("notice_url")
        if isinstance(url, str):
            messages.extend(_check_url_format(url))
        if messages:
            raise SettingsError(messages)
        return cls(**values)


def _check_url_format(url: str) -> list[str]:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(url) if name is not None}
    except ValueError as exc:
        return [f"extra.notices.notice_url: {exc} in {url!r}"]
    messages = []
    unknown = names - URL_FIELDS
    if unknown:
        messages.append(
            f"extra.notices.notice_url: unknown field(s) {sorted(unknown)}; use "
            f"{', '.join(sorted(URL_FIELDS))}"
        )
    missing = {"year", "agency", "number"} - names
    if missing:
        messages.append(
            f"extra.notices.notice_url: {url!r} lacks {sorted(missing)}; an address must hold "
            "the year, agency and number, or two notices could share it"
        )
    if url.startswith("/") or url.endswith("/"):
        messages.append("extra.notices.notice_url: write it without leading or trailing '/'")
    return messages
