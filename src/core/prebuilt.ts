// What `npm run build` works out once so that each start of the bot does not: the knowledge base
// validated against its schemas, and /ask's search index (~0.4 s to build cold). Saved next to the
// bundle, in two files so that a command that never searches never reads the index, each stamped
// with the build that wrote it and a hash of the data/ files it was made from. Code that is not
// that build (the TypeScript sources under test, another build) or data that changed since makes
// the bot ignore them and do the work itself: the saved form can be out of date, never wrong.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase, KnowledgeFiles } from './knowledge/knowledge-base.js';
import { defaultDataDir, knowledgeBaseOf, loadKnowledgeBase, readKnowledgeFiles } from './knowledge/load.js';
import { packageRoot } from './package-root.js';
import { type SavedIndex, saveIndex, useSavedIndex } from './search/search-index.js';

/** Set by the bundler (scripts/build.mjs) to a new id at every build; absent in the sources. */
declare const __BUILD_ID__: string | undefined;
const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : undefined;

export const prebuiltDir = () => join(packageRoot(), 'dist', 'prebuilt');

interface Saved<T> {
  stamp: string;
  value: T;
}

/**
 * The knowledge base, from the saved form when this build wrote it from the data/ there is now,
 * else read and validated from data/ (throws KnowledgeBaseError on a broken file).
 */
export function loadKnowledgeBaseFast(dataDir = defaultDataDir(), dir = prebuiltDir(), buildId = BUILD_ID): KnowledgeBase {
  const stamp = buildId && stampOf(buildId, dataDir);
  const files = stamp ? read<KnowledgeFiles>(join(dir, 'knowledge.json'), stamp) : undefined;
  if (!stamp || !files) return loadKnowledgeBase(dataDir);
  const kb = knowledgeBaseOf(files);
  useSavedIndex(kb, () => read<SavedIndex>(join(dir, 'search-index.json'), stamp));
  return kb;
}

/** Writes the saved forms for this build; run from the bundle right after it is built. */
export function writePrebuilt(dataDir = defaultDataDir(), dir = prebuiltDir(), buildId = BUILD_ID): void {
  if (!buildId) throw new Error('writePrebuilt runs from the bundle (npm run build), which carries a build id');
  const stamp = stampOf(buildId, dataDir);
  const files = readKnowledgeFiles(dataDir);
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'knowledge.json'), { stamp, value: files });
  write(join(dir, 'search-index.json'), { stamp, value: saveIndex(knowledgeBaseOf(files)) });
}

function read<T>(path: string, stamp: string): T | undefined {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Saved<T>;
    return saved.stamp === stamp ? saved.value : undefined;
  } catch {
    return undefined; // never built, or unreadable: do the work instead
  }
}

function write(path: string, saved: Saved<unknown>): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(saved));
  renameSync(temporary, path);
}

/** The build id and a hash of every data file. */
function stampOf(buildId: string, dataDir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dataDir)
    .filter((n) => n.endsWith('.json'))
    .sort())
    hash.update(name).update(readFileSync(join(dataDir, name)));
  return `${buildId}:${hash.digest('hex')}`;
}
