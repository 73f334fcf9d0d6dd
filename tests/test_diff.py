"""lbc diff OLD NEW: last term's roster against this term's, through the real CLI.

One pair of hand-made rosters (``terms``) holds every case issue 5 names: children matched
by ID number, by name + birth date (the ID missing in one file, or unreadable: a number
cell), by name + class (ID and birth date both missing); two children the rules cannot
tell apart; a child added, one gone, one entered twice; and one change of each kind a
school records. Child 1 differs only in spelling (phone, class, 留守类型) and so is
unchanged. Every figure below is worked out by hand from the rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import (
    Result,
    Row,
    child_row,
    make_id,
    one_error_line,
    run,
    table,
    write_books,
    write_child_csv,
    write_xlsx,
)
from conftest import (
    child_cells as kid,
)
from lbc import __version__

C32, C41, C42 = "三年级(2)班", "四年级(1)班", "四年级(2)班"
SUMMARY = "新增 {} 名，不在新名册 {} 名，信息变更 {} 名，未变 {} 名"


BASE = {
    "父亲务工地点": "广东深圳",
    "母亲务工地点": "浙江宁波",
    "在校状态": "在读",
    "帮扶教师": "王芳",
}


def old_kid(n: int, name: str | None = None, gender: str = "女", **extra: Any) -> Row:
    return kid(n, name, gender, **{**BASE, **extra})


NUMBER_CELL_ID = int(child_row(9)[3])  # 511321201605011184 typed as a number: digits lost

OLD = [
    # row 2: 1 张雨涵 — the same child spelled otherwise: no change at all
    old_kid(1, 父亲电话="138-1234-5678", 班级="三(2)班", 留守类型="双亲留守"),
    old_kid(2, gender="男"),  # row 3: 2 李明轩 — new guardian phone, both work places
    old_kid(3, 监护人电话=None),  # row 4: 3 王梓萱 — a new guardian
    old_kid(4, gender="男"),  # row 5: 4 刘浩然 — 留守类型
    old_kid(5),  # row 6: 5 陈思彤 — 转出
    old_kid(6, gender="男"),  # row 7: 6 杨子墨 — 帮扶教师
    old_kid(7),  # row 8: 7 黄欣怡 — class
    old_kid(8, gender="男", 父亲务工地点="福建厦门"),  # row 9: 8 赵俊熙 — no ID in the new file
    old_kid(9, 身份证号=NUMBER_CELL_ID),  # row 10: 9 周雨桐 — ID unreadable here
    old_kid(10, gender="男"),  # row 11: 10 吴宇航 — neither ID nor birth date in the new file
    old_kid(11, "徐若曦"),  # row 12: twins of one name, birth date and class
    old_kid(13, "徐若曦"),  # row 13
    old_kid(14, "林小雨"),  # row 14: gone
]
NEW = [
    kid(12, gender="男", **BASE),  # row 2: 孙博文, added
    kid(1, **BASE),  # row 3
    kid(2, gender="男", **{**BASE, "监护人电话": "136-9876-5432", "父亲务工地点": "广东东莞",
                          "母亲务工地点": "江苏苏州"}),  # row 4
    kid(3, **{**BASE, "监护人姓名": "李奶奶", "与儿童关系": "祖母",
              "监护人电话": "13612340000"}),  # row 5
    kid(4, gender="男", **{**BASE, "留守类型": "父亲外出"}),  # row 6
    kid(5, **{**BASE, "在校状态": "转出"}),  # row 7
    kid(6, gender="男", **{**BASE, "帮扶教师": "李强"}),  # row 8
    kid(7, **{**BASE, "班级": C41}),  # row 9
    kid(8, gender="男", **{**BASE, "身份证号": None, "父亲务工地点": "福建泉州"}),  # row 10
    kid(9, **BASE),  # row 11
    kid(10, gender="男", **{**BASE, "身份证号": None, "出生日期": None,
                           "监护人电话": "13787654321"}),  # row 12
    kid(11, "徐若曦", **{**BASE, "身份证号": None}),  # row 13: which twin? neither
    kid(1, **BASE),  # row 14: child 1 again, same ID: one child
]  # fmt: skip


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    """A folder with 上学期.xlsx and 本学期.xlsx (and no lbc.toml)."""
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table(OLD)})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(NEW)})
    return tmp_path


def diff(folder: Path, *args: str) -> Result:
    return run("diff", "上学期.xlsx", "本学期.xlsx", *args, cwd=folder)


def entry(child: str, row: int, cls: str = C32, file: str = "本学期.xlsx") -> dict[str, Any]:
    """A child as the diff names it: a gone child by its row in last term's file."""
    return {"child": child, "class": cls, "file": file, "sheet": "花名册", "row": row}


def change(key: str, label: str, old: str | None, new: str | None) -> dict[str, Any]:
    return {"field": key, "label": label, "old": old, "new": new}


def changed(
    child: str, row: int, old_row: int, match: str, *changes: dict[str, Any], cls: str = C32
) -> dict[str, Any]:
    return {**entry(child, row, cls), "old_row": old_row, "match": match, "changes": list(changes)}


def expected_document(pii: bool) -> dict[str, Any]:
    """The whole JSON document, key order included; phones masked unless ``pii``."""

    def phone(full: str | None) -> str | None:
        return full if pii or full is None else full[:3] + "****" + full[-4:]

    def ident(full: str) -> str:
        return full if pii else full[:6] + "********" + full[-4:]

    return {
        "lbc": __version__,
        "summary": {
            "added": 2,  # 孙博文, the unmatched 徐若曦
            "gone": 3,  # both 徐若曦 twins, 林小雨
            "changed": 8,  # children 2-8 and 10
            "unchanged": 2,  # child 1 (spelling only), child 9
            "matched_by": {"id_number": 7, "name_birth_date": 2, "name_class": 1},
        },
        "added": [entry("孙博文", 2), entry("徐若曦", 13)],
        "gone": [
            entry("徐若曦", 12, file="上学期.xlsx"),
            entry("徐若曦", 13, file="上学期.xlsx"),
            entry("林小雨", 14, file="上学期.xlsx"),
        ],
        "changed": [
            changed(
                "李明轩", 4, 3, "id_number",
                change("guardian_phone", "监护人电话", phone("13712345678"), phone("13698765432")),
                change("father_work_place", "父亲务工地址", "广东深圳", "广东东莞"),
                change("mother_work_place", "母亲务工地址", "浙江宁波", "江苏苏州"),
            ),
            changed(
                "王梓萱", 5, 4, "id_number",
                change("guardian_name", "监护人姓名", "张大爷", "李奶奶"),
                change("guardian_relation", "与儿童关系", "祖父", "祖母"),
                change("guardian_phone", "监护人电话", None, phone("13612340000")),
            ),
            changed(
                "刘浩然", 6, 5, "id_number",
                change("left_behind_type", "留守类型", "父母均外出", "父亲外出"),
            ),
            changed(
                "陈思彤", 7, 6, "id_number",
                change("enrollment_status", "在校状态", "在读", "转出"),
            ),
            changed(
                "杨子墨", 8, 7, "id_number",
                change("support_teacher", "帮扶教师", "王芳", "李强"),
            ),
            changed("黄欣怡", 9, 8, "id_number", change("class", "班级", C32, C41), cls=C41),
            changed(
                "赵俊熙", 10, 9, "name_birth_date",
                change("id_number", "身份证号", ident("511321201605011176"), None),
                change("father_work_place", "父亲务工地址", "福建厦门", "福建泉州"),
            ),
            changed(
                "吴宇航", 12, 11, "name_class",
                change("id_number", "身份证号", ident("511321201605011213"), None),
                change("guardian_phone", "监护人电话", phone("13712345678"), phone("13787654321")),
            ),
        ],
    }  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- JSON ----


def test_json_document_exactly_with_phones_masked(terms: Path) -> None:
    result = diff(terms, "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    expected = expected_document(pii=False)
    assert result.json() == expected
    # key order too: the document is exactly this text
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_show_pii_gives_the_full_normalised_phones(terms: Path) -> None:
    result = diff(terms, "--format", "json", "--show-pii")
    assert result.exit_code == 0
    assert result.json() == expected_document(pii=True)
    phones = [
        (c["old"], c["new"])
        for m in result.json()["changed"]
        for c in m["changes"]
        if c["field"] == "guardian_phone"
    ]
    # 136-9876-5432 in the new roster is the phone 13698765432
    assert phones == [
        ("13712345678", "13698765432"),
        (None, "13612340000"),
        ("13712345678", "13787654321"),
    ]


def test_each_rule_is_used_where_the_ones_before_it_cannot_be(terms: Path) -> None:
    doc = diff(terms, "--format", "json").json()
    rules = {m["child"]: m["match"] for m in doc["changed"]}
    assert rules == {
        "李明轩": "id_number",
        "王梓萱": "id_number",
        "刘浩然": "id_number",
        "陈思彤": "id_number",
        "杨子墨": "id_number",
        "黄欣怡": "id_number",  # matched by ID although the class changed
        "赵俊熙": "name_birth_date",  # no ID in the new roster
        "吴宇航": "name_class",  # neither ID nor birth date in the new roster
    }
    # 周雨桐's ID is a number cell in the old roster: matched by name + birth date, unchanged
    assert doc["summary"]["matched_by"]["name_birth_date"] == 2
    assert "周雨桐" not in {w["child"] for w in doc["added"] + doc["gone"]}


def test_two_candidates_match_neither(terms: Path) -> None:
    doc = diff(terms, "--format", "json").json()
    assert [(w["child"], w["row"]) for w in doc["added"]] == [("孙博文", 2), ("徐若曦", 13)]
    assert [(w["child"], w["row"]) for w in doc["gone"]] == [
        ("徐若曦", 12),
        ("徐若曦", 13),
        ("林小雨", 14),
    ]


def test_spelling_differences_are_not_changes(tmp_path: Path) -> None:
    address = "四川省南部县 青山镇幸福村 3组"  # the new roster's, spaced
    old = [kid(1, 父亲电话="138-1234-5678", 班级="三(2)班", 留守类型="双亲留守", 家庭住址=address)]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table(old)})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([kid(1)])})
    doc = diff(tmp_path, "--format", "json").json()
    assert doc["summary"] == {
        "added": 0,
        "gone": 0,
        "changed": 0,
        "unchanged": 1,
        "matched_by": {"id_number": 1, "name_birth_date": 0, "name_class": 0},
    }
    assert doc["changed"] == []
    table_out = diff(tmp_path)
    assert table_out.exit_code == 0
    assert table_out.stdout == SUMMARY.format(0, 0, 0, 1) + "\n"


