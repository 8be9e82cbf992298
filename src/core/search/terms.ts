// Text -> search terms, the same way for documents and questions. Chinese has no spaces, so words
// come from Node's ICU word segmenter (Intl.Segmenter); English gets a light stemmer so "margins"
// finds "margin". Stop words and question words carry no meaning for retrieval and are dropped.

// Made on first use: loading ICU's Chinese word dictionary costs ~17 ms, which commands that never
// segment text (most of them) should not pay at start-up.
let segmenter: Intl.Segmenter | undefined;
const HAN = /\p{Script=Han}/u;

const EN_STOP = new Set(
  `a about above according after all also am an and any are as at be been being but by can could did do does doing done
  for from get gets got had has have having he her here hers him his how i if in into is it its just know let like look
  looks me more most my no nor not now of on once only or other our out over own please said same say says she should
  so some such tell than that the their them then there these they this those through to too under up us very was we
  were what whats when where which while who whom whos why will with would you your yours think thinks thought guess
  roughly approximately around anything something thing things really actually basically currently kind sort give
  want need help show find way bit lot lots pretty quite much many big ever even still yet already go going come coming
  happen happens happened try trying tried gotten getting real jan january feb february mar march apr april may jun june
  go goes went jul july aug august sep sept september oct october nov november dec december
  ngl tbh imo imho lol lmao fr btw pls plz nah yeah yep ok okay hey hi guys anyone anybody quick question wondering
  vs versus differ differs difference differences different compare compared comparison per a16z
  numbers stats info details lowdown overview vibe vibes overall eli5 essay article piece`.split(/\s+/),
);
const ZH_STOP = new Set(
  `的 了 是 在 和 与 及 吗 呢 吧 啊 么 什么 怎么 怎样 如何 哪些 哪个 哪 谁 多少 多少钱 几 为什么 为何 这 那 这个 那个 有 没有 都 也 就 还 被 把 给 对 从 到 请 问 一下 一个 我 你 我们 他们 它 它们 说 讲 告诉 知道 目前 现在 大概 大约 左右 呀 嘛 其 之 会 能 可以 是否 有没有 要 又 得 地 着 过 个 些 吧 哦 呃 嗯 啥 咋 么样 如何 多 少 哪年 哪家 哪里 什么样 什么时候 时候 多少个 多大 今年 去年 最 靠谱 第一次 靠 做的 一些 哈 呗 啦 嘞 咯 哇 诶 欸 哎 嘿 嗨 哈哈 大佬 兄弟 各位 求问 请教 问下 想问 好奇 是啥 意思 啥意思 什么意思 指的是 是指 这块 这一块 这边 这篇文章 这篇 本文 文中 文章中 文章 区别 不同 不一样 差别 对比 相比 比较 有啥 里面 在里面 这里面 这里 其中 到底 整体 总体`.split(
    /\s+/,
  ),
);

/** Light English stemming: enough that plurals and -ing/-ed forms meet their base form. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3).replace(/([^aeiou])\1$/, '$1');
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2).replace(/([^aeiou])\1$/, '$1');
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function isStopWord(term: string): boolean {
  return EN_STOP.has(term) || ZH_STOP.has(term);
}

/** Word-like segments, lower-cased and width-normalised, apostrophe-s removed. */
export function words(text: string): string[] {
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s\b/g, '');
  const out: string[] = [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const segment of segmenter.segment(normalized)) {
    if (segment.isWordLike) out.push(segment.segment.replace(/[’']/g, ''));
  }
  return out;
}

/** Search terms of a text: stop words dropped, English stemmed, long Chinese words also as bigrams. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (isStopWord(word)) continue;
    if (HAN.test(word)) {
      out.push(word);
      // The segmenter splits some names and compounds differently in different contexts;
      // bigrams let "基础设施层" meet "基础设施".
      if (word.length > 2) for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
    } else {
      out.push(stem(word));
    }
  }
  return out;
}

export function isHan(term: string): boolean {
  return HAN.test(term);
}
