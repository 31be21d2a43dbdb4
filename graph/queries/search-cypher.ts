// Pure Cypher builders for search: the one streamed read that fills the name index, and the
// full-text query over names with user text made literal for Lucene.
import type { Statement } from '../db/store/index.ts';
import { ENTITY_VIEW } from './entities-cypher.ts';

/** Every entity with what search shows of it; streamed once per graph version. */
export function nameIndexRows(): Statement {
  return {
    cypher: /* Cypher */ `MATCH (e:Entity) RETURN ${ENTITY_VIEW} AS entity`,
    params: {},
  };
}

/**
 * User text as a Lucene query that matches it literally: each whitespace-separated word becomes a
 * quoted phrase (the analyzer's CJK bigrams of it in order), all required; inside quotes only `"`
 * and `\` need escaping, and AND, OR, NOT, wildcards and brackets are plain text. Null when
 * nothing searchable is left (punctuation only).
 */
export function literalLucene(text: string): string | null {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `+"${word.replace(/["\\]/g, '\\$&')}"`).join(' ');
}

/** Entities whose name, aliases or official name hold the query's words (the cjk full-text index). */
export function fulltextNames(lucene: string, limit: number): Statement {
  return {
    cypher: /* Cypher */ `
      CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit}) YIELD node, score
      RETURN node.id AS id, score`,
    params: { lucene, limit },
  };
}
