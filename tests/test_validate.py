"""lbc validate: every rule on a roster built cell by cell, with exact locations."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import stat
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_bad_input import lbc_in_child

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    child_row,
    make_id,
    run,
    without,
    write_child_csv,
    write_xlsx,
)

B = dt.date(2016, 5, 1)
TEACHERS = [
    TEACHER_HEADER,
    ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
    ["李强", "男", "13800000002", "科任教师", "三年级(2)班、四年级(1)班", "数学", "否", "是"],
    ["陈静", "女", None, "科任教师", "四年级(1)班", "英语", "否", "是"],  # TCH001 D4
    ["李强", "男", "1380000000", "科任教师", "五年级(1)班", "体育", "否", "是"],  # TCH002, PHN001
]


def one_of_each(tmp_path):
    """A roster where each data row (Excel row = 2 + index) carries one planted defect."""
    numeric_id = 511321201605011234
    rows = [
        CHILD_HEADER,
        child_row(1),  # row 2: clean
        child_row(2, 身份证号="51132120160501123"),  # 3: ID001
        child_row(3, 身份证号=make_id(B, 104)[:-1] + "0"),  # 4: ID002 (real check is not 0)
        child_row(4, 身份证号="511321201602301240"),  # 5: ID003 (30 Feb)
        child_row(5, 身份证号=numeric_id),  # 6: ID004
        child_row(6, 身份证号=make_id(B, 110, region="412723")),  # 7: ID005 warning
        child_row(7, 出生日期=dt.date(2016, 6, 1)),  # 8: ID006
        child_row(8, 性别="男"),  # 9: ID007 (ID sequence is even)
        child_row(9, name="赵六", 家庭住址=None),  # 10: REQ001 家庭住址
        child_row(10, 班级="火箭班"),  # 11: CLS001
        child_row(11, 性别="不详"),  # 12: VAL001
        child_row(12, 监护人电话="1371234567"),  # 13: PHN001
        child_row(13, 监护人电话=None),  # 14: CON001 (both away, no guardian phone)
        child_row(14, 父亲电话=None, 母亲电话=None),  # 15: CON002
        child_row(15, kind="父亲外出", 父亲电话=None),  # 16: CON003
        child_row(16, kind="母亲外出", 父亲电话=None, 监护人电话=None),  # 17: CON004
        child_row(17, name="孙七", 出生日期="去年春天", 身份证号=None),  # 18: DATE001 + REQ001 ID
        child_row(18, name="周八", 出生日期=dt.date(1990, 1, 1), 身份证号=None),  # 19: DATE003
        child_row(19, 与儿童关系="看护"),  # 20: VAL002
        child_row(20, name="吴九", 身份证号=make_id(B, 140)),  # 21: DUP001 with row 22
        child_row(21, name="吴九", 身份证号=make_id(B, 140)),  # 22
        child_row(22, name="郑十", 身份证号=None),  # 23: REQ001 id, DUP002 with 24
        # 24: another guardian, so not 23 copied (one child, whom a record names alone)
        child_row(23, name="郑十", 身份证号=None, 监护人姓名="郑大山"),
        child_row(24, kind="是"),  # 25: VAL004 (which parent is away is unsaid)
        child_row(25, kind="单亲留守", 父亲电话=None, 母亲电话=None, 监护人电话=None),  # 26
    ]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 9, 10), "王芳", "张雨涵", "三年级(2)班", "谈心", "谈学习"],  # clean
        [dt.date(2024, 9, 11), "刘备", "张雨涵", "三年级(2)班", "谈心", ""],  # REC001 B3
        [dt.date(2024, 9, 12), "王芳", "不存在", None, "家访", ""],  # REC002 C4
        [dt.date(2024, 9, 13), "王芳", "郑十", None, "聊天", ""],  # REC004 E5, REC003 C5
    ]
    return write_xlsx(tmp_path / "roster.xlsx", {"花名册": rows, "教师": TEACHERS, "记录": records})


EXPECTED = {
    ("花名册", 3, "D", "ID001"),
    ("花名册", 4, "D", "ID002"),
    ("花名册", 5, "D", "ID003"),
    ("花名册", 6, "D", "ID004"),
    ("花名册", 7, "D", "ID005"),
    ("花名册", 8, "E", "ID006"),
    ("花名册", 9, "C", "ID007"),
    ("花名册", 10, "H", "REQ001"),
    ("花名册", 11, "F", "CLS001"),
    ("花名册", 12, "C", "VAL001"),
    ("花名册", 13, "N", "PHN001"),
    ("花名册", 14, "N", "CON001"),
    ("花名册", 15, "J", "CON002"),
    ("花名册", 16, "J", "CON003"),
    ("花名册", 17, "N", "CON004"),
    ("花名册", 18, "D", "REQ001"),
    ("花名册", 18, "E", "DATE001"),
    ("花名册", 19, "D", "REQ001"),
    ("花名册", 19, "E", "DATE003"),
    ("花名册", 20, "M", "VAL002"),
    ("花名册", 22, "D", "DUP001"),
    ("花名册", 23, "D", "REQ001"),
    ("花名册", 24, "D", "REQ001"),
    ("花名册", 24, "B", "DUP002"),
    ("花名册", 25, "I", "VAL004"),
    ("花名册", 26, "I", "VAL004"),
    ("花名册", 26, "N", "CON006"),
    ("教师", 4, "C", "TCH001"),
    ("教师", 5, "A", "TCH002"),
    ("教师", 5, "C", "PHN001"),
    ("记录", 3, "B", "REC001"),
    ("记录", 4, "C", "REC002"),
    ("记录", 5, "C", "REC003"),
    ("记录", 5, "E", "REC004"),
}


def test_every_rule_at_its_cell(tmp_path):
    path = one_of_each(tmp_path)
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1, result.stderr
    doc = result.json()
    got = {(f["sheet"], f["row"], f["column"], f["code"]) for f in doc["findings"]}
    assert got == EXPECTED
    assert doc["summary"]["children"] == 24  # one child is listed twice (DUP001)
    assert doc["summary"]["teachers"] == 4
    assert doc["summary"]["records"] == 4
    assert doc["summary"]["warnings"] == 6  # ID005, DATE003, VAL002, REC004, 2 × VAL004
    assert doc["summary"]["errors"] == len(EXPECTED) - 6


def test_finding_shape_matches_the_contract(tmp_path):
    path = one_of_each(tmp_path)
    doc = run("validate", path, "--format", "json").json()
    assert list(doc) == ["lbc", "files", "summary", "findings"]
    f = next(f for f in doc["findings"] if f["code"] == "ID002")
    assert list(f) == [
        "code",
        "severity",
        "file",
        "sheet",
        "row",
        "column",
        "field",
        "value",
        "child",
        "message",
    ]
    real = make_id(B, 104)[:-1] + "0"
    assert f == {
        "code": "ID002",
        "severity": "error",
        "file": str(path),
        "sheet": "花名册",
        "row": 4,
        "column": "D",
        "field": "id_number",
        "value": real[:6] + "********" + real[-4:],
        "child": "王*萱 三年级(2)班",
        "message": "身份证号校验位错误",
    }


def test_show_pii_prints_full_numbers(tmp_path):
    path = one_of_each(tmp_path)
    masked = run("validate", path, "--format", "csv").stdout
    full = run("validate", path, "--format", "csv", "--show-pii").stdout
    assert "1371234567" not in masked and "137***4567" in masked
    assert "1371234567" in full and "黄欣怡 三年级(2)班" in full


def test_select_ignore_and_strict(tmp_path):
    path = one_of_each(tmp_path)
    doc = run("validate", path, "--format", "json", "--select", "ID,CON001").json()
    assert {f["code"] for f in doc["findings"]} == {
        "ID001",
        "ID002",
        "ID003",
        "ID004",
        "ID005",
        "ID006",
        "ID007",
        "CON001",
    }
    only_warning = run("validate", path, "--select", "ID005")
    assert only_warning.exit_code == 0
    assert run("validate", path, "--select", "ID005", "--strict").exit_code == 1
    doc = run("validate", path, "--format", "json", "--ignore", "ID", "--ignore", "REC").json()
    codes = {f["code"] for f in doc["findings"]}
    assert not any(c.startswith(("ID", "REC")) for c in codes) and "CON001" in codes
    bad = run("validate", path, "--select", "XYZ9")
    assert bad.exit_code == 2 and "XYZ9" in bad.stderr


def test_missing_column_is_reported_once(tmp_path):
    rows = without(["家庭住址"], *(child_row(n) for n in range(1, 4)))
    path = write_xlsx(tmp_path / "r.xlsx", {"学生": rows})
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["row"], f["column"], f["field"]) for f in doc["findings"]] == [
        ("COL001", None, None, "home_address")
    ]


def test_contact_columns_missing_are_reported_once_not_per_row(tmp_path):
    rows = without(["监护人姓名", "与儿童关系", "监护人电话"], *(child_row(n) for n in range(1, 6)))
    path = write_xlsx(tmp_path / "r.xlsx", {"学生": rows})
    doc = run("validate", path, "--format", "json").json()
    got = sorted((f["code"], f["field"], f["row"]) for f in doc["findings"])
    assert got == [
        ("COL001", "guardian_name", None),
        ("COL001", "guardian_phone", None),
        ("COL001", "guardian_relation", None),
    ]


def test_clean_roster_exits_zero_with_table_output(tmp_path):
    rows = [CHILD_HEADER, child_row(1), child_row(2, name="李明", gender="男")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("validate", path)
    assert result.exit_code == 0
    assert result.stdout == (
        "没有发现问题。\n共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    )


def test_id_numbers_pasted_with_an_apostrophe_or_a_times_sign_are_read_as_meant(tmp_path):
    """'51132120160501107X (text copied from a system that forces text) and a check
    character typed as ×, Ｘ or ｘ are the plain 18-character ID: no ID001."""
    ids = {3: make_id(B, 107), 7: make_id(B, 115), 11: make_id(B, 123), 15: make_id(B, 131)}
    assert all(i.endswith("X") for i in ids.values())
    typed = {
        3: "'" + ids[3],
        7: ids[7][:-1] + "×",
        11: ids[11][:-1] + "Ｘ",
        15: "'" + ids[15][:-1] + "ｘ",
    }
    rows = [CHILD_HEADER, *(child_row(n, gender="男", 身份证号=typed[n]) for n in typed)]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("validate", path)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        "没有发现问题。\n共检查 4 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    )


def test_phones_pasted_with_an_apostrophe_are_read_as_meant(tmp_path):
    """'13712345678, as the system whose ID numbers come as '51132120160501107X forces
    text, was PHN001 (a malformed number) of a number that Excel shows: it is the number,
    as the ID is the ID. export writes it without the mark."""
    rows = [
        CHILD_HEADER,
        child_row(1, 监护人电话="'13712345678"),
        child_row(2, 监护人电话="‘0817-5521234", 父亲电话="`13812345678"),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("validate", path)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        "没有发现问题。\n共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    )
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        table = list(csv.DictReader(fh))
    assert [(r["father_phone"], r["guardian_phone"]) for r in table[:2]] == [
        ("13812345678", "13712345678"),
        ("13812345678", "0817-5521234"),
    ]


def test_table_output_groups_by_sheet(tmp_path):
    path = one_of_each(tmp_path)
    out = run("validate", path).stdout
    assert out.index(f"{path} · 花名册") < out.index(f"{path} · 教师") < out.index(f"{path} · 记录")
    assert "D4 " in out and "ID002" in out and "身份证号校验位错误" in out
    assert out.rstrip().endswith("共检查 24 名儿童、4 名教师、4 条帮扶记录：28 个错误，6 个警告")


def test_english_messages(tmp_path):
    path = one_of_each(tmp_path)
    doc = run("--lang", "en", "validate", path, "--format", "json").json()
    f = next(f for f in doc["findings"] if f["code"] == "ID002")
    assert f["message"] == "ID number check digit is wrong"
    assert f["code"] == "ID002" and f["field"] == "id_number"


def test_annotate_marks_cells_and_leaves_input_untouched(tmp_path):
    path = one_of_each(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "标注.xlsx"
    result = run("validate", path, "--annotate", out)
    assert result.exit_code == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "问题清单"
    cell = wb["花名册"]["D4"]
    assert cell.fill.start_color.rgb.endswith("FFC7CE")
    assert "[ID002] 身份证号校验位错误" in cell.comment.text
    assert wb["花名册"]["D7"].fill.start_color.rgb.endswith("FFEB9C")  # warning: yellow
    assert wb["花名册"]["D2"].fill.fill_type is None  # a clean cell stays clean
    listing = wb["问题清单"]
    rows = list(listing.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(EXPECTED)
    link = next(c for c in listing["D"] if c.value == "D4")
    assert link.hyperlink.location == "'花名册'!D4"


def test_annotate_writes_hostile_text_as_text(tmp_path):
    hostile = '=HYPERLINK("http://x","y")'
    path = write_child_csv(tmp_path / "r.csv", child_row(1, 班级=hostile, 出生日期="2016-05-01"))
    out = tmp_path / "a.xlsx"
    assert run("validate", path, "--annotate", out).exit_code == 1
    wb = load_workbook(out)
    listing = wb["问题清单"]
    cell = next(c for c in listing["H"] if c.value == hostile)
    assert cell.data_type == "s"
    assert wb["r"]["F2"].value == hostile and wb["r"]["F2"].data_type == "s"


def test_annotate_refuses_to_overwrite_its_input(tmp_path):
    path = one_of_each(tmp_path)
    before = path.read_bytes()
    result = run("validate", path, "--annotate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith("lbc: 错误：输出文件") and len(result.stderr.splitlines()) == 1
    assert path.read_bytes() == before


def test_annotate_from_csv_builds_a_workbook(tmp_path):
    row = child_row(1, 班级="火箭班", 出生日期="2016-05-01")
    path = write_child_csv(tmp_path / "r.csv", row, encoding="utf-8-sig")
    out = tmp_path / "a.xlsx"
    assert run("validate", path, "--annotate", out).exit_code == 1
    wb = load_workbook(out)
    assert wb["r"]["F2"].value == "火箭班"
    assert "[CLS001]" in wb["r"]["F2"].comment.text


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_every_format_masks_ids(tmp_path, fmt):
    path = one_of_each(tmp_path)
    out = run("validate", path, "--format", fmt).stdout
    assert make_id(B, 140) not in out


def test_remaining_rules_at_their_cells(tmp_path):
    """The rules the one-of-each roster leaves out: future and odd dates, grade/class
    disagreement, ages and capacities out of range, unknown support teachers, work places."""
    header = [*CHILD_HEADER, "年级", "监护人年龄", "父亲务工地址", "帮扶教师"]
    extra = {"年级": "三年级", "监护人年龄": 66, "父亲务工地址": "广东省东莞市", "帮扶教师": "王芳"}

    def row(n, **over):
        values = {**extra, **{k: v for k, v in over.items() if k in extra}}
        base = child_row(n, **{k: v for k, v in over.items() if k not in extra})
        return [*base, *(values[h] for h in header[len(CHILD_HEADER) :])]

    future = dt.date.today() + dt.timedelta(days=30)
    rows = [
        header,
        row(1),  # 2: clean
        row(2, 出生日期=future, 身份证号=None),  # 3: DATE002 (and REQ001 on the ID)
        row(3, 年级="四年级"),  # 4: CLS002
        row(4, 监护人年龄=8),  # 5: VAL003
        row(5, 帮扶教师="刘老师"),  # 6: TCH003 (warning)
        row(6, 父亲务工地址="外地"),  # 7: CON005 (warning)
        row(7, kind="母亲外出", 父亲务工地址=None),  # 8: father at home: no CON005
    ]
    teachers = [
        ["姓名", "联系电话", "可帮扶人数"],
        ["王芳", "13800000001", 2],
        ["李强", "13800000002", 30],  # VAL003 on capacity
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows, "教师": teachers})
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1, result.stderr
    doc = result.json()
    got = {(f["sheet"], f["row"], f["column"], f["code"], f["severity"]) for f in doc["findings"]}
    assert got == {
        ("花名册", 3, "D", "REQ001", "error"),
        ("花名册", 3, "E", "DATE002", "error"),
        ("花名册", 4, "O", "CLS002", "warning"),
        ("花名册", 5, "P", "VAL003", "warning"),
        ("花名册", 6, "R", "TCH003", "warning"),
        ("花名册", 7, "Q", "CON005", "warning"),
        ("教师", 3, "C", "VAL003", "warning"),
    }


def test_tab_and_semicolon_csv(tmp_path):
    for sep in ("\t", ";"):
        path = tmp_path / f"r{ord(sep)}.csv"
        lines = [sep.join(CHILD_HEADER)]
        values = child_row(1, 出生日期="2016-05-01", 班级="火箭班")
        lines.append(sep.join(str(v) for v in values))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        doc = run("validate", path, "--format", "json").json()
        assert [(f["row"], f["column"], f["code"]) for f in doc["findings"]] == [(2, "F", "CLS001")]


def test_a_failed_write_leaves_neither_output_nor_temp_file(tmp_path):
    from lbc.output.files import write_atomic

    out = tmp_path / "out.xlsx"

    def half_then_crash(tmp):
        tmp.write_bytes(b"half a workbook")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, half_then_crash)
    assert list(tmp_path.iterdir()) == []
    write_atomic(out, lambda tmp: tmp.write_bytes(b"done"))
    assert out.read_bytes() == b"done" and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [out]


def test_dashed_and_malformed_phones_are_masked_everywhere(tmp_path):
    rows = [CHILD_HEADER, child_row(1, 父亲电话="138-1234-567")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    for fmt in ("table", "json", "csv"):
        out = run("validate", path, "--format", fmt).stdout
        assert "1234-567" not in out and "1381234567" not in out
        assert "138***4567" in out, fmt
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["value"]) for f in doc["findings"]] == [("PHN001", "138***4567")]


def test_cell_text_is_never_read_as_markup(tmp_path):
    rows = [CHILD_HEADER, child_row(1, 班级="[/]"), child_row(2, 班级="[red]三班")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("validate", path)
    assert result.exit_code == 1, result.stderr
    assert "[/]" in result.stdout and "[red]三班" in result.stdout


def test_the_same_file_named_twice_is_read_once(tmp_path):
    rows = [CHILD_HEADER, child_row(1, 班级="火箭班")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    doc = run("validate", path, tmp_path / "." / "r.xlsx", "--format", "json").json()
    assert doc["summary"]["children"] == 1
    assert [f["code"] for f in doc["findings"]] == ["CLS001"]


def test_a_child_in_two_files_is_a_duplicate_across_files(tmp_path):
    """One finding at the second file; a record naming the child is not ambiguous, since
    the same ID is the same child. a.xlsx and b.xlsx, which declare no school, are two
    schools a and b to every count (validate's lines, lbc merge), so the child is on two
    schools' rosters (DUP003), as over their merged roster; one school's roster sent as
    .xlsx and .csv is one school's (test_merge: DUP001 naming the other file)."""
    records = [RECORD_HEADER, [dt.date(2024, 9, 10), "王芳", "张雨涵", None, "谈心", ""]]
    a = write_xlsx(tmp_path / "a.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    b = write_xlsx(
        tmp_path / "b.xlsx",
        {"花名册": [CHILD_HEADER, child_row(1)], "教师": TEACHERS[:2], "记录": records},
    )
    doc = run("validate", a, b, "--format", "json").json()
    assert not [f for f in doc["findings"] if f["code"].startswith("REC")]
    dup = [f for f in doc["findings"] if f["code"].startswith("DUP")]
    assert [(f["code"], f["file"], f["row"]) for f in dup] == [("DUP003", str(b), 2)]
    assert dup[0]["message"] == "同一身份证号出现在多所学校（a、b）：重复统计，或有一处登记错误"


def test_contact_gap_points_at_a_column_that_exists(tmp_path):
    """No guardian columns at all: a 父亲外出 child without the mother's phone is still named,
    at the mother's phone cell, besides the once-per-file missing column."""
    keep = [h for h in CHILD_HEADER if not h.startswith(("监护人", "与儿童"))]
    row = dict(zip(CHILD_HEADER, child_row(1, kind="父亲外出", 母亲电话=None), strict=True))
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [keep, [row[h] for h in keep]]})
    doc = run("validate", path, "--format", "json").json()
    got = sorted((f["code"], f["row"], f["column"], f["field"]) for f in doc["findings"])
    assert got == [("CON004", 2, "K", "mother_phone")]


