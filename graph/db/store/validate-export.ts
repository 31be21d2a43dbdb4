// An export file is input like any other: check its shape before anything is written, and name
// the first thing that is wrong by its path in the file.
import { isEntityType, isRelationType, type ExtractionExport } from '../../model.ts';

export class ExportFormatError extends Error {
  override name = 'ExportFormatError';
}

type Json = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new ExportFormatError(`${path}: ${problem}`);
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'must be a non-empty string');
  return value;
}

function offset(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) fail(path, 'must be a whole number ≥ 0');
  return value as number;
}

/** Checks an export parsed from JSON; returns it typed, or throws naming the first problem. */
export function validateExport(data: unknown): ExtractionExport {
  const root = object(data, '(root)');
  const documentIds = new Set<string>();
  array(root['documents'], 'documents').forEach((value, i) => {
    const d = object(value, `documents[${i}]`);
    const id = string(d['id'], `documents[${i}].id`);
    if (documentIds.has(id)) fail(`documents[${i}].id`, `"${id}" appears twice`);
    documentIds.add(id);
    string(d['hash'], `documents[${i}].hash`);
    if (d['extractor'] !== undefined && typeof d['extractor'] !== 'string') fail(`documents[${i}].extractor`, 'must be a string');
    if (typeof d['text'] !== 'string') fail(`documents[${i}].text`, 'must be a string');
    if (!Array.isArray(d['diagnostics'] ?? [])) fail(`documents[${i}].diagnostics`, 'must be an array');
  });
  const knownDoc = (doc: unknown, path: string) => {
    if (!documentIds.has(string(doc, path))) fail(path, `"${String(doc)}" is not in documents`);
  };

  const entityIds = new Set<string>();
  array(root['entities'], 'entities').forEach((value, i) => {
    const e = object(value, `entities[${i}]`);
    const id = string(e['id'], `entities[${i}].id`);
    if (entityIds.has(id)) fail(`entities[${i}].id`, `"${id}" appears twice`);
    entityIds.add(id);
    if (!isEntityType(e['type'])) fail(`entities[${i}].type`, `"${String(e['type'])}" is not an entity type`);
    string(e['name'], `entities[${i}].name`);
    array(e['aliases'] ?? [], `entities[${i}].aliases`).forEach((a, j) => string(a, `entities[${i}].aliases[${j}]`));
    array(e['mentions'], `entities[${i}].mentions`).forEach((m, j) => {
      const mention = object(m, `entities[${i}].mentions[${j}]`);
      knownDoc(mention['doc'], `entities[${i}].mentions[${j}].doc`);
      offset(mention['start'], `entities[${i}].mentions[${j}].start`);
      offset(mention['end'], `entities[${i}].mentions[${j}].end`);
    });
  });

  const relationIds = new Set<string>();
  array(root['relations'], 'relations').forEach((value, i) => {
    const r = object(value, `relations[${i}]`);
    const id = string(r['id'], `relations[${i}].id`);
    if (relationIds.has(id)) fail(`relations[${i}].id`, `"${id}" appears twice`);
    relationIds.add(id);
    if (!isRelationType(r['type'])) fail(`relations[${i}].type`, `"${String(r['type'])}" is not a relation type`);
    for (const end of ['source', 'target'] as const) {
      if (!entityIds.has(string(r[end], `relations[${i}].${end}`)))
        fail(`relations[${i}].${end}`, `"${String(r[end])}" is not an entity id`);
    }
    array(r['evidence'], `relations[${i}].evidence`).forEach((v, j) => {
      const evidence = object(v, `relations[${i}].evidence[${j}]`);
      knownDoc(evidence['doc'], `relations[${i}].evidence[${j}].doc`);
      offset(evidence['start'], `relations[${i}].evidence[${j}].start`);
      offset(evidence['end'], `relations[${i}].evidence[${j}].end`);
      if (typeof evidence['text'] !== 'string') fail(`relations[${i}].evidence[${j}].text`, 'must be a string');
    });
  });

  array(root['facts'] ?? [], 'facts').forEach((value, i) => {
    const f = object(value, `facts[${i}]`);
    if (!entityIds.has(string(f['entity'], `facts[${i}].entity`))) fail(`facts[${i}].entity`, 'is not an entity id');
    if (typeof f['value'] !== 'number' || !Number.isFinite(f['value'])) fail(`facts[${i}].value`, 'must be a number');
    knownDoc(object(f['evidence'], `facts[${i}].evidence`)['doc'], `facts[${i}].evidence.doc`);
  });

  return { ...(root as unknown as ExtractionExport), facts: (root['facts'] as ExtractionExport['facts']) ?? [] };
}
