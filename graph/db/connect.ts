// Brings up the database a process works with: the external server named by NEO4J_URI; or the
// local Neo4j another process already runs on the data directory (the app's, when a command may
// use it); or else the local Neo4j, started here, restarted if it dies, and stopped on close.
import type { GraphConfig } from '../config.ts';
import { acquireLocalNeo4j } from './neo4j/acquire-local.ts';
import type { RunningNeo4j } from './neo4j/running-neo4j.ts';
import type { SupervisedNeo4j, SupervisionOptions } from './neo4j/supervised-neo4j.ts';
import { createStore, StoreError, type Store } from './store/index.ts';

export interface ConnectOptions {
  /** What this process is, named in the running file and in other processes' messages (`npm start`). */
  owner?: string;
  /**
   * Use the local Neo4j that another process (the app, `npm run neo4j`) runs on the same data
   * directory instead of starting a second one. The commands do; the app does not: a second app
   * on the same data directory is refused, naming the first.
   */
  reuseRunning?: boolean;
  /** Let other processes use the local Neo4j started here (owners that run until stopped). */
  share?: boolean;
  /** The app's address, for a second start's message. */
  app?: string;
  /** Restart policy of the local Neo4j started here, and where its lines go. */
  supervision?: SupervisionOptions;
}

export interface GraphStatus {
  /**
   * Whose Neo4j is in use: one this process started (`local`), one another process runs on the same
   * data directory (`shared`), or the server named by NEO4J_URI (`external`).
   */
  neo4j: 'local' | 'shared' | 'external';
  /**
   * `restarting` between a crash of the local Neo4j and its next start (queries fail with
   * UNAVAILABLE meanwhile), `down` once restarts gave up or the connection is closed. A shared or
   * external server is `up` unless closed: whether it answers is what a query finds out.
   */
  state: 'up' | 'restarting' | 'down';
  /** Times the local Neo4j was started again after dying. */
  restarts: number;
  /** How the local Neo4j last died (or a restart failed), with its time. */
  lastExit?: string;
  /** Bolt address in use. */
  uri: string;
  /** The Java process of a local or shared Neo4j. */
  pid?: number;
}

export interface GraphConnection {
  store: Store;
  /** The local Neo4j this process started, if it started one. */
  local: SupervisedNeo4j | undefined;
  /** The local Neo4j of another process this one uses, if so. */
  shared: RunningNeo4j | undefined;
  /** Where the database stands, for health reports. */
  status(): GraphStatus;
  /** Closes the driver and stops the local Neo4j, if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects (starting the local Neo4j unless NEO4J_URI is set or, with `reuseRunning`, another
 * process runs it) and sets up the schema.
 */
export async function connectGraph(config: GraphConfig, options: ConnectOptions = {}): Promise<GraphConnection> {
  const acquired = config.neo4j.uri
    ? undefined
    : await acquireLocalNeo4j(config.neo4j.local, {
        owner: options.owner ?? `process ${process.pid}`,
        reuseRunning: options.reuseRunning ?? false,
        share: options.share ?? false,
        ...(options.app === undefined ? {} : { app: options.app }),
        ...(options.supervision === undefined ? {} : { supervision: options.supervision }),
      });
  const local = acquired?.kind === 'started' ? acquired.neo4j : undefined;
  const shared = acquired?.kind === 'running' ? acquired.running : undefined;
  const uri = config.neo4j.uri ?? local?.uri ?? shared!.uri;
  let closed = false;

  const status = (): GraphStatus => {
    const base = { uri, ...(local ? { pid: local.pid } : shared ? { pid: shared.pid } : {}) };
    if (local) return { neo4j: 'local', ...local.status(), ...base, ...(closed ? { state: 'down' as const } : {}) };
    return { neo4j: shared ? 'shared' : 'external', state: closed ? 'down' : 'up', restarts: 0, ...base };
  };

  const driverStore = createStore(uri, config.neo4j, {
    batchSize: config.loadBatchSize,
    concurrency: config.loadConcurrency,
    // The local Neo4j listens on loopback only and runs without authentication.
    authenticate: config.neo4j.uri !== undefined,
  });
  // While the local Neo4j is known to be restarting, new work fails at once instead of waiting on
  // the driver's retries; work already under way rides the restart out in those retries.
  const store = local
    ? unavailableWhile(driverStore, () => {
        const { state, restarts } = local.status();
        return state === 'up'
          ? undefined
          : `the local Neo4j is ${state === 'restarting' ? `restarting (restart ${restarts + 1})` : 'down'}`;
      })
    : driverStore;
  try {
    await driverStore.ensureSchema();
  } catch (error) {
    await driverStore.close();
    await local?.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    store,
    local,
    shared,
    status,
    close: () =>
      (closing ??= driverStore
        .close()
        .finally(() => local?.stop())
        .finally(() => {
          closed = true;
        })),
  };
}

/** The same store, whose calls fail with UNAVAILABLE while `reason()` gives one. */
function unavailableWhile(store: Store, reason: () => string | undefined): Store {
  const guarded: Record<string, unknown> = { ...store };
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function' || name === 'close') continue;
    guarded[name] = (...args: unknown[]) => {
      const why = reason();
      return why === undefined ? (value as (...a: unknown[]) => unknown)(...args) : Promise.reject(new StoreError('UNAVAILABLE', why));
    };
  }
  return guarded as Store;
}
