// Moving between nodes with the arrow keys: the next node is the nearest one lying in the
// direction pressed (within 60° of it), nearer the axis preferred. Pure, over positions.

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXES: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The id of the node to go to from `from` (null: start from the node nearest `centre`), or null
 * when nothing lies that way.
 */
export function nearestToward(
  nodes: ReadonlyArray<{ id: string; x: number; y: number }>,
  from: string | null,
  direction: Direction,
  centre: { x: number; y: number } = { x: 0, y: 0 },
): string | null {
  const start = from === null ? undefined : nodes.find((n) => n.id === from);
  if (!start) {
    let best: { id: string; d: number } | null = null;
    for (const n of nodes) {
      const d = Math.hypot(n.x - centre.x, n.y - centre.y);
      if (!best || d < best.d) best = { id: n.id, d };
    }
    return best?.id ?? null;
  }
  const axis = AXES[direction];
  let best: { id: string; score: number } | null = null;
  for (const n of nodes) {
    if (n.id === start.id) continue;
    const dx = n.x - start.x;
    const dy = n.y - start.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const along = (dx * axis.x + dy * axis.y) / distance;
    if (along < 0.5) continue; // more than 60° off the direction pressed
    const score = distance * (2 - along);
    if (!best || score < best.score) best = { id: n.id, score };
  }
  return best?.id ?? null;
}
