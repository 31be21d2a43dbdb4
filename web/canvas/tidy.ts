// Keeping labels apart, on plain rectangles: a node's box is its shape and its label as the page
// measured them. Overlaps are removed by WebCola's VPSC projection (the least movement that
// separates every pair, horizontally then vertically), with nodes that must not move (pinned,
// or already placed when new ones arrive) weighted so heavily that the others make way.
import { Constraint, Rectangle, Solver, Variable, generateXConstraints, generateYConstraints } from 'webcola';
import type { Box } from './types.ts';

export interface TidyNode {
  id: string;
  /** The node's position (its shape's centre). */
  x: number;
  y: number;
  /** Its box with the label, relative to the position (the label hangs below the shape). */
  box: Box;
  /** Nodes that must stay where they are. */
  fixed?: boolean;
}

/**
 * Gap kept around each box, model units: wide enough that a node drawn with a highlight border
 * (5 px on a path or selected, against 0–3 px otherwise) does not make its label touch a
 * neighbour's.
 */
export const LABEL_GAP = 3;
const FIXED_WEIGHT = 1e6;

/** Pairs of boxes that overlap (touching edges do not count). */
export function countOverlaps(boxes: readonly Box[]): number {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x1 - boxes[b]!.x1);
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    const p = boxes[order[i]!]!;
    for (let j = i + 1; j < order.length; j++) {
      const q = boxes[order[j]!]!;
      if (q.x1 >= p.x2) break;
      if (p.y1 < q.y2 && q.y1 < p.y2) count++;
    }
  }
  return count;
}

/** A node's box in model coordinates. */
export function placedBox(node: Pick<TidyNode, 'x' | 'y' | 'box'>): Box {
  return { x1: node.x + node.box.x1, x2: node.x + node.box.x2, y1: node.y + node.box.y1, y2: node.y + node.box.y2 };
}

function project(rects: Rectangle[], weights: number[], axis: 'x' | 'y'): void {
  const variables = rects.map((r, i) => new Variable(axis === 'x' ? r.cx() : r.cy(), weights[i]));
  const constraints: Constraint[] = axis === 'x' ? generateXConstraints(rects, variables) : generateYConstraints(rects, variables);
  new Solver(variables, constraints).solve();
  variables.forEach((v, i) => (axis === 'x' ? rects[i]!.setXCentre(v.position()) : rects[i]!.setYCentre(v.position())));
}

/** Boxes in cells of a grid, to find the ones near a point without looking at all. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly size: number) {}

  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x1 / this.size); i <= Math.floor(b.x2 / this.size); i++)
      for (let j = Math.floor(b.y1 / this.size); j <= Math.floor(b.y2 / this.size); j++) out.push(`${i},${j}`);
    return out;
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(b);
      else this.cells.set(key, [b]);
    }
  }

  hits(b: Box): boolean {
    for (const key of this.keys(b))
      for (const q of this.cells.get(key) ?? []) if (b.x1 < q.x2 && q.x1 < b.x2 && b.y1 < q.y2 && q.y1 < b.y2) return true;
    return false;
  }
}

const padded = (b: Box, gap: number): Box => ({ x1: b.x1 - gap, x2: b.x2 + gap, y1: b.y1 - gap, y2: b.y2 + gap });

/**
 * Moves each free node that overlaps a fixed one (or a free one placed before it) to the nearest
 * free spot on a spiral around where it is: fixed nodes never move. Free nodes are taken nearest
 * to the fixed ones' centre first, so the inner ones keep the best places.
 */
