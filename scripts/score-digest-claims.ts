// Scores the digest's reading of cited numbers on a file of labelled claim messages:
//   npx tsx scripts/score-digest-claims.ts test/fixtures/digest-claims.json
// Each message becomes a one-message channel export (JSON lines) and goes through /digest exactly
// as `genai-bot "/digest" --history FILE --json` runs it: the export reader, the router, the
// command. The figure read for the claim's number is right when the claim expects no verdict and
// gets none, or expects agrees/disagrees and gets that verdict against a figure of the claim's
// quantity. Prints accuracy overall and per language, and every failure.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { commands } from '../commands/index.js';
import { historyFromExport } from '../src/adapters/shell/history-file.js';
import { answerOnce } from '../src/adapters/shell/one-shot.js';
import type { CitedFigure } from '../src/core/digest/digest.js';
import { FIGURE_QUANTITIES } from '../src/core/digest/figure-quantities.js';
import { QUANTITIES } from '../src/core/digest/quantity-words.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';

export const Claim = z.object({
  id: z.string(),
  lang: z.enum(['en', 'zh']),
  message: z.string().min(1),
  number: z.string().min(1),
  quantity: z.enum(QUANTITIES),
  expected: z.enum(['agrees', 'disagrees', 'none']),
  essayValue: z.string().nullable(),
  why: z.string(),
});
export type Claim = z.infer<typeof Claim>;
export const ClaimFile = z.object({ about: z.string(), claims: z.array(Claim).min(1) });

export interface ClaimResult {
  claim: Claim;
  right: boolean;
  /** What the digest made of the number: "agrees:<figureId>(<quantity>)", "none(<quantity>)", "not found". */
  got: string;
}

export interface Score {
  results: ClaimResult[];
  overall: number;
  byLang: Record<'en' | 'zh', { right: number; total: number }>;
}

/** Runs every claim through /digest and scores it. */
export async function scoreClaims(claims: readonly Claim[]): Promise<Score> {
  const kb = defaultKnowledgeBase();
  const router = createRouter({ commands, kb, store: memoryStore(), logger: { error: () => undefined } });
  const dir = mkdtempSync(join(tmpdir(), 'digest-claims-'));
  const results: ClaimResult[] = [];
  try {
    for (const claim of claims) {
      const figures = await digestFigures(router, dir, claim);
      results.push(scoreOne(claim, figures));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const byLang = { en: { right: 0, total: 0 }, zh: { right: 0, total: 0 } };
  for (const r of results) {
    byLang[r.claim.lang].total++;
    if (r.right) byLang[r.claim.lang].right++;
  }
  return { results, overall: results.filter((r) => r.right).length / Math.max(1, results.length), byLang };
}

async function digestFigures(router: ReturnType<typeof createRouter>, dir: string, claim: Claim): Promise<CitedFigure[]> {
  const file = join(dir, `${claim.id.replace(/[^\w-]/g, '_')}.jsonl`);
  writeFileSync(file, `${JSON.stringify({ user: 'someone', text: claim.message, ts: '2023-01-25T10:00:00Z' })}\n`);
  const loaded = await historyFromExport(file, claim.lang);
  if (!loaded.ok) throw new Error(`${claim.id}: ${loaded.message}`);
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  const code = await answerOnce(router, '/digest', { json: true, lang: claim.lang, history: loaded.history }, sink, sink);
  if (code !== 0) throw new Error(`${claim.id}: /digest failed: ${out}`);
  return (JSON.parse(out) as { data: { figures: CitedFigure[] } }).data.figures;
}

const same = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The figure read for the claim's number: written the same, else the one that contains it (or it contains). */
export function findReading(figures: readonly CitedFigure[], number: string): CitedFigure | undefined {
  const n = same(number);
  return (
    figures.find((f) => same(f.text) === n) ??
    figures.find((f) => same(f.text).includes(n)) ??
    figures.find((f) => n.includes(same(f.text)))
  );
}

export function scoreOne(claim: Claim, figures: readonly CitedFigure[]): ClaimResult {
  const reading = findReading(figures, claim.number);
  if (!reading) return { claim, right: claim.expected === 'none', got: 'not found' };
  const v = reading.verdict;
  const got = v
    ? `${v.agrees ? 'agrees' : 'disagrees'}:${v.figureId}(${FIGURE_QUANTITIES[v.figureId]?.quantity ?? '?'})`
    : `none(${reading.quantity})`;
  if (claim.expected === 'none') return { claim, right: !v, got };
  const right = Boolean(v) && v!.agrees === (claim.expected === 'agrees') && FIGURE_QUANTITIES[v!.figureId]?.quantity === claim.quantity;
  return { claim, right, got };
}

export function report(score: Score): string {
  const pct = (right: number, total: number) => `${total ? ((100 * right) / total).toFixed(1) : '0.0'}% (${right}/${total})`;
  const all = score.results.filter((r) => r.right).length;
  const lines = [
    `overall ${pct(all, score.results.length)}`,
    `en      ${pct(score.byLang.en.right, score.byLang.en.total)}`,
    `zh      ${pct(score.byLang.zh.right, score.byLang.zh.total)}`,
  ];
  const failures = score.results.filter((r) => !r.right);
  if (failures.length) {
    lines.push('', `failures (${failures.length}):`);
    for (const f of failures)
      lines.push(
        `- ${f.claim.id} [${f.claim.lang}] ${JSON.stringify(f.claim.message)}`,
        `    number ${JSON.stringify(f.claim.number)}: expected ${f.claim.expected} (${f.claim.quantity}${f.claim.essayValue ? `, essay ${f.claim.essayValue}` : ''}), got ${f.got}`,
      );
  }
  return lines.join('\n');
}

async function cli(argv: string[]): Promise<number> {
  const [path] = argv;
  if (!path || argv.length > 1) {
    process.stderr.write('usage: npx tsx scripts/score-digest-claims.ts <claims.json>\n');
    return 2;
  }
  let parsed: z.infer<typeof ClaimFile>;
  try {
    const result = ClaimFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!result.success) {
      const issue = result.error.issues[0]!;
      process.stderr.write(`${path}: not a claims file: ${issue.path.join('.') || '(top)'}: ${issue.message}\n`);
      return 2;
    }
    parsed = result.data;
  } catch (err) {
    process.stderr.write(`${path}: ${(err as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${report(await scoreClaims(parsed.claims))}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