def test_parent_unsaid_needs_a_parent_and_someone_at_home(tmp_path):
    rows = [
        CHILD_HEADER,
        child_row(1, kind="单亲留守"),  # 2: everyone on file: VAL004 only
        child_row(2, kind="单亲留守", 父亲电话=None, 母亲电话=None),  # 3: no parent: CON006
        child_row(3, kind="是", 母亲电话=None, 监护人电话=None),  # 4: nobody at home: CON006
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    doc = run("validate", path, "--format", "json").json()
    got = sorted((f["row"], f["code"]) for f in doc["findings"])
    assert got == [(2, "VAL004"), (3, "CON006"), (3, "VAL004"), (4, "CON006"), (4, "VAL004")]


@pytest.mark.parametrize(
    ("place", "ok"),
    [
        ("广东省东莞市长安镇", True),
        ("广东东莞", True),
        ("北京", True),
        ("浙江省宁波市", True),
        ("新疆维吾尔自治区乌鲁木齐市", True),
        ("浙江省", False),
        ("外地", False),
        ("在外打工", False),
        ("回家过年", False),  # home for the new year: where they work is not said
        ("春节后去广东", False),
        ("广东", False),
        (None, False),
    ],
)
def test_work_place_names_province_and_city(place, ok):
    from lbc.checks.engine import _place_ok

    assert _place_ok(place) is ok


def test_one_parent_work_place_column_is_checked_once_a_row(tmp_path):
    header = [*CHILD_HEADER, "家长务工单位及地址"]
    path = write_xlsx(
        tmp_path / "r.xlsx", {"花名册": [header, [*child_row(1), "外地"], [*child_row(2), None]]}
    )
    doc = run("validate", path, "--format", "json").json()
    got = [(f["row"], f["column"], f["code"], f["message"]) for f in doc["findings"]]
    assert got == [
        (2, "O", "CON005", "家长外出，务工地点未填到省、市"),
        (3, "O", "CON005", "家长外出，务工地点未填到省、市"),
    ]


def test_records_without_a_student_column(tmp_path):
    records = [["日期", "帮扶教师", "类型"], [dt.date(2024, 9, 1), "王芳", "谈心"]]
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {"花名册": [CHILD_HEADER, child_row(1)], "教师": TEACHERS[:2], "记录": records},
    )
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["sheet"], f["field"]) for f in doc["findings"]] == [
        ("COL001", "记录", "student")
    ]


