// Question -> the lines of an answer, or a reasoned refusal. First what the question is (what kind
// of answer it wants, what it is about, whether it asks two things), then the answer from the
// records that fit: a group's members for "which companies", each side of a comparison, the essay's
// argument for "why", ranked documents otherwise. Refusing is part of being right: a question about
// things the essay does not cover must not get the nearest-sounding figure.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { type AnswerLine, builtOnLines, docLine, eachLines, type Hit, memberLines, rankedLines, summaryLines } from './answer-lines.js';
import { CHALLENGING, complementOf, EXCEPT, findMoats, findSegments, RIVALS, type SegmentMatch, withoutSetAside } from './concepts.js';
import type { SearchDoc } from './documents.js';
import { type AnswerKind, answerKind, asksForSummary, questionParts } from './intent.js';
import { type AnalysedQuestion, analyseQuestion } from './question.js';
import { type SearchIndex, searchIndex } from './search-index.js';
import { COMPANY_ATTRIBUTE, bestFor, companyAttributes, companyCards, companyFacts, preferArgument, ranked } from './ranking.js';

export type { Hit } from './answer-lines.js';

export type NotCoveredReason =
  | 'empty'
  | 'injection'
  | 'out_of_vintage'
  | 'outside_names'
  | 'outside_topic'
  | 'other_language'
  | 'unknown_terms'
  | 'low_score';

export type Retrieval =
  | { covered: true; question: AnalysedQuestion; kind: AnswerKind; lines: AnswerLine[]; hits: Hit[]; ranked: boolean }
  | { covered: false; question: AnalysedQuestion; reason: NotCoveredReason; words: string[]; hits: Hit[] };

/** Refusals for what a question is about, rather than for how well the knowledge base matched it. */
const SCOPE_REFUSALS = new Set<NotCoveredReason>(['injection', 'out_of_vintage', 'outside_names', 'outside_topic']);

/** Below this BM25 score (after boosts) the best match is a coincidence of words, not an answer. */
export const MIN_SCORE = 4;

export function retrieve(kb: KnowledgeBase, text: string, limit = 5): Retrieval {
  const index = searchIndex(kb);
  const parts = questionParts(text);
  if (parts.length > 1) {
    // "When was Runway founded, and what's its revenue?": a later part speaks of the first part's company.
    const first = analyseQuestion(kb, parts[0]!, index.knows).companies.map((id) => kb.company(id)!.name);
    const answers = parts.map((part, i) =>
      answerOne(
        kb,
        index,
        i > 0 && first.length && !analyseQuestion(kb, part, index.knows).companies.length ? `${first.join(' ')} ${part}` : part,
        limit,
      ),
    );
    // A part about something the essay does not cover ("GPT-4 vs GPT-3.5, how many params?") is what
    // the other parts are about too: the whole question is refused, never half-answered from the rest.
    const outside = answers.find((a) => !a.covered && SCOPE_REFUSALS.has(a.reason));
    if (outside) return outside;
    const covered = answers.filter((a): a is Extract<Retrieval, { covered: true }> => a.covered);
    if (covered.length === 0) return answers[0]!;
    const lines = dedupe(covered.flatMap((a) => a.lines.filter((l) => l.role === 'answer').slice(0, 2)));
    const related = dedupe(covered.flatMap((a) => a.lines.filter((l) => l.role === 'related')));
    return { ...covered[0]!, lines: dedupe([...lines, ...related]).slice(0, lines.length + 1), ranked: false };
  }
  return answerOne(kb, index, text, limit);
}

