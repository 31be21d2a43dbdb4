// A short load run over HTTP (bench/load-test.ts is the long one): concurrent clients on the app
// over the seeds must get an answer every time. The run is a number of requests, not a time, so
// a busy machine makes it slower but never emptier; timings are printed, never asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBodies, runLoad, type LoadFigures } from '../../bench/load-run.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { extractSeeds } from '../support/seeds.ts';

const CLIENTS = 10;
const REQUESTS = 60;

let api: ApiServer;
let bodies: ReturnType<typeof loadBodies>;
beforeAll(async () => {
  api = await startApiServer();
  bodies = loadBodies(extractSeeds());
});
afterAll(async () => {
  await api?.close();
});

async function load(kind: 'search' | 'entity' | 'neighborhood'): Promise<LoadFigures> {
  // One request first, so the search index and the first query plans are not part of the run.
  const warm = JSON.parse(bodies[kind][0]!) as { query: string; variables: Record<string, unknown> };
  expect((await api.graphql(warm.query, warm.variables)).body.errors).toBeUndefined();
  const figures = await runLoad({ base: api.base, clients: CLIENTS, requests: REQUESTS, timeoutSeconds: 60, bodies: bodies[kind] });
  console.log(
    `${kind}: ${figures.requests} requests from ${CLIENTS} clients, ${figures.perSecond.toFixed(0)}/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms`,
  );
  return figures;
}

const NO_FAILURES = { requests: REQUESTS, errors: 0, timeouts: 0, non2xx: 0, graphqlErrors: 0 };
const failures = (f: LoadFigures) => ({
  requests: f.requests,
  errors: f.errors,
  timeouts: f.timeouts,
  non2xx: f.non2xx,
  graphqlErrors: f.graphqlErrors,
});

describe(`${CLIENTS} concurrent clients, ${REQUESTS} requests`, () => {
  it('answer every search with data and no error', async () => {
    expect(failures(await load('search'))).toEqual(NO_FAILURES);
  }, 180_000);

  it('answer every entity view with data and no error', async () => {
    expect(failures(await load('entity'))).toEqual(NO_FAILURES);
  }, 180_000);

  it('answer every 2-hop neighbourhood with data and no error', async () => {
    expect(failures(await load('neighborhood'))).toEqual(NO_FAILURES);
  }, 180_000);
});
