// Ranking the knowledge base's documents for a question: how much each kind of record is worth for
// the kind of answer wanted, the boosts for what the question names, and the best record about one
// company or layer. retrieve.ts decides what shape of answer to give; this decides which records.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Hit } from './answer-lines.js';
import type { SegmentMatch } from './concepts.js';
import type { SearchDoc } from './documents.js';
import type { AnswerKind } from './intent.js';
import type { AnalysedQuestion } from './question.js';
import type { SearchIndex } from './search-index.js';
import { terms } from './terms.js';

/** How much each kind of document is worth, by the kind of answer wanted. */
const WEIGHTS: Record<AnswerKind, Partial<Record<SearchDoc['kind'], number>>> = {
  lookup: {},
  figure: { figure: 1.5, fact: 1.4, note: 0.7 },
  names: { segment: 2, company: 2.2, fact: 1.1, thesis: 1.2, figure: 0.6 },
  reason: {
    thesis: 2,
    note: 1.5,
    durability: 1.6,
    economics: 1.4,
    question: 1.4,
    moat_evidence: 1.1,
    figure: 0.45,
    fact: 0.5,
    company: 0.6,
  },
  definition: { moat: 2, layer: 1.8, segment: 1.6, layer_list: 1.4, moat_list: 1.3, company: 2, figure: 0.5, fact: 0.6 },
  compare: {},
};

const BASE_WEIGHT: Record<SearchDoc['kind'], number> = {
  figure: 1.3,
  fact: 1.2,
  company: 0.6,
  moat: 1.1,
  moat_list: 1.1,
  moat_evidence: 1.0,
  durability: 1.1,
  thesis: 1.0,
  layer: 0.9,
  segment: 0.8,
  economics: 0.9,
  question: 0.9,
  note: 0.7,
  layer_list: 1.0,
  moat_summary: 1.1,
  question_list: 1.0,
};

/** Questions about a company's attributes: without a company the essay names, they are about another one. */
export const COMPANY_ATTRIBUTE =
  /\b(raised?|raising|funding|investment|valuation|valued|worth|revenue|founded|released|params|parameters|investors?|backers?|customers?|users?|commercial)\b|融资|投资|估值|营收|收入|成立|发布|参数|投资人|用户|盈利|商业化/iu;

/** Within this share of the best match, the essay's own argument answers a "why" before a paragraph does. */
const ARGUMENT_SHARE = 0.6;

/** "Why…", "how will…": lead with the essay's argument (its opinion) when one answers nearly as well. */
export function preferArgument(kind: AnswerKind, hits: Hit[]): Hit[] {
  const top = hits[0];
  if (kind !== 'reason' || !top || top.doc.source.kind === 'opinion') return hits;
  const argument = hits.find((h) => h.doc.source.kind === 'opinion' && h.score >= top.score * ARGUMENT_SHARE);
  return argument ? [argument, ...hits.filter((h) => h !== argument)] : hits;
}

