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
    "提示：1 条帮扶记录的“类型”或“内容”写的是没有联系上孩子或还没有进行，如“未家访”“计划家访”"
    "“家访未遇，家中无人”（首个在 roster.xlsx 的“帮扶记录”第 2 行），没有算作联系；"
    "lbc validate 逐条指出（REC008、REC009）"
)


def _roster(tmp_path: Path, kind: str) -> Path:
    """张雨涵 and 李明轩, both 王芳's: a record of 张雨涵 whose 类型 is ``kind``, and a
    talk with 李明轩, both on 2024-11-20."""
    kids = [[*CHILD_HEADER, "帮扶教师"], *([*child_row(n), "王芳"] for n in (1, 2))]
    records = [
        RECORD_HEADER,
        [DAY, "王芳", "张雨涵", None, kind, "了解孩子近况"],
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


@pytest.mark.parametrize(
    ("kind", "talks", "visits"),
    [
        ("家访（父母不在家，与奶奶交流）", 0, 1),
        ("家访（家长未在家，与爷爷沟通）", 0, 1),
        ("家访（奶奶没在家，见到爷爷）", 0, 1),
        ("家访（父母外出未归，奶奶接待）", 0, 1),
        ("家访【入户】", 0, 1),
        ("家访1次", 0, 1),
        ("谈心(成绩没进步)", 1, 0),
        ("谈心（作业未完成）", 1, 0),
        ("谈心（父母长期不在家）", 1, 0),
        ("谈心：没有朋友", 1, 0),
        ("谈心（没考好）", 1, 0),
        ("谈心（学习问题）", 1, 0),
        ("家访(入户)", 0, 1),
        ("家访，入户", 0, 1),
        ("家访 - 与奶奶交流", 0, 1),
        ("家访，入户家访", 0, 1),
        ("谈心——考试没考好", 1, 0),
        ("谈心；情绪不稳定", 1, 0),
        ("谈心 学习问题", 1, 0),
    ],
)
def test_a_kind_with_a_remark_is_that_kind(
    tmp_path: Path, kind: str, talks: int, visits: int
) -> None:
    """A teacher's remark after the kind, in brackets or after a colon, a comma, a dash or
    a space (who was met, what was talked of, negations and all), leaves it that kind:
    家访（父母不在家，与奶奶交流） is a home visit made, though its 不在家 read as nobody at
    home, and 谈心（作业未完成） a talk, though its 未 read as none made. Both counted for
    nothing (REC008); 谈心（学习问题）, 家访1次 and 家访，入户 were kinds lbc could not read
    (REC004)."""
    path = _roster(tmp_path, kind)
    doc = run("summary", path, "--term", "2024-autumn", "--format", "json").json()["records"]
    assert (doc["total"], doc["talks"], doc["home_visits"]) == (2, 1 + talks, visits)
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert found == []


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("家访（未遇）", "REC008"),
        ("家访（不在家）", "REC008"),
        ("电话（未接通）", "REC008"),
        ("家访(家中无人)", "REC008"),
        ("家访（扑空）", "REC008"),
        ("电话（关机）", "REC008"),
        ("家访（取消）", "REC008"),
        ("家访（改期）", "REC008"),
        ("谈心（缺席）", "REC008"),
        ("家访（大门紧锁）", "REC008"),
        ("电话（无法接通）", "REC008"),
        ("电话联系（父亲未接）", "REC008"),
        ("家访取消", "REC008"),
        ("活动（因病缺席）", "REC008"),
        ("家访（计划）", "REC004"),
        ("家访（爸爸不在家）", "REC004"),
        ("家访（学生及家长均不在家）", "REC004"),
        ("家访（电话）", "REC004"),
        ("送温暖（计划）", "REC004"),
        ("家访（否）", "REC004"),
        ("家访（不在）", "REC004"),
        ("谈心（请假）", "REC004"),
        ("家访，未遇", "REC008"),
        ("电话 关机", "REC008"),
        ("家访，计划", "REC004"),
        ("谈心，家访", "REC004"),
        ("家访 电话联系", "REC004"),
    ],
)
def test_a_remark_saying_it_was_not_made_is_no_contact(
    tmp_path: Path, kind: str, code: str
) -> None:
    """A remark saying the contact was not made (未遇, 扑空, 关机, 取消, 改期, 紧锁) keeps it
    none (REC008); one leaving it unsure (计划, which may be what was talked of; a parent
    away and nobody said to be met; a home visit by phone; a bare 否) keeps it a kind lbc
    cannot read (REC004): neither counts as the kind, as 家访（计划） and 电话（关机） did."""
    path = _roster(tmp_path, kind)
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert [f["code"] for f in found] == [code]
    doc = run("summary", path, "--term", "2024-autumn", "--format", "json").json()["records"]
    assert (doc["talks"], doc["home_visits"], doc["warmth"], doc["calls"]) == (1, 0, 0, 0)


