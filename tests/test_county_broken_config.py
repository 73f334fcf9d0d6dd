"""A county's folder of schools, one of whose lbc.toml lbc cannot read (a TOML typo, a quota
past a year's days): a run over the county's folder leaves that school's files out, naming
them and what is wrong with its lbc.toml as the school's own run does, checks the other
schools, and judges no school by defaults in its place."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    child_row,
    one_error_line,
    run,
    write_xlsx,
)
from lbc.errors import LbcError, LbcErrors

QS, BH = "青山小学", "白鹤小学"
TEACHER = ["王芳", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "在岗"]
PAST_A_YEAR = "[quotas]\ntalks_per_month = 400\n"


def county(tmp_path: Path, own: str) -> Path:
    """Two schools of one child each, paired with its 王芳 and visited on Oct 10 2024;
    青山小学's lbc.toml names its school and roster and goes on with ``own``."""
    root = tmp_path / "县"
    for name, n in ((QS, 1), (BH, 3)):
        (root / name).mkdir(parents=True)
        child = [*child_row(n), "王芳"]
        record = [dt.date(2024, 10, 10), "王芳", child[1], "三年级(2)班", "家访", "家访"]
        sheets = {
            "花名册": [[f"{name}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], child],
            "教师": [TEACHER_HEADER, TEACHER],
            "记录": [RECORD_HEADER, record],
        }
        write_xlsx(root / name / "花名册.xlsx", sheets)
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\n{own}', encoding="utf-8"
    )
    return root


COUNTY_RUNS = [
    ("validate",),
    ("due", "--as-of", "2024-11-20"),
    ("summary", "--term", "2024-autumn"),
    ("pair",),
    ("watch", "--as-of", "2024-11-20"),
    ("cards", "--out", "{out}/联系卡.html"),
    ("record-sheets", "--term", "2024-autumn", "--out", "{out}/记录表"),
]


def left_out(file: Path, line: str) -> str:
    """The note a county's run gives of a school's ``file`` it left out, its lbc.toml
    unread: the ``line`` the school's own run gives, after the file."""
    return (
        f"提示：未读入（其余文件照常检查，退出码为 1）：{file}：{line.removeprefix('lbc: 错误：')}"
    )


@pytest.mark.parametrize("args", COUNTY_RUNS, ids=lambda a: a[0])
def test_a_county_run_leaves_out_a_school_whose_quota_is_past_a_year(
    tmp_path: Path, args: tuple
) -> None:
    """青山小学's lbc.toml asks 400 talks a month: its own run refuses it in one line. Every
    command over the county's folder stopped on it, the same line, checking nothing: one
    school's typo stopped a run over hundreds. Now its files are left out, named with that
    line, as a file that cannot be read is, and 白鹤小学 is checked (exit 1); 青山小学 is
    not judged by the run's quotas in its place. The summary, which would read as the
    county's whole, is not written (exit 2)."""
    root = county(tmp_path, PAST_A_YEAR)
    toml = (root / QS / "lbc.toml").resolve()
    own = one_error_line(run("validate", cwd=root / QS))
    assert own == (
        f"lbc: 错误：配置文件 {toml} 有误：第 6 行：quotas.talks_per_month 应为 0 到 366 之间的整数"
    )
    out = tmp_path / "out"
    out.mkdir()
    command, *rest = args
    said = run(command, root, *[a.format(out=out) for a in rest])
    if command == "summary":  # short of 青山小学's children it would read as the county's
        assert (said.exit_code, said.stdout) == (2, ""), said.stderr
        why = own.removeprefix("lbc: 错误：")
        assert one_error_line(said).endswith(f"第一个：{root / QS / '花名册.xlsx'}：{why}")
        return
    assert said.exit_code == 1, said.stderr
    assert left_out(root / QS / "花名册.xlsx", own) in said.stderr.splitlines()
    assert QS not in said.stdout
    if command == "validate":
        assert said.stdout.splitlines()[-1] == (
            "共检查 1 名儿童、1 名教师、1 条帮扶记录：0 个错误，0 个警告"
        )


@pytest.mark.parametrize(
    "toml",
    [
        f'[school]\nname = "{QS}"\n[quotas\n',
        "[school]\nname = 3\n",
        '[terms."2024-autumn"]\nstart = 2024-12-01\nend = 2024-09-01\n',
    ],
    ids=["typo", "name", "terms"],
)
def test_a_schools_mistyped_toml_leaves_the_county_checked(tmp_path: Path, toml: str) -> None:
    """青山小学's lbc.toml mistyped (a bracket left open, its name a number, a term ending
    before it starts): validate and merge over the county's folder check and count 白鹤小学
    and name 青山小学's roster with what its own run says is wrong (exit 1); summary, whose
    document would read as the county's whole, writes none and says why (exit 2)."""
    root = county(tmp_path, "")
    (root / QS / "lbc.toml").write_text(toml, encoding="utf-8")
    own = one_error_line(run("validate", cwd=root / QS))
    assert own.startswith(f"lbc: 错误：配置文件 {(root / QS / 'lbc.toml').resolve()} 有误：")
    roster = root / QS / "花名册.xlsx"
    checked = run("validate", root, "--format", "json")
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [left_out(roster, own)]
    doc = checked.json()
    assert doc["summary"]["children"] == 1
    assert [(f["file"], f.get("error")) for f in doc["files"]] == [
        (str(root / BH / "花名册.xlsx"), None),
        (str(roster), f"{roster}：{own.removeprefix('lbc: 错误：')}"),
    ]
    # A summary without 青山小学's children would read as the county's whole: not written.
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json")
    assert summary.exit_code == 2
    assert summary.stdout == ""
    assert one_error_line(summary) == (
        "lbc: 错误：有 1 个文件未能读入，总结会少算其中的儿童或帮扶记录，因此没有写出；"
        "请改好后再运行，"
        f"或把它移出本次运行的文件夹。第一个：{roster}：{own.removeprefix('lbc: 错误：')}"
    )
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx")
    assert merged.exit_code == 1
    assert f"提示：未合并 {roster}：{own.removeprefix('lbc: 错误：')}" in merged.stderr


def test_a_county_run_says_a_schools_toml_typo(tmp_path: Path) -> None:
    """A section left unclosed ([quotas): the county's run names the file and the place,
    in English with --lang en too, as the school's own run does; a school's roster named
    from outside its folder is refused alike."""
    root = county(tmp_path, "[quotas\ntalks_per_month = 2\n")
    toml = (root / QS / "lbc.toml").resolve()
    said = (
        f"lbc: 错误：配置文件 {toml} 有误：第 5 行第 8 列写法不对"
        "（请对照 lbc init 生成的 lbc.toml 检查引号、括号和等号）"
    )
    roster = root / QS / "花名册.xlsx"
    assert one_error_line(run("validate", cwd=root / QS)) == said
    assert run("validate", root).stderr.splitlines() == [left_out(roster, said)]
    assert one_error_line(run("validate", roster)) == said
    english = one_error_line(run("--lang", "en", "validate", cwd=root / QS))
    assert english == (
        f"lbc: error: bad config {toml}: line 5, column 8 is not valid TOML "
        "(compare with the lbc.toml lbc init writes: quotes, brackets, equals signs)"
    )
    assert run("--lang", "en", "validate", root).stderr.splitlines() == [
        "note: left out (the other files are read; exit code 1): "
        f"{roster}: {english.removeprefix('lbc: error: ')}"
    ]


def test_merge_leaves_out_a_school_whose_toml_it_cannot_read(tmp_path: Path) -> None:
    """lbc merge goes on past a school it cannot read, as for a file it cannot read: the
    broken lbc.toml is named with what is wrong, 青山小学 is not merged by defaults, and the
    run exits 1."""
    root = county(tmp_path, PAST_A_YEAR)
    toml = (root / QS / "lbc.toml").resolve()
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx")
    assert merged.exit_code == 1
    assert (
        f"提示：未合并 {root / QS / '花名册.xlsx'}：配置文件 {toml} 有误："
        "第 6 行：quotas.talks_per_month 应为 0 到 366 之间的整数"
    ) in merged.stderr.splitlines()
    sheet = load_workbook(tmp_path / "全县.xlsx", read_only=True)["留守儿童花名册"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [BH]


def test_a_county_offices_own_toml_above_the_schools_is_no_schools(tmp_path: Path) -> None:
    """The county office's lbc.toml above the schools' folders (its own quotas, no school)
    is read as the run's, and neither it nor a school's good lbc.toml is said to be wrong."""
    root = county(tmp_path, "[quotas]\ntalks_per_month = 2\n")
    (root / "lbc.toml").write_text("[quotas]\nhome_visits_per_term = 2\n", encoding="utf-8")
    for outside in (run("validate", root), run("validate", ".", cwd=root)):
        assert (outside.exit_code, outside.stderr) == (0, "")
        assert outside.stdout.splitlines()[-1] == (
            "共检查 2 名儿童、2 名教师、2 条帮扶记录：0 个错误，0 个警告"
        )


def test_a_county_offices_toml_lbc_cannot_read_is_named_as_itself(tmp_path: Path) -> None:
    """The county office's own lbc.toml, mistyped: 白鹤小学, which has none of its own, lies
    under it, and whether it names 白鹤小学's files cannot be told, so the county's run
    from outside its folder stops with the line its run from inside gives, naming that
    file and no school's; 青山小学, under a good lbc.toml of its own, is read as before."""
    root = county(tmp_path, "")
    (root / "lbc.toml").write_text("[quotas\n", encoding="utf-8")
    said = one_error_line(run("validate", ".", cwd=root))
    assert said == (
        f"lbc: 错误：配置文件 {(root / 'lbc.toml').resolve()} 有误：第 1 行第 8 列写法不对"
        "（请对照 lbc init 生成的 lbc.toml 检查引号、括号和等号）"
    )
    assert one_error_line(run("validate", root)) == said
    school = run("validate", root / QS)
    assert (school.exit_code, school.stderr) == (0, "")


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            "# 县教育局\n[quotas]\ntalks_per_month = 400\n",
            "第 3 行：quotas.talks_per_month 应为 0 到 366 之间的整数",
        ),
        ("[school]\nname = 3\n", "第 2 行：school.name 应为 文本"),
        ("[quotas]\nhome_visits = 2\n", "第 2 行：[quotas] 中的 home_visits 不是已知的工作要求"),
    ],
    ids=["quota", "name", "unknown"],
)
def test_a_county_offices_mistyped_value_is_said_at_its_line(
    tmp_path: Path, toml: str, said: str
) -> None:
    """The county office's own lbc.toml, the run's from inside its folder, holding a value
    of the wrong kind: the run stops, as is right for the settings every school would be
    judged by, naming the file and what is wrong, but not where, as it does of a typo
    (第 1 行第 8 列). It now says the line the key is written on."""
    root = county(tmp_path, "")
    (root / "lbc.toml").write_text(toml, encoding="utf-8")
    line = one_error_line(run("validate", ".", cwd=root))
    assert line.startswith(f"lbc: 错误：配置文件 {(root / 'lbc.toml').resolve()} 有误：{said}")


