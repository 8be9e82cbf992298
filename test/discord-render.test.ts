// Reply -> Discord messages: every limit holds for the largest replies the bot produces, and for
// synthetic ones far past them; charts become attachments; nothing a user typed can ping.
import { describe, expect, it } from 'vitest';
import type { MessageBody, OutgoingMessage } from '../src/adapters/discord/api-types.js';
import { embedChars, LIMITS, MAX_MESSAGES } from '../src/adapters/discord/pack.js';
import { renderReply, tableAsCode, withChart } from '../src/adapters/discord/render.js';
import { renderPng } from '../src/core/chart/render-png.js';
import { neutraliseMentions, splitText, truncate } from '../src/adapters/discord/text.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { reply } from '../src/core/reply.js';
import { allText, router, shellText } from './helpers.js';

function expectWithinLimits(messages: readonly OutgoingMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
  for (const { body } of messages) {
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect((body.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
    const embeds = body.embeds ?? [];
    expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    expect(body.content || embeds.length).toBeTruthy();
    expect(embedChars(embeds)).toBeLessThanOrEqual(LIMITS.total);
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      expect(e.title || e.description || e.fields?.length).toBeTruthy();
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
    }
  }
}

const render = async (text: string, lang?: Lang) => {
  const r = await router.handle({ ...shellText(text, lang), platform: 'discord', wantsChart: true });
  return { reply: r, messages: renderReply(r) };
};

/** Everything a user can read in the rendered messages. */
function shownText(messages: readonly OutgoingMessage[]): string {
  return messages
    .flatMap(({ body }) => [
      body.content ?? '',
      ...(body.embeds ?? []).flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        e.footer?.text ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ])
    .join('\n');
}

describe('rendering within Discord’s limits', () => {
  const largest = [
    '/help',
    '/brief',
    '/brief figures',
    '/brief theses',
    '/brief infra',
    '/brief moats',
    '/brief appendix',
    '/compare openai stability',
    '/moat scale',
    '/layer models',
    '/company openai',
    '/margin revenue=1M inference=30%',
    '/flow',
  ];
  for (const lang of ['en', 'zh'] as const) {
    it.each(largest)(`%s (${lang}) fits every limit and loses nothing`, async (text) => {
      const { reply: r, messages } = await render(text, lang);
      expect(r.kind).toBe('answer');
      expectWithinLimits(messages);
      // Nothing was cut: each body paragraph, figure value and source appears in full.
      const shown = shownText(messages);
      for (const paragraph of r.body) expect(shown).toContain(paragraph.slice(0, 200));
      for (const figure of r.figures) expect(shown).toContain(figure.value);
      expect(shown).not.toMatch(/…$/);
    });
  }

  it('splits an answer longer than one message into follow-ups, the sources on the last', async () => {
    const { messages } = await render('/brief theses');
    expect(messages.length).toBe(2);
    expect(messages[0]!.body.embeds![0]!.title).toBeTruthy();
    expect(messages[0]!.body.embeds!.some((e) => e.footer)).toBe(false);
    expect(messages.at(-1)!.body.embeds!.at(-1)!.footer!.text).toMatch(/^Sources: a16z/);
  });

  it('cuts a reply past three messages visibly, keeping the footer', () => {
    const huge = reply('en', 'T'.repeat(400), {
      body: Array.from({ length: 30 }, (_, i) => `Paragraph ${i} ${'word '.repeat(900)}`),
      figures: Array.from({ length: 80 }, (_, i) => ({
        label: `Figure ${i} ${'l'.repeat(300)}`,
        value: 'v'.repeat(2000),
        cite: '§6, Jan 2023',
      })),
      table: { columns: ['Name', 'A', 'B'], rows: Array.from({ length: 100 }, (_, i) => [`row ${i}`, 'a'.repeat(700), 'b'.repeat(700)]) },
      sources: Array.from({ length: 40 }, () => ({
        section: 'value' as const,
        label: '§6 Infrastructure vendors touch everything and reap the rewards',
        vintage: 'Jan 2023',
        opinion: true,
        by: 'a16z' as const,
      })),
      suggestions: ['/brief', '/help'],
    });
    const messages = renderReply(huge);
    expectWithinLimits(messages);
    expect(messages).toHaveLength(MAX_MESSAGES);
    const lastEmbed = messages.at(-1)!.body.embeds!.at(-1)!;
    expect(lastEmbed.footer!.text.length).toBeLessThanOrEqual(1024);
    expect(lastEmbed.footer!.text.endsWith('…')).toBe(true);
    const lastText = lastEmbed.fields?.at(-1)?.value ?? lastEmbed.description ?? '';
    expect(lastText.endsWith('…')).toBe(true);
    expect(messages[0]!.body.embeds![0]!.title).toHaveLength(256);
  });

  it('shows key figures as fields, inline when short, with their citation', async () => {
    const { messages } = await render('/company openai');
    const fields = messages[0]!.body.embeds!.flatMap((e) => e.fields ?? []);
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.some((f) => f.inline)).toBe(true);
    expect(fields.some((f) => /\*§\d/.test(f.value))).toBe(true);
  });

  it('draws a narrow table as aligned monospace and a wide one as a field per row', async () => {
    const margin = await render('/margin revenue=1M inference=30%');
    expect(margin.messages[0]!.body.embeds![0]!.description).toContain('```');
    const help = await render('/help');
    const fields = help.messages[0]!.body.embeds!.flatMap((e) => e.fields ?? []);
    expect(fields.map((f) => f.name)).toContain('/moat <company>');
    expect(fields.find((f) => f.name === '/moat <company>')!.value).toMatch(/\*\*Example\*\*: \/moat nvidia/);
    expect(tableAsCode({ columns: ['a', 'b'], rows: [['x'.repeat(80), 'y']] })).toBeUndefined();
    expect(tableAsCode({ columns: ['名称', 'b'], rows: [['数据', '```']] })).not.toMatch(/```\n.*```.*\n```/s);
  });
});

describe('memoised rendering', () => {
  it('renders a Reply once and hands out frozen messages', async () => {
    const r = await router.handle({ ...shellText('/layer infra'), platform: 'discord' });
    const messages = renderReply(r);
    expect(renderReply(r)).toBe(messages);
    expect(Object.isFrozen(messages[0]!.body.embeds![0])).toBe(true);
    expect(() => {
      (messages[0]!.body as { flags?: number }).flags = 64;
    }).toThrow(TypeError);
  });
});

describe('charts', () => {
  it('sends the answer without its chart, then adds the PNG as files[0], described in attachments, shown as the embed image', async () => {
    const { reply: r, messages } = await render('/margin inference=30%');
    expect(r.chart?.svg).toBeDefined();
    expect(messages[0]!.files).toEqual([]);
    expect(messages[0]!.body.attachments).toBeUndefined();
    const first = withChart(messages[0]!, r.chart!, renderPng(r.chart!.svg!));
    expect(first.body.embeds!.slice(0, -1)).toEqual(messages[0]!.body.embeds!.slice(0, -1));
    expect(first!.files).toHaveLength(1);
    expect(first!.files[0]).toMatchObject({ name: 'chart.png', contentType: 'image/png', description: r.chart!.alt });
    expect(Buffer.from(first!.files[0]!.data).subarray(1, 4).toString()).toBe('PNG');
    expect(first!.body.attachments).toEqual([{ id: 0, filename: 'chart.png', description: r.chart!.alt }]);
    expect(first!.body.embeds!.at(-1)!.image).toEqual({ url: 'attachment://chart.png' });
  });
});

describe('who sees it, and who gets pinged', () => {
  it('answers in public and user errors in private, as plain content', async () => {
    const answer = await render('/moat nvidia');
    expect(answer.messages[0]!.body.flags).toBeUndefined();
    const usage = await render('/moat');
    expect(usage.reply.kind).toBe('usage');
    const body: MessageBody = usage.messages[0]!.body;
    expect(body.flags).toBe(64);
    expect(body.embeds).toBeUndefined();
    expect(body.content).toMatch(/^\*\*\/moat\*\*\n/);
  });

  it('keeps user text from pinging anyone', async () => {
    const { reply: r, messages } = await render('/moat @everyone <@123456789012345678> @here');
    expect(r.kind).toBe('usage');
    const { content, allowed_mentions } = messages[0]!.body;
    expect(allowed_mentions).toEqual({ parse: [] });
    expect(content).not.toMatch(/@everyone|@here/);
    expect(content).toContain('@\u200beveryone');
    expect(allText(r)).toContain('@everyone');
  });

  it('gives every message, embeds or content, allowed_mentions with nothing to parse', async () => {
    for (const text of ['/help', '/brief theses', '/compare nvidia nobody', '/flow']) {
      for (const m of (await render(text)).messages) expect(m.body.allowed_mentions).toEqual({ parse: [] });
    }
  });
});

describe('text helpers', () => {
  it('truncates by UTF-16 length without splitting a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    const cut = truncate('ab😀😀', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });

  it('splits long text at a break and never past the limit', () => {
    const pieces = splitText('word '.repeat(1000), 300);
    expect(pieces.every((p) => p.length <= 300)).toBe(true);
    expect(pieces.join(' ').replace(/\s+/g, ' ').trim()).toBe('word '.repeat(1000).trim());
    expect(splitText('字'.repeat(700), 300).map((p) => p.length)).toEqual([300, 300, 100]);
  });

  it('neutralises @everyone and @here, case-insensitively', () => {
    expect(neutraliseMentions('hi @everyone and @HERE')).toBe('hi @\u200beveryone and @\u200bHERE');
  });
});
