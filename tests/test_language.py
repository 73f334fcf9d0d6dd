"""One language: what click, typer and the system say reaches the user in Chinese, and in
English with ``--lang en``. Help screens and usage errors are built by typer and click,
which speak English of their own; lbc.commands.framework and messages.from_click route
their words through lbc's catalogue, for every command, present and future."""

from __future__ import annotations

import os
import re

import pytest
import typer.main
from rich.cells import cell_len
from test_bad_input import lbc_in_child
from test_usage_errors import console

from conftest import CHILD_HEADER, child_row, run, write_xlsx
from lbc.app import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]

# Words that may stand in Chinese text: commands, format and language names, product names.
ALLOWED = {*COMMANDS, "lbc", "table", "json", "csv", "md", "html", "docx", "xlsx", "xls"}
ALLOWED |= {"zh", "en", "Jinja", "Markdown", "Tab", "Excel", "WPS", "Word", "Windows"}
ALLOWED |= {"pairs", "records"}  # keys of lbc.toml, written as the file spells them


def english_words(text: str, *typed: str) -> set[str]:
    """ASCII words in ``text`` that are neither an option (--format, -f), a placeholder
    (FILES, OUT.xlsx), a code or value with a digit (ID002, 2024-autumn), a file name
    (lbc.toml), what the user typed (``typed``) nor an ALLOWED word."""
    words = {w.rstrip(".") for w in re.findall(r"[A-Za-z0-9_.\-]+", text)} - set(typed)
    words = {w for w in words if "_" not in w}  # an lbc.toml key: max_per_teacher
    return {
        w
        for w in words
        if re.search("[a-z]", w)
        and not (w.startswith("-") or re.search(r"[\d.]", w) or w in ALLOWED)
    }


def test_english_words_finds_what_click_would_leak():
    assert english_words(
        "Usage: lbc pair [OPTIONS] [files]... --help -h <bool> Show this message and exit."
    ) == {"Usage", "files", "bool", "Show", "this", "message", "and", "exit"}


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_screen_is_chinese(command):
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert english_words(result.stdout) == set()


def test_a_help_screen_at_80_columns_wraps_and_says_it_all_in_chinese():
    """The head of ``lbc pair -h`` exactly, and its options' lines that say typer's words
    (others may add options in between)."""
    lines = [line.rstrip() for line in run("pair", "--help").stdout.splitlines()]
    assert lines[:10] == [
        "",
        " 用法：lbc pair [选项] [文件]...",
        "",
        " 为留守儿童安排结对帮扶教师（一对一），优先重点儿童，保留上学期结对",
        "",
        "╭─ 参数 ───────────────────────────────────────────────────────────────────────╮",
        "│   文件      <路径>...  花名册文件（.xlsx .xls .csv …）；不写则使用 lbc.toml  │",
        "│                        中的文件                                              │",
        "╰──────────────────────────────────────────────────────────────────────────────╯",
        "╭─ 选项 ───────────────────────────────────────────────────────────────────────╮",
    ]
    for line in (
        "│ --config                   <路径>       lbc.toml 的路径（默认在当前及上级目  │",
        "│ --max-per-teacher          <整数> [≥0]  每位教师最多结对的儿童数（默认取     │",
        "│                                         lbc.toml，否则 2；教师名单的“可帮扶  │",
        "│ --format           -f      <文本>       输出格式：table、json 或 csv         │",
        "│                                         [默认：table]                        │",
        "│ --help             -h                   显示本帮助并退出                     │",
    ):
        assert line in lines, line
    assert max(map(cell_len, lines)) == 80


def test_help_in_english_keeps_clicks_words():
    result = console("--lang", "en", "diff", "--help", cwd=os.getcwd())
    assert result.returncode == 0
    assert " Usage: lbc diff [OPTIONS] {OLD} {NEW}" in result.stdout
    assert "Show this message and exit." in result.stdout
    assert "[default: table]" in result.stdout
    assert "╭─ Arguments ─" in result.stdout


USAGE_ERRORS = [
    (["validate", "--formt", "json"], "没有这个选项：--formt（相近的选项：--format）"),
    (["valdate"], "没有这个命令：valdate（是不是要写 validate？）"),
    (["frob"], "没有这个命令：frob"),
    (["diff"], "缺少参数 旧名册"),
    (["diff", "a.xlsx", "b.xlsx", "c.xlsx"], "多余的参数：c.xlsx"),
    (["pair", "--max-per-teacher", "x"], "--max-per-teacher 的值不对：应为整数"),
    (["pair", "--max-per-teacher", "-1"], "--max-per-teacher 的值不对：应不小于 0"),
    (["validate", "--strict=yes"], "选项 --strict 后面不能写值"),
    (["summary", "--term"], "选项 --term 后面要写一个值"),
    (["--lang"], "选项 --lang 后面要写一个值"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_are_one_chinese_line(tmp_path, args, message):
    result = console(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"lbc: 错误：{message}（lbc -h 查看用法）\n"
    assert english_words(result.stderr, *args) == set()


def test_usage_errors_in_english_stay_english(tmp_path):
    result = console("diff", "a.xlsx", "b.xlsx", "c.xlsx", "--lang", "en", cwd=tmp_path)
    assert result.stderr == "lbc: error: Got unexpected extra argument(s) (c.xlsx) (see lbc -h)\n"
    result = console("validate", "--formt", cwd=tmp_path, env={"LBC_LANG": "en"})
    assert result.stderr == (
        "lbc: error: No such option: --formt (Possible options: --format) (see lbc -h)\n"
    )


def test_a_folder_given_as_config_or_template_is_said_in_chinese(samples):
    folder = samples / "上学期"
    result = run("validate", "--config", folder, cwd=samples)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：配置文件 {folder} 有误：这是一个文件夹\n",
    )
    result = run("summary", "--term", "2024-autumn", "--template", folder, cwd=samples)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：模板 {folder} 第 - 行出错：这是一个文件夹\n",
    )


TOML_HINT = "写法不对（请对照 lbc init 生成的 lbc.toml 检查引号、括号和等号）"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'[school\nname = "x"\n', "第 1 行第 8 列" + TOML_HINT),
        (b'[school]\nname = "x\n', "第 2 行第 10 列" + TOML_HINT),
        (b"[school]\nname = [\n", "文件末尾写法不对，可能有没配对的引号或括号"),
        ('[school]\nname = "青山"\n'.encode("gbk"),
         "不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后再试"),
    ],
)  # fmt: skip
def test_a_mistyped_lbc_toml_is_said_in_chinese(tmp_path, content, reason):
    (tmp_path / "lbc.toml").write_bytes(content)
    result = run("validate", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：配置文件 {tmp_path / 'lbc.toml'} 有误：{reason}\n",
    )


