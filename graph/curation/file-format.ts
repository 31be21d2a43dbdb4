// The corrections file (`npm run curation -- export` / `import`): versioned JSON, checked before
// anything is written, the first problem named by its path in the file
// (`corrections[3].kind: unknown kind "foo"`). The same checks guard what the API is given.
import { isEntityType, isRelationType, isUndirected, RELATION_TYPES, type Evidence } from '../model.ts';
import {
  CORRECTION_KINDS,
  isCorrectionKind,
  relationId,
  SNAPSHOT_EVIDENCE,
  type Correction,
  type EntitySnapshot,
  type RelationSnapshot,
  type Selection,
} from './corrections.ts';

export const CORRECTIONS_FILE_VERSION = 1;

export interface CorrectionsFile {
  version: typeof CORRECTIONS_FILE_VERSION;
  corrections: Correction[];
}

export class CorrectionFormatError extends Error {
  override name = 'CorrectionFormatError';
  constructor(
    /** Where in the file: `corrections[3].kind`. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** Longest name, reason and selection accepted. */
export const LIMITS = { name: 200, reason: 2000, selection: 2000, editor: 64, id: 300 } as const;

type Json = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new CorrectionFormatError(path, problem);
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Json;
}

function text(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) fail(path, 'must be a non-empty string');
  if (value.length > max) fail(path, `must be at most ${max} characters`);
  return value;
}

function whole(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) fail(path, 'must be a whole number ≥ 0');
  return value as number;
}

