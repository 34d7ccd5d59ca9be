import { html, type Html } from "./html";

/**
 * Charts drawn on the server as inline SVG: no script, no inline styles (the pages' CSP allows
 * neither), colours as presentation attributes, a title and a description for screen readers, and
 * the same numbers in a table under each chart.
 */
export const PALETTE = ["#2f6f9f", "#4f9d69", "#c9822b", "#8a5aa8"] as const;

const W = 640, H = 240, LEFT = 44, RIGHT = 12, TOP = 16, BOTTOM = 40;

/** Round axis maxima: 1, 2, 5, 10, 20, 50… */
const niceMax = (v: number): number => {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p);
};

let ids = 0;
const frame = (title: string, desc: string, body: Html): Html => {
  const id = `chart-${++ids}`;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>${body}</svg>`;
};

const axis = (max: number, fmt: (v: number) => string): Html => {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = TOP + (H - TOP - BOTTOM) * (1 - f);
    return html`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y}" y2="${y}" stroke="#d6dbe1" stroke-width="1"/><text x="${LEFT - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#5b6673">${fmt(max * f)}</text>`;
  });
  return html`${ticks}`;
};

/** Grouped vertical bars: one group per label (a week), one bar per series. */
export const groupedBars = (opts: { title: string; desc: string; labels: string[]; series: { name: string; values: (number | null)[] }[]; format?: (v: number) => string }): Html => {
  const fmt = opts.format ?? ((v: number) => String(Math.round(v)));
  const max = niceMax(Math.max(0, ...opts.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
  const groupW = plotW / Math.max(1, opts.labels.length);
  const barW = Math.max(2, (groupW * 0.8) / opts.series.length);
  const bars = opts.labels.map((label, i) => {
    const x0 = LEFT + i * groupW + groupW * 0.1;
    const rects = opts.series.map((s, j) => {
      const v = s.values[i] ?? 0, h = (v / max) * plotH;
      return html`<rect x="${(x0 + j * barW).toFixed(1)}" y="${(TOP + plotH - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[j % PALETTE.length]}"><title>${s.name}, ${label}: ${s.values[i] === null ? "none" : fmt(v)}</title></rect>`;
    });
    const every = Math.ceil(opts.labels.length / 8);
    return html`${rects}${i % every === 0 ? html`<text x="${(LEFT + i * groupW + groupW / 2).toFixed(1)}" y="${H - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="#5b6673">${label}</text>` : ""}`;
  });
  const legend = opts.series.map((s, j) => html`<rect x="${LEFT + j * 150}" y="${H - 14}" width="10" height="10" fill="${PALETTE[j % PALETTE.length]}"/><text x="${LEFT + j * 150 + 14}" y="${H - 5}" font-size="11" fill="#1f2933">${s.name}</text>`);
  return frame(opts.title, opts.desc, html`${axis(max, fmt)}${bars}${legend}`);
};

/** Horizontal bars: one row per item (backlog buckets, helpers). */
export const horizontalBars = (opts: { title: string; desc: string; items: { label: string; value: number }[]; color?: string }): Html => {
  const rows = Math.max(1, opts.items.length);
  const rowH = Math.min(28, (H - TOP - 8) / rows);
  const labelW = 150, plotW = W - labelW - RIGHT - 40;
  const max = niceMax(Math.max(0, ...opts.items.map((i) => i.value)));
  const body = opts.items.map((item, i) => {
    const y = TOP + i * rowH, w = (item.value / max) * plotW;
    return html`<text x="${labelW - 8}" y="${(y + rowH * 0.65).toFixed(1)}" text-anchor="end" font-size="12" fill="#1f2933">${item.label}</text><rect x="${labelW}" y="${(y + 3).toFixed(1)}" width="${w.toFixed(1)}" height="${(rowH - 6).toFixed(1)}" fill="${opts.color ?? PALETTE[0]}"/><text x="${(labelW + w + 6).toFixed(1)}" y="${(y + rowH * 0.65).toFixed(1)}" font-size="12" fill="#1f2933">${item.value}</text>`;
  });
  return frame(opts.title, opts.desc, html`${body}`);
};
