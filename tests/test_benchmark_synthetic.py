"""The synthetic archive of the benchmarks is a valid archive of the promised shape.

A benchmark over sources that the archive rejects, or warns about, would time error paths and
not a build; and one over an archive smaller or plainer than promised (fewer bodies, shorter
texts) would flatter it. So the generator is checked by the archive's own loader.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from benchmarks.synthetic import (
    BODY_MAX_BYTES,
    BODY_MIN_BYTES,
    YEARS,
    generate,
)
from noticearchive.archive import load_archive
from noticearchive.cli import main as notices_main

N = 30


def test_synthetic_archive_is_valid_and_as_specified(tmp_path: Path) -> None:
    made = generate(N, tmp_path / "notices", tmp_path / "plain", seed=7)

    archive, problems = load_archive(tmp_path / "notices", root=tmp_path)
    assert [str(p) for p in problems.sorted()] == []
    assert len(archive.notices) == N
    # The staff command too, which fails on any warning with --strict.
    (tmp_path / "mkdocs.yml").write_text("extra:\n  notices:\n    dir: notices\n")
    assert notices_main(["--config", str(tmp_path / "mkdocs.yml"), "check", "--strict"]) == 0

    registry = archive.registry
    assert len(registry.agencies) == 50
    assert len(registry.topics) == 30
    assert len(registry.roots()) == 1, "one tree under the provincial People's Committee"
    assert len({n.year for n in archive.notices}) == YEARS == 15
    assert made.years == sorted({n.year for n in archive.notices})

    sizes = [len(n.body.encode("utf-8")) for n in archive.notices]
    assert all(BODY_MIN_BYTES <= size <= BODY_MAX_BYTES for size in sizes), sizes
    assert (BODY_MIN_BYTES, BODY_MAX_BYTES) == (3000, 5000)

    # About five mentions of other documents per notice, mostly of other notices.
    assert 4 * N <= made.mentions_local + made.mentions_national <= 6 * N
    assert made.mentions_local > made.mentions_national


def test_numbers_follow_the_decree(tmp_path: Path) -> None:
    """Công văn numbers carry no type abbreviation; the others carry their type's; numbers grow
    with the date within one body and year (they restart every year)."""
    generate(300, tmp_path / "notices", None, seed=3)
    archive, problems = load_archive(tmp_path / "notices", root=tmp_path)
    assert not problems.errors and not problems.warnings
    by_body_year: dict[tuple[str, int], list[tuple[date, int]]] = {}
    for notice in archive.notices:
        parsed = notice.parsed_number
        assert parsed.symbol is not None
        if notice.doc_type.abbr is None:
            assert archive.registry.type_by_abbr(parsed.type_abbr or "") is None, notice.number
        else:
            assert parsed.type_abbr == notice.doc_type.abbr, notice.number
        if parsed.year is None:  # legal normative decisions have a counter of their own
            by_body_year.setdefault((notice.agency.id, notice.year), []).append(
                (notice.date, int(parsed.sequence or 0))
            )
    for items in by_body_year.values():
        items.sort()
        sequences = [sequence for _date, sequence in items]
        assert sequences == sorted(sequences)
    assert Counter(n.doc_type.id for n in archive.notices)["cong-van"] > 0


def test_same_seed_same_files(tmp_path: Path) -> None:
    """Benchmarks compare runs: the same arguments must give byte-identical sources."""
    generate(20, tmp_path / "a", tmp_path / "a-plain", seed=11)
    generate(20, tmp_path / "b", tmp_path / "b-plain", seed=11)
    for left, right in (("a", "b"), ("a-plain", "b-plain")):
        files = sorted(p.relative_to(tmp_path / left) for p in (tmp_path / left).rglob("*.md"))
        assert files == sorted(
            p.relative_to(tmp_path / right) for p in (tmp_path / right).rglob("*.md")
        )
        for path in files:
            assert (tmp_path / left / path).read_bytes() == (tmp_path / right / path).read_bytes()


def test_plain_pages_mirror_the_notices(tmp_path: Path) -> None:
    """The baseline's pages hold the same text, at the addresses the archive gives them."""
    generate(10, tmp_path / "notices", tmp_path / "plain", seed=5)
    archive, _problems = load_archive(tmp_path / "notices", root=tmp_path)
    for notice in archive.notices:
        page = tmp_path / "plain" / str(notice.year) / notice.agency.id / f"{notice.number_slug}.md"
        text = page.read_text(encoding="utf-8")
        assert text.startswith(f"# {notice.title}\n\n")
        assert notice.body in text
