"""lbc pair reads a teacher's classes as schools write them in 职务 and 任教班级.

A head teacher's class written in the 职务 cell (四年级1班班主任), and several classes of one
grade written once (三年级2、3班), are what make a pair 本班班主任 or 任教本班: misread, the
head teacher loses the class's children to another teacher, and the reason is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pair import kid, teacher

from conftest import run, table, write_xlsx


def pairs(tmp_path: Path, kids: list[dict], staff: list[dict]) -> dict[str, tuple[str, str]]:
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff)})
    result = run("pair", path, "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    return {p["child"]: (p["teacher"], p["reason"]) for p in result.json()["pairs"]}


def test_the_head_teachers_class_in_the_role_cell(tmp_path: Path) -> None:
    """王芳 teaches 三年级(2)班 and 四年级(1)班 and is head teacher of the second, as her 职务
    says; 赵敏 (first on the list) only teaches 四年级(1)班; 孙丽's 任教班级 is empty and her
    职务 says 五年级(1)班班主任."""
    kids = [kid(1, cls="四年级1班"), kid(2, cls="五(1)班")]
    staff = [
        teacher("赵敏", "四年级1班", subject="数学"),
        teacher("王芳", "三(2)班、四年级1班", role="四年级1班班主任"),
        teacher("李强", "五年级1班", subject="体育"),
        teacher("孙丽", None, role="五年级(1)班班主任"),
    ]
    assert pairs(tmp_path, kids, staff) == {
        "张雨涵": ("王芳", "本班班主任"),
        "李明轩": ("孙丽", "本班班主任"),
    }


def test_a_role_naming_the_grade_only_picks_the_class_of_that_grade(tmp_path: Path) -> None:
    """王芳's 职务 says 三年级班主任 and she lists 二年级1班 before 三年级2班: she heads the
    one of 三年级, not the first listed; 李强's 四年级班主任 names a grade he lists no class
    of, so he heads none of his (he teaches 五年级1班)."""
    kids = [kid(1, cls="三(2)班"), kid(2, cls="五(1)班")]
    staff = [
        teacher("王芳", "二年级1班、三年级2班", role="三年级班主任"),
        teacher("李强", "五年级1班", role="四年级班主任", subject="数学"),
    ]
    assert pairs(tmp_path, kids, staff) == {
        "张雨涵": ("王芳", "本班班主任"),
        "李明轩": ("李强", "任教本班数学"),
    }


def test_classes_of_one_grade_written_once(tmp_path: Path) -> None:
    """王芳 is head teacher of 三年级2班 and teaches 三年级3班, written 三年级2、3班."""
    kids = [kid(1, cls="三(3)班"), kid(2, cls="三(2)班")]
    staff = [
        teacher("王芳", "三年级2、3班", role="班主任"),
        teacher("李强", "五年级1班", subject="体育"),
    ]
    assert pairs(tmp_path, kids, staff) == {
        "张雨涵": ("李强", "跨年级调配"),
        "李明轩": ("王芳", "本班班主任"),
    }


def test_last_terms_teacher_is_the_one_of_namesakes_still_in_post(tmp_path: Path) -> None:
    """The roster's 帮扶教师 says 王芳; of the two 王芳 on the list one has left (调离). The
    one in post is the child's teacher, as lbc due counts her: pairing keeps the pair rather
    than calling the name ambiguous and moving the child to the class's head teacher."""
    kids = [kid(1, cls="五(1)班", 帮扶教师="王芳")]
    staff = [
        teacher("王芳", "三(2)班", role="班主任"),
        teacher("王芳", "四年级1班", role="班主任", active="调离", 联系电话="13800003333"),
        teacher("李强", "五年级1班", role="班主任"),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff)})
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert [(p["child"], p["teacher"], p["reason"], p["kept"]) for p in result.json()["pairs"]] == [
        ("张雨涵", "王芳（三年级(2)班）", "延续原结对", True)
    ]
    due = run("due", path, "--format", "json", cwd=tmp_path).json()
    assert [(x["teacher"], [c["child"] for c in x["children"]]) for x in due["teachers"]] == [
        ("王芳", ["张雨涵"])
    ]


