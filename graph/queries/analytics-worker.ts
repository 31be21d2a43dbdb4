// The worker thread of stats(): figures from typed arrays, returned as typed arrays (transferred,
// not copied). Started through analytics-worker.mjs by computeFiguresOffThread (analytics-graph.ts),
// one per computation.
import { parentPort, workerData } from 'node:worker_threads';
import { figuresOf, transferables, type GraphArrays } from './analytics-graph.ts';

if (parentPort) {
  const { arrays, seed } = workerData as { arrays: GraphArrays; seed: number };
  try {
    const figures = figuresOf(arrays, seed);
    parentPort.postMessage({ figures }, transferables(figures));
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
