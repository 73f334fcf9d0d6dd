"""Text from a roster cell is shown in the summary, never run: escaped in the Markdown,
read back once for HTML (escaped again there) and Word (shown as typed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    """No 帮扶教师 column, and records of neither: both children are listed by name as
    unpaired and as without a record."""
    children = [CHILD_HEADER, child_row(1, 姓名=HOSTILE), child_row(2, 姓名="李&明")]
    teachers = [
        TEACHER_HEADER,
        ["王芳", "女", "13500001111", "班主任", "三年级(2)班", "语文", "否", "是"],
    ]
    records = [RECORD_HEADER, [dt.date(2024, 10, 8), "王芳", "王五", "三年级(2)班", "谈心", "问候"]]
    sheets = {"花名册": children, "教师名单": teachers, "帮扶记录": records}
    return write_xlsx(tmp_path / "花名册.xlsx", sheets)


def test_markdown_escapes_cells_only(roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结.md"
    result = run("summary", roster, "--term", "2024-autumn", "--out", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert HOSTILE not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "李&amp;明" in text
    assert "<!-- chart: children_by_grade -->" in text  # the template's own text


def test_html_escapes_once_and_word_shows_the_text(roster: Path, tmp_path: Path) -> None:
    page = run("summary", roster, "--term", "2024-autumn", "--format", "html")
    assert page.exit_code == 0, page.stderr
    assert HOSTILE not in page.stdout and "&amp;lt;" not in page.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.stdout and "李&amp;明" in page.stdout
    out = tmp_path / "总结.docx"
    word = run("summary", roster, "--term", "2024-autumn", "--format", "docx", "--out", out)
    assert word.exit_code == 0, word.stderr
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert HOSTILE in text and "李&明" in text and "&lt;" not in text
