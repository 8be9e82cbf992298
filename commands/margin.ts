// /margin: an AI application's gross margin from its inference cost, with a what-if, the formula
// written out, a sensitivity table, the essay's benchmarks and a chart. Inputs can be saved as a
// scenario for the channel and re-run with changes.
import { z } from 'zod';
import { inferenceShareFromUnits } from '../src/core/calc/margin.js';
import { calcWords } from '../src/core/i18n/calc-words.js';
import { userError } from '../src/core/user-error.js';
import { SCENARIO_NAME } from '../src/store/store.js';
import { calcOption, count, money, share, type Quantity } from './calc-options.js';
import { schemaOf } from './options.js';
import { defineCommand, type CommandContext } from './command.js';
import { marginReply, type MarginSettings } from './margin-reply.js';

const marginOptions = {
  revenue: calcOption(money(), 'Revenue, e.g. 1M or $2.5B (default $1M)', '收入,例如 1M 或 $2.5B(默认 100万美元)'),
  inference: calcOption(share(), 'Share of revenue spent on inference, e.g. 30% (default 30%)', '推理成本占收入比例,例如 30%(默认 30%)'),
  other_cogs: calcOption(share(), 'Other cost of revenue as a share, e.g. 10% (default 10%)', '其他营业成本占收入比例,例如 10%(默认 10%)'),
  inference_change: calcOption(share(-1, 10), 'What-if change of inference cost, e.g. -50%', '推理成本的假设变化,例如 -50%'),
  price: calcOption(money(1e6), 'Unit form: price per user per month, e.g. 20', '按单位计算:每用户每月价格,例如 20'),
  queries: calcOption(count(), 'Unit form: queries per user per month, e.g. 500', '按单位计算:每用户每月请求数,例如 500'),
  cost_per_query: calcOption(money(1e4), 'Unit form: cost per query in $, e.g. 0.002', '按单位计算:每次请求成本(美元),例如 0.002'),
  save: calcOption(
    z.string().trim().max(40).optional(),
    'Save these inputs as a scenario for this channel',
    '将这些输入保存为本频道的情景',
  ),
  scenario: calcOption(z.string().trim().max(40).optional(), 'Start from a saved scenario', '从已保存的情景开始'),
};
/** Reads a saved scenario's inputs again, as they were read when it was saved. */
const marginSchema = schemaOf(marginOptions);
type MarginArgs = z.infer<typeof marginSchema>;

/** The inputs a scenario keeps: everything but the save/scenario directives. */
const INPUT_KEYS = ['revenue', 'inference', 'other_cogs', 'inference_change', 'price', 'queries', 'cost_per_query'] as const;

export const marginCommand = defineCommand({
  name: 'margin',
  localName: { zh: '毛利率' },
  description: {
    en: 'What-if gross margin of an AI app from its inference cost, with the formula and a chart',
    zh: '由推理成本推算AI应用的毛利率并做假设分析,附公式和图表',
  },
  options: marginOptions,
  examples: [
    '/margin revenue=1M inference=30% other_cogs=10%',
    '/margin inference=30% inference_change=-50%',
    '/margin price=20 queries=500 cost_per_query=0.002',
  ],
  cost: 3,
  async run(args, ctx) {
    let inputs: MarginArgs = args;
    if (args.scenario) {
      const saved = await ctx.store.getScenario(ctx.scope, args.scenario);
      if (!saved) return unknownScenario(ctx, args.scenario);
      const given = Object.fromEntries(INPUT_KEYS.flatMap((k) => (args[k] ? [[k, args[k]!.text]] : [])));
      const merged = marginSchema.safeParse({ ...saved.inputs, ...given });
      if (!merged.success) return userError('unknown_scenario', { name: args.scenario, available: [] });
      inputs = { ...merged.data, ...(args.save ? { save: args.save } : {}), scenario: saved.name };
    }
    if (args.save && !SCENARIO_NAME.test(args.save)) return userError('bad_scenario_name', { name: args.save });
    const settings = settle(inputs);
    if ('isUserError' in settings) return settings;
    const reply = marginReply(settings, ctx);
    if (!args.save) return reply;
    const saved = Object.fromEntries(INPUT_KEYS.flatMap((k) => (inputs[k] ? [[k, inputs[k]!.text]] : [])));
    const outcome = await ctx.store.saveScenario(ctx.scope, {
      name: args.save,
      command: 'margin',
      inputs: saved,
      savedBy: ctx.userId,
      savedAt: new Date().toISOString(),
    });
    return { ...reply, body: [...reply.body, calcWords(ctx.lang).savedScenario(args.save, outcome === 'replaced')] };
  },
});

async function unknownScenario(ctx: CommandContext, name: string) {
  const available = (await ctx.store.listScenarios(ctx.scope)).map((s) => s.name);
  return userError(
    'unknown_scenario',
    { name, available },
    available.slice(0, 3).map((n) => `/margin scenario=${n}`),
  );
}

/** Defaults from the essay where it has them, and the unit-economics form resolved to a share. */
function settle(args: MarginArgs): MarginSettings | ReturnType<typeof userError> {
  const units = [args.price, args.queries, args.cost_per_query];
  const given = units.filter(Boolean).length;
  if (given > 0 && given < 3) {
    const missing = (['price', 'queries', 'cost_per_query'] as const).filter((k) => !args[k]);
    return userError('units_together', { missing: [...missing] });
  }
  if (given === 3 && args.inference) return userError('inference_or_units', {});
  const value = (q: Quantity | undefined) => q?.value;
  const unitShare = given === 3 ? inferenceShareFromUnits(args.price!.value, args.queries!.value, args.cost_per_query!.value) : undefined;
  const defaults: MarginSettings['defaults'] = [];
  const pick = <K extends MarginSettings['defaults'][number]>(key: K, v: number | undefined, fallback: number) => {
    if (v !== undefined) return v;
    defaults.push(key);
    return fallback;
  };
  return {
    revenue: value(args.revenue) ?? (args.price ? args.price.value : pick('revenue', undefined, 1e6)),
    perUser: !args.revenue && Boolean(args.price),
    inference: unitShare ?? pick('inference', value(args.inference), 0.3),
    otherCogs: pick('other_cogs', value(args.other_cogs), 0.1),
    inferenceChange: value(args.inference_change) ?? 0,
    units: given === 3 ? { price: args.price!.value, queries: args.queries!.value, costPerQuery: args.cost_per_query!.value } : undefined,
    scenario: args.scenario,
    defaults,
  };
}
