// Runs Neo4j's offline bulk importer (`neo4j-admin database import full`, shipped in the launcher's
// own Maven dependencies) against the local data directory. The database must not be running.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalNeo4jConfig } from '../../config.ts';
import { launcherJavaArgs } from './launcher-paths.ts';
import { Neo4jStartError } from './local-neo4j.ts';

export interface ImportRequest {
  database: string;
  /** CSV files of nodes, labels and ids in their headers. */
  nodes: string[];
  /** `TYPE=file` pairs. */
  relationships: string[];
  arrayDelimiter: string;
  /** Where the importer's report and configuration go. */
  workDir: string;
}

export class Neo4jImportError extends Error {
  override name = 'Neo4jImportError';
}

const UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

/**
 * The importer's heap: the server's (NEO4J_HEAP), or a quarter of the machine's memory up to 8 GiB
 * if that is more. The importer runs while the server does not, and at a million relations with
 * their sentences a 2 GiB heap runs out.
 */
export function importerHeap(serverHeap: string, machineBytes: number): string {
  const [, digits, unit] = /^(\d+)([kmg]?)$/.exec(serverHeap.toLowerCase()) ?? [];
  const server = digits ? Number(digits) * UNITS[unit!]! : 0;
  const roomy = Math.min(8 * 2 ** 30, Math.floor(machineBytes / 4));
  return server >= roomy ? serverHeap : `${Math.floor(roomy / 2 ** 20)}m`;
}

/** Replaces the local database with the files' contents; rejects with the importer's own reason. */
export async function importIntoLocalNeo4j(config: LocalNeo4jConfig, request: ImportRequest): Promise<void> {
  const confDir = join(request.workDir, 'conf');
  mkdirSync(confDir, { recursive: true });
  mkdirSync(resolve(config.dataDir), { recursive: true });
  // The launcher's data directory is the Neo4j home of the embedded server: data/databases/<name> lives in it.
  writeFileSync(join(confDir, 'neo4j.conf'), '');
  const args = [
    ...launcherJavaArgs(importerHeap(config.heap, totalmem()), 'org.neo4j.cli.AdminTool'),
    'database',
    'import',
    'full',
    request.database,
    ...request.nodes.map((file) => `--nodes=${file}`),
    ...request.relationships.map((file) => `--relationships=${file}`),
    `--array-delimiter=${request.arrayDelimiter}`,
    '--multiline-fields=true',
    '--id-type=integer',
    // Anything the export does not account for stops the import instead of being skipped.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--strict=true',
    `--report-file=${join(request.workDir, 'import.report')}`,
    '--overwrite-destination=true',
  ];
  const output: string[] = [];
  const code = await new Promise<number | null>((done, reject) => {
    const child = spawn('java', args, {
      env: { ...process.env, NEO4J_HOME: resolve(config.dataDir), NEO4J_CONF: confDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.length > 200) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => reject(new Neo4jStartError(`could not run java: ${error.message}`)));
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code !== 0) {
    const lines = output
      .join('')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^[-.\s\d%∆[\]ms]+$/.test(line));
    throw new Neo4jImportError(`bulk import failed (exit ${code}): ${lines.slice(-6).join(' | ')}`);
  }
}
