import { describe, expect, it } from 'vitest';
import { encodeCursor, offsetAfter, pageOf } from '../../graph/queries/cursor.ts';

describe('cursors', () => {
  it('continue after the item they were given for', () => {
    expect(offsetAfter(null)).toBe(0);
    expect(offsetAfter(encodeCursor(0))).toBe(1);
    expect(offsetAfter(encodeCursor(41))).toBe(42);
  });

  it('refuse what this API did not make, naming the argument', () => {
    for (const bad of ['nonsense', Buffer.from('o:-1').toString('base64url'), Buffer.from('x:3').toString('base64url')]) {
      expect(() => offsetAfter(bad)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^after:/) }),
      );
    }
  });

  it('make pages that know whether more follow', () => {
    const rows = ['a', 'b', 'c'];
    expect(pageOf(rows, 10, 2, 13)).toEqual({
      items: [
        { cursor: encodeCursor(10), node: 'a' },
        { cursor: encodeCursor(11), node: 'b' },
      ],
      totalCount: 13,
      hasNextPage: true,
    });
    expect(pageOf(['c'], 12, 2, 13)).toMatchObject({ hasNextPage: false, items: [{ cursor: encodeCursor(12) }] });
  });
});
