"""Rosters in the shapes of the two official forms schools copy from: the 2016 registration
form (农村留守儿童基本情况登记表), flat, printed as two header rows, in traditional characters,
in another order; and the 学籍 export (学生基本信息) with labels and with codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from conftest import NAMES, make_id, run, write_xlsx
from lbc.roster import normalise as nz
from lbc.roster.reading import RawSheet
from lbc.roster.tables import build_table, load_roster

S2T = opencc.OpenCC("s2t")

# The registration form's columns as a school keeps them flat, 年级 and 班级 in front.
REG_HEADER = [
    "序号",
    "年级",
    "班级",
    "姓名",
    "性别",
    "民族",
    "出生日期",
    "公民身份证号码",
    "是否登记户口",
    "户籍所在地",
    "现居住地",
    "身体情况",
    "残疾类别及等级",
    "是否学校寄宿",
    "就学情况",
    "父亲姓名",
    "父亲出生日期",
    "父亲公民身份证号码",
    "父亲当前务工地点",
    "父亲联系电话",
    "母亲姓名",
    "母亲出生日期",
    "母亲公民身份证号码",
    "母亲当前务工地点",
    "母亲联系电话",
    "实际监护情况",
    "父母外出有无委托其他监护人",
    "委托监护人姓名",
    "受委托监护人电话",
    "委托监护人公民身份证号码",
    "与被监护人关系",
    "居住地地址",
    "监护类型",
    "家庭经济来源",
    "救助帮扶情况",
]
REG_KEYS = {
    "grade": "年级",
    "class": "班级",
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_number": "公民身份证号码",
    "home_address": "现居住地",
    "health": "身体情况",
    "disability": "残疾类别及等级",
    "boarding": "是否学校寄宿",
    "enrollment_status": "就学情况",
    "father_name": "父亲姓名",
    "father_birth_date": "父亲出生日期",
    "father_id_number": "父亲公民身份证号码",
    "father_work_place": "父亲当前务工地点",
    "father_phone": "父亲联系电话",
    "mother_name": "母亲姓名",
    "mother_birth_date": "母亲出生日期",
    "mother_id_number": "母亲公民身份证号码",
    "mother_work_place": "母亲当前务工地点",
    "mother_phone": "母亲联系电话",
    "care_situation": "实际监护情况",
    "guardian_entrusted": "父母外出有无委托其他监护人",
    "guardian_name": "委托监护人姓名",
    "guardian_phone": "受委托监护人电话",
    "guardian_id_number": "委托监护人公民身份证号码",
    "guardian_relation": "与被监护人关系",
    "guardian_address": "居住地地址",
    "guardianship_rating": "监护类型",
    "relief": "救助帮扶情况",
    # Read from 实际监护情况: the form has no 留守类型 column of its own.
    "left_behind_type": "实际监护情况",
}
FATHER_BORN, MOTHER_BORN, GUARDIAN_BORN = (
    dt.date(1986, 4, 2),
    dt.date(1988, 9, 9),
    dt.date(1958, 1, 3),
)


def reg_row(n: int, care: str, **cells: Any) -> dict[str, Any]:
    """Child ``n`` of the registration form, a clean row; ``cells`` override by header."""
    born = dt.date(2016, 5, n)
    row = {
        "序号": n,
        "年级": "三年级",
        "班级": "2班",
        "姓名": NAMES[n - 1],
        "性别": "女",
        "民族": "汉族",
        "出生日期": born,
        "公民身份证号码": make_id(born, 100 + 2 * n),
        "是否登记户口": "是",
        "户籍所在地": "四川省南部县",
        "现居住地": "四川省南部县青山镇幸福村3组",
        "身体情况": "健康",
        "残疾类别及等级": "无",
        "是否学校寄宿": "否",
        "就学情况": "小学",
        "父亲姓名": "张大山",
        "父亲出生日期": FATHER_BORN,
        "父亲公民身份证号码": make_id(FATHER_BORN, 201),
        "父亲当前务工地点": "广东省深圳市宝安区",
        "父亲联系电话": "13812345678",
        "母亲姓名": "李秀英",
        "母亲出生日期": MOTHER_BORN,
        "母亲公民身份证号码": make_id(MOTHER_BORN, 202),
        "母亲当前务工地点": "浙江省杭州市",
        "母亲联系电话": "13912345678",
        "实际监护情况": care,
        "父母外出有无委托其他监护人": "有",
        "委托监护人姓名": "张大爷",
        "受委托监护人电话": "13712345678",
        "委托监护人公民身份证号码": make_id(GUARDIAN_BORN, 301),
        "与被监护人关系": "祖父",
        "居住地地址": "四川省南部县青山镇幸福村3组",
        "监护类型": "监护情况较好",
        "家庭经济来源": "打工收入",
        "救助帮扶情况": "无",
    }
    row.update(cells)
    return row


def reg_rows() -> list[dict[str, Any]]:
    return [
        reg_row(1, "父母双方同时外出"),
        # One parent away: the father, whose work place is the one filled in.
        reg_row(2, "父母一方外出、另一方无监护能力", 母亲当前务工地点=None),
        # Disabled, 低保, boarding; one parent away and neither work place says which.
        reg_row(
            3,
            "父母一方外出、另一方无监护能力",
            身体情况="残疾",
            残疾类别及等级="肢体三级",
            救助帮扶情况="享受低保、医疗救助",
            是否学校寄宿="是",
            父亲当前务工地点=None,
            母亲当前务工地点=None,
        ),
    ]


def flat(header: list[str], rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [header, *([row[h] for h in header] for row in rows)]


def validate(path: Path) -> tuple[dict[str, Any], str, int]:
    result = run("validate", path, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return result.json(), result.stderr, result.exit_code


def spots(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(f["code"], f["row"], f["column"], f["field"]) for f in findings]


def watched(path: Path) -> list[tuple[int, list[str]]]:
    """Each child on lbc watch's list: its row and the codes of its reasons."""
    doc = run("watch", path, "--format", "json").json()
    return [
        (c["row"], [r["code"] for r in c["reasons"]]) for g in doc["classes"] for c in g["children"]
    ]


def letters_of(header: list[str], keys: dict[str, str]) -> dict[str, str]:
    return {key: get_column_letter(header.index(label) + 1) for key, label in keys.items()}


def check_registration_values(path: Path) -> None:
    (table,) = load_roster([path]).children
    v = table.values
    assert v["left_behind_type"] == [nz.BOTH_AWAY, nz.FATHER_AWAY, nz.AWAY_UNSPECIFIED]
    assert v["care_situation"] == ["父母双方外出", *["一方外出另一方无监护能力"] * 2]
    assert v["enrollment_status"] == ["在读"] * 3
    assert v["boarding"] == ["否", "否", "是"]
    assert v["categories"] == [(), (), ("残疾", "低保")]
    assert v["guardianship_rating"] == ["监护情况较好"] * 3
    assert v["father_birth_date"] == [FATHER_BORN] * 3
    assert v["guardian_id_number"] == [make_id(GUARDIAN_BORN, 301)] * 3
    assert v["class"] == [nz.ClassRef(3, 2)] * 3


# The findings of reg_rows(): child 3 does not say which parent is away.
REG_FINDINGS = [("VAL004", 4, "Z", "left_behind_type")]


