"""What lbc prints on an 80-column terminal: sentences wrap between Chinese characters,
values (ID numbers, dates, phones, a child and class) are never cut or folded."""

from __future__ import annotations

import io

from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from conftest import cpu_seconds, on_a_terminal
from lbc.commands.common import use_lbc_rich
from lbc.output.formats import rich_table
from lbc.output.linebreak import divide_line, units

use_lbc_rich()

ROWS = [
    ["E32", "ID006", "错误", "刘*琪 三年级(2)班",
     "身份证号中的出生日期 2015-12-09 与“出生日期”2015-09-12 不一致", "2015-09-12"],
    ["D59", "ID004", "错误", "杨*宇 六年级(2)班",
     "身份证号被存成了数字，Excel 只保留15位，后几位已丢失；请把该列设为文本后按原件重新录入",
     "511321********4000"],
    ["R54", "PHN001", "错误", "何*怡 六年级(1)班",
     "“母亲电话”格式不对：应为11位手机号（1开头）或带区号的座机号", "166***1220"],
]  # fmt: skip


def printed(renderable: object, width: int = 80) -> list[str]:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_the_validate_table_at_80_columns_wraps_sentences_and_keeps_values_whole():
    lines = printed(rich_table(["位置", "代码", "级别", "对象", "问题", "值"], ROWS))
    assert lines == [
        "",
        "  位置   代码     级别   对象          问题                 值",
        " " + "─" * 78,
        "  E32    ID006    错误   刘*琪         身份证号中的出生日   2015-09-12",
        "                         三年级(2)班   期 2015-12-09 与",
        "                                       “出生日期”",
        "                                       2015-09-12 不一致",
        "  D59    ID004    错误   杨*宇         身份证号被存成了数   511321********4000",
        "                         六年级(2)班   字，Excel 只保留15",
        "                                       位，后几位已丢失；",
        "                                       请把该列设为文本后",
        "                                       按原件重新录入",
        "  R54    PHN001   错误   何*怡         “母亲电话”格式不     166***1220",
        "                         六年级(1)班   对：应为11位手机号",
        "                                       （1开头）或带区号",
        "                                       的座机号",
        "",
    ]


def test_a_wide_terminal_shows_every_row_on_one_line():
    lines = printed(rich_table(["位置", "代码", "级别", "对象", "问题", "值"], ROWS), width=160)
    assert lines[3] == (
        "  E32    ID006    错误   刘*琪 三年级(2)班   "
        "身份证号中的出生日期 2015-12-09 与“出生日期”2015-09-12 不一致" + " " * 28 + "2015-09-12"
    )
    assert len(lines) == 7


def test_a_line_never_starts_with_a_closing_mark_nor_ends_with_an_opening_one():
    text = "父亲外出，缺少父亲电话（请补录）。"
    for width in range(6, 20):  # the widest unit, 录）。, is 6 cells
        lines = [str(line) for line in Text(text).wrap(Console(), width)]
        assert "".join(lines) == text
        assert not any(line[0] in "，。）" for line in lines), (width, lines)
        assert not any(line[-1] == "（" for line in lines), (width, lines)


VALUE = st.sampled_from(["511321201509123376", "511321********4000", "2015-09-12", "166***1220"])


@given(st.lists(st.sampled_from(["身份证号", "与出生日期", "不一致，", "（请核对）", " "])), VALUE)
def test_an_id_date_or_phone_inside_a_sentence_is_one_unit(words, value):
    text = "".join(words) + value + "".join(reversed(words))
    assert value in [u.strip() for _, _, u in units(text)]
    for width in (18, 20, 30):
        breaks = divide_line(text, width)
        start = text.index(value)
        assert not any(start < b < start + len(value) for b in breaks)


def test_columns_of_sentences_share_a_narrow_terminal_widest_first():
    """lbc columns: the header, the field and the note all wrap; none is squeezed to a
    sliver while another keeps room, and (guardian_id_number) stays one word."""
    rows = [
        ["AD", "委托监护人公民身份证号码", "AD2、AD3", "监护人身份证号 (guardian_id_number)", ""],
        ["Z", "实际监护情况", "Z2", "留守类型 (left_behind_type)",
         "由“实际监护情况”一列读出，按父母是否外出判断留守类型"],
        ["I", "是否登记户口", "I2", "（未读）", "官方表格中的列，lbc 不使用"],
    ]  # fmt: skip
    assert printed(rich_table(["列", "表头", "表头单元格", "读作字段", "说明"], rows)) == [
        "",
        "  列   表头               表头单元格   读作字段               说明",
        " " + "─" * 78,
        "  AD   委托监护人公民身   AD2、AD3     监护人身份证号",
        "       份证号码                        (guardian_id_number)",
        "  Z    实际监护情况       Z2           留守类型               由“实际监护情况”",
        "                                       (left_behind_type)     一列读出，按父母",
        "                                                              是否外出判断留守",
        "                                                              类型",
        "  I    是否登记户口       I2           （未读）               官方表格中的列，",
        "                                                              lbc 不使用",
        "",
    ]


