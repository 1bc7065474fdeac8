"""Renderers of extraction results for people (the JSON form is `Result.to_dict`)."""

from frontwatch.output.table import render_table

__all__ = ["render_table"]
