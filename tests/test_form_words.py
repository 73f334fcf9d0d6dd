"""The official forms' own words, read as what they say: the registration form's 就学情况
不在学 and 未入园 (a child at no school, who is no dropout), the county 排查汇总表's
实际监护情况 and 监护情况 words, and a phone cell saying there is no phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_forms import REG_HEADER, flat, reg_row, spots, validate
from test_pair import ANYONE, C32, C51, SHORT_1, kid, pair_json, roster, teacher, who

from conftest import CHILD_HEADER, child_row, run, without, write_xlsx


def registration_form(path: Path, rows: list[dict[str, Any]]) -> Path:
    return write_xlsx(path, {"Sheet1": flat(REG_HEADER, rows)})


def test_a_child_at_no_school_is_no_dropout(tmp_path: Path) -> None:
    """就学情况 不在学 and 未入园 (the form's choices beside 辍学), and 失学 (of school age and
    out of school, which 控辍保学 names beside 辍学), are one status, 不在学: no VAL001,
    counted apart in the summary and not in 辍学率 or 巩固率, and on the watch list
    (WCH010) in its own word, as a dropout is in its."""
    path = registration_form(
        tmp_path / "登记表.xlsx",
        [
            reg_row(1, "父母双方同时外出"),
            reg_row(2, "父母双方同时外出", 就学情况="辍学"),
            reg_row(3, "父母双方同时外出", 就学情况="不在学"),
            reg_row(4, "父母双方同时外出", 就学情况="未入园"),
            reg_row(5, "父母双方同时外出", 就学情况="失学"),
        ],
    )
    doc, stderr, code = validate(path)
    assert (spots(doc["findings"]), stderr, code) == ([], "", 0)

    result = run("summary", "--term", "2024-autumn", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert summary["children"]["total"] == 5
    assert summary["enrollment"] == {
        "by_status": [
            {"name": "在读", "count": 1},
            {"name": "转入", "count": 0},
            {"name": "转出", "count": 0},
            {"name": "休学", "count": 0},
            {"name": "辍学", "count": 1},
            {"name": "不在学", "count": 3},
            {"name": "毕业", "count": 0},
            {"name": "死亡", "count": 0},
        ],
        "on_books": 5,
        "dropped_out": 1,
        "retention_rate": 0.8,
        "dropout_rate": 0.2,
    }
    text = run("summary", "--term", "2024-autumn", path).stdout
    assert "- 在校情况：在读 1 人，辍学 1 人，不在学 3 人；巩固率 80.0%，辍学率 20.0%。" in text
    assert "有 1 名儿童辍学" in text

    watch = run("watch", path, "--format", "json").json()
    reasons = [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ]
    assert reasons == [
        (3, [("WCH010", "在校状态：辍学")]),
        (4, [("WCH010", "在校状态：不在学")]),
        (5, [("WCH010", "在校状态：不在学")]),
        (6, [("WCH010", "在校状态：不在学")]),
    ]
    english = run("--lang", "en", "watch", path, "--format", "json")
    assert [r["message"] for r in english.json()["classes"][0]["children"][2]["reasons"]] == [
        "not attending: not at school"
    ]


def phones_roster(path: Path, none: Any) -> Path:
    """Each phone field saying ``none``: an away father's, an away mother's, the guardian's
    and both parents' of a child whose parents are both away; and a 家长电话 column's."""
    own = [
        child_row(1, kind="父亲外出", 父亲电话=none),
        child_row(2, kind="母亲外出", 母亲电话=none),
        child_row(3, 监护人电话=none),
        child_row(4, 父亲电话=none, 母亲电话=none),
    ]
    header, row = without(["父亲电话", "母亲电话"], child_row(5, kind="父亲外出"))
    shared = [[*header, "家长电话"], [*row, none]]
    return write_xlsx(path, {"儿童": [CHILD_HEADER, *own], "家长": shared})


@pytest.mark.parametrize("none", ["无", "无电话", "没有", "/", "－", "暂无", None])
def test_a_phone_cell_saying_there_is_none_is_a_missing_contact(
    tmp_path: Path, none: str | None
) -> None:
    """A phone cell of 无 (无电话, 没有, /, －, 暂无) says there is no phone: lbc validate
    asks for the contact by the rule it asks for an empty cell's (CON001 to CON003), for
    the father's, the mother's, the guardian's and a 家长电话 column, not PHN001 ("bad
    phone") as well or instead; lbc flag lists the same cells."""
    path = phones_roster(tmp_path / "名册.xlsx", none)
    doc, _, code = validate(path)
    assert [(f["code"], f["sheet"], f["row"], f["column"]) for f in doc["findings"]] == [
        ("CON003", "儿童", 2, "J"),
        ("CON003", "儿童", 3, "K"),
        ("CON001", "儿童", 4, "N"),
        ("CON002", "儿童", 5, "J"),
        ("CON003", "家长", 2, "M"),
    ]
    assert code == 1
    flag = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in flag["classes"] for c in g["children"]] == [
        (2, ["father_phone"]),
        (3, ["mother_phone"]),
        (4, ["guardian_phone"]),
        (5, ["father_phone"]),
        (2, ["parent_phone"]),
    ]


