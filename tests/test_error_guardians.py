"""A guardian's name or relation cell showing a formula's error (a failed VLOOKUP's #N/A)
names nobody: a child whose parents are both away and whose guardian's name shows one has
no known guardian, the most urgent case on the watch list. VAL007 says each such cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import TYPE_ERROR

from conftest import CHILD_HEADER, TEACHER_HEADER, card_page, child_row, run, write_xlsx

HEADER = [*CHILD_HEADER, "父亲姓名", "监护类型", "帮扶教师"]  # O, P, Q
TEACHERS = [
    TEACHER_HEADER,
    ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"],
]


def roster(path: Path, rows: list[list[Any]], errors: list[str]) -> Path:
    """A real .xlsx roster of HEADER and ``rows``; each cell of ``errors`` (A1 refs) made an
    error cell as Excel saves one, its text as typed."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for ref in errors:
        sheet[ref].data_type = TYPE_ERROR
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def guardians(tmp_path: Path) -> Path:
    """Four children of 三年级(2)班, parents away: the guardian's name shows #N/A (row 2, an
    error cell), typed as text beside a father's name showing it too and a 监护类型 of 无人监护
    (row 3), the relation shows #N/A (row 4), and one whose guardian is named (row 5)."""
    extra = [
        ["张建国", "监护情况较好", "王芳"],
        ["#N/A", "无人监护", "王芳"],
        ["刘建华", "监护情况较好", "王芳"],
        ["陈建军", "监护情况较好", "王芳"],
    ]
    rows = [
        child_row(1, 监护人姓名="#N/A"),
        child_row(2, 监护人姓名="#N/A"),
        child_row(3, 与儿童关系="#N/A"),
        child_row(4),
    ]
    rows = [[*row, *more] for row, more in zip(rows, extra, strict=True)]
    school = tmp_path / "青山小学"
    roster(school / "花名册.xlsx", rows, ["L2", "M4"])
    write_xlsx(school / "教师.xlsx", {"教师": TEACHERS})
    return school


