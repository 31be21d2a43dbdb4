// The same graph the transactional loader writes, as the CSV files `neo4j-admin database import`
// reads: the bulk path for filling an empty local store, where transactions are bounded by their
// commit cost. Both paths store identical nodes, relationships and properties (compared in
// tests/integration/bulk-load.test.ts).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionExport, RelationType } from '../../model.ts';
import { label, relationshipType, SOURCE_DOCUMENT } from './cypher.ts';
import { documentRow, entityNode, evidenceProperties, keptExtractions, relationLists, relationsByDocument } from './load-plan.ts';

/**
 * Separates array elements and labels. A control character no text field keeps: the loader's
 * input is untrusted, so it is removed from values rather than trusted to be absent.
 */
export const ARRAY_DELIMITER = '\u001f';

export interface ImportFiles {
  /** `Label=file`, or a bare file whose rows carry their labels. */
  nodes: string[];
  /** `TYPE=file`. */
  relationships: string[];
  counts: { nodes: number; relationships: number; relations: number };
}

type ColumnType = 'string' | 'string[]' | 'long' | 'long[]' | 'double' | 'double[]';

/** A CSV header cell as neo4j-admin reads it (`name:type`, `:ID(group)`, `:LABEL`…) and its value type. */
interface Column {
  header: string;
  type: ColumnType;
}

const column = (name: string, type: ColumnType = 'string'): Column => ({ header: type === 'string' ? name : `${name}:${type}`, type });
const special = (header: string, type: ColumnType): Column => ({ header, type });

function cell(value: unknown, type: ColumnType): string {
  // An empty field is a missing property (the load plan already made empty lists missing).
  if (value === null || value === undefined) return '';
  if (type === 'long' || type === 'double') return String(value);
  if (type === 'long[]' || type === 'double[]') return (value as number[]).join(ARRAY_DELIMITER);
  if (type === 'string[]') return quote((value as string[]).map(clean).join(ARRAY_DELIMITER));
  return quote(clean(String(value)));
}

const clean = (text: string) => (text.includes(ARRAY_DELIMITER) ? text.replaceAll(ARRAY_DELIMITER, ' ') : text);
const quote = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

/**
 * Rows to one CSV file with a header line. Synchronous writes of 1 MiB chunks: millions of rows
 * go through here, and an await per row would cost more than the writing.
 */
