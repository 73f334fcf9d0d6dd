"""School terms: every spelling schools use maps to the same term and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx
from lbc.errors import LbcError
from lbc.roster.dates import YearMonth, month_end
from lbc.workspace.terms import AUTUMN, SPRING, Term, parse_term

D = dt.date
AUTUMN_2024 = Term("2024-autumn", AUTUMN, 2024, D(2024, 9, 1), D(2025, 1, 31))
SPRING_2025 = Term("2025-spring", SPRING, 2025, D(2025, 2, 1), D(2025, 7, 31))


@pytest.mark.parametrize(
    "text",
    [
        "2024-autumn",
        "2024 fall",
        "2024_Autumn",
        "2024秋",
        "2024年秋",
        "2024秋季",
        "2024年秋季学期",
        "2024-2025-1",
        "2024—2025学年第一学期",
        "2024-2025学年度第一学期",
        "2024-2025学年上学期",
        "2024-25学年第一学期",  # the second year by its last two digits, as files name it
        "2024-25-1",
        "2024学年第一学期",  # a school year by its first year
        "2024学年上学期",
        "2024-2025学年秋季学期",  # a school year's term by its season
        "2024学年秋季学期",
        "2024年下学期",  # a calendar year's second half's term
        "2024下学期",
        "２０２４秋",  # full-width digits
        "２０２４－２０２５－１",
        " 2024-autumn ",
    ],
)
def test_autumn_spellings(text: str) -> None:
    term = parse_term(text)
    assert term == AUTUMN_2024
    assert term.label == "2024年秋季学期"
    assert term.title == "2024—2025学年第一学期"
    assert term.school_year == "2024—2025学年"
    assert term.months() == [(2024, 9), (2024, 10), (2024, 11), (2024, 12), (2025, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "2025-spring",
        "2025 spring",
        "2025春",
        "2025年春季学期",
        "2024-2025-2",
        "2024-2025学年度第二学期",
        "2024—2025学年第二学期",
        "2024-2025学年下学期",
        "2024-25学年第二学期",
        "2024学年第二学期",
        "2024-2025学年春季学期",  # the spring of the school year 2024-2025: 2025's
        "2024学年春季学期",
        "2025年上学期",  # a calendar year's first half's term
        "２０２５春",
    ],
)
def test_spring_spellings(text: str) -> None:
    term = parse_term(text)
    assert term == SPRING_2025
    assert term.label == "2025年春季学期"
    assert term.title == "2024—2025学年第二学期"
    assert term.school_year == "2024—2025学年"
    assert term.months() == [(2025, m) for m in range(2, 8)]


@pytest.mark.parametrize(
    "text",
    ["2024冬", "2024-2026-1", "2024-26-1", "2024-2025-3", "2025-2024-1", "", "   ", "秋", "24秋"],
)
def test_bad_spellings_are_errors(text: str) -> None:
    with pytest.raises(LbcError) as info:
        parse_term(text)
    assert str(info.value) == (
        f"无法识别学期“{text}”；请写成 2024-autumn、2025-spring、2024秋 或 2024-2025-1 这样的形式"
    )


def test_dates_given_by_the_school_win() -> None:
    dates = {"2024-autumn": (D(2024, 8, 30), D(2025, 1, 20))}
    term = parse_term("2024秋", dates)
    assert (term.key, term.start, term.end) == ("2024-autumn", D(2024, 8, 30), D(2025, 1, 20))
    assert term.months()[0] == (2024, 8)
    spring = parse_term("2025春", dates)  # another term keeps its defaults
    assert (spring.start, spring.end) == (SPRING_2025.start, SPRING_2025.end)
    # and the days between the two are its winter break, where no contact is owed
    assert spring.winter_break == (D(2025, 1, 21), D(2025, 1, 31))
    assert SPRING_2025.winter_break is None  # lbc's own dates leave none


def test_months_stop_at_the_month_of_until() -> None:
    term = AUTUMN_2024
    assert term.months(until=D(2024, 10, 15)) == [(2024, 9), (2024, 10)]
    assert term.months(until=D(2024, 9, 1)) == [(2024, 9)]
    assert term.months(until=D(2024, 8, 31)) == []
    assert term.months(until=D(2026, 1, 1)) == term.months()


def test_a_term_holds_its_own_days() -> None:
    assert D(2024, 9, 1) in AUTUMN_2024 and D(2025, 1, 31) in AUTUMN_2024
    assert D(2024, 8, 31) not in AUTUMN_2024 and D(2025, 2, 1) not in AUTUMN_2024
    assert "2024-10-01" not in AUTUMN_2024


SEASONS = {AUTUMN: ("秋", "秋季", "1", "第一学期"), SPRING: ("春", "春季", "2", "第二学期")}


@given(year=st.integers(2000, 2099), season=st.sampled_from([AUTUMN, SPRING]))
def test_every_spelling_of_a_term_is_the_same_term(year: int, season: str) -> None:
    short, long, number, which = SEASONS[season]
    first = year if season == AUTUMN else year - 1
    spellings = [
        f"{year}-{season}",
        f"{year}{short}",
        f"{year}年{long}学期",
        f"{first}-{first + 1}-{number}",
        f"{first}—{first + 1}学年{which}",
    ]
    terms = {parse_term(s) for s in spellings}
    assert len(terms) == 1
    term = terms.pop()
    assert (term.key, term.season, term.year) == (f"{year}-{season}", season, year)
    assert term.school_year == f"{first}—{first + 1}学年"
    assert len(term.months()) == (5 if season == AUTUMN else 6)


# ---- lbc.toml [terms]: a school's own dates, through the CLI ----


def workspace(folder: Path, terms: str) -> Path:
    write_xlsx(folder / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    (folder / "lbc.toml").write_text(
        f'[school]\nname = "青山小学"\n\n[files]\nroster = ["r.xlsx"]\n\n{terms}', encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize("name", ["2024-autumn", "2024秋", "2024-2025-1"])
@pytest.mark.parametrize("spelled", ["2024-autumn", "2024年秋季学期"])
def test_lbc_toml_sets_the_term_dates(tmp_path: Path, name: str, spelled: str) -> None:
    ws = workspace(tmp_path, f'[terms."{name}"]\nstart = 2024-08-30\n')
    result = run("summary", "--term", spelled, "--format", "json", cwd=ws)
    assert result.exit_code == 0, result.stderr
    term = result.json()["term"]
    assert (term["key"], term["start"], term["end"]) == ("2024-autumn", "2024-08-30", "2025-01-31")
    assert term["months"] == ["2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01"]


def test_lbc_toml_end_date_sets_as_of(tmp_path: Path) -> None:
    ws = workspace(tmp_path, '[terms."2024-autumn"]\nend = 2025-01-17\n')
    doc = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws).json()
    assert (doc["term"]["start"], doc["term"]["end"]) == ("2024-09-01", "2025-01-17")
    assert doc["term"]["as_of"] == "2025-01-17" and doc["date_text"] == "2025年1月17日"


@pytest.mark.parametrize(
    ("terms", "reason"),
    [
        (
            '[terms."2024冬"]\nstart = 2024-08-30\n',
            "无法识别学期“2024冬”；"
            "请写成 2024-autumn、2025-spring、2024秋 或 2024-2025-1 这样的形式",
        ),
        (
            '[terms."2024-autumn"]\nstart = 2025-03-01\n',  # after the default end
            "terms.2024-autumn 应为 start 和 end 两个日期（如 2024-09-01），start 不晚于 end",
        ),
    ],
)
def test_bad_term_dates_in_lbc_toml_are_one_error(tmp_path: Path, terms: str, reason: str) -> None:
    ws = workspace(tmp_path, terms)
    result = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"lbc: 错误：配置文件 {ws / 'lbc.toml'} 有误：第 7 行：{reason}\n"


def test_counted_months_leave_out_a_sliver_and_a_month_not_over() -> None:
    # A term from Aug 30 owes August nothing (2 days); ending Jan 20, January counts (20 days).
    term = parse_term("2024-autumn", {"2024-autumn": (D(2024, 8, 30), D(2025, 1, 20))})
    assert term.counted_months(D(2025, 6, 1)) == [(2024, m) for m in (9, 10, 11, 12)] + [(2025, 1)]
    # Ending Jan 10, January has 10 days in the term: less than half, not counted.
    short = parse_term("2024-autumn", {"2024-autumn": (D(2024, 9, 1), D(2025, 1, 10))})
    assert short.counted_months(D(2025, 6, 1))[-1] == (2024, 12)
    # A running term: November is not over on Nov 22, so only September and October count.
    running = parse_term("2024-autumn")
    assert running.counted_months(D(2024, 11, 22)) == [(2024, 9), (2024, 10)]
    assert running.counted_months(D(2024, 11, 30)) == [(2024, 9), (2024, 10), (2024, 11)]


@given(
    st.dates(D(2024, 12, 1), D(2025, 2, 27)),
    st.integers(1, 40),
    st.dates(D(2024, 12, 1), D(2025, 3, 31)),
)
def test_a_month_is_one_terms_however_a_school_sets_its_terms(
    end: dt.date, gap: int, month: dt.date
) -> None:
    """A school's autumn term ends on ``end`` and its spring term starts ``gap`` days
    later: a record dated to a month alone is of one term at most, of one when either has
    any of its days, and of the one with more of them."""
    start = end + dt.timedelta(days=gap)
    dates = {"2024-autumn": (D(2024, 9, 1), end), "2025-spring": (start, D(2025, 7, 4))}
    autumn, spring = parse_term("2024-autumn", dates), parse_term("2025-spring", dates)
    day = YearMonth(month.year, month.month)
    held = [term.key for term in (autumn, spring) if term.holds(day)]
    every = [month.replace(day=d) for d in range(1, month_end(month).day + 1)]
    days = [sum(t.start <= d <= t.end for d in every) for t in (autumn, spring)]
    if not any(days):
        assert held == []
    else:
        assert held == ["2024-autumn" if days[0] >= days[1] else "2025-spring"]


def test_a_term_the_school_sets_moves_its_unset_neighbour(tmp_path: Path) -> None:
    """A spring set to start on 2025-01-20 ends the autumn left unset on 2025-01-19, and an
    autumn set to end on 2025-02-05 starts the spring left unset on 2025-02-06: a day is one
    term's. Before, the default autumn ran to 2025-01-31 beside that spring, and a home
    visit on 2025-01-25 was the visit of both terms' summaries."""
    spring = {"2025-spring": (D(2025, 1, 20), D(2025, 7, 10))}
    assert parse_term("2024-autumn", spring).end == D(2025, 1, 19)
    autumn = {"2024-autumn": (D(2024, 9, 1), D(2025, 2, 5))}
    assert parse_term("2025-spring", autumn).start == D(2025, 2, 6)
    assert parse_term("2025-spring", autumn).end == D(2025, 7, 31)
    ws = workspace(tmp_path, '[terms."2025-spring"]\nstart = 2025-01-20\nend = 2025-07-10\n')
    visit = [D(2025, 1, 25), "王芳", child_row(1)[1], None, "家访", "入户"]
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    write_xlsx(ws / "r.xlsx", {"花名册": kids, "帮扶记录": [RECORD_HEADER, visit]})
    visits = []
    for term in ("2024-autumn", "2025-spring"):
        result = run("summary", "--term", term, "--format", "json", cwd=ws)
        assert result.exit_code == 0, result.stderr
        visits.append(result.json()["records"]["home_visits"])
    assert visits == [0, 1]


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            '[term."2024-autumn"]\nstart = 2024-08-26\n',
            "第 7 行：[term] 不是 lbc.toml 的设置（只能写 [school]、[files]、[pairing]、[terms]、"
            "[quotas]、[watch]、[synonyms]）",
        ),
        (
            "[quota]\nhome_visits_per_term = 2\n",
            "第 7 行：[quota] 不是 lbc.toml 的设置（只能写 [school]、[files]、[pairing]、[terms]、"
            "[quotas]、[watch]、[synonyms]）",
        ),
        (
            "[pairing]\nmax_per_teachers = 3\n",
            "第 8 行：[pairing] 中的 max_per_teachers 不是已知的设置（只能写 max_per_teacher）",
        ),
    ],
)
def test_a_mistyped_table_of_lbc_toml_is_one_error(tmp_path: Path, toml: str, said: str) -> None:
    """[term."2024-autumn"] for [terms."2024-autumn"], [quota] for [quotas], a key of
    [pairing] mistyped: each was dropped without a word (the default dates, quotas and
    places taken); now refused at its line, as a mistyped key of a term is."""
    ws = workspace(tmp_path, toml)
    result = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"lbc: 错误：配置文件 {ws / 'lbc.toml'} 有误：{said}\n"


