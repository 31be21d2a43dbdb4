// The app factory: GraphQL at /graphql and the built web app at every other path. It opens no
// port and reads no environment, so tests can call `app.yoga.fetch(...)` or serve `app.handle`.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import { createQueries, type GraphStatus, type Queries, type Store } from '../graph/index.ts';
import { DEFAULT_LIMITS, DEFAULT_RESPONSE_CACHE_MB, type EditorToken, type RequestLimits, type ServerConfig } from './config.ts';
import type { Context, Writer } from './context.ts';
import { maskError } from './errors.ts';
import { GRAPHIQL_TABS } from './graphiql-examples.ts';
import { route, staticFiles } from './http.ts';
import { createLoaders } from './loaders.ts';
import { useResponseCache } from './response-cache.ts';
import { resolvers } from './resolvers/index.ts';
import { createWriter } from './writer.ts';

/** The contract, one SDL file per area, listed here rather than found by glob. */
const SCHEMA_FILES = [
  'base',
  'search',
  'entities',
  'exploration',
  'documents',
  'analytics',
  'console',
  'ingest',
  'diffusion',
  'views',
  'curation',
];

export function loadTypeDefs(): string[] {
  return SCHEMA_FILES.map((name) => readFileSync(new URL(`./schema/${name}.graphql`, import.meta.url), 'utf8'));
}

export interface AppOptions {
  graph: Store;
  config: Pick<ServerConfig, 'webDir'> &
    Partial<Pick<ServerConfig, 'ingestToken' | 'editors' | 'corsOrigins' | 'limits' | 'responseCacheMB'>> & {
      /** Derived data kept between runs (the village register), for ingestion through the API. */
      cacheDir?: string;
      /** Largest report the ingest mutation takes (the graph's MAX_DOCUMENT_BYTES). */
      maxDocumentBytes?: number;
    };
  /** The read side; made from `graph` when not given. */
  queries?: Queries;
  /** The write side; made from `graph` when not given. */
  writer?: Writer;
  /** The connection's state, for `health` (GraphConnection.status). */
  graphStatus?: () => GraphStatus;
}

/** The names of the schema's fields that return the JSON scalar (console rows, a saved view's state). */
function jsonFieldNames(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type)) continue;
    for (const field of Object.values((type as { getFields(): Record<string, { name: string; type: unknown }> }).getFields())) {
      let inner = field.type as { ofType?: unknown; name?: string };
      while (inner.ofType) inner = inner.ofType as { ofType?: unknown; name?: string };
      if (inner.name === 'JSON') names.add(field.name);
    }
  }
  return names;
}

const jsonReaders = new WeakMap<DocumentNode, boolean>();
/**
 * True when an operation of the document selects a field of the JSON scalar, by name: such values
 * have no shape a compiled serializer could follow. (Read by walking the syntax alone: the schema's
 * classes may come from another copy of graphql than this module's.)
 */
function selectsJson(names: ReadonlySet<string>, document: DocumentNode): boolean {
  let reads = jsonReaders.get(document);
  if (reads === undefined) {
    reads = false;
    visit(document, {
      Field(field) {
        if (names.has(field.name.value)) reads = true;
      },
    });
    jsonReaders.set(document, reads);
  }
  return reads;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const bearer = (header: string | null) => (header ? (/^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? null) : null);

/** Compares a presented token with the configured one in constant time. */
function tokenMatches(header: string | null, token: string | undefined): boolean {
  const presented = bearer(header);
  if (!token || !presented) return false;
  return timingSafeEqual(digest(presented), digest(token));
}

/** The editor whose token was presented, comparing with every editor's in constant time. */
function editorOf(header: string | null, editors: readonly EditorToken[]): string | null {
  const presented = bearer(header);
  if (!presented) return null;
  const mine = digest(presented);
  let found: string | null = null;
  for (const { editor, token } of editors) if (timingSafeEqual(mine, digest(token)) && found === null) found = editor;
  return found;
}

export function createServer({ graph, config, queries: given, writer: givenWriter, graphStatus }: AppOptions) {
  const limits: RequestLimits = config.limits ?? DEFAULT_LIMITS;
  const queries = given ?? createQueries(graph);
  const writer = givenWriter ?? createWriter(graph, queries, { cacheDir: config.cacheDir, maxDocumentBytes: config.maxDocumentBytes });
  const schema = makeExecutableSchema<Context>({ typeDefs: loadTypeDefs(), resolvers });
  const jsonFields = jsonFieldNames(schema);
  const responseCache = useResponseCache({
    maxCharacters: (config.responseCacheMB ?? DEFAULT_RESPONSE_CACHE_MB) * 1024 * 1024,
    graphVersion: queries.graphVersion,
  });
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => {
      const authorization = request.headers.get('authorization');
      // An editor may also add and remove reports; the ingest token cannot correct (it names no one).
      const editor = editorOf(authorization, config.editors ?? []);
      return {
        queries,
        store: graph,
        writer,
        loaders: createLoaders(queries),
        canWrite: editor !== null || tokenMatches(authorization, config.ingestToken),
        writesConfigured: config.ingestToken !== undefined || (config.editors?.length ?? 0) > 0,
        editor,
        editorsConfigured: (config.editors?.length ?? 0) > 0,
        graphStatus,
      };
    },
    // Expected errors keep their code; anything else reaches the client as "Unexpected error.".
    maskedErrors: { maskError },
    // Same-origin only unless origins are configured.
    cors: config.corsOrigins?.length ? { origin: config.corsOrigins, credentials: false, methods: ['GET', 'POST'] } : false,
    batching: { limit: limits.maxBatch },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
        maxAliases: { n: limits.maxAliases, exposeLimits: true },
        costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true },
        maxTokens: { n: limits.maxTokens, exposeLimits: true },
        maxDirectives: { n: 20, exposeLimits: true },
        blockFieldSuggestion: { enabled: false },
      }),
      responseCache.plugin,
      // Each operation compiled once to a plain function and its JSON written by a writer compiled
      // for its shape (fast-json-stringify): graphql-js interprets the query anew for every object
      // of a 500-node neighbourhood. Values of the JSON scalar (console rows, a saved view's state)
      // have no shape to compile.
      useGraphQlJit({ customJSONSerializer: true }, { enableIf: ({ document }) => !selectsJson(jsonFields, document) }),
      useGraphQlJit({}, { enableIf: ({ document }) => selectsJson(jsonFields, document) }),
    ],
    // GraphiQL bundled with the server (the default page loads it from a CDN an offline machine
    // cannot reach), opening on example queries.
    renderGraphiQL,
    graphiql: { title: 'Zhejiang Policy Graph · GraphQL', defaultTabs: GRAPHIQL_TABS, defaultQuery: GRAPHIQL_TABS[0]!.query },
    logging: 'warn',
  });

  const handle = route(yoga, staticFiles(config.webDir), limits.maxBodyBytes);
  return { yoga, handle, queries, responseCache, close: () => queries.close() };
}
