// The graph side's configuration, read once from the environment and validated.
// Nothing else in graph/ reads process.env.
import { availableParallelism } from 'node:os';

export interface Neo4jConfig {
  /** An external server (neo4j://, neo4j+s://, bolt://…); when set, no local Neo4j is started. */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  local: LocalNeo4jConfig;
}

export interface LocalNeo4jConfig {
  /** Bolt port of the embedded Neo4j. */
  port: number;
  /** Database directory, git-ignored. */
  dataDir: string;
  /** JVM heap (-Xmx). */
  heap: string;
  /** Neo4j page cache. */
  pageCache: string;
  /** File the embedded Neo4j's output goes to. */
  logFile: string;
}

export interface GraphConfig {
  neo4j: Neo4jConfig;
  /** Rows per UNWIND batch when loading. */
  loadBatchSize: number;
  /** Load transactions written at once. */
  loadConcurrency: number;
  /** Where derived data (the per-province village index) is cached between runs. */
  cacheDir: string;
  /** Documents larger than this many bytes are refused unread, by the CLI and the API alike. */
  maxDocumentBytes: number;
  /**
   * Worker threads that `npm run extract` and `npm run ingest` extract a large batch on
   * (EXTRACT_WORKERS, one per core by default); 1 extracts on the main thread alone.
   */
  extractWorkers: number;
}

/**
 * 5 MiB: a few hundred times a typical report (the seeds are 6–15 KB), and about 25 s of
 * extraction for ordinary text on a 2-core machine (docs/reliability.md); larger inputs are
 * rarely reports, and would hold a batch up for minutes.
 */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function memorySize(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback).toLowerCase();
  if (!/^\d+[kmg]?$/.test(value)) throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${value}"`);
  return value;
}

/** Reads and validates the graph configuration; every option has a default. */
export function loadGraphConfig(env: Env): GraphConfig {
  const dataDir = text(env, 'NEO4J_DATA_DIR', '.data/neo4j');
  const uri = env['NEO4J_URI']?.trim() || undefined;
  if (uri && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new ConfigError(`NEO4J_URI must start with neo4j://, neo4j+s://, bolt:// or bolt+s://, got "${uri}"`);
  }
  return {
    neo4j: {
      uri,
      user: text(env, 'NEO4J_USER', 'neo4j'),
      password: env['NEO4J_PASSWORD'] ?? '',
      database: text(env, 'NEO4J_DATABASE', 'neo4j'),
      local: {
        port: integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
        dataDir,
        // A 2-core, 24 GiB machine: room for the heap, the page cache and the Node process.
        heap: memorySize(env, 'NEO4J_HEAP', '2g'),
        pageCache: memorySize(env, 'NEO4J_PAGECACHE', '1g'),
        logFile: text(env, 'NEO4J_LOG', `${dataDir}.log`),
      },
    },
    loadBatchSize: integer(env, 'LOAD_BATCH_SIZE', 10_000, 1, 100_000),
    loadConcurrency: integer(env, 'LOAD_CONCURRENCY', 2, 1, 16),
    cacheDir: text(env, 'CACHE_DIR', 'node_modules/.cache/zhejiang-policy-graph'),
    maxDocumentBytes: integer(env, 'MAX_DOCUMENT_BYTES', DEFAULT_MAX_DOCUMENT_BYTES, 1, 1024 * 1024 * 1024),
    extractWorkers: integer(env, 'EXTRACT_WORKERS', availableParallelism(), 1, 64),
  };
}
