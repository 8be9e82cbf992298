// Does a number someone cited agree with the essay? First what the number measures (quantity.ts),
// then only the essay's figures of that quantity (figure-quantities.ts), and of the company the
// number is about when the figure is a company's. A change, a team size or a price is never
// compared with a level; a supposition, a target, a later year or a company the essay does not
// cover gets no verdict. A digest that invents a comparison is worse than one that makes none.
import type { Lang } from '../i18n/lang.js';
import { cite, shortCite } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Figure } from '../knowledge/schema.js';
import { analyseQuestion } from '../search/question.js';
import { COMPARABLE_UNITS, type FigureVerdict } from './digest.js';
import { FIGURE_QUANTITIES, type FigureReading } from './figure-quantities.js';
import type { FoundFigure } from './figures.js';
import { findMentions } from './mentions.js';
import { aboutTheWholeMarket, clauseAround, figureText, modelProvidersPay, readQuantity } from './quantity.js';
import { NEVER_JUDGED, NOT_A_CLAIM, type Quantity } from './quantity-words.js';

export interface Judgement {
  quantity: Quantity;
  verdict?: FigureVerdict;
}

/**
 * An "if" that frames a claim rather than supposing something: "if you follow the money", "if I
 * remember right", "如果没记错的话". The claim after it stands.
 */
