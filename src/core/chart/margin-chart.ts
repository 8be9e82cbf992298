// Gross margin against inference share: the line for the user's other costs, the essay's typical
// band (50-60%) and inference range (20-40%) shaded, and the base and what-if points marked.
import { calcWords } from '../i18n/calc-words.js';
import type { Lang } from '../i18n/lang.js';
import { pct } from '../calc/format.js';
import type { MarginResult } from '../calc/margin.js';
import { line, rect, svg, text } from './svg.js';

const W = 640;
const H = 380;
const PAD = { left: 64, right: 24, top: 48, bottom: 56 };

export function marginChartSvg(result: MarginResult, otherCogs: number, lang: Lang, title: string): string {
  const w = calcWords(lang);
  const xMax = Math.min(1, Math.max(0.7, ...[result.base, result.whatIf].filter(Boolean).map((c) => c!.inference + 0.1)));
  const yMin = Math.min(0, 1 - xMax - otherCogs);
  const x = (share: number) => PAD.left + (share / xMax) * (W - PAD.left - PAD.right);
  const y = (margin: number) => PAD.top + ((1 - margin) / (1 - yMin)) * (H - PAD.top - PAD.bottom);
  const body: string[] = [text(PAD.left, 28, title, { 'font-size': 16, 'font-weight': 'bold', fill: '#0f172a' })];

  // The essay's benchmarks, behind everything else.
  body.push(rect(x(0.2), PAD.top, x(0.4) - x(0.2), H - PAD.top - PAD.bottom, '#f1f5f9'));
  body.push(rect(PAD.left, y(0.6), W - PAD.left - PAD.right, y(0.5) - y(0.6), '#dcfce7'));
  body.push(text(x(0.2) + 4, H - PAD.bottom - 6, w.chart.inferenceBand, { 'font-size': 11, fill: '#64748b' }));
  body.push(
    text(W - PAD.right - 4, y(0.6) - 4, w.chart.marginBand, {
      'font-size': 11,
      fill: '#15803d',
      'text-anchor': 'end',
    }),
  );

  // Axes and grid.
  for (let m = Math.ceil(yMin * 5) / 5; m <= 1.0001; m += 0.2) {
    body.push(line(PAD.left, y(m), W - PAD.right, y(m), '#e2e8f0'));
    body.push(text(PAD.left - 8, y(m) + 4, pct(m, 0), { 'font-size': 11, 'text-anchor': 'end' }));
  }
  for (let s = 0; s <= xMax + 1e-9; s += 0.1)
    body.push(text(x(s), H - PAD.bottom + 18, pct(s, 0), { 'font-size': 11, 'text-anchor': 'middle' }));
  body.push(line(PAD.left, H - PAD.bottom, W - PAD.right, H - PAD.bottom, '#94a3b8'));
  if (yMin < 0) body.push(line(PAD.left, y(0), W - PAD.right, y(0), '#94a3b8'));
  body.push(
    text((PAD.left + W - PAD.right) / 2, H - 14, w.chart.xAxis, {
      'text-anchor': 'middle',
    }),
  );
  body.push(
    text(18, (PAD.top + H - PAD.bottom) / 2, w.chart.yAxis, {
      transform: `rotate(-90 18 ${(PAD.top + H - PAD.bottom) / 2})`,
      'text-anchor': 'middle',
    }),
  );

  // Margin falls one point for each point of inference share.
  body.push(line(x(0), y(1 - otherCogs), x(xMax), y(1 - xMax - otherCogs), '#2563eb', 2.5));
  const point = (share: number, margin: number, color: string, label: string) => {
    body.push(`<circle cx="${x(share)}" cy="${y(margin)}" r="6" fill="${color}" stroke="#ffffff" stroke-width="2"/>`);
    body.push(text(x(share) + 10, y(margin) - 10, `${label} ${pct(margin)}`, { 'font-size': 12, 'font-weight': 'bold', fill: color }));
  };
  point(result.base.inference, result.base.margin, '#1d4ed8', w.base);
  if (result.whatIf) point(result.whatIf.inference, result.whatIf.margin, '#ea580c', w.whatIfMark);
  return svg(W, H, body);
}
