// The cytoscape adapter: setup, stylesheet and layout in one place, and the one function that
// turns API subgraphs into cytoscape elements.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { EntityView, SubgraphView } from './api.ts';

export const TYPE_COLOURS: Record<string, string> = {
  District: '#1f77b4', Village: '#2ca02c', Company: '#ff7f0e', Program: '#9467bd', Pilot: '#d62728',
  Organization: '#8c564b', Person: '#e377c2', Document: '#7f7f7f', Place: '#17becf',
};

export function toElements(subgraph: SubgraphView): ElementDefinition[] {
  const ids = new Set(subgraph.entities.map((e) => e.id));
  return [
    ...subgraph.entities.map((e) => ({ group: 'nodes' as const, data: { id: e.id, label: e.name, type: e.type, degree: e.degree } })),
    ...subgraph.relations
      .filter((r) => ids.has(r.source) && ids.has(r.target))
      .map((r) => ({ group: 'edges' as const, data: { id: r.id, source: r.source, target: r.target, type: r.type, weight: r.weight } })),
  ];
}

export function createGraphView(container: HTMLElement, onSelect: (id: string) => void): { show(subgraph: SubgraphView): void; cy: Core } {
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
          width: 'mapData(degree, 0, 40, 12, 44)', height: 'mapData(degree, 0, 40, 12, 44)',
          'background-color': (node) => TYPE_COLOURS[node.data('type') as string] ?? '#999',
        },
      },
      { selector: 'edge', style: { width: 1, 'line-color': '#c5ccd4', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#c5ccd4', 'arrow-scale': 0.6 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#e0a526' } },
    ],
  });
  cy.on('tap', 'node', (event) => onSelect(event.target.id() as string));
  return {
    cy,
    show(subgraph) {
      cy.elements().remove();
      cy.add(toElements(subgraph));
      cy.layout({ name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 80 }).run();
    },
  };
}

export function describe(entity: EntityView): string {
  return [entity.type, entity.level, entity.code].filter(Boolean).join(' · ');
}
