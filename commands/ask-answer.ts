// /ask's answer: retrieval over the knowledge base, the direct answer first, then one or two
// supporting facts, then the sources; "not covered", with the reason, rather than a guess.
import type { Lang } from '../src/core/i18n/lang.js';
import { clip } from '../src/core/i18n/format.js';
import { t } from '../src/core/i18n/strings.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import { reply, type Reply } from '../src/core/reply.js';
import type { AnswerWriter } from '../src/core/search/answer-writer.js';
import { retrieve, type Hit, type Retrieval } from '../src/core/search/retrieve.js';
import { searchIndex } from '../src/core/search/search-index.js';
import { figureLine, sourced } from './render-parts.js';

export async function answerQuestion(kb: KnowledgeBase, question: string, lang: Lang, answerWriter?: AnswerWriter): Promise<Reply> {
  const found = retrieve(kb, question);
  if (!found.covered) return notCovered(kb, found, lang);
  const answer = composeAnswer(kb, found.hits, question, lang);
  if (!answerWriter) return answer;
  const written = await answerWriter.write({ question, lang, hits: found.hits, kb });
  return written ? { ...answer, body: [written, ...answer.body.slice(1)] } : answer;
}

/** The direct answer from the best match, then up to two supporting records that add something. */
export function composeAnswer(kb: KnowledgeBase, hits: Hit[], question: string, lang: Lang): Reply {
  const [top, ...rest] = hits as [Hit, ...Hit[]];
  const supporting = rest
    .filter((h) => h.score >= top.score * 0.35 && h.doc.lead[lang] !== top.doc.lead[lang])
    // The same figure stated on several cards (the Big 3's capex on each cloud) is said once.
    .filter((h) => !h.doc.figureId || h.doc.figureId !== top.doc.figureId)
    .filter(
      (h, i, all) =>
        all.findIndex((o) => o.doc.lead[lang] === h.doc.lead[lang] || (h.doc.figureId && o.doc.figureId === h.doc.figureId)) === i,
    )
    .slice(0, 2);
  // A single fact about a company reads better with a line on what the company is.
  const card = top.doc.kind === 'fact' ? kb.company(top.doc.companies[0] ?? '') : undefined;
  if (card && !supporting.some((h) => h.doc.id === `company:${card.id}`)) {
    const cardHit = searchIndex(kb).docs.find((d) => d.id === `company:${card.id}`);
    if (cardHit) supporting.splice(1, 1, { doc: cardHit, score: 0 });
  }
  const used = [top, ...supporting];
  const figure = used.map((h) => (h.doc.figureId ? kb.figure(h.doc.figureId) : undefined)).find(Boolean);
  return reply(lang, clip(question, 100), {
    body: [
      sourced(top.doc.lead, top.doc.source, lang),
      ...supporting.map((h) => `${t(lang, 'related')}: ${sourced(h.doc.lead, h.doc.source, lang)}`),
    ],
    figures: figure ? [figureLine(kb, figure, lang)] : [],
    sources: uniqueCitations(used.map((h) => cite(kb, h.doc.source, lang))),
    suggestions: [...new Set(used.flatMap((h) => (h.doc.more ? [h.doc.more] : [])))].slice(0, 3),
  });
}

const REFUSAL_WORDING = {
  injection: 'askInjection',
  other_language: 'askOtherLanguage',
  out_of_vintage: 'askOutOfVintage',
  outside_names: 'askOutsideNames',
  empty: 'askNotCovered',
  unknown_terms: 'askNotCovered',
  low_score: 'askNotCovered',
} as const;

function notCovered(kb: KnowledgeBase, found: Extract<Retrieval, { covered: false }>, lang: Lang): Reply {
  const why = t(lang, REFUSAL_WORDING[found.reason]);
  const named = found.question.companies.map((id) => kb.company(id)!).filter(Boolean);
  const body = [why];
  if (named.length) body.push(`${t(lang, 'askKnowsAbout')}: ${named.map((c) => `/company ${c.name}`).join('  ·  ')}`);
  if (found.reason === 'outside_names')
    body.push(`${t(lang, 'askUnknownTerms')}: ${found.question.outsideNames.map((w) => `“${clip(w, 30)}”`).join(', ')}`);
  if (found.reason === 'unknown_terms' && found.unknown.length)
    body.push(
      `${t(lang, 'askUnknownTerms')}: ${found.unknown
        .slice(0, 5)
        .map((w) => `“${clip(w, 30)}”`)
        .join(', ')}`,
    );
  return reply(lang, t(lang, 'askNotCoveredTitle'), {
    body,
    suggestions: [...named.map((c) => `/company ${c.name}`), '/brief', '/help'].slice(0, 3),
    sources: [],
  });
}
