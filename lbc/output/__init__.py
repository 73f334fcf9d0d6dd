"""Generic writers every stage may use: atomic files, table/json/csv, streamed xlsx."""
