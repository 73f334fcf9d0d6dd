"""ID numbers through CSV files lbc writes: Excel opens an ID number of 18 digits as a
number and keeps 15 of them, so lbc writes one as text Excel keeps (="511321…")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from lbc.output.formats import to_csv
from lbc.roster.reading import read_book


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