def test_the_county_tables_words_in_a_registration_form(tmp_path: Path) -> None:
    """实际监护情况 in the county 排查汇总表's words (祖父母、外祖父母, 亲戚朋友, 无委托照料人)
    and 监护类型 in its 较好 / 一般 / 差: read, not VAL001. They say who looks after a
    left-behind child, not which parent is away, which lbc validate asks (VAL004); the child
    nobody looks after is on the watch list as 无人监护 is (WCH002), one rated 差 as one
    whose care is lacking (WCH003)."""
    nobody = {"委托监护人姓名": None, "受委托监护人电话": None, "与被监护人关系": None}
    nobody |= {"委托监护人公民身份证号码": None, "父母外出有无委托其他监护人": "无"}
    path = registration_form(
        tmp_path / "登记表.xlsx",
        [
            reg_row(1, "祖父母、外祖父母", 监护类型="较好"),
            reg_row(2, "亲戚朋友", 与被监护人关系="叔叔", 委托监护人姓名="张二叔", 监护类型="一般"),
            reg_row(3, "无委托照料人", 监护类型="差", **nobody),
        ],
    )
    doc, stderr, code = validate(path)
    assert (spots(doc["findings"]), stderr, code) == (
        [
            ("VAL004", 2, "Z", "left_behind_type"),
            ("VAL004", 3, "Z", "left_behind_type"),
            ("VAL004", 4, "Z", "left_behind_type"),
        ],
        "",
        0,
    )
    watch = run("watch", path, "--format", "json").json()
    assert [
        (c["row"], [(r["code"], r["column"], r["message"]) for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [
        (
            4,
            [
                ("WCH002", "Z", "实际监护情况为无委托照料人"),
                ("WCH003", "AG", "监护类型为监护情况差"),
            ],
        )
    ]


def test_the_county_table_counts_its_own_words(tmp_path: Path) -> None:
    """A school's roster kept in the county table's words, 实际监护情况 and 监护情况 and no
    guardian's columns: its children count in the county table's 实际监护情况 and 监护情况
    columns (not 未采集, nor 无委托照料人 for all) and in 按监护情况; a child someone looks
    after is no child without a guardian on the watch list (WCH001), the one nobody does
    is (WCH001, WCH002)."""
    folder = tmp_path / "各校"
    folder.mkdir()
    header, *rows = without(
        ["监护人姓名", "与儿童关系", "监护人电话"], child_row(1), child_row(2), child_row(3)
    )
    said = [("祖父母、外祖父母", "较好"), ("亲戚朋友", "一般"), ("无委托照料人", "差")]
    county = [[*header, "实际监护情况", "监护情况"]]
    county += [[*row, *words] for row, words in zip(rows, said, strict=True)]
    write_xlsx(folder / "a.xlsx", {"花名册": [["青山镇中心小学留守儿童花名册"], *county]})
    own = [CHILD_HEADER, child_row(4), child_row(5, 与儿童关系="亲属")]
    write_xlsx(folder / "b.xlsx", {"花名册": [["白鹤乡中心小学留守儿童花名册"], *own]})

    result = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    table = summary["county_table"]
    at = [k for k, c in enumerate(table["columns"]) if c["group"] in ("实际监护情况", "监护情况")]
    assert [table["columns"][k]["name"] for k in at] == [
        "祖父母、外祖父母", "亲戚朋友", "无委托照料人", "较好", "一般", "差"
    ]  # fmt: skip
    assert [(r["school"], [r["counts"][k] for k in at]) for r in table["rows"]] == [
        ("青山镇中心小学", [1, 1, 1, 1, 1, 1]),
        ("白鹤乡中心小学", [1, 1, 0, None, None, None]),
        ("合计", [2, 2, 1, None, None, None]),
    ]
    assert summary["children"]["by_guardian"] == [
        {"name": "祖辈监护", "count": 2},
        {"name": "亲属监护", "count": 2},
        {"name": "无委托监护人", "count": 1},
    ]

    watch = run("watch", folder / "a.xlsx", "--format", "json").json()
    assert [
        (c["row"], [r["code"] for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [(5, ["WCH001", "WCH002", "WCH003"])]


def test_nobody_looks_after_a_child_with_a_guardian_named(tmp_path: Path) -> None:
    """实际监护情况 无委托照料人 beside a named guardian contradicts itself as 监护类型
    无人监护 does: VAL006 at the cell that says nobody, in its own words."""
    path = registration_form(
        tmp_path / "登记表.xlsx",
        [reg_row(1, "无委托照料人"), reg_row(2, "父母双方同时外出", 监护类型="无人监护")],
    )
    doc, _, code = validate(path)
    assert [
        (f["code"], f["row"], f["column"], f["field"], f["message"])
        for f in doc["findings"]
        if f["code"] == "VAL006"
    ] == [
        ("VAL006", 2, "Z", "care_situation", "实际监护情况是“无委托照料人”，却填了监护人"),
        ("VAL006", 3, "AG", "guardianship_rating", "监护类型是“无人监护”，却填了监护人"),
    ]
    assert code == 1


def test_a_child_out_of_school_is_paired_first(tmp_path: Path) -> None:
    """A child 不在学 (or 失学) is a priority child, as a dropout is: of two places, the two
    out of school take them from a child of the teacher's own class whom she supported last
    term, and the pairs workbook's 重点帮扶原因 says why."""
    plain = kid(1, C32, 重点帮扶对象="否", 在校状态="在读", 帮扶教师="王芳")
    kids = [plain, kid(2, C51, 在校状态="不在学"), kid(3, C51, 在校状态="失学")]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32, role="班主任")])
    out = tmp_path / "结对.xlsx"
    code, doc = pair_json(tmp_path, path, "--max-per-teacher", "2", "--out", out)
    assert code == 1
    assert who(doc) == {"李明轩": ("王芳", ANYONE, False), "王梓萱": ("王芳", ANYONE, False)}
    assert [(u["child"], u["why"]) for u in doc["unpaired"]] == [("张雨涵", SHORT_1)]
    rows = load_workbook(out)["结对名单"].iter_rows(min_row=3, max_row=4, values_only=True)
    why = "重点关注、不在学"  # on the watch list too (WCH010), which comes first
    assert [(r[2], r[5]) for r in rows] == [("李明轩", why), ("王梓萱", why)]


def test_a_guardianship_type_saying_who_looks_after_the_child(tmp_path: Path) -> None:
    """A 监护类型 column saying who looks after the child (隔代监护, 亲属监护, 单亲监护 …) in
    place of the form's rating: read, not VAL001, and counted by who in the summary where
    no 与儿童关系 says it; 自我监护 is nobody, the form's 无人监护, on the watch list (WCH002)
    and counted 无委托监护人.
    Before, every such cell was VAL001 and the child nobody looks after on no list."""
    said = ["隔代监护", "祖辈监护", "亲属监护", "亲友监护", "单亲监护", "委托监护", "自我监护"]
    nobody = {"监护人姓名": None, "监护人电话": None}
    rows = [
        [*child_row(n, kind="父亲外出", 与儿童关系=None, **(nobody if n == 7 else {})), word]
        for n, word in enumerate(said, 1)
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [[*CHILD_HEADER, "监护类型"], *rows]})
    doc, stderr, code = validate(path)
    assert (spots(doc["findings"]), stderr, code) == ([], "", 0)

    watch = run("watch", path, "--format", "json").json()
    assert [
        (c["row"], [(r["code"], r["column"], r["message"]) for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [(8, [("WCH002", "O", "监护类型为无人监护")])]

    result = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["children"]["by_guardian"] == [
        {"name": "祖辈监护", "count": 2},
        {"name": "父母一方监护", "count": 1},
        {"name": "亲属监护", "count": 2},
        {"name": "无委托监护人", "count": 1},
        {"name": "未登记", "count": 1},
    ]
