// /flow: where a dollar of AI-app revenue ends up (apps, model providers, clouds), by the essay's
// own arithmetic in §6; with the defaults it reproduces the essay's 10-20% to the clouds.
import { pct, usd } from '../src/core/calc/format.js';
import { computeFlow, type Flow, type FlowInputs } from '../src/core/calc/flow.js';
import { flowChartSvg } from '../src/core/chart/flow-chart.js';
import { renderPng } from '../src/core/chart/render-png.js';
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
    const zh = lang === 'zh';
    const revenue = args.revenue?.value ?? 100e6;
    const direct = args.direct?.value ?? 0;
    const modelCloud = args.model_cloud?.value ?? 0.5;
    const shares = args.inference ? [args.inference.value] : [0.2, 0.4];
    const rows = shares.map((inference) => ({ inference, flow: computeFlow({ revenue, inference, direct, modelCloud }) }));
    const label = (i: number) => (zh ? `推理 ${pct(i)}` : `inference ${pct(i)}`);
    const cell = (v: number) => `${usd(v, lang)} (${pct(v / revenue)})`;
    const parts: { key: keyof Omit<Flow, 'modelRevenue'>; en: string; zh: string }[] = [
      { key: 'apps', en: 'Apps keep', zh: '应用保留' },
      { key: 'models', en: 'Model providers keep', zh: '模型厂商保留' },
      { key: 'clouds', en: 'Clouds earn', zh: '云厂商收入' },
    ];
    const cloudShares = rows.map((r) => r.flow.clouds / revenue);
    const range = cloudShares.length > 1 ? `${pct(cloudShares[0]!)}-${pct(cloudShares[1]!)}` : pct(cloudShares[0]!);
    const isDefault = !args.inference && !args.direct && !args.model_cloud;
    const title = zh ? `${usd(revenue, lang)} 应用收入的去向` : `Where ${usd(revenue, lang)} of app revenue goes`;
    const defaults = [
      ...(args.revenue ? [] : [zh ? '收入 1亿美元(示例值)' : 'revenue $100M (an example)']),
      ...(args.inference
        ? []
        : [zh ? '推理占比 20% 和 40%(文中区间两端,§6)' : 'inference 20% and 40% (both ends of the essay’s range, §6)']),
      ...(args.direct ? [] : [zh ? '直接付给云 0%(全部经由模型厂商)' : 'direct 0% (all inference bought from model providers)']),
      ...(args.model_cloud ? [] : [zh ? '模型厂商云支出 50%(文中“约一半”,§6)' : 'model_cloud 50% (the essay’s “about half”, §6)']),
    ];
    return reply(lang, title, {
      body: [
        zh ? `云厂商获得 ${range} 的应用收入。` : `The clouds earn ${range} of app revenue.`,
        ...rows.map((r) => formulaLine({ revenue, inference: r.inference, direct, modelCloud }, r.flow, lang)),
        isDefault
          ? zh
            ? `这与文中的估算一致:生成式AI总收入的 10-20% 流向云服务商(§6,2023年1月,估算)。`
            : `This reproduces the essay’s estimate that 10-20% of generative-AI revenue reaches the cloud providers (§6, Jan 2023, estimate).`
          : zh
            ? `文中的估算为 10-20%(§6,2023年1月,估算);这里是 ${range}。`
            : `The essay estimates 10-20% (§6, Jan 2023, estimate); these inputs give ${range}.`,
        zh
          ? '相关:自研模型的初创公司把大部分融资花在云上,早期轮次高达 80-90%(§6)。'
          : 'Related: startups training their own models spend most of their funding on cloud, up to 80-90% in early rounds (§6).',
        ...(defaults.length ? [`${zh ? '使用的默认值' : 'Defaults used'}: ${defaults.join(zh ? ';' : '; ')}.`] : []),
      ],
      table: {
        columns: ['', ...rows.map((r) => label(r.inference))],
        rows: parts.map((p) => [p[lang], ...rows.map((r) => cell(r.flow[p.key]))]),
      },
      figures: RELATED.map((id) => figureLine(kb, kb.figure(id)!, lang)),
      chart: {
        alt: zh ? `${title}:云厂商获得 ${range}` : `${title}: the clouds earn ${range}`,
        bars: rows.flatMap((r) =>
          parts.map((p) => ({
            label: `${label(r.inference)} · ${p[lang]}`,
            value: r.flow[p.key] / revenue,
            display: pct(r.flow[p.key] / revenue),
          })),
        ),
        ...(ctx.charts
          ? {
              png: renderPng(
                flowChartSvg(
                  rows.map((r) => ({ label: label(r.inference), revenue, flow: r.flow })),
                  lang,
                  title,
                ),
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
  const spend = `${usd(i.revenue, lang)} × ${pct(i.inference)}`;
  return lang === 'zh'
    ? `推理 ${pct(i.inference)} 时:云 = 收入 × 推理占比 × (直付比例 + (1 − 直付比例) × 模型厂商云支出) = ${spend} × (${pct(i.direct)} + ${pct(1 - i.direct)} × ${pct(i.modelCloud)}) = ${usd(f.clouds, lang)};模型厂商保留 = ${spend} × ${pct(1 - i.direct)} × ${pct(1 - i.modelCloud)} = ${usd(f.models, lang)};应用保留 = 收入 × (1 − 推理占比) = ${usd(f.apps, lang)}(其他成本和利润都从中支出)`
    : `At inference ${pct(i.inference)}: clouds = revenue × inference × (direct + (1 − direct) × model_cloud) = ${spend} × (${pct(i.direct)} + ${pct(1 - i.direct)} × ${pct(i.modelCloud)}) = ${usd(f.clouds, lang)}; model providers keep = ${spend} × ${pct(1 - i.direct)} × ${pct(1 - i.modelCloud)} = ${usd(f.models, lang)}; apps keep = revenue × (1 − inference) = ${usd(f.apps, lang)} (their other costs and profit come out of this)`;
}