def test_a_county_offices_toml_naming_no_file_is_no_schools_though_unread(
    tmp_path: Path,
) -> None:
    """The county office's own lbc.toml asks a quota lbc does not know, and names no file:
    a run from outside the county's folder reads no lbc.toml as the run's, and that one is
    no school's, so validate and merge read both schools, where they stopped on it (merge
    saying only that no file could be read). One whose [files] names 白鹤小学's roster is
    白鹤小学's, and is still refused."""
    root = county(tmp_path, "")
    (root / "lbc.toml").write_text("[quotas]\nhome_visits = 999\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    checked = run("validate", "../县", cwd=work)
    assert (checked.exit_code, checked.stderr) == (0, "")
    assert checked.stdout.splitlines()[-1] == (
        "共检查 2 名儿童、2 名教师、2 条帮扶记录：0 个错误，0 个警告"
    )
    merged = run("merge", "../县", "--out", "全县.xlsx", cwd=work)
    assert (merged.exit_code, merged.stderr) == (0, "已写出合并名册：全县.xlsx（2 个文件）\n")
    sheet = load_workbook(work / "全县.xlsx", read_only=True)["留守儿童花名册"]
    assert sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True)) == [BH, QS]
    (root / "lbc.toml").write_text(
        f'[files]\nroster = ["{BH}/花名册.xlsx"]\n[quotas]\nhome_visits = 999\n',
        encoding="utf-8",
    )
    assert one_error_line(run("validate", "../县", cwd=work)) == (
        f"lbc: 错误：配置文件 {(root / 'lbc.toml').resolve()} 有误：第 4 行："
        "[quotas] 中的 home_visits 不是已知的工作要求（talks_per_month、home_visits_per_term、"
        "warmth_per_year、children_per_teacher）"
    )


