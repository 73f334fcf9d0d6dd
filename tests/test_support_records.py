"""Each child's records (lbc.roster.support): the one attribution the summary, the
follow-up list and the watch list share."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    Result,
    child_row,
    run,
    unclear_records,
    write_xlsx,
)
from lbc.checks.watch import watch_list
from lbc.documents.record_book import CHILDREN_HEADER
from lbc.roster.support import dated_records, each_childs_records, records_index
from lbc.roster.tables import load_roster
from lbc.workspace.config import WatchSettings
from lbc.workspace.schools import read_roster, schools_of


def test_records_are_attributed_by_name_class_and_school(tmp_path: Path) -> None:
    kids = [
        ["学校", *CHILD_HEADER],
        ["甲校", *child_row(1, name="张三", cls="三年级(1)班")],
        ["甲校", *child_row(2, name="张三", cls="三年级(2)班")],
        ["乙校", *child_row(3, name="李四", cls="三年级(1)班")],
        ["甲校", *child_row(4, name="李四", cls="三年级(1)班")],
    ]
    day = dt.date(2024, 10, 8)
    records = [
        ["学校", *RECORD_HEADER],
        ["甲校", day, "王老师", "张三", "三年级(2)班", "谈心", "x"],  # class tells them apart
        ["甲校", day, "王老师", "张三", None, "谈心", "x"],  # two namesakes: nobody
        ["乙校", day, "王老师", "李四", None, "家访", "x"],  # the school tells them apart
        [None, day, "王老师", "李四", None, "家访", "x"],  # no school: two namesakes
        ["乙校", dt.date(2024, 11, 2), "王老师", "李四", None, "送温暖", "x"],
        ["乙校", dt.date(2025, 3, 1), "王老师", "李四", None, "谈心", "outside"],
    ]
    path = write_xlsx(tmp_path / "county.xlsx", {"儿童": kids, "帮扶记录": records})
    roster = load_roster([path])
    table = roster.children[0]
    index = records_index(roster, [(table, i) for i in range(len(table))])
    found = dated_records(roster, index, dt.date(2024, 9, 1), dt.date(2025, 1, 31))
    assert [r.child for r in found] == [1, None, 2, None, 2]
    assert [r.row for r in found] == [2, 3, 4, 5, 6]
    had = each_childs_records(found)
    assert had.talks_in(1, (2024, 10)) == 1
    assert had.teacher_talks("王老师", 1, (2024, 10)) == 1
    assert had.visits[2] == 1 and had.teacher_visits("王老师", 2) == 1
    assert had.warmth[2] == 1
    assert had.last == {1: day, 2: dt.date(2024, 11, 2)}
    assert had.contacted == {1, 2}


LAID_OUT = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, dt.date(2024, 10, 8)]), st.sampled_from([None, "", "谈心"])
        ),
        max_size=12,
    )
)
def test_a_returned_sheet_reads_its_filled_rows_and_no_children(
    tmp_path_factory: pytest.TempPathFactory, filled: list[tuple[dt.date | None, str | None]]
) -> None:
    """Whatever rows a teacher fills, exactly those are records (a row with a date or some
    content), and the sheet of the teacher's children is never read as children."""
    folder = tmp_path_factory.mktemp("sheets")
    rows = [
        [n, "张雨涵", "三年级(2)班", "谈心", "2024年10月", date, content, "王芳"]
        for n, (date, content) in enumerate(filled, 1)
    ]
    title = ["青山镇中心小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]
    roster = write_xlsx(folder / "roster.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    sheet = write_xlsx(
        folder / "王芳.xlsx",
        {
            "帮扶记录": [title, LAID_OUT, *rows],
            "结对儿童": [
                ["王芳老师结对儿童"],
                list(CHILDREN_HEADER),
                [1, "张雨涵", "三年级(2)班", "女", "张秀英", "祖母", "13900000001", "", ""],
            ],
        },
    )
    read = load_roster([roster, sheet])
    assert [t.file for t in read.children] == [str(roster)]
    want = [i + 3 for i, (d, c) in enumerate(filled) if d is not None or c]
    assert [r for t in read.records for r in t.rows] == want


def test_a_record_sheet_belongs_to_the_school_its_title_names(tmp_path: Path) -> None:
    title = ["青山镇中心小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]
    roster = write_xlsx(
        tmp_path / "名册.xlsx",
        {"花名册": [["青山镇中心小学留守儿童花名册"], CHILD_HEADER, child_row(1)]},
    )
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [title, LAID_OUT]})
    assert schools_of(read_roster([roster, sheet])).by_file == {
        str(roster): "青山镇中心小学",
        str(sheet): "青山镇中心小学",
    }