def test_a_teacher_on_two_lists_is_one_teacher(tmp_path: Path) -> None:
    """王芳 is on the teachers list and again on the school's list of head teachers, with the
    same phone: one teacher with one teacher's places, not two 王芳（第2行）."""
    both_away = "父母均外出"  # a priority: 张雨涵 and 李明轩 are paired first
    kids = [kid(1, kind=both_away), kid(2, kind=both_away), kid(3)]
    staff = [
        teacher("王芳", "三(2)班", role="班主任"),
        teacher("李强", "三(2)班", subject="体育"),
    ]
    heads = [
        ["姓名", "联系电话", "任教班级", "职务"],
        ["王芳", staff[0]["联系电话"], "三(2)班", "班主任"],
    ]
    sheets = {"花名册": table(kids), "教师": table(staff), "班主任名单": heads}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    book = tmp_path / "p.xlsx"
    args = ("--max-per-teacher", "1", "--format", "json", "--out", book)
    result = run("pair", path, *args, cwd=tmp_path)
    assert result.exit_code == 1
    doc = result.json()
    assert [p["child"] for p in doc["pairs"]] == ["张雨涵", "李明轩"]
    assert sorted((p["teacher"], p["reason"]) for p in doc["pairs"]) == [
        ("李强", "任教本班体育"),
        ("王芳", "本班班主任"),
    ]
    assert [(u["child"], u["why"]) for u in doc["unpaired"]] == [
        ("王梓萱", "帮扶名额不足（还差 1 个名额）")
    ]
    assert (doc["summary"]["teachers"], doc["summary"]["places"]) == (2, 2)
    assert result.stderr.splitlines()[0] == (
        "提示：“班主任名单”第 2 行与“教师”第 2 行是同一位教师（姓名、电话相同），按一人结对"
    )
    # lbc due counts her as the one teacher she is, not as one of two 王芳 it cannot tell apart
    due = run("due", path, book, "--format", "json", cwd=tmp_path).json()
    assert sorted(x["teacher"] for x in due["teachers"]) == ["李强", "王芳"]
    assert (due["summary"]["paired"], due["summary"]["unpaired"]) == (2, 1)
    summary = run("summary", path, book, "--term", "2024秋", "--format", "json", cwd=tmp_path)
    pairing = summary.json()["pairing"]
    assert (pairing["teachers"], pairing["teachers_with_children"]) == (2, 2)
    assert pairing["teachers_below_quota"] == []


def test_a_teachers_classes_lbc_cannot_read_are_said(tmp_path: Path) -> None:
    """王芳's 任教班级 says 三年级(2)班语文, 赵敏's 三年级: lbc cannot read them (CLS001), so
    pairing cannot tell that either teaches the children's classes; it says so rather than
    pair as if they taught none."""
    kids = [kid(1, cls="三(2)班")]
    staff = [
        teacher("王芳", "三年级(2)班语文", role="班主任"),
        teacher("赵敏", "三年级", subject="音乐"),
        teacher("李强", "三年级(2)班"),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff)})
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert result.stderr.splitlines()[:2] == [
        "提示：“教师”第 2 行王芳的任教班级“三年级(2)班语文”无法识别，结对时按未任教任何班级"
        "（请按 lbc validate 的 CLS001 改正）",
        "提示：“教师”第 3 行赵敏的任教班级“三年级”无法识别，结对时按未任教任何班级"
        "（请按 lbc validate 的 CLS001 改正）",
    ]
    assert [(p["teacher"], p["reason"]) for p in result.json()["pairs"]] == [
        ("李强", "任教本班语文")
    ]