def test_annotate_a_csv_whose_name_excel_would_refuse(tmp_path):
    name = "r[1]'这是一个很长很长很长很长很长很长很长很长的文件名.csv"
    path = write_child_csv(tmp_path / name, child_row(1, 班级="火箭班", 出生日期="2016-05-01"))
    out = tmp_path / "a.xlsx"
    result = run("validate", path, "--annotate", out)
    assert result.exit_code == 1 and "1 个单元格被标注" in result.stderr
    wb = load_workbook(out)
    title = wb.sheetnames[1]
    assert len(title) <= 31 and "[" not in title
    assert "[CLS001]" in wb[title]["F2"].comment.text
    link = wb["问题清单"]["D2"].hyperlink.location
    assert link == "'" + title.replace("'", "''") + "'!F2"


def test_annotate_marks_a_merged_cell_on_its_first_cell(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(CHILD_HEADER)
    ws.append(child_row(1, 班级="火箭班"))
    ws.append(child_row(2, 班级=None))
    ws.merge_cells("F2:F3")
    path = tmp_path / "m.xlsx"
    wb.save(path)
    out = tmp_path / "a.xlsx"
    result = run("validate", path, "--annotate", out)
    assert result.exit_code == 1 and "Traceback" not in result.stderr, result.stderr
    marked = load_workbook(out)["花名册"]["F2"]
    assert "[CLS001]" in marked.comment.text


def test_a_missing_column_is_reported_once_per_file(tmp_path):
    header, row, row2 = without(
        ["家庭住址"], child_row(1, cls="一年级(2)班"), child_row(2, cls="二年级(2)班")
    )
    path = write_xlsx(tmp_path / "r.xlsx", {"一年级": [header, row], "二年级": [header, row2]})
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["sheet"], f["field"]) for f in doc["findings"]] == [
        ("COL001", "一年级", "home_address")
    ]


