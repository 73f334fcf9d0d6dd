"""A record whose 类型 says no contact was made (未家访, 家访未遇) or none yet (计划家访):
no contact. It was an unknown kind (REC004), which counts as a contact, so a child nobody
met all term had her last contact on the day of the visit that found nobody home: lbc due
gave her that day and lbc watch left her off WCH013."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx
from lbc.roster import normalise as nz

DAY = dt.date(2024, 11, 20)
NOTE = (
    "提示：1 条帮扶记录的“类型”写的是没有联系上孩子或还没有进行，如“未家访”“计划家访”"
    "（首个在 roster.xlsx 的“帮扶记录”第 2 行），没有算作联系；lbc validate 逐条指出（REC008）"
)


def _roster(tmp_path: Path, kind: str) -> Path:
    """张雨涵 and 李明轩, both 王芳's: a record of 张雨涵 whose 类型 is ``kind``, and a
    talk with 李明轩, both on 2024-11-20."""
    kids = [[*CHILD_HEADER, "帮扶教师"], *([*child_row(n), "王芳"] for n in (1, 2))]
    records = [
        RECORD_HEADER,
        [DAY, "王芳", "张雨涵", None, kind, "家里没人，没见到孩子"],
        [DAY, "王芳", "李明轩", None, "谈心", "谈学习"],
    ]
    sheets = {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records}
    return write_xlsx(tmp_path / "roster.xlsx", sheets)


@pytest.mark.parametrize(
    "kind",
    [
        "未家访",
        "家访未遇",
        "计划家访",
        "电话未接通",
        "送温暖（未发放）",
        "家访无人",
        "联系不上",
        "找不到人",
        "没见到",
    ],
)
def test_a_record_of_no_contact_is_no_contact_anywhere(tmp_path: Path, kind: str) -> None:
    path = _roster(tmp_path, kind).name
    due = run("due", path, "--as-of", "2024-11-25", "--format", "json", cwd=tmp_path)
    children = [c for x in due.json()["teachers"] for c in x["children"]]
    assert [(c["child"], c["last_contact"], c["days_without_contact"]) for c in children] == [
        ("张雨涵", None, 86),
        ("李明轩", "2024-11-20", 5),
    ]
    assert due.stderr == NOTE + "\n"
    watch = run("watch", path, "--as-of", "2024-11-25", "--format", "json", cwd=tmp_path)
    listed = [
        (c["name"], [(r["code"], r["message"]) for r in c["reasons"]])
        for x in watch.json()["classes"]
        for c in x["children"]
    ]
    assert listed == [("张雨涵", [("WCH013", "超过 30 天没有谈心或联系（最近一次：无记录）")])]
    assert watch.stderr == NOTE + "\n"
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    records = summary.json()["records"]
    assert (records["total"], records["matched"], records["unreadable_kinds"]) == (1, 1, 0)
    assert records["without_record"] == [{"class": "三年级(2)班", "names": ["张雨涵"]}]
    assert NOTE in summary.stderr.splitlines()
    found = run("validate", path, "--select", "REC", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["row"], f["column"], f["value"]) for f in found.json()["findings"]] == [
        ("REC008", 2, "E", kind)
    ]


@pytest.mark.parametrize(
    "kind",
    [
        "聊天",
        "未成年人保护教育",
        "未来规划",
        "事实无人抚养儿童家访",
        "学习跟不上",
        "不到校",
        "考试失败谈心",
    ],
)
def test_an_unknown_kind_is_still_a_contact(tmp_path: Path, kind: str) -> None:
    """聊天 is a kind lbc cannot read, and says nothing of a contact not made: a contact
    still, as the REC004 note says, and no REC008. Nor do words naming what a contact was
    about, for all their 未, 无人, 不上 or 不到: 未成年人 (minors), 未来 (the future), 事实
    无人抚养儿童 (a child nobody in fact brings up), 学习跟不上 (behind in class), 不到校
    (not coming to school), 考试失败 (an exam failed)."""
    path = _roster(tmp_path, kind)
    due = run("due", path, "--as-of", "2024-11-25", "--format", "json")
    last = [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]]
    assert last == ["2024-11-20", "2024-11-20"]
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert [f["code"] for f in found] == ["REC004"]


@given(st.sampled_from(sorted(nz.RECORD_KIND_WORDS)), st.sampled_from(["未", "未能", "计划", "拟"]))
def test_a_kind_said_not_done_is_no_kind(word: str, said: str) -> None:
    """Every spelling of a kind reads as that kind; put as not done (未家访, 家访未遇) or
    only planned (计划家访) it is no contact, never the kind nor an unknown word."""
    assert nz.record_kind(word) == nz.RECORD_KIND_WORDS[word]
    for text in (said + word, word + "未遇") if said.startswith("未") else (said + word,):
        assert nz.record_kind(text) == nz.NotHeld(text)
