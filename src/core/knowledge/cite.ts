// Turns a record's source into the citation a reply shows: section, vintage, opinion or not.
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { Citation } from '../reply.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { SectionId, Source } from './schema.js';

/**
 * The Chinese translation adds a preface and an appendix of company figures that a16z did not
 * write. Whoever cites them must be able to tell, so every citation says who wrote its section.
 */
const TRANSLATOR_SECTIONS: Partial<Record<SectionId, 'prefaceNote' | 'appendixNote'>> = {
  preface: 'prefaceNote',
  appendix: 'appendixNote',
};

export function writtenBy(section: SectionId): Citation['by'] {
  return TRANSLATOR_SECTIONS[section] ? 'translator' : 'a16z';
}

export function cite(kb: KnowledgeBase, source: Source, lang: Lang): Citation {
  const section = kb.section(source.section);
  if (source.kind === 'background') {
    return {
      section: section.id,
      label: t(lang, 'backgroundSource'),
      vintage: vintageLabel(source.vintage, lang),
      opinion: false,
      by: 'background',
    };
  }
  return {
    section: section.id,
    label: `§${section.number} ${section.title[lang]}`,
    vintage: vintageLabel(source.vintage, lang),
    opinion: source.kind === 'opinion',
    by: writtenBy(section.id),
    ...(source.paragraphs ? { paragraphs: source.paragraphs } : {}),
  };
}

/**
 * Paragraph marks worth printing: "¶4" or "¶2, ¶4". Beyond three a reader is better served by the
 * section alone, so none are shown.
 */
const MAX_PARAGRAPHS_SHOWN = 3;
function paragraphMarks(paragraphs: readonly number[] | undefined): string {
  if (!paragraphs?.length || paragraphs.length > MAX_PARAGRAPHS_SHOWN) return '';
  return ` ${paragraphs.map((p) => `¶${p}`).join(', ')}`;
}

/** "Opinion (a16z)", or the translator's preface when the opinion is the editor's. */
export function opinionLabel(source: Source, lang: Lang): string {
  return t(lang, writtenBy(source.section) === 'translator' ? 'editorOpinionLabel' : 'opinionLabel');
}

/**
 * The sources of a reply as lines: one for a16z's essay, one for the translator's additions, so no
 * renderer can credit the preface or the appendix to a16z.
 */
export function sourcesLines(sources: readonly Citation[], lang: Lang): string[] {
  const listed = (by: Citation['by']) =>
    sources
      .filter((s) => s.by === by)
      .map((s) => `${s.label}${paragraphMarks(s.paragraphs)} (${s.vintage}${s.opinion ? `, ${t(lang, 'inclOpinion')}` : ''})`)
      .join('; ');
  const lines: string[] = [];
  const essay = listed('a16z');
  const translator = listed('translator');
  if (essay) lines.push(`${t(lang, 'sources')}: ${t(lang, 'essay')}: ${essay}`);
  if (translator) lines.push(`${essay ? t(lang, 'alsoSources') : t(lang, 'sources')}: ${t(lang, 'translatorWork')}: ${translator}`);
  if (sources.some((s) => s.by === 'background')) lines.push(`${t(lang, 'alsoSources')}: ${t(lang, 'backgroundSource')}`);
  return lines;
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
  if (source.kind === 'background') return t(lang, 'backgroundSource');
  const section = kb.section(source.section);
  const kind = source.kind === 'opinion' ? `, ${t(lang, 'opinion')}` : source.kind === 'estimate' ? `, ${t(lang, 'estimate')}` : '';
  const note = TRANSLATOR_SECTIONS[section.id];
  const by = note ? ` ${t(lang, note)}` : '';
  return `§${section.number}${paragraphMarks(source.paragraphs)}${by}, ${vintageLabel(source.vintage, lang)}${kind}`;
}

/**
 * One citation per section, in the order first cited; a section is marked opinion if any use of it
 * is. Background stays apart from the section it is filed under: it is not that section's text.
 */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const bySection = new Map<string, Citation>();
  for (const c of citations) {
    const key = c.by === 'background' ? 'background' : c.section;
    const seen = bySection.get(key);
    bySection.set(key, seen ? { ...seen, opinion: seen.opinion || c.opinion, paragraphs: mergedParagraphs(seen, c) } : c);
  }
  return [...bySection.values()];
}

/** Two citations of one section name the paragraphs of both, or none when either cites it whole. */
function mergedParagraphs(a: Citation, b: Citation): number[] | undefined {
  if (!a.paragraphs || !b.paragraphs) return undefined;
  return [...new Set([...a.paragraphs, ...b.paragraphs])].sort((x, y) => x - y);
}
