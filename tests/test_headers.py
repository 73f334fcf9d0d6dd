"""Headers read by their parts: a role (父亲, 委托监护人 …) and an attribute (姓名, 当前务工地点 …),
in simplified or traditional characters, with connecting words and a bracketed remark."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CHILD_HEADER, child_row, run, write_xlsx
from lbc.roster.fields import (
    ATTRIBUTES,
    CONNECTORS,
    FIELDS,
    FORM_HEADERS,
    IGNORED_HEADERS,
    OWN_HEADERS,
    RECORD_ATTRIBUTES,
    ROLE_ATTRIBUTES,
    ROLES,
    Kind,
    Lookup,
    build_lookup,
    fold_header,
    person_key,
)
from lbc.roster.normalise import RECORD_KIND_WORDS
from lbc.roster.reading import RawSheet
from lbc.roster.tables import _HeaderReader, find_header

S2T = opencc.OpenCC("s2t")
PAIRS = [
    (role, spelling, attribute, word)
    for role, attributes in ROLE_ATTRIBUTES.items()
    for spelling in ROLES[role]
    for attribute in attributes
    for word in ATTRIBUTES[attribute]
]
# Every whole header each sheet kind knew before headers were read by their parts, and the
# field it meant: none may change its meaning.
BEFORE = json.loads((Path(__file__).with_name("headers_before_forms.json")).read_text("utf-8"))


def header_key(header: str) -> str | None:
    """The field a children sheet's header becomes, read the way lbc reads a sheet."""
    sheet = RawSheet("Sheet1", [["姓名", "身份证号", "班级", "留守类型", header]])
    found = find_header(sheet)
    assert found is not None and found.kind is Kind.CHILDREN
    return next((k for k, c in found.columns.items() if c.index == 4), None)


@settings(max_examples=400, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    connector=st.sampled_from(("", *CONNECTORS)),
    traditional=st.booleans(),
    remark=st.sampled_from(("", "(祖辈)", "（必填）")),
)
def test_every_role_and_attribute_maps_to_its_field(
    pair: tuple[str, str, str, str], connector: str, traditional: bool, remark: str
) -> None:
    role, spelling, attribute, word = pair
    header = spelling + remark + connector + word
    if traditional:
        header = S2T.convert(header)
    assert header_key(header) == person_key(role, attribute)


def test_each_role_and_attribute_is_one_field() -> None:
    keys = [f.key for f in FIELDS[Kind.CHILDREN]]
    assert len(keys) == len(set(keys))
    composed = {person_key(role, a) for role, attrs in ROLE_ATTRIBUTES.items() for a in attrs}
    assert composed <= set(keys)
    lookup = build_lookup(Kind.CHILDREN)
    for role, spelling, attribute, word in PAIRS:
        assert lookup.find(fold_header(spelling + word)) == person_key(role, attribute)


def test_no_header_known_before_changes_meaning() -> None:
    assert sum(map(len, BEFORE.values())) == 279
    for kind in Kind:
        lookup = build_lookup(kind)
        changed = {h: (k, lookup.find(h)) for h, k in BEFORE[kind.value].items()}
        assert {h: pair for h, pair in changed.items() if pair[0] != pair[1]} == {}


