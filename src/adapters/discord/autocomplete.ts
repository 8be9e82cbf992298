// Company-name suggestions while a user types an option marked `autocomplete: 'company'`.
// Alias-aware in both languages: "英伟" suggests NVIDIA, "azure" suggests Microsoft Azure.
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { normalizeName } from '../../core/knowledge/name-index.js';
import type { AutocompleteChoice } from './api-types.js';
import { truncate } from './text.js';

export const MAX_CHOICES = 25;
/** Discord's limit on a choice's name and on a string choice's value. */
const MAX_CHOICE_TEXT = 100;

interface Match {
  name: string;
  alias?: string;
  rank: number;
}

/** Rank: name prefix, alias prefix, name substring, alias substring; then alphabetical. */
export function companyChoices(kb: KnowledgeBase, typed: string, max = MAX_CHOICES): AutocompleteChoice[] {
  const query = normalizeName(typed);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  if (!query)
    return [...kb.companies]
      .sort(byName)
      .slice(0, max)
      .map((c) => choice({ name: c.name, rank: 0 }));
  const matches: Match[] = [];
  for (const company of kb.companies) {
    const own = [company.name, company.id].map(normalizeName);
    const aliases = [...company.aliases.en, ...company.aliases.zh];
    const best = (test: (key: string) => boolean): string | undefined => aliases.find((a) => test(normalizeName(a)));
    if (own.some((k) => k.startsWith(query))) matches.push({ name: company.name, rank: 0 });
    else if (best((k) => k.startsWith(query))) matches.push({ name: company.name, alias: best((k) => k.startsWith(query))!, rank: 1 });
    else if (own.some((k) => k.includes(query))) matches.push({ name: company.name, rank: 2 });
    else if (best((k) => k.includes(query))) matches.push({ name: company.name, alias: best((k) => k.includes(query))!, rank: 3 });
  }
  return matches
    .sort((a, b) => a.rank - b.rank || byName(a, b))
    .slice(0, max)
    .map(choice);
}

/** The value is the company's name (what the command resolves); the label shows the alias matched. */
function choice(match: Match): AutocompleteChoice {
  const showAlias = match.alias && normalizeName(match.alias) !== normalizeName(match.name);
  return {
    name: truncate(showAlias ? `${match.name} (${match.alias})` : match.name, MAX_CHOICE_TEXT),
    value: truncate(match.name, MAX_CHOICE_TEXT),
  };
}
