// The canvas's node shapes (ENTITY_STYLE) as SVG path data, so a district is a hexagon and a
// village a circle on the map too. Pure.
import type { NodeShape } from '../canvas/style.ts';

const r1 = (v: number) => Math.round(v * 100) / 100;

function polygon(x: number, y: number, r: number, corners: number, rotation: number, inner?: number): string {
  const points: string[] = [];
  const steps = inner === undefined ? corners : corners * 2;
  for (let i = 0; i < steps; i++) {
    const radius = inner !== undefined && i % 2 === 1 ? r * inner : r;
    const angle = rotation + (i * 2 * Math.PI) / steps;
    points.push(`${r1(x + radius * Math.cos(angle))},${r1(y + radius * Math.sin(angle))}`);
  }
  return `M${points.join('L')}Z`;
}

/** Path data of a shape centred on (x, y), about `r` from centre to edge. */
export function shapePath(shape: NodeShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'ellipse':
      return `M${r1(x - r)},${r1(y)}a${r1(r)},${r1(r)} 0 1,0 ${r1(2 * r)},0a${r1(r)},${r1(r)} 0 1,0 ${r1(-2 * r)},0Z`;
    case 'hexagon':
      return polygon(x, y, r * 1.08, 6, 0);
    case 'octagon':
      return polygon(x, y, r * 1.05, 8, Math.PI / 8);
    case 'diamond':
      return polygon(x, y, r * 1.25, 4, -Math.PI / 2);
    case 'triangle':
      return polygon(x, y + r * 0.2, r * 1.3, 3, -Math.PI / 2);
    case 'star':
      return polygon(x, y, r * 1.35, 5, -Math.PI / 2, 0.45);
    case 'rectangle':
      return `M${r1(x - r)},${r1(y - r * 0.8)}h${r1(2 * r)}v${r1(1.6 * r)}h${r1(-2 * r)}Z`;
    case 'tag':
      return `M${r1(x - r)},${r1(y - r * 0.7)}h${r1(1.4 * r)}l${r1(0.6 * r)},${r1(0.7 * r)}l${r1(-0.6 * r)},${r1(0.7 * r)}h${r1(-1.4 * r)}Z`;
    case 'round-rectangle': {
      const c = r * 0.35;
      const w = 2 * r - 2 * c;
      const h = 1.6 * r - 2 * c;
      return (
        `M${r1(x - r + c)},${r1(y - 0.8 * r)}h${r1(w)}q${r1(c)},0 ${r1(c)},${r1(c)}v${r1(h)}q0,${r1(c)} ${r1(-c)},${r1(c)}` +
        `h${r1(-w)}q${r1(-c)},0 ${r1(-c)},${r1(-c)}v${r1(-h)}q0,${r1(-c)} ${r1(c)},${r1(-c)}Z`
      );
    }
  }
}
