// Scores /ask against the evaluation sets (eval/questions.json, eval/blind-N.json): a covered question is right when the answer (the lead
// and its supporting facts) holds every `all` token and one `any` token; an unanswerable one is
// right when the bot says it is not covered.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { t } from '../src/core/i18n/strings.js';
import type { Reply } from '../src/core/reply.js';
import type { Router } from '../src/router/router.js';

const Question = z.strictObject({
  id: z.string(),
  lang: z.enum(['en', 'zh']),
  question: z.string(),
  expect: z.union([
    z.strictObject({ unanswerable: z.literal(true) }),
    z.strictObject({ all: z.array(z.string()).optional(), any: z.array(z.string()).optional() }),
  ]),
  topic: z.string(),
  note: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof Question>;

export function loadQuestions(path = new URL('../eval/questions.json', import.meta.url)): EvalQuestion[] {
  return z.array(Question).parse(JSON.parse(readFileSync(path, 'utf8')));
}

const SetEntry = z.strictObject({
  file: z.string(),
  /** tuning: tuned on by design; blind: written from the essay alone, not yet tuned on; tuned-on: was blind, scored once, then tuned on. */
  role: z.enum(['tuning', 'blind', 'tuned-on']),
  firstScore: z.string().optional(),
});

export interface EvalSet {
  file: string;
  role: z.infer<typeof SetEntry>['role'];
  questions: EvalQuestion[];
}

/** The evaluation sets eval/sets.json lists, with what each may still tell (see eval/README.md). */
export function evaluationSets(): EvalSet[] {
  const dir = new URL('../eval/', import.meta.url);
  const entries = z.array(SetEntry).parse(JSON.parse(readFileSync(new URL('sets.json', dir), 'utf8')));
  return entries.map((entry) => ({ file: `eval/${entry.file}`, role: entry.role, questions: loadQuestions(new URL(entry.file, dir)) }));
}

/** Case, width, spacing and dash style do not matter when checking an answer. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−~～]/g, (c) => (c === '~' || c === '～' ? '~' : '-'));
}

export interface EvalResult {
  question: EvalQuestion;
  passed: boolean;
  answer: string;
}

export function judge(question: EvalQuestion, reply: Reply): boolean {
  const notCovered = reply.title === t(reply.lang, 'askNotCoveredTitle');
  if ('unanswerable' in question.expect) return notCovered;
  if (notCovered || reply.kind !== 'answer') return false;
  // The answer is the lead and its supporting paragraphs; suggestions and sources do not count.
  const lead = normalizeForMatch(reply.body.join('\n'));
  const { all = [], any = [] } = question.expect;
  return (
    all.every((token) => lead.includes(normalizeForMatch(token))) &&
    (any.length === 0 || any.some((token) => lead.includes(normalizeForMatch(token))))
  );
}

export async function evaluate(router: Router, questions: EvalQuestion[]): Promise<EvalResult[]> {
  const results: EvalResult[] = [];
  for (const question of questions) {
    const reply = await router.handle({
      platform: 'shell',
      command: 'ask',
      args: question.question,
      userId: 'shell:eval',
      channelId: 'shell:eval',
      isAdmin: false,
    });
    results.push({
      question,
      passed: judge(question, reply),
      answer: reply.kind === 'answer' ? (reply.body[0] ?? '') : `(${reply.kind}) ${reply.body[0] ?? ''}`,
    });
  }
  return results;
}

export function accuracy(results: EvalResult[], lang?: 'en' | 'zh'): { passed: number; total: number; ratio: number } {
  const subset = lang ? results.filter((r) => r.question.lang === lang) : results;
  const passed = subset.filter((r) => r.passed).length;
  return { passed, total: subset.length, ratio: subset.length ? passed / subset.length : 0 };
}
