"""Every piece of user-facing text, in Chinese and English, in one place.

School staff read Chinese first, so Chinese is the default; ``--lang en`` or ``LBC_LANG=en``
switches to English. Codes, field keys and JSON keys are never translated, so they do not
live here. Keeping the catalogue in one module lets a translator or reviewer see every
sentence lbc can say without reading the code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence

_lang = "en" if os.environ.get("LBC_LANG", "").lower().startswith("en") else "zh"


def set_lang(lang: str) -> None:
    """Switch the language of everything rendered from here on."""
    global _lang
    _lang = "en" if lang.lower().startswith("en") else "zh"


def current_lang() -> str:
    """The language of the run ("zh" or "en"), for a process lbc starts to be told it: a
    spawned one (Windows) imports this module afresh, which knows ``LBC_LANG`` but not
    ``--lang``."""
    return _lang


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Documents a school files are Chinese whatever the interface language: their words
    (grade names, problems, dates) are rendered inside ``language("zh")``."""
    global _lang
    before = _lang
    _lang = lang
    try:
        yield
    finally:
        _lang = before


def long_date(day: dt.date) -> Said:
    """A day as a Chinese document writes it, 2024年9月3日 (ISO in English)."""
    return said("date.long", year=day.year, month=day.month, day=day.day)


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language, with ``params`` filled in."""
    zh, en = _TEXT[key]
    text = en if _lang == "en" else zh
    if params and _lang == "en" and "|" in text:
        params = {name: _Count(value) for name, value in params.items()}
    return printable(readable(text.format(**params))) if params else text


class _Count:
    """A parameter of an English sentence that says words as many as it counts: the
    catalogue's ``{n:child|children}`` is "child" when ``n`` is 1, else "children" (a verb
    likewise, ``{n:has|have}``); without a ``|`` it is filled in as it is. Chinese has no
    plural: its sentences never ask, and are filled in untouched."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        one, bar, many = spec.partition("|")
        if bar:
            return one if str(self.value) == "1" else many
        return format(self.value, spec)


# Each part of a Said: its catalogue key and its parameters, as (name, value) pairs.
Part = tuple[str, tuple[tuple[str, object], ...]]


class Said(str):
    """A text of the catalogue as the current language says it, which can be said again in
    another (:func:`again`). A reason is worked out once, in the language of the run, for
    the terminal; a document a school files is Chinese whatever ``--lang`` says, and says
    the same reason in Chinese. A Said filled into another (a date in a sentence) is said
    again with it; ``+`` keeps both parts."""

    parts: tuple[Part, ...]

    def __new__(cls, text: str, parts: tuple[Part, ...]) -> Said:
        made = super().__new__(cls, text)
        made.parts = parts
        return made

    def __add__(self, other: str) -> str:  # type: ignore[override]
        if isinstance(other, Said):
            return Said(str(self) + str(other), self.parts + other.parts)
        return str(self) + other

    def __reduce__(self) -> tuple[object, ...]:  # pickled by a worker process
        return Said, (str(self), self.parts)


# Every Said made, by language, key and parameters: a county's watch list says 父母均外出
# and 最近一次：2024年11月19日 for tens of thousands of children, and a Said, a str with its
# parts beside it, is several times a str's size. One of each is made and shared (a Said
# is never changed once made).
_SAID: dict[tuple[object, ...], Said] = {}


def said(key: str, /, **params: object) -> Said:
    """``t(key, **params)``, able to be said again in another language (:class:`Said`)."""
    # A Said parameter by its parts (two texts alike in one language may differ in
    # another), any other by its type too (True is 1 to a dict, not to a sentence).
    memo = (_lang, key, *((k, v.__class__, _key_of(v)) for k, v in params.items()))
    try:
        return _SAID[memo]
    except KeyError:
        made = _SAID[memo] = Said(t(key, **params), ((key, tuple(params.items())),))
        return made
    except TypeError:  # a parameter that cannot be a key: made each time
        return Said(t(key, **params), ((key, tuple(params.items())),))


def _key_of(value: object) -> object:
    return value.parts if isinstance(value, Said) else value


def word(value: str) -> str:
    """One of lbc's own words for what a roster says (父母均外出, 孤儿, 辍学, 慢性病: the
    ``word.`` entries) in the current language, as a :class:`Said` a school's document says
    again in Chinese; any other text, a school's own, as it is."""
    key = f"word.{value}"
    return said(key) if key in _TEXT else value


def again(text: str) -> str:
    """``text`` in the current language: a :class:`Said` said again, any other text (a
    school's own words) as it is."""
    if not isinstance(text, Said):
        return text
    return "".join(
        t(key, **{k: again(v) if isinstance(v, str) else v for k, v in params})
        for key, params in text.parts
    )


# Control characters a terminal would obey (ESC starts a colour or retitles the window,
# CR overwrites the line), which a crafted sheet name or cell could carry; tab and line
# feed are layout. C1 controls too: some terminals read 0x9b as ESC [.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with each control character shown as its symbol (ESC as ␛, U+241B; DEL and
    the C1 controls as ␡) rather than obeyed: every message and table cell printed passes
    here."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: chr(0x2400 + min(ord(m[0]), 0x21)), text)


# A run of text holding a byte that is not UTF-8 (Python's surrogate escape on POSIX), up
# to what can never be inside a GBK character: ASCII below "@" but digits (a "/" between
# folders, ".", a space, quotes, commas), and the Chinese punctuation messages put round
# a path. Bytes of GBK that happen to be valid UTF-8 (山 is C9 BD, read as ɽ) are in the
# run too, and go back to their bytes with the rest.
_UNDECODED = re.compile(
    "[^\\x00-\\x2f\\x3a-\\x3f\\s，。：；（）“”、]*"
    "[\\udc80-\\udcff]"
    "[^\\x00-\\x2f\\x3a-\\x3f\\s，。：；（）“”、]*"
)


def readable(text: str) -> str:
    """``text`` with file names that are not UTF-8 read as GB18030, the encoding of names
    in a zip made on Chinese Windows (青山小学 rather than \\udcc7\\udce0ɽСѧ). Such text
    cannot be written to a UTF-8 stream at all, so every printed text passes here. On
    Windows names are never undecodable."""
    try:  # the common case: nothing to do; encoding finds a lone surrogate fastest (in C)
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    return _UNDECODED.sub(
        lambda m: m[0].encode("utf-8", "surrogateescape").decode("gb18030", "replace"), text
    )


def both(key: str) -> tuple[str, str]:
    """The Chinese and English text of ``key``, unfilled: for what must hold in both
    languages (a rule's placeholders), whichever one is being shown."""
    return _TEXT[key]


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in the user's language: ``strerror`` is English
    whatever the interface says, so the common causes are translated and any other is
    named by its errno code rather than by English prose."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if "os." + name in _TEXT:
        return t("os." + name)
    return t("os.other", code=name or type(exc).__name__)


# What click and typer say in English, in the user's language: their help screens'
# fixed words, the types they show, and their usage errors. Each pattern matches the whole
# English text (or, for the ones ending in ")", a tail added to it); the Chinese fills in the
# named parts, with quotes dropped from names. Order matters: the first match wins.
_CLICK_ZH: list[tuple[str, str]] = [
    (r"Show this message and exit\.", "显示本帮助并退出"),
    (r"Install completion for the current shell\.", "为当前命令行安装 Tab 键补全"),
    (
        r"Show completion for the current shell, to copy it or customize the installation\.",
        "显示当前命令行的补全脚本，可复制后自行安装",
    ),
    (r"Install completion for the specified shell\.", "为指定的命令行安装 Tab 键补全"),
    (
        r"Show completion for the specified shell, to copy it or customize the installation\.",
        "显示指定命令行的补全脚本，可复制后自行安装",
    ),
    (r"Usage: ", "用法："),
    (r"\[OPTIONS\]", "[选项]"),
    (r"COMMAND \[ARGS\]\.\.\.", "命令 [参数]..."),
    (r"Options", "选项"),
    (r"Arguments", "参数"),
    (r"Commands", "命令"),
    (r"Error", "错误"),
    (r"Aborted\.", "已中止"),
    (r"\[default: \{\}\]", "[默认：{{}}]"),
    (r"\[env var: \{\}\]", "[环境变量：{{}}]"),
    (r"\[required\]", "[必填]"),
    (r"\(deprecated\) ", "（已停用）"),
    (r"\(dynamic\)", "（运行时决定）"),
    (
        r"Try \[blue\]'\{command_path\} \{help_option\}'\[/\] for help\.",
        "用 {{command_path}} {{help_option}} 查看用法",
    ),
    # the types typer shows beside an option
    (r"<bool>", ""),
    (r"<str>", "<文本>"),
    (r"<int>", "<整数>"),
    (r"<int range>", "<整数>"),
    (r"<float>", "<数>"),
    (r"<float range>", "<数>"),
    (r"<path>|<Path>|<file>|<dir>", "<路径>"),
    (r"<list\[Path\]>|<list\[path\]>", "<路径>..."),
    (r"<list\[str\]>", "<文本>..."),
    # the ranges typer shows beside a number
    (r"x>=(?P<n>\S+)", "≥{n}"),
    (r"x<=(?P<n>\S+)", "≤{n}"),
    (r"(?P<low>\S+)<=x<=(?P<high>\S+)", "{low}—{high}"),
    # usage errors
    (r"(?P<head>.+) \(Possible options: (?P<names>.+)\)", "{head}（相近的选项：{names}）"),
    (r"(?P<head>.+) Did you mean (?P<name>.+)\?", "{head}（是不是要写 {name}？）"),
    (r"No such option: (?P<name>.+)", "没有这个选项：{name}"),
    (r"No such command (?P<name>.+)\.", "没有这个命令：{name}"),
    (r"Missing command\.", "缺少命令"),
    (r"Missing argument (?P<name>.+)\.", "缺少参数 {name}"),
    (r"Missing option (?P<name>.+)\.", "缺少选项 {name}"),
    (r"Missing parameter: (?P<name>.+)", "缺少参数 {name}"),
    (r"Option (?P<name>.+) requires an argument\.", "选项 {name} 后面要写一个值"),
    (r"Option (?P<name>.+) requires (?P<n>\d+) arguments\.", "选项 {name} 后面要写 {n} 个值"),
    (r"Option (?P<name>.+) does not take a value\.", "选项 {name} 后面不能写值"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)", "多余的参数：{args}"),
    (r"Invalid value for (?P<name>.+?): (?P<why>.+)", "{name} 的值不对：{why}"),
    (r"Invalid value: (?P<why>.+)", "值不对：{why}"),
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"Input should be a valid boolean.*", "应为 true 或 false"),
    (r"Input should be greater than or equal to (?P<n>\S+)", "应不小于 {n}"),
    (r"Input should be greater than (?P<n>\S+)", "应大于 {n}"),
    (r"Input should be less than or equal to (?P<n>\S+)", "应不大于 {n}"),
    (r"Input should be less than (?P<n>\S+)", "应小于 {n}"),
    (r"Input should be (?P<choices>.+)", "应为 {choices} 之一"),
    (r"Value (?P<value>.+) is not a valid (?P<kind>.+)\.", "{value} 不是有效的值"),
    (r"(?:File|Directory|Path) (?P<path>.+) does not exist\.", "{path} 不存在"),
    (r"(?:File|Directory|Path) (?P<path>.+) is a file\.", "{path} 是文件，这里要写文件夹"),
    (r"(?:File|Directory|Path) (?P<path>.+) is a directory\.", "{path} 是文件夹，这里要写文件"),
    (r"(?:File|Directory|Path) (?P<path>.+) is not readable\.", "{path} 没有读取权限"),
    (r"(?:File|Directory|Path) (?P<path>.+) is not writable\.", "{path} 没有写入权限"),
    (r"Value must be an iterable\.", "应写一个或多个值"),
]


@functools.cache
def _click_patterns() -> list[tuple[re.Pattern[str], str]]:
    """``_CLICK_ZH`` compiled, on the first help screen or usage error: a run that shows
    neither (each ``lbc validate`` of a county's loop, ``lbc --version``) compiles none
    of its sixty patterns."""
    return [(re.compile(p), zh) for p, zh in _CLICK_ZH]


def from_click(text: str) -> str:
    """``text``, a fixed word or message of click or typer, in the user's language.

    English passes through as it is. Chinese: the first pattern of ``_CLICK_ZH`` that
    matches all of ``text`` gives the sentence, its parts translated in turn (the reason
    after "Invalid value for …:", the message before "(Possible options: …)"); quoted
    names lose their English quotes. Text no pattern knows is returned unchanged."""
    if _lang == "en":
        return text
    for pattern, zh in _click_patterns():
        match = pattern.fullmatch(text)
        if match:
            parts = {k: _click_part(k, v) for k, v in match.groupdict().items()}
            return zh.format(**parts)
    return text


def _click_part(name: str, value: str) -> str:
    if name in ("head", "why"):
        return from_click(value)
    if name == "names":
        return value.replace(", ", "、")
    return value.replace("'", "").replace('"', "")


def as_list(items: Iterable[object]) -> str:
    """Items as a list in the user's language: 甲、乙 in Chinese, "a, b" in English."""
    return t("list.sep").join(map(str, items))


# The rows a sentence names one by one at most (rows_listed); the rest are counted.
ROWS_LISTED = 5


def rows_listed(rows: Sequence[int]) -> str:
    """Excel rows as a sentence names them: 第 3、5 行; past ROWS_LISTED, the first ones
    and how many in all, 第 3、5、9、12、20 行等 34 行."""
    if len(rows) <= ROWS_LISTED:
        return t("rows.listed", rows=as_list(rows), count=len(rows))
    first = as_list(rows[:ROWS_LISTED])
    return t("rows.more", rows=first, count=len(rows), others=len(rows) - ROWS_LISTED)


def as_groups(items: Iterable[object]) -> str:
    """Groups, each perhaps a list itself (as_list), one after another in the user's
    language: 甲、乙 14 天；丙 20 天 in Chinese, "a, b 14; c 20" in English."""
    return t("list.groups").join(map(str, items))


def h(key: str) -> str:
    """Help text for a command or option (chosen when the CLI is built)."""
    return t("help." + key)


def metavar(key: str) -> str:
    """What a command's usage line calls an argument (FILES, 文件), chosen as ``h``."""
    return t("metavar." + key)


