// /layer apps|models|infra: what the layer is, who is in it, its economics, figures and open questions.
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';
import { cite, uniqueCitations } from '../src/core/knowledge/cite.js';
import { LAYER_IDS } from '../src/core/knowledge/schema.js';
import { reply } from '../src/core/reply.js';
import { isUserError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { findLayer } from './lookup.js';
import { nameArg } from './options.js';
import { companyNames, figureLine, sourced } from './render-parts.js';

export const layerCommand = defineCommand({
  name: 'layer',
  localName: { zh: '层级' },
  description: {
    en: 'One layer of the stack (apps, models, infra): who is in it, its economics, figures and open questions',
    zh: '技术栈的某一层(应用、模型、基础设施):参与者、经济性、数据与悬而未决的问题',
  },
  options: {
    layer: {
      schema: nameArg(),
      positional: true,
      // Shown as choices on Discord; typed text also takes aliases (cloud, llm, 应用 ...).
      choices: LAYER_IDS,
      description: {
        en: 'apps, models or infra (aliases work: cloud, llm, 应用 ...)',
        zh: 'apps、models 或 infra(也可用别名:云、大模型、应用……)',
      },
    },
  },
  examples: ['/layer infra', '/layer models', '/layer 应用'],
  pure: true,
  run({ layer: name }, { kb, lang }) {
    const layer = findLayer(kb, name);
    if (isUserError(layer)) return layer;
    const w = knowledgeWords(lang);
    const figures = layer.figures.map((id) => kb.figure(id)!);
    const body = [
      layer.summary[lang],
      ...layer.economics.map((e) => sourced(e.text, e.source, lang)),
      ...layer.openQuestions.map((q) => w.openQuestion(withStop(q.title[lang]), q.text[lang])),
    ];
    const others = LAYER_IDS.filter((id) => id !== layer.id);
    const firstCompany = layer.segments[0]?.companies[0];
    return reply(lang, `${layer.name[lang]} (${layer.id})`, {
      body,
      table: {
        columns: [w.layerColumns.segment, w.layerColumns.what, w.layerColumns.who],
        rows: layer.segments.map((s) => [s.name[lang], s.description[lang], companyNames(kb, s.companies)]),
      },
      figures: figures.map((f) => figureLine(kb, f, lang)),
      sources: uniqueCitations(
        [
          layer.source,
          ...layer.economics.map((e) => e.source),
          ...figures.map((f) => f.source),
          ...layer.openQuestions.map((q) => q.source),
        ].map((s) => cite(kb, s, lang)),
      ),
      suggestions: [
        ...(firstCompany ? [`/company ${kb.company(firstCompany)?.name ?? firstCompany}`] : []),
        ...others.map((id) => `/layer ${id}`),
      ],
    });
  },
});

/** "Title:" unless the title already ends in a question mark or a colon (both languages' titles use ":"). */
function withStop(title: string): string {
  return /[?？:：]$/.test(title) ? title : `${title}:`;
}
