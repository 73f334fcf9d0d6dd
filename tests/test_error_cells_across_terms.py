"""Cells showing a formula's error (a failed VLOOKUP's #N/A) in last term's roster or this
term's: no change of the child to watch or to count in the summary, and no class to print
in the change log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from test_error_cells import roster

from conftest import CHILD_HEADER, child_row, run

ADDRESS = "四川省南部县青山镇幸福村3组"


def test_a_cell_showing_na_in_either_term_is_no_change_to_watch(tmp_path: Path) -> None:
    """张雨涵's guardian and address, on file last term, show #N/A this term; 李明轩's
    guardian, 留守类型 and address showed #N/A last term and are filled in now. The watch
    list said 张雨涵's guardian changed "张大爷 → #N/A" and her address too, and 李明轩's
    "#N/A → 张大爷", each change weighed as a new guardian, a new home: both were listed. A
    cell showing an error says nothing of who the guardian is (VAL007 says the cell), so
    neither is a change; 王梓萱's new guardian and address are. 张雨涵, both parents away, has
    no guardian named this term: listed for that alone (WCH001)."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 4)]
    roster(tmp_path / "上学期.xlsx", {"L3": "#N/A", "I3": "#N/A", "H3": "#N/A"}, rows)
    rows[2] = child_row(3, birth=dt.date(2016, 3, 3), 监护人姓名="李阿姨", 家庭住址="青山镇租房")
    roster(tmp_path / "本学期.xlsx", {"L2": "#N/A", "H2": "#N/A"}, rows)
    args = ("本学期.xlsx", "--previous", "上学期.xlsx", "--format", "json")
    watch = run("watch", *args, "--as-of", "2024-10-01", cwd=tmp_path)
    assert watch.exit_code == 1, watch.stderr
    assert [
        (c["row"], c["name"], c["score"], [r["message"] for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ] == [
        (2, "张雨涵", 5, ["父母均外出，没有委托监护人"]),
        (4, "王梓萱", 3, ["监护人变了：张大爷 → 李阿姨", f"家庭住址变了：{ADDRESS} → 青山镇租房"]),
    ]
    summary = run("summary", *args, "--term", "2024-autumn", cwd=tmp_path)
    assert (summary.json()["watch"]["start"], summary.json()["watch"]["end"]) == (0, 2)


def test_a_class_showing_na_is_no_class_in_the_change_log(tmp_path: Path) -> None:
    """张雨涵's class shows #N/A in both terms, 李明轩's last term (he has gone), 王梓萱's
    #REF! (she is new). lbc diff printed the error as each one's class, where every other
    list names no class; the text, JSON, CSV and the workbook now leave it blank, as of an
    empty class cell."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 4)]
    roster(tmp_path / "上学期.xlsx", {"F2": "#N/A", "F3": "#N/A"}, rows[:2])
    new = [child_row(1, birth=dt.date(2016, 1, 3), 监护人姓名="李阿姨"), rows[2]]
    roster(tmp_path / "本学期.xlsx", {"F2": "#N/A", "F3": "#REF!"}, new)
    args = ("diff", "上学期.xlsx", "本学期.xlsx")
    text = run(*args, "--out", "变更记录.xlsx", cwd=tmp_path)
    assert text.exit_code == 0, text.stderr
    assert [line.rstrip() for line in text.stdout.splitlines()] == [
        "新增儿童（1 名）",
        "",
        "  班级   行   姓名",
        " ────────────────────",
        "         3    王梓萱",
        "",
        "不在新名册中的儿童（1 名）",
        "",
        "  班级   行   姓名",
        " ────────────────────",
        "         3    李明轩",
        "",
        "信息变更（1 名）",
        "",
        "  班级   行   姓名     字段         变更              对应依据",
        " ──────────────────────────────────────────────────────────────",
        "         2    张雨涵   监护人姓名   张大爷 → 李阿姨   身份证号",
        "",
        "新增 1 名，不在新名册 1 名，信息变更 1 名，未变 0 名",
    ]
    doc = run(*args, "--format", "json", cwd=tmp_path).json()
    assert [(c["class"], c["child"]) for key in ("added", "gone", "changed") for c in doc[key]] == [
        ("", "王梓萱"),
        ("", "李明轩"),
        ("", "张雨涵"),
    ]
    assert run(*args, "--format", "csv", cwd=tmp_path).stdout.splitlines() == [
        "\ufeff变化（代码）,变化,儿童,班级,文件,工作表,行,对应依据（代码）,对应依据,字段,变更项目,原内容,现内容",
        "added,新增,王梓萱,,本学期.xlsx,花名册,3,,,,,,",
        "gone,不在新名册,李明轩,,上学期.xlsx,花名册,3,,,,,,",
        "changed,信息变更,张雨涵,,本学期.xlsx,花名册,2,id_number,身份证号,guardian_name,监护人姓名,张大爷,李阿姨",
    ]
    book = load_workbook(tmp_path / "变更记录.xlsx")
    assert [[list(r) for r in ws.iter_rows(min_row=2, values_only=True)] for ws in book] == [
        [[1, None, "王梓萱", "花名册", 3]],
        [[1, None, "李明轩", "花名册", 3]],
        [[1, None, "张雨涵", 2, "监护人姓名", "张大爷", "李阿姨", "身份证号"]],
    ]


def test_a_class_typed_like_na_is_the_class_typed_in_the_change_log(tmp_path: Path) -> None:
    """A class cell typed " #N/A" (text, with a space: CLS001, not VAL007) read trimmed as
    the formula's error, and lbc diff left each such child's class blank, as of a cell
    showing one, though the 变更 column beside it said the class " #N/A" as typed. 张雨涵's
    class is typed so this term, 李明轩's last term (he has gone), 王梓萱's this term (she
    is new): each is named in the class typed, in every output; 刘浩然's cell shows #N/A
    (an error cell), which is still no class."""
    born = {n: dt.date(2016, n, 3) for n in range(1, 5)}
    old = [child_row(1, birth=born[1]), child_row(2, birth=born[2], 班级=" #N/A")]
    old.append(child_row(4, birth=born[4]))
    new = [child_row(1, birth=born[1], 班级=" #N/A"), child_row(3, birth=born[3], 班级=" #N/A")]
    new.append(child_row(4, birth=born[4], 健康状况="哮喘"))
    roster(tmp_path / "上学期.xlsx", {}, old)
    roster(tmp_path / "本学期.xlsx", {"F4": "#N/A"}, new)
    args = ("diff", "上学期.xlsx", "本学期.xlsx")
    text = run(*args, "--out", "变更记录.xlsx", cwd=tmp_path)
    assert text.exit_code == 0, text.stderr
    assert [line.rstrip() for line in text.stdout.splitlines()] == [
        "新增儿童（1 名）",
        "",
        "  班级   行   姓名",
        " ────────────────────",
        "  #N/A   3    王梓萱",
        "",
        "不在新名册中的儿童（1 名）",
        "",
        "  班级   行   姓名",
        " ────────────────────",
        "  #N/A   3    李明轩",
        "",
        "信息变更（2 名）",
        "",
        "  班级   行   姓名     字段       变更                                         对应依据",
        " " + "─" * 87,
        "  #N/A   2    张雨涵   班级       三年级(2)班 →  #N/A                          身份证号",
        "         4    刘浩然   班级       三年级(2)班 → #N/A（公式出错，内容已丢失）   身份证号",
        "         4    刘浩然   健康状况   健康 → 哮喘                                  身份证号",
        "",
        "新增 1 名，不在新名册 1 名，信息变更 2 名，未变 0 名",
    ]
    doc = run(*args, "--format", "json", cwd=tmp_path).json()
    assert [(c["class"], c["child"]) for key in ("added", "gone", "changed") for c in doc[key]] == [
        ("#N/A", "王梓萱"),
        ("#N/A", "李明轩"),
        ("#N/A", "张雨涵"),
        ("", "刘浩然"),
    ]
    assert run(*args, "--format", "csv", cwd=tmp_path).stdout.splitlines()[1:] == [
        "added,新增,王梓萱,#N/A,本学期.xlsx,花名册,3,,,,,,",
        "gone,不在新名册,李明轩,#N/A,上学期.xlsx,花名册,3,,,,,,",
        "changed,信息变更,张雨涵,#N/A,本学期.xlsx,花名册,2,id_number,身份证号,class,班级,"
        "三年级(2)班, #N/A",
        "changed,信息变更,刘浩然,,本学期.xlsx,花名册,4,id_number,身份证号,class,班级,"
        "三年级(2)班,#N/A（公式出错，内容已丢失）",
        "changed,信息变更,刘浩然,,本学期.xlsx,花名册,4,id_number,身份证号,health,健康状况,健康,哮喘",
    ]
    book = load_workbook(tmp_path / "变更记录.xlsx")
    assert [[list(r)[:3] for r in ws.iter_rows(min_row=2, values_only=True)] for ws in book] == [
        [[1, "#N/A", "王梓萱"]],
        [[1, "#N/A", "李明轩"]],
        [[1, "#N/A", "张雨涵"], [2, None, "刘浩然"], [3, None, "刘浩然"]],
    ]
    # The class "#N/A" is written as the text it is, not as an error cell.
    assert {ws.cell(2, 2).data_type for ws in book} == {"s"}


def test_a_cell_showing_na_in_either_term_is_no_change_in_the_summary(tmp_path: Path) -> None:
    """Last term every guardian's cell showed #N/A (and 张雨涵's address); this term the
    formula is mended, 李明轩's ID shows #N/A (he is found by name and birth date) and
    王梓萱's address #REF!; only 刘浩然 has moved. The summary said "信息变更 10 名（身份证号
    1 人，家庭住址 3 人，监护人姓名 10 人）" in every format, where lbc diff says each error
    as one and the watch list counts none: a value lost is no change of the child. A note
    says the 13 changes of 10 children left out (张雨涵's two once among the children)."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 11)]
    errors = {f"L{r}": "#N/A" for r in range(2, 12)}
    roster(tmp_path / "上学期.xlsx", {**errors, "H2": "#N/A"}, rows)
    rows[3] = child_row(4, birth=dt.date(2016, 4, 3), 家庭住址="青山镇租房")
    roster(tmp_path / "本学期.xlsx", {"D3": "#N/A", "H4": "#REF!"}, rows)
    args = ("summary", "本学期.xlsx", "--previous", "上学期.xlsx", "--term", "2024-autumn")
    line = "与上学期相比，新增 0 名，转出或离校 0 名，信息变更 1 名（家庭住址 1 人）。"
    note = (
        "提示：有 10 名儿童的 13 项信息在上学期或本学期显示公式错误（如 #N/A），"
        "其变化未计入信息变更，详见 lbc diff"
    )
    md = run(*args, cwd=tmp_path)
    assert md.exit_code == 0, md.stderr
    assert line in md.stdout.splitlines()
    assert note in md.stderr.splitlines()
    as_json = run(*args, "--format", "json", cwd=tmp_path)
    assert note in as_json.stderr.splitlines()
    assert as_json.json()["changes"] == {
        "added": 0,
        "left": 0,
        "changed": 1,
        "by_field": [{"name": "家庭住址", "count": 1}],
        "matched_by_id": 9,
        "matched_by_name_birth": 1,
        "matched_by_name_class": 0,
    }
    assert run(*args, "--out", "总结.docx", cwd=tmp_path).exit_code == 0
    assert line in [p.text for p in Document(str(tmp_path / "总结.docx")).paragraphs]
    diff = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path).json()
    assert (len(diff["changed"]), sum(len(m["changes"]) for m in diff["changed"])) == (10, 14)


def test_a_county_summary_counts_no_address_showing_na_as_moved(tmp_path: Path) -> None:
    """Two schools' folders, this term's and last term's: two children moved house, one of
    青山小学 and one of 白鹤小学, and two more addresses show #N/A, this term in one school and
    last term in the other. The county's summary said "家庭住址 4 人"; it says 2, and a note
    (in English with --lang en) says the two left out."""
    for term, errors in (("上学期", ("", "H3")), ("本学期", ("H3", ""))):
        for school, first, error in zip(("青山小学", "白鹤小学"), (1, 6), errors, strict=True):
            rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(first, first + 5)]
            if term == "本学期":
                rows[-1] = child_row(first + 4, birth=dt.date(2016, first + 4, 3), 家庭住址="租房")
            roster(tmp_path / term / school / "花名册.xlsx", {error: "#N/A"} if error else {}, rows)
    args = ("summary", "本学期", "--previous", "上学期", "--term", "2024-autumn")
    md = run(*args, cwd=tmp_path)
    assert md.exit_code == 0, md.stderr
    line = "与上学期相比，新增 0 名，转出或离校 0 名，信息变更 2 名（家庭住址 2 人）。"
    assert line in md.stdout.splitlines()
    as_json = run("--lang", "en", *args, "--format", "json", cwd=tmp_path)
    changes = as_json.json()["changes"]
    assert (changes["changed"], changes["by_field"]) == (2, [{"name": "家庭住址", "count": 2}])
    assert (
        "note: 2 children have 2 details showing a formula's error (such as #N/A) last term or "
        "this term, whose changes are not counted among details changed; see lbc diff"
    ) in as_json.stderr.splitlines()


