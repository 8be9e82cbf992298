// The word tables: the compiler makes both languages implement each interface, so these check what
// it cannot: no nested group is missing a key, and no plain phrase was left untranslated (a Chinese
// entry equal to its English one is almost always a copy someone forgot to translate).
import { describe, expect, it } from 'vitest';
import { DIGEST_WORDS } from '../src/core/digest/reply-words.js';
import { calcWords } from '../src/core/i18n/calc-words.js';
import { channelWords } from '../src/core/i18n/channel-words.js';
import { exportWords } from '../src/core/i18n/export-words.js';
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';

const TABLES = {
  calc: { en: calcWords('en'), zh: calcWords('zh') },
  knowledge: { en: knowledgeWords('en'), zh: knowledgeWords('zh') },
  channel: { en: channelWords('en'), zh: channelWords('zh') },
  export: { en: exportWords('en'), zh: exportWords('zh') },
  digest: { en: DIGEST_WORDS.en, zh: DIGEST_WORDS.zh },
};

/** Entries that read the same in both languages on purpose (none yet: symbols stay in the code). */
const SAME_IN_BOTH = new Set<string>([]);

/** Every entry as a dotted path ("flowParts.apps"), with its value. */
function entries(table: object, prefix = ''): [string, unknown][] {
  return Object.entries(table).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? entries(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

describe.each(Object.entries(TABLES))('the %s words', (_name, { en, zh }) => {
  it('have the same entries in English and Chinese', () => {
    expect(entries(zh).map(([path]) => path)).toEqual(entries(en).map(([path]) => path));
  });

  it('translate every plain phrase', () => {
    const english = new Map(entries(en));
    const untranslated = entries(zh).filter(
      ([path, value]) => typeof value === 'string' && value === english.get(path) && !SAME_IN_BOTH.has(path),
    );
    expect(untranslated).toEqual([]);
  });

  it('word every phrase with parameters in both languages', () => {
    const english = new Map(entries(en));
    for (const [path, value] of entries(zh)) expect(typeof value, path).toBe(typeof english.get(path));
  });
});
