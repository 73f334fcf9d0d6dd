"""The sample school that keeps its roster as the national registration form
(``samples/大桥镇中心小学/``), through the real CLI. Every row and column checked here is in
samples/DEFECTS.md (section "A school that keeps the registration form"), which
samples/make_samples.py writes from the same data as the workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run
from lbc.roster import normalise as nz
from lbc.roster.tables import load_roster

REPO = Path(__file__).resolve().parents[1]
SCHOOL = "大桥镇中心小学"
# (code, row, column, field) of every planted defect, in report order.
FINDINGS = [
    ("VAL001", 4, "AG", "guardianship_rating"),
    ("VAL004", 6, "Z", "left_behind_type"),
    ("ID008", 8, "R", "father_id_number"),
    ("CON001", 12, "AC", "guardian_phone"),
    ("ID002", 13, "H", "id_number"),
    # The child nobody looks after (both parents away, no 委托监护人), there for lbc watch.
    ("CON001", 14, "AB", "guardian_name"),
    ("CON001", 14, "AC", "guardian_phone"),
    ("CON001", 14, "AE", "guardian_relation"),
    ("PHN001", 15, "T", "father_phone"),
    ("VAL006", 19, "AG", "guardianship_rating"),
]


@pytest.fixture
def school(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO / "samples" / SCHOOL, tmp_path / SCHOOL))


def test_defects_md_lists_what_validate_finds() -> None:
    text = (REPO / "samples" / "DEFECTS.md").read_text(encoding="utf-8")
    section = text[text.index(f"# A school that keeps the registration form: `{SCHOOL}/`") :]
    for code, row, column, fld in FINDINGS:
        assert f"| 登记表 | {row} | {column} | `{fld}` |" in section, code


def test_validate_finds_every_planted_defect_and_nothing_else(school: Path) -> None:
    result = run("validate", "--format", "json", cwd=school)
    assert result.exit_code == 1
    doc = result.json()
    assert [(f["code"], f["row"], f["column"], f["field"]) for f in doc["findings"]] == FINDINGS
    assert doc["summary"]["children"] == 18
    assert (doc["summary"]["errors"], doc["summary"]["warnings"]) == (9, 1)
    assert result.stderr == ""


def test_columns_explains_every_column(school: Path) -> None:
    result = run("columns", "--format", "json", cwd=school)
    assert (result.exit_code, result.stderr) == (0, "")
    (entry,) = result.json()["files"]
    form, teachers = entry["sheets"]
    assert (form["sheet"], form["header_rows"], form["rows"]) == ("登记表", [2, 3], 18)
    assert [c["why"] for c in form["ignored"]] == ["numbering", "form", "form", "form"]
    assert len(form["columns"]) == 32  # 35 columns, 4 not read, 实际监护情况 read twice
    assert teachers["sheet"] == "教师名单" and not any(
        c["why"] == "unknown" for c in teachers["ignored"]
    )


def test_the_forms_own_words_read(school: Path) -> None:
    (table,) = load_roster([school / "roster.xlsx"]).children
    row = table.rows.index
    v = table.values
    assert v["health"][row(10)] == "残疾"
    assert v["categories"][row(10)] == ("残疾", "低保")
    assert v["left_behind_type"][row(7)] == nz.FATHER_AWAY
    assert set(v["enrollment_status"]) == {"在读"}
    assert v["boarding"].count("是") == 5


def test_the_other_commands_work_unchanged(school: Path, tmp_path: Path) -> None:
    flag = run("flag", "--format", "json", cwd=school)
    assert flag.exit_code == 1
    assert [
        (g["class"], c["name"], c["row"], c["missing"])
        for g in flag.json()["classes"]
        for c in g["children"]
    ] == [
        ("三年级(1)班", "何浩宇", 12, ["guardian_phone"]),
        ("四年级(1)班", "杜嘉豪", 14, ["guardian_name", "guardian_relation", "guardian_phone"]),
    ]
    assert run("pair", cwd=school).exit_code == 0
    assert run("summary", "--term", "2024-autumn", cwd=school).exit_code == 0
    cards = run("cards", "--out", tmp_path / "cards.html", cwd=school)
    assert cards.exit_code == 0
    assert "18 张联系卡" in cards.stderr
