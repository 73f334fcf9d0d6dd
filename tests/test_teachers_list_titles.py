"""A teachers list kept in a file of its own, titled with its school (白鹤小学教师名单),
beside a school's roster titled with another (青山镇中心小学留守儿童花名册).

The list's title was not read: its teachers were paired with the roster's children, with
no word, as if they were the school's. A title is now read as a roster's or a record
sheet's is: where the run has no other teachers list, or the list shares a teacher with
one, it is taken as the run's school's, said in a note (a school writes its name short:
青山小学); else it is the school it names, whose teachers support none of the run's
children, said in a note too. Through the real CLI on real workbooks."""

from __future__ import annotations

from pathlib import Path

from test_pair import C32, C51, kid, teacher

from conftest import run, table, write_xlsx

ROSTER_TITLE = ["青山镇中心小学留守儿童花名册"]
STAFF = [teacher("周老师", C32), teacher("吴老师", C51)]


def folder(
    tmp_path: Path,
    own: list[dict[str, object]] | None,
    title: str,
    roster_title: list[str] = ROSTER_TITLE,
) -> Path:
    """青山镇中心小学's roster of three children (titled ``roster_title``), its own untitled
    teachers list ``own`` where given, and a list of 周老师 and 吴老师 titled ``title``."""
    school = tmp_path / "X"
    school.mkdir()
    kids = table([kid(n) for n in (1, 2, 3)])
    write_xlsx(school / "花名册.xlsx", {"花名册": [roster_title, *kids]})
    if own is not None:
        write_xlsx(school / "教师.xlsx", {"教师名单": table(own)})
    write_xlsx(school / "名单.xlsx", {"教师名单": [[title], *table(STAFF)]})
    return school


def paired(tmp_path: Path, exit_code: int = 0) -> tuple[list[tuple[str, str]], list[str]]:
    """The pairs ``lbc pair`` makes of the folder, and its notes; ``exit_code``: 1 where a
    child is left unpaired."""
    result = run("pair", "X", "--format", "json", cwd=tmp_path)
    assert result.exit_code == exit_code, result.stderr
    pairs = [(p["child"], p["teacher"]) for p in result.json()["pairs"]]
    return pairs, result.stderr.splitlines()


def merged_schools(tmp_path: Path, source: str = "X") -> list[tuple[str, int, int]]:
    """The schools ``lbc merge`` makes of ``source``: each one's name, children and teachers."""
    merged = run("merge", source, "--out", "m.xlsx", "--format", "json", cwd=tmp_path)
    return [(s["school"], s["children"], s["teachers"]) for s in merged.json()["schools"]]


NO_PREVIOUS = (
    "提示：花名册没有“帮扶教师”列，也没有用 --keep 给出上学期结对名单；本次结对不会参照以往结对"
)


def test_another_schools_list_beside_the_schools_own_pairs_nobody(tmp_path: Path) -> None:
    """周老师 and 吴老师 of 白鹤小学 supported 青山镇中心小学's children beside its own 王芳."""
    folder(tmp_path, [teacher("王芳", C32)], "白鹤小学教师名单")
    pairs, notes = paired(tmp_path, exit_code=1)
    assert pairs == [("李明轩", "王芳"), ("王梓萱", "王芳")]
    assert notes == [
        "提示：X/名单.xlsx 是白鹤小学的教师，本次没有读到白鹤小学的儿童，"
        "这些教师不与其他学校的儿童结对；如果他们是本校教师，请改正标题或“学校”列",
        NO_PREVIOUS,
    ]
    # Every command says whose the list is: lbc validate said nothing of it.
    for command in (["validate"], ["due", "--term", "2024-autumn", "--as-of", "2024-10-31"]):
        said = run(*command, "X", "--format", "json", cwd=tmp_path).stderr.splitlines()
        assert said[0] == notes[0], command
    # The term's summary is the children's school's, as without the list.
    summary = run("summary", "X", "--term", "2024-autumn", cwd=tmp_path)
    assert (
        summary.stdout.splitlines()[0]
        == "# 青山镇中心小学2024—2025学年第一学期留守儿童关爱工作总结"
    )
    english = run("--lang", "en", "pair", "X", "--format", "json", cwd=tmp_path)
    assert english.stderr.splitlines()[0] == (
        "note: X/名单.xlsx holds 白鹤小学's teachers, and no child of 白鹤小学 was read: they are"
        " not paired with another school's children; if they are this school's teachers,"
        " correct the title or the 学校 column"
    )


