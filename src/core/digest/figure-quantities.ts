// What each knowledge-base figure measures: the one table that lets the digest compare a cited
// number only with a figure of the same quantity. A figure missing here is never judged, and a test
// (digest-quantities.test.ts) fails when data/ gains a figure this table does not list.
import type { LayerId } from '../knowledge/schema.js';
import { type Quantity, TRAINING } from './quantity-words.js';

export interface FigureReading {
  quantity: Quantity;
  /** Words the sentence must hold for this figure to be what it speaks of ("startups", "训练"). */
  needs?: RegExp;
  /** Among figures of one quantity, the sentence that holds these words means this one ("best case", "2019"). */
  prefer?: RegExp;
  /**
   * For a market-wide figure: the layers whose companies a sentence may name as instances of what
   * the figure is about (clouds for the clouds' share). A company of another layer makes the
   * sentence about that company, which the essay gives no figure for.
   */
  instances?: readonly LayerId[];
  /** For a company's figure: the words that make it the subject even when no company is named ("the Big 3"). */
  alsoWhen?: RegExp;
  /** For a share of revenue spent: whose revenue (apps', or model providers' as the ones paying). */
  payer?: 'apps' | 'model_providers';
}

const TYPICAL =
  /\b(?:most|typical(?:ly)?|usual(?:ly)?|average|avg|median|common(?:ly)?|generally|normal(?:ly)?|majority|mostly|in general|on average|the rest)\b|大多数|多数|一般|通常|普遍|平均|常见|大部分|主流|大多/iu;
const BEST =
  /\b(?:best|top|as high as|up to|peak|max(?:imum)?|highest|a few|handful|rare(?:ly)?|outliers?|at most|the very best|best[- ]case|exceptional|some of)\b|少数|最高|最好|顶尖|高达|个别|头部|最多|极少/iu;
const WHOLE_MARKET =
  /\b(?:all|total|whole|entire|overall|industry|market|ecosystem|every dollar|the stack|generative[- ]ai revenue|genai revenue)\b|总收入|总营收|全部|整体|整个|所有|行业/iu;
const STARTUPS = /\bstartups\b|\bcompanies\b|\blabs\b|\bplayers\b|初创|创业公司|公司们|各家/iu;
const BIG_TECH =
  /big tech|public (?:tech )?compan|tech giants|large (?:tech )?compan|incumbents|hyperscalers|\bfaang\b|大厂|科技公司|上市公司|巨头|科技巨头/iu;
const APPS = /\bapps?\b|applications?|products?|应用|产品/iu;
const THIS_DEAL = /2023|this (?:month|year|january)|january|\bjan\b|multi-?year|latest|new|今年|本月|1月|一月|多年/iu;

export const FIGURE_QUANTITIES: Readonly<Record<string, FigureReading>> = {
  // Market-wide figures of the essay.
  genai_startup_count: { quantity: 'other', needs: /\bstartups\b|初创|创业公司/iu },
  apps_100m_within_a_year: { quantity: 'revenue', needs: APPS, instances: [] },
  hundred_million_categories: { quantity: 'other', needs: /categor|品类|类/iu },
  app_gross_margin_typical: { quantity: 'gross_margin', prefer: TYPICAL },
  app_gross_margin_best: { quantity: 'gross_margin', prefer: BEST },
  inference_share_of_revenue: { quantity: 'inference_share_of_revenue', payer: 'apps', instances: ['infra', 'models'] },
  cloud_share_of_genai_revenue: { quantity: 'cloud_share_of_revenue', prefer: WHOLE_MARKET, instances: ['infra'] },
  // What model providers pay the clouds out of their own revenue is their inference bill: the same
  // quantity as an app's, told apart by who pays.
  model_provider_cloud_spend: { quantity: 'inference_share_of_revenue', payer: 'model_providers', instances: ['infra', 'models'] },
  vc_raised_by_model_startups: { quantity: 'money_raised', needs: STARTUPS },
  early_stage_funding_to_cloud: { quantity: 'raise_share_to_cloud', instances: ['infra', 'models'] },
  // What training costs is capital spent on models: capex, like the clouds' build-out.
  big_tech_training_spend: {
    quantity: 'capex',
    needs: new RegExp(`(?=[\\s\\S]*(?:${TRAINING.source}))(?=[\\s\\S]*(?:${BIG_TECH.source}))`, 'iu'),
    instances: ['infra', 'models', 'apps'],
  },
  model_training_cost: { quantity: 'capex', needs: TRAINING, instances: ['models'] },
  // The clouds' build-out, not what one company pays to train a model.
  cloud_capex: {
    quantity: 'capex',
    needs: new RegExp(`^(?![\\s\\S]*(?:${TRAINING.source}))`, 'iu'),
    alsoWhen: /big (?:3|three)|hyperscalers|\bclouds\b|cloud providers|三大云|三朵云|云厂商|三家云/iu,
  },
  // Companies' figures: judged only when the sentence names the company.
  nvidia_datacenter_revenue_q3_fy2023: { quantity: 'revenue' },
  nvidia_citation_ratio: { quantity: 'other', needs: /cit(?:e|ed|es|ation|ations)|papers?|research|literature|引用|论文|文献/iu },
  openai_rumoured_valuation: { quantity: 'valuation' },
  gpt3_parameters: { quantity: 'parameter_count' },
  gpt3_apps: { quantity: 'model_count', needs: APPS },
  stable_diffusion_parameters: { quantity: 'parameter_count' },
  hugging_face_models: { quantity: 'model_count', needs: /models?|checkpoints?|模型/iu },
  hugging_face_datasets: { quantity: 'other', needs: /datasets?|数据集/iu },
  openai_revenue_estimate: { quantity: 'revenue' },
  microsoft_openai_investment: { quantity: 'money_raised', prefer: THIS_DEAL },
  microsoft_openai_investment_2019: { quantity: 'money_raised', prefer: /2019/u },
  runway_series_c: { quantity: 'money_raised' },
  runway_valuation: { quantity: 'valuation' },
  runway_revenue_estimate: { quantity: 'revenue' },
  jasper_series_a: { quantity: 'money_raised' },
  jasper_valuation: { quantity: 'valuation' },
  jasper_revenue_2022: { quantity: 'revenue' },
  github_copilot_revenue_estimate: { quantity: 'revenue' },
  stability_ai_funding: { quantity: 'money_raised' },
  stability_ai_valuation: { quantity: 'valuation' },
  anthropic_series_a: { quantity: 'money_raised' },
  cohere_series_b: { quantity: 'money_raised' },
  hugging_face_series_c: { quantity: 'money_raised' },
  hugging_face_valuation: { quantity: 'valuation' },
  coreweave_total_funding: { quantity: 'money_raised' },
  lambda_labs_total_funding: { quantity: 'money_raised' },
  cerebras_series_f: { quantity: 'money_raised' },
  cerebras_valuation: { quantity: 'valuation' },
  sambanova_series_d: { quantity: 'money_raised' },
  sambanova_valuation: { quantity: 'valuation' },
  graphcore_series_e: { quantity: 'money_raised' },
  graphcore_valuation: { quantity: 'valuation' },
};
