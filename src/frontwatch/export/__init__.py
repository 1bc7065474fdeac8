"""Exporters: one small registered module per format (csv, jsonl, geojson, parquet).

Built-ins come through the same door a plugin would: a module that decorates its `write`
with `@register`. Adding KML is one new file and one line in `_BUILTINS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from frontwatch.model import Event

Writer = Callable[[list[Event], IO[Any]], int]  # returns how many events were written


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str
    binary: bool
    write: Writer
    help: str
    left_out: str = ""  # why an event may be left out ("without coordinates")


_EXPORTERS: dict[str, Exporter] = {}
_BUILTINS = ("csv", "jsonl", "geojson", "parquet")


def register(name: str, suffix: str, help: str, *, binary: bool = False,
             left_out: str = "") -> Callable[[Writer], Writer]:
    def wrap(fn: Writer) -> Writer:
        if name in _EXPORTERS:
            raise ValueError(f"exporter {name!r} is registered twice")
        _EXPORTERS[name] = Exporter(name, suffix, binary, fn, help, left_out)
        return fn

    return wrap


def exporters() -> dict[str, Exporter]:
    for module in _BUILTINS:
        importlib.import_module(f"frontwatch.export.{module}")
    return dict(_EXPORTERS)


__all__ = ["Exporter", "exporters", "register"]
