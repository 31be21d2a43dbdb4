// Writing some documents' facts inside a transaction the caller holds: what a load does, what a
// removal does (an empty document), and what undoing a correction does (documents written again
// from the extraction they keep). Returns what it touched, for the corrections to apply after it.
import type { EntityType, RelationType } from '../../model.ts';
import * as cypher from './cypher.ts';
import type { Statement } from './cypher.ts';
import type { LoadGroup, Row } from './load-plan.ts';

/** Runs a statement in the caller's transaction and returns its rows as plain objects. */
export type Run = (statement: Statement) => Promise<Row[]>;

/** What a group's write touched: the entities, relations and documents corrections may concern. */
export interface Touched {
  entities: string[];
  relations: string[];
  documents: string[];
}

export function groupBy<K, T>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Some documents' facts written in the caller's transaction: nothing of any of them is stored
 * unless all of it is. Their previous facts are detached first, and what only those supported
 * pruned after. Returns how many entities were pruned and what was touched.
 */
export async function writeGroup(run: Run, group: LoadGroup, batchSize: number): Promise<{ removed: number; touched: Touched }> {
  // Documents first: their locks make concurrent loads of the same document take turns.
  for (const batch of chunks(group.documents, batchSize)) await run(cypher.upsertDocuments(batch));
  const ids = group.loads.map((l) => l.id);
  const [detached] = await run(cypher.detachDocuments(ids));
  // A relation two of the documents stated is listed twice; its sentences are taken out once.
  const previous = [
    ...new Map(((detached?.['relations'] ?? []) as Array<{ id: string; type: RelationType }>).map((r) => [r.id, r])).values(),
  ];
  const previousByType = groupBy(previous, (r) => r.type);
  for (const [type, relations] of previousByType) {
    for (const batch of chunks(relations, batchSize))
      await run(
        cypher.detachEvidence(
          type,
          batch.map((r) => ({ id: r.id, docs: ids })),
        ),
      );
  }

  for (const [type, entities] of groupBy(group.entities, (e) => e['type'] as EntityType)) {
    for (const batch of chunks(entities, batchSize)) await run(cypher.upsertEntities(type, batch));
  }
  for (const batch of chunks(group.mentions, batchSize)) await run(cypher.createMentions(batch));
  for (const [type, relations] of group.relations) {
    for (const batch of chunks(relations, batchSize)) await run(cypher.upsertRelations(type, batch));
  }
  for (const batch of chunks(group.facts, batchSize)) await run(cypher.createFacts(batch));
  for (const batch of chunks(group.documentRelations, batchSize)) await run(cypher.setDocumentRelations(batch));

  // What the old versions supported and the new ones do not: delete it if nothing else does.
  for (const [type, lowered] of previousByType) {
    for (const batch of chunks(
      lowered.map((r) => r.id),
      batchSize,
    ))
      await run(cypher.pruneRelations(type, batch));
  }
  const detachedEntities = (detached?.['entities'] ?? []) as string[];
  let removed = 0;
  for (const batch of chunks(detachedEntities, batchSize)) {
    const [result] = await run(cypher.pruneEntities(batch));
    removed += Number(result?.['removed'] ?? 0);
  }
  const relations = new Set(previous.map((r) => r.id));
  for (const rows of group.relations.values()) for (const row of rows) relations.add(row['id'] as string);
  return {
    removed,
    touched: {
      entities: [...new Set([...group.entities.map((e) => e['id'] as string), ...detachedEntities])],
      relations: [...relations],
      documents: ids,
    },
  };
}
