// The analysts' console against a real Neo4j holding the seeds: every way of writing, reading
// files or administering through it is refused with a clear error and leaves the store exactly as
// it was; long and large queries are bounded; ordinary reads give rows and a canvas.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QueryError, type CypherArgs } from '../../graph/index.ts';
import { extractSeeds } from '../support/seeds.ts';
import { loadedGraph } from '../support/loaded-graph.ts';

const graph = loadedGraph(extractSeeds);

const run = (query: string, more: Partial<CypherArgs> = {}) =>
  graph.queries.cypher({ query, params: {}, maxRows: 5000, timeoutMs: 10_000, ...more });

/** Everything the graph holds, labels, properties and schema included, as counts and one hash. */
async function snapshot() {
  const read = (cypher: string) => graph.store.writeStatement({ cypher, params: {} });
  const nodes = await read('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id');
  const relationships = await read('MATCH ()-[r]->() RETURN elementId(r) AS id, type(r) AS type, properties(r) AS properties ORDER BY id');
  const indexes = await read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
  const constraints = await read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  const labels = await read('CALL db.labels() YIELD label RETURN label ORDER BY label');
  const hash = createHash('sha256').update(JSON.stringify({ nodes, relationships, indexes, constraints, labels })).digest('hex');
  return { nodes: nodes.length, relationships: relationships.length, hash };
}

