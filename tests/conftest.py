"""Shared helpers for building real roster files and running the real CLI."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from hypothesis import settings
from openpyxl import Workbook
from stdnum.cn import ric
from typer.testing import CliRunner

from lbc import messages
from lbc.app import app
from lbc.roster import reading


def cpu_seconds() -> float:
    """This process's CPU seconds and its finished children's (lbc reads a workbook in a
    child): what shows work was cut short, where a loaded machine stretches the wall clock.
    The wall clock where no such count is kept (Windows)."""
    try:
        import resource
    except ImportError:
        return time.monotonic()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + usage.ru_utime + usage.ru_stime


# No example has a time limit: speed is measured by bench/, and a loaded machine (CI, or
# the suite beside other work) made examples of a reader pass Hypothesis's 200 ms.
settings.register_profile("lbc", deadline=None)
settings.load_profile("lbc")

CHILD_HEADER = [
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "出生日期",
    "班级",
    "健康状况",
    "家庭住址",
    "留守类型",
    "父亲电话",
    "母亲电话",
    "监护人姓名",
    "与儿童关系",
    "监护人电话",
]

TEACHER_HEADER = ["姓名", "性别", "联系电话", "职务", "任教班级", "任教学科", "党员", "在岗"]
RECORD_HEADER = ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"]


def make_id(birth: dt.date, seq: int = 123, region: str = "511321") -> str:
    """A valid 18-character ID: region, birth date, sequence (odd = 男), check digit."""
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


# What a command about pairs says in samples/ before the first ``lbc pair --save``: the
# samples' lbc.toml names 结对名单.xlsx, which is made by pairing, not by make_samples.py.
PAIRS_PENDING = (
    "提示：lbc.toml 指定的结对名单 结对名单.xlsx 尚未生成，帮扶教师取自花名册“帮扶教师”列"
    "（运行 lbc pair --save 生成）\n"
)


# What lbc due and lbc summary say of records that count for no child; the samples' roster
# has one (张皓宣, not on the roster: DEFECTS.md).
def unclear_records(count: int) -> str:
    return (
        f"提示：{count} 条帮扶记录写的学生对不上花名册上的一名儿童（花名册中没有这个名字，"
        "或有同名儿童而没有写明班级），没有计入；请按 lbc validate 所指（REC002、REC003）改正\n"
    )


NAMES = [
    "张雨涵",
    "李明轩",
    "王梓萱",
    "刘浩然",
    "陈思彤",
    "杨子墨",
    "黄欣怡",
    "赵俊熙",
    "周雨桐",
    "吴宇航",
    "徐若曦",
    "孙博文",
]


def child_row(
    n: int,
    name: str | None = None,
    gender: str = "女",
    birth: dt.date = dt.date(2016, 5, 1),
    cls: str = "三年级(2)班",
    kind: str = "父母均外出",
    **overrides: Any,
) -> list[Any]:
    """One clean child row matching CHILD_HEADER; keyword overrides by header label."""
    seq = 100 + n * 2 + (1 if gender == "男" else 0)
    values = {
        "序号": n,
        "姓名": name or (NAMES[n - 1] if n <= len(NAMES) else f"{NAMES[n % len(NAMES)]}{n}"),
        "性别": gender,
        "身份证号": make_id(birth, seq),
        "出生日期": birth,
        "班级": cls,
        "健康状况": "健康",
        "家庭住址": "四川省南部县青山镇幸福村3组",
        "留守类型": kind,
        "父亲电话": "13812345678",
        "母亲电话": "13912345678",
        "监护人姓名": "张大爷",
        "与儿童关系": "祖父",
        "监护人电话": "13712345678",
    }
    values.update(overrides)
    return [values[h] for h in CHILD_HEADER]


def without(drop: Sequence[str], *rows: list[Any]) -> list[list[Any]]:
    """CHILD_HEADER and the given child rows with the ``drop`` columns taken out."""
    keep = [j for j, h in enumerate(CHILD_HEADER) if h not in drop]
    return [[row[j] for j in keep] for row in (CHILD_HEADER, *rows)]


def write_child_csv(path: Path, *rows: list[Any], encoding: str = "utf-8") -> Path:
    """A CSV roster: CHILD_HEADER, then the rows as given."""
    import csv

    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CHILD_HEADER)
        writer.writerows(rows)
    return path


Row = dict[str, Any]


def child_cells(n: int, name: str | None = None, gender: str = "女", **extra: Any) -> Row:
    """conftest's child ``n`` by header label; keywords that are CHILD_HEADER labels
    override its cells, the others (父亲姓名, 帮扶教师, 在校状态 …) become extra columns."""
    own = {k: v for k, v in extra.items() if k in CHILD_HEADER}
    row = dict(zip(CHILD_HEADER, child_row(n, name, gender=gender, **own), strict=True))
    return {**row, **{k: v for k, v in extra.items() if k not in CHILD_HEADER}}


def table(rows: list[Row]) -> list[list[Any]]:
    """A header of every label used (in first-seen order), then the rows."""
    header = list(dict.fromkeys(k for r in rows for k in r))
    return [header, *([r.get(h) for h in header] for r in rows)]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def deobfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.1: the first 32 bytes XORed with the font key GUID's 16 bytes,
    read from the end of its hex string (the same XOR obfuscates and restores). Written
    here from the standard, not taken from lbc, so the tests check lbc against it."""
    mask = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    return bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def embedded_fonts(docx: Path) -> dict[str, list[bytes]]:
    """Font name -> the TrueType fonts a .docx embeds under it, de-obfuscated."""
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(docx) as z:
        fonts = ET.fromstring(z.read("word/fontTable.xml"))
        rels = ET.fromstring(z.read("word/_rels/fontTable.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG}Relationship")}
        out: dict[str, list[bytes]] = {}
        for font in fonts.iter(f"{W}font"):
            for embed in font:
                if embed.tag in (f"{W}embedRegular", f"{W}embedBold"):
                    data = z.read("word/" + str(targets[embed.get(f"{R}id")]))
                    key = str(embed.get(f"{W}fontKey"))
                    out.setdefault(str(font.get(f"{W}name")), []).append(deobfuscate(data, key))
    return out


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A real .xlsx with one sheet per entry; rows start at Excel row 1."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def write_books(root: Path, books: dict[str, Any]) -> Path:
    """Real .xlsx files under ``root`` by their paths in it (青山小学/花名册.xlsx), their
    folders made as needed: each a dict of sheets' rows by sheet name, or rows alone, one
    sheet 花名册 (a school's roster as most tests need it). ``root``, for what follows."""
    for name, book in books.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(path, book if isinstance(book, dict) else {"花名册": book})
    return root


