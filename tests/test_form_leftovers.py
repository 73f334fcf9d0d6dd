"""What a copy of an official form leaves around its children that is none of them: the
template's unused rows holding a dropdown's default (汉族, 小学, 中国, 非留守儿童), a class's
subtotal row (小计：2人, 合计) under its children, a statistical form's column-number row
(栏次, 甲, 乙, 1, 2 …), the template's example row (序号 例); and what it says of them that
lbc must read: the class on the line under its title (班级：三年级(2)班). Each was counted as
a child (or its class lost), the county given children who do not exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import CHILD_HEADER, child_row, make_id, run, write_xlsx

# The 2016 registration form, flat, its 序号 numbered ahead and dropdowns filled in.
FORM_HEADER = ["序号", "班级", "姓名", "性别", "民族", "出生日期", "公民身份证号码", "现居住地"]
FORM_HEADER += ["身体情况", "就学情况", "父亲姓名", "父亲联系电话", "母亲姓名", "母亲联系电话"]
FORM_HEADER += ["实际监护情况", "委托监护人姓名", "受委托监护人电话", "与被监护人关系"]


def form_row(n: int, name: str, cls: str = "三年级(2)班") -> list[Any]:
    born = dt.date(2015, 3, n)
    row = [n, cls, name, "男", "汉族", born, make_id(born, 100 + 2 * n + 1), "青山村3组"]
    row += ["健康", "小学", "张大山", "13812345678", "李小花", "13987654321"]
    return [*row, "父母双方同时外出", "张老汉", "15912345678", "祖父"]


def validated(path: Path) -> tuple[int, list[tuple[str, int, str]]]:
    """lbc validate's count of children and its findings as (code, row, column)."""
    doc = run("validate", path, "--format", "json").json()
    findings = [(f["code"], f["row"], f["column"]) for f in doc["findings"]]
    return doc["summary"]["children"], findings


def test_a_forms_unused_rows_holding_its_defaults_are_no_children(tmp_path: Path) -> None:
    """Rows numbered ahead whose only cells are the dropdowns' defaults (民族 汉族, 就学情况
    小学) are the form's unused rows. A row of them with a default no template fills in (就学
    情况 辍学), or with a name, is a child's, each missing cell said."""
    rows = [["农村留守儿童基本情况登记表"], FORM_HEADER, form_row(1, "张小明"), form_row(2, "王芳")]
    rows += [[n, None, None, None, "汉族", None, None, None, None, "小学"] for n in (3, 4, 5)]
    rows += [[6, None, None, None, "汉族", None, None, None, None, "辍学"]]
    rows += [[7, None, "刘洋", None, "汉族", None, None, None, None, "小学"]]
    form = write_xlsx(tmp_path / "登记表.xlsx", {"登记表": rows})
    children, findings = validated(form)
    assert children == 4
    assert sorted({(row, code) for code, row, _ in findings}) == [(8, "REQ001"), (9, "REQ001")]
    summary = run("summary", "--term", "2024-autumn", form, "--format", "json").json()
    assert summary["children"]["total"] == 4


def test_a_registry_exports_unused_rows_are_no_children(tmp_path: Path) -> None:
    """The 学籍 export's rows holding only 国籍/地区 中国 and 身份证件类型 居民身份证, or only
    是否留守儿童 非留守儿童, as its template fills every row in, are no children; a row with a
    学籍号-like number in 国籍/地区 is typed for a child, and stays one."""
    header = ["姓名", "性别", "出生日期", "民族", "国籍/地区", "身份证件类型", "身份证件号"]
    header += ["健康状况", "年级", "班级", "现住址", "是否留守儿童", "父亲姓名", "父亲联系电话"]
    header += ["母亲姓名", "母亲联系电话", "监护人姓名", "监护人联系电话", "与学生关系"]
    born = dt.date(2015, 3, 4)
    child = ["张一", "男", born, "汉族", "中国", "居民身份证", make_id(born, 101), "健康"]
    child += ["三年级", "2班", "青山村", "双亲留守儿童", "张大山", "13812345678", "李小花"]
    child += ["13987654321", "张老汉", "15912345678", "祖父"]
    rows = [header, child, [None, None, None, None, "中国", "居民身份证"]]
    rows += [[None] * 11 + ["非留守儿童"], [None, None, None, None, "2015030401", "居民身份证"]]
    export = write_xlsx(tmp_path / "学生基本信息.xlsx", {"学生基本信息": rows})
    children, findings = validated(export)
    assert children == 2
    assert {row for _, row, _ in findings} == {5}


