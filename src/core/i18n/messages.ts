// One table words every user error, in English and Chinese. Commands and the router only ever
// produce a code and its parameters.
import { clip } from './format.js';
import type { Lang } from './lang.js';

export interface ErrorParams {
  empty_input: Record<string, never>;
  input_too_long: { length: number; max: number };
  unknown_command: { name: string };
  unknown_option: { option: string; valid: string[] };
  missing_option: { option: string };
  unexpected_words: { words: string };
  empty_option: { option: string };
  option_too_long: { option: string; length: number; max: number };
  bad_option_type: { option: string; expected: string };
  bad_choice: { option: string; value: string; choices: string[] };
  unknown_company: { name: string; didYouMean: string[] };
  unknown_companies: { names: string[]; didYouMean: string[] };
  unknown_layer: { name: string; didYouMean: string[] };
  unknown_topic: { name: string; didYouMean: string[] };
  same_company: { name: string };
  bad_money: { option: string; value: string };
  bad_share: { option: string; value: string };
  bad_count: { option: string; value: string };
  out_of_range: { option: string; value: string; min: string; max: string };
  at_least: { option: string; value: string; min: string };
  at_most: { option: string; value: string; max: string };
  repeated_option: { option: string; values: string[] };
  not_positive: { option: string; value: string };
  too_large: { option: string; value: string; max: string };
  units_together: { missing: string[] };
  inference_or_units: Record<string, never>;
  bad_scenario_name: { name: string };
  unknown_scenario: { name: string; available: string[] };
  not_channel_manager: Record<string, never>;
  schedules_need_a_channel: Record<string, never>;
  bad_timezone: { value: string };
  bad_time: { value: string };
  unknown_schedule: { id: string; available: string[] };
  no_history: Record<string, never>;
  rate_limited: { seconds: number; scope: 'user' | 'channel' };
  bad_history_file: { reason: string };
}
export type ErrorCode = keyof ErrorParams;

type Wording = { [C in ErrorCode]: (p: ErrorParams[C]) => string };

const list = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');
const quoteList = (items: string[], lang: Lang) =>
  list(
    items.map((i) => `“${i}”`),
    lang,
  );