def test_handwritten_headers(tmp_path: Path) -> None:
    header = ["姓名", "身份证号", "班级", "留守类型", "父亲务工所在地", "监护人(祖辈)电话"]
    header += ["母親之聯繫電話", "委托监护人现住址", "外祖母出生年月", "就读状态"]
    header += ["父亲兴趣", "父亲出生日其"]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header]})
    result = run("validate", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    assert sheet["columns"] == {
        "name": "A",
        "id_number": "B",
        "class": "C",
        "left_behind_type": "D",
        "father_work_place": "E",
        "guardian_phone": "F",
        "mother_phone": "G",
        "guardian_address": "H",
        "maternal_grandmother_birth_date": "I",
        "enrollment_status": "J",
    }
    assert sheet["unknown_columns"] == ["父亲兴趣", "父亲出生日其"]
    assert result.stderr.replace("\n", "") == (
        f"提示：{path} 的“Sheet1”有未识别的列，已忽略：父亲兴趣(K)、父亲出生日其(L)"
        f"提示：{path} 的“Sheet1”中“父亲出生日其”(L)可能是“父亲出生日期”；"
        '如果是，请在 lbc.toml 中写明：[synonyms] father_birth_date = ["父亲出生日其"]'
    )


# Header texts and pieces of them, and the cells of children's rows: what find_header reads
# when it tries every one of a sheet's first rows as a header.
_HEADER_WORDS = sorted(
    {f.label for kind in FIELDS for f in FIELDS[kind]}
    | {s for kind in FIELDS for f in FIELDS[kind] for s in f.synonyms}
    | {s for texts in ROLES.values() for s in texts}
    | {s for texts in ATTRIBUTES.values() for s in texts}
    | set(CONNECTORS)
    | IGNORED_HEADERS
    | FORM_HEADERS
    | OWN_HEADERS
)
# A school's own headers (lbc.toml [synonyms]), of every kind, in characters of their own.
SCHOOL_SYNONYMS = {"guardian_phone": ["看护人手机号1"], "active": ["到岗否"], "kind": ["帮扶形式"]}
_PIECES = st.one_of(
    st.sampled_from(_HEADER_WORDS + [s for texts in SCHOOL_SYNONYMS.values() for s in texts]),
    st.sampled_from(["张雨涵", "男", "13800001111", "三年级(2)班", "（手机）", "(1)", " ", "父亲"]),
    st.text(alphabet="父母亲姓名电话务工地址监护人与儿童关系是否（）() 1", max_size=6),
)
_TEXTS = st.lists(_PIECES, max_size=3).map("".join)


_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def _reference(lookup: Lookup, top: str, sub: str, kind: Kind) -> tuple[str | None, str]:
    """A header read as find_header read it before it passed over texts by their
    characters: every reading tried, in order."""
    candidates = (top + sub, sub, top) if top else (sub,)
    candidates = (
        *candidates,
        *(re.sub(r"[(（\[【][^)）\]】]*[)）\]】]", "", c) for c in candidates),
    )
    for text in candidates:
        folded = fold_header(text)
        if folded in IGNORED_HEADERS:
            return None, "numbering"
        key = lookup.find(folded)
        if key:
            return key, ""
        if folded in FORM_HEADERS:
            return None, "form"
        if folded in OWN_HEADERS:
            return None, "own"
    return None, ""


@settings(max_examples=400, deadline=None)
@given(top=st.one_of(st.just(""), _TEXTS), sub=_TEXTS, kind=st.sampled_from(list(FIELDS)))
def test_a_header_passed_over_by_its_characters_names_nothing(
    top: str, sub: str, kind: Kind
) -> None:
    """find_header passes over a text holding a character no header it knows holds (a
    child's name, an ID number): that must never lose a field, a numbering column or a
    form's column or a teachers list's column of children (not read, but said) the text
    names, with a school's own synonyms too."""
    reader = _HeaderReader(SCHOOL_SYNONYMS)
    lookup = build_lookup(kind, SCHOOL_SYNONYMS)
    assert reader.field(kind, top, sub) == _reference(lookup, top, sub, kind)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(RECORD_KIND_WORDS)),
    st.sampled_from(sorted((k, w) for k, words in RECORD_ATTRIBUTES.items() for w in words)),
    st.sampled_from(["", " ", "：", "（必填）"]),
)
def test_a_records_header_names_its_kind_and_what_it_holds(
    kind: str, attribute: tuple[str, str], mark: str
) -> None:
    """谈心时间, 家访对象, 送温暖 教师：: a records header read by its kind and attribute,
    however spaced or marked; a children sheet never reads it so."""
    key, word = attribute
    reader = _HeaderReader(None)
    assert reader.field(Kind.RECORDS, "", f"{kind} {word}{mark}".strip()) == (key, "")
    assert reader.field(Kind.CHILDREN, "", kind + word)[0] is None


