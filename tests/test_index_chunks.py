"""Dividers: the words that cut a bundle's word index into chunks of even size."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from noticearchive.archive import load_archive
from noticearchive.index_chunks import (
    QUIET_LETTERS,
    TARGET_LOCATIONS,
    Dividers,
    WordCount,
    divider_between,
    plan_dividers,
    repeats_to_fill,
    spelling_base,
    words_of,
)
from noticearchive.search import (
    SearchBundle,
    SearchRecord,
    chunk_target,
    index_bundles,
    notice_records,
)
from noticearchive.settings import Settings
from noticearchive.urls import Urls
from tests.pagefind_files import IndexedWord, chunks
from tests.support import Project

# Made up for these tests: accented words from every part of the alphabet, as notices use them.
_WORDS_TEXT = (
    "ấp bản bảo biên bình cấp cầu chỉ chính chương cộng của cứu dân dịch đào đất điều đồng "
    "giáo giữa hải hành hiện hoạch hội hướng kế khắc khỏe kinh lãnh lượng mạnh mục nâng ngành "
    "nghiệp người nhân nhiệm nội ổn phát phòng phối quản quốc quyết rộng sách sở sức tác tài "
    "thành thẩm thực tiễn tỉnh trình trường tuyến văn việc vực xã xây ý"
)
WORDS = _WORDS_TEXT.split()


def test_spelling_base_drops_marks_but_keeps_d() -> None:
    assert spelling_base("Quyết") == "quyet"
    assert spelling_base("Đồng") == "đong"


def test_a_number_is_indexed_whole_and_in_parts() -> None:
    assert words_of("211/qđ-ubnd") == (
        ("211qđubnd", "211qđubnd"),
        ("211", "211"),
        ("qđ", "qđ"),
        ("ubnd", "ubnd"),
    )
    assert words_of("định,") == (("đinh", "định"),)


def test_pagefind_counts_only_the_unaccented_spelling() -> None:
    count = WordCount()
    count.add("quyết định quyết định quyet")
    count.add("quyết")
    counted, size = count.by_word()
    # "quyet" once on one page (1 + 2); "quyết" three times on two pages (3 + 2 × 2).
    assert counted["quyet"] == 3
    assert size["quyet"] == 3 + 7
    assert counted["đinh"] == 0 and size["đinh"] == 2 + 2


def test_a_divider_ends_with_a_quiet_letter_between_two_neighbours() -> None:
    words = {"ky", "la"}
    assert divider_between("ky", "la", words) == "kz"
    assert divider_between("cao", "chi", {"cao", "chi"}) == "cf"


def test_no_divider_where_it_would_be_long_or_begin_with_a_word() -> None:
    assert divider_between("giang", "giao", {"giang", "giao"}) is None
    # "thj" would sort between them, but a query for "th" would match it.
    assert divider_between("thi", "tho", {"th", "thi", "tho"}) is None
    assert divider_between("thi", "tho", {"thi", "tho"}) == "thj"
    # One letter would be the fallback of every query word beginning with it.
    assert divider_between("gan", "h", {"gan", "h"}) == "gf"
    assert divider_between("e", "g", {"e", "g"}) is None
    # "y" is a word ("y tế"): the query "y tế" would match "yf" in every notice. A consonant
    # alone is a list marker ("điểm b").
    assert divider_between("xuong", "yeu", {"xuong", "yeu"}) == "xw"
    assert divider_between("yeu", "đa", {"yeu", "đa"}) is None
    assert divider_between("be", "bi", {"b", "be", "bi"}) == "bf"
    # Not "tw", an abbreviation (trung ương).
    assert divider_between("tuyen", "ty", {"tuyen", "ty"}) == "tuz"
    assert divider_between("tuyen", "ty", {"tu", "tuyen", "ty"}) is None


_letters = st.text(alphabet="abcdeghiklmnopqrstuvxyđ", min_size=1, max_size=6)


@given(st.sets(_letters, min_size=2, max_size=40))
def test_a_divider_never_matches_a_word_of_the_index(words: set[str]) -> None:
    ordered = sorted(words)
    for word, following in pairwise(ordered):
        divider = divider_between(word, following, words)
        if divider is None:
            continue
        assert word < divider < following
        assert divider[-1] in QUIET_LETTERS and 2 <= len(divider) <= 3
        assert divider[0] not in "aeiouy"
        # Pagefind matches a query word with every word it begins, and the other way round.
        assert not any(w.startswith(divider) for w in words)
        assert not any(divider.startswith(w) for w in words if len(w) > 1)


def test_a_word_fills_a_chunk_alone() -> None:
    assert repeats_to_fill(1_000) == 18  # (18 + 2) locations a record: 20,000
    assert repeats_to_fill(20_000) == 1
    assert repeats_to_fill(150) is None


def test_a_small_bundle_gets_no_dividers() -> None:
    count = WordCount()
    for _ in range(150):
        count.add(" ".join(WORDS * 20))
    assert plan_dividers(count, 150) == Dividers((), 0)


def test_dividers_are_placed_where_chunks_grow_past_the_target() -> None:
    count = WordCount()
    for _ in range(400):
        count.add(" ".join(WORDS))
    few = plan_dividers(count, 400, target=40_000)
    many = plan_dividers(count, 400, target=10_000)
    assert few.repeats == many.repeats == 48
    assert 0 < len(few.words) < len(many.words)
    assert list(many.words) == sorted(many.words)
    assert many.text().split()[:2] == [many.words[0]] * 2


def test_pagefind_closes_a_chunk_at_each_divider(project: Project, tmp_path: Path) -> None:
    for i in range(250):
        # Each notice holds every word a few times, in an order of its own.
        body = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(4 * len(WORDS)))
        project.add_notice(f"2020/{i}.md", body=f"{body} ./.", number=f"{i + 1}/TB-UBND")
    archive, problems = load_archive(project.notices, root=project.root)
    assert not problems.errors
    records = list(notice_records(archive, Urls(Settings())))
    held = records[0].html.split('data-pagefind-meta="dividers:')[1].split('"')[0].split()
    dividers = list(dict.fromkeys(held))
    assert len(dividers) >= 3
    undivided = [SearchRecord(r.url, _without_dividers(r.html)) for r in records]
    bundle = SearchBundle(2020, 2020, len(records), "pagefind")
    index_bundles(lambda _b: records, [bundle], tmp_path / "scratch", tmp_path / "divided")
    index_bundles(lambda _b: undivided, [bundle], tmp_path / "scratch", tmp_path / "whole")

    found = chunks(tmp_path / "divided/pagefind")
    ends = [c[-1].word for c in found]
    assert all(d in ends for d in dividers), (dividers, ends)
    words = {w.word for c in found for w in c}
    assert not any(w.startswith(d) and w != d for d in dividers for w in words)
    assert not any(d.startswith(w) for d in dividers for w in words - {*dividers} if len(w) > 1)

    # Pagefind alone counts only the few unaccented words ("nhân", "ấp" are not) and keeps
    # nearly every word in one chunk; the dividers cut it into several of even size.
    def largest(found: list[list[IndexedWord]]) -> int:
        return max(sum(w.locations for w in c if w.word not in dividers) for c in found)

    whole = chunks(tmp_path / "whole/pagefind")
    assert len(whole) <= 3
    assert largest(found) * 3 < largest(whole)


def _without_dividers(html: str) -> str:
    return re.sub(r'<span data-pagefind-meta="dividers:[^"]*"></span>', "", html)


def test_older_bundles_are_cut_into_larger_chunks() -> None:
    newest = SearchBundle(2024, 2024, 800, "pagefind")
    older = SearchBundle(2020, 2023, 1500, "pagefind-2020-2023")
    assert chunk_target(newest) == TARGET_LOCATIONS
    assert chunk_target(older) == 2 * TARGET_LOCATIONS
