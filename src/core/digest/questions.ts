// Questions people asked, and the knowledge base's answer where it has one. Retrieval decides
// what is covered, exactly as /ask does, so a digest never answers what /ask would refuse.
import type { Lang } from '../i18n/lang.js';
import { cite, opinionLabel, shortCite } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SearchDoc } from '../search/search-doc.js';
import { analyseQuestion } from '../search/question.js';
import { retrieve } from '../search/retrieve.js';
import { canonicalize } from '../search/synonyms.js';
import { terms } from '../search/terms.js';
import type { QuestionAnswer } from './digest.js';
import { clipText } from './text.js';

// "几个" asks ("融了几个亿？") unless it means "a few" or "these few": "跟几个创始人聊了下", "这几家", "十几个".
const ZH_QUESTION =
  /[吗呢][\s。!~…]*$|多少|为什么|为何|怎么|如何|哪[个些里家种年]|是否|有没有|谁|什么|(?<![跟和与同找好这那前后头十百千万过见了有])几[个成家]/u;

/** A sentence that asks something: it ends in "?" or "？", or is a Chinese question without one. */
export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  if (/[?？]$/.test(s)) return substantial(s);
  return /\p{Script=Han}/u.test(s) && ZH_QUESTION.test(s) && substantial(s);
}

/**
 * A claim with a tag asking for agreement ("inference is 60% of revenue, right?", "对吧？") states
 * its numbers: they are judged like any claim's, though the sentence is also listed as a question.
 */
const TAG_QUESTION =
  /[,，]?\s*(?:right|no|correct|isn'?t it|aren'?t they|don'?t they|doesn'?t it|didn'?t they|wasn'?t it|innit|eh|yeah|true|agreed)\s*[?？]+\s*$|(?:对吧|是吧|对不对|没错吧|不是吗|对么|对吗)\s*[?？]*\s*$/iu;

export function claimsWithTag(sentence: string): boolean {
  return TAG_QUESTION.test(sentence.trim());
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

/**
 * News of the day: what the essay (January 2023) cannot know, in words /ask's own scope check
 * leaves to the wider question ("last week", "just announced", "earnings", "上周", "财报").
 */
const NEWS =
  /\b(?:last (?:week|month|night|friday|monday|tuesday|wednesday|thursday)|this morning|earlier today|tonight|just (?:announced|launched|released|shipped|raised|dropped|reported|posted|closed|signed)|announc(?:ed|es|ing|ement)|earnings (?:call|report)|earnings|news|headlines?|layoffs?|laid off|lay(?:ing)? off|hiring|keynote|dev ?day|press release|breaking|new (?:pricing|prices|model|models|feature|features|version|release|product|round|funding))\b|上周|上个月|昨晚|今早|刚刚|刚发布|刚宣布|官宣|新闻|财报|发布会|裁员|招聘|最新消息/iu;

const MENTION = /@[\p{L}\d._-]+(?:\s+\p{Lu}\p{Ll}+)?/gu;

/** A ranked answer must speak to at least this share of what the question asks about, not just to its company's name. */
const MIN_CONTENT_SHARE = 1 / 3;

/**
 * The knowledge base's answer to a question, or undefined unless /ask would answer it with
 * confidence: retrieval says it is covered (/ask's own bar), the question is not about the news or
 * something after the essay (in its own words or in the rest of its message), and a ranked answer
 * speaks to most of what is asked rather than sharing a company name with it.
 */
export function answerQuestion(kb: KnowledgeBase, question: string, lang: Lang, message = question): QuestionAnswer | undefined {
  if (NEWS.test(question) || NEWS.test(message)) return undefined;
  if (message !== question && analyseQuestion(kb, message).scope?.reason === 'out_of_vintage') return undefined;
  const found = retrieve(kb, question);
  if (!found.covered) return undefined;
  const top = found.lines[0];
  if (!top) return undefined;
  // People addressed ("@Dev Patel does Nvidia have a moat?") are not what the question asks about.
  const addressed = new Set((question.match(MENTION) ?? []).flatMap((m) => m.slice(1).toLowerCase().split(/\s+/)));
  const content = found.question.content.filter((word) => !addressed.has(word));
  if (found.ranked && !speaksTo(found.hits[0]?.doc, content, found.question.companies)) return undefined;
  const lead = firstSentence(top.lead[lang]);
  const opinion = top.source.kind === 'opinion';
  return {
    text: opinion ? `${opinionLabel(top.source, lang)}: ${lead}` : lead,
    cite: shortCite(kb, top.source, lang),
    citation: cite(kb, top.source, lang),
    ...(top.more ? { more: top.more } : {}),
  };
}

/**
 * Whether a document answers the question rather than sharing a word or a name with it: it holds a
 * third of the question's content words (or their parts), and, when the question names companies,
 * it is about one of them.
 */
function speaksTo(doc: SearchDoc | undefined, content: readonly string[], companies: readonly string[]): boolean {
  if (!doc) return false;
  if (companies.length && !doc.companies.some((id) => companies.includes(id))) return false;
  if (content.length === 0) return true;
  const vocabulary = new Set(terms(canonicalize(`${doc.title} ${doc.text} ${doc.lead.en} ${doc.lead.zh}`)));
  const answered = content.filter((word) => vocabulary.has(word) || terms(word).some((t) => vocabulary.has(t)));
  return answered.length / content.length >= MIN_CONTENT_SHARE;
}

/** The answer's lead sentence: up to the first full stop (a ";" inside a list does not end it). */
function firstSentence(text: string): string {
  const m = /^.+?(?:[.!?](?=\s|$)|[。！？])/su.exec(text);
  return clipText(m ? m[0] : text, 300);
}
