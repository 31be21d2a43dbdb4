// One bounded load run against the app's /graphql with autocannon: loopback only, at most 200
// clients, for a time (at most 10 minutes) or a number of requests (at most 100,000), every
// request a POST of one of the given bodies in turn. A reply counts
// as an error when it is not HTTP 2xx or when its JSON carries GraphQL errors or no data.
import autocannon from 'autocannon';
import { ENTITY, NEIGHBORHOOD, SEARCH } from './api-queries.ts';
import { drawSamples } from './api-samples.ts';
import type { ExtractionExport } from '../graph/index.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LoadOptions {
  /** The app's address, e.g. http://127.0.0.1:4180. */
  base: string;
  clients: number;
  /** How long the run lasts… */
  seconds?: number;
  /** …or how many requests it makes in all (then it lasts as long as they take). */
  requests?: number;
  /** Seconds a request may take before it counts as a timeout (10 by default). */
  timeoutSeconds?: number;
  /** JSON request bodies, sent in turn. */
  bodies: string[];
}

export interface LoadFigures {
  requests: number;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx replies with GraphQL errors or without data. */
  graphqlErrors: number;
}

/** True for a GraphQL reply with data and no errors. */
function answered(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return parsed.data != null && !parsed.errors?.length;
  } catch {
    return false;
  }
}

export async function runLoad({ base, clients, seconds, requests, timeoutSeconds = 10, bodies }: LoadOptions): Promise<LoadFigures> {
  const url = new URL('/graphql', base);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`the load test runs against loopback only, not ${url.hostname}`);
  if (!(clients >= 1 && clients <= 200)) throw new Error('clients must be 1 to 200');
  if (requests !== undefined ? !(requests >= clients && requests <= 100_000) : !(seconds !== undefined && seconds >= 1 && seconds <= 600)) {
    throw new Error('give seconds (1 to 600) or requests (clients to 100,000)');
  }
  if (bodies.length === 0) throw new Error('no request bodies');
  let next = 0;
  const result = await autocannon({
    url: url.href,
    connections: Math.round(clients),
    ...(requests !== undefined ? { amount: Math.round(requests) } : { duration: seconds! }),
    timeout: timeoutSeconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: url.pathname, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }) }],
    verifyBody: (body) => answered(String(body)),
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
  };
}

/** Search bodies (Chinese prefixes and pinyin of the graph's names) and 2-hop neighbourhood bodies (hubs and ordinary entities). */
export function loadBodies(data: ExtractionExport, count = 200): { search: string[]; neighborhood: string[]; entity: string[] } {
  const samples = drawSamples(data, count);
  return {
    search: samples.search.map((s) => JSON.stringify({ query: SEARCH, variables: s.variables })),
    neighborhood: samples.entity.map((s) => JSON.stringify({ query: NEIGHBORHOOD, variables: { ids: [s.variables.id], depth: 2 } })),
    entity: samples.entity.map((s) => JSON.stringify({ query: ENTITY, variables: s.variables })),
  };
}
