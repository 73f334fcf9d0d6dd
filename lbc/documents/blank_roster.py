"""``lbc init``: a new workspace a school can start filling in the same day.

The blank roster already carries the standard headers, dropdowns for the closed lists and
text-formatted ID and phone columns, because an ID typed into a General cell loses its last
three digits for good: prevention beats a finding.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lbc.errors import LbcError
from lbc.messages import os_reason, t
from lbc.output.files import write_atomic
from lbc.output.sheet_style import style_sheet
from lbc.roster import normalise as nz
from lbc.roster.fields import FIELDS, Kind
from lbc.roster.school_names import WORKSPACE_ROSTER
from lbc.workspace.config import CONFIG_NAME

ROSTER_NAME = WORKSPACE_ROSTER
TEMPLATE_ROWS = 1000  # rows prepared with formats and dropdowns

CONFIG_TEMPLATE = """\
# lbc 工作区配置。lbc 在当前文件夹及上级文件夹中查找本文件。

[school]
name = ""                  # 学校名称，如 "青山镇中心小学"
contact_phone = ""         # 家校联系电话，印在联系卡上

[files]
roster = ["roster.xlsx"]   # 花名册文件，相对本文件的路径；可写多个
pairs = "结对名单.xlsx"    # 结对名单：lbc pair --save 写到这里，各命令都按它（首次结对前可不存在）
records = "记录表"         # 老师交回的帮扶记录表文件夹（lbc record-sheets 写到这里）

[pairing]
max_per_teacher = 2        # 每名教师最多帮扶几名儿童（教师名单“可帮扶人数”列可单独设定）

# 学校的工作要求（lbc summary、lbc due 据此统计完成情况）。下面写的是默认值，行首有 # 的不起作用；
# 要改哪一项，去掉那一行行首的 # 再改数字。县里的 lbc.toml 也设了的，以本校写了的为准
[quotas]
# talks_per_month = 1              # 每名结对儿童每月谈心次数
# home_visits_per_term = 1         # 每学期家访次数
# warmth_per_year = 1              # 每学年送温暖次数
# children_per_teacher = 1         # 每名在岗教师至少帮扶的儿童数
# max_days_without_contact = 30    # 结对儿童最多相隔多少天须有一次联系（lbc due 据此提醒）

# 重点关注名单（lbc watch）：一名儿童各项原因的分数相加，达到 threshold 即列入；改法同上
[watch]
# threshold = 3                    # 列入名单的最低关注分
# guardian_age = 70                # 监护人达到此年龄即为一项原因（WCH004）
# 各项原因的分数，0 为不计；lbc rules 列出 WCH 开头的全部原因及其默认分数
# [watch.weights]
# WCH011 = 0                     # 例：住校不计入

# 学校自定的学期起止日期（不写则秋季 9月1日—次年1月31日，春季 2月1日—7月31日）
# [terms."2024-autumn"]
# start = 2024-09-01
# end = 2025-01-20

[synonyms]
# 本校花名册的特殊表头：字段键 = ["表头", ...]，字段键见字段字典
# guardian_phone = ["爷爷奶奶电话"]
"""

CHILD_COLUMNS = (
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "学籍号",
    "出生日期",
    "民族",
    "班级",
    "健康状况",
    "家庭住址",
    "留守类型",
    "类别",
    "重点帮扶对象",
    "在校状态",
    "父亲姓名",
    "父亲电话",
    "父亲务工地址",
    "母亲姓名",
    "母亲电话",
    "母亲务工地址",
    "监护人姓名",
    "与儿童关系",
    "监护人电话",
    "监护人住址",
    "监护人年龄",
    "监护人身体状况",
    "帮扶教师",
    "备注",
)
# The pairs go in the roster's 帮扶教师 column: a template offers no second place for them.
TEACHER_COLUMNS = tuple(f.label for f in FIELDS[Kind.TEACHERS] if f.key != "children")
RECORD_COLUMNS = tuple(f.label for f in FIELDS[Kind.RECORDS])

TEXT_COLUMNS = {"身份证号", "学籍号", "父亲电话", "母亲电话", "监护人电话", "联系电话"}
DATE_COLUMNS = {"出生日期", "日期"}

# Closed lists: (allowed values, whether another value is refused or only warned about).
DROPDOWNS: dict[str, tuple[tuple[str, ...], bool]] = {
    "性别": (nz.GENDERS, True),
    "留守类型": (nz.LEFT_BEHIND_TYPES, True),
    "在校状态": (nz.ENROLLMENT_STATUSES, True),
    "重点帮扶对象": (nz.YES_NO, True),
    "健康状况": (nz.HEALTH_WORDS, False),
    "与儿童关系": (nz.RELATIONS, True),
    "职务": (("班主任", "科任教师", "校领导", "行政"), False),
    "党员": (nz.YES_NO, True),
    "在岗": (nz.YES_NO, True),
    "类型": (nz.RECORD_KINDS, True),
}


def _sheet(wb: Workbook, title: str, columns: tuple[str, ...]) -> None:
    ws = wb.create_sheet(title)
    for j, label in enumerate(columns, 1):
        ws.cell(1, j, label)
        letter = get_column_letter(j)
        rng = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        if label in TEXT_COLUMNS or label in DATE_COLUMNS:
            fmt = "@" if label in TEXT_COLUMNS else "yyyy-mm-dd"
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row, j).number_format = fmt
        if label in DROPDOWNS:
            values, strict = DROPDOWNS[label]
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(values) + '"',
                allow_blank=True,
                errorStyle="stop" if strict else "warning",
                showErrorMessage=True,
            )
            dv.add(rng)
            ws.add_data_validation(dv)
    # Filled in, it is the roster a school prints and hands in: printed as every list lbc
    # writes, landscape with the header on each page, not portrait seven pages across.
    style_sheet(ws, 1, [20 if label in TEXT_COLUMNS else 12 for label in columns])


def blank_roster() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, t("init.children_sheet"), CHILD_COLUMNS)
    _sheet(wb, t("init.teachers_sheet"), TEACHER_COLUMNS)
    _sheet(wb, t("init.records_sheet"), RECORD_COLUMNS)
    return wb


def init_workspace(folder: Path) -> list[Path]:
    """Write lbc.toml and a blank roster into ``folder``; refuse to overwrite either."""
    if folder.exists() and not folder.is_dir():
        raise LbcError(t("err.init_not_dir", path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LbcError(t("err.output_dir", path=folder, reason=os_reason(exc))) from exc
    config, roster = folder / CONFIG_NAME, folder / ROSTER_NAME
    for path in (config, roster):
        if path.exists():
            raise LbcError(t("err.init_exists", path=path))
    write_atomic(config, lambda tmp: tmp.write_text(CONFIG_TEMPLATE, encoding="utf-8"))
    write_atomic(roster, blank_roster().save)
    return [config, roster]
