// The corrections file is checked before the database is touched: a wrong file is refused with
// the path of its first problem, and nothing is connected to or written.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-curation-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run curation -- import', () => {
  it('refuses a file with a wrong correction, naming where', async () => {
    const at = '2025-03-01T08:00:00.000Z';
    const entity = { id: 'Village:资助青禾', type: 'Village', name: '资助青禾', aliases: [] };
    const file = join(dir, 'corrections.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        corrections: [
          { id: 'a', kind: 'reject-entity', editor: 'alice', at, entity },
          { id: 'b', kind: 'foo', editor: 'alice', at },
        ],
      }),
    );
    // A data directory of its own: had the command got as far as the database, it would have had to start one.
    const { code, output } = await runCli('curation', ['import', file], { NEO4J_DATA_DIR: join(dir, 'neo4j') }).done;
    expect(code).toBe(2);
    expect(output).toContain('corrections[1].kind: unknown kind "foo"');
    expect(output).not.toMatch(/Neo4j|started/i);
  });
});
