"""A county's folder of schools, one of which starts its terms on its own dates (its
lbc.toml's [terms]): every command reads that school's records and counts its months by
its own term, as its own run does, and the other schools' by the county's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

QS, BH = "青山小学", "白鹤小学"
TEACHER = ["王芳", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "在岗"]


def county(tmp_path: Path, day: object = dt.date(2024, 8, 28)) -> Path:
    """青山小学 starts its 2024 autumn term on Aug 26 and ends it on Jan 20 (its lbc.toml);
    白鹤小学 sets no dates. Each has one child paired with 王芳 and one 谈心 with it on
    ``day``: in 青山小学's term, before the default one starts."""
    root = tmp_path / "全县"
    for name, n in ((QS, 1), (BH, 3)):
        (root / name).mkdir(parents=True)
        child = child_row(n)
        record = [day, "王芳", child[1], "三年级(2)班", "谈心", "聊学习"]
        sheets = {
            "花名册": [[f"{name}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], [*child, "王芳"]],
            "教师": [TEACHER_HEADER, TEACHER],
            "记录": [RECORD_HEADER, record],
        }
        write_xlsx(root / name / "花名册.xlsx", sheets)
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\n'
        '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-20\n',
        encoding="utf-8",
    )
    return root


def test_a_date_without_its_year_is_read_by_its_schools_own_term(tmp_path: Path) -> None:
    """青山小学's lbc.toml sets one term, from Aug 26: its own run reads a record's 8月28日
    as 2024-08-28, and so do validate and merge over the county's folder, which writes the
    whole date into the merged roster; 白鹤小学 names no term, and its 8月28日 stays
    unreadable (DATE001) there as in its own run."""
    root = county(tmp_path, "8月28日")
    assert run("validate", cwd=root / QS).exit_code == 0
    checked = run("validate", root, "--format", "json")
    found = [(Path(f["file"]).parent.name, f["code"]) for f in checked.json()["findings"]]
    assert (found, checked.exit_code) == ([(BH, "DATE001")], 1)
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out, "--format", "json").json()
    assert [(s["school"], s["errors"]) for s in merged["schools"]] == [(BH, 1), (QS, 0)]
    sheet = load_workbook(out)["帮扶记录"]
    column = [c.value for c in sheet[1]].index("日期")
    assert [row[column] for row in sheet.iter_rows(2, values_only=True)] == [
        "8月28日",
        dt.datetime(2024, 8, 28),
    ]


def test_records_in_no_term_are_those_of_no_term_of_their_school(tmp_path: Path) -> None:
    """Of the two talks of Aug 28, only 白鹤小学's is in no term of its school: due says
    one record was not counted, and points at it."""
    root = county(tmp_path)
    due = run("due", root, "--as-of", "2024-09-20")
    where = f"{root / BH / '花名册.xlsx'} 的“记录”第 2 行"
    note = (
        f"提示：1 条帮扶记录的日期不在任何学期（首个在 {where}），没有计入；lbc validate 逐条"
        "指出（REC007）；学校的学期起止日期可在 lbc.toml 的 [terms] 中设定"
    )
    assert note in due.stderr.splitlines()


def test_due_reads_a_schools_records_by_its_own_school_year(tmp_path: Path) -> None:
    """On Sept 20 青山小学's child was last contacted on Aug 28, in its school year (from
    Aug 26), 23 days before: so says the county's lbc due, as 青山小学's own; 白鹤小学's
    record of that day is before its school year, whose 20 days have had no contact."""
    root = county(tmp_path)
    due = run("due", root, "--as-of", "2024-09-20", "--format", "json")
    assert due.exit_code == 0
    doc = due.json()
    got = {
        t["school"]: [
            (c["child"], c["last_contact"], c["days_without_contact"]) for c in t["children"]
        ]
        for t in doc["teachers"]
    }
    assert got == {BH: [("王梓萱", None, 20)], QS: [("张雨涵", "2024-08-28", 23)]}
    assert doc["summary"]["records"] == 1
    own = run("due", "--as-of", "2024-09-20", "--format", "json", cwd=root / QS).json()
    assert own["teachers"][0]["children"] == doc["teachers"][1]["children"]
    # Aug 30 is in 青山小学's autumn term, and in the county's summer: its child has had
    # August's talk, where 白鹤小学's spring term is judged whole.
    summer = run("due", root, "--as-of", "2024-08-30", "--format", "json").json()
    own = run("due", "--as-of", "2024-08-30", "--format", "json", cwd=root / QS).json()
    assert summer["teachers"][1]["children"] == own["teachers"][0]["children"]
    assert [c["talks_this_month"] for c in own["teachers"][0]["children"]] == [1]
    text = run("due", root, "--as-of", "2024-09-20").stdout
    [line] = [line for line in text.splitlines() if "张雨涵" in line]
    assert line.split() == [
        "张雨涵",
        "三年级(2)班",
        "父母均外出",
        "本月谈心、本学期家访、本学年送温暖",
        "2024-08-28（23",
        "天前）",
    ]


