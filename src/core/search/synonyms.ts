// How people ask about this market, rewritten into the knowledge base's own vocabulary before
// searching: "hyperscalers" are the clouds, "COGS" is mostly inference cost, "GPU maker" is NVIDIA.
// Rewriting (rather than appending) keeps a paraphrased word from counting as "unknown".

const REWRITES: [RegExp, string][] = [
  // Before the "winner" rule below takes the word apart.
  [/\b(winners?[- ]takes?[- ]all|winner[- ]take[- ]most)\b|赢者通吃|赢家通吃/g, ' winnertakeall 赢者通吃 '],
  [/\bseries ([a-f])\b/g, ' series $1 funding round '],
  [/([a-f])轮/g, ' $1轮 融资 '],
  [/\b(how (?:fast|quickly|long|soon))\b/g, ' how long time year '],
  [/(多久|多快|多长时间)/g, ' 时间 一年 '],
  [/\b(charges?|charging|paid|pay for|for free|free of charge|cost money|give (?:it|them) away)\b/g, ' free '],
  [/\b(wrote|written|authors?|authored)\b/g, ' author '],
  [/(哪家机构|哪个机构|谁写的?|写的|撰写|执笔)/g, ' 作者 '],
  [/\b(cheaper|cheap|more expensive|expensive|pricier|pricing|prices?|priced)\b/g, ' price '],
  [
    /\b(switch(?:es|ing)?|migrat(?:e|es|ing|ion)|mov(?:e|es|ing) (?:between|across)|portab(?:le|ility)|lock(?:ed)?[- ]?in)\b/g,
    ' switch move ',
  ],
  [/(换云|迁移|切换|转向|跳槽|换到)/g, ' 迁移 '],
  // "How will they make money?" asks for the path to revenue; "are they making money?" whether they have reached scale.
  [
    /(?<=\bhow (?:will|would|do|does|can|could|are|is|might|should) (?:\S+ ){0,5}?)(?:end up )?mak(?:e|ing) (?:their |its )?money\b/g,
    ' monetization ',
  ],
  [
    /\b(making (?:real |any |much )?money|mak(?:e|es|ing) bank|commerciali[sz](?:e|ed|ing|ation)|profitab(?:le|ility)|at scale commercially)\b/g,
    ' commercial scale ',
  ],
  [
    /\b(monetiz(?:e|es|ing|ation)|monetis(?:e|es|ing|ation)|make money|makes money|earn money|earns money|cash(?:ing)? in)\b/g,
    ' monetization ',
  ],
  [
    /\b(put (?:money|cash|capital) (?:in|into)|pour(?:ed|s)? (?:money|cash) into|bankroll(?:ed|s)?|fund(?:ed|s)|back(?:ed|s)? (?:it|them)?)\b/g,
    ' investment ',
  ],
  [/(赚钱最多|赚得最多|赚最多|最赚钱|谁(?:在|才)?(?:赚|挣|拿走)(?:到|了)?(?:最多的?)?钱)/g, ' 赢家 价值 '],
  [/(赚钱了?吗?|盈利了?吗?|挣钱|赚到钱)/g, ' 盈利 商业化 '],
  // Spaced out so the segmenter does not glue the next word on ("商业化做起来了吗" -> "化做").
  [/(规模化商业化|商业化|商业变现)/g, ' 商业化 '],
  [/((?:做|搞|跑)(?:起来|成)了?(?:吗|没)?)/g, ' 实现 '],
  [/(投了|投入了?|注资|砸了?(?:多少)?钱)/g, ' 投资 '],
  [/(留不住|留住|流失|黏性|粘性|复购)/g, ' 留存 '],
  [/(靠得住|站得住|长久|牢固)/g, ' 持久 '],
  [/(模型公司|模型厂商|模型提供方)/g, ' 模型提供商 '],
  [
    /\b(model (?:labs?|makers?|compan(?:y|ies)|startups?|builders?|developers?|shops?|vendors?)|llm (?:labs?|makers?|compan(?:y|ies)|startups?|vendors?)|ai labs?)\b/g,
    ' model providers ',
  ],
  [/(好做吗?|难做吗?|好不好做|日子好过吗?|容易吗)/g, ' 挑战 '],
  [/\b(gen ?ai|genai|generative artificial intelligence|aigc)\b/g, ' generative ai '],
  // "Oracle's role", "what has Intel brought to the party", "甲骨文是什么角色", "Graphcore啥来头": a
  // company's place in the essay is its card, not words to look up.
  [
    /\b(what role|roles?|what part does|fit(?:s)? in|(?:what'?s|whats) (?:the )?deal with|'?s deal|bring(?:s)? to the (?:table|party)|brought to the \w+|bring(?:s|ing)? to the \w+|(?:what'?s|whats) (?:their|its|his|her) deal)\b|角色|定位|扮演|干啥的|干嘛的|啥来头|什么来头|来头|是啥东西|是什么东西|啥玩意儿?|东西/g,
    ' ',
  ],
  // How a model company puts its models in users' hands: a paid API, or open weights given away.
  [
    /\b((?:the )?way (?:they|it) offers?|offer(?:s|ing)? (?:their|its|the) models?|distribut(?:e|es|ing) (?:their|its) models?|business models?)\b/g,
    ' business model api ',
  ],
  [/(提供方式|怎么提供|商业模式|怎么卖)/g, ' 商业模式 API '],
  // Chat shorthand and slang, each onto the knowledge base's word for the thing.
  [/\b((?:turn|grow|become|get) (?:into )?(?:a )?(?:giant|behemoth|juggernaut|huge|massive|enormous))\b/g, ' become very large '],
  [/(庞然大物|巨无霸|巨头|大玩家)/g, ' 巨头 '],
  [/\b((?:model |product )?line-?ups?|product lines?|portfolio)\b/g, ' model families '],
  [/(产品线|旗下(?:的)?模型|模型矩阵)/g, ' 模型系列 '],
  [
    /\b(tam|total addressable market|market size|how big (?:could|can|will|might) (?:the )?(?:\S+ ){0,3}?(?:market|pie|opportunity) (?:get|be))\b/g,
    ' potential market ',
  ],
  [/(市场(?:规模|空间)(?:有多大|多大)?|天花板)/g, ' 潜在市场 '],
  [/\b(bull(?:ish)?|bear(?:ish)?|bull case|bear case|optimistic|pessimistic|upbeat|gloomy)\b/g, ' optimistic '],
  [/(看多还是看空|看多|看空|乐观还是悲观|悲观|乐观)/g, ' 看好 '],
  [/(利润空间|赚头)/g, ' 毛利率 '],
  [/(拉低|压低|压着|拖后腿|拖累|吃掉)/g, ' 拖累 '],
  [/\b(get(?:s|ting)? better|improv(?:e|es|ing)|pick(?:s|ing)? up|recover(?:s|ing)?)\b/g, ' improve '],
  [/(变好|好转|改善|提升|回升)/g, ' 改善 '],
  [/\b(translator'?s?|editor'?s?|repost(?:er)?)\b/g, ' translator editor '],
  [/(译者|编者|转载方)/g, ' 译者 编者 '],
  [/\b(interview(?:ed|s)?|talk(?:ed)? to|spoke (?:to|with))\b/g, ' interviews '],
  [/\b(any(?:one|body) (?:use|using|uses)|who uses|adoption|traction)\b/g, ' adoption share '],
  [/\b(built on(?: top of)?|based on|runs? on|running on|powered by|under the hood)\b/g, ' underlying model '],
  [/(基于|底层模型|用的啥模型|用的什么模型|用的是什么模型)/g, ' 底层模型 '],
  [/\b(invent(?:ed|or|ors)?|pioneer(?:ed|s)?|laid the (?:groundwork|foundations?)|came up with)\b/g, ' research foundations '],
  [/(发明(?:了|的)?|开创(?:了|的)?|奠基|奠定(?:了)?)/g, ' 奠定 基础 '],
  [
    /\b(look(?:s)? (?:basically |pretty |all |kinda )?(?:the )?same|look(?:s)? alike|samey|cookie[- ]cutter|undifferentiated)\b/g,
    ' similar differentiation ',
  ],
  [/(同质化|千篇一律|长得都一样|都差不多|大同小异)/g, ' 相似 差异化 '],
  [/(来卷|在卷|咋卷|怎么卷|卷起来|内卷)/g, ' 竞争 '],
  [/(降过价|降了价|降价了?)/g, ' 降价 '],
  [/(入局|入场|进场|杀进来|杀入|进军)/g, ' 进入 市场 '],
  [/(各层|每层|分层|每一层|各个层|逐层)/g, ' 逐层 '],
  [/(垂直整合|垂直一体化|纵向一体化)/g, ' 纵向整合 '],
  [/\b(layer by layer|each layer|every layer|per layer|all (?:the |three )?layers)\b/g, ' layer by layer '],
  [/\b(get(?:s|ting)? into|enter(?:s|ing|ed)?|break(?:s|ing)? into|muscl(?:e|es|ing) in(?:to)?)\b/g, ' entering market '],
  [/(定价|售价|价格|价钱)/g, ' 价格 售价 '],
  [/(?:老派|老牌|传统)的?(?=护城河|壁垒)/g, ' 经典 '],
  [/(市场能有多大|市场有多大|能做多大)/g, ' 潜在市场 '],
  [/\b(trade-?offs?|pros and cons|upsides? and downsides?)\b/g, ' cost flexibility '],
  [/(取舍|权衡|利弊|优缺点)/g, ' 代价 灵活性 '],
  [/(谁投的|谁投资的?|投资方)/g, ' 投资 '],
  [/\b(ai tourists?|tourists?|freeloaders?|tyre[- ]kickers?|tire[- ]kickers?)\b/g, ' tourists retention '],
  [/(白嫖党?|薅羊毛|尝鲜用户|看热闹的)/g, ' 只图新鲜 留存 '],
  [/(有啥关系|有什么关系|啥关系|什么关系|跟这事)/g, ' '],
  [/(有人用吗?|用的人多吗?|谁在用|有谁用|用得多吗?)/g, ' 采用 份额 '],
  [/(访谈|采访|调研|聊了)/g, ' 访谈 '],
  [/\bcos\b/g, ' companies '],
  [/\b(vals?)\b/g, ' valuation '],
  [/\b(revs?|rev est)\b/g, ' revenue '],
  [/\b(yrs?)\b/g, ' year '],
  [/\b(gms?)\b/g, ' gross margin '],
  [/\bdc\b/g, ' data center '],
  [/\b(nlp|natural language processing)\b|自然语言(?:处理)?/g, ' language model '],
  [/\b(first dibs|dibs on|priority access|first in line|front of the (?:line|queue))\b/g, ' preferential access '],
  [/(优先拿到|先拿到|抢先拿到|优先供货)/g, ' 优先获得 '],
  [/\b(c(?:o|a)me out|launch(?:ed|es)?|release date|releas(?:e|es|ing)|debut(?:ed|s)?|ship(?:ped|s)?|go live|went live)\b/g, ' released '],
  [/(问世|推出|上线)/g, ' 发布 '],
  [/\b(vc love|investor (?:love|interest)|investors? piled in|got funded)\b/g, ' attracted investors '],
  [/(老大|龙头|一哥|领头羊|霸主|领跑者?)/g, ' 领先 '],
  [/(卡在哪(?:儿|里)?|卡脖子|瓶颈|难点|痛点|难处)/g, ' 挑战 '],
  [/(横向|纵向)(?:延展|扩展|扩张|发展|路线|模式)/g, ' $1 '],
  [
    /\b(stop(?:s|ped)? (?:paying for|using|relying on)|ditch(?:es|ed|ing)?|mov(?:e|es|ing) off|walk(?:s|ing)? away from)\b/g,
    ' churn own model ',
  ],
  [/\b(data ?cent(?:er|re)s?)\b/g, ' data center '],
  [
    /\b(hyperscalers?|big (?:3|three)(?: clouds?)?|major clouds?|public clouds?|cloud vendors?|cloud providers?|cloud compan(?:y|ies))\b/g,
    ' cloud providers ',
  ],
  [/(云厂商|云服务商|云服务提供商|云计算厂商|云计算公司|公有云|三大云|三朵云)/g, ' 云服务商 '],
  [/\b(gpu makers?|gpu vendors?|gpu compan(?:y|ies)|graphics cards? makers?|chipmakers? for ai)\b/g, ' nvidia '],
  [/(gpu厂商|显卡厂商|gpu巨头)/g, ' 英伟达 '],
  [/\b(foundr(?:y|ies)|fabs?|chip manufacturers?|who makes (?:the )?chips)\b/g, ' tsmc manufacture chips '],
  [/\b(take rate|cut of|slice of|portion of|fraction of|percentage of|proportion of)\b/g, ' share of '],
  [/\b(cogs|cost of goods(?: sold)?|cost of revenue|serving costs?|compute costs?|compute bills?)\b/g, ' inference cost '],
  [/\b(capex|capital spend(?:ing)?|capital expenditures?|infrastructure spend(?:ing)?)\b/g, ' capital expenditure '],
  [/(资本开支|资本支出)/g, ' 资本开支 '],
  [/\b(worth|valuations?|valued at|value[sd]? (?:it |them )?at)\b/g, ' valuation '],
  [/\b(put into|invest(?:ed|s|ing|ments?)?|backing|backed)\b/g, ' investment '],
  // Money raised from a named backer is that backer's investment ("what did OpenAI raise from Microsoft").
  [/\b(?:raised?|raising|got|took|received?|gets?) (?:\S+ ){0,3}?from\b/g, ' funding investment from '],
  [/\b(raised|raise|raising|fund ?raising|funding rounds?|rounds?)\b/g, ' funding '],
  [
    /\b(goes to|go to|went to|spent on|spend on|spends on|spending on|pays? (?:for|to)|paid (?:for|to)|burn(?:s|ed|ing)?(?: through)?|blow(?:s|n)?|sink(?:s)?|shell(?:s|ing)? out(?: on)?|fork(?:s|ing)? out(?: on)?|gets? eaten by|eaten up by)\b/g,
    ' spend ',
  ],
  [
    /\b(money[- ]wise|financially|financials|top[- ]?line|bring(?:s|ing)? in|rak(?:e|es|ing) in|pocket(?:s|ing)?|earn(?:s|ing)?)\b/g,
    ' revenue ',
  ],
  [/\b(beat|beats|outcompete|compete with|win against|competitive with)\b/g, ' compete '],
  [/(打得过|比得过|竞争得过|赢得了|能赢)/g, ' 竞争 '],
  [/\b(sales|arr|top ?line|revenues)\b/g, ' revenue '],
  [/(营收|年收入|收入规模)/g, ' 收入 '],
  [/(融了?多少钱?|融资多少|融到了?|筹集了?|募资|募集了?|拿了多少(?:投资|钱))/g, ' 融资 '],
  [/(值多少钱|估值多少|估值是多少)/g, ' 估值 '],
  [/(烧多少钱|要花多少钱|花多少钱|花了多少钱|成本多少)/g, ' 成本 '],
  // "钱都烧哪儿去了", "烧在云上": money spent, not the cost of one thing.
  [/(钱都?烧(?:到|在)?哪(?:儿|里)?(?:去)?了?|钱都?花(?:到|在)?哪(?:儿|里)?(?:去)?了?|烧在|烧到)/g, ' 花在 '],
  [/\b(captur(?:e|es|ed|ing))\b/g, ' capture '],
  [
    /\b(who'?s winning|who is winning|who wins|winning|winners?|biggest beneficiar(?:y|ies)|captures? (?:the )?(?:most )?value|value capture|value accrues?|accrue)\b/g,
    ' winner value ',
  ],
  [
    /\b(end(?:s|ed)? up with|walk(?:s|ed)? away with|tak(?:e|es|ing) home|hoover(?:s|ed)? up|scoop(?:s|ed)? up|lion'?s share)\b/g,
    ' winner value ',
  ],
  [/(赢家|谁赢|获益最多|价值积累|价值流向|拿走了最多)/g, ' 赢家 价值 '],
  [
    /\b(defensib(?:le|ility)|barriers? to entry|competitive advantages?|moats?|secret sauce|win(?:s|ning)? (?:just |only |simply )?(?:by|with|through|on the back of))\b/g,
    ' moat ',
  ],
  [/(壁垒|竞争优势|护城河)/g, ' 护城河 '],
  [/\b(durable|durability|lasting|last long|will last|sustainable|long[- ]term)\b/g, ' durable '],
  [/(持久|可持续|长期)/g, ' 持久 '],
  [/\b(started|establish(?:ed)?|incorporated|set up|founding|inception)\b/g, ' founded '],
  [/(创立|创办|成立时间|哪年成立)/g, ' 成立 '],
  [/\b(params|parameter count|model size)\b/g, ' parameters '],
  [/\b(cit(?:ed|es|ing|ations?)|papers?|literature)\b/g, ' citation research '],
  [/(论文|引用|文献)/g, ' 引用 '],
  [/\b(gross margins?|margins?)\b/g, ' gross margin '],
  [/(毛利率|毛利|利润率)/g, ' 毛利率 '],
  [/\b(vcs?|venture capital|venture funding|investors? money)\b/g, ' venture capital '],
  [/\b(llms?|language models?|foundation models?)\b/g, ' language model '],
  [/\b(open[- ]source|open weights?)\b/g, ' open source '],
  [/\b(closed[- ]source|proprietary)\b/g, ' proprietary '],
  [/\b(retain|retention|churn(?:ing)?|stick(?:y|iness))\b/g, ' retention '],
  [/\b(commoditi[sz](?:ed|ation|e)|commodity)\b/g, ' commoditization '],
  [/\b(chip shortage|gpu shortage|supply crunch|scarcity|scarce)\b/g, ' shortage scarce '],
  [/\b(graduat(?:e|es|ing))\b/g, ' churn own model '],
  [
    /\b(own models?|in-house models?|train (?:its|their|our) own|from scratch|vertical(?:ly)? integrat(?:ed|ion|e))\b/g,
    ' vertical integration own model ',
  ],
  [/\b(call (?:an |the )?apis?|use (?:an |the )?apis?|via (?:an )?apis?|api calls?|models? as a service)\b/g, ' model service api '],
];

/** Applied to questions and documents alike, so both meet in one vocabulary. */
export function canonicalize(question: string): string {
  let text = ` ${question.normalize('NFKC').toLowerCase()} `.replace(/\s+/g, ' ');
  // Spaces are collapsed after each rewrite so that later patterns, written with single spaces, still match.
  for (const [pattern, replacement] of REWRITES) {
    const next = text.replace(pattern, replacement);
    if (next !== text) text = next.replace(/\s{2,}/g, ' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}
