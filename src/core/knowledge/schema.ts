// The shape of every file in data/. The knowledge base is the bot's only source of facts, so it is
// checked strictly when loaded: an unknown key is a typo, not an extension.
import { z } from 'zod';

/** Sections of the essay, in order (see shared/source/README.md). Every record cites one. */
export const SECTION_IDS = ['preface', 'intro', 'stack', 'apps', 'models', 'infra', 'value', 'appendix'] as const;
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

export const LAYER_IDS = ['apps', 'models', 'infra'] as const;
export const LayerId = z.enum(LAYER_IDS);
export type LayerId = z.infer<typeof LayerId>;

export const MOAT_IDS = ['scale', 'supply_chain', 'ecosystem', 'algorithm', 'distribution', 'data_pipeline'] as const;
export const MoatId = z.enum(MOAT_IDS);
export type MoatId = z.infer<typeof MoatId>;

const text = z.string().trim().min(1);
/** Every sentence the bot can say exists in both languages. */
export const Bilingual = z.strictObject({ en: text, zh: text });
export type Bilingual = z.infer<typeof Bilingual>;

const id = z.string().regex(/^[a-z0-9_]+$/, 'ids are lower-case letters, digits and underscores');

/**
 * Where a record comes from. `vintage` is when the market looked like this (the essay speaks of
 * January 2023). `kind` separates what the essay reports as data from what it argues.
 */
export const Source = z.strictObject({
  section: SectionId,
  vintage: z.string().regex(/^\d{4}-\d{2}$/, 'vintage is YYYY-MM'),
  /**
   * `background` is what the essay's text does not state (its authors, a product's parent company):
   * kept because people ask, but never cited to a section: replies label it as background.
   */
  kind: z.enum(['data', 'estimate', 'opinion', 'background']),
  /** A short quote from the essay, where the wording itself matters (marked as a quote when shown). */
  quote: z.string().trim().min(1).optional(),
  /** The section's paragraphs the record rests on, counted from 1 (`test/grounding.test.ts` checks them). */
  paragraphs: z.array(z.number().int().min(1)).min(1).optional(),
  /** Paragraphs of other sections it also draws on (a card that sums up its appendix facts). */
  alsoIn: z.array(z.strictObject({ section: SectionId, paragraphs: z.array(z.number().int().min(1)).min(1) })).optional(),
});
export type Source = z.infer<typeof Source>;

export const Section = z.strictObject({
  id: SectionId,
  number: z.number().int().min(1).max(8),
  title: Bilingual,
  /** What the section says, in our own words: used by /brief and, later, by /ask. */
  notes: z.array(Bilingual).min(1),
  /** What people ask about the section that its text does not state (who wrote the original, when). */
  background: z.array(Bilingual).default([]),
});
export type Section = z.infer<typeof Section>;

export const Aliases = z.strictObject({ en: z.array(text), zh: z.array(text) });

/** A figure the essay (or its appendix) states. Ranges keep both ends; point values set low = high. */
export const Figure = z
  .strictObject({
    id,
    label: Bilingual,
    low: z.number().finite(),
    high: z.number().finite(),
    unit: z.enum(['percent', 'usd', 'usd_per_year', 'ratio', 'count', 'params']),
    /** How the value is written (e.g. "~20-40% of revenue", "约20-40%"), so approximations survive. */
    display: Bilingual,
    context: Bilingual,
    layer: LayerId.optional(),
    companies: z.array(id).default([]),
    source: Source,
  })
  .refine((f) => f.low <= f.high, { message: 'low must not exceed high', path: ['low'] });
export type Figure = z.infer<typeof Figure>;

/** One dated fact on a company card: funding round, valuation, revenue, launch ... */
export const CompanyFact = z.strictObject({
  label: Bilingual,
  value: Bilingual,
  /** When the fact happened (YYYY or YYYY-MM), where the source gives it. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional(),
  /** figures.json entries this fact states, so a card does not show the same number twice. */
  figures: z.array(id).default([]),
  source: Source,
});

/** What the essay's evidence says about one of the six moats for one company. */
export const MoatEvidence = z.strictObject({
  moat: MoatId,
  stance: z.enum(['supported', 'weak', 'not_supported']),
  why: Bilingual,
  source: Source,
});
export type MoatEvidence = z.infer<typeof MoatEvidence>;

export const Company = z.strictObject({
  id,
  name: text,
  kind: z.enum(['company', 'product']),
  /** For a product, the company that makes it (a company id). */
  parent: id.optional(),
  /** Whether the essay names the parent, or it is background knowledge (GitHub Copilot's Microsoft). */
  parentFrom: z.enum(['essay', 'background']).default('essay'),
  layer: LayerId,
  /** A segment id of that layer (see layers.json). */
  segment: id,
  aliases: Aliases,
  oneLine: Bilingual,
  description: Bilingual,
  founded: z.number().int().min(1800).max(2023).optional(),
  facts: z.array(CompanyFact).default([]),
  moats: z.array(MoatEvidence).default([]),
  source: Source,
});
export type Company = z.infer<typeof Company>;

export const Segment = z.strictObject({
  id,
  name: Bilingual,
  description: Bilingual,
  companies: z.array(id),
});

export const OpenQuestion = z.strictObject({ title: Bilingual, text: Bilingual, source: Source });

export const Layer = z.strictObject({
  id: LayerId,
  name: Bilingual,
  aliases: Aliases,
  summary: Bilingual,
  segments: z.array(Segment).min(1),
  economics: z.array(z.strictObject({ text: Bilingual, source: Source })).min(1),
  figures: z.array(id),
  openQuestions: z.array(OpenQuestion).min(1),
  source: Source,
});
export type Layer = z.infer<typeof Layer>;

export const Moat = z.strictObject({
  id: MoatId,
  name: Bilingual,
  aliases: Aliases,
  /** The essay's one-line caricature of the moat, e.g. "I can raise more money than you!". */
  slogan: Bilingual,
  definition: Bilingual,
  source: Source,
});
export type Moat = z.infer<typeof Moat>;

export const MoatsFile = z.strictObject({
  moats: z.array(Moat).length(6),
  /** The essay's verdict on how durable these moats are: opinion. */
  durability: z.strictObject({ text: Bilingual, source: Source }),
});

export const Thesis = z.strictObject({
  id,
  statement: Bilingual,
  detail: Bilingual,
  source: Source,
});
export type Thesis = z.infer<typeof Thesis>;

export const SectionsFile = z.array(Section).length(SECTION_IDS.length);
export const LayersFile = z.array(Layer).length(LAYER_IDS.length);
export const CompaniesFile = z.array(Company).min(1);
export const FiguresFile = z.array(Figure).min(1);
export const ThesesFile = z.array(Thesis).min(1);
