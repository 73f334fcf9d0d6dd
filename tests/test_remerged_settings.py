"""A county's merged roster merged again or exported (a city's of its counties): its
rows' 来源文件 is the merged roster then, every school's, so each school's own quotas
(各校要求) and term dates (各校学期) go by the school, not by the file the rows came
through; every school is judged by its own, as over the county's folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

QS, BH = "青山小学", "白鹤小学"
TEACHER = ["王芳", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "在岗"]


def county(tmp_path: Path, own: str, day: dt.date = dt.date(2024, 9, 20)) -> Path:
    """青山小学 (its lbc.toml adds ``own``) and 白鹤小学 (no lbc.toml), each with two
    children paired with its 王芳, one 谈心 and one 家访 on ``day``."""
    root = tmp_path / "县"
    for name, first in ((QS, 1), (BH, 3)):
        (root / name).mkdir(parents=True)
        children = [[*child_row(n), "王芳"] for n in (first, first + 1)]
        records = [
            [day, "王芳", children[0][1], "三年级(2)班", kind, kind] for kind in ("谈心", "家访")
        ]
        sheets = {
            "花名册": [[f"{name}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], *children],
            "教师": [TEACHER_HEADER, TEACHER],
            "记录": [RECORD_HEADER, *records],
        }
        write_xlsx(root / name / "花名册.xlsx", sheets)
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\n{own}', encoding="utf-8"
    )
    return root


def readings(tmp_path: Path, root: Path) -> dict[str, Path]:
    """The county's folder, its merged roster, that merged again, and exports of it."""
    merged = tmp_path / "全县.xlsx"
    out = {"folder": root, "merged": merged}
    assert run("merge", root, "--out", merged).exit_code == 0
    out["again"] = tmp_path / "再合并.xlsx"
    assert run("merge", merged, "--out", out["again"]).exit_code == 0
    for name in ("ex2.xlsx", "ex2.parquet"):
        out[name] = tmp_path / name
        made = run("export", merged, "--out", out[name])
        assert made.exit_code == 0, made.stderr
    return out


def summary_of(doc: dict) -> tuple[int, ...]:
    s = doc["summary"]
    return s["missed_a_month"], s["no_home_visit"], s["out_of_contact"]


def test_a_merged_roster_merged_again_judges_each_school_by_its_own_quotas(
    tmp_path: Path,
) -> None:
    """青山小学 asks two talks a month and two home visits a term and allows 14 days
    without contact; 白鹤小学 keeps the county's. On Oct 15 every reading says the same:
    3 children with months missed, 3 not home-visited, 3 out of contact (青山小学's two,
    25 days without, and 白鹤小学's never contacted), not 4/4/4 (白鹤小学 judged by
    青山小学's quotas); the Parquet export names the school of 14 days, 青山小学."""
    own = "[quotas]\ntalks_per_month = 2\nhome_visits_per_term = 2\nmax_days_without_contact = 14\n"
    root = county(tmp_path, own)
    args = ("--as-of", "2024-10-15", "--format", "json")
    docs = {name: run("due", path, *args).json() for name, path in readings(tmp_path, root).items()}
    assert summary_of(docs["folder"]) == (3, 3, 3)
    for name, doc in docs.items():
        assert summary_of(doc) == (3, 3, 3), name
        assert doc["teachers"] == docs["folder"]["teachers"], name
        assert doc["own_quotas"] == docs["folder"]["own_quotas"], name
    line = run("due", tmp_path / "ex2.parquet", "--as-of", "2024-10-15").stdout.splitlines()[-1]
    assert "超过 30 天（青山小学 14 天）无任何联系 3 名" in line


def test_a_merged_roster_merged_again_dates_each_school_by_its_own_terms(tmp_path: Path) -> None:
    """青山小学 starts its autumn term on Aug 26, 白鹤小学 keeps the county's (Sept 1): the
    home visits of Aug 28 are in 青山小学's term and in none of 白鹤小学's, so one child
    (白鹤小学's) is not home-visited this term in every reading, not none."""
    own = '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-20\n'
    root = county(tmp_path, own, dt.date(2024, 8, 28))
    args = ("--as-of", "2024-09-20", "--format", "json")
    docs = {name: run("due", path, *args).json() for name, path in readings(tmp_path, root).items()}
    assert docs["folder"]["summary"]["no_home_visit"] == 3
    for name, doc in docs.items():
        assert doc["summary"] == docs["folder"]["summary"], name
        assert doc["teachers"] == docs["folder"]["teachers"], name


