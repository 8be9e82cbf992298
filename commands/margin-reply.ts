// The /margin reply: result first, then the formula with the user's numbers in it, the what-if,
// where the result sits against the essay's benchmarks, which defaults were used, a sensitivity
// table and the chart.
import { pct, usd, usdSmall } from '../src/core/calc/format.js';
import { computeMargin, type MarginCase } from '../src/core/calc/margin.js';
import { marginChartSvg } from '../src/core/chart/margin-chart.js';
import { calcWords } from '../src/core/i18n/calc-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import { reply, type Reply } from '../src/core/reply.js';
import type { CommandContext } from './command.js';
import { figureLine } from './render-parts.js';

export interface MarginSettings {
  revenue: number;
  /** Revenue is one user's monthly price (unit form without a revenue). */
  perUser: boolean;
  inference: number;
  otherCogs: number;
  inferenceChange: number;
  units: { price: number; queries: number; costPerQuery: number } | undefined;
  scenario: string | undefined;
  defaults: ('revenue' | 'inference' | 'other_cogs')[];
}

const BENCHMARK_FIGURES = ['app_gross_margin_typical', 'app_gross_margin_best', 'inference_share_of_revenue'] as const;

export function marginReply(s: MarginSettings, ctx: CommandContext): Reply {
  const { lang, kb } = ctx;
  const w = calcWords(lang);
  const result = computeMargin({ revenue: s.revenue, inference: s.inference, otherCogs: s.otherCogs, inferenceChange: s.inferenceChange });
  const money = (v: number) => (s.perUser ? w.perUser(usdOrSmall(v, lang)) : usd(v, lang));
  const { base, whatIf } = result;
  const title = w.marginTitle(pct(base.margin)) + (whatIf ? ` → ${pct(whatIf.margin)}` : '');
  const body = [w.inputs(money(s.revenue), pct(s.inference), pct(s.otherCogs), s.scenario)];
  if (s.units) {
    const { price, queries, costPerQuery } = s.units;
    body.push(w.units(queries, usdSmall(costPerQuery), usdSmall(price), pct(s.inference)));
  }
  body.push(
    w.formula({
      inference: pct(s.inference),
      otherCogs: pct(s.otherCogs),
      margin: pct(base.margin),
      revenue: money(s.revenue),
      grossProfit: money(base.grossProfit),
    }),
  );
  if (whatIf) body.push(whatIfLine(s, base, whatIf, money, lang));
  if (base.margin < 0) body.push(w.negativeMargin);
  body.push(benchmarkLine(whatIf ?? base, lang));
  if (s.defaults.length) body.push(w.defaultsUsed(s.defaults.map((d) => w.marginDefaults[d])));

  const figures = [
    { label: w.grossMargin, value: pct(base.margin) },
    { label: w.grossProfit, value: money(base.grossProfit) },
    { label: w.inferenceCost, value: money(base.inferenceCost) },
    ...(whatIf
      ? [
          { label: w.whatIfGrossMargin, value: pct(whatIf.margin) },
          { label: w.whatIfGrossProfit, value: money(whatIf.grossProfit) },
        ]
      : []),
    ...BENCHMARK_FIGURES.map((id) => figureLine(kb, kb.figure(id)!, lang)),
  ];
  const marker = (c: MarginCase) =>
    near(c.inference, base.inference) ? ` ← ${w.base}` : whatIf && near(c.inference, whatIf.inference) ? ` ← ${w.whatIfMark}` : '';
  const sensitivity = whatIf
    ? [...result.sensitivity, whatIf]
        .sort((a, b) => a.inference - b.inference)
        .filter((c, i, all) => i === 0 || !near(c.inference, all[i - 1]!.inference))
    : result.sensitivity;
  const chartTitle = w.marginChartTitle;
  return reply(lang, title, {
    body,
    figures,
    table: {
      columns: [w.inferenceShare, w.grossMargin, w.grossProfit],
      rows: sensitivity.map((c) => [`${pct(c.inference)}${marker(c)}`, pct(c.margin), money(c.grossProfit)]),
    },
    chart: {
      alt: w.marginChartAlt(chartTitle, pct(base.margin), whatIf ? pct(whatIf.margin) : undefined),
      bars: sensitivity.map((c) => ({ label: `${pct(c.inference)}${marker(c)}`, value: Math.max(0, c.margin), display: pct(c.margin) })),
      ...(ctx.charts ? { svg: marginChartSvg(result, s.otherCogs, lang, chartTitle) } : {}),
    },
    sources: uniqueCitations(BENCHMARK_FIGURES.map((id) => cite(kb, kb.figure(id)!.source, lang))),
    suggestions: [`/margin inference=${pct(s.inference)} inference_change=-50%`, '/flow', '/layer apps'],
  });
}

function whatIfLine(s: MarginSettings, base: MarginCase, whatIf: MarginCase, money: (v: number) => string, lang: Lang): string {
  const points = Math.round((whatIf.margin - base.margin) * 1000) / 10;
  return calcWords(lang).whatIf({
    change: `${s.inferenceChange > 0 ? '+' : ''}${pct(s.inferenceChange)}`,
    inference: pct(s.inference),
    sign: s.inferenceChange < 0 ? '−' : '+',
    by: pct(Math.abs(s.inferenceChange)),
    newInference: pct(whatIf.inference),
    otherCogs: pct(s.otherCogs),
    margin: pct(whatIf.margin),
    points: `${points >= 0 ? '+' : ''}${points === 0 ? 0 : points}`,
    grossProfit: money(whatIf.grossProfit),
  });
}

/** Where a result sits against the essay: typical margins 50-60%, best ~90%, inference 20-40%. */
function benchmarkLine(c: MarginCase, lang: Lang): string {
  const w = calcWords(lang);
  const m = c.margin;
  const i = c.inference;
  const marginPlace = m < 0.5 ? 'below' : m <= 0.6 ? 'within' : m < 0.9 ? 'above' : 'best';
  const inferencePlace = i < 0.2 ? 'below' : i <= 0.4 ? 'within' : 'above';
  return w.benchmark(pct(m), w.marginPlace[marginPlace], pct(i), w.inferencePlace[inferencePlace]);
}

function usdOrSmall(v: number, lang: Lang): string {
  return Math.abs(v) < 1000 ? usdSmall(Math.abs(v) < 0.005 ? 0 : v).replace('$-', '-$') : usd(v, lang);
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
