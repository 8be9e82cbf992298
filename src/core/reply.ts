// The platform-neutral answer every command returns. Adapters render it natively (Block Kit,
// embeds, terminal text) and are responsible for their platform's size limits.
import type { Lang } from './i18n/lang.js';
import type { SectionId, Source } from './knowledge/schema.js';

export interface KeyFigure {
  label: string;
  value: string;
  /** Short citation shown beside the value, e.g. "§6, Jan 2023". */
  cite?: string;
}

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Citation {
  section: SectionId;
  /** "§6 Infrastructure vendors touch everything and reap the rewards" */
  label: string;
  /** "Jan 2023" / "2023年1月" */
  vintage: string;
  /** The reply states some of what it takes from this section as the essay's opinion. */
  opinion: boolean;
  /**
   * Who wrote the section: a16z, or the Chinese translator (the preface and the appendix); or
   * `background` for what neither text states, which is never cited to a section.
   */
  by: 'a16z' | 'translator' | 'background';
  /** The section's paragraphs cited, counted from 1, when the records say. */
  paragraphs?: number[];
}

export interface Chart {
  /** What the chart shows, in words (alt text, and the caption where images are not shown). */
  alt: string;
  /** The same data as labelled bars, for places that draw text (the terminal). */
  bars: { label: string; value: number; display: string }[];
  /**
   * The drawing, when the platform shows images and the command was asked for one. Commands only
   * draw it (a string, well under a millisecond); rasterising it to PNG takes tens of milliseconds
   * of CPU, so adapters do that off the event loop (core/chart/chart-renderer.ts) after the answer
   * has gone out.
   */
  svg?: string;
}

export type ReplyKind = 'answer' | 'usage' | 'error';

export interface Reply {
  kind: ReplyKind;
  lang: Lang;
  title: string;
  body: string[];
  figures: KeyFigure[];
  table?: Table;
  sources: Citation[];
  chart?: Chart;
  /** Shown only to the person who asked. User errors always are. */
  ephemeral: boolean;
  /** Commands worth trying next, written as the user would type them. */
  suggestions: string[];
  /** The structured result behind the reply (a digest), for `--json` and other programs. */
  data?: unknown;
}

export function reply(lang: Lang, title: string, parts: Partial<Omit<Reply, 'lang' | 'title'>> = {}): Reply {
  return {
    kind: 'answer',
    ephemeral: false,
    body: [],
    figures: [],
    sources: [],
    suggestions: [],
    ...parts,
    lang,
    title,
  };
}

export type { Source };
