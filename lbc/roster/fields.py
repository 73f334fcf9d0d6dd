"""The field dictionary (``shared/spec/archive-fields.md``) as data.

Each sheet kind has its canonical keys, the label a roster usually prints, and the other
headers seen in real rosters. Header matching folds width, traditional characters, spaces and
punctuation first, so "監護人電話", "监护人 电话" and "监护人电话：" all find
``guardian_phone``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from lbc.roster.normalise import T2S


class Kind(StrEnum):
    CHILDREN = "children"
    TEACHERS = "teachers"
    RECORDS = "records"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


def _parent_fields() -> list[Field]:
    """Father and mother columns share their synonyms behind a 父亲/母亲 prefix."""
    out: list[Field] = []
    for who, prefix in (("father", "父亲"), ("mother", "母亲")):
        short = prefix[0]
        out.append(Field(f"{who}_name", f"{prefix}姓名", (f"{short}亲姓名", f"{short}姓名")))
        phone_words = ("电话", "联系电话", "手机", "手机号", "手机号码", "联系方式")
        out.append(
            Field(
                f"{who}_phone",
                f"{prefix}电话",
                tuple(p + w for p in (prefix, short) for w in phone_words),
            )
        )
        place_words = (
            "务工地址",
            "务工地点",
            "务工单位",
            "外出务工地点",
            "务工单位及地址",
            "务工地",
            "工作单位",
        )
        out.append(
            Field(
                f"{who}_work_place",
                f"{prefix}务工地址",
                tuple(p + w for p in (prefix, short) for w in place_words),
            )
        )
    return out


CHILD_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", ("学生姓名", "儿童姓名", "学生"), required=True),
    Field("gender", "性别", (), required=True),
    Field(
        "id_number",
        "身份证号",
        ("公民身份证号码", "身份证号码", "身份证件号", "公民身份号码", "身份证", "证件号码"),
        required=True,
    ),
    Field("student_no", "学籍号", ("全国学籍号", "学籍辅号")),
    Field("birth_date", "出生日期", ("出生年月", "生日", "出生年月日"), required=True),
    Field("ethnicity", "民族"),
    Field("grade", "年级", ("所在年级",)),
    Field("class", "班级", ("班别", "所在班级", "年级班级"), required=True),
    Field("health", "健康状况", ("身体状况", "身体情况", "健康情况"), required=True),
    Field(
        "home_address",
        "家庭住址",
        ("家庭详细地址", "现居住地", "现住址", "家庭地址", "住址"),
        required=True,
    ),
    Field(
        "left_behind_type",
        "留守类型",
        ("留守情况", "是否留守儿童", "父母外出情况", "留守儿童类型"),
        required=True,
    ),
    Field("categories", "类别", ("帮扶类别", "特殊类别", "儿童类别")),
    Field("cat_orphan", "孤儿", ("是否孤儿",)),
    Field("cat_disabled", "残疾儿童", ("是否残疾", "是否残疾儿童")),
    Field("cat_registered_poor", "建档立卡", ("建档立卡户", "是否建档立卡")),
    Field("cat_low_income", "低保", ("低保户", "是否低保")),
    Field("cat_single_parent", "单亲", ("单亲家庭", "是否单亲")),
    Field("cat_struggling", "学困生", ("是否学困生",)),
    Field("key_target", "重点帮扶对象", ("重点对象", "是否重点", "是否重点帮扶对象")),
    Field("enrollment_status", "在校状态", ("就学情况", "学籍状态")),
    *_parent_fields(),
    Field("parent_name", "家长姓名", ()),
    Field("parent_phone", "家长电话", ("家长联系电话", "家长手机")),
    Field("parent_work_place", "家长务工单位及地址", ("家长务工地点", "家长务工地址")),
    Field("parent_work_phone", "务工单位电话", ("单位电话",)),
    Field(
        "guardian_name",
        "监护人姓名",
        ("委托监护人", "临时监护人", "实际监护人", "代管人", "受委托监护人姓名", "监护人"),
    ),
    Field(
        "guardian_relation",
        "与儿童关系",
        ("与被监护人关系", "关系", "监护人关系", "与学生关系", "监护人与儿童关系"),
    ),
    Field(
        "guardian_phone",
        "监护人电话",
        ("监护人联系电话", "受委托监护人电话", "监护人手机", "监护人联系方式"),
    ),
    Field("guardian_address", "监护人住址", ("监护人地址", "居住地地址")),
    Field("guardian_age", "监护人年龄", ()),
    Field("guardian_health", "监护人身体状况", ("监护人健康状况",)),
    Field("guardian_occupation", "监护人职业", ()),
    Field("support_teacher", "帮扶教师", ("结对教师", "代理家长", "帮扶人", "帮扶责任人")),
    Field("notes", "备注", ()),
    # Which school a row belongs to, in a county's merged roster: pairing stays inside it.
    Field("school", "学校", ("学校名称", "所在学校", "就读学校")),
)

TEACHER_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", ("教师姓名",), required=True),
    Field("gender", "性别"),
    Field("phone", "联系电话", ("手机", "电话", "手机号", "手机号码", "联系方式"), required=True),
    Field("role", "职务", ("岗位",)),
    Field("classes", "任教班级", ("所带班级", "班级")),
    Field("subjects", "任教学科", ("学科",)),
    Field("party_member", "党员", ("是否党员", "政治面貌")),
    Field("capacity", "可帮扶人数", ("帮扶人数",)),
    Field("active", "在岗", ("状态", "是否在岗")),
    Field("notes", "备注"),
    Field("school", "学校", ("学校名称", "所在学校", "任职学校")),
)

RECORD_FIELDS: tuple[Field, ...] = (
    Field("date", "日期", ("时间", "记录日期", "帮扶日期"), required=True),
    Field("teacher", "帮扶教师", ("教师", "记录人", "教师姓名"), required=True),
    Field("student", "学生姓名", ("帮扶对象", "姓名", "儿童姓名")),
    Field("class", "班级"),
    Field("kind", "类型", ("形式", "方式", "帮扶形式", "帮扶类型")),
    Field("content", "内容", ("记录内容", "帮扶内容")),
    Field("school", "学校", ("学校名称", "所在学校")),
)

FIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.CHILDREN: CHILD_FIELDS,
    Kind.TEACHERS: TEACHER_FIELDS,
    Kind.RECORDS: RECORD_FIELDS,
}

# Columns every roster has that carry no data of their own: recognised, never reported.
# Columns that are no field; lbc merge's source columns are among them, so a merged roster
# reads back without notes about unknown columns.
IGNORED_HEADERS = frozenset(
    {"序号", "编号", "序", "no", "number", "来源文件", "来源工作表", "来源行"}
)

# The yes/no columns that add a category to ``categories``.
CATEGORY_COLUMNS: dict[str, str] = {
    "cat_orphan": "孤儿",
    "cat_disabled": "残疾",
    "cat_registered_poor": "建档立卡",
    "cat_low_income": "低保",
    "cat_single_parent": "单亲",
    "cat_struggling": "学困",
}

_PUNCT = re.compile(r"[\s\u3000()（）\[\]【】<>《》:：*＊、,，.。/\\_\-—'\"“”‘’?？!！#＃]+")


@lru_cache(maxsize=4096)
def fold_header(text: str) -> str:
    """A header reduced to what identifies it: simplified, half-width, no spaces or marks."""
    text = unicodedata.normalize("NFKC", text)
    text = T2S.convert(text)
    return _PUNCT.sub("", text).lower()


def field(kind: Kind, key: str) -> Field:
    for f in FIELDS[kind]:
        if f.key == key:
            return f
    raise KeyError(key)


def build_lookup(kind: Kind, extra: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Folded header text -> canonical key for one sheet kind.

    ``extra`` holds the school's own synonyms from ``lbc.toml``; they win over built-in
    ones, since the school knows its own headers.
    """
    lookup: dict[str, str] = {}
    for f in FIELDS[kind]:
        for text in (f.key, f.label, *f.synonyms):
            lookup.setdefault(fold_header(text), f.key)
    keys = {f.key for f in FIELDS[kind]}
    for key, texts in (extra or {}).items():
        if key in keys:
            for text in texts:
                lookup[fold_header(text)] = key
    return lookup
