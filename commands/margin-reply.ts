// The /margin reply: result first, then the formula with the user's numbers in it, the what-if,
// where the result sits against the essay's benchmarks, which defaults were used, a sensitivity
// table and the chart.
import { pct, usd, usdSmall } from '../src/core/calc/format.js';
import { computeMargin, type MarginCase } from '../src/core/calc/margin.js';
import { marginChartSvg } from '../src/core/chart/margin-chart.js';
import { renderPng } from '../src/core/chart/render-png.js';
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
  const zh = lang === 'zh';
  const result = computeMargin({ revenue: s.revenue, inference: s.inference, otherCogs: s.otherCogs, inferenceChange: s.inferenceChange });
  const money = (v: number) => (s.perUser ? `${usdOrSmall(v, lang)}${zh ? '/用户/月' : ' per user/month'}` : usd(v, lang));
  const { base, whatIf } = result;
  const title = (zh ? `毛利率 ${pct(base.margin)}` : `Gross margin ${pct(base.margin)}`) + (whatIf ? ` → ${pct(whatIf.margin)}` : '');
  const body = [
    zh
      ? `收入 ${money(s.revenue)} · 推理成本占 ${pct(s.inference)} · 其他营业成本占 ${pct(s.otherCogs)}${s.scenario ? ` · 情景“${s.scenario}”` : ''}`
      : `Revenue ${money(s.revenue)} · inference ${pct(s.inference)} of revenue · other cost of revenue ${pct(s.otherCogs)}${s.scenario ? ` · scenario “${s.scenario}”` : ''}`,
  ];
  if (s.units) {
    const { price, queries, costPerQuery } = s.units;
    body.push(
      zh
        ? `推理占比由单位经济推算:${queries} 次请求 × ${usdSmall(costPerQuery)} ÷ 每用户每月 ${usdSmall(price)} = ${pct(s.inference)}`
        : `Inference share from unit economics: ${queries} queries × ${usdSmall(costPerQuery)} ÷ ${usdSmall(price)} per user per month = ${pct(s.inference)}`,
    );
  }
  body.push(
    zh
      ? `公式:毛利率 = 1 − 推理占比 − 其他成本占比 = 1 − ${pct(s.inference)} − ${pct(s.otherCogs)} = ${pct(base.margin)};毛利 = 收入 × 毛利率 = ${money(s.revenue)} × ${pct(base.margin)} = ${money(base.grossProfit)}`
      : `Formula: gross margin = 1 − inference − other COGS = 1 − ${pct(s.inference)} − ${pct(s.otherCogs)} = ${pct(base.margin)}; gross profit = revenue × gross margin = ${money(s.revenue)} × ${pct(base.margin)} = ${money(base.grossProfit)}`,
  );
  if (whatIf) body.push(whatIfLine(s, base, whatIf, money, lang));
  if (base.margin < 0) body.push(zh ? '成本超过收入:毛利率为负。' : 'Costs exceed revenue: the gross margin is negative.');
  body.push(benchmarkLine(whatIf ?? base, lang));
  if (s.defaults.length) body.push(defaultsLine(s.defaults, lang));

  const figures = [
    { label: zh ? '毛利率' : 'Gross margin', value: pct(base.margin) },
    { label: zh ? '毛利' : 'Gross profit', value: money(base.grossProfit) },
    { label: zh ? '推理成本' : 'Inference cost', value: money(base.inferenceCost) },
    ...(whatIf
      ? [
          { label: zh ? '假设情形毛利率' : 'What-if gross margin', value: pct(whatIf.margin) },
          { label: zh ? '假设情形毛利' : 'What-if gross profit', value: money(whatIf.grossProfit) },
        ]
      : []),
    ...BENCHMARK_FIGURES.map((id) => figureLine(kb, kb.figure(id)!, lang)),
  ];
  const marker = (c: MarginCase) =>
    near(c.inference, base.inference)
      ? zh
        ? ' ← 当前'
        : ' ← base'
      : whatIf && near(c.inference, whatIf.inference)
        ? zh
          ? ' ← 假设'
          : ' ← what-if'
        : '';
  const sensitivity = whatIf
    ? [...result.sensitivity, whatIf]
        .sort((a, b) => a.inference - b.inference)
        .filter((c, i, all) => i === 0 || !near(c.inference, all[i - 1]!.inference))
    : result.sensitivity;
  const chartTitle = zh ? '毛利率与推理成本占比' : 'Gross margin by inference share';
  return reply(lang, title, {
    body,
    figures,
    table: {
      columns: zh ? ['推理占比', '毛利率', '毛利'] : ['Inference share', 'Gross margin', 'Gross profit'],
      rows: sensitivity.map((c) => [`${pct(c.inference)}${marker(c)}`, pct(c.margin), money(c.grossProfit)]),
    },
    chart: {
      alt: zh
        ? `${chartTitle}:当前 ${pct(base.margin)}${whatIf ? `,假设 ${pct(whatIf.margin)}` : ''};文中典型区间 50-60%`
        : `${chartTitle}: base ${pct(base.margin)}${whatIf ? `, what-if ${pct(whatIf.margin)}` : ''}; the essay's typical band is 50-60%`,
      bars: sensitivity.map((c) => ({ label: `${pct(c.inference)}${marker(c)}`, value: Math.max(0, c.margin), display: pct(c.margin) })),
      ...(ctx.charts ? { png: renderPng(marginChartSvg(result, s.otherCogs, lang, chartTitle)) } : {}),
    },
    sources: uniqueCitations(BENCHMARK_FIGURES.map((id) => cite(kb, kb.figure(id)!.source, lang))),
    suggestions: [`/margin inference=${pct(s.inference)} inference_change=-50%`, '/flow', '/layer apps'],
  });
}

