// Read-only access for the query side (graph/queries/): statements run in READ transactions
// (`executeRead`, so a cluster or Aura routes them to its readers) and come back as plain data.
// Graph elements become plain objects, temporal values ISO strings: no driver type gets past here.
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Driver,
  type ManagedTransaction,
} from 'neo4j-driver';
import type { Statement } from './cypher.ts';
import { toStoreError } from './errors.ts';

export type Row = Record<string, unknown>;

/** A node as plain data (what an analyst's query returns for a node). */
export interface PlainNode {
  kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

/** A relationship as plain data. */
export interface PlainRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}

/** A path as plain data: its nodes and relationships in order. */
export interface PlainPath {
  kind: 'path';
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

/** One operator of a query plan, as plain data (EXPLAIN's plan, driver types left behind). */
export interface PlanOperator {
  /** Without the runtime suffix: `ProcedureCall`, not `ProcedureCall@neo4j`. */
  operatorType: string;
  /** The operator's arguments, each stringified (`Details` names procedures, functions, labels). */
  arguments: Record<string, string>;
  children: PlanOperator[];
}

/** What EXPLAIN tells about a statement without running it. */
export interface ExplainedStatement {
  /** 'r' read only, 'rw' read and write, 'w' write only, 's' schema write. */
  queryType: string;
  /** The database the statement would run against (a `USE` clause changes it). */
  database: string | null;
  plan: PlanOperator | null;
}

export interface ReadOptions {
  /** Transaction timeout enforced by Neo4j. */
  timeoutMs?: number;
}

/** Runs statements inside one read transaction. */
export interface ReadTransaction {
  rows(statement: Statement): Promise<Row[]>;
  /** Streams a statement's rows to `onRow` without holding them all (whole-graph reads). */
  each(statement: Statement, onRow: (row: Row) => void): Promise<void>;
  /**
   * Streams rows until `onRow` returns false; the rest of the result is discarded on the server.
   * Resolves with the result's columns.
   */
  until(statement: Statement, onRow: (row: Row) => boolean): Promise<string[]>;
  /** EXPLAINs a statement (prefixed here) in this transaction: its plan, nothing run. */
  explain(statement: Statement): Promise<ExplainedStatement>;
}

export interface Reader {
  /** One statement in its own read transaction. */
  rows(statement: Statement, options?: ReadOptions): Promise<Row[]>;
  /** Several statements in one read transaction (one consistent snapshot). */
  read<T>(work: (tx: ReadTransaction) => Promise<T>, options?: ReadOptions): Promise<T>;
}

export function createReader(driver: Driver, database: string): Reader {
  async function read<T>(work: (tx: ReadTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => work(wrap(tx)), options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    } catch (error) {
      throw toStoreError(error);
    } finally {
      await session.close();
    }
  }
  return {
    read,
    rows: (statement, options) => read((tx) => tx.rows(statement), options),
  };
}

function wrap(tx: ManagedTransaction): ReadTransaction {
  return {
    async rows(statement) {
      const result = await tx.run(statement.cypher, withIntegers(statement.params) as Record<string, unknown>);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    },
    each(statement, onRow) {
      return new Promise<void>((resolve, reject) => {
        tx.run(statement.cypher, withIntegers(statement.params) as Record<string, unknown>).subscribe({
          onNext: (record) => onRow(toPlain(record.toObject()) as Row),
          onCompleted: () => resolve(),
          onError: reject,
        });
      });
    },
    async until(statement, onRow) {
      const result = tx.run(statement.cypher, withIntegers(statement.params) as Record<string, unknown>);
      const columns = [...(await result.keys())];
      for await (const record of result) if (!onRow(toPlain(record.toObject()) as Row)) break;
      return columns;
    },
    async explain(statement) {
      const result = await tx.run(`EXPLAIN ${statement.cypher}`, withIntegers(statement.params) as Record<string, unknown>);
      const { summary } = result;
      return {
        queryType: String(summary.queryType),
        database: summary.database.name ?? null,
        plan: summary.hasPlan() ? planOf(summary.plan as PlanLike) : null,
      };
    },
  };
}

interface PlanLike {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanLike[];
}

function planOf(plan: PlanLike): PlanOperator {
  const args: Record<string, string> = {};
  for (const [key, value] of Object.entries(plan.arguments ?? {})) {
    const plain = toPlain(value);
    args[key] = typeof plain === 'string' ? plain : JSON.stringify(plain);
  }
  return { operatorType: plan.operatorType.replace(/@\w+$/, ''), arguments: args, children: (plan.children ?? []).map(planOf) };
}

/** Turns whatever the driver returns into JSON-safe plain data. */
/**
 * A list as plain data: the list itself when every element already is (most lists are numbers and
 * strings), so that a large result is not copied element by element.
 */
function plainList(list: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    const plain =
      value !== null && (typeof value === 'object' || typeof value === 'bigint' || value === undefined) ? toPlain(value) : value;
    if (copy) copy.push(plain);
    else if (plain !== value) copy = [...list.slice(0, i), plain];
  }
  return copy ?? list;
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) return plainList(value);
  if (isNode(value)) {
    return {
      kind: 'node',
      elementId: value.elementId,
      labels: [...value.labels],
      properties: toPlain(value.properties) as Record<string, unknown>,
    } satisfies PlainNode;
  }
  if (isRelationship(value)) {
    return {
      kind: 'relationship',
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      properties: toPlain(value.properties) as Record<string, unknown>,
    } satisfies PlainRelationship;
  }
  if (isPath(value)) {
    const nodes = [toPlain(value.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const segment of value.segments) {
      relationships.push(toPlain(segment.relationship) as PlainRelationship);
      nodes.push(toPlain(segment.end) as PlainNode);
    }
    return { kind: 'path', nodes, relationships } satisfies PlainPath;
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value) ||
    isPoint(value)
  ) {
    return value.toString();
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
  return out;
}

/**
 * JavaScript numbers reach Neo4j as floats; whole numbers (offsets, counts, LIMITs) are sent
 * as Neo4j integers instead, so they compare, sort and page as integers.
 */
export function withIntegers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(withIntegers);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = withIntegers(inner);
    return out;
  }
  return value;
}
