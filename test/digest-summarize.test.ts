// The summariser on the fixture conversations, in every export format and both reply languages.
import { describe, expect, it } from 'vitest';
import type { Digest } from '../src/core/digest/digest.js';
import { spanOf, summarize } from '../src/core/digest/summarize.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { shortCite } from '../src/core/knowledge/cite.js';
import { FORMATS, fixtureMessages, PERIODS, type FixtureFormat } from './fixtures/digest/load.js';
import { kb } from './helpers.js';

const LANGS: Lang[] = ['en', 'zh'];

function digestOf(format: FixtureFormat, conversation: 'en' | 'zh', lang: Lang): Digest {
  return summarize(kb, fixtureMessages(format, conversation), { ...PERIODS[conversation], lang });
}

const mentions = (d: Digest) => Object.fromEntries(d.companies.map((c) => [c.id, c.mentions]));

describe.each(FORMATS)('the English conversation from a %s export', (format) => {
  describe.each(LANGS)('summarised in %s', (lang) => {
    const d = digestOf(format, 'en', lang);

    it('counts messages and participants (joins and bot posts are not discussion)', () => {
      expect(d.messages).toBe(34);
      expect(d.participants).toEqual([
        { name: 'Ana Souza', messages: 7 },
        { name: 'Ben Okafor', messages: 7 },
        { name: 'Chloe Martin', messages: 7 },
        { name: 'Dev Patel', messages: 7 },
        { name: 'Eli Novak', messages: 6 },
      ]);
      expect(d.period).toEqual({ from: '2023-01-23T00:00:00.000Z', to: '2023-01-23T23:59:59.000Z', days: 1 });
      expect(d.lang).toBe(lang);
    });

    it('finds companies by any alias, with the knowledge base’s card in the digest’s language', () => {
      const m = mentions(d);
      // "Nvidia", "Nvidia" and "NVDA"; "Google Cloud" and "GCP"; "Azure"; "SD" and "Stable Diffusion" in one message.
      expect(m).toMatchObject({
        nvidia: 3,
        google_cloud: 2,
        openai: 2,
        aws: 1,
        microsoft_azure: 1,
        stable_diffusion: 1,
        hugging_face: 1,
        tsmc: 1,
        coreweave: 1,
        lambda_labs: 1,
        google_tpu: 1,
        gpt3: 1,
      });
      // "Runway shipped a new video model" names the company; "18 months of runway" does not.
      expect(m.runway).toBe(1);
      expect(d.companies[0]).toEqual({
        id: 'nvidia',
        name: 'NVIDIA',
        layer: 'infra',
        mentions: 3,
        oneLine: kb.company('nvidia')!.oneLine[lang],
      });
      expect(d.companies).toHaveLength(19);
    });

    it('ranks the layers discussed, company mentions counting toward their layer', () => {
      expect(d.layers.map((l) => [l.id, l.mentions])).toEqual([
        ['models', 13],
        ['infra', 12],
        ['apps', 11],
      ]);
      expect(d.layers[1]!.name).toBe(kb.layer('infra').name[lang]);
      expect(d.layers[1]!.companies[0]).toBe('nvidia');
    });

    it('flags the figures that disagree with the essay, with the essay’s value and section', () => {
      const odd = d.figures.filter((f) => f.verdict && !f.verdict.agrees);
      expect(odd.map((f) => f.text)).toEqual(['60%']);
      const [f] = odd as [Digest['figures'][number]];
      expect(f).toMatchObject({ author: 'Dev Patel', text: '60%', unit: 'percent', low: 60, high: 60 });
      expect(f.sentence).toBe('Honestly inference is 60% of revenue for AI apps, I see it in our own bills.');
      const figure = kb.figure('inference_share_of_revenue')!;
      expect(f.verdict).toMatchObject({ figureId: figure.id, essay: figure.display[lang], cite: shortCite(kb, figure.source, lang) });
      expect(f.verdict!.cite).toMatch(/^§6 ¶3, /);
      expect(f.verdict!.citation.section).toBe('infra');
    });

    it('confirms the figures that agree, each against the figure it states', () => {
      const agreeing = Object.fromEntries(d.figures.filter((f) => f.verdict?.agrees).map((f) => [f.text, f.verdict!.figureId]));
      expect(agreeing).toEqual({
        '10-20%': 'cloud_share_of_genai_revenue',
        '$3.8B': 'nvidia_datacenter_revenue_q3_fy2023',
        '20-40%': 'inference_share_of_revenue',
        '50-60%': 'app_gross_margin_typical',
        '90%': 'app_gross_margin_best',
        '90x': 'nvidia_citation_ratio',
        $10B: 'microsoft_openai_investment',
        $1B: 'microsoft_openai_investment_2019',
        $100B: 'cloud_capex',
        $29B: 'openai_rumoured_valuation',
        '1B parameters': 'stable_diffusion_parameters',
        // "Training a large model costs tens of millions, $50M is a normal budget now": both numbers, one in words.
        'tens of millions': 'model_training_cost',
        $50M: 'model_training_cost',
      });
    });

    it('reads each number with what it measures, and judges no number asked about in a question', () => {
      const quantities = Object.fromEntries(d.figures.map((f) => [f.text, f.quantity]));
      expect(quantities).toMatchObject({
        '10-20%': 'cloud_share_of_revenue',
        '60%': 'inference_share_of_revenue',
        '50-60%': 'gross_margin',
        $10B: 'money_raised',
        $29B: 'valuation',
        $100B: 'capex',
        '1B parameters': 'parameter_count',
        '90x': 'other',
      });
      // "Did Jasper really get to $100M in annual revenue within a year of launch?" asks; it claims
      // nothing. The number is read (revenue) but not judged; the question gets /ask's answer, the
      // appendix's expected ~$90M for Jasper's 2022.
      const jasper = d.figures.find((f) => f.text === '$100M')!;
      expect(jasper.quantity).toBe('revenue');
      expect(jasper.verdict).toBeUndefined();
      const asked = d.questions.find((q) => q.text.startsWith('Did Jasper really get to $100M'))!;
      expect(asked.answer!.text).toMatch(lang === 'zh' ? /9000万美元/ : /\$90M/);
      expect(asked.answer!.citation.section).toBe('appendix');
      // "Per the essay about a tenth to a fifth, through inference spend…" says what it measures only
      // by the thread it answers: read, listed, not judged (against inference it would be wrong).
      expect(d.figures.find((f) => f.text === 'a tenth to a fifth')).toMatchObject({ low: 10, high: 20, quantity: 'other' });
      expect(d.figures.find((f) => f.text === 'a tenth to a fifth')!.verdict).toBeUndefined();
      expect(d.totals.figures).toBe(16);
      expect(d.figures.some((f) => f.sentence.includes('[link]'))).toBe(false);
    });

    it('answers the questions the knowledge base covers, with its answer and citation', () => {
      expect(d.totals.questions).toBe(8);
      const byText = Object.fromEntries(d.questions.map((q) => [q.text, q]));
      const share = byText['What share of revenue goes to the cloud providers?']!;
      expect(share.author).toBe('Eli Novak');
      expect(share.answer!.text).toContain(kb.figure('cloud_share_of_genai_revenue')!.display[lang]);
      expect(share.answer!.citation.section).toBe('infra');
      const moat = d.questions.find((q) => q.text.endsWith('does Nvidia have a durable moat?'))!;
      expect(moat.text).toBe('@Dev Patel does Nvidia have a durable moat?');
      expect(moat.answer!.text.startsWith(lang === 'zh' ? '观点(a16z)' : 'Opinion (a16z)')).toBe(true);
      expect(moat.answer!.citation.opinion).toBe(true);
    });

    it('marks questions the knowledge base cannot answer, and leaves out questions about lunch', () => {
      const byText = Object.fromEntries(d.questions.map((q) => [q.text, q]));
      expect(byText['What will Anthropic raise in 2024?']).toBeDefined();
      expect(byText['What will Anthropic raise in 2024?']!.answer).toBeUndefined();
      expect(byText['Who is the CEO of Cohere these days?']!.answer).toBeUndefined();
      expect(byText['Lunch at the usual place?']).toBeUndefined();
      expect(d.questions).toHaveLength(7);
      expect(d.questions.filter((q) => q.answer)).toHaveLength(5);
    });

    it('ranks the most discussed messages by replies and reactions', () => {
      expect(d.topMessages.map((m) => [m.author, m.replies, m.reactions])).toEqual([
        ['Dev Patel', 3, 7],
        ['Ana Souza', 2, 3],
        ['Ben Okafor', 2, 3],
        ['Chloe Martin', 0, 4],
        ['Eli Novak', 1, 2],
      ]);
      if (format === 'discord') expect(d.topMessages[0]!.link).toMatch(/^https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+$/);
    });

    it('says what the essay would say, labelled as a16z’s opinion of January 2023', () => {
      expect(d.essay).toMatchObject({ theme: 'infra', thesisId: 'infra_biggest_winners', messages: 11 });
      expect(d.essay!.citation.opinion).toBe(true);
      const thesis = kb.theses.find((t) => t.id === 'infra_biggest_winners')!;
      expect(d.essay!.text).toContain(thesis.statement[lang]);
      expect(d.essay!.text).toContain(lang === 'zh' ? '观点,a16z,2023年1月' : 'opinion, a16z, Jan 2023');
    });
  });
});

