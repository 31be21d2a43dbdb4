// Opaque cursors for connections: an offset into a stable ordering, base64url-encoded.
import { badInput } from './errors.ts';

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The offset after `cursor` (0 without one); a cursor this API did not make is BAD_USER_INPUT. */
export function offsetAfter(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`after: "${cursor.slice(0, 40)}" is not a cursor from this API`);
  return Number(match[1]) + 1;
}

/** A page of `items` (the rows from `offset` on, one more than `first` fetched to know if more follow). */
export function pageOf<T>(rows: T[], offset: number, first: number, totalCount: number) {
  const items = rows.slice(0, first).map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return { items, totalCount, hasNextPage: rows.length > first || offset + items.length < totalCount };
}
