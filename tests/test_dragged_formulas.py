"""Rows of a roster's VLOOKUP formulas dragged down past the last child: below the
children, every looked-up cell shows #N/A (the key it looks up is empty), often beside a
typed 序号. Such a row holds no child: no command counts, lists or pairs it, and
lbc validate says each run of them once (VAL008), every other command in a note; a row
holding anything typed besides its 序号, or another error (#REF!: the sheet looked up
deleted) where lbc reads, stays a child, each error cell said (VAL007). A row whose only
error is in a column lbc does not read stays no child and unsaid, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx
from lbc.roster import reading, sheet_pieces

SHEET = "留守儿童花名册"
HEADER = ["序号", "姓名", "性别", "身份证号", "班级", "留守类型", "监护人姓名", "监护人电话"]
ZHANG = [
    1,
    "张三",
    "男",
    "110101201601010014",
    "三年级(2)班",
    "父母均外出",
    "张大山",
    "13812345678",
]
LI = [2, "李四", "女", "110101201602020025", "三年级(2)班", "父母均外出", "李大海", "13812345679"]
NA = "#N/A"
# What VAL008 says of rows 4-7, and what every other command's note says of them.
SAID = (
    "第 4–7 行（共 4 行）除序号外只显示公式查找不到时的 #N/A，没有儿童信息，未算作儿童："
    "若是公式下拉过了头，请整行删除；若这些行是孩子，请填上公式查找所用的内容（如学籍号）"
)


def dragged(path: Path, rows: list[list[Any]] | None = None, header: list[str] = HEADER) -> Path:
    """The roster of 张三 and 李四 with four rows under them whose 序号 is typed (3-6)
    and whose every other cell shows #N/A (openpyxl writes "#N/A" as an error cell), or
    of ``rows``."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(header)
    for row in [ZHANG, LI, *([n, *[NA] * 7] for n in range(3, 7))] if rows is None else rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def note(path: Path, message: str = SAID) -> str:
    return f"提示：{path} 的“{SHEET}”{message}（见 lbc validate 的 VAL008）"


def merge_note(path: Path, message: str = SAID) -> str:
    """lbc merge's: the merged roster keeps no trace of the rows."""
    return (
        f"提示：{path} 的“{SHEET}”{message}。这些行没有写入合并后的名册，"
        "请在该校的这个文件里查看（见 lbc validate 的 VAL008）"
    )


def test_rows_showing_only_na_are_no_children(tmp_path: Path) -> None:
    """They were six children: validate checked 6 and said 28 VAL007, the summary counted
    6 with a class "#N/A" of 4, pairing left 4 children named "#N/A" unpaired."""
    path = dragged(tmp_path / "青山小学" / "花名册.xlsx")
    assert load_workbook(path)[SHEET]["B4"].data_type == "e"  # as Excel saves a failed lookup
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1
    found = result.json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found if f["row"]] == [
        ("ID002", 2, "D", "身份证号校验位错误"),
        ("ID002", 3, "D", "身份证号校验位错误"),
        ("VAL008", 4, None, SAID),
    ]
    (val008,) = [f for f in found if f["code"] == "VAL008"]
    assert (val008["severity"], val008["sheet"], val008["value"]) == ("error", SHEET, NA)
    assert (val008["field"], val008["child"]) == (None, None)
    assert result.json()["summary"]["children"] == 2
    assert "VAL008" not in result.stderr  # said once, by the finding
    table = run("validate", path)
    assert "共检查 2 名儿童、0 名教师、0 条帮扶记录：7 个错误，0 个警告" in table.stdout
    assert table.stdout.count("#N/A") == 2  # VAL008's value and its sentence, no cell's

    summary = run("summary", path, "--term", "2024-autumn")
    assert summary.exit_code == 0
    assert "本学期我校在册关爱对象 2 名，其中留守儿童 2 名；男 1 人，女 1 人。" in summary.stdout
    assert "| 三年级(2)班 | 2 |\n| 合计 | 2 |" in summary.stdout
    assert NA not in summary.stdout
    assert note(path) in summary.stderr.splitlines()

    write_xlsx(path.parent / "教师.xlsx", {"教师": [TEACHER_HEADER, ZHANG_TEACHER]})
    paired = run("pair", path.parent, "--format", "json")
    assert paired.exit_code == 0
    assert (paired.json()["summary"]["children"], paired.json()["unpaired"]) == (2, [])
    assert [p["child"] for p in paired.json()["pairs"]] == ["张三", "李四"]
    assert note(path) in paired.stderr.splitlines()

    flagged = run("flag", path, "--format", "json")
    assert NA not in flagged.stdout
    assert note(path) in flagged.stderr.splitlines()