def test_validate_on_an_80_column_terminal_shows_every_value_whole(samples):
    lines = [line.rstrip() for line in on_a_terminal("validate", cwd=samples).splitlines()]
    assert max(map(cell_len, lines)) <= 80
    for value in ("2015-09-12", "511321********3376", "166***1220", "511321********4000"):
        assert any(line.endswith("   " + value) for line in lines), value
    assert "  D59    ID004    错误   杨*宇         身份证号被存成了数   511321********4000" in lines


@given(st.integers(min_value=40, max_value=160))
def test_nothing_is_ever_cut_off_whatever_the_width(width):
    """Every character of every header and cell is printed, at any terminal width: a
    table too wide folds, it never crops with an ellipsis."""
    headers = ["位置", "代码", "级别", "对象", "问题", "值"]
    lines = printed(rich_table(headers, ROWS), width=width)
    assert max(map(cell_len, lines)) <= width
    shown = sorted("".join(lines).replace(" ", "").replace("─", ""))
    assert shown == sorted("".join([*headers, *(c for row in ROWS for c in row)]).replace(" ", ""))


def test_the_command_list_at_80_columns_cuts_no_help(tmp_path):
    """`lbc -h` on an 80-column terminal shows each command's help whole, in Chinese and in
    English: none cut off with …"""
    for lang, heading in (("zh", "─ 命令 "), ("en", "─ Commands ")):
        shown = on_a_terminal("--lang", lang, "-h", cwd=tmp_path).splitlines()
        start = next(i for i, line in enumerate(shown) if heading in line)
        end = next(i for i in range(start + 1, len(shown)) if shown[i].startswith("╰"))
        commands = [line.rstrip(" │") for line in shown[start + 1 : end]]
        assert len(commands) >= 15, shown
        assert [line for line in commands if line.endswith("…")] == []


CELL = st.lists(
    st.sampled_from(
        ["身份证号", "与出生日期", "不一致，", "（请核对）", " ", "  ", "罗*豪", "三年级(2)班",
         "511321********4000", "2015-09-12", "abc", "\t", "\n", "\u3000", "é", "👍",
         "👨\u200d👩\u200d👧", "❤\ufe0f", "\u2028", ""]
    ),
    max_size=12,
).map("".join)  # fmt: skip
HEADER = st.sampled_from(
    ["学生", "班级", "重点帮扶对象", "x", "最近联系", "值", "问题说明很长的表头"]
)


@given(
    st.lists(HEADER, min_size=1, max_size=6).flatmap(
        lambda headers: st.tuples(
            st.just(headers),
            st.lists(st.lists(st.one_of(CELL, st.none()), min_size=len(headers),
                              max_size=len(headers)), max_size=5),
        )
    ),
    st.integers(min_value=20, max_value=200),
    st.booleans(),
)  # fmt: skip
# A line separator (U+2028) ending a cell that fits: a break to rich, drawn as two lines.
@example((["学生", "学生"], [["", "511321********4000\u2028"], ["身份证号", None]]), 65, False)
def test_a_table_is_drawn_as_richs_table_draws_it(table, width, terminal):
    """Line for line and escape for escape, at any width, on a terminal or not: a cell
    that fits is padded, one that does not is wrapped, a heading is bold, as rich's Table
    draws the same columns."""
    headers, rows = table
    fitted = rich_table(headers, rows)

    def drawn(renderable: object, crop: bool = True) -> str:
        out = io.StringIO()
        console = Console(file=out, width=width, force_terminal=terminal, color_system="truecolor")
        console.print(renderable, crop=crop)
        return out.getvalue()

    # Printed as commands print it (common.show_table), not cropped: it never needs to be.
    assert drawn(fitted, crop=False) == drawn(fitted.by_rich(*fitted.widths(width)))


def test_a_county_of_rows_is_drawn_in_a_second_or_two():
    """Twenty thousand rows of six columns: each cell padded, not measured and wrapped by
    rich's Table (over a county's 100,000 children, a minute)."""
    rows = [
        [
            f"张{n}",
            "三年级(2)班",
            "父母均外出",
            "本月谈心、本学期家访；漏谈：9月",
            "2024-10-17（34 天前）",
            "是",
        ]
        for n in range(20000)
    ]
    out = io.StringIO()
    start = cpu_seconds()
    Console(file=out, width=200).print(rich_table(list("学班重待联逾"), rows), crop=False)
    assert cpu_seconds() - start < 3
    assert len(out.getvalue().splitlines()) == 20004


def test_diff_on_an_80_column_terminal_keeps_a_corrected_id_whole(samples):
    """The change log's widest value is a corrected ID number (18 cells each side): its
    对应依据 gives up width at its spaces (姓名 + 出生日期) so the number is never folded."""
    shown = on_a_terminal("diff", "上学期/roster.xlsx", "roster.xlsx", cwd=samples)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert max(map(cell_len, lines)) <= 80
    at = lines.index(next(line for line in lines if "罗梓睿" in line))
    assert lines[at : at + 3] == [
        "  五年级(1)班   44   罗梓睿   身份证号       511321********3375 →     姓名 +",
        "                                             511321********3376       出生日期",
        "  五年级(2)班   50   刘承志   性别           男 → 女                  身份证号",
    ]
