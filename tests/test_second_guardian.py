"""A roster with two sets of guardian columns (监护人… then 委托监护人…), a school filling
one or the other for each child: only the first was read, so a child whose 委托监护人
cells were filled and 监护人 cells empty was said to have no guardian (flag listed her,
her card was blank). The second set is read where the first is empty on the row, as one
person, and a finding about a cell it gave points at that cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import NAMES, card_page, make_id, run, write_xlsx
from lbc.output.privacy import Privacy

HEADER = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "留守类型", "父亲电话",
          "母亲电话", "监护人姓名", "与儿童关系", "监护人电话", "委托监护人姓名",
          "委托监护人与儿童关系", "委托监护人电话"]  # fmt: skip
NOTE = (
    "提示：r.xlsx 的“花名册”另有监护人的列，前面的监护人没填的才读这几列："
    "委托监护人姓名(M)、委托监护人与儿童关系(N)、委托监护人电话(O)\n"
)


def _row(n: int, first: list[object], second: list[object]) -> list[object]:
    born = make_id(dt.date(2015, 3, 4), 100 + 2 * n)
    parents = [f"138000000{n}1", f"139000000{n}2"]
    return [NAMES[n], "女", born, "三年级(1)班", "健康", "青山村", "父母均外出", *parents,
            *first, *second]  # fmt: skip


def _roster(tmp_path: Path) -> Path:
    """张雨涵: the second set only; 李明轩: the first only; 王梓萱: neither; 刘浩然: the
    first's name and no phone, the second's phone (not hers: another person's); 陈思彤:
    the second set, its phone her father's (CON009 at O); 杨子墨: the second set, its
    phone unreadable (PHN001 at O)."""
    none = [None, None, None]
    rows = [
        _row(0, none, ["张大爷", "祖父", "13700000003"]),
        _row(1, ["李奶奶", "祖母", "13700000013"], none),
        _row(2, none, none),
        _row(3, ["刘奶奶", "祖母", None], [None, None, "13700000033"]),
        _row(4, none, ["陈爷爷", "祖父", "13800000041"]),
        _row(5, none, ["杨爷爷", "祖父", "1370000"]),
    ]
    return write_xlsx(tmp_path / "r.xlsx", {"花名册": [HEADER, *rows]})


def test_a_second_guardian_is_read_where_the_first_is_empty(tmp_path: Path) -> None:
    _roster(tmp_path)
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path)
    listed = [(c["name"], c["missing"]) for x in flag.json()["classes"] for c in x["children"]]
    assert listed == [
        (NAMES[2], ["guardian_name", "guardian_relation", "guardian_phone"]),
        (NAMES[3], ["guardian_phone"]),
        (NAMES[4], ["guardian_phone"]),
        (NAMES[5], ["guardian_phone"]),
    ]
    assert flag.stderr == NOTE
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["column"] + str(f["row"]), f["value"]) for f in found] == [
        ("CON001", "J4", None),
        ("CON001", "K4", None),
        ("CON001", "L4", None),
        ("CON001", "L5", None),
        ("CON009", "O6", "138****0041"),
        ("PHN001", "O7", "***0000"),
    ]


def test_the_second_guardian_reaches_cards_and_the_columns_listing(tmp_path: Path) -> None:
    _roster(tmp_path)
    cards = run("cards", "r.xlsx", "--out", "cards.html", cwd=tmp_path)
    assert cards.exit_code == 0, cards.stderr
    html = card_page(tmp_path / "cards.html")
    assert "张大爷\u3000关系：祖父\u3000电话：13700000003" in html
    (read,) = run("columns", "r.xlsx", "--format", "json", cwd=tmp_path).json()["files"]
    (sheet,) = read["sheets"]
    assert [(c["column"], c["why"]) for c in sheet["ignored"]] == [
        ("M", "second_guardian"),
        ("N", "second_guardian"),
        ("O", "second_guardian"),
    ]


def test_a_csv_whose_rows_end_before_the_second_guardian_is_read(tmp_path: Path) -> None:
    """A CSV saved without trailing commas: rows end before the second guardian's
    columns. The columns read where the first guardian's are empty were not padded for,
    and every command stopped on an internal error."""
    lines = [",".join(HEADER)]
    for n, guardian in [
        (0, ["李奶奶", "祖母", "13700000013"]),
        (1, [None] * 3 + ["王爷爷", "祖父"]),
    ]:
        cells = [str(v) for v in _row(n, guardian[:3], guardian[3:]) if v is not None]
        lines.append(",".join(cells[:9] + [v or "" for v in guardian]))
    (tmp_path / "r.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = run("validate", "r.csv", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["column"] + str(f["row"])) for f in found] == [("CON001", "O3")]


def test_the_second_guardian_is_read_around_what_the_first_lacks(tmp_path: Path) -> None:
    """The first guardian's cells holding /, 无 or — say nobody, as the contact rules read
    them; a column only the first set has (监护人住址) or only the second has (与儿童关系)
    does not stop the second set from being read. A missing phone of the second guardian
    is asked for at her phone cell (O), which the school fills, and a finding at a cell
    of the second set names its column."""
    header = [*HEADER[:9], "监护人姓名", "监护人电话", "监护人住址", "委托监护人姓名",
              "与儿童关系", "委托监护人电话"]  # fmt: skip
    rows = [
        _row(0, ["/", "无", "青山村"], ["张大爷", "祖父", "13700000003"]),
        _row(1, ["—", None, "青山村"], ["陈爷爷", "祖父", None]),
        _row(2, [None, None, "青山村"], ["杨爷爷", "祖父", "1370000"]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    listed = [(c["name"], c["missing"]) for x in flag["classes"] for c in x["children"]]
    assert listed == [(NAMES[1], ["guardian_phone"]), (NAMES[2], ["guardian_phone"])]
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["column"] + str(f["row"]), f["message"]) for f in found] == [
        ("CON001", "O3", "父母均外出，缺少监护人电话"),
        ("PHN001", "O4", "“委托监护人电话”格式不对：应为11位手机号（1开头）或带区号的座机号"),
    ]


def test_a_hidden_second_guardian_is_not_read(tmp_path: Path) -> None:
    """Columns of a second guardian the sheet hides are last year's, as a hidden column of
    a field is: not read, and the child whose shown guardian is empty is asked for one."""
    from openpyxl import load_workbook

    path = _roster(tmp_path)
    book = load_workbook(path)
    for letter in "MNO":
        book.active.column_dimensions[letter].hidden = True
    book.save(path)
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    listed = [c["name"] for x in flag["classes"] for c in x["children"]]
    assert listed == [NAMES[0], NAMES[2], NAMES[3], NAMES[4], NAMES[5]]


def test_a_former_guardians_column_is_not_read_as_a_second_guardian(tmp_path: Path) -> None:
    """监护人姓名（变更前） is who the guardian was: never read for the guardian now."""
    header = [*HEADER[:12], "监护人姓名（变更前）"]
    rows = [[*_row(0, [None, "祖父", "13700000003"], [])[:12], "张大爷"]]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(c["name"], c["missing"]) for x in flag["classes"] for c in x["children"]] == [
        (NAMES[0], ["guardian_name"])
    ]


def test_a_first_guardians_relation_alone_leaves_the_second_read(tmp_path: Path) -> None:
    """与儿童关系 祖母 beside an empty 监护人姓名 and 监护人电话 names nobody to reach: the
    委托监护人 filled beside it is the guardian, not a CON001 for a name and a phone."""
    rows = [_row(0, [None, "祖母", None], ["张大爷", "祖父", "13700000003"])]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [HEADER, *rows]})
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert found == []


def test_the_first_guardians_own_cells_are_not_the_second_guardians(tmp_path: Path) -> None:
    """A first guardian of no name nor phone whose 年龄 and 身体状况 are filled, beside a
    second guardian's name, relation and phone: the second is read, and the first's age
    and health are not given to him (a guardian of 72, bedridden, on the watch list)."""
    header = [*HEADER[:9], "监护人姓名", "与儿童关系", "监护人电话", "监护人年龄",
              "监护人身体状况", *HEADER[12:]]  # fmt: skip
    row = _row(0, [None, "祖母", None, 72, "瘫痪在床"], ["张大爷", "祖父", "13700000003"])
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, row]})
    run("export", "r.xlsx", "--out", "e.csv", cwd=tmp_path)
    text = (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert "张大爷" in text and "瘫痪在床" not in text and ",72," not in text


def test_a_first_guardians_phone_and_the_homes_address_are_kept(tmp_path: Path) -> None:
    """Read as the second guardian's, a row keeps the 监护人电话 the second set has no
    column of (the child's only number) and a 居住地地址, the home's."""
    header = [*HEADER[:9], "监护人姓名", "与儿童关系", "监护人电话", "居住地地址",
              "委托监护人姓名", "委托监护人与儿童关系"]  # fmt: skip
    row = [*_row(0, [None, None, "13800002222", "青山村3组"], ["李秀英", "外祖母"])]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, row]})
    run("export", "r.xlsx", "--out", "e.csv", cwd=tmp_path)
    text = (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert "李秀英" in text and "13800002222" in text and "青山村3组" in text


def _findings(target: Path) -> list[dict[str, object]]:
    return run("validate", target, "--format", "json").json()["findings"]


def _county(tmp_path: Path) -> Path:
    """县/青山小学/r.xlsx: the roster of _roster, in a county's folder."""
    folder = tmp_path / "县" / "青山小学"
    folder.mkdir(parents=True)
    return _roster(folder)


def test_a_second_guardians_cells_are_pointed_at_from_an_export_or_a_merge(
    tmp_path: Path,
) -> None:
    """Exported or merged to Parquet, a county's rows are read back at the school's own
    file, sheet, row and column; a cell read from the second guardian's columns was put at
    the first's (PHN001 at L7, “监护人电话”), the column's letter going with the sheet, not
    the cell. Each such cell's letter goes with it, through a file made of that file too."""
    roster = _county(tmp_path)
    folder = _findings(tmp_path / "县")
    assert [(f["code"], f["column"] + str(f["row"])) for f in folder][-2:] == [
        ("CON009", "O6"),
        ("PHN001", "O7"),
    ]
    assert run("export", roster, "--out", tmp_path / "e.parquet").exit_code == 0
    assert run("merge", tmp_path / "县", "--out", tmp_path / "全县.parquet").exit_code == 1
    assert run("export", tmp_path / "全县.parquet", "--out", tmp_path / "再.parquet").exit_code == 0
    assert run("merge", tmp_path / "e.parquet", "--out", tmp_path / "再合并.parquet").exit_code == 1
    for made in ("e.parquet", "全县.parquet", "再.parquet", "再合并.parquet"):
        assert _findings(tmp_path / made) == folder, made


def test_a_parquet_file_written_before_its_cells_said_where_they_were_read_reads(
    tmp_path: Path,
) -> None:
    """A file whose layouts say no such cell (written before they did) reads as it did:
    every cell at its column's letter."""
    import json

    import pyarrow.parquet as pq

    roster = _roster(tmp_path)
    out = tmp_path / "e.parquet"
    assert run("export", roster, "--out", out).exit_code == 0
    data = pq.read_table(out)
    said = json.loads(pq.read_metadata(out).metadata[b"lbc"])
    for layout in said["sources"].values():
        assert set(layout.pop("moved_cells")) == {
            "guardian_name",
            "guardian_relation",
            "guardian_phone",
        }
        del layout["moved_columns"]
    pq.write_table(data.replace_schema_metadata({"lbc": json.dumps(said)}), out)
    found = _findings(out)
    assert [(f["code"], f["column"] + str(f["row"]), f["field"]) for f in found] == [
        ("CON001", "J4", "guardian_name"),
        ("CON001", "K4", "guardian_relation"),
        ("CON001", "L4", "guardian_phone"),
        ("CON001", "L5", "guardian_phone"),
        ("CON009", "L6", "guardian_phone"),
        ("PHN001", "L7", "guardian_phone"),
    ]
    assert found[-1]["message"].startswith("“监护人电话”格式不对")


def test_a_merged_rosters_own_second_guardian_is_pointed_at_school_by_school(
    tmp_path: Path,
) -> None:
    """A merged workbook is read school by school (its 来源文件); where the county added a
    second guardian's columns to it, a cell read from them lost its letter there, and a
    bad phone in 委托监护人电话 was said at 监护人电话. A finding on the merged workbook
    points at its own cells: the one that holds the value, of either set."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _county(tmp_path)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", tmp_path / "县", "--out", merged).exit_code == 1
    book = load_workbook(merged)
    sheet = book.worksheets[0]
    last = sheet.max_column
    for j, label in enumerate(HEADER[12:], start=last + 1):
        sheet.cell(1, j, label)
    for j, value in enumerate(["王爷爷", "祖父", "1390000"], start=last + 1):
        sheet.cell(4, j, value)  # 王梓萱's, whose school gave no guardian
    book.save(merged)
    found = _findings(merged)
    phone = get_column_letter(last + 3)
    assert [(f["code"], f["column"] + str(f["row"])) for f in found] == [
        ("PHN001", f"{phone}4"),
        ("CON001", "AE5"),
        ("CON009", "AE6"),
        ("PHN001", "AE7"),
    ]
    assert found[0]["message"].startswith("“委托监护人电话”格式不对")
    for f in (found[0], found[-1]):  # each bad phone at the cell holding it, masked
        assert Privacy().phone(str(sheet[f"{f['column']}{f['row']}"].value)) == f["value"]


def _listed(flag: dict) -> list[tuple[str, list[str]]]:
    return [(c["name"], c["missing"]) for x in flag["classes"] for c in x["children"]]


def _found(tmp_path: Path) -> list[tuple[str, str, str]]:
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    return [(f["code"], (f["column"] or "") + str(f["row"] or ""), f["message"]) for f in found]


def _ignored(tmp_path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The guardian's fields `lbc columns` says a column is read as, and the columns it
    says are read past, with why."""
    (read,) = run("columns", "r.xlsx", "--format", "json", cwd=tmp_path).json()["files"]
    (sheet,) = read["sheets"]
    fields = [f"{c['column']}:{c['field']}" for c in sheet["columns"] if "guardian" in c["field"]]
    return fields, [(c["column"], c["why"]) for c in sheet["ignored"]]


def test_a_first_guardian_without_a_phone_column_is_not_given_the_seconds(
    tmp_path: Path,
) -> None:
    """监护人姓名 and 监护人关系 without a phone column, beside 委托监护人姓名 and
    委托监护人电话: the 委托监护人电话 was read as the guardian's phone column outright, so
    王奶奶 was given 张大爷's number, on her card and in the flag's list as reached. The
    second set's phone is read on the rows read as hers only; the first guardian, whose
    set has no phone column, is asked for one as any guardian without a phone column is:
    the column is missing (COL001, once), not a cell of another person's to fill. The
    second guardian's relation, which her set has no column of, is asked so too, not at
    王奶奶's 监护人关系 cell (not read on the row)."""
    header = [*HEADER[:9], "监护人姓名", "监护人关系", "委托监护人姓名", "委托监护人电话"]
    rows = [
        _row(0, ["王奶奶", "祖母"], [None, None]),
        _row(1, ["王奶奶", "祖母"], ["张大爷", "13700000013"]),
        _row(2, [None, None], ["张大爷", "13700000023"]),
        _row(3, [None, None], ["杨爷爷", "1370000"]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path)
    assert _listed(flag.json()) == [
        (NAMES[0], ["guardian_phone"]),
        (NAMES[1], ["guardian_phone"]),
        (NAMES[2], ["guardian_relation"]),
        (NAMES[3], ["guardian_relation", "guardian_phone"]),
    ]
    assert flag.stderr == (
        "提示：r.xlsx 的“花名册”另有监护人的列，前面的监护人没填的才读这几列："
        "委托监护人姓名(L)、委托监护人电话(M)\n"
    )
    assert _found(tmp_path) == [
        ("COL001", "", "缺少必需的列“监护人电话”"),
        ("COL001", "", "缺少必需的列“委托监护人与儿童关系”"),
        ("PHN001", "M5", "“委托监护人电话”格式不对：应为11位手机号（1开头）或带区号的座机号"),
    ]
    assert run("cards", "r.xlsx", "--out", "cards.html", cwd=tmp_path).exit_code == 0
    html = card_page(tmp_path / "cards.html")
    assert "王奶奶\u3000关系：祖母\u3000电话：＿" in html and "13700000013" not in html
    assert "张大爷\u3000关系：＿＿＿＿＿＿\u3000电话：13700000023" in html
    assert _ignored(tmp_path) == (
        ["J:guardian_name", "K:guardian_relation"],
        [("L", "second_guardian"), ("M", "second_guardian")],
    )


def test_a_second_guardians_phone_is_read_after_two_of_the_first(tmp_path: Path) -> None:
    """监护人电话 and 监护人手机, the first guardian's two phone columns, then a 委托监护人
    set: the 委托监护人电话 was not read at all (one column read where another is empty, a
    field), so a child with a 委托监护人 alone was said to have no phone, and 监护人手机 was
    read as the second guardian's. 监护人手机 is the first's, read where her 监护人电话 is
    empty; the second's phone on the rows read as hers, a finding at each cell read."""
    header = [*HEADER[:11], "监护人电话", "监护人手机", *HEADER[12:]]
    none = [None, None, None]
    rows = [
        _row(0, ["王奶奶", "祖母", "13700000001", None], none),
        _row(1, ["王奶奶", "祖母", None, "1370000"], none),
        _row(2, [None] * 4, ["张大爷", "祖父", "13700000023"]),
        _row(3, [None] * 4, ["陈爷爷", "祖父", None]),
        _row(4, [None] * 4, ["杨爷爷", "祖父", "13800000041"]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path)
    assert _listed(flag.json()) == [
        (NAMES[1], ["guardian_phone"]),
        (NAMES[3], ["guardian_phone"]),
        (NAMES[4], ["guardian_phone"]),
    ]
    assert flag.stderr == (
        "提示：r.xlsx 的“花名册”另有监护人的列，前面的监护人没填的才读这几列："
        "委托监护人姓名(N)、委托监护人与儿童关系(O)、委托监护人电话(P)\n"
        "提示：r.xlsx 的“花名册”前面那位监护人另有同一字段的列，前一列空着的行才读："
        "监护人手机(M)\n"
    )
    assert _found(tmp_path) == [
        ("PHN001", "M3", "“监护人手机”格式不对：应为11位手机号（1开头）或带区号的座机号"),
        ("CON001", "P5", "父母均外出，缺少监护人电话"),
        ("CON009", "P6", "监护人电话就是外出的父亲的电话：在家照看孩子的人没有电话"),
    ]
    assert run("cards", "r.xlsx", "--out", "cards.html", cwd=tmp_path).exit_code == 0
    html = card_page(tmp_path / "cards.html")
    assert "张大爷\u3000关系：祖父\u3000电话：13700000023" in html
    assert _ignored(tmp_path) == (
        ["J:guardian_name", "K:guardian_relation", "L:guardian_phone"],
        [("M", "guardian_more"), ("N", "second_guardian"), ("O", "second_guardian"),
         ("P", "second_guardian")],
    )  # fmt: skip


def _watched(tmp_path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    watch = run("watch", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    return [
        (c["name"], [(r["code"], r["column"] + str(r["row"])) for r in c["reasons"]])
        for x in watch["classes"]
        for c in x["children"]
    ]


def test_the_first_guardians_age_after_the_second_set_is_hers(tmp_path: Path) -> None:
    """监护人年龄 and 监护人身体状况 after the 委托监护人 set: the first guardian's, whose
    cells a school leaves filled on a row it then gives the 委托监护人. They were cleared
    only where their column came before the second set: after it, 张大爷 was a guardian of
    72, bedridden, on the watch list. The header's role says whose they are."""
    header = [*HEADER, "监护人年龄", "监护人身体状况"]
    rows = [
        [*_row(0, [None, None, None], ["张大爷", "祖父", "13700000003"]), 72, "瘫痪在床"],
        [*_row(1, ["李奶奶", "祖母", "13700000013"], [None] * 3), 72, "瘫痪在床"],
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    assert _watched(tmp_path) == [(NAMES[1], [("WCH005", "Q3"), ("WCH004", "P3")])]
    run("export", "r.xlsx", "--out", "e.csv", cwd=tmp_path)
    text = (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    (zhang,) = [line for line in text.splitlines() if "张大爷" in line]
    assert "瘫痪在床" not in zhang and ",72," not in zhang
    assert _found(tmp_path) == []


def test_a_guardian_set_before_the_other_keeps_its_own_cells(tmp_path: Path) -> None:
    """The 委托监护人 set first, then 监护人姓名, 与儿童关系, 监护人电话, 监护人年龄 and
    监护人身体状况: read by field, the 监护人's age and health stood beside the 委托监护人
    read first, and her 与儿童关系 was his. Each set's cells are its own guardian's: the
    监护人's read on her rows only (a finding at the cell read), and the 委托监护人's set,
    with no relation column, is asked for one as a column missing."""
    header = [*HEADER[:9], "委托监护人姓名", "委托监护人电话", "监护人姓名", "与儿童关系",
              "监护人电话", "监护人年龄", "监护人身体状况"]  # fmt: skip
    rows = [
        _row(0, ["张大爷", "13700000003"], [None, "祖母", None, 72, "瘫痪在床"]),
        _row(1, [None, None], ["李奶奶", "祖母", "13700000013", 72, "瘫痪在床"]),
        _row(2, [None, None], ["王奶奶", "祖母", "13700000023", 120, None]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    assert _watched(tmp_path) == [(NAMES[1], [("WCH005", "P3"), ("WCH004", "O3")])]
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path).json()
    assert _listed(flag) == [(NAMES[0], ["guardian_relation"])]
    assert _found(tmp_path) == [
        ("COL001", "", "缺少必需的列“委托监护人与儿童关系”"),
        ("VAL003", "O4", "“监护人年龄”120 不在合理范围（16–100）"),
    ]
    assert _ignored(tmp_path) == (
        ["J:guardian_name", "K:guardian_phone"],
        [(letter, "second_guardian") for letter in "LMNOP"],
    )


def test_one_guardians_two_phone_columns_read_as_they_were(tmp_path: Path) -> None:
    """A roster without a second guardian's name: 监护人手机 after 监护人电话 is still read
    where 监护人电话 is empty, as before."""
    header = [*HEADER[:12], "监护人手机"]
    rows = [
        _row(0, ["王奶奶", "祖母", None], ["13700000003"]),
        _row(1, ["李奶奶", "祖母", None], [None]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    assert _found(tmp_path) == [("CON001", "L3", "父母均外出，缺少监护人电话")]
    assert _ignored(tmp_path)[1] == [("M", "second_guardian")]


def test_one_guardians_two_name_columns_are_not_two_guardians(tmp_path: Path) -> None:
    """监护人 (or 委托监护人) then 监护人姓名, 与儿童关系, 监护人电话: one guardian's two name
    columns, the first with no column of its own. Read as two guardians' sets, the
    relation and phone were the second name's alone, so a child whose both names were
    filled (李奶奶 twice) was said to have no relation nor phone, and each column was
    said missing. The second name is read where the first is empty, the rest on every
    row, as before."""
    rows = [
        _row(0, ["李奶奶", "李奶奶"], ["祖母", "13700000001"]),
        _row(1, [None, "张大爷"], ["祖父", "13700000013"]),
        _row(2, ["王奶奶", None], ["祖母", "1370000"]),
    ]
    for first in ("监护人", "委托监护人"):
        header = [*HEADER[:9], first, "监护人姓名", "与儿童关系", "监护人电话"]
        write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
        flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path)
        assert _listed(flag.json()) == [(NAMES[2], ["guardian_phone"])], first
        assert flag.stderr == (
            "提示：r.xlsx 的“花名册”另有监护人的列，前面的监护人没填的才读这几列：监护人姓名(K)\n"
        )
        assert _found(tmp_path) == [
            ("PHN001", "M4", "“监护人电话”格式不对：应为11位手机号（1开头）或带区号的座机号")
        ]


def _without_a_phone(folder: Path) -> Path:
    """A first guardian's set without a phone column, the second's without a relation:
    each of those columns is missing (COL001), not a cell of the other guardian's."""
    header = [*HEADER[:9], "监护人姓名", "监护人关系", "委托监护人姓名", "委托监护人电话"]
    rows = [
        _row(0, ["王奶奶", "祖母"], [None, None]),
        _row(1, [None, None], ["张大爷", "13700000013"]),
        _row(2, [None, None], ["杨爷爷", "1370000"]),
    ]
    return write_xlsx(folder / "r.xlsx", {"花名册": [header, *rows]})


def test_a_column_one_guardian_lacks_is_missing_from_an_export_or_a_merge(
    tmp_path: Path,
) -> None:
    """Exported or merged to Parquet, a roster whose first guardian's set has no phone
    column was read back with 王奶奶's phone asked for at the 委托监护人电话 cell (M2),
    another person's, and the second's relation at 监护人关系 (K3, K4): the columns each
    set lacks were said missing only over the school's own file. Each file made of it
    says them as that file does."""
    folder = tmp_path / "县" / "青山小学"
    folder.mkdir(parents=True)
    roster = _without_a_phone(folder)
    own = _findings(tmp_path / "县")
    assert [(f["code"], (f["column"] or "") + str(f["row"] or ""), f["message"]) for f in own] == [
        ("COL001", "", "缺少必需的列“监护人电话”"),
        ("COL001", "", "缺少必需的列“委托监护人与儿童关系”"),
        ("PHN001", "M4", "“委托监护人电话”格式不对：应为11位手机号（1开头）或带区号的座机号"),
    ]
    assert run("export", roster, "--out", tmp_path / "e.parquet").exit_code == 0
    assert run("merge", tmp_path / "县", "--out", tmp_path / "全县.parquet").exit_code == 1
    assert run("export", tmp_path / "全县.parquet", "--out", tmp_path / "再.parquet").exit_code == 0
    assert run("merge", tmp_path / "e.parquet", "--out", tmp_path / "再合并.parquet").exit_code == 1
    for made in ("e.parquet", "全县.parquet", "再.parquet", "再合并.parquet"):
        assert _findings(tmp_path / made) == own, made


def test_a_column_one_guardian_lacks_is_missing_from_a_merged_workbook(tmp_path: Path) -> None:
    """Merged to a workbook beside another school's roster, the school whose first
    guardian's set has no phone column was read back with each such row's cell of the
    merged sheet to fill: CON001 at 王奶奶's 监护人电话 (AE3) and at the second guardians'
    与儿童关系 (AD4, AD5), three errors on its line where its own file says two columns
    missing. The merged workbook, that merged again and each exported from it say the
    columns missing at the school's own sheet, as over its folder; a finding on a cell
    points at the cell of the workbook read."""
    folder = tmp_path / "县" / "青山小学"
    folder.mkdir(parents=True)
    _without_a_phone(folder)
    other = _row(6, ["赵奶奶", "祖母", "13700000063"], [])
    (tmp_path / "县" / "白鹤小学").mkdir()
    write_xlsx(tmp_path / "县" / "白鹤小学" / "b.xlsx", {"花名册": [HEADER[:12], other]})
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    assert run("merge", "m.xlsx", "--out", "m2.xlsx", cwd=tmp_path).exit_code == 1
    assert run("export", "m.xlsx", "--out", "x.xlsx", cwd=tmp_path).exit_code == 0
    assert run("export", "m.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    own = ("县/青山小学/r.xlsx", "花名册")
    missing = [
        ("COL001", *own, "", "guardian_phone", "缺少必需的列“监护人电话”"),
        ("COL001", *own, "", "guardian_relation", "缺少必需的列“委托监护人与儿童关系”"),
    ]
    bad = "格式不对：应为11位手机号（1开头）或带区号的座机号"
    assert _said(tmp_path, "县") == (
        [*missing, ("PHN001", *own, "M4", "guardian_phone", f"“委托监护人电话”{bad}")],
        [("白鹤小学", 0), ("青山小学", 3)],
    )
    # A Parquet file's rows are of the sheet they were exported from.
    for made, sheet in [("m.xlsx", "m.xlsx"), ("m2.xlsx", "m2.xlsx"), ("x.xlsx", "x.xlsx"),
                        ("x.parquet", "m.xlsx")]:  # fmt: skip
        phone = ("PHN001", sheet, "留守儿童花名册", "AE5", "guardian_phone", f"“监护人电话”{bad}")
        assert _said(tmp_path, made) == (
            [phone, *missing],
            [("白鹤小学", 0), ("青山小学", 3)],
        ), made


def _merged_then_edited(tmp_path: Path) -> Path:
    """县/青山小学/r.xlsx's first guardian's set has no phone column, its second no relation
    column: 张大爷's and 杨爷爷's rows (2, 4) are the second's, 杨爷爷's phone unreadable;
    王奶奶's (3) the first's. Merged after 白鹤小学's roster: merged rows 3 to 5."""
    folder = tmp_path / "县" / "青山小学"
    folder.mkdir(parents=True)
    header = [*HEADER[:9], "监护人姓名", "监护人关系", "委托监护人姓名", "委托监护人电话"]
    rows = [
        _row(1, [None, None], ["张大爷", "13700000013"]),
        _row(0, ["王奶奶", "祖母"], [None, None]),
        _row(2, [None, None], ["杨爷爷", "1370000"]),
    ]
    write_xlsx(folder / "r.xlsx", {"花名册": [header, *rows]})
    (tmp_path / "县" / "白鹤小学").mkdir()
    other = _row(6, ["赵奶奶", "祖母", "13700000063"], [])
    write_xlsx(tmp_path / "县" / "白鹤小学" / "b.xlsx", {"花名册": [HEADER[:12], other]})
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    return tmp_path / "m.xlsx"


_OWN = ("县/青山小学/r.xlsx", "花名册")
_MISSING = [
    ("COL001", *_OWN, "", "guardian_phone", "缺少必需的列“监护人电话”"),
    ("COL001", *_OWN, "", "guardian_relation", "缺少必需的列“委托监护人与儿童关系”"),
]
_BAD = "“监护人电话”格式不对：应为11位手机号（1开头）或带区号的座机号"


def test_a_merged_workbook_a_row_was_deleted_from_keeps_its_guardians_missing_columns(
    tmp_path: Path,
) -> None:
    """The county deleted 张大爷's row (3) from the merged sheet: the rows below it were
    read as the rows that many places down had been, 王奶奶 as a second guardian's (CON001
    at her 监护人电话) and 杨爷爷 as a first's (CON001 at his 与儿童关系, his unreadable
    phone not read). Each row is known by its 来源文件, 来源工作表 and 来源行, and so is
    it merged again or exported from the workbook, to a workbook or a Parquet file."""
    from openpyxl import load_workbook

    merged = _merged_then_edited(tmp_path)
    book = load_workbook(merged)
    book.worksheets[0].delete_rows(3)
    book.save(merged)
    assert run("merge", "m.xlsx", "--out", "m2.xlsx", cwd=tmp_path).exit_code == 1
    assert run("merge", "m.xlsx", "--out", "m2.parquet", cwd=tmp_path).exit_code == 1
    assert run("export", "m.xlsx", "--out", "x.xlsx", cwd=tmp_path).exit_code == 0
    assert run("export", "m.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    # A Parquet file's rows are of the sheet they were exported from.
    for made, sheet in [("m.xlsx", "m.xlsx"), ("m2.xlsx", "m2.xlsx"), ("x.xlsx", "x.xlsx"),
                        ("m2.parquet", "m.xlsx"), ("x.parquet", "m.xlsx")]:  # fmt: skip
        phone = ("PHN001", sheet, "留守儿童花名册", "AE4", "guardian_phone", _BAD)
        said = _said(tmp_path, made)
        assert said == ([phone, *_MISSING], [("白鹤小学", 0), ("青山小学", 3)]), made


def test_a_merged_workbook_a_row_was_put_in_keeps_its_guardians_missing_columns(
    tmp_path: Path,
) -> None:
    """The county put a child of 青山小学 of its own in above the school's rows (its
    学校, 来源文件 and 来源工作表 given, no 来源行): each row below was read as the one
    above it had been. The new row is of no school's run, every cell of it asked for."""
    from openpyxl import load_workbook

    merged = _merged_then_edited(tmp_path)
    book = load_workbook(merged)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    sheet.insert_rows(3)
    given = dict(zip(HEADER[:12], _row(7, ["周奶奶", "祖母", "13700000073"], []), strict=True))
    given.update({"学校": "青山小学", "来源文件": _OWN[0], "来源工作表": _OWN[1]})
    for label, value in given.items():
        if label in header:
            sheet.cell(3, header.index(label) + 1, value)
    book.save(merged)
    phone = ("PHN001", "m.xlsx", "留守儿童花名册", "AE6", "guardian_phone", _BAD)
    assert _said(tmp_path, "m.xlsx") == ([phone, *_MISSING], [("白鹤小学", 0), ("青山小学", 3)])


def test_a_merged_workbook_reordered_keeps_its_guardians_missing_columns(tmp_path: Path) -> None:
    """The county moved 杨爷爷's row (5) to the top of the merged sheet, as sorting it
    does: 张大爷 was read as a first guardian's (CON001 at his 与儿童关系) and 王奶奶 as a
    second's (CON001 at her 监护人电话). Each row's guardian is found by its 来源行,
    wherever the row stands."""
    from openpyxl import load_workbook

    merged = _merged_then_edited(tmp_path)
    book = load_workbook(merged)
    sheet = book.worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    for i, row in enumerate([rows[-1], *rows[:-1]], start=2):
        for j, value in enumerate(row, start=1):
            sheet.cell(i, j).value = value
    book.save(merged)
    phone = ("PHN001", "m.xlsx", "留守儿童花名册", "AE2", "guardian_phone", _BAD)
    assert _said(tmp_path, "m.xlsx") == ([*_MISSING, phone], [("青山小学", 3), ("白鹤小学", 0)])


def test_a_workbook_merged_when_runs_said_places_keeps_its_guardians_missing_columns(
    tmp_path: Path,
) -> None:
    """A workbook merged before said each run of rows whose guardian's set lacked a field
    by the place of its first row among the rows of its 来源文件 and 来源工作表, and how
    many: read as it was, while no row was deleted or put in."""
    from openpyxl import load_workbook

    merged = _merged_then_edited(tmp_path)
    book = load_workbook(merged)
    said = book["来源列"]
    header = [cell.value for cell in said[1]]
    first, last = header.index("监护人缺列的首个来源行"), header.index("监护人缺列的末个来源行")
    said.cell(1, first + 1, "监护人缺列的首行序号")
    said.cell(1, last + 1, "监护人缺列的行数")
    rows = [2, 3, 4]  # 青山小学's 来源行, in the merged sheet's order
    for row in said.iter_rows(min_row=2):
        if row[first].value is not None:
            at, to = rows.index(row[first].value), rows.index(row[last].value)
            row[first].value, row[last].value = at + 1, to - at + 1
    book.save(merged)
    phone = ("PHN001", "m.xlsx", "留守儿童花名册", "AE5", "guardian_phone", _BAD)
    assert _said(tmp_path, "m.xlsx") == ([phone, *_MISSING], [("白鹤小学", 0), ("青山小学", 3)])


def test_a_parquet_file_a_row_was_taken_from_keeps_its_guardians_missing_columns(
    tmp_path: Path,
) -> None:
    """Merged to Parquet, 张大爷's row taken out and the file written again with lbc's
    metadata: each cell the metadata names by its row and its place among its sheet's rows
    was lost, the rows having moved up, and the columns 王奶奶's and 杨爷爷's guardians
    lack asked for on their rows (CON001 at M3, K4). The file holds one sheet of that
    name, so a cell goes to the one row of its number."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    _merged_then_edited(tmp_path)
    assert run("merge", "县", "--out", "m.parquet", cwd=tmp_path).exit_code == 1
    table = pq.read_table(tmp_path / "m.parquet")
    said = pq.read_metadata(tmp_path / "m.parquet").metadata
    his = pc.and_(pc.equal(table["source_file"], _OWN[0]), pc.equal(table["source_row"], 2))
    table = table.filter(pc.invert(his)).replace_schema_metadata({b"lbc": said[b"lbc"]})
    pq.write_table(table, tmp_path / "m.parquet")
    phone = ("PHN001", *_OWN, "M4", "guardian_phone", f"“委托{_BAD[1:]}")
    assert _said(tmp_path, "m.parquet") == ([*_MISSING, phone], [("白鹤小学", 0), ("青山小学", 3)])


def _said(tmp_path: Path, target: str) -> tuple[list[tuple[str, ...]], list[tuple[str, int]]]:
    """Each finding's code, file, sheet, cell, field and message, and each school's errors."""
    said = run("validate", target, "--format", "json", cwd=tmp_path).json()
    keys = ("code", "file", "sheet", "cell", "field", "message")
    found = [
        tuple({**f, "cell": f"{f['column'] or ''}{f['row'] or ''}"}[k] for k in keys)
        for f in said["findings"]
    ]
    return found, [(s["school"], s["errors"]) for s in said["summary"]["schools"]]


def test_a_merged_rosters_own_second_guardian_lacking_a_column_says_it_missing(
    tmp_path: Path,
) -> None:
    """A merged workbook, read school by school, to which the county added 委托监护人姓名
    and 委托监护人电话 for a child whose guardian's cells it emptied: her relation was
    asked for at the first guardian's 与儿童关系 cell, not read on her row, where her own
    file says the column missing."""
    from openpyxl import load_workbook

    _county(tmp_path)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", tmp_path / "县", "--out", merged).exit_code == 1
    book = load_workbook(merged)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    last = sheet.max_column
    sheet.cell(1, last + 1, "委托监护人姓名")
    sheet.cell(1, last + 2, "委托监护人电话")
    row = 3  # 李明轩's: her guardian given as the 委托监护人
    for label in ("监护人姓名", "与儿童关系", "监护人电话"):
        sheet.cell(row, header.index(label) + 1).value = None
    sheet.cell(row, last + 1, "李奶奶")
    sheet.cell(row, last + 2, "13700000013")
    book.save(merged)
    found = _findings(merged)
    assert [(f["code"], (f["column"] or "") + str(f["row"] or "")) for f in found] == [
        ("COL001", ""),
        ("CON001", "AC4"),  # 王梓萱's: no guardian in either set
        ("CON001", "AD4"),
        ("CON001", "AE4"),
        ("CON001", "AE5"),
        ("CON009", "AE6"),
        ("PHN001", "AE7"),
    ]
    assert found[0]["message"] == "缺少必需的列“委托监护人与儿童关系”"


def test_a_relation_column_after_both_sets_is_every_rows(tmp_path: Path) -> None:
    """与儿童关系 after the whole 委托监护人 set, naming no guardian, the first set having no
    relation column: the relation of whichever guardian a row is read as. Taken as the
    second's by its place, 王奶奶's 祖母 was lost from her card and validate said the
    relation column missing."""
    header = [*HEADER[:9], "监护人姓名", "监护人电话", "委托监护人姓名", "委托监护人电话",
              "与儿童关系", "监护人年龄"]  # fmt: skip
    rows = [
        _row(0, ["王奶奶", "13700000003"], [None, None, "祖母", 58]),
        _row(1, [None, None], ["张大爷", "13700000013", "祖父", None]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    assert _found(tmp_path) == []
    assert _ignored(tmp_path) == (
        ["J:guardian_name", "K:guardian_phone", "N:guardian_relation", "O:guardian_age"],
        [("L", "second_guardian"), ("M", "second_guardian")],
    )
    assert run("cards", "r.xlsx", "--out", "cards.html", cwd=tmp_path).exit_code == 0
    html = card_page(tmp_path / "cards.html")
    assert "王奶奶\u3000关系：祖母\u3000电话：13700000003" in html
    assert "张大爷\u3000关系：祖父\u3000电话：13700000013" in html


def test_a_guardian_named_by_another_role_word_is_read(tmp_path: Path) -> None:
    """代理监护人… or 托管人… (受托人…) after the 监护人 set: the words named no role lbc knew,
    so a child whose guardian was in those columns was said to have none (CON001 at her
    监护人 cells, on the flag's list). They are a guardian's set as 委托监护人… is. 委托人…
    stays unread: the one who entrusts the child is the parent away, not her guardian."""
    rows = [
        _row(0, [None, None, None], ["张大爷", "祖父", "13700000003"]),
        _row(1, ["李奶奶", "祖母", "13700000013"], [None, None, None]),
    ]
    for role in ("代理监护人", "托管人", "受托人", "委托人"):
        header = [*HEADER[:12], f"{role}姓名", f"{role}与儿童关系", f"{role}电话"]
        write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
        flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path).json()
        unread = [(NAMES[0], ["guardian_name", "guardian_relation", "guardian_phone"])]
        assert _listed(flag) == (unread if role == "委托人" else []), role


def test_a_second_guardians_hidden_phone_column_is_still_hers(tmp_path: Path) -> None:
    """委托监护人电话 hidden, the rest of her set shown: her set's only phone column. Left
    unread as last year's, 张大爷's number filled in it was not seen (CON001 at L2, the
    first guardian's 监护人电话, which the school would fill for him), and a missing one
    was asked for there too. It is read on her rows, as a hidden column alone of its field
    is; where it is empty the finding points at it."""
    from openpyxl import load_workbook

    rows = [
        _row(0, [None, None, None], ["张大爷", "祖父", "13700000003"]),
        _row(1, ["李奶奶", "祖母", "13700000013"], [None, None, None]),
        _row(2, [None, None, None], ["杨爷爷", "祖父", None]),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [HEADER, *rows]})
    book = load_workbook(path)
    book.active.column_dimensions["O"].hidden = True
    book.save(path)
    assert _found(tmp_path) == [("CON001", "O4", "父母均外出，缺少监护人电话")]
    assert _ignored(tmp_path)[1] == [(letter, "second_guardian") for letter in "MNO"]


def test_a_group_cell_over_a_header_naming_it_is_said_once(tmp_path: Path) -> None:
    """A two-row header whose merged group cell (委托监护人, the form's 受委托监护人) stands
    over headers that name the guardian again (委托监护人电话): the column was called
    “委托监护人委托监护人电话” in findings and `lbc columns`. It is called as a person reads
    it, by its own header; a header naming no one (与被监护人关系) keeps the group's."""
    from openpyxl import Workbook

    lower = ["委托监护人姓名", "与被监护人关系", "委托监护人电话"]
    for group in ("委托监护人", "受委托监护人"):
        book = Workbook()
        sheet = book.active
        sheet.title = "花名册"
        sheet.append([*HEADER[:7], "父亲", "母亲", *HEADER[9:12], group, None, None])
        sheet.append([None] * 7 + ["电话", "电话", None, None, None, *lower])
        for j in [*range(1, 8), 10, 11, 12]:
            sheet.merge_cells(start_row=1, end_row=2, start_column=j, end_column=j)
        sheet.merge_cells("M1:O1")
        sheet.append(_row(0, [None, None, None], ["杨爷爷", "祖父", "1370000"]))
        book.save(tmp_path / "r.xlsx")
        assert _found(tmp_path) == [
            ("PHN001", "O3", "“委托监护人电话”格式不对：应为11位手机号（1开头）或带区号的座机号")
        ], group
        (read,) = run("columns", "r.xlsx", "--format", "json", cwd=tmp_path).json()["files"]
        (sheet_read,) = read["sheets"]
        said = [lower[0], f"{group}与被监护人关系", lower[2]]
        assert [c["header"] for c in sheet_read["ignored"]] == said, group


def test_a_third_guardians_columns_are_said_unread(tmp_path: Path) -> None:
    """临时监护人… after the 委托监护人 set: a third guardian's, which lbc does not read. They
    were said to repeat a field an earlier column holds, and a child whose only guardian is
    in them flagged without a word why. They are said a third guardian's, left unread."""
    header = [*HEADER, "临时监护人姓名", "临时监护人与儿童关系", "临时监护人电话"]
    rows = [[*_row(0, [None] * 3, [None] * 3), "张大爷", "祖父", "13700000003"]]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    flag = run("flag", "r.xlsx", "--format", "json", cwd=tmp_path)
    assert _listed(flag.json()) == [
        (NAMES[0], ["guardian_name", "guardian_relation", "guardian_phone"])
    ]
    assert flag.stderr == NOTE + (
        "提示：r.xlsx 的“花名册”有第三位监护人的列，lbc 只读前两位监护人的列，这几列未读"
        "（只有这位监护人的儿童会被当作没有监护人）："
        "临时监护人姓名(P)、临时监护人与儿童关系(Q)、临时监护人电话(R)\n"
    )
    assert _ignored(tmp_path)[1] == [
        *((letter, "second_guardian") for letter in "MNO"),
        *((letter, "third_guardian") for letter in "PQR"),
    ]


def test_a_relation_column_after_two_sets_headed_alike_is_every_rows(tmp_path: Path) -> None:
    """Two sets both headed 监护人 (the second a 监护人姓名 again), 与儿童关系 after both:
    every row's, as where the sets name two roles; by its place it was the second's, and
    the first guardian's 祖母 was lost."""
    header = [*HEADER[:9], "监护人姓名", "监护人电话", "监护人姓名", "监护人电话", "与儿童关系"]
    rows = [
        _row(0, ["王奶奶", "13700000003"], [None, None, "祖母"]),
        _row(1, [None, None], ["张大爷", "13700000013", "祖父"]),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    assert _found(tmp_path) == []
    assert run("cards", "r.xlsx", "--out", "cards.html", cwd=tmp_path).exit_code == 0
    html = card_page(tmp_path / "cards.html")
    assert "王奶奶\u3000关系：祖母\u3000电话：13700000003" in html
    assert "张大爷\u3000关系：祖父\u3000电话：13700000013" in html
