import { describe, expect, it } from 'vitest';
import * as cypher from '../../graph/db/store/cypher.ts';
import { RELATION_TYPES, type RelationType } from '../../graph/index.ts';

describe('Cypher builders', () => {
  it('carry values in params only: other values change the params, never the query text', () => {
    // Query text that depends on values is injectable, and defeats Neo4j's plan cache.
    const rows = (id: string, text: string) => [{ id, source: 'a', target: 'b', weight: 1, evidenceTexts: [text] }];
    const plain = cypher.upsertRelations('IMPLEMENTS', rows('IMPLEMENTS:a->b', '龙湾区实施红哨系统。'));
    const hostile = cypher.upsertRelations('IMPLEMENTS', rows("x'}) DETACH DELETE n //", '`]->() MATCH (m) DETACH DELETE m //'));
    expect(hostile.cypher).toBe(plain.cypher);
    expect(hostile.params).toEqual({ rows: rows("x'}) DETACH DELETE n //", '`]->() MATCH (m) DETACH DELETE m //') });
    for (const [build, value] of [
      [(v: string) => cypher.detachDocuments([v]), 'a.txt'],
      [(v: string) => cypher.documentVersions([v]), 'a.txt'],
      [(v: string) => cypher.deleteDocument(v), 'a.txt'],
    ] as const) {
      expect(build("x'}) DETACH DELETE n //").cypher).toBe(build(value).cypher);
    }
  });

  it('put no user text into query text', () => {
    const hostile = "x'}) DETACH DELETE n //";
    for (const statement of [cypher.detachDocuments([hostile]), cypher.documentVersions([hostile]), cypher.deleteDocument(hostile)]) {
      expect(statement.cypher).not.toContain(hostile);
    }
  });

  it('refuse a relationship type outside the closed set', () => {
    expect(() => cypher.upsertRelations('KNOWS`]->() DETACH DELETE n //' as RelationType, [])).toThrow(/not a relation type/);
  });

  it('keep the statements the loader runs stable', () => {
    expect(cypher.schemaStatements([...RELATION_TYPES]).map((s) => s.cypher.replace(/\s+/g, ' '))).toMatchSnapshot();
    for (const statement of [
      cypher.upsertDocuments([]),
      cypher.detachDocuments([]),
      cypher.upsertEntities('District', []),
      cypher.createMentions([]),
      cypher.upsertRelations('LOCATED_IN', []),
      cypher.detachEvidence('FUNDS', []),
      cypher.setDocumentRelations([]),
      cypher.pruneRelations('PART_OF', []),
      cypher.pruneEntities([]),
    ]) {
      expect(statement.cypher.replace(/\s+/g, ' ').trim()).toMatchSnapshot();
    }
  });
});