def test_summary_counts_a_schools_records_in_its_own_term(tmp_path: Path) -> None:
    """青山小学's talk of Aug 28 is in its autumn term: the county's summary counts it, in
    August, as 青山小学's own summary does; 白鹤小学's of the same day is in no term of its
    (the default dates), and its child is without a record."""
    root = county(tmp_path)
    doc = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    records = doc["records"]
    assert (records["total"], records["talks"], records["matched"]) == (1, 1, 1)
    assert records["by_month"][:2] == [
        {"name": "2024-08", "count": 1},
        {"name": "2024-09", "count": 0},
    ]
    assert records["without_record"] == [{"class": f"{BH} 三年级(2)班", "names": ["王梓萱"]}]
    assert doc["term"]["start"] == "2024-09-01"  # the county's own term, as it sets none
    own = run("summary", "--term", "2024-autumn", "--format", "json", cwd=root / QS).json()
    assert own["records"]["by_month"][0] == {"name": "2024-08", "count": 1}
    text = run("summary", root, "--term", "2024-autumn").stdout.splitlines()
    assert "3. 谈心家访，常态开展。本学期共有帮扶记录 1 条，其中谈心 1 条。" in text
    assert "| 2024年8月 | 1 |" in text


def test_watch_counts_days_without_contact_in_a_schools_own_school_year(tmp_path: Path) -> None:
    """On Sept 28 青山小学's school year (from Aug 26) is 33 days old: its child, last
    contacted Aug 28, has gone over 30 days without contact (WCH013), as its own lbc watch
    says; 白鹤小学's school year (from Sept 1) is too young for anyone to have."""
    root = county(tmp_path)
    watched = run("watch", root, "--as-of", "2024-09-28", "--format", "json")
    assert watched.exit_code == 1
    doc = watched.json()
    assert doc["summary"] == {"children": 1, "threshold": 3, "schools": [], "untyped": 0}
    [group] = doc["classes"]
    [child] = group["children"]
    assert (group["class"], child["name"], child["file"]) == (
        f"{QS} 三年级(2)班",
        "张雨涵",
        str(root / QS / "花名册.xlsx"),
    )
    message = "超过 30 天没有谈心或联系（最近一次：2024年8月28日）"
    assert [(r["code"], r["message"]) for r in child["reasons"]] == [("WCH013", message)]
    own = run("watch", "--as-of", "2024-09-28", "--format", "json", cwd=root / QS).json()
    assert own["classes"][0]["children"][0]["reasons"] == [
        {**child["reasons"][0], "file": "花名册.xlsx"}
    ]
    text = run("watch", root, "--as-of", "2024-09-28").stdout.splitlines()
    assert text[-1] == "共 1 名儿童需重点关注（关注分达到 3）。"
    assert any(message in line for line in text)


def test_record_sheets_are_of_each_schools_own_term(tmp_path: Path) -> None:
    """青山小学's teacher's sheet over the county's folder is of its own term's dates, as
    its own run lays it out (title, and the dates a cell takes); 白鹤小学's of the
    default dates."""
    root = county(tmp_path)
    made = run("record-sheets", root, "--term", "2024-autumn", "--out", tmp_path / "表")
    assert made.exit_code == 0
    titles = {}
    for name in (BH, QS):
        book = tmp_path / "表" / f"帮扶记录表_2024年秋季学期_王芳（{name}）.xlsx"
        titles[name] = load_workbook(book)["帮扶记录"]["A1"].value
    assert titles == {
        BH: f"{BH}2024年秋季学期帮扶记录表（王芳，2024年9月1日至2025年1月31日）",
        QS: f"{QS}2024年秋季学期帮扶记录表（王芳，2024年8月26日至2025年1月20日）",
    }


def test_merge_carries_each_schools_own_term_dates(tmp_path: Path) -> None:
    """The merged roster carries 青山小学's own term dates, in a sheet 各校学期 a school can
    read, and merge says so; 白鹤小学 sets none, and a county of no such school has no
    such sheet."""
    root = county(tmp_path)
    out = tmp_path / "全县.xlsx"
    merged = run("merge", root, "--out", out)
    assert merged.exit_code == 0, merged.stderr
    notes = [line for line in merged.stderr.splitlines() if "学期日期" in line]
    assert notes == [
        f"提示：{QS} 在自己的 lbc.toml 里设了学期日期，已写入合并名册的“各校学期”表；"
        "在合并名册上运行的命令按这些日期计算这些学校，与在县文件夹上运行时相同"
    ]
    book = load_workbook(out)
    sheet = book["各校学期"]
    assert sheet.sheet_state == "visible"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["学校", "学期", "开始日期", "结束日期"],
        [QS, "2024年秋季学期", dt.datetime(2024, 8, 26), dt.datetime(2025, 1, 20)],
    ]
    (root / QS / "lbc.toml").write_text(f'[school]\nname = "{QS}"\n', encoding="utf-8")
    again = run("merge", root, "--out", tmp_path / "全县2.xlsx")
    assert [line for line in again.stderr.splitlines() if "学期日期" in line] == []
    assert "各校学期" not in load_workbook(tmp_path / "全县2.xlsx").sheetnames


