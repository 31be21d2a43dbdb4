// Synthetic extraction exports at a chosen scale, for load benchmarks: Chinese names, entity
// degrees skewed like real reports (a few districts and programs everywhere, most things rare).
import type { EntityRecord, EntityType, ExtractionExport, RelationRecord, TypedRelationType } from '../graph/index.ts';
import { seededRandom } from './seeded-random.ts';

const SYLLABLES =
  '龙湾乐清平阳瑞安永嘉苍南文成泰顺洞头鹿城瓯海西湖滨江萧山余杭临平富阳桐庐淳安建德上城拱墅钱塘天河闻堰仙溪淡溪芦浦湖前沿江华中万顺三江石碧';
const SUFFIX: Record<EntityType, string[]> = {
  District: ['区', '县', '镇', '街道'],
  Village: ['村', '社区'],
  Company: ['科技有限公司', '集团', '合作社'],
  Program: ['改革', '工程', '行动', '平台'],
  Pilot: ['试点', '示范区', '样板'],
  Organization: ['委员会', '协会', '中心'],
  Person: [''],
  Document: ['实施方案', '通知'],
  Place: ['公园', '产业园'],
};
/** Each type as many times as its weight, in the order given: the chance a draw picks it. */
function drawn<T extends string>(weights: Record<T, number>): T[] {
  return (Object.entries(weights) as Array<[T, number]>).flatMap(([type, weight]) => Array<T>(weight).fill(type));
}
// Keyed by the vocabulary's types (graph/model.ts): a type added there must be given a weight here.
const TYPES = drawn<EntityType>({
  Program: 2,
  Organization: 1,
  Village: 1,
  Company: 1,
  Pilot: 1,
  District: 1,
  Person: 1,
  Place: 1,
  Document: 1,
});
const RELATION_TYPES = drawn<TypedRelationType>({
  IMPLEMENTS: 3,
  LOCATED_IN: 1,
  SELECTED_AS: 1,
  PARTNERS_WITH: 1,
  HOLDS_POSITION: 1,
  ISSUED: 1,
  FUNDS: 1,
  PART_OF: 1,
});

export interface SyntheticOptions {
  relations: number;
  /** Relations per document. */
  perDocument?: number;
  seed?: number;
}

export function syntheticExport({ relations, perDocument = 1000, seed = 7 }: SyntheticOptions): ExtractionExport {
  const next = seededRandom(seed);
  const entityCount = Math.max(50, Math.round(relations / 4));
  const name = (i: number, type: EntityType) => {
    let n = '';
    for (let k = i + 1; k > 0; k = Math.floor(k / 60)) n += SYLLABLES[k % SYLLABLES.length];
    const suffixes = SUFFIX[type];
    return n + suffixes[i % suffixes.length]!;
  };
  const entities: EntityRecord[] = Array.from({ length: entityCount }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    return { id: `${type}:${name(i, type)}#${i}`, type, name: name(i, type), aliases: [], mentions: [] };
  });
  // Zipf-like: entity k is picked with probability ∝ 1/(k+1).
  const pick = () => Math.min(entityCount - 1, Math.floor(Math.exp(next() * Math.log(entityCount + 1))) - 1);

  const documentCount = Math.ceil(relations / perDocument);
  const documents = Array.from({ length: documentCount }, (_, d) => ({
    id: `synthetic-${String(d).padStart(6, '0')}.txt`,
    file: `synthetic/${d}.txt`,
    hash: `h${seed}-${d}`,
    extractor: 'synthetic',
    title: `合成报告${d}`,
    date: null,
    source: null,
    authors: [],
    script: 'simplified' as const,
    encoding: 'utf-8',
    text: '合成文本。'.repeat(20),
    diagnostics: [],
  }));
  const out: RelationRecord[] = [];
  const seen = new Set<string>();
  const mentioned = new Set<string>();
  const sentence = '龙湾区倾力实施全省首个行政区未来社区全域类试点，建设“未来城区”。';
  for (let i = 0; out.length < relations; i++) {
    const doc = documents[Math.min(documentCount - 1, Math.floor(out.length / perDocument))]!.id;
    const source = entities[pick()]!,
      target = entities[pick()]!;
    const type = RELATION_TYPES[i % RELATION_TYPES.length]!;
    const id = `${type}:${source.id}->${target.id}`;
    if (source === target || seen.has(id)) continue;
    seen.add(id);
    const start = (i * 37) % 1000;
    out.push({
      id,
      type,
      source: source.id,
      target: target.id,
      weight: 1,
      evidence: [{ doc, start, end: start + sentence.length, text: sentence }],
    });
    for (const e of [source, target]) {
      if (mentioned.has(`${e.id}\n${doc}`)) continue;
      mentioned.add(`${e.id}\n${doc}`);
      e.mentions.push({ doc, start, end: start + 3 });
    }
  }
  return { documents, entities, relations: out, facts: [] };
}
