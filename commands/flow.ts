// /flow: where a dollar of AI-app revenue ends up (apps, model providers, clouds), by the essay's
// own arithmetic in §6; with the defaults it reproduces the essay's 10-20% to the clouds.
import { pct, usd } from '../src/core/calc/format.js';
import { computeFlow, type Flow, type FlowInputs } from '../src/core/calc/flow.js';
import { flowChartSvg } from '../src/core/chart/flow-chart.js';
import { calcWords } from '../src/core/i18n/calc-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import { reply } from '../src/core/reply.js';
import { calcOption, money, share } from './calc-options.js';
import { defineCommand } from './command.js';
import { figureLine } from './render-parts.js';

const RELATED = [
  'inference_share_of_revenue',
  'model_provider_cloud_spend',
  'cloud_share_of_genai_revenue',
  'early_stage_funding_to_cloud',
] as const;

export const flowCommand = defineCommand({
  name: 'flow',
  localName: { zh: '收入流向' },
  description: {
    en: 'Where AI-app revenue ends up: kept by apps, earned by model providers and by clouds, with the formula',
    zh: 'AI应用的收入最终流向哪里:应用留存、模型厂商和云厂商各得多少,附公式',
  },
  options: {
    revenue: calcOption(money(), 'App revenue, e.g. 100M (default $100M)', '应用收入,例如 100M(默认 1亿美元)'),
    inference: calcOption(share(), 'Share spent on inference (default the essay’s 20-40%)', '用于推理的收入占比(默认文中的 20-40%)'),
    direct: calcOption(share(), 'Share of inference spend paid straight to clouds (default 0%)', '推理支出中直接付给云厂商的比例(默认 0%)'),
    model_cloud: calcOption(
      share(),
      'Share of model-provider revenue spent on cloud (default 50%)',
      '模型厂商收入中花在云上的比例(默认 50%)',
    ),
  },
  examples: ['/flow', '/flow revenue=100M inference=30%', '/flow direct=50% model_cloud=40%'],
  cost: 2,
  pure: true,
  run(args, ctx) {
    const { lang, kb } = ctx;
    const w = calcWords(lang);
    const revenue = args.revenue?.value ?? 100e6;
    const direct = args.direct?.value ?? 0;
    const modelCloud = args.model_cloud?.value ?? 0.5;
    const shares = args.inference ? [args.inference.value] : [0.2, 0.4];
    const rows = shares.map((inference) => ({ inference, flow: computeFlow({ revenue, inference, direct, modelCloud }) }));
    const label = (i: number) => w.atInference(pct(i));
    const cell = (v: number) => `${usd(v, lang)} (${pct(v / revenue)})`;
    const parts = (['apps', 'models', 'clouds'] as const).map((key) => ({ key, name: w.flowParts[key] }));
    const cloudShares = rows.map((r) => r.flow.clouds / revenue);
    const range = cloudShares.length > 1 ? `${pct(cloudShares[0]!)}-${pct(cloudShares[1]!)}` : pct(cloudShares[0]!);
    const isDefault = !args.inference && !args.direct && !args.model_cloud;
    const title = w.flowTitle(usd(revenue, lang));
    const defaults = (['revenue', 'inference', 'direct', 'model_cloud'] as const).filter((k) => !args[k]).map((k) => w.flowDefaults[k]);
    return reply(lang, title, {
      body: [
        w.cloudsEarn(range),
        ...rows.map((r) => formulaLine({ revenue, inference: r.inference, direct, modelCloud }, r.flow, lang)),
        isDefault ? w.reproducesEssay : w.againstEssay(range),
        w.fundingToCloud,
        ...(defaults.length ? [w.defaultsUsed(defaults)] : []),
      ],
      table: {
        columns: ['', ...rows.map((r) => label(r.inference))],
        rows: parts.map((p) => [p.name, ...rows.map((r) => cell(r.flow[p.key]))]),
      },
      figures: RELATED.map((id) => figureLine(kb, kb.figure(id)!, lang)),
      chart: {
        alt: w.flowChartAlt(title, range),
        bars: rows.flatMap((r) =>
          parts.map((p) => ({
            label: `${label(r.inference)} · ${p.name}`,
            value: r.flow[p.key] / revenue,
            display: pct(r.flow[p.key] / revenue),
          })),
        ),
        ...(ctx.charts
          ? {
              svg: flowChartSvg(
                rows.map((r) => ({ label: label(r.inference), revenue, flow: r.flow })),
                lang,
                title,
              ),
            }
          : {}),
      },
      sources: uniqueCitations(RELATED.map((id) => cite(kb, kb.figure(id)!.source, lang))),
      suggestions: ['/margin', '/flow direct=50%', '/layer infra'],
    });
  },
});

function formulaLine(i: FlowInputs, f: Flow, lang: Lang): string {
  return calcWords(lang).flowFormula({
    inference: pct(i.inference),
    revenue: usd(i.revenue, lang),
    direct: pct(i.direct),
    indirect: pct(1 - i.direct),
    modelCloud: pct(i.modelCloud),
    clouds: usd(f.clouds, lang),
    modelsKeepShare: pct(1 - i.modelCloud),
    models: usd(f.models, lang),
    apps: usd(f.apps, lang),
  });
}