def test_the_merged_roster_counts_each_school_by_its_own_term(tmp_path: Path) -> None:
    """due, summary and watch on the merged roster count 青山小学 by its own term, as on
    the county's folder: its talk of Aug 28 is in its term, where without the dates it was
    in none; validate and columns take 各校学期 for no list and find nothing in it."""
    root = county(tmp_path)
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out).exit_code == 0
    for args in (
        ("due", "--as-of", "2024-09-20", "--format", "json"),
        ("due", "--as-of", "2024-08-30", "--format", "json"),
        ("summary", "--term", "2024-autumn", "--format", "json"),
        ("watch", "--as-of", "2024-09-28", "--format", "json"),
    ):
        folder, merged = run(args[0], root, *args[1:]), run(args[0], out, *args[1:])
        assert merged.exit_code == folder.exit_code, args
        if args[0] == "due":
            assert [t["children"] for t in merged.json()["teachers"]] == [
                t["children"] for t in folder.json()["teachers"]
            ], args
        elif args[0] == "summary":
            assert merged.json()["records"] == folder.json()["records"]
        else:
            child = merged.json()["classes"][0]["children"][0]
            assert (child["name"], [r["code"] for r in child["reasons"]]) == ("张雨涵", ["WCH013"])
    own = (
        f"提示：{QS} 按本校 lbc.toml 的学期日期计算：2024年秋季学期（2024年8月26日至2025年1月20日）"
    )
    assert own in run("due", out, "--as-of", "2024-09-20").stderr.splitlines()
    # 白鹤小学's talk of Aug 28 is in no term of its own (REC007), on either; 青山小学's is.
    folder = run("validate", root, "--format", "json").json()["findings"]
    checked = run("validate", out, "--format", "json").json()["findings"]
    assert [(f["code"], f["value"]) for f in checked] == [("REC007", "2024-08-28")]
    assert [(f["code"], f["value"]) for f in folder] == [("REC007", "2024-08-28")]
    assert [(f["sheet"], f["row"]) for f in checked] == [("帮扶记录", 2)]
    assert "各校学期" not in run("columns", out).stdout + run("columns", out).stderr


def test_a_bad_row_of_the_school_terms_sheet_is_said(tmp_path: Path) -> None:
    """A school that edits 各校学期 by hand and writes a date lbc cannot read is told so
    by validate, at the cell (TRM001); the row counts for nothing, and the school's
    records are dated by the run's terms (青山小学's talk of Aug 28 in none)."""
    root = county(tmp_path)
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out).exit_code == 0
    book = load_workbook(out)
    book["各校学期"]["C2"] = "2024-13-01"
    book.save(out)
    checked = run("validate", out, "--format", "json")
    assert checked.exit_code == 1
    found = [
        (f["code"], f["sheet"], f["row"], f["column"], f["field"], f["value"], f["message"])
        for f in checked.json()["findings"]
        if f["code"] != "REC007"
    ]
    assert found == [
        (
            "TRM001",
            "各校学期",
            2,
            "C",
            "term_start",
            "2024-13-01",
            "各校学期这一行没有用上：“2024-13-01”不是日期（应写作 2024-08-26）；"
            "该校的记录按所用 lbc.toml 的学期日期计算",
        )
    ]
    due = run("due", out, "--as-of", "2024-09-20", "--format", "json").json()
    assert due["teachers"][1]["children"][0]["last_contact"] is None


def test_due_and_summary_say_which_schools_count_by_their_own_term(tmp_path: Path) -> None:
    """The heading of due and of the summary names the county's term; 青山小学 is counted by
    its own (Aug 26 to Jan 20), and both say so. Without its own dates, nothing is said."""
    root = county(tmp_path)
    said = (
        f"提示：{QS} 按本校 lbc.toml 的学期日期计算：2024年秋季学期（2024年8月26日至2025年1月20日）"
    )
    due = run("due", root, "--as-of", "2024-09-20")
    summary = run("summary", root, "--term", "2024-autumn")
    for result in (due, summary):
        assert [line for line in result.stderr.splitlines() if "按本校" in line] == [said]
    (root / QS / "lbc.toml").write_text(f'[school]\nname = "{QS}"\n', encoding="utf-8")
    again = run("due", root, "--as-of", "2024-09-20")
    assert [line for line in again.stderr.splitlines() if "按本校" in line] == []


def test_the_merged_parquet_file_counts_each_school_by_its_own_term(tmp_path: Path) -> None:
    """A merged Parquet file keeps 青山小学's own term dates in its metadata: due and
    validate on it count its talk of Aug 28 in its term, as on the county's folder."""
    root = county(tmp_path)
    out = tmp_path / "全县.parquet"
    merged = run("merge", root, "--out", out)
    assert merged.exit_code == 0, merged.stderr
    notes = [line for line in merged.stderr.splitlines() if "学期日期" in line]
    assert notes == [
        f"提示：{QS} 在自己的 lbc.toml 里设了学期日期，已写入合并文件（与合并名册的“各校学期”表"
        "相同）；在合并文件上运行的命令按这些日期计算这些学校，与在县文件夹上运行时相同"
    ]
    args = ("--as-of", "2024-09-20", "--format", "json")
    folder, parquet = run("due", root, *args).json(), run("due", out, *args).json()
    assert [t["children"] for t in parquet["teachers"]] == [
        t["children"] for t in folder["teachers"]
    ]
    found = run("validate", out, "--format", "json").json()["findings"]
    assert [(f["code"], Path(f["file"]).parent.name) for f in found] == [("REC007", BH)]


