// The cytoscape adapter behind index.ts. Every change is a patch inside cy.batch(); the instance
// is rebuilt (elements, positions and viewport kept) only to switch renderer or level of detail,
// which cytoscape fixes at creation.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { edgePasses, nodePasses } from '../state/filters.ts';
import {
  defaultFilters,
  type EdgeInput,
  type Filters,
  type LayoutName,
  type NodeInput,
  type Positions,
  type RendererName,
  type SubgraphInput,
} from '../state/vocabulary.ts';
import { edgeData, nodeData, toElements, type EdgeData, type NodeData } from './elements.ts';
import type { Canvas, CanvasOptions, CanvasPatch, CanvasSnapshot, LayoutResult, RendererInfo } from './index.ts';
import { layoutOptions, meanDirection, ringPlacement, WORKER_LAYOUT_NODES } from './layouts.ts';
import { layoutInWorker } from './layout-client.ts';
import { detectGpu } from './renderer-choice.ts';
import { relationLabel as defaultRelationLabel, FONT_FAMILY, stylesheet } from './style.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

const LOD_OFF_RATIO = 0.8; // hysteresis, so adding and removing a few elements does not flip it

/** Creates the canvas in `container`. */
export function createCanvas(container: HTMLElement, options: CanvasOptions): Canvas {
  const relationLabel = options.relationLabel ?? defaultRelationLabel;
  const lodThreshold = options.lodThreshold ?? 1000;
  const gpu = detectGpu(container.ownerDocument);
  let language = options.language;
  let filters: Filters = defaultFilters();
  let renderer: RendererName = options.renderer === 'webgl' || (options.renderer !== 'canvas' && gpu.hardware) ? 'webgl' : 'canvas';
  if (!gpu.hardware) renderer = 'canvas';
  let lod = false;
  let cy = build([], null);

  function build(elements: ElementDefinition[], viewport: { zoom: number; pan: { x: number; y: number } } | null): Core {
    const instance = cytoscape({
      container,
      elements,
      style: stylesheet(lod) as unknown as StylesheetJson,
      wheelSensitivity: 0.3,
      minZoom: 0.02,
      maxZoom: 6,
      boxSelectionEnabled: false,
      textureOnViewport: lod,
      hideEdgesOnViewport: lod,
      motionBlur: false,
      pixelRatio: lod ? 1 : 'auto',
      renderer: { name: 'canvas', webgl: renderer === 'webgl' } as unknown as { name: string },
    } as cytoscape.CytoscapeOptions);
    if (viewport) instance.viewport(viewport);
    instance.on('tap', 'node', (e) => options.onSelectNode?.(e.target.id() as string));
    instance.on('tap', 'edge', (e) => options.onSelectEdge?.(e.target.id() as string));
    instance.on('dbltap', 'node', (e) => options.onExpand?.(e.target.id() as string));
    instance.on('tap', (e) => {
      if (e.target === instance) options.onBackground?.();
    });
    instance.on('dragfree', 'node', () => options.onChange?.('drag'));
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

  function applyFilters(): void {
    cy.batch(() => {
      // Touch only elements whose state changes: a class change restyles the element.
      // Ends are looked up by id in a set: e.source() would make a collection per edge.
      const mark = (e: cytoscape.NodeSingular | cytoscape.EdgeSingular, out: boolean) => {
        if (e.hasClass('filtered') !== out) e.toggleClass('filtered', out);
      };
      const out = new Set<string>();
      cy.nodes().forEach((n) => {
        const d = n.data() as NodeData;
        const gone = !nodePasses(d.type, filters);
        if (gone) out.add(d.id);
        mark(n, gone);
      });
      cy.edges().forEach((e) => {
        const d = e.data() as EdgeData;
        mark(e, out.has(d.source) || out.has(d.target) || !edgePasses(d, filters));
      });
    });
  }

  /**
   * Where new nodes go: around `around` for an expansion (away from its shown neighbours); else
   * next to shown neighbours (found through the patch's edges); else in rings in the middle of the
   * view (a layout usually follows). Works on ids and the patch, not on collections: cheap for
   * thousands of nodes.
   */
  function placeNew(ids: readonly string[], edges: SubgraphInput['edges'], around: string | undefined): Positions {
    const out: Positions = {};
    if (ids.length === 0) return out;
    const fresh = new Set(ids);
    const centreNode = around ? cy.$id(around) : cy.collection();
    if (centreNode.nonempty() && centreNode.isNode()) {
      const centre = centreNode.position();
      const old = centreNode
        .neighborhood()
        .nodes()
        .filter((n) => !fresh.has(n.id()))
        .map((n) => (n as NodeSingular).position());
      const spots = ringPlacement(centre, ids.length, 45, meanDirection(centre, old));
      ids.forEach((id, i) => {
        out[id] = spots[i] ?? { ...centre };
      });
      return out;
    }
    const near = new Map<string, Array<{ x: number; y: number }>>();
    for (const e of edges) {
      for (const [a, b] of [
        [e.source, e.target],
        [e.target, e.source],
      ] as const) {
        if (!fresh.has(a) || fresh.has(b)) continue;
        const other = cy.$id(b);
        if (other.empty() || !other.isNode()) continue;
        const list = near.get(a) ?? [];
        list.push(other.position());
        near.set(a, list);
      }
    }
    const ext = cy.extent();
    const middle = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
    const loose: string[] = [];
    for (const id of ids) {
      const points = near.get(id);
      if (!points) {
        loose.push(id);
        continue;
      }
      const base = {
        x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
        y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
      };
      out[id] = { x: base.x + (Math.random() - 0.5) * 120, y: base.y + (Math.random() - 0.5) * 120 };
    }
    const spots = ringPlacement(middle, loose.length, 45);
    loose.forEach((id, i) => {
      out[id] = spots[i] ?? middle;
    });
    return out;
  }

  function setPositions(positions: Positions): void {
    cy.batch(() => {
      for (const [id, p] of Object.entries(positions)) {
        const n = cy.$id(id);
        if (n.nonempty() && n.isNode()) n.position({ x: p.x, y: p.y });
      }
    });
  }

  function positions(): Positions {
    const out: Positions = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: p.x, y: p.y };
    });
    return out;
  }

  function subgraph(visibleOnly: boolean): SubgraphInput {
    const shown = (e: cytoscape.NodeSingular | cytoscape.EdgeSingular) =>
      !visibleOnly || (!e.hasClass('filtered') && !e.hasClass('hidden'));
    const nodes: NodeInput[] = [];
    cy.nodes().forEach((n) => {
      if (!shown(n)) return;
      const d = n.data() as NodeData;
      nodes.push({
        id: d.id,
        type: d.type,
        name: d.name,
        degree: d.degree,
        hidden: d.hidden as NodeInput['hidden'],
        hiddenTotal: d.hiddenTotal,
        curation: d.curation,
      });
    });
    const edges: EdgeInput[] = [];
    cy.edges().forEach((e) => {
      if (!shown(e) || (visibleOnly && (e.source().hasClass('hidden') || e.target().hasClass('hidden')))) return;
      const d = e.data() as EdgeData;
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
      });
    });
    return { nodes, edges };
  }

  function apply(patch: CanvasPatch): { added: string[]; removed: string[] } {
    const removed: string[] = [];
    const added: string[] = [];
    // Level of detail is fixed when cytoscape is created: decide before adding, while rebuilding is cheap.
    updateLod(cy.elements().length + (patch.add ? patch.add.nodes.length + patch.add.edges.length : 0));
    cy.batch(() => {
      for (const id of patch.remove ?? []) {
        const ele = cy.$id(id);
        if (ele.empty()) continue;
        if (ele.isNode()) removed.push(id);
        ele.remove();
      }
      if (patch.add) {
        const present = new Set<string>(cy.elements().map((e) => e.id()));
        for (const node of patch.add.nodes) {
          if (!present.has(node.id)) continue;
          const d = nodeData(node);
          cy.$id(node.id).data({ label: d.label, degree: d.degree, size: d.size, hiddenTotal: d.hiddenTotal, hidden: d.hidden });
        }
        const elements = toElements(patch.add, relationLabel, language, present);
        const given = patch.positions ?? {};
        for (const e of elements) if (e.group === 'nodes') added.push(e.data.id);
        const placed = placeNew(
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
      if (patch.positions) setPositions(patch.positions);
    });
    applyFilters();
    updateLod(cy.elements().length);
    return { added, removed };
  }

  function byIds(ids: readonly string[]): cytoscape.CollectionReturnValue {
    const wanted = new Set(ids);
    return cy.elements().filter((e) => wanted.has(e.id()));
  }

  function visible(): cytoscape.CollectionReturnValue {
    return cy.elements().filter((e) => !e.hasClass('filtered') && !e.hasClass('hidden'));
  }

  async function layout(name: LayoutName, opts: { only?: readonly string[] } = {}): Promise<LayoutResult> {
    const started = performance.now();
    const only = opts.only ? byIds(opts.only).nodes() : null;
    const scope = only ? only.union(only.edgesWith(only)) : visible();
    const nodes = scope.nodes();
    const pinned = nodes.filter((n) => n.hasClass('pinned'));
    const fixedNodeConstraint = pinned.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
    if (nodes.length > WORKER_LAYOUT_NODES) {
      // Only what the layout reads crosses to the worker: ids, ends, size, degree and pinned positions.
      const elements: ElementDefinition[] = [
        ...nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id(), size: n.data('size') as number, degree: n.data('degree') as number },
          position: { ...(n as NodeSingular).position() },
        })),
        // Ends by data, not e.source(): that would make two collections per edge.
        ...scope.edges().map((e) => ({
          group: 'edges' as const,
          data: { id: e.id(), source: e.data('source') as string, target: e.data('target') as string },
        })),
      ];
      const extra = name === 'fcose' && fixedNodeConstraint.length ? { fixedNodeConstraint } : {};
      const computed = await layoutInWorker(name, elements, opts.only ? { ...extra, randomize: false } : extra);
      cy.batch(() => {
        for (const [id, p] of Object.entries(computed)) {
          const n = cy.$id(id);
          if (n.nonempty() && !n.hasClass('pinned')) n.position(p);
        }
      });
      if (!opts.only) cy.fit(nodes, 30);
      return { name, nodes: nodes.length, ms: performance.now() - started, where: 'worker' };
    }
    const options = {
      ...layoutOptions(name, nodes.length),
      ...(name === 'fcose' && fixedNodeConstraint.length ? { fixedNodeConstraint } : {}),
    };
    if (opts.only) Object.assign(options, { fit: false, randomize: false });
    const running = scope
      .difference(pinned)
      .union(name === 'fcose' ? pinned : cy.collection())
      .layout(options as unknown as cytoscape.LayoutOptions);
    const done = running.promiseOn('layoutstop');
    running.run();
    await done;
    return { name, nodes: nodes.length, ms: performance.now() - started, where: 'main' };
  }

  function rendererInfo(): RendererInfo {
    return { renderer, gpu: gpu.renderer, webglAvailable: gpu.hardware, lod };
  }

  const canvas: Canvas = {
    apply,
    setFilters(next) {
      filters = next;
      applyFilters();
    },
    select(id) {
      cy.batch(() => {
        cy.$(':selected').unselect();
        if (id !== null) cy.$id(id).select();
      });
    },
    highlightPath(nodeIds, edgeIds) {
      cy.batch(() => {
        cy.$('.path').removeClass('path');
        for (const id of [...nodeIds, ...edgeIds]) cy.$id(id).addClass('path');
      });
    },
    clearHighlight() {
      cy.batch(() => {
        cy.$('.path, .highlighted').removeClass('path highlighted');
      });
    },
    hide(ids, hidden = true) {
      cy.batch(() => {
        for (const id of ids) cy.$id(id).toggleClass('hidden', hidden);
      });
    },
    pin(ids, pinned) {
      cy.batch(() => {
        for (const id of ids) {
          const n = cy.$id(id);
          n.toggleClass('pinned', pinned);
          if (pinned) n.lock();
          else n.unlock();
        }
      });
    },
    focus(id, hops = 1) {
      let near = id === null ? cy.collection() : cy.$id(id);
      for (let i = 0; i < hops && id !== null; i++) near = near.closedNeighborhood();
      cy.batch(() => {
        cy.$('.dimmed').removeClass('dimmed');
        if (id !== null) cy.elements().difference(near).addClass('dimmed');
      });
      // After the batch: fitting measures styles, which a batch holds back.
      if (id !== null) cy.fit(near.nodes(), 40);
    },
    // Nodes alone bound the view (edges lie between them) and are far cheaper to measure.
    fit(ids) {
      cy.fit(ids ? byIds(ids).nodes() : cy.nodes().not('.filtered, .hidden'), 30);
    },
    zoom(factor) {
      const level = cy.zoom() * factor;
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    layout,
    positions,
    setPositions,
    subgraph: (o = {}) => subgraph(o.visibleOnly ?? false),
    exportPng: (o = {}) => cy.png({ output: 'blob-promise', scale: o.scale ?? 2, full: false, bg: '#ffffff' }),
    exportSvg() {
      const text = (cy as unknown as { svg(o: object): string }).svg({ full: false, scale: 1, bg: '#ffffff' });
      // Name the CJK font once for the whole document, so viewers without the page's fonts still pick one.
      return text.replace(/<svg\b([^>]*)>/, `<svg$1><style>text { font-family: ${FONT_FAMILY}; }</style>`);
    },
    snapshot() {
      return {
        subgraph: subgraph(false),
        positions: positions(),
        hidden: cy.$('.hidden').map((e) => e.id()),
        pinned: cy.$('.pinned').map((e) => e.id()),
      };
    },
    restore(s: CanvasSnapshot) {
      const keep = new Set([...s.subgraph.nodes.map((n) => n.id), ...s.subgraph.edges.map((e) => e.id)]);
      const remove = cy
        .elements()
        .filter((e) => !keep.has(e.id()))
        .map((e) => e.id());
      apply({ remove, add: s.subgraph, positions: s.positions });
      cy.batch(() => {
        cy.elements().removeClass('hidden pinned');
        cy.nodes().unlock();
      });
      canvas.hide(s.hidden, true);
      canvas.pin(s.pinned, true);
    },
    setLanguage(next) {
      language = next;
      cy.batch(() => {
        cy.edges().forEach((e) => {
          e.data('label', edgeData(e.data() as EdgeData, relationLabel, language).label);
        });
      });
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
      cy.destroy();
    },
  };
  return canvas;
}