def test_an_implausible_age_from_the_id_alone(tmp_path):
    adult = child_row(1, 身份证号=make_id(dt.date(1980, 1, 1), 124, region="110101"))
    header, row = without(["出生日期"], adult)
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, row]})
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["row"], f["column"]) for f in doc["findings"]] == [("DATE003", 2, "D")]


def test_an_empty_selection_is_a_usage_error(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    result = run("validate", path, "--select", "")
    assert result.exit_code == 2 and result.stderr.startswith("lbc: 错误：未知的规则代码")


def test_a_teacher_listed_in_two_files_needs_a_note(tmp_path):
    """Two 王芳 with two phones; one 王芳 listed twice with one phone is one teacher, as lbc
    pair takes her (test_pair_teacher_classes)."""
    a = write_xlsx(
        tmp_path / "a.xlsx", {"花名册": [CHILD_HEADER, child_row(1)], "教师": TEACHERS[:2]}
    )
    other = [*TEACHERS[1][:2], "13900000009", *TEACHERS[1][3:]]
    b = write_xlsx(tmp_path / "b.xlsx", {"教师": [TEACHERS[0], other]})
    doc = run("validate", a, b, "--format", "json").json()
    dup = [f for f in doc["findings"] if f["code"] == "TCH002"]
    assert [(f["file"], f["row"], f["message"]) for f in dup] == [
        (str(b), 2, f"教师姓名与{a}“教师”第 2 行重名，请在备注中注明区分")
    ]


def with_merged_range(path, ref):
    """``path`` rewritten with one more merged range, ``ref``, on its first sheet (openpyxl
    cannot write a huge one: it makes an object per cell)."""
    source = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
                data = data.replace(b"</sheetData>", b"</sheetData>" + merge.encode())
            zout.writestr(info, data, zipfile.ZIP_DEFLATED)
    return path


def test_annotate_refuses_a_merged_range_openpyxl_would_take_gigabytes_to_load(tmp_path):
    """A range over the rest of the sheet is 17 billion cells to openpyxl: refused at once,
    in one line naming it, before the roster is read; nothing is written."""
    path = with_merged_range(one_of_each(tmp_path), "A40:XFD1048576")
    out = tmp_path / "标注.xlsx"
    started = time.monotonic()
    result = lbc_in_child("validate", path, "--annotate", out)
    assert time.monotonic() - started < 20
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"lbc: 错误：{path} 的合并单元格合计超过 1,000,000 个（最大的是 A40:XFD1048576，"
        "17,179,230,208 个），无法生成标注副本：请在 Excel 中取消这个合并后再试\n",
    )
    assert not out.exists()


