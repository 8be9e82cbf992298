// What a cited number measures, read from the words around it: the clause it stands in first, then
// the rest of its sentence. A change ("drops by half", "降了30%") is told apart from a level before
// anything else, so a cut is never compared with a margin; then people and models counted, prices,
// and the nouns and verbs of shares and money, the nearest cue winning.
import { findFigures, type FoundFigure } from './figures.js';
import {
  CHANGE_AFTER,
  CHANGE_AFTER_PERCENT,
  CHANGE_BEFORE,
  CHANGE_VERBS,
  LEVEL_AFTER,
  LEVEL_BEFORE,
  MODELS,
  MONEY_CUES,
  PEOPLE,
  PRICE_AFTER,
  PRICE_WORDS,
  VALUATION_BEFORE,
  type Quantity,
  SHARE_CUES,
} from './quantity-words.js';

/** Where clauses end: punctuation, and the conjunctions that start a new claim. */
const CLAUSE_END = /[,;:，；、]|\s[-–—]\s|\b(?:but|while|whereas|although|though|so|because|yet)\b|但是?|不过|而且|所以|因为|然而/giu;

/** The clause of `text` around [start, end), as offsets. */
export function clauseAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    const at = m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { from, to };
}

/** The text a figure's offsets refer to (see findFigures). */
export function figureText(sentence: string): string {
  return sentence.replace(/\uFF0C/g, '、').normalize('NFKC');
}

export function readQuantity(sentence: string, found: FoundFigure, depth = 0): Quantity {
  const text = figureText(sentence);
  const { from, to } = clauseAround(text, found.start, found.end);
  const before = text.slice(from, found.start);
  const after = text.slice(found.end, to);
  if (isChange(found, before, after, text.slice(from, to))) return 'change';
  if (found.unit === 'count') {
    const counted = found.counted ?? '';
    if (PEOPLE.test(counted)) return 'team_size';
    if (MODELS.test(counted)) return 'model_count';
    return 'other';
  }
  if (found.unit === 'params') return 'parameter_count';
  if (found.unit === 'ratio') return 'other';
  // A share whose clause says nothing of what it is takes its subject from the rest of the sentence
  // ("Margins are 50-60%, a few get 90%"; "what startups raise, like 60%, ends up with the clouds"),
  // but not from a clause that says how it came about ("…, through inference spend").
  if (found.unit === 'percent')
    return (
      shareQuantity(text.slice(from, to), found, from) ?? shareQuantity(text.slice(0, to) + asides(text.slice(to)), found, 0) ?? 'other'
    );
  // Money, or a large number whose unit the words give.
  if (found.unit === 'amount' && /^\s*(?:[-\s]?(?:parameter|param)|(?:个)?参数|[\s-]*(?:model|模型))/iu.test(after))
    return 'parameter_count';
  if (found.unit === 'usd' && (PRICE_AFTER.test(after) || (PRICE_WORDS.test(before.slice(-30)) && !nearestMoney(before, after))))
    return 'price';
  // Each money word belongs to the amount nearest it: in "raised $125M at a $1.5B valuation and
  // Runway $50M", "valuation" is the $1.5B's. An amount left with no word of its own is read like
  // the first amount of its sentence ("Jasper raised $125M and Runway $50M").
  const amounts = findFigures(sentence).filter((f) => f.unit === 'usd' || f.unit === 'amount');
  const own = withoutOthersWords(text, found, amounts);
  // "valued at around $3B in its Series E", "raised $250M at over $4B": the words just before say valuation.
  const lead = text.slice(from, found.start);
  if (
    VALUATION_BEFORE.test(lead) &&
    (!/\bat(?:\s+an?)?\s*(?:\S+\s*)?$/i.test(lead) || /valu|worth|估值/iu.test(lead) || amounts[0] !== found)
  )
    return 'valuation';
  const mine =
    moneyQuantity(own.slice(from, found.start), own.slice(found.end, to), found) ??
    moneyQuantity(own.slice(0, found.start), own.slice(found.end), found);
  if (mine) return mine;
  const first = amounts.find((f) => f.start < found.start);
  if (first && depth === 0) {
    const parallel = readQuantity(sentence, first, 1);
    if (parallel !== 'other' && parallel !== 'change' && parallel !== 'price') return parallel;
  }
  return 'other';
}

/** The text with the money words that stand nearer another amount than this one blanked out. */
function withoutOthersWords(text: string, found: FoundFigure, amounts: FoundFigure[]): string {
  if (amounts.length < 2) return text;
  let out = text;
  for (const re of Object.values(MONEY_CUES)) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const a = m.index;
      const b = a + m[0].length;
      const gap = (f: FoundFigure) => (a >= f.end ? a - f.end : f.start >= b ? f.start - b : 0);
      const nearest = amounts.reduce((best, f) => (gap(f) < gap(best) ? f : best));
      if (nearest.start !== found.start) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
    }
  }
  return out;
}

/** The clauses after a number, up to one that gives a means or a cause rather than a subject. */
function asides(after: string): string {
  const means = /[,;:，；、]\s*(?:through|via|by|from|thanks to|because|since|due to|通过|靠|由于|因为)/iu.exec(after);
  return means ? after.slice(0, means.index) : after;
}

