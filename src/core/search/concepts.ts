// Everyday names for the groups the essay sorts companies into, written for how people talk rather
// than for the knowledge base's wording: "chipmakers", "the big three", "GPT wrappers", "做芯片的",
// "套壳". A "which companies…" question is answered with the members of the group it names.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Layer } from '../knowledge/schema.js';

type Segment = Layer['segments'][number];

const SEGMENT_WORDS: Readonly<Record<string, RegExp>> = {
  hardware:
    /\b(chips?|chipmakers?|chip (?:makers?|compan(?:y|ies)|startups?|vendors?|designers?)|semiconductors?|gpu (?:makers?|vendors?|compan(?:y|ies))|hardware|accelerators?|silicon|foundr(?:y|ies))\b|芯片|半导体|硬件|显卡|代工|GPU厂/iu,
  hyperscale_clouds:
    /\b(big (?:3|three)|hyperscalers?|big clouds?|major clouds?|public clouds?|big cloud (?:players?|providers?|compan(?:y|ies)))\b|三大云|三朵云|大云|云巨头|公有云/iu,
  challenger_clouds:
    /\b(small(?:er)? (?:gpu )?clouds?|specialist clouds?|speciali[sz]ed clouds?|gpu clouds?|vertical clouds?|challenger clouds?|niche clouds?|alternative clouds?|startup clouds?)\b|小.{0,8}云|垂直云|专业云|GPU云|挑战者云|初创云/iu,
  closed_models:
    /\b(closed(?:[- ]source)? (?:models?|llms?|labs?)|proprietary (?:models?|llms?)|(?:their|its) own (?:llms?|(?:language |foundation )?models?)|llm (?:makers?|compan(?:y|ies)|startups?|labs?)|model (?:makers?|labs?|startups?)|research labs?)\b|闭源|专有模型|自研(?:大)?模型|大模型(?:厂商|公司|创业公司)/iu,
  open_models:
    /\b(open[- ]?sourced? (?:models?|folks|players|labs?|side|ones)|open (?:weights?|models?))\b|开源(?:模型|大模型|这块|阵营|玩家)/iu,
  model_hubs: /\b(model hubs?|(?:a |the )?hub|host(?:s|ing)? (?:the )?models?|model hosting)\b|托管|模型仓库|模型社区|模型平台/iu,
  end_to_end_apps:
    /\b(end[- ]to[- ]end|run (?:their|its) own models?|own models? end to end|vertically integrated apps?|full[- ]stack apps?)\b|端到端|自(?:己|家|研)(?:训|练|做|搞|开发|训练)?的?(?:大)?模型的?(?:应用|产品)|(?:应用|产品)\S{0,6}自(?:己|家)(?:训|练|做|搞|开发|训练)?的?(?:大)?模型|垂直整合的应用/iu,
  apps_on_third_party_models:
    /\b(built on (?:top of )?(?:someone else'?s|others'?|other people'?s|third[- ]party|openai'?s|another compan(?:y|ies)'?s?) (?:models?|apis?)|(?:gpt |api )?wrappers?|third[- ]party models?|(?:call|calls|calling|use|uses) (?:an? |the |someone'?s |others'? )?(?:model )?apis?|built on (?:an? |the )?apis?)\b|第三方模型|调.{0,8}api|套壳|基于(?:别人|他人|第三方)/iu,
};

/** Apps sit on models; a question about apps that run their own model is about the apps. */
const APP_SEGMENTS = new Set(['end_to_end_apps', 'apps_on_third_party_models']);

export interface SegmentMatch {
  layer: Layer;
  segment: Segment;
}

/** The segments a question names in everyday words, app segments before model ones. */
export function findSegments(kb: KnowledgeBase, text: string): SegmentMatch[] {
  const matches = kb.layers.flatMap((layer) =>
    layer.segments
      .filter((segment) => SEGMENT_WORDS[segment.id]?.test(text) || text.includes(segment.name.zh))
      .map((segment) => ({ layer, segment })),
  );
  return matches.some((m) => APP_SEGMENTS.has(m.segment.id)) ? matches.filter((m) => m.layer.id === 'apps') : matches;
}

/** "which chipmakers besides NVIDIA", "除了三大云还有谁": what follows is set aside. */
export const EXCEPT = /\b(besides|apart from|aside from|other than|except(?: for)?|excluding|outside of)\b|除了|除去|以外|之外/iu;
/** "startups going after the big clouds", "挑战三朵云": the group that follows is the one challenged, not the answer. */
export const CHALLENGING =
  /\b(go(?:es|ing)? after|tak(?:e|es|ing) on|challeng(?:e|es|ing)|compet(?:e|es|ing) (?:with|against)|up against|disrupt(?:s|ing)?|eat(?:s|ing)? (?:into )?(?:the )?lunch of)\b|挑战|叫板|对抗|抢(?:走)?.{0,6}(?:生意|份额|市场|饭碗)/iu;

/** The group left when a question sets one aside: clouds apart from the Big 3 are the challengers. */
const COMPLEMENT: Readonly<Record<string, string>> = {
  hyperscale_clouds: 'challenger_clouds',
  challenger_clouds: 'hyperscale_clouds',
  closed_models: 'open_models',
  open_models: 'closed_models',
  end_to_end_apps: 'apps_on_third_party_models',
  apps_on_third_party_models: 'end_to_end_apps',
};

/**
 * The groups a question asks for once it has set some aside: "chipmakers besides NVIDIA" keeps the
 * chipmakers (the company is left out of the list later), "GPU clouds apart from the big three"
 * and "startups going after the big clouds" name only the group set aside or challenged, so the
 * answer is the group beside it.
 */
export function withoutSetAside(kb: KnowledgeBase, text: string, segments: SegmentMatch[]): SegmentMatch[] {
  const except = EXCEPT.exec(text) ?? CHALLENGING.exec(text);
  if (!except) return segments;
  // "除了三大云" sets aside what follows it, "三大云以外" what comes before.
  const setAside = /以外|之外/.test(except[0]) ? text.slice(0, except.index) : text.slice(except.index);
  const aside = new Set(findSegments(kb, setAside).map((m) => m.segment.id));
  const kept = segments.filter((m) => !aside.has(m.segment.id));
  if (kept.length) return kept;
  return kb.layers.flatMap((layer) =>
    layer.segments.filter((segment) => [...aside].some((id) => COMPLEMENT[id] === segment.id)).map((segment) => ({ layer, segment })),
  );
}

/** The group beside one, for "who is challenging AWS": the challengers of the Big 3. */
export function complementOf(kb: KnowledgeBase, segmentId: string): SegmentMatch | undefined {
  const id = COMPLEMENT[segmentId];
  for (const layer of kb.layers) {
    const segment = layer.segments.find((s) => s.id === id);
    if (segment) return { layer, segment };
  }
  return undefined;
}

/** "who competes with NVIDIA", "英伟达的对手": the company's peers in its segment. */
export const RIVALS =
  /\b(compet(?:e|es|ing|itors?|ition)|rivals?|alternatives?|challengers?|peers?|up against|catch(?:ing)? up (?:to|with)|clos(?:e|es|ing) the gap)\b|对手|竞争|替代|同行|追赶|赶上/iu;

/** The essay's six moats in everyday words; a name counts only in a question about moats. */
const MOAT_WORDS: Readonly<Record<string, RegExp>> = {
  scale: /\b(scale|economies of scale)\b|规模/iu,
  supply_chain: /\b(supply[- ]chains?)\b|供应链/iu,
  ecosystem: /\b(ecosystems?)\b|生态/iu,
  algorithm: /\b(algorithm(?:s|ic)?)\b|算法/iu,
  distribution: /\b(distribution)\b|分发|渠道/iu,
  data_pipeline: /\b(data (?:pipelines?|flywheels?|moats?))\b|数据管道|数据飞轮/iu,
};

/** The moats a question about moats names ("the scale and supply-chain moats", "规模和生态护城河"). */
export function findMoats(text: string): string[] {
  if (!/\bmoats?\b|护城河|壁垒/iu.test(text)) return [];
  return Object.entries(MOAT_WORDS)
    .filter(([, words]) => words.test(text))
    .map(([id]) => id);
}