def test_a_setting_above_every_table_is_one_error(tmp_path: Path) -> None:
    """name = 青山小学 written above [school]: said at its line, not dropped."""
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    (tmp_path / "lbc.toml").write_text('name = "青山小学"\n[files]\nroster = "r.xlsx"\n', "utf-8")
    result = run("validate", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：配置文件 {tmp_path / 'lbc.toml'} 有误：第 1 行：name 写在了所有表的前面，"
        "不是 lbc.toml 的设置（应写在 [school]、[files] 等表之下）\n",
    )


def test_a_mistyped_key_of_a_term_is_one_error(tmp_path: Path) -> None:
    """begin = 2024-08-26 for start: before, dropped without a word, the term started on
    the default 2024-09-01 and an August 28 visit counted for nothing; now refused at its
    line, as an unknown key of [quotas] is."""
    ws = workspace(tmp_path, '[terms."2024-autumn"]\nbegin = 2024-08-26\n')
    result = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"lbc: 错误：配置文件 {ws / 'lbc.toml'} 有误：第 8 行："
        '[terms."2024-autumn"] 中的 begin 不是学期的设置（只能写 start、end）\n'
    )


def _terms_with_a_break(folder: Path, records: list[list[object]]) -> None:
    """青山小学's workspace: 张雨涵 and 李明轩, both 王芳's, ``records``, and its own terms,
    autumn to Jan 17 and spring from Feb 10, with the winter break between."""
    kids = [[*CHILD_HEADER, "帮扶教师"], *([*child_row(n), "王芳"] for n in (1, 2))]
    sheets = {
        "花名册": kids,
        "教师": [["姓名", "在岗"], ["王芳", "是"]],
        "记录": [RECORD_HEADER, *records],
    }
    write_xlsx(folder / "r.xlsx", sheets)
    (folder / "lbc.toml").write_text(
        '[school]\nname = "青山小学"\n[files]\nroster = ["r.xlsx"]\n'
        '[terms."2024-autumn"]\nend = 2025-01-17\n[terms."2025-spring"]\nstart = 2025-02-10\n',
        encoding="utf-8",
    )