@pytest.mark.parametrize(
    "cells",
    [
        {"监护人姓名": "張大爺"},
        {"监护人姓名": "张大爷（祖父）"},
        {"家庭住址": "南部县青山镇幸福村3组"},
        {"家庭住址": "四川省南部县青山镇幸福村03组"},
        {"家庭住址": "四川省南部县青山镇幸福村（3组）"},
        {"家庭住址": "四川省南部县青山镇幸福村叁组。"},
        {"家庭住址": "四川省南充市南部县青山镇幸福村3组"},
        {"家庭住址": "南充市南部县青山镇幸福村3组"},
    ],
    ids=str,
)
def test_a_name_or_address_spelled_otherwise_is_no_change(
    tmp_path: Path, cells: dict[str, str]
) -> None:
    """Last term's 張大爺 or 张大爷（祖父） for this term's 张大爷, its address without the
    province, with its city between (南充市), with 03组, (3组), 叁组 or a full stop: each
    was a change of guardian (WCH015) or of address (WCH017), two reasons enough to put a
    child on the watch list with nothing changed."""
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, **cells)])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([kid(1)])})
    assert diff(tmp_path, "--format", "json").json()["changed"] == []


@pytest.mark.parametrize(
    "address",
    [
        "四川省南部县白鹤镇幸福村3组",
        "四川省阆中市青山镇幸福村3组",
        "四川省营山县青山镇幸福村3组",
    ],
)
def test_another_guardian_or_address_is_a_change(tmp_path: Path, address: str) -> None:
    """Another town, or another county of a town of the same name, is another address."""
    old = kid(1, 监护人姓名="李奶奶", 家庭住址=address)
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([old])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([kid(1)])})
    [changed] = diff(tmp_path, "--format", "json").json()["changed"]
    assert [c["field"] for c in changed["changes"]] == ["home_address", "guardian_name"]


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("四川省阆中市千佛镇双河村3组", "南充市阆中市千佛镇双河村3组", False),
        ("昭通市镇雄县以勒镇以勒村5组", "云南省镇雄县以勒镇以勒村5组", False),
        ("湖南省道县清塘镇楼田村", "永州市道县清塘镇楼田村", False),
        ("重庆市万州区龙驹镇梨树村", "万州区龙驹镇梨树村", False),
        ("四川省凉山州西昌市经济开发区马道街道", "凉山彝族自治州西昌市经济开发区马道街道", False),
        ("云南省昭通市镇雄县以勒镇以勒村5组", "云南省昭通市彝良县以勒镇以勒村5组", True),
        ("四川省阆中市千佛镇双河村3组", "四川省南部县千佛镇双河村3组", True),
        ("四川省南部县城南新区幸福路3号", "四川省营山县城南新区幸福路3号", True),
        ("四川省南部县城南新区幸福路12号", "四川省阆中市城南新区幸福路12号", True),
        ("四川省遂宁市经济开发区幸福社区3栋2号", "四川省南充市经济开发区幸福社区3栋2号", True),
        ("南充市顺庆区阳光小区3栋2单元301", "遂宁市船山区阳光小区3栋2单元301", True),
    ],
)
def test_an_address_by_its_county(tmp_path: Path, old: str, new: str, moved: bool) -> None:
    """Counties and cities of a county's level (阆中市, 镇雄县, 道县) are read as divisions,
    whatever characters their names hold (镇雄 is no town), and 永州市 is one: the province
    or city written before one of them or not is one address; another county or city,
    even with a town, a 新区, a 开发区 or a 小区 of the same name after it, is a move (a
    city's district written with and without its city, 顺庆区, is still said a move)."""
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, 家庭住址=old)])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([kid(1, 家庭住址=new)])})
    changed = diff(tmp_path, "--format", "json").json()["changed"]
    assert [c["field"] for x in changed for c in x["changes"]] == (
        ["home_address"] if moved else []
    )


def test_a_move_to_another_county_with_a_like_named_community_is_a_change(
    tmp_path: Path,
) -> None:
    """城关镇东街社区 is in many counties: 东街社区 is no county, so the county before it
    (南部县, 营山县) still tells the two addresses apart."""
    old = kid(1, 家庭住址="四川省营山县城关镇东街社区5组8号")
    new = kid(1, 家庭住址="四川省南部县城关镇东街社区5组8号")
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([old])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([new])})
    [changed] = diff(tmp_path, "--format", "json").json()["changed"]
    assert [c["field"] for c in changed["changes"]] == ["home_address"]


def address_moved(folder: Path, old: str, new: str) -> bool:
    """Whether ``lbc diff`` says the one child's 家庭住址 changed from ``old`` to ``new``."""
    write_xlsx(folder / "上学期.xlsx", {"花名册": table([kid(1, 家庭住址=old)])})
    write_xlsx(folder / "本学期.xlsx", {"花名册": table([kid(1, 家庭住址=new)])})
    changed = diff(folder, "--format", "json").json()["changed"]
    fields = [c["field"] for x in changed for c in x["changes"]]
    assert fields in ([], ["home_address"])
    return fields == ["home_address"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("成都天府新区华阳街道正东街8号", "四川省成都市天府新区华阳街道正东街8号"),
        ("四川成都天府新区华阳街道正东街8号", "成都市天府新区华阳街道正东街8号"),
        ("四川南充市南部县青山镇幸福村3组", "南充市南部县青山镇幸福村3组"),
        ("四川南充市阆中市千佛镇双河村3组", "四川省阆中市千佛镇双河村3组"),
        ("南充阆中市千佛镇双河村3组", "四川省南充市阆中市千佛镇双河村3组"),
        ("重庆万州区龙驹镇梨树村", "万州区龙驹镇梨树村"),
        ("南京鼓楼区湖南路街道中山北路8号", "南京市鼓楼区湖南路街道中山北路8号"),
        ("湘西州吉首市乾州街道世纪大道5号", "湘西土家族苗族自治州吉首市乾州街道世纪大道5号"),
        ("湘西州乾州街道世纪大道5号", "湘西土家族苗族自治州乾州街道世纪大道5号"),
        ("凉山州昭觉县竹核乡木渣洛村2组", "凉山彝族自治州昭觉县竹核乡木渣洛村2组"),
        ("黔东南州凯里市大十字街道韶山社区", "黔东南苗族侗族自治州凯里市大十字街道韶山社区"),
        ("恩施州利川市都亭街道清江社区", "湖北省恩施土家族苗族自治州利川市都亭街道清江社区"),
        ("云南省大理州宾川县金牛镇金牛村", "大理白族自治州宾川县金牛镇金牛村"),
        ("新疆伊犁州伊宁市解放路街道1号", "伊犁哈萨克自治州伊宁市解放路街道1号"),
        ("重庆市石柱土家族自治县南宾街道城南社区", "石柱县南宾街道城南社区"),
        ("广西壮族自治区百色市田阳区那坡镇那坡村", "广西百色市田阳区那坡镇那坡村"),
    ],
)
def test_a_division_written_short_is_one_place(tmp_path: Path, old: str, new: str) -> None:
    """A city or province written without its level's word, run into the next division
    (成都天府新区, 四川南充市, 重庆万州区), and an autonomous prefecture or county by its short
    form, its name before the peoples it is named for and 州 or 县 (湘西州, 凉山州, 黔东南州,
    恩施州, 石柱县), are the divisions written out: no change, nor a reason to watch the
    child."""
    assert not address_moved(tmp_path, old, new)
    assert not address_moved(tmp_path, new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("南充市阆中市千佛镇双河村3组", "广元市阆中市千佛镇双河村3组"),
        ("四川省南充市阆中市千佛镇双河村3组", "广元市阆中市千佛镇双河村3组"),
        ("南充阆中市千佛镇双河村3组", "广元市阆中市千佛镇双河村3组"),
        ("四川南充市阆中市千佛镇双河村3组", "甘肃省阆中市千佛镇双河村3组"),
        ("湘西州吉首市乾州街道世纪大道5号", "怀化市吉首市乾州街道世纪大道5号"),
        ("凉山州西昌市长安街道三岔口社区", "攀枝花市西昌市长安街道三岔口社区"),
        ("云南省大理州宾川县金牛镇金牛村", "云南省楚雄州宾川县金牛镇金牛村"),
        ("四川省阆中市千佛镇双河村3组", "甘肃省阆中市千佛镇双河村3组"),
        ("重庆市石柱土家族自治县南宾街道城南社区", "重庆市丰都县南宾街道城南社区"),
    ],
)
def test_one_county_named_under_two_cities_is_a_move(tmp_path: Path, old: str, new: str) -> None:
    """Two cities or prefectures (南充市, 广元市), or provinces, named before one county or
    county-level city's name (阆中市) are two places of that name: a move; and so is a
    name written without its level's word (南充 of 南充阆中市) beside another city."""
    assert address_moved(tmp_path, old, new)
    assert address_moved(tmp_path, new, old)


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("四川省顺庆区阳光小区3栋2单元301", "四川省南充市顺庆区阳光小区3栋2单元301", True),
        ("江苏省鼓楼区中山路1号", "江苏省徐州市鼓楼区中山路1号", True),
        ("鼓楼区中山路1号", "南京市鼓楼区中山路1号", True),
        ("南京鼓楼区中山路1号", "鼓楼区中山路1号", True),
        ("四川省南充市南部县城南新区幸福路3号", "城南新区幸福路3号", True),
        ("南部县城南新区幸福路3号", "四川省城南新区幸福路3号", True),
        ("内蒙古包头市青山区钢铁大街5号", "湖北省武汉市青山区钢铁大街5号", True),
        ("四川省南充市顺庆区新建街道红光社区", "四川省遂宁市顺庆区新建街道红光社区", True),
        ("四川省顺庆区新建街道红光社区", "顺庆区新建街道红光社区", False),
        ("四川顺庆区新建街道红光社区", "顺庆区新建街道红光社区", False),
        ("四川顺庆区新建街道红光社区", "南充市顺庆区新建街道红光社区", True),
        ("四川省南充市顺庆区新建街道红光社区", "南充市顺庆区新建街道红光社区", False),
        ("江苏省南京市鼓楼区中山路1号", "南京市鼓楼区中山路1号", False),
        ("重庆市万州区龙驹镇梨树村", "万州区龙驹镇梨树村", False),
        ("南部县城南新区幸福路3号", "四川省南充市南部县城南新区幸福路3号", False),
        ("吉林省吉林市船营区北京路5号", "吉林市船营区北京路5号", False),
    ],
)
def test_a_district_is_placed_by_its_city(tmp_path: Path, old: str, new: str, moved: bool) -> None:
    """A district, 新区 or 开发区 (顺庆区, 鼓楼区, 城南新区) is one of a city or county, and
    many share a name (江苏 has two 鼓楼区): named with its city on one side and with none,
    or a province alone, on the other, it is not said the same place (a false alarm is the
    lesser fault than a move hidden). Both naming the same city, or neither, or only a
    province-level city (重庆市), it is."""
    assert address_moved(tmp_path, old, new) is moved
    assert address_moved(tmp_path, new, old) is moved


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("湖南省湘西州凤凰县沱江镇虹桥路8号", "湘西土家族苗族自治州凤凰县沱江镇虹桥路8号", False),
        ("湖南省湘西州凤凰县沱江镇虹桥路8号", "湖南省湘西州泸溪县沱江镇虹桥路8号", True),
        ("贵州省黔东南州镇远县舞阳镇顺城街", "黔东南苗族侗族自治州镇远县舞阳镇顺城街", False),
        ("甘孜州乡城县香巴拉镇夏日村", "甘孜藏族自治州乡城县香巴拉镇夏日村", False),
        ("四川省南部县杭州路12号", "南部县杭州路12号", False),
        ("四川省南部县杭州路12号", "四川省营山县杭州路12号", True),
        ("辽宁省沈阳市铁西区兴华街道兴工社区", "辽宁省鞍山市铁西区兴华街道兴工社区", True),
        ("成都天府新区华阳街道正东街8号", "重庆两江新区华阳街道正东街8号", True),
        ("广东省广州市白云区京溪街道云景路", "贵州省贵阳市白云区京溪街道云景路", True),
        ("广州白云区京溪街道云景路", "贵阳市白云区京溪街道云景路", True),
        ("内蒙古自治区包头市青山区钢铁大街5号", "内蒙古包头市青山区钢铁大街5号", False),
        ("河北省石家庄市桥西区友谊街道", "河北省邢台市桥西区友谊街道", True),
        ("青海省海南藏族自治州共和县恰卜恰镇", "海南州共和县恰卜恰镇", False),
        ("青海省海南藏族自治州共和县恰卜恰镇", "海南省共和县恰卜恰镇", True),
        ("天津市河北区望海楼街道建国道8号", "河北区望海楼街道建国道8号", False),
    ],
)
def test_addresses_of_other_places(tmp_path: Path, old: str, new: str, moved: bool) -> None:
    """More places, read both ways round: a short form or a province written or not is one
    place (凤凰县 in 湘西州, 镇远县 in 黔东南州, 乡城县 in 甘孜州, 海南州 no 海南省 but
    海南藏族自治州, 天津's 河北区 no province, a 杭州路 no 州); another
    county or a like-named district of another city (铁西区 of 鞍山市 for 沈阳's, 白云区
    of 贵阳市 for 广州's, 桥西区 of 邢台市 for 石家庄's) a move."""
    assert address_moved(tmp_path, old, new) is moved
    assert address_moved(tmp_path, new, old) is moved


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("广东深圳", "广东省深圳市", False),
        ("广东省东莞市", "东莞市", False),
        ("东莞", "广东省东莞市", False),
        ("浙江杭州", "杭州", False),
        ("广西南宁", "广西壮族自治区南宁市", False),
        ("吉林省吉林市", "吉林市", False),
        ("广东省深圳市宝安区", "深圳宝安区", False),
        ("海南", "海南省", False),
        ("广东深圳", "浙江深圳", True),
        ("广东省深圳市", "广东省东莞市", True),
        ("广东", "广东深圳", True),
        ("青海省海南藏族自治州", "海南省", True),
    ],
)
def test_a_work_place_written_with_or_without_its_province_is_one(
    tmp_path: Path, old: str, new: str, moved: bool
) -> None:
    """A parent's work place is a city more often than an address: 广东深圳 one term and
    广东省深圳市 the next, or the province left out (东莞), is where the father worked
    before, no change to log; another city, another province, or a city named where only
    the province was, is."""
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, 父亲务工地点=old)])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([kid(1, 父亲务工地点=new)])})
    changed = diff(tmp_path, "--format", "json").json()["changed"]
    fields = [c["field"] for x in changed for c in x["changes"]]
    assert fields == (["father_work_place"] if moved else [])


