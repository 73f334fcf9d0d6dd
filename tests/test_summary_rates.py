"""The shares the summary prints (巩固率, 覆盖率 …) are each worked out from their counts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import child_cells, run, table, write_xlsx

SVG = "{http://www.w3.org/2000/svg}"


def test_a_share_is_rounded_once_from_its_counts(tmp_path: Path) -> None:
    """54 children on the books, one of them 辍学: 巩固率 53/54 is 98.148…%, 辍学率 1/54 is
    1.852…%. The summary printed 98.2% and 1.8%: each share rounded to four places first
    (0.9815, 0.0185), then to one place of a percent, rounding twice."""
    kids = [child_cells(n, 在校状态="辍学" if n == 1 else "在读") for n in range(1, 55)]
    roster = write_xlsx(tmp_path / "roster.xlsx", {"花名册": table(kids)})
    result = run("summary", roster, "--term", "2024-autumn")
    assert result.exit_code == 0, result.stderr
    assert "- 在校情况：在读 53 人，辍学 1 人；巩固率 98.1%，辍学率 1.9%。" in result.stdout
    doc = run("summary", roster, "--term", "2024-autumn", "--format", "json").json()
    assert doc["enrollment"]["retention_rate"] == 0.9815
    assert doc["enrollment"]["dropout_rate"] == 0.0185


def test_the_charts_share_is_the_one_the_text_gives(tmp_path: Path) -> None:
    """53 of 54 children paired (帮扶教师 named, no teachers list): the text says 覆盖率
    98.1%, and the chart of quotas met said 98.2% beside it, from the rate 0.9815."""
    kids = [child_cells(n, 帮扶教师=None if n == 1 else "王芳") for n in range(1, 55)]
    roster = write_xlsx(tmp_path / "roster.xlsx", {"花名册": table(kids)})
    result = run("summary", roster, "--term", "2024-autumn", "--out", tmp_path / "s.html")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "结对儿童 53 名，覆盖率 98.1%" in page
    svg = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)[-1]
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert texts[-2:] == ["结对覆盖率", "98.1%"]


def test_a_child_written_as_withdrawn_is_a_dropout_not_at_school(tmp_path: Path) -> None:
    """The school wrote 退学 (and 已辍学) in 在校状态 for two children who left school, 病故
    for one who died, 已休学 and 新转入 for two more. Each was unreadable, so the summary
    counted all five as 在读: 辍学率 0.0%, and the child who died on the books."""
    states = {1: "退学", 2: "已辍学", 3: "病故", 4: "已休学", 5: "新转入"}
    kids = [child_cells(n, 在校状态=states.get(n, "在读")) for n in range(1, 11)]
    roster = write_xlsx(tmp_path / "roster.xlsx", {"花名册": table(kids)})
    result = run("summary", roster, "--term", "2024-autumn")
    assert result.exit_code == 0, result.stderr
    assert (
        "- 在校情况：在读 5 人，转入 1 人，休学 1 人，辍学 2 人，死亡 1 人；"
        "巩固率 77.8%，辍学率 22.2%。"
    ) in result.stdout
    found = run("validate", roster, "--select", "VAL", "--format", "json").json()["findings"]
    assert found == []
