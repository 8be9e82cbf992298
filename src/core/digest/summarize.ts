// A channel's messages -> a Digest: who talked, which layers and companies came up, the figures
// people cited (checked against the essay where it states them), the questions asked (answered
// where the knowledge base can), the most discussed messages and the essay's view. Deterministic,
// no model, no I/O. One cheap pass over every message; the costly steps (retrieval, figure
// matching) run on a capped, deterministic selection, so 10,000 messages stay well under 500 ms.
import type { Lang } from '../i18n/lang.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { LayerId } from '../knowledge/schema.js';
import type { AskedQuestion, CitedFigure, Digest, MessageRef, Theme, TopMessage } from './digest.js';
import { findFigures, type FoundFigure, mayHoldFigure } from './figures.js';
import { findMentions } from './mentions.js';
import type { ChannelHistoryResult, ChannelMessage } from './message.js';
import { aboutTheMarket, answerQuestion, claimsWithTag, isQuestion } from './questions.js';
import { essayLine, themesOf } from './themes.js';
import { analysable, clipText, readable, sentences } from './text.js';
import { judge } from './verdict.js';

export interface SummarizeOptions {
  from: Date;
  to: Date;
  lang: Lang;
  incomplete?: ChannelHistoryResult['incomplete'];
}

/** How much a digest lists, and how much costly checking it does. */
export const DIGEST_LIMITS = {
  figures: 30,
  questions: 15,
  topMessages: 5,
  /** Cited figures whose sentences are matched against the knowledge base. */
  figureChecks: 120,
  /** Questions put to retrieval (a few milliseconds each). */
  questionChecks: 25,
  sentenceChars: 200,
} as const;

interface Pending<T> {
  message: ChannelMessage;
  engagement: number;
  item: T;
}

export function summarize(kb: KnowledgeBase, messages: readonly ChannelMessage[], opts: SummarizeOptions): Digest {
  const { lang } = opts;
  const from = opts.from.getTime();
  const to = opts.to.getTime();
  const inPeriod = messages
    .filter((m) => m.at.getTime() >= from && m.at.getTime() <= to)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || compareIds(a.id, b.id));

  const replies = threadReplies(inPeriod);
  const engagement = (m: ChannelMessage) => Math.max(m.replyCount, replies.get(m.id) ?? 0) + m.reactions;

  const authors = new Map<string, number>();
  const companyCounts = new Map<string, number>();
  const layerCounts = new Map<LayerId, number>();
  const themeCounts = new Map<Theme, number>();
  const cited: Pending<{ sentence: string; found: FoundFigure; asked: boolean; context: string }>[] = [];
  const asked: Pending<{ sentence: string; message: string }>[] = [];
  let questionCount = 0;

  for (const m of inPeriod) {
    authors.set(m.author, (authors.get(m.author) ?? 0) + 1);
    const text = analysable(readable(m.text));
    const mentions = findMentions(kb, text);
    for (const id of mentions.companies) bump(companyCounts, id);
    for (const id of mentions.layers) bump(layerCounts, id);
    const themes = new Set(themesOf(text));
    if ([...mentions.companies].some((id) => kb.company(id)?.layer === 'infra')) themes.add('infra');
    for (const theme of themes) bump(themeCounts, theme);
    // Only messages with a number (in digits or words) or a question mark (or Chinese, which may ask without one) need splitting.
    if (!/[\d\uFF10-\uFF19?？\p{Script=Han}]/u.test(text) && !mayHoldFigure(text)) continue;
    const said: string[] = [];
    for (const sentence of sentences(text)) {
      const question = isQuestion(sentence);
      const context = said.slice(-2).join(' ');
      for (const found of findFigures(sentence))
        cited.push({
          message: m,
          engagement: engagement(m),
          item: { sentence, found, asked: question && !claimsWithTag(sentence), context },
        });
      said.push(sentence);
      if (question) {
        questionCount++;
        const named = findMentions(kb, sentence);
        if (named.companies.size || named.layers.size || aboutTheMarket(sentence))
          asked.push({ message: m, engagement: engagement(m), item: { sentence, message: text } });
      }
    }
  }

  const layers = [...layerCounts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([id, mentions]) => ({
      id,
      name: kb.layer(id).name[lang],
      mentions,
      companies: [...companyCounts]
        .filter(([c]) => kb.company(c)?.layer === id)
        .sort(byCount)
        .map(([c]) => c),
    }));

  return {
    lang,
    period: { from: opts.from.toISOString(), to: opts.to.toISOString(), days: Math.max(1, Math.round((to - from) / 86_400_000)) },
    messages: inPeriod.length,
    participants: [...authors].sort(byCount).map(([name, n]) => ({ name, messages: n })),
    layers,
    companies: [...companyCounts].sort(byCount).map(([id, mentions]) => {
      const c = kb.company(id)!;
      return { id, name: c.name, layer: c.layer, mentions, oneLine: c.oneLine[lang] };
    }),
    figures: checkFigures(kb, cited, lang),
    questions: answerQuestions(kb, asked, lang),
    topMessages: topMessages(inPeriod, engagement),
    ...optional('essay', essayLine(kb, themeCounts, layers[0], lang)),
    totals: { figures: cited.length, questions: questionCount },
    ...optional('incomplete', opts.incomplete),
  };
}

