// The cytoscape adapter behind index.ts. Every change is a patch inside cy.batch(); the instance
// is rebuilt (elements, positions and viewport kept) only to switch renderer or level of detail,
// which cytoscape fixes at creation.
import cytoscape, { type Core, type ElementDefinition, type NodeCollection, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { GroupView } from '../state/groups.ts';
import { defaultFilters, defaultStyling, type Filters, type Positions, type RendererName, type Styling } from '../state/vocabulary.ts';
import { markFiltered, NOT_DRAWN, readLabelBoxes, readPositions, readSubgraph } from './canvas-data.ts';
import { createEdgeLayer, type EdgeLayer } from './edge-layer.ts';
import { edgeData, nodeData, nodeLook, toElements, type EdgeData, type Look, type NodeData } from './elements.ts';
import { drawGroups } from './group-drawing.ts';
import { placeAmong, runLayout, type LayoutHost } from './layout-run.ts';
import { nearestToward } from './navigation.ts';
import { initialPositions } from './placement.ts';
import { detectGpu } from './renderer-choice.ts';
import { relationLabel as defaultRelationLabel, FONT_FAMILY, stylesheet } from './style.ts';
import { countOverlaps } from './tidy.ts';
import type { Canvas, CanvasOptions, CanvasPatch, RendererInfo } from './types.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

const LOD_OFF_RATIO = 0.8; // hysteresis, so adding and removing a few elements does not flip it
/** A fitted view never zooms in past this: one entity is drawn at a readable size, not across the canvas. */
export const MAX_FIT_ZOOM = 1.25;
const FIT_PADDING = 30;

/** Creates the canvas in `container`. */
export function createCanvas(container: HTMLElement, options: CanvasOptions): Canvas {
  const relationLabel = options.relationLabel ?? defaultRelationLabel;
  const lodThreshold = options.lodThreshold ?? 1000;
  const gpu = detectGpu(container.ownerDocument);
  let language = options.language;
  let filters: Filters = defaultFilters();
  let styling: Styling = defaultStyling();
  let groups: GroupView | null = null;
  let renderer: RendererName = options.renderer === 'webgl' || (options.renderer !== 'canvas' && gpu.hardware) ? 'webgl' : 'canvas';
  if (!gpu.hardware) renderer = 'canvas';
  let lod = false;
  let edgeLayer: EdgeLayer | null = null;
  let cy = build([], null);

  function build(elements: ElementDefinition[], viewport: { zoom: number; pan: { x: number; y: number } } | null): Core {
    edgeLayer?.destroy();
    const instance = cytoscape({
      container,
      elements,
      // The elements keep the positions they come with (cytoscape would otherwise lay them out on a grid).
      layout: { name: 'preset' },
      style: stylesheet(lod) as unknown as StylesheetJson,
      wheelSensitivity: 0.3,
      minZoom: 0.02,
      maxZoom: 6,
      boxSelectionEnabled: false,
      textureOnViewport: lod,
      motionBlur: false,
      pixelRatio: lod ? 1 : 'auto',
      renderer: { name: 'canvas', webgl: renderer === 'webgl' } as unknown as { name: string },
    } as cytoscape.CytoscapeOptions);
    if (viewport) instance.viewport(viewport);
    instance.on('tap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('fold') && !node.isParent()) options.onToggleGroup?.(node.id());
      else options.onSelectNode?.(node.id());
    });
    instance.on('tap', 'edge', (e) => {
      const id = e.target.id() as string;
      if (!e.target.hasClass('merged')) options.onSelectEdge?.(id);
    });
    instance.on('dbltap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.isParent() || node.hasClass('group-closed')) options.onToggleGroup?.(node.id());
      else options.onExpand?.(node.id());
    });
    instance.on('tap', (e) => {
      if (e.target === instance) options.onBackground?.();
    });
    instance.on('dragfree', 'node', (e) => {
      const moved: Positions = {};
      (e.target as NodeSingular).union((e.target as NodeSingular).descendants()).forEach((n) => {
        if (!n.isParent()) moved[n.id()] = { ...n.position() };
      });
      options.onDrag?.(moved);
    });
    edgeLayer = lod ? createEdgeLayer(instance, container) : null;
    return instance;
  }

  function rebuild(): void {
    const elements = cy.elements().jsons() as unknown as ElementDefinition[];
    const viewport = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    cy.destroy();
    cy = build(elements, viewport);
  }

  function updateLod(size: number): void {
    const wanted = lod ? size > lodThreshold * LOD_OFF_RATIO : size > lodThreshold;
    if (wanted !== lod) {
      lod = wanted;
      rebuild();
    }
  }

  function look(): Look {
    let highestPagerank = 0;
    if (styling.size === 'pagerank') {
      cy.nodes().forEach((n) => {
        highestPagerank = Math.max(highestPagerank, Number(n.data('pagerank')) || 0);
      });
    }
    return { styling, highestPagerank };
  }

  function applyPositions(positions: ReadonlyMap<string, { x: number; y: number }> | Positions): void {
    const at = positions instanceof Map ? positions : new Map(Object.entries(positions));
    if (at.size === 0) return;
    // One pass over the nodes and one notification for all of them (collection.positions), not
    // a lookup and an event per node: on 2,000 nodes the difference is a frame.
    const moving = cy.nodes().filter((n) => at.has(n.id()) && !n.isParent() && !n.locked());
    moving.positions((n) => {
      const p = at.get((n as NodeSingular).id())!;
      return { x: p.x, y: p.y };
    });
    edgeLayer?.invalidate();
  }

  const drawnNodes = (): NodeCollection => cy.nodes().not(NOT_DRAWN);

  function applyFilters(): void {
    markFiltered(cy, filters);
    edgeLayer?.invalidate();
  }

  function apply(patch: CanvasPatch): { added: string[]; removed: string[] } {
    const removed: string[] = [];
    const added: string[] = [];
    // Level of detail is fixed when cytoscape is created: decide before adding, while rebuilding is cheap.
    // Only what is not there yet counts: a patch refreshes what is already drawn as well.
    const adding = patch.add ? [...patch.add.nodes, ...patch.add.edges].filter((e) => cy.getElementById(e.id).empty()).length : 0;
    updateLod(cy.elements().length + adding);
    const current = look();
    cy.batch(() => {
      for (const id of patch.remove ?? []) {
        const ele = cy.$id(id);
        if (ele.empty()) continue;
        if (ele.isNode()) {
          removed.push(id);
          ele.children().move({ parent: null });
        }
        ele.remove();
      }
      if (patch.add) {
        const present = new Set<string>(cy.elements().map((e) => e.id()));
        for (const node of patch.add.nodes) {
          if (!present.has(node.id)) continue;
          const n = cy.$id(node.id);
          const d = nodeData(node, current);
          const closed = n.data('groupSize') as number | undefined;
          n.data({
            label: closed ? `${d.label} ▸${closed}` : d.label,
            degree: d.degree,
            size: d.size,
            color: d.color,
            hiddenTotal: d.hiddenTotal,
            hidden: d.hidden,
            pagerank: d.pagerank,
            community: d.community,
          });
        }
        for (const edge of patch.add.edges) {
          if (!present.has(edge.id)) continue;
          const e = cy.$id(edge.id);
          const d = edgeData(edge, relationLabel, language);
          e.data({ weight: d.weight, documents: d.documents, firstReported: d.firstReported });
        }
        const elements = toElements(patch.add, relationLabel, language, present, current);
        const given = patch.positions ?? {};
        for (const e of elements) if (e.group === 'nodes') added.push(e.data.id);
        const placed = initialPositions(
          cy,
          added.filter((id) => !given[id]),
          patch.add.edges,
          patch.around,
        );
        // Positions go in with the elements: no move events, no second bounding-box pass.
        cy.add(
          elements.map((e) =>
            e.group === 'nodes' ? { ...e, position: { ...(given[e.data.id] ?? placed[e.data.id] ?? { x: 0, y: 0 }) } } : e,
          ) as ElementDefinition[],
        );
      }
      if (patch.positions) applyPositions(patch.positions);
    });
    applyFilters();
    updateLod(cy.elements().length);
    edgeLayer?.invalidate();
    return { added, removed };
  }

  function byIds(ids: readonly string[]): cytoscape.CollectionReturnValue {
    const wanted = new Set(ids);
    return cy.elements().filter((e) => wanted.has(e.id()));
  }

  function fit(nodes: NodeCollection): void {
    if (nodes.empty()) return;
    cy.fit(nodes, FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      const box = nodes.boundingBox({});
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(nodes);
      if (!Number.isFinite(box.x1)) cy.center();
    }
    edgeLayer?.invalidate();
  }

  function setGroups(view: GroupView): string[] {
    groups = view;
    const changed = drawGroups(cy, view, { language, relationLabel });
    applyFilters();
    return changed;
  }

  // Layouts run one after another: each starts from where the one before left the nodes, and
  // none applies positions computed before another moved them.
  let running: Promise<unknown> = Promise.resolve();
  let busy = 0;
  function serial<T>(work: () => Promise<T>): Promise<T> {
    busy++;
    options.onBusy?.(true);
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    const done = () => {
      busy--;
      if (busy === 0) options.onBusy?.(false);
    };
    next.then(done, done);
    return next;
  }

  const host: LayoutHost = {
    cy: () => cy,
    applyPositions,
    fit,
  };

  function rendererInfo(): RendererInfo {
    return { renderer, gpu: gpu.renderer, webglAvailable: gpu.hardware, lod };
  }

  const canvas: Canvas = {
    apply,
    setFilters(next) {
      filters = next;
      applyFilters();
    },
    setHidden(ids) {
      const wanted = new Set(ids);
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const out = wanted.has(n.id());
          if (n.hasClass('hidden') !== out) n.toggleClass('hidden', out);
        });
      });
      edgeLayer?.invalidate();
    },
    setPinned(ids) {
      const wanted = new Set(ids);
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const on = wanted.has(n.id());
          if (n.hasClass('pinned') === on) return;
          n.toggleClass('pinned', on);
          if (on) n.lock();
          else n.unlock();
        });
      });
    },
    setStyling(next) {
      styling = next;
      const current = look();
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          if (n.hasClass('fold')) return;
          const d = n.data() as NodeData;
          const wanted = nodeLook(d, current);
          if (wanted.size !== d.size || wanted.color !== d.color) n.data(wanted);
        });
      });
      edgeLayer?.invalidate();
    },
    setGroups,
    select(id) {
      cy.batch(() => {
        cy.$(':selected').unselect();
        if (id !== null) cy.$id(id).select();
      });
      edgeLayer?.invalidate();
    },
    highlightPath(nodeIds, edgeIds) {
      cy.batch(() => {
        cy.$('.path').removeClass('path');
        for (const id of [...nodeIds, ...edgeIds]) cy.$id(id).addClass('path');
      });
      edgeLayer?.invalidate();
    },
    clearHighlight() {
      cy.batch(() => {
        cy.$('.path, .highlighted').removeClass('path highlighted');
      });
      edgeLayer?.invalidate();
    },
    focus(id, hops = 1) {
      let near = id === null ? cy.collection() : cy.$id(id);
      for (let i = 0; i < hops && id !== null; i++) near = near.closedNeighborhood();
      cy.batch(() => {
        cy.$('.dimmed').removeClass('dimmed');
        if (id !== null) cy.elements().difference(near).addClass('dimmed');
      });
      // After the batch: fitting measures styles, which a batch holds back.
      if (id !== null) fit(near.nodes().not(NOT_DRAWN));
      edgeLayer?.invalidate();
    },
    // Nodes alone bound the view (edges lie between them) and are far cheaper to measure.
    fit(ids) {
      fit(ids ? byIds(ids).nodes().not(NOT_DRAWN) : drawnNodes());
    },
    zoom(factor) {
      const level = cy.zoom() * factor;
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    layout(name, opts = {}) {
      return serial(() => runLayout(host, name, opts.only ? byIds(opts.only).nodes().not(NOT_DRAWN) : drawnNodes(), !opts.only));
    },
    place(ids) {
      const wanted = new Set(ids);
      return serial(() => {
        const nodes = drawnNodes();
        return placeAmong(
          host,
          nodes.filter((n) => wanted.has(n.id())),
          nodes,
        );
      });
    },
    positions: () => readPositions(cy),
    setPositions: (p) => applyPositions(p),
    subgraph: (o = {}) => readSubgraph(cy, o.visibleOnly ?? false),
    visibleNodeIds: () => drawnNodes().map((n) => n.id()),
    nodeToward(id, direction) {
      const nodes = drawnNodes().map((n) => ({ id: n.id(), ...n.position() }));
      const ext = cy.extent();
      return nearestToward(nodes, id, direction, { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 });
    },
    labelBoxes: () => readLabelBoxes(cy),
    labelOverlaps: () => countOverlaps(readLabelBoxes(cy)),
    async exportPng(o = {}) {
      // With level of detail on, cytoscape draws no plain edge (the edge layer does): for a
      // picture, it draws them all, once.
      if (lod) cy.edges().addClass('shown');
      try {
        return await cy.png({ output: 'blob-promise', scale: o.scale ?? 2, full: o.full ?? false, bg: '#ffffff' });
      } finally {
        if (lod) cy.edges().removeClass('shown');
      }
    },
    exportSvg(o = {}) {
      if (lod) cy.edges().addClass('shown');
      try {
        const text = (cy as unknown as { svg(o: object): string }).svg({ full: o.full ?? false, scale: 1, bg: '#ffffff' });
        // Name the CJK font once for the whole document, so viewers without the page's fonts still pick one.
        return text.replace(/<svg\b([^>]*)>/, `<svg$1><style>text { font-family: ${FONT_FAMILY}; }</style>`);
      } finally {
        if (lod) cy.edges().removeClass('shown');
      }
    },
    size: () => ({ width: cy.width(), height: cy.height() }),
    zoomLevel: () => cy.zoom(),
    setLanguage(next) {
      language = next;
      cy.batch(() => {
        cy.edges().forEach((e) => {
          if (e.hasClass('merged')) e.data('label', `${relationLabel(e.data('type'), language)} ×${e.data('count')}`);
          else e.data('label', edgeData(e.data() as EdgeData, relationLabel, language).label);
        });
      });
      if (groups) setGroups(groups);
    },
    setRenderer(next) {
      const wanted: RendererName = next === 'webgl' && gpu.hardware ? 'webgl' : 'canvas';
      if (wanted !== renderer) {
        renderer = wanted;
        rebuild();
      }
      return rendererInfo();
    },
    rendererInfo,
    destroy() {
      edgeLayer?.destroy();
      cy.destroy();
    },
  };
  // The container's size follows the page (a narrower window, a filled header): so does the drawing.
  if (typeof ResizeObserver !== 'undefined') {
    const observer = new ResizeObserver(() => {
      cy.resize();
      edgeLayer?.invalidate();
    });
    observer.observe(container);
    const destroy = canvas.destroy;
    canvas.destroy = () => {
      observer.disconnect();
      destroy();
    };
  }
  return canvas;
}
