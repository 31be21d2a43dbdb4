// Turns what an editor asks for (reject this relation, merge these two entities…) into a
// correction that describes its target as it stands, read inside the transaction that records it.
// Asking about something that is not there is NOT_FOUND; asking for what makes no sense is
// BAD_USER_INPUT.
import { entityId, SNAPSHOT_EVIDENCE, type Correction, type EntitySnapshot, type RelationSnapshot } from '../../curation/corrections.ts';
import { CurationError } from '../../curation/errors.ts';
import { LIMITS, validateCorrection } from '../../curation/file-format.ts';
import { isEntityType, isUndirected, RELATION_TYPES, type EntityType, type TypedRelationType } from '../../model.ts';
import * as edits from './curation-edits-cypher.ts';
import { documentsOfState, toState, typeOfRelationId } from './curation-state.ts';
import type { Run } from './write-group.ts';

/** What an editor asks for; the store reads the rest. */
export type CorrectionRequest =
  | { kind: 'confirm-relation' | 'reject-relation' | 'reverse-relation'; relation: string }
  | { kind: 'retype-relation'; relation: string; type: string }
  | { kind: 'rename-entity'; entity: string; name: string }
  | { kind: 'retype-entity'; entity: string; type: string }
  | { kind: 'merge-entities'; entity: string; into: string }
  | { kind: 'split-entity'; entity: string; documents: string[]; name: string; type?: string | null }
  | { kind: 'reject-entity'; entity: string }
  | { kind: 'add-relation'; type: string; source: string; target: string; document: string; start: number; end: number }
  | { kind: 'add-entity'; type: string; name?: string | null; document: string; start: number; end: number };

const notFound = (message: string) => new CurationError('NOT_FOUND', message);
const badInput = (message: string) => new CurationError('BAD_USER_INPUT', message);

async function describeRelation(run: Run, id: string): Promise<{ snapshot: RelationSnapshot; documents: string[] }> {
  const type = typeOfRelationId(id);
  const [row] = type ? await run(edits.readRelations(new Map([[type, [id]]]))[0]!) : [];
  if (!type || !row) throw notFound(`no relation has the id "${id}"`);
  const state = toState(type, row);
  const names = new Map((await run(edits.readEntities([state.source, state.target]))).map((r) => [r['id'], r['name'] as string]));
  const evidence = [...state.entries]
    .sort((a, b) => (a.evidenceDocs < b.evidenceDocs ? -1 : a.evidenceDocs > b.evidenceDocs ? 1 : a.evidenceStarts - b.evidenceStarts))
    .slice(0, SNAPSHOT_EVIDENCE)
    .map((e) => ({ doc: e.evidenceDocs, start: e.evidenceStarts, end: e.evidenceEnds, text: e.evidenceTexts }));
  return {
    snapshot: {
      id,
      type,
      source: state.source,
      target: state.target,
      sourceName: names.get(state.source) ?? state.source,
      targetName: names.get(state.target) ?? state.target,
      evidence,
    },
    documents: documentsOfState(state),
  };
}

async function describeEntity(run: Run, id: string): Promise<{ snapshot: EntitySnapshot; documents: string[] }> {
  const [row] = await run(edits.readEntities([id]));
  if (!row) throw notFound(`no entity has the id "${id}"`);
  const documents = (await run(edits.readMentions([id], null))).map((m) => m['doc'] as string);
  for (const relation of await run(edits.readEntityRelations([id]))) {
    documents.push(...((relation['props'] as { evidenceDocs?: string[] }).evidenceDocs ?? []));
  }
  return {
    snapshot: { id, type: row['type'] as EntityType, name: row['name'] as string, aliases: row['aliases'] as string[] },
    documents: [...new Set(documents)],
  };
}

function typed(type: string, field: string): TypedRelationType {
  if (!(RELATION_TYPES as readonly string[]).includes(type)) throw badInput(`${field}: "${type}" is not a typed relation type`);
  return type as TypedRelationType;
}

function entityType(type: string, field: string): EntityType {
  if (!isEntityType(type)) throw badInput(`${field}: "${type}" is not an entity type`);
  return type;
}

function cleanName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badInput(`${field}: must not be empty`);
  if (trimmed.length > LIMITS.name) throw badInput(`${field}: must be at most ${LIMITS.name} characters`);
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw badInput(`${field}: must not hold control characters`);
  return trimmed;
}

/** A reader's selection checked against the report: inside its text, not too long. */
async function selectionIn(run: Run, document: string, start: number, end: number) {
  const [row] = await run(edits.documentTexts([document]));
  if (!row) throw notFound(`no document has the id "${document}"`);
  const text = row['text'] as string;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw badInput(`start and end must select some of the report's ${text.length} characters (0 ≤ start < end ≤ ${text.length})`);
  }
  if (end - start > LIMITS.selection) throw badInput(`a selection must be at most ${LIMITS.selection} characters`);
  const selected = text.slice(start, end);
  if (selected.trim().length === 0) throw badInput('the selection holds no words');
  return { doc: document, start, end, text: selected };
}

/** Where an entity is named inside a selection: a mention there, else its name or an alias in the selected text. */
async function endSpan(
  run: Run,
  entity: { id: string; name: string; aliases: string[] },
  selection: { doc: string; start: number; end: number; text: string },
) {
  for (const row of await run(edits.readMentions([entity.id], [selection.doc]))) {
    const ends = row['ends'] as number[];
    const index = (row['starts'] as number[]).findIndex((s, i) => s >= selection.start && ends[i]! <= selection.end);
    if (index >= 0) return { start: (row['starts'] as number[])[index]!, end: ends[index]! };
  }
  for (const form of [entity.name, ...entity.aliases].sort((a, b) => b.length - a.length)) {
    const at = selection.text.indexOf(form);
    if (form && at >= 0) return { start: selection.start + at, end: selection.start + at + form.length };
  }
  return undefined;
}