ZHANG_TEACHER = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"]


def test_merge_counts_the_rows_as_validate_does(tmp_path: Path) -> None:
    """lbc merge wrote the four rows into the county's roster as children and counted 28
    errors of the school's: it writes two children, counts VAL008 among the school's
    errors as lbc validate does (on the school's own file: the merged roster holds no
    trace of the rows), and its note says the rows are not written into it."""
    path = dragged(tmp_path / "县" / "青山小学" / "花名册.xlsx")
    county = tmp_path / "全县.xlsx"
    merged = run("merge", tmp_path / "县", "--out", county, "--format", "json")
    assert merged.exit_code == 1
    (school,) = merged.json()["schools"]
    assert (school["children"], school["errors"]) == (2, 7)
    assert run("validate", path, "--format", "json").json()["summary"]["errors"] == 7
    assert merged.stderr.splitlines()[1:] == [merge_note(path)]
    header, *rows = load_workbook(county)[SHEET].values
    assert [(row[header.index("姓名")], row[header.index("来源行")]) for row in rows] == [
        ("张三", 2),
        ("李四", 3),
    ]


def test_rows_typed_beside_the_errors_stay_children(tmp_path: Path) -> None:
    """A row with a name typed, one whose cells hold the text " #N/A" (typed with a space,
    no formula's error), and one with a 学籍号 typed in a column lbc does not read are
    children, each cell showing an error said as VAL007; the rows showing only errors and
    at most a 序号 (one without a 序号 too) are not, each run said once."""
    header = [*HEADER, "学籍号"]
    rows = [
        [*ZHANG, None],
        [2, "王五", *[NA] * 6, None],  # a name typed
        [3, *[" #N/A"] * 7, None],  # text, not an error
        [4, *[NA] * 7, "G110101201603030036"],  # a 学籍号
        [5, *[NA] * 7, None],
        [None, *[NA] * 7, None],
        [],
        [8, NA, *[None] * 6, None],
    ]
    path = dragged(tmp_path / "花名册.xlsx", rows, header)
    result = run("validate", path, "--format", "json")
    found = [(f["code"], f["row"], f["column"]) for f in result.json()["findings"]]
    val007 = [(row, column) for code, row, column in found if code == "VAL007"]
    assert val007 == [*((3, c) for c in "CDEFGH"), *((5, c) for c in "BCDEFGH")]
    assert [(code, row) for code, row, _ in found if code == "VAL008"] == [
        ("VAL008", 6),
        ("VAL008", 9),
    ]
    (_, val008) = [f["message"] for f in result.json()["findings"] if f["code"] == "VAL008"]
    assert val008.startswith("第 9 行除序号外只显示公式查找不到时的 #N/A，没有儿童信息")
    assert result.json()["summary"]["children"] == 4
    report = run("summary", path, "--term", "2024-autumn").stdout
    assert "本学期我校在册关爱对象 4 名" in report


def test_a_sheet_of_nothing_but_such_rows_holds_nobody(tmp_path: Path) -> None:
    """Every row below the header shows only #N/A: the sheet holds nobody (REQ002), and
    the rows are said (VAL008); no command takes them for children, and none fails."""
    rows = [[n, *[NA] * 7] for n in range(1, 4)]
    path = dragged(tmp_path / "花名册.xlsx", rows)
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1
    assert [(f["code"], f["row"]) for f in result.json()["findings"] if f["code"] != "COL001"] == [
        ("REQ002", None),
        ("VAL008", 2),
    ]
    (val008,) = [f["message"] for f in result.json()["findings"] if f["code"] == "VAL008"]
    assert val008.startswith("第 2–4 行（共 3 行）除序号外只显示公式查找不到时的 #N/A")
    assert result.json()["summary"]["children"] == 0
    flagged = run("flag", path)
    assert flagged.exit_code == 1
    assert flagged.stdout.strip() == "花名册里一名儿童也没有，无从检查联系方式。"
    assert note(path, val008) in flagged.stderr.splitlines()
    summary = run("summary", path, "--term", "2024-autumn")
    assert summary.exit_code == 2
    assert "没有在册儿童" in summary.stderr