@pytest.mark.parametrize(
    ("title", "titled"),
    [
        ("侯军 帮扶记录（2024秋）", ""),
        ("侯军老师帮扶记录表", ""),
        ("2024秋季帮扶记录", ""),
        ("白鹤村小帮扶记录（侯军）", "白鹤村小"),
    ],
)
def test_a_retitled_record_sheet_names_a_school_only_by_a_schools_name(
    tmp_path: Path, title: str, titled: str
) -> None:
    """A teacher overwrites the title lbc wrote on her record sheet with her own words. What
    stands before 帮扶记录 is a school only when it ends as one: 侯军帮扶记录 is no school, so
    her records are of the roster's school and each finds its child (no REC002). A title
    naming another school (``titled``) is read as one, and said: in a run whose children
    are of one school, the sheet is that school's (Roster.titled_as)."""
    roster = write_xlsx(
        tmp_path / "名册.xlsx",
        {"花名册": [["青山镇中心小学留守儿童花名册"], CHILD_HEADER, child_row(1)]},
    )
    filled = [
        1,
        "张雨涵",
        "三年级(2)班",
        "谈心",
        "2024年10月",
        dt.date(2024, 10, 8),
        "谈心",
        "侯军",
    ]
    sheet = write_xlsx(tmp_path / "侯军.xlsx", {"帮扶记录": [[title], LAID_OUT, filled]})
    read = read_roster([roster, sheet])
    assert schools_of(read).by_file[str(sheet)] == "青山镇中心小学"
    assert read.titled_as == ({str(sheet): (titled, "青山镇中心小学")} if titled else {})
    found = run("validate", roster, sheet, "--format", "json").json()["findings"]
    assert [f["code"] for f in found if f["code"] == "REC002"] == []


def test_the_title_lbc_wrote_names_its_school_however_the_name_ends(tmp_path: Path) -> None:
    """A county's folder of two schools, each with a 张雨涵 in 三年级(2)班, and 王芳's record
    sheet as lbc titled it for 青山初中, a name without 小学, 中学 or 学校 at its end. The title
    lbc wrote names the school it was told: her talk is 青山初中's child's, not one that
    lbc cannot tell whose and counts for neither school."""
    for school in ("青山初中", "白鹤小学"):
        (tmp_path / school).mkdir()
        write_xlsx(
            tmp_path / school / f"{school}花名册.xlsx", {"儿童": [CHILD_HEADER, child_row(1)]}
        )
    title = ["青山初中2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]
    filled = [1, "张雨涵", "三年级(2)班", "谈心", "", dt.date(2024, 9, 20), "谈学习", "王芳"]
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [title, LAID_OUT, filled]})
    files = sorted(tmp_path.rglob("*.xlsx"))
    assert schools_of(read_roster(files)).by_file[str(sheet)] == "青山初中"
    assert run("validate", tmp_path, "--select", "REC").stderr == ""


def test_a_teachers_words_before_lbcs_title_tail_name_no_school(tmp_path: Path) -> None:
    """王芳 retypes her sheet's title as 王芳的帮扶记录表 but keeps the teacher and the term's
    dates lbc wrote after it: without the term's label it is not the title lbc wrote, so
    王芳的帮扶记录表 is no school; the sheet is of the school whose folder it is in, and her
    talk counts for its 李明轩 (it was REC002, a child of no roster of school 王芳的帮扶记录表)."""
    for n, school in ((1, "白鹤小学"), (2, "青山镇中心小学")):
        (tmp_path / school).mkdir()
        kids = [[f"{school}留守儿童花名册"], CHILD_HEADER, child_row(n)]
        write_xlsx(tmp_path / school / "花名册.xlsx", {"花名册": kids})
    title = ["王芳的帮扶记录表（王芳，2024年9月1日至2025年1月31日）"]
    filled = [1, "李明轩", "三年级(2)班", "谈心", "", dt.date(2024, 9, 20), "谈学习", "王芳"]
    sheet = tmp_path / "青山镇中心小学" / "王芳.xlsx"
    write_xlsx(sheet, {"帮扶记录": [title, LAID_OUT, filled]})
    files = sorted(tmp_path.rglob("*.xlsx"))
    assert schools_of(read_roster(files)).by_file[str(sheet)] == "青山镇中心小学"
    assert run("validate", tmp_path, "--select", "REC").stderr == ""


