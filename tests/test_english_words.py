"""Under --lang en, lbc's own words for what a roster says (留守类型, 类别, 在校状态, 健康状况)
are English in what it prints: the priority reasons of lbc due, the reasons of lbc watch.
A school's own text (names, classes, a cell lbc does not read as one of its words) stays as
typed, and the workbooks a school files stay Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    child_cells,
    child_row,
    run,
    table,
    write_xlsx,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_priority_reasons_of_lbc_due_in_english(samples: Path) -> None:
    """lbc due --lang en names each priority in English, in JSON, CSV and the table (the
    list joined with ", " and not "、"); in Chinese the words are as they were."""
    doc = run("--lang", "en", "due", "--as-of", "2024-10-15", "--format", "json", cwd=samples)
    kids = [c for t in doc.json()["teachers"] for c in t["children"]]
    words = {p for c in kids for p in c["priority_text"]}
    assert sorted(words) == [
        "both parents away",
        "disabled",
        "key target",
        "minimum living allowance",
        "orphan",
        "registered poor household",
        "struggling at school",
    ]
    csv = run("--lang", "en", "due", "--as-of", "2024-10-15", "--format", "csv", cwd=samples)
    assert (
        '徐若曦,三年级(2)班,,key_target;learning_difficulty,"key target, struggling at school",'
        in csv.stdout
    )
    shown = run("--lang", "en", "due", "--as-of", "2024-10-15", cwd=samples).stdout
    assert "key target, struggling at school" in shown
    assert "a home visit this term, 送温暖 this school year" in shown
    # The codes a script reads are the same in every language.
    assert {p for c in kids for p in c["priority"]} == {
        "both_parents_away",
        "disabled",
        "key_target",
        "subsistence_allowance",
        "orphan",
        "registered_poor",
        "learning_difficulty",
    }
    zh = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=samples).json()
    zh_kids = [c for t in zh["teachers"] for c in t["children"]]
    assert [c["priority"] for c in zh_kids] == [c["priority"] for c in kids]
    assert {p for c in zh_kids for p in c["priority_text"]} == {
        "父母均外出",
        "残疾",
        "重点帮扶对象",
        "低保",
        "孤儿",
        "建档立卡",
        "学困",
    }


def test_the_pairs_workbook_stays_chinese_under_english(samples: Path) -> None:
    assert run("--lang", "en", "pair", "--out", samples / "p.xlsx", cwd=samples).exit_code == 0
    rows = list(load_workbook(samples / "p.xlsx")["结对名单"].iter_rows(values_only=True))
    reasons = {r[5] for r in rows[2:] if r[5]}
    assert "重点关注、重点帮扶对象、学困" in reasons
    assert not any(re.search("[a-z]", r) for r in reasons)


def test_the_watch_reasons_in_english(tmp_path: Path) -> None:
    """lbc watch --lang en says a dropout, a chronic illness and a change of 留守类型 in
    English; the guardian's health, typed by the school, stays as typed."""
    old = [child_cells(1, 留守类型="父亲外出"), child_cells(2), child_cells(3)]
    new = [
        child_cells(1),  # 父母均外出 now
        child_cells(2, 健康状况="慢性病", 监护人身体状况="较差"),
        child_cells(3, 在校状态="辍学"),
    ]
    write_xlsx(tmp_path / "old.xlsx", {"花名册": table(old)})
    write_xlsx(tmp_path / "new.xlsx", {"花名册": table(new)})
    (tmp_path / "lbc.toml").write_text("[watch]\nthreshold = 1\n", encoding="utf-8")
    args = ("watch", "new.xlsx", "--previous", "old.xlsx", "--format", "json")
    doc = run("--lang", "en", *args, cwd=tmp_path).json()
    said = sorted(
        (c["row"], r["code"], r["message"])
        for g in doc["classes"]
        for c in g["children"]
        for r in c["reasons"]
    )
    assert said == [
        (2, "WCH016", "left-behind type changed: father away → both parents away"),
        (3, "WCH005", "the guardian's health: 较差"),
        (3, "WCH008", "ill: chronic illness"),
        (4, "WCH010", "not attending: dropped out"),
    ]
    zh = run(*args, cwd=tmp_path).json()
    assert sorted(
        r["message"] for g in zh["classes"] for c in g["children"] for r in c["reasons"]
    ) == [
        "在校状态：辍学",
        "患病：慢性病",
        "留守类型变了：父亲外出 → 父母均外出",
        "监护人身体状况：较差",
    ]


