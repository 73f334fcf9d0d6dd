"""lbc merge, and every command on a folder or a county's merged roster."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    child_row,
    make_id,
    run,
    write_child_csv,
    write_xlsx,
)

A, B = "青山镇中心小学", "白鹤乡中心小学"


def teacher(name: str, classes: str, role: str = "班主任") -> list[Any]:
    return [name, "女", "13800000001", role, classes, "语文", "否", "是"]


def school(folder: Path, name: str | None, rows: list[list[Any]], title: str | None = None) -> Path:
    """A school's workbook in its own folder; an lbc.toml names it when ``name`` is given."""
    folder.mkdir(parents=True, exist_ok=True)
    children = ([[title]] if title else []) + [CHILD_HEADER, *rows]
    teachers = [TEACHER_HEADER, teacher("王芳", "三年级(2)班")]
    path = write_xlsx(folder / "roster.xlsx", {"花名册": children, "教师名单": teachers})
    if name:
        (folder / "lbc.toml").write_text(f'[school]\nname = "{name}"\n', encoding="utf-8")
    return path


def county(tmp_path: Path) -> Path:
    """Two schools: A named by lbc.toml, B by its roster's title."""
    root = tmp_path / "各校"
    school(root / "a", A, [child_row(1, cls="三(2)班"), child_row(2)])
    school(root / "b", None, [child_row(3)], title=f"{B}留守儿童花名册（2024年秋季学期）")
    return root