@given(
    st.sampled_from(sorted(nz.RECORD_KIND_WORDS)),
    st.text("学习问题入户与奶奶交流聊天作业", min_size=1),
)
def test_a_kind_with_any_remark_of_a_contact_is_that_kind(word: str, remark: str) -> None:
    """Whatever remark of a contact made follows a kind in brackets, full-width or not, it
    is that kind."""
    for text in (f"{word}（{remark}）", f"{word}({remark})"):
        assert nz.record_kind(text) == nz.RECORD_KIND_WORDS[word]


@given(
    st.sampled_from(sorted(nz.RECORD_KIND_WORDS)),
    st.sampled_from(["，", ",", "；", " ", " - ", "——", "-"]),
    st.text("学习问题入户与奶奶交流聊天作业", min_size=1),
)
def test_a_kind_with_any_remark_after_a_mark_is_that_kind(
    word: str, mark: str, remark: str
) -> None:
    """Whatever remark of a contact made follows a kind after a comma, a semicolon, a dash
    or a space, it is that kind; a second kind there makes the cell two (asked about)."""
    assert nz.record_kind(f"{word}{mark}{remark}") == nz.RECORD_KIND_WORDS[word]
    other = next(k for k in nz.RECORD_KINDS if k != nz.RECORD_KIND_WORDS[word])
    assert nz.record_kind(f"{word}{mark}{other}").__class__ is nz.Bad


# A 类型 picked from lbc record-sheets' dropdown (家访), and a 内容 saying what happened.
CONTENT_NOT_MADE = [
    ("家访", "家访未遇，家中无人"),
    ("谈心", "学生请假，未谈"),
    ("送温暖", "未送"),
    ("家访", "计划下周家访"),
    ("电话联系", "电话无人接听"),
    ("家访", "家里锁着门"),
    ("电话联系", "关机"),
    ("家访", "没见到人"),
    ("家访", "扑空"),
    ("送温暖", "物资未到，送温暖推迟到下周"),
    ("家访", "家访未遇，家中无人，回校后与孩子谈心"),
    ("家访", "家中无人，电话联系奶奶，奶奶在地里"),
]
# And 内容 saying what a contact made was about, words of a contact not made inside it.
CONTENT_MADE = [
    ("谈心", "与孩子谈心，了解学习情况，孩子说作业没完成"),
    ("家访", "孩子父母长期不在家，奶奶照顾"),
    ("电话联系", "电话联系孩子父亲，父亲说下周回家"),
    ("谈心", "孩子最近没来上学，原因是生病"),
    ("送温暖", "送去米面油，奶奶不在家，交给邻居"),
    ("家访", "父母不在家，与爷爷奶奶交流"),
    ("家访", "帮助搬家"),
    ("谈心", "孩子说爸爸电话经常打不通"),
    ("家访", "家里没人管孩子写作业，已与奶奶沟通"),
    ("电话联系", "母亲电话关机，改为联系奶奶，已沟通"),
    ("家访", "计划下学期继续关注"),
    ("家访", "上次家访未遇，这次见到奶奶"),
    ("谈心", "学生请假了三天，今天返校谈心"),
]
# Contacts made, as teachers write them, that an earlier reading took for contacts not
# made: someone reached after all (回电, 接通了, 联系了, 找到, 见奶奶), whoever speaks
# (母亲说…打不通), a lesson made up (补课), a plan for the next one (计划下学期继续家访),
# the parents not seen as a left-behind child's are not (未见到母亲，奶奶在家), and words of
# what the contact was about (没人接送, 未参加期中考试, 未完成).
CONTENT_MADE_AFTER_ALL = [
    ("电话联系", "父亲第一次没接，过了一会回电，沟通了孩子的情况"),
    ("电话联系", "打电话给父亲，占线，过了十分钟再打接通了，交流孩子情况"),
    ("电话联系", "电话里妈妈说年底不回来，孩子没人接送，商量让爷爷接送"),
    ("电话联系", "母亲说孩子爸爸电话经常打不通，让老师多关心孩子"),
    ("电话联系", "电话告知母亲孩子未参加期中考试，母亲说明了原因"),
    ("电话联系", "告知家长孩子手机号码错误，已更新"),
    ("电话联系", "家长说手机换号了，新号码13812345678"),
    ("电话联系", "父亲电话无法接通，联系了孩子母亲，母亲说孩子最近很好"),
    ("电话联系", "父亲没接，打给母亲，母亲说孩子最近听话"),
    ("电话联系", "父亲介绍孩子情况。约定每周视频一次"),
    ("学习辅导", "孩子上周请假，补讲落下的课程"),
    ("学习辅导", "学生上次缺席，今天补辅导"),
    ("学习辅导", "孩子因病缺席三天，补课"),
    ("学习辅导", "学生因事请假两天，返校后补课"),
    ("谈心", "了解孩子作业情况，未完成，督促其补上"),
    ("谈心", "孩子说想爸爸。打算下周继续谈心"),
    ("送温暖", "送去书包。准备元旦再送温暖"),
    ("家访", "家访了解孩子情况，计划下学期继续家访"),
    ("家访", "爷爷耳背，沟通困难，没见到孩子父母"),
    ("家访", "家访，孩子母亲外出打工，未见到母亲，奶奶在家"),
    ("家访", "孩子一个人在家，没见到家长，叮嘱孩子"),
    ("家访", "到达后孩子父亲不在，未见到父亲，见奶奶"),
    ("家访", "家访未遇，后在田里找到奶奶，聊了孩子学习"),
]
# And contacts not made that a reading of who was met must not take for made: someone
# reached by phone on a home visit, a neighbour, a note left, a child on a failed call.
CONTENT_NOT_MADE_FOR_ALL_THAT = [
    ("家访", "家里锁着门，打电话给爷爷，爷爷说在镇上"),
    ("家访", "家中无人，邻居说全家去走亲戚了"),
    ("家访", "孩子家搬走了，没找到"),
    ("家访", "家访未遇，给奶奶留言"),
    ("电话联系", "电话无人接听，发短信告知家长"),
    ("电话联系", "电话关机，孩子说爸爸在上夜班"),
    ("学习辅导", "学生请假，未辅导"),
]


