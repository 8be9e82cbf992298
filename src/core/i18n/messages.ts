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
  unknown_layer: { name: string; didYouMean: string[] };
  unknown_topic: { name: string; didYouMean: string[] };
  same_company: { name: string };
}
export type ErrorCode = keyof ErrorParams;

type Wording = { [C in ErrorCode]: (p: ErrorParams[C]) => string };

const list = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');
const quoteList = (items: string[], lang: Lang) => list(items.map((i) => `“${i}”`), lang);

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
  unknown_layer: (p) =>
    `“${clip(p.name)}” is not a layer of the stack. The layers are apps, models and infra.` +
    (p.didYouMean.length ? ` Did you mean ${quoteList(p.didYouMean, 'en')}?` : ''),
  unknown_topic: (p) =>
    `The knowledge base has no topic “${clip(p.name)}”.` + (p.didYouMean.length ? ` Did you mean ${quoteList(p.didYouMean, 'en')}?` : ''),
  same_company: (p) => `Both sides are “${clip(p.name)}”: name two different companies to compare.`,
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
    `知识库中没有名为“${clip(p.name)}”的公司或产品。` + (p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''),
  unknown_layer: (p) =>
    `“${clip(p.name)}”不是技术栈中的层级。层级有:apps(应用)、models(模型)、infra(基础设施)。` +
    (p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''),
  unknown_topic: (p) => `知识库中没有主题“${clip(p.name)}”。` + (p.didYouMean.length ? `你是不是想找 ${quoteList(p.didYouMean, 'zh')}?` : ''),
  same_company: (p) => `两边都是“${clip(p.name)}”:请给出两家不同的公司进行比较。`,
};

const WORDING: Record<Lang, Wording> = { en, zh };

export function describeError<C extends ErrorCode>(lang: Lang, code: C, params: ErrorParams[C]): string {
  return WORDING[lang][code](params);
}