function answerOne(kb: KnowledgeBase, index: SearchIndex, text: string, limit: number): Retrieval {
  const question = analyseQuestion(kb, text, index.knows);
  const unknown = question.content.filter((t) => !index.knows(t));
  const refuse = (reason: NotCoveredReason, words: string[] = unknown, hits: Hit[] = []): Retrieval => ({
    covered: false,
    question,
    reason,
    words,
    hits,
  });

  if (question.injection) return refuse('injection');
  if (question.otherLanguage) return refuse('other_language');
  if (question.scope) return refuse(question.scope.reason, 'words' in question.scope ? question.scope.words : []);
  const segments = findSegments(kb, text.normalize('NFKC').toLowerCase());
  const subjects = question.companies.length + segments.length + question.layers.length;
  if (question.content.length === 0 && question.companies.length === 0) return refuse('empty');
  // An attribute of a company the essay does not name ("what's acme worth?") is not another company's.
  // Latin-script only: an unknown Chinese word before 的 or 融 is rarely a company's name.
  const strangers = unknown.filter((word) => !/\p{Script=Han}/u.test(word) && namedAsCompany(text, word));
  if (question.companies.length === 0 && !segments.length && strangers.length && COMPANY_ATTRIBUTE.test(question.canonical)) {
    return refuse('outside_names', strangers);
  }
  // Mostly about things the knowledge base has no word for, and naming nothing it holds.
  const known = question.content.length - unknown.length;
  if (subjects === 0 && unknown.length > known) return refuse('unknown_terms', unknown, companyCards(index, question));

  const kind = answerKind(text, question.companies.length >= 2 ? question.companies.length : question.layers.length);
  const answered = (lines: AnswerLine[], hits: Hit[] = [], ranked = false): Retrieval => ({
    covered: true,
    question,
    kind,
    lines,
    hits,
    ranked,
  });

  // A bare company name ("nvidia", "英伟达") asks for its card.
  // A bare company name ("nvidia", "jasper's numbers?", "英伟达"): its card, then its dated facts.
  if (question.content.length === 0) {
    const cards = companyCards(index, question);
    const facts = question.companies.length === 1 ? companyFacts(index, question.companies[0]!) : [];
    return answered([...cards.map((h) => docLine(h.doc)), ...facts.map((d) => docLine(d, 'related'))], cards);
  }

  // "tl;dr?" about the essay as a whole: its argument from the introduction and the conclusion.
  if (asksForSummary(text) && subjects === 0) {
    const lines = summaryLines(kb);
    if (lines.length) return answered(lines);
  }
  // "What's a vertical cloud?", "end-to-end apps vs ones built on an API": each group's own record.
  if ((kind === 'definition' || kind === 'compare') && segments.length && segments.length <= 2 && question.companies.length === 0) {
    const lines = eachLines(segments.map(({ layer, segment }) => index.docs.find((d) => d.id === `segment:${layer.id}:${segment.id}`)));
    if (lines.length) return answered(lines);
  }
  if (kind === 'names' && question.companies.length && BUILT_ON.test(text)) {
    const lines = builtOnLines(kb, question.companies);
    if (lines.length) return answered(lines);
  }
  if (kind === 'names') {
    const groups = namedGroups(kb, question, withoutSetAside(kb, text.normalize('NFKC').toLowerCase(), segments));
    if (groups.length) return answered(memberLines(kb, groups, question.companies));
  }
  // Companies asked about side by side ("Jasper and Runway", "A vs B"), or layers compared: each answers for itself.
  const sideBySide = kind === 'compare' || EACH.test(text) || coordinated(kb, text, question.companies);
  const eachAsked = kind === 'compare' || EACH.test(text) || kind === 'definition';
  if (kind !== 'names' && sideBySide && (question.companies.length >= 2 || (eachAsked && question.layers.length >= 2))) {
    const each =
      question.companies.length >= 2
        ? question.companies.map((id) => bestFor(index, question, kind, { company: id }))
        : question.layers.map((id) => bestFor(index, question, kind, { layer: id }));
    // Two companies whose best records are one fact seen from each side (an investment by one in the
    // other) do not make a side-by-side: the question asks about that fact.
    const distinct = each.filter((d, i) => d && each.findIndex((o) => o && sameRecord(o, d)) === i);
    const lines = eachLines(distinct);
    if (lines.length >= 2) return answered(lines);
  }
  // "The scale and supply-chain moats, what is each?", "scale moat = what exactly": each moat's definition.
  const moats = question.companies.length ? [] : findMoats(text);
  if ((moats.length >= 2 && eachAsked) || (moats.length === 1 && (kind === 'definition' || kind === 'lookup'))) {
    const lines = eachLines(moats.map((id) => index.docs.find((d) => d.id === `moat:${id}`)));
    if (lines.length) return answered(lines);
  }

  // "Hugging Face's Series D": a round the company's records do not hold is not its other round.
  const round = ROUND.exec(text.normalize('NFKC'));
  if (round && question.companies.length === 1) {
    const letter = (round[1] ?? round[2])!.toUpperCase();
    const held = index.docs.some(
      (d) =>
        d.kind === 'fact' &&
        d.companies[0] === question.companies[0] &&
        new RegExp(`series ${letter}\\b|${letter}轮`, 'i').test(`${d.lead.en} ${d.lead.zh}`),
    );
    if (!held) return refuse('low_score', unknown, companyCards(index, question));
  }
  // "Jasper: round size, valuation, 2022 revenue?": one company, several of its facts.
  const asksFacts = kind === 'figure' || kind === 'lookup';
  const attributes = asksFacts && question.companies.length === 1 ? companyAttributes(index, question, question.companies[0]!) : [];
  if (attributes.length >= 2) return answered(attributes.map((d) => docLine(d)));

  const hits = preferArgument(kind, ranked(kb, index, question, kind, segments, limit));
  if (!hits[0] || hits[0].score < MIN_SCORE) return refuse('low_score', unknown, hits.length ? hits : companyCards(index, question));

  return answered(rankedLines(kb, index.docs, hits), hits, true);
}