def test_a_merged_roster_merged_again_keeps_the_schools_own_terms(tmp_path: Path) -> None:
    """A county's merged roster merged again (a city's of its counties) carries 青山小学's
    own term dates on: its 各校学期 is the first's."""
    root = county(tmp_path)
    first, second = tmp_path / "全县.xlsx", tmp_path / "全市.xlsx"
    assert run("merge", root, "--out", first).exit_code == 0
    again = run("merge", first, "--out", second)
    assert [line for line in again.stderr.splitlines() if "学期日期" in line] == [
        f"提示：{QS} 在自己的 lbc.toml 里设了学期日期，已写入合并名册的“各校学期”表；"
        "在合并名册上运行的命令按这些日期计算这些学校，与在县文件夹上运行时相同"
    ]
    rows = [list(r) for r in load_workbook(second)["各校学期"].iter_rows(values_only=True)]
    assert rows == [list(r) for r in load_workbook(first)["各校学期"].iter_rows(values_only=True)]


def test_due_judges_a_school_by_its_own_quotas(tmp_path: Path) -> None:
    """青山小学's lbc.toml allows 14 days without contact: on Sept 20 its child, last
    contacted Aug 28 (23 days), is overdue in the county's lbc due, as in its own, and a
    note says by which quotas; 白鹤小学's child (20 days) is not, by the county's 30."""
    root = county(tmp_path)
    toml = root / QS / "lbc.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + "[quotas]\nmax_days_without_contact = 14\n",
        encoding="utf-8",
    )
    due = run("due", root, "--as-of", "2024-09-20", "--format", "json")
    assert due.exit_code == 1
    doc = due.json()
    got = {
        t["school"]: [(c["child"], c["days_without_contact"], c["overdue"]) for c in t["children"]]
        for t in doc["teachers"]
    }
    assert got == {BH: [("王梓萱", 20, False)], QS: [("张雨涵", 23, True)]}
    assert doc["summary"]["out_of_contact"] == 1
    [quotas] = doc["own_quotas"]
    assert quotas == {**doc["quotas"], "school": QS, "max_days_without_contact": 14}
    own = run("due", "--as-of", "2024-09-20", "--format", "json", cwd=root / QS).json()
    assert own["teachers"][0]["children"] == doc["teachers"][1]["children"]
    said = f"提示：{QS} 按本校 lbc.toml 的 [quotas] 计算待办：超过 14 天无任何联系算逾期"
    assert [line for line in due.stderr.splitlines() if "[quotas]" in line] == [said]


def test_the_json_of_due_and_summary_gives_each_schools_own_term(tmp_path: Path) -> None:
    """The JSON names the county's term, as the heading does, and beside it each school
    counted by a term of its own dates: 青山小学's, from Aug 26 to Jan 20; so a script sees
    what the note says. Without its own dates, none."""
    root = county(tmp_path)
    own = [
        {
            "school": QS,
            "key": "2024-autumn",
            "label": "2024年秋季学期",
            "start": "2024-08-26",
            "end": "2025-01-20",
        }
    ]
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    assert (summary["term"]["start"], summary["term"]["schools"]) == ("2024-09-01", own)
    due = run("due", root, "--as-of", "2024-09-20", "--format", "json").json()
    assert (due["term"], due["own_terms"], due["own_quotas"]) == ("2024-autumn", own, [])
    (root / QS / "lbc.toml").write_text(f'[school]\nname = "{QS}"\n', encoding="utf-8")
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    assert summary["term"]["schools"] == []
    due = run("due", root, "--as-of", "2024-09-20", "--format", "json").json()
    assert due["own_terms"] == []


def test_watch_counts_days_without_contact_by_a_schools_own_limit(tmp_path: Path) -> None:
    """青山小学's lbc.toml allows 14 days without contact: on Sept 20 its child, last
    contacted Aug 28, is on the county's watch list for it (WCH013), as on its own; by the
    county's 30 days nobody is."""
    root = county(tmp_path)
    toml = root / QS / "lbc.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + "[quotas]\nmax_days_without_contact = 14\n",
        encoding="utf-8",
    )
    watched = run("watch", root, "--as-of", "2024-09-20", "--format", "json")
    assert watched.exit_code == 1
    [group] = watched.json()["classes"]
    [child] = group["children"]
    message = "超过 14 天没有谈心或联系（最近一次：2024年8月28日）"
    assert (group["class"], child["name"]) == (f"{QS} 三年级(2)班", "张雨涵")
    assert [(r["code"], r["message"]) for r in child["reasons"]] == [("WCH013", message)]
    own = run("watch", "--as-of", "2024-09-20", "--format", "json", cwd=root / QS).json()
    assert [r["message"] for r in own["classes"][0]["children"][0]["reasons"]] == [message]


def merged_in_an_office(tmp_path: Path, settings: str, start: str) -> tuple[Path, Path]:
    """The county's merged roster, 县/全县.xlsx, in a county office's workspace whose
    lbc.toml adds ``settings`` and its autumn term from ``start``; and a folder elsewhere
    to run lbc from."""
    office = tmp_path / "县"
    office.mkdir()
    out = office / "全县.xlsx"
    assert run("merge", county(tmp_path), "--out", out).exit_code == 0
    (office / "lbc.toml").write_text(
        f'[files]\nroster = ["全县.xlsx"]\n{settings}'
        f'[terms."2024-autumn"]\nstart = {start}\nend = 2025-01-20\n',
        encoding="utf-8",
    )
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    return out, elsewhere