def test_in_english_the_rows_are_said_in_english(tmp_path: Path) -> None:
    path = dragged(tmp_path / "花名册.xlsx")
    result = run("--lang", "en", "validate", path, "--format", "json")
    (val008,) = [f["message"] for f in result.json()["findings"] if f["code"] == "VAL008"]
    assert val008 == (
        "rows 4–7 (4 rows): nothing but #N/A (a formula's lookup finding nothing) besides"
        " 序号, no child's data, so not counted as a child; if a formula was dragged down too"
        " far, delete the rows; if they are children, fill in what the formula looks up by"
        " (a 学籍号 …)"
    )


def test_a_run_read_in_pieces_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A roster read in pieces (a county's, of a million rows) finds the run across the
    pieces' edges: said once, as when the sheet is read whole."""
    rows = [child_row(n) for n in range(1, 61)]
    rows += [[n, *[NA] * (len(CHILD_HEADER) - 1)] for n in range(61, 101)]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    whole = run("validate", path, "--format", "json")
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    pieces = run("validate", path, "--format", "json")
    assert (pieces.exit_code, pieces.stdout) == (whole.exit_code, whole.stdout)
    found = whole.json()["findings"]
    assert [(f["code"], f["row"]) for f in found] == [("VAL008", 62)]
    assert found[0]["message"].startswith("第 62–101 行（共 40 行）除序号外只显示")
    assert whole.json()["summary"]["children"] == 60


def test_rows_showing_another_error_stay_children(tmp_path: Path) -> None:
    """#REF! (the sheet looked up deleted), #VALUE! … more likely mean children whose data
    was lost: such a row is a child, each error cell said (VAL007), even beside cells
    showing #N/A; a row showing #N/A where lbc reads and #VALUE! only in a column lbc does
    not read (计算年龄, working on the empty key) is a dragged lookup's, no child."""
    header = [*HEADER, "计算年龄"]
    rows = [
        [*ZHANG, 8],
        [*LI, 8],
        [3, *["#REF!"] * 7, "#REF!"],
        [4, NA, "#VALUE!", *[NA] * 5, None],
        [5, *[NA] * 7, "#VALUE!"],
    ]
    path = dragged(tmp_path / "花名册.xlsx", rows, header)
    result = run("validate", path, "--format", "json")
    found = [(f["code"], f["row"], f["column"], f["value"]) for f in result.json()["findings"]]
    assert [x for x in found if x[0] == "VAL007"] == [
        *(("VAL007", 4, c, "#REF!") for c in "BCDEFGH"),
        ("VAL007", 5, "B", NA),
        ("VAL007", 5, "C", "#VALUE!"),
        *(("VAL007", 5, c, NA) for c in "DEFGH"),
    ]
    assert [x for x in found if x[0] == "VAL008"] == [("VAL008", 6, None, NA)]
    assert result.json()["summary"]["children"] == 4
    summary = run("summary", path, "--term", "2024-autumn")
    assert "本学期我校在册关爱对象 4 名" in summary.stdout


@pytest.mark.parametrize("numbered", [False, True])
def test_an_error_only_where_lbc_does_not_read_is_no_child_and_unsaid(
    tmp_path: Path, numbered: bool
) -> None:
    """A helper column (计算年龄) dragged down below the children shows #VALUE!, every
    column lbc reads empty, a 序号 typed or not: no child, and nothing said of the rows,
    as before rows showing #N/A were told apart."""
    rows = [[*child_row(n), 8] for n in (1, 2, 3)]
    rows += [
        [n if numbered else None, *[None] * (len(CHILD_HEADER) - 1), "#VALUE!"]
        for n in range(4, 24)
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [[*CHILD_HEADER, "计算年龄"], *rows]})
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["findings"]) == (0, [])
    assert result.json()["summary"]["children"] == 3
    assert result.stderr.splitlines() == [
        f"提示：{path} 的“花名册”有未识别的列，已忽略：计算年龄(O)"
    ]
    summary = run("summary", path, "--term", "2024-autumn")
    assert summary.exit_code == 0
    assert "VAL008" not in summary.stderr


def test_an_error_in_an_unlabelled_column_is_no_child_and_unsaid(tmp_path: Path) -> None:
    """The same helper column with no label over it."""
    rows = [[*child_row(n), 8] for n in (1, 2, 3)]
    rows += [[*[None] * len(CHILD_HEADER), "#VALUE!"] for _ in range(20)]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["findings"], result.stderr) == (0, [], "")
    assert result.json()["summary"]["children"] == 3


