// The CLI and server tests run the built bot, so build it first, as `npm run build` does (the
// bundle and its prebuilt knowledge base and index): a stale dist/ would test old code.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function build(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