describe.each(FORMATS)('the Chinese conversation from a %s export', (format) => {
  describe.each(LANGS)('summarised in %s', (lang) => {
    const d = digestOf(format, 'zh', lang);

    it('counts messages, participants and companies named in Chinese', () => {
      expect(d.messages).toBe(27);
      expect(d.participants.map((p) => [p.name, p.messages])).toEqual([
        ['王芳', 6],
        ['陈静', 6],
        ['刘洋', 5],
        ['张伟', 5],
        ['李雷', 5],
      ]);
      // 英伟达 ×3; 亚马逊云, 谷歌云 and 微软云 are the clouds, 微软 alone is Microsoft; 台积电 is TSMC.
      expect(mentions(d)).toEqual({
        nvidia: 3,
        aws: 1,
        google_cloud: 1,
        microsoft_azure: 1,
        microsoft: 1,
        tsmc: 1,
        openai: 1,
        hugging_face: 1,
        stable_diffusion: 1,
        midjourney: 1,
      });
      expect(d.layers.map((l) => [l.id, l.mentions])).toEqual([
        ['infra', 10],
        ['models', 7],
        ['apps', 6],
      ]);
    });

    it('flags “推理成本占应用收入的60%” against the essay’s 20-40%', () => {
      const odd = d.figures.filter((f) => f.verdict && !f.verdict.agrees);
      expect(odd.map((f) => [f.author, f.text, f.verdict!.figureId])).toEqual([['张伟', '60%', 'inference_share_of_revenue']]);
      expect(odd[0]!.verdict!.essay).toBe(kb.figure('inference_share_of_revenue')!.display[lang]);
      expect(d.figures.filter((f) => f.verdict?.agrees).map((f) => f.text)).toEqual([
        '10%-20%',
        '38亿美元',
        '290亿美元',
        '100亿美元',
        '1000亿美元',
        '50-60%',
        '90%',
        '10万个预训练模型',
        '几千万美元',
        '5000万美元',
        '90倍',
      ]);
      // “文章说的是约20%-40%” says what it is about only by reference: listed, not judged.
      expect(d.figures.find((f) => f.text === '20%-40%')!.verdict).toBeUndefined();
    });

    it('answers Chinese questions from the knowledge base and refuses the rest', () => {
      const byText = Object.fromEntries(d.questions.map((q) => [q.text, q]));
      expect(byText['云厂商拿走了多少收入？']!.answer!.text).toContain(kb.figure('cloud_share_of_genai_revenue')!.display[lang]);
      expect(byText['我更关心护城河：模型公司到底有没有护城河？']!.answer!.citation).toMatchObject({ section: 'value', opinion: true });
      expect(byText['百度的文心一言怎么样？']!.answer).toBeUndefined();
      expect(byText['2025年英伟达的市值是多少？']!.answer).toBeUndefined();
      expect(byText['中午一起吃饭吗？']).toBeUndefined();
      expect(d.totals.questions).toBe(10);
    });

    it('sees a discussion dominated by moats, and says so with the essay’s opinion', () => {
      expect(d.essay).toMatchObject({ theme: 'moats', thesisId: 'no_systemic_moats', messages: 11 });
      expect(d.essay!.text).toContain(kb.theses.find((t) => t.id === 'no_systemic_moats')!.statement[lang]);
      expect(d.topMessages[0]).toMatchObject({ author: '陈静', replies: 3, reactions: 7 });
    });
  });
});