def test_registration_form_flat(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, reg_rows())})
    doc, stderr, code = validate(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["kind"] == "children"
    assert sheet["columns"] == letters_of(REG_HEADER, REG_KEYS)
    assert sheet["unknown_columns"] == []
    assert spots(doc["findings"]) == REG_FINDINGS
    assert (code, stderr) == (0, "")
    check_registration_values(path)


def test_registration_form_traditional_and_reordered(tmp_path: Path) -> None:
    header = [S2T.convert(h) for h in reversed(REG_HEADER)]
    rows = [[row[h] for h in reversed(REG_HEADER)] for row in reg_rows()]
    path = write_xlsx(tmp_path / "登記表.xlsx", {"Sheet1": [header, *rows]})
    doc, stderr, code = validate(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["columns"] == letters_of(header, {k: S2T.convert(h) for k, h in REG_KEYS.items()})
    assert spots(doc["findings"]) == [("VAL004", 4, "J", "left_behind_type")]
    assert (code, stderr) == (0, "")
    check_registration_values(path)


def top_group(top: list[Any]) -> Any:
    """The group a printed form's top row is in at its end: its last filled cell."""
    return next(v for v in reversed(top) if v is not None)


def write_printed_form(path: Path) -> Path:
    """The printed form: a merged title, then 父亲 / 母亲 / 委托监护人 merged over the
    attributes below them; the child's own headers merged down over both rows."""
    # Header text -> (group, text under it) for the grouped columns.
    grouped = {h: ("父亲", h[2:]) for h in REG_HEADER if h.startswith("父亲")}
    grouped |= {h: ("母亲", h[2:]) for h in REG_HEADER if h.startswith("母亲")}
    guardian = ("委托监护人姓名", "受委托监护人电话", "委托监护人公民身份证号码")
    guardian += ("与被监护人关系", "居住地地址")
    under = ("姓名", "电话", "公民身份证号码", "与被监护人关系", "居住地地址")
    grouped |= {h: ("委托监护人", u) for h, u in zip(guardian, under, strict=True)}
    top: list[Any] = []
    sub: list[Any] = []
    for h in REG_HEADER:
        group, text = grouped.get(h, (h, None))
        top.append(group if h not in grouped or not top or top_group(top) != group else None)
        sub.append(text)
    wb = Workbook()
    ws = wb.active
    ws.append(["农村留守儿童基本情况登记表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(REG_HEADER))
    ws.append(top)
    ws.append(sub)
    for j, (a, b) in enumerate(zip(top, sub, strict=True), start=1):
        if a and not b:
            ws.merge_cells(start_row=2, start_column=j, end_row=3, end_column=j)
        elif a and b:
            end = j
            while end < len(top) and top[end] is None and sub[end]:
                end += 1
            ws.merge_cells(start_row=2, start_column=j, end_row=2, end_column=end)
    for row in reg_rows():
        ws.append([row[h] for h in REG_HEADER])
    wb.save(path)
    return path


def test_registration_form_printed_with_merged_groups(tmp_path: Path) -> None:
    path = write_printed_form(tmp_path / "登记表.xlsx")
    doc, stderr, code = validate(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["header_rows"] == [2, 3]
    assert sheet["columns"] == letters_of(REG_HEADER, REG_KEYS)
    assert sheet["unknown_columns"] == []
    assert spots(doc["findings"]) == [("VAL004", 6, "Z", "left_behind_type")]
    assert (code, stderr) == (0, "")


# The 学籍 export's columns (学生基本信息), the parents' and guardian's added beside them.
XJ_HEADER = [
    "姓名",
    "性别",
    "出生日期",
    "出生地",
    "籍贯",
    "民族",
    "国籍/地区",
    "身份证件类型",
    "身份证件号",
    "港澳台侨外",
    "政治面貌",
    "健康状况",
    "姓名拼音",
    "户口所在地",
    "户口性质",
    "学籍辅号",
    "班内学号",
    "年级",
    "班级",
    "入学年月",
    "入学方式",
    "就读方式",
    "现住址",
    "通信地址",
    "家庭地址",
    "联系电话",
    "是否独生子女",
    "是否留守儿童",
    "是否进城务工人员随迁子女",
    "是否孤儿",
    "是否烈士或优抚子女",
    "随班就读",
    "残疾人类型",
    "父亲姓名",
    "父亲联系电话",
    "父亲工作单位",
    "母亲姓名",
    "母亲联系电话",
    "母亲工作单位",
    "监护人姓名",
    "监护人联系电话",
    "关系",
]
XJ_KEYS = {
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "id_number": "身份证件号",
    "id_kind": "身份证件类型",
    "health": "健康状况",
    "student_no": "学籍辅号",
    "grade": "年级",
    "class": "班级",
    "enrollment_date": "入学年月",
    "boarding": "就读方式",
    "home_address": "现住址",
    "parent_phone": "联系电话",
    "left_behind_type": "是否留守儿童",
    "cat_orphan": "是否孤儿",
    "disability": "残疾人类型",
    "father_name": "父亲姓名",
    "father_phone": "父亲联系电话",
    "father_work_place": "父亲工作单位",
    "mother_name": "母亲姓名",
    "mother_phone": "母亲联系电话",
    "mother_work_place": "母亲工作单位",
    "guardian_name": "监护人姓名",
    "guardian_phone": "监护人联系电话",
    "guardian_relation": "关系",
}


def xj_row(n: int, left_behind: Any, **cells: Any) -> dict[str, Any]:
    born = dt.date(2015, 3, n)
    row: dict[str, Any] = dict.fromkeys(XJ_HEADER)
    row.update(
        {
            "姓名": ["陈思彤", "杨子墨", "黄欣怡", "赵俊熙"][n - 1],
            "性别": "男",
            "出生日期": born,
            "民族": "汉族",
            "身份证件类型": "居民身份证",
            "身份证件号": make_id(born, 101 + 2 * n),
            "健康状况": "健康",
            "户口性质": "农业",
            "学籍辅号": f"G5113212015030{n}",
            "年级": "四年级",
            "班级": "1班",
            "就读方式": "走读",
            "现住址": "四川省南部县青山镇幸福村5组",
            "家庭地址": "四川省南部县青山镇幸福村5组",
            "联系电话": "13612345678",
            "是否留守儿童": left_behind,
            "是否孤儿": "否",
            "父亲姓名": "陈大军",
            "父亲联系电话": "13812345678",
            "父亲工作单位": "广东省东莞市某电子厂",
            "母亲姓名": "王芳",
            "母亲联系电话": "13912345678",
            "母亲工作单位": "广东省东莞市某制衣厂",
            "监护人姓名": "陈爷爷",
            "监护人联系电话": "13712345678",
            "关系": "爷爷",
        }
    )
    row.update(cells)
    return row


def xj_rows(codes: tuple[Any, Any, Any, Any]) -> list[dict[str, Any]]:
    """Not left behind, one parent away (the mother, the only work place), both away and
    one parent away with both work places filled in (unsaid which)."""
    return [
        xj_row(1, codes[0], 就读方式="住校"),
        xj_row(2, codes[1], 父亲工作单位=None),
        xj_row(3, codes[2]),
        xj_row(4, codes[3]),
    ]


XJ_KINDS = [nz.NOT_LEFT_BEHIND, nz.MOTHER_AWAY, nz.BOTH_AWAY, nz.AWAY_UNSPECIFIED]


@pytest.mark.parametrize(
    ("codes", "coding"),
    [
        (("非留守儿童", "单亲留守儿童", "双亲留守儿童", "单亲留守儿童"), None),
        (("非留守", "单留守", "双留守儿童", "单留守儿童"), None),  # as schools shorten them
        ((0, 1, 2, 1), "0/1/2"),
        (("1", "2", "3", "2"), "1/2/3"),
        (("１", "２", "３", "２"), "1/2/3"),  # typed in full-width digits
        ((1.0, 2.0, 3.0, 2.0), "1/2/3"),
    ],
)
def test_xueji_export(tmp_path: Path, codes: tuple[Any, ...], coding: str | None) -> None:
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, xj_rows(codes))})
    doc, stderr, code = validate(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["kind"] == "children"
    assert sheet["columns"] == letters_of(XJ_HEADER, XJ_KEYS)
    assert sheet["unknown_columns"] == ["家庭地址"]
    assert spots(doc["findings"]) == [("VAL004", 5, "AB", "left_behind_type")]
    assert stderr == (
        f"提示：{path} 的“学生基本信息”有与前面的列同一字段的列，只读前面那一列：家庭地址(Y)\n"
    )
    assert code == 0
    (table,) = load_roster([path]).children
    assert table.values["left_behind_type"] == XJ_KINDS
    assert table.codings == ({"left_behind_type": coding} if coding else {})
    assert table.values["boarding"] == ["是", "否", "否", "否"]


def test_xueji_codes_one_and_two_alone_are_not_guessed(tmp_path: Path) -> None:
    """1 and 2 are 单亲 and 双亲 in the 0/1/2 coding, 非留守 and 单亲 in 1/2/3: an error
    on each, not a guess that could call a left-behind child not left behind."""
    path = write_xlsx(tmp_path / "学籍.xlsx", {"Sheet1": flat(XJ_HEADER, xj_rows((1, 2, 2, 1)))})
    doc, _, code = validate(path)
    assert spots(doc["findings"]) == [("VAL001", r, "AB", "left_behind_type") for r in (2, 3, 4, 5)]
    assert [f["value"] for f in doc["findings"]] == ["1", "2", "2", "1"]
    assert code == 1
    (table,) = load_roster([path]).children
    assert table.codings == {"left_behind_type": "ambiguous"}


def test_xueji_family_phone_counts_as_a_contact(tmp_path: Path) -> None:
    """A 学籍 export with no parents' columns: its 联系电话 is the family's phone, which the
    contact rules count as each parent's."""
    header = ["姓名", "性别", "身份证件号", "年级", "班级", "健康状况", "现住址", "联系电话"]
    header += ["是否留守儿童", "监护人姓名", "关系", "监护人联系电话"]
    rows = [
        xj_row(n, "双亲留守儿童", 联系电话=phone) for n, phone in ((3, "13612345678"), (4, None))
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"Sheet1": flat(header, rows)})
    doc, _, code = validate(path)
    assert spots(doc["findings"]) == [("CON002", 3, "H", "parent_phone")]
    assert code == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0, 1, 2, 3, "0", "1", "2", "3", 1.0, 2.0]), min_size=1))
def test_codes_never_call_a_child_not_left_behind_by_guess(codes: list[Any]) -> None:
    """Whatever a column's codes, a child reads as 非留守 only under a coding its column
    proves (a 0 and no 3, or a 3 and no 0, or 0 and 1 alone), and every code reads as one of
    the coding's meanings or as unreadable."""
    header = ["姓名", "身份证件号", "班级", "是否留守儿童"]
    rows = [
        [f"儿童{i}", make_id(dt.date(2015, 3, 1), i), "三(2)班", c] for i, c in enumerate(codes)
    ]
    table = build_table("t.xlsx", RawSheet("Sheet1", [header, *rows]))
    assert table is not None
    ints = {int(float(c)) for c in codes}
    kinds = table.values["left_behind_type"]
    coding = table.codings["left_behind_type"]
    if ints <= {0, 1}:
        assert coding == "0/1"
    elif (0 in ints and 3 in ints) or ints <= {1, 2}:
        assert coding == "ambiguous"
        assert all(isinstance(k, nz.Bad) for k in kinds)
    not_left = {"0/1": 0, "0/1/2": 0, "1/2/3": 1}.get(coding)
    for c, kind in zip(codes, kinds, strict=True):
        assert (kind == nz.NOT_LEFT_BEHIND) == (int(float(c)) == not_left)


def test_unreadable_form_values_are_errors(tmp_path: Path) -> None:
    rows = reg_rows()[:1]
    rows[0].update({"监护类型": "还行", "是否学校寄宿": "有时", "实际监护情况": "外出"})
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    doc, _, code = validate(path)
    assert [(f["code"], f["column"], f["message"]) for f in doc["findings"]] == [
        ("VAL001", "N", "“是否学校寄宿”的值无法识别，可填：是、否"),
        (
            "VAL001",
            "Z",
            "“实际监护情况”的值无法识别，可填：父母双方外出、一方外出另一方无监护能力、"
            "父母双方无监护能力、祖父母、外祖父母、亲戚朋友、无委托照料人",
        ),
        (
            "VAL001",
            "AG",
            "“监护类型”的值无法识别，可填：无人监护、父或母无监护能力、受委托监护人监护能力不足、"
            "监护情况差、监护情况一般、监护情况较好",
        ),
    ]
    assert code == 1


def test_parents_and_guardians_ids_checked_like_the_childs(tmp_path: Path) -> None:
    young = dt.date(2012, 3, 1)
    rows = [
        # The father's ID kept as a number cell: its last digits are lost.
        reg_row(
            1, "父母双方同时外出", 父亲公民身份证号码=int(make_id(FATHER_BORN, 201)[:-1] + "0")
        ),
        # The mother's birth date a day off her ID's.
        reg_row(2, "父母双方同时外出", 母亲出生日期=MOTHER_BORN + dt.timedelta(days=1)),
        # A guardian of 12 by the ID; rated 无人监护 while named.
        reg_row(
            3, "父母双方同时外出", 委托监护人公民身份证号码=make_id(young, 301), 监护类型="无人监护"
        ),
    ]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    doc, _, code = validate(path)
    assert [(f["code"], f["row"], f["column"], f["value"]) for f in doc["findings"]] == [
        ("ID008", 2, "R", "511321********2000"),  # Excel kept 15 digits; masked
        ("ID009", 3, "V", "1988-09-10"),
        ("VAL005", 4, "AD", "511321********3013"),
        ("VAL006", 4, "AG", "无人监护"),
    ]
    assert code == 1