def test_an_export_of_a_townships_merged_roster_keeps_each_schools_quotas(
    tmp_path: Path,
) -> None:
    """One township's file of two schools, 甲小学 and 乙小学 by its 学校 column, whose
    lbc.toml allows 14 days without contact: the merged roster's 各校要求 gives both, and
    so does an export of it and the merged roster merged again, not one of them."""
    root = tmp_path / "乡"
    root.mkdir()
    children = [[*child_row(n), "王芳", school] for n, school in ((1, "甲小学"), (3, "乙小学"))]
    write_xlsx(
        root / "花名册.xlsx",
        {
            "花名册": [[*CHILD_HEADER, "帮扶教师", "学校"], *children],
            "教师": [[*TEACHER_HEADER, "学校"], [*TEACHER, "甲小学"], [*TEACHER, "乙小学"]],
        },
    )
    (root / "lbc.toml").write_text("[quotas]\nmax_days_without_contact = 14\n", encoding="utf-8")
    merged, again, exported = (tmp_path / name for name in ("全乡.xlsx", "再.xlsx", "导出.xlsx"))
    assert run("merge", root, "--out", merged).exit_code == 0
    assert run("merge", merged, "--out", again).exit_code == 0
    assert run("export", merged, "--out", exported).exit_code == 0
    want = [("乙小学", "最多无联系天数", 14), ("甲小学", "最多无联系天数", 14)]
    for book in (merged, again, exported):
        rows = load_workbook(book)["各校要求"].iter_rows(min_row=2, values_only=True)
        assert sorted(rows) == want, book.name


def test_a_settings_row_naming_no_school_of_the_roster_is_said(tmp_path: Path) -> None:
    """A row of 各校要求 or 各校学期 naming a school the roster has not (白鹤小学校, a typo
    for 白鹤小学) is of use to nobody: validate says so (QTA001, TRM001) at its 学校 cell,
    in Chinese and in English, and due judges 白鹤小学 by the run's quotas still."""
    own = '[quotas]\nmax_days_without_contact = 14\n[terms."2024-autumn"]\nstart = 2024-08-26\n'
    root = county(tmp_path, own)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    book = load_workbook(merged)
    book["各校要求"].append(["白鹤小学校", "最多无联系天数", 7])
    book["各校学期"].append(["白鹤小学校", "2024年秋季学期", dt.date(2024, 8, 20), None])
    book.save(merged)
    found = run("validate", merged, "--format", "json").json()["findings"]
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["field"], f["value"], f["message"])
        for f in found
    ] == [
        (
            "TRM001",
            "各校学期",
            3,
            "A",
            "school",
            "白鹤小学校",
            "各校学期这一行没有用上：名册上没有学校“白鹤小学校”（与名册“学校”列的写法不一致）；"
            "该校的记录按所用 lbc.toml 的学期日期计算",
        ),
        (
            "QTA001",
            "各校要求",
            3,
            "A",
            "school",
            "白鹤小学校",
            "各校要求这一行没有用上：名册上没有学校“白鹤小学校”（与名册“学校”列的写法不一致）；"
            "该校按所用 lbc.toml 的 [quotas] 计算",
        ),
    ]
    english = run("--lang", "en", "validate", merged, "--format", "json").json()["findings"]
    assert english[1]["message"] == (
        'this row of 各校要求 was not used: the roster has no school "白鹤小学校" (its 学校'
        " column names none so); the school is judged by the [quotas] of the lbc.toml in use"
    )
    doc = run("due", merged, "--as-of", "2024-10-15", "--format", "json").json()
    assert doc["own_quotas"] == [{**doc["quotas"], "school": QS, "max_days_without_contact": 14}]


def test_a_quota_past_a_years_days_is_said_not_laid_out(tmp_path: Path) -> None:
    """每月谈心次数 999999999999 (a slip of the keyboard) in 各校要求 is QTA001, and record
    sheets of the merged roster are made by the county's one talk a month, at once; in
    a school's lbc.toml it is the config error, one line, as a count below 0 is."""
    root = county(tmp_path, "[quotas]\ntalks_per_month = 2\n")
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    book = load_workbook(merged)
    book["各校要求"]["C2"] = 999999999999
    book.save(merged)
    found = run("validate", merged, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found] == [
        (
            "QTA001",
            2,
            "C",
            "各校要求这一行没有用上：数量“999999999999”不是 0 到 366 之间的整数；"
            "该校按所用 lbc.toml 的 [quotas] 计算",
        )
    ]
    made = run("record-sheets", merged, "--term", "2024-autumn", "--out", tmp_path / "表")
    assert (made.exit_code, made.stderr.splitlines()[:2]) == (
        0,
        [
            f"提示：{merged} 的“各校要求”第 2 行：各校要求这一行没有用上：数量“999999999999”"
            "不是 0 到 366 之间的整数；该校按所用 lbc.toml 的 [quotas] 计算；各校设置表共有 1 行"
            "没有用上，请按 lbc validate 所指（QTA001）改正",
            f"已写出 2 份帮扶记录表（共预置 28 行待填）到 {tmp_path / '表'}",
        ],
    )
    toml = root / QS / "lbc.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("= 2", "= 367"), encoding="utf-8")
    own = run("record-sheets", "--term", "2024-autumn", "--out", tmp_path / "本校", cwd=root / QS)
    assert (own.exit_code, own.stderr) == (
        2,
        f"lbc: 错误：配置文件 {toml} 有误：第 6 行："
        "quotas.talks_per_month 应为 0 到 366 之间的整数\n",
    )


