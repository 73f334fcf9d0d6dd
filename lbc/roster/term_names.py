"""The names schools give a term or a school year, in the names of their folders, files and
titles and in --term: one home for them, so that a folder run (lbc.workspace.inputs), a
title or a folder naming a school (lbc.roster.tables) and --term (lbc.workspace.terms.
parse_term) read a name alike. Here, in the roster's stage below both, as a title is read
before any term is dated, and imports point down the pipeline."""

from __future__ import annotations

import re
import unicodedata

# A year as a title or a file's name writes it: in digits, or in Chinese (二〇二四).
YEAR = r"(?:\d{4}|二[〇零○一二三四五六七八九]{3})"
# A term's word after its year, or alone (秋季学期, 上学期, 第一学期, 下半年).
TERM = r"第[一二12]学期|[上下]学期|[上下]半年|[春秋][季期](?:学期)?|[春秋]学期"
# A name of a year or a term alone, as a school names the folder it keeps a term's files
# in (2024秋, 2024年秋季, 2024年秋季学期, 2024-2025学年第一学期, 2024-2025-1, 2024-autumn,
# 秋季学期, 上学期; a year alone in brackets, 青山小学(2024)): no school's, so its files are
# the school's of the folder above (lbc.roster.tables._names_a_term).
TERM_ALONE = re.compile(
    rf"{YEAR}\s*(?:[-—–~至到]\s*(?:{YEAR}|\d{{2}})\s*)?(?:学年度?|年度?|[级届])?\s*"
    rf"(?:\d{{1,2}}\s*月份?)?\s*(?:[-_—–]?\s*(?:{TERM}|[春秋]|autumn|fall|spring)|[-_—–]\s*[12])?"
    rf"|(?:{TERM}|[春秋]|autumn|fall|spring)",
    re.IGNORECASE,
)
# The name of a folder a school files a school year's semesters in: 2025-2026学年, 2025学年,
# 2025—2026学年度, 2025-26学年, 2025-2026 (as NFKC leaves it: ２０２５～２０２６ too). Beside
# a later school year's folder that holds a roster, it is a past year's, its files
# last term's (lbc.workspace.inputs._later_year).
SCHOOL_YEAR_FOLDER = re.compile(
    r"\d{4}\s*年?(?:\s*[-—–~至到]\s*(?:\d{4}|\d{2})\s*年?)?\s*学年度?"
    r"|\d{4}\s*[-—–~至到]\s*(?:\d{4}|\d{2})"
)
# A term a file's name gives (2024秋花名册.xlsx, 2024年秋季学期名单.xlsx, 2024-2025学年
# 第一学期花名册.xlsx): one named by an earlier term than a file beside it is last term's.
_NAMED_TERM = re.compile(
    r"(?P<year>\d{4})\s*年?\s*(?P<season>[春秋])"
    r"|(?P<first>\d{4})\s*[-—–~至到]\s*(?:\d{4}|\d{2})\s*(?:学年度?)?\s*[-_]?\s*"
    r"(?:第\s*(?P<nth>[12一二])|(?P<half>[上下]))\s*学期"
)


def named_term(name: str) -> int | None:
    """The term a file's name gives, as a number that grows term by term (a spring after
    the autumn before it), or None when it gives none."""
    found = _NAMED_TERM.search(unicodedata.normalize("NFKC", name))
    if found is None:
        return None
    if found["year"]:
        return int(found["year"]) * 2 + (found["season"] == "秋")
    second = found["nth"] in ("2", "二") or found["half"] == "下"
    return int(found["first"]) * 2 + (2 if second else 1)
