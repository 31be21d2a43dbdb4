// Synthetic graphs for the canvas benchmark: deterministic, Chinese names, the contract's types,
// edges mostly local (a ring of districts with their villages and programs) plus random long links.
import { ENTITY_TYPES, isUndirected, RELATION_TYPES, type EntityType } from '../../graph/model.ts';
import type { EdgeInput, NodeInput, SubgraphInput } from '../../web/state/vocabulary.ts';
import { seededRandom } from '../seeded-random.ts';

const PLACES = [
  '龙湾',
  '瓯海',
  '鹿城',
  '乐清',
  '瑞安',
  '永嘉',
  '平阳',
  '苍南',
  '文成',
  '泰顺',
  '洞头',
  '西湖',
  '余杭',
  '萧山',
  '临安',
  '桐庐',
  '淳安',
  '建德',
];
const SUFFIX: Record<EntityType, string> = {
  District: '区',
  Village: '村',
  Company: '农业科技有限公司',
  Program: '共富工坊',
  Pilot: '未来乡村试点',
  Organization: '农业农村局',
  Person: '书记',
  Document: '实施意见',
  Place: '产业园',
};

/** `nodes` entities and `edges` relations, the same for the same arguments. */
export function syntheticSubgraph(nodes: number, edges: number, seed = 7): SubgraphInput {
  const next = seededRandom(seed);
  const out: NodeInput[] = [];
  for (let i = 0; i < nodes; i++) {
    const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
    const name = `${PLACES[i % PLACES.length]}${Math.floor(i / PLACES.length)}${SUFFIX[type]}`;
    out.push({ id: `${type}:${name}#${i}`, type, name, degree: 0, hiddenTotal: next() < 0.05 ? Math.ceil(next() * 30) : 0 });
  }
  const seen = new Set<string>();
  const rels: EdgeInput[] = [];
  while (rels.length < edges) {
    const a = Math.floor(next() * nodes);
    // Three in four edges stay within a neighbourhood of ids, the rest go anywhere.
    const b = next() < 0.75 ? (a + 1 + Math.floor(next() * 40)) % nodes : Math.floor(next() * nodes);
    if (a === b) continue;
    const type = RELATION_TYPES[Math.floor(next() * RELATION_TYPES.length)]!;
    const id = `${type}:${out[a]!.id}->${out[b]!.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out[a]!.degree++;
    out[b]!.degree++;
    rels.push({
      id,
      type,
      source: out[a]!.id,
      target: out[b]!.id,
      weight: 1 + Math.floor(next() * next() * 8),
      directed: !isUndirected(type),
    });
  }
  return { nodes: out, edges: rels };
}