@pytest.mark.parametrize(
    "cells",
    [
        {0: "单位负责人：", 2: "复核人：", 4: "填表人：李四"},
        {0: "学校（盖章）", 6: "填表日期：2024.9.10"},
        {3: "共计", 6: "3人"},
        {0: "总人数", 1: 3},
        {3: "本页小计", 6: 3},
        {0: "填报日期：2024年9月10日", 4: "填报人："},
        # Signed by whoever the school has sign: a label and a colon, never a child's name.
        {3: "校长：王建国", 6: "经办人：张老师", 10: "联系电话：13800001111"},
        {0: "分管领导：", 2: "王建国", 5: "联系人（签字）：", 7: "张老师"},
        # What an official form says under its last row: nothing more below.
        {3: "以下空白"},
        {0: "（以下空白）"},
        {3: "以下无内容"},
        # A head count alone under the names.
        {3: "共3人"},
        {3: "3人"},
        {3: "共 3 名"},
        {3: "总数 3"},
    ],
)
def test_the_forms_foot_is_no_child(tmp_path: Path, cells: dict[int, Any]) -> None:
    """Under the table, the registration form's signatures (单位负责人 / 复核人 / 填表人),
    a school's seal and date, a total: each part in a cell of its own, a line to sign or
    count, not a child with an unreadable class and gender counted in every total."""
    footer = [cells.get(j) for j in range(len(REG_HEADER))]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": [*flat(REG_HEADER, reg_rows()), footer]})
    doc, stderr, code = validate(path)
    assert spots(doc["findings"]) == REG_FINDINGS
    assert doc["summary"]["children"] == 3
    assert (code, stderr) == (0, "")


@pytest.mark.parametrize("number", [lambda k: k, str, float])
def test_the_forms_column_numbers_are_no_child(tmp_path: Path, number: Any) -> None:
    """The row of column numbers an official form prints under its header (1, 2, 3 …)
    is no child: not a child named 4 of class 3, counted and found wrong in nine cells."""
    header, *rows = flat(REG_HEADER, reg_rows())
    numbers = [number(k) for k in range(1, len(REG_HEADER) + 1)]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": [header, numbers, *rows]})
    doc, stderr, code = validate(path)
    assert spots(doc["findings"]) == [("VAL004", 5, "Z", "left_behind_type")]
    assert doc["summary"]["children"] == 3
    assert (code, stderr) == (0, "")


@pytest.mark.parametrize("heading", ["三年级(2)班", "三年级2班", "三年级", "2班"])
def test_a_class_heading_over_its_children_is_no_child(tmp_path: Path, heading: str) -> None:
    """A roster listing each class under a heading row of its name, typed where the names
    are (or merged across): no child named 三年级(2)班, counted and said to lack six
    required cells."""
    header, *rows = flat(REG_HEADER, reg_rows())
    above = [heading if label == "姓名" else None for label in REG_HEADER]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": [header, above, *rows]})
    doc, stderr, code = validate(path)
    assert spots(doc["findings"]) == [("VAL004", 5, "Z", "left_behind_type")]
    assert doc["summary"]["children"] == 3
    assert (code, stderr) == (0, "")


def test_a_child_named_as_a_grade_is_kept(tmp_path: Path) -> None:
    """高一 names a grade, and may name a child too: a row holding that name alone is a
    child whose cells are still to fill, not a heading."""
    header, *rows = flat(REG_HEADER, reg_rows())
    alone = ["高一" if label == "姓名" else None for label in REG_HEADER]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": [header, *rows, alone]})
    doc, _, _ = validate(path)
    assert doc["summary"]["children"] == 4


@pytest.mark.parametrize("codes", [(1, 2, 1, 2), ("1", "2", "１", "2"), (1.0, 2.0, 1.0, 2.0)])
def test_xueji_gender_codes_read_as_the_standard_says(
    tmp_path: Path, codes: tuple[Any, ...]
) -> None:
    """The 学籍 system writes 性别 as GB/T 2261.1's codes, 1 男 and 2 女: read so, and held
    to the ID number like the words (child 4 is a boy by his ID, coded 2)."""
    rows = xj_rows(("非留守儿童", "单亲留守儿童", "双亲留守儿童", "双亲留守儿童"))
    rows[1]["身份证件号"] = make_id(dt.date(2015, 3, 2), 104)  # a girl
    for row, code in zip(rows, codes, strict=True):
        row["性别"] = code
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert spots(doc["findings"]) == [("ID007", 5, "B", "gender")]
    assert code == 1
    (table,) = load_roster([path]).children
    assert table.values["gender"] == ["男", "女", "男", "女"]
    assert table.codings["gender"] == "1/2"
    columns = run("columns", path, "--format", "json").json()
    (entry,) = [c for c in columns["files"][0]["sheets"][0]["columns"] if c["field"] == "gender"]
    assert entry["coding"] == "1/2"


def test_gender_codes_of_another_coding_are_not_read(tmp_path: Path) -> None:
    """A column of 0 and 1 follows some school's own coding, either way round: no code is
    read as a sex, each is an error to write out in words."""
    rows = xj_rows(("非留守儿童", "单亲留守儿童", "双亲留守儿童", "双亲留守儿童"))
    for row, code in zip(rows, (1, 0, 1, 1), strict=True):
        row["性别"] = code
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert spots(doc["findings"]) == [("VAL001", r, "B", "gender") for r in (2, 3, 4, 5)]
    assert code == 1


def test_lists_of_the_left_behind_say_whom_they_could_not_judge(tmp_path: Path) -> None:
    """A 学籍 export of left-behind children alone, coded 1 and 2: the codes do not tell
    their coding, so no child's 留守类型 reads. lbc flag cannot check whom to reach, lbc
    watch whom to watch, lbc birthdays whose birthday to keep: each says so, and flag does
    not call everyone reachable (child 2 has no guardian, child 3 no parent's phone)."""
    rows = [
        xj_row(1, 1, 在校状态="在读"),
        xj_row(2, 2, 在校状态="在读", 监护人姓名=None, 监护人联系电话=None, 关系=None),
        xj_row(3, 2, 在校状态="在读", 父亲联系电话=None, 母亲联系电话=None, 联系电话=None),
        xj_row(4, 1, 在校状态="转出"),  # gone: on no list, judged or not
    ]
    header = [*XJ_HEADER, "在校状态"]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(header, rows)})
    note = (
        "提示：3 名儿童的留守类型未填或无法识别（首个在 {} 的“学生基本信息”第 2 行），{}；"
        "请按 lbc validate 所指改正\n"
    )
    repeat = f"提示：{path} 的“学生基本信息”有与前面的列同一字段的列，只读前面那一列：家庭地址(Y)\n"
    flag = run("flag", path)
    assert flag.stdout == "留守类型可识别的儿童和所有教师的联系方式都已齐全。\n"
    assert flag.stderr == repeat + note.format(path, "未检查其联系方式")
    assert flag.exit_code == 1
    as_json = run("flag", path, "--format", "json")
    assert as_json.json()["summary"] == {"children": 0, "teachers": 0, "untyped": 3, "unseen": 0}
    watch = run("watch", path)
    assert watch.stderr == repeat + note.format(path, "未评估是否需要重点关注")
    # Nobody listed, nobody judged: not the exit 0 of "no child to watch", as flag's is 1.
    assert watch.exit_code == 1
    # A script reading the watch list's JSON learns it too, as flag's says it: not "no
    # child to watch" of a county whose 留守类型 nobody filled in.
    watched = run("watch", path, "--format", "json")
    assert watched.json()["summary"] == {"children": 0, "threshold": 3, "schools": [], "untyped": 3}
    birthdays = run("birthdays", "--month", "3", path)
    assert birthdays.stderr == repeat + note.format(path, "不在任何月份的生日名单上")


def test_parents_unable_to_care_and_no_guardian_is_on_the_watch_list(tmp_path: Path) -> None:
    """父母双方无监护能力 with nobody entrusted (父母外出有无委托其他监护人 无, no 委托监护人):
    nobody looks after the child, and the watch list says so (WCH001) in the form's words,
    as of both parents away with nobody entrusted; validate asks for the guardian's
    details (CON008, as CON001 of both away) and flag lists her to call. Before, no
    command said anything of her. With a guardian entrusted, nothing, as before."""
    nobody = {"委托监护人姓名": None, "受委托监护人电话": None, "与被监护人关系": None}
    rows = [
        reg_row(1, "父母双方无监护能力", 父母外出有无委托其他监护人="无", **nobody),
        reg_row(2, "父母双方同时外出", 父母外出有无委托其他监护人="无", **nobody),
        reg_row(3, "父母双方无监护能力"),
    ]
    form = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    doc = run("watch", form, "--format", "json").json()
    assert [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in doc["classes"]
        for c in g["children"]
    ] == [
        (2, [("WCH001", "父母双方无监护能力，没有委托监护人")]),
        (3, [("WCH001", "父母均外出，没有委托监护人")]),
    ]
    doc, _, _ = validate(form)
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]] == [
        ("CON008", 2, "AB", "父母双方无监护能力，缺少监护人姓名"),
        ("CON008", 2, "AC", "父母双方无监护能力，缺少监护人电话"),
        ("CON008", 2, "AE", "父母双方无监护能力，缺少监护人与儿童关系"),
        ("CON001", 3, "AB", "父母均外出，缺少监护人姓名"),
        ("CON001", 3, "AC", "父母均外出，缺少监护人电话"),
        ("CON001", 3, "AE", "父母均外出，缺少监护人与儿童关系"),
    ]
    flagged = run("flag", form, "--format", "json").json()
    assert [(c["row"], c["missing_text"]) for g in flagged["classes"] for c in g["children"]] == [
        (2, ["监护人姓名", "监护人与儿童关系", "监护人电话"]),
        (3, ["监护人姓名", "监护人与儿童关系", "监护人电话"]),
    ]


