// A bare cytoscape page with the same elements: default options, a minimal stylesheet, fcose with
// the explorer's options on the page's thread. The baseline the adapter is measured against.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layoutOptions } from '../../web/canvas/layouts.ts';
import { frameCounter, painted, webglRenderer } from './harness.ts';
import { syntheticSubgraph } from './synthetic.ts';

cytoscape.use(fcose);
const container = document.getElementById('graph') as HTMLElement;
const frames = frameCounter();
let cy: Core | null = null;

window.bench = {
  async load(nodes, edges) {
    const subgraph = syntheticSubgraph(nodes, edges);
    const started = performance.now();
    const elements: ElementDefinition[] = [
      ...subgraph.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.name, type: n.type },
        position: { x: Math.random() * 2000, y: Math.random() * 2000 },
      })),
      ...subgraph.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ];
    cy = cytoscape({
      container,
      elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, width: 20, height: 20 } },
        { selector: 'edge', style: { width: 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
      ],
    });
    cy.fit();
    await painted();
    return { firstRenderMs: performance.now() - started };
  },
  async layout() {
    frames.start();
    const started = performance.now();
    const layout = cy!.layout(layoutOptions('fcose', cy!.nodes().length) as unknown as cytoscape.LayoutOptions);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    const ms = performance.now() - started;
    await painted();
    const { longestFrameMs } = frames.stop();
    return { ms, longestFrameMs, where: 'main' };
  },
  startFrames: () => frames.start(),
  stopFrames: () => frames.stop(),
  info: () => ({ gpu: webglRenderer(), renderer: 'canvas', lod: false }),
};
