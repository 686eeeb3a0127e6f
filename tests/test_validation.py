"""Every kind of bad input gets a message naming the file and line and saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticearchive.archive import load_archive
from noticearchive.problems import Problem
from tests.support import Project, notice_text


def check(project: Project) -> tuple[list[str], list[Problem], list[Problem]]:
    """(sources of valid notices, errors, warnings)."""
    archive, problems = load_archive(project.notices, root=project.root)
    return [n.source for n in archive.notices], problems.errors, problems.warnings


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_valid_notice_has_no_problems(project: Project) -> None:
    project.add_notice("2020/ubnd-tinh/1-tb-ubnd.md")
    valid, errors, warnings = check(project)
    assert valid == ["notices/2020/ubnd-tinh/1-tb-ubnd.md"]
    assert errors == warnings == []


def test_malformed_yaml_names_file_and_line(project: Project) -> None:
    text = notice_text().replace("place: Hậu Giang", "place: Hậu Giang: Vị Thanh")
    project.add("2020/a.md", text)
    valid, errors, _ = check(project)
    error = only(errors)
    assert valid == []
    assert error.path == "notices/2020/a.md"
    assert error.line == text.split("\n").index("place: Hậu Giang: Vị Thanh") + 1
    assert "malformed YAML" in error.message and "Quote values" in error.message


def test_unclosed_front_matter(project: Project) -> None:
    project.add("2020/a.md", "---\nnumber: 1/TB-UBND\n\nText\n")
    error = only(check(project)[1])
    assert error.line == 1 and "not closed" in error.message


def test_missing_front_matter(project: Project) -> None:
    project.add("2020/a.md", "Just text\n")
    error = only(check(project)[1])
    assert "first line must be '---'" in error.message


def test_missing_required_field(project: Project) -> None:
    project.add("2020/a.md", notice_text(place=None))
    error = only(check(project)[1])
    assert error.message.startswith("required field 'place' is missing")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10/2013", "is not a date: write it as YYYY-MM-DD"),
        ("2013-02-30", "is an impossible date"),
        ("2013-13-01", "is an impossible date"),
        ("1900-01-01", "is before 1945"),
    ],
)
def test_bad_dates(project: Project, value: str, expected: str) -> None:
    text = notice_text(date=value)
    project.add("2020/a.md", text)
    error = only(check(project)[1])
    assert expected in error.message
    lines = text.split("\n")
    assert error.line == next(i for i, x in enumerate(lines) if x.startswith("date:")) + 1


def test_vietnamese_date_order_is_accepted_with_a_warning(project: Project) -> None:
    project.add("2013/a.md", notice_text(date="10/10/2013"))
    valid, errors, warnings = check(project)
    assert valid and not errors
    assert "write dates as YYYY-MM-DD (2013-10-10)" in only(warnings).message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("agency", "ubnd-tnh", "unknown agency 'ubnd-tnh'. Did you mean 'ubnd-tinh'?"),
        ("type", "thong-bo", "unknown document type 'thong-bo'. Did you mean 'thong-bao'?"),
        ("type", "Thông báo", "Did you mean 'thong-bao'?"),
        ("topics", ["y-te", "giao-dc"], "unknown topic 'giao-dc'. Did you mean 'giao-duc'?"),
    ],
)
def test_unknown_registry_ids(project: Project, field: str, value: object, expected: str) -> None:
    text = notice_text(**{field: value})
    project.add("2020/a.md", text)
    error = only(check(project)[1])
    assert expected in error.message
    assert error.line is not None and error.line > 1


def test_number_contradicting_type_is_a_warning(project: Project) -> None:
    project.add("2020/a.md", notice_text(number="5/QĐ-UBND", type="thong-bao"))
    valid, errors, warnings = check(project)
    assert valid and not errors
    message = only(warnings).message
    assert "says 'QĐ' but the type is Thông báo (TB)" in message


def test_cong_van_number_with_a_type_abbreviation_is_a_warning(project: Project) -> None:
    project.add("2020/a.md", notice_text(number="5/KH-UBND", type="cong-van"))
    message = only(check(project)[2]).message
    assert "says 'KH' (Kế hoạch) but the type is Công văn" in message


def test_duplicate_identity_names_both_files(project: Project) -> None:
    project.add("2020/a.md", notice_text(number="7/TB-UBND"))
    project.add("2020/b.md", notice_text(number="7/TB-UBND", title="Khác"))
    project.add("2021/c.md", notice_text(number="7/TB-UBND", date="2021-01-05"))
    valid, errors, _ = check(project)
    error = only(errors)
    assert error.path == "notices/2020/b.md"
    assert "is already notices/2020/a.md" in error.message
    # Neither of the two is published, the same number in another year is.
    assert valid == ["notices/2021/c.md"]


def test_not_utf8(project: Project) -> None:
    text = notice_text(body="Dòng một\n\nDòng hai")
    project.add("2020/a.md", text.replace("Dòng hai", "DÒNG").encode("utf-8")[:-5] + b"\xe0\xe1\n")
    error = only(check(project)[1])
    assert "not UTF-8" in error.message and "save it again as UTF-8" in error.message
    assert error.line == text.count("\n", 0, text.index("Dòng hai")) + 1


def test_bom_and_crlf_are_accepted(project: Project) -> None:
    text = notice_text(body="Dòng một.\n\nDòng hai./.")
    project.add("2020/a.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    valid, errors, warnings = check(project)
    assert valid and not errors and not warnings


def test_decomposed_diacritics_are_composed(project: Project) -> None:
    import unicodedata

    project.add("2020/a.md", unicodedata.normalize("NFD", notice_text(title="Quyết định")))
    archive, problems = load_archive(project.notices, root=project.root)
    assert not problems.items
    assert archive.notices[0].title == unicodedata.normalize("NFC", "Quyết định")


@pytest.mark.parametrize(
    ("line", "snippet"),
    [
        ("Trước <script>alert(1)</script> sau", "<script>"),
        ("</xml", "</xml"),
        ("Xem [tại đây](javascript:alert(1)).", "javascript:"),
        ("<!-- ghi chú -->", "<!--"),
    ],
)
def test_raw_html_in_body_is_a_warning_with_its_line(
    project: Project, line: str, snippet: str
) -> None:
    text = notice_text(body=f"Đoạn một.\n\n{line}\n\nĐoạn ba.")
    project.add("2020/a.md", text)
    valid, errors, warnings = check(project)
    assert valid and not errors
    warning = only(warnings)
    assert snippet in warning.message and "shown as text" in warning.message
    assert warning.line == text.split("\n").index(line) + 1


def test_markup_in_code_is_not_reported(project: Project) -> None:
    project.add("2020/a.md", notice_text(body="Gõ `<b>` để in đậm.\n\n```\n<div>\n```"))
    assert check(project)[2] == []


def test_unknown_field_is_a_warning_with_suggestion(project: Project) -> None:
    project.add("2020/a.md", notice_text(sumary="Tóm tắt"))
    warning = only(check(project)[2])
    assert (
        "unknown field 'sumary'" in warning.message and "Did you mean 'summary'?" in warning.message
    )


def test_missing_attachment_is_an_error(project: Project) -> None:
    project.add("2020/a.md", notice_text(attachments=[{"file": "goc.pdf", "title": "Bản gốc"}]))
    error = only(check(project)[1])
    assert "attachment 'goc.pdf' is not beside the notice" in error.message


def test_notice_in_wrong_year_folder(project: Project) -> None:
    project.add("2019/ubnd-tinh/a.md", notice_text(date="2020-01-02"))
    warning = only(check(project)[2])
    assert "kept in the folder 2019/" in warning.message


def test_every_problem_is_reported_in_one_run_and_valid_notices_are_kept(
    project: Project,
) -> None:
    project.add_notice("2020/ok1.md", number="1/TB-UBND")
    project.add("2020/bad-yaml.md", "---\ntitle: [oops\n---\n")
    project.add("2020/bad-date.md", notice_text(number="2/TB-UBND", date="2020-02-31"))
    project.add("2020/bad-agency.md", notice_text(number="3/TB-UBND", agency="nobody"))
    project.add("2020/warned.md", notice_text(number="4/QĐ-UBND"))
    project.add_notice("2020/ok2.md", number="5/TB-UBND")
    valid, errors, warnings = check(project)
    assert sorted(p.path for p in errors) == [
        "notices/2020/bad-agency.md",
        "notices/2020/bad-date.md",
        "notices/2020/bad-yaml.md",
    ]
    assert [p.path for p in warnings] == ["notices/2020/warned.md"]
    assert sorted(valid) == ["notices/2020/ok1.md", "notices/2020/ok2.md", "notices/2020/warned.md"]


def test_several_errors_in_one_file_are_all_reported(project: Project) -> None:
    project.add("2020/a.md", notice_text(date="2020-02-31", agency="x", topics=["zzz"]))
    errors = check(project)[1]
    assert len(errors) == 3


def test_registry_problems(project: Project) -> None:
    path = project.notices / "agencies.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "Bad Id:\n  name: X\n"
        + "so-moi:\n  name: Sở mới\n  parent: ubnd-tnh\n"
        + "khong-ten:\n  short: K\n",
        encoding="utf-8",
    )
    project.add_notice("2020/a.md")
    _, errors, _ = check(project)
    messages = " | ".join(str(e) for e in errors)
    assert "'Bad Id' is not a valid id" in messages
    assert (
        "has parent 'ubnd-tnh', which is not in the registry. Did you mean 'ubnd-tinh'?" in messages
    )
    assert "'khong-ten' has no 'name'" in messages
    assert all(e.path == "notices/agencies.yml" and e.line for e in errors)


def test_missing_registry(project: Project) -> None:
    (project.notices / "topics.yml").unlink()
    error = only(check(project)[1])
    assert "registry is missing: create topics.yml" in error.message


def test_readme_and_underscore_files_are_not_notices(project: Project) -> None:
    project.add("README.md", "# Thư mục văn bản\n")
    project.add("_drafts/x.md", "not a notice")
    project.add_notice("2020/a.md")
    valid, errors, _ = check(project)
    assert valid == ["notices/2020/a.md"] and not errors


def test_cli_check_exit_status(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    from noticearchive.cli import main

    project.add_notice("2020/a.md")
    config = str(project.root / "mkdocs.yml")
    assert main(["--config", config, "check"]) == 0
    assert "1 notices valid, 0 error(s), 0 warning(s)" in capsys.readouterr().out
    project.add("2020/b.md", notice_text(number="2/QĐ-UBND"))
    assert main(["--config", config, "check"]) == 0
    assert main(["--config", config, "check", "--strict"]) == 1
    project.add("2020/c.md", notice_text(number="3/TB-UBND", date="x"))
    assert main(["--config", config, "check"]) == 1
    err = capsys.readouterr().err
    assert "error: notices/2020/c.md:" in err and "warning: notices/2020/b.md:" in err


def test_paths_are_relative_to_project(project: Project) -> None:
    project.add("2020/a.md", notice_text(agency="x"))
    error = only(check(project)[1])
    assert not Path(error.path).is_absolute()


def test_cli_check_reports_relations_that_lead_nowhere(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    from noticearchive.cli import main

    project.add("2020/a.md", notice_text(amends=["77/QĐ-UBND"]))
    config = str(project.root / "mkdocs.yml")
    assert main(["--config", config, "check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "warning: notices/2020/a.md:" in err and "'amends: 77/QĐ-UBND' leads nowhere" in err
