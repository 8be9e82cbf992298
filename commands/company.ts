// /company <name>: a company or product card: layer, what it does, dated figures, all cited.
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Company } from '../src/core/knowledge/schema.js';
import { reply, type Reply } from '../src/core/reply.js';
import { isUserError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { findCompany } from './lookup.js';
import { nameArg } from './options.js';
import { companyCitations, companyFacts, figureLine, placeInStack } from './render-parts.js';

export const companyCommand = defineCommand({
  name: 'company',
  localName: { zh: '公司' },
  description: {
    en: 'A company or product from the essay: its layer, what it does, funding, valuation and revenue with dates',
    zh: '文中提到的公司或产品:所在层级、业务、融资、估值与营收(附日期)',
  },
  options: {
    name: {
      schema: nameArg(),
      positional: true,
      autocomplete: 'company',
      description: {
        en: 'Company or product, in English or Chinese (nvidia, 英伟达, jasper ...)',
        zh: '公司或产品名,中英文皆可(nvidia、英伟达、jasper……)',
      },
    },
  },
  examples: ['/company jasper', '/company 英伟达', '/company hugging face'],
  pure: true,
  run({ name }, { kb, lang }) {
    const company = findCompany(kb, name, 'company');
    if (isUserError(company)) return company;
    return companyCard(kb, company, lang);
  },
});

/** The card for one company or product; /brief uses it too. */
export function companyCard(kb: KnowledgeBase, company: Company, lang: Lang): Reply {
  const parent = company.parent ? kb.company(company.parent) : undefined;
  const products = kb.companies.filter((c) => c.parent === company.id);
  // Market figures that involve the company, unless one of its facts already states them.
  const stated = new Set(company.facts.flatMap((f) => f.figures));
  const related = kb.figures.filter((f) => f.companies.includes(company.id) && !stated.has(f.id));
  const w = knowledgeWords(lang);
  const body = [
    w.companyLayer(placeInStack(kb, company, lang)),
    company.description[lang],
    ...(parent ? [company.parentFrom === 'background' ? w.madeByBackground(parent.name) : w.madeBy(parent.name)] : []),
    ...(products.length
      ? [w.products(products.map((p) => (p.parentFrom === 'background' ? w.backgroundProduct(p.name) : p.name)).join(', '))]
      : []),
    ...(company.founded ? [w.founded(company.founded)] : []),
  ];
  return reply(lang, company.name, {
    body,
    figures: [...companyFacts(kb, company, lang), ...related.map((f) => figureLine(kb, f, lang))],
    sources: uniqueCitations([...companyCitations(kb, company, lang), ...related.map((f) => cite(kb, f.source, lang))]),
    suggestions: [`/moat ${company.name}`, `/layer ${company.layer}`, ...(parent ? [`/company ${parent.name}`] : [])],
  });
}
