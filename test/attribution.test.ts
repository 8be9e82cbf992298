// The Chinese translation adds a preface (§1) and an appendix of company figures (§8) that a16z did
// not write. Every command that cites them, in both languages and through every adapter, must
// credit them to the translator and never to a16z.
import { describe, expect, it } from 'vitest';
import { renderReply } from '../src/adapters/discord/render.js';
import { renderText } from '../src/adapters/shell/render-text.js';
import { renderBlocks } from '../src/adapters/slack/blocks.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { t } from '../src/core/i18n/strings.js';
import { sourcesLines, uniqueCitations } from '../src/core/knowledge/cite.js';
import type { Source } from '../src/core/knowledge/schema.js';
import type { Citation, Reply } from '../src/core/reply.js';
import { ask, kb } from './helpers.js';

/** What a person reads of a rendered reply, as short segments (a line, a field, a block's text). */
const ADAPTERS: Record<string, (reply: Reply) => string[]> = {
  // Wide enough that no citation is wrapped away from its credit.
  shell: (reply) => renderText(reply, 1000).split('\n'),
  slack: (reply) => {
    const { text, blocks } = renderBlocks(reply);
    return segments(`${text}\n${JSON.stringify(blocks)}`.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  },
  discord: (reply) => renderReply(reply).flatMap((m) => segments(JSON.stringify(m.body))),
};

/** JSON strings and their line breaks are where one piece of text ends and the next begins. */
const segments = (rendered: string) => rendered.split(/\n|\\n|"\s*[,:}\]]\s*"?/);

const TRANSLATOR_SECTIONS = new Set(['preface', 'appendix']);
const byTranslator = (s: Source) => TRANSLATOR_SECTIONS.has(s.section);

/** Every command whose reply can cite §1 or §8: the cards, figures and questions built on them. */
function commandsCitingTranslator(lang: Lang): string[] {
  const companies = kb.companies.filter((c) =>
    [c.source, ...c.facts.map((f) => f.source), ...c.moats.map((m) => m.source)].some(byTranslator),
  );
  const figures = kb.figures.filter((f) => byTranslator(f.source));
  return [
    '/brief',
    '/brief figures',
    ...kb.layers.map((l) => `/layer ${l.id}`),
    ...companies.flatMap((c) => [`/company ${c.name}`, `/moat ${c.name}`, `/compare ${c.id} nvidia`]),
    ...figures.map((f) => `/ask ${f.label[lang]}`),
  ];
}

describe.each(Object.entries(ADAPTERS))('the %s adapter', (_name, render) => {
  it.each(['en', 'zh'] as const)('credits every §1 and §8 citation to the translator, never to a16z (%s)', async (lang) => {
    const credit = t(lang, 'essay');
    const marker = lang === 'en' ? 'translator' : '译者';
    const cited = { preface: 0, appendix: 0 };
    for (const text of commandsCitingTranslator(lang)) {
      const reply = await ask(text, lang);
      for (const segment of render(reply)) {
        const translatorSection = segment.match(/§([18])(?!\d)/);
        if (!translatorSection) continue;
        cited[translatorSection[1] === '1' ? 'preface' : 'appendix'] += 1;
        expect(segment, `${text}: the section's credit`).toContain(marker);
        expect(segment, `${text}: credited to a16z`).not.toContain(credit);
      }
    }
    // The check above must have had something to check.
    expect(cited.preface, 'replies citing the preface').toBeGreaterThan(0);
    expect(cited.appendix, 'replies citing the appendix').toBeGreaterThan(10);
  });
});

// What neither text states (who wrote the original and when, GitHub Copilot's parent) may be said,
// labelled as background, and is never cited to a section.
describe('background knowledge', () => {
  const backgroundCommands = [
    '/ask who wrote the essay?',
    '/ask 这篇文章的作者是谁',
    '/brief preface',
    '/company github copilot',
    '/company microsoft',
  ];

  it.each(Object.entries(ADAPTERS))('is labelled and never sits beside a section in the %s adapter', async (_name, render) => {
    for (const lang of ['en', 'zh'] as const) {
      const label = lang === 'en' ? /background/i : /背景信息/;
      for (const text of backgroundCommands) {
        const segments = render(await ask(text, lang));
        const background = segments.filter(
          (s) => /Bornstein|Microsoft|微软/.test(s) && /Bornstein|Made by|所属公司|Products|相关产品/.test(s),
        );
        expect(background.length, `${text} (${lang}) says the background`).toBeGreaterThan(0);
        for (const s of background) {
          expect(s, `${text} (${lang})`).toMatch(label);
          expect(s, `${text} (${lang}): cited to a section`).not.toMatch(/§\d/);
        }
      }
    }
  });

  it('keeps background out of the section it is filed under, in every reply’s sources', async () => {
    const reply = await ask('/ask who wrote the essay?', 'en');
    expect(reply.body[0]).toMatch(/^Background \(not stated in the essay’s text\): .*Bornstein/);
    const background = reply.sources.filter((s) => s.by === 'background');
    expect(background).toHaveLength(1);
    expect(background[0]!.label).not.toMatch(/§/);
  });
});

describe('paragraph marks', () => {
  const citation = (paragraphs?: number[]): Citation => ({
    section: 'infra',
    label: '§6 Infra',
    vintage: 'Jan 2023',
    opinion: false,
    by: 'a16z',
    ...(paragraphs ? { paragraphs } : {}),
  });

  it('names up to three paragraphs of a section in the sources, merged across records', () => {
    expect(sourcesLines(uniqueCitations([citation([5]), citation([1])]), 'en')[0]).toMatch(/§6 Infra ¶1, ¶5 \(Jan 2023\)$/);
    expect(sourcesLines([citation([1, 2, 3, 4])], 'en')[0]).toMatch(/§6 Infra \(Jan 2023\)$/);
    // A record that cites the section whole makes the merged citation whole.
    expect(sourcesLines(uniqueCitations([citation([5]), citation()]), 'en')[0]).toMatch(/§6 Infra \(Jan 2023\)$/);
  });

  it('puts the paragraph beside a figure', async () => {
    const reply = await ask('/ask what share of revenue do app companies spend on inference?', 'en');
    expect(reply.figures[0]?.cite).toBe('§6 ¶3, Jan 2023, estimate');
    expect(sourcesLines(reply.sources, 'en').join('\n')).toMatch(/§6 Infrastructure[^(]* ¶3/);
  });
});
