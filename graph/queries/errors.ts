// Expected problems of a query, named so the API can give them a code (server/errors.ts maps them).
export type QueryErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'TIMEOUT';

export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly code: QueryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const badInput = (message: string) => new QueryError('BAD_USER_INPUT', message);
export const notFound = (message: string) => new QueryError('NOT_FOUND', message);
