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
  const weights = weightTable(model);
  let z = model.bias;
  for (const feature of features) z += weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));
}

/** A model's weights as a Map, built once per model: a lookup in an object of thousands of keys is slower. */
const tables = new WeakMap<LogisticModel, Map<string, number>>();
function weightTable(model: LogisticModel): Map<string, number> {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = new Map(Object.entries(model.weights))));
  return table;
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

/** σ(a·logit(p) + b): Platt's mapping of a raw probability to a calibrated one. */
export function calibrated(calibration: Calibration | undefined, p: number): number {
  if (!calibration) return p;
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return 1 / (1 + Math.exp(-(calibration.a * Math.log(q / (1 - q)) + calibration.b)));
}

export interface Calibration {
  a: number;
  b: number;
}

/**
 * Fits Platt's mapping to raw probabilities and outcomes: a logistic regression on the raw
 * probability's logit. Two parameters: smooth where the samples are few (an isotonic map, tried,
 * followed their noise).
 */
export function fitCalibration(samples: ReadonlyArray<{ p: number; right: boolean }>): Calibration {
  const xs = samples.map(({ p }) => {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  });
  // Platt's targets: a little off 0 and 1, so that a few samples do not make the mapping a step.
  const positives = samples.filter((s) => s.right).length;
  const negatives = samples.length - positives;
  const ys = samples.map((s) => (s.right ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)));
  const loss = (a: number, b: number) => {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const z = a * xs[i]! + b;
      total += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - ys[i]! * z;
    }
    return total;
  };
  // Newton's method, each step halved until the loss falls (a full step can overshoot).
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let step = 0; step < 100; step++) {
    let ga = 0,
      gb = 0,
      haa = 1e-9,
      hab = 0,
      hbb = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * xs[i]! + b)));
      const d = p - ys[i]!;
      const w = p * (1 - p);
      ga += d * xs[i]!;
      gb += d;
      haa += w * xs[i]! * xs[i]!;
      hab += w * xs[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let scale = 1;
    while (scale > 1e-6 && loss(a - scale * da, b - scale * db) > current) scale /= 2;
    if (scale <= 1e-6) break;
    a -= scale * da;
    b -= scale * db;
    const next = loss(a, b);
    if (current - next < 1e-10) break;
    current = next;
  }
  return { a: round(a), b: round(b) };
}