const en: Wording = {
  empty_input: () => 'Type a command, for example /layer infra. /help lists them all.',
  input_too_long: (p) => `That message is ${p.length} characters long; the bot reads at most ${p.max}.`,
  unknown_command: (p) => `There is no command “${clip(p.name)}”.`,
  unknown_option: (p) => `“${clip(p.option)}” is not an option of this command. Options: ${list(p.valid, 'en') || 'none'}.`,
  missing_option: (p) => `“${clip(p.option)}” is missing.`,
  unexpected_words: (p) => `This command takes no further words, but got “${clip(p.words)}”.`,
  empty_option: (p) => `“${clip(p.option)}” is empty.`,
  option_too_long: (p) => `“${clip(p.option)}” is ${p.length} characters long; at most ${p.max} are allowed.`,
  bad_option_type: (p) => `“${clip(p.option)}” should be ${p.expected}.`,
  bad_choice: (p) => `“${clip(p.value)}” is not a valid ${p.option}. Choose one of: ${list(p.choices, 'en')}.`,
  unknown_company: (p) =>
    `The knowledge base has no company or product called “${clip(p.name)}”.` +
    (p.didYouMean.length ? ` Did you mean ${quoteList(p.didYouMean, 'en')}?` : ''),
  unknown_companies: (p) =>
    `The knowledge base has no company or product called ${p.names.map((n) => `“${clip(n)}”`).join(' or ')}.` +
    (p.didYouMean.length ? ` Did you mean ${quoteList(p.didYouMean, 'en')}?` : ''),
  unknown_layer: (p) =>
    `“${clip(p.name)}” is not a layer of the stack. The layers are apps, models and infra.` +
    (p.didYouMean.length ? ` Did you mean ${quoteList(p.didYouMean, 'en')}?` : ''),
  unknown_topic: (p) =>
    `The knowledge base has no topic “${clip(p.name)}”.${p.didYouMean.length ? ` Did you mean ${quoteList(p.didYouMean, 'en')}?` : ''}`,
  same_company: (p) => `Both sides are “${clip(p.name)}”: name two different companies to compare.`,
  bad_money: (p) => `“${clip(p.option)}” should be an amount of money, like 1M, $2.5B, 250k or 1,500; got “${clip(p.value)}”.`,
  bad_share: (p) =>
    `“${clip(p.option)}” should be a share, like 30% or 0.3 (a bare number below 1 is a fraction, from 1 up a percentage: 30 = 30%); got “${clip(p.value)}”.`,
  bad_count: (p) => `“${clip(p.option)}” should be a number, like 500 or 1.5k; got “${clip(p.value)}”.`,
  out_of_range: (p) => `“${clip(p.option)}” must be between ${p.min} and ${p.max}; got “${clip(p.value)}”.`,
  at_least: (p) => `“${clip(p.option)}” must be at least ${p.min}; got “${clip(p.value)}”.`,
  at_most: (p) => `“${clip(p.option)}” must be at most ${p.max}; got “${clip(p.value)}”.`,
  repeated_option: (p) =>
    `“${clip(p.option)}” is given ${p.values.length} times (${quoteList(
      p.values.map((v) => clip(v)),
      'en',
    )}); give it once.`,
  not_positive: (p) => `“${clip(p.option)}” must be more than zero; got “${clip(p.value)}”.`,
  too_large: (p) => `“${clip(p.option)}” of “${clip(p.value)}” is beyond any real business; at most ${p.max}.`,
  units_together: (p) => `price, queries and cost_per_query go together; missing: ${p.missing.join(', ')}.`,
  inference_or_units: () =>
    'Give either inference, or price, queries and cost_per_query (the inference share is worked out from them), not both.',
  bad_scenario_name: (p) => `“${clip(p.name)}” cannot name a scenario: use 1-40 letters, digits, “_”, “-” or “.”.`,
  not_channel_manager: () =>
    'Only people who manage this channel can schedule posts (Slack workspace admins and owners; on Discord, Manage Server or Manage Channels).',
  schedules_need_a_channel: () => 'Schedules post to a Slack or Discord channel; run this there.',
  bad_timezone: (p) => `“${clip(p.value)}” is not a time zone; use an IANA name like Europe/Berlin, America/New_York or Asia/Shanghai.`,
  bad_time: (p) => `“${clip(p.value)}” is not a time of day; use 24-hour HH:MM, like 09:00 or 17:30.`,
  unknown_schedule: (p) =>
    `This channel has no schedule “${clip(p.id)}”.` +
    (p.available.length ? ` Its schedules: ${list(p.available, 'en')}.` : ' It has none.'),
  rate_limited: (p) =>
    p.scope === 'user'
      ? `You are asking faster than the bot answers; please try again in ${p.seconds} s.`
      : `This channel is asking faster than the bot answers; please try again in ${p.seconds} s.`,
  no_history: () => 'This channel’s history cannot be read here. In the terminal, summarise an export: genai-bot "/digest" --history FILE.',
  bad_history_file: (p) => `The history file cannot be used: ${p.reason}`,
  unknown_scenario: (p) =>
    `There is no saved scenario “${clip(p.name)}” here.` +
    (p.available.length ? ` Saved: ${list(p.available, 'en')}.` : ' None is saved yet.'),
};

