"""Rendering reports into files people read: Word, HTML, Markdown, workbooks."""
