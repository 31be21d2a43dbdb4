// LOCATED_IN: a place written right after the division it lies in (温州市龙湾区), or placed by a
// verb (位于龙湾区2049公园); and, per document, from the official hierarchy of linked places.
import { LOCATING } from '../../lexicon/verbs.ts';
import { lastMatchBefore } from '../../mentions/index.ts';
import type { ResolvedEntity } from '../../resolve/resolve.ts';
import type { SentenceContext } from '../contexts.ts';
import { LEVEL_RANK } from '../cues.ts';
import type { RelationFinding, RelationRule } from '../rule.ts';

export const placeAfterDivision: RelationRule = {
  name: 'place-after-division',
  states: ['LOCATED_IN'],
  anchor: ['District', 'Village'],
  // Source: the place written right after the division (or a hamlet after its village); target: the division or village.
  atMention({ here, entityOf, add }, i) {
    const m = here[i]!;
    const next = here[i + 1];
    // 某村某某自然村: a natural village right after the administrative one it belongs to.
    if (m.type === 'Village') {
      if (next && next.start === m.end && next.type === 'Village') add('LOCATED_IN', next.entity, m.entity);
      return;
    }
    // 温州市龙湾区, 乐清市仙溪镇石碧岩村: a place written right after the division it lies in.
    if (
      next &&
      next.start === m.end &&
      next.type !== 'Person' &&
      next.type !== 'Program' &&
      next.type !== 'Pilot' &&
      next.type !== 'Document'
    ) {
      const inner = entityOf(next);
      const outerRank = LEVEL_RANK[entityOf(m).level ?? 'township'];
      const innerRank = inner.type === 'District' ? LEVEL_RANK[inner.level ?? 'township'] : 9;
      if (innerRank > outerRank && inner.type !== 'Organization') add('LOCATED_IN', next.entity, m.entity);
    }
  },
};

export const firmInItsPlace: RelationRule = {
  name: 'firm-in-its-place',
  states: ['LOCATED_IN'],
  anchor: ['Company', 'District'],
  // Source: the firm or zone; target: the innermost place its name starts with.
  atMention({ here, entityOf, add }, i) {
    // 某区某镇强村公司, 某镇生态度假区: a firm or a zone named after the places it is in lies in the innermost.
    const m = here[i]!;
    if (m.type === 'District' && entityOf(m).level !== 'zone') return;
    let place: (typeof here)[number] | undefined;
    for (let at = m.start; ;) {
      const next = here.find((o) => o.start === at && o.end < m.end && (o.type === 'District' || o.type === 'Village'));
      if (!next) break;
      place = next;
      at = next.end;
    }
    if (place) add('LOCATED_IN', m.entity, place.entity);
  },
};

export const placedByVerb: RelationRule = {
  name: 'placed-by-verb',
  states: ['LOCATED_IN'],
  anchor: ['District', 'Place', 'Village'],
  // Source: the thing before the verb (or the site right after the place); target: the place after the verb.
  atMention({ text, sentence, here, add }, i) {
    const m = here[i]!;
    // 位于龙湾区2049公园: the thing before the verb lies in the place after it.
    const verb = lastMatchBefore(text, LOCATING, Math.max(sentence.start, m.start - 4), m.start);
    if (verb === undefined) return;
    const thing = [...here].reverse().find((o) => o.end <= verb && o.type !== 'Person' && o.type !== 'District');
    const after = here.find(
      (o) =>
        o.start >= m.end &&
        (o.type === 'Place' || o.type === 'Organization' || o.type === 'Company') &&
        text.slice(m.end, o.start).length <= 3,
    );
    if (thing) add('LOCATED_IN', thing.entity, m.entity);
    else if (after) add('LOCATED_IN', after.entity, m.entity);
  },
};

/**
 * LOCATED_IN from the official hierarchy: a linked place in its nearest parent the report names,
 * where no sentence of the document placed it already (`isLocatedIn`).
 */
export function hierarchyRelations(
  docId: string,
  contexts: SentenceContext[],
  entities: Map<string, ResolvedEntity>,
  isLocatedIn: (id: string, doc: string) => boolean,
): RelationFinding[] {
  const byCode = new Map<string, string>();
  for (const { mentions } of contexts) {
    for (const m of mentions) {
      const code = entities.get(m.entity)!.code;
      if (code) byCode.set(code, m.entity);
    }
  }
  const out: RelationFinding[] = [];
  for (const [code, id] of byCode) {
    if (isLocatedIn(id, docId)) continue;
    let parentId: string | undefined;
    for (let c = parentCode(code); c && !parentId; c = parentCode(c)) parentId = byCode.get(c);
    if (!parentId) continue;
    // Only where a sentence names both: the relation needs a sentence that supports it.
    // Chinese writes the larger place first (绍兴嵊州): a parent named after the place states nothing of it.
    for (const { mentions, sentence } of contexts) {
      const place = mentions.find((m) => m.entity === id && mentions.some((p) => p.entity === parentId && p.end <= m.start));
      if (!place) continue;
      const parent = mentions.find((p) => p.entity === parentId && p.end <= place.start)!;
      const ends = {
        source: { link: 'named' as const, start: place.start, end: place.end },
        target: { link: 'named' as const, start: parent.start, end: parent.end },
      };
      out.push({ type: 'LOCATED_IN', source: id, target: parentId, sentence, rule: 'official-hierarchy', ends });
      break;
    }
  }
  return out;
}

/** GB/T 2260 parent: village 12 digits → township 9 → county 6 → city 4 → province 2. */
function parentCode(code: string): string | undefined {
  const lengths: Record<number, number> = { 12: 9, 9: 6, 6: 4, 4: 2 };
  const parent = lengths[code.length];
  return parent ? code.slice(0, parent) : undefined;
}