/** The earliest and latest message: the period of an export, which may be years old. */
export function spanOf(messages: readonly ChannelMessage[]): { from: Date; to: Date } | undefined {
  if (messages.length === 0) return undefined;
  let from = messages[0]!.at;
  let to = from;
  for (const m of messages) {
    if (m.at < from) from = m.at;
    if (m.at > to) to = m.at;
  }
  return { from, to };
}

function checkFigures(
  kb: KnowledgeBase,
  cited: Pending<{ sentence: string; found: FoundFigure; asked: boolean; context: string }>[],
  lang: Lang,
): CitedFigure[] {
  const checked = mostEngaging(cited, DIGEST_LIMITS.figureChecks).map(({ message, item: { sentence, found, asked, context } }) => {
    // A number in a question ("Did Jasper really get to $100M…?") is asked about, not claimed: the
    // question is listed (and answered when /ask can), the number is not judged.
    const { quantity, verdict } = judge(kb, sentence, found, lang, context);
    const figure: CitedFigure = {
      ...ref(message),
      text: found.text,
      kind: found.kind,
      unit: found.unit,
      low: found.low,
      high: found.high,
      sentence: clipText(sentence, DIGEST_LIMITS.sentenceChars),
      quantity,
      ...optional('verdict', asked ? undefined : verdict),
    };
    return figure;
  });
  // Disagreements are what a reader most needs to see, then agreements, then the rest.
  const rank = (f: CitedFigure) => (f.verdict ? (f.verdict.agrees ? 1 : 0) : 2);
  return checked
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .slice(0, DIGEST_LIMITS.figures)
    .sort((a, b) => a.i - b.i)
    .map(({ f }) => f);
}

function answerQuestions(kb: KnowledgeBase, asked: Pending<{ sentence: string; message: string }>[], lang: Lang): AskedQuestion[] {
  const answers = new Map<string, ReturnType<typeof answerQuestion>>();
  const seen = new Set<string>();
  const unique = asked.filter((q) => {
    const key = q.item.sentence.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const limit = Math.min(DIGEST_LIMITS.questions, DIGEST_LIMITS.questionChecks);
  return mostEngaging(unique, limit).map(({ message, item: { sentence, message: text } }) => {
    const key = `${sentence}\u0000${text}`;
    if (!answers.has(key)) answers.set(key, answerQuestion(kb, sentence, lang, text));
    return { ...ref(message), text: clipText(sentence, DIGEST_LIMITS.sentenceChars), ...optional('answer', answers.get(key)) };
  });
}

/** The `limit` items from the most replied-to and reacted-to messages, in time order. */
function mostEngaging<T>(items: Pending<T>[], limit: number): Pending<T>[] {
  if (items.length <= limit) return items;
  return items
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.engagement - a.p.engagement || a.i - b.i)
    .slice(0, limit)
    .sort((a, b) => a.i - b.i)
    .map(({ p }) => p);
}

function topMessages(messages: ChannelMessage[], engagement: (m: ChannelMessage) => number): TopMessage[] {
  return messages
    .map((m, i) => ({ m, i, score: engagement(m) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, DIGEST_LIMITS.topMessages)
    .map(({ m, score }) => ({ ...ref(m), text: clipText(readable(m.text), 200), replies: score - m.reactions, reactions: m.reactions }));
}

/** Replies found in the messages themselves, per thread: Discord exports give no reply counts. */
function threadReplies(messages: ChannelMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) if (m.threadId && m.threadId !== m.id) bump(counts, m.threadId);
  return counts;
}

function ref(m: ChannelMessage): MessageRef {
  return { author: m.author, messageId: m.id, at: m.at.toISOString(), ...optional('link', m.link) };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function byCount<K extends string>([a, x]: [K, number], [b, y]: [K, number]): number {
  return y - x || a.localeCompare(b);
}

/** Ids that are numbers (Slack ts, Discord snowflakes) sort as numbers; others as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+(\.\d+)?$/.test(a) && /^\d+(\.\d+)?$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `{ key: value }` when the value is there, `{}` otherwise: keeps absent fields out of the JSON. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
