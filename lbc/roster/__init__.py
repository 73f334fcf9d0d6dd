"""Reading: files to tables of canonical fields, values normalised."""
