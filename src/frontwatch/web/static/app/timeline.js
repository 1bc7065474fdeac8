// A histogram of events per day (or per week, month when the span is long) with a brush:
// drag to select a period, click to clear it.
const DAY = 86400000;
export const dayToIso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
export const isoToDay = (s) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.round(t / DAY);
};

export class Timeline {
  constructor(canvas, label, onBrush) {
    this.canvas = canvas;
    this.label = label;
    this.onBrush = onBrush;
    this.range = null;  // [fromDay, toDay] inclusive
    this.counts = null;
    let start = null;
    canvas.addEventListener("mousedown", (e) => {
      start = this.dayAt(e.offsetX);
      this.drag = [start, start];
    });
    window.addEventListener("mousemove", (e) => {
      if (start === null) return;
      const x = e.clientX - canvas.getBoundingClientRect().left;
      this.drag = [start, this.dayAt(x)].sort((a, b) => a - b);
      this.draw();
    });
    window.addEventListener("mouseup", () => {
      if (start === null) return;
      const [a, b] = this.drag;
      start = null;
      this.drag = null;
      this.range = a === b && this.range ? null : [a, b];
      this.draw();
      this.onBrush(this.range);
    });
  }

  setData(allDays, shownDays) {
    const days = allDays.filter((d) => d !== null);
    this.min = days.length ? Math.min(...days) : 0;
    this.max = days.length ? Math.max(...days) : 0;
    const span = this.max - this.min + 1;
    this.bin = span > 730 ? 30 : span > 120 ? 7 : 1;
    const n = Math.ceil(span / this.bin);
    this.all = new Uint32Array(n);
    this.shown = new Uint32Array(n);
    for (const d of days) this.all[Math.floor((d - this.min) / this.bin)]++;
    for (const d of shownDays) if (d !== null) this.shown[Math.floor((d - this.min) / this.bin)]++;
    this.draw();
  }

  dayAt(x) {
    const w = this.canvas.clientWidth;
    const span = this.max - this.min + 1;
    return Math.max(this.min, Math.min(this.max, this.min + Math.floor((x / w) * span)));
  }

  xOf(day) {
    return ((day - this.min) / (this.max - this.min + 1)) * this.canvas.clientWidth;
  }

  draw() {
    if (!this.all) return;
    const ratio = window.devicePixelRatio || 1;
    const w = this.canvas.clientWidth, h = this.canvas.clientHeight;
    this.canvas.width = w * ratio;
    this.canvas.height = h * ratio;
    const ctx = this.canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const top = Math.max(1, ...this.all);
    const bw = w / this.all.length;
    this.all.forEach((n, k) => {
      const bh = ((h - 16) * n) / top, sh = ((h - 16) * this.shown[k]) / top;
      ctx.fillStyle = "#d9d4c7";
      ctx.fillRect(k * bw + 0.5, h - 14 - bh, Math.max(1, bw - 1), bh);
      ctx.fillStyle = "#4a5a6a";
      ctx.fillRect(k * bw + 0.5, h - 14 - sh, Math.max(1, bw - 1), sh);
    });
    ctx.fillStyle = "#333";
    ctx.font = "11px sans-serif";
    ctx.fillText(dayToIso(this.min), 2, h - 2);
    const end = dayToIso(this.max);
    ctx.fillText(end, w - ctx.measureText(end).width - 2, h - 2);
    const sel = this.drag || this.range;
    if (sel) {
      const x0 = this.xOf(sel[0]), x1 = this.xOf(sel[1] + 1);
      ctx.fillStyle = "rgba(43,140,190,0.2)";
      ctx.fillRect(x0, 0, x1 - x0, h - 14);
      ctx.strokeStyle = "#2b8cbe";
      ctx.strokeRect(x0, 0.5, x1 - x0, h - 15);
    }
    this.label.textContent = this.range
      ? `${dayToIso(this.range[0])} to ${dayToIso(this.range[1])} (click the timeline to clear)`
      : `per ${this.bin === 1 ? "day" : this.bin === 7 ? "week" : "month"}; drag to select a period`;
  }
}