def test_parents_at_home_unable_to_care_are_not_asked_which_is_away(tmp_path: Path) -> None:
    """The form's third 实际监护情况, 父母双方无监护能力: both parents at home, neither able
    to look after the child. No parent is away, so lbc validate does not ask which one is
    (VAL004) — in the form, in its export read back, or in a 留守类型 column saying it —
    while the child's guardian, the one who looks after her, is still one to reach (CON008),
    and the parents' phones, at home, are not asked."""
    rows = [
        reg_row(1, "父母双方无监护能力", 父亲当前务工地点=None, 母亲当前务工地点=None),
        reg_row(2, "父母双方无监护能力", 委托监护人姓名=None, 受委托监护人电话=None),
    ]
    rows[1].update(父亲联系电话=None, 母亲联系电话=None)
    form = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    doc, _, _ = validate(form)
    gaps = [("CON008", 3, "AB", "guardian_name"), ("CON008", 3, "AC", "guardian_phone")]
    assert spots(doc["findings"]) == gaps
    export = run("export", form, "--out", tmp_path / "登记表.parquet")
    assert export.exit_code == 0, export.stderr
    doc, _, _ = validate(tmp_path / "登记表.parquet")
    assert spots(doc["findings"]) == gaps
    header = ["姓名", "身份证号", "班级", "留守类型", "监护人姓名", "与儿童关系", "监护人电话"]
    header += ["健康状况", "家庭住址", "性别", "父亲电话"]
    row = ["张雨涵", make_id(dt.date(2016, 5, 1), 102), "三(2)班", "双方无监护能力", "张大爷"]
    row += ["祖父", "13712345678", "健康", "幸福村", "女", "13812345678"]
    doc, _, _ = validate(write_xlsx(tmp_path / "花名册.xlsx", {"Sheet1": [header, row]}))
    assert spots(doc["findings"]) == []


def test_parents_unable_to_care_is_said_in_the_forms_words(tmp_path: Path) -> None:
    """A child of 父母双方无监护能力 is said so where her 留守类型 is shown: the summary's
    按留守类型 and lbc diff's change, not 留守(未注明) (one parent away, unsaid which,
    which she is not). A roster lbc wrote with 留守(未注明) beside the form's 实际监护情况
    reads as the form says."""
    old = [reg_row(1, "父母双方同时外出"), reg_row(2, "父母双方同时外出")]
    new = [reg_row(1, "父母双方无监护能力"), reg_row(2, "父母双方同时外出")]
    write_xlsx(tmp_path / "上学期.xlsx", {"Sheet1": flat(REG_HEADER, old)})
    form = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, new)})
    summary = run("summary", form, "--term", "2024-autumn", "--format", "json").json()
    assert summary["children"]["by_type"] == [
        {"name": "父母均外出", "count": 1},
        {"name": "父母双方无监护能力", "count": 1},
    ]
    # 其中留守儿童: by the State Council's definition (国发〔2016〕13号: both parents away, or
    # one away and the other unable to care), a child whose parents are both at home and
    # unable to care is in the school's care, not left behind.
    assert (summary["children"]["total"], summary["children"]["left_behind"]) == (2, 1)
    doc = run("diff", tmp_path / "上学期.xlsx", form, "--format", "json").json()
    assert [(c["row"], c["changes"]) for c in doc["changed"]] == [
        (
            2,
            [
                {
                    "field": "left_behind_type",
                    "label": "留守类型",
                    "old": "父母均外出",
                    "new": "父母双方无监护能力",
                }
            ],
        )
    ]
    header = ["姓名", "身份证号", "班级", "留守类型", "实际监护情况", "监护人姓名", "与儿童关系"]
    header += ["监护人电话", "健康状况", "家庭住址", "性别"]
    row = ["张雨涵", make_id(dt.date(2016, 5, 1), 102), "三(2)班", "留守(未注明)"]
    row += ["父母双方无监护能力", "张大爷", "祖父", None, "健康", "幸福村", "女"]
    doc, _, _ = validate(write_xlsx(tmp_path / "花名册.xlsx", {"Sheet1": [header, row]}))
    assert spots(doc["findings"]) == [("CON008", 2, "H", "guardian_phone")]
    # 是否留守儿童 coded 0/1 (1: left behind, no more said) beside it, as a 学籍 export with
    # the form's column added: the form's words, not VAL004 asking which parent is away.
    coded = [*header[:3], "是否留守儿童", *header[4:]]
    rows = [coded, [*row[:3], 1, *row[4:]], [*row[:3], 0, None, *row[5:]]]
    rows[2][:2] = ["李明轩", make_id(dt.date(2016, 5, 2), 104)]
    doc, _, _ = validate(write_xlsx(tmp_path / "学籍.xlsx", {"Sheet1": rows}))
    assert spots(doc["findings"]) == [("CON008", 2, "H", "guardian_phone")]


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
SURNAMES += "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
SURNAMES += "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单共本"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SURNAMES),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=2),
)
def test_a_childs_row_is_never_taken_for_the_foot(surname: str, given_name: str) -> None:
    """However a child is named (the rare surnames 单, 共 and 本 too), a row that starts
    with the name and fills the child's cells is a child, never a note or signature line;
    only a name that is itself a total's word (共计) could be."""
    name = surname + given_name
    header = ["姓名", "身份证号", "班级", "留守类型"]
    row = [name, make_id(dt.date(2015, 3, 1), 101), "三(2)班", "父母均外出"]
    table = build_table("t.xlsx", RawSheet("Sheet1", [header, row, row]))
    assert table is not None
    assert table.values["name"] == [name, name] or any(
        name.startswith(w) for w in ("合计", "总计", "小计", "共计", "总人数", "人数合计", "本页")
    )


