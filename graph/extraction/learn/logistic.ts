// Binary logistic regression over named indicator features: the small model that weighs the cues
// the rules compute. Trained full-batch (no sampling, so the same data always gives the same
// weights) with L2 regularization; its weights are plain data, kept in the repository as JSON.
// The npm packages for this (ml-logistic-regression) give classes rather than probabilities and
// no regularization; calibrated probabilities are the point here, so the few lines are our own.

/** A trained model: a weight per feature name, and the bias. */
export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
}

export interface Example {
  features: readonly string[];
  label: boolean;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  /** Full-batch steps. */
  steps?: number;
  learningRate?: number;
  /** Features seen fewer times than this are left out (they would only fit the training set). */
  minCount?: number;
}

/** P(label | features) under `model`; unknown features weigh nothing. */
export function probability(model: LogisticModel, features: readonly string[]): number {
  let z = model.bias;
  for (const feature of features) z += model.weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));
}

/** Fits a model to `examples`: full-batch gradient descent with Adam steps, deterministic. */
export function train(examples: readonly Example[], options: TrainOptions = {}): LogisticModel {
  const { l2 = 1, steps = 600, learningRate = 0.1, minCount = 2 } = options;
  const counts = new Map<string, number>();
  for (const { features } of examples) for (const f of new Set(features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map(({ features }) => [...new Set(features)].flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const labels = examples.map((e) => (e.label ? 1 : 0));
  const n = names.length;
  const w = new Float64Array(n + 1); // last entry: the bias
  const m = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const gradient = new Float64Array(n + 1);
  const size = Math.max(1, examples.length);
  for (let step = 1; step <= steps; step++) {
    gradient.fill(0);
    for (let i = 0; i < rows.length; i++) {
      let z = w[n]!;
      for (const j of rows[i]!) z += w[j]!;
      const error = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z)))) - labels[i]!;
      for (const j of rows[i]!) gradient[j]! += error;
      gradient[n]! += error;
    }
    for (let j = 0; j <= n; j++) {
      const g = gradient[j]! / size + (j < n ? (l2 * w[j]!) / size : 0);
      m[j] = 0.9 * m[j]! + 0.1 * g;
      v[j] = 0.999 * v[j]! + 0.001 * g * g;
      const mHat = m[j]! / (1 - 0.9 ** step);
      const vHat = v[j]! / (1 - 0.999 ** step);
      w[j]! -= (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  for (let j = 0; j < n; j++) if (Math.abs(w[j]!) >= 1e-4) weights[names[j]!] = round(w[j]!);
  return { bias: round(w[n]!), weights };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
