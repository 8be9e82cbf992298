// Proposes the essay paragraphs behind each record in data/ and writes them into its `source`
// (`paragraphs`), for a person to review in the diff. A record's paragraphs are the fewest of its
// section that between them state every number and name every company the record does, preferring
// the paragraphs whose wording is closest; a record that states neither gets its closest paragraph.
// Prints what it could not ground. Usage: tsx scripts/ground.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  companiesNamed,
  type EssaySectionId,
  essayParagraphs,
  findEssay,
  numbersIn,
  sourcedRecords,
  type SourcedRecord,
} from './grounding.js';

const DATA = join(import.meta.dirname, '..', 'data');
const FILES = ['figures.json', 'companies.json', 'layers.json', 'moats.json', 'theses.json'];

const essayPath = findEssay();
if (!essayPath) {
  console.error('ground: the essay is not beside the repository (../shared/source/); set ESSAY_PATH');
  process.exit(2);
}
const sections = essayParagraphs(readFileSync(essayPath, 'utf8'));
const files = Object.fromEntries(FILES.map((f) => [f, JSON.parse(readFileSync(join(DATA, f), 'utf8')) as unknown]));
const companies = files['companies.json'] as Parameters<typeof companiesNamed>[1];

const bigrams = (text: string) => {
  const han = text.replace(/[^\p{Script=Han}]/gu, '');
  return new Set(Array.from({ length: Math.max(0, han.length - 1) }, (_, i) => han.slice(i, i + 2)));
};
/** Cosine of the two texts' Chinese character pairs: a long paragraph does not win by length alone. */
const closeness = (record: Set<string>, paragraph: string) => {
  const p = bigrams(paragraph);
  let shared = 0;
  for (const b of record) if (p.has(b)) shared++;
  return shared / Math.max(1, Math.sqrt(record.size * p.size));
};

/** What a record states that its paragraphs must too: numbers and the companies it names, as keys. */
function claims(record: SourcedRecord): string[] {
  const numbers = [...numbersIn(record.zh), ...record.years];
  const named = companiesNamed(`${record.en} ${record.zh}`, companies).map((c) => c.id);
  return [...new Set(numbers.map((n) => `#${n}`)), ...new Set(named.map((id) => `@${id}`))];
}

/**
 * How well a paragraph's wording matches the record's, with a lift for a paragraph that names the
 * company whose card holds the record (in the appendix, that company's own line).
 */
function wordingScores(paragraphs: string[], near: Set<string>, about: string | undefined, lift: number): number[] {
  return paragraphs.map((p) => closeness(near, p) + (about && covers(p, `@${about}`) ? lift : 0));
}
/** In the appendix each company has its own line: a fact on a company's card belongs on that line. */
const liftFor = (section: EssaySectionId) => (section === 'appendix' ? 1 : 0.05);

function covers(paragraph: string, claim: string): boolean {
  if (claim.startsWith('#')) return numbersIn(paragraph).includes(Number(claim.slice(1)));
  return companiesNamed(paragraph, companies).some((c) => c.id === claim.slice(1));
}

/** The fewest paragraphs that between them state `wanted`, the closest wording first among equals. */
function cover(paragraphs: string[], wanted: string[], score: number[]): { chosen: number[]; left: string[] } {
  let open = wanted.filter((c) => paragraphs.some((p) => covers(p, c)));
  const left = wanted.filter((c) => !open.includes(c));
  const chosen: number[] = [];
  while (open.length) {
    const best = paragraphs
      .map((p, i) => ({ i, n: open.filter((c) => covers(p, c)).length + score[i]! / 10 }))
      .sort((a, b) => b.n - a.n)[0]!;
    chosen.push(best.i + 1);
    open = open.filter((c) => !covers(paragraphs[best.i]!, c));
  }
  return { chosen: chosen.sort((a, b) => a - b), left };
}

/**
 * Paragraphs a person chose after reading the proposal, where the closest wording missed the point:
 * the paragraph that makes the record's argument, beside the ones that hold its numbers.
 */
const REVIEWED: Record<string, number[]> = {
  'theses.json[infra_biggest_winners]': [6],
  'theses.json[infra_most_durable_layer]': [6, 11],
  'theses.json[vertical_integration_edge]': [6, 8],
};

const unground: string[] = [];
for (const record of sourcedRecords(files)) {
  if (record.source.kind === 'background') continue;
  const section = record.source.section;
  const paragraphs = sections.get(section) ?? [];
  const near = bigrams(record.zh);
  const wanted = claims(record);
  const score = wordingScores(paragraphs, near, record.about, liftFor(section));
  const own = cover(paragraphs, wanted, score);
  // A number pins a paragraph down; a name does not (a paragraph can name a company and make
  // another point). Unless the record states a number, the paragraph worded most like it is where
  // its point is made; so it is for a record whose section states none of what it does.
  if (!own.chosen.length || !wanted.some((c) => c.startsWith('#')))
    own.chosen = [...new Set([...own.chosen, score.indexOf(Math.max(...score)) + 1])].sort((a, b) => a - b);
  record.source.paragraphs = REVIEWED[record.where] ?? own.chosen;
  // What the record's own section does not state, it takes from other sections: say where. All of
  // them compete at once, so a count finds the paragraph that is about the same thing.
  const others = [...sections].flatMap(([other, texts]) => (other === section ? [] : texts.map((text, i) => ({ other, i, text }))));
  const found = cover(
    others.map((o) => o.text),
    own.left,
    others.map((o) => wordingScores([o.text], near, record.about, liftFor(o.other))[0]!),
  );
  const alsoIn: { section: EssaySectionId; paragraphs: number[] }[] = [];
  for (const n of found.chosen) {
    const { other, i } = others[n - 1]!;
    const entry = alsoIn.find((a) => a.section === other) ?? alsoIn[alsoIn.push({ section: other, paragraphs: [] }) - 1]!;
    entry.paragraphs.push(i + 1);
  }
  const order = [...sections.keys()];
  alsoIn.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  if (alsoIn.length) record.source.alsoIn = alsoIn;
  else delete record.source.alsoIn;
  const left = found.left;
  if (left.length) unground.push(`${record.where} (§ ${section}): ${left.join(' ')}`);
}

if (!process.argv.includes('--check')) {
  for (const f of FILES) writeFileSync(join(DATA, f), `${JSON.stringify(files[f], null, 2)}\n`);
}
console.log(unground.length ? `not found in their section:\n${unground.join('\n')}` : 'every record grounded');
