// Which local Neo4j runs on a data directory, so that one process's Neo4j serves the others (a
// command run while the app runs) instead of a second Java process failing on the directory's lock.
// The process that starts it writes `<data dir>/running.json` once it is ready and again after
// every restart, and removes it when it stops it. A file left behind by a process that died is
// recognised as such (neither process alive, or nothing answering) and replaced.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';

export interface RunningNeo4j {
  /** bolt:// address. */
  uri: string;
  /** The Java process. */
  pid: number;
  /** When this Java process became ready (ISO 8601). */
  startedAt: string;
  /** The process that started it, restarts it and stops it. */
  ownerPid: number;
  /** What that process is, for messages: `npm start`, `npm run ingest`… */
  owner: string;
  /**
   * Whether other processes may use it: yes when its owner runs until stopped by hand (the app,
   * `npm run neo4j`), no when it is a command's own, which stops when the command ends.
   */
  shared: boolean;
  /** The app's address, when the owner is the app. */
  app?: string;
}

/** What a look at the data directory finds. */
export type RunningProbe =
  | { state: 'none' }
  /** Owner and Java process alive, Bolt answers. */
  | { state: 'up'; running: RunningNeo4j }
  /** The owner is alive but its Neo4j does not answer (yet): it is being started or restarted. */
  | { state: 'starting'; running: RunningNeo4j }
  /** The owner is gone, its Java process not yet: it is shutting down with its parent. */
  | { state: 'stopping'; running: RunningNeo4j }
  /** Nothing of it is left (or the file is unreadable): the file is to be ignored and replaced. */
  | { state: 'stale'; running: RunningNeo4j | undefined };

const FILE = 'running.json';

/** Where the running file of a data directory is. */
export function runningFilePath(dataDir: string): string {
  return join(resolve(dataDir), FILE);
}

export function readRunningFile(dataDir: string): RunningNeo4j | undefined {
  const path = runningFilePath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunningNeo4j>;
    if (typeof value.uri !== 'string' || !Number.isInteger(value.pid) || !Number.isInteger(value.ownerPid)) return undefined;
    return { startedAt: '', owner: 'another process', shared: false, ...value } as RunningNeo4j;
  } catch {
    // Half-written or hand-edited: nothing can be trusted in it.
    return undefined;
  }
}

/** Writes the file in one step (a reader never sees half of it). */
export function writeRunningFile(dataDir: string, running: RunningNeo4j): void {
  const path = runningFilePath(dataDir);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(running, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Removes the file if `ownerPid` wrote it; another process's file is left alone. */
export function removeRunningFile(dataDir: string, ownerPid = process.pid): void {
  const current = readRunningFile(dataDir);
  if (current === undefined || current.ownerPid === ownerPid) rmSync(runningFilePath(dataDir), { force: true });
}

/** One look at the data directory: is a local Neo4j running on it, and can it be used? */
export async function probeRunningNeo4j(dataDir: string): Promise<RunningProbe> {
  const running = readRunningFile(dataDir);
  if (running === undefined) {
    return existsSync(runningFilePath(dataDir)) ? { state: 'stale', running: undefined } : { state: 'none' };
  }
  const ownerAlive = processAlive(running.ownerPid);
  const javaAlive = processAlive(running.pid, /policygraph\.Neo4jServer/);
  if (ownerAlive && javaAlive && (await boltAnswers(running.uri))) return { state: 'up', running };
  if (ownerAlive) return { state: 'starting', running };
  if (javaAlive) return { state: 'stopping', running };
  return { state: 'stale', running };
}

/**
 * Looks for a running local Neo4j, waiting up to `waitMs` while one is being (re)started or is
 * shutting down. A stale file is removed. Returns the last look: `none`, `up`, or what it waited on.
 */
export async function findRunningNeo4j(
  dataDir: string,
  options: { waitMs?: number; waitForStarting?: boolean } = {},
): Promise<RunningProbe> {
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  for (;;) {
    const probe = await probeRunningNeo4j(dataDir);
    if (probe.state === 'stale') {
      // Only if no one has replaced it meanwhile.
      const now = readRunningFile(dataDir);
      if (now === undefined || (now.pid === probe.running?.pid && now.ownerPid === probe.running.ownerPid))
        rmSync(runningFilePath(dataDir), { force: true });
      continue;
    }
    const waiting = probe.state === 'stopping' || (probe.state === 'starting' && options.waitForStarting !== false);
    if (!waiting || Date.now() >= deadline) return probe;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Whether a process exists (and, where /proc tells, is not a zombie and its command line matches).
 * Signal 0 checks without signalling; EPERM means it exists but belongs to someone else.
 */
export function processAlive(pid: number, command?: RegExp): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    // A zombie's command line is empty; a reused pid runs something else.
    const line = readFileSync(cmdline, 'utf8').replaceAll('\0', ' ');
    return line.trim() !== '' && (command === undefined || command.test(line));
  } catch {
    return false;
  }
}

/**
 * Whether a Bolt server answers at `uri`: the handshake (magic number and four versions proposed,
 * one chosen in reply), without the driver, so this module stays below graph/store/.
 */
export function boltAnswers(uri: string, timeoutMs = 2_000): Promise<boolean> {
  const url = new URL(uri.replace(/^[a-z+]+:/, 'http:'));
  return new Promise((done) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 7687) });
    let received = Buffer.alloc(0);
    const finish = (answered: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      done(answered);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once('connect', () => {
      // 0x6060B017, then Bolt 5.0–5.8, 4.4 and two empty slots.
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4) finish(received.readUInt32BE(0) !== 0);
    });
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
  });
}
