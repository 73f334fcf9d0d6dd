"""One roster per rule that fires it, and where its finding must be.

Adding a rule is one entry in ``lbc.checks.registry.R``, its texts in ``lbc.messages`` and
one entry here; ``tests/test_rules_registry.py`` fails until all three exist. Each entry
names the files to write (path -> sheet -> rows, Excel row 1 first) and the exact place of
the finding: file, sheet, Excel row, column letter, field. Rows are conftest's clean child
with the one cell that breaks the rule, so nothing else about the row can fire it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, make_id, without

Rows = list[list[Any]]
Files = dict[str, dict[str, Rows]]
B = dt.date(2016, 5, 1)
ROSTER, CHILDREN, TEACHERS, RECORDS = "roster.xlsx", "花名册", "教师", "记录"
TEACHER_ROWS: Rows = [
    TEACHER_HEADER,
    ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
]


@dataclass(frozen=True)
class Fixture:
    files: Files
    at: tuple[str, str, int | None, str | None, str]  # file, sheet, row, column, field
    args: tuple[str, ...] = ()  # more arguments to the command (a watch rule's --previous)
    # Placeholders of a clause the message adds only where it applies, which the fixture's
    # plain case leaves out: its message must be the rule's without them.
    empty: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        """What ``lbc validate`` is given: the one file, or the folder holding them all."""
        if len(self.files) == 1 or self.args:
            return next(iter(self.files))
        (top,) = {PurePosixPath(p).parts[0] for p in self.files}
        return top


def children(*rows: list[Any], header: list[str] = CHILD_HEADER, **sheets: Rows) -> Files:
    """roster.xlsx with a 花名册 of ``rows`` under ``header``, and any further sheets."""
    return {ROSTER: {CHILDREN: [header, *rows], **sheets}}


def extra(label: str, value: Any, **cells: Any) -> Files:
    """A child with one column beyond CHILD_HEADER (it lands in column O)."""
    return children([*child_row(1, **cells), value], header=[*CHILD_HEADER, label])


def child(row: int, column: str, key: str) -> tuple[str, str, int, str, str]:
    return (ROSTER, CHILDREN, row, column, key)


def _listing(children: str) -> Rows:
    """TEACHER_ROWS with a 帮扶学生姓名 column (I) naming 王芳's ``children``."""
    return [[*TEACHER_HEADER, "帮扶学生姓名"], [*TEACHER_ROWS[1], children]]


def records(*rows: list[Any]) -> Files:
    """A roster with one child (张雨涵), the teacher 王芳 and these support records."""
    return children(child_row(1), **{TEACHERS: TEACHER_ROWS, RECORDS: [RECORD_HEADER, *rows]})


