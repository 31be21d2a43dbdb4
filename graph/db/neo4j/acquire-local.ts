// One local Neo4j per data directory: a process either uses the one another process runs there
// (when it may) or starts its own, supervised and announced in the running file.
import { relative, resolve } from 'node:path';
import type { LocalNeo4jConfig } from '../../config.ts';
import { Neo4jStartError } from './local-neo4j.ts';
import { findRunningNeo4j, removeRunningFile, writeRunningFile, type RunningNeo4j } from './running-neo4j.ts';
import { startSupervisedNeo4j, type SupervisedNeo4j, type SupervisionOptions } from './supervised-neo4j.ts';

export interface AcquireOptions {
  /** What this process is, written in the running file for other processes' messages (`npm start`). */
  owner: string;
  /**
   * Use a Neo4j that another process runs on the data directory and shares (the app's, `npm run
   * neo4j`'s), instead of refusing. The commands do; the app does not.
   */
  reuseRunning: boolean;
  /** Let other processes use the Neo4j this process starts: only for owners that run until stopped. */
  share: boolean;
  /** The app's address, written beside the Neo4j's so a second start can name it. */
  app?: string;
  /** How long to wait for a Neo4j that is being (re)started or is shutting down. */
  waitMs?: number;
  supervision?: SupervisionOptions;
}

export type AcquiredNeo4j =
  /** Started here: stopping it also removes the running file. */
  | { kind: 'started'; neo4j: SupervisedNeo4j }
  /** Another process's: never stopped from here. */
  | { kind: 'running'; running: RunningNeo4j };

/** Refused because the data directory's Neo4j belongs to a process that does not share it, or to another app. */
export class Neo4jInUseError extends Neo4jStartError {
  override name = 'Neo4jInUseError';
}

function who(running: RunningNeo4j): string {
  return running.app
    ? `the app is already running at ${running.app} (pid ${running.ownerPid})`
    : `${running.owner} (pid ${running.ownerPid}) is running the local Neo4j`;
}

/** Finds the data directory's running Neo4j and uses it, or starts one; refuses with a reason otherwise. */
export async function acquireLocalNeo4j(config: LocalNeo4jConfig, options: AcquireOptions): Promise<AcquiredNeo4j> {
  const dataDir = resolve(config.dataDir);
  const fromHere = relative(process.cwd(), dataDir) || '.';
  const shown = fromHere.startsWith('..') ? dataDir : fromHere;
  // The app never waits on another owner's restart: that owner being alive is reason enough to refuse.
  const probe = await findRunningNeo4j(dataDir, { waitMs: options.waitMs, waitForStarting: options.reuseRunning });
  if (probe.state !== 'none') {
    const running = probe.running!;
    if (!options.reuseRunning) {
      throw new Neo4jInUseError(
        `${who(running)} with the data directory ${shown} (Neo4j at ${running.uri}): stop it first, ` +
          'or give this one its own NEO4J_DATA_DIR and NEO4J_BOLT_PORT (and PORT)',
      );
    }
    if (!running.shared) {
      throw new Neo4jInUseError(
        `${running.owner} (pid ${running.ownerPid}) is using the local Neo4j in ${shown}: wait until it ends, ` +
          'or keep one running with npm start or npm run neo4j for commands to share',
      );
    }
    if (probe.state !== 'up') {
      throw new Neo4jInUseError(
        `the local Neo4j of ${running.owner} (pid ${running.ownerPid}) does not answer at ${running.uri}; see ${config.logFile}`,
      );
    }
    return { kind: 'running', running };
  }

  const neo4j = await startSupervisedNeo4j(config, {
    ...options.supervision,
    onStart: (started) => {
      writeRunningFile(dataDir, {
        uri: started.uri,
        pid: started.pid,
        startedAt: new Date().toISOString(),
        ownerPid: process.pid,
        owner: options.owner,
        shared: options.share,
        ...(options.app === undefined ? {} : { app: options.app }),
      });
      options.supervision?.onStart?.(started);
    },
  });
  return {
    kind: 'started',
    neo4j: {
      ...neo4j,
      get pid() {
        return neo4j.pid;
      },
      stop: () => neo4j.stop().finally(() => removeRunningFile(dataDir)),
    },
  };
}
