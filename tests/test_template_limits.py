"""A school's template cannot run for minutes or take gigabytes: one line, exit 2."""

from __future__ import annotations

import _thread
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_summary import docx_template

from conftest import cpu_seconds, run

REPO = Path(__file__).resolve().parent.parent


def summary_with(samples: Path, template: str) -> tuple[int, str]:
    path = samples / "模板.md"
    path.write_text(template, encoding="utf-8")
    result = run("summary", "--term", "2024-autumn", "--template", path, cwd=samples)
    return result.exit_code, result.stderr


def test_a_huge_value_is_refused_before_it_is_built(samples: Path) -> None:
    code, err = summary_with(samples, "标题\n{{ 'a' * 10**10 }}\n")
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 2 行出错：输出超过 20 MB，已停止\n",
    )
    code, err = summary_with(samples, "{{ 2 ** 100000000 }}\n")
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 1 行出错：输出超过 20 MB，已停止\n",
    )


def test_output_beyond_the_limit_stops_the_render(samples: Path, monkeypatch) -> None:
    monkeypatch.setattr("lbc.documents.templating.OUTPUT_LIMIT", 1024 * 1024)
    code, err = summary_with(
        samples, "{% for i in range(99999) %}{{ '0123456789' ~ i }}{% endfor %}"
    )
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 - 行出错：输出超过 1 MB，已停止\n",
    )


LOOPS = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"


def test_a_loop_that_prints_nothing_is_stopped_in_time(samples: Path, monkeypatch) -> None:
    monkeypatch.setattr("lbc.documents.templating.TIME_LIMIT", 1.0)
    started = time.monotonic()
    code, err = summary_with(samples, LOOPS)
    assert time.monotonic() - started < 10
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 - 行出错："
        "运行超过 1 秒，已停止（是否有过大的循环？）\n",
    )
    assert summary_with(samples, "# 总结\n")[0] == 0  # the timer of a quick render never fires
    time.sleep(1.5)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX process started with SIGINT ignored")
def test_the_time_limit_holds_where_ctrl_c_is_ignored(samples: Path) -> None:
    """A script's ``lbc summary … &`` starts with SIGINT ignored, where an interrupt of the
    main thread does nothing: the render still stops at the limit (1 s here)."""
    (samples / "模板.md").write_text(LOOPS, encoding="utf-8")
    code = (
        "import lbc.documents.templating as t; t.TIME_LIMIT = 1.0; from lbc.cli import main; main()"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LBC_")}
    child = subprocess.Popen(
        [sys.executable, "-c", code, "summary", "--term", "2024-autumn", "--template", "模板.md"],
        cwd=samples, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN), start_new_session=True,
    )  # fmt: skip
    try:
        err = child.communicate(timeout=30)[1].decode("utf-8")
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # lbc and the command it forked
        child.communicate()
        pytest.fail("the render ran on past its time limit")
    assert (child.returncode, err) == (
        2,
        "lbc: 错误：模板 模板.md 第 - 行出错：运行超过 1 秒，已停止（是否有过大的循环？）\n",
    )


def test_a_lost_interrupt_is_made_again(samples: Path, monkeypatch) -> None:
    """An interrupt can be lost (one landing in a finaliser is): the timer interrupts again
    until the render stops, and SIGINT's handler is as it was once it has."""
    monkeypatch.setattr("lbc.documents.templating.TIME_LIMIT", 1.0)
    interrupt = _thread.interrupt_main
    calls: list[float] = []

    def first_lost() -> None:
        calls.append(time.monotonic())
        if len(calls) > 1:
            interrupt()

    monkeypatch.setattr(_thread, "interrupt_main", first_lost)
    backstop = threading.Timer(20, interrupt)  # else a failure runs for hours
    backstop.start()
    handler = signal.getsignal(signal.SIGINT)
    try:
        started = time.monotonic()
        code, err = summary_with(samples, LOOPS)
        assert time.monotonic() - started < 10
    finally:
        backstop.cancel()
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 - 行出错："
        "运行超过 1 秒，已停止（是否有过大的循环？）\n",
    )
    assert len(calls) >= 2
    assert signal.getsignal(signal.SIGINT) is handler


def test_an_interrupt_made_as_a_render_ends_does_not_escape(monkeypatch) -> None:
    """The timer's interrupt made just as the render ends (held back here until it has)
    is dropped: the render's result stands, and no Ctrl-C comes out of it later."""
    from lbc.documents.templating import TemplateLimitError, bounded

    monkeypatch.setattr("lbc.documents.templating.TIME_LIMIT", 0.1)
    interrupt = _thread.interrupt_main
    ended = threading.Event()

    def once_it_has_ended() -> None:
        ended.wait(5)
        interrupt()

    monkeypatch.setattr(_thread, "interrupt_main", once_it_has_ended)
    handler = signal.getsignal(signal.SIGINT)
    try:
        try:
            with bounded():
                time.sleep(0.5)  # past the limit
                ended.set()
        except TemplateLimitError:
            pass  # the interrupt landed in the render after all: it had run past the limit
        time.sleep(0.5)  # where a late interrupt would land
    except KeyboardInterrupt:
        pytest.fail("the time limit's interrupt came out of the render")
    assert signal.getsignal(signal.SIGINT) is handler


