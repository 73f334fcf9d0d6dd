"""lbc flag: who cannot be reached, grouped by class with the head teacher."""

from __future__ import annotations

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, without, write_xlsx

TEACHERS = [
    TEACHER_HEADER,
    ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
    ["李强", "男", "13800000002", "班主任", "一年级(1)班", "数学", "否", "是"],
    ["陈静", "女", None, "科任教师", "三年级(2)班", "英语", "否", "是"],
    ["赵敏", "女", "12345", "科任教师", "三年级(2)班", "音乐", "否", "是"],
]


def roster(tmp_path):
    rows = [
        CHILD_HEADER,
        child_row(1),  # row 2: reachable
        child_row(2, 监护人电话=None),  # 3: 三(2) both away, no guardian phone
        child_row(3, cls="一年级(1)班", kind="父亲外出", 父亲电话=None),  # 4
        child_row(4, cls="3(2)", 监护人电话="12345"),  # 5: malformed = unreachable
        child_row(5, kind="母亲外出", 父亲电话=None, 监护人电话=None),  # 6: nobody at home
        child_row(6, cls="火箭班", 监护人姓名=None),  # 7: class unreadable
        child_row(7, kind="非留守", 父亲电话=None, 母亲电话=None, 监护人电话=None),  # 8: fine
        child_row(8, 监护人电话=None, 在校状态="转出"),  # 9: left school: not listed
    ]
    header = [*CHILD_HEADER, "在校状态"]
    rows = [header] + [[*r, "在读"] for r in rows[1:-1]] + [[*rows[-1], "转出"]]
    return write_xlsx(tmp_path / "r.xlsx", {"花名册": rows, "教师": TEACHERS})


def test_flag_json_groups_by_class_in_grade_order(tmp_path):
    result = run("flag", roster(tmp_path), "--format", "json")
    assert result.exit_code == 1
    doc = result.json()
    assert doc["summary"] == {"children": 5, "teachers": 2, "untyped": 0, "unseen": 0}
    classes = [(c["class"], c["head_teachers"]) for c in doc["classes"]]
    assert classes == [("一年级(1)班", ["李强"]), ("三年级(2)班", ["王芳"]), ("火箭班", [])]
    third = doc["classes"][1]["children"]
    assert [(c["name"], c["row"], c["missing"]) for c in third] == [
        ("李明轩", 3, ["guardian_phone"]),
        ("刘浩然", 5, ["guardian_phone"]),
        ("陈思彤", 6, ["guardian_phone"]),
    ]
    assert doc["classes"][0]["children"][0]["missing"] == ["father_phone"]
    assert doc["classes"][2]["children"][0]["missing"] == ["guardian_name"]
    assert [(x["name"], x["row"]) for x in doc["teachers"]] == [("陈静", 4), ("赵敏", 5)]


def test_flag_table_is_a_list_per_head_teacher(tmp_path):
    out = run("flag", roster(tmp_path)).stdout
    assert "三年级(2)班（班主任：王芳）— 3 人缺少联系方式" in out
    assert "火箭班（班主任：未登记）— 1 人缺少联系方式" in out
    assert "教师 — 2 人缺少联系电话" in out
    assert out.rstrip().endswith("共 5 名儿童、2 名教师缺少必需的联系方式")


def test_flag_csv(tmp_path):
    lines = run("flag", roster(tmp_path), "--format", "csv").stdout.splitlines()
    assert lines[0] == "\ufeff班级,班主任,姓名,文件,工作表,行,缺少（代码）,缺少"
    assert lines[1].startswith("一年级(1)班,李强,王梓萱,")
    assert lines[1].endswith(",花名册,4,father_phone,父亲电话")
    assert lines[-1].endswith(",教师,5,phone,教师本人电话")
    assert len(lines) == 1 + 5 + 2


def test_flag_exit_zero_when_everyone_is_reachable(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    result = run("flag", path)
    assert result.exit_code == 0
    assert result.stdout == "所有儿童和教师的联系方式都已齐全。\n"


def test_flag_refuses_when_it_cannot_tell_who_is_left_behind(tmp_path):
    header, row = without(["留守类型"], child_row(1))
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, row]})
    result = run("flag", path)
    assert result.exit_code == 2
    assert "没有“留守类型”列" in result.stderr and len(result.stderr.splitlines()) == 1


