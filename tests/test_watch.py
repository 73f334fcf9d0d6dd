"""``lbc watch``: the watch list, on a roster in the national registration form's shape built
here and on the samples. Each child of the form below has exactly one reason, so every
criterion is seen to list its child (and the list to lose the child without it); the
weights, threshold and age limit of ``[watch]`` change the list exactly as documented."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_forms import REG_HEADER, letters_of, reg_row

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, make_id, run, write_xlsx
from lbc.roster import background, supervised

HEADER = [*REG_HEADER, "监护人身体状况", "是否孤儿", "帮扶教师"]
GUARDIAN = make_id(dt.date(1985, 6, 1), 301)
FATHER_AWAY = "父母一方外出、另一方无监护能力"  # with only the father's work place filled in


def form_child(n: int, **cells: Any) -> dict[str, Any]:
    """Child ``n`` (named 儿童n) of the registration form: a clean row, a 40-year-old
    guardian, paired with 王芳; ``cells`` override by header."""
    born = dt.date(2016, 5, n)
    base = {
        "序号": n,
        "出生日期": born,
        "公民身份证号码": make_id(born, 100 + 2 * n),
        "姓名": f"儿童{n}",
        "班级": "2班",
        "委托监护人公民身份证号码": GUARDIAN,
        "监护人身体状况": "健康",
        "是否孤儿": "否",
        "帮扶教师": "王芳",
    }
    return reg_row(1, "父母双方同时外出", **{**base, **cells})


# Each child and the one reason it must be listed for (at threshold 1), None for none.
CHILDREN: list[tuple[dict[str, Any], str | None]] = [
    (form_child(1), None),
    (form_child(2, 委托监护人姓名=None), "WCH001"),
    (
        form_child(3, 监护类型="无人监护", 委托监护人姓名=None, 父母外出有无委托其他监护人="无"),
        None,
    ),
    (form_child(4, 监护类型="父或母无监护能力"), "WCH003"),
    (form_child(5, 委托监护人公民身份证号码=make_id(dt.date(1950, 3, 1), 303)), "WCH004"),
    (form_child(6, 监护人身体状况="患病"), "WCH005"),
    (form_child(7, 委托监护人公民身份证号码=make_id(dt.date(2015, 3, 1), 303)), "WCH006"),
    (form_child(8, 身体情况="残疾", 残疾类别及等级="肢体三级"), "WCH007"),
    (form_child(9, 身体情况="患病"), "WCH008"),
    (form_child(10, 是否孤儿="是"), "WCH009"),
    (form_child(11, 就学情况="辍学"), "WCH010"),
    (form_child(12, 是否学校寄宿="是"), "WCH011"),
    (form_child(13, 帮扶教师=None), "WCH012"),
    (form_child(14, 实际监护情况=FATHER_AWAY, 母亲当前务工地点=None, 父亲联系电话=None), "WCH014"),
    (form_child(15), "WCH015"),
    (form_child(16), "WCH016"),
    (form_child(17), "WCH017"),
    (form_child(18), "WCH013"),
]
# Child 3 has no guardian and 无人监护: both reasons, of equal weight, by code.
CHILD_3 = ["WCH001", "WCH002"]
# Last term: child 15 had another guardian, 16 only the father away, 17 another address.
LAST_TERM = {
    15: {"委托监护人姓名": "李阿姨"},
    16: {"实际监护情况": FATHER_AWAY, "母亲当前务工地点": None},
    17: {"现居住地": "四川省南部县青山镇团结村1组"},
}
KEYS = {
    "WCH001": "guardian_name",
    "WCH002": "guardianship_rating",
    "WCH003": "guardianship_rating",
    "WCH004": "guardian_id_number",
    "WCH005": "guardian_health",
    "WCH006": "guardian_id_number",
    "WCH007": "health",
    "WCH008": "health",
    "WCH009": "cat_orphan",
    "WCH010": "enrollment_status",
    "WCH011": "boarding",
    "WCH012": "support_teacher",
    "WCH013": "name",
    "WCH014": "father_phone",
    "WCH015": "guardian_name",
    "WCH016": "left_behind_type",
    "WCH017": "home_address",
}
LABELS = {
    "guardian_name": "委托监护人姓名",
    "guardianship_rating": "监护类型",
    "guardian_id_number": "委托监护人公民身份证号码",
    "guardian_health": "监护人身体状况",
    "health": "身体情况",
    "cat_orphan": "是否孤儿",
    "enrollment_status": "就学情况",
    "boarding": "是否学校寄宿",
    "support_teacher": "帮扶教师",
    "name": "姓名",
    "father_phone": "父亲联系电话",
    "left_behind_type": "实际监护情况",
    "home_address": "现居住地",
}
TODAY = dt.date.today()  # the day the records are dated from; watch is asked as of it
SILENT_DAYS = 60  # child 18's last record is this old; every other child had one yesterday
TEACHERS = [
    TEACHER_HEADER,
    ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
]


def form(path: Path, rows: list[dict[str, Any]]) -> Path:
    """The form, the teachers and a record for each child: yesterday's, child 18's older."""
    records = [
        [TODAY - dt.timedelta(days=SILENT_DAYS if r["姓名"] == "儿童18" else 1), "王芳", r["姓名"]]
        for r in rows
    ]
    return write_xlsx(
        path,
        {
            "登记表": [HEADER, *([r.get(h) for h in HEADER] for r in rows)],
            "教师": TEACHERS,
            "帮扶记录": [
                ["日期", "帮扶教师", "学生姓名", "类型"],
                *[[*r, "谈心"] for r in records],
            ],
        },
    )


@pytest.fixture
def school(tmp_path: Path) -> Path:
    """This term's form, last term's (上学期.xlsx), and an lbc.toml naming this term's."""
    form(tmp_path / "登记表.xlsx", [row for row, _ in CHILDREN])
    before = [{**row, **LAST_TERM.get(n, {})} for n, (row, _) in enumerate(CHILDREN, 1)]
    form(tmp_path / "上学期.xlsx", before)
    settings(tmp_path, "")
    return tmp_path


def settings(folder: Path, text: str) -> None:
    (folder / "lbc.toml").write_text(
        f'[files]\nroster = ["登记表.xlsx"]\n\n{text}\n', encoding="utf-8"
    )


