// What a question is about, before any ranking: the companies it names, the terms that carry its
// meaning, and signs that it asks for something the essay cannot know.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { editDistance, normalizeName } from '../knowledge/name-index.js';
import { type OutOfScope, outOfScope } from './scope.js';
import { canonicalize } from './synonyms.js';
import { isHan, isStopWord, stem, terms, words } from './terms.js';

export interface AnalysedQuestion {
  /** The question in the knowledge base's vocabulary. */
  canonical: string;
  /** Terms to search with. */
  terms: string[];
  /** Companies the question names, by id. */
  companies: string[];
  /** Layers the question names ("model layer", "clouds", "应用"), by id. */
  layers: string[];
  /** Terms that are not company names and not bare numbers: what the question asks about. */
  content: string[];
  /** Asks for an amount, share or count ("how much", "what %", "多少"). */
  wantsNumber: boolean;
  /** Asks about something the essay cannot know: a later time, an entity or a kind of fact it does not hold. */
  scope: OutOfScope | undefined;
  /** Tries to give the bot new instructions. */
  injection: boolean;
  /** Asks for a share of something ("what %", "占比"): percentages answer it. */
  wantsShare: boolean;
  /** Asks for a list ("what are the six moats", "有哪几种"). */
  wantsList: boolean;
  /** Written in a language other than English or Chinese. */
  otherLanguage: boolean;
}

const LIST_INTENT =
  /\b(what are|which are|list|types? of|kinds? of|all the|name the|how many (?:layers|moats|categories))\b|哪些|哪几|几种|几个|几层|分几|有什么|都有/u;
const OTHER_LANGUAGE_WORDS =
  /(?<![\p{L}])(qué|que|cuál|cuánto|cuesta|cómo|una|el|la|es|de|porcentaje|ingresos|gastan|suscripción|las|los|del|por|para|est|les|des|du|le|quel|quelle|combien|pourcentage|revenus|dépensent|coûte|der|die|das|und|ist|wie|viel|welche|prozent|umsatz|kostet|quanto|quale|percentuale)(?![\p{L}])/giu;
const NUMBER_INTENT =
  /\b(how (?:much|many|big|large)|what (?:share|percent(?:age)?|fraction|portion)|percent|size|figure|number|amount)\b|%|\$|多少|比例|占比|百分之|几成|规模|数字|金额/u;
const SHARE_INTENT = /\b(share|percent(?:age)?|fraction|portion|proportion)\b|%|比例|占比|百分之|几成/u;
const INJECTION =
  /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules|above|previous|system)\b|\b(system prompt|jailbreak|pretend (?:you|to be)|act as|you are now)\b|忽略.{0,20}(指令|提示|规则|以上)|(?:你|请|现在)扮演|扮演(?:一个|一名|一位|成)|系统提示/iu;

/** `knows` tells whether a term occurs in the knowledge base, so that real words are not taken for typos. */
export function analyseQuestion(kb: KnowledgeBase, question: string, knows: (term: string) => boolean = () => false): AnalysedQuestion {
  const canonical = canonicalize(question);
  const { ids: companies, typos } = findCompanies(kb, canonical, knows);
  const nameTerms = new Set([...companies.flatMap((id) => companyNameTerms(kb, id)), ...typos]);
  const all = terms(canonical);
  // Content is judged on whole words: the bigrams `terms` adds for Chinese are for matching only.
  // Chinese names are cut out whole: the segmenter splits them ("台积电" -> "台", "积", "电").
  const withoutNames = companies
    .flatMap((id) => kb.company(id)!.aliases.zh)
    .reduce((text, alias) => text.split(alias.toLowerCase()).join(' '), canonical);
  const content = [
    ...new Set(
      joinHanCharacters(words(withoutNames))
        .filter((w) => !isStopWord(w))
        .map((w) => (isHan(w) ? w : stem(w)))
        .filter((t) => !nameTerms.has(t) && !/^[\d.,%$]+$/.test(t) && !(isHan(t) && t.length < 2)),
    ),
  ];
  const lower = question.normalize('NFKC').toLowerCase();
  const names = nameTables(kb).companies;
  const scope = outOfScope(question, {
    knows: (t) => knows(t) || knows(stem(t)),
    isKnownName: (n) => names.has(normalizeName(n)),
    isFamily: (letters) => nameTables(kb).families.has(letters),
  });
  const foreign = lower.match(OTHER_LANGUAGE_WORDS) ?? [];
  return {
    canonical,
    terms: all,
    companies,
    layers: findLayers(kb, canonical),
    content,
    wantsNumber: NUMBER_INTENT.test(question.toLowerCase()),
    scope,
    injection: INJECTION.test(question),
    wantsList: LIST_INTENT.test(lower),
    wantsShare: SHARE_INTENT.test(lower),
    otherLanguage: foreign.length >= 2 && !isHan(lower),
  };
}