SHEET_HEADER = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]
SHEET_TITLE = ["青山镇中心小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]


def record_sheet(row: list[Any], teacher: str = "王芳") -> Files:
    """One of lbc's record sheets (a title with the term, the 应完成 column) of one row,
    for 张雨涵 whose support teacher is ``teacher``."""
    return children(
        [*child_row(1), teacher],
        header=[*CHILD_HEADER, "帮扶教师"],
        **{TEACHERS: TEACHER_ROWS, "帮扶记录": [SHEET_TITLE, SHEET_HEADER, row]},
    )


def _two_schools() -> Files:
    """Two schools named by their rosters' titles, one child on both lists."""
    first = child_row(1)
    schools = (
        ("a", "青山镇中心小学", first),
        ("b", "白鹤乡中心小学", child_row(2, 身份证号=first[3])),
    )
    return {
        f"各校/{folder}/{ROSTER}": {
            CHILDREN: [[f"{name}留守儿童花名册（2024年秋季学期）"], CHILD_HEADER, row]
        }
        for folder, name, row in schools
    }


def changed(**cells: Any) -> Files:
    """This term's roster.xlsx, and last term's (上学期.xlsx) with ``cells`` as they were."""
    return {
        ROSTER: {CHILDREN: [CHILD_HEADER, child_row(1)]},
        PREVIOUS: {CHILDREN: [CHILD_HEADER, child_row(1, **cells)]},
    }


PREVIOUS = "上学期.xlsx"
TODAY = dt.date.today()
SEPT = dt.date(2024, 9, 10)

FIXTURES: dict[str, Fixture] = {
    # structure
    "COL001": Fixture(
        {ROSTER: {CHILDREN: without(["家庭住址"], child_row(1))}},
        (ROSTER, CHILDREN, None, None, "home_address"),
    ),
    "REQ001": Fixture(children(child_row(1, 家庭住址=None)), child(2, "H", "home_address")),
    "REQ002": Fixture(children(), (ROSTER, CHILDREN, None, None, "name")),
    # identity
    "ID001": Fixture(
        children(child_row(1, 身份证号="51132120160501123")), child(2, "D", "id_number")
    ),
    "ID002": Fixture(  # the true check character of this number is not 0
        children(child_row(1, 身份证号=make_id(B, 104)[:-1] + "0")),
        child(2, "D", "id_number"),
        empty=("lost",),
    ),
    "ID003": Fixture(  # 30 February
        children(child_row(1, 身份证号="511321201602301240")), child(2, "D", "id_number")
    ),
    "ID004": Fixture(
        children(child_row(1, 身份证号=511321201605011234)), child(2, "D", "id_number")
    ),
    "ID005": Fixture(  # a retired county code
        children(child_row(1, 身份证号=make_id(B, 110, region="412723"))),
        child(2, "D", "id_number"),
    ),
    "ID011": Fixture(  # 511321201605014023's 15 digits, made text: the check digit fits,
        children(  # and another's 15 digits, made text, its check digit wrong, beside it
            child_row(1, 身份证号="511321201605014000"),
            child_row(2, 身份证号=child_row(2)[3][:15] + "000"),
        ),
        child(2, "D", "id_number"),
    ),
    "ID008": Fixture(  # the true check character of this number is not 0
        extra("父亲公民身份证号码", make_id(dt.date(1986, 4, 2), 201)[:-1] + "0"),
        child(2, "O", "father_id_number"),
    ),
    "ID009": Fixture(
        children(
            [*child_row(1), make_id(dt.date(1988, 9, 8), 202), dt.date(1988, 9, 18)],
            header=[*CHILD_HEADER, "母亲身份证号", "母亲出生日期"],
        ),
        child(2, "P", "mother_birth_date"),
    ),
    "ID010": Fixture(  # a child's ID number under a military card's kind
        extra("身份证件类型", "军官证"), child(2, "O", "id_kind")
    ),
    "ID006": Fixture(
        children(child_row(1, 出生日期=dt.date(2016, 6, 1))), child(2, "E", "birth_date")
    ),
    "ID007": Fixture(children(child_row(1, 性别="男")), child(2, "C", "gender")),  # even digit
    "DUP001": Fixture(
        children(child_row(1), child_row(2, 身份证号=child_row(1)[3])), child(3, "D", "id_number")
    ),
    "DUP002": Fixture(
        children(
            child_row(1, name="郑十", 身份证号=None), child_row(2, name="郑十", 身份证号=None)
        ),
        child(3, "B", "name"),
    ),
    "DUP003": Fixture(_two_schools(), (f"各校/b/{ROSTER}", CHILDREN, 3, "D", "id_number")),
    "DUP004": Fixture(
        children(
            child_row(1, name="郑十", 身份证号=None, 出生日期=None),
            child_row(2, name="郑十", 身份证号=None, 出生日期=None),
        ),
        child(3, "B", "name"),
    ),
    # values
    "PHN001": Fixture(
        children(child_row(1, 监护人电话="1371234567")), child(2, "N", "guardian_phone")
    ),
    "PHN002": Fixture(
        children(child_row(1, 父亲电话="母：13912345678")), child(2, "J", "father_phone")
    ),
    "PHN003": Fixture(
        children(child_row(1, 父亲电话="父：13812345678；母：13900000002")),
        child(2, "J", "father_phone"),
    ),
    "PHN004": Fixture(  # what Excel shows of 13712345678, pasted as text
        children(child_row(1, 监护人电话="1.37123E+10")), child(2, "N", "guardian_phone")
    ),
    "PHN005": Fixture(  # 13712345678 in scientific notation, every digit kept
        children(child_row(1, 监护人电话="1.3712345678E+10")), child(2, "N", "guardian_phone")
    ),
    "PHN006": Fixture(  # 07551234567 typed into a General cell: the number 7551234567
        children(child_row(1, 监护人电话=7551234567)), child(2, "N", "guardian_phone")
    ),
    "PHN007": Fixture(  # a number with a fraction, a formula's result
        children(child_row(1, 监护人电话=1371234567.8)), child(2, "N", "guardian_phone")
    ),
    "DATE001": Fixture(  # an Excel date serial as text: the message says which day
        children(child_row(1, 出生日期="42554", 身份证号=None)), child(2, "E", "birth_date")
    ),
    "DATE002": Fixture(
        children(child_row(1, 出生日期=TODAY + dt.timedelta(days=30), 身份证号=None)),
        child(2, "E", "birth_date"),
    ),
    "DATE003": Fixture(
        children(child_row(1, 出生日期=dt.date(1990, 1, 1), 身份证号=None)),
        child(2, "E", "birth_date"),
    ),
    "CLS001": Fixture(
        children(child_row(1, 班级="火箭班")), child(2, "F", "class"), empty=("why",)
    ),
    "CLS002": Fixture(  # 101班 beside 初一, with its clause, is in test_class_cells.py
        extra("年级", "四年级"), child(2, "O", "grade"), empty=("numbered",)
    ),
    "CLS003": Fixture(extra("年级", 11, 班级="1班"), child(2, "O", "grade")),
    "CLS004": Fixture(  # 101班 in 初一.xlsx, with its clause, is in test_class_cells.py
        {"四年级.xlsx": {CHILDREN: [CHILD_HEADER, child_row(1, cls="301班")]}},
        ("四年级.xlsx", CHILDREN, 2, "F", "class"),
        empty=("numbered",),
    ),
    "VAL001": Fixture(children(child_row(1, 性别="不详")), child(2, "C", "gender")),
    "VAL002": Fixture(
        children(child_row(1, 与儿童关系="看护")), child(2, "M", "guardian_relation")
    ),
    "VAL003": Fixture(extra("监护人年龄", 8), child(2, "O", "guardian_age")),
    "VAL004": Fixture(children(child_row(1, kind="是")), child(2, "I", "left_behind_type")),
    "VAL005": Fixture(  # a guardian born in 2012, by the ID
        extra("委托监护人公民身份证号码", make_id(dt.date(2012, 3, 1), 202)),
        child(2, "O", "guardian_id_number"),
    ),
    "VAL006": Fixture(extra("监护类型", "无人监护"), child(2, "O", "guardianship_rating")),
    "VAL009": Fixture(
        extra("实际监护情况", "父母双方同时外出", kind="非留守"), child(2, "I", "left_behind_type")
    ),
    "VAL007": Fixture(children(child_row(1, 家庭住址="#REF!")), child(2, "H", "home_address")),
    "VAL010": Fixture(  # a formula saved without its result, as openpyxl saves one
        children(child_row(1, 监护人电话='="13712"&"345678"')), child(2, "N", "guardian_phone")
    ),
    "VAL008": Fixture(  # a VLOOKUP dragged a row past the last child: its 序号, #N/A, an
        # empty cell (a #REF! among them would make the row a child's, said by VAL007)
        children(child_row(1), [2, *["#N/A"] * 6, None, *["#N/A"] * 6]),
        (ROSTER, CHILDREN, 3, None, None),
    ),
    # contacts
    "CON001": Fixture(children(child_row(1, 监护人电话=None)), child(2, "N", "guardian_phone")),
    "CON002": Fixture(
        children(child_row(1, 父亲电话=None, 母亲电话=None)), child(2, "J", "father_phone")
    ),
    "CON003": Fixture(
        children(child_row(1, kind="父亲外出", 父亲电话=None)), child(2, "J", "father_phone")
    ),
    "CON004": Fixture(
        children(child_row(1, kind="母亲外出", 父亲电话=None, 监护人电话=None)),
        child(2, "N", "guardian_phone"),
    ),
    "CON007": Fixture(children(child_row(1, 与儿童关系="父亲")), child(2, "L", "guardian_name")),
    "CON005": Fixture(extra("父亲务工地址", "外地"), child(2, "O", "father_work_place")),
    "CON006": Fixture(
        children(child_row(1, kind="单亲留守", 父亲电话=None, 母亲电话=None, 监护人电话=None)),
        child(2, "N", "guardian_phone"),
    ),
    "CON010": Fixture(extra("父亲务工地址", "已回家"), child(2, "O", "father_work_place")),
    "CON009": Fixture(
        children(child_row(1, 监护人电话="13812345678")), child(2, "N", "guardian_phone")
    ),
    "CON008": Fixture(
        children(child_row(1, kind="父母双方无监护能力", 监护人电话=None)),
        child(2, "N", "guardian_phone"),
    ),
    # teachers
    "TCH001": Fixture(
        children(child_row(1), **{TEACHERS: [TEACHER_HEADER, ["陈静", "女", None]]}),
        (ROSTER, TEACHERS, 2, "C", "phone"),
    ),
    "TCH002": Fixture(
        children(child_row(1), **{TEACHERS: [*TEACHER_ROWS, ["王芳", "女", "13800000002"]]}),
        (ROSTER, TEACHERS, 3, "A", "name"),
    ),
    "TCH003": Fixture(
        {ROSTER: {**extra("帮扶教师", "刘老师")[ROSTER], TEACHERS: TEACHER_ROWS}},
        child(2, "O", "support_teacher"),
    ),
    "TCH004": Fixture(  # both on the list: which one is the child's is what is unknown
        {
            ROSTER: {
                **extra("帮扶教师", "王芳、李强")[ROSTER],
                TEACHERS: [
                    *TEACHER_ROWS,
                    ["李强", "男", "13800000002", "", "", "数学", "是", "否"],
                ],
            }
        },
        child(2, "O", "support_teacher"),
    ),
    # a teachers list's 帮扶学生 column: a name of nobody, of namesakes, of another's child
    "TCH005": Fixture(
        children(child_row(1), **{TEACHERS: _listing("张雨涵、李小明")}),
        (ROSTER, TEACHERS, 2, "I", "children"),
    ),
    "TCH006": Fixture(
        children(
            child_row(1, name="郑十"),
            child_row(2, name="郑十", cls="四年级(1)班"),
            **{TEACHERS: _listing("郑十")},
        ),
        (ROSTER, TEACHERS, 2, "I", "children"),
    ),
    "TCH007": Fixture(
        {
            ROSTER: {
                **extra("帮扶教师", "李强")[ROSTER],
                TEACHERS: [
                    *_listing("张雨涵"),
                    ["李强", "男", "13800000002", "", "", "数学", "是", "是", None],
                ],
            }
        },
        (ROSTER, TEACHERS, 2, "I", "children"),
    ),
    # records
    "REC001": Fixture(
        records([SEPT, "刘备", "张雨涵", "三年级(2)班", "谈心", ""]),
        (ROSTER, RECORDS, 2, "B", "teacher"),
    ),
    "REC002": Fixture(
        records([SEPT, "王芳", "不存在", None, "家访", ""]),
        (ROSTER, RECORDS, 2, "C", "student"),
        empty=("why",),
    ),
    "REC003": Fixture(  # two 郑十 in the roster, and the record gives no class
        {
            ROSTER: {
                CHILDREN: [CHILD_HEADER, child_row(1, name="郑十"), child_row(2, name="郑十")],
                TEACHERS: TEACHER_ROWS,
                RECORDS: [RECORD_HEADER, [SEPT, "王芳", "郑十", None, "谈心", ""]],
            }
        },
        (ROSTER, RECORDS, 2, "C", "student"),
    ),
    "REC004": Fixture(
        records([SEPT, "王芳", "张雨涵", "三年级(2)班", "聊天", ""]),
        (ROSTER, RECORDS, 2, "E", "kind"),
    ),
    "REC005": Fixture(  # a year typed wrong on a 2024 autumn sheet
        record_sheet(
            [1, "张雨涵", "三年级(2)班", "谈心", "2024年9月", dt.date(2023, 9, 10), "谈", "王芳"]
        ),
        (ROSTER, "帮扶记录", 3, "F", "date"),
    ),
    "REC006": Fixture(  # 王芳 wrote down a talk with 张雨涵, whom 刘备 supports
        record_sheet([1, "张雨涵", "三年级(2)班", "谈心", "2024年9月", SEPT, "谈", "王芳"], "刘备"),
        (ROSTER, "帮扶记录", 3, "B", "student"),
    ),
    "REC007": Fixture(  # a home visit in the summer holidays
        records([dt.date(2024, 8, 20), "王芳", "张雨涵", "三年级(2)班", "家访", ""]),
        (ROSTER, RECORDS, 2, "A", "date"),
    ),
    "REC008": Fixture(  # a home visit that found nobody in
        records([SEPT, "王芳", "张雨涵", "三年级(2)班", "家访未遇", "家里没人"]),
        (ROSTER, RECORDS, 2, "E", "kind"),
    ),
    "REC009": Fixture(  # a home visit picked from the dropdown, its 内容 saying nobody was in
        records([SEPT, "王芳", "张雨涵", "三年级(2)班", "家访", "家访未遇，家中无人"]),
        (ROSTER, RECORDS, 2, "F", "content"),
    ),
    "REC010": Fixture(  # a home visit written up, its 类型 left empty
        records([SEPT, "王芳", "张雨涵", "三年级(2)班", None, "到家中家访，见到奶奶"]),
        (ROSTER, RECORDS, 2, "E", "kind"),
    ),
    "REC011": Fixture(  # one talk written twice, the copy's 内容 spaced otherwise
        records(
            [SEPT, "王芳", "张雨涵", "三年级(2)班", "谈心", "了解学习情况"],
            [SEPT, "王芳", "张雨涵", "三年级(2)班", "谈心", "了解学习情况 "],
        ),
        (ROSTER, RECORDS, 3, "A", "date"),
    ),
    "TRM001": Fixture(  # a school's own term, edited in by hand, with a day of no month
        children(
            child_row(1),
            各校学期=[
                ["学校", "学期", "开始日期", "结束日期"],
                ["青山小学", "2024年秋季学期", "2024-13-01", None],
            ],
        ),
        (ROSTER, "各校学期", 2, "C", "term_start"),
    ),
    "QTA001": Fixture(  # a school's own quota, edited in by hand, with a count of no number
        children(
            child_row(1),
            各校要求=[["学校", "要求", "数量"], ["青山小学", "最多无联系天数", "两周"]],
        ),
        (ROSTER, "各校要求", 2, "C", "count"),
    ),
    "WST001": Fixture(  # a school's own watch setting, edited in by hand, of no criterion
        children(
            child_row(1),
            各校关注=[["学校", "设置", "值"], ["青山小学", "WCH099 权重", 4]],
        ),
        (ROSTER, "各校关注", 2, "B", "setting"),
    ),
    # the watch list (run with threshold 1, so the one reason lists the child)
    "WCH001": Fixture(children(child_row(1, 监护人姓名=None)), child(2, "L", "guardian_name")),
    "WCH002": Fixture(extra("监护类型", "无人监护"), child(2, "O", "guardianship_rating")),
    "WCH003": Fixture(
        extra("监护类型", "受委托监护人监护能力不足"), child(2, "O", "guardianship_rating")
    ),
    "WCH004": Fixture(extra("监护人年龄", 75), child(2, "O", "guardian_age")),
    "WCH005": Fixture(extra("监护人身体状况", "患病"), child(2, "O", "guardian_health")),
    "WCH006": Fixture(extra("监护人年龄", 15), child(2, "O", "guardian_age")),
    "WCH007": Fixture(children(child_row(1, 健康状况="残疾")), child(2, "G", "health")),
    "WCH008": Fixture(children(child_row(1, 健康状况="慢性病")), child(2, "G", "health")),
    "WCH009": Fixture(extra("是否孤儿", "是"), child(2, "O", "cat_orphan")),
    "WCH010": Fixture(extra("在校状态", "辍学"), child(2, "O", "enrollment_status")),
    "WCH011": Fixture(extra("是否寄宿", "是"), child(2, "O", "boarding")),
    "WCH012": Fixture(extra("帮扶教师", None), child(2, "O", "support_teacher")),
    "WCH013": Fixture(  # the one record is from September 2024
        records([SEPT, "王芳", "张雨涵", "三年级(2)班", "谈心", ""]), child(2, "B", "name")
    ),
    "WCH014": Fixture(
        children(child_row(1, kind="父亲外出", 父亲电话=None)), child(2, "J", "father_phone")
    ),
    "WCH015": Fixture(
        changed(监护人姓名="李阿姨"), child(2, "L", "guardian_name"), ("--previous", PREVIOUS)
    ),
    "WCH016": Fixture(
        changed(kind="父亲外出"), child(2, "I", "left_behind_type"), ("--previous", PREVIOUS)
    ),
    "WCH017": Fixture(
        changed(家庭住址="四川省南部县青山镇团结村1组"),
        child(2, "H", "home_address"),
        ("--previous", PREVIOUS),
    ),
}