def watch(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = run(
        "watch",
        "--previous",
        "上学期.xlsx",
        "--as-of",
        TODAY.isoformat(),
        *args,
        "--format",
        "json",
        cwd=folder,
    )
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, result.json()


def listed(doc: dict[str, Any]) -> dict[str, list[str]]:
    """Each child on the list, in the list's order, with its reasons' codes in order."""
    return {
        c["name"]: [r["code"] for r in c["reasons"]] for g in doc["classes"] for c in g["children"]
    }


def test_every_reason_lists_its_child_at_its_cell(school: Path) -> None:
    settings(school, "[watch]\nthreshold = 1")
    code, doc = watch(school)
    assert code == 1
    expected = {f"儿童{n}": [c] for n, (_, c) in enumerate(CHILDREN, 1) if c}
    expected["儿童3"] = CHILD_3
    assert sorted(listed(doc).items()) == sorted(expected.items())
    letters = letters_of(HEADER, LABELS)
    for g in doc["classes"]:
        for c in g["children"]:
            n = int(c["name"][2:])
            assert c["row"] == n + 1 and c["sheet"] == "登记表"
            for r in c["reasons"]:
                assert (r["field"], r["column"]) == (KEYS[r["code"]], letters[KEYS[r["code"]]])


def test_reasons_in_words(school: Path) -> None:
    settings(school, "[watch]\nthreshold = 1")
    words = {
        c["name"]: [r["message"] for r in c["reasons"]]
        for g in watch(school)[1]["classes"]
        for c in g["children"]
    }
    assert words["儿童3"] == ["父母均外出，没有委托监护人", "监护类型为无人监护"]
    assert words["儿童4"] == ["监护类型为父或母无监护能力"]
    assert words["儿童5"] == [f"监护人 {age(dt.date(1950, 3, 1))} 岁"]
    assert words["儿童6"] == ["监护人身体状况：患病"]
    assert words["儿童7"] == [f"监护人未成年（{age(dt.date(2015, 3, 1))} 岁）"]
    assert words["儿童9"] == ["患病：患病"]
    assert words["儿童11"] == ["在校状态：辍学"]
    assert words["儿童14"] == ["父亲外出，没有电话"]
    assert words["儿童15"] == ["监护人变了：李阿姨 → 张大爷"]
    assert words["儿童16"] == ["留守类型变了：父亲外出 → 父母均外出"]


def test_the_reasons_are_shared_without_hashing_a_rule(
    school: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each reason found is held once and shared by every child it is said of, looked up
    by its rule's code: a Rule hashes field by field in Python, and a county's children
    have 118,000 reasons. Drawing the list hashes no rule."""
    from lbc.checks import watch as watching
    from lbc.checks.registry import Rule

    hashed: list[str] = []
    drawing, hashing = watching.WatchFacts.__init__, Rule.__hash__

    def counted(self: Rule) -> int:
        hashed.append(self.code)
        return hashing(self)

    def draw(self: Any, *args: Any) -> None:
        Rule.__hash__ = counted  # type: ignore[method-assign]
        try:
            drawing(self, *args)
        finally:
            Rule.__hash__ = hashing  # type: ignore[method-assign]

    monkeypatch.setattr(watching.WatchFacts, "__init__", draw)
    settings(school, "[watch]\nthreshold = 1")
    listed = {
        c["name"]: [r["code"] for r in c["reasons"]]
        for g in watch(school)[1]["classes"]
        for c in g["children"]
    }
    assert listed["儿童3"] == CHILD_3
    assert {name: codes for name, codes in listed.items() if name != "儿童3"} == {
        f"儿童{n}": [code] for n, (_, code) in enumerate(CHILDREN, 1) if code
    }
    assert hashed == []


def test_children_alike_in_a_criterions_cells_are_judged_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Children alike in the cells the child's own criteria read (身体情况, 是否孤儿, 就学情况
    …) are judged once for them all, and so for the guardianship's (监护类型, 监护人身体状况
    …): a county's 100,000 children have a few hundred such combinations, and a Python step
    for each child and criterion was a fifth of drawing their list. Each child is still listed
    with its reasons."""
    from lbc.checks import watch as watching

    judged: list[object] = []
    naming = watching.nz.categories_named

    def counted(value: object) -> tuple[str, ...]:
        if sys._getframe(1).f_globals["__name__"] == watching.__name__:
            judged.append(value)
        return naming(value)

    monkeypatch.setattr(watching.nz, "categories_named", counted)
    rows = [form_child(n, 监护人身体状况="患病", 是否孤儿="是") for n in range(1, 7)]
    form(tmp_path / "登记表.xlsx", rows)
    form(tmp_path / "上学期.xlsx", rows)
    settings(tmp_path, "[watch]\nthreshold = 1")
    code, doc = watch(tmp_path)
    assert code == 1
    assert listed(doc) == {f"儿童{n}": ["WCH009", "WCH005"] for n in range(1, 7)}
    assert len(judged) == 1


def age(born: dt.date) -> int:
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def test_default_threshold_and_the_order_most_urgent_first(school: Path) -> None:
    """At the default threshold 3 a reason of weight 1 or 2 alone lists nobody; children
    come most urgent first (child 3's 5 + 5 before the fives, the fours, the threes)."""
    code, doc = watch(school)
    assert code == 1
    assert list(listed(doc)) == [
        "儿童3",  # 10
        "儿童2",  # 5
        "儿童10",
        "儿童11",
        "儿童4",  # 4
        "儿童7",
        "儿童6",  # 3
        "儿童8",
        "儿童14",
        "儿童18",
    ]
    (group,) = doc["classes"]
    assert (group["class"], group["head_teachers"]) == ("三年级(2)班", ["王芳"])
    assert group["children"][0]["support_teacher"] == "王芳"
    assert group["children"][0]["score"] == 10
    assert doc["summary"] == {"children": 10, "threshold": 3, "schools": [], "untyped": 0}


def test_weights_threshold_and_age_limit_from_lbc_toml(school: Path) -> None:
    settings(school, "[watch]\nthreshold = 5")
    assert list(listed(watch(school)[1])) == ["儿童3", "儿童2", "儿童10", "儿童11"]
    # A weight of 0 drops a criterion; another weight lifts one over the threshold.
    settings(school, "[watch]\nthreshold = 5\n[watch.weights]\nWCH009 = 0\nwch011 = 6")
    assert list(listed(watch(school)[1])) == ["儿童3", "儿童12", "儿童2", "儿童11"]
    # The age limit: at 80 the guardian of 76 is no reason; at 60 the one of 41 is not either.
    settings(school, "[watch]\nthreshold = 1\nguardian_age = 80")
    assert "儿童5" not in listed(watch(school)[1])
    settings(school, f"[watch]\nthreshold = 2\nguardian_age = {age(dt.date(1950, 3, 1))}")
    assert listed(watch(school)[1])["儿童5"] == ["WCH004"]
    # Days without contact, the school's one limit under [quotas]: child 18's last record
    # is 60 days old.
    settings(school, "[quotas]\nmax_days_without_contact = 60\n[watch]\nthreshold = 1")
    assert "儿童18" not in listed(watch(school)[1])
    settings(school, "[quotas]\nmax_days_without_contact = 59\n[watch]\nthreshold = 1")
    assert listed(watch(school)[1])["儿童18"] == ["WCH013"]
    # Nobody reaches the threshold: exit 0 and an empty list.
    settings(school, "[watch]\nthreshold = 100")
    assert watch(school) == (0, watch(school)[1])
    assert listed(watch(school)[1]) == {}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("[watch.weights]\nWCH999 = 1", "WCH999"),
        ("[watch.weights]\nWCH001 = -1", "watch.weights.WCH001"),
        ('[watch]\nthreshold = "high"', "watch.threshold"),
        ("[watch]\nage = 70", "age"),
        ("[watch]\ndays_without_contact = 9", "days_without_contact"),  # it is [quotas]'s
    ],
)
def test_a_mistake_in_watch_settings_is_one_clear_error(school: Path, text: str, word: str) -> None:
    settings(school, text)
    result = run("watch", cwd=school)
    assert result.exit_code == 2 and result.stdout == ""
    assert word in result.stderr and len(result.stderr.splitlines()) == 1


