// npm run build: the bot as one bundle in dist/app/, then what it would otherwise work out at every
// start (the validated knowledge base, the search index) in dist/prebuilt/.
//
// Why a bundle: Node 20 has no compile cache for ES modules, and loading ~170 small files (zod
// alone is 95) cost the one-shot CLI about as much as everything it then did. Bundled, the shell
// and the CLI load one file plus the code they use; the platform adapters, the server and the
// digest stay in chunks loaded when used. Packages with native code, their own loaders or large
// SDKs stay in node_modules (see EXTERNAL).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
/** Bundled: small, pure JavaScript and on every start's path. Everything else is loaded from node_modules. */
const BUNDLED = new Set(['zod', 'minisearch']);
const EXTERNAL = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name));

rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: [
    { in: 'src/bin.ts', out: 'bin' },
    { in: 'src/write-prebuilt.ts', out: 'write-prebuilt' },
    // Chart render threads load this file on their own (src/core/chart/render-threads.ts).
    { in: 'src/core/chart/render-worker.ts', out: 'render-worker' },
  ],
  outdir: 'dist/app',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Smaller files parse faster at every start; names are kept so that stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  // A new id every build: dist/prebuilt/ is used only by the bundle that wrote it.
  define: { __BUILD_ID__: JSON.stringify(randomUUID()) },
  logLevel: 'warning',
});
execFileSync(process.execPath, ['dist/app/write-prebuilt.js'], { cwd: root, stdio: 'inherit' });