@pytest.mark.parametrize(
    "expression",
    [
        "{{ 'x'|center(10**10) }}",
        "{{ 'x'|center(10000000000) }}",
        "{{ ('a\\n' * 1000)|indent(10**9) }}",
        "{{ ('a ' * 100000)|wordwrap(1, wrapstring='x' * 1000) }}",
        "{{ '%10000000000s'|format(1) }}",
        "{{ '%*s'|format(10**10, 1) }}",
        "{{ '%.10000000000f' % 1 }}",
        "{{ '{:>99999999999}'.format(1) }}",
        "{{ '{:>{}}'.format(1, 10**10) }}",
        "{{ 'x'.ljust(10**10) }}",
        "{{ ('x' * 1000).replace('', 'y' * 100000) }}",
        "{{ ('x' * 1000).join(range(99999)|map('string')) }}",
        "{{ range(99999)|join('x' * 1000) }}",
        "{{ range(9)|batch(10**9, 'x')|list|length }}",
        "{{ range(9)|slice(10**9)|list|length }}",
        "{% set ns = namespace(s='ab') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "{% set ns = namespace(s=[1]) %}{% for i in range(64) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}",
        "{{ (range(99999)|list * 20)|tojson(indent=20) }}",
    ],
)
def test_filters_methods_and_concatenation_cannot_build_a_huge_value(
    samples: Path, expression: str, monkeypatch
) -> None:
    """Each of these builds gigabytes in one C call or doubles a value in a loop: each is
    refused before the value is built (or at the first step past the limit), in a moment:
    a few CPU seconds, not the wall clock, which a loaded machine stretches (past the time
    limit, here out of reach: the size check is what must stop them)."""
    monkeypatch.setattr("lbc.documents.templating.TIME_LIMIT", 600.0)
    started = cpu_seconds()
    code, err = summary_with(samples, "标题\n" + expression + "\n")
    assert cpu_seconds() - started < 10
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 2 行出错：输出超过 20 MB，已停止\n",
    )


def test_a_list_cannot_be_grown_in_place(samples: Path) -> None:
    """The sandbox is the immutable one: ``extend`` would double a list without ``+``."""
    code, err = summary_with(
        samples,
        "{% set ns = namespace(s=[1]) %}{% for i in range(64) %}{{ ns.s.extend(ns.s) }}"
        "{% endfor %}",
    )
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 1 行出错："
        "access to attribute 'extend' of 'list' object is unsafe.\n",
    )


def test_ordinary_formatting_still_renders(samples: Path) -> None:
    template = (
        "{{ '%.2f'|format(3.14159) }} {{ '{:,}'.format(123456789) }} [{{ 'ab'|center(6) }}]"
        " {{ 'a\\nb'|indent(2) }} {{ [1, 2]|join(',') }} {{ 'a' ~ 1 }} {{ 1 + 2 }}"
        " {{ '%05d' % 7 }} {{ 'a-b'.replace('-', '+') }} {{ range(99999)|join|length }}\n"
    )
    path = samples / "模板.md"
    path.write_text(template, encoding="utf-8")
    out = samples / "总结.md"
    result = run("summary", "--term", "2024-autumn", "--template", path, "--out", out, cwd=samples)
    assert result.exit_code == 0, result.stderr
    assert (
        out.read_text(encoding="utf-8")
        == "3.14 123,456,789 [  ab  ] a\n  b 1,2 a1 3 00007 a+b 488885\n"
    )


@pytest.mark.skipif(sys.platform != "linux", reason="memory is capped where /proc says it")
def test_what_the_checks_miss_runs_out_of_its_memory(samples: Path, monkeypatch) -> None:
    """A value within every check (a 20-million-item list and its text, some 300 MB) but
    past the memory a render may add stops with the same line, not by taking the machine."""
    monkeypatch.setattr("lbc.documents.templating.RENDER_MEMORY", 64 << 20)
    code, err = summary_with(samples, "{{ (range(99999)|list * 200)|string|length }}\n")
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 - 行出错：输出超过 20 MB，已停止\n",
    )
    monkeypatch.setattr("lbc.documents.templating.RENDER_MEMORY", 1 << 30)
    assert summary_with(samples, "{{ (range(99999)|list * 200)|length }}\n")[0] == 0


def test_a_word_template_has_the_same_limits(samples: Path) -> None:
    path = docx_template(samples / "模板.docx", "{{ school }} {{ 'x'|center(10**10) }}")
    out = samples / "总结.docx"
    started = cpu_seconds()
    result = run(
        "summary",
        "--term",
        "2024-autumn",
        "--template",
        path,
        "--format",
        "docx",
        "--out",
        out,
        cwd=samples,
    )
    assert cpu_seconds() - started < 10
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：模板 {path} 第 - 行出错：输出超过 20 MB，已停止\n",
    )
    assert not out.exists()
