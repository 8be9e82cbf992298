// What a channel digest holds: the structured result of summarize(), which digestReply() words and
// `--json` prints as is. Plain data only (ISO dates, no Date objects), so it survives JSON.
import type { Lang } from '../i18n/lang.js';
import type { Figure, LayerId } from '../knowledge/schema.js';
import type { Citation } from '../reply.js';
import type { ChannelHistoryResult } from './message.js';
import type { Quantity } from './quantity-words.js';

/** Where a quoted item came from: enough to credit the person and link back. */
export interface MessageRef {
  author: string;
  messageId: string;
  /** ISO 8601. */
  at: string;
  link?: string;
}

export interface Participant {
  name: string;
  messages: number;
}

export interface LayerMention {
  id: LayerId;
  /** The layer's name in the digest's language. */
  name: string;
  /** Messages that name the layer, or a company in it. */
  mentions: number;
  /** Companies of this layer that came up, most mentioned first (ids). */
  companies: string[];
}

export interface CompanyMention {
  id: string;
  name: string;
  layer: LayerId;
  /** Messages that name the company, by any alias in either language. */
  mentions: number;
  /** The knowledge base's one-line card, in the digest's language. */
  oneLine: string;
}

/** The kinds of number people cite: the wording of the figure, not its unit. */
export type FigureKind = 'percent' | 'range' | 'money' | 'multiple' | 'params' | 'count';

/**
 * A cited number's unit as written, in the knowledge base's units (money covers usd and
 * usd_per_year); `amount` is a large number written without one ("290亿", "ten billion"), whose
 * unit the words around it give.
 */
export type CitedUnit = 'percent' | 'usd' | 'ratio' | 'params' | 'count' | 'amount';

export interface FigureVerdict {
  agrees: boolean;
  figureId: string;
  /** The knowledge base figure's label and value as the essay writes them, in the digest's language. */
  label: string;
  essay: string;
  /** "§6, Jan 2023" */
  cite: string;
  citation: Citation;
}

export interface CitedFigure extends MessageRef {
  /** The number as written: "60%", "$3.8B", "20-40%", "1亿美元", "90x". */
  text: string;
  kind: FigureKind;
  unit: CitedUnit;
  /** The value as a range; an open end ("more than 50%") is null. */
  low: number | null;
  high: number | null;
  /** The sentence it appeared in, mentions made readable, clipped. */
  sentence: string;
  /** What the number measures, read from the words around it. */
  quantity: Quantity;
  /** Present only when the number measures what a figure of the knowledge base states. */
  verdict?: FigureVerdict;
}

export interface QuestionAnswer {
  /** The lead sentence of the knowledge base's answer, labelled when it is the essay's opinion. */
  text: string;
  cite: string;
  citation: Citation;
  /** A command that shows more, e.g. "/company jasper". */
  more?: string;
}

export interface AskedQuestion extends MessageRef {
  text: string;
  /** Present when the knowledge base can answer (retrieval found it covered). */
  answer?: QuestionAnswer;
}

export interface TopMessage extends MessageRef {
  /** Clipped to 200 characters, mentions made readable. */
  text: string;
  replies: number;
  reactions: number;
}

/** The themes the essay line can be chosen by, in order of precedence on a tie. */
export const THEMES = [
  'margins',
  'moats',
  'infra',
  'open_source',
  'model_business',
  'winner_take_all',
  'vertical',
  'value_capture',
] as const;
export type Theme = (typeof THEMES)[number];

export interface EssayLine {
  theme: Theme;
  /** Messages that touched the theme. */
  messages: number;
  thesisId: string;
  /** "What the essay would say (opinion, a16z, Jan 2023): …", in the digest's language. */
  text: string;
  citation: Citation;
}

export interface Digest {
  lang: Lang;
  period: { from: string; to: string; days: number };
  /** Messages in the period, thread replies included. */
  messages: number;
  participants: Participant[];
  layers: LayerMention[];
  companies: CompanyMention[];
  /** Cited figures worth showing: disagreements first chosen, then agreements, then the rest; listed in time order. */
  figures: CitedFigure[];
  /** Questions about the market, most discussed first chosen; listed in time order. */
  questions: AskedQuestion[];
  topMessages: TopMessage[];
  essay?: EssayLine;
  /** How many were found before the lists above were capped. */
  totals: { figures: number; questions: number };
  incomplete?: ChannelHistoryResult['incomplete'];
}

/** The knowledge base's units that a cited unit can be compared with. */
export const COMPARABLE_UNITS: Record<CitedUnit, readonly Figure['unit'][]> = {
  percent: ['percent'],
  usd: ['usd', 'usd_per_year'],
  ratio: ['ratio'],
  params: ['params'],
  count: ['count'],
  amount: ['usd', 'usd_per_year', 'params', 'count'],
};