# ---- CSV ----


def test_csv_header_and_rows_exactly(terms: Path) -> None:
    result = diff(terms, "--format", "csv")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "\ufeff变化（代码）,变化,儿童,班级,文件,工作表,行,对应依据（代码）,对应依据,字段,变更项目,原内容,现内容",
        "added,新增,孙博文,三年级(2)班,本学期.xlsx,花名册,2,,,,,,",
        "added,新增,徐若曦,三年级(2)班,本学期.xlsx,花名册,13,,,,,,",
        "gone,不在新名册,徐若曦,三年级(2)班,上学期.xlsx,花名册,12,,,,,,",
        "gone,不在新名册,徐若曦,三年级(2)班,上学期.xlsx,花名册,13,,,,,,",
        "gone,不在新名册,林小雨,三年级(2)班,上学期.xlsx,花名册,14,,,,,,",
        "changed,信息变更,李明轩,三年级(2)班,本学期.xlsx,花名册,4,id_number,身份证号,guardian_phone,监护人电话,137****5678,136****5432",
        "changed,信息变更,李明轩,三年级(2)班,本学期.xlsx,花名册,4,id_number,身份证号,father_work_place,父亲务工地址,广东深圳,广东东莞",
        "changed,信息变更,李明轩,三年级(2)班,本学期.xlsx,花名册,4,id_number,身份证号,mother_work_place,母亲务工地址,浙江宁波,江苏苏州",
        "changed,信息变更,王梓萱,三年级(2)班,本学期.xlsx,花名册,5,id_number,身份证号,guardian_name,监护人姓名,张大爷,李奶奶",
        "changed,信息变更,王梓萱,三年级(2)班,本学期.xlsx,花名册,5,id_number,身份证号,guardian_relation,与儿童关系,祖父,祖母",
        "changed,信息变更,王梓萱,三年级(2)班,本学期.xlsx,花名册,5,id_number,身份证号,guardian_phone,监护人电话,,136****0000",
        "changed,信息变更,刘浩然,三年级(2)班,本学期.xlsx,花名册,6,id_number,身份证号,left_behind_type,留守类型,父母均外出,父亲外出",
        "changed,信息变更,陈思彤,三年级(2)班,本学期.xlsx,花名册,7,id_number,身份证号,enrollment_status,在校状态,在读,转出",
        "changed,信息变更,杨子墨,三年级(2)班,本学期.xlsx,花名册,8,id_number,身份证号,support_teacher,帮扶教师,王芳,李强",
        "changed,信息变更,黄欣怡,四年级(1)班,本学期.xlsx,花名册,9,id_number,身份证号,class,班级,三年级(2)班,四年级(1)班",
        "changed,信息变更,赵俊熙,三年级(2)班,本学期.xlsx,花名册,10"
        ",name_birth_date,姓名 + 出生日期,id_number,身份证号,511321********1176,",
        "changed,信息变更,赵俊熙,三年级(2)班,本学期.xlsx,花名册,10"
        ",name_birth_date,姓名 + 出生日期,father_work_place,父亲务工地址,福建厦门,福建泉州",
        "changed,信息变更,吴宇航,三年级(2)班,本学期.xlsx,花名册,12"
        ",name_class,姓名 + 班级,id_number,身份证号,511321********1213,",
        "changed,信息变更,吴宇航,三年级(2)班,本学期.xlsx,花名册,12"
        ",name_class,姓名 + 班级,guardian_phone,监护人电话,137****5678,137****4321",
    ]
    assert result.stdout.endswith("\n")


@pytest.mark.parametrize(
    ("lang", "added", "gone", "changed", "by_name_birth_date"),
    [
        ("zh", "新增", "不在新名册", "信息变更", "姓名 + 出生日期"),
        ("en", "added", "no longer on the roster", "details changed", "name + birth date"),
    ],
)
def test_csv_says_each_code_in_words_beside_it(
    terms: Path, lang: str, added: str, gone: str, changed: str, by_name_birth_date: str
) -> None:
    """A school reads the CSV in Excel: beside each code (change, match, field) the words the
    table says for it, in the --lang asked for (a field as the roster's header says it, in
    English too, as the table shows it); the codes stay as scripts read them."""
    args = ("--lang", lang, "diff", "上学期.xlsx", "本学期.xlsx", "--format", "csv")
    lines = run(*args, "--json-keys", "--no-bom", cwd=terms).stdout.splitlines()
    assert lines[0] == (
        "change,change_text,child,class,file,sheet,row,match,match_text,field,field_text,old,new"
    )
    assert [lines[1], lines[3], lines[17]] == [
        f"added,{added},孙博文,三年级(2)班,本学期.xlsx,花名册,2,,,,,,",
        f"gone,{gone},徐若曦,三年级(2)班,上学期.xlsx,花名册,12,,,,,,",
        f"changed,{changed},赵俊熙,三年级(2)班,本学期.xlsx,花名册,10,name_birth_date,"
        f"{by_name_birth_date},father_work_place,父亲务工地址,福建厦门,福建泉州",
    ]
    header = run(*args, cwd=terms).stdout.splitlines()[0]
    assert (
        header
        == {
            "zh": "\ufeff变化（代码）,变化,儿童,班级,文件,工作表,行,对应依据（代码）,对应依据,"
            "字段,变更项目,原内容,现内容",
            "en": "\ufeffchange (code),change,child,class,file,sheet,row,matched by (code),"
            "matched by,field,item changed,before,after",
        }[lang]
    )


# ---- the table ----


def cells(stdout: str) -> list[list[str]]:
    """The table output as lines of cells (columns are two or more spaces apart)."""
    out = []
    for line in stdout.splitlines():
        line = line.strip()
        if line and not set(line) <= {"─", " "}:
            out.append(re.split(r" {2,}", line))
    return out


def test_table_lists_each_part_and_ends_with_the_summary(terms: Path) -> None:
    result = diff(terms)
    assert result.exit_code == 0 and result.stderr == ""
    head = ["班级", "行", "姓名"]
    changed_head = [*head, "字段", "变更", "对应依据"]
    assert cells(result.stdout) == [
        ["新增儿童（2 名）"],
        head,
        [C32, "2", "孙博文"],
        [C32, "13", "徐若曦"],
        ["不在新名册中的儿童（3 名）"],
        head,
        [C32, "12", "徐若曦"],
        [C32, "13", "徐若曦"],
        [C32, "14", "林小雨"],
        ["信息变更（8 名）"],
        changed_head,
        [C32, "4", "李明轩", "监护人电话", "137****5678 → 136****5432", "身份证号"],
        [C32, "4", "李明轩", "父亲务工地址", "广东深圳 → 广东东莞", "身份证号"],
        [C32, "4", "李明轩", "母亲务工地址", "浙江宁波 → 江苏苏州", "身份证号"],
        [C32, "5", "王梓萱", "监护人姓名", "张大爷 → 李奶奶", "身份证号"],
        [C32, "5", "王梓萱", "与儿童关系", "祖父 → 祖母", "身份证号"],
        [C32, "5", "王梓萱", "监护人电话", "（空） → 136****0000", "身份证号"],
        [C32, "6", "刘浩然", "留守类型", "父母均外出 → 父亲外出", "身份证号"],
        [C32, "7", "陈思彤", "在校状态", "在读 → 转出", "身份证号"],
        [C32, "8", "杨子墨", "帮扶教师", "王芳 → 李强", "身份证号"],
        [C41, "9", "黄欣怡", "班级", f"{C32} → {C41}", "身份证号"],
        [C32, "10", "赵俊熙", "身份证号", "511321********1176 → （空）", "姓名 + 出生日期"],
        [C32, "10", "赵俊熙", "父亲务工地址", "福建厦门 → 福建泉州", "姓名 + 出生日期"],
        [C32, "12", "吴宇航", "身份证号", "511321********1213 → （空）", "姓名 + 班级"],
        [C32, "12", "吴宇航", "监护人电话", "137****5678 → 137****4321", "姓名 + 班级"],
        [SUMMARY.format(2, 3, 8, 2)],
    ]
    assert result.stdout.rstrip("\n").splitlines()[-1] == SUMMARY.format(2, 3, 8, 2)


