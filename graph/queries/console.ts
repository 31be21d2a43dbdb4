// The analysts' Cypher, read-only by construction: a READ transaction with Neo4j's own timeout,
// EXPLAIN first and its plan inspected (./console-rules.ts), then the rows, capped.
import { StoreError, type Row } from '../db/store/index.ts';
import { canvasOf, elementsIn, entitiesByElementId, entityElementIds, userFunctions, type EntityEnd } from './console-cypher.ts';
import { checkPlan, checkQueryText, type Refusal } from './console-rules.ts';
import type { QueryContext } from './context.ts';
import { badInput, QueryError } from './errors.ts';
import type { CypherArgs, CypherResultView } from './views.ts';

export const CONSOLE_LIMITS = { queryLength: 10_000, maxRows: 5_000, timeoutMs: { min: 100, max: 10_000 } } as const;

/** What the console learns once: the database it reads, and the functions plugins added. */
interface Setup {
  database: string;
  functions: string[];
}

export function createConsole(context: QueryContext) {
  let setup: Promise<Setup> | undefined;
  const prepare = (): Promise<Setup> =>
    (setup ??= context.reader
      .read(async (tx) => {
        // The database a query lands on without USE is the configured one.
        const { database } = await tx.explain({ cypher: 'RETURN 1', params: {} });
        return { database: database ?? 'neo4j', functions: [] as string[] };
      })
      .then(async (known) => {
        const rows = await context.reader.rows(userFunctions()).catch(() => [] as Row[]);
        return { ...known, functions: rows.map((row) => String(row['name'])) };
      })
      .catch((error: unknown) => {
        setup = undefined;
        throw error;
      }));

  return {
    async cypher(args: CypherArgs): Promise<CypherResultView> {
      const { query, params, maxRows, timeoutMs } = validate(args);
      const { database, functions } = await prepare();
      const early = checkQueryText(query, database);
      if (early) throw refusalError(early);
      const statement = { cypher: query, params };
      let outcome: CypherResultView | Refusal;
      try {
        outcome = await context.reader.read(
          async (tx): Promise<CypherResultView | Refusal> => {
            const refusal = checkPlan(await tx.explain(statement), database, functions);
            if (refusal) return refusal;
            const started = performance.now();
            const records: Row[] = [];
            let truncated = false;
            const columns = await tx.until(statement, (row) => {
              if (records.length === maxRows) return !(truncated = true);
              records.push(row);
              return true;
            });
            const millis = Math.round(performance.now() - started);
            const rows = records.map((record) => columns.map((column) => record[column] ?? null));
            const found = elementsIn(rows);
            const elementIds = entityElementIds(found);
            const ends = new Map<string, EntityEnd>();
            if (elementIds.length > 0) {
              for (const row of await tx.rows(entitiesByElementId(elementIds))) {
                ends.set(String(row['elementId']), {
                  id: String(row['id']),
                  type: String(row['type']),
                  name: String(row['name'] ?? ''),
                  degree: Number(row['degree'] ?? 0),
                  confidence: typeof row['confidence'] === 'number' ? row['confidence'] : null,
                });
              }
            }
            return { columns, rows, rowCount: rows.length, truncated, ...canvasOf(found, ends), millis };
          },
          { timeoutMs },
        );
      } catch (error) {
        throw consoleError(error, timeoutMs);
      }
      if ('code' in outcome) throw refusalError(outcome);
      return outcome;
    },
  };
}

function refusalError(refusal: Refusal): QueryError {
  return new QueryError(refusal.code, refusal.message);
}

/** Neo4j's answer to a bad query as the API's codes; infrastructure failures pass unchanged. */
function consoleError(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof StoreError)) return error;
  if (error.kind === 'TIMEOUT') return new QueryError('TIMEOUT', `the query ran longer than ${timeoutMs} ms`);
  if (error.kind === 'READ_ONLY') return new QueryError('FORBIDDEN', `the console is read-only: ${firstLine(error.message)}`);
  if (error.kind === 'BAD_QUERY' || error.neo4jCode?.startsWith('Neo.ClientError.')) return badInput(firstLine(error.message));
  return error;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 500);
}

function validate(args: CypherArgs): CypherArgs {
  const { query, maxRows, timeoutMs } = args;
  const params: unknown = args.params ?? {};
  if (typeof query !== 'string' || query.trim() === '') throw badInput('query must be a Cypher statement');
  if (query.length > CONSOLE_LIMITS.queryLength)
    throw badInput(`query must be at most ${CONSOLE_LIMITS.queryLength.toLocaleString('en')} characters`);
  if (
    typeof params !== 'object' ||
    params === null ||
    Array.isArray(params) ||
    ![Object.prototype, null].includes(Object.getPrototypeOf(params))
  ) {
    throw badInput('params must be a JSON object');
  }
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > CONSOLE_LIMITS.maxRows) {
    throw badInput(`maxRows must be between 1 and ${CONSOLE_LIMITS.maxRows}`);
  }
  const { min, max } = CONSOLE_LIMITS.timeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs < min || timeoutMs > max) throw badInput(`timeoutMs must be between ${min} and ${max}`);
  return { query, params: params as Record<string, unknown>, maxRows, timeoutMs };
}