@pytest.mark.parametrize("out", ["全县名册.xlsx", "全县名册.parquet"])
def test_a_county_offices_unread_toml_beside_its_merged_roster_is_no_schools(
    tmp_path: Path, out: str
) -> None:
    """The county office's own lbc.toml holds its [quotas] alone, one mistyped, above the
    schools' folders, and lbc merge writes the county's roster beside it: merge exited 2
    after writing it, and from then on every run over one school's folder stopped on the
    county's lbc.toml, taken for a school's now a spreadsheet lay beside it. A roster lbc
    merge wrote is no school's own; the county's lbc.toml is passed over still."""
    root = county(tmp_path, "")
    bad = "[quotas]\ntalks_per_month = 1\nmax_days_without_contact = 400\n"
    (root / "lbc.toml").write_text(bad, encoding="utf-8")
    merged = run("merge", f"县/{QS}", f"县/{BH}", "--out", f"县/{out}", cwd=tmp_path)
    assert (merged.exit_code, merged.stderr) == (0, f"已写出合并名册：县/{out}（2 个文件）\n")
    for school in (QS, BH):
        checked = run("validate", f"县/{school}", cwd=tmp_path)
        assert (checked.exit_code, checked.stderr) == (0, "")
        assert checked.stdout.splitlines()[-1] == (
            "共检查 1 名儿童、1 名教师、1 条帮扶记录：0 个错误，0 个警告"
        )