const HEDGE_IF =
  /^\s*(?:if\s+(?:you|we|i|one)\s+(?:\w+\s+){0,2}?(?:look|looks|follow|ask|check|count|add|think|believe|remember|recall|go by|dig|read|trust|zoom|take|compare|squint|do the math|run the numbers|break|tally|trace|sum)\b|if\s+i'?m\s+not\s+mistaken|if\s+memory\s+serves|(?:如果|要是)(?:我)?没(?:有)?记错|(?:如果|要是)(?:你)?(?:仔细)?(?:看|算|翻|查)一下)/iu;

/** "Apps like Jasper": a company given as an example of what the sentence says of a group. */
const EXAMPLE_BEFORE = /(?:\blike|such as|e\.g\.?|including|for example|for instance|say|比如|像|例如|譬如|包括|如)\s*$/iu;
const ROUND_WORDS = /^(?:series|round|seed|pre-seed|bridge|q[1-4]|fy\d*|h[12]|big|three|two|four|five|top)$/i;
/** Words before a name that make it a person passing a claim on ("heard from Tom that…"). */
const HEARD_FROM = /(?:\bfrom|\bper|according to|\btold|\basked|\bthanks|\bcc|@)\s*$/iu;
/** Words after a name that make it a person speaking, not an outside company ("Dev said"). */
const SPEAKS = /^\s*(?:said|says|thinks|mentioned|told|reckons|argues|argued|claims|claimed|noted|wrote|reported|just|was|is)\b/iu;

/**
 * `context` is what the message said before the sentence: a number whose own sentence says nothing
 * of what it measures ("Typical app margins? More like 50-60%.") takes its meaning from there.
 */
export function judge(kb: KnowledgeBase, sentence: string, found: FoundFigure, lang: Lang, context = ''): Judgement {
  const text = figureText(sentence);
  let quantity = quantityIn(sentence, found, context);
  // "Anthropic大概一半的收入都交给了谷歌云": a model company paying out of its own revenue is its
  // inference bill, not the clouds' share of the market's.
  if (quantity === 'cloud_share_of_revenue' && !aboutTheWholeMarket(text) && providerNamedAsPayer(kb, text, found.start))
    quantity = 'inference_share_of_revenue';
  if (NEVER_JUDGED.has(quantity)) return { quantity };
  const { from, to } = clauseAround(text, found.start, found.end);
  const clause = text.slice(from, to);
  if (NOT_A_CLAIM.test(text.slice(from, found.start)) || (/^\s*(?:if|如果|假如|要是)\b/iu.test(text) && !HEDGE_IF.test(text)))
    return { quantity };
  if (outsideTheEssay(kb, text, clause, found.text)) return { quantity };
  const candidates = candidatesFor(kb, quantity, found, text, clause, found.start - from);
  if (candidates.length === 0) return { quantity };
  // "Margins are 50-60%, a few get as high as 90%": each number's own clause says which figure it means.
  const preferred = candidates.filter((c) => c.reading.prefer?.test(clause));
  const pool = preferred.length ? preferred : candidates;
  const agreeing = pool.find((c) => overlaps(found, c.figure, isFloor(c.figure)));
  const f = (agreeing ?? pool[0]!).figure;
  return {
    quantity,
    verdict: {
      agrees: Boolean(agreeing),
      figureId: f.id,
      label: f.label[lang],
      essay: f.display[lang],
      cite: shortCite(kb, f.source, lang),
      citation: cite(kb, f.source, lang),
    },
  };
}

function quantityIn(sentence: string, found: FoundFigure, context: string): Quantity {
  const own = readQuantity(sentence, found);
  if (own !== 'other' || !context) return own;
  const shift = figureText(context).length + 1;
  return readQuantity(`${context} ${sentence}`, { ...found, start: found.start + shift, end: found.end + shift });
}

interface Candidate {
  figure: Figure;
  reading: FigureReading;
}

function candidatesFor(kb: KnowledgeBase, quantity: Quantity, found: FoundFigure, text: string, clause: string, at: number): Candidate[] {
  const units = COMPARABLE_UNITS[found.unit];
  const all: Candidate[] = Object.entries(FIGURE_QUANTITIES)
    .filter(([, reading]) => reading.quantity === quantity)
    .flatMap(([id, reading]) => {
      const figure = kb.figure(id);
      return figure && units.includes(figure.unit) && (!reading.needs || reading.needs.test(text)) ? [{ figure, reading }] : [];
    });
  if (all.length === 0) return [];
  // The companies the number is about: those of its clause, else those of its sentence.
  const inClause = namedIn(kb, clause);
  const named = inClause.length ? inClause : namedIn(kb, text);
  if (all.some((c) => c.reading.payer)) {
    const providers = modelProvidersPay(text, found.start) || providerNamedAsPayer(kb, text, found.start);
    const payer = providers ? 'model_providers' : 'apps';
    const own = all.filter((c) => !c.reading.payer || c.reading.payer === payer);
    if (own.length === 0) return [];
    all.splice(0, all.length, ...own);
  }
  const near = inClause.length ? nearestBefore(inClause, at) : undefined;
  const companyFigures = all.filter((c) => c.figure.companies.some((id) => named.some((n) => n.id === id)));
  if (companyFigures.length) {
    // "Jasper raised $125M and Runway $50M": each number is the company's named just before it.
    const own = near ? companyFigures.filter((c) => c.figure.companies.includes(near.id)) : [];
    return own.length ? own : companyFigures;
  }
  return all.filter((c) => {
    if (c.figure.companies.length) return Boolean(c.reading.alsoWhen?.test(text)) && named.length === 0;
    const allowed = c.reading.instances ?? [];
    // A supplier paid ("after paying OpenAI, our margin…") is not what the number is about.
    return named.every((n) => n.example || allowed.includes(kb.company(n.id)!.layer) || (n.payee && kb.company(n.id)!.layer !== 'apps'));
  });
}

/** Before a name, words that make the company a payee or a platform ("pay OpenAI", "apps on GPT-3", "付给OpenAI"). */
const PAYEE_BEFORE =
  /(?:\bpay(?:s|ing)?|\bpaid|\bto|\bon|\bvia|\bfrom|\bbuilt on|付给|付完|付了|交给|交了|给|基于|接入|调用|用)\s*(?:the\s+)?$/iu;
const APPS_BEFORE = /\b(?:apps?|applications?|app companies)\b|应用/iu;

/** A model company named before the number as the one paying ("OpenAI spends about half its revenue on Azure"). */
function providerNamedAsPayer(kb: KnowledgeBase, text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (APPS_BEFORE.test(before)) return false;
  return namedIn(kb, before).some((n) => {
    if (n.example || kb.company(n.id)?.layer !== 'models') return false;
    const name = lastNameStart(kb, before, n.id);
    return !PAYEE_BEFORE.test(before.slice(Math.max(0, name - 15), name));
  });
}

function lastNameStart(kb: KnowledgeBase, text: string, id: string): number {
  const c = kb.company(id)!;
  const lower = text.toLowerCase();
  const names = [c.name, id.replace(/_/g, ' '), ...c.aliases.en, ...c.aliases.zh].map((n) => n.toLowerCase()).filter(Boolean);
  return Math.max(0, ...names.map((n) => lower.indexOf(n)).filter((i) => i >= 0));
}

interface Named {
  id: string;
  /** Where the name ends in the text. */
  end: number;
  /** Given as an example ("apps like Jasper"). */
  example: boolean;
  /** Named as a supplier paid or built on ("paying OpenAI", "apps on GPT-3", "付给OpenAI"). */
  payee: boolean;
}

/** Companies a text names, with where, and whether as an example. */
function namedIn(kb: KnowledgeBase, text: string): Named[] {
  const ids = findMentions(kb, text).companies;
  const lower = text.toLowerCase();
  const out: Named[] = [];
  for (const id of ids) {
    const c = kb.company(id)!;
    const names = [c.name, id.replace(/_/g, ' '), ...c.aliases.en, ...c.aliases.zh].map((n) => n.toLowerCase()).filter(Boolean);
    let best: { start: number; end: number } | undefined;
    for (const name of names) {
      const i = lower.indexOf(name);
      if (i >= 0 && (!best || i < best.start)) best = { start: i, end: i + name.length };
    }
    const start = best?.start ?? 0;
    const lead = text.slice(Math.max(0, start - 15), start);
    out.push({ id, end: best?.end ?? 0, example: EXAMPLE_BEFORE.test(lead), payee: PAYEE_BEFORE.test(lead) });
  }
  return out;
}

function nearestBefore(named: Named[], at: number): Named | undefined {
  const before = named.filter((n) => n.end <= at).sort((a, b) => b.end - a.end);
  return before[0] ?? named.slice().sort((a, b) => a.end - b.end)[0];
}

/** A later year than the essay's, or a company or product it does not cover, named where the number is. */
function outsideTheEssay(kb: KnowledgeBase, text: string, clause: string, number: string): boolean {
  const years = [...text.matchAll(/(?<!\d)(20\d\d)(?!\d)|\bFY ?'?(\d\d)\b/giu)].map((m) => (m[1] ? Number(m[1]) : 2000 + Number(m[2])));
  if (years.some((y) => y > 2023)) return true;
  const scope = analyseQuestion(kb, text).scope;
  if (scope?.reason !== 'outside_names') return false;
  // Parts of names the essay does hold ("Diffusion" of Stable Diffusion, "Labs" of Lambda Labs),
  // the words of a round ("Series B") and a number read as a version ("GPUs 90x") are not outside names.
  const known = namedIn(kb, text).flatMap(({ id }) => {
    const c = kb.company(id)!;
    return [c.name, ...c.aliases.en].map((n) => n.toLowerCase());
  });
  return scope.words.some((word) => {
    const w = word.toLowerCase();
    if (ROUND_WORDS.test(w) || known.some((name) => name.includes(w))) return false;
    // The cited number itself, read as a version ("a 200", "GPUs 90x").
    if ((w.match(/\d+/g) ?? []).some((digits) => number.includes(digits))) return false;
    const i = clause.toLowerCase().indexOf(w);
    return i >= 0 && !SPEAKS.test(clause.slice(i + word.length)) && !HEARD_FROM.test(clause.slice(0, i));
  });
}

/** "more than $100B", "more than 300 apps": the essay's floors have no upper end. */
function isFloor(figure: Figure): boolean {
  return /^(?:more than|over|at least)\b/i.test(figure.display.en) || /^(?:超过|至少)/u.test(figure.display.zh);
}

/**
 * Whether the cited number agrees with the essay's figure: within its range (two points of
 * rounding for a share, a tenth for money and counts), or within a tenth of a single value. A
 * cited range agrees when its middle does and most of it lies within.
 */
export function overlaps(found: Pick<FoundFigure, 'low' | 'high' | 'unit'>, figure: Figure, floor = false): boolean {
  const percent = found.unit === 'percent';
  const single = figure.low === figure.high;
  const slack = (v: number) => (percent ? (single ? Math.max(2, v * 0.1) : 2) : Math.abs(v) * 0.1);
  const low = figure.low - slack(figure.low);
  const high = floor ? Infinity : figure.high + slack(figure.high);
  const citedLow = found.low ?? -Infinity;
  const citedHigh = found.high ?? Infinity;
  if (!Number.isFinite(citedLow) || !Number.isFinite(citedHigh)) return citedLow <= high && citedHigh >= low;
  const middle = (citedLow + citedHigh) / 2;
  if (middle < low || middle > high) return false;
  if (citedHigh === citedLow) return true;
  const inside = Math.min(citedHigh, high) - Math.max(citedLow, low);
  return inside / (citedHigh - citedLow) >= 0.5;
}
