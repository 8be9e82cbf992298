// Every record in data/ rests on paragraphs of the essay, and those paragraphs state every number
// and name every company the record does. Reads the essay beside the repository
// (../shared/source/, where CI has it); without it, says so in one line and skips.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  companiesNamed,
  type EssaySectionId,
  essayParagraphs,
  findEssay,
  numbersIn,
  type SourcedRecord,
  sourcedRecords,
} from '../scripts/grounding.js';

const essayPath = findEssay();
if (!essayPath) console.log('grounding: the essay is not beside the repository (../shared/source/); skipped');

const DATA = join(import.meta.dirname, '..', 'data');
const files = Object.fromEntries(
  ['figures.json', 'companies.json', 'layers.json', 'moats.json', 'theses.json'].map((f) => [
    f,
    JSON.parse(readFileSync(join(DATA, f), 'utf8')),
  ]),
);
const companies = files['companies.json'] as Parameters<typeof companiesNamed>[1];

/**
 * What a record may state that no paragraph writes, and why. Kept short: each entry is a reading a
 * person checked, not a way round the test.
 */
const ALLOWED: Record<string, { numbers: number[]; why: string }> = {
  'moats.json.durability': { numbers: [6], why: 'value ¶4 lists the six moats without writing the word "six"' },
};

describe.skipIf(!essayPath)('the knowledge base, grounded paragraph by paragraph', () => {
  const sections = essayPath ? essayParagraphs(readFileSync(essayPath, 'utf8')) : new Map<EssaySectionId, string[]>();
  const records = sourcedRecords(files).filter((r) => r.source.kind !== 'background');

  /** The text of the paragraphs a record cites, in its section and any other. */
  const citedText = (r: SourcedRecord) =>
    [{ section: r.source.section, paragraphs: r.source.paragraphs ?? [] }, ...(r.source.alsoIn ?? [])].flatMap(({ section, paragraphs }) =>
      paragraphs.map((n) => {
        const text = sections.get(section)?.[n - 1];
        expect(text, `${r.where}: §${section} has no ¶${n}`).toBeDefined();
        return text!;
      }),
    );

  it('cuts the essay into its eight sections, the appendix one paragraph per company', () => {
    expect([...sections.keys()]).toEqual(['preface', 'intro', 'stack', 'apps', 'models', 'infra', 'value', 'appendix']);
    expect(sections.get('appendix')).toHaveLength(16);
    expect(sections.get('appendix')![0]).toMatch(/^• Midjourney/);
    expect(sections.get('infra')![3]).toContain('10-20%');
  });

  it('reads numbers the way the essay writes them', () => {
    expect(numbersIn('2022年10月宣布完成1.25亿美元的A轮融资,估值达15亿美元')).toEqual([2022, 10, 125e6, 1.5e9]);
    expect(numbersIn('年营收在5000-8000万美元之间')).toEqual(expect.arrayContaining([50e6, 80e6]));
    expect(numbersIn('三朵云每年花费超千亿美元')).toEqual([100e9, 3]);
    expect(numbersIn('A100和H100, GPT-3, a16z, §6 ¶4')).toEqual([]);
    expect(numbersIn('从去年Midjourney火爆出圈; 于今年1月')).toEqual([1, 2022, 2023]);
  });

  it('gives every record the paragraphs it rests on', () => {
    expect(records.length).toBeGreaterThan(250);
    for (const r of records) expect(r.source.paragraphs, `${r.where} has no paragraphs`).toBeDefined();
  });

  it('states no number the cited paragraphs do not', () => {
    for (const r of records) {
      const stated = new Set(citedText(r).flatMap(numbersIn));
      const allowed = new Set(ALLOWED[r.where]?.numbers ?? []);
      for (const n of [...numbersIn(r.zh), ...r.years]) {
        if (!allowed.has(n)) expect(stated.has(n), `${r.where} states ${n}, which its paragraphs do not`).toBe(true);
      }
    }
  });

  it('names no company the cited paragraphs do not', () => {
    for (const r of records) {
      const named = new Set(companiesNamed(citedText(r).join('\n'), companies).map((c) => c.id));
      for (const { id } of companiesNamed(`${r.en} ${r.zh}`, companies))
        expect(named.has(id), `${r.where} names ${id}, which its paragraphs do not`).toBe(true);
    }
  });
});
