"""A name without its term, read alone as a folder's name is (``_without_term``) or cut as
a title is (``_cut_title``), reads as it did before the two shared one home for dropping a
term: pinned on the names of schools, files, folders and titles the tests use
(names_without_term.json, each with what the two returned then)."""

from __future__ import annotations

import json
from pathlib import Path

from lbc.roster.school_names import _cut_title, _without_term

BEFORE: dict[str, list[str]] = json.loads(
    Path(__file__).with_name("names_without_term.json").read_text("utf-8")
)


def test_names_read_without_their_term_as_before() -> None:
    now = {name: [_without_term(name), _cut_title(name)] for name in BEFORE}
    assert now == BEFORE


def test_the_pinned_names_drop_terms_and_cut_titles() -> None:
    # The table holds names of each kind it pins, not only names left as they are.
    assert BEFORE["白鹤小学（秋季）"] == ["白鹤小学", "白鹤小学"]
    assert BEFORE["青山镇中心小学留守儿童花名册（2024年秋季学期）"] == [
        "青山镇中心小学留守儿童花名册",
        "青山镇中心小学",
    ]
    assert BEFORE["春季"] == ["", ""]
