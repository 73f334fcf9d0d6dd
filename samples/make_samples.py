"""Regenerate the lbc sample workspace: ``lbc.toml``, ``roster.xlsx`` and ``DEFECTS.md``, last
term's roster of the same school (``上学期/roster.xlsx``) and a second school's workspace
(``白鹤乡中心小学/``) and a third whose roster is the national registration form
(``大桥镇中心小学/``), so that ``lbc diff``, ``lbc summary --previous`` and ``lbc merge`` have
what a school and a county office work with.

The sample is what the docs, demos and end-to-end tests run against, so it is produced by
code rather than kept as a hand-edited workbook:

* it is reproducible byte for byte: every random choice comes from a seeded
  ``random.Random`` (2024 for this term's roster) and the xlsx zip is written with fixed
  timestamps, so running the script again changes nothing in git unless the script changed;
* it looks like a real school's roster (title row, two-row header, a note at the bottom,
  valid but varied spellings), because that mess is what lbc exists to read;
* it is clean except for a handful of planted defects, and ``DEFECTS.md`` lists them with
  the row and column computed from the same data that wrote the workbook, so the list cannot
  drift from the file;
* last term's roster and the second school come from seeds of their own, drawn after the
  first roster is complete, so they cannot change a byte of it; ``DEFECTS.md`` also says
  what ``lbc diff`` and ``lbc merge`` must find in them, computed from the same data.

Run ``python samples/make_samples.py``. Needs only the standard library, openpyxl and
python-stdnum.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from stdnum.cn import ric

HERE = Path(__file__).resolve().parent
SEED = 2024
# Fixed so the workbook's metadata and zip entries do not change from run to run.
STAMP = dt.datetime(2024, 9, 20, 8, 0, 0)

SCHOOL = "青山镇中心小学"
COUNTY = "南部县"
HOME_REGION = "511321"  # 四川省南充市南部县
NEIGHBOUR_REGIONS = ("511322", "511323")  # 营山县, 蓬安县: a few children born there
TERM_START, TERM_END = dt.date(2024, 9, 1), dt.date(2025, 1, 31)

CHILD_SHEET, TEACHER_SHEET, RECORD_SHEET = "留守儿童花名册", "教师名单", "帮扶记录"
TITLE = "青山镇中心小学留守儿童花名册（2024年秋季学期）"
BAD_CLASS = "火箭班"  # a class spelling lbc cannot read (planted defect)
FOOTNOTE = "填表人：王老师    审核人：李校长    填表日期：2024年9月20日"

# Small enough that the 29 active teachers' places (59) cover every child still at school
# (56: all but the two 转出), so `lbc pair` can pair everyone and leave no teacher idle.
N_CHILDREN = 58
GRADES = range(1, 7)
CLASSES_PER_GRADE = 2
CN = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}

BOTH, FATHER, MOTHER, NONE = "父母均外出", "父亲外出", "母亲外出", "非留守"

DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"

# --- the children's sheet: (field key, row-2 header, row-3 sub-header or None) ----------------
# The 监护人电话 header is written in traditional characters on purpose: lbc must fold it.
CHILD_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("seq", "序号", None),
    ("name", "姓名", None),
    ("gender", "性别", None),
    ("id_number", "身份证号", None),
    ("birth_date", "出生日期", None),
    ("ethnicity", "民族", None),
    ("class", "班级", None),
    ("health", "健康状况", None),
    ("home_address", "家庭住址", None),
    ("left_behind_type", "留守类型", None),
    ("categories", "类别", None),
    ("key_target", "重点帮扶对象", None),
    ("enrollment_status", "在校状态", None),
    ("father_name", "父亲", "姓名"),
    ("father_phone", "父亲", "电话"),
    ("father_work_place", "父亲", "务工地点"),
    ("mother_name", "母亲", "姓名"),
    ("mother_phone", "母亲", "电话"),
    ("mother_work_place", "母亲", "务工地点"),
    ("guardian_name", "监护人姓名", None),
    ("guardian_relation", "与儿童关系", None),
    ("guardian_phone", "監護人電話", None),
    ("guardian_age", "监护人年龄", None),
    ("guardian_health", "监护人身体状况", None),
    ("support_teacher", "帮扶教师", None),
    ("notes", "备注", None),
)
CHILD_WIDTHS = (5, 10, 5, 21, 12, 8, 13, 11, 24, 11, 14, 8, 8) + (8, 13, 20) * 2
CHILD_WIDTHS += (10, 8, 13, 8, 10, 9, 26)
TEACHER_COLUMNS = (
    ("seq", "序号"),
    ("name", "姓名"),
    ("gender", "性别"),
    ("phone", "联系电话"),
    ("role", "职务"),
    ("classes", "任教班级"),
    ("subjects", "任教学科"),
    ("party_member", "党员"),
    ("capacity", "可帮扶人数"),
    ("active", "在岗"),
)
TEACHER_WIDTHS = (5, 10, 5, 14, 10, 40, 12, 6, 10, 6)
RECORD_COLUMNS = (
    ("date", "日期"),
    ("teacher", "帮扶教师"),
    ("student", "学生姓名"),
    ("class", "班级"),
    ("kind", "类型"),
    ("content", "内容"),
)
RECORD_WIDTHS = (12, 10, 14, 13, 10, 44)
PHONE_KEYS = frozenset({"father_phone", "mother_phone", "guardian_phone", "phone"})


def words(text: str) -> tuple[str, ...]:
    """A pool written as space-separated words: shorter to read and review than a list."""
    return tuple(text.split())


# --- name and place pools (南充 flavour) ------------------------------------------------------
SURNAMES = (
    "王李张刘陈杨何罗蒲杜谢邓冯唐蒋任敬袁赵周吴胡徐黄苟郑侯岳"
    "王李张刘陈杨何罗蒲杜"  # the common ones twice, for a realistic spread
)
BOY_NAMES = words(
    "子轩 浩然 宇航 俊杰 梓豪 宇轩 晨阳 博文 一鸣 家乐 锦程 天佑 明轩 思远 嘉豪 浩宇 俊熙 子墨"
    " 皓轩 睿 鑫 杰 涛 宇 辰 泽宇 奕辰 文博 梓睿 铭轩 俊豪 家豪 志航 雨泽 浩轩 承志 宏宇 鹏 旭"
)
GIRL_NAMES = words(
    "梓涵 欣怡 雨涵 思琪 诗涵 佳怡 可馨 紫涵 雨欣 梦瑶 语桐 婧 悦 若曦 心怡 艺涵 一诺 佳琪 欣妍"
    " 晓雪 雨彤 诗琪 思雨 梓萱 欣然 佳慧 静怡 雅琪 梦琪 婷 雪 悦彤 嘉怡 语嫣 可欣 书瑶 思彤"
)
MAN_NAMES = words(
    "建军 国强 志勇 德明 小兵 海涛 大军 永强 春林 俊 斌 勇 刚 伟 明 建华 文军 成 林 军 涛 强"
    " 波 洪 建平 红兵 光明 学文 长春 正伟"
)
WOMAN_NAMES = words(
    "秀英 桂兰 玉梅 小芳 丽 春梅 丽萍 小琴 红梅 燕 静 霞 琴 玲 芳 丽华 晓燕 金凤 秀琼 春燕 蓉 英"
    " 敏 莉 娟 晓丽 雪梅 海燕"
)
OLD_MAN_NAMES = words("德全 明福 正清 洪发 成富 世贵 永福 泽华 光荣 国富 仕明 德贵 朝富 家福 学明")
OLD_WOMAN_NAMES = words(
    "桂芳 秀兰 淑芬 玉珍 翠华 素琴 桂英 秀珍 玉兰 德秀 秀芳 淑华 琼芳 碧英 素华"
)
VILLAGES = words(
    "石龙村 白鹤村 杨家坝村 柏垭村 观音村 新桥村 青龙村 大河村 梨树村 马鞍村 双河村 凉风垭村"
)
# Province and city at least; no 直辖市, so that a plain province+city check cannot misfire.
WORK_PLACES = (
    "广东省东莞市长安镇",
    "广东省深圳市宝安区",
    "广东省广州市白云区",
    "广东省佛山市顺德区",
    "浙江省宁波市",
    "浙江省金华市义乌市",
    "浙江省温州市瑞安市",
    "福建省泉州市晋江市",
    "江苏省苏州市昆山市",
    "四川省成都市双流区",
    "四川省成都市新都区",
    "新疆维吾尔自治区乌鲁木齐市",
)
MOBILE_PREFIXES = words(
    "130 131 132 133 135 136 137 138 139 150 151 152 155 157 158 159"
    " 166 173 177 180 181 182 183 187 188 189 191 199"
)
# Homophone slips used to plant a misspelled teacher and child in the records.
HOMOPHONES = {
    "燕": "艳",
    "晓": "小",
    "丽": "莉",
    "军": "君",
    "涵": "含",
    "轩": "宣",
    "怡": "宜",
    "琪": "淇",
    "浩": "皓",
    "彤": "桐",
    "萱": "宣",
    "杰": "洁",
}
FAMILIAR = {
    "祖父": "爷爷",
    "祖母": "奶奶",
    "外祖父": "外公",
    "外祖母": "外婆",
    "父亲": "爸爸",
    "母亲": "妈妈",
    "亲属": "家人",
}
HOLIDAYS = frozenset(
    [dt.date(2024, 9, 16), dt.date(2024, 9, 17), dt.date(2025, 1, 1)]
    + [dt.date(2024, 10, d) for d in range(1, 8)]
)


def class_name(grade: int, number: int) -> str:
    """The school's usual spelling of a class, e.g. 三年级(2)班."""
    return f"{CN[grade]}年级({number})班"


def familiar(relation: str) -> str:
    """How a teacher would write the relative in a record (奶奶, not 祖母)."""
    return FAMILIAR.get(relation, "家人")


@dataclass
class Child:
    """One child as the school knows them; ``cells`` turns it into a roster row."""

    grade: int
    number: int
    gender: str
    birth: dt.date
    name: str = ""
    region: str = HOME_REGION
    id_number: str = ""
    ethnicity: str = "汉族"
    health: str = "健康"
    address: str = ""
    away: str = BOTH
    away_text: str = ""
    categories: list[str] = field(default_factory=list)
    key_target: bool = False
    status: str = "在读"
    father_name: str = ""
    father_phone: str = ""
    father_work: str = ""
    mother_name: str = ""
    mother_phone: str = ""
    mother_work: str = ""
    guardian_name: str = ""
    relation: str = ""
    guardian_phone: str = ""
    guardian_age: int | None = None
    guardian_health: str = ""
    teacher: str = ""
    notes: str = ""
    # Exclusive role (a defect or a special case); children with a role stay out of the
    # random variations so that each planted problem trips one rule only.
    role: str = ""
    birth_cell: Any = None  # what the 出生日期 cell holds when it is not the date itself
    # Cell values that replace the clean ones, and number formats that go with them.
    overrides: dict[str, Any] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)

    @property
    def class_text(self) -> str:
        return class_name(self.grade, self.number)

    def cells(self) -> dict[str, Any]:
        """Field key -> cell value, clean values first and planted ones on top."""
        values: dict[str, Any] = {
            "name": self.name,
            "gender": self.gender,
            "id_number": self.id_number,
            "birth_date": self.birth if self.birth_cell is None else self.birth_cell,
            "ethnicity": self.ethnicity,
            "class": self.class_text,
            "health": self.health,
            "home_address": self.address,
            "left_behind_type": self.away_text or self.away,
            "categories": "、".join(self.categories),
            "key_target": "是" if self.key_target else "否",
            "enrollment_status": self.status,
            "father_name": self.father_name,
            "father_phone": self.father_phone,
            "father_work_place": self.father_work,
            "mother_name": self.mother_name,
            "mother_phone": self.mother_phone,
            "mother_work_place": self.mother_work,
            "guardian_name": self.guardian_name,
            "guardian_relation": self.relation,
            "guardian_phone": self.guardian_phone,
            "guardian_age": self.guardian_age,
            "guardian_health": self.guardian_health,
            "support_teacher": self.teacher,
            "notes": self.notes,
        }
        values.update(self.overrides)
        return values


@dataclass
class Teacher:
    """One row of the teacher list."""

    name: str
    gender: str
    role: str
    classes: list[tuple[int, int]]
    subjects: str
    party: bool = False
    phone: str = ""
    capacity: int | None = None
    active: bool = True
    separator: str = "、"


@dataclass
class Record:
    """One support activity."""

    date: dt.date
    teacher: str
    student: str
    class_text: str
    kind: str
    content: str


