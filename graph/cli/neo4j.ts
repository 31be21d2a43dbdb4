// npm run neo4j: runs the local Neo4j alone (for `npm run dev`, Neo4j Browser or scripts) until Ctrl-C.
import { loadGraphConfig, startLocalNeo4j } from '../index.ts';

const config = loadGraphConfig(process.env);
if (config.neo4j.uri) {
  console.error(`NEO4J_URI is set (${config.neo4j.uri}): there is no local Neo4j to start`);
  process.exit(2);
}
try {
  const neo4j = await startLocalNeo4j(config.neo4j.local);
  console.log(`Neo4j ready at ${neo4j.uri} in ${neo4j.startMillis} ms (pid ${neo4j.pid}); Ctrl-C stops it`);
  const stop = () => void neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
