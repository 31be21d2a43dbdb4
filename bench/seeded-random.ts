// The benchmarks' one source of randomness: seeded, so that two runs draw the same synthetic graphs
// and ask the same questions, and their figures compare.

/** Numbers in [0, 1) from a linear congruential generator: the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