def test_a_titled_record_sheet_finds_its_child_in_a_roster_that_names_no_school(
    tmp_path: Path,
) -> None:
    """A county office copies a roster titled only 农村留守儿童基本情况登记表 (no school) and
    a teacher's returned record sheet (titled with its school) into one folder. The child
    of no known school may be the sheet's: validate finds it, and so must the summary, the
    follow-up list and the watch list, not report the child as never visited."""
    title = ["青山镇中心小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]
    folder = tmp_path / "county"
    folder.mkdir()
    roster = write_xlsx(
        folder / "roster.xlsx",
        {"登记表": [["农村留守儿童基本情况登记表"], CHILD_HEADER, child_row(1)]},
    )
    day = dt.date(2024, 10, 31)
    filled = [1, "张雨涵", "三年级(2)班", "家访", "本学期", dt.date(2024, 10, 8), "家访", "王芳"]
    sheet = write_xlsx(folder / "王芳.xlsx", {"帮扶记录": [title, LAID_OUT, filled]})
    assert read_roster([roster, sheet]).file_schools() == {
        str(roster): "",
        str(sheet): "青山镇中心小学",
    }

    found = json.loads(run("validate", roster, sheet, "--format", "json").stdout)
    assert [f["code"] for f in found["findings"] if f["code"].startswith("REC")] == []
    summary = run("summary", roster, sheet, "--term", "2024-autumn", "--format", "json")
    records = json.loads(summary.stdout)["records"]
    assert (records["total"], records["matched"]) == (1, 1)
    assert records["without_record_count"] == 0
    # Visited 23 days before: not out of contact (WCH013), nor on the list for anything else.
    listed = watch_list(read_roster([roster, sheet]), WatchSettings(threshold=1), day)
    assert [r.rule.code for w in listed for r in w.reasons] == []


def _what_each_command_says(roster: Path) -> tuple[list[str], dict[str, object], list[str]]:
    """validate's record findings, the summary's records section and the watch list's
    children (class, name, reasons) on 2024-12-20, for one roster file."""
    found = json.loads(run("validate", roster, "--format", "json").stdout)["findings"]
    summary = run("summary", roster, "--term", "2024-autumn", "--format", "json")
    records = json.loads(summary.stdout)["records"]
    watch = run("watch", roster, "--as-of", "2024-12-20", "--format", "json", "--show-pii")
    listed = [
        f"{group['class']} {c['name']}: {' '.join(r['message'] for r in c['reasons'])}"
        for group in json.loads(watch.stdout)["classes"]
        for c in group["children"]
    ]
    return (
        [f"{f['code']} {f['row']}" for f in found if f["code"].startswith("REC")],
        records,
        listed,
    )


@pytest.mark.parametrize(
    ("namesake", "extra"),
    [
        # Her namesake's 留守类型 is blank: the watch list does not judge her, yet she is a
        # child the record may name.
        (child_row(2, "张雨涵", cls="五年级(1)班", kind=None), None),
        # Her namesake has moved to another school: the record may be from before.
        (child_row(2, "张雨涵", cls="五年级(1)班"), "转出"),
    ],
    ids=["unjudged", "left"],
)
def test_a_record_naming_two_children_is_no_ones_in_every_command(
    tmp_path: Path, namesake: list[object], extra: str | None
) -> None:
    """Two children are called 张雨涵, and a talk names 张雨涵 with no class. lbc validate
    says the record names two children (REC003); the summary and the watch list must not
    credit it to one of them, as if she had been talked to, while validate asks which."""
    header, here = CHILD_HEADER, child_row(1, "张雨涵", cls="三年级(2)班")
    if extra is not None:
        header, here, namesake = [*header, "在校状态"], [*here, "在读"], [*namesake, extra]
    talk = [dt.date(2024, 12, 1), "王芳", "张雨涵", None, "谈心", "聊学习"]
    roster = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": [header, here, namesake], "帮扶记录": [RECORD_HEADER, talk]},
    )
    found, records, listed = _what_each_command_says(roster)
    assert found == ["REC003 2"]
    assert (records["total"], records["matched"], records["unclear"]) == (0, 0, 1)
    assert records["without_record"][0] == {"class": "三年级(2)班", "names": ["张雨涵"]}
    assert listed == ["三年级(2)班 张雨涵: 超过 30 天没有谈心或联系（最近一次：无记录）"]


@pytest.mark.parametrize("order", [1, -1], ids=["new-school-first", "old-school-first"])
def test_a_child_on_two_schools_rosters_is_found_from_either(tmp_path: Path, order: int) -> None:
    """张雨涵 (one ID number) moved from 青山镇中心小学 to 白云乡小学 this term: 在读 on the
    second's roster, 转出 on the first's, and each school recorded a talk with her. Both
    records name her: validate finds her from either school's record, and the summary and
    the watch list credit her with both talks, not one school's only, whichever file
    comes first."""
    header = [*CHILD_HEADER, "在校状态"]
    baiyun = [
        ["白云乡小学留守儿童花名册"],
        header,
        [*child_row(1, "张雨涵", cls="三年级(1)班"), "在读"],
    ]
    qingshan = [
        ["青山镇中心小学留守儿童花名册"],
        header,
        [*child_row(1, "张雨涵", cls="三年级(2)班"), "转出"],
        [*child_row(2), "在读"],
    ]
    here = [RECORD_HEADER, [dt.date(2024, 12, 5), "李强", "张雨涵", "三年级(1)班", "谈心", "b"]]
    there = [RECORD_HEADER, [dt.date(2024, 9, 5), "王芳", "张雨涵", "三年级(2)班", "谈心", "a"]]
    files = [
        write_xlsx(tmp_path / "白云.xlsx", {"儿童": baiyun, "帮扶记录": here}),
        write_xlsx(tmp_path / "青山.xlsx", {"儿童": qingshan, "帮扶记录": there}),
    ][::order]
    found = json.loads(run("validate", *files, "--format", "json").stdout)["findings"]
    # 转出 where she left: both rosters are right, so no DUP003 either.
    assert [(f["code"], f["row"]) for f in found if f["code"][:3] in ("REC", "DUP")] == []
    summary = run("summary", *files, "--term", "2024-autumn", "--format", "json")
    context = json.loads(summary.stdout)
    # She is on the books at her new school, in its class (two schools: named with each).
    assert context["children"]["by_class"] == [
        {"name": "白云乡小学 三年级(1)班", "count": 1},
        {"name": "青山镇中心小学 三年级(2)班", "count": 1},
    ]
    records = context["records"]
    assert (records["total"], records["matched"], records["talks"]) == (2, 2, 2)
    left_out = {"class": "青山镇中心小学 三年级(2)班", "names": ["李明轩"]}
    assert records["without_record"] == [left_out]


