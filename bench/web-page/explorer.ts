// The explorer's canvas adapter with its defaults (level of detail, renderer choice, layout worker).
import { createCanvas, type Canvas } from '../../web/canvas/index.ts';
import { frameCounter, painted, webglRenderer } from './harness.ts';
import { syntheticSubgraph } from './synthetic.ts';

const container = document.getElementById('graph') as HTMLElement;
const frames = frameCounter();
let canvas: Canvas | null = null;

window.bench = {
  async load(nodes, edges) {
    const subgraph = syntheticSubgraph(nodes, edges);
    const started = performance.now();
    canvas = createCanvas(container, { language: 'zh' });
    canvas.apply({ add: subgraph });
    canvas.fit();
    await painted();
    return { firstRenderMs: performance.now() - started };
  },
  async layout() {
    frames.start();
    const result = await canvas!.layout('fcose');
    await painted();
    const { longestFrameMs } = frames.stop();
    return { ms: result.ms, longestFrameMs, where: result.where };
  },
  startFrames: () => frames.start(),
  stopFrames: () => frames.stop(),
  async labels(nodes, edges) {
    canvas = createCanvas(container, { language: 'zh' });
    canvas.apply({ add: syntheticSubgraph(nodes, edges) });
    const started = performance.now();
    await canvas.layout('fcose');
    const ms = performance.now() - started;
    await painted();
    return { overlaps: canvas.labelOverlaps(), zoom: canvas.zoomLevel(), ms };
  },
  info: () => {
    const r = canvas!.rendererInfo();
    return { gpu: webglRenderer(), renderer: r.renderer, lod: r.lod };
  },
};