def test_a_roster_headed_in_everyday_words_is_read_for_what_it_says(tmp_path: Path) -> None:
    """与监护人关系, 学生身份证号, 学生状态, 身体健康状况 and 是否留守 are columns every command
    needs. Left unread (each said in a note), lbc flag asked both children's guardian's
    relation, which the sheet gives; the child 转出 was still on the lists; the disabled
    child was off the watch list; and the IDs were no IDs."""
    header = ["姓名", "性别", "班级", "是否留守", "父亲电话", "母亲电话", "监护人姓名"]
    header += ["与监护人关系", "监护人电话", "学生身份证号", "学生状态", "身体健康状况"]
    phones = ["13800000001", "13800000002", "张大爷", "祖父", "13800000003"]
    rows = [
        ["甲", "男", "三年级1班", "是", *phones, "511321201503041235", "转出", "健康"],
        ["乙", "男", "三年级1班", "是", *phones, "511321201503051230", "在读", "肢体残疾"],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    columns = run("columns", path, "--format", "json").json()
    (sheet,) = columns["files"][0]["sheets"]
    assert [c.get("field") for c in sheet["columns"]][3:] == [
        "left_behind_type",
        "father_phone",
        "mother_phone",
        "guardian_name",
        "guardian_relation",
        "guardian_phone",
        "id_number",
        "enrollment_status",
        "health",
    ]
    flag = run("flag", path, "--format", "json")
    assert (flag.exit_code, flag.json()["summary"]["children"]) == (0, 0)
    watch = run("watch", path, "--format", "json").json()
    assert [
        (c["name"], [r["code"] for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [("乙", ["WCH007"])]


def test_a_sign_off_sheet_of_pupils_is_no_teachers_list(tmp_path: Path) -> None:
    """A sheet of 序号, 姓名, 班级 and 家长签字 lists the roster's children for their parents
    to sign: it was read as a teachers list (班级 as 任教班级), and lbc pair paired the
    children with each other. It is skipped and said so; a sheet of 姓名 and 班级 whose
    name or title says it lists teachers (班主任名单, 三年级教师) is still one."""
    kids = [
        ["姓名", "班级", "留守类型", "监护人姓名", "监护人电话"],
        *(["生" + str(n), "三年级1班", "父亲外出", "张大爷", "13800000003"] for n in (1, 2)),
    ]
    signed = [["序号", "姓名", "班级", "家长签字"], [1, "生1", "三年级1班", None]]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": kids, "签收表": signed})
    result = run("pair", path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "lbc: 错误：没有找到教师名单（需要“姓名”和“联系电话/职务/任教班级”等列），无法结对；"
        "请一并给出教师名单文件\n"
    )
    checked = run("validate", path, "--format", "json")
    assert checked.json()["summary"]["teachers"] == 0
    assert (
        checked.stderr == f"提示：{path} 的工作表“签收表”不是花名册、教师名单或帮扶记录，已跳过\n"
    )
    heads = [["姓名", "班级"], ["王芳", "三年级1班"]]
    titled = [["三年级教师"], ["姓名", "班级"], ["李强", "三年级1班"]]
    path = write_xlsx(tmp_path / "h.xlsx", {"花名册": kids, "班主任名单": heads, "Sheet3": titled})
    doc = run("pair", path, "--format", "json").json()
    assert sorted(p["teacher"] for p in doc["pairs"]) == ["李强", "王芳"]


def test_a_header_broken_over_lines_is_quoted_on_one(tmp_path: Path) -> None:
    """A header cell a school breaks over two lines or pads (身份证\\n号码, 家庭  住址) is
    quoted whole in each finding's message, not with a line break inside the quotes."""
    header = [
        {"身份证号": "身份证\n号码", "家庭住址": "家庭　住址"}.get(h, h) for h in CHILD_HEADER
    ]
    row = child_row(1, 身份证号=None, 家庭住址=None)
    result = run(
        "validate", write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, row]}), "--format", "json"
    )
    assert [f["message"] for f in result.json()["findings"]] == [
        "“身份证号码”未填写",
        "“家庭住址”未填写",
    ]


FLAT_FORM = ["姓名", "性别", "公民身份证号码", "班级", "身体情况", "现居住地", "留守类型"]
FLAT_FORM += ["父亲姓名", "联系电话", "工作单位", "母亲姓名", "联系电话", "工作单位"]
FLAT_FORM += ["委托监护人姓名", "与被监护人关系", "受委托监护人电话"]


def flat_form_row(n: int, kind: str, *parents: str | None) -> list[str | None]:
    """Child ``n`` of FLAT_FORM: the father's name, phone and work place, the mother's."""
    child = child_row(n)
    return [child[1], "女", child[3], "三年级(2)班", "健康", "青山镇幸福村3组", kind, *parents]


def test_a_flattened_forms_phones_and_work_places_are_each_parents(tmp_path: Path) -> None:
    """The registration form flattened without its 父亲 and 母亲 group cells: 联系电话 and
    工作单位 after 父亲姓名 are the father's, after 母亲姓名 the mother's, as the form
    orders them. Read as 家长电话 and the rest dropped (notes said so), a mother away with
    no phone went unasked, and a father away with no work place too."""
    father = ["张大山", "13812345678", "广东省深圳市"]
    mother = ["李秀英", "13912345678", "浙江省杭州市"]
    guardian = ["张大爷", "祖父", "13712345678"]
    rows = [
        flat_form_row(1, "母亲外出", *father, "李秀英", None, "浙江省杭州市", *guardian),
        flat_form_row(2, "父亲外出", "张大山", "13812345678", None, *mother, *guardian),
        flat_form_row(3, "父母均外出", *father, *mother, *guardian),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [FLAT_FORM, *rows]})
    result = run("validate", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    assert {k: v for k, v in sheet["columns"].items() if k.startswith(("father", "mother"))} == {
        "father_name": "H",
        "father_phone": "I",
        "father_work_place": "J",
        "mother_name": "K",
        "mother_phone": "L",
        "mother_work_place": "M",
    }
    assert sheet["unknown_columns"] == []
    found = [(f["code"], f["row"], f["column"], f["field"]) for f in result.json()["findings"]]
    assert (found, result.stderr) == (
        [("CON003", 2, "L", "mother_phone"), ("CON005", 3, "J", "father_work_place")],
        "",
    )


def test_the_forms_own_parent_columns_flattened_are_each_parents(tmp_path: Path) -> None:
    """The form's own columns of each parent (出生日期, 公民身份证号码, 当前务工地点, 联系电话
    after 父亲姓名, again after 母亲姓名), flattened, are that parent's: the child's 出生日期
    and 公民身份证号码 before them stay the child's, no column is left unread."""
    parent = ["出生日期", "公民身份证号码", "当前务工地点", "联系电话"]
    header = ["姓名", "性别", "出生日期", "公民身份证号码", "班级"]
    header += ["父亲姓名", *parent, "母亲姓名", *parent, "委托监护人姓名", "受委托监护人电话"]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header]})
    (sheet,) = run("validate", path, "--format", "json").json()["files"][0]["sheets"]
    assert (sheet["columns"], sheet["unknown_columns"]) == (
        {
            "name": "A",
            "gender": "B",
            "birth_date": "C",
            "id_number": "D",
            "class": "E",
            "father_name": "F",
            "father_birth_date": "G",
            "father_id_number": "H",
            "father_work_place": "I",
            "father_phone": "J",
            "mother_name": "K",
            "mother_birth_date": "L",
            "mother_id_number": "M",
            "mother_work_place": "N",
            "mother_phone": "O",
            "guardian_name": "P",
            "guardian_phone": "Q",
        },
        [],
    )


