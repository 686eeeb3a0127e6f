"""Properties of the project itself: the archive stays independent of MkDocs, and the README
documents every field and setting."""

from __future__ import annotations

import ast
from dataclasses import fields

from noticearchive.settings import Settings
from noticearchive.source import KNOWN_FIELDS, SIGNER_FIELDS
from tests.support import REPO


def test_archive_package_does_not_import_mkdocs() -> None:
    offenders = []
    for path in (REPO / "hooks" / "noticearchive").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "mkdocs"]
    assert offenders == []


def test_readme_documents_every_front_matter_field() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key in KNOWN_FIELDS:
        assert f"| `{key}` |" in readme, key
    for key in SIGNER_FIELDS:
        assert f"`{key}`" in readme, key


def test_readme_documents_every_setting() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for setting in fields(Settings):
        assert f"| `{setting.name}` |" in readme, setting.name
