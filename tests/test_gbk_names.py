"""File names that are not UTF-8 (GBK names from a zip made on Chinese Windows) are read,
and printed readably: on POSIX Python holds their bytes as surrogate escapes, which
calamine could not open and no UTF-8 stream can print."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, child_row, run, write_xlsx

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="only Linux file systems take names that are not UTF-8"
)


def gbk_named(folder: Path, name: str, bad_id: bool = False) -> Path:
    """A roster whose file name is ``name`` in GBK bytes, as unzipping leaves it; with
    ``bad_id`` its second child's ID is wrong, so a finding names the file."""
    second = child_row(2, 身份证号="1") if bad_id else child_row(2)
    path = write_xlsx(folder / "tmp.xlsx", {"花名册": [CHILD_HEADER, child_row(1), second]})
    target = Path(os.fsdecode(os.fsencode(folder) + b"/" + name.encode("gbk")))
    path.rename(target)
    assert not target.name.isprintable()  # surrogate escapes: what lbc is handed
    return target


def test_a_folder_with_a_gbk_name_is_read_whole(tmp_path: Path) -> None:
    gbk_named(tmp_path, "青山小学花名册.xlsx", bad_id=True)
    write_xlsx(tmp_path / "好.xlsx", {"花名册": [CHILD_HEADER, child_row(3, 身份证号="1")]})
    result = run("validate", tmp_path, "--format", "json")
    assert result.exit_code == 1, result.stderr
    files = {f["file"] for f in json.loads(result.stdout)["findings"]}
    assert files == {f"{tmp_path}/青山小学花名册.xlsx", f"{tmp_path}/好.xlsx"}
    # Both files' second child has the ID number 1 (ID001): one ID number, counted once, as
    # lbc merge's headline and lbc summary count it.
    assert json.loads(result.stdout)["summary"]["children"] == 2
    for fmt in ("table", "csv"):
        shown = run("validate", tmp_path, "--format", fmt)
        assert shown.exit_code == 1 and f"{tmp_path}/青山小学花名册.xlsx" in shown.stdout


def test_an_error_names_the_file_readably(tmp_path: Path) -> None:
    path = gbk_named(tmp_path, "青山小学花名册.xlsx")
    path.write_bytes(b"")
    result = run("validate", path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：{tmp_path}/青山小学花名册.xlsx 是空文件\n",
    )


def test_merge_names_the_gbk_file_readably(tmp_path: Path) -> None:
    schools = tmp_path / "schools"
    schools.mkdir()
    gbk_named(schools, "青山小学花名册.xlsx")
    out = tmp_path / "全县.xlsx"
    result = run("merge", schools, "--out", out, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "青山小学花名册.xlsx" in result.stdout
    sheet = load_workbook(out).worksheets[0]
    assert {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        f"{schools}/青山小学花名册.xlsx"
    }