@pytest.mark.parametrize(
    "command", [["flag"], ["watch", "--as-of", "2024-10-20"], ["birthdays", "-m", "5"]]
)
def test_a_classs_two_head_teachers_in_csv_are_an_english_list(
    tmp_path: Path, command: list[str]
) -> None:
    """A class with two head teachers: the CSV of flag, watch and birthdays names both in
    one cell, an English list under --lang en ("王芳, 陈静"), not joined with the Chinese
    、, which Chinese still reads."""
    teachers = [
        TEACHER_HEADER,
        *(
            [name, "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"]
            for name in ("王芳", "陈静")
        ),
    ]
    child = child_row(1, 监护人姓名=None)  # no guardian: flagged and watched; born in May
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child], "教师": teachers})
    for lang, cell in (("zh", "王芳、陈静"), ("en", '"王芳, 陈静"')):
        out = run("--lang", lang, *command, path, "--format", "csv").stdout
        assert out.splitlines()[1].startswith(f"三年级(2)班,{cell},{child[1]},"), lang


def test_one_of_anything_is_said_in_the_singular_in_english(tmp_path: Path) -> None:
    """A school of one child, one teacher and one record: English says "1 child", "1
    teacher", "1 record" (and the verb with it, "1 child has"), where it said "1 children"
    and "1 teachers are"; none stays plural ("0 warnings"), and the Chinese is as it was."""
    teacher = ["王芳", "女", "", "班主任", "三年级(2)班", "语文", "是", "在岗"]
    child = child_row(1, 父亲电话="", 母亲电话="", 监护人电话="")
    record = ["2024-10-10", "王芳", child[1], "三年级(2)班", "家访", "家访"]
    roster = write_xlsx(
        tmp_path / "花名册.xlsx",
        {
            "花名册": [["青山小学留守儿童花名册"], CHILD_HEADER, child],
            "教师": [TEACHER_HEADER, teacher],
            "记录": [["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"], record],
        },
    )

    def last(*args: str | Path) -> str:
        return run("--lang", "en", *args).stdout.splitlines()[-1]

    assert last("validate", roster) == (
        "checked 1 child, 1 teacher, 1 support record: 3 errors, 0 warnings"
    )
    assert last("flag", roster) == "1 child and 1 teacher are missing a required contact"
    assert last("pair", roster) == (
        "1 child to pair: 1 paired (0 kept, 1 new), 0 unpaired; 1 of 1 teacher has a child"
    )
    assert last("watch", roster, "--as-of", "2024-11-20") == "1 child to watch (score 3 or more)."
    birthdays = run("--lang", "en", "birthdays", "--month", "5", roster).stdout.splitlines()
    assert birthdays[0] == "三年级(2)班 (head teacher: 王芳) — 1 birthday"
    assert birthdays[-1] == "1 left-behind child has a birthday in month 5."
    due = run("--lang", "en", "due", roster, "--as-of", "2024-11-20")
    assert due.stderr == (
        "note: 1 child has no support teacher in post and is not listed (see lbc pair)\n"
    )
    export = run("--lang", "en", "export", roster, "--out", tmp_path / "x.csv")
    assert export.stderr == f"wrote {tmp_path / 'x.csv'}: 1 child, 1 teacher, 1 record\n"
    merged = run("--lang", "en", "merge", roster, "--out", tmp_path / "m.xlsx")
    assert merged.stdout.splitlines()[0] == "Rosters merged (1 school, 1 file)"
    assert merged.stdout.splitlines()[-1] == (
        "1 file, 1 school merged: 1 child on the books, 1 teacher, 1 record; 3 errors, "
        "0 warnings; 0 IDs in more than one school or file, 0 files unreadable"
    )
    # Chinese has no plural: its lines are as they were.
    assert run("validate", roster).stdout.splitlines()[-1] == (
        "共检查 1 名儿童、1 名教师、1 条帮扶记录：3 个错误，0 个警告"
    )
    assert run("pair", roster).stdout.splitlines()[-1] == (
        "共 1 名儿童参与结对：已结对 1 名（延续 0 名，新结对 1 名），未结对 0 名；"
        "1 名教师中 1 名有帮扶学生"
    )


def test_a_teachers_list_of_no_school_known_naming_one_child_is_singular() -> None:
    """merge's note for a teachers list of no school known, naming one child."""
    from lbc.messages import language, t

    with language("en"):
        said = t(
            "merge.unplaced_pairs",
            file="教师.xlsx",
            sheet="教师",
            column="帮扶学生姓名(I)",
            count=1,
        )
    assert said.startswith(
        "note: 教师.xlsx sheet '教师': the 1 child listed in 帮扶学生姓名(I) was not written"
    )
