// Runs a real command (`npm run ingest -- …`) as a child process, in its own process group so a
// test can kill it and everything under it (npm, tsx, node) at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  /** Output so far. */
  output(): string;
  /** Settles when the command has exited, however. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  /** SIGKILL to the whole process group. */
  kill(): void;
}

export function runCli(command: 'ingest' | 'load' | 'reset' | 'curation', args: string[], env: Record<string, string>): CliRun {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  // The command must find the owner's local Neo4j, never a server the test run was pointed at.
  delete childEnv['NEO4J_URI'];
  const child = spawn('npm', ['run', '--silent', command, '--', ...args], {
    cwd: ROOT,
    env: childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, output }));
  });
  return {
    child,
    output: () => output,
    done,
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}
