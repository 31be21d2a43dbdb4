// The server's configuration, read once at start-up from the environment and validated.
import { ConfigError, loadGraphConfig, type GraphConfig } from '../graph/index.ts';

/** Bounds on what one GraphQL request may ask for. */
export interface RequestLimits {
  /** Deepest selection (introspection not counted). */
  maxDepth: number;
  /** Aliases in one operation. */
  maxAliases: number;
  /** Static cost of one operation (graphql-armor's cost model). */
  maxCost: number;
  /** Tokens in one document. */
  maxTokens: number;
  /** Operations in one batched request. */
  maxBatch: number;
  /** Bytes of one request body. */
  maxBodyBytes: number;
}

export interface ServerConfig {
  graph: GraphConfig;
  /** Address the HTTP server binds to; loopback unless deliberately opened. */
  host: string;
  /** HTTP port for the app and /graphql. */
  port: number;
  /** Token that write operations must present; writes are refused while it is unset. */
  ingestToken: string | undefined;
  /** Editors who may correct the graph, each with a token of their own (EDITOR_TOKENS); none by default. */
  editors: EditorToken[];
  /** Other origins allowed to call /graphql from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** Folder ingested at start when the graph is empty. */
  seedsDir: string;
  /** The built web app (vite build output). */
  webDir: string;
  limits: RequestLimits;
  /** Megabytes of JSON answers to repeated reads kept until the graph changes (RESPONSE_CACHE_MB; 0: none). */
  responseCacheMB: number;
}

/** An editor and the token that names them. */
export interface EditorToken {
  editor: string;
  token: string;
}

type Env = Record<string, string | undefined>;

/**
 * EDITOR_TOKENS="alice:token1,bob:token2": each editor's name (what corrections record) and token
 * (at least 16 characters, used by no one else).
 */
export function parseEditorTokens(raw: string | undefined, ingestToken: string | undefined): EditorToken[] {
  const editors: EditorToken[] = [];
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const editor = colon > 0 ? entry.slice(0, colon).trim() : '';
    const token = colon > 0 ? entry.slice(colon + 1).trim() : '';
    if (!editor || !token) throw new ConfigError(`EDITOR_TOKENS: "${entry.slice(0, 20)}…" is not name:token`);
    if (editor.length > 64 || /[\u0000-\u001f\u007f]/.test(editor))
      throw new ConfigError(`EDITOR_TOKENS: the name "${editor.slice(0, 20)}" must be 1 to 64 printable characters`);
    if (token.length < 16) throw new ConfigError(`EDITOR_TOKENS: ${editor}'s token must be at least 16 characters`);
    if (editors.some((e) => e.editor === editor)) throw new ConfigError(`EDITOR_TOKENS: ${editor} is named twice`);
    if (editors.some((e) => e.token === token) || token === ingestToken) {
      throw new ConfigError(`EDITOR_TOKENS: ${editor}'s token is also someone else's (or INGEST_TOKEN): give each their own`);
    }
    editors.push({ editor, token });
  }
  return editors;
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 100_000,
  maxTokens: 4_000,
  maxBatch: 10,
  maxBodyBytes: 32 * 1024 * 1024,
};

export const DEFAULT_RESPONSE_CACHE_MB = 64;

export function loadServerConfig(env: Env): ServerConfig {
  const port = whole(env, 'PORT', 4000, 0, 65535);
  const token = env['INGEST_TOKEN']?.trim() || undefined;
  if (token !== undefined && token.length < 16) throw new ConfigError('INGEST_TOKEN must be at least 16 characters');
  const corsOrigins = (env['CORS_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin such as https://example.org`);
  }
  const graph = loadGraphConfig(env);
  // A report sent as base64 is a third larger than its bytes; the body must have room for it.
  const bodyFloor = Math.max(DEFAULT_LIMITS.maxBodyBytes, Math.ceil((graph.maxDocumentBytes * 4) / 3) + 1024 * 1024);
  return {
    graph,
    host: env['HOST']?.trim() || '127.0.0.1',
    port,
    ingestToken: token,
    editors: parseEditorTokens(env['EDITOR_TOKENS'], token),
    corsOrigins,
    seedsDir: env['SEEDS_DIR']?.trim() || 'seeds',
    webDir: env['WEB_DIR']?.trim() || 'dist/web',
    limits: {
      maxDepth: whole(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
      maxAliases: whole(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 1, 1000),
      maxCost: whole(env, 'GRAPHQL_MAX_COST', DEFAULT_LIMITS.maxCost, 100, 10_000_000),
      maxTokens: whole(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 1_000_000),
      maxBatch: whole(env, 'GRAPHQL_MAX_BATCH', DEFAULT_LIMITS.maxBatch, 1, 100),
      maxBodyBytes: whole(env, 'MAX_BODY_BYTES', bodyFloor, 1024, 2 * 1024 ** 3),
    },
    responseCacheMB: whole(env, 'RESPONSE_CACHE_MB', DEFAULT_RESPONSE_CACHE_MB, 0, 4096),
  };
}
