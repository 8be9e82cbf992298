// Question -> ranked knowledge-base documents, or a reasoned refusal. Refusing is part of being
// right: a question about things the essay does not cover must not get the nearest-sounding figure.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SearchDoc } from './documents.js';
import { analyseQuestion, type AnalysedQuestion } from './question.js';
import { searchIndex } from './search-index.js';
import { terms } from './terms.js';

export interface Hit {
  doc: SearchDoc;
  score: number;
}

export type NotCoveredReason =
  | 'empty'
  | 'injection'
  | 'out_of_vintage'
  | 'outside_names'
  | 'other_language'
  | 'unknown_terms'
  | 'low_score';

export type Retrieval =
  | { covered: true; question: AnalysedQuestion; hits: Hit[] }
  | { covered: false; question: AnalysedQuestion; reason: NotCoveredReason; unknown: string[]; hits: Hit[] };

/** Below this BM25 score (after boosts) the best match is a coincidence of words, not an answer. */
export const MIN_SCORE = 4;

const KIND_WEIGHT: Record<SearchDoc['kind'], number> = {
  figure: 1.3,
  fact: 1.2,
  company: 1.0,
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

/** A content word is answered when the document matched it, or (for Chinese) one of its pieces. */
function answers(pieces: readonly string[], matched: string[]): boolean {
  return pieces.some((t) => matched.includes(t));
}

export function retrieve(kb: KnowledgeBase, text: string, limit = 5): Retrieval {
  const index = searchIndex(kb);
  const question = analyseQuestion(kb, text, index.knows);
  const unknown = question.content.filter((t) => !index.knows(t));
  const refuse = (reason: NotCoveredReason, hits: Hit[] = []): Retrieval => ({ covered: false, question, reason, unknown, hits });

  if (question.injection) return refuse('injection');
  if (question.otherLanguage) return refuse('other_language');
  if (question.outOfVintage) return refuse('out_of_vintage');
  if (question.outsideNames.length) return refuse('outside_names');
  if (question.content.length === 0 && question.companies.length === 0) return refuse('empty');
  // Half or more of what the question asks about is absent from the knowledge base: it is about
  // something else. When it names a company we know, only a question wholly about unknown things
  // ("who is Cohere's CEO?") is refused.
  const tooUnknown = question.companies.length ? unknown.length === question.content.length : unknown.length * 2 >= question.content.length;
  if (question.content.length > 0 && tooUnknown) return refuse('unknown_terms', companyCards(question));

  // A bare company name ("nvidia", "英伟达") asks for its card.
  if (question.content.length === 0) return { covered: true, question, hits: companyCards(question) };

  // Each content word with the pieces the index may have matched it by, worked out once per question.
  const contentPieces = question.content.map((word) => [word, ...terms(word)]);
  const named = new Set(question.companies);
  const layers = new Set(question.layers);
  const asksMoat = question.terms.includes('moat') || question.terms.includes('护城河');
  const asksDurability = asksMoat && (question.terms.includes('durable') || question.terms.includes('持久'));
  const hits = index
    .search(question.terms, (doc) => {
      let boost = KIND_WEIGHT[doc.kind];
      if (named.size) boost *= doc.companies.some((c) => named.has(c)) ? 3 : doc.companies.length ? 0.4 : 0.8;
      if (question.wantsNumber && (doc.kind === 'figure' || doc.kind === 'fact')) boost *= 1.5;
      if (question.wantsShare && doc.figureId && kb.figure(doc.figureId)?.unit === 'percent') boost *= 1.5;
      if (question.wantsList && doc.kind.endsWith('_list')) boost *= 2.5;
      if (layers.size && doc.layers.length) boost *= doc.layers.some((l) => layers.has(l)) ? 2 : 0.5;
      // "Are there real moats?" asks for the verdict; "does OpenAI have a moat?" for its summary.
      if (asksMoat && doc.kind === (named.size ? 'moat_summary' : 'durability')) boost *= 2;
      if (asksDurability && doc.kind === 'durability') boost *= 2.5;
      // The whole card answers "tell me about X"; a question about one attribute wants the fact.
      if (doc.kind === 'company') boost *= 0.6;
      return boost;
    })
    // A document that only matched the company's name does not answer a question about something else.
    .filter((h) => contentPieces.length === 0 || contentPieces.some((pieces) => answers(pieces, h.matched)))
    // Coordination: a document that answers more of the question's words beats one that repeats a few.
    .map((h) => ({ ...h, score: h.score * coverage(h.matched) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ doc, score }) => ({ doc, score }));
  if (!hits[0] || hits[0].score < MIN_SCORE) return refuse('low_score', hits);
  return { covered: true, question, hits };

  function coverage(matched: string[]): number {
    if (contentPieces.length === 0) return 1;
    return 0.5 + contentPieces.filter((pieces) => answers(pieces, matched)).length / contentPieces.length;
  }

  function companyCards(q: AnalysedQuestion): Hit[] {
    return q.companies.map((id) => ({ doc: index.docs.find((d) => d.id === `company:${id}`)!, score: Infinity }));
  }
}