def test_flag_lists_every_teacher_when_the_list_has_no_phone_column(tmp_path):
    teachers = [["姓名", "职务", "任教班级"], ["王芳", "班主任", "三年级(2)班"]]
    path = write_xlsx(
        tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1)], "教师": teachers}
    )
    result = run("flag", path, "--format", "json")
    assert result.exit_code == 1
    assert [t["name"] for t in result.json()["teachers"]] == ["王芳"]


def test_a_child_entered_on_two_sheets_is_one_child_to_call(tmp_path):
    """张雨涵 is on her class's sheet and again, with her ID number, on a sheet of late
    entries, both without a parent's phone: one child to call, at the row kept for her,
    not two (lbc validate says DUP001 of the second)."""
    late = child_row(1, 父亲电话=None, 母亲电话=None)
    sheets = {
        "三年级": [CHILD_HEADER, late, child_row(2)],
        "补录": [CHILD_HEADER, late],
    }
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    doc = run("flag", path, "--format", "json").json()
    assert doc["summary"] == {"children": 1, "teachers": 0, "untyped": 0, "unseen": 0}
    (group,) = doc["classes"]
    assert [(c["name"], c["sheet"], c["row"]) for c in group["children"]] == [
        ("张雨涵", "三年级", 2)
    ]


def test_a_parent_away_at_work_in_other_words_is_judged(tmp_path):
    """母亲外出打工 and 父母都外出 say who is away as 母亲外出 and 父母均外出 do: the mother's
    missing phone is flagged. Both cells were unreadable, the children left unjudged."""
    rows = [
        child_row(1, kind="母亲外出打工", 母亲电话=None),
        child_row(2, kind="父母都外出"),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    doc = run("flag", path, "--format", "json").json()
    assert doc["summary"] == {"children": 1, "teachers": 0, "untyped": 0, "unseen": 0}
    assert [(c["name"], c["missing"]) for g in doc["classes"] for c in g["children"]] == [
        ("张雨涵", ["mother_phone"])
    ]


def test_flag_lists_a_child_whose_guardian_is_an_away_parent(tmp_path):
    """Both parents away and the guardian listed is the father (与儿童关系 父亲), or the
    mother by name: every cell is filled in, yet nobody at home is on file. validate warns
    of it (CON007) and the watch list counts it (WCH001); flag lists the child to call, by
    the same test. The county's 实际监护情况 naming the grandparents is someone at home."""
    header = [*CHILD_HEADER, "母亲姓名", "实际监护情况"]
    rows = [
        [*child_row(1, 监护人姓名="张建国", 与儿童关系="父亲"), "李芳", None],
        [*child_row(2, 监护人姓名="李芳", 与儿童关系="亲属"), "李芳", None],
        [*child_row(3), "李芳", None],
        [*child_row(4, 监护人姓名="张建国", 与儿童关系="父亲"), "李芳", "祖父母、外祖父母"],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    result = run("flag", "r.xlsx", "--format", "csv", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    what = "在家照看孩子的监护人（登记的监护人是外出的父亲或母亲）"
    assert result.stdout.splitlines()[1:] == [
        f"三年级(2)班,,张雨涵,r.xlsx,花名册,2,guardian_name,{what}",
        f"三年级(2)班,,李明轩,r.xlsx,花名册,3,guardian_name,{what}",
    ]
    valid = run("validate", path, "--select", "CON", "--format", "json")
    assert [(f["code"], f["row"], f["field"]) for f in valid.json()["findings"]] == [
        ("CON007", 2, "guardian_name"),
        ("CON007", 3, "guardian_name"),
    ]


def test_flag_in_english_lists_the_missing_contacts_with_english_commas(tmp_path):
    """With --lang en the contacts a child lacks are joined as English joins a list, in
    the table and the CSV alike: a Chinese 、 between English words is a leak."""
    rows = [CHILD_HEADER, child_row(1, 监护人姓名=None, 监护人电话=None)]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    table = run("--lang", "en", "flag", path)
    assert table.exit_code == 1
    assert "guardian's name, guardian's phone" in table.stdout
    assert "、" not in table.stdout
    lines = run("--lang", "en", "flag", path, "--format", "csv").stdout.splitlines()
    assert lines[1].endswith(",\"guardian's name, guardian's phone\"")


def test_a_roster_of_headers_only_is_no_roster_to_flag(tmp_path):
    """Only headers, teachers all reachable: not "everyone is reachable" but "nobody in
    it", and exit 1 so that a script over a county's files notices the empty one."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER], "教师": TEACHERS[:3]})
    result = run("flag", path)
    assert result.exit_code == 1
    assert result.stdout == "花名册里一名儿童也没有，无从检查联系方式。\n"
    english = run("--lang", "en", "flag", path, "--format", "json")
    assert english.exit_code == 1
    assert english.json()["classes"] == []
    assert english.stderr == "the roster holds no children: there are no contacts to check.\n"


def test_a_roster_of_headers_only_says_so_beside_a_teacher_to_flag(tmp_path):
    """No children, and 陈静 has no phone: the table lists her and still says the roster
    holds no children (the JSON says both too), not a count of 0 children."""
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER], "教师": TEACHERS[:4]})
    result = run("flag", path)
    assert result.exit_code == 1
    assert "陈静" in result.stdout
    assert result.stdout.splitlines()[-1] == "花名册里一名儿童也没有，无从检查联系方式。"


def test_validate_says_a_roster_of_headers_only_holds_no_children(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER]})
    result = run("validate", path)
    assert result.exit_code == 1
    assert "没有发现问题" not in result.stdout
    assert "REQ002" in result.stdout and "儿童表里一名儿童也没有" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "共检查 0 名儿童、0 名教师、0 条帮扶记录：1 个错误，0 个警告"
    )


def test_a_teachers_list_headed_teachers_phone_gives_their_phones(tmp_path):
    """A school's teachers list headed 教师电话 (as lbc's pairs workbook heads it): the
    numbers are the teachers' own, so flag asks no teacher for a phone, and no column is
    left unread."""
    header = ["姓名", "教师电话", "任教班级"]
    staff = [header, ["王芳", "13800000001", "三年级(2)班"], ["李强", "13800000002", "一年级(1)班"]]
    children = [CHILD_HEADER, child_row(1)]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": children, "教师": staff})
    result = run("flag", path, "--format", "json")
    assert result.json()["teachers"] == []
    assert "教师电话" not in result.stderr


def test_a_guardians_phone_that_is_the_away_parents_reaches_nobody_at_home(tmp_path):
    """The guardian's phone is the away father's own number: it reaches Guangdong, not the
    grandfather at home (row 2, both away), nor anyone at home where the mother there has
    none (row 3, the father away and listed as guardian). Both are CON009 and on flag's
    list; with the mother's phone given (row 4), the mother at home is reached. Before,
    validate and flag said all three reachable."""
    father = "13812345678"
    rows = [
        CHILD_HEADER,
        child_row(1, 监护人电话=father),
        child_row(2, kind="父亲外出", 母亲电话=None, 监护人姓名="张建国", 与儿童关系="父亲",
                  监护人电话=father),
        child_row(3, kind="父亲外出", 监护人电话=father),
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found] == [
        ("CON009", 2, "N", "监护人电话就是外出的父亲的电话：在家照看孩子的人没有电话"),
        ("CON009", 3, "N", "监护人电话就是外出的父亲的电话：在家照看孩子的人没有电话"),
    ]
    flagged = run("flag", path, "--format", "json")
    assert flagged.exit_code == 1
    (cls,) = flagged.json()["classes"]
    assert [(c["row"], c["missing"]) for c in cls["children"]] == [
        (2, ["guardian_phone"]),
        (3, ["guardian_phone"]),
    ]
    shown = run("flag", path).stdout
    assert "  2    张雨涵   监护人本人的电话  " in shown.splitlines()


def test_a_left_behind_type_the_forms_care_column_contradicts_is_judged_as_parents_away(tmp_path):
    """The form's 实际监护情况 says both parents are away and 留守类型 says 非留守: VAL009
    at the 留守类型, and the child, with no guardian and no parent's phone, is on flag's
    list as a child of parents away. Both were said fine: read as 非留守, nothing was
    asked."""
    header = [*CHILD_HEADER, "实际监护情况"]
    row = child_row(1, kind="非留守", 父亲电话=None, 母亲电话=None, 监护人姓名=None,
                    与儿童关系=None, 监护人电话=None)  # fmt: skip
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, [*row, "父母双方同时外出"]]})
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["column"]) for f in found] == [
        ("VAL009", "I"),
        ("CON002", "J"),
        ("CON001", "L"),
        ("CON001", "M"),
        ("CON001", "N"),
    ]
    assert found[0]["message"] == (
        "留守类型“非留守”与实际监护情况“父母双方同时外出”不一致；两种情况要求的联系方式都会检查"
    )
    flagged = run("flag", path, "--format", "json").json()
    assert flagged["summary"]["children"] == 1


def test_no_all_clear_for_children_when_no_childs_type_could_be_read(tmp_path):
    """Every 留守类型 unreadable (火星): no child's contacts were checked, and the line on
    stdout says so rather than an all-clear a script piping stdout would take at its word
    (留守类型可识别的儿童…都已齐全, of no child); exit 1 and the note as before. With one
    child's type read, the line says the children whose type could be read."""
    rows = [CHILD_HEADER, child_row(1, kind="火星"), child_row(2, kind="火星")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("flag", path)
    assert result.exit_code == 1
    assert result.stdout == (
        "没有一名儿童的留守类型能够识别，儿童的联系方式都没有检查；所有教师的联系方式都已齐全。\n"
    )
    rows[1] = child_row(1)
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    assert run("flag", path).stdout == "留守类型可识别的儿童和所有教师的联系方式都已齐全。\n"


def test_a_contradicted_type_is_asked_what_either_reading_asks(tmp_path):
    """父母均外出 beside the form's 一方外出、另一方无监护能力, and no guardian: VAL009, and the
    guardian asked for as both parents away asks (CON001), not only one parent's phone as
    which parent is away unsaid asks. And 非留守 beside a plain 父母一方外出 (the parent at
    home caring) is no contradiction: nothing is said."""
    header = [*CHILD_HEADER, "实际监护情况"]
    none = {"监护人姓名": None, "与儿童关系": None, "监护人电话": None}
    rows = [
        [*child_row(1, **none), "父母一方外出、另一方无监护能力"],
        [*child_row(2, kind="非留守", **none), "父母一方外出"],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"]) for f in found] == [
        ("VAL009", 2, "I"),
        ("CON001", 2, "L"),
        ("CON001", 2, "M"),
        ("CON001", 2, "N"),
    ]


def test_no_con009_where_it_cannot_tell_or_con007_says_it(tmp_path):
    """A roster of one 家长电话 column: its number is as often the parent's at home, who is
    the guardian (李秀英, 母亲), as the away one's, so the guardian's phone being it says
    nothing. Both away and the guardian the father himself: CON007 says so, not CON009 as
    well (two errors for one gap). Both were CON009 from 3becb1b."""
    header = [*[h for h in CHILD_HEADER if h not in ("父亲电话", "母亲电话")], "家长电话"]
    one = dict(zip(CHILD_HEADER, child_row(1, kind="父亲外出", 监护人姓名="李秀英",
                                           与儿童关系="母亲", 监护人电话="13912345678"),
                   strict=True))  # fmt: skip
    path = write_xlsx(
        tmp_path / "r.xlsx", {"花名册": [header, [*(one[h] for h in header[:-1]), "13912345678"]]}
    )
    assert run("validate", path, "--format", "json").json()["findings"] == []
    rows = [
        CHILD_HEADER,
        child_row(1, 监护人姓名="张建国", 与儿童关系="父亲", 监护人电话="13812345678"),
    ]
    path = write_xlsx(tmp_path / "s.xlsx", {"花名册": rows})
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [f["code"] for f in found] == ["CON007"]
