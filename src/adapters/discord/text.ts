// Length limits and mention safety for text the bot sends to Discord.

/**
 * Cuts text to at most `max` UTF-16 units with a visible "…". Discord's limits are counted in
 * characters; UTF-16 units are never fewer, so a string that passes here passes there. A cut
 * never splits a surrogate pair (a half emoji is a broken character).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * "@everyone" and "@here" in content would ping a whole server if allowed_mentions were ever
 * lost on the way (a proxy, a future code path): a zero-width space after the "@" keeps the text
 * readable and makes it inert. User and role mentions are stopped by allowed_mentions alone.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** Splits text into pieces of at most `max` units, at a paragraph, line or word break when there is one. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf(' '));
    let cut = at > max / 2 ? at + 1 : max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
