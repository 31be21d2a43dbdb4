// Starts and stops the embedded Neo4j (graph/neo4j-server) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LocalNeo4jConfig } from '../../config.ts';
import { launcherJavaArgs, launcherPaths } from './launcher-paths.ts';

export interface LocalNeo4j {
  /** bolt:// address of the running server. */
  uri: string;
  /** Milliseconds from spawn to the ready line. */
  startMillis: number;
  /** Process id of the Java process. */
  pid: number;
  /** Settles when the Java process has exited, for whatever reason: a stop, a crash, a kill. */
  exited: Promise<Neo4jExit>;
  /** Stops the server and waits until its process has exited. */
  stop(): Promise<void>;
}

export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class Neo4jStartError extends Error {
  override name = 'Neo4jStartError';
}

const READY = 'NEO4J READY';
const FAILED = 'NEO4J FAILED';

/**
 * Starts the local Neo4j and resolves once it prints its ready line (Bolt accepting connections).
 * Rejects with the launcher's own reason (busy port, locked data directory, missing build).
 */
export async function startLocalNeo4j(config: LocalNeo4jConfig, options: { startTimeoutMs?: number } = {}): Promise<LocalNeo4j> {
  const { jar } = launcherPaths();
  if (!existsSync(jar)) {
    throw new Neo4jStartError(`the local Neo4j is not built (${jar} is missing): run npm install, or set NEO4J_URI`);
  }
  const dataDir = resolve(config.dataDir);
  const logFile = resolve(config.logFile);
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });

  const started = performance.now();
  const child = spawn('java', [...launcherJavaArgs(config.heap, 'policygraph.Neo4jServer'), '--exit-with-parent'], {
    env: {
      ...process.env,
      NEO4J_BOLT_PORT: String(config.port),
      NEO4J_BOLT_HOST: '127.0.0.1',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PAGECACHE: config.pageCache,
    },
    // stdin stays an open pipe: the launcher exits when it closes, i.e. when this process dies.
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  const exited = new Promise<Neo4jExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  // After its output is drained, however it ended (a restart opens the log again).
  child.once('close', () => log.end());
  const ready = new Promise<string>((resolveReady, reject) => {
    let failure = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jStartError(`Neo4j did not start within ${options.startTimeoutMs ?? 120_000} ms; see ${logFile}`));
    }, options.startTimeoutMs ?? 120_000);
    const watch = (stream: NodeJS.ReadableStream) => {
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        pending += chunk.toString('utf8');
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, newline).trim();
          pending = pending.slice(newline + 1);
          if (line.startsWith(READY)) {
            clearTimeout(timer);
            resolveReady(line);
          }
          if (line.startsWith(FAILED)) failure = line.slice(FAILED.length).trim();
        }
      });
    };
    watch(child.stdout!);
    watch(child.stderr!);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Neo4jStartError(`could not run java: ${error.message} (Debian: apt-get install openjdk-17-jre-headless)`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Neo4jStartError(`Neo4j exited before it was ready (${failure || `code ${code ?? signal}`}); see ${logFile}`));
    });
  });

  await ready;
  const startMillis = Math.round(performance.now() - started);
  return {
    uri: `bolt://127.0.0.1:${config.port}`,
    startMillis,
    pid: child.pid!,
    exited,
    stop: () => stopProcess(child, exited),
  };
}

async function stopProcess(child: ChildProcess, exited: Promise<Neo4jExit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(killed);
}