const CREDITS =
  /\b(author|translat(?:ed|ors?|ion)|published|original (?:essay|article|piece|post)|preface|editor(?:'s)?|intro(?:duction)? by|where (?:do|did) (?:the )?(?:numbers|figures) come from)\b|作者|译者|翻译|原文|转载|出处|编者|前言|哪家机构|谁给的|哪来的|来源/u;

/** Documents ranked for the question, weighted by the kind of answer it wants and what it names. */
export function ranked(
  kb: KnowledgeBase,
  index: SearchIndex,
  question: AnalysedQuestion,
  kind: AnswerKind,
  segments: SegmentMatch[],
  limit: number,
): Hit[] {
  // Each content word with the pieces the index may have matched it by, worked out once per question.
  const contentPieces = question.content.map((word) => [word, ...terms(word)]);
  const answers = (pieces: readonly string[], matched: string[]) => pieces.some((t) => matched.includes(t));
  const named = new Set(question.companies);
  const ownAttribute = named.size > 0 && COMPANY_ATTRIBUTE.test(question.canonical);
  const layers = new Set(question.layers);
  const groups = new Set(segments.map((s) => s.segment.id));
  const asksMoat = question.terms.includes('moat') || question.terms.includes('护城河');
  const asksDurability = asksMoat && (question.terms.includes('durable') || question.terms.includes('持久'));
  // "Who wrote it?", "译者是谁": the preface is where the knowledge base says who wrote and translated the essay.
  const asksCredits = CREDITS.test(question.canonical);
  const asksAppendix = /\b(appendix|numbers|figures)\b|附录|数字|数据/u.test(question.canonical);
  const weights = WEIGHTS[kind];
  const coverage = (matched: string[]) =>
    contentPieces.length === 0 ? 1 : 0.5 + contentPieces.filter((pieces) => answers(pieces, matched)).length / contentPieces.length;
  return (
    index
      .search(question.terms, (doc) => {
        let boost = BASE_WEIGHT[doc.kind] * (weights[doc.kind] ?? 1);
        if (kind === 'reason' && doc.source.kind === 'opinion') boost *= 1.3;
        if (named.size) boost *= doc.companies.some((c) => named.has(c)) ? 3 : doc.companies.length ? 0.4 : 0.8;
        // "Are app startups making money?" asks about the group, not about one of its companies.
        else if ((layers.size || groups.size) && doc.kind === 'fact') boost *= 0.5;
        if (question.wantsNumber && kind !== 'reason' && (doc.kind === 'figure' || doc.kind === 'fact')) boost *= 1.5;
        if (question.wantsShare && doc.figureId && kb.figure(doc.figureId)?.unit === 'percent') boost *= 1.5;
        if (question.wantsList && doc.kind.endsWith('_list')) boost *= 2.5;
        if (layers.size && doc.layers.length) boost *= doc.layers.some((l) => layers.has(l)) ? 2 : 0.5;
        if (groups.size && doc.kind === 'segment') boost *= groups.has(doc.id.split(':')[2]!) ? 2 : 0.7;
        // "Are there real moats?" asks for the verdict; "does OpenAI have a moat?" for its summary.
        if (asksMoat && doc.kind === (named.size ? 'moat_summary' : 'durability')) boost *= 2;
        if (asksDurability && doc.kind === 'durability') boost *= 2.5;
        // The preface says who wrote and translated the essay; the appendix's note, whose its figures are.
        if (asksCredits && doc.source.section === 'preface') boost *= 8;
        if (asksCredits && asksAppendix && doc.kind === 'note' && doc.source.section === 'appendix') boost *= 8;
        return boost;
      })
      // A document that only matched the company's name does not answer a question about something else.
      .filter((h) => contentPieces.length === 0 || contentPieces.some((pieces) => answers(pieces, h.matched)))
      // An attribute of a named company ("Anthropic's revenue") is answered from that company's records
      // or not at all: another company's figure, or the market's, is not the answer.
      .filter((h) => !ownAttribute || h.doc.companies.some((c) => named.has(c)))
      // Coordination: a document that answers more of the question's words beats one that repeats a few.
      .map((h) => ({ ...h, score: h.score * coverage(h.matched) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ doc, score }) => ({ doc, score }))
  );
}

/** The best record about one company (or layer) for what the question asks; its card when nothing fits. */
export function bestFor(
  index: SearchIndex,
  question: AnalysedQuestion,
  kind: AnswerKind,
  subject: { company: string } | { layer: string },
): SearchDoc | undefined {
  const about = (doc: SearchDoc) => ('company' in subject ? doc.companies.includes(subject.company) : doc.layers.includes(subject.layer));
  // Compared by name alone ("Jasper vs Runway"), each side is its card; compared on something ("the
  // way they offer their models"), each side is its record about that.
  const weights = WEIGHTS[kind === 'compare' ? (question.content.length ? 'lookup' : 'definition') : kind];
  // Content words with their pieces: ICU glues "估值高" together, the index holds "估值".
  const words = question.content.length ? [...new Set(question.content.flatMap((w) => [w, ...terms(w)]))] : question.terms;
  const hit = index
    .search(words, (doc) =>
      about(doc) && (doc.companies.length <= 1 || !('company' in subject)) ? BASE_WEIGHT[doc.kind] * (weights[doc.kind] ?? 1) : 0.0001,
    )
    .find((h) => about(h.doc));
  if (hit && hit.score >= 1) return hit.doc;
  const id = 'company' in subject ? `company:${subject.company}` : `layer:${subject.layer}`;
  return index.docs.find((d) => d.id === id);
}

/**
 * The company's facts that answer different words of the question, best first, each adding a word
 * the ones before did not answer ("round size", "valuation", "revenue"): at most four.
 */
export function companyAttributes(index: SearchIndex, question: AnalysedQuestion, company: string): SearchDoc[] {
  if (question.content.length < 2) return [];
  const pieces = question.content.map((word) => [word, ...terms(word)]);
  const facts = index
    .search(question.content, (doc) => (doc.kind === 'fact' && doc.companies[0] === company ? 1 : 0))
    .filter((h) => h.score > 0 && h.doc.kind === 'fact' && h.doc.companies[0] === company);
  const answered = new Set<number>();
  const chosen: SearchDoc[] = [];
  for (const hit of facts) {
    const adds = pieces.map((p, i) => (!answered.has(i) && p.some((t) => hit.matched.includes(t)) ? i : -1)).filter((i) => i >= 0);
    if (!adds.length) continue;
    for (const i of adds) answered.add(i);
    chosen.push(hit.doc);
    if (chosen.length === 4) break;
  }
  return chosen;
}

/** A company's facts, at most four, in the knowledge base's order. */
export function companyFacts(index: SearchIndex, company: string): SearchDoc[] {
  return index.docs.filter((d) => d.kind === 'fact' && d.companies[0] === company).slice(0, 4);
}

export function companyCards(index: SearchIndex, q: AnalysedQuestion): Hit[] {
  return q.companies.flatMap((id) => {
    const doc = index.docs.find((d) => d.id === `company:${id}`);
    return doc ? [{ doc, score: Number.POSITIVE_INFINITY }] : [];
  });
}
