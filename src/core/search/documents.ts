// The knowledge base as searchable documents: one per figure, company card, company fact, moat,
// piece of moat evidence, thesis, layer economics, open question and section note. Each carries
// the sentence that answers with it (`lead`) and its source, so an answer never strays from a record.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Company } from '../knowledge/schema.js';
import { companyDocuments, factLead } from './company-documents.js';
import { both, join, type SearchDoc } from './search-doc.js';

export type { DocKind, SearchDoc } from './search-doc.js';

export function buildDocuments(kb: KnowledgeBase): SearchDoc[] {
  const docs: SearchDoc[] = [];
  // A figure a company's fact states is answered in the fact's words, which give the round, the
  // date and the valuation together ("$125M Series A, valued at $1.5B"), not the bare number. Only
  // for one company's own figures: a market-wide one keeps its label (the big three's capex is not
  // Azure's fact).
  const ownFigure = (c: Company, id: string) => kb.figure(id)?.companies.join() === c.id;
  const statingFact = new Map(
    kb.companies.flatMap((c) =>
      c.facts.flatMap((fact) => fact.figures.filter((id) => ownFigure(c, id)).map((id) => [id, factLead(c, fact)] as const)),
    ),
  );
  for (const f of kb.figures) {
    docs.push({
      id: `figure:${f.id}`,
      kind: 'figure',
      title: both(f.label),
      text: join(both(f.display), both(f.context)),
      companies: f.companies,
      layers: f.layer ? [f.layer] : [],
      lead: statingFact.get(f.id) ?? { en: `${f.label.en}: ${f.display.en}.`, zh: `${f.label.zh}:${f.display.zh}。` },
      source: f.source,
      figureId: f.id,
      more: '/brief figures',
    });
  }
  for (const c of kb.companies) docs.push(...companyDocuments(kb, c));
  addMarketModel(kb, docs);
  return docs;
}

const LAYER_SECTIONS = new Set<string>(['apps', 'models', 'infra']);

