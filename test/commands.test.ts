// Each knowledge command's content against the essay's facts, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { HEADLINE_FIGURES } from '../commands/brief.js';
import { commands } from '../commands/index.js';
import { LAYER_IDS } from '../src/core/knowledge/schema.js';
import { allText, ask, kb } from './helpers.js';

describe('/help', () => {
  it('lists every command with an example, from the registry', async () => {
    const r = await ask('/help');
    expect(r.table?.rows.map((row) => row[0]?.split(' ')[0])).toEqual(commands.map((c) => `/${c.name}`));
    for (const row of r.table!.rows) expect(row[2]).toMatch(/^\//);
  });
  it('explains one command in full, in Chinese too', async () => {
    const r = await ask('/help moat', 'zh');
    expect(r.body).toContain('用法: /moat <company>');
    expect(r.table?.rows[0]?.[0]).toBe('company');
  });
  it('knows every command by its Chinese name too', async () => {
    expect((await ask('/公司 英伟达')).title).toBe('NVIDIA');
    expect((await ask('/层级 基础设施')).title).toBe('基础设施层 (infra)');
    expect((await ask('/help', 'zh')).table?.rows[1]?.[0]).toBe('/layer <layer>(/层级)');
    expect((await ask('/帮助 护城河')).title).toBe('/moat');
  });

  it('says when the command to explain does not exist', async () => {
    expect((await ask('/help nonsense')).kind).toBe('usage');
  });
});

describe('/layer', () => {
  it('describes infrastructure with its segments, figures and open questions', async () => {
    const r = await ask('/layer infra');
    const text = allText(r);
    expect(r.title).toBe('Infrastructure (infra)');
    expect(r.table?.rows.map((row) => row[0])).toHaveLength(3);
    expect(text).toMatch(/NVIDIA/);
    expect(text).toMatch(/10-20%/);
    expect(text).toMatch(/\$3\.8B/);
    expect(text).toMatch(/Open question: /);
    expect(r.sources.map((s) => s.section)).toContain('infra');
    expect(r.sources.every((s) => s.vintage === 'Jan 2023')).toBe(true);
  });

  it('accepts aliases in both languages', async () => {
    for (const [alias, id] of [
      ['cloud', 'infra'],
      ['llm', 'models'],
      ['app', 'apps'],
      ['应用', 'apps'],
      ['模型', 'models'],
      ['基础设施', 'infra'],
    ]) {
      expect((await ask(`/layer ${alias}`)).title, alias).toMatch(new RegExp(`\\(${id}\\)$`));
    }
  });

  it('shows every layer’s companies and figures', async () => {
    for (const id of LAYER_IDS) {
      const text = allText(await ask(`/layer ${id}`));
      for (const segment of kb.layer(id).segments) for (const cid of segment.companies) expect(text).toContain(kb.company(cid)!.name);
      for (const fid of kb.layer(id).figures) expect(text).toContain(kb.figure(fid)!.display.en);
    }
  });

  it('answers in Chinese with Chinese figures', async () => {
    const r = await ask('/layer apps', 'zh');
    expect(r.title).toBe('应用层 (apps)');
    expect(allText(r)).toMatch(/50-60%/);
    expect(r.sources[0]?.vintage).toBe('2023年1月');
  });

  it('says which layers exist when given a wrong one', async () => {
    const r = await ask('/layer modles');
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toMatch(/not a layer.*Did you mean “models”/);
  });
});

describe('/moat', () => {
  it('finds NVIDIA’s ecosystem moat and states the durability caveat as opinion', async () => {
    const r = await ask('/moat nvidia');
    const ecosystem = r.table?.rows.find((row) => row[0] === 'Ecosystem');
    expect(ecosystem?.[1]).toMatch(/supported/);
    expect(ecosystem?.[2]).toMatch(/90/);
    expect(r.table?.rows).toHaveLength(6);
    expect(r.body.join('\n')).toMatch(/^Opinion \(a16z\): /m);
    expect(r.sources.find((s) => s.section === 'value')?.opinion).toBe(true);
  });

  it('shows a moat on its own when asked by its name', async () => {
    const r = await ask('/moat scale');
    expect(r.title).toBe('Moat: Scale');
    expect(r.body[0]).toMatch(/money/i);
  });

  it('works by Chinese alias', async () => {
    const r = await ask('/moat 英伟达');
    expect(r.lang).toBe('zh');
    expect(r.title).toBe('NVIDIA:护城河');
  });
});

describe('/company', () => {
  it('has cards for the models the essay names only in passing: Codex and DALL-E, made by OpenAI', async () => {
    for (const [name, lang] of [
      ['codex', 'en'],
      ['OpenAI Codex', 'zh'],
      ['dall-e', 'en'],
      ['DALL·E', 'zh'],
    ] as const) {
      const r = await ask(`/company ${name}`, lang);
      expect(r.title, name).toMatch(/^(Codex|DALL-E)$/);
      expect(allText(r), name).toContain('OpenAI');
      expect(
        r.sources.map((s) => s.section),
        name,
      ).toEqual(['appendix']);
    }
    expect(allText(await ask('/company codex'))).toContain('GitHub Copilot');
  });

  it('gives Jasper’s appendix figures with dates and the appendix as source', async () => {
    const r = await ask('/company jasper');
    const text = allText(r);
    expect(text).toMatch(/\$125M Series A, valued at \$1\.5B \(2022-10\)/);
    expect(text).toMatch(/\$90M/);
    expect(r.sources.map((s) => s.section)).toContain('appendix');
  });

  it('gives NVIDIA’s data-center revenue and citation ratio', async () => {
    const text = allText(await ask('/company NVDA'));
    expect(text).toMatch(/\$3\.8B/);
    expect(text).toMatch(/90x/);
  });

  it('states each number once, not as a fact and again as a market figure', async () => {
    const values = (await ask('/company nvidia')).figures.map((f) => f.value);
    expect(values.filter((v) => v.includes('3.8B'))).toHaveLength(1);
    const openai = (await ask('/company openai')).figures.map((f) => f.value);
    expect(openai.filter((v) => v.includes('$29B'))).toHaveLength(1);
    expect(openai.some((v) => v.includes('175 billion'))).toBe(true);
  });

  it('reaches every company and product by name, in both languages', async () => {
    for (const company of kb.companies) {
      for (const lang of ['en', 'zh'] as const) {
        const r = await ask(`/company ${company.name}`, lang);
        expect(r.title, company.id).toBe(company.name);
        expect(r.body.join('\n'), company.id).toContain(company.description[lang]);
        expect(r.sources.length, company.id).toBeGreaterThan(0);
      }
    }
  });

  it('finds multi-word names without quotes', async () => {
    expect((await ask('/company hugging face')).title).toBe('Hugging Face');
    expect((await ask('/company lambda labs')).title).toBe('Lambda Labs');
  });
});

describe('/compare', () => {
  it('puts two companies side by side', async () => {
    const r = await ask('/compare openai stability');
    expect(r.table?.columns).toEqual(['', 'OpenAI', 'Stability AI']);
    expect(allText(r)).toMatch(/\$29B/);
    expect(allText(r)).toMatch(/\$100M raised, valued at \$1B/);
  });

  it('splits on vs, and, commas and 和', async () => {
    for (const text of [
      '/compare hugging face vs lambda labs',
      '/compare hugging face, lambda labs',
      '/compare hugging face and lambda labs',
    ]) {
      expect((await ask(text)).title, text).toBe('Hugging Face vs Lambda Labs');
    }
    expect((await ask('/compare 英伟达和台积电')).title).toBe('NVIDIA 对比 TSMC');
  });

  it('refuses to compare a company with itself', async () => {
    expect((await ask('/compare nvidia 英伟达')).body[0]).toMatch(/两边都是“NVIDIA”/);
  });

  it('names both unknown companies at once', async () => {
    expect((await ask('/compare foo bar')).body[0]).toMatch(/“foo” or “bar”/);
  });
});

describe('/brief', () => {
  it('briefs the whole market model with its headline figures', async () => {
    const r = await ask('/brief');
    expect(r.figures.map((f) => f.value)).toEqual(HEADLINE_FIGURES.map((id) => kb.figure(id)!.display.en));
    for (const layer of kb.layers) expect(r.body.join('\n')).toContain(layer.summary.en);
    expect(r.body.some((p) => p.startsWith('Opinion (a16z): '))).toBe(true);
  });

  it('lists every figure of the essay with its section', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = await ask('/brief figures', lang);
      expect(r.table?.rows).toHaveLength(kb.figures.length);
      for (const [i, figure] of kb.figures.entries()) {
        expect(r.table?.rows[i]?.[1]).toBe(figure.display[lang]);
        expect(r.table?.rows[i]?.[2]).toMatch(new RegExp(`^§${kb.section(figure.source.section).number}`));
      }
    }
  });

  it('briefs the moats, the theses, a section, a layer, a moat and a company', async () => {
    expect((await ask('/brief moats')).table?.rows).toHaveLength(6);
    expect((await ask('/brief theses')).body).toHaveLength(kb.theses.length);
    expect((await ask('/brief 护城河')).title).toBe('六种护城河');
    expect((await ask('/brief value')).title).toMatch(/^§7 /);
    expect((await ask('/brief infra')).title).toMatch(/^Infrastructure: /);
    expect((await ask('/brief ecosystem')).title).toBe('Moat: Ecosystem');
    expect((await ask('/brief tsmc')).title).toBe('TSMC');
  });

  it('reaches every section of the essay', async () => {
    for (const section of kb.sections) {
      const r = await ask(`/brief ${section.id}`);
      expect(r.kind, section.id).toBe('answer');
      for (const note of section.notes) expect(r.body, section.id).toContain(note.en);
    }
  });

  it('suggests topics for an unknown one', async () => {
    const r = await ask('/brief figurs');
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toMatch(/Did you mean “figures”/);
  });
});
