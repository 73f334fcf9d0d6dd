"""Cells showing a formula's error (a failed VLOOKUP's #N/A) in last term's roster or this
term's: no change of the child to watch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_error_cells import roster

from conftest import child_row, run

ADDRESS = "四川省南部县青山镇幸福村3组"


def test_a_cell_showing_na_in_either_term_is_no_change_to_watch(tmp_path: Path) -> None:
    """张雨涵's guardian and address, on file last term, show #N/A this term; 李明轩's
    guardian, 留守类型 and address showed #N/A last term and are filled in now. The watch
    list said 张雨涵's guardian changed "张大爷 → #N/A" and her address too, and 李明轩's
    "#N/A → 张大爷", each change weighed as a new guardian, a new home: both were listed. A
    cell showing an error says nothing of who the guardian is (VAL007 says the cell), so
    neither is a change; 王梓萱's new guardian and address are."""
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
        (4, "王梓萱", 3, ["监护人变了：张大爷 → 李阿姨", f"家庭住址变了：{ADDRESS} → 青山镇租房"])
    ]
    summary = run("summary", *args, "--term", "2024-autumn", cwd=tmp_path)
    assert (summary.json()["watch"]["start"], summary.json()["watch"]["end"]) == (0, 1)
