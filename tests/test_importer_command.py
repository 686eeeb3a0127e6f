"""``notices import``: sources written where the archive expects them, never over an existing
file, drafts for review when a notice cannot be filed, JSON with --json, and the first notice
imported to the sample source shipped for it."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from noticearchive.archive import load_archive
from noticearchive.cli import main
from noticearchive.problems import Problems
from noticearchive.registry import load_registry
from noticearchive.source import parse_notice
from tests.test_importer_layouts import Fields, render

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIRST_NOTICE = CORPUS / "000_9c30d7d985c388a7.txt"
SAMPLE = REPO / "notices" / "2013" / "vp-ubnd-tinh" / "405-tb-vp-ubnd.md"

AGENCIES = """\
ubnd-tinh:
  name: Ủy ban nhân dân tỉnh Trà Vinh
  short: UBND tỉnh
  header: [ỦY BAN NHÂN DÂN TỈNH TRÀ VINH]
  aliases: [UBND tỉnh Trà Vinh]
so-y-te:
  name: Sở Y tế tỉnh Trà Vinh
  short: Sở Y tế
  parent: ubnd-tinh
  header: [UBND TỈNH TRÀ VINH, SỞ Y TẾ]
"""
TOPICS = """\
y-te:
  name: Y tế
  description: Khám, chữa bệnh, phòng, chống dịch bệnh.
giao-duc:
  name: Giáo dục
