// The cytoscape adapter behind index.ts. Every change is a patch inside cy.batch(); the instance
// is rebuilt (elements, positions and viewport kept) only to switch renderer or level of detail,
// which cytoscape fixes at creation.
import cytoscape, { type Core, type ElementDefinition, type NodeCollection, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { edgePasses, nodePasses } from '../state/filters.ts';
import type { GroupView } from '../state/groups.ts';
import {
  defaultFilters,
  defaultStyling,
  type EdgeInput,
  type Filters,
  type NodeInput,
  type Positions,
  type RendererName,
  type Styling,
  type SubgraphInput,
} from '../state/vocabulary.ts';
import { createEdgeLayer, type EdgeLayer } from './edge-layer.ts';
import { edgeData, nodeData, nodeLabel, nodeLook, toElements, type EdgeData, type Look, type NodeData } from './elements.ts';
import { meanDirection, ringPlacement } from './layouts.ts';
import { placeAmong, runLayout, type LayoutHost } from './layout-run.ts';
import { nearestToward } from './navigation.ts';
import { detectGpu } from './renderer-choice.ts';
import { relationLabel as defaultRelationLabel, ENTITY_STYLE, FONT_FAMILY, stylesheet } from './style.ts';
import { countOverlaps } from './tidy.ts';
import type { Box, Canvas, CanvasOptions, CanvasPatch, RendererInfo } from './types.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

const LOD_OFF_RATIO = 0.8; // hysteresis, so adding and removing a few elements does not flip it
/** A fitted view never zooms in past this: one entity is drawn at a readable size, not across the canvas. */
export const MAX_FIT_ZOOM = 1.25;
const FIT_PADDING = 30;
/** Elements that are not drawn, whatever the reason. */
const NOT_DRAWN = '.filtered, .hidden, .folded';

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

  function applyFilters(): void {
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
    edgeLayer?.invalidate();
  }

  /**
   * Where new nodes go: around `around` for an expansion (away from its shown neighbours); else
   * next to shown neighbours (found through the patch's edges); else in rings in the middle of the
   * view. Works on ids and the patch, not on collections: cheap for thousands of nodes.
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
      const spots = ringPlacement(centre, ids.length, 70, meanDirection(centre, old));
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
    ids.forEach((id, i) => {
      const points = near.get(id);
      if (!points) {
        loose.push(id);
        return;
      }
      const base = {
        x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
        y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
      };
      // Spread by index (not at random): the same data lands in the same place.
      const angle = i * 2.399963;
      out[id] = { x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle) };
    });
    const spots = ringPlacement(middle, loose.length, 70);
    loose.forEach((id, i) => {
      out[id] = spots[i] ?? middle;
    });
    return out;
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

  function positions(): Positions {
    const out: Positions = {};
    cy.nodes().forEach((n) => {
      if (n.isParent() || n.hasClass('fold')) return;
      const p = n.position();
      out[n.id()] = { x: p.x, y: p.y };
    });
    return out;
  }

  const drawn = () => cy.elements().not(NOT_DRAWN);
  const drawnNodes = (): NodeCollection => cy.nodes().not(NOT_DRAWN);

  function subgraph(visibleOnly: boolean): SubgraphInput {
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
      });
    });
    return { nodes, edges };
  }

  function apply(patch: CanvasPatch): { added: string[]; removed: string[] } {
    const removed: string[] = [];
    const added: string[] = [];
    // Level of detail is fixed when cytoscape is created: decide before adding, while rebuilding is cheap.
    updateLod(cy.elements().length + (patch.add ? patch.add.nodes.length + patch.add.edges.length : 0));
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
    const changed: string[] = [];
    cy.batch(() => {
      const wanted = new Map(view.groups.map((g) => [g.id, g]));
      // Members out of groups that are gone or closed, before any group node goes.
      cy.nodes().forEach((n) => {
        const parent = (n.data('parent') as string | undefined) ?? null;
        const next = view.parent.get(n.id()) ?? null;
        if (parent !== next && next === null) n.move({ parent: null });
      });
      cy.nodes('.fold').forEach((n) => {
        if (!wanted.has(n.id())) n.remove();
      });
      for (const group of view.groups) {
        if (group.entity !== null) continue;
        const existing = cy.$id(group.id);
        const members = cy.collection(group.members.map((id) => cy.$id(id)).filter((m) => m.nonempty()) as never) as NodeCollection;
        const box = members.boundingBox({});
        const style = ENTITY_STYLE[group.type];
        const hubName = (cy.$id(group.hub ?? '').data('name') as string | undefined) ?? '';
        const label = group.open
          ? `${hubName} · ${style.label[language]} ${group.members.length}`
          : `${style.label[language]} ×${group.members.length}`;
        const data = {
          id: group.id,
          type: group.type,
          name: label,
          label,
          degree: group.members.length,
          size: Math.round(Math.min(60, 18 + 6 * Math.log2(1 + group.members.length))),
          color: style.color,
          shape: style.shape,
          hiddenTotal: 0,
          hidden: [],
          pagerank: null,
          community: null,
        };
        if (existing.empty()) changed.push(group.id);
        if (existing.empty())
          cy.add({
            group: 'nodes',
            data,
            classes: 'fold',
            position: Number.isFinite(box.x1) ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : { x: 0, y: 0 },
          });
        else existing.data(data);
      }
      // Members into open groups.
      for (const [member, parent] of view.parent) {
        const n = cy.$id(member);
        if (n.nonempty() && (n.data('parent') ?? null) !== parent && cy.$id(parent).nonempty()) n.move({ parent });
      }
      // Closed entity groups say how many they hold.
      cy.nodes().forEach((n) => {
        if (n.hasClass('fold')) {
          n.toggleClass('group-closed', !wanted.get(n.id())?.open);
          return;
        }
        const group = wanted.get(n.id());
        const closed = group && !group.open ? group.members.length : undefined;
        if (n.data('groupSize') !== closed || n.hasClass('group-closed') !== (closed !== undefined)) {
          if (closed !== undefined) changed.push(n.id());
          const d = n.data() as NodeData;
          n.data({ groupSize: closed, label: closed ? `${nodeLabel(d)} ▸${closed}` : nodeLabel(d) });
          n.toggleClass('group-closed', closed !== undefined);
        }
      });
      cy.nodes().forEach((n) => {
        const out = view.folded.has(n.id());
        if (n.hasClass('folded') !== out) n.toggleClass('folded', out);
      });
      const mergedIds = new Set(view.merged.map((m) => m.id));
      cy.edges('.merged').forEach((e) => {
        if (!mergedIds.has(e.id())) e.remove();
      });
      cy.edges().forEach((e) => {
        if (e.hasClass('merged')) return;
        const out = view.foldedEdges.has(e.id());
        if (e.hasClass('folded') !== out) e.toggleClass('folded', out);
      });
      for (const m of view.merged) {
        const data = {
          id: m.id,
          type: m.type,
          source: m.source,
          target: m.target,
          weight: m.relations.length,
          count: m.relations.length,
          relations: m.relations,
          directed: m.type !== 'PARTNERS_WITH' && m.type !== 'CO_MENTIONED',
          label: `${relationLabel(m.type, language)} ×${m.relations.length}`,
          documents: [],
          firstReported: null,
        };
        const existing = cy.$id(m.id);
        if (existing.empty()) cy.add({ group: 'edges', data, classes: 'merged' });
        else existing.data(data);
      }
    });
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

  function labelBoxes(): Box[] {
    const boxes: Box[] = [];
    drawnNodes().forEach((n) => {
      if (n.isParent()) return;
      const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as never);
      boxes.push({ x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 });
    });
    return boxes;
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
    positions,
    setPositions: (p) => applyPositions(p),
    subgraph: (o = {}) => subgraph(o.visibleOnly ?? false),
    visibleNodeIds: () => drawnNodes().map((n) => n.id()),
    nodeToward(id, direction) {
      const nodes = drawnNodes().map((n) => ({ id: n.id(), ...n.position() }));
      const ext = cy.extent();
      return nearestToward(nodes, id, direction, { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 });
    },
    labelBoxes,
    labelOverlaps: () => countOverlaps(labelBoxes()),
    exportPng: (o = {}) => cy.png({ output: 'blob-promise', scale: o.scale ?? 2, full: o.full ?? false, bg: '#ffffff' }),
    exportSvg(o = {}) {
      const text = (cy as unknown as { svg(o: object): string }).svg({ full: o.full ?? false, scale: 1, bg: '#ffffff' });
      // Name the CJK font once for the whole document, so viewers without the page's fonts still pick one.
      return text.replace(/<svg\b([^>]*)>/, `<svg$1><style>text { font-family: ${FONT_FAMILY}; }</style>`);
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
  void drawn;
  return canvas;
}
