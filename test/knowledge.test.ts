// The knowledge base's integrity: everything cited, dated and bilingual; every company and figure
// of the essay present; a broken file stops loading with the file and field named.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadKnowledgeBase } from '../src/core/knowledge/load.js';
import { SECTION_IDS } from '../src/core/knowledge/schema.js';
import { kb } from './helpers.js';

/** Walks every object in the data and yields the ones that carry a `source`. */
function* sourced(value: unknown, path = ''): Generator<{ path: string; source: Record<string, unknown> }> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* sourced(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.source && typeof record.source === 'object') yield { path, source: record.source as Record<string, unknown> };
    for (const [key, v] of Object.entries(record)) if (key !== 'source') yield* sourced(v, `${path}.${key}`);
  }
}

/** Every {en, zh} pair in the data. */
function* bilingual(value: unknown, path = ''): Generator<{ path: string; en: unknown; zh: unknown }> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* bilingual(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('en' in record || 'zh' in record) yield { path, en: record.en, zh: record.zh };
    for (const [key, v] of Object.entries(record)) yield* bilingual(v, `${path}.${key}`);
  }
}

const FILES = ['sections.json', 'layers.json', 'companies.json', 'figures.json', 'moats.json', 'theses.json'];
const raw = Object.fromEntries(FILES.map((f) => [f, JSON.parse(readFileSync(join(defaultDataDir(), f), 'utf8')) as unknown]));

const expectRange = (id: string, low: number, high: number, unit: string) => {
  const figure = kb.figure(id);
  expect(figure, id).toBeDefined();
  expect([figure!.low, figure!.high, figure!.unit], id).toEqual([low, high, unit]);
};

