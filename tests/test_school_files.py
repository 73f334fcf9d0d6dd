"""The workbooks a school prints and files (the pairs, the watch list, the to-do list) are
Chinese whatever ``--lang`` says: an English run writes the very cells a Chinese run does,
reasons worked out in English for the terminal said again in Chinese on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, child_row, run, write_xlsx


def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


RUNS = {
    "pairs": ("pair",),
    "watch": ("watch", "--as-of", "2024-12-20"),
    "due": ("due", "--as-of", "2024-10-15"),
}


@pytest.mark.parametrize("book", sorted(RUNS))
def test_an_english_run_writes_the_chinese_workbook(samples: Path, book: str):
    written = {}
    for lang in ("zh", "en"):
        out = samples / f"{book}-{lang}.xlsx"
        run("--lang", lang, *RUNS[book], "--out", out, cwd=samples)
        written[lang] = cells(out)
    assert written["en"] == written["zh"]
    sheet = written["en"][next(iter(written["en"]))]
    if book == "pairs":
        # 谢心怡: on the watch list, a key target, and her pair kept.
        assert sheet[3][2] == "谢心怡"
        assert sheet[3][5:10] == (
            "重点关注、重点帮扶对象、建档立卡、学困",
            "蒋娟",
            "16613503852",
            "延续原结对",
            "是",
        )
        assert sheet[57][2:9:6] == ("吴静怡", "班级无法识别（火箭班），全校调配")
        assert str(sheet[-1][0]).startswith("制表人：__________    审核人：__________    日期：")
        assert written["en"]["教师帮扶名单"][20][1:7:5] == ("李勇", "不在岗")
        assert written["en"]["未结对"][2][:2] == (None, "（无）")
    elif book == "watch":
        assert sheet[7][3] == "陈雨欣"
        assert sheet[7][6] == "超过 30 天没有谈心或联系（最近一次：2024年11月19日）"
        assert sheet[2][6] == "超过 30 天没有谈心或联系（最近一次：无记录）；没有帮扶教师（未填写）"
    else:
        assert sheet[4][:4] == ("王晓丽", "徐若曦", "三年级(2)班", "重点帮扶对象、学困")


def test_the_terminal_keeps_the_runs_language(samples: Path):
    """The reasons said again in Chinese on paper are English on an English terminal, and
    the day of the last contact is written as the list writes days."""
    result = run("--lang", "en", "watch", "--as-of", "2024-12-20", "-f", "json", cwd=samples)
    messages = [
        r["message"]
        for g in result.json()["classes"]
        for c in g["children"]
        if c["name"] == "陈雨欣"
        for r in c["reasons"]
    ]
    assert messages == ["no talk or contact for more than 30 days (last: 2024-11-19)"]
    result = run("watch", "--as-of", "2024-12-20", "-f", "json", cwd=samples)
    assert "超过 30 天没有谈心或联系（最近一次：2024年11月19日）" in result.stdout


def test_a_said_text_is_said_again_whole_after_joining_and_pickling():
    import datetime as dt
    import pickle

    from lbc.messages import again, language, long_date, said

    with language("en"):
        text = said("rule.WCH013", days=30, last=long_date(dt.date(2024, 12, 9)))
        text += said("pair.reason.moved", name="王芳")
        assert text == "no talk or contact for more than 30 days (last: 2024-12-09)" + (
            " (last term's 王芳 could not continue)"
        )
    with language("zh"):
        assert again(pickle.loads(pickle.dumps(text))) == (
            "超过 30 天没有谈心或联系（最近一次：2024年12月9日）（原帮扶教师王芳不能继续）"
        )
        assert again("王芳") == "王芳"


def test_a_said_text_is_made_once_and_shared_yet_never_mistaken_for_another():
    """A county's watch list says the same reason to tens of thousands of children: each
    Said is made once and shared. It is never taken for another of the same words in the
    run's language (two English texts of different Chinese), another language, or a
    parameter of another type."""
    from lbc.messages import again, language, said

    with language("en"):
        first = said("rule.WCH014", away=said("pair.col.child"), how=said("watch.no_phone"))
        assert said("rule.WCH014", away=said("pair.col.child"), how=said("watch.no_phone")) is first
        other = said("rule.WCH014", away=said("csv.col.child"), how=said("watch.no_phone"))
        assert other == first and other is not first
        assert said("rule.WCH004", age=1) != said("rule.WCH004", age=True)
    with language("zh"):
        assert said("watch.no_phone") != first
        assert "学生姓名" in again(first) and "儿童" in again(other)
        assert "学生姓名" not in again(other)


LAID_OUT = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]


@pytest.mark.parametrize("dates", ["2024年9月1日至2025年1月31日", "2024-09-01至2025-01-31"])
def test_a_record_sheets_title_gives_its_term_as_written_now_and_before(tmp_path: Path, dates: str):
    """lbc titles a record sheet with its term's days as a school writes them, and reads
    the term back from them (1月 is January 2025), as from the ISO days of sheets it wrote
    before."""
    title = [f"青山小学2024年秋季学期帮扶记录表（王芳，{dates}）"]
    rows = [[1, "张雨涵", "三年级(2)班", "谈心", "", "1月", "谈学习", "王芳"]]
    roster = write_xlsx(
        tmp_path / "roster.xlsx", {"儿童": [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]}
    )
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [title, LAID_OUT, *rows]})
    due = run("due", roster, sheet, "--as-of", "2025-01-31", "--format", "json")
    assert [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]] == ["2025-01"]


def test_a_record_sheets_rows_grow_with_what_a_teacher_types(samples: Path):
    """The rows to fill in are 30 points tall for a pen, and not marked as set by hand
    (customHeight), so Excel, WPS and LibreOffice make a row taller as a 内容 of three
    lines is typed into it: a row of set height cut it off the printed page."""
    import re
    import zipfile

    assert run("record-sheets", "--term", "2024-autumn", "--out", "rs", cwd=samples).exit_code == 0
    book = samples / "rs" / "帮扶记录表_2024年秋季学期_侯军.xlsx"
    with zipfile.ZipFile(book) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    rows = re.findall(r'<row r="(\d+)"([^>]*)>', xml)
    assert rows[:3] == [("1", ' ht="24" customHeight="1"'), ("2", ""), ("3", ' ht="30"')]
    assert len(rows) == 2 + 7 + 20  # 7 laid out for 袁涛, 20 spare: two pages
    assert all(attrs == ' ht="30"' for _, attrs in rows[2:])


def test_a_record_sheets_blank_rows_fill_the_page_the_laid_out_rows_end_on(samples: Path):
    """30 blank rows below 侯军's 7 laid-out ones printed on three pages, the third holding
    four blank rows. The blank rows now fill the page the laid-out ones end on, ten at
    the fewest: an A4 landscape page prints 443.8 points of rows in Excel (its margins
    and header's), so the first page holds the title (24), the header (15) and 13 rows of
    30 points, the next the header and 14. 侯军's 7 rows leave room for 6 blank ones, too
    few: 20 fill the second page; 蒋娟's 14 run onto it, leaving room for 13."""
    assert run("record-sheets", "--term", "2024-autumn", "--out", "rs", cwd=samples).exit_code == 0
    for teacher, laid_out in (("侯军", 7), ("蒋娟", 14)):
        ws = load_workbook(samples / "rs" / f"帮扶记录表_2024年秋季学期_{teacher}.xlsx")["帮扶记录"]
        numbers = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
        assert numbers == list(range(1, 28))
        names = [ws.cell(r, 2).value for r in range(3, ws.max_row + 1)]
        assert names.index(None) == laid_out and set(names[laid_out:]) == {None}
        assert {ws.cell(r, 8).value for r in range(3, ws.max_row + 1)} == {teacher}


def test_the_annotated_copys_problem_list_speaks_the_runs_language_whole(samples: Path):
    """The annotated copy is the person fixing the roster's, as validate's terminal list
    is: its problem list in the run's language, each header as wide as its column (the
    English 'severity' was broken as severit / y)."""
    out = samples / "annotated.xlsx"
    assert run("--lang", "en", "validate", "--annotate", out, cwd=samples).exit_code == 1
    ws = load_workbook(out)["Problems"]
    assert [c.value for c in ws[1]] == [
        "code", "severity", "sheet", "cell", "field", "who", "problem", "value",
    ]  # fmt: skip
    assert (ws["A2"].value, ws["B2"].value, ws["G2"].value) == (
        "REQ001",
        "error",
        "'家庭住址' is empty",
    )
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEFGH"]
    assert widths == [9, 10, 16, 8, 18, 18, 60, 24]


@pytest.mark.parametrize("suffix", ["docx", "html"])
def test_an_english_runs_contact_cards_write_the_birth_date_as_the_chinese_card(
    samples: Path, suffix: str
):
    import zipfile

    for lang in ("zh", "en"):
        out = samples / f"cards-{lang}.{suffix}"
        assert run("--lang", lang, "cards", "--out", out, cwd=samples).exit_code == 0
    texts = {}
    for lang in ("zh", "en"):
        out = samples / f"cards-{lang}.{suffix}"
        if suffix == "docx":
            with zipfile.ZipFile(out) as z:
                texts[lang] = z.read("word/document.xml").decode()
        else:
            texts[lang] = out.read_text(encoding="utf-8")
    for text in texts.values():
        assert "出生日期：2017年12月10日" in text and "2017-12-10" not in text
