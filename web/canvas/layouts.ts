// Layout options and placement arithmetic, as plain data and pure functions.
import type { LayoutName, Positions } from '../state/vocabulary.ts';

/** Above this many nodes a layout is computed in a worker, so that input is never blocked by it. */
export const WORKER_LAYOUT_NODES = 300;
/** From this many nodes on, fcose runs at draft quality (spectral placement only): seconds, not minutes. */
export const DRAFT_LAYOUT_NODES = 1000;

/** Options for a layout by name; `size` (node count) chooses fcose's quality. */
export function layoutOptions(name: LayoutName, size: number): Record<string, unknown> {
  switch (name) {
    case 'fcose': {
      const large = size >= DRAFT_LAYOUT_NODES;
      return {
        name: 'fcose',
        animate: false,
        randomize: true,
        quality: large ? 'draft' : 'default',
        numIter: large ? 1200 : 2500,
        // Labels count in a node's size (measured on the page, sent to the worker as its size).
        nodeRepulsion: large ? 9000 : 20000,
        idealEdgeLength: large ? 70 : 80,
        edgeElasticity: 0.45,
        nodeSeparation: 60,
        nodeDimensionsIncludeLabels: true,
        fit: true,
        padding: 30,
      };
    }
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        fit: true,
        padding: 30,
        minNodeSpacing: 8,
        avoidOverlap: size < DRAFT_LAYOUT_NODES,
        concentric: (node: { data(key: string): unknown }) => Number(node.data('degree')) || 0,
        levelWidth: () => 2,
      };
    case 'breadthfirst':
      // Computed by ./hierarchy.ts and applied as given.
      return { name: 'preset', animate: false, fit: false };
  }
}

/**
 * Positions for `count` new nodes around a centre: rings of growing radius, each ring as full as
 * its circumference allows at `spacing` apart, starting away from `avoid` (the direction the
 * centre's existing neighbours lie in), so an expansion fans out into free space.
 */
export function ringPlacement(
  centre: { x: number; y: number },
  count: number,
  spacing = 45,
  avoidAngle: number | null = null,
): Array<{ x: number; y: number }> {
  const out: Array<{ x: number; y: number }> = [];
  const start = avoidAngle === null ? -Math.PI / 2 : avoidAngle + Math.PI;
  let ring = 1;
  while (out.length < count) {
    const radius = ring * spacing * 2;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    const here = Math.min(capacity, count - out.length);
    for (let i = 0; i < here; i++) {
      const offset = ((i % 2 === 0 ? 1 : -1) * Math.ceil(i / 2) * 2 * Math.PI) / capacity;
      const angle = start + offset;
      out.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
    ring++;
  }
  return out;
}

/** Mean angle from `centre` towards `points`, or null when there are none. */
export function meanDirection(centre: { x: number; y: number }, points: ReadonlyArray<{ x: number; y: number }>): number | null {
  if (points.length === 0) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    const d = Math.hypot(p.x - centre.x, p.y - centre.y) || 1;
    sx += (p.x - centre.x) / d;
    sy += (p.y - centre.y) / d;
  }
  return Math.hypot(sx, sy) < 1e-6 ? null : Math.atan2(sy, sx);
}

/** Positions rounded to whole model units (for history and URLs). */
export function roundPositions(positions: Positions): Positions {
  const out: Positions = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return out;
}
