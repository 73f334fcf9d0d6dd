"""The workspace: lbc.toml, terms, which files and which school."""