@pytest.mark.parametrize(
    "header",
    [
        # the mother first: not the form's order
        ["母亲姓名", "联系电话", "工作单位", "父亲姓名", "联系电话", "工作单位"],
        # a column of the child's between the father's and the mother's
        ["父亲姓名", "联系电话", "工作单位", "健康状况", "母亲姓名", "联系电话", "工作单位"],
        # a phone and a work place after the mother's name only
        ["父亲姓名", "母亲姓名", "联系电话", "工作单位", "健康状况"],
    ],
)
def test_columns_out_of_the_forms_order_are_given_to_no_parent(
    tmp_path: Path, header: list[str]
) -> None:
    """Where the columns are not in the form's order, the place of a 联系电话 or 工作单位
    says nothing about whose it is: the first 联系电话 is 家长电话 as before, 工作单位
    is read as nothing, and no parent's phone or work place is made of either."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [["姓名", "身份证号", "班级", *header]]})
    result = run("validate", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    read = {k: v for k, v in sheet["columns"].items() if k.endswith(("phone", "work_place"))}
    assert read == {"parent_phone": chr(ord("D") + header.index("联系电话"))}


def test_guess_keeps_whose_column_it_is(tmp_path: Path) -> None:
    """An unknown header is guessed only as a field of the people it names: 父亲身份证件类型
    is not the child's 身份证件类型, 务工地点 (nobody's) not 父亲务工地址. A field's whole
    text with a person before it (父亲身份证件类型, 母亲的证件类型, 监护人身份证件类型) is
    that person's own such field, which lbc does not read, not one a letter away
    (监护人身份证号); a slip in a person's field (父亲出生日其) is still guessed."""
    unknown = [
        "父亲身份证件类型",
        "母亲的证件类型",
        "监护人身份证件类型",
        "务工地点",
        "父亲出生日其",
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [["姓名", "身份证号", "班级", *unknown]]})
    result = run("validate", path, "--format", "json")
    assert result.json()["files"][0]["sheets"][0]["unknown_columns"] == unknown
    assert result.stderr.replace("\n", "") == (
        f"提示：{path} 的“Sheet1”有未识别的列，已忽略：父亲身份证件类型(D)、母亲的证件类型(E)、"
        "监护人身份证件类型(F)、务工地点(G)、父亲出生日其(H)"
        f"提示：{path} 的“Sheet1”中“父亲出生日其”(H)可能是“父亲出生日期”；"
        '如果是，请在 lbc.toml 中写明：[synonyms] father_birth_date = ["父亲出生日其"]'
    )
    (sheet,) = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert [(c["header"], c["guess"]) for c in sheet["ignored"]] == [
        *((header, None) for header in unknown[:-1]),
        ("父亲出生日其", "father_birth_date"),
    ]