def test_a_spring_festival_visit_between_the_schools_terms_counts_for_the_year(
    tmp_path: Path,
) -> None:
    """青山小学's autumn term ends Jan 17 and its spring term starts Feb 10: its 送温暖 of
    Jan 25 (before the Spring Festival) is in no term, and counts toward the year's 送温暖,
    owed once a year, as summary counted it. Validate and the note said it counted for
    nothing (REC007); they no longer do. A talk of that day is still in no term."""
    day = dt.date(2025, 1, 25)
    _terms_with_a_break(
        tmp_path,
        [
            [day, "王芳", "张雨涵", None, "送温暖", "送米面油"],
            [day, "王芳", "李明轩", None, "谈心", "寒假安全"],
        ],
    )
    doc = run("summary", "--term", "2025-spring", "--format", "json", cwd=tmp_path)
    assert doc.json()["records"]["warmth_received"] == 1
    where = "r.xlsx 的“记录”第 3 行"
    assert f"提示：1 条帮扶记录的日期不在任何学期（首个在 {where}），没有计入" in doc.stderr
    due = run("due", "--as-of", "2025-03-03", "--format", "json", cwd=tmp_path).json()
    owed = {c["child"]: c["warmth"] for t in due["teachers"] for c in t["children"]}
    assert owed == {"张雨涵": 1, "李明轩": 0}
    found = run("validate", "--select", "REC", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["row"]) for f in found.json()["findings"]] == [("REC007", 3)]


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            '[terms."2024-autumn"]\nend = 2025-02-20\n[terms."2025-spring"]\nstart = 2025-02-10\n',
            '第 9 行：[terms."2025-spring"] 从 2025-02-10 开始，[terms."2024-autumn"] 到 '
            "2025-02-20 才结束：两个学期的日期重叠，同一天的记录会在两个学期各算一次",
        ),
        (
            '[terms."2024-autumn"]\nend = 2025-01-20\n[terms."2024秋"]\nstart = 2024-08-26\n',
            '第 9 行：[terms."2024秋"] 与 [terms."2024-autumn"] 是同一个学期，只能写一次',
        ),
    ],
)
def test_terms_set_twice_or_overlapping_are_one_error(tmp_path: Path, toml: str, said: str) -> None:
    """An autumn term set to end after the spring term set to start: a talk of Feb 15
    counted in both terms' summaries. One term set under two names: the second's dates
    were taken without a word. Each is refused at its line."""
    ws = workspace(tmp_path, toml)
    result = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"lbc: 错误：配置文件 {ws / 'lbc.toml'} 有误：{said}\n"