def test_a_sheet_with_no_numbering_is_said_without_it(tmp_path: Path) -> None:
    """Where the sheet has no 序号 column, the rows are not said to show #N/A besides one."""
    rows = [row[1:] for row in (ZHANG, LI)] + [[NA] * 7 for _ in range(2)]
    path = dragged(tmp_path / "花名册.xlsx", rows, HEADER[1:])
    result = run("validate", path, "--format", "json")
    (val008,) = [f["message"] for f in result.json()["findings"] if f["code"] == "VAL008"]
    assert val008 == (
        "第 4–5 行（共 2 行）只显示公式查找不到时的 #N/A，没有儿童信息，未算作儿童："
        "若是公式下拉过了头，请整行删除；若这些行是孩子，请填上公式查找所用的内容（如学籍号）"
    )


# A county's template: 学校 typed on every row, the children's own columns looked up.
COUNTY = ["序号", "学校", *HEADER[1:]]


def county(path: Path, rows: list[list[Any]], header: list[str] = COUNTY) -> Path:
    """张三 and 李四 of 青山小学 under ``header``, then ``rows``."""
    zhang, li = ([r[0], "青山小学", *r[1:]] for r in (ZHANG, LI))
    return dragged(path, [zhang, li, *rows], header)


def counted(path: Path) -> tuple[int, list[tuple[str, int, str]]]:
    result = run("validate", path, "--format", "json")
    found = result.json()["findings"]
    return result.json()["summary"]["children"], [
        (f["code"], f["row"], f["message"]) for f in found if f["code"] in ("VAL007", "VAL008")
    ]


def said_besides(first: int, last: int, besides: str) -> str:
    return SAID.replace(
        "第 4–7 行（共 4 行）除序号外", f"第 {first}–{last} 行（共 3 行）除{besides}外"
    )


def test_rows_of_na_beside_a_typed_school_are_no_children(tmp_path: Path) -> None:
    """A county's template fills 学校 on every row: the three rows of #N/A under the
    children counted as three children more (validate 5 for 2, the summary a class
    "#N/A" of 3). They are the dragged rows they are, besides their 序号 and 学校."""
    rows = [[n, "青山小学", *[NA] * 7] for n in range(3, 6)]
    path = county(tmp_path / "青山小学" / "花名册.xlsx", rows)
    assert counted(path) == (2, [("VAL008", 4, said_besides(4, 6, "序号、学校"))])
    summary = run("summary", path, "--term", "2024-autumn")
    assert "| 三年级(2)班 | 2 |\n| 合计 | 2 |" in summary.stdout
    assert NA not in summary.stdout


def test_a_merged_class_over_the_rows_of_na_makes_them_no_children(tmp_path: Path) -> None:
    """A class's 班级 cell merged down over its rows, the dragged ones too: filled down,
    it made each of them a child of that class."""
    rows = [[n, "青山小学", NA, NA, NA, None, NA, NA, NA] for n in range(3, 6)]
    path = county(tmp_path / "花名册.xlsx", rows)
    book = load_workbook(path)
    for row in range(3, 7):
        book[SHEET][f"F{row}"] = None
    book[SHEET].merge_cells("F2:F6")
    book.save(path)
    assert counted(path) == (2, [("VAL008", 4, said_besides(4, 6, "序号、学校、班级"))])


def test_the_school_and_class_first_make_no_row_a_child(tmp_path: Path) -> None:
    """Read for speed at its first two columns, a row whose 学校 and 班级 come first was
    a child's for those two being filled."""
    header = ["学校", "班级", "序号", "姓名", "性别", "身份证号", "留守类型", "监护人姓名"]
    rows = [
        ["青山小学", "三年级(2)班", 1, "张三", "男", "110101201601010014", "父母均外出", "张大山"],
        *(["青山小学", "三年级(2)班", n, *[NA] * 5] for n in range(2, 5)),
    ]
    path = dragged(tmp_path / "花名册.xlsx", rows, header)
    assert counted(path) == (1, [("VAL008", 3, said_besides(3, 5, "学校、班级、序号"))])


def test_rows_with_a_child_s_own_datum_or_another_error_stay_children(tmp_path: Path) -> None:
    """A name typed beside the #N/A, or #REF! where lbc reads: a child, her cells said."""
    rows = [
        [3, "青山小学", "王五", *[NA] * 6],
        [4, "青山小学", NA, NA, "#REF!", *[NA] * 4],
    ]
    path = county(tmp_path / "花名册.xlsx", rows)
    children, found = counted(path)
    assert children == 4
    assert {code for code, _, _ in found} == {"VAL007"}
    assert sorted({row for _, row, _ in found}) == [4, 5]


