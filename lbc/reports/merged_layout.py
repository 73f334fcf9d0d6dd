"""The columns of a merged roster's sheets, as lbc merge writes them and lbc export and
the Parquet metadata take them: one home for what both the county's merge
(lbc.reports.county) and the analysts' tables (lbc.reports.export) lay out, so that
neither needs the other to know it.
"""

from __future__ import annotations

from lbc.checks.contacts import CONTACT_COLUMNS
from lbc.roster.canonical import Table
from lbc.roster.fields import CATEGORY_COLUMNS, FIELDS, PAIRS_FIELDS, Kind

# What merge writes: each sheet's dictionary fields, less 学校 (it leads every row), the
# separate 是/否 category columns (folded into 类别 on reading) and what only a pairs
# workbook holds (a merged roster is a roster).
LAYOUT = {
    kind: [
        f
        for f in FIELDS[kind]
        if f.key != "school" and f.key not in CATEGORY_COLUMNS and f.key not in PAIRS_FIELDS
    ]
    for kind in Kind
}


def lacked_at(table: Table) -> tuple[str, str] | None:
    """The school's own file and sheet a merged roster's piece lacked a column at whose
    lack is said (COL001: a required column, or a contact's, CONTACT_COLUMNS)
    (Table.lacks_where), where its rows' place (``file``, ``sheet``) is not that sheet: the
    merged roster's rows exported, the column is said missing there read back (COL001),
    as it is over the merged roster, not at the merged sheet; else None."""
    said = {f.key for f in FIELDS[table.kind] if f.required}
    if table.kind is Kind.CHILDREN:
        said |= CONTACT_COLUMNS
    where = table.lacks_where if table.lacks & said else None
    return where if where and where != (table.file, table.sheet) else None
