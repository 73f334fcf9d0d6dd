"""The pairing optimisation: which teacher supports which child, solved exactly.

What a good pairing is comes from the schools' own rules, in order of importance, and each
rule only decides among pairings that tie on every rule above it (a lexicographic optimum):

1. as many children paired as the teachers' places allow;
2. priority children first: none left out while a non-priority child is paired; among
   them a child on the watch list (priority level 2 and up) before any other (level 1),
   and of those the more urgent first (a higher watch score, a higher level);
3. last term's pairs kept wherever the teacher still has a place;
4. as many teachers as possible with a child, leaders and party members first;
5. close to the child: head teacher (distance 0), teaches the class (1), same grade (2),
   anyone (3); the total distance is smallest;
6. even load: the smallest sum of squared loads, so no teacher has two more children than
   another teacher with room, unless a rule above needs it;
7. ties broken by a deterministic solver on a graph built in roster order.

Rules 1 and 2 are fixed amounts of flow, from one source per priority level (every child
can reach every teacher through the
"anyone" node, so any set of children of the right size can be paired); rules 3-6 are the levels
of a lexicographic cost: last term's pairs kept, teachers with a child, leaders among them,
distance, load. Where it fits in 64 bits they become one min-cost flow whose costs dominate
level by level: each level's unit weight exceeds the largest total every lower level can
reach. OR-Tools' min-cost flow solves it in integers, so the optimum is exact. A larger
instance (a big school, or a county without a 学校 column) is solved level by level instead,
each level's optimum kept for the next (:func:`_level_by_level`): exact too, with no weights,
a few times slower. Schools are solved one at a time, which keeps weights small.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np

# The lowest priority level of a child on the watch list (rule 2): before any other
# priority child; its watch score is added, so that the more urgent come first.
WATCHED = 2
# The distances of rule 5.
HEAD, TEACHES, SAME_GRADE, ANYONE = 0, 1, 2, 3
# OR-Tools multiplies each arc's cost by the node count + 1 internally, and sums costs over
# the flow: both must stay inside int64, with a margin.
_COST_LIMIT = 2**60


# Solve level by level even where the weights fit: for tests, which check that method
# against brute force on instances small enough to enumerate.
LEVEL_BY_LEVEL = False


class Child(NamedTuple):
    """A child as the solver sees it; a named tuple, since a county makes 100,000 of them."""

    cls: Hashable | None  # the child's class, None when unreadable
    grade: Hashable | None  # the child's grade, None when unreadable
    priority: int  # 0 none, 1 a priority child, WATCHED + its score on the watch list
    previous: tuple[int, ...] = ()  # last term's teacher (several when the name is ambiguous)


@dataclass(frozen=True)
class Teacher:
    capacity: int  # 0 for a teacher not in post
    head_of: frozenset[Hashable] = frozenset()
    teaches: frozenset[Hashable] = frozenset()  # classes taught (head classes included)
    grades: frozenset[Hashable] = frozenset()
    first: bool = False  # a school leader or party member


def distance(child: Child, teacher: Teacher) -> int:
    """Rule 5's distance between a child and a teacher."""
    if child.cls is not None and child.cls in teacher.head_of:
        return HEAD
    if child.cls is not None and child.cls in teacher.teaches:
        return TEACHES
    if child.grade is not None and child.grade in teacher.grades:
        return SAME_GRADE
    return ANYONE


def scores(
    children: Sequence[Child], teachers: Sequence[Teacher], got: Sequence[int | None]
) -> tuple[int, ...] | None:
    """The seven rules as numbers, most important first, smaller better; None when a teacher
    is over capacity. :func:`match` minimises this tuple; tests and the bench compare it
    with brute force, which needs nothing else from this module."""
    loads = [0] * len(teachers)
    for j in got:
        if j is not None:
            loads[j] += 1
    if any(load > t.capacity for load, t in zip(loads, teachers, strict=True)):
        return None
    pairs = [(c, j) for c, j in zip(children, got, strict=True) if j is not None]
    levels = sorted({c.priority for c in children if c.priority > 0}, reverse=True)
    return (
        -len(pairs),  # 1. children paired
        # 2. the most urgent on the watch list paired, then down to every priority child
        *(-sum(c.priority >= level for c, _ in pairs) for level in levels),
        -sum(j in c.previous for c, j in pairs),  # 3. last term's pairs kept
        -sum(load > 0 for load in loads),  # 4. teachers with a child …
        -sum(load > 0 and t.first for load, t in zip(loads, teachers, strict=True)),  # … leaders
        sum(distance(c, teachers[j]) for c, j in pairs),  # 5. closeness
        sum(load * load for load in loads),  # 6. even load
    )


