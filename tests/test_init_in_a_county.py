"""Schools that each ran ``lbc init`` in a county's folder, their lbc.toml left as written:
the county's own [quotas] and [watch] judge them, since a school that changed nothing set
nothing of its own."""

from __future__ import annotations

from pathlib import Path

from conftest import run
from lbc.workspace.config import Config

SCHOOLS = ("青山小学", "白鹤小学")


def county(tmp_path: Path) -> Path:
    """全县/ with its own lbc.toml (two talks a month, a watch threshold of 4), and a folder
    per school that ``lbc init`` made."""
    root = tmp_path / "全县"
    root.mkdir()
    county_toml = "[quotas]\ntalks_per_month = 2\n[watch]\nthreshold = 4\n"
    (root / "lbc.toml").write_text(county_toml, encoding="utf-8")
    for school in SCHOOLS:
        assert run("init", root / school).exit_code == 0
    return root


def test_a_school_that_changed_nothing_in_its_lbc_toml_sets_no_quotas(tmp_path: Path) -> None:
    """lbc init wrote [quotas] and [watch] at their defaults, so merge said each school set
    quotas and watch settings of its own, and lbc due over the county judged each school's
    children by one talk a month, not the county's two. The template shows the defaults
    commented out: nothing is the school's own until it writes it."""
    root = county(tmp_path)
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx")
    assert "[quotas]" not in merged.stderr and "[watch]" not in merged.stderr
    due = run("due", root, "--as-of", "2024-10-15", "--format", "json", cwd=root)
    assert due.json()["own_quotas"] == []
    assert "[quotas]" not in due.stderr


def test_the_lbc_toml_init_writes_shows_the_defaults_lbc_uses(tmp_path: Path) -> None:
    """The values the template shows (commented out) are the ones lbc uses without them, and
    taking off a line's # sets that one value of the school's own."""
    (tmp_path / "青山小学").mkdir()
    assert run("init", tmp_path / "青山小学").exit_code == 0
    toml = tmp_path / "青山小学" / "lbc.toml"
    text = toml.read_text(encoding="utf-8")
    defaults = Config()
    quotas = ("talks_per_month", "home_visits_per_term", "warmth_per_year")
    quotas += ("children_per_teacher", "max_days_without_contact")
    shown = {}
    for line in text.splitlines():
        key, _, value = line.removeprefix("# ").partition("#")[0].partition(" = ")
        if line.startswith("# ") and key.strip() in (*quotas, "threshold", "guardian_age"):
            shown[key.strip()] = int(value)
    assert shown == {
        **{key: getattr(defaults.quotas, key) for key in quotas},
        "threshold": defaults.watch.threshold,
        "guardian_age": defaults.watch.guardian_age,
    }
    toml.write_text(text.replace("# talks_per_month = 1", "talks_per_month = 3"), "utf-8")
    due = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=toml.parent).json()
    assert due["quotas"]["talks_per_month"] == 3
