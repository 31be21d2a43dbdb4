// Answers to repeated reads, kept as the JSON sent the first time. A reader asks the same views
// over and over (an entity, its neighbourhood, a path) while the graph rarely changes, so an answer
// holds until the graph version changes (a load by this server or another process, seen within the
// version poll) or any mutation runs through this server, whatever it writes. Only root fields that
// read the graph alone are cached: live state (health) and the console (whose Cypher may call rand()
// or timestamp()) are not, nor any field added later until it is listed here.
import { getOperationAST, print, type DocumentNode, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Root query fields whose answers follow from the graph alone. */
export const CACHED_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'search',
  'entity',
  'entities',
  'relation',
  'neighborhood',
  'paths',
  'documents',
  'document',
  'stats',
]);

export interface ResponseCacheOptions {
  /** Characters of JSON kept in all (0 turns the cache off). */
  maxCharacters: number;
  /** The graph version now: answers read at another are not served. */
  graphVersion: () => Promise<number>;
}

/** A result whose JSON is already written: yoga sends what `stringify` returns. */
type Serializable = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/** An answer larger than this share of the cache is sent but not kept. */
const LARGEST_SHARE = 0.1;

/** The response cache as a yoga plugin, with its counters (for tests and benchmarks). */
export function useResponseCache({ maxCharacters, graphVersion }: ResponseCacheOptions) {
  // Least recently used first: a Map keeps insertion order, and a hit is moved to the end.
  const entries = new Map<string, string>();
  const documents = new WeakMap<DocumentNode, string>();
  let characters = 0;
  let version: number | undefined;
  /** Bumped after every mutation: answers read before it are not kept. */
  let generation = 0;
  const counters = { hits: 0, misses: 0 };

  const clear = () => {
    entries.clear();
    characters = 0;
  };
  const keep = (key: string, body: string) => {
    if (body.length > maxCharacters * LARGEST_SHARE || entries.has(key)) return;
    entries.set(key, body);
    characters += body.length;
    for (const [oldest, held] of entries) {
      if (characters <= maxCharacters) break;
      entries.delete(oldest);
      characters -= held.length;
    }
  };
  const sourceOf = (document: DocumentNode) => documents.get(document) ?? documents.set(document, print(document)).get(document)!;

  const plugin: Plugin = {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      if (operation.operation === 'mutation') {
        // Whatever it wrote, answers read before it are gone.
        return {
          onExecuteDone() {
            generation++;
            clear();
          },
        };
      }
      if (maxCharacters <= 0 || operation.operation !== 'query' || !graphOnly(operation)) return;
      let now: number;
      try {
        now = await graphVersion();
      } catch {
        // The database is out of reach: the request runs and says so (UNAVAILABLE), uncached.
        return;
      }
      if (now !== version) {
        clear();
        version = now;
      }
      const started = generation;
      const key = `${now}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${sourceOf(args.document)}`;
      const body = entries.get(key);
      if (body !== undefined) {
        counters.hits++;
        entries.delete(key);
        entries.set(key, body);
        // The JSON as sent before; `data` is not read again past this point, only `stringify`.
        setResultAndStopExecution({ data: {}, stringify: () => body } as Serializable);
        return;
      }
      counters.misses++;
      return {
        onExecuteDone({ result }) {
          if (!isSingle(result) || result.errors?.length) return;
          // Kept as it is written for the response: the result is walked once.
          const write = result.stringify ?? JSON.stringify;
          result.stringify = (value) => {
            const json = write(value);
            if (generation === started && version === now) keep(key, json);
            return json;
          };
        },
      };
    },
  };
  return {
    plugin,
    counters,
    /** Characters held now. */
    size: () => characters,
  };
}

function graphOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === 'Field' && (CACHED_ROOT_FIELDS.has(selection.name.value) || selection.name.value === '__typename'),
  );
}

function isSingle(result: unknown): result is Serializable {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
