// The appendix's company figures (rounds, valuations, revenue) in a digest: never compared with a
// number the message does not tie to that company.
import { describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../src/core/digest/message.js';
import { summarize } from '../src/core/digest/summarize.js';
import { kb } from './helpers.js';

const at = new Date('2023-01-20T10:00:00Z');
const period = { from: new Date('2023-01-19T00:00:00Z'), to: new Date('2023-01-21T00:00:00Z'), lang: 'en' as const };
const verdictOf = (text: string) => {
  const message: ChannelMessage = { id: '1', author: 'Ana', text, at, replyCount: 0, reactions: 0 };
  const [figure] = summarize(kb, [message], period).figures;
  return figure?.verdict;
};

describe('appendix figures in a digest', () => {
  it('compares a company’s revenue with that company’s figure in the appendix', () => {
    const figure = kb.figure('jasper_revenue_2022')!;
    expect(verdictOf('Jasper got to $100M in annual revenue within a year.')).toMatchObject({
      figureId: figure.id,
      agrees: false,
      essay: figure.display.en,
    });
  });

  it('does not read a team’s own round as some company’s in the appendix', () => {
    expect(verdictOf('We closed a $100M funding round last week.')).toBeUndefined();
  });
});
