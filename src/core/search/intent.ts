// What kind of answer a question wants, read from how people ask in chat, in English and Chinese:
// names ("which companies…", "谁家…"), an argument ("why…", "怎么看"), a comparison ("A vs B",
// "有啥区别"), a figure ("how much…", "多少"), a definition ("what is…", "什么是"), or whatever
// the best-matching record says. Also where a question holds two questions.

export type AnswerKind = 'names' | 'reason' | 'compare' | 'figure' | 'definition' | 'lookup';

const NAMES =
  /\b(which|what) (?:(?!happens?|do|does|did|is|are|was|were|will|would|can|could|should|goes?|makes?|gets?)\w+ ){0,4}?(?:compan(?:y|ies)|firms?|players?|startups?|vendors?|providers?|clouds?|apps?|makers?|labs?|names?|folks|guys|ones|chipmakers?|hubs?|outfits?|shops?|businesses|teams|brands|tools|products|cos|co)\b|\bwho(?:'s|s| is| are| were)? (?!wrote|is the ceo|runs)\w+|\bname (?:some|a few|the|all)\b|\b(?:what|which|any) other\b|\bwho else\b|还有(?:哪些|哪家|谁)|\bgive me (?:some |a few )?(?:names|examples)\b|(?:哪些|哪几(?![类种])|哪[一二三四五六七八九两几]?家|(?<!为)什么)\S{0,6}?(?:公司|企业|玩家|厂商|厂家|应用|产品|创业公司|初创|云|芯片|模型|平台)|(?:分成|分为|有)?哪几[类种](?=\S{0,4}(?:玩家|公司|厂商|企业))|(?:玩家|公司|厂商|企业)\S{0,6}(?:分成|分为)?哪几[类种]|谁家|有谁|都有谁|是谁|谁(?:在)?(?:领跑|领先|最强|最大|最牛|称王)|谁是(?!.{0,12}(?:ceo|首席|董事|创始人|总裁))|(?:提到|说到|包括|提了)了?谁|哪[一二三四五六七八九两几]家/iu;
const REASON =
  /\b(why|how come|how (?:will|would|could|can|do|does|did|is|are)\b(?! much| many| big| large| long| fast| often)|what does (?:the |this )?(?:essay|article|a16z|author|piece|post)s? (?:think|say|reckon|argue)|think (?:of|about)|take on|view on|opinion|argue|reckon|(?:is|are|will) (?:it|they|this|that) (?:gonna|going to|likely)|gonna|does (?:it|this) matter|should)\b|\bwhat(?:'s| is)? (?:dragging|holding)\b|\b(?:held|dragged) (?:back|down) by\b|\bwill (?:\S+ ){0,4}?(?:improve|get better|last|change|win|grow|survive|shrink|rise|fall)\b|为什么|为何|为啥|凭啥|咋回事|(?:被|因为)(?:啥|什么)|原因|怎么看|如何看|看法|观点|会不会|能不能|会.{0,12}吗|认为|觉得|怎么.{0,6}(?:赚|变现|盈利|赢)|靠(?:啥|什么)|好做吗|好不好|行不行|值得吗|靠谱吗|怎么样|打得过|能赢/iu;
const COMPARE =
  /\b(vs\.?|versus|rank(?:ed|ing)?|compared? (?:to|with)|differ(?:ence|ent|s)?|better than|against each other)\b|区别|不同|差别|对比|相比|比较|比起|排名|排一下|排个序|跟.{1,20}比|和.{1,20}比/iu;
const FIGURE =
  /\b(how (?:much|many|(?:big|large)(?! (?:could|can|will|might|would)\b))|what (?:share|percent(?:age)?|fraction|portion|chunk|slice|cut)|percent|valuation|worth|raised?|revenue|margins?|params|parameters)\b|%|\$|多少|几成|百分之|比例|占比|估值|融了|规模|营收|毛利/iu;
const DEFINITION =
  /\b(what(?:'s| is|s) an? \w+(?: \w+)?\??$|what(?:'s| is| are|s) (?:the )?(?:\w+ )?(?:layers?|stack|moats?|segments?)\b|define|definition of|meaning of|what do (?:they|you|we|the authors?|the essay) mean by|explain what)\b|是什么|什么是|啥是|是啥|指的是|什么意思|啥意思/iu;

/** Each kind read from the wording alone; `subjects` (companies, layers, segments named) settles comparisons. */
/** Asking what a word means, whatever else the question mentions ("规模护城河是啥意思": 规模 is not a figure here). */
const MEANING =
  /啥意思|什么意思|是指什么|是指啥|具体指|指的是什么|指啥|是啥概念|什么概念|\b(define|definition|meaning of|what (?:exactly )?(?:does|do) .{1,40} mean)\b|=\s*what\b/iu;

/** "tl;dr", "key takeaways", "总结一下": the essay's argument in brief. */
const SUMMARY =
  /\b(tl;? ?dr|summary|summari[sz]e|sum (?:it )?up|in a nutshell|key (?:points|takeaways)|main (?:points|takeaways|argument)|observations|big picture)\b|总结|概括|一句话|要点|核心观点|主要观点|讲了啥|说了啥/iu;

/** Asks for the essay's argument in brief rather than about one thing in it. */
export function asksForSummary(text: string): boolean {
  return SUMMARY.test(text);
}

/** Categories of product ("哪些品类", "which categories") are a figure's list, not companies. */
const CATEGORIES = /品类|类别|\bcategor(?:y|ies)\b/iu;

export function answerKind(text: string, subjects: number): AnswerKind {
  if (COMPARE.test(text) && subjects >= 2) return 'compare';
  if (MEANING.test(text)) return 'definition';
  if (SUMMARY.test(text)) return 'reason';
  if (CATEGORIES.test(text)) return 'figure';
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
      // Chinese chat separates clauses with a space or a comma ("gpt-3 多少参数 啥时候发布的"); the
      // pieces that do not ask anything are joined back below.
      /(?<=[?？])\s*|[;；]\s*|\s*(?:,|，|、)?\s*(?:\band also\b|\band then\b|另外|还有|以及|再问一下)\s*|\s*[,，]?\s*(?:and|plus|&)\s+(?=(?:what|how|who|which|why|when|where)\b)|\s*[,，]\s*(?:and|plus)\s+(?=(?:is|are|does|do)\b)|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})|\s*，\s*/iu,
    )
    .map((p) => p.trim())
    .filter(Boolean);
  const parts: string[] = [];
  for (const piece of pieces) {
    // "除了三大云还有哪些云": a piece joins the one before when either does not ask anything.
    const previous = parts.at(-1);
    // "…? how come", "…? 为啥", "…几层 分别是啥": a follow-up asks about the question before it.
    const followUp =
      /^(?:how come|why(?: so| tho| though)?|为啥|为什么|咋回事|why is that)[?？]?$/iu.test(piece) ||
      /^(?:分别|各自|那么?|具体)/u.test(piece);
    if (previous !== undefined && (followUp || piece.replace(/[?？\s]/g, '').length < 4 || !ASKS.test(piece) || !ASKS.test(previous)))
      parts[parts.length - 1] = `${previous} ${piece}`;
    else parts.push(piece);
  }
  return parts.length > 1 ? parts : [text];
}
