// Builds the embedded Neo4j launcher (graph/neo4j-server) and copies its jars from Maven Central,
// so that `npm install` is the only set-up step. Skipped when the build is already up to date,
// which also makes a second install work offline.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launcherPaths } from '../graph/db/neo4j/launcher-paths.ts';

const { projectDir, jar, libDir } = launcherPaths();

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function has(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).error === undefined;
}

const upToDate =
  existsSync(jar) &&
  existsSync(libDir) &&
  statSync(jar).mtimeMs >= Math.max(statSync(join(projectDir, 'pom.xml')).mtimeMs, newestSource(join(projectDir, 'src')));

if (upToDate) {
  console.log('neo4j-server: up to date');
} else {
  const missing = [has('java') ? null : 'java (Debian: openjdk-17-jdk-headless)', has('mvn') ? null : 'mvn (Debian: maven)'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    const message =
      `neo4j-server: cannot build the local Neo4j: missing ${missing.join(' and ')}.\n` +
      `Install with: sudo apt-get install openjdk-17-jdk-headless maven\n` +
      `or set NEO4J_URI to use an existing Neo4j server instead.`;
    console.error(message);
    // With an external Neo4j the local one is not needed, so the install may go on.
    process.exit(process.env['NEO4J_URI'] ? 0 : 1);
  }
  console.log('neo4j-server: building with Maven (first time: downloads Neo4j from Maven Central)...');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: projectDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('neo4j-server: the Maven build failed; see its output above.');
    process.exit(result.status ?? 1);
  }
  console.log('neo4j-server: built');
}