def test_a_school_is_one_school_however_its_spaces_are_typed(tmp_path: Path) -> None:
    """A county's merged roster says 青山镇中心小学; the records its teachers typed say
    青山镇 中心小学 (a space, a full-width one). Each record finds its child, in validate and
    in the summary alike."""
    kids = [["学校", *CHILD_HEADER], ["青山镇中心小学", *child_row(1)]]
    kids.append(["白云乡小学", *child_row(2, name="张雨涵")])
    day = dt.date(2024, 10, 8)
    records = [["学校", *RECORD_HEADER]]
    records.append(["青山镇 中心小学", day, "王芳", "张雨涵", None, "谈心", "x"])
    records.append(["青山镇\u3000中心小学", day, "王芳", "张雨涵", None, "家访", "x"])
    path = write_xlsx(tmp_path / "county.xlsx", {"儿童": kids, "帮扶记录": records})
    found = json.loads(run("validate", path, "--format", "json").stdout)
    assert [f["code"] for f in found["findings"] if f["code"].startswith("REC")] == []
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert json.loads(summary.stdout)["records"]["matched"] == 2


@pytest.mark.parametrize("titled", [False, True])
def test_a_schools_own_workbook_finds_its_own_child_first(tmp_path: Path, titled: bool) -> None:
    """A county's folder of school workbooks that name no school (the 2016 form's title,
    no lbc.toml), each with its roster and its records, and 张雨涵 at both schools: each
    school's talk is its own 张雨涵's, in validate and the summary (as lbc merge, which
    stamps each row with its file's school, makes it). The same when one workbook's title
    names its school."""
    folder = tmp_path / "县"
    folder.mkdir()
    day = dt.date(2024, 10, 8)
    for n, school in enumerate(["青山", "白云"], 1):
        title = f"{school}小学留守儿童花名册" if titled and n == 2 else "农村留守儿童基本情况登记表"
        kids = [[title], CHILD_HEADER, child_row(n, name="张雨涵"), child_row(n + 2)]
        talk = [day, "王芳", "张雨涵", None, "谈心", "x"]
        write_xlsx(folder / f"{school}.xlsx", {"儿童": kids, "帮扶记录": [RECORD_HEADER, talk]})
    found = json.loads(run("validate", folder, "--format", "json").stdout)
    assert [f["code"] for f in found["findings"] if f["code"].startswith("REC")] == []
    summary = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    records = json.loads(summary.stdout)["records"]
    assert (records["total"], records["matched"]) == (2, 2)


def test_a_copy_of_a_schools_workbook_counts_its_records_once(tmp_path: Path) -> None:
    """roster.xlsx and its copy roster - 副本.xlsx left in the folder, neither naming its
    school: one child, one talk, as from the file alone."""
    folder = tmp_path / "县"
    folder.mkdir()
    talk = [dt.date(2024, 12, 1), "王芳", "张雨涵", None, "谈心", "聊学习"]
    kids = [CHILD_HEADER, child_row(1, name="张雨涵")]
    roster = write_xlsx(folder / "roster.xlsx", {"儿童": kids, "帮扶记录": [RECORD_HEADER, talk]})
    shutil.copy(roster, folder / "roster - 副本.xlsx")
    for read in (roster, folder):
        summary = run("summary", read, "--term", "2024-autumn", "--format", "json")
        records = json.loads(summary.stdout)["records"]
        assert (records["total"], records["matched"], records["talks"]) == (1, 1, 1)


