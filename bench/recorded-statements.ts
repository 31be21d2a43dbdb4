// The raw side of the API benchmark: the statements a GraphQL request made the read side run,
// recorded on the way through, and replayed later straight on neo4j-driver — no query module, no
// GraphQL, no HTTP — so the two can be timed side by side on the same graph in the same run.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Reader, ReadTransaction, Statement, Store } from '../graph/index.ts';
import { withIntegers } from '../graph/db/store/reader.ts';

/**
 * Statements that ran at the same time (a DataLoader tick's batches): a request is a sequence of
 * waves, each waiting for the one before.
 */
export type Waves = Array<Array<Statement & { failed?: boolean }>>;

interface Entry {
  statement: Statement;
  issued: number;
  done: number;
  failed: boolean;
}

/** Groups statements into waves: one joins the current wave when it began before any of it ended. */
export function toWaves(entries: Entry[]): Waves {
  const waves: Waves = [];
  let firstDone = -Infinity;
  for (const entry of [...entries].sort((a, b) => a.issued - b.issued)) {
    if (waves.length > 0 && entry.issued < firstDone) {
      waves.at(-1)!.push(entry.failed ? { ...entry.statement, failed: true } : entry.statement);
      firstDone = Math.min(firstDone, entry.done);
    } else {
      waves.push([entry.failed ? { ...entry.statement, failed: true } : entry.statement]);
      firstDone = entry.done;
    }
  }
  return waves;
}

/**
 * The store with a reader that can record what it runs. Recording is off unless `record()` is
 * running, and only one request should be in flight while it is.
 */
export function recordingStore(store: Store) {
  let log: Entry[] | null = null;
  async function note<T>(statement: Statement, run: () => Promise<T>): Promise<T> {
    if (!log) return run();
    const entry: Entry = { statement, issued: performance.now(), done: Infinity, failed: false };
    log.push(entry);
    try {
      return await run();
    } catch (error) {
      entry.failed = true;
      throw error;
    } finally {
      entry.done = performance.now();
    }
  }
  const wrap = (tx: ReadTransaction): ReadTransaction => ({
    rows: (statement) => note(statement, () => tx.rows(statement)),
    each: (statement, onRow) => note(statement, () => tx.each(statement, onRow)),
    until: (statement, onRow) => note(statement, () => tx.until(statement, onRow)),
    explain: (statement) => tx.explain(statement),
  });
  const reader: Reader = {
    rows: (statement, options) => note(statement, () => store.reader.rows(statement, options)),
    read: (work, options) => store.reader.read((tx) => work(wrap(tx)), options),
  };
  return {
    store: { ...store, reader } satisfies Store,
    /** Runs `work` and returns what it returned with the statements it ran, as waves. */
    async record<T>(work: () => Promise<T>): Promise<{ result: T; waves: Waves }> {
      log = [];
      try {
        const result = await work();
        return { result, waves: toWaves(log) };
      } finally {
        log = null;
      }
    },
  };
}

/** A statement with its parameters already as the driver gets them. */
interface Prepared {
  cypher: string;
  params: Record<string, unknown>;
  /** It failed when recorded (a probe for an optional procedure): its failure is expected again. */
  failed: boolean;
}

/** Replays recorded statements on a driver of its own, each in its own READ transaction. */
export function rawReplayer(uri: string, database: string) {
  const driver: Driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
  const prepare = (waves: Waves): Prepared[][] =>
    waves.map((wave) =>
      wave.map((s) => ({ cypher: s.cypher, params: withIntegers(s.params) as Record<string, unknown>, failed: s.failed === true })),
    );
  async function run(statement: Prepared): Promise<number> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(statement.cypher, statement.params));
      return result.records.length;
    } catch (error) {
      if (statement.failed) return 0;
      throw error;
    } finally {
      await session.close();
    }
  }
  return {
    driver,
    prepare,
    /** Runs the waves in order, each wave's statements at once. */
    async replay(waves: Prepared[][]): Promise<void> {
      for (const wave of waves) await Promise.all(wave.map(run));
    },
    /** PROFILE of one statement: its operators, with rows and database hits. */
    async profile(statement: Prepared): Promise<ProfileLine[]> {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(`PROFILE ${statement.cypher}`, statement.params));
        const lines: ProfileLine[] = [];
        const walk = (plan: ProfiledPlanLike, depth: number) => {
          lines.push({
            depth,
            operator: plan.operatorType,
            rows: Number(plan.rows),
            dbHits: Number(plan.dbHits),
            details: String(plan.arguments?.['Details'] ?? ''),
            time: Number(plan.arguments?.['Time'] ?? 0),
          });
          for (const child of plan.children) walk(child, depth + 1);
        };
        if (result.summary.profile) walk(result.summary.profile as unknown as ProfiledPlanLike, 0);
        return lines;
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}

export type Prepared2D = Prepared[][];

interface ProfiledPlanLike {
  operatorType: string;
  rows: number;
  dbHits: number;
  arguments?: Record<string, unknown>;
  children: ProfiledPlanLike[];
}

export interface ProfileLine {
  depth: number;
  operator: string;
  rows: number;
  dbHits: number;
  details: string;
  /** Nanoseconds, when Neo4j reports it. */
  time: number;
}