def test_merge_tags_each_row_with_school_and_source(tmp_path: Path) -> None:
    out = tmp_path / "全县.xlsx"
    result = run("merge", county(tmp_path), "--out", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    assert doc["summary"] == {
        "files": 2,
        "schools": 2,
        "children": 3,
        "teachers": 2,
        "records": 0,
        "errors": 0,
        "warnings": 0,
        "rows": 3,
        "on_books": 3,
        "duplicates": 0,
        "failed": 0,
        "unplaced": 0,
    }
    assert [s["school"] for s in doc["schools"]] == [A, B]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    wb = load_workbook(out)
    assert wb.sheetnames == ["留守儿童花名册", "教师名单", "来源列"]
    assert wb["来源列"].sheet_state == "hidden"  # lbc's own: which columns each school had
    rows = list(wb["留守儿童花名册"].iter_rows(values_only=True))
    assert rows[0][:6] == ("学校", "来源文件", "来源工作表", "来源行", "姓名", "性别")
    header = list(rows[0])
    first = dict(zip(header, rows[1], strict=True))
    assert (first["学校"], first["来源工作表"], first["来源行"]) == (A, "花名册", 2)
    assert first["来源文件"].endswith("a/roster.xlsx")
    assert first["班级"] == "三(2)班"  # as the school wrote it; normalising is for checking
    assert first["身份证号"] == make_id(dt.date(2016, 5, 1), 102)
    third = dict(zip(header, rows[3], strict=True))
    assert (third["学校"], third["来源行"]) == (B, 3)  # below B's title row
    teachers = list(wb["教师名单"].iter_rows(values_only=True))
    assert [r[0] for r in teachers[1:]] == [A, B]


def test_the_merged_roster_keeps_what_the_school_wrote(tmp_path: Path) -> None:
    root = tmp_path / "各校"
    rows = [
        # A full-width comma and a typed date; a phone typed as a number cell; spaces.
        child_row(
            1, 家庭住址="  幸福村3组，王家院子 ", 出生日期="2016年5月1日", 父亲电话=13812345678
        ),
        child_row(2, 健康状况="视力差，戴眼镜", 出生日期=dt.datetime(2016, 5, 1)),
        child_row(3, 出生日期="2016年5月"),  # not a whole date: the text stays
        child_row(4, 家庭住址="四川省南充市南部县青山镇幸福村三组王家院子老屋基旁边第二户"),
    ]
    school(root / "a", A, rows)
    out = tmp_path / "c.xlsx"
    assert run("merge", root, "--out", out).exit_code == 0
    ws = load_workbook(out)["留守儿童花名册"]
    col = {c.value: c.column for c in ws[1]}
    assert ws.cell(2, col["家庭住址"]).value == "幸福村3组，王家院子"  # trimmed, nothing else
    assert ws.cell(3, col["健康状况"]).value == "视力差，戴眼镜"
    for row in (2, 3):
        cell = ws.cell(row, col["出生日期"])
        assert cell.is_date and cell.number_format == "yyyy-mm-dd"
        assert cell.value == dt.datetime(2016, 5, 1)
    assert ws.cell(4, col["出生日期"]).value == "2016年5月"
    phone = ws.cell(2, col["父亲电话"])
    assert (phone.value, phone.data_type) == ("13812345678", "s")
    assert ws.cell(2, col["身份证号"]).data_type == "s"
    # Text wider than the widest column wraps, to print whole; the rest does not.
    wrapped = [bool(ws.cell(row, col["家庭住址"]).alignment.wrap_text) for row in (2, 5)]
    assert wrapped == [False, True]


def test_the_merged_roster_is_ready_to_print(tmp_path: Path) -> None:
    out = tmp_path / "c.xlsx"
    assert run("merge", county(tmp_path), "--out", out).exit_code == 0
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.print_title_rows == "$1:$1"
        setup = ws.page_setup
        assert (int(setup.paperSize), setup.orientation) == (9, "landscape")
        # Seventy-four columns fitted to one page's width would print too small: four pages.
        across = 4 if ws.title == "留守儿童花名册" else 1
        assert (setup.fitToWidth, setup.fitToHeight) == (across, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        head = ws["A1"]
        assert head.font.b and head.fill.fgColor.rgb == "FFDDEBF7" and head.border.top.style
    ws = wb["留守儿童花名册"]
    col = {c.value: c.column_letter for c in ws[1]}
    width = {name: ws.column_dimensions[letter].width for name, letter in col.items()}
    # 学校 fits 青山镇中心小学 (14 wide), 身份证号 18 digits, 家庭住址 its 27, 性别 the least.
    assert (width["学校"], width["身份证号"], width["家庭住址"], width["性别"]) == (16, 20, 29, 6)


def test_a_child_in_two_schools_is_a_finding(tmp_path: Path) -> None:
    root = tmp_path / "各校"
    school(root / "a", A, [child_row(1)])
    school(root / "b", B, [child_row(1, name="张雨涵")])  # the same ID
    result = run("merge", root, "--out", tmp_path / "c.xlsx", "--format", "json")
    assert result.exit_code == 1
    (dup,) = result.json()["duplicates"]
    assert dup["code"] == "DUP003"
    assert dup["id_number"] == "511321********" + make_id(dt.date(2016, 5, 1), 102)[-4:]
    assert [(p["school"], p["row"]) for p in dup["places"]] == [(A, 2), (B, 2)]
    assert dup["message"] == (f"同一身份证号出现在多所学校（{A}、{B}）：重复统计，或有一处登记错误")


def test_the_table_of_a_child_in_two_schools_says_each_place_in_the_users_language(
    tmp_path: Path,
) -> None:
    """merge's terminal table of duplicate ID numbers gives each place in the run's
    language, parted as its language parts groups: 第2行 and "；" in Chinese, "row 2" and
    "; " in English (not 第2行 and "；" whatever the language)."""
    root = tmp_path / "各校"
    school(root / "a", A, [child_row(1)])
    school(root / "b", B, [child_row(1, name="张雨涵")])  # the same ID
    masked = "511321********" + make_id(dt.date(2016, 5, 1), 102)[-4:]
    for lang, places in (
        ("zh", f"{A} 花名册 第2行；{B} 花名册 第2行"),
        ("en", f"{A} sheet '花名册' row 2; {B} sheet '花名册' row 2"),
    ):
        out = run("--lang", lang, "merge", root, "--out", tmp_path / "c.xlsx").stdout
        (line,) = [line for line in out.splitlines() if masked in line]
        assert re.split(r"\s{3,}", line.strip()) == [masked, places], lang


def test_a_child_who_moved_school_is_no_finding_once_marked(tmp_path: Path) -> None:
    """DUP003's own fix is to mark the child 转出 where she left: then the two rosters are
    right, and neither merge nor validate (folder, merged workbook, merged Parquet) may
    call it an error. Still on the books of two schools, and 转出 of a third, she is one
    finding naming the two schools that hold her."""
    root = tmp_path / "各校"
    header = [*CHILD_HEADER, "在校状态"]

    def roster(folder: str, name: str, *states: str) -> None:
        rows = [[*child_row(1, name="张雨涵"), state] for state in states]
        (root / folder).mkdir(parents=True)
        write_xlsx(
            root / folder / "roster.xlsx", {"花名册": [[f"{name}留守儿童花名册"], header, *rows]}
        )

    roster("a", A, "转出")
    roster("b", B, "在读")
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json")
    assert (merged.exit_code, merged.json()["duplicates"]) == (0, [])
    assert run("merge", root, "--out", tmp_path / "全县.parquet").exit_code == 0
    for source in (root, out, tmp_path / "全县.parquet"):
        result = run("validate", source, "--format", "json")
        assert (result.exit_code, result.json()["findings"]) == (0, []), source
    roster("c", "红星小学", "在读")
    merged = run("merge", root, "--out", out, "--format", "json")
    (dup,) = merged.json()["duplicates"]
    assert [(p["school"], p["row"]) for p in dup["places"]] == [(B, 3), ("红星小学", 3)]
    assert (
        dup["message"] == f"同一身份证号出现在多所学校（{B}、红星小学）：重复统计，或有一处登记错误"
    )
    findings = run("validate", root, "--format", "json").json()["findings"]
    assert [(f["code"], f["file"], f["message"]) for f in findings] == [
        ("DUP003", str(root / "c" / "roster.xlsx"), dup["message"])
    ]


def test_a_township_file_places_a_double_at_the_rows_own_school(tmp_path: Path) -> None:
    """A township's file holds several schools by its 学校 column: a child on the books of
    one of them and of another school's own file is at that school, not at the file."""
    root = tmp_path / "各校"
    header = [*CHILD_HEADER, "学校"]
    rows = [[*child_row(1), A], [*child_row(2), B]]
    root.mkdir()
    write_xlsx(root / "青山镇汇总.xlsx", {"花名册": [header, *rows]})
    school(root / "c", "红星小学", [child_row(2)])
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    (dup,) = merged.json()["duplicates"]
    assert [p["school"] for p in dup["places"]] == ["红星小学", B]


def test_a_roster_sent_twice_is_a_finding(tmp_path: Path) -> None:
    """A school sent its roster as .xlsx and again as .csv: merge counted its children
    twice with no error and exit 0, where validate finds each child's DUP001."""
    root = county(tmp_path)
    csv = write_child_csv(root / "a" / "roster.csv", child_row(1, cls="三(2)班"), child_row(2))
    xlsx = root / "a" / "roster.xlsx"
    result = run("merge", root, "--out", tmp_path / "c.xlsx", "--format", "json")
    assert (result.exit_code, result.json()["summary"]["duplicates"]) == (1, 2)
    assert [
        (d["code"], [(p["school"], p["file"], p["row"]) for p in d["places"]], d["message"])
        for d in result.json()["duplicates"]
    ] == [
        (
            "DUP001",
            [(A, str(csv), row), (A, str(xlsx), row)],
            f"身份证号与{csv}“roster”第 {row} 行重复",
        )
        for row in (2, 3)
    ]
    table = run("merge", "各校", "--out", "c.xlsx", cwd=tmp_path).stdout
    assert "各校/a/roster.csv roster 第2行；各校/a/roster.xlsx 花名册 第2行" in table
    found = run("validate", root, "--format", "json").json()["findings"]
    assert [(f["code"], f["file"], f["row"]) for f in found] == [
        ("DUP001", str(xlsx), 2),
        ("DUP001", str(xlsx), 3),
    ]


def test_an_unreadable_file_is_left_out_and_said(tmp_path: Path) -> None:
    root = county(tmp_path)
    (root / "坏.xlsx").write_bytes(b"not a workbook")
    result = run("merge", root, "--out", tmp_path / "c.xlsx", "--format", "json")
    assert result.exit_code == 1
    assert result.json()["summary"]["children"] == 3
    assert result.json()["failed"][0]["file"].endswith("坏.xlsx")
    assert "提示：未合并" in result.stderr and "坏.xlsx" in result.stderr


def test_a_list_lbc_wrote_beside_a_pairs_workbook_is_not_called_one(tmp_path: Path) -> None:
    """A school's folder with its roster, its pairs workbook and a follow-up list lbc wrote
    (待办.xlsx, no list lbc reads in it): merge said 待办.xlsx was a pairs list, then that it
    held no roster and was left out. It is passed over as validate over the folder passes
    it, and as merge passes it over without the pairs workbook beside it."""
    root = county(tmp_path)
    assert (
        run("pair", root / "a" / "roster.xlsx", "--out", root / "a" / "结对名单.xlsx").exit_code
        == 0
    )
    write_xlsx(
        root / "a" / "待办.xlsx", {"待办": [["教师", "儿童", "事项"], ["王芳", "张雨涵", "谈心"]]}
    )
    result = run("merge", root, "--out", tmp_path / "c.xlsx", "--format", "json")
    todo = root / "a" / "待办.xlsx"
    said = f"提示：{todo} 的工作表“待办”不是花名册、教师名单或帮扶记录，已跳过"
    assert result.json()["failed"] == []
    assert said in result.stderr.splitlines()
    assert said in run("validate", root).stderr.splitlines()


def test_a_county_offices_own_lbc_toml_is_no_schools(tmp_path: Path) -> None:
    """The county office keeps an lbc.toml of its own ([school] name 南部县教育局, quotas)
    above the schools' folders, which have none: each school is still the one its title
    names. It was every file's school: the county's two schools one 我校, its classes
    merged, a child paired with another school's head teacher."""
    root = county(tmp_path)
    (root / "a" / "lbc.toml").unlink()
    (root / "lbc.toml").write_text('[school]\nname = "南部县教育局"\n', encoding="utf-8")
    write_xlsx(
        root / "a" / "roster.xlsx",
        {
            "花名册": [[f"{A}留守儿童花名册"], CHILD_HEADER, child_row(1), child_row(2)],
            "教师名单": [TEACHER_HEADER, teacher("王芳", "三年级(2)班")],
        },
    )
    merged = run("merge", root, "--out", tmp_path / "c.xlsx", "--format", "json").json()
    assert [(s["school"], s["children"]) for s in merged["schools"]] == [(A, 2), (B, 1)]
    pairs = run("pair", root, "--format", "json", cwd=root).json()["pairs"]
    assert [(p["child"], p["teacher"]) for p in pairs] == [  # school by school, as summary
        ("王梓萱", f"王芳（{B}）"),
        ("张雨涵", f"王芳（{A}）"),
        ("李明轩", f"王芳（{A}）"),
    ]
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json", cwd=root)
    assert summary.json()["children"]["by_class"] == [
        {"name": f"{B} 三年级(2)班", "count": 1},
        {"name": f"{A} 三年级(2)班", "count": 2},
    ]
    assert run("summary", root, "--term", "2024-autumn", cwd=root).stdout.startswith(
        "# 南部县教育局2024—2025学年第一学期留守儿童关爱工作总结"
    )


def test_two_workspaces_of_one_schools_name_are_said(tmp_path: Path) -> None:
    """白鹤乡中心小学 copied 青山镇中心小学's lbc.toml and kept its name: the two folders are
    one school to every command, its children paired with the other's teachers. Said."""
    root = county(tmp_path)
    (root / "b" / "lbc.toml").write_text(f'[school]\nname = "{A}"\n', encoding="utf-8")
    said = (
        f"提示：{root / 'a' / 'lbc.toml'}、{root / 'b' / 'lbc.toml'} 写的是同一所学校“{A}”，"
        "这些文件夹里的儿童和教师按一所学校统计、结对；如果是不同的学校，请改正各自 lbc.toml 的 "
        "[school] name"
    )
    merged = run("merge", root, "--out", tmp_path / "c.xlsx")
    assert said in merged.stderr.splitlines()
    paired = run("pair", root)
    assert said in paired.stderr.splitlines()
    (root / "b" / "lbc.toml").write_text(f'[school]\nname = "{B}"\n', encoding="utf-8")
    assert "同一所学校" not in run("pair", root).stderr


def test_the_school_falls_back_to_the_file_name(tmp_path: Path) -> None:
    root = tmp_path / "各校"
    root.mkdir()
    write_xlsx(root / "石龙村小.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    result = run("merge", root, "--out", tmp_path / "c.xlsx", "--format", "json")
    assert [s["school"] for s in result.json()["schools"]] == ["石龙村小"]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    root = tmp_path / "各校"
    # openpyxl would store a leading = as a formula; a leading - or + is text to it, and to
    # Excel a formula when typed: the merged cell must stay text.
    school(root / "a", A, [child_row(1, 家庭住址="-3组+幸福村")])
    out = tmp_path / "c.xlsx"
    assert run("merge", root, "--out", out).exit_code == 0
    ws = load_workbook(out)["留守儿童花名册"]
    column = [c.value for c in ws[1]].index("家庭住址") + 1
    cell = ws.cell(2, column)
    assert cell.value == "-3组+幸福村" and cell.data_type == "s"


def test_merge_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    root = county(tmp_path)
    for args, line in (
        (
            ["--out", "c.csv"],
            "lbc: 错误：不能写出这种文件：c.csv（文件名的后缀决定格式，这里能写：.xlsx、.parquet）",
        ),
        (["--out", "c.xlsx"], None),
    ):
        result = run("merge", root, *args, cwd=tmp_path)
        if line:
            assert result.exit_code == 2 and result.stderr == line + "\n"
    empty = tmp_path / "空"
    empty.mkdir()
    result = run("merge", empty, "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 2
    assert result.stderr == f"lbc: 错误：{empty} 中没有找到表格文件\n"


def test_validate_and_flag_report_per_school(tmp_path: Path) -> None:
    root = tmp_path / "各校"
    school(root / "a", A, [child_row(1), child_row(2, 监护人电话=None, 父亲电话=None)])
    school(root / "b", B, [child_row(3)])
    out = tmp_path / "c.xlsx"
    assert run("merge", root, "--out", out).exit_code == 1  # a missing phone, as validate says
    for target in (root, out):  # the folder itself, and the merged roster
        doc = run("validate", target, "--format", "json").json()
        # (The merged roster has every column, empty work places included: warnings differ.)
        assert [(s["school"], s["children"], s["errors"]) for s in doc["summary"]["schools"]] == [
            (A, 2, 1),
            (B, 1, 0),
        ]
        flagged = run("flag", target, "--format", "json").json()
        assert [(c["class"], c["head_teachers"]) for c in flagged["classes"]] == [
            (f"{A} 三年级(2)班", ["王芳"])
        ]


def test_cards_of_a_folder_go_by_school(tmp_path: Path) -> None:
    out = tmp_path / "cards.html"
    assert run("cards", county(tmp_path), "--out", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    footers = [line for line in page.splitlines() if line.startswith('<div class="school">')]
    assert footers == [f'<div class="school">{A}</div>'] * 2 + [f'<div class="school">{B}</div>']


def test_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "坏"
    root.mkdir()
    (root / "a.xlsx").write_bytes(b"x")
    out = tmp_path / "c.xlsx"
    result = run("merge", root, "--out", out)
    assert result.exit_code == 2
    assert result.stderr == (
        f"lbc: 错误：{root / 'a.xlsx'} 实际是文本文件（如 CSV 或制表符分隔的文本），"
        "不是 Excel 工作簿：请用 Excel 打开它，另存为 .xlsx 后再试\n"
    )
    assert result.stderr == run("validate", root / "a.xlsx").stderr
    (root / "b.xlsx").write_bytes(b"x")
    both = run("merge", root, "--out", out)
    assert (both.exit_code, both.stderr.splitlines()) == (
        2,
        [
            "lbc: 错误：2 个文件都无法读取，没有合并任何内容",
            *(
                f"lbc: 错误：未合并 {root / n}：{root / n} 实际是文本文件（如 CSV 或制表符分隔的"
                "文本），不是 Excel 工作簿：请用 Excel 打开它，另存为 .xlsx 后再试"
                for n in ("a.xlsx", "b.xlsx")
            ),
        ],
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏"]  # no file, no temporary


def test_merge_never_writes_over_one_of_its_inputs(tmp_path: Path) -> None:
    """The merged roster may not name a file given, nor a file inside a folder given: both
    would replace a school's roster with the county's (and exit 0)."""
    root = county(tmp_path)
    a, b = root / "a" / "roster.xlsx", root / "b" / "roster.xlsx"
    before = {p: p.read_bytes() for p in (a, b)}
    for args, out, line in (
        ([a, b], b, f"输出文件 {b} 与输入文件相同，已拒绝覆盖"),  # a file given
        ([root], a, f"输出文件 {a} 位于输入文件夹 {root} 中，"),  # a file the folder stands for
        (
            [root / "a", b],
            root / "a" / "新.xlsx",
            f"输出文件 {root / 'a' / '新.xlsx'} 位于输入文件夹 {root / 'a'} 中，",
        ),
    ):
        result = run("merge", *args, "--out", out)
        assert result.exit_code == 2, result.stdout
        assert result.stderr.startswith(f"lbc: 错误：{line}") and result.stderr.count("\n") == 1
        assert {p: p.read_bytes() for p in (a, b)} == before
        assert {p.name for p in out.parent.iterdir()} <= {"lbc.toml", "roster.xlsx"}  # no temp


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_killed_merge_leaves_no_temporary(tmp_path: Path, signum: int) -> None:
    """A script's kill or a closed terminal mid-merge: the hidden temporary holding the
    county's children is removed on the way out, exit 128 + signal, one line."""
    root = tmp_path / "各校"
    for n in range(60):
        school(root / f"s{n:02d}", f"学校{n}", [child_row(i) for i in range(1, 30)])
    folder = tmp_path / "out"
    folder.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lbc", "merge", str(root), "--out", str(folder / "c.xlsx")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    deadline = time.monotonic() + 60
    while not list(folder.glob(".c.xlsx.lbc*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (128 + signum, "lbc: 错误：已中断\n")
    assert list(folder.iterdir()) == []


def test_temporaries_of_killed_runs_are_removed_next_time(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the next run writing that output removes what a dead run
    writing it left, and leaves alone a run still writing it, files that are not lbc's,
    and another output's temporaries (a folder several computers share holds theirs,
    whose process IDs mean nothing here)."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    folder = tmp_path / "out"
    folder.mkdir()
    left = folder / f".c.xlsx.lbc{dead.stdout.strip()}.0a1b2c3d.tmp"
    writing = folder / f".c.xlsx.lbc{os.getpid()}.4e5f6a7b.tmp"
    theirs = folder / ".c.xlsx.0a1b2c3d.tmp"
    other = folder / f".d.xlsx.lbc{dead.stdout.strip()}.0a1b2c3d.tmp"
    for path in (left, writing, theirs, other):
        path.write_bytes(b"PK")
    assert run("merge", county(tmp_path), "--out", folder / "c.xlsx").exit_code == 0
    kept = ["c.xlsx", writing.name, theirs.name, other.name]
    assert sorted(p.name for p in folder.iterdir()) == sorted(kept)


def test_temporaries_lbc_could_not_have_named_are_kept(tmp_path: Path) -> None:
    """A hidden file named like a temporary of c.xlsx whose process ID is too large for
    any system made every write of c.xlsx fail, 内部错误：OverflowError (exit 2); one whose
    ID is a dead run's with a leading zero, or in other digits (٠١٢…), was removed as that
    run's. lbc names none of them: each is kept, and c.xlsx written."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    folder = tmp_path / "out"
    folder.mkdir()
    other_digits = "".join(chr(0x660 + int(d)) for d in dead)  # Arabic-Indic
    names = [f".c.xlsx.lbc{pid}.0a1b2c3d.tmp" for pid in ("9" * 20, f"0{dead}", other_digits)]
    for name in names:
        (folder / name).write_bytes(b"PK")
    result = run("merge", county(tmp_path), "--out", folder / "c.xlsx")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(["c.xlsx", *names])


def test_temporaries_of_killed_runs_named_the_older_way_are_removed_too(tmp_path: Path) -> None:
    """lbc once named its temporaries by tempfile.mkstemp: the same prefix (the output's
    name, the writer's process ID), then 8 of a-z, 0-9 and _ rather than hex digits. A dead
    run's so named was kept for ever, the county's children in a hidden file; now it is
    removed as the others are. A live run's, another output's, and names mkstemp could
    not have made (7 or 9 characters, capitals, a dash) are kept."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    folder = tmp_path / "out"
    folder.mkdir()
    left = [f".c.xlsx.lbc{dead}.{random}.tmp" for random in ("k3_zq9xw", "__zz__09", "gazebo12")]
    kept = [
        f".c.xlsx.lbc{os.getpid()}.k3_zq9xw.tmp",
        f".d.xlsx.lbc{dead}.k3_zq9xw.tmp",
        *(f".c.xlsx.lbc{dead}.{random}.tmp" for random in ("k3_zq9x", "k3_zq9xwy", "ZZ_TOP99")),
        f".c.xlsx.lbc{dead}.k3-zq9xw.tmp",
    ]
    for name in left + kept:
        (folder / name).write_bytes(b"PK")
    result = run("merge", county(tmp_path), "--out", folder / "c.xlsx")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(["c.xlsx", *kept])


def test_a_school_without_a_teachers_list_keeps_its_teachers_in_the_county(
    tmp_path: Path,
) -> None:
    """青山 keeps a teachers list, 白鹤 only a 帮扶教师 column (李强). Merged, 白鹤's rows
    carry its 学校 and the county's teachers list 青山's: it says nothing of 白鹤's
    teachers, so 李强 supports his child from the county roster as from 白鹤's own file,
    in lbc due and lbc watch alike (no WCH012, no support teacher in post)."""
    header = [*CHILD_HEADER, "帮扶教师"]
    for name, row, teachers in (
        (A, [*child_row(1), "王芳"], [TEACHER_HEADER, teacher("王芳", "三年级(2)班")]),
        (B, [*child_row(2), "李强"], None),
    ):
        (tmp_path / name).mkdir()
        sheets = {"花名册": [header, row], **({"教师名单": teachers} if teachers else {})}
        write_xlsx(tmp_path / name / "roster.xlsx", sheets)
        (tmp_path / name / "lbc.toml").write_text(f'[school]\nname = "{name}"\n', "utf-8")
    merged = tmp_path / "county.xlsx"
    assert run("merge", tmp_path / A, tmp_path / B, "--out", merged).exit_code == 0

    def due(*paths: Path) -> list[tuple[str, str, list[str]]]:
        doc = run("due", "--as-of", "2024-10-15", *paths, "--format", "json").json()
        return [
            (x["teacher"], x["school"], [c["child"] for c in x["children"]])
            for x in doc["teachers"]
        ]

    expected = [("李强", B, ["李明轩"]), ("王芳", A, ["张雨涵"])]
    assert sorted(due(tmp_path / A, tmp_path / B)) == expected
    assert sorted(due(merged)) == expected
    watch = run("watch", "--as-of", "2024-10-15", merged, "--format", "json").json()
    codes = {
        c["name"]: [r["code"] for r in c["reasons"]]
        for g in watch["classes"]
        for c in g["children"]
    }
    assert "WCH012" not in codes.get("李明轩", [])
