// /moat <company>: which of the essay's six moats its evidence supports for a company, which it
// doesn't, and the essay's caveat that none of them may last. "/moat scale" describes one moat.
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Company, Moat } from '../src/core/knowledge/schema.js';
import { reply, type Reply } from '../src/core/reply.js';
import { isUserError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { findCompany } from './lookup.js';
import { nameArg } from './options.js';
import { companyCitations, sourced } from './render-parts.js';

export const moatCommand = defineCommand({
  name: 'moat',
  localName: { zh: '护城河' },
  description: {
    en: 'Which of the six moats the essay’s evidence supports for a company, and how durable they are',
    zh: '文中证据支持某公司拥有六种护城河中的哪些,以及它们能否持久',
  },
  options: {
    company: {
      schema: nameArg(),
      positional: true,
      autocomplete: 'company',
      description: {
        en: 'Company or product (nvidia, openai, 台积电 ...), or a moat (scale, ecosystem ...)',
        zh: '公司或产品(nvidia、openai、台积电……),或护城河名称(规模、生态……)',
      },
    },
  },
  examples: ['/moat nvidia', '/moat openai', '/moat 台积电'],
  pure: true,
  run({ company: name }, { kb, lang }) {
    const moat = kb.moatNames.resolve(name).found;
    if (moat && !kb.companyNames.resolve(name).found) return moatCard(kb, moat, lang);
    const company = findCompany(kb, name, 'moat');
    if (isUserError(company)) return company;
    return companyMoats(kb, company, lang);
  },
});

function companyMoats(kb: KnowledgeBase, company: Company, lang: Lang): Reply {
  const w = knowledgeWords(lang);
  const rows = kb.moats.map((moat) => {
    const evidence = company.moats.find((e) => e.moat === moat.id);
    return [moat.name[lang], w.stance[evidence?.stance ?? 'none'], evidence ? sourced(evidence.why, evidence.source, lang) : ''];
  });
  const supported = company.moats.filter((e) => e.stance === 'supported').map((e) => kb.moat(e.moat).name[lang]);
  const lead = supported.length ? w.moatsSupported(company.name, w.list(supported)) : w.noMoats(company.name);
  const columns = w.companyMoatColumns;
  return reply(lang, w.companyMoatsTitle(company.name), {
    body: [lead, sourced(kb.moatDurability.text, kb.moatDurability.source, lang)],
    table: { columns: [columns.moat, columns.verdict, columns.evidence], rows },
    sources: uniqueCitations([...companyCitations(kb, company, lang), cite(kb, kb.moatDurability.source, lang)]),
    suggestions: [`/company ${company.name}`, `/layer ${company.layer}`, '/brief moats'],
  });
}

/** One moat: what it is, and the companies the essay's evidence places behind it. */
export function moatCard(kb: KnowledgeBase, moat: Moat, lang: Lang): Reply {
  const holders = kb.companies.flatMap((c) => c.moats.filter((e) => e.moat === moat.id).map((e) => ({ company: c, evidence: e })));
  const w = knowledgeWords(lang);
  const columns = w.moatHolderColumns;
  return reply(lang, w.moatTitle(moat.name[lang]), {
    body: [`“${moat.slogan[lang]}”`, moat.definition[lang], sourced(kb.moatDurability.text, kb.moatDurability.source, lang)],
    table: {
      columns: [columns.company, columns.verdict, columns.evidence],
      rows: holders.map(({ company, evidence }) => [company.name, w.stance[evidence.stance], evidence.why[lang]]),
    },
    sources: uniqueCitations(
      [moat.source, kb.moatDurability.source, ...holders.map((h) => h.evidence.source)].map((s) => cite(kb, s, lang)),
    ),
    suggestions: [...holders.slice(0, 2).map((h) => `/moat ${h.company.name}`), '/brief moats'],
  });
}