function whatIfLine(s: MarginSettings, base: MarginCase, whatIf: MarginCase, money: (v: number) => string, lang: Lang): string {
  const change = `${s.inferenceChange > 0 ? '+' : ''}${pct(s.inferenceChange)}`;
  const points = Math.round((whatIf.margin - base.margin) * 1000) / 10;
  const delta = `${points >= 0 ? '+' : ''}${points === 0 ? 0 : points}`;
  return lang === 'zh'
    ? `假设推理成本变化 ${change}:推理占比 = ${pct(s.inference)} × (1 ${s.inferenceChange < 0 ? '−' : '+'} ${pct(Math.abs(s.inferenceChange))}) = ${pct(whatIf.inference)};毛利率 = 1 − ${pct(whatIf.inference)} − ${pct(s.otherCogs)} = ${pct(whatIf.margin)}(${delta} 个百分点),毛利 ${money(whatIf.grossProfit)}`
    : `What-if, inference cost ${change}: inference = ${pct(s.inference)} × (1 ${s.inferenceChange < 0 ? '−' : '+'} ${pct(Math.abs(s.inferenceChange))}) = ${pct(whatIf.inference)}; gross margin = 1 − ${pct(whatIf.inference)} − ${pct(s.otherCogs)} = ${pct(whatIf.margin)} (${delta} points), gross profit ${money(whatIf.grossProfit)}`;
}

/** Where a result sits against the essay: typical margins 50-60%, best ~90%, inference 20-40%. */
function benchmarkLine(c: MarginCase, lang: Lang): string {
  const m = c.margin;
  const zh = lang === 'zh';
  const marginPlace =
    m < 0.5
      ? zh
        ? '低于文中典型的 50-60%'
        : 'below the typical 50-60%'
      : m <= 0.6
        ? zh
          ? '处于文中典型的 50-60% 区间'
          : 'within the typical 50-60%'
        : m < 0.9
          ? zh
            ? '高于典型区间,接近最好的案例(约90%)'
            : 'above the typical band, toward the best cases (~90%)'
          : zh
            ? '达到或超过文中最好的案例(约90%)'
            : 'at or beyond the best cases the essay saw (~90%)';
  const i = c.inference;
  const inferencePlace =
    i < 0.2
      ? zh
        ? '低于文中的 20-40%'
        : 'below the essay’s 20-40%'
      : i <= 0.4
        ? zh
          ? '在文中的 20-40% 之内'
          : 'within the essay’s 20-40%'
        : zh
          ? '高于文中的 20-40%'
          : 'above the essay’s 20-40%';
  return zh
    ? `对照 a16z(2023年1月):毛利率 ${pct(m)} ${marginPlace}(§4);推理占比 ${pct(i)} ${inferencePlace}(§6)。`
    : `Against a16z (Jan 2023): a gross margin of ${pct(m)} is ${marginPlace} (§4); inference at ${pct(i)} of revenue is ${inferencePlace} (§6).`;
}

function defaultsLine(defaults: MarginSettings['defaults'], lang: Lang): string {
  const text = {
    revenue: { en: 'revenue $1M (an example: margins do not depend on it)', zh: '收入 100万美元(示例值:毛利率与之无关)' },
    inference: { en: 'inference 30% (the middle of the essay’s 20-40%, §6)', zh: '推理占比 30%(文中 20-40% 的中值,§6)' },
    other_cogs: {
      en: 'other_cogs 10% (our assumption, not the essay’s: it puts the default case at the top of the essay’s typical 50-60%)',
      zh: '其他成本 10%(我们的假设,并非文中数据:使默认情形落在文中典型的 50-60% 区间上沿)',
    },
  };
  return `${lang === 'zh' ? '使用的默认值' : 'Defaults used'}: ${defaults.map((d) => text[d][lang]).join(lang === 'zh' ? ';' : '; ')}.`;
}

function usdOrSmall(v: number, lang: Lang): string {
  return Math.abs(v) < 1000 ? usdSmall(Math.abs(v) < 0.005 ? 0 : v).replace('$-', '-$') : usd(v, lang);
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