_TEXT: dict[str, tuple[str, str]] = {
    # ---- the arguments of a command's usage line ----
    "metavar.files": ("文件", "FILES"),
    "metavar.old": ("旧名册", "OLD"),
    "metavar.new": ("新名册", "NEW"),
    "metavar.folder": ("文件夹", "FOLDER"),
    "metavar.code": ("规则代码", "CODE"),
    # ---- errors that stop a command (exit 2) ----
    "err.prefix": ("lbc: 错误：", "lbc: error: "),
    "err.no_input": (
        "没有指定花名册文件，当前目录及上级目录也没有 lbc.toml。请写出文件路径，或先运行 lbc init 创建工作区。",
        "no roster file given and no lbc.toml here or above; name a file, or run `lbc init` to create a workspace.",
    ),
    "err.no_roster_named": (
        "没有指定花名册文件，{path} 也没有在 [files] 中写明花名册。请写出花名册文件或文件夹的路径"
        '（如“.”，当前文件夹），或在 {path} 的 [files] 中写明，如 roster = ["花名册.xlsx"]。',
        "no roster file given, and {path} names no roster under [files]; name a file or"
        ' folder (such as ".", this folder), or name it under [files] in {path}, such as'
        ' roster = ["花名册.xlsx"].',
    ),
    "err.api_no_input": (
        "lbc.read 没有拿到要读的文件：请给出花名册文件或文件夹，或用 config= 指定 lbc.toml。",
        "lbc.read was given no file to read: name roster files or folders, or an lbc.toml as"
        " config=.",
    ),
    "err.missing": ("找不到文件：{path}", "file not found: {path}"),
    "err.is_dir": (
        "{path} 是文件夹，请写出其中的花名册文件",
        "{path} is a folder; name the roster file inside it",
    ),
    "err.empty": ("{path} 是空文件", "{path} is empty"),
    "err.unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "err.unsupported": (
        "{path} 不是支持的表格格式（支持 .xlsx .xlsm .xls .xlsb .ods .csv .parquet）",
        "{path} is not a supported spreadsheet (.xlsx .xlsm .xls .xlsb .ods .csv .parquet)",
    ),
    "err.encrypted": (
        "{path} 设置了打开密码，请在 Excel 中取消密码后另存再试",
        "{path} is password-protected; remove the password in Excel, save, and try again",
    ),
    "err.corrupt": (
        "{path} 已损坏或不是真正的 Excel 文件（{reason}）",
        "{path} is corrupt or not a real spreadsheet ({reason})",
    ),
    "err.xml_unsafe": (
        "{path} 含有不安全的 XML 内容，已拒绝读取",
        "{path} contains unsafe XML and was refused",
    ),
    "err.too_wide": (
        "{path} 的工作表“{sheet}”有 {cols} 列，超出花名册可能的范围，已拒绝读取",
        "sheet '{sheet}' of {path} has {cols} columns, far more than a roster can have; refused",
    ),
    "err.reader_crashed": (
        "{path} 读取时崩溃或内存超限（{how}，内存上限 {limit}），未能读取：文件可能已损坏或是特制的，请用 Excel 打开后另存再试（上限可用 LBC_MAX_MEMORY 调整，如 4G）",
        "reading {path} crashed or ran out of memory ({how}, memory ceiling {limit}); the file may be damaged or crafted: open it in Excel, save it again and retry (LBC_MAX_MEMORY sets the ceiling, e.g. 4G)",
    ),
    "err.read_timeout": (
        "{path} 读取超过 {seconds} 秒仍未完成，已停止：文件可能已损坏或是特制的，请用 Excel 打开后另存再试",
        "reading {path} took over {seconds} seconds and was stopped; the file may be damaged or crafted: open it in Excel, save it again and retry",
    ),
    "err.merge_reader_killed": (
        "合并读取 {path} 时，读取它的进程被结束（{how}），多半是电脑内存不足：合并已停止，没有写出任何文件。请关闭其他程序后再试，或把文件分成几批合并",
        "the process reading {path} for the merge was killed ({how}), most likely because the computer ran out of memory: the merge stopped and wrote nothing. Close other programs and try again, or merge the files in batches",
    ),
    "err.merge_worker_killed": (
        "合并用的一个进程被结束（{how}），多半是电脑内存不足：合并已停止，没有写出任何文件。请关闭其他程序后再试，或把文件分成几批合并",
        "one of the merge's processes was killed ({how}), most likely because the computer ran out of memory: the merge stopped and wrote nothing. Close other programs and try again, or merge the files in batches",
    ),
    "err.merge_reader_stopped": (
        "合并读取 {path} 时，读取它的进程被系统结束（{how}），多半是有人或别的程序停止了它：合并已停止，没有写出任何文件。需要合并时请再运行一次",
        "the process reading {path} for the merge was stopped by the system ({how}), most likely by someone or another program: the merge stopped and wrote nothing. Run the merge again when it is needed",
    ),
    "err.merge_worker_stopped": (
        "合并用的一个进程被系统结束（{how}），多半是有人或别的程序停止了它：合并已停止，没有写出任何文件。需要合并时请再运行一次",
        "one of the merge's processes was stopped by the system ({how}), most likely by someone or another program: the merge stopped and wrote nothing. Run the merge again when it is needed",
    ),
    "err.merge_reader_ended": (
        "合并读取 {path} 时，读取它的进程意外结束（{how}）：合并已停止，没有写出任何文件。请再运行一次；若仍如此，请把所运行的命令和所用的文件反馈给维护者",
        "the process reading {path} for the merge ended unexpectedly ({how}): the merge stopped and wrote nothing. Run it again; if it happens again, please report the command run and the files it was given",
    ),
    "err.merge_worker_ended": (
        "合并用的一个进程意外结束（{how}）：合并已停止，没有写出任何文件。请再运行一次；若仍如此，请把所运行的命令和所用的文件反馈给维护者",
        "one of the merge's processes ended unexpectedly ({how}): the merge stopped and wrote nothing. Run it again; if it happens again, please report the command run and the files it was given",
    ),
    "err.stopped": (
        "lbc 意外停止（{how}），未能完成：请把所运行的命令和所用的文件反馈给维护者",
        "lbc stopped unexpectedly ({how}) and did not finish; please report the command run and the files it was given",
    ),
    "how.memory": ("内存不足", "out of memory"),
    "how.exit": ("退出码 {code}", "exit {code}"),
    "how.signal": ("信号 {n}", "signal {n}"),
    "err.bad_max_memory": (
        "LBC_MAX_MEMORY 的值“{value}”看不懂：请写成 2G、512M 这样的大小",
        "LBC_MAX_MEMORY is '{value}', which is not a size: write it like 2G or 512M",
    ),
    "err.far_cell": (
        "{path} 的工作表“{sheet}”在很远的单元格 {cell} 有内容，要读取 {rows} 行 × {cols} 列，超出花名册可能的范围，已拒绝读取（删掉该单元格的内容后另存再试）",
        "sheet '{sheet}' of {path} has content far away in cell {cell}, which would mean reading {rows} {rows:row|rows} x {cols} {cols:column|columns}, far more than a roster can have; refused (clear that cell, save, and try again)",
    ),
    "err.part_too_big": (
        "{path} 中的 {part} 解压后超过 {mb} MB，表格软件不会存出这样的文件，已拒绝读取：文件可能已损坏或是特制的",
        "{part} inside {path} unpacks to over {mb} MB, which no spreadsheet program saves; refused: the file may be damaged or crafted",
    ),
    "err.ods_too_big": (
        "{path} 的工作表“{sheet}”中重复的行或列铺开后有 {rows} 行 × {cols} 列，超出花名册可能的范围，已拒绝读取：文件可能已损坏或是特制的",
        "sheet '{sheet}' of {path} spreads its repeated rows or columns over {rows} {rows:row|rows} x {cols} {cols:column|columns}, far more than a roster can have; refused: the file may be damaged or crafted",
    ),
    "err.too_many_sheets": (
        "{path} 有 {count} 个工作表，超出花名册可能的范围，已拒绝读取：文件可能已损坏或是特制的",
        "{path} has {count} sheets, far more than a roster can have; refused: the file may be damaged or crafted",
    ),
    "err.row_too_long": (
        "{path} 的工作表“{sheet}”中有一行（或一段空白）超过 {mb} MB，不是花名册的内容，已拒绝读取：文件可能已损坏或是特制的",
        "sheet '{sheet}' of {path} has a row (or a stretch of blank space) of over {mb} MB, which no roster holds; refused: the file may be damaged or crafted",
    ),
    "err.pairs_only": (
        "{files} 是结对名单，不是花名册：请同时给出花名册",
        "{files} is a pairs workbook, not a roster: give the roster too",
    ),
    # A row that is the header again with its columns in another order (tables.py).
    "err.header_reordered": (
        "{file} 的“{sheet}”第 {row} 行又是一行表头，列的顺序和第 {first} 行的表头不同"
        "（{column} 列在第 {first} 行是“{was}”，这里是“{now}”），其下各行按哪一行表头读分不清；"
        "请把这几行移到单独的工作表，或把列的顺序改成和第 {first} 行一样",
        "{file} sheet '{sheet}': row {row} is a header again, its columns in another order "
        "than the header in row {first} (column {column} is '{was}' in row {first}, '{now}' "
        "here), so which header the rows under it follow cannot be told; move those rows to "
        "a sheet of their own, or put the columns in row {first}'s order",
    ),
    "err.header_reordered.none": ("（空）", "(empty)"),
    "err.no_children": (
        "在 {files} 中没有找到留守儿童名册（表头需含“姓名”“身份证号”“班级”等列）",
        "no children sheet found in {files} (the header needs columns such as 姓名, 身份证号, 班级)",
    ),
    "err.csv_encoding": (
        "{path} 的编码无法识别（支持 UTF-8 和 GBK/GB18030）",
        "cannot tell the encoding of {path} (UTF-8 and GBK/GB18030 are supported)",
    ),
    "err.csv_cell_too_long": (
        "{path} 第 {row} 行有一个单元格超过 {most} 个字符，不是花名册的内容（可能缺了配对的引号），已拒绝读取",
        "line {row} of {path} has a cell of over {most} characters, which no roster holds (a quote may be unmatched); refused",
    ),
    "err.csv_too_big": (
        "{path} 有 {rows} 行 × {cols} 列，超出花名册可能的范围，已拒绝读取",
        "{path} has {rows} {rows:row|rows} x {cols} {cols:column|columns}, far more than a roster can have; refused",
    ),
    "err.config": ("配置文件 {path} 有误：{reason}", "bad config {path}: {reason}"),
    "reason.at_line": ("第 {line} 行：{reason}", "line {line}: {reason}"),
    "reason.of_file": ("{file}：{reason}", "{file}: {reason}"),
    "err.left_out_of_whole": (
        "有 {count} 个文件未能读入，总结会少算其中的儿童或帮扶记录，因此没有写出；请改好后再运行，"
        "或把它移出本次运行的文件夹。第一个：{reason}",
        "{count} {count:file|files} could not be read, so the summary would leave out "
        "{count:its|their} children or support records: not written; mend {count:it|them} and run again, or move "
        "{count:it|them} out of the run's folder. The first: {reason}",
    ),
    "note.record_sheet_versions": (
        "提示：{files} 都是{teacher}老师本学期的记录表，内容不同，每一份里的记录都计入了（相同的"
        "只算一次）；如果一份是另一份改过后再存的新版，请把旧的移出记录表文件夹，否则旧版里改掉或"
        "删掉的记录仍然计入",
        "note: {files} are all {teacher}'s record sheets of this term, and differ: the records "
        "of each are counted (those alike once); if one is a newer save of another, move the "
        "older out of the records folder, or the records changed or deleted since still count",
    ),
    "note.file_left_out": (
        "提示：未读入（其余文件照常检查，退出码为 1）：{reason}",
        "note: left out (the other files are read; exit code 1): {reason}",
    ),
    "err.output_in_input_folder": (
        "输出文件 {path} 位于输入文件夹 {folder} 中，下次运行会被当作一份名册读入；请写到该文件夹之外",
        "output {path} lies inside the input folder {folder}, where the next run would read it as a roster; write it outside that folder",
    ),
    "err.output_is_input": (
        "输出文件 {path} 与输入文件相同，已拒绝覆盖",
        "output {path} is one of the input files; refusing to overwrite it",
    ),
    "err.output_dir": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "err.bad_code": (
        "未知的规则代码：{code}（lbc rules 可列出全部代码）",
        "unknown rule code: {code} (`lbc rules` lists them)",
    ),
    "err.bad_format": (
        "不支持的输出格式：{fmt}（可选 {choices}）",
        "unsupported format: {fmt} (choose {choices})",
    ),
    "err.annotate_many": (
        "--annotate 只能用于一个花名册文件",
        "--annotate takes exactly one roster file",
    ),
    "err.annotate_merged": (
        "{path} 的合并单元格合计超过 {limit} 个（最大的是 {ref}，{cells} 个），无法生成标注副本：请在 Excel 中取消这个合并后再试",
        "{path}: its merged ranges cover over {limit} cells (the largest, {ref}, {cells}), too many for an annotated copy; unmerge it in Excel and try again",
    ),
    "err.init_exists": (
        "{path} 已存在，未覆盖（换一个文件夹，或先移走它）",
        "{path} already exists; not overwritten",
    ),
    "err.usage_hint": ("（lbc -h 查看用法）", " (see lbc -h)"),
    "err.interrupted": ("已中断", "interrupted"),
    "err.no_command": (
        "请指定一个命令，如 lbc validate 花名册.xlsx",
        "name a command, e.g. lbc validate roster.xlsx",
    ),
    "err.empty_argument": (
        "第 {n} 个参数是空的：文件路径和选项的值都不能为空",
        "argument {n} is empty: a file path or an option's value cannot be empty",
    ),
    "err.output_is_folder": (
        "--out 要写文件名，{path} 是文件夹",
        "--out takes a file name; {path} is a folder",
    ),
    "err.path": ("无法打开 {path}：{reason}", "cannot open {path}: {reason}"),
    "err.system": ("系统拒绝了这次操作：{reason}", "the system refused: {reason}"),
    "err.out_of_memory": (
        "内存不足，未能完成：请关闭其他程序后重试，或把名册分成几份分别处理",
        "out of memory; the job was not done: close other programs and retry, or split the rosters and run them separately",
    ),
    "reason.not_utf8": (
        "不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后再试",
        "not UTF-8 text: save it as UTF-8 and try again",
    ),
    "reason.toml": (
        "第 {line} 行第 {column} 列写法不对（请对照 lbc init 生成的 lbc.toml 检查引号、括号和等号）",
        "line {line}, column {column} is not valid TOML (compare with the lbc.toml lbc init writes: quotes, brackets, equals signs)",
    ),
    "reason.toml_end": (
        "文件末尾写法不对，可能有没配对的引号或括号",
        "not valid TOML at the end: a quote or bracket may be left open",
    ),
    "os.ENAMETOOLONG": ("文件名太长", "file name too long"),
    "os.ENOENT": ("文件或文件夹不存在", "no such file or folder"),
    "os.EACCES": ("没有权限", "permission denied"),
    "os.EPERM": ("没有权限", "permission denied"),
    "os.EISDIR": ("这是一个文件夹", "it is a folder"),
    "os.ENOTDIR": ("路径中有一段不是文件夹", "part of the path is not a folder"),
    "os.ENOSPC": ("磁盘空间不足", "no space left on the disk"),
    "os.EROFS": ("磁盘是只读的", "the disk is read-only"),
    "os.EBUSY": ("文件正被占用", "the file is in use"),
    "os.EEXIST": ("已存在同名文件", "a file of that name exists"),
    "os.other": ("系统错误 {code}", "system error {code}"),
    "os.replace_refused": (
        "原有的文件不让替换，可能正在 Excel 或 WPS 中打开，请关闭后再试",
        "the file there cannot be replaced; it may be open in Excel or WPS: close it and try again",
    ),
    "err.init_not_dir": (
        "{path} 已存在且不是文件夹，请换一个工作区文件夹",
        "{path} exists and is not a folder",
    ),
    "err.internal": (
        "内部错误：{reason}（加 --debug 查看详情，并请反馈给维护者）",
        "internal error: {reason} (run with --debug for details and please report it)",
    ),
    "reason.not_zip": ("不是 zip 格式的 Excel 文件", "not a zip-based workbook"),
    "reason.rows_disordered": (
        "工作表中后面的行编号比前面的小，行的顺序颠倒",
        "the sheet's rows are numbered out of order",
    ),
    "reason.merge_ref": (
        "合并单元格的范围“{ref}”不是单元格地址",
        'a merged range "{ref}" is not a cell range',
    ),
    "reason.zip_password": (
        "文件被压缩软件加了密码，请解压后用 Excel 另存",
        "its parts are under a zip password; unzip it and save it again from Excel",
    ),
    "err.wrong_suffix": (
        "{path} 实际是 {right} 格式的 Excel 文件，扩展名却是 {suffix}：请把扩展名改为 {right} 后再试",
        "{path} is an Excel {right} file named {suffix}: change its suffix to {right} and try again",
    ),
    "err.not_a_workbook": (
        "{path} 实际是{kind}，不是 Excel 工作簿：请用 Excel 打开它，另存为 .xlsx 后再试",
        "{path} is really {kind}, not an Excel workbook: open it in Excel, save it as .xlsx and try again",
    ),
    "kind.html": ("网页（HTML）文件", "a web page (HTML)"),
    "kind.xml2003": ("Excel 2003 XML 表格", "an Excel 2003 XML spreadsheet"),
    "kind.mhtml": ("网页存档（MHT）文件", "a web archive (MHT)"),
    "kind.text": (
        "文本文件（如 CSV 或制表符分隔的文本）",
        "a text file (such as CSV or tab-separated text)",
    ),
    "reason.sheet_missing": (
        "工作表“{sheet}”列在目录中，内容却找不到",
        "sheet '{sheet}' is listed, but its contents are missing",
    ),
    "reason.truncated": (
        "文件不完整，可能在下载或复制时中断：请重新获取原文件",
        "the file is cut short, perhaps by an interrupted download or copy: get the original again",
    ),
    "reason.not_ole": ("不是 Excel 97-2003 格式", "not an Excel 97-2003 file"),
    # What the zip, XML and spreadsheet libraries say is English whatever the interface
    # says: in Chinese, the kind of damage; in English, the library's own words after it.
    "reason.zip_damaged": (
        "文件的压缩数据已损坏，可能在下载或复制时出错：请重新获取原文件，或用 Excel 打开后另存",
        "its compressed data is damaged: {detail}. Get the original again, or open it in Excel and save it again",
    ),
    "reason.cell_ref": (
        "工作表里有单元格位置的写法不对",
        "a cell reference in a sheet is malformed: {detail}",
    ),
    "reason.cell_value": (
        "工作表里有单元格的值或类型无法识别",
        "a cell's value or type is not understood: {detail}",
    ),
    "reason.shared_text": (
        "工作表里有单元格引用的文字不存在",
        "a cell refers to text the workbook does not have: {detail}",
    ),
    "reason.xml": (
        "工作表的内部结构不完整或有错",
        "a sheet's XML is incomplete or malformed: {detail}",
    ),
    "reason.csv_layout": (
        "文件中的引号或换行不成对，无法分清各列",
        "its quotes or line breaks do not pair up, so its columns cannot be told apart: {detail}",
    ),
    "reason.other": (
        "文件内部的数据无法解析，请用 Excel 打开后另存为 .xlsx 再试",
        "its contents cannot be parsed: {detail}. Open it in Excel, save it as .xlsx and try again",
    ),
    "cfg.section": ("[{section}] 应是一个表", "[{section}] must be a table"),
    "cfg.type": ("{key} 应为 {expected}", "{key} must be {expected}"),
    "cfg.expect.paths": ("文件路径列表", "a list of paths"),
    "cfg.expect.path": ("文件路径", "a path"),
    "cfg.expect.count": ("不小于 0 的整数", "a whole number ≥ 0"),
    "cfg.expect.quota": ("0 到 {most} 之间的整数", "a whole number from 0 to {most}"),
    "cfg.expect.text": ("文本", "text"),
    "cfg.expect.texts": ("文本列表", "a list of texts"),
    "cfg.term_twice": (
        '[terms."{term}"] 与 [terms."{other}"] 是同一个学期，只能写一次',
        '[terms."{term}"] is the same term as [terms."{other}"]; set it once',
    ),
    "cfg.terms_overlap": (
        '[terms."{term}"] 从 {start} 开始，[terms."{other}"] 到 {end} 才结束：两个学期的日期重叠，同一天的记录会在两个学期各算一次',
        '[terms."{term}"] starts on {start}, before [terms."{other}"] ends on {end}: the terms overlap, and a record of a day in both would count in each',
    ),
    "cfg.unknown_term_key": (
        '[terms."{term}"] 中的 {key} 不是学期的设置（只能写 start、end）',
        '[terms."{term}"] key {key} is not known (start, end)',
    ),
    "cfg.unknown_section": (
        "[{section}] 不是 lbc.toml 的设置（只能写 [school]、[files]、[pairing]、[terms]、[quotas]、[watch]、[synonyms]）",
        "[{section}] is not an lbc.toml table (school, files, pairing, terms, quotas, watch, synonyms)",
    ),
    "cfg.key_outside": (
        "{section} 写在了所有表的前面，不是 lbc.toml 的设置（应写在 [school]、[files] 等表之下）",
        "{section} stands above every table and is not an lbc.toml setting (write it under [school], [files] …)",
    ),
    "cfg.unknown_setting": (
        "[{section}] 中的 {key} 不是已知的设置（只能写 {known}）",
        "[{section}] key {key} is not known ({known})",
    ),
    "cfg.unknown_quota": (
        "[quotas] 中的 {key} 不是已知的工作要求（talks_per_month、home_visits_per_term、warmth_per_year、children_per_teacher）",
        "[quotas] key {key} is not known (talks_per_month, home_visits_per_term, warmth_per_year, children_per_teacher)",
    ),
    "cfg.unknown_watch": (
        "[watch] 中的 {key} 不是已知的设置（threshold、guardian_age、weights）",
        "[watch] key {key} is not known (threshold, guardian_age, weights)",
    ),
    "cfg.expect.dates": (
        "start 和 end 两个日期（如 2024-09-01），start 不晚于 end",
        "a start and an end date (like 2024-09-01), start not after end",
    ),
    "cfg.unknown_key": (
        "[synonyms] 中的 {key} 不是已知字段键（见字段字典）",
        "[synonyms] key {key} is not a known field key",
    ),
    "err.flag_no_type": (
        "{file} 的“{sheet}”没有“留守类型”列，无法判断哪些儿童缺少联系方式；请先补上该列",
        "sheet '{sheet}' of {file} has no 留守类型 column, so lbc cannot tell who is missing a contact",
    ),
    "err.no_type": (
        "{file} 的“{sheet}”没有“留守类型”列，无法判断哪些儿童是留守儿童；请先补上该列",
        "sheet '{sheet}' of {file} has no 留守类型 column, so lbc cannot tell which children are left behind",
    ),
    # ---- lbc columns ----
    "columns.heading": (
        "{file} 的“{sheet}”：{kind}，表头在第 {rows} 行，{count} 行数据",
        "{file} sheet '{sheet}': {kind}, header in row {rows}; {count} data {count:row|rows}",
    ),
    "columns.kind.children": ("留守儿童花名册", "children"),
    "columns.kind.pairs": (
        "结对名单（按结对读：帮扶教师以它为准，不作花名册）",
        "pairs list (read as the pairs in force, not as a roster)",
    ),
    "columns.kind.teachers": ("教师名单", "teachers"),
    "columns.kind.records": ("帮扶记录", "support records"),
    "columns.col.column": ("列", "column"),
    "columns.col.header": ("表头", "header"),
    "columns.col.cells": ("表头单元格", "header cells"),
    "columns.col.field": ("读作字段", "read as"),
    "columns.col.note": ("说明", "note"),
    "columns.not_read": ("（未读）", "(not read)"),
    "columns.where_empty": ("（留守类型空着的行）", "(where 留守类型 is empty)"),
    "columns.where_before_empty": (
        "（前面同一字段的列空着的行）",
        "(where the earlier column is empty)",
    ),
    "columns.where_guardian_more": (
        "（同一监护人前面那一列空着的）",
        "(where the same guardian's column before is empty)",
    ),
    "columns.where_guardian_empty": (
        "（前面的监护人没填的）",
        "(where the guardian before is empty)",
    ),
    "columns.no_teacher": (
        "{file} 的工作表“{sheet}”有“日期”和“学生姓名”列，像是帮扶记录，但没有“帮扶教师”列，"
        "也看不出是哪位老师的，未读；请加上“帮扶教师”列并填写",
        "{file} sheet '{sheet}' has 日期 and 学生姓名 columns like records, but no 帮扶教师 "
        "column and nothing naming the teacher: not read; add a 帮扶教师 column and fill it in",
    ),
    "columns.skipped": (
        "{file} 的工作表“{sheet}”不是花名册、教师名单或帮扶记录，未读",
        "{file} sheet '{sheet}' is not a children, teachers or records sheet; not read",
    ),
    "columns.sep": ("；", "; "),
    "list.sep": ("、", ", "),
    "list.groups": ("；", "; "),
    "columns.read_from": ("由“{label}”一列读出", "read from the {label} column"),
    "columns.coding.0/1": (
        "代码按 0=非留守、1=留守（未注明哪方外出）读",
        "codes read as 0 = not left behind, 1 = left behind (which parent unsaid)",
    ),
    "columns.coding.0/1/2": (
        "代码按 0=非留守、1=单亲留守、2=双亲留守读",
        "codes read as 0 = not left behind, 1 = one parent away, 2 = both away",
    ),
    "columns.coding.1/2/3": (
        "代码按 1=非留守、2=单亲留守、3=双亲留守读",
        "codes read as 1 = not left behind, 2 = one parent away, 3 = both away",
    ),
    "columns.coding.1/2": ("代码按 1=男、2=女读", "codes read as 1 = male, 2 = female"),
    "columns.coding.xueji": (
        "学籍系统的年级代码：11–16=一至六年级，21–23=七至九年级（初一至初三），31–33=高一至高三",
        "the 学籍 system's grade codes: 11–16 = grades 1–6, 21–23 = grades 7–9, 31–33 = grades 10–12",
    ),
    "columns.coding.grade_or_xueji": (
        "只有 11、12：按十一、十二年级读；也可能是学籍系统的年级代码（一、二年级），见 lbc validate（CLS003）",
        "only 11 and 12: read as grades 11 and 12; they may be the 学籍 system's codes for"
        " grades 1 and 2 (lbc validate, CLS003)",
    ),
    "columns.option": ("打√选“{option}”的一列", "a column ticked for {option}"),
    "columns.coding.attendance": (
        "代码按 1=走读、2=住校读",
        "codes read as 1 = day pupil, 2 = boarder",
    ),
    "columns.coding.ambiguous": (
        "代码无法判断编码方式（只有 1 和 2，或 0 与 3 并存），均未读；请改写为文字",
        "the codes do not tell their coding (only 1 and 2, or both 0 and 3): none read; "
        "write the words instead",
    ),
    "columns.why.numbering": (
        "序号、来源、应完成等辅助列，不作为数据读取",
        "a helper column (序号, 来源…, 应完成), not read as data",
    ),
    "columns.why.form": (
        "官方表格中的列，lbc 不使用",
        "a column of the official forms that lbc does not use",
    ),
    "columns.why.own": (
        "lbc 结对名单自己写出的列，供人查看，读结对时不需要",
        "a column lbc's own pairs workbook writes for people to read; not needed to read the pairs",
    ),
    "columns.why.teacher_phone": (
        "lbc 不读这一列：帮扶教师的电话取自教师名单的“联系电话”列",
        "not read here: a support teacher's phone is read from the teachers list's 联系电话 column",
    ),
    "columns.why.own_elsewhere": (
        "lbc 不读这一列（lbc 的结对名单也有这一列，只供人查看）",
        "not read (lbc's pairs workbook has a column of this name too, only for people to read)",
    ),
    "columns.why.repeat": (
        "与前面的列是同一字段，只读前面那一列",
        "the same field as an earlier column; only the earlier one is read",
    ),
    "columns.why.says_less": (
        "同一字段另有说得更具体的留守类型列（写明哪一方外出），读那一列，那一列空着的行才读这一列",
        "a 留守类型 column of the same field says more (whose parents are away) and is read;"
        " this one only where that one is empty",
    ),
    "columns.why.second_guardian": (
        "也是监护人的列：前面的监护人没填的才读这一列（另一人的，整组都空着才读）",
        "a guardian's column too: read where the guardian before is empty (another person's: "
        "where all of that guardian is)",
    ),
    "columns.why.where_empty": (
        "与前面的列是同一字段：读前面那一列，那一列空着的行才读这一列",
        "the same field as an earlier column: that one is read, and this one where it is empty",
    ),
    "columns.why.guardian_more": (
        "前面那位监护人同一字段的又一列（如监护人电话后的监护人手机）：前一列空着的行才读这一列",
        "the first guardian's second column of a field (监护人手机 after 监护人电话): read where"
        " her column before is empty",
    ),
    "columns.why.third_guardian": (
        "第三位监护人的列：lbc 只读前两位监护人的列，这一列未读；只有这位监护人的儿童会被当作没有监护人",
        "a third guardian's column: lbc reads two guardians' columns, not this one; a child"
        " whose only guardian is here is taken as having none",
    ),
    "columns.why.hidden": (
        "这一列是隐藏的，读后面没有隐藏的同一字段那一列",
        "a hidden column: the later shown column of the same field is read",
    ),
    "columns.why.whose": (
        "跟在父母以外的人的姓名之后，不知道是谁的，lbc 不读这一列",
        "follows the name of someone other than the parents; whose it is cannot be told, not read",
    ),
    "columns.why.unknown": (
        "未识别的表头；如是某个字段，请在 lbc.toml 的 [synonyms] 中写明",
        "header not known; if it is a field, say so in lbc.toml [synonyms]",
    ),
    "columns.why.guess": (
        '未识别的表头，可能是“{label}”；如果是，请在 lbc.toml 中写明：[synonyms] {key} = ["{header}"]',
        "header not known, probably {label}; if so, say it in lbc.toml: "
        '[synonyms] {key} = ["{header}"]',
    ),
    # ---- notes on stderr ----
    "note.unknown_columns": (
        "提示：{file} 的“{sheet}”有未识别的列，已忽略：{columns}",
        "note: {file} sheet '{sheet}' has columns lbc does not know, ignored: {columns}",
    ),
    "note.teacher_children": (
        "提示：{file} 的“{sheet}”中 {columns} 列有 {count} 个帮扶学生没有结对（不在花名册、有重名，"
        "或与别处写的帮扶教师不同）；运行 lbc validate 查看",
        "note: {file} sheet '{sheet}': {count} {count:child|children} listed in {columns}"
        " {count:is|are} not paired (not in the roster, namesakes, or another support teacher"
        " named elsewhere); run lbc validate to see {count:it|them}",
    ),
    "note.repeat_columns": (
        "提示：{file} 的“{sheet}”有与前面的列同一字段的列，只读前面那一列：{columns}",
        "note: {file} sheet '{sheet}' has columns for a field an earlier column already holds; "
        "only the earlier one is read: {columns}",
    ),
    "note.says_less_columns": (
        "提示：{file} 的“{sheet}”另有写明哪一方外出的留守类型列，读那一列，"
        "那一列空着的行才读这一列：{columns}",
        "note: {file} sheet '{sheet}' has a 留守类型 column saying whose parents are away;"
        " that one is read, and this one only where that one is empty: {columns}",
    ),
    "note.second_guardian_columns": (
        "提示：{file} 的“{sheet}”另有监护人的列，前面的监护人没填的才读这几列：{columns}",
        "note: {file} sheet '{sheet}' has more guardian columns, read where the guardian columns "
        "before them are empty: {columns}",
    ),
    "note.where_empty_columns": (
        "提示：{file} 的“{sheet}”有与前面的列同一字段的列，前面那一列空着的行才读这一列：{columns}",
        "note: {file} sheet '{sheet}' has columns for a field an earlier column already holds;"
        " they are read where the earlier one is empty: {columns}",
    ),
    "note.guardian_more_columns": (
        "提示：{file} 的“{sheet}”前面那位监护人另有同一字段的列，前一列空着的行才读：{columns}",
        "note: {file} sheet '{sheet}' has a second column of a field of the first guardian's,"
        " read where her column before is empty: {columns}",
    ),
    "note.third_guardian_columns": (
        "提示：{file} 的“{sheet}”有第三位监护人的列，lbc 只读前两位监护人的列，这几列未读"
        "（只有这位监护人的儿童会被当作没有监护人）：{columns}",
        "note: {file} sheet '{sheet}' has a third guardian's columns; lbc reads two guardians'"
        " columns, not these (a child whose only guardian is here is taken as having none):"
        " {columns}",
    ),
    "note.hidden_columns": (
        "提示：{file} 的“{sheet}”这几列是隐藏的，后面有同一字段没隐藏的列，只读没隐藏的：{columns}",
        "note: {file} sheet '{sheet}' hides these columns, and a later column of the same field"
        " is shown; only the shown one is read: {columns}",
    ),
    "note.whose_columns": (
        "提示：{file} 的“{sheet}”有跟在父母以外的人的姓名之后的列，不知道是谁的，未读：{columns}",
        "note: {file} sheet '{sheet}' has columns after the name of someone other than the "
        "parents; whose they are cannot be told, not read: {columns}",
    ),
    "note.column_guess": (
        "提示：{file} 的“{sheet}”中“{header}”({letter})可能是“{label}”；如果是，请在 lbc.toml 中写明："
        '[synonyms] {key} = ["{header}"]',
        "note: {file} sheet '{sheet}': column {header} ({letter}) is probably {label} ({key}); "
        'if so, say it in lbc.toml: [synonyms] {key} = ["{header}"]',
    ),
    "note.kind_from.sheet": (
        "提示：{file} 的“{sheet}”没有“类型”列，各条按工作表名称读作{kind}",
        "note: {file} sheet '{sheet}' has no 类型 column; its name makes every row a {kind}",
    ),
    "note.kind_from.title": (
        "提示：{file} 的“{sheet}”没有“类型”列，各条按表头上方的标题读作{kind}",
        "note: {file} sheet '{sheet}' has no 类型 column; the title above its header makes "
        "every row a {kind}",
    ),
    "note.kind_from.header": (
        "提示：{file} 的“{sheet}”没有“类型”列，各条按表头读作{kind}",
        "note: {file} sheet '{sheet}' has no 类型 column; its header makes every row a {kind}",
    ),
    "note.class_from.sheet": (
        "提示：{file} 的“{sheet}”没有“班级”列，各行的班级按工作表名称读作{cls}",
        "note: {file} sheet '{sheet}' has no 班级 column; its name makes every row's class {cls}",
    ),
    "note.class_from.sheet_unread": (
        "提示：{file} 的“{sheet}”没有“班级”列，工作表名称“{cls}”分不清是这个年级的几班"
        "（如“32班”是2班还是32班），各行的班级都认不出，逐行提示（CLS001）",
        "note: {file} sheet '{sheet}' has no 班级 column; its name '{cls}' does not tell which "
        "class of its grade it is (32班: class 2 or class 32?), so no row's class is read, "
        "each said (CLS001)",
    ),
    "note.class_from.title": (
        "提示：{file} 的“{sheet}”没有“班级”列，各行的班级按表头上方的标题读作{cls}",
        "note: {file} sheet '{sheet}' has no 班级 column; the title above its header makes "
        "every row's class {cls}",
    ),
    "note.class_from.file": (
        "提示：{file} 的“{sheet}”没有“班级”列，各行的班级按文件名读作{cls}",
        "note: {file} sheet '{sheet}' has no 班级 column; its file's name makes every row's "
        "class {cls}",
    ),
    "note.class_from.headings": (
        "提示：{file} 的“{sheet}”没有“班级”列，各行的班级按它上面的班级标题行（如“三年级(2)班”）读取",
        "note: {file} sheet '{sheet}' has no 班级 column; each row's class is that of the class "
        "heading row above it (such as 三年级(2)班)",
    ),
    "note.class_unlike.sheet": (
        "提示：{file} 的“{sheet}”没有“班级”列；工作表名称写的是{cls}，但名称“{names}”说的是"
        "另一个年级，不知哪个对，各行不按它定班级",
        "note: {file} sheet '{sheet}' has no 班级 column; its name says {cls}, but the name "
        "{names} names another grade, so no row takes that class",
    ),
    "note.class_unlike.title": (
        "提示：{file} 的“{sheet}”没有“班级”列；表头上方的标题写的是{cls}，但名称“{names}”说的是"
        "另一个年级，不知哪个对，各行不按它定班级",
        "note: {file} sheet '{sheet}' has no 班级 column; the title above its header says {cls}, "
        "but the name {names} names another grade, so no row takes that class",
    ),
    "note.class_unlike.file": (
        "提示：{file} 的“{sheet}”没有“班级”列；文件名写的是{cls}，但名称“{names}”说的是"
        "另一个年级，不知哪个对，各行不按它定班级",
        "note: {file} sheet '{sheet}' has no 班级 column; its file's name says {cls}, but the "
        "name {names} names another grade, so no row takes that class",
    ),
    "note.class_names_unlike": (
        "提示：{file} 的“{sheet}”没有“班级”列；{sources}写的班不同（{classes}），不知哪个对，"
        "各行不按它们定班级",
        "note: {file} sheet '{sheet}' has no 班级 column; {sources} name different classes "
        "({classes}): which is right only the school knows, so no row takes one",
    ),
    "class_source.sheet": ("工作表名称", "the sheet's name"),
    "class_source.title": ("表头上方的标题", "the title above its header"),
    "class_source.file": ("文件名", "the file's name"),
    "note.classes_headed": (
        "提示：{file} 的“{sheet}”有{count}行的“班级”为空，按它上面的班级标题行（如“三年级(2)班”）读取",
        "note: {file} sheet '{sheet}': {count} rows with an empty 班级 take the class of the class "
        "heading row above them (such as 三年级(2)班)",
    ),
    "note.classes_graded": (
        "提示：{file} 的“{sheet}”有{count}行的“班级”只写班号，按它上面的年级标题行（如“三年级”）"
        "读作这个年级的班",
        "note: {file} sheet '{sheet}': {count} rows with a 班级 of the class number alone (such "
        "as 1班) take the grade of the grade heading row above them (such as 三年级)",
    ),
    "note.headings_unlike": (
        "提示：{file} 的“{sheet}”的班级标题行“{headings}”和名称“{names}”说的不是同一个年级，"
        "不知哪个对，它下面的行不按它定班级",
        "note: {file} sheet '{sheet}': the class heading row {headings} names another grade "
        "than the name {names}, so the rows under it take no class from it",
    ),
    "columns.kind_from.header": (
        "没有“类型”列：各条按表头读作{kind}",
        "no 类型 column: the header makes every row a {kind}",
    ),
    "columns.hidden": (
        "这是隐藏的工作表，也已读入；它若是旧表或草稿，请在 Excel 中取消隐藏后删除",
        "this sheet is hidden, and read too; if it is an old copy or a draft, unhide it in "
        "Excel and delete it",
    ),
    "columns.hidden_rows": (
        "{rows}是隐藏行，也已读入；请在 Excel 中取消隐藏后核对",
        "{rows} {count:is|are} hidden, and read too; unhide {count:it|them} in Excel to check",
    ),
    "columns.hidden_rows.filtered": (
        "设了筛选：{rows}被筛选隐藏，也已读入；请在 Excel 中清除筛选后核对",
        "filtered: {rows} {count:is|are} hidden, and read too; clear the filter in Excel to "
        "check {count:it|them}",
    ),
    "columns.numbered.hidden": (
        "“{sheet}”是隐藏的工作表，其中 {count} 行也已读入；它若是旧表或草稿，请在 Excel 中取消隐藏后删除",
        "sheet '{sheet}' is hidden; its {count} {count:row|rows} are read too; if it is an old "
        "copy or a draft, unhide it in Excel and delete it",
    ),
    "columns.numbered.hidden_rows": (
        "“{sheet}”中{rows}是隐藏行，也已读入；请在 Excel 中取消隐藏后核对",
        "sheet '{sheet}': {rows} {count:is|are} hidden, and read too; unhide {count:it|them} in "
        "Excel to check",
    ),
    "columns.numbered.hidden_rows.filtered": (
        "“{sheet}”设了筛选：{rows}被筛选隐藏，也已读入；请在 Excel 中清除筛选后核对",
        "sheet '{sheet}' is filtered: {rows} {count:is|are} hidden, and read too; clear the "
        "filter in Excel to check {count:it|them}",
    ),
    "columns.kind_from.sheet": (
        "没有“类型”列：各条按工作表名称读作{kind}",
        "no 类型 column: the sheet's name makes every row a {kind}",
    ),
    "columns.class_from.sheet": (
        "没有“班级”列：各行的班级按工作表名称读作{cls}",
        "no 班级 column: the sheet's name makes every row's class {cls}",
    ),
    "columns.class_from.sheet_unread": (
        "没有“班级”列：工作表名称“{cls}”分不清是这个年级的几班，各行的班级都认不出（CLS001）",
        "no 班级 column: the sheet's name '{cls}' does not tell which class of its grade it "
        "is, so no row's class is read (CLS001)",
    ),
    "columns.class_from.title": (
        "没有“班级”列：各行的班级按表头上方的标题读作{cls}",
        "no 班级 column: the title above the header makes every row's class {cls}",
    ),
    "columns.class_from.file": (
        "没有“班级”列：各行的班级按文件名读作{cls}",
        "no 班级 column: the file's name makes every row's class {cls}",
    ),
    "columns.class_from.headings": (
        "没有“班级”列：各行的班级按它上面的班级标题行读取",
        "no 班级 column: each row's class is that of the class heading row above it",
    ),
    "columns.kind_from.title": (
        "没有“类型”列：各条按表头上方的标题读作{kind}",
        "no 类型 column: the title above the header makes every row a {kind}",
    ),
    "note.annotated_copy": (
        "提示：{file} 是 lbc validate --annotate 写出的标注副本，同一文件夹里还有别的表格，"
        "未读取（否则副本里的儿童会再算一次）；要读它，请直接写出它的路径",
        "note: {file} is a copy lbc validate --annotate wrote, with other spreadsheets in its "
        "folder: not read (its children would count again); name it to read it",
    ),
    "note.named_as": (
        "提示：{file} 没有写明学校，与 {roster} 同名，按 {roster} 写明的学校算作{school}的；"
        "如果不是同一所学校，请在表中加“学校”列",
        "note: {file} says no school and is named as {roster} is, so it is counted as {school}'s, "
        "the school {roster} declares; if it is not that school's, add a 学校 column to it",
    ),
    "note.titled_as": (
        "提示：{file} 的标题写的学校是“{title}”，本次读取的花名册只有{school}的，其中的记录按{school}的算；"
        "如果不是同一所学校，请改正标题",
        "note: {file} is titled with the school “{title}”, but the rosters read are {school}'s "
        "alone: its records are counted as {school}'s; if the two are not one school, correct "
        "the title",
    ),
    "note.titled_as_teachers": (
        "提示：{file} 的标题写的学校是“{title}”，本次读取的花名册只有{school}的，其中的教师按{school}的教师"
        "结对、核对；如果这不是{school}的教师名单，请把它移出，或改正标题",
        "note: {file} is titled with the school “{title}”, but the rosters read are {school}'s "
        "alone: its teachers are paired and checked as {school}'s; if it is not {school}'s "
        "teachers list, take it out, or correct the title",
    ),
    "note.unlike_title": (
        "提示：{file} 的标题写的是“{title}”，“学校”列写的却是“{school}”：其中的儿童按“学校”列算作{school}的；"
        "如果两者不是同一所学校，请改正标题或“学校”列",
        "note: {file} is titled “{title}” but its 学校 column says “{school}”: its children are counted as {school}'s, "
        "by the column; if the two are not one school, correct the title or the 学校 column",
    ),
    "note.unlike_title_teachers": (
        "提示：{file} 的标题写的是“{title}”，“学校”列写的却是“{school}”：其中的教师按“学校”列算作{school}的；"
        "如果两者不是同一所学校，请改正标题或“学校”列",
        "note: {file} is titled “{title}” but its 学校 column says “{school}”: its teachers are counted as {school}'s, "
        "by the column; if the two are not one school, correct the title or the 学校 column",
    ),
    "note.part_apart": (
        "提示：{file} 没有写明学校，它所在的文件夹看不出是一所学校的，因此没有算作同一文件夹中{school}的，"
        "而是单独按“{name}”统计、结对；如果它是{school}的，请在表中加“学校”列，或把它放进{school}自己的文件夹",
        "note: {file} says no school, and its folder does not look like one school's, so it is not counted "
        "as {school}'s, beside it, but on its own, as “{name}”, in counts and pairing; if it is {school}'s, "
        "add a 学校 column to it, or move it into {school}'s own folder",
    ),
    "note.part_of_several": (
        "提示：{file} 没有写明学校，同一文件夹中有{schools}的文件，看不出它是哪一所学校的，"
        "因此单独按“{name}”统计、结对；请在表中加“学校”列写明它的学校，或把它放进那所学校自己的文件夹",
        "note: {file} says no school, and its folder holds the files of {schools}, so which "
        "school it is of cannot be told: it is counted on its own, as “{name}”, in counts and "
        "pairing; add a 学校 column saying its school, or move it into that school's own folder",
    ),
    "note.pooled_in_area": (
        "提示：{files} 没有写明学校，文件名也看不出是哪一所学校的，因此按文件夹名“{name}”统计、结对，"
        "但“{name}”不是一所学校；请在表中加“学校”列写明学校，或把文件放进所属学校自己的文件夹",
        "note: {files} {count:says|say} no school, nor {count:does its name|do their names}: "
        "{count:it is|they are} counted and paired under the folder's name, “{name}”, which is "
        "no school; add a 学校 column saying the school, or move the {count:file|files} into "
        "{count:its|their} school's own folder",
    ),
    "note.generic_pooled": (
        "提示：{files} 写的学校都是“{name}”，看不出是哪个乡镇的，按同一所学校“{name}”统计、结对；"
        "如果不是同一所学校，请在“学校”列写明各自的全称（如加上乡镇名），或把文件放进各自乡镇的文件夹",
        "note: {files} all name the school “{name}”, which every township's school may be called, "
        "so which township's each is cannot be told: they are counted and paired as one school, "
        "“{name}”; if they are not one school, write each school's full name in a 学校 column "
        "(with its township, say), or move each file into its township's folder",
    ),
    "note.namesakes_apart": (
        "提示：{first} 和 {file} 的标题都是“{title}”，而不在同一个文件夹里，按两所学校算：后者记作“{name}”；"
        "如果是同一所学校，请把它的文件放进同一个文件夹，"
        "或（两个文件夹里都只有这所学校的文件时）在各自文件夹的 lbc.toml 中写明 [school] name",
        "note: {first} and {file} are both titled “{title}” but are in folders apart, so they are counted as two schools, "
        "the second as “{name}”; if they are one school, put its files in one folder, or (where both folders hold "
        "this school's files alone) give [school] name in an lbc.toml in each folder",
    ),
    # Two files in folders apart named alike (lbc.workspace.schools.Namesakes.alike), counted
    # as one school by the 学校 column of the second.
    "note.namesakes_pooled.both": (
        "提示：{first} 和 {file} 的标题都是“{title}”，不在同一个文件夹里，而“学校”列写的都是“{title}”，按同一所学校算；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）",
        "note: {first} and {file} are both titled “{title}”, in folders apart, and their 学校 columns both say “{title}”, "
        "so they are counted as one school; if they are two, write each school's full name in the 学校 column (with its township, say)",
    ),
    "note.namesakes_pooled.columns": (
        "提示：{first} 和 {file} 的“学校”列写的都是“{title}”，虽不在同一个文件夹里，也按同一所学校算；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）",
        "note: the 学校 columns of {first} and {file} both say “{title}”, though they are in folders apart, "
        "so they are counted as one school; if they are two, write each school's full name in the 学校 column (with its township, say)",
    ),
    "note.namesakes_pooled.titles": (
        "提示：{first} 和 {file} 的标题都是“{title}”，不在同一个文件夹里，而 {file} 的“学校”列写的也是“{title}”，按同一所学校算；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）",
        "note: {first} and {file} are both titled “{title}”, in folders apart, and the 学校 column of {file} says “{title}” too, "
        "so they are counted as one school; if they are two, write each school's full name in the 学校 column (with its township, say)",
    ),
    "note.namesakes_pooled.title_column": (
        "提示：{first} 的标题和 {file} 的“学校”列写的都是“{title}”，虽不在同一个文件夹里，也按同一所学校算；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）",
        "note: {first} is titled “{title}” and the 学校 column of {file} says “{title}”, though they are in folders apart, "
        "so they are counted as one school; if they are two, write each school's full name in the 学校 column (with its township, say)",
    ),
    # The second titled alone, with what the first's 学校 column names.
    "note.namesakes_pooled.titles_first": (
        "提示：{first} 和 {file} 的标题都是“{title}”，不在同一个文件夹里，而 {first} 的“学校”列写的也是“{title}”，按同一所学校算；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）",
        "note: {first} and {file} are both titled “{title}”, in folders apart, and the 学校 column of {first} says “{title}” too, "
        "so they are counted as one school; if they are two, write each school's full name in the 学校 column (with its township, say)",
    ),
    "note.namesakes_pooled.column_title": (
        "提示：{first} 的“学校”列和 {file} 的标题写的都是“{title}”，虽不在同一个文件夹里，也按同一所学校算；"
        "如果是两所学校，请在“学校”列写明各自的全称（如加上乡镇名）",
        "note: the 学校 column of {first} says “{title}” and {file} is titled “{title}”, though they are in folders apart, "
        "so they are counted as one school; if they are two, write each school's full name in the 学校 column (with its township, say)",
    ),
    "note.copied_folders": (
        "提示：文件夹 {folders} 的名称只差“(1)”“- 副本”“复件”这样的字样，像是同一所学校文件夹的副本，按一所学校“{school}”"
        "统计、结对；副本里的儿童多半是同一批人，身份证号相同的由 lbc validate 逐行指出（DUP001）；请核对后只留一份",
        "note: the folders {folders} are named alike but for a copy's mark such as (1), - 副本 or 复件, as copies of one "
        "school's folder are: they are counted and paired as one school, “{school}”; copies most likely hold the same children "
        "twice, and lbc validate says each row whose ID number is repeated (DUP001); check them and keep one",
    ),
    "note.one_name_two_workspaces": (
        "提示：{configs} 写的是同一所学校“{school}”，这些文件夹里的儿童和教师按一所学校统计、"
        "结对；如果是不同的学校，请改正各自 lbc.toml 的 [school] name",
        "note: {configs} all name the school '{school}': the children and teachers of their "
        "folders are counted and paired as one school's; if they are different schools, "
        "correct the [school] name in each lbc.toml",
    ),
    "note.settings_unused": (
        "提示：{file} 的“{sheet}”第 {row} 行：{message}；各校设置表共有 {count} 行没有用上，"
        "请按 lbc validate 所指（{codes}）改正",
        "note: {file} sheet '{sheet}', row {row}: {message}; {count} {count:row|rows} of the"
        " schools' settings sheets {count:was|were} not used: correct them as lbc validate"
        " shows ({codes})",
    ),
    "note.left_out": (
        "提示：{file} 在一所学校工作区（lbc.toml）里，又不是它 [files] 所列的文件"
        "（如上学期的名册、lbc 写出的标注副本或变更记录），未读取；要读它，请直接写出它的路径",
        "note: {file} is in a school's workspace (lbc.toml) and not among its [files] "
        "(last term's roster, or an annotated copy or change log lbc wrote, say): not read; "
        "name it to read it",
    ),
    "note.last_term": (
        "提示：{file} 在“{folder}”文件夹里，是上学期的文件，未当作本学期的名册读取；"
        "要读它，请直接写出它的路径",
        "note: {file} is in a '{folder}' (last term) folder: not read as this term's roster;"
        " name it to read it",
    ),
    "note.last_term_file": (
        "提示：{file} 的文件名表明是上学期的，旁边有本学期的花名册，未当作本学期的名册读取；"
        "要读它，请直接写出它的路径",
        "note: {file} is named as last term's, beside this term's roster: not read as this"
        " term's roster; name it to read it",
    ),
    "note.past_year": (
        "提示：{file} 在“{folder}”文件夹里，旁边已有“{later}”，是以往学年的文件，"
        "未当作本学期的名册读取；要读它，请直接写出它的路径",
        "note: {file} is in a '{folder}' folder, a past school year's beside '{later}':"
        " not read as this term's roster; name it to read it",
    ),
    "note.terms_side_by_side": (
        "提示：{folders} 是不同学期的文件夹，都已读取；只读一个学期的，请在命令里写出那个学期的"
        "文件夹（如 {example}），或把以往学期的文件夹移进旁边的“上学期”文件夹（其中的文件"
        "不当作本学期的读取）",
        "note: {folders} are different terms' folders, each read; to read one term only, name"
        " its folder in the command (e.g. {example}), or move the earlier terms' folders into"
        " a '上学期' folder beside them (whose files are not read as this term's)",
    ),
    "note.terms_side_by_side.name_one": (
        "提示：{folders} 是不同学期的文件夹，都已读取；只读一个学期的，请在命令里写出那个学期的"
        "文件夹（如 {example}）",
        "note: {folders} are different terms' folders, each read; to read one term only, name"
        " its folder in the command (e.g. {example})",
    ),
    "note.terms_side_by_side.schools": (
        "提示：{count} 所学校的文件夹（如 {folder}）里都有不同学期的文件夹 {names}，都已读取；"
        "只读一个学期的，请在命令里写出各校那个学期的文件夹（如 {example}），或把各校以往学期的"
        "文件夹移进旁边的“上学期”文件夹（其中的文件不当作本学期的读取）",
        "note: {count} schools' folders (e.g. {folder}) each hold different terms' folders"
        " {names}, each read; to read one term only, name each school's folder of it in the command"
        " (e.g. {example}), or move each school's earlier terms' folders into a '上学期'"
        " folder beside them (whose files are not read as this term's)",
    ),
    "note.terms_side_by_side.name_one.schools": (
        "提示：{count} 所学校的文件夹（如 {folder}）里都有不同学期的文件夹 {names}，都已读取；"
        "只读一个学期的，请在命令里写出各校那个学期的文件夹（如 {example}）",
        "note: {count} schools' folders (e.g. {folder}) each hold different terms' folders"
        " {names}, each read; to read one term only, name each school's folder of it in the command"
        " (e.g. {example})",
    ),
    "note.years_side_by_side.schools": (
        "提示：{count} 所学校的文件夹（如 {folder}）里都有不同年份的文件夹 {names}，都已读取，"
        "其中的名册合在一起统计；只读一年的，请在命令里写出各校那一年的文件夹（如 {example}）",
        "note: {count} schools' folders (e.g. {folder}) each hold different years' folders"
        " {names}, each read and their rosters counted together; to read one year only, name"
        " each school's folder of it in the command (e.g. {example})",
    ),
    "note.terms_side_by_side.folders": (
        "提示：{count} 个文件夹（如 {folder}）里都有不同学期的文件夹 {names}，都已读取；"
        "只读一个学期的，请在命令里写出各文件夹里那个学期的文件夹（如 {example}），或把各文件夹里以往学期的"
        "文件夹移进旁边的“上学期”文件夹（其中的文件不当作本学期的读取）",
        "note: {count} folders (e.g. {folder}) each hold different terms' folders"
        " {names}, each read; to read one term only, name each one's folder of it in the command"
        " (e.g. {example}), or move each one's earlier terms' folders into a '上学期'"
        " folder beside them (whose files are not read as this term's)",
    ),
    "note.terms_side_by_side.name_one.folders": (
        "提示：{count} 个文件夹（如 {folder}）里都有不同学期的文件夹 {names}，都已读取；"
        "只读一个学期的，请在命令里写出各文件夹里那个学期的文件夹（如 {example}）",
        "note: {count} folders (e.g. {folder}) each hold different terms' folders"
        " {names}, each read; to read one term only, name each one's folder of it in the command"
        " (e.g. {example})",
    ),
    "note.years_side_by_side.folders": (
        "提示：{count} 个文件夹（如 {folder}）里都有不同年份的文件夹 {names}，都已读取，"
        "其中的名册合在一起统计；只读一年的，请在命令里写出各文件夹里那一年的文件夹（如 {example}）",
        "note: {count} folders (e.g. {folder}) each hold different years' folders"
        " {names}, each read and their rosters counted together; to read one year only, name"
        " each one's folder of it in the command (e.g. {example})",
    ),
    "note.years_side_by_side": (
        "提示：{folders} 是不同年份的文件夹，都已读取，其中的名册合在一起统计；只读一年的，"
        "请在命令里写出那一年的文件夹（如 {example}）",
        "note: {folders} are different years' folders, each read and their rosters counted"
        " together; to read one year only, name its folder in the command (e.g. {example})",
    ),
    "note.years_side_by_side.not_one": (
        "提示：{folders} 是不同年份的文件夹，都已读取，其中的名册合在一起统计；哪一年的文件夹"
        "都没有本次读取的全部名册，只写出其中一年的会漏读别的名册",
        "note: {folders} are different years' folders, each read and their rosters counted"
        " together; no one year's folder holds every roster read, and naming one alone would"
        " leave the others out",
    ),
    "note.last_term_alone": (
        "提示：{file} 在“{folder}”文件夹里，旁边没有本学期的花名册，已当作本学期（本学年的上学期）"
        "的名册读取；如果它是上一个学期的，请把本学期的名册放在“{folder}”文件夹旁边；"
        "如果它就是本学年的上学期，可以把“{folder}”文件夹放进以学年命名的文件夹"
        "（如 2025-2026学年），就不再提示",
        "note: {file} is in a '{folder}' folder with no roster of this term's beside it: read as"
        " this term's roster (the school year's first semester); if it is last term's, put"
        " this term's roster beside the '{folder}' folder; if it is this school year's first"
        " semester, put the '{folder}' folder in a folder named by the school year (such as"
        " 2025-2026学年) and this note goes",
    ),
    "note.hidden_sheet": (
        "提示：{file} 的“{sheet}”是隐藏的工作表，其中 {rows} 行也已读入；"
        "它若是旧表或草稿，请在 Excel 中取消隐藏后删除",
        "note: {file} sheet '{sheet}' is hidden; its {rows} {rows:row|rows} are read too; "
        "if it is an old copy or a draft, unhide it in Excel and delete it",
    ),
    "note.hidden_rows": (
        "提示：{file} 的“{sheet}”中{rows}是隐藏行，打开文件时看不到，这 {count} 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对",
        "note: {file} sheet '{sheet}': {rows} {count:is|are} hidden, so opening the file does "
        "not show {count:it|them}; {count:it is|they are} read all the same; select the whole "
        "sheet and unhide in Excel to check {count:it|them}",
    ),
    "note.hidden_rows.filtered": (
        "提示：{file} 的“{sheet}”设了筛选，{rows}被筛选隐藏，打开文件时看不到，这 {count} 行也已读入；"
        "请在 Excel 中清除筛选后核对",
        "note: {file} sheet '{sheet}' is filtered: {rows} {count:is|are} hidden, so opening the "
        "file does not show {count:it|them}; {count:it is|they are} read all the same; clear "
        "the filter in Excel to check {count:it|them}",
    ),
    "note.error_rows": (
        "提示：{file} 的“{sheet}”{message}（见 lbc validate 的 VAL008）",
        "note: {file} sheet '{sheet}': {message} (see VAL008 in lbc validate)",
    ),
    "note.unsaved": (
        "提示：{file} 的“{sheet}”有 {count} 个格子是公式（第一个在 {cell}），文件里没有保存"
        "计算结果，lbc 看不到它们的值，统计和名单里都当作没有这项内容；请用 Excel 或 WPS "
        "打开这个文件再保存一次（见 lbc validate 的 VAL010）",
        "note: {file} sheet '{sheet}': {count} {count:cell holds|cells hold} a formula whose"
        " result was not saved in the file (the first at {cell}), so lbc cannot see"
        " {count:its value|their values} and counts and lists {count:it|them} as not there;"
        " open the file in Excel or WPS and save it again (see VAL010 in lbc validate)",
    ),
    # note.unsaved where some of the cells are contacts lbc therefore judges neither way
    # (lbc.checks.contacts.unseen_contacts).
    "note.unsaved.contacts": (
        "提示：{file} 的“{sheet}”有 {count} 个格子是公式（第一个在 {cell}），文件里没有保存"
        "计算结果，lbc 看不到它们的值，统计和名单里都当作没有这项内容，联系方式除外：有 "
        "{children} 名儿童的联系方式因此无法判断，既没有算作缺少，也没有算作齐全；请用 "
        "Excel 或 WPS 打开这个文件再保存一次（见 lbc validate 的 VAL010）",
        "note: {file} sheet '{sheet}': {count} {count:cell holds|cells hold} a formula whose"
        " result was not saved in the file (the first at {cell}), so lbc cannot see"
        " {count:its value|their values} and counts and lists {count:it|them} as not there,"
        " but for contacts: {children} {children:child's contacts|children's contacts} could"
        " not be judged, and are counted neither missing nor complete; open the file in Excel"
        " or WPS and save it again (see VAL010 in lbc validate)",
    ),
    "note.error_rows_merged": (
        "提示：{file} 的“{sheet}”{message}。这些行没有写入合并后的名册，"
        "请在该校的这个文件里查看（见 lbc validate 的 VAL008）",
        "note: {file} sheet '{sheet}': {message}. These rows are not written into the merged"
        " roster: look at them in the school's own file (see VAL008 in lbc validate)",
    ),
    "rows.listed": ("第 {rows} 行", "{count:row|rows} {rows}"),
    "rows.more": ("第 {rows} 行等 {count} 行", "rows {rows} and {others} more"),
    "note.grade_names_unlike": (
        "提示：{file} 的“{sheet}”没有“年级”列，工作表、文件和文件夹的名称说的年级不同"
        "（{names}），“班级”只写班号（如“1班”）的认不出是哪个年级",
        "note: {file} sheet '{sheet}' has no 年级 column and its sheet's, file's and folder's "
        "names name different grades ({names}); a 班级 of the class number alone (such as "
        "1班) is of no grade",
    ),
    "note.sheet_skipped": (
        "提示：{file} 的工作表“{sheet}”不是花名册、教师名单或帮扶记录，已跳过",
        "note: {file} sheet '{sheet}' is not a children, teachers or records sheet; skipped",
    ),
    "note.records_no_teacher": (
        "提示：{file} 的工作表“{sheet}”有“日期”和“学生姓名”列，像是帮扶记录，但没有“帮扶教师”列，"
        "也看不出是哪位老师的，已跳过，其中的记录没有计入；请加上“帮扶教师”列并填写",
        "note: {file} sheet '{sheet}' has 日期 and 学生姓名 columns like records, but no "
        "帮扶教师 column and nothing naming the teacher: skipped, its records not counted; "
        "add a 帮扶教师 column and fill it in",
    ),
    "note.annotated": (
        "已写出标注文件：{path}（{count} 个单元格被标注）",
        "wrote annotated copy: {path} ({count} {count:cell|cells} marked)",
    ),
    "note.pairs": ("提示：帮扶教师{parts}", "note: support teachers {parts}"),
    "note.pairs.joiner": ("；", "; "),
    "note.pairs.books": (
        "以结对名单 {books}（{date}结对）为准，共 {count} 名儿童",
        "from the pairs workbook {books} (made {date}) for {count} {count:child|children}",
    ),
    "note.pairs.column_newer": (
        "其中 {count} 名儿童的花名册“帮扶教师”列在结对后改过，以花名册为准",
        "{count} of them by the roster's 帮扶教师 column, changed after the pairing",
    ),
    "note.pairs.list_newer": (
        "其中 {count} 名儿童在结对后改在教师名单另一位老师名下，以教师名单为准",
        "{count} of them by the teachers list, which moved them after the pairing",
    ),
    "note.pairs.undated": (
        "以结对名单 {books} 为准，共 {count} 名儿童",
        "from the pairs workbook {books} for {count} {count:child|children}",
    ),
    "note.pairs.previous": (
        "按 --keep 给出的上学期名单补上 {count} 名儿童",
        "from last term's roster given with --keep for {count} {count:child|children} nobody else names",
    ),
    "note.pairs.unmatched": (
        "结对名单中 {count} 行在花名册中找不到，未采用",
        "{count} {count:row|rows} of the pairs workbook {count:names|name} no child of the roster and {count:was|were} not used",
    ),
    "note.pairs.errors": (
        "结对名单中 {count} 行的帮扶教师一格是公式出错后显示的错误值（如 #N/A），对应的儿童没有帮扶教师"
        "（见 lbc validate 的 VAL007）",
        "{count} {count:row|rows} of the pairs workbook {count:shows|show} a formula's error "
        "(such as #N/A) as the support teacher, so {count:its child has|their children have} "
        "no support teacher (see VAL007 in lbc validate)",
    ),
    # note.pairs.errors of a formula saved without its result (#未存结果, VAL010): nothing
    # went wrong with it, its result is not in the file.
    "note.pairs.unsaved": (
        "结对名单中 {count} 行的帮扶教师一格是没有保存计算结果的公式，lbc 看不到它的值，"
        "对应的儿童没有帮扶教师（请用 Excel 或 WPS 打开结对名单再保存一次，见 lbc validate 的 VAL010）",
        "{count} {count:row|rows} of the pairs workbook {count:holds|hold} a formula whose"
        " result was not saved in the file as the support teacher, so lbc cannot see"
        " {count:its value and its child has|their values and their children have} no"
        " support teacher (open the pairs workbook in Excel or WPS and save it again; see"
        " VAL010 in lbc validate)",
    ),
    "note.pairs.moved_school": (
        "{count} 名儿童结对时在另一所学校，现在在本次读入的另一所学校，原学校老师的结对未采用",
        "{count} {count:child was|children were} paired in another school of the run than "
        "the one {count:it is|they are} in now: that school's teacher was not used",
    ),
    "note.pairs.namesakes": (
        "结对名单中 {count} 行是重名儿童（{names}），花名册在结对后改动过，又没有身份证号可以区分，"
        "无法确定是哪一个孩子，未采用（补填身份证号或出生日期后重新运行 lbc pair --save）",
        "{count} {count:row|rows} of the pairs workbook {count:names|name} one of children "
        "sharing a name ({names}): the roster changed since the pairing and no ID number tells "
        "them apart, so {count:it was|they were} not used (add ID numbers or birth dates and "
        "run lbc pair --save again)",
    ),
    "note.pairs.pending": (
        "提示：lbc.toml 指定的结对名单 {path} 尚未生成，帮扶教师取自花名册“帮扶教师”列（运行 lbc pair --save 生成）",
        "note: the pairs workbook {path} named in lbc.toml is not made yet; support teachers come from the roster's 帮扶教师 column (lbc pair --save makes it)",
    ),
    "note.init_done": (
        "已创建工作区：{path}（lbc.toml 与 roster.xlsx）。填好花名册后运行：lbc validate",
        "workspace created in {path} (lbc.toml and roster.xlsx). Fill in the roster, then run: lbc validate",
    ),
    "note.init_done_cd": (
        "已创建工作区：{path}（lbc.toml 与 roster.xlsx）。填好花名册后，进入这个文件夹（cd {cd}）再运行：lbc validate",
        "workspace created in {path} (lbc.toml and roster.xlsx). Fill in the roster, then go into the folder (cd {cd}) and run: lbc validate",
    ),
    "note.reading": ("读取", "reading"),
    "note.checking": ("检查中", "checking"),
    # ---- validate output ----
    "out.summary": (
        "共检查 {children} 名儿童、{teachers} 名教师、{records} 条帮扶记录：{errors} 个错误，{warnings} 个警告",
        "checked {children} {children:child|children}, {teachers} {teachers:teacher|teachers}, "
        "{records} support {records:record|records}: {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}",
    ),
    "out.school_line": (
        "{school}：{children} 名儿童，{errors} 个错误，{warnings} 个警告",
        "{school}: {children} {children:child|children}, {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}",
    ),
    "out.no_findings": ("没有发现问题。", "no problems found."),
    "out.no_findings_left_out": (
        "读入的文件没有发现问题；另有 {count} 个文件未读入，没有检查（见上面的提示）。",
        "no problems found in the files read; {count} {count:file was|files were} not read, "
        "and not checked (see the notes above).",
    ),
    "out.col.location": ("位置", "location"),
    "out.col.code": ("代码", "code"),
    "out.col.severity": ("级别", "severity"),
    "out.col.field": ("字段", "field"),
    "out.col.child": ("对象", "who"),
    # A child's row whose 姓名 is empty, named by its class (对象: （姓名空） 三年级(2)班).
    "out.child_no_name": ("（姓名空）", "(no name)"),
    "out.col.message": ("问题", "problem"),
    "out.col.value": ("值", "value"),
    "out.col.name": ("姓名", "name"),
    "out.col.missing": ("缺少", "missing"),
    "out.col.row": ("行", "row"),
    "out.col.title": ("说明", "title"),
    "out.sheet_heading": ("{file} · {sheet}", "{file} · {sheet}"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "out.whole_column": ("整列", "whole column"),
    "out.whole_sheet": ("整表", "whole sheet"),
    # ---- flag output ----
    # ---- birthdays output ----
    "birthdays.heading": (
        "{cls}（班主任：{head}）— {count} 人过生日",
        "{cls} (head teacher: {head}) — {count} {count:birthday|birthdays}",
    ),
    "birthdays.col.day": ("生日", "birthday"),
    "birthdays.col.turns": ("满几岁", "turns"),
    "birthdays.col.teacher": ("帮扶教师", "support teacher"),
    "birthdays.day": ("{month}月{day}日", "{month}/{day}"),
    "birthdays.untyped": ("不在任何月份的生日名单上", "they are on no month's birthday list"),
    "birthdays.month_only": ("{month}月（日不详）", "{month}/?"),
    "birthdays.torn": (
        "提示：{count} 名留守儿童的“出生日期”与身份证号中的出生日期不在同一个月，其中一个是 {month} 月"
        "（首个在 {file} 的“{sheet}”第 {row} 行），名单按“出生日期”列出，可能列错了月份；"
        "请核实后按 lbc validate（ID006）改正",
        "note: {count} left-behind {count:child's|children's} 出生日期 and ID number give two "
        "months, one of them {month} (the first in {file}, sheet '{sheet}', row {row}): listed "
        "by the 出生日期, maybe in the wrong month; check and correct as lbc validate (ID006) "
        "shows",
    ),
    "birthdays.undated": (
        "提示：{count} 名留守儿童的出生日期未填或无法识别，身份证号也看不出"
        "（首个在 {file} 的“{sheet}”第 {row} 行），不在任何月份的生日名单上；请按 lbc validate 所指改正",
        "note: {count} left-behind {count:child has|children have} no readable birth date, "
        "nor an ID number giving one (the first in {file}, sheet '{sheet}', row {row}): "
        "{count:it is|they are} on no month's birthday list; correct {count:it|them} as lbc "
        "validate shows",
    ),
    "birthdays.summary": (
        "{month}月共有 {count} 名留守儿童过生日。",
        "{count} left-behind {count:child has|children have} a birthday in month {month}.",
    ),
    "err.bad_month": (
        "--month {month} 不是月份，请写 1 到 12",
        "--month {month} is no month; give 1 to 12",
    ),
    # ---- watch output ----
    "watch.heading": (
        "{cls}（班主任：{head}）— {count} 人需重点关注",
        "{cls} (head teacher: {head}) — {count} to watch",
    ),
    "watch.col.score": ("关注分", "score"),
    "watch.col.reasons": ("原因", "reasons"),
    "watch.support": ("帮扶教师：{name}", "support teacher: {name}"),
    "watch.never": ("无记录", "none"),
    # A reason read from another row of the child's ID number (DUP001): where it is written.
    "watch.other_row": ("{reason}（见{sheet}第 {row} 行）", "{reason} (see {sheet}, row {row})"),
    "watch.teacher_blank": ("（未填写）", " (none named)"),
    "watch.teacher_error": (
        "（帮扶教师一格显示公式错误 {error}）",
        " (the support teacher cell shows {error}, a formula's error)",
    ),
    "watch.teacher_unsaved": (
        "（帮扶教师一格是没有保存计算结果的公式（{value}），lbc 看不到它的值；"
        "请用 Excel 或 WPS 打开这个文件再保存一次）",
        " (the support teacher cell is a formula whose result was not saved in the file"
        " ({value}), so lbc cannot see its value; open the file in Excel or WPS and save it"
        " again)",
    ),
    "watch.no_phone": ("没有电话", "has no phone"),
    "watch.bad_phone": ("电话一栏不是可拨打的号码", "the phone cell is no number to call"),
    # Both parents away: whose phone it is, since 「父亲外出」 alone would read as the mother home.
    "watch.away.both": ("父母均外出", "both parents are away"),
    "watch.away.one": ("{who}外出", "the {who} is away"),
    "watch.no_phone.whose": ("{who}没有电话", "the {who} has no phone"),
    "watch.bad_phone.whose": (
        "{who}电话一栏不是可拨打的号码",
        "the {who}'s phone cell is no number to call",
    ),
    "watch.teacher_away": ("（{name} 不在岗）", " ({name} is not in post)"),
    "watch.teacher_unlisted": (
        "（{name} 不在教师名单中）",
        " ({name} is not on the teachers list)",
    ),
    "watch.summary": (
        "共 {count} 名儿童需重点关注（关注分达到 {threshold}）。",
        "{count} {count:child|children} to watch (score {threshold} or more).",
    ),
    "watch.summary.own": (
        "共 {count} 名儿童需重点关注（关注分达到 {threshold}；{schools} 按本校 lbc.toml 的"
        " [watch]，见提示）。",
        "{count} {count:child|children} to watch (score {threshold} or more; {schools} by the [watch] of"
        " their own lbc.toml: see the note).",
    ),
    "watch.none.own": (
        "没有儿童的关注分达到 {threshold}（{schools} 按本校 lbc.toml 的 [watch]，见提示）。",
        "no child's score reaches {threshold} ({schools} by the [watch] of their own lbc.toml:"
        " see the note).",
    ),
    "note.own_watch": (
        "提示：{schools} 按本校 lbc.toml 的 [watch] 列入重点关注名单：{settings}",
        "note: {schools} drawn onto the watch list by the [watch] of their own lbc.toml:"
        " {settings}",
    ),
    "watch.own.threshold": ("关注分达到 {n}", "a score of {n} or more"),
    "watch.own.guardian_age": ("监护人年满 {n} 岁算高龄", "a guardian of {n} or more is old"),
    "watch.own.weight": ("{code} 权重 {n}", "{code} weighs {n}"),
    "watch.untyped": ("未评估是否需要重点关注", "they were not assessed for the watch list"),
    "watch.none": (
        "没有儿童的关注分达到 {threshold}。",
        "no child's score reaches {threshold}.",
    ),
    "due.written": (
        "已写出待办清单：{path}（仅本人可读）",
        "wrote the to-do list: {path} (readable by you only)",
    ),
    "watch.written": (
        "已写出重点关注名单：{path}（含儿童情况，仅本人可读）",
        "wrote the watch list: {path} (describes children; readable by you only)",
    ),
    "err.watch_code": (
        "lbc.toml 的 [watch.weights] 中 {code} 不是重点关注条件（lbc rules 列出 WCH 开头的全部条件）",
        "{code} under [watch.weights] in lbc.toml is no watch criterion (lbc rules lists the WCH codes)",
    ),
    "flag.heading": (
        "{cls}（班主任：{head}）— {count} 人缺少联系方式",
        "{cls} (head teacher: {head}) — {count} missing a contact",
    ),
    "flag.teachers_heading": (
        "教师 — {count} 人缺少联系电话",
        "Teachers — {count} without a phone",
    ),
    "flag.no_head": ("未登记", "not recorded"),
    "flag.no_class": ("班级不明", "class unknown"),
    "flag.summary": (
        "共 {children} 名儿童、{teachers} 名教师缺少必需的联系方式",
        "{children} {children:child|children} and {teachers} {teachers:teacher|teachers} are "
        "missing a required contact",
    ),
    "flag.none": ("所有儿童和教师的联系方式都已齐全。", "every child and teacher is reachable."),
    "flag.none_left_out": (
        "读入的文件中所有儿童和教师的联系方式都已齐全；另有 {count} 个文件未读入，没有检查"
        "（见上面的提示）。",
        "every child and teacher of the files read is reachable; {count} "
        "{count:file was|files were} not read, and not checked (see the notes above).",
    ),
    "out.left_out_unchecked": (
        "另有 {count} 个文件未读入，没有检查（见上面的提示）。",
        "{count} {count:file was|files were} not read, and not checked (see the notes above).",
    ),
    "flag.no_children": (
        "花名册里一名儿童也没有，无从检查联系方式。",
        "the roster holds no children: there are no contacts to check.",
    ),
    "flag.none_typed": (
        "留守类型可识别的儿童和所有教师的联系方式都已齐全。",
        "every child whose 留守类型 could be read, and every teacher, is reachable.",
    ),
    "flag.none_unseen": (
        "其余儿童和所有教师的联系方式都已齐全。",
        "every other child, and every teacher, is reachable.",
    ),
    "flag.unseen": (
        "另有 {count} 名儿童的联系方式是没有保存计算结果的公式，lbc 看不到，没有检查（见上面的提示）。",
        "{count} more {count:child's contacts are|children's contacts are} formulas whose"
        " result was not saved in the file: lbc cannot see them, and did not check them (see"
        " the note above).",
    ),
    "flag.none_judged": (
        "没有一名儿童的留守类型能够识别，儿童的联系方式都没有检查；所有教师的联系方式都已齐全。",
        "no child's 留守类型 could be read, so no child's contacts were checked; every teacher"
        " is reachable.",
    ),
    "flag.untyped": ("未检查其联系方式", "their contacts were not checked"),
    "note.untyped": (
        "提示：{count} 名儿童的留守类型未填或无法识别（首个在 {file} 的“{sheet}”第 {row} 行），"
        "{left_out}；请按 lbc validate 所指改正",
        "note: {count} {count:child's|children's} 留守类型 is empty or unreadable (the first in {file}, "
        "sheet '{sheet}', row {row}): {left_out}; correct them as lbc validate shows",
    ),
    "flag.teacher_phone": ("教师本人电话", "teacher's own phone"),
    # ---- pair ----
    "err.pair_no_teachers": (
        "没有找到教师名单（需要“姓名”和“联系电话/职务/任教班级”等列），无法结对；请一并给出教师名单文件",
        "no teachers sheet found (it needs 姓名 and columns such as 联系电话, 职务, 任教班级); name the teachers file too",
    ),
    "err.pair_teacher_names_error": (
        "教师名单中每一行的姓名都是公式出错后显示的错误值（如 #N/A），无法结对；"
        "请按 lbc validate 的 VAL007 改正后再结对",
        "every teacher's name shows a formula's error (such as #N/A), so nobody can be "
        "paired; mend them as VAL007 in lbc validate says, then pair again",
    ),
    # err.pair_teacher_names_error where every name is a formula saved without its result
    # (#未存结果, VAL010), and where some are and the others show an error.
    "err.pair_teacher_names_unsaved": (
        "教师名单中每一行的姓名都是没有保存计算结果的公式，lbc 看不到它们的值，无法结对；"
        "请用 Excel 或 WPS 打开教师名单再保存一次后再结对（见 lbc validate 的 VAL010）",
        "every teacher's name is a formula whose result was not saved in the file, so lbc"
        " cannot see them and nobody can be paired; open the teachers list in Excel or WPS"
        " and save it again, then pair again (see VAL010 in lbc validate)",
    ),
    "err.pair_teacher_names_lost": (
        "教师名单中每一行的姓名都是公式出错后显示的错误值（如 #N/A）或没有保存计算结果的公式，"
        "无法结对；请按 lbc validate 的 VAL007、VAL010 改正后再结对",
        "every teacher's name shows a formula's error (such as #N/A) or is a formula whose"
        " result was not saved in the file, so nobody can be paired; mend them as VAL007 and"
        " VAL010 in lbc validate say, then pair again",
    ),
    "err.pair_no_places": (
        "没有教师可以结对：所有教师都不在岗或可帮扶人数为 0（可用 --max-per-teacher 设置每人名额）",
        "no teacher can take a child: none is in post or every capacity is 0 (set places with --max-per-teacher)",
    ),
    "err.keep_same_as_out": (
        "--keep 与 --out 是同一个文件；请把新的结对名单写到另一个文件",
        "--keep and --out name the same file; write the new pairs to another file",
    ),
    "err.out_suffix": (
        "不能写出这种文件：{path}（文件名的后缀决定格式，这里能写：{suffixes}）",
        "cannot write this kind of file: {path} (the suffix decides the format; this writes {suffixes})",
    ),
    "err.format_not_suffix": (
        "--format {fmt} 与文件名 {path} 的后缀 {suffix} 不符；去掉 --format，由后缀决定格式",
        "--format {fmt} does not match the suffix {suffix} of {path}; leave --format out, the suffix decides",
    ),
    "err.parquet_table": (
        "{path} 的 table 列有无法识别的值“{table}”（应为 children、teachers 或 records）",
        "{path} has a table column value lbc does not know, “{table}” (children, teachers or records)",
    ),
    "err.parquet_nested": (
        "{path} 的 {column} 列每格是一组数据（列表或记录），不是表格的一列，无法读取",
        "column {column} of {path} holds lists or records in its cells, not one value each; it cannot be read",
    ),
    "err.parquet_source_row": (
        "{path} 的 {column} 列第 {row} 个值“{value}”不是行号，无法读取",
        "value {row} of column {column} in {path}, “{value}”, is not a row number; it cannot be read",
    ),
    "err.parquet_no_cells": (
        "{path} 是 Parquet 数据文件，没有可以批注的单元格；请对学校原来的表格使用 --annotate",
        "{path} is a Parquet data file with no cells to annotate; use --annotate on the school's own workbook",
    ),
    "note.pairing": ("结对计算中", "pairing"),
    "pair.priority.key_target": ("重点帮扶对象", "key target"),
    "pair.priority.watch": ("重点关注", "on the watch list"),
    "pair.reason.kept": ("延续原结对", "pair kept"),
    "pair.reason.head": ("本班班主任", "the class's head teacher"),
    "pair.reason.teaches": ("任教本班{subject}", "teaches the class {subject}"),
    "pair.reason.grade": ("同年级", "same grade"),
    "pair.reason.anyone": ("跨年级调配", "another grade"),
    "pair.why.short": ("帮扶名额不足（还差 {short} 个名额）", "not enough places ({short} short)"),
    "pair.why.unreadable": (
        "（帮扶教师是公式出错后显示的“{value}”，按没有原帮扶教师安排，未能延续原结对）",
        " (the support teacher shows “{value}”, the error of a formula; taken as having no "
        "former teacher, so no pair of last term was kept)",
    ),
    "pair.why.unreadable_kept": (
        "（上学期名册中帮扶教师是公式出错后显示的“{value}”，按没有原帮扶教师安排，未能延续原结对）",
        " (in last term's roster the support teacher shows “{value}”, the error of a formula; "
        "taken as having no former teacher, so no pair of last term was kept)",
    ),
    # pair.why.unreadable of a formula saved without its result (#未存结果, VAL010): nothing
    # went wrong with it, its result is not in the file.
    "pair.why.unsaved": (
        "（帮扶教师是没有保存计算结果的公式（{value}），lbc 看不到它的值，按没有原帮扶教师安排，"
        "未能延续原结对；请用 Excel 或 WPS 打开这个文件再保存一次）",
        " (the support teacher is a formula whose result was not saved in the file ({value}),"
        " so lbc cannot see its value; taken as having no former teacher, so no pair of last"
        " term was kept; open the file in Excel or WPS and save it again)",
    ),
    "pair.why.unsaved_kept": (
        "（上学期名册中帮扶教师是没有保存计算结果的公式（{value}），lbc 看不到它的值，"
        "按没有原帮扶教师安排，未能延续原结对；请用 Excel 或 WPS 打开上学期名册再保存一次）",
        " (in last term's roster the support teacher is a formula whose result was not saved"
        " in the file ({value}), so lbc cannot see its value; taken as having no former"
        " teacher, so no pair of last term was kept; open that roster in Excel or WPS and"
        " save it again)",
    ),
    "pair.why.no_name": ("姓名为空，请先补上姓名", "no name: fill it in first"),
    "pair.why.no_teacher": ("本校没有可结对的在岗教师", "no teacher in post at this school"),
    "pair.idle.inactive": ("不在岗", "not in post"),
    "pair.idle.unknown_status": ("在岗状态无法识别：{value}", "status unreadable: {value}"),
    "pair.idle.no_places": ("可帮扶人数为 0", "capacity 0"),
    "pair.idle.no_child": ("暂无可结对的儿童", "no child left to pair"),
    "pair.idle.no_school_children": (
        "本次没有读到{school}的儿童",
        "no child of {school} was read",
    ),
    "pair.same_name": ("{name}（{tag}）", "{name} ({tag})"),
    "pair.row_tag": ("第{row}行", "row {row}"),
    "pair.idle.unknown_capacity": ("可帮扶人数无法识别：{value}", "capacity unreadable: {value}"),
    "pair.reason.no_class": (
        "班级无法识别（{raw}），全校调配",
        "class unreadable ({raw}); any teacher",
    ),
    "pair.reason.moved": (
        "（原帮扶教师{name}不能继续）",
        " (last term's {name} could not continue)",
    ),
    "pair.reason.unreadable": (
        "（帮扶教师是公式出错后显示的“{value}”，按没有原帮扶教师结对）",
        " (the support teacher shows “{value}”, the error of a formula; paired as having no "
        "former teacher)",
    ),
    "pair.reason.unreadable_kept": (
        "（上学期名册中帮扶教师是公式出错后显示的“{value}”，按没有原帮扶教师结对）",
        " (in last term's roster the support teacher shows “{value}”, the error of a formula; "
        "paired as having no former teacher)",
    ),
    "pair.reason.unsaved": (
        "（帮扶教师是没有保存计算结果的公式（{value}），lbc 看不到它的值，按没有原帮扶教师结对；"
        "请用 Excel 或 WPS 打开这个文件再保存一次）",
        " (the support teacher is a formula whose result was not saved in the file ({value}),"
        " so lbc cannot see its value; paired as having no former teacher; open the file in"
        " Excel or WPS and save it again)",
    ),
    "pair.reason.unsaved_kept": (
        "（上学期名册中帮扶教师是没有保存计算结果的公式（{value}），lbc 看不到它的值，"
        "按没有原帮扶教师结对；请用 Excel 或 WPS 打开上学期名册再保存一次）",
        " (in last term's roster the support teacher is a formula whose result was not saved"
        " in the file ({value}), so lbc cannot see its value; paired as having no former"
        " teacher; open that roster in Excel or WPS and save it again)",
    ),
    "pair.note.nameless_teachers": (
        "提示：教师名单中有 {count} 行没有姓名，未参与结对",
        "note: {count} teacher {count:row has|rows have} no name and take no part",
    ),
    "pair.note.teacher_name_error": (
        "提示：教师名单中有 {count} 行的姓名是公式出错后显示的错误值（如 #N/A），未参与结对"
        "（请按 lbc validate 的 VAL007 改正）",
        "note: {count} teacher {count:row shows|rows show} a formula's error (such as #N/A) as "
        "the name and take no part (see VAL007 in lbc validate)",
    ),
    # pair.note.teacher_name_error of a formula saved without its result (VAL010).
    "pair.note.teacher_name_unsaved": (
        "提示：教师名单中有 {count} 行的姓名是没有保存计算结果的公式，lbc 看不到它的值，未参与结对；"
        "请用 Excel 或 WPS 打开教师名单再保存一次（见 lbc validate 的 VAL010）",
        "note: {count} teacher {count:row's name is a formula|rows' names are formulas} whose"
        " result was not saved in the file, so lbc cannot see {count:its value|their values},"
        " and {count:takes|take} no part; open the teachers list in Excel or WPS and save it"
        " again (see VAL010 in lbc validate)",
    ),
    "pair.note.ambiguous_teacher": (
        "提示：原帮扶教师“{name}”在教师名单中有同名的两人，无法判断是哪一位，其结对儿童已重新安排",
        "note: two teachers are called '{name}', so last term's pairs naming them were re-paired",
    ),
    "pair.note.no_previous": (
        "提示：花名册没有“帮扶教师”列，也没有用 --keep 给出上学期结对名单；本次结对不会参照以往结对",
        "note: no 帮扶教师 column and no --keep file; this pairing cannot follow last term's",
    ),
    "err.keep_no_teacher": (
        "--keep 文件 {files} 中没有带“帮扶教师”列的名单",
        "the --keep file {files} has no list with a 帮扶教师 column",
    ),
    # {here} and {there}: loc.sheet_row, or loc.elsewhere when the rows are in two files.
    "pair.note.duplicate": (
        "提示：{here}与{there}身份证号相同，按同一名儿童结对",
        "note: {here} has the same ID number as {there}; paired as one child",
    ),
    # One ID number on two schools' rosters, both saying the child is at school (DUP003).
    "pair.note.two_schools": (
        "提示：{here}与{there}身份证号相同，两所学校的花名册都登记她在校：按同一名儿童在{school}"
        "结对；请核对她现在在哪所学校",
        "note: {here} has the same ID number as {there}, and both schools list the child as at"
        " school: paired as one child in {school}; check which school she is at now",
    ),
    "pair.note.two_schools_teacher": (
        "提示：{here}与{there}身份证号相同，两所学校的花名册都登记她在校：按同一名儿童在{school}"
        "结对，{other}为她填的帮扶教师{teacher}没有沿用；请核对她现在在哪所学校",
        "note: {here} has the same ID number as {there}, and both schools list the child as at"
        " school: paired as one child in {school}, and the support teacher {other} named for"
        " her, {teacher}, was not kept; check which school she is at now",
    ),
    # A row without an ID number alike in every cell that tells children apart (DUP002).
    "pair.note.copy": (
        "提示：{here}与{there}姓名、性别、出生日期、班级、监护人都相同，是同一行登记了两次，"
        "按同一名儿童结对",
        "note: {here} repeats {there} (name, gender, birth date, class, guardian): one child"
        " entered twice, paired as one child",
    ),
    "pair.note.unread_classes": (
        "提示：“{sheet}”第 {row} 行{name}的任教班级“{value}”无法识别，结对时按未任教任何班级"
        "（请按 lbc validate 的 {code} 改正）",
        "note: '{sheet}' row {row}: {name}'s classes '{value}' cannot be read; paired as"
        " teaching no class (see {code} in lbc validate)",
    ),
    "pair.note.unread_classes_elsewhere": (
        "提示：“{sheet}”第 {row} 行{name}的任教班级“{value}”无法识别，结对时只按其另一行所列的班级"
        "（请按 lbc validate 的 {code} 改正）",
        "note: '{sheet}' row {row}: {name}'s classes '{value}' cannot be read; paired with"
        " the classes another row of theirs lists (see {code} in lbc validate)",
    ),
    # {here} and {there}: loc.sheet_row, or loc.elsewhere when the rows are in two files.
    "pair.note.same_teacher": (
        "提示：{here}与{there}是同一位教师（姓名、电话相同），按一人结对",
        "note: {here} is the teacher of {there} (same name and phone); paired as one teacher",
    ),
    "pair.note.same_teacher_merged": (
        "提示：{here}与{there}是同一位教师（“姓名”是合并的一格），按一人结对",
        "note: {here} is the teacher of {there} (one merged 姓名 cell); paired as one teacher",
    ),
    "pair.note.same_teacher_by_name": (
        "提示：{here}与{there}是同一位教师（同名，本行没有电话，其他名单只有这一位），按一人结对",
        "note: {here} is the teacher of {there} (same name, no phone on this row, one such"
        " teacher on the other lists); paired as one teacher",
    ),
    "pair.note.same_teacher_by_class": (
        "提示：{here}与{there}是同一位教师（同名，本行没有电话，其他名单的同名教师中只有这一位"
        "教本行的班级），按一人结对",
        "note: {here} is the teacher of {there} (same name, no phone on this row, the only"
        " teacher of that name on the other lists who teaches its class); paired as one teacher",
    ),
    "note.no_children_of_school": (
        "提示：{files} 是{school}的教师，本次没有读到{school}的儿童，这些教师不与其他学校的儿童结对；"
        "如果他们是本校教师，请改正标题或“学校”列",
        "note: {files} holds {school}'s teachers, and no child of {school} was read: they are not "
        "paired with another school's children; if they are this school's teachers, correct the "
        "title or the 学校 column",
    ),
    "pair.note.own_school": (
        "提示：{file} 没有写明学校，其中的教师只与本文件的儿童结对；若是另一个文件所属学校的教师名单，"
        "请在表中加“学校”列写明每位教师的学校，或把它和这所学校的花名册一起放进只有这所学校文件的文件夹",
        "note: {file} says no school, so its teachers are paired only with its own children; "
        "if it is the teachers list of another file's school, add a 学校 column naming each teacher's school, "
        "or put it with that school's roster in a folder holding that school's files alone",
    ),
    "pair.note.teacher_error": (
        "提示：{count} 名儿童的帮扶教师是公式出错后显示的“{value}”，不是真实内容，按没有原帮扶教师结对"
        "（请按 lbc validate 的 VAL007 改正）",
        "note: the support teacher of {count} {count:child|children} shows “{value}”, the error "
        "of a formula, not a real value; paired as having no former teacher (see VAL007 in "
        "lbc validate)",
    ),
    "pair.note.teacher_error_kept": (
        "提示：上学期名册 {file} 中 {count} 名儿童的帮扶教师是公式出错后显示的“{value}”，不是真实"
        "内容，按没有原帮扶教师结对（请按 lbc validate {file} 的 VAL007 改正）",
        "note: in last term's roster {file}, the support teacher of {count} {count:child|children} "
        "shows “{value}”, the error of a formula, not a real value; paired as having no former "
        "teacher (see VAL007 in lbc validate {file})",
    ),
    "pair.note.teacher_unsaved": (
        "提示：{count} 名儿童的帮扶教师是没有保存计算结果的公式（{value}），lbc 看不到它的值，"
        "按没有原帮扶教师结对；请用 Excel 或 WPS 打开这个文件再保存一次（见 lbc validate 的 VAL010）",
        "note: the support teacher of {count} {count:child is a formula|children are formulas}"
        " whose result was not saved in the file ({value}), so lbc cannot see"
        " {count:its value|their values}; paired as having no former teacher; open the file"
        " in Excel or WPS and save it again (see VAL010 in lbc validate)",
    ),
    "pair.note.teacher_unsaved_kept": (
        "提示：上学期名册 {file} 中 {count} 名儿童的帮扶教师是没有保存计算结果的公式（{value}），"
        "lbc 看不到它的值，按没有原帮扶教师结对；请用 Excel 或 WPS 打开 {file} 再保存一次"
        "（见 lbc validate {file} 的 VAL010）",
        "note: in last term's roster {file}, the support teacher of {count}"
        " {count:child is a formula|children are formulas} whose result was not saved in the"
        " file ({value}), so lbc cannot see {count:its value|their values}; paired as having"
        " no former teacher; open {file} in Excel or WPS and save it again (see VAL010 in lbc"
        " validate {file})",
    ),
    "pair.note.unknown_teacher": (
        "提示：原帮扶教师“{name}”不在教师名单中，其结对儿童已重新安排",
        "note: last term's teacher '{name}' is not in the teachers list; their children were re-paired",
    ),
    "pair.note.teacher_elsewhere": (
        "提示：原帮扶教师“{name}”不在本校的教师名单中（只在{schools}的教师名单上），其结对儿童已重新安排",
        "note: last term's teacher '{name}' is not in the school's teachers list (only on {schools}'s);"
        " their children were re-paired",
    ),
    "pair.note.written": (
        "已写出结对名单：{path}（含教师电话，仅本人可读）",
        "wrote the pairs: {path} (holds teachers' phones; readable by you only)",
    ),
    "pair.note.saved": (
        "已写出结对名单：{path}（lbc.toml 指定的结对名单，各命令此后按它；含教师电话，仅本人可读）",
        "wrote the pairs: {path} (the workspace's pairs file, which every command now uses; holds teachers' phones; readable by you only)",
    ),
    "err.pairs_not_ours": (
        "{path} 不是 lbc pair 写出的结对名单，已拒绝覆盖；请改 lbc.toml 的 [files] pairs，或用 --out 写到别处",
        "{path} is no pairs workbook written by lbc pair; refused to overwrite it. Change [files] pairs in lbc.toml, or write elsewhere with --out",
    ),
    "err.save_and_out": (
        "--save 与 --out 只能用一个：--save 写到 lbc.toml 指定的结对名单",
        "use --save or --out, not both: --save writes the pairs file named in lbc.toml",
    ),
    "err.save_no_pairs": (
        'lbc.toml 没有指定结对名单：请在 [files] 中写 pairs = "结对名单.xlsx"，或用 --out 给出文件名',
        'lbc.toml names no pairs file: add pairs = "结对名单.xlsx" under [files], or give --out FILE',
    ),
    "pair.summary": (
        "共 {to_pair} 名儿童参与结对：已结对 {paired} 名（延续 {kept} 名，新结对 {new} 名），未结对 {unpaired} 名；"
        "{teachers} 名教师中 {teachers_with_children} 名有帮扶学生",
        "{to_pair} {to_pair:child|children} to pair: {paired} paired ({kept} kept, {new} new), "
        "{unpaired} unpaired; {teachers_with_children} of {teachers} {teachers:teacher|teachers} "
        "{teachers_with_children:has|have} a child",
    ),
    "pair.school_line": (
        "{school}：{to_pair} 名儿童参与结对，已结对 {paired} 名，未结对 {unpaired} 名；"
        "{teachers} 名教师，帮扶名额 {places} 个",
        "{school}: {to_pair} {to_pair:child|children} to pair, {paired} paired, "
        "{unpaired} unpaired; {teachers} {teachers:teacher|teachers}, "
        "{places} {places:place|places}",
    ),
    "pair.heading.pairs": ("结对名单", "Pairs"),
    "pair.heading.unpaired": ("未结对儿童（{count} 名）", "Children not paired ({count})"),
    "pair.heading.idle": ("没有帮扶学生的教师（{count} 名）", "Teachers without a child ({count})"),
    "pair.col.class": ("班级", "class"),
    "pair.col.school": ("学校", "school"),
    "pair.col.child": ("学生姓名", "child"),
    "pair.col.teacher": ("帮扶教师", "teacher"),
    "pair.col.reason": ("结对依据", "reason"),
    "pair.col.kept": ("延续", "kept"),
    "pair.col.why": ("原因", "why"),
    "pair.yes": ("是", "yes"),
    "pair.no": ("否", "no"),
    # The workbooks a school prints and files are Chinese whatever --lang says (rendered in
    # language("zh")); sheet names and titles that lbc reads back are Chinese in both columns.
    "book.pairs": ("结对名单", "结对名单"),
    "book.pairs_title": ("{school}留守儿童结对帮扶名单", "{school}留守儿童结对帮扶名单"),
    "book.teachers_title": ("{school}教师帮扶名单", "{school}教师帮扶名单"),
    "book.unpaired_title": ("{school}未结对儿童", "{school}未结对儿童"),
    "book.teachers": ("教师帮扶名单", "教师帮扶名单"),
    "book.unpaired": ("未结对", "未结对"),
    "book.none": ("（无）", "(none)"),
    "book.watch": ("重点关注名单", "重点关注名单"),
    "book.watch_title": (
        "{school}重点关注儿童名单（截至{date}）",
        "{school}重点关注儿童名单（截至{date}）",
    ),
    "book.sign": (
        "制表人：__________    审核人：__________    日期：{date}",
        "Drawn up by: __________    Checked by: __________    Date: {date}",
    ),
    # ---- terms ----
    "err.bad_term": (
        "无法识别学期“{term}”；请写成 2024-autumn、2025-spring、2024秋 或 2024-2025-1 这样的形式",
        "cannot read the term '{term}'; write it like 2024-autumn, 2025-spring, 2024秋 or 2024-2025-1",
    ),
    "err.term_year": (
        "学期“{term}”的年份 {year} 不在 2000—2099 之间，请检查是否写错",
        "the term '{term}' has the year {year}, outside 2000-2099; check for a typo",
    ),
    "term.autumn": ("{year}年秋季学期", "autumn term {year}"),
    "term.spring": ("{year}年春季学期", "spring term {year}"),
    "term.school_year": ("{first}—{second}学年", "school year {first}–{second}"),
    "term.first": ("第一学期", ", first term"),
    "term.second": ("第二学期", ", second term"),
    "date.long": ("{year}年{month}月{day}日", "{year}-{month:02d}-{day:02d}"),
    # ---- summary ----
    "err.template_too_slow": (
        "运行超过 {seconds} 秒，已停止（是否有过大的循环？）",
        "ran for over {seconds} seconds and was stopped (a loop too large?)",
    ),
    "err.template_too_big": (
        "输出超过 {mb} MB，已停止",
        "its output went over {mb} MB and it was stopped",
    ),
    "err.template": (
        "模板 {path} 第 {line} 行出错：{reason}",
        "template {path}, line {line}: {reason}",
    ),
    "chart.person": (" 人", ""),
    "chart.times": (" 条", ""),
    "chart.by_grade": ("各年级关爱对象人数", "Children cared for by grade"),
    "chart.by_type": ("留守类型", "Left-behind type"),
    "chart.by_month": ("各月帮扶记录", "Support records by month"),
    "chart.compliance": ("工作要求完成情况", "Commitments met"),
    "chart.talks": ("每月谈心", "monthly talks"),
    "chart.visits": ("学期家访", "home visit"),
    "chart.warmth": ("送温暖", "warmth"),
    "chart.archive": ("建档率", "archive complete"),
    "chart.pairing": ("结对覆盖率", "pairing coverage"),
    "err.no_term": (
        "请用 --term 指定学期，如 --term 2024-autumn（也可写 2024秋、2024-2025-1）",
        "name the term with --term, e.g. --term 2024-autumn (or 2024秋, 2024-2025-1)",
    ),
    "err.docx_needs_out": (
        "Word 格式需要用 --out 指定输出文件，如 --out 总结.docx",
        "the docx format needs an output file: --out summary.docx",
    ),
    "err.template_kind": (
        "模板 {path} 与输出格式 {fmt} 不匹配：.docx 模板用于 --format docx，.html 模板用于 --format html，Markdown 文本模板用于 md、html、docx",
        "template {path} does not fit --format {fmt}: a .docx template is for docx, an .html one for html, Markdown text for md, html or docx",
    ),
    "err.term_not_started": (
        "{term}还没有开始（{start} 开学），没有可总结的内容",
        "{term} has not started yet (it starts {start}); there is nothing to sum up",
    ),
    "note.summarising": ("统计中", "summarising"),
    "note.summary_written": ("已写出工作总结：{path}", "wrote the summary: {path}"),
    "sum.no_grade": ("年级不详", "grade unknown"),
    "err.summary_no_children": (
        "花名册中没有在册儿童（都已转出、毕业或去世，或没有数据行），没有可总结的内容",
        "the roster has no child on the books (all left, or no data rows); nothing to sum up",
    ),
    "sum.note.no_school": (
        "提示：未设置学校名称（lbc.toml 的 [school] name），总结中以“（学校名称）”代替",
        "note: no school name (lbc.toml [school] name); the summary says （学校名称）",
    ),
    "sum.note.no_unit": (
        "提示：未设置单位名称（lbc.toml 的 [school] name），总结中以“（单位名称）”代替",
        "note: no name for the office (lbc.toml [school] name); the summary says （单位名称）",
    ),
    "sum.note.no_teachers": (
        "提示：没有读到教师名单，结对情况无法核对，总结中不作统计",
        "note: no teachers list was read; pairing cannot be checked and is not counted",
    ),
    "sum.note.teachers_as_written": (
        "提示：没有读到教师名单，结对情况按花名册“帮扶教师”列统计，教师是否在岗无法核对",
        "note: no teachers list was read; pairs are counted as the roster's 帮扶教师 column names them, and whether each teacher is in post cannot be checked",
    ),
    "sum.note.teacher_name_error": (
        "提示：教师名单中有 {count} 行的姓名是公式出错后显示的错误值（如 #N/A），没有计入在岗教师"
        "（请按 lbc validate 的 VAL007 改正）",
        "note: {count} teacher {count:row shows|rows show} a formula's error (such as #N/A) as "
        "the name and {count:is|are} not counted as a teacher in post (see VAL007 in lbc validate)",
    ),
    # sum.note.teacher_name_error of a formula saved without its result (VAL010).
    "sum.note.teacher_name_unsaved": (
        "提示：教师名单中有 {count} 行的姓名是没有保存计算结果的公式，lbc 看不到它的值，"
        "没有计入在岗教师；请用 Excel 或 WPS 打开教师名单再保存一次（见 lbc validate 的 VAL010）",
        "note: {count} teacher {count:row's name is a formula|rows' names are formulas} whose"
        " result was not saved in the file, so lbc cannot see {count:its value|their values},"
        " and {count:is|are} not counted as a teacher in post; open the teachers list in Excel"
        " or WPS and save it again (see VAL010 in lbc validate)",
    ),
    "sum.note.no_records": (
        "提示：没有读到帮扶记录表，谈心、家访等情况无法统计",
        "note: no support-records sheet was read; talks and visits cannot be counted",
    ),
    "sum.note.no_kind": (
        "提示：“{sheet}”没有“类型”列，无法区分谈心、家访等记录",
        "note: sheet '{sheet}' has no 类型 column; talks and visits cannot be told apart",
    ),
    "sum.note.all_outside": (
        "提示：“{sheet}”的 {count} 条记录都不在{term}内，请检查 --term 或记录日期",
        "note: all {count} records of '{sheet}' fall outside {term}; check --term or the dates",
    ),
    "sum.note.error_changes": (
        "提示：有 {children} 名儿童的 {count} 项信息在上学期或本学期显示公式错误（如 #N/A），"
        "其变化未计入信息变更，详见 lbc diff",
        "note: {children} {children:child has|children have} {count} {count:detail|details} "
        "showing a formula's error (such as #N/A) last term or this term, whose "
        "{count:change is|changes are} not counted among details changed; see lbc diff",
    ),
    "sum.note.error_ids": (
        "提示：{side}名册 {where}，身份证号一栏只有公式出错的格（{count} 格，首格第 {row} 行：{value}），"
        "与上学期相比的变化未按身份证号对应儿童；请按 lbc validate（VAL007）改正",
        "note: {side} roster {where}: its ID number column holds only cells showing a formula's "
        "error ({count} {count:cell|cells}, the first in row {row}: {value}), so the changes "
        "since last term were not matched by ID number; correct them as lbc validate says "
        "(VAL007)",
    ),
    "sum.note.previous_is_roster": (
        "提示：--previous 给出的 {path} 就是本学期花名册，变化一项将全部为 0",
        "note: --previous {path} is this term's roster; every change will be 0",
    ),
    "sum.no_class": ("班级不明", "class unknown"),
    "sum.unknown": ("未填", "not given"),
    "sum.unreadable": ("无法识别", "unreadable"),
    "sum.total": ("合计", "total"),
    "sum.problem.archive": (
        "档案信息不完整：有 {count} 名儿童的档案缺项或有误，建档率未达到 100%。",
        "Incomplete archive: {count} children have missing or wrong archive data.",
    ),
    "sum.plan.archive": (
        "开学一个月内补齐 {count} 名儿童的档案信息，逐项核对身份证号、出生日期和班级，确保建档率达到 100%。",
        "Within a month of term start, complete the archive of {count} children, checking ID numbers, birth dates and classes.",
    ),
    "sum.problem.contacts": (
        "联系方式不全：有 {count} 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系。",
        "Missing contacts: {count} children lack an away parent's or guardian's phone.",
    ),
    "sum.plan.contacts": (
        "由班主任逐一联系，补齐 {count} 名儿童的父母和监护人电话，更新联系卡。",
        "Head teachers call each family to complete the phones of {count} children and update the contact cards.",
    ),
    "sum.problem.contacts_and_unjudged": (
        "联系方式不全：有 {count} 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系；"
        "另有 {unjudged} 名儿童的留守类型未填或无法识别，无法判断其联系方式是否齐全。",
        "Missing contacts: {count} children lack an away parent's or guardian's phone; "
        "{unjudged} more {unjudged:child's|children's} 留守类型 is empty or unreadable, so "
        "whether their contacts are complete cannot be told.",
    ),
    "sum.plan.contacts_and_unjudged": (
        "由班主任逐一联系，补齐 {count} 名儿童的父母和监护人电话；核实并填写另外 {unjudged} "
        "名儿童的留守类型，再按类型补齐其电话；更新联系卡。",
        "Head teachers call each family to complete the phones of {count} children; check and "
        "fill in the 留守类型 of {unjudged} more, then complete the phones it requires; update "
        "the contact cards.",
    ),
    "sum.contacts_unjudged": (
        "另有 {count} 名儿童的留守类型未填或无法识别，未能判断其联系方式是否齐全",
        "{count} more {count:child's|children's} 留守类型 is empty or unreadable: whether "
        "their contacts are complete could not be judged",
    ),
    "sum.contacts_unseen": (
        "另有 {count} 名儿童的联系方式是没有保存计算结果的公式，lbc 看不到，未能判断是否齐全",
        "{count} more {count:child's contacts are|children's contacts are} formulas whose result"
        " was not saved in the file: lbc cannot see them, so whether they are complete could"
        " not be judged",
    ),
    "sum.problem.unpaired": (
        "结对帮扶未全覆盖：有 {count} 名儿童尚未落实帮扶教师。",
        "Pairing incomplete: {count} children have no support teacher.",
    ),
    "sum.plan.unpaired": (
        "为 {count} 名未结对儿童落实帮扶教师，做到“一对一”全覆盖。",
        "Assign a support teacher to the {count} unpaired children, so every child is paired.",
    ),
    "sum.problem.talks": (
        "谈心不够经常：有 {count} 名结对儿童未做到每月至少谈心一次。",
        "Talks not regular: {count} paired children did not have a talk every month.",
    ),
    "sum.plan.talks": (
        "落实每月谈心制度，帮扶教师每月与 {count} 名未达标儿童至少谈心一次并及时记录。",
        "Hold a talk every month with the {count} children behind, and record each one.",
    ),
    "sum.problem.visits": (
        "家访未全覆盖：有 {count} 名结对儿童本学期没有家访记录。",
        "Home visits incomplete: {count} paired children had no home visit this term.",
    ),
    "sum.plan.visits": (
        "下学期优先安排对 {count} 名儿童的家访，做到每学期每生至少家访一次。",
        "Next term, visit the homes of these {count} children first: at least one visit per child per term.",
    ),
    # A school asking more than one talk a month or visit a term (or, in a county, schools
    # asking different numbers): a child short of it may have had one, so is not said to
    # have had none.
    "sum.problem.talks.times": (
        "谈心不够经常：有 {count} 名结对儿童未做到每月至少谈心 {times} 次。",
        "Talks not regular: {count} paired children did not have {times} talks every month.",
    ),
    "sum.plan.talks.times": (
        "落实每月谈心制度，帮扶教师每月与 {count} 名未达标儿童至少谈心 {times} 次并及时记录。",
        "Hold {times} talks every month with the {count} children behind, and record each one.",
    ),
    "sum.problem.talks.own": (
        "谈心不够经常：有 {count} 名结对儿童未做到每月谈心达到本校要求的次数。",
        "Talks not regular: {count} paired children did not have the talks their school asks "
        "every month.",
    ),
    "sum.plan.talks.own": (
        "落实每月谈心制度，帮扶教师每月与 {count} 名未达标儿童谈心达到本校要求的次数并及时记录。",
        "Hold the talks each school asks every month with the {count} children behind, and "
        "record each one.",
    ),
    "sum.problem.visits.times": (
        "家访次数不足：有 {count} 名结对儿童本学期家访不足 {times} 次。",
        "Home visits short: {count} paired children had fewer than {times} home visits this term.",
    ),
    "sum.plan.visits.times": (
        "下学期优先安排对 {count} 名儿童的家访，做到每学期每生至少家访 {times} 次。",
        "Next term, visit the homes of these {count} children first: at least {times} visits "
        "per child per term.",
    ),
    "sum.problem.visits.own": (
        "家访次数不足：有 {count} 名结对儿童本学期家访未达到本校要求的次数。",
        "Home visits short: {count} paired children had fewer home visits this term than their "
        "school asks.",
    ),
    "sum.plan.visits.own": (
        "下学期优先安排对 {count} 名儿童的家访，做到每学期每生家访达到本校要求的次数。",
        "Next term, visit the homes of these {count} children first, as often as their school "
        "asks.",
    ),
    "sum.problem.no_record": (
        "帮扶记录缺失：有 {count} 名儿童本学期没有任何帮扶记录。",
        "No records: {count} children have no support record at all this term.",
    ),
    "sum.plan.no_record": (
        "建立帮扶记录月检制度，确保 {count} 名无记录儿童每月都有谈心、电话或家访记录。",
        "Check records monthly so the {count} children without any get talks, calls or visits recorded.",
    ),
    "sum.problem.teachers": (
        "教师参与不够：有 {count} 名在岗教师未达到结对帮扶人数要求。",
        "Teachers not taking part: {count} teachers in post support fewer children than asked.",
    ),
    "sum.problem.teachers_at": (
        "教师参与不够：有 {count} 名在岗教师未达到结对帮扶人数要求（{schools}）。",
        "Teachers not taking part: {count} {count:teacher|teachers} in post support fewer "
        "children than asked ({schools}).",
    ),
    "sum.school_count": ("{school} {count} 名", "{school} {count}"),
    "sum.schools_overlap": (
        "有 {count} 名儿童同时在两所及以上学校的名册上，各校、各班都计入，故各校、各班人数之和多于总数。",
        "{count} {count:child is|children are} on more than one school's roster and counted in "
        "each school and class, so their rows add up to more than the total.",
    ),
    "sum.plan.teachers": (
        "动员 {count} 名教师参与结对帮扶，校领导和党员教师带头，做到每名教师至少帮扶一名学生。",
        "Bring the {count} teachers into pairing, leaders and party members first.",
    ),
    "sum.problem.dropouts": (
        "控辍保学压力仍在：有 {count} 名儿童辍学。",
        "Dropouts: {count} children have dropped out.",
    ),
    "sum.plan.dropouts": (
        "对 {count} 名辍学儿童逐一家访劝返，落实控辍保学责任。",
        "Visit each of the {count} dropouts' homes to bring them back to school.",
    ),
    # ---- summary variables (lbc summary --variables) ----
    "var.school": ("学校名称（lbc.toml [school] name）", "school name (lbc.toml [school] name)"),
    "var.term.key": ("学期代码，如 2024-autumn", "term code, e.g. 2024-autumn"),
    "var.term.label": ("学期名称，如 2024年秋季学期", "term name, e.g. 2024年秋季学期"),
    "var.term.title": (
        "公文中的学期写法，如 2024—2025学年第一学期",
        "the term as documents write it",
    ),
    "var.term.school_year": ("学年，如 2024—2025学年", "school year"),
    "var.term.start_text": ("学期开始日期，公文写法，如 2024年9月1日", "term start, written out"),
    "var.term.end_text": ("学期结束日期，公文写法", "term end, written out"),
    "var.term.start": ("学期开始日期（YYYY-MM-DD）", "term start date"),
    "var.term.end": ("学期结束日期", "term end date"),
    "var.term.months": ("学期内已过的月份列表（YYYY-MM）", "months of the term so far (YYYY-MM)"),
    "var.term.counted_months": (
        "每月谈心要求计入的月份（学期内至少半个月且已结束的月份）",
        "months a monthly quota counts: at least half inside the term, and over",
    ),
    "var.term.as_of": ("统计截止日期（今天与学期结束日中较早者）", "counted up to this date"),
    "var.term.schools": (
        "县文件夹或合并名册中按本校 lbc.toml 学期日期计算的学校（与上面的学期不同时）",
        "the schools of a county counted by a term of their own lbc.toml's dates, where it"
        " differs from the term above",
    ),
    "var.term.schools[].school": ("学校名", "the school"),
    "var.term.schools[].key": ("该校学期的标准写法，如 2024-autumn", "its term's key, 2024-autumn"),
    "var.term.schools[].label": ("该校学期名称，如 2024年秋季学期", "its term's name"),
    "var.term.schools[].start": ("该校学期开始日期（ISO）", "its term's first day (ISO)"),
    "var.term.schools[].end": ("该校学期结束日期（ISO）", "its term's last day (ISO)"),
    "var.date_text": ("落款日期，如 2025年2月1日", "date for the signature"),
    "var.quotas.talks_per_month": (
        "要求：每名结对儿童每月谈心次数",
        "quota: talks per paired child per month",
    ),
    "var.quotas.home_visits_per_term": (
        "要求：每名结对儿童每学期家访次数",
        "quota: home visits per child per term",
    ),
    "var.quotas.warmth_per_year": (
        "要求：每名结对儿童每学年送温暖次数",
        "quota: warmth visits per child per year",
    ),
    "var.quotas.children_per_teacher": (
        "要求：每名在岗教师至少帮扶的儿童数",
        "quota: children each teacher supports at least",
    ),
    "var.quotas.schools": (
        "县文件夹中按本校 lbc.toml 的 [quotas] 统计的学校（与上面的要求不同时）",
        "the schools of a county counted by the [quotas] of their own lbc.toml, where they"
        " differ from the quotas above",
    ),
    "var.quotas.schools[].school": ("学校名", "the school"),
    "var.quotas.schools[].talks_per_month": (
        "该校要求：每名结对儿童每月谈心次数",
        "its quota: talks per paired child per month",
    ),
    "var.quotas.schools[].home_visits_per_term": (
        "该校要求：每名结对儿童每学期家访次数",
        "its quota: home visits per child per term",
    ),
    "var.quotas.schools[].warmth_per_year": (
        "该校要求：每名结对儿童每学年送温暖次数",
        "its quota: warmth visits per child per year",
    ),
    "var.quotas.schools[].children_per_teacher": (
        "该校要求：每名在岗教师至少帮扶的儿童数",
        "its quota: children each teacher supports at least",
    ),
    "var.children.total": (
        "在册留守儿童人数（不含转出、毕业、死亡；重复登记只算一次）",
        "children on the books (not 转出/毕业/死亡; a child entered twice counts once)",
    ),
    "var.children.left_behind": (
        "其中留守儿童人数（不含非留守的关爱对象，也不含父母双方无监护能力的儿童）",
        "of them, left-behind (not counting 非留守, nor children whose parents are both at"
        " home and unable to care)",
    ),
    "var.children.by_grade[]": ("按年级人数：每项 name、count", "by grade: items of name, count"),
    "var.children.by_class[]": ("按班级人数：每项 name、count", "by class: items of name, count"),
    "var.children.by_gender[]": ("按性别人数：每项 name、count", "by gender: items of name, count"),
    "var.children.by_type[]": (
        "按留守类型人数：每项 name、count",
        "by 留守类型: items of name, count",
    ),
    "var.children.by_guardian[]": (
        "按监护情况人数（祖辈监护、父母一方监护、亲属监护…）：每项 name、count",
        "by guardian: items of name, count",
    ),
    "var.children.by_category[]": (
        "重点帮扶对象及各类别人数：每项 name、count",
        "key targets and categories: items of name, count",
    ),
    "var.archive.complete": (
        "建档完整的儿童数（除联系方式外没有错误）",
        "children whose archive has no error (contacts aside)",
    ),
    "var.archive.complete_rate": ("建档率（0–1，无儿童时为空）", "archive completeness rate (0–1)"),
    "var.archive.contacts_complete": (
        "联系方式齐全的儿童数",
        "children with every required contact",
    ),
    "var.archive.contacts_rate": (
        "联系方式齐全率（0–1，分母为全部儿童）",
        "contact completeness rate (0–1, of all the children)",
    ),
    "var.archive.contacts_unjudged": (
        "留守类型未填或无法识别、未能判断联系方式的儿童数（不计入齐全）",
        "children whose contacts could not be judged, their 留守类型 empty or unreadable "
        "(not counted complete)",
    ),
    "var.archive.contacts_unseen": (
        "联系方式是没有保存计算结果的公式、lbc 看不到而未能判断的儿童数（既不计入齐全，也不计入缺少）",
        "children whose contacts could not be judged, being formulas whose result was not"
        " saved in the file (counted neither complete nor missing)",
    ),
    "var.archive.contacts_note": (
        "说明上述两类儿童的话（没有时为空）",
        "a sentence saying how many of each of those there are (empty when none)",
    ),
    "var.archive.errors": ("校验发现的错误数", "errors found by validate"),
    "var.archive.warnings": ("校验发现的警告数", "warnings found by validate"),
    "var.archive.findings[]": (
        "按规则统计的问题：每项 code、title、severity、count",
        "findings by rule: code, title, severity, count",
    ),
    "var.archive.findings[].code": ("规则代码", "rule code"),
    "var.archive.findings[].title": ("规则名称", "rule title"),
    "var.archive.findings[].severity": ("级别：error 或 warning", "severity: error or warning"),
    "var.pairing.provided": (
        "是否读到教师名单（否则结对情况无法核对）",
        "whether a teachers list was read",
    ),
    "var.pairing.counted": (
        "是否统计了结对情况（读到教师名单，或花名册有“帮扶教师”列）",
        "whether pairs were counted (a teachers list, or the roster's 帮扶教师 column)",
    ),
    "var.pairing.children": ("应结对儿童数（在册儿童）", "children to pair"),
    "var.pairing.paired": (
        "已有帮扶教师的儿童数（有教师名单时须在岗）",
        "children with a support teacher (in post, where a teachers list was read)",
    ),
    "var.pairing.coverage": ("结对覆盖率（0–1）", "pairing coverage (0–1)"),
    "var.pairing.unpaired[]": (
        "未结对儿童，按班级：每项 class、names（姓名列表）",
        "unpaired children by class: class, names",
    ),
    "var.pairing.unpaired[].class": ("班级", "class"),
    "var.pairing.unpaired[].names": ("该班未结对儿童姓名列表", "names"),
    "var.pairing.teachers": ("在岗教师人数", "teachers in post"),
    "var.pairing.teachers_with_children": (
        "有帮扶学生的教师人数（读到教师名单时，只计名单上的在岗教师）",
        "teachers with a child (where teachers lists were read, those in post on them)",
    ),
    "var.pairing.teachers_rate": ("教师参与率（0–1）", "share of teachers taking part (0–1)"),
    "var.pairing.teachers_below_quota": (
        "帮扶人数少于要求的在岗教师姓名列表",
        "teachers below the quota",
    ),
    "var.pairing.average_load": (
        "每名帮扶教师平均帮扶儿童数",
        "average children per support teacher",
    ),
    "var.records.provided": (
        "是否读到帮扶记录表（没有读到时，各项达标人数、比率和按月记录数为空）",
        "whether a records sheet was read (if not, the counts and rates met and the records "
        "by month are empty)",
    ),
    "var.records.total": (
        "本学期计入的帮扶记录条数（不含对不上一名儿童的记录）",
        "records dated in the term and counted (none naming no one child)",
    ),
    "var.records.matched": ("能对应到唯一儿童的记录条数", "records matched to exactly one child"),
    "var.records.unclear": (
        "写的学生对不上花名册上一名儿童的记录条数（没有这个名字，或重名未写班级）",
        "records naming no one child of the roster (no child of the name, or namesakes)",
    ),
    "var.records.unreadable_kinds": (
        "“类型”无法识别的记录条数（不算作谈心、家访或送温暖）",
        "records whose kind cannot be read (no talk, visit or 送温暖)",
    ),
    "var.records.by_kind[]": ("按类型的记录数：每项 name、count", "records by kind: name, count"),
    "var.records.by_month[]": (
        "按月份的记录数：每项 name（YYYY-MM）、count",
        "records by month: name, count",
    ),
    "var.records.talks": ("谈心次数", "talks"),
    "var.records.home_visits": ("家访次数", "home visits"),
    "var.records.calls": ("电话联系和视频通话次数", "calls and video calls"),
    "var.records.warmth": ("送温暖次数", "warmth visits"),
    "var.records.family_calls": (
        "亲情通话次数（儿童与在外父母通话）",
        "family calls (with parents away)",
    ),
    "var.records.family_called": ("有亲情通话的儿童数", "children with a family call"),
    "var.records.paired_children": (
        "结对儿童数（谈心、家访要求的基数）",
        "paired children (the base of the quotas)",
    ),
    "var.records.talk_every_month": (
        "每月都达到谈心要求的结对儿童数",
        "paired children with a talk every month",
    ),
    "var.records.talk_rate": ("每月谈心达标率（0–1）", "monthly talk rate (0–1)"),
    "var.records.home_visited": (
        "本学期达到家访要求的结对儿童数",
        "paired children visited at home",
    ),
    "var.records.home_visit_rate": ("家访达标率（0–1）", "home visit rate (0–1)"),
    "var.records.warmth_received": (
        "达到送温暖要求的结对儿童数",
        "paired children who received warmth",
    ),
    "var.records.warmth_rate": ("送温暖达标率（0–1）", "warmth rate (0–1)"),
    "var.records.without_record[]": (
        "本学期没有任何记录的儿童，按班级：每项 class、names",
        "children without any record, by class: class, names",
    ),
    "var.records.without_record[].class": ("班级", "class"),
    "var.records.without_record[].names": ("姓名列表", "names"),
    "var.watch.threshold": (
        "重点关注名单的最低关注分（lbc.toml [watch]）",
        "the watch list's threshold",
    ),
    "var.watch.schools": (
        "县文件夹中按本校 lbc.toml 的 [watch] 列出重点关注儿童的学校（与上面的设置不同时）",
        "the schools of a county whose watch list is drawn by the [watch] of their own"
        " lbc.toml, where it differs from the run's",
    ),
    "var.watch.schools[].school": ("学校名", "the school"),
    "var.watch.schools[].threshold": (
        "该校的最低关注分（与上面的不同时才有）",
        "its threshold (only where it differs from the run's)",
    ),
    "var.watch.schools[].guardian_age": (
        "该校算作高龄的监护人年龄（与所用 lbc.toml 不同时才有）",
        "the guardian's age it counts as old (only where it differs from the run's)",
    ),
    "var.watch.schools[].weights": (
        "该校与所用 lbc.toml 不同的条件权重，按代码（如 WCH013: 0）",
        "its weights that differ from the run's, by code (such as WCH013: 0)",
    ),
    "var.watch.start_basis": (
        "学期初名单的依据：previous（上学期花名册）或 term_start（本花名册按开学日）",
        "what the start-of-term list is drawn from: previous (last term's roster) or "
        "term_start (this roster on the term's first day)",
    ),
    "var.watch.start": ("学期初重点关注儿童数", "children on the watch list at the start"),
    "var.watch.end": ("学期末（统计日）重点关注儿童数", "children on the watch list at the end"),
    "var.watch.end_all_owed": (
        "学期末名单中谈心、家访均达到要求的儿童数",
        "of those at the end, children who had every talk and home visit owed",
    ),
    "var.records.without_record_count": (
        "本学期没有任何记录的儿童数",
        "children without any record",
    ),
    "var.records.teachers_behind[]": (
        "未完成谈心或家访要求的教师：每项 teacher、children、missing_talks、missing_visits",
        "teachers behind on talks or visits",
    ),
    "var.records.teachers_behind[].teacher": ("教师姓名", "teacher"),
    "var.records.teachers_behind[].children": ("该教师帮扶的儿童数", "children they support"),
    "var.records.teachers_behind[].missing_talks": (
        "其中未做到每月谈心的儿童数",
        "of them, without a talk every month",
    ),
    "var.records.teachers_behind[].missing_visits": (
        "其中未家访的儿童数",
        "of them, without a home visit",
    ),
    "var.enrollment.by_status[]": (
        "按在校状态人数（在读、转入、转出、休学、辍学、不在学、毕业）：每项 name、count",
        "by enrollment status: name, count",
    ),
    "var.enrollment.on_books": ("在册人数（不含转出、毕业、死亡）", "children on the books"),
    "var.enrollment.dropped_out": ("辍学人数", "dropouts"),
    "var.enrollment.retention_rate": (
        "巩固率 = 1 − 辍学/在册（0–1）",
        "retention = 1 − dropouts / on the books",
    ),
    "var.enrollment.dropout_rate": (
        "辍学率 = 辍学/在册（0–1）",
        "dropout rate = dropouts / on the books",
    ),
    "var.pairing.kept": (
        "与上学期相同帮扶教师的儿童数（需 --previous，否则为空；上学期花名册没有“帮扶教师”列时也为空）",
        "children keeping last term's teacher (with --previous, else empty; empty too when "
        "last term's roster has no 帮扶教师 column)",
    ),
    "var.changes": (
        "与上学期花名册相比的变化（需 --previous，否则为空）",
        "changes against last term's roster (with --previous, else empty)",
    ),
    "var.changes.added": ("新增儿童数", "children added"),
    "var.changes.left": ("转出或离开的儿童数", "children who left"),
    "var.changes.changed": (
        "信息有变更的儿童数（转出或离开的不计；任一学期显示公式错误的格，如 #N/A，不算变更）",
        "children whose details changed (not counting those who left, nor a cell showing a "
        "formula's error such as #N/A in either term)",
    ),
    "var.changes.by_field[]": (
        "各项信息变更人数：每项 name（字段）、count（任一学期显示公式错误的格不计）",
        "changes by field: name, count (not counting a cell showing a formula's error in "
        "either term)",
    ),
    "var.changes.matched_by_id": ("按身份证号对上的儿童数", "children matched by ID number"),
    "var.changes.matched_by_name_birth": (
        "按姓名和出生日期对上的儿童数",
        "children matched by name and birth date",
    ),
    "var.changes.matched_by_name_class": (
        "按姓名和班级对上的儿童数",
        "children matched by name and class",
    ),
    "var.schools": (
        "各校情况（文件夹或县级合并名册中有多所学校时；否则为空）",
        "per school, when a folder or merged roster holds several; else empty",
    ),
    "var.schools[].name": ("学校", "school"),
    "var.county_table": (
        "县级排查汇总表（仅当文件夹或县级合并名册中有多所学校时才有）",
        "the county's 排查汇总表, only when a folder or merged roster holds several schools",
    ),
    "var.county_table.columns[]": (
        "汇总表的列，依次对应每行的 counts",
        "the table's columns, in the order of each row's counts",
    ),
    "var.county_table.columns[].group": (
        "列所属的类（年龄段、寄宿情况……）",
        "the column's group (年龄段, 寄宿情况 …)",
    ),
    "var.county_table.columns[].name": ("列名（如 6-13周岁男）", "the column (such as 6-13周岁男)"),
    "var.county_table.rows[]": ("每校一行，最后一行为合计", "a row per school, the total last"),
    "var.county_table.rows[].school": ("学校（或“合计”）", "school (or 合计)"),
    "var.county_table.rows[].counts": (
        "各列人数；名册没有相应列的为空（未采集）",
        "the count per column; empty (未采集) where the roster has no such column",
    ),
    "var.schools[].children": ("在册儿童数", "children on the books"),
    "var.schools[].paired": ("已结对儿童数", "children paired"),
    "var.schools[].coverage": ("结对覆盖率（0–1）", "pairing coverage (0–1)"),
    "var.schools[].complete": ("建档完整的儿童数", "children with a complete archive"),
    "var.schools[].complete_rate": ("建档率（0–1）", "archive completeness (0–1)"),
    "var.schools_note": (
        "各校、各班人数之和多于总数时说明原因的一句话（有儿童同时在几所学校的名册上），否则为空",
        "why the schools' and classes' rows add up to more than the total (a child on several "
        "schools' rosters), else empty",
    ),
    "var.problems": (
        "存在问题：由差距最大的三项生成的句子列表",
        "problems: sentences drafted from the three largest gaps",
    ),
    "var.plans": (
        "下学期工作打算：与 problems 一一对应的句子列表",
        "plans: one sentence per problem",
    ),
    "var.html_heading": ("HTML 模板（.html）另可使用：", "An .html template also gets:"),
    "var.charts": (
        "图表（SVG）：charts.children_by_grade、children_by_type、records_by_month、quota_compliance",
        "charts (SVG): charts.children_by_grade, children_by_type, records_by_month, quota_compliance",
    ),
    "var.font_face": (
        '放进 <style> 的 @font-face 规则，字体名 "LBC Noto Sans SC"，含页面用到的全部汉字',
        '@font-face rules for <style>: "LBC Noto Sans SC", holding every character the page uses',
    ),
    "var.heading": (
        "模板可用变量（Jinja 写法如 {{ children.total }}；列表用 {% for x in ... %}）",
        "Variables a template can use (Jinja: {{ children.total }}; lists: {% for x in ... %})",
    ),
    # ---- diff ----
    "diff.added": ("新增儿童（{count} 名）", "Children added ({count})"),
    "diff.gone": ("不在新名册中的儿童（{count} 名）", "Children no longer on the roster ({count})"),
    "diff.changed": ("信息变更（{count} 名）", "Details changed ({count})"),
    "diff.col.change": ("变更", "change"),
    "diff.change.added": ("新增", "added"),
    "diff.change.gone": ("不在新名册", "no longer on the roster"),
    "diff.change.changed": ("信息变更", "details changed"),
    "diff.col.match": ("对应依据", "matched by"),
    "diff.by.id_number": ("身份证号", "ID number"),
    "diff.by.name_birth_date": ("姓名 + 出生日期", "name + birth date"),
    "diff.by.name_class": ("姓名 + 班级", "name + class"),
    "diff.empty": ("（空）", "(empty)"),
    "diff.lost_digits": (
        "{value}（存成数字，末几位已丢失，读不出）",
        "{value} (stored as a number, last digits lost: unreadable)",
    ),
    # A cell showing a formula's error, its content lost: the change log and the cards alike.
    "cell.formula_error": (
        "{value}（公式出错，内容已丢失）",
        "{value} (a formula's error: the value is lost)",
    ),
    # A cell holding a formula saved without its result (VAL010): its value is in Excel.
    "cell.unsaved": (
        "{value}（公式的结果没有存进文件，请在 Excel 中查看）",
        "{value} (a formula whose result was not saved in the file: see it in Excel)",
    ),
    "diff.grade_error": (
        "{value}（年级显示 {error}，公式出错，年级已丢失）",
        "{value} (the grade cell shows {error}, a formula's error: the grade is lost)",
    ),
    "diff.side.0": ("上学期", "last term's"),
    "diff.side.1": ("本学期", "this term's"),
    "diff.note.error_ids": (
        "提示：{side}名册 {where}，身份证号一栏只有公式出错的格（{count} 格，首格第 {row} 行：{value}），"
        "未比较身份证号；请按 lbc validate（VAL007）改正后重新比较；退出码为 1",
        "note: {side} roster {where}: its ID number column holds only cells showing a formula's "
        "error ({count} {count:cell|cells}, the first in row {row}: {value}), so no ID number "
        "was compared; correct them as lbc validate says (VAL007) and compare again; exit code 1",
    ),
    "diff.where.sheet": ("{file}“{sheet}”", "{file} sheet '{sheet}'"),
    "diff.where.school": ("{where}（{school}）", "{where} ({school})"),
    "diff.summary": (
        "新增 {added} 名，不在新名册 {gone} 名，信息变更 {changed} 名，未变 {unchanged} 名",
        "{added} added, {gone} gone, {changed} changed, {unchanged} unchanged",
    ),
    "diff.note.written": (
        "已写出变更记录：{path}（含完整电话号码和身份证号，仅本人可读）",
        "wrote the change log: {path} (full phone and ID numbers; readable by you only)",
    ),
    "book.added": ("新增", "新增"),
    "book.gone": ("离开", "离开"),
    "book.changed": ("信息变更", "信息变更"),
    "book.changes_heading": ("留守儿童花名册变更记录：{part}", "留守儿童花名册变更记录：{part}"),
    # ---- cards ----
    "err.cards_need_out": (
        "联系卡含有电话号码，请用 --out 指定输出文件，如 --out 联系卡.html",
        "contact cards carry phone numbers; name the output file with --out, e.g. --out cards.html",
    ),
    "err.cards_bad_class": (
        "无法识别班级“{cls}”，请写成 三年级(2)班 这样的形式",
        "cannot read the class '{cls}'; write it like 三年级(2)班",
    ),
    "err.cards_no_children": (
        "花名册中没有在册儿童（都已转出、毕业或去世，或没有数据行），没有可打印的联系卡",
        "the roster has no child on the books (all left, or no data rows); no card to print",
    ),
    "err.cards_no_class": (
        "花名册中没有“{cls}”的在册儿童",
        "no child on the books in class '{cls}'",
    ),
    "note.records_by_child": (
        "提示：{file} 没有写明学校，各条帮扶记录按所写学生所在的学校统计；其中 {count} 条写的学生在各校花名册中找不到，"
        "或几所学校都有这个名字，无法确定是哪所学校的，不算作任何一所学校的。请在表中加“学校”列写明这些行的学校，"
        "或改正学生姓名（同名时写明班级）",
        "note: {file} says no school, so each support record is counted under the school of the child it names; "
        "{count} {count:record names|records name} a child found on no school's roster, or one of that name at several "
        "schools, so which school it is of is not known: counted as no school's. Add a 学校 column naming those rows' "
        "school, or correct the child's name (with the class where names repeat)",
    ),
    "export.records_by_child": (
        "提示：{file} 没有写明学校，各条帮扶记录按所写学生所在的学校导出；其中 {count} 条写的学生在各校花名册中找不到，"
        "或几所学校都有这个名字，无法确定是哪所学校的，“学校”一栏留空，不算作任何一所学校的。请在表中加“学校”列写明这些行的学校，"
        "或改正学生姓名（同名时写明班级）",
        "note: {file} says no school, so each support record is exported under the school of the child it names; "
        "{count} {count:record names|records name} a child found on no school's roster, or one of that name at several "
        "schools, so which school it is of is not known: its 学校 is left empty, counted as no school's. Add a 学校 "
        "column naming those rows' school, or correct the child's name (with the class where names repeat)",
    ),
    "export.note.written": (
        "已写出 {path}：儿童 {children} 行，教师 {teachers} 行，帮扶记录 {records} 行",
        "wrote {path}: {children} {children:child|children}, {teachers} {teachers:teacher|teachers}, {records} {records:record|records}",
    ),
    # A number and its extension on a contact card (0817-5521234 转 8012): the number alone is
    # the one dialled, the extension asked for once through.
    "cards.extension": ("{number} 转 {extension}", "{number} ext. {extension}"),
    "cards.name_error": (
        "{error}（公式出错，姓名已丢失）",
        "{error} (a formula's error: the name is lost)",
    ),
    "cards.note.written": (
        "已写出 {count} 张联系卡：{path}（含完整电话号码，仅本人可读，请妥善保管）",
        "wrote {count} contact {count:card|cards}: {path} (full phone numbers; readable by you only, keep it safe)",
    ),
    # ---- merge ----
    "err.merge_nothing": ("{paths} 中没有找到表格文件", "no spreadsheet found in {paths}"),
    "err.only_last_term": (
        "{paths} 中只有“{folder}”文件夹里的 {count} 个表格，是上学期的，未当作本学期的名册读取；"
        "要读它，请直接写出它的路径，如 {file}",
        "{paths} holds only {count} {count:spreadsheet|spreadsheets} in a '{folder}' (last"
        " term) folder: not read as this term's roster; name one to read it, such as {file}",
    ),
    "err.merge_nothing_read": (
        "{count} 个文件都无法读取，没有合并任何内容",
        "none of the {count} {count:file|files} could be read; nothing merged",
    ),
    "err.merge_not_merged": ("未合并 {file}：{reason}", "not merged: {file}: {reason}"),
    "err.merge_relist": (
        "{file} 的帮扶教师第二次合并时仍与第一次读到的教师名单不符（读取期间文件被改动？），没有写出合并名册；请重新合并",
        "the support teachers of {file} still differ from the teachers lists first read on merging again (a file changed while read?); nothing written: merge again",
    ),
    "merge.reading": ("读取各校名册", "reading the schools' rosters"),
    "merge.pairs": (
        "提示：{school}（{file}）的帮扶教师{used}",
        "note: {school} ({file}): support teachers {used}",
    ),
    "merge.pairs_alone": (
        "提示：{file} 是结对名单，同一文件夹中没有花名册，未采用",
        "note: {file} is a pairs workbook with no roster in its folder; not used",
    ),
    "merge.failed": ("提示：未合并 {file}：{reason}", "note: not merged: {file}: {reason}"),
    "merge.unplaced": (
        "提示：{file} 没有写明学校，而{where}的儿童分属 {count} 所学校（{schools}），无法确定它属于哪一所；"
        "它的行已写入合并名册，“学校”一栏留空，不算作任何一所学校的。请在表中加“学校”列写明每一行的学校，或把它和所属学校的花名册一起放进只有这所学校文件的文件夹，再重新合并",
        "note: {file} says no school, and the children {where} are of {count} schools ({schools}), so which one it belongs to is not known; "
        "its rows are in the merged roster with 学校 left empty, counted as no school's. Add a 学校 column naming each row's school, or put it with its school's roster in a folder holding that school's files alone, and merge again",
    ),
    "merge.records_by_child": (
        "提示：{file} 没有写明学校，各条帮扶记录按所写学生所在的学校合并；其中 {count} 条写的学生在各校花名册中找不到，"
        "或几所学校都有这个名字，无法确定是哪所学校的，已写入合并名册，“学校”一栏留空，不算作任何一所学校的。"
        "请在表中加“学校”列写明这些行的学校，或改正学生姓名（同名时写明班级），再重新合并",
        "note: {file} says no school, so each support record is merged under the school of the child it names; "
        "{count} {count:record names|records name} a child found on no school's roster, or one of that name at several "
        "schools, so which school it is of is not known: it is in the merged roster with 学校 left empty, counted as "
        "no school's. Add a 学校 column naming those rows' school, or correct the child's name (with the class where "
        "names repeat), and merge again",
    ),
    "merge.unplaced_teachers": (
        "提示：{file} 没有写明学校，而{where}的儿童分属 {count} 所学校（{schools}），无法确定其中的教师名单属于哪一所："
        "教师的行已写入合并名册，“学校”一栏留空，不算作任何一所学校的；帮扶记录按所写学生所在的学校合并{nobody}。"
        "请在表中加“学校”列写明每一行的学校，或把它和所属学校的花名册一起放进只有这所学校文件的文件夹，再重新合并",
        "note: {file} says no school, and the children {where} are of {count} schools ({schools}), so which one its "
        "teachers list belongs to is not known: its teachers are in the merged roster with 学校 left empty, counted as "
        "no school's; each of its support records is merged under the school of the child it names{nobody}. Add a 学校 "
        "column naming each row's school, or put it with its school's roster in a folder holding that school's files "
        "alone, and merge again",
    ),
    "merge.records_nobody": (
        "（其中 {count} 条写的学生在各校花名册中找不到，或几所学校都有这个名字，“学校”一栏留空）",
        " ({count} {count:record names|records name} a child found on no school's roster, or one of that name at "
        "several schools, and {count:is|are} left with 学校 empty)",
    ),
    "merge.unplaced_unread": (
        "提示：{file} 没有写明学校，而它所在文件夹中的 {unread} 未能读取，无法确定它属于哪一所学校；"
        "它的行已写入合并名册，“学校”一栏留空，不算作任何一所学校的。请修复未能读取的文件，或在表中加“学校”列写明每一行的学校，再重新合并",
        "note: {file} says no school, and {unread} in its folder could not be read, so which school it belongs to is not known; "
        "its rows are in the merged roster with 学校 left empty, counted as no school's. Repair the file that could not be read, or add a 学校 column naming each row's school, and merge again",
    ),
    "merge.school_unknown": ("（未能确定）", "(not known)"),
    "merge.unplaced_pairs": (
        "提示：{file} 的“{sheet}”中 {column} 列写的 {count} 名帮扶学生没有写入合并名册的“帮扶教师”一栏："
        "不知道这份教师名单属于哪所学校，合并名册不按它结对（lbc pair 读这些文件时也不按它结对）。"
        "请在表中加“学校”列，或把它放进所属学校的文件夹，再重新合并",
        "note: {file} sheet '{sheet}': the {count} {count:child|children} listed in {column} "
        "{count:was|were} not written into the merged "
        "roster's 帮扶教师 column, since which school this teachers list belongs to is not known: the merged roster "
        "pairs none of them by it (nor does lbc pair over these files). Add a 学校 column to it, or move it into "
        "its school's folder, and merge again",
    ),
    "merge.where.folder": ("它所在文件夹中", "in its folder"),
    "merge.where.run": ("本次合并的各文件中", "across the files merged"),
    "merge.and_more": ("等", ", …"),
    "merge.note.split": (
        "提示：一张工作表最多容纳 {limit} 行数据，超出部分已依次写入编号工作表：{sheets}；lbc 读取时会把它们当作一张表",
        "note: a sheet holds at most {limit} data rows, so the rest went into numbered sheets: {sheets}; lbc reads them back as one table",
    ),
    "note.own_term": (
        "提示：{schools} 按本校 lbc.toml 的学期日期计算：{term}（{start}至{end}）",
        "note: {schools} counted by the term dates of their own lbc.toml: {term} ({start} to"
        " {end})",
    ),
    "note.own_quotas": (
        "提示：{schools} 按本校 lbc.toml 的 [quotas] 计算待办：{quotas}",
        "note: {schools} judged by the [quotas] of their own lbc.toml: {quotas}",
    ),
    "sum.note.own_quotas": (
        "提示：{schools} 按本校 lbc.toml 的 [quotas] 统计完成情况：{quotas}",
        "note: {schools} counted by the [quotas] of their own lbc.toml: {quotas}",
    ),
    "quota.talks_per_month": ("每月谈心 {n} 次", "{n} {n:talk|talks} a month"),
    "quota.home_visits_per_term": ("每学期家访 {n} 次", "{n} home {n:visit|visits} a term"),
    "quota.warmth_per_year": ("每学年送温暖 {n} 次", "{n} 送温暖 a school year"),
    "quota.children_per_teacher": (
        "每名教师至少帮扶 {n} 名儿童",
        "every teacher supports {n} {n:child|children} or more",
    ),
    "quota.max_days_without_contact": (
        "超过 {n} 天无任何联系算逾期",
        "over {n} {n:day|days} without contact is overdue",
    ),
    "merge.note.own_terms": (
        "提示：{schools} 在自己的 lbc.toml 里设了学期日期，已写入合并名册的“{sheet}”表；"
        "在合并名册上运行的命令按这些日期计算这些学校，与在县文件夹上运行时相同",
        "note: {schools} set term dates of their own in lbc.toml; they are written into the"
        " merged roster's {sheet} sheet, and every command run on the merged roster counts"
        " those schools by them, as a run on the county folder does",
    ),
    "merge.note.own_terms_parquet": (
        "提示：{schools} 在自己的 lbc.toml 里设了学期日期，已写入合并文件（与合并名册的“{sheet}”表"
        "相同）；在合并文件上运行的命令按这些日期计算这些学校，与在县文件夹上运行时相同",
        "note: {schools} set term dates of their own in lbc.toml; they are written into the"
        " merged file (as a merged roster's {sheet} sheet holds them), and every command run"
        " on it counts those schools by them, as a run on the county folder does",
    ),
    "merge.note.own_quotas": (
        "提示：{schools} 在自己的 lbc.toml 里设了 [quotas]，已写入合并名册的“{sheet}”表；"
        "在合并名册上运行的 lbc due、lbc watch 按这些要求判断这些学校，与在县文件夹上运行时相同",
        "note: {schools} set [quotas] of their own in lbc.toml; they are written into the"
        " merged roster's {sheet} sheet, and lbc due and lbc watch on the merged roster judge"
        " those schools by them, as a run on the county folder does",
    ),
    "merge.note.own_quotas_parquet": (
        "提示：{schools} 在自己的 lbc.toml 里设了 [quotas]，已写入合并文件（与合并名册的“{sheet}”表"
        "相同）；在合并文件上运行的 lbc due、lbc watch 按这些要求判断这些学校，与在县文件夹上运行时相同",
        "note: {schools} set [quotas] of their own in lbc.toml; they are written into the"
        " merged file (as a merged roster's {sheet} sheet holds them), and lbc due and lbc"
        " watch on it judge those schools by them, as a run on the county folder does",
    ),
    "merge.note.own_watch": (
        "提示：{schools} 在自己的 lbc.toml 里设了 [watch]，已写入合并名册的“{sheet}”表；"
        "在合并名册上运行的 lbc watch、lbc summary、lbc pair、lbc cards 按这些设置列出这些学校的"
        "重点关注儿童，与在县文件夹上运行时相同",
        "note: {schools} set [watch] of their own in lbc.toml; it is written into the merged"
        " roster's {sheet} sheet, and lbc watch, lbc summary, lbc pair and lbc cards on the"
        " merged roster draw those schools' watch list by it, as a run on the county folder"
        " does",
    ),
    "merge.note.own_watch_parquet": (
        "提示：{schools} 在自己的 lbc.toml 里设了 [watch]，已写入合并文件（与合并名册的“{sheet}”表"
        "相同）；在合并文件上运行的 lbc watch、lbc summary、lbc pair、lbc cards 按这些设置列出"
        "这些学校的重点关注儿童，与在县文件夹上运行时相同",
        "note: {schools} set [watch] of their own in lbc.toml; it is written into the merged"
        " file (as a merged roster's {sheet} sheet holds it), and lbc watch, lbc summary, lbc"
        " pair and lbc cards on it draw those schools' watch list by it, as a run on the"
        " county folder does",
    ),
    "merge.note.written": (
        "已写出合并名册：{path}（{files} 个文件）",
        "wrote the merged roster: {path} ({files} {files:file|files})",
    ),
    "merge.heading": (
        "合并的各校名册（{schools} 所学校，{files} 个文件）",
        "Rosters merged ({schools} {schools:school|schools}, {files} {files:file|files})",
    ),
    "merge.duplicates": (
        "在多所学校或多个文件出现的身份证号（{count} 个）",
        "ID numbers in more than one school or file ({count})",
    ),
    "merge.col.school": ("学校", "school"),
    "merge.col.files": ("文件", "files"),
    "merge.col.children": ("儿童", "children"),
    "merge.col.teachers": ("教师", "teachers"),
    "merge.col.records": ("记录", "records"),
    "merge.col.errors": ("错误", "errors"),
    "merge.col.warnings": ("警告", "warnings"),
    "merge.col.id": ("身份证号", "ID number"),
    "merge.col.places": ("出现位置", "where"),
    # A place of a duplicate ID number in merge's table: its school (or file), sheet and row.
    "merge.place": ("{where} {sheet} 第{row}行", "{where} sheet '{sheet}' row {row}"),
    "merge.summary": (
        "共合并 {files} 个文件、{schools} 所学校：{children_line}，教师 {teachers} 名，帮扶记录 {records} 条；校验发现 {errors} 个错误、{warnings} 个警告；跨校或跨文件重复身份证号 {duplicates} 个，未能读取 {failed} 个文件",
        "{files} {files:file|files}, {schools} {schools:school|schools} merged: {children_line}, {teachers} {teachers:teacher|teachers}, {records} {records:record|records}; {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}; {duplicates} {duplicates:ID|IDs} in more than one school or file, {failed} {failed:file|files} unreadable",
    ),
    "merge.on_books": (
        "在册儿童 {on_books} 名",
        "{on_books} {on_books:child|children} on the books",
    ),
    "merge.on_books_fewer": (
        "在册儿童 {on_books} 名（名册共 {rows} 行：同一身份证号在几处出现、同一行登记两次的只计一次，转出、毕业、死亡的不计，与 lbc summary 一致）",
        "{on_books} {on_books:child|children} on the books ({rows} {rows:row|rows}: an ID number in several places or a row entered twice counted once, those 转出, 毕业 or 死亡 left out, as lbc summary counts)",
    ),
    # ---- rules command ----
    "rules.example": ("示例", "example"),
    "rules.field": ("字段", "field"),
    "rules.severity": ("级别", "severity"),
    "rules.weight": (
        "默认关注分（lbc.toml [watch.weights] 可改）",
        "default weight ([watch.weights] in lbc.toml)",
    ),
    "rules.kind": ("类别", "kind"),
    "rules.why": ("为什么重要", "why it matters"),
    "rules.fix": ("怎么改", "how to fix it"),
    "rules.line": ("{label}：{value}", "{label}: {value}"),
    "rule_kind.structure": ("表格结构", "structure"),
    "rule_kind.identity": ("身份信息", "identity"),
    "rule_kind.contact": ("联系方式", "contacts"),
    "rule_kind.value": ("填写内容", "values"),
    "rule_kind.teacher": ("教师名单", "teachers"),
    "rule_kind.record": ("帮扶记录", "records"),
    "rule_kind.watch": ("重点关注", "watch list"),
    # ---- annotate ----
    "annotate.sheet": ("问题清单", "Problems"),
    "annotate.col.sheet": ("工作表", "sheet"),
    "annotate.col.cell": ("单元格", "cell"),
    # ---- init workbook ----
    "init.children_sheet": ("留守儿童花名册", "留守儿童花名册"),
    "init.teachers_sheet": ("教师名单", "教师名单"),
    "init.records_sheet": ("帮扶记录", "帮扶记录"),
    # ---- contact descriptions (flag and findings) ----
    "contact.guardian_name": ("监护人姓名", "guardian's name"),
    "contact.guardian_relation": ("监护人与儿童关系", "guardian's relation"),
    "contact.guardian_phone": ("监护人电话", "guardian's phone"),
    "contact.parent_phone_any": ("父母任一方电话", "a parent's phone"),
    "contact.father_phone": ("父亲电话", "father's phone"),
    "contact.mother_phone": ("母亲电话", "mother's phone"),
    "contact.unspecified": (
        "一方家长电话，以及监护人或另一方家长电话",
        "a parent's phone, and a guardian's or the other parent's phone",
    ),
    "contact.father": ("父亲", "father"),
    "contact.mother": ("母亲", "mother"),
    "contact.parent": ("家长", "parent"),
    "contact.guardian": ("监护人", "guardian"),
    "contact.guardian_at_home": (
        "在家照看孩子的监护人（登记的监护人是外出的父亲或母亲）",
        "a guardian at home (the guardian listed is the away father or mother)",
    ),
    "contact.guardian_own_phone": ("监护人本人的电话", "the guardian's own phone"),
    "contact.guardian_or_other_parent": (
        "监护人或另一方家长的电话",
        "a guardian's or the other parent's phone",
    ),
    # ---- rules: the message shown in a finding; for `lbc rules CODE` a title, an example,
    # why a school should care and how to fix it ----
    "rule.COL001": ("缺少必需的列“{label}”", "required column '{label}' is missing"),
    "rule.COL001.title": ("缺少必需的列", "required column missing"),
    "rule.COL001.example": (
        "花名册没有“监护人电话”列：整列报告一次，不逐行重复",
        "the roster has no 监护人电话 column: reported once, not per row",
    ),
    "rule.COL001.why": (
        "缺了这一整列，所有儿童的这项信息都无法核对和统计，上报的档案也不完整",
        "without the column nobody's value can be checked or counted, and the archive sent up is incomplete",
    ),
    "rule.COL001.fix": (
        "在花名册中加上这一列（列名照模板写，如“监护人电话”），再逐人填好；可对照 lbc init 生成的模板",
        "add the column, named as in the template (e.g. 监护人电话), and fill it in for every child; compare with the template lbc init writes",
    ),
    "rule.REQ001": ("“{label}”未填写", "'{label}' is empty"),
    "rule.REQ001.title": ("必填项为空", "required value empty"),
    "rule.REQ001.example": ("家庭住址一栏空白", "家庭住址 left blank"),
    "rule.REQ001.why": (
        "必填项空着，这名儿童的档案就不完整，检查时会算作“档案不全”",
        "with a required value empty the child's file is incomplete, and an inspection counts it so",
    ),
    "rule.REQ001.fix": (
        "向班主任或家长问清后补填这一格；不要为了应付填“无”或“不详”",
        "ask the head teacher or the family and fill in the cell; do not write 无 or 不详 just to fill it",
    ),
    "rule.REQ002": (
        "儿童表里一名儿童也没有",
        "the children sheet holds no children",
    ),
    "rule.REQ002.title": ("花名册里没有儿童", "no children in the roster"),
    "rule.REQ002.example": (
        "只有表头、没有填人的花名册，或 lbc init 生成后还没填的空白花名册",
        "a roster with headers and no one under them, or the blank roster lbc init writes, not yet filled in",
    ),
    "rule.REQ002.why": (
        "没有儿童的花名册什么也查不出来，看上去却像没有问题；多半是存错了文件或交错了表",
        "a roster with no children has nothing to check yet looks as if nothing were wrong; most often the wrong file was saved or sent",
    ),
    "rule.REQ002.fix": (
        "确认交的是填好的那份花名册，把儿童逐行填在表头下面",
        "make sure this is the filled-in roster, and enter the children one a row under the headers",
    ),
    "rule.ID001": (
        "身份证号应为18位（17位数字加1位校验码）",
        "an ID number has 18 characters (17 digits and a check character)",
    ),
    "rule.ID001.title": ("身份证号长度或字符不对", "ID number malformed"),
    "rule.ID001.example": ("51132120150304123（只有17位）", "51132120150304123 (17 digits)"),
    "rule.ID001.why": (
        "身份证号是孩子在学籍、资助、户籍等各类名单里的唯一标识，位数不对就哪里都对不上",
        "the ID number matches the child across school registers, aid lists and household records; with the wrong length it matches nothing",
    ),
    "rule.ID001.fix": (
        "对照户口簿或身份证原件重新录入，共18位，最后一位是数字或大写 X",
        "type it again from the household register or the card: 18 characters, the last a digit or a capital X",
    ),
    "rule.ID002": ("身份证号校验位错误{lost}", "ID number check digit is wrong{lost}"),
    "rule.ID002.lost": (
        "；末三位是 000，像是曾存成数字（Excel 只保留15位）后又改成文本，后三位已丢失，"
        "请对照户口簿重新录入",
        "; it ends in 000, as an ID number stored as a number (Excel keeps 15 digits) and"
        " then made text does: its last three digits are lost; type it again from the"
        " household register",
    ),
    "rule.ID002.title": ("身份证号校验位错误", "ID check digit wrong"),
    "rule.ID002.example": (
        "511321201503041235：按 GB 11643 计算最后一位应为 4",
        "511321201503041235: by GB 11643 the last character should be 4",
    ),
    "rule.ID002.why": (
        "校验位不对，说明号码里至少有一位抄错或打错了",
        "a wrong check digit means at least one character was copied or typed wrong",
    ),
    "rule.ID002.fix": (
        "对照户口簿逐位核对，改正录错的那一位；不要只改最后一位去“凑”校验位",
        "compare it digit by digit with the household register and correct the wrong one; do not change the last character just to pass the check",
    ),
    "rule.ID003": (
        "身份证号中的出生日期 {raw} 不是真实日期",
        "the birth date {raw} inside the ID number is not a real date",
    ),
    "rule.ID003.title": ("身份证号内的出生日期无效", "birth date inside ID invalid"),
    "rule.ID003.example": ("511321201502301234（2月30日）", "511321201502301234 (30 February)"),
    "rule.ID003.why": (
        "身份证号第7至14位是出生年月日，这个日期不存在，说明号码录错了",
        "characters 7 to 14 are the birth date; a date that does not exist means the number was typed wrong",
    ),
    "rule.ID003.fix": (
        "对照户口簿核对第7至14位（年、月、日）并改正，再看一下出生日期一栏是否一致",
        "check characters 7 to 14 (year, month, day) against the household register, correct them, then check 出生日期 too",
    ),
    "rule.ID004": (
        "身份证号被存成了数字，Excel 只保留15位，后几位已丢失；请把该列设为文本后按原件重新录入",
        "the ID number is stored as a number; Excel keeps 15 digits, so the last ones are lost. "
        "Format the column as text and type it again from the card",
    ),
    "rule.ID004.title": ("身份证号存成了数字", "ID stored as a number"),
    "rule.ID004.example": (
        "单元格显示 5.11321E+17：数值型单元格无法恢复原号码",
        "the cell shows 5.11321E+17: the number cannot be recovered",
    ),
    "rule.ID004.why": (
        "身份证号存成数字后，Excel 只保留前15位，后面几位变成0，原号码已无法从表格中找回",
        "stored as a number, Excel keeps only 15 digits and turns the rest to 0: the number cannot be recovered from the file",
    ),
    "rule.ID004.fix": (
        "把身份证号这一列设为“文本”格式，再对照户口簿逐个重新输入；只改显示格式找不回丢失的数字",
        "format the ID column as Text, then type each number again from the household register; changing the display does not bring the lost digits back",
    ),
    "rule.ID005": (
        "身份证号的地区码 {region} 不在现行行政区划代码表中（可能是已撤销的旧代码，请核对）",
        "region code {region} is not in the current list (it may be a retired code; please check)",
    ),
    "rule.ID005.title": ("地区码不在代码表中", "region code not in the official list"),
    "rule.ID005.example": ("412723…（已撤销的旧县代码）", "412723… (a retired county code)"),
    "rule.ID005.why": (
        "前6位地区码在代码表中查不到，可能是录错了，也可能是已撤销的老县区代码（老证件照样有效）",
        "the first six digits are not a known region: either a typing mistake, or a retired county code (old cards stay valid)",
    ),
    "rule.ID005.fix": (
        "对照户口簿核对前6位；与原件一致就不用改，这条只是提醒",
        "check the first six digits against the household register; if they match, leave them: this is only a reminder",
    ),
    "rule.ID006": (
        "身份证号中的出生日期 {id_date} 与“{label}”{date} 不一致",
        "birth date in the ID number ({id_date}) differs from {label} ({date})",
    ),
    "rule.ID006.title": ("身份证号与出生日期不一致", "ID disagrees with birth date"),
    "rule.ID006.example": (
        "身份证号含 20150304，出生日期填 2015-04-03",
        "the ID holds 20150304, 出生日期 says 2015-04-03",
    ),
    "rule.ID006.why": (
        "两处出生日期对不上，必有一处是错的，会影响年龄统计和入学、资助资格的核对",
        "two birth dates that disagree mean one is wrong, which skews ages and checks of school and aid eligibility",
    ),
    "rule.ID006.fix": (
        "对照户口簿，改正身份证号或出生日期中录错的那一个",
        "check the household register and correct whichever of the two is wrong",
    ),
    "rule.ID007": (
        "身份证号显示为{id_gender}，与“性别”{gender} 不一致",
        "the ID number says {id_gender}, 性别 says {gender}",
    ),
    "rule.ID007.title": ("身份证号与性别不一致", "ID disagrees with gender"),
    "rule.ID007.example": (
        "第17位为奇数（男），性别填“女”",
        "the 17th digit is odd (male), 性别 says 女",
    ),
    "rule.ID007.why": (
        "身份证号第17位单数是男、双数是女，与性别不符，说明号码或性别有一处填错",
        "the 17th character is odd for boys and even for girls; a mismatch means the number or the gender is wrong",
    ),
    "rule.ID007.fix": (
        "先核实孩子的性别，再对照户口簿核对身份证号，改正填错的一处",
        "confirm the child's gender, check the ID number against the household register, and correct the wrong one",
    ),
    "rule.ID010": (
        "“{label}”填的是“{kind}”，证件号却像身份证号；{reason}，"
        "号码确是孩子的{id_kind}号码的，请把“{label}”改为“{id_kind}”",
        "'{label}' says {kind}, yet the number looks like an ID number; {reason}:"
        " if it is the child's {id_kind} number, set '{label}' to {id_kind}",
    ),
    "rule.ID010.military": ("孩子一般不会有{kind}", "a child seldom holds a {kind}"),
    "rule.ID010.short": (
        "{kind}的号码不是 18 位",
        "a {kind}'s number is not 18 characters long",
    ),
    "rule.ID010.title": (
        "证件类型是军人证件、护照或通行证，证件号却像身份证号",
        "a military card's, a passport's or a permit's kind, a number like an ID's",
    ),
    "rule.ID010.example": (
        "身份证件类型填“军官证”，身份证件号是 511321201503091020",
        "身份证件类型 says 军官证, the number is 511321201503091020",
    ),
    "rule.ID010.why": (
        "军官证在下拉选项里紧挨着居民身份证，护照、通行证的号码也不是 18 位，选错一格，"
        "孩子的身份证号就不当身份证号用：生日名单、年龄统计都不从它读出生日期；"
        "lbc 仍按身份证号核对这个号码",
        "军官证 comes right after 居民身份证 in the dropdown, and a passport's or a permit's"
        " number is not 18 characters long: picked by mistake, the child's ID number is no"
        " longer used as one, and no birthday list or age count reads its birth date; lbc"
        " still checks the number as an ID number",
    ),
    "rule.ID010.fix": (
        "核对孩子的证件；是居民身份证的，把身份证件类型改为“居民身份证”",
        "check the child's document; if it is a 居民身份证, set 身份证件类型 to 居民身份证",
    ),
    "rule.ID011": (
        "身份证号末三位是 000，而本表还有末三位是 000、校验位不对的身份证号："
        "这个号码可能也是存成数字（Excel 只保留15位）后又改成文本，后三位已丢失；请对照户口簿核对",
        "the ID number ends in 000, and other ID numbers of the sheet end in 000 with a wrong"
        " check digit: this one too may have been stored as a number (Excel keeps 15 digits)"
        " and then made text, its last three digits lost; check it against the household"
        " register",
    ),
    "rule.ID011.title": (
        "身份证号末三位是 000，可能已丢失后三位",
        "ID number ends in 000, its last digits perhaps lost",
    ),
    "rule.ID011.example": (
        "511321201605014000，同表另有 511321201605011000（校验位不对）：这个校验位对得上，"
        "但可能是 5113212016050140xx",
        "511321201605014000 beside 511321201605011000 (check digit wrong) on the sheet: its"
        " check digit fits, but it may be 5113212016050140xx",
    ),
    "rule.ID011.why": (
        "身份证号存成数字后 Excel 只保留前15位，后三位变成 000；把这一列改成文本、重新确认单元格后，"
        "留下的就是以 000 结尾的一串文字。十一个这样的号码里有一个校验位恰好对得上，看上去像对的号码。"
        "同一张表里已有以 000 结尾、校验位不对的号码时，lbc 才这样提示：真号码以 000 结尾的很少",
        "stored as a number, an ID keeps 15 digits and its last three become 000; made text"
        " again, the cell holds digits ending in 000. One such number in eleven has a check"
        " digit that fits and looks right. lbc says so only where other numbers of the sheet"
        " end in 000 with a wrong check digit: few real ID numbers end in 000",
    ),
    "rule.ID011.fix": (
        "对照户口簿核对这个号码；后三位确实是 000 的，不用改",
        "check the number against the household register; if it really ends in 000, leave it",
    ),
    "rule.DUP001": (
        "身份证号与{other}重复",
        "same ID number as {other}",
    ),
    "loc.row": ("第 {row} 行", "row {row}"),
    "loc.sheet_row": ("“{sheet}”第 {row} 行", "'{sheet}' row {row}"),
    "loc.elsewhere": ("{file}“{sheet}”第 {row} 行", "{file} sheet '{sheet}' row {row}"),
    "rule.DUP001.title": ("身份证号重复", "duplicate ID number"),
    "rule.DUP001.example": (
        "同一个身份证号在第 5 行和第 88 行各出现一次",
        "one ID number on rows 5 and 88",
    ),
    "rule.DUP001.why": (
        "同一个身份证号登记了两次，这个孩子会被重复统计，结对帮扶也可能重复安排",
        "one ID number entered twice means the child is counted twice and may be paired twice",
    ),
    "rule.DUP001.fix": (
        "查看提示的两行，是同一个孩子就删掉多余的一行；是两个孩子就对照户口簿改正录错的号码",
        "look at both rows: the same child, delete one; two children, correct the wrong number from the household register",
    ),
    "rule.DUP002": (
        "姓名、出生日期、班级与{other}相同，可能重复登记",
        "same name, birth date and class as {other}: entered twice?",
    ),
    "rule.DUP002.title": ("同名同生日同班，疑似重复", "probable duplicate child"),
    "rule.DUP002.example": (
        "两行都是 张雨涵、2016-05-01、三年级(2)班",
        "two rows of 张雨涵, 2016-05-01, 三年级(2)班",
    ),
    "rule.DUP002.why": (
        "姓名、出生日期、班级都相同，很可能是同一个孩子登记了两次（身份证号漏填或填错）",
        "the same name, birth date and class is most likely one child entered twice (the ID number missing or wrong)",
    ),
    "rule.DUP002.fix": (
        "向班主任核实，是同一个孩子就合并成一行；确是两个孩子，就分别补全身份证号以便区分",
        "ask the head teacher: the same child, merge the rows; two children, fill in each one's ID number to tell them apart",
    ),
    "rule.DUP003": (
        "同一身份证号出现在多所学校（{schools}）：重复统计，或有一处登记错误",
        "the same ID number in more than one school ({schools}): counted twice, or one record wrong",
    ),
    "rule.DUP003.title": ("身份证号跨校重复", "ID number in two schools"),
    "rule.DUP003.example": (
        "青山镇中心小学和白鹤乡中心小学都登记了 511321201505011234",
        "two schools both list 511321201505011234",
    ),
    "rule.DUP003.why": (
        "一个孩子同时在两所学校的名单里，全县汇总时会重复统计，通常是转学后有一所学校没有更新名单",
        "a child on two schools' lists is counted twice in the county's total; usually one list was not updated after a transfer",
    ),
    "rule.DUP003.fix": (
        "两校联系核实孩子现在在哪所学校就读；已转走的学校把在校状态改为“转出”，号码录错的一方改正号码",
        "the two schools find out where the child now studies: the school the child left marks them 转出, and a wrong number is corrected",
    ),
    "rule.DUP004": (
        "与{other}同名同班，两行都没有身份证号和出生日期，分不清是哪个孩子：{records}，"
        "两人的卡片也一模一样",
        "same name and class as {other}, and neither row has an ID number or birth date: the"
        " two children cannot be told apart, so {records}",
    ),
    # What DUP004 says of the namesakes' records: a record of namesakes without a birth date
    # is the one paired with its teacher, when exactly one is (lbc.roster.support).
    "dup004.nobody": (
        "写这个名字的帮扶记录算不到任何一人名下",
        "records naming them count for nobody",
    ),
    "dup004.both": (
        "写这个名字的帮扶记录只能按填写的教师区分：{first}写的计入与{first}结对的一人，{second}写的"
        "计入另一人，别的老师写的算不到任何一人名下",
        "records naming them are told apart only by who wrote them: {first}'s count for the"
        " one paired with {first}, {second}'s for the other, anyone else's for nobody",
    ),
    "dup004.one": (
        "写这个名字的帮扶记录只有{teacher}写的计入与{teacher}结对的一人，别的老师写的算不到任何一人名下",
        "only {teacher}'s records naming them count, for the one paired with {teacher};"
        " anyone else's count for nobody",
    ),
    "rule.DUP004.title": ("同班同名，无法区分", "namesakes in one class"),
    "rule.DUP004.example": (
        "三年级(2)班有两个 王梓萱，都没填身份证号和出生日期",
        "two 王梓萱 in 三年级(2)班, neither with an ID number or birth date",
    ),
    "rule.DUP004.why": (
        "同班两个同名孩子没有身份证号或出生日期就无法区分：帮扶记录只写名字时，除非两人的帮扶教师"
        "不同、由教师区分，否则算不到任何一人，卡片和名单也分不出谁是谁",
        "two children of one name in one class with nothing else to tell them apart: a record"
        " giving the name counts for neither, unless the two have different support teachers"
        " and the record's teacher tells which, and their cards and lists look the same",
    ),
    "rule.DUP004.fix": (
        "对照户口簿为两个孩子分别补填身份证号或出生日期；若是同一个孩子登记了两次，删掉多余的一行",
        "fill in each child's ID number or birth date from the household register; if it is"
        " one child entered twice, delete the extra row",
    ),
    "rule.PHN001": (
        "“{label}”格式不对：应为11位手机号（1开头）或带区号的座机号",
        "'{label}' is not a phone number: 11-digit mobile starting 1, or area code and number",
    ),
    "rule.PHN001.title": ("电话号码格式不对", "malformed phone number"),
    "rule.PHN001.example": ("1381234567（少一位）", "1381234567 (one digit short)"),
    "rule.PHN001.why": (
        "号码格式不对就打不通，孩子有急事时联系不上家长或监护人",
        "a malformed number cannot be dialled: when something happens to the child nobody can be reached",
    ),
    "rule.PHN001.fix": (
        "向家长或监护人核实后改正，手机号是1开头的11位数字，座机写成“区号-号码”",
        "confirm the number with the family: a mobile has 11 digits starting with 1, a landline is area code-number",
    ),
    "rule.PHN002": (
        "“{label}”里的号码标着“{whose}”，不是{owner}的，没有当作{owner}的电话",
        "the number in '{label}' is labelled “{whose}”: it is not the {owner}'s and was not"
        " taken as the {owner}'s phone",
    ),
    "rule.PHN002.title": ("号码标的是别人", "number labelled as someone else's"),
    "rule.PHN002.example": (
        "父亲电话一栏写“母：13912345678”",
        "父亲电话 holding “母：13912345678”",
    ),
    "rule.PHN002.why": (
        "写在父亲电话一栏、却标明是母亲或爷爷奶奶的号码，打过去找不到父亲本人；当成父亲的电话，"
        "父亲没有电话这件事就被掩盖了。监护人电话一栏里标明是父亲或母亲的号码（监护人又不是这位家长）"
        "同样打不到在家照看孩子的人",
        "a number in the father's column labelled as the mother's or a grandparent's does not"
        " reach the father; taken as his, the fact that the school has no number for him is"
        " hidden. A number in the guardian's column labelled as a parent's (the guardian not"
        " being that parent) likewise does not reach the one who looks after the child",
    ),
    "rule.PHN002.fix": (
        "把号码移到它所属的人那一栏（母亲电话、监护人电话），再问到这位家长本人的电话填上",
        "move the number to the column of the person it belongs to (母亲电话, 监护人电话), and"
        " get this parent's own number and fill it in",
    ),
    "rule.PHN003": (
        "“{label}”里标明是{who}的号码，与“{other}”一栏填的不一样：没有采用，以“{other}”为准",
        "the number in '{label}' labelled as the {who}'s is not what '{other}' says: it was"
        " not used, '{other}' was",
    ),
    "rule.PHN003.title": ("标明的号码与另一栏不同", "labelled number differs from the column"),
    "rule.PHN003.example": (
        "父亲电话“父：13812345678；母：13912345678”，母亲电话却填 13987654321",
        "父亲电话 “父：13812345678；母：13912345678” while 母亲电话 says 13987654321",
    ),
    "rule.PHN003.why": (
        "同一位家长（或监护人）登记了两个不同的号码，总有一个是旧的或记错的；lbc 用的是这个人自己"
        "一栏里的号码，它不一定打得通",
        "one parent (or the guardian) has two different numbers on file, and one of them is old"
        " or wrong; lbc uses the one in that person's own column, which may not be the one"
        " that works",
    ),
    "rule.PHN003.fix": (
        "打电话核实这个人现在用的号码，填在这个人自己的一栏，另一栏里删去",
        "call to confirm the number this person uses now, keep it in the person's own"
        " column and delete it from the other",
    ),
    "rule.PHN004": (
        "“{label}”被 Excel 变成了科学计数法，后几位数字已丢失，读不出号码；"
        "请把这一列设为文本，向本人核实后重新录入",
        "'{label}' was turned into scientific notation by Excel and lost its last digits:"
        " the number cannot be read; format the column as text, confirm the number and"
        " type it again",
    ),
    "rule.PHN004.title": ("电话号码变成了科学计数法", "phone in scientific notation"),
    "rule.PHN004.example": (
        "单元格里是 1.38123E+10：号码只剩前6位",
        "the cell holds 1.38123E+10: only the first 6 digits are left",
    ),
    "rule.PHN004.why": (
        "手机号在 Excel 里显示成科学计数法（1.38123E+10），再被粘贴或存成文字，后几位数字就没有了；"
        "这样的号码打不通，也无法从表格里找回",
        "a mobile number Excel shows in scientific notation (1.38123E+10), then pasted or"
        " saved as that text, has lost its last digits: it cannot be dialled, nor recovered"
        " from the file",
    ),
    "rule.PHN004.fix": (
        "把电话这一列设为“文本”格式，向家长、监护人或教师本人核实号码后重新输入；只改显示格式找不回丢失的数字",
        "format the phone column as Text, confirm each number with the parent, guardian or"
        " teacher and type it again; changing the display does not bring the lost digits back",
    ),
    "rule.PHN005": (
        "“{label}”写成了科学计数法，数字齐全，已按号码读出；"
        "请把这一列设为文本，改写成号码本身，免得再经 Excel 丢掉后几位",
        "'{label}' is written in scientific notation with every digit kept and was read as"
        " the number; format the column as text and write the number itself, before Excel"
        " drops its last digits",
    ),
    "rule.PHN005.title": (
        "电话号码写成了科学计数法（数字齐全）",
        "phone in scientific notation, digits kept",
    ),
    "rule.PHN005.example": (
        "单元格里是 1.3812345678E+10：读作 13812345678",
        "the cell holds 1.3812345678E+10: read as 13812345678",
    ),
    "rule.PHN005.why": (
        "号码写成了科学计数法（1.3812345678E+10），照着打不了电话；这一列再经 Excel 打开、保存，"
        "就会变成 1.38123E+10，后几位数字就丢了",
        "a number written in scientific notation (1.3812345678E+10) cannot be dialled as"
        " written; opened and saved through Excel again, the column turns it into"
        " 1.38123E+10 and its last digits are lost",
    ),
    "rule.PHN005.fix": (
        "把电话这一列设为“文本”格式，把号码改写成 11 位数字本身（如 13812345678）",
        "format the phone column as Text and write each number as its digits (13812345678)",
    ),
    "rule.PHN006": (
        "“{label}”存成了数字，像是开头的 0 被 Excel 去掉的座机号，读不出号码；"
        "请把这一列设为文本，核实号码后连同开头的 0 重新录入",
        "'{label}' was stored as a number and looks like a landline whose leading 0 Excel"
        " dropped: the number cannot be read; format the column as text, confirm the number"
        " and type it again with its leading 0",
    ),
    "rule.PHN006.title": ("座机号开头的 0 丢了", "landline lost its leading 0"),
    "rule.PHN006.example": (
        "输入 07551234567，单元格是常规格式，存成了数字 7551234567",
        "07551234567 typed into a General cell, kept as the number 7551234567",
    ),
    "rule.PHN006.why": (
        "单元格是常规或数值格式时，Excel 把 07551234567 当成数字保存，去掉了开头的 0；"
        "少了 0 的号码打不通。lbc 不替学校补上这个 0：补错一位数字，就联系不上孩子的家人",
        "in a General or Number cell Excel keeps 07551234567 as a number and drops its"
        " leading 0, and without it the number cannot be dialled. lbc does not add the 0"
        " back: one wrong digit and the child's family cannot be reached",
    ),
    "rule.PHN006.fix": (
        "把电话这一列设为“文本”格式，核实号码后连同开头的 0 重新输入（如 0755-1234567）；"
        "只改显示格式不会把 0 存回去",
        "format the phone column as Text, confirm the number and type it again with its"
        " leading 0 (0755-1234567); changing the display does not store the 0 again",
    ),
    "rule.PHN007": (
        "“{label}”{what}，电话号码没有小数，读不出号码（可能是公式的结果，或这一列被运算过）；"
        "请把这一列设为文本，向本人核实后重新录入",
        "'{label}' {what}, which no phone number has: the number"
        " cannot be read (it may be a formula's result, or the column was calculated on);"
        " format the column as text, confirm the number and type it again",
    ),
    # What PHN007 says the cell is: that number (1381234567.8), or text holding it
    # (父：1381234567.8, 13812345678/1391234567.8).
    "rule.PHN007.alone": ("是带小数的数字", "is a number with a fraction"),
    "rule.PHN007.among": ("里的号码带小数", "holds a number with a fraction"),
    "rule.PHN007.title": ("电话号码带小数", "phone number with a fraction"),
    "rule.PHN007.example": (
        "单元格里是数字 1381234567.8",
        "the cell holds the number 1381234567.8",
    ),
    "rule.PHN007.why": (
        "电话号码是一串数字，不会有小数；带小数的数是公式算出来的，或者整列被乘除过。"
        "去掉小数点拼出来的不是谁的号码，打过去可能找到陌生人，lbc 不这样读",
        "a phone number is a string of digits and has no fraction: a number with one is a"
        " formula's result, or a column someone multiplied or divided. Its digits without"
        " the point are nobody's number and may reach a stranger; lbc does not read them so",
    ),
    "rule.PHN007.fix": (
        "查明这一格是怎样来的（公式、被运算过的列），把电话这一列设为“文本”格式，"
        "向家长、监护人或教师本人核实号码后重新输入",
        "find where the cell came from (a formula, a column calculated on), format the phone"
        " column as Text, confirm the number with the parent, guardian or teacher and type"
        " it again",
    ),
    "rule.DATE001": ("“{label}”无法识别为日期{serial}", "'{label}' is not a readable date{serial}"),
    "rule.DATE001.serial": (
        "；像是 Excel 的日期序号（即 {date}），请把这一列设为日期格式",
        "; it looks like an Excel date serial ({date}): format the column as a date",
    ),
    "rule.DATE001.typed": (
        "：单元格是日期格式，输入的数字 {raw} 被 Excel 显示成了 1900 年代的日期，请写成“2024-09-15”这样的日期",
        ": the number {raw} was typed into a date-formatted cell, which Excel shows as a day"
        " of the 1900s; write a date such as 2024-09-15",
    ),
    "rule.DATE001.no_term": (
        "：没有写年份，按月日也不在学校的任何学期内（如寒暑假），这条记录不计入任何学期；请写上年份",
        ": it has no year, and its month and day are in none of the school's terms (a"
        " holiday): the record counts for no term; write its year",
    ),
    "rule.DATE001.lunar": (
        "：写的是农历日期，不能当作公历日期；请改写成公历日期",
        ": it is marked as a lunar-calendar (农历) date, which is not the Gregorian date;"
        " write the Gregorian date",
    ),
    "rule.DATE001.lunar_birth": (
        "：写的是农历日期，不能当作公历日期；请改写成与身份证上一致的公历出生日期",
        ": it is marked as a lunar-calendar (农历) date, which is not the Gregorian date;"
        " write the Gregorian birth date, as on the ID card",
    ),
    "rule.DATE001.lunar_alike": (
        "：后面注明的农历日期与前面的日期月、日相同，两者不可能是同一天，其中一个写错了；"
        "请核对后写公历日期",
        ": the lunar (农历) date written after the date has the same month and day, which"
        " no one day has: one of them is wrong; check it and write the Gregorian"
        " date",
    ),
    "rule.DATE001.lunar_alike_birth": (
        "：后面注明的农历日期与前面的日期月、日相同，两者不可能是同一天，其中一个写错了；"
        "请写与身份证上一致的公历出生日期",
        ": the lunar (农历) date written after the date has the same month and day, which"
        " no one day has: one of them is wrong; write the Gregorian birth date,"
        " as on the ID card",
    ),
    "rule.DATE001.title": ("日期无法识别", "unreadable date"),
    "rule.DATE001.example": ("“去年春天”、“2015-13-01”", "“去年春天”, “2015-13-01”"),
    "rule.DATE001.why": (
        "日期认不出来，就算不出年龄、核对不了身份证，帮扶记录也没法按学期统计",
        "an unreadable date gives no age, cannot be checked against the ID, and a record with it cannot be counted by term",
    ),
    "rule.DATE001.fix": (
        "写成“2015-03-04”或“2015年3月4日”这样的完整日期，或把单元格设为日期格式",
        "write a full date such as 2015-03-04 or 2015年3月4日, or format the cell as a date",
    ),
    "rule.DATE002": ("“{label}”{date} 晚于今天", "'{label}' {date} is in the future"),
    "rule.DATE002.title": ("日期在今天之后", "date in the future"),
    "rule.DATE002.example": ("出生日期 2030-01-01", "出生日期 2030-01-01"),
    "rule.DATE002.why": (
        "日期在今天之后，不可能是真的，多半是年份录错了",
        "a date after today cannot be true; usually the year was typed wrong",
    ),
    "rule.DATE002.fix": (
        "对照原始登记或记录，改正年份或月、日",
        "check the original and correct the year or the day",
    ),
    "rule.DATE003": (
        "按出生日期 {date}，该儿童今年 {age} 岁，不像在校学生，请核对",
        "born {date}, the child is {age}: unlikely for a pupil, please check",
    ),
    "rule.DATE003.title": ("年龄不合常理", "implausible age"),
    "rule.DATE003.example": ("小学生出生日期 1985-06-01", "a pupil born 1985-06-01"),
    "rule.DATE003.why": (
        "按这个出生日期，孩子不在3到20岁之间，不像在校学生，多半是出生年份录错了",
        "by this date the child is not 3 to 20 years old, which is unlikely for a pupil; usually the year was typed wrong",
    ),
    "rule.DATE003.fix": (
        "对照户口簿核对出生日期；确实无误的就不用改，这条只是提醒",
        "check the date against the household register; if it is right, leave it: this is only a reminder",
    ),
    "rule.CLS001": (
        "无法识别的班级{why}，请写成如“三年级(2)班”",
        "unreadable class{why}; write it like 三年级(2)班",
    ),
    "rule.CLS001.zero": (
        "（数字 {raw} 也可能是 {ten}：Excel 会去掉小数末尾的 0）",
        " (the number {raw} may be {ten}: Excel drops a last zero)",
    ),
    "rule.CLS001.date": (
        "（这一格是日期 {month}月{day}日：在常规格式的单元格里输入“{month}-{day}”或“{month}/{day}”，"
        "Excel 会自动变成日期；请先把这一列设为文本）",
        " (the cell is the date {month}/{day}: typed into a cell of the General format,"
        " {month}-{day} or {month}/{day} becomes a date in Excel; format the column as text"
        " first)",
    ),
    "rule.CLS001.title": ("班级无法识别", "unreadable class"),
    "rule.CLS001.example": ("“火箭班”", "“火箭班”"),
    "rule.CLS001.why": (
        "班级认不出来，这个孩子就没法按班统计，也没法和任教这个班的老师结对",
        "an unreadable class cannot be counted by class or matched with the teachers of that class",
    ),
    "rule.CLS001.fix": (
        "按“三年级(2)班”或“三(2)班”的写法填写，不要用“火箭班”这类别称",
        "write it like 三年级(2)班 or 三(2)班, not a nickname such as 火箭班",
    ),
    "rule.CLS003": (
        "“{label}”一栏 {count} 格都只写 11 或 12：按十一、十二年级读；如果是学籍系统的年级代码（11=一年级、12=二年级），"
        "请改写成“一年级”“二年级”",
        "all {count} cells of '{label}' say only 11 or 12: read as grades 11 and 12; if they are"
        " the 学籍 system's codes (11 = grade 1, 12 = grade 2), write 一年级 and 二年级 instead",
    ),
    "rule.CLS003.title": ("年级只有 11、12，不知是否代码", "grade 11/12 or a 学籍 code?"),
    "rule.CLS003.example": (
        "学籍系统导出的年级一栏只有 11、12（一、二年级的代码）",
        "a 学籍 export's 年级 column of only 11 and 12 (the codes of grades 1 and 2)",
    ),
    "rule.CLS003.why": (
        "学籍系统把一年级记作 11、二年级记作 12，和十一、十二年级写法一样，lbc 分不清；年级读错，"
        "班级、班主任结对和按年级的统计都会错",
        "the 学籍 system writes grade 1 as 11 and grade 2 as 12, which reads as grades 11 and"
        " 12: lbc cannot tell which, and a wrong grade misnames the classes, the head teachers'"
        " pairs and the counts by grade",
    ),
    "rule.CLS003.fix": (
        "把年级写成文字：一、二年级写“一年级”“二年级”，确是高中的写“十一年级”“十二年级”（或高二、高三）",
        "write the grade in words: 一年级 and 二年级 for grades 1 and 2, 十一年级 and 十二年级"
        " (高二, 高三) for grades 11 and 12",
    ),
    "rule.CLS002": (
        "“年级”{grade} 与“班级”{cls} 不一致{numbered}",
        "年级 {grade} disagrees with 班级 {cls}{numbered}",
    ),
    "rule.CLS002.title": ("年级与班级不一致", "grade disagrees with class"),
    "rule.CLS002.example": ("年级 四年级，班级 三(2)班", "年级 四年级, 班级 三(2)班"),
    "rule.CLS002.why": (
        "年级和班级对不上，按年级和按班级统计出来的人数就会不一致",
        "when grade and class disagree, the counts by grade and by class disagree too",
    ),
    "rule.CLS002.fix": (
        "核实孩子实际所在的班级，改正“年级”或“班级”中填错的一栏；初中按初一=1编班号的"
        "（年级“初一”、班级“101班”），班级写成“初一(1)班”，教师名单里的任教班级也照此写",
        "confirm which class the child is in and correct whichever column is wrong; a middle"
        " school numbering its classes from 初一 as 1 (年级 初一, 班级 101班) writes the class"
        " as 初一(1)班, and the teachers list's 任教班级 the same way",
    ),
    "rule.CLS004": (
        "“班级”{cls} 与名称“{names}”说的年级不同，按“班级”读{numbered}",
        "班级 {cls} is of another grade than the name {names}; read as the 班级 says{numbered}",
    ),
    "rule.CLS004.title": ("班级与表名的年级不一致", "class of another grade than the names"),
    "rule.CLS004.example": ("“四年级.xlsx”里班级写“301班”", "班级 301班 in 四年级.xlsx"),
    "rule.CLS004.why": (
        "班级写的年级和工作表、文件或文件夹名称说的不同，不知哪个对；孩子按“班级”统计，"
        "并和这个班的班主任结对，班级填错了，结对也错",
        "the class names another grade than the sheet's, the file's or the folder's name, and"
        " which is wrong only the school knows; the child is counted by the class and paired"
        " with its head teacher, wrongly if the class is wrong",
    ),
    "rule.CLS004.fix": (
        "核实孩子实际所在的班级：班级填错了就改正“班级”，孩子确在这个班就把他移到该年级的表或文件里；"
        "初中按初一=1编班号的（“初一.xlsx”里的“101班”），班级写成“初一(1)班”，"
        "教师名单里的任教班级也照此写",
        "confirm the child's class: correct the 班级 if it is wrong, or move the child to that"
        " grade's sheet or file if it is right; a middle school numbering its classes from 初一"
        " as 1 (101班 in 初一.xlsx) writes the class as 初一(1)班, and the teachers list's 任教班级"
        " the same way",
    ),
    # CLS002's and CLS004's {numbered} for 101班 beside 初一 (engine._numbered_from_first_year).
    # Only 初一(1)班: 1班 is of no grade in a county's merged workbook (CLS001), and the
    # teachers' 101班 is 一年级(1)班 still, its head teacher no longer the child's.
    "rule.CLS.numbered": (
        "；“{raw}”很可能是按初一=1编的班号，即{level}{number}班，"
        "是的话请把班级写成“{level}({number})班”，教师名单里的任教班级也照此写",
        "; {raw} probably numbers the classes from 初一 as 1, for {level} class {number}:"
        " if so, write the class as {level}({number})班, and the teachers list's 任教班级 the"
        " same way",
    ),
    "rule.VAL001": (
        "“{label}”的值无法识别，可填：{allowed}{why}",
        "'{label}' has a value lbc cannot read; allowed: {allowed}{why}",
    ),
    "rule.VAL001.category": (
        "（“{value}”是帮扶类别，请写在“类别”列；这一列写父母是否外出）",
        " ({value} is a support category: write it in the 类别 column; this one says whether the"
        " parents are away)",
    ),
    "rule.VAL001.title": ("取值不在可选范围", "value not in the allowed list"),
    "rule.VAL001.example": ("性别填“男孩”；在校状态填“放假”", "性别 “男孩”"),
    "rule.VAL001.why": (
        "填的内容不在可选范围内，统计时这一格只能当作没填",
        "a value outside the allowed list is counted as if the cell were empty",
    ),
    "rule.VAL001.fix": (
        "改成提示中列出的写法（或范围内的数字），例如性别只填“男”或“女”；用下拉列表可以避免手输出错",
        "use one of the listed values (or a number in range), e.g. 男 or 女 for gender; a drop-down list avoids typing mistakes",
    ),
    "rule.VAL002": (
        "“与儿童关系”无法识别，可填：{allowed}",
        "guardian relation not recognised; allowed: {allowed}",
    ),
    "rule.VAL002.title": ("监护人关系无法识别", "unrecognised guardian relation"),
    "rule.VAL002.example": ("“看护”", "“看护”"),
    "rule.VAL002.why": (
        "监护人关系认不出来，就没法统计祖辈监护、亲属监护等情况，上级报表要用这个数",
        "an unrecognised relation cannot be counted as grandparent or relative guardianship, which the county's report asks for",
    ),
    "rule.VAL002.fix": (
        "改成提示中列出的称呼，如“祖父”“外祖母”“亲属”；都不合适的填“其他”",
        "use one of the listed words, such as 祖父, 外祖母 or 亲属; if none fits, write 其他",
    ),
    "rule.VAL003": (
        "“{label}”{value} 不在合理范围（{low}–{high}）",
        "'{label}' {value} is outside {low}–{high}",
    ),
    "rule.VAL003.title": ("数值超出合理范围", "number out of range"),
    "rule.VAL003.example": ("监护人年龄 8", "监护人年龄 8"),
    "rule.VAL003.why": (
        "数字超出合理范围，多半是录错了；如果监护人年龄确实过小或过大，孩子可能缺少有能力照看的大人",
        "a number out of range is usually a typing mistake; a guardian really that young or old may be unable to look after the child",
    ),
    "rule.VAL003.fix": (
        "核实后改正数字；数字无误的，请在帮扶工作中重点关注这个孩子的监护情况",
        "check and correct the number; if it is right, keep a closer eye on who looks after the child",
    ),
    "rule.VAL004": (
        "留守类型未注明哪一方外出（如“是”“单亲留守”），请写明父母均外出、父亲外出或母亲外出",
        "留守类型 does not say which parent is away; write 父母均外出, 父亲外出 or 母亲外出",
    ),
    "rule.VAL004.title": ("留守类型未注明哪方外出", "which parent is away is unsaid"),
    "rule.VAL004.example": ("是否留守儿童一栏填“是”", "是否留守儿童 says 是"),
    "rule.VAL004.why": (
        "只写“是”或“单亲留守”，看不出是父亲还是母亲外出，就没法判断应该留哪些联系电话；"
        "“父母双方无监护能力”（父母都在家但都不能照看）没有哪一方外出，不提示",
        "是 or 单亲留守 does not say which parent is away, so it cannot be told which phones the child must have; "
        "父母双方无监护能力 (both parents at home, neither able to look after the child) has no parent away and is not reported",
    ),
    "rule.VAL004.fix": (
        "把留守类型改为“父母均外出”“父亲外出”“母亲外出”之一",
        "write 父母均外出, 父亲外出 or 母亲外出",
    ),
    "rule.ID008": (
        "“{label}”不是有效的身份证号（应为 18 位，出生日期真实，校验位正确）",
        "'{label}' is not a valid ID number (18 characters, a real birth date, a right check digit)",
    ),
    "rule.ID008.title": ("家长或监护人身份证号无效", "parent's or guardian's ID invalid"),
    "rule.ID008.example": (
        "父亲公民身份证号码 511321198604021235：校验位应为 4",
        "父亲公民身份证号码 511321198604021235: the check digit should be 4",
    ),
    "rule.ID008.why": (
        "登记表要求家长和委托监护人的身份证号；号码错了，民政和公安部门核对时找不到这个人",
        "the registration form asks for the parents' and guardian's ID numbers; a wrong one "
        "matches nobody when the civil affairs office or the police check it",
    ),
    "rule.ID008.fix": (
        "对照本人身份证或户口簿逐位核对；身份证号列设为文本格式，免得 Excel 丢掉后几位",
        "compare it digit by digit with the person's ID card or household register; format "
        "the column as text so Excel keeps every digit",
    ),
    "rule.ID009": (
        "“{label}”是 {date}，与身份证号中的 {id_date} 不一致",
        "'{label}' is {date}, the ID number says {id_date}",
    ),
    "rule.ID009.title": (
        "家长或监护人出生日期与身份证号不符",
        "parent's or guardian's birth date disagrees with ID",
    ),
    "rule.ID009.example": (
        "母亲出生日期 1988-09-18，身份证号里是 1988-09-08",
        "母亲出生日期 1988-09-18, the ID says 1988-09-08",
    ),
    "rule.ID009.why": (
        "两处不一致，至少有一处抄错了，这个人的身份就核对不上",
        "when the two disagree at least one was copied wrong, and the person cannot be verified",
    ),
    "rule.ID009.fix": (
        "对照本人身份证改正出生日期或身份证号",
        "correct the birth date or the ID number from the person's ID card",
    ),
    "rule.VAL005": (
        "按“{label}”，监护人今年 {age} 岁，不在 16–100 岁之间",
        "by '{label}' the guardian is {age}, not between 16 and 100",
    ),
    "rule.VAL005.title": ("监护人年龄不合理", "guardian's age implausible"),
    "rule.VAL005.example": (
        "委托监护人身份证号显示 2012 年出生：监护人只有 12 岁",
        "the guardian's ID says born in 2012: a guardian of 12",
    ),
    "rule.VAL005.why": (
        "未成年人不能做委托监护人；年龄过大或过小，多半是号码或日期录错，也可能孩子其实无人照看",
        "a minor cannot be an entrusted guardian; an age this far out is usually a typing "
        "mistake, or the child may in fact have nobody to look after them",
    ),
    "rule.VAL005.fix": (
        "核对监护人的身份证号和出生日期；确实无人照看的，按监护类型“无人监护”上报并跟进",
        "check the guardian's ID number and birth date; if nobody looks after the child, "
        "report 无人监护 in 监护类型 and follow it up",
    ),
    "rule.VAL006": (
        "{label}是“{value}”，却填了监护人",
        "{label} says {value} (nobody looks after the child), yet a guardian is named",
    ),
    "rule.VAL006.title": ("无人监护却填了监护人", "无人监护 with a guardian named"),
    "rule.VAL006.example": (
        "监护类型 无人监护（或排查汇总表的实际监护情况 无委托照料人），委托监护人姓名 张大爷",
        "监护类型 无人监护 (or the county table's 实际监护情况 无委托照料人), "
        "委托监护人姓名 张大爷",
    ),
    "rule.VAL006.why": (
        "无人监护的孩子是最危险的一类，必须马上落实监护；两处矛盾，说明要么孩子其实有人照看，要么监护人只是挂名",
        "a child nobody looks after is the most urgent case; the contradiction means either "
        "someone does look after the child or the guardian is one in name only",
    ),
    "rule.VAL006.fix": (
        "上门核实：监护人确实在照看的，改正监护类型或实际监护情况；只是挂名的，按无人监护上报并落实监护",
        "visit and find out: if the guardian does look after the child, correct 监护类型 "
        "or 实际监护情况; "
        "if in name only, report 无人监护 and arrange care",
    ),
    "rule.VAL009": (
        "{label}“{kind}”与{care_label}“{care}”不一致；两种情况要求的联系方式都会检查",
        "{label} {kind} contradicts {care_label} {care}; the contacts either asks for are checked",
    ),
    "rule.VAL009.title": ("留守类型与实际监护情况矛盾", "留守类型 against 实际监护情况"),
    "rule.VAL009.example": (
        "实际监护情况“父母双方同时外出”，留守类型“非留守”",
        "实际监护情况 父母双方同时外出 with 留守类型 非留守",
    ),
    "rule.VAL009.why": (
        "一处说父母在外地、一处说不在，两者必有一错；若父母确实外出，孩子身边要有联系得上的监护人",
        "one column says the parents are away and the other not; if they are away, someone"
        " at home must be reachable",
    ),
    "rule.VAL009.fix": (
        "向班主任或家长核实父母是否外出，改正留守类型或实际监护情况中错的一处",
        "find out from the head teacher or the family whether the parents are away, and"
        " correct whichever of the two is wrong",
    ),
    "rule.VAL007": (
        "{label}是公式出错后显示的“{value}”，不是真实内容",
        "{label} shows “{value}”, the error of a formula, not a real value",
    ),
    "rule.VAL007.title": ("单元格是公式错误值", "a cell shows a formula's error"),
    "rule.VAL007.example": (
        "身份证号一栏显示 #N/A 或 #REF!（公式引用的表已删除），LibreOffice 里也可能显示 Err:502",
        "身份证号 shows #N/A or #REF! (the formula looks up a sheet since deleted), or "
        "LibreOffice's Err:502",
    ),
    "rule.VAL007.why": (
        "这一格原本是公式，引用的表格或单元格已经找不到，Excel 只显示错误值；孩子的这项信息其实没有",
        "the cell held a formula whose source is gone, so Excel shows only its error: the "
        "child's information is not there",
    ),
    "rule.VAL007.fix": (
        "在 Excel 里点开这一格看公式，找回它引用的表格；或者删掉公式，直接填入真实内容",
        "open the cell in Excel to see its formula and restore the sheet it refers to, or "
        "replace the formula with the real value",
    ),
    "rule.VAL010": (
        "{label}是公式，文件里没有保存它的计算结果，lbc 看不到它的值："
        "请用 Excel 或 WPS 打开这个文件再保存一次，或把这一列复制后“粘贴为数值”",
        "{label} holds a formula whose result was not saved in the file, so lbc cannot see"
        " its value: open the file in Excel or WPS and save it again, or copy the column and"
        " paste it as values",
    ),
    "rule.VAL010.title": ("公式没有保存计算结果", "a formula saved without its result"),
    "rule.VAL010.example": (
        "监护人电话一栏是公式（如 =VLOOKUP(…)），表格由软件生成后没有在 Excel 里打开保存过，"
        "Excel 里看得到号码，文件里却没有",
        "监护人电话 holds a formula (=VLOOKUP(…)) in a workbook a program wrote and nobody"
        " saved in Excel since: Excel shows the number, the file holds none",
    ),
    "rule.VAL010.why": (
        "Excel、WPS 打开时会现算公式，所以看得到内容；lbc 只读文件里保存的结果，"
        "这一格没有结果，既不能当作空着，也不能当作填好了，只能请学校把结果存进文件",
        "Excel and WPS work a formula out as they open the file, so its value shows; lbc"
        " reads only the results saved in the file, and this cell has none: neither empty"
        " nor filled in as far as lbc can tell, until the school saves the result in the file",
    ),
    "rule.VAL010.fix": (
        "用 Excel 或 WPS 打开这个文件，直接保存一次（会把公式结果一起存进去）；"
        "或者选中这一列，复制，再“选择性粘贴 → 数值”，把公式换成它的结果",
        "open the file in Excel or WPS and save it once (the results are saved with it); or"
        " select the column, copy it and paste special as values, the formulas replaced by"
        " their results",
    ),
    "rule.VAL008": (
        "{rows}{besides}只显示公式查找不到时的 #N/A，没有儿童信息，未算作儿童："
        "若是公式下拉过了头，请整行删除；若这些行是孩子，请填上公式查找所用的内容（如学籍号）",
        "{rows}: nothing but #N/A (a formula's lookup finding nothing){besides}, no child's"
        " data, so not counted as a child; if a formula was dragged down too far, delete the"
        " rows; if they are children, fill in what the formula looks up by (a 学籍号 …)",
    ),
    "rows.besides": ("除{labels}外", " besides {labels}"),
    "rule.VAL008.title": ("整行只显示 #N/A", "a row shows nothing but #N/A"),
    "rule.VAL008.example": (
        "最后一个孩子下面几行，除序号外每格都显示 #N/A（VLOOKUP 公式往下拖过了头）",
        "the rows under the last child show #N/A in every cell but 序号 (a VLOOKUP dragged"
        " down too far)",
    ),
    "rule.VAL008.why": (
        "这些行没有任何孩子的信息，lbc 不把它们算作儿童，不统计、不结对；"
        "但分不清是公式拖过了头，还是孩子的查找内容漏填了，所以报为错误。"
        "显示 #REF!、#VALUE! 等其他错误值的行多半是孩子的信息丢了，仍算作儿童，逐格报 VAL007",
        "the rows hold no child's data, so lbc counts and pairs nobody there; but it cannot"
        " tell a formula dragged too far from children whose lookup key was left out, so it"
        " is an error. Rows showing #REF!, #VALUE! or another error more likely lost a"
        " child's data: they are still children, each such cell said as VAL007",
    ),
    "rule.VAL008.fix": (
        "公式拖过了头的，把这些行整行删除；是孩子的，填上公式查找所用的内容（如学籍号），"
        "或直接填入孩子的真实信息",
        "if the formula was dragged too far, delete the rows; if they are children, fill in"
        " what the formula looks up by (a 学籍号 …), or type the children's real details in",
    ),
    "rows.span": ("第 {first}–{last} 行（共 {count} 行）", "rows {first}–{last} ({count} rows)"),
    "rule.CON006": (
        "留守类型未注明哪方外出，至少需要一方家长电话，以及监护人或另一方家长电话",
        "which parent is away is unsaid: a parent's phone is needed, and a guardian's or the other parent's",
    ),
    "rule.CON006.title": ("未注明哪方外出，联系电话不足", "parent unsaid: contacts short"),
    "rule.CON006.example": (
        "留守类型“单亲留守”，只有监护人电话，父母电话都空白",
        "单亲留守 with a guardian phone only",
    ),
    "rule.CON006.why": (
        "不知道是哪一方外出，就要保证两头都能联系上，既要有一位家长的电话，也要有监护人或另一位家长的电话",
        "without knowing which parent is away both ends must be reachable: a parent's phone, and a guardian's or the other parent's",
    ),
    "rule.CON006.fix": (
        "先在留守类型中写明是哪一方外出，再按要求补全电话；一时问不清的，先把家长和监护人的电话补上",
        "say in 留守类型 which parent is away, then fill in the phones that needs; until you know, fill in a parent's and a guardian's phone",
    ),
    "rule.CON007": (
        "父母均外出，监护人却是外出的父亲或母亲：没有登记在家照看孩子的人",
        "both parents away, yet the guardian listed is the away father or mother: nobody at"
        " home who looks after the child is on file",
    ),
    "rule.CON007.title": ("父母均外出，监护人是父母", "both away: guardian a parent"),
    "rule.CON007.example": (
        "留守类型 父母均外出，监护人 张建国、与儿童关系 父亲",
        "留守类型 父母均外出 with guardian 张建国, relation 父亲",
    ),
    "rule.CON007.why": (
        "父母都在外地，登记的监护人也是其中一人，孩子身边实际由谁照看无从得知，出了事找不到人",
        "with both parents away and one of them listed as guardian, nobody knows who looks"
        " after the child at home, and nobody nearby can be reached",
    ),
    "rule.CON007.fix": (
        "向班主任或家长核实实际在家照看孩子的人，把监护人改成这个人，填上与儿童关系和电话",
        "find out from the head teacher or parents who looks after the child at home, and"
        " enter that person as guardian with relation and phone",
    ),
    "rule.CON008": (
        "父母双方无监护能力，缺少{what}",
        "both parents unable to care and no {what}",
    ),
    "rule.CON008.title": (
        "父母无监护能力，监护人信息不全",
        "parents unable to care: guardian incomplete",
    ),
    "rule.CON008.example": (
        "实际监护情况“父母双方无监护能力”，委托监护人姓名、电话空白",
        "实际监护情况 父母双方无监护能力 with no guardian name or phone",
    ),
    "rule.CON008.why": (
        "父母在家却照顾不了孩子，照看孩子的是委托的监护人；缺了监护人的姓名、关系或电话，出了事学校找不到能管孩子的人",
        "the parents are at home but cannot look after the child, so the guardian entrusted does; without their name, relation or phone the school cannot reach anyone who can act",
    ),
    "rule.CON008.fix": (
        "问清委托谁照看孩子，补填监护人姓名、与儿童关系和电话；确实没人照看的，按监护类型“无人监护”上报并跟进",
        "find out who has been entrusted with the child and fill in the guardian's name, relation and phone; if nobody looks after the child, report 无人监护 in 监护类型 and follow it up",
    ),
    "rule.CON009": (
        "监护人电话就是外出的{who}的电话：在家照看孩子的人没有电话",
        "the guardian's phone is the away {who}'s: nobody at home has a phone on file",
    ),
    "rule.CON009.title": ("监护人电话是外出家长的", "guardian's phone is an away parent's"),
    "rule.CON009.example": (
        "“父母均外出”，父亲电话和监护人电话都是 13800000001",
        "父母均外出 with 父亲电话 and 监护人电话 both 13800000001",
    ),
    "rule.CON009.why": (
        "这个号码打过去是在外地打工的家长，孩子在家出了事，身边照看的人联系不上",
        "that number reaches the parent working far away; if something happens at home,"
        " nobody who looks after the child can be reached",
    ),
    "rule.CON009.fix": (
        "问清在家照看孩子的人，填上他（她）自己的电话；一方外出的，也可以填在家那一方家长的电话",
        "find out who looks after the child at home and enter their own phone; with one parent"
        " away, the parent at home's phone does too",
    ),
    "rule.CON001": (
        "父母均外出，缺少{what}",
        "both parents away and no {what}",
    ),
    "rule.CON001.title": ("父母均外出，监护人信息不全", "both away: guardian incomplete"),
    "rule.CON001.example": (
        "留守类型“父母均外出”，监护人电话空白",
        "父母均外出 with no guardian phone",
    ),
    "rule.CON001.why": (
        "父母都不在身边，监护人就是孩子身边唯一的大人；缺了监护人的姓名、关系或电话，出了事学校找不到人",
        "with both parents away the guardian is the only adult at hand; without their name, relation or phone the school cannot reach anyone when something happens",
    ),
    "rule.CON001.fix": (
        "问清实际照看孩子的人是谁，补填监护人姓名、与儿童关系和电话",
        "find out who really looks after the child and fill in the guardian's name, relation and phone",
    ),
    "rule.CON002": (
        "父母均外出，父母双方都没有联系电话",
        "both parents away and neither parent has a phone",
    ),
    "rule.CON002.title": ("父母均外出，父母都无电话", "both away: no parent phone"),
    "rule.CON002.example": ("父亲电话、母亲电话都空白", "父亲电话 and 母亲电话 both blank"),
    "rule.CON002.why": (
        "父母都外出时，至少要能联系上其中一位，孩子有事才能及时告诉父母",
        "with both parents away at least one must be reachable, so they can be told when something happens",
    ),
    "rule.CON002.fix": (
        "通过监护人或家访问到父亲或母亲的手机号，至少填一个",
        "get the father's or the mother's mobile through the guardian or a home visit, and fill in at least one",
    ),
    "rule.CON003": ("{who}外出，缺少{who}电话", "{who} away and no {who}'s phone"),
    "rule.CON003.title": ("外出家长无电话", "away parent has no phone"),
    "rule.CON003.example": ("留守类型“父亲外出”，父亲电话空白", "父亲外出 with no 父亲电话"),
    "rule.CON003.why": (
        "外出的家长不在本地，电话是学校和他沟通孩子情况的唯一办法",
        "the parent away is far from home: the phone is the school's only way to talk to them about the child",
    ),
    "rule.CON003.fix": (
        "通过在家的家长或监护人问到外出家长的电话，补填上",
        "get the away parent's phone from the parent or guardian at home and fill it in",
    ),
    "rule.CON004": (
        "{who}外出，监护人和另一方家长都没有电话",
        "{who} away and neither a guardian nor the other parent has a phone",
    ),
    "rule.CON004.title": ("单亲外出，家中无人可联系", "one away: nobody at home reachable"),
    "rule.CON004.example": (
        "“母亲外出”，父亲电话和监护人电话都空白",
        "母亲外出, no 父亲电话 and no 监护人电话",
    ),
    "rule.CON004.why": (
        "一方家长外出，家里必须有一个联系得上的大人（另一方家长或监护人），孩子有急事才能马上找到人",
        "with one parent away someone at home (the other parent or a guardian) must be reachable at once if something happens",
    ),
    "rule.CON004.fix": (
        "补填在家照看孩子的家长或监护人的电话",
        "fill in the phone of the parent or guardian who looks after the child at home",
    ),
    "rule.CON005": (
        "{who}外出，务工地点未填到省、市",
        "{who} away and the work place is not given to province and city",
    ),
    "rule.CON005.title": ("外出家长务工地点不详", "away parent's work place unknown"),
    "rule.CON005.example": ("父亲务工地址填“外地”", "父亲务工地址 “外地”"),
    "rule.CON005.why": (
        "知道家长在哪个省、哪个市务工，需要时才能找到人，上级统计外出务工去向也要用到",
        "knowing the province and city where a parent works helps reach them when needed, and the county's figures on where parents work use it",
    ),
    "rule.CON005.fix": (
        "向家里问清务工地点，至少写到省和市，如“广东省东莞市”，不要只写“外地”“打工”",
        "ask the family and write at least province and city, e.g. 广东省东莞市, not just 外地 or 打工",
    ),
    "rule.CON010": (
        "留守类型写{who}外出，务工地点却写着“{place}”，像是已经回家",
        "留守类型 says the {who} is away, but the work place says “{place}”, as if back home",
    ),
    "rule.CON010.title": ("外出家长的务工地点写着已回家", "away parent's work place says home"),
    "rule.CON010.example": (
        "留守类型“父亲外出”，父亲务工地址填“已回家”",
        "父亲外出 with 父亲务工地址 “已回家”",
    ),
    "rule.CON010.why": (
        "一处说家长在外务工、一处说已经回家，两者必有一错：家长已回家的，孩子可能不再是留守儿童，"
        "上报的留守儿童人数会多算；仍在外的，需要时要找得到人",
        "one cell says the parent works away and another that they are back: if they are back, the"
        " child may no longer be left behind, and the county's count is too high; if they are away,"
        " they must be reachable",
    ),
    "rule.CON010.fix": (
        "问清家长现在在哪里：已回家的，改“留守类型”（父母都在家的改为“非留守”）；"
        "仍在外务工的，写明务工的省、市，如“广东省东莞市”",
        "ask where the parent is now: back home, correct 留守类型 (非留守 if both parents are home);"
        " still away, write the province and city, e.g. 广东省东莞市",
    ),
    "rule.TCH001": ("教师没有联系电话", "teacher has no phone"),
    "rule.TCH001.title": ("教师无联系电话", "teacher without a phone"),
    "rule.TCH001.example": ("教师名单中联系电话空白", "blank 联系电话 in the teacher list"),
    "rule.TCH001.why": (
        "教师没有电话，家长和学校在结对帮扶中就联系不上这位老师",
        "without a phone neither families nor the school can reach the teacher about the children they support",
    ),
    "rule.TCH001.fix": (
        "在教师名单中补填这位老师的手机号",
        "fill in the teacher's mobile in the teacher list",
    ),
    "rule.TCH002": (
        "教师姓名与{other}重名，请在备注中注明区分",
        "same teacher name as {other}; add a distinguishing note",
    ),
    "rule.TCH002.title": ("教师重名", "duplicate teacher name"),
    "rule.TCH002.example": ("两位“王芳”且备注为空", "two 王芳 with no note"),
    "rule.TCH002.why": (
        "两位老师同名又没有区分，结对名单和帮扶记录就分不清是哪一位",
        "two teachers with one name and nothing to tell them apart make pairs and records ambiguous",
    ),
    "rule.TCH002.fix": (
        "在两人的“备注”里写上不同的说明，如任教科目或出生年份",
        "write a different note for each, such as their subject or year of birth",
    ),
    "rule.TCH003": (
        "帮扶教师“{name}”不在{list}",
        "support teacher '{name}' is not in {list}",
    ),
    "rule.TCH003.list": ("教师名单中", "the teacher list"),
    "rule.TCH003.elsewhere": (
        "本校的教师名单中（只在{schools}的教师名单上）",
        "the school's teacher list (only on {schools}'s)",
    ),
    "rule.TCH003.title": ("帮扶教师不在教师名单", "support teacher unknown"),
    "rule.TCH003.example": ("花名册写“刘老师”，教师名单没有此人", "“刘老师” not in the list"),
    "rule.TCH003.why": (
        "帮扶教师不在教师名单中，这个结对就核实不了，老师的帮扶人数也统计不到",
        "a support teacher missing from the teacher list cannot be checked, and their number of children is not counted",
    ),
    "rule.TCH003.fix": (
        "把这位老师加进教师名单；如果是写法不同（如“刘老师”），改成名单上的全名",
        "add the teacher to the list, or write the name as the list has it (a full name, not 刘老师)",
    ),
    "rule.TCH004": (
        "帮扶教师一栏写了 {count} 位教师（{names}），按{name}计为这名儿童的帮扶教师",
        "the support teacher cell names {count} teachers ({names}); the child is counted as {name}'s",
    ),
    "rule.TCH004.title": ("一栏写了几位帮扶教师", "several support teachers in one cell"),
    "rule.TCH004.example": ("帮扶教师写“王芳、李强”", "“王芳、李强” as the support teacher"),
    "rule.TCH004.why": (
        "每名儿童由一位教师结对帮扶：一栏写了几位，各项统计、待办清单和结对都按其中第一位在岗的教师计，另几位的帮扶记录不算在这名儿童的结对教师名下",
        "each child is paired with one teacher: with several named, every count, to-do list and pairing takes the first of them in post, and the others' records are not counted as the paired teacher's",
    ),
    "rule.TCH004.fix": (
        "只留一位帮扶教师；另一位老师的帮扶可写在备注中",
        "keep one support teacher; note the other's help under 备注",
    ),
    "rule.TCH005": (
        "帮扶学生“{name}”不在花名册中，没有结对",
        "child '{name}' is not in the roster: not paired",
    ),
    "rule.TCH005.title": ("教师名单的帮扶学生不在花名册", "listed child unknown"),
    "rule.TCH005.example": (
        "教师名单王芳一行的帮扶学生写“李小明”，花名册没有",
        "王芳's row lists “李小明”, who is not in the roster",
    ),
    "rule.TCH005.why": (
        "教师名单上写的帮扶学生在花名册中找不到，这个结对就不算数：孩子会被当作没有帮扶教师，"
        "老师的待办和帮扶记录也算不到孩子名下",
        "a child the roster does not have cannot be paired: the child counts as having no"
        " support teacher, and the teacher's to-do list and records miss the child",
    ),
    "rule.TCH005.fix": (
        "核对学生姓名有没有写错（错字、同音字），或把这个孩子补进花名册；孩子已离校的，从这一栏删去",
        "check the name for a wrong character, or add the child to the roster; strike out a"
        " child who has left",
    ),
    "rule.TCH006": (
        "帮扶学生“{name}”在花名册中有 {count} 名同名儿童（{rows}），分不清是哪一个，没有结对；"
        "请在名字后用括号注明班级",
        "child '{name}' matches {count} children of the roster ({rows}): not paired; add the"
        " class in brackets after the name",
    ),
    "rule.TCH006.title": ("教师名单的帮扶学生有重名", "listed child has namesakes"),
    "rule.TCH006.example": (
        "帮扶学生写“王浩”，花名册有两个王浩",
        "“王浩” listed, and the roster has two",
    ),
    "rule.TCH006.why": (
        "花名册里有几个同名的孩子，只写名字就不知道老师帮扶的是哪一个，哪一个也不能算结对",
        "several children share the name: nobody can tell which one the teacher supports, so"
        " neither is paired",
    ),
    "rule.TCH006.fix": (
        "在名字后用括号写上孩子的班级，如“王浩(三年级2班)”；同班重名的，请把结对填在花名册“帮扶教师”列",
        "write the child's class in brackets after the name, as “王浩(三年级2班)”; for"
        " namesakes in one class, write the teacher in the roster's 帮扶教师 column",
    ),
    "rule.TCH007": (
        "帮扶学生“{name}”在{where}的帮扶教师是{teacher}，与这里不同；{outcome}",
        "child '{name}' has {teacher} as support teacher in {where}, not this teacher; {outcome}",
    ),
    "tch007.roster": ("花名册{where}", "the roster, {where}"),
    "tch007.list": ("教师名单{where}", "the teachers list, {where}"),
    "tch007.kept": (
        "以花名册为准，计为{teacher}的帮扶学生",
        "the roster stands: counted as {teacher}'s",
    ),
    "tch007.neither": (
        "两处都不算，这名儿童暂无帮扶教师",
        "neither counts: the child has no support teacher until one is struck out",
    ),
    "rule.TCH007.title": ("两处写的帮扶教师不同", "two support teachers for one child"),
    "rule.TCH007.example": (
        "花名册张雨涵的帮扶教师是李强，教师名单又写在王芳名下",
        "the roster pairs 张雨涵 with 李强, the teachers list with 王芳",
    ),
    "rule.TCH007.why": (
        "每名儿童由一位教师结对帮扶：两处写的不同，就不知道该谁帮扶。与花名册“帮扶教师”列不同时以花名册为准"
        "（各项统计一直按它计算）；教师名单上两位教师名下都写了时，哪一位都不算",
        "each child is paired with one teacher: two places naming two teachers leave it"
        " unclear whose the child is. Against the roster's 帮扶教师 column the roster stands"
        " (every count has always used it); two teachers of the list naming the child pair it"
        " with neither",
    ),
    "rule.TCH007.fix": (
        "问清孩子由哪位老师帮扶，把另一处改过来或删去",
        "find out which teacher supports the child, and correct or strike out the other",
    ),
    "rule.REC001": (
        "记录中的教师“{name}”不在教师名单中",
        "teacher '{name}' in this record is not in the teacher list",
    ),
    "rule.REC001.title": ("记录的教师未登记", "record names an unknown teacher"),
    "rule.REC001.example": ("帮扶记录写“赵老师”，教师名单没有", "“赵老师” not in the list"),
    "rule.REC001.why": (
        "记录里的教师不在名单上，这条帮扶记录就算不到任何一位老师名下",
        "a record by a teacher not on the list counts towards nobody's support work",
    ),
    "rule.REC001.fix": (
        "把教师姓名改成名单中的写法，或把这位老师补进教师名单",
        "write the name as the teacher list does, or add the teacher to the list",
    ),
    "rule.REC002": (
        "记录中的学生“{name}”不在花名册中{why}",
        "child '{name}' in this record is not in the roster{why}",
    ),
    "rule.REC002.other_class": (
        "（花名册中有这名学生，但不在记录写的{cls}）",
        " (the roster has a child of this name, not in the record's class {cls})",
    ),
    "rule.REC002.several": (
        "（一行写了 {count} 名学生，请每名学生各写一行）",
        " ({count} children in one row: write a row for each)",
    ),
    "rule.REC002.title": ("记录的学生未登记", "record names an unknown child"),
    "rule.REC002.example": ("帮扶记录写“李小明”，花名册没有", "“李小明” not in the roster"),
    "rule.REC002.why": (
        "记录里的学生在花名册中找不到，这次帮扶就记不进孩子的档案",
        "a child the roster does not have means the support cannot be filed under any child",
    ),
    "rule.REC002.fix": (
        "核对学生姓名有没有写错（错字、同音字），或把这个孩子补进花名册",
        "check the name for a wrong character, or add the child to the roster",
    ),
    "rule.REC003": (
        "记录中的学生“{name}”对应花名册中 {count} 名儿童，{ask}",
        "'{name}' matches {count} children; {ask}",
    ),
    "rec003.ask_class": (
        "请注明班级（同班重名的再写出生日期）",
        "add the class (and, for namesakes in one class, the birth date)",
    ),
    "rec003.ask_birth": (
        "都在{cls}，请写上孩子的出生日期",
        "all in {cls}: add the child's birth date",
    ),
    "rec003.ask_roster": (
        "都在{cls}，记录写的出生日期也分不出是哪一名：请核对花名册上他们的出生日期和身份证件号",
        "all in {cls}, and the record's birth date does not tell which: check their birth "
        "dates and ID numbers on the roster",
    ),
    "rule.REC003.title": ("记录的学生有重名", "record matches several children"),
    "rule.REC003.example": ("两个“王浩”在不同班，记录未写班级", "two 王浩, no class given"),
    "rule.REC003.why": (
        "花名册里有几个同名的孩子，不写班级就不知道帮扶的是哪一个",
        "several children share the name; without the class nobody can tell which one was supported",
    ),
    "rule.REC003.fix": (
        "在这条记录的“班级”一栏写上孩子的班级；同班有重名的，再在“出生日期”一栏写上孩子的出生日期"
        "（lbc record-sheets 生成的记录表已为重名儿童预填）",
        "fill in the record's 班级 column; for namesakes in one class, its 出生日期 column too "
        "(the sheets lbc record-sheets writes have it filled in for them)",
    ),
    "rule.REC004": (
        "无法识别的帮扶类型，可填：{allowed}",
        "unknown kind of support; allowed: {allowed}",
    ),
    "rule.REC004.title": ("帮扶类型无法识别", "unknown record kind"),
    "rule.REC004.example": ("类型填“聊天”", "“聊天”"),
    "rule.REC004.why": (
        "帮扶类型认不出来，按类型统计帮扶工作时这条记录就归不了类",
        "an unknown kind of support cannot be counted under any kind",
    ),
    "rule.REC004.fix": (
        "改成提示中列出的类型之一，如“谈心”“家访”；一行写了两种联系的（谈心，家访），分成两行",
        "use one of the listed kinds, such as 谈心 or 家访; a row of two contacts (谈心，家访) "
        "becomes two rows",
    ),
    "rule.REC005": (
        "日期 {date} 不在这份记录表的学期内（{start}至{end}），这条记录不计入本学期",
        "date {date} is outside this record sheet's term ({start} to {end}); the record does not count for the term",
    ),
    "rule.REC005.title": ("记录日期不在学期内", "record dated outside the term"),
    "rule.REC005.example": (
        "2024年秋季学期的记录表写了 2023-10-08",
        "2023-10-08 on a sheet for 2024年秋季学期",
    ),
    "rule.REC005.why": (
        "记录表是按学期发的，学期外的日期多半是年份或月份写错了，这次谈心、家访就算不进本学期",
        "the sheet is for one term: a date outside it is most likely a wrong year or month, and the talk or visit is lost to the term",
    ),
    "rule.REC005.fix": (
        "按实际日期改正，写成 2024-10-08 这样的格式",
        "write the real date, as 2024-10-08",
    ),
    "rule.REC006": (
        "“{name}”的帮扶教师是{owner}，这条记录由{teacher}填写；已计入该儿童",
        "{name}'s support teacher is {owner}; this record is by {teacher}; counted for the child",
    ),
    "rule.REC006.title": ("记录了其他老师结对的儿童", "record for another teacher's child"),
    "rule.REC006.example": (
        "王芳的记录表里写了李强结对的刘浩然",
        "王芳's sheet has a talk with 李强's child 刘浩然",
    ),
    "rule.REC006.why": (
        "记录会计入这名儿童，但不计入他帮扶教师本人的完成情况；学校应知道是谁做了这项工作",
        "the record counts for the child but not for the child's own teacher; the school should know who did the work",
    ),
    "rule.REC006.fix": (
        "如确是代为谈心或家访，无需修改；如写错了学生，请改正学生姓名",
        "nothing to do if the teacher stood in; if the child is wrong, correct the name",
    ),
    "rule.REC007": (
        "日期 {date} 不在任何学期内，这条记录不计入任何学期",
        "date {date} is in no term; the record counts for no term",
    ),
    "rule.REC007.title": ("记录日期不在任何学期", "record dated in no term"),
    "rule.REC007.example": (
        "暑假中 2024-08-20 的家访",
        "a home visit on 2024-08-20, in the summer",
    ),
    "rule.REC007.why": (
        "lbc due 和学期工作总结只统计学期内的谈心、家访，假期里的记录不计入任何学期（学年内两个学期之间的送温暖计入本学年，不在此列）；日期也可能是写错了",
        "lbc due and the term's summary count the talks and visits of a term: a record of the holidays counts in none (a 送温暖 between two terms of a school year counts for that year, and is not said); the date may be a typo",
    ),
    "rule.REC007.fix": (
        "日期写错的，按实际日期改正；学校的学期起止日期与默认不同的（如 8 月底开学），在 lbc.toml 的 [terms] 中设定；确是假期中的记录，无需修改",
        "correct a mistyped date; a school whose terms start or end on other days (term from late August) sets them under [terms] in lbc.toml; a record of the holidays needs nothing",
    ),
    "rule.REC008": (
        "“类型”写的是没有联系上孩子或还没有进行，这条记录不算一次联系",
        "the kind says no contact was made, or not yet: the record counts as no contact",
    ),
    "rule.REC009": (
        "“内容”写的是这次{kind}没有联系上孩子或还没有进行，这条记录不算一次联系",
        "the content says this {kind} made no contact, or not yet: the record counts as no contact",
    ),
    "rule.REC009.title": ("内容写的是没有联系上", "content says no contact"),
    "rule.REC009.example": (
        "类型“家访”，内容“家访未遇，家中无人”",
        "类型 家访 with 内容 家访未遇，家中无人",
    ),
    "rule.REC009.why": (
        "记录表的类型是下拉选项，没见到人只能写在内容里；按一次家访算，就会漏掉一直没人联系上的孩子",
        "a record sheet's 类型 is a dropdown, so a visit that met nobody is said in its content;"
        " counted as a visit, a child nobody has reached would be missed",
    ),
    "rule.REC009.fix": (
        "再联系一次，联系上后另写一条记录；确实联系上了的，把内容写清楚见到了谁",
        "reach the child again and write that contact down; if the contact was made, say in"
        " the content whom you met",
    ),
    "rule.REC010": (
        "“类型”未填写：这条记录只算一次联系，不算谈心、家访或送温暖",
        "the kind is empty: the record counts as a contact, not as a talk, a home visit or warmth",
    ),
    "rule.REC010.title": ("记录没有写类型", "record without a kind"),
    "rule.REC010.example": (
        "日期、内容都写了（到家中家访，见到奶奶），“类型”空着",
        "a dated record (到家中家访，见到奶奶) with an empty 类型",
    ),
    "rule.REC010.why": (
        "谈心、家访、送温暖按“类型”统计，类型空着的记录不计入，孩子会被列为漏谈、未家访",
        "talks, visits and warmth are counted by 类型: a record without one counts for none,"
        " and the child is listed as owing them",
    ),
    "rule.REC010.fix": (
        "按实际填上类型，如“谈心”“家访”“电话联系”",
        "fill in the kind, such as 谈心, 家访 or 电话联系",
    ),
    "rule.REC011": (
        "这一行与{row}的日期、教师、学生、类型、内容都相同，按两条记录计入；如果是重复录入，请删去一行",
        "this row has the date, teacher, child, kind and content of {row}: counted as two "
        "records; if written twice by mistake, delete one row",
    ),
    "rule.REC011.title": ("同一张表上重复的记录", "record written twice on one sheet"),
    "rule.REC011.example": (
        "第 5 行和第 9 行都是 2024-10-08 王芳与张雨涵谈心，内容都是“了解学习情况”",
        "rows 5 and 9 both say 王芳 talked with 张雨涵 on 2024-10-08, 了解学习情况",
    ),
    "rule.REC011.why": (
        "同一天可能确实谈了两次，所以两行按两条记录计入；但多半是复制多了一行，谈心次数和完成率就多算了",
        "two talks on one day are real, so both rows count; but most likely a row was copied"
        " once too often, and the talks and rates count it twice",
    ),
    "rule.REC011.fix": (
        "重复录入的，删去其中一行；确是两次的，在“内容”里写明各自谈了什么，提示就不再出现",
        "delete one row if it was written twice; if there were two, say in each row's 内容 what"
        " it was about, and the warning goes",
    ),
    "rule.REC008.title": ("记录写的是没有联系上", "record of no contact"),
    "rule.REC008.example": (
        "类型填“未家访”“家访未遇”“计划家访”",
        "“未家访”, “家访未遇”, “计划家访”",
    ),
    "rule.REC008.why": (
        "lbc due、关注名单和学期工作总结按记录算孩子多久没人联系；没见到孩子的家访、还没做的计划"
        "不是一次联系，算进去就会漏掉一直没人联系上的孩子",
        "lbc due, the watch list and the term's summary count how long a child has gone without "
        "contact from the records: a visit that met nobody, or one only planned, is no contact, "
        "and counted as one it hides a child nobody has reached",
    ),
    "rule.REC008.fix": (
        "没见到人的，再联系一次，联系上后另写一条记录；计划中的家访，做完后再写；确实联系上了的，"
        "把类型改成“家访”“电话联系”等",
        "reach the child again and write that contact down; write a planned visit once it is "
        "made; if the contact was made, change the kind to 家访, 电话联系 or the like",
    ),
    "rule.TRM001": (
        "各校学期这一行没有用上：{problem}；该校的记录按所用 lbc.toml 的学期日期计算",
        "this row of 各校学期 was not used: {problem}; the school's records are dated by the"
        " term dates of the lbc.toml in use",
    ),
    "rule.TRM001.title": ("各校学期的一行读不出", "a row of 各校学期 cannot be read"),
    "rule.TRM001.example": (
        "合并名册的“各校学期”表里，开始日期写成 2024-13-01",
        "in a merged roster's 各校学期 sheet, a 开始日期 of 2024-13-01",
    ),
    "rule.TRM001.why": (
        "lbc merge 把各校 lbc.toml 里的学期日期写进合并名册的“各校学期”表，在合并名册上运行的命令"
        "按它给各校记录定学期；读不出的一行不起作用，该校就按默认学期日期统计，结果与在县文件夹上运行时不同",
        "lbc merge writes each school's own term dates (its lbc.toml's [terms]) into the merged"
        " roster's 各校学期 sheet, by which every command run on the merged roster dates that"
        " school's records; a row that cannot be read counts for nothing, and the school is"
        " counted by the default dates, unlike a run on the county's folder",
    ),
    "rule.TRM001.fix": (
        "按“学校、学期（如 2024年秋季学期）、开始日期、结束日期”改正这一行，日期写成 2024-08-26；"
        "学校名与名册的“学校”列一致；一个学校的一个学期只写一行",
        "correct the row as 学校, 学期 (2024年秋季学期 or 2024-autumn), 开始日期, 结束日期, dates"
        " written 2024-08-26, the school named as the roster's 学校 column names it; one row"
        " per school and term",
    ),
    "terms_sheet.no_school": ("没有写学校", "no school"),
    "terms_sheet.not_on_roster": (
        "名册上没有学校“{school}”（与名册“学校”列的写法不一致）",
        'the roster has no school "{school}" (its 学校 column names none so)',
    ),
    "terms_sheet.bad_term": (
        "“{term}”不是一个学期（应写作 2024年秋季学期 或 2024-autumn）",
        '"{term}" is no term (write 2024年秋季学期 or 2024-autumn)',
    ),
    "terms_sheet.bad_date": (
        "“{date}”不是日期（应写作 2024-08-26）",
        '"{date}" is no date (write 2024-08-26)',
    ),
    "terms_sheet.after_end": (
        "开始日期 {start} 晚于结束日期 {end}",
        "the start, {start}, is after the end, {end}",
    ),
    "terms_sheet.again": (
        "该校的{term}已在第 {row} 行写过",
        "the school's {term} is given already on row {row}",
    ),
    "rule.QTA001": (
        "各校要求这一行没有用上：{problem}；该校按所用 lbc.toml 的 [quotas] 计算",
        "this row of 各校要求 was not used: {problem}; the school is judged by the [quotas]"
        " of the lbc.toml in use",
    ),
    "rule.QTA001.title": ("各校要求的一行读不出", "a row of 各校要求 cannot be read"),
    "rule.QTA001.example": (
        "合并名册的“各校要求”表里，最多无联系天数的数量写成 两周",
        "in a merged roster's 各校要求 sheet, a 数量 of 两周 for 最多无联系天数",
    ),
    "rule.QTA001.why": (
        "lbc merge 把各校 lbc.toml 里的 [quotas] 写进合并名册的“各校要求”表，在合并名册上运行的"
        " lbc due、lbc watch 按它判断该校儿童是否逾期；读不出的一行不起作用，该校就按所用 lbc.toml"
        " 的要求判断，结果与在县文件夹上运行时不同",
        "lbc merge writes each school's own [quotas] (its lbc.toml's) into the merged roster's"
        " 各校要求 sheet, by which lbc due and lbc watch on the merged roster judge that school's"
        " children; a row that cannot be read counts for nothing, and the school is judged by"
        " the lbc.toml in use, unlike a run on the county's folder",
    ),
    "rule.QTA001.fix": (
        "按“学校、要求（如 每月谈心次数）、数量（0 到 366 之间的整数）”改正这一行；"
        "学校名与名册的“学校”列一致；一个学校的一项要求只写一行",
        "correct the row as 学校, 要求 (每月谈心次数, or its lbc.toml key), 数量 (a whole number"
        " from 0 to 366), the school named as the roster's 学校 column names it; one row per school"
        " and quota",
    ),
    "quotas_sheet.bad_quota": (
        "“{quota}”不是一项要求（应写作 每月谈心次数、每学期家访次数、每学年送温暖次数、"
        "每名教师至少帮扶儿童数 或 最多无联系天数）",
        '"{quota}" is no quota (write 每月谈心次数, 每学期家访次数, 每学年送温暖次数,'
        " 每名教师至少帮扶儿童数 or 最多无联系天数)",
    ),
    "quotas_sheet.bad_count": (
        "数量“{count}”不是 {most}",
        'the count "{count}" is not {most}',
    ),
    "quotas_sheet.again": (
        "该校的“{quota}”已在第 {row} 行写过",
        "the school's {quota} is given already on row {row}",
    ),
    "rule.WST001": (
        "各校关注这一行没有用上：{problem}；该校按所用 lbc.toml 的 [watch] 列出重点关注儿童",
        "this row of 各校关注 was not used: {problem}; the school's watch list is drawn by the"
        " [watch] of the lbc.toml in use",
    ),
    "rule.WST001.title": ("各校关注的一行读不出", "a row of 各校关注 cannot be read"),
    "rule.WST001.example": (
        "合并名册的“各校关注”表里，最低关注分的值写成 四分",
        "in a merged roster's 各校关注 sheet, a 值 of 四分 for 最低关注分",
    ),
    "rule.WST001.why": (
        "lbc merge 把各校 lbc.toml 里的 [watch] 写进合并名册的“各校关注”表，在合并名册上运行的"
        " lbc watch、lbc summary、lbc pair、lbc cards 按它列出该校的重点关注儿童；读不出的一行不起"
        "作用，该校就按所用 lbc.toml 的设置列出，名单与在县文件夹上运行时不同",
        "lbc merge writes each school's own [watch] (its lbc.toml's) into the merged roster's"
        " 各校关注 sheet, by which lbc watch, lbc summary, lbc pair and lbc cards on the merged"
        " roster draw that school's watch list; a row that cannot be read counts for nothing,"
        " and the school's list is drawn by the lbc.toml in use, unlike a run on the county's"
        " folder",
    ),
    "rule.WST001.fix": (
        "按“学校、设置（最低关注分、高龄监护人年龄，或 WCH013 权重 这样的条件权重）、值（不小于 0"
        " 的整数）”改正这一行；学校名与名册的“学校”列一致；一个学校的一项设置只写一行",
        "correct the row as 学校, 设置 (最低关注分, 高龄监护人年龄, a criterion's weight such as"
        " WCH013 权重, or its lbc.toml key), 值 (a whole number from 0), the school named as the"
        " roster's 学校 column names it; one row per school and setting",
    ),
    "watch_sheet.bad_setting": (
        "“{setting}”不是一项设置（应写作 最低关注分、高龄监护人年龄，或 WCH001 权重 这样的"
        "重点关注条件权重，lbc rules 列出 WCH 开头的全部条件）",
        '"{setting}" is no setting (write 最低关注分, 高龄监护人年龄, or a watch criterion\'s'
        " weight such as WCH001 权重; lbc rules lists the WCH codes)",
    ),
    "watch_sheet.bad_value": (
        "值“{value}”不是不小于 0 的整数",
        'the value "{value}" is no whole number from 0',
    ),
    "watch_sheet.again": (
        "该校的“{setting}”已在第 {row} 行写过",
        "the school's {setting} is given already on row {row}",
    ),
    # ---- the watch list's criteria (lbc watch) ----
    "rule.WCH001": ("{why}，没有委托监护人", "{why} and no guardian"),
    "rule.WCH001.title": (
        "父母均外出或都无监护能力，无人监护",
        "parents away or unable, no guardian",
    ),
    "rule.WCH001.example": (
        "留守类型 父母均外出，委托监护人姓名 空",
        "留守类型 父母均外出, 委托监护人姓名 empty",
    ),
    "rule.WCH001.why": (
        "父母都不在身边又没有委托监护人的孩子，生活和安全都没人看着",
        "with both parents away and nobody entrusted, nobody is looking after the child",
    ),
    "rule.WCH001.fix": (
        "上门核实，落实委托监护人并填入花名册；确实无人照看的，上报并安排照护",
        "visit, arrange a guardian and write them in; if nobody can, report it and arrange care",
    ),
    "rule.WCH002": ("{label}为{value}", "{label} says {value} (nobody looks after the child)"),
    "rule.WCH002.title": ("无人监护", "无人监护"),
    "rule.WCH002.example": (
        "监护类型 无人监护；排查汇总表的实际监护情况 无委托照料人",
        "监护类型 无人监护; the county table's 实际监护情况 无委托照料人",
    ),
    "rule.WCH002.why": (
        "无人监护（排查汇总表写作无委托照料人）是登记表里最危险的一档，必须马上落实监护",
        "the registration form's worst grade (the county table's 无委托照料人): "
        "care must be arranged at once",
    ),
    "rule.WCH002.fix": (
        "会同村（居）委会落实监护，每周了解孩子情况",
        "arrange care with the village committee and check on the child every week",
    ),
    "rule.WCH003": ("监护类型为{rating}", "监护类型 says {rating}"),
    "rule.WCH003.title": ("监护能力不足", "guardianship lacking"),
    "rule.WCH003.example": (
        "监护类型 受委托监护人监护能力不足；排查汇总表的监护情况 差",
        "监护类型 受委托监护人监护能力不足; the county table's 监护情况 差",
    ),
    "rule.WCH003.why": (
        "有监护人但照看不了孩子，和无人照看只差一步",
        "someone is there but cannot look after the child: one step from nobody",
    ),
    "rule.WCH003.fix": (
        "家访了解监护人的困难，联系外出家长，必要时更换委托监护人",
        "visit to learn what the guardian cannot do, call the parents, change the guardian if need be",
    ),
    "rule.WCH004": ("监护人 {age} 岁", "the guardian is {age}"),
    "rule.WCH004.title": ("监护人年迈", "elderly guardian"),
    "rule.WCH004.example": (
        "委托监护人出生日期 1950-03-01（年龄界限见 lbc.toml 的 [watch] guardian_age）",
        "委托监护人出生日期 1950-03-01 (the age limit is guardian_age under [watch] in lbc.toml)",
    ),
    "rule.WCH004.why": (
        "年迈的祖辈往往只能管吃住，顾不上学习和安全，自己也可能需要照顾",
        "an elderly grandparent can often give food and a bed but not schooling or safety, "
        "and may need care themselves",
    ),
    "rule.WCH004.fix": (
        "班主任和帮扶教师多关心孩子的学习和安全，定期与外出家长通话",
        "the head and support teachers watch the child's schooling and safety and call the "
        "parents regularly",
    ),
    "rule.WCH005": ("监护人身体状况：{health}", "the guardian's health: {health}"),
    "rule.WCH005.title": ("监护人身体差", "guardian in poor health"),
    "rule.WCH005.example": ("监护人身体状况 患病", "监护人身体状况 患病"),
    "rule.WCH005.why": (
        "监护人自己生病或残疾，孩子可能反过来照顾大人",
        "a sick or disabled guardian may be cared for by the child rather than the other way",
    ),
    "rule.WCH005.fix": (
        "家访了解家里的实际情况，联系外出家长和村委会",
        "visit to see how the household manages; call the parents and the village committee",
    ),
    "rule.WCH006": ("监护人未成年（{age} 岁）", "the guardian is a minor ({age})"),
    "rule.WCH006.title": ("监护人未成年", "guardian is a minor"),
    "rule.WCH006.example": ("委托监护人是 15 岁的哥哥", "the guardian is a brother of 15"),
    "rule.WCH006.why": (
        "未成年人不能承担监护责任，孩子实际上无人监护",
        "a minor cannot be a guardian: in fact nobody is",
    ),
    "rule.WCH006.fix": (
        "联系外出家长另行委托成年人监护，并改正花名册",
        "have the parents entrust an adult, and correct the roster",
    ),
    "rule.WCH007": ("残疾", "disabled"),
    "rule.WCH007.title": ("残疾儿童", "disabled child"),
    "rule.WCH007.example": ("身体情况 残疾；残疾类别及等级 肢体三级", "身体情况 残疾"),
    "rule.WCH007.why": (
        "残疾的留守儿童需要更多照料，也更容易受欺负",
        "a disabled child left behind needs more care and is more easily bullied",
    ),
    "rule.WCH007.fix": (
        "落实送教或随班就读的支持，联系残联了解补助",
        "arrange the schooling support it needs and ask the disabled persons' federation about aid",
    ),
    "rule.WCH008": ("患病：{what}", "ill: {what}"),
    "rule.WCH008.title": ("患病儿童", "sick child"),
    "rule.WCH008.example": ("健康状况 慢性病；患病类型 哮喘", "健康状况 慢性病"),
    "rule.WCH008.why": (
        "生病的孩子需要按时用药和看病，祖辈常常顾不过来",
        "a sick child needs medicine and doctors on time, which grandparents often cannot manage",
    ),
    "rule.WCH008.fix": (
        "了解用药和就医安排，在校时多留意，联系医疗救助",
        "learn the medicine and doctor arrangements, watch the child at school, ask about medical aid",
    ),
    "rule.WCH009": ("孤儿", "orphan"),
    "rule.WCH009.title": ("孤儿", "orphan"),
    "rule.WCH009.example": ("是否孤儿 是", "是否孤儿 是"),
    "rule.WCH009.why": (
        "孤儿没有父母可以联系，学校是最可靠的依靠",
        "an orphan has no parent to call: the school is the one thing to count on",
    ),
    "rule.WCH009.fix": (
        "落实孤儿津贴，帮扶教师每月谈心，节假日安排好去处",
        "make sure the orphan allowance is paid, talk every month, plan the holidays",
    ),
    "rule.WCH010": ("在校状态：{status}", "not attending: {status}"),
    "rule.WCH010.title": ("辍学、休学或不在学", "dropped out, suspended or not at school"),
    "rule.WCH010.example": ("就学情况 辍学", "就学情况 辍学"),
    "rule.WCH010.why": (
        "不在学校的留守儿童最容易出事，劝返是学校的责任",
        "a left-behind child out of school is most at risk; bringing them back is the school's duty",
    ),
    "rule.WCH010.fix": (
        "上门劝返，联系外出家长，按控辍保学要求上报",
        "visit to bring the child back, call the parents, report it as the rules on dropping out require",
    ),
    "rule.WCH011": ("住校", "boards at school"),
    "rule.WCH011.title": ("寄宿", "boarding"),
    "rule.WCH011.example": ("是否学校寄宿 是", "是否学校寄宿 是"),
    "rule.WCH011.why": (
        "住校的孩子离家远，周末和假期容易无人照看",
        "a boarder is far from home, and weekends and holidays may find nobody looking after them",
    ),
    "rule.WCH011.fix": (
        "生活老师多关心，周末离校前确认有人接",
        "the boarding staff keep an eye on the child and check someone collects them at weekends",
    ),
    "rule.WCH012": ("没有帮扶教师{why}", "no support teacher{why}"),
    "rule.WCH012.title": ("没有帮扶教师", "no support teacher"),
    "rule.WCH012.example": (
        "帮扶教师 空，或写的老师不在岗、不在教师名单中",
        "帮扶教师 empty, or a teacher on leave or not on the teachers list",
    ),
    "rule.WCH012.why": (
        "没有结对教师，孩子的情况就没有人每月过问",
        "without a paired teacher nobody asks after the child each month",
    ),
    "rule.WCH012.fix": ("运行 lbc pair 为孩子结对", "run lbc pair to give the child a teacher"),
    "rule.WCH013": (
        "超过 {days} 天没有谈心或联系（最近一次：{last}）",
        "no talk or contact for more than {days} {days:day|days} (last: {last})",
    ),
    "rule.WCH013.title": ("长期没有联系", "long without contact"),
    "rule.WCH013.example": (
        "帮扶记录里最近一次谈心是两个月前（天数见 lbc.toml 的 [quotas] max_days_without_contact）",
        "the last record is two months old (the limit is max_days_without_contact under [quotas])",
    ),
    "rule.WCH013.why": (
        "很久没人过问的孩子，出了问题也没人知道",
        "when nobody has asked after a child for long, nobody knows when something is wrong",
    ),
    "rule.WCH013.fix": (
        "帮扶教师尽快谈心或家访，并记入帮扶记录",
        "the support teacher talks with the child or visits soon, and records it",
    ),
    "rule.WCH014": ("{away}，{how}", "{away} and {how}"),
    "rule.WCH014.title": ("外出家长联系不上", "away parent unreachable"),
    "rule.WCH014.example": ("留守类型 父亲外出，父亲电话 空", "留守类型 父亲外出, 父亲电话 empty"),
    "rule.WCH014.why": (
        "孩子出事时联系不上外出的家长，谁也做不了主",
        "when something happens to the child and the away parent cannot be called, nobody can decide",
    ),
    "rule.WCH014.fix": (
        "通过监护人、亲属或村委会问到外出家长的电话",
        "get the away parent's number through the guardian, relatives or the village committee",
    ),
    "rule.WCH015": ("监护人变了：{old} → {new}", "the guardian changed: {old} → {new}"),
    "rule.WCH015.title": ("监护人变更", "guardian changed"),
    "rule.WCH015.example": (
        "上学期委托监护人 张大爷，本学期 李阿姨",
        "委托监护人 张大爷 last term, 李阿姨 now",
    ),
    "rule.WCH015.why": (
        "换了监护人，孩子要适应新的家，新监护人也要认识学校",
        "a new guardian means a new home to get used to, and someone the school must get to know",
    ),
    "rule.WCH015.fix": (
        "家访认识新监护人，核对电话，和孩子谈一次心",
        "visit the new guardian, check their phone, and talk with the child",
    ),
    "rule.WCH016": ("留守类型变了：{old} → {new}", "left-behind type changed: {old} → {new}"),
    "rule.WCH016.title": ("留守类型变更", "left-behind type changed"),
    "rule.WCH016.example": (
        "上学期 父亲外出，本学期 父母均外出",
        "父亲外出 last term, 父母均外出 now",
    ),
    "rule.WCH016.why": (
        "又一位家长外出，是孩子最需要关心的时候",
        "another parent leaving is when the child most needs attention",
    ),
    "rule.WCH016.fix": (
        "帮扶教师尽快谈心，核对外出家长的电话和监护人",
        "the support teacher talks with the child soon and checks the parents' phones and guardian",
    ),
    "rule.WCH017": ("家庭住址变了：{old} → {new}", "home address changed: {old} → {new}"),
    "rule.WCH017.title": ("住址变更", "address changed"),
    "rule.WCH017.example": (
        "上学期 幸福村3组，本学期 镇上租房",
        "幸福村3组 last term, a rented room in town now",
    ),
    "rule.WCH017.why": (
        "搬了家，家访的路线和监护情况都可能变了",
        "after a move the way to the home and who looks after the child may both have changed",
    ),
    "rule.WCH017.fix": ("家访新住址，更新联系卡", "visit the new home and update the contact card"),
    # ---- help texts ----
    "help.app": (
        "lbc：留守儿童工作台。校验花名册、列出缺失联系方式、结对帮扶、学期工作总结。",
        "lbc: tools for schools caring for left-behind children.",
    ),
    "help.version": ("显示版本号并退出", "show the version and exit"),
    "help.lang": ("界面语言：zh（中文，默认）或 en", "language: zh (default) or en"),
    "help.debug": ("出错时显示完整的调用栈", "show the full traceback on errors"),
    "help.config": ("lbc.toml 的路径（默认在当前及上级目录查找）", "path of lbc.toml"),
    "help.files": (
        "花名册文件（.xlsx .xls .csv …）；不写则使用 lbc.toml 中的文件",
        "roster files; default: those named in lbc.toml",
    ),
    "help.format": ("输出格式：table、json 或 csv", "output format: table, json or csv"),
    "help.no_bom": (
        "CSV 不加 BOM 字节序标记（给脚本用；默认加上，Windows 上的 Excel 才能正确显示中文）",
        "CSV without a byte-order mark (for scripts; by default it has one, so Excel on Windows shows Chinese right)",
    ),
    "help.json_keys": (
        "CSV 表头用 JSON 的英文键名（给脚本用；默认用当前语言的列名）",
        "CSV headers as the JSON keys (for scripts; by default column names in the current language)",
    ),
    "csv.col.code": ("代码", "code"),
    "csv.col.severity": ("级别", "severity"),
    "csv.col.file": ("文件", "file"),
    "csv.col.files": ("文件", "files"),
    "csv.col.sheet": ("工作表", "sheet"),
    "csv.col.row": ("行", "row"),
    "csv.col.column": ("列", "column"),
    "csv.col.field": ("字段", "field"),
    "csv.col.field_text": ("变更项目", "item changed"),
    "csv.col.value": ("值", "value"),
    "csv.col.child": ("儿童", "child"),
    "csv.col.message": ("问题", "problem"),
    "csv.col.change": ("变化（代码）", "change (code)"),
    "csv.col.change_text": ("变化", "change"),
    "csv.col.class": ("班级", "class"),
    "csv.col.match": ("对应依据（代码）", "matched by (code)"),
    "csv.col.match_text": ("对应依据", "matched by"),
    "csv.col.old": ("原内容", "before"),
    "csv.col.new": ("现内容", "after"),
    "csv.col.school": ("学校", "school"),
    "csv.col.children": ("儿童数", "children"),
    "csv.col.teachers": ("教师数", "teachers"),
    "csv.col.records": ("记录数", "records"),
    "csv.col.errors": ("错误数", "errors"),
    "csv.col.warnings": ("警告数", "warnings"),
    "csv.col.error": ("未能读取的原因", "why not read"),
    "csv.col.header": ("表头", "header"),
    "csv.col.header_cells": ("表头单元格", "header cells"),
    "csv.col.note": ("说明", "note"),
    "csv.col.head_teacher": ("班主任", "head teacher"),
    "csv.col.name": ("姓名", "name"),
    "csv.col.missing": ("缺少（代码）", "missing (keys)"),
    "csv.col.missing_text": ("缺少", "missing"),
    "csv.col.teacher": ("帮扶教师", "teacher"),
    "csv.col.reason": ("结对依据", "reason"),
    "csv.col.kept": ("是否延续", "kept"),
    "csv.col.why": ("原因", "why"),
    "csv.col.fields": ("字段", "fields"),
    "csv.col.title": ("规则", "rule"),
    "csv.col.example": ("示例", "example"),
    "csv.col.kind": ("类别", "kind"),
    "csv.col.fix": ("怎样改", "how to fix"),
    "csv.col.priority": ("重点帮扶原因（代码）", "priority (code)"),
    "csv.col.priority_text": ("重点帮扶原因", "priority"),
    "csv.col.owed": ("待办（代码）", "owed (code)"),
    "csv.col.owed_text": ("待办", "owed"),
    "csv.col.missed_months": ("漏谈月份", "months without a talk"),
    "csv.col.talks_this_month": ("本月谈心次数", "talks this month"),
    "csv.col.visits": ("本学期家访次数", "home visits this term"),
    "csv.col.warmth": ("本学年送温暖次数", "送温暖 this school year"),
    "csv.col.family_calls": ("亲情通话次数", "family calls"),
    "csv.col.last_contact": ("最近联系", "last contact"),
    "csv.col.days_without_contact": ("未联系天数", "days without contact"),
    "csv.col.overdue": ("逾期（代码）", "overdue (code)"),
    "csv.col.overdue_text": ("逾期", "overdue"),
    "csv.col.other_teachers": ("其他老师的记录数", "records by other teachers"),
    "csv.col.weight": ("默认关注分", "default weight"),
    "csv.col.support_teacher": ("帮扶教师", "support teacher"),
    "csv.col.score": ("关注分", "score"),
    "csv.col.codes": ("原因代码", "reason codes"),
    "csv.col.reasons": ("关注原因", "reasons"),
    "csv.col.birth_date": ("出生日期", "birth date"),
    "csv.col.turns": ("满几岁", "turns"),
    "help.show_pii": (
        "显示完整的身份证号、电话和姓名（默认打码）",
        "show ID numbers, phones and names in full (masked by default)",
    ),
    "help.columns": (
        "说明每个工作表是怎样读的：哪一列读成哪个字段、哪些列未读及原因",
        "show how each sheet was read: which column became which field, which were not read",
    ),
    "help.validate": (
        "校验花名册：逐个单元格指出错误和缺失",
        "check the roster and point at every bad cell",
    ),
    "help.select": (
        "只报告这些规则（代码或前缀，逗号分隔，如 ID,CON001）",
        "report only these rule codes or prefixes",
    ),
    "help.ignore": ("不报告这些规则（代码或前缀）", "skip these rule codes or prefixes"),
    "help.strict": ("警告也按错误处理（退出码 1）", "treat warnings as errors (exit 1)"),
    "help.annotate": (
        "另存一份标注好的工作簿：问题单元格标红/黄并加批注，附“问题清单”表",
        "write an annotated copy of the workbook",
    ),
    "help.flag": (
        "列出缺少必需联系方式的儿童和教师，按班级分组，交给班主任逐一联系",
        "list children and teachers missing a required contact, grouped by class",
    ),
    "help.pair": (
        "为留守儿童安排结对帮扶教师（一对一），优先重点儿童，保留上学期结对",
        "pair support teachers with left-behind children, priority children first, keeping last term's pairs",
    ),
    "help.max_per_teacher": (
        "每位教师最多结对的儿童数（默认取 lbc.toml，否则 2；教师名单的“可帮扶人数”优先）",
        "most children per teacher (default from lbc.toml, else 2; a teacher's 可帮扶人数 wins)",
    ),
    "help.keep": (
        "另一份结对名单（lbc pair 写出的文件，以最新的决定为准），或上学期带“帮扶教师”列的花名册（只补无人帮扶的儿童）",
        "other pairs (a file written by lbc pair --out, the newest decision wins), or last term's roster with a 帮扶教师 column (only for children nobody else names)",
    ),
    "help.pair_out": (
        "同时写出可打印的结对名单工作簿（.xlsx）",
        "also write a printable pairs workbook (.xlsx)",
    ),
    "help.pair_save": (
        "把结对名单写到 lbc.toml 中 pairs 指定的文件（替换上次的结对名单；此后各命令都按它）",
        "write the pairs workbook to the file lbc.toml names as pairs (replacing the last one; every command then uses it)",
    ),
    "help.birthdays": (
        "列出某月过生日的留守儿童，按班级分组，便于班级为父母不在身边的孩子过生日",
        "list the left-behind children with a birthday in a month, by class",
    ),
    "help.birthdays_month": ("月份（1-12，默认本月）", "the month (1-12, default this month)"),
    "help.watch": (
        "列出需要重点关注的儿童（监护、身体、联系、变化），每人列出全部原因，按班级分组",
        "list the children who need attention now, each with every reason, grouped by class",
    ),
    "help.watch_out": (
        "同时写出可打印的重点关注名单工作簿（.xlsx）",
        "also write a printable watch-list workbook (.xlsx)",
    ),
    "help.watch_as_of": (
        "按哪一天列名单（默认今天）：监护人年龄和多少天没有联系都算到这一天",
        "the day the list is drawn on (default today): ages and days without "
        "contact are counted to it",
    ),
    "help.watch_previous": (
        "上学期的花名册：监护人、留守类型或住址有变化的儿童也列入",
        "last term's roster: a changed guardian, 留守类型 or address is a reason too",
    ),
    "help.summary": (
        "渲染学期工作总结（基本情况、主要做法、工作成效、存在问题、下学期打算），数字全部自动统计",
        "render the termly work summary, every number computed from the files",
    ),
    "help.term": (
        "学期：2024-autumn、2025-spring、2024秋、2024-2025-1 等",
        "the term: 2024-autumn, 2025-spring, 2024秋, 2024-2025-1 …",
    ),
    "help.summary_format": (
        "打印到屏幕时的格式：md（默认）、html 或 json；写文件时由 --out 的后缀决定",
        "format when printing: md (default), html or json; a file's suffix decides its own",
    ),
    "help.summary_out": (
        "写到此文件，后缀决定格式：.md、.html、.docx 或 .json",
        "write to this file, its suffix deciding the format: .md, .html, .docx or .json",
    ),
    "help.template": (
        "学校自己的模板：Markdown 文本，或带 Jinja 标记的 .docx",
        "the school's own template: Markdown text, or a .docx with Jinja tags",
    ),
    "help.previous": (
        "上学期的花名册：统计新增、转出、信息变更和延续的结对",
        "last term's roster: counts children added, gone, changed and pairs kept",
    ),
    "help.variables": ("列出模板可用的全部变量", "list every variable a template can use"),
    "help.diff": (
        "比较上学期和本学期的花名册：新增、离开和每名儿童变更的信息（动态管理）",
        "compare last term's roster with this term's: children added, gone, and each change",
    ),
    "help.diff_old": ("上学期的花名册", "last term's roster"),
    "help.diff_new": ("本学期的花名册", "this term's roster"),
    "help.diff_out": (
        "同时写出变更记录工作簿（.xlsx）",
        "also write the change log as a workbook (.xlsx)",
    ),
    "help.cards": (
        "生成留守儿童联系卡（每生一张，按班级，A4 打印），含父母、监护人和帮扶教师电话",
        "print contact cards, one per child by class, with parents', guardian's and teacher's phones",
    ),
    "help.cards_format": (
        "可不写：格式由 --out 的后缀决定（.html 或 .docx）",
        "may be left out: the suffix of --out decides (.html or .docx)",
    ),
    "help.cards_out": (
        "输出文件，.html 或 .docx（必填：联系卡含电话号码）",
        "output file, .html or .docx (required: the cards carry phones)",
    ),
    "help.cards_class": (
        "只生成这个班级的联系卡，如 三年级(2)班",
        "only this class, e.g. 三年级(2)班",
    ),
    "help.merge": (
        "把多所学校的花名册（文件或文件夹）合并为一个县级名册，标明学校和来源行，查出跨校重复的儿童",
        "merge many schools' rosters (files or folders) into one, tagging school and source row, finding children in two schools",
    ),
    "help.merge_files": ("各校的花名册文件或文件夹", "the schools' roster files or folders"),
    "help.merge_out": (
        "合并后的名册（.xlsx 工作簿，或供数据分析用的 .parquet）",
        "the merged roster (an .xlsx workbook, or .parquet for analysis)",
    ),
    "help.export": (
        "导出儿童、教师、帮扶记录三张表为 .parquet、.csv 或 .xlsx",
        "export the children, teachers and records tables as .parquet, .csv or .xlsx",
    ),
    "help.export_out": (
        "导出的文件（.parquet、.csv 或 .xlsx）",
        "the file to write (.parquet, .csv or .xlsx)",
    ),
    "help.rules": ("列出全部校验规则，或解释某条规则", "list the rules, or explain one"),
    "help.rule_code": ("规则代码，如 ID002", "a rule code such as ID002"),
    "help.init": (
        "创建工作区：带注释的 lbc.toml 与空白花名册模板",
        "create a workspace: lbc.toml and a blank roster workbook",
    ),
    "help.init_dir": ("工作区文件夹（默认当前文件夹）", "workspace folder (default: here)"),
    # ---- lbc record-sheets ----
    "rs.title": (
        "{school}{term}帮扶记录表（{teacher}，{start}至{end}）",
        "{school}{term}帮扶记录表（{teacher}，{start}至{end}）",
    ),
    "rs.file": ("帮扶记录表_{term}_{teacher}", "帮扶记录表_{term}_{teacher}"),
    "rs.parent_phone": ("{who} {numbers}", "{who} {numbers}"),
    "rs.children_title": ("{teacher}老师结对儿童", "{teacher}老师结对儿童"),  # CHILDREN_TITLE
    "rs.month": ("{year}年{month}月", "{year}年{month}月"),
    "rs.this_term": ("本学期", "本学期"),
    "rs.this_year": ("本学年", "本学年"),
    "rs.bad_kind": ("请从下拉列表中选择记录类型", "请从下拉列表中选择记录类型"),
    "rs.bad_date": (
        "日期须在本学期内（{start}至{end}），格式如 2024-10-08",
        "日期须在本学期内（{start}至{end}），格式如 2024-10-08",
    ),
    "rs.long_content": (
        "内容请写在 {count} 字以内",
        "内容请写在 {count} 字以内",
    ),
    "rs.other_child": (
        "这名学生不在您的结对名单中；可以记录，学校会注明",
        "这名学生不在您的结对名单中；可以记录，学校会注明",
    ),
    "err.record_sheets_no_out": (
        '请用 --out 指定记录表文件夹，如 --out 记录表（或在 lbc.toml 的 [files] 中写 records = "记录表"）',
        'name the folder with --out, e.g. --out 记录表 (or set records = "记录表" under [files] in lbc.toml)',
    ),
    "err.record_sheet_exists": (
        "{path} 已存在（共 {count} 份已存在）：老师交回的记录表不会被覆盖；请换一个文件夹，或先移走旧表",
        "{path} exists ({count} in all): returned record sheets are never overwritten; choose another folder or move the old ones",
    ),
    "err.record_sheets_nobody": (
        "没有在岗教师结对了儿童，无法生成记录表；请先运行 lbc pair",
        "no teacher in post has a child to support, so there is no sheet to write; run lbc pair first",
    ),
    "note.record_sheets_written": (
        "已写出 {count} 份帮扶记录表（共预置 {rows} 行待填）到 {folder}",
        "wrote {count} record {count:sheet|sheets} ({rows} {rows:row|rows} laid out to fill) to {folder}",
    ),
    "note.record_sheets_warmed": (
        "提示：{count} 名儿童本学年此前已有送温暖记录，记录表只为每学年要求中尚欠的送温暖预置行",
        "note: {count} {count:child has|children have} had 送温暖 earlier this school year; rows are laid out only for the 送温暖 still owed",
    ),
    "note.record_sheets_unpaired": (
        "提示：{count} 名儿童没有在岗的帮扶教师，不在任何记录表中",
        "note: {count} {count:child has|children have} no support teacher in post and {count:is|are} on no sheet",
    ),
    "note.record_sheets_namesakes": (
        "提示：{names}与同班同学重名，又没有不同的出生日期或身份证号可以区分，"
        "交回的记录表中他们的记录无法计入；请在花名册中补填出生日期或身份证号后再生成记录表",
        "note: {names} share a name with a classmate and no birth date or ID number tells them "
        "apart, so their records on the returned sheets cannot be counted; add birth dates or ID "
        "numbers to the roster before making the sheets",
    ),
    "note.record_sheets_config": (
        '提示：在 lbc.toml 的 [files] 中写 records = "{folder}"，各命令即会读取交回的记录表',
        'note: set records = "{folder}" under [files] in lbc.toml and every command reads the returned sheets',
    ),
    # ---- lbc due ----
    "due.heading": (
        "{teacher}：{count} 名儿童有待办",
        "{teacher}: {count} {count:child|children} with something owed",
    ),
    "due.col.child": ("学生", "child"),
    "due.col.class": ("班级", "class"),
    "due.col.priority": ("重点", "priority"),
    "due.col.owed": ("待办", "owed"),
    "due.col.last": ("最近联系", "last contact"),
    "due.col.overdue": ("逾期", "overdue"),
    "due.col.teacher": ("帮扶教师", "teacher"),
    # lbc's own words for what a roster says (留守类型, 类别, 在校状态, 健康状况), as reasons
    # and lists in English output name them (messages.word); a school's own text stays.
    "word.父母均外出": ("父母均外出", "both parents away"),
    "word.父亲外出": ("父亲外出", "father away"),
    "word.母亲外出": ("母亲外出", "mother away"),
    "word.非留守": ("非留守", "not left behind"),
    "word.留守(未注明)": ("留守(未注明)", "left behind (which parent unsaid)"),
    "word.父母双方无监护能力": ("父母双方无监护能力", "both parents unable to care"),
    "word.孤儿": ("孤儿", "orphan"),
    "word.残疾": ("残疾", "disabled"),
    "word.单亲": ("单亲", "single parent"),
    "word.建档立卡": ("建档立卡", "registered poor household"),
    "word.低保": ("低保", "minimum living allowance"),
    "word.贫困": ("贫困", "poor family"),
    "word.学困": ("学困", "struggling at school"),
    "word.在读": ("在读", "at school"),
    "word.转入": ("转入", "transferred in"),
    "word.转出": ("转出", "transferred out"),
    "word.休学": ("休学", "suspended"),
    "word.辍学": ("辍学", "dropped out"),
    "word.不在学": ("不在学", "not at school"),
    "word.毕业": ("毕业", "graduated"),
    "word.死亡": ("死亡", "deceased"),
    "word.健康": ("健康", "healthy"),
    "word.一般或较弱": ("一般或较弱", "fair or weak"),
    "word.慢性病": ("慢性病", "chronic illness"),
    "word.有慢性病": ("有慢性病", "chronic illness"),
    "word.患病": ("患病", "ill"),
    "due.owed.谈心": ("本月谈心", "a talk this month"),
    "due.owed.家访": ("本学期家访", "a home visit this term"),
    "due.owed.送温暖": ("本学年送温暖", "送温暖 this school year"),
    "due.never": ("本学年无记录（{days} 天）", "none this school year ({days} {days:day|days})"),
    "due.namesake": ("{name}（{born} 出生）", "{name} (born {born})"),
    "due.namesake_alike": (
        "{name}（同班同名，记录无法区分）",
        "{name} (a namesake in the class; records cannot tell which)",
    ),
    "due.last": ("{date}（{days} 天前）", "{date} ({days} {days:day|days} ago)"),
    "due.month": ("{month}月", "{year}-{month:02d}"),
    "due.owed_and_missed": ("{owed}；漏谈：{months}", "{owed}; no talk in {months}"),
    "due.missed_only": ("漏谈：{months}", "no talk in {months}"),
    "due.yes": ("是", "yes"),
    "due.no": ("否", "no"),
    "due.none": ("截至 {date}，没有待办事项。", "nothing owed as of {date}."),
    "due.summary": (
        "截至 {date}（{term}）：结对儿童 {paired} 名；{talk}，有月份漏谈 {missed} 名，{visit}，{warmth}，超过 {limit}无任何联系 {silent} 名；逾期 {overdue} 名",
        "as of {date} ({term}): {paired} paired {paired:child|children}; {talk}, {missed} who missed a month, {visit}, {warmth}, {silent} with no contact for over {limit}; {overdue} overdue",
    ),
    # due.summary's counts of the children owing a talk, a visit or 送温暖: where the school
    # asks more than one (.times), or a county's schools ask different numbers (.own), a
    # child owing one may have had one already, and is not said to have had none.
    "due.total.talk": ("本月未谈心 {n} 名", "{n} without a talk this month"),
    "due.total.talk.times": (
        "本月谈心不足 {times} 次 {n} 名",
        "{n} with fewer than {times} talks this month",
    ),
    "due.total.talk.own": (
        "本月谈心未达到本校要求 {n} 名",
        "{n} with fewer talks this month than their school asks",
    ),
    "due.total.home_visit": ("本学期未家访 {n} 名", "{n} without a home visit this term"),
    "due.total.home_visit.times": (
        "本学期家访不足 {times} 次 {n} 名",
        "{n} with fewer than {times} home visits this term",
    ),
    "due.total.home_visit.own": (
        "本学期家访未达到本校要求 {n} 名",
        "{n} with fewer home visits this term than their school asks",
    ),
    "due.total.warmth": ("本学年未送温暖 {n} 名", "{n} without 送温暖 this year"),
    "due.total.warmth.times": (
        "本学年送温暖不足 {times} 次 {n} 名",
        "{n} with fewer than {times} 送温暖 this year",
    ),
    "due.total.warmth.own": (
        "本学年送温暖未达到本校要求 {n} 名",
        "{n} with fewer 送温暖 this year than their school asks",
    ),
    # The days without contact allowed, in due.summary: the run's, and where schools of a
    # county allow others by their own lbc.toml's [quotas], theirs.
    "due.limit": ("{days} 天", "{days} {days:day|days}"),
    "due.limit.own": ("{days} 天（{own}）", "{days} {days:day|days} ({own})"),
    "due.limit.school": ("{schools} {days} 天", "{days} at {schools}"),
    "due.title": (
        "{school}帮扶工作待办清单（截至{date}）",
        "{school}帮扶工作待办清单（截至{date}）",
    ),
    "note.records_undated": (
        "提示：{count} 条帮扶记录的日期无法识别（首个在 {file} 的“{sheet}”第 {row} 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（{codes}）改正",
        "note: {count} support {count:record has|records have} no readable date (the first in "
        "{file}, sheet '{sheet}', row {row}): in no term, {count:it was|they were} not counted; "
        "correct {count:it|them} as lbc validate shows ({codes})",
    ),
    "note.records_dateless": (
        "提示：{count} 条帮扶记录写了学生却没有填日期（首个在 {file} 的“{sheet}”第 {row} 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（REQ001）补填日期",
        "note: {count} support {count:record names|records name} a child but "
        "{count:has|have} no date (the first in {file}, sheet '{sheet}', row {row}): in no "
        "term, {count:it was|they were} not counted; fill in the date as lbc validate shows "
        "(REQ001)",
    ),
    "note.records_not_held": (
        "提示：{count} 条帮扶记录的“类型”或“内容”写的是没有联系上孩子或还没有进行，如“未家访”"
        "“计划家访”“家访未遇，家中无人”（首个在 {file} 的“{sheet}”第 {row} 行），没有算作联系；"
        "lbc validate 逐条指出（REC008、REC009）",
        "note: {count} support {count:record's|records'} kind or content says no contact was "
        "made, or not yet, as 未家访, 计划家访 or 家访未遇，家中无人 (the first in {file}, sheet "
        "'{sheet}', row {row}): {count:it was|they were} not counted as contact; lbc validate "
        "points at each (REC008, REC009)",
    ),
    "note.records_written_twice": (
        "提示：{count} 条帮扶记录与同一张表上前面的一行日期、教师、学生、类型、内容都相同"
        "（首个在 {file} 的“{sheet}”第 {row} 行），按两条记录计入；如果是重复录入，请删去一行；"
        "lbc validate 逐条指出（REC011）",
        "note: {count} support {count:record repeats|records repeat} an earlier row of "
        "{count:its|their} sheet in date, teacher, child, kind and content (the first in "
        "{file}, sheet '{sheet}', row {row}): counted as two records; if written twice by "
        "mistake, delete one row; lbc validate points at each (REC011)",
    ),
    "note.records_in_notes": (
        "提示：{count} 名儿童的“备注”里写了哪天家访、谈心或送温暖（首个在 {file} 的“{sheet}”第 {row} 行），"
        "备注不是帮扶记录，没有计入；请记到帮扶记录表里",
        "note: {count} {count:child's|children's} 备注 {count:says|say} a day's visit, talk or"
        " 送温暖 (the first in {file}, sheet '{sheet}', row {row}): a note is no support record,"
        " and was not counted; write it into the records sheet",
    ),
    "note.records_termless": (
        "提示：{count} 条帮扶记录的日期不在任何学期（首个在 {file} 的“{sheet}”第 {row} 行），"
        "没有计入；lbc validate 逐条指出（REC007）；学校的学期起止日期可在 lbc.toml 的 [terms] 中设定",
        "note: {count} support {count:record is|records are} dated in no term (the first in "
        "{file}, sheet '{sheet}', row {row}): {count:it was|they were} not counted; lbc validate "
        "points at each (REC007); "
        "a school sets its terms' dates under [terms] in lbc.toml",
    ),
    "note.records_unreadable_kind": (
        "提示：{count} 条帮扶记录的“类型”无法识别，算作一次联系，但没有算作谈心、家访或送温暖；"
        "请按 lbc validate 所指（{codes}）改正",
        "note: {count} support {count:record has|records have} a kind lbc cannot read: each "
        "counts as a contact, but not as a talk, a home visit or 送温暖; correct {count:it|them} "
        "as lbc validate shows ({codes})",
    ),
    "note.records_unclear": (
        "提示：{count} 条帮扶记录写的学生对不上花名册上的一名儿童（花名册中没有这个名字，"
        "或有同名儿童而没有写明班级），没有计入；请按 lbc validate 所指（{codes}）改正",
        "note: {count} support {count:record names|records name} no one child of the roster "
        "(no child of that name, or namesakes and no class given) and {count:was|were} not "
        "counted; correct {count:it|them} as lbc validate shows ({codes})",
    ),
    "due.note.unpaired": (
        "提示：{count} 名儿童没有在岗的帮扶教师，不在待办清单中（见 lbc pair）",
        "note: {count} {count:child has|children have} no support teacher in post and {count:is|are} not listed (see lbc pair)",
    ),
    "due.note.winter_break": (
        "提示：{count} 名儿童算上寒假已超过 {days} 天没有联系；两个学期之间的寒假（学期日期以外的日子）"
        "不计入无联系天数，没有算作逾期",
        "note: {count} {count:child has|children have} gone over {days} days without contact"
        " only with the winter break, whose days (between the two terms' dates) are not"
        " counted: not overdue",
    ),
    "due.note.repaired": (
        "提示：{count} 名儿童是结对名单在本学年中途才交给现在的帮扶教师的，从结对日期算起没有逾期"
        "（此前的月份和无联系的天数不算在这位教师名下）",
        "note: {count} {count:child was|children were} given to the present support teacher"
        " midway through the school year by a pairs workbook, and {count:is|are} not overdue"
        " from its 结对日期 (the months and days without contact before it are not that"
        " teacher's)",
    ),
    "due.note.other_teacher": (
        "提示：{count} 条记录由儿童的帮扶教师以外的老师填写，已计入该儿童",
        "note: {count} {count:record was|records were} written by a teacher other than the child's; counted for the child",
    ),
    "due.note.no_records": (
        "提示：没有读到帮扶记录；请把交回的记录表文件夹一并给出，或在 lbc.toml 的 [files] 中写 records",
        "note: no support records were read; give the folder of returned record sheets, or set records under [files] in lbc.toml",
    ),
    "err.as_of_before_term": (
        "{date} 在 {term}开学（{start}）之前，还没有待办",
        "{date} is before {term} starts ({start}): nothing is owed yet",
    ),
    "err.bad_as_of": (
        "--as-of 须是日期，如 2024-10-15：{value}",
        "--as-of must be a date such as 2024-10-15: {value}",
    ),
    "help.record_sheets": (
        "为每位帮扶教师生成本学期帮扶记录表（预置应完成的谈心、家访、送温暖行，带下拉和日期校验；交回后各命令读作帮扶记录）",
        "write each support teacher's record sheet for the term (rows laid out for the talks, visits and 送温暖 owed, with dropdowns and date checks; read back as support records)",
    ),
    "help.record_sheets_out": (
        "记录表写到此文件夹（默认 lbc.toml 中的 records）",
        "folder to write the sheets to (default: records in lbc.toml)",
    ),
    "help.due": (
        "列出截至某日各帮扶教师的待办：本月谈心、本学期家访、本学年送温暖、久未联系的儿童；重点儿童在前；有逾期时退出码为 1",
        "what each teacher owes as of a day: this month's talks, the term's home visits, the year's 送温暖, children out of contact; priority children first; exit 1 when anything is overdue",
    ),
    "help.as_of": (
        "截至哪一天（默认今天），如 2024-10-15",
        "as of this day (default today), e.g. 2024-10-15",
    ),
    "help.due_term": (
        "学期（默认为 --as-of 所在学期）",
        "the term (default: the one --as-of falls in)",
    ),
    "help.due_out": (
        "同时写出可打印的待办清单工作簿（.xlsx）",
        "also write a printable workbook of what is owed (.xlsx)",
    ),
}
