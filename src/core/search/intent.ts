// What kind of answer a question wants, read from how people ask in chat, in English and Chinese:
// names ("which companies…", "谁家…"), an argument ("why…", "怎么看"), a comparison ("A vs B",
// "有啥区别"), a figure ("how much…", "多少"), a definition ("what is…", "什么是"), or whatever
// the best-matching record says. Also where a question holds two questions.

export type AnswerKind = 'names' | 'reason' | 'compare' | 'figure' | 'definition' | 'lookup';

const NAMES =
  /\b(which|what) (?:(?!happens?|do|does|did|is|are|was|were|will|would|can|could|should|goes?|makes?|gets?)\w+ ){0,4}?(?:compan(?:y|ies)|firms?|players?|startups?|vendors?|providers?|clouds?|apps?|makers?|labs?|names?|folks|guys|ones|chipmakers?|hubs?|outfits?|shops?|businesses|teams|brands|tools|products)\b|\bwho(?:'s|s| is| are| were)? (?!wrote|is the ceo|runs)\w+|\bname (?:some|a few|the|all)\b|\bgive me (?:some |a few )?(?:names|examples)\b|(?:哪些|哪几(?![类种])|哪[一二三四五六七八九两几]?家|(?<!为)什么)\S{0,6}?(?:公司|企业|玩家|厂商|厂家|应用|产品|创业公司|初创|云|芯片|模型|平台)|(?:分成|分为|有)?哪几[类种](?=\S{0,4}(?:玩家|公司|厂商|企业))|(?:玩家|公司|厂商|企业)\S{0,6}(?:分成|分为)?哪几[类种]|谁家|有谁|都有谁|是谁|谁是(?!.{0,12}(?:ceo|首席|董事|创始人|总裁))|(?:提到|说到|包括|提了)了?谁|哪[一二三四五六七八九两几]家/iu;
const REASON =
  /\b(why|how come|how (?:will|would|could|can|do|does|did|is|are)\b(?! much| many| big| large| long| fast| often)|what does (?:the |this )?(?:essay|article|a16z|author|piece|post)s? (?:think|say|reckon|argue)|think (?:of|about)|take on|view on|opinion|argue|reckon|(?:is|are|will) (?:it|they|this|that) (?:gonna|going to|likely)|gonna|does (?:it|this) matter|should)\b|为什么|为何|为啥|凭啥|咋回事|怎么看|如何看|看法|观点|会不会|能不能|会.{0,12}吗|认为|觉得|怎么.{0,6}(?:赚|变现|盈利|赢)|靠(?:啥|什么)|好做吗|好不好|行不行|值得吗|靠谱吗|怎么样|打得过|能赢/iu;
const COMPARE =
  /\b(vs\.?|versus|compared? (?:to|with)|differ(?:ence|ent|s)?|better than|against each other)\b|区别|不同|差别|对比|相比|比较|比起|跟.{1,20}比|和.{1,20}比/iu;
const FIGURE =
  /\b(how (?:much|many|big|large)|what (?:share|percent(?:age)?|fraction|portion|chunk|slice|cut)|percent|valuation|worth|raised?|revenue|margins?|params|parameters)\b|%|\$|多少|几成|百分之|比例|占比|估值|融了|规模|营收|毛利/iu;
const DEFINITION =
  /\b(what(?:'s| is|s) an? \w+(?: \w+)?\??$|what(?:'s| is| are|s) (?:the )?(?:\w+ )?(?:layers?|stack|moats?|segments?)\b|define|definition of|meaning of|what do (?:they|you|we|the authors?|the essay) mean by|explain what)\b|是什么|什么是|啥是|是啥|指的是|什么意思|啥意思/iu;

/** Each kind read from the wording alone; `subjects` (companies, layers, segments named) settles comparisons. */
export function answerKind(text: string, subjects: number): AnswerKind {
  if (COMPARE.test(text) && subjects >= 2) return 'compare';
  if (NAMES.test(text)) return 'names';
  if (REASON.test(text)) return 'reason';
  if (FIGURE.test(text)) return 'figure';
  if (DEFINITION.test(text)) return 'definition';
  return 'lookup';
}

const ASKS = /[?？]|\b(what|how|who|which|why|when|where|is|are|does|do|did|can|will)\b|多少|什么|啥|吗|呢|哪|谁|为什么|为啥|几/iu;

/**
 * Two or more questions in one message: "X? and Y?", "A; B", "…，另外…". A piece counts as a
 * question of its own only when it asks something; a remark after the question ("trying to model
 * COGS") stays with it.
 */
export function questionParts(text: string): string[] {
  const pieces = text
    .split(
      /(?<=[?？])\s*|[;；]\s*|\s*(?:,|，|、)?\s*(?:\band also\b|\band then\b|另外|还有|以及|再问一下)\s*|\s*[,，]\s*(?:and|plus)\s+(?=(?:what|how|who|which|why|when|where|is|are|does|do)\b)/iu,
    )
    .map((p) => p.trim())
    .filter(Boolean);
  const parts: string[] = [];
  for (const piece of pieces) {
    // "除了三大云还有哪些云": a piece joins the one before when either does not ask anything.
    const previous = parts.at(-1);
    if (previous !== undefined && (piece.replace(/[?？\s]/g, '').length < 4 || !ASKS.test(piece) || !ASKS.test(previous)))
      parts[parts.length - 1] = `${previous} ${piece}`;
    else parts.push(piece);
  }
  return parts.length > 1 ? parts : [text];
}
