// Where app revenue ends up: one stacked bar per scenario, split into what apps keep, what model
// providers keep and what the clouds earn.
import { calcWords } from '../i18n/calc-words.js';
import type { Lang } from '../i18n/lang.js';
import { pct } from '../calc/format.js';
import type { Flow } from '../calc/flow.js';
import { rect, svg, text } from './svg.js';

const W = 640;
const PAD = { left: 150, right: 24, top: 56 };
const BAR = 34;
const GAP = 22;
const COLORS = { apps: '#2563eb', models: '#7c3aed', clouds: '#f59e0b' };
/** Pixels a legend character takes: Chinese characters are about twice as wide as Latin letters. */
const LEGEND_CHAR_WIDTH: Record<Lang, number> = { en: 7, zh: 13 };

export function flowChartSvg(rows: { label: string; revenue: number; flow: Flow }[], lang: Lang, title: string): string {
  const names = calcWords(lang).flowLegend;
  const height = PAD.top + rows.length * (BAR + GAP) + 56;
  const width = W - PAD.left - PAD.right;
  const body: string[] = [text(16, 28, title, { 'font-size': 16, 'font-weight': 'bold', fill: '#0f172a' })];
  rows.forEach((row, i) => {
    const top = PAD.top + i * (BAR + GAP);
    body.push(text(PAD.left - 10, top + BAR / 2 + 5, row.label, { 'text-anchor': 'end' }));
    let left = PAD.left;
    for (const key of ['apps', 'models', 'clouds'] as const) {
      const share = row.flow[key] / row.revenue;
      const w = share * width;
      body.push(rect(left, top, w, BAR, COLORS[key]));
      if (w > 38)
        body.push(
          text(left + w / 2, top + BAR / 2 + 5, pct(share), {
            'text-anchor': 'middle',
            fill: '#ffffff',
            'font-weight': 'bold',
            'font-size': 12,
          }),
        );
      left += w;
    }
  });
  const legendTop = height - 28;
  let legendX = PAD.left;
  for (const key of ['apps', 'models', 'clouds'] as const) {
    body.push(rect(legendX, legendTop - 11, 14, 14, COLORS[key]));
    body.push(text(legendX + 20, legendTop + 1, names[key], { 'font-size': 12 }));
    legendX += 40 + names[key].length * LEGEND_CHAR_WIDTH[lang];
  }
  return svg(W, height, body);
}
