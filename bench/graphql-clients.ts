// GraphQL clients for the throughput runs of bench:api, in a worker thread of their own so that
// their work (reading each answer's JSON) does not share the event loop of the server they measure.
// Started through graphql-clients.mjs, which registers the TypeScript loader.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { graphqlClient, pool } from './latency.ts';

export interface ClientsJob {
  /** The app's address, http://127.0.0.1:port. */
  base: string;
  query: string;
  /** Variables of each request, sent in turn. */
  variables: Array<Record<string, unknown>>;
  clients: number;
  total: number;
  seconds: number;
}

export interface ClientsResult {
  done: number;
  failed: number;
  perSecond: number;
  firstError?: string;
}

/** Runs `job` in a worker thread; a reply counts as failed unless it is HTTP 200 with data and no errors. */
export function clientsInWorker(job: ClientsJob): Promise<ClientsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./graphql-clients.mjs', import.meta.url), { execArgv: [], workerData: job });
    worker.once('message', (result: ClientsResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the clients' worker stopped (exit code ${code})`)));
  });
}

if (parentPort && (workerData as ClientsJob | undefined)?.query) {
  const job = workerData as ClientsJob;
  const client = graphqlClient(job.base);
  const result = await pool(job.clients, job.total, job.seconds, async (i) => {
    const reply = await client.send(job.query, job.variables[i % job.variables.length]!);
    if (reply.status !== 200) throw new Error(`HTTP ${reply.status}`);
    const body = reply.body;
    if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    if (body.data == null) throw new Error('no data');
  });
  client.close();
  parentPort.postMessage(result);
}
