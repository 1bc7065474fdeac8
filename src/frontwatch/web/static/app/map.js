// The map: Natural Earth outlines (countries, Ukraine's oblasts) from local GeoJSON, and the
// events drawn on one canvas (fast enough for tens of thousands of points).

export const TYPE_COLOURS = {
  "Battles": "#d7301f",
  "Explosions/Remote violence": "#fc8d59",
  "Violence against civilians": "#7a0177",
  "Strategic developments": "#2b8cbe",
  "Protests": "#31a354",
  "Riots": "#8c510a",
};
export const colour = (type) => TYPE_COLOURS[type] || "#555";
export const radius = (sources) => 3 + 2.2 * Math.sqrt(sources || 1);

export class EventMap {
  constructor(node, onPick, onMove) {
    const L = window.L;
    this.map = L.map(node, { zoomAnimation: false, preferCanvas: true, minZoom: 2,
                             maxZoom: 12, worldCopyJump: false, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Natural Earth");
    this.outlines = L.canvas({ padding: 0.2 });
    this.points = [];  // [index, lon, lat]
    this.data = null;
    this.selected = null;
    this.canvas = document.createElement("canvas");
    this.canvas.className = "event-layer";
    node.append(this.canvas);
    this.map.on("move zoom resize viewreset", () => this.draw());
    this.map.on("moveend", () => onMove(this.map));
    this.map.on("click", (e) => {
      const hits = this.pick(e.containerPoint);
      if (hits.length) onPick(hits);
    });
  }

  drawOutlines(countries, oblasts) {
    const L = window.L;
    L.geoJSON(countries, { renderer: this.outlines, interactive: false,
      style: { color: "#8a8a8a", weight: 1, fillColor: "#f3f1ea", fillOpacity: 1 } })
      .addTo(this.map);
    L.geoJSON(oblasts, { renderer: this.outlines, interactive: false,
      style: { color: "#b5b0a0", weight: 0.7, dashArray: "3 3", fill: false } })
      .addTo(this.map);
  }

  setView(view) {
    if (view) this.map.setView([view.lat, view.lon], view.zoom);
    else this.map.setView([48.6, 35], 6);
  }

  setEvents(data, visible) {
    this.data = data;
    const c = data.columns;
    this.points = visible.filter((i) => c.lat[i] !== null && c.lon[i] !== null)
      .sort((a, b) => c.sources[b] - c.sources[a]);  // big ones first, small ones on top
    this.draw();
  }

  select(index) {
    this.selected = index;
    this.draw();
  }

  draw() {
    if (!this.data) return;
    const size = this.map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== size.x * ratio || this.canvas.height !== size.y * ratio) {
      this.canvas.width = size.x * ratio;
      this.canvas.height = size.y * ratio;
      this.canvas.style.width = `${size.x}px`;
      this.canvas.style.height = `${size.y}px`;
    }
    const ctx = this.canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const c = this.data.columns;
    const types = this.data.names.type;
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    this.screen = new Float32Array(this.points.length * 2);
    this.points.forEach((i, k) => {
      const p = this.map.latLngToContainerPoint([c.lat[i], c.lon[i]]);
      this.screen[2 * k] = p.x;
      this.screen[2 * k + 1] = p.y;
      if (p.x < -20 || p.y < -20 || p.x > size.x + 20 || p.y > size.y + 20) return;
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius(c.sources[i]), 0, 2 * Math.PI);
      ctx.fillStyle = colour(types[c.type[i]]);
      ctx.globalAlpha = 0.8;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
    });
    if (this.selected !== null && c.lat[this.selected] !== null) {
      const p = this.map.latLngToContainerPoint([c.lat[this.selected], c.lon[this.selected]]);
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius(c.sources[this.selected]) + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = "#111";
      ctx.stroke();
    }
  }

  // Every event whose circle contains a screen point (several at one town), most sources first.
  pick(point) {
    const hits = [];
    for (let k = 0; k < this.points.length; k++) {
      const i = this.points[k];
      const dx = this.screen[2 * k] - point.x, dy = this.screen[2 * k + 1] - point.y;
      if (dx * dx + dy * dy <= (radius(this.data.columns.sources[i]) + 2) ** 2) hits.push(i);
    }
    return hits;
  }

  pointOf(index) {
    const c = this.data.columns;
    const p = this.map.latLngToContainerPoint([c.lat[index], c.lon[index]]);
    const box = this.map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  inView(indices) {
    const bounds = this.map.getBounds();
    const c = this.data.columns;
    return indices.filter((i) => c.lat[i] !== null && bounds.contains([c.lat[i], c.lon[i]]));
  }
}
