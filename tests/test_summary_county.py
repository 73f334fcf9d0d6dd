"""The county's own table (排查汇总表) in `lbc summary` of several schools: per school and in
total, 未采集 where a school's roster has no column for a group."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from test_forms import REG_HEADER, flat, reg_row, reg_rows
from test_remerged_columns import county as relief_county

from conftest import CHILD_HEADER, W, child_row, make_id, run, write_xlsx


def two_schools(tmp_path: Path) -> Path:
    """青山镇中心小学 on the 2016 form (no 寄宿, 监护情况 or 救助 columns) and 大桥镇中心小学
    on the registration form (all of them)."""
    folder = tmp_path / "各校"
    folder.mkdir()
    july = dt.date(2016, 7, 1)  # other IDs than the registration form's children
    standard = [
        child_row(1, birth=july),
        child_row(2, birth=july, gender="男", 与儿童关系="亲属"),
        child_row(3, birth=july),
    ]
    write_xlsx(
        folder / "a.xlsx",
        {"花名册": [["青山镇中心小学留守儿童花名册"], CHILD_HEADER, *standard]},
    )
    write_xlsx(
        folder / "b.xlsx",
        {"登记表": [["大桥镇中心小学农村留守儿童基本情况登记表"], *flat(REG_HEADER, reg_rows())]},
    )
    return folder


def test_county_table_per_school_and_in_total(tmp_path: Path) -> None:
    folder = two_schools(tmp_path)
    result = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    assert result.exit_code == 0, result.stderr
    table = result.json()["county_table"]
    names = [f"{c['group']}：{c['name']}" for c in table["columns"]]
    assert names == [
        *(f"年龄段：{band}周岁{g}" for band in ("0-5", "6-13", "14-16") for g in "男女"),
        "寄宿情况：寄宿",
        "寄宿情况：不寄宿",
        "实际监护情况：祖父母、外祖父母",
        "实际监护情况：亲戚朋友",
        "实际监护情况：无委托照料人",
        "监护情况：较好",
        "监护情况：一般",
        "监护情况：差",
        *(f"健康状况：{h}" for h in ("健康", "一般或较弱", "重病", "慢性病", "残疾")),
        *(
            f"救助措施：{r}"
            for r in ("建档立卡贫困户", "最低生活保障", "特困供养", "临时救助", "医疗救助")
        ),
        "救助措施：住房救助",
    ]
    n = None  # 未采集
    assert table["rows"] == [
        {
            "school": "青山镇中心小学",
            "counts": [0, 0, 1, 2, 0, 0, n, n, 2, 1, 0, n, n, n, 3, 0, 0, 0, 0, n, n, n, n, n, n],
        },
        {
            "school": "大桥镇中心小学",
            "counts": [0, 0, 0, 3, 0, 0, 1, 2, 3, 0, 0, 3, 0, 0, 2, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0],
        },
        {
            "school": "合计",
            "counts": [0, 0, 1, 5, 0, 0, n, n, 5, 1, 0, n, n, n, 5, 0, 0, 0, 1, n, n, n, n, n, n],
        },
    ]
    done = run("summary", folder, "--term", "2024-autumn")
    markdown = done.stdout
    assert "提示：未设置单位名称（lbc.toml 的 [school] name），总结中以“（单位名称）”代替" in (
        done.stderr.splitlines()
    )
    lines = markdown.splitlines()
    top = lines.index("| 项目 | 青山镇中心小学 | 大桥镇中心小学 | 合计 |")
    assert lines[top + 1 : top + 5] == [
        "|---|---|---|---|",
        "| 年龄段：0-5周岁男 | 0 | 0 | 0 |",
        "| 年龄段：0-5周岁女 | 0 | 0 | 0 |",
        "| 年龄段：6-13周岁男 | 1 | 0 | 1 |",
    ]
    assert "| 寄宿情况：寄宿 | 未采集 | 1 | 未采集 |" in lines
    # The county's summary speaks of its schools, not of 我校 (a school's own summary).
    assert lines[0] == "# （单位名称）2024—2025学年第一学期留守儿童关爱工作总结"
    assert lines[2].startswith("本学期（2024年9月1日至2025年1月31日），各校认真落实")
    assert next(x for x in lines if x.startswith("本学期各校")).startswith(
        "本学期各校在册关爱对象 6 名，其中留守儿童 6 名；"
    )
    assert "我校" not in markdown and "全校" not in markdown


def test_the_merged_roster_sums_up_as_the_schools_files(tmp_path: Path) -> None:
    """The county's figures from its merged workbook or Parquet file are those from the
    schools' own files, to the last 未采集: merged, the 2016-form school read as having
    collected 救助措施 (0 of each) because the registration form's school had."""
    folder = two_schools(tmp_path)
    summary = ["summary", "--term", "2024-autumn", "--format", "json"]
    own = run(*summary, folder)
    for out in (tmp_path / "全县.xlsx", tmp_path / "全县.parquet"):
        assert run("merge", folder, "--out", out).exit_code == 0
        merged = run(*summary, out)
        assert (merged.exit_code, merged.stderr) == (own.exit_code, own.stderr)
        assert merged.json() == own.json(), out


