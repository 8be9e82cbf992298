// Full-text ranking with MiniSearch: BM25 over a few hundred short bilingual documents, with field
// boosts, per-document boosts and fuzzy matching for typos. It has no dependencies, takes our own
// tokenizer (so Chinese is segmented by Intl.Segmenter, not split on spaces) and answers in well
// under a millisecond at this size; flexsearch is faster on large corpora, but its CJK handling
// is character-based and its scoring is harder to reason about.
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { buildDocuments, type SearchDoc } from './documents.js';
import { canonicalize } from './synonyms.js';
import { terms } from './terms.js';

export interface SearchIndex {
  search(queryTerms: string[], boost: (doc: SearchDoc) => number): { doc: SearchDoc; score: number; matched: string[] }[];
  /** Whether a term occurs anywhere in the knowledge base (or within one typo of a term that does). */
  knows(term: string): boolean;
  readonly docs: readonly SearchDoc[];
}

const HAN = /\p{Script=Han}/u;
const indexes = new WeakMap<KnowledgeBase, SearchIndex>();

/** Built once per knowledge base, on the first question. */
export function searchIndex(kb: KnowledgeBase): SearchIndex {
  let index = indexes.get(kb);
  if (!index) {
    index = buildIndex(buildDocuments(kb));
    indexes.set(kb, index);
  }
  return index;
}

function buildIndex(docs: SearchDoc[]): SearchIndex {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'text'],
    idField: 'id',
    tokenize: (text) => terms(canonicalize(text)),
    // Terms arrive normalised from `terms`; the query's own terms are passed pre-tokenized.
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term },
  });
  mini.addAll(docs);
  const vocabulary = new Set<string>();
  for (const doc of docs) for (const t of terms(canonicalize(`${doc.title} ${doc.text}`))) vocabulary.add(t);
  const hanText = docs.map((d) => canonicalize(`${d.title} ${d.text}`)).join('\n');

  return {
    docs,
    search(queryTerms, boost) {
      if (queryTerms.length === 0) return [];
      return mini
        .search(queryTerms.join(' '), {
          boost: { title: 2 },
          combineWith: 'OR',
          // Fuzzy and prefix matching are for words the knowledge base does not have (typos, word
          // parts); applying them to every word costs milliseconds and blurs exact matches.
          fuzzy: (term) => (!vocabulary.has(term) && term.length >= 5 && /^[a-z]+$/.test(term) ? 1 : false),
          prefix: (term) => !vocabulary.has(term) && term.length >= 5 && /^[a-z]+$/.test(term),
          weights: { fuzzy: 0.4, prefix: 0.6 },
          boostDocument: (id) => boost(byId.get(id as string)!),
        })
        .map((r) => ({ doc: byId.get(r.id as string)!, score: r.score, matched: r.queryTerms }));
    },
    knows(term) {
      if (vocabulary.has(term)) return true;
      // A Chinese word the segmenter cut differently in the documents is still known if it occurs inside one.
      if (HAN.test(term)) return hanText.includes(term);
      if (term.length < 5 || !/^[a-z]+$/.test(term)) return false;
      return mini.autoSuggest(term, { fuzzy: 1, tokenize: (t) => [t], processTerm: (t) => t }).length > 0;
    },
  };
}