def test_running_out_of_memory_is_one_clear_line(samples, monkeypatch):
    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr("lbc.commands.common.read_roster", exhausted)
    result = run("validate", cwd=samples)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "lbc: 错误：内存不足，未能完成：请关闭其他程序后重试，或把名册分成几份分别处理\n",
    )


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["--version"], []])
def test_help_or_version_to_a_closed_pipe_ends_quietly(tmp_path, args):
    """``lbc --help | head -c 0``: the reader is gone before lbc writes a byte."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = console(*args, cwd=tmp_path, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


def test_init_where_a_file_stands_in_the_path_is_said_in_chinese(tmp_path):
    (tmp_path / "a").write_text("x")
    result = run("init", tmp_path / "a" / "新学校")
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：无法写入 {tmp_path / 'a' / '新学校'}：路径中有一段不是文件夹\n",
    )


def test_columns_not_read_are_listed_in_english_with_english_commas(tmp_path):
    """A roster with two columns lbc does not know and two more for a field already read:
    with --lang en the notes list them as English lists, not with the Chinese 、."""
    header = [*CHILD_HEADER, "爱好", "特长", "现住址", "住址"]
    rows = [header, [*child_row(1), "画画", "唱歌", "某村", "某村"]]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    notes = run("--lang", "en", "validate", path).stderr
    assert "ignored: 爱好(O), 特长(P)" in notes
    assert "only the earlier one is read: 现住址(Q), 住址(R)" in notes
    assert "、" not in notes


def test_lists_in_english_errors_and_notes_use_english_commas(samples):
    """An unsupported --format lists the formats a command has; with --lang en it is an
    English list, not one joined with the Chinese 、 (as every list lbc says now is)."""
    result = run("--lang", "en", "due", samples, "--format", "md")
    assert (result.exit_code, result.stderr) == (
        2,
        "lbc: error: unsupported format: md (choose table, json, csv)\n",
    )
    chinese = run("due", samples, "--format", "md")
    assert chinese.stderr == "lbc: 错误：不支持的输出格式：md（可选 table、json、csv）\n"


# Workers started as on Windows, and two of them on any machine.
SPAWN = "import multiprocessing, os\nmultiprocessing.set_start_method('spawn')\n"
SPAWN += "os.cpu_count = lambda: 2"
NO_FORK = "from lbc.roster import supervised\nsupervised.CAN_FORK = False"
TEXT_FILE = (
    "{path} is really a text file (such as CSV or tab-separated text), not an Excel "
    "workbook: open it in Excel, save it as .xlsx and try again"
)


def test_merge_workers_started_by_spawn_speak_the_runs_language(tmp_path):
    """lbc merge reads the schools in worker processes. Where they are spawned (Windows)
    they import lbc afresh and knew LBC_LANG but not --lang: a file one of them could not
    read was said in Chinese in an English run (县/c/花名册.xlsx 实际是文本文件…). The
    language now goes to each worker with its start."""
    root = tmp_path / "县"
    for folder in ("a", "b", "c"):
        (root / folder).mkdir(parents=True)
    write_xlsx(root / "a" / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    write_xlsx(root / "b" / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(2)]})
    (root / "c" / "花名册.xlsx").write_text("姓名,性别\n", encoding="utf-8")
    out = tmp_path / "m.xlsx"
    result = lbc_in_child("merge", root, "--out", out, "--lang", "en", prelude=SPAWN)
    bad = root / "c" / "花名册.xlsx"
    assert result.exit_code == 1, result.stderr
    assert result.stderr == (
        f"wrote the merged roster: {out} (2 files)\n"
        f"note: not merged: {bad}: {TEXT_FILE.format(path=bad)}\n"
    )


def test_a_spawned_reading_child_speaks_the_runs_language(tmp_path):
    """Where there is no fork (Windows) a file is read in a spawned child, which said what
    it found wrong with the file in Chinese in an English run."""
    bad = tmp_path / "花名册.xlsx"
    bad.write_text("姓名,性别\n", encoding="utf-8")
    result = lbc_in_child("validate", bad, "--lang", "en", prelude=NO_FORK)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"lbc: error: {TEXT_FILE.format(path=bad)}\n"