class CsvFile {
  private readonly fd: number;
  private chunk: string;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: Column[],
  ) {
    this.fd = openSync(path, 'w');
    this.chunk = columns.map((c) => c.header).join(',') + '\n';
  }

  /** One row: its values in the order of the columns. */
  write(...values: unknown[]): void {
    const { columns } = this;
    let line = cell(values[0], columns[0]!.type);
    for (let i = 1; i < columns.length; i++) line += ',' + cell(values[i], columns[i]!.type);
    this.chunk += line + '\n';
    this.rows++;
    if (this.chunk.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.chunk);
    this.chunk = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

// Node ids in the files are row numbers (`--id-type=integer`): the importer maps integers much
// faster than strings. The stable string ids are ordinary `id` properties, as in the transactional path.
const ENTITY_PROPERTIES: [string, ColumnType][] = [
  ['id', 'string'],
  ['type', 'string'],
  ['name', 'string'],
  ['aliases', 'string[]'],
  ['code', 'string'],
  ['level', 'string'],
  ['officialName', 'string'],
  ['confidence', 'double'],
];
const ENTITY_COLUMNS = [
  special(':ID(Entity)', 'long'),
  special(':LABEL', 'string[]'),
  ...ENTITY_PROPERTIES.map(([name, type]) => column(name, type)),
];
const DOCUMENT_PROPERTIES: [string, ColumnType][] = [
  ['id', 'string'],
  ['file', 'string'],
  ['hash', 'string'],
  ['extractor', 'string'],
  ['title', 'string'],
  ['date', 'string'],
  ['source', 'string'],
  ['authors', 'string[]'],
  ['script', 'string'],
  ['encoding', 'string'],
  ['text', 'string'],
  ['diagnostics', 'string'],
  ['diagnosticCount', 'long'],
  ['relationIds', 'string[]'],
  ['relationTypes', 'string[]'],
  ['extraction', 'string'],
];
const DOCUMENT_COLUMNS = [special(`:ID(${SOURCE_DOCUMENT})`, 'long'), ...DOCUMENT_PROPERTIES.map(([name, type]) => column(name, type))];
const FACT_COLUMNS = (valueType: 'long' | 'double') => [
  special(':ID(Fact)', 'long'),
  column('entity'),
  column('label'),
  column('value', valueType),
  column('unit'),
  column('doc'),
  column('start', 'long'),
  column('end', 'long'),
  column('text'),
];
const MENTION_COLUMNS = [
  special(':START_ID(Entity)', 'long'),
  special(`:END_ID(${SOURCE_DOCUMENT})`, 'long'),
  column('starts', 'long[]'),
  column('ends', 'long[]'),
  column('count', 'long'),
];
const RELATION_PROPERTIES: [string, ColumnType][] = [
  ['id', 'string'],
  ['weight', 'long'],
  ['evidenceDocs', 'string[]'],
  ['evidenceStarts', 'long[]'],
  ['evidenceEnds', 'long[]'],
  ['evidenceTexts', 'string[]'],
  ['evidenceLinks', 'string[]'],
  ['evidenceConfidences', 'double[]'],
  ['confidence', 'double'],
];
const RELATION_COLUMNS = [
  special(':START_ID(Entity)', 'long'),
  special(':END_ID(Entity)', 'long'),
  ...RELATION_PROPERTIES.map(([name, type]) => column(name, type)),
];
const HAS_FACT_COLUMNS = [special(':START_ID(Entity)', 'long'), special(':END_ID(Fact)', 'long')];

/**
 * Writes a validated export as import files in `dir`, one per kind of node and relationship.
 * What is written matches what the transactional loader stores (tests/integration compare the
 * two): entities that something in a document holds, relations with their evidence, weights that
 * count evidence sentences.
 */
export function writeImportFiles(data: ExtractionExport, dir: string): ImportFiles {
  mkdirSync(dir, { recursive: true });
  // `prefix` is what the importer reads before the file name: node labels, or a relationship type.
  const files: { node: boolean; prefix: string; file: CsvFile }[] = [];
  const open = (name: string, columns: Column[], kind: { node: boolean; prefix: string }) => {
    const file = new CsvFile(join(dir, `${name}.csv`), columns);
    files.push({ ...kind, file });
    return file;
  };
  const nodes = (label: string) => ({ node: true, prefix: label });
  const relationships = (type: string) => ({ node: false, prefix: type });

  const documentKeys = new Map(data.documents.map((d, i) => [d.id, i]));
  const documents = open(SOURCE_DOCUMENT, DOCUMENT_COLUMNS, nodes(SOURCE_DOCUMENT));
  const held = relationsByDocument(data.relations);
  // Each document keeps the extraction it was loaded with, as the transactional path writes it.
  const kept = new Map(keptExtractions(data));
  for (const [key, document] of data.documents.entries()) {
    const row: Record<string, unknown> = {
      ...documentRow(document),
      ...relationLists(held.get(document.id)),
      extraction: kept.get(document.id),
    };
    documents.write(key, ...DOCUMENT_PROPERTIES.map(([name]) => row[name]));
  }

  // An entity is stored when a document mentions it, states a relation of it or a figure about it.
  const stored = new Set<string>();
  for (const e of data.entities) if (e.mentions.length > 0) stored.add(e.id);
  for (const r of data.relations) if (r.evidence.length > 0) stored.add(r.source).add(r.target);
  for (const f of data.facts) stored.add(f.entity);
  const entityKeys = new Map<string, number>();
  // Entities carry two labels, Entity and their type, in a :LABEL column.
  const entities = open('Entity', ENTITY_COLUMNS, nodes(''));
  const mentions = open('MENTIONED_IN', MENTION_COLUMNS, relationships('MENTIONED_IN'));
  for (const entity of data.entities) {
    if (!stored.has(entity.id)) continue;
    const key = entityKeys.size;
    entityKeys.set(entity.id, key);
    const node = entityNode(entity);
    entities.write(key, ['Entity', label(entity.type)], ...ENTITY_PROPERTIES.map(([name]) => node[name]));
    const byDoc = new Map<string, { starts: number[]; ends: number[] }>();
    for (const m of entity.mentions) {
      const offsets = byDoc.get(m.doc) ?? byDoc.set(m.doc, { starts: [], ends: [] }).get(m.doc)!;
      offsets.starts.push(m.start);
      offsets.ends.push(m.end);
    }
    for (const [doc, { starts, ends }] of byDoc) {
      mentions.write(key, documentKeys.get(doc), starts, ends, starts.length);
    }
  }

  const byType = new Map<RelationType, CsvFile>();
  let relations = 0;
  for (const relation of data.relations) {
    if (relation.evidence.length === 0) continue;
    let file = byType.get(relation.type);
    if (!file) byType.set(relation.type, (file = open(relation.type, RELATION_COLUMNS, relationships(relationshipType(relation.type)))));
    const properties: Record<string, unknown> = {
      id: relation.id,
      weight: relation.evidence.length,
      ...evidenceProperties(relation.evidence),
    };
    file.write(entityKeys.get(relation.source), entityKeys.get(relation.target), ...RELATION_PROPERTIES.map(([name]) => properties[name]));
    relations++;
  }

  // A fact's value is an integer or a float, as the transactional path stores it; a column has one type.
  const wholeFacts = open('Fact-long', FACT_COLUMNS('long'), nodes('Fact'));
  const fractionalFacts = open('Fact-double', FACT_COLUMNS('double'), nodes('Fact'));
  const hasFact = open('HAS_FACT', HAS_FACT_COLUMNS, relationships('HAS_FACT'));
  for (const [key, fact] of data.facts.entries()) {
    const { doc, start, end, text } = fact.evidence;
    (Number.isInteger(fact.value) ? wholeFacts : fractionalFacts).write(
      key,
      fact.entity,
      fact.label,
      fact.value,
      fact.unit,
      doc,
      start,
      end,
      text,
    );
    hasFact.write(entityKeys.get(fact.entity), key);
  }

  for (const { file } of files) file.close();
  const used = files.filter(({ file }) => file.rows > 0);
  const count = (node: boolean) => used.filter((f) => f.node === node).reduce((sum, f) => sum + f.file.rows, 0);
  return {
    nodes: used.filter((f) => f.node).map((f) => (f.prefix ? `${f.prefix}=` : '') + f.file.path),
    relationships: used.filter((f) => !f.node).map((f) => `${f.prefix}=${f.file.path}`),
    counts: { nodes: count(true), relationships: count(false), relations },
  };
}