def test_a_merged_roster_in_a_workspace_is_dated_by_its_terms(tmp_path: Path) -> None:
    """A merged roster kept in a county office's workspace whose lbc.toml sets the terms
    (from Aug 26) is dated by them, run from another folder: 白鹤小学's talk of Aug 28,
    which its 各校学期 row does not date, is in that term; 青山小学's by its own row."""
    out, elsewhere = merged_in_an_office(tmp_path, "", "2024-08-26")
    doc = run("due", out, "--as-of", "2024-09-20", "--format", "json", cwd=elsewhere).json()
    got = [c["last_contact"] for t in doc["teachers"] for c in t["children"]]
    assert got == ["2024-08-28", "2024-08-28"]


def test_an_export_of_the_county_carries_each_schools_own_terms(tmp_path: Path) -> None:
    """lbc export of the county's folder carries 青山小学's own term dates as merge does:
    the workbook in a sheet 各校学期 like the merged roster's, the Parquet file in its
    metadata; due on either counts its talk of Aug 28 in its own term, as on the folder."""
    root = county(tmp_path)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    args = ("--as-of", "2024-09-20", "--format", "json")
    folder = [t["children"] for t in run("due", root, *args).json()["teachers"]]
    assert [c["last_contact"] for children in folder for c in children] == [None, "2024-08-28"]
    for name in ("导出.xlsx", "导出.parquet"):
        out = tmp_path / name
        exported = run("export", root, "--out", out)
        assert exported.exit_code == 0, exported.stderr
        doc = run("due", out, *args).json()
        assert [t["children"] for t in doc["teachers"]] == folder, name
        assert doc["own_terms"][0]["start"] == "2024-08-26", name
    rows = [list(r) for r in load_workbook(tmp_path / "导出.xlsx")["各校学期"].iter_rows()]
    want = [list(r) for r in load_workbook(merged)["各校学期"].iter_rows()]
    assert [[c.value for c in r] for r in rows] == [[c.value for c in r] for r in want]
    assert [[c.value for c in r] for r in rows][1][:2] == [QS, "2024年秋季学期"]


def test_the_merged_roster_judges_each_school_by_its_own_quotas(tmp_path: Path) -> None:
    """青山小学's lbc.toml allows 14 days without contact: the merged workbook carries it in
    a sheet 各校要求, the merged Parquet file and an export in theirs, and due and watch on
    each list its child, 23 days without contact on Sept 20, as on the county's folder;
    a row of the sheet edited into no count is said by validate (QTA001) and not used."""
    root = county(tmp_path)
    toml = root / QS / "lbc.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + "[quotas]\nmax_days_without_contact = 14\n",
        encoding="utf-8",
    )
    merged = tmp_path / "全县.xlsx"
    made = run("merge", root, "--out", merged)
    assert made.exit_code == 0, made.stderr
    assert [line for line in made.stderr.splitlines() if "[quotas]" in line] == [
        f"提示：{QS} 在自己的 lbc.toml 里设了 [quotas]，已写入合并名册的“各校要求”表；"
        "在合并名册上运行的 lbc due、lbc watch 按这些要求判断这些学校，与在县文件夹上运行时相同"
    ]
    sheet = load_workbook(merged)["各校要求"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["学校", "要求", "数量"],
        [QS, "最多无联系天数", 14],
    ]
    parquet, exported = tmp_path / "全县.parquet", tmp_path / "导出.xlsx"
    assert run("merge", root, "--out", parquet).exit_code == 0
    assert run("export", root, "--out", exported).exit_code == 0
    due_args = ("--as-of", "2024-09-20", "--format", "json")
    folder = run("due", root, *due_args)
    watched = run("watch", root, "--as-of", "2024-09-20", "--format", "json").json()
    got = {
        t["school"]: [(c["child"], c["days_without_contact"], c["overdue"]) for c in t["children"]]
        for t in folder.json()["teachers"]
    }
    assert got == {BH: [("王梓萱", 20, False)], QS: [("张雨涵", 23, True)]}
    message = "超过 14 天没有谈心或联系（最近一次：2024年8月28日）"
    assert [
        (c["name"], [r["message"] for r in c["reasons"]])
        for g in watched["classes"]
        for c in g["children"]
    ] == [("张雨涵", [message])]
    said = f"提示：{QS} 按本校 lbc.toml 的 [quotas] 计算待办：超过 14 天无任何联系算逾期"
    for out in (merged, parquet, exported):
        due = run("due", out, *due_args)
        assert (due.exit_code, due.json()["teachers"]) == (1, folder.json()["teachers"]), out
        assert due.json()["own_quotas"] == folder.json()["own_quotas"], out
        assert [line for line in due.stderr.splitlines() if "[quotas]" in line] == [said], out
        again = run("watch", out, "--as-of", "2024-09-20", "--format", "json").json()
        assert again["classes"][0]["children"][0]["reasons"][0]["message"] == message, out
    book = load_workbook(merged)
    book["各校要求"]["C2"] = "两周"
    book.save(merged)
    found = run("validate", merged, "--format", "json").json()["findings"]
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["field"], f["value"], f["message"])
        for f in found
        if f["code"] != "REC007"
    ] == [
        (
            "QTA001",
            "各校要求",
            2,
            "C",
            "count",
            "两周",
            "各校要求这一行没有用上：数量“两周”不是 0 到 366 之间的整数；"
            "该校按所用 lbc.toml 的 [quotas] 计算",
        )
    ]
    due = run("due", merged, *due_args).json()
    assert due["teachers"][1]["children"][0]["overdue"] is False


