// Expected problems of a correction (its target is gone, or what was asked makes no sense), named
// so the API can give them a code (server/errors.ts maps them).
export type CurationErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT';

export class CurationError extends Error {
  override name = 'CurationError';
  constructor(
    readonly code: CurationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