def test_a_teacher_listed_twice_has_what_both_rows_say(tmp_path: Path) -> None:
    """The teachers list says 王芳 teaches 三(1)班 语文; the head teachers' list, with her
    phone, says she is head teacher of 三(2)班, and 赵敏 there is 副校长. 王芳 is one teacher
    with both rows' classes: head teacher of 张雨涵's class, before 李强, who teaches it
    体育; 赵敏 leads (rule 4), so she gets a child before 孙丽, who teaches the same grade.
    孙丽's second row lists classes lbc cannot read: said, and she is paired with her first
    row's."""
    kids = [kid(1, cls="三(2)班"), kid(2, cls="三(1)班")]
    staff = [
        teacher("王芳", "三(1)班"),
        teacher("李强", "三(2)班", subject="体育"),
        teacher("赵敏", "三(3)班", subject="数学"),
        teacher("孙丽", "三(3)班", subject="英语"),
    ]
    heads = [
        ["姓名", "联系电话", "任教班级", "职务"],
        ["王芳", staff[0]["联系电话"], "三(2)班", "班主任"],
        ["赵敏", staff[2]["联系电话"], None, "副校长"],
        ["孙丽", staff[3]["联系电话"], "三年级(3)班英语", None],
    ]
    sheets = {"花名册": table(kids), "教师": table(staff), "班主任名单": heads}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("pair", path, "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [(p["child"], p["teacher"], p["reason"]) for p in result.json()["pairs"]] == [
        ("李明轩", "赵敏", "同年级"),
        ("张雨涵", "王芳", "本班班主任"),
    ]
    assert result.stderr.splitlines() == [
        "提示：“班主任名单”第 2 行与“教师”第 2 行是同一位教师（姓名、电话相同），按一人结对",
        "提示：“班主任名单”第 3 行与“教师”第 4 行是同一位教师（姓名、电话相同），按一人结对",
        "提示：“班主任名单”第 4 行与“教师”第 5 行是同一位教师（姓名、电话相同），按一人结对",
        "提示：“班主任名单”第 4 行孙丽的任教班级“三年级(3)班英语”无法识别，"
        "结对时只按其另一行所列的班级（请按 lbc validate 的 CLS001 改正）",
        "提示：花名册没有“帮扶教师”列，也没有用 --keep 给出上学期结对名单；"
        "本次结对不会参照以往结对",
    ]


def test_a_teacher_on_leave_in_one_list_is_on_leave(tmp_path: Path) -> None:
    """The head teachers' list, read first, has no 在岗 or 可帮扶人数 column; the teachers list
    says 王芳 is on 病假 and 李强 takes one child. 王芳's child 张雨涵 (her 帮扶教师 cell) moves to
    李强, 王梓萱 waits, and the watch list says 王芳 is not in post, as if she were listed once.
    李强's subject is the teachers list's, though the head teachers' list, read first, has
    none."""
    kids = [kid(1, 帮扶教师="王芳"), kid(3, 帮扶教师=None)]
    staff = [
        teacher("王芳", "三(2)班", role="班主任", active="病假", 可帮扶人数=None),
        teacher("李强", "三(2)班", subject="体育", 可帮扶人数=1),
    ]
    heads = [["姓名", "联系电话", "职务"]] + [[t["姓名"], t["联系电话"], "班主任"] for t in staff]
    sheets = {"花名册": table(kids), "班主任名单": heads, "教师": table(staff)}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    doc = result.json()
    assert [(p["child"], p["teacher"], p["reason"]) for p in doc["pairs"]] == [
        ("张雨涵", "李强", "任教本班体育（原帮扶教师王芳不能继续）")
    ]
    assert [(u["child"], u["why"]) for u in doc["unpaired"]] == [
        ("王梓萱", "帮扶名额不足（还差 1 个名额）")
    ]
    (tmp_path / "lbc.toml").write_text('[files]\nroster = ["r.xlsx"]\n[watch]\nthreshold = 1\n')
    watch = run("watch", "--format", "json", cwd=tmp_path).json()
    assert [
        (c["name"], [r["message"] for r in c["reasons"]])
        for group in watch["classes"]
        for c in group["children"]
    ] == [("张雨涵", ["没有帮扶教师（王芳 不在岗）"]), ("王梓萱", ["没有帮扶教师（未填写）"])]


def test_a_teacher_on_two_lists_is_no_namesake_to_tell_apart(tmp_path: Path) -> None:
    """王芳 on the teachers list and on the head teachers' list with one phone is one
    teacher to lbc pair, so lbc validate does not ask the school to tell the two apart
    (TCH002); 李强 twice with two phones is two teachers, and it does."""
    staff = [teacher("王芳", "三(2)班"), teacher("李强", "三(2)班")]
    heads = [
        ["姓名", "联系电话", "职务"],
        ["王芳", staff[0]["联系电话"], "班主任"],
        ["李强", "13900000009", "班主任"],
    ]
    sheets = {"花名册": table([kid(1)]), "教师": table(staff), "班主任名单": heads}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("validate", path, "--select", "TCH", "--format", "json", cwd=tmp_path)
    assert [(f["sheet"], f["row"], f["code"]) for f in result.json()["findings"]] == [
        ("班主任名单", 3, "TCH002")
    ]


