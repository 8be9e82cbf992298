// Finds an entity by any of its names, in either language, and suggests the closest names when
// nothing matches. Users type "Nvidia", "NVDA", "英伟达", "hugging face" or "huggingface": all
// of these should land on the same card.

/** Case, width, spacing and punctuation do not distinguish names. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-_'’·•/()]+/g, '');
}

export interface NamedEntry<T> {
  item: T;
  /** The name shown to users in suggestions. */
  display: string;
  names: string[];
}

export type Resolution<T> = { found: T } | { found?: undefined; suggestions: string[] };

export class NameIndex<T> {
  private readonly byKey = new Map<string, { item: T; display: string }>();
  private readonly keys: { key: string; display: string; item: T }[] = [];

  /** @throws Error naming the clash when two entities share a name: data must be unambiguous. */
  constructor(entries: NamedEntry<T>[]) {
    for (const entry of entries) {
      for (const name of entry.names) {
        const key = normalizeName(name);
        if (!key) continue;
        const existing = this.byKey.get(key);
        if (existing && existing.item !== entry.item) {
          throw new Error(`the name “${name}” is used by both “${existing.display}” and “${entry.display}”`);
        }
        if (existing) continue;
        this.byKey.set(key, { item: entry.item, display: entry.display });
        this.keys.push({ key, display: entry.display, item: entry.item });
      }
    }
  }

  resolve(query: string): Resolution<T> {
    const key = normalizeName(query);
    if (!key) return { suggestions: [] };
    const exact = this.byKey.get(key);
    if (exact) return { found: exact.item };
    const prefixed = this.uniqueItems(this.keys.filter((k) => k.key.startsWith(key)));
    if (prefixed.length === 1 && key.length >= minPrefix(key)) return { found: prefixed[0]!.item };
    return { suggestions: this.suggest(key) };
  }

  /** Up to `max` display names close to the query: prefixes first, then by edit distance. */
  suggest(query: string, max = 3): string[] {
    const key = normalizeName(query);
    if (!key) return [];
    const limit = typoLimit([...key].length);
    const scored = this.keys
      .map((k) => ({ ...k, score: k.key.startsWith(key) || key.startsWith(k.key) ? 0 : editDistance(key, k.key) }))
      .filter((k) => k.score <= limit && (k.score > 0 || Math.min(k.key.length, key.length) >= 2))
      .sort((a, b) => a.score - b.score || a.key.length - b.key.length);
    return this.uniqueItems(scored)
      .slice(0, max)
      .map((k) => k.display);
  }

  private uniqueItems<E extends { item: T }>(entries: E[]): E[] {
    const seen = new Set<T>();
    return entries.filter((e) => {
      if (seen.has(e.item)) return false;
      seen.add(e.item);
      return true;
    });
  }
}

/** How many typos a name of this length may carry and still be recognised. */
function typoLimit(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return Math.floor(length / 3);
}

/** A prefix only counts as a name when it is long enough to mean something. */
function minPrefix(key: string): number {
  return /\p{Script=Han}/u.test(key) ? 2 : 3;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > 3) return Math.abs(s.length - t.length);
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}
