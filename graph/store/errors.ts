// Neo4j's error codes mapped to the few kinds the rest of the project acts on.
import { Neo4jError } from 'neo4j-driver';

export type StoreErrorKind = 'UNAVAILABLE' | 'AUTH' | 'CONSTRAINT' | 'TIMEOUT' | 'BAD_QUERY' | 'READ_ONLY' | 'DATABASE';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(readonly kind: StoreErrorKind, message: string, readonly neo4jCode?: string) {
    super(message);
  }
}

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    const kind: StoreErrorKind =
      code === 'ServiceUnavailable' || code === 'SessionExpired' ? 'UNAVAILABLE'
      : code.startsWith('Neo.ClientError.Security.') ? 'AUTH'
      : code === 'Neo.ClientError.Schema.ConstraintValidationFailed' ? 'CONSTRAINT'
      : code.includes('TransactionTimedOut') || code.includes('Terminated') ? 'TIMEOUT'
      : code === 'Neo.ClientError.Statement.AccessMode' || code.includes('WriteOnReadOnlyAccessDbException') ? 'READ_ONLY'
      : code.startsWith('Neo.ClientError.Statement.') ? 'BAD_QUERY'
      : 'DATABASE';
    return new StoreError(kind, error.message, code);
  }
  return new StoreError('DATABASE', error instanceof Error ? error.message : String(error));
}
