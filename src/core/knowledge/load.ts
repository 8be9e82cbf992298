// Reads data/, validates every file with its zod schema and checks the references between files.
// A bad file stops start-up with one message naming the file and the field: a bot that states
// wrong figures is worse than a bot that does not start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { CompaniesFile, FiguresFile, LayersFile, MoatsFile, SectionsFile, ThesesFile } from './schema.js';
import { packageRoot } from '../package-root.js';
import { buildKnowledgeBase, type KnowledgeBase, type KnowledgeFiles } from './knowledge-base.js';

export class KnowledgeBaseError extends Error {
  override readonly name = 'KnowledgeBaseError';
}

/** data/ sits at the package root. */
export function defaultDataDir(): string {
  try {
    return join(packageRoot(), 'data');
  } catch {
    throw new KnowledgeBaseError('cannot find the data/ folder next to package.json');
  }
}

function readFile<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? `not valid JSON (${err.message})` : 'cannot be read';
    throw new KnowledgeBaseError(`data/${file}: ${reason}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    throw new KnowledgeBaseError(`data/${file}: ${formatPath(issue.path)}: ${issue.message}${more}`);
  }
  return parsed.data;
}

/** [3, "facts", 0, "source"] -> "[3].facts[0].source" */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** The files of data/, each validated against its schema. */
export function readKnowledgeFiles(dir = defaultDataDir()): KnowledgeFiles {
  return {
    sections: readFile(dir, 'sections.json', SectionsFile),
    layers: readFile(dir, 'layers.json', LayersFile),
    companies: readFile(dir, 'companies.json', CompaniesFile),
    figures: readFile(dir, 'figures.json', FiguresFile),
    moats: readFile(dir, 'moats.json', MoatsFile),
    theses: readFile(dir, 'theses.json', ThesesFile),
  };
}

/** Cross-checks validated files into a knowledge base. */
export function knowledgeBaseOf(files: KnowledgeFiles): KnowledgeBase {
  try {
    return buildKnowledgeBase(files);
  } catch (err) {
    throw new KnowledgeBaseError((err as Error).message);
  }
}

export function loadKnowledgeBase(dir = defaultDataDir()): KnowledgeBase {
  return knowledgeBaseOf(readKnowledgeFiles(dir));
}

let cached: KnowledgeBase | undefined;

/** The knowledge base shipped in data/, loaded once per process. */
export function defaultKnowledgeBase(): KnowledgeBase {
  cached ??= loadKnowledgeBase();
  return cached;
}
