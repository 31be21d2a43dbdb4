// The one function that turns API subgraphs into canvas elements. Plain data out (the shape
// cytoscape's ElementDefinition accepts), so it is testable without a browser.
import type { EdgeInput, Language, NodeInput, SubgraphInput } from '../state/vocabulary.ts';
import { ENTITY_STYLE, nodeSize, type NodeShape } from './style.ts';

export interface NodeData {
  id: string;
  type: NodeInput['type'];
  name: string;
  /** Name plus the "N more" suffix: what the canvas draws. */
  label: string;
  degree: number;
  /** Diameter in model units, from the degree. */
  size: number;
  /** The type's colour and shape (ENTITY_STYLE). */
  color: string;
  shape: NodeShape;
  hiddenTotal: number;
  /** Per relation type, for the panel's "N more" menu. */
  hidden: ReadonlyArray<{ type: string; count: number }>;
  /** CONFIRMED, EDITED or ADDED by a person (the stylesheet marks them), else null. */
  curation: NodeInput['curation'];
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
  firstReported: string | null;
  curation: EdgeInput['curation'];
}

export type CanvasElement = { group: 'nodes'; data: NodeData; classes?: string } | { group: 'edges'; data: EdgeData; classes?: string };

/** "龙湾区 +12": the name with the count of neighbours not shown. */
export function nodeLabel(node: Pick<NodeInput, 'name' | 'hiddenTotal'>): string {
  const more = node.hiddenTotal ?? 0;
  return more > 0 ? `${node.name} +${more}` : node.name;
}

export function nodeData(node: NodeInput): NodeData {
  return {
    id: node.id,
    type: node.type,
    name: node.name,
    label: nodeLabel(node),
    degree: node.degree,
    size: nodeSize(node.degree),
    color: ENTITY_STYLE[node.type].color,
    shape: ENTITY_STYLE[node.type].shape,
    hiddenTotal: node.hiddenTotal ?? 0,
    hidden: node.hidden ?? [],
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
    firstReported: edge.firstReported ?? null,
    curation: edge.curation ?? null,
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
): CanvasElement[] {
  const nodes = new Map<string, CanvasElement>();
  for (const node of subgraph.nodes)
    if (!present.has(node.id) && !nodes.has(node.id)) nodes.set(node.id, { group: 'nodes', data: nodeData(node) });
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
