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
  // A single fact about a company (or one company's own figure) reads better with a line on what
  // the company is.
  const aboutOne = top.doc.kind === 'fact' || (top.doc.kind === 'figure' && top.doc.companies.length === 1);
  const card = aboutOne ? kb.company(top.doc.companies[0] ?? '') : undefined;
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

/** A company's record of the model it runs on ("Underlying model: Stable Diffusion"). */
const UNDERLYING = /^(underlying|core|base) model/i;

/**
 * "Which apps are built on Stable Diffusion?": the companies whose underlying model is one of those
 * named, each with the record that says so. Empty when the knowledge base records none.
 */
export function builtOnLines(kb: KnowledgeBase, modelIds: readonly string[]): AnswerLine[] {
  const models = modelIds.map((id) => kb.company(id)!);
  const names = (c: (typeof models)[number]) => [c.name, ...c.aliases.en].map((n) => n.toLowerCase());
  const users = kb.companies.flatMap((company) =>
    company.facts
      .filter((f) => UNDERLYING.test(f.label.en) && models.some((m) => names(m).some((n) => f.value.en.toLowerCase().includes(n))))
      .map((fact) => ({ company, fact })),
  );
  if (!users.length) return [];
  const list = (lang: 'en' | 'zh') => users.map(({ company, fact }) => `${company.name} (${fact.label[lang]}: ${fact.value[lang]})`);
  const subject = models.map((m) => m.name).join(', ');
  return [
    {
      lead: {
        en: `Built on ${subject}, per the knowledge base: ${list('en').join('; ')}.`,
        zh: `基于${subject}的公司:${list('zh').join(';')}。`,
      },
      source: users[0]!.fact.source,
      role: 'answer',
    },
  ];
}

/**
 * The essay in brief: its headline on the stack as a whole, on apps and on models (its three
 * observations, the headings of §2, §4 and §5), and its conclusion on moats: the first thesis the
 * knowledge base holds for each of those sections.
 */
const SUMMARY_SECTIONS = ['intro', 'apps', 'models', 'value'];

/** "tl;dr?": one thesis for each section of the essay's argument, in the essay's order. */
export function summaryLines(kb: KnowledgeBase): AnswerLine[] {
  return SUMMARY_SECTIONS.flatMap((section) => kb.theses.find((t) => t.source.section === section) ?? []).map((t) => ({
    lead: t.statement,
    source: t.source,
    more: '/brief theses',
    role: 'answer' as const,
  }));
}
