"""A teacher's record sheet titled with her school's name written otherwise.

lbc titles each record sheet with the school (青山镇中心小学2024年秋季学期帮扶记录表…); a
teacher who types the title again may shorten the name (青山镇小学). In a run of one school,
with no roster of that name, the records are her own school's, through the real CLI.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

SCHOOL = "青山镇中心小学"
LAID_OUT = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]
DATES = "2024年9月1日至2025年1月31日"
TITLED_AS = (
    f"提示：{SCHOOL}/王芳.xlsx 的标题写的学校是“青山镇小学”，本次读取的花名册只有"
    f"{SCHOOL}的，其中的记录按{SCHOOL}的算；如果不是同一所学校，请改正标题"
)


def school_folder(tmp_path: Path, title: str) -> Path:
    """A school's folder (no lbc.toml): its titled roster, with 张雨涵 supported by 王芳, and
    王芳's record sheet titled ``title``, one talk written into it and one row left blank."""
    folder = tmp_path / SCHOOL
    folder.mkdir()
    roster = [[f"{SCHOOL}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    wang = ["王芳", "女", "13800000002", "班主任", "三年级(2)班", "语文", "否", "是"]
    staff = [TEACHER_HEADER, wang]
    write_xlsx(folder / "花名册.xlsx", {"花名册": roster, "教师": staff})
    rows = [TALK, [2, "张雨涵", "三年级(2)班", "谈心", "2024年10月", None, None, "王芳"]]
    write_xlsx(folder / "王芳.xlsx", {"帮扶记录": [[title], LAID_OUT, *rows]})
    return folder


# 王芳's talk with 张雨涵, as she writes it into lbc's record sheet.
TALK = [1, "张雨涵", "三年级(2)班", "谈心", "2024年9月", "2024-09-10", "谈学习", "王芳"]


def qingshan_roster(path: Path, teachers: bool = False, titled: bool = True) -> None:
    """青山镇中心小学's roster at ``path``: 张雨涵, supported by 李强; with ``teachers`` a 教师
    sheet of 李强 alone; not ``titled``, no title row, so that it declares no school."""
    title = [[f"{SCHOOL}留守儿童花名册"]] if titled else []
    sheets = {"花名册": [*title, [*CHILD_HEADER, "帮扶教师"], [*child_row(1), "李强"]]}
    if teachers:
        li = ["李强", "男", "13800000003", "班主任", "三年级(2)班", "数学", "否", "是"]
        sheets["教师"] = [TEACHER_HEADER, li]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, sheets)


def baihe_sheet(path: Path) -> None:
    """王芳's record sheet at ``path``, titled for 白鹤小学, her talk with 张雨涵 (TALK)."""
    title = f"白鹤小学2024年秋季学期帮扶记录表（王芳，{DATES}）"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, {"帮扶记录": [[title], LAID_OUT, TALK]})


