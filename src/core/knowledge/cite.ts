// Turns a record's source into the citation a reply shows: section, vintage, opinion or not.
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { Citation } from '../reply.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Source } from './schema.js';

export function cite(kb: KnowledgeBase, source: Source, lang: Lang): Citation {
  const section = kb.section(source.section);
  return {
    section: section.id,
    label: `§${section.number} ${section.title[lang]}`,
    vintage: vintageLabel(source.vintage, lang),
    opinion: source.kind === 'opinion',
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-01" -> "Jan 2023" / "2023年1月" */
export function vintageLabel(vintage: string, lang: Lang): string {
  const [year, month] = vintage.split('-').map(Number) as [number, number];
  if (lang === 'zh') return `${year}年${month}月`;
  return `${MONTHS[month - 1] ?? month} ${year}`;
}

/** The short form shown beside a figure: "§6, Jan 2023". */
export function shortCite(kb: KnowledgeBase, source: Source, lang: Lang): string {
  const section = kb.section(source.section);
  const kind = source.kind === 'opinion' ? `, ${t(lang, 'opinion')}` : source.kind === 'estimate' ? `, ${t(lang, 'estimate')}` : '';
  return `§${section.number}, ${vintageLabel(source.vintage, lang)}${kind}`;
}

/** One citation per section, in the order first cited; a section is marked opinion if any use of it is. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const bySection = new Map<string, Citation>();
  for (const c of citations) {
    const seen = bySection.get(c.section);
    bySection.set(c.section, seen ? { ...seen, opinion: seen.opinion || c.opinion } : c);
  }
  return [...bySection.values()];
}
