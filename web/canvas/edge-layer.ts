// Level of detail: on large graphs cytoscape draws each edge on its own (a path, a stroke and its
// style per edge), which at 16,000 edges costs hundreds of milliseconds a frame. Here they are
// drawn as one path with one stroke on a canvas beneath cytoscape's, and while the view moves the
// last drawing is moved with it; cytoscape itself draws only the edges that stand out (selected,
// on a path), as the level-of-detail stylesheet says (./style.ts).
import type { Core, EdgeSingular } from 'cytoscape';

export interface EdgeLayer {
  /** Something changed (positions, what is drawn): redraw at the next frame. */
  invalidate(): void;
  destroy(): void;
}

const NOT_DRAWN = ['filtered', 'hidden', 'folded'];
/** After the view stops moving, this long before the edges are drawn again sharp. */
const SETTLE_MS = 120;

const hidden = (e: { hasClass(name: string): boolean }) => NOT_DRAWN.some((c) => e.hasClass(c));

export function createEdgeLayer(cy: Core, container: HTMLElement): EdgeLayer {
  const canvas = container.ownerDocument.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset['layer'] = 'edges';
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;z-index:0';
  // Beneath cytoscape's own canvases, which share the first child of the container.
  const host = (container.firstElementChild as HTMLElement | null) ?? container;
  host.insertBefore(canvas, host.firstChild);
  const context = canvas.getContext('2d')!;
  // The last sharp drawing and the view it was drawn at, moved along while the view changes.
  const cache = container.ownerDocument.createElement('canvas');
  const cached = cache.getContext('2d')!;
  let cachedView: { zoom: number; pan: { x: number; y: number } } | null = null;
  let list: EdgeSingular[] | null = null;
  let frame = 0;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let moving = false;

  function resize(): void {
    const width = Math.max(1, Math.round(cy.width()));
    const height = Math.max(1, Math.round(cy.height()));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = cache.width = width;
      canvas.height = cache.height = height;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      cachedView = null;
    }
  }

  function edges(): EdgeSingular[] {
    list ??= cy.edges().filter((e) => !hidden(e) && !hidden(e.source()) && !hidden(e.target())) as unknown as EdgeSingular[];
    return list;
  }

  function drawSharp(): void {
    resize();
    const zoom = cy.zoom();
    const pan = cy.pan();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(zoom, 0, 0, zoom, pan.x, pan.y);
    context.lineWidth = 1 / zoom;
    // Dimmed edges (a focus) fainter, in a second pass.
    for (const dimmed of [false, true]) {
      context.beginPath();
      for (const e of edges()) {
        if (e.hasClass('dimmed') !== dimmed) continue;
        const s = e.source().position();
        const t = e.target().position();
        context.moveTo(s.x, s.y);
        context.lineTo(t.x, t.y);
      }
      context.strokeStyle = dimmed ? 'rgba(154, 165, 177, 0.12)' : 'rgba(154, 165, 177, 0.7)';
      context.stroke();
    }
    cached.setTransform(1, 0, 0, 1, 0, 0);
    cached.clearRect(0, 0, cache.width, cache.height);
    cached.drawImage(canvas, 0, 0);
    cachedView = { zoom, pan: { ...pan } };
  }

  /** The last drawing, scaled and moved to the current view: one image copy per frame. */
  function drawMoved(): void {
    if (!cachedView) return drawSharp();
    const k = cy.zoom() / cachedView.zoom;
    const pan = cy.pan();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(k, 0, 0, k, pan.x - cachedView.pan.x * k, pan.y - cachedView.pan.y * k);
    context.drawImage(cache, 0, 0);
  }

  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (moving) drawMoved();
      else drawSharp();
    });
  }

  const structure = () => {
    list = null;
    moving = false;
    schedule();
  };
  const positions = () => {
    moving = false;
    schedule();
  };
  const viewport = () => {
    moving = true;
    schedule();
    clearTimeout(settle);
    settle = setTimeout(() => {
      moving = false;
      schedule();
    }, SETTLE_MS);
  };
  cy.on('add remove class', structure);
  cy.on('position', positions);
  cy.on('viewport resize', viewport);
  schedule();

  return {
    invalidate: structure,
    destroy() {
      cancelAnimationFrame(frame);
      clearTimeout(settle);
      cy.off('add remove class', structure);
      cy.off('position', positions);
      cy.off('viewport resize', viewport);
      canvas.remove();
    },
  };
}
