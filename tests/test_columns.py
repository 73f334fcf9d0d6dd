"""`lbc columns`: how each sheet was read, column by column, as a table and as JSON."""

from __future__ import annotations

from pathlib import Path

from test_forms import XJ_HEADER, flat, write_printed_form, xj_rows

from conftest import CHILD_HEADER, child_row, run, write_xlsx


def test_printed_registration_form_explained(tmp_path: Path) -> None:
    path = write_printed_form(tmp_path / "登记表.xlsx")
    result = run("columns", path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    (entry,) = result.json()["files"]
    (sheet,) = entry["sheets"]
    assert (sheet["kind"], sheet["header_rows"], sheet["rows"]) == ("children", [2, 3], 3)
    got = {(c["column"], c["field"]): c for c in sheet["columns"]}
    assert got["D", "name"] == {
        "column": "D",
        "header": "姓名",
        "header_cells": ["D2"],
        "field": "name",
        "label": "姓名",
        "read_from": None,
        "coding": None,
        "option": None,
    }
    assert got["P", "father_name"]["header"] == "父亲姓名"
    assert got["P", "father_name"]["header_cells"] == ["P2", "P3"]
    assert got["AC", "guardian_phone"]["header"] == "委托监护人电话"
    assert got["Z", "care_situation"]["read_from"] is None
    assert got["Z", "left_behind_type"]["read_from"] == "care_situation"
    assert [(c["column"], c["field"]) for c in sheet["columns"]][:4] == [
        ("B", "grade"),
        ("C", "class"),
        ("D", "name"),
        ("E", "gender"),
    ]
    assert len(sheet["columns"]) == 32
    assert sheet["ignored"] == [
        {"column": c, "header": h, "header_cells": [f"{c}2"], "why": why, "guess": None}
        for c, h, why in (
            ("A", "序号", "numbering"),
            ("I", "是否登记户口", "form"),
            ("J", "户籍所在地", "form"),
            ("AH", "家庭经济来源", "form"),
        )
    ]
    assert entry["skipped_sheets"] == []


def test_coded_column_repeats_and_unknown_in_the_table(tmp_path: Path) -> None:
    header = ["序号", "姓名", "身份证件号", "班级", "现住址", "家庭地址", "是否留守儿童", "爱好"]
    keep = [XJ_HEADER.index(h) for h in header[1:-1]]
    rows = [[row[j] for j in keep] for row in flat(XJ_HEADER, xj_rows((0, 1, 2, 1)))[1:]]
    rows = [[n, *row, "画画", "x"] for n, row in enumerate(rows, 1)]
    sheets = {"学生": [[*header, "父亲出生日其"], *rows], "说明": [["本表由学籍系统导出"]]}
    path = write_xlsx(tmp_path / "学籍.xlsx", sheets)
    result = run("columns", path)
    assert (result.exit_code, result.stderr) == (0, "")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert set(lines.pop(3).strip()) == {"─"}  # the rule under the table's header
    assert lines == [
        f"{path} 的“学生”：留守儿童花名册，表头在第 1 行，4 行数据",
        "",
        "  列   表头           表头单元格   读作字段                      说明",
        "  A    序号           A1           （未读）                      "
        "序号、来源、应完成等辅助列，不作为数据读取",
        "  B    姓名           B1           姓名 (name)",
        "  C    身份证件号     C1           身份证号 (id_number)",
        "  D    班级           D1           班级 (class)",
        "  E    现住址         E1           家庭住址 (home_address)",
        "  F    家庭地址       F1           （未读）                      "
        "与前面的列是同一字段，只读前面那一列",
        "  G    是否留守儿童   G1           留守类型 (left_behind_type)   "
        "代码按 0=非留守、1=单亲留守、2=双亲留守读",
        "  H    爱好           H1           （未读）                      "
        "未识别的表头；如是某个字段，请在 lbc.toml 的 [synonyms] 中写明",
        "  I    父亲出生日其   I1           （未读）                      "
        "未识别的表头，可能是“父亲出生日期”；如果是，请在 lbc.toml 中写明："
        '[synonyms] father_birth_date = ["父亲出生日其"]',
        "",
        f"{path} 的工作表“说明”不是花名册、教师名单或帮扶记录，未读",
    ]


def test_columns_in_english(tmp_path: Path) -> None:
    header = ["姓名", "身份证件号", "班级", "是否留守儿童", "户口性质"]
    rows = [[row[h] for h in header] for row in xj_rows(("1", "2", "3", "2"))]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"Sheet1": [header, *rows]})
    result = run("--lang", "en", "columns", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    assert [(c["field"], c["coding"]) for c in sheet["columns"]] == [
        ("name", None),
        ("id_number", None),
        ("class", None),
        ("left_behind_type", "1/2/3"),
    ]
    table = run("--lang", "en", "columns", path).stdout
    assert "codes read as 1 = not left behind, 2 = one parent away, 3 = both away" in table
    assert "a column of the official forms that lbc does not use" in table
    assert "未" not in table and "读" not in table


def test_columns_in_english_lists_header_rows_and_cells_with_english_commas(
    tmp_path: Path,
) -> None:
    """The registration form's header spans two rows (父亲 over 姓名): with --lang en the
    rows and a column's header cells are listed as English lists them, not with 、."""
    path = write_printed_form(tmp_path / "登记表.xlsx")
    table = run("--lang", "en", "columns", path).stdout
    assert "header in row 2, 3; 3 data rows" in table
    assert "P2, P3" in table
    assert "、" not in table
    csv = run("--lang", "en", "columns", path, "--format", "csv").stdout
    assert ',"P2, P3",' in csv


def test_columns_as_csv(tmp_path: Path) -> None:
    header = ["序号", "姓名", "身份证件号", "班级", "是否留守儿童"]
    rows = [[n, *(row[h] for h in header[1:])] for n, row in enumerate(xj_rows((0, 1, 2, 1)), 1)]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"Sheet1": [header, *rows]})
    result = run("columns", path, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "\ufeff文件,工作表,列,表头,表头单元格,字段,说明",
        f"{path},Sheet1,A,序号,A1,（未读）,序号、来源、应完成等辅助列，不作为数据读取",
        f"{path},Sheet1,B,姓名,B1,姓名 (name),",
        f"{path},Sheet1,C,身份证件号,C1,身份证号 (id_number),",
        f"{path},Sheet1,D,班级,D1,班级 (class),",
        f"{path},Sheet1,E,是否留守儿童,E1,留守类型 (left_behind_type),"
        "代码按 0=非留守、1=单亲留守、2=双亲留守读",
    ]


