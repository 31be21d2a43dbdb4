// The local Neo4j kept running: when its Java process dies under us (killed, out of memory), it is
// started again on the same port and data directory, after a wait that doubles with each restart
// in a row, and given up on after a few. Neo4j recovers the committed transactions from its log on
// start, so nothing committed is lost; the driver's pool reconnects by itself.
import type { LocalNeo4jConfig } from '../../config.ts';
import { startLocalNeo4j, type LocalNeo4j, type Neo4jExit } from './local-neo4j.ts';

export interface SupervisionOptions {
  /** Restarts in a row before giving up; a run that lasted `stableMs` ends a row. */
  maxRestarts?: number;
  /** Wait before the first restart of a row, doubled for each further one. */
  backoffMs?: number;
  /** Longest wait between restarts. */
  maxBackoffMs?: number;
  /** A run at least this long counts as healthy: the next crash starts a new row. */
  stableMs?: number;
  /** Where the supervisor's lines go (exits, restarts, giving up). */
  log?: (line: string) => void;
  /** Called with each Java process once it is ready: the first and every restarted one. */
  onStart?: (neo4j: LocalNeo4j) => void;
}

export interface Neo4jStatus {
  /** `restarting` from a crash until the next process is ready; `down` after giving up or stopping. */
  state: 'up' | 'restarting' | 'down';
  /** Times the Java process was started again after dying. */
  restarts: number;
  /** How the last unexpected exit (or failed restart) went, with its time. */
  lastExit?: string;
}

export interface SupervisedNeo4j {
  /** bolt:// address; the same after a restart. */
  uri: string;
  /** Milliseconds the first start took. */
  startMillis: number;
  /** The current Java process. */
  readonly pid: number;
  status(): Neo4jStatus;
  /** Stops supervising and the server; waits until its process has exited. */
  stop(): Promise<void>;
}

export const DEFAULT_SUPERVISION = { maxRestarts: 5, backoffMs: 500, maxBackoffMs: 15_000, stableMs: 60_000 } as const;

function describeExit(exit: Neo4jExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

/** Starts the local Neo4j (failing as `startLocalNeo4j` does) and restarts it whenever it dies. */
export async function startSupervisedNeo4j(config: LocalNeo4jConfig, options: SupervisionOptions = {}): Promise<SupervisedNeo4j> {
  const { maxRestarts, backoffMs, maxBackoffMs, stableMs } = { ...DEFAULT_SUPERVISION, ...options };
  const log = options.log ?? ((line: string) => console.error(line));

  let current = await startLocalNeo4j(config);
  let state: Neo4jStatus['state'] = 'up';
  let restarts = 0;
  let inARow = 0;
  let lastExit: string | undefined;
  let upSince = Date.now();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const restartLater = () => {
    if (inARow >= maxRestarts) {
      state = 'down';
      log(`local Neo4j: gave up after ${inARow} restarts in a row; see ${config.logFile}, then restart the app`);
      return;
    }
    const delay = Math.min(backoffMs * 2 ** inARow, maxBackoffMs);
    inARow++;
    state = 'restarting';
    log(`local Neo4j: restarting in ${delay} ms (attempt ${inARow} of ${maxRestarts})`);
    timer = setTimeout(() => {
      timer = undefined;
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    }, delay);
  };

  const restart = async () => {
    try {
      const next = await startLocalNeo4j(config);
      if (stopping) {
        await next.stop();
        return;
      }
      current = next;
      restarts++;
      upSince = Date.now();
      state = 'up';
      log(`local Neo4j: running again at ${next.uri} (pid ${next.pid}, started in ${next.startMillis} ms)`);
      watch(next);
      options.onStart?.(next);
    } catch (error) {
      if (stopping) return;
      lastExit = `${new Date().toISOString()}: restart failed: ${(error as Error).message}`;
      log(`local Neo4j: restart failed: ${(error as Error).message}`);
      restartLater();
    }
  };

  const watch = (neo4j: LocalNeo4j) => {
    void neo4j.exited.then((exit) => {
      if (stopping || neo4j !== current) return;
      const ran = Date.now() - upSince;
      lastExit = `${new Date().toISOString()}: pid ${neo4j.pid} ${describeExit(exit)} after ${Math.round(ran / 1000)} s`;
      log(`local Neo4j: pid ${neo4j.pid} ${describeExit(exit)} after ${Math.round(ran / 1000)} s up`);
      if (ran >= stableMs) inARow = 0;
      restartLater();
    });
  };

  watch(current);
  options.onStart?.(current);
  const startMillis = current.startMillis;
  return {
    uri: current.uri,
    startMillis,
    get pid() {
      return current.pid;
    },
    status: () => ({ state, restarts, ...(lastExit === undefined ? {} : { lastExit }) }),
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await restarting;
      await current.stop();
      state = 'down';
    },
  };
}
