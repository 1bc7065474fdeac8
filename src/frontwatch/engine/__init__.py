"""Engines: the same pipeline on one core, a process pool (`local`), or a Ray cluster (`ray`).

Stages hold no global state and pickle cleanly, so an engine only decides where documents
are processed; what comes out is the same whichever engine and however many workers.
"""

from frontwatch.engine.local import default_workers, pipe, slim

__all__ = ["default_workers", "pipe", "slim"]