def test_the_summary_tells_an_unreadable_cell_from_an_empty_one(tmp_path: Path) -> None:
    """A 是否留守儿童 coded 1 and 2 only (its coding untold) is filled in: the summary counts
    those children 无法识别, for the school to look at the cells, and only the empty one 未填."""
    rows = [xj_row(1, 1), xj_row(2, 2), xj_row(3, 2), xj_row(4, None)]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    result = run("summary", "--term", "2024-autumn", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    children = result.json()["children"]
    assert children["by_type"] == [{"name": "无法识别", "count": 3}, {"name": "未填", "count": 1}]
    assert children["by_gender"] == [{"name": "男", "count": 4}]


def test_the_summary_does_not_call_an_unread_guardian_unregistered(tmp_path: Path) -> None:
    """与被监护人关系 written in words lbc does not know is a guardian registered: the
    summary counts it 无法识别 (lbc validate points at the cell, VAL002), an empty one 未登记."""
    rows = [
        reg_row(1, "父母双方同时外出"),
        reg_row(2, "父母双方同时外出", 与被监护人关系="祖孙"),
        reg_row(3, "父母双方同时外出", 与被监护人关系=None),
    ]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    result = run("summary", "--term", "2024-autumn", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    assert result.json()["children"]["by_guardian"] == [
        {"name": "祖辈监护", "count": 1},
        {"name": "未登记", "count": 1},
        {"name": "无法识别", "count": 1},
    ]


@pytest.mark.parametrize("nobody", ["无", "/", "暂无", "无委托监护人"])
def test_a_guardian_named_nobody_is_no_guardian(tmp_path: Path, nobody: str) -> None:
    """Both parents away and 监护人姓名 无 (or /, 暂无): the child has no guardian. lbc watch
    lists it (WCH001, as for an empty cell), lbc flag and lbc validate ask for the name."""
    rows = [
        xj_row(3, "双亲留守儿童"),
        xj_row(4, "双亲留守儿童", 监护人姓名=nobody, 监护人联系电话=None, 关系=None),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, _ = validate(path)
    assert [s for s in spots(doc["findings"]) if s[3] == "guardian_name"] == [
        ("CON001", 3, "AN", "guardian_name")
    ]
    flag = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in flag["classes"] for c in g["children"]] == [
        (3, ["guardian_name", "guardian_relation", "guardian_phone"])
    ]
    assert watched(path) == [(3, ["WCH001"])]


def test_a_support_teacher_named_nobody_is_no_teacher(tmp_path: Path) -> None:
    """帮扶教师 无 or / beside a 学籍 export, no teachers list: the child is not paired. No
    record sheet for a teacher called 无, no 待办 under /, no pair counted in the summary."""
    header = [*XJ_HEADER, "帮扶教师"]
    rows = [
        xj_row(3, "双亲留守儿童", 帮扶教师="王芳"),
        xj_row(4, "双亲留守儿童", 帮扶教师="无"),
        xj_row(2, "双亲留守儿童", 帮扶教师="/"),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(header, rows)})
    sheets = run("record-sheets", "--term", "2024-autumn", path, "--out", tmp_path / "记录表")
    assert sheets.exit_code == 0, sheets.stderr
    assert [p.name for p in (tmp_path / "记录表").iterdir()] == [
        "帮扶记录表_2024年秋季学期_王芳.xlsx"
    ]
    due = run("due", "--as-of", "2024-10-15", path, "--format", "json").json()
    assert [(x["teacher"], [c["child"] for c in x["children"]]) for x in due["teachers"]] == [
        ("王芳", ["黄欣怡"])
    ]
    summary = run("summary", "--term", "2024-autumn", path, "--format", "json").json()
    assert (summary["pairing"]["paired"], summary["pairing"]["unpaired"]) == (
        1,
        [{"class": "四年级(1)班", "names": ["赵俊熙", "杨子墨"]}],
    )


@pytest.mark.parametrize("home", ["无", "/", "在家", "在家务农", "本地", "已故"])
def test_the_parent_at_home_is_told_by_a_work_place_saying_so(tmp_path: Path, home: str) -> None:
    """父母一方外出、另一方无监护能力, the father at work in 广东, the mother's 当前务工地点
    filled as a school fills a cell that does not apply (无, /) or saying she is at home
    (在家, 本地) or has died: the father is the one away, and his phone is missing. lbc flag
    said every contact was there, the watch list and validate did not ask for it."""
    rows = [
        reg_row(1, "父母双方同时外出"),
        reg_row(2, "父母一方外出、另一方无监护能力", 母亲当前务工地点=home, 父亲联系电话=None),
        # Where she is is unknown (不详): which parent is away is still unsaid (VAL004).
        reg_row(3, "父母一方外出、另一方无监护能力", 母亲当前务工地点="不详"),
    ]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    (table,) = load_roster([path]).children
    assert table.values["left_behind_type"] == [
        nz.BOTH_AWAY,
        nz.FATHER_AWAY,
        nz.AWAY_UNSPECIFIED,
    ]
    flag = run("flag", path, "--format", "json")
    assert flag.exit_code == 1
    assert [(c["row"], c["missing"]) for g in flag.json()["classes"] for c in g["children"]] == [
        (3, ["father_phone"])
    ]
    doc, _, _ = validate(path)
    assert spots(doc["findings"]) == [
        ("CON003", 3, "T", "father_phone"),
        ("VAL004", 4, "Z", "left_behind_type"),
    ]
    assert watched(path) == [(3, ["WCH014"])]


@pytest.mark.parametrize("none", ["无残疾", "非残疾人", "0", 0])
def test_a_xueji_export_says_no_disability_in_words(tmp_path: Path, none: Any) -> None:
    """The 学籍 export fills 残疾人类型 for every child: 无残疾 (code 0) for the children who
    are not disabled. Only the child whose cell names a disability (肢体残疾) is disabled:
    on the watch list for it (WCH007), counted under 残疾 in the summary and its export."""
    rows = [
        xj_row(1, "双亲留守儿童", 残疾人类型=none),
        xj_row(2, "双亲留守儿童", 残疾人类型="肢体残疾"),
        xj_row(3, "双亲留守儿童", 残疾人类型=none),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    assert watched(path) == [(3, ["WCH007"])]
    summary = run("summary", "--term", "2024-autumn", path, "--format", "json").json()
    assert summary["children"]["by_category"] == [{"name": "残疾", "count": 1}]
    run("export", path, "--out", tmp_path / "儿童.csv")
    lines = (tmp_path / "儿童.csv").read_text(encoding="utf-8-sig").splitlines()
    at = lines[0].split(",").index("categories")
    children = [line for line in lines[1:] if line.startswith("children,")]
    assert [line.split(",")[at] for line in children] == ["", "残疾", ""]


def test_xueji_health_codes_read_as_the_standard_says(tmp_path: Path) -> None:
    """The 学籍 system may write 健康状况 as GB/T 2261.3's two-digit codes: 10 健康或良好,
    20 一般或较弱, 3x a chronic disease. Read so (the boarder with heart disease, 31, is ill:
    on the watch list); a bare 2 of some school's own coding (残疾? 一般或较弱?) is an error to
    write in words, not text that no report counts and no rule questions."""
    rows = [
        xj_row(1, "双亲留守儿童", 健康状况=10),
        xj_row(2, "双亲留守儿童", 健康状况="20"),
        xj_row(3, "双亲留守儿童", 健康状况=31, 就读方式="住校"),
        xj_row(4, "双亲留守儿童", 健康状况=2),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]] == [
        ("VAL001", 5, "L", "“健康状况”的值无法识别，可填：健康、一般或较弱、慢性病、残疾、患病")
    ]
    assert code == 1
    assert watched(path) == [(4, ["WCH008", "WCH011"])]
    (table,) = load_roster([path]).children
    assert table.values["health"] == ["健康或良好", "一般或较弱", "有慢性病", nz.Bad("2")]


def test_grandparents_together_are_a_guardian_relation(tmp_path: Path) -> None:
    """与被监护人关系 祖父母 or 外祖父母 (both grandparents look after the child, as the
    county's 排查汇总表 counts them), 爷爷奶奶 or 外公外婆, and relatives by their own
    words (伯母, 姨, 兄妹): read, not a VAL002 on each, and counted 祖辈监护 and 亲属监护 in
    the summary, not 无法识别."""
    relations = ["祖父母", "外祖父母", "爷爷奶奶", "外公外婆", "伯母", "姨", "兄妹"]
    born = dt.date(2016, 5, 1)
    rows = [
        reg_row(1, "父母双方同时外出", 与被监护人关系=r, 姓名=f"张{'一二三四五六七'[k]}")
        | {"公民身份证号码": make_id(born, 100 + 2 * k)}
        for k, r in enumerate(relations)
    ]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == ([], 0)
    (table,) = load_roster([path]).children
    assert table.values["guardian_relation"] == [
        "祖父母", "外祖父母", "祖父母", "外祖父母", "亲属", "亲属", "亲属"
    ]  # fmt: skip
    result = run("summary", "--term", "2024-autumn", "--format", "json", path)
    assert result.json()["children"]["by_guardian"] == [
        {"name": "祖辈监护", "count": 4},
        {"name": "亲属监护", "count": 3},
    ]


def test_xueji_attendance_codes_read_as_the_registry_says(tmp_path: Path) -> None:
    """就读方式 names how a child attends: the 学籍 system codes it 1 走读, 2 住校. A 1 there
    is a day pupil, not the 是 a 1 says in a 是否寄宿 column: no day pupil counted as
    boarding (WCH011 on the watch list, 寄宿 in the county table), no boarder an error."""
    codes = ((1, 1), (2, "2"), (3, "１"), (4, 2.0))
    rows = [xj_row(n, "双亲留守儿童", 就读方式=c) for n, c in codes]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == ([], 0)
    (table,) = load_roster([path]).children
    assert table.values["boarding"] == ["否", "是", "否", "是"]
    columns = run("columns", path, "--format", "json").json()
    (entry,) = [c for c in columns["files"][0]["sheets"][0]["columns"] if c["field"] == "boarding"]
    assert entry["coding"] == "attendance"
    assert "代码按 1=走读、2=住校读" in run("columns", path).stdout
    # A 是否寄宿 column's 1 is still 是.
    rows = [xj_row(n, "双亲留守儿童", 是否寄宿=c) for n, c in ((1, 1), (2, 0))]
    header = [h if h != "就读方式" else "是否寄宿" for h in XJ_HEADER]
    path = write_xlsx(tmp_path / "寄宿.xlsx", {"学生基本信息": flat(header, rows)})
    (table,) = load_roster([path]).children
    assert table.values["boarding"] == ["是", "否"]


def test_a_parents_number_written_to_be_dialled_from_abroad(tmp_path: Path) -> None:
    """A father's 联系电话 as written down to call from abroad (0086 138 1234 5678), one
    with +86, one with 86: each is his mobile, no PHN001, nobody on lbc flag's list."""
    rows = [
        reg_row(1, "父母双方同时外出", 父亲联系电话="0086 138 1234 5678"),
        reg_row(2, "父母双方同时外出", 父亲联系电话="+86 138-1234-5678"),
        reg_row(3, "父母双方同时外出", 父亲联系电话="8613812345678"),
    ]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == ([], 0)
    (table,) = load_roster([path]).children
    assert table.values["father_phone"] == ["13812345678"] * 3
    assert run("flag", path).exit_code == 0


def write_ticked_form(path: Path, ticks: list[dict[str, str]]) -> Path:
    """A registration form printed with its choices as columns to tick (在相应栏内打√):
    实际监护情况, 身体情况 and 是否学校寄宿 each a group over its values."""
    choices = {
        "实际监护情况": [
            "父母双方同时外出",
            "父母一方外出、另一方无监护能力",
            "父母双方无监护能力",
        ],
        "身体情况": ["健康", "残疾", "患病"],
        "是否学校寄宿": ["是", "否"],
    }
    own = ["序号", "姓名", "性别", "公民身份证号码", "班级", "现居住地"]
    own += ["委托监护人姓名", "受委托监护人电话", "与被监护人关系", "父亲联系电话", "母亲联系电话"]
    wb = Workbook()
    ws = wb.active
    ws.append(["农村留守儿童基本情况登记表"])
    top = own + [g if k == 0 else None for g, vs in choices.items() for k in range(len(vs))]
    ws.append(top)
    ws.append([None] * len(own) + [v for vs in choices.values() for v in vs])
    for j in range(1, len(own) + 1):
        ws.merge_cells(start_row=2, start_column=j, end_row=3, end_column=j)
    j = len(own) + 1
    for values in choices.values():
        ws.merge_cells(start_row=2, start_column=j, end_row=2, end_column=j + len(values) - 1)
        j += len(values)
    for n, ticked in enumerate(ticks, start=1):
        born = dt.date(2016, 5, n)
        row = [n, ["张雨涵", "李明轩", "王梓萱"][n - 1], "女", make_id(born, 100 + 2 * n)]
        row += ["三(2)班", "幸福村", "张大爷", "13712345678", "祖父", "13812345678", "13912345678"]
        for group, values in choices.items():
            row += ["√" if ticked.get(group) in (v, "两个") else None for v in values]
        ws.append(row)
    wb.save(path)
    return path


def test_a_form_of_columns_to_tick(tmp_path: Path) -> None:
    """Each child's ticked column is what the form says: 实际监护情况 of child 2 is 父母一方
    外出 (the father, by the only work place … none here: unsaid which, VAL004), child 3 is
    ill and boards. Not a √ unreadable in the group's first column and the ticks in the
    others read past, nor a child with its tick elsewhere called 未填写; two ticks where one
    is asked are an error naming both."""
    ticks = [
        {"实际监护情况": "父母双方同时外出", "身体情况": "健康", "是否学校寄宿": "否"},
        {
            "实际监护情况": "父母一方外出、另一方无监护能力",
            "身体情况": "健康",
            "是否学校寄宿": "否",
        },
        {"实际监护情况": "父母双方同时外出", "身体情况": "患病", "是否学校寄宿": "两个"},
    ]
    path = write_ticked_form(tmp_path / "登记表.xlsx", ticks)
    doc, stderr, code = validate(path)
    assert [(f["code"], f["row"], f["column"], f["value"]) for f in doc["findings"]] == [
        ("VAL004", 5, "L", "父母一方外出、另一方无监护能力"),
        ("VAL001", 6, "R", "是、否"),
    ]
    assert (code, stderr) == (1, "")
    (table,) = load_roster([path]).children
    both, one = "父母双方外出", "一方外出另一方无监护能力"
    assert table.values["care_situation"] == [both, one, both]
    assert table.values["left_behind_type"] == [nz.BOTH_AWAY, nz.AWAY_UNSPECIFIED, nz.BOTH_AWAY]
    assert table.values["health"] == ["健康", "健康", "患病"]
    columns = run("columns", path, "--format", "json").json()
    (sheet,) = columns["files"][0]["sheets"]
    assert [(c["column"], c["field"], c["option"]) for c in sheet["columns"][-9:]] == [
        ("L", "care_situation", "父母双方同时外出"),
        ("L", "left_behind_type", "父母双方同时外出"),
        ("M", "care_situation", "父母一方外出、另一方无监护能力"),
        ("N", "care_situation", "父母双方无监护能力"),
        ("O", "health", "健康"),
        ("P", "health", "残疾"),
        ("Q", "health", "患病"),
        ("R", "boarding", "是"),
        ("S", "boarding", "否"),
    ]
    assert [c["column"] for c in sheet["ignored"]] == ["A"]  # 序号
    assert sheet["header_rows"] == [2, 3]
    assert "打√选“患病”的一列" in run("columns", path).stdout


def test_a_teachers_list_of_columns_to_tick(tmp_path: Path) -> None:
    """A teachers list's 是否党员 over 是 and 否 and 在岗 over 是 and 否, each a group to tick:
    its lower header row was a teacher with no name (REQ001, TCH001) and only the groups'
    first columns were read. The header is two rows, and each teacher's ticks are read."""
    wb = Workbook()
    wb.active.title = "花名册"
    wb.active.append(["姓名", "身份证号", "班级"])
    wb.active.append(["张雨涵", make_id(dt.date(2016, 5, 1), 102), "三年级(2)班"])
    ws = wb.create_sheet("教师名单")
    ws.append(["序号", "姓名", "联系电话", "任教班级", "是否党员", None, "在岗", None])
    ws.append([None, None, None, None, "是", "否", "是", "否"])
    ws.append([1, "王芳", "13800000001", "三年级(2)班", "√", None, "√", None])
    ws.append([2, "李强", "13800000002", "三年级(1)班", None, "√", None, "√"])
    for column in "ABCD":
        ws.merge_cells(f"{column}1:{column}2")
    ws.merge_cells("E1:F1")
    ws.merge_cells("G1:H1")
    wb.save(tmp_path / "教师.xlsx")
    (table,) = load_roster([tmp_path / "教师.xlsx"]).teachers
    assert table.rows == [3, 4]
    assert table.values["party_member"] == ["是", "否"]
    assert table.values["active"] == ["是", "否"]
    doc, _, _ = validate(tmp_path / "教师.xlsx")
    assert [f["code"] for f in doc["findings"] if f["sheet"] == "教师名单"] == []


def test_a_grade_named_within_its_school_level(tmp_path: Path) -> None:
    """年级 as a 学籍 export or a nine-year school writes it, 小学四年级 and 初中一年级 (七年级),
    and a class written so: each child in its class, not a CLS001 and 班级不明 in every
    count."""
    rows = [
        xj_row(1, "双亲留守儿童", 年级="小学四年级", 班级="1班"),
        xj_row(2, "双亲留守儿童", 年级="初中一年级", 班级="2班"),
        xj_row(3, "双亲留守儿童", 年级=None, 班级="初中一年级(2)班"),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == ([], 0)
    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["children"]["by_class"] == [
        {"name": "四年级(1)班", "count": 1},
        {"name": "七年级(2)班", "count": 2},
    ]


def test_relief_a_child_does_not_receive_is_no_category(tmp_path: Path) -> None:
    """救助帮扶情况 says what is not received too (未享受低保, 非建档立卡户): those children
    are not 低保 or 建档立卡 in the summary or the export; 临时救助 beside it still counts."""
    rows = [
        reg_row(1, "父母双方同时外出", 救助帮扶情况="未享受低保"),
        reg_row(2, "父母双方同时外出", 救助帮扶情况="非建档立卡户、临时救助"),
        reg_row(3, "父母双方同时外出", 救助帮扶情况="享受低保、医疗救助"),
    ]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(REG_HEADER, rows)})
    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["children"]["by_category"] == [{"name": "低保", "count": 1}]
    (table,) = load_roster([path]).children
    assert table.values["categories"] == [(), (), ("低保",)]
    # The county's table, with a second school beside it (of one child, 临时救助 too).
    row = reg_row(4, "父母双方同时外出", 救助帮扶情况="无低保，临时救助")
    other = write_xlsx(tmp_path / "二校.xlsx", {"Sheet1": flat(REG_HEADER, [row])})
    county = run("summary", "--term", "2024-autumn", "--format", "json", path, other).json()
    table_ = county["county_table"]
    relief = [k for k, c in enumerate(table_["columns"]) if c["group"] == "救助措施"]
    assert [
        {table_["columns"][k]["name"]: row["counts"][k] for k in relief if row["counts"][k]}
        for row in table_["rows"]
    ] == [
        {"最低生活保障": 1, "临时救助": 1, "医疗救助": 1},
        {"临时救助": 1},
        {"最低生活保障": 1, "临时救助": 2, "医疗救助": 1},
    ]


