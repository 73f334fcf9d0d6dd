"""Benchmark ``lbc validate`` on a county-sized roster against a bare python-calamine read.

The workbook is generated once into ``bench/_data/`` (gitignored) and reused; it is rebuilt
when missing, when the generator or the sizes changed, or with ``--regenerate``. It holds:

* ``留守儿童花名册``: a title row, a 26-column header (the field dictionary's labels) and
  100,000 children from 50 schools (grades 1–6, 4–8 classes a grade), birth dates as date
  cells, phones and IDs as text, and about 1% planted defects (a wrong ID check digit, a
  missing guardian phone where both parents are away, a class that cannot be read), then a
  signature note;
* ``教师名单``: 8,000 teachers (one name each, so no false duplicates);
* ``帮扶记录``: 20,000 support records, a modest sheet: the 300,000-record case is issue 4's
  concern, not this bench's. ``--records 0`` leaves the sheet out.

openpyxl's write-only output (inline strings, no ``<dimension>``) is rewritten with a
shared-string table and dimensions, as Excel and WPS save a workbook; ``--inline-strings``
keeps openpyxl's form.

Both contenders run as subprocesses, so both pay interpreter start-up: the bare read is
``python -c`` opening the workbook with ``CalamineWorkbook.from_path`` and calling
``to_python()`` on every sheet; validate is the ``lbc`` console script with
``--format json`` (stdout to a temp file). Each runs ``--repeat`` times (3) and the best wall
time counts. Every run goes through a small fresh launcher that spawns the command and reaps
it with ``os.wait4``: the rusage of that one child gives its peak RSS exactly, without the
launcher's or this process's own memory (``RUSAGE_CHILDREN`` is a high-water mark over all
children, and a forked child may inherit the parent's).

Targets: validate within 1.5x of the bare read, peak memory under 1 GB. The exit code is 0
when both hold, 1 when one fails, 2 when a run itself fails.

Run ``python bench/validate.py`` with the project's interpreter (``/work/venv/bin/python``);
``--profile`` also prints a cProfile of one validate run, restricted to lbc's own code.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"

# Bump when the generated content changes, so stale workbooks are rebuilt.
GENERATOR_VERSION = 3
SEED = 20240901

N_CHILDREN = 100_000
N_TEACHERS = 8_000
N_RECORDS = 20_000
N_SCHOOLS = 50

RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 1024

CHILD_SHEET, TEACHER_SHEET, RECORD_SHEET = "留守儿童花名册", "教师名单", "帮扶记录"
TITLE = "南部县2024年秋季学期农村留守儿童花名册"
FOOTNOTE = "填表人：县教育局基础教育股    审核人：张股长    填表日期：2024年9月20日"


def words(text: str) -> tuple[str, ...]:
    """A pool written as space-separated words: shorter to read than a list literal."""
    return tuple(text.split())


CHILD_HEADER = words(
    "姓名 性别 身份证号 出生日期 民族 班级 健康状况 家庭住址 留守类型 类别 重点帮扶对象 在校状态"
    " 父亲姓名 父亲电话 父亲务工地址 母亲姓名 母亲电话 母亲务工地址 监护人姓名 与儿童关系"
    " 监护人电话 监护人年龄 监护人身体状况 帮扶教师 学籍号 备注"
)
TEACHER_HEADER = words("姓名 性别 联系电话 职务 任教班级 任教学科 党员 可帮扶人数 在岗")
RECORD_HEADER = words("日期 帮扶教师 学生姓名 班级 类型 内容")
assert len(CHILD_HEADER) == 26

CN = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八"}
BOTH, FATHER, MOTHER, NONE = "父母均外出", "父亲外出", "母亲外出", "非留守"

# Home region 511321 (南部县) for most children; neighbours of 南充 for the rest.
# Distinct real county codes of 南充, one per hundred files of a generated province.
HOME_REGIONS = ("511321", "511322", "511323", "511324", "511381")
REGIONS = ("511321",) * 17 + ("511302", "511322", "511323", "511324", "511381")
SURNAMES = "王李张刘陈杨何罗蒲杜谢邓冯唐蒋任敬袁赵周吴胡徐黄苟郑侯岳赖曾范彭鲜母勾文向孙马"
BOY_CHARS = "子浩宇俊梓晨博一家锦天明思嘉皓睿鑫杰泽奕文铭志雨承宏鹏旭轩然航豪阳远乐程佑熙墨辰"
GIRL_CHARS = "涵欣怡雨思琪诗佳可馨紫梦瑶语桐婧悦若曦心艺诺晓雪彤萱然慧静雅婷嘉嫣书妍瑾蕊琳"
MAN_CHARS = "建军国强志勇德明兵海涛永春林斌刚伟华文成平红光学长正洪波"
WOMAN_CHARS = "秀英桂兰玉梅芳丽萍琴红燕静霞玲华凤琼蓉敏莉娟雪海"
OLD_MAN_CHARS = "德全明福正清洪发成富世贵永泽华光荣国仕朝家"
OLD_WOMAN_CHARS = "桂芳秀兰淑芬玉珍翠华素琴英德琼碧"
TOWNS = words(
    "南隆镇 河东镇 东坝镇 建兴镇 定水镇 大王镇 盘龙镇 王家镇 富利镇 楠木镇 升钟镇 店垭镇"
    " 保城镇 铁佛塘镇 八尔湖镇 双佛镇 伏虎镇 石河镇 永定镇 黄金镇"
)
VILLAGES = words(
    "石龙村 白鹤村 杨家坝村 柏垭村 观音村 新桥村 青龙村 大河村 梨树村 马鞍村 双河村 凉风垭村"
    " 金星村 红岩村 龙泉村 桂花村"
)
WORK_PLACES = (
    "广东省东莞市长安镇",
    "广东省深圳市宝安区",
    "广东省广州市白云区",
    "广东省佛山市顺德区",
    "浙江省宁波市鄞州区",
    "浙江省金华市义乌市",
    "福建省泉州市晋江市",
    "江苏省苏州市昆山市",
    "四川省成都市双流区",
    "四川省成都市新都区",
    "新疆维吾尔自治区乌鲁木齐市",
    "上海市松江区",
)
MOBILE_PREFIXES = words(
    "130 131 132 133 135 136 137 138 139 150 151 152 155 157 158 159"
    " 166 173 177 180 181 182 183 187 188 189 191 199"
)
HEALTH = ("健康",) * 17 + ("一般", "较弱", "慢性病")
ETHNICITY = ("汉族",) * 46 + ("回族", "藏族", "羌族", "彝族")
CATEGORIES = ("",) * 14 + ("建档立卡", "低保", "单亲", "学困", "建档立卡、低保", "残疾")
STATUS = ("在读",) * 60 + ("转入",) * 2 + ("休学",)
RELATIONS = ("祖父", "祖母", "祖母", "外祖父", "外祖母", "外祖母", "亲属")
GUARDIAN_HEALTH = ("健康", "健康", "一般", "较差", "慢性病")
SUBJECTS = ("语文", "数学", "英语", "科学", "道德与法治", "音乐", "体育", "美术", "信息技术")
KINDS = ("谈心",) * 6 + ("家访", "家访", "电话联系", "视频通话", "学习辅导", "送温暖", "活动")
CONTENT = (
    "了解近期学习和生活情况，鼓励按时完成作业",
    "与监护人沟通孩子在校表现，提醒注意交通安全",
    "和父母视频通话，反馈期中考试情况",
    "辅导数学作业，讲解分数的加减法",
    "送去学习用品和冬衣",
    "谈心谈话，孩子想念在外务工的父母，给予安慰",
)
BAD_CLASSES = ("火箭班", "实验班", "培优班", "特长班")


# --- generating the workbook ---------------------------------------------------------------


@dataclass
class Planted:
    """How many defects of each kind the generator planted, keyed by the rule they trip."""

    bad_check_digit: int = 0  # ID002
    missing_guardian_phone: int = 0  # CON001
    bad_class: int = 0  # CLS001


def _class_text(rng: random.Random, grade: int, number: int) -> str:
    """Mostly 三年级(2)班; some schools write 三(2)班 or 302."""
    roll = rng.random()
    if roll < 0.9:
        return f"{CN[grade]}年级({number})班"
    if roll < 0.96:
        return f"{CN[grade]}({number})班"
    return f"{grade}{number:02d}"


class Generator:
    """Builds the three sheets' rows from one seeded random generator."""

    def __init__(
        self, seed: int, children: int, teachers: int, records: int, id_block: int | None = None
    ) -> None:
        """``id_block`` fixes the ID numbers' sequence digits, so that workbooks generated
        with different blocks never share an ID (a province of school files)."""
        from stdnum.cn import ric

        self.id_block = id_block
        self.calc_check_digit = ric.calc_check_digit
        self.rng = random.Random(seed)
        self.n_children, self.n_teachers, self.n_records = children, teachers, records
        self.ids: set[str] = set()
        self.teacher_names: set[str] = set()
        self.planted = Planted()

    def phone(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def given(self, chars: str) -> str:
        rng = self.rng
        return rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.75 else "")

    def person(self, chars: str, surname: str | None = None) -> str:
        return (surname or self.rng.choice(SURNAMES)) + self.given(chars)

    def id_number(self, region: str, birth: dt.date, male: bool) -> str:
        tries = 0
        while True:
            tries += 1
            last = self.rng.choice("13579" if male else "02468")
            # A fixed block has five numbers per birthday and region; when they are taken,
            # any block (an ID may then, rarely, repeat one of another file).
            fixed = self.id_block is not None and tries <= 20
            block = self.id_block % 100 if fixed else self.rng.randrange(1, 100)
            seq = f"{block:02d}{last}"
            body = f"{region}{birth:%Y%m%d}{seq}"
            number = body + self.calc_check_digit(body + "0")
            if number not in self.ids:
                self.ids.add(number)
                return number

    def schools(self) -> list[list[tuple[int, int]]]:
        """Per school, its classes as (grade, number)."""
        return [
            [(g, c) for g in range(1, 7) for c in range(1, self.rng.randint(4, 8) + 1)]
            for _ in range(N_SCHOOLS)
        ]

    def teachers(self, schools: list[list[tuple[int, int]]]) -> list[list[Any]]:
        """Teacher rows, and per school the names of its active teachers (for pairing)."""
        rng = self.rng
        rows: list[list[Any]] = []
        self.school_teachers: list[list[str]] = [[] for _ in schools]
        per_school = self.n_teachers // len(schools)
        for s, classes in enumerate(schools):
            count = per_school + (1 if s < self.n_teachers % len(schools) else 0)
            for k in range(count):
                male = rng.random() < 0.35
                while True:
                    name = self.person(MAN_CHARS if male else WOMAN_CHARS)
                    if name not in self.teacher_names:
                        self.teacher_names.add(name)
                        break
                if k < 3:
                    role, taught = ("校长", "副校长", "教导主任")[k], rng.sample(classes, 1)
                elif k - 3 < len(classes):
                    role, taught = "班主任", [classes[k - 3]]
                else:
                    role, taught = "科任教师", rng.sample(classes, min(len(classes), 3))
                active = rng.random() > 0.02
                if active:
                    self.school_teachers[s].append(name)
                rows.append(
                    [
                        name,
                        "男" if male else "女",
                        self.phone(),
                        role,
                        "、".join(f"{CN[g]}年级({c})班" for g, c in taught),
                        rng.choice(SUBJECTS),
                        "是" if rng.random() < 0.3 else "否",
                        rng.randint(2, 8),
                        "是" if active else "否",
                    ]
                )
        return rows

    def children(self, schools: list[list[tuple[int, int]]]) -> list[list[Any]]:
        rng = self.rng
        rows: list[list[Any]] = []
        # (teacher, child, class text, grade, class number): who records may name.
        self.pickable: list[tuple[str, str, str, int, int]] = []
        slots = [(s, g, c) for s, classes in enumerate(schools) for g, c in classes]
        seen: set[tuple[str, dt.date, int, int]] = set()
        self.name_class: list[tuple[str, int, int]] = []
        for k in range(self.n_children):
            s, grade, number = slots[k * len(slots) // self.n_children]
            male = rng.random() < 0.52
            start = dt.date(2018 - grade, 9, 1)
            while True:
                birth = start + dt.timedelta(days=rng.randrange(365))
                name = self.person(BOY_CHARS if male else GIRL_CHARS)
                if (name, birth, grade, number) not in seen:  # no accidental DUP002
                    seen.add((name, birth, grade, number))
                    break
            self.name_class.append((name, grade, number))
            region = rng.choice(REGIONS)
            if self.id_block is not None:  # one home region per group of 100 files
                region = HOME_REGIONS[self.id_block // 100 % len(HOME_REGIONS)]
            id_number = self.id_number(region, birth, male)
            roll = rng.random()
            away = (
                BOTH if roll < 0.55 else FATHER if roll < 0.8 else MOTHER if roll < 0.94 else NONE
            )
            surname = name[0]
            father, mother = self.person(MAN_CHARS, surname), self.person(WOMAN_CHARS)
            f_phone, m_phone = self.phone(), self.phone()
            f_work = rng.choice(WORK_PLACES) if away in (BOTH, FATHER) else ""
            m_work = rng.choice(WORK_PLACES) if away in (BOTH, MOTHER) else ""
            if away == BOTH or rng.random() < 0.5:
                relation = rng.choice(RELATIONS)
                old = OLD_MAN_CHARS if relation in ("祖父", "外祖父") else OLD_WOMAN_CHARS
                g_name = self.person(old, surname if relation in ("祖父", "祖母") else None)
                g_phone, g_age = self.phone(), rng.randint(48, 78)
            elif away == FATHER:
                relation, g_name, g_phone, g_age = "母亲", mother, m_phone, rng.randint(28, 42)
            else:
                relation, g_name, g_phone, g_age = "父亲", father, f_phone, rng.randint(28, 45)
            if away == NONE:
                relation, g_name, g_phone, g_age = "母亲", mother, m_phone, rng.randint(28, 42)
            status = rng.choice(STATUS)
            class_text = _class_text(rng, grade, number)
            birth_cell: Any = birth
            if rng.random() < 0.03:  # some schools type dates as text
                birth_cell = rng.choice(
                    (f"{birth:%Y}年{birth.month}月{birth.day}日", f"{birth:%Y.%m.%d}")
                )
            teacher = rng.choice(self.school_teachers[s])
            row = [
                name,
                "男" if male else "女",
                id_number,
                birth_cell,
                rng.choice(ETHNICITY),
                class_text,
                rng.choice(HEALTH),
                f"四川省南充市南部县{rng.choice(TOWNS)}{rng.choice(VILLAGES)}"
                f"{rng.randint(1, 12)}组{rng.randint(1, 80)}号",
                "双亲留守" if away == BOTH and rng.random() < 0.05 else away,
                rng.choice(CATEGORIES),
                "是" if rng.random() < 0.12 else "否",
                status,
                father,
                f_phone,
                f_work,
                mother,
                m_phone,
                m_work,
                g_name,
                relation,
                g_phone,
                g_age,
                rng.choice(GUARDIAN_HEALTH),
                teacher,
                "G" + id_number,
                "" if rng.random() < 0.95 else "家长已签订监护责任书",
            ]
            # About 1% planted defects, one per child, each tripping a single rule.
            roll = rng.random()
            if roll < 0.004:
                good = id_number[-1]
                row[2] = id_number[:-1] + rng.choice([d for d in "0123456789X" if d != good])
                self.planted.bad_check_digit += 1
            elif roll < 0.007 and away == BOTH and status == "在读":
                row[20] = ""
                self.planted.missing_guardian_phone += 1
            elif roll < 0.010:
                row[5] = rng.choice(BAD_CLASSES)
                self.planted.bad_class += 1
            else:
                self.pickable.append((teacher, name, class_text, grade, number))
            rows.append(row)
        return rows

    def records(self) -> list[list[Any]]:
        rng = self.rng
        # Only children whose name and class name one child, so no record is ambiguous.
        counts = Counter((name, g, c) for name, g, c in self.name_class)
        pool = [p for p in self.pickable if counts[p[1], p[3], p[4]] == 1]
        rows: list[list[Any]] = []
        first = dt.date(2024, 9, 2)
        for _ in range(self.n_records):
            teacher, name, cls, _, _ = rng.choice(pool)
            rows.append(
                [
                    first + dt.timedelta(days=rng.randrange(130)),
                    teacher,
                    name,
                    cls,
                    rng.choice(KINDS),
                    rng.choice(CONTENT),
                ]
            )
        return rows


def _cells(row: list[Any]) -> list[Any]:
    """Empty strings as absent cells, as Excel saves them."""
    return [None if v == "" else v for v in row]


def generate(
    path: Path,
    children: int,
    teachers: int,
    records: int,
    inline: bool,
    seed: int = SEED,
    title: str = TITLE,
    id_block: int | None = None,
) -> Planted:
    """Write the workbook (atomically) and return what was planted in it."""
    from openpyxl import Workbook

    gen = Generator(seed, children, teachers, records, id_block)
    schools = gen.schools()
    teacher_rows = gen.teachers(schools)
    child_rows = gen.children(schools)
    record_rows = gen.records() if records else []

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(CHILD_SHEET)
    ws.append([title])
    ws.append(CHILD_HEADER)
    for row in child_rows:
        ws.append(_cells(row))
    ws.append([])
    ws.append([FOOTNOTE])
    ws = wb.create_sheet(TEACHER_SHEET)
    ws.append(TEACHER_HEADER)
    for row in teacher_rows:
        ws.append(_cells(row))
    if records:
        ws = wb.create_sheet(RECORD_SHEET)
        ws.append(RECORD_HEADER)
        for row in record_rows:
            ws.append(_cells(row))
    save(wb, path, shared=not inline)
    return gen.planted


def save(wb: Any, path: Path, shared: bool = True) -> None:
    """Write ``wb`` to ``path`` whole or not at all; ``shared`` rewrites its strings as
    Excel and WPS keep them (see ``to_shared_strings``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        if shared:
            to_shared_strings(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# openpyxl writes every string inline (<is><t>…</t></is>) and no <dimension>; Excel and WPS
# write a shared-string table and a dimension. The XML form changes how much work a reader
# does, so the bench workbook is rewritten to look like what schools actually send.
_INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is>'
    rb'<t(?: xml:space="preserve")?>(.*?)</t></is></c>',
    re.S,
)
_LAST_REF = re.compile(rb'<c r="([A-Z]+)([0-9]+)"')
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def to_shared_strings(path: Path) -> None:
    """Rewrite an openpyxl write-only workbook in place with shared strings and dimensions."""
    index: dict[bytes, int] = {}
    count = 0

    def shared(m: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        k = index.setdefault(m.group(3), len(index))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), k)

    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            data = _INLINE.sub(shared, data)
            cols = {m.group(1) for m in _LAST_REF.finditer(data)}
            last_col = max(cols, key=lambda c: (len(c), c), default=b"A")
            rows = [int(m.group(2)) for m in _LAST_REF.finditer(data[-4096:])] or [1]
            ref = b'<dimension ref="A1:%s%d" />' % (last_col, max(rows))
            parts[name] = data.replace(b"<sheetViews>", ref + b"<sheetViews>", 1)
    items = b"".join(b"<si><t>%s</t></si>" % text for text in index)
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="%d" uniqueCount="%d">%s</sst>' % (count, len(index), items)
    )
    types = parts["[Content_Types].xml"].decode()
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}" />'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rel = f'<Relationship Type="{_SST_REL}" Target="sharedStrings.xml" Id="rIdSst" />'
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", rel + "</Relationships>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def ensure_workbook(args: argparse.Namespace) -> tuple[Path, dict[str, Any]]:
    """The bench workbook, generated when missing or stale; and its metadata."""
    stem = f"county-{args.children}c-{args.teachers}t-{args.records}r"
    stem += "-inline" if args.inline_strings else ""
    path, meta_path = DATA / f"{stem}.xlsx", DATA / f"{stem}.json"
    wanted = {
        "generator": GENERATOR_VERSION,
        "seed": SEED,
        "children": args.children,
        "teachers": args.teachers,
        "records": args.records,
        "strings": "inline" if args.inline_strings else "shared",
    }
    if not args.regenerate and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if all(meta.get(k) == v for k, v in wanted.items()):
            print(f"workbook: {_rel(path)} (reused; --regenerate to rebuild)")
            return path, meta
    print(f"workbook: generating {_rel(path)} …", flush=True)
    start = time.perf_counter()
    planted = generate(path, args.children, args.teachers, args.records, args.inline_strings)
    meta = {**wanted, "planted": planted.__dict__}
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"workbook: written in {time.perf_counter() - start:.1f} s")
    return path, meta


# --- running and measuring -----------------------------------------------------------------

BARE_READ = """
import sys
import python_calamine as calamine
book = calamine.CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for name in book.sheet_names:
    rows = book.get_sheet_by_name(name).to_python()
    cells += sum(len(r) for r in rows)
print(cells)
"""

# Spawns one command, reaps it with wait4 and reports that child's own wall time and peak
# RSS as JSON on stderr's last line. Started fresh for every run, so nothing else's memory
# is counted.
LAUNCHER = """
import json, os, subprocess, sys, time
out, err = open(sys.argv[1], "wb"), open(sys.argv[2], "wb")
start = time.perf_counter()
child = subprocess.Popen(sys.argv[3:], stdout=out, stderr=err)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
child.returncode = os.waitstatus_to_exitcode(status)
print(json.dumps({"seconds": seconds, "maxrss_kb": usage.ru_maxrss, "exit": child.returncode}))
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    exit: int
    stdout: Path
    stderr: Path


def measure(cmd: list[str], workdir: Path, tag: str) -> Run:
    out, err = workdir / f"{tag}.out", workdir / f"{tag}.err"
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(out), str(err), *cmd],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(report["seconds"], report["maxrss_kb"] / scale, report["exit"], out, err)


def lbc_command() -> list[str]:
    """The ``lbc`` console script next to this interpreter, as users run it."""
    script = Path(sys.executable).parent / "lbc"
    if script.exists():
        return [str(script)]
    found = shutil.which("lbc")
    if found:
        return [found]
    return [sys.executable, "-c", "from lbc.cli import main; main()"]


def best_of(cmd: list[str], repeat: int, workdir: Path, tag: str, ok: tuple[int, ...]) -> list[Run]:
    runs = []
    for k in range(repeat):
        run = measure(cmd, workdir, f"{tag}{k}")
        if run.exit not in ok:
            tail = run.stderr.read_text(encoding="utf-8", errors="replace").strip()[-2000:]
            print(f"{tag} run failed with exit {run.exit}:\n{tail}", file=sys.stderr)
            sys.exit(2)
        print(f"  {tag} run {k + 1}: {run.seconds:6.2f} s  peak {run.peak_mb:7.1f} MB", flush=True)
        runs.append(run)
    return runs


def profile(path: Path, workdir: Path, limit: int) -> None:
    """cProfile one validate run and print lbc's own hot spots."""
    import pstats

    stats_path = workdir / "validate.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(stats_path), lbc_command()[0]]
    cmd += ["validate", str(path), "--format", "json"]
    with open(workdir / "profile.out", "wb") as out:
        subprocess.run(cmd, stdout=out, env={**os.environ, "NO_COLOR": "1"}, check=False)
    stats = pstats.Stats(str(stats_path))
    lbc_dir = str(Path(__file__).resolve().parent.parent / "lbc")
    print(f"\nprofile (cumulative, inside lbc/, top {limit}):")
    stats.sort_stats("cumulative").print_stats(lbc_dir, limit)
    print(f"profile (own time inside lbc/, top {limit}):")
    stats.sort_stats("tottime").print_stats(lbc_dir, limit)


# --- the report ----------------------------------------------------------------------------


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def report(bare: list[Run], validate: list[Run], meta: dict[str, Any], startup: float) -> int:
    bare_s = min(r.seconds for r in bare)
    val_s = min(r.seconds for r in validate)
    ratio = val_s / bare_s
    peak = max(r.peak_mb for r in validate)
    bare_peak = max(r.peak_mb for r in bare)
    ratio_ok, mem_ok = ratio <= RATIO_TARGET, peak < MEMORY_TARGET_MB

    print()
    print(f"bare calamine read   {bare_s:8.2f} s   (best of {len(bare)}, peak {bare_peak:.0f} MB)")
    print(f"lbc validate --json  {val_s:8.2f} s   (best of {len(validate)})")
    print(f"  of which start-up  {startup:8.2f} s   (lbc --version)")
    print(f"ratio                {ratio:8.2f} x")
    print(f"validate peak RSS    {peak:8.0f} MB  (max over runs)")
    print(f"target ratio <= {RATIO_TARGET}x        {'PASS' if ratio_ok else 'FAIL'}")
    print(f"target peak < {MEMORY_TARGET_MB} MB       {'PASS' if mem_ok else 'FAIL'}")

    best = min(validate, key=lambda r: r.seconds)
    try:
        doc = json.loads(best.stdout.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"(could not read validate's JSON: {exc})")
        return 0 if ratio_ok and mem_ok else 1
    summary = doc["summary"]
    print()
    print(
        f"read: {summary['children']} children, {summary['teachers']} teachers, "
        f"{summary['records']} records"
    )
    print(f"findings: {summary['errors']} errors, {summary['warnings']} warnings")
    planted = meta.get("planted", {})
    expected = {
        "ID002": planted.get("bad_check_digit"),
        "CON001": planted.get("missing_guardian_phone"),
        "CLS001": planted.get("bad_class"),
    }
    for code, count in summary["by_code"].items():
        note = f"   (planted {expected[code]})" if expected.get(code) is not None else ""
        print(f"  {code:<8}{count:>7}{note}")
    for code, count in expected.items():
        if count and code not in summary["by_code"]:
            print(f"  {code:<8}{0:>7}   (planted {count}: not found!)")
    return 0 if ratio_ok and mem_ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regenerate", action="store_true", help="rebuild the workbook")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best counts")
    parser.add_argument("--children", type=int, default=N_CHILDREN)
    parser.add_argument("--teachers", type=int, default=N_TEACHERS)
    parser.add_argument("--records", type=int, default=N_RECORDS, help="0: no records sheet")
    parser.add_argument(
        "--inline-strings",
        action="store_true",
        help="keep openpyxl's inline strings instead of an Excel-like shared-string table",
    )
    parser.add_argument("--profile", action="store_true", help="also cProfile one validate")
    parser.add_argument("--profile-limit", type=int, default=30)
    args = parser.parse_args(argv)

    path, meta = ensure_workbook(args)
    # pip compiles an installed package's bytecode; an editable install under
    # PYTHONDONTWRITEBYTECODE (as on this machine) would recompile lbc on every run.
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "lbc", quiet=1)
    size_mb = path.stat().st_size / 1e6
    print(f"workbook: {size_mb:.1f} MB, python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="lbc-bench-") as tmp:
        workdir = Path(tmp)
        bare_cmd = [sys.executable, "-c", BARE_READ, str(path)]
        val_cmd = [*lbc_command(), "validate", str(path), "--format", "json"]
        print("bare read (python-calamine, every sheet):", flush=True)
        bare = best_of(bare_cmd, args.repeat, workdir, "bare", ok=(0,))
        print("lbc start-up (lbc --version):", flush=True)
        startup = best_of([*lbc_command(), "--version"], args.repeat, workdir, "startup", ok=(0,))
        print("lbc validate --format json:", flush=True)
        validate = best_of(val_cmd, args.repeat, workdir, "validate", ok=(0, 1))
        status = report(bare, validate, meta, min(r.seconds for r in startup))
        if args.profile:
            profile(path, workdir, args.profile_limit)
    return status


if __name__ == "__main__":
    sys.exit(main())
