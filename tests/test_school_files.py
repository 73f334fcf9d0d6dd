"""The workbooks a school prints and files (the pairs, the watch list, the to-do list) are
Chinese whatever ``--lang`` says: an English run writes the very cells a Chinese run does,
reasons worked out in English for the terminal said again in Chinese on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run


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
