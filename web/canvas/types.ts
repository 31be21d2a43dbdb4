// What the canvas offers: plain data in and out, no cytoscape type.
import type { GroupView } from '../state/groups.ts';
import type { Filters, Language, LayoutName, Positions, RelationType, RendererName, Styling, SubgraphInput } from '../state/vocabulary.ts';

export interface CanvasOptions {
  language: Language;
  /** Edge label for a relation type; RELATION_LABELS by default. */
  relationLabel?: (type: RelationType, language: Language) => string;
  /** 'auto' (the default) takes WebGL only on a hardware GPU. */
  renderer?: RendererName | 'auto';
  /** Elements above which level of detail is on (edges drawn in one pass, textures while moving). Default 1000. */
  lodThreshold?: number;
  onSelectNode?: (id: string) => void;
  onSelectEdge?: (id: string) => void;
  /** Double tap on a node: the user asks for its neighbours. */
  onExpand?: (id: string) => void;
  /** Tap on a group drawn closed (a fold), or double tap on an open group: the user asks to open or close it. */
  onToggleGroup?: (id: string) => void;
  /** Tap on empty canvas. */
  onBackground?: () => void;
  /** The user moved nodes by hand: record it in history and the URL. */
  onDrag?: (positions: Positions) => void;
  /** Layouts started (true) or all finished (false). */
  onBusy?: (busy: boolean) => void;
}

/** A change to what the canvas shows, applied in one batch. */
export interface CanvasPatch {
  /** Nodes and edges to add; nodes and edges already shown get their data ("N more", weight) refreshed. */
  add?: SubgraphInput;
  /** Node ids (their edges go with them) or edge ids to remove. */
  remove?: readonly string[];
  /** An expansion: new nodes fan out around this node. */
  around?: string;
  /** Positions for some nodes (new or old). */
  positions?: Positions;
}

export interface LayoutResult {
  name: LayoutName | 'place';
  nodes: number;
  /** Wall time from start to positions applied. */
  ms: number;
  /** Where it was computed: on the page, or in a worker (large graphs). */
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

/** A rectangle in model coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Canvas {
  /** Adds, removes and refreshes elements in one batch; returns the ids of nodes added and removed. */
  apply(patch: CanvasPatch): { added: string[]; removed: string[] };
  /** Hides what the filters exclude. */
  setFilters(filters: Filters): void;
  /** The entities the user hid (replaces the previous set). */
  setHidden(ids: readonly string[]): void;
  /** The pinned entities, which keep their place through layouts and cannot be dragged (replaces the previous set). */
  setPinned(ids: readonly string[]): void;
  /** Node size and colour by property. */
  setStyling(styling: Styling): void;
  /** Draws compound groups: members nested in open ones, hidden in closed ones, relations merged. Returns the nodes that appeared or grew (to place). */
  setGroups(view: GroupView): string[];
  /** Selects a node or an edge (null: nothing), without calling the select callbacks. */
  select(id: string | null): void;
  /** Marks a path (or any set of nodes and edges). */
  highlightPath(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  clearHighlight(): void;
  /** Dims everything farther than `hops` from the node and fits the rest; null clears. */
  focus(id: string | null, hops?: number): void;
  /** Fits the view to some nodes, or to all visible ones; never zooms in past a readable scale. */
  fit(ids?: readonly string[]): void;
  /** Zooms by a factor around the centre of the view. */
  zoom(factor: number): void;
  /** Lays out what is shown (or `only` these nodes, the rest fixed), labels kept apart. */
  layout(name: LayoutName, options?: { only?: readonly string[] }): Promise<LayoutResult>;
  /** Places `ids` (just added, near where they came from) among the others, which do not move. */
  place(ids: readonly string[]): Promise<LayoutResult>;
  positions(): Positions;
  setPositions(positions: Positions): void;
  /** What is on the canvas (visible only: what filters, hiding and closed groups leave). */
  subgraph(options?: { visibleOnly?: boolean }): SubgraphInput;
  /** Ids of nodes drawn (not hidden, filtered or folded), in the canvas's order. */
  visibleNodeIds(): string[];
  /** The nearest drawn node from `id` in a direction (keyboard navigation), or null. */
  nodeToward(id: string | null, direction: 'left' | 'right' | 'up' | 'down'): string | null;
  /** Pairs of drawn nodes whose boxes (shape and label) overlap. */
  labelOverlaps(): number;
  /** The drawn nodes' boxes with their labels, model coordinates. */
  labelBoxes(): Box[];
  /** PNG of the view, or of the whole graph (`full`), at `scale`. */
  exportPng(options?: { scale?: number; full?: boolean }): Promise<Blob>;
  /** SVG of the view or of the whole graph, with a CJK-capable font named. */
  exportSvg(options?: { full?: boolean }): string;
  /** The current zoom (rendered pixels per model unit). */
  zoomLevel(): number;
  /** Size of the drawing area in CSS pixels. */
  size(): { width: number; height: number };
  setLanguage(language: Language): void;
  /** Switches renderer; WebGL is refused on a software GPU. Returns what is in effect. */
  setRenderer(renderer: RendererName): RendererInfo;
  rendererInfo(): RendererInfo;
  destroy(): void;
}
