"""A school's template cannot run for minutes or take gigabytes: one line, exit 2."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import run

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


def test_a_loop_that_prints_nothing_is_stopped_in_time(samples: Path, monkeypatch) -> None:
    monkeypatch.setattr("lbc.documents.templating.TIME_LIMIT", 1.0)
    loops = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    code, err = summary_with(samples, loops)
    assert time.monotonic() - started < 10
    assert (code, err) == (
        2,
        f"lbc: 错误：模板 {samples / '模板.md'} 第 - 行出错："
        "运行超过 1 秒，已停止（是否有过大的循环？）\n",
    )
    assert summary_with(samples, "# 总结\n")[0] == 0  # the timer of a quick render never fires
    time.sleep(1.5)
