// A company's searchable documents: its card, each fact (and its founding year), each piece of
// moat evidence, and a summary of its moats.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Bilingual, Company, MoatEvidence, Source } from '../knowledge/schema.js';
import { both, join, type SearchDoc } from './search-doc.js';

const APPENDIX: Source = { section: 'appendix', vintage: '2023-01', kind: 'data' };
const STANCE_EN = {
  supported: 'supported by the essay’s evidence',
  weak: 'weak or in doubt',
  not_supported: 'not supported by the evidence',
};
const STANCE_ZH = { supported: '文中证据支持', weak: '偏弱或存疑', not_supported: '证据不支持' };

export function companyDocuments(kb: KnowledgeBase, c: Company): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const names = join(c.name, c.aliases.en.join(' '), c.aliases.zh.join(' '));
  const layer = kb.layer(c.layer);
  const segment = kb.segmentOf(c);
  const place = { en: `${layer.name.en} › ${segment?.name.en ?? ''}`, zh: `${layer.name.zh} › ${segment?.name.zh ?? ''}` };
  docs.push({
    id: `company:${c.id}`,
    kind: 'company',
    title: names,
    text: join(both(c.oneLine), both(c.description), both(place), both(layer.name)),
    companies: [c.id],
    layers: [c.layer],
    lead: { en: `${c.name} (${place.en}): ${c.oneLine.en}`, zh: `${c.name}(${place.zh}):${c.oneLine.zh}` },
    source: c.source,
    more: `/company ${c.name}`,
  });
  // A founding year with no fact of its own still answers "when was X founded?".
  if (c.founded && !c.facts.some((f) => /found/i.test(f.label.en))) {
    docs.push({
      id: `fact:${c.id}:founded`,
      kind: 'fact',
      title: `${names} founded 成立`,
      text: `${c.founded}`,
      companies: [c.id],
      layers: [c.layer],
      lead: { en: `${c.name} was founded in ${c.founded}.`, zh: `${c.name}成立于${c.founded}年。` },
      source: APPENDIX,
      more: `/company ${c.name}`,
    });
  }
  c.facts.forEach((fact, i) => {
    docs.push({
      id: `fact:${c.id}:${i}`,
      kind: 'fact',
      title: join(names, both(fact.label)),
      text: both(fact.value),
      companies: [c.id],
      layers: [c.layer],
      lead: factLead(c, fact),
      source: fact.source,
      ...(fact.figures[0] ? { figureId: fact.figures[0] } : {}),
      more: `/company ${c.name}`,
    });
  });
  if (c.moats.length) docs.push(moatSummary(kb, c, names));
  for (const evidence of c.moats) {
    const moat = kb.moat(evidence.moat);
    docs.push({
      id: `moat:${c.id}:${moat.id}`,
      kind: 'moat_evidence',
      title: join(names, both(moat.name), 'moat 护城河'),
      text: both(evidence.why),
      companies: [c.id],
      layers: [c.layer],
      lead: {
        en: `${c.name}, ${moat.name.en.toLowerCase()} moat: ${STANCE_EN[evidence.stance]}. ${evidence.why.en}`,
        zh: `${c.name}的${moat.name.zh}:${STANCE_ZH[evidence.stance]}。${evidence.why.zh}`,
      },
      source: evidence.source,
      more: `/moat ${c.name}`,
    });
  }
  return docs;
}

/** "Does OpenAI have a moat?": its supported moats first, then those in doubt. */
function moatSummary(kb: KnowledgeBase, c: Company, names: string): SearchDoc {
  const list = (stance: MoatEvidence['stance'], lang: 'en' | 'zh') =>
    c.moats
      .filter((m) => m.stance === stance)
      .map((m) => kb.moat(m.moat).name[lang])
      .join(lang === 'zh' ? '、' : ', ');
  const part = (label: string, value: string) => (value ? `${label}${value}` : '');
  const en = [
    part('supported: ', list('supported', 'en')),
    part('weak or in doubt: ', list('weak', 'en')),
    part('not supported: ', list('not_supported', 'en')),
  ]
    .filter(Boolean)
    .join('; ');
  const zh = [
    part('有证据支持:', list('supported', 'zh')),
    part('偏弱或存疑:', list('weak', 'zh')),
    part('证据不支持:', list('not_supported', 'zh')),
  ]
    .filter(Boolean)
    .join(';');
  const opinion = c.moats.find((m) => m.source.kind === 'opinion')?.source ?? c.moats[0]!.source;
  return {
    id: `moat:${c.id}:summary`,
    kind: 'moat_summary',
    title: join(names, 'moat moats 护城河'),
    text: join(en, zh),
    companies: [c.id],
    layers: [c.layer],
    lead: { en: `${c.name}’s moats on the essay’s evidence: ${en}.`, zh: `根据文中证据,${c.name}的护城河:${zh}。` },
    source: opinion,
    more: `/moat ${c.name}`,
  };
}

/** A company fact as one answer line: "Jasper: Series A: $125M Series A, valued at $1.5B (2022-10)." */
export function factLead(c: Company, fact: Company['facts'][number]): Bilingual {
  const dated = (value: string, open: string, close: string) =>
    fact.date && !value.includes(fact.date.slice(0, 4)) ? `${open}${fact.date}${close}` : '';
  return {
    en: `${c.name}: ${fact.label.en}: ${fact.value.en}${dated(fact.value.en, ' (', ')')}.`,
    zh: `${c.name}:${fact.label.zh}:${fact.value.zh}${dated(fact.value.zh, '(', ')')}。`,
  };
}
