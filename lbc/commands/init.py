"""``lbc init [DIR]``: a commented lbc.toml and a blank roster workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.messages import h, metavar, t


@common.handle_errors
def init(
    folder: Annotated[Path, typer.Argument(help=h("init_dir"), metavar=metavar("folder"))] = Path(
        "."
    ),
) -> None:
    """创建工作区：带注释的 lbc.toml 与空白花名册模板。"""
    from lbc.documents.blank_roster import init_workspace  # openpyxl is only needed here

    init_workspace(folder)
    if folder.resolve() == Path.cwd().resolve():
        common.note(t("note.init_done", path=folder))
        return
    # lbc finds lbc.toml in the current folder or above it: the next step is taken inside.
    cd = f'"{folder}"' if any(c.isspace() for c in str(folder)) else str(folder)
    common.note(t("note.init_done_cd", path=folder, cd=cd))