const zh: Wording = {
  empty_input: () => '请输入一条命令,例如 /layer infra。输入 /help 查看全部命令。',
  input_too_long: (p) => `这条消息有 ${p.length} 个字符,最多只能读取 ${p.max} 个。`,
  unknown_command: (p) => `没有名为“${clip(p.name)}”的命令。`,
  unknown_option: (p) => `“${clip(p.option)}”不是这条命令的参数。可用参数:${list(p.valid, 'zh') || '无'}。`,
  missing_option: (p) => `缺少参数“${clip(p.option)}”。`,
  unexpected_words: (p) => `这条命令不需要更多内容,但收到了“${clip(p.words)}”。`,
  empty_option: (p) => `参数“${clip(p.option)}”为空。`,
  option_too_long: (p) => `参数“${clip(p.option)}”长 ${p.length} 个字符,最多允许 ${p.max} 个。`,
  bad_option_type: (p) => `参数“${clip(p.option)}”应为${p.expected}。`,
  bad_choice: (p) => `“${clip(p.value)}”不是有效的 ${p.option}。可选:${list(p.choices, 'zh')}。`,
  unknown_company: (p) =>
    `知识库中没有名为“${clip(p.name)}”的公司或产品。${p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''}`,
  unknown_companies: (p) =>
    `知识库中没有名为${p.names.map((n) => `“${clip(n)}”`).join('或')}的公司或产品。${p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''}`,
  unknown_layer: (p) =>
    `“${clip(p.name)}”不是技术栈中的层级。层级有:apps(应用)、models(模型)、infra(基础设施)。` +
    (p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''),
  unknown_topic: (p) => `知识库中没有主题“${clip(p.name)}”。${p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''}`,
  same_company: (p) => `两边都是“${clip(p.name)}”:请给出两家不同的公司进行比较。`,
  bad_money: (p) => `“${clip(p.option)}”应为金额,例如 1M、$2.5B、250k、1,500 或 3亿;收到的是“${clip(p.value)}”。`,
  bad_share: (p) =>
    `“${clip(p.option)}”应为比例,例如 30% 或 0.3(小于1的数按小数读,1及以上按百分数读:30 = 30%);收到的是“${clip(p.value)}”。`,
  bad_count: (p) => `“${clip(p.option)}”应为数字,例如 500 或 1.5k;收到的是“${clip(p.value)}”。`,
  out_of_range: (p) => `“${clip(p.option)}”必须在 ${p.min} 到 ${p.max} 之间;收到的是“${clip(p.value)}”。`,
  at_least: (p) => `“${clip(p.option)}”至少为 ${p.min};收到的是“${clip(p.value)}”。`,
  at_most: (p) => `“${clip(p.option)}”最多为 ${p.max};收到的是“${clip(p.value)}”。`,
  repeated_option: (p) =>
    `“${clip(p.option)}”给了 ${p.values.length} 次(${quoteList(
      p.values.map((v) => clip(v)),
      'zh',
    )});请只给一次。`,
  not_positive: (p) => `“${clip(p.option)}”必须大于零;收到的是“${clip(p.value)}”。`,
  too_large: (p) => `“${clip(p.option)}”为“${clip(p.value)}”,超出了任何真实业务的规模;最多 ${p.max}。`,
  units_together: (p) => `price、queries 和 cost_per_query 需要一起给出;缺少:${p.missing.join('、')}。`,
  inference_or_units: () => '请给出 inference,或者给出 price、queries 和 cost_per_query(由它们推算推理成本占比),不要同时给出。',
  bad_scenario_name: (p) => `“${clip(p.name)}”不能用作情景名称:请用 1-40 个字母、数字、“_”、“-”或“.”。`,
  not_channel_manager: () =>
    '只有本频道的管理者可以设置定时发布(Slack 工作区管理员或所有者;Discord 上拥有“管理服务器”或“管理频道”权限的成员)。',
  schedules_need_a_channel: () => '定时发布需要 Slack 或 Discord 频道,请在频道中使用。',
  bad_timezone: (p) => `“${clip(p.value)}”不是有效的时区;请使用 IANA 名称,例如 Asia/Shanghai、Europe/Berlin。`,
  bad_time: (p) => `“${clip(p.value)}”不是有效的时间;请使用24小时制 HH:MM,例如 09:00 或 17:30。`,
  unknown_schedule: (p) =>
    `本频道没有编号为“${clip(p.id)}”的定时任务。${p.available.length ? `现有:${list(p.available, 'zh')}。` : '目前没有任何定时任务。'}`,
  rate_limited: (p) =>
    p.scope === 'user' ? `你的请求太频繁了,请 ${p.seconds} 秒后再试。` : `本频道的请求太频繁了,请 ${p.seconds} 秒后再试。`,
  no_history: () => '这里无法读取频道的历史消息。在终端中可以汇总导出文件:genai-bot "/digest" --history 文件。',
  bad_history_file: (p) => `无法使用该历史文件:${p.reason}`,
  unknown_scenario: (p) =>
    `这里没有名为“${clip(p.name)}”的已保存情景。${p.available.length ? `已保存:${list(p.available, 'zh')}。` : '还没有保存任何情景。'}`,
};

const WORDING: Record<Lang, Wording> = { en, zh };

export function describeError<C extends ErrorCode>(lang: Lang, code: C, params: ErrorParams[C]): string {
  return WORDING[lang][code](params);
}
