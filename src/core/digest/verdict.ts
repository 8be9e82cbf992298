// Does a number someone cited agree with the essay? Only when the sentence is clearly about a
// figure the knowledge base states: same unit, and the sentence shares the figure label's telling
// words (weighted by how rare they are among labels) or names its company. Otherwise no verdict:
// a digest that invents a comparison is worse than one that makes none.
import type { Lang } from '../i18n/lang.js';
import { cite, shortCite } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Figure } from '../knowledge/schema.js';
import { analyseQuestion } from '../search/question.js';
import { canonicalize } from '../search/synonyms.js';
import { isStopWord, stem } from '../search/terms.js';
import { COMPARABLE_UNITS, type FigureVerdict } from './digest.js';
import type { FoundFigure } from './figures.js';

/**
 * A sentence must score at least this much on a figure's label to be about it: about three label
 * words of middling rarity ("cloud", "revenue", "generative"), or a named company and one word.
 */
const MIN_SCORE = 5;
/** Figures scoring within this share of the best are equally likely readings of the sentence. */
const CLOSE_SHARE = 0.5;
/**
 * Label words that qualify a figure rather than say what it measures: they weigh little and do not
 * count as a match on their own ("a year" does not make revenue an investment).
 */
const WEAK_TERMS = new Set([
  'year',
  'annual',
  'share',
  'total',
  'number',
  'among',
  'seen',
  'available',
  'top',
  'versus',
  'typical',
  'highest',
  'multi',
  'large',
  '每年',
  '一年',
  '多年',
  '数量',
  '占比',
  '比例',
]);
const WEAK_WEIGHT = 0.3;

interface LabelTerms {
  figure: Figure;
  terms: Set<string>;
  /** Shown as "more than …" by the essay: a floor, with no upper end. */
  floor: boolean;
}

interface Tables {
  labels: LabelTerms[];
  idf: Map<string, number>;
}

const tablesByKb = new WeakMap<KnowledgeBase, Tables>();

function tables(kb: KnowledgeBase): Tables {
  let t = tablesByKb.get(kb);
  if (t) return t;
  const labels = kb.figures.map((figure) => ({
    figure,
    terms: new Set([...termsOf(figure.label.en), ...termsOf(figure.label.zh)]),
    floor: /^(more than|over|at least)\b/i.test(figure.display.en),
  }));
  const df = new Map<string, number>();
  for (const l of labels) for (const term of l.terms) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map([...df].map(([term, n]) => [term, WEAK_TERMS.has(term) ? WEAK_WEIGHT : Math.log(1 + labels.length / n)]));
  t = { labels, idf };
  tablesByKb.set(kb, t);
  return t;
}

/**
 * Words of a text in the search vocabulary (so "margins" meets "gross margin", "valued at" meets
 * "valuation"): English stemmed, stop words and numbers dropped; Chinese as character pairs,
 * which match across the segmenter's differing cuts ("估值" in "OpenAI估值290亿").
 */
export function termsOf(text: string): string[] {
  const canonical = canonicalize(text);
  const out: string[] = [];
  for (const m of canonical.matchAll(/[a-z]+|\p{Script=Han}+/gu)) {
    const word = m[0];
    if (/^[a-z]/.test(word)) {
      if (word.length > 1 && !isStopWord(word)) out.push(stem(word));
    } else if (word.length === 1) {
      if (!isStopWord(word)) out.push(word);
    } else {
      for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
    }
  }
  return out;
}

/** Candidate knowledge-base figures for a sentence, scored; memoised per sentence by the caller. */
export function figureCandidates(
  kb: KnowledgeBase,
  sentence: string,
  companies: ReadonlySet<string>,
): { figure: Figure; score: number; floor: boolean }[] {
  const { labels, idf } = tables(kb);
  // An explicit later year, or a company the essay does not cover, puts the sentence outside what it can judge.
  if ((sentence.match(/(?<!\d)20\d\d(?!\d)/g) ?? []).some((y) => Number(y) > 2023)) return [];
  const words = new Set(termsOf(sentence));
  const scored: { figure: Figure; score: number; floor: boolean }[] = [];
  for (const { figure, terms, floor } of labels) {
    // A sentence that names companies is about them: not about another company's figure ("AMD's
    // data-center revenue" is not NVIDIA's), nor a market-wide one ("Jasper's margin is 80%" is not
    // the typical app margin). One that names none may still mean a company's figure ("the Big 3").
    const named = figure.companies.filter((c) => companies.has(c));
    if (companies.size > 0 && named.length === 0) continue;
    let score = named.length * 3;
    let matched = named.length;
    for (const term of terms) {
      if (!words.has(term)) continue;
      score += idf.get(term) ?? 0;
      if (!WEAK_TERMS.has(term)) matched++;
    }
    if (score >= MIN_SCORE && matched >= 2) scored.push({ figure, score, floor });
  }
  if (scored.length === 0) return [];
  if (analyseQuestion(kb, sentence).scope?.reason === 'outside_names') return [];
  return scored.sort((a, b) => b.score - a.score);
}

/** The verdict for one cited number, given the sentence's candidates; undefined when none fits its unit. */
export function verdictFor(
  kb: KnowledgeBase,
  candidates: ReturnType<typeof figureCandidates>,
  found: FoundFigure,
  lang: Lang,
): FigureVerdict | undefined {
  const units = COMPARABLE_UNITS[found.unit];
  const fitting = candidates.filter((c) => units.includes(c.figure.unit));
  const best = fitting[0];
  if (!best) return undefined;
  const close = fitting.filter((c) => c.score >= best.score * CLOSE_SHARE);
  // "Margins are 50-60%, some as high as 90%": each number is judged against the reading it fits.
  const agreeing = close.find((c) => overlaps(found, c.figure, c.floor));
  const chosen = agreeing ?? best;
  const f = chosen.figure;
  return {
    agrees: Boolean(agreeing),
    figureId: f.id,
    label: f.label[lang],
    essay: f.display[lang],
    cite: shortCite(kb, f.source, lang),
    citation: cite(kb, f.source, lang),
  };
}

/**
 * Whether the cited range meets the essay's, allowing for rounding: two percentage points, or a
 * tenth of the value for money, multiples and counts. The essay's figures are approximate too.
 */
export function overlaps(found: Pick<FoundFigure, 'low' | 'high' | 'unit'>, figure: Figure, floor = false): boolean {
  const slack = (v: number) => (found.unit === 'percent' ? 2 : Math.abs(v) * 0.1);
  const low = figure.low - slack(figure.low);
  const high = floor ? Infinity : figure.high + slack(figure.high);
  const citedLow = found.low ?? -Infinity;
  const citedHigh = found.high ?? Infinity;
  return citedLow <= high && citedHigh >= low;
}
