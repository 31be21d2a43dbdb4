// Starts one local Neo4j for the test run and stops it afterwards. Tests empty the database they
// use, so an external one is only used when named by TEST_NEO4J_URI, never by NEO4J_URI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../graph/index.ts';
import { freePort } from './support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jExternal: boolean;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env['TEST_NEO4J_URI'];
  if (external) {
    project.provide('neo4jUri', external);
    project.provide('neo4jExternal', true);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-test-'));
  const neo4j = await startLocalNeo4j({
    port: await freePort(),
    dataDir: join(dataDir, 'neo4j'),
    heap: '1g',
    pageCache: '256m',
    logFile: join(dataDir, 'neo4j.log'),
  });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jExternal', false);
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
