"""A roster's header printed again on a later page is no child, a two-row header too."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, child_row, run, write_xlsx


def test_a_two_row_header_printed_again_is_no_child(samples: Path) -> None:
    """The sample roster with a continuation title and its two header rows typed again
    before row 30, as a roster put together from printed pages has them. The upper row (姓名
    in the name column) was passed over, its lower row (姓名, 电话, 务工地点 under 父亲 and
    母亲) read as a child without a name: 57 children on the books, a nameless child added
    in lbc diff, and REQ001 on each of its empty cells."""
    path = samples / "roster.xlsx"
    wb = load_workbook(path)
    ws = wb["留守儿童花名册"]
    upper, lower = ([c.value for c in ws[r]] for r in (2, 3))
    ws.insert_rows(30, 3)
    ws.cell(30, 1, "青山镇中心小学留守儿童花名册（续）")
    for j, (a, b) in enumerate(zip(upper, lower, strict=True), 1):
        ws.cell(31, j, a)
        ws.cell(32, j, b)
    wb.save(path)
    summary = run("summary", "--term", "2024-autumn", cwd=samples)
    counted = "本学期我校在册关爱对象 56 名，其中留守儿童 55 名；男 25 人，女 31 人。"
    assert counted in summary.stdout
    diff = run("diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json", cwd=samples)
    assert diff.json()["summary"]["added"] == 10
    found = run("validate", "--format", "json", cwd=samples).json()["findings"]
    assert [f for f in found if f["row"] in (30, 31, 32)] == []


def test_a_header_again_in_another_order_is_said_not_read_by_the_first(tmp_path: Path) -> None:
    """A second class's table pasted under the first with its own header, the mother's
    phone before the father's: the row was passed over as the header printed again and
    the rows under it read by the first header's columns, the father's phone as the
    mother's. lbc validate said 父亲外出，缺少父亲电话 of a child whose father's phone was
    there, and merge and export wrote it as the mother's. Which header the rows are of
    cannot be told: the file is said, naming the row and the column, and in a county's
    folder the other schools are read on."""
    swapped = [*CHILD_HEADER]
    father, mother = swapped.index("父亲电话"), swapped.index("母亲电话")
    swapped[father], swapped[mother] = swapped[mother], swapped[father]
    second = child_row(2, cls="三年级(1)班", kind="父亲外出")
    second[father], second[mother] = None, second[father]  # mother at home, no phone
    school = tmp_path / "县" / "青山小学"
    school.mkdir(parents=True)
    path = write_xlsx(
        school / "花名册.xlsx",
        {"花名册": [CHILD_HEADER, child_row(1), [], swapped, second]},
    )
    said = (
        f"{path} 的“花名册”第 4 行又是一行表头，列的顺序和第 1 行的表头不同"
        "（J 列在第 1 行是“父亲电话”，这里是“母亲电话”），其下各行按哪一行表头读分不清；"
        "请把这几行移到单独的工作表，或把列的顺序改成和第 1 行一样"
    )
    alone = run("validate", path)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (2, "", f"lbc: 错误：{said}\n")
    other = tmp_path / "县" / "白鹤小学"
    other.mkdir()
    write_xlsx(other / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(3)]})
    county = run("validate", tmp_path / "县", "--format", "json")
    assert county.exit_code == 1
    assert county.stderr == f"提示：未读入（其余文件照常检查，退出码为 1）：{said}\n"
    files = [(f["file"], "error" in f) for f in county.json()["files"]]
    assert files == [(str(other / "花名册.xlsx"), False), (str(path), True)]
    assert county.json()["summary"]["children"] == 1


def test_a_header_again_with_a_name_cell_elsewhere_is_no_child(tmp_path: Path) -> None:
    """The second table's header with 性别 before 姓名 was read as a child named 性别."""
    swapped = [*CHILD_HEADER]
    swapped[1], swapped[2] = swapped[2], swapped[1]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1), swapped]})
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lbc: 错误：{path} 的“花名册”第 3 行又是一行表头")
    assert "（B 列在第 1 行是“姓名”，这里是“性别”）" in result.stderr