@pytest.mark.parametrize(("kind", "content"), CONTENT_NOT_MADE)
def test_a_content_saying_the_contact_was_not_made_is_no_contact(
    tmp_path: Path, kind: str, content: str
) -> None:
    """lbc record-sheets lays out each row's 类型 as a dropdown of kinds, so a teacher
    says in 内容 that the visit met nobody: no contact, as 家访（未遇） is, in due, and
    REC009 at the 内容. It counted as the visit made, the child dropped from the list of
    visits owed."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    records = [RECORD_HEADER, [DAY, "王芳", "张雨涵", None, kind, content]]
    sheets = {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records}
    path = write_xlsx(tmp_path / "roster.xlsx", sheets)
    due = run("due", path, "--as-of", "2024-11-25", "--format", "json")
    assert [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]] == [None]
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert [(f["code"], f["column"], f["message"]) for f in found] == [
        ("REC009", "F", f"“内容”写的是这次{kind}没有联系上孩子或还没有进行，这条记录不算一次联系")
    ]


@pytest.mark.parametrize(("kind", "content"), CONTENT_MADE)
def test_a_content_of_what_a_contact_was_about_keeps_it_made(kind: str, content: str) -> None:
    assert not nz.said_not_made(kind, content)


@pytest.mark.parametrize(("kind", "content"), CONTENT_MADE_AFTER_ALL)
def test_a_contact_made_after_all_is_made(kind: str, content: str) -> None:
    assert not nz.said_not_made(kind, content)


@pytest.mark.parametrize(("kind", "content"), CONTENT_NOT_MADE_FOR_ALL_THAT)
def test_a_contact_not_made_for_all_that_is_not_made(kind: str, content: str) -> None:
    assert nz.said_not_made(kind, content)


def test_a_dated_record_of_a_child_without_its_kind_is_said_and_a_childless_row_is_not(
    tmp_path: Path,
) -> None:
    """张雨涵's home visit written up with its 类型 left empty counts for no visit: REC010
    at the 类型 cell. A row naming no child (a class meeting) is no child's contact, and is
    said for its missing 学生姓名 alone, not as a contact of no kind."""
    kids = [CHILD_HEADER, child_row(1)]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, None, "到家中家访，见到奶奶"],
        [dt.date(2024, 10, 9), "王芳", None, None, None, "全班主题班会"],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": kids, "帮扶记录": records})
    found = run("validate", path, "--format", "json", "--select", "REC,REQ").json()["findings"]
    assert [(f["code"], f["row"], f["column"]) for f in found] == [
        ("REC010", 2, "E"),
        ("REQ001", 3, "C"),
    ]