describe('knowledge base integrity', () => {
  it('cites a section and a vintage on every record', () => {
    let count = 0;
    for (const file of FILES.filter((f) => f !== 'sections.json')) {
      for (const { path, source } of sourced(raw[file])) {
        count++;
        expect(SECTION_IDS, `${file}${path}`).toContain(source.section);
        expect(source.vintage, `${file}${path}`).toBe('2023-01');
        expect(['data', 'estimate', 'opinion'], `${file}${path}`).toContain(source.kind);
      }
    }
    expect(count).toBeGreaterThan(150);
  });

  it('has every company, figure, moat, layer and thesis carrying a source', () => {
    for (const record of [...kb.companies, ...kb.figures, ...kb.moats, ...kb.layers, ...kb.theses]) {
      expect(record.source.section, record.id).toBeTruthy();
    }
  });

  it('says everything in both languages, and the Chinese is Chinese', () => {
    for (const file of FILES) {
      for (const { path, en, zh } of bilingual(raw[file])) {
        if (path.endsWith('.aliases')) continue;
        expect(typeof en === 'string' && en.trim().length > 0, `${file}${path}.en`).toBe(true);
        expect(typeof zh === 'string' && zh.trim().length > 0, `${file}${path}.zh`).toBe(true);
        // Names and numbers may be Latin in both; any sentence of more than three words in zh must hold Han characters.
        if (typeof zh === 'string' && zh.split(/\s+/).length > 3) expect(zh, `${file}${path}.zh`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('labels every thesis as opinion', () => {
    for (const thesis of kb.theses) expect(thesis.source.kind, thesis.id).toBe('opinion');
    expect(kb.moatDurability.source.kind).toBe('opinion');
  });

  it('has every section of the essay, with notes', () => {
    expect(kb.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
  });

  it('has every company and product the essay and its appendix name', () => {
    const names = [
      'Midjourney',
      'Runway',
      'Jasper',
      'GitHub Copilot',
      'OpenAI',
      'GPT-3',
      'ChatGPT',
      'Stability AI',
      'Stable Diffusion',
      'Anthropic',
      'Cohere',
      'Character.ai',
      'Hugging Face',
      'Replicate',
      'CoreWeave',
      'Lambda Labs',
      'Cerebras',
      'SambaNova',
      'Graphcore',
      'NVIDIA',
      'AWS',
      'Google Cloud',
      'Google TPU',
      'Microsoft Azure',
      'Oracle',
      'AMD',
      'Intel',
      'TSMC',
      'Google',
      'Microsoft',
    ];
    for (const name of names) expect(kb.companyNames.resolve(name).found?.name, name).toBe(name);
  });

  it('finds companies by their Chinese names', () => {
    const zh: Record<string, string> = {
      英伟达: 'nvidia',
      台积电: 'tsmc',
      谷歌: 'google',
      微软: 'microsoft',
      甲骨文: 'oracle',
      英特尔: 'intel',
    };
    for (const [name, id] of Object.entries(zh)) expect(kb.companyNames.resolve(name).found?.id, name).toBe(id);
  });

  it('holds the figures the essay states, with the essay’s values', () => {
    expectRange('inference_share_of_revenue', 20, 40, 'percent');
    expectRange('cloud_share_of_genai_revenue', 10, 20, 'percent');
    expectRange('app_gross_margin_typical', 50, 60, 'percent');
    expectRange('model_provider_cloud_spend', 50, 50, 'percent');
    expectRange('early_stage_funding_to_cloud', 80, 90, 'percent');
    expectRange('nvidia_datacenter_revenue_q3_fy2023', 3.8e9, 3.8e9, 'usd');
    expectRange('nvidia_citation_ratio', 90, 90, 'ratio');
    expectRange('hundred_million_categories', 3, 3, 'count');
    expect(kb.figure('cloud_capex')?.low).toBe(100e9);
    expect(kb.figure('app_gross_margin_best')?.high).toBe(90);
  });

  it('makes every sum of money in the appendix a figure, so /brief figures lists it', () => {
    // Each appendix fact that states money (a round, a valuation, revenue) points at figures that
    // state exactly those sums: "$125M Series A, valued at $1.5B" is two figures.
    const money = (text: string) => [...text.matchAll(/\$(\d+(?:\.\d+)?)([MB])/g)].map((m) => Number(m[1]) * (m[2] === 'B' ? 1e9 : 1e6));
    let sums = 0;
    for (const company of kb.companies) {
      for (const fact of company.facts.filter((f) => f.source.section === 'appendix')) {
        const stated = money(fact.value.en);
        const figures = fact.figures.map((id) => kb.figure(id)!);
        for (const sum of stated) {
          sums++;
          expect(
            figures.some((f) => sum >= f.low && sum <= f.high),
            `${company.id}: ${fact.value.en}`,
          ).toBe(true);
        }
        for (const f of figures) expect(f.source.section, f.id).toBe('appendix');
      }
    }
    expect(sums).toBeGreaterThanOrEqual(24);
    expectRange('graphcore_valuation', 2.77e9, 2.77e9, 'usd');
    expectRange('jasper_revenue_2022', 90e6, 90e6, 'usd_per_year');
    expect(kb.figure('runway_revenue_estimate')?.source.kind).toBe('estimate');
  });

  it('files every company under a segment of its own layer', () => {
    for (const company of kb.companies) expect(kb.segmentOf(company)?.companies, company.id).toContain(company.id);
  });
});

describe('loading a broken knowledge base', () => {
  function brokenCopy(file: string, mutate: (data: any) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(defaultDataDir(), dir, { recursive: true });
    const path = join(dir, file);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    mutate(data);
    writeFileSync(path, JSON.stringify(data));
    return dir;
  }

  it('names the file and the field of a schema violation', () => {
    const dir = brokenCopy('companies.json', (d) => {
      d[3].facts[0].source.section = 'chapter9';
    });
    expect(() => loadKnowledgeBase(dir)).toThrow(/data\/companies\.json: \[3\]\.facts\[0\]\.source\.section/);
  });

  it('names a missing language', () => {
    const dir = brokenCopy('figures.json', (d) => {
      delete d[0].label.zh;
    });
    expect(() => loadKnowledgeBase(dir)).toThrow(/data\/figures\.json: \[0\]\.label\.zh/);
  });

  it('names a reference to a company that does not exist', () => {
    const dir = brokenCopy('layers.json', (d) => {
      d[0].segments[0].companies.push('no_such_co');
    });
    expect(() => loadKnowledgeBase(dir)).toThrow(
      /data\/layers\.json: \[0\]\.segments\[0\]\.companies\[\d+\]: no company with id “no_such_co”/,
    );
  });

  it('names an alias two companies share', () => {
    const dir = brokenCopy('companies.json', (d) => {
      d[0].aliases.en.push('nvidia');
    });
    expect(() => loadKnowledgeBase(dir)).toThrow(/data\/companies\.json: aliases: the name “nvidia” is used by both/);
  });

  it('says when a file is not JSON', () => {
    const dir = brokenCopy('moats.json', () => undefined);
    writeFileSync(join(dir, 'moats.json'), '{ not json');
    expect(() => loadKnowledgeBase(dir)).toThrow(/data\/moats\.json: not valid JSON/);
  });
});