def test_a_schools_last_term_folder_under_its_unread_toml_is_no_school(
    tmp_path: Path,
) -> None:
    """青山小学's lbc.toml asks a quota past a year, and its folder keeps last term's roster
    in 上学期/: that roster is 青山小学's too, so merge leaves both out with the school's
    error, where it merged 上学期 as a school of its own."""
    root = county(tmp_path, PAST_A_YEAR)
    last_term = root / QS / "上学期"
    last_term.mkdir()
    write_xlsx(
        last_term / "花名册.xlsx",
        {"花名册": [[f"{QS}留守儿童花名册"], CHILD_HEADER, child_row(2)]},
    )
    checked = run("validate", "县", cwd=tmp_path)
    assert checked.exit_code == 1
    assert checked.stdout.splitlines()[-1] == (
        "共检查 1 名儿童、1 名教师、1 条帮扶记录：0 个错误，0 个警告"
    )
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 1
    sheet = load_workbook(tmp_path / "全县.xlsx", read_only=True)["留守儿童花名册"]
    assert sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True)) == [BH]
    assert "上学期" not in merged.stdout


@pytest.mark.parametrize(
    "own", [PAST_A_YEAR, "[quotas\ntalks_per_month = 2\n"], ids=["quota", "typo"]
)
def test_a_schools_unread_toml_of_quotas_alone_keeps_its_last_term_folder(
    tmp_path: Path, own: str
) -> None:
    """青山小学's lbc.toml holds its [quotas] alone (no [school], no [files]), mistyped, beside
    its roster, and last term's roster lies in 上学期/: both are 青山小学's, and neither is
    merged, each left out (its roster with the school's error, last term's as last
    term's), nor read by validate and pair, which check 白鹤小学 (summary, short of
    青山小学's children, writes nothing and says why). Before, an
    lbc.toml naming no school and no file was passed over for 上学期/ as a county
    office's is, and merge wrote last term's children as 青山小学 while saying its roster
    was not merged."""
    root = county(tmp_path, "")
    toml = root / QS / "lbc.toml"
    toml.write_text(own, encoding="utf-8")
    last_term = root / QS / "上学期"
    last_term.mkdir()
    write_xlsx(
        last_term / "花名册.xlsx",
        {"花名册": [[f"{QS}留守儿童花名册"], CHILD_HEADER, child_row(2)]},
    )
    line = one_error_line(run("validate", cwd=root / QS))
    why = line.removeprefix("lbc: 错误：")
    last = (
        f"提示：县/{QS}/上学期/花名册.xlsx 在“上学期”文件夹里，是上学期的文件，"
        "未当作本学期的名册读取；要读它，请直接写出它的路径"
    )
    for args in (("validate",), ("pair",)):
        said = run(*args, "县", "--format", "json", cwd=tmp_path)
        assert said.exit_code == 1, args
        assert said.stderr.splitlines()[:2] == [last, left_out(Path("县", QS, "花名册.xlsx"), line)]
        assert "张雨涵" not in said.stdout and "李明轩" not in said.stdout, args
    said = run("summary", "--term", "2024-autumn", "县", cwd=tmp_path)
    assert (said.exit_code, said.stdout) == (2, "")
    assert one_error_line(said).endswith(f"第一个：县/{QS}/花名册.xlsx：{why}")
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 1
    assert merged.stderr.splitlines() == [
        f"提示：县/{QS}/上学期/花名册.xlsx 在“上学期”文件夹里，是上学期的文件，"
        "未当作本学期的名册读取；要读它，请直接写出它的路径",
        "已写出合并名册：全县.xlsx（1 个文件）",
        f"提示：未合并 县/{QS}/花名册.xlsx：{why}",
    ]
    sheet = load_workbook(tmp_path / "全县.xlsx", read_only=True)["留守儿童花名册"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [BH]


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--as-of", "2024-11-20"),
        ("watch", "--as-of", "2024-11-20"),
        ("summary", "--term", "2024-autumn"),
        ("record-sheets", "--term", "2024-autumn", "--out", "{out}"),
    ],
    ids=lambda a: a[0],
)
def test_a_merged_rosters_settings_row_it_cannot_use_is_said(tmp_path: Path, args) -> None:
    """The merged roster carries 青山小学's lbc.toml in 各校要求, edited by hand to 999
    days: lbc validate says QTA001 of it, and every other command judging the school by
    the run's quotas in its place now says so too, in one note, where it said nothing."""
    root = county(tmp_path, "[quotas]\nmax_days_without_contact = 14\n")
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    book = load_workbook(merged)
    assert book["各校要求"]["B2"].value == "最多无联系天数"
    book["各校要求"]["C2"] = 999
    book.save(merged)
    command, *rest = args
    ran = run(command, merged, *(a.format(out=tmp_path / "记录表") for a in rest))
    assert ran.exit_code in (0, 1), ran.stderr
    said = [line for line in ran.stderr.splitlines() if "各校要求" in line]
    assert said == [
        f"提示：{merged} 的“各校要求”第 2 行：各校要求这一行没有用上：数量“999”不是 0 到 366 "
        "之间的整数；该校按所用 lbc.toml 的 [quotas] 计算；各校设置表共有 1 行没有用上，"
        "请按 lbc validate 所指（QTA001）改正"
    ]
    checked = run("validate", merged)
    assert "各校设置表" not in checked.stderr