def test_table_with_show_pii_shows_full_phones(terms: Path) -> None:
    result = diff(terms, "--show-pii")
    assert result.exit_code == 0
    rows = [r for r in cells(result.stdout) if len(r) == 6 and r[3] == "监护人电话"]
    assert [r[4] for r in rows] == [
        "13712345678 → 13698765432",
        "（空） → 13612340000",
        "13712345678 → 13787654321",
    ]


# ---- --out changes.xlsx ----


def test_out_writes_the_change_log_with_full_phones(terms: Path) -> None:
    inputs = {p: digest(terms / p) for p in ("上学期.xlsx", "本学期.xlsx")}
    result = diff(terms, "--out", "changes.xlsx", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == "已写出变更记录：changes.xlsx（含完整电话号码和身份证号，仅本人可读）\n"
    assert result.json() == expected_document(pii=False)  # stdout stays masked
    out = terms / "changes.xlsx"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert {p: digest(terms / p) for p in inputs} == inputs  # the rosters are untouched
    wb = load_workbook(out)
    assert wb.sheetnames == ["新增", "离开", "信息变更"]

    def values(title: str) -> list[list[Any]]:
        return [list(r) for r in wb[title].iter_rows(values_only=True)]

    head = ["序号", "班级", "姓名", "工作表", "行"]
    assert values("新增") == [
        head,
        [1, C32, "孙博文", "花名册", 2],
        [2, C32, "徐若曦", "花名册", 13],
    ]
    assert values("离开") == [
        head,
        [1, C32, "徐若曦", "花名册", 12],
        [2, C32, "徐若曦", "花名册", 13],
        [3, C32, "林小雨", "花名册", 14],
    ]
    assert values("信息变更") == [
        ["序号", "班级", "姓名", "行", "变更项目", "原内容", "现内容", "对应依据"],
        # As the new roster has it: the change was found on the normalised phone.
        [1, C32, "李明轩", 4, "监护人电话", "13712345678", "136-9876-5432", "身份证号"],
        [2, C32, "李明轩", 4, "父亲务工地址", "广东深圳", "广东东莞", "身份证号"],
        [3, C32, "李明轩", 4, "母亲务工地址", "浙江宁波", "江苏苏州", "身份证号"],
        [4, C32, "王梓萱", 5, "监护人姓名", "张大爷", "李奶奶", "身份证号"],
        [5, C32, "王梓萱", 5, "与儿童关系", "祖父", "祖母", "身份证号"],
        [6, C32, "王梓萱", 5, "监护人电话", None, "13612340000", "身份证号"],
        [7, C32, "刘浩然", 6, "留守类型", "父母均外出", "父亲外出", "身份证号"],
        [8, C32, "陈思彤", 7, "在校状态", "在读", "转出", "身份证号"],
        [9, C32, "杨子墨", 8, "帮扶教师", "王芳", "李强", "身份证号"],
        [10, C41, "黄欣怡", 9, "班级", C32, C41, "身份证号"],
        [11, C32, "赵俊熙", 10, "身份证号", "511321201605011176", None, "姓名 + 出生日期"],
        [12, C32, "赵俊熙", 10, "父亲务工地址", "福建厦门", "福建泉州", "姓名 + 出生日期"],
        [13, C32, "吴宇航", 12, "身份证号", "511321201605011213", None, "姓名 + 班级"],
        [14, C32, "吴宇航", 12, "监护人电话", "13712345678", "13787654321", "姓名 + 班级"],
    ]


def test_the_change_log_is_ready_to_print(terms: Path) -> None:
    assert diff(terms, "--out", "changes.xlsx").exit_code == 0
    wb = load_workbook(terms / "changes.xlsx")
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
        setup = ws.page_setup
        assert (int(setup.paperSize), setup.orientation, setup.fitToWidth) == (9, "landscape", 1)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "00DDEBF7"
    ws = wb["信息变更"]
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGH"]
    # 序号 at its narrowest, 班级 for 三年级(2)班, 变更项目 for 父亲务工地址,
    # 原内容 for 赵俊熙's ID emptied, 现内容 for 136-9876-5432
    assert widths == [6, 13, 8, 6, 14, 20, 15, 17]


@pytest.mark.parametrize("name", ["上学期.xlsx", "本学期.xlsx", "./本学期.xlsx"])
def test_out_never_overwrites_an_input(terms: Path, name: str) -> None:
    before = digest(terms / "本学期.xlsx"), digest(terms / "上学期.xlsx")
    result = diff(terms, "--out", name)
    shown = name.removeprefix("./")  # the path as a Path prints it
    assert one_error_line(result) == f"lbc: 错误：输出文件 {shown} 与输入文件相同，已拒绝覆盖"
    assert (digest(terms / "本学期.xlsx"), digest(terms / "上学期.xlsx")) == before


def test_out_must_be_xlsx(terms: Path) -> None:
    result = diff(terms, "--out", "x.csv")
    assert (
        one_error_line(result)
        == "lbc: 错误：不能写出这种文件：x.csv（文件名的后缀决定格式，这里能写：.xlsx）"
    )
    assert not (terms / "x.csv").exists()


# ---- exit codes ----


def test_a_missing_file_is_exit_2(terms: Path) -> None:
    result = run("diff", "上学期.xlsx", "没有.xlsx", cwd=terms)
    assert one_error_line(result) == "lbc: 错误：找不到文件：没有.xlsx"


def test_a_file_with_no_children_sheet_is_exit_2(terms: Path) -> None:
    write_xlsx(terms / "杂表.xlsx", {"Sheet1": [["物品", "数量"], ["粉笔", 3]]})
    result = run("diff", "上学期.xlsx", "杂表.xlsx", cwd=terms)
    assert one_error_line(result) == (
        "lbc: 错误：在 杂表.xlsx 中没有找到留守儿童名册（表头需含“姓名”“身份证号”“班级”等列）"
    )


def test_an_unknown_format_is_exit_2(terms: Path) -> None:
    result = diff(terms, "--format", "xml")
    assert one_error_line(result) == "lbc: 错误：不支持的输出格式：xml（可选 table、json、csv）"


# ---- bugs found: each test states what should hold ----


def test_an_id_match_is_not_taken_by_an_earlier_row_without_an_id(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, "王芳")])})
    newcomer = kid(5, "王芳", 身份证号=None, 出生日期=None)  # another 王芳 joins the class
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([newcomer, kid(1, "王芳")])})
    doc = diff(tmp_path, "--format", "json").json()
    assert doc["summary"]["matched_by"] == {"id_number": 1, "name_birth_date": 0, "name_class": 0}
    assert doc["added"] == [entry("王芳", 2)]


def test_two_new_candidates_for_one_old_child_match_neither(tmp_path: Path) -> None:
    nameless = {"身份证号": None, "出生日期": None}
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, "王芳", **nameless)])})
    new = [kid(5, "王芳", **nameless), kid(6, "王芳", **nameless)]
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(new)})
    doc = diff(tmp_path, "--format", "json").json()
    assert doc["summary"]["matched_by"] == {"id_number": 0, "name_birth_date": 0, "name_class": 0}
    assert doc["added"] == [entry("王芳", 2), entry("王芳", 3)]
    assert doc["gone"] == [entry("王芳", 2, file="上学期.xlsx")]


def diff_of(folder: Path, old: list[Row], new: list[Row]) -> dict[str, Any]:
    """``lbc diff --format json`` of two one-sheet rosters made of these rows."""
    write_xlsx(folder / "上学期.xlsx", {"花名册": table(old)})
    write_xlsx(folder / "本学期.xlsx", {"花名册": table(new)})
    return diff(folder, "--format", "json").json()


def all_unchanged(count: int, **matched_by: int) -> dict[str, Any]:
    """The summary of a diff matching ``count`` children, none changed, by these rules."""
    rules = {"id_number": 0, "name_birth_date": 0, "name_class": 0, **matched_by}
    return {"added": 0, "gone": 0, "changed": 0, "unchanged": count, "matched_by": rules}


def test_a_child_whose_id_is_new_this_term_is_found_by_the_birth_date_it_holds(
    tmp_path: Path,
) -> None:
    # Last term's roster kept 出生日期 and no ID yet for 李明轩; this term's lists IDs and
    # no 出生日期 column. The ID says 2016-05-01, the old 出生日期 too: one child, his ID
    # filled in.
    old = [kid(1), kid(2, gender="男", 身份证号=None)]
    new = [{k: v for k, v in r.items() if k != "出生日期"} for r in (kid(1), kid(2, gender="男"))]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(1, id_number=1, name_birth_date=1), "changed": 1}
    filled = change("id_number", "身份证号", None, "511321********1053")
    assert doc["changed"] == [changed("李明轩", 3, 3, "name_birth_date", filled)]


def test_an_id_typed_as_a_number_cell_still_gives_its_birth_date(tmp_path: Path) -> None:
    # The old ID is a number cell (its last digits lost) and neither roster has 出生日期:
    # the birth date in the ID's 7th to 14th digits is whole, and 周雨桐 is matched by it.
    drop = ("出生日期",)
    old = [{k: v for k, v in kid(9, 身份证号=NUMBER_CELL_ID).items() if k not in drop}]
    new = [{k: v for k, v in kid(9, 班级=C41).items() if k not in drop}]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"]["matched_by"] == {"id_number": 0, "name_birth_date": 1, "name_class": 0}
    assert doc["added"] == doc["gone"] == []
    assert doc["changed"] == [
        changed("周雨桐", 2, 2, "name_birth_date", change("class", "班级", C32, C41), cls=C41)
    ]


def test_a_child_known_by_name_and_class_is_found_a_grade_up_in_september(
    tmp_path: Path,
) -> None:
    # Spring's roster had neither ID nor birth date for 吴宇航 (三年级(2)班); autumn's has
    # his ID and, like every child, the class a grade up. The same class number one grade
    # up is the same class: nobody gone or added, and his ID filled in is the one change.
    nameless = {"身份证号": None, "出生日期": None}
    old = [kid(1), kid(10, gender="男", **nameless)]
    new = [kid(1, 班级="四年级(2)班"), kid(10, gender="男", 班级="四年级(2)班", 出生日期=None)]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(1, id_number=1, name_class=1), "changed": 1}
    filled = change("id_number", "身份证号", None, "511321********1213")
    assert doc["changed"] == [changed("吴宇航", 3, 3, "name_class", filled, cls=C42)]