def test_a_records_sheet_copied_inside_its_workbook_counts_once(tmp_path: Path) -> None:
    """A teacher keeps a copy of her sheet in the same workbook (Excel's 移动或复制 makes
    帮扶记录 (2)): lbc due counted two talks with each child and lbc summary four talks
    where two were held. A record repeated on one sheet (two talks on one day) is two."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
        [dt.date(2024, 10, 9), "王芳", "李明轩", None, "谈心", "谈生活"],
        [dt.date(2024, 10, 9), "王芳", "李明轩", None, "谈心", "谈生活"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "帮扶记录": records, "帮扶记录 (2)": records},
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    talks = [
        (c["child"], c["talks_this_month"]) for x in due.json()["teachers"] for c in x["children"]
    ]
    assert talks == [("张雨涵", 1), ("李明轩", 2)]
    assert due.json()["summary"]["records"] == 3
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    records = json.loads(summary.stdout)["records"]
    assert (records["total"], records["matched"], records["talks"]) == (3, 3, 3)


@pytest.mark.parametrize("school", ["青山小学", ""])
def test_a_child_who_moved_class_is_found_by_either_class(tmp_path: Path, school: str) -> None:
    """张伟 moved from 三年级(1)班 to 三年级(2)班 in October: the school marked his old row
    转出 and added a row 转入 with his ID number. A talk naming his new class was "not on
    the roster" (REC002) and counted for no one, so lbc due said he missed October; the
    one naming his old class counted. Both are his."""
    header = [*CHILD_HEADER, "帮扶教师", "在校状态"]
    old = [*child_row(1, name="张伟", cls="三年级(1)班"), "王芳", "转出"]
    new = [*child_row(1, name="张伟", cls="三年级(2)班"), "王芳", "转入"]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 9, 10), "王芳", "张伟", "三年级(1)班", "谈心", "旧班"],
        [dt.date(2024, 10, 10), "王芳", "张伟", "三年级(2)班", "谈心", "新班"],
    ]
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": [header, old, new], "帮扶记录": records})
    (tmp_path / "lbc.toml").write_text(
        f'[school]\nname = "{school}"\n[files]\nroster = ["roster.xlsx"]\n', encoding="utf-8"
    )
    checked = run("validate", "--select", "REC", "--format", "json", cwd=tmp_path)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])
    due = run("due", "--as-of", "2024-10-31", "--format", "json", cwd=tmp_path)
    assert due.stderr == ""
    [child] = [c for x in due.json()["teachers"] for c in x["children"]]
    assert (child["class"], child["missed_months"], child["last_contact"]) == (
        "三年级(2)班",
        [],
        "2024-10-10",
    )
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    records = summary.json()["records"]
    assert (records["total"], records["matched"], records["unclear"]) == (2, 2, 0)


def test_a_record_of_a_declared_school_never_names_another_schools_child(
    tmp_path: Path,
) -> None:
    """青山 names itself by its title; its 张雨涵 is in 四年级(2)班, and its record says
    三年级(2)班 by mistake. 白云, naming no school, has another 张雨涵 in 三年级(2)班: the
    record is not hers. validate says the record's child is not found, and the summary
    credits nobody."""
    folder = tmp_path / "县"
    folder.mkdir()
    kids = [["青山镇中心小学留守儿童花名册"], CHILD_HEADER, child_row(1, cls="四年级(2)班")]
    talk = [dt.date(2024, 12, 1), "王芳", "张雨涵", "三年级(2)班", "谈心", "x"]
    write_xlsx(folder / "青山.xlsx", {"儿童": kids, "帮扶记录": [RECORD_HEADER, talk]})
    write_xlsx(folder / "白云.xlsx", {"儿童": [CHILD_HEADER, child_row(2, name="张雨涵")]})
    found = json.loads(run("validate", folder, "--format", "json").stdout)["findings"]
    assert [(f["code"], f["row"]) for f in found if f["code"].startswith("REC")] == [("REC002", 2)]
    summary = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    assert json.loads(summary.stdout)["records"]["matched"] == 0


def owed_on_the_15th(due: Result) -> list[tuple[object, ...]]:
    """lbc due's children: what each owes, the months missed, its visits, its last contact."""
    return [
        (c["child"], c["owed"], c["missed_months"], c["visits"], c["last_contact"])
        for teacher in due.json()["teachers"]
        for c in teacher["children"]
    ]


