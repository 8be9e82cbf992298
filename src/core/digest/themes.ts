// "What the essay would say": the thesis that speaks to what the discussion dwelt on. A theme is
// counted by the messages that touch it; the most touched theme picks the thesis. It is the
// essay's opinion and is always labelled so.
import type { Lang } from '../i18n/lang.js';
import { cite, vintageLabel } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { LayerId } from '../knowledge/schema.js';
import { THEMES, type EssayLine, type Theme } from './digest.js';
import { DIGEST_WORDS } from './reply-words.js';

const PATTERNS: Record<Theme, RegExp> = {
  margins:
    /\b(gross margins?|margins?|inference costs?|cogs|serving costs?|unit economics|retention|churn)\b|毛利|利润率|推理成本|单位经济|留存|流失/,
  moats:
    /\b(moats?|defensib\w*|barriers? to entry|differentiat\w*|commoditi[sz]\w*|lock[- ]?in|network effects?)\b|护城河|壁垒|差异化|同质化|网络效应/,
  infra:
    /\b(gpus?|clouds?|hyperscalers?|compute|data ?cent(?:er|re)s?|capex|chips?|semiconductors?|a100s?|h100s?|tpus?)\b|算力|芯片|显卡|云厂商|云服务|数据中心|资本开支/,
  open_source: /\b(open[- ]source|open weights?|oss)\b|开源/,
  model_business:
    /\b(model providers?|api pricing|api revenue|hosting|monetiz\w*|monetis\w*|commerciali[sz]\w*)\b|模型提供商|托管|变现|商业化/,
  winner_take_all: /\b(winner[- ]takes?[- ]all|winner[- ]take[- ]most)\b|赢者通吃|赢家通吃/,
  vertical:
    /\b(vertical(?:ly)? integrat\w*|own models?|train (?:their|its|our) own|full[- ]stack|end[- ]to[- ]end)\b|纵向整合|垂直整合|自研模型|端到端/,
  value_capture:
    /\b(who (?:captures?|wins|makes (?:the )?money)|value capture|captures? (?:the )?value|biggest winners?)\b|谁赚钱|赢家|价值捕获|拿走/,
};

const THESIS_BY_THEME: Record<Theme, string> = {
  margins: 'apps_grow_but_struggle',
  moats: 'no_systemic_moats',
  infra: 'infra_biggest_winners',
  open_source: 'open_source_can_beat_closed',
  model_business: 'model_providers_not_yet_commercial',
  winner_take_all: 'winner_take_all_unclear',
  vertical: 'vertical_integration_edge',
  value_capture: 'value_creators_not_capturers',
};

/** When no theme word came up, the most discussed layer picks its thesis. */
const THEME_BY_LAYER: Record<LayerId, Theme> = { apps: 'margins', models: 'model_business', infra: 'infra' };

/** Themes a text touches. Patterns are lower-case and flagless: faster over thousands of messages. */
export function themesOf(text: string): Theme[] {
  const lower = text.toLowerCase();
  return THEMES.filter((theme) => PATTERNS[theme].test(lower));
}

/**
 * The essay line for the discussion: the theme touched by the most messages (ties go to the
 * earlier theme in THEMES), else the top layer's theme, else none (nothing market-related was said).
 */
export function essayLine(
  kb: KnowledgeBase,
  counts: ReadonlyMap<Theme, number>,
  topLayer: { id: LayerId; mentions: number } | undefined,
  lang: Lang,
): EssayLine | undefined {
  let theme: Theme | undefined;
  let messages = 0;
  for (const t of THEMES) {
    const n = counts.get(t) ?? 0;
    if (n > messages) [theme, messages] = [t, n];
  }
  if (!theme && topLayer) [theme, messages] = [THEME_BY_LAYER[topLayer.id], topLayer.mentions];
  if (!theme) return undefined;
  const thesisId = THESIS_BY_THEME[theme];
  const thesis = kb.theses.find((th) => th.id === thesisId);
  if (!thesis) return undefined;
  const w = DIGEST_WORDS[lang];
  const because = w.essayBecause(messages, w.themes[theme]);
  const text = w.essayLine(w.essayIntro(vintageLabel(thesis.source.vintage, lang)), thesis.statement[lang], because);
  return { theme, messages, thesisId, text, citation: { ...cite(kb, thesis.source, lang), opinion: true } };
}