def test_a_record_sheet_titled_with_no_school_of_the_run_is_the_run_schools(
    tmp_path: Path,
) -> None:
    """王芳 titles her sheet 青山镇小学…: no roster of the run is of that name, and the run's
    one school is 青山镇中心小学, so her talk is for its 张雨涵, not a child of no roster on
    the sheet's every row (REC002); a note says how the title was read."""
    school_folder(tmp_path, f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）")

    checked = run("validate", SCHOOL, "--format", "json", cwd=tmp_path)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])
    assert checked.stderr.splitlines() == [TITLED_AS]
    due = run("due", SCHOOL, "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    contacts = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert contacts == ["2024-09-10"]
    summary = run("summary", SCHOOL, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    records = summary.json()["records"]
    assert (records["total"], records["matched"]) == (1, 1)


def test_a_record_sheet_in_another_schools_folder_is_of_the_school_its_title_names(
    tmp_path: Path,
) -> None:
    """A county's folder: 青山镇中心小学/ with its roster, 白鹤小学/ with 王芳's record sheet
    titled for 白鹤小学 but not its roster. Her talk is with 白鹤小学's 张雨涵, not 青山镇中心
    小学's child of the same name and class, who is still owed a contact (lbc due said she
    was contacted on 2024-09-10)."""
    qingshan_roster(tmp_path / SCHOOL / "花名册.xlsx")
    baihe_sheet(tmp_path / "白鹤小学" / "王芳.xlsx")

    due = run("due", ".", "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    contacts = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert contacts == [None]
    checked = run("validate", ".", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REC002", "白鹤小学/王芳.xlsx", 3)]


def test_a_record_sheet_of_a_teacher_not_on_the_runs_list_keeps_the_school_its_title_names(
    tmp_path: Path,
) -> None:
    """One flat folder: 青山镇中心小学's roster and teachers list (李强 alone), and 王芳's
    record sheet titled for 白鹤小学, put there by mistake. 王芳 is none of the run's
    teachers, so the sheet is not 青山镇中心小学's retitled: her talk is not counted for
    青山镇中心小学's 张雨涵 of the same name and class (lbc due said she was contacted on
    2024-09-10), and validate says the record names a child of no roster read."""
    qingshan_roster(tmp_path / "花名册.xlsx", teachers=True)
    baihe_sheet(tmp_path / "王芳.xlsx")

    due = run("due", ".", "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    contacts = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert contacts == [None]
    assert "白鹤小学" not in due.stderr
    checked = run("validate", ".", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REC002", "王芳.xlsx", 3), ("REC001", "王芳.xlsx", 3)]
    (tmp_path / "out").mkdir()
    merged = run("merge", "花名册.xlsx", "王芳.xlsx", "--out", "out/county.xlsx", cwd=tmp_path)
    # It exits as validate does: on the two errors of 白鹤小学's record.
    assert (
        (merged.exit_code, "白鹤小学" in merged.stderr) == (checked.exit_code, False) == (1, False)
    )
    assert merged_records(tmp_path / "out" / "county.xlsx") == [
        ("白鹤小学", "王芳.xlsx", 3, "张雨涵")
    ]


def test_merge_counts_the_findings_of_a_school_of_records_alone_as_validate_does(
    tmp_path: Path,
) -> None:
    """The same files merged: 王芳's sheet is 白鹤小学's, a school of records alone, whose
    row and the summary count the two errors validate says of it (REC002, REC001), not
    none; the merged workbook read back says the same of 白鹤小学."""
    qingshan_roster(tmp_path / "花名册.xlsx", teachers=True)
    baihe_sheet(tmp_path / "王芳.xlsx")
    (tmp_path / "out").mkdir()

    checked = run("validate", "花名册.xlsx", "王芳.xlsx", "--format", "json", cwd=tmp_path)
    merged = run(
        "merge", "花名册.xlsx", "王芳.xlsx", "--out", "out/c.xlsx", "--format", "json", cwd=tmp_path
    )
    assert (merged.exit_code, checked.exit_code) == (1, 1)
    assert merged.json()["schools"] == [
        {
            "school": SCHOOL,
            "files": ["花名册.xlsx"],
            "children": 1,
            "teachers": 1,
            "records": 0,
            "errors": 0,
            "warnings": 0,
        },
        {
            "school": "白鹤小学",
            "files": ["王芳.xlsx"],
            "children": 0,
            "teachers": 0,
            "records": 1,
            "errors": 2,
            "warnings": 0,
        },
    ]
    summary = merged.json()["summary"]
    assert (summary["errors"], summary["warnings"]) == (2, 0)
    said = checked.json()["summary"]
    assert (said["errors"], said["warnings"]) == (2, 0)
    by_school = [(x["school"], x["errors"], x["warnings"]) for x in merged.json()["schools"]]
    assert by_school == [(x["school"], x["errors"], x["warnings"]) for x in said["schools"]]

    text = run("merge", "花名册.xlsx", "王芳.xlsx", "--out", "out/c.xlsx", cwd=tmp_path)
    assert "校验发现 2 个错误、0 个警告" in text.stdout
    again = run("validate", "out/c.xlsx", "--format", "json", cwd=tmp_path).json()["summary"]
    assert (again["by_code"], again["schools"]) == ({"REC001": 1, "REC002": 1}, said["schools"])


def test_merge_looks_for_a_child_at_the_school_a_record_of_a_school_of_records_alone_names(
    tmp_path: Path,
) -> None:
    """王芳's sheet for 白鹤小学, one row of which says 学校 青山镇中心小学 and names its
    张雨涵 with her own teacher 李强: that record is found, as validate finds it; only the
    other row, 白鹤小学's, names a child of no roster and a teacher on no list."""
    qingshan_roster(tmp_path / "花名册.xlsx", teachers=True)
    title = f"白鹤小学2024年秋季学期帮扶记录表（王芳，{DATES}）"
    rows = [
        [1, "张雨涵", "三年级(2)班", "谈心", "2024年9月", "2024-09-10", "谈学习", "李强", SCHOOL],
        [2, "张雨涵", "三年级(2)班", "谈心", "2024年9月", "2024-09-11", "谈学习", "王芳", None],
    ]
    write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [[title], [*LAID_OUT, "学校"], *rows]})
    (tmp_path / "out").mkdir()

    checked = run("validate", "花名册.xlsx", "王芳.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REC002", 4), ("REC001", 4)]
    merged = run(
        "merge", "花名册.xlsx", "王芳.xlsx", "--out", "out/c.xlsx", "--format", "json", cwd=tmp_path
    )
    said = [(x["school"], x["errors"], x["warnings"]) for x in merged.json()["schools"]]
    assert said == [(SCHOOL, 0, 0), ("白鹤小学", 2, 0)]
    assert said == [
        (x["school"], x["errors"], x["warnings"]) for x in checked.json()["summary"]["schools"]
    ]
    assert merged.json()["summary"]["errors"] == 2


def test_merge_finds_the_child_of_a_record_of_a_school_of_records_alone_on_a_files_own_roster(
    tmp_path: Path,
) -> None:
    """某校/花名册.xlsx declares no school: a record of 白鹤小学, which no roster is of, may
    name its 张雨涵, as validate finds her (another teacher's child, REC006) with 王芳 on no
    list (REC001); merge counts the same for 白鹤小学, not a child of no roster (REC002)."""
    qingshan_roster(tmp_path / "某校" / "花名册.xlsx", teachers=True, titled=False)
    baihe_sheet(tmp_path / "王芳.xlsx")
    files = ["某校/花名册.xlsx", "王芳.xlsx"]

    checked = run("validate", *files, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REC006", "王芳.xlsx", 3), ("REC001", "王芳.xlsx", 3)]
    merged = run("merge", *files, "--out", "c.xlsx", "--format", "json", cwd=tmp_path)
    said = [(x["school"], x["errors"], x["warnings"]) for x in merged.json()["schools"]]
    assert said == [("某校", 0, 0), ("白鹤小学", 1, 1)]
    assert said == [
        (x["school"], x["errors"], x["warnings"]) for x in checked.json()["summary"]["schools"]
    ]
    summary = merged.json()["summary"]
    assert (summary["errors"], summary["warnings"]) == (1, 1)


def merged_records(out: Path) -> list[tuple[object, ...]]:
    """The merged workbook's 帮扶记录 rows: 学校, 来源文件, 来源行, 学生姓名."""
    header, *rows = load_workbook(out)["帮扶记录"].iter_rows(values_only=True)
    at = [header.index(name) for name in ("学校", "来源文件", "来源行", "学生姓名")]
    return [tuple(row[i] for i in at) for row in rows]


def test_merge_writes_a_record_sheet_titled_with_no_school_of_the_run_as_the_run_schools(
    tmp_path: Path,
) -> None:
    """lbc merge of the same folder merges 王芳's talk under 青山镇中心小学, as due and
    validate read it, not under a school 青山镇小学 whose records name no child, and says
    how the title was read; the merged roster read back counts the talk as 张雨涵's."""
    school_folder(tmp_path, f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）")

    merged = run("merge", SCHOOL, "--out", "county.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.exit_code == 0
    assert merged.stderr.splitlines() == ["已写出合并名册：county.xlsx（2 个文件）", TITLED_AS]
    schools = [(x["school"], x["files"], x["records"]) for x in merged.json()["schools"]]
    assert schools == [(SCHOOL, [f"{SCHOOL}/花名册.xlsx", f"{SCHOOL}/王芳.xlsx"], 1)]
    assert merged_records(tmp_path / "county.xlsx") == [
        (SCHOOL, f"{SCHOOL}/王芳.xlsx", 3, "张雨涵")
    ]

    due = run("due", "county.xlsx", "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    contacts = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert (contacts, due.stderr) == (["2024-09-10"], "")
    checked = run("validate", "county.xlsx", "--format", "json", cwd=tmp_path)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])


def test_merge_keeps_a_record_sheet_in_another_schools_folder_of_its_titles_school(
    tmp_path: Path,
) -> None:
    """lbc merge of the county's folder: 白鹤小学/王芳.xlsx stays 白鹤小学's, with no note,
    and read back, 青山镇中心小学's 张雨涵 is still owed a contact."""
    qingshan_roster(tmp_path / "县" / SCHOOL / "花名册.xlsx")
    baihe_sheet(tmp_path / "县" / "白鹤小学" / "王芳.xlsx")

    merged = run("merge", "县", "--out", "county.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.stderr.splitlines() == ["已写出合并名册：county.xlsx（2 个文件）"]
    # No teachers list read: validate's one error of 白鹤小学, a child of no roster (REC002).
    said = [(x["school"], x["records"], x["errors"]) for x in merged.json()["schools"]]
    assert said == [(SCHOOL, 0, 0), ("白鹤小学", 1, 1)]
    assert (merged.exit_code, merged.json()["summary"]["errors"]) == (1, 1)
    assert merged_records(tmp_path / "county.xlsx") == [
        ("白鹤小学", "县/白鹤小学/王芳.xlsx", 3, "张雨涵")
    ]
    due = run("due", "county.xlsx", "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    contacts = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert contacts == [None]


def test_merge_pairs_by_the_list_beside_a_record_sheet_titled_with_no_school_of_the_run(
    tmp_path: Path,
) -> None:
    """王芳's workbook holds her record sheet titled 青山镇小学… and her row of a teachers
    list naming 张雨涵 (帮扶学生), the roster no 帮扶教师: merged, both are 青山镇中心小学's,
    as lbc due reads the folder, so the merged roster pairs 张雨涵 with 王芳, and read back,
    her talk counts for 张雨涵."""
    folder = tmp_path / SCHOOL
    folder.mkdir()
    roster = [[f"{SCHOOL}留守儿童花名册"], CHILD_HEADER, child_row(1)]
    write_xlsx(folder / "花名册.xlsx", {"花名册": roster})
    title = f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）"
    wang = ["王芳", "女", "13800000002", "班主任", "三年级(2)班", "语文", "否", "是", "张雨涵"]
    sheets = {"帮扶记录": [[title], LAID_OUT, TALK], "教师": [[*TEACHER_HEADER, "帮扶学生"], wang]}
    write_xlsx(folder / "王芳.xlsx", sheets)

    merged = run("merge", SCHOOL, "--out", "county.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.stderr.splitlines() == ["已写出合并名册：county.xlsx（2 个文件）", TITLED_AS]
    book = load_workbook(tmp_path / "county.xlsx")
    header, *children = book["留守儿童花名册"].iter_rows(values_only=True)
    assert [x[header.index("帮扶教师")] for x in children] == ["王芳"]
    assert [x[0] for x in book["教师名单"].iter_rows(min_row=2, values_only=True)] == [SCHOOL]
    assert merged_records(tmp_path / "county.xlsx") == [
        (SCHOOL, f"{SCHOOL}/王芳.xlsx", 3, "张雨涵")
    ]
    due = run("due", "county.xlsx", "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    paired = [
        (x["teacher"], c["last_contact"]) for x in due.json()["teachers"] for c in x["children"]
    ]
    assert (paired, due.stderr) == ([("王芳", "2024-09-10")], "")


def test_a_record_sheet_signed_with_a_bracket_after_the_name_is_of_the_runs_teacher(
    tmp_path: Path,
) -> None:
    """王芳 signs her retitled sheet (青山镇小学) 王芳（班主任）, as lbc reads her records as
    hers. She is on the run's teachers list, so the sheet is 青山镇中心小学's, as it was
    before a sheet's teachers were looked for on the list: her talk with 张雨涵 counts, not
    REC002 for a record of a school no roster holds."""
    folder = school_folder(tmp_path, f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）")
    row = [1, "张雨涵", "三年级(2)班", "谈心", "2024年9月", "2024-09-10", "谈学习"]
    row.append("王芳（班主任）")
    title = f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）"
    write_xlsx(folder / "王芳.xlsx", {"帮扶记录": [[title], LAID_OUT, row]})
    due = run("due", ".", "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    contacts = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert contacts == ["2024-09-10"]
    other = "提示：1 条记录由儿童的帮扶教师以外的老师填写，已计入该儿童\n"
    assert due.stderr == TITLED_AS + "\n" + other
    checked = run("validate", ".", "--format", "json", cwd=tmp_path)
    assert checked.json()["findings"] == []


def test_a_merged_retitled_record_sheet_says_a_record_of_another_teachers_child_as_its_file(
    tmp_path: Path,
) -> None:
    """青山镇中心小学's roster pairs 张雨涵 with 李强 and has no teachers sheet; 王芳's sheet,
    retitled 青山镇小学, records a talk with her. Over the folder that is another teacher's
    child (REC006); over the merged workbook nothing was said: its 帮扶记录 rows were no
    teacher's record sheet's. Now the merged workbook says lbc's record sheet in its hidden
    来源列, and read back says REC006 too."""
    qingshan_roster(tmp_path / SCHOOL / "花名册.xlsx")
    title = f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）"
    write_xlsx(tmp_path / SCHOOL / "王芳.xlsx", {"帮扶记录": [[title], LAID_OUT, TALK]})

    checked = run("validate", SCHOOL, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REC006", f"{SCHOOL}/王芳.xlsx", 3)]
    assert run("merge", SCHOOL, "--out", "county.xlsx", cwd=tmp_path).exit_code == 0
    again = run("validate", "county.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"], f["message"]) for f in again.json()["findings"]]
    said = "“张雨涵”的帮扶教师是李强，这条记录由王芳填写；已计入该儿童"
    assert found == [("REC006", "county.xlsx", 2, said)]
    assert again.json()["summary"]["by_code"] == checked.json()["summary"]["by_code"]


def test_a_retitled_record_sheet_beside_an_untitled_roster_is_the_folders_schools(
    tmp_path: Path,
) -> None:
    """青山镇中心小学/ holds a roster with no title and 王芳's sheet retitled 青山镇小学. Over
    the folder her talk with 张雨涵 was a school of its own's, 青山镇小学, with a line of its
    own; merged, its 学校 said 青山镇小学 and read back the talk named a child of no roster
    (REC002, an error). The folder names the school: the sheet is its, as beside a titled
    roster, and the merged workbook says the same (REC006)."""
    qingshan_roster(tmp_path / SCHOOL / "花名册.xlsx", titled=False)
    title = f"青山镇小学2024年秋季学期帮扶记录表（王芳，{DATES}）"
    write_xlsx(tmp_path / SCHOOL / "王芳.xlsx", {"帮扶记录": [[title], LAID_OUT, TALK]})

    checked = run("validate", SCHOOL, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REC006", f"{SCHOOL}/王芳.xlsx", 3)]
    assert checked.stderr.splitlines() == [TITLED_AS]
    assert "schools" not in checked.json()["summary"]  # one school, not two
    assert run("merge", SCHOOL, "--out", "county.xlsx", cwd=tmp_path).exit_code == 0
    assert merged_records(tmp_path / "county.xlsx") == [
        (SCHOOL, f"{SCHOOL}/王芳.xlsx", 3, "张雨涵")
    ]
    again = run("validate", "county.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"]) for f in again.json()["findings"]]
    assert found == [("REC006", "county.xlsx", 2)]
