// Splits command text into words. Double quotes (straight, curly or 「」) group words; a quote
// left open is closed at the end rather than rejected, since people paste text with stray quotes.
// Apostrophes are ordinary letters ("what's", "Lambda's").

export interface Token {
  text: string;
  quoted: boolean;
}

const OPENERS: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」', '『': '』', '«': '»' };

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let current = '';
  let quoted = false;
  let closer: string | undefined;
  const flush = () => {
    if (current || quoted) tokens.push({ text: current, quoted });
    current = '';
    quoted = false;
  };
  for (const ch of input) {
    if (closer !== undefined) {
      if (ch === closer || (closer === '”' && ch === '"')) closer = undefined;
      else current += ch;
    } else if (ch in OPENERS) {
      closer = OPENERS[ch];
      quoted = true;
    } else if (/\s/u.test(ch)) {
      flush();
    } else {
      current += ch;
    }
  }
  flush();
  return tokens.filter((t) => t.text.trim() !== '');
}

/** Removes control characters and normalises width (full-width "／" becomes "/"). */
export function sanitize(input: string): string {
  return (
    input
      .normalize('NFKC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[\t\r\n]+/g, ' ')
      .trim()
  );
}
