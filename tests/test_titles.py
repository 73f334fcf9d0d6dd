"""Where a long title breaks (lbc.documents.titles) and how a table's caption is read
(lbc.documents.blocks): the Word and HTML summaries both follow these."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbc.documents.blocks import parse
from lbc.documents.titles import MOST_LINES, PER_LINE, title_lines, width


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        # not …第一学期留 / 守儿童…: after the term, the lines as alike as phrases allow
        (
            "青山镇中心小学2024—2025学年第一学期留守儿童关爱工作总结",
            ["青山镇中心小学2024—2025学年第一学期", "留守儿童关爱工作总结"],
        ),
        (
            "（学校名称）2024—2025学年第二学期留守儿童关爱工作总结",
            ["（学校名称）2024—2025学年第二学期", "留守儿童关爱工作总结"],
        ),
        (
            "青山镇中心小学2025年春季学期留守儿童关爱工作总结",
            ["青山镇中心小学2025年春季学期", "留守儿童关爱工作总结"],
        ),
        # the term kept whole even where breaking inside it would be more even
        (
            "南部县大桥镇第二中心小学2024-2025学年第一学期留守儿童工作总结",
            ["南部县大桥镇第二中心小学", "2024-2025学年第一学期留守儿童工作总结"],
        ),
        # a school year joined by 至, its term by 上学期 after 学年度: whole too
        (
            "大桥镇中心小学2024至2025学年度上学期留守儿童关爱工作总结",
            ["大桥镇中心小学2024至2025学年度上学期", "留守儿童关爱工作总结"],
        ),
        ("大桥镇中心小学留守儿童工作总结", ["大桥镇中心小学留守儿童工作总结"]),  # fits
        # a long name: three lines between phrases, where the renderer cut …第一学期留 / 守…
        (
            "四川省南充市南部县青山镇中心小学校2024—2025学年第一学期留守儿童关爱工作总结",
            ["四川省南充市南部县青山镇中心小学校", "2024—2025学年第一学期", "留守儿童关爱工作总结"],
        ),
        # no phrase break that fits: left whole for the renderer, never cut mid-word
        (
            "一二三四五六七八九十一二三四五六七八九十一二三四五",
            ["一二三四五六七八九十一二三四五六七八九十一二三四五"],
        ),
    ],
)
def test_titles_break_between_phrases_in_balanced_lines(title: str, lines: list[str]) -> None:
    assert title_lines(title) == lines


@given(st.text(alphabet="留守儿童关爱工作总结学期年第一二小中学校镇2024—（）ab", max_size=60))
def test_a_title_is_never_changed_only_broken(title: str) -> None:
    lines = title_lines(title)
    assert "".join(lines) == title
    assert 1 <= len(lines) <= MOST_LINES
    if len(lines) > 1:
        assert all(0 < width(line) <= PER_LINE for line in lines)
        for before, after in itertools.pairwise(lines):
            assert not (before.endswith("留") and after.startswith("守"))
            assert not (before[-1].isascii() and after[0].isascii())  # 2024 stays whole


def test_a_caption_line_names_the_table_after_it() -> None:
    blocks = parse(
        ": 各班人数\n| 班级 | 人数 |\n|---|---|\n| 一年级(1)班 | 3 |\n\n: 不是表题\n正文\n"
    )
    assert [(b.kind, b.caption, b.text) for b in blocks] == [
        ("table", "各班人数", ""),
        ("p", "", ": 不是表题"),
        ("p", "", "正文"),
    ]
    assert blocks[0].rows == [["班级", "人数"], ["一年级(1)班", "3"]]
