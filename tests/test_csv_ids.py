"""ID numbers through CSV files lbc writes: Excel opens an ID number of 18 digits as a
number and keeps 15 of them, so lbc writes one as text Excel keeps (="511321…"); and an
ID cell that was a number in the school's file (its last digits already lost) as the
number it was, so that reading the CSV back says ID004 again rather than take its digits
for an ID number typed as text (ID002, or no finding at all when the check digit fits)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import CHILD_HEADER, child_row, run, write_xlsx
from lbc.output.formats import to_csv
from lbc.roster import normalise as nz
from lbc.roster.reading import read_book

# The first 15 digits of conftest's children 2 and 3, as a number cell holds them.
NUMBER = "5.11321201605011E+17"
MASKED = "5.1132**********E+17"


def number_ids(path: Path) -> Path:
    """A roster whose 身份证号 of children 2 and 3 were typed as numbers: Excel keeps 15
    significant digits (511321201605011000)."""
    rows = [CHILD_HEADER, child_row(1), child_row(2), child_row(3)]
    for row in rows[2:]:
        row[3] = float(row[3][:15] + "000")
    return write_xlsx(path, {"花名册": rows})


def id_cells(path: Path) -> list[str]:
    """The id_number cells of a CSV lbc wrote, as the file holds them: its rows of
    children (an export's rows saying which columns each sheet had are no child's)."""
    text = path.read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text))
    return [row["id_number"] for row in rows if row.get("table", "children") == "children"]


def id_findings(path: Path) -> list[tuple[int, str, str, str]]:
    result = run("validate", path, "--select", "ID", "--format", "json")
    assert result.exit_code == 1, result.stderr
    return [(f["row"], f["column"], f["code"], f["value"]) for f in result.json()["findings"]]


def test_export_to_csv_and_back_says_the_number_cells_again(tmp_path: Path) -> None:
    path = number_ids(tmp_path / "r.xlsx")
    assert id_findings(path) == [
        (3, "D", "ID004", "511321********1000"),
        (4, "D", "ID004", "511321********1000"),
    ]
    out = tmp_path / "x.csv"
    result = run("export", path, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert id_cells(out) == [f'="{child_row(1)[3]}"', NUMBER, NUMBER]
    assert id_findings(out) == [(3, "H", "ID004", MASKED), (4, "H", "ID004", MASKED)]


def test_a_merged_roster_exported_to_csv_says_the_number_cells_again(tmp_path: Path) -> None:
    path = number_ids(tmp_path / "r.xlsx")
    merged, out = tmp_path / "县.xlsx", tmp_path / "县.csv"
    assert run("merge", path, "--out", merged).exit_code == 1  # ID004: numbers, as validate says
    assert run("export", merged, "--out", out).exit_code == 0
    assert id_cells(out) == [f'="{child_row(1)[3]}"', NUMBER, NUMBER]
    assert id_findings(out) == [(3, "H", "ID004", MASKED), (4, "H", "ID004", MASKED)]


def test_a_number_cells_digits_that_pass_the_check_are_no_id(tmp_path: Path) -> None:
    """Excel's 15 digits of 511321201605014023 typed as a number, 511321201605014000, pass
    the check digit (as one such number in eleven does): read back from a CSV as digits,
    the child would have that wrong ID without a word."""
    row = child_row(1, 身份证号=float("511321201605014023"))
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, row]})
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    assert id_cells(out) == ["5.11321201605014E+17"]
    assert id_findings(out) == [(2, "H", "ID004", "5.1132**********E+17")]


def test_the_csv_writer_keeps_digits_excel_would_change_as_text() -> None:
    """Past 11 digits Excel shows a number in scientific notation and keeps 15; it drops a
    leading 0. A mobile's 11 digits, a masked ID, a number and a formula are as before."""
    cells = [
        "511321201605011029",
        "123456789012",
        "08175521234",
        "13812345678",
        "511321********123X",
        "-5",
        "=1+1",
    ]
    rows = [{str(k): v for k, v in enumerate(cells)}]
    assert to_csv(rows, [str(k) for k in range(len(cells))], bom=False).splitlines()[1] == (
        '"=""511321201605011029""","=""123456789012""","=""08175521234""",'
        "13812345678,511321********123X,-5,'=1+1"
    )


