// The console's own statements, and the canvas made of an analyst's result: the entities and
// relations among its cells, as the neighbourhood view draws them.
import { isEntityType, isRelationType, isUndirected } from '../model.ts';
import type { PlainNode, PlainRelationship, Statement } from '../db/store/index.ts';
import { typedDegree } from './analytics-cypher.ts';
import type { GraphEdgeView, GraphNodeView } from './views.ts';

/** Functions that plugins added (none on a plain install): the console refuses them. */
export function userFunctions(): Statement {
  return { cypher: /* Cypher */ `SHOW FUNCTIONS YIELD name, isBuiltIn WHERE NOT isBuiltIn RETURN name`, params: {} };
}

/** Entities by element id, with their typed-relation degree: one batch for the canvas. */
export function entitiesByElementId(elementIds: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $elementIds AS elementId
      MATCH (e:Entity) WHERE elementId(e) = elementId
      RETURN elementId, e.id AS id, e.type AS type, e.name AS name, e.confidence AS confidence,
        ${typedDegree('e')} AS degree`,
    params: { elementIds },
  };
}

/** The graph elements among a result's cells, however deep in lists, maps and paths. */
export function elementsIn(rows: unknown[][]): { nodes: Map<string, PlainNode>; relationships: Map<string, PlainRelationship> } {
  const nodes = new Map<string, PlainNode>();
  const relationships = new Map<string, PlainRelationship>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const kind = (value as { kind?: unknown }).kind;
    if (kind === 'node' && typeof (value as PlainNode).elementId === 'string')
      nodes.set((value as PlainNode).elementId, value as PlainNode);
    else if (kind === 'relationship' && typeof (value as PlainRelationship).elementId === 'string') {
      relationships.set((value as PlainRelationship).elementId, value as PlainRelationship);
    } else if (kind === 'path') {
      (value as { nodes: unknown[] }).nodes.forEach(visit);
      (value as { relationships: unknown[] }).relationships.forEach(visit);
    } else Object.values(value).forEach(visit);
  };
  rows.forEach(visit);
  return { nodes, relationships };
}

export interface EntityEnd {
  id: string;
  type: string;
  name: string;
  degree: number;
  confidence: number | null;
}

/**
 * Canvas nodes and edges: every entity among the cells, and every typed or co-mention relation
 * whose two ends are entities (`ends` knows them by element id, also when only the relationship
 * was returned).
 */
export function canvasOf(
  found: ReturnType<typeof elementsIn>,
  ends: Map<string, EntityEnd>,
): { nodes: GraphNodeView[]; edges: GraphEdgeView[] } {
  const nodes = new Map<string, GraphNodeView>();
  const add = (elementId: string) => {
    const end = ends.get(elementId);
    if (!end || !isEntityType(end.type) || nodes.has(end.id)) return;
    nodes.set(end.id, {
      id: end.id,
      type: end.type,
      name: end.name,
      degree: end.degree,
      confidence: end.confidence ?? null,
      depth: 0,
      hidden: [],
      hiddenTotal: 0,
      relationCounts: [],
    });
  };
  for (const elementId of found.nodes.keys()) add(elementId);
  const edges: GraphEdgeView[] = [];
  for (const relationship of found.relationships.values()) {
    const source = ends.get(relationship.startElementId),
      target = ends.get(relationship.endElementId);
    const id = relationship.properties['id'];
    if (!source || !target || typeof id !== 'string' || !isRelationType(relationship.type)) continue;
    add(relationship.startElementId);
    add(relationship.endElementId);
    const weight = relationship.properties['weight'];
    const confidence = relationship.properties['confidence'];
    edges.push({
      confidence: typeof confidence === 'number' ? confidence : null,
      id,
      type: relationship.type,
      source: source.id,
      target: target.id,
      weight: typeof weight === 'number' ? weight : 1,
      directed: !isUndirected(relationship.type),
    });
  }
  return { nodes: [...nodes.values()], edges };
}

/** Element ids of the entities a canvas needs: nodes among the cells and relationships' ends. */
export function entityElementIds(found: ReturnType<typeof elementsIn>): string[] {
  const ids = new Set<string>();
  for (const [elementId, node] of found.nodes) if (node.labels.includes('Entity')) ids.add(elementId);
  for (const relationship of found.relationships.values()) {
    if (isRelationType(relationship.type)) ids.add(relationship.startElementId).add(relationship.endElementId);
  }
  return [...ids];
}