def test_table_csv_and_english(school: Path) -> None:
    table = run("watch", cwd=school)
    assert table.exit_code == 1
    assert "三年级(2)班（班主任：王芳）— 10 人需重点关注" in table.stdout
    assert "共 10 名儿童需重点关注（关注分达到 3）。" in table.stdout
    csv = run("watch", "--format", "csv", cwd=school).stdout.splitlines()
    assert csv[0] == "\ufeff班级,班主任,姓名,帮扶教师,文件,工作表,行,关注分,原因代码,关注原因"
    keys = run("watch", "--format", "csv", "--json-keys", "--no-bom", cwd=school).stdout
    assert keys.splitlines()[0] == (
        "class,head_teacher,name,support_teacher,file,sheet,row,score,codes,reasons"
    )
    assert csv[1] == (
        "三年级(2)班,王芳,儿童3,王芳,登记表.xlsx,登记表,4,10,WCH001;WCH002,"
        "父母均外出，没有委托监护人；监护类型为无人监护"
    )
    english = run("--lang", "en", "watch", cwd=school).stdout
    assert "10 children to watch (score 3 or more)." in english
    assert "nobody looks after the child" in english
    # The reasons in English are parted as English parts them, not by the Chinese ；.
    rows = run("--lang", "en", "watch", "--format", "csv", cwd=school).stdout.splitlines()
    assert rows[1].endswith(
        "WCH001;WCH002,both parents away and no guardian; "
        "监护类型 says 无人监护 (nobody looks after the child)"
    )


def test_the_workbook_says_the_day_the_list_was_drawn_on(school: Path) -> None:
    """A list drawn --as-of a past day (its days without contact counted to that day) says
    that day in its title, as the printed to-do list does: the date it is signed on is
    another day, and the only one it gave."""
    run("watch", "--as-of", "2024-12-20", "--out", "名单.xlsx", cwd=school)
    ws = load_workbook(school / "名单.xlsx").active
    assert ws["A1"].value == "重点关注儿童名单（截至2024年12月20日）"


def test_out_writes_a_printable_owner_only_workbook(school: Path) -> None:
    result = run("watch", "--out", "重点关注名单.xlsx", cwd=school)
    assert result.exit_code == 1
    assert "已写出重点关注名单：重点关注名单.xlsx" in result.stderr
    path = school / "重点关注名单.xlsx"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    ws = load_workbook(path).active
    assert ws.title == "重点关注名单"
    today = dt.date.today()
    assert ws["A1"].value == f"重点关注儿童名单（截至{today.year}年{today.month}月{today.day}日）"
    assert [c.value for c in ws[2]] == [
        "序号",
        "班级",
        "班主任",
        "学生姓名",
        "帮扶教师",
        "关注分",
        "关注原因",
    ]
    assert [c.value for c in ws[3]] == [
        1,
        "三年级(2)班",
        "王芳",
        "儿童3",
        "王芳",
        10,
        "父母均外出，没有委托监护人；监护类型为无人监护",
    ]
    assert ws.max_row == 2 + 10 + 2  # the sign line under the list
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    refused = run("watch", "--out", "登记表.xlsx", cwd=school)
    assert refused.exit_code == 2 and "登记表.xlsx" in refused.stderr
    assert run("watch", "--out", "w.csv", cwd=school).exit_code == 2


def test_the_workbooks_reasons_take_the_pages_room(school: Path, samples: Path) -> None:
    """The reasons, the last column, are as wide as the longest of them, and 2 for the
    cell's padding, where the page has room, past the 40 a column is otherwise held to:
    every reason on one line, each row the default row (15 points). The longest is child
    18's, 48 characters wide besides its last record's month and day (SILENT_DAYS ago)."""
    run("watch", "--out", "名单.xlsx", cwd=school)
    ws = load_workbook(school / "名单.xlsx").active
    last = TODAY - dt.timedelta(days=SILENT_DAYS)
    silent = f"超过 30 天没有谈心或联系（最近一次：{last.year}年{last.month}月{last.day}日）"
    assert ws.column_dimensions["G"].width == 50 + len(f"{last.month}{last.day}")
    heights = {ws.cell(r, 7).value: ws.row_dimensions[r].height for r in range(3, 13)}
    assert heights[silent] == 15
    assert heights["父母均外出，没有委托监护人；监护类型为无人监护"] == 15
    assert heights["孤儿"] == 15


def test_the_workbooks_rows_are_tall_enough_for_their_wrapped_reasons(samples: Path) -> None:
    """Reasons longer than the page has room for (132 characters wide, A4 landscape, the
    other columns 62 of them) are 70 wide: one wider wraps to a second line, and its row
    is two lines of Chinese text tall with the cell's padding (36 points), as LibreOffice
    sets the text (15.3 points a line), not two default rows (30), which cut the second
    line in half on screen and on paper; a row of one line stays the default row."""
    run("watch", "--as-of", "2025-01-10", "--out", "名单.xlsx", cwd=samples)
    ws = load_workbook(samples / "名单.xlsx").active
    widths = [ws.column_dimensions[c].width for c in "ABCDEFG"]
    assert widths == [6, 13, 8, 17, 10, 8, 70]
    heights = {ws.cell(r, 4).value: ws.row_dimensions[r].height for r in range(3, 9)}
    assert ws["G5"].value == (
        "超过 30 天没有谈心或联系（最近一次：无记录）；监护人 78 岁；没有帮扶教师（未填写）"
    )
    assert heights["唐一诺"] == 36
    assert ws["G3"].value == "超过 30 天没有谈心或联系（最近一次：无记录）；没有帮扶教师（未填写）"
    assert heights["吴语桐"] == 15


def test_phones_in_a_reason_are_masked_unless_show_pii(tmp_path: Path) -> None:
    """A changed address that holds a phone number: masked as every printed value is."""
    rows = [form_child(1)]
    form(tmp_path / "登记表.xlsx", rows)
    form(tmp_path / "上学期.xlsx", [form_child(1, 现居住地="幸福村 电话13812345678")])
    settings(tmp_path, "[watch]\nthreshold = 1")
    (message,) = [r["message"] for r in listed_reasons(watch(tmp_path)[1])]
    assert message == "家庭住址变了：幸福村 电话138****5678 → 四川省南部县青山镇幸福村3组"
    shown = run("watch", "--previous", "上学期.xlsx", "--show-pii", "-f", "json", cwd=tmp_path)
    assert "13812345678" in shown.stdout


def listed_reasons(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for g in doc["classes"] for c in g["children"] for r in c["reasons"]]