def test_another_schools_list_alone_is_taken_as_the_schools_and_said(tmp_path: Path) -> None:
    """With no list of its own to tell by, the title may be the school's name written
    short: the list is the school's, as a record sheet's is, but no longer without a word."""
    folder(tmp_path, None, "白鹤小学教师名单")
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师"), ("李明轩", "周老师"), ("王梓萱", "吴老师")]
    assert notes == [
        "提示：X/名单.xlsx 的标题写的学校是“白鹤小学”，本次读取的花名册只有青山镇中心小学的，"
        "其中的教师按青山镇中心小学的教师结对、核对；如果这不是青山镇中心小学的教师名单，请把它移出，或改正标题",
        NO_PREVIOUS,
    ]


def test_a_list_titled_short_sharing_a_teacher_is_the_schools(tmp_path: Path) -> None:
    """青山小学教师名单, listing 周老师 as the school's own list does: the school's name
    written short, its teachers the school's."""
    folder(tmp_path, [teacher("周老师", C32)], "青山小学教师名单")
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师"), ("李明轩", "周老师"), ("王梓萱", "吴老师")]
    assert notes[0] == (
        "提示：X/名单.xlsx 的标题写的学校是“青山小学”，本次读取的花名册只有青山镇中心小学的，"
        "其中的教师按青山镇中心小学的教师结对、核对；如果这不是青山镇中心小学的教师名单，请把它移出，或改正标题"
    )


def test_a_list_with_a_school_column_of_another_school_is_said(tmp_path: Path) -> None:
    """Its 学校 column said 白鹤小学: its teachers paired nobody, the children were said to
    have no teacher, and nothing said why."""
    school = tmp_path / "X"
    school.mkdir()
    write_xlsx(school / "花名册.xlsx", {"花名册": [ROSTER_TITLE, *table([kid(1)])]})
    staff = table([{"学校": "白鹤小学", **x} for x in STAFF])
    write_xlsx(school / "名单.xlsx", {"教师名单": staff})
    result = run("pair", "X", "--format", "json", cwd=tmp_path)
    assert result.json()["pairs"] == []
    said = (
        "提示：X/名单.xlsx 是白鹤小学的教师，本次没有读到白鹤小学的儿童，"
        "这些教师不与其他学校的儿童结对；如果他们是本校教师，请改正标题或“学校”列"
    )
    assert result.stderr.splitlines()[0] == said
    assert run("validate", "X", cwd=tmp_path).stderr.splitlines() == [said]


def test_a_list_titled_by_what_it_lists_names_no_school(tmp_path: Path) -> None:
    """结对帮扶教师名单 names no school (结对 is no school's name): the list is the school's,
    beside its own list too, and nothing is said of it."""
    folder(tmp_path, [teacher("王芳", C32)], "结对帮扶教师名单")
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师"), ("李明轩", "王芳"), ("王梓萱", "吴老师")]
    assert notes == [NO_PREVIOUS]


def test_an_untitled_roster_keeps_its_titled_teachers_list(tmp_path: Path) -> None:
    """花名册.xlsx with no title beside 青山小学教师名单, in X/ or in 青山镇中心小学/: the list
    is the school's, as before titles of lists were read (the first reading of them parted
    the children from their teachers: nobody paired). In 青山镇中心小学/, the school the
    folder names, a note says how its title was read, as beside a titled roster."""
    read_as = (
        "提示：X/青山镇中心小学/教师.xlsx 的标题写的学校是“青山小学”，本次读取的花名册只有"
        "青山镇中心小学的，其中的教师按青山镇中心小学的教师结对、核对；如果这不是青山镇中心"
        "小学的教师名单，请把它移出，或改正标题"
    )
    for where, said in (("X", []), ("X/青山镇中心小学", [read_as])):
        school = tmp_path / where
        school.mkdir(parents=True)
        write_xlsx(school / "花名册.xlsx", {"花名册": table([kid(n) for n in (1, 2, 3)])})
        write_xlsx(school / "教师.xlsx", {"教师名单": [["青山小学教师名单"], *table(STAFF)]})
        pairs, notes = paired(tmp_path)
        assert pairs == [("张雨涵", "周老师"), ("李明轩", "周老师"), ("王梓萱", "吴老师")]
        assert notes == [*said, NO_PREVIOUS]
        assert merged_schools(tmp_path) == [("青山镇中心小学" if "/" in where else "X", 3, 2)]
        (tmp_path / "m.xlsx").unlink()
        for path in school.iterdir():
            path.unlink()