def test_a_sheet_named_for_one_kind_holds_records_of_that_kind(tmp_path: Path) -> None:
    """Schools keep talks and home visits on sheets of their own (谈心记录, 家访记录表, a
    title saying so) without a 类型 column: the sheet's name is each row's kind. lbc due said
    a child talked with on 9-03 and 10-08 and visited on 9-20 still owed all of it."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    plain = ["日期", "帮扶教师", "学生姓名", "内容"]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": kids,
            "教师": [["姓名", "在岗"], ["王芳", "是"]],
            "谈心记录": [
                plain,
                ["2024.9.3", "王芳", "张雨涵", "谈学习"],
                [dt.date(2024, 10, 8), "王芳", "张雨涵", "谈学习"],
            ],
            "家访记录表": [plain, ["2024年9月20日", "王芳", "张雨涵", "入户"]],
            # Named by its title only; 电话家访 is a call, not a visit.
            "Sheet1": [["青山小学电话家访记录"], plain, ["2024-09-25", "王芳", "李明轩", "电话"]],
            "帮扶记录": [plain, ["2024-09-26", "王芳", "李明轩", "谈心"]],  # names no kind
        },
    )
    result = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert owed_on_the_15th(result) == [
        ("张雨涵", ["warmth"], [], 1, "2024-10-08"),
        ("李明轩", ["talk", "home_visit", "warmth"], ["2024-09"], 0, "2024-09-26"),
    ]
    where = f"提示：{path} 的"
    assert result.stderr.splitlines() == [
        f"{where}“谈心记录”没有“类型”列，各条按工作表名称读作谈心",
        f"{where}“家访记录表”没有“类型”列，各条按工作表名称读作家访",
        f"{where}“Sheet1”没有“类型”列，各条按表头上方的标题读作电话联系",
    ]
    summary = run("summary", path, "--term", "2024-autumn")
    assert "本学期共有帮扶记录 5 条，其中谈心 2 条、家访 1 条、电话联系 1 条、未填 1 条。" in (
        summary.stdout
    )
    no_kind = "提示：“帮扶记录”没有“类型”列，无法区分谈心、家访等记录"
    assert summary.stderr.splitlines()[-1] == no_kind
    assert "谈心记录”没有“类型”列，无法区分" not in summary.stderr
    sheets = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert [s["kind_from"] for s in sheets if s["kind"] == "records"] == [
        {"source": "sheet", "kind": "谈心"},
        {"source": "sheet", "kind": "家访"},
        {"source": "title", "kind": "电话联系"},
        None,
    ]
    assert "没有“类型”列：各条按工作表名称读作家访\n" in run("columns", path).stdout


def test_a_record_naming_the_child_with_its_class_in_one_cell(tmp_path: Path) -> None:
    """Teachers tell namesakes apart as lbc prints them, in the name cell: 张伟（四年级2班）,
    四年级(2)班张伟, 三(1)班-张伟. Each is that class's 张伟; lbc due counted none of them
    (REC002: not on the roster) and listed both children as owed their talks. A class
    cell saying another class, or brackets holding no class, leave the cell as written."""
    kids = [
        [*CHILD_HEADER, "帮扶教师"],
        [*child_row(1, name="张伟", cls="三年级(1)班"), "王芳"],
        [*child_row(2, name="张伟", cls="四年级(2)班"), "王芳"],
    ]
    day = dt.date(2024, 10, 8)
    records = [
        RECORD_HEADER,
        [dt.date(2024, 9, 10), "王芳", "张伟（四年级2班）", None, "谈心", "x"],
        [day, "王芳", "四年级(2)班张伟", None, "谈心", "x"],
        [dt.date(2024, 9, 12), "王芳", "三(1)班-张伟", None, "谈心", "x"],
        [day, "王芳", "三年级1班 张伟", "三年级(1)班", "家访", "x"],
        [day, "王芳", "张伟（四年级2班）", "三年级(1)班", "谈心", "which?"],
        [day, "王芳", "张伟(小)", None, "谈心", "a nickname"],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    result = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [
        (c["class"], c["owed"], c["missed_months"], c["talks_this_month"])
        for x in result.json()["teachers"]
        for c in x["children"]
    ] == [
        ("三年级(1)班", ["talk", "warmth"], [], 0),
        ("四年级(2)班", ["home_visit", "warmth"], [], 1),
    ]
    assert result.stderr == unclear_records(2)
    found = run("validate", path, "--format", "json", "--select", "REC").json()["findings"]
    assert [(f["code"], f["row"]) for f in found] == [("REC002", 6), ("REC002", 7)]


def test_a_records_sheet_headed_by_its_kind_is_read(tmp_path: Path) -> None:
    """A school's 谈心记录 headed 谈心时间 / 谈心对象 / 谈心教师 / 谈心内容, and a sheet
    headed 家访日期 / 家访对象 / 家访人 / 家访情况: each header is the kind and what a
    records column holds. lbc passed both sheets over (no records sheet), so lbc due had
    no record to count; the header's kind is each row's too, as a sheet's name is."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    talks = [["序号", "谈心时间", "谈心对象", "班级", "谈心教师", "谈心内容", "效果"]]
    talks += [[1, "2024.9.3", "张雨涵", "三年级(2)班", "王芳", "谈学习", "好"]]
    talks += [[2, "2024.10.8", "张雨涵", "三年级(2)班", "王芳", "谈学习", "好"]]
    visits = [["家访日期", "家访对象", "家访人", "家访情况"]]
    visits += [["2024.9.20", "李明轩", "王芳", "入户"]]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": kids,
            "教师": [["姓名", "在岗"], ["王芳", "是"]],
            "谈心记录": talks,
            "Sheet2": visits,
        },
    )
    result = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert owed_on_the_15th(result) == [
        ("张雨涵", ["home_visit", "warmth"], [], 0, "2024-10-08"),
        ("李明轩", ["talk", "warmth"], ["2024-09"], 1, "2024-09-20"),
    ]
    where = f"提示：{path} 的"
    assert result.stderr.splitlines() == [
        f"{where}“谈心记录”没有“类型”列，各条按工作表名称读作谈心",
        f"{where}“谈心记录”有未识别的列，已忽略：效果(G)",
        f"{where}“Sheet2”没有“类型”列，各条按表头读作家访",
    ]
    sheets = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert [
        [(c["column"], c["field"]) for c in s["columns"]] for s in sheets if s["kind"] == "records"
    ] == [
        [("B", "date"), ("C", "student"), ("D", "class"), ("E", "teacher"), ("F", "content")],
        [("A", "date"), ("B", "student"), ("C", "teacher"), ("D", "content")],
    ]


