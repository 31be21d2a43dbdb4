import { describe, expect, it } from 'vitest';
import { computeFigures, computeFiguresOffThread, RelationEdges, seededRandom } from '../../graph/queries/analytics-graph.ts';

/** A few hundred relations among a hundred entities, some undirected, some parallel. */
function randomRelations() {
  const random = seededRandom(11);
  const edges = new RelationEdges();
  for (let e = 0; e < 400; e++) {
    const s = Math.floor(random() * 100),
      t = Math.floor(random() * 100);
    edges.add(`Village:${s}`, `Program:${t}`, 1 + Math.floor(random() * 3), random() < 0.2);
  }
  return edges;
}

describe('computeFiguresOffThread', () => {
  it('computes in a worker thread exactly what this thread computes', async () => {
    const offThread = await computeFiguresOffThread(randomRelations());
    expect(offThread.thread).toBe('worker');
    const here = computeFigures(randomRelations());
    expect(offThread.ids).toEqual(here.ids);
    expect(Array.from(offThread.degree)).toEqual(Array.from(here.degree));
    expect(Array.from(offThread.pagerank)).toEqual(Array.from(here.pagerank));
    expect(Array.from(offThread.community)).toEqual(Array.from(here.community));
  });

  it('computes on this thread when no worker can start', async () => {
    const missing = new URL('./no-such-worker.ts', import.meta.url);
    const fallback = await computeFiguresOffThread(randomRelations(), { workerUrl: missing });
    expect(fallback.thread).toBe('main');
    const here = computeFigures(randomRelations());
    expect(Array.from(fallback.pagerank)).toEqual(Array.from(here.pagerank));
    expect(Array.from(fallback.community)).toEqual(Array.from(here.community));
  });

  it('answers for an empty graph', async () => {
    const figures = await computeFiguresOffThread(new RelationEdges());
    expect(figures.ids).toEqual([]);
    expect(figures.pagerank).toHaveLength(0);
  });
});