def test_a_countys_school_keeps_its_titled_teachers_list(tmp_path: Path) -> None:
    """县/青山小学/: an untitled roster and 青山镇中心小学教师名单; 县/白鹤小学/: its roster
    titled. Of several schools, a list's title parts it from nothing: 青山小学's children
    are paired with its teachers, as before."""
    qs, bh = tmp_path / "县" / "青山小学", tmp_path / "县" / "白鹤小学"
    qs.mkdir(parents=True)
    bh.mkdir()
    write_xlsx(qs / "花名册.xlsx", {"花名册": table([kid(1)])})
    write_xlsx(qs / "教师.xlsx", {"教师名单": [["青山镇中心小学教师名单"], *table(STAFF)]})
    write_xlsx(bh / "花名册.xlsx", {"花名册": [["白鹤小学留守儿童花名册"], *table([kid(4, C51)])]})
    write_xlsx(bh / "教师.xlsx", {"教师名单": table([teacher("王芳", C51)])})
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [
        ("刘浩然", "王芳"),
        ("张雨涵", "周老师"),
    ]


def test_a_schools_lists_kept_a_file_to_each_grade_are_the_schools(tmp_path: Path) -> None:
    """青山小学一至三年级教师名单 and 青山小学四至六年级教师名单, the school's name written
    short on both, no teacher on both: each was told from the other as another school's,
    and nobody was paired (本校没有可结对的在岗教师). A list titled as it is tells it from
    nothing: both are the school's, as one such list alone is, and said."""
    school = tmp_path / "X"
    school.mkdir()
    write_xlsx(
        school / "花名册.xlsx", {"花名册": [ROSTER_TITLE, *table([kid(n) for n in (1, 2, 3)])]}
    )
    for name, title, staff in (
        ("低年级.xlsx", "青山小学一至三年级教师名单", STAFF[:1]),
        ("高年级.xlsx", "青山小学四至六年级教师名单", STAFF[1:]),
    ):
        write_xlsx(school / name, {"教师名单": [[title], *table(staff)]})
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师"), ("李明轩", "周老师"), ("王梓萱", "吴老师")]
    assert notes == [
        f"提示：X/{name} 的标题写的学校是“青山小学”，本次读取的花名册只有青山镇中心小学的，"
        "其中的教师按青山镇中心小学的教师结对、核对；如果这不是青山镇中心小学的教师名单，请把它移出，或改正标题"
        for name in ("低年级.xlsx", "高年级.xlsx")
    ] + [NO_PREVIOUS]
    assert merged_schools(tmp_path) == [("青山镇中心小学", 3, 2)]


def test_a_roster_titled_by_its_township_keeps_the_schools_titled_list(tmp_path: Path) -> None:
    """青山镇留守儿童花名册 names a township, no school (the documents say （学校名称）):
    青山镇中心小学教师名单 beside it and the school's untitled list was told from it as
    another school's, its teachers paired with nobody. The title tells nothing here; the
    list is the folder's school's, as before titles of lists were read."""
    folder(tmp_path, [teacher("王芳", C32)], "青山镇中心小学教师名单", ["青山镇留守儿童花名册"])
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师"), ("李明轩", "王芳"), ("王梓萱", "吴老师")]
    assert notes == [NO_PREVIOUS]
    assert merged_schools(tmp_path) == [("青山镇", 3, 3)]


