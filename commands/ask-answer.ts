// /ask's answer, rendered from the lines retrieval found: the direct answer first (one line, or one
// per part asked), then records that add to it, then the sources; "not covered", with the reason,
// rather than a guess.
import { clip } from '../src/core/i18n/format.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { t } from '../src/core/i18n/strings.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import { type Reply, reply } from '../src/core/reply.js';
import type { AnswerLine } from '../src/core/search/answer-lines.js';
import type { AnswerWriter } from '../src/core/search/answer-writer.js';
import { type Retrieval, retrieve } from '../src/core/search/retrieve.js';
import { figureLine, sourced } from './render-parts.js';

export async function answerQuestion(kb: KnowledgeBase, question: string, lang: Lang, answerWriter?: AnswerWriter): Promise<Reply> {
  const found = retrieve(kb, question);
  if (!found.covered) return notCovered(kb, found, lang);
  const answer = composeAnswer(kb, found.lines, question, lang);
  // A model may word an answer drawn from ranked records; lists and side-by-sides stay as built.
  if (!answerWriter || !found.ranked) return answer;
  const written = await answerWriter.write({ question, lang, hits: found.hits, kb });
  return written ? { ...answer, body: [written, ...answer.body.slice(1)] } : answer;
}

export function composeAnswer(kb: KnowledgeBase, lines: AnswerLine[], question: string, lang: Lang): Reply {
  const figure = lines.map((l) => (l.figureId ? kb.figure(l.figureId) : undefined)).find(Boolean);
  return reply(lang, clip(question, 100), {
    body: lines.map((l) =>
      l.role === 'answer' ? sourced(l.lead, l.source, lang) : `${t(lang, 'related')}: ${sourced(l.lead, l.source, lang)}`,
    ),
    figures: figure ? [figureLine(kb, figure, lang)] : [],
    sources: uniqueCitations(lines.map((l) => cite(kb, l.source, lang))),
    suggestions: [...new Set(lines.flatMap((l) => (l.more ? [l.more] : [])))].slice(0, 3),
  });
}

const REFUSAL_WORDING = {
  injection: 'askInjection',
  other_language: 'askOtherLanguage',
  out_of_vintage: 'askOutOfVintage',
  outside_names: 'askOutsideNames',
  outside_topic: 'askOutsideTopic',
  empty: 'askNotCovered',
  unknown_terms: 'askNotCovered',
  low_score: 'askNotCovered',
} as const;

function notCovered(kb: KnowledgeBase, found: Extract<Retrieval, { covered: false }>, lang: Lang): Reply {
  const why = t(lang, REFUSAL_WORDING[found.reason]);
  const named = found.question.companies.map((id) => kb.company(id)!).filter(Boolean);
  const body = [why];
  if (named.length) body.push(`${t(lang, 'askKnowsAbout')}: ${named.map((c) => `/company ${c.name}`).join('  ·  ')}`);
  const shown = ['outside_names', 'outside_topic', 'unknown_terms'].includes(found.reason) ? found.words.slice(0, 5) : [];
  if (shown.length) body.push(`${t(lang, 'askUnknownTerms')}: ${shown.map((w) => `“${clip(w, 30)}”`).join(', ')}`);
  return reply(lang, t(lang, 'askNotCoveredTitle'), {
    body,
    suggestions: [...named.map((c) => `/company ${c.name}`), '/brief', '/help'].slice(0, 3),
    sources: [],
  });
}
