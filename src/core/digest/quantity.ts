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
  PERIOD,
  PRICE_AFTER,
  PRICE_WORDS,
  type Quantity,
  SALES,
  SHARE_CUES,
  VALUATION_AFTER,
  VALUATION_BEFORE,
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
  if (found.unit === 'percent') {
    const clause = text.slice(from, to);
    const wider = () => shareQuantity(text.slice(0, to) + asides(text.slice(to)), found, 0);
    const own = shareQuantity(clause, found, from);
    // "融到的钱，八成都花在GPU上": what is spent is said in the clause, what it is a share of before it.
    if (
      (own === 'inference_share_of_revenue' || own === 'cloud_share_of_revenue') &&
      !SHARE_CUES.revenue.test(clause) &&
      !SHARE_CUES.raise.test(clause) &&
      wider() === 'raise_share_to_cloud'
    )
      return 'raise_share_to_cloud';
    return own ?? wider() ?? 'other';
  }
  // Money, or a large number whose unit the words give.
  if (found.unit === 'amount' && /^\s*(?:[-\s]?(?:parameter|param)|(?:个)?参数|[\s-]*(?:model|模型))/iu.test(after))
    return 'parameter_count';
  // "sold $3.8B of GPUs in a quarter", "一个季度卖了8亿美元": selling over a period is revenue, not a price.
  const soldOverPeriod = SALES.test(text.slice(from, to)) && PERIOD.test(text) && !PRICE_AFTER.test(after);
  if (
    found.unit === 'usd' &&
    !soldOverPeriod &&
    (PRICE_AFTER.test(after) || (PRICE_WORDS.test(before.slice(-30)) && !nearestMoney(before, after)))
  )
    return 'price';
  // "a $2B company", "50亿美元的公司": what a company is worth.
  if (VALUATION_AFTER.test(after)) return 'valuation';
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
  const distance = (re: RegExp, skip?: (before: string) => boolean) => nearest(text, re, at, found.end - offset, skip);
  const margin = distance(SHARE_CUES.margin);
  // "margin ends up around 55% once the inference bill is paid": inference is what the margin is
  // net of, not what the number measures.
  const inference = distance(SHARE_CUES.inference, margin < Infinity ? (before) => NET_OF.test(before) : undefined);
  const cloud = distance(SHARE_CUES.cloud);
  // Compute, GPUs: where money goes, like the clouds ("a quarter of what they raise goes into compute").
  const compute = distance(SHARE_CUES.compute);
  const raise = distance(SHARE_CUES.raise);
  const revenue = distance(SHARE_CUES.revenue);
  const flows = distance(SHARE_CUES.flows);
  const costs = SHARE_CUES.ofCosts.test(text);
  const spentOn = Math.min(cloud, compute, costs ? Infinity : inference);
  // Money raised that goes to clouds or compute is its own quantity, whatever it is spent on, when
  // the raise is nearer the number than any revenue.
  if (spentOn < Infinity && raise < Infinity && raise <= revenue && !(margin < Math.max(raise, spentOn))) return 'raise_share_to_cloud';
  const options: [Quantity, number][] = [];
  if (margin < Infinity) options.push(['gross_margin', margin]);
  if (inference < Infinity && !costs) options.push(['inference_share_of_revenue', inference]);
  const toClouds = Math.min(cloud, compute);
  if (toClouds < Infinity && (revenue < Infinity || flows < Infinity || /spend|spent|pay|paid|花|付|交|投入/iu.test(text)))
    options.push(['cloud_share_of_revenue', toClouds]);
  if (options.length === 0) return undefined;
  options.sort((a, b) => a[1] - b[1]);
  const chosen = options[0]![0];
  if (chosen !== 'cloud_share_of_revenue') return chosen;
  // Whose revenue it is decides between the two: a company's own revenue spent on clouds or
  // compute (an app's inference bill, a model provider's cloud bill) is what it spends on inference;
  // the clouds' share is of the whole market's revenue ("15% of all generative AI revenue").
  if (modelProvidersPay(text, at)) return 'inference_share_of_revenue';
  if (inference < Infinity && !costs) return 'inference_share_of_revenue';
  const whole = WHOLE_MARKET_SHARE.test(text) && !OWN.test(text.slice(0, at));
  if (whole) return 'cloud_share_of_revenue';
  if (OWN.test(text.slice(0, at)) || PAYERS.test(text) || (compute < cloud && !(flows < Infinity))) return 'inference_share_of_revenue';
  return 'cloud_share_of_revenue';
}