"""

LETTER = Fields(
    issuer=("UBND TỈNH TRÀ VINH", "SỞ Y TẾ"),
    number="214/SYT-NVY",
    type_name=None,
    place="Trà Vinh",
    date=date(2021, 6, 9),
    title="Tăng cường phòng, chống dịch bệnh sốt xuất huyết",
    paragraphs=(
        "Kính gửi: Trung tâm Y tế các huyện, thị xã, thành phố.",
        "Để chủ động phòng, chống dịch bệnh sốt xuất huyết trong mùa mưa, Sở Y tế đề nghị:",
        "1. Tăng cường giám sát ca bệnh, xử lý ổ dịch kịp thời;",
        "2. Phối hợp truyền thông khám, chữa bệnh đúng tuyến./.",
    ),
    authority=("KT. GIÁM ĐỐC",),
    position="PHÓ GIÁM ĐỐC",
    name="Trần Văn Nhỏ",
    recipients=("Như trên;", "Lưu: VT, NVY."),
)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """An archive with its own small registries and no notices; returns its notices folder."""
    notices = tmp_path / "archive" / "notices"
    notices.mkdir(parents=True)
    (notices / "agencies.yml").write_text(AGENCIES, encoding="utf-8")
    (notices / "topics.yml").write_text(TOPICS, encoding="utf-8")
    shutil.copy(REPO / "notices" / "types.yml", notices / "types.yml")
    return notices


def write_input(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(notices: Path, *args: str) -> int:
    return main(["import", "--dir", str(notices), *args])


def test_import_writes_a_valid_source_where_the_archive_expects_it(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_input(tmp_path / "in", "cong-van.txt", render(LETTER, "scraped"))
    assert run(archive, str(source)) == 0
    written = archive / "2021" / "so-y-te" / "214-syt-nvy.md"
    assert written.is_file()
    out = capsys.readouterr().out
    assert "imported" in out and "1 imported, 0 skipped" in out
    problems = Problems(root=archive.parent)
    notice = parse_notice(written, load_registry(archive, problems), problems)
    assert notice is not None and list(problems) == []
    assert notice.title == LETTER.title
    assert [t.id for t in notice.topics] == ["y-te"]
    assert notice.signer.name == "Trần Văn Nhỏ"
    assert notice.body.startswith("Kính gửi: Trung tâm Y tế")


def test_existing_source_is_never_replaced_without_force(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_input(tmp_path / "in", "cong-van.txt", render(LETTER, "word"))
    assert run(archive, str(source)) == 0
    written = archive / "2021" / "so-y-te" / "214-syt-nvy.md"
    written.write_text("edited by hand", encoding="utf-8")
    capsys.readouterr()
    assert run(archive, str(source)) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and "--force" in out
    assert written.read_text(encoding="utf-8") == "edited by hand"
    assert run(archive, "--force", str(source)) == 0
    assert written.read_text(encoding="utf-8").startswith("---\nnumber: 214/SYT-NVY\n")


def test_unknown_body_goes_to_review_with_a_proposed_entry(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Fields(**{**LETTER.__dict__, "issuer": ("UBND TỈNH TRÀ VINH", "SỞ XÂY DỰNG")})
    source = write_input(tmp_path / "in", "so-xay-dung.txt", render(other, "word"))
    assert run(archive, str(source)) == 1
    out = capsys.readouterr().out
    draft = archive / "_review" / "so-xay-dung.md"
    assert draft.is_file()
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("---\n# needs review: the issuing body is not in agencies.yml")
    assert "1 need review" in out and "Proposed entries for agencies.yml" in out
    assert "so-xay-dung-ubnd-tinh-tra-vinh:" in out and "parent: ubnd-tinh" in out
    assert "header: [UBND TỈNH TRÀ VINH, SỞ XÂY DỰNG]" in out
    # A draft never breaks the archive: folders starting with "_" are not read.
    notices, problems = load_archive(archive, root=archive.parent)
    assert notices.notices == () and problems.errors == []


def test_missing_fields_are_reported_and_the_text_kept(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_input(tmp_path / "in", "ghi-chu.txt", "Một đoạn văn bản không có tiêu đề.\n")
    assert run(archive, str(source)) == 1
    out = capsys.readouterr().out
    for field in ("number not found", "date not found", "signer not found", "recipients not"):
        assert field in out
    draft = (archive / "_review" / "ghi-chu.md").read_text(encoding="utf-8")
    assert draft.rstrip().endswith("Một đoạn văn bản không có tiêu đề.")


def test_json_prints_the_fields_and_writes_nothing(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    write_input(folder, "a.txt", render(LETTER, "gazette"))
    write_input(folder, "b.txt", render(LETTER, "crawler"))
    assert run(archive, "--json", str(folder)) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["file"]).name for r in rows] == ["a.txt", "b.txt"]
    keys = {"file", "number", "doc_type", "issuer_lines", "place", "date", "title", "body"}
    keys |= {"recipients", "signer_authority", "signer_title", "signer_name"}
    assert all(keys <= set(row) for row in rows)
    assert rows[0]["date"] == "2021-06-09" and rows[0]["doc_type"] == "Công văn"
    assert sorted(p.name for p in archive.iterdir()) == ["agencies.yml", "topics.yml", "types.yml"]


def test_topics_can_be_given(archive: Path, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in", "cong-van.txt", render(LETTER, "word"))
    assert run(archive, "--topic", "giao-duc", str(source)) == 0
    text = (archive / "2021" / "so-y-te" / "214-syt-nvy.md").read_text(encoding="utf-8")
    assert "topics: [giao-duc]" in text
    assert run(archive, "--topic", "khong-co", str(source)) == 2


def test_missing_input_is_an_error(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(archive, "/nonexistent/file.txt") == 1
    assert "no such file" in capsys.readouterr().err


@pytest.mark.skipif(not FIRST_NOTICE.is_file(), reason="../shared/corpus is not present")
def test_first_notice_imports_to_the_shipped_sample(tmp_path: Path) -> None:
    """The notice the archive was first asked for, as it arrived, becomes the sample source
    shipped in notices/ byte for byte (its topics are suggested from topics.yml)."""
    notices = tmp_path / "notices"
    notices.mkdir()
    for name in ("agencies.yml", "topics.yml", "types.yml"):
        shutil.copy(REPO / "notices" / name, notices / name)
    assert run(notices, str(FIRST_NOTICE)) == 0
    written = notices / "2013" / "vp-ubnd-tinh" / "405-tb-vp-ubnd.md"
    assert written.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_two_inputs_of_one_notice_keep_the_second_as_a_draft(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_input(tmp_path / "in", "a.txt", render(LETTER, "word"))
    second = write_input(tmp_path / "in", "b.txt", render(LETTER, "gazette"))
    assert run(archive, str(first), str(second)) == 1
    assert (archive / "2021" / "so-y-te" / "214-syt-nvy.md").is_file()
    assert (archive / "_review" / "b.md").is_file()
    assert "a.txt in this run has the same number" in capsys.readouterr().out
