// Where a dollar of AI-app revenue ends up, after the essay's rough arithmetic (§6): apps spend a
// share on inference, paid to clouds directly or to model providers, who in turn spend a share
// of their revenue on cloud.

export interface FlowInputs {
  revenue: number;
  /** Share of app revenue spent on inference and fine-tuning. */
  inference: number;
  /** Share of that inference spend paid straight to clouds rather than to model providers. */
  direct: number;
  /** Share of model-provider revenue spent on cloud infrastructure. */
  modelCloud: number;
}

export interface Flow {
  /** Revenue the app keeps after inference (its other costs still come out of this). */
  apps: number;
  /** Model-provider revenue net of what they pay the clouds. */
  models: number;
  /** Cloud revenue, direct plus via model providers. */
  clouds: number;
  /** Money the model providers receive from apps, before paying clouds. */
  modelRevenue: number;
}

export function computeFlow(i: FlowInputs): Flow {
  const inferenceSpend = i.revenue * i.inference;
  const toClouds = inferenceSpend * i.direct;
  const modelRevenue = inferenceSpend - toClouds;
  const modelsToClouds = modelRevenue * i.modelCloud;
  return {
    apps: i.revenue - inferenceSpend,
    models: modelRevenue - modelsToClouds,
    clouds: toClouds + modelsToClouds,
    modelRevenue,
  };
}
