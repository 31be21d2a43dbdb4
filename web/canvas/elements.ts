// The one function that turns API subgraphs into canvas elements. Plain data out (the shape
// cytoscape's ElementDefinition accepts), so it is testable without a browser.
import { defaultStyling, type EdgeInput, type Language, type NodeInput, type Styling, type SubgraphInput } from '../state/vocabulary.ts';
import { communityColor, ENTITY_STYLE, nodeSize, pagerankSize, type NodeShape } from './style.ts';

export interface NodeData {
  id: string;
  type: NodeInput['type'];
  name: string;
  /** Name plus the "N more" suffix: what the canvas draws. */
  label: string;
  degree: number;
  /** Diameter in model units, from the degree or the PageRank (styling). */
  size: number;
  /** The type's or the community's colour (styling), and the type's shape (ENTITY_STYLE). */
  color: string;
  shape: NodeShape;
  hiddenTotal: number;
  /** Per relation type, for the panel's "N more" menu. */
  hidden: ReadonlyArray<{ type: string; count: number }>;
  pagerank: number | null;
  community: number | null;
  /** CONFIRMED, EDITED or ADDED by a person (the stylesheet marks them), else null. */
  curation: NodeInput['curation'];
}

/** What node size and colour say, and the scale PageRank sizes are relative to. */
export interface Look {
  styling: Styling;
  /** The highest PageRank among the nodes drawn. */
  highestPagerank: number;
}

export const DEFAULT_LOOK: Look = { styling: defaultStyling(), highestPagerank: 0 };

/** Size and colour of a node under a look. */
export function nodeLook(node: Pick<NodeInput, 'type' | 'degree' | 'pagerank' | 'community'>, look: Look): { size: number; color: string } {
  return {
    size: look.styling.size === 'pagerank' ? pagerankSize(node.pagerank, look.highestPagerank) : nodeSize(node.degree),
    color: look.styling.color === 'community' ? communityColor(node.community) : ENTITY_STYLE[node.type].color,
  };
}

export interface EdgeData {
  id: string;
  type: EdgeInput['type'];
  source: string;
  target: string;
  weight: number;
  directed: boolean;
  label: string;
  documents: readonly string[];
  /** The first report's date; null when undated; undefined while not known. */
  firstReported: string | null | undefined;
  curation: EdgeInput['curation'];
  /** How likely it is right; null where nothing weighed it (co-mentions). */
  confidence: number | null;
  /** Below LOW_CONFIDENCE: drawn dashed. */
  lowConfidence: boolean;
}

/** A relation less likely than this is drawn dashed: in cross-validation, fewer than half such are right. */
export const LOW_CONFIDENCE = 0.5;

export type CanvasElement = { group: 'nodes'; data: NodeData; classes?: string } | { group: 'edges'; data: EdgeData; classes?: string };

/** Longest name drawn whole on the canvas: a document's title is cut (the panels give it whole). */
export const LABEL_CHARS = 14;

/** "龙湾区 +12": the name (cut past LABEL_CHARS) with the count of neighbours not shown. */
export function nodeLabel(node: Pick<NodeInput, 'name' | 'hiddenTotal'>): string {
  const chars = [...node.name];
  const name = chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : node.name;
  const more = node.hiddenTotal ?? 0;
  return more > 0 ? `${name} +${more}` : name;
}

export function nodeData(node: NodeInput, look: Look = DEFAULT_LOOK): NodeData {
  return {
    id: node.id,
    type: node.type,
    name: node.name,
    label: nodeLabel(node),
    degree: node.degree,
    ...nodeLook(node, look),
    shape: ENTITY_STYLE[node.type].shape,
    hiddenTotal: node.hiddenTotal ?? 0,
    hidden: node.hidden ?? [],
    pagerank: node.pagerank ?? null,
    community: node.community ?? null,
    curation: node.curation ?? null,
  };
}

export function edgeData(
  edge: EdgeInput,
  relationLabel: (type: EdgeInput['type'], language: Language) => string,
  language: Language,
): EdgeData {
  return {
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    weight: edge.weight,
    directed: edge.directed,
    label: relationLabel(edge.type, language),
    documents: edge.documents ?? [],
    firstReported: edge.firstReported,
    curation: edge.curation ?? null,
    confidence: edge.confidence ?? null,
    lowConfidence: !edge.curation && edge.confidence !== null && edge.confidence !== undefined && edge.confidence < LOW_CONFIDENCE,
  };
}

/**
 * Elements for a subgraph. Edges whose ends are neither in the subgraph nor in `present` (ids
 * already on the canvas) are dropped; so are duplicate ids.
 */
export function toElements(
  subgraph: SubgraphInput,
  relationLabel: (type: EdgeInput['type'], language: Language) => string,
  language: Language,
  present: ReadonlySet<string> = new Set(),
  look: Look = DEFAULT_LOOK,
): CanvasElement[] {
  const nodes = new Map<string, CanvasElement>();
  for (const node of subgraph.nodes)
    if (!present.has(node.id) && !nodes.has(node.id)) nodes.set(node.id, { group: 'nodes', data: nodeData(node, look) });
  const known = (id: string) => nodes.has(id) || present.has(id);
  const edges = new Map<string, CanvasElement>();
  for (const edge of subgraph.edges) {
    if (present.has(edge.id) || edges.has(edge.id) || !known(edge.source) || !known(edge.target)) continue;
    edges.set(edge.id, {
      group: 'edges',
      data: edgeData(edge, relationLabel, language),
      classes: edge.type === 'CO_MENTIONED' ? 'co-mention' : '',
    });
  }
  return [...nodes.values(), ...edges.values()];
}