@dataclass
class Defect:
    """A planted problem; its row is looked up once the sheet is laid out."""

    sheet: str
    target: object  # the Child, Teacher or Record whose row holds it
    key: str
    what: str
    rule: str


@dataclass
class Sample:
    """Everything the workbook and DEFECTS.md are written from."""

    children: list[Child]
    duplicate: Child
    teachers: list[Teacher]
    records: list[Record]
    defects: list[Defect]
    notes: list[Defect]  # normalisation cases: not defects, but worth a test each


class Maker:
    """Builds the sample from one seeded random generator, in a fixed order."""

    def __init__(
        self,
        seed: int = SEED,
        town: str = SCHOOL[:3],
        villages: Sequence[str] = VILLAGES,
        share: Maker | None = None,
    ) -> None:
        """``share``: another maker whose phones, IDs and names this one must not reuse (the
        sets are shared, so numbers stay unique across every workbook of the samples)."""
        self.rng = random.Random(seed)
        self.town, self.villages = town, villages
        self.phones: set[str] = share.phones if share else set()
        self.ids: set[str] = share.ids if share else set()
        self.names: set[str] = share.names if share else set()
        # Set by teachers(): the teacher on leave and the one planted without a phone.
        self.on_leave: Teacher | None = None
        self.no_phone: Teacher | None = None

    # --- small generators -------------------------------------------------------------------
    def phone(self) -> str:
        """A fresh mainland mobile number, unique in the whole sample."""
        while True:
            p = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if p not in self.phones:
                self.phones.add(p)
                return p

    def id_number(self, region: str, birth: dt.date, gender: str) -> str:
        """A valid 18-character ID whose 17th digit agrees with the gender."""
        while True:
            last = self.rng.choice("13579" if gender == "男" else "02468")
            seq = f"{self.rng.randrange(100):02d}{last}"
            if seq == "000":
                continue
            body = f"{region}{birth:%Y%m%d}{seq}"
            # calc_check_digit expects a number with a check digit in place; it drops it.
            number = body + ric.calc_check_digit(body + "0")
            if number not in self.ids:
                self.ids.add(number)
                return number

    def person(self, surname: str | None, pool: Sequence[str]) -> str:
        """An adult's name; parents and grandparents may share names across families."""
        return (surname or self.rng.choice(SURNAMES)) + self.rng.choice(pool)

    def unique_name(self, gender: str, surname: str | None = None, adult: bool = False) -> str:
        """A child's or teacher's name, unique across the sample so records are unambiguous."""
        if adult:
            pool = MAN_NAMES if gender == "男" else WOMAN_NAMES
        else:
            pool = BOY_NAMES if gender == "男" else GIRL_NAMES
        while True:
            name = (surname or self.rng.choice(SURNAMES)) + self.rng.choice(pool)
            if name not in self.names:
                self.names.add(name)
                return name

    def birth(self, grade: int) -> dt.date:
        """A birth date fitting the grade in autumn 2024 (grade 1: Sept 2017 – Aug 2018)."""
        start = dt.date(2018 - grade, 9, 1)
        end = dt.date(2019 - grade, 8, 31)
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def address(self) -> str:
        """A home address in one of the school's villages."""
        rng = self.rng
        return f"{COUNTY}{self.town}{rng.choice(self.villages)}{rng.randint(1, 9)}组"

    def school_day(self, year: int, month: int, first: int = 1, last: int = 31) -> dt.date:
        """A weekday in the month that is not a public holiday, within [first, last]."""
        while True:
            day = self.rng.randint(first, last)
            try:
                d = dt.date(year, month, day)
            except ValueError:
                continue
            if d.weekday() < 5 and d not in HOLIDAYS:
                return d

    # --- teachers --------------------------------------------------------------------------
    def teachers(self) -> list[Teacher]:
        """30 teachers: 5 leaders and administrators, 12 head teachers, 13 subject teachers."""
        rng = self.rng
        g = [(grade, n) for grade in GRADES for n in range(1, CLASSES_PER_GRADE + 1)]
        plan: list[tuple[str, str, list[tuple[int, int]], str, bool]] = [
            ("男", "校长", [(6, 1)], "道德与法治", True),
            ("男", "副校长", [(5, 1), (5, 2)], "科学", True),
            ("女", "副校长", [(4, 1), (4, 2)], "数学", True),
            ("女", "教导主任", [(3, 1), (3, 2)], "英语", True),
            ("男", "总务主任", [(1, 1), (1, 2)], "体育", False),
        ]
        for grade in GRADES:
            # A head teacher's 任教班级 is their own class only, so that it says which class
            # they lead; (g,1)'s teaches 语文 there, (g,2)'s teaches 数学.
            plan.append((rng.choice("男女"), "班主任", [(grade, 1)], "语文", False))
            plan.append((rng.choice("男女"), "班主任", [(grade, 2)], "数学", False))
        subject_plan = [
            ("语文", [(1, 2), (2, 2)]),
            ("语文", [(3, 2), (4, 2)]),
            ("语文", [(5, 2), (6, 2)]),
            ("英语", [(4, 1), (4, 2), (5, 1), (5, 2)]),
            ("英语", [(6, 1), (6, 2)]),
            ("科学", [(1, 1), (1, 2), (2, 1), (2, 2)]),
            ("科学", [(3, 1), (3, 2), (4, 1), (4, 2)]),
            ("体育", [(2, 1), (2, 2), (3, 1), (3, 2)]),
            ("体育", [(4, 1), (4, 2), (5, 1), (5, 2)]),
            ("音乐", [(1, 1), (1, 2), (2, 1)]),
            ("音乐", [(4, 1), (5, 2), (6, 1), (6, 2)]),
            ("美术", [(3, 1), (3, 2), (5, 1)]),
            ("道德与法治", [(1, 1), (2, 2), (3, 1)]),
        ]
        for subject, classes in subject_plan:
            plan.append((rng.choice("男女"), "科任教师", classes, subject, False))
        assert sorted(cs[0] for _, r, cs, _, _ in plan if r == "班主任") == g

        teachers: list[Teacher] = []
        for gender, role, classes, subject, party in plan:
            if role == "校长":
                name = "李建国"  # the 李校长 who signs the roster's footnote
                self.names.add(name)
            elif role == "教导主任":
                name = self.unique_name(gender, "王", adult=True)  # the 王老师 who filled it in
            else:
                name = self.unique_name(gender, adult=True)
            teachers.append(Teacher(name, gender, role, classes, subject, party))

        others = [t for t in teachers if t.role != "校长" and not t.party]
        for t in rng.sample(others, 8):  # 4 leaders + 8 others = 12 party members of 30
            t.party = True
        for t in teachers:
            t.phone = self.phone()
        for t in rng.sample([t for t in teachers if len(t.classes) > 1], 2):
            t.separator = "，"
        subject_teachers = [t for t in teachers if t.role == "科任教师"]
        on_leave, no_phone, *_ = rng.sample(subject_teachers, len(subject_teachers))
        on_leave.active = False
        no_phone.phone = ""
        teachers[1].capacity = 3  # a vice-principal takes more
        heads = [t for t in teachers if t.role == "班主任"]
        heads.sort(key=lambda t: not t.party)  # a party member if there is one
        heads[0].capacity = 3
        teachers[3].capacity = 1  # the 教导主任 is busy
        self.on_leave, self.no_phone = on_leave, no_phone
        return teachers

    # --- children --------------------------------------------------------------------------
    def family(self, c: Child) -> None:
        """Parents, guardian and phones consistent with who is away."""
        rng = self.rng
        surname = c.name[0]
        father_age = 2024 - c.birth.year + rng.randint(24, 34)
        mother_age = max(father_age - rng.randint(0, 4), 2024 - c.birth.year + 21)
        c.father_name = self.person(surname, MAN_NAMES)
        mother_surname = rng.choice([s for s in SURNAMES if s != surname])
        c.mother_name = self.person(mother_surname, WOMAN_NAMES)
        c.father_phone, c.mother_phone = self.phone(), self.phone()
        if c.away in (BOTH, FATHER):
            c.father_work = rng.choice(WORK_PLACES)
        if c.away in (BOTH, MOTHER):
            together = c.away == BOTH and rng.random() < 0.7
            c.mother_work = c.father_work if together else rng.choice(WORK_PLACES)

        at_home = {FATHER: "母亲", MOTHER: "父亲"}.get(c.away)
        if at_home and rng.random() < 0.6:
            c.relation = at_home
            if at_home == "母亲":
                c.guardian_name, c.guardian_phone = c.mother_name, c.mother_phone
                c.guardian_age = mother_age
            else:
                c.guardian_name, c.guardian_phone = c.father_name, c.father_phone
                c.guardian_age = father_age
            c.guardian_health = "健康"
            return
        relation = rng.choices(
            ["祖母", "祖父", "外祖母", "外祖父", "亲属"], weights=[40, 25, 20, 10, 5]
        )[0]
        c.relation = relation
        if relation == "亲属":
            c.guardian_name = self.person(surname, WOMAN_NAMES)  # an aunt on the father's side
            c.guardian_age = rng.randint(35, 52)
            c.guardian_health = "健康"
        else:
            male = relation in ("祖父", "外祖父")
            family_name = surname if relation == "祖父" else None
            if relation == "外祖父":
                family_name = mother_surname
            c.guardian_name = self.person(family_name, OLD_MAN_NAMES if male else OLD_WOMAN_NAMES)
            c.guardian_age = rng.randint(55, 78)
            c.guardian_health = rng.choices(["健康", "一般", "较差"], weights=[4, 4, 2])[0]
        c.guardian_phone = self.phone()

    def child(self, grade: int, number: int, role: str) -> Child:
        """One clean child; the role only steers choices that must hold from the start."""
        rng = self.rng
        gender = {"rare_girl": "女", "minority": "女", "zhe_boy": "男"}.get(role)
        gender = gender or rng.choice("男女")
        birth = self.birth(grade)
        if role == "id_birth_mismatch":
            # A day that, swapped with the month, is still a date in the same school year
            # (both <= 8 or both 9..12), so the only thing wrong is the disagreement.
            days = range(1, 9) if birth.month <= 8 else range(9, 13)
            birth = birth.replace(day=rng.choice([d for d in days if d != birth.month]))
        c = Child(grade, number, gender, birth, role=role)
        if role == "rare_girl":
            c.name = "张㛃"
        elif role == "zhe_boy":
            c.name = "王喆"
        elif role == "minority":
            c.name = "阿依古丽·买买提"
        else:
            c.name = self.unique_name(gender)
        self.names.add(c.name)
        c.address = self.address()
        away = rng.choices([BOTH, FATHER, MOTHER], weights=[65, 20, 15])[0]
        forced = {
            "no_guardian_phone": BOTH,
            "father_no_work": BOTH,
            "bad_phone": BOTH,
            "father_phone_missing": FATHER,
            "orphan": NONE,
            "minority": FATHER,
        }
        c.away = forced.get(role, away)
        if role == "orphan":
            c.categories = ["孤儿"]
            c.relation = "祖母"
            c.guardian_name = self.person(c.name[0], OLD_WOMAN_NAMES)
            c.guardian_age = rng.randint(66, 75)
            c.guardian_health = "一般"
            c.guardian_phone = self.phone()
            c.notes = "父母均已去世，由祖母抚养"
        elif role == "minority":
            c.ethnicity = "维吾尔族"
            c.father_name, c.mother_name = "买买提·吐尔逊", "帕提古丽·艾力"
            c.father_phone, c.mother_phone = self.phone(), self.phone()
            c.father_work = "新疆维吾尔自治区乌鲁木齐市"
            c.guardian_name, c.relation = c.mother_name, "母亲"
            c.guardian_phone, c.guardian_age, c.guardian_health = c.mother_phone, 34, "健康"
        else:
            self.family(c)
        c.id_number = self.id_number(c.region, c.birth, c.gender)
        return c

    def children(self) -> tuple[list[Child], dict[str, Child]]:
        """58 children over 12 classes, with the special cases placed at random."""
        rng = self.rng
        sizes = [N_CHILDREN // 12] * 12
        for i in rng.sample(range(12), N_CHILDREN - sum(sizes)):
            sizes[i] += 1
        classes = [(g, k) for g in GRADES for k in range(1, CLASSES_PER_GRADE + 1)]
        slots = [cls for cls, size in zip(classes, sizes, strict=True) for _ in range(size)]
        roles = [
            "rare_girl",
            "zhe_boy",
            "minority",
            "orphan",
            "disabled",
            "chronic",
            "transfer_1",
            "transfer_2",
            "dropout",
            "id_numeric",
            "id_check",
            "id_birth_mismatch",
            "gender_mismatch",
            "no_guardian_phone",
            "father_phone_missing",
            "father_no_work",
            "bad_phone",
            "bad_class",
            "duplicate",
            "no_address",
            "fullwidth_phone",
            "dashed_phone",
            "numeric_phone",
        ]
        chosen = rng.sample(range(len(slots)), len(roles))
        role_of = dict(zip(chosen, roles, strict=True))
        kids = [self.child(*slot, role_of.get(i, "")) for i, slot in enumerate(slots)]
        by_role = {c.role: c for c in kids if c.role}

        # Statuses and health.
        by_role["disabled"].health = "残疾"
        by_role["disabled"].categories = ["残疾"]
        by_role["disabled"].notes = "听力残疾二级"
        by_role["chronic"].health = "慢性病"
        by_role["chronic"].notes = "哮喘，需随身带药"
        for key in ("transfer_1", "transfer_2"):
            by_role[key].status = "转出"
            by_role[key].notes = f"2024年{rng.randint(10, 11)}月转出至南部县城关小学"
        by_role["dropout"].status = "辍学"
        by_role["dropout"].notes = "2024年11月起未到校，正在劝返"

        # Variations on clean children only: each is valid and should read without a finding.
        # Every kind appears at least once, yet most of the 35 plain children stay plain.
        plain = [c for c in kids if not c.role]
        picks = iter(rng.sample(plain, 30))
        for _ in range(3):
            next(picks).health = "一般或较弱"
        kinds = [["建档立卡"]] * 3 + [["低保"]] * 2 + [["学困"]] * 3 + [["建档立卡", "学困"]]
        for cats in kinds:
            next(picks).categories = list(cats)
        for text in ("双亲留守", "双亲留守", "双方外出"):
            c = next(c for c in picks if c.away == BOTH)
            c.away_text = text
        for _ in range(2):
            c = next(picks)
            c.birth_cell = f"{c.birth.year}年{c.birth.month}月{c.birth.day}日"
        for _ in range(2):
            c = next(picks)
            c.birth_cell = f"{c.birth.year}.{c.birth.month}.{c.birth.day}"
        for spell in ("{g}({n})", "{cn}({n})班", "{g}0{n}"):
            c = next(picks)
            c.overrides["class"] = spell.format(g=c.grade, n=c.number, cn=CN[c.grade])
        for region in (NEIGHBOUR_REGIONS[0], NEIGHBOUR_REGIONS[1], NEIGHBOUR_REGIONS[0]):
            c = next(picks)
            self.ids.discard(c.id_number)
            c.region = region
            c.id_number = self.id_number(region, c.birth, c.gender)
        for c in kids:
            c.key_target = bool(c.categories) or c.health != "健康"
        for c in rng.sample([c for c in plain if not c.key_target], 2):
            c.key_target = True  # a few marked by the class teacher without a category
        return kids, by_role

    # --- pairs and records -----------------------------------------------------------------
    def pair(self, teachers: list[Teacher], kids: list[Child]) -> None:
        """Last term's pairs (~40% of the children), so that `lbc pair` has most of the work
        still to do: 4 active teachers have two, 14 have one, the rest none, never above a
        teacher's capacity. Each takes children from the classes they teach, key targets
        first. One clean child keeps the teacher now on leave: a pair that has to move."""
        rng = self.rng
        eligible = {id(c) for c in kids if c.status == "在读" and not c.role}
        eligible |= {id(c) for c in kids if c.role in ("rare_girl", "zhe_boy", "minority")}
        eligible |= {id(c) for c in kids if c.role in ("orphan", "disabled", "chronic")}
        active = [t for t in teachers if t.active]
        twos = rng.sample([t for t in active if t.capacity is None or t.capacity >= 2], 4)
        ones = rng.sample([t for t in active if t not in twos], 14)
        want = {id(t): 2 for t in twos} | {id(t): 1 for t in ones}
        # In random order, so the teachers with two do not take all the key targets.
        for t in rng.sample(active, len(active)):
            for _ in range(want.get(id(t), 0)):
                free = [c for c in kids if id(c) in eligible and not c.teacher]
                mine = [c for c in free if (c.grade, c.number) in t.classes] or free
                mine.sort(key=lambda c: (not c.key_target, rng.random()))
                mine[0].teacher = t.name
        gone = self.on_leave
        assert gone is not None, "teachers() runs first"
        free = [c for c in kids if id(c) in eligible and not c.role and not c.teacher]
        mine = [c for c in free if (c.grade, c.number) in gone.classes] or free
        rng.choice(mine).teacher = gone.name

    def supported(self, kids: list[Child]) -> list[Child]:
        """Paired children whose teacher is at work: only they have records this term."""
        leave = self.on_leave.name if self.on_leave else None  # None: everyone is at work
        return [c for c in kids if c.teacher and c.teacher != leave]

    def records(self, kids: list[Child]) -> list[Record]:
        """Support records for autumn 2024, each by the child's own support teacher (none
        for the child whose teacher is on leave).

        Mostly faithful to the school's commitments (a talk a month, a home visit a term,
        warmth for key targets in January) with a few natural gaps, so compliance reports
        have something to show besides the planted defects.
        """
        rng = self.rng
        out: list[Record] = []
        months = [(2024, 9, 2), (2024, 10, 8), (2024, 11, 1), (2024, 12, 1), (2025, 1, 2)]
        for c in self.supported(kids):
            home = familiar(c.relation) if c.relation else "家人"
            away = {BOTH: "爸爸妈妈", FATHER: "爸爸", MOTHER: "妈妈"}.get(c.away, "家人")
            talks = [
                "了解近期学习和生活情况，鼓励按时完成作业",
                f"谈心，孩子情绪稳定，说想念{away}",
                f"聊在家帮{home}做家务的事，表扬了孩子",
                "了解与同学相处情况，引导多参加集体活动",
                "谈考试成绩，一起分析错题",
                "关心穿衣和饮食，提醒注意交通和用电安全",
            ]
            for year, month, first in months:
                if rng.random() < 0.93:
                    last = 17 if month == 1 else 31
                    day = self.school_day(year, month, first, last)
                    text = rng.choice(talks)
                    out.append(Record(day, c.teacher, c.name, c.class_text, "谈心", text))
            if rng.random() < 0.8:
                d = dt.date(2024, 10, 8) + dt.timedelta(days=rng.randrange(80))
                text = rng.choice(
                    [
                        f"到家中走访，与{home}交流孩子在校表现和家庭教育",
                        "家访，了解居住和学习环境，宣传防溺水、防火安全知识",
                    ]
                )
                out.append(Record(d, c.teacher, c.name, c.class_text, "家访", text))
            if c.away != NONE and rng.random() < 0.15:
                d = self.school_day(2024, rng.choice([10, 11, 12]))
                who = "爸爸" if c.away == FATHER else "妈妈" if c.away == MOTHER else "爸爸妈妈"
                text = f"与孩子{who}电话沟通近况，建议每周和孩子视频一次"
                out.append(Record(d, c.teacher, c.name, c.class_text, "电话联系", text))
            tutoring = (10, 11) if "学困" in c.categories else ()
            if not tutoring and rng.random() < 0.05:
                tutoring = (rng.choice([10, 11, 12]),)
            for month in tutoring:
                d = self.school_day(2024, month)
                text = rng.choice(["课后辅导数学计算", "辅导语文阅读和生字", "辅导作业订正"])
                out.append(Record(d, c.teacher, c.name, c.class_text, "学习辅导", text))
            if c.key_target:
                d = dt.date(2025, 1, rng.randint(6, 24))
                text = rng.choice(["送去棉衣和学习用品", "送去慰问品，提前祝孩子新年快乐"])
                out.append(Record(d, c.teacher, c.name, c.class_text, "送温暖", text))
        return out

    # --- defects ---------------------------------------------------------------------------
    def plant(self, by_role: dict[str, Child]) -> tuple[Child, list[Defect], list[Defect]]:
        """Break the chosen children and teachers, one problem each, and say what was done.

        Returns the duplicate row (a copy of one child), the defects and the normalisation
        cases. Runs after pairing, so no planted child has a support teacher.
        """
        rng = self.rng
        defects: list[Defect] = []
        notes: list[Defect] = []

        def bad(target: object, key: str, what: str, rule: str, sheet: str = CHILD_SHEET) -> None:
            defects.append(Defect(sheet, target, key, what, rule))

        def note(target: object, key: str, what: str, rule: str) -> None:
            notes.append(Defect(CHILD_SHEET, target, key, what, rule))

        c = by_role["id_numeric"]
        value = float(int(c.id_number[:15] + "000"))  # what Excel keeps of an 18-digit number
        c.overrides["id_number"], c.formats["id_number"] = value, "0"
        bad(
            c,
            "id_number",
            f"ID typed as a number cell: Excel shows {c.id_number[:15]}000 (the real ID "
            f"{c.id_number} lost its "
            "last three digits)",
            "ID stored as a number (error of its own); the ID cannot be checked further",
        )

        c = by_role["id_check"]
        good = c.id_number
        wrong = rng.choice([d for d in "0123456789X" if d != good[-1]])
        c.overrides["id_number"] = good[:-1] + wrong
        bad(
            c,
            "id_number",
            f"check digit is {wrong}, should be {good[-1]} ({good[:-1]}{wrong})",
            "ID check digit wrong (GB 11643)",
        )

        c = by_role["id_birth_mismatch"]
        swapped = c.birth.replace(month=c.birth.day, day=c.birth.month)
        c.overrides["birth_date"] = swapped
        bad(
            c,
            "birth_date",
            f"出生日期 says {swapped.isoformat()} but the ID says {c.birth.isoformat()} "
            "(day and month swapped); the ID itself is valid",
            "birth date disagrees with the ID",
        )

        c = by_role["gender_mismatch"]
        other = "女" if c.gender == "男" else "男"
        c.overrides["gender"] = other
        bad(
            c,
            "gender",
            f"性别 is {other} but the ID's 17th digit ({c.id_number[16]}) says {c.gender}",
            "gender disagrees with the ID",
        )

        c = by_role["no_guardian_phone"]
        c.overrides["guardian_phone"] = None
        bad(
            c,
            "guardian_phone",
            "父母均外出, guardian named with relation but no guardian phone "
            "(both parents' phones are present)",
            "missing required contact: both parents away and no guardian phone",
        )

        c = by_role["father_phone_missing"]
        c.overrides["father_phone"] = None
        bad(
            c,
            "father_phone",
            "父亲外出 but the father's phone is empty (mother at home has a phone)",
            "missing required contact: the away parent's phone",
        )

        c = by_role["father_no_work"]
        c.overrides["father_work_place"] = None
        bad(
            c,
            "father_work_place",
            "父母均外出 but the father's work place is empty (mother's is filled)",
            "warning: away parent without a work place",
        )

        c = by_role["bad_phone"]
        short = c.mother_phone[:10]
        c.overrides["mother_phone"] = short
        bad(
            c,
            "mother_phone",
            f"mother's phone {short} has 10 digits (father and guardian phones are fine)",
            "malformed phone number",
        )

        c = by_role["bad_class"]
        c.overrides["class"] = BAD_CLASS
        bad(
            c,
            "class",
            f"class written as 火箭班 (the child is in {c.class_text}); no grade or class number",
            "class cannot be read",
        )

        c = by_role["no_address"]
        c.overrides["home_address"] = None
        bad(c, "home_address", "家庭住址 empty", "required field empty")

        source = by_role["duplicate"]
        dup = Child(**{**source.__dict__, "overrides": dict(source.overrides), "formats": {}})
        dup.role = "duplicate_copy"
        dup.overrides["class"] = f"{CN[dup.grade]}({dup.number})班"
        bad(
            dup,
            "id_number",
            f"{dup.name} entered twice: same ID {dup.id_number} as row {{row:{id(source)}}}; "
            f"this copy spells the class {dup.overrides['class']}",
            "duplicate child (same ID on two rows)",
        )

        t = self.no_phone
        assert t is not None, "teachers() runs first"
        bad(t, "phone", f"teacher {t.name} has no phone", "teacher missing contact", TEACHER_SHEET)

        # Normalisation cases: valid input that must read without a finding.
        c = by_role["fullwidth_phone"]
        wide = c.father_phone.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
        c.overrides["father_phone"] = wide
        note(
            c,
            "father_phone",
            f"father's phone in full-width digits: {wide}",
            "read as the 11-digit mobile; no finding",
        )
        c = by_role["dashed_phone"]
        g = c.guardian_phone
        dashed = f"{g[:3]}-{g[3:7]}-{g[7:]}"
        c.overrides["guardian_phone"] = dashed
        note(
            c,
            "guardian_phone",
            f"guardian phone with dashes: {dashed}",
            "read as the 11-digit mobile; no finding",
        )
        if c.relation in ("父亲", "母亲"):  # keep the same person's number spelled the same
            key = "father_phone" if c.relation == "父亲" else "mother_phone"
            c.overrides[key] = dashed
        c = by_role["numeric_phone"]
        c.overrides["guardian_phone"] = int(c.guardian_phone)
        c.formats["guardian_phone"] = "General"
        note(
            c,
            "guardian_phone",
            f"guardian phone typed as a number cell: {c.guardian_phone}",
            "read as the 11-digit mobile; no finding",
        )
        return dup, defects, notes

    def record_defects(
        self, records: list[Record], teachers: list[Teacher], kids: list[Child]
    ) -> list[Defect]:
        """A record by a misspelled teacher and one for a misspelled child (homophone slips)."""
        rng = self.rng
        teacher_names = {t.name for t in teachers}
        child_names = {c.name for c in kids}

        def slip(name: str, taken: set[str]) -> str | None:
            for i, ch in enumerate(name[1:], start=1):
                if ch in HOMOPHONES:
                    new = name[:i] + HOMOPHONES[ch] + name[i + 1 :]
                    if new not in taken and new not in self.names:
                        return new
            return None

        paired = self.supported(kids)
        rng.shuffle(paired)
        c, wrong_teacher = next(
            (c, w) for c in paired if (w := slip(c.teacher, teacher_names)) is not None
        )
        r1 = Record(
            self.school_day(2024, 11),
            wrong_teacher,
            c.name,
            c.class_text,
            "电话联系",
            "与孩子家长电话沟通期中考试情况",
        )
        c2, wrong_child = next(
            (k, w) for k in paired if k is not c and (w := slip(k.name, child_names)) is not None
        )
        r2 = Record(
            self.school_day(2024, 12),
            c2.teacher,
            wrong_child,
            c2.class_text,
            "谈心",
            "了解近期学习和生活情况，鼓励按时完成作业",
        )
        records += [r1, r2]
        return [
            Defect(
                RECORD_SHEET,
                r1,
                "teacher",
                f"teacher {wrong_teacher} is not in 教师名单 (a slip for {c.teacher}, "
                f"{c.name}'s support teacher)",
                "record names an unknown teacher",
            ),
            Defect(
                RECORD_SHEET,
                r2,
                "student",
                f"child {wrong_child} ({c2.class_text}) is not in the roster (a slip for "
                f"{c2.name})",
                "record names an unknown child",
            ),
        ]

    def build(self) -> Sample:
        """Everything, in one fixed order so the seed gives the same sample every time."""
        teachers = self.teachers()
        kids, by_role = self.children()
        self.pair(teachers, kids)
        dup, defects, notes = self.plant(by_role)
        records = self.records(kids)
        defects += self.record_defects(records, teachers, kids)
        records.sort(key=lambda r: (r.date, r.teacher, r.student))
        return Sample(kids, dup, teachers, records, defects, notes)


# --- last term: the same school in spring 2024 ------------------------------------------------
# Written after the autumn sample from their own seeds, so that nothing here can move a single
# random draw of the autumn roster; they share its sets of phones, IDs and names.
SPRING_SEED, SECOND_SEED = 2023, 2025
SPRING_DIR = "上学期"
SPRING_TITLE = "青山镇中心小学留守儿童花名册（2024年春季学期）"
SPRING_FOOTNOTE = "填表人：王老师    审核人：李校长    填表日期：2024年3月8日"
SPRING_STAMP = dt.datetime(2024, 3, 8, 8, 0, 0)
GRADUATES = (5, 4)  # 六年级(1)班 and (2)班 in spring: all of them went on to middle school
GRANDPARENTS = frozenset({"祖父", "祖母", "外祖父", "外祖母", "亲属"})
# The fields `lbc diff` compares that the sample's rosters have (lbc.roster.changes.TRACKED).
DIFF_FIELDS = (
    "name",
    "id_number",
    "class",
    "left_behind_type",
    "enrollment_status",
    "health",
    "home_address",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "father_phone",
    "mother_phone",
    "father_work_place",
    "mother_work_place",
    "support_teacher",
)


@dataclass
class Moved:
    """One tracked field that differs between a child's spring row and autumn row."""

    spring: Child
    autumn: Child
    key: str
    old: str | None
    new: str | None


@dataclass
class LastTerm:
    """The spring roster, and how it lines up with the autumn one."""

    children: list[Child]  # in row order
    teachers: list[Teacher]
    pairs: list[tuple[Child, Child]]  # (spring, autumn) for every child in both
    graduates: list[Child]
    transferred: Child
    no_id: Child  # the spring child whose ID cell was blank
    planted: list[Child]  # the autumn children with a change made on purpose

    def rule(self, spring: Child, autumn: Child) -> str:
        """How lbc diff should match the two rows: the ID where both rows hold the same
        readable one, else name + birth date (no child needs name + class)."""
        same = bool(spring.id_number) and autumn.cells()["id_number"] == spring.id_number
        return "id_number" if same else "name_birth_date"

    def moved(self) -> list[Moved]:
        """Every tracked field that differs, as lbc should read both cells."""
        out = []
        for spring, autumn in self.pairs:
            for key in DIFF_FIELDS:
                old, new = read_as(spring, key), read_as(autumn, key)
                promoted = (
                    key == "class"
                    and (old, new) == (spring.class_text, autumn.class_text)
                    and (spring.grade + 1, spring.number) == (autumn.grade, autumn.number)
                )
                if key == "id_number" and not ids_differ(old, new):
                    continue
                if old != new and not promoted:  # moving up a grade is no change to lbc
                    out.append(Moved(spring, autumn, key, old, new))
        return out


def ids_differ(old: str | None, new: str | None) -> bool:
    """Whether lbc diff reports an ID number changed: filled in, emptied, or two that
    differ, a number cell being the ID whose first 15 digits it kept (the rest made zeros)."""
    if old is None or new is None:
        return old != new
    kept = [i for i in (old, new) if i[15:] == "000"]
    return old[:15] != new[:15] if kept else old != new


def read_as(c: Child, key: str) -> str | None:
    """A cell as lbc reads it after normalising: any valid class spelling is the same class,
    a phone is its digits, a 留守类型 synonym is the canonical type."""
    value = c.cells()[key]
    if value is None or value == "":
        return None
    if key == "class":
        return value if value == BAD_CLASS else c.class_text
    if key == "left_behind_type":
        return c.away
    if key == "id_number" and isinstance(value, float):
        return str(int(Decimal(repr(value))))  # a number cell: the digits it kept
    if key in PHONE_KEYS:
        text = str(value).translate({ord(d) + 0xFEE0: ord(d) for d in "0123456789"})
        digits = text.replace("-", "")
        return digits if re.fullmatch(r"1[3-9]\d{9}", digits) else text
    return str(value)


def last_term(autumn: Sample, share: Maker) -> LastTerm:
    """The spring roster of the same school: every child who is in 二–六年级 now was a grade
    lower (the autumn 一年级 were not at school yet); the spring 六年级 have graduated and
    one child transferred out over the summer. A few facts changed between the terms, each
    on a child listed in ``planted``; the rest of each row is what the school meant in
    autumn, without the autumn roster's planted defects."""
    m = Maker(SPRING_SEED, share=share)
    rng = m.rng
    pairs: list[tuple[Child, Child]] = []
    for c in autumn.children:
        if c.grade == 1:
            continue
        s = Child(**{**c.__dict__, "overrides": {}, "formats": {}})
        s.grade, s.status, s.categories = c.grade - 1, "在读", list(c.categories)
        if c.status != "在读":  # the 转出 and 辍学 notes are about this autumn
            s.notes = ""
        pairs.append((s, c))
    planted: list[Child] = []
    plain = [(s, c) for s, c in pairs if not c.role]
    pool = rng.sample(plain, len(plain))
    used: set[int] = set()

    def take(ok: Callable[[Child], object]) -> tuple[Child, Child]:
        s, c = next((s, c) for s, c in pool if id(c) not in used and ok(c))
        used.add(id(c))
        return s, c

    s, c = take(lambda c: c.away == FATHER and c.relation == "母亲")
    s.relation, s.guardian_name = "祖母", m.person(c.name[0], OLD_WOMAN_NAMES)
    s.guardian_age, s.guardian_health = rng.randint(58, 72), "健康"
    s.guardian_phone = m.phone()
    planted.append(c)  # the grandmother was the guardian in spring, the mother is now

    s, c = take(lambda c: c.away == BOTH and not c.away_text and c.relation in GRANDPARENTS)
    s.away, s.mother_work = FATHER, ""
    planted.append(c)  # the mother went out to work after the summer

    s, c = take(lambda c: c.away in (BOTH, FATHER) and c.father_work)
    s.father_work = rng.choice([p for p in WORK_PLACES if p != c.father_work])
    planted.append(c)  # the father found work elsewhere
    s, c = take(lambda c: c.away in (BOTH, MOTHER) and c.mother_work)
    s.mother_work = rng.choice([p for p in WORK_PLACES if p != c.mother_work])
    planted.append(c)

    for _ in range(2):
        s, c = take(lambda c: c.relation in GRANDPARENTS and not c.overrides)
        s.guardian_phone = m.phone()
        planted.append(c)  # the guardian has a new number

    s, no_id = take(lambda c: True)
    s.id_number = ""
    planted.append(no_id)  # lbc diff must match this child by name + birth date

    graduates = []
    for number, size in enumerate(GRADUATES, start=1):
        for _ in range(size):
            g = m.child(7, number, "")  # born like a 七年级 pupil of autumn 2024
            g.grade = 6
            graduates.append(g)
    grade, number = rng.randint(1, 5), rng.randint(1, 2)
    transferred = m.child(grade + 1, number, "")
    transferred.grade = grade
    for c in [*graduates, transferred]:
        if rng.random() < 0.25:
            c.categories = [rng.choice(["建档立卡", "低保", "学困"])]
        c.key_target = bool(c.categories)
    # The teachers who took this autumn's 一年级 children had a graduate in spring.
    freed = [c.teacher for c in autumn.children if c.grade == 1 and c.teacher]
    for g, teacher in zip(rng.sample(graduates, len(freed)), freed, strict=True):
        g.teacher = teacher

    teachers = [replace(t, classes=list(t.classes), active=True) for t in autumn.teachers]
    for t in teachers:
        if not t.phone:  # the autumn roster lost this teacher's phone; spring had it
            t.phone = m.phone()
    rows = sorted(
        [*(s for s, _ in pairs), transferred, *graduates], key=lambda c: (c.grade, c.number)
    )
    spring_of = {id(c): s for s, c in pairs}
    return LastTerm(rows, teachers, pairs, graduates, transferred, spring_of[id(no_id)], planted)


# --- a second school of the county ------------------------------------------------------------
SECOND = "白鹤乡中心小学"
SECOND_TOWN = "白鹤乡"
SECOND_VILLAGES = words("金鸡村 河坝村 黄桷村 松林村 石板村 龙泉村 向阳村 白鹤村")
SECOND_CHILDREN = 40  # the child shared with 青山镇中心小学 included
SECOND_TITLE = "白鹤乡中心小学留守儿童花名册（2024年秋季学期）"
SECOND_STAMP = dt.datetime(2024, 9, 23, 8, 0, 0)


@dataclass
class SecondSchool:
    children: list[Child]  # in row order
    teachers: list[Teacher]
    records: list[Record]
    shared: Child  # the row whose ID is also in 青山镇中心小学's roster
    source: Child  # that child's row in 青山镇中心小学's roster
    footnote: str


def second_school(autumn: Sample, share: Maker, keep_out: set[int]) -> SecondSchool:
    """白鹤乡中心小学, one class a grade: 20 teachers who between them support every one of
    its 40 left-behind children, and records for the term. Clean, except that one child is
    also still on 青山镇中心小学's roster (moved to 白鹤乡 over the summer and taken in here,
    but never marked 转出 there): the county's merge must find that ID in both schools."""
    m = Maker(SECOND_SEED, town=SECOND_TOWN, villages=SECOND_VILLAGES, share=share)
    rng = m.rng
    plan: list[tuple[str, str, list[int], str, bool]] = [
        ("男", "校长", [6], "道德与法治", True),
        ("女", "副校长", [5, 6], "数学", True),
        ("女", "教导主任", [3, 4], "英语", True),
    ]
    plan += [(rng.choice("男女"), "班主任", [g], "语文", False) for g in GRADES]
    plan += [
        (rng.choice("男女"), "科任教师", classes, subject, False)
        for subject, classes in (
            ("数学", [1, 2]),
            ("数学", [3, 4]),
            ("英语", [5, 6]),
            ("科学", [1, 2, 3]),
            ("科学", [4, 5, 6]),
            ("体育", [1, 2, 3]),
            ("体育", [4, 5, 6]),
            ("音乐", [1, 2, 3, 4, 5, 6]),
            ("美术", [1, 2, 3, 4, 5, 6]),
            ("道德与法治", [1, 2, 3, 4, 5]),
            ("信息科技", [3, 4, 5, 6]),
        )
    ]
    teachers = []
    for gender, role, grades, subject, party in plan:
        name = m.unique_name(gender, adult=True)
        classes = [(g, 1) for g in grades]
        teachers.append(Teacher(name, gender, role, classes, subject, party, m.phone()))
    for t in rng.sample([t for t in teachers if not t.party], 4):
        t.party = True
    head, writer = teachers[0], teachers[2]
    footnote = (
        f"填表人：{writer.name[0]}老师    审核人：{head.name[0]}校长    填表日期：2024年9月23日"
    )

    sizes = [(SECOND_CHILDREN - 1) // 6] * 6
    for i in rng.sample(range(6), SECOND_CHILDREN - 1 - sum(sizes)):
        sizes[i] += 1
    kids = [m.child(g, 1, "") for g, size in zip(GRADES, sizes, strict=True) for _ in range(size)]
    picks = iter(rng.sample(kids, 12))
    for cats in (["建档立卡"], ["建档立卡"], ["低保"], ["学困"], ["学困"], ["建档立卡", "学困"]):
        next(picks).categories = list(cats)
    next(picks).health = "一般或较弱"
    c = next(c for c in picks if c.away == BOTH)
    c.away_text = "双亲留守"
    for _ in range(2):
        c = next(picks)
        c.birth_cell = f"{c.birth.year}.{c.birth.month}.{c.birth.day}"
    for c in kids:
        c.key_target = bool(c.categories) or c.health != "健康"

    source = rng.choice(
        [
            c
            for c in autumn.children
            if not c.role and c.grade > 1 and not c.teacher and id(c) not in keep_out
        ]
    )
    shared = Child(**{**source.__dict__, "overrides": {}, "formats": {}})
    shared.number, shared.categories = 1, list(source.categories)
    shared.address = m.address()
    shared.notes = "2024年9月从青山镇中心小学转入"
    at = max(i for i, c in enumerate(kids) if c.grade == shared.grade)
    kids.insert(at + 1, shared)

    # Every child has a support teacher: two each, from the teachers of the child's class
    # where one is free, key targets first.
    load = {t.name: 0 for t in teachers}
    for c in sorted(rng.sample(kids, len(kids)), key=lambda c: not c.key_target):
        free = [t for t in teachers if load[t.name] < 2]
        mine = [t for t in free if (c.grade, 1) in t.classes] or free
        best = min(load[t.name] for t in mine)
        t = rng.choice([t for t in mine if load[t.name] == best])
        c.teacher, load[t.name] = t.name, load[t.name] + 1
    records = m.records(kids)
    records.sort(key=lambda r: (r.date, r.teacher, r.student))
    return SecondSchool(kids, teachers, records, shared, source, footnote)


# --- a third school, whose roster is the national registration form ----------------------------
THIRD = "大桥镇中心小学"
THIRD_TOWN = "大桥镇"
THIRD_VILLAGES = words("红岩村 太平村 五星村 桂花村 回龙村 长乐村")
THIRD_SEED = 2026
THIRD_CHILDREN = 18  # three a grade, one class a grade
THIRD_TITLE = "农村留守儿童基本情况登记表"
THIRD_SHEET = "登记表"
THIRD_STAMP = dt.datetime(2024, 9, 25, 8, 0, 0)
THIRD_FOOTNOTE = (
    "单位负责人：{head}    复核人：{checker}    填表人：{writer}    填表日期：2024年9月25日"
)
BOTH_TEXT = "父母双方同时外出"
ONE_TEXT = "父母一方外出、另一方无监护能力"
# The registration form's columns: (header, group above it or None, key of the row value).
# The 2016 form's layout, with 年级 and 班级 in front as schools add them.
FORM_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("序号", None),
    ("年级", None),
    ("班级", None),
    ("姓名", None),
    ("性别", None),
    ("民族", None),
    ("出生日期", None),
    ("公民身份证号码", None),
    ("是否登记户口", None),
    ("户籍所在地", None),
    ("现居住地", None),
    ("身体情况", None),
    ("残疾类别及等级", None),
    ("是否学校寄宿", None),
    ("就学情况", None),
    *(
        (attr, "父亲")
        for attr in ("姓名", "出生日期", "公民身份证号码", "当前务工地点", "联系电话")
    ),
    *(
        (attr, "母亲")
        for attr in ("姓名", "出生日期", "公民身份证号码", "当前务工地点", "联系电话")
    ),
    ("实际监护情况", None),
    ("父母外出有无委托其他监护人", None),
    # The guardian's relation in traditional characters, as one county's copy of the form has it.
    *(
        (attr, "委托监护人")
        for attr in ("姓名", "电话", "公民身份证号码", "與被監護人關係", "居住地地址")
    ),
    ("监护类型", None),
    ("家庭经济来源", None),
    ("救助帮扶情况", None),
)
FORM_WIDTHS = (5, 8, 6, 10, 5, 6, 12, 21, 6, 16, 26, 8, 10, 6, 8) + (10, 12, 21, 20, 13) * 2
FORM_WIDTHS += (16, 8, 10, 13, 21, 10, 26, 14, 10, 14)


@dataclass
class FormChild:
    """One row of the registration form: the child, and what the form adds about the family."""

    child: Child
    care: str
    father_birth: dt.date
    father_id: str
    mother_birth: dt.date
    mother_id: str
    guardian_birth: dt.date
    guardian_id: str
    entrusted: str = "有"
    boarding: str = "否"
    disability: str = "无"
    rating: str = "监护情况较好"
    relief: str = "无"
    note: str = ""  # what DEFECTS.md says about this row, when it is one to look at

    def values(self, seq: int) -> list[Any]:
        c = self.child
        return [
            seq,
            f"{CN[c.grade]}年级",
            "1班",
            c.name,
            c.gender,
            c.ethnicity,
            c.birth,
            c.id_number,
            "是",
            "四川省南充市南部县",
            c.address,
            c.health,
            self.disability,
            self.boarding,
            "小学",
            c.father_name,
            self.father_birth,
            self.father_id,
            c.father_work,
            c.father_phone,
            c.mother_name,
            self.mother_birth,
            self.mother_id,
            c.mother_work,
            c.mother_phone,
            self.care,
            self.entrusted,
            c.guardian_name,
            c.guardian_phone,
            self.guardian_id,
            c.relation,
            c.address if c.guardian_name else "",
            self.rating,
            "打工收入",
            self.relief,
        ]


@dataclass
class ThirdSchool:
    children: list[FormChild]
    teachers: list[Teacher]
    head: Teacher
    planted: dict[str, FormChild]  # what is planted -> the row it is planted in
    watched: dict[str, FormChild]  # a watch-list reason (WCH…) -> the row that gives it


def third_school(share: Maker) -> ThirdSchool:
    """大桥镇中心小学 keeps its roster as the 2016 registration form prints it (title, 父亲 /
    母亲 / 委托监护人 merged over the attributes below them), with a teachers list beside it.
    Clean but for a few planted defects; a few rows hold what the form says in its own words
    and must read without a finding."""
    m = Maker(THIRD_SEED, town=THIRD_TOWN, villages=THIRD_VILLAGES, share=share)
    rng = m.rng
    teachers = []
    for g in GRADES:
        gender = rng.choice("男女")
        name = m.unique_name(gender, adult=True)
        teachers.append(Teacher(name, gender, "班主任", [(g, 1)], "语文", phone=m.phone()))
    teachers[0].role, teachers[0].party = "校长", True
    head = teachers[0]
    rows: list[FormChild] = []
    for grade in GRADES:
        for _ in range(THIRD_CHILDREN // len(GRADES)):
            c = m.child(grade, 1, "")
            if c.relation in ("父亲", "母亲"):
                # On the form the parent at home cannot look after the child: a grandparent
                # is the entrusted guardian.
                c.relation = "祖母"
                c.guardian_name = m.person(c.name[0], OLD_WOMAN_NAMES)
                c.guardian_phone, c.guardian_age, c.guardian_health = m.phone(), 63, "健康"
            father_birth = dt.date(c.birth.year - rng.randint(25, 33), rng.randint(1, 12), 9)
            mother_birth = dt.date(c.birth.year - rng.randint(22, 30), rng.randint(1, 12), 18)
            guardian_age = c.guardian_age or 60
            guardian_birth = dt.date(2024 - guardian_age, rng.randint(1, 12), 3)
            male = c.relation in ("祖父", "外祖父")
            rows.append(
                FormChild(
                    c,
                    BOTH_TEXT if c.away == BOTH else ONE_TEXT,
                    father_birth,
                    m.id_number(HOME_REGION, father_birth, "男"),
                    mother_birth,
                    m.id_number(HOME_REGION, mother_birth, "女"),
                    guardian_birth,
                    m.id_number(HOME_REGION, guardian_birth, "男" if male else "女"),
                    boarding="是" if grade >= 4 and rng.random() < 0.5 else "否",
                    rating="监护情况一般" if c.guardian_health == "较差" else "监护情况较好",
                )
            )
    both = [r for r in rows if r.child.away == BOTH]
    one = [r for r in rows if r.child.away != BOTH]
    picks = iter(rng.sample(both, 8))
    planted: dict[str, FormChild] = {}

    # Defects: each trips one rule.
    r = planted["id_check_digit"] = next(picks)
    ident = r.child.id_number
    r.child.id_number = ident[:-1] + ("0" if ident[-1] != "0" else "1")
    r.note = f"check digit is {r.child.id_number[-1]}, should be {ident[-1]} ({ident})"
    r = planted["no_guardian_phone"] = next(picks)
    r.child.guardian_phone = ""
    r.note = "父母双方同时外出, 委托监护人 named with relation but 电话 empty"
    r = planted["bad_rating"] = next(picks)
    r.rating = "中等"
    r.note = "监护类型 中等 is none of the form's five ratings"
    r = planted["short_phone"] = next(picks)
    r.child.father_phone = r.child.father_phone[:-1]
    r.note = f"father's phone {r.child.father_phone} has 10 digits"
    r = planted["father_id"] = next(picks)
    ident = r.father_id
    r.father_id = ident[:-1] + ("0" if ident[-1] != "0" else "1")
    r.note = f"father's ID check digit is {r.father_id[-1]}, should be {ident[-1]}"
    r = planted["nobody_but_named"] = next(picks)
    r.rating = "无人监护"
    r.note = "监护类型 无人监护, yet 委托监护人 is named (with relation and phone)"
    r = planted["one_away_unsaid"] = one[0]
    r.child.father_work = r.child.mother_work = ""
    r.note = "父母一方外出 but neither parent's 当前务工地点 is filled in: which one is unsaid"

    # Not defects: the form's own words.
    r = planted["disabled"] = next(picks)
    r.child.health, r.disability, r.relief = "残疾", "听力残疾二级", "享受低保"
    r.note = "身体情况 残疾, 残疾类别及等级 听力残疾二级, 救助帮扶情况 享受低保"
    r = planted["father_away"] = next(x for x in one[1:] if x.child.away == FATHER)
    r.note = "父母一方外出: only the father's 当前务工地点 is filled in, so 父亲外出"

    # Reasons for lbc watch the form gives in its own words, each on a row of its own.
    taken = {id(x) for x in planted.values()}
    calm = [r for r in rows if id(r) not in taken and r.boarding == "否"]
    first = rng.choice([r for r in calm if r.child.away == BOTH])
    picks = iter(rng.sample([r for r in calm if r is not first], 3))
    watched: dict[str, FormChild] = {}
    r = watched["WCH001"] = first
    c = r.child
    c.guardian_name = c.guardian_phone = c.relation = r.guardian_id = ""
    r.entrusted, r.rating = "无", "无人监护"
    r.note = "父母双方同时外出, 父母外出有无委托其他监护人 无, 委托监护人 blank, 无人监护"
    r = watched["WCH003"] = next(picks)
    r.rating = "受委托监护人监护能力不足"
    r.note = "监护类型 受委托监护人监护能力不足"
    r = watched["WCH006"] = next(picks)
    c = r.child
    c.relation, c.guardian_name = "姐姐", m.person(c.name[0], WOMAN_NAMES)
    r.guardian_birth = dt.date(2007, 5, 3)  # 17 all term
    r.guardian_id = m.id_number(HOME_REGION, r.guardian_birth, "女")
    r.note = f"委托监护人 is the child's 姐姐, born {r.guardian_birth} (under 18)"
    r = watched["WCH008"] = next(picks)
    r.child.health = "慢性病"
    r.note = "身体情况 慢性病"
    return ThirdSchool(rows, teachers, head, planted, watched)


THIRD_SPRING_SEED = 2027
THIRD_SPRING_STAMP = dt.datetime(2024, 3, 8, 8, 0, 0)


@dataclass
class ThirdLastTerm:
    children: list[FormChild]  # in row order; every child of grades 2–6 this term
    changed: dict[str, tuple[FormChild, str]]  # a reason of change -> this term's row, what


def third_last_term(third: ThirdSchool) -> ThirdLastTerm:
    """大桥镇中心小学's spring 2024 form, for ``lbc watch --previous``: this term's children of
    grades 2–6 one grade lower, with the guardian, 实际监护情况 and address of one child each
    as they were before they changed. The ill child (WCH008) is the one who moved house, so
    that the move (weight 1) lists it. Its own seed, drawn after everything else."""
    rng = random.Random(THIRD_SPRING_SEED)
    autumn = [r for r in third.children if r.child.grade > 1]
    spring = {id(r): replace(r, child=replace(r.child, grade=r.child.grade - 1)) for r in autumn}
    watched = {id(r) for r in third.watched.values()} | {id(r) for r in third.planted.values()}
    pool = [r for r in autumn if id(r) not in watched]
    changed: dict[str, tuple[FormChild, str]] = {}
    r = rng.choice(pool)
    c = spring[id(r)].child
    c.guardian_name = c.name[0] + rng.choice(OLD_MAN_NAMES)
    changed["WCH015"] = r, f"委托监护人 was {c.guardian_name} last term"
    # A mother who went out to work this term: last term only the father was away.
    r = rng.choice([x for x in pool if x is not r and x.child.away == BOTH])
    before = spring[id(r)]
    before.care, before.child.mother_work = ONE_TEXT, ""
    changed["WCH016"] = r, f"实际监护情况 was {ONE_TEXT}, only the father away, last term"
    r = third.watched["WCH008"]
    c = spring[id(r)].child
    c.address = f"{COUNTY}{THIRD_TOWN}{rng.choice(THIRD_VILLAGES)}{rng.randint(1, 9)}组"
    changed["WCH017"] = r, f"现居住地 was {c.address} last term"
    return ThirdLastTerm(list(spring.values()), changed)


def write_form(ws: Worksheet, rows: list[FormChild], footnote: str) -> dict[int, int]:
    """The registration form: a merged title, a two-row header with 父亲 / 母亲 / 委托监护人
    merged over their columns and every other header merged down, data from row 4."""
    ncols = len(FORM_COLUMNS)
    ws["A1"] = THIRD_TITLE
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = CENTER
    ws.merge_cells(f"A1:{get_column_letter(ncols)}1")
    groups: dict[str, list[int]] = {}
    for col, (header, group) in enumerate(FORM_COLUMNS, start=1):
        if group is None:
            ws.cell(2, col, header)
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        else:
            groups.setdefault(group, []).append(col)
            ws.cell(3, col, header)
    for group, cols in groups.items():
        ws.cell(2, cols[0], group)
        ws.merge_cells(start_row=2, start_column=cols[0], end_row=2, end_column=cols[-1])
    style_header(ws, (2, 3), ncols)
    row_of: dict[int, int] = {}
    for i, r in enumerate(rows, start=4):
        row_of[id(r)] = i
        for col, value in enumerate(r.values(i - 3), start=1):
            key = "id_number" if FORM_COLUMNS[col - 1][0] == "公民身份证号码" else ""
            put(ws, i, col, key or ("phone" if "电话" in FORM_COLUMNS[col - 1][0] else ""), value)
    ws.cell(4 + len(rows) + 1, 1, footnote)
    set_widths(ws, FORM_WIDTHS)
    ws.freeze_panes = "E4"
    return row_of


def form_column(header: str, group: str | None = None) -> str:
    """The Excel letter of a registration form column."""
    return get_column_letter(FORM_COLUMNS.index((header, group)) + 1)


# --- writing ----------------------------------------------------------------------------------
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
HEAD_FONT = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def style_header(ws: Worksheet, rows: Iterable[int], ncols: int) -> None:
    """Bold, shaded, boxed header cells."""
    for r in rows:
        for col in range(1, ncols + 1):
            cell = ws.cell(r, col)
            cell.font, cell.fill, cell.alignment, cell.border = HEAD_FONT, HEAD_FILL, CENTER, BOX


def put(ws: Worksheet, row: int, col: int, key: str, value: Any, fmt: str | None = None) -> None:
    """Write one data cell with the type a school's Excel would have given it."""
    cell = ws.cell(row, col)
    cell.border = BOX
    if value is None or value == "":
        return
    cell.value = value
    if fmt is not None:
        cell.number_format = fmt
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str) and (key in PHONE_KEYS or key == "id_number"):
        cell.number_format = TEXT_FORMAT


def set_widths(ws: Worksheet, widths: Iterable[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def write_children(
    ws: Worksheet, rows: list[Child], title: str = TITLE, footnote: str = FOOTNOTE
) -> dict[int, int]:
    """Title, two-row header, data from row 4, a blank row and the signature note."""
    ncols = len(CHILD_COLUMNS)
    last = get_column_letter(ncols)
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = CENTER
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 32
    groups: dict[str, list[int]] = {}
    for col, (_, top, sub) in enumerate(CHILD_COLUMNS, start=1):
        if sub is None:
            ws.cell(2, col, top)
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        else:
            groups.setdefault(top, []).append(col)
            ws.cell(3, col, sub)
    for top, cols in groups.items():
        ws.cell(2, cols[0], top)
        ws.merge_cells(start_row=2, start_column=cols[0], end_row=2, end_column=cols[-1])
    style_header(ws, (2, 3), ncols)

    row_of: dict[int, int] = {}
    for i, c in enumerate(rows, start=1):
        r = 3 + i
        row_of[id(c)] = r
        values = c.cells() | {"seq": i}
        for col, (key, _, _) in enumerate(CHILD_COLUMNS, start=1):
            put(ws, r, col, key, values.get(key), c.formats.get(key))
    ws.cell(3 + len(rows) + 2, 1, footnote)
    set_widths(ws, CHILD_WIDTHS)
    ws.freeze_panes = "C4"
    return row_of


def write_teachers(ws: Worksheet, teachers: list[Teacher]) -> dict[int, int]:
    for col, (_, label) in enumerate(TEACHER_COLUMNS, start=1):
        ws.cell(1, col, label)
    style_header(ws, (1,), len(TEACHER_COLUMNS))
    row_of: dict[int, int] = {}
    for i, t in enumerate(teachers, start=1):
        r = 1 + i
        row_of[id(t)] = r
        values = {
            "seq": i,
            "name": t.name,
            "gender": t.gender,
            "phone": t.phone,
            "role": t.role,
            "classes": t.separator.join(class_name(*k) for k in t.classes),
            "subjects": t.subjects,
            "party_member": "是" if t.party else "否",
            "capacity": t.capacity,
            "active": "是" if t.active else "否",
        }
        for col, (key, _) in enumerate(TEACHER_COLUMNS, start=1):
            put(ws, r, col, key, values[key])
    set_widths(ws, TEACHER_WIDTHS)
    ws.freeze_panes = "C2"
    return row_of


def write_records(ws: Worksheet, records: list[Record]) -> dict[int, int]:
    for col, (_, label) in enumerate(RECORD_COLUMNS, start=1):
        ws.cell(1, col, label)
    style_header(ws, (1,), len(RECORD_COLUMNS))
    row_of: dict[int, int] = {}
    for i, rec in enumerate(records, start=2):
        row_of[id(rec)] = i
        values = (rec.date, rec.teacher, rec.student, rec.class_text, rec.kind, rec.content)
        for col, ((key, _), value) in enumerate(zip(RECORD_COLUMNS, values, strict=True), 1):
            put(ws, i, col, key, value)
    set_widths(ws, RECORD_WIDTHS)
    ws.freeze_panes = "A2"
    return row_of


def child_rows(sample: Sample) -> list[Child]:
    """Children in class order, the duplicate placed last in its class (entered later)."""
    rows = sorted(sample.children, key=lambda c: (c.grade, c.number))
    d = sample.duplicate
    at = max(i for i, c in enumerate(rows) if (c.grade, c.number) == (d.grade, d.number))
    return [*rows[: at + 1], d, *rows[at + 1 :]]


def save_deterministic(wb: Workbook, path: Path, when: dt.datetime = STAMP) -> None:
    """Save with fixed zip timestamps and document dates so reruns give identical bytes."""
    wb.properties.creator = "lbc samples/make_samples.py"
    wb.properties.created = when
    buf = io.BytesIO()
    wb.save(buf)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    data,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(out.getvalue())
    tmp.replace(path)


CONFIG = """\
# lbc 工作区配置（示例）：青山镇中心小学
# 由 samples/make_samples.py 生成，请勿手工修改。

[school]
name = "青山镇中心小学"
contact_phone = "0817-5521234"   # 家校联系电话

[files]
roster = ["roster.xlsx"]         # 相对本文件的路径
pairs = "结对名单.xlsx"          # lbc pair --save 写到这里，各命令都按它（首次结对前不存在）
records = "记录表"                # 老师交回的帮扶记录表（lbc record-sheets 写出）

[pairing]
max_per_teacher = 2              # 每位教师最多结对的儿童数（教师名单“可帮扶人数”优先）

[quotas]                         # 学校的工作要求（lbc summary 据此统计完成情况）
talks_per_month = 1              # 每名结对儿童每月谈心次数
home_visits_per_term = 1         # 每学期家访次数
warmth_per_year = 1              # 每学年送温暖次数
children_per_teacher = 1         # 每名在岗教师至少帮扶的儿童数
max_days_without_contact = 30    # 结对儿童最多相隔多少天须有一次联系（lbc due 据此提醒）

# 学校自定的学期起止日期（不写则秋季 9月1日—次年1月31日，春季 2月1日—7月31日）
# [terms."2024-autumn"]
# start = 2024-09-01
# end = 2025-01-20

[synonyms]
# 额外表头同义词：字段键 = ["表头", ...]
guardian_phone = ["爷爷奶奶电话"]
"""


SECOND_CONFIG = """\
# lbc 工作区配置（示例）：白鹤乡中心小学
# 由 samples/make_samples.py 生成，请勿手工修改。

[school]
name = "白鹤乡中心小学"
contact_phone = "0817-5636208"   # 家校联系电话

[files]
roster = ["roster.xlsx"]         # 相对本文件的路径
pairs = "结对名单.xlsx"          # lbc pair --save 写到这里，各命令都按它（首次结对前不存在）
records = "记录表"                # 老师交回的帮扶记录表（lbc record-sheets 写出）

[pairing]
max_per_teacher = 2              # 每位教师最多结对的儿童数

[quotas]                         # 学校的工作要求（lbc summary 据此统计完成情况）
talks_per_month = 1              # 每名结对儿童每月谈心次数
home_visits_per_term = 1         # 每学期家访次数
warmth_per_year = 1              # 每学年送温暖次数
children_per_teacher = 1         # 每名在岗教师至少帮扶的儿童数
max_days_without_contact = 30    # 结对儿童最多相隔多少天须有一次联系（lbc due 据此提醒）
"""


def last_term_markdown(
    sample: Sample,
    rows: dict[str, dict[int, int]],
    spring: LastTerm,
    spring_rows: dict[str, dict[int, int]],
) -> str:
    """The section on 上学期/roster.xlsx: what it holds and what lbc diff must find."""
    autumn_row, spring_row = rows[CHILD_SHEET], spring_rows[CHILD_SHEET]
    kids = spring.children
    pairs = spring.pairs
    added = [c for c in child_rows(sample) if c.grade == 1 and c is not sample.duplicate]
    gone = [*spring.graduates, spring.transferred]
    gone.sort(key=lambda c: spring_row[id(c)])
    moved = spring.moved()
    changed = {id(mv.autumn) for mv in moved}
    by_field = {key: sum(mv.key == key for mv in moved) for key in DIFF_FIELDS}
    rules = {"id_number": 0, "name_birth_date": 0, "name_class": 0}
    by_name = []
    for s, a in pairs:
        rule = spring.rule(s, a)
        rules[rule] += 1
        if rule != "id_number":
            by_name.append(a)
    defect_no = {
        (id(d.target), d.key): n
        for n, d in enumerate(sample.defects, start=1)
        if isinstance(d.target, Child)
    }
    planted = {id(c) for c in spring.planted}
    left_now = [a for _, a in pairs if a.status == "转出"]

    def who(c: Child, row: dict[int, int]) -> str:
        return f"{c.name} {c.class_text} (row {row[id(c)]})"

    def why(mv: Moved) -> str:
        n = defect_no.get((id(mv.autumn), mv.key))
        if n is not None:
            return f"autumn defect {n}"
        if mv.key == "enrollment_status":
            return f"{mv.autumn.status} this autumn"
        assert id(mv.autumn) in planted, f"unplanned change: {mv.autumn.name} {mv.key}"
        return "planted"

    def cell(value: str | None) -> str:
        return "(empty)" if value is None else value

    blank_id = next(a for s, a in pairs if s is spring.no_id)
    name_rule = ", ".join(
        f"{c.name}: ID blank in spring, planted"
        if c is blank_id
        else f"{c.name}: autumn defect {defect_no[(id(c), 'id_number')]} on its ID"
        for c in by_name
    )
    table = [
        "| child | autumn row | spring row | match | field | spring (old) | autumn (new) | why |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mv in moved:
        if mv.key == "class":
            continue
        table.append(
            f"| {mv.autumn.name} | {autumn_row[id(mv.autumn)]} | {spring_row[id(mv.spring)]} "
            f"| {spring.rule(mv.spring, mv.autumn)} | `{mv.key}` | {cell(mv.old)} "
            f"| {cell(mv.new)} | {why(mv)} |"
        )
    bad_class = next((a for _, a in pairs if a.cells()["class"] == BAD_CLASS), None)
    fields = ", ".join(f"`{k}` {n}" for k, n in by_field.items() if n)
    out = [
        "",
        "# Last term: `上学期/roster.xlsx` (2024-spring)",
        "",
        f"The same school's roster as filed in March 2024: title {SPRING_TITLE}, the same "
        f"layout and columns, children in rows 4–{3 + len(kids)} ({len(kids)} children), "
        f"`{TEACHER_SHEET}` with the same {len(spring.teachers)} teachers (all 在岗, every "
        f"phone filled), no `{RECORD_SHEET}` sheet. Generated from seed {SPRING_SEED} after "
        "the autumn workbook, so it cannot move anything in it.",
        "",
        f"- {len(pairs)} children are this autumn's 二–六年级, one grade lower and in the same "
        "class number; the autumn 一年级 were not at school yet. Their 帮扶教师 is the one "
        "the autumn roster names.",
        f"- {len(spring.graduates)} were in 六年级 and graduated in July 2024 (all of spring's "
        "六年级): " + ", ".join(who(c, spring_row) for c in spring.graduates) + ".",
        f"- 1 transferred out over the summer: {who(spring.transferred, spring_row)}.",
        "- Every child is 在读, including the two who are 转出 this autumn and the one who is "
        "辍学.",
        "- None of the autumn roster's planted defects is in it: IDs, phones, classes and "
        "addresses are what the school meant. `lbc validate 上学期/roster.xlsx` reports one "
        f"error only: REQ001 at D{spring_row[id(spring.no_id)]}, the blank 身份证号 of "
        f"{spring.no_id.name} (planted, below).",
        "",
        "## What `lbc diff 上学期/roster.xlsx roster.xlsx` shows",
        "",
        f"- added {len(added)}: the autumn 一年级, "
        + ", ".join(f"{c.name} (row {autumn_row[id(c)]})" for c in added)
        + ".",
        f"- gone {len(gone)}: the {len(spring.graduates)} graduates and the child who "
        "transferred out.",
        f"- matched {len(pairs)}: {rules['id_number']} by `id_number`, "
        f"{rules['name_birth_date']} by `name_birth_date` ({name_rule}), "
        f"{rules['name_class']} by `name_class`. The duplicate autumn row "
        f"{autumn_row[id(sample.duplicate)]} is the same child as its first row, not a "
        "child of its own.",
        f"- changed {len(changed)}, unchanged {len(pairs) - len(changed)}: every matched "
        "child moved up a grade, which lbc does not count as a change "
        f"({by_field['class']} other class change"
        + (
            f"; {bad_class.name}'s new class reads {BAD_CLASS}, autumn defect "
            f"{defect_no[(id(bad_class), 'class')]}"
            if bad_class
            else ""
        )
        + ").",
        f"- changes per field: {fields}.",
        "",
        "Every change other than `class` (phones and ID numbers are shown in full here; lbc "
        "masks them unless `--show-pii`):",
        "",
        *table,
        "",
        f"`lbc summary --term 2024-autumn --previous 上学期/roster.xlsx` counts the same: "
        f"新增 {len(added)}, 转出 (left) {len(gone) + len(left_now)} (the {len(gone)} gone "
        f"and the {len(left_now)} marked 转出 this autumn; 辍学 stays on the books), 信息变更 "
        f"{len(changed - {id(a) for a in left_now})} (a child who left is counted once, as "
        f"left), matched {rules['id_number']} / {rules['name_birth_date']} / "
        f"{rules['name_class']} by ID / name + birth date / name + class.",
        "",
    ]
    return "\n".join(out)


THIRD_CONFIG = """\
# lbc 工作区配置（示例）：大桥镇中心小学，花名册即全国农村留守儿童基本情况登记表
# 由 samples/make_samples.py 生成，请勿手工修改。

[school]
name = "大桥镇中心小学"
contact_phone = "0817-5712046"   # 家校联系电话

[files]
roster = ["roster.xlsx"]         # 相对本文件的路径
pairs = "结对名单.xlsx"          # lbc pair --save 写到这里，各命令都按它（首次结对前不存在）
records = "记录表"                # 老师交回的帮扶记录表（lbc record-sheets 写出）

[pairing]
max_per_teacher = 3              # 每位教师最多结对的儿童数
"""


def third_school_markdown(third: ThirdSchool, rows: dict[int, int], spring: ThirdLastTerm) -> str:
    """The section on 大桥镇中心小学/: the form's layout and what lbc must find there."""
    p = third.planted
    t_letter = {
        "id_check_digit": (form_column("公民身份证号码"), "`id_number`", "ID check digit wrong"),
        "no_guardian_phone": (
            form_column("电话", "委托监护人"),
            "`guardian_phone`",
            "missing required contact: both parents away and no guardian phone",
        ),
        "bad_rating": (
            form_column("监护类型"),
            "`guardianship_rating`",
            "value not in the allowed list",
        ),
        "short_phone": (
            form_column("联系电话", "父亲"),
            "`father_phone`",
            "malformed phone number",
        ),
        "father_id": (
            form_column("公民身份证号码", "父亲"),
            "`father_id_number`",
            "parent's or guardian's ID invalid",
        ),
        "nobody_but_named": (
            form_column("监护类型"),
            "`guardianship_rating`",
            "无人监护 with a guardian named",
        ),
        "one_away_unsaid": (
            form_column("实际监护情况"),
            "`left_behind_type`",
            "warning: which parent is away is unsaid",
        ),
    }
    lines = [
        "",
        f"# A school that keeps the registration form: `{THIRD}/`",
        "",
        f"`{THIRD}/roster.xlsx` (seed {THIRD_SEED}) is the 2016 national registration form "
        f"(农村留守儿童基本情况登记表) as a school fills it in: sheet `{THIRD_SHEET}`, the title "
        "merged over row 1, a two-row header in rows 2–3 with 父亲 "
        f"({form_column('姓名', '父亲')}–{form_column('联系电话', '父亲')}), 母亲 "
        f"({form_column('姓名', '母亲')}–{form_column('联系电话', '母亲')}) and 委托监护人 "
        f"({form_column('姓名', '委托监护人')}–{form_column('居住地地址', '委托监护人')}) "
        "merged over 姓名 / 出生日期 / 公民身份证号码 / 当前务工地点 / 联系电话 (the guardian's: "
        "姓名 / 电话 / 公民身份证号码 / 與被監護人關係 in traditional characters / 居住地地址), "
        f"年级 and 班级 in front, {len(third.children)} children in rows 4–"
        f"{3 + len(third.children)}, the signature line below. It has no 留守类型 column: lbc "
        f"reads it from 实际监护情况 ({form_column('实际监护情况')}). `{TEACHER_SHEET}` lists "
        f"{len(third.teachers)} teachers (one 班主任 a grade). `lbc columns` explains every "
        "column: none is unknown.",
        "",
        "## Defects",
        "",
        "| # | sheet | row | col | field | who | what is wrong | rule it should trip |",
        "|---|---|---|---|---|---|---|---|",
    ]
    defects = [(p[key], *t_letter[key]) for key in t_letter]
    # The child nobody looks after (WCH001 below) lacks what CON001 asks of its guardian.
    alone = third.watched["WCH001"]
    defects += [
        (alone, form_column(header, "委托监护人"), f"`{key}`", f"missing required contact: {what}")
        for header, key, what in (
            ("姓名", "guardian_name", "both parents away and no guardian name"),
            ("电话", "guardian_phone", "both parents away and no guardian phone"),
            ("與被監護人關係", "guardian_relation", "both parents away and no relation"),
        )
    ]
    for n, (r, col, fld, rule) in enumerate(defects, start=1):
        who = f"{r.child.name} {r.child.class_text}"
        lines.append(
            f"| {n} | {THIRD_SHEET} | {rows[id(r)]} | {col} | {fld} | {who} | {r.note} | {rule} |"
        )
    lines += [
        "",
        "## Not defects: must read without a finding",
        "",
        "| # | row | who | what the form says | read as |",
        "|---|---|---|---|---|",
    ]
    read_as = {
        "disabled": "health 残疾; categories 残疾、低保",
        "father_away": "留守类型 父亲外出",
    }
    for n, key in enumerate(read_as, start=1):
        r = p[key]
        who = f"{r.child.name} {r.child.class_text}"
        lines.append(f"| {n} | {rows[id(r)]} | {who} | {r.note} | {read_as[key]} |")
    boarding = sum(r.boarding == "是" for r in third.children)
    lines += [
        "",
        f"- 就学情况 is 小学 on every row (read as 在读); {boarding} children board "
        "(是否学校寄宿 是).",
        f"- 实际监护情况 {BOTH_TEXT} is 父母均外出; {ONE_TEXT} is the parent whose 当前务工地点 "
        "is filled in.",
        "- Every parent's and guardian's 公民身份证号码 but the planted one is valid, and "
        "agrees with their 出生日期; every guardian is between 16 and 100 by it.",
        "",
        "## What `lbc watch` must find",
        "",
        f"`{THIRD}/{SPRING_DIR}/roster.xlsx` (seed {THIRD_SPRING_SEED}) is last term's form: "
        f"this term's {len(spring.children)} children of grades 2–6, one grade lower. "
        f"`lbc watch --as-of 2024-11-01 --previous {SPRING_DIR}/roster.xlsx` lists these rows "
        "for these reasons, beside the children it lists for reasons the form gave already:",
        "",
        "| code | row | who | what the form says |",
        "|---|---|---|---|",
    ]
    reasons = [(code, r, r.note) for code, r in third.watched.items()]
    reasons += [(code, r, note) for code, (r, note) in spring.changed.items()]
    for code, r, note in reasons:
        who = f"{r.child.name} {r.child.class_text}"
        lines.append(f"| {code} | {rows[id(r)]} | {who} | {note} |")
    lines += [
        "",
    ]
    return "\n".join(lines)


def second_school_markdown(
    sample: Sample,
    rows: dict[str, dict[int, int]],
    second: SecondSchool,
    second_rows: dict[str, dict[int, int]],
) -> str:
    """The section on 白鹤乡中心小学/ and the county merge."""
    own = second_rows[CHILD_SHEET]
    errors = sum(1 for d in sample.defects if not d.rule.startswith("warning"))
    warnings = len(sample.defects) - errors
    n_qs = len(child_rows(sample))
    on_books = [c for c in sample.children if c.status not in ("转出", "毕业")]
    src, shared = second.source, second.shared
    qs_class = src.cells()["class"]
    return "\n".join(
        [
            "",
            f"# A second school: `{SECOND}/`",
            "",
            f"`{SECOND}/lbc.toml` ([school] name {SECOND}, its own contact_phone, [files] "
            f"roster.xlsx) and `{SECOND}/roster.xlsx` (seed {SECOND_SEED}, same layout as "
            f"青山镇中心小学's): {len(second.children)} children in 一–六年级, one class a "
            f"grade (rows 4–{3 + len(second.children)}), {len(second.teachers)} teachers (all "
            "在岗, two children each, so every child is paired) and "
            f"{len(second.records)} records for 2024-autumn. Clean: `lbc validate` in that "
            "folder reports nothing.",
            "",
            f"One child is on both schools' rosters: {shared.name}, ID {shared.id_number}, "
            f"born {shared.birth.isoformat()}. The family moved to {SECOND_TOWN} over the "
            f"summer; {SECOND} took the child in, 青山镇中心小学 never marked the child 转出.",
            "",
            "| school | file | sheet | row | class as written | 在校状态 | 备注 |",
            "|---|---|---|---|---|---|---|",
            f"| 青山镇中心小学 | roster.xlsx | {CHILD_SHEET} | {rows[CHILD_SHEET][id(src)]} "
            f"| {qs_class} | {src.status} | {src.notes or ''} |",
            f"| {SECOND} | {SECOND}/roster.xlsx | {CHILD_SHEET} | {own[id(shared)]} "
            f"| {shared.class_text} | {shared.status} | {shared.notes} |",
            "",
            "## What the county commands show (run in `samples/`)",
            "",
            f"- `lbc merge roster.xlsx {SECOND} --out county.xlsx`: 2 files, 2 schools, "
            f"{n_qs + len(second.children)} children rows ({n_qs} + {len(second.children)}), "
            f"{len(sample.teachers) + len(second.teachers)} teachers, "
            f"{len(sample.records) + len(second.records)} records, {errors} errors and "
            f"{warnings} warning (all 青山镇中心小学's), exactly one DUP003: the ID above, "
            "at the two rows in the table. Exit code 1.",
            "- `lbc validate county.xlsx` reports both schools in `summary.schools`.",
            f"- `lbc cards --out 联系卡.html`: {len(on_books)} cards, one per child on the "
            f"books ({len(sample.children)} children less the two 转出; the duplicate row is "
            "the same child).",
            "",
        ]
    )


def defects_markdown(sample: Sample, rows: dict[str, dict[int, int]]) -> str:
    """DEFECTS.md: every planted defect with its Excel row and column, plus the valid
    oddities that must *not* produce an error."""
    letters = {
        CHILD_SHEET: {k: get_column_letter(i) for i, (k, _, _) in enumerate(CHILD_COLUMNS, 1)},
        TEACHER_SHEET: {k: get_column_letter(i) for i, (k, _) in enumerate(TEACHER_COLUMNS, 1)},
        RECORD_SHEET: {k: get_column_letter(i) for i, (k, _) in enumerate(RECORD_COLUMNS, 1)},
    }

    def fill(text: str) -> str:
        return re.sub(r"\{row:(\d+)\}", lambda m: str(rows[CHILD_SHEET][int(m.group(1))]), text)

    def who(d: Defect) -> str:
        t = d.target
        if isinstance(t, Child):
            return f"{t.name} {t.class_text}"
        if isinstance(t, Teacher):
            return t.name
        assert isinstance(t, Record)
        return f"{t.date.isoformat()} {t.kind} {t.teacher}→{t.student}"

    def table(items: list[Defect], what: str, rule: str) -> list[str]:
        lines = [
            f"| # | sheet | row | col | field | who | {what} | {rule} |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for n, d in enumerate(items, start=1):
            row = rows[d.sheet][id(d.target)]
            col = letters[d.sheet][d.key]
            lines.append(
                f"| {n} | {d.sheet} | {row} | {col} | `{d.key}` | {who(d)} | {fill(d.what)} "
                f"| {d.rule} |"
            )
        return lines

    kids = child_rows(sample)
    first, last = 4, 3 + len(kids)
    paired = [c for c in sample.children if c.teacher]
    talk_months = {
        (r.student, (r.date.year, r.date.month)) for r in sample.records if r.kind == "谈心"
    }
    months = [(2024, 9), (2024, 10), (2024, 11), (2024, 12), (2025, 1)]
    missed = sum(1 for c in paired if any((c.name, m) not in talk_months for m in months))
    visited = {r.student for r in sample.records if r.kind == "家访"}
    no_visit = sum(1 for c in paired if c.name not in visited)
    variants = [
        f"{c.overrides['class']} (row {rows[CHILD_SHEET][id(c)]})"
        for c in kids
        if "class" in c.overrides and not c.role
    ]
    date_strings = [
        f"{c.birth_cell} (row {rows[CHILD_SHEET][id(c)]})" for c in kids if c.birth_cell
    ]
    synonyms = [f"{c.away_text} (row {rows[CHILD_SHEET][id(c)]})" for c in kids if c.away_text]
    orphan = next(c for c in kids if c.role == "orphan")
    no_pairs = [
        t.name
        for t in sample.teachers
        if t.active and not any(c.teacher == t.name for c in sample.children)
    ]
    leave = next(t for t in sample.teachers if not t.active)
    stale = next(c for c in kids if c.teacher == leave.name)
    twos = sum(1 for t in sample.teachers if sum(c.teacher == t.name for c in paired) == 2)
    out = [
        "# Planted defects in `samples/roster.xlsx`",
        "",
        "Generated by `samples/make_samples.py` (seed 2024) together with the workbook; do not "
        "edit by hand. Rows are the numbers Excel shows; columns are letters. Each defect sits "
        "on its own row and should trip exactly one rule; everything else in the workbook is "
        "meant to be clean.",
        "",
        f"Layout: `{CHILD_SHEET}` has a merged title in row 1, a two-row header in rows 2–3 "
        f"(父亲 N–P and 母亲 Q–S are groups with 姓名/电话/务工地点 under them), children in rows "
        f"{first}–{last} ({len(kids)} rows: {len(sample.children)} children plus one duplicate), "
        f"row {last + 1} blank, row {last + 2} a signature note in column A. `{TEACHER_SHEET}` "
        f"and `{RECORD_SHEET}` have their header in row 1 ({len(sample.teachers)} teachers, "
        f"{len(sample.records)} records).",
        "",
        "## Defects",
        "",
        *table(sample.defects, "what is wrong", "rule it should trip"),
        "",
        "## Not defects: must read without a finding",
        "",
        *table(sample.notes, "what is in the cell", "expected"),
        "",
        "- Header `V2` is written in traditional characters (監護人電話) and must map to "
        "`guardian_phone`.",
        f"- Class spellings other than the usual 三年级(2)班 form: {', '.join(variants)}; "
        "the duplicate's copy also uses one.",
        f"- 出生日期 as text instead of a date cell: {', '.join(date_strings)}.",
        f"- 留守类型 synonyms of 父母均外出: {', '.join(synonyms)}.",
        f"- {orphan.name} (row {rows[CHILD_SHEET][id(orphan)]}) is an orphan: 留守类型 非留守, "
        "类别 孤儿, no parent columns, guardian (祖母) with a phone.",
        "- Two children are 转出 and one 辍学 (see 在校状态, column M); none of them has a "
        "帮扶教师. `lbc pair` leaves the two 转出 out and pairs the 辍学 child first (a priority, "
        "for the school's follow-up).",
        f"- Teacher {leave.name} is on leave (在岗 否) and has no records, but one old pair: "
        f"{stale.name} {stale.class_text} (row {rows[CHILD_SHEET][id(stale)]}, 在读), whose "
        "pair has to move to a teacher at work.",
        "- Teachers with capacity set: 可帮扶人数 3 for two, 1 for one; no existing pair "
        "exceeds two per teacher or the teacher's capacity.",
        "",
        "## Commitments (not data defects, for orientation)",
        "",
        f"- {len(paired)} of {len(sample.children)} children have a 帮扶教师 (last term's "
        f"pairs, one with {leave.name}); {twos} teachers have two, the others one or none. "
        f"Active teachers without any pair yet: {', '.join(no_pairs) or 'none'}.",
        f"- Paired children missing a 谈心 in at least one month of 2024-09..2025-01: {missed}.",
        f"- Paired children without a 家访 this term: {no_visit}.",
        f"- Both counts include {stale.name}, whose teacher is on leave and who has no records.",
        "- 送温暖 records (January) exist for paired key targets (重点帮扶对象 是) only.",
        "- The two bad records above are extra; they do not replace any child's own records.",
        "",
    ]
    return "\n".join(out)


def workbook(
    children: list[Child],
    teachers: list[Teacher],
    records: list[Record] | None,
    title: str = TITLE,
    footnote: str = FOOTNOTE,
) -> tuple[Workbook, dict[str, dict[int, int]]]:
    """A school's roster workbook and, per sheet, the Excel row of each child, teacher and
    record written (by ``id``)."""
    wb = Workbook()
    ws_children = wb.active
    ws_children.title = CHILD_SHEET
    rows = {
        CHILD_SHEET: write_children(ws_children, children, title, footnote),
        TEACHER_SHEET: write_teachers(wb.create_sheet(TEACHER_SHEET), teachers),
    }
    if records is not None:
        rows[RECORD_SHEET] = write_records(wb.create_sheet(RECORD_SHEET), records)
    return wb, rows


def main() -> None:
    """Write the sample workspace next to this script: lbc.toml, roster.xlsx, DEFECTS.md, last
    term's roster in 上学期/ and a second school's workspace in 白鹤乡中心小学/."""
    maker = Maker()
    sample = maker.build()
    wb, rows = workbook(child_rows(sample), sample.teachers, sample.records)
    save_deterministic(wb, HERE / "roster.xlsx")
    (HERE / "lbc.toml").write_text(CONFIG, encoding="utf-8")

    spring = last_term(sample, maker)
    wb, spring_rows = workbook(
        spring.children, spring.teachers, None, SPRING_TITLE, SPRING_FOOTNOTE
    )
    save_deterministic(wb, HERE / SPRING_DIR / "roster.xlsx", SPRING_STAMP)

    keep_out = {id(c) for c in spring.planted}
    second = second_school(sample, maker, keep_out)
    wb, second_rows = workbook(
        second.children, second.teachers, second.records, SECOND_TITLE, second.footnote
    )
    save_deterministic(wb, HERE / SECOND / "roster.xlsx", SECOND_STAMP)
    (HERE / SECOND / "lbc.toml").write_text(SECOND_CONFIG, encoding="utf-8")

    third = third_school(maker)
    wb = Workbook()
    ws = wb.active
    ws.title = THIRD_SHEET
    head, checker, writer = (t.name for t in third.teachers[:3])
    footnote = THIRD_FOOTNOTE.format(head=head, checker=checker, writer=writer)
    third_rows = write_form(ws, third.children, footnote)
    write_teachers(wb.create_sheet(TEACHER_SHEET), third.teachers)
    save_deterministic(wb, HERE / THIRD / "roster.xlsx", THIRD_STAMP)
    third_spring = third_last_term(third)
    wb = Workbook()
    ws = wb.active
    ws.title = THIRD_SHEET
    write_form(ws, third_spring.children, footnote.replace("9月25日", "3月8日"))
    write_teachers(wb.create_sheet(TEACHER_SHEET), third.teachers)
    save_deterministic(wb, HERE / THIRD / SPRING_DIR / "roster.xlsx", THIRD_SPRING_STAMP)
    (HERE / THIRD / "lbc.toml").write_text(THIRD_CONFIG, encoding="utf-8")

    text = defects_markdown(sample, rows)
    text += last_term_markdown(sample, rows, spring, spring_rows)
    text += second_school_markdown(sample, rows, second, second_rows)
    text += third_school_markdown(third, third_rows, third_spring)
    (HERE / "DEFECTS.md").write_text(text, encoding="utf-8")
    print(
        f"wrote {HERE / 'lbc.toml'}, {HERE / 'roster.xlsx'} and {HERE / 'DEFECTS.md'}: "
        f"{len(sample.children)} children, {len(sample.teachers)} teachers, "
        f"{len(sample.records)} records, {len(sample.defects)} planted defects"
    )
    print(
        f"wrote {HERE / SPRING_DIR / 'roster.xlsx'}: {len(spring.children)} children, "
        f"{len(spring.teachers)} teachers (2024-spring)"
    )
    print(
        f"wrote {HERE / SECOND}/lbc.toml and roster.xlsx: {len(second.children)} children, "
        f"{len(second.teachers)} teachers, {len(second.records)} records"
    )
    print(
        f"wrote {HERE / THIRD}/lbc.toml and roster.xlsx (the registration form): "
        f"{len(third.children)} children, {len(third.teachers)} teachers"
    )


if __name__ == "__main__":
    main()
