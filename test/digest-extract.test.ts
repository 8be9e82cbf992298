// The pieces the summariser is built from: readable text, sentences, figures, names, questions and
// the rules for when a cited number may be compared with the essay.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../src/core/digest/figures.js';
import { findMentions } from '../src/core/digest/mentions.js';
import { isQuestion } from '../src/core/digest/questions.js';
import { analysable, clipText, neutralise, readable, sentences } from '../src/core/digest/text.js';
import { themesOf } from '../src/core/digest/themes.js';
import { judge, overlaps } from '../src/core/digest/verdict.js';
import { kb } from './helpers.js';

const figures = (s: string) => findFigures(s).map((f) => [f.text, f.unit, f.low, f.high]);

describe('readable text', () => {
  it('turns Slack and Discord markup into what people see', () => {
    expect(readable('<@U1|ana> and <@U2>: see <https://x.io/a|the report> in <#C9|general> &amp; <!here>')).toBe(
      '@ana and @U2: see the report in #general & @here',
    );
    expect(readable('<@!1234> <@&99> <#55> <:party:123> <a:wave:456> <t:1674464400:R>')).toBe(
      '@1234 @role #channel :party: :wave: 2023-01-23',
    );
    expect(readable('<!subteam^S1|@eng> <!date^1674464400^{date}|Jan 23> <mailto:a@b.c|mail>')).toBe('@eng Jan 23 mail');
    // Text a person typed that only looks like markup stays text.
    expect(readable('a <b> c &lt;!channel&gt;')).toBe('a <b> c <!channel>');
  });

  it('drops links before numbers are read', () => {
    expect(analysable('see https://example.com/2023-40%-growth?x=1 now')).toBe('see  [link]  now');
  });

  it('makes every mention inert and keeps it readable', () => {
    expect(neutralise('@everyone @here @channel @Ana <!channel> <@U1> a@b.c')).toBe(
      '@\u2060everyone @\u2060here @\u2060channel @\u2060Ana <\u2060!channel> <\u2060@\u2060U1> a@\u2060b.c',
    );
    expect(clipText('a  b\n c', 200)).toBe('a b c');
    expect([...clipText('x'.repeat(500), 200)]).toHaveLength(200);
  });

  it('splits sentences without breaking numbers or names', () => {
    expect(sentences('Nvidia did $3.8B. Jasper.ai is an app! Really? 好的。推理成本占60%；是吗？\nnext')).toEqual([
      'Nvidia did $3.8B.',
      'Jasper.ai is an app!',
      'Really?',
      '好的。',
      '推理成本占60%；',
      '是吗？',
      'next',
    ]);
  });
});

describe('figures in a sentence', () => {
  it('reads percentages, ranges, money, multiples and parameter counts', () => {
    expect(figures('inference is 60% of revenue; clouds take 10-20%, maybe 10% to 20%')).toEqual([
      ['60%', 'percent', 60, 60],
      ['10-20%', 'percent', 10, 20],
      ['10% to 20%', 'percent', 10, 20],
    ]);
    expect(figures('$100M ARR, US$3.8 billion, $50-80M, 3.8B and $1,500')).toEqual([
      ['$100M', 'usd', 1e8, 1e8],
      ['US$3.8 billion', 'usd', 3.8e9, 3.8e9],
      ['$50-80M', 'usd', 5e7, 8e7],
      // Without "$" or "dollars" a scaled number's unit comes from the words around it (quantity.ts).
      ['3.8B', 'amount', 3.8e9, 3.8e9],
      ['$1,500', 'usd', 1500, 1500],
    ]);
    expect(figures('估值290亿美元，收入5000万-8000万美元，1亿美元')).toEqual([
      ['290亿美元', 'usd', 2.9e10, 2.9e10],
      ['5000万-8000万美元', 'usd', 5e7, 8e7],
      ['1亿美元', 'usd', 1e8, 1e8],
    ]);
    expect(figures('cited 90x more, 10倍, 3 times as often; GPT-3 has 175B parameters, 1750亿参数')).toEqual([
      ['90x', 'ratio', 90, 90],
      ['10倍', 'ratio', 10, 10],
      ['3 times', 'ratio', 3, 3],
      ['175B parameters', 'params', 1.75e11, 1.75e11],
      ['1750亿参数', 'params', 1.75e11, 1.75e11],
    ]);
    expect(figures('百分之六十 and 百分之60 are the same')).toEqual([
      ['百分之六十', 'percent', 60, 60],
      ['百分之60', 'percent', 60, 60],
    ]);
    expect(figures('推理成本占收入的６０％')).toEqual([['60%', 'percent', 60, 60]]);
  });

  it('keeps open ends open', () => {
    expect(findFigures('more than $100B a year')[0]).toMatchObject({ low: 1e11, high: null });
    expect(findFigures('under 10% of revenue')[0]).toMatchObject({ low: null, high: 10 });
    expect(findFigures('超过1000亿美元')[0]).toMatchObject({ low: 1e11, high: null });
    expect(findFigures('90%+ margins')[0]).toMatchObject({ low: 90, high: null });
  });

  it('finds no figure in names, dates or times, and counts only what the digest can tell apart', () => {
    expect(figures('A100s and H100s, GPT-3.5, Q3 2023, 2 weeks, 100M users, 300 apps, back in 5m, 18 months of runway, x86')).toEqual([
      ['300 apps', 'count', 300, 300],
    ]);
    expect(figures('the first half of 2022, last quarter, a third-party API, the third wave')).toEqual([]);
  });

  it('reads numbers written in words, in English and Chinese', () => {
    expect(figures('about half of revenue, a tenth to a fifth, two thirds of it, sixty percent')).toEqual([
      ['half', 'percent', 50, 50],
      ['a tenth to a fifth', 'percent', 10, 20],
      ['two thirds', 'percent', 200 / 3, 200 / 3],
      ['sixty percent', 'percent', 60, 60],
    ]);
    expect(figures('ten billion dollars, half a billion, hundreds of millions of dollars, 175 billion parameters')).toEqual([
      ['ten billion dollars', 'usd', 1e10, 1e10],
      ['half a billion', 'amount', 5e8, 5e8],
      ['hundreds of millions of dollars', 'usd', 1e8, 1e9],
      ['175 billion parameters', 'params', 1.75e11, 1.75e11],
    ]);
    expect(figures('一半、三成、两三成、三分之一、两倍、翻倍')).toEqual([
      ['一半', 'percent', 50, 50],
      ['三成', 'percent', 30, 30],
      ['两三成', 'percent', 20, 30],
      ['三分之一', 'percent', 100 / 3, 100 / 3],
      ['两倍', 'ratio', 2, 2],
      ['翻倍', 'ratio', 2, 2],
    ]);
    expect(figures('参数量一千七百五十亿，融资五千万美元，资本开支超千亿美元，十万个预训练模型')).toEqual([
      ['一千七百五十亿', 'amount', 1.75e11, 1.75e11],
      ['五千万美元', 'usd', 5e7, 5e7],
      ['千亿美元', 'usd', 1e11, null],
      ['十万个预训练模型', 'count', 1e5, 1e5],
    ]);
    // "drops by half", "翻倍" and "doubled" say a change in the number itself.
    expect(findFigures('if our GPU bill drops by half')[0]!.change).toBe(true);
    expect(findFigures('revenue doubled')[0]!.change).toBe(true);
    expect(findFigures('万一 and 千万不要')).toEqual([]);
  });
});