def test_dues_last_line_in_english_parts_the_schools_limits_in_english(tmp_path: Path) -> None:
    """Two schools of a county allowing 14 and 20 days without contact: due's last line in
    English parts them with "; ", not the Chinese "；", as the Chinese line parts them
    with "；"."""
    root = county(tmp_path, "[quotas]\nmax_days_without_contact = 14\n")
    (root / BH / "lbc.toml").write_text(
        f'[school]\nname = "{BH}"\n[files]\nroster = ["花名册.xlsx"]\n'
        "[quotas]\nmax_days_without_contact = 20\n",
        encoding="utf-8",
    )
    english = run("--lang", "en", "due", root, "--as-of", "2024-10-15").stdout
    said = "over 30 days (14 at 青山小学; 20 at 白鹤小学)"
    assert said in " ".join(english.split())  # the terminal wraps it at a space
    chinese = run("due", root, "--as-of", "2024-10-15").stdout.splitlines()[-1]
    assert "超过 30 天（青山小学 14 天；白鹤小学 20 天）" in chinese


def test_an_export_of_a_merged_roster_with_settings_describes_each_sheet_once(
    tmp_path: Path,
) -> None:
    """A merged roster carrying a school's own quotas (各校要求), exported to Parquet, is
    read a table per school, each going by its own; validate's JSON listed each sheet once
    per school (留守儿童花名册 2 rows twice, not 4 rows once) and lbc columns described it
    twice. Both now describe each sheet once, as of the merged workbook itself, while each
    school is still judged by its own quotas."""
    root = county(tmp_path, "[quotas]\nmax_days_without_contact = 14\n")
    paths = readings(tmp_path, root)
    sheets = []
    for name in ("merged", "ex2.parquet"):
        doc = run("validate", paths[name], "--format", "json").json()
        sheets.append(
            [(f["file"], s["sheet"], s["rows"]) for f in doc["files"] for s in f["sheets"]]
        )
    merged = str(paths["merged"])
    assert (
        sheets[0]
        == sheets[1]
        == [
            (merged, "留守儿童花名册", 4),
            (merged, "教师名单", 2),
            (merged, "帮扶记录", 4),
        ]
    )
    said = run("columns", paths["ex2.parquet"]).stdout
    assert [line for line in said.splitlines() if "”：" in line] == [
        f"{merged} 的“留守儿童花名册”：留守儿童花名册，表头在第 1 行，4 行数据",
        f"{merged} 的“教师名单”：教师名单，表头在第 1 行，2 行数据",
        f"{merged} 的“帮扶记录”：帮扶记录，表头在第 1 行，4 行数据",
    ]
    line = run("due", paths["ex2.parquet"], "--as-of", "2024-10-15").stdout.splitlines()[-1]
    assert "超过 30 天（青山小学 14 天）" in line


def test_a_watch_settings_row_naming_no_school_of_the_roster_is_said(tmp_path: Path) -> None:
    """A row of 各校关注 naming a school the roster has not (白鹤小学校, a typo for 白鹤小学)
    is of use to nobody: validate says so (WST001) at its 学校 cell, as it says such a row
    of 各校要求 or 各校学期, in Chinese and in English; once a row: a weight of no criterion
    at its setting, as a quota lbc does not know is said before its school; and watch
    draws 白鹤小学 by the run's [watch] still."""
    root = county(tmp_path, "[watch]\nthreshold = 6\n")
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    book = load_workbook(merged)
    book["各校关注"].append(["白鹤小学校", "最低关注分", 2])
    book["各校关注"].append(["白鹤小学校", "WCH099 权重", 1])
    book.save(merged)
    found = run("validate", merged, "--format", "json").json()["findings"]
    said = "各校关注这一行没有用上：名册上没有学校“白鹤小学校”（与名册“学校”列的写法不一致）；"
    said += "该校按所用 lbc.toml 的 [watch] 列出重点关注儿童"
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["field"], f["value"], f["message"])
        for f in found
    ] == [
        ("WST001", "各校关注", 3, "A", "school", "白鹤小学校", said),
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
    english = run("--lang", "en", "validate", merged, "--format", "json").json()["findings"]
    assert english[0]["message"] == (
        'this row of 各校关注 was not used: the roster has no school "白鹤小学校" (its 学校'
        " column names none so); the school's watch list is drawn by the [watch] of the"
        " lbc.toml in use"
    )
    doc = run("watch", merged, "--as-of", "2024-10-20", "--format", "json").json()
    assert doc["summary"]["schools"] == [{"school": QS, "threshold": 6}]