def test_one_school_has_no_county_table(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    result = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert "county_table" not in result.json()
    markdown = run("summary", path, "--term", "2024-autumn").stdout
    assert "县级排查汇总" not in markdown
    assert markdown.startswith("# （学校名称）2024—2025学年第一学期留守儿童关爱工作总结\n")
    assert "本学期我校在册关爱对象 1 名，" in markdown and "各校" not in markdown


def test_county_table_variables_are_documented(tmp_path: Path) -> None:
    """Every path of a county table is listed by `lbc summary --variables`."""
    folder = tmp_path / "各校"
    folder.mkdir()
    for name, n in (("青山镇中心小学", 1), ("白鹤乡中心小学", 2)):
        rows = [[f"{name}留守儿童花名册"], CHILD_HEADER, child_row(n)]
        write_xlsx(folder / f"{n}.xlsx", {"花名册": rows})
    context = run("summary", folder, "--term", "2024-autumn", "--format", "json").json()
    listed = {
        line.split(None, 1)[0]
        for line in run("summary", "--variables").stdout.splitlines()[2:]
        if line.strip()
    }
    table = context["county_table"]
    paths = {"county_table", "county_table.columns[]", "county_table.rows[]"}
    paths |= {f"county_table.columns[].{k}" for k in table["columns"][0]}
    paths |= {f"county_table.rows[].{k}" for k in table["rows"][0]}
    assert paths <= listed


def test_county_table_takes_five_schools_a_table(tmp_path: Path) -> None:
    """Six schools and the total are seven columns: two tables of the 26 categories, so
    that the Word page keeps readable columns; the total comes last."""
    folder = tmp_path / "各校"
    folder.mkdir()
    for n in range(1, 7):
        rows = [[f"第{n}小学留守儿童花名册"], CHILD_HEADER, child_row(n)]
        write_xlsx(folder / f"{n}.xlsx", {"花名册": rows})
    lines = run("summary", folder, "--term", "2024-autumn").stdout.splitlines()
    heads = [line for line in lines if line.startswith("| 项目 |")]
    assert heads == [
        "| 项目 | 第1小学 | 第2小学 | 第3小学 | 第4小学 | 第5小学 |",
        "| 项目 | 第6小学 | 合计 |",
    ]
    assert [line for line in lines if line.startswith(": 县级")] == [
        ": 县级排查汇总（1）",
        ": 县级排查汇总（2）",
    ]

    # In Word: captioned, and the long labels get the wide column, each other column
    # room for at least four characters (未采集 on one line).
    docx = tmp_path / "x.docx"
    out = run("summary", folder, "--term", "2024-autumn", "--format", "docx", "--out", docx)
    assert out.exit_code == 0, out.stderr
    with zipfile.ZipFile(docx) as z:
        body = ET.fromstring(z.read("word/document.xml")).find(f"{W}body")
    children = list(body)
    county = []
    for i, element in enumerate(children):
        if element.tag == f"{W}tbl":
            caption = "".join(t.text or "" for t in children[i - 1].iter(f"{W}t"))
            cols = [int(c.get(f"{W}w")) for c in element.iter(f"{W}gridCol")]
            if "县级" in caption:
                county.append((caption, cols))
    assert [c for c, _ in county] == ["表2　县级排查汇总（1）", "表3　县级排查汇总（2）"]
    # The line leading into them stays on the page of the first.
    (lead,) = [
        p
        for p in children
        if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("县级排查汇总（人")
    ]
    assert lead.find(f"{W}pPr/{W}keepNext") is not None
    for _, (label, *others) in county:
        assert sum([label, *others]) <= 8844  # the text width, 156 mm
        assert all(label > other >= 4 * 280 for other in others)


def test_tables_one_after_another_stay_apart() -> None:
    """A blank line (or any other line) ends a pipe table in the HTML and Word documents:
    the county table and the class table used to run together as one."""
    from lbc.documents.blocks import parse

    blocks = parse(
        "| 项目 | 合计 |\n|---|---|\n| 男 | 1 |\n\n| 班级 | 人数 |\n|---|---|\n| 一 | 2 |"
    )
    assert [(b.kind, b.rows) for b in blocks] == [
        ("table", [["项目", "合计"], ["男", "1"]]),
        ("table", [["班级", "人数"], ["一", "2"]]),
    ]
    after_text = parse("| a |\n|---|\n| 1 |\n说明\n| b |\n|---|\n| 2 |")
    assert [b.kind for b in after_text] == ["table", "p", "table"]


def test_classes_of_several_schools_are_named_with_their_school(tmp_path: Path) -> None:
    """Two schools' 一年级(1)班 are two classes: the county's summary counts and lists each
    under its school, as every class list of a folder does (lbc.reports.classes), never one
    一年级(1)班 of children from both."""
    folder = tmp_path / "各校"
    folder.mkdir()
    one, two = "一年级(1)班", "二年级(1)班"
    schools = {
        "青山镇中心小学": [[*child_row(1, cls=one), None], [*child_row(2, cls=two), "王芳"]],
        "白鹤乡中心小学": [[*child_row(3, cls=one), None], [*child_row(4, cls=one), None]],
    }
    header = [*CHILD_HEADER, "帮扶教师"]
    for n, (name, rows) in enumerate(schools.items()):
        write_xlsx(folder / f"{n}.xlsx", {"花名册": [[f"{name}留守儿童花名册"], header, *rows]})
    records = [["日期", "帮扶教师", "学生姓名", "班级", "类型"]]
    records.append([dt.date(2024, 9, 10), "王芳", "李明轩", two, "谈心"])
    write_xlsx(folder / "记录.xlsx", {"帮扶记录": records})
    result = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    context = result.json()
    assert context["children"]["by_class"] == [
        {"name": "白鹤乡中心小学 一年级(1)班", "count": 2},
        {"name": "青山镇中心小学 一年级(1)班", "count": 1},
        {"name": "青山镇中心小学 二年级(1)班", "count": 1},
    ]
    both = [
        {"class": "白鹤乡中心小学 一年级(1)班", "names": ["王梓萱", "刘浩然"]},
        {"class": "青山镇中心小学 一年级(1)班", "names": ["张雨涵"]},
    ]
    assert context["pairing"]["unpaired"] == both
    assert context["records"]["without_record"] == both
    lines = run("summary", folder, "--term", "2024-autumn").stdout.splitlines()
    assert "| 白鹤乡中心小学 一年级(1)班 | 2 |" in lines
    assert "- 青山镇中心小学 一年级(1)班：张雨涵" in lines


def test_a_child_the_form_gives_no_guardian_is_not_unregistered(tmp_path: Path) -> None:
    """On the 2016 form 父母外出有无委托其他监护人 无, with no guardian named, says the child
    has nobody entrusted (the county table's 无委托照料人): the summary's 按监护情况 says
    so, and keeps 未登记 for a child about whom the roster says nothing."""
    nobody = {"父母外出有无委托其他监护人": "无", "委托监护人姓名": None, "与被监护人关系": None}
    unsaid = {"父母外出有无委托其他监护人": None, "委托监护人姓名": None, "与被监护人关系": None}
    rows = [reg_row(1, "父母双方同时外出", **nobody), reg_row(2, "父母双方同时外出", **unsaid)]
    rows.append(reg_row(3, "父母双方同时外出"))
    path = write_xlsx(tmp_path / "登记表.xlsx", {"登记表": flat(REG_HEADER, rows)})
    result = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert result.json()["children"]["by_guardian"] == [
        {"name": "祖辈监护", "count": 1},
        {"name": "无委托监护人", "count": 1},
        {"name": "未登记", "count": 1},
    ]


def _health_bands(tmp_path: Path, states: dict[str, list[str]]) -> tuple[list[str], dict]:
    """A folder of schools whose children's 健康状况 cells are ``states``: the county
    table's 健康状况 bands, and each school's counts in them (and the total's)."""
    folder = tmp_path / "各校"
    folder.mkdir()
    n = 0
    for school, words in states.items():
        rows = []
        for word in words:
            n += 1
            rows.append(child_row(n, 健康状况=word))
        write_xlsx(
            folder / f"{n}.xlsx", {"花名册": [[f"{school}留守儿童花名册"], CHILD_HEADER, *rows]}
        )
    result = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    table = result.json()["county_table"]
    health = [k for k, c in enumerate(table["columns"]) if c["group"] == "健康状况"]
    names = [table["columns"][k]["name"] for k in health]
    return names, {r["school"]: [r["counts"][k] for k in health] for r in table["rows"]}


def test_county_health_counts_the_words_the_registry_export_writes(tmp_path: Path) -> None:
    """The 学籍 export writes 健康或良好 and 有慢性病, schools 残疾（肢体） or 体弱: each child
    counts in the county table's 健康状况 band its words name, not in none of them."""
    names, counts = _health_bands(
        tmp_path,
        {
            "青山镇中心小学": ["健康或良好", "健康或良好", "有慢性病", "一般或较弱"],
            "白鹤乡中心小学": ["健康", "残疾（肢体）", "体弱", "重病"],
        },
    )
    assert names == ["健康", "一般或较弱", "重病", "慢性病", "残疾"]
    assert counts == {
        "青山镇中心小学": [2, 1, 0, 1, 0],
        "白鹤乡中心小学": [1, 1, 1, 0, 1],
        "合计": [3, 2, 1, 1, 1],
    }


@pytest.mark.parametrize(
    ("states", "counts"),
    [
        # 无残疾, 非残疾 and 无慢性病 counted in the bands they deny, 身体健康无重病 as 重病:
        # what a cell denies names no band; what it says beside does (健康).
        (
            {
                "青山镇中心小学": ["无残疾", "非残疾", "残疾（肢体）"],
                "白鹤乡中心小学": ["无慢性病", "身体健康无重病", "慢性病"],
            },
            [[0, 0, 0, 0, 1], [1, 0, 0, 1, 0], [1, 0, 0, 1, 1]],
        ),
        # A 不 anywhere in the cell put the child in no band: 有慢性病，不能剧烈运动 and
        # 不健康，患慢性病 were not 慢性病. Only a denied 健康 (不健康, 身体不太好) names none.
        (
            {
                "青山镇中心小学": ["有慢性病，不能剧烈运动", "不健康，患慢性病", "不健康"],
                "白鹤乡中心小学": ["身体不太好", "健康，不挑食", "残疾，行走不便"],
            },
            [[0, 0, 0, 2, 0], [1, 0, 0, 0, 1], [1, 0, 0, 2, 1]],
        ),
    ],
    ids=["denied", "not-elsewhere"],
)
def test_county_health_does_not_count_what_a_cell_denies(
    tmp_path: Path, states: dict[str, list[str]], counts: list[list[int]]
) -> None:
    _, got = _health_bands(tmp_path, states)
    assert got == dict(zip([*states, "合计"], counts, strict=True))


def test_a_child_not_left_behind_is_no_child_without_a_carer(tmp_path: Path) -> None:
    """无委托照料人 counts left-behind children nobody was entrusted with; a 非留守 child on
    the roster (its parents at home) is not one, though no guardian is written for it."""
    folder = tmp_path / "各校"
    folder.mkdir()
    home = {"留守类型": "非留守", "监护人姓名": None, "与儿童关系": None, "监护人电话": None}
    alone = {"监护人姓名": None, "与儿童关系": None, "监护人电话": None}
    schools = {
        "青山镇中心小学": [child_row(1, **home), child_row(2)],
        "白鹤乡中心小学": [child_row(3, **alone)],
    }
    for n, (school, rows) in enumerate(schools.items()):
        sheet = [[f"{school}留守儿童花名册"], CHILD_HEADER, *rows]
        write_xlsx(folder / f"{n}.xlsx", {"花名册": sheet})
    result = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    table = result.json()["county_table"]
    k = [c["name"] for c in table["columns"]].index("无委托照料人")
    assert {r["school"]: r["counts"][k] for r in table["rows"]} == {
        "青山镇中心小学": 0,
        "白鹤乡中心小学": 1,
        "合计": 1,
    }


def test_a_category_column_is_no_relief_collected_on_the_merged_roster(tmp_path: Path) -> None:
    """县/青山小学 keeps a 孤儿 column (是 for one child) and no relief or 类别 column;
    县/白鹤小学 a 类别 column (低保 for one child). Over the folder, the county table said
    青山小学's 救助措施 未采集 (and so the total); over the merged workbook, whose 类别 column
    lbc merge fills from the 孤儿 column, it said 0 of each, a school that never asked
    said to have none, and the total 最低生活保障 1 as if every school had counted. Both
    now say 未采集, in the JSON and the document, as the merged Parquet file did."""
    relief_county(tmp_path, nobody=False)
    for out in ("全县.xlsx", "全县.parquet"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 0
    summary = ("summary", "--term", "2024-autumn")
    relief = []
    for source in ("县", "全县.xlsx", "全县.parquet"):
        doc = run(*summary, source, "--format", "json", cwd=tmp_path).json()["county_table"]
        picked = [k for k, c in enumerate(doc["columns"]) if c["group"] == "救助措施"]
        relief.append([(r["school"], [r["counts"][k] for k in picked]) for r in doc["rows"]])
    assert (
        relief[1]
        == relief[2]
        == relief[0]
        == [
            ("白鹤小学", [0, 1, 0, 0, 0, 0]),
            ("青山小学", [None] * 6),
            ("合计", [None] * 6),
        ]
    )
    said = [run(*summary, source, cwd=tmp_path) for source in ("县", "全县.xlsx")]
    assert [(r.exit_code, r.stdout, r.stderr) for r in said[1:]] == [
        (said[0].exit_code, said[0].stdout, said[0].stderr)
    ]
    assert "| 青山小学 |" in said[0].stdout and "未采集" in said[0].stdout


def test_a_column_one_school_lacks_leaves_the_others_archives_complete(tmp_path: Path) -> None:
    """县/青山小学's roster has no 健康状况 column (COL001, an error); 县/白鹤小学's has every
    column. Over the folder the summary said 2 of 4 archives complete, 白鹤小学's; over
    the merged workbook, where the finding names the one merged sheet every school's rows
    are on, it said none, every child of every school wanting a column one school lacks.
    Both now say 2, in the JSON and the document."""
    root = tmp_path / "县"
    for name, rows in (("青山小学", (1, 2)), ("白鹤小学", (3, 4))):
        (root / name).mkdir(parents=True)
        keep = [k for k, h in enumerate(CHILD_HEADER) if h != "健康状况" or name == "白鹤小学"]
        cells = [[CHILD_HEADER[k] for k in keep]]
        cells += [[child_row(n)[k] for k in keep] for n in rows]
        write_xlsx(root / name / "花名册.xlsx", {"花名册": [[f"{name}留守儿童花名册"], *cells]})
    for out in ("全县.xlsx", "全县.parquet"):
        run("merge", "县", "--out", out, cwd=tmp_path)
    summary = ("summary", "--term", "2024-autumn")
    said = [run(*summary, s, cwd=tmp_path) for s in ("县", "全县.xlsx", "全县.parquet")]
    docs = [run(*summary, s, "--format", "json", cwd=tmp_path).json() for s in ("县", "全县.xlsx")]
    assert [d["archive"]["complete"] for d in docs] == [2, 2]
    assert docs[1] == docs[0]
    assert [(r.exit_code, r.stdout) for r in said[1:]] == [(said[0].exit_code, said[0].stdout)] * 2
    assert "有 2 名儿童的档案缺项或有误" in said[0].stdout


def test_each_schools_archives_complete_agree_with_the_total(tmp_path: Path) -> None:
    """The same county, 青山小学 without a 健康状况 column: the summary said 2 of 4 archives
    complete in all, while its table per school gave 青山小学 2 of 2 (建档率 100.0%), the
    missing column counted in the total alone. Each school's now adds up to the total,
    over the folder and the merged workbook."""
    root = tmp_path / "县"
    for name, rows in (("青山小学", (1, 2)), ("白鹤小学", (3, 4))):
        (root / name).mkdir(parents=True)
        keep = [k for k, h in enumerate(CHILD_HEADER) if h != "健康状况" or name == "白鹤小学"]
        cells = [[CHILD_HEADER[k] for k in keep]]
        cells += [[child_row(n)[k] for k in keep] for n in rows]
        write_xlsx(root / name / "花名册.xlsx", {"花名册": [[f"{name}留守儿童花名册"], *cells]})
    run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    for source in ("县", "全县.xlsx"):
        summary = ("summary", "--term", "2024-autumn", source)
        doc = run(*summary, "--format", "json", cwd=tmp_path).json()
        assert [(s["name"], s["complete"], s["complete_rate"]) for s in doc["schools"]] == [
            ("白鹤小学", 2, 1.0),
            ("青山小学", 0, 0.0),
        ], source
        assert doc["archive"]["complete"] == 2
        text = run(*summary, cwd=tmp_path).stdout
        assert "| 青山小学 | 2 | 0.0% | 0.0% |" in text, source


def test_a_category_column_is_one_schools_on_a_roster_merged_again(tmp_path: Path) -> None:
    """县/白鹤小学 keeps a 类别 column (低保 for one child), 县/青山小学 a 孤儿 column only.
    The merged workbook says so school by school (来源列), and the county table gives
    白鹤小学's 最低生活保障 1 and 青山小学's 救助措施 未采集, as the folder does. Merged
    again or exported, every row's 来源文件 is the merged workbook: the columns it kept for
    it were the last school's, and 白鹤小学's 救助措施 was 未采集 too. Each school's columns
    are now kept as its own, merged again, exported to Parquet, to a workbook and to CSV."""
    relief_county(tmp_path, nobody=False)
    assert run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).exit_code == 0
    for command, out in (
        ("merge", "再合并.xlsx"),
        ("merge", "再合并.parquet"),
        ("export", "导出.parquet"),
        ("export", "导出.xlsx"),
        ("export", "导出.csv"),
    ):
        assert run(command, "全县.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    assert run("merge", "再合并.xlsx", "--out", "三合并.xlsx", cwd=tmp_path).exit_code == 0
    summary = ("summary", "--term", "2024-autumn")
    sources = [
        "县",
        "全县.xlsx",
        "再合并.xlsx",
        "再合并.parquet",
        "导出.parquet",
        "导出.xlsx",
        "导出.csv",
    ]
    relief = {}
    for source in [*sources, "三合并.xlsx"]:
        doc = run(*summary, source, "--format", "json", cwd=tmp_path).json()["county_table"]
        picked = [k for k, c in enumerate(doc["columns"]) if c["group"] == "救助措施"]
        relief[source] = [(r["school"], [r["counts"][k] for k in picked]) for r in doc["rows"]]
    expected = [
        ("白鹤小学", [0, 1, 0, 0, 0, 0]),
        ("青山小学", [None] * 6),
        ("合计", [None] * 6),
    ]
    assert relief == dict.fromkeys([*sources, "三合并.xlsx"], expected)
    said = [run(*summary, source, cwd=tmp_path) for source in sources]
    lines = [[line for line in r.stdout.splitlines() if "最低生活保障" in line] for r in said]
    assert lines == [["| 救助措施：最低生活保障 | 1 | 未采集 | 未采集 |"]] * len(sources)


def _spare_and_short(tmp_path: Path, baihe_teachers: list[str]) -> Path:
    """青山小学: three teachers in post and one child (paired with 王芳), more teachers
    than children; 白鹤小学: ``baihe_teachers`` and three children, two paired with 陈红
    and one with nobody."""
    from conftest import TEACHER_HEADER

    root = tmp_path / "县"
    phones = iter(range(13800001111, 13800009999, 1111))

    def teacher(name: str) -> list[str]:
        return [name, "女", str(next(phones)), "教师", "三年级(2)班", "语文", "否", "在岗"]

    schools = {
        "青山小学": ([(1, "王芳")], ["王芳", "李梅", "赵兰"]),
        "白鹤小学": ([(2, "陈红"), (3, "陈红"), (4, None)], baihe_teachers),
    }
    for school, (children, teachers) in schools.items():
        (root / school).mkdir(parents=True)
        rows = [[*child_row(n), who] for n, who in children]
        write_xlsx(
            root / school / "花名册.xlsx",
            {
                "花名册": [[f"{school}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], *rows],
                "教师": [TEACHER_HEADER, *map(teacher, teachers)],
            },
        )
    return root


def _problems(*args: str | Path) -> list[str]:
    result = run("summary", *args, "--term", "2024-autumn", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.json()["problems"]


def test_a_schools_teachers_short_of_their_quota_are_said_though_another_has_spare(
    tmp_path: Path,
) -> None:
    """白鹤小学's 周敏 supports nobody, where 白鹤小学's three children are enough for both
    its teachers (one each, the default quota): a gap, of 白鹤小学, as lbc pair, which gives
    周敏 a child, agrees. Before, the county's four children were held against all five
    teachers' quotas, 青山小学's two spare teachers among them, and nothing was said."""
    root = _spare_and_short(tmp_path, ["陈红", "周敏"])
    teachers_gap = "教师参与不够：有 1 名在岗教师未达到结对帮扶人数要求（白鹤小学 1 名）。"
    assert _problems(root) == ["结对帮扶未全覆盖：有 1 名儿童尚未落实帮扶教师。", teachers_gap]
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    assert _problems(merged) == _problems(root)
    paired = run("pair", root, "--format", "json").json()
    assert [p["teacher"] for p in paired["pairs"] if "白鹤小学" in p["file"]].count("周敏") == 1


def test_a_schools_spare_teachers_are_no_gap_where_it_has_no_children_for_them(
    tmp_path: Path,
) -> None:
    """青山小学's 李梅 and 赵兰 support nobody because 青山小学 has one child, which lbc pair
    says of them (暂无可结对的儿童); 白鹤小学's children are not theirs to support. Before,
    the county's four children against its four teachers made them a gap, and the summary
    asked the county to bring them into pairing."""
    root = _spare_and_short(tmp_path, ["陈红"])
    assert _problems(root) == ["结对帮扶未全覆盖：有 1 名儿童尚未落实帮扶教师。"]
    paired = run("pair", root, "--format", "json").json()
    assert {(x["teacher"], x["why"]) for x in paired["idle_teachers"]} == {
        ("李梅", "暂无可结对的儿童"),
        ("赵兰", "暂无可结对的儿童"),
    }


def _gap_school_teacher_rows(school: str | None) -> list[list[object]]:
    """青山小学's two teachers in post, 王老师 supporting its four children and 李老师 none,
    with ``school`` in a 学校 column (None: no such column)."""
    from conftest import TEACHER_HEADER

    rows = [
        ["王老师", "女", "13800001111", "班主任", "三年级(2)班", "语文", "否", "是"],
        ["李老师", "女", "13800002222", "科任教师", "三年级(2)班", "数学", "否", "是"],
    ]
    if school is None:
        return [TEACHER_HEADER, *rows]
    return [[*TEACHER_HEADER, "学校"], *([*row, school] for row in rows)]


TEACHER_GAP = "教师参与不够：有 1 名在岗教师未达到结对帮扶人数要求。"


def test_teachers_short_are_said_where_the_childrens_sheet_alone_names_the_school(
    tmp_path: Path,
) -> None:
    """One school's roster whose children's sheet has a 学校 column and whose teachers list
    has none is one school, as lbc pair pairs it: 李老师 supports nobody where its four
    children are enough for both teachers. Before, the children were counted as 青山小学's
    and the teachers as of no school, so no school's teachers fell short and the gap the
    pairing section lists 李老师 in went unsaid."""
    children = [[*CHILD_HEADER, "学校", "帮扶教师"]]
    children += [[*child_row(n), "青山小学", "王老师"] for n in (1, 2, 3, 4)]
    roster = write_xlsx(
        tmp_path / "花名册.xlsx", {"花名册": children, "教师": _gap_school_teacher_rows(None)}
    )
    result = run("summary", roster, "--term", "2024-autumn", "--format", "json")
    assert result.exit_code == 0, result.stderr
    said = result.json()
    assert said["pairing"]["teachers_below_quota"] == ["李老师"]
    assert said["problems"] == [TEACHER_GAP]


def test_teachers_short_are_said_in_lbc_inits_workspace_whose_teachers_name_the_school(
    tmp_path: Path,
) -> None:
    """lbc init's roster.xlsx, filled in: its 教师名单 has a 学校 column (青山小学), its
    留守儿童花名册 none. One school, whose teachers short of their quota are a gap, in the
    workspace (lbc.toml naming the school) and for the workbook on its own. Before, the
    children were of no school and the teachers of 青山小学, and the gap went unsaid."""
    from openpyxl import load_workbook

    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    toml = ws / "lbc.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('name = ""', 'name = "青山小学"', 1),
        encoding="utf-8",
    )
    book = load_workbook(ws / "roster.xlsx")
    sheet = book["留守儿童花名册"]
    header = [cell.value for cell in sheet[1]]
    for n in (1, 2, 3, 4):
        cells = {**dict(zip(CHILD_HEADER, child_row(n), strict=True)), "帮扶教师": "王老师"}
        sheet.append([cells.get(label) for label in header])
    staff = book["教师名单"]
    header = [cell.value for cell in staff[1]]
    for row in _gap_school_teacher_rows("青山小学")[1:]:
        cells = dict(zip(_gap_school_teacher_rows("青山小学")[0], row, strict=True))
        staff.append([cells.get(label) for label in header])
    del book["帮扶记录"]  # no records yet: their gaps would outnumber the teachers'
    book.save(ws / "roster.xlsx")
    for args in (["summary"], ["summary", "roster.xlsx"]):
        result = run(*args, "--term", "2024-autumn", "--format", "json", cwd=ws)
        assert result.exit_code == 0, result.stderr
        said = result.json()
        assert said["pairing"]["teachers_below_quota"] == ["李老师"]
        assert said["problems"] == [TEACHER_GAP]


def test_a_passports_number_counts_in_no_age_band(tmp_path: Path) -> None:
    """A child of 青山镇中心小学 whose 身份证件类型 is 护照, her number 18 characters that
    look like an ID's (2016-07-01 inside, 8 in the autumn of 2024), and no 出生日期: her
    age is unknown, so she counts in no 年龄段, not as 6-13 by a date the passport never
    said; a 居民身份证's child counts by the date in hers."""
    folder = tmp_path / "各校"
    folder.mkdir()
    july = dt.date(2016, 7, 1)
    passport = make_id(july, 103)
    schools = {
        "青山镇中心小学": [
            [*child_row(1, 出生日期=None, 身份证号=passport), "护照"],
            [*child_row(2, 出生日期=None, birth=july), "居民身份证"],
        ],
        "大桥镇中心小学": [[*child_row(3, birth=july), "居民身份证"]],
    }
    for n, (school, rows) in enumerate(schools.items()):
        title, header = [f"{school}留守儿童花名册"], [*CHILD_HEADER, "身份证件类型"]
        write_xlsx(folder / f"{n}.xlsx", {"花名册": [title, header, *rows]})
    result = run("summary", folder, "--term", "2024-autumn", "--format", "json")
    assert result.exit_code == 0, result.stderr
    table = result.json()["county_table"]
    assert [c["name"] for c in table["columns"][:6]] == [
        f"{band}周岁{g}" for band in ("0-5", "6-13", "14-16") for g in "男女"
    ]
    assert [(r["school"], r["counts"][:6]) for r in table["rows"]] == [
        ("青山镇中心小学", [0, 0, 0, 1, 0, 0]),
        ("大桥镇中心小学", [0, 0, 0, 1, 0, 0]),
        ("合计", [0, 0, 0, 2, 0, 0]),
    ]
