// Full-text ranking with MiniSearch: BM25 over a few hundred short bilingual documents, with field
// boosts, per-document boosts and fuzzy matching for typos. It has no dependencies, takes our own
// tokenizer (so Chinese is segmented by Intl.Segmenter, not split on spaces) and answers in well
// under a millisecond at this size; flexsearch is faster on large corpora, but its CJK handling
// is character-based and its scoring is harder to reason about.
//
// Building the index tokenizes every document (segmenting Chinese, rewriting synonyms): ~0.4 s
// cold. `npm run build` saves it (see src/core/prebuilt.ts), and a process restores it in
// milliseconds instead; without a saved index it is built on the first question.
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

/** The index in a form that survives JSON: what tokenizing produced, not the code that did it. */
export interface SavedIndex {
  mini: unknown;
  vocabulary: string[];
  hanText: string;
}

const HAN = /\p{Script=Han}/u;
const indexes = new WeakMap<KnowledgeBase, SearchIndex>();
const saved = new WeakMap<KnowledgeBase, () => SavedIndex | undefined>();

/** Built (or restored) once per knowledge base, on the first question. */
export function searchIndex(kb: KnowledgeBase): SearchIndex {
  let index = indexes.get(kb);
  if (!index) {
    const docs = buildDocuments(kb);
    const prebuilt = saved.get(kb)?.();
    index = prebuilt ? restoreIndex(docs, prebuilt) : indexOf(docs, buildParts(docs));
    indexes.set(kb, index);
  }
  return index;
}

/** The index of `kb`, ready to save. */
export function saveIndex(kb: KnowledgeBase): SavedIndex {
  const parts = buildParts(buildDocuments(kb));
  return { mini: parts.mini.toJSON(), vocabulary: [...parts.vocabulary], hanText: parts.hanText };
}

/**
 * Gives `kb` an index saved earlier from the same knowledge base and the same code, read when the
 * first question needs it (undefined: build it after all).
 */
export function useSavedIndex(kb: KnowledgeBase, read: () => SavedIndex | undefined): void {
  saved.set(kb, read);
}

interface Parts {
  mini: MiniSearch<SearchDoc>;
  vocabulary: Set<string>;
  hanText: string;
}

const OPTIONS = {
  fields: ['title', 'text'],
  idField: 'id',
  tokenize: (text: string) => terms(canonicalize(text)),
  // Terms arrive normalised from `terms`; the query's own terms are passed pre-tokenized.
  processTerm: (term: string) => term,
  searchOptions: { tokenize: (text: string) => text.split(' ').filter(Boolean), processTerm: (term: string) => term },
};

function buildParts(docs: SearchDoc[]): Parts {
  const mini = new MiniSearch<SearchDoc>(OPTIONS);
  mini.addAll(docs);
  const vocabulary = new Set<string>();
  for (const doc of docs) for (const t of terms(canonicalize(`${doc.title} ${doc.text}`))) vocabulary.add(t);
  const hanText = docs.map((d) => canonicalize(`${d.title} ${d.text}`)).join('\n');
  return { mini, vocabulary, hanText };
}

function restoreIndex(docs: SearchDoc[], index: SavedIndex): SearchIndex {
  const mini = MiniSearch.loadJS<SearchDoc>(index.mini as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
  return indexOf(docs, { mini, vocabulary: new Set(index.vocabulary), hanText: index.hanText });
}

function indexOf(docs: SearchDoc[], { mini, vocabulary, hanText }: Parts): SearchIndex {
  const byId = new Map(docs.map((d) => [d.id, d]));
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