export function settleAmongFixed(nodes: readonly TidyNode[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const boxes = nodes.map(placedBox);
  const cell = Math.max(40, ...boxes.map((b) => Math.max(b.x2 - b.x1, b.y2 - b.y1)));
  const grid = new BoxGrid(cell);
  nodes.forEach((n, i) => {
    if (n.fixed) grid.add(padded(boxes[i]!, LABEL_GAP));
  });
  const fixed = nodes.filter((n) => n.fixed);
  const cx = fixed.length ? fixed.reduce((sum, n) => sum + n.x, 0) / fixed.length : 0;
  const cy = fixed.length ? fixed.reduce((sum, n) => sum + n.y, 0) / fixed.length : 0;
  const free = nodes.filter((n) => !n.fixed).sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
  for (const n of free) {
    let at = { x: n.x, y: n.y };
    // An Archimedean spiral, its turns a box's height apart, tried in steps of about 6 units.
    const pitch = Math.max(12, n.box.y2 - n.box.y1) / (2 * Math.PI);
    for (let angle = 0, tries = 0; tries < 5000; tries++) {
      const r = pitch * angle;
      at = { x: n.x + r * Math.cos(angle), y: n.y + r * Math.sin(angle) };
      if (!grid.hits(padded(placedBox({ ...n, ...at }), LABEL_GAP))) break;
      angle += Math.min(0.5, 6 / Math.max(1, r));
    }
    grid.add(padded(placedBox({ ...n, ...at }), LABEL_GAP));
    out.set(n.id, at);
  }
  for (const n of fixed) out.set(n.id, { x: n.x, y: n.y });
  return out;
}

/**
 * New positions with no two boxes overlapping (a gap of LABEL_GAP kept): VPSC moves each node as
 * little as it can, then fixed nodes go back where they were and free ones that still overlap
 * something take the nearest free spot (settleAmongFixed).
 */
export function removeOverlaps(nodes: readonly TidyNode[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (nodes.length === 0) return out;
  const rects = nodes.map((n) => {
    const b = placedBox(n);
    return new Rectangle(b.x1 - LABEL_GAP, b.x2 + LABEL_GAP, b.y1 - LABEL_GAP, b.y2 + LABEL_GAP);
  });
  const weights = nodes.map((n) => (n.fixed ? FIXED_WEIGHT : 1));
  // Twice: separating along x can leave pairs that the y pass then separates, and the other way round.
  for (let pass = 0; pass < 2; pass++) {
    project(rects, weights, 'x');
    project(rects, weights, 'y');
    const boxes = rects.map((r) => ({ x1: r.x, x2: r.X, y1: r.y, y2: r.Y }));
    if (countOverlaps(boxes.map((b) => ({ x1: b.x1 + 0.5, x2: b.x2 - 0.5, y1: b.y1 + 0.5, y2: b.y2 - 0.5 }))) === 0) break;
  }
  nodes.forEach((n, i) => {
    const r = rects[i]!;
    const b = placedBox(n);
    out.set(n.id, n.fixed ? { x: n.x, y: n.y } : { x: n.x + (r.cx() - (b.x1 + b.x2) / 2), y: n.y + (r.cy() - (b.y1 + b.y2) / 2) });
  });
  // VPSC separates along one axis at a time and can leave a few pairs touching; those (and any
  // free node a fixed one overlaps) take the nearest free spot, the rest stay where VPSC put them.
  const placed = nodes.map((n) => ({ ...n, ...out.get(n.id)! }));
  const crowded = overlapping(placed.map(placedBox));
  if (crowded.size === 0) return out;
  return settleAmongFixed(placed.map((n, i) => ({ ...n, fixed: n.fixed === true || !crowded.has(i) })));
}

/** Indices of boxes that overlap another. */
function overlapping(boxes: readonly Box[]): Set<number> {
  const out = new Set<number>();
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x1 - boxes[b]!.x1);
  for (let i = 0; i < order.length; i++) {
    const p = boxes[order[i]!]!;
    for (let j = i + 1; j < order.length; j++) {
      const q = boxes[order[j]!]!;
      if (q.x1 >= p.x2) break;
      if (p.y1 < q.y2 && q.y1 < p.y2) out.add(order[i]!).add(order[j]!);
    }
  }
  return out;
}

/** Width and height of what the boxes span. */
function span(
  nodes: readonly TidyNode[],
  at: ReadonlyMap<string, { x: number; y: number }>,
): { width: number; height: number; cx: number; cy: number } {
  let x1 = Infinity;
  let x2 = -Infinity;
  let y1 = Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    const b = placedBox({ ...n, ...at.get(n.id)! });
    x1 = Math.min(x1, b.x1);
    x2 = Math.max(x2, b.x2);
    y1 = Math.min(y1, b.y1);
    y2 = Math.max(y2, b.y2);
  }
  return { width: x2 - x1, height: y2 - y1, cx: (x1 + x2) / 2, cy: (y1 + y2) / 2 };
}

/**
 * A force layout leaves more room than labels need, which a fitted view pays for in font size.
 * Draws the nodes together about their centre and separates them again, a few times, keeping the
 * arrangement that a view of `aspect` (width / height) fits at the largest scale: the same
 * neighbourhoods, as tight as the labels allow. Fixed nodes are not moved.
 */
export function compact(nodes: readonly TidyNode[], aspect = 1): Map<string, { x: number; y: number }> {
  const free = nodes.filter((n) => !n.fixed);
  let best = removeOverlaps(nodes);
  if (free.length < 3 || free.length !== nodes.length) return best;
  // The scale a view of that aspect shows a span at: the smaller, the better.
  const extent = (s: { width: number; height: number }) => Math.max(s.width / aspect, s.height);
  let bestExtent = extent(span(nodes, best));
  let current = best;
  for (let round = 0; round < 8; round++) {
    const s = span(nodes, current);
    // Shrink the longer side (against the view's shape) more than the other.
    const kx = s.width / aspect >= s.height ? 0.8 : 0.92;
    const ky = s.height >= s.width / aspect ? 0.8 : 0.92;
    const drawn = nodes.map((n) => {
      const p = current.get(n.id)!;
      return { ...n, x: s.cx + (p.x - s.cx) * kx, y: s.cy + (p.y - s.cy) * ky };
    });
    current = removeOverlaps(drawn);
    const e = extent(span(nodes, current));
    if (e < bestExtent - 1) {
      best = current;
      bestExtent = e;
    } else if (round > 2) break;
  }
  return best;
}
