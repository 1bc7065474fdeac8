"""Clean stage: keep the article, drop page clutter, and record every drop with its reason."""

from frontwatch.clean.lines import CleanLines

__all__ = ["CleanLines"]