def two_broken(tmp_path: Path) -> tuple[Path, list[str]]:
    """The county of ``county`` with 青山小学's quota past a year and 白鹤小学's own lbc.toml
    mistyped, and the line each school's own run gives, in the order of their folders."""
    root = county(tmp_path, PAST_A_YEAR)
    (root / BH / "lbc.toml").write_text(
        f'[school]\nname = "{BH}"\n[files]\nroster = ["花名册.xlsx"]\n[quotas\n', encoding="utf-8"
    )
    own = [one_error_line(run("validate", cwd=root / name)) for name in (BH, QS)]
    return root, own


@pytest.mark.parametrize("args", COUNTY_RUNS, ids=lambda a: a[0])
def test_a_county_run_says_every_schools_toml_it_cannot_read(tmp_path: Path, args: tuple) -> None:
    """Two schools' lbc.toml lbc cannot read: the county's run says both, each in the line
    the school's own run gives, and exits 2 writing nothing; before, it said the first
    only, and the county office mended it to find the second on the next run."""
    root, own = two_broken(tmp_path)
    assert own == [
        f"lbc: 错误：配置文件 {(root / BH / 'lbc.toml').resolve()} 有误：第 5 行第 8 列写法不对"
        "（请对照 lbc init 生成的 lbc.toml 检查引号、括号和等号）",
        f"lbc: 错误：配置文件 {(root / QS / 'lbc.toml').resolve()} 有误："
        "第 6 行：quotas.talks_per_month 应为 0 到 366 之间的整数",
    ]
    out = tmp_path / "out"
    out.mkdir()
    command, *rest = args
    said = run(command, root, *[a.format(out=out) for a in rest])
    assert (said.exit_code, said.stdout, said.stderr.splitlines()) == (2, "", own)
    assert list(out.iterdir()) == []


