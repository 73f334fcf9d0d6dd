"""The tree reads as the pipeline, and imports only ever point down it.

read (roster) → where and when (workspace) → check (checks) → match (pairing) → compute
(reports) → render (documents) → wire (commands) → the console script (app, cli). Below them
all: errors and messages, and ``lbc.output``'s generic writers (atomic files, table/json/csv,
streamed xlsx), which know nothing of rosters. A module may import its own stage or a lower
one, never a higher one; the core never imports ``lbc.commands``.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

LBC = Path(__file__).resolve().parent.parent / "lbc"

STAGES = [
    ("lbc", "lbc.errors", "lbc.messages"),
    ("lbc.output",),
    ("lbc.roster",),
    ("lbc.workspace",),
    ("lbc.checks",),
    ("lbc.pairing",),
    ("lbc.reports",),
    ("lbc.documents",),
    ("lbc.commands", "lbc.api"),
    ("lbc.app", "lbc.cli", "lbc.__main__"),
]


def stage(module: str) -> int:
    """The stage of a dotted module name: the longest prefix that names one."""
    best, rank = -1, -1
    for n, names in enumerate(STAGES):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, rank = len(name), n
    assert rank >= 0, module
    return rank


def module_name(path: Path, root: Path = LBC) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every lbc module a file imports, at top level or inside a function, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "lbc"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "lbc":  # from lbc import messages: each name is a module
                found += [(node.lineno, f"lbc.{a.name}") for a in node.names]
            elif node.module.split(".")[0] == "lbc":
                found.append((node.lineno, node.module))
    return found


def upward_imports(root: Path) -> list[str]:
    wrong = []
    for path in sorted(root.rglob("*.py")):
        here = module_name(path, root)
        for line, target in imports(path):
            if target == "lbc.__version__":
                continue
            if here == "lbc" and target == "lbc.api":  # the package's public face, lazily
                continue
            if stage(target) > stage(here):
                wrong.append(f"{here}:{line} imports {target}")
    return wrong


def test_imports_point_down_the_pipeline() -> None:
    assert upward_imports(LBC) == []


def test_every_module_belongs_to_a_stage() -> None:
    for path in LBC.rglob("*.py"):
        stage(module_name(path))


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("lbc/roster/fields.py", "from lbc.checks.registry import RULES\n"),
        ("lbc/checks/engine.py", "from lbc.commands import common\n"),
        ("lbc/reports/summary.py", "def f():\n    from lbc.documents import render\n"),
        ("lbc/output/files.py", "from lbc import roster\n"),
    ],
)
def test_an_upward_import_is_caught(tmp_path: Path, module: str, line: str) -> None:
    """The test above can fail: the same scan over a copy of the tree with one upward
    import added finds exactly that import."""
    copy = tmp_path / "lbc"
    shutil.copytree(LBC, copy)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + line, encoding="utf-8")
    found = upward_imports(copy)
    assert len(found) == 1 and found[0].startswith(module[:-3].replace("/", ".") + ":")
