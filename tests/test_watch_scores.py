"""Pairing weighs the children on the watch list by their scores alone (watch_scores),
drawn without wording a reason: it must list exactly the children ``lbc watch`` lists,
with the same scores, whatever the settings, the day, a school's own [watch] in a county's
folder, or a child's reasons read from a second row of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, write_xlsx
from lbc.api import read
from lbc.checks.watch import watch_list, watch_scores
from lbc.workspace.config import WatchSettings

QS, BH = "青山小学", "白鹤小学"
TEACHER = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
DAYS = [dt.date(2024, 9, 2), dt.date(2024, 11, 20), dt.date(2025, 1, 10), dt.date(2025, 3, 1)]
SETTINGS = [
    WatchSettings(),
    WatchSettings(threshold=1),
    WatchSettings(threshold=0),
    WatchSettings(threshold=0, weights={"WCH012": 0, "WCH004": 0}),
    WatchSettings(threshold=5, guardian_age=60),
    WatchSettings(threshold=2, weights={"WCH012": 0, "WCH014": 4}),
    WatchSettings(threshold=1, weights={"WCH008": 0, "WCH009": 0}, days_without_contact=10),
]


def same(paths: list[Path], config: Path | None = None) -> None:
    roster = read(paths, config).tables
    for settings in SETTINGS:
        for day in DAYS:
            listed = [(w.table, w.i, w.score) for w in watch_list(roster, settings, day)]
            assert watch_scores(roster, settings, day) == listed, (settings, day)


def test_the_samples_scores_are_the_lists(samples: Path) -> None:
    same([samples / "roster.xlsx"], samples / "lbc.toml")
    same([samples / "大桥镇中心小学" / "roster.xlsx"], samples / "大桥镇中心小学" / "lbc.toml")


def test_a_schools_own_watch_settings_give_its_childrens_scores(tmp_path: Path) -> None:
    """Two schools' children, 青山小学 with its own [watch]: each child scored by its own
    school's weights and threshold."""
    root = tmp_path / "全县"
    for name, n in ((QS, 1), (BH, 3)):
        (root / name).mkdir(parents=True)
        rows = [
            [*child_row(n, 健康状况="哮喘"), 66, "王芳"],
            [*child_row(n + 1, 健康状况="残疾"), 75, None],
            [*child_row(n + 2), 40, None],
        ]
        header = [*CHILD_HEADER, "监护人年龄", "帮扶教师"]
        sheets = {"花名册": [[f"{name}留守儿童花名册"], header, *rows]}
        sheets["教师"] = [TEACHER_HEADER, TEACHER]
        write_xlsx(root / name / "花名册.xlsx", sheets)
    (root / QS / "lbc.toml").write_text(
        f'[school]\nname = "{QS}"\n[files]\nroster = ["花名册.xlsx"]\n'
        "[watch]\nthreshold = 4\nguardian_age = 65\n[watch.weights]\nWCH012 = 0\nWCH008 = 5\n",
        encoding="utf-8",
    )
    same([root])


@pytest.mark.parametrize("kind", ["留守", "非留守"])
def test_reasons_from_a_childs_second_row_count_in_its_score(tmp_path: Path, kind: str) -> None:
    """张雨涵 is on 一班 with nothing wrong, and on 二班 again (one ID number) as 孤儿 and
    患病: her score counts what the second row says, as the list does."""
    header = [*CHILD_HEADER, "类别"]
    first = [*child_row(1, kind=kind, 监护人姓名=None, 与儿童关系=None, 监护人电话=None), None]
    other = [*child_row(2, kind=kind), None]
    again = [*child_row(1, kind=kind, 健康状况="患病"), "孤儿"]
    sheets = {"一班": [header, other, first], "二班": [header, again]}
    sheets["教师"] = [TEACHER_HEADER, TEACHER]
    same([write_xlsx(tmp_path / "roster.xlsx", sheets)])
