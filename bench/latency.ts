// Latency figures for the API benchmarks: percentiles, a bounded pool of concurrent clients, and a
// keep-alive GraphQL client over node:http (lighter than fetch, so the client costs the shared
// CPU less than the server it measures).
import { Agent, request } from 'node:http';

/** The p-th percentile (nearest rank) of `values` in milliseconds; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
  };
}

/** Milliseconds `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs `work(i)` for i = 0, 1, 2… from `clients` loops at once until `total` calls were started
 * or `seconds` have passed; returns the calls finished per second and the failures.
 */
export async function pool(
  clients: number,
  total: number,
  seconds: number,
  work: (i: number) => Promise<void>,
): Promise<{ done: number; failed: number; perSecond: number; firstError?: string }> {
  let next = 0,
    done = 0,
    failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      try {
        await work(i);
        done++;
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return { done, failed, perSecond: done / ((performance.now() - started) / 1000), ...(firstError === undefined ? {} : { firstError }) };
}

export interface GraphQLReply {
  status: number;
  /** Parsed on first read (throws then when the answer is not JSON). */
  readonly body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** POSTs GraphQL to `base`/graphql over kept-alive connections. */
export function graphqlClient(base: string, maxSockets = 64) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL('/graphql', base);
  const send = (query: string, variables: Record<string, unknown>) =>
    new Promise<GraphQLReply>((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify({ query, variables }));
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            // Parsed when first read, after the request is timed: the answer's JSON is the
            // client's work, not the server's (a 2-hop view is 600 KB of it).
            const raw = Buffer.concat(chunks);
            let parsed: GraphQLReply['body'] | undefined;
            resolve({
              status: response.statusCode ?? 0,
              get body() {
                return (parsed ??= JSON.parse(raw.toString('utf8')) as GraphQLReply['body']);
              },
            });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { base, send, close: () => agent.destroy() };
}

/** A fixed-width table for the console. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Milliseconds with one decimal below 100, whole above; "–" for none. */
export const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en'));
