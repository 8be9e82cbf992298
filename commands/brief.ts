// /brief [topic]: a briefing of the whole market model, or of one topic: a layer, a company, a
// moat, a section of the essay, "figures" (every figure), "moats" or "theses".
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { t } from '../src/core/i18n/strings.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import { NameIndex } from '../src/core/knowledge/name-index.js';
import type { Layer, Section } from '../src/core/knowledge/schema.js';
import { reply, type Reply } from '../src/core/reply.js';
import { userError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { companyCard } from './company.js';
import { moatCard } from './moat.js';
import { nameArg } from './options.js';
import { createSchedule, scheduleOptions } from './schedule-options.js';
import { figureLine, sourced } from './render-parts.js';

/** The figures a one-screen briefing leads with. */
export const HEADLINE_FIGURES = [
  'inference_share_of_revenue',
  'cloud_share_of_genai_revenue',
  'app_gross_margin_typical',
  'model_provider_cloud_spend',
  'cloud_capex',
  'nvidia_datacenter_revenue_q3_fy2023',
] as const;

type Topic = { kind: 'figures' | 'moats' | 'theses' } | { kind: 'section'; section: Section };

const SPECIAL_TOPICS = [
  { kind: 'figures', names: ['figures', 'figure', 'numbers', 'stats', 'data', '数据', '数字'] },
  { kind: 'moats', names: ['moats', 'moat', 'all moats', '护城河', '壁垒'] },
  { kind: 'theses', names: ['theses', 'thesis', 'opinions', 'views', 'conclusions', 'takeaways', '观点', '论点', '结论'] },
] as const;
/** Sections whose subject is a layer are briefed as that layer. */
const SECTION_ALIASES: Partial<Record<Section['id'], string[]>> = {
  preface: ['editor', 'editors note', '编者按', '前言'],
  intro: ['introduction', '引言'],
  stack: ['tech stack', 'the stack', '技术栈'],
  value: ['value', 'where value accrues', 'who wins', '价值'],
  appendix: ['companies', '附录'],
};

const topicIndexes = new WeakMap<KnowledgeBase, NameIndex<Topic>>();
function topicIndex(kb: KnowledgeBase): NameIndex<Topic> {
  let index = topicIndexes.get(kb);
  if (!index) {
    const sections = kb.sections.filter((s) => s.id in SECTION_ALIASES);
    index = new NameIndex<Topic>([
      ...SPECIAL_TOPICS.map((t) => ({ item: { kind: t.kind } as Topic, display: t.names[0], names: [...t.names] })),
      ...sections.map((s) => ({
        item: { kind: 'section', section: s } as Topic,
        display: s.id,
        names: [s.id, s.title.en, s.title.zh, ...(SECTION_ALIASES[s.id] ?? [])],
      })),
    ]);
    topicIndexes.set(kb, index);
  }
  return index;
}

export const briefCommand = defineCommand({
  name: 'brief',
  localName: { zh: '简报' },
  description: {
    en: 'A briefing of the whole market model, or of one topic (a layer, company, moat, figures, theses)',
    zh: '整个市场模型的简报,或某一主题的简报(层级、公司、护城河、数据、观点)',
  },
  options: {
    topic: {
      schema: nameArg().optional(),
      positional: true,
      description: { en: 'Optional: infra, nvidia, moats, figures, theses, value ...', zh: '可选:infra、英伟达、护城河、数据、观点……' },
    },
    ...scheduleOptions,
  },
  // A briefing is the same for everyone; with schedule=… it creates a schedule, every time it is asked.
  pure: (_env, { schedule }) => !schedule,
  examples: ['/brief', '/brief figures', '/brief moats', '/brief 基础设施'],
  async run({ topic, schedule, day, time, tz }, ctx) {
    const { kb, lang } = ctx;
    if (schedule) return createSchedule(ctx, 'brief', topic ?? '', { schedule, day, time, tz });
    if (!topic) return overview(kb, lang);
    const special = topicIndex(kb).resolve(topic);
    if (special.found) return topicBrief(kb, special.found, lang);
    const layer = kb.layerNames.resolve(topic).found;
    if (layer) return layerBrief(kb, layer, lang);
    const moat = kb.moatNames.resolve(topic).found;
    if (moat) return moatCard(kb, moat, lang);
    const company = kb.companyNames.resolve(topic);
    if (company.found) return companyCard(kb, company.found, lang);
    const didYouMean = [
      ...(special.suggestions ?? []),
      ...kb.layerNames.suggest(topic),
      ...kb.moatNames.suggest(topic),
      ...(company.suggestions ?? []),
    ].slice(0, 4);
    return userError('unknown_topic', { name: topic, didYouMean }, [...didYouMean.map((d) => `/brief ${d}`), '/brief']);
  },
});

function overview(kb: KnowledgeBase, lang: Lang): Reply {
  const figures = HEADLINE_FIGURES.map((id) => kb.figure(id)!);
  const intro = kb.section('intro').notes[0]!;
  const theses = kb.theses.slice(0, 4);
  return reply(lang, knowledgeWords(lang).briefTitle, {
    body: [
      intro[lang],
      ...kb.layers.map((l) => `${l.name[lang]}: ${l.summary[lang]}`),
      ...theses.map((th) => sourced(th.statement, th.source, lang)),
    ],
    figures: figures.map((f) => figureLine(kb, f, lang)),
    sources: uniqueCitations(
      [...kb.layers.map((l) => l.source), ...figures.map((f) => f.source), ...theses.map((th) => th.source)].map((s) => cite(kb, s, lang)),
    ),
    suggestions: ['/layer infra', '/brief figures', '/brief moats', '/brief theses'],
  });
}

function topicBrief(kb: KnowledgeBase, topic: Topic, lang: Lang): Reply {
  const w = knowledgeWords(lang);
  switch (topic.kind) {
    case 'figures':
      return reply(lang, w.figuresTitle, {
        body: [w.figuresNote],
        table: {
          columns: [w.figureColumns.figure, w.figureColumns.value, w.figureColumns.source],
          rows: kb.figures.map((f) => {
            const line = figureLine(kb, f, lang);
            return [line.label, line.value, line.cite ?? ''];
          }),
        },
        sources: uniqueCitations(kb.figures.map((f) => cite(kb, f.source, lang))),
        suggestions: ['/layer infra', '/brief theses'],
      });
    case 'moats':
      return reply(lang, w.moatsTitle, {
        body: [sourced(kb.moatDurability.text, kb.moatDurability.source, lang)],
        table: {
          columns: [w.moatListColumns.moat, w.moatListColumns.slogan, w.moatListColumns.meaning],
          rows: kb.moats.map((m) => [m.name[lang], `“${m.slogan[lang]}”`, m.definition[lang]]),
        },
        sources: uniqueCitations([kb.moatDurability.source, ...kb.moats.map((m) => m.source)].map((s) => cite(kb, s, lang))),
        suggestions: ['/moat nvidia', '/moat openai', '/moat scale'],
      });
    case 'theses':
      return reply(lang, w.thesesTitle, {
        body: kb.theses.map((th) => `${sourced(th.statement, th.source, lang)} ${th.detail[lang]}`),
        sources: uniqueCitations(kb.theses.map((th) => cite(kb, th.source, lang))),
        suggestions: ['/brief moats', '/brief figures'],
      });
    case 'section':
      return reply(lang, `§${topic.section.number} ${topic.section.title[lang]}`, {
        body: [
          ...topic.section.notes.map((n) => n[lang]),
          ...topic.section.background.map((n) => `${t(lang, 'backgroundLabel')}: ${n[lang]}`),
        ],
        sources: [cite(kb, { section: topic.section.id, vintage: '2023-01', kind: 'data' }, lang)],
        suggestions: ['/brief', '/brief theses'],
      });
  }
}

function layerBrief(kb: KnowledgeBase, layer: Layer, lang: Lang): Reply {
  const section = kb.section(layer.id);
  const figures = layer.figures.map((id) => kb.figure(id)!);
  return reply(lang, `${layer.name[lang]}: ${section.title[lang]}`, {
    body: [layer.summary[lang], ...section.notes.map((n) => n[lang])],
    figures: figures.map((f) => figureLine(kb, f, lang)),
    sources: uniqueCitations([layer.source, ...figures.map((f) => f.source)].map((s) => cite(kb, s, lang))),
    suggestions: [`/layer ${layer.id}`, '/brief figures'],
  });
}
