// The one error map: what a client sees for every kind of failure. Expected problems carry
// `extensions.code`; anything else is masked as "Unexpected error." (no driver text reaches a
// client) and logged on the server.
import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { CorrectionFormatError, CurationError, QueryError, StoreError } from '../graph/index.ts';

export type ErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'TIMEOUT' | 'UNAVAILABLE';

/** An expected error with its code, for resolvers to throw. */
export function apiError(code: ErrorCode, message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code } });
}

export const badInput = (message: string) => apiError('BAD_USER_INPUT', message);
export const notFound = (message: string) => apiError('NOT_FOUND', message);
export const forbidden = (message: string) => apiError('FORBIDDEN', message);

const STORE_MESSAGES: Partial<Record<StoreError['kind'], { code: ErrorCode; message: string }>> = {
  UNAVAILABLE: { code: 'UNAVAILABLE', message: 'the graph database is not reachable at the moment; try again shortly' },
  TIMEOUT: { code: 'TIMEOUT', message: 'the query took longer than allowed and was stopped' },
};

/**
 * GraphQL errors by shape rather than by class: graphql ships CommonJS and ES module builds, and
 * an error made by a library loading the other one is not an `instanceof` this one's class.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** Maps what a resolver threw to what the client may see; null when it must be masked. */
export function expectedError(error: unknown): GraphQLError | null {
  // Raised by GraphQL itself or by the request limits (parse, validation, depth, cost…): the
  // client's own request is at fault, and the message says how.
  if (isGraphQLError(error) && !error.originalError) {
    // One code for every fault of the request itself (yoga says GRAPHQL_PARSE_FAILED,
    // GRAPHQL_VALIDATION_FAILED or BAD_REQUEST); the limits' messages begin "Syntax Error:" though
    // the syntax is fine.
    const message = error.message.replace(/^Syntax Error: (?=.*limit)/, '');
    return createGraphQLError(message, { extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
  }
  const original = isGraphQLError(error) && error.originalError ? error.originalError : error;
  if (isGraphQLError(original) && typeof original.extensions?.['code'] === 'string') return original;
  // A variable whose value is not of its type: GraphQL refuses it before anything runs (no path),
  // wrapping its own coercion error.
  if (isGraphQLError(error) && !error.path && isGraphQLError(original)) {
    return createGraphQLError(error.message, { extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
  }
  if (original instanceof QueryError || original instanceof CurationError) return apiError(original.code, original.message);
  if (original instanceof CorrectionFormatError) return apiError('BAD_USER_INPUT', original.message);
  if (original instanceof StoreError) {
    const known = STORE_MESSAGES[original.kind];
    return known ? apiError(known.code, known.message) : null;
  }
  return null;
}

/** yoga's maskError: expected errors keep their code and message, the rest become "Unexpected error.". */
export function maskError(error: unknown, message: string): Error {
  const expected = expectedError(error);
  if (expected) {
    // Keep where it happened so clients know which field or part of the query failed.
    const at = isGraphQLError(error) ? error : undefined;
    return new GraphQLError(expected.message, {
      nodes: at?.nodes,
      source: at?.source,
      positions: at?.positions,
      path: at?.path,
      extensions: expected.extensions,
    });
  }
  console.error('unexpected error:', (isGraphQLError(error) && error.originalError) || error);
  return createGraphQLError(message, {
    path: isGraphQLError(error) ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}