def test_annotate_keeps_an_ordinary_merged_range(tmp_path):
    path = with_merged_range(one_of_each(tmp_path), "F40:H41")
    out = tmp_path / "标注.xlsx"
    assert run("validate", path, "--annotate", out).exit_code == 1
    assert [str(r) for r in load_workbook(out)["花名册"].merged_cells.ranges] == ["F40:H41"]


def test_same_name_birth_and_class_in_two_schools_is_no_duplicate(tmp_path):
    """A county's merged roster: 三年级(2)班 of two schools are two classes, so two children
    alike in name, birth date and class but of different 学校 are two children (DUP002 was
    a false error on 1,079 children of the province bench); in one school they are still
    a probable duplicate."""
    header = ["学校", *CHILD_HEADER]
    rows = [
        ["青山小学", *child_row(1, name="王小明", 身份证号=None)],
        ["白鹤小学", *child_row(2, name="王小明", 身份证号=None)],
        ["白鹤小学", *child_row(3, name="王小明", 身份证号=None)],
    ]
    path = write_xlsx(tmp_path / "全县.xlsx", {"花名册": [header, *rows]})
    doc = run("validate", path, "--format", "json").json()
    dup = [(f["row"], f["message"]) for f in doc["findings"] if f["code"] == "DUP002"]
    assert dup == [(4, "姓名、出生日期、班级与第 3 行相同，可能重复登记")]