@pytest.mark.parametrize(
    "total",
    [["小计：2人"], ["合计"], ["合计", 2], ["小计", "2人"], ["共2人"]],
    ids=["小计：2人", "合计", "合计 2", "小计 2人", "共2人"],
)
def test_a_classs_subtotal_row_under_its_children_is_no_child(
    tmp_path: Path, total: list[Any]
) -> None:
    """A whole school's roster closes each class with a row repeating the class in its 班级
    cell and 小计：2人 (or 合计, its number beside) under the names: no child, as 共2人 was
    none already."""
    rows: list[list[Any]] = [FORM_HEADER]
    for k, cls in enumerate(("三年级(1)班", "三年级(2)班")):
        rows += [form_row(1 + 2 * k, "张小明", cls), form_row(2 + 2 * k, "王芳", cls)]
        rows.append([None, cls, *total])
    roster = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    assert validated(roster) == (4, [])
    summary = run("summary", "--term", "2024-autumn", roster, "--format", "json").json()
    assert summary["children"]["by_class"] == [
        {"name": "三年级(1)班", "count": 2},
        {"name": "三年级(2)班", "count": 2},
    ]


@pytest.mark.parametrize(
    "numbers",
    [["栏次", *range(1, 18)], ["甲", "乙", *range(1, 17)], ["栏次", "甲", "乙", *range(1, 16)]],
    ids=["栏次", "甲乙", "栏次甲乙"],
)
def test_a_statistical_forms_column_numbers_are_no_child(
    tmp_path: Path, numbers: list[Any]
) -> None:
    """The row a statistical form prints under its header, 栏次 then 甲, 乙 over the columns
    not counted and 1, 2, 3 … over the others, is no child (乙, 126 years old, was one)."""
    rows = [FORM_HEADER, numbers, form_row(1, "张小明"), form_row(2, "王芳")]
    form = write_xlsx(tmp_path / "登记表.xlsx", {"登记表": rows})
    assert validated(form) == (2, [])


@pytest.mark.parametrize("tag", ["例", "示例", "（示例）", "填写示例", "例："])
def test_the_templates_example_row_is_no_child(tmp_path: Path, tag: str) -> None:
    """The example a template fills in under its header to show how, its 序号 saying 例 or
    示例, is no child; a child whose name is 范例 is one all the same."""
    example = [tag, "三年级(1)班", "张三", "男", "汉族", "2015.3.4", "511321201503041234"]
    example += ["××镇××村×组", "健康", "小学", "张××", "138××××××××", "李××", "139××××××××"]
    example += ["父母双方同时外出", "张××", "159××××××××", "祖父"]
    rows = [FORM_HEADER, example, form_row(1, "张小明"), form_row(2, "范例")]
    form = write_xlsx(tmp_path / "登记表.xlsx", {"登记表": rows})
    assert validated(form) == (2, [])


@pytest.mark.parametrize(
    "line",
    [
        "班级：三年级(2)班",
        "学校：青山镇中心小学    班级：三年级(2)班    班主任：李明    填表时间：2024.9",
    ],
    ids=["班级", "学校 班级 班主任"],
)
def test_the_class_on_the_line_under_the_title_is_every_childs(tmp_path: Path, line: str) -> None:
    """A class's sheet with no 班级 column names its class on the line the form prints under
    its title: every child is of that class, as of a title naming it (before, 班级 was a
    missing column, COL001, and every child of no class)."""
    header = [h for h in CHILD_HEADER if h != "班级"]
    at = CHILD_HEADER.index("班级")
    kids = [row[:at] + row[at + 1 :] for row in (child_row(1), child_row(2))]
    rows = [["青山镇中心小学留守儿童花名册"], [line], header, *kids]
    roster = write_xlsx(tmp_path / "花名册.xlsx", {"Sheet1": rows})
    result = run("validate", roster, "--format", "json")
    assert result.json()["findings"] == []
    assert result.stderr == (
        f"提示：{roster} 的“Sheet1”没有“班级”列，各行的班级按表头上方的标题读作三年级(2)班\n"
    )
    summary = run("summary", "--term", "2024-autumn", roster, "--format", "json").json()
    assert summary["children"]["by_class"] == [{"name": "三年级(2)班", "count": 2}]


def test_con006_points_at_the_parents_phone_where_the_guardians_is_there(
    tmp_path: Path,
) -> None:
    """留守类型 是 or 单亲留守 with the guardian's phone and neither parent's: CON006 points at
    the father's phone, the cell to fill, not at the guardian's, which is filled in. With
    neither, at the guardian's, as before."""
    rows = [
        CHILD_HEADER,
        child_row(1, kind="单亲留守", 父亲电话=None, 母亲电话=None),
        child_row(2, kind="是", 父亲电话=None, 母亲电话=None, 监护人电话=None),
    ]
    roster = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    doc = run("validate", roster, "--format", "json", "--select", "CON").json()
    assert [(f["code"], f["row"], f["column"], f["field"]) for f in doc["findings"]] == [
        ("CON006", 2, "J", "father_phone"),
        ("CON006", 3, "N", "guardian_phone"),
    ]