def test_the_watch_list_names_the_illness_the_form_gives(tmp_path: Path) -> None:
    """身体情况 患病 and 患病类型 哮喘: lbc watch says 患病：哮喘, pointing at the 患病类型
    cell, not 患病：患病."""
    header = [*REG_HEADER, "患病类型"]
    rows = [reg_row(1, "父母双方同时外出", 身体情况="患病", 是否学校寄宿="是", 患病类型="哮喘")]
    path = write_xlsx(tmp_path / "登记表.xlsx", {"Sheet1": flat(header, rows)})
    doc = run("watch", path, "--format", "json").json()
    ((child,),) = [g["children"] for g in doc["classes"]]
    assert [(r["code"], r["column"], r["message"]) for r in child["reasons"][:1]] == [
        ("WCH008", "AJ", "患病：哮喘")
    ]


def test_a_form_with_groups_over_groups(tmp_path: Path) -> None:
    """A county's print of the form with three header rows: 家庭成员情况 over 父亲 and
    母亲, each over 姓名 / 联系电话 / 当前务工地点; 委托监护人 merged down over two rows
    above its own; the child's columns merged down over all three. Every column is read
    as the form says, and the row of attributes is no child."""
    own = ["序号", "姓名", "性别", "公民身份证号码", "班级", "身体情况", "现居住地"]
    own.append("实际监护情况")
    n = len(own)
    wb = Workbook()
    ws = wb.active
    ws.append(["农村留守儿童基本情况登记表"])
    ws.append([*own, "家庭成员情况", *[None] * 5, "委托监护人", None, None])
    ws.append([*[None] * n, "父亲", None, None, "母亲", None, None, None, None, None])
    ws.append([*[None] * n, *["姓名", "联系电话", "当前务工地点"] * 2, "姓名", "电话", "关系"])
    for j in range(1, n + 1):
        ws.merge_cells(start_row=2, start_column=j, end_row=4, end_column=j)
    for r1, c1, r2, c2 in ((2, n + 1, 2, n + 6), (3, n + 1, 3, n + 3), (3, n + 4, 3, n + 6)):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    ws.merge_cells(start_row=2, start_column=n + 7, end_row=3, end_column=n + 9)
    for k, mother_phone in enumerate(("13912345678", None), start=1):
        born = dt.date(2016, 5, k)
        row = [k, ["张雨涵", "李明轩"][k - 1], "女", make_id(born, 100 + 2 * k), "三(2)班"]
        row += ["健康", "幸福村", "父母双方同时外出", "张大山", "13812345678", "广东省深圳市"]
        row += ["李秀英", mother_phone, "浙江省杭州市", "张大爷", "13712345678", "祖父"]
        ws.append(row)
    wb.save(tmp_path / "登记表.xlsx")
    doc, stderr, code = validate(tmp_path / "登记表.xlsx")
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["header_rows"] == [2, 3, 4]
    assert sheet["columns"] == {
        "name": "B", "gender": "C", "id_number": "D", "class": "E", "health": "F",
        "home_address": "G", "care_situation": "H", "left_behind_type": "H",
        "father_name": "I", "father_phone": "J", "father_work_place": "K",
        "mother_name": "L", "mother_phone": "M", "mother_work_place": "N",
        "guardian_name": "O", "guardian_phone": "P", "guardian_relation": "Q",
    }  # fmt: skip
    assert (sheet["unknown_columns"], doc["summary"]["children"]) == ([], 2)
    assert (spots(doc["findings"]), code, stderr) == ([], 0, "")


def test_xueji_residence_permits_are_ids(tmp_path: Path) -> None:
    """A 港澳台居民居住证 number (810000 Hong Kong, 820000 Macau, 830000 Taiwan) is an ID
    of the same pattern: no unknown area code, whatever year the holder was born; its check
    digit is still checked (child 4)."""
    permits = [
        make_id(dt.date(2015, 3, n), 101 + 2 * n, region=r)
        for n, r in ((1, "810000"), (2, "820000"), (3, "830000"), (4, "830000"))
    ]
    permits[3] = permits[3][:-1] + ("0" if permits[3][-1] != "0" else "1")
    rows = [
        xj_row(n, "双亲留守儿童", 身份证件类型="港澳台居民居住证", 身份证件号=permit)
        for n, permit in enumerate(permits, 1)
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert spots(doc["findings"]) == [("ID002", 5, "I", "id_number")]
    assert code == 1


def test_xueji_numbers_of_other_documents_are_no_ids(tmp_path: Path) -> None:
    """A child whose 身份证件类型 is a passport, a 通行证 or a permanent residence card has
    a number of another shape, 18 digits or not: no finding about it, nor about a birth
    date or sex it is not read for; two children of one number are still one too many
    (DUP001). An unreadable 身份证件类型 is VAL001 and its number is checked as an ID's
    (child 5); a 证件类型 as schools write the header reads the same."""
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="护照", 身份证件号="E12345678"),
        xj_row(2, "双亲留守儿童", 身份证件类型="台湾居民来往大陆通行证", 身份证件号="08123456"),
        xj_row(3, "双亲留守儿童", 身份证件类型="护照", 身份证件号="E12345678"),
        xj_row(4, "双亲留守儿童", 身份证件类型="中华人民共和国居民身份证"),
        xj_row(1, "双亲留守儿童", 姓名="刘一鸣", 身份证件类型="身份正", 身份证件号="E7654321"),
        # A permanent residence card of 18 digits: no area code or birth date of an ID.
        xj_row(
            2,
            "双亲留守儿童",
            姓名="李安娜",
            身份证件类型="境外永久居住证",
            身份证件号=make_id(dt.date(2014, 1, 1), 102, region="931560"),
        ),
    ]
    for header in (XJ_HEADER, [h.replace("身份证件类型", "证件类型") for h in XJ_HEADER]):
        for row in rows:
            row[header[7]] = row.pop("身份证件类型", None) or row.pop("证件类型")
        path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(header, rows)})
        doc, _, code = validate(path)
        assert spots(doc["findings"]) == [
            ("DUP001", 4, "I", "id_number"),
            ("VAL001", 6, "H", "id_kind"),
            ("ID001", 6, "I", "id_number"),
        ]
        assert doc["findings"][1]["message"] == (
            f"“{header[7]}”的值无法识别，可填：" + "、".join(nz.ID_KINDS)
        )
        assert code == 1


def test_xueji_id_kind_whose_code_names_another_kind_is_said(tmp_path: Path) -> None:
    """A 身份证件类型 whose code names another kind than its name in the standard's list
    (9 is 境外永久居住证, 3 士兵证) says two things: VAL001, for the school to say which, and
    its number checked as an ID's (the permit's 9 characters, ID001). A code naming its
    own kind (9-境外永久居住证, 8-台湾居民来往大陆通行证) is read by its name."""
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="9-港澳居民来往内地通行证", 身份证件号="H22345678"),
        xj_row(2, "双亲留守儿童", 身份证件类型="3-居民身份证"),
        xj_row(
            3,
            "双亲留守儿童",
            身份证件类型="9-境外永久居住证",
            身份证件号=make_id(dt.date(2014, 1, 1), 102, region="931560"),
        ),
        xj_row(4, "双亲留守儿童", 身份证件类型="8-台湾居民来往大陆通行证", 身份证件号="08123456"),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    unread = "“身份证件类型”的值无法识别，可填：" + "、".join(nz.ID_KINDS)
    assert ([(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]], code) == (
        [
            ("VAL001", 2, "H", unread),
            ("ID001", 2, "I", "身份证号应为18位（17位数字加1位校验码）"),
            ("VAL001", 3, "H", unread),
        ],
        1,
    )


