// /margin, /flow and /scenario through the router: replies, defaults, bad input, charts, saved scenarios.
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { renderPng } from '../src/core/chart/render-png.js';
import type { Reply } from '../src/core/reply.js';
import type { Invocation } from '../src/router/invocation.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { allText, ask, kb, recordingLogger, shellText } from './helpers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('/margin', () => {
  it('gives the issue’s example: 60%, $600K, and 75% with inference 50% cheaper', async () => {
    const r = await ask('/margin revenue=1M inference=30% other_cogs=10% inference_change=-50%');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('Gross margin 60% → 75%');
    expect(r.figures.slice(0, 5).map((f) => f.value)).toEqual(['60%', '$600K', '$300K', '75%', '$750K']);
    expect(r.body.join('\n')).toMatch(/1 − 30% − 10% = 60%/);
    expect(r.body.join('\n')).toMatch(/30% × \(1 − 50%\) = 15%; gross margin = 1 − 15% − 10% = 75% \(\+15 points\)/);
  });

  it('uses the essay’s defaults and says which', async () => {
    const r = await ask('/margin');
    expect(r.title).toBe('Gross margin 60%');
    expect(r.body.join('\n')).toMatch(
      /Defaults used: revenue \$1M .*inference 30% \(the middle of the essay’s 20-40%, §6\).*other_cogs 10% \(our assumption, not the essay’s/,
    );
    expect(r.body.join('\n')).not.toMatch(/What-if/);
  });

  it('places the result against the essay’s benchmarks, with sources', async () => {
    const r = await ask('/margin inference=45% other_cogs=15%');
    expect(r.body.join('\n')).toMatch(
      /40% is below the typical 50-60% \(§4\); inference at 45% of revenue is above the essay’s 20-40% \(§6\)/,
    );
    expect(r.sources.map((s) => s.section)).toEqual(['apps', 'infra']);
  });

  it('derives the inference share from unit economics, per user', async () => {
    const r = await ask('/margin price=20 queries=500 cost_per_query=0.002');
    expect(r.body.join('\n')).toMatch(/500 queries × \$0\.002 ÷ \$20 per user per month = 5%/);
    expect(r.title).toBe('Gross margin 85%');
    expect(r.figures[1]?.value).toBe('$17 per user/month');
  });

  it('includes a sensitivity table with the base case marked', async () => {
    const r = await ask('/margin inference=25%');
    expect(r.table?.rows.find((row) => row[0]?.includes('base'))).toEqual(['25% ← base', '65%', '$650K']);
  });

  it('shows a negative margin plainly, never NaN or -0', async () => {
    const r = await ask('/margin inference=80% other_cogs=40%');
    expect(r.title).toBe('Gross margin -20%');
    expect(r.body.join('\n')).toMatch(/Costs exceed revenue/);
    expect(allText(r)).not.toMatch(/NaN|Infinity|-0%|\$-/);
  });

  it('answers in Chinese', async () => {
    const r = await ask('/margin revenue=3亿 inference=30%', 'zh');
    expect(r.title).toBe('毛利率 60%');
    expect(r.figures[1]?.value).toBe('1.8亿美元');
  });

  it('names the field and the accepted form for bad input, every problem at once', async () => {
    const cases: [string, RegExp][] = [
      ['/margin revenue=-5M', /“revenue” must be more than zero; got “-5M”/],
      ['/margin inference=150%', /“inference” must be between 0% and 100%; got “150%”/],
      ['/margin inference=abc', /“inference” should be a share, like 30% or 0\.3/],
      ['/margin price=0 queries=10 cost_per_query=0.01', /“price” must be more than zero/],
      ['/margin revenue=1e30', /“revenue” of “1e30” is beyond any real business; at most \$10T/],
      ['/margin price=20 queries=500', /price, queries and cost_per_query go together; missing: cost_per_query/],
      ['/margin inference=30% price=20 queries=500 cost_per_query=0.002', /either inference, or price, queries and cost_per_query/],
      ['/margin inference_change=-150%', /“inference_change” must be between -100% and 1000%/],
    ];
    for (const [text, message] of cases) {
      const r = await ask(text);
      expect(r.kind, text).toBe('usage');
      expect(r.body.join('\n'), text).toMatch(message);
      expect(r.body.join('\n'), text).toMatch(/Examples: \/margin/);
    }
    const both = await ask('/margin revenue=abc other_cogs=2000%');
    expect(both.body.slice(0, 2)).toEqual([
      '“revenue” should be an amount of money, like 1M, $2.5B, 250k or 1,500; got “abc”.',
      '“other_cogs” must be between 0% and 100%; got “2000%”.',
    ]);
  });

  it('reads a bare number as documented: 30 is 30%, 0.3 is 30%', async () => {
    expect((await ask('/margin inference=30 other_cogs=0.1')).title).toBe('Gross margin 60%');
  });
});

describe('/flow', () => {
  it('reproduces the essay’s 10-20% to the clouds with the defaults', async () => {
    const r = await ask('/flow');
    expect(r.body[0]).toBe('The clouds earn 10%-20% of app revenue.');
    expect(r.table?.rows).toEqual([
      ['Apps keep', '$80M (80%)', '$60M (60%)'],
      ['Model providers keep', '$10M (10%)', '$20M (20%)'],
      ['Clouds earn', '$10M (10%)', '$20M (20%)'],
    ]);
    expect(r.body.join('\n')).toMatch(/reproduces the essay’s estimate that 10-20%/);
    expect(r.body.join('\n')).toMatch(/up to 80-90% in early rounds/);
  });

  it('follows the inputs and shows the formula with them', async () => {
    const r = await ask('/flow revenue=200M inference=30% direct=50% model_cloud=40%');
    // clouds = 200M × 30% × (50% + 50% × 40%) = 42M
    expect(r.body[0]).toBe('The clouds earn 21% of app revenue.');
    expect(r.body[1]).toMatch(/\$200M × 30% × \(50% \+ 50% × 40%\) = \$42M/);
    expect(r.body.join('\n')).toMatch(/these inputs give 21%/);
  });

  it('says what was wrong', async () => {
    expect((await ask('/flow direct=2')).kind).toBe('answer'); // 2 reads as 2%
    expect((await ask('/flow model_cloud=120%')).body[0]).toMatch(/“model_cloud” must be between 0% and 100%/);
  });
});

describe('charts', () => {
  const withChart = (text: string, lang?: 'zh'): Invocation => ({ ...shellText(text, lang), wantsChart: true });

  it('draws /margin and /flow, which rasterise to a PNG, when the platform shows images', async () => {
    for (const text of ['/margin inference=30% inference_change=-50%', '/flow']) {
      for (const lang of [undefined, 'zh'] as const) {
        const r: Reply = await createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() }).handle(
          withChart(text, lang),
        );
        const png = renderPng(r.chart!.svg!);
        expect([...png.slice(0, 8)], text).toEqual(PNG_SIGNATURE);
        expect(pngSize(png).width).toBe(1280);
        expect(r.chart!.alt.length).toBeGreaterThan(10);
      }
    }
  });

  it('leaves the image out for the terminal, which draws bars instead', async () => {
    const r = await ask('/margin');
    expect(r.chart?.svg).toBeUndefined();
    expect(r.chart?.bars.length).toBeGreaterThan(3);
  });
});

