// /compare <a> <b>: two companies side by side: layer, what they do, figures, moats.
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { uniqueCitations } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Company, MoatEvidence } from '../src/core/knowledge/schema.js';
import { reply } from '../src/core/reply.js';
import { isUserError, userError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { findCompany } from './lookup.js';
import { nameArg, type OptionDef } from './options.js';
import { companyCitations, companyFacts, placeInStack } from './render-parts.js';

const companyOption = (en: string, zh: string) =>
  ({ schema: nameArg(), positional: true, autocomplete: 'company', description: { en, zh } }) satisfies OptionDef;

export const compareCommand = defineCommand({
  name: 'compare',
  localName: { zh: '比较' },
  description: {
    en: 'Two companies side by side: layer, what they do, figures and moats',
    zh: '并排比较两家公司:层级、业务、数据与护城河',
  },
  options: {
    a: companyOption('First company or product', '第一家公司或产品'),
    b: companyOption('Second company or product', '第二家公司或产品'),
  },
  positionalSeparator: /\s+(?:vs\.?|versus|and|with)\s+|\s*(?:,|、|和|与|对比|比较)\s*/iu,
  examples: ['/compare openai stability', '/compare nvidia vs tsmc', '/compare 英伟达 和 台积电'],
  pure: true,
  run({ a: nameA, b: nameB }, { kb, lang }) {
    // The same name twice is the mistake to name, whether or not the knowledge base knows it.
    if (sameName(nameA, nameB)) {
      const known = kb.companyNames.resolve(nameA).found;
      return userError('same_company', { name: known?.name ?? nameA });
    }
    const a = findCompany(kb, nameA, 'compare');
    const b = findCompany(kb, nameB, 'compare');
    // Report both unknown names at once, rather than one per attempt.
    if (isUserError(a) && isUserError(b)) {
      const didYouMean = [...a.params.didYouMean, ...b.params.didYouMean];
      return userError('unknown_companies', { names: [nameA, nameB], didYouMean });
    }
    if (isUserError(a))
      return userError(
        a.code,
        a.params,
        a.params.didYouMean.map((s) => `/compare ${s} ${nameB}`),
      );
    if (isUserError(b))
      return userError(
        b.code,
        b.params,
        b.params.didYouMean.map((s) => `/compare ${nameA} ${s}`),
      );
    if (a.id === b.id) return userError('same_company', { name: a.name });
    const w = knowledgeWords(lang);
    const row = (label: string, of: (c: Company) => string) => [label, of(a), of(b)];
    const facts = (c: Company) =>
      companyFacts(kb, c, lang)
        .map((f) => `${f.label}: ${f.value}`)
        .join('; ') || '—';
    const moats = (c: Company, stance: MoatEvidence['stance']) =>
      c.moats
        .filter((m) => m.stance === stance)
        .map((m) => kb.moat(m.moat).name[lang])
        .join(', ') || '—';
    return reply(lang, w.compareTitle(a.name, b.name), {
      body: [summary(kb, a, b, lang)],
      table: {
        columns: ['', a.name, b.name],
        rows: [
          row(w.compareRows.layer, (c) => placeInStack(kb, c, lang)),
          row(w.compareRows.what, (c) => c.oneLine[lang]),
          row(w.compareRows.founded, (c) => (c.founded ? String(c.founded) : '—')),
          row(w.compareRows.figures, facts),
          row(w.compareRows.moatsSupported, (c) => moats(c, 'supported')),
          row(w.compareRows.moatsInDoubt, (c) => moats(c, 'weak')),
        ],
      },
      sources: uniqueCitations([...companyCitations(kb, a, lang), ...companyCitations(kb, b, lang)]),
      suggestions: [`/moat ${a.name}`, `/moat ${b.name}`],
    });
  },
});

function summary(kb: KnowledgeBase, a: Company, b: Company, lang: Lang): string {
  const same = a.layer === b.layer;
  const layerA = kb.layer(a.layer).name[lang];
  const layerB = kb.layer(b.layer).name[lang];
  const w = knowledgeWords(lang);
  return same ? w.sameLayer(layerA) : w.differentLayers(a.name, layerA, b.name, layerB);
}

function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return key(a) === key(b);
}