function isChange(found: FoundFigure, before: string, after: string, clause: string): boolean {
  if (found.change) return true;
  if (found.unit === 'count' || found.unit === 'params') return false;
  if (CHANGE_BEFORE.test(before) && !/\bup to\s*$/i.test(before)) return true;
  if (CHANGE_AFTER.test(after)) return true;
  if (found.unit === 'percent' && CHANGE_AFTER_PERCENT.test(after) && !/^\s*(?:more|less) than\b/i.test(after)) return true;
  // "OpenAI cut API prices 30%": a change verb elsewhere in the clause, and nothing that makes the number a level.
  if ((found.unit === 'percent' || found.unit === 'ratio') && CHANGE_VERBS.test(clause)) {
    if (LEVEL_BEFORE.test(before) || LEVEL_AFTER.test(after)) return false;
    if (
      found.unit === 'percent' &&
      (SHARE_CUES.margin.test(clause) || SHARE_CUES.revenue.test(clause)) &&
      !SHARE_CUES.retention.test(clause)
    )
      return false;
    return true;
  }
  return false;
}

/** The share or margin a percentage is, from the cues in `text`, or undefined when none is there. */
function shareQuantity(text: string, found: FoundFigure, offset: number): Quantity | undefined {
  const at = found.start - offset;
  const distance = (re: RegExp) => nearest(text, re, at, found.end - offset);
  const margin = distance(SHARE_CUES.margin);
  const inference = distance(SHARE_CUES.inference);
  const cloud = distance(SHARE_CUES.cloud);
  const raise = distance(SHARE_CUES.raise);
  const revenue = distance(SHARE_CUES.revenue);
  const flows = distance(SHARE_CUES.flows);
  const costs = SHARE_CUES.ofCosts.test(text);
  const options: [Quantity, number][] = [];
  if (margin < Infinity) options.push(['gross_margin', margin]);
  if (inference < Infinity && !costs) options.push(['inference_share_of_revenue', inference]);
  if (cloud < Infinity && raise < Infinity && (raise <= revenue || revenue === Infinity))
    options.push(['raise_share_to_cloud', Math.max(cloud, raise)]);
  else if (cloud < Infinity && (revenue < Infinity || flows < Infinity || /spend|spent|pay|paid|花|付|交|投入/iu.test(text)))
    options.push(['cloud_share_of_revenue', cloud]);
  if (options.length === 0) return undefined;
  options.sort((a, b) => a[1] - b[1]);
  const chosen = options[0]![0];
  // Inference bills are paid to clouds: a sentence about both is about inference, unless it is about
  // what model providers pay (as the ones paying, "model providers spend half on cloud", not as
  // payees, "apps pay model providers and clouds…").
  const providers = MODEL_PROVIDERS.exec(text);
  const providersPay = providers !== null && providers.index < at;
  if (chosen === 'cloud_share_of_revenue' && inference < Infinity && !costs && !providersPay) return 'inference_share_of_revenue';
  // A team's own cloud bill as a share of its revenue is what the essay counts as an app's inference
  // spend (paid to the clouds); the clouds' share is of the whole market's revenue.
  if (chosen === 'cloud_share_of_revenue' && !providersPay && OWN.test(text.slice(0, at)) && !WHOLE_MARKET_SHARE.test(text))
    return 'inference_share_of_revenue';
  return chosen;
}

const OWN = /\b(?:our|we|we're|my|us)\b|我们|咱们|我司|我的/iu;
const WHOLE_MARKET_SHARE = /\b(?:all|total|whole|entire|overall|industry|market|ecosystem)\b|总收入|总营收|整体|整个|所有|行业/iu;

export const MODEL_PROVIDERS =
  /model (?:providers?|companies|makers|labs|vendors|developers|builders|shops)|foundation[- ]model|llm (?:providers?|companies|vendors|labs)|模型(?:提供商|公司|厂商|厂家|供应商|层|商)|大模型公司/iu;

/** The money quantity nearest the number, within the text given either side. */
function moneyQuantity(before: string, after: string, found: FoundFigure): Quantity | undefined {
  const text = `${before}\u0000${after}`;
  const at = before.length;
  const end = at + 1;
  const options: [Quantity, number][] = [
    ['valuation', nearest(text, MONEY_CUES.valuation, at, end)],
    ['money_raised', nearest(text, MONEY_CUES.money_raised, at, end)],
    ['revenue', nearest(text, MONEY_CUES.revenue, at, end) + 2],
    // Capex words are specific: "pour $100B a year into capex" is capex, not a round.
    ['capex', nearest(text, MONEY_CUES.capex, at, end) - 20],
    // Training costs have no key of their own: "other", judged only against the essay's training figures.
    ['other', nearest(text, MONEY_CUES.training, at, end) + 1],
  ];
  if (found.unit === 'amount') options.push(['parameter_count', nearest(text, MONEY_CUES.params, at, end)]);
  const best = options.filter(([, d]) => d < Infinity).sort((a, b) => a[1] - b[1])[0];
  return best?.[0];
}

function nearestMoney(before: string, after: string): boolean {
  const text = `${before} ${after}`;
  return [MONEY_CUES.valuation, MONEY_CUES.money_raised, MONEY_CUES.capex, MONEY_CUES.training].some((re) => re.test(text));
}

/** Characters between the number [start, end) and the nearest match of `re` in `text`; Infinity when none. */
function nearest(text: string, re: RegExp, start: number, end: number): number {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let best = Infinity;
  for (const m of text.matchAll(global)) {
    const from = m.index;
    const to = from + m[0].length;
    const d = to <= start ? start - to : from >= end ? from - end : 0;
    if (d < best) best = d;
  }
  return best;
}
