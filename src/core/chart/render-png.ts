// SVG -> PNG with resvg (Rust, shipped prebuilt inside its npm package: no browser, no build at
// install time). The font is bundled (assets/fonts) so Chinese labels render on a machine or
// container with no fonts at all. resvg is loaded on first use: the shell never pays for it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT } from './svg.js';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;

/** assets/ sits at the package root, whether we run from src/ or dist/src/. */
export function chartFontPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts', 'NotoSansSC-Subset.ttf');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('assets/fonts/NotoSansSC-Subset.ttf is missing');
    dir = parent;
  }
}

export function renderPng(svgText: string): Uint8Array {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  const renderer = new resvg.Resvg(svgText, {
    font: { fontFiles: [chartFontPath()], loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: 2 },
  });
  return renderer.render().asPng();
}
