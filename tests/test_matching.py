"""The pairing solver against brute force: on small random instances, lbc.pairing.solver's answer
must score exactly as well as the best of every possible assignment, rule by rule.

The brute force (``brute_force``) knows nothing of flows or weights: it enumerates each
child's teacher (or none), drops assignments over a teacher's capacity, and compares the
seven rules of issue 3 as a tuple (``scores``), most important first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from lbc.pairing import solver
from lbc.pairing.solver import WATCHED, Child, Teacher, brute_force, match, places, scores

CLASSES = [(g, k) for g in (1, 2) for k in (1, 2)]


@st.composite
def teachers_st(draw: st.DrawFn) -> list[Teacher]:
    out = []
    for _ in range(draw(st.integers(1, 3))):
        teaches = frozenset(draw(st.lists(st.sampled_from(CLASSES), max_size=2)))
        head = frozenset(c for c in teaches if draw(st.booleans()))
        extra = frozenset(draw(st.lists(st.sampled_from([1, 2]), max_size=1)))
        out.append(
            Teacher(
                capacity=draw(st.integers(0, 3)),
                head_of=head,
                teaches=teaches,
                grades=frozenset(g for g, _ in teaches) | extra,
                first=draw(st.booleans()),
            )
        )
    return out


@st.composite
def instances(draw: st.DrawFn) -> tuple[list[Child], list[Teacher]]:
    teachers = draw(teachers_st())
    children = []
    for _ in range(draw(st.integers(0, 6))):
        cls = draw(st.sampled_from([*CLASSES, None]))
        grade = cls[0] if cls else draw(st.sampled_from([1, 2, None]))
        previous = tuple(draw(st.lists(st.integers(0, len(teachers) - 1), max_size=2)))
        children.append(Child(cls, grade, draw(st.integers(0, WATCHED + 3)), previous))
    return children, teachers


@settings(max_examples=600, deadline=None)
@given(instances())
def test_match_is_optimal_rule_by_rule(instance: tuple[list[Child], list[Teacher]]) -> None:
    children, teachers = instance
    got = match(children, teachers)
    assert scores(children, teachers, got) == brute_force(children, teachers)


@settings(max_examples=200, deadline=None)
@given(instances())
def test_match_pairs_as_many_as_places_allow(instance: tuple[list[Child], list[Teacher]]) -> None:
    children, teachers = instance
    got = match(children, teachers)
    assert sum(j is not None for j in got) == places(children, teachers)


@settings(max_examples=100, deadline=None)
@given(instances())
def test_same_input_same_answer(instance: tuple[list[Child], list[Teacher]]) -> None:
    children, teachers = instance
    assert match(children, teachers) == match(list(children), list(teachers))


def test_each_rule_decides_something() -> None:
    """Hand-made cases where one rule alone picks the answer, so a dropped rule shows."""
    head, other = Teacher(1, frozenset({(1, 1)}), frozenset({(1, 1)}), frozenset({1})), Teacher(1)
    a = Child((1, 1), 1, False)
    b = Child((1, 1), 1, True)
    # 2: one place, the priority child takes it although listed second; a child on the
    # watch list takes it from a priority child …
    assert match([a, b], [head]) == [None, 0]
    assert match([b, Child((1, 1), 1, WATCHED)], [head]) == [None, 0]
    # … and of two on the watch list, the more urgent (a higher score), although second.
    assert match([Child((1, 1), 1, WATCHED + 3), Child((1, 1), 1, WATCHED + 8)], [head]) == [
        None,
        0,
    ]
    # 3: last term's teacher beats the head teacher.
    assert match([Child((1, 1), 1, False, (1,))], [head, Teacher(1)]) == [1]
    # 4: two children, two teachers: one each, not both with the head teacher.
    assert sorted(match([a, a], [Teacher(2, *head_parts(head)), other])) == [0, 1]
    # 4b: one child, two strangers: the party member.
    assert match([a], [Teacher(1), Teacher(1, first=True)]) == [1]
    # 5: one child, a stranger listed first and the head teacher second.
    assert match([a], [other, head]) == [1]
    # 6: four children, two strangers with room for three each: two and two.
    got = match([a] * 4, [Teacher(3), Teacher(3)])
    assert sorted(got) == [0, 0, 1, 1]


def test_each_weight_dominates_the_largest_swing_below_it() -> None:
    """The widest gaps at each boundary, where a weight one size too small would flip."""
    c11 = Child((1, 1), 1, False)
    head = Teacher(1, frozenset({(1, 1)}), frozenset({(1, 1)}), frozenset({1}))
    leader_elsewhere = Teacher(1, frozenset(), frozenset({(3, 1)}), frozenset({3}), first=True)
    # Leaders first (4) over the whole distance range (5): the leader of another grade.
    assert match([c11], [head, leader_elsewhere]) == [1]
    # Closeness (5) over even load (6): with room for five each, coverage gives the other
    # teacher one child and closeness keeps the rest with the head teacher (3 and 1, not 2+2).
    wide_head = Teacher(5, frozenset({(1, 1)}), frozenset({(1, 1)}), frozenset({1}))
    teaches = Teacher(5, frozenset(), frozenset({(1, 1)}), frozenset({1}))
    got = match([c11] * 4, [wide_head, teaches])
    assert sorted(got) == [0, 0, 0, 1]
    # Keeping (3) over coverage (4) and closeness (5): both kept with a stranger at three
    # places, though the head teacher of their class has none.
    kept = Child((1, 1), 1, False, (1,))
    assert match([kept, kept], [head, Teacher(3)]) == [1, 1]


@st.composite
def wide_instances(draw: st.DrawFn) -> tuple[list[Child], list[Teacher]]:
    """Three grades, up to four teachers with room up to and beyond the children, head
    classes not always among the classes taught, last-term teachers possibly without room."""
    classes = [(g, k) for g in (1, 2, 3) for k in (1, 2)]
    teachers = []
    for _ in range(draw(st.integers(1, 4))):
        teaches = frozenset(draw(st.lists(st.sampled_from(classes), max_size=3)))
        head = frozenset(draw(st.lists(st.sampled_from(classes), max_size=1)))
        grades = frozenset(g for g, _ in teaches) | frozenset(
            draw(st.lists(st.sampled_from([1, 2, 3]), max_size=2))
        )
        teachers.append(
            Teacher(draw(st.integers(0, 6)), head, teaches, grades, draw(st.booleans()))
        )
    children = []
    for _ in range(draw(st.integers(0, 5))):
        cls = draw(st.sampled_from([*classes, None]))
        grade = cls[0] if cls else draw(st.sampled_from([1, 2, 3, None]))
        previous = tuple(draw(st.lists(st.integers(0, len(teachers) - 1), max_size=2)))
        children.append(Child(cls, grade, draw(st.integers(0, WATCHED + 3)), previous))
    return children, teachers


@settings(max_examples=150, deadline=None)
@given(wide_instances())
def test_match_is_optimal_on_wider_instances(instance: tuple[list[Child], list[Teacher]]) -> None:
    children, teachers = instance
    assert scores(children, teachers, match(children, teachers)) == brute_force(children, teachers)


def head_parts(t: Teacher) -> tuple[frozenset, frozenset, frozenset]:
    return t.head_of, t.teaches, t.grades


def test_nothing_to_pair() -> None:
    assert match([], [Teacher(2)]) == []
    assert match([Child(None, None, True)], [Teacher(0)]) == [None]


@contextlib.contextmanager
def level_by_level() -> Iterator[None]:
    """Solve level by level, as an instance too large for one weighted cost is solved."""
    solver.LEVEL_BY_LEVEL = True
    try:
        yield
    finally:
        solver.LEVEL_BY_LEVEL = False


@settings(max_examples=750, deadline=None)
@given(st.one_of(instances(), wide_instances()))
def test_level_by_level_is_optimal_rule_by_rule(
    instance: tuple[list[Child], list[Teacher]],
) -> None:
    children, teachers = instance
    with level_by_level():
        got = match(children, teachers)
    assert scores(children, teachers, got) == brute_force(children, teachers)


def test_an_instance_too_large_for_exact_weights_is_solved_exactly() -> None:
    # 10,000 children and 100 teachers of 100 places: the weights of rules 3-6 would pass
    # 64 bits, so the levels are solved one after another. Every child keeps last term's
    # teacher, head teacher of its class in grade 1; that is the optimum, and the only one.
    children = [
        Child((1 + k % 6, k % 100), 1 + k % 6, k % 3 == 0, (k % 100,)) for k in range(10_000)
    ]
    teachers = [
        Teacher(100, head_of=frozenset({(1, j)}), teaches=frozenset({(1, j)}), first=True)
        for j in range(100)
    ]
    got = match(children, teachers)
    assert got == [k % 100 for k in range(10_000)]
    assert scores(children, teachers, got) == (
        -10_000,
        -3334,  # priority children paired (nobody is on the watch list)
        -10_000,
        -100,
        -100,
        3 * (10_000 - 1667),
        100 * 100**2,
    )


def test_the_network_lists_its_arcs_in_roster_order() -> None:
    # Ties are broken by the solver on the network as built (rule 7): the same pairing on
    # the same roster needs the same arcs in the same order. Each child: from its level's
    # source (tail -1), into its class (nodes 4, 5), else its grade (6, 7), else anyone (8),
    # then to last term's teachers with places (nodes 9 to 11; teacher 1 has none, and a
    # teacher named twice is one arc). Then the class, grade and anyone nodes' arcs, and
    # each teacher's places to the sink (-1): the first rewards coverage (and a leader),
    # each further one costs one more on load.
    teachers = [
        Teacher(2, head_of=frozenset({(1, 1)}), teaches=frozenset({(1, 1)}), grades=frozenset({1})),
        Teacher(0, teaches=frozenset({(1, 1)}), grades=frozenset({1})),
        Teacher(1, teaches=frozenset({(2, 1)}), grades=frozenset({2}), first=True),
    ]
    children = [
        Child((1, 1), 1, 0, (1, 0, 0)),
        Child(None, 2, 1, ()),
        Child(None, None, 0, (2,)),
        Child((2, 1), 2, 0, ()),
    ]
    graph = solver.Graph(children, teachers)
    # (tail, head, capacity, kept, teachers with a child, leaders, distance, load)
    assert [tuple(arc) for arc in graph.arcs.T.tolist()] == [
        (-1, 0, 1, 0, 0, 0, 0, 0),
        (0, 4, 1, 0, 0, 0, 0, 0),
        (0, 9, 1, -1, 0, 0, 0, 0),
        (-1, 1, 1, 0, 0, 0, 0, 0),
        (1, 7, 1, 0, 0, 0, 0, 0),
        (-1, 2, 1, 0, 0, 0, 0, 0),
        (2, 8, 1, 0, 0, 0, 0, 0),
        (2, 11, 1, -1, 0, 0, 3, 0),
        (-1, 3, 1, 0, 0, 0, 0, 0),
        (3, 5, 1, 0, 0, 0, 0, 0),
        (4, 9, -1, 0, 0, 0, 0, 0),
        (4, 6, -1, 0, 0, 0, 0, 0),
        (5, 11, -1, 0, 0, 0, 1, 0),
        (5, 7, -1, 0, 0, 0, 0, 0),
        (6, 9, -1, 0, 0, 0, 2, 0),
        (6, 8, -1, 0, 0, 0, 0, 0),
        (7, 11, -1, 0, 0, 0, 2, 0),
        (7, 8, -1, 0, 0, 0, 0, 0),
        (8, 9, -1, 0, 0, 0, 3, 0),
        (8, 11, -1, 0, 0, 0, 3, 0),
        (9, -1, 1, 0, -1, 0, 0, 0),
        (9, -1, 1, 0, 0, 0, 0, 1),
        (11, -1, 1, 0, -1, -1, 0, 0),
    ]
    assert graph.entry == [(1, 4), (4, 7), (6, 8), (9, 5)]
    assert graph.kept_arcs == {2: (0, 0), 7: (2, 2)}
    assert graph.sources.tolist() == [0, 3, 5, 8]
    assert graph.out == {
        4: [(10, 0, 9), (11, -1, 6)],
        5: [(12, 2, 11), (13, -1, 7)],
        6: [(14, 0, 9), (15, -1, 8)],
        7: [(16, 2, 11), (17, -1, 8)],
        8: [(18, 0, 9), (19, 2, 11)],
    }
