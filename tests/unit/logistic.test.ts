// The small model the extraction's decisions rest on: it learns which cues count, the same weights
// from the same data every time, and its calibration maps probabilities onto observed precision.
import { describe, expect, it } from 'vitest';
import { calibrated, fitCalibration, probability, train, type Example } from '../../graph/extraction/learn/logistic.ts';

// A cue that decides (verb), one that is noise (noise), one seen once (rare).
function examples(): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 200; i++) {
    const verb = i % 2 === 0;
    const noise = i % 3 === 0;
    out.push({ features: [verb ? 'verb' : 'no-verb', ...(noise ? ['noise'] : [])], label: verb ? i % 10 !== 0 : i % 10 === 1 });
  }
  out.push({ features: ['rare'], label: true });
  return out;
}

describe('logistic regression', () => {
  it('weighs the cue that decides and leaves out what it saw too rarely', () => {
    // With the verb the label holds 4 times in 5, without it once in 5.
    const model = train(examples());
    expect(probability(model, ['verb'])).toBeCloseTo(0.8, 1);
    expect(probability(model, ['no-verb'])).toBeCloseTo(0.2, 1);
    expect(Math.abs(model.weights['noise'] ?? 0)).toBeLessThan(0.5);
    expect(model.weights['rare']).toBeUndefined();
  });

  it('gives the same weights for the same data', () => {
    expect(train(examples())).toEqual(train(examples()));
  });

  it('calibrates overconfident probabilities onto the precision observed', () => {
    // Said 0.9, right half the time; said 0.6, right a fifth of the time.
    const samples = [
      ...Array.from({ length: 100 }, (_, i) => ({ p: 0.9, right: i % 2 === 0 })),
      ...Array.from({ length: 100 }, (_, i) => ({ p: 0.6, right: i % 5 === 0 })),
    ];
    const map = fitCalibration(samples);
    expect(calibrated(map, 0.9)).toBeCloseTo(0.5, 1);
    expect(calibrated(map, 0.6)).toBeCloseTo(0.2, 1);
    expect(calibrated(map, 0.3)).toBeLessThan(calibrated(map, 0.95));
  });

  it('follows a model sure of too little in the middle and too much at the top, which one slope on the logit cannot', () => {
    // Precision rises fast from 0.2 to 0.5 and slowly above 0.8: in logit terms, slopes of 2.1, 1.2 and 0.6.
    const observed: Array<[number, number]> = [
      [0.2, 0.06],
      [0.5, 0.53],
      [0.8, 0.86],
      [0.95, 0.94],
    ];
    const samples = observed.flatMap(([p, precision]) => Array.from({ length: 400 }, (_, i) => ({ p, right: i < precision * 400 })));
    const map = fitCalibration(samples);
    for (const [p, precision] of observed) expect(Math.abs(calibrated(map, p) - precision)).toBeLessThan(0.03);
  });
});
