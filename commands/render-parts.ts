// Pieces of replies that several knowledge commands share: figure lines, company facts, opinion labels.
import type { Lang } from '../src/core/i18n/lang.js';
import { t } from '../src/core/i18n/strings.js';
import { cite, opinionLabel, shortCite } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Bilingual, Company, Figure, Source } from '../src/core/knowledge/schema.js';
import type { Citation, KeyFigure } from '../src/core/reply.js';

/** A sentence from the knowledge base, labelled when the essay argues rather than reports it. */
export function sourced(text: Bilingual, source: Source, lang: Lang): string {
  if (source.kind === 'background') return `${t(lang, 'backgroundLabel')}: ${text[lang]}`;
  return source.kind === 'opinion' ? `${opinionLabel(source, lang)}: ${text[lang]}` : text[lang];
}

export function figureLine(kb: KnowledgeBase, figure: Figure, lang: Lang): KeyFigure {
  return { label: figure.label[lang], value: figure.display[lang], cite: shortCite(kb, figure.source, lang) };
}

export function companyFacts(kb: KnowledgeBase, company: Company, lang: Lang): KeyFigure[] {
  return company.facts.map((fact) => ({
    label: fact.label[lang],
    // The date is shown unless the value already says it ("$90M for full-year 2022").
    value: fact.date && !fact.value[lang].includes(fact.date.slice(0, 4)) ? `${fact.value[lang]} (${fact.date})` : fact.value[lang],
    cite: shortCite(kb, fact.source, lang),
  }));
}

/** Every citation behind a company card. */
export function companyCitations(kb: KnowledgeBase, company: Company, lang: Lang): Citation[] {
  return [company.source, ...company.facts.map((f) => f.source), ...company.moats.map((m) => m.source)].map((s) => cite(kb, s, lang));
}

/** "Infrastructure › Hardware" */
export function placeInStack(kb: KnowledgeBase, company: Company, lang: Lang): string {
  const layer = kb.layer(company.layer);
  const segment = kb.segmentOf(company);
  return segment ? `${layer.name[lang]} › ${segment.name[lang]}` : layer.name[lang];
}

export function companyNames(kb: KnowledgeBase, ids: readonly string[]): string {
  return ids.map((id) => kb.company(id)?.name ?? id).join(', ');
}
