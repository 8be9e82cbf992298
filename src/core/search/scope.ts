// Whether a question asks about something the essay cannot know, judged by what it is about rather
// than by a list of words: an entity the essay never names (a product version, a proper noun it does
// not hold), a time after January 2023 or live data, or a kind of fact the essay has none of
// (executives, regulation, share prices). Ordinary words that happen to be company names elsewhere
// ("an inflection point", "a meta question", "adept at") are names only when used as names.
import { isStopWord } from './terms.js';

export type OutOfScope =
  | { reason: 'outside_names'; words: string[] }
  | { reason: 'out_of_vintage' }
  | { reason: 'outside_topic'; words: string[] };

export interface ScopeContext {
  /** Whether a word occurs in the knowledge base (its documents' vocabulary). */
  knows(term: string): boolean;
  /** Whether a normalised name is a company, product or alias the knowledge base holds. */
  isKnownName(name: string): boolean;
  /** Whether letters start a versioned name the knowledge base holds ("gpt" of "gpt-3", "h" of "h100"). */
  isFamily(letters: string): boolean;
}

/** Names of the market the essay (January 2023) does not cover, spelled distinctively enough to be names in any sentence. */
const OUTSIDE_NAMES =
  /\b(claude|gemini|bard|llama|mistral|mixtral|deepseek|qwen|grok|perplexity|ernie|sora|databricks|mosaicml|pinecone|langchain|groq|blackwell|dall-?e ?3|chatgpt plus|copilot x|sam altman|altman|jensen huang|satya nadella|sundar pichai|elon musk|musk)\b|文心一言|文心|通义|豆包|智谱|月之暗面|kimi|黄仁勋|奥特曼|马斯克|纳德拉|百度|阿里|腾讯|字节|华为/iu;
/** Company names that are also ordinary words: names only when written as one (capitalised, possessive, "X AI"). */
const AMBIGUOUS_NAMES =
  /\b(Meta|Inflection|Adept|Apple|Tesla|Baidu|Alibaba|Tencent|ByteDance|Facebook|xAI|Scale AI|Hugging ?Chat)(?:'s|’s| AI| Platforms| Inc\.?)?\b|\b(?:meta|inflection|adept|apple|tesla)(?:'s|’s| ai)\b/u;
/** Kinds of fact the essay holds none of. */
const OUTSIDE_TOPICS =
  /\b(ceos?|cto|cfo|chief executive|chairman|president|who (?:runs|leads|heads)|headcount|employees?|staff|headquarter(?:s|ed)|hq|stock price|share price|shares? (?:trade|traded)|ipo|go(?:es|ing)? public(?! beta)|market cap(?:itali[sz]ation)?|regulat(?:ion|ions|ors?|ory)|regulated|legislation|ai act|lawsuits?|copyright|antitrust|salar(?:y|ies)|export (?:controls?|restrictions?|bans?)|sanctions?|embargo(?:es)?|per seat|per user per month|per (?:gpu[- ])?hour|\/\s?hr|hourly (?:rate|price)|ftc|sec|doj|regulators?|stocks?|step(?:s|ped)? down|resign(?:ed|s|ation)?|fired|ousted|(?:daily|weekly|monthly) active users|[dmw]aus?)\b|首席执行官|ceo|董事长|总裁|员工|雇员|总部|股价|股票|市值|上市(?:时间|日期|计划)|首次公开募股|监管|法规|法案|法律|诉讼|起诉|版权|反垄断|禁令|薪资|工资|出口(?:管制|限制|禁令)|制裁|禁运|管理办法|暂行办法|条例/iu;
const LIVE_DATA =
  /\b(today|tonight|tomorrow|yesterday|this (?:week|month)|latest news|up[- ]to[- ]date|real[- ]time|live (?:price|data)|forecast for 20\d\d)\b|今天|明天|昨天|这周|本周|这个月|实时|最新消息|最新动态|这两年|最近说/iu;
/** A model, product or chip written with its version ("gpt-4", "claude 3.5", "h200", "llama2"). */
const VERSIONED = /\b([A-Za-z]{1,12})[- ]?(\d{1,3}(?:\.\d)?[A-Za-z]{0,2})\b/gu;
/** Letters that come before numbers without naming anything. */
const NOT_A_PRODUCT = new Set([
  'eli',
  'q',
  'fy',
  'h',
  'series',
  'round',
  'top',
  'gen',
  'web',
  'covid',
  'page',
  'part',
  'step',
  'level',
  'phase',
  'tier',
  'type',
  'version',
  'v',
  'x',
  'and',
  'or',
  'the',
  'of',
  'in',
  'by',
  'to',
  'at',
  'for',
  'is',
  'about',
  'than',
  'like',
  'around',
  'over',
  'under',
  'us',
  'usd',
  'bn',
  'b',
  'm',
  'k',
  'mm',
  'top',
]);