def test_a_rosters_own_teacher_phone_column_is_said_to_be_not_read_there(tmp_path: Path) -> None:
    """A school's roster with its own 教师电话 beside 帮扶教师 (or a 重点帮扶原因): lbc reads
    neither there, and says so, not that lbc's pairs workbook wrote them."""
    header = [*CHILD_HEADER, "帮扶教师", "教师电话", "重点帮扶原因"]
    path = tmp_path / "花名册.xlsx"
    write_xlsx(path, {"花名册": [header, [*child_row(1), "王芳", "13800001111", "父母均外出"]]})
    result = run("columns", path, "--format", "json")
    (entry,) = result.json()["files"]
    (sheet,) = entry["sheets"]
    assert [(c["column"], c["header"], c["why"]) for c in sheet["ignored"]] == [
        ("A", "序号", "numbering"),
        ("P", "教师电话", "teacher_phone"),
        ("Q", "重点帮扶原因", "own_elsewhere"),
    ]
    shown = run("columns", path).stdout.splitlines()
    assert [line.rstrip() for line in shown if "教师电话" in line or "重点帮扶原因" in line] == [
        "  P    教师电话       P1           （未读）                         "
        "lbc 不读这一列：帮扶教师的电话取自教师名单的“联系电话”列",
        "  Q    重点帮扶原因   Q1           （未读）                         "
        "lbc 不读这一列（lbc 的结对名单也有这一列，只供人查看）",
    ]
    english = run("--lang", "en", "columns", path, "--format", "csv").stdout.splitlines()
    assert [line for line in english if "教师电话" in line or "重点帮扶原因" in line] == [
        f"{path},花名册,P,教师电话,P1,(not read),"
        "not read here: a support teacher's phone is read from the teachers list's 联系电话 column",
        f'{path},花名册,Q,重点帮扶原因,Q1,(not read),"not read '
        "(lbc's pairs workbook has a column of this name too, only for people to read)\"",
    ]