describe('names in a message', () => {
  const found = (text: string) => {
    const m = findMentions(kb, text);
    return { companies: [...m.companies].sort(), layers: [...m.layers].sort() };
  };

  it('finds companies by any alias in either language', () => {
    expect(found('NVDA, Nvidia and 英伟达').companies).toEqual(['nvidia']);
    expect(found('Google Cloud and GCP, not Google').companies).toEqual(['google', 'google_cloud']);
    expect(found('谷歌云和谷歌').companies).toEqual(['google', 'google_cloud']);
    expect(found('用OpenAI的API，部署在微软云上').companies).toEqual(['microsoft_azure', 'openai']);
    expect(found("Hugging Face's hub, huggingface, HF").companies).toEqual(['hugging_face']);
    expect(found('gpt-3.5 and GPT-3, but not GPT-4').companies).toEqual(['gpt3']);
    expect(found('jasper.ai, Character.ai and c.ai').companies).toEqual(['character_ai', 'jasper']);
  });

  it('does not take everyday words for companies', () => {
    expect(found('18 months of runway, replicate the result, price stability, sd and hf').companies).toEqual([]);
    expect(found('Runway, Replicate, Stability AI, SD').companies).toEqual(['replicate', 'runway', 'stability_ai', 'stable_diffusion']);
  });

  it('counts a company toward its layer, and layer words in both languages', () => {
    expect(found('Nvidia').layers).toEqual(['infra']);
    expect(found('apps, LLMs and GPUs').layers).toEqual(['apps', 'infra', 'models']);
    expect(found('应用层、大模型和算力').layers).toEqual(['apps', 'infra', 'models']);
    expect(found('our business model is subscriptions').layers).toEqual([]);
    expect(found('Lambda Cloud').companies).toEqual(['lambda_labs']);
  });
});

describe('questions and themes', () => {
  it('knows a question in English and Chinese, and ignores one-word reactions', () => {
    expect(isQuestion('What share goes to clouds?')).toBe(true);
    expect(isQuestion('云厂商拿走了多少收入？')).toBe(true);
    expect(isQuestion('模型公司有护城河吗')).toBe(true);
    expect(isQuestion('为什么应用毛利这么低')).toBe(true);
    expect(isQuestion('really??')).toBe(false);
    expect(isQuestion('what?')).toBe(false);
    expect(isQuestion('Margins are thin.')).toBe(false);
  });

  it('finds the themes a message touches', () => {
    expect(themesOf('Gross margins are thin and there is no moat')).toEqual(['margins', 'moats']);
    expect(themesOf('GPU 算力太贵，开源模型会赢')).toEqual(['infra', 'open_source']);
    expect(themesOf('lunch?')).toEqual([]);
  });
});

