// Every word the calculators say (/margin, /flow and their charts), in English and Chinese. The
// formulas a reply writes out are wording too: the numbers arrive already formatted, so nothing
// here computes or formats a value.
import type { Lang } from './lang.js';

type MarginDefault = 'revenue' | 'inference' | 'other_cogs';
type FlowDefault = 'revenue' | 'inference' | 'direct' | 'model_cloud';
type FlowPart = 'apps' | 'models' | 'clouds';

export interface CalcWords {
  /** "Defaults used: a; b." for both calculators. */
  defaultsUsed: (items: string[]) => string;

  /** A money value in the unit form: one user's month. */
  perUser: (amount: string) => string;
  marginTitle: (margin: string) => string;
  inputs: (revenue: string, inference: string, otherCogs: string, scenario: string | undefined) => string;
  units: (queries: number, costPerQuery: string, price: string, inference: string) => string;
  formula: (p: { inference: string; otherCogs: string; margin: string; revenue: string; grossProfit: string }) => string;
  /** `sign` is − or + and `by` the size of the change, so the formula reads "× (1 − 50%)". */
  whatIf: (p: {
    change: string;
    inference: string;
    sign: string;
    by: string;
    newInference: string;
    otherCogs: string;
    margin: string;
    points: string;
    grossProfit: string;
  }) => string;
  negativeMargin: string;
  benchmark: (margin: string, marginPlace: string, inference: string, inferencePlace: string) => string;
  marginPlace: { below: string; within: string; above: string; best: string };
  inferencePlace: { below: string; within: string; above: string };
  marginDefaults: Record<MarginDefault, string>;
  grossMargin: string;
  grossProfit: string;
  inferenceCost: string;
  whatIfGrossMargin: string;
  whatIfGrossProfit: string;
  inferenceShare: string;
  /** Marks the base and what-if rows of the sensitivity table, and the chart's points. */
  base: string;
  whatIfMark: string;
  marginChartTitle: string;
  marginChartAlt: (title: string, base: string, whatIf: string | undefined) => string;
  savedScenario: (name: string, replaced: boolean) => string;

  /** The margin chart's axes and the essay's shaded benchmarks. */
  chart: { inferenceBand: string; marginBand: string; xAxis: string; yAxis: string };

  flowTitle: (revenue: string) => string;
  /** A /flow column: one inference share. */
  atInference: (inference: string) => string;
  flowParts: Record<FlowPart, string>;
  /** The same parts in the chart's legend, in lower case. */
  flowLegend: Record<FlowPart, string>;
  cloudsEarn: (range: string) => string;
  flowFormula: (p: {
    inference: string;
    revenue: string;
    direct: string;
    indirect: string;
    modelCloud: string;
    clouds: string;
    modelsKeepShare: string;
    models: string;
    apps: string;
  }) => string;
  reproducesEssay: string;
  againstEssay: (range: string) => string;
  fundingToCloud: string;
  flowDefaults: Record<FlowDefault, string>;
  flowChartAlt: (title: string, range: string) => string;
}