/**
 * The correction a request makes, its target described as it stands now (read with `run` inside
 * the recording transaction). Throws CurationError when the target is missing or the request wrong.
 */
export async function buildCorrection(
  run: Run,
  request: CorrectionRequest,
  made: { id: string; editor: string; at: string; reason?: string | undefined },
): Promise<Correction> {
  const common = { id: made.id, editor: made.editor, at: made.at, ...(made.reason?.trim() ? { reason: made.reason.trim() } : {}) };
  let correction: Correction;
  switch (request.kind) {
    case 'confirm-relation':
    case 'reject-relation':
    case 'reverse-relation':
    case 'retype-relation': {
      const { snapshot, documents } = await describeRelation(run, request.relation);
      if (request.kind === 'reverse-relation' && isUndirected(snapshot.type))
        throw badInput(`a ${snapshot.type} relation has no direction to reverse`);
      if (request.kind === 'retype-relation') {
        const type = typed(request.type, 'type');
        if (type === snapshot.type) throw badInput(`the relation is already ${type}`);
        correction = { ...common, documents, kind: 'retype-relation', relation: snapshot, type };
      } else correction = { ...common, documents, kind: request.kind, relation: snapshot };
      break;
    }
    case 'rename-entity': {
      const { snapshot, documents } = await describeEntity(run, request.entity);
      correction = { ...common, documents, kind: 'rename-entity', entity: snapshot, name: cleanName(request.name, 'name') };
      break;
    }
    case 'retype-entity': {
      const { snapshot, documents } = await describeEntity(run, request.entity);
      const type = entityType(request.type, 'type');
      if (type === snapshot.type) throw badInput(`the entity is already a ${type}`);
      correction = { ...common, documents, kind: 'retype-entity', entity: snapshot, type };
      break;
    }
    case 'reject-entity': {
      const { snapshot, documents } = await describeEntity(run, request.entity);
      correction = { ...common, documents, kind: 'reject-entity', entity: snapshot };
      break;
    }
    case 'merge-entities': {
      if (request.entity === request.into) throw badInput('an entity cannot be merged into itself');
      const merged = await describeEntity(run, request.entity);
      const kept = await describeEntity(run, request.into);
      correction = { ...common, documents: merged.documents, kind: 'merge-entities', entity: merged.snapshot, into: kept.snapshot };
      break;
    }
    case 'split-entity': {
      const { snapshot, documents } = await describeEntity(run, request.entity);
      const chosen = [...new Set(request.documents)];
      if (chosen.length === 0) throw badInput('documents: name at least one report whose mentions go to the new entity');
      const foreign = chosen.find((doc) => !documents.includes(doc));
      if (foreign !== undefined) throw badInput(`documents: "${foreign}" does not mention ${snapshot.name}`);
      if (chosen.length === documents.length) throw badInput('documents: a split leaves some reports to the entity; rename it instead');
      const type = request.type ? entityType(request.type, 'type') : snapshot.type;
      const name = cleanName(request.name, 'name');
      const plain = entityId(type, name);
      // A homonym (two villages of one name) keeps the name: the id tells them apart.
      const newId = plain === snapshot.id ? `${plain}#${made.id.slice(0, 8)}` : plain;
      correction = { ...common, kind: 'split-entity', entity: snapshot, documents: chosen, name, type, newId };
      break;
    }
    case 'add-relation': {
      const type = typed(request.type, 'type');
      if (request.source === request.target) throw badInput('a relation needs two different entities');
      const ends = new Map((await run(edits.readEntities([request.source, request.target]))).map((r) => [r['id'] as string, r]));
      for (const id of [request.source, request.target]) if (!ends.has(id)) throw notFound(`no entity has the id "${id}"`);
      const selection = await selectionIn(run, request.document, request.start, request.end);
      const end = (id: string) => ({ id, name: ends.get(id)!['name'] as string, aliases: ends.get(id)!['aliases'] as string[] });
      const sourceSpan = await endSpan(run, end(request.source), selection);
      const targetSpan = await endSpan(run, end(request.target), selection);
      correction = {
        ...common,
        kind: 'add-relation',
        type,
        source: { id: request.source, name: end(request.source).name },
        target: { id: request.target, name: end(request.target).name },
        selection,
        ...(sourceSpan && { sourceSpan }),
        ...(targetSpan && { targetSpan }),
      };
      break;
    }
    case 'add-entity': {
      const type = entityType(request.type, 'type');
      const selection = await selectionIn(run, request.document, request.start, request.end);
      const name = cleanName(request.name?.trim() ? request.name : selection.text, 'name');
      const plain = entityId(type, name);
      // An entity of that name and type may exist already (a linked district carries its code in its id).
      const [existing] = await run(edits.readEntities([plain]));
      const [named] = existing ? [] : await run(edits.entitiesNamed(type, name));
      correction = { ...common, kind: 'add-entity', entityId: (named?.['id'] as string | undefined) ?? plain, type, name, selection };
      break;
    }
  }
  // The same checks as a corrections file: what is recorded can always be exported and imported.
  return validateCorrection(JSON.parse(JSON.stringify(correction)));
}
