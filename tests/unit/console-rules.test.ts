import { describe, expect, it } from 'vitest';
import { canvasOf, elementsIn, entityElementIds } from '../../graph/queries/console-cypher.ts';
import { checkPlan, checkQueryText, codeOf } from '../../graph/queries/console-rules.ts';
import type { PlanOperator } from '../../graph/db/store/index.ts';

const op = (operatorType: string, details?: string, ...children: PlanOperator[]): PlanOperator => ({
  operatorType,
  arguments: details === undefined ? {} : { Details: details },
  children,
});

describe('codeOf', () => {
  it('blanks comments and string contents, keeps backticked names', () => {
    expect(codeOf("MATCH (n) /* CREATE */ WHERE n.x = 'a;b' // DELETE\nRETURN `db`.x")).toBe("MATCH (n)   WHERE n.x = ''  \nRETURN db.x");
    expect(codeOf('RETURN "it\\"s ; here"')).toBe('RETURN ""');
  });
});

describe('checkQueryText', () => {
  const check = (query: string) => checkQueryText(query, 'neo4j');
  it('lets one read through, a trailing semicolon included', () => {
    expect(check("MATCH (n {name: 'a;b'}) RETURN n;")).toBeNull();
    expect(check('USE neo4j MATCH (n) RETURN n')).toBeNull();
    expect(check('CALL db.labels() YIELD label RETURN label')).toBeNull();
    expect(check('MATCH (n) CALL { WITH n RETURN n.x AS x } RETURN x')).toBeNull();
    expect(check('WITH [1] AS transactions UNWIND transactions AS t RETURN t')).toBeNull();
  });
  it('refuses several statements, LOAD CSV, own transactions, other databases and unlisted procedures', () => {
    expect(check('RETURN 1; RETURN 2')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(check('RETURN 1 /* x */ ;; ')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(check("load\n csv from 'file:///etc/passwd' AS l RETURN l")).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('LOAD CSV'),
    });
    expect(check('MATCH (n) CALL { WITH n DELETE n } in 3 concurrent transactions')).toMatchObject({ code: 'FORBIDDEN' });
    expect(check('use system SHOW USERS')?.message).toBe('USE system: the console reads the database "neo4j" only');
    expect(check('CALL { USE other MATCH (n) RETURN n } RETURN 1')).toMatchObject({ code: 'FORBIDDEN' });
    expect(check("CALL db . createLabel('X')")?.message).toMatch(/^procedure db\.createLabel is not allowed/);
    expect(check('call `apoc`.`cypher`.`runWrite`("CREATE ()", {})')?.message).toMatch(/^procedure apoc\.cypher\.runWrite is not allowed/);
  });
  it('is not fooled by what a comment or a string says', () => {
    expect(check("RETURN '; CALL db.createLabel(1)' AS x")).toBeNull();
    expect(check('RETURN 1 // ; LOAD CSV')).toBeNull();
  });
});

describe('checkPlan', () => {
  const read = (plan: PlanOperator, queryType = 'r', database = 'neo4j') => checkPlan({ queryType, database, plan }, 'neo4j', ['my.fn']);
  it('passes read plans and allowed procedures', () => {
    expect(read(op('ProduceResults', 'n', op('Filter', 'n.x = 1', op('AllNodesScan', 'n'))))).toBeNull();
    expect(read(op('ProduceResults', 'label', op('ProcedureCall', 'db.labels() :: (label :: STRING)')))).toBeNull();
    expect(read(op('ProduceResults', 'x', op('Sort', 'x ASC', op('StatefulShortestPath', 'p'))))).toBeNull();
  });
  it('refuses writes anywhere in the plan, whatever the query type says', () => {
    const deep = op('ProduceResults', undefined, op('Apply', undefined, op('AllNodesScan', 'n'), op('SetProperty', 'n.x = 1')));
    expect(read(deep)?.message).toBe("the console is read-only: the query's plan has a SetProperty step");
    for (const name of [
      'Create',
      'Merge',
      'DeleteNode',
      'DetachDeleteNode',
      'RemoveLabels',
      'Foreach',
      'LoadCSV',
      'TransactionForeach',
      'ShowIndexes',
      'TerminateTransactions',
      'CreateIndex',
      'DropConstraint',
    ]) {
      expect(read(op('ProduceResults', undefined, op(name)))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
  it('refuses unlisted procedures, user functions, other query types and other databases', () => {
    expect(read(op('ProcedureCall', 'db.createLabel($autostring_0) :: ()'))?.message).toMatch(/^procedure db\.createLabel is not allowed/);
    expect(read(op('Projection', 'my.fn(n) AS x'))?.message).toBe(
      'function my.fn is not allowed in the console (only built-in functions are)',
    );
    expect(read(op('ProduceResults'), 'rw')).toMatchObject({ code: 'FORBIDDEN' });
    expect(read(op('ProduceResults'), 's')).toMatchObject({ code: 'FORBIDDEN' });
    expect(read(op('ProduceResults'), 'r', 'system')?.message).toMatch(/database "system"/);
  });
});

describe('canvasOf', () => {
  const node = (elementId: string, id: string, labels = ['Entity', 'District']) => ({
    kind: 'node',
    elementId,
    labels,
    properties: { id },
  });
  it('finds entities and relations in nested cells and names edges by entity ids', () => {
    const rel = {
      kind: 'relationship',
      elementId: 'r1',
      type: 'IMPLEMENTS',
      startElementId: 'a',
      endElementId: 'b',
      properties: { id: 'IMPLEMENTS:x', weight: 2 },
    };
    const mention = { kind: 'relationship', elementId: 'r2', type: 'MENTIONED_IN', startElementId: 'a', endElementId: 'd', properties: {} };
    const found = elementsIn([
      [{ list: [node('a', 'District:甲')] }, rel, mention, { kind: 'node', elementId: 'd', labels: ['SourceDocument'], properties: {} }],
    ]);
    expect(entityElementIds(found).sort()).toEqual(['a', 'b']);
    const ends = new Map([
      ['a', { id: 'District:甲', type: 'District', name: '甲', degree: 3, confidence: 0.9 }],
      ['b', { id: 'Program:乙', type: 'Program', name: '乙', degree: 1, confidence: null }],
    ]);
    const canvas = canvasOf(found, ends);
    expect(canvas.nodes.map((n) => [n.id, n.confidence])).toEqual([
      ['District:甲', 0.9],
      ['Program:乙', null],
    ]);
    expect(canvas.edges).toEqual([
      { id: 'IMPLEMENTS:x', type: 'IMPLEMENTS', source: 'District:甲', target: 'Program:乙', weight: 2, confidence: null, directed: true },
    ]);
  });
});