describe('comparing a cited number with the essay', () => {
  const judged = (sentence: string, lang: 'en' | 'zh' = 'en') => {
    const [found] = findFigures(sentence);
    return found && judge(kb, sentence, found, lang);
  };
  const verdict = (sentence: string, lang: 'en' | 'zh' = 'en') => judged(sentence, lang)?.verdict;

  it('judges a number against the figure of what it measures', () => {
    expect(verdict('AI apps spend 20-40% of revenue on inference')).toMatchObject({ agrees: true, figureId: 'inference_share_of_revenue' });
    expect(verdict('model providers pay roughly 70% of revenue to the cloud')).toMatchObject({
      agrees: false,
      figureId: 'model_provider_cloud_spend',
      essay: 'roughly half of revenue',
    });
    expect(verdict('模型公司把一半收入(50%)交给了云厂商', 'zh')).toMatchObject({ agrees: true, essay: '大约一半的收入' });
    // A team's own share, and a best case, are claims too.
    expect(verdict('we spend about 35% of our revenue on inference')).toMatchObject({ agrees: true });
    expect(verdict('the best apps reach gross margins of 90%')).toMatchObject({ agrees: true, figureId: 'app_gross_margin_best' });
    expect(verdict('Hugging Face hosts 100k models')).toMatchObject({ agrees: true, figureId: 'hugging_face_models' });
    // A team's own cloud bill against its revenue is the essay's inference spend, not the clouds' market share.
    expect(judged('Our AWS bill is 30% of revenue')).toMatchObject({ quantity: 'inference_share_of_revenue', verdict: { agrees: true } });
    expect(judged('Only 5% of total generative AI revenue goes to the clouds')).toMatchObject({
      quantity: 'cloud_share_of_revenue',
      verdict: { agrees: false, figureId: 'cloud_share_of_genai_revenue' },
    });
    // Payees are not payers: apps paying model providers is still the apps' inference share.
    expect(judged('Apps pay out 20-40% of their revenue to model providers and clouds for inference')).toMatchObject({
      quantity: 'inference_share_of_revenue',
      verdict: { agrees: true },
    });
    expect(verdict('OpenAI融了5个亿美元', 'zh')).toMatchObject({ agrees: false });
    expect(verdict('Roughly 1/3 of revenue goes to inference for us')).toMatchObject({ agrees: true });
  });

  it('never compares a change with a level', () => {
    // The example: a cost halved is not a 50% margin.
    expect(judged('if our GPU bill drops by half, margins recover')).toEqual({ quantity: 'change' });
    expect(judged('we plan a 50% price cut for the API')).toEqual({ quantity: 'change' });
    expect(judged('our revenue grew 60% this quarter')).toEqual({ quantity: 'change' });
    expect(judged('we cut cloud costs by 30%')).toEqual({ quantity: 'change' });
    expect(judged('推理成本比去年下降了一半', 'zh')).toEqual({ quantity: 'change' });
    expect(judged('收入翻倍了', 'zh')).toEqual({ quantity: 'change' });
  });

  it('makes no comparison it cannot stand behind', () => {
    // About one company, not the market-wide figure; about a company the essay does not cover.
    expect(verdict('Jasper gross margin is 80%')).toBeUndefined();
    expect(verdict('Mistral spends 60% of revenue on inference')).toBeUndefined();
    // About another company than the figure's.
    expect(verdict('AMD did $1.6B in data center GPU revenue last quarter')).toBeUndefined();
    // About a later year than the essay's; a supposition; a team size; a price.
    expect(verdict('in 2024 apps spent 60% of revenue on inference')).toBeUndefined();
    expect(verdict('if inference were 60% of revenue we would be dead')).toBeUndefined();
    expect(judged('we are a team of 12 engineers')).toEqual({ quantity: 'team_size' });
    expect(judged('the plan is $20 a month per seat')).toEqual({ quantity: 'price' });
    // The right subject, the wrong unit.
    expect(verdict('AI apps spend $5M on inference')).toBeUndefined();
    // A team's own round is not some company's in the appendix.
    expect(verdict('We closed a $100M funding round last week.')).toBeUndefined();
  });

  it('allows for rounding and for the essay’s floors', () => {
    const share = kb.figure('inference_share_of_revenue')!;
    expect(overlaps({ unit: 'percent', low: 42, high: 42 }, share)).toBe(true);
    expect(overlaps({ unit: 'percent', low: 43, high: 43 }, share)).toBe(false);
    expect(overlaps({ unit: 'percent', low: null, high: 15 }, share)).toBe(false);
    const capex = kb.figure('cloud_capex')!;
    expect(overlaps({ unit: 'usd', low: 1.5e11, high: 1.5e11 }, capex, true)).toBe(true);
    expect(overlaps({ unit: 'usd', low: 1.5e11, high: 1.5e11 }, capex, false)).toBe(false);
    expect(overlaps({ unit: 'usd', low: 3.5e9, high: 3.5e9 }, kb.figure('nvidia_datacenter_revenue_q3_fy2023')!)).toBe(true);
  });
});
