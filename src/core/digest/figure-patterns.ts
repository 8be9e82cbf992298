// The shapes a cited number takes in English and Chinese chat, each with a cheap test (a hint)
// that must pass before its regular expression is worth running, and how to read its value.
import type { CitedUnit } from './digest.js';
import { EN_NUMBER_WORDS, parseEnNumberWords, parseZhNumber, ZH_APPROX_NUMBER, ZH_NUMBER, zhFraction } from './number-words.js';
import { fraction, num, range, scaleEn, scaleZh, single, type Value, words, zhRange } from './figure-values.js';

const N = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
// A number glued to letters is a name ("A100", "GPT-3", "Q3"), not a figure; Chinese may run on.
const START = String.raw`(?<![A-Za-z\d.,@#_/\-])`;
const DASH = String.raw`\s*(?:-|–|—|~|to|至|到)\s*`;
const SCALE = '(?:thousand|million|billion|trillion|mn|bn|mm|k|m|b|t)(?![A-Za-z])';
// Without a "$", a single-letter scale must be a capital: "3.8B" is money, "back in 5m" is not.
const BARE_SCALE = '(?:thousand|million|billion|trillion|mn|bn|mm|[MBT])(?![A-Za-z])';
const ZH_SCALE = '(?:万亿|亿|万|千)';
const COUNTED = String.raw`\s*(?:parameters?|params?|tokens?|users?|downloads?|images?|people|requests?|queries|messages?|developers?|customers?|subscribers?|visits?|views?|words?|pages?|gpus?|chips?|models?|datasets?|apps?|rows?|records?|years?|months?|days?|hours?|minutes?|seconds?|engineers?|employees?)\b`;
/** Things a count may count, in English: what a digest can tell apart (models, people, companies...). */
const COUNT_NOUN =
  '(models?|checkpoints?|apps?|applications?|startups?|companies|datasets?|categories|engineers?|people|employees?|researchers?|staff(?:ers)?|developers?|founders?|folks|person|heads)';
const COUNT_ADJECTIVES = String.raw`(?:(?:pre-?trained|open[- ]source|open|hosted|public|different|ai|generative|gen-?ai|llm|foundation|new|full[- ]time|ml|distinct|product|paying|live|production|third[- ]party)\s+)*`;
const ZH_COUNT_NOUN =
  '(预训练模型|开源模型|大模型|模型|应用程序|应用|产品|初创公司|创业公司|公司|数据集|工程师|员工|研究员|人|品类|类产品|款产品)';
const FRACTION_WORD = '(half|thirds?|quarters?|fourths?|fifths?|tenths?)';
const FRACTION_COUNT = '(?:(a|an|one|two|three|four)[\\s-]+)?';

type Parse = (m: RegExpExecArray) => Value | undefined;