def test_annotate_in_a_workspace_with_its_pairs_and_returned_record_sheets(samples):
    """After ``lbc pair --save`` and with record sheets handed back, the workspace still has
    one roster to annotate; a returned sheet's finding is listed under its own file and
    does not mark the roster's 帮扶记录 cell that happens to share its sheet and row."""
    assert run("pair", "--save", cwd=samples).exit_code == 0
    assert run("record-sheets", "--term", "2024-autumn", cwd=samples).exit_code == 0
    name = "帮扶记录表_2024年秋季学期_吴林.xlsx"
    returned = samples / "记录表" / name
    wb = load_workbook(returned)
    ws = wb["帮扶记录"]
    ws["B23"], ws["C23"], ws["D23"] = "张无名", "一年级(2)班", "谈心"
    ws["F23"], ws["G23"] = dt.date(2024, 10, 10), "谈学习"
    wb.save(returned)
    out = samples / "标注.xlsx"
    result = run("validate", "--annotate", out, cwd=samples)
    assert result.exit_code == 1, result.stderr
    marked = load_workbook(out)
    roster_records = marked["帮扶记录"]
    assert roster_records["C90"].comment.text == "[REC002] 记录中的学生“张皓宣”不在花名册中"
    assert roster_records["B23"].comment is None
    assert roster_records["B23"].fill.fill_type is None
    listing = [row for row in marked["问题清单"].iter_rows(min_row=2) if row[0].value == "REC002"]
    assert [(r[2].value, r[3].value, r[3].hyperlink is None) for r in listing] == [
        ("帮扶记录", "C90", False),
        (f"{Path('记录表', name)} · 帮扶记录", "B23", True),
    ]


