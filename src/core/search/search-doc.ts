// One searchable record: the words that find it and the sentence that answers with it.
import type { Bilingual, Source } from '../knowledge/schema.js';

export type DocKind =
  | 'figure'
  | 'company'
  | 'fact'
  | 'moat'
  | 'moat_list'
  | 'moat_evidence'
  | 'moat_summary'
  | 'durability'
  | 'thesis'
  | 'layer'
  | 'segment'
  | 'economics'
  | 'question'
  | 'question_list'
  | 'layer_list'
  | 'note';

export interface SearchDoc {
  id: string;
  kind: DocKind;
  /** Words that name the subject (labels, names, aliases): weighted above body text. */
  title: string;
  text: string;
  /** Company ids the document is about, for boosting when a question names one. */
  companies: string[];
  /** Layer ids the document is about, likewise. */
  layers: string[];
  /** The answer this document gives, in both languages. */
  lead: Bilingual;
  source: Source;
  /** The figure a figure or fact states, for the reply's key figures. */
  figureId?: string;
  /** A command that shows more, e.g. "/company jasper". */
  more?: string;
}

/** Both languages of a text as one searchable string. */
export const both = (b: Bilingual) => `${b.en} ${b.zh}`;
export const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
