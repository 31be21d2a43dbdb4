// Layout arithmetic: labels kept apart, new nodes placed without moving the old ones, a hub's
// neighbours wrapped into rows, and moving between nodes by arrow keys.
import { describe, expect, it } from 'vitest';
import { hierarchyPositions } from '../../web/canvas/hierarchy.ts';
import { nearestToward } from '../../web/canvas/navigation.ts';
import { compact, countOverlaps, placedBox, removeOverlaps, type TidyNode } from '../../web/canvas/tidy.ts';
import { seededRandom } from '../../graph/queries/analytics-graph.ts';

const box = { x1: -30, x2: 30, y1: -12, y2: 26 };
const boxesOf = (nodes: TidyNode[], at: Map<string, { x: number; y: number }>) => nodes.map((n) => placedBox({ ...n, ...at.get(n.id)! }));

describe('labels kept apart', () => {
  it('separates 200 labels thrown on top of each other, and draws a loose layout together', () => {
    const random = seededRandom(7);
    const nodes: TidyNode[] = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, x: random() * 300, y: random() * 300, box }));
    expect(countOverlaps(nodes.map(placedBox))).toBeGreaterThan(100);
    expect(countOverlaps(boxesOf(nodes, removeOverlaps(nodes)))).toBe(0);
    const loose = nodes.map((n) => ({ ...n, x: n.x * 20, y: n.y * 20 }));
    const tight = compact(loose, 1);
    expect(countOverlaps(boxesOf(loose, tight))).toBe(0);
    const span = (at: Map<string, { x: number; y: number }>) =>
      Math.max(...[...at.values()].map((p) => p.x)) - Math.min(...[...at.values()].map((p) => p.x));
    expect(span(tight)).toBeLessThan(span(new Map(loose.map((n) => [n.id, n]))) / 3);
  });

  it('places new nodes among old ones without moving any old one, even where the old ones leave no room', () => {
    const old: TidyNode[] = Array.from({ length: 40 }, (_, i) => ({
      id: `o${i}`,
      x: (i % 8) * 66,
      y: Math.floor(i / 8) * 42,
      box,
      fixed: true,
    }));
    const fresh: TidyNode[] = Array.from({ length: 18 }, (_, i) => ({ id: `n${i}`, x: 200 + (i % 5) * 10, y: 80 + (i % 3) * 10, box }));
    const at = removeOverlaps([...old, ...fresh]);
    for (const n of old) expect(at.get(n.id)).toEqual({ x: n.x, y: n.y });
    expect(countOverlaps(boxesOf([...old, ...fresh], at))).toBe(0);
  });
});

describe('the hierarchy layout', () => {
  it('draws a hub with 30 neighbours as a block under it, not as one row', () => {
    const leaves = Array.from({ length: 30 }, (_, i) => `leaf${i}`);
    const at = hierarchyPositions(
      ['hub', ...leaves],
      leaves.map((l) => ['hub', l] as const),
      ['hub'],
    );
    const xs = leaves.map((l) => at[l]!.x);
    const ys = leaves.map((l) => at[l]!.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(new Set(ys).size).toBeGreaterThan(2);
    expect(width / height).toBeLessThan(4);
    expect(ys.every((y) => y > at['hub']!.y)).toBe(true);
  });
});

describe('moving between nodes by keyboard', () => {
  const nodes = [
    { id: 'a', x: 0, y: 0 },
    { id: 'b', x: 100, y: 10 },
    { id: 'c', x: 30, y: 200 },
    { id: 'd', x: -80, y: -5 },
  ];
  it('goes to the nearest node in the direction pressed, or nowhere', () => {
    expect(nearestToward(nodes, 'a', 'right')).toBe('b');
    expect(nearestToward(nodes, 'a', 'down')).toBe('c');
    expect(nearestToward(nodes, 'a', 'left')).toBe('d');
    expect(nearestToward(nodes, 'c', 'down')).toBeNull();
    expect(nearestToward(nodes, null, 'right', { x: 95, y: 0 })).toBe('b');
  });
});
