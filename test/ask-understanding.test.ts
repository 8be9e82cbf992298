// /ask reads what a question wants before it ranks anything: names for "which companies", the
// essay's argument for "why", both halves of a two-part question, a refusal for what the essay never
// mentions, and everyday chat wording. The questions here are written for these tests and appear
// in no evaluation set.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/core/reply.js';
import { retrieve } from '../src/core/search/retrieve.js';
import { ask, kb } from './helpers.js';

const NOT_COVERED = new Set(['Not in the knowledge base', '知识库未涵盖']);
const refused = (r: Reply) => NOT_COVERED.has(r.title);
const said = (r: Reply) => r.body.join('\n');
const lead = (r: Reply) => r.body[0] ?? '';

describe('questions that ask for names get names, not a figure', () => {
  it('lists the chipmakers, leaving out the one it was asked to set aside', async () => {
    const r = await ask('/ask which outfits design AI chips besides nvidia?');
    expect(refused(r)).toBe(false);
    expect(lead(r)).toMatch(/^Chips and hardware in the essay: /);
    for (const name of ['AMD', 'Intel', 'Cerebras', 'Graphcore']) expect(lead(r)).toContain(name);
    expect(lead(r)).not.toMatch(/NVIDIA \(/);
    expect(r.figures).toEqual([]);
  });

  it('answers "apart from the big three" with the clouds beside them', async () => {
    const r = await ask('/ask who sells GPU time apart from the big three?');
    expect(lead(r)).toMatch(/CoreWeave/);
    expect(lead(r)).toMatch(/Lambda Labs/);
    expect(lead(r)).not.toMatch(/AWS|Azure/);
  });

  it('names the members of a group in Chinese, each with its one line', async () => {
    const open = await ask('/ask 哪几家在做开源模型');
    expect(lead(open)).toMatch(/^文中的开源模型:/);
    expect(lead(open)).toContain('Stability AI (');
    const ownModel = await ask('/ask 谁家是自己训模型的应用');
    expect(lead(ownModel)).toMatch(/^文中的端到端应用:.*Midjourney/);
    const others = await ask('/ask 三大云之外还有哪些云厂商');
    expect(lead(others)).toMatch(/CoreWeave/);
    expect(lead(others)).not.toMatch(/AWS/);
  });

  it('answers "who is taking on" a group with its challengers', async () => {
    const r = await ask('/ask what startups are taking on the hyperscalers?');
    expect(lead(r)).toMatch(/^Challenger and vertical clouds in the essay: /);
  });

  it('names the apps built on another company’s model', async () => {
    const r = await ask('/ask which apps just sit on top of someone else’s model?');
    expect(lead(r)).toMatch(/Jasper/);
    expect(lead(r)).toMatch(/Runway/);
  });
});

describe('everyday wording is understood, not refused as unknown words', () => {
  it('reads English slang and phrasal verbs', async () => {
    expect(lead(await ask('/ask ngl how much are the cloud guys raking in off all this'))).toMatch(/10-20%/);
    expect(lead(await ask('/ask how much do model labs shell out on cloud compute?'))).toMatch(/roughly half of revenue/);
    const bank = await ask('/ask are app startups actually making bank or nah');
    expect(refused(bank)).toBe(false);
    expect(bank.sources[0]?.section).toBe('apps');
  });

  it('reads Chinese chat: fillers, colloquial verbs and particles', async () => {
    expect(lead(await ask('/ask 搞应用的毛利一般多少哈'))).toMatch(/50-60%/);
    expect(lead(await ask('/ask 大佬们 云厂商到底抽走了几成收入啊'))).toMatch(/10-20%/);
    expect(lead(await ask('/ask 模型公司的钱都烧哪儿去了'))).toMatch(/一半/);
  });
});

describe('questions about the essay’s reasoning lead with its argument, labelled as opinion', () => {
  it('answers "why" and "how will" with a thesis, not the nearest figure', async () => {
    const why = await ask('/ask 为啥说基础设施这层最赚钱');
    expect(lead(why)).toMatch(/^观点\(a16z\): /);
    const clouds = await ask('/ask how come the clouds end up with so much of the money?');
    expect(lead(clouds)).toMatch(/^Opinion \(a16z\): Infrastructure providers/);
    const path = await ask('/ask how will model makers end up making money?');
    expect(lead(path)).toMatch(/^Opinion \(a16z\): Hosting/);
    for (const r of [why, clouds, path]) expect(r.sources.some((s) => s.opinion)).toBe(true);
  });

  it('reads the kind of answer from the wording', () => {
    const kindOf = (q: string) => {
      const found = retrieve(kb, q);
      return found.covered ? found.kind : found.reason;
    };
    expect(kindOf('how come open models can keep up with closed ones?')).toBe('reason');
    expect(kindOf('文章怎么看垂直整合')).toBe('reason');
    expect(kindOf('roughly what slice of revenue do apps hand over for inference?')).toBe('figure');
    expect(kindOf('which startups build their own llms?')).toBe('names');
  });
});

describe('two-part questions get both parts', () => {
  it('answers each question of a message', async () => {
    const r = await ask('/ask What did OpenAI raise from Microsoft, and how many params does Stable Diffusion have?');
    expect(said(r)).toMatch(/\$10B/);
    expect(said(r)).toMatch(/1 billion parameters/);
  });

  it('puts companies side by side when asked how they differ or what each does', async () => {
    const apps = await ask('/ask Jasper vs Runway – how are they different?');
    expect(apps.body[0]).toMatch(/^Jasper/);
    expect(apps.body[1]).toMatch(/^Runway/);
    const zh = await ask('/ask 英伟达和台积电分别是做什么的');
    expect(zh.body[0]).toMatch(/^NVIDIA/);
    expect(zh.body[1]).toMatch(/^TSMC/);
    const clouds = await ask('/ask what do coreweave and lambda each offer');
    expect(clouds.body[0]).toMatch(/^CoreWeave/);
    expect(clouds.body[1]).toMatch(/^Lambda Labs/);
  });
});

describe('each of several things asked about gets its own line', () => {
  it('defines each moat named', async () => {
    const r = await ask('/ask 规模和生态这两种护城河分别指什么');
    expect(r.body[0]).toMatch(/^观点\(a16z\): 规模护城河/);
    expect(r.body[1]).toMatch(/^观点\(a16z\): 生态护城河/);
  });

  it('gives both sides of one investment once, not once per company', async () => {
    const r = await ask('/ask how much did microsoft put into openai in 2019 and then in 2023, respectively?');
    expect(said(r)).toMatch(/\$1B/);
    expect(said(r)).toMatch(/\$10B/);
  });
});

describe('refusals follow what is asked about, not a list of words', () => {
  it('refuses entities, versions, people, rules and times the essay never mentions', async () => {
    for (const question of [
      'How did Zephyrion Labs do last quarter?',
      'is the h200 faster than the a100',
      '英伟达H200卖多少钱',
      'what happened to openai in 2024',
      'who regulates AI in the EU',
      '谁是OpenAI的董事长',
      'what is Meta’s open model called',
      'how much did Inflection raise',
      'how much is Jasper Business a month?',
      '《数据安全法》对大模型公司有啥影响',
      'do export controls on the A800 matter for the clouds?',
    ]) {
      const r = await ask(`/ask ${question}`);
      expect(refused(r), question).toBe(true);
      expect(r.figures, question).toEqual([]);
    }
  });

  it('answers an attribute of a company from that company’s records, or not at all', async () => {
    const anthropic = await ask('/ask how much revenue does Anthropic make?');
    expect(refused(anthropic)).toBe(true);
    expect(said(anthropic)).toMatch(/\/company Anthropic/);
    expect(refused(await ask('/ask when did jasper launch'))).toBe(true);
    const jasper = await ask('/ask did jasper hit $100M revenue in its first year?');
    expect(lead(jasper)).toMatch(/^Jasper: /);
  });

  it('says which thing it does not know', async () => {
    const r = await ask('/ask How did Zephyrion Labs do last quarter?');
    expect(said(r)).toMatch(/company or product/);
    expect(said(r)).toMatch(/Zephyrion/);
  });

  it('answers when a company name elsewhere is an ordinary word here', async () => {
    const meta = await ask('/ask a meta question: which layer captures the most value?');
    expect(refused(meta)).toBe(false);
    expect(lead(meta)).toMatch(/^Opinion \(a16z\)/);
    const adept = await ask('/ask are app companies adept at keeping users?');
    expect(refused(adept)).toBe(false);
    expect(adept.sources[0]?.section).toBe('apps');
    const inflection = await ask('/ask we’re at an inflection point on capex - how much are the hyperscalers spending a year?');
    expect(lead(inflection)).toMatch(/more than \$100B a year/);
  });

  it('reads people addressed in chat and known names as neither strangers nor versions', () => {
    for (const sentence of [
      '@Dev Patel does Nvidia have a durable moat?',
      'Stable Diffusion is open source, which is why Hugging Face hosts so many variants.',
      'they take 10% off the top',
    ]) {
      expect(retrieve(kb, sentence).question.scope, sentence).toBeUndefined();
    }
  });
});
