// Word wrapping by display width: Latin text breaks at spaces, Chinese text between any two characters.
import { displayWidth } from '../../core/i18n/format.js';

const CLOSING_PUNCTUATION = /^[,.;:!?)\]}、。,;:!?)」』》…]/u;

export function wrap(text: string, width: number, indent = ''): string[] {
  const limit = Math.max(10, width - displayWidth(indent));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // The line's width is kept as it grows, not measured again for every piece.
    let line = '';
    let lineWidth = 0;
    for (const piece of pieces(paragraph)) {
      const pieceWidth = displayWidth(piece);
      // Chinese closing punctuation never starts a line: it may overhang by a column instead.
      if (line && lineWidth + pieceWidth > limit && !CLOSING_PUNCTUATION.test(piece)) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
        lineWidth = displayWidth(line);
      } else {
        line += piece;
        lineWidth += pieceWidth;
      }
      while (lineWidth > limit + 2) {
        const [head, rest] = splitAtWidth(line, limit);
        lines.push(head);
        line = rest;
        lineWidth = displayWidth(line);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines.map((l) => indent + l);
}

/** Latin words with their leading space, or single Han characters. */
function pieces(text: string): string[] {
  return text.match(/\s*[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+|\s*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]|\s+/gu) ?? [];
}

function splitAtWidth(text: string, width: number): [string, string] {
  let head = '';
  let headWidth = 0;
  for (const ch of text) {
    const chWidth = displayWidth(ch);
    if (headWidth + chWidth > width) break;
    head += ch;
    headWidth += chWidth;
  }
  return [head, text.slice(head.length)];
}