def test_a_list_titled_by_a_name_every_township_school_goes_by_is_the_schools(
    tmp_path: Path,
) -> None:
    """中心小学教师名单 beside 青山镇中心小学's roster and its own list, nothing saying the
    township: it was told apart as a school 中心小学 (是中心小学的教师，本次没有读到中心小学的
    儿童) and its teachers paired nobody. A name any township's school goes by names none;
    the list is the folder's school's, as an untitled one, and nothing is said of it."""
    folder(tmp_path, [teacher("王芳", C32)], "中心小学教师名单")
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师"), ("李明轩", "王芳"), ("王梓萱", "吴老师")]
    assert notes == [NO_PREVIOUS]
    assert merged_schools(tmp_path) == [("青山镇中心小学", 3, 3)]


def test_a_former_teacher_on_the_list_kept_apart_is_said_to_be_on_it(tmp_path: Path) -> None:
    """张雨涵's 帮扶教师 is 周老师, who is on 白鹤小学's list kept apart: lbc validate said
    周老师 was on no teachers list (TCH003), lbc pair that she was not in the teachers list,
    and her two idle teachers had 暂无可结对的儿童 as if the school had nobody to give
    them. Each now says whose list she is on, and why they support nobody."""
    school = folder(tmp_path, [teacher("王芳", C32)], "白鹤小学教师名单")
    kids = table([kid(1, 帮扶教师="周老师"), kid(2), kid(3)])
    write_xlsx(school / "花名册.xlsx", {"花名册": [ROSTER_TITLE, *kids]})
    found = run("validate", "X", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["message"]) for f in found] == [
        (
            "TCH003",
            "帮扶教师“周老师”不在本校的教师名单中（只在白鹤小学的教师名单上）",
        )
    ]
    english = run("--lang", "en", "validate", "X", "--format", "json", cwd=tmp_path)
    assert english.json()["findings"][0]["message"] == (
        "support teacher '周老师' is not in the school's teacher list (only on 白鹤小学's)"
    )
    result = run("pair", "X", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (
        "提示：原帮扶教师“周老师”不在本校的教师名单中（只在白鹤小学的教师名单上），"
        "其结对儿童已重新安排"
    )
    assert [(x["teacher"], x["why"]) for x in result.json()["idle_teachers"]] == [
        ("周老师", "本次没有读到白鹤小学的儿童"),
        ("吴老师", "本次没有读到白鹤小学的儿童"),
    ]


def test_a_flat_county_folders_lists_titled_with_their_schools_are_theirs(
    tmp_path: Path,
) -> None:
    """县/ holds 青山镇中心小学's and 白鹤小学's rosters, titled, and a teachers list of each
    (教师1.xlsx, 教师2.xlsx) titled with its school. Each list was read as a school of its
    own file (没有写明学校), and nobody was paired: named 青山镇中心小学教师名单.xlsx, the
    same lists were each the school's. A title naming a school whose children are read
    beside it (or below it) is as good as the file's name."""
    county = tmp_path / "县"
    county.mkdir()
    for name, title, kids, staff in (
        ("青山镇中心小学.xlsx", "青山镇中心小学", [kid(1), kid(2)], ("教师1.xlsx", "周老师", C32)),
        ("白鹤小学.xlsx", "白鹤小学", [kid(3, C51)], ("教师2.xlsx", "吴老师", C51)),
    ):
        write_xlsx(county / name, {"花名册": [[f"{title}留守儿童花名册"], *table(kids)]})
        file, who, cls = staff
        write_xlsx(county / file, {"教师名单": [[f"{title}教师名单"], *table([teacher(who, cls)])]})
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [
        ("王梓萱", "吴老师"),
        ("张雨涵", "周老师"),
        ("李明轩", "周老师"),
    ]
    assert result.stderr.splitlines() == [NO_PREVIOUS]
    assert merged_schools(tmp_path, "县") == [
        ("白鹤小学", 1, 1),
        ("青山镇中心小学", 2, 1),
    ]
    again = run("pair", "m.xlsx", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in again.json()["pairs"]] == [
        ("王梓萱", "吴老师"),
        ("张雨涵", "周老师"),
        ("李明轩", "周老师"),
    ]


def test_a_list_titled_with_one_school_and_a_school_column_of_another_is_said(
    tmp_path: Path,
) -> None:
    """白鹤小学教师名单 whose 学校 column says 青山镇中心小学 on every row: its teachers are
    青山镇中心小学's by the column, as a roster's children are, and were paired so without
    a word, where a roster titled and columned so is said (note.unlike_title)."""
    school = tmp_path / "X"
    school.mkdir()
    write_xlsx(school / "花名册.xlsx", {"花名册": [ROSTER_TITLE, *table([kid(1)])]})
    staff = table([{**x, "学校": "青山镇中心小学"} for x in STAFF])
    write_xlsx(school / "名单.xlsx", {"教师名单": [["白鹤小学教师名单"], *staff]})
    said = (
        "提示：X/名单.xlsx 的标题写的是“白鹤小学”，“学校”列写的却是“青山镇中心小学”："
        "其中的教师按“学校”列算作青山镇中心小学的；如果两者不是同一所学校，请改正标题或“学校”列"
    )
    pairs, notes = paired(tmp_path)
    assert pairs == [("张雨涵", "周老师")]
    assert notes == [said, NO_PREVIOUS]
    assert run("validate", "X", cwd=tmp_path).stderr.splitlines() == [said]
    merged = run("merge", "X", "--out", "m.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.stderr.splitlines().count(said) == 1
    english = run("--lang", "en", "validate", "X", cwd=tmp_path).stderr.splitlines()
    assert english == [
        "note: X/名单.xlsx is titled “白鹤小学” but its 学校 column says “青山镇中心小学”: its"
        " teachers are counted as 青山镇中心小学's, by the column; if the two are not one school,"
        " correct the title or the 学校 column"
    ]


def test_a_list_titled_with_a_junior_or_senior_high_school_names_it(tmp_path: Path) -> None:
    """城关高中教师名单 and 青山初中教师名单 in a county's flat folder: a name ending 初中 or
    高中 was no school's to a list's title (only 小学, 中学, 学校 … were), so the lists
    named no school, and their teachers paired nobody."""
    county = tmp_path / "县"
    county.mkdir()
    for n, school, cls, who in ((1, "城关高中", C32, "周老师"), (3, "青山初中", C51, "吴老师")):
        rows = [[f"{school}留守儿童花名册"], *table([kid(n, cls)])]
        write_xlsx(county / f"{school}.xlsx", {"花名册": rows})
        staff = [[f"{school}教师名单"], *table([teacher(who, cls)])]
        write_xlsx(county / f"教师{n}.xlsx", {"教师名单": staff})
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [
        ("张雨涵", "周老师"),
        ("王梓萱", "吴老师"),
    ]


def test_a_schools_division_titled_alone_is_the_schools_folders(tmp_path: Path) -> None:
    """县/白鹤中学/ keeps its 初中 and 高中 apart: 初中.xlsx titled 初中留守儿童花名册,
    高中.xlsx titled 高中留守儿童名单, and 高中教师.xlsx titled 高中教师名单. Each roster was
    a school of its own, 初中 and 高中, and the county's merged roster had no 白鹤中学. A
    division's name alone (小学, 中学, 初中, 高中), no township saying whose, is the school
    the folder holding it names."""
    school = tmp_path / "县" / "白鹤中学"
    school.mkdir(parents=True)
    for file, title, n, cls in (
        ("初中.xlsx", "初中留守儿童花名册", 3, "七年级(1)班"),
        ("高中.xlsx", "高中留守儿童名单", 4, "高一(1)班"),
    ):
        write_xlsx(school / file, {"花名册": [[title], *table([kid(n, cls)])]})
    staff = [["高中教师名单"], *table([teacher("吴老师", "高一(1)班")])]
    write_xlsx(school / "高中教师.xlsx", {"教师名单": staff})
    assert merged_schools(tmp_path, "县") == [("白鹤中学", 2, 1)]
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [
        ("王梓萱", "吴老师"),
        ("刘浩然", "吴老师"),
    ]


def test_a_districts_divisions_titled_alone_are_not_one_school(tmp_path: Path) -> None:
    """县/白鹤学区/ holds 小学.xlsx titled 小学留守儿童花名册 and 初中.xlsx titled
    初中留守儿童花名册, each beside its teachers list titled so: a district's folder, which
    ends as a school's name may (学区), was read as one school 白鹤学区, and a 初中 child
    was paired with a 小学 teacher. A district's folder holds several schools: a division
    titled alone there is not the folder's."""
    district = tmp_path / "县" / "白鹤学区"
    district.mkdir(parents=True)
    for division, n, cls, who in (("小学", 1, C32, "周老师"), ("初中", 3, "七年级(1)班", "吴老师")):
        rows = [[f"{division}留守儿童花名册"], *table([kid(n, cls), kid(n + 1, cls)])]
        write_xlsx(district / f"{division}.xlsx", {"花名册": rows})
        staff = [[f"{division}教师名单"], *table([teacher(who, cls)])]
        write_xlsx(district / f"{division}教师.xlsx", {"教师名单": staff})
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert all(p["teacher"] != "周老师" for p in result.json()["pairs"]), result.stdout
    assert "白鹤学区" not in [school for school, _, _ in merged_schools(tmp_path, "县")]


def test_a_schools_divisions_told_apart_by_its_school_cells_stay_apart(tmp_path: Path) -> None:
    """县/青山学校/花名册.xlsx whose 学校 cells say 小学 or 初中, and its teachers list too:
    the cells tell the divisions apart, each paired on its own, as before a title naming a
    division alone was read as the folder's school. A 初中 teacher supports no 小学 child."""
    school = tmp_path / "县" / "青山学校"
    school.mkdir(parents=True)
    kids = table([{**kid(1), "学校": "小学"}, {**kid(3, "七年级(1)班"), "学校": "初中"}])
    staff = table([{**teacher("吴老师", "七年级(1)班"), "学校": "初中"}])
    write_xlsx(school / "花名册.xlsx", {"花名册": kids, "教师名单": staff})
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [("王梓萱", "吴老师")]
    assert [u["child"] for u in result.json()["unpaired"]] == ["张雨涵"]


def test_a_roster_titled_by_its_township_in_a_schools_folder_is_the_schools(
    tmp_path: Path,
) -> None:
    """县/青山镇中心小学/ and 县/青山镇村小/ each hold a roster titled 青山镇留守儿童花名册,
    the township's template: each was a school called 青山镇, told apart by their folders
    as two schools of one name (青山镇（青山镇中心小学）), and the county's merged roster
    named no school by its name. A township's name titling a roster in a folder named as a
    school is that school's; in a folder that names none (县/青山镇/) it stays the title's."""
    county = tmp_path / "县"
    for folder, n in (("青山镇中心小学", 1), ("青山镇村小", 2), ("乡镇/白鹤镇", 3)):
        (county / folder).mkdir(parents=True)
        title = "白鹤镇留守儿童花名册" if "白鹤" in folder else "青山镇留守儿童花名册"
        write_xlsx(county / folder / "花名册.xlsx", {"花名册": [[title], *table([kid(n)])]})
    assert sorted(school for school, _, _ in merged_schools(tmp_path, "县")) == [
        "白鹤镇",
        "青山镇中心小学",
        "青山镇村小",
    ]


def test_a_roster_titled_by_another_township_in_a_schools_folder_stays_the_titles(
    tmp_path: Path,
) -> None:
    """县/青山镇中心小学/花名册.xlsx titled 白鹤镇留守儿童花名册: another township's name is
    no template of the school's own township; it is not read as 青山镇中心小学's without a
    word, but as the title says, as before titles by townships were read. And a roster
    titled 青山镇留守儿童花名册 whose 学校 cells say 石门村小 is said to be titled 青山镇, as
    its title says, not 青山镇中心小学, its folder's name."""
    county = tmp_path / "县"
    (county / "青山镇中心小学").mkdir(parents=True)
    rows = [["白鹤镇留守儿童花名册"], *table([kid(1)])]
    write_xlsx(county / "青山镇中心小学" / "花名册.xlsx", {"花名册": rows})
    assert [school for school, _, _ in merged_schools(tmp_path, "县")] == ["白鹤镇"]
    rows = [["青山镇留守儿童花名册"], *table([{**kid(1), "学校": "石门村小"}])]
    write_xlsx(county / "青山镇中心小学" / "花名册.xlsx", {"花名册": rows})
    said = run("validate", "县", cwd=tmp_path).stderr.splitlines()
    assert said[0] == (
        "提示：县/青山镇中心小学/花名册.xlsx 的标题写的是“青山镇”，“学校”列写的却是“石门村小”："
        "其中的儿童按“学校”列算作石门村小的；如果两者不是同一所学校，请改正标题或“学校”列"
    )