const en: CalcWords = {
  defaultsUsed: (items) => `Defaults used: ${items.join('; ')}.`,

  perUser: (amount) => `${amount} per user/month`,
  marginTitle: (margin) => `Gross margin ${margin}`,
  inputs: (revenue, inference, otherCogs, scenario) =>
    `Revenue ${revenue} · inference ${inference} of revenue · other cost of revenue ${otherCogs}${scenario ? ` · scenario “${scenario}”` : ''}`,
  units: (queries, costPerQuery, price, inference) =>
    `Inference share from unit economics: ${queries} queries × ${costPerQuery} ÷ ${price} per user per month = ${inference}`,
  formula: (p) =>
    `Formula: gross margin = 1 − inference − other COGS = 1 − ${p.inference} − ${p.otherCogs} = ${p.margin}; gross profit = revenue × gross margin = ${p.revenue} × ${p.margin} = ${p.grossProfit}`,
  whatIf: (p) =>
    `What-if, inference cost ${p.change}: inference = ${p.inference} × (1 ${p.sign} ${p.by}) = ${p.newInference}; gross margin = 1 − ${p.newInference} − ${p.otherCogs} = ${p.margin} (${p.points} points), gross profit ${p.grossProfit}`,
  negativeMargin: 'Costs exceed revenue: the gross margin is negative.',
  benchmark: (margin, marginPlace, inference, inferencePlace) =>
    `Against a16z (Jan 2023): a gross margin of ${margin} is ${marginPlace} (§4); inference at ${inference} of revenue is ${inferencePlace} (§6).`,
  marginPlace: {
    below: 'below the typical 50-60%',
    within: 'within the typical 50-60%',
    above: 'above the typical band, toward the best cases (~90%)',
    best: 'at or beyond the best cases the essay saw (~90%)',
  },
  inferencePlace: { below: 'below the essay’s 20-40%', within: 'within the essay’s 20-40%', above: 'above the essay’s 20-40%' },
  marginDefaults: {
    revenue: 'revenue $1M (an example: margins do not depend on it)',
    inference: 'inference 30% (the middle of the essay’s 20-40%, §6)',
    other_cogs: 'other_cogs 10% (our assumption, not the essay’s: it puts the default case at the top of the essay’s typical 50-60%)',
  },
  grossMargin: 'Gross margin',
  grossProfit: 'Gross profit',
  inferenceCost: 'Inference cost',
  whatIfGrossMargin: 'What-if gross margin',
  whatIfGrossProfit: 'What-if gross profit',
  inferenceShare: 'Inference share',
  base: 'base',
  whatIfMark: 'what-if',
  marginChartTitle: 'Gross margin by inference share',
  marginChartAlt: (title, base, whatIf) =>
    `${title}: base ${base}${whatIf ? `, what-if ${whatIf}` : ''}; the essay's typical band is 50-60%`,
  savedScenario: (name, replaced) =>
    `${replaced ? 'Replaced' : 'Saved'} scenario “${name}” for this channel. Re-run it with /margin scenario=${name}`,

  chart: {
    inferenceBand: 'essay: inference 20-40%',
    marginBand: 'essay: typical margin 50-60%',
    xAxis: 'inference cost, share of revenue',
    yAxis: 'gross margin',
  },

  flowTitle: (revenue) => `Where ${revenue} of app revenue goes`,
  atInference: (inference) => `inference ${inference}`,
  flowParts: { apps: 'Apps keep', models: 'Model providers keep', clouds: 'Clouds earn' },
  flowLegend: { apps: 'apps keep', models: 'model providers keep', clouds: 'clouds earn' },
  cloudsEarn: (range) => `The clouds earn ${range} of app revenue.`,
  flowFormula: (p) =>
    `At inference ${p.inference}: clouds = revenue × inference × (direct + (1 − direct) × model_cloud) = ${p.revenue} × ${p.inference} × (${p.direct} + ${p.indirect} × ${p.modelCloud}) = ${p.clouds}; model providers keep = ${p.revenue} × ${p.inference} × ${p.indirect} × ${p.modelsKeepShare} = ${p.models}; apps keep = revenue × (1 − inference) = ${p.apps} (their other costs and profit come out of this)`,
  reproducesEssay:
    'This reproduces the essay’s estimate that 10-20% of generative-AI revenue reaches the cloud providers (§6, Jan 2023, estimate).',
  againstEssay: (range) => `The essay estimates 10-20% (§6, Jan 2023, estimate); these inputs give ${range}.`,
  fundingToCloud: 'Related: startups training their own models spend most of their funding on cloud, up to 80-90% in early rounds (§6).',
  flowDefaults: {
    revenue: 'revenue $100M (an example)',
    inference: 'inference 20% and 40% (both ends of the essay’s range, §6)',
    direct: 'direct 0% (all inference bought from model providers)',
    model_cloud: 'model_cloud 50% (the essay’s “about half”, §6)',
  },
  flowChartAlt: (title, range) => `${title}: the clouds earn ${range}`,
};

