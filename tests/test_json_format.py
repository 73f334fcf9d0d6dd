"""``to_json`` writes what ``json.dumps(…, ensure_ascii=False, indent=2, default=str)`` writes,
character for character, although it hands most of the work to orjson or the C encoder: every
command's ``--format json`` is a contract scripts parse and diff."""

from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lbc.messages import readable, said
from lbc.output import formats
from lbc.output.formats import to_json

# Text that could be mistaken for the encoder's own separators, among any other text.
# A file name that is not UTF-8 reaches a document with lone surrogates (os.fsdecode).
TEXT = st.text() | st.sampled_from(["}, {", "},\x00{", ",\x00", "\n  ", '"', "张三", "a\udcff"])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | TEXT
    | st.dates()  # not JSON: written as str() gives it
)
KEYS = TEXT | st.integers() | st.none() | st.booleans()
ROW = st.dictionaries(KEYS, SCALARS, max_size=4)
DOCUMENTS = st.recursive(
    SCALARS | st.lists(ROW, max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=30,
)


def reference(document: object) -> str:
    return readable(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS)
def test_the_text_is_json_dumps_indented(document: object) -> None:
    assert to_json(document) == reference(document)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.fixed_dictionaries({"child": TEXT, "row": st.integers(), "kept": SCALARS})))
def test_rows_are_written_as_json_dumps_writes_them(rows: list[dict[str, object]]) -> None:
    """A command's rows (pairs, findings) in a document: orjson writes most of them."""
    document = {"summary": {"rows": len(rows)}, "rows": rows}
    assert to_json(document) == reference(document)


def test_a_pairs_document_is_written_as_json_dumps_writes_it() -> None:
    document = {
        "lbc": "0.1",
        "summary": {"children": 2, "paired": 1},
        "pairs": [{"child": "张三", "class": "一年级(1)班", "row": 3, "kept": True}],
        "unpaired": [{"child": "李四", "why": "名额不足"}],
        "idle_teachers": [],
        "when": dt.date(2024, 9, 1),
    }
    assert to_json(document) == reference(document)
    assert to_json(document).splitlines()[6:13] == [
        '  "pairs": [',
        "    {",
        '      "child": "张三",',
        '      "class": "一年级(1)班",',
        '      "row": 3,',
        '      "kept": true',
        "    }",
    ]


def test_reasons_that_can_be_said_again_are_written_by_orjson_as_text() -> None:
    """A pair's reason is a messages.Said (a str that can be said again in Chinese): written
    as its text, and by orjson, as a plain str is; the pure-Python walk over a county's
    100,000 pairs took two and a half seconds."""
    rows = [
        {"child": "张三", "why": said("pair.reason.head"), "priority": [said("pair.why.no_name")]}
    ]
    document = {"pairs": rows, "summary": {"paired": 1}}
    assert formats._orjson_writes(document)
    assert to_json(document) == reference(document)
    assert json.loads(to_json(document))["pairs"][0]["why"] == str(rows[0]["why"])


def test_an_ordered_dict_is_written_in_its_own_order() -> None:
    """orjson and the C encoder read a dict subclass in the order its keys went in;
    json.dumps asks it for its items, as moved about since."""
    moved = collections.OrderedDict(a=1, b=2)
    moved.move_to_end("a")
    for document in (moved, {"x": moved}, [moved, {"f": 1.5}]):
        assert to_json(document) == reference(document)
    assert to_json(moved) == '{\n  "b": 2,\n  "a": 1\n}\n'


def test_a_list_subclass_is_written_as_it_iterates() -> None:
    class Backwards(list):  # type: ignore[type-arg]
        def __iter__(self):  # type: ignore[no-untyped-def]
            return reversed(list(super().__iter__()))

    for document in ({"x": Backwards([1, 2])}, {"x": Backwards([{"a": 1}, {"a": 2.5}])}):
        assert to_json(document) == reference(document)


def test_a_document_nested_as_deep_as_json_dumps_goes_is_written() -> None:
    for depth in (256, 400, 900):
        nested: object = "x"
        for k in range(depth):
            nested = [nested] if k % 2 else {"a": nested}
        assert to_json(nested) == reference(nested)


