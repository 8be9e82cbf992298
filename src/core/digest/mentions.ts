// Which companies and layers a message names, by any alias in English or Chinese. A digest reads
// thousands of messages, so this is a table lookup per word run (not a regex per alias), built
// once per knowledge base.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { LayerId } from '../knowledge/schema.js';

export interface Mentions {
  companies: Set<string>;
  layers: Set<LayerId>;
}

/**
 * Aliases that are also everyday words or short codes ("18 months of runway", "replicate the
 * result", "price stability", "SD card"): they name the company only when written as a name,
 * capitalised, and all in capitals when three letters or fewer.
 */
const NAME_ONLY_WHEN_CAPITALISED = new Set([
  'runway',
  'replicate',
  'stability',
  'lambda',
  'intel',
  'oracle',
  'havana',
  'copilot',
  'cohere',
  'sd',
  'hf',
  'mj',
  'tsm',
  'oci',
  'ipu',
]);

/** "business model" is not the model layer. */
const NOT_THE_MODEL_LAYER = new Set([
  'business',
  'pricing',
  'revenue',
  'operating',
  'mental',
  'role',
  'financial',
  'subscription',
  'freemium',
  'data',
  'threat',
  'sales',
]);

interface Tables {
  /** Normalised Latin alias -> company id. */
  companies: Map<string, string>;
  /** Normalised Latin layer word (and its plural) -> layer id. */
  layers: Map<string, LayerId>;
  /** First words of names that span several words ("hugging" of "hugging face"), normalised. */
  openers: Set<string>;
  /** Chinese aliases, longest first, so "谷歌云" is Google Cloud and not Google plus "云". */
  han: { alias: string; company?: string; layer?: LayerId }[];
  /** The most words any Latin alias spans. */
  maxWords: number;
}

const HAN = /\p{Script=Han}/u;
const tablesByKb = new WeakMap<KnowledgeBase, Tables>();

function tables(kb: KnowledgeBase): Tables {
  let t = tablesByKb.get(kb);
  if (t) return t;
  const companies = new Map<string, string>();
  const layers = new Map<string, LayerId>();
  const openers = new Set<string>();
  const han: Tables['han'] = [];
  let maxWords = 1;
  const latin = (name: string, add: (key: string) => void) => {
    const words = [...name.normalize('NFKC').matchAll(TOKEN)].map((m) => keyOf(m[0]));
    if (words.length > 1) openers.add(words[0]!);
    maxWords = Math.max(maxWords, words.length);
    const key = words.join('');
    if (key) add(key);
  };
  for (const c of kb.companies) {
    for (const name of [c.id.replace(/_/g, ' '), c.name, ...c.aliases.en, ...c.aliases.zh]) {
      if (HAN.test(name)) han.push({ alias: name.normalize('NFKC').toLowerCase(), company: c.id });
      else latin(name, (key) => companies.set(key, c.id));
    }
  }
  for (const l of kb.layers) {
    for (const name of [l.id, l.name.en, l.name.zh, ...l.aliases.en, ...l.aliases.zh]) {
      if (HAN.test(name)) han.push({ alias: name, layer: l.id });
      // A company name wins over a layer word ("Lambda Cloud" is a company, not "cloud").
      else
        latin(name, (key) => {
          for (const k of [key, `${key}s`]) if (!companies.has(k)) layers.set(k, l.id);
        });
    }
  }
  han.sort((a, b) => b.alias.length - a.alias.length);
  t = { companies, layers, openers, han, maxWords };
  tablesByKb.set(kb, t);
  return t;
}

const TOKEN = /[\p{Script=Latin}\d]+(?:[.-][\p{Script=Latin}\d]+)*/gu;

/** Same key as normalizeName for a token (letters, digits, "." and "-"), without its cost. */
const keyOf = (token: string) => {
  const lower = token.toLowerCase();
  return lower.includes('.') || lower.includes('-') ? lower.replace(/[.-]/g, '') : lower;
};

/** Companies and layers named in a text (its readable form, links removed). */
export function findMentions(kb: KnowledgeBase, text: string): Mentions {
  const t = tables(kb);
  const found: Mentions = { companies: new Set(), layers: new Set() };
  const plain = text.normalize('NFKC').replace(/['’]s\b/g, '');
  const tokens = plain.match(TOKEN) ?? [];
  const keys = tokens.map(keyOf);
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    const longest = t.openers.has(keys[i]!) ? Math.min(t.maxWords, tokens.length - i) : 1;
    for (let size = longest; size >= 1 && !matched; size--) {
      const key = size === 1 ? keys[i]! : keys.slice(i, i + size).join('');
      const company = t.companies.get(key);
      if (company && (size > 1 || writtenAsName(tokens[i]!, key))) {
        found.companies.add(company);
        matched = size;
        continue;
      }
      const layer = t.layers.get(key);
      if (layer && !(layer === 'models' && i > 0 && NOT_THE_MODEL_LAYER.has(keys[i - 1]!))) {
        found.layers.add(layer);
        matched = size;
      }
    }
    i += matched || 1;
  }
  if (HAN.test(plain)) {
    let rest = plain.toLowerCase();
    for (const entry of t.han) {
      if (!rest.includes(entry.alias)) continue;
      if (entry.company) found.companies.add(entry.company);
      if (entry.layer) found.layers.add(entry.layer);
      rest = rest.split(entry.alias).join(' ');
    }
  }
  for (const id of found.companies) found.layers.add(kb.company(id)!.layer);
  return found;
}

function writtenAsName(word: string, key: string): boolean {
  if (!NAME_ONLY_WHEN_CAPITALISED.has(key)) return true;
  if (word.length <= 3) return word === word.toUpperCase();
  return word[0] === word[0]!.toUpperCase();
}
