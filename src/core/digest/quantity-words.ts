// The words that say what a cited number measures, in English and Chinese: the nouns, verbs and
// units people put around a margin, a share of revenue, a round, a valuation or a change. One
// table, so the reader (quantity.ts) and the knowledge base's figure table agree on the names.

/** What a number can measure. `change` (a growth rate, a cut), `team_size` and `price` are never judged against a level. */
export const QUANTITIES = [
  'inference_share_of_revenue',
  'gross_margin',
  'cloud_share_of_revenue',
  'raise_share_to_cloud',
  'change',
  'money_raised',
  'valuation',
  'revenue',
  'parameter_count',
  'model_count',
  'capex',
  'team_size',
  'price',
  'other',
] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** Quantities a digest never compares with an essay figure: a change is not a level, and the essay states no team sizes or prices. */
export const NEVER_JUDGED: ReadonlySet<Quantity> = new Set(['change', 'team_size', 'price']);

/** Cue words for shares and margins (percentages). */
export const SHARE_CUES = {
  margin: /gross[- ]margins?|\bmargins?\b|\bGMs?\b|毛利/iu,
  inference:
    /inference|serving|fine[- ]?tun\w*|(?:compute|gpu|api|model|token|openai|llm)\s+(?:bills?|costs?|spend\w*|fees|invoices?)|推理|微调|算力(?:成本|开销|支出|账单|费用)?|(?:API|api)(?:调用)?(?:费用|成本|账单|开销)|模型调用|调用费/iu,
  cloud:
    /\bclouds?\b|cloud (?:providers?|vendors?|compute|infrastructure|bills?)|hyperscalers?|\baws\b|azure|\bgcp\b|google cloud|big (?:3|three)|云厂商|云服务|云提供商|云平台|云基础设施|云上|云端|三大云|三朵云|云/iu,
  raise:
    /rais(?:e|ed|es|ing)|\brounds?\b|\bseed\b|series [a-h]\b|funding|\bfunds?\b|\bvc\b|venture|capital|investors?|cheques?|checks?|融资|募资|募集|风投|轮次|早期轮|投资人|融到|融来|融的|融得|募来|募到|筹来|筹到|拿到的钱|投资款|[A-Ha-h天种]轮/iu,
  /** What a raise or a revenue is spent on when it is not named as inference: compute, GPUs. */
  compute: /\bcompute\b|\bgpus?\b|\bchips?\b|算力|显卡|服务器|GPU/iu,
  revenue:
    /revenues?|\bsales\b|(?:all (?:the )?|total )(?:money|dollars)|top[- ]line|\bincome\b|every dollar|\bearn\w*|what (?:they|we|apps?) (?:make|bring in)|收入|营收|进账|每赚|赚的/iu,
  /** A share of costs is not a share of revenue. */
  ofCosts: /of (?:our |their |its |the |total )?(?:costs?|cogs|spend|budget|expenses|opex)\b|成本的|支出的|开销的|花费的/iu,
  flows:
    /walks? away with|\bget(?:s|ting)?\b|\bkeeps?\b|\breceives?\b|\bshare of\b|go(?:es)? to|goes|flows?|ends? up|captur\w*|takes?|taking|collect\w*|pocket\w*|paid to|pay(?:s|ing)? (?:to )?(?:the )?clouds?|流向|流入|拿走|落入|归|交给|付给|进了|分到|分走|赚走|落到/iu,
  retention: /retention|churn|conversion|growth|grow\w*|cagr|留存|流失|转化|增长率|增速/iu,
};

/**
 * Training a model, in the words people use: "train", "pretraining", "a training run", "训练",
 * and the spoken "训一个大模型", "自己训", "训出来".
 */
export const TRAINING = /\b(?:pre-?)?train(?:ing|ed|s)?\b|训练|(?<!培)训(?=[一个了出大小自模这那完好得])|自训|自己训/iu;