def test_a_document_holding_itself_is_refused_as_json_dumps_refuses_it() -> None:
    """Not a walk that never ends (a list holding itself once) or doubles each level
    (twice) until memory runs out."""
    once: list[object] = []
    once.append(once)
    twice: list[object] = []
    twice += [twice, twice]
    row: dict[str, object] = {"f": 1.5}
    row["self"] = row
    for document in (once, twice, {"rows": [row]}):
        with pytest.raises(ValueError, match="Circular reference detected"):
            to_json(document)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_the_bytes_are_the_text_in_utf8_or_none(document: object) -> None:
    """What orjson writes whole goes out as its bytes (json_bytes): the text to_json makes,
    in UTF-8; anything else is left to to_json (None)."""
    data = formats.json_bytes(document)
    assert data is None or data == to_json(document).encode("utf-8")


def two_children_one_teacher(path: Path) -> None:
    """A roster of two children and one teacher, who takes one (``--max-per-teacher 1``)."""
    from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, write_xlsx

    staff = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
    sheets = {"花名册": [CHILD_HEADER, child_row(1), child_row(2)], "教师": [TEACHER_HEADER, staff]}
    write_xlsx(path, sheets)


def test_lbc_pair_writes_its_json_as_bytes_of_json_dumps_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lbc pair's document goes to a UTF-8 stdout as orjson's bytes, never made text first
    (a county's pairs are 24 MB), and is what json.dumps writes, byte for byte."""
    from conftest import run
    from lbc.commands import common

    def never(document: object) -> str:
        raise AssertionError("written as text")

    two_children_one_teacher(tmp_path / "r.xlsx")
    monkeypatch.setattr(common, "to_json", never)
    result = run("pair", "r.xlsx", "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr  # one child unpaired
    doc = json.loads(result.stdout)
    assert [(p["child"], p["teacher"]) for p in doc["pairs"]] == [("张雨涵", "王芳")]
    assert result.stdout == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_lbc_pair_writes_its_json_without_walking_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lbc pair builds its document of text, integers, booleans and None alone, so it is
    handed to orjson without the walk asking whether orjson can write it (a tenth of a
    second over a county's 100,000 pairs), as bytes to a UTF-8 stdout and as text to any
    other (Windows); either way what json.dumps writes, byte for byte."""
    from conftest import run
    from lbc.commands import common

    def never(document: object) -> bool:
        raise AssertionError("walked")

    two_children_one_teacher(tmp_path / "r.xlsx")
    monkeypatch.setattr(formats, "_orjson_writes", never)
    outputs = []
    for utf8 in (True, False):
        monkeypatch.setattr(common, "_takes_utf8", lambda stream, utf8=utf8: utf8)
        result = run("pair", "r.xlsx", "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
        assert result.exit_code == 1, result.stderr  # one child unpaired
        outputs.append(result.stdout)
    doc = json.loads(outputs[0])
    assert [(p["child"], p["teacher"]) for p in doc["pairs"]] == [("张雨涵", "王芳")]
    assert outputs == [json.dumps(doc, ensure_ascii=False, indent=2) + "\n"] * 2


def test_the_walk_before_orjson_takes_no_python_step_per_row() -> None:
    """Whether orjson can write a document is asked of its rows in C: a county's 100,000
    pairs beside the list of its schools took a Python step per row and per value, a sixth
    of a second of lbc pair."""
    rows = [{"child": f"张{k}", "row": k, "kept": k % 2 == 0} for k in range(2000)]
    schools = [{"school": "一小", "paired": 1000}, {"school": "二小", "paired": 1000}]
    document = {"summary": {"paired": 2000, "schools": schools}, "pairs": rows, "unpaired": []}
    steps = [0]

    def count(frame: object, event: str, arg: object) -> object:
        steps[0] += 1
        return count

    previous = sys.gettrace()
    sys.settrace(count)
    try:
        writes = formats._orjson_writes(document)
    finally:
        sys.settrace(previous)
    assert writes and steps[0] < 200
    assert to_json(document) == reference(document)
