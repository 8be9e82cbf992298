// Every word a digest reply says, in English and Chinese. Counts and names are passed in; nothing
// here reads a digest.
import type { Lang } from '../i18n/lang.js';
import type { Theme } from './digest.js';
import type { ChannelHistoryResult } from './message.js';

type Incomplete = NonNullable<ChannelHistoryResult['incomplete']>;

export interface DigestWords {
  title: (from: string, to: string) => string;
  empty: (days: number) => string;
  overview: (messages: number, people: number, top: string) => string;
  person: (name: string, n: number) => string;
  layers: (list: string) => string;
  layer: (name: string, n: number) => string;
  nothingOnTheMarket: string;
  companiesLine: (list: string) => string;
  /** The companies a short list leaves out, counted: "+15 more". */
  moreCompanies: (n: number) => string;
  figuresHeading: string;
  agrees: (essay: string, cite: string) => string;
  disagrees: (essay: string, cite: string) => string;
  noComparison: string;
  questionsHeading: string;
  notCovered: string;
  discussedHeading: string;
  engagement: (replies: number, reactions: number) => string;
  more: (n: number) => string;
  incomplete: Record<Incomplete, string>;
  columns: { company: string; mentions: string; layer: string; card: string };
  figureColumns: { who: string; figure: string; check: string };
  keyMessages: string;
  keyParticipants: string;
  keyCompanies: string;
  keyDisagreements: string;
  list: (items: string[]) => string;
  quote: (text: string) => string;
  /** "What the essay would say": the essay's opinion, labelled so, and why it was picked. */
  essayIntro: (vintage: string) => string;
  essayBecause: (messages: number, theme: string) => string;
  essayLine: (intro: string, thesis: string, because: string) => string;
  themes: Record<Theme, string>;
}