def test_annotate_problem_list_prints_whole_on_a4(tmp_path):
    """The 问题清单 is printed to fix the roster by: A4 landscape, one page wide, its header
    on every page, and a message too long for its column wrapped in a row tall enough to
    show it, not cut off by the value beside it."""
    path = one_of_each(tmp_path)
    out = tmp_path / "标注.xlsx"
    assert run("validate", path, "--annotate", out).exit_code == 1
    ws = load_workbook(out)["问题清单"]
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "ID004")
    message = row[6]
    assert message.value == (
        "身份证号被存成了数字，Excel 只保留15位，后几位已丢失；请把该列设为文本后按原件重新录入"
    )
    assert message.alignment.wrap_text and message.alignment.vertical == "top"
    assert ws.row_dimensions[message.row].height == 36  # two lines of Chinese text
    # The field as a roster heads it, with its key (as lbc columns says it), a teacher's
    # phone as the teachers list heads it.
    fields = {r[0].value: r[4].value for r in ws.iter_rows(min_row=2)}
    assert fields["ID004"] == "身份证号 (id_number)"
    assert fields["TCH001"] == "联系电话 (phone)"


def test_a_roster_holding_nobody_is_placed_at_its_whole_sheet(tmp_path):
    """REQ002 is about the sheet, not a column: its location says 整表 (whole sheet) under
    the file and sheet heading, where a column the sheet lacks says 整列."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER]})
    result = run("validate", path)
    assert result.exit_code == 1
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[0] == f"{path} · 花名册"
    assert lines[3].split() == ["整表", "REQ002", "错误", "儿童表里一名儿童也没有"]
    english = run("--lang", "en", "validate", path)
    row = next(line for line in english.stdout.splitlines() if "REQ002" in line)
    assert row.split()[:3] == ["whole", "sheet", "REQ002"]
    missing = write_xlsx(tmp_path / "m.xlsx", {"花名册": without(["家庭住址"], child_row(1))})
    row = next(line for line in run("validate", missing).stdout.splitlines() if "COL001" in line)
    assert row.split()[0] == "整列"


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("已回家", "CON010"),
        ("回来了。", "CON010"),
        ("已回家务农", "CON010"),  # read as a place of four characters or more: said nothing
        ("在本地工作", "CON010"),
        ("现已回乡务工", "CON010"),
        ("本地", "CON010"),
        ("在家。", "CON010"),
        ("外地", "CON005"),
        ("家", "CON005"),
        ("广东省东莞市", None),
    ],
)
def test_an_away_parents_work_place_saying_they_are_back_is_asked_about(
    tmp_path: Path, place: str, code: str | None
) -> None:
    """留守类型 父亲外出 and 父亲务工地址 已回家: CON005 said the place was not given to
    province and city, or, of 4 characters or more, nothing; the child was counted left
    behind. The two cells disagree: CON010 says so, in the place's own words."""
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {"花名册": [[*CHILD_HEADER, "父亲务工地址"], [*child_row(1), place]]},
    )
    doc = run("validate", path, "--format", "json").json()
    got = [(f["code"], f["severity"], f["message"]) for f in doc["findings"]]
    said = {
        "CON010": f"留守类型写父亲外出，务工地点却写着“{place}”，像是已经回家",
        "CON005": "父亲外出，务工地点未填到省、市",
    }
    assert got == ([(code, "warning", said[code])] if code else [])


