// Every word the knowledge commands say around the knowledge base's own bilingual text (/layer,
// /moat, /company, /compare, /brief, /help), in English and Chinese. Names and records arrive as
// arguments; nothing here reads the knowledge base.
import type { MoatEvidence } from '../knowledge/schema.js';
import type { Lang } from './lang.js';

export interface KnowledgeWords {
  /** A list in running text: "a, b" or "a、b". */
  list: (items: string[]) => string;

  /** `title` already ends in a question mark or a colon. */
  openQuestion: (title: string, text: string) => string;
  layerColumns: { segment: string; what: string; who: string };

  companyLayer: (place: string) => string;
  madeBy: (parent: string) => string;
  /** The parent is background knowledge, not something the essay says. */
  madeByBackground: (parent: string) => string;
  /** A product listed under its parent when that link is background knowledge. */
  backgroundProduct: (name: string) => string;
  products: (list: string) => string;
  founded: (year: number) => string;

  stance: Record<MoatEvidence['stance'] | 'none', string>;
  moatsSupported: (company: string, moats: string) => string;
  noMoats: (company: string) => string;
  companyMoatsTitle: (company: string) => string;
  companyMoatColumns: { moat: string; verdict: string; evidence: string };
  moatTitle: (moat: string) => string;
  moatHolderColumns: { company: string; verdict: string; evidence: string };

  compareTitle: (a: string, b: string) => string;
  compareRows: { layer: string; what: string; founded: string; figures: string; moatsSupported: string; moatsInDoubt: string };
  sameLayer: (layer: string) => string;
  differentLayers: (a: string, layerA: string, b: string, layerB: string) => string;

  briefTitle: string;
  figuresTitle: string;
  figuresNote: string;
  figureColumns: { figure: string; value: string; source: string };
  moatsTitle: string;
  moatListColumns: { moat: string; slogan: string; meaning: string };
  thesesTitle: string;

  /** A command's row in /help: its usage, and its Chinese name where the reader reads Chinese. */
  helpUsage: (usage: string, localName: string | undefined) => string;
}

const en: KnowledgeWords = {
  list: (items) => items.join(', '),

  openQuestion: (title, text) => `Open question: ${title} ${text}`,
  layerColumns: { segment: 'Segment', what: 'What it is', who: 'Who' },

  companyLayer: (place) => `Layer: ${place}`,
  madeBy: (parent) => `Made by: ${parent}`,
  madeByBackground: (parent) => `Made by: ${parent} (background: the essay does not say so)`,
  backgroundProduct: (name) => `${name} (background, not from the essay)`,
  products: (list) => `Products in the knowledge base: ${list}`,
  founded: (year) => `Founded: ${year}`,

  stance: {
    supported: '✔ supported',
    weak: '~ weak / in doubt',
    not_supported: '✘ not supported',
    none: '· no evidence in the essay',
  },
  moatsSupported: (company, moats) => `On the essay’s evidence (a16z, Jan 2023), ${company}’s moats are: ${moats}.`,
  noMoats: (company) => `The essay (a16z, Jan 2023) gives no evidence that ${company} has any of the six moats.`,
  companyMoatsTitle: (company) => `${company}: moats`,
  companyMoatColumns: { moat: 'Moat', verdict: 'Verdict', evidence: 'Evidence' },
  moatTitle: (moat) => `Moat: ${moat}`,
  moatHolderColumns: { company: 'Company', verdict: 'Verdict', evidence: 'Evidence' },

  compareTitle: (a, b) => `${a} vs ${b}`,
  compareRows: {
    layer: 'Layer',
    what: 'What it is',
    founded: 'Founded',
    figures: 'Figures',
    moatsSupported: 'Moats supported',
    moatsInDoubt: 'Moats in doubt',
  },
  sameLayer: (layer) => `Both sit in the ${layer} layer.`,
  differentLayers: (a, layerA, b, layerB) => `${a} sits in the ${layerA} layer; ${b} in the ${layerB} layer.`,

  briefTitle: 'The generative-AI market: a briefing (a16z, Jan 2023)',
  figuresTitle: 'Every figure in the essay (Jan 2023)',
  figuresNote: 'Each figure cites its section; ranges keep both ends as the essay gives them.',
  figureColumns: { figure: 'Figure', value: 'Value', source: 'Source' },
  moatsTitle: 'The six moats',
  moatListColumns: { moat: 'Moat', slogan: 'In a line', meaning: 'What it means' },
  thesesTitle: 'The essay’s theses',

  helpUsage: (usage) => usage,
};

const zh: KnowledgeWords = {
  list: (items) => items.join('、'),

  openQuestion: (title, text) => `待解问题: ${title} ${text}`,
  layerColumns: { segment: '细分', what: '说明', who: '公司' },

  companyLayer: (place) => `所在层级: ${place}`,
  madeBy: (parent) => `所属公司: ${parent}`,
  madeByBackground: (parent) => `所属公司: ${parent}(背景信息,文章并未写明)`,
  backgroundProduct: (name) => `${name}(背景信息,非文章所述)`,
  products: (list) => `相关产品: ${list}`,
  founded: (year) => `成立于: ${year}`,

  stance: {
    supported: '✔ 有证据支撑',
    weak: '~ 偏弱/存疑',
    not_supported: '✘ 证据不支持',
    none: '· 文中无相关证据',
  },
  moatsSupported: (company, moats) => `根据 a16z 文中(2023年1月)的证据,${company} 的护城河在于:${moats}。`,
  noMoats: (company) => `a16z 文中(2023年1月)没有证据表明 ${company} 拥有某种护城河。`,
  companyMoatsTitle: (company) => `${company}:护城河`,
  companyMoatColumns: { moat: '护城河', verdict: '判断', evidence: '依据' },
  moatTitle: (moat) => `护城河:${moat}`,
  moatHolderColumns: { company: '公司', verdict: '判断', evidence: '依据' },

  compareTitle: (a, b) => `${a} 对比 ${b}`,
  compareRows: {
    layer: '层级',
    what: '简介',
    founded: '成立',
    figures: '数据',
    moatsSupported: '有支撑的护城河',
    moatsInDoubt: '存疑的护城河',
  },
  sameLayer: (layer) => `两者同属${layer}。`,
  differentLayers: (a, layerA, b, layerB) => `${a} 属于${layerA},${b} 属于${layerB}。`,

  briefTitle: '生成式AI市场简报(a16z,2023年1月)',
  figuresTitle: '文中全部数据(2023年1月)',
  figuresNote: '每个数字都注明了出处章节;区间保留原文的两端。',
  figureColumns: { figure: '数据', value: '数值', source: '出处' },
  moatsTitle: '六种护城河',
  moatListColumns: { moat: '护城河', slogan: '一句话', meaning: '含义' },
  thesesTitle: 'a16z 的主要观点',

  helpUsage: (usage, localName) => (localName ? `${usage}(/${localName})` : usage),
};

const WORDS: Record<Lang, KnowledgeWords> = { en, zh };

export function knowledgeWords(lang: Lang): KnowledgeWords {
  return WORDS[lang];
}
