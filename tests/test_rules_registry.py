"""Every rule, from the registry: its texts in both languages, and a roster that fires it.

The rules are read from ``lbc.checks.registry``, the rosters from ``rule_fixtures``: a rule
without a fixture, or a fixture for a code the registry lacks, fails here. A fixture's
finding must be at its exact cell and its message must be that rule's sentence in Chinese
and in English; ``Rule.message`` refuses parameters other than the text's placeholders, so
a check and its sentence cannot drift apart.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from conftest import run, write_xlsx
from lbc.checks.registry import RULES, R, RuleKind, placeholders
from lbc.messages import both
from rule_fixtures import FIXTURES

TEXTS = ("title", "example", "why", "fix")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("code", list(RULES))
def test_texts_in_both_languages(code: str) -> None:
    rule = RULES[code]
    zh, en = both(rule.message_key)
    assert placeholders(zh) == placeholders(en) == rule.placeholders
    for name in TEXTS:
        zh, en = both(f"{rule.message_key}.{name}")
        assert zh.strip() and en.strip(), name
        assert CJK.search(zh), f"{name} has no Chinese: {zh}"
        # shown as they are: a {placeholder} would be printed literally
        assert placeholders(zh) == placeholders(en) == set(), name
    assert isinstance(rule.kind, RuleKind) and rule.severity in ("error", "warning")


def pattern(template: str, empty: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A message template as a regex: its text literally, each placeholder as any text,
    but those in ``empty`` as none."""
    parts = string.Formatter().parse(template)
    return re.compile(
        "".join(
            re.escape(text) + ("(.+?)" if name and name not in empty else "")
            for text, name, _, _ in parts
        )
    )


@pytest.mark.parametrize("code", sorted(set(RULES) | set(FIXTURES)))
def test_fixture_fires_the_rule_at_its_cell(tmp_path: Path, code: str) -> None:
    assert code in RULES, f"fixture for {code}, which the registry does not have"
    assert code in FIXTURES, f"{code} has no fixture in tests/rule_fixtures.py"
    fixture = FIXTURES[code]
    assert set(fixture.empty) <= RULES[code].placeholders, fixture.empty
    for name, sheets in fixture.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(tmp_path / name, sheets)
    watch = RULES[code].kind is RuleKind.WATCH
    if watch:  # one reason is enough to be listed
        (tmp_path / "lbc.toml").write_text("[watch]\nthreshold = 1\n", encoding="utf-8")
    command = "watch" if watch else "validate"
    for lang, template in zip(("zh", "en"), both(RULES[code].message_key), strict=True):
        result = run(
            "--lang", lang, command, fixture.target, *fixture.args, "--format", "json", cwd=tmp_path
        )
        assert result.exit_code in (0, 1), result.stderr
        found = [f for f in findings(result.json()) if f["code"] == code]
        at = [(f["file"], f["sheet"], f["row"], f["column"], f["field"]) for f in found]
        assert at == [fixture.at]
        assert pattern(template, fixture.empty).fullmatch(found[0]["message"]), found[0]["message"]


def findings(document: dict) -> list[dict]:
    """validate's findings, or each reason of lbc watch's list with the child's place."""
    if "findings" in document:
        return document["findings"]
    return [
        {**reason, "file": c["file"], "sheet": c["sheet"], "row": c["row"]}
        for group in document["classes"]
        for c in group["children"]
        for reason in c["reasons"]
    ]


def test_a_message_takes_exactly_its_placeholders() -> None:
    assert R.ID003.message(raw="20160230") == "身份证号中的出生日期 20160230 不是真实日期"
    with pytest.raises(
        ValueError, match=r"ID003: the check passes \[\], the message fills in \['raw'\]"
    ):
        R.ID003.message()
    with pytest.raises(ValueError, match="ID002"):
        R.ID002.message(label="身份证号")


def test_contact_rules_are_the_contact_kind() -> None:
    """The summary counts contacts apart by a rule's kind, as it once did by the CON prefix."""
    for code, rule in RULES.items():
        assert (rule.kind is RuleKind.CONTACT) == code.startswith("CON"), code
