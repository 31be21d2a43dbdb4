import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the embedded Neo4j launcher's Maven project and build output live. */
export function launcherPaths() {
  const projectDir = fileURLToPath(new URL('../neo4j-server/', import.meta.url));
  const target = join(projectDir, 'target');
  return { projectDir, jar: join(target, 'neo4j-server.jar'), libDir: join(target, 'lib') };
}
