// A corrections file for a synthetic export, as readers might write it: every relation picked
// confirmed (40 %), rejected (30 %), retyped (15 %) or reversed (15 %), and a few entities renamed
// and merged. The export's reports are rewritten so every sentence stands at its offsets, as in
// real reports (a correction finds its sentence again by its words).
import type { Correction, EntityRecord, ExtractionExport, RelationRecord, TypedRelationType } from '../graph/index.ts';

const SENTENCE = '龙湾区倾力实施全省首个行政区未来社区全域类试点，建设“未来城区”。';
const AT = '2025-01-01T00:00:00.000Z';

/** The export with each report's text made of the sentence, every evidence (and mention) placed on one of them. */
export function withSentencesInPlace(data: ExtractionExport): ExtractionExport {
  const slots = 30;
  const text = SENTENCE.repeat(slots);
  const place = (i: number) => (i % slots) * SENTENCE.length;
  return {
    ...data,
    documents: data.documents.map((d) => ({ ...d, text })),
    relations: data.relations.map((r, i) => ({
      ...r,
      evidence: r.evidence.map((e) => ({ ...e, start: place(i), end: place(i) + SENTENCE.length, text: SENTENCE })),
    })),
    entities: data.entities.map((e) => ({ ...e, mentions: e.mentions.map((m, i) => ({ ...m, start: place(i), end: place(i) + 3 })) })),
  };
}

const RETYPE: Partial<Record<TypedRelationType, TypedRelationType>> = { IMPLEMENTS: 'FUNDS', FUNDS: 'IMPLEMENTS' };

function snapshot(r: RelationRecord, names: Map<string, string>) {
  return {
    id: r.id,
    type: r.type,
    source: r.source,
    target: r.target,
    sourceName: names.get(r.source)!,
    targetName: names.get(r.target)!,
    evidence: r.evidence.slice(0, 20),
  };
}

/** Corrections of `count` relations (directed ones, spread over the export) and of a few entities. */
export function syntheticCorrections(data: ExtractionExport, count: number): Correction[] {
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  const directed = data.relations.filter((r) => r.type !== 'PARTNERS_WITH' && r.type !== 'CO_MENTIONED');
  const step = Math.max(1, Math.floor(directed.length / count));
  const picked = directed.filter((_, i) => i % step === 0).slice(0, count);
  const corrections: Correction[] = picked.map((r, i): Correction => {
    const common = { id: `bench-r${i}`, editor: 'bench', at: AT, relation: snapshot(r, names) };
    const slot = i % 20;
    if (slot < 8) return { ...common, kind: 'confirm-relation' };
    if (slot < 14) return { ...common, kind: 'reject-relation' };
    if (slot < 17 && RETYPE[r.type as TypedRelationType])
      return { ...common, kind: 'retype-relation', type: RETYPE[r.type as TypedRelationType]! };
    return { ...common, kind: 'reverse-relation' };
  });
  // A few entities too: the rarest ones (the export's last), renamed, and pairs merged.
  const rare = (data.entities as EntityRecord[]).filter((e) => e.mentions.length > 0).slice(-300);
  const describe = (e: EntityRecord) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases });
  rare
    .slice(0, 100)
    .forEach((e, i) =>
      corrections.push({ id: `bench-e${i}`, kind: 'rename-entity', editor: 'bench', at: AT, entity: describe(e), name: `${e.name}（核）` }),
    );
  for (let i = 0; i < 20; i++) {
    const [a, b] = [rare[100 + 2 * i], rare[101 + 2 * i]];
    if (a && b)
      corrections.push({ id: `bench-m${i}`, kind: 'merge-entities', editor: 'bench', at: AT, entity: describe(a), into: describe(b) });
  }
  return corrections;
}
