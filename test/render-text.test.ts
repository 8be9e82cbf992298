import { describe, expect, it } from 'vitest';
import { renderTable, renderText } from '../src/adapters/shell/render-text.js';
import { wrap } from '../src/adapters/shell/wrap.js';
import { displayWidth } from '../src/core/i18n/format.js';
import { reply } from '../src/core/reply.js';

describe('wrap', () => {
  it('breaks Latin text at spaces within the width', () => {
    const lines = wrap('the quick brown fox jumps over the lazy dog', 15);
    expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });
  it('breaks Chinese text between characters, counting two columns each', () => {
    const lines = wrap('生成式AI领域似乎不存在任何系统性的护城河', 12);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.join('')).toBe('生成式AI领域似乎不存在任何系统性的护城河');
  });
  it('never starts a line with closing punctuation', () => {
    for (const line of wrap('一二三四五六,七八九十。', 12)) expect(line).not.toMatch(/^[,。]/);
  });
  it('splits a word longer than the line', () => {
    expect(wrap('x'.repeat(25), 10).every((l) => l.length <= 12)).toBe(true);
  });
});

describe('renderText', () => {
  it('shows title, paragraphs, aligned figures, sources and suggestions', () => {
    const text = renderText(
      reply('en', 'Title', {
        body: ['A paragraph.'],
        figures: [
          { label: 'Short', value: '1', cite: '§6, Jan 2023' },
          { label: 'Longer label', value: '2' },
        ],
        sources: [{ section: 'infra', label: '§6 Infra', vintage: 'Jan 2023', opinion: true, by: 'a16z' }],
        suggestions: ['/layer infra'],
      }),
      120,
    );
    expect(text).toBe(
      [
        'Title',
        '═════',
        'A paragraph.',
        '',
        '  Short         1  [§6, Jan 2023]',
        '  Longer label  2',
        '',
        'Sources: a16z, “Who Owns the Generative AI Platform?”: §6 Infra (Jan 2023, incl. opinion)',
        'Try: /layer infra',
      ].join('\n'),
    );
  });

  it('draws a table in columns when it fits and as blocks when it does not', () => {
    const narrow = renderTable({ columns: ['A', 'B'], rows: [['1', '2']] }, 80);
    expect(narrow).toEqual(['A  B', '─  ─', '1  2']);
    const wide = renderTable({ columns: ['Name', 'Text'], rows: [['x', 'y'.repeat(100)]] }, 40);
    expect(wide[0]).toBe('• x');
    expect(wide.slice(1).every((l) => l.startsWith('    '))).toBe(true);
  });
});