def test_a_merged_roster_in_a_workspace_names_its_schools_by_name(tmp_path: Path) -> None:
    """A merged roster kept in a county office's workspace whose lbc.toml sets terms (from
    Aug 27) and quotas, run from another folder: due and the summary named the schools
    counted by them by files (全县.xlsx itself, 白鹤小学/花名册.xlsx), 青山小学 by name for
    its own 各校学期 row; each school is now named by its name, the merged file by none."""
    out, elsewhere = merged_in_an_office(
        tmp_path, "[quotas]\nmax_days_without_contact = 20\n", "2024-08-27"
    )
    due = run("due", out, "--as-of", "2024-09-20", "--format", "json", cwd=elsewhere)
    doc = due.json()
    assert [(x["school"], x["start"]) for x in doc["own_terms"]] == [
        (BH, "2024-08-27"),
        (QS, "2024-08-26"),
    ]
    assert [x["school"] for x in doc["own_quotas"]] == [BH, QS]
    term = "按本校 lbc.toml 的学期日期计算：2024年秋季学期"
    assert [line for line in due.stderr.splitlines() if "本校" in line] == [
        f"提示：{BH} {term}（2024年8月27日至2025年1月20日）",
        f"提示：{QS} {term}（2024年8月26日至2025年1月20日）",
        f"提示：{BH}、{QS} 按本校 lbc.toml 的 [quotas] 计算待办：超过 20 天无任何联系算逾期",
    ]
    summary = run("summary", out, "--term", "2024-autumn", "--format", "json", cwd=elsewhere)
    assert [x["school"] for x in summary.json()["term"]["schools"]] == [BH, QS]


def test_a_bad_row_of_the_school_terms_sheet_is_its_schools_not_a_school(tmp_path: Path) -> None:
    """validate's line per school, and merge's table, counted TRM001 of the 各校学期 sheet
    under the merged workbook's name, as a school of no children ("全县：0 名儿童，2 个错
    误"). A row naming a school is now that school's; a row naming none is said, and
    counted, but makes no school's line (merge's table: of a school not known)."""
    root = county(tmp_path)
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out).exit_code == 0
    book = load_workbook(out)
    book["各校学期"]["C2"] = "2024-13-01"
    book["各校学期"].append([None, "2024-autumn", "2024-09-01", "2025-01-20"])
    book.save(out)
    checked = run("validate", out, "--select", "TRM")
    assert checked.exit_code == 1
    assert checked.stdout.splitlines()[-3:] == [
        f"{BH}：1 名儿童，0 个错误，0 个警告",
        f"{QS}：1 名儿童，1 个错误，0 个警告",
        "共检查 2 名儿童、2 名教师、2 条帮扶记录：2 个错误，0 个警告",
    ]
    again = run("merge", out, "--out", tmp_path / "又.xlsx", "--format", "json")
    assert [(s["school"], s["errors"]) for s in again.json()["schools"]] == [
        (BH, 0),
        (QS, 1),
        ("", 1),
    ]


def county_records(tmp_path: Path) -> Path:
    """``county`` with each school's talk of Aug 28 moved out of its roster into the
    county's own 帮扶记录.xlsx, whose 学校 column names the school of each row."""
    root = county(tmp_path)
    rows = []
    for name in (QS, BH):
        book = load_workbook(root / name / "花名册.xlsx")
        rows += [[name, *row] for row in book["记录"].iter_rows(min_row=2, values_only=True)]
        del book["记录"]
        book.save(root / name / "花名册.xlsx")
    write_xlsx(root / "帮扶记录.xlsx", {"记录": [["学校", *RECORD_HEADER], *rows]})
    return root


def test_a_county_records_file_dates_each_row_by_its_schools_own_term(tmp_path: Path) -> None:
    """The county's 帮扶记录.xlsx holds both schools' talks of Aug 28: 青山小学's row is in
    its own autumn term (from Aug 26), as in its own folder, and counts in summary, due
    and watch; 白鹤小学's is in no term of its, and validate says so of that row alone.
    The sheet is one sheet to lbc columns and to the notes."""
    root = county_records(tmp_path)
    doc = run("summary", root, "--term", "2024-autumn", "--format", "json")
    records = doc.json()["records"]
    assert (records["total"], records["by_month"][0]) == (1, {"name": "2024-08", "count": 1})
    outside = "提示：“记录”的 1 条记录都不在2024年秋季学期内，请检查 --term 或记录日期"
    assert outside not in doc.stderr.splitlines()
    where = f"{root / '帮扶记录.xlsx'} 的“记录”第 3 行"
    assert f"提示：1 条帮扶记录的日期不在任何学期（首个在 {where}）" in doc.stderr
    due = run("due", root, "--as-of", "2024-09-20", "--format", "json").json()
    last = {c["child"]: c["last_contact"] for t in due["teachers"] for c in t["children"]}
    assert last == {"张雨涵": "2024-08-28", "王梓萱": None}
    watched = run("watch", root, "--as-of", "2024-09-28", "--format", "json").json()
    [child] = watched["classes"][0]["children"]
    assert (child["name"], [r["code"] for r in child["reasons"]]) == ("张雨涵", ["WCH013"])
    found = run("validate", root, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("REC007", 3, "2024-08-28")]
    described = run("columns", root).stdout
    assert described.count("帮扶记录.xlsx 的“记录”：帮扶记录，表头在第 1 行，2 行数据") == 1
    assert run("export", root, "--out", tmp_path / "县.csv").exit_code == 0
    lines = (tmp_path / "县.csv").read_text(encoding="utf-8-sig").splitlines()
    book = str(root / "帮扶记录.xlsx")
    assert [line.split(",")[:5] for line in lines if line.startswith("records")] == [
        ["records", QS, book, "记录", "2"],
        ["records", BH, book, "记录", "3"],
        ["records_columns", "", book, "记录", ""],
    ]