/** Cue words for amounts of money. */
export const MONEY_CUES = {
  valuation: /valu(?:ed|ation|ations|ing)\b|\bworth\b(?!\s+of\b)|post[- ]money|pre[- ]money|market value|估值|身价|作价/iu,
  money_raised:
    /rais(?:e|ed|es|ing)\b|\brounds?\b|series [a-h]\b|\bseed\b|funding|funded|fundrais\w*|invest(?:ed|ment|ments|s|ing|or|ors)?\b|backing|backed|\bclosed\b|pour(?:ed|s|ing)?\b|\bput(?:s|ting)?\b|inject\w*|bankroll\w*|\bdeal\b|\bstake\b|\bcheck\b|\bcheque\b|\bvc\b|venture|融资|募资|募集|投资|注资|入股|[A-Ha-h]轮|轮融资|风投|投了|砸了|砸钱|融了|融到|募了|募到|获投|累计融/iu,
  revenue:
    /revenues?|\barr\b|run[- ]rate|\bsales\b|\bearn(?:s|ed|ing)?\b|\bmade\b|\bmakes?\b|\bmaking\b|bring(?:s|ing)? in|brought in|top[- ]line|turnover|bookings|\bincome\b|\bdid\b|\bdoes\b|\bdoing\b|\bsold\b(?!\s+for\b)|\bsells?\b(?!\s+for\b)|\bselling\b|\bshipped\b|营收|收入|销售额|销售|卖出|卖了|出货|进账|创收|赚了|挣了/iu,
  capex:
    /cap-?ex|capital (?:expenditures?|spending|spend|investments?|outlays?)|\bspend(?:s|ing)?\b(?=[^.]{0,40}\b(?:data ?cent(?:er|re)s?|infrastructure|servers|build-?outs?)\b)|资本开支|资本支出|资本性支出|基建投入/iu,
  training: TRAINING,
  params: /param\w*|weights|参数/iu,
};

/** Words just before an amount that make it a valuation: "valued at around $3B", "at a $1.5B", "估值为". */
export const VALUATION_BEFORE =
  /(?:valued|valuation(?:\s+(?:of|was|is|at|hit|reached))?|worth|\bat(?:\s+an?)?)\s*(?:at\s*)?(?:(?:about|around|roughly|nearly|over|more than|above|north of|~|约|大约|超过|高达)\s*)*$|估值(?:为|是|达到?|约|超过?|高达|在)?\s*(?:约|大约|超过|高达)?\s*$/iu;

/**
 * Selling over a period is revenue, not a price: "sold $3.8B of GPUs in a quarter", "一个季度卖了
 * 8亿美元". The verb alone ("sold for $2", "卖了3万美元一张") may be a price.
 */
export const SALES = /\bsold\b(?!\s+for\b)|\bsells?\b(?!\s+for\b)|\bselling\b|\bsales\b|\bshipped\b|卖了|卖出|卖掉|销售|出货|营收|收入/iu;
export const PERIOD =
  /\b(?:a|an|one|per|each|every|single|last|this|that|the|in a|in one|first|second|third|fourth)\s+(?:single\s+)?(?:quarter|year|month|fiscal (?:quarter|year))\b|\bquarterly\b|\bannual(?:ly)?\b|\bq[1-4]\b|\bfy ?'?\d\d|(?:一|每|单|上|本|这|那)个?季度|季度|一年|全年|每年|年度|去年|今年|单季/iu;

/** Words just after an amount that make it a valuation: "a $2B company", "a $1B startup", "50亿美元的公司". */
export const VALUATION_AFTER =
  /^\s*(?:(?:[- ]dollar|[- ]plus)\s+)?(?:company|companies|startup|business|firm|unicorn|decacorn|outfit|enterprise|player)\b|^\s*(?:的)?(?:公司|独角兽|企业|初创)/iu;

/** Per-unit prices: "$20 a month", "per 1K tokens", "每月", "售价". */
export const PRICE_AFTER =
  /^\s*(?:(?:a|an|per|each|\/)\s*(?:month|mo|seat|user|token|1k tokens|1,000 tokens|thousand tokens|million tokens|image|call|request|query|hour|hr|gpu[- ]hours?|api call|generation|license|chip|card|unit|gpu)\b|\/(?:mo|month|hr|h|seat|user|token)\b)|^\s*(?:每|一)(?:个)?(?:月|张|次|小时|千|百万|token|席位|用户)/iu;
export const PRICE_WORDS =
  /\bpric(?:e|es|ed|ing)\b|list price|\bsells? for\b|\bsold for\b|subscription|\bfee\b|\bcharg(?:e|es|ed|ing)\b|per (?:seat|month|token|image)|定价|价格|售价|收费|单价|月费|订阅|卖\d|卖到|卖了|价钱|每百万|每千|每个token|每张|每次|每小时|每月/iu;

