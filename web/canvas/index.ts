// The canvas: the one place that knows cytoscape. Callers patch it (add, remove, restyle) and get
// ids and plain data back; `cy` never leaves web/canvas/.
import type { Filters, Language, LayoutName, Positions, RelationType, RendererName, SubgraphInput } from '../state/vocabulary.ts';

export { ENTITY_STYLE, RELATION_LABELS, FONT_FAMILY, relationLabel } from './style.ts';
export { createCanvas } from './canvas.ts';
export type { NodeData, EdgeData } from './elements.ts';

export interface CanvasOptions {
  language: Language;
  /** Edge label for a relation type; RELATION_LABELS by default. */
  relationLabel?: (type: RelationType, language: Language) => string;
  /** 'auto' (the default) takes WebGL only on a hardware GPU. */
  renderer?: RendererName | 'auto';
  /** Elements above which level of detail is on (cheap edges, textures while moving). Default 1000. */
  lodThreshold?: number;
  onSelectNode?: (id: string) => void;
  onSelectEdge?: (id: string) => void;
  /** Double tap on a node: the user asks for its neighbours. */
  onExpand?: (id: string) => void;
  /** Tap on empty canvas. */
  onBackground?: () => void;
  /** The user changed the canvas directly (dragged nodes): record it in history and the URL. */
  onChange?: (reason: 'drag') => void;
}

/** A change to what the canvas shows, applied in one batch. */
export interface CanvasPatch {
  /** Nodes and edges to add; nodes already shown get their data ("N more") refreshed. */
  add?: SubgraphInput;
  /** Node ids (their edges go with them) or edge ids to remove. */
  remove?: readonly string[];
  /** An expansion: new nodes fan out around this node instead of a full layout. */
  around?: string;
  /** Positions for some nodes (new or old). */
  positions?: Positions;
}

/** Everything needed to put the canvas back as it was: plain data, for undo. */
export interface CanvasSnapshot {
  subgraph: SubgraphInput;
  positions: Positions;
  hidden: string[];
  pinned: string[];
}

export interface LayoutResult {
  name: LayoutName;
  nodes: number;
  /** Wall time from start to positions applied. */
  ms: number;
  /** Where it was computed: on the page, or in a worker (large fcose). */
  where: 'main' | 'worker';
}

export interface RendererInfo {
  /** The renderer in use. */
  renderer: RendererName;
  /** The GPU the browser reports (UNMASKED_RENDERER_WEBGL), or null. */
  gpu: string | null;
  /** Whether WebGL may be chosen (hardware GPU). */
  webglAvailable: boolean;
  /** Level of detail in effect. */
  lod: boolean;
}

export interface Canvas {
  /** Adds, removes and refreshes elements in one batch; returns the ids of nodes added and removed. */
  apply(patch: CanvasPatch): { added: string[]; removed: string[] };
  /** Hides what the filters exclude (CO_MENTIONED unless showCoMentions). */
  setFilters(filters: Filters): void;
  /** Selects a node or an edge (null: nothing), without calling the select callbacks. */
  select(id: string | null): void;
  /** Marks a path (or any set of nodes and edges) and dims nothing. */
  highlightPath(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  clearHighlight(): void;
  /** Hides or shows nodes by id (the user's "hide"). */
  hide(ids: readonly string[], hidden?: boolean): void;
  /** Pinned nodes keep their place through layouts and cannot be dragged. */
  pin(ids: readonly string[], pinned: boolean): void;
  /** Dims everything farther than `hops` from the node and fits the rest; null clears. */
  focus(id: string | null, hops?: number): void;
  /** Fits the view to some nodes, or to all visible ones. */
  fit(ids?: readonly string[]): void;
  /** Zooms by a factor around the centre of the view. */
  zoom(factor: number): void;
  layout(name: LayoutName, options?: { only?: readonly string[] }): Promise<LayoutResult>;
  positions(): Positions;
  setPositions(positions: Positions): void;
  /** What is on the canvas (visible only: what filters and hiding leave). */
  subgraph(options?: { visibleOnly?: boolean }): SubgraphInput;
  /** PNG of the current view (scale 2 by default). */
  exportPng(options?: { scale?: number }): Promise<Blob>;
  /** SVG of the current view, with a CJK-capable font named. */
  exportSvg(): string;
  snapshot(): CanvasSnapshot;
  /** Back to a snapshot: only the difference is patched. */
  restore(snapshot: CanvasSnapshot): void;
  setLanguage(language: Language): void;
  /** Switches renderer; WebGL is refused on a software GPU. Returns what is in effect. */
  setRenderer(renderer: RendererName): RendererInfo;
  rendererInfo(): RendererInfo;
  destroy(): void;
}
