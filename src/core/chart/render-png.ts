// SVG -> PNG with resvg (Rust, shipped prebuilt inside its npm package: no browser, no build at
// install time). The font is bundled (assets/fonts) so Chinese labels render on a machine or
// container with no fonts at all. resvg is loaded on first use: the shell never pays for it.
//
// This is synchronous and takes tens of milliseconds of CPU (parsing and loading the font, drawing,
// PNG encoding, about a third each): the server calls it only inside a render thread
// (render-worker.ts, through chart-renderer.ts); the one-shot CLI, which has nothing else to do,
// calls it directly.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { FONT } from './svg.js';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;

/** assets/ sits at the package root. */
export function chartFontPath(): string {
  const path = join(packageRoot(), 'assets', 'fonts', 'NotoSansSC-Subset.ttf');
  if (!existsSync(path)) throw new Error(`${path} is missing`);
  return path;
}

export function renderPng(svgText: string): Uint8Array {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  const renderer = new resvg.Resvg(svgText, {
    font: { fontFiles: [chartFontPath()], loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: 2 },
  });
  return renderer.render().asPng();
}
