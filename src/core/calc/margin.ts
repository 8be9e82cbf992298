// An AI application's gross margin from its inference cost, with a what-if. Every share is a
// fraction of revenue: gross margin = 1 - inference - other cost of revenue.

export interface MarginInputs {
  revenue: number;
  /** Share of revenue spent on inference and fine-tuning. */
  inference: number;
  /** Other cost of revenue, as a share of revenue. */
  otherCogs: number;
  /** Relative change of inference cost for the what-if: -0.5 halves it. */
  inferenceChange: number;
}

export interface MarginCase {
  inference: number;
  margin: number;
  grossProfit: number;
  inferenceCost: number;
}

export interface MarginResult {
  base: MarginCase;
  whatIf?: MarginCase;
  sensitivity: MarginCase[];
}

export const SENSITIVITY_SHARES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] as const;

export function marginCase(revenue: number, inference: number, otherCogs: number): MarginCase {
  const margin = 1 - inference - otherCogs;
  return { inference, margin, grossProfit: revenue * margin, inferenceCost: revenue * inference };
}

export function computeMargin(inputs: MarginInputs): MarginResult {
  const base = marginCase(inputs.revenue, inputs.inference, inputs.otherCogs);
  const changed = Math.max(0, inputs.inference * (1 + inputs.inferenceChange));
  const whatIf = inputs.inferenceChange !== 0 ? marginCase(inputs.revenue, changed, inputs.otherCogs) : undefined;
  const shares = [...new Set([...SENSITIVITY_SHARES, round4(inputs.inference)])].sort((a, b) => a - b);
  return { base, ...(whatIf ? { whatIf } : {}), sensitivity: shares.map((s) => marginCase(inputs.revenue, s, inputs.otherCogs)) };
}

/** Inference share from unit economics: what a user's queries cost over what the user pays. */
export function inferenceShareFromUnits(price: number, queries: number, costPerQuery: number): number {
  return (queries * costPerQuery) / price;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