def test_a_head_teachers_list_without_phones_names_the_teachers_listed(tmp_path: Path) -> None:
    """The head teachers' list gives 姓名, 班级 and 职务 only; the teachers list gives each
    teacher's phone. 王芳 and 李强 are one teacher each: 张雨涵 keeps 王芳 (her 帮扶教师
    cell), nobody is unreachable to lbc flag, lbc validate asks neither to be told apart
    nor for the head teachers' list to have phones. They were two 王芳 and two 李强
    (王芳（第2行）), 张雨涵's pair was moved as naming one of two, each teacher had twice
    the places, and flag and validate said the four rows lacked phones."""
    kids = [kid(1, 帮扶教师="王芳"), kid(3, 帮扶教师=None), kid(5, cls="三(1)班", 帮扶教师=None)]
    staff = [teacher("王芳", "三(2)班"), teacher("李强", "三(1)班")]
    heads = [["姓名", "班级", "职务"], ["王芳", "三(2)班", "班主任"], ["李强", "三(1)班", "班主任"]]
    sheets = {"花名册": table(kids), "班主任名单": heads, "教师": table(staff)}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("pair", path, "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    doc = result.json()
    assert [(p["child"], p["teacher"], p["reason"]) for p in doc["pairs"]] == [
        ("陈思彤", "李强", "本班班主任"),
        ("张雨涵", "王芳", "延续原结对"),
    ]
    assert [u["child"] for u in doc["unpaired"]] == ["王梓萱"]
    assert result.stderr.splitlines()[:2] == [
        "提示：“班主任名单”第 2 行与“教师”第 2 行是同一位教师（同名，本行没有电话，"
        "其他名单只有这一位），按一人结对",
        "提示：“班主任名单”第 3 行与“教师”第 3 行是同一位教师（同名，本行没有电话，"
        "其他名单只有这一位），按一人结对",
    ]
    flag = run("flag", path, "--format", "json", cwd=tmp_path)
    assert flag.json()["teachers"] == []
    checked = run("validate", path, "--select", "TCH,COL", "--format", "json", cwd=tmp_path)
    assert checked.json()["findings"] == []


def test_a_name_two_teachers_share_is_the_one_teaching_the_class(tmp_path: Path) -> None:
    """The teachers list has two 王芳 with two phones, one teaching 三(2)班: the head
    teachers' 王芳 of 三(2)班, without a phone, is she, not a third 王芳 with places of
    her own (lbc validate asks only the two listed to be told apart), and her class's child
    is hers as its head teacher. Before, she was a third teacher in post."""
    kids = [kid(1), kid(3, cls="三(1)班")]
    staff = [teacher("王芳", "三(2)班"), {**teacher("王芳", "三(1)班"), "联系电话": "13900000009"}]
    heads = [["姓名", "班级", "职务"], ["王芳", "三(2)班", "班主任"]]
    sheets = {"花名册": table(kids), "班主任名单": heads, "教师": table(staff)}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("pair", path, "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    doc = result.json()
    assert doc["summary"]["teachers"] == 2
    assert [(p["child"], p["teacher"], p["reason"]) for p in doc["pairs"]] == [
        ("王梓萱", "王芳（三年级(1)班）", "任教本班语文"),
        ("张雨涵", "王芳（三年级(2)班）", "本班班主任"),
    ]
    assert result.stderr.splitlines()[0] == (
        "提示：“班主任名单”第 2 行与“教师”第 2 行是同一位教师（同名，本行没有电话，"
        "其他名单的同名教师中只有这一位教本行的班级），按一人结对"
    )
    checked = run("validate", path, "--select", "TCH002", "--format", "json", cwd=tmp_path)
    assert [(f["sheet"], f["row"], f["message"]) for f in checked.json()["findings"]] == [
        ("教师", 3, "教师姓名与第 2 行重名，请在备注中注明区分")
    ]


def test_a_name_two_teachers_share_stays_apart_where_the_class_does_not_tell(
    tmp_path: Path,
) -> None:
    """Neither 王芳 of the teachers list teaches 三(3)班: the head teachers' 王芳 could be
    either, and stays a teacher of her own (lbc validate asks for a note)."""
    kids = [kid(1), kid(3)]
    staff = [teacher("王芳", "三(2)班"), {**teacher("王芳", "三(1)班"), "联系电话": "13900000009"}]
    heads = [["姓名", "班级", "职务"], ["王芳", "三(3)班", "班主任"]]
    sheets = {"花名册": table(kids), "班主任名单": heads, "教师": table(staff)}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("pair", path, "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert result.json()["summary"]["teachers"] == 3
    checked = run("validate", path, "--select", "TCH002", "--format", "json", cwd=tmp_path)
    assert [(f["sheet"], f["row"]) for f in checked.json()["findings"]] == [
        ("教师", 2),
        ("教师", 3),
    ]


def test_a_teachers_list_headed_in_other_words_is_read(tmp_path: Path) -> None:
    """所任班级 and 可帮扶学生数 are 任教班级 and 可帮扶人数: 王芳 of 三(1)班 asks for one
    child, so 李明轩 waits. Both columns were left unread (said in a note), and 王芳 was given
    the default two places and no class."""
    kids = [kid(1, cls="三(1)班"), kid(2, cls="三(1)班")]
    staff = [
        ["教师姓名", "手机号码", "所任班级", "可帮扶学生数"],
        ["王芳", "13900000001", "三(1)班", 1],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": staff})
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    assert "未识别的列" not in result.stderr
    doc = result.json()
    assert [(p["child"], p["teacher"], p["reason"]) for p in doc["pairs"]] == [
        ("张雨涵", "王芳", "任教本班")
    ]
    assert [u["child"] for u in doc["unpaired"]] == ["李明轩"]


@pytest.mark.parametrize(
    "header", ["帮扶老师", "结对老师", "结对帮扶教师", "帮扶教师姓名", "代理家长姓名", "帮扶人姓名"]
)
def test_a_support_teacher_column_headed_in_other_words_keeps_its_pairs(
    tmp_path: Path, header: str
) -> None:
    """The roster's 帮扶老师 (or 结对帮扶教师, 代理家长姓名 …) column names 李强 for 张雨涵:
    the pair is kept, though 王芳 heads her class. The column was left unread (said in a
    note), the school's pairs were redone as if it had none, and 代理家长姓名 was guessed
    a parent's name."""
    kids = [kid(1, **{header: "李强"})]
    staff = [teacher("王芳", "三(2)班", role="班主任"), teacher("李强", "三(2)班", subject="体育")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff)})
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (0, "")
    assert [(p["child"], p["teacher"], p["kept"]) for p in result.json()["pairs"]] == [
        ("张雨涵", "李强", True)
    ]


@pytest.mark.parametrize("header", ["在岗情况", "在岗状态", "是否在职", "工作状态"])
def test_a_teacher_on_leave_under_another_header_takes_no_child(
    tmp_path: Path, header: str
) -> None:
    """王芳's 在岗情况 (or 在岗状态 …) says 病假: 李强 takes 张雨涵. The column was left unread
    (said in a note) and 王芳, on leave, was paired as her class's head teacher."""
    staff = [
        ["姓名", "联系电话", "职务", "任教班级", header],
        ["王芳", "13900000001", "班主任", "三(2)班", "病假"],
        ["李强", "13900000002", "科任教师", "三(2)班", "在岗"],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table([kid(1)]), "教师": staff})
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [("张雨涵", "李强")]
    assert "未识别的列" not in result.stderr


def test_the_same_teacher_in_two_files_names_the_files(tmp_path: Path) -> None:
    """Two files each have a sheet named 教师 listing 王芳 with one phone: the note says which
    file each row is in, not “教师”第 2 行与“教师”第 2 行, a row the same as itself."""
    staff = [teacher("王芳", "三(2)班", role="班主任")]
    write_xlsx(tmp_path / "a.xlsx", {"花名册": table([kid(1)]), "教师": table(staff)})
    write_xlsx(tmp_path / "b.xlsx", {"教师": table(staff)})
    result = run("pair", "a.xlsx", "b.xlsx", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "提示：b.xlsx“教师”第 2 行与a.xlsx“教师”第 2 行是同一位教师（姓名、电话相同），按一人结对"
    )
