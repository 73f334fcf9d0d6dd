"""The field dictionary (``shared/spec/archive-fields.md``) as data.

Each sheet kind has its canonical keys, the label a roster usually prints, and the other
headers seen in real rosters. Header matching folds width, traditional characters, spaces and
punctuation first, so "監護人電話", "监护人 电话" and "监护人电话：" all find
``guardian_phone``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from lbc.roster.normalise import RECORD_KIND_WORDS, T2S

# Where the pairs join (lbc.roster.pairs) keeps the day a pairs workbook gave a child a
# teacher other than the one her row stated when it was made; a merged roster's column.
PAIRED_SINCE_KEY = "support_teacher_since"
# And the teacher that day is of, as merge wrote her beside it: a 帮扶教师 typed over hand
# after merging is another teacher's, whose pair the day is not the start of.
PAIRED_TEACHER_KEY = "support_teacher_since_of"


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


# Headers about a person other than the child are composed: a role (父亲, 委托监护人 …) and an
# attribute (姓名, 当前务工地点 …), with connecting words between them. Schools combine the two
# lists freely, so headers are read by their parts (:func:`compose`) rather than looked up in a
# list of whole headers that never covers what the next school writes. Each list's first
# spelling makes the field's label (父亲 + 电话 = 父亲电话).
ROLES: dict[str, tuple[str, ...]] = {
    "father": ("父亲", "父", "爸爸"),
    "mother": ("母亲", "母", "妈妈"),
    "parent": ("家长", "父母"),
    "guardian": (
        "监护人",
        "委托监护人",
        "受委托监护人",
        "临时监护人",
        "实际监护人",
        "被委托监护人",
        "代管人",
        "委托照料人",
        "照料人",
        # A guardian a parent named in her place (代理监护人), or a carer the child is left
        # with (托管人, 受托人). Not 委托人: the one who entrusts, the parent away.
        "代理监护人",
        "托管人",
        "受托人",
    ),
    "grandfather": ("祖父", "爷爷"),
    "grandmother": ("祖母", "奶奶"),
    "maternal_grandfather": ("外祖父", "外公", "姥爷"),
    "maternal_grandmother": ("外祖母", "外婆", "姥姥"),
}
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字"),
    "phone": (
        "电话",
        "联系电话",
        "手机",
        "手机号",
        "手机号码",
        "联系方式",
        "电话号码",
        "联系号码",
    ),
    "work_place": (
        "务工地址",
        "务工地点",
        "务工单位",
        "外出务工地点",
        "外出务工地址",
        "务工单位及地址",
        "务工地",
        "务工所在地",
        "工作单位",
        "工作地点",
        "工作地址",
        "打工地点",
        "务工省市",
    ),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份证号码",
        "公民身份号码",
        "身份证",
        "身份证件号",
        "证件号码",
    ),
    "birth_date": ("出生日期", "出生年月", "生日", "出生年月日"),
    "age": ("年龄",),
    "health": ("身体状况", "健康状况", "身体情况", "健康情况"),
    "address": ("住址", "地址", "居住地址", "居住地地址", "家庭住址", "居住地"),
    "relation": ("与被监护人关系", "与儿童关系", "关系", "与学生关系", "与孩子关系"),
    "occupation": ("职业",),
}
_PERSON = ("name", "phone", "work_place", "id_number", "birth_date", "age", "health", "address")
# Which attributes each role has: a grandparent appears on the registration form by name and
# birth date only; a guardian also has a relation to the child and an occupation.
ROLE_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "father": _PERSON,
    "mother": _PERSON,
    "parent": _PERSON,
    "guardian": (*_PERSON, "relation", "occupation"),
    **dict.fromkeys(
        ("grandfather", "grandmother", "maternal_grandfather", "maternal_grandmother"),
        ("name", "birth_date"),
    ),
}
# Words that may stand between a role and its attribute: 父亲的电话, 父亲之姓名, 父亲当前务工地点,
# 监护人现住址, 监护人基本情况姓名 (a two-row header's group 监护人基本情况 over 姓名).
CONNECTORS = ("基本情况", "当前", "目前", "情况", "信息", "的", "之", "及", "现")


def person_key(role: str, attribute: str) -> str:
    return f"{role}_{attribute}"


# The person fields a roster had before headers were read by their parts, in the order the
# merged county roster has always written them; the other person fields follow later.
_FIRST_PERSON_KEYS = (
    *(f"{who}_{a}" for who in ("father", "mother") for a in ("name", "phone", "work_place")),
    "parent_name",
    "parent_phone",
    "parent_work_place",
)
# The guardian's fields, which a second guardian's group (委托监护人 after 监护人) gives too.
GUARDIAN_KEYS = tuple(
    f"guardian_{a}" for a in ("name", "relation", "phone", "address", "age", "health", "occupation")
)


def _person_fields(keys: tuple[str, ...] | None = None) -> list[Field]:
    """One field per role and attribute, labelled by their first spellings (a few keep the
    labels they had before headers were read by parts): the ``keys`` given, in their order,
    or every other one."""
    labels = {
        "parent_work_place": "家长务工单位及地址",
        "guardian_address": "监护人住址",
        "guardian_relation": "与儿童关系",
    }
    every = [
        (person_key(role, attribute), role, attribute)
        for role, attributes in ROLE_ATTRIBUTES.items()
        for attribute in attributes
    ]
    if keys is None:
        chosen = [e for e in every if e[0] not in (*_FIRST_PERSON_KEYS, *GUARDIAN_KEYS)]
    else:
        chosen = sorted((e for e in every if e[0] in keys), key=lambda e: keys.index(e[0]))
    return [
        Field(key, labels.get(key, ROLES[role][0] + ATTRIBUTES[attr][0]), _BARE.get(key, ()))
        for key, role, attr in chosen
    ]


# Headers with no role that still name a person's field: the guardian section of the
# registration form prints its role once (委托监护人) and then 与被监护人关系, 居住地地址; the 学籍
# export's 联系电话 is the family's phone, the number the school calls (家长电话).
_BARE: dict[str, tuple[str, ...]] = {
    "guardian_name": ROLES["guardian"],
    "guardian_relation": (*ATTRIBUTES["relation"], "与监护人关系", "与留守儿童关系", "与学生关系"),
    "guardian_address": ("居住地地址",),
    "parent_phone": ("联系电话",),
}


CHILD_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", ("学生姓名", "儿童姓名", "学生"), required=True),
    Field("gender", "性别", (), required=True),
    Field(
        "id_number",
        "身份证号",
        (
            *("公民身份证号码", "身份证号码", "身份证件号", "公民身份号码", "身份证", "证件号码"),
            *("学生身份证号", "学生身份证号码", "儿童身份证号", "儿童身份证号码"),
        ),
        required=True,
    ),
    Field("student_no", "学籍号", ("全国学籍号", "学籍辅号")),
    Field("birth_date", "出生日期", ("出生年月", "生日", "出生年月日"), required=True),
    Field("ethnicity", "民族"),
    Field("grade", "年级", ("所在年级",)),
    Field("class", "班级", ("班别", "所在班级", "年级班级"), required=True),
    Field(
        "health", "健康状况", ("身体状况", "身体情况", "健康情况", "身体健康状况"), required=True
    ),
    Field(
        "home_address",
        "家庭住址",
        ("家庭详细地址", "现居住地", "现住址", "家庭地址", "住址"),
        required=True,
    ),
    Field(
        "left_behind_type",
        "留守类型",
        (
            *("留守情况", "是否留守儿童", "父母外出情况", "留守儿童类型"),
            *("是否留守", "留守类别", "留守儿童类别"),
        ),
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
    Field(
        "enrollment_status",
        "在校状态",
        ("就学情况", "学籍状态", "就读状态", "在校情况", "在校状况", "学生状态"),
    ),
    *_person_fields(_FIRST_PERSON_KEYS),
    Field("parent_work_phone", "务工单位电话", ("单位电话",)),
    *_person_fields(GUARDIAN_KEYS),
    Field(
        "support_teacher",
        "帮扶教师",
        (
            *("结对教师", "代理家长", "帮扶人", "帮扶责任人", "帮扶老师", "结对老师"),
            *("结对帮扶教师", "结对帮扶老师", "帮扶教师姓名", "结对教师姓名", "帮扶老师姓名"),
            *("代理家长姓名", "帮扶人姓名"),
        ),
    ),
    # What ``lbc pair --out`` writes beside each pair so the pairs are read back as pairs
    # (lbc/roster/pairs.py): where the child sits in the roster, what the roster's 帮扶教师
    # column said when the pairs were made, and the day they were made.
    Field("pair_reason", "结对依据"),
    Field("pair_place", "名册位置"),
    Field("pair_listed", "结对时名册帮扶教师"),
    Field("pair_date", "结对日期"),
    Field("notes", "备注", ()),
    # What the registration form and the 学籍 export say about risk, kept as they say it.
    Field("guardianship_rating", "监护类型", ("监护情况", "监护等级")),
    Field("care_situation", "实际监护情况", ("父母外出情况说明",)),
    Field("guardian_entrusted", "有无委托监护人", ("父母外出有无委托其他监护人", "是否委托监护")),
    Field("boarding", "是否寄宿", ("是否学校寄宿", "是否住校", "寄宿情况", "就读方式", "住宿情况")),
    Field("relief", "救助帮扶情况", ("救助措施", "救助情况", "帮扶救助情况", "享受救助情况")),
    Field("disability", "残疾类别及等级", ("残疾人类型", "残疾类型", "残疾类别")),
    Field("illness", "患病类型", ("疾病类型", "所患疾病")),
    *_person_fields(),
    # Which school a row belongs to, in a county's merged roster: pairing stays inside it.
    Field("school", "学校", ("学校名称", "所在学校", "就读学校")),
    # The day a child who transferred in (转入) came to the school: nothing is owed for the
    # time before it (lbc due, the summary, the watch list's days without contact).
    Field(
        "arrival_date", "转入日期", ("转入时间", "转入年月", "转学转入日期", "到校日期", "入校日期")
    ),
    # The 学籍 export's enrolment at the school (入学年月): a child enrolled after the
    # school year began owes nothing for the time before, as one transferred in
    # (arrival_date); an enrolment at or before the year's start changes nothing.
    Field("enrollment_date", "入学年月", ("入学时间", "入学日期")),
    # The 学籍 export's 身份证件类型: a child with a passport or another document in place of
    # an ID has a 身份证件号 of no ID number's pattern, which is no error to report.
    Field("id_kind", "身份证件类型", ("证件类型",)),
    # The day a pairs workbook gave the child her support teacher in place of another (its
    # 结对日期, lbc.roster.pairs), which lbc merge writes beside the pair: every command
    # reading the merged roster holds that teacher to nothing before it, as over the folder.
    Field(PAIRED_SINCE_KEY, "结对开始日期"),
    # The teacher the day above is of (the 帮扶教师 merge wrote beside it): the day stands
    # while the row's 帮扶教师 names her, and a teacher typed in her place has no day.
    Field(PAIRED_TEACHER_KEY, "结对开始日期对应教师"),
)

# A teachers list's column of the children each teacher supports (帮扶学生姓名, 帮扶对象), as
# some schools keep their pairs: read as pairs (lbc.roster.pairs), beside the roster's
# 帮扶教师 column.
TEACHER_CHILDREN_HEADERS = frozenset(
    {
        f"{what}{who}{name}"
        for what in ("帮扶", "结对", "所帮扶", "结对帮扶")
        for who in ("学生", "儿童", "对象", "留守儿童")
        for name in ("", "姓名", "名单")
    }
)

# The most children a teacher's 可帮扶人数 may say: more is said (VAL003), as no teacher can
# talk with each every month.
MOST_PLACES = 20


TEACHER_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", ("教师姓名",), required=True),
    Field("gender", "性别"),
    Field(
        "phone",
        "联系电话",
        ("手机", "电话", "手机号", "手机号码", "联系方式", "教师电话", "教师手机"),
        required=True,
    ),
    Field("role", "职务", ("岗位", "行政职务")),
    Field("classes", "任教班级", ("所带班级", "班级", "所任班级", "任课班级", "所教班级")),
    Field("subjects", "任教学科", ("学科", "所教学科", "任课学科")),
    Field("party_member", "党员", ("是否党员", "政治面貌")),
    Field(
        "capacity",
        "可帮扶人数",
        ("帮扶人数", "可帮扶学生数", "可帮扶儿童数", "可帮扶学生人数", "最多帮扶人数"),
    ),
    Field("active", "在岗", ("状态", "是否在岗", "在岗情况", "在岗状态", "是否在职", "工作状态")),
    Field("notes", "备注"),
    Field("school", "学校", ("学校名称", "所在学校", "任职学校")),
    # The children the teacher supports, one or several names (lbc.roster.pairs).
    Field("children", "帮扶学生", tuple(sorted(TEACHER_CHILDREN_HEADERS - {"帮扶学生"}))),
)

# How a teacher may rename her record sheet's 学生姓名, and a school's pairs list name its
# children (教师 | 结对学生 | 日期, the day of the pairing): read as a record's child, but
# no mark of a records sheet without a 类型 or 内容 column (tables._anchors_ok).
PAIRED_STUDENT_HEADERS = ("学生", "结对学生", "结对儿童", "结对对象")

RECORD_FIELDS: tuple[Field, ...] = (
    # 完成日期 beside lbc's own 应完成 (what was owed): a teacher renames 日期 so.
    Field(
        "date",
        "日期",
        ("时间", "记录日期", "帮扶日期", "完成日期", "实际完成日期"),
        required=True,
    ),
    Field("teacher", "帮扶教师", ("教师", "记录人", "教师姓名"), required=True),
    Field(
        "student",
        "学生姓名",
        ("帮扶对象", "姓名", "儿童姓名", *PAIRED_STUDENT_HEADERS),
    ),
    Field("class", "班级"),
    # Its values: normalise.RECORD_KINDS (谈心, 家访, 电话联系, 视频通话, 亲情通话 …).
    Field("kind", "类型", ("形式", "方式", "帮扶形式", "帮扶类型", "记录类型")),
    Field("content", "内容", ("记录内容", "帮扶内容")),
    Field("school", "学校", ("学校名称", "所在学校")),
    # Which of two namesakes in one class a record is for (lbc's record sheets write it).
    Field("birth_date", "出生日期", ("出生年月",)),
)

# The fields only lbc's pairs workbook holds (see CHILD_FIELDS): no roster's data.
PAIRS_FIELDS = frozenset({"pair_reason", "pair_place", "pair_listed", "pair_date"})

FIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.CHILDREN: CHILD_FIELDS,
    Kind.TEACHERS: TEACHER_FIELDS,
    Kind.RECORDS: RECORD_FIELDS,
}

# Columns every roster has that carry no data of their own: recognised, never reported.
# Columns that are no field; lbc merge's source columns are among them, so a merged roster
# reads back without notes about unknown columns.
# 应完成: when a row of lbc's record sheets is owed (lbc.roster.record_sheets).
PLAN = "应完成"
IGNORED_HEADERS = frozenset(
    {"序号", "编号", "序", "no", "number", "来源文件", "来源工作表", "来源行", PLAN}
)

# Columns of the two official forms that no rule or report uses: recognised, so a roster
# copied from a form reads without notes about unknown columns, and listed by `lbc columns`
# as read past.
FORM_HEADERS = frozenset(
    {
        # The registration form (农村留守儿童基本情况登记表).
        "是否登记户口",
        "户籍所在地",
        "家庭经济来源",
        "单位负责人",
        "复核人",
        "填表人",
        # The 学籍 export (学生基本信息).
        "出生地",
        "籍贯",
        "国籍地区",
        "港澳台侨外",
        "政治面貌",
        "姓名拼音",
        "户口所在地",
        "户口性质",
        "入学方式",
        "通信地址",
        "是否独生子女",
        "是否进城务工人员随迁子女",
        "是否烈士或优抚子女",
        "随班就读",
        "班内学号",
    }
)

# Columns lbc's own pairs workbook (lbc.documents.pairs_book) writes for people to read and
# nothing reads back: recognised as lbc's own, so `lbc columns` asks nothing about them. A
# school's roster may have one of its own (a 教师电话 beside 帮扶教师): not read there either.
TEACHER_PHONE_HEADER = "教师电话"
OWN_HEADERS = frozenset({"重点帮扶原因", TEACHER_PHONE_HEADER, "是否延续"})

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


_FOLDED_ROLES = sorted(
    ((fold_header(text), role) for role, texts in ROLES.items() for text in texts),
    key=lambda pair: -len(pair[0]),
)
# The spellings of a guardian's role a header may start with, longest first (委托监护人电话 is
# the 委托监护人's, not a 监护人's): what tells two guardians' column sets apart (guardian_role).
_GUARDIAN_SPELLINGS = tuple(spelling for spelling, role in _FOLDED_ROLES if role == "guardian")


@lru_cache(maxsize=1024)
def guardian_role(header: str) -> str | None:
    """The guardian's role a header names its column by (监护人 for 监护人年龄, 委托监护人 for
    委托监护人电话), as folded; None for a header naming none (与儿童关系, 居住地地址,
    与被监护人关系: the child is the 被监护人). A roster with two guardians' columns
    (监护人… then 委托监护人…) says by it whose each column is, wherever it stands."""
    folded = fold_header(header)
    return next((s for s in _GUARDIAN_SPELLINGS if folded.startswith(s)), None)


def names_group_role(group: str, label: str) -> bool:
    """Whether a two-row header's lower ``label`` names, by a spelling of its own, the role
    its ``group`` cell is (委托监护人 over 委托监护人电话, 受委托监护人 over 委托监护人姓名):
    a person reads the lower text alone, not the two run together (委托监护人委托监护人电话)."""
    role = next((r for spelling, r in _FOLDED_ROLES if fold_header(group) == spelling), None)
    folded = fold_header(label)
    return role is not None and any(
        r == role and folded.startswith(spelling) for spelling, r in _FOLDED_ROLES
    )


_FOLDED_ATTRIBUTES = {
    fold_header(text): attribute for attribute, texts in ATTRIBUTES.items() for text in texts
}
_FOLDED_CONNECTORS = tuple(fold_header(text) for text in CONNECTORS)


@lru_cache(maxsize=4096)
def compose(folded: str) -> str | None:
    """The person field a folded header names by its parts (父亲当前务工地点 -> role 父亲,
    attribute 务工地点 -> ``father_work_place``), or None.

    Every role spelling the header starts with is tried, longest first, so 外祖父姓名 is the
    maternal grandfather's and 父母电话 the family's, not a 父 followed by 母电话.
    """
    for spelling, role in _FOLDED_ROLES:
        if not folded.startswith(spelling):
            continue
        rest = folded[len(spelling) :]
        while rest and (cut := next((c for c in _FOLDED_CONNECTORS if rest.startswith(c)), None)):
            if rest in _FOLDED_ATTRIBUTES:  # 现住址 is an attribute, not 现 + 住址
                break
            rest = rest[len(cut) :]
        attribute = _FOLDED_ATTRIBUTES.get(rest)
        if attribute in ROLE_ATTRIBUTES[role]:
            return person_key(role, attribute)
    return None


# A records header may name the kind before what its column holds (谈心时间, 家访对象,
# 谈心教师, 家访人): a school keeping a sheet per kind heads it so. What may follow the kind.
RECORD_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "date": ("时间", "日期"),
    "student": ("对象", "对象姓名", "学生", "学生姓名", "儿童", "儿童姓名"),
    "teacher": ("教师", "老师", "教师姓名", "人"),
    "content": ("内容", "主要内容", "情况", "记录"),
}
_FOLDED_KINDS = sorted(
    {fold_header(word) for word in (*RECORD_KIND_WORDS, "帮扶")}, key=lambda w: -len(w)
)
_FOLDED_RECORD_ATTRIBUTES = {
    fold_header(text): key for key, texts in RECORD_ATTRIBUTES.items() for text in texts
}


@lru_cache(maxsize=4096)
def compose_record(folded: str) -> str | None:
    """The records field a folded header names by a kind and an attribute (谈心时间 ->
    ``date``, 家访对象 -> ``student``), or None; the kind itself is the sheet's
    (completion.complete reads it)."""
    for spelling in _FOLDED_KINDS:
        if folded.startswith(spelling):
            key = _FOLDED_RECORD_ATTRIBUTES.get(folded[len(spelling) :])
            if key is not None:
                return key
    return None


# Every character of a folded text that names something without a lookup: a person field
# or a records field by its parts (compose, compose_record), a numbering column, a form's
# column.
_NAMING_CHARS = frozenset(
    "".join(
        [
            *(spelling for spelling, _ in _FOLDED_ROLES),
            *_FOLDED_ATTRIBUTES,
            *_FOLDED_CONNECTORS,
            *_FOLDED_KINDS,
            *_FOLDED_RECORD_ATTRIBUTES,
            *IGNORED_HEADERS,
            *FORM_HEADERS,
            *OWN_HEADERS,
            *TEACHER_CHILDREN_HEADERS,
        ]
    )
)


def header_chars(lookups: Iterable[Lookup]) -> frozenset[str]:
    """Every character a header read by ``lookups`` may hold once folded: a folded text
    holding any other names no field, no numbering and no form column. Most of the rows
    tried as a header are a sheet's children (names, ID numbers, phones), and this passes
    over their cells at once."""
    return _NAMING_CHARS.union(*(text for lookup in lookups for text in lookup))


class Lookup(dict[str, str]):
    """Folded header text -> canonical key: whole headers first (the dictionary's labels and
    synonyms, the school's own from ``lbc.toml``), then, on a children or records sheet, a
    header read by its parts."""

    def __init__(self, kind: Kind) -> None:
        super().__init__()
        self.kind = kind

    def find(self, folded: str) -> str | None:
        key = self.get(folded)
        if key is None and self.kind is Kind.CHILDREN:
            key = compose(folded)
        elif key is None and self.kind is Kind.RECORDS:
            key = compose_record(folded)
        return key


def build_lookup(kind: Kind, extra: dict[str, list[str]] | None = None) -> Lookup:
    """Header lookup for one sheet kind.

    ``extra`` holds the school's own synonyms from ``lbc.toml``; they win over built-in
    ones, since the school knows its own headers.
    """
    lookup = Lookup(kind)
    for f in FIELDS[kind]:
        for text in (f.key, f.label, *f.synonyms):
            lookup.setdefault(fold_header(text), f.key)
    keys = {f.key for f in FIELDS[kind]}
    for key, texts in (extra or {}).items():
        if key in keys:
            for text in texts:
                lookup[fold_header(text)] = key
    return lookup


def _guess_texts(kind: Kind) -> dict[str, str]:
    """Folded header text -> key, for every whole header and every role x attribute."""
    texts = dict(build_lookup(kind))
    if kind is Kind.CHILDREN:
        for role, attributes in ROLE_ATTRIBUTES.items():
            for spelling in ROLES[role]:
                for attribute in attributes:
                    for word in ATTRIBUTES[attribute]:
                        texts.setdefault(fold_header(spelling + word), person_key(role, attribute))
    return texts


# The support teacher's names that hold a role's spelling (代理家长, the proxy parent, holds
# 家长): they name the teacher, not a parent, so a guess keeps them the teacher's.
_SUPPORT_TEACHER = field(Kind.CHILDREN, "support_teacher")
_GUESS_ROLES = sorted(
    [
        *_FOLDED_ROLES,
        *(
            (folded, _SUPPORT_TEACHER.key)
            for folded in map(fold_header, (_SUPPORT_TEACHER.label, *_SUPPORT_TEACHER.synonyms))
            if any(spelling in folded for spelling, _ in _FOLDED_ROLES)
        ),
    ],
    key=lambda pair: -len(pair[0]),
)
# What lbc reads of each person a guess may name: the teacher's name only (帮扶教师).
_GUESS_ATTRIBUTES = {**ROLE_ATTRIBUTES, _SUPPORT_TEACHER.key: ("name",)}


def _whose(folded: str) -> tuple[frozenset[str], str]:
    """The roles (父亲, 监护人, the support teacher's 代理家长 …) a folded header names anywhere
    in it, a longer spelling taken before the shorter ones inside it (外祖父 before 祖父 and
    父, 代理家长 before 家长), and the rest."""
    roles = set()
    for spelling, role in _GUESS_ROLES:
        if spelling in folded:
            roles.add(role)
            folded = folded.replace(spelling, "|")
    return frozenset(roles), folded.replace("|", "")


_GUESS_KEYS: dict[Kind, dict[str, str]] = {}
_GUESS_TEXTS: dict[tuple[Kind, frozenset[str]], list[str]] = {}


def guess_field(kind: Kind, header: str) -> Field | None:
    """The field an unknown header most likely means, for the note that says how to tell
    lbc so in ``lbc.toml``; None when nothing is close enough to be a useful guess.

    A guess keeps whose the column is: a role word (父亲, 监护人, 家长 …) is never a slip of
    the pen. Only a text naming the same people is close, so 父亲身份证件类型 is not the
    child's 身份证件类型 (following that guess would let the father's passport turn off the
    child's ID checks), nor 务工地点 the father's. And a header that is a field's whole text
    with a person named before it (父亲身份证件类型, 监护人的民族), or a person and an
    attribute lbc does not read of them (代理家长电话, the support teacher's phone), is that
    person's own such field: no field of theirs one letter away (父亲身份证号, the parent's
    家长电话 or the teacher's 代理家长 itself) is a guess."""
    import difflib

    keys = _GUESS_KEYS.get(kind)
    if keys is None:
        keys = _GUESS_KEYS[kind] = _guess_texts(kind)
    folded = fold_header(header)
    roles, rest = _whose(folded)
    nobody = _GUESS_TEXTS.get((kind, frozenset()))
    if nobody is None:
        nobody = _GUESS_TEXTS[kind, frozenset()] = [t for t in keys if not _whose(t)[0]]
    if roles:  # what is said of them, connecting words (的, 当前 …) taken off one by one
        while rest not in nobody and (
            cut := next((c for c in _FOLDED_CONNECTORS if rest.startswith(c)), None)
        ):
            rest = rest[len(cut) :]
        attribute = _FOLDED_ATTRIBUTES.get(rest)
        read = {a for role in roles for a in _GUESS_ATTRIBUTES.get(role, ())}
        if rest in nobody or (attribute is not None and attribute not in read):
            return None
    texts = _GUESS_TEXTS.get((kind, roles))
    if texts is None:
        texts = _GUESS_TEXTS[kind, roles] = [t for t in keys if _whose(t)[0] == roles]
    close = difflib.get_close_matches(folded, texts, n=1, cutoff=0.8)
    return field(kind, keys[close[0]]) if close else None
