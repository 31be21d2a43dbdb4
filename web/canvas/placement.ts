// Where nodes go when they join the canvas, before any layout settles them: around the node they
// came from, next to neighbours already drawn, or in rings in the middle of the view.
import type { Core, NodeSingular } from 'cytoscape';
import type { Positions, SubgraphInput } from '../state/vocabulary.ts';
import { meanDirection, ringPlacement } from './layouts.ts';

/**
 * Where new nodes go: around `around` for an expansion (away from its shown neighbours); else
 * next to shown neighbours (found through the patch's edges); else in rings in the middle of the
 * view. Works on ids and the patch, not on collections: cheap for thousands of nodes.
 */
export function initialPositions(cy: Core, ids: readonly string[], edges: SubgraphInput['edges'], around: string | undefined): Positions {
  const out: Positions = {};
  if (ids.length === 0) return out;
  const fresh = new Set(ids);
  const centreNode = around ? cy.$id(around) : cy.collection();
  if (centreNode.nonempty() && centreNode.isNode()) {
    const centre = centreNode.position();
    const old = centreNode
      .neighborhood()
      .nodes()
      .filter((n) => !fresh.has(n.id()))
      .map((n) => (n as NodeSingular).position());
    const spots = ringPlacement(centre, ids.length, 70, meanDirection(centre, old));
    ids.forEach((id, i) => {
      out[id] = spots[i] ?? { ...centre };
    });
    return out;
  }
  const near = new Map<string, Array<{ x: number; y: number }>>();
  for (const e of edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (!fresh.has(a) || fresh.has(b)) continue;
      const other = cy.$id(b);
      if (other.empty() || !other.isNode()) continue;
      const list = near.get(a) ?? [];
      list.push(other.position());
      near.set(a, list);
    }
  }
  const ext = cy.extent();
  const middle = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  const loose: string[] = [];
  ids.forEach((id, i) => {
    const points = near.get(id);
    if (!points) {
      loose.push(id);
      return;
    }
    const base = {
      x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
      y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
    };
    // Spread by index (not at random): the same data lands in the same place.
    const angle = i * 2.399963;
    out[id] = { x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle) };
  });
  const spots = ringPlacement(middle, loose.length, 70);
  loose.forEach((id, i) => {
    out[id] = spots[i] ?? middle;
  });
  return out;
}