def test_xueji_permits_by_the_names_schools_call_them_are_read(tmp_path: Path) -> None:
    """回乡证 is what schools call the 港澳居民来往内地通行证, and 港澳通行证 the mainland
    residents' 往来港澳通行证: each read as that permit, no VAL001, and its number of 9
    characters no ID number said to be short (ID001). An ID number under one is the
    child's ID under the wrong kind (ID010, a warning), as under any permit."""
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="回乡证", 身份证件号="H12345679"),
        xj_row(2, "双亲留守儿童", 身份证件类型="港澳通行证", 身份证件号="C12345678"),
        xj_row(3, "双亲留守儿童", 身份证件类型="往来港澳通行证", 身份证件号="C12345679"),
        xj_row(
            4,
            "双亲留守儿童",
            出生日期=dt.date(2015, 3, 9),
            身份证件类型="港澳通行证",
            身份证件号=make_id(dt.date(2015, 3, 9), 107),
        ),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert ([(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]], code) == (
        [
            (
                "ID010",
                5,
                "H",
                "“身份证件类型”填的是“往来港澳通行证”，证件号却像身份证号；往来港澳通行证的号码"
                "不是 18 位，号码确是孩子的居民身份证号码的，请把“身份证件类型”改为“居民身份证”",
            )
        ],
        0,
    )


def test_xueji_household_register_is_read_as_the_childs_id_card(tmp_path: Path) -> None:
    """The household register (户口簿, the standard's B; 户口本 as schools say it) prints
    the child's own 公民身份号码: read as 居民身份证, no VAL001, its number held to the same
    checks (黄欣怡's check digit, ID002), and a booklet's 户号 in its place is no ID
    number (赵俊熙's, ID001)."""
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="户口簿"),
        xj_row(2, "双亲留守儿童", 身份证件类型="B-户口簿"),
        xj_row(3, "双亲留守儿童", 身份证件类型="户口本"),
        xj_row(4, "双亲留守儿童", 身份证件类型="户口簿", 身份证件号="510100123"),
    ]
    right = rows[2]["身份证件号"]
    rows[2]["身份证件号"] = right[:-1] + ("0" if right[-1] != "0" else "1")
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert ([(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]], code) == (
        [
            ("ID002", 4, "I", "身份证号校验位错误"),
            ("ID001", 5, "I", "身份证号应为18位（17位数字加1位校验码）"),
        ],
        1,
    )


def test_xueji_military_and_residence_cards_are_read(tmp_path: Path) -> None:
    """The 学籍 standard's 军官证 and 士兵证 are documents of their own, no ID: their number
    gives no birth date or sex (陈思彤's would be a girl born 2015-03-09, on March's
    birthday list): her empty 出生日期 is asked for (REQ001). One of the ID's pattern, as
    hers is, is said to look like an ID number (ID010) and checked as one (ID007: the
    number is a girl's). 港澳居民居住证
    and 台湾居民居住证, the two cards 港澳台居民居住证 names, hold ID numbers: checked as
    one (赵俊熙's check digit, ID002) and read for a birthday (黄欣怡's). 外国人永久居留身份证
    is the standard's 境外永久居住证: no ID. None of them is VAL001."""
    permit = make_id(dt.date(2015, 3, 4), 109, region="830000")
    rows = [
        xj_row(
            1,
            "双亲留守儿童",
            出生日期=None,
            身份证件类型="军官证",
            身份证件号=make_id(dt.date(2015, 3, 9), 102),
        ),
        xj_row(2, "双亲留守儿童", 身份证件类型="士兵证", 身份证件号="士字第12345678号"),
        xj_row(
            3,
            "双亲留守儿童",
            出生日期=None,
            身份证件类型="港澳居民居住证",
            身份证件号=make_id(dt.date(2015, 3, 3), 107, region="810000"),
        ),
        xj_row(
            4,
            "双亲留守儿童",
            身份证件类型="台湾居民居住证",
            身份证件号=permit[:-1] + ("0" if permit[-1] != "0" else "1"),
        ),
        xj_row(
            1,
            "双亲留守儿童",
            姓名="李安娜",
            身份证件类型="外国人永久居留身份证",
            身份证件号=make_id(dt.date(2014, 1, 1), 102, region="931560"),
        ),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == (
        [
            ("ID007", 2, "B", "gender"),
            ("REQ001", 2, "C", "birth_date"),
            ("ID010", 2, "H", "id_kind"),
            ("ID002", 5, "I", "id_number"),
        ],
        1,
    )
    result = run("birthdays", path.name, "--month", "3", "-f", "json", cwd=tmp_path)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        0,
        "提示：1 名留守儿童的出生日期未填或无法识别，身份证号也看不出"
        "（首个在 学籍.xlsx 的“学生基本信息”第 2 行），不在任何月份的生日名单上；"
        "请按 lbc validate 所指改正",
    )
    listed = [
        (c["name"], c["birth_date"], c["row"])
        for g in result.json()["classes"]
        for c in g["children"]
    ]
    assert listed == [
        ("李安娜", "2015-03-01", 6),
        ("杨子墨", "2015-03-02", 3),
        ("黄欣怡", "2015-03-03", 4),
        ("赵俊熙", "2015-03-04", 5),
    ]


def test_xueji_military_card_of_an_id_number_is_said(tmp_path: Path) -> None:
    """A child holds no military card, and 军官证 is the dropdown's pick right after
    居民身份证: a number of the ID's pattern under one (a real birth date after a region code
    in use, or its check digit right) is said to look like an ID number (ID010) and is
    checked as one, a wrong check digit (ID002), birth date (ID006) and sex (ID007) and
    all; a 港澳台居民居住证's number is asked to be one. A military card's own number, and
    18 digits of no ID's pattern, are checked for nothing. No birth date is read from the
    number until the kind is put right: 陈思彤, born 2015-03-01, is on March's birthday list
    by her 出生日期, not on September's by her number."""
    good = make_id(dt.date(2015, 9, 9), 102)
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    permit = make_id(dt.date(2015, 3, 2), 103, region="810000")
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="军官证", 身份证件号=wrong),
        xj_row(2, "双亲留守儿童", 身份证件类型="部队离退休证", 身份证件号=permit),
        xj_row(3, "双亲留守儿童", 身份证件类型="士兵证", 身份证件号="士字第12345678号"),
        xj_row(4, "双亲留守儿童", 身份证件类型="文职干部证", 身份证件号="000000201513401234"),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == (
        [
            ("ID007", 2, "B", "gender"),
            ("ID006", 2, "C", "birth_date"),
            ("ID010", 2, "H", "id_kind"),
            ("ID002", 2, "I", "id_number"),
            ("ID010", 3, "H", "id_kind"),
        ],
        1,
    )
    said = [f["message"] for f in doc["findings"] if f["code"] == "ID010"]
    assert said == [
        "“身份证件类型”填的是“军官证”，证件号却像身份证号；孩子一般不会有军官证，"
        "号码确是孩子的居民身份证号码的，请把“身份证件类型”改为“居民身份证”",
        "“身份证件类型”填的是“部队离退休证”，证件号却像身份证号；孩子一般不会有部队离退休证，"
        "号码确是孩子的港澳台居民居住证号码的，请把“身份证件类型”改为“港澳台居民居住证”",
    ]
    for month, listed in (("3", ["陈思彤", "杨子墨", "黄欣怡", "赵俊熙"]), ("9", [])):
        result = run("birthdays", path.name, "--month", month, "-f", "json", cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
        classes = result.json()["classes"]
        assert [c["name"] for g in classes for c in g["children"]] == listed


def test_xueji_passport_or_permit_of_an_id_number_is_said(tmp_path: Path) -> None:
    """A passport's or a permit's number is of 8 to 11 characters: 18 digits of the ID's
    pattern under 护照, 港澳居民来往内地通行证 or 台湾居民来往大陆通行证 are the child's ID
    number under the wrong kind, said as under a military card's (ID010), the kind to set
    told by the area code. A passport's own number is checked for nothing, nor is a
    境外永久居住证's of 18 digits (its card of 2023 has the ID's pattern)."""
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="护照"),
        xj_row(2, "双亲留守儿童", 身份证件类型="港澳居民来往内地通行证"),
        xj_row(
            3,
            "双亲留守儿童",
            身份证件类型="台湾居民来往大陆通行证",
            身份证件号=make_id(dt.date(2015, 3, 3), 105, region="830000"),
        ),
        xj_row(4, "双亲留守儿童", 身份证件类型="护照", 身份证件号="E12345678"),
        xj_row(
            1,
            "双亲留守儿童",
            姓名="李安娜",
            身份证件类型="境外永久居住证",
            身份证件号=make_id(dt.date(2014, 1, 1), 102, region="931560"),
        ),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert (spots(doc["findings"]), code) == (
        [("ID010", 2, "H", "id_kind"), ("ID010", 3, "H", "id_kind"), ("ID010", 4, "H", "id_kind")],
        0,
    )
    assert [f["message"] for f in doc["findings"]] == [
        "“身份证件类型”填的是“护照”，证件号却像身份证号；护照的号码不是 18 位，"
        "号码确是孩子的居民身份证号码的，请把“身份证件类型”改为“居民身份证”",
        "“身份证件类型”填的是“港澳居民来往内地通行证”，证件号却像身份证号；"
        "港澳居民来往内地通行证的号码不是 18 位，"
        "号码确是孩子的居民身份证号码的，请把“身份证件类型”改为“居民身份证”",
        "“身份证件类型”填的是“台湾居民来往大陆通行证”，证件号却像身份证号；"
        "台湾居民来往大陆通行证的号码不是 18 位，"
        "号码确是孩子的港澳台居民居住证号码的，请把“身份证件类型”改为“港澳台居民居住证”",
    ]
    english = run("--lang", "en", "validate", path, "--format", "json").json()
    assert english["findings"][0]["message"] == (
        "'身份证件类型' says 护照, yet the number looks like an ID number; a 护照's number is"
        " not 18 characters long: if it is the child's 居民身份证 number, set '身份证件类型'"
        " to 居民身份证"
    )


