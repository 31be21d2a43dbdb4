import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the embedded Neo4j launcher's Maven project and build output live. */
export function launcherPaths() {
  const projectDir = fileURLToPath(new URL('../neo4j-server/', import.meta.url));
  const target = join(projectDir, 'target');
  return { projectDir, jar: join(target, 'neo4j-server.jar'), libDir: join(target, 'lib') };
}

/** `java` arguments that run `mainClass` on the launcher's class path: the server and the importer alike. */
export function launcherJavaArgs(heap: string, mainClass: string): string[] {
  const { jar, libDir } = launcherPaths();
  return [
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    // The flags Neo4j's own start script passes on Java 17.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    `${jar}:${libDir}/*`,
    mainClass,
  ];
}