describe('saved scenarios', () => {
  const router = () => createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() });
  const in_ = (channel: string, text: string): Invocation => ({ ...shellText(text), channelId: channel, userId: 'slack:T1:U1' });

  it('saves, lists, shows, re-runs with a change, and deletes', async () => {
    const r = router();
    const saved = await r.handle(in_('slack:T1:C1', '/margin revenue=2M inference=35% other_cogs=5% save=base'));
    expect(saved.body.at(-1)).toBe('Saved scenario “base” for this channel. Re-run it with /margin scenario=base');
    const list = await r.handle(in_('slack:T1:C1', '/scenario list'));
    expect(list.table?.rows[0]?.slice(0, 3)).toEqual(['base', 'revenue=2M inference=35% other_cogs=5%', 'slack:T1:U1']);
    const rerun = await r.handle(in_('slack:T1:C1', '/margin scenario=base inference_change=-20%'));
    expect(rerun.title).toBe('Gross margin 60% → 67%');
    expect(rerun.body[0]).toMatch(/scenario “base”/);
    expect((await r.handle(in_('slack:T1:C1', '/scenario show BASE'))).body[0]).toBe('Inputs: revenue=2M inference=35% other_cogs=5%');
    expect((await r.handle(in_('slack:T1:C1', '/scenario delete base'))).title).toBe('Deleted scenario “base”');
    expect((await r.handle(in_('slack:T1:C1', '/scenario list'))).body[0]).toMatch(/^None yet/);
  });

  it('keeps each channel’s scenarios to itself', async () => {
    const r = router();
    await r.handle(in_('slack:T1:C1', '/margin save=mine'));
    const elsewhere = await r.handle(in_('slack:T1:C2', '/margin scenario=mine'));
    expect(elsewhere.kind).toBe('usage');
    expect(elsewhere.body[0]).toBe('There is no saved scenario “mine” here. None is saved yet.');
  });

  it('says when a save replaces one, and refuses a bad name', async () => {
    const r = router();
    await r.handle(in_('c', '/margin save=x'));
    expect((await r.handle(in_('c', '/margin inference=20% save=x'))).body.at(-1)).toMatch(/^Replaced scenario “x”/);
    expect((await r.handle(in_('c', '/margin save=<!here>'))).body[0]).toMatch(/cannot name a scenario/);
  });
});