describe('the summariser', () => {
  it('gives the same digest whatever the export format', () => {
    const strip = (d: Digest) =>
      JSON.stringify({
        ...d,
        figures: d.figures.map(({ link: _l, messageId: _m, ...f }) => f),
        questions: d.questions.map(({ link: _l, messageId: _m, ...q }) => q),
        topMessages: d.topMessages.map(({ link: _l, messageId: _m, ...t }) => t),
      });
    for (const conversation of ['en', 'zh'] as const) {
      const [slack, ...others] = FORMATS.map((f) => strip(digestOf(f, conversation, 'en')));
      for (const other of others) expect(other).toBe(slack);
    }
  });

  it('reads only the period it is given', () => {
    const messages = fixtureMessages('slack', 'en');
    const d = summarize(kb, messages, { from: new Date('2023-01-23T12:00:00Z'), to: new Date('2023-01-23T23:59:59Z'), lang: 'en' });
    expect(d.messages).toBe(messages.filter((m) => m.at >= new Date('2023-01-23T12:00:00Z')).length);
    expect(d.messages).toBeLessThan(34);
    const none = summarize(kb, messages, { from: new Date('2024-01-01'), to: new Date('2024-01-08'), lang: 'en' });
    expect(none).toMatchObject({
      messages: 0,
      participants: [],
      companies: [],
      figures: [],
      questions: [],
      topMessages: [],
      period: { days: 7 },
    });
    expect(none.essay).toBeUndefined();
  });

  it('gives the span of an export, which may be long past', () => {
    expect(spanOf(fixtureMessages('jsonl', 'zh'))).toEqual({
      from: new Date('2023-02-06T02:00:00.000Z'),
      to: new Date('2023-02-06T06:00:05.000Z'),
    });
    expect(spanOf([])).toBeUndefined();
  });

  it('passes incomplete history through', () => {
    const d = summarize(kb, fixtureMessages('discord', 'zh'), { ...PERIODS.zh, lang: 'zh', incomplete: 'page_cap' });
    expect(d.incomplete).toBe('page_cap');
    expect('incomplete' in digestOf('discord', 'zh', 'zh')).toBe(false);
  });

  it('is deterministic: the same messages in any order give the same digest', () => {
    const messages = fixtureMessages('slack', 'en');
    const a = summarize(kb, messages, { ...PERIODS.en, lang: 'en' });
    const b = summarize(kb, [...messages].reverse(), { ...PERIODS.en, lang: 'en' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('survives a JSON round trip (the --json output)', () => {
    const d = digestOf('slack', 'en', 'en');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
