// Relations by (type, endpoints), their evidence merged; undirected ones stored once.
import { isUndirected, type Evidence, type RelationRecord, type RelationType } from '../../model.ts';

export class RelationCollector {
  /** Every relation, in the order first added. */
  private readonly inOrder: RelationRecord[] = [];
  /**
   * Type → source → target → the relation and, per document, the start of every evidence sentence
   * it holds there. Nested maps of ids the entities already hold, rather than one map of composed
   * ids: adding a relation builds no string, and a repeat is found without a scan. Most relations
   * rest on one sentence of a document: its start is held as a number, a set only from the second.
   */
  private readonly index = new Map<
    RelationType,
    Map<string, Map<string, { relation: RelationRecord; held: Map<string, number | Set<number>> }>>
  >();

  /** Adds a sentence's evidence for a relation; `confidence`, when given, raises the relation's to it. */
  add(type: RelationType, source: string, target: string, evidence: Evidence, confidence?: number): void {
    if (source === target) return;
    if (isUndirected(type) && source > target) {
      [source, target] = [target, source];
      // The ends follow their entities: the stored source is the one the sentence gave as target.
      if (evidence.ends) evidence = { ...evidence, ends: { source: evidence.ends.target, target: evidence.ends.source } };
    }
    const bySource = this.index.get(type) ?? this.index.set(type, new Map()).get(type)!;
    const byTarget = bySource.get(source) ?? bySource.set(source, new Map()).get(source)!;
    let entry = byTarget.get(target);
    if (!entry) {
      entry = { relation: { id: `${type}:${source}->${target}`, type, source, target, weight: 0, evidence: [] }, held: new Map() };
      byTarget.set(target, entry);
      this.inOrder.push(entry.relation);
    }
    const { relation, held } = entry;
    if (confidence !== undefined && !(relation.confidence !== undefined && relation.confidence >= confidence))
      relation.confidence = confidence;
    const starts = held.get(evidence.doc);
    if (starts === undefined) held.set(evidence.doc, evidence.start);
    else if (typeof starts === 'number') {
      if (starts === evidence.start) return;
      held.set(evidence.doc, new Set([starts, evidence.start]));
    } else {
      if (starts.has(evidence.start)) return;
      starts.add(evidence.start);
    }
    relation.evidence.push(evidence);
    relation.weight = relation.evidence.length;
  }

  records(): RelationRecord[] {
    return [...this.inOrder];
  }
}
