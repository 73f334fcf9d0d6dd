"""The watch list read down columns (lbc.checks.watch.WatchFacts) against a reading of each
child's row cell by cell, written here as the criteria say it, on generated rosters: the
same children, the same reasons with the same cells, words and weights, in the same order,
on any day and with any [watch] settings, drawn once per day or from one reading for two."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RECORD_HEADER, make_id, write_xlsx
from lbc.checks.contacts import away_parents, phone_key
from lbc.checks.engine import person_id_date
from lbc.checks.registry import R, Rule
from lbc.checks.watch import Watched, WatchFacts, watch_list, weights
from lbc.messages import long_date, t
from lbc.roster import normalise as nz
from lbc.roster import phones
from lbc.roster.canonical import Roster, Table
from lbc.roster.changes import diff_rosters
from lbc.roster.people import LEFT_SCHOOL, age_on
from lbc.roster.support import ChildIndex, dated_records, each_childs_records
from lbc.roster.tables import distinct_children, load_roster
from lbc.workspace.config import WatchSettings
from lbc.workspace.schools import schools_of

# Each column's header and the values a cell may hold: the readable ones of each kind, an
# unreadable one, and empty. Few names, IDs and classes, so children share them.
CELLS: dict[str, list[Any]] = {
    "姓名": ["张雨涵", "李浩然", "王梓萱", None],
    "身份证号": [make_id(dt.date(2016, 5, d)) for d in (1, 2, 3, 4)] + [None],
    "班级": ["三年级(1)班", "三年级(2)班", "三班级", None],
    "家庭住址": ["团结村1组", "团结村2组", None],
    "留守类型": [
        "父母均外出",
        "父亲外出",
        "母亲外出",
        "非留守",
        "父母双方无监护能力",
        "留守(未注明)",  # as lbc wrote it before, beside the form's 实际监护情况
        "不知道",
        None,
    ],
    "在校状态": ["在读", "转出", "毕业", "休学", "辍学", "不在学", "未入园", None],
    "监护人姓名": ["王秀英", "李桂兰", None],
    "监护人身份证号": [
        make_id(dt.date(1954, 1, 20), 301),
        make_id(dt.date(2008, 12, 1), 302),
        make_id(dt.date(1980, 6, 1), 303),
        "51132119540120301X",
        None,
    ],
    "监护人出生日期": [dt.date(1955, 1, 15), "1954年12月", dt.date(2008, 1, 1), "不详", None],
    "监护人年龄": [70, 16, 45, "七十岁", "72周岁", 12, 5, 1950, None],
    "监护人身体状况": ["健康", "患病", "慢性病", "残疾", "差", None],
    "监护类型": [*nz.GUARDIANSHIP_RATINGS, "隔代监护", "自我监护", None],
    "实际监护情况": ["父母双方同时外出", "父母双方无监护能力", *nz.COUNTY_CARERS, "外出", None],
    "有无委托监护人": ["是", "否", None],
    "健康状况": ["健康", "患病", "慢性病", "残疾", None],
    "残疾类别及等级": ["无", "肢体三级", None],
    "患病类型": ["无", "哮喘", None],
    "类别": ["孤儿", "低保", "孤儿、残疾", None],
    "是否寄宿": ["是", "否", None],
    "父亲电话": ["13800138000", "1380013", None],
    "母亲电话": ["13900139000", "1390013", None],
    "家长电话": ["13700137000", "1370013", None],
    "孤儿": ["是", "否", None],
    "帮扶教师": ["王芳", "李军", None],
}
ALWAYS = ["姓名", "身份证号", "班级", "家庭住址", "留守类型", "在校状态", "监护人姓名"]
OPTIONAL = [h for h in CELLS if h not in ALWAYS and h not in ("父亲电话", "母亲电话", "家长电话")]
PHONES = [["父亲电话", "母亲电话"], ["家长电话"], ["父亲电话"], []]
DAYS = st.dates(dt.date(2024, 9, 1), dt.date(2025, 3, 1))


@st.composite
def rosters(draw: st.DrawFn) -> dict[str, Any]:
    """A roster of one or two children sheets, perhaps records, perhaps last term's."""
    header = ALWAYS + draw(st.lists(st.sampled_from(OPTIONAL), unique=True))
    header += draw(st.sampled_from(PHONES))

    def rows(n: int) -> list[list[Any]]:
        return [[draw(st.sampled_from(CELLS[h])) for h in header] for _ in range(n)]

    sheets = [rows(draw(st.integers(1, 12))) for _ in range(draw(st.integers(1, 2)))]
    records = [
        [
            draw(DAYS),
            "王芳",
            draw(st.sampled_from(CELLS["姓名"])),
            draw(st.sampled_from(CELLS["班级"])),
            "谈心",
            "聊天",
        ]
        for _ in range(draw(st.integers(0, 15)))
    ]
    last_term = draw(
        st.none()
        | st.just(
            [
                [
                    draw(st.sampled_from(CELLS[h]))
                    if h in ("家庭住址", "留守类型", "监护人姓名") and draw(st.booleans())
                    else v
                    for h, v in zip(header, row, strict=True)
                ]
                for row in sheets[0]
            ]
        )
    )
    return {"header": header, "sheets": sheets, "records": records, "last_term": last_term}


