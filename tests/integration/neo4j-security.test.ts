import { afterAll, describe, expect, inject, it } from 'vitest';
import { StoreError } from '../../graph/index.ts';
import { openTestStore } from '../support/test-store.ts';

const store = await openTestStore();
afterAll(() => store.close());

// Only the embedded Neo4j is ours to configure; an external one is whatever its owner made it.
describe.skipIf(inject('neo4jExternal'))('the local Neo4j', () => {
  it('refuses LOAD CSV from a file URL, even in a write transaction', async () => {
    const attempt = store.writeStatement({
      cypher: /* Cypher */ `LOAD CSV FROM 'file:///etc/passwd' AS row RETURN count(row) AS rows`,
      params: {},
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toThrow(/file URLs|allow_csv_import_from_file_urls/i);
  });
});
