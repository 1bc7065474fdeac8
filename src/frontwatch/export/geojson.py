"""GeoJSON FeatureCollection for QGIS and web maps: one Point [lon, lat] per located event.

Properties are the event's fields (`Event.to_dict()`); lists stay JSON arrays. Events
without coordinates cannot be drawn and are left out (the CLI says how many).
"""

from __future__ import annotations

import json
from typing import IO

from frontwatch.export import register
from frontwatch.model import Event


@register("geojson", ".geojson", "FeatureCollection of points (QGIS, web maps)",
          left_out="without coordinates")
def write(events: list[Event], out: IO[str]) -> int:
    features = [
        {
            "type": "Feature",
            "id": e.event_id,
            "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
            "properties": e.to_dict(),
        }
        for e in events
        if e.latitude is not None and e.longitude is not None
    ]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