@given(digits=st.from_regex(r"[0-9]{1,30}", fullmatch=True))
def test_digits_read_back_as_written(digits: str) -> None:
    """Whatever digits lbc writes into a CSV cell, reading the file gives them back."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_text(to_csv([{"a": digits, "b": "x"}], ["a", "b"]), encoding="utf-8")
        (sheet,) = read_book(path).sheets
    assert sheet.rows == [["a", "b"], [digits, "x"]]


@given(number=st.integers(0, 10**20) | st.integers(0, 10**20).map(float))
def test_a_number_cell_id_reads_back_as_one(number: float) -> None:
    """An ID cell typed as a (whole) number, written as a CSV holds it, is read back as a
    number cell of the same value."""
    cell = nz.id_number(number)
    assert isinstance(cell, nz.NumericId)
    again = nz.id_number(nz.number_text(cell))
    assert isinstance(again, nz.NumericId)
    assert Decimal(again.digits) == Decimal(cell.digits)


def test_a_number_cell_id_and_its_csv_are_no_change(tmp_path: Path) -> None:
    """Children 2 and 3's IDs typed as numbers, their CSV export holding them as
    5.11321201605011E+17: lbc diff of the workbook against its CSV finds no ID changed. It
    said each changed from 511321201605011000 to the same (two number cells, their
    digits written two ways); an ID typed another way still is a change."""
    path = number_ids(tmp_path / "r.xlsx")
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    same = run("diff", path, out, "--format", "json")
    assert same.json()["summary"]["changed"] == 0
    rows = [CHILD_HEADER, child_row(1), child_row(2), child_row(3)]
    rows[2][3] = float("511321201605012" + "000")  # another number: its 15th digit
    other = write_xlsx(tmp_path / "另.xlsx", {"花名册": rows})
    changed = run("diff", out, other, "--format", "json").json()["changed"]
    assert [(c["child"], [x["field"] for x in c["changes"]]) for c in changed] == [
        (child_row(2)[1], ["id_number"])
    ]


@given(st.integers(11 * 10**16, 89 * 10**16))
def test_two_number_cells_are_one_id_as_kept(number: int) -> None:
    """An ID typed as a number (its area code 11 to 89), and the same number as a CSV of it
    holds it (15 significant digits, E+17), are one ID either way round."""
    whole = nz.id_number(number)
    written = nz.id_number(f"{float(number):.14E}")
    assert nz.same_id(whole, written) and nz.same_id(written, whole)


def test_an_export_holds_the_roster_whole_for_its_owner_alone(tmp_path: Path) -> None:
    """lbc export's files are the roster itself, read back by every command: ID and phone
    numbers whole in each format (a masked ID read back would be an error on every row),
    and each file readable by its owner only, as the school's own data."""
    import stat

    import pandas as pd

    row = child_row(1)
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": [CHILD_HEADER, row]})
    ident = row[CHILD_HEADER.index("身份证号")]
    for suffix in ("csv", "parquet", "xlsx"):
        out = tmp_path / f"export.{suffix}"
        assert run("export", path, "--out", out).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        if suffix == "csv":
            text = out.read_text(encoding="utf-8-sig")
            assert f'"=""{ident}"""' in text and ",13812345678," in text
        elif suffix == "parquet":
            children = pd.read_parquet(out).query("table == 'children'")
            assert children[["id_number", "father_phone"]].values.tolist() == [
                [ident, "13812345678"]
            ]
        read = run("validate", out, "--select", "ID,PHN", "--format", "json")
        assert read.json()["findings"] == []


def test_an_id_number_made_text_after_excel_kept_15_digits_is_said_so(tmp_path: Path) -> None:
    """An ID column typed as numbers, then set to text and each cell typed again (as Excel
    asks, to stop showing 5.11321E+17), holds 511321201605011000: its last three digits
    lost, as text. With a wrong check digit, ID002 said one character was mistyped, for
    the school to look for it; with a right one (one in eleven, 511321201605014000), it
    was a right ID number without a word. The first is said to end in 000, its digits
    lost; the second too (ID011, a warning), beside it."""
    rows = [
        child_row(1, 身份证号=child_row(1)[3][:15] + "000"),
        child_row(2, 身份证号="511321201605014000"),
        child_row(3),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    result = run("validate", path, "--select", "ID", "--format", "json")
    assert result.exit_code == 1, result.stderr
    lost = "存成数字（Excel 只保留15位）后又改成文本，后三位已丢失"
    assert [
        (f["row"], f["code"], f["severity"], f["message"]) for f in result.json()["findings"]
    ] == [
        (
            2,
            "ID002",
            "error",
            f"身份证号校验位错误；末三位是 000，像是曾{lost}，请对照户口簿重新录入",
        ),
        (
            3,
            "ID011",
            "warning",
            "身份证号末三位是 000，而本表还有末三位是 000、校验位不对的身份证号："
            f"这个号码可能也是{lost}；请对照户口簿核对",
        ),
    ]


def test_an_id_number_ending_in_000_alone_is_a_real_one(tmp_path: Path) -> None:
    """One real ID number in a thousand ends in 000 (order code 100, check digit 0): where
    no other ID of the sheet ends in 000 with a wrong check digit, it is read as the ID it
    is, a number cell beside it (ID004: that one cell typed as a number) or not."""
    rows = [
        child_row(1),
        child_row(2, 身份证号="511321201605014000"),
        child_row(3, 身份证号=float(child_row(3)[3])),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    result = run("validate", path, "--select", "ID", "--format", "json")
    assert [(f["row"], f["code"]) for f in result.json()["findings"]] == [(4, "ID004")]
