// Undoing a correction: the documents it changed written again from the extraction they keep,
// the entities it changed put back as extraction described them, its marks taken off. The
// corrections still in force are then applied again by the caller.
import { keysOf, type StoredCorrection } from '../../curation/corrections.ts';
import { CurationError } from '../../curation/errors.ts';
import type { EntityType } from '../../model.ts';
import * as edits from './curation-edits-cypher.ts';
import { documentVersion, loadFromKept, mergeLoads } from './load-plan.ts';
import { groupBy, writeGroup, type Run, type Touched } from './write-group.ts';

/** Writes documents again as extraction left them (their kept extraction); returns what was touched. */
export async function replay(run: Run, documents: string[], batchSize: number): Promise<Touched> {
  if (documents.length === 0) return { entities: [], relations: [], documents: [] };
  const rows = await run(edits.keptExtractions(documents));
  const older = rows.find((r) => typeof r['extraction'] !== 'string');
  if (older) {
    throw new CurationError(
      'BAD_USER_INPUT',
      `the report "${String(older['id'])}" was loaded before the graph kept what extraction found in it, so this correction cannot be undone: ` +
        'load it again (npm run ingest -- <file> --force) and retry',
    );
  }
  const loads = rows.map((r) =>
    loadFromKept(
      r['id'] as string,
      documentVersion(r['hash'] as string, r['extractor'] as string | undefined),
      r['extraction'] as string,
      r['text'] as string,
    ),
  );
  return (await writeGroup(run, mergeLoads(loads), batchSize)).touched;
}

/** Puts entities back as extraction described them (a kept row), or else as the correction found them. */
export async function resetEntities(
  run: Run,
  snapshots: Array<{ id: string; type: EntityType; name: string; aliases: string[] }>,
): Promise<void> {
  if (snapshots.length === 0) return;
  const describing = new Map(
    (await run(edits.documentsDescribing(snapshots.map((s) => s.id)))).map((r) => [r['id'] as string, r['docs'] as string[]]),
  );
  const kept = new Map(
    (await run(edits.keptExtractions([...new Set([...describing.values()].flat())]))).map((r) => [r['id'] as string, r['extraction']]),
  );
  const rows: Array<{ id: string; type: EntityType; props: Record<string, unknown> }> = [];
  for (const snapshot of snapshots) {
    let props: Record<string, unknown> | undefined;
    for (const doc of describing.get(snapshot.id) ?? []) {
      const extraction = kept.get(doc);
      if (typeof extraction !== 'string') continue;
      const row = (JSON.parse(extraction) as { entities: Array<Record<string, unknown>> }).entities.find((e) => e['id'] === snapshot.id);
      if (!row) continue;
      const { starts: _starts, ends: _ends, ...rest } = row;
      props = rest;
      break;
    }
    rows.push({
      id: snapshot.id,
      type: (props?.['type'] as EntityType | undefined) ?? snapshot.type,
      props: props ?? { type: snapshot.type, name: snapshot.name, aliases: snapshot.aliases.length ? snapshot.aliases : null },
    });
  }
  for (const [type, list] of groupBy(rows, (r) => r.type)) await run(edits.resetEntities(type, list));
}

/** What undoing a correction must write again: documents to replay, entities to reset, relation marks to take off. */
export function undoPlan(c: StoredCorrection): {
  documents: string[];
  entities: Array<{ id: string; type: EntityType; name: string; aliases: string[] }>;
  relations: string[];
} {
  const documents = c.documents ?? [];
  switch (c.kind) {
    case 'confirm-relation':
      return { documents: c.recreated ? documents : [], entities: [], relations: [c.relation.id] };
    case 'reject-relation':
    case 'retype-relation':
    case 'reverse-relation':
    case 'add-relation':
      return { documents, entities: [], relations: keysOf(c).relations };
    case 'rename-entity':
    case 'retype-entity':
      return { documents: [], entities: [c.entity], relations: [] };
    case 'merge-entities':
      return { documents, entities: [c.into], relations: [] };
    case 'split-entity':
      return { documents, entities: [c.entity], relations: [] };
    case 'reject-entity':
    case 'add-entity':
      return { documents, entities: [], relations: [] };
    case 'undo':
      return { documents: [], entities: [], relations: [] };
  }
}
