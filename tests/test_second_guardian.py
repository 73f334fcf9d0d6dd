"""A roster with two sets of guardian columns (监护人… then 委托监护人…), a school filling
one or the other for each child: only the first was read, so a child whose 委托监护人
cells were filled and 监护人 cells empty was said to have no guardian (flag listed her,
her card was blank). The second set is read where the first is empty on the row, as one
person, and a finding about a cell it gave points at that cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import NAMES, make_id, run, write_xlsx

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
        ("PHN001", "O7", "1370000"),
    ]


def test_the_second_guardian_reaches_cards_and_the_columns_listing(tmp_path: Path) -> None:
    _roster(tmp_path)
    cards = run("cards", "r.xlsx", "--out", "cards.html", cwd=tmp_path)
    assert cards.exit_code == 0, cards.stderr
    html = (tmp_path / "cards.html").read_text(encoding="utf-8")
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