def write(folder: Path, doc: dict[str, Any]) -> tuple[Roster, Roster | None]:
    header = doc["header"]
    book = {f"名册{n}": [header, *rows] for n, rows in enumerate(doc["sheets"], 1)}
    if doc["records"]:
        book["帮扶记录"] = [RECORD_HEADER, *doc["records"]]
    roster = load_roster([write_xlsx(folder / "roster.xlsx", book)])
    if doc["last_term"] is None:
        return roster, None
    last = write_xlsx(folder / "last.xlsx", {"名册": [header, *doc["last_term"]]})
    return roster, load_roster([last])


Found = tuple[Rule, str, dict[str, object]]


def by_rows(
    roster: Roster, ws: WatchSettings, as_of: dt.date, previous: Roster | None
) -> list[Watched]:
    """The watch list read a cell at a time, a child at a time."""
    weight = weights(ws)
    children = [
        (table, i)
        for table, i, first in distinct_children(roster.children)
        if first is None
        and table.get("left_behind_type", i) is not None
        and not isinstance(table.get("left_behind_type", i), nz.Bad)
        and table.get("enrollment_status", i) not in LEFT_SCHOOL
    ]
    silent: dict[int, Found] = {}
    if roster.records:
        # A record names one of every child on the roster, considered or not, and a child
        # on several rows (one ID number) from any of them.
        files = roster.matching_schools()
        index: ChildIndex[object] = ChildIndex()
        keys: dict[int, list[object]] = {id(table): [] for table in roster.children}
        for table, i, first in distinct_children(roster.children):
            origin, j = first or (table, i)
            keys[id(table)].append((id(origin), j))
        for table in roster.children:
            index.add_table(table, keys[id(table)], files.get(table.file, ""))
        records = dated_records(roster, index, dt.date.min, as_of)  # type: ignore[arg-type]
        seen = each_childs_records(records).last
        last = {
            k: seen[(id(table), i)]
            for k, (table, i) in enumerate(children)
            if (id(table), i) in seen
        }
        # Counted within the school year: every day of DAYS is in the one of 2024-09-01.
        before = dt.date(2024, 8, 31)
        for k in range(len(children)):
            if (as_of - max(last.get(k, before), before)).days > ws.days_without_contact:
                when = long_date(last[k]) if k in last else t("watch.never")
                words = {"days": ws.days_without_contact, "last": when}
                silent[k] = (R.WCH013, "name", words)
    changed: dict[tuple[int, int], list[Found]] = {}
    if previous is not None:
        fields = {"guardian_name": R.WCH015, "left_behind_type": R.WCH016, "home_address": R.WCH017}
        diffed = diff_rosters(previous, roster, schools_of(previous).of, schools_of(roster).of)
        for m in diffed.matched:
            for c in m.changes:
                if c.field in fields:
                    words = {"old": c.old or "-", "new": c.new or "-"}
                    changed.setdefault((id(m.new[0]), m.new[1]), []).append(
                        (fields[c.field], c.field, words)
                    )
    # A row repeating a child's ID number adds what it says of the child's own state.
    states = (R.WCH007, R.WCH008, R.WCH009)
    # It is pointed at there: the cell of that row, and the words say which row it is.
    Source = tuple[Table, int] | None
    repeated: dict[tuple[int, int], list[tuple[Found, Source]]] = {}
    for table, i, first in distinct_children(roster.children):
        if first is not None:
            held = repeated.setdefault((id(first[0]), first[1]), [])
            held += [(f, (table, i)) for f in row_reasons(table, i, as_of, ws) if f[0] in states]
    out = []
    for k, (table, i) in enumerate(children):
        own: list[tuple[Found, Source]] = [(f, None) for f in row_reasons(table, i, as_of, ws)]
        for f, source in repeated.get((id(table), i), []):
            if all(g[0] is not f[0] for g, _ in own):
                own.append((f, source))
        found = [
            *own,
            *([(silent[k], None)] if k in silent else []),
            *((f, None) for f in changed.get((id(table), i), [])),
        ]

        def words(rule: Rule, params: dict[str, object], source: Source) -> str:
            if source is None:
                return rule.message(**params)
            tb, j = source
            reason = rule.message(**params)
            return t("watch.other_row", reason=reason, sheet=tb.sheet_at(j), row=tb.rows[j])

        reasons = [
            (
                rule,
                key,
                (source[0] if source else table).letter(key),
                words(rule, params, source),
                weight[rule.code],
            )
            for (rule, key, params), source in found
            if weight[rule.code] > 0
        ]
        if reasons and sum(r[4] for r in reasons) >= ws.threshold:
            reasons.sort(key=lambda r: (-r[4], r[0].code))
            out.append((table, i, reasons))
    return out  # type: ignore[return-value]


