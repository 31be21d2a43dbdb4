// What the API benchmark asks for, drawn from a synthetic export: search text (Chinese prefixes
// and their pinyin), hubs and ordinary entities, and pairs of entities a few hops apart.
import { pinyin } from 'pinyin-pro';
import type { ExtractionExport } from '../graph/index.ts';
import { seededRandom } from './seeded-random.ts';

export interface Sample<V> {
  /** What kind of input this is (hub, ordinary, zh2, pinyin…), for the breakdown. */
  kind: string;
  variables: V;
}

export interface GraphSamples {
  search: Array<Sample<{ query: string }>>;
  entity: Array<Sample<{ id: string }>>;
  paths: Array<Sample<{ from: string; to: string }>>;
  /** Entities by degree, most connected first. */
  hubs: Array<{ id: string; degree: number }>;
}

/** How many of the most connected entities count as hubs. */
const HUBS = 10;

/**
 * `count` samples of each kind. One entity in five is a hub; search cycles through one-, two- and
 * three-character prefixes of names and the pinyin of two- and three-character ones; path pairs
 * are the ends of random walks of 1 to 4 steps, so a path within 4 hops exists.
 */
export function drawSamples(data: ExtractionExport, count: number, seed = 11): GraphSamples {
  const next = seededRandom(seed);
  const ids = data.entities.map((e) => e.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const neighbours: number[][] = ids.map(() => []);
  for (const r of data.relations) {
    const a = index.get(r.source),
      b = index.get(r.target);
    if (a === undefined || b === undefined) continue;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const connected = ids.map((_, i) => i).filter((i) => neighbours[i]!.length > 0);
  const byDegree = [...connected].sort((a, b) => neighbours[b]!.length - neighbours[a]!.length);
  const hubs = byDegree.slice(0, HUBS);
  const hubSet = new Set(hubs);
  const ordinary = connected.filter((i) => !hubSet.has(i));
  const pickOrdinary = () => ordinary[Math.floor(next() * ordinary.length)]!;

  const entity = Array.from({ length: count }, (_, i) => {
    const hub = i % 5 === 0;
    const at = hub ? hubs[(i / 5) % hubs.length]! : pickOrdinary();
    return { kind: hub ? 'hub' : 'ordinary', variables: { id: ids[at]! } };
  });

  const SEARCH_KINDS = ['zh1', 'zh2', 'pinyin2', 'zh3', 'pinyin3'] as const;
  const search = Array.from({ length: count }, (_, i) => {
    const kind = SEARCH_KINDS[i % SEARCH_KINDS.length]!;
    const name = data.entities[pickOrdinary()]!.name;
    const length = Math.min(name.length, Number(kind.at(-1)));
    const prefix = name.slice(0, length);
    const query = kind.startsWith('zh') ? prefix : pinyin(prefix, { toneType: 'none', type: 'array' }).join('');
    return { kind, variables: { query } };
  });

  const paths: GraphSamples['paths'] = [];
  while (paths.length < count) {
    const start = pickOrdinary();
    const steps = 1 + Math.floor(next() * 4);
    let at = start;
    for (let s = 0; s < steps; s++) {
      const around = neighbours[at]!;
      at = around[Math.floor(next() * around.length)]!;
    }
    if (at === start) continue;
    paths.push({ kind: `walk${steps}`, variables: { from: ids[start]!, to: ids[at]! } });
  }

  return { search, entity, paths, hubs: hubs.map((i) => ({ id: ids[i]!, degree: neighbours[i]!.length })) };
}