def test_merge_of_schools_each_unread_says_why_of_each(tmp_path: Path) -> None:
    """Every school's lbc.toml mistyped: lbc merge merges nothing (exit 2) and says which
    school it left out and why, each in a line, as it notes a school left out beside
    others merged; before, it said only that 2 files could not be read."""
    root, own = two_broken(tmp_path)
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx")
    assert (merged.exit_code, merged.stdout) == (2, "")
    assert merged.stderr.splitlines() == [
        "lbc: 错误：2 个文件都无法读取，没有合并任何内容",
        *(
            f"lbc: 错误：未合并 {root / name / '花名册.xlsx'}：{line.removeprefix('lbc: 错误：')}"
            for name, line in zip((BH, QS), own, strict=True)
        ),
    ]
    assert not (tmp_path / "全县.xlsx").exists()


def test_every_schools_toml_error_crosses_from_a_worker_line_by_line(tmp_path: Path) -> None:
    """The errors of every school's lbc.toml lbc cannot read (LbcErrors), raised in a merge
    worker, are pickled back to the run: rebuilt from their joined text, they said it a
    character a line (配\n置\n文\n件…). They cross as the errors they are."""
    _, own = two_broken(tmp_path)
    lines = [line.removeprefix("lbc: 错误：") for line in own]
    back = pickle.loads(pickle.dumps(LbcErrors([LbcError(line) for line in lines])))
    assert (type(back), str(back).splitlines()) == (LbcErrors, lines)
    assert [str(e) for e in back.errors] == lines


def test_a_schools_files_left_out_for_its_toml_are_said_once(tmp_path: Path) -> None:
    """青山小学's two files (its roster and a copy kept as 二年级.xlsx) left out for its one
    mistyped lbc.toml: one note names both, not the same lines twice, and each file's entry
    in the JSON carries it. With nothing found in the files read, the run does not say
    "no problems found" as if it had checked the county whole: it says which it did not."""
    root = county(tmp_path, "[quotas\ntalks_per_month = 2\n")
    roster, copy = root / QS / "花名册.xlsx", root / QS / "二年级.xlsx"
    copy.write_bytes(roster.read_bytes())
    toml = (root / QS / "lbc.toml").resolve()
    why = (
        f"配置文件 {toml} 有误：第 5 行第 8 列写法不对"
        "（请对照 lbc init 生成的 lbc.toml 检查引号、括号和等号）"
    )
    said = run("validate", root)
    assert said.exit_code == 1
    assert said.stderr.splitlines() == [
        f"提示：未读入（其余文件照常检查，退出码为 1）：{copy}、{roster}：{why}"
    ]
    assert said.stdout.splitlines() == [
        "读入的文件没有发现问题；另有 2 个文件未读入，没有检查（见上面的提示）。",
        "共检查 1 名儿童、1 名教师、1 条帮扶记录：0 个错误，0 个警告",
    ]
    files = run("validate", root, "--format", "json").json()["files"]
    assert [(f["file"], f.get("error")) for f in files] == [
        (str(root / BH / "花名册.xlsx"), None),
        (str(copy), f"{copy}、{roster}：{why}"),
        (str(roster), f"{copy}、{roster}：{why}"),
    ]
    english = run("--lang", "en", "validate", root)
    assert english.stdout.splitlines()[0] == (
        "no problems found in the files read; 2 files were not read, and not checked "
        "(see the notes above)."
    )
    assert f"{copy}, {roster}: bad config" in english.stderr  # listed the English way
    flagged = run("flag", root)
    assert (flagged.exit_code, flagged.stdout.splitlines()) == (
        1,
        [
            "读入的文件中所有儿童和教师的联系方式都已齐全；另有 2 个文件未读入，没有检查"
            "（见上面的提示）。"
        ],
    )
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx")
    assert [x for x in merged.stderr.splitlines() if "未合并" in x] == [
        f"提示：未合并 {copy}、{roster}：{why}"
    ]