def test_a_guardian_named_na_is_no_guardian(tmp_path: Path) -> None:
    """A guardian's name showing #N/A was a guardian named: no CON001 and no WCH001 for a
    child both of whose parents are away; beside a father's name showing it too it was the
    father (CON007), and beside 无人监护 a contradiction (VAL006). A relation showing #N/A
    was a relation on file. Each is missing as an empty cell is, while VAL007 still says
    the cell. The card then printed such a guardian's relation, phone and health under a
    blank name, but not the home she looks after the child in: it prints her whole row,
    under her name worded as the formula's error, for the teacher who holds it."""
    school = guardians(tmp_path)
    result = run("validate", school, "--select", "CON,VAL", "--format", "json")
    na = "是公式出错后显示的“#N/A”，不是真实内容"
    assert [
        (f["row"], f["column"], f["code"], f["message"]) for f in result.json()["findings"]
    ] == [
        (2, "L", "CON001", "父母均外出，缺少监护人姓名"),
        (2, "L", "VAL007", f"监护人姓名{na}"),
        (3, "L", "CON001", "父母均外出，缺少监护人姓名"),
        (3, "L", "VAL007", f"监护人姓名{na}"),
        (3, "O", "VAL007", f"父亲姓名{na}"),
        (4, "M", "CON001", "父母均外出，缺少监护人与儿童关系"),
        (4, "M", "VAL007", f"与儿童关系{na}"),
    ]
    flag = run("flag", school, "--format", "json").json()
    assert [(c["row"], c["missing_text"]) for g in flag["classes"] for c in g["children"]] == [
        (2, ["监护人姓名"]),
        (3, ["监护人姓名"]),
        (4, ["监护人与儿童关系"]),
    ]
    watch = run("watch", school, "--as-of", "2024-10-01", "--format", "json").json()
    nobody = ("WCH001", "父母均外出，没有委托监护人")
    assert [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [(3, [nobody, ("WCH002", "监护类型为无人监护")]), (2, [nobody])]
    assert run("cards", school, "--out", tmp_path / "联系卡.html").exit_code == 0
    card = card_page(tmp_path / "联系卡.html")
    guardian_lines = [x for x in card.splitlines() if x.startswith("<tr><th>监护人</th>")]
    blank = "＿＿＿＿＿＿"
    home = "四川省南部县青山镇幸福村3组"
    rest = f"电话：13712345678　住址：{{}}　年龄：{blank}　身体状况：{blank}"
    assert [x.split('colspan="3">')[1].removesuffix("</td></tr>") for x in guardian_lines] == [
        "姓名：#N/A（公式出错，姓名已丢失）　关系：祖父　" + rest.format(home),
        "姓名：#N/A（公式出错，姓名已丢失）　关系：祖父　" + rest.format(home),
        f"姓名：张大爷　关系：{blank}　" + rest.format(home),
        "姓名：张大爷　关系：祖父　" + rest.format(home),
    ]


def test_a_guardian_named_na_is_counted_and_printed_as_none(tmp_path: Path) -> None:
    """The summary counted a relation showing #N/A as one in words lbc does not know (无法识别)
    and, in the county's 排查汇总表, a child whose guardian's name shows it and whose
    relation is empty as cared for (not 无委托照料人); the teacher's record sheet printed the
    #N/A as the guardian. Each is no value, as an empty cell is."""
    rows = [
        [*child_row(1, 监护人姓名="#N/A", 与儿童关系=None), "张建国", "监护情况较好", "王芳"],
        [*child_row(2, 与儿童关系="#N/A"), "李建华", "监护情况较好", "王芳"],
    ]
    county = tmp_path / "全镇"
    roster(county / "青山小学" / "花名册.xlsx", rows, ["L2", "M3"])
    write_xlsx(county / "青山小学" / "教师.xlsx", {"教师": TEACHERS})
    other = [[*child_row(3), "刘建军", "监护情况较好", None]]
    roster(county / "大桥小学" / "花名册.xlsx", other, [])
    summary = run("summary", county, "--term", "2024-autumn", "--format", "json").json()
    assert summary["children"]["by_guardian"] == [
        {"name": "祖辈监护", "count": 1},
        {"name": "未登记", "count": 2},
    ]
    table = summary["county_table"]
    at = [c["name"] for c in table["columns"]].index("无委托照料人")
    assert [(r["school"], r["counts"][at]) for r in table["rows"]] == [
        ("大桥小学", 0),
        ("青山小学", 1),
        ("合计", 1),
    ]
    out = tmp_path / "记录表"
    assert run("record-sheets", county, "--term", "2024-autumn", "--out", out).exit_code == 0
    (book,) = out.glob("*.xlsx")
    sheet = load_workbook(book)["结对儿童"]
    assert [row[1:6] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        ("张雨涵", "三年级(2)班", "女", None, None),
        ("李明轩", "三年级(2)班", "女", "张大爷", None),
    ]


def findings(result: Any) -> list[tuple[int, str, str, str]]:
    """validate's findings as (row, column, code, message)."""
    return [(f["row"], f["column"], f["code"], f["message"]) for f in result.json()["findings"]]


def reasons(school: Path) -> list[tuple[int, list[tuple[str, str]]]]:
    """The watch list's children on 2024-10-01 as (row, [(code, message)])."""
    watch = run("watch", school, "--as-of", "2024-10-01", "--format", "json").json()
    return [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ]


def test_a_name_typed_like_an_error_is_the_text_it_is(tmp_path: Path) -> None:
    """A guardian's name typed " #N/A", with a space, is text, not an error cell: VAL007 does
    not call it one, so it is the name it reads as, as before error cells were counted as
    empty. It was counted as no name where the sheet had no error cell, and silently: no
    CON001, no VAL007, and the VAL006 beside 无人监护 was gone, validate's exit 0; the card
    gave no address, the record sheet no guardian, the county table no one entrusted."""
    rows = [
        [*child_row(1, 监护人姓名=" #N/A"), "张建国", "无人监护", "王芳"],
        [*child_row(2, 监护人姓名="#N/A "), "李建华", "监护情况较好", "王芳"],
        [*child_row(3, 监护人姓名=" #N/A", 与儿童关系=None), "刘建军", "监护情况较好", "王芳"],
    ]
    county = tmp_path / "全镇"
    school = county / "青山小学"
    roster(school / "花名册.xlsx", rows, [])
    write_xlsx(school / "教师.xlsx", {"教师": TEACHERS})
    roster(
        county / "大桥小学" / "花名册.xlsx", [[*child_row(4), "陈建军", "监护情况较好", None]], []
    )
    result = run("validate", school, "--format", "json")
    assert findings(result) == [
        (2, "P", "VAL006", "监护类型是“无人监护”，却填了监护人"),
        (4, "M", "CON001", "父母均外出，缺少监护人与儿童关系"),
    ]
    assert result.exit_code == 1
    flag = run("flag", school, "--format", "json").json()
    assert [(c["row"], c["missing_text"]) for g in flag["classes"] for c in g["children"]] == [
        (4, ["监护人与儿童关系"])
    ]
    assert reasons(school) == [(2, [("WCH002", "监护类型为无人监护")])]
    assert run("cards", school, "--out", tmp_path / "联系卡.html").exit_code == 0
    card = card_page(tmp_path / "联系卡.html")
    lines = [x for x in card.splitlines() if "<th>监护人</th>" in x]
    assert [x.split("住址：")[1].split("　")[0] for x in lines] == [
        "四川省南部县青山镇幸福村3组"
    ] * 3
    out = tmp_path / "记录表"
    assert run("record-sheets", school, "--term", "2024-autumn", "--out", out).exit_code == 0
    (book,) = out.glob("*.xlsx")
    sheet = load_workbook(book)["结对儿童"]
    assert [row[1:6] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        ("张雨涵", "三年级(2)班", "女", "#N/A", "祖父"),
        ("李明轩", "三年级(2)班", "女", "#N/A", "祖父"),
        ("王梓萱", "三年级(2)班", "女", "#N/A", None),
    ]
    summary = run("summary", county, "--term", "2024-autumn", "--format", "json").json()
    table = summary["county_table"]
    at = [c["name"] for c in table["columns"]].index("无委托照料人")
    assert [(r["school"], r["counts"][at]) for r in table["rows"]] == [
        ("大桥小学", 0),
        ("青山小学", 0),
        ("合计", 0),
    ]


def test_a_phone_labelled_as_a_father_named_na_is_not_the_guardians(tmp_path: Path) -> None:
    """Where the guardian's name and the father's both show #N/A, the phone labelled 父 in
    监护人电话 was taken as the guardian's, the two names being alike, while the guardian
    was counted as nobody, not the father. A name showing an error is no one's: the number
    is the father's, said so (PHN002), and the guardian has no phone (CON001). So too for
    a guardian's name typed " #N/A", text, beside a father's showing the error: the
    guardian is not the father (no CON007), and the number is not the guardian's."""
    phone = "父：13812345678"
    rows = [
        [
            *child_row(1, 监护人姓名="#N/A", 与儿童关系=None, 监护人电话=phone),
            "#N/A",
            "较好",
            "王芳",
        ],
        [
            *child_row(2, 监护人姓名=" #N/A", 与儿童关系=None, 监护人电话=phone),
            "#N/A",
            "较好",
            "王芳",
        ],
    ]
    school = tmp_path / "青山小学"
    roster(school / "花名册.xlsx", rows, ["L2", "O2", "O3"])
    result = run("validate", school, "--select", "CON,PHN,VAL", "--format", "json")
    na = "是公式出错后显示的“#N/A”，不是真实内容"
    not_theirs = "“监护人电话”里的号码标着“父”，不是监护人的，没有当作监护人的电话"
    assert findings(result) == [
        (2, "L", "CON001", "父母均外出，缺少监护人姓名"),
        (2, "L", "VAL007", f"监护人姓名{na}"),
        (2, "M", "CON001", "父母均外出，缺少监护人与儿童关系"),
        (2, "N", "CON001", "父母均外出，缺少监护人电话"),
        (2, "N", "PHN002", not_theirs),
        (2, "O", "VAL007", f"父亲姓名{na}"),
        (3, "M", "CON001", "父母均外出，缺少监护人与儿童关系"),
        (3, "N", "CON001", "父母均外出，缺少监护人电话"),
        (3, "N", "PHN002", not_theirs),
        (3, "O", "VAL007", f"父亲姓名{na}"),
    ]
    flag = run("flag", school, "--format", "json").json()
    assert [(c["row"], c["missing_text"]) for g in flag["classes"] for c in g["children"]] == [
        (2, ["监护人姓名", "监护人与儿童关系", "监护人电话"]),
        (3, ["监护人与儿童关系", "监护人电话"]),
    ]


MERGED = ("合并.xlsx", "合并.parquet", "导出.csv")


def merged_three_ways(school: Path, out: Path) -> Path:
    """``school`` merged into a workbook and a Parquet file and exported to CSV (MERGED),
    in ``out``: each of them read back must say what the school's own file says. Merge
    exits 1, as over the school: its roster holds an error."""
    out.mkdir()
    assert run("merge", school, "--out", out / MERGED[0]).exit_code == 1
    assert run("merge", school, "--out", out / MERGED[1]).exit_code == 1
    assert run("export", school, "--out", out / MERGED[2]).exit_code == 0
    return out


def test_a_name_typed_like_an_error_is_merged_as_typed(tmp_path: Path) -> None:
    """A guardian's name typed " #N/A" was merged and exported trimmed, "#N/A": read back,
    the merged roster called it a formula's error (VAL007), a child without a guardian
    (CON001, WCH001), and lost the VAL006 its school's own file gets. It is written as
    typed, and the merged roster, the Parquet file and the CSV export say what the
    school's file says."""
    rows = [[*child_row(1, 监护人姓名=" #N/A"), "张建国", "无人监护", "王芳"]]
    school = tmp_path / "青山小学"
    roster(school / "花名册.xlsx", rows, [])
    said = [(2, "VAL006", "监护类型是“无人监护”，却填了监护人")]
    result = run("validate", school, "--format", "json").json()
    assert [(f["row"], f["code"], f["message"]) for f in result["findings"]] == said
    out = merged_three_ways(school, tmp_path / "out")
    for name in MERGED:
        result = run("validate", out / name, "--format", "json").json()
        assert [(f["row"], f["code"], f["message"]) for f in result["findings"]] == said, name
        watch = run("watch", out / name, "--as-of", "2024-10-01", "--format", "json").json()
        assert [
            [r["code"] for r in c["reasons"]] for g in watch["classes"] for c in g["children"]
        ] == [["WCH002"]], name


def test_a_type_or_category_typed_like_an_error_is_merged_as_typed(tmp_path: Path) -> None:
    """留守类型 and 类别 typed " #N/A", text, were merged into the workbook trimmed, "#N/A",
    which read back is a formula's error (VAL007) and not the unknown value (VAL001) its
    school's file holds; the Parquet file and the CSV export kept them as typed. Every
    output now keeps them as typed and says what the school's file says."""
    school = tmp_path / "青山小学"
    school.mkdir()
    rows = [[*CHILD_HEADER, "类别"], [*child_row(1, 留守类型=" #N/A"), " #N/A"]]
    write_xlsx(school / "花名册.xlsx", {"花名册": rows})
    said = [(2, "VAL001", "left_behind_type"), (2, "VAL001", "categories")]
    result = run("validate", school, "--format", "json").json()
    assert [(f["row"], f["code"], f["field"]) for f in result["findings"]] == said
    out = merged_three_ways(school, tmp_path / "out")
    sheet = load_workbook(out / "合并.xlsx").worksheets[0]
    cells = {c.value: sheet.cell(2, c.column) for c in sheet[1]}
    assert [(cells[k].value, cells[k].data_type) for k in ("留守类型", "类别")] == [
        (" #N/A", "s"),
        (" #N/A", "s"),
    ]
    for name in MERGED:
        result = run("validate", out / name, "--format", "json").json()
        assert [(f["row"], f["code"], f["field"]) for f in result["findings"]] == said, name