def test_xueji_id_kinds_written_with_their_codes(tmp_path: Path) -> None:
    """An export writes a 身份证件类型 as code and name (1-居民身份证, A-护照, Z：其他, with a
    colon, a space or nothing between): read as the name, so a passport's number is no ID
    number. A code alone names no document lbc knows of: VAL001, its number checked as an
    ID's."""
    rows = [
        xj_row(1, "双亲留守儿童", 身份证件类型="1-居民身份证"),
        xj_row(2, "双亲留守儿童", 身份证件类型="A-护照", 身份证件号="E12345679"),
        xj_row(3, "双亲留守儿童", 身份证件类型="Z：其他", 身份证件号="E7654320"),
        xj_row(4, "双亲留守儿童", 身份证件类型="1居民身份证"),
        xj_row(
            1,
            "双亲留守儿童",
            姓名="刘一鸣",
            身份证件类型="1 居民身份证",
            身份证件号=make_id(dt.date(2015, 3, 1), 121),
        ),
        xj_row(2, "双亲留守儿童", 姓名="李安娜", 身份证件类型="A: 护照", 身份证件号="E7654321"),
        xj_row(3, "双亲留守儿童", 姓名="王小明", 身份证件类型="1", 身份证件号="E7654322"),
        xj_row(4, "双亲留守儿童", 姓名="张小红", 身份证件类型="A", 身份证件号="E7654323"),
    ]
    path = write_xlsx(tmp_path / "学籍.xlsx", {"学生基本信息": flat(XJ_HEADER, rows)})
    doc, _, code = validate(path)
    assert spots(doc["findings"]) == [
        ("VAL001", 8, "H", "id_kind"),
        ("ID001", 8, "I", "id_number"),
        ("VAL001", 9, "H", "id_kind"),
        ("ID001", 9, "I", "id_number"),
    ]
    assert [f["message"] for f in doc["findings"][::2]] == 2 * [
        "“身份证件类型”的值无法识别，可填：" + "、".join(nz.ID_KINDS)
    ]
    assert code == 1


def test_a_left_behind_type_beside_the_xueji_yes_or_no_is_read(tmp_path: Path) -> None:
    """The 学籍 export's 是否留守儿童 (是 / 否) with the school's 留守类型 added after it:
    the 留守类型 says whose parents are away, and is read. Both children's parents are
    away and no guardian is given: lbc asks for the guardian (CON001) and, of 张二 whose
    是否 cell says 否, the parents' phones (CON002). Read first, the 是否 column left
    them a child of one parent away (VAL004) and a child not left behind, said all
    reachable."""
    header = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "是否留守儿童",
              "留守类型", "父亲电话", "父亲务工地点", "母亲电话", "母亲务工地点", "监护人姓名",
              "与儿童关系", "监护人电话"]  # fmt: skip
    away = ["广东省东莞市", None, "广东省东莞市"]
    rows = [
        [NAMES[0], "女", make_id(dt.date(2015, 3, 4), 102), "三年级(1)班", "健康", "青山村", "是",
         "父母均外出", "13800000001", away[0], "13800000002", away[2], None, None, None],
        [NAMES[1], "男", make_id(dt.date(2015, 3, 4), 103), "三年级(1)班", "健康", "青山村", "否",
         "父母均外出", None, away[0], None, away[2], None, None, None],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    found = run("validate", path, "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["column"] + str(f["row"]), f["code"]) for f in found] == [
        ("M2", "CON001"),
        ("N2", "CON001"),
        ("O2", "CON001"),
        ("I3", "CON002"),
        ("M3", "CON001"),
        ("N3", "CON001"),
        ("O3", "CON001"),
    ]
    (read,) = run("columns", path, "--format", "json", cwd=tmp_path).json()["files"]
    (sheet,) = read["sheets"]
    assert sheet["columns"][6]["column"] == "H"
    assert sheet["columns"][6]["field"] == "left_behind_type"
    assert [(c["column"], c["why"]) for c in sheet["ignored"]] == [("G", "says_less")]


XUEJI_NOTE = (
    "提示：r.xlsx 的“花名册”另有写明哪一方外出的留守类型列，读那一列，"
    "那一列空着的行才读这一列：是否留守儿童(G)\n"
)


def test_a_left_behind_type_added_but_mostly_empty_leaves_the_rest_to_the_yes_or_no(
    tmp_path: Path,
) -> None:
    """The school added 留守类型 after 是否留守儿童 and filled it for one child of three:
    that child's is read, and the other two are 是 (which parent is away unsaid, VAL004 at
    the empty 留守类型 cell to fill, not at the 是, which answers its own question). Read
    alone, the 留守类型 left two children of no type, their contacts judged by no rule;
    the 是否 column alone left 张雨涵's both parents away unsaid."""
    header = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "是否留守儿童",
              "留守类型", "父亲电话", "母亲电话", "监护人姓名", "与儿童关系",
              "监护人电话"]  # fmt: skip
    rows = [
        [NAMES[n], "女", make_id(dt.date(2015, 3, 4), 102 + 2 * n), "三年级(1)班", "健康",
         "青山村", "是", "父母均外出" if n == 0 else None, "13800000001", "13900000002",
         "张大爷", "祖父", "13700000003"]
        for n in range(3)
    ]  # fmt: skip
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    result = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["column"], f["row"]) for f in result.json()["findings"]]
    assert found == [("VAL004", "H", row) for row in (3, 4)]  # which parent: unsaid
    assert result.stderr == XUEJI_NOTE


def test_a_left_behind_type_filled_on_the_yes_rows_only_is_read(tmp_path: Path) -> None:
    """The usual practice: 是否留守儿童 on every row, the school's 留守类型 after it on the
    是 rows only. Its 父母均外出 is read, so flag lists the two children whose parents are
    both away and who have no guardian (赵子轩 none at all; 张雨涵 a guardian without a
    phone), and the 否 rows, 留守类型 empty, are children not left behind (no REQ001).
    Read as the 是否 column, the two were of one parent away unsaid, and flag said every
    child reachable. So too with 是否留守儿童 after 留守类型."""
    header = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "是否留守儿童",
              "留守类型", "父亲电话", "母亲电话", "监护人姓名", "与儿童关系",
              "监护人电话"]  # fmt: skip
    rows = [
        [NAMES[0], "女", make_id(dt.date(2015, 3, 4), 102), "三年级(1)班", "健康", "青山村",
         "是", "父母均外出", "13800000001", "13900000002", "张大爷", "祖父", None],
        [NAMES[1], "男", make_id(dt.date(2015, 3, 4), 105), "三年级(1)班", "健康", "青山村",
         "否", None, "13800000011", "13900000012", None, None, None],
        [NAMES[2], "女", make_id(dt.date(2015, 3, 4), 106), "三年级(1)班", "健康", "青山村",
         "否", None, "13800000021", "13900000022", None, None, None],
        [NAMES[3], "女", make_id(dt.date(2015, 3, 4), 108), "三年级(1)班", "健康", "青山村",
         "是", "父母均外出", "13800000031", "13900000032", None, None, None],
    ]  # fmt: skip
    swapped = [[*r[:6], r[7], r[6], *r[8:]] for r in [header, *rows]]
    for order, sheet in (("G", [header, *rows]), ("H", swapped)):
        write_xlsx(tmp_path / "r.xlsx", {"花名册": sheet})
        flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path).json()
        listed = [(c["name"], c["missing"]) for x in flag["classes"] for c in x["children"]]
        assert listed == [
            (NAMES[0], ["guardian_phone"]),
            (NAMES[3], ["guardian_name", "guardian_relation", "guardian_phone"]),
        ]
        result = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path)
        found = [(f["code"], f["column"], f["row"]) for f in result.json()["findings"]]
        assert found == [
            ("CON001", "M", 2),
            ("CON001", "K", 5),
            ("CON001", "L", 5),
            ("CON001", "M", 5),
        ]
        (read,) = run("columns", "r.xlsx", "--format", "json", cwd=tmp_path).json()["files"]
        (sheet_read,) = read["sheets"]
        assert [(c["column"], c["why"]) for c in sheet_read["ignored"]] == [(order, "says_less")]


def test_a_yes_or_no_read_where_left_behind_type_is_empty_is_pointed_at(tmp_path: Path) -> None:
    """A 是否留守儿童 cell read where the 留守类型 beside it is empty is the cell a finding
    about it points at: 待核实 is no answer (VAL001 at G3, not at the empty H3)."""
    header = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "是否留守儿童",
              "留守类型", "父亲电话", "母亲电话", "监护人姓名", "与儿童关系",
              "监护人电话"]  # fmt: skip
    rows = [
        [NAMES[n], "女", make_id(dt.date(2015, 3, 4), 102 + 2 * n), "三年级(1)班", "健康",
         "青山村", said, kind, "13800000001", "13900000002", "张大爷", "祖父", "13700000003"]
        for n, (said, kind) in enumerate([("是", "父母均外出"), ("待核实", None)])
    ]  # fmt: skip
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    result = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["column"], f["row"], f["value"]) for f in result.json()["findings"]]
    assert found == [("VAL001", "G", 3, "待核实")]
    # What may be written there is the 是否 column's 是 or 否, not a 留守类型.
    (finding,) = result.json()["findings"]
    assert finding["message"] == "“是否留守儿童”的值无法识别，可填：是、否"


def test_a_coded_yes_or_no_beside_left_behind_type_keeps_its_coding(tmp_path: Path) -> None:
    """The 学籍 export's 是否留守儿童 in its codes (1 非留守, 2 单亲, 3 双亲) with the
    school's 留守类型 on the left-behind rows only: the codes are read as the whole
    column's coding says, as with no 留守类型 beside them. Read where 留守类型 was empty,
    the 1s alone were taken for 0/1's 留守 and two children not left behind were said left
    behind."""
    header = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "是否留守儿童",
              "留守类型", "父亲电话", "母亲电话", "监护人姓名", "与儿童关系",
              "监护人电话"]  # fmt: skip
    rows = [
        [NAMES[n], "女", make_id(dt.date(2015, 3, 4), 100 + 2 * n), "三年级(1)班", "健康",
         "青山村", code, kind, f"138000000{n}1", f"139000000{n}2", *guardian]
        for n, code, kind, guardian in [
            (0, 3, "父母均外出", ["李奶奶", "祖母", "13700000013"]),
            (1, 2, "父亲外出", ["王奶奶", "祖母", "13700000023"]),
            (2, 1, None, [None] * 3),
            (3, 1, None, [None] * 3),
        ]
    ]  # fmt: skip
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["column"] + str(f["row"])) for f in found] == [("VAL004", "G3")]
