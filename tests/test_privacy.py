"""One privacy policy for every command (lbc/output/privacy.py, cli-contract.md "Privacy").

ID and phone numbers are masked in every command's table, JSON and CSV unless
``--show-pii``; validate masks the names in its findings; flag, pair and diff print names
whole. Each roster below holds the numbers a command could leak, and every output is
searched for them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    child_row,
    make_id,
    run,
    write_xlsx,
)
from lbc.output.privacy import Privacy

FORMATS = ("table", "json", "csv")
BIRTH = dt.date(2016, 5, 1)
GOOD_ID = make_id(BIRTH, 102)  # child 1, as conftest builds it
REAL_ID = make_id(BIRTH, 104)  # child 2's true ID …
BAD_ID = REAL_ID[:-1] + ("1" if REAL_ID[-1] == "0" else "0")  # … written with a wrong check
SHORT_PHONE = "1381234567"  # ten digits: validate quotes it back
TEACHER_PHONE = "13500001111"
NUMBERS = (GOOD_ID, REAL_ID, BAD_ID, SHORT_PHONE, "13912345678", "13712345678", TEACHER_PHONE)


def masked_id(value: str) -> str:
    return value[:6] + "********" + value[-4:]


def roster(path: Path, guardian_phone: str = "13712345678") -> Path:
    """Child 1 with a malformed father's phone, child 2 with a bad ID and no phone at all
    (so flag lists it), one teacher with a phone and one without."""
    children = [
        CHILD_HEADER,
        child_row(1, 父亲电话=SHORT_PHONE, 监护人电话=guardian_phone),
        child_row(2, 身份证号=BAD_ID, 父亲电话=None, 母亲电话=None, 监护人电话=None),
    ]
    teachers = [
        TEACHER_HEADER,
        ["王芳", "女", TEACHER_PHONE, "班主任", "三年级(2)班", "语文", "否", "是"],
        ["李强", "男", None, "教师", "三年级(2)班", "数学", "否", "是"],
    ]
    return write_xlsx(path, {"花名册": children, "教师名单": teachers})


def leaked(text: str) -> list[str]:
    return [n for n in NUMBERS if n in text]


@pytest.mark.parametrize("fmt", FORMATS)
def test_validate_masks_ids_phones_and_names_unless_show_pii(tmp_path: Path, fmt: str) -> None:
    path = roster(tmp_path / "花名册.xlsx")
    masked = run("validate", path, "--format", fmt)
    assert masked.exit_code == 1, masked.stderr
    assert leaked(masked.stdout) == []
    assert masked_id(BAD_ID) in masked.stdout and "138***4567" in masked.stdout
    assert "李*轩" in masked.stdout and "李明轩" not in masked.stdout
    full = run("validate", path, "--format", fmt, "--show-pii")
    assert full.exit_code == 1
    assert BAD_ID in full.stdout and SHORT_PHONE in full.stdout and "李明轩" in full.stdout


@pytest.mark.parametrize("command", ["flag", "pair"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_flag_and_pair_print_names_whole_and_no_number(
    tmp_path: Path, command: str, fmt: str
) -> None:
    """A call list and a pairing list are useless masked, so names stay whole; they carry
    no ID or phone, so --show-pii is accepted and prints the very same."""
    path = roster(tmp_path / "花名册.xlsx")
    default = run(command, path, "--format", fmt)
    assert default.exit_code == (1 if command == "flag" else 0), default.stderr  # flag: child 2
    assert leaked(default.stdout) == []
    assert "李明轩" in default.stdout and "王芳" in default.stdout
    shown = run(command, path, "--format", fmt, "--show-pii")
    assert (shown.exit_code, shown.stdout) == (default.exit_code, default.stdout)


@pytest.fixture
def terms(tmp_path: Path) -> tuple[Path, Path]:
    """Child 1's guardian has a new phone this term (IDs are how children are matched, not
    a change diff reports, so only phones can show)."""
    old = roster(tmp_path / "上学期.xlsx")
    new = roster(tmp_path / "本学期.xlsx", guardian_phone="13700001111")
    return old, new


@pytest.mark.parametrize("fmt", FORMATS)
def test_diff_masks_changed_phones_unless_show_pii(terms: tuple[Path, Path], fmt: str) -> None:
    masked = run("diff", *terms, "--format", fmt)
    assert masked.exit_code == 0, masked.stderr
    assert leaked(masked.stdout) == [] and "13700001111" not in masked.stdout
    assert "137****5678" in masked.stdout and "137****1111" in masked.stdout
    assert "张雨涵" in masked.stdout  # whose record changed: the name whole
    full = run("diff", *terms, "--format", fmt, "--show-pii")
    assert "13712345678" in full.stdout and "13700001111" in full.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_merge_masks_the_duplicated_id_unless_show_pii(tmp_path: Path, fmt: str) -> None:
    """The same child in two schools: the ID merge reports is masked; its CSV (the counts
    per school) carries none."""
    for school in ("a", "b"):
        (tmp_path / school).mkdir()
        roster(tmp_path / school / "roster.xlsx")
        (tmp_path / school / "lbc.toml").write_text(
            f'[school]\nname = "{school}小学"\n', encoding="utf-8"
        )
    out = tmp_path / "全县.xlsx"
    masked = run("merge", tmp_path / "a", tmp_path / "b", "--out", out, "--format", fmt)
    assert masked.exit_code == 1, masked.stderr
    assert leaked(masked.stdout) == []
    full = run("merge", tmp_path / "a", tmp_path / "b", "--out", out, "--format", fmt, "--show-pii")
    if fmt == "csv":
        assert full.stdout == masked.stdout
    else:
        assert masked_id(GOOD_ID) in masked.stdout and masked_id(BAD_ID) in masked.stdout
        assert GOOD_ID in full.stdout and BAD_ID in full.stdout


def test_the_policy_in_one_place() -> None:
    masked, listed, shown = Privacy(), Privacy(names_in_full=True), Privacy(show_pii=True)
    assert masked.value("id_number", GOOD_ID) == masked_id(GOOD_ID)
    assert masked.value("guardian_phone", "137-1234-5678") == "137****5678"
    assert masked.value("address", "幸福村3组") == "幸福村3组"
    assert masked.child("张雨涵 三年级(2)班") == "张*涵 三年级(2)班"
    assert listed.child("张雨涵 三年级(2)班") == "张雨涵 三年级(2)班"
    assert listed.phone("13712345678") == "137****5678"  # names whole, numbers still masked
    assert shown.value("id_number", GOOD_ID) == GOOD_ID and shown.name("李明") == "李明"


def test_a_phone_cells_number_is_masked_as_it_was_written() -> None:
    """A number with a fraction (1381234567.8, PHN007) keeps its point, masked: without it
    the value read as a whole mobile (138****5678) nobody typed. A whole number as a CSV
    file writes one (7551234567.0) is its digits, masked as the number cell's are."""
    masked = Privacy()
    assert masked.phone("1381234567.8") == "138****567.8"
    assert masked.phone("138123456.78") == "138****56.78"
    assert masked.phone("7551234567.0") == masked.phone("7551234567") == "755***4567"
    assert masked.phone("138.1234.5678") == "138****5678"  # dots between groups
    # A cell of two numbers: each masked, the mark between them kept.
    assert masked.phone("13812345678,13912345678") == "138****5678,139****5678"
    assert masked.phone("13812345678/1391234567.8") == "138****5678/139****567.8"
    assert masked.phone("1381234567,8") == "138****567,8"  # one number, a comma in it
    # A local number shows its last four only: with its first three it showed whole.
    assert masked.phone("5521234") == masked.phone("552-1234") == "***1234"
    assert masked.phone("87654321") == "****4321"
    assert masked.phone("5521234/5521235") == "***1234/***1235"
    # What follows a malformed number's last digit shows, when it is only marks: it is
    # what is wrong; a word after it (a remark, a name) does not.
    assert masked.phone("13812345678。") == "138****5678。"
    assert masked.phone("5521235x") == "***1235x"
    assert masked.phone("13812345678王芳") == masked.phone("13812345678（停机）") == "138****5678"