def test_a_hidden_column_gives_way_to_the_shown_one_of_its_field(tmp_path: Path) -> None:
    """Last year's guardian hidden (L-N) beside this year's (O-Q): the guardian a person
    sees is read, whose phone is missing (CON001 at Q2), and lbc columns says the hidden
    three were left for it. The hidden ones were read, and the child said reachable. A
    hidden column alone of its field is read as any other (G, 留守类型)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    guardian = ["监护人姓名", "与儿童关系", "监护人电话"]
    sheet.append([*CHILD_HEADER[:11], *guardian, *guardian])
    sheet.append([*child_row(1)[:11], "张大爷", "祖父", "13712345678", "李婆婆", "外祖母", None])
    for letter in "ILMN":
        sheet.column_dimensions[letter].hidden = True
    path = tmp_path / "r.xlsx"
    book.save(path)
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["column"], f["row"]) for f in found] == [("CON001", "Q", 2)]
    (entry,) = run("columns", path, "--format", "json").json()["files"]
    (read,) = entry["sheets"]
    assert [(c["column"], c["why"]) for c in read["ignored"]] == [
        ("A", "numbering"),
        ("L", "hidden"),
        ("M", "hidden"),
        ("N", "hidden"),
    ]
    assert {c["field"]: c["column"] for c in read["columns"]}["left_behind_type"] == "I"


def test_a_teachers_record_sheet_alone_is_described(tmp_path: Path) -> None:
    """A teacher asking why her returned sheet was not counted runs lbc columns on it
    alone: its records sheet is described (lbc said no roster was found in it), lbc's 应完成
    column as a helper column."""
    title = "青山镇中心小学2024年秋季学期帮扶记录表（王芳，2024年9月1日至2025年1月31日）"
    header = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]
    row = [1, "张雨涵", "三年级(2)班", "谈心", "2024年9月", "2024-09-10", "谈学习", "王芳"]
    path = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [[title], header, row]})
    result = run("columns", path, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "\ufeff文件,工作表,列,表头,表头单元格,字段,说明",
        f"{path},帮扶记录,A,序号,A2,（未读）,序号、来源、应完成等辅助列，不作为数据读取",
        f"{path},帮扶记录,B,学生姓名,B2,学生姓名 (student),",
        f"{path},帮扶记录,C,班级,C2,班级 (class),",
        f"{path},帮扶记录,D,类型,D2,类型 (kind),",
        f"{path},帮扶记录,E,应完成,E2,（未读）,序号、来源、应完成等辅助列，不作为数据读取",
        f"{path},帮扶记录,F,日期,F2,日期 (date),",
        f"{path},帮扶记录,G,内容,G2,内容 (content),",
        f"{path},帮扶记录,H,帮扶教师,H2,帮扶教师 (teacher),",
    ]


def test_a_roster_whose_header_is_not_read_still_says_what_a_roster_needs(
    tmp_path: Path,
) -> None:
    """A school running lbc columns on its roster whose header lbc cannot read (名字,
    身份号) is told which columns a roster needs and gets a failing exit, in every format,
    as before a teachers list or record sheet alone was described: not an empty table that
    says nothing of the sheet (CSV) and exits 0."""
    header = ["序号", "名字", "性别", "身份号", "班别"]
    path = write_xlsx(
        tmp_path / "花名册.xlsx", {"花名册": [header, [1, "张三", "男", "x", "三年级"]]}
    )
    said = f"lbc: 错误：在 {path} 中没有找到留守儿童名册（表头需含“姓名”“身份证号”“班级”等列）\n"
    for fmt in ("table", "json", "csv"):
        result = run("columns", path, "--format", fmt)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)
