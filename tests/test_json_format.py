"""``to_json`` writes what ``json.dumps(…, ensure_ascii=False, indent=2, default=str)`` writes,
character for character, although it hands most of the work to orjson or the C encoder: every
command's ``--format json`` is a contract scripts parse and diff."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lbc.messages import readable
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
