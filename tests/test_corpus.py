"""Real-world spreadsheets (none of them a roster) must never make lbc fall over.

``tests/data/real-world/`` holds files written by real Excel, LibreOffice, WPS and
libraries: odd encodings, merged cells, rich text, formulas, broken and encrypted files
(from calamine's test suite, MIT licence; see the README there).
Every command that reads files must get through each one with exit 0, 1 or 2, and an
exit 2 must be one clear line on stderr, never a traceback or an "internal error".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Result, run
from lbc.roster.reading import SPREADSHEET_SUFFIXES

CORPUS = Path(__file__).resolve().parent / "data" / "real-world"
PREFIX = "lbc: 错误："


def _corpus_files() -> list[Path]:
    """The corpus's spreadsheets; none when the folder is missing, which
    test_corpus_is_there turns into a failure rather than a quiet skip."""
    if not CORPUS.is_dir():
        return []
    return sorted(
        p for p in CORPUS.iterdir() if p.is_file() and p.suffix.lower() in SPREADSHEET_SUFFIXES
    )


FILES = _corpus_files()
PARAMS = [pytest.param(p, id=p.name) for p in FILES]


def assert_survived(result: Result) -> None:
    """Exit 0/1/2, no traceback; exit 2 means exactly one prefixed line on stderr."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(PREFIX), lines[0]
        assert "内部错误" not in lines[0], lines[0]


def test_corpus_is_there() -> None:
    """The files ship with the repository: missing ones mean a broken checkout, and the
    tests below would silently shrink with them."""
    assert CORPUS.is_dir(), f"real-world corpus not found at {CORPUS}"
    assert (CORPUS / "LICENSE-MIT.md").is_file()
    assert len(FILES) == 132


@pytest.mark.parametrize("command", ["validate", "flag", "pair"])
@pytest.mark.parametrize("path", PARAMS)
def test_commands_survive(command: str, path: Path) -> None:
    result = run(command, path)
    assert_survived(result)
    if result.exit_code == 2:
        assert path.name in result.stderr


@pytest.mark.parametrize("command", ["summary", "cards", "diff", "merge"])
@pytest.mark.parametrize("path", PARAMS)
def test_the_other_commands_survive(command: str, path: Path, tmp_path: Path) -> None:
    args: list[str | Path] = {
        "summary": [path, "--term", "2024-autumn"],
        "cards": [path, "--out", tmp_path / "cards.html"],
        "diff": [path, path],
        "merge": [path, "--out", tmp_path / "county.xlsx"],
    }[command]
    assert_survived(run(command, *args))


def test_validate_json_on_corpus() -> None:
    """JSON output on real files: a document when one reads, else the usual single line.

    None of these files is a roster, so most stop at "no children sheet" (exit 2, nothing
    on stdout): the JSON path must fail as cleanly as the table one.
    """
    assert FILES, f"real-world corpus not found at {CORPUS}"
    no_children = 0
    for path in FILES:
        result = run("validate", path, "--format", "json")
        assert_survived(result)
        if result.exit_code in (0, 1):
            document = result.json()
            assert set(document) >= {"lbc", "files", "summary", "findings"}
        elif "没有找到留守儿童名册" in result.stderr:
            assert result.stdout == ""
            no_children += 1
    assert no_children >= len(FILES) // 2
