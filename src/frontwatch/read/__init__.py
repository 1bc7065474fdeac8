"""Read stage: turn paths (files, folders, stdin, JSON Lines) into `Document`s.

Readers are chosen by content and extension through a small registry; every input that
cannot be read becomes a `ReadFailure` naming the input and the problem, and the batch goes
on.
"""

from frontwatch.read.core import Defaults, ReadFailure, read_paths

__all__ = ["Defaults", "ReadFailure", "read_paths"]
