// Argument checks shared by the resolvers: each failure names the argument and the allowed range.
import { badInput } from '../errors.ts';
import type { PageArgs } from '../../graph/index.ts';

/** A whole number from `min` to `max`, or BAD_USER_INPUT naming the argument. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** A list of ids of a bounded size. */
export function idList(name: string, ids: readonly string[], min: number, max: number): string[] {
  if (ids.length < min || ids.length > max) throw badInput(`${name} must hold ${min} to ${max} ids, got ${ids.length}`);
  for (const id of ids) if (id.length === 0 || id.length > 500) throw badInput(`${name}: an id must be 1 to 500 characters`);
  return [...new Set(ids)];
}

/** `first`/`after` of a connection. */
export function page(first: number, after: string | null | undefined, max: number): PageArgs {
  return { first: intInRange('first', first, 1, max), after: after ?? null };
}

/** Free text of bounded length, trimmed; empty is refused. */
export function text(name: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw badInput(`${name} must be 1 to ${max} characters`);
  return trimmed;
}

/** The PageInfo of a page. */
export function pageInfo(p: { items: Array<{ cursor: string }>; hasNextPage: boolean }) {
  return { hasNextPage: p.hasNextPage, endCursor: p.items.at(-1)?.cursor ?? null };
}
