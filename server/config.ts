// The server's configuration, read once at start-up from the environment and validated.
import { ConfigError, loadGraphConfig, type GraphConfig } from '../graph/index.ts';

export interface ServerConfig {
  graph: GraphConfig;
  /** Address the HTTP server binds to; loopback unless deliberately opened. */
  host: string;
  /** HTTP port for the app and /graphql. */
  port: number;
  /** Token that write operations must present; writes are refused while it is unset. */
  ingestToken: string | undefined;
  /** Folder ingested at start when the graph is empty. */
  seedsDir: string;
  /** The built web app (vite build output). */
  webDir: string;
}

type Env = Record<string, string | undefined>;

export function loadServerConfig(env: Env): ServerConfig {
  const port = Number(env['PORT']?.trim() || 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env['PORT']}"`);
  const token = env['INGEST_TOKEN']?.trim() || undefined;
  if (token !== undefined && token.length < 16) throw new ConfigError('INGEST_TOKEN must be at least 16 characters');
  return {
    graph: loadGraphConfig(env),
    host: env['HOST']?.trim() || '127.0.0.1',
    port,
    ingestToken: token,
    seedsDir: env['SEEDS_DIR']?.trim() || 'seeds',
    webDir: env['WEB_DIR']?.trim() || 'dist/web',
  };
}