def test_template_rows_of_only_a_school_are_nobody(tmp_path: Path) -> None:
    """Rows of the template below the last child and teacher filled with 学校 and a 序号
    alone were children and teachers with no name: REQ001 on each, and TCH001 on each
    such teacher's row. They are unused rows, as a row of a 序号 alone is; a row naming
    no teacher but holding her subject is a teacher's whose name is missing."""
    children = [[n, "青山小学"] for n in range(3, 6)]
    path = county(tmp_path / "花名册.xlsx", children)
    book = load_workbook(path)
    teachers = book.create_sheet("教师名单")
    teachers.append(["序号", "学校", *TEACHER_HEADER])
    teachers.append([1, "青山小学", *ZHANG_TEACHER])
    for n in range(2, 5):
        teachers.append([n, "青山小学"])
    teachers.append([5, "青山小学", None, None, None, None, None, "数学"])
    book.save(path)
    result = run("validate", path, "--format", "json")
    assert result.json()["summary"]["children"] == 2
    assert result.json()["summary"]["teachers"] == 2
    assert [
        (f["sheet"], f["row"], f["code"])
        for f in result.json()["findings"]
        if f["code"] in ("REQ001", "TCH001")
    ] == [("教师名单", 6, "REQ001"), ("教师名单", 6, "TCH001")]


def test_numbered_rows_of_a_class_template_are_no_children(tmp_path: Path) -> None:
    """A class teacher's template numbers its rows and fills its class on each: the unused
    rows were children with no name (7 for 2, REQ001 on each, the summary's 在册 7). They
    are nobody, as rows of a 序号 alone are; a row naming its class alone stays what it was,
    and a row holding a child's datum beside them is hers (REQ001 on its name)."""
    rows = [
        ZHANG,
        LI,
        *([n, None, None, None, "三年级(2)班"] for n in range(3, 8)),
        [8, None, "女", None, "三年级(2)班"],
    ]
    path = dragged(tmp_path / "花名册.xlsx", rows)
    result = run("validate", path, "--format", "json")
    assert result.json()["summary"]["children"] == 3
    required = {f["row"] for f in result.json()["findings"] if f["code"] == "REQ001"}
    assert required == {9}
    summary = run("summary", path, "--term", "2024-autumn")
    assert "本学期我校在册关爱对象 3 名" in summary.stdout


def test_teachers_template_rows_filled_in_with_defaults_are_nobody(tmp_path: Path) -> None:
    """A teachers list's template fills 党员 否, 在岗 是 and 可帮扶人数 2 on every row: its
    unused rows, numbered or not, were teachers with no name (validate's 5 teachers for
    one, REQ001 and TCH001 on each). They name nobody; a row holding a phone beside them
    is a teacher's whose name is missing, and pair leaves her out, saying so, and so are
    rows whose 在岗 or 可帮扶人数 no template would fill in (支教, 50): each cell said."""
    path = dragged(tmp_path / "花名册.xlsx", [ZHANG, LI])
    book = load_workbook(path)
    teachers = book.create_sheet("教师名单")
    teachers.append(["序号", *TEACHER_HEADER, "可帮扶人数"])
    teachers.append([1, *ZHANG_TEACHER, 2])
    for n in range(2, 4):
        teachers.append([n, None, None, None, None, None, None, "否", "是", 2])
    teachers.append([None, None, None, None, None, None, None, "否", "是", 2])
    teachers.append([None, None, None, None, None, None, None, None, "是"])
    teachers.append([6, None, None, "13800000002", None, None, None, "否", "是", 2])
    teachers.append([7, None, None, None, None, None, None, "否", "支教", 2])
    teachers.append([8, None, None, None, None, None, None, "否", "是", 50])
    book.save(path)
    result = run("validate", path, "--format", "json")
    assert result.json()["summary"]["teachers"] == 4
    assert [
        (f["row"], f["column"], f["code"])
        for f in result.json()["findings"]
        if f["sheet"] == "教师名单"
    ] == [
        (7, "B", "REQ001"),
        (8, "B", "REQ001"),
        (8, "D", "TCH001"),
        (8, "I", "VAL001"),
        (9, "B", "REQ001"),
        (9, "D", "TCH001"),
        (9, "J", "VAL003"),
    ]
    paired = run("pair", path, "--format", "json")
    assert paired.json()["summary"]["teachers"] == 1
    assert "提示：教师名单中有 3 行没有姓名，未参与结对" in paired.stderr
