// Every character a chart can draw is in the bundled font, so no label renders as empty boxes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFlow } from '../src/core/calc/flow.js';
import { computeMargin } from '../src/core/calc/margin.js';
import { flowChartSvg } from '../src/core/chart/flow-chart.js';
import { marginChartSvg } from '../src/core/chart/margin-chart.js';
import { chartFontPath } from '../src/core/chart/render-png.js';
import { kb } from './helpers.js';

/** The characters a TrueType font maps (cmap formats 4 and 12). */
function fontCharacters(path: string): Set<number> {
  const font = readFileSync(path);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = font.readUInt32BE(20 + 16 * i);
  const codes = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const offset = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    const format = font.readUInt16BE(offset);
    if (format === 4) {
      const segments = font.readUInt16BE(offset + 6) / 2;
      for (let s = 0; s < segments; s++) {
        const end = font.readUInt16BE(offset + 14 + 2 * s);
        const start = font.readUInt16BE(offset + 16 + 2 * segments + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) codes.add(c);
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g++) {
        const start = font.readUInt32BE(offset + 16 + 12 * g);
        const end = font.readUInt32BE(offset + 20 + 12 * g);
        for (let c = start; c <= end; c++) codes.add(c);
      }
    }
  }
  return codes;
}

const textOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .join('');

describe('the chart font', () => {
  const covered = fontCharacters(chartFontPath());

  it('covers every label of both charts in both languages', () => {
    const margin = computeMargin({ revenue: 1e6, inference: 0.3, otherCogs: 0.1, inferenceChange: -0.5 });
    const flow = computeFlow({ revenue: 1e8, inference: 0.2, direct: 0, modelCloud: 0.5 });
    for (const lang of ['en', 'zh'] as const) {
      const drawn =
        textOf(marginChartSvg(margin, 0.1, lang, lang === 'zh' ? '毛利率与推理成本占比' : 'Gross margin by inference share')) +
        textOf(
          flowChartSvg(
            [{ label: lang === 'zh' ? '推理 20%' : 'inference 20%', revenue: 1e8, flow }],
            lang,
            lang === 'zh' ? '1亿美元 应用收入的去向' : 'Where $100M goes',
          ),
        );
      const missing = [...new Set(drawn)].filter((c) => c.trim() && !covered.has(c.codePointAt(0)!));
      expect(missing, lang).toEqual([]);
    }
  });

  it('covers every Chinese character of the knowledge base, which scenario names and titles may use', () => {
    const text = JSON.stringify([kb.companies, kb.layers, kb.figures, kb.moats]);
    const missing = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])].filter((c) => !covered.has(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });
});
