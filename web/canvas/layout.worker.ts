// Computes a layout off the page's thread: a headless cytoscape with the same elements, whose
// positions are sent back and applied in one batch. Keeps input responsive on large graphs.
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../state/vocabulary.ts';
import { layoutOptions } from './layouts.ts';

cytoscape.use(fcose);

/**
 * fcose's draft (spectral placement alone) packs large graphs so tight that nodes cover each
 * other; scaling about the centre until there are about 70 units per node restores room.
 */
function spreadOut(positions: Record<string, { x: number; y: number }>, draft: boolean): void {
  const all = Object.values(positions);
  if (!draft || all.length < 2) return;
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const side = Math.max(x2 - x1, y2 - y1, 1);
  const factor = (Math.sqrt(all.length) * 70) / side;
  if (factor <= 1) return;
  const [cx, cy] = [(x1 + x2) / 2, (y1 + y2) / 2];
  for (const p of all) {
    p.x = cx + (p.x - cx) * factor;
    p.y = cy + (p.y - cy) * factor;
  }
}

interface Request {
  id: number;
  name: LayoutName;
  elements: ElementDefinition[];
  extra: Record<string, unknown>;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, name, elements, extra } = event.data;
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements,
      // Each node as large as its box with the label, which the page measured.
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    });
    // Options are built here, from the name: functions in them (concentric's) cannot be posted.
    const options: Record<string, unknown> = { ...layoutOptions(name, cy.nodes().length), ...extra, animate: false, fit: false };
    cy.layout(options as unknown as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      positions[n.id()] = { x: p.x, y: p.y };
    });
    spreadOut(positions, options['quality'] === 'draft');
    cy.destroy();
    const order = elements.filter((e) => e.group === 'nodes').map((e) => String(e.data.id));
    const xy = new Float64Array(order.length * 2);
    order.forEach((node, i) => {
      const p = positions[node];
      xy[2 * i] = p?.x ?? 0;
      xy[2 * i + 1] = p?.y ?? 0;
    });
    self.postMessage({ id, xy }, { transfer: [xy.buffer] });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