/**
 * ICU's dictionary lacks many market terms and cuts them into characters ("估值" -> "估", "值");
 * runs of single characters are joined back so the question's subject is judged as a word.
 */
function joinHanCharacters(list: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of list) {
    if (w.length === 1 && isHan(w) && !isStopWord(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

const nameTermCache = new WeakMap<KnowledgeBase, Map<string, string[]>>();
function companyNameTerms(kb: KnowledgeBase, id: string): string[] {
  let cache = nameTermCache.get(kb);
  if (!cache) {
    cache = new Map();
    nameTermCache.set(kb, cache);
  }
  let list = cache.get(id);
  if (!list) {
    const c = kb.company(id)!;
    list = [c.name, ...c.aliases.en, ...c.aliases.zh].flatMap((n) => terms(n));
    cache.set(id, list);
  }
  return list;
}

interface NameTables {
  /** Every company name and alias, normalised, to its id. */
  companies: Map<string, string>;
  /** Each layer's names as stemmed word sequences. */
  layers: { id: string; names: string[] }[];
  /** The letters before a version in names the knowledge base holds: "gpt" (gpt-3), "a" (a100). */
  families: Set<string>;
}

const tables = new WeakMap<KnowledgeBase, NameTables>();
function nameTables(kb: KnowledgeBase): NameTables {
  let t = tables.get(kb);
  if (!t) {
    const companies = new Map<string, string>();
    for (const c of kb.companies) for (const n of [c.id, c.name, ...c.aliases.en, ...c.aliases.zh]) companies.set(normalizeName(n), c.id);
    const stemmed = (n: string) =>
      words(n)
        .map((w) => (isHan(w) ? w : stem(w)))
        .join(' ');
    const layers = kb.layers.map((l) => ({
      id: l.id,
      names: [l.id, l.name.en, l.name.zh, ...l.aliases.en, ...l.aliases.zh].map(stemmed).filter(Boolean),
    }));
    const families = new Set([...companies.keys()].flatMap((n) => /^([a-z]+)\d/.exec(n)?.[1] ?? []));
    t = { companies, layers, families };
    tables.set(kb, t);
  }
  return t;
}

/**
 * Company names in the question: runs of up to four words matched against every name and alias
 * (so "hugging face" and "gpt-3" are found, but "sd" inside another word is not), Chinese names
 * found anywhere in the text (Chinese has no spaces to stop at), and a long name with a typo.
 */
function findCompanies(kb: KnowledgeBase, text: string, knows: (term: string) => boolean): { ids: string[]; typos: string[] } {
  const names = nameTables(kb).companies;
  const found = new Set<string>();
  const typos: string[] = [];
  const tokens = words(text).filter((w) => !isHan(w));
  for (let size = 4; size >= 1; size--) {
    for (let i = 0; i + size <= tokens.length; i++) {
      const key = normalizeName(tokens.slice(i, i + size).join(''));
      const id = key.length >= 2 ? names.get(key) : undefined;
      if (id) found.add(id);
    }
  }
  // One typo in a long name still names it ("nvidai", "antrhopic"); words the knowledge base uses are not typos.
  if (found.size === 0) {
    for (const token of tokens) {
      if (token.length < 5 || isStopWord(token) || knows(stem(token))) continue;
      const limit = token.length >= 8 ? 2 : 1;
      const close = new Set(
        [...names]
          .filter(([name]) => Math.abs(name.length - token.length) <= limit && editDistance(name, token) <= limit)
          .map(([, id]) => id),
      );
      if (close.size === 1) {
        found.add([...close][0]!);
        typos.push(token);
      }
    }
  }
  const squashed = normalizeName(text);
  for (const company of kb.companies) {
    if (company.aliases.zh.some((alias) => squashed.includes(normalizeName(alias)))) found.add(company.id);
  }
  return { ids: [...found], typos };
}

/** Layers named by a whole word or phrase of the question ("model layer", "clouds", "应用层"). */
function findLayers(kb: KnowledgeBase, text: string): string[] {
  const joined = ` ${words(text)
    .map((w) => (isHan(w) ? w : stem(w)))
    .join(' ')} `;
  return nameTables(kb)
    .layers.filter((l) => l.names.some((n) => joined.includes(` ${n} `)))
    .map((l) => l.id);
}
