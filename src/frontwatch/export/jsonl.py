"""JSON Lines: one event per line, exactly `Event.to_dict()` (the JSON contract)."""

from __future__ import annotations

import json
from typing import IO

from frontwatch.export import register
from frontwatch.model import Event


@register("jsonl", ".jsonl", "one event per line, the JSON output contract")
def write(events: list[Event], out: IO[str]) -> int:
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    return len(events)