/** The same record, or the same figure stated on two records. */
function sameRecord(a: SearchDoc, b: SearchDoc): boolean {
  return a.id === b.id || (a.figureId !== undefined && a.figureId === b.figureId) || a.lead.en === b.lead.en;
}

/** "Which apps are built on Stable Diffusion", "哪些公司基于GPT-3". */
const BUILT_ON = /\b(built on|build on|based on|runs? on|running on|powered by|uses?|using)\b|基于|用的是|用了|跑在|建立在/iu;

/** A funding round named by its letter: "Series D", "D轮". */
const ROUND = /\bseries ([a-h])\b|(?<![a-z])([a-h])\s?轮/iu;

const EACH = /\b(each|both|respectively|either of them)\b|分别|各自|两家|俩/iu;

/** Two of the named companies joined by "and", "&", "vs", "和", "跟": the question is about each, not about one through the other. */
function coordinated(kb: KnowledgeBase, text: string, companies: readonly string[]): boolean {
  if (companies.length < 2) return false;
  const lower = text.normalize('NFKC').toLowerCase();
  const names = (id: string) => {
    const c = kb.company(id)!;
    return [c.name, ...c.aliases.en, ...c.aliases.zh].map((n) => n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  };
  const joiner = '\\s*(?:and|&|,|/|vs\\.?|versus|or|和|跟|与|及|以及|还有|、|，)\\s*';
  return companies.some((a) =>
    companies.some((b) => a !== b && new RegExp(`(?:${names(a)})(?:['’]s)?${joiner}(?:${names(b)})`, 'u').test(lower)),
  );
}

/**
 * Whether an unknown word stands where a company's name would: "acme's valuation", "did acme
 * raise", "how much is acme worth", "acme的估值", "acme融了多少".
 */
function namedAsCompany(text: string, word: string): boolean {
  const lower = text.normalize('NFKC').toLowerCase();
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `${w}['’]s\\b|\\b(?:did|does|has|is|was|of|about|for|at)\\s+${w}\\b|\\b${w}\\s+(?:raised?|worth|valued|valuation|revenue|make|makes|earn|earns|founded|backed)\\b|${w}\\s*(?:的|融|估值|营收|收入|成立)`,
    'u',
  ).test(lower);
}

/** The groups a "which companies" question asks for: named ones, a named layer's, or a named company's peers. */
function namedGroups(kb: KnowledgeBase, question: AnalysedQuestion, segments: SegmentMatch[]): SegmentMatch[] {
  // A question that names a company asks about it ("who makes NVIDIA's GPUs?"), unless it asks for
  // its rivals or for others "besides" it.
  const challengers = CHALLENGING.test(question.canonical);
  const peers = challengers || RIVALS.test(question.canonical) || EXCEPT.test(question.canonical);
  if (question.companies.length && !peers) return [];
  if (segments.length) return segments;
  // "Who competes with NVIDIA": its peers. "Who's challenging AWS/GCP/Azure": the group beside theirs, where there is one.
  const theirs = [...new Set(question.companies.map((id) => kb.segmentOf(kb.company(id)!)?.id).filter((id): id is string => Boolean(id)))];
  if (theirs.length === 1 && peers) {
    const company = kb.company(question.companies[0]!)!;
    const own = { layer: kb.layer(company.layer), segment: kb.segmentOf(company)! };
    const beside = challengers ? complementOf(kb, own.segment.id) : undefined;
    return [beside ?? own];
  }
  if (question.companies.length === 0 && question.layers.length === 1) {
    const layer = kb.layer(question.layers[0] as 'apps' | 'models' | 'infra');
    return layer.segments.map((segment) => ({ layer, segment }));
  }
  return [];
}

function dedupe(lines: AnswerLine[]): AnswerLine[] {
  return lines.filter((l, i) => lines.findIndex((o) => o.lead.en === l.lead.en) === i);
}