/** Changes: the verbs and nouns of a cut, a rise or a growth rate, just before or after the number. */
export const CHANGE_BEFORE =
  /(?:\bby|\bcut(?:s|ting)?|\bslash(?:ed|es|ing)?|\bdrop(?:s|ped|ping)?|\bfell|\bfalls?|\bfalling|\brose|\brises?|\brising|\bgrew|\bgrows?|\bgrowing|\bincreas(?:e|es|ed|ing)|\bdecreas(?:e|es|ed|ing)|\breduc(?:e|es|ed|ing)|\bjump(?:s|ed|ing)?|\bsurg(?:e|es|ed|ing)|\bclimb(?:s|ed|ing)?|\bplung(?:e|es|ed|ing)|\bdeclin(?:e|es|ed|ing)|\bshr[iu]nk|\bshrinks|(?<!\b(?:end|ends|ended|ending|wind|winds|winding|wound|show|shows|showed|turn|turns|turned|add|adds|added|adding|come|comes|came|pick|picks|picked|shake|shakes|shook|sum|sums|summed|tot|tots|totted|line|lines|lined|open|opens|opened|settle|settles|settled)\s+)\bup|(?<!\b(?:boil|boils|boiled|come|comes|came|settle|settles|settled|narrow|narrows|narrowed|write|writes|wrote|written|paid|pay|pays|put|puts)\s+)\bdown|\bgrowth of|\bdiscount of|\bcut of|\bdrop of|\bincrease of|\bgain of|\bgained|\blost|\bloses?|降低了?|下降了?|降了|降价|下调了?|减少了?|削减了?|砍掉了?|砍了|少了|便宜了|涨了|上涨了?|涨价|上调了?|增长了?|提高了?|提升了?|增加了?|多了|跌了|下滑了?|缩水了?|同比|环比|增速|增幅|降幅|涨幅|打了|节省了?|省了|降|涨|减)\s*(?:(?:about|around|roughly|nearly|almost|over|more than|~|another|just|only|some|a further|further|约|大约|近|将近|超过|了)\s*)*$/iu;
export const CHANGE_AFTER =
  /^\s*(?:(?:price\s+)?(?:cuts?|drops?|declines?|increases?|decreases?|reductions?|rises?|jumps?|hikes?|bumps?|growth|gains?|discounts?|off|cheaper|lower|higher|faster|slower|smaller|bigger|larger|more expensive|less expensive|yoy|y\/y|year[- ]over[- ]year|mom|qoq|quarter[- ]over[- ]quarter|improvements?|savings?|reduction|annual growth|growth rate|a year growth|increase|jump)\b)|^\s*(?:的)?(?:增长|增速|下降|降幅|涨幅|增幅|降价|涨价|折扣|提升|减少|增加|降低|的降幅|的增长)/iu;
/** Comparisons that are changes only for shares: "30% more", "20% less". */
export const CHANGE_AFTER_PERCENT = /^\s*(?:more|less|fewer|higher|lower|cheaper|up|down)\b|^\s*(?:以上的增长|的涨幅)/iu;
/** A change verb anywhere in the clause ("cut API prices 30%"), unless the number is a level ("to 40%", "of revenue"). */
export const CHANGE_VERBS =
  /\b(?:cut|cuts|cutting|slash\w*|drop\w*|fell|fall\w*|rose|ris(?:e|es|ing)|grew|grow\w*|growth|increas\w*|decreas\w*|reduc\w*|jump\w*|surg\w*|climb\w*|plung\w*|declin\w*|shr[iu]nk\w*|halv\w*|doubl\w*|tripl\w*|lower(?:ed|ing|s)?|rais(?:ed|ing)? (?:prices?|rates?)|yoy|cagr|improv\w*|sav(?:e|ed|es|ing)|discount\w*)\b|降低|下降|降了|降价|下调|减少|削减|砍|便宜了|涨了|上涨|涨价|上调|增长|提高|提升|增加|翻倍|翻了|减半|同比|环比|增速|增幅|降幅|涨幅|节省|省下/iu;
/** What makes a number a level even next to a change verb: "grew to $100M", "down from 60%", "30% of revenue". */
export const LEVEL_BEFORE =
  /(?:\bto|\bat|\bfrom|\bof|\bis|\bare|\bwas|\bwere|\bbe|至|到|为|是|占)\s*(?:(?:about|around|roughly|nearly|almost|over|more than|~|just|only|约|大约|近|将近|超过)\s*)*$/iu;
export const LEVEL_AFTER = /^\s*(?:of\b|的(?:收入|营收|毛利)|收入|营收)/iu;

/** People counted: a team's size. */
export const PEOPLE =
  /^(?:engineers?|people|employees?|researchers?|staff(?:ers)?|developers?|founders?|folks|person|heads|工程师|员工|研究员|人)$/iu;
/** Models and apps counted. */
export const MODELS = /^(?:models?|checkpoints?|apps?|applications?|预训练模型|开源模型|大模型|模型|应用程序|应用|产品|款产品)$/iu;

/** The number is part of a supposition, a plan or a target, not a claim about how things are. */
export const NOT_A_CLAIM =
  /\b(?:if|suppose|supposing|assuming|imagine|what if|unless|target(?:ing|s)?|goal|aim(?:ing|s)? (?:for|at|to)|hop(?:e|ing) (?:for|to)|plan(?:s|ning)? to|want to|would love|wish|could we|should we|let'?s say)\b|如果|假如|假设|要是|目标|希望|计划|打算|争取|想要|万一/iu;