def test_records_signed_with_the_teachers_title_are_the_teachers(tmp_path: Path) -> None:
    """A teacher signs her records 李红老师: they are 李红's, so validate finds no unknown
    teacher (REC001) and the summary does not say she is behind on home visits."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    cls = "三年级(2)班"
    staff = [
        ["教师姓名", "性别", "联系电话", "职务", "任教班级", "任教学科", "是否党员", "是否在岗"]
    ]
    staff.append(["李红", "女", "13800000001", "班主任", cls, "语文", "否", "是"])
    signed = [
        [dt.date(2024, 9, 10), "李红老师", "张雨涵", cls, "谈心", "谈学习"],
        [dt.date(2024, 10, 12), "李红 老师", "张雨涵", cls, "家访", "看望奶奶"],
    ]
    write_xlsx(
        ws / "roster.xlsx",
        {
            "花名册": [CHILD_HEADER, child_row(1)],
            "教师": staff,
            "帮扶记录": [RECORD_HEADER, *signed],
        },
    )
    assert run("pair", "--save", cwd=ws).exit_code == 0
    checked = run("validate", "--format", "json", cwd=ws)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    behind = summary.json()["records"]["teachers_behind"]
    assert behind == [{"teacher": "李红", "children": 1, "missing_talks": 1, "missing_visits": 0}]


def test_a_kind_written_but_unreadable_is_not_counted_as_not_given(tmp_path: Path) -> None:
    """The summary's records by kind say 无法识别 of a 类型 cell lbc cannot read (入户走访了解,
    REC004) and 未填 of an empty one, as it says of the children's columns: a cell filled
    in is one the school looks at, not for."""
    day = dt.date(2024, 10, 8)
    records = [
        RECORD_HEADER,
        [day, "王芳", "张雨涵", "三年级(2)班", "谈心", "x"],
        [day, "王芳", "张雨涵", "三年级(2)班", "入户走访了解", "y"],
        [day, "王芳", "张雨涵", "三年级(2)班", None, "z"],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)], "帮扶记录": records}
    )
    result = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert result.json()["records"]["by_kind"] == [
        {"name": "谈心", "count": 1},
        {"name": "无法识别", "count": 1},
        {"name": "未填", "count": 1},
    ]


def test_due_and_the_summary_say_how_many_kinds_they_could_not_read(tmp_path: Path) -> None:
    """王芳 wrote her home visit's kind as 入户走访了解: lbc due listed 张雨涵 as owed a home
    visit and said nothing of the record (only lbc validate's REC004 did). Both commands
    now say how many records' kinds were not read as a talk, a visit or 送温暖."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
        [dt.date(2024, 10, 9), "王芳", "张雨涵", None, "入户走访了解", "与奶奶交流"],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "帮扶记录": records})
    note = (
        "提示：1 条帮扶记录的“类型”无法识别，算作一次联系，但没有算作谈心、家访或送温暖；"
        "请按 lbc validate 所指（REC004）改正\n"
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert due.stderr == note
    [child] = [c for x in due.json()["teachers"] for c in x["children"]]
    assert (child["owed"], child["last_contact"]) == (["home_visit", "warmth"], "2024-10-09")
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["records"]["unreadable_kinds"] == 1
    assert summary.stderr.endswith(note)
    english = run("--lang", "en", "due", path, "--as-of", "2024-10-15")
    assert "1 support record has a kind lbc cannot read" in english.stderr


def test_a_name_cell_giving_the_name_then_the_class_is_that_classs_child(
    tmp_path: Path,
) -> None:
    """张伟 三年级二班 in the 学生姓名 cell (the name, a space, the class): lbc read it as a
    child called 张伟三年级二班, not on the roster (REC002), and lbc due listed 三年级(2)班's
    张伟 as owed the talk she had. A name that splits two ways stays as written."""
    kids = [
        [*CHILD_HEADER, "帮扶教师"],
        [*child_row(1, name="张伟", cls="三年级(1)班"), "王芳"],
        [*child_row(2, name="张伟", cls="三年级(2)班"), "王芳"],
        [*child_row(3, name="欧阳十", cls="一年级(2)班"), "王芳"],
    ]
    day = dt.date(2024, 10, 8)
    records = [
        RECORD_HEADER,
        [day, "王芳", "张伟 三年级二班", None, "谈心", "x"],
        [day, "王芳", "张伟-3年级1班", None, "谈心", "x"],
        [day, "王芳", "欧阳十一年级2班", None, "谈心", "which?"],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    result = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [
        (c["child"], c["class"], c["owed"], c["talks_this_month"])
        for x in result.json()["teachers"]
        for c in x["children"]
    ] == [
        ("欧阳十", "一年级(2)班", ["talk", "home_visit", "warmth"], 0),
        ("张伟", "三年级(1)班", ["home_visit", "warmth"], 1),
        ("张伟", "三年级(2)班", ["home_visit", "warmth"], 1),
    ]
    assert result.stderr == unclear_records(1)
    found = run("validate", path, "--format", "json", "--select", "REC").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("REC002", 4, "欧阳十一年级2班")]


def test_an_edited_copy_of_a_records_sheet_counts_each_record_once(tmp_path: Path) -> None:
    """A teacher copies her sheet inside its workbook (帮扶记录 (2)) and edits it: one
    talk's 内容 rewritten, one talk's date corrected, one visit's kind changed. lbc counted
    the rewritten talk twice: a record (its child, kind and day) on two sheets is one, the
    corrected date and the changed kind are records of their own."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
        [dt.date(2024, 10, 9), "王芳", "李明轩", None, "谈心", "谈生活"],
        [dt.date(2024, 10, 9), "王芳", "李明轩", None, "家访", "入户"],
    ]
    edited = [
        RECORD_HEADER,
        [dt.date(2024, 10, 8), "王芳", "张雨涵", "三年级(2)班", "谈心", "谈学习，成绩进步"],
        [dt.date(2024, 10, 10), "王芳", "李明轩", None, "谈心", "谈生活"],
        [dt.date(2024, 10, 9), "王芳", "李明轩", None, "送温暖", "入户"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "帮扶记录": records, "帮扶记录 (2)": edited},
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [
        (c["child"], c["owed"], c["talks_this_month"], c["visits"], c["warmth"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ] == [("张雨涵", ["home_visit", "warmth"], 1, 0, 0), ("李明轩", [], 2, 1, 1)]
    assert due.json()["summary"]["records"] == 5
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    records_read = summary.json()["records"]
    assert (records_read["total"], records_read["talks"], records_read["matched"]) == (5, 3, 5)


def test_a_sheet_with_more_of_a_days_records_than_its_copy_adds_the_rest(
    tmp_path: Path,
) -> None:
    """Two talks with 张雨涵 on 10-08 on the copy, one on the sheet it was copied from: two
    talks, not three, and not one."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    talk = [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": kids,
            "帮扶记录": [RECORD_HEADER, talk],
            "帮扶记录 (2)": [RECORD_HEADER, talk, talk],
        },
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [c["talks_this_month"] for x in due.json()["teachers"] for c in x["children"]] == [2]


