"""Clean stage: keep the article, drop page clutter, and record every drop with its reason."""

from frontwatch.clean.lines import CleanLines
from frontwatch.clean.passthrough import CleanPassthrough

__all__ = ["CleanLines", "CleanPassthrough"]