def test_proxy_parents_phone_is_no_parents_field(tmp_path: Path) -> None:
    """代理家长, the proxy parent, is the child's support teacher (a 帮扶教师 column): a
    代理家长电话 is the teacher's phone, which lbc does not read, so it is guessed as no
    parent's 家长电话, nor as the teacher's name one letter away; a slip in the teacher's
    column (代理家长姓明) is still guessed as it (the note leaves out a guess of a field the
    sheet has)."""
    unknown = ["代理家长电话", "代理家长手机", "代理家长姓明"]
    header = ["姓名", "身份证号", "班级", "代理家长", *unknown]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header]})
    result = run("validate", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    assert sheet["columns"] == {"name": "A", "id_number": "B", "class": "C", "support_teacher": "D"}
    assert sheet["unknown_columns"] == unknown
    assert result.stderr.replace("\n", "") == (
        f"提示：{path} 的“Sheet1”有未识别的列，已忽略：代理家长电话(E)、代理家长手机(F)、"
        "代理家长姓明(G)"
    )
    (sheet,) = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert [(c["column"], c["header"], c["field"]) for c in sheet["columns"]] == [
        ("A", "姓名", "name"),
        ("B", "身份证号", "id_number"),
        ("C", "班级", "class"),
        ("D", "代理家长", "support_teacher"),
    ]
    assert [(c["column"], c["header"], c["why"], c["guess"]) for c in sheet["ignored"]] == [
        ("E", "代理家长电话", "unknown", None),
        ("F", "代理家长手机", "unknown", None),
        ("G", "代理家长姓明", "unknown", "support_teacher"),
    ]


def test_a_phone_after_the_guardians_name_is_the_guardians(tmp_path: Path) -> None:
    """A flattened form's 联系电话 after 监护人姓名 (and 与儿童关系), once the parents' two
    are theirs, is the guardian's, as the form's 委托监护人 group orders it. Read as
    家长电话, a child whose parents are both away with no phone showed the grandfather's
    number as the parents'."""
    header = [*FLAT_FORM[:13], "监护人姓名", "与儿童关系", "联系电话"]
    rows = [
        flat_form_row(
            1, "父母均外出", "张大山", None, "广东省深圳市", "李秀英", None, "浙江省杭州市"
        ),
        flat_form_row(2, "父亲外出", "张大山", "13812345678", "广东省深圳市", "李秀英", None, None),
    ]
    rows = [[*row, "张老汉", "祖父", "13712345678"] for row in rows]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header, *rows]})
    result = run("validate", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    phones = {k: v for k, v in sheet["columns"].items() if k.endswith("phone")}
    assert phones == {"father_phone": "I", "mother_phone": "L", "guardian_phone": "P"}
    found = [(f["code"], f["row"], f["column"], f["field"]) for f in result.json()["findings"]]
    assert (found, result.stderr) == ([("CON002", 2, "I", "father_phone")], "")


@pytest.mark.parametrize(
    "others",
    [
        ["祖父姓名", "联系电话"],  # lbc keeps no phone of a grandfather
        ["监护人姓名", "联系电话", "联系电话"],  # two: which is the guardian's?
        ["委托监护人姓名", "联系电话", "受委托监护人电话"],  # the guardian's phone is named
    ],
)
def test_a_phone_after_another_persons_name_is_not_the_parents(
    tmp_path: Path, others: list[str]
) -> None:
    """A flattened form's 联系电话 after another person's name than the parents', that
    cannot be that person's, is read as no one's and a note says so: read as 家长电话,
    the grandfather's number was given as the parents'."""
    header = [*FLAT_FORM[:13], *others]
    row = flat_form_row(
        1, "父母均外出", "张大山", None, "广东省深圳市", "李秀英", None, "浙江省杭州市"
    )
    row += ["张老汉", "13712345678", "13712345678"][: len(others)]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header, row]})
    result = run("validate", path, "--format", "json")
    (sheet,) = result.json()["files"][0]["sheets"]
    assert "parent_phone" not in sheet["columns"]
    unread = [chr(ord("N") + j) for j, h in enumerate(others) if h == "联系电话"]
    columns = "、".join(f"联系电话({letter})" for letter in unread)
    assert result.stderr == (
        f"提示：{path} 的“Sheet1”有跟在父母以外的人的姓名之后的列，不知道是谁的，未读：{columns}\n"
    )
    found = [(f["code"], f["column"], f["field"]) for f in result.json()["findings"]]
    assert [f for f in found if f[0] != "COL001"] == [("CON002", "I", "father_phone")]
