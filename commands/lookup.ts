// Resolving what users type into knowledge-base records, with "did you mean" on a miss.
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Company, Layer } from '../src/core/knowledge/schema.js';
import { userError, type UserError } from '../src/core/user-error.js';

export function findCompany(kb: KnowledgeBase, name: string, command: string): Company | UserError<'unknown_company'> {
  const resolved = kb.companyNames.resolve(name);
  if (resolved.found) return resolved.found;
  return userError(
    'unknown_company',
    { name, didYouMean: resolved.suggestions },
    resolved.suggestions.map((s) => `/${command} ${s}`),
  );
}

export function findLayer(kb: KnowledgeBase, name: string): Layer | UserError<'unknown_layer'> {
  const resolved = kb.layerNames.resolve(name);
  if (resolved.found) return resolved.found;
  const didYouMean = resolved.suggestions;
  return userError(
    'unknown_layer',
    { name, didYouMean },
    (didYouMean.length ? didYouMean : ['apps', 'models', 'infra']).map((s) => `/layer ${s}`),
  );
}