def row_reasons(table: Table, i: int, as_of: dt.date, ws: WatchSettings) -> list[Found]:
    """One child's reasons from its own row, in the criteria's order."""

    def get(key: str) -> Any:
        return table.get(key, i)

    def text(key: str) -> str:
        return get(key) if isinstance(get(key), str) else ""

    out: list[Found] = []
    kind, guardian = get("left_behind_type"), text("guardian_name")
    cared_for = get("care_situation") in ("祖父母、外祖父母", "亲戚朋友")
    raw_kind = table.raw["left_behind_type"][i] if "left_behind_type" in table.raw else None
    # The form's 父母双方无监护能力, in 留守类型 or beside an unsaid one in 实际监护情况.
    incapable = str(raw_kind).strip() in ("父母双方无监护能力", "双方无监护能力") or (
        str(raw_kind).strip() == "留守(未注明)" and get("care_situation") == "父母双方无监护能力"
    )
    unlooked = kind == nz.BOTH_AWAY or incapable
    if unlooked and (not (guardian or cared_for) or get("guardian_entrusted") == "否"):
        why = {"why": "父母双方无监护能力" if incapable else t(f"word.{nz.BOTH_AWAY}")}
        out.append(
            (R.WCH001, "guardian_name" if table.has("guardian_name") else "guardian_entrusted", why)
        )
    if get("guardianship_rating") == "无人监护":
        out.append((R.WCH002, "guardianship_rating", {"label": "监护类型", "value": "无人监护"}))
    elif get("care_situation") == "无委托照料人":
        words = {"label": "实际监护情况", "value": "无委托照料人"}
        out.append((R.WCH002, "care_situation", words))
    if get("guardianship_rating") in ("父或母无监护能力", "受委托监护人监护能力不足", "监护情况差"):
        out.append((R.WCH003, "guardianship_rating", {"rating": get("guardianship_rating")}))
    if guardian:
        born = person_id_date(get("guardian_id_number"))
        if born is not None:
            age, key = age_on(born, as_of), "guardian_id_number"
        elif age_on(get("guardian_birth_date"), as_of) is not None:
            age, key = age_on(get("guardian_birth_date"), as_of), "guardian_birth_date"
        elif isinstance(get("guardian_age"), int) and 10 <= get("guardian_age") <= 120:
            age, key = get("guardian_age"), "guardian_age"
        else:
            age, key = None, ""
        if age is not None and age >= ws.guardian_age:
            out.append((R.WCH004, key, {"age": age}))
        elif age is not None and age < 18:
            out.append((R.WCH006, key, {"age": age}))
        if any(w in text("guardian_health") for w in ("差", "病", "残疾")):
            out.append((R.WCH005, "guardian_health", {"health": text("guardian_health")}))
    health = text("health")
    cats = get("categories") if isinstance(get("categories"), tuple) else ()
    if "残疾" in health:
        out.append((R.WCH007, "health", {}))
    elif nz.says_something(get("disability")):
        out.append((R.WCH007, "disability", {}))
    elif "残疾" in cats:
        out.append((R.WCH007, "cat_disabled" if table.has("cat_disabled") else "categories", {}))
    if nz.says_something(get("illness")):
        out.append((R.WCH008, "illness", {"what": get("illness")}))
    elif "患病" in health or "病" in health:
        out.append((R.WCH008, "health", {"what": health}))
    if "孤儿" in cats:
        out.append((R.WCH009, "cat_orphan" if table.has("cat_orphan") else "categories", {}))
    if get("enrollment_status") in ("辍学", "休学", "不在学"):
        out.append((R.WCH010, "enrollment_status", {"status": get("enrollment_status")}))
    if get("boarding") == "是":
        out.append((R.WCH011, "boarding", {}))
    # (These rosters have no teachers list: any name in the cell is a support teacher.)
    if table.has("support_teacher") and not isinstance(get("support_teacher"), str):
        out.append((R.WCH012, "support_teacher", {"why": t("watch.teacher_blank")}))
    both = len(away_parents(kind)) == 2
    for who in away_parents(kind):
        key = phone_key(table, who)
        if not phones.numbers_to_call(get(key)):  # 无, 已停机: no number; two numbers: two
            parent, blank = t(f"contact.{who}"), get(key) is None
            if both:  # whose phone, after 父母均外出
                away = t("watch.away.both")
                how = t("watch.no_phone.whose" if blank else "watch.bad_phone.whose", who=parent)
            else:
                away = t("watch.away.one", who=parent)
                how = t("watch.no_phone" if blank else "watch.bad_phone")
            out.append((R.WCH014, key, {"away": away, "how": how}))
    return out