function list<T>(value: unknown, path: string, item: (v: unknown, path: string) => T, max = 10_000): T[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  if (value.length > max) fail(path, `must have at most ${max} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

function relationType(value: unknown, path: string, typedOnly: boolean) {
  if (!isRelationType(value) || (typedOnly && !(RELATION_TYPES as readonly unknown[]).includes(value))) {
    fail(path, `"${String(value)}" is not ${typedOnly ? 'a typed relation type' : 'a relation type'}`);
  }
  return value;
}

function entityType(value: unknown, path: string) {
  if (!isEntityType(value)) fail(path, `"${String(value)}" is not an entity type`);
  return value;
}

function evidence(value: unknown, path: string): Evidence {
  const e = object(value, path);
  const start = whole(e['start'], `${path}.start`);
  const end = whole(e['end'], `${path}.end`);
  if (end <= start) fail(`${path}.end`, 'must be after start');
  if (typeof e['text'] !== 'string') fail(`${path}.text`, 'must be a string');
  return { doc: text(e['doc'], `${path}.doc`, LIMITS.id), start, end, text: e['text'] };
}

function relationSnapshot(value: unknown, path: string): RelationSnapshot {
  const r = object(value, path);
  const type = relationType(r['type'], `${path}.type`, false);
  const source = text(r['source'], `${path}.source`, LIMITS.id);
  const target = text(r['target'], `${path}.target`, LIMITS.id);
  const id = text(r['id'], `${path}.id`, LIMITS.id * 3);
  if (id !== relationId(type, source, target)) fail(`${path}.id`, `must be "${relationId(type, source, target)}" for its type and ends`);
  return {
    id,
    type,
    source,
    target,
    sourceName: text(r['sourceName'], `${path}.sourceName`, LIMITS.name),
    targetName: text(r['targetName'], `${path}.targetName`, LIMITS.name),
    evidence: list(r['evidence'], `${path}.evidence`, evidence, SNAPSHOT_EVIDENCE),
  };
}

function entitySnapshot(value: unknown, path: string): EntitySnapshot {
  const e = object(value, path);
  return {
    id: text(e['id'], `${path}.id`, LIMITS.id),
    type: entityType(e['type'], `${path}.type`),
    name: text(e['name'], `${path}.name`, LIMITS.name),
    aliases: list(e['aliases'] ?? [], `${path}.aliases`, (v, p) => text(v, p, LIMITS.name), 1000),
  };
}

function selection(value: unknown, path: string): Selection {
  const s = object(value, path);
  const start = whole(s['start'], `${path}.start`);
  const end = whole(s['end'], `${path}.end`);
  if (end <= start) fail(`${path}.end`, 'must be after start');
  if (end - start > LIMITS.selection) fail(path, `must be at most ${LIMITS.selection} characters long`);
  const selected = typeof s['text'] === 'string' ? s['text'] : fail(`${path}.text`, 'must be a string');
  if (selected.length !== end - start) fail(`${path}.text`, `must be the ${end - start} characters from start to end`);
  return { doc: text(s['doc'], `${path}.doc`, LIMITS.id), start, end, text: selected };
}

function span(value: unknown, path: string, within: Selection) {
  if (value === undefined || value === null) return undefined;
  const s = object(value, path);
  const start = whole(s['start'], `${path}.start`);
  const end = whole(s['end'], `${path}.end`);
  if (!(within.start <= start && start < end && end <= within.end)) fail(path, 'must lie inside the selection');
  return { start, end };
}

function reasonOf(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(path, 'must be a string');
  if (value.length > LIMITS.reason) fail(path, `must be at most ${LIMITS.reason} characters`);
  return value.trim() || undefined;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks one correction (from a file or the API); `path` prefixes the problems it names. */
export function validateCorrection(value: unknown, path = '(correction)'): Correction {
  const c = object(value, path);
  const id = text(c['id'], `${path}.id`, LIMITS.id);
  if (!isCorrectionKind(c['kind'])) {
    fail(`${path}.kind`, `unknown kind ${JSON.stringify(c['kind'])} (known: ${CORRECTION_KINDS.join(', ')})`);
  }
  const editor = text(c['editor'], `${path}.editor`, LIMITS.editor);
  const at = typeof c['at'] === 'string' && ISO_TIME.test(c['at']) && !Number.isNaN(Date.parse(c['at'])) ? c['at'] : null;
  if (at === null) fail(`${path}.at`, 'must be a time in ISO 8601 (2025-01-31T12:00:00.000Z)');
  const reason = reasonOf(c['reason'], `${path}.reason`);
  const common = {
    id,
    editor,
    at,
    ...(reason !== undefined && { reason }),
    ...(c['documents'] !== undefined && { documents: list(c['documents'], `${path}.documents`, (v, p) => text(v, p, LIMITS.id)) }),
  };
  const at_ = (field: string) => `${path}.${field}`;
  switch (c['kind']) {
    case 'confirm-relation':
    case 'reject-relation':
      return { ...common, kind: c['kind'], relation: relationSnapshot(c['relation'], at_('relation')) };
    case 'retype-relation': {
      const relation = relationSnapshot(c['relation'], at_('relation'));
      const type = relationType(c['type'], at_('type'), true) as Extract<Correction, { kind: 'retype-relation' }>['type'];
      if (type === relation.type) fail(at_('type'), 'is already the relation’s type');
      return { ...common, kind: 'retype-relation', relation, type };
    }
    case 'reverse-relation': {
      const relation = relationSnapshot(c['relation'], at_('relation'));
      if (isUndirected(relation.type)) fail(at_('relation.type'), `${relation.type} has no direction to reverse`);
      return { ...common, kind: 'reverse-relation', relation };
    }
    case 'rename-entity':
      return { ...common, kind: 'rename-entity', entity: entitySnapshot(c['entity'], at_('entity')), name: name(c['name'], at_('name')) };
    case 'retype-entity':
      return {
        ...common,
        kind: 'retype-entity',
        entity: entitySnapshot(c['entity'], at_('entity')),
        type: entityType(c['type'], at_('type')),
      };
    case 'merge-entities': {
      const entity = entitySnapshot(c['entity'], at_('entity'));
      const into = entitySnapshot(c['into'], at_('into'));
      if (entity.id === into.id) fail(at_('into.id'), 'an entity cannot be merged into itself');
      return { ...common, kind: 'merge-entities', entity, into };
    }
    case 'split-entity': {
      const entity = entitySnapshot(c['entity'], at_('entity'));
      const documents = list(c['documents'], at_('documents'), (v, p) => text(v, p, LIMITS.id));
      if (documents.length === 0) fail(at_('documents'), 'must name at least one document');
      const newId = text(c['newId'], at_('newId'), LIMITS.id);
      if (newId === entity.id) fail(at_('newId'), 'must differ from the entity split');
      return {
        ...common,
        kind: 'split-entity',
        entity,
        documents,
        name: name(c['name'], at_('name')),
        type: entityType(c['type'], at_('type')),
        newId,
      };
    }
    case 'reject-entity':
      return { ...common, kind: 'reject-entity', entity: entitySnapshot(c['entity'], at_('entity')) };
    case 'add-relation': {
      const type = relationType(c['type'], at_('type'), true) as Extract<Correction, { kind: 'add-relation' }>['type'];
      const end = (field: 'source' | 'target') => {
        const e = object(c[field], at_(field));
        return { id: text(e['id'], at_(`${field}.id`), LIMITS.id), name: text(e['name'], at_(`${field}.name`), LIMITS.name) };
      };
      const source = end('source');
      const target = end('target');
      if (source.id === target.id) fail(at_('target.id'), 'a relation needs two different entities');
      const selected = selection(c['selection'], at_('selection'));
      const sourceSpan = span(c['sourceSpan'], at_('sourceSpan'), selected);
      const targetSpan = span(c['targetSpan'], at_('targetSpan'), selected);
      return {
        ...common,
        kind: 'add-relation',
        type,
        source,
        target,
        selection: selected,
        ...(sourceSpan && { sourceSpan }),
        ...(targetSpan && { targetSpan }),
      };
    }
    case 'add-entity':
      return {
        ...common,
        kind: 'add-entity',
        entityId: text(c['entityId'], at_('entityId'), LIMITS.id),
        type: entityType(c['type'], at_('type')),
        name: name(c['name'], at_('name')),
        selection: selection(c['selection'], at_('selection')),
      };
    case 'undo':
      return { ...common, kind: 'undo', undoes: text(c['undoes'], at_('undoes'), LIMITS.id) };
  }
  return fail(`${path}.kind`, 'unreachable');
}

function name(value: unknown, path: string): string {
  const named = text(value, path, LIMITS.name).trim();
  if (/[\u0000-\u001f\u007f]/.test(named)) fail(path, 'must not hold control characters');
  return named;
}

/** Checks a corrections file parsed from JSON; returns it typed, or throws naming the first problem. */
export function validateCorrectionsFile(data: unknown): CorrectionsFile {
  const root = object(data, '(root)');
  if (root['version'] !== CORRECTIONS_FILE_VERSION) {
    fail('version', `must be ${CORRECTIONS_FILE_VERSION}, got ${JSON.stringify(root['version'] ?? null)}`);
  }
  const seen = new Set<string>();
  const corrections = list(
    root['corrections'],
    'corrections',
    (value, path) => {
      const correction = validateCorrection(value, path);
      if (seen.has(correction.id)) fail(`${path}.id`, `"${correction.id}" appears twice`);
      seen.add(correction.id);
      return correction;
    },
    1_000_000,
  );
  return { version: CORRECTIONS_FILE_VERSION, corrections };
}
