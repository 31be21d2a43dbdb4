// Reading the canvas as plain data (what it shows, where, how large its labels are) and marking
// what the filters leave out: the adapter's side of web/state, kept apart from its drawing.
import type { Core } from 'cytoscape';
import { edgePasses, nodePasses } from '../state/filters.ts';
import type { EdgeInput, Filters, NodeInput, Positions, SubgraphInput } from '../state/vocabulary.ts';
import type { EdgeData, NodeData } from './elements.ts';
import type { Box } from './types.ts';

/** Elements that are not drawn, whatever the reason. */
export const NOT_DRAWN = '.filtered, .hidden, .folded';

/** Marks what the filters leave out (class `filtered`), touching only elements whose state changes. */
export function markFiltered(cy: Core, filters: Filters): void {
  cy.batch(() => {
    // Touch only elements whose state changes: a class change restyles the element.
    // Ends are looked up by id in a set: e.source() would make a collection per edge.
    const mark = (e: cytoscape.NodeSingular | cytoscape.EdgeSingular, out: boolean) => {
      if (e.hasClass('filtered') !== out) e.toggleClass('filtered', out);
    };
    const out = new Set<string>();
    cy.nodes().forEach((n) => {
      if (n.hasClass('fold')) return;
      const d = n.data() as NodeData;
      const gone = !nodePasses(d.type, filters);
      if (gone) out.add(d.id);
      mark(n, gone);
    });
    cy.edges().forEach((e) => {
      const d = e.data() as EdgeData;
      const passes = e.hasClass('merged') ? edgePasses({ ...d, weight: Number.POSITIVE_INFINITY }, filters) : edgePasses(d, filters);
      mark(e, out.has(d.source) || out.has(d.target) || !passes);
    });
  });
}

/** Positions of the entities drawn (groups' own nodes left out). */
export function readPositions(cy: Core): Positions {
  const out: Positions = {};
  cy.nodes().forEach((n) => {
    if (n.isParent() || n.hasClass('fold')) return;
    const p = n.position();
    out[n.id()] = { x: p.x, y: p.y };
  });
  return out;
}

/** The entities and relations on the canvas as plain data (visible only: what is drawn). */
export function readSubgraph(cy: Core, visibleOnly: boolean): SubgraphInput {
  const nodes: NodeInput[] = [];
  const shownIds = new Set<string>();
  cy.nodes().forEach((n) => {
    if (n.hasClass('fold') || (visibleOnly && n.is(NOT_DRAWN))) return;
    const d = n.data() as NodeData;
    shownIds.add(d.id);
    nodes.push({
      id: d.id,
      type: d.type,
      name: d.name,
      degree: d.degree,
      hidden: d.hidden as NodeInput['hidden'],
      hiddenTotal: d.hiddenTotal,
      pagerank: d.pagerank,
      community: d.community,
      curation: d.curation,
    });
  });
  const edges: EdgeInput[] = [];
  cy.edges().forEach((e) => {
    if (e.hasClass('merged')) return;
    const d = e.data() as EdgeData;
    if (visibleOnly && (e.is(NOT_DRAWN) || !shownIds.has(d.source) || !shownIds.has(d.target))) return;
    edges.push({
      id: d.id,
      type: d.type,
      source: d.source,
      target: d.target,
      weight: d.weight,
      directed: d.directed,
      documents: d.documents,
      firstReported: d.firstReported,
      curation: d.curation,
      confidence: d.confidence,
    });
  });
  return { nodes, edges };
}

/** The drawn nodes' boxes with their labels, model coordinates (open groups' boxes left out). */
export function readLabelBoxes(cy: Core): Box[] {
  const boxes: Box[] = [];
  cy.nodes()
    .not(NOT_DRAWN)
    .forEach((n) => {
      if (n.isParent()) return;
      const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as never);
      boxes.push({ x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 });
    });
  return boxes;
}