def brute_force(children: Sequence[Child], teachers: Sequence[Teacher]) -> tuple[int, ...]:
    """The best :func:`scores` over every possible assignment: for checking on tiny cases."""
    options = itertools.product([None, *range(len(teachers))], repeat=len(children))
    return min(s for got in options if (s := scores(children, teachers, got)) is not None)


def places(children: Sequence[Child], teachers: Sequence[Teacher]) -> int:
    """How many children can be paired at most (rule 1)."""
    return min(len(children), sum(min(t.capacity, len(children)) for t in teachers))


def match(
    children: Sequence[Child], teachers: Sequence[Teacher], graph: Graph | None = None
) -> list[int | None]:
    """The optimal pairing: for each child, the index of its teacher, or None. ``graph``:
    the network of these children and teachers (:class:`Graph`), built ahead where the
    children's priorities were not yet known; else it is built here."""
    n = len(children)
    caps = [min(t.capacity, n) for t in teachers]
    total = min(n, sum(caps))
    if total == 0:
        return [None] * n
    # Rule 2: as many children of each level as the places left by the levels above allow;
    # the levels a school's children have, in order (a watch score may be in the thousands).
    counts = Counter(c.priority for c in children)
    levels = sorted(counts)
    wants = [0] * len(levels)
    left = total
    for k in range(len(levels) - 1, -1, -1):
        wants[k] = min(counts[levels[k]], left)
        left -= wants[k]

    # Dominating weights, lowest level first (rule 6 up to rule 3).
    w_load = 1
    # Loads add up to ``total``, so no sum of (load - 1) * load / 2 exceeds either bound.
    r_load = min(sum(c * (c - 1) // 2 for c in caps), total * (max(caps) - 1) // 2)
    w_dist = r_load + 1
    r_dist = 3 * total * w_dist + r_load
    staffed = [j for j, c in enumerate(caps) if c > 0]
    w_first = r_dist + 1
    r_first = sum(teachers[j].first for j in staffed) * w_first + r_dist
    w_cover = r_first + 1
    r_cover = len(staffed) * w_cover + r_first
    w_keep = r_cover + 1
    n_keeping = sum(any(caps[j] > 0 for j in c.previous) for c in children)
    r_keep = n_keeping * w_keep + r_cover

    if graph is None:
        graph = Graph(children, teachers)
    node_count = graph.node_count + len(levels) + 1  # the levels' sources and the sink
    largest_arc = max(w_keep + 3 * w_dist, w_cover + w_first)
    fits = r_keep < _COST_LIMIT and largest_arc * (node_count + 1) < _COST_LIMIT
    weights = (w_keep, w_cover, w_first, w_dist, w_load) if fits and not LEVEL_BY_LEVEL else None
    place = {level: k for k, level in enumerate(levels)}
    return graph.solve([place[c.priority] for c in children], wants, weights)


class Graph:
    """The flow network: sources -> child -> class -> grade -> anyone -> teacher -> sink.

    A child enters its class node (or its grade node, or the anyone node when the class is
    unreadable); a class node reaches the teachers of that class, a grade node the teachers
    of that grade, the anyone node every teacher, each at its distance. Last term's pair is a
    direct arc. A teacher's places are parallel arcs to the sink: the first earns the
    coverage reward, each further one costs one more than the last (convex, so even).

    Everything but the children's priorities: built as soon as the children's classes and
    last term's teachers are known (``lbc pair`` builds it while the watch list is drawn),
    and solved for their priority levels (:meth:`solve`). Its nodes are numbered from the
    first child's, 0, with the sink as -1: the solve puts a source per priority level
    first, then the sink, and moves every other node up by as many.
    """

    def __init__(self, children: Sequence[Child], teachers: Sequence[Teacher]):
        import numpy as np

        n = len(children)
        caps = [min(t.capacity, n) for t in teachers]
        self.n = n
        self.classes = sorted({c.cls for c in children if c.cls is not None}, key=repr)
        grades = {c.grade for c in children if c.grade is not None}
        self.grades = sorted(grades, key=repr)
        # Node numbers, before the levels' sources and the sink are put first.
        self.sink = -1
        self.child0 = 0
        self.class0 = self.child0 + n
        self.grade0 = self.class0 + len(self.classes)
        self.anyone = self.grade0 + len(self.grades)
        self.teacher0 = self.anyone + 1
        self.node_count = self.teacher0 + len(teachers)
        class_no = {c: i for i, c in enumerate(self.classes)}
        class_grade = {c.cls: c.grade for c in children if c.cls is not None}
        grade_no = {g: i for i, g in enumerate(self.grades)}

        # Each arc is (tail, head, capacity, then its unit cost on each level: kept, teachers
        # with a child, leaders, distance, load), in the order the solver breaks ties by
        # (rule 7). A capacity of -1 is the flow every source sends (set by solve); a child's
        # arc from its level's source has the tail -1 until then.
        # The children's arcs come first, child by child: from its level's source, into its
        # class node (else its grade's, else the anyone node), then to last term's teachers
        # with places. A county has 100,000 children: their arcs are made as columns in
        # bulk, each arc's place worked out from how many kept arcs come before it.
        class0, grade0, anyone = self.class0, self.grade0, self.anyone
        enters = [
            class0 + class_no[c.cls]
            if c.cls is not None
            else grade0 + grade_no[c.grade]
            if c.grade is not None
            else anyone
            for c in children
        ]
        kept = [
            (i, j, distance(c, teachers[j]))
            for i, c in enumerate(children)
            if c.previous
            for j in dict.fromkeys(c.previous)
            if caps[j] > 0
        ]
        kept_child, kept_teacher, kept_dist = np.array(kept, dtype=np.int64).reshape(-1, 3).T
        index = np.arange(n, dtype=np.int64)
        # A child's first arc comes after two of each child before it and their kept arcs.
        self.sources = 2 * index + np.searchsorted(kept_child, index)
        at_kept = 2 * (kept_child + 1) + np.arange(len(kept), dtype=np.int64)
        first = np.zeros((8, 2 * n + len(kept)), dtype=np.int64)
        first[0, self.sources] = -1
        first[1, self.sources] = first[0, self.sources + 1] = self.child0 + index
        first[1, self.sources + 1] = enters
        first[0, at_kept] = self.child0 + kept_child
        first[1, at_kept] = self.teacher0 + kept_teacher
        first[3, at_kept] = -1
        first[6, at_kept] = kept_dist
        first[2] = 1
        self.entry: list[tuple[int, int]] = list(  # (arc, node entered) per child
            zip((self.sources + 1).tolist(), enters, strict=True)
        )
        self.kept_arcs: dict[int, tuple[int, int]] = {  # arc -> (child, teacher)
            a: (i, j) for a, (i, j, _) in zip(at_kept.tolist(), kept, strict=True)
        }

        # Then the arcs from the class, grade and anyone nodes, gathered as tuples.
        arcs: list[tuple[int, ...]] = []
        add = arcs.append
        base = first.shape[1]
        # node -> [(arc, teacher, or -1 and the node it passes children on to)]
        self.out: dict[int, list[tuple[int, int, int]]] = {}

        def route(tail: int, head: int, dist: int, teacher: int) -> None:
            self.out.setdefault(tail, []).append((base + len(arcs), teacher, head))
            add((tail, head, -1, 0, 0, 0, dist, 0))

        # Who teaches each class and grade, in list order: one pass over the teachers.
        by_class: dict[Hashable, list[int]] = {}
        by_grade: dict[Hashable, list[int]] = {}
        for j, t in enumerate(teachers):
            if caps[j] > 0:
                for cls in t.teaches | t.head_of:
                    by_class.setdefault(cls, []).append(j)
                for grade in t.grades:
                    by_grade.setdefault(grade, []).append(j)
        for k, cls in enumerate(self.classes):
            node = self.class0 + k
            for j in by_class.get(cls, ()):
                d = HEAD if cls in teachers[j].head_of else TEACHES
                route(node, self.teacher0 + j, d, j)
            grade = class_grade[cls]
            if grade is not None:
                route(node, self.grade0 + grade_no[grade], 0, -1)
            else:
                route(node, self.anyone, 0, -1)
        for k, grade in enumerate(self.grades):
            node = self.grade0 + k
            for j in by_grade.get(grade, ()):
                route(node, self.teacher0 + j, SAME_GRADE, j)
            route(node, self.anyone, 0, -1)
        for j in range(len(teachers)):
            if caps[j] > 0:
                route(self.anyone, self.teacher0 + j, ANYONE, j)
        routes = np.array(arcs, dtype=np.int64).reshape(-1, 8).T
        # Last, each teacher's places as parallel arcs to the sink, in bulk too: the first
        # earns the coverage reward (and the leader's), each further one costs one more
        # than the last on load.
        staffed = [j for j, c in enumerate(caps) if c > 0]
        per = np.array([caps[j] for j in staffed], dtype=np.int64)
        owner = np.repeat(np.array(staffed, dtype=np.int64), per)
        nth = np.arange(len(owner), dtype=np.int64) - np.repeat(np.cumsum(per) - per, per)
        leads = np.array([teachers[j].first for j in staffed], dtype=np.int64)
        places = np.zeros((8, len(owner)), dtype=np.int64)
        places[0] = self.teacher0 + owner
        places[1] = self.sink
        places[2] = 1
        places[4] = np.where(nth == 0, -1, 0)
        places[5] = np.where(nth == 0, -np.repeat(leads, per), 0)
        places[7] = nth
        self.arcs = np.concatenate([first, routes, places], axis=1)

    def solve(
        self, levels: list[int], wants: list[int], weights: tuple[int, ...] | None
    ) -> list[int | None]:
        """The optimal assignment, each child from the source of its level (``levels``:
        each child's place among the levels, lowest 0; ``wants``: how many children of
        each level are paired): in one solve with ``weights`` (rules 3 to 6 as one cost),
        or, when None, level by level (:func:`_level_by_level`)."""
        import numpy as np

        n = self.n
        big = sum(wants)
        tails, heads, capacity, *costs = self.arcs.copy()
        # The levels' sources come first, then the sink, then every other node.
        shift = len(wants) + 1
        tails += shift
        heads += shift
        tails[self.sources] = levels
        capacity[capacity < 0] = big
        supplies = np.zeros(self.node_count + shift, dtype=np.int64)
        supplies[: len(wants)] = wants
        supplies[shift - 1] = -big
        network = tails, heads, capacity, supplies
        if weights is None:
            flows = _level_by_level(network, costs).tolist()
        else:
            cost = sum(w * level for w, level in zip(weights, costs, strict=True))
            flows = _min_cost_flow(network, cost).tolist()

        assigned: list[int | None] = [None] * n
        for a, (i, j) in self.kept_arcs.items():
            if flows[a]:
                assigned[i] = j
        waiting: dict[int, list[int]] = {}  # node -> children arriving there, roster order
        for i, (a, node) in enumerate(self.entry):
            if flows[a]:
                waiting.setdefault(node, []).append(i)
        # Hand the children at each node out along its flows, class nodes before grade nodes
        # before the anyone node, so every child passed on arrives before its node is served.
        for node in range(self.class0, self.teacher0):
            queue = sorted(waiting.pop(node, []))
            for a, j, head in self.out.get(node, []):
                f = flows[a]
                if not f:
                    continue
                passed, queue = queue[:f], queue[f:]
                if j >= 0:
                    for i in passed:
                        assigned[i] = j
                else:
                    waiting.setdefault(head, []).extend(passed)
        return assigned


# Arcs' tails, heads and capacities, and the nodes' supplies.
Network = tuple["np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray"]


def load() -> None:
    """Import numpy and OR-Tools, which every solve needs: before pairing forks a child to
    solve half the schools (lbc.roster.background), or each process imports them itself."""
    import numpy  # noqa: F401
    from ortools.graph.python import min_cost_flow  # noqa: F401


def load_meanwhile() -> Callable[[], None]:
    """Start importing numpy and OR-Tools on a thread of their own; the function returned
    waits until they are in. Called before the roster is read: calamine parses a sheet
    without Python's lock, so a county's fifth of a second of imports is done on the other
    core meanwhile. Waited for before any fork (a folder's reading host, pairing's
    children: lbc.roster.background): a child forked while a module is half imported would
    wait for it forever, were it to import it."""
    thread = threading.Thread(target=load, name="lbc-load-solver", daemon=True)
    thread.start()
    if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
        os.register_at_fork(before=thread.join)
    return thread.join


def _min_cost_flow(network: Network, cost: np.ndarray) -> np.ndarray:
    """The flow on each arc of an optimal flow, from OR-Tools' exact integer min-cost flow."""
    import numpy as np
    from ortools.graph.python import min_cost_flow

    tails, heads, capacity, supplies = network
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), capacity, cost
    )
    flow.set_nodes_supplies(np.arange(len(supplies), dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow ended with status {status}")
    return flow.flows(np.arange(len(tails), dtype=np.int32))


def _level_by_level(network: Network, levels: list[np.ndarray]) -> np.ndarray:
    """The lexicographic optimum without weights: one min-cost flow per level, each on the
    flows that are optimal for every level before it.

    Those flows are exactly the feasible flows that agree with an optimal dual of the level
    (complementary slackness): an arc whose reduced cost is positive carries nothing in any
    optimal flow, one whose reduced cost is negative is full in all of them; only arcs of
    reduced cost zero stay free. So after each level its fixed arcs leave the network (a full
    one moves its flow into the supplies of its ends) and the next level is solved on the
    rest: exact, with costs no larger than a level's own (at most a teacher's places)."""
    import numpy as np

    tails, heads, capacity, supplies = network
    supplies = supplies.copy()
    flows = np.zeros(len(tails), dtype=np.int64)
    free = np.arange(len(tails))
    for k, level in enumerate(levels):
        part = (tails[free], heads[free], capacity[free], supplies)
        got = _min_cost_flow(part, level[free])
        flows[free] = got
        if k == len(levels) - 1:
            break
        potential = _potentials(len(supplies), part, level[free], got)
        reduced = level[free] + potential[part[0]] - potential[part[1]]
        full = free[reduced < 0]
        np.subtract.at(supplies, tails[full], capacity[full])
        np.add.at(supplies, heads[full], capacity[full])
        free = free[reduced == 0]
    return flows


def _potentials(nodes: int, network: Network, cost: np.ndarray, flows: np.ndarray) -> np.ndarray:
    """Node potentials under which no arc of the residual network of the optimal ``flows``
    has a negative reduced cost (an optimal dual): shortest distances from a source joined to
    every node at no cost, by Bellman-Ford, relaxing every residual arc at once in numpy.
    The residual network of an optimal flow has no negative cycle, so this ends."""
    import numpy as np

    tails, heads, capacity = network[:3]
    room, used = flows < capacity, flows > 0
    tail = np.concatenate([tails[room], heads[used]])
    head = np.concatenate([heads[room], tails[used]])
    unit = np.concatenate([cost[room], -cost[used]])
    distance = np.zeros(nodes, dtype=np.int64)
    for _ in range(nodes + 1):
        shorter = distance.copy()
        np.minimum.at(shorter, head, distance[tail] + unit)
        if np.array_equal(shorter, distance):
            return distance
        distance = shorter
    raise RuntimeError("the residual network of an optimal flow has a negative cycle")
