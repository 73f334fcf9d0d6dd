"""lbc pair reads a teacher's classes as schools write them in 职务 and 任教班级.

A head teacher's class written in the 职务 cell (四年级1班班主任), and several classes of one
grade written once (三年级2、3班), are what make a pair 本班班主任 or 任教本班: misread, the
head teacher loses the class's children to another teacher, and the reason is wrong.
"""

from __future__ import annotations

from pathlib import Path

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
        teacher("王芳", "四年级1班", role="班主任", active="调离"),
        teacher("李强", "五年级1班", role="班主任"),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff)})
    result = run("pair", path, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert [(p["child"], p["teacher"], p["reason"], p["kept"]) for p in result.json()["pairs"]] == [
        ("张雨涵", "王芳（三年级(2)班）", "上学期结对延续", True)
    ]
    due = run("due", path, "--format", "json", cwd=tmp_path).json()
    assert [(x["teacher"], [c["child"] for c in x["children"]]) for x in due["teachers"]] == [
        ("王芳", ["张雨涵"])
    ]