def test_record_sheets_handed_back_to_the_county_are_dated_by_their_schools_term(
    tmp_path: Path,
) -> None:
    """The county lays out its teachers' record sheets into 全县/记录表 and they come back
    there filled in: 王芳's talk of Aug 28 on 青山小学's sheet is in that school's own
    term, and counts over the county's folder as over the school's; on 白鹤小学's sheet
    the same day is before its term, and validate says so there alone."""
    root = county(tmp_path)
    for name in (QS, BH):
        book = load_workbook(root / name / "花名册.xlsx")
        del book["记录"]
        book.save(root / name / "花名册.xlsx")
    made = run("record-sheets", root, "--term", "2024-autumn", "--out", root / "记录表")
    assert made.exit_code == 0, made.stderr
    for name in (QS, BH):
        path = root / "记录表" / f"帮扶记录表_2024年秋季学期_王芳（{name}）.xlsx"
        book = load_workbook(path)
        sheet = book["帮扶记录"]
        assert [sheet["B3"].value, sheet["D3"].value] == [
            {QS: "张雨涵", BH: "王梓萱"}[name],
            "谈心",
        ]
        sheet["F3"], sheet["G3"] = dt.datetime(2024, 8, 28), "聊学习"
        book.save(path)
    records = run("summary", root, "--term", "2024-autumn", "--format", "json").json()["records"]
    assert (records["total"], records["by_month"][0]) == (1, {"name": "2024-08", "count": 1})
    found = run("validate", root, "--format", "json").json()["findings"]
    assert [(Path(f["file"]).name, f["code"], f["row"]) for f in found] == [
        (f"帮扶记录表_2024年秋季学期_王芳（{BH}）.xlsx", "REC005", 3)
    ]


def test_a_county_records_file_without_a_school_column_goes_by_each_childs_school(
    tmp_path: Path,
) -> None:
    """The county's 帮扶记录.xlsx has no 学校 column: each record is of its child's school,
    as lbc merge writes it, and is dated by that school's terms. 青山小学's talk of Aug 28
    is in its own term over the folder as in the merged roster; 白鹤小学's is in none."""
    root = county_records(tmp_path)
    book = load_workbook(root / "帮扶记录.xlsx")
    book["记录"].delete_cols(1)
    book.save(root / "帮扶记录.xlsx")
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0  # REC007 is a warning
    for where in (root, merged):
        doc = run("summary", where, "--term", "2024-autumn", "--format", "json").json()
        assert doc["records"]["total"] == 1, where
        found = run("validate", where, "--format", "json").json()["findings"]
        assert [(f["code"], f["value"]) for f in found] == [("REC007", "2024-08-28")], where
    [finding] = run("validate", root, "--format", "json").json()["findings"]
    assert (Path(finding["file"]).name, finding["row"]) == ("帮扶记录.xlsx", 3)


def test_a_school_setting_no_terms_has_its_county_rows_dated_as_its_own(tmp_path: Path) -> None:
    """白鹤小学's lbc.toml sets no terms, the county's lbc.toml beside the county's
    帮扶记录.xlsx starts autumn on Aug 20: 白鹤小学's talk of Aug 25 there is dated as its
    own files are, by the run's dates (from Sept 1), in no term, as in its own roster and
    in the merged roster; it was dated by the county's lbc.toml, in its autumn term."""
    root = county_records(tmp_path)
    (root / BH / "lbc.toml").write_text(
        f'[school]\nname = "{BH}"\n[files]\nroster = ["花名册.xlsx"]\n', encoding="utf-8"
    )
    (root / "lbc.toml").write_text(
        '[terms."2024-autumn"]\nstart = 2024-08-20\nend = 2025-01-20\n', encoding="utf-8"
    )
    book = load_workbook(root / "帮扶记录.xlsx")
    book["记录"]["B3"] = dt.datetime(2024, 8, 25)
    book.save(root / "帮扶记录.xlsx")
    found = run("validate", root, "--format", "json").json()["findings"]
    assert [(Path(f["file"]).name, f["code"], f["row"]) for f in found] == [
        ("帮扶记录.xlsx", "REC007", 3)
    ]
    merged = tmp_path / "全县.xlsx"
    run("merge", root, "--out", merged)
    found = run("validate", merged, "--format", "json").json()["findings"]
    assert [(f["code"], f["value"]) for f in found] == [("REC007", "2024-08-25")]
    # Run from the county's folder, its lbc.toml's dates are the run's, 白鹤小学's too.
    assert run("validate", ".", "--format", "json", cwd=root).json()["findings"] == []


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_a_merged_county_records_sheet_is_dated_school_by_school(
    tmp_path: Path, suffix: str
) -> None:
    """The county's 帮扶记录.xlsx merged: validate on the merged roster dates each row by
    its school's term, as over the folder. Validate reads a Parquet file a row group at a
    time, and dated every row of the sheet by the first school of it setting terms
    (青山小学's): 白鹤小学's talk of Aug 28 was in its term."""
    root = county_records(tmp_path)
    merged = tmp_path / f"全县{suffix}"
    assert run("merge", root, "--out", merged).exit_code == 0
    for where in (root, merged):
        found = run("validate", where, "--format", "json").json()["findings"]
        assert [(f["code"], f["value"], f["child"]) for f in found] == [
            ("REC007", "2024-08-28", "王*萱")
        ], where
        doc = run("summary", where, "--term", "2024-autumn", "--format", "json").json()
        assert doc["records"]["total"] == 1, where


