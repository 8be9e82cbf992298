// /moat <company>: which of the essay's six moats its evidence supports for a company, which it
// doesn't, and the essay's caveat that none of them may last. "/moat scale" describes one moat.
import type { Lang } from '../src/core/i18n/lang.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Company, Moat, MoatEvidence } from '../src/core/knowledge/schema.js';
import { reply, type Reply } from '../src/core/reply.js';
import { isUserError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { findCompany } from './lookup.js';
import { nameArg } from './options.js';
import { companyCitations, sourced } from './render-parts.js';

const STANCE: Record<MoatEvidence['stance'] | 'none', { en: string; zh: string }> = {
  supported: { en: '✔ supported', zh: '✔ 有证据支撑' },
  weak: { en: '~ weak / in doubt', zh: '~ 偏弱/存疑' },
  not_supported: { en: '✘ not supported', zh: '✘ 证据不支持' },
  none: { en: '· no evidence in the essay', zh: '· 文中无相关证据' },
};

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
  const rows = kb.moats.map((moat) => {
    const evidence = company.moats.find((e) => e.moat === moat.id);
    return [moat.name[lang], STANCE[evidence?.stance ?? 'none'][lang], evidence ? sourced(evidence.why, evidence.source, lang) : ''];
  });
  const supported = company.moats.filter((e) => e.stance === 'supported').map((e) => kb.moat(e.moat).name[lang]);
  const lead =
    lang === 'zh'
      ? supported.length
        ? `根据 a16z 文中(2023年1月)的证据,${company.name} 的护城河在于:${supported.join('、')}。`
        : `a16z 文中(2023年1月)没有证据表明 ${company.name} 拥有某种护城河。`
      : supported.length
        ? `On the essay’s evidence (a16z, Jan 2023), ${company.name}’s moats are: ${supported.join(', ')}.`
        : `The essay (a16z, Jan 2023) gives no evidence that ${company.name} has any of the six moats.`;
  return reply(lang, lang === 'zh' ? `${company.name}:护城河` : `${company.name}: moats`, {
    body: [lead, sourced(kb.moatDurability.text, kb.moatDurability.source, lang)],
    table: { columns: lang === 'zh' ? ['护城河', '判断', '依据'] : ['Moat', 'Verdict', 'Evidence'], rows },
    sources: uniqueCitations([...companyCitations(kb, company, lang), cite(kb, kb.moatDurability.source, lang)]),
    suggestions: [`/company ${company.name}`, `/layer ${company.layer}`, '/brief moats'],
  });
}

/** One moat: what it is, and the companies the essay's evidence places behind it. */
export function moatCard(kb: KnowledgeBase, moat: Moat, lang: Lang): Reply {
  const holders = kb.companies.flatMap((c) => c.moats.filter((e) => e.moat === moat.id).map((e) => ({ company: c, evidence: e })));
  return reply(lang, lang === 'zh' ? `护城河:${moat.name.zh}` : `Moat: ${moat.name.en}`, {
    body: [`“${moat.slogan[lang]}”`, moat.definition[lang], sourced(kb.moatDurability.text, kb.moatDurability.source, lang)],
    table: {
      columns: lang === 'zh' ? ['公司', '判断', '依据'] : ['Company', 'Verdict', 'Evidence'],
      rows: holders.map(({ company, evidence }) => [company.name, STANCE[evidence.stance][lang], evidence.why[lang]]),
    },
    sources: uniqueCitations(
      [moat.source, kb.moatDurability.source, ...holders.map((h) => h.evidence.source)].map((s) => cite(kb, s, lang)),
    ),
    suggestions: [...holders.slice(0, 2).map((h) => `/moat ${h.company.name}`), '/brief moats'],
  });
}
