"""A pairs workbook's 帮扶教师 cell a school typed two teachers into (王芳、李强) is said as
the roster's cell naming two is, over the school's folder and over the merged roster that
carries it in its 帮扶教师 column: one code, the child counted as every command counts it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from test_pair import kid, teacher

from conftest import run, table, write_xlsx

SEVERAL = "帮扶教师一栏写了 2 位教师（王芳、李强），按李强计为这名儿童的帮扶教师"


def findings(cwd: Path, source: str) -> list[tuple[object, ...]]:
    doc = run("validate", source, "--select", "TCH", "--format", "json", cwd=cwd).json()
    return [(f["code"], f["file"], f["row"], f["column"], f["message"]) for f in doc["findings"]]


def test_a_pairs_cell_naming_two_teachers_is_said_alike_over_folder_and_merged(
    tmp_path: Path,
) -> None:
    """青山小学 paired its three children with lbc pair --out, then typed 王芳、李强 as
    张雨涵's teacher in the pairs workbook; 王芳 has gone on sick leave since. Every
    command counts 张雨涵 as 李强's, the first of them in post. Over the folder lbc
    validate said the cell names a teacher not on the teachers list (TCH003), though both
    are; over the merged roster, whose 帮扶教师 column carries the pair, that it names two
    teachers and is counted as 李强's (TCH004). Both now say TCH004."""
    school = tmp_path / "县" / "青山小学"
    school.mkdir(parents=True)
    kids = table([kid(1), kid(2), kid(3)])
    staff = [teacher("王芳", "三年级(2)班", role="班主任", 可帮扶人数=3), teacher("李强")]
    write_xlsx(school / "花名册.xlsx", {"花名册": kids, "教师": table(staff)})
    assert run("pair", "花名册.xlsx", "--out", "结对名单.xlsx", cwd=school).exit_code == 0
    book = school / "结对名单.xlsx"
    wb = load_workbook(book)
    ws = wb["结对名单"]
    assert (ws["C3"].value, ws["G2"].value) == ("张雨涵", "帮扶教师")
    ws["G3"] = "王芳、李强"
    wb.save(book)
    staff[0]["在岗"] = "病假"
    write_xlsx(school / "花名册.xlsx", {"花名册": kids, "教师": table(staff)})
    assert findings(tmp_path, "县") == [("TCH004", "县/青山小学/结对名单.xlsx", 3, "G", SEVERAL)]
    due = run("due", "县", "--as-of", "2026-12-01", "--format", "json", cwd=tmp_path).json()
    counted = {x["teacher"]: [c["child"] for c in x["children"]] for x in due["teachers"]}
    assert counted["李强"] == ["张雨涵", "王梓萱"]
    for out in ("县.xlsx", "县.parquet"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 0
        assert [(c, m) for c, *_, m in findings(tmp_path, out)] == [("TCH004", SEVERAL)], out
