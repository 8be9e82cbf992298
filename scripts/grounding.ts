// Grounding the knowledge base in the essay, paragraph by paragraph: where the essay's text is, how
// it divides into sections and paragraphs, which numbers and company names a piece of text states,
// and every record in data/ that carries a source. Used by the grounding test and by
// scripts/ground.ts, which proposes the paragraphs of each record. The bot itself never reads the
// essay: it reads data/.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ESSAY_FILE = 'who-owns-the-generative-ai-platform.zh.txt';
/**
 * The year the essay speaks from: the translation is dated 30 January 2023 in its byline, so its
 * "last year" is 2022 and the appendix's "this January" is January 2023.
 */
export const VINTAGE_YEAR = 2023;
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The essay beside the repository (`../shared/source/`, as on CI), or where ESSAY_PATH says. */
export function findEssay(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.ESSAY_PATH, join(REPO, '..', 'shared', 'source', ESSAY_FILE), join('/work/shared/source', ESSAY_FILE)];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

export type EssaySectionId = 'preface' | 'intro' | 'stack' | 'apps' | 'models' | 'infra' | 'value' | 'appendix';

/**
 * Where each section starts, by the first words of its opening line (its heading, or for the
 * preface the title and for the introduction the rule that ends the preface). Headings are not
 * paragraphs, except in the preface, whose title and byline are its first two.
 */
const STARTS: [EssaySectionId, string, { headingIsParagraph: boolean }][] = [
  ['preface', 'A16Z:生成式AI平台', { headingIsParagraph: true }],
  ['intro', '——', { headingIsParagraph: false }],
  ['stack', '高级技术栈', { headingIsParagraph: false }],
  ['apps', '第一波生成式AI应用', { headingIsParagraph: false }],
  ['models', '模型提供商发明了生成式AI', { headingIsParagraph: false }],
  ['infra', '基础设施供应商触及一切', { headingIsParagraph: false }],
  ['value', '那么……价值最终将在哪里积累', { headingIsParagraph: false }],
  ['appendix', '文中提及的初创公司/产品', { headingIsParagraph: false }],
];
/** The page chrome after the essay begins here. */
const END = '参考文章';
/** Captions where the page had a picture: not text. */
const PICTURE = '图片';

/** The essay's paragraphs by section: `paragraphs.get('infra')[3]` is §6 ¶4. */
export function essayParagraphs(text: string): Map<EssaySectionId, string[]> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const sections = new Map<EssaySectionId, string[]>();
  let current: EssaySectionId | undefined;
  let next = 0;
  for (const line of lines) {
    if (!line || line === PICTURE) continue;
    if (current && line.startsWith(END)) break;
    const start = STARTS[next];
    if (start && line.startsWith(start[1])) {
      current = start[0];
      next++;
      sections.set(current, start[2].headingIsParagraph ? [line] : []);
      continue;
    }
    if (current) sections.get(current)!.push(line);
  }
  if (next !== STARTS.length) throw new Error(`essay: found ${next} of ${STARTS.length} section starts; has the file changed?`);
  return sections;
}

const UNITS: Record<string, number> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  billion: 1e9,
  million: 1e6,
  b: 1e9,
  m: 1e6,
  k: 1e3,
};
const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Measure words after which a lone Chinese numeral is a count ("三类", "三朵云"). */
const MEASURE = '类家个种朵层倍季大位条项款轮';

/** A Chinese numeral of up to thousands ("三", "十", "二十五", "一百"). */
function chineseNumeral(s: string): number | undefined {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十' || ch === '百' || ch === '千') {
      total += (digit || 1) * (ch === '十' ? 10 : ch === '百' ? 100 : 1000);
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

/**
 * The numbers a text states, as values: "1.25亿美元" is 125,000,000, "$125M" too, "20-40%" is 20
 * and 40, "2022年10月" is 2022 and 10, "三类" is 3. Section and paragraph marks (§6, ¶4) links and
 * clock times are not numbers the text states; nor is a lone "一" or "两" ("a", "both").
 */
export function numbersIn(text: string): number[] {
  const plain = text
    .normalize('NFKC')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[§¶]\s*\d+/g, ' ')
    .replace(/\b\d{1,2}:\d{2}\b/g, ' ')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  const out: number[] = [];
  // Digits inside a name are not numbers: A100, GPT-3, a16z, Q3.
  // A range shares its unit: 5000-8000万 is fifty to eighty million.
  for (const m of plain.matchAll(/(\d+(?:\.\d+)?)\s*[-–~至到]\s*\d+(?:\.\d+)?\s*(万亿|千亿|百亿|亿|千万|百万|万|billion|million)/gi)) {
    out.push(Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]! * 1000) / 1000);
  }
  for (const m of plain.matchAll(
    /(?<![a-z]-?)(?<![\d.])(\d+(?:\.\d+)?)\s*(万亿|千亿|百亿|亿|千万|百万|万|billion|million|[bmk](?![a-z]))?/gi,
  )) {
    const unit = m[2] ? UNITS[m[2].toLowerCase()]! : 1;
    out.push(Math.round(Number(m[1]) * unit * 1000) / 1000);
  }
  // Years relative to the essay's date: 去年 (last year) is 2022, 今年 (this year) 2023.
  for (const m of plain.matchAll(/(去|今|明)年/g)) out.push(VINTAGE_YEAR + { 去: -1, 今: 0, 明: 1 }[m[1] as '去' | '今' | '明']);
  // A bare order of magnitude after "more than" or "nearly": 超千亿 is more than 100 billion.
  for (const m of plain.matchAll(/(?:超过|超|逾|近)(千亿|百亿|亿|千万|百万|万)/g)) out.push(UNITS[m[1]!]!);
  for (const m of plain.matchAll(
    new RegExp(`([零一二两三四五六七八九十百千]+)(?=[${MEASURE}])|([零一二两三四五六七八九十百千]{2,})`, 'g'),
  )) {
    const word = m[1] ?? m[2]!;
    if (word === '一' || word === '两' || /^[百千]+$/.test(word)) continue;
    const value = chineseNumeral(word);
    if (value !== undefined && value > 1) out.push(value);
  }
  return out;
}