const en: DigestWords = {
  title: (from, to) => (from === to ? `Channel digest, ${from}` : `Channel digest, ${from} – ${to}`),
  empty: (days) => `No messages in the last ${days} ${days === 1 ? 'day' : 'days'}.`,
  overview: (messages, people, top) =>
    `${messages} ${messages === 1 ? 'message' : 'messages'} from ${people} ${people === 1 ? 'person' : 'people'}${top ? ` (most active: ${top})` : ''}.`,
  person: (name, n) => `${name} ${n}`,
  layers: (list) => `Layers discussed: ${list}.`,
  layer: (name, n) => `${name} (${n})`,
  nothingOnTheMarket: 'Nothing in the discussion touched the market model: no layers, companies or figures from the essay came up.',
  companiesLine: (list) => `Companies mentioned: ${list}.`,
  moreCompanies: (n) => `+${n} more (all in the table below)`,
  figuresHeading: 'Figures people cited:',
  agrees: (essay, cite) => `agrees with the essay: ${essay} (${cite})`,
  disagrees: (essay, cite) => `disagrees: the essay says ${essay} (${cite})`,
  noComparison: 'the essay states nothing to compare it with',
  questionsHeading: 'Questions asked:',
  notCovered: 'not covered by the essay',
  discussedHeading: 'Most discussed:',
  engagement: (replies, reactions) =>
    [
      replies ? `${replies} ${replies === 1 ? 'reply' : 'replies'}` : '',
      reactions ? `${reactions} ${reactions === 1 ? 'reaction' : 'reactions'}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  more: (n) => `… and ${n} more`,
  incomplete: {
    rate_limited:
      'History was cut short: Slack limits how often apps installed from outside the Slack Marketplace may read channel history (about one request a minute, 15 messages each), so this digest covers only the messages read before the limit.',
    page_cap:
      'History was cut short: the channel has more messages than one digest reads, so the oldest messages of the period are left out.',
    no_content_access:
      'The bot cannot read message content here: Discord gives bots the text of other people’s messages only with the Message Content intent. To turn it on: Discord Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, save, then restart the bot. Until then a digest can only count messages.',
  },
  columns: { company: 'Company', mentions: 'Mentions', layer: 'Layer', card: 'What it is' },
  figureColumns: { who: 'Who', figure: 'Figure', check: 'Against the essay' },
  keyMessages: 'Messages',
  keyParticipants: 'Participants',
  keyCompanies: 'Companies',
  keyDisagreements: 'Figures at odds with the essay',
  list: (items) => items.join(', '),
  quote: (text) => `“${text}”`,
  essayIntro: (vintage) => `What the essay would say (opinion, a16z, ${vintage})`,
  essayBecause: (n, theme) => `This discussion kept coming back to ${theme} (${n} ${n === 1 ? 'message' : 'messages'}).`,
  essayLine: (intro, thesis, because) => `${intro}: ${thesis} ${because}`,
  themes: {
    margins: 'margins and inference costs',
    moats: 'moats and differentiation',
    infra: 'clouds, GPUs and compute',
    open_source: 'open-source models',
    model_business: 'how model providers make money',
    winner_take_all: 'whether the winner takes all',
    vertical: 'vertical integration',
    value_capture: 'who captures the value',
  },
};

const zh: DigestWords = {
  title: (from, to) => (from === to ? `频道摘要:${from}` : `频道摘要:${from} 至 ${to}`),
  empty: (days) => `最近 ${days} 天内没有消息。`,
  overview: (messages, people, top) => `共 ${messages} 条消息,${people} 人参与${top ? `(最活跃:${top})` : ''}。`,
  person: (name, n) => `${name} ${n} 条`,
  layers: (list) => `讨论到的层级:${list}。`,
  layer: (name, n) => `${name}(${n} 条)`,
  nothingOnTheMarket: '讨论没有涉及市场模型:没有提到文章中的层级、公司或数据。',
  companiesLine: (list) => `提到的公司:${list}。`,
  moreCompanies: (n) => `另有 ${n} 家(见下表)`,
  figuresHeading: '大家引用的数据:',
  agrees: (essay, cite) => `与文章一致:${essay}(${cite})`,
  disagrees: (essay, cite) => `与文章不符:文章的说法是${essay}(${cite})`,
  noComparison: '文章中没有可比的数据',
  questionsHeading: '大家提出的问题:',
  notCovered: '文章未涉及',
  discussedHeading: '讨论最多的消息:',
  engagement: (replies, reactions) =>
    [replies ? `${replies} 条回复` : '', reactions ? `${reactions} 个表情回应` : ''].filter(Boolean).join(','),
  more: (n) => `……另有 ${n} 条`,
  incomplete: {
    rate_limited:
      '历史记录不完整:Slack 限制了非 Slack Marketplace 安装的应用读取频道历史的频率(约每分钟一次请求、每次 15 条消息),所以本摘要只包含达到限制前读到的消息。',
    page_cap: '历史记录不完整:频道的消息多于一次摘要能读取的数量,本时段中较早的消息未被包含。',
    no_content_access:
      '机器人无法读取这里的消息内容:Discord 只有在开启 Message Content 权限(intent)后才向机器人提供他人消息的文字。开启方法:Discord Developer Portal → 你的应用 → Bot → Privileged Gateway Intents → Message Content Intent,保存后重启机器人。在此之前,摘要只能统计消息数量。',
  },
  columns: { company: '公司', mentions: '提及次数', layer: '层级', card: '简介' },
  figureColumns: { who: '谁', figure: '数据', check: '与文章对照' },
  keyMessages: '消息',
  keyParticipants: '参与者',
  keyCompanies: '公司',
  keyDisagreements: '与文章不符的数据',
  list: (items) => items.join('、'),
  quote: (text) => `“${text}”`,
  essayIntro: (vintage) => `文章会怎么说(观点,a16z,${vintage})`,
  essayBecause: (n, theme) => `本次讨论多次回到${theme}(${n}条消息)。`,
  essayLine: (intro, thesis, because) => `${intro}:${thesis}${because}`,
  themes: {
    margins: '毛利与推理成本',
    moats: '护城河与差异化',
    infra: '云、GPU与算力',
    open_source: '开源模型',
    model_business: '模型提供商如何赚钱',
    winner_take_all: '是否赢者通吃',
    vertical: '纵向整合',
    value_capture: '谁获取价值',
  },
};

export const DIGEST_WORDS: Record<Lang, DigestWords> = { en, zh };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "20 Jan 2023" / "2023年1月20日", in UTC: a digest reads the same wherever it is printed. */
export function formatDay(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (lang === 'zh') return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