def test_the_same_class_is_tried_before_the_class_a_grade_up(tmp_path: Path) -> None:
    # Two 王芳 without ID or birth date, in 三年级(2)班 and 四年级(2)班; this term's roster
    # (the same school year) has one 王芳 in 四年级(2)班: the one who was there.
    nameless = {"身份证号": None, "出生日期": None}
    old = [kid(1, "王芳", **nameless), kid(2, "王芳", 班级="四年级(2)班", **nameless)]
    new = [kid(2, "王芳", 班级="四年级(2)班", **nameless)]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"]["unchanged"] == 1 and doc["added"] == []
    assert doc["gone"] == [entry("王芳", 2, file="上学期.xlsx")]


def test_a_child_who_had_already_left_last_term_is_not_gone_again(tmp_path: Path) -> None:
    # Last term's roster kept 王梓萱 as 转出 (her leaving was last term's change); this
    # term's roster no longer lists her. Only 刘浩然, 在读 last term and missing now, left
    # this term: the change log and the summary's 转出或离校 count him alone.
    old = [
        old_kid(1),
        old_kid(3, 在校状态="转出"),
        old_kid(4, gender="男"),
        old_kid(5, 在校状态="毕业"),
    ]
    doc = diff_of(tmp_path, old, [kid(1, **BASE)])
    assert doc["gone"] == [entry("刘浩然", 4, file="上学期.xlsx")]
    assert doc["summary"] == {**all_unchanged(1, id_number=1), "gone": 1}
    (tmp_path / "lbc.toml").write_text('[files]\nroster = ["本学期.xlsx"]\n', encoding="utf-8")
    summary = run("summary", "--term", "2024-autumn", "--previous", "上学期.xlsx", cwd=tmp_path)
    assert "与上学期相比，新增 0 名，转出或离校 1 名，信息变更 0 名。" in summary.stdout


def test_a_child_who_moved_to_another_school_of_the_county_is_a_change(tmp_path: Path) -> None:
    # Two terms of a county: each school's folder with its lbc.toml, merged by lbc merge.
    # 张雨涵 was at 青山小学 last term and is at 白鹤小学 now (same ID, same class): the
    # change log says she moved school, whichever form the county's rosters take.
    for term, schools in (("上学期", ([1, 2], [3])), ("本学期", ([2], [3, 1]))):
        for school, numbers in zip(("青山小学", "白鹤小学"), schools, strict=True):
            folder = tmp_path / term / school
            folder.mkdir(parents=True)
            (folder / "lbc.toml").write_text(f'[school]\nname = "{school}"\n', encoding="utf-8")
            write_xlsx(folder / "roster.xlsx", {"花名册": table([kid(n) for n in numbers])})
    pairs = (("上学期.xlsx", "本学期.xlsx"), ("上学期.xlsx", "本学期.parquet"))
    for old, new in pairs:
        for merged in (old, new):
            done = run("merge", Path(merged).stem, "--out", merged, cwd=tmp_path)
            assert done.exit_code == 0, done.stderr
    for old, new in (*pairs, ("上学期", "本学期")):  # the folders themselves too
        doc = run("diff", old, new, "--format", "json", cwd=tmp_path).json()
        assert doc["summary"]["changed"] == 1 and doc["summary"]["unchanged"] == 2
        (moved,) = doc["changed"]
        assert (moved["child"], moved["match"]) == ("张雨涵", "id_number")
        assert moved["changes"] == [change("school", "学校", "青山小学", "白鹤小学")]


def test_a_child_who_moved_between_two_schools_folders_is_a_change(tmp_path: Path) -> None:
    # Two terms of a county, each school's 花名册.xlsx in a folder named for it and nothing
    # else naming it: validate counts 青山小学 3 children, 白鹤小学 1 last term and 1 and 3
    # now. 张雨涵 (same ID) and 王梓萱 (no ID, one name and birth date) moved from 青山小学
    # to 白鹤小学: each a change of school, not nothing, in the change log and the summary.
    terms = {
        "上学期": ([kid(1), kid(2, gender="男"), kid(3, 身份证号=None)], [kid(5)]),
        "本学期": ([kid(2, gender="男")], [kid(5), kid(1), kid(3, 身份证号=None)]),
    }
    for term, schools in terms.items():
        for school, rows in zip(("青山小学", "白鹤小学"), schools, strict=True):
            folder = tmp_path / term / school
            folder.mkdir(parents=True)
            write_xlsx(folder / "花名册.xlsx", {"花名册": table(rows)})
    for term, counts in (("上学期", [1, 3]), ("本学期", [3, 1])):
        checked = run("validate", term, "--format", "json", cwd=tmp_path).json()
        assert [(x["school"], x["children"]) for x in checked["summary"]["schools"]] == [
            *zip(("白鹤小学", "青山小学"), counts, strict=True)
        ]
    assert run("merge", "上学期", "--out", "上学期.xlsx", cwd=tmp_path).exit_code == 1  # no ID
    moved = change("school", "学校", "青山小学", "白鹤小学")
    bh, file = f"白鹤小学 {C32}", "本学期/白鹤小学/花名册.xlsx"
    # Last term's rows: 青山小学's own sheet's, or the merged sheet's, 白鹤小学's first.
    for old, rows in (("上学期", (2, 4)), ("上学期.xlsx", (3, 5))):
        doc = run("diff", old, "本学期", "--format", "json", cwd=tmp_path).json()
        assert doc["summary"] == {
            **all_unchanged(2, id_number=3, name_birth_date=1),
            "changed": 2,
        }
        assert doc["changed"] == [
            {**entry("张雨涵", 3, bh, file), "old_row": rows[0], "match": "id_number",
             "changes": [moved]},
            {**entry("王梓萱", 4, bh, file), "old_row": rows[1], "match": "name_birth_date",
             "changes": [moved]},
        ]  # fmt: skip
    summary = run(
        "summary", "本学期", "--term", "2024-autumn", "--previous", "上学期.xlsx",
        "--format", "json", cwd=tmp_path,
    ).json()  # fmt: skip
    assert summary["changes"] == {
        "added": 0,
        "left": 0,
        "changed": 2,
        "by_field": [{"name": "学校", "count": 2}],
        "matched_by_id": 3,
        "matched_by_name_birth": 1,
        "matched_by_name_class": 0,
    }


def test_last_terms_folder_of_schools_is_the_previous_term_of_summary_and_watch(
    tmp_path: Path,
) -> None:
    """--previous takes last term's folder of a county's schools, as lbc diff takes it:
    张雨涵 moved from 青山小学 to 白鹤小学 and 王梓萱 has a new guardian, counted by lbc
    summary and a reason lbc watch lists (WCH015), as the folder's schools were named."""
    write_books(tmp_path, {
        "上学期/青山小学/花名册.xlsx": table([kid(1), kid(2, gender="男"), kid(3)]),
        "上学期/白鹤小学/花名册.xlsx": table([kid(5), kid(6, gender="男")]),
        "本学期/青山小学/花名册.xlsx": table(
            [kid(2, gender="男"), kid(3, 监护人姓名="李奶奶", 与儿童关系="祖母")]
        ),
        "本学期/白鹤小学/花名册.xlsx": table([kid(5), kid(6, gender="男"), kid(1)]),
    })  # fmt: skip
    (tmp_path / "lbc.toml").write_text("[watch]\nthreshold = 1\n", encoding="utf-8")
    summary = run(
        "summary", "本学期", "--term", "2024-autumn", "--previous", "上学期", "--format", "json",
        cwd=tmp_path,
    )  # fmt: skip
    assert summary.exit_code == 0, summary.stderr
    assert summary.json()["changes"] == {
        "added": 0,
        "left": 0,
        "changed": 2,
        "by_field": [
            {"name": "学校", "count": 1},
            {"name": "监护人姓名", "count": 1},
            {"name": "与儿童关系", "count": 1},
        ],
        "matched_by_id": 5,
        "matched_by_name_birth": 0,
        "matched_by_name_class": 0,
    }
    args = ("--as-of", "2024-11-01", "--previous", "上学期", "--format", "json")
    watch = run("watch", "本学期", *args, cwd=tmp_path)
    assert watch.exit_code == 1, watch.stderr  # a child listed
    listed = [
        (c["name"], [r["code"] for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ]
    assert listed == [("王梓萱", ["WCH015"])]


def test_a_name_and_class_are_one_child_only_within_a_school(tmp_path: Path) -> None:
    # No ID numbers or birth dates. Last term 李明 (a girl) was in 青山小学's 三年级(2)班;
    # this term 白鹤小学 has a 李明 (a boy) in 四年级(2)班, a grade up. Classes are each
    # school's own: she left and he is new, not one child who moved school. 王梓萱, one
    # name and birth date, is one child wherever she is.
    unknown = {"身份证号": None, "出生日期": None}
    up = {"班级": "四年级(2)班"}
    terms = {
        "上学期": ([kid(1, "李明", **unknown), kid(3, "王梓萱", 身份证号=None), kid(2)], [kid(5)]),
        "本学期": (
            [kid(2, **up)],
            [
                kid(5, **up),
                kid(4, "李明", gender="男", **up, **unknown),
                kid(3, "王梓萱", 身份证号=None),
            ],
        ),
    }
    for term, schools in terms.items():
        for school, rows in zip(("青山小学", "白鹤小学"), schools, strict=True):
            folder = tmp_path / term / school
            folder.mkdir(parents=True)
            (folder / "lbc.toml").write_text(f'[school]\nname = "{school}"\n', encoding="utf-8")
            write_xlsx(folder / "roster.xlsx", {"花名册": table(rows)})
    doc = run("diff", "上学期", "本学期", "--format", "json", cwd=tmp_path).json()
    assert [(c["child"], c["file"]) for c in doc["added"]] == [
        ("李明", "本学期/白鹤小学/roster.xlsx")
    ]
    assert [(c["child"], c["file"]) for c in doc["gone"]] == [
        ("李明", "上学期/青山小学/roster.xlsx")
    ]
    (moved,) = doc["changed"]
    assert (moved["child"], moved["match"]) == ("王梓萱", "name_birth_date")
    assert moved["changes"] == [change("school", "学校", "青山小学", "白鹤小学")]
    assert doc["summary"]["unchanged"] == 2


def test_a_county_change_log_names_each_childs_school(tmp_path: Path) -> None:
    # Two terms of a county merged by lbc merge: 白鹤小学 sent nothing this term, 红星小学
    # is new. Each school's rows are numbered in its own file (a folder, Parquet) or all
    # in one sheet (the merged workbook): a class and a row without the school found no
    # child. The class is named with its school, as lbc flag and summary name it.
    terms = {
        "上学期": {"青山小学": [1, 2], "白鹤小学": [3]},
        "本学期": {"青山小学": [1], "红星小学": [4]},
    }
    for term, schools in terms.items():
        for school, numbers in schools.items():
            folder = tmp_path / term / school
            folder.mkdir(parents=True)
            rows = [[f"{school}留守儿童花名册"], *table([kid(n) for n in numbers])]
            write_xlsx(folder / "roster.xlsx", {"花名册": rows})
        assert run("merge", term, "--out", f"{term}.xlsx", cwd=tmp_path).exit_code == 0
    done = run("diff", "上学期.xlsx", "本学期.xlsx", "--out", "变更.xlsx", cwd=tmp_path)
    assert done.stdout.splitlines()[:12] == [
        "新增儿童（1 名）",
        "                                      ",
        "  班级                   行   姓名    ",
        " ──────────────────────────────────── ",
        f"  红星小学 {C32}   2    刘浩然  ",
        "                                      ",
        "不在新名册中的儿童（2 名）",
        "                                      ",
        "  班级                   行   姓名    ",
        " ──────────────────────────────────── ",
        f"  白鹤小学 {C32}   2    王梓萱  ",
        f"  青山小学 {C32}   4    李明轩  ",
    ]
    doc = run("diff", "上学期", "本学期", "--format", "json", cwd=tmp_path).json()
    assert [(c["class"], c["file"], c["row"]) for c in doc["gone"]] == [
        (f"白鹤小学 {C32}", "上学期/白鹤小学/roster.xlsx", 3),
        (f"青山小学 {C32}", "上学期/青山小学/roster.xlsx", 4),
    ]
    ws = load_workbook(tmp_path / "变更.xlsx")["离开"]
    assert [c.value for c in ws[2]] == [1, f"白鹤小学 {C32}", "王梓萱", "留守儿童花名册", 2]


def test_one_schools_name_spelled_otherwise_this_term_is_no_change(tmp_path: Path) -> None:
    # One school's roster, its 学校 cells 青山小学 last term, 青山镇中心小学 this term: the
    # same school, not every child moved.
    old = [kid(n, 学校="青山小学") for n in (1, 2)]
    new = [kid(n, 学校="青山镇中心小学") for n in (1, 2)]
    assert diff_of(tmp_path, old, new)["summary"] == all_unchanged(2, id_number=2)


def test_a_group_or_house_number_in_words_or_digits_is_no_change(tmp_path: Path) -> None:
    """幸福村3组 one term and 幸福村三组 the next, 第十二组 and 12组, 八号 and 8号 are one
    address: no change to record. The change log shows a real change as each term typed it."""
    old = [
        kid(1, 家庭住址="四川省南部县青山镇幸福村3组"),
        kid(2, 家庭住址="青山镇五一村第十二组8号"),
        kid(3, 家庭住址="青山镇幸福村3组"),
    ]
    new = [
        kid(1, 家庭住址="四川省南部县青山镇幸福村三组"),
        kid(2, 家庭住址="青山镇五一村12组八号"),
        kid(3, 家庭住址="青山镇幸福村四组"),
    ]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table(old)})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(new)})
    doc = diff(tmp_path, "--format", "json").json()
    assert (doc["summary"]["changed"], doc["summary"]["unchanged"]) == (1, 2)
    assert [(c["child"], c["changes"]) for c in doc["changed"]] == [
        (
            "王梓萱",
            [
                {
                    "field": "home_address",
                    "label": "家庭住址",
                    "old": "青山镇幸福村3组",
                    "new": "青山镇幸福村四组",
                }
            ],
        )
    ]


