"""Cells showing a formula's error (a failed VLOOKUP's #N/A) in last term's roster or this
term's: no change of the child to watch, and no class to print in the change log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from test_error_cells import roster

from conftest import child_row, run

ADDRESS = "四川省南部县青山镇幸福村3组"


def test_a_cell_showing_na_in_either_term_is_no_change_to_watch(tmp_path: Path) -> None:
    """张雨涵's guardian and address, on file last term, show #N/A this term; 李明轩's
    guardian, 留守类型 and address showed #N/A last term and are filled in now. The watch
    list said 张雨涵's guardian changed "张大爷 → #N/A" and her address too, and 李明轩's
    "#N/A → 张大爷", each change weighed as a new guardian, a new home: both were listed. A
    cell showing an error says nothing of who the guardian is (VAL007 says the cell), so
    neither is a change; 王梓萱's new guardian and address are."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 4)]
    roster(tmp_path / "上学期.xlsx", {"L3": "#N/A", "I3": "#N/A", "H3": "#N/A"}, rows)
    rows[2] = child_row(3, birth=dt.date(2016, 3, 3), 监护人姓名="李阿姨", 家庭住址="青山镇租房")
    roster(tmp_path / "本学期.xlsx", {"L2": "#N/A", "H2": "#N/A"}, rows)
    args = ("本学期.xlsx", "--previous", "上学期.xlsx", "--format", "json")
    watch = run("watch", *args, "--as-of", "2024-10-01", cwd=tmp_path)
    assert watch.exit_code == 1, watch.stderr
    assert [
        (c["row"], c["name"], c["score"], [r["message"] for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ] == [
        (4, "王梓萱", 3, ["监护人变了：张大爷 → 李阿姨", f"家庭住址变了：{ADDRESS} → 青山镇租房"])
    ]
    summary = run("summary", *args, "--term", "2024-autumn", cwd=tmp_path)
    assert (summary.json()["watch"]["start"], summary.json()["watch"]["end"]) == (0, 1)


def test_a_class_showing_na_is_no_class_in_the_change_log(tmp_path: Path) -> None:
    """张雨涵's class shows #N/A in both terms, 李明轩's last term (he has gone), 王梓萱's
    #REF! (she is new). lbc diff printed the error as each one's class, where every other
    list names no class; the text, JSON, CSV and the workbook now leave it blank, as of an
    empty class cell."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 4)]
    roster(tmp_path / "上学期.xlsx", {"F2": "#N/A", "F3": "#N/A"}, rows[:2])
    new = [child_row(1, birth=dt.date(2016, 1, 3), 监护人姓名="李阿姨"), rows[2]]
    roster(tmp_path / "本学期.xlsx", {"F2": "#N/A", "F3": "#REF!"}, new)
    args = ("diff", "上学期.xlsx", "本学期.xlsx")
    text = run(*args, "--out", "变更记录.xlsx", cwd=tmp_path)
    assert text.exit_code == 0, text.stderr
    assert [line.rstrip() for line in text.stdout.splitlines()] == [
        "新增儿童（1 名）",
        "",
        "  班级   行   姓名",
        " ────────────────────",
        "         3    王梓萱",
        "",
        "不在新名册中的儿童（1 名）",
        "",
        "  班级   行   姓名",
        " ────────────────────",
        "         3    李明轩",
        "",
        "信息变更（1 名）",
        "",
        "  班级   行   姓名     字段         变更              对应依据",
        " ──────────────────────────────────────────────────────────────",
        "         2    张雨涵   监护人姓名   张大爷 → 李阿姨   身份证号",
        "",
        "新增 1 名，不在新名册 1 名，信息变更 1 名，未变 0 名",
    ]
    doc = run(*args, "--format", "json", cwd=tmp_path).json()
    assert [(c["class"], c["child"]) for key in ("added", "gone", "changed") for c in doc[key]] == [
        ("", "王梓萱"),
        ("", "李明轩"),
        ("", "张雨涵"),
    ]
    assert run(*args, "--format", "csv", cwd=tmp_path).stdout.splitlines() == [
        "\ufeff变化,儿童,班级,文件,工作表,行,对应依据,字段,原内容,现内容",
        "added,王梓萱,,本学期.xlsx,花名册,3,,,,",
        "gone,李明轩,,上学期.xlsx,花名册,3,,,,",
        "changed,张雨涵,,本学期.xlsx,花名册,2,id_number,guardian_name,张大爷,李阿姨",
    ]
    book = load_workbook(tmp_path / "变更记录.xlsx")
    assert [[list(r) for r in ws.iter_rows(min_row=2, values_only=True)] for ws in book] == [
        [[1, None, "王梓萱", "花名册", 3]],
        [[1, None, "李明轩", "花名册", 3]],
        [[1, None, "张雨涵", 2, "监护人姓名", "张大爷", "李阿姨", "身份证号"]],
    ]
