"""A county's folder of schools, one of which sets its own [quotas] and [watch] in its
lbc.toml: every command over the county's folder judges that school's children by them, as
its own run does, and the other schools' by the run's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

QS, BH = "青山小学", "白鹤小学"
TEACHER = ["王芳", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "在岗"]


def county(tmp_path: Path, own: str) -> Path:
    """Two schools, each with one child with asthma and a guardian of 66, paired with its
    王芳 and home-visited once on Oct 10 2024; 青山小学's lbc.toml adds ``own`` (its
    [quotas] or [watch]), 白鹤小学 has none."""
    root = tmp_path / "全县"
    for name, n in ((QS, 1), (BH, 3)):
        (root / name).mkdir(parents=True)
        child = [*child_row(n, 健康状况="哮喘"), 66, "王芳"]
        record = [dt.date(2024, 10, 10), "王芳", child[1], "三年级(2)班", "家访", "家访"]
        header = [*CHILD_HEADER, "监护人年龄", "帮扶教师"]
        sheets = {
            "花名册": [[f"{name}留守儿童花名册"], header, child],
            "教师": [TEACHER_HEADER, TEACHER],
            "记录": [RECORD_HEADER, record],
        }
        write_xlsx(root / name / "花名册.xlsx", sheets)
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\n{own}', encoding="utf-8"
    )
    return root


def test_summary_counts_a_schools_children_by_its_own_quotas(tmp_path: Path) -> None:
    """青山小学 asks two home visits a term and two children of every teacher: its child,
    visited once, is not counted as visited in the county's summary (1 of 2, not 2 of 2),
    as in its own, and its 王芳 is below its quota; the JSON, the document and a note say
    which school is counted by which quotas."""
    own = "[quotas]\nhome_visits_per_term = 2\nchildren_per_teacher = 2\n"
    root = county(tmp_path, own)
    args = ("--term", "2024-autumn", "--format", "json")
    summary = run("summary", root, *args)
    doc = summary.json()
    records = doc["records"]
    got = (records["paired_children"], records["home_visited"], records["home_visit_rate"])
    assert got == (2, 1, 0.5)
    assert doc["pairing"]["teachers_below_quota"] == [f"王芳（{QS}）"]
    assert doc["quotas"] == {
        "talks_per_month": 1,
        "home_visits_per_term": 1,
        "warmth_per_year": 1,
        "children_per_teacher": 1,
        "schools": [
            {
                "school": QS,
                "talks_per_month": 1,
                "home_visits_per_term": 2,
                "warmth_per_year": 1,
                "children_per_teacher": 2,
            }
        ],
    }
    said = (
        f"提示：{QS} 按本校 lbc.toml 的 [quotas] 统计完成情况：每学期家访 2 次、"
        "每名教师至少帮扶 2 名儿童"
    )
    assert [line for line in summary.stderr.splitlines() if "[quotas]" in line] == [said]
    mine = run("summary", *args, cwd=root / QS).json()
    assert (mine["records"]["home_visited"], mine["quotas"]["schools"]) == (0, [])
    text = run("summary", root, "--term", "2024-autumn").stdout.splitlines()
    at = text.index("- 学期家访：1 名结对儿童本学期至少家访 1 次（50.0%）。")
    assert text[at + 2] == (
        f"- 其中{QS}按本校要求统计：每月谈心 1 次，每学期家访 2 次，每学年送温暖 1 次，"
        "每名在岗教师至少帮扶 2 名儿童。"
    )


def test_teachers_are_a_gap_only_where_each_schools_quota_allows(tmp_path: Path) -> None:
    """Two children and two teachers, 青山小学's asked two children by its own lbc.toml:
    three children are asked of the county's teachers, more than it has, so its 王芳 with
    one child is below her quota but the summary does not make too few children a gap of
    the teachers (by the run's one a teacher, two would have been enough)."""
    root = county(tmp_path, "[quotas]\nchildren_per_teacher = 2\n")
    doc = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    assert doc["pairing"]["teachers_below_quota"] == [f"王芳（{QS}）"]
    assert doc["problems"] == ["谈心不够经常：有 2 名结对儿童未做到每月至少谈心一次。"]


WATCH = "[watch]\nthreshold = 4\nguardian_age = 65\n[watch.weights]\nWCH013 = 0\n"


def test_watch_draws_a_schools_children_by_its_own_watch_settings(tmp_path: Path) -> None:
    """青山小学's lbc.toml lists a child at a score of 4, counts a guardian of 65 as old and
    weighs no days without contact: on Nov 20 its child (asthma, 2; a guardian of 66, 2) is
    on the county's list by those, as on its own, not for 41 days without contact; 白鹤小学's
    by the run's (asthma, 2; 41 days, 3). The JSON, the last line and a note say so. At 5,
    青山小学's child is on neither list."""
    root = county(tmp_path, WATCH)
    args = ("--as-of", "2024-11-20", "--format", "json")
    watched = run("watch", root, *args)
    doc = watched.json()
    got = {
        g["class"]: [
            (c["name"], c["score"], [r["code"] for r in c["reasons"]]) for c in g["children"]
        ]
        for g in doc["classes"]
    }
    assert got == {
        f"{BH} 三年级(2)班": [("王梓萱", 5, ["WCH013", "WCH008"])],
        f"{QS} 三年级(2)班": [("张雨涵", 4, ["WCH004", "WCH008"])],
    }
    mine = run("watch", *args, cwd=root / QS).json()
    [[child]] = [g["children"] for g in mine["classes"]]
    assert (child["score"], [r["message"] for r in child["reasons"]]) == (
        4,
        ["监护人 66 岁", "患病：哮喘"],
    )
    assert doc["summary"] == {
        "children": 2,
        "threshold": 3,
        "schools": [{"school": QS, "threshold": 4, "guardian_age": 65, "weights": {"WCH013": 0}}],
        "untyped": 0,
    }
    said = (
        f"提示：{QS} 按本校 lbc.toml 的 [watch] 列入重点关注名单：关注分达到 4、"
        "监护人年满 65 岁算高龄、WCH013 权重 0"
    )
    assert [line for line in watched.stderr.splitlines() if "[watch]" in line] == [said]
    text = run("watch", root, "--as-of", "2024-11-20").stdout.splitlines()
    assert (
        text[-1]
        == f"共 2 名儿童需重点关注（关注分达到 3；{QS} 按本校 lbc.toml 的 [watch]，见提示）。"
    )
    toml = root / QS / "lbc.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("threshold = 4", "threshold = 5"))
    doc = run("watch", root, *args).json()
    assert [g["class"] for g in doc["classes"]] == [f"{BH} 三年级(2)班"]


def test_the_summarys_watch_list_draws_a_school_by_its_own_settings(tmp_path: Path) -> None:
    """On the autumn term's first day 青山小学's child is on its own watch list (asthma and
    a guardian of 66, 4 by its lbc.toml's [watch]); the county's summary counts it there
    too, and names the school's settings in a note and in its JSON (watch.schools), as lbc
    watch's JSON names them (summary.schools)."""
    root = county(tmp_path, WATCH)
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json")
    watch = summary.json()["watch"]
    assert (watch["start"], watch["end"]) == (1, 2)
    own = [{"school": QS, "threshold": 4, "guardian_age": 65, "weights": {"WCH013": 0}}]
    assert watch["schools"] == own
    watched = run("watch", root, "--as-of", "2024-11-20", "--format", "json").json()
    assert watched["summary"]["schools"] == own
    mine = run("summary", "--term", "2024-autumn", "--format", "json", cwd=root / QS).json()
    assert (mine["watch"]["start"], mine["watch"]["end"]) == (1, 1)
    assert mine["watch"]["schools"] == []
    assert sum("[watch]" in line for line in summary.stderr.splitlines()) == 1


def test_dues_last_line_gives_each_schools_own_days_without_contact(tmp_path: Path) -> None:
    """青山小学's lbc.toml allows 14 days without contact: on Oct 30 its child, 20 days
    without, is counted as out of contact, 白鹤小学's (the run's 30) not; the totals line,
    on the terminal and in the printed list, says both limits, not the run's 30 alone."""
    root = county(tmp_path, "[quotas]\nmax_days_without_contact = 14\n")
    due = run("due", root, "--as-of", "2024-10-30")
    assert due.stdout.splitlines()[-1] == (
        "截至 2024-10-30（2024年秋季学期）：结对儿童 2 名；本月未谈心 2 名，有月份漏谈 2 名，"
        "本学期未家访 0 名，本学年未送温暖 2 名，超过 30 天（青山小学 14 天）无任何联系 1 名；"
        "逾期 2 名"
    )
    out = tmp_path / "待办.xlsx"
    assert run("due", root, "--as-of", "2024-10-30", "--out", out).exit_code == 1
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    said = "超过 30 天（青山小学 14 天）无任何联系 1 名"
    assert any(isinstance(c, str) and said in c for c in cells)
    english = run("--lang", "en", "due", root, "--as-of", "2024-10-30").stdout
    said = "1 with no contact for over 30 days (14 at 青山小学); 2 overdue"
    assert said in " ".join(english.split())  # the terminal wraps it at a space


def test_record_sheets_lay_out_a_schools_own_quotas(tmp_path: Path) -> None:
    """青山小学's lbc.toml asks two talks a month: its teacher's sheet over the county's
    folder lays out two talk rows a month, as its own run does; 白鹤小学's one."""
    root = county(tmp_path, "[quotas]\ntalks_per_month = 2\n")
    made = run("record-sheets", root, "--term", "2024-autumn", "--out", tmp_path / "表")
    said = f"已写出 2 份帮扶记录表（共预置 19 行待填）到 {tmp_path / '表'}"
    assert (made.exit_code, made.stderr.splitlines()[0]) == (0, said)

    def planned(book: Path) -> list[tuple[str, str]]:
        rows = load_workbook(book)["帮扶记录"].iter_rows(min_row=3, values_only=True)
        return [(row[3], row[4]) for row in rows if row[3]]  # not the blank rows below

    months = ["2024年9月", "2024年10月", "2024年11月", "2024年12月", "2025年1月"]
    rest = [("家访", "本学期"), ("送温暖", "本学年")]
    books = {n: tmp_path / "表" / f"帮扶记录表_2024年秋季学期_王芳（{n}）.xlsx" for n in (QS, BH)}
    assert planned(books[BH]) == [*(("谈心", m) for m in months), *rest]
    assert planned(books[QS]) == [*(("谈心", m) for m in months for _ in (1, 2)), *rest]
    mine = run("record-sheets", "--term", "2024-autumn", "--out", tmp_path / "本校", cwd=root / QS)
    assert mine.exit_code == 0
    own = tmp_path / "本校" / "帮扶记录表_2024年秋季学期_王芳.xlsx"
    assert planned(own) == planned(books[QS])


def test_the_merged_roster_counts_a_schools_children_by_its_own_quotas(tmp_path: Path) -> None:
    """The county's merged roster carries 青山小学's [quotas] (各校要求): the summary of it
    counts her child's one home visit against her two, as the summary of the folder does."""
    root = county(tmp_path, "[quotas]\nhome_visits_per_term = 2\n")
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    args = ("--term", "2024-autumn", "--format", "json")
    folder, book = run("summary", root, *args).json(), run("summary", merged, *args).json()
    assert book["records"] == folder["records"]
    assert book["records"]["home_visited"] == 1
    assert book["quotas"]["schools"] == folder["quotas"]["schools"]


def _watched(doc: dict) -> list[tuple[str, str, int, list[tuple[str, int, str]]]]:
    """Each listed child of ``lbc watch --format json``: its class, name, score and reasons
    (code, weight, message), where it is read from left out (a folder's file, a merged
    roster's)."""
    return [
        (
            g["class"],
            c["name"],
            c["score"],
            [(r["code"], r["weight"], r["message"]) for r in c["reasons"]],
        )
        for g in doc["classes"]
        for c in g["children"]
    ]


WEIGHED = "[watch]\nthreshold = 6\n[watch.weights]\nWCH008 = 4\n"


def test_the_merged_roster_draws_each_school_by_its_own_watch_settings(tmp_path: Path) -> None:
    """青山小学's lbc.toml lists a child at a score of 6 and weighs an illness 4: the merged
    workbook carries it in a sheet 各校关注, the merged Parquet file in its metadata, an
    export of the folder as merge does, and lbc watch on each lists the same children with
    the same scores as on the county's folder: on Oct 20 not 青山小学's child (asthma, 4),
    on Nov 20 her child at 7 (asthma, 4; 41 days without contact, 3) beside 白鹤小学's at 5.
    The summary of each counts the list as the folder's does."""
    root = county(tmp_path, WEIGHED)
    merged, parquet = tmp_path / "全县.xlsx", tmp_path / "全县.parquet"
    exported = tmp_path / "导出.xlsx"
    made = run("merge", root, "--out", merged)
    assert made.exit_code == 0, made.stderr
    assert [line for line in made.stderr.splitlines() if "[watch]" in line] == [
        f"提示：{QS} 在自己的 lbc.toml 里设了 [watch]，已写入合并名册的“各校关注”表；"
        "在合并名册上运行的 lbc watch、lbc summary、lbc pair、lbc cards 按这些设置列出这些学校的"
        "重点关注儿童，与在县文件夹上运行时相同"
    ]
    sheet = load_workbook(merged)["各校关注"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["学校", "设置", "值"],
        [QS, "最低关注分", 6],
        [QS, "WCH008 权重", 4],
    ]
    assert run("merge", root, "--out", parquet).exit_code == 0
    assert run("export", root, "--out", exported).exit_code == 0
    rows = load_workbook(exported)["各校关注"].iter_rows(values_only=True)
    assert [list(row) for row in rows] == [list(row) for row in sheet.iter_rows(values_only=True)]
    own = [{"school": QS, "threshold": 6, "weights": {"WCH008": 4}}]
    for day, listed in (("2024-10-20", []), ("2024-11-20", [(BH, 5), (QS, 7)])):
        args = ("--as-of", day, "--format", "json")
        folder = run("watch", root, *args).json()
        assert [(cls.split()[0], score) for cls, _, score, _ in _watched(folder)] == listed
        assert folder["summary"]["schools"] == own
        for out in (merged, parquet, exported):
            doc = run("watch", out, *args).json()
            assert _watched(doc) == _watched(folder), (out, day)
            assert doc["summary"] == folder["summary"], (out, day)
    args = ("--term", "2024-autumn", "--format", "json")
    folder = run("summary", root, *args).json()["watch"]
    for out in (merged, parquet, exported):
        assert run("summary", out, *args).json()["watch"] == folder, out


def test_validate_points_at_a_row_of_the_merged_watch_sheet_it_cannot_use(
    tmp_path: Path,
) -> None:
    """A county edits 青山小学's 最低关注分 in the merged roster's 各校关注 into 六, and adds
    a weight of a criterion lbc does not have: validate says so at each cell (WST001), and
    lbc watch on it lists her child by the run's threshold (3) and her own weight of an
    illness (4), the row it can still read."""
    root = county(tmp_path, WEIGHED)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    book = load_workbook(merged)
    book["各校关注"]["C2"] = "六"
    book["各校关注"].append([QS, "WCH099 权重", 1])
    book.save(merged)
    found = run("validate", merged, "--format", "json").json()["findings"]
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["field"], f["value"], f["message"])
        for f in found
    ] == [
        (
            "WST001",
            "各校关注",
            2,
            "C",
            "value",
            "六",
            "各校关注这一行没有用上：值“六”不是不小于 0 的整数；"
            "该校按所用 lbc.toml 的 [watch] 列出重点关注儿童",
        ),
        (
            "WST001",
            "各校关注",
            4,
            "B",
            "setting",
            "WCH099 权重",
            "各校关注这一行没有用上：“WCH099 权重”不是一项设置（应写作 最低关注分、高龄监护人年龄，"
            "或 WCH001 权重 这样的重点关注条件权重，lbc rules 列出 WCH 开头的全部条件）；"
            "该校按所用 lbc.toml 的 [watch] 列出重点关注儿童",
        ),
    ]
    doc = run("watch", merged, "--as-of", "2024-10-20", "--format", "json").json()
    assert [(cls, score) for cls, _, score, _ in _watched(doc)] == [(f"{QS} 三年级(2)班", 4)]
    assert doc["summary"]["schools"] == [{"school": QS, "weights": {"WCH008": 4}}]


def test_an_export_of_the_merged_roster_draws_no_school_by_anothers_watch(
    tmp_path: Path,
) -> None:
    """An export of the merged workbook points every row back at the merged workbook, so
    its rows of both schools go by one file: 白鹤小学's child is not drawn by the 各校关注
    rows of 青山小学 (listed at 5 on Nov 20, as over the folder, not at 7), and the JSON
    does not name 白鹤小学 as drawn by settings of its own."""
    root = county(tmp_path, WEIGHED)
    merged, exported = tmp_path / "全县.xlsx", tmp_path / "导出.parquet"
    assert run("merge", root, "--out", merged).exit_code == 0
    assert run("export", merged, "--out", exported).exit_code == 0
    args = ("--as-of", "2024-11-20", "--format", "json")
    folder, doc = run("watch", root, *args).json(), run("watch", exported, *args).json()
    assert [c for c in _watched(doc) if c[0].startswith(BH)] == [
        c for c in _watched(folder) if c[0].startswith(BH)
    ]
    assert BH not in [entry["school"] for entry in doc["summary"]["schools"]]
