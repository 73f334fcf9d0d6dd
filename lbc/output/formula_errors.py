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
# Every text a cell shows when its formula failed, compared with a cell's whole text; with
# LibreOffice's own errors that Excel has no name for (Err:502, an invalid argument: a
# VLOOKUP's column past its range; Err:504, Err:522 …).
FORMULA_ERRORS = frozenset({*EXCEL_ERRORS, *(f"Err:{n}" for n in range(500, 600))})
