// Small SVG building blocks. Charts are drawn as SVG strings (no DOM, no browser) and rasterised
// by render-png.ts; all text goes through `esc` because scenario names come from users.

export const FONT = 'Noto Sans SC';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  const extra = Object.entries({ 'font-size': 13, fill: '#334155', ...attrs })
    .map(([k, v]) => `${k}="${esc(String(v))}"`)
    .join(' ');
  return `<text x="${n(x)}" y="${n(y)}" font-family="${FONT}" ${extra}>${esc(content)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" fill="${fill}" ${extra}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}" ${extra}/>`;
}

export function svg(width: number, height: number, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rect(0, 0, width, height, '#ffffff')}${body.join('')}</svg>`;
}

/** Coordinates rounded to a tenth of a pixel: shorter SVG, same picture. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