def test_the_first_record_in_no_term_is_the_first_on_its_sheet(tmp_path: Path) -> None:
    """Rows of 青山小学, 白鹤小学 and 青山小学 again, the last two in no term of their
    school: read a piece a school, the note named row 4 (青山小学's) as the first."""
    root = county_records(tmp_path)
    book = load_workbook(root / "帮扶记录.xlsx")
    sheet = book["记录"]
    sheet.append([QS, dt.datetime(2024, 8, 10), "王芳", "张雨涵", "三年级(2)班", "谈心", "x"])
    book.save(root / "帮扶记录.xlsx")
    due = run("due", root, "--as-of", "2024-09-20")
    where = f"{root / '帮扶记录.xlsx'} 的“记录”第 3 行"
    assert f"提示：2 条帮扶记录的日期不在任何学期（首个在 {where}），没有计入" in due.stderr


def test_a_county_record_of_namesakes_goes_by_the_school_of_its_teachers_child(
    tmp_path: Path,
) -> None:
    """Each school has a 张雨涵 of 三年级(2)班, paired by its teachers list's 帮扶学生姓名
    (王芳 at 青山小学, 李军 at 白鹤小学); the county's 帮扶记录.xlsx, without a 学校 column,
    has 王芳's talk with 张雨涵 of Aug 28. It is 青山小学's child's, in 青山小学's own term,
    over the folder as in the merged roster: the pairs were joined only after the records
    were dated, and the record went by the county's dates."""
    root = tmp_path / "全县"
    for name, n, teacher in ((QS, 1, "王芳"), (BH, 3, "李军")):
        (root / name).mkdir(parents=True)
        staff = [teacher, *TEACHER[1:], "张雨涵"]
        sheets = {
            "花名册": [[f"{name}留守儿童花名册"], CHILD_HEADER, child_row(n, name="张雨涵")],
            "教师": [[*TEACHER_HEADER, "帮扶学生姓名"], staff],
        }
        write_xlsx(root / name / "花名册.xlsx", sheets)
        terms = '[terms."2024-autumn"]\nstart = 2024-08-26\n' if name == QS else ""
        (root / name / "lbc.toml").write_text(
            f'[school]\nname = "{name}"\n[files]\nroster = ["花名册.xlsx"]\n{terms}',
            encoding="utf-8",
        )
    talk = [dt.date(2024, 8, 28), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"]
    write_xlsx(root / "帮扶记录.xlsx", {"记录": [RECORD_HEADER, talk]})
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    for where in (root, merged):
        assert run("validate", where, "--format", "json").json()["findings"] == [], where
        due = run("due", where, "--as-of", "2024-09-20", "--format", "json").json()
        last = {(t["school"], c["last_contact"]) for t in due["teachers"] for c in t["children"]}
        assert last == {(QS, "2024-08-28"), (BH, None)}, where


def test_a_school_without_lbc_toml_has_its_county_rows_dated_by_the_run(tmp_path: Path) -> None:
    """白鹤小学 has no lbc.toml: its own files go by the run's dates (from Sept 1). Its row
    of the county's 帮扶记录.xlsx, beside the county's lbc.toml starting autumn on Sept 2,
    went by the county's: its talk of Sept 1 was in no term over the folder, and counted
    in the merged roster and in its own folder."""
    root = county_records(tmp_path)
    book = load_workbook(root / "帮扶记录.xlsx")
    for row in (2, 3):
        book["记录"][f"B{row}"] = dt.datetime(2024, 9, 1)
    book.save(root / "帮扶记录.xlsx")
    (root / "lbc.toml").write_text(
        '[terms."2024-autumn"]\nstart = 2024-09-02\nend = 2025-01-20\n', encoding="utf-8"
    )
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    for where in (root, merged):
        assert run("validate", where, "--format", "json").json()["findings"] == [], where
        doc = run("summary", where, "--term", "2024-autumn", "--format", "json").json()
        assert doc["records"]["total"] == 2, where