def test_a_class_moved_in_its_grade_column_is_written_so_in_the_change_log(
    tmp_path: Path,
) -> None:
    """The registration form keeps 年级 and 班级 in two columns (二年级 | 1班). A child in
    二年级 1班 last term and 四年级 1班 now (not the one grade up every September) has moved
    class: the terminal says 二年级(1)班 → 四年级(1)班, and the change log the school files
    must not say 1班 → 1班, the 班级 cells alone, which shows no change at all, nor 1班 →
    2班 for a child who also moved class, which hides the grade skipped."""
    old = [kid(1, 年级="二年级", 班级="1班"), kid(2, 年级="二年级", 班级="1班")]
    new = [kid(1, 年级="四年级", 班级="1班"), kid(2, 年级="四年级", 班级="2班")]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table(old)})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(new)})
    shown = diff(tmp_path, "--out", "变更.xlsx")
    assert "二年级(1)班 → 四年级(1)班" in shown.stdout
    ws = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [[c.value for c in row][4:7] for row in ws.iter_rows(min_row=2)] == [
        ["班级", "二年级(1)班", "四年级(1)班"],
        ["班级", "二年级(1)班", "四年级(2)班"],  # not 1班 → 2班, hiding the grade skipped
    ]


def test_the_change_log_is_chinese_whatever_the_interface_language(tmp_path: Path) -> None:
    """变更记录.xlsx is the ledger a school files: Chinese with --lang en too, its 对应依据
    column saying 身份证号, not the English the terminal says (ID number)."""
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, 监护人电话="13700000000")])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table([kid(1)])})
    shown = run("--lang", "en", "diff", "上学期.xlsx", "本学期.xlsx", "--out", "变更.xlsx",
                cwd=tmp_path)  # fmt: skip
    assert "ID number" in shown.stdout
    ws = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [c.value for c in ws[2]][4:] == ["监护人电话", "13700000000", "13712345678", "身份证号"]


def test_preschool_to_first_grade_is_the_yearly_step_not_a_change(tmp_path: Path) -> None:
    """学前班, the year before 一年级 at many village schools, in a 班级 column or a 年级
    column: its children moving up to 一年级 are no class change, as 一年级 to 二年级 is
    none; a preschool child who went on to 二年级 has moved, and is shown as 学前班."""
    old = [kid(1, 班级="学前班"), kid(2, 班级="学前班"), kid(3, 班级="一年级(1)班")]
    new = [kid(1, 班级="一年级(1)班"), kid(2, 班级="二年级(1)班"), kid(3, 班级="二年级(1)班")]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"]["changed"] == 1 and doc["summary"]["unchanged"] == 2
    (moved,) = doc["changed"]
    assert moved["changes"] == [change("class", "班级", "学前班", "二年级(1)班")]
    old = [kid(1, 年级="学前班", 班级="1班")]
    new = [kid(1, 年级="一年级", 班级="1班")]
    assert diff_of(tmp_path, old, new)["summary"] == all_unchanged(1, id_number=1)
    checked = run("validate", "上学期.xlsx", cwd=tmp_path)
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout.startswith("没有发现问题。\n")


def test_preschool_to_any_first_grade_class_is_the_yearly_step(tmp_path: Path) -> None:
    """A school's 学前班 is divided among the first grade's classes as its children start
    school: 学前班 to 一年级(2)班 is the yearly step as 学前班 to 一年级(1)班 is, found by ID
    number, or by name where only one child of the name went on to the first grade; of two
    namesakes gone on to two first-grade classes, neither is taken for her."""
    old = [kid(1, 班级="学前班"), kid(2, 班级="学前(2)班"), kid(3, 班级="学前班")]
    new = [kid(1, 班级="一年级(2)班"), kid(2, 班级="一年级(1)班"), kid(3, 班级="二年级(2)班")]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(2, id_number=3), "changed": 1}
    (moved,) = doc["changed"]
    assert moved["changes"] == [change("class", "班级", "学前班", "二年级(2)班")]
    text = diff(tmp_path)
    assert "学前班" in text.stdout and "一年级(2)班" not in text.stdout
    no_ids = {"身份证号": None, "出生日期": None}
    old = [kid(1, 班级="学前班", **no_ids)]
    new = [kid(1, 班级="一年级(3)班", **no_ids)]
    assert diff_of(tmp_path, old, new)["summary"] == all_unchanged(1, name_class=1)
    old = [kid(1, 班级="学前班", **no_ids)]
    new = [kid(1, 班级="一年级(1)班", **no_ids), kid(1, 班级="一年级(2)班", **no_ids)]
    summary = diff_of(tmp_path, old, new)["summary"]
    assert (summary["added"], summary["gone"], summary["unchanged"]) == (2, 1, 0)


def test_a_passports_number_matches_no_namesake_by_birth_date(tmp_path: Path) -> None:
    """Two 徐若曦 last term, of 三年级(1)班 born 2016-03-09 and of 三年级(2)班. This term one
    徐若曦 in 四年级(2)班, her 身份证件类型 护照, her number 18 characters that look like an
    ID's with 2016-03-09 inside, no 出生日期: she is the second, moved up a grade (name and
    class), not the first by a birth date the passport never said, in a class she did not
    go to; the first is the one no longer on the roster."""
    old = [
        kid(1, "徐若曦", 班级="三年级(1)班", 出生日期=dt.date(2016, 3, 9), 身份证号=None),
        kid(2, "徐若曦", 班级=C32, 身份证号=None),
    ]
    passport = make_id(dt.date(2016, 3, 9), 103)
    new = [kid(2, "徐若曦", 班级=C42, 出生日期=None, 身份证号=passport, 身份证件类型="护照")]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table(old)})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(new)})
    doc = diff(tmp_path, "--format", "json").json()
    assert doc["summary"] == {
        "added": 0,
        "gone": 1,
        "changed": 0,
        "unchanged": 1,
        "matched_by": {"id_number": 0, "name_birth_date": 0, "name_class": 1},
    }
    assert doc["gone"] == [entry("徐若曦", 2, "三年级(1)班", "上学期.xlsx")]
    assert (doc["added"], doc["changed"]) == ([], [])


