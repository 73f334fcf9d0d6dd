"""Every --out is what its name says: the suffix decides, --format may only agree, and a
suffix lbc cannot write is refused before any roster is read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import one_error_line, run

TERM = ("--term", "2024-autumn")
CANNOT = "lbc: 错误：不能写出这种文件：{path}（文件名的后缀决定格式，这里能写：{suffixes}）"
SUMMARY_SUFFIXES = ".md、.markdown、.html、.htm、.docx、.json"


def test_the_summary_is_written_as_its_suffix_says(samples: Path) -> None:
    for name in ("总结.docx", "总结.html", "总结.json", "总结.md"):
        result = run("summary", "roster.xlsx", *TERM, "--out", name, cwd=samples)
        assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(samples / "总结.docx") as z:
        assert "word/document.xml" in z.namelist()
    assert (samples / "总结.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads((samples / "总结.json").read_text(encoding="utf-8"))["term"]
    assert (samples / "总结.md").read_text(encoding="utf-8").startswith("# ")


def test_the_cards_are_written_as_their_suffix_says(samples: Path) -> None:
    assert run("cards", "roster.xlsx", "--out", "联系卡.docx", cwd=samples).exit_code == 0
    with zipfile.ZipFile(samples / "联系卡.docx") as z:
        assert "word/document.xml" in z.namelist()


@pytest.mark.parametrize(
    ("args", "path", "suffixes"),
    [
        (["summary", "gone.xlsx", *TERM, "--out", "总结.pdf"], "总结.pdf", SUMMARY_SUFFIXES),
        (["summary", "gone.xlsx", *TERM, "--out", "总结"], "总结", SUMMARY_SUFFIXES),
        (["cards", "gone.xlsx", "--out", "联系卡.pdf"], "联系卡.pdf", ".html、.htm、.docx"),
        (["validate", "gone.xlsx", "--annotate", "标注.csv"], "标注.csv", ".xlsx"),
        (["pair", "gone.xlsx", "--out", "结对.docx"], "结对.docx", ".xlsx"),
        (["diff", "gone.xlsx", "gone2.xlsx", "--out", "变更.csv"], "变更.csv", ".xlsx"),
        (["due", "gone.xlsx", "--out", "待办.csv"], "待办.csv", ".xlsx"),
        (["merge", "gone.xlsx", "--out", "县.json"], "县.json", ".xlsx、.parquet"),
        (["export", "gone.xlsx", "--out", "县.json"], "县.json", ".csv、.xlsx、.parquet"),
    ],
)
def test_a_suffix_lbc_cannot_write_is_refused_before_reading(
    tmp_path: Path, args: list[str], path: str, suffixes: str
) -> None:
    # The inputs do not exist: the refusal comes before any of them is looked at.
    result = run(*args, cwd=tmp_path)
    assert one_error_line(result) == CANNOT.format(path=path, suffixes=suffixes)
    assert list(tmp_path.iterdir()) == []


def test_a_format_that_contradicts_the_suffix_is_refused(samples: Path) -> None:
    result = run("summary", "roster.xlsx", *TERM, "--format", "md", "--out", "总结.docx")
    assert one_error_line(result) == (
        "lbc: 错误：--format md 与文件名 总结.docx 的后缀 .docx 不符；去掉 --format，由后缀决定格式"
    )
    result = run("cards", "roster.xlsx", "--format", "html", "--out", "卡.docx", cwd=samples)
    assert result.exit_code == 2
    assert not (samples / "卡.docx").exists()
    # Saying the same as the suffix is allowed.
    result = run("summary", "roster.xlsx", *TERM, "-f", "html", "--out", "a.HTML", cwd=samples)
    assert result.exit_code == 0
    assert (samples / "a.HTML").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_refusal_in_english(tmp_path: Path) -> None:
    result = run("--lang", "en", "cards", "x.xlsx", "--out", "cards.pdf", cwd=tmp_path)
    assert one_error_line(result) == (
        "lbc: error: cannot write this kind of file: cards.pdf "
        "(the suffix decides the format; this writes .html, .htm, .docx)"
    )
