// Computes a layout off the page's thread: a headless cytoscape with the same elements, whose
// positions are sent back and applied in one batch. Keeps input responsive on large graphs.
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../state/vocabulary.ts';
import { layoutOptions } from './layouts.ts';

cytoscape.use(fcose);

interface Request { id: number; name: LayoutName; elements: ElementDefinition[]; extra: Record<string, unknown> }

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, name, elements, extra } = event.data;
  try {
    const cy = cytoscape({
      headless: true, styleEnabled: true, elements,
      style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    });
    // Options are built here, from the name: functions in them (concentric's) cannot be posted.
    const options = { ...layoutOptions(name, cy.nodes().length), ...extra, animate: false, fit: false };
    cy.layout(options as unknown as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => { const p = n.position(); positions[n.id()] = { x: p.x, y: p.y }; });
    cy.destroy();
    self.postMessage({ id, positions });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