def test_merge_says_a_records_sheets_kind_named_by_its_name(tmp_path: Path) -> None:
    """A records sheet 家访记录表 without a 类型 column: validate said its name makes every
    row a 家访; lbc merge, which writes those rows so, said nothing."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    plain = ["日期", "帮扶教师", "学生姓名", "内容"]
    school = tmp_path / "青山小学"
    school.mkdir()
    book = {"儿童": kids, "家访记录表": [plain, ["2024年9月20日", "王芳", "张雨涵", "入户"]]}
    write_xlsx(school / "roster.xlsx", book)
    note = "提示：青山小学/roster.xlsx 的“家访记录表”没有“类型”列，各条按工作表名称读作家访"
    validated = run("validate", "青山小学", cwd=tmp_path)
    assert note in validated.stderr.splitlines()
    merged = run("merge", "青山小学", "-o", "县.xlsx", cwd=tmp_path)
    assert merged.stderr.splitlines() == [
        "已写出合并名册：县.xlsx（1 个文件）",
        note,
    ]


def test_due_and_watch_agree_on_a_child_whose_last_record_is_last_school_years(
    tmp_path: Path,
) -> None:
    """张雨涵's last record is a home visit of 2026-05-10, last school year; 李明轩 was
    talked with on 2026-10-10. The watch list gives her last contact, 2026年5月10日; lbc
    due counts the school year only, so it said 「无记录」 where the watch list gave a
    day, and a head teacher read two answers. due now says none this school year."""
    kids = [child_row(1, "张雨涵"), child_row(2, "李明轩")]
    header = [*CHILD_HEADER, "帮扶教师"]
    visit = [dt.date(2026, 5, 10), "王芳", "张雨涵", "三年级(2)班", "家访", "x"]
    talk = [dt.date(2026, 10, 10), "王芳", "李明轩", "三年级(2)班", "谈心", "x"]
    roster = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": [header, *([*kid, "王芳"] for kid in kids)],
            "帮扶记录": [RECORD_HEADER, visit, talk],
        },
    )
    due = run("due", roster, "--as-of", "2026-11-25", "--format", "json").json()
    listed = {c["child"]: c["last_contact"] for c in due["teachers"][0]["children"]}
    assert listed == {"张雨涵": None, "李明轩": "2026-10-10"}
    table = run("due", roster, "--as-of", "2026-11-25").stdout
    lines = [line for line in table.splitlines() if "三年级(2)班" in line]
    assert [line.rstrip().split("   ")[-2].strip() for line in lines] == [
        "本学年无记录（86 天）",
        "2026-10-10（46 天前）",
    ]
    watch = run("watch", roster, "--as-of", "2026-11-25", "--format", "json").json()
    reasons = [r["message"] for c in watch["classes"][0]["children"] for r in c["reasons"]]
    assert reasons[0] == "超过 30 天没有谈心或联系（最近一次：2026年5月10日）"
