import { scaleLinear } from "d3-scale";
import { html, type Html } from "./html";

/**
 * Charts drawn on the server as inline SVG: no script, no inline styles (the pages' CSP allows
 * neither), colours as presentation attributes, a title and a description for screen readers, and
 * the same numbers in a table under each chart.
 */
export const PALETTE = ["#2f6f9f", "#4f9d69", "#c9822b", "#8a5aa8"] as const;

const W = 640, H = 240, LEFT = 44, RIGHT = 12, TOP = 16, BOTTOM = 40;

let ids = 0;
const frame = (title: string, desc: string, body: Html): Html => {
  const id = `chart-${++ids}`;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>${body}</svg>`;
};

/**
 * The value axis from d3-scale: a "nice" domain from 0 and its ticks, so every gridline sits at the
 * value its label reads. Counts get whole-number ticks only (no "1.25 questions").
 */
export const valueAxis = (max: number, opts: { integer?: boolean; range: [number, number] }) => {
  const scale = scaleLinear().domain([0, max > 0 ? max : 1]).range(opts.range).nice(5);
  const ticks = opts.integer ? scale.ticks(Math.min(5, Math.max(1, Math.ceil(scale.domain()[1]!)))).filter(Number.isInteger) : scale.ticks(5);
  const format = opts.integer ? (v: number) => String(v) : scale.tickFormat(5);
  return { scale, ticks, format };
};

const axis = (y: ReturnType<typeof valueAxis>): Html => {
  const ticks = y.ticks.map((v) => {
    const at = y.scale(v).toFixed(1);
    return html`<g class="tick" data-value="${v}"><line x1="${LEFT}" x2="${W - RIGHT}" y1="${at}" y2="${at}" stroke="#d6dbe1" stroke-width="1"/><text x="${LEFT - 6}" y="${(Number(at) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#5b6673">${y.format(v)}</text></g>`;
  });
  return html`${ticks}`;
};

/** Grouped vertical bars: one group per label (a week), one bar per series; `integer` for counts. */
export const groupedBars = (opts: { title: string; desc: string; labels: string[]; series: { name: string; values: (number | null)[] }[]; integer?: boolean }): Html => {
  const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
  const y = valueAxis(Math.max(0, ...opts.series.flatMap((s) => s.values.map((v) => v ?? 0))), { integer: opts.integer, range: [TOP + plotH, TOP] });
  const value = (v: number) => (opts.integer ? String(v) : String(Number(v.toPrecision(3))));
  const groupW = plotW / Math.max(1, opts.labels.length);
  const barW = Math.max(2, (groupW * 0.8) / opts.series.length);
  const bars = opts.labels.map((label, i) => {
    const x0 = LEFT + i * groupW + groupW * 0.1;
    const rects = opts.series.map((s, j) => {
      const v = s.values[i] ?? 0, top = y.scale(v);
      return html`<rect x="${(x0 + j * barW).toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(TOP + plotH - top).toFixed(1)}" fill="${PALETTE[j % PALETTE.length]}" data-value="${v}"><title>${s.name}, ${label}: ${s.values[i] === null ? "none" : value(v)}</title></rect>`;
    });
    const every = Math.ceil(opts.labels.length / 8);
    return html`${rects}${i % every === 0 ? html`<text x="${(LEFT + i * groupW + groupW / 2).toFixed(1)}" y="${H - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="#5b6673">${label}</text>` : ""}`;
  });
  const legend = opts.series.map((s, j) => html`<rect x="${LEFT + j * 150}" y="${H - 14}" width="10" height="10" fill="${PALETTE[j % PALETTE.length]}"/><text x="${LEFT + j * 150 + 14}" y="${H - 5}" font-size="11" fill="#1f2933">${s.name}</text>`);
  return frame(opts.title, opts.desc, html`${axis(y)}${bars}${legend}`);
};

/** Horizontal bars: one row per item (backlog buckets, helpers). */
export const horizontalBars = (opts: { title: string; desc: string; items: { label: string; value: number }[]; color?: string }): Html => {
  const rows = Math.max(1, opts.items.length);
  const rowH = Math.min(28, (H - TOP - 8) / rows);
  const labelW = 150, plotW = W - labelW - RIGHT - 40;
  const x = valueAxis(Math.max(0, ...opts.items.map((i) => i.value)), { integer: true, range: [0, plotW] }).scale;
  const body = opts.items.map((item, i) => {
    const y = TOP + i * rowH, w = x(item.value);
    return html`<text x="${labelW - 8}" y="${(y + rowH * 0.65).toFixed(1)}" text-anchor="end" font-size="12" fill="#1f2933">${item.label}</text><rect x="${labelW}" y="${(y + 3).toFixed(1)}" width="${w.toFixed(1)}" height="${(rowH - 6).toFixed(1)}" fill="${opts.color ?? PALETTE[0]}"/><text x="${(labelW + w + 6).toFixed(1)}" y="${(y + rowH * 0.65).toFixed(1)}" font-size="12" fill="#1f2933">${item.value}</text>`;
  });
  return frame(opts.title, opts.desc, html`${body}`);
};
