"""The summary's 联系方式齐全 counts only children whose contacts were judged complete.

A child whose 留守类型 is empty or unreadable has no contact rule to be judged by: lbc flag
says it did not check them (未检查其联系方式). The summary counted each as having every
contact, so two children without a single phone were 「联系方式齐全的 2 名，占 100.0%」 in
the document a school hands in. They are now counted apart, said beside the share (which
stays of every child), and beside the children lacking a phone in 存在问题 and 下学期工作打算
(not as a problem of their own: their 留守类型 puts them in 档案信息不完整 already). One
who has every contact any 留守类型 asks for meets the rule whatever hers: complete; one who
lacks a contact every 留守类型 asks for (no parent's phone at all) lacks it whatever hers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx import Document

from conftest import make_id, run, write_xlsx

TERM = ("--term", "2024-autumn")
HEADER = [
    "姓名",
    "性别",
    "身份证号",
    "年级",
    "班级",
    "留守类型",
    "父亲姓名",
    "父亲电话",
    "母亲姓名",
    "母亲电话",
    "监护人姓名",
    "与儿童关系",
    "监护人电话",
    "家庭住址",
    "健康状况",
]
NA = "#N/A"  # openpyxl writes the string "#N/A" as an error cell


def child(n: int, name: str, kind: Any, phone: Any = "13812345678", **cells: Any) -> list[Any]:
    """One row of HEADER: child ``n`` (its own valid ID) of 三年级(1)班, ``phone`` in each of
    its three phone cells (a number as each person's own: 138… the father's, 139… the
    mother's, 137… the guardian's, not the away father's again, CON009), ``cells`` by
    header label over the rest."""
    own = isinstance(phone, str) and phone.isdigit()
    values = {
        "姓名": name,
        "性别": "男" if n % 2 else "女",
        "身份证号": make_id(dt.date(2015, 3, n), 100 + n * 2 + n % 2),
        "年级": "三年级",
        "班级": "1班",
        "留守类型": kind,
        "父亲姓名": f"{name[0]}大",
        "父亲电话": phone,
        "母亲姓名": "王花",
        "母亲电话": "139" + phone[3:] if own else phone,
        "监护人姓名": f"{name[0]}爷",
        "与儿童关系": "祖父",
        "监护人电话": "137" + phone[3:] if own else phone,
        "家庭住址": "青山镇幸福村3组",
        "健康状况": "健康",
        **cells,
    }
    return [values[h] for h in HEADER]


def roster(path: Path, *rows: list[Any], header: list[str] = HEADER) -> Path:
    keep = [HEADER.index(h) for h in header]
    lines = [header, *([row[j] for j in keep] for row in rows)]
    return write_xlsx(path, {"留守儿童花名册": lines})


def contacts(context: dict[str, Any]) -> tuple[Any, ...]:
    archive = context["archive"]
    keys = ("contacts_complete", "contacts_rate", "contacts_unjudged", "contacts_note")
    return tuple(archive[k] for k in keys)


def archive_plan(count: int) -> str:
    """下学期工作打算's line on ``count`` children's archives not complete."""
    return (
        f"开学一个月内补齐 {count} 名儿童的档案信息，逐项核对身份证号、出生日期和班级，"
        "确保建档率达到 100%。"
    )


def first_practice(markdown: str) -> str:
    """The summary's 二、主要做法 line on archives and contacts."""
    return next(line for line in markdown.splitlines() if line.startswith("1. 建档立卡"))


def test_children_whose_type_is_unreadable_or_empty_are_not_counted_reachable(
    tmp_path: Path,
) -> None:
    """The brief's school: 张三's 留守类型 and three phones show #N/A, 李四's are empty.
    Neither has a phone; both were counted 联系方式齐全 (2, 100.0%), then counted apart as
    not judged. Every 留守类型 asks for a parent's phone: both are known to lack one."""
    book = roster(
        tmp_path / "花名册.xlsx", child(1, "张三", NA, phone=NA), child(2, "李四", None, None)
    )
    flag = run("flag", book)
    assert "2 名儿童的留守类型未填或无法识别" in flag.stderr
    assert "未检查其联系方式" in flag.stderr

    context = run("summary", book, *TERM, "--format", "json").json()
    assert contacts(context) == (0, 0.0, 0, None)
    assert context["children"]["total"] == 2
    problem = "档案信息不完整：有 2 名儿童的档案缺项或有误，建档率未达到 100%。"
    lacking = "联系方式不全：有 2 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系。"
    assert context["problems"] == [problem, lacking]
    assert context["plans"] == [
        archive_plan(2),
        "由班主任逐一联系，补齐 2 名儿童的父母和监护人电话，更新联系卡。",
    ]

    result = run("summary", book, *TERM)
    assert result.exit_code == 0, result.stderr
    sentence = "联系方式齐全的 0 名，占 0.0%。"
    assert first_practice(result.stdout) == (
        f"1. 建档立卡，动态管理。学校为每名留守儿童建立档案和联系卡，建档完整的儿童 0 名，"
        f"建档率 0.0%；{sentence}"
    )
    assert f"1. {problem}" in result.stdout.splitlines()
    assert f"2. {lacking}" in result.stdout.splitlines()
    assert "未能判断" not in result.stdout

    assert run("summary", book, *TERM, "--out", tmp_path / "s.html").exit_code == 0
    assert sentence in (tmp_path / "s.html").read_text(encoding="utf-8")
    assert run("summary", book, *TERM, "--out", tmp_path / "s.docx").exit_code == 0
    texts = [p.text for p in Document(str(tmp_path / "s.docx")).paragraphs]
    assert any(text.endswith(sentence) for text in texts)


def test_a_known_type_with_phones_showing_na_is_incomplete_beside_the_unjudged(
    tmp_path: Path,
) -> None:
    """王五 is 父母均外出 and every phone shows #N/A: no number to call, incomplete as
    before. 赵六's are all there: complete. 张三's 留守类型 shows #N/A but every phone is
    there: complete whatever it is. 孙八's shows #N/A and 母亲电话 is empty: not judged
    (母亲外出 would lack it, 父亲外出 would not). The share is of all four children."""
    book = roster(
        tmp_path / "花名册.xlsx",
        child(1, "张三", NA),
        child(2, "王五", "父母均外出", phone=NA),
        child(3, "赵六", "父亲外出"),
        child(4, "孙八", NA, 母亲电话=None),
    )
    context = run("summary", book, *TERM, "--format", "json").json()
    note = "另有 1 名儿童的留守类型未填或无法识别，未能判断其联系方式是否齐全"
    assert contacts(context) == (2, 0.5, 1, note)
    assert context["problems"] == [
        "档案信息不完整：有 3 名儿童的档案缺项或有误，建档率未达到 100%。",
        "联系方式不全：有 1 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系；"
        "另有 1 名儿童的留守类型未填或无法识别，无法判断其联系方式是否齐全。",
    ]
    assert context["plans"] == [
        archive_plan(3),
        "由班主任逐一联系，补齐 1 名儿童的父母和监护人电话；核实并填写另外 1 "
        "名儿童的留守类型，再按类型补齐其电话；更新联系卡。",
    ]
    markdown = run("summary", book, *TERM).stdout
    assert first_practice(markdown).endswith(f"联系方式齐全的 2 名，占 50.0%；{note}。")


def test_an_untyped_child_is_complete_only_by_the_rule_of_every_type(tmp_path: Path) -> None:
    """Four children whose 留守类型 is empty, every cell filled in but: 张三 nothing
    missing, complete; 李四's 监护人 is his father (与儿童关系 父亲), nobody at home were
    he 父母均外出 (CON007); 王五's 父亲电话 says 已停机, no number to call were his father
    away; 赵六 has no 与儿童关系, which 父母均外出 asks. Only 张三 is complete."""
    book = roster(
        tmp_path / "花名册.xlsx",
        child(1, "张三", None),
        child(2, "李四", None, 监护人姓名="李大", 与儿童关系="父亲"),
        child(3, "王五", None, 父亲电话="已停机"),
        child(4, "赵六", None, 与儿童关系=None),
    )
    context = run("summary", book, *TERM, "--format", "json").json()
    note = "另有 3 名儿童的留守类型未填或无法识别，未能判断其联系方式是否齐全"
    assert contacts(context) == (1, 0.25, 3, note)


def test_phones_showing_na_under_a_known_type_are_missing_contacts(tmp_path: Path) -> None:
    """Two children 母亲外出: 王五's 母亲电话 and 监护人电话 show #N/A (a failed VLOOKUP),
    赵六's are there. 王五 is not reachable, and nothing is said of 留守类型."""
    book = roster(
        tmp_path / "花名册.xlsx",
        child(1, "王五", "母亲外出", 母亲电话=NA, 监护人电话=NA),
        child(2, "赵六", "母亲外出"),
    )
    context = run("summary", book, *TERM, "--format", "json").json()
    assert contacts(context) == (1, 0.5, 0, None)
    assert (
        "联系方式不全：有 1 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系。"
        in context["problems"]
    )
    markdown = run("summary", book, *TERM).stdout
    assert first_practice(markdown).endswith("联系方式齐全的 1 名，占 50.0%。")


def test_a_roster_without_a_type_column_judges_nobodys_contacts(tmp_path: Path) -> None:
    """No 留守类型 column at all: no child's type to judge by (lbc flag refuses such a
    roster), and every one was counted complete. 李四 and 王五 have every phone, complete
    whatever their type; 张三 has none: lacking whatever it is."""
    header = [h for h in HEADER if h != "留守类型"]
    book = roster(
        tmp_path / "花名册.xlsx",
        child(1, "张三", None, phone=None),
        child(2, "李四", None),
        child(3, "王五", None),
        header=header,
    )
    context = run("summary", book, *TERM, "--format", "json").json()
    assert contacts(context) == (2, 0.6667, 0, None)


def test_untyped_children_do_not_push_a_problem_out_of_the_top_three(tmp_path: Path) -> None:
    """Three children's 留守类型 empty and 母亲电话 too (not judged), two without a 帮扶教师,
    one 辍学. The three are in 档案信息不完整; counted again as a contacts problem they
    pushed the dropout out of the three problems the summary lists."""
    header = [*HEADER, "在校状态", "帮扶教师"]
    lines = [
        [*child(1, "张三", None, 母亲电话=None), "在读", "刘老师"],
        [*child(2, "李四", None, 母亲电话=None), "在读", "刘老师"],
        [*child(3, "王五", None, 母亲电话=None), "在读", "刘老师"],
        [*child(4, "赵六", "父亲外出"), "在读", None],
        [*child(5, "钱七", "母亲外出"), "在读", None],
        [*child(6, "孙八", "母亲外出"), "辍学", "刘老师"],
    ]
    teachers = [["姓名", "联系电话", "在岗"], ["刘老师", "13900001111", "是"]]
    book = write_xlsx(
        tmp_path / "花名册.xlsx", {"留守儿童花名册": [header, *lines], "教师名单": teachers}
    )
    context = run("summary", book, *TERM, "--format", "json").json()
    note = "另有 3 名儿童的留守类型未填或无法识别，未能判断其联系方式是否齐全"
    assert contacts(context) == (3, 0.5, 3, note)
    assert context["problems"] == [
        "档案信息不完整：有 3 名儿童的档案缺项或有误，建档率未达到 100%。",
        "结对帮扶未全覆盖：有 2 名儿童尚未落实帮扶教师。",
        "控辍保学压力仍在：有 1 名儿童辍学。",
    ]
    assert context["plans"] == [
        archive_plan(3),
        "为 2 名未结对儿童落实帮扶教师，做到“一对一”全覆盖。",
        "对 1 名辍学儿童逐一家访劝返，落实控辍保学责任。",
    ]
