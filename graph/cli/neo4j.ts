// npm run neo4j: runs the local Neo4j alone (for `npm run dev`, Neo4j Browser or scripts) until
// Ctrl-C. Like the app's, it is restarted if it dies and shared with the commands (npm run ingest…).
import { acquireLocalNeo4j, loadGraphConfig } from '../index.ts';

const config = loadGraphConfig(process.env);
if (config.neo4j.uri) {
  console.error(`NEO4J_URI is set (${config.neo4j.uri}): there is no local Neo4j to start`);
  process.exit(2);
}
try {
  const acquired = await acquireLocalNeo4j(config.neo4j.local, { owner: 'npm run neo4j', reuseRunning: false, share: true });
  if (acquired.kind !== 'started') throw new Error('unreachable: a running Neo4j is only reused on request');
  const neo4j = acquired.neo4j;
  console.log(`Neo4j ready at ${neo4j.uri} in ${neo4j.startMillis} ms (pid ${neo4j.pid}); Ctrl-C stops it`);
  const stop = () => void neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
