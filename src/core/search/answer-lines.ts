// The lines an answer is made of, each a sentence from the knowledge base with its source: the
// answer itself first (one line, or one per part of the question or per company compared), then
// records that add to it. Built from structured records where the question asks for them (the
// members of a group, a side-by-side), from ranked documents otherwise.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Bilingual, Source } from '../knowledge/schema.js';
import type { SegmentMatch } from './concepts.js';
import type { SearchDoc } from './documents.js';

export interface AnswerLine {
  lead: Bilingual;
  source: Source;
  /** The figure the line states, for the reply's key figures. */
  figureId?: string;
  /** A command that shows more. */
  more?: string;
  /** Part of the answer, or a record that adds to it. */
  role: 'answer' | 'related';
}

export interface Hit {
  doc: SearchDoc;
  score: number;
}

const line = (doc: SearchDoc, role: AnswerLine['role']): AnswerLine => ({
  lead: doc.lead,
  source: doc.source,
  ...(doc.figureId ? { figureId: doc.figureId } : {}),
  ...(doc.more ? { more: doc.more } : {}),
  role,
});

/** The best match, then up to two records that add something to it. */
export function rankedLines(kb: KnowledgeBase, docs: readonly SearchDoc[], hits: Hit[]): AnswerLine[] {
  const [top, ...rest] = hits as [Hit, ...Hit[]];
  const supporting = rest
    .filter((h) => h.score >= top.score * 0.35 && h.doc.lead.en !== top.doc.lead.en)
    // The same figure stated on several cards (the Big 3's capex on each cloud) is said once.
    .filter((h) => !h.doc.figureId || h.doc.figureId !== top.doc.figureId)
    .filter(
      (h, i, all) => all.findIndex((o) => o.doc.lead.en === h.doc.lead.en || (h.doc.figureId && o.doc.figureId === h.doc.figureId)) === i,
    )
    .slice(0, 2);
  // A single fact about a company reads better with a line on what the company is.
  const card = top.doc.kind === 'fact' ? kb.company(top.doc.companies[0] ?? '') : undefined;
  if (card && !supporting.some((h) => h.doc.id === `company:${card.id}`)) {
    const cardDoc = docs.find((d) => d.id === `company:${card.id}`);
    if (cardDoc) supporting.splice(1, 1, { doc: cardDoc, score: 0 });
  }
  return [line(top.doc, 'answer'), ...supporting.map((h) => line(h.doc, 'related'))];
}

/** "Which companies…": the members of each group the question names, each with the essay's one line on it. */
export function memberLines(kb: KnowledgeBase, groups: readonly SegmentMatch[], except: readonly string[] = []): AnswerLine[] {
  return groups.flatMap(({ layer, segment }) => {
    const members = segment.companies.filter((id) => !except.includes(id)).map((id) => kb.company(id)!);
    if (!members.length) return [];
    const list = (lang: 'en' | 'zh') => members.map((c) => `${c.name} (${c.oneLine[lang].replace(/[.。]$/, '')})`);
    return [
      {
        lead: {
          en: `${segment.name.en} in the essay: ${list('en').join('; ')}.`,
          zh: `文中的${segment.name.zh}:${list('zh').join(';')}。`,
        },
        source: layer.source,
        more: `/layer ${layer.id}`,
        role: 'answer' as const,
      },
    ];
  });
}

/** A line for each thing compared or asked about in turn, from its own best record. */
export function eachLines(perSubject: readonly (SearchDoc | undefined)[]): AnswerLine[] {
  return perSubject.filter((d): d is SearchDoc => Boolean(d)).map((d) => line(d, 'answer'));
}

export function docLine(doc: SearchDoc, role: AnswerLine['role'] = 'answer'): AnswerLine {
  return line(doc, role);
}
