// The folder that holds package.json, data/ and assets/, found from wherever this code runs: the
// TypeScript sources (tests), or the bundle in dist/app/ (npm start, npx genai-bot, the container).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** @throws Error when no ancestor of this module holds package.json and data/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the folder holding package.json and data/');
    dir = parent;
  }
}
