// An entity's hierarchy where places are linked densely: every place of one level lies in every
// place of the next, so the chains from a village multiply by 14 a level (7.5 million up to six
// levels). The hierarchy follows them breadth first and answers; enumerating them ran past the
// hierarchy's transaction timeout.
import { describe, expect, it } from 'vitest';
import type { EntityRecord, ExtractionExport, RelationRecord } from '../../graph/index.ts';
import { loadedGraph } from '../support/loaded-graph.ts';

const PER_LEVEL = 14;
const LEVELS = ['township', 'county', 'city', 'province', 'zone', 'zone'] as const;

function latticeExport(): ExtractionExport {
  const text = '底村位于各地。';
  const entities: EntityRecord[] = [
    { id: 'Village:底村', type: 'Village', name: '底村', aliases: [], mentions: [{ doc: 'l.txt', start: 0, end: 2 }] },
  ];
  const relations: RelationRecord[] = [];
  let below = ['Village:底村'];
  LEVELS.forEach((level, depth) => {
    const here = Array.from({ length: PER_LEVEL }, (_, i) => `District:第${depth + 1}层${i}地#${depth}${i}`);
    for (const id of here)
      entities.push({
        id,
        type: 'District',
        name: id.slice(9).replace(/#.*/, ''),
        aliases: [],
        level,
        mentions: [{ doc: 'l.txt', start: 2, end: 6 }],
      });
    for (const source of below) {
      for (const target of here)
        relations.push({
          id: `LOCATED_IN:${source}->${target}`,
          type: 'LOCATED_IN',
          source,
          target,
          weight: 1,
          evidence: [{ doc: 'l.txt', start: 0, end: text.length, text }],
        });
    }
    below = here;
  });
  return {
    documents: [
      {
        id: 'l.txt',
        file: 'fixtures/l.txt',
        hash: 'hash-l',
        extractor: 'test',
        title: text,
        date: null,
        source: null,
        authors: [],
        script: 'simplified',
        encoding: 'utf-8',
        text,
        diagnostics: [],
      },
    ],
    entities,
    relations,
    facts: [],
  };
}

const graph = loadedGraph(latticeExport);

describe('the hierarchy of densely linked places', () => {
  it('answers with the nearest place of each level, innermost first', async () => {
    const [hierarchy] = await graph.queries.hierarchy(['Village:底村']);
    expect(hierarchy!.map((e) => e.level)).toEqual(['township', 'county', 'city', 'province']);
    expect(hierarchy!.map((e) => e.name.slice(0, 3))).toEqual(['第1层', '第2层', '第3层', '第4层']);
  });
});
