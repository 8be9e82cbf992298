// npx tsx scripts/bench-export.ts [messages...]: how much heap a `--history` digest needs per byte
// of export, the figure behind HEAP_PER_EXPORT_BYTE (src/adapters/shell/export-size.ts). For each
// format it generates an export, then finds the smallest --max-old-space-size under which the
// digest still answers (the size limit switched off), and prints heap MB per export MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExport } from '../test/fixtures/digest/big-export.js';
import { FORMATS } from '../test/fixtures/digest/load.js';

const CHILD = fileURLToPath(new URL('./bench-export-child.ts', import.meta.url));

function answers(file: string, heapMb: number): boolean {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', CHILD, file], { encoding: 'utf8' });
  return run.status === 0;
}

/** The smallest heap (MB, to within 8 MB) under which the digest answers. */
function smallestHeap(file: string): number {
  let low = 16;
  let high = 64;
  while (!answers(file, high)) high *= 2;
  while (high - low > 8) {
    const mid = Math.round((low + high) / 2);
    if (answers(file, mid)) high = mid;
    else low = mid;
  }
  return high;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
try {
  const sizes = process.argv.slice(2).map(Number);
  const baseline = smallestHeap('');
  console.log(`no export: ${baseline} MB of heap`);
  for (const count of sizes.length ? sizes : [50_000, 150_000]) {
    for (const format of FORMATS) {
      const file = writeExport(dir, format, count);
      const mb = statSync(file).size / 1024 / 1024;
      const heap = smallestHeap(file);
      console.log(
        `${format} ${count} messages, ${mb.toFixed(1)} MB: ${heap} MB of heap, ${((heap - baseline) / mb).toFixed(1)} heap bytes per export byte`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