@pytest.mark.parametrize(
    ("kind", "why"),
    [
        ("孤儿", "（“孤儿”是帮扶类别，请写在“类别”列；这一列写父母是否外出）"),
        ("低保（2023年起）", "（“低保”是帮扶类别，请写在“类别”列；这一列写父母是否外出）"),
        ("单亲", ""),  # may be 单亲留守 cut short: no category said
        ("外出", ""),
    ],
)
def test_a_support_category_written_as_the_left_behind_type_is_said_where_it_goes(
    tmp_path: Path, kind: str, why: str
) -> None:
    """留守类型 孤儿 was told only the values allowed (VAL001): a school would write 非留守
    over it, and the child's 孤儿 would be lost. The message now says where it belongs."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1, kind=kind)]})
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["message"]) for f in found] == [
        (
            "VAL001",
            "“留守类型”的值无法识别，可填：父母均外出、父亲外出、母亲外出、非留守" + why,
        )
    ]


def test_a_second_column_of_the_childs_id_is_read_where_the_first_is_empty(
    tmp_path: Path,
) -> None:
    """身份证号 and 班级 typed again at the sheet's end, the first columns empty on some
    rows: the second was never read, and each child was said to have no ID and no class
    (REQ001), with a note that only the first is read. It is read where the first is
    empty, a finding on it pointing at its own cell; where both are filled, the first."""
    header = [*CHILD_HEADER, "身份证号", "班级"]
    at, cls = CHILD_HEADER.index("身份证号"), CHILD_HEADER.index("班级")
    rows = [header]
    for n, broken in ((1, False), (2, True), (3, False)):
        row = list(child_row(n))
        ident = row[at][:-1] + ("0" if row[at][-1] != "0" else "1") if broken else row[at]
        moved = [ident, row[cls]]
        if n != 3:  # the third child's cells are in the first columns too
            row[at] = row[cls] = None
        rows.append([*row, *moved])
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("validate", path, "--format", "json")
    found = [(f["row"], f["column"], f["code"]) for f in result.json()["findings"]]
    assert found == [(3, "O", "ID002")]
    assert result.stderr.splitlines() == [
        f"提示：{path} 的“花名册”有与前面的列同一字段的列，前面那一列空着的行才读这一列："
        "身份证号(O)、班级(P)"
    ]