def test_a_summary_says_ids_showing_na_throughout_as_diff_does(tmp_path: Path) -> None:
    """Every 身份证号 cell of this term's roster shows #N/A: lbc diff says its IDs were not
    compared, and exits 1; lbc summary --previous said nothing, its changes matched by name
    and birth date as if by ID. It now says so on stderr, in every format (in English with
    --lang en), its exit status the summary's."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 5)]
    roster(tmp_path / "上学期.xlsx", {}, rows)
    roster(tmp_path / "本学期.xlsx", {f"D{r}": "#N/A" for r in range(2, 6)}, rows)
    args = ("summary", "本学期.xlsx", "--previous", "上学期.xlsx", "--term", "2024-autumn")
    note = (
        "提示：本学期名册 本学期.xlsx“花名册”，身份证号一栏只有公式出错的格（4 格，首格第 2 行："
        "#N/A），与上学期相比的变化未按身份证号对应儿童；请按 lbc validate（VAL007）改正"
    )
    for fmt in ("md", "json"):
        result = run(*args, "--format", fmt, cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
        assert [line for line in result.stderr.splitlines() if "身份证号" in line] == [note]
    english = run("--lang", "en", *args, "--format", "json", cwd=tmp_path)
    assert [line for line in english.stderr.splitlines() if "ID number" in line] == [
        "note: this term's roster 本学期.xlsx sheet '花名册': its ID number column holds only "
        "cells showing a formula's error (4 cells, the first in row 2: #N/A), so the changes "
        "since last term were not matched by ID number; correct them as lbc validate says "
        "(VAL007)"
    ]
    assert english.json()["changes"]["matched_by_name_birth"] == 4
    last = ("summary", "上学期.xlsx", "--previous", "上学期.xlsx", "--term", "2024-autumn")
    clean = run(*last, cwd=tmp_path)
    assert "身份证号一栏" not in clean.stderr


def test_ids_showing_na_against_an_empty_id_column_are_not_said(tmp_path: Path) -> None:
    """Last term's roster has a 身份证号 column its school never filled in; this term's
    IDs all show #N/A. diff said they were not compared and exited 1, though no ID could
    have been compared: it says nothing and exits 0, as against a roster without the
    column, and so does the summary; last term's IDs showing #N/A too are said."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 5)]
    blank = [child_row(n, birth=dt.date(2016, n, 3), 身份证号=None) for n in range(1, 5)]
    roster(tmp_path / "上学期.xlsx", {}, blank)
    errors = {f"D{r}": "#N/A" for r in range(2, 6)}
    roster(tmp_path / "本学期.xlsx", errors, rows)
    result = run("diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "新增 0 名，不在新名册 0 名，信息变更 0 名，未变 4 名\n"
    args = ("本学期.xlsx", "--previous", "上学期.xlsx", "--term", "2024-autumn")
    summary = run("summary", *args, "--format", "json", cwd=tmp_path)
    assert "身份证号一栏" not in summary.stderr
    roster(tmp_path / "上学期.xlsx", errors, rows)
    both = run("diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    assert both.exit_code == 1
    assert [line.split("，")[0] for line in both.stderr.splitlines()] == [
        "提示：上学期名册 上学期.xlsx“花名册”",
        "提示：本学期名册 本学期.xlsx“花名册”",
    ]


def test_the_change_log_workbook_words_each_side_as_diff_prints_it(tmp_path: Path) -> None:
    """One wording of a side for every output: 张雨涵's ID shows #N/A this term, 李明轩's
    年级, and 王梓萱's ID was a number cell last term whose kept digits are not hers. The
    workbook (whole values) says each side as lbc diff --show-pii prints it, word for word."""
    header = [*CHILD_HEADER[:5], "年级", "班级", *CHILD_HEADER[6:]]
    rows = []
    for n in range(1, 4):
        row = child_row(n, birth=dt.date(2016, n, 3))
        rows.append([*row[:5], "三年级", "2班", *row[6:]])
    before = [*rows[:2], [*rows[2][:3], int(rows[2][3][:-4] + "1999"), *rows[2][4:]]]
    roster(tmp_path / "上学期.xlsx", {}, before, header)
    roster(tmp_path / "本学期.xlsx", {"D2": "#N/A", "F3": "#N/A"}, rows, header)
    args = ("diff", "上学期.xlsx", "本学期.xlsx")
    doc = run(*args, "--format", "json", "--show-pii", cwd=tmp_path).json()
    said = [(c["old"], c["new"]) for m in doc["changed"] for c in m["changes"]]
    assert said == [
        ("511321201601031022", "#N/A（公式出错，内容已丢失）"),
        ("三年级(2)班", "2班（年级显示 #N/A，公式出错，年级已丢失）"),
        ("511321201603032000（存成数字，末几位已丢失，读不出）", "511321201603031069"),
    ]
    assert run(*args, "--out", "变更.xlsx", cwd=tmp_path).exit_code == 0
    book = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [row[5:7] for row in book.iter_rows(min_row=2, values_only=True)] == said


def test_text_typed_like_an_error_is_a_change_like_any_other(tmp_path: Path) -> None:
    """Last term's 张雨涵's ID, 李明轩's name and five of 王梓萱's cells were typed " #N/A",
    with a space: text, which validate says is no 留守类型 (VAL001), not a formula's error
    (VAL007). lbc diff said each "#N/A（公式出错，内容已丢失）" in every output, and the
    summary left them out of 信息变更 as values lost; 王梓萱's " #N/A" → " #REF!" was two
    errors. Each is said as typed, never masked (" #***", or a phone said empty), and
    counted; 刘浩然's cells, which show the error, are still said and left out as errors."""
    header = [*CHILD_HEADER, "帮扶教师"]
    typed = {"班级": " #N/A", "留守类型": " #N/A", "监护人姓名": " #N/A", "父亲电话": " #N/A"}

    def row(n: int, teacher: str = "王芳", **cells: object) -> list[object]:
        return [*child_row(n, birth=dt.date(2016, n, 3), **cells), teacher]

    old = [row(1, 身份证号=" #N/A"), row(2, 姓名=" #N/A"), row(3, " #N/A", **typed), row(4)]
    errors = {f"{c}5": "#N/A" for c in "DFIJLO"}  # 刘浩然's ID, class … teacher
    roster(tmp_path / "上学期.xlsx", errors, old, header)
    new = [row(1), row(2), row(3, 留守类型=" #REF!"), row(4)]
    roster(tmp_path / "本学期.xlsx", {}, new, header)
    args = ("diff", "上学期.xlsx", "本学期.xlsx")
    doc = run(*args, "--format", "json", cwd=tmp_path)
    assert doc.exit_code == 0, doc.stderr
    lost = "#N/A（公式出错，内容已丢失）"
    fields = ["id_number", "class", "left_behind_type", "guardian_name", "father_phone"]
    assert [
        (m["child"], c["field"], c["old"], c["new"])
        for m in doc.json()["changed"]
        for c in m["changes"]
    ] == [
        ("张雨涵", "id_number", " #N/A", "511321********1022"),
        ("李明轩", "name", " #N/A", "李明轩"),
        ("王梓萱", "class", " #N/A", "三年级(2)班"),
        ("王梓萱", "left_behind_type", " #N/A", " #REF!"),
        ("王梓萱", "guardian_name", " #N/A", "张大爷"),
        ("王梓萱", "father_phone", " #N/A", "138****5678"),
        ("王梓萱", "support_teacher", " #N/A", "王芳"),
        *(("刘浩然", key, lost, new) for key, new in zip(fields, [
            "511321********1087", "三年级(2)班", "父母均外出", "张大爷", "138****5678"
        ], strict=True)),
        ("刘浩然", "support_teacher", lost, "王芳"),
    ]  # fmt: skip
    assert run(*args, "--out", "变更.xlsx", cwd=tmp_path).exit_code == 0
    book = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [
        (r[4].value, r[5].value, r[5].data_type, r[6].value)
        for r in book.iter_rows(min_row=2, max_row=8)
    ] == [
        ("身份证号", " #N/A", "s", "511321201601031022"),
        ("姓名", " #N/A", "s", "李明轩"),
        ("班级", " #N/A", "s", "三年级(2)班"),
        ("留守类型", " #N/A", "s", " #REF!"),
        ("监护人姓名", " #N/A", "s", "张大爷"),
        ("父亲电话", " #N/A", "s", "13812345678"),
        ("帮扶教师", " #N/A", "s", "王芳"),
    ]
    summary = run(
        "summary", "本学期.xlsx", "--previous", "上学期.xlsx", "--term", "2024-autumn",
        "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert summary.exit_code == 0, summary.stderr
    counted = ["姓名", "身份证号", "班级", "留守类型", "监护人姓名", "父亲电话", "帮扶教师"]
    assert summary.json()["changes"]["by_field"] == [{"name": n, "count": 1} for n in counted]
    assert summary.json()["changes"]["changed"] == 3
    assert (
        "提示：有 1 名儿童的 6 项信息在上学期或本学期显示公式错误（如 #N/A），"
        "其变化未计入信息变更，详见 lbc diff"
    ) in summary.stderr.splitlines()


def test_ids_all_typed_like_an_error_are_compared(tmp_path: Path) -> None:
    """Last term every 身份证号 was typed " #N/A", with a space: text (validate says ID001
    of each), not a formula's error. lbc diff and the summary said the column held only
    cells showing one, to be mended by VAL007, and compared no ID: every child unchanged.
    Each ID filled in is a change, said as typed; a column whose cells show the error is
    still said and left out."""
    new = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 4)]
    old = [child_row(n, birth=dt.date(2016, n, 3), 身份证号=" #N/A") for n in range(1, 4)]
    roster(tmp_path / "上学期.xlsx", {}, old)
    roster(tmp_path / "本学期.xlsx", {}, new)
    roster(tmp_path / "出错.xlsx", {f"D{r}": "#N/A" for r in range(2, 5)}, new)
    diff = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path)
    assert (diff.exit_code, diff.stderr) == (0, "")
    changed = diff.json()["changed"]
    assert [(m["child"], c["old"], c["new"]) for m in changed for c in m["changes"]] == [
        ("张雨涵", " #N/A", "511321********1022"),
        ("李明轩", " #N/A", "511321********1040"),
        ("王梓萱", " #N/A", "511321********1069"),
    ]
    args = ("summary", "本学期.xlsx", "--term", "2024-autumn", "--format", "json")
    summary = run(*args, "--previous", "上学期.xlsx", cwd=tmp_path)
    assert summary.json()["changes"]["by_field"] == [{"name": "身份证号", "count": 3}]
    assert "公式出错" not in summary.stderr
    errors = run("diff", "出错.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path)
    assert (errors.exit_code, errors.json()["changed"]) == (1, [])
    assert errors.stderr == (
        "提示：上学期名册 出错.xlsx“花名册”，身份证号一栏只有公式出错的格（3 格，首格第 2 行："
        "#N/A），未比较身份证号；请按 lbc validate（VAL007）改正后重新比较；退出码为 1\n"
    )


def test_a_child_of_no_id_whose_grade_shows_na_is_found_in_her_class_as_written(
    tmp_path: Path,
) -> None:
    """No IDs or birth dates, and 张雨涵's and 李明轩's 年级 shows #N/A in both terms, their
    班级 saying 2班: no class could be read, so diff said each gone and added again. The
    same name and the same unread class text, on one row each side, are one child, as a
    readable class is; 王梓萱, whose class text differs (3班), is still gone and added."""
    header = [*CHILD_HEADER[:5], "年级", "班级", *CHILD_HEADER[6:]]

    def rows(third: str) -> list[list[object]]:
        out = []
        for n, cls in ((1, "2班"), (2, "2班"), (3, third)):
            row = child_row(n, 身份证号=None, 出生日期=None)
            out.append([*row[:5], "三年级", cls, *row[6:]])
        return out

    errors = {"F2": "#N/A", "F3": "#N/A", "F4": "#N/A"}
    roster(tmp_path / "上学期.xlsx", errors, rows("2班"), header)
    roster(tmp_path / "本学期.xlsx", errors, rows("3班"), header)
    result = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path)
    doc = result.json()
    assert [c["child"] for c in doc["added"]] == [c["child"] for c in doc["gone"]] == ["王梓萱"]
    assert doc["changed"] == []
    assert doc["summary"]["unchanged"] == 2
