"""The command-line surface: version, help, workspaces, config discovery, rules, init."""

from __future__ import annotations

import gc
import json
import os
import shutil
import stat
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    child_row,
    modules_loaded,
    patterns_compiled,
    run,
    write_xlsx,
)
from lbc import __version__
from lbc.commands import common
from lbc.output import linebreak

REPO = Path(__file__).resolve().parents[1]


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"lbc {__version__}\n"


def test_version_answers_before_the_app_is_imported():
    """`lbc --version` (global options aside) prints the version without importing typer or
    any command, nor forking the supervising child: scripts ask it in loops."""
    for args in (["--version"], ["-V"], ["--lang", "en", "--version"], ["--debug", "-V"]):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "lbc", *args],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout == f"lbc {__version__}\n"
        loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
        assert "lbc.messages" in loaded  # the trace works
        assert not loaded & {"typer", "lbc.app", "lbc.roster.supervised", "lbc.output.files"}


def test_click_words_are_compiled_only_to_be_shown(tmp_path):
    """The sixty patterns that put click's and typer's words in Chinese are compiled for a
    help screen or a usage error, not by `lbc --version` or a run that shows neither (a
    county's loop of `lbc validate FILE` pays each run's start-up again)."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    for args in (["--version"], ["validate", path]):
        code, compiled = patterns_compiled(*args)
        assert code == 0 and r"Show this message and exit\." not in compiled
    code, compiled = patterns_compiled("validate", path, "--bogus")
    assert code == 2 and r"Show this message and exit\." in compiled


def test_the_line_break_pattern_is_compiled_only_to_wrap_text(tmp_path, monkeypatch):
    """Where Chinese text may break (lbc.output.linebreak) is the costliest pattern of a
    start-up to compile: a run writing JSON (a county's loop of `lbc validate FILE --format
    json`), `lbc --version`, or a table piped to a script (its lines never folded) compiles
    it not; a table printed on an 80-column terminal does."""
    unit = linebreak._unit().pattern
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    for args in (["--version"], ["validate", path, "--format", "json"], ["columns", path]):
        code, compiled = patterns_compiled(*args)
        assert code == 0 and unit not in compiled
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich takes the pipe for a terminal
    monkeypatch.setenv("COLUMNS", "80")
    code, compiled = patterns_compiled("columns", path)
    assert code == 0 and compiled.count(unit) == 1


def test_validate_imports_no_process_pool(tmp_path):
    """`lbc validate FILE` reads in threads: multiprocessing, which only merge's pool of
    workers needs, is not imported (a county's loop pays each run's imports again)."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    code, loaded = modules_loaded("validate", path)
    assert code == 0 and "concurrent.futures.thread" in loaded  # the trace works
    assert not {m for m in loaded if m.startswith("multiprocessing")}
    assert "concurrent.futures.process" not in loaded


def test_options_are_read_without_pydantic(tmp_path):
    """typer reads an option's value through pydantic, which a school's `lbc validate`
    spent a sixth of its run importing; lbc reads its own options' plain values itself
    (lbc.commands.framework.coerce_without_pydantic). A value it is unsure of goes to
    typer's own reading, which does import pydantic, so the check can fail."""
    staff = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
    sheets = {"花名册": [CHILD_HEADER, child_row(1)], "教师": [TEACHER_HEADER, staff]}
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    out = tmp_path / "结对.xlsx"
    for args in (
        ["validate", path, "--format", "json", "--select", "ID", "--ignore", "VAL007"],
        ["pair", path, "--max-per-teacher", "12", "--out", out, "--show-pii"],
    ):
        code, loaded = modules_loaded(*args)
        assert code in (0, 1) and "lbc.commands.framework" in loaded
        assert not {m for m in loaded if m.split(".")[0] == "pydantic"}
    code, loaded = modules_loaded("pair", path, "--max-per-teacher", "1.5")
    assert code == 2 and "pydantic" in loaded


@pytest.fixture(scope="module")
def option_readers(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, Any, Any]]:
    """Each option and argument of lbc's commands, with the context to read it in and
    typer's own reading of it (pydantic's), beside which lbc's is put."""
    import typer.main
    from typer import _coercion

    from lbc.app import build

    group = typer.main.get_command(build())
    found = []
    for command in group.commands.values():  # type: ignore[attr-defined]
        ctx = command.make_context(command.name, [], resilient_parsing=True)
        for param in command.params:
            if hasattr(param, "type_descriptor"):
                found.append((param, ctx, _coercion.build_runtime_param(param.type_descriptor)))
    return found


# What a script or a person types for an option: numbers as they come, paths that are a
# file, a folder or nothing, and any text at all.
_TYPED = st.one_of(
    st.sampled_from(["0", "12", "007", "-1", "+3", " 4", "1.5", "1e3", "０", "١٢", "", "-"]),
    st.sampled_from(["__file__", "__folder__", "不存在.xlsx", "a\x00b"]),
    st.text(max_size=12),
    st.lists(st.sampled_from(["12", "__file__", "x", "ID001"]), max_size=3).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(typed=_TYPED)
def test_lbc_reads_each_option_as_typer_does(
    option_readers: list[tuple[Any, Any, Any]], typed: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """What lbc makes of a value typed for any of its options (lbc.commands.framework.
    coerce_without_pydantic) is what typer would make of it: the same value, or the same
    usage error, which lbc then says in Chinese."""
    from typer import core

    folder = tmp_path_factory.getbasetemp()
    (folder / "名册.xlsx").touch()
    places = {"__file__": str(folder / "名册.xlsx"), "__folder__": str(folder)}
    value = tuple(places.get(v, v) for v in typed) if isinstance(typed, tuple) else typed
    value = places.get(value, value) if isinstance(value, str) else value
    for param, ctx, typers in option_readers:
        ours = core.build_runtime_param(param.type_descriptor)
        assert outcome(ours, value, param, ctx) == outcome(typers, value, param, ctx), param.name


def test_an_unreadable_path_is_left_to_typer(
    option_readers: list[tuple[Any, Any, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file lbc may not read is said as typer says it ("Path … is not readable"), in
    Chinese. This machine's tests run as root, who may read anything: the file is made
    unreadable by telling both readings so."""
    from typer import core

    path = tmp_path / "名册.xlsx"
    path.touch()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    paths = [(p, c, t) for p, c, t in option_readers if p.type_descriptor.annotation is Path]
    assert paths
    for param, ctx, typers in paths:
        ours = core.build_runtime_param(param.type_descriptor)
        said = outcome(ours, str(path), param, ctx)
        assert said == outcome(typers, str(path), param, ctx)
        assert said[0] == "error" and "not readable" in str(said[1])


def outcome(reader: Any, value: Any, param: Any, ctx: Any) -> tuple[str, object]:
    """What ``reader`` makes of ``value``: the value and its type, or the error it says."""
    from typer._click.exceptions import BadParameter

    try:
        made = reader.coerce(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return "error", exc.format_message()
    except (ValueError, TypeError) as exc:
        return "raised", type(exc)
    return "value", (made, type(made), [type(m) for m in made] if isinstance(made, list) else None)


def test_a_command_imports_only_its_own_module(tmp_path):
    """`lbc validate` builds the app with validate alone: the other commands' modules (and
    what only they need: pairing, the summary, Word) are not imported; `lbc --help` and
    `lbc pair` do import theirs, so the check can fail."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    others = {"lbc.commands.pair", "lbc.commands.summary", "lbc.pairing.problem"}
    code, loaded = modules_loaded("validate", path)
    assert code == 0 and "lbc.commands.validate" in loaded
    assert not loaded & others
    code, loaded = modules_loaded("pair", path)  # exit 2: no teachers to pair with
    assert code == 2 and "lbc.commands.pair" in loaded
    listed = run("--help").stdout
    assert all(name in listed for name in ("validate", "export", "merge", "pair", "summary"))


def test_help_is_chinese_and_offers_completion():
    out = run("--help").stdout
    for text in ("校验花名册", "列出缺少必需联系方式", "创建工作区", "--install-completion"):
        assert text in out
    assert "逐个单元格" in run("validate", "--help").stdout


def test_no_file_and_no_config_says_how_to_fix(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("lbc: 错误：没有指定花名册文件")
    assert "lbc init" in result.stderr and len(result.stderr.splitlines()) == 1


def test_config_found_from_a_subfolder_like_git(tmp_path):
    write_xlsx(tmp_path / "名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1, 监护人电话=None)]})
    (tmp_path / "lbc.toml").write_text('[files]\nroster = ["名册.xlsx"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    result = run("validate", "--format", "json", cwd=sub)
    assert result.exit_code == 1
    doc = result.json()
    assert doc["files"][0]["file"] == os.path.join("..", "..", "名册.xlsx")
    assert [f["code"] for f in doc["findings"]] == ["CON001"]


def test_explicit_config_option(tmp_path):
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    cfg = tmp_path / "lbc.toml"
    cfg.write_text('[files]\nroster = "r.xlsx"\n', encoding="utf-8")
    assert run("validate", "--config", cfg).exit_code == 0


def test_bad_config_is_one_line(tmp_path):
    (tmp_path / "lbc.toml").write_text("[files\nroster = 3", encoding="utf-8")
    result = run("validate", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("lbc: 错误：配置文件") and len(result.stderr.splitlines()) == 1
    (tmp_path / "lbc.toml").write_text("[pairing]\nmax_per_teacher = -1\n", encoding="utf-8")
    assert "max_per_teacher" in run("validate", cwd=tmp_path).stderr
    (tmp_path / "lbc.toml").write_text('[synonyms]\nnope = ["x"]\n', encoding="utf-8")
    assert "nope" in run("validate", cwd=tmp_path).stderr


def test_bad_format_is_usage_error(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    result = run("validate", path, "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr


def test_rules_list_and_explain():
    listing = run("rules", "--format", "json").json()
    assert listing[0]["code"] == "COL001" and len(listing) >= 30
    one = run("rules", "id002")
    assert one.exit_code == 0
    assert one.stdout.splitlines()[0] == "ID002  身份证号校验位错误"
    assert "示例：" in one.stdout
    unknown = run("rules", "NOPE1")
    assert unknown.exit_code == 2 and "NOPE1" in unknown.stderr


def test_rules_explains_why_and_how_to_fix():
    one = run("rules", "ID002")
    assert one.exit_code == 0, one.stderr
    assert one.stdout.splitlines() == [
        "ID002  身份证号校验位错误",
        "级别：错误",
        "字段：id_number",
        "类别：身份信息",
        "示例：511321201503041235：按 GB 11643 计算最后一位应为 4",
        "为什么重要：校验位不对，说明号码里至少有一位抄错或打错了",
        "怎么改：对照户口簿逐位核对，改正录错的那一位；不要只改最后一位去“凑”校验位",
    ]
    doc = run("--lang", "en", "rules", "CON003", "--format", "json").json()
    assert doc == {
        "code": "CON003",
        "severity": "error",
        "fields": "father_phone, mother_phone, parent_phone",
        "title": "away parent has no phone",
        "example": "父亲外出 with no 父亲电话",
        "kind": "contact",
        "weight": None,  # a watch criterion's default weight
        "why": "the parent away is far from home: "
        "the phone is the school's only way to talk to them about the child",
        "fix": "get the away parent's phone from the parent or guardian at home and fill it in",
    }
    header = run("rules", "--format", "csv", "--json-keys").stdout.splitlines()[0]
    assert header == "\ufeffcode,severity,fields,title,example,kind,weight,why,fix"
    header = run("--lang", "en", "rules", "--format", "csv", "--no-bom").stdout.splitlines()[0]
    assert header == "code,severity,fields,rule,example,kind,default weight,why,how to fix"
    english = run("--lang", "en", "rules", "CON003").stdout.splitlines()
    assert english[1:4] == [  # an English colon, not the Chinese one
        "severity: error",
        "field: father_phone, mother_phone, parent_phone",
        "kind: contacts",
    ]


def test_init_writes_a_workspace_that_validates(tmp_path):
    result = run("init", tmp_path / "ws")
    assert result.exit_code == 0, result.stderr
    ws = tmp_path / "ws"
    assert stat.S_IMODE((ws / "roster.xlsx").stat().st_mode) == 0o600
    assert "max_per_teacher = 2" in (ws / "lbc.toml").read_text(encoding="utf-8")
    wb = load_workbook(ws / "roster.xlsx")
    assert wb.sheetnames == ["留守儿童花名册", "教师名单", "帮扶记录"]
    children = wb["留守儿童花名册"]
    header = [c.value for c in children[1]]
    id_col = header.index("身份证号") + 1
    assert children.cell(2, id_col).number_format == "@"
    assert children.cell(500, header.index("监护人电话") + 1).number_format == "@"
    lists = {
        str(dv.sqref).split(":")[0][:-1]: dv.formula1
        for dv in children.data_validations.dataValidation
    }
    gender_col = chr(ord("A") + header.index("性别"))
    assert lists[gender_col] == '"男,女"'
    type_col = chr(ord("A") + header.index("留守类型"))
    assert lists[type_col] == '"父母均外出,父亲外出,母亲外出,非留守"'
    # A blank workspace reads whole, and says it holds nobody yet (REQ002), not "no problems".
    checked = run("validate", "--format", "json", cwd=ws)
    assert checked.exit_code == 1
    doc = checked.json()
    assert doc["summary"]["children"] == 0
    assert [(f["code"], f["sheet"], f["row"]) for f in doc["findings"]] == [
        ("REQ002", "留守儿童花名册", None)
    ]
    kinds = [s["kind"] for s in doc["files"][0]["sheets"]]
    assert kinds == ["children", "teachers", "records"]
    # and init never overwrites
    again = run("init", ws)
    assert again.exit_code == 2 and "已存在" in again.stderr


def test_english_via_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LBC_LANG", "en")
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    assert exe, "the lbc console script is installed"
    result = subprocess.run(
        [exe, "validate", str(tmp_path / "missing.xlsx")], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == f"lbc: error: file not found: {tmp_path / 'missing.xlsx'}\n"


def test_samples_end_to_end_in_a_subprocess(tmp_path):
    """What the README's first command does: validate and flag the sample workspace."""
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples)
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [exe, "validate", "--format", "json"], cwd=samples, capture_output=True, env=env
    )
    assert result.returncode == 1, result.stderr
    doc = json.loads(result.stdout)
    got = sorted((f["sheet"], f["row"], f["column"], f["code"]) for f in doc["findings"])
    assert got == sorted(
        [
            ("留守儿童花名册", 12, "I", "REQ001"),
            ("留守儿童花名册", 29, "O", "CON003"),
            ("留守儿童花名册", 30, "G", "CLS001"),
            ("留守儿童花名册", 32, "E", "ID006"),
            ("留守儿童花名册", 41, "P", "CON005"),
            ("留守儿童花名册", 44, "D", "ID002"),
            ("留守儿童花名册", 47, "D", "DUP001"),
            ("留守儿童花名册", 50, "C", "ID007"),
            ("留守儿童花名册", 54, "R", "PHN001"),
            ("留守儿童花名册", 59, "D", "ID004"),
            ("留守儿童花名册", 62, "V", "CON001"),
            ("教师名单", 21, "D", "TCH001"),
            ("帮扶记录", 67, "B", "REC001"),
            ("帮扶记录", 90, "C", "REC002"),
        ]
    )
    assert doc["summary"]["children"] == 58  # 青山 lists one child twice (DUP001)
    flagged = subprocess.run([exe, "flag"], cwd=samples, capture_output=True, text=True, env=env)
    assert flagged.returncode == 1
    assert "六年级(2)班（班主任：罗静）— 1 人缺少联系方式" in flagged.stdout
    assert "Traceback" not in flagged.stderr + result.stderr.decode()


def test_usage_mistakes_are_one_line_and_exit_two(tmp_path):
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    for args in (["validate", "x.xlsx", "--bogus"], ["nosuch"]):
        result = subprocess.run([exe, *args], capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("lbc: 错误：") and "lbc -h" in lines[0]


def test_english_help_when_asked_before_the_command(tmp_path):
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    out = subprocess.run([exe, "--lang", "en", "validate", "--help"], capture_output=True).stdout
    text = out.decode()
    assert "check the roster and point at every bad cell" in text
    assert "输出格式" not in text and "output format" in text


def test_init_on_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "afile").write_text("x")
    result = run("init", tmp_path / "afile")
    assert result.exit_code == 2
    assert result.stderr.startswith("lbc: 错误：") and "不是文件夹" in result.stderr


def test_in_process_runs_free_their_rosters(tmp_path, monkeypatch):
    """Only the console script keeps rosters until exit; run in-process (as every test
    here is), a command's roster is gone once it returns and the collector has passed."""
    roster_file = write_xlsx(tmp_path / "r.xlsx", {"学生": [CHILD_HEADER, child_row(1)]})
    read_roster = common.read_roster
    seen: list[weakref.ref] = []

    def recording(*args, **kwargs):
        roster = read_roster(*args, **kwargs)
        seen.append(weakref.ref(roster))
        return roster

    monkeypatch.setattr(common, "read_roster", recording)
    assert run("validate", roster_file).exit_code == 0
    gc.collect()
    assert len(seen) == 1 and seen[0]() is None
    assert common._KEEP_UNTIL_EXIT == []


# The console script's own entry point, run as it is installed, with its final os._exit
# wrapped to first say whether the collector was off and how many rosters were kept.
_REPORT_AT_EXIT = """
import gc, sys
from lbc import cli
leave = cli._leave

def report(code):
    from lbc.commands import common
    print("gc", gc.isenabled(), "kept", len(common._KEEP_UNTIL_EXIT), file=sys.stderr)
    leave(code)

cli._leave = report
sys.argv = ["lbc", *sys.argv[1:]]
cli.main()
"""


def test_the_console_script_keeps_its_roster_until_exit(tmp_path):
    roster_file = write_xlsx(tmp_path / "r.xlsx", {"学生": [CHILD_HEADER, child_row(1)]})
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _REPORT_AT_EXIT, "validate", str(roster_file)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "gc False kept 1"


def test_the_console_script_keeps_its_pairs_and_their_json_until_exit(tmp_path):
    """lbc pair keeps its roster, its pairing and the JSON document made of it: a county's
    100,000 pairs freed as the command returns cost a tenth of a second for nothing."""
    staff = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
    sheets = {"花名册": [CHILD_HEADER, child_row(1)], "教师": [TEACHER_HEADER, staff]}
    roster_file = write_xlsx(tmp_path / "r.xlsx", sheets)
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _REPORT_AT_EXIT, "pair", str(roster_file), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["paired"] == 1
    assert result.stderr.splitlines()[-1] == "gc False kept 3"


def test_rules_gives_a_watch_criterion_its_weight():
    doc = run("rules", "WCH004", "--format", "json").json()
    assert (doc["kind"], doc["weight"], doc["title"]) == ("watch", 2, "监护人年迈")
    assert "默认关注分（lbc.toml [watch.weights] 可改）：2" in run("rules", "WCH004").stdout


def test_an_option_shared_by_commands_reads_alike_in_each_help():
    """--as-of, --previous, --keep …: one name, one metavar, whichever command's help a
    teacher reads (--out names each command's own output, so it differs)."""
    import typer.main

    from lbc.app import app

    shown: dict[str, set[object]] = {}
    for command in typer.main.get_command(app).commands.values():
        for param in command.params:
            if param.param_type_name == "option" and param.opts[0] != "--out":
                shown.setdefault(param.opts[0], set()).add(param.metavar)
    assert {name: m for name, m in shown.items() if len(m) > 1} == {}
    assert shown["--as-of"] == {"YYYY-MM-DD"}


def test_init_into_a_new_folder_says_to_go_into_it(tmp_path):
    """``lbc init 新学校`` run from the folder above: lbc finds lbc.toml in the current
    folder or above it, so the next step the note gives must be taken inside 新学校 (run
    where it was, lbc validate only says it found no lbc.toml). Run inside, it says no cd."""
    made = run("init", "新学校", cwd=tmp_path)
    assert made.exit_code == 0
    assert made.stderr == (
        "已创建工作区：新学校（lbc.toml 与 roster.xlsx）。"
        "填好花名册后，进入这个文件夹（cd 新学校）再运行：lbc validate\n"
    )
    english = run("--lang", "en", "init", "school two", cwd=tmp_path)
    assert english.stderr == (
        "workspace created in school two (lbc.toml and roster.xlsx). Fill in the roster, "
        'then go into the folder (cd "school two") and run: lbc validate\n'
    )
    (tmp_path / "here").mkdir()
    here = run("init", cwd=tmp_path / "here")
    assert here.stderr == (
        "已创建工作区：.（lbc.toml 与 roster.xlsx）。填好花名册后运行：lbc validate\n"
    )
