"""What a spreadsheet cell shows when its formula fails, as Excel, WPS and LibreOffice show it.

Known here, below the readers and the printers alike: the readers tell a cell showing one
from a child's data (VAL007), and the printers show text typed like one (" #n/a") as typed
rather than mask it as a number, while masking any other text.
"""

from __future__ import annotations

# What Excel shows in a cell whose formula fails (a VLOOKUP into a sheet since deleted).
EXCEL_ERRORS = (
    *("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"),
    *("#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"),
    "#GETTING_DATA",
)
# What lbc reads a cell as that holds a formula saved without its result (a workbook a
# program wrote, openpyxl's, until it is opened and saved in Excel): Excel and WPS work the
# value out on screen, but the file holds none to read. Put back into the cell as an error
# is (lbc.roster.reading), and so read as one everywhere (no child's value, never one left
# blank), said by VAL010, not VAL007; merged, it is written as this text, read back alike.
UNSAVED = "#未存结果"
# Every text a cell shows when its formula failed, compared with a cell's whole text; with
# LibreOffice's own errors that Excel has no name for (Err:502, an invalid argument: a
# VLOOKUP's column past its range; Err:504, Err:522 …), and a formula without its result.
FORMULA_ERRORS = frozenset({*EXCEL_ERRORS, UNSAVED, *(f"Err:{n}" for n in range(500, 600))})