@pytest.fixture(autouse=True)
def _chinese_and_clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in Chinese, without colour, and without a stray LBC_* setting."""
    for var in ("LBC_LANG", "LBC_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    messages.set_lang("zh")


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


def one_error_line(result: Result) -> str:
    """The single stderr line of a run that could not be done (exit 2, nothing on stdout)."""
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# The console script builds the click command from the typer app once per process; typer's
# test runner builds it again on every invoke, which was two thirds of an in-process run's
# time. Built once here too, as in the product.
typer.testing._get_command = functools.cache(typer.main.get_command)  # type: ignore[attr-defined]


def run(*args: str | os.PathLike[str], cwd: Path | None = None) -> Result:
    """Run the real CLI in-process (typer's CliRunner), stdout and stderr kept apart."""
    runner = CliRunner()
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = runner.invoke(app, [str(a) for a in args], prog_name="lbc")
    finally:
        os.chdir(old)
        messages.set_lang("zh")
    return Result(result.exit_code, result.stdout, result.stderr)


def last_contacts(ws: Path, as_of: str) -> list[tuple[int, str, str]]:
    """lbc watch's days-without-contact reasons (WCH013) in workspace ``ws`` on ``as_of``:
    each child's row, support teacher and the reason as said."""
    watch = run("watch", "--as-of", as_of, "--format", "json", cwd=ws)
    return [
        (c["row"], c["support_teacher"], r["message"])
        for group in watch.json()["classes"]
        for c in group["children"]
        for r in c["reasons"]
        if r["code"] == "WCH013"
    ]


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A copy of the sample workspace (lbc.toml and a roster with teachers and records)."""
    folder = tmp_path / "samples"
    shutil.copytree(Path(__file__).resolve().parent.parent / "samples", folder)
    return folder


def merged_county(tmp_path: Path, marks: dict[tuple[int, str], str] | None = None) -> Path:
    """县/全县.xlsx as lbc merge writes it from two schools' rosters of 20 children each
    (青山小学, 白鹤小学, a 学校 column), each roster's cell (row index, header) in ``marks``
    set to its value first."""
    schools = tmp_path / "县"
    schools.mkdir()
    for school in ["青山小学", "白鹤小学"]:
        rows = [[school, *child_row(i + 1)] for i in range(20)]
        for (i, header), value in (marks or {}).items():
            rows[i][CHILD_HEADER.index(header) + 1] = value
        write_xlsx(schools / f"{school}.xlsx", {"花名册": [["学校", *CHILD_HEADER], *rows]})
    merged = tmp_path / "全县.xlsx"
    run("merge", schools, "--out", merged)
    return merged


@pytest.fixture
def count_inflations(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """Counting, from when it is called, each zip member lbc's reader inflates: the list it
    returns names each one (lbc.roster.reading._inflated) every time it is inflated."""

    def start() -> list[str]:
        inflated: list[str] = []
        inflate = reading._inflated

        def counted(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
            inflated.append(info.filename)
            return inflate(zf, info)

        monkeypatch.setattr(reading, "_inflated", counted)
        return inflated

    return start


def on_a_terminal(*args: str, cwd: Path, columns: int = 80) -> str:
    """What ``lbc ARGS`` shows on a terminal ``columns`` wide (a pseudo-terminal)."""
    pty = pytest.importorskip("pty")  # POSIX: Windows consoles are not pseudo-terminals
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LBC_", "COLUMNS", "LINES"))}
    child = subprocess.Popen(
        [sys.executable, "-c", "from lbc.cli import main; main()", *args],
        cwd=cwd, stdout=slave, stderr=subprocess.DEVNULL, env={**env, "NO_COLOR": "1"},
    )  # fmt: skip
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        out += chunk
    child.wait(timeout=60)
    os.close(master)
    return re.sub(r"\x1b\[[0-9;]*m", "", out.decode("utf-8").replace("\r\n", "\n"))  # bold


_REPORT_MODULES = """
import sys, lbc.cli
leave = lbc.cli._leave
def report(code):
    print("\\nMODULES " + " ".join(sorted(sys.modules)))
    leave(code)
lbc.cli._leave = report
sys.argv = ["lbc", *sys.argv[1:]]
lbc.cli.main()
"""


def modules_loaded(*args: str | os.PathLike[str]) -> tuple[int, set[str]]:
    """Run ``lbc ARGS`` in a child interpreter as the console script does, and return its
    exit code and the modules the process that ran the command had imported by its end."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _REPORT_MODULES, *map(str, args)],
        capture_output=True,
        text=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES "))
    return done.returncode, set(line.split()[1:])


_REPORT_PATTERNS = """
import os, re, sys
compile = re.compile
made = []
def compiling(pattern, flags=0):
    made.append(pattern if isinstance(pattern, str) else repr(pattern))
    return compile(pattern, flags)
re.compile = compiling
import lbc.cli
leave = lbc.cli._leave
def report(code):
    sys.stdout.flush()
    os.write(1, ("\\nPATTERNS " + repr(made) + "\\n").encode())
    leave(code)
lbc.cli._leave = report
sys.argv = ["lbc", *sys.argv[1:]]
lbc.cli.main()
"""


def patterns_compiled(*args: str | os.PathLike[str]) -> tuple[int, list[str]]:
    """Run ``lbc ARGS`` in a child interpreter as the console script does, and return its
    exit code and the regular expressions (``re.compile``) the process that ran the
    command compiled, from its first import to its end."""
    import ast
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _REPORT_PATTERNS, *map(str, args)],
        capture_output=True,
        text=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("PATTERNS "))
    return done.returncode, ast.literal_eval(line.split(" ", 1)[1])


def card_page(path: Path) -> str:
    """An HTML cards page as the tests read a card's lines: each item (姓名：张大爷), an
    unbreakable span so that a printed line breaks between items, unwrapped to its text."""
    page = path.read_text(encoding="utf-8")
    return re.sub(r'<span class="item">([^<]*)</span>', r"\1", page)