TYPED_PHONE = "13600002222"  # a phone typed into a name or an address, where none belongs
TYPED_ID = make_id(BIRTH, 106)


def numbers_in_text(path: Path, *, address: str = "幸福村3组", records: bool = False) -> Path:
    """Child 1's name carries a phone, its address an ID number; ``records``: with a
    records sheet, of neither child."""
    children = [
        CHILD_HEADER,
        child_row(1, 姓名="张雨涵" + TYPED_PHONE, 家庭住址=address),
        child_row(2),
    ]
    teachers = [
        TEACHER_HEADER,
        ["王芳", "女", TEACHER_PHONE, "班主任", "三年级(2)班", "语文", "否", "是"],
    ]
    sheets = {"花名册": children, "教师名单": teachers}
    if records:
        row = [dt.date(2024, 10, 8), "王芳", "王五", "三年级(2)班", "谈心", "问候"]
        sheets["帮扶记录"] = [RECORD_HEADER, row]
    return write_xlsx(path, sheets)


@pytest.mark.parametrize("fmt", FORMATS)
def test_diff_masks_numbers_typed_into_names_and_free_text(tmp_path: Path, fmt: str) -> None:
    old = numbers_in_text(tmp_path / "上学期.xlsx")
    new = numbers_in_text(tmp_path / "本学期.xlsx", address="幸福村3组 " + TYPED_ID)
    masked = run("diff", old, new, "--format", fmt)
    assert masked.exit_code == 0, masked.stderr
    assert TYPED_PHONE not in masked.stdout and TYPED_ID not in masked.stdout
    assert "张雨涵136****2222" in masked.stdout and masked_id(TYPED_ID) in masked.stdout
    full = run("diff", old, new, "--format", fmt, "--show-pii")
    assert TYPED_PHONE in full.stdout and TYPED_ID in full.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_pair_masks_a_phone_typed_into_a_name(tmp_path: Path, fmt: str) -> None:
    path = numbers_in_text(tmp_path / "花名册.xlsx")
    masked = run("pair", path, "--format", fmt, "--max-per-teacher", "2")
    assert masked.exit_code == 0, masked.stderr
    assert TYPED_PHONE not in masked.stdout and "张雨涵136****2222" in masked.stdout
    full = run("pair", path, "--format", fmt, "--max-per-teacher", "2", "--show-pii")
    assert "张雨涵" + TYPED_PHONE in full.stdout


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_summary_masks_a_phone_typed_into_a_name(tmp_path: Path, fmt: str) -> None:
    """A summary has no --show-pii: the children it lists by name (here the unpaired, and
    those without a record) never carry the number typed with the name."""
    path = numbers_in_text(tmp_path / "花名册.xlsx", records=True)
    result = run("summary", path, "--term", "2024-autumn", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert TYPED_PHONE not in result.stdout and "张雨涵136****2222" in result.stdout


def test_a_row_without_a_name_is_said_so_its_class_unmasked(tmp_path: Path) -> None:
    """Row 2's 姓名 is empty (REQ001), row 3 is 李明轩's, his 监护人电话 too short. validate's
    对象 named row 2 by its class, masked as a name is (三*****班): a class hid as if it
    were a child. It says the name is empty, and the class as it is; a name is masked."""
    nameless = child_row(1)
    nameless[CHILD_HEADER.index("姓名")] = None
    short = child_row(2)
    short[CHILD_HEADER.index("监护人电话")] = "12345"
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, nameless, short]})
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["row"], f["code"], f["child"]) for f in found] == [
        (2, "REQ001", "（姓名空） 三年级(2)班"),
        (3, "PHN001", "李*轩 三年级(2)班"),
    ]
    table = run("validate", path).stdout.splitlines()
    assert [line.split()[:5] for line in table if "REQ001" in line or "PHN001" in line] == [
        ["B2", "REQ001", "错误", "（姓名空）", "三年级(2)班"],
        ["N3", "PHN001", "错误", "李*轩", "三年级(2)班"],
    ]
    english = run("--lang", "en", "validate", path, "--format", "json").json()["findings"]
    assert [f["child"] for f in english] == ["(no name) 三年级(2)班", "李*轩 三年级(2)班"]
    shown = run("validate", path, "--format", "json", "--show-pii").json()["findings"]
    assert [f["child"] for f in shown] == ["（姓名空） 三年级(2)班", "李明轩 三年级(2)班"]
