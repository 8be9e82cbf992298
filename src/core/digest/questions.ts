// Questions people asked, and the knowledge base's answer where it has one. Retrieval decides
// what is covered, exactly as /ask does, so a digest never answers what /ask would refuse.
import type { Lang } from '../i18n/lang.js';
import { cite, opinionLabel, shortCite } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { retrieve } from '../search/retrieve.js';
import type { QuestionAnswer } from './digest.js';
import { clipText } from './text.js';

const ZH_QUESTION = /[吗呢][\s。!~…]*$|多少|为什么|为何|怎么|如何|哪[个些里家种年]|是否|有没有|谁|什么|几[个成家]/u;

/** A sentence that asks something: it ends in "?" or "？", or is a Chinese question without one. */
export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  if (/[?？]$/.test(s)) return substantial(s);
  return /\p{Script=Han}/u.test(s) && ZH_QUESTION.test(s) && substantial(s);
}

/** "what?" and "really??" are reactions, not questions worth listing. */
function substantial(s: string): boolean {
  const han = (s.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (s.match(/[\p{Script=Latin}\d]+/gu) ?? []).length;
  return han >= 4 || words + han / 2 >= 3;
}

/**
 * Words that make a question about the market rather than about lunch or a pull request. Company
 * and layer names count too (the caller checks those). Retrieval is not asked about anything else.
 */
const MARKET_WORDS =
  /\b(margins?|inference|revenue|moats?|defensib\w*|valuation|valued|funding|raised?|capex|gpus?|chips?|clouds?|hyperscalers?|compute|training|fine[- ]tun\w*|open[- ]source|models?|llms?|apps?|applications?|startups?|infra\w*|winners?|value|costs?|pricing|price|api|hosting|parameters?|market|moat|margin|monetiz\w*|commoditi\w*|vertical|horizontal|retention|differentiat\w*)\b|毛利|推理|收入|营收|护城河|壁垒|估值|融资|资本开支|算力|芯片|云|模型|应用|初创|基础设施|赢家|价值|成本|开源|训练|参数|市场|变现|商业化|差异化|留存|垂直|横向/iu;

/**
 * AI companies and products the essay does not cover are still market talk: the question is listed,
 * and retrieval then says it is not covered (as /ask would).
 */
const OTHER_AI_NAMES =
  /\b(gpt-?4o?|gpt-?5|claude|gemini|bard|llama|mistral|deepseek|qwen|grok|perplexity|ernie|baidu|alibaba|tencent|bytedance|meta)\b|百度|文心|阿里|通义|腾讯|字节|豆包|智谱|月之暗面|kimi/iu;

export function aboutTheMarket(text: string): boolean {
  return MARKET_WORDS.test(text) || OTHER_AI_NAMES.test(text);
}

/** The knowledge base's answer to a question, or undefined when retrieval says it is not covered. */
export function answerQuestion(kb: KnowledgeBase, question: string, lang: Lang): QuestionAnswer | undefined {
  const found = retrieve(kb, question);
  const top = found.covered ? found.lines[0] : undefined;
  if (!top) return undefined;
  const lead = firstSentence(top.lead[lang]);
  const opinion = top.source.kind === 'opinion';
  return {
    text: opinion ? `${opinionLabel(top.source, lang)}: ${lead}` : lead,
    cite: shortCite(kb, top.source, lang),
    citation: cite(kb, top.source, lang),
    ...(top.more ? { more: top.more } : {}),
  };
}

/** The answer's lead sentence: up to the first full stop (a ";" inside a list does not end it). */
function firstSentence(text: string): string {
  const m = /^.+?(?:[.!?](?=\s|$)|[。！？])/su.exec(text);
  return clipText(m ? m[0] : text, 300);
}