/** Each pattern with a cheap test that must pass before the pattern is worth running. Earlier patterns win an overlap. */
export const PATTERNS: { re: RegExp; hint: RegExp; parse: Parse }[] = [
  {
    hint: /\$/,
    re: new RegExp(String.raw`(?:US)?\$\s*(${N})(\s?${SCALE})?(?:${DASH}\$?\s*(${N})(\s?${SCALE})?)?`, 'gi'),
    parse: (m) => range('usd', m[1]!, m[2], m[3], m[4], scaleEn),
  },
  {
    // "5个亿", "十几个亿美元", "5个多亿": spoken Chinese puts 个 before 亿.
    hint: /个多?亿/,
    re: new RegExp(`(${ZH_NUMBER})个(多)?亿\\s*(美元|美金)?`, 'g'),
    parse: (m) => {
      const v = zhRange(m[3] ? 'usd' : 'amount', m[2] ? `${m[1]}多` : m[1]!);
      return v && { ...v, low: v.low! * 1e8, high: v.high! * 1e8 };
    },
  },
  {
    hint: /美[元金]/,
    re: new RegExp(String.raw`(${ZH_APPROX_NUMBER})\s*(?:${DASH}(${ZH_APPROX_NUMBER}))?\s*(?:美元|美金)`, 'g'),
    parse: (m) => (/^[万亿]/.test(m[1]!) ? undefined : zhRange('usd', m[1]!, m[2])),
  },
  {
    hint: /param|参数/i,
    re: new RegExp(
      String.raw`${START}(${N}|${EN_NUMBER_WORDS})\s?(${SCALE}|${ZH_SCALE})?\s*(?:级别)?\s*(?:parameters?|params?)|(?<![A-Za-z\d.\-])(${ZH_NUMBER})\s*(?:个|级别的|级别|级)?\s*参数`,
      'gi',
    ),
    parse: (m) =>
      m[3] !== undefined
        ? zhRange('params', m[3])
        : /^[\d.,]+$/.test(m[1]!)
          ? range('params', m[1]!, m[2], undefined, undefined, (s) => scaleZh(s) ?? scaleEn(s))
          : words('params', m[1]!, m[2]),
  },
  {
    hint: /%|percent|pct/i,
    re: new RegExp(String.raw`${START}(${N})\s*(?:%|percent|pct)?(?:${DASH}(${N}))?\s*(?:%|percent(?!age)|per ?cent|pct)`, 'gi'),
    parse: (m) => range('percent', m[1]!, undefined, m[2], undefined, scaleEn),
  },
  {
    // "1/3 of revenue", "2/3 of it": a fraction with a slash, as a share.
    hint: /\d\s*\/\s*\d/,
    re: /(?<![\d./])([1-9])\s*\/\s*([2-9]|10)(?![\d./])(?=\s+(?:of|their|its|our|the)\b)/g,
    parse: (m) => single('percent', (Number(m[1]) * 100) / Number(m[2])),
  },
  {
    hint: /百分之/,
    re: new RegExp(`百分之(${ZH_NUMBER})(?:${DASH}(?:百分之)?(${ZH_NUMBER}))?`, 'g'),
    parse: (m) => zhRange('percent', m[1]!, m[2]),
  },
  {
    hint: /分之/,
    re: new RegExp(`(${ZH_NUMBER})分之(${ZH_NUMBER})`, 'g'),
    parse: (m) => single('percent', zhFraction(m[1]!, m[2]!)),
  },
  {
    // "三成", "两三成", "二到四成"; not "成本", "成立", "成长".
    hint: /成/,
    re: /([一二两三四五六七八九十]{1,2})(?:(?:到|至|-)([一二两三四五六七八九十]))?成(?![本立功长员为熟就果])/g,
    parse: (m) => {
      const digits = [...m[1]!].map((c) => parseZhNumber(c)?.low);
      if (m[1]!.length === 2 && m[1] !== '十' && !m[2] && digits.every((d) => d !== undefined && d < 10))
        return { unit: 'percent', kind: 'range', low: digits[0]! * 10, high: digits[1]! * 10 };
      return zhRange('percent', m[1]!, m[2], 10);
    },
  },
  {
    hint: /半/,
    re: /(一半以上|过半|超过一半|一半|半数|减半|砍半|砍掉一半|降一半|少一半|省一半)/g,
    parse: (m) => {
      const text = m[1]!;
      const change = /减|砍|降|少|省/.test(text);
      return {
        unit: 'percent',
        kind: 'percent',
        low: 50,
        high: /以上|过半|超过/.test(text) ? null : 50,
        ...(change ? { change: true } : {}),
      };
    },
  },
  {
    hint: /翻/,
    re: new RegExp(`翻(?:了)?(?:一番|倍|(${ZH_NUMBER})倍|(${ZH_NUMBER})番)`, 'g'),
    parse: (m) => {
      const times = m[1] ? parseZhNumber(m[1])?.low : m[2] ? 2 ** (parseZhNumber(m[2])?.low ?? 1) : 2;
      return times ? { unit: 'ratio', kind: 'multiple', low: times, high: times, change: true } : undefined;
    },
  },
  {
    hint: /\d\s?[x×]|倍|times|fold/i,
    re: new RegExp(
      String.raw`${START}(${N})(?:\s?(?:x|×)(?![A-Za-z\d])|\s*倍|\s+times\b(?!\s+(?:a|per|in|to|that|when)\b)|[\s-]fold\b)|(${ZH_NUMBER})倍`,
      'gi',
    ),
    parse: (m) => (m[2] ? zhRange('ratio', m[2]) : range('ratio', m[1]!, undefined, undefined, undefined, scaleEn)),
  },
  {
    // "300 apps", "100,000 models", "100k pre-trained models", "12 engineers": counted things.
    hint: /\d/,
    re: new RegExp(String.raw`${START}(${N})(\s?(?:k|K|thousand|million))?(\+)?\s+${COUNT_ADJECTIVES}${COUNT_NOUN}\b`, 'gi'),
    parse: (m) => {
      // "In 2025 apps will…" is a year, not a count.
      if (!m[2] && /^(?:19|20)\d\d$/.test(m[1]!)) return undefined;
      const v = range('count', m[1]!, m[2], undefined, undefined, scaleEn);
      if (!v) return undefined;
      return { ...v, ...(m[3] ? { high: null } : {}), counted: m[4]!.toLowerCase() };
    },
  },
  {
    hint: /\d[\s-]*(?:person|people|member)|team of/i,
    re: new RegExp(
      String.raw`${START}(${N})[\s-]*(?:person|people|member)\s+(?:team|company|startup|shop)|team of\s+(${N}|${EN_NUMBER_WORDS})`,
      'gi',
    ),
    parse: (m) =>
      m[1] !== undefined
        ? { ...range('count', m[1], undefined, undefined, undefined, scaleEn)!, counted: 'people' }
        : { ...(words('count', m[2]!) ?? range('count', m[2]!, undefined, undefined, undefined, scaleEn))!, counted: 'people' },
  },
  {
    // "10万个预训练模型", "300多款应用", "团队12个人", "十几个工程师".
    hint: new RegExp(ZH_COUNT_NOUN),
    re: new RegExp(`(${ZH_NUMBER})(多)?\\s*(?:个|款|家|名|位|类|种)?\\s*${ZH_COUNT_NOUN}`, 'g'),
    parse: (m) => {
      if (!/[\d一二两三四五六七八九十百千万几]/.test(m[1]!)) return undefined;
      // "一个模型", "一家公司" is an article, not a count; "数据集" starts with 数.
      if (/^[一两]$/.test(m[1]!) || m[1] === '数' || m[1] === '几') return undefined;
      const v = zhRange('count', m[1]!);
      return v ? { ...v, ...(m[2] ? { high: null } : {}), counted: m[3]! } : undefined;
    },
  },
  {
    // "基于GPT-3的应用只有几十款", "模型有十万个": a count whose noun came first.
    hint: /[款个]/,
    re: new RegExp(`(?<=(应用|模型|产品)[^，。,.!?！？]{0,12}?)(${ZH_NUMBER})(多)?\\s*(?:款|个)(?![\\p{Script=Han}])`, 'gu'),
    parse: (m) => {
      if (/^[一两几数]$/.test(m[2]!)) return undefined;
      const v = zhRange('count', m[2]!);
      return v ? { ...v, ...(m[3] ? { high: null } : {}), counted: m[1]! } : undefined;
    },
  },
  {
    hint: /\d\s?(?:[MBT]|thousand|million|billion|trillion|mn|bn|mm)/,
    re: new RegExp(
      String.raw`${START}(${N})(\s?${BARE_SCALE})(?:${DASH}(${N})(\s?${BARE_SCALE})?)?(?!${COUNTED})(\s*(?:USD|dollars))?`,
      'g',
    ),
    parse: (m) => range(m[5] ? 'usd' : 'amount', m[1]!, m[2], m[3], m[4], scaleEn),
  },
  {
    // "290亿", "五千万", "一千七百五十亿", "千亿": a Chinese amount whose unit the words around it give.
    hint: /[万亿]/,
    re: new RegExp(`(${ZH_APPROX_NUMBER})(?:${DASH}(${ZH_APPROX_NUMBER}))?`, 'g'),
    parse: (m) => {
      const n = m[1]!;
      // "万一" and "千万不要" are words, not amounts; "千亿" and "百亿" are.
      if (!/[万亿]/.test(n) || /^[万亿]/.test(n) || (/^[千百]/.test(n) && !/^[千百]亿/.test(n))) return undefined;
      if (!/[\d一二两三四五六七八九十百千几]/.test(n)) return undefined;
      return zhRange('amount', m[1]!, m[2]);
    },
  },
  {
    // "half a billion", "ten billion dollars", "a hundred million", "hundreds of millions".
    hint: /illion/i,
    re: new RegExp(
      String.raw`\b(?:(half\s+a)|(${EN_NUMBER_WORDS}|${N})|(tens|hundreds)\s+of)\s+(million|billion|trillion)s?\b(?!${COUNTED})(\s+(?:of\s+)?(?:US\s+)?dollars)?|\bbillions(?:\s+of\s+dollars)?\b(?!\s+of\b)`,
      'gi',
    ),
    parse: (m) => {
      const unit: CitedUnit = m[5] || !m[4] ? 'usd' : 'amount';
      if (!m[4]) return { unit, kind: 'range', low: 1e9, high: 1e10 };
      const scale = scaleEn(m[4])!;
      if (m[1]) return { unit, kind: 'money', low: scale / 2, high: scale / 2 };
      if (m[3]) {
        const base = m[3].toLowerCase() === 'tens' ? 10 : 100;
        return { unit, kind: 'range', low: base * scale, high: base * 10 * scale };
      }
      const n = /^[\d.,]+$/.test(m[2]!) ? num(m[2]!) : parseEnNumberWords(m[2]!);
      return n ? { unit, kind: 'money', low: n * scale, high: n * scale } : undefined;
    },
  },
  {
    // "sixty percent", "twenty to forty per cent".
    hint: /percent|per cent/i,
    re: new RegExp(String.raw`\b(${EN_NUMBER_WORDS})(?:\s*(?:-|to)\s*(${EN_NUMBER_WORDS}))?\s+(?:percent|per cent)\b(?!age)`, 'gi'),
    parse: (m) => {
      const a = parseEnNumberWords(m[1]!);
      const b = m[2] ? parseEnNumberWords(m[2]) : a;
      if (a === undefined || b === undefined || b < a) return undefined;
      return { unit: 'percent', kind: m[2] ? 'range' : 'percent', low: a, high: b };
    },
  },
  {
    // "a billion-dollar valuation", "a $2 billion-dollar round" is read above.
    hint: /[- ]dollar/i,
    re: new RegExp(String.raw`\b(${EN_NUMBER_WORDS}|${N})[- ](million|billion|trillion)[- ]dollar\b`, 'gi'),
    parse: (m) => {
      const n = /^[\d.,]+$/.test(m[1]!) ? num(m[1]!) : parseEnNumberWords(m[1]!);
      const scale = scaleEn(m[2]!)!;
      return n ? { unit: 'usd', kind: 'money', low: n * scale, high: n * scale } : undefined;
    },
  },
  {
    // "10 percentage points", "10个百分点": a difference of two shares, so always a change.
    hint: /point|百分点/i,
    re: new RegExp(
      String.raw`${START}(${N}|${EN_NUMBER_WORDS})\s*(?:percentage[- ]points?|pts?\b|points?\b(?=\s+(?:of|in|on|higher|lower|up|down|better|worse|more|less)))|(${ZH_NUMBER})\s*(?:个)?百分点`,
      'gi',
    ),
    parse: (m) => {
      const v =
        m[2] !== undefined
          ? zhRange('percent', m[2])
          : /^[\d.,]+$/.test(m[1]!)
            ? range('percent', m[1]!, undefined, undefined, undefined, scaleEn)
            : words('percent', m[1]!);
      return v ? { ...v, change: true } : undefined;
    },
  },
  {
    // "a tenth to a fifth", "about half of", "two thirds of", "by half", "in half".
    hint: /half|third|quarter|fourth|fifth|tenth/i,
    re: new RegExp(String.raw`\b${FRACTION_COUNT}${FRACTION_WORD}\b(?:\s*(?:-|to|or|and)\s*${FRACTION_COUNT}${FRACTION_WORD}\b)?`, 'gi'),
    parse: (m) => {
      const a = fraction(m[1], m[2]!);
      if (a === undefined) return undefined;
      const b = m[4] ? fraction(m[3], m[4]) : a;
      if (b === undefined) return undefined;
      return { unit: 'percent', kind: m[4] ? 'range' : 'percent', low: Math.min(a, b), high: Math.max(a, b) };
    },
  },
  {
    // "twice", "double", "doubled", "tripled", "halved", "ten times": multiples in words.
    hint: /twice|doubl|tripl|quadrupl|halv|times/i,
    re: new RegExp(
      String.raw`\b(twice|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|halv(?:e|ed|es|ing)|(${EN_NUMBER_WORDS})\s+times)\b`,
      'gi',
    ),
    parse: (m) => {
      const w = m[1]!.toLowerCase();
      if (w.startsWith('halv')) return { unit: 'percent', kind: 'percent', low: 50, high: 50, change: true };
      const times = m[2] ? parseEnNumberWords(m[2]) : w === 'twice' || w.startsWith('doubl') ? 2 : w.startsWith('tripl') ? 3 : 4;
      if (!times || times < 2) return undefined;
      const change = !m[2] && /ed$|ing$|es$/.test(w);
      return { unit: 'ratio', kind: 'multiple', low: times, high: times, ...(change ? { change: true } : {}) };
    },
  },
  {
    // "three categories", "a hundred thousand models", "five engineers".
    hint: /[a-z]\s+\w+/i,
    re: new RegExp(String.raw`\b(${EN_NUMBER_WORDS}(?:\s+thousand)?)\s+${COUNT_ADJECTIVES}(${COUNT_NOUN.slice(1, -1)}|categories)\b`, 'gi'),
    parse: (m) => {
      if (/^(a|an|one)$/i.test(m[1]!)) return undefined;
      const v = words('count', m[1]!);
      return v ? { ...v, counted: m[2]!.toLowerCase() } : undefined;
    },
  },
];
