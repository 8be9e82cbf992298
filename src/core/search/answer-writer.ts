// The seam for an optional language model: given the question and the records retrieval found, it
// may return a better-worded answer, or nothing (then the retrieval answer stands).
import type { Lang } from '../i18n/lang.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Hit } from './retrieve.js';

export interface AnswerRequest {
  question: string;
  lang: Lang;
  hits: Hit[];
  kb: KnowledgeBase;
}

export interface AnswerWriter {
  /** Resolves to the answer's lead paragraph, or undefined to keep the retrieval answer. Never rejects. */
  write(request: AnswerRequest): Promise<string | undefined>;
}
