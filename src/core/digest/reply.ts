// Digest -> Reply: the period in the title, the discussion in short sections, companies as a
// table, the essay's sections as sources. Everything people wrote is quoted clipped and made
// inert (no "@everyone", "<!channel>" or "<@U123>" survives to ping anyone).
import type { Lang } from '../i18n/lang.js';
import { cite, uniqueCitations } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { reply, type Citation, type KeyFigure, type Reply, type Table } from '../reply.js';
import type { CitedFigure, Digest } from './digest.js';
import { DIGEST_WORDS, formatDay, type DigestWords } from './reply-words.js';
import { clipText, neutralise } from './text.js';

/** How many of each list a reply's text shows; the Digest (and --json) keeps more, and the company table lists every company. */
export const REPLY_LIMITS = { people: 3, layers: 3, companies: 8, figures: 6, questions: 6, quoteChars: 160 } as const;

export function digestReply(kb: KnowledgeBase, digest: Digest, lang: Lang): Reply {
  const w = DIGEST_WORDS[lang];
  const title = w.title(formatDay(digest.period.from, lang), formatDay(digest.period.to, lang));
  const notice = digest.incomplete ? [w.incomplete[digest.incomplete]] : [];
  if (digest.messages === 0) {
    return reply(lang, title, {
      body: [...notice, w.empty(digest.period.days)],
      figures: keyFigures(digest, w),
      ephemeral: true,
      suggestions: ['/brief'],
    });
  }
  const body = [...notice, overview(digest, w)];
  const readable = digest.incomplete !== 'no_content_access';
  if (readable) body.push(...marketSections(digest, w));
  const sources: Citation[] = [
    ...(digest.essay ? [digest.essay.citation] : []),
    ...digest.figures.flatMap((f) => (f.verdict ? [f.verdict.citation] : [])),
    ...digest.questions.flatMap((q) => (q.answer ? [q.answer.citation] : [])),
    ...digest.companies.slice(0, REPLY_LIMITS.companies).map((c) => cite(kb, kb.company(c.id)!.source, lang)),
  ];
  return reply(lang, title, {
    body,
    figures: keyFigures(digest, w),
    ...optionalTable(digest, w),
    sources: uniqueCitations(sources),
    // Private by default: the /digest command makes it public when asked.
    ephemeral: true,
    suggestions: suggestions(digest),
  });
}

function overview(d: Digest, w: DigestWords): string {
  const top = d.participants.slice(0, REPLY_LIMITS.people).map((p) => w.person(safe(p.name, 40), p.messages));
  return w.overview(d.messages, d.participants.length, d.participants.length > 1 ? w.list(top) : '');
}

function marketSections(d: Digest, w: DigestWords): string[] {
  const out: string[] = [];
  if (d.layers.length) out.push(w.layers(w.list(d.layers.slice(0, REPLY_LIMITS.layers).map((l) => w.layer(l.name, l.mentions)))));
  if (d.companies.length) {
    // Every company is named or counted: the first few by mentions, then "+N more" (all of them in the table and --json).
    const shown = d.companies.slice(0, REPLY_LIMITS.companies).map((c) => `${c.name} ×${c.mentions}`);
    const rest = d.companies.length - shown.length;
    out.push(w.companiesLine(w.list(rest > 0 ? [...shown, w.moreCompanies(rest)] : shown)));
  }
  if (!d.layers.length && !d.companies.length && !d.figures.length) out.push(w.nothingOnTheMarket);
  if (d.figures.length)
    out.push(
      section(
        w.figuresHeading,
        shownFigures(d).map((f) => figureLine(f, w)),
        d.figures.length,
        w,
      ),
    );
  if (d.questions.length) {
    const lines = d.questions.slice(0, REPLY_LIMITS.questions).map((q) => {
      const answer = q.answer ? `${q.answer.text} (${q.answer.cite})` : w.notCovered;
      return `• ${who(q.author, q.link)}: ${w.quote(quote(q.text))}\n  → ${answer}`;
    });
    out.push(section(w.questionsHeading, lines, d.questions.length, w));
  }
  if (d.topMessages.length) {
    const lines = d.topMessages.map(
      (m) => `• ${who(m.author, m.link)} (${w.engagement(m.replies, m.reactions)}): ${w.quote(quote(m.text))}`,
    );
    out.push(section(w.discussedHeading, lines, lines.length, w));
  }
  if (d.essay) out.push(d.essay.text);
  return out;
}

/** Figures with a verdict first (disagreements first of all), then the rest, in time order within each. */
function shownFigures(d: Digest): CitedFigure[] {
  const rank = (f: CitedFigure) => (f.verdict ? (f.verdict.agrees ? 1 : 0) : 2);
  return [...d.figures].sort((a, b) => rank(a) - rank(b)).slice(0, REPLY_LIMITS.figures);
}

function figureLine(f: CitedFigure, w: DigestWords): string {
  const check = f.verdict ? (f.verdict.agrees ? w.agrees : w.disagrees)(f.verdict.essay, f.verdict.cite) : '';
  return `• ${who(f.author, f.link)}: ${w.quote(quote(f.sentence))}${check ? `\n  → ${f.text}: ${check}` : ''}`;
}

function section(heading: string, lines: string[], total: number, w: DigestWords): string {
  const rest = total - lines.length;
  return [heading, ...lines, ...(rest > 0 ? [w.more(rest)] : [])].join('\n');
}

function keyFigures(d: Digest, w: DigestWords): KeyFigure[] {
  const figures: KeyFigure[] = [
    { label: w.keyMessages, value: String(d.messages) },
    { label: w.keyParticipants, value: String(d.participants.length) },
    { label: w.keyCompanies, value: String(d.companies.length) },
  ];
  const odd = d.figures.filter((f) => f.verdict && !f.verdict.agrees).length;
  if (odd) figures.push({ label: w.keyDisagreements, value: String(odd) });
  return figures;
}

/** Companies when any came up (with the knowledge base's card), else the figures people cited. */
function optionalTable(d: Digest, w: DigestWords): { table?: Table } {
  if (d.incomplete === 'no_content_access') return {};
  if (d.companies.length) {
    const c = w.columns;
    return {
      table: {
        columns: [c.company, c.mentions, c.layer, c.card],
        rows: d.companies.map((x) => [x.name, String(x.mentions), d.layers.find((l) => l.id === x.layer)?.name ?? x.layer, x.oneLine]),
      },
    };
  }
  if (d.figures.length) {
    const c = w.figureColumns;
    return {
      table: {
        columns: [c.who, c.figure, c.check],
        rows: shownFigures(d).map((f) => [
          safe(f.author, 40),
          f.text,
          f.verdict ? (f.verdict.agrees ? w.agrees : w.disagrees)(f.verdict.essay, f.verdict.cite) : w.noComparison,
        ]),
      },
    };
  }
  return {};
}

function suggestions(d: Digest): string[] {
  return [
    ...d.companies.slice(0, 2).map((c) => `/company ${c.name.toLowerCase()}`),
    ...d.layers.slice(0, 1).map((l) => `/layer ${l.id}`),
    ...(d.essay?.theme === 'moats' ? ['/brief moats'] : ['/brief theses']),
  ];
}

/** A person's name, and the link to their message where there is one. */
function who(author: string, link: string | undefined): string {
  return link ? `${safe(author, 40)} (${link})` : safe(author, 40);
}

function quote(text: string): string {
  return safe(text, REPLY_LIMITS.quoteChars);
}

function safe(text: string, max: number): string {
  return neutralise(clipText(text, max));
}
