// Cutting text the bot sends to Slack. Lengths are counted in UTF-16 units, never fewer than
// Slack's characters, so what fits here fits there. A cut never falls inside an escape Slack
// decodes ("&amp;", "&lt;", "&gt;": half of one shows as "&l" on screen) nor between the two
// halves of a surrogate pair (half an emoji is a broken character).

const ENTITY = /^&(?:amp|lt|gt);/;

/** The nearest place at or before `end` where `text` may be cut. */
export function safeEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;
  // An entity is at most 5 units long ("&amp;"), so one spanning the cut starts within 4 of it.
  for (let at = Math.max(0, end - 4); at < end; at++) {
    const entity = text[at] === '&' ? ENTITY.exec(text.slice(at, at + 5)) : null;
    if (entity && at + entity[0].length > end) return at;
  }
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** At most `max` units, with a visible "…" where something was cut. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, safeEnd(text, max - 1))}…`;
}

/** Splits at line or sentence ends where possible, so no piece passes `max`. */
export function split(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. '), window.lastIndexOf('。'), window.lastIndexOf(' '));
    const end = at > max / 2 ? at + 1 : Math.max(1, safeEnd(rest, max));
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces.filter(Boolean);
}

/** Joins lines into pieces of at most `max`, each line cut to fit on its own. */
export function splitLines(lines: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines.map((l) => cut(l, max))) {
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}
