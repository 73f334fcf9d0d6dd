"""Bar charts as inline SVG for the HTML summary: no plotting library, no image files.

Text in an inline SVG is drawn with the page's CSS font, which the HTML summary embeds (see
lbc.documents.fonts), so Chinese labels render on a machine without Chinese fonts. Each chart is
built from the summary context only, so what it shows is what the numbers say.
"""

from __future__ import annotations

from html import escape
from typing import Any

from lbc.messages import t

BAR_COLOUR = "#3b6ea5"
ROW, LABEL_W, BAR_W, PAD = 26, 150, 380, 8


def bar_chart(
    title: str, items: list[tuple[str, float | None]], unit: str = "", percent: bool = False
) -> str:
    """Horizontal bars, one row per item, the value written after each bar; an unknown value
    (a rate of nothing) gets no bar and a dash, never a 0% it did not earn."""
    top = max((v for _, v in items if v is not None), default=0) or 1
    if percent:
        top = 1
    height = PAD * 2 + 28 + ROW * len(items)
    width = LABEL_W + BAR_W + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{PAD}" y="{PAD + 16}" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for n, (label, value) in enumerate(items):
        y = PAD + 28 + n * ROW
        w = 0 if value is None else round(BAR_W * value / top, 1)
        shown = _value_text(value, unit, percent)
        parts += [
            f'<text x="{LABEL_W - 6}" y="{y + 17}" font-size="13" text-anchor="end">'
            f"{escape(label)}</text>",
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{w}" height="{ROW - 8}" fill="{BAR_COLOUR}"/>',
            f'<text x="{LABEL_W + w + 6}" y="{y + 17}" font-size="13">{escape(shown)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def _value_text(value: float | None, unit: str, percent: bool) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.1f}%" if percent else f"{value:g}{unit}"


def _share(rounded: float | None, part: int, whole: int) -> float | None:
    """``part`` of ``whole`` unrounded, where the context gives its rate (``rounded``)."""
    return None if rounded is None or not whole else part / whole


def summary_charts(context: dict[str, Any]) -> dict[str, str]:
    """The charts a ``<!-- chart: NAME -->`` line of a summary template can show."""
    children, records = context["children"], context["records"]
    person = t("chart.person")
    # Each share from its counts, as the text beside the chart gives it: the context's rates
    # are rounded to four places, and 0.9815 shown to one place of a percent is 98.2% for
    # 53 of 54 (98.148…%). A rate the context leaves out (None) stays out.
    paired, pairing = records["paired_children"], context["pairing"]
    compliance = [
        (t("chart.talks"), _share(records["talk_rate"], records["talk_every_month"], paired)),
        (t("chart.visits"), _share(records["home_visit_rate"], records["home_visited"], paired)),
        (t("chart.warmth"), _share(records["warmth_rate"], records["warmth_received"], paired)),
        (
            t("chart.archive"),
            _share(
                context["archive"]["complete_rate"],
                context["archive"]["complete"],
                children["total"],
            ),
        ),
        (
            t("chart.pairing"),
            _share(pairing["coverage"], pairing["paired"], pairing["children"]),
        ),
    ]
    return {
        "children_by_grade": bar_chart(
            t("chart.by_grade"), [(x["name"], x["count"]) for x in children["by_grade"]], person
        ),
        "children_by_type": bar_chart(
            t("chart.by_type"), [(x["name"], x["count"]) for x in children["by_type"]], person
        ),
        "records_by_month": bar_chart(
            t("chart.by_month"),
            [(x["name"], x["count"]) for x in records["by_month"]],
            t("chart.times"),
        ),
        "quota_compliance": bar_chart(
            t("chart.compliance"),
            compliance,
            percent=True,
        ),
    }
