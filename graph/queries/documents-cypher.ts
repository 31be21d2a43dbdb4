// Pure Cypher builders for the input reports (:SourceDocument): lists with filters, by id, text,
// mention spans, entities and the relations they state.
import type { Statement } from '../db/store/index.ts';
import { ENTITY_VIEW, RELATION_VIEW, SOURCE_DOCUMENT, seekRelations } from './entities-cypher.ts';

/**
 * A report as DocumentView from the node bound to `d`, but its diagnostics still the JSON text
 * they are stored as (./documents-view.ts parses them).
 */
export function documentView(d = 'd'): string {
  return /* Cypher */ `{ id: ${d}.id, title: ${d}.title, date: ${d}.date, source: ${d}.source, authors: coalesce(${d}.authors, []),
    script: ${d}.script, encoding: ${d}.encoding, extractor: ${d}.extractor, length: size(${d}.text), diagnostics: ${d}.diagnostics }`;
}

export interface DocumentFilterParams {
  /** A literal Lucene query for the document_text index, or null. */
  lucene: string | null;
  from: string | null;
  to: string | null;
  source: string | null;
  entity: string | null;
}

/** One page of the reports matching every given filter, newest first (undated last), with the total. */
export function filteredDocuments(filter: DocumentFilterParams, offset: number, limit: number): Statement {
  const match = filter.lucene
    ? /* Cypher */ `CALL db.index.fulltext.queryNodes('document_text', $lucene) YIELD node AS d`
    : filter.entity
      ? /* Cypher */ `MATCH (:Entity {id: $entity})-[:MENTIONED_IN]->(d:${SOURCE_DOCUMENT})`
      : /* Cypher */ `MATCH (d:${SOURCE_DOCUMENT})`;
  const conditions = [
    filter.from ? 'd.date >= $from' : null,
    filter.to ? 'd.date <= $to' : null,
    filter.source ? 'd.source = $source' : null,
    filter.lucene && filter.entity ? `EXISTS { (:Entity {id: $entity})-[:MENTIONED_IN]->(d) }` : null,
  ].filter((c) => c !== null);
  return {
    cypher: /* Cypher */ `
      ${match}
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      WITH d ORDER BY d.date IS NULL, d.date DESC, d.id
      WITH collect(d) AS matched
      RETURN size(matched) AS total, [d IN matched[$offset..($offset + $limit)] | ${documentView('d')}] AS rows`,
    params: { ...filter, offset, limit },
  };
}

/** Reports by id (views), in any order. */
export function documentsById(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (d:${SOURCE_DOCUMENT} {id: id}) RETURN ${documentView('d')} AS document`,
    params: { ids },
  };
}

export function documentTexts(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (d:${SOURCE_DOCUMENT} {id: id}) RETURN d.id AS id, d.text AS text`,
    params: { ids },
  };
}

/** Every entity's mention offsets in one report. */
export function documentMentions(id: string): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (e:Entity)-[m:MENTIONED_IN]->(:${SOURCE_DOCUMENT} {id: $id})
      RETURN e.id AS entityId, m.starts AS starts, m.ends AS ends`,
    params: { id },
  };
}

/** The entities a report mentions, most mentioned first. */
export function documentEntities(id: string): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (e:Entity)-[m:MENTIONED_IN]->(:${SOURCE_DOCUMENT} {id: $id})
      RETURN ${ENTITY_VIEW} AS entity
      ORDER BY m.count DESC, e.name, e.id`,
    params: { id },
  };
}

/** The ids of the relations a report states, from its node's lists. */
export function documentRelationIds(id: string): Statement {
  return {
    cypher: /* Cypher */ `MATCH (d:${SOURCE_DOCUMENT} {id: $id}) RETURN coalesce(d.relationIds, []) AS ids`,
    params: { id },
  };
}

/** Relations by id as views, for a page of a report's relations. */
export function relationViews(ids: string[]): Statement | null {
  const seek = seekRelations(ids);
  return seek && { cypher: `${seek.cypher} RETURN ${RELATION_VIEW} AS relation`, params: seek.params };
}