def plain(listed: list[Any]) -> list[tuple[Any, ...]]:
    """A list as (sheet, row, reasons as code, cell, column, words, weight)."""
    out = []
    for item in listed:
        table, i, reasons = (
            (item.table, item.i, item.reasons) if isinstance(item, Watched) else item
        )
        words = [
            (r.rule.code, r.field, r.column, r.message, r.weight)
            if not isinstance(r, tuple)
            else (r[0].code, *r[1:])
            for r in reasons
        ]
        out.append((table.sheet, table.rows[i], words))
    return out


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    doc=rosters(),
    days=st.lists(DAYS, min_size=2, max_size=2),
    threshold=st.integers(1, 5),
    guardian_age=st.integers(60, 75),
    without_contact=st.integers(1, 60),
    silence=st.sampled_from([{}, {"WCH013": 0}, {"WCH014": 5}]),
)
def test_down_columns_as_row_by_row(
    tmp_path_factory: Any,
    doc: dict[str, Any],
    days: list[dt.date],
    threshold: int,
    guardian_age: int,
    without_contact: int,
    silence: dict[str, int],
) -> None:
    roster, previous = write(tmp_path_factory.mktemp("watch"), doc)
    ws = WatchSettings(threshold, guardian_age, without_contact, silence)
    facts = WatchFacts(roster, previous)
    for day in days:
        expected = plain(by_rows(roster, ws, day, previous))
        assert plain(watch_list(roster, ws, day, previous)) == expected
        assert plain(facts.on(day, ws)) == expected  # one reading, two days