def test_a_name_corrected_is_a_change_of_the_child_found_by_id(tmp_path: Path) -> None:
    """李明宣 last term is 李明轩 now, the same ID number: the school corrected his name, and
    the county office sees it as every other change, the old name beside the new. 張雨涵
    typed in traditional characters last term is 张雨涵, no change."""
    old = [kid(1, "張雨涵"), kid(2, "李明宣", gender="男")]
    new = [kid(1), kid(2, gender="男")]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(1, id_number=2), "changed": 1}
    assert doc["changed"] == [
        changed("李明轩", 3, 3, "id_number", change("name", "姓名", "李明宣", "李明轩"))
    ]
    shown = diff(tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    assert cells(shown.stdout) == [
        ["信息变更（1 名）"],
        ["班级", "行", "姓名", "字段", "变更", "对应依据"],
        [C32, "3", "李明轩", "姓名", "李明宣 → 李明轩", "身份证号"],
        [SUMMARY.format(0, 0, 1, 1)],
    ]
    english = run("--lang", "en", "diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    assert cells(english.stdout)[2] == [C32, "3", "李明轩", "姓名", "李明宣 → 李明轩", "ID number"]
    assert diff(tmp_path, "--out", "变更.xlsx").exit_code == 0
    ws = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        [1, C32, "李明轩", 3, "姓名", "李明宣", "李明轩", "身份证号"]
    ]


def test_an_id_corrected_is_a_change_of_the_child_found_by_name_and_birth_date(
    tmp_path: Path,
) -> None:
    """李明轩's ID had a wrong check digit last term (…1050, now …1053); 王梓萱's was a number
    cell whose kept digits are another's (…2000, now …1061): each is one child by name and
    birth date, his ID corrected, shown masked unless --show-pii, whole in the change log,
    hers said unreadable (its last digits are Excel's zeros, not hers).
    周雨桐's number cell lost only the digits Excel drops (…1000 is …1184): no change.
    张雨涵's ID left out this term is shown emptied, beside the two corrected."""
    old = [
        kid(1),
        kid(2, gender="男", 身份证号="511321201605011050"),
        kid(3, 身份证号=int("511321201605011999")),
        kid(9, 身份证号=NUMBER_CELL_ID),
    ]
    new = [kid(1, 身份证号=None), kid(2, gender="男"), kid(3), kid(9)]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(1, name_birth_date=4), "changed": 3}
    his = ("511321201605011050", "511321201605011053")
    lost = "（存成数字，末几位已丢失，读不出）"  # a number cell's kept digits are no ID
    hers = ("511321201605012000" + lost, "511321201605011061")
    masked = [
        ("511321********1050", "511321********1053"),
        ("511321********2000" + lost, "511321********1061"),
    ]
    emptied = change("id_number", "身份证号", "511321********1029", None)
    assert doc["changed"] == [
        changed("张雨涵", 2, 2, "name_birth_date", emptied),
        changed("李明轩", 3, 3, "name_birth_date", change("id_number", "身份证号", *masked[0])),
        changed("王梓萱", 4, 4, "name_birth_date", change("id_number", "身份证号", *masked[1])),
    ]
    by = "姓名 + 出生日期"
    shown = diff(tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    assert cells(shown.stdout) == [
        ["信息变更（3 名）"],
        ["班级", "行", "姓名", "字段", "变更", "对应依据"],
        [C32, "2", "张雨涵", "身份证号", "511321********1029 → （空）", by],
        [C32, "3", "李明轩", "身份证号", "511321********1050 → 511321********1053", by],
        [C32, "4", "王梓萱", "身份证号", f"511321********2000{lost} → 511321********1061", by],
        [SUMMARY.format(0, 0, 3, 1)],
    ]
    whole = diff(tmp_path, "--show-pii")
    assert cells(whole.stdout)[2:5] == [
        [C32, "2", "张雨涵", "身份证号", "511321201605011029 → （空）", by],
        [C32, "3", "李明轩", "身份证号", "511321201605011050 → 511321201605011053", by],
        [C32, "4", "王梓萱", "身份证号", f"511321201605012000{lost} → 511321201605011061", by],
    ]
    english = run("--lang", "en", "diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    assert cells(english.stdout)[3][3:] == [
        "身份证号",
        "511321********1050 → 511321********1053",
        "name + birth date",
    ]
    written = diff(tmp_path, "--out", "变更.xlsx")
    assert written.stderr == "已写出变更记录：变更.xlsx（含完整电话号码和身份证号，仅本人可读）\n"
    ws = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        [1, C32, "张雨涵", 2, "身份证号", "511321201605011029", None, by],
        [2, C32, "李明轩", 3, "身份证号", *his, by],
        [3, C32, "王梓萱", 4, "身份证号", *hers, by],  # the number cell's digits, said lost
    ]


def test_an_id_stored_as_a_number_and_emptied_is_masked_and_said_unreadable(
    tmp_path: Path,
) -> None:
    """周雨桐's ID was a number cell Excel keeps as 5.11322201E+17 (nine digits, the rest
    lost), 王梓萱's the text a CSV file holds of one; both are left out this term. Each
    emptied ID is masked as any ID (region and the last four), never printed as the number's
    digits, and said unreadable: its last digits are Excel's zeros, not the child's. With
    --show-pii the digits Excel kept, said unreadable all the same."""
    lost = "（存成数字，末几位已丢失，读不出）"
    old = [kid(1), kid(9, 身份证号=5.11322201e17), kid(3, 身份证号=None)]
    new = [kid(1), kid(9, 身份证号=None), kid(3, 身份证号=None)]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table(old)})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(new)})
    csv_ids = (child_row(1), child_row(3, 身份证号="5.11321201605011E+17"))
    write_child_csv(tmp_path / "上学期.csv", *csv_ids)
    write_xlsx(tmp_path / "本学期2.xlsx", {"花名册": table([kid(1), kid(3, 身份证号=None)])})
    by = "姓名 + 出生日期"
    shown = diff(tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    assert cells(shown.stdout)[2:3] == [
        [C32, "3", "周雨桐", "身份证号", f"511322********0000{lost} → （空）", by]
    ]
    doc = diff(tmp_path, "--format", "json").json()
    assert doc["changed"][0]["changes"] == [
        change("id_number", "身份证号", f"511322********0000{lost}", None)
    ]
    whole = diff(tmp_path, "--format", "csv", "--show-pii")
    assert whole.stdout.splitlines()[1:] == [
        f"changed,信息变更,周雨桐,{C32},本学期.xlsx,花名册,3,name_birth_date,姓名 + 出生日期,"
        f"id_number,身份证号,511322201000000000{lost},"
    ]
    from_csv = run("diff", "上学期.csv", "本学期2.xlsx", "--format", "json", cwd=tmp_path)
    assert from_csv.json()["changed"][0]["changes"] == [
        change("id_number", "身份证号", f"511321********1000{lost}", None)
    ]


def test_an_id_filled_in_or_emptied_is_a_change_of_the_child(tmp_path: Path) -> None:
    """张雨涵 had no ID number last term and has one now; 李明轩's was left out this term.
    Each is one child by name and birth date, and the change log shows the ID filled in and
    the ID emptied as any other cell's: masked unless --show-pii, whole in the change log,
    the empty side （空） in the terminal, null in JSON, an empty cell in the workbook. A
    roster with no ID filled in at all lists none emptied."""
    old = [kid(1, 身份证号=None), kid(2, gender="男"), kid(3)]
    new = [kid(1), kid(2, gender="男", 身份证号=None), kid(3)]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(1, id_number=1, name_birth_date=2), "changed": 2}
    hers, his = "511321201605011029", "511321201605011053"
    assert doc["changed"] == [
        changed("张雨涵", 2, 2, "name_birth_date",
                change("id_number", "身份证号", None, "511321********1029")),
        changed("李明轩", 3, 3, "name_birth_date",
                change("id_number", "身份证号", "511321********1053", None)),
    ]  # fmt: skip
    whole = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", "--show-pii",
                cwd=tmp_path)  # fmt: skip
    assert [m["changes"] for m in whole.json()["changed"]] == [
        [change("id_number", "身份证号", None, hers)],
        [change("id_number", "身份证号", his, None)],
    ]
    by = "姓名 + 出生日期"
    shown = diff(tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    assert cells(shown.stdout) == [
        ["信息变更（2 名）"],
        ["班级", "行", "姓名", "字段", "变更", "对应依据"],
        [C32, "2", "张雨涵", "身份证号", "（空） → 511321********1029", by],
        [C32, "3", "李明轩", "身份证号", "511321********1053 → （空）", by],
        [SUMMARY.format(0, 0, 2, 1)],
    ]
    assert cells(diff(tmp_path, "--show-pii").stdout)[2:4] == [
        [C32, "2", "张雨涵", "身份证号", f"（空） → {hers}", by],
        [C32, "3", "李明轩", "身份证号", f"{his} → （空）", by],
    ]
    assert diff(tmp_path, "--out", "变更.xlsx").exit_code == 0
    ws = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        [1, C32, "张雨涵", 2, "身份证号", None, hers, by],
        [2, C32, "李明轩", 3, "身份证号", his, None, by],
    ]
    assert (ws["G2"].data_type, ws["F3"].data_type) == ("s", "s")  # text, never a number
    # A 身份证号 column left empty throughout is the school not filling it in (validate says
    # so of each row), not each child's ID emptied: no change to list.
    blank = [{**row, "身份证号": None} for row in new]
    assert diff_of(tmp_path, old, blank)["summary"] == all_unchanged(3, name_birth_date=3)