/** Words before a cost that make a margin net of it: "after inference", "once the bill is paid", "扣掉推理成本后". */
const NET_OF =
  /(?:\bafter|\bonce|\bnet of|\bminus|\bless|\bexcluding|\bdeducting|\bpaying(?: for)?|\bpaid|\bcovering|扣掉|扣除|扣完|去掉|减去|刨去|刨除|除去|付完|覆盖)[^,.;，。；]{0,20}$/iu;

/** The share is of the whole market's revenue ("all generative AI revenue", "整个行业的收入"). */
export function aboutTheWholeMarket(text: string): boolean {
  return WHOLE_MARKET_SHARE.test(text);
}

const OWN = /\b(?:our|we|we're|my|us)\b|我们|咱们|我司|我的|自己|自家/iu;
const WHOLE_MARKET_SHARE =
  /\b(?:all|total|whole|entire|overall|industry|market|ecosystem|every dollar)\b(?!\s+(?:their|its|our)\b)|总收入|总营收|整体|整个|所有|行业|全行业|全部/iu;
/** Who pays for compute out of their own revenue: apps and the companies building them. */
const PAYERS =
  /\b(?:their|its)\s+(?:own\s+)?(?:revenue|sales|income|top[- ]line)|\b(?:apps?|applications?|app companies|app makers|startups|founders|teams?)\b(?=[^.]{0,60}\b(?:spend|spent|pay|paid|burn|hand|give|send|shell)\w*)|应用(?:公司|厂商|层)?|创业公司|初创公司|他们的收入|它们的收入|收入里|营收里/iu;

/**
 * Model providers as the ones paying ("model providers spend half on cloud", "像OpenAI这种模型厂商，
 * 自己收入的一半…"), not as payees ("apps pay model providers and clouds…").
 */
export function modelProvidersPay(text: string, at: number): boolean {
  const providers = MODEL_PROVIDERS.exec(text);
  if (!providers || providers.index >= at) return false;
  const before = text.slice(Math.max(0, providers.index - 20), providers.index);
  return !/(?:\bpay(?:s|ing)?|\bpaid|\bto|\bgive|\bhand|付给|交给|给|付)\s*(?:the\s+)?$/iu.test(before);
}

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
    // What training a model costs is capital spent, judged only against the essay's training figures.
    ['capex', nearest(text, MONEY_CUES.training, at, end) + 1],
  ];
  if (found.unit === 'amount') options.push(['parameter_count', nearest(text, MONEY_CUES.params, at, end)]);
  const best = options.filter(([, d]) => d < Infinity).sort((a, b) => a[1] - b[1])[0];
  return best?.[0];
}

function nearestMoney(before: string, after: string): boolean {
  const text = `${before} ${after}`;
  return [MONEY_CUES.valuation, MONEY_CUES.money_raised, MONEY_CUES.capex, MONEY_CUES.training].some((re) => re.test(text));
}

/**
 * Characters between the number [start, end) and the nearest match of `re` in `text`; Infinity when
 * none. `skip` leaves out a match by the text before it.
 */
function nearest(text: string, re: RegExp, start: number, end: number, skip?: (before: string) => boolean): number {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let best = Infinity;
  for (const m of text.matchAll(global)) {
    const from = m.index;
    if (skip?.(text.slice(Math.max(0, from - 40), from))) continue;
    const to = from + m[0].length;
    const d = to <= start ? start - to : from >= end ? from - end : 0;
    if (d < best) best = d;
  }
  return best;
}
