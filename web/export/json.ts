// The current subgraph as JSON: the API's own shapes, so it can be read back or diffed.
import type { SubgraphInput } from '../state/vocabulary.ts';

export const JSON_FORMAT = 'zhejiang-policy-graph/subgraph';

/** Pretty-printed JSON of a subgraph, with a format tag and version. */
export function subgraphToJson(subgraph: SubgraphInput, meta: { exportedAt?: string } = {}): string {
  return JSON.stringify(
    {
      format: JSON_FORMAT,
      version: 1,
      ...(meta.exportedAt ? { exportedAt: meta.exportedAt } : {}),
      nodes: subgraph.nodes.map((n) => ({
        id: n.id,
        type: n.type,
        name: n.name,
        degree: n.degree,
        hiddenTotal: n.hiddenTotal ?? 0,
        ...(n.curation ? { curation: n.curation } : {}),
      })),
      edges: subgraph.edges.map((e) => ({
        id: e.id,
        type: e.type,
        source: e.source,
        target: e.target,
        weight: e.weight,
        directed: e.directed,
        ...(e.documents?.length ? { documents: e.documents } : {}),
        ...(e.firstReported ? { firstReported: e.firstReported } : {}),
        ...(e.curation ? { curation: e.curation } : {}),
      })),
    },
    null,
    2,
  );
}
