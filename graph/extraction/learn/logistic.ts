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

/**
 * σ(a·ln p − b·ln(1 − p) + c): the beta calibration of Kull, Silva Filho and Flach (2017), which maps
 * a raw probability to a calibrated one. With a = b it is Platt's σ(a·logit(p) + c); the second
 * slope lets the map bend differently near 0 and near 1 (a model sure of too much at the top and
 * too little in the middle), which Platt's cannot.
 */
export function calibrated(calibration: Calibration | undefined, p: number): number {
  if (!calibration) return p;
  const [x, y] = calibrationInputs(p);
  return 1 / (1 + Math.exp(-(calibration.a * x + calibration.b * y + calibration.c)));
}

export interface Calibration {
  a: number;
  b: number;
  c: number;
}

/** ln p and −ln(1 − p), with p kept off 0 and 1. */
function calibrationInputs(p: number): [number, number] {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return [Math.log(q), -Math.log(1 - q)];
}

/**
 * Fits the beta calibration to raw probabilities and outcomes: a logistic regression on ln p and
 * −ln(1 − p). Three parameters: smooth where the samples are few (an isotonic map, tried, followed
 * their noise). When a slope comes out negative (the map would not rise with p), Platt's mapping
 * (one slope) is fitted instead.
 */
export function fitCalibration(samples: ReadonlyArray<{ p: number; right: boolean }>): Calibration {
  const inputs = samples.map(({ p }) => calibrationInputs(p));
  // Platt's targets: a little off 0 and 1, so that a few samples do not make the mapping a step.
  const positives = samples.filter((s) => s.right).length;
  const negatives = samples.length - positives;
  const ys = samples.map((s) => (s.right ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)));
  const beta = fitLogistic(
    inputs.map(([x, y]) => [x, y, 1]),
    ys,
  );
  if (beta[0]! >= 0 && beta[1]! >= 0) return { a: round(beta[0]!), b: round(beta[1]!), c: round(beta[2]!) };
  // logit(p) = ln p − ln(1 − p): one slope on both inputs.
  const [slope, c] = fitLogistic(
    inputs.map(([x, y]) => [x + y, 1]),
    ys,
  );
  return { a: round(slope!), b: round(slope!), c: round(c!) };
}

/** Weights w minimizing the logistic loss of σ(w·row) against targets in [0, 1]: Newton's method, steps halved until the loss falls. */
function fitLogistic(rows: number[][], ys: number[]): number[] {
  const k = rows[0]?.length ?? 0;
  const loss = (w: number[]) => {
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const z = dot(w, rows[i]!);
      total += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - ys[i]! * z;
    }
    return total;
  };
  let w = Array.from({ length: k }, (_, j) => (j < k - 1 ? 1 / (k - 1) : 0));
  let current = loss(w);
  for (let step = 0; step < 100; step++) {
    const g = new Array<number>(k).fill(0);
    const h = Array.from({ length: k }, (_, j) => Array.from({ length: k }, (_, l) => (j === l ? 1e-9 : 0)));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const p = 1 / (1 + Math.exp(-dot(w, row)));
      const d = p - ys[i]!;
      const v = p * (1 - p);
      for (let j = 0; j < k; j++) {
        g[j]! += d * row[j]!;
        for (let l = 0; l < k; l++) h[j]![l]! += v * row[j]! * row[l]!;
      }
    }
    const delta = solve(h, g);
    if (!delta) break;
    let scale = 1;
    while (scale > 1e-6 && loss(w.map((x, j) => x - scale * delta[j]!)) > current) scale /= 2;
    if (scale <= 1e-6) break;
    w = w.map((x, j) => x - scale * delta[j]!);
    const next = loss(w);
    if (current - next < 1e-10) break;
    current = next;
  }
  return w;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let j = 0; j < a.length; j++) total += a[j]! * b[j]!;
  return total;
}

/** x with m·x = v, by Gaussian elimination with partial pivoting; undefined when m is singular. */
function solve(m: number[][], v: number[]): number[] | undefined {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