@pytest.mark.parametrize(
    ("toml", "term", "span"),
    [
        (
            '[terms."2024-autumn"]\nstart = 2024-08-26\n'
            '[terms."2025-spring"]\nstart = 2025-01-20\n',
            "2024-autumn",
            ("2024-08-26", "2025-01-19"),
        ),
        (
            '[terms."2024-autumn"]\nend = 2025-02-10\n[terms."2025-spring"]\nend = 2025-07-10\n',
            "2025-spring",
            ("2025-02-11", "2025-07-10"),
        ),
    ],
)
def test_a_date_left_unwritten_stops_short_of_the_neighbours_written_one(
    tmp_path: Path, toml: str, term: str, span: tuple[str, str]
) -> None:
    """Only the starts set (autumn Aug 26, spring Jan 20): autumn's unwritten end is the day
    before spring starts, not its default Jan 31, which was refused as an overlap no one
    wrote (and before that counted Jan 20–31 in both terms); only the ends set alike."""
    ws = workspace(tmp_path, toml)
    result = run("summary", "--term", term, "--format", "json", cwd=ws)
    assert result.exit_code == 0, result.stderr
    doc = result.json()["term"]
    assert (doc["start"], doc["end"]) == span


def test_due_in_the_winter_break_counts_the_years_warmth_given_in_it(tmp_path: Path) -> None:
    """青山小学's autumn term ends Jan 17 and spring starts Feb 10; 张雨涵 had 送温暖 on
    Jan 25. On Jan 30, in the break, lbc due owed her the year's 送温暖, counting the
    year's records up to the term's end; the summary and validate count it."""
    _terms_with_a_break(tmp_path, [[dt.date(2025, 1, 25), "王芳", "张雨涵", None, "送温暖", "米"]])
    for day in ("2025-01-30", "2025-02-12", "2025-08-20"):
        due = run("due", "--as-of", day, "--format", "json", cwd=tmp_path).json()
        owing = [
            c["child"] for t in due["teachers"] for c in t["children"] if "warmth" in c["owed"]
        ]
        assert (owing, due["summary"]["no_warmth"]) == (["李明轩"], 1), day
