// Running layouts on the canvas: measuring each node with its label on the page, computing
// positions (on the page, or in the worker for large graphs), keeping labels apart (./tidy.ts) and
// applying the result in one batch. New nodes are placed among the others without moving them.
import type { Core, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../state/vocabulary.ts';
import { hierarchyPositions } from './hierarchy.ts';
import { layoutInWorker } from './layout-client.ts';
import { layoutOptions, WORKER_LAYOUT_NODES } from './layouts.ts';
import { compact, removeOverlaps, type TidyNode } from './tidy.ts';
import type { LayoutResult } from './types.ts';

/** Up to this many nodes, labels are kept apart: beyond it they are not drawn at the fitted scale. */
export const TIDY_NODES = 1000;
/** Up to this many nodes on the canvas, new nodes are settled by a constrained force layout, not only set apart. */
const SETTLE_NODES = 300;

export interface LayoutHost {
  cy(): Core;
  /** Moves nodes (pinned ones excepted) in one go. */
  applyPositions(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  /** Fits the view to nodes. */
  fit(nodes: NodeCollection): void;
}

/** Each node's position and its box with the label, relative to the position; parents left out. */
export function measure(nodes: NodeCollection, fixed: (n: NodeSingular) => boolean): TidyNode[] {
  const out: TidyNode[] = [];
  nodes.forEach((n) => {
    if (n.isParent()) return;
    const p = n.position();
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as never);
    out.push({ id: n.id(), x: p.x, y: p.y, box: { x1: b.x1 - p.x, x2: b.x2 - p.x, y1: b.y1 - p.y, y2: b.y2 - p.y }, fixed: fixed(n) });
  });
  return out;
}

const isPinned = (n: NodeSingular) => n.hasClass('pinned');

/** The highest-degree node of a collection (the hierarchy's root when nothing is selected). */
function hub(nodes: NodeCollection): string | null {
  let best: NodeSingular | null = null;
  nodes.forEach((n) => {
    if (!best || Number(n.data('degree')) > Number(best.data('degree'))) best = n;
  });
  return (best as NodeSingular | null)?.id() ?? null;
}

/** Positions from a layout computed in the worker, on plain data (ids, ends, sizes with labels, parents). */
async function inWorker(cy: Core, name: LayoutName, nodes: NodeCollection, boxes: Map<string, TidyNode>, pinned: NodeCollection) {
  const ids = new Set(nodes.map((n) => n.id()));
  const elements: ElementDefinition[] = [
    ...nodes.map((n) => {
      const box = boxes.get(n.id())?.box;
      const parent = n.data('parent') as string | undefined;
      return {
        group: 'nodes' as const,
        data: {
          id: n.id(),
          degree: n.data('degree') as number,
          w: box ? box.x2 - box.x1 : (n.data('size') as number),
          h: box ? box.y2 - box.y1 : (n.data('size') as number),
          ...(parent && ids.has(parent) ? { parent } : {}),
        },
        position: { ...n.position() },
      };
    }),
  ];
  // Ends by data, not e.source() or connectedEdges(): those make collections per edge, which on
  // 16,000 edges holds the page for a frame.
  cy.edges().forEach((e) => {
    const d = e.data() as { id: string; source: string; target: string };
    if (ids.has(d.source) && ids.has(d.target)) elements.push({ group: 'edges', data: { id: d.id, source: d.source, target: d.target } });
  });
  const fixedNodeConstraint = pinned.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
  const extra = name === 'fcose' && fixedNodeConstraint.length ? { fixedNodeConstraint } : {};
  return layoutInWorker(name, elements, extra);
}

/** Runs a layout on the page and reads the positions it set (the nodes are moved back: positions go out as data). */
async function onPage(host: LayoutHost, name: LayoutName, nodes: NodeCollection, options: Record<string, unknown>) {
  const scope = nodes.union(nodes.edgesWith(nodes));
  const before = new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
  const running = scope.layout({ ...layoutOptions(name, nodes.length), ...options, animate: false, fit: false } as never);
  const done = running.promiseOn('layoutstop');
  running.run();
  await done;
  const after = new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
  // Put them back so that the result is applied (and drawn) once, after tidying.
  host.cy().batch(() => {
    for (const [id, p] of before) host.cy().$id(id).position(p);
  });
  return after;
}

/**
 * Lays out `nodes` (the drawn ones, or the user's choice) by name; pinned nodes stay. Labels are
 * kept apart on graphs up to TIDY_NODES, and a force layout is drawn together as far as they allow.
 */
export async function runLayout(host: LayoutHost, name: LayoutName, nodes: NodeCollection, fitAfter: boolean): Promise<LayoutResult> {
  const aspect = host.cy().width() / Math.max(1, host.cy().height()) || 1;
  const started = performance.now();
  const leaves = nodes.filter((n) => !n.isParent());
  const pinned = nodes.filter(isPinned);
  const measured = leaves.length <= TIDY_NODES ? measure(nodes, isPinned) : [];
  const boxes = new Map(measured.map((m) => [m.id, m]));
  let positions: Map<string, { x: number; y: number }>;
  let where: LayoutResult['where'] = 'main';
  if (name === 'breadthfirst') {
    const selected = nodes.filter(':selected');
    const root = selected.nonempty() ? selected.first().id() : hub(nodes);
    const edges = nodes.edgesWith(nodes).map((e) => [e.data('source') as string, e.data('target') as string] as const);
    const spread = hierarchyPositions(
      leaves.map((n) => n.id()),
      edges,
      root ? [root] : [],
    );
    positions = new Map(Object.entries(spread));
  } else if (leaves.length > WORKER_LAYOUT_NODES) {
    positions = new Map(Object.entries(await inWorker(host.cy(), name, nodes, boxes, pinned)));
    where = 'worker';
  } else {
    const fixedNodeConstraint = pinned.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
    positions = await onPage(host, name, nodes, name === 'fcose' && fixedNodeConstraint.length ? { fixedNodeConstraint } : {});
  }
  if (measured.length > 0) {
    const moved = measured.map((m) => ({ ...m, ...(m.fixed ? {} : (positions.get(m.id) ?? {})) }));
    const tidy = name === 'fcose' ? compact(moved, aspect) : removeOverlaps(moved);
    for (const [id, p] of tidy) positions.set(id, p);
  }
  host.applyPositions(positions);
  if (fitAfter) host.fit(nodes);
  return { name, nodes: leaves.length, ms: performance.now() - started, where };
}

/**
 * Settles `added` (already on the canvas, near where they came from) among the drawn nodes, none
 * of which moves: a force layout with every other node fixed (small canvases), then the new
 * nodes' labels set apart from everything.
 */
export async function placeAmong(host: LayoutHost, added: NodeCollection, drawn: NodeCollection): Promise<LayoutResult> {
  const started = performance.now();
  const fresh = new Set(added.map((n) => n.id()));
  const old = drawn.filter((n) => !fresh.has(n.id()) && !n.isParent());
  let positions = new Map<string, { x: number; y: number }>();
  if (drawn.length <= SETTLE_NODES && old.nonempty() && added.nonempty() && drawn.filter((n) => n.isParent()).empty()) {
    positions = await onPage(host, 'fcose', drawn, {
      randomize: false,
      quality: 'default',
      tile: false,
      packComponents: false,
      fixedNodeConstraint: old.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } })),
    });
  }
  if (drawn.length <= TIDY_NODES) {
    const measured = measure(drawn, (n) => !fresh.has(n.id()) || isPinned(n)).map((m) =>
      m.fixed ? m : { ...m, ...(positions.get(m.id) ?? {}) },
    );
    for (const [id, p] of removeOverlaps(measured)) if (fresh.has(id)) positions.set(id, p);
  }
  for (const id of [...positions.keys()]) if (!fresh.has(id)) positions.delete(id);
  host.applyPositions(positions);
  return { name: 'place', nodes: added.length, ms: performance.now() - started, where: 'main' };
}