function addMarketModel(kb: KnowledgeBase, docs: SearchDoc[]): void {
  for (const m of kb.moats) {
    docs.push({
      id: `moat:${m.id}`,
      kind: 'moat',
      title: join(both(m.name), m.aliases.en.join(' '), m.aliases.zh.join(' '), 'moat 护城河'),
      text: join(both(m.slogan), both(m.definition)),
      companies: [],
      layers: [],
      lead: { en: `${m.name.en}: ${m.definition.en}`, zh: `${m.name.zh}:${m.definition.zh}` },
      source: m.source,
      more: `/moat ${m.id}`,
    });
  }
  const names = { en: kb.moats.map((m) => m.name.en).join(', '), zh: kb.moats.map((m) => m.name.zh).join('、') };
  docs.push({
    id: 'moat:list',
    kind: 'moat_list',
    title: 'six moats classic moats list types kinds 六种 护城河 类型',
    text: both(names),
    companies: [],
    layers: [],
    lead: { en: `The essay names six classic moats: ${names.en}.`, zh: `文章列出了六种经典护城河:${names.zh}。` },
    source: kb.moats[0]!.source,
    more: '/brief moats',
  });
  docs.push({
    id: 'moat:durability',
    kind: 'durability',
    title: 'moat durable systemic moats 护城河 持久 系统性',
    text: both(kb.moatDurability.text),
    companies: [],
    layers: [],
    lead: kb.moatDurability.text,
    source: kb.moatDurability.source,
    more: '/brief moats',
  });
  for (const th of kb.theses) {
    // A thesis answers with its reasoning: the statement alone begs "why?".
    const lead = { en: `${th.statement.en} ${th.detail.en}`, zh: `${th.statement.zh}${th.detail.zh}` };
    docs.push({
      id: `thesis:${th.id}`,
      kind: 'thesis',
      title: both(th.statement),
      text: both(th.detail),
      companies: [],
      // A thesis argued in a layer's section is about that layer.
      layers: LAYER_SECTIONS.has(th.source.section) ? [th.source.section] : [],
      lead,
      source: th.source,
      more: '/brief theses',
    });
  }
  const layers = { en: kb.layers.map((l) => `${l.name.en} (${l.id})`).join(', '), zh: kb.layers.map((l) => l.name.zh).join('、') };
  docs.push({
    id: 'layer:list',
    kind: 'layer_list',
    title: 'layers of the stack three layers tech stack 技术栈 三层 层级',
    text: both(layers),
    companies: [],
    layers: [],
    lead: {
      en: `The essay splits the generative-AI stack into three layers: ${layers.en}.`,
      zh: `文章把生成式AI技术栈分为三层:${layers.zh}。`,
    },
    source: { section: 'stack', vintage: '2023-01', kind: 'data' },
    more: '/layer apps',
  });
  for (const layer of kb.layers) {
    const titles = {
      en: layer.openQuestions.map((q) => q.title.en.replace(/[?:]$/, '')).join('; '),
      zh: layer.openQuestions.map((q) => q.title.zh.replace(/[??::]$/, '')).join(';'),
    };
    docs.push({
      id: `question:${layer.id}:list`,
      kind: 'question_list',
      title: `${both(layer.name)} ${layer.aliases.en.join(' ')} ${layer.aliases.zh.join(' ')} open questions risks challenges issues 待解问题 悬而未决 问题 风险 挑战`,
      text: both(titles),
      companies: [],
      layers: [layer.id],
      lead: { en: `Open questions for the ${layer.name.en} layer: ${titles.en}.`, zh: `${layer.name.zh}悬而未决的问题:${titles.zh}。` },
      source: layer.openQuestions[0]!.source,
      more: `/layer ${layer.id}`,
    });
  }
  for (const layer of kb.layers) {
    const layerNames = join(both(layer.name), layer.aliases.en.join(' '), layer.aliases.zh.join(' '));
    const more = `/layer ${layer.id}`;
    docs.push({
      id: `layer:${layer.id}`,
      kind: 'layer',
      title: layerNames,
      text: both(layer.summary),
      companies: [],
      layers: [layer.id],
      lead: { en: `${layer.name.en}: ${layer.summary.en}`, zh: `${layer.name.zh}:${layer.summary.zh}` },
      source: layer.source,
      more,
    });
    for (const s of layer.segments) {
      const who = s.companies.map((id) => kb.company(id)?.name ?? id).join(', ');
      docs.push({
        id: `segment:${layer.id}:${s.id}`,
        kind: 'segment',
        title: both(s.name),
        text: join(both(s.description), who),
        companies: s.companies,
        layers: [layer.id],
        lead: { en: `${s.name.en}: ${s.description.en} (${who})`, zh: `${s.name.zh}:${s.description.zh}(${who})` },
        source: layer.source,
        more,
      });
    }
    layer.economics.forEach((e, i) => {
      docs.push({
        id: `economics:${layer.id}:${i}`,
        kind: 'economics',
        title: layerNames,
        text: both(e.text),
        companies: [],
        layers: [layer.id],
        lead: e.text,
        source: e.source,
        more,
      });
    });
    layer.openQuestions.forEach((q, i) => {
      docs.push({
        id: `question:${layer.id}:${i}`,
        kind: 'question',
        title: join(both(q.title), layerNames),
        text: both(q.text),
        companies: [],
        layers: [layer.id],
        lead: { en: `${q.title.en} ${q.text.en}`, zh: `${q.title.zh} ${q.text.zh}` },
        source: q.source,
        more,
      });
    });
  }
  for (const section of kb.sections) {
    section.background.forEach((note, i) => {
      docs.push({
        id: `background:${section.id}:${i}`,
        kind: 'note',
        title: both(section.title),
        text: both(note),
        companies: [],
        layers: [],
        lead: note,
        source: { section: section.id, vintage: '2023-01', kind: 'background' },
        more: `/brief ${section.id}`,
      });
    });
    section.notes.forEach((note, i) => {
      docs.push({
        id: `note:${section.id}:${i}`,
        kind: 'note',
        title: both(section.title),
        text: both(note),
        companies: [],
        layers: LAYER_SECTIONS.has(section.id) ? [section.id] : [],
        lead: note,
        source: { section: section.id, vintage: '2023-01', kind: section.id === 'value' ? 'opinion' : 'data' },
        more: `/brief ${section.id}`,
      });
    });
  }
}
