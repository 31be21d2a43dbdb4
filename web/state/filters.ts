// Whether a relation or an entity passes the filters: pure, shared by the canvas and the exports.
import type { EntityType, Filters, RelationType } from './vocabulary.ts';

export interface FilterableEdge {
  type: RelationType;
  weight: number;
  documents: readonly string[];
  /** The first report's date; null when no dated report states it; undefined while not known. */
  firstReported: string | null | undefined;
  /** How likely it is right; null or absent where nothing weighed it (co-mentions, older graphs). */
  confidence?: number | null;
}

/**
 * True when the relation passes. The report filter applies where the edge's reports are known;
 * with a date range, a relation no dated report states passes only when `includeUndated` says so.
 */
export function edgePasses(edge: FilterableEdge, filters: Filters): boolean {
  if (edge.type === 'CO_MENTIONED' && !filters.showCoMentions) return false;
  if (filters.relationTypes.length > 0 && edge.type !== 'CO_MENTIONED' && !filters.relationTypes.includes(edge.type)) return false;
  if (edge.weight < filters.minWeight) return false;
  if (filters.minConfidence > 0 && edge.confidence !== null && edge.confidence !== undefined && edge.confidence < filters.minConfidence)
    return false;
  if (filters.documents.length > 0 && edge.documents.length > 0 && !edge.documents.some((d) => filters.documents.includes(d))) return false;
  const { from, to } = filters.dateRange;
  if ((from === null && to === null) || edge.firstReported === undefined) return true;
  if (edge.firstReported === null) return filters.includeUndated;
  if (from !== null && edge.firstReported < from) return false;
  if (to !== null && edge.firstReported > to) return false;
  return true;
}

/** True when an entity of this type passes. */
export function nodePasses(type: EntityType, filters: Filters): boolean {
  return filters.entityTypes.length === 0 || filters.entityTypes.includes(type);
}
