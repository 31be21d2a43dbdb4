// Neo4j's error codes mapped to the few kinds the rest of the project acts on.
import { Neo4jError } from 'neo4j-driver';

export type StoreErrorKind = 'UNAVAILABLE' | 'AUTH' | 'CONSTRAINT' | 'TIMEOUT' | 'BAD_QUERY' | 'READ_ONLY' | 'DATABASE';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly neo4jCode?: string,
  ) {
    super(message);
  }
}

// The database cannot be reached or is not serving: the driver's own codes for a refused, lost or
// expired connection, and the server's for a database that is starting or stopping.
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

// Socket errors that reach us unwrapped (from a channel before the driver names them).
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    const kind: StoreErrorKind = UNAVAILABLE_CODES.has(code)
      ? 'UNAVAILABLE'
      : code.startsWith('Neo.ClientError.Security.')
        ? 'AUTH'
        : code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
          ? 'CONSTRAINT'
          : code.includes('TransactionTimedOut') || code.includes('Terminated')
            ? 'TIMEOUT'
            : code === 'Neo.ClientError.Statement.AccessMode' || code.includes('WriteOnReadOnlyAccessDbException')
              ? 'READ_ONLY'
              : code.startsWith('Neo.ClientError.Statement.')
                ? 'BAD_QUERY'
                : 'DATABASE';
    return new StoreError(kind, error.message, code);
  }
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && NETWORK_ERRNOS.has(errno)) return new StoreError('UNAVAILABLE', (error as Error).message);
  return new StoreError('DATABASE', error instanceof Error ? error.message : String(error));
}
