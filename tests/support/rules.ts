// Helpers of the rules tests: extract one short text, find an entity by any of its names, ask
// whether a relation holds. The rules are tested as what they are: proposers of names and
// relations, without the models that weigh their proposals (those have tests of their own).
import { createExtractor, type ExtractionExport, type RelationType } from '../../graph/index.ts';
import { CACHE_DIR } from './seeds.ts';

const extractor = createExtractor({ cacheDir: CACHE_DIR, entityModel: null, relationModel: null });

export function extract(text: string): ExtractionExport {
  return extractor.extract([
    { id: 'report.txt', path: 'report.txt', hash: text.length.toString(), encoding: 'utf-8', format: 'text', text },
  ]);
}

export function finds(data: ExtractionExport, name: string) {
  return data.entities.find((e) => e.name === name || e.aliases.includes(name));
}

export function relates(data: ExtractionExport, type: RelationType, source: string, target: string): boolean {
  const s = finds(data, source)?.id,
    t = finds(data, target)?.id;
  return data.relations.some((r) => r.type === type && r.source === s && r.target === t);
}

/** An undirected relation is stored once, in either order. */
export function partners(data: ExtractionExport, a: string, b: string): boolean {
  return relates(data, 'PARTNERS_WITH', a, b) || relates(data, 'PARTNERS_WITH', b, a);
}
