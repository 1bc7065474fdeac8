"""Renderers of extraction results for people (the JSON form is `Result.to_dict`)."""

from frontwatch.output.table import render_places, render_table

__all__ = ["render_places", "render_table"]
