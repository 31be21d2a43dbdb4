// The offline importer's heap: a million relations with their sentences do not fit in the server's 2 GiB.
import { describe, expect, it } from 'vitest';
import { importerHeap } from '../../graph/db/neo4j/import-local.ts';

const GiB = 2 ** 30;

describe("the bulk importer's heap", () => {
  it('takes a quarter of the machine, up to 8 GiB, when that is more than the server heap', () => {
    expect(importerHeap('2g', 24 * GiB)).toBe('6144m');
    expect(importerHeap('2g', 64 * GiB)).toBe('8192m');
  });

  it("keeps the server's heap when it is larger, or the machine small", () => {
    expect(importerHeap('12g', 64 * GiB)).toBe('12g');
    expect(importerHeap('2g', 4 * GiB)).toBe('2g');
    expect(importerHeap('4096m', 16 * GiB)).toBe('4096m');
  });
});