async function refusal(query: string, params: Record<string, unknown> = {}) {
  const error = await run(query, { params }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${query} was run`).toBeInstanceOf(QueryError);
  return error as QueryError;
}

const ATTACKS: Array<[name: string, query: string, code: string, message: RegExp]> = [
  ['CREATE', 'CREATE (n:Hacked {x: 1}) RETURN n', 'FORBIDDEN', /read-only.*Create/],
  ['MERGE', "MERGE (n:Entity {id: 'Program:新'}) RETURN n", 'FORBIDDEN', /read-only.*Merge/],
  ['SET', "MATCH (e:Entity) SET e.name = 'x'", 'FORBIDDEN', /read-only.*Set/],
  ['DELETE', 'MATCH ()-[r:IMPLEMENTS]->() DELETE r', 'FORBIDDEN', /read-only.*Delete/],
  ['REMOVE', 'MATCH (e:Entity) REMOVE e:Entity', 'FORBIDDEN', /read-only.*Remove/],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', 'FORBIDDEN', /read-only.*DetachDelete/],
  ['FOREACH', 'MATCH (e:Entity) WITH collect(e) AS es FOREACH (e IN es | SET e.x = 1)', 'FORBIDDEN', /read-only.*Foreach/],
  ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'FORBIDDEN', /LOAD CSV is not allowed/],
  ['LOAD CSV, split by a comment', "LOAD/**/CSV FROM 'file:///etc/passwd' AS line RETURN line", 'FORBIDDEN', /LOAD CSV is not allowed/],
  [
    'CALL IN TRANSACTIONS',
    'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    'FORBIDDEN',
    /IN TRANSACTIONS is not allowed/,
  ],
  ['a write procedure', "CALL db.createLabel('X')", 'FORBIDDEN', /procedure db\.createLabel is not allowed/],
  [
    'a config procedure',
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    'FORBIDDEN',
    /procedure dbms\.setConfigValue is not allowed/,
  ],
  [
    'an index procedure',
    "CALL db.index.fulltext.createNodeIndex('x', ['Entity'], ['name'])",
    'FORBIDDEN',
    /procedure db\.index\.fulltext\.createNodeIndex is not allowed/,
  ],
  ['killing queries', "CALL dbms.killQueries(['query-1'])", 'FORBIDDEN', /procedure dbms\.killQueries is not allowed/],
  ['a procedure in backticks', "CALL `db`.`createLabel`('X')", 'FORBIDDEN', /procedure db\.createLabel is not allowed/],
  [
    'a procedure after a read',
    "MATCH (n) WITH count(n) AS c CALL db.createLabel('X') RETURN c",
    'FORBIDDEN',
    /procedure db\.createLabel is not allowed/,
  ],
  ['CREATE INDEX', 'CREATE INDEX hacked FOR (n:Entity) ON (n.x)', 'FORBIDDEN', /read-only.*CreateIndex/],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id', 'FORBIDDEN', /read-only.*DropConstraint/],
  ['SHOW (admin)', 'SHOW INDEXES', 'FORBIDDEN', /read-only.*ShowIndexes/],
  ['TERMINATE', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'FORBIDDEN', /read-only.*TerminateTransactions/],
  ['USE system', 'USE system SHOW USERS', 'FORBIDDEN', /USE system: the console reads the database "neo4j" only/],
  ['USE system, read', 'USE system MATCH (n) RETURN n', 'FORBIDDEN', /USE system/],
  ['several statements', 'MATCH (n) RETURN count(n); CREATE (m:Hacked)', 'BAD_USER_INPUT', /one statement at a time/],
  ['a comment hiding a write', 'MATCH (n) /* harmless */ CREATE (m:Hacked) RETURN m', 'FORBIDDEN', /read-only.*Create/],
  ['a line comment before a write', 'MATCH (n) // just reading\n CREATE (m:Hacked)', 'FORBIDDEN', /read-only.*Create/],
  ['a comment hiding a semicolon', 'RETURN 1 /* ; */ ; CREATE (m:Hacked)', 'BAD_USER_INPUT', /one statement at a time/],
  ['mixed case', 'cReAtE (n:Hacked)', 'FORBIDDEN', /read-only.*Create/],
  ['tabs and newlines', 'MATCH (n)\t\n\tWITH n LIMIT 1\n\t\tSET\tn.hacked\t=\t1', 'FORBIDDEN', /read-only.*Set/],
  ['a write after UNION', 'RETURN 1 AS x UNION MATCH (n) CREATE (m:Hacked) RETURN 1 AS x', 'FORBIDDEN', /read-only.*Create/],
  ['a write in a subquery', 'MATCH (n) CALL { WITH n SET n.hacked = 1 } RETURN count(n)', 'FORBIDDEN', /read-only.*Set/],
  ['full-width letters', 'ＣＲＥＡＴＥ (n:Hacked)', 'BAD_USER_INPUT', /Invalid input/],
  ['full-width semicolon', 'RETURN 1； CREATE (n:Hacked)', 'BAD_USER_INPUT', /Invalid input|expected/i],
];

describe('the console refuses every way to write, read files or administer', () => {
  it.each(ATTACKS)('%s', async (_name, query, code, message) => {
    const before = await snapshot();
    const error = await refusal(query);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('treats parameters as data, never as code', async () => {
    const before = await snapshot();
    const inject = "x'}) CREATE (x:Hacked) WITH x MATCH (e {id: 'y";
    const result = await run('MATCH (e:Entity {id: $id}) RETURN e.name AS name UNION RETURN $id AS name', { params: { id: inject } });
    expect(result.rows).toEqual([[inject]]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses params that are not a JSON object, and out-of-range limits', async () => {
    for (const params of [[1, 2], 'x', 3]) {
      await expect(
        graph.queries.cypher({ query: 'RETURN 1', params: params as never, maxRows: 10, timeoutMs: 1000 }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'params must be a JSON object',
      });
    }
    await expect(run('RETURN 1', { maxRows: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'maxRows must be between 1 and 5000',
    });
    await expect(run('RETURN 1', { timeoutMs: 50 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'timeoutMs must be between 100 and 10000',
    });
    await expect(run(`RETURN 1 ${' '.repeat(10_000)}`)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'query must be at most 10,000 characters',
    });
  });
});

describe('the console bounds what it runs', () => {
  it('stops a long query with TIMEOUT close to its time limit', async () => {
    const started = performance.now();
    const error = await run('UNWIND range(1, 1000000000) AS x RETURN sum(x)', { timeoutMs: 1000 }).then(
      () => null,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'the query ran longer than 1000 ms' });
    expect(elapsed).toBeLessThan(5000);
  });

  it('cuts a huge result at maxRows and says so', async () => {
    const result = await run('UNWIND range(1, 100000) AS x RETURN x', { maxRows: 5000 });
    expect(result.rowCount).toBe(5000);
    expect(result.rows.at(-1)).toEqual([5000]);
    expect(result.truncated).toBe(true);
    const whole = await run('UNWIND range(1, 10) AS x RETURN x', { maxRows: 10 });
    expect(whole).toMatchObject({ rowCount: 10, truncated: false });
  });
});

describe('the console reads', () => {
  it('returns rows, and the entities and relations among them for a canvas', async () => {
    const result = await run('MATCH (a:Entity)-[r:IMPLEMENTS]->(p:Entity) RETURN a, r, p.name AS program ORDER BY r.id LIMIT 5');
    expect(result.columns).toEqual(['a', 'r', 'program']);
    expect(result.rowCount).toBe(5);
    expect(result.rows[0]![0]).toMatchObject({ kind: 'node', labels: expect.arrayContaining(['Entity']) });
    expect(result.edges).toHaveLength(5);
    const ids = new Set(result.nodes.map((n) => n.id));
    for (const edge of result.edges) {
      expect(edge).toMatchObject({ type: 'IMPLEMENTS', directed: true });
      // The programs' nodes were not returned, yet the canvas knows them by the relation's ends.
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
    for (const node of result.nodes) expect(node).toMatchObject({ depth: 0, hidden: [], hiddenTotal: 0, degree: expect.any(Number) });
    expect(Math.max(...result.nodes.map((n) => n.degree))).toBeGreaterThan(0);
    expect(result.millis).toBeGreaterThanOrEqual(0);
  });

  it('returns paths as plain objects', async () => {
    const result = await run('MATCH p = (:Entity)-[:LOCATED_IN]->(:Entity) RETURN p LIMIT 1');
    expect(result.rows[0]![0]).toMatchObject({ kind: 'path', nodes: expect.any(Array), relationships: expect.any(Array) });
    expect(result.edges).toHaveLength(1);
    expect(result.nodes).toHaveLength(2);
  });

  it('runs the allowed procedures', async () => {
    const labels = await run('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.rows.flat()).toContain('Entity');
    const found = await run(
      "CALL db.index.fulltext.queryNodes('entity_names', '龙湾区') YIELD node, score RETURN node.name AS name LIMIT 3",
    );
    expect(found.rows.flat()).toContain('龙湾区');
    const schema = await run('call db.schema.visualization()');
    expect(schema.columns).toEqual(['nodes', 'relationships']);
  });

  it('accepts a trailing semicolon and a USE of its own database', async () => {
    expect((await run('MATCH (d:SourceDocument) RETURN count(d) AS n;')).rows).toEqual([[5]]);
    expect((await run('USE neo4j MATCH (d:SourceDocument) RETURN count(d) AS n')).rows).toEqual([[5]]);
  });

  it("reports a syntax error as BAD_USER_INPUT with Neo4j's message", async () => {
    await expect(run('MATCH (n RETURN n')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/Invalid input/),
    });
  });
});