def test_two_ids_are_one_child_by_name_and_birth_date_within_one_school_alone(
    tmp_path: Path,
) -> None:
    """Two terms of a county. 张雨涵 left 青山小学; a 张雨涵 born the same day, with an ID of
    her own, came to 白鹤小学: two children, not one who moved school with a new ID. At
    白鹤小学 陈思彤's ID was corrected (a wrong check digit last term): one child, found by
    name and birth date within her school."""
    other = make_id(dt.date(2016, 5, 1), 190)  # another girl's, born the same day
    terms = {
        "上学期": ([kid(1), kid(2, gender="男")], [kid(5, 身份证号="511321201605011100")]),
        "本学期": ([kid(2, gender="男")], [kid(5), kid(1, 身份证号=other)]),
    }
    for term, schools in terms.items():
        for school, rows in zip(("青山小学", "白鹤小学"), schools, strict=True):
            folder = tmp_path / term / school
            folder.mkdir(parents=True)
            (folder / "lbc.toml").write_text(f'[school]\nname = "{school}"\n', encoding="utf-8")
            write_xlsx(folder / "roster.xlsx", {"花名册": table(rows)})
    doc = run("diff", "上学期", "本学期", "--format", "json", cwd=tmp_path).json()
    assert doc["summary"] == {
        "added": 1,
        "gone": 1,
        "changed": 1,
        "unchanged": 1,
        "matched_by": {"id_number": 1, "name_birth_date": 1, "name_class": 0},
    }
    qs, bh = f"青山小学 {C32}", f"白鹤小学 {C32}"
    assert doc["added"] == [entry("张雨涵", 3, bh, "本学期/白鹤小学/roster.xlsx")]
    assert doc["gone"] == [entry("张雨涵", 2, qs, "上学期/青山小学/roster.xlsx")]
    ids = change("id_number", "身份证号", "511321********1100", "511321********1109")
    assert doc["changed"] == [
        {**entry("陈思彤", 2, bh, "本学期/白鹤小学/roster.xlsx"), "old_row": 2,
         "match": "name_birth_date", "changes": [ids]}
    ]  # fmt: skip
    shown = run("diff", "上学期", "本学期", cwd=tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    head = ["班级", "行", "姓名"]
    assert cells(shown.stdout) == [
        ["新增儿童（1 名）"],
        head,
        [bh, "3", "张雨涵"],
        ["不在新名册中的儿童（1 名）"],
        head,
        [qs, "2", "张雨涵"],
        ["信息变更（1 名）"],
        [*head, "字段", "变更", "对应依据"],
        [
            bh,
            "2",
            "陈思彤",
            "身份证号",
            "511321********1100 → 511321********1109",
            "姓名 + 出生日期",
        ],
        [SUMMARY.format(1, 1, 1, 1)],
    ]


@pytest.mark.parametrize("named_by", ["lbc.toml", "folder"])
def test_namesakes_born_the_same_day_in_two_schools_leave_each_id_correction_seen(
    tmp_path: Path, named_by: str
) -> None:
    """A county of two schools, each with a 张雨涵 born 2016-05-01, each her own ID number.
    青山小学's is found by ID; 白鹤小学 corrected its 张雨涵's ID (a wrong check digit last
    term). Within 白鹤小学 she is the only row of that name and birth date on either side:
    one child, her ID corrected, not one gone and one added because a namesake of another
    school shares her name and birth date. So over the schools' folders and over the
    county's merged rosters alike, whether each school is named in its lbc.toml or only by
    its folder (as validate counts schools: diff named only declared schools, and found
    one gone and one added)."""
    right = make_id(dt.date(2016, 5, 1), 190)  # 51132120160501190X
    wrong = right[:-1] + "1"
    terms = {
        "上学期": ([kid(1), kid(2, gender="男")], [kid(1, 身份证号=wrong), kid(5)]),
        "本学期": ([kid(1), kid(2, gender="男")], [kid(1, 身份证号=right), kid(5)]),
    }
    for term, schools in terms.items():
        for school, rows in zip(("青山小学", "白鹤小学"), schools, strict=True):
            folder = tmp_path / term / school
            folder.mkdir(parents=True)
            if named_by == "lbc.toml":
                toml = f'[school]\nname = "{school}"\n'
                (folder / "lbc.toml").write_text(toml, encoding="utf-8")
            write_xlsx(folder / "花名册.xlsx", {"花名册": table(rows)})
        merged = run("merge", term, "--out", f"{term}.xlsx", cwd=tmp_path)
        assert (tmp_path / f"{term}.xlsx").is_file(), merged.stderr  # exit 1 of the wrong ID
    checked = run("validate", "本学期", "--format", "json", cwd=tmp_path).json()
    assert [s["school"] for s in checked["summary"]["schools"]] == ["白鹤小学", "青山小学"]
    bh = f"白鹤小学 {C32}"
    ids = change("id_number", "身份证号", "511321********1901", "511321********190X")
    for old, new, file, sheet in (
        ("上学期", "本学期", "本学期/白鹤小学/花名册.xlsx", "花名册"),
        ("上学期.xlsx", "本学期.xlsx", "本学期.xlsx", "留守儿童花名册"),  # merged: 白鹤小学 first
    ):
        doc = run("diff", old, new, "--format", "json", cwd=tmp_path).json()
        assert doc["summary"] == {
            **all_unchanged(3, id_number=3, name_birth_date=1),
            "changed": 1,
        }
        assert doc["added"] == doc["gone"] == []
        assert doc["changed"] == [
            {**entry("张雨涵", 2, bh, file), "sheet": sheet, "old_row": 2,
             "match": "name_birth_date", "changes": [ids]}
        ]  # fmt: skip
    shown = run("diff", "上学期", "本学期", cwd=tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    assert cells(shown.stdout) == [
        ["信息变更（1 名）"],
        ["班级", "行", "姓名", "字段", "变更", "对应依据"],
        [
            bh,
            "2",
            "张雨涵",
            "身份证号",
            "511321********1901 → 511321********190X",
            "姓名 + 出生日期",
        ],
        [SUMMARY.format(0, 0, 1, 3)],
    ]


def test_two_ids_are_two_children_where_name_and_birth_date_are_not_one_childs(
    tmp_path: Path,
) -> None:
    """李明 (ID …A) and 李明 (…B), born the same day, were in the class; now 李明 …A and a 李明
    …C are: …A is found by ID, and …C is not …B corrected, since last term two children had
    that name and birth date. 王梓萱's IDs (no 出生日期 cell) give two birth days, and only
    name and class are alike: two children as well. Each pair is one gone and one added,
    never one child changed."""
    born_in_june = make_id(dt.date(2016, 6, 1), 106)
    old = [kid(1, "李明"), kid(2, "李明"), kid(3, 出生日期=None)]
    new = [kid(1, "李明"), kid(4, "李明"), kid(3, 出生日期=None, 身份证号=born_in_june)]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(1, id_number=1), "added": 2, "gone": 2}
    assert doc["added"] == [entry("李明", 3), entry("王梓萱", 4)]
    assert doc["gone"] == [
        entry("李明", 3, file="上学期.xlsx"),
        entry("王梓萱", 4, file="上学期.xlsx"),
    ]
    shown = diff(tmp_path)
    assert shown.exit_code == 0 and shown.stderr == ""
    head = ["班级", "行", "姓名"]
    assert cells(shown.stdout) == [
        ["新增儿童（2 名）"],
        head,
        [C32, "3", "李明"],
        [C32, "4", "王梓萱"],
        ["不在新名册中的儿童（2 名）"],
        head,
        [C32, "3", "李明"],
        [C32, "4", "王梓萱"],
        [SUMMARY.format(2, 2, 0, 1)],
    ]


def test_a_file_of_a_folder_left_out_ends_the_diff_with_exit_1(tmp_path: Path) -> None:
    """Last term's folder holds a file that cannot be read: diff names it in the note that
    promises exit 1 and compares the rest. It exited 0, as if every school were compared."""
    old, new = tmp_path / "上学期", tmp_path / "本学期"
    old.mkdir()
    new.mkdir()
    write_xlsx(old / "青山小学.xlsx", {"花名册": table(OLD)})
    write_xlsx(new / "青山小学.xlsx", {"花名册": table(NEW)})
    (old / "白鹤小学.xlsx").write_bytes(b"PK\x03\x04 not really")
    result = run("diff", "上学期", "本学期", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    assert result.stderr.splitlines() == [
        "提示：未读入（其余文件照常检查，退出码为 1）：上学期/白鹤小学.xlsx "
        "已损坏或不是真正的 Excel 文件（文件不完整，可能在下载或复制时中断：请重新获取原文件）"
    ]
    assert result.json()["summary"] == expected_document(pii=False)["summary"]


def test_who_the_child_is_counted_as_and_the_parents_are_changes(tmp_path: Path) -> None:
    """张雨涵 is an orphan this term (类别 孤儿), now a key target, her gender and birth
    date corrected, her father's and mother's names new: each is a line of the change log.
    None was compared before, and she was counted unchanged."""
    born = dt.date(2016, 5, 1)
    old = [kid(1, 身份证号=None, 类别=None, 重点帮扶对象="否", 父亲姓名="张大军", 母亲姓名="钱秀")]
    new = [
        kid(1, "张雨涵", "男", 身份证号=None, 出生日期=born.replace(day=11), 类别="孤儿",
            重点帮扶对象="是", 父亲姓名="张二军", 母亲姓名="孙红")
    ]  # fmt: skip
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {**all_unchanged(0, name_class=1), "changed": 1}
    assert doc["changed"] == [
        changed(
            "张雨涵",
            2,
            2,
            "name_class",
            change("gender", "性别", "女", "男"),
            change("birth_date", "出生日期", "2016-05-01", "2016-05-11"),
            change("categories", "类别", None, "孤儿"),
            change("key_target", "重点帮扶对象", "否", "是"),
            change("father_name", "父亲姓名", "张大军", "张二军"),
            change("mother_name", "母亲姓名", "钱秀", "孙红"),
        )
    ]


def test_a_birth_date_left_to_the_id_is_no_change(tmp_path: Path) -> None:
    """This term's 出生日期 cell is empty where the ID number gives the same date, and
    last term's said 2016年5月: no change of the child."""
    old = [kid(1, 出生日期="2016年5月")]
    new = [kid(1, 出生日期=None)]
    assert diff_of(tmp_path, old, new)["summary"] == all_unchanged(1, id_number=1)


def test_a_name_and_class_with_birth_dates_apart_are_two_children(tmp_path: Path) -> None:
    """李娜 of 三年级(2)班 last term, born 2015-03-04; this term a 李娜 of the class born
    2016-11-20, another family (address, phones): another child, not the first with her
    family's phones changed. 吴昊's date was corrected (09-12 to 12-09), his family's phones
    the same: one child, his birth date changed."""
    family = {
        "家庭住址": "青山村10组",
        "父亲电话": "13900000080",
        "母亲电话": "13900000081",
        "监护人电话": "13900000082",
    }
    old = [
        kid(1, "李娜", 身份证号=None, 出生日期=dt.date(2015, 3, 4)),
        kid(2, "吴昊", "男", 身份证号=None, 出生日期=dt.date(2015, 9, 12)),
    ]
    new = [
        kid(1, "李娜", 身份证号=None, 出生日期=dt.date(2016, 11, 20), **family),
        kid(2, "吴昊", "男", 身份证号=None, 出生日期=dt.date(2015, 12, 9)),
    ]  # fmt: skip
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == {
        "added": 1,
        "gone": 1,
        "changed": 1,
        "unchanged": 0,
        "matched_by": {"id_number": 0, "name_birth_date": 0, "name_class": 1},
    }
    assert (doc["added"], doc["gone"]) == (
        [entry("李娜", 2)],
        [entry("李娜", 2, file="上学期.xlsx")],
    )
    assert doc["changed"] == [
        changed(
            "吴昊", 3, 3, "name_class", change("birth_date", "出生日期", "2015-09-12", "2015-12-09")
        )
    ]


def test_a_name_in_traditional_characters_is_found_by_name_and_birth_date(
    tmp_path: Path,
) -> None:
    """張偉 last term, 张伟 this term, no ID on either, born the same day, in a class a
    grade up: one child (name and birth date), unchanged, as found by ID she would be. She
    was one child gone and another added."""
    old = [kid(1, "張偉", 身份证号=None)]
    new = [kid(1, "张伟", 身份证号=None, 班级=C42)]
    doc = diff_of(tmp_path, old, new)
    assert doc["summary"] == all_unchanged(1, name_birth_date=1)


def test_categories_in_another_order_or_said_none_are_no_change(tmp_path: Path) -> None:
    """类别 孤儿、残疾 then 残疾、孤儿, 无 then empty, and 重点帮扶对象 否 then empty say the
    same: no change. Each was one (类别 （空） → （空）)."""
    old = [
        kid(1, 类别="孤儿、残疾", 重点帮扶对象="否"),
        kid(2, 类别="无", 重点帮扶对象="否"),
    ]
    new = [
        kid(1, 类别="残疾、孤儿", 重点帮扶对象=None),
        kid(2, 类别=None, 重点帮扶对象=None),
    ]
    assert diff_of(tmp_path, old, new)["summary"] == all_unchanged(2, id_number=2)
