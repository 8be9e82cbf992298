// Fixed words of the interface (headings, labels) in both languages.
import type { Lang } from './lang.js';

const STRINGS = {
  usage: { en: 'Usage', zh: '用法' },
  examples: { en: 'Examples', zh: '示例' },
  options: { en: 'Options', zh: '参数' },
  try: { en: 'Try', zh: '试试' },
  sources: { en: 'Sources', zh: '来源' },
  alsoSources: { en: 'Also', zh: '另见' },
  opinion: { en: 'opinion', zh: '观点' },
  inclOpinion: { en: 'incl. opinion', zh: '含观点' },
  opinionLabel: { en: 'Opinion (a16z)', zh: '观点(a16z)' },
  editorOpinionLabel: { en: 'Opinion (the translator’s preface, not a16z)', zh: '观点(译者编者按,非 a16z)' },
  estimate: { en: 'estimate', zh: '估算' },
  vintage: { en: 'Jan 2023', zh: '2023年1月' },
  essay: { en: 'a16z, “Who Owns the Generative AI Platform?”', zh: 'a16z《生成式AI平台,谁主沉浮?》' },
  appendixNote: { en: 'translator’s appendix', zh: '译者附录' },
  prefaceNote: { en: 'translator’s preface', zh: '译者编者按' },
  translatorWork: { en: 'added by the Chinese translator, not by a16z', zh: '中文译者所加,非 a16z 原文' },
  backgroundLabel: { en: 'Background (not stated in the essay’s text)', zh: '背景信息(文章正文未写明)' },
  backgroundSource: { en: 'background, not cited to any section of the essay', zh: '背景信息,不出自文章任何章节' },
  internalError: {
    en: 'Sorry, something went wrong on our side. If it keeps happening, report this id:',
    zh: '抱歉,我们这边出了问题。如果反复出现,请报告此编号:',
  },
  commands: { en: 'Commands', zh: '命令' },
  command: { en: 'Command', zh: '命令' },
  description: { en: 'What it answers', zh: '说明' },
  example: { en: 'Example', zh: '示例' },
  helpTitle: { en: 'genai-market-bot: commands', zh: 'genai-market-bot:命令一览' },
  helpIntro: {
    en: 'Answers about the generative-AI market, from a16z’s “Who Owns the Generative AI Platform?” (Jan 2023). Options can be given by position or as key=value.',
    zh: '基于 a16z《生成式AI平台,谁主沉浮?》(2023年1月)回答生成式AI市场问题。参数可按位置给出,也可写成 key=value。',
  },
  related: { en: 'Related', zh: '相关' },
  askNotCoveredTitle: { en: 'Not in the knowledge base', zh: '知识库未涵盖' },
  askNotCovered: {
    en: 'The knowledge base (a16z’s essay, Jan 2023) does not cover that, and I won’t guess.',
    zh: '知识库(a16z 的文章,2023年1月)没有涵盖这个问题,我不做猜测。',
  },
  askOutOfVintage: {
    en: 'The knowledge base describes the market as of January 2023 (a16z’s essay); it has nothing later and no live data, and I won’t guess.',
    zh: '知识库描述的是 2023年1月 的市场(a16z 的文章),没有之后的信息或实时数据,我不做猜测。',
  },
  askInjection: {
    en: 'I only answer questions about the generative-AI market from the knowledge base, and I don’t take new instructions.',
    zh: '我只根据知识库回答生成式AI市场的问题,不接受新的指令。',
  },
  askOutsideNames: {
    en: 'That is about a company or product the essay (a16z, Jan 2023) does not cover, and I won’t guess.',
    zh: '这涉及 a16z 文章(2023年1月)没有涉及的公司或产品,我不做猜测。',
  },
  askOtherLanguage: {
    en: 'I answer questions in English or Chinese: please ask again in one of them. 请用中文或英文提问。',
    zh: '我只能回答英文或中文的问题,请用其中一种语言再问一次。I answer in English or Chinese.',
  },
  askOutsideTopic: {
    en: 'The essay (a16z, Jan 2023) says nothing on that kind of question (people, regulation, share prices and the like), and I won’t guess.',
    zh: 'a16z 的文章(2023年1月)没有涉及这类问题(人物、监管、股价等),我不做猜测。',
  },
  askKnowsAbout: { en: 'What it does have', zh: '知识库中有' },
  askUnknownTerms: { en: 'Not found in the knowledge base', zh: '知识库中没有' },
  slowDown: { en: 'One moment', zh: '请稍等' },
  workingOnIt: { en: '⏳ Working on it…', zh: '⏳ 正在处理……' },
  sharedBy: { en: 'Shared by', zh: '分享者' },
  chartSkipped: {
    en: 'The chart was skipped: too many are being drawn right now. Ask again in a minute to see it.',
    zh: '图表已略过:当前正在绘制的图表太多。请一分钟后再问一次以查看图表。',
  },
  slackNotInstalled: {
    en: 'This workspace has not installed the app yet (or has removed it): ask an admin to install it again.',
    zh: '本工作区尚未安装此应用(或已将其移除):请管理员重新安装。',
  },
  slackLocalNames: {
    en: 'On Slack, the Chinese command names work after /genai: /genai 公司 英伟达, /genai 层级 基础设施.',
    zh: '在 Slack 上,中文命令名写在 /genai 之后:/genai 公司 英伟达、/genai 层级 基础设施。',
  },
  required: { en: 'required', zh: '必填' },
  optional: { en: 'optional', zh: '可选' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}