@pytest.mark.parametrize(
    ("before", "now", "moved"),
    [
        ("成都天府新区华阳街道正东街8号", "四川省成都市天府新区华阳街道正东街8号", False),
        ("湘西州吉首市乾州街道世纪大道5号", "湘西土家族苗族自治州吉首市乾州街道世纪大道5号", False),
        ("凉山州昭觉县竹核乡木渣洛村2组", "凉山彝族自治州昭觉县竹核乡木渣洛村2组", False),
        ("恩施州利川市都亭街道清江社区", "恩施土家族苗族自治州利川市都亭街道清江社区", False),
        ("南充市阆中市千佛镇双河村3组", "广元市阆中市千佛镇双河村3组", True),
        ("湘西州吉首市乾州街道世纪大道5号", "怀化市吉首市乾州街道世纪大道5号", True),
        ("四川省顺庆区阳光小区3栋2单元301", "四川省南充市顺庆区阳光小区3栋2单元301", True),
        ("鼓楼区中山路1号", "南京市鼓楼区中山路1号", True),
        ("重庆市万州区龙驹镇梨树村", "万州区龙驹镇梨树村", False),
    ],
)
def test_an_address_written_short_is_no_reason_one_city_for_another_is(
    tmp_path: Path, before: str, now: str, moved: bool
) -> None:
    """WCH017 as lbc diff says a move: 成都 for 成都市, 湘西州 for 湘西土家族苗族自治州 is
    the same home, no reason to watch the child; 阆中市 of 广元市 for 南充市's, and a
    district with its city one term and without it the other (江苏 has two 鼓楼区), are a
    move, listed."""
    form(tmp_path / "登记表.xlsx", [form_child(1, 现居住地=now)])
    form(tmp_path / "上学期.xlsx", [form_child(1, 现居住地=before)])
    settings(tmp_path, "[watch]\nthreshold = 1")
    reasons = listed_reasons(watch(tmp_path)[1])
    assert [r["code"] for r in reasons] == (["WCH017"] if moved else [])


def test_a_child_who_left_is_not_listed_a_child_not_left_behind_is(tmp_path: Path) -> None:
    """A child 转出 is no longer the school's to watch; a 非留守 child on the roster (an
    orphan, a child in difficulty) is in its care like any other."""
    rows = [
        [*child_row(1, 健康状况="残疾"), "转出"],
        [*child_row(2, 健康状况="残疾", kind="非留守"), "在读"],
        [*child_row(3, 健康状况="残疾"), "在读"],
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [[*CHILD_HEADER, "在校状态"], *rows]})
    result = run("watch", "r.xlsx", "-f", "csv", cwd=tmp_path)
    assert [line.split(",")[2] for line in result.stdout.splitlines()[1:]] == ["李明轩", "王梓萱"]


SAMPLES_LIST = {
    "唐一诺": ["WCH004", "WCH012"],
    "侯雨彤": ["WCH009", "WCH004"],  # the samples' orphan, 非留守
    "邓梦琪": ["WCH004", "WCH012"],
    "赵思琪": ["WCH007"],
    "蒋奕辰": ["WCH005", "WCH012"],
    "杜雪": ["WCH004", "WCH012"],
    "杨睿": ["WCH004", "WCH012"],
    "罗嘉豪": ["WCH014", "WCH012"],
    "任欣然": ["WCH005"],
    "张梓萱": ["WCH005", "WCH004", "WCH012"],
    "胡宇轩": ["WCH005", "WCH004", "WCH012"],  # 李勇 不在岗
    "郑思琪": ["WCH004", "WCH012"],
    "杜浩然": ["WCH010", "WCH004", "WCH012"],
    "任梦琪": ["WCH004", "WCH012"],
    "张皓轩": ["WCH005", "WCH004"],
    "何欣怡": ["WCH014", "WCH012"],
    "郑悦": ["WCH004", "WCH012"],
}


def test_samples(samples: Path) -> None:
    """The samples' list without the days since a record (their records are of 2024), then
    those days counted on 2025-01-10: the children the summary finds without a record."""
    with (samples / "lbc.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[watch.weights]\nWCH013 = 0\n")
    result = run("watch", "--format", "json", cwd=samples)
    assert result.exit_code == 1, result.stderr
    assert listed(result.json()) == SAMPLES_LIST
    (samples / "lbc.toml").write_text(
        (samples / "lbc.toml").read_text(encoding="utf-8").replace("WCH013 = 0", ""),
        encoding="utf-8",
    )

    def silent(limit: int) -> list[tuple[str, str, str]]:
        """The WCH013 reasons on 2025-01-10 with ``limit`` days as the school's limit."""
        toml = samples / "lbc.toml"
        text = toml.read_text(encoding="utf-8")
        toml.write_text(
            re.sub(r"max_days_without_contact = \d+", f"max_days_without_contact = {limit}", text),
            encoding="utf-8",
        )
        doc = run("watch", "--as-of", "2025-01-10", "-f", "json", cwd=samples).json()
        return [
            (g["class"], c["name"], r["message"])
            for g in doc["classes"]
            for c in g["children"]
            for r in c["reasons"]
            if r["code"] == "WCH013"
        ]

    # Days are counted within the school year (2024-09-01 to 2025-01-10 is 132 days, both
    # counted): a limit of 131 lists exactly the children the summary finds without a
    # record, and a limit of 132 nobody, as lbc due counts.
    summary = run("summary", "--term", "2024-autumn", "-f", "json", cwd=samples).json()
    without = [(g["class"], n) for g in summary["records"]["without_record"] for n in g["names"]]
    assert len(without) == 34
    never = silent(131)
    assert sorted((cls, name) for cls, name, _ in never) == sorted(without)
    assert {m for _, _, m in never} == {"超过 131 天没有谈心或联系（最近一次：无记录）"}
    assert silent(132) == []
    # The samples' own 30 days: those, and the children last seen before 2024-12-11.
    month = silent(30)
    assert set(never) < {(cls, name, m.replace("30 天", "131 天")) for cls, name, m in month}
    lasts = [re.search(r"最近一次：(\S+)）", m)[1] for _, _, m in month]  # type: ignore[index]
    days = [re.fullmatch(r"(\d+)年(\d+)月(\d+)日", last) for last in lasts if last != "无记录"]
    assert days and all(d and dt.date(*map(int, d.groups())) < dt.date(2024, 12, 11) for d in days)
    assert len(month) == 34 + sum(last != "无记录" for last in lasts) > 34
    # With last term's roster and threshold 2, the guardian and 留守类型 that changed list
    # 袁涛 and 王文博.
    with (samples / "lbc.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[watch]\nthreshold = 2\n")
    result = run("watch", "--previous", "上学期/roster.xlsx", "-f", "json", cwd=samples)
    found = listed(result.json())
    assert found["袁涛"][-1:] == ["WCH015"] and found["王文博"][-1:] == ["WCH016"]


def test_samples_registration_form(samples: Path) -> None:
    result = run(
        "watch", "--as-of", "2024-11-01", "--format", "json", cwd=samples / "大桥镇中心小学"
    )
    assert result.exit_code == 1, result.stderr
    assert listed(result.json()) == {
        "冯婧": ["WCH006"],
        "刘静怡": ["WCH007"],
        "杜嘉豪": ["WCH001", "WCH002"],
        "黄心怡": ["WCH014", "WCH004"],
        "罗晓雪": ["WCH004", "WCH011"],
        "何语桐": ["WCH004", "WCH011"],
        "张佳慧": ["WCH003"],
        "侯欣然": ["WCH002", "WCH011"],
        "刘浩轩": ["WCH004", "WCH008"],
    }