const zh: CalcWords = {
  defaultsUsed: (items) => `使用的默认值: ${items.join(';')}.`,

  perUser: (amount) => `${amount}/用户/月`,
  marginTitle: (margin) => `毛利率 ${margin}`,
  inputs: (revenue, inference, otherCogs, scenario) =>
    `收入 ${revenue} · 推理成本占 ${inference} · 其他营业成本占 ${otherCogs}${scenario ? ` · 情景“${scenario}”` : ''}`,
  units: (queries, costPerQuery, price, inference) =>
    `推理占比由单位经济推算:${queries} 次请求 × ${costPerQuery} ÷ 每用户每月 ${price} = ${inference}`,
  formula: (p) =>
    `公式:毛利率 = 1 − 推理占比 − 其他成本占比 = 1 − ${p.inference} − ${p.otherCogs} = ${p.margin};毛利 = 收入 × 毛利率 = ${p.revenue} × ${p.margin} = ${p.grossProfit}`,
  whatIf: (p) =>
    `假设推理成本变化 ${p.change}:推理占比 = ${p.inference} × (1 ${p.sign} ${p.by}) = ${p.newInference};毛利率 = 1 − ${p.newInference} − ${p.otherCogs} = ${p.margin}(${p.points} 个百分点),毛利 ${p.grossProfit}`,
  negativeMargin: '成本超过收入:毛利率为负。',
  benchmark: (margin, marginPlace, inference, inferencePlace) =>
    `对照 a16z(2023年1月):毛利率 ${margin} ${marginPlace}(§4);推理占比 ${inference} ${inferencePlace}(§6)。`,
  marginPlace: {
    below: '低于文中典型的 50-60%',
    within: '处于文中典型的 50-60% 区间',
    above: '高于典型区间,接近最好的案例(约90%)',
    best: '达到或超过文中最好的案例(约90%)',
  },
  inferencePlace: { below: '低于文中的 20-40%', within: '在文中的 20-40% 之内', above: '高于文中的 20-40%' },
  marginDefaults: {
    revenue: '收入 100万美元(示例值:毛利率与之无关)',
    inference: '推理占比 30%(文中 20-40% 的中值,§6)',
    other_cogs: '其他成本 10%(我们的假设,并非文中数据:使默认情形落在文中典型的 50-60% 区间上沿)',
  },
  grossMargin: '毛利率',
  grossProfit: '毛利',
  inferenceCost: '推理成本',
  whatIfGrossMargin: '假设情形毛利率',
  whatIfGrossProfit: '假设情形毛利',
  inferenceShare: '推理占比',
  base: '当前',
  whatIfMark: '假设',
  marginChartTitle: '毛利率与推理成本占比',
  marginChartAlt: (title, base, whatIf) => `${title}:当前 ${base}${whatIf ? `,假设 ${whatIf}` : ''};文中典型区间 50-60%`,
  savedScenario: (name, replaced) => `已${replaced ? '更新' : '保存'}情景“${name}”(本频道可见)。重新运行:/margin scenario=${name}`,

  chart: {
    inferenceBand: '文中推理占比 20-40%',
    marginBand: '文中典型毛利率 50-60%',
    xAxis: '推理成本占收入比例',
    yAxis: '毛利率',
  },

  flowTitle: (revenue) => `${revenue} 应用收入的去向`,
  atInference: (inference) => `推理 ${inference}`,
  flowParts: { apps: '应用保留', models: '模型厂商保留', clouds: '云厂商收入' },
  flowLegend: { apps: '应用保留', models: '模型厂商保留', clouds: '云厂商收入' },
  cloudsEarn: (range) => `云厂商获得 ${range} 的应用收入。`,
  flowFormula: (p) =>
    `推理 ${p.inference} 时:云 = 收入 × 推理占比 × (直付比例 + (1 − 直付比例) × 模型厂商云支出) = ${p.revenue} × ${p.inference} × (${p.direct} + ${p.indirect} × ${p.modelCloud}) = ${p.clouds};模型厂商保留 = ${p.revenue} × ${p.inference} × ${p.indirect} × ${p.modelsKeepShare} = ${p.models};应用保留 = 收入 × (1 − 推理占比) = ${p.apps}(其他成本和利润都从中支出)`,
  reproducesEssay: '这与文中的估算一致:生成式AI总收入的 10-20% 流向云服务商(§6,2023年1月,估算)。',
  againstEssay: (range) => `文中的估算为 10-20%(§6,2023年1月,估算);这里是 ${range}。`,
  fundingToCloud: '相关:自研模型的初创公司把大部分融资花在云上,早期轮次高达 80-90%(§6)。',
  flowDefaults: {
    revenue: '收入 1亿美元(示例值)',
    inference: '推理占比 20% 和 40%(文中区间两端,§6)',
    direct: '直接付给云 0%(全部经由模型厂商)',
    model_cloud: '模型厂商云支出 50%(文中“约一半”,§6)',
  },
  flowChartAlt: (title, range) => `${title}:云厂商获得 ${range}`,
};

const WORDS: Record<Lang, CalcWords> = { en, zh };

export function calcWords(lang: Lang): CalcWords {
  return WORDS[lang];
}
