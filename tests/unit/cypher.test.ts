import { describe, expect, it } from 'vitest';
import * as cypher from '../../graph/store/cypher.ts';
import { RELATION_TYPES, type RelationType } from '../../graph/index.ts';

describe('Cypher builders', () => {
  it('are pure: the same input gives the same statement, values only in params', () => {
    const rows = [{ id: 'IMPLEMENTS:a->b', source: 'a', target: 'b', weight: 1 }];
    const statement = cypher.upsertRelations('IMPLEMENTS', rows);
    expect(cypher.upsertRelations('IMPLEMENTS', rows)).toEqual(statement);
    expect(statement.params).toEqual({ rows });
    expect(statement.cypher).not.toContain('IMPLEMENTS:a->b');
  });

  it('put no user text into query text', () => {
    const hostile = "x'}) DETACH DELETE n //";
    for (const statement of [cypher.searchEntities(hostile, 5), cypher.detachDocuments([hostile]), cypher.documentVersions([hostile])]) {
      expect(statement.cypher).not.toContain(hostile);
    }
  });

  it('refuse a relationship type outside the closed set', () => {
    expect(() => cypher.upsertRelations('KNOWS`]->() DETACH DELETE n //' as RelationType, [])).toThrow(/not a relation type/);
  });

  it('escape Lucene syntax in search text', () => {
    expect(cypher.escapeLucene('龙湾 AND (区)')).toBe('龙湾 AND \\(区\\)');
  });

  it('keep the statements the loader runs stable', () => {
    expect(cypher.schemaStatements([...RELATION_TYPES]).map((s) => s.cypher.replace(/\s+/g, ' '))).toMatchSnapshot();
    for (const statement of [
      cypher.upsertDocuments([]), cypher.detachDocuments([]), cypher.upsertEntities('District', []), cypher.createMentions([]),
      cypher.upsertRelations('LOCATED_IN', []), cypher.detachEvidence('FUNDS', []), cypher.setDocumentRelations([]),
      cypher.pruneRelations('PART_OF', []), cypher.pruneEntities([]),
    ]) {
      expect(statement.cypher.replace(/\s+/g, ' ').trim()).toMatchSnapshot();
    }
  });
});