def test_samples_registration_form_gives_every_reason_the_form_can(samples: Path) -> None:
    """大桥镇中心小学 with last term's form: every reason the form's columns can say fires
    (not WCH005, WCH009, WCH012, WCH013: the form has no 监护人身体状况, 孤儿 or 帮扶教师
    column and the school no support records), each added child for its own reason."""
    school = samples / "大桥镇中心小学"
    args = ("--as-of", "2024-11-01", "--previous", "上学期/roster.xlsx", "-f", "json")
    result = run("watch", *args, cwd=school)
    assert result.exit_code == 1, result.stderr
    pairs = {
        (c["row"], r["code"])
        for g in result.json()["classes"]
        for c in g["children"]
        for r in c["reasons"]
    }
    assert {code for _, code in pairs} == {
        f"WCH{n:03d}" for n in (1, 2, 3, 4, 6, 7, 8, 11, 14, 15, 16, 17)
    }
    added = {
        (14, "WCH001"),
        (16, "WCH003"),
        (9, "WCH006"),
        (20, "WCH008"),
        (11, "WCH015"),
        (21, "WCH016"),
        (20, "WCH017"),
    }
    rows = {row for row, _ in added}
    # 杜嘉豪 (14) has no one, so 无人监护 too; the guardians of 蒲欣妍 (11) and 刘浩轩 (20)
    # are 70 or older, and 何梓涵 (21) boards.
    others = {(14, "WCH002"), (11, "WCH004"), (20, "WCH004"), (21, "WCH011")}
    assert {p for p in pairs if p[0] in rows} == added | others
    # samples/DEFECTS.md names the same rows.
    text = (samples / "DEFECTS.md").read_text(encoding="utf-8")
    for row, code in added:
        assert f"| {code} | {row} |" in text


def one_place(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    forked: bool,
    kids: list[tuple[int, str, int, str]],
) -> None:
    """r.xlsx: the children ``kids`` (conftest's child n, class, guardian's age and health;
    both parents away for child 2, the father for the others) and 王芳, head teacher of
    三年级(2)班. ``forked``: the watch list drawn and the schools solved in children of the
    command (lbc.roster.background), as for a county's roster."""
    if forked and not supervised.CAN_FORK:
        pytest.skip("the platform cannot fork")
    monkeypatch.setattr(background, "WORTH_FORKING", 1 if forked else 10**9)
    header = [*CHILD_HEADER, "监护人年龄", "监护人身体状况"]
    rows = [
        [*child_row(n, cls=cls, kind="父母均外出" if n == 2 else "父亲外出"), age, health]
        for n, cls, age, health in kids
    ]
    staff = [
        TEACHER_HEADER,
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows], "教师": staff})