/** Spelling differences that are not different names: case, spaces, dots, hyphens. */
export const nameKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-·]/g, '');

/** A record in data/ that carries a source, with the text and numbers it states. */
export interface Paragraphs {
  section: EssaySectionId;
  paragraphs: number[];
}

export interface SourcedRecord {
  /** Where it is: "companies.json[nvidia].moats[0]". */
  where: string;
  source: { section: EssaySectionId; kind: string; paragraphs?: number[]; alsoIn?: Paragraphs[] };
  /** The record's own English and Chinese text, without the records nested in it. */
  en: string;
  zh: string;
  /** Dates and years the record states outside its text (a fact's date, a founding year). */
  years: number[];
  /** The company a nested record is about without naming it (a fact on its card). */
  about?: string;
}

/** Keys that hold ids, names in other scripts or structure, not what the record states. */
const NOT_STATED = new Set([
  'id',
  'source',
  'aliases',
  'unit',
  'layer',
  'segment',
  'companies',
  'parent',
  'parentFrom',
  'figures',
  'kind',
  'low',
  'high',
  'company',
  'moat',
]);

const isSource = (v: unknown): v is SourcedRecord['source'] =>
  typeof v === 'object' && v !== null && 'section' in v && 'vintage' in v && 'kind' in v;

/** Every object in the data files that has a `source`, outermost first. */
export function sourcedRecords(files: Record<string, unknown>): SourcedRecord[] {
  const out: SourcedRecord[] = [];
  const visit = (value: unknown, where: string, about?: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${where}[${(v as { id?: unknown })?.id ?? i}]`, about);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    if (isSource(obj.source)) {
      const texts = { en: [] as string[], zh: [] as string[] };
      collectText(obj, texts);
      const years: number[] = [];
      if (typeof obj.date === 'string') years.push(...obj.date.split('-').map(Number));
      if (typeof obj.founded === 'number') years.push(obj.founded);
      out.push({ where, source: obj.source, en: texts.en.join(' '), zh: texts.zh.join(' '), years, ...(about ? { about } : {}) });
    }
    // A company's facts and moat evidence are about it, named or not.
    const company = where.startsWith('companies.json') && typeof obj.id === 'string' ? obj.id : about;
    for (const [key, v] of Object.entries(obj)) if (key !== 'source') visit(v, `${where}.${key}`, company);
  };
  for (const [file, data] of Object.entries(files)) visit(data, file);
  return out;
}

/** The bilingual text of a record, leaving out the records nested in it (they have their own source). */
function collectText(value: unknown, into: { en: string[]; zh: string[] }): void {
  if (Array.isArray(value)) {
    for (const item of value) collectText(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.zh === 'string') {
    into.en.push(record.en);
    into.zh.push(record.zh);
    return;
  }
  for (const [key, v] of Object.entries(record)) {
    if (NOT_STATED.has(key)) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && isSource((v as { source?: unknown }).source)) continue;
    if (Array.isArray(v) && v.some((item) => isSource((item as { source?: unknown })?.source))) continue;
    collectText(v, into);
  }
}

interface NamedCompany {
  id: string;
  name: string;
  aliases: { en: string[]; zh: string[] };
}

const patternsByCompany = new WeakMap<NamedCompany, RegExp>();

/** The company's names as one pattern: Latin names as whole words, however spaced or dotted. */
function namePattern(company: NamedCompany): RegExp {
  let pattern = patternsByCompany.get(company);
  if (pattern) return pattern;
  const names = [company.name, ...company.aliases.en, ...company.aliases.zh].map((n) => n.normalize('NFKC').toLowerCase());
  const parts = names.map((n) => {
    const body = [...n.replace(/[\s.\-·]/g, '')].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s.\\-·]?');
    return /^[a-z0-9]/.test(n) ? `(?<![a-z0-9])${body}(?![a-z0-9])` : body;
  });
  pattern = new RegExp(parts.join('|'), 'u');
  patternsByCompany.set(company, pattern);
  return pattern;
}

/** The companies a text names, by any of their names in either language. */
export function companiesNamed<C extends NamedCompany>(text: string, companies: readonly C[]): C[] {
  const plain = text.normalize('NFKC').toLowerCase();
  return companies.filter((c) => namePattern(c).test(plain));
}
