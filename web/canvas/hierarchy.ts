// The hierarchy layout as plain arithmetic: levels by breadth-first search from the roots, each
// level in the order of its parents, and a level wider than the view allows wrapped into several
// rows, so that a hub with thirty neighbours draws as a block under it, not as one long row.
import type { Positions } from '../state/vocabulary.ts';

export interface HierarchyOptions {
  /** Model units between nodes of a row, and between rows of one level. */
  spacingX?: number;
  spacingY?: number;
  /** Extra room between levels, so a wrapped level reads as one. */
  levelGap?: number;
  /** Most nodes in a row; by default about 1.2 × √n, at least 6. */
  perRow?: number;
}

/**
 * Positions for `nodes` (ids) joined by `edges` (ends, direction ignored), starting from `roots`
 * (each component without one starts from its best-connected node). Levels go down the page.
 */
export function hierarchyPositions(
  nodes: readonly string[],
  edges: ReadonlyArray<readonly [string, string]>,
  roots: readonly string[],
  options: HierarchyOptions = {},
): Positions {
  const spacingX = options.spacingX ?? 90;
  const spacingY = options.spacingY ?? 60;
  const levelGap = options.levelGap ?? 40;
  const perRow = options.perRow ?? Math.max(6, Math.ceil(1.2 * Math.sqrt(nodes.length)));
  const known = new Set(nodes);
  const around = new Map<string, string[]>(nodes.map((id) => [id, []]));
  for (const [a, b] of edges) {
    if (!known.has(a) || !known.has(b) || a === b) continue;
    around.get(a)!.push(b);
    around.get(b)!.push(a);
  }
  const degree = (id: string) => around.get(id)!.length;
  const level = new Map<string, number>();
  const levels: string[][] = [];
  const visit = (starts: string[]) => {
    let frontier = starts.filter((id) => !level.has(id));
    for (const id of frontier) level.set(id, 0);
    let depth = 0;
    while (frontier.length > 0) {
      (levels[depth] ??= []).push(...frontier);
      const next: string[] = [];
      for (const id of frontier) {
        // Children in the order their parents stand, strongest-connected first among siblings.
        const children = around
          .get(id)!
          .filter((other) => !level.has(other))
          .sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1));
        for (const child of children) {
          level.set(child, depth + 1);
          next.push(child);
        }
      }
      frontier = next;
      depth++;
    }
  };
  visit(roots.filter((id) => known.has(id)));
  for (const id of [...nodes].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1))) if (!level.has(id)) visit([id]);

  const out: Positions = {};
  let y = 0;
  for (const row of levels) {
    for (let start = 0; start < row.length; start += perRow) {
      const chunk = row.slice(start, start + perRow);
      const width = (chunk.length - 1) * spacingX;
      chunk.forEach((id, i) => {
        out[id] = { x: i * spacingX - width / 2, y };
      });
      y += spacingY;
    }
    y += levelGap;
  }
  return out;
}
