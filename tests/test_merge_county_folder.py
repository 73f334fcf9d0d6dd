"""lbc merge over a county office's folder, as the schools sent their files: a stray
spreadsheet beside a roster, a township's one file of several schools, a school's
returned record sheets, a child on two schools' rosters. The merge's table and headline
say what lbc validate and lbc summary say of the same folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

QS, BH, SL, DH = "青山小学", "白鹤小学", "石龙村小", "大河村小"


def county(tmp_path: Path) -> Path:
    """青山小学: its roster, a returned record sheet and a stray 经费统计.xlsx in its folder;
    大河乡's one file listing 石龙村小 and 大河村小 in a 学校 column; 白鹤小学's roster, with
    张雨涵 (青山小学's child 1) on it too."""
    root = tmp_path / "全县"
    for folder in (QS, BH, "大河乡"):
        (root / folder).mkdir(parents=True)
    title = [f"{QS}留守儿童花名册"]
    write_xlsx(
        root / QS / "花名册.xlsx",
        {"花名册": [title, CHILD_HEADER, child_row(1), child_row(2, cls="四年级(1)班")]},
    )
    record = [dt.date(2024, 10, 8), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    write_xlsx(root / QS / "王芳帮扶记录.xlsx", {"记录": [RECORD_HEADER, record]})
    write_xlsx(root / QS / "经费统计.xlsx", {"Sheet1": [["项目", "金额"], ["书本", 300]]})
    write_xlsx(
        root / "大河乡" / "留守儿童汇总.xlsx",
        {
            "汇总": [
                ["学校", *CHILD_HEADER],
                [SL, *child_row(3)],
                [DH, *child_row(4)],
                [DH, *child_row(5)],
            ]
        },
    )
    write_xlsx(
        root / BH / "花名册.xlsx",
        {"花名册": [[f"{BH}留守儿童花名册"], CHILD_HEADER, child_row(6), child_row(1)]},
    )
    return root


def test_a_stray_spreadsheet_is_passed_over_as_validate_passes_it(tmp_path: Path) -> None:
    """经费统计.xlsx holds no list: merge says so as validate does and reads on; it is no
    file 未能读取, and 青山小学's record sheet beside it is 青山小学's."""
    root = county(tmp_path)
    out = tmp_path / "全县.xlsx"
    stray = root / QS / "经费统计.xlsx"
    skipped = f"提示：{stray} 的工作表“Sheet1”不是花名册、教师名单或帮扶记录，已跳过"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr.splitlines() == [f"已写出合并名册：{out}（4 个文件）", skipped]
    doc = merged.json()
    assert (doc["summary"]["files"], doc["summary"]["failed"], doc["failed"]) == (4, 0, [])
    assert merged.exit_code == 1  # 张雨涵 on two schools' rosters, and nothing else
    assert [d["code"] for d in doc["duplicates"]] == ["DUP003"]
    checked = run("validate", root)
    assert skipped in checked.stderr.splitlines()
    assert checked.exit_code == merged.exit_code


def test_the_table_has_a_row_per_school(tmp_path: Path) -> None:
    """大河乡's file is under each of its two schools, 青山小学's record sheet beside its
    roster in 青山小学's row: one row a school, as lbc validate's lines per school, its
    error 张雨涵's DUP003 (白鹤小学 has her too), as there."""
    root = county(tmp_path)
    doc = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    township = str(root / "大河乡" / "留守儿童汇总.xlsx")
    qs = [str(root / QS / "花名册.xlsx"), str(root / QS / "王芳帮扶记录.xlsx")]
    assert doc["schools"] == [
        counts(SL, [township], 1),
        counts(DH, [township], 2),
        counts(BH, [str(root / BH / "花名册.xlsx")], 2),
        {**counts(QS, qs, 2), "records": 1, "errors": 1},
    ]
    table = run("merge", root, "--out", tmp_path / "全县.xlsx").stdout.splitlines()
    assert table[0] == "合并的各校名册（4 所学校，4 个文件）"
    rows = [" ".join(line.split()) for line in table[4:10]]
    assert rows == [
        f"{SL} {township} 1 0 0 0 0",
        f"{DH} {township} 2 0 0 0 0",
        f"{BH} {root / BH / '花名册.xlsx'} 2 0 0 0 0",
        f"{QS} {qs[0]} 2 0 1 1 0",
        qs[1],
        "",
    ]
    assert school_lines(run("validate", root).stdout) == [
        f"{SL}：1 名儿童，0 个错误，0 个警告",
        f"{DH}：2 名儿童，0 个错误，0 个警告",
        f"{BH}：2 名儿童，0 个错误，0 个警告",
        f"{QS}：2 名儿童，1 个错误，0 个警告",  # 张雨涵's DUP003, as in merge's row
    ]


def school_lines(stdout: str) -> list[str]:
    """lbc validate's line per school of a folder."""
    return [line for line in stdout.splitlines() if "名儿童，" in line]


def counts(school: str, files: list[str], children: int) -> dict[str, object]:
    return {
        "school": school,
        "files": files,
        "children": children,
        "teachers": 0,
        "records": 0,
        "errors": 0,
        "warnings": 0,
    }


def headline(stdout: str) -> str:
    """merge's last line, as long as it is: never folded for a script reading it (it was
    folded at the piped console's 200th column, inside 错误)."""
    last = stdout.splitlines()[-1]
    assert last.startswith("共合并")
    return last


def test_the_headline_counts_a_child_on_two_rosters_once(tmp_path: Path) -> None:
    """张雨涵 is on 青山小学's and 白鹤小学's rosters: seven rows, six children, as lbc
    summary counts them; the headline says why it counts fewer than the rows."""
    root = county(tmp_path)
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx")
    assert headline(merged.stdout) == (
        "共合并 4 个文件、4 所学校：在册儿童 6 名（名册共 7 行：同一身份证号在几处出现、"
        "同一行登记两次的只计一次，转出、毕业、死亡的不计，与 lbc summary 一致），"
        "教师 0 名，帮扶记录 1 条；"
        "校验发现 1 个错误、0 个警告；跨校或跨文件重复身份证号 1 个，未能读取 0 个文件"
    )
    doc = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    said = doc["summary"]
    assert (said["children"], said["rows"], said["on_books"]) == (6, 7, 6)
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    assert summary["children"]["total"] == 6


def test_the_headline_leaves_out_a_child_who_left(tmp_path: Path) -> None:
    """A child 转出 is on no school's books: the headline counts the others, as summary."""
    folder = tmp_path / "全县" / QS
    folder.mkdir(parents=True)
    rows = [child_row(1), child_row(2)]
    header = [*CHILD_HEADER, "在校状态"]
    write_xlsx(
        folder / "花名册.xlsx",
        {"花名册": [header, [*rows[0], "在读"], [*rows[1], "转出"]]},
    )
    merged = run("merge", tmp_path / "全县", "--out", tmp_path / "全县.xlsx")
    assert merged.exit_code == 0, merged.stderr
    assert "：在册儿童 1 名（名册共 2 行：" in headline(merged.stdout)
    alone = run("merge", tmp_path / "全县", "--out", tmp_path / "全县.xlsx")
    assert alone.stdout == merged.stdout


def test_a_roster_without_id_numbers_is_counted_by_its_status(tmp_path: Path) -> None:
    """A roster with 在校状态 and no 身份证号 column: merged, not an internal error, and the
    child 转出 left out of the headline's count."""
    header = [h for h in CHILD_HEADER if h != "身份证号"] + ["在校状态"]
    cut = CHILD_HEADER.index("身份证号")
    rows = [[*row[:cut], *row[cut + 1 :]] for row in (child_row(1), child_row(2))]
    roster = write_xlsx(
        tmp_path / "花名册.xlsx",
        {"花名册": [header, [*rows[0], "在读"], [*rows[1], "转出"]]},
    )
    merged = run("merge", roster, "--out", tmp_path / "全县.xlsx")
    assert merged.exit_code == 1, merged.stderr  # no 身份证号 column
    assert "：在册儿童 1 名（名册共 2 行：" in headline(merged.stdout)


def test_a_title_unlike_the_school_column_is_said(tmp_path: Path) -> None:
    """青山小学's roster whose 学校 column says 白鹤小学 throughout: its children are
    counted as 白鹤小学's, by the column, and every command reading it says so. A
    township's file, titled with the township and listing two schools, is not a title
    unlike its column."""
    root = tmp_path / "全县"
    (root / QS).mkdir(parents=True)
    roster = write_xlsx(
        root / QS / "花名册.xlsx",
        {"花名册": [[f"{QS}留守儿童花名册"], ["学校", *CHILD_HEADER], [BH, *child_row(1)]]},
    )
    write_xlsx(
        root / "大河乡汇总.xlsx",
        {
            "汇总": [
                ["大河乡留守儿童花名册"],
                ["学校", *CHILD_HEADER],
                [SL, *child_row(3)],
                [DH, *child_row(4)],
            ]
        },
    )
    said = (
        f"提示：{roster} 的标题写的是“{QS}”，“学校”列写的却是“{BH}”：其中的儿童按“学校”列"
        f"算作{BH}的；如果两者不是同一所学校，请改正标题或“学校”列"
    )
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr.splitlines() == [f"已写出合并名册：{out}（2 个文件）", said]
    assert [s["school"] for s in merged.json()["schools"]] == [SL, DH, BH]
    assert run("validate", root).stderr.splitlines() == [said]
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json")
    assert said in summary.stderr.splitlines()
    assert run("validate", root / "大河乡汇总.xlsx").stderr == ""


ZX = "中心小学"


def two_townships(tmp_path: Path, column: bool = False) -> Path:
    """Two townships' folders, each with its 中心小学's roster titled 中心小学 and no
    lbc.toml (``column``: and a 学校 column saying 中心小学); 甲片区's has its records in a
    file of their own beside it."""
    root = tmp_path / "全县"
    lead = [ZX] if column else []
    header = [["中心小学留守儿童花名册"], [*(["学校"] if column else []), *CHILD_HEADER]]
    for town, rows in (("甲片区", [child_row(1), child_row(2)]), ("乙片区", [child_row(3)])):
        (root / town).mkdir(parents=True)
        write_xlsx(root / town / "花名册.xlsx", {"花名册": [*header, *([*lead, *r] for r in rows)]})
    record = [dt.date(2024, 10, 8), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    write_xlsx(root / "甲片区" / "帮扶记录.xlsx", {"记录": [RECORD_HEADER, record]})
    return root


def test_two_schools_of_one_title_in_folders_apart_are_two(tmp_path: Path) -> None:
    """乙片区's 中心小学 keeps the name (it comes first), 甲片区's goes by 中心小学(甲片区), its
    records with it; validate, merge and summary say so and count them apart, and the
    merged roster reads back as the folder does."""
    root = two_townships(tmp_path)
    first, second = root / "乙片区" / "花名册.xlsx", root / "甲片区" / "花名册.xlsx"
    said = (
        f"提示：{first} 和 {second} 的标题都是“{ZX}”，而不在同一个文件夹里，按两所学校算："
        f"后者记作“{ZX}(甲片区)”；如果是同一所学校，请把它的文件放进同一个文件夹，"
        "或（两个文件夹里都只有这所学校的文件时）在各自文件夹的 lbc.toml 中写明 [school] name"
    )
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.exit_code == 0, merged.stderr
    assert merged.stderr.splitlines() == [f"已写出合并名册：{out}（3 个文件）", said]
    records = str(root / "甲片区" / "帮扶记录.xlsx")
    assert merged.json()["schools"] == [
        counts(ZX, [str(first)], 1),
        {**counts(f"{ZX}(甲片区)", [str(second), records], 2), "records": 1},
    ]
    assert merged.json()["summary"]["schools"] == 2
    checked = run("validate", root)
    assert checked.stderr.splitlines() == [said]
    assert school_lines(checked.stdout) == [
        f"{ZX}：1 名儿童，0 个错误，0 个警告",
        f"{ZX}(甲片区)：2 名儿童，0 个错误，0 个警告",
    ]
    assert school_lines(run("validate", out).stdout) == school_lines(checked.stdout)
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json")
    assert said in summary.stderr.splitlines()
    assert [(s["name"], s["children"]) for s in summary.json()["schools"]] == [
        (ZX, 1),
        (f"{ZX}(甲片区)", 2),
    ]


def test_a_countys_file_titled_as_its_townships_schools_is_no_school_of_theirs(
    tmp_path: Path,
) -> None:
    """全县/困境儿童.xlsx titled 中心小学, at the top of 乙片区/ and 甲片区/ each holding a
    roster titled 中心小学: the county's folder was taken for the school's, holding both
    townships' files, so validate, flag, summary and merge counted all four children as
    one 中心小学 and said nothing. A county's folder is no school's: the three are told
    apart as files of one title in folders apart are, and each command says so."""
    root = two_townships(tmp_path)
    county = root / "困境儿童.xlsx"
    write_xlsx(county, {"花名册": [["中心小学留守儿童花名册"], CHILD_HEADER, child_row(4)]})
    first, second = root / "乙片区" / "花名册.xlsx", root / "甲片区" / "花名册.xlsx"
    said = [
        f"提示：{first} 和 {file} 的标题都是“{ZX}”，而不在同一个文件夹里，按两所学校算："
        f"后者记作“{ZX}({name})”；如果是同一所学校，请把它的文件放进同一个文件夹，"
        "或（两个文件夹里都只有这所学校的文件时）在各自文件夹的 lbc.toml 中写明 [school] name"
        for file, name in ((county, "全县"), (second, "甲片区"))
    ]
    checked = run("validate", root)
    assert (school_lines(checked.stdout), checked.stderr.splitlines()) == (
        [
            f"{ZX}：1 名儿童，0 个错误，0 个警告",
            f"{ZX}(全县)：1 名儿童，0 个错误，0 个警告",
            f"{ZX}(甲片区)：2 名儿童，0 个错误，0 个警告",
        ],
        said,
    )
    assert run("flag", root).stderr.splitlines() == said
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json")
    assert said[0] in summary.stderr.splitlines()
    assert [(s["name"], s["children"]) for s in summary.json()["schools"]] == [
        (ZX, 1),
        (f"{ZX}(全县)", 1),
        (f"{ZX}(甲片区)", 2),
    ]
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr.splitlines() == [f"已写出合并名册：{out}（4 个文件）", *said]
    assert [(s["school"], s["children"]) for s in merged.json()["schools"]] == [
        (ZX, 1),
        (f"{ZX}(全县)", 1),
        (f"{ZX}(甲片区)", 2),
    ]


def test_namesakes_in_a_folder_of_another_school_are_not_told_to_name_it(
    tmp_path: Path,
) -> None:
    """Two rosters titled 青山小学 in folders apart, one beside 白鹤小学's roster: the note
    said to name the school in each folder's lbc.toml, which would count 白鹤小学's children
    as 青山小学's. It says that is for folders holding the one school's files alone."""
    root = tmp_path / "县"
    for folder in ("甲", "乙"):
        (root / folder).mkdir(parents=True)
    first, second = root / "乙" / "青山.xlsx", root / "甲" / "青山.xlsx"  # 乙 sorts first
    write_xlsx(first, {"花名册": [[f"{QS}留守儿童花名册"], CHILD_HEADER, child_row(1)]})
    write_xlsx(
        root / "乙" / "白鹤.xlsx", {"花名册": [[f"{BH}留守儿童花名册"], CHILD_HEADER, child_row(2)]}
    )
    write_xlsx(second, {"花名册": [[f"{QS}留守儿童花名册"], CHILD_HEADER, child_row(3)]})
    assert run("validate", root).stderr.splitlines() == [
        f"提示：{first} 和 {second} 的标题都是“{QS}”，而不在同一个文件夹里，按两所学校算："
        f"后者记作“{QS}(甲)”；如果是同一所学校，请把它的文件放进同一个文件夹，"
        "或（两个文件夹里都只有这所学校的文件时）在各自文件夹的 lbc.toml 中写明 [school] name"
    ]


def test_two_schools_of_one_title_and_one_school_column_are_said(tmp_path: Path) -> None:
    """Their 学校 columns both say 中心小学: a row's 学校 cell is its school, so they stay
    one school, and the note says so and what to do."""
    root = two_townships(tmp_path, column=True)
    first, second = root / "乙片区" / "花名册.xlsx", root / "甲片区" / "花名册.xlsx"
    said = (
        f"提示：{first} 和 {second} 的标题都是“{ZX}”，不在同一个文件夹里，而“学校”列写的都是"
        f"“{ZX}”，按同一所学校算；如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）"
    )
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr.splitlines()[1:] == [said]
    assert [s["school"] for s in merged.json()["schools"]] == [ZX]
    assert run("validate", root).stderr.splitlines() == [said]


@pytest.mark.parametrize(
    ("first", "second", "said"),
    [
        # Untitled rosters: their 学校 columns, not their titles, both say 青山小学.
        (
            (False, True),
            (False, True),
            "{a} 和 {b} 的“学校”列写的都是“青山小学”，虽不在同一个文件夹里，也按同一所学校算",
        ),
        # The first titled, without a 学校 column; the second untitled, with one.
        (
            (True, False),
            (False, True),
            "{a} 的标题和 {b} 的“学校”列写的都是“青山小学”，虽不在同一个文件夹里，也按同一所学校算",
        ),
        # Both titled, the second with a 学校 column: their titles agree, and its column.
        (
            (True, False),
            (True, True),
            "{a} 和 {b} 的标题都是“青山小学”，不在同一个文件夹里，而 {b} 的“学校”列写的也是"
            "“青山小学”，按同一所学校算",
        ),
        # The first untitled, with a 学校 column; the second titled, without one.
        (
            (False, True),
            (True, False),
            "{a} 的“学校”列和 {b} 的标题写的都是“青山小学”，虽不在同一个文件夹里，也按同一所学校算",
        ),
        # Both titled, the first with a 学校 column: their titles agree, and its column.
        (
            (True, True),
            (True, False),
            "{a} 和 {b} 的标题都是“青山小学”，不在同一个文件夹里，而 {a} 的“学校”列写的也是"
            "“青山小学”，按同一所学校算",
        ),
    ],
)
def test_two_schools_files_counted_as_one_say_what_named_them_alike(
    tmp_path: Path, first: tuple[bool, bool], second: tuple[bool, bool], said: str
) -> None:
    """乙/花名册.xlsx and 甲/花名册.xlsx, in folders apart, counted as one 青山小学 by a 学校
    column: the note said both were titled 青山小学 when neither or only one was, and that
    both 学校 columns said it when one had none; 乙's column beside 甲's title alone was
    said nowhere. It says what named them alike,
    each one's title or its 学校 column (``first``, ``second``: (titled, column)); read
    back, the merged roster's rows say it by their 学校 cells, whatever the titles were."""
    root = tmp_path / "县"
    files = root / "乙" / "花名册.xlsx", root / "甲" / "花名册.xlsx"  # 乙 sorts first
    for n, (path, (titled, column)) in enumerate(zip(files, (first, second), strict=True), 1):
        path.parent.mkdir(parents=True)
        header = [*(["学校"] if column else []), *CHILD_HEADER]
        rows = [[*([QS] if column else []), *child_row(n)]]
        write_xlsx(
            path, {"花名册": [*([[f"{QS}留守儿童花名册"]] if titled else []), header, *rows]}
        )
    line = (
        f"提示：{said.format(a=files[0], b=files[1])}；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）"
    )
    assert run("validate", root).stderr.splitlines() == [line]
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr.splitlines() == [f"已写出合并名册：{out}（2 个文件）", line]
    assert [s["school"] for s in merged.json()["schools"]] == [QS]
    assert run("validate", out).stderr.splitlines() == [
        f"提示：{files[0]} 和 {files[1]} 的“学校”列写的都是“青山小学”，虽不在同一个文件夹里，"
        "也按同一所学校算；如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）"
    ]


def test_two_untitled_schools_files_counted_as_one_say_so_in_english(tmp_path: Path) -> None:
    """--lang en says the same: their 学校 columns, not their titles, both say 青山小学."""
    root = tmp_path / "县"
    files = root / "乙" / "花名册.xlsx", root / "甲" / "花名册.xlsx"
    for n, path in enumerate(files, 1):
        path.parent.mkdir(parents=True)
        write_xlsx(path, {"花名册": [["学校", *CHILD_HEADER], [QS, *child_row(n)]]})
    assert run("--lang", "en", "validate", root).stderr.splitlines() == [
        f"note: the 学校 columns of {files[0]} and {files[1]} both say “{QS}”, though they are "
        "in folders apart, so they are counted as one school; if they are two, write each "
        "school's full name in the 学校 column (with its township, say)"
    ]


def test_a_title_alone_beside_a_school_column_is_said_in_english(tmp_path: Path) -> None:
    """--lang en says it too: 乙's 学校 column, untitled, and 甲's title, without one, both
    say 青山小学: counted as one school, which was said nowhere."""
    root = tmp_path / "县"
    files = root / "乙" / "花名册.xlsx", root / "甲" / "花名册.xlsx"
    for path in files:
        path.parent.mkdir(parents=True)
    write_xlsx(files[0], {"花名册": [["学校", *CHILD_HEADER], [QS, *child_row(1)]]})
    write_xlsx(files[1], {"花名册": [[f"{QS}留守儿童花名册"], CHILD_HEADER, child_row(2)]})
    assert run("--lang", "en", "validate", root).stderr.splitlines() == [
        f"note: the 学校 column of {files[0]} says “{QS}” and {files[1]} is titled “{QS}”, "
        "though they are in folders apart, so they are counted as one school; if they are "
        "two, write each school's full name in the 学校 column (with its township, say)"
    ]


def test_a_schools_own_subfolder_is_no_other_school(tmp_path: Path) -> None:
    """A school's roster in its folder and more rosters of it in its subfolders (上报/,
    read before it, and 追加/, after): one school, nothing said."""
    root = tmp_path / "全县" / ZX
    title = ["中心小学留守儿童花名册"]
    for n, name in enumerate(["花名册.xlsx", "上报/补报.xlsx", "追加/补报.xlsx"], 1):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(root / name, {"花名册": [title, CHILD_HEADER, child_row(n)]})
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr == f"已写出合并名册：{out}（3 个文件）\n"
    assert [s["school"] for s in merged.json()["schools"]] == [ZX]
    assert run("validate", root).stderr == ""


def test_a_schools_records_file_is_checked_with_its_roster(tmp_path: Path) -> None:
    """青山小学's returned records, a file of their own, name 张雨涵 (on its roster) and 刘小明
    (on none): merge says REC002 under 青山小学 as validate does, at the same cell, and
    validate's line for 青山小学 counts it too; the record of 张雨涵 is no finding."""
    root = county(tmp_path)
    sheet = root / QS / "王芳帮扶记录.xlsx"
    day = dt.date(2024, 10, 8)
    write_xlsx(
        sheet,
        {
            "记录": [
                RECORD_HEADER,
                [day, "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
                [day, "王芳", "刘小明", "三年级(2)班", "谈心", "聊学习"],
            ]
        },
    )
    out = tmp_path / "全县.xlsx"
    doc = run("merge", root, "--out", out, "--format", "json").json()
    qs = [str(root / QS / "花名册.xlsx"), str(sheet)]
    assert doc["schools"][-1] == {**counts(QS, qs, 2), "records": 2, "errors": 2}
    assert doc["summary"]["errors"] == 2
    checked = run("validate", root, "--format", "json").json()
    found = [(f["code"], f["file"], f["row"], f["column"]) for f in checked["findings"]]
    assert ("REC002", str(sheet), 3, "C") in found
    assert [f for f in found if f[1] == str(sheet)] == [("REC002", str(sheet), 3, "C")]
    assert checked["summary"]["schools"][-1] == {
        "school": QS,
        "children": 2,
        "errors": 2,  # 张雨涵's DUP003 (白鹤小学 has her too) and the record
        "warnings": 0,
    }
    merged = run("validate", out, "--format", "json").json()
    assert [(f["code"], f["value"]) for f in merged["findings"] if f["code"] == "REC002"] == [
        ("REC002", "刘小明")
    ]


def test_a_returned_record_sheet_goes_with_its_schools_folder(tmp_path: Path) -> None:
    """甲片区's 中心小学 hands back lbc's record sheet, titled 中心小学 too, in its 记录表/:
    it is of 中心小学(甲片区), the school of the folder holding it, though read before it
    is known which 中心小学 that is; its record of 刘小明, on no roster, is REC002 there,
    as validate says."""
    from openpyxl import load_workbook

    root = tmp_path / "全县"
    teacher = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"]
    for town, rows in (("甲片区", [1, 2]), ("乙片区", [3])):
        (root / town).mkdir(parents=True)
        children = [[*child_row(n), "王芳"] for n in rows]
        write_xlsx(
            root / town / "花名册.xlsx",
            {
                "花名册": [["中心小学留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], *children],
                "教师": [TEACHER_HEADER, teacher],
            },
        )
    made = run(
        "record-sheets",
        "花名册.xlsx",
        "--term",
        "2024-autumn",
        "--out",
        "记录表",
        cwd=root / "甲片区",
    )
    assert made.exit_code == 0, made.stderr
    (sheet,) = (root / "甲片区" / "记录表").iterdir()
    wb = load_workbook(sheet)
    rows = wb["帮扶记录"]
    rows["F3"], rows["G3"] = dt.date(2024, 9, 10), "谈学习"
    rows["B4"], rows["F4"], rows["G4"] = "刘小明", dt.date(2024, 9, 12), "谈心"
    wb.save(sheet)
    doc = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    apart = f"{ZX}(甲片区)"
    assert [(s["school"], s["files"], s["records"], s["errors"]) for s in doc["schools"]] == [
        (ZX, [str(root / "乙片区" / "花名册.xlsx")], 0, 0),
        (apart, [str(root / "甲片区" / "花名册.xlsx"), str(sheet)], 2, 1),
    ]
    checked = run("validate", root).stdout
    assert school_lines(checked) == [
        f"{ZX}：1 名儿童，0 个错误，0 个警告",
        f"{apart}：2 名儿童，1 个错误，0 个警告",
    ]
    assert "REC002" in checked


def test_the_csv_has_a_row_per_school_and_per_file_not_read(tmp_path: Path) -> None:
    root = county(tmp_path)
    broken = root / BH / "补报.xlsx"
    broken.write_bytes(b"")
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "csv", "--no-bom")
    township = root / "大河乡" / "留守儿童汇总.xlsx"
    assert merged.stdout.splitlines() == [
        "学校,文件,儿童数,教师数,记录数,错误数,警告数,未能读取的原因",
        f"{SL},{township},1,0,0,0,0,",
        f"{DH},{township},2,0,0,0,0,",
        f"{BH},{root / BH / '花名册.xlsx'},2,0,0,0,0,",
        f"{QS},{root / QS / '花名册.xlsx'}、{root / QS / '王芳帮扶记录.xlsx'},2,0,1,1,0,",
        f",{broken},,,,,,{broken} 是空文件",
    ]
    english = run("--lang", "en", "merge", root, "--out", tmp_path / "全县.xlsx", "--format", "csv")
    files = f'"{root / QS / "花名册.xlsx"}, {root / QS / "王芳帮扶记录.xlsx"}"'
    assert english.stdout.splitlines()[4] == f"{QS},{files},2,0,1,1,0,"


def test_merge_exits_as_validate_on_the_schools_findings(tmp_path: Path) -> None:
    """A wrong check digit in one school's roster is an error: merge exits 1, as lbc
    validate does on the same folder. A warning alone (a record dated in August, between
    two terms) exits 0, and 1 with --strict, as validate --strict does."""
    root = tmp_path / "全县"
    for folder in (QS, BH):
        (root / folder).mkdir(parents=True)
    bad = child_row(2)
    bad[3] = bad[3][:-1] + ("1" if bad[3][-1] == "0" else "0")
    title = [f"{QS}留守儿童花名册"]
    write_xlsx(root / QS / "花名册.xlsx", {"花名册": [title, CHILD_HEADER, child_row(1), bad]})
    record = [dt.date(2024, 8, 15), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    write_xlsx(
        root / BH / "花名册.xlsx",
        {"花名册": [[f"{BH}留守儿童花名册"], CHILD_HEADER, child_row(3)]},
    )
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert [row["errors"] for row in merged.json()["schools"]] == [0, 1]
    assert (merged.exit_code, run("validate", root).exit_code) == (1, 1)
    write_xlsx(root / QS / "花名册.xlsx", {"花名册": [title, CHILD_HEADER, child_row(1)]})
    write_xlsx(root / QS / "记录.xlsx", {"记录": [RECORD_HEADER, record]})
    merged = run("merge", root, "--out", out, "--format", "json")
    assert [(row["errors"], row["warnings"]) for row in merged.json()["schools"]] == [
        (0, 0),
        (0, 1),
    ]
    assert (merged.exit_code, run("validate", root).exit_code) == (0, 0)
    strict = run("merge", root, "--out", out, "--strict")
    assert (strict.exit_code, run("validate", root, "--strict").exit_code) == (1, 1)


def test_a_schools_own_term_dates_date_its_records_in_a_county_run(tmp_path: Path) -> None:
    """青山小学's lbc.toml starts its autumn term on Aug 26: its record of Aug 28 is in a
    term in its own run, and so in the county's validate and merge (no REC007); 白鹤小学,
    whose lbc.toml sets no [terms], keeps the run's dates: the default, where Aug 28 is in
    no term, or the county's, given with --config."""
    root = tmp_path / "全县"
    (root / QS / "帮扶记录").mkdir(parents=True)
    (root / BH).mkdir()
    teacher = ["王芳", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "在岗"]
    record = [dt.date(2024, 8, 28), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\nrecords = "帮扶记录"\n'
        '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-20\n',
        encoding="utf-8",
    )
    (root / BH / "lbc.toml").write_text(
        f'[school]\nname = "{BH}"\n[files]\nroster = ["花名册.xlsx"]\n', encoding="utf-8"
    )
    for name, n in ((QS, 1), (BH, 3)):
        sheets = {"花名册": [[f"{name}留守儿童花名册"], CHILD_HEADER, child_row(n)]}
        named = [record[0], "王芳", child_row(n)[1], *record[3:]]
        if name == BH:  # its records in its roster's workbook
            sheets["记录"] = [RECORD_HEADER, named]
        else:
            write_xlsx(root / name / "帮扶记录" / "王芳.xlsx", {"记录": [RECORD_HEADER, named]})
        write_xlsx(root / name / "花名册.xlsx", {**sheets, "教师": [TEACHER_HEADER, teacher]})
    own = run("validate", "--format", "json", cwd=root / QS).json()["summary"]
    assert (own["records"], own["warnings"]) == (1, 0)
    late = [(BH, "REC007")]

    def rec007(doc: dict) -> list[tuple[str, str]]:
        places = [f for f in doc["findings"] if f["code"] == "REC007"]
        return [(Path(f["file"]).parent.name, f["code"]) for f in places]

    assert rec007(run("validate", root, "--format", "json").json()) == late
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    assert [(row["school"], row["records"], row["warnings"]) for row in merged["schools"]] == [
        (BH, 1, 1),
        (QS, 1, 0),
    ]
    # The run's own dates (--config) are those of a file under no school's lbc.toml.
    county_toml = tmp_path / "县.toml"
    county_toml.write_text('[terms."2024-autumn"]\nstart = 2024-08-20\n', encoding="utf-8")
    config = ("--config", county_toml, "--format", "json")
    assert rec007(run("validate", root, *config).json()) == []
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", *config).json()
    assert [row["warnings"] for row in merged["schools"]] == [0, 0]


def test_a_schools_record_sheets_in_its_subfolder_are_its_own(tmp_path: Path) -> None:
    """甲片区/中心小学/帮扶记录/王芳.xlsx, records of no stated school in a folder of no
    children: 甲片区's 中心小学's, whose folder holds it, as lbc validate on that school's
    folder reads it; not a school of its own (validate) nor of none (merge), though 乙片区
    has a 中心小学 too (read first, it keeps the name; 甲片区's is 中心小学(甲片区))."""
    root = tmp_path / "全县"
    jia, yi = root / "甲片区" / "中心小学", root / "乙片区" / "中心小学"
    (jia / "帮扶记录").mkdir(parents=True)
    yi.mkdir(parents=True)
    title = ["中心小学留守儿童花名册"]
    write_xlsx(jia / "花名册.xlsx", {"花名册": [title, CHILD_HEADER, child_row(1)]})
    write_xlsx(yi / "花名册.xlsx", {"花名册": [title, CHILD_HEADER, child_row(2)]})
    record = [dt.date(2024, 10, 8), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    write_xlsx(jia / "帮扶记录" / "王芳.xlsx", {"记录": [RECORD_HEADER, record]})
    own = run("validate", jia, "--format", "json").json()["summary"]
    assert (own["children"], own["records"], own["errors"], own["warnings"]) == (1, 1, 0, 0)
    assert school_lines(run("validate", root).stdout) == [
        "中心小学：1 名儿童，0 个错误，0 个警告",  # 乙片区's, read first
        "中心小学(甲片区)：1 名儿童，0 个错误，0 个警告",
    ]
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert merged.exit_code == 0, merged.stderr
    files = [str(jia / "花名册.xlsx"), str(jia / "帮扶记录" / "王芳.xlsx")]
    assert merged.json()["schools"] == [
        counts("中心小学", [str(yi / "花名册.xlsx")], 1),
        {**counts("中心小学(甲片区)", files, 1), "records": 1},
    ]


def township_folders(root: Path, title: str, cells: list[str]) -> None:
    """A county file at ``root``'s top titled ``title``, its 学校 column ``cells`` (one
    child each), above 甲片区/ and 乙片区/, each with a roster titled 中心小学."""
    for n, town in enumerate(("甲片区", "乙片区"), start=4):
        (root / town).mkdir(parents=True)
        sheet = [["中心小学留守儿童花名册"], CHILD_HEADER, child_row(n)]
        write_xlsx(root / town / "花名册.xlsx", {"花名册": sheet})
    rows = [[cell, *child_row(n)] for n, cell in enumerate(cells, start=1)]
    write_xlsx(root / "县汇总.xlsx", {"汇总": [[title], ["学校", *CHILD_HEADER], *rows]})


def test_a_county_file_titled_like_a_school_keeps_the_townships_apart(tmp_path: Path) -> None:
    """县汇总.xlsx, titled 青山县中心小学 at the county folder's top, lists the townships'
    中心小学 in its 学校 column: its children are 中心小学's by the column, as validate
    counts them, and 甲片区's 中心小学 stays a school of its own (中心小学(甲片区)) in merge as
    in validate, not pooled with 乙片区's through the county file's respelled title."""
    root = tmp_path / "全县"
    township_folders(root, "青山县中心小学留守儿童花名册", ["中心小学"] * 3)
    checked = run("validate", root, "--format", "json").json()["summary"]["schools"]
    assert [(s["school"], s["children"]) for s in checked] == [
        ("中心小学", 4),
        ("中心小学(甲片区)", 1),
    ]
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    assert [(s["school"], s["children"]) for s in merged["schools"]] == [
        ("中心小学", 4),
        ("中心小学(甲片区)", 1),
    ]


@pytest.mark.parametrize("name", ["县汇总.xlsx", "0县汇总.xlsx"])  # read before 乙片区's, after
def test_a_county_file_above_the_townships_is_no_schools_folder(tmp_path: Path, name: str) -> None:
    """县汇总.xlsx, titled 中心小学 and its 学校 column 中心小学 on every row, at the top of
    甲片区/ and 乙片区/: its rows are 中心小学's by their cells, but its folder is no school's,
    so the townships' 中心小学 below it are not pooled into one, in validate or merge. Its
    rows are counted with 乙片区's 中心小学, which was said nowhere: a note says so, whichever
    is read first."""
    root = tmp_path / "全县"
    township_folders(root, "中心小学留守儿童花名册", ["中心小学"] * 3)
    (root / "县汇总.xlsx").rename(root / name)
    checked = run("validate", root, "--format", "json").json()["summary"]["schools"]
    assert [(s["school"], s["children"]) for s in checked] == [
        ("中心小学", 4),
        ("中心小学(甲片区)", 1),
    ]
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert [(s["school"], s["children"]) for s in merged.json()["schools"]] == [
        ("中心小学", 4),
        ("中心小学(甲片区)", 1),
    ]
    town = str(root / "{}" / "花名册.xlsx")
    county, first = str(root / name), town.format("乙片区")
    pair = (first, county) if name == "县汇总.xlsx" else (county, first)
    assert merged.stderr.splitlines()[1:] == [
        f"提示：{pair[0]} 和 {pair[1]} 的标题都是“中心小学”，不在同一个文件夹里，而 {county} 的"
        "“学校”列写的也是“中心小学”，按同一所学校算；如果是两所学校，请在“学校”列写明各自的全称"
        "（如加上乡镇名）",
        f"提示：{first} 和 {town.format('甲片区')} 的标题都是“中心小学”，而不在同一个文件夹里，"
        "按两所学校算：后者记作“中心小学(甲片区)”；如果是同一所学校，请把它的文件放进同一个文件夹，"
        "或（两个文件夹里都只有这所学校的文件时）在各自文件夹的 lbc.toml 中写明 [school] name",
    ]


def test_a_schools_teachers_list_of_its_own_checks_its_roster(tmp_path: Path) -> None:
    """青山小学's teachers list is a file of its own (教师名单.xlsx): its roster's 帮扶教师
    赵六 (TCH003) and its record's teacher 李四 (REC001) are on no list of the school, in
    merge as in validate on the school's folder and on the county's, and merge exits 1 as
    validate does; checked alone, the roster had no teachers list to be checked against."""
    root = tmp_path / "全县"
    (root / QS).mkdir(parents=True)
    (root / BH).mkdir()
    teacher = ["王芳", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "在岗"]
    record = [dt.date(2024, 10, 8), "李四", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    roster = [[f"{QS}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], [*child_row(1), "赵六"]]
    write_xlsx(root / QS / "花名册.xlsx", {"花名册": roster, "记录": [RECORD_HEADER, record]})
    write_xlsx(root / QS / "教师名单.xlsx", {"教师": [TEACHER_HEADER, teacher]})
    write_xlsx(
        root / BH / "花名册.xlsx", {"花名册": [[f"{BH}留守儿童花名册"], CHILD_HEADER, child_row(3)]}
    )
    own = run("validate", root / QS, "--format", "json").json()
    assert [(f["code"], f["sheet"]) for f in own["findings"]] == [
        ("TCH003", "花名册"),
        ("REC001", "记录"),
    ]
    assert school_lines(run("validate", root).stdout) == [
        f"{BH}：1 名儿童，0 个错误，0 个警告",
        f"{QS}：1 名儿童，1 个错误，1 个警告",
    ]
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    files = [str(root / QS / "花名册.xlsx"), str(root / QS / "教师名单.xlsx")]
    assert merged.json()["schools"] == [
        counts(BH, [str(root / BH / "花名册.xlsx")], 1),
        {**counts(QS, files, 1), "teachers": 1, "records": 1, "errors": 1, "warnings": 1},
    ]
    assert merged.exit_code == 1


def test_a_schools_own_header_words_are_read_in_a_county_run(tmp_path: Path) -> None:
    """青山小学's lbc.toml reads its 爷爷奶奶手机 column as the guardian's phone ([synonyms]):
    so do validate and merge over the county's folder, which left the column unread (a
    false missing-phone error) and the phones out of the merged roster."""
    root = tmp_path / "全县"
    (root / QS).mkdir(parents=True)
    (root / BH).mkdir()
    header = ["爷爷奶奶手机" if h == "监护人电话" else h for h in CHILD_HEADER]
    write_xlsx(
        root / QS / "花名册.xlsx", {"花名册": [[f"{QS}留守儿童花名册"], header, child_row(1)]}
    )
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\n'
        '[synonyms]\nguardian_phone = ["爷爷奶奶手机"]\n',
        encoding="utf-8",
    )
    write_xlsx(
        root / BH / "花名册.xlsx", {"花名册": [[f"{BH}留守儿童花名册"], CHILD_HEADER, child_row(3)]}
    )
    assert run("validate", cwd=root / QS).exit_code == 0
    checked = run("validate", root)
    assert (checked.exit_code, checked.stderr) == (0, "")
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out)
    assert (merged.exit_code, merged.stderr) == (0, f"已写出合并名册：{out}（2 个文件）\n")
    sheet = load_workbook(out)["留守儿童花名册"]
    column = [c.value for c in sheet[1]].index("监护人电话")
    assert [row[column] for row in sheet.iter_rows(2, values_only=True)] == [
        "13712345678",
        "13712345678",
    ]


def generic_townships(root: Path, files: tuple[str, str]) -> None:
    """城关镇's and 河口乡's 中心小学, at ``files`` under ``root``: each a roster and a
    teachers sheet whose 学校 cells say only 中心小学, no title, no lbc.toml. 城关镇's
    王芳 heads 三年级(2)班 and has its two children; 河口乡's 李强 heads a 三年级(2)班 too,
    and 河口乡's one child is in 四年级(1)班."""
    towns = (
        (files[0], [child_row(1), child_row(2)], "王芳", "13800001111"),
        (files[1], [child_row(3, cls="四年级(1)班")], "李强", "13800002222"),
    )
    for name, rows, teacher, phone in towns:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        staff = [teacher, "女", phone, "班主任", "三年级(2)班", "语文", "是", "在岗"]
        write_xlsx(
            root / name,
            {
                "花名册": [["学校", *CHILD_HEADER], *([ZX, *row] for row in rows)],
                "教师": [["学校", *TEACHER_HEADER], [ZX, *staff]],
            },
        )


@pytest.mark.parametrize(
    "files",
    [
        ("城关镇/花名册.xlsx", "河口乡/花名册.xlsx"),
        ("城关镇中心小学花名册.xlsx", "河口乡中心小学花名册.xlsx"),
        ("城关镇/中心小学/花名册.xlsx", "河口乡/中心小学/花名册.xlsx"),
    ],
)
def test_a_generic_school_name_is_qualified_with_its_township(
    tmp_path: Path, files: tuple[str, str]
) -> None:
    """Both townships' 学校 cells say 中心小学: each is the 中心小学 of the township its
    folder or its file's name says, so merge, validate and summary count two schools,
    pair gives 城关镇's children 城关镇's teacher (not 河口乡's 李强, the head of a
    三年级(2)班 too), and the merged roster says each school in full."""
    root = tmp_path / "全县"
    generic_townships(root, files)
    cg, hk = "城关镇中心小学", "河口乡中心小学"
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert merged.stderr.splitlines() == [f"已写出合并名册：{out}（2 个文件）"]
    assert [(s["school"], s["children"], s["teachers"]) for s in merged.json()["schools"]] == [
        (cg, 2, 1),
        (hk, 1, 1),
    ]
    lines = [f"{cg}：2 名儿童，0 个错误，0 个警告", f"{hk}：1 名儿童，0 个错误，0 个警告"]
    assert school_lines(run("validate", root).stdout) == lines
    assert school_lines(run("validate", out).stdout) == lines
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    assert [(s["name"], s["children"]) for s in summary["schools"]] == [(cg, 2), (hk, 1)]
    paired = run("pair", root, "--format", "json").json()["pairs"]
    assert [(p["child"], p["teacher"]) for p in paired] == [
        ("张雨涵", "王芳"),
        ("李明轩", "王芳"),
        ("王梓萱", "李强"),
    ]
    sheet = load_workbook(out, read_only=True)["留守儿童花名册"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [cg, cg, hk]


def test_a_generic_school_cell_takes_its_township_from_the_schools_lbc_toml(
    tmp_path: Path,
) -> None:
    """Two schools' workspaces in folders named for no township (一校/, 二校/), their
    lbc.toml naming 城关镇中心小学 and 河口乡中心小学, their 学校 cells both 中心小学: the
    cells named each school as every township's (the cells win over lbc.toml), and merge
    and validate pooled the two townships' children in one 中心小学, saying nothing."""
    root = tmp_path / "全县"
    towns = (("一校", "城关镇中心小学", [1, 2]), ("二校", "河口乡中心小学", [3]))
    for folder, school, numbers in towns:
        (root / folder).mkdir(parents=True)
        (root / folder / "lbc.toml").write_text(
            f'[school]\nname = "{school}"\n[files]\nroster = ["花名册.xlsx"]\n', encoding="utf-8"
        )
        rows = [["学校", *CHILD_HEADER], *([ZX, *child_row(n)] for n in numbers)]
        write_xlsx(root / folder / "花名册.xlsx", {"花名册": rows})
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert [(s["school"], s["children"]) for s in merged.json()["schools"]] == [
        ("城关镇中心小学", 2),
        ("河口乡中心小学", 1),
    ]
    assert school_lines(run("validate", root).stdout) == [
        "城关镇中心小学：2 名儿童，0 个错误，0 个警告",
        "河口乡中心小学：1 名儿童，0 个错误，0 个警告",
    ]


def test_record_sheets_handed_back_unfilled_are_listed_as_they_are_counted(
    tmp_path: Path,
) -> None:
    """A school hands back lbc's record sheets with no row filled in: they were read, so
    the school's row lists them, and the heading's count of files is the files listed."""
    school = tmp_path / "全县" / QS
    school.mkdir(parents=True)
    teachers = [
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"],
        ["李强", "男", "13800000002", "班主任", "三年级(2)班", "数学", "否", "是"],
    ]
    children = [[*child_row(1), "王芳"], [*child_row(2), "李强"]]
    write_xlsx(
        school / "花名册.xlsx",
        {
            "花名册": [[f"{QS}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], *children],
            "教师": [TEACHER_HEADER, *teachers],
        },
    )
    made = run("record-sheets", "花名册.xlsx", "--term", "2024-autumn", "--out", "记录表",
               cwd=school)  # fmt: skip
    assert made.exit_code == 0, made.stderr
    sheets = sorted(str(p) for p in (school / "记录表").iterdir())
    assert len(sheets) == 2
    root = tmp_path / "全县"
    doc = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    assert doc["summary"]["files"] == 3
    assert [(s["school"], s["files"], s["records"]) for s in doc["schools"]] == [
        (QS, [str(school / "花名册.xlsx"), *sheets], 0)
    ]
    shown = run("merge", root, "--out", tmp_path / "全县2.xlsx").stdout
    assert "合并的各校名册（1 所学校，3 个文件）" in shown
    assert all(Path(sheet).name in shown for sheet in sheets)


def test_a_school_whose_roster_holds_nobody_is_said_so_from_the_merged_workbook_too(
    tmp_path: Path,
) -> None:
    """乙小学's roster is headers only (its teachers list beside it), and so is 丁小学's,
    alone in its file: lbc validate says REQ002 for each under its own file and sheet, and
    counts it under its school, over the folder, from the merged workbook (its 来源文件
    column taken out too) and from the Parquet file alike (a merged file lists its schools
    in merge's order). The merged workbook's hidden 来源列 says which sheets had no row."""
    root = tmp_path / "县"
    for school in ("甲", "乙", "丁"):
        (root / school).mkdir(parents=True)
    write_xlsx(
        root / "甲" / "甲小学.xlsx",
        {"花名册": [["甲小学留守儿童花名册"], CHILD_HEADER, child_row(1)]},
    )
    write_xlsx(
        root / "乙" / "乙小学.xlsx",
        {
            "花名册": [["乙小学留守儿童花名册"], CHILD_HEADER],
            "教师": [["姓名", "联系电话", "在岗"], ["王芳", "13800001111", "是"]],
        },
    )
    write_xlsx(root / "丁" / "丁小学.xlsx", {"花名册": [["丁小学留守儿童花名册"], CHILD_HEADER]})
    for out in ("全县.xlsx", "全县.parquet"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 1
    # A county that took the 来源文件 column out: each school's rows told apart by 学校.
    book = load_workbook(tmp_path / "全县.xlsx")
    assert book["留守儿童花名册"]["B1"].value == "来源文件"
    book["留守儿童花名册"].delete_cols(2)
    book.save(tmp_path / "删去来源文件.xlsx")
    said = []
    for given in ("县", "全县.xlsx", "全县.parquet", "删去来源文件.xlsx"):
        result = run("validate", given, "--format", "json", cwd=tmp_path)
        assert result.exit_code == 1, (given, result.stderr)
        doc = result.json()
        said.append(
            (
                sorted((f["code"], f["file"], f["sheet"], f["row"]) for f in doc["findings"]),
                doc["summary"]["by_code"],
                sorted(
                    (s["school"], s["children"], s["errors"]) for s in doc["summary"]["schools"]
                ),
            )
        )
    assert (
        said
        == [
            (
                [
                    ("REQ002", "县/丁/丁小学.xlsx", "花名册", None),
                    ("REQ002", "县/乙/乙小学.xlsx", "花名册", None),
                ],
                {"REQ002": 2},
                [("丁小学", 0, 1), ("乙小学", 0, 1), ("甲小学", 1, 0)],
            )
        ]
        * 4
    )
    text = run("validate", "全县.xlsx", cwd=tmp_path).stdout
    assert text == run("validate", "县", cwd=tmp_path).stdout
    assert "县/乙/乙小学.xlsx · 花名册" in text and "县/丁/丁小学.xlsx · 花名册" in text
    assert "  整表   REQ002   错误          儿童表里一名儿童也没有       " in text.splitlines()
    assert text.splitlines()[-4:] == [
        "甲小学：1 名儿童，0 个错误，0 个警告",
        "丁小学：0 名儿童，1 个错误，0 个警告",
        "乙小学：0 名儿童，1 个错误，0 个警告",
        "共检查 1 名儿童、1 名教师、0 条帮扶记录：2 个错误，0 个警告",
    ]


def titled_county(tmp_path: Path, schools: dict[str, list[int]]) -> Path:
    """县/<name>/<name>小学.xlsx for each school, titled with its name, holding the children
    ``schools`` gives it (conftest's child_row numbers; none: a roster of headers only)."""
    root = tmp_path / "县"
    for name, children in schools.items():
        (root / name).mkdir(parents=True)
        title = [f"{name}小学留守儿童花名册"]
        rows = [title, CHILD_HEADER, *(child_row(n) for n in children)]
        write_xlsx(root / name / f"{name}小学.xlsx", {"花名册": rows})
    return root


def test_a_school_of_nobody_with_settings_of_its_own_merges_without_a_false_finding(
    tmp_path: Path,
) -> None:
    """丁小学's roster is headers only and its lbc.toml sets its own days without contact.
    The merged workbook wrote its 各校要求 row, which no row of the roster goes by, and
    lbc validate on it said QTA001 (名册上没有学校“丁小学”, as if misspelt) beside REQ002;
    over the folder REQ002 alone. A school holding no row now gives the merged roster no
    settings row, and both say the same."""
    root = titled_county(tmp_path, {"甲": [1], "丁": []})
    (root / "丁" / "lbc.toml").write_text(
        '[school]\nname = "丁小学"\n\n[quotas]\nmax_days_without_contact = 14\n', encoding="utf-8"
    )
    assert run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).exit_code == 1
    for given in ("县", "全县.xlsx"):
        doc = run("validate", given, "--format", "json", cwd=tmp_path).json()
        assert [f["code"] for f in doc["findings"]] == ["REQ002"], given


def test_a_county_with_a_school_of_nobody_is_titled_with_no_one_school(tmp_path: Path) -> None:
    """甲小学 has a child and 乙小学's roster is headers only. The summary over the folder and
    from the merged Parquet file titled the county （学校名称）, but from the merged workbook
    甲小学, the one school whose rows it holds: a county's summary handed in under one
    school's name. It now counts the school of nobody too."""
    titled_county(tmp_path, {"甲": [1], "乙": []})
    for out in ("全县.xlsx", "全县.parquet"):
        run("merge", "县", "--out", out, cwd=tmp_path)
    titles = []
    for given in ("县", "全县.xlsx", "全县.parquet"):
        result = run("summary", "--term", "2024-autumn", given, cwd=tmp_path)
        titles.append(result.stdout.splitlines()[0])
    assert titles == ["# （学校名称）2024—2025学年第一学期留守儿童关爱工作总结"] * 3


def test_merge_counts_a_school_of_nobody_as_its_table_lists_it(tmp_path: Path) -> None:
    """merge's table listed 甲小学 and 乙小学 (a roster of headers only) and its heading said
    2 所学校, but its last line said 共合并 2 个文件、1 所学校, and its JSON 1: the schools
    were counted by their children. Every count is now the table's."""
    titled_county(tmp_path, {"甲": [1], "乙": []})
    said = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).stdout
    assert "合并的各校名册（2 所学校，2 个文件）" in said
    assert "共合并 2 个文件、2 所学校：" in said
    doc = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path).json()
    assert (doc["summary"]["schools"], len(doc["schools"])) == (2, 2)


def test_an_exported_county_is_titled_as_its_folder(tmp_path: Path) -> None:
    """A merged county of 甲小学 and 乙小学 exported to Parquet: its one children table (the
    merged workbook's) declared the school of its first row, so the summary, cards and
    printed lists were titled 乙小学, where the folder and the merged workbook say
    （单位名称）. A table of several schools' rows declares none."""
    root = titled_county(tmp_path, {"甲": [1], "乙": [2]})
    # 甲小学's own quotas: the export reads its merged rows a table per school.
    (root / "甲" / "lbc.toml").write_text(
        '[school]\nname = "甲小学"\n\n[quotas]\nmax_days_without_contact = 14\n',
        encoding="utf-8",
    )
    run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    for out in ("全县.parquet", "全县.csv"):
        assert run("export", "全县.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    titles = []
    for given in ("县", "全县.xlsx", "全县.parquet", "全县.csv"):
        result = run("summary", "--term", "2024-autumn", given, cwd=tmp_path)
        titles.append(result.stdout.splitlines()[0])
    assert titles == ["# （单位名称）2024—2025学年第一学期留守儿童关爱工作总结"] * 4


def test_a_merged_parquet_file_holding_a_school_of_nobody_is_merged_again(
    tmp_path: Path,
) -> None:
    """县/乙小学's roster (花名册.xlsx, untitled as 甲小学's) is headers only: the county's
    Parquet file keeps its sheet of no rows under 县/乙小学/花名册.xlsx, no file of the
    merge run, its school not named (as lbc wrote it before its layouts named one).
    Merging that Parquet file again lists 乙小学 as merging the workbook does, where it
    said 内部错误：KeyError."""
    import pyarrow.parquet as pq

    root = tmp_path / "县"
    for school in ("甲小学", "乙小学"):
        (root / school).mkdir(parents=True)
    write_xlsx(root / "甲小学" / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    write_xlsx(root / "乙小学" / "花名册.xlsx", {"花名册": [CHILD_HEADER]})
    for out in ("全县.parquet", "全县.xlsx"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 1
    path = tmp_path / "全县.parquet"
    meta = dict(pq.ParquetFile(path).metadata.metadata)
    doc = json.loads(meta[b"lbc"])
    for layout in doc["sources"].values():
        layout.pop("school", None)
    meta[b"lbc"] = json.dumps(doc, ensure_ascii=False).encode()
    pq.write_table(pq.read_table(path).replace_schema_metadata(meta), path)
    tables = []
    for given in ("全县.parquet", "全县.xlsx"):
        again = run("merge", given, "--out", f"再合并{given}.xlsx", cwd=tmp_path)
        assert again.exit_code == 1, again.stderr
        assert again.stderr == f"已写出合并名册：再合并{given}.xlsx（1 个文件）\n"
        rows = [line.split() for line in again.stdout.splitlines()[4:6]]
        tables.append([(row[0], row[2], row[5]) for row in rows])
    assert tables == [[("甲小学", "1", "0"), ("乙小学", "0", "1")]] * 2


def test_a_teachers_list_beside_a_roster_of_nobody_stays_with_its_own_school(
    tmp_path: Path,
) -> None:
    """县/乙小学's roster is headers only, its 教师.xlsx beside it listing 赵敏 of 五年级(1)班.
    She is 乙小学's: merge counts her there, not under 甲小学 (the one school of children
    in 县), and 甲小学's 五年级 child 李明轩 is paired with 甲小学's 王芳 over the merged
    workbook and Parquet file as over the folder, where the merge gave her 赵敏."""
    root = tmp_path / "县"
    for school in ("甲小学", "乙小学"):
        (root / school).mkdir(parents=True)
    write_xlsx(
        root / "甲小学" / "花名册.xlsx",
        {"花名册": [CHILD_HEADER, child_row(1), child_row(2, cls="五年级(1)班")]},
    )
    teacher = ["女", "13800001111", "科任教师"]
    write_xlsx(
        root / "甲小学" / "教师.xlsx",
        {"教师": [TEACHER_HEADER, ["王芳", *teacher, "三年级(2)班", "语文", "否", "是"]]},
    )
    write_xlsx(root / "乙小学" / "花名册.xlsx", {"花名册": [CHILD_HEADER]})
    write_xlsx(
        root / "乙小学" / "教师.xlsx",
        {"教师": [TEACHER_HEADER, ["赵敏", *teacher, "五年级(1)班", "语文", "否", "是"]]},
    )
    for out in ("全县.xlsx", "全县.parquet"):
        merged = run("merge", "县", "--out", out, cwd=tmp_path)
        assert merged.exit_code == 1, merged.stderr
        rows = [line.split() for line in merged.stdout.splitlines()[4:8]]
        assert [row[:4] for row in rows if len(row) > 2] == [
            ["甲小学", "县/甲小学/花名册.xlsx", "2", "1"],
            ["乙小学", "县/乙小学/教师.xlsx", "0", "1"],
        ]
    paired = []
    for given in ("县", "全县.xlsx", "全县.parquet"):
        result = run("pair", given, "--format", "json", cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
        paired.append([(p["child"], p["teacher"]) for p in result.json()["pairs"]])
    assert paired == [[("张雨涵", "王芳"), ("李明轩", "王芳")]] * 3


def test_a_pairs_workbook_beside_a_teachers_list_leaves_the_list_merged(
    tmp_path: Path,
) -> None:
    """青山小学's folder holds its roster, its 教师.xlsx, a stray 经费统计.xlsx and the pairs
    workbook lbc pair saved there. Merge joins the pairs onto the roster and merges the
    teachers list as it does without the workbook, where it left 教师.xlsx out (没有找到
    留守儿童名册): over the merged roster 青山小学 had no teachers, and lbc pair left 4 of
    its children unpaired where over the folder all are paired."""
    root = tmp_path / "县"
    for school in (QS, BH):
        (root / school).mkdir(parents=True)
    teacher = ["女", "13800001111", "科任教师"]
    for school, first, names in ((QS, 1, ("王芳", "李强")), (BH, 5, ("赵敏", "孙丽"))):
        children = [child_row(first), child_row(first + 1, cls="五年级(1)班")]
        write_xlsx(root / school / "花名册.xlsx", {"花名册": [CHILD_HEADER, *children]})
        rows = [
            [name, *teacher, cls, "语文", "否", "是"]
            for name, cls in zip(names, ("三年级(2)班", "五年级(1)班"), strict=True)
        ]
        write_xlsx(root / school / "教师.xlsx", {"教师": [TEACHER_HEADER, *rows]})
    write_xlsx(root / QS / "经费统计.xlsx", {"Sheet1": [["项目", "金额"], ["书本", 300]]})
    book = root / QS / "结对名单.xlsx"
    assert run("pair", root / QS, "--out", book).exit_code == 0
    for out in ("全县.xlsx", "全县.parquet"):
        merged = run("merge", "县", "--out", out, cwd=tmp_path)
        assert merged.exit_code == 0, merged.stderr
        stray = "县/青山小学/经费统计.xlsx 的工作表“Sheet1”不是花名册、教师名单或帮扶记录"
        assert merged.stderr.splitlines()[:2] == [
            f"已写出合并名册：{out}（4 个文件）",
            f"提示：{stray}，已跳过",
        ]
        rows = [line.split() for line in merged.stdout.splitlines()[4:8]]
        assert [row[:4] for row in rows if len(row) > 2] == [
            [BH, "县/白鹤小学/花名册.xlsx", "2", "2"],
            [QS, "县/青山小学/花名册.xlsx", "2", "2"],
        ]
    said = []
    for given in ("县", "全县.xlsx", "全县.parquet"):
        result = run("pair", given, "--format", "json", cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
        doc = result.json()
        said.append((doc["summary"], [(p["child"], p["teacher"]) for p in doc["pairs"]]))
    assert said[1:] == said[:1] * 2
    assert said[0][1] == [
        ("陈思彤", "赵敏"),
        ("杨子墨", "孙丽"),
        ("张雨涵", "王芳"),
        ("李明轩", "李强"),
    ]