@pytest.mark.parametrize("forked", [False, True])
def test_pairing_gives_a_child_on_the_list_a_teacher_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    """One place, three children: the head teacher of 李明轩's class would take 李明轩 (the
    closest pair, and a priority child: both parents away) but for 王梓萱, whose old, sick
    guardian puts her on the watch list (``forked``: see one_place)."""
    one_place(
        tmp_path,
        monkeypatch,
        forked,
        [
            (1, "三年级(1)班", 40, "健康"),
            (2, "三年级(2)班", 40, "健康"),
            (3, "三年级(1)班", 75, "患病"),
        ],
    )
    (tmp_path / "lbc.toml").write_text("[pairing]\nmax_per_teacher = 1\n", encoding="utf-8")
    result = run("pair", "r.xlsx", "--format", "csv", "--out", "结对.xlsx", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    pairs = [line.split(",")[:6] for line in result.stdout.splitlines()[1:]]
    assert pairs[0] == ["王梓萱", "三年级(1)班", "r.xlsx", "花名册", "4", "王芳"]
    assert [p[0] for p in pairs[1:]] == ["张雨涵", "李明轩"]  # unpaired
    ws = load_workbook(tmp_path / "结对.xlsx")["结对名单"]
    assert [c.value for c in ws[3]][2:6] == ["王梓萱", "女", "父亲外出", "重点关注"]
    # Without the list (its threshold out of reach) the closest pair wins.
    (tmp_path / "lbc.toml").write_text(
        "[pairing]\nmax_per_teacher = 1\n[watch]\nthreshold = 99\n", encoding="utf-8"
    )
    result = run("pair", "r.xlsx", "--format", "csv", cwd=tmp_path)
    assert result.stdout.splitlines()[1].split(",")[:6] == [
        "李明轩",
        "三年级(2)班",
        "r.xlsx",
        "花名册",
        "3",
        "王芳",
    ]


@pytest.mark.parametrize("forked", [False, True])
def test_pairing_gives_the_more_urgent_child_on_the_list_a_teacher_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    """One place, two children on the watch list: 张雨涵, of the head teacher's own class,
    whose guardian is old, and 王梓萱, whose guardian is old and ill as well. The more urgent
    takes the place, although the other is the closer pair and listed first."""
    one_place(
        tmp_path,
        monkeypatch,
        forked,
        [(1, "三年级(2)班", 75, "健康"), (3, "三年级(1)班", 75, "患病")],
    )
    (tmp_path / "lbc.toml").write_text(
        "[pairing]\nmax_per_teacher = 1\n[watch]\nthreshold = 1\n", encoding="utf-8"
    )
    watch = run("watch", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    scores = {c["name"]: c["score"] for g in watch["classes"] for c in g["children"]}
    assert scores == {"张雨涵": 2, "王梓萱": 5}
    result = run("pair", "r.xlsx", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    doc = result.json()
    assert [(p["child"], p["teacher"]) for p in doc["pairs"]] == [("王梓萱", "王芳")]
    assert [u["child"] for u in doc["unpaired"]] == ["张雨涵"]


def test_a_roster_without_left_behind_type_is_refused_not_listed_empty(tmp_path: Path) -> None:
    write_xlsx(
        tmp_path / "r.xlsx",
        {
            "花名册": [
                ["姓名", "班级", "监护人电话", "身份证号"],
                ["张三", "三年级(2)班", None, None],
            ]
        },
    )
    result = run("watch", "r.xlsx", cwd=tmp_path)
    assert result.exit_code == 2 and result.stdout == ""
    assert "没有“留守类型”列" in result.stderr


def test_a_support_teacher_not_in_post_is_no_support_teacher(tmp_path: Path) -> None:
    """The summary and lbc due count a child paired only with a teacher in post on the
    teachers list; the watch list says the same (WCH012), and why."""
    teachers = [TEACHER_HEADER]
    teachers.append(["王芳", "女", "13900000001", "教师", "三年级(2)班", "语文", "否", "是"])
    teachers.append(["李勇", "男", "13900000002", "教师", "三年级(2)班", "数学", "否", "否"])
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    for n, teacher in enumerate(["王芳", "李勇", "赵敏", None], 1):
        kids.append([*child_row(n), teacher])
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": teachers})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[watch]\nthreshold = 1\n', encoding="utf-8"
    )
    watch = run("watch", "--as-of", "2024-10-08", "--format", "json", cwd=tmp_path).json()
    said = {
        c["support_teacher"]: [r["message"] for r in c["reasons"] if r["code"] == "WCH012"]
        for g in watch["classes"]
        for c in g["children"]
    }
    assert said == {
        "李勇": ["没有帮扶教师（李勇 不在岗）"],
        "赵敏": ["没有帮扶教师（赵敏 不在教师名单中）"],
        None: ["没有帮扶教师（未填写）"],
    }
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    unpaired = [n for g in summary["pairing"]["unpaired"] for n in g["names"]]
    assert len(unpaired) == len(said) == 3


def test_an_away_parents_phone_cell_that_is_no_number_is_said_so(tmp_path: Path) -> None:
    """A mother's phone cell of 已停机 (or 空号) is no number to call: the watch list says
    so, and does not say she has no phone when the cell is written, nor echo the cell. A
    cell of two numbers gives two to call: she is reachable (李明轩 is not on the list)."""
    kids = [CHILD_HEADER]
    for n, cell in enumerate([None, "13912345678 13612345678", "已停机"], 1):
        kids.append(child_row(n, kind="母亲外出", 母亲电话=cell))
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[watch]\nthreshold = 1\n', encoding="utf-8"
    )
    watch = run("watch", "--as-of", "2024-10-08", "--format", "json", cwd=tmp_path).json()
    said = [
        (c["name"], [r["message"] for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ]
    assert said == [
        ("张雨涵", ["母亲外出，没有电话"]),
        ("王梓萱", ["母亲外出，电话一栏不是可拨打的号码"]),
    ]


def test_records_that_count_for_no_one_are_said_beside_the_list(tmp_path: Path) -> None:
    """Two 张伟 in two classes; a talk by a teacher paired with neither names 张伟 with no
    class (twice), one visit has no date. lbc watch listed both as never contacted
    (WCH013) and said nothing of the three records, where lbc due said both things. Now
    lbc watch says them too, as lbc due does; with WCH013 weighed 0 it says nothing. A
    talk dated 11月12日, without its year, is of the term of --as-of for both: 三年级(2)班's
    张伟 was talked with."""
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    kids.append([*child_row(1, name="张伟"), "王芳"])
    kids.append([*child_row(2, name="张伟", gender="男", cls="四年级(1)班"), "李强"])
    records = [
        ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"],
        [dt.date(2024, 11, 10), "陈静", "张伟", None, "谈心", "谈学习"],
        [dt.date(2024, 11, 11), "陈静", "张伟", None, "谈心", "谈学习"],
        [None, "李强", "张伟", "四年级(1)班", "家访", "入户"],
        ["11月12日", "王芳", "张伟", "三年级(2)班", "谈心", "谈生活"],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "帮扶记录": records})
    watch = run("watch", path, "--as-of", "2024-11-30", "--format", "json")
    assert watch.exit_code == 1
    listed = [
        (c["name"], [r["code"] for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ]
    assert [(g["class"], listed[0]) for g in watch.json()["classes"]] == [
        ("四年级(1)班", ("张伟", ["WCH013"]))
    ]
    due = run("due", path, "--as-of", "2024-11-30")
    assert (
        watch.stderr
        == due.stderr
        == (
            "提示：2 条帮扶记录写的学生对不上花名册上的一名儿童（花名册中没有这个名字，"
            "或有同名儿童而没有写明班级），没有计入；请按 lbc validate 所指（REC002、REC003）改正\n"
            f"提示：1 条帮扶记录写了学生却没有填日期（首个在 {path} 的“帮扶记录”第 4 行），"
            "不在任何学期，没有计入；请按 lbc validate 所指（REQ001）补填日期\n"
        )
    )
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[watch.weights]\nWCH013 = 0\n', encoding="utf-8"
    )
    quiet = run("watch", "--as-of", "2024-11-30", "--format", "json", cwd=tmp_path)
    assert (quiet.exit_code, quiet.stderr, quiet.json()["summary"]["children"]) == (0, "", 0)


def health_reasons(tmp_path: Path, cells: list[tuple[str, str]]) -> dict[int, list[tuple]]:
    """Each listed child's row and reasons (code, words) at threshold 1, of a roster with
    one child per (健康状况, 监护人身体状况) pair of ``cells``."""
    kids = [[*CHILD_HEADER, "监护人身体状况"]]
    for n, (child, guardian) in enumerate(cells, 1):
        kids.append([*child_row(n, 健康状况=child), guardian])
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[watch]\nthreshold = 1\n', encoding="utf-8"
    )
    watch = run("watch", path, "--as-of", "2024-10-08", "--format", "json", cwd=tmp_path)
    return {
        c["row"]: [(r["code"], r["message"]) for r in c["reasons"]]
        for g in watch.json()["classes"]
        for c in g["children"]
    }


def test_a_health_cell_that_denies_an_illness_is_no_reason(tmp_path: Path) -> None:
    """A school writes what a child or guardian does not have: 无病, 无残疾, 非残疾,
    健康，无疾病; 身体好无病, 无重大疾病, 不差. Each was read for the word in it (病, 残疾,
    差): 无残疾 put a child on the list as disabled (WCH007, 3), 无重大疾病 as having a
    guardian in poor health (WCH005, 3). What a cell denies is no reason; what it says
    beside (患病，无法劳动; 身体非常差), or after denying something else (无业患病: out of
    work and ill), still is."""
    cells = [
        ("无病", "健康"),
        ("无残疾", "身体好无病"),
        ("非残疾", "无重大疾病"),
        ("健康，无疾病", "不差"),
        ("肢体残疾", "健康"),
        ("健康", "患病，无法劳动"),
        ("患病，无其他残疾", "身体非常差"),
        ("健康", "无业患病"),
    ]
    assert health_reasons(tmp_path, cells) == {
        6: [("WCH007", "残疾")],
        7: [("WCH005", "监护人身体状况：患病,无法劳动")],
        8: [("WCH005", "监护人身体状况：身体非常差"), ("WCH008", "患病：患病,无其他残疾")],
        9: [("WCH005", "监护人身体状况：无业患病")],
    }


def test_a_health_cell_naming_the_illness_or_disability_is_a_reason(tmp_path: Path) -> None:
    """Schools write the condition itself: 智力障碍, 脑瘫 and 肢残 are disabilities, 哮喘,
    癫痫 and 自闭症 illnesses, with no 残疾 or 病 in them; a guardian 瘫痪在床, 身体不好 or
    with 高血压 is in poor health. Each was no reason, and the child off the list; 一般,
    良好 and 较弱 still say nothing ill."""
    cells = [
        ("智力障碍", "良好"),
        ("脑瘫", "一般"),
        ("肢残", "健康"),
        ("哮喘", "健康"),
        ("癫痫", "健康"),
        ("自闭症", "健康"),
        ("健康", "瘫痪在床"),
        ("良好", "身体不好"),
        ("一般或较弱", "高血压"),
        ("较弱", "身体还好"),
    ]
    assert health_reasons(tmp_path, cells) == {
        2: [("WCH007", "残疾")],
        3: [("WCH007", "残疾")],
        4: [("WCH007", "残疾")],
        5: [("WCH008", "患病：哮喘")],
        6: [("WCH008", "患病：癫痫")],
        7: [("WCH008", "患病：自闭症")],
        8: [("WCH005", "监护人身体状况：瘫痪在床")],
        9: [("WCH005", "监护人身体状况：身体不好")],
        10: [("WCH005", "监护人身体状况：高血压")],
    }


def test_the_workbook_masks_numbers_typed_into_a_reason_as_the_terminal_does(
    tmp_path: Path,
) -> None:
    """A guardian's name or an address that carries a phone or an ID number (李阿姨137…,
    房东电话138…) is quoted in a reason; the printed list masks them as the terminal does,
    and --show-pii shows them there too."""
    moved = "镇上租房 房东电话13812349999 身份证511321199001011234"
    before = child_row(1, 家庭住址="幸福村3组", 监护人姓名="张大爷")
    now = child_row(1, 家庭住址=moved, 监护人姓名="李阿姨13712340000")
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": [CHILD_HEADER, before]})
    write_xlsx(tmp_path / "roster.xlsx", {"花名册": [CHILD_HEADER, now]})
    said = {}
    for shown, extra in (("masked", []), ("whole", ["--show-pii"])):
        out = tmp_path / f"{shown}.xlsx"
        args = ["watch", "roster.xlsx", "--previous", "上学期.xlsx", "--out", out.name, *extra]
        assert run(*args, "--as-of", "2024-10-10", cwd=tmp_path).exit_code == 1
        said[shown] = load_workbook(out).active["G3"].value
    assert said["masked"] == (
        "监护人变了：张大爷 → 李阿姨137****0000；"
        "家庭住址变了：幸福村3组 → 镇上租房 房东电话138****9999 身份证511321********1234"
    )
    assert (
        said["whole"]
        == f"监护人变了：张大爷 → 李阿姨13712340000；家庭住址变了：幸福村3组 → {moved}"
    )


def test_a_guardian_who_is_an_away_parent_is_no_guardian(tmp_path: Path) -> None:
    """Both parents are away and the 监护人 the roster names is the father (与儿童关系 父亲),
    or the mother by name: nobody at home looks after the child (WCH001), which the list
    did not say. With one parent away, the other at home as guardian is a guardian; so is
    the county's 实际监护情况 naming the grandparents (row 6)."""
    header = [*CHILD_HEADER, "母亲姓名", "实际监护情况"]
    rows = [
        [*child_row(1, 监护人姓名="张建国", 与儿童关系="父亲"), "李芳", None],
        [*child_row(2, 监护人姓名="李芳", 与儿童关系="亲属"), "李芳", None],
        [*child_row(3, kind="父亲外出", 监护人姓名="李芳", 与儿童关系="母亲"), "李芳", None],
        [*child_row(4), "李芳", None],
        [*child_row(5, 监护人姓名="张建国", 与儿童关系="父亲"), "李芳", "祖父母、外祖父母"],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": [header, *rows]})
    watch = run("watch", path, "--format", "json", cwd=tmp_path)
    assert [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ] == [
        (2, [("WCH001", "父母均外出，没有委托监护人")]),
        (3, [("WCH001", "父母均外出，没有委托监护人")]),
    ]
    # validate says it of the same rows, at the guardian's cell (CON007), by the same test.
    valid = run("validate", path, "--select", "CON", "--format", "json", cwd=tmp_path)
    assert valid.exit_code == 0, valid.stderr
    assert [
        (f["code"], f["severity"], f["row"], f["column"], f["message"])
        for f in valid.json()["findings"]
    ] == [
        (
            "CON007",
            "warning",
            r,
            "L",
            "父母均外出，监护人却是外出的父亲或母亲：没有登记在家照看孩子的人",
        )
        for r in (2, 3)
    ]


def test_a_child_on_two_rows_keeps_what_either_row_says_of_it(tmp_path: Path) -> None:
    """张雨涵 is on 一班 (after 李明轩) with nothing wrong, and again on 二班 (one ID number:
    DUP001) as 孤儿 and 患病. The lists read the first row; what the second says of the
    child is not lost: she is on the watch list, and paired before 李明轩."""
    header = [*CHILD_HEADER, "类别"]
    first = [*child_row(1, kind="非留守", 监护人姓名=None, 与儿童关系=None, 监护人电话=None), None]
    other = [*child_row(2, kind="非留守"), None]
    again = [*child_row(1, kind="非留守", 健康状况="患病"), "孤儿"]
    staff = [
        TEACHER_HEADER,
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
    ]
    sheets = {"一班": [header, other, first], "二班": [header, again], "教师": staff}
    path = write_xlsx(tmp_path / "roster.xlsx", sheets)
    watch = run("watch", path, "--format", "json", cwd=tmp_path)
    assert watch.exit_code == 1, watch.stderr  # children on the list
    assert [
        (c["sheet"], c["row"], c["score"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ] == [
        (
            "一班",
            3,
            7,
            [("WCH009", "孤儿（见二班第 2 行）"), ("WCH008", "患病：患病（见二班第 2 行）")],
        )
    ]
    pair = run("pair", path, "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in pair.json()["pairs"]] == [("张雨涵", "王芳")]


def test_a_reason_from_a_childs_second_row_points_at_that_row(tmp_path: Path) -> None:
    """张雨涵 is on 一班's row 3 with nothing wrong but her missing support teacher, and on
    二班's row 5 (one ID number: DUP001) as 孤儿 and 患哮喘, 二班's sheet laid out
    otherwise (类别 in A). The watch list takes those reasons from the second row but
    pointed at the kept row's 一班 row 3, at the column letters of 一班's sheet: each now
    points at the cell it was read from, and says the row."""
    header = [*CHILD_HEADER, "帮扶教师", "类别"]
    first = [*child_row(1), None, None]
    other = [*child_row(2), "王芳", None]
    again = child_row(1, 健康状况="哮喘")
    moved = [["二班名单"], [], ["类别", *CHILD_HEADER], ["留守"], ["孤儿", *again]]
    staff = [
        TEACHER_HEADER,
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
    ]
    sheets = {"一班": [header, other, first], "二班": moved, "教师": staff}
    write_xlsx(tmp_path / "roster.xlsx", sheets)
    watch = run("watch", "roster.xlsx", "--format", "json", cwd=tmp_path)
    assert watch.exit_code == 1, watch.stderr
    ((child,),) = [g["children"] for g in watch.json()["classes"]]
    assert (child["sheet"], child["row"]) == ("一班", 3)
    assert [
        (r["code"], r["field"], r["file"], r["sheet"], r["row"], r["column"], r["message"])
        for r in child["reasons"]
    ] == [
        ("WCH009", "categories", "roster.xlsx", "二班", 5, "A", "孤儿（见二班第 5 行）"),
        ("WCH008", "health", "roster.xlsx", "二班", 5, "H", "患病：哮喘（见二班第 5 行）"),
        ("WCH012", "support_teacher", "roster.xlsx", "一班", 3, "O", "没有帮扶教师（未填写）"),
    ]


def test_a_guardians_age_in_years_and_no_age_slip_of_typing(tmp_path: Path) -> None:
    """监护人年龄 72周岁 (as ages are written) is 72, on the list as a guardian of 70 or
    more (WCH004), not VAL001 and nothing; 14, a sibling looking after the child, is under
    18 (WCH006); but 5, 150 and a birth year 1950 are slips of typing that validate asks
    mended (VAL003), no age, and no reason for the list: 1950 was a guardian of 70 or more,
    and 5 one under 18. An age given roughly, as a grandparent's often is (约75, 七十岁左右),
    is that age (it was VAL001, and no reason); 70多 (anything from 70 to 79) is asked for
    as a number."""
    ages = ["72周岁", 14, 5, 150, "1950", "约75", "七十岁左右", "70多"]
    rows = [[*child_row(n), age] for n, age in enumerate(ages, 1)]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [[*CHILD_HEADER, "监护人年龄"], *rows]})
    (tmp_path / "lbc.toml").write_text("[watch]\nthreshold = 1\n", encoding="utf-8")
    doc = run("watch", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in doc["classes"]
        for c in g["children"]
    ] == [
        (3, [("WCH006", "监护人未成年（14 岁）")]),
        (2, [("WCH004", "监护人 72 岁")]),
        (7, [("WCH004", "监护人 75 岁")]),
        (8, [("WCH004", "监护人 70 岁")]),
    ]
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["row"]) for f in found] == [
        ("VAL003", 3),
        ("VAL003", 4),
        ("VAL003", 5),
        ("VAL003", 6),
        ("VAL001", 9),
    ]


def watched_alone(folder: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The watch list of a form of ``rows``, last term's alike, each reason enough alone."""
    form(folder / "登记表.xlsx", rows)
    form(folder / "上学期.xlsx", rows)
    settings(folder, "[watch]\nthreshold = 1")
    return watch(folder)[1]


def test_nobody_looking_after_a_child_in_other_words_lists_her(tmp_path: Path) -> None:
    """A guardian's name written 无人监护 or 独自生活, a 监护类型 of 无人看管, 无人监护（父母外出）
    or 很差: each was read as a guardian's name or an unreadable rating, and the child, whom
    nobody looks after or looks after badly, was not on the list."""
    rows = [
        form_child(1, 委托监护人姓名="无人监护"),
        form_child(2, 委托监护人姓名="独自生活"),
        form_child(3, 监护类型="无人看管"),
        form_child(4, 监护类型="无人监护（父母外出）"),
        form_child(5, 监护类型="很差"),
    ]
    doc = watched_alone(tmp_path, rows)
    assert sorted(listed(doc).items()) == [
        ("儿童1", ["WCH001"]),
        ("儿童2", ["WCH001"]),
        ("儿童3", ["WCH002"]),
        ("儿童4", ["WCH002"]),
        ("儿童5", ["WCH003"]),
    ]


def test_a_denied_condition_or_the_childs_own_id_is_no_reason(tmp_path: Path) -> None:
    """残疾：无 in 身体情况 or 监护人身体状况 was read as 残疾 (WCH007, WCH005); the child's own
    ID number copied into the guardian's made an 8-year-old guardian (WCH006). Each put the
    child on the list by itself; none is a reason now, while 残疾：肢体三级 still is."""
    own = make_id(dt.date(2016, 5, 3), 106)
    rows = [
        form_child(1, 身体情况="残疾：无"),
        form_child(2, 监护人身体状况="残疾：无，身体健康"),
        form_child(3, 委托监护人公民身份证号码=own),
        form_child(4, 身体情况="患病：否"),
        form_child(5, 身体情况="残疾：肢体三级"),
    ]
    doc = watched_alone(tmp_path, rows)
    assert listed(doc) == {"儿童5": ["WCH007"]}


def test_a_disability_boarding_or_frail_guardian_in_other_words_is_a_reason(
    tmp_path: Path,
) -> None:
    """聋哑, 失明, 智力低下 and 唐氏综合征 said no disability (WCH007), 年老体弱 no guardian in
    poor health (WCH005), 寄宿生 and 是（周末回家） no boarding (WCH011); 色盲 is none."""
    rows = [
        form_child(1, 身体情况="聋哑"),
        form_child(2, 身体情况="双目失明"),
        form_child(3, 身体情况="智力低下"),
        form_child(4, 身体情况="唐氏综合征"),
        form_child(5, 监护人身体状况="年老体弱"),
        form_child(6, 是否学校寄宿="寄宿生"),
        form_child(7, 是否学校寄宿="是（周末回家）"),
        form_child(8, 身体情况="色盲"),
    ]
    doc = watched_alone(tmp_path, rows)
    assert sorted(listed(doc).items()) == [
        ("儿童1", ["WCH007"]),
        ("儿童2", ["WCH007"]),
        ("儿童3", ["WCH007"]),
        ("儿童4", ["WCH007"]),
        ("儿童5", ["WCH005"]),
        ("儿童6", ["WCH011"]),
        ("儿童7", ["WCH011"]),
    ]


def test_an_elderly_guardians_id_stored_as_a_number_still_tells_her_age(tmp_path: Path) -> None:
    """A guardian's ID number Excel keeps as a number (5.11321195003013E+17) has lost its
    last digits, not her birth date: she is 74, as the same ID as text says (WCH004)."""
    old = make_id(dt.date(1950, 3, 1), 303)
    rows = [form_child(1, 委托监护人公民身份证号码=float(old[:15] + "000"))]
    doc = watched_alone(tmp_path, rows)
    assert listed(doc) == {"儿童1": ["WCH004"]}


def test_a_guardians_birth_year_alone_says_an_aged_or_young_guardian(tmp_path: Path) -> None:
    """A guardian's 出生日期 written as a year alone (1950, 1950年) was unreadable, and a
    guardian of 75 was no reason on the list. The year is read for the age it leaves
    sure: a guardian born in 1956 may be 69 on 2026-06-01, so is not said aged; one born
    in 2010 is 16 at most, under 18. The child's own birth year (2016) is hers, not the
    guardian's, and a year giving no age a guardian can be (2026, 1900) is no age. The
    card gives the age the list does."""
    header = [*CHILD_HEADER, "监护人出生日期", "帮扶教师"]
    years = [(1, "1950"), (2, "1950年"), (3, 2010), (4, "1956"), (5, "1985")]
    years += [(6, "2016"), (7, "2026"), (8, "1900")]  # the child's own year; no age
    rows = [[*child_row(n), born, "王芳"] for n, born in years]
    write_xlsx(tmp_path / "登记表.xlsx", {"花名册": [header, *rows], "教师": TEACHERS})
    settings(tmp_path, "[watch]\nthreshold = 1")
    result = run("watch", "--as-of", "2026-06-01", "--format", "json", cwd=tmp_path)
    listed = [
        (c["name"], [(r["code"], r["column"] + str(r["row"]), r["message"]) for r in c["reasons"]])
        for x in result.json()["classes"]
        for c in x["children"]
    ]
    assert listed == [
        ("王梓萱", [("WCH006", "O4", "监护人未成年（16 岁）")]),
        ("张雨涵", [("WCH004", "O2", "监护人 75 岁")]),
        ("李明轩", [("WCH004", "O3", "监护人 75 岁")]),
    ]
    cards = run("cards", "--out", "c.html", cwd=tmp_path)
    assert cards.exit_code == 0, cards.stderr
    ages = re.findall(r"年龄：([^　<]*)", (tmp_path / "c.html").read_text(encoding="utf-8"))
    today, blank = dt.date.today(), "＿＿＿＿＿＿"

    def youngest(year: int) -> str:  # the card's is today's, as the list's is --as-of's
        age = today.year - year - ((today.month, today.day) < (12, 31))
        return str(age) if age >= 10 and age + 1 <= 120 else blank

    shown = [youngest(y) for y in (1950, 1950, 2010, 1956, 1985)]
    assert ages == [*shown, blank, youngest(2026), blank]