export function outOfScope(question: string, context: ScopeContext): OutOfScope | undefined {
  // Names the knowledge base holds ("Stable Diffusion", "Hugging Face") and people addressed in chat
  // ("@Dev Patel") are not outside names, whatever their words look like on their own.
  const { text, variants } = withoutKnownNames(question.normalize('NFKC').replace(MENTION, ' '), context);
  const lower = text.toLowerCase();
  // "FY2025" and "2024年" count as years too.
  const years = [
    ...(text.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []).map(Number),
    // "FY24", "FY2025": fiscal years written short.
    ...[...text.matchAll(/\bFY ?'?(\d\d)\b/giu)].map((m) => 2000 + Number(m[1])),
  ];
  if (years.some((y) => y > 2023) || LIVE_DATA.test(lower)) return { reason: 'out_of_vintage' };
  const names = [
    ...[...lower.matchAll(new RegExp(OUTSIDE_NAMES.source, 'giu'))].map((m) => m[0]),
    // A document named in book-title marks that is not the essay: a law, a report, another article.
    ...[...text.matchAll(/《([^》]{1,60})》/gu)].map((m) => m[1]!).filter((title) => !ESSAY_TITLE.test(title)),
    ...variants,
    ...(AMBIGUOUS_NAMES.exec(text) ? [AMBIGUOUS_NAMES.exec(text)![0]] : []),
    ...versionedProducts(text, context),
    ...namedAsCompany(text, context),
    ...properNouns(text, context),
  ];
  if (names.length) return { reason: 'outside_names', words: [...new Set(names)] };
  const topic = OUTSIDE_TOPICS.exec(text);
  if (topic) return { reason: 'outside_topic', words: [topic[0]] };
  return undefined;
}

/** A chat mention: "@dev", "@Dev Patel" (an export writes the display name after the at sign). */
const MENTION = /@[\p{L}\d._-]+(?:\s+\p{Lu}\p{Ll}+)?/gu;

const ESSAY_TITLE = /who owns the generative ai platform|谁拥有生成式|生成式AI平台|谁主沉浮/iu;
/** Words after a product's name that make it an edition the essay never saw: "Copilot Business", "Midjourney V6". */
const EDITION = /^(?:[Vv]\d+(?:\.\d+)?|\d{3}|Business|Enterprise|Pro|Plus|Premium|Teams?|Turbo|Max|Ultra|Mini|Lite|Studio)$/u;

/**
 * The text with every run of up to four words that is a name the knowledge base holds blanked out,
 * and the editions of those names it does not hold ("Midjourney V6").
 */
function withoutKnownNames(text: string, context: ScopeContext): { text: string; variants: string[] } {
  const tokens = [...text.matchAll(/[\p{L}\d][\p{L}\d.-]*/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const blank: [number, number][] = [];
  const variants: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let size = Math.min(4, tokens.length - i); size >= 1; size--) {
      const run = tokens.slice(i, i + size);
      const name = run.map((t) => t.word).join('');
      if (!context.isKnownName(name)) continue;
      const next = tokens[i + size];
      if (next && EDITION.test(next.word) && !context.isKnownName(name + next.word))
        variants.push(`${run.map((t) => t.word).join(' ')} ${next.word}`);
      if (size >= 2) blank.push([run[0]!.start, run.at(-1)!.end]);
      i += size - 1;
      break;
    }
  }
  let out = text;
  for (const [start, end] of blank.reverse()) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return { text: out, variants };
}

/**
 * A version the knowledge base does not hold of a family it does ("gpt-4", "h200"), or a versioned
 * name it does not know at all ("Claude 3", "mi300"). An unknown name must look like one, written
 * as one word or capitalised: ordinary words before a number ("big 3", "take 10", "cited 90x") are
 * not products.
 */
function versionedProducts(text: string, context: ScopeContext): string[] {
  return [...text.matchAll(VERSIONED)]
    .filter(([whole, written, version]) => {
      const letters = written!.toLowerCase();
      const name = whole.toLowerCase().replace(/[\s-]/g, '');
      // "A100s" are A100s.
      const singular = name.replace(/(\d)s$/, '$1');
      if ([name, singular].some((n) => context.isKnownName(n) || context.knows(n) || isStopWord(n))) return false;
      // "H200" and "H20" are chips of the H100's family; "H1" is a half-year.
      if (context.isFamily(letters) && (!NOT_A_PRODUCT.has(letters) || version!.length >= 2)) return true;
      if (NOT_A_PRODUCT.has(letters)) return false;
      const looksLikeAName = !/\s/.test(whole) || /^\p{Lu}/u.test(written!);
      return looksLikeAName && letters.length >= 2 && !isStopWord(letters) && !context.knows(letters);
    })
    .map(([whole]) => whole.toLowerCase());
}

/** A word the question itself calls a company ("LINE这家公司", "a company called Zephyr") that the knowledge base does not hold. */
function namedAsCompany(text: string, context: ScopeContext): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /([A-Za-z][\w.-]{1,30})\s*(?:这家|这个|那家)?(?:公司|企业|初创)|(?:compan(?:y|ies)|startup|firm) (?:called|named) ([A-Za-z][\w.-]{1,30})/gu,
  )) {
    const word = m[1] ?? m[2]!;
    const key = word.toLowerCase();
    if (context.isKnownName(key) || isStopWord(key) || /^(ai|the|a|an|app|model|cloud|chip|gpu|llm|saas|b2b|b2c)$/i.test(key)) continue;
    out.push(word);
  }
  return out;
}

/**
 * Capitalised words in the middle of an English sentence that the knowledge base does not know:
 * "what did Mistral raise", "is Sam Altman right". The first word of a sentence is a name only
 * when it is possessive ("Mistral's valuation?"). Acronyms are left to the topics above.
 */
function properNouns(text: string, context: ScopeContext): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(^|[.?!]\s+|\s)([A-Z][a-z]{2,}(?:['’]s)?)(?![A-Za-z])/gu)) {
    const word = m[2]!;
    const bare = word.replace(/['’]s$/, '');
    const sentenceStart = m[1] === '' || /[.?!]/.test(m[1] ?? '');
    if (sentenceStart && bare === word) continue;
    const key = bare.toLowerCase();
    if (COMMON_CAPITALISED.has(key) || isStopWord(key) || context.isKnownName(key) || context.knows(key)) continue;
    out.push(bare);
  }
  return out;
}

/** Words people capitalise that name nothing outside the essay. */
const COMMON_CAPITALISED = new Set([
  'chinese',
  'english',
  'american',
  'european',
  'asian',
  'silicon',
  'valley',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'friday',
  'essay',
  'hey',
  'thanks',
  'please',
]);
